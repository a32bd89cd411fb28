"""Tabular files: each format is read as columns, classified, and never leaks values into reports."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from yinsi.sources.tabular_files import FileSource, flatten, tables_of_file
from yinsi.tabular.inventory import InventoryRun
from yinsi.tabular.model import InventorySettings, TableReport

MOBILES = ["13800138000", "13912345678", "15012345678", "18612345678"]
IDS = ["11010519491231002X", "110105194912310029", "440305199001011234", "310115198506060012"]
NAMES = ["张三", "李四", "王五", "赵六"]


def _valid_ids() -> list[str]:
    from stdnum.cn import ric

    return [value for value in IDS if ric.is_valid(value)] or IDS


def inventory(path: Path, **settings: object) -> TableReport:
    (table,) = tables_of_file(path)
    return InventoryRun(InventorySettings(**settings)).table(table)  # type: ignore[arg-type]


def holds(report: TableReport) -> dict[str, str | None]:
    return {
        column.name: column.primary.entity_type if column.primary else None for column in report.columns
    }


def test_csv_columns(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    pairs = enumerate(zip(NAMES, MOBILES, strict=True))
    rows = ["订单号,收件人,手机,金额"] + [f"2024{i:06d},{n},{m},{i}.50" for i, (n, m) in pairs]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    report = inventory(path)
    assert holds(report) == {"订单号": None, "收件人": "PERSON", "手机": "CN_MOBILE", "金额": None}
    assert report.estimated_rows == 4 and report.rows_sampled == 4


def test_gbk_csv_and_tsv(tmp_path: Path) -> None:
    gbk = tmp_path / "register.csv"
    lines = "".join(f"{n},{i}\r\n" for n, i in zip(NAMES, _valid_ids(), strict=False))
    gbk.write_bytes(("姓名,身份证号\r\n" + lines).encode("gbk"))
    assert holds(inventory(gbk)) == {"姓名": "PERSON", "身份证号": "CN_RESIDENT_ID"}
    tsv = tmp_path / "users.tsv"
    body = "".join(f"{n}\t{m}\n" for n, m in zip(NAMES, MOBILES, strict=True))
    tsv.write_text("xm\tsjh\n" + body, encoding="utf-8")
    assert holds(inventory(tsv)) == {"xm": "PERSON", "sjh": "CN_MOBILE"}


def test_nested_json_and_jsonl(tmp_path: Path) -> None:
    records = [
        {"id": i, "customer": {"name": n, "phone": m}, "items": [{"sku": "A1"}, {"sku": "B2"}]}
        for i, (n, m) in enumerate(zip(NAMES, MOBILES, strict=True))
    ]
    array = tmp_path / "export.json"
    array.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
    found = holds(inventory(array))
    assert found["customer.phone"] == "CN_MOBILE" and found["customer.name"] == "PERSON"
    assert found["items[].sku"] is None and found["id"] is None
    lines = tmp_path / "export.jsonl"
    lines.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    assert holds(inventory(lines))["customer.phone"] == "CN_MOBILE"
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(json.dumps({"data": records}, ensure_ascii=False), encoding="utf-8")
    assert holds(inventory(wrapped))["customer.phone"] == "CN_MOBILE"


def test_flatten_paths() -> None:
    assert flatten({"a": {"b": 1}, "c": [1, 2], "d": [{"e": "x"}, {"e": "y"}]}) == {
        "a.b": 1, "c[]": "1 ; 2", "d[].e": "x ; y",
    }


def test_parquet_with_nulls_binary_and_struct(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    parquet = pytest.importorskip("pyarrow.parquet")
    table = pa.table({
        "sjh": MOBILES,
        "empty": pa.array([None] * 4, type=pa.string()),
        "photo": [b"\x00\x01", b"\xff", None, b"\x13\x80\x01\x38\x00\x00"],
        "contact": [{"email": f"user{i}@qq.com"} for i in range(4)],
        "created_at": [datetime.datetime(2019, 1, 1)] * 2 + [datetime.datetime(2099, 1, 1)] * 2,
    })
    path = tmp_path / "users.parquet"
    parquet.write_table(table, path)
    report = inventory(path, retention_days=180)
    found = holds(report)
    assert found == {"sjh": "CN_MOBILE", "empty": None, "photo": None, "contact.email": "EMAIL",
                     "created_at": None}
    by_name = {column.name: column for column in report.columns}
    assert by_name["empty"].null_ratio == 1.0 and by_name["empty"].entities == ()
    assert report.retention is not None and report.retention.timestamp_column == "created_at"
    assert report.retention.expired_rows == 2


def test_xlsx_sheets(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "客户"
    sheet.append(["姓名", "手机号", "备注"])
    for name, mobile in zip(NAMES, MOBILES, strict=True):
        sheet.append([name, int(mobile), None])
    other = workbook.create_sheet("空表")
    other.append(["a", "b"])
    path = tmp_path / "customers.xlsx"
    workbook.save(path)
    first, second = tables_of_file(path)
    run = InventoryRun(InventorySettings())
    report = run.table(first)
    assert first.name.endswith(":客户")
    assert holds(report) == {"姓名": "PERSON", "手机号": "CN_MOBILE", "备注": None}
    empty = run.table(second)
    assert empty.rows_sampled == 0 and empty.estimated_rows == 0 and empty.error is None


def test_sample_is_random_and_bounded(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text("n,sjh\n" + "".join(f"{i},{MOBILES[i % 4]}\n" for i in range(5000)), encoding="utf-8")
    (table,) = tables_of_file(path)
    sample = table.sample(100)
    assert len(sample.rows) == 100 and sample.counted_rows == 5000
    numbers = sorted(int(str(row[0])) for row in sample.rows)
    assert numbers[-1] > 1000  # not just the first rows


def test_unreadable_file_is_a_table_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text('{"a": 1}\n{not json\n', encoding="utf-8")
    report = InventoryRun(InventorySettings()).source(FileSource([str(path)])).tables[0]
    assert report.error is not None and "line 2" in report.error


def test_full_scan_finds_what_the_sample_finds(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    rows = [
        f"{NAMES[i % 4]},{MOBILES[i % 4]},{1980 + i % 30}-01-0{1 + i % 9},北京市朝阳区建国路{i}号"
        for i in range(300)
    ]
    path.write_text("xm,sjh,csrq,dz\n" + "\n".join(rows) + "\n", encoding="utf-8")
    sampled = holds(inventory(path, sample_size=50))
    full = holds(inventory(path, full=True, batch_size=64))
    assert sampled == full == {"xm": "PERSON", "sjh": "CN_MOBILE", "csrq": "DATE_OF_BIRTH", "dz": "ADDRESS"}
