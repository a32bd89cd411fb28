"""On real local Spark: the findings frame, keys kept out of Spark, and the `yinsi spark` commands."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from tests.spark.conftest import DIGEST_KEY, MASTER_KEY

from yinsi.cli.main import cli, main
from yinsi.spark import FINDINGS_SCHEMA, inventory_table, mask_dataframe, scan_dataframe


def test_findings_frame_schema_row_keys_and_no_raw_values(spark: Any, people_csv: Path) -> None:
    df = spark.read.option("header", "true").csv(str(people_csv))
    findings = scan_dataframe(df, row_key="id", entities=["CN_MOBILE", "CN_RESIDENT_ID"])
    names = [field.name for field in findings.schema.fields]
    assert names == [part.split()[0] for part in FINDINGS_SCHEMA.split(", ")] + ["row_key"]
    rows = findings.collect()
    assert {row.entity_type for row in rows} == {"CN_MOBILE", "CN_RESIDENT_ID"}
    assert {row.column for row in rows} == {"手机", "身份证号", "备注"}
    assert {row.row_key for row in rows if row.column == "手机"} == {f"C{index:04d}" for index in range(60)}
    values = {row["手机"] for row in df.collect()} | {row["身份证号"] for row in df.collect()}
    shown = {text for row in rows for text in (row.preview, row.digest)}
    assert not values & shown
    assert all(row.sensitive == (row.entity_type == "CN_RESIDENT_ID") for row in rows)


def test_keys_stay_out_of_spark_conf_and_plans(spark: Any, people_csv: Path) -> None:
    df = spark.read.option("header", "true").csv(str(people_csv))
    masked = mask_dataframe(df, "analyst", key=MASTER_KEY)
    findings = scan_dataframe(df)
    masked.count()
    findings.count()
    visible = " ".join(f"{name}={value}" for name, value in spark.sparkContext.getConf().getAll())
    for frame in (masked, findings):
        visible += frame._jdf.queryExecution().toString()
    for secret in (MASTER_KEY, DIGEST_KEY, bytes.fromhex(MASTER_KEY).decode("latin-1")):
        assert secret not in visible


def test_sampled_inventory_reports_its_sampling(spark: Any) -> None:
    from yinsi.tabular.model import InventorySettings

    df = spark.createDataFrame([(f"1380013{index:04d}",) for index in range(400)], "mobile string")
    table = inventory_table(df, "phones", settings=InventorySettings(sample_size=50))
    assert table.sampling == "bernoulli" and table.estimated_rows == 400
    assert 0 < table.rows_sampled <= 50
    assert table.columns[0].primary is not None and table.columns[0].primary.entity_type == "CN_MOBILE"


def test_cli_scan_parquet_directory_writes_inventory_findings_and_html(
    spark: Any, people_csv: Path, tmp_path: Path
) -> None:
    lake = tmp_path / "lake" / "customers"
    spark.read.option("header", "true").csv(str(people_csv)).repartition(2).write.parquet(str(lake))
    out, found, page = tmp_path / "inventory.json", tmp_path / "findings", tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["spark", "scan", str(lake), "--row-key", "id", "-o", str(out),
                                      "--findings", str(found), "--html", str(page)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "个人信息清单" in result.stdout and "findings." in result.stdout
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["kind"] == "inventory" and record["inputs"] == [str(lake)]
    [table] = record["inventory"]["tables"]
    assert table["name"] == "customers" and table["rows_sampled"] == 60
    assert record["stats"]["findings"] == spark.read.parquet(str(found)).count() > 200
    assert record["digest_key"]["source"] == "environment variable YINSI_DIGEST_KEY"
    assert "<html" in page.read_text(encoding="utf-8").lower()


def test_cli_mask_writes_a_masked_copy_in_the_input_format(
    spark: Any, people_csv: Path, tmp_path: Path
) -> None:
    out = tmp_path / "masked"
    result = CliRunner().invoke(cli, ["spark", "mask", str(people_csv), "--policy", "courier", "--out",
                                      str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    copy = spark.read.option("header", "true").csv(str(out))
    assert copy.count() == 60
    assert all(row["手机"][3:7] == "****" for row in copy.collect())


def test_cli_missing_input_is_one_line_and_exit_2(
    spark: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        main(["spark", "scan", str(tmp_path / "nothing.parquet")])
    assert done.value.code == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("yinsi: error: ") and "nothing.parquet" in line


def test_mask_keeps_schema_and_non_string_columns(spark: Any) -> None:
    import datetime

    rows = [
        (1, "手机13800138000", None, 1.5, datetime.datetime(2024, 3, 1, 8, 30)),
        (None, None, 7, None, None),
        (3, "无", 9, 2.25, datetime.datetime(2023, 1, 2)),
    ]
    df = spark.createDataFrame(rows, "id long, note string, n int, amount double, at timestamp")
    masked = mask_dataframe(df, "redact")
    assert masked.schema == df.schema
    before, after = df.collect(), masked.collect()
    for old, new in zip(before, after, strict=True):
        assert (old.id, old.n, old.amount, old.at) == (new.id, new.n, new.amount, new.at)
    assert [row.note for row in after] == ["手机<CN_MOBILE>", None, "无"]


def test_cli_scan_json_lines_names_nested_values_by_path(spark: Any, tmp_path: Path) -> None:
    source = tmp_path / "crm.jsonl"
    records = [{"id": index, "customer": {"name": "客户", "phone": f"1380013{index:04d}"},
                "note.text": "邮箱 li.lei@163.com" if index == 3 else "无"} for index in range(20)]
    source.write_text("\n".join(json.dumps(record, ensure_ascii=False) for record in records) + "\n",
                      encoding="utf-8")
    out, found = tmp_path / "inventory.json", tmp_path / "findings"
    result = CliRunner().invoke(cli, ["spark", "scan", str(source), "-o", str(out), "--findings", str(found),
                                      "--findings-format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows = spark.read.json(str(found)).collect()
    assert {(row.column, row.entity_type) for row in rows} == {("customer.phone", "CN_MOBILE"),
                                                               ("note.text", "EMAIL")}
    [table] = json.loads(out.read_text(encoding="utf-8"))["inventory"]["tables"]
    by_name = {column["name"]: column for column in table["columns"]}
    assert by_name["customer.phone"]["personal"] and by_name["customer.phone"]["values_sampled"] == 20


def test_cli_scan_text_lines_counts_what_yinsi_scan_finds(spark: Any, app_log: Path, tmp_path: Path) -> None:
    found = tmp_path / "findings"
    result = CliRunner().invoke(cli, ["spark", "scan", str(app_log), "--findings", str(found)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    single = CliRunner().invoke(cli, ["scan", str(app_log), "--format", "json"], catch_exceptions=False)
    expected = json.loads(single.stdout)["stats"]["findings"]
    assert spark.read.parquet(str(found)).count() == expected > 100


def test_a_python_worker_failure_names_only_the_exception_type(spark: Any) -> None:
    # A captured exception needs the JVM, hence the session.
    from pyspark.errors.exceptions.captured import PythonException

    from yinsi.core.errors import InputError
    from yinsi.spark._io import as_input_error

    message = ("[PYTHON_EXCEPTION] An exception was thrown from the Python worker: Traceback (most recent "
               "call last):\n  File \"w.py\", line 1\nValueError: bad value '13800138000'\n SQLSTATE: 38000")
    error = as_input_error(PythonException(desc=message, stackTrace=""))
    assert isinstance(error, InputError)
    assert "ValueError" in str(error) and "13800138000" not in str(error)


def test_row_key_may_be_a_scanned_column(spark: Any) -> None:
    df = spark.createDataFrame([("13800138000", "x"), ("13900139000", "y")], "phone string, note string")
    rows = scan_dataframe(df, columns=["phone", "note"], row_key="phone").collect()
    assert sorted((row.row_key, row.column, row.start) for row in rows) == [
        ("13800138000", "phone", 0), ("13900139000", "phone", 0),
    ]
