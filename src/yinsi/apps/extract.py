"""`extract_facts`: read an APK once, within budgets, into `AppFacts` (manifest, DEX, files, signature)."""

from __future__ import annotations

import hashlib
import os
import re
import struct
from pathlib import Path

from yinsi.core.errors import ApkError

from .archive import ApkArchive
from .dex import Dex, descriptor_to_name
from .facts import AppFacts
from .limits import Deadline, ExtractionLimits
from .manifest import Manifest, read_manifest
from .references import collect_api_calls
from .resources import resolve_string
from .signing import signing_certificate
from .startup import Program, startup_calls

_DEX = re.compile(r"classes(\d*)\.dex")
_NATIVE = re.compile(r"lib/[^/]+/([^/]+\.so)")
_MANIFEST, _RESOURCES = "AndroidManifest.xml", "resources.arsc"
DEFAULT_LIMITS = ExtractionLimits()
_STRUCTURE_ERRORS = (struct.error, IndexError, ValueError, UnicodeError, OverflowError, RecursionError)


def extract_facts(path: str | os.PathLike[str], *, limits: ExtractionLimits = DEFAULT_LIMITS) -> AppFacts:
    """Extract what an APK declares and references, without decompiling it.

    Raises `ApkError` (an `InputError`) with one clear message when the file cannot be audited: not a
    zip, truncated, a zip bomb, encrypted entries, a missing or malformed AndroidManifest.xml, no
    classes.dex although the app declares code, or a malformed DEX. Budgets that only truncate the
    result (time, number of DEX files, startup walk) are recorded in `AppFacts.limits`.
    """
    apk = Path(path)
    try:
        if not apk.is_file():
            raise ApkError(f"{apk}: not a file")
        size = apk.stat().st_size
    except OSError as exc:
        raise ApkError(f"{apk}: cannot be read ({exc.strerror})") from None
    if size > limits.max_apk_bytes:
        raise ApkError(f"{apk.name}: {size} bytes exceeds the APK size limit of {limits.max_apk_bytes}")
    deadline = Deadline(limits.max_seconds)
    digest = _sha256(apk)
    with ApkArchive(apk, limits) as archive:
        try:
            return _extract(apk, archive, size, digest, limits, deadline)
        except ApkError as exc:
            message = str(exc)
            raise ApkError(message if message.startswith(apk.name) else f"{apk.name}: {message}") from None
        except _STRUCTURE_ERRORS as exc:
            # Every table read is bounds-checked; this net keeps the typed-error promise for a
            # corruption the checks did not anticipate (the fuzz test hunts for those).
            raise ApkError(f"{apk.name}: malformed APK content ({type(exc).__name__}: {exc})") from None


def _extract(
    apk: Path, archive: ApkArchive, size: int, digest: str, limits: ExtractionLimits, deadline: Deadline
) -> AppFacts:
    if _MANIFEST not in archive:
        inner = sorted(n for n in archive.names() if n.endswith(".apk"))
        if inner:  # .xapk / .apks bundles and split-APK sets are zips of APKs
            raise ApkError(
                f"no {_MANIFEST}: this is an app bundle of {len(inner)} APK(s) ({inner[0]}, ...); "
                "unpack it and audit the base APK"
            )
        raise ApkError(f"no {_MANIFEST}; not an Android application package")
    manifest = read_manifest(archive.read(_MANIFEST))
    notes: list[str] = []
    dexes = _read_dexes(archive, manifest, limits, deadline, notes)
    program_classes = frozenset(
        descriptor_to_name(descriptor) for dex in dexes for descriptor in dex.class_descriptors()
    )
    api_calls, api_notes = collect_api_calls(dexes, program_classes, deadline)
    providers = [c.name for c in manifest.components if c.kind == "provider"]
    startup, startup_notes = startup_calls(
        Program(dexes),
        manifest.application_class,
        providers,
        limits.startup_depth,
        limits.startup_nodes,
        initializers=list(manifest.startup_initializers),
    )
    names = list(archive.names())
    return AppFacts(
        path=str(apk),
        sha256=digest,
        size=size,
        package=manifest.package,
        version_name=manifest.version_name,
        version_code=manifest.version_code,
        min_sdk=manifest.min_sdk,
        target_sdk=manifest.target_sdk,
        label=manifest.label or _resolve_label(archive, manifest),
        application_class=manifest.application_class,
        permissions=manifest.permissions,
        permission_max_sdk=manifest.permission_max_sdk,
        declared_permissions=manifest.declared_permissions,
        components=manifest.components,
        meta_data_keys=manifest.meta_data_keys,
        uses_cleartext_traffic=manifest.uses_cleartext_traffic,
        network_security_config=manifest.network_security_config,
        debuggable=manifest.debuggable,
        allow_backup=manifest.allow_backup,
        classes=program_classes,
        api_calls=api_calls,
        startup_calls=startup,
        native_libraries=tuple(sorted({m.group(1) for n in names if (m := _NATIVE.fullmatch(n))})),
        assets=tuple(
            sorted(n[len("assets/") :] for n in names if n.startswith("assets/") and not n.endswith("/"))
        ),
        certificate=signing_certificate(apk, archive),
        dex_count=len(dexes),
        limits=tuple(notes + api_notes + startup_notes),
    )


def _read_dexes(
    archive: ApkArchive, manifest: Manifest, limits: ExtractionLimits, deadline: Deadline, notes: list[str]
) -> list[Dex]:
    """classes.dex, classes2.dex, ... in the order the runtime loads them (consecutive numbers)."""
    numbers = {int(m.group(1) or 1) for name in archive.names() if (m := _DEX.fullmatch(name))}
    if 1 not in numbers:
        if manifest.has_code:
            raise ApkError("no classes.dex although the manifest declares code")
        return []
    count = 1
    while count + 1 in numbers:
        count += 1
    if count > limits.max_dex_files:
        notes.append(f"dex_files: {count} DEX files, only the first {limits.max_dex_files} read")
        count = limits.max_dex_files
    dexes = []
    for number in range(1, count + 1):
        if deadline.expired():
            notes.append(f"time: {deadline.seconds:g}s budget spent after {number - 1} of {count} DEX files")
            break
        name = "classes.dex" if number == 1 else f"classes{number}.dex"
        dexes.append(Dex(archive.read(name), name))
    return dexes


def _resolve_label(archive: ApkArchive, manifest: Manifest) -> str | None:
    """The app name behind `android:label="@string/..."`, from resources.arsc (default locale first)."""
    if manifest.label_resource is None or _RESOURCES not in archive:
        return None
    return resolve_string(archive.read(_RESOURCES), manifest.label_resource)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()
