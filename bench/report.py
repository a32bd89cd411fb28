"""Run the detection benchmarks and print their figures as the Markdown used in docs/benchmarks.md.

    python bench/report.py                  # accuracy (main and held-out wording) + speed + 1 GB scan
    python bench/report.py --big-gb 0       # without the streaming scan
    python bench/report.py --quick          # small corpus for the speed part, 50 MB scan
    python bench/report.py --write-docs     # and put the figures into docs/benchmarks.md

Each benchmark runs in its own process (`accuracy.py --json`, `speed.py --json`), exactly as its own
command would, so the figures here are the ones those commands print.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent / "docs" / "benchmarks.md"


def run_json(script: str, *args: str) -> dict[str, Any]:
    """Run a bench script with --json and parse its output; its progress goes to our stderr."""
    output = subprocess.run(
        [sys.executable, str(HERE / script), "--json", *args], check=True, stdout=subprocess.PIPE, text=True
    ).stdout
    parsed: dict[str, Any] = json.loads(output)
    return parsed


def accuracy_markdown(main: dict[str, Any], held_out: dict[str, Any], measured: str) -> str:
    lines = [
        "| entity type | gold | exact P | exact R | exact F1 | lenient F1 | held-out wording F1 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, row in main["types"].items():
        exact = row["exact"]
        other = held_out["types"].get(name, {}).get("lenient", {}).get("f1")
        held = f"{other:.4f}" if other is not None else "–"
        lines.append(
            f"| {name} | {row['gold']} | {exact['precision']:.4f} | {exact['recall']:.4f} "
            f"| {exact['f1']:.4f} | {row['lenient']['f1']:.4f} | {held} |"
        )
    micro, other_micro = main["micro"], held_out["micro"]
    lines.append(
        f"| **micro** | {sum(row['gold'] for row in main['types'].values())} "
        f"| {micro['exact']['precision']:.4f} | {micro['exact']['recall']:.4f} | {micro['exact']['f1']:.4f} "
        f"| {micro['lenient']['f1']:.4f} | {other_micro['lenient']['f1']:.4f} |"
    )
    hit = sum(pair[0] for pair in main["negatives"].values())
    total = sum(pair[1] for pair in main["negatives"].values())
    below = [name for name, row in main["types"].items() if row["lenient"]["f1"] < 0.99]
    below_held = [name for name, row in held_out["types"].items() if row["lenient"]["f1"] < 0.99]
    lines += [
        "",
        f"Measured {measured} with yinsi {main.get('version', '')}. Corpus: seed {main['corpus']['seed']}, "
        f"{main['corpus']['records']} records, "
        f"{main['corpus']['bytes'] / 1e6:.2f} MB; threshold {main['threshold']}. Hard negatives overlapped "
        f"by a finding: {hit} of {total}. Types below the F1 ≥ 0.99 target: "
        f"{', '.join(below) or 'none'} (held-out wording: {', '.join(below_held) or 'none'}).",
    ]
    return "\n".join(lines)


def speed_markdown(speed: dict[str, Any]) -> str:
    full, sample = speed["yinsi_full"], speed["sample"]
    lines = [
        f"{speed['date']}, {speed['machine']}, load average {speed['load_average']['before'][0]} → "
        f"{speed['load_average']['after'][0]} (the 2 cores were shared with other work).",
        "",
        "| measurement | MB per CPU-second | MB/s wall | target |",
        "|---|---:|---:|---|",
        f"| yinsi `analyze()`, full corpus ({speed['corpus']['mb']:.2f} MB) | {full['mb_per_cpu_s']:.2f} "
        f"| {full['mb_per_s']:.2f} | ≥ 20 (aim 50) |",
        f"| Presidio, sample of {sample['records']} records ({sample['mb']:.2f} MB) "
        f"| {sample['presidio']['mb_per_cpu_s']:.4f} | {sample['presidio']['mb_per_s']:.4f} | |",
        f"| yinsi, same sample (best of 3) | {sample['yinsi']['mb_per_cpu_s']:.2f} "
        f"| {sample['yinsi']['mb_per_s']:.2f} | |",
        f"| yinsi ÷ Presidio | {sample['ratio_cpu']:.0f} × | {sample['ratio_wall']:.0f} × | ≥ 100 × |",
    ]
    if "stream" in speed:
        stream = speed["stream"]
        status = " (timed out)" if stream["timed_out"] else ""
        lines.append(
            f"| `yinsi scan` streaming {stream['file_mb']:.0f} MB log{status} | {stream['mb_per_cpu_s']:.2f} "
            f"| {stream['mb_per_s']:.2f} | peak RSS {stream['peak_rss_mb']:.0f} MB (target < 300) |"
        )
    if "stream" in speed:
        counts = _scan_counts(speed["stream"]["report"])
        if counts:
            listed = ", ".join(f"{name} {count:,}" for name, count in counts)
            lines += ["", f"The streaming scan's report: {listed} (no credit cards or USCCs were generated)."]
    found = sample["presidio_found"]
    lines += [
        "",
        f"On the sample Presidio found {found.get('CN_RESIDENT_ID', 0)} resident IDs with the custom "
        f"recognizer (its predefined recognizers emit none; gold {sample['gold'].get('CN_RESIDENT_ID', 0)}, "
        f"yinsi {sample['yinsi_found'].get('CN_RESIDENT_ID', 0)}), 0 mobile numbers (gold "
        f"{sample['gold'].get('CN_MOBILE', 0)}, yinsi {sample['yinsi_found'].get('CN_MOBILE', 0)}), and "
        f"{found.get('US_DRIVER_LICENSE', 0)} US driver licences and {found.get('US_BANK_NUMBER', 0)} US "
        "bank numbers, of which the corpus holds none (all findings, every score).",
    ]
    return "\n".join(lines)


def _scan_counts(report: str) -> list[tuple[str, int]]:
    """(entity type, findings) rows of the summary table `yinsi scan` prints."""
    rows = []
    for line in report.splitlines():
        cells = [cell.strip() for cell in line.strip("│ ").split("│")]
        if len(cells) >= 4 and cells[0].isupper() and cells[3].isdigit():
            rows.append((cells[0], int(cells[3])))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--big-gb", type=float)
    parser.add_argument("--accuracy-only", action="store_true", help="skip the speed benchmark")
    parser.add_argument(
        "--write-docs", action="store_true", help="replace the figure blocks in docs/benchmarks.md"
    )
    args = parser.parse_args(argv)
    main_accuracy = run_json("accuracy.py")
    held_out = run_json("accuracy.py", "--holdout")
    speed_args = ["--quick"] if args.quick else []
    if args.big_gb is not None:
        speed_args += ["--big-gb", str(args.big_gb)]
    measured = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    accuracy_block = accuracy_markdown(main_accuracy, held_out, measured)
    print("Accuracy:\n")
    print(accuracy_block)
    speed_block = None
    if not args.accuracy_only:
        speed_block = speed_markdown(run_json("speed.py", *speed_args))
        print("\nSpeed:\n")
        print(speed_block)
    if args.write_docs:
        text = DOCS.read_text(encoding="utf-8")
        text = replace_block(text, "accuracy-figures", accuracy_block)
        if speed_block is not None:
            text = replace_block(text, "speed-figures", speed_block)
        DOCS.write_text(text, encoding="utf-8")
        print(f"\nupdated {DOCS}", file=sys.stderr)
    return 0


def replace_block(text: str, name: str, block: str) -> str:
    """Replace what sits between `<!-- name:start -->` and `<!-- name:end -->` (both kept)."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    head, found, rest = text.partition(start)
    if not found or end not in rest:
        raise SystemExit(f"{DOCS} has no {start} … {end} block")
    return f"{head}{start}\n{block}\n{end}{rest.split(end, 1)[1]}"


if __name__ == "__main__":
    raise SystemExit(main())
