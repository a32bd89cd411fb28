"""`yinsi db` end to end: demo data, inventory with retention, masked copy (resumable), errors."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("sqlalchemy")


def yinsi(*args: str, cwd: Path, key: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "YINSI_DIGEST_KEY": "00" * 32, "XDG_CONFIG_HOME": str(cwd / ".config")}
    env.pop("YINSI_KEY", None)
    if key is not None:
        env["YINSI_KEY"] = key
    return subprocess.run([sys.executable, "-m", "yinsi", "db", *args], cwd=cwd, capture_output=True,
                          text=True, env=env, timeout=300, check=False)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("db") / "company.db"
    done = yinsi("demo-data", f"sqlite:///{path}", cwd=path.parent)
    assert done.returncode == 0, done.stderr
    return path


def test_scan_reports_every_kind_and_retention(demo_db: Path, tmp_path: Path) -> None:
    report = tmp_path / "inventory.json"
    done = yinsi("scan", str(demo_db), "--retention", "180d", "-o", str(report), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    result = json.loads(report.read_text(encoding="utf-8"))
    assert result["kind"] == "inventory" and result["schema_version"]
    tables = {table["name"]: table for table in result["inventory"]["tables"]}
    columns = {
        (name, column["name"]): column["entities"][0]["entity_type"]
        for name, table in tables.items() for column in table["columns"] if column["personal"]
    }
    for expected in [
        (("customers", "sfzh"), "CN_RESIDENT_ID"), (("customers", "sjh"), "CN_MOBILE"),
        (("customers", "yhkh"), "BANK_CARD"), (("customers", "xm"), "PERSON"),
        (("customers", "dz"), "ADDRESS"),
        (("orders", "receiver_phone"), "CN_MOBILE"), (("orders", "shipping_address"), "ADDRESS"),
        (("employees", "身份证号"), "CN_RESIDENT_ID"), (("app_logs", "client_ip"), "IP_ADDRESS"),
        (("app_logs", "device_id"), "IMEI"),
    ]:
        assert columns.get(expected[0]) == expected[1], expected
    assert ("orders", "order_no") not in columns and ("orders", "courier") not in columns
    assert not tables["products"]["personal"]
    chat = next(c for c in tables["support_chat"]["columns"] if c["name"] == "message")
    assert chat["free_text"] and chat["personal"]
    assert tables["customers"]["retention"]["expired_rows"] > 0
    assert tables["customers"]["retention"]["oldest_age_days"] > 365
    assert "sfzh" in done.stdout and "Retention" in done.stdout
    connection = sqlite3.connect(demo_db)
    raw = [row[0] for row in connection.execute("SELECT sjh FROM customers")]
    connection.close()
    assert not any(value in report.read_text(encoding="utf-8") + done.stdout for value in raw)


def test_scan_filters_tables_and_writes_csv(demo_db: Path, tmp_path: Path) -> None:
    report = tmp_path / "inventory.csv"
    done = yinsi("scan", f"sqlite:///{demo_db}", "--tables", "cust*,orders", "--exclude-tables", "orders",
                 "-o", str(report), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = report.read_text(encoding="utf-8-sig")
    assert ",customers,sfzh," in text and ",orders," not in text and ",employees," not in text


def test_masked_copy_is_courier_safe_and_resumable(demo_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "courier.db"
    done = yinsi("mask", str(demo_db), "--to", f"sqlite:///{target}", "--policy", "courier", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    source, copy = sqlite3.connect(demo_db), sqlite3.connect(target)
    original = source.execute("SELECT id, xm, sjh, sfzh, dz, vip_level FROM customers ORDER BY id").fetchall()
    masked = copy.execute("SELECT id, xm, sjh, sfzh, dz, vip_level FROM customers ORDER BY id").fetchall()
    assert len(original) == len(masked)
    for before, after in zip(original, masked, strict=True):
        (oid, name, mobile, resident, address, level) = before
        (mid, mname, mmobile, mresident, maddress, mlevel) = after
        assert (oid, level, address) == (mid, mlevel, maddress)  # other columns and addresses unchanged
        assert mname != name and mname.startswith(name[0])
        assert mmobile == mobile[:3] + "****" + mobile[-4:]
        assert resident not in mresident
    products = source.execute("SELECT * FROM products ORDER BY sku").fetchall()
    assert copy.execute("SELECT * FROM products ORDER BY sku").fetchall() == products
    source.close()
    copy.close()
    again = yinsi("mask", str(demo_db), "--to", f"sqlite:///{target}", "--policy", "courier", cwd=tmp_path)
    assert again.returncode == 0 and "already copied" in again.stdout


def test_same_key_same_pseudonyms_across_tables(demo_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "analyst.db"
    done = yinsi("mask", str(demo_db), "--to", f"sqlite:///{target}", "--policy", "analyst",
                 "--tables", "customers,orders", cwd=tmp_path, key="11" * 32)
    assert done.returncode == 0, done.stderr
    copy = sqlite3.connect(target)
    joined = copy.execute(
        "SELECT count(*) FROM orders o JOIN customers c ON o.customer_id = c.id "
        "WHERE o.receiver_phone = c.sjh"
    ).fetchone()[0]
    phones = copy.execute("SELECT count(*) FROM orders").fetchone()[0]
    copy.close()
    assert joined == phones  # every order's phone is its customer's phone, pseudonymised alike


def test_unreachable_database_is_one_line(tmp_path: Path) -> None:
    url = "postgresql://auditor:hunter2secret@127.0.0.1:1/shop"
    done = yinsi("scan", url, "--timeout", "2", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "hunter2secret" not in done.stderr and "***" in done.stderr
