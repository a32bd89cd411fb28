"""Dogfooding: yinsi scans everything it wrote in a demo-like run and finds none of the inputs' values.

The run writes every report format (JSON, JSON Lines, CSV, SARIF, HTML, the console table), re-renders
saved results, inventories a database, and meets bad inputs (a corrupt archive, a fake APK, files that
are not results). Everything it printed or wrote goes into one directory, which `yinsi scan` then reads
in default mode. The values to look for are what yinsi itself finds in the inputs with --show-values
(written outside that directory); none may appear, whole or by digest, in yinsi's own output.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from yinsi.demo.company import write_company

KEY = "5a" * 32
SHORTEST_CHECKED = 5  # shorter values (two-character names) are checked by digest only


def yinsi(*args: str, cwd: Path, log: Path) -> int:
    """Run the CLI as a user would; its stdout and stderr are appended to `log` (yinsi's own output)."""
    env = {**os.environ, "YINSI_DIGEST_KEY": KEY, "XDG_CONFIG_HOME": str(cwd / ".config"), "COLUMNS": "160"}
    env.pop("CI", None)
    done = subprocess.run([sys.executable, "-m", "yinsi", *args], cwd=cwd, capture_output=True, env=env,
                          timeout=300, check=False)
    with log.open("ab") as stream:
        stream.write(done.stdout + done.stderr)
    return done.returncode


def _table_as_csv(database: Path, target: Path) -> None:
    """Every table of the SQLite database as one CSV file, so the scan can list its values."""
    with sqlite3.connect(database) as connection, target.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            cursor = connection.execute(f'SELECT * FROM "{table}"')  # names from sqlite_master
            writer.writerow([description[0] for description in cursor.description])
            writer.writerows(cursor)


def test_nothing_yinsi_writes_holds_an_input_value(tmp_path: Path) -> None:
    inputs, out, truth = tmp_path / "inputs", tmp_path / "out", tmp_path / "truth"
    for directory in (out, truth):
        directory.mkdir()
    write_company(inputs)
    (inputs / "broken.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"13800138000 not really gzip")
    crm = inputs / "crm-export.json"
    log = out / "yinsi.log"
    database = tmp_path / "company.db"
    url = f"sqlite:///{database}"

    # The demo-like run: every format, re-rendering, a database inventory, and bad inputs.
    assert yinsi("scan", str(inputs), "-o", str(out / "scan.json"), "--html", str(out / "scan.html"),
                 cwd=tmp_path, log=log) == 2  # the corrupt archive is reported, the rest scanned
    for name in ("scan.sarif", "scan.csv", "scan.jsonl"):
        yinsi("scan", str(inputs), "-o", str(out / name), cwd=tmp_path, log=log)
    yinsi("scan", str(inputs), cwd=tmp_path, log=out / "console.txt")
    assert yinsi("db", "demo-data", url, cwd=tmp_path, log=log) == 0
    assert yinsi("db", "scan", url, "--retention", "2y", "--format", "json", "-o",
                 str(out / "inventory.json"), "--html", str(out / "inventory.html"), cwd=tmp_path,
                 log=log) == 0
    assert yinsi("report", str(out / "scan.json"), str(out / "inventory.json"), "--html",
                 str(out / "combined.html"), cwd=tmp_path, log=log) == 0
    fake_apk = out.parent / "fake.apk"
    fake_apk.write_bytes(crm.read_bytes())
    assert yinsi("app", "audit", str(fake_apk), "--html", str(out / "app.html"), cwd=tmp_path, log=log) == 2
    assert yinsi("report", str(crm), "--html", str(out / "bad.html"), cwd=tmp_path, log=log) == 2
    assert yinsi("report", str(inputs / "orders.csv"), "--html", str(out / "bad.html"), cwd=tmp_path,
                 log=log) == 2
    written = sorted(path.name for path in out.iterdir())
    assert {"scan.json", "scan.html", "scan.sarif", "scan.csv", "scan.jsonl", "inventory.json",
            "inventory.html", "combined.html", "console.txt", "yinsi.log"} <= set(written)
    assert "not a yinsi JSON result" in log.read_text(encoding="utf-8")

    # What the inputs hold: yinsi's own findings with --show-values, written outside `out`.
    _table_as_csv(database, truth / "database.csv")
    yinsi("scan", str(inputs), str(truth / "database.csv"), "--show-values", "-o", str(truth / "values.json"),
          cwd=tmp_path, log=truth / "log")
    findings = json.loads((truth / "values.json").read_text(encoding="utf-8"))["findings"]
    values = {finding["value"] for finding in findings}
    digests = {finding["digest"] for finding in findings}
    assert len(values) > 1000

    # Everything yinsi wrote, scanned in default mode: no input value, by digest or verbatim.
    yinsi("scan", str(out), "-o", str(truth / "dogfood.json"), cwd=tmp_path, log=truth / "log")
    found = json.loads((truth / "dogfood.json").read_text(encoding="utf-8"))["findings"]
    leaked = [(finding["location"]["path"], finding["entity_type"]) for finding in found
              if finding["digest"] in digests]
    assert leaked == []
    for path in out.iterdir():
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        verbatim = [value for value in values if len(value) >= SHORTEST_CHECKED and value in text]
        assert verbatim == [], (path.name, len(verbatim))


def test_stdin_html_report_holds_no_value(tmp_path: Path) -> None:
    text = "客户手机 13800138000,身份证 11010519491231002X\n"
    done = subprocess.run(
        [sys.executable, "-m", "yinsi", "scan", "-", "--format", "html", "-o", str(tmp_path / "r.html")],
        input=text.encode(), capture_output=True, timeout=120, check=False,
        env={**os.environ, "YINSI_DIGEST_KEY": KEY, "XDG_CONFIG_HOME": str(tmp_path / ".config")})
    printed = (done.stdout + done.stderr).decode()
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert done.returncode == 0 and "CN_RESIDENT_ID" in page and "********" in page
    for value in ("13800138000", "11010519491231002X"):
        assert value not in page and value not in printed
