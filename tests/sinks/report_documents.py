"""Result documents for report tests: a real scan of the demo company's files, a table inventory of the
demo database, and an app audit, each produced by yinsi itself."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from yinsi.apps.audit import audit_facts
from yinsi.apps.facts import AppFacts
from yinsi.core.digest_key import DigestKey
from yinsi.demo.company import write_company
from yinsi.scanning import Scan, ScanSettings
from yinsi.sinks import Output, create_sink
from yinsi.sinks.deliver import deliver
from yinsi.sinks.results import app_audit_result

KEY = DigestKey(bytes(range(32)), "test key")
P = "android.permission."


def scan_result(directory: Path, *, show_values: bool = False) -> dict[str, Any]:
    """`yinsi scan --format json` of the demo company's files written into `directory`."""
    files = directory / "company"
    write_company(files)
    target = directory / "scan.json"
    scan = Scan([str(files)], ScanSettings(include_values=show_values), KEY)
    sink = create_sink("json", Output(str(target)), include_values=show_values)
    deliver(scan, [sink], tool_version="0.0.test")
    result: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    return result


def inventory_result(directory: Path) -> dict[str, Any]:
    """`yinsi db scan --format json` of the demo database (SQLite) with a three-year retention audit."""
    from yinsi.demo.database import DemoSizes, write_demo_database
    from yinsi.sinks.inventory import inventory_record
    from yinsi.sources.sql import SqlSource
    from yinsi.tabular.inventory import InventoryRun
    from yinsi.tabular.model import InventorySettings

    url = f"sqlite:///{directory / 'company.db'}"
    write_demo_database(url, sizes=DemoSizes(customers=60, orders=120, employees=10, chats=40, logs=100,
                                             products=10))
    source = SqlSource(url)
    try:
        inventory = InventoryRun(InventorySettings(retention_days=3 * 365)).source(source)
    finally:
        source.dispose()
    return inventory_record(inventory, tool_version="0.0.test")


def app_result() -> dict[str, Any]:
    """An app audit of a beauty-camera app that reads contacts, SMS and location (over-collection)."""
    facts = AppFacts(
        path="selfie.apk", sha256="0" * 64, size=1, package="com.example.selfie", label="Selfie 美颜相机",
        min_sdk=21, target_sdk=30, uses_cleartext_traffic=True,
        permissions=(P + "CAMERA", P + "READ_CONTACTS", P + "READ_SMS", P + "ACCESS_FINE_LOCATION"),
        classes=frozenset({"com.example.selfie.MainActivity", "com.umeng.commonsdk.UMConfigure"}),
    )
    clean = AppFacts(path="notes.apk", sha256="1" * 64, size=1, package="com.example.notes", label="Notes",
                     min_sdk=21, target_sdk=33, uses_cleartext_traffic=False,
                     classes=frozenset({"com.example.notes.MainActivity"}))
    audits = [audit_facts(facts, category="拍摄美化类"), audit_facts(clean, category="实用工具类")]
    return app_audit_result(audits, tool_version="0.0.test")
