"""The HTML report: self-contained, masked, escaped, combined results, and small with 100,000 findings."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from report_documents import app_result, inventory_result, scan_result

from yinsi.core.errors import InputError
from yinsi.demo.company import make_company
from yinsi.sinks.html import write_html_report
from yinsi.sinks.html.highlights import highlights
from yinsi.sinks.html.model import build
from yinsi.sinks.html.render import render_documents
from yinsi.sinks.results import load_result

MAX_PAGE_BYTES = 5_000_000


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> list[Any]:
    directory = tmp_path_factory.mktemp("report")
    return [scan_result(directory), inventory_result(directory), app_result()]


def _raw_values() -> set[str]:
    return {value for customer in make_company().customers
            for value in (customer.mobile, customer.resident_id, customer.email, customer.bank_card)}


def test_combined_report_has_every_section(documents: list[Any]) -> None:
    page = render_documents(documents)
    for section in ("summary", "highlights", "charts", "inventory", "tables", "retention", "apps", "findings",
                    "rules"):
        assert f'id="{section}"' in page, section
    assert "居民身份证号 CN_RESIDENT_ID" in page and "PIPL 第二十八条 art. 28" in page
    assert "GB/T 35273-2020 附录A 表A.1" in page and "认定方法" in page  # entity and app-rule references
    model = build(documents)
    assert model.files_scanned == 5 and model.tables_scanned == 6 and len(model.apps) == 2
    assert model.past_retention and model.past_retention > 0  # the demo database has rows over 3 years old
    assert model.columns_personal > 0 and model.column_cells
    selfie = next(app for app in model.apps if app.package == "com.example.selfie")
    assert {"contacts", "sms"} <= set(selfie.excess_pi)
    glance = " ".join(highlights(model))
    assert "sensitive findings" in glance and "retention period" in glance and "Selfie" in glance


def test_self_contained_no_network(documents: list[Any]) -> None:
    page = render_documents(documents)
    assert not re.search(r"<(link|img|iframe|object|embed)\b", page)
    assert not re.search(r"\b(src|href)\s*=", page)
    assert not re.search(r"url\(", page)
    # URLs appear as text (references); the only one in an attribute is SVG's namespace, never fetched.
    attribute_urls = set(re.findall(r"""(\w+)=["']?https?://""", page))
    assert attribute_urls <= {"xmlns"}, attribute_urls
    assert "default-src 'none'" in page


def test_raw_values_never_embedded_unless_asked(tmp_path: Path) -> None:
    result = scan_result(tmp_path, show_values=True)
    assert any(finding.get("value") for finding in result["findings"])  # the result does hold values
    page = render_documents([result])
    leaked = [value for value in _raw_values() if value in page]
    assert leaked == []
    shown = render_documents([result], include_values=True)
    assert any(value in shown for value in _raw_values()) and "包含原始值" in shown


def test_text_is_escaped_and_json_cannot_close_the_script(documents: list[Any]) -> None:
    scan = json.loads(json.dumps(documents[0]))
    hostile = "</script><script>alert(1)</script><img src=x onerror=alert(2)>.csv"
    for finding in scan["findings"][:3]:
        finding["location"]["path"] = hostile
        finding["location"]["column_name"] = hostile
    scan["summary"]["by_file"][0]["path"] = hostile
    page = render_documents([scan])
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert page.count("</script>") == 3  # the two JSON blocks and the table script, nothing injected


def test_hundred_thousand_findings_stay_under_five_megabytes(documents: list[Any]) -> None:
    scan = json.loads(json.dumps(documents[0]))
    base = scan["findings"]
    scan["findings"] = [dict(base[i % len(base)], start=i, end=i + 11) for i in range(100_000)]
    page = render_documents([scan])
    assert len(page.encode("utf-8")) < MAX_PAGE_BYTES
    model = build([scan])
    assert model.findings == 100_000  # the counts and charts cover every finding
    assert 0 < model.rows_embedded < 100_000 and "敏感优先" in page  # the table says it is capped
    rows = model.rows[: sum(1 for finding in scan["findings"] if finding["sensitive"])]
    assert all(json.loads(row)[1] == 1 for row in rows[:1000])  # sensitive rows first


def test_app_audit_list_and_envelope_both_load(tmp_path: Path) -> None:
    envelope = app_result()
    legacy = tmp_path / "apps.json"
    legacy.write_text(json.dumps(envelope["apps"], ensure_ascii=False), encoding="utf-8")
    assert len(build([load_result(legacy)]).apps) == 2


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "invalid JSON at line 1"),
    ('{"hello": "13800138000"}', "not a yinsi JSON result"),
    ("[1, 2]", "not a yinsi JSON result"),
])
def test_bad_results_are_one_line_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as raised:
        load_result(path)
    assert "13800138000" not in str(raised.value)


def test_report_command_re_renders_saved_results(documents: list[Any], tmp_path: Path) -> None:
    paths = []
    for name, document in zip(("scan", "inventory", "apps"), documents, strict=True):
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        paths.append(str(path))
    out = tmp_path / "report.html"
    done = subprocess.run([sys.executable, "-m", "yinsi", "report", *paths, "--html", str(out)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    missing = subprocess.run(
        [sys.executable, "-m", "yinsi", "report", str(tmp_path / "nope.json"), "--html",
         str(tmp_path / "x.html")],
        capture_output=True, text=True, timeout=120, check=False)
    assert missing.returncode == 2 and "No such file" in missing.stderr and "Traceback" not in missing.stderr


def test_write_html_report_replaces_atomically(documents: list[Any], tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    target.write_text("old", encoding="utf-8")
    write_html_report(documents[:1], str(target))
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [path.name for path in tmp_path.iterdir()] == ["r.html"]


def test_result_saved_without_findings_still_counts(documents: list[Any]) -> None:
    summary_only = {key: value for key, value in documents[0].items() if key != "findings"}
    model = build([summary_only])
    assert model.findings == documents[0]["summary"]["findings"] and model.rows_total == 0
    assert model.sensitive == documents[0]["summary"]["sensitive_findings"]
    page = render_documents([summary_only])
    assert 'id="charts"' in page and 'id="findings"' not in page


def test_inventory_with_counted_findings_joins_the_charts(documents: list[Any]) -> None:
    """`yinsi spark scan` adds `summary.by_field` counts to an inventory and keeps findings on the cluster."""
    inventory = json.loads(json.dumps(documents[1]))
    inventory["summary"]["by_field"] = [
        {"path": "customers", "field": "sfzh", "entity_type": "CN_RESIDENT_ID", "count": 900},
        {"path": "customers", "field": "sjh", "entity_type": "CN_MOBILE", "count": 1200},
    ]
    model = build([inventory])
    assert (model.findings, model.sensitive) == (2100, 900)
    assert [(source.source, source.kind) for source in model.sources] == [("customers", "table")]
    page = render_documents([inventory])
    assert 'id="charts"' in page and 'id="inventory"' in page and 'id="tables"' in page
    assert "customers · sfzh" in page


def test_json_lines_findings_load_as_a_scan(documents: list[Any], tmp_path: Path) -> None:
    path = tmp_path / "scan.jsonl"
    findings = documents[0]["findings"]
    lines = "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in findings)
    path.write_text(lines, encoding="utf-8")
    assert build([load_result(path)]).findings == len(findings)
