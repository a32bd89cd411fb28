"""One local Spark session for the whole test run, with the fast settings (see yinsi.spark._runtime).

Skips when pyspark or Java is missing, and fails instead under CI=true (require_tool).
"""

from __future__ import annotations

import csv
import importlib.util
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import require_tool

from yinsi.spark._runtime import java_available

DIGEST_KEY = "5a" * 32
MASTER_KEY = "c3" * 32
HEADER = ["id", "姓名", "手机", "身份证号", "email", "地址", "备注", "age"]


def require_spark() -> None:
    require_tool(importlib.util.find_spec("pyspark") is not None, "pyspark is not installed (yinsi[spark])")
    require_tool(java_available(), "Java is not installed (Spark needs it)")


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    require_spark()
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from yinsi.spark import get_session

    session = get_session("local[2]", conf={
        "spark.sql.shuffle.partitions": "2", "spark.default.parallelism": "2",
        "spark.driver.memory": "1g",
    })
    yield session
    session.stop()


@pytest.fixture(autouse=True)
def keys(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Fixed keys from the environment, and no key file written into the user's home."""
    monkeypatch.setenv("YINSI_DIGEST_KEY", DIGEST_KEY)
    monkeypatch.setenv("YINSI_KEY", MASTER_KEY)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture(scope="session")
def people_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A customer table: identifiers in their own columns and inside a free-text note, some NULLs."""
    from yinsi.demo.company import make_company

    company = make_company(seed=11, size=60)
    path = tmp_path_factory.mktemp("people") / "people.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for index, person in enumerate(company.customers):
            note = f"客户{person.name}来电，手机{person.mobile}，卡号{person.bank_card}" if index % 4 else ""
            writer.writerow([f"C{index:04d}", person.name, person.mobile, person.resident_id,
                             person.email, person.address, note, str(20 + index)])
    return path


@pytest.fixture(scope="session")
def app_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Service logs leaking phone numbers, emails, IPs and device IDs (the demo company's log)."""
    from yinsi.demo.company import make_company, write_app_log

    return write_app_log(make_company(seed=5, size=40), tmp_path_factory.mktemp("logs"))
