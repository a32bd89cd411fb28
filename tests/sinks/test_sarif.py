"""SARIF 2.1.0 output of `yinsi scan` and `yinsi app audit`: valid against the schema, located, no values."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from yinsi.apps.audit import audit_facts
from yinsi.apps.facts import AppFacts
from yinsi.apps.sarif import to_sarif
from yinsi.core.digest_key import DigestKey
from yinsi.core.entities import ENTITY_TYPES
from yinsi.scanning import Scan, ScanSettings
from yinsi.sinks import Output, create_sink
from yinsi.sinks.deliver import deliver
from yinsi.sinks.sarif import FINGERPRINT_KEY

SCHEMA = json.loads((Path(__file__).parents[1] / "data" / "sarif-schema-2.1.0.json").read_text("utf-8"))
KEY = DigestKey(bytes(range(32)), "test key")
MOBILE = "13800138000"
RESIDENT_ID = "11010519491231002X"


def validate(log: dict[str, Any]) -> None:
    jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(log)


def scan_to(tmp_path: Path, *formats: str, show_values: bool = False) -> dict[str, str]:
    data = tmp_path / "data"
    data.mkdir()
    (data / "orders.txt").write_text(f"第一行\n客户手机 {MOBILE},身份证 {RESIDENT_ID}\n", encoding="utf-8")
    (data / "people.csv").write_text(f"姓名,手机\n张三,{MOBILE}\n", encoding="utf-8")
    settings = ScanSettings(entities=frozenset({"CN_MOBILE", "CN_RESIDENT_ID"}), include_values=show_values)
    scan = Scan([str(data), str(tmp_path / "missing")], settings, KEY)
    paths = {name: tmp_path / f"out.{name}" for name in formats}
    sinks = [create_sink(name, Output(str(path)), include_values=show_values) for name, path in paths.items()]
    deliver(scan, sinks, tool_version="0.0.test")
    return {name: path.read_text(encoding="utf-8") for name, path in paths.items()}


@pytest.mark.parametrize("show_values", [False, True])
def test_scan_sarif_is_valid_located_and_has_no_values(tmp_path: Path, show_values: bool) -> None:
    texts = scan_to(tmp_path, "sarif", "json", show_values=show_values)
    log = json.loads(texts["sarif"])
    validate(log)
    assert MOBILE not in texts["sarif"] and RESIDENT_ID not in texts["sarif"]
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert {rule["id"] for rule in rules} >= set(ENTITY_TYPES)
    assert run["columnKind"] == "unicodeCodePoints"
    findings = json.loads(texts["json"])["findings"]
    assert len(run["results"]) == len(findings) == 3
    for result, finding in zip(run["results"], findings, strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == finding["entity_type"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (finding["location"]["line"],
                                                                 finding["location"]["column"])
        assert region["endColumn"] - region["startColumn"] == finding["end"] - finding["start"]
        assert result["partialFingerprints"] == {FINGERPRINT_KEY: finding["digest"]}
        assert finding["preview"] in result["message"]["text"]
    levels = {result["ruleId"]: result["level"] for result in run["results"]}
    assert levels == {"CN_RESIDENT_ID": "error", "CN_MOBILE": "warning"}  # sensitive PI is an error
    resident_rule = rules[[rule["id"] for rule in rules].index("CN_RESIDENT_ID")]
    assert any("第二十八条" in reference for reference in resident_rule["properties"]["references"])
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False  # the missing path is reported, not hidden
    assert "missing" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_csv_column_becomes_a_logical_location(tmp_path: Path) -> None:
    log = json.loads(scan_to(tmp_path, "sarif")["sarif"])
    names = [location.get("logicalLocations", [{}])[0].get("name")
             for result in log["runs"][0]["results"] for location in result["locations"]]
    assert "手机" in names


def test_app_audit_sarif_is_valid() -> None:
    facts = AppFacts(path="t.apk", sha256="0" * 64, size=1, package="com.example.t", min_sdk=21,
                     target_sdk=30, uses_cleartext_traffic=True,
                     permissions=("android.permission.READ_CONTACTS", "android.permission.READ_SMS"),
                     classes=frozenset({"com.example.t.MainActivity"}))
    log = to_sarif([audit_facts(facts, category="拍摄美化类")], tool_version="0.0.test")
    validate(log)
    assert log["runs"][0]["results"]


def test_output_suffix_picks_sarif_and_html(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"手机 {MOBILE}\n", encoding="utf-8")
    env = {**os.environ, "YINSI_DIGEST_KEY": "00" * 32, "XDG_CONFIG_HOME": str(tmp_path / ".config")}
    command = [sys.executable, "-m", "yinsi", "scan", "a.txt", "-o", "r.sarif", "--html", "r.html"]
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    validate(json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8")))
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "wrote r.sarif" in done.stderr and "wrote r.html" in done.stderr
