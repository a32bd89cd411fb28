"""APK extraction speed: yinsi's DEX reader beside androguard's full class listing, on the same bytes.

    python bench/apps.py                          # every APK in ../shared/data/apps/apks
    python bench/apps.py --apks DIR --repeat 3    # best of 3 runs for each tool
    python bench/apps.py --json > apps.json
    python bench/apps.py --analyze                # add androguard AnalyzeAPK (classes + cross-references)
    python bench/apps.py --clock cpu              # CPU time of this process instead of wall-clock time

For each APK with DEX files, both tools start from the APK file:

* yinsi: `ApkArchive` (zip checks, bounded inflate) + `Dex(data).class_descriptors()` per DEX file;
* androguard: `APK(path)` + `DEX(data).get_classes_names()` per DEX file (androguard parses the whole
  DEX before it can list classes: that is the cost every androguard-based auditor pays, Exodus included),

and the class sets are compared (they must be identical). The "yinsi full" column is a complete
`extract_facts(apk)`: zip checks, manifest, every DEX table, a walk of every method's bytecode for API
references, startup reachability and the signing certificate — compared against androguard's class
listing alone, which does none of that. With `--analyze`, androguard's `AnalyzeAPK` (which builds the
cross-references yinsi's full extraction also produces) is timed too: the like-for-like baseline.
Times are seconds (wall-clock, or CPU time with `--clock cpu`), best of `--repeat` runs for both tools.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from yinsi.apps import ExtractionLimits, extract_facts
from yinsi.apps.archive import ApkArchive
from yinsi.apps.dex import Dex, descriptor_to_name
from yinsi.core.errors import ApkError

DEFAULT_APKS = Path(__file__).resolve().parents[2] / "shared" / "data" / "apps" / "apks"
_DEX = re.compile(r"classes\d*\.dex")


@dataclass(frozen=True, slots=True)
class Timing:
    """One APK's figures."""

    apk: str
    dex_files: int
    classes: int
    yinsi_classes_s: float
    yinsi_full_s: float | None  # None when the APK is not auditable (no manifest, ...)
    androguard_s: float
    identical: bool
    analyze_s: float | None = None  # androguard AnalyzeAPK, when asked for

    @property
    def ratio_classes(self) -> float:
        return self.androguard_s / max(self.yinsi_classes_s, 1e-9)

    @property
    def ratio_full(self) -> float | None:
        return None if self.yinsi_full_s is None else self.androguard_s / max(self.yinsi_full_s, 1e-9)


_CLOCKS: dict[str, Callable[[], float]] = {"wall": time.perf_counter, "cpu": time.process_time}


def _best(repeat: int, run: Callable[[], Any], clock: Callable[[], float]) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = clock()
        result = run()
        best = min(best, clock() - start)
    return best, result


def time_apk(
    path: Path, repeat: int, analyze: bool = False, clock: Callable[[], float] = time.perf_counter
) -> Timing | None:
    """Figures for one APK, or None when it holds no DEX file."""
    from androguard.core.apk import APK
    from androguard.core.dex import DEX

    with zipfile.ZipFile(path) as archive:
        names = sorted(n for n in archive.namelist() if _DEX.fullmatch(n))
    if not names:
        return None

    def ours() -> set[str]:
        with ApkArchive(path, ExtractionLimits()) as archive:
            return {descriptor_to_name(d) for n in names for d in Dex(archive.read(n), n).class_descriptors()}

    def theirs() -> set[str]:
        apk = APK(str(path))
        return {descriptor_to_name(d) for n in names for d in DEX(apk.get_file(n)).get_classes_names()}

    ours_s, our_classes = _best(repeat, ours, clock)
    theirs_s, their_classes = _best(repeat, theirs, clock)
    try:
        full_s, _ = _best(repeat, lambda: extract_facts(path), clock)
    except ApkError:
        full_s = None
    analyze_s = None
    if analyze and full_s is not None:
        from androguard.misc import AnalyzeAPK

        analyze_s, _ = _best(repeat, lambda: AnalyzeAPK(str(path)), clock)
    return Timing(
        path.name,
        len(names),
        len(our_classes),
        ours_s,
        full_s,
        theirs_s,
        our_classes == their_classes,
        analyze_s,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--apks", type=Path, default=DEFAULT_APKS, help="directory of .apk files")
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs for each tool (default 1)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--analyze", action="store_true", help="also time androguard AnalyzeAPK (slow)")
    parser.add_argument(
        "--clock",
        choices=sorted(_CLOCKS),
        default="wall",
        help="wall-clock time, or this process's CPU time (steadier on a shared machine)",
    )
    args = parser.parse_args(argv)
    try:
        from loguru import logger  # androguard logs every parsed structure at DEBUG

        logger.remove()
    except ImportError:
        print("androguard is needed for the comparison: pip install 'yinsi[apps]'", file=sys.stderr)
        return 2
    apks = sorted(args.apks.glob("*.apk"))
    if not apks:
        print(f"no .apk files in {args.apks}", file=sys.stderr)
        return 2
    timings = [
        t
        for t in (time_apk(p, args.repeat, args.analyze, _CLOCKS[args.clock]) for p in apks)
        if t is not None
    ]
    if args.json:
        print(
            json.dumps(
                [asdict(t) | {"ratio_classes": t.ratio_classes, "ratio_full": t.ratio_full} for t in timings],
                indent=2,
            )
        )
    else:
        _print_table(timings, args.repeat, args.clock)
    return 0 if all(t.identical for t in timings) else 1


def _print_table(timings: list[Timing], repeat: int, clock: str) -> None:
    print(
        f"{'APK':<50} {'dex':>3} {'classes':>7} {'yinsi cls':>9} {'yinsi full':>10} "
        f"{'androguard':>10} {'x cls':>6} {'x full':>6} {'Analyze':>8} {'x Anal':>6}  same"
    )
    for t in timings:
        full = "-" if t.yinsi_full_s is None else f"{t.yinsi_full_s:.3f}"
        ratio_full = "-" if t.ratio_full is None else f"{t.ratio_full:.1f}"
        analyze = "-" if t.analyze_s is None else f"{t.analyze_s:.2f}"
        ratio_analyze = (
            "-" if t.analyze_s is None or not t.yinsi_full_s else f"{t.analyze_s / t.yinsi_full_s:.0f}"
        )
        print(
            f"{t.apk[:50]:<50} {t.dex_files:>3} {t.classes:>7} {t.yinsi_classes_s:>9.4f} {full:>10} "
            f"{t.androguard_s:>10.3f} {t.ratio_classes:>6.0f} {ratio_full:>6} {analyze:>8} "
            f"{ratio_analyze:>6}  " + ("yes" if t.identical else "NO")
        )
    total_ours = sum(t.yinsi_classes_s for t in timings)
    total_theirs = sum(t.androguard_s for t in timings)
    full = [t for t in timings if t.yinsi_full_s is not None]
    total_full = sum(t.yinsi_full_s or 0.0 for t in full)
    total_theirs_full = sum(t.androguard_s for t in full)
    big = [t for t in full if t.classes >= 1000]
    print(
        f"\nsummary: {len(timings)} APKs with DEX, {sum(t.classes for t in timings)} classes, "
        f"class sets identical: {sum(t.identical for t in timings)}/{len(timings)}; "
        f"{clock} time, best of {repeat}\n"
        f"  class listing: yinsi {total_ours:.3f}s vs androguard {total_theirs:.3f}s = "
        f"{total_theirs / max(total_ours, 1e-9):.0f}x faster\n"
        f"  full extract_facts ({len(full)} auditable APKs): yinsi {total_full:.3f}s vs androguard "
        f"class listing {total_theirs_full:.3f}s = {total_theirs_full / max(total_full, 1e-9):.1f}x faster"
        + (
            f"; median on the {len(big)} APKs with >= 1000 classes "
            f"{statistics.median(t.ratio_full or 0.0 for t in big):.1f}x"
            if big
            else ""
        )
    )
    analysed = [t for t in full if t.analyze_s is not None]
    if analysed:
        total_analyze = sum(t.analyze_s or 0.0 for t in analysed)
        total_ours_analysed = sum(t.yinsi_full_s or 0.0 for t in analysed)
        print(
            f"  full extract_facts vs androguard AnalyzeAPK: yinsi {total_ours_analysed:.3f}s vs "
            f"{total_analyze:.3f}s = {total_analyze / max(total_ours_analysed, 1e-9):.1f}x faster"
        )


if __name__ == "__main__":
    sys.exit(main())
