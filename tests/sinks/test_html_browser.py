"""The HTML report in a real browser: Debian's Chromium driven by Playwright opens the file from disk.

Checks what a reader sees: summary cards, charts, the heat-maps, app scorecards, the finding table with
its filters, sorting and pages, and no console errors. The screenshot lands in the test's tmp dir.
Chromium comes from the system (`apt-get install chromium`, done by .ci/run); Playwright's own browser
download is never used.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from report_documents import app_result, inventory_result, scan_result
from tests.conftest import require_tool

from yinsi.sinks.html import write_html_report

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """The combined report's path and how many of its findings are in the CRM export."""
    directory = tmp_path_factory.mktemp("browser")
    path = directory / "report.html"
    scan = scan_result(directory)
    write_html_report([scan, inventory_result(directory), app_result()], str(path))
    return path, sum("crm-export" in finding["location"]["path"] for finding in scan["findings"])


@pytest.fixture
def page(tmp_path: Path) -> Iterator[tuple[Any, list[str]]]:
    require_tool(CHROMIUM.exists() or shutil.which("chromium") is not None,
                 "Chromium not installed (apt-get install chromium)")
    require_tool(importlib.util.find_spec("playwright") is not None, "playwright not installed (dev extra)")
    from playwright.sync_api import sync_playwright

    profile = tmp_path / "profile"
    profile.mkdir()
    errors: list[str] = []
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=ARGS,
            viewport={"width": 1300, "height": 900}, offline=True)
        try:
            browser_page = context.new_page()
            browser_page.on("console", lambda message: errors.append(message.text)
                            if message.type == "error" else None)
            browser_page.on("pageerror", lambda error: errors.append(str(error)))
            yield browser_page, errors
        finally:
            context.close()


def _column(page: Any, index: int) -> list[str]:
    cells = page.locator(f"#findings-table tbody tr td:nth-child({index})")
    return [text.strip() for text in cells.all_inner_texts()]


def test_report_renders_filters_sorts_and_pages(report: tuple[Path, int], page: tuple[Any, list[str]],
                                                tmp_path: Path) -> None:
    from playwright.sync_api import expect

    browser, errors = page
    path, in_crm_export = report
    browser.goto(path.resolve().as_uri())
    # Summary, charts, inventory heat-maps, retention and app scorecards are on the page.
    assert browser.locator("#summary .card").count() >= 5
    assert "Sensitive" in browser.locator("#summary").inner_text()
    assert browser.locator("#charts svg.chart rect").count() >= 5
    assert browser.locator("#inventory table.heat td[title]").count() > 0
    assert browser.locator("#tables table.heat td[title]").count() > 0
    assert browser.locator("#retention tbody tr").count() == 6
    assert browser.locator("#apps article.app svg.ring").count() == 2
    # The finding table shows the first page; the count says how many there are.
    rows = browser.locator("#findings-table tbody tr")
    assert rows.count() == 25
    total = browser.locator("#f-count").inner_text()
    # Filter by entity type: every row is a bank card, and fewer rows match.
    browser.select_option("#f-type", "BANK_CARD")
    assert set(_column(browser, 1)) == {"银行卡号 BANK_CARD"}
    assert browser.locator("#f-count").inner_text() != total
    browser.select_option("#f-type", "")
    # Free-text filter (debounced): only the CRM export's findings remain.
    browser.fill("#f-text", "crm-export")
    # Polled by Playwright: the report's Content-Security-Policy forbids wait_for_function's eval.
    expect(browser.locator("#f-count")).to_have_text(re.compile(rf"^{in_crm_export:,} "))
    assert all("crm-export.json" in source for source in _column(browser, 4))
    browser.fill("#f-text", "")
    browser.check("#f-sensitive")
    assert set(_column(browser, 2)) == {"是 yes"}
    browser.uncheck("#f-sensitive")
    # Sorting by score (descending first) and paging.
    browser.click("#findings-table th[data-k='2']")
    scores = [float(score) for score in _column(browser, 3)]
    assert scores == sorted(scores, reverse=True)
    first_page = browser.locator("#p-info").inner_text()
    browser.click("#p-next")
    assert browser.locator("#p-info").inner_text() != first_page and rows.count() == 25
    # Masked previews only: a preview cell contains a mask character.
    assert all("*" in preview for preview in _column(browser, 7) if preview)
    screenshot = tmp_path / "report.png"
    browser.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 10_000
    assert errors == []
