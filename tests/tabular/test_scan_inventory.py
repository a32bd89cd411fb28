"""`yinsi scan --inventory`: tabular files as an inventory, while plain `yinsi scan` keeps its contract."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

MOBILE = "13800138000"


def yinsi(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "YINSI_DIGEST_KEY": "00" * 32, "XDG_CONFIG_HOME": str(cwd / ".config")}
    return subprocess.run([sys.executable, "-m", "yinsi", "scan", *args], cwd=cwd, capture_output=True,
                          text=True, env=env, timeout=120, check=False)


def test_inventory_of_a_folder(tmp_path: Path) -> None:
    data = tmp_path / "exports"
    data.mkdir()
    rows = "".join(f"张三,{MOBILE},2019-0{1 + i % 9}-01 10:00:00\n" for i in range(20))
    (data / "orders.csv").write_text("收件人,手机,下单时间\n" + rows, encoding="utf-8")
    (data / "users.jsonl").write_text(
        "".join(json.dumps({"contact": {"email": f"u{i}@qq.com"}}) + "\n" for i in range(5)), encoding="utf-8"
    )
    (data / "notes.txt").write_text(f"call {MOBILE}\n", encoding="utf-8")  # not tabular: left out
    report = tmp_path / "inventory.json"
    done = yinsi("--inventory", str(data), "--retention", "1y", "-o", str(report), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    result = json.loads(report.read_text(encoding="utf-8"))
    assert result["kind"] == "inventory"
    tables = {Path(table["name"]).name: table for table in result["inventory"]["tables"]}
    assert set(tables) == {"orders.csv", "users.jsonl"}
    assert tables["orders.csv"]["retention"]["expired_rows"] == 20
    personal = {(name, c["name"]) for name, t in tables.items() for c in t["columns"] if c["personal"]}
    assert personal == {("orders.csv", "收件人"), ("orders.csv", "手机"), ("users.jsonl", "contact.email")}
    assert MOBILE not in report.read_text(encoding="utf-8") + done.stdout
    plain = yinsi(str(data), "--format", "json", cwd=tmp_path)
    assert plain.returncode == 0 and json.loads(plain.stdout)["kind"] == "scan"
