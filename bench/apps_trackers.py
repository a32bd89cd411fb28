"""Tracker detection: yinsi's signatures beside the Exodus method, APK by APK.

    python bench/apps_trackers.py                 # every APK in ../shared/data/apps/apks (+ built samples)
    python bench/apps_trackers.py DIR --no-samples

The Exodus method (as exodus-core applies it): every non-empty `code_signature` regex of
../shared/data/apps/exodus_trackers.json is searched in every class name of androguard's class list.
yinsi: `TrackerIndex.match` over the class names of `extract_facts` (segment-anchored package prefixes,
longest prefix wins, plus manifest keys and native libraries). A yinsi tracker "is" an Exodus tracker when
its `references` name that Exodus id (`exodus:<id>` in data/apps/trackers.yaml).

Printed per APK: both tools' tracker sets and every disagreement with its explanation — an Exodus hit
whose matched classes yinsi attributes to no SDK is reported with those classes, so an over-broad
signature (Pangle's bare `com.bytedance`, unanchored `.tealium.`) is named. Then the signature coverage
of the knowledge base: yinsi SDKs no Exodus signature matches at all (the Chinese SDKs Exodus misses).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from yinsi.apps import extract_facts
from yinsi.apps.knowledge import TrackerSignature, default_knowledge
from yinsi.apps.trackers import TrackerIndex
from yinsi.core.errors import YinsiError

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "apps"
DEFAULT_APKS = SHARED / "apks"
EXODUS_FILE = SHARED / "exodus_trackers.json"
FALSE_POSITIVE_TRAPS = ("ARouter", "XUpdate")  # harmless com.alibaba.* / com.xuexiang.* libraries
# Open-source libraries published under tracker vendors' namespaces: no data collection of their own.
HARMLESS_CLASSES = {
    "com.bytedance.boost_multidex.BoostMultiDex": "ByteDance BoostMultiDex (open source)",
    "com.bytedance.android.bytehook.ByteHook": "ByteDance bhook (open source)",
    "com.bytedance.scene.Scene": "ByteDance Scene navigation (open source)",
    "com.alibaba.android.arouter.launcher.ARouter": "Alibaba ARouter (open source)",
    "com.alibaba.fastjson.JSON": "Alibaba fastjson (open source)",
    "com.alibaba.android.vlayout.VirtualLayoutManager": "Alibaba vlayout (open source)",
    "com.tencent.mmkv.MMKV": "Tencent MMKV (open source)",
    "com.tencent.tinker.lib.tinker.Tinker": "Tencent Tinker hot-fix (open source)",
    "com.facebook.react.ReactActivity": "React Native (open source)",
    "com.facebook.soloader.SoLoader": "Facebook SoLoader (open source)",
    "com.baidu.tts.client.SpeechSynthesizer": "Baidu text-to-speech",
    "com.google.android.gms.ads.identifier.AdvertisingIdClient":
        "Google advertising-ID client (used by non-ad libraries)",
}
_DEX = re.compile(r"classes\d*\.dex")


@dataclass(frozen=True, slots=True)
class ExodusTracker:
    id: int
    name: str
    pattern: re.Pattern[str]


@dataclass(slots=True)
class ApkComparison:
    apk: str
    classes: int
    yinsi: dict[str, str] = field(default_factory=dict)  # tracker id -> name
    exodus: dict[int, str] = field(default_factory=dict)  # Exodus id -> name
    agreed: list[str] = field(default_factory=list)
    only_yinsi: list[str] = field(default_factory=list)
    only_exodus: list[str] = field(default_factory=list)


def load_exodus(path: Path = EXODUS_FILE) -> list[ExodusTracker]:
    trackers = json.loads(path.read_text(encoding="utf-8"))["trackers"].values()
    return [ExodusTracker(int(t["id"]), t["name"], re.compile(t["code_signature"]))
            for t in trackers if (t.get("code_signature") or "").strip()]


def androguard_classes(path: Path) -> set[str]:
    """androguard's class list of every DEX in the APK, dotted (the input the Exodus method scans)."""
    from androguard.core.dex import DEX

    names: set[str] = set()
    with zipfile.ZipFile(path) as archive:
        for entry in archive.namelist():
            if _DEX.fullmatch(entry):
                for descriptor in DEX(archive.read(entry)).get_classes_names():
                    names.add(descriptor[1:-1].replace("/", "."))
    return names


def exodus_ids(tracker: TrackerSignature) -> set[int]:
    return {int(ref.split(":", 1)[1]) for ref in tracker.references if ref.startswith("exodus:")}


def compare(path: Path, exodus: list[ExodusTracker], index: TrackerIndex) -> ApkComparison | None:
    try:
        facts = extract_facts(path)
    except YinsiError:
        return None
    classes = androguard_classes(path)
    result = ApkComparison(path.name, len(classes))
    matches = index.match(facts)
    result.yinsi = {m.tracker.id: m.tracker.name for m in matches}
    covered: set[int] = set().union(*(exodus_ids(m.tracker) for m in matches)) if matches else set()
    hits: dict[int, list[str]] = {}
    for tracker in exodus:
        found = sorted(name for name in classes if tracker.pattern.search(name))
        if found:
            result.exodus[tracker.id] = tracker.name
            hits[tracker.id] = found
    for exodus_id, name in sorted(result.exodus.items()):
        if exodus_id in covered:
            result.agreed.append(f"{name} (exodus:{exodus_id})")
            continue
        unattributed = [c for c in hits[exodus_id] if index.owner_of(c) is None]
        owners = sorted({o for c in hits[exodus_id] if (o := index.owner_of(c))})
        if unattributed:
            more = f" … ({len(unattributed)} classes)" if len(unattributed) > 3 else ""
            sample = ", ".join(unattributed[:3]) + more
            signature = _signature(exodus, exodus_id)
            reason = f"over-broad signature {signature!r} matched non-SDK classes: {sample}"
        else:
            reason = f"same classes found by yinsi as {', '.join(owners)}"
        result.only_exodus.append(f"{name} (exodus:{exodus_id}): {reason}")
    exodus_found = set(result.exodus)
    for match in matches:
        if not exodus_ids(match.tracker) & exodus_found:
            evidence = "; ".join(match.evidence())
            result.only_yinsi.append(f"{match.tracker.name} [{match.tracker.id}]: {evidence}")
    return result


def _signature(exodus: list[ExodusTracker], exodus_id: int) -> str:
    return next(t.pattern.pattern for t in exodus if t.id == exodus_id)


def coverage(exodus: list[ExodusTracker]) -> tuple[list[str], list[str]]:
    """yinsi SDKs whose package prefixes no Exodus signature matches (fully / partly)."""
    missed, partial = [], []
    for tracker in default_knowledge().trackers:
        unmatched = [prefix for prefix in tracker.packages
                     if not any(t.pattern.search(f"{prefix}.Sample") for t in exodus)]
        if len(unmatched) == len(tracker.packages):
            missed.append(f"{tracker.display_name} [{tracker.id}]: {', '.join(tracker.packages)}")
        elif unmatched:
            partial.append(f"{tracker.display_name} [{tracker.id}]: not {', '.join(unmatched)}")
    return missed, partial


def over_broad(exodus: list[ExodusTracker]) -> list[str]:
    """Exodus signatures that match a harmless library's class, and whether yinsi does."""
    index = TrackerIndex(default_knowledge().trackers)
    lines = []
    for class_name, library in HARMLESS_CLASSES.items():
        hits = [f"{t.name} (exodus:{t.id}, {t.pattern.pattern!r})"
                for t in exodus if t.pattern.search(class_name)]
        owner = index.owner_of(class_name) or "no SDK"
        lines.append(f"{class_name} — {library}: Exodus {'; '.join(hits) or 'no match'}; yinsi {owner}")
    return lines


def _samples(directory: Path) -> list[Path]:
    try:
        from yinsi.apps.samples import build_sample_apks

        return sorted(build_sample_apks(directory).values())
    except YinsiError as error:
        print(f"(sample APKs not built: {error})", file=sys.stderr)
        return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("apks", nargs="?", type=Path, default=DEFAULT_APKS, help="directory of .apk files")
    parser.add_argument("--exodus", type=Path, default=EXODUS_FILE, help="Exodus-format tracker JSON")
    parser.add_argument("--no-samples", action="store_true", help="skip the sample APKs built from source")
    args = parser.parse_args(argv)
    try:
        from loguru import logger  # androguard logs every parsed structure at DEBUG

        logger.remove()
    except ImportError:
        print("androguard is needed for the Exodus method: pip install 'yinsi[apps]'", file=sys.stderr)
        return 2
    if not args.exodus.is_file():
        print(f"no Exodus tracker file at {args.exodus}", file=sys.stderr)
        return 2
    exodus = load_exodus(args.exodus)
    index = TrackerIndex(default_knowledge().trackers)
    with tempfile.TemporaryDirectory() as scratch:
        paths = sorted(args.apks.glob("*.apk")) + ([] if args.no_samples else _samples(Path(scratch)))
        results = [r for r in (compare(path, exodus, index) for path in paths) if r is not None]
    _print(results, exodus)
    traps = [r for r in results if any(trap in r.apk for trap in FALSE_POSITIVE_TRAPS)]
    return 0 if all(not r.yinsi for r in traps) else 1


def _print(results: list[ApkComparison], exodus: list[ExodusTracker]) -> None:
    with_trackers = [r for r in results if r.yinsi or r.exodus]
    print(f"{len(results)} auditable APKs, {len(with_trackers)} with trackers by either method; "
          f"{len(exodus)} Exodus signatures, {len(default_knowledge().trackers)} yinsi signatures\n")
    print("| APK | classes | yinsi | Exodus method | disagreements |")
    print("|---|---:|---|---|---|")
    for r in results:
        if not (r.yinsi or r.exodus or any(t in r.apk for t in FALSE_POSITIVE_TRAPS)):
            continue
        notes = [f"only Exodus: {line}" for line in r.only_exodus]
        notes += [f"only yinsi: {line}" for line in r.only_yinsi]
        print(f"| {r.apk} | {r.classes} | {', '.join(sorted(r.yinsi)) or '—'} | "
              f"{', '.join(sorted(r.exodus.values())) or '—'} | {'<br>'.join(notes) or 'none'} |")
    clean = [r.apk for r in results if not (r.yinsi or r.exodus)]
    print(f"\nNo tracker by either method ({len(clean)}): {', '.join(clean)}")
    traps = [r for r in results if any(t in r.apk for t in FALSE_POSITIVE_TRAPS)]
    print("False-positive traps (ARouter/XUpdate: harmless com.alibaba.* libraries): " + ", ".join(
        f"{r.apk}: yinsi {len(r.yinsi)}, Exodus {len(r.exodus)}" for r in traps))
    agreed = sum(len(r.agreed) for r in results)
    exodus_total = sum(len(r.exodus) for r in results)
    print(f"Exodus detections also found by yinsi: {agreed}/{exodus_total}; the rest are explained above.")
    missed, partial = coverage(exodus)
    print(f"\nyinsi SDKs no Exodus signature matches ({len(missed)}):")
    for line in missed:
        print(f"- {line}")
    print(f"\nyinsi SDKs Exodus matches only in part ({len(partial)}):")
    for line in partial:
        print(f"- {line}")
    print("\nHarmless libraries under tracker vendors' namespaces (over-broad signatures):")
    for line in over_broad(exodus):
        print(f"- {line}")


if __name__ == "__main__":
    sys.exit(main())
