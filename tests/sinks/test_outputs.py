"""Sinks: the JSON result contract, CSV safety, atomic files, and no raw values unless asked."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from yinsi.core.types import Evidence, Finding, Location
from yinsi.scanning import ScanSettings, ScanStats
from yinsi.sinks import Output, create_sink, formats
from yinsi.sinks.records import SCHEMA_VERSION, ScanMetadata

VALUE = "13800138000"


def _finding(*, with_value: bool = False, preview: str = "138****8000") -> Finding:
    return Finding(
        entity_type="CN_MOBILE", start=2, end=13, score=0.95, recognizer="CnMobileRecognizer",
        evidence=Evidence("mobile", True, ("手机",)), location=Location(path="a.txt", line=1, column=3),
        preview=preview, digest="hmac:" + "0" * 32,
        extra=(("value", VALUE),) if with_value else (),
    )


def _meta(include_values: bool = False) -> ScanMetadata:
    return ScanMetadata(
        tool_version="0.0.test", inputs=("a.txt",), settings=ScanSettings(include_values=include_values),
        key_source="test", key_id="abcd1234", stats=ScanStats(files_scanned=1, findings=1),
        started_at=datetime(2026, 1, 1, tzinfo=UTC), duration_seconds=0.5,
    )


def _write(name: str, path: Path, *, include_values: bool = False, preview: str = "138****8000") -> str:
    sink = create_sink(name, Output(str(path), private=include_values), include_values=include_values)
    sink.add(_finding(with_value=include_values, preview=preview))
    sink.finish(_meta(include_values))
    return path.read_text(encoding="utf-8-sig")


def test_formats_are_discovered() -> None:
    assert {"table", "json", "jsonl", "csv"} <= set(formats())


def test_json_result_contract(tmp_path: Path) -> None:
    result = json.loads(_write("json", tmp_path / "r.json"))
    assert result["schema_version"] == SCHEMA_VERSION and result["kind"] == "scan"
    assert result["tool"] == {"name": "yinsi", "version": "0.0.test"}
    assert result["digest_key"] == {"source": "test", "id": "abcd1234"}
    assert result["stats"]["files_scanned"] == 1 and result["errors"] == []
    assert result["summary"]["by_entity_type"][0]["entity_type"] == "CN_MOBILE"
    (finding,) = result["findings"]
    contract = {"entity_type", "start", "end", "score", "location", "sensitive", "preview", "digest"}
    assert contract <= set(finding)
    assert finding["location"] == {"path": "a.txt", "line": 1, "column": 3}
    assert "value" not in finding
    assert VALUE not in json.dumps(result)


@pytest.mark.parametrize("name", ["json", "jsonl", "csv", "table"])
def test_no_raw_value_by_default(tmp_path: Path, name: str) -> None:
    assert VALUE not in _write(name, tmp_path / "out")


@pytest.mark.parametrize("name", ["json", "jsonl", "csv"])
def test_values_only_when_asked_and_then_private(tmp_path: Path, name: str) -> None:
    path = tmp_path / "out"
    assert VALUE in _write(name, path, include_values=True)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_jsonl_line_is_a_finding_record(tmp_path: Path) -> None:
    (line,) = _write("jsonl", tmp_path / "r.jsonl").splitlines()
    assert json.loads(line)["preview"] == "138****8000"


def test_csv_has_bom_and_neutralises_formulas(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    _write("csv", path, preview="+86 1** **** 8000")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert rows[0]["preview"] == "'+86 1** **** 8000" and rows[0]["line"] == "1" and rows[0]["field"] == ""


def test_atomic_output_keeps_old_report_until_commit_and_on_abort(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old")
    sink = create_sink("json", Output(str(target)), include_values=False)
    sink.add(_finding())
    assert target.read_text() == "old"
    sink.abort()
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["report.json"]  # no temporary file left behind
    _write("json", target)
    assert json.loads(target.read_text())["findings"]
    assert os.listdir(tmp_path) == ["report.json"]


def test_table_summary_shows_masked_examples(tmp_path: Path) -> None:
    text = _write("table", tmp_path / "summary.txt")
    assert "CN_MOBILE" in text and "138****8000" in text and "a.txt" in text


def test_table_summary_keeps_counts_beside_a_long_example(tmp_path: Path) -> None:
    long_preview = "ht***://" + "*" * 120 + "/x"
    text = _write("table", tmp_path / "summary.txt", preview=long_preview)
    row = next(line for line in text.splitlines() if "CN_MOBILE" in line)
    assert [cell.strip() for cell in row.split("│")[4:7]] == ["1", "1", "1"]


def test_every_sink_module_imports() -> None:
    # formats() skips a module that fails to import so that one broken format cannot disable the
    # others; this test is where such a module fails.
    import importlib
    import pkgutil

    import yinsi.sinks

    for info in pkgutil.iter_modules(yinsi.sinks.__path__):
        importlib.import_module(f"yinsi.sinks.{info.name}")
