"""HTML report at scale: render time and page size for N findings, and how fast Chromium opens and filters it.

    python bench/html_report.py                  # 100,000 findings
    python bench/html_report.py --findings 1000000

The findings are those of a scan of the demo company's files, repeated (with distinct offsets) until
there are N. Figures: seconds to build and render the page, page size in MB, rows embedded in the
finding table (the rest are counted in the charts), and, when /usr/bin/chromium and Playwright are
installed, seconds until the first table page is drawn and until a text filter has been applied.
No other tool renders this report, so there is no peer column.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def scan_of_demo_files(directory: Path, count: int) -> dict[str, Any]:
    from yinsi.core.digest_key import DigestKey
    from yinsi.demo.company import write_company
    from yinsi.scanning import Scan, ScanSettings
    from yinsi.sinks import Output, create_sink
    from yinsi.sinks.deliver import deliver

    write_company(directory / "company")
    target = directory / "scan.json"
    scan = Scan([str(directory / "company")], ScanSettings(), DigestKey(bytes(32), "bench"))
    deliver(scan, [create_sink("json", Output(str(target)), include_values=False)], tool_version="bench")
    result: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    base = result["findings"]
    result["findings"] = [dict(base[i % len(base)], start=i, end=i + 11) for i in range(count)]
    return result


def browser_times(page_path: Path) -> tuple[float, float] | None:
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        return None
    if not CHROMIUM.exists():
        return None
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(profile, executable_path=str(CHROMIUM),
                                                                headless=True, args=ARGS, offline=True)
        page = context.new_page()
        clock = time.perf_counter()
        page.goto(page_path.resolve().as_uri())
        expect(page.locator("#findings-table tbody tr")).to_have_count(25)
        opened = time.perf_counter() - clock
        before = page.locator("#f-count").inner_text()
        clock = time.perf_counter()
        page.fill("#f-text", "crm-export")
        expect(page.locator("#f-count")).not_to_have_text(before, timeout=60_000)
        filtered = time.perf_counter() - clock  # includes the 120 ms typing debounce
        context.close()
    return opened, filtered


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings", type=int, default=100_000)
    options = parser.parse_args()
    from yinsi.sinks.html.model import build
    from yinsi.sinks.html.render import render

    with tempfile.TemporaryDirectory() as scratch:
        directory = Path(scratch)
        result = scan_of_demo_files(directory, options.findings)
        clock = time.perf_counter()
        report = build([result])
        page = render(report)
        seconds = time.perf_counter() - clock
        path = directory / "report.html"
        path.write_text(page, encoding="utf-8")
        print("| findings | render (s) | page (MB) | rows in table | Chromium: first page (s) | filter (s) |")
        print("|---|---|---|---|---|---|")
        times = browser_times(path)
        shown = f"{times[0]:.2f} | {times[1]:.2f}" if times else "- | -"
        print(f"| {options.findings:,} | {seconds:.2f} | {len(page.encode('utf-8')) / 1e6:.2f} | "
              f"{report.rows_embedded:,} | {shown} |")


if __name__ == "__main__":
    main()
