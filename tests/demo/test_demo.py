"""The demo writes its synthetic company and a JSON report, and the report holds no raw values."""

from __future__ import annotations

import io
import json
from pathlib import Path

from rich.console import Console

from yinsi.demo import run
from yinsi.demo.company import make_company


def test_demo_writes_a_report_without_raw_values(tmp_path: Path) -> None:
    out = tmp_path / "demo-out"
    console = Console(file=io.StringIO(), width=120)
    reports = run(out, console=console)
    report_path = out / "report.json"
    written = [path for _, path in reports]
    assert report_path in written and out / "demo-report.html" in written
    report = json.loads(report_path.read_text(encoding="utf-8"))
    by_type = {row["entity_type"]: row for row in report["summary"]["by_entity_type"]}
    company = make_company()
    # Every generated resident ID and mobile is found, and counted once per distinct value.
    assert by_type["CN_RESIDENT_ID"]["distinct_values"] == len({c.resident_id for c in company.customers})
    assert by_type["CN_MOBILE"]["distinct_values"] == len({c.mobile for c in company.customers})
    assert by_type["BANK_CARD"]["distinct_values"] == len({c.bank_card for c in company.customers})
    assert report["stats"]["skipped"] == {"binary": 1}
    inventory = {
        (Path(row["path"]).name, row["field"], row["entity_type"]) for row in report["summary"]["by_field"]
    }
    assert ("customers-gbk.csv", "身份证号", "CN_RESIDENT_ID") in inventory
    assert ("crm-export.json", "[].customer.idCard", "CN_RESIDENT_ID") in inventory
    assert report["stats"]["encodings"]["gb18030"] == 1
    text = report_path.read_text(encoding="utf-8") + console.file.getvalue()  # type: ignore[attr-defined]
    for customer in company.customers:
        for value in (customer.mobile, customer.resident_id, customer.email, customer.bank_card):
            assert value not in text
    # The demo keeps its key to itself: same key id on a second run, nothing written outside out/.
    assert run(out, console=console) and json.loads(report_path.read_text())["digest_key"]["id"] == (
        report["digest_key"]["id"]
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["demo-out"]
