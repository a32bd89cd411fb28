"""Findings name their CSV column or JSON key, and names never carry personal values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from yinsi.core.digest_key import DigestKey
from yinsi.pipeline import Analyzer
from yinsi.recognizers.cn_mobile import CnMobileRecognizer
from yinsi.recognizers.cn_resident_id import CnResidentIdRecognizer
from yinsi.recognizers.email import EmailRecognizer
from yinsi.scanning import Scan, ScanSettings
from yinsi.sources.fields import _column_index

KEY = DigestKey(bytes(32), "test key")
ANALYZER = Analyzer([CnMobileRecognizer(), CnResidentIdRecognizer(), EmailRecognizer()])
MOBILE = "13800138000"
RESIDENT_ID = "11010519491231002X"
Named = tuple[str, str | None, str | None]


def _names(path: Path) -> list[Named]:
    scan = Scan([str(path)], ScanSettings(), KEY, analyzer=ANALYZER)
    return [(f.entity_type, f.location.column_name, f.location.field) for f in scan if f.location]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("a.csv", f'id,备注,手机\n1,"住址, 北京",{MOBILE}\n', [("CN_MOBILE", "手机", None)]),
        ("a.tsv", f"id\tmobile\n1\t{MOBILE}\n", [("CN_MOBILE", "mobile", None)]),
        ("a.csv", f"id;mobile\n1;{MOBILE}\n", [("CN_MOBILE", "mobile", None)]),
        ("a.csv", f"id,mobile\r\n1,{MOBILE}\r\n2,,,{MOBILE}\r\n",
         [("CN_MOBILE", "mobile", None), ("CN_MOBILE", "column 4", None)]),
        # No header: the first row is data, so its cells must not become column names.
        ("a.csv", f"张三,{MOBILE}\n李四,{RESIDENT_ID}\n",
         [("CN_MOBILE", "column 2", None), ("CN_RESIDENT_ID", "column 2", None)]),
        ("a.json", json.dumps({"customer": {"idCard": RESIDENT_ID, "note": f"手机{MOBILE}"}}, indent=2,
                              ensure_ascii=False),
         [("CN_RESIDENT_ID", None, "customer.idCard"), ("CN_MOBILE", None, "customer.note")]),
        ("a.jsonl", json.dumps({"mobile": int(MOBILE), "id": RESIDENT_ID}) + "\n",
         [("CN_MOBILE", None, "mobile"), ("CN_RESIDENT_ID", None, "id")]),
        # A JSON object keyed by phone numbers: the key is personal data, never a field name.
        ("b.json", json.dumps({MOBILE: {"email": "zhang.san@qq.com"}}),
         [("CN_MOBILE", None, None), ("EMAIL", None, "*.email")]),
        ("c.json", json.dumps([{"contacts": [{"m": MOBILE}, {"m": MOBILE}]}]),
         [("CN_MOBILE", None, "[].contacts[].m"), ("CN_MOBILE", None, "[].contacts[].m")]),
        ("a.txt", f"mobile: {MOBILE}\n", [("CN_MOBILE", None, None)]),
    ],
)
def test_field_names(tmp_path: Path, name: str, content: str, expected: list[Named]) -> None:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8"))
    assert _names(path) == expected


def test_bad_header_cells_fall_back_to_numbers(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("x" * 100 + f",y\n1,{MOBILE}\n")
    assert _names(path) == [("CN_MOBILE", "column 2", None)]


@pytest.mark.parametrize(
    ("prefix", "index"), [("", 0), ("a,b,", 2), ('"a,b",', 1), ('"a ""quoted"", b",c,', 2)]
)
def test_column_index(prefix: str, index: int) -> None:
    assert _column_index(prefix, ",") == index


def test_json_paths_across_tiny_chunks(tmp_path: Path) -> None:
    records = [{"id": n, "customer": {"name\\\"x": "a,b:{[", "phones": [MOBILE, f"手机{MOBILE}"]}}
               for n in range(30)]
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"records": records}, ensure_ascii=False, indent=1), encoding="utf-8")
    whole = list(Scan([str(path)], ScanSettings(), KEY, analyzer=ANALYZER))
    chunked = list(Scan([str(path)], ScanSettings(chunk_chars=37, overlap_chars=24), KEY, analyzer=ANALYZER))
    assert len(whole) == 60 and chunked == whole
    assert {f.location.field for f in whole if f.location} == {"records[].customer.phones[]"}
