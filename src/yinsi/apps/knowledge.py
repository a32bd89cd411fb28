"""The app-audit knowledge base: PI types, permissions and APIs, app categories, tracker SDKs, packers.

Everything is versioned data in `yinsi/data/apps/*.yaml`, read offline and validated on load: a malformed
entry raises ConfigurationError naming the file and the entry (STYLE.md #11). The data is immutable, so
`default_knowledge()` loads it once per process and shares it; `load_knowledge(directory)` reads another copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from yinsi.apps._entries import EntryReader, load_yaml_document
from yinsi.core.errors import ConfigurationError

# A Java package or class name: dot-separated identifiers, no wildcard, no trailing dot.
_JAVA_NAME = re.compile(r"^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$")
# "<class>.<method>": at least two segments; the method may be a constructor.
_CALL = re.compile(r"^(?:[A-Za-z_$][\w$]*\.)+(?:<init>|[A-Za-z_$][\w$]*)$")
CONFIDENCE_MARKS = frozenset({"V", "C", "X", "U"})


@dataclass(frozen=True, slots=True)
class PiType:
    """A personal-information type of the shared vocabulary (permissions, categories and SDKs use it)."""

    id: str
    zh: str
    en: str
    sensitive: bool
    origin: str  # "device": readable from the phone; "user": typed or uploaded by the user


@dataclass(frozen=True, slots=True)
class PermissionInfo:
    """An Android permission, the PI types it opens and whether it is a runtime ("dangerous") permission."""

    name: str
    pi_types: tuple[str, ...]
    dangerous: bool
    note: str = ""


@dataclass(frozen=True, slots=True)
class SensitiveApi:
    """A framework method, static field or content URI whose use reads personal information."""

    name: str
    pi_types: tuple[str, ...]
    kind: str  # "method", "field" or "uri"
    note: str = ""
    ambiguous: bool = False  # also used harmlessly: references from Android's support libraries don't count


@dataclass(frozen=True, slots=True)
class NecessaryItem:
    """One item of a category's necessary personal information, as the 2021 regulation words it."""

    text: str
    pi_types: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AppCategory:
    """One of the 39 categories of 《常见类型移动互联网应用程序必要个人信息范围规定》 (2021)."""

    number: int
    zh: str
    en: str
    basic_service: str
    necessary: tuple[NecessaryItem, ...]
    functional: tuple[str, ...]  # project judgement: device functions the basic service itself uses
    confidence: str
    note: str = ""

    @property
    def necessary_types(self) -> frozenset[str]:
        return frozenset(pi for item in self.necessary for pi in item.pi_types)

    @property
    def label(self) -> str:
        return f"{self.number}. {self.zh} ({self.en})"


@dataclass(frozen=True, slots=True)
class TrackerSignature:
    """A tracker or third-party SDK: how to recognise it and what it collects.

    Built-in signatures use segment-anchored `packages`; signatures from an Exodus-format file carry a
    `code_regex` instead (searched in class names, as Exodus does) and no consent knowledge.
    """

    id: str
    name: str
    vendor: str
    categories: tuple[str, ...]
    packages: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    meta_data: tuple[str, ...] = ()
    native_libraries: tuple[str, ...] = ()
    collects: tuple[str, ...] = ()
    pre_consent: tuple[str, ...] = ()
    post_consent: tuple[str, ...] = ()
    confidence: str = "U"
    name_zh: str = ""
    notes: str = ""
    references: tuple[str, ...] = ()
    code_regex: str | None = None
    origin: str = "yinsi"

    @property
    def display_name(self) -> str:
        return f"{self.name_zh} {self.name}" if self.name_zh else self.name


@dataclass(frozen=True, slots=True)
class PackerSignature:
    """An APK packer / hardening service (加固) recognised by its loader's files and classes."""

    id: str
    name: str
    name_zh: str
    native_libraries: tuple[str, ...]
    assets: tuple[str, ...]
    classes: tuple[str, ...]
    confidence: str


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    """All knowledge files, validated and cross-checked (every PI type referenced is defined)."""

    pi_types: dict[str, PiType]
    permissions: dict[str, PermissionInfo]
    apis: dict[str, SensitiveApi]
    categories: tuple[AppCategory, ...]
    trackers: tuple[TrackerSignature, ...]
    packers: tuple[PackerSignature, ...]
    versions: dict[str, str]
    library_callers: tuple[str, ...] = ()  # package prefixes of Android's own support libraries

    def pi(self, pi_type: str) -> PiType:
        return self.pi_types[pi_type]

    def category(self, query: str) -> AppCategory | None:
        """Find a category by number, Chinese name or English name; None for "unknown" (未知).

        Raises ConfigurationError listing the valid choices when nothing matches.
        """
        wanted = query.strip()
        lowered = wanted.casefold()
        if lowered in {"unknown", "未知", "none", "?"}:
            return None
        for candidate in self.categories:
            names = {str(candidate.number), candidate.zh, candidate.zh.removesuffix("类"),
                     candidate.en.casefold()}
            if wanted in names or lowered in names:
                return candidate
        raise ConfigurationError(
            f"unknown app category {query!r}: give a number 1-{len(self.categories)}, a Chinese name "
            f"such as {self.categories[35].zh} or an English name such as {self.categories[35].en!r}, "
            "or 'unknown'")

    def sensitive_api_names(self) -> frozenset[str]:
        """API names in both inner-class spellings (`Settings$Secure` and `Settings.Secure`)."""
        return frozenset(name for api in self.apis for name in (api, api.replace("$", ".")))


def _data_dir() -> Path:
    return Path(str(files("yinsi") / "data" / "apps"))


def _check_pi(reader: EntryReader, pi_types: tuple[str, ...], known: dict[str, PiType]) -> tuple[str, ...]:
    for pi_type in pi_types:
        if pi_type not in known:
            raise reader.error(f"unknown PI type {pi_type!r} (define it in permissions.yaml pi_types)")
    return pi_types


def _check_confidence(reader: EntryReader, mark: str) -> str:
    if mark not in CONFIDENCE_MARKS and mark not in {"high", "medium", "low"}:
        raise reader.error(f"confidence must be one of V, C, X, U (or high/medium/low), not {mark!r}")
    return mark


def load_permissions(path: Path) -> tuple[dict[str, PiType], dict[str, PermissionInfo],
                                          dict[str, SensitiveApi], tuple[str, ...], str]:
    """permissions.yaml: the PI-type vocabulary, permission -> PI types, sensitive APIs -> PI types."""
    document = load_yaml_document(path, required=("pi_types", "permissions", "apis"))
    pi_types: dict[str, PiType] = {}
    for index, raw in enumerate(document["pi_types"]):
        reader = EntryReader(path.name, "pi_types", index, raw)
        origin = reader.text("origin")
        if origin not in {"device", "user"}:
            raise reader.error("origin must be 'device' or 'user'")
        pi = PiType(reader.text("id"), reader.text("zh"), reader.text("en"), reader.flag("sensitive"), origin)
        if pi.id in pi_types:
            raise reader.error("duplicate PI type id")
        pi_types[pi.id] = pi
    permissions: dict[str, PermissionInfo] = {}
    for index, raw in enumerate(document["permissions"]):
        reader = EntryReader(path.name, "permissions", index, raw)
        name = reader.text("name")
        if not _JAVA_NAME.match(name) or name in permissions:
            raise reader.error("permission name must be a unique dotted name")
        permissions[name] = PermissionInfo(name, _check_pi(reader, reader.strings("pi_types"), pi_types),
                                           reader.flag("dangerous"), reader.optional_text("note"))
    apis: dict[str, SensitiveApi] = {}
    for index, raw in enumerate(document["apis"]):
        reader = EntryReader(path.name, "apis", index, raw)
        name, kind = reader.text("name"), reader.text("kind")
        if kind not in {"method", "field", "uri"}:
            raise reader.error("kind must be method, field or uri")
        if (kind == "uri" and not name.startswith("content://")) or (kind != "uri" and not _CALL.match(name)):
            raise reader.error(f"malformed {kind} name {name!r}")
        if name in apis:
            raise reader.error("duplicate API name")
        pi_of_api = _check_pi(reader, reader.strings("pi_types", required=True), pi_types)
        apis[name] = SensitiveApi(name, pi_of_api, kind, reader.optional_text("note"),
                                  reader.flag("ambiguous", default=False))
    library_callers = document.get("library_callers", [])
    if not isinstance(library_callers, list) or not all(
            isinstance(prefix, str) and _JAVA_NAME.match(prefix) for prefix in library_callers):
        raise ConfigurationError(f"{path.name}: library_callers must be a list of dotted package names")
    return pi_types, permissions, apis, tuple(library_callers), str(document["version"])


def load_categories(path: Path, pi_types: dict[str, PiType]) -> tuple[tuple[AppCategory, ...], str]:
    """categories.yaml: the 39 categories of the 2021 regulation, numbered 1..39 without gaps."""
    document = load_yaml_document(path, required=("categories",))
    categories: list[AppCategory] = []
    for index, raw in enumerate(document["categories"]):
        reader = EntryReader(path.name, "categories", index, raw)
        necessary = []
        for item_index, item in enumerate(reader.entries("necessary")):
            item_reader = EntryReader(path.name, f"category {index + 1} necessary", item_index, item)
            necessary.append(NecessaryItem(
                item_reader.text("text"),
                _check_pi(item_reader, item_reader.strings("pi_types", required=True), pi_types)))
        category = AppCategory(
            number=reader.integer("number"), zh=reader.text("zh"), en=reader.text("en"),
            basic_service=reader.text("basic_service"), necessary=tuple(necessary),
            functional=_check_pi(reader, reader.strings("functional"), pi_types),
            confidence=_check_confidence(reader, reader.text("confidence")),
            note=reader.optional_text("note"))
        if category.number != index + 1:
            raise reader.error(f"categories must be numbered in order; expected {index + 1}")
        categories.append(category)
    return tuple(categories), str(document["version"])


def load_trackers(path: Path, pi_types: dict[str, PiType]) -> tuple[tuple[TrackerSignature, ...], str]:
    """trackers.yaml: SDK signatures with well-formed, unique package prefixes and call names."""
    document = load_yaml_document(path, required=("trackers", "categories"))
    allowed_categories = set(document["categories"])
    trackers: list[TrackerSignature] = []
    seen_ids: set[str] = set()
    owner_of_prefix: dict[str, str] = {}
    for index, raw in enumerate(document["trackers"]):
        reader = EntryReader(path.name, "trackers", index, raw)
        tracker = TrackerSignature(
            id=reader.text("id"), name=reader.text("name"), vendor=reader.text("vendor"),
            categories=reader.strings("categories", required=True),
            packages=reader.strings("packages", required=True), excludes=reader.strings("excludes"),
            meta_data=reader.strings("meta_data"), native_libraries=reader.strings("native_libraries"),
            collects=_check_pi(reader, reader.strings("collects"), pi_types),
            pre_consent=reader.strings("pre_consent"), post_consent=reader.strings("post_consent"),
            confidence=_check_confidence(reader, reader.text("confidence")),
            name_zh=reader.optional_text("name_zh"), notes=reader.optional_text("notes"),
            references=reader.strings("references"))
        if tracker.id in seen_ids:
            raise reader.error("duplicate tracker id")
        seen_ids.add(tracker.id)
        for category in tracker.categories:
            if category not in allowed_categories:
                raise reader.error(f"category {category!r} is not in the file's categories list")
        for prefix in (*tracker.packages, *tracker.excludes):
            if not _JAVA_NAME.match(prefix):
                raise reader.error(f"package prefix {prefix!r} is not a dotted Java name (no wildcards, "
                                   "no trailing dot)")
        for prefix in tracker.packages:
            if prefix in owner_of_prefix:
                owner = owner_of_prefix[prefix]
                raise reader.error(f"package prefix {prefix!r} already belongs to {owner!r}")
            owner_of_prefix[prefix] = tracker.id
        for call in (*tracker.pre_consent, *tracker.post_consent):
            if not _CALL.match(call):
                raise reader.error(f"call {call!r} must be written <class>.<method>")
        trackers.append(tracker)
    return tuple(trackers), str(document["version"])


def load_packers(path: Path) -> tuple[tuple[PackerSignature, ...], str]:
    """packers.yaml: packer / hardening signatures."""
    document = load_yaml_document(path, required=("packers",))
    packers = []
    for index, raw in enumerate(document["packers"]):
        reader = EntryReader(path.name, "packers", index, raw)
        classes = reader.strings("classes")
        for prefix in classes:
            if not _JAVA_NAME.match(prefix):
                raise reader.error(f"class prefix {prefix!r} is not a dotted Java name")
        packers.append(PackerSignature(
            reader.text("id"), reader.text("name"), reader.optional_text("name_zh"),
            reader.strings("native_libraries"), reader.strings("assets"), classes,
            _check_confidence(reader, reader.text("confidence"))))
    return tuple(packers), str(document["version"])


def load_knowledge(directory: Path | None = None) -> KnowledgeBase:
    """Read and validate every knowledge file of `directory` (default: the copy shipped in the package)."""
    base = directory or _data_dir()
    pi_types, permissions, apis, library_callers, permissions_version = load_permissions(
        base / "permissions.yaml")
    categories, categories_version = load_categories(base / "categories.yaml", pi_types)
    trackers, trackers_version = load_trackers(base / "trackers.yaml", pi_types)
    packers, packers_version = load_packers(base / "packers.yaml")
    return KnowledgeBase(
        pi_types=pi_types, permissions=permissions, apis=apis, categories=categories, trackers=trackers,
        packers=packers, library_callers=library_callers,
        versions={"permissions": permissions_version, "categories": categories_version,
                  "trackers": trackers_version, "packers": packers_version})


@cache
def default_knowledge() -> KnowledgeBase:
    """The shipped knowledge base, loaded and validated once per process (it is immutable data)."""
    return load_knowledge()


def sensitive_api_names() -> frozenset[str]:
    """Framework members whose references APK extraction should report in `AppFacts.api_calls`."""
    return default_knowledge().sensitive_api_names()
