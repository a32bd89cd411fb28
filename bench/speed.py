"""Throughput of yinsi beside Microsoft Presidio on the same corpus, and a streaming scan of a big log.

    python bench/speed.py                 # 20 000 records, Presidio for ~30 s, 1 GB streaming scan
    python bench/speed.py --quick         # 2 000 records, Presidio for ~8 s, 50 MB streaming scan
    python bench/speed.py --big-gb 0      # skip the streaming part
    python bench/speed.py --profile       # plus seconds per recognizer

What is measured (MB = 10^6 bytes of UTF-8 text; one process, so figures are per core). Throughput is
given per CPU-second of the measured process (`time.process_time()`, and `getrusage` for the scan
subprocess), which is what one core does even when other work shares the machine, and per wall-clock
second beside it:

1. yinsi: `yinsi.analyze(text, entities=<all structured types>)` over every record of the benchmark
   corpus (bench/corpus.py), after one warm-up call that builds the default analyzer. Name types
   (PERSON, ADDRESS, ORGANIZATION, LOCATION) are left out, as in bench/accuracy.py.
2. Presidio: `AnalyzerEngine.analyze(text, language="en")` with its predefined recognizers, an NLP
   engine backed by a blank spaCy pipeline (no trained model can be installed offline; the blank
   pipeline is written to bench/.cache/spacy-blank-en with `spacy.blank("en").to_disk()` and loaded by
   Presidio's own SpacyNlpEngine), plus a custom CN_RESIDENT_ID PatternRecognizer with digit
   lookarounds and the ISO 7064 MOD 11-2 check: Presidio's best case on Chinese text, since none of
   its predefined recognizers emits a Chinese identifier. Presidio runs over the corpus in order
   until it has used `--presidio-seconds` of CPU time; yinsi is then timed on exactly that sample (best of 3),
   and the ratio compares the two on the same bytes.
3. Streaming: `yinsi scan BIG.log --jobs 1 --entities <structured>` (default table report) as a subprocess on
   a generated log (bench/biglog.py), reporting MB/s and peak RSS (the child's VmHWM, polled, and
   `ru_maxrss` from getrusage(RUSAGE_CHILDREN) after it exits).

The load average is printed with the results: wall-clock figures on a busy machine are lower bounds.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import biglog
import corpus as corpus_module
import yinsi
from corpus import NAME_TYPES, Record

CACHE = corpus_module.CACHE
# Presidio's names for types yinsi also reports, so both land on one row of the table.
PRESIDIO_NAMES = {"EMAIL_ADDRESS": "EMAIL", "IBAN_CODE": "IBAN"}
BENCH_DIGEST_KEY = "7f" * 32  # a fixed key: digests of synthetic values, nothing to protect


def mb(records: Sequence[Record]) -> float:
    return sum(len(record.text.encode("utf-8")) for record in records) / 1e6


def structured_entities() -> list[str]:
    return [name for name in yinsi.default_analyzer().supported_entities() if name not in NAME_TYPES]


# -- yinsi -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Timing:
    """Wall-clock and CPU seconds of one measured pass (CPU time is immune to other load on the box)."""

    wall: float
    cpu: float

    @staticmethod
    def start() -> tuple[float, float]:
        return time.perf_counter(), time.process_time()

    @classmethod
    def since(cls, started: tuple[float, float]) -> Timing:
        return cls(time.perf_counter() - started[0], time.process_time() - started[1])


def time_yinsi(
    records: Sequence[Record], entities: list[str], repeat: int = 1
) -> tuple[Timing, Counter[str]]:
    """The fastest (by CPU time) of `repeat` passes of analyze() over the records, and findings per type."""
    yinsi.analyze("手机 13800138000", entities=entities)  # warm-up: builds and caches the analyzer
    best: Timing | None = None
    found: Counter[str] = Counter()
    for _ in range(repeat):
        found = Counter()
        started = Timing.start()
        for record in records:
            for finding in yinsi.analyze(record.text, entities=entities):
                found[finding.entity_type] += 1
        timing = Timing.since(started)
        best = timing if best is None or timing.cpu < best.cpu else best
    assert best is not None
    return best, found


def profile_yinsi(records: Sequence[Record], entities: list[str]) -> list[tuple[str, float]]:
    """CPU seconds spent in normalisation and in each recognizer over the records (one pass each)."""
    from yinsi.text.normalize import normalize

    analyzer = yinsi.default_analyzer()
    started = time.process_time()
    texts = [normalize(record.text).text for record in records]
    rows = [("(normalise)", time.process_time() - started)]
    for recognizer in analyzer.select(frozenset(entities), "zh"):
        started = time.process_time()
        for text in texts:
            for _ in recognizer.analyze(text):
                pass
        rows.append((recognizer.name, time.process_time() - started))
    return sorted(rows, key=lambda row: -row[1])


# -- Presidio ----------------------------------------------------------------------------------------


def build_presidio() -> Any:
    """AnalyzerEngine with predefined recognizers, a blank spaCy pipeline and a CN resident-ID recognizer."""
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    import spacy
    import tldextract
    from presidio_analyzer import AnalyzerEngine, Pattern, PatternRecognizer, RecognizerRegistry
    from presidio_analyzer.nlp_engine import SpacyNlpEngine
    from stdnum.cn import ric

    # Presidio's email recognizer calls tldextract, which fetches the public suffix list over the
    # network on first use; use the snapshot bundled with tldextract instead (no network, no cache dir).
    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

    model_dir = CACHE / "spacy-blank-en"
    if not (model_dir / "config.cfg").exists():
        spacy.blank("en").to_disk(model_dir)
    nlp_engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": str(model_dir)}])
    nlp_engine.load()
    registry = RecognizerRegistry()
    registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp_engine)

    class CnResidentIdRecognizer(PatternRecognizer):  # type: ignore[misc]
        """The recognizer a Presidio user would add: lookarounds instead of \\b, date ranges, MOD 11-2."""

        def __init__(self) -> None:
            super().__init__(
                supported_entity="CN_RESIDENT_ID",
                patterns=[
                    Pattern(
                        "cn_resident_id",
                        r"(?<![0-9])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx]"
                        r"(?![0-9])",
                        0.5,
                    )
                ],
                context=["身份证", "证件号码", "身份证号", "公民身份号码", "id card", "idno"],
                supported_language="en",
            )

        def validate_result(self, pattern_text: str) -> bool:
            value = pattern_text.upper()
            return ric.calc_check_digit(value) == value[17]

    predefined = sorted(
        {entity for recognizer in registry.recognizers for entity in recognizer.supported_entities}
    )
    registry.add_recognizer(CnResidentIdRecognizer())
    engine = AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=["en"])
    engine.predefined_entities = predefined
    return engine


def time_presidio(engine: Any, records: Sequence[Record], budget: float) -> tuple[int, Timing, Counter[str]]:
    """Analyze records in order until `budget` CPU seconds are spent; (records done, timing, per type)."""
    engine.analyze("warm-up 13800138000", language="en")
    found: Counter[str] = Counter()
    done = 0
    started = Timing.start()
    for record in records:
        for result in engine.analyze(record.text, language="en"):
            found[PRESIDIO_NAMES.get(result.entity_type, result.entity_type)] += 1
        done += 1
        if time.process_time() - started[1] >= budget:
            break
    return done, Timing.since(started), found


# -- streaming ---------------------------------------------------------------------------------------


def big_log(gb: float, seed: int) -> Path:
    path = CACHE / f"big-{gb:g}gb-s{seed}-{corpus_module.fingerprint(('biglog.py', 'corpus_values.py'))}.log"
    if not path.exists():
        started = time.perf_counter()
        pool = min(biglog.POOL, max(10_000, int(gb * 1e5)))
        size = biglog.write_big_log(path, int(gb * 1e9), seed, pool=pool)
        print(
            f"  generated {path.name}: {size / 1e6:.0f} MB in {time.perf_counter() - started:.0f} s",
            file=sys.stderr,
        )
    return path


def _vm_hwm_kb(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    match = re.search(r"VmHWM:\s+(\d+) kB", status)
    return int(match.group(1)) if match else 0


def _descendants(pid: int) -> list[int]:
    try:
        import psutil

        return [process.pid for process in psutil.Process(pid).children(recursive=True)]
    except Exception:  # psutil missing or the process already gone: no workers to add
        return []


def stream_scan(path: Path, entities: list[str], timeout: float) -> dict[str, Any]:
    """Run `yinsi scan` on `path` in a subprocess; wall time, peak RSS and its summary table."""
    size = path.stat().st_size
    command = [
        sys.executable,
        "-m",
        "yinsi",
        "scan",
        str(path),
        "--jobs",
        "1",
        "--entities",
        ",".join(entities),
    ]
    env = {**os.environ, "YINSI_DIGEST_KEY": BENCH_DIGEST_KEY}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    peak_kb = 0
    timed_out = False
    while child.poll() is None:
        # The process tree's own high-water marks (workers included, should a scan start any).
        peak_kb = max(
            peak_kb, _vm_hwm_kb(child.pid) + sum(_vm_hwm_kb(pid) for pid in _descendants(child.pid))
        )
        if time.perf_counter() - started > timeout:
            timed_out = True
            child.kill()
            break
        time.sleep(0.5)
    report, _ = child.communicate()
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    rusage_kb = after.ru_maxrss  # kilobytes on Linux
    return {
        "file_mb": size / 1e6,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "mb_per_s": size / 1e6 / seconds,
        "mb_per_cpu_s": size / 1e6 / cpu if cpu else 0.0,
        "peak_rss_mb": max(peak_kb, rusage_kb) / 1024,
        "exit_code": child.returncode,
        "timed_out": timed_out,
        "report": report,
    }


# -- output ------------------------------------------------------------------------------------------


def _rates(size_mb: float, timing: Timing) -> dict[str, float]:
    return {
        "wall": round(timing.wall, 3),
        "cpu": round(timing.cpu, 3),
        "mb_per_s": round(size_mb / timing.wall, 4),
        "mb_per_cpu_s": round(size_mb / timing.cpu, 4) if timing.cpu else 0.0,
    }


def counts_table(gold: Counter[str], yinsi_found: Counter[str], presidio_found: Counter[str]) -> str:
    names = sorted(set(gold) | set(yinsi_found) | set(presidio_found))
    lines = [f"  {'entity type':<22}{'gold':>8}{'yinsi':>8}{'Presidio':>10}"]
    for name in names:
        lines.append(f"  {name:<22}{gold[name]:>8}{yinsi_found[name]:>8}{presidio_found[name]:>10}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small corpus, short Presidio run, 50 MB log")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--records", type=int, help="corpus records (default 20000, quick 2000)")
    parser.add_argument("--presidio-seconds", type=float, help="Presidio time budget (default 30, quick 8)")
    parser.add_argument(
        "--big-gb", type=float, help="streaming log size in GB, 0 to skip (default 1, quick 0.05)"
    )
    parser.add_argument("--big-timeout", type=float, default=3600, help="stop the streaming scan after this")
    parser.add_argument("--profile", action="store_true", help="seconds per recognizer over the corpus")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args(argv)
    records_n = args.records or (2000 if args.quick else 20000)
    budget = args.presidio_seconds or (8.0 if args.quick else 30.0)
    big_gb = args.big_gb if args.big_gb is not None else (0.05 if args.quick else 1.0)

    log = sys.stderr
    records = corpus_module.load_or_generate(args.seed, records_n)
    entities = structured_entities()
    load_before = os.getloadavg()
    results: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "corpus": {"seed": args.seed, "records": len(records), "mb": round(mb(records), 3)},
    }

    print(f"yinsi on the full corpus ({len(records)} records, {mb(records):.2f} MB)…", file=log)
    full, _ = time_yinsi(records, entities)
    results["yinsi_full"] = _rates(mb(records), full)

    print(f"Presidio for up to {budget:.0f} CPU seconds…", file=log)
    engine = build_presidio()
    done, presidio, presidio_found = time_presidio(engine, records, budget)
    sample = records[:done]
    print(f"yinsi on the same {done} records (best of 3)…", file=log)
    yinsi_sample, yinsi_found = time_yinsi(sample, entities, repeat=3)
    gold = Counter(
        label.label for record in sample for label in record.labels if label.label not in NAME_TYPES
    )
    sample_mb = mb(sample)
    results["sample"] = {
        "records": done,
        "mb": round(sample_mb, 3),
        "presidio": _rates(sample_mb, presidio),
        "yinsi": _rates(sample_mb, yinsi_sample),
        "ratio_cpu": round(presidio.cpu / yinsi_sample.cpu, 1),
        "ratio_wall": round(presidio.wall / yinsi_sample.wall, 1),
        "gold": dict(gold),
        "yinsi_found": dict(yinsi_found),
        "presidio_found": dict(presidio_found),
        "presidio_predefined_entities": engine.predefined_entities,
    }
    if args.profile:
        results["profile"] = [(name, round(s, 3)) for name, s in profile_yinsi(records, entities)]

    if big_gb > 0:
        path = big_log(big_gb, args.seed)
        print(f"streaming yinsi scan over {path.stat().st_size / 1e6:.0f} MB…", file=log)
        results["stream"] = stream_scan(path, entities, args.big_timeout)
    results["load_average"] = {
        "before": [round(x, 2) for x in load_before],
        "after": [round(x, 2) for x in os.getloadavg()],
    }

    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return 0
    print(
        f"{results['date']} · {results['machine']} · load average {load_before[0]:.2f} → "
        f"{os.getloadavg()[0]:.2f}\n"
    )
    full_rates = results["yinsi_full"]
    print(
        f"yinsi analyze(), full corpus ({results['corpus']['mb']:.2f} MB): "
        f"{full_rates['mb_per_cpu_s']:.2f} MB per CPU-second (one core), "
        f"{full_rates['mb_per_s']:.2f} MB/s wall"
    )
    s = results["sample"]
    print(f"\nsame sample ({done} records, {sample_mb:.2f} MB)      MB/CPU-s    MB/s wall   CPU s")
    for name in ("presidio", "yinsi"):
        rates = s[name]
        label = "Presidio" if name == "presidio" else "yinsi (best of 3)"
        cells = f"{rates['mb_per_cpu_s']:>10.4f}{rates['mb_per_s']:>12.4f}{rates['cpu']:>8.2f}"
        print(f"  {label:<30}{cells}")
    print(f"  yinsi ÷ Presidio              {s['ratio_cpu']:>10.1f} ×{s['ratio_wall']:>10.1f} ×")
    print("\nfindings on the sample (all scores; Presidio EMAIL_ADDRESS/IBAN_CODE shown as EMAIL/IBAN;")
    print("Presidio's CN_RESIDENT_ID comes from the custom recognizer — its predefined ones emit none):")
    print(counts_table(gold, yinsi_found, presidio_found))
    if args.profile:
        print("\nCPU seconds per stage over the full corpus (one pass each, no overlap resolution):")
        for name, spent in results["profile"]:
            print(
                f"  {name:<34}{spent:>8.2f} s  {results['corpus']['mb'] / spent if spent else 0:>8.1f} MB/s"
            )
    if "stream" in results:
        st = results["stream"]
        status = "TIMED OUT, killed" if st["timed_out"] else f"exit {st['exit_code']}"
        print(
            f"\nstreaming `yinsi scan` over {st['file_mb']:.0f} MB: {st['mb_per_cpu_s']:.2f} MB per "
            f"CPU-second, {st['mb_per_s']:.2f} MB/s wall ({st['seconds']:.0f} s), "
            f"peak RSS {st['peak_rss_mb']:.0f} MB ({status})"
        )
        print("  " + "\n  ".join(line for line in st["report"].splitlines() if line.strip())[:3000])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
