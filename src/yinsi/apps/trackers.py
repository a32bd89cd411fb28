"""Which tracker SDKs an app embeds: segment-anchored package prefixes, manifest keys and native libraries.

A prefix matches at package-segment boundaries only (`com.umeng` matches `com.umeng.analytics.X`, never
`com.umengx.Y`), and the longest matching prefix wins, so `com.amap.api.location` beats `com.amap.api`.
Signatures from an Exodus-format file (`load_exodus_trackers`) are applied the way Exodus applies them:
each `code_signature` regex is searched in every class name. Their matches are folded into a built-in
match when they only see classes the built-in signatures already attribute.
"""

from __future__ import annotations

import fnmatch
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from yinsi.apps.facts import AppFacts
from yinsi.apps.knowledge import TrackerSignature
from yinsi.core.errors import ConfigurationError

_SAMPLE_CLASSES = 3
_EXCLUDED = "\0excluded"
# Exodus categories -> the project's tracker categories.
_EXODUS_CATEGORIES = {"analytics": "analytics", "advertisement": "ads", "crash reporting": "crash",
                      "location": "location", "identification": "login_share", "profiling": "analytics"}


@dataclass(frozen=True, slots=True)
class TrackerMatch:
    """A tracker found in an APK and the evidence for it (counts and names, never code)."""

    tracker: TrackerSignature
    class_count: int = 0
    prefixes: tuple[str, ...] = ()
    sample_classes: tuple[str, ...] = ()
    meta_data: tuple[str, ...] = ()
    native_libraries: tuple[str, ...] = ()
    also_known_as: tuple[str, ...] = ()

    @property
    def code_evidence(self) -> bool:
        return self.class_count > 0

    def evidence(self) -> tuple[str, ...]:
        """Human-readable evidence lines for a report."""
        lines = []
        if self.class_count:
            lines.append(f"{self.class_count} classes under {', '.join(self.prefixes)}")
        lines.extend(f"meta-data {key}" for key in self.meta_data)
        lines.extend(f"native library {name}" for name in self.native_libraries)
        lines.extend(f"also listed as {name}" for name in self.also_known_as)
        return tuple(lines)


class TrackerIndex:
    """Matches an app's class names, meta-data keys and native libraries against tracker signatures."""

    __slots__ = ("_by_meta", "_by_prefix", "_exodus", "_globs", "_trackers")

    def __init__(self, trackers: Iterable[TrackerSignature]) -> None:
        self._trackers = tuple(trackers)
        self._by_prefix: dict[str, str] = {}
        self._by_meta: dict[str, list[str]] = {}
        self._globs: list[tuple[str, str]] = []
        self._exodus: list[tuple[TrackerSignature, re.Pattern[str]]] = []
        for tracker in self._trackers:
            if tracker.code_regex is not None:
                self._exodus.append((tracker, re.compile(tracker.code_regex)))
                continue
            for prefix in tracker.packages:
                self._by_prefix.setdefault(prefix, tracker.id)
            for prefix in tracker.excludes:
                self._by_prefix[prefix] = _EXCLUDED
            for key in tracker.meta_data:
                self._by_meta.setdefault(key, []).append(tracker.id)
            self._globs.extend((pattern, tracker.id) for pattern in tracker.native_libraries)

    @property
    def trackers(self) -> tuple[TrackerSignature, ...]:
        return self._trackers

    def owner_of(self, class_name: str) -> str | None:
        """The tracker id owning `class_name` by the longest segment-anchored prefix, or None."""
        segments = class_name.replace("$", ".").split(".")
        for end in range(len(segments), 0, -1):
            owner = self._by_prefix.get(".".join(segments[:end]))
            if owner is not None:
                return None if owner == _EXCLUDED else owner
        return None

    def match(self, facts: AppFacts) -> tuple[TrackerMatch, ...]:
        """Every tracker with evidence in `facts`, built-in ones first, each sorted by name."""
        classes_of: dict[str, list[str]] = {}
        prefixes_of: dict[str, set[str]] = {}
        owner_cache: dict[str, str | None] = {}
        for class_name in facts.classes:
            package = class_name.rpartition(".")[0]
            # Class-level prefixes (a full class name in `packages`) are rare: check the name itself first.
            owner = self._by_prefix.get(class_name)
            if owner is None:
                if package not in owner_cache:
                    owner_cache[package] = self.owner_of(package) if package else None
                owner = owner_cache[package]
            elif owner == _EXCLUDED:
                owner = None
            if owner is not None:
                classes_of.setdefault(owner, []).append(class_name)
                prefixes_of.setdefault(owner, set()).add(self._matched_prefix(class_name))
        meta_of: dict[str, list[str]] = {}
        for key in facts.meta_data_keys:
            for owner in self._by_meta.get(key, ()):
                meta_of.setdefault(owner, []).append(key)
        libraries_of: dict[str, list[str]] = {}
        for library in {PurePosixPath(path).name for path in facts.native_libraries}:
            for pattern, owner in self._globs:
                if fnmatch.fnmatchcase(library, pattern):
                    libraries_of.setdefault(owner, []).append(library)
        matches = []
        for tracker in self._trackers:
            if tracker.code_regex is not None:
                continue
            found = sorted(classes_of.get(tracker.id, ()))
            meta = tuple(sorted(set(meta_of.get(tracker.id, ()))))
            libraries = tuple(sorted(set(libraries_of.get(tracker.id, ()))))
            # A manifest key alone is weak evidence when a sibling SDK of the same vendor has code in
            # the APK (JPush and JCore share JPUSH_APPKEY; old Umeng builds ship analytics only).
            if not found and not libraries and any(
                    other.vendor == tracker.vendor and classes_of.get(other.id)
                    for other in self._trackers if other.id != tracker.id):
                continue
            if found or meta or libraries:
                prefixes = tuple(sorted(prefixes_of.get(tracker.id, ())))
                matches.append(TrackerMatch(tracker, len(found), prefixes, tuple(found[:_SAMPLE_CLASSES]),
                                            meta, libraries))
        return self._fold_exodus(facts, matches)

    def _matched_prefix(self, class_name: str) -> str:
        segments = class_name.replace("$", ".").split(".")
        for end in range(len(segments), 0, -1):
            candidate = ".".join(segments[:end])
            if candidate in self._by_prefix:
                return candidate
        return class_name

    def _fold_exodus(self, facts: AppFacts, matches: list[TrackerMatch]) -> tuple[TrackerMatch, ...]:
        if not self._exodus:
            return tuple(matches)
        # Each signature is searched once in all class names joined by newlines (a fast literal scan in
        # C); only a signature that hits there is run class by class. 5x faster than per-class search.
        names = sorted(facts.classes)
        joined = "\n".join(names)
        by_id = {match.tracker.id: index for index, match in enumerate(matches)}
        extra: list[TrackerMatch] = []
        for tracker, pattern in self._exodus:
            if not pattern.search(joined):
                continue
            found = [name for name in names if pattern.search(name)]
            if not found:
                continue
            owners = {self.owner_of(name) for name in found}
            if None not in owners and owners <= by_id.keys():
                # Everything this signature sees is already attributed: record the alias on the
                # built-in match that holds most of the classes.
                target = max(owners, key=lambda owner: sum(self.owner_of(n) == owner for n in found))
                index = by_id[target]  # type: ignore[index]
                current = matches[index]
                matches[index] = TrackerMatch(
                    current.tracker, current.class_count, current.prefixes, current.sample_classes,
                    current.meta_data, current.native_libraries, (*current.also_known_as, tracker.name))
                continue
            extra.append(TrackerMatch(tracker, len(found), (tracker.code_regex or "",),
                                      tuple(found[:_SAMPLE_CLASSES])))
        return (*matches, *extra)


def load_exodus_trackers(path: Path) -> tuple[TrackerSignature, ...]:
    """Read an Exodus-format tracker file (`{"trackers": {id: {name, code_signature, categories}}}`).

    Entries with an empty `code_signature` are skipped: an empty regex would match every class.
    """
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ConfigurationError(f"{path}: cannot read Exodus tracker file: {error}") from error
    entries = document.get("trackers") if isinstance(document, dict) else None
    if isinstance(entries, dict):
        entries = list(entries.values())
    if not isinstance(entries, list):
        raise ConfigurationError(f"{path}: expected an object with a 'trackers' mapping or list")
    trackers = []
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise ConfigurationError(f"{path}: tracker entry without a name: {str(entry)[:80]}")
        signature = entry.get("code_signature") or ""
        if not isinstance(signature, str):
            raise ConfigurationError(f"{path}: tracker {entry['name']!r}: code_signature must be a string")
        if not signature.strip():
            continue
        try:
            re.compile(signature)
        except re.error as error:
            raise ConfigurationError(
                f"{path}: tracker {entry['name']!r}: bad code_signature: {error}") from error
        categories = tuple(_EXODUS_CATEGORIES.get(str(c).casefold(), str(c).casefold())
                           for c in entry.get("categories") or ()) or ("analytics",)
        trackers.append(TrackerSignature(
            id=f"exodus:{entry.get('id', entry['name'])}", name=entry["name"], vendor=entry["name"],
            categories=categories, confidence="X", code_regex=signature, origin=str(path.name),
            references=(str(entry.get("website") or ""),) if entry.get("website") else ()))
    return tuple(trackers)
