"""On real local Spark: the same findings, pseudonyms and inventory as the single-machine commands."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from tests.spark.conftest import MASTER_KEY

from yinsi.cli.main import cli
from yinsi.sinks.inventory import column_record
from yinsi.spark import inventory_table, mask_dataframe, scan_dataframe


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_findings_equal_yinsi_scan_of_the_same_lines(spark: Any, app_log: Path) -> None:
    lines = app_log.read_text(encoding="utf-8").splitlines()
    df = spark.createDataFrame([(number, text) for number, text in enumerate(lines, start=1)],
                               "line long, value string").repartition(2)
    found = scan_dataframe(df, row_key="line", labels=False).collect()
    on_spark = sorted((int(row.row_key), row.start, row.end, row.entity_type, row.score, row.preview,
                       row.digest, row.recognizer) for row in found)
    single = json.loads(_run("scan", str(app_log), "--format", "json"))["findings"]
    one_machine = sorted(
        (item["location"]["line"], item["location"]["column"] - 1,
         item["location"]["column"] - 1 + item["end"] - item["start"], item["entity_type"], item["score"],
         item["preview"], item["digest"], item["recognizer"])
        for item in single
    )
    assert len(one_machine) > 100
    assert on_spark == one_machine
    assert {row.column for row in found} == {"value"}


@pytest.mark.parametrize("policy", ["analyst", "courier"])
def test_pseudonyms_equal_yinsi_mask_of_the_same_csv(spark: Any, people_csv: Path, tmp_path: Path,
                                                       policy: str) -> None:
    df = spark.read.option("header", "true").csv(str(people_csv)).repartition(3)
    masked = {row["id"]: row.asDict() for row in mask_dataframe(df, policy, key=MASTER_KEY).collect()}
    _run("mask", str(people_csv), "--policy", policy, "--out", str(tmp_path), "-q")
    with (tmp_path / people_csv.name).open(encoding="utf-8") as handle:
        one_machine = list(csv.DictReader(handle))
    assert len(one_machine) == len(masked) == 60
    for row in one_machine:
        # Spark reads an empty CSV cell as NULL; the file copy keeps it empty.
        assert {name: value or "" for name, value in masked[row["id"]].items()} == row
    original = {row["id"]: row for row in csv.DictReader(people_csv.open(encoding="utf-8"))}
    changed = sum(masked[key]["手机"] != original[key]["手机"] for key in masked)
    assert changed == 60


def test_inventory_equals_yinsi_scan_inventory(spark: Any, people_csv: Path, tmp_path: Path) -> None:
    report = tmp_path / "inventory.json"
    _run("scan", "--inventory", str(people_csv), "-o", str(report))
    [table] = json.loads(report.read_text(encoding="utf-8"))["inventory"]["tables"]
    df = spark.read.option("header", "true").csv(str(people_csv)).repartition(3)
    on_spark = inventory_table(df, "people")
    spark_columns = [column_record(column) for column in on_spark.columns]
    for record in (*table["columns"], *spark_columns):
        record.pop("type")  # the file reader's type names ("text") are not Spark's ("string")
    assert spark_columns == table["columns"]
    assert on_spark.rows_sampled == table["rows_sampled"] == 60
    assert {column.name for column in on_spark.personal_columns} >= {"姓名", "手机", "身份证号", "email"}
