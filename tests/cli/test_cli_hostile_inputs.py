"""The `yinsi` command against hostile and broken input: one clear line, the right exit status, no
traceback, no leaked value, and nothing the user did not ask to change is changed."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from yinsi.testing import cli_exit_status as yinsi

RESIDENT_ID = "11010519491231002X"
MOBILE = "13800138000"
KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("YINSI_KEY", KEY)
    monkeypatch.setenv("YINSI_DIGEST_KEY", KEY)
    monkeypatch.delenv("YINSI_DEBUG", raising=False)
    yield tmp_path


def one_clean_line(err: str) -> str:
    """The single stderr line of a failed command, checked for tracebacks and planted values."""
    assert "Traceback" not in err
    assert RESIDENT_ID not in err and MOBILE not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    return lines[0]


def _customers_db(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE customers (name TEXT, idno TEXT, mobile TEXT)")
        connection.executemany("INSERT INTO customers VALUES (?, ?, ?)",
                               [("张三", RESIDENT_ID, MOBILE)] * 5)
    connection.close()


def _rows(path: Path) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT * FROM customers").fetchall()
    finally:
        connection.close()


@pytest.mark.parametrize("spelling", ["relative", "symlink", "double-slash"])
def test_db_mask_refuses_its_source_under_another_spelling(
    work: Path, spelling: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = work / "shop.db"
    _customers_db(source)
    before = _rows(source)
    (work / "sub").mkdir()
    if spelling == "relative":
        destination = "sqlite:///../shop.db"
    elif spelling == "symlink":
        (work / "alias.db").symlink_to(source)
        destination = f"sqlite:///{work / 'alias.db'}"
    else:
        destination = f"sqlite:///{work}//shop.db"
    os.chdir(work / "sub")
    assert yinsi("db", "mask", f"sqlite:///{source}", "--to", destination) == 2
    assert "destination is the source" in one_clean_line(capsys.readouterr().err)
    assert _rows(source) == before


@pytest.mark.parametrize(("first", "second", "same"), [
    ("postgresql://a@localhost/shop", "postgresql://b:pw@127.0.0.1:5432/shop", True),
    ("mysql://a@db.internal/shop", "mysql://a@DB.internal:3306/shop", True),
    ("postgresql://a@localhost/shop", "postgresql://a@localhost/shop_masked", False),
    ("postgresql://a@localhost:5433/shop", "postgresql://a@localhost/shop", False),
    ("postgresql://a@localhost/shop", "mysql://a@localhost/shop", False),
    ("sqlite://", "sqlite://", False),
])
def test_same_database_compares_what_urls_name(first: str, second: str, same: bool) -> None:
    from sqlalchemy.engine import make_url

    from yinsi.sources.sql import same_database

    assert same_database(make_url(first), make_url(second)) is same


def test_in_place_twice_never_overwrites_the_backup_of_the_original(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = f"手机{MOBILE}\n"
    (work / "a.txt").write_text("nothing personal\n", encoding="utf-8")
    (work / "x.txt").write_text(original, encoding="utf-8")
    assert yinsi("mask", "a.txt", "x.txt", "--in-place", "-q") == 0
    masked = (work / "x.txt").read_text(encoding="utf-8")
    (work / "a.txt.bak").unlink()
    capsys.readouterr()
    # A second run would replace x.txt.bak (the only copy of the original) with the masked text.
    assert yinsi("mask", "a.txt", "x.txt", "--in-place", "-q") == 2
    assert "x.txt.bak" in one_clean_line(capsys.readouterr().err)
    assert (work / "x.txt.bak").read_text(encoding="utf-8") == original
    assert (work / "x.txt").read_text(encoding="utf-8") == masked
    assert not (work / "a.txt.bak").exists()  # checked before any file was touched


def test_failed_in_place_rewrite_removes_its_backup(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Valid UTF-8 in the sample, a stray byte after it: the rewrite is refused and the source kept.
    text = ("手机号码 " * 20_000).encode("utf-8") + b"\xff tail\n"
    (work / "x.txt").write_bytes(text)
    assert yinsi("mask", "x.txt", "--in-place", "-q") == 2
    one_clean_line(capsys.readouterr().err)
    assert (work / "x.txt").read_bytes() == text
    assert not (work / "x.txt.bak").exists()


def _masked_copy(work: Path) -> Path:
    (work / "x.txt").write_text(f"手机{MOBILE}\n", encoding="utf-8")
    assert yinsi("mask", "x.txt", "--out", "masked", "-q") == 0
    return work / "masked" / "x.txt"


@pytest.mark.parametrize("kind", ["empty file", "other database"])
def test_unmask_with_a_file_that_is_not_a_vault_changes_nothing(
    work: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = _masked_copy(work)
    vault = work / "not-a-vault.db"
    if kind == "empty file":
        vault.write_bytes(b"")
    else:
        _customers_db(vault)
    before = vault.read_bytes()
    capsys.readouterr()
    assert yinsi("unmask", str(copy), "--vault", str(vault), "--out", "restored") == 2
    assert "not a yinsi vault" in one_clean_line(capsys.readouterr().err)
    assert vault.read_bytes() == before
    assert not (work / "restored").exists()


def test_mask_never_turns_an_existing_database_into_a_vault(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (work / "x.txt").write_text(f"手机{MOBILE}\n", encoding="utf-8")
    database = work / "shop.db"
    _customers_db(database)
    before = database.read_bytes()
    assert yinsi("mask", "x.txt", "--out", "masked", "--vault", str(database), "-q") == 2
    assert "not a yinsi vault" in one_clean_line(capsys.readouterr().err)
    assert database.read_bytes() == before


def test_sigterm_mid_mask_leaves_no_partial_copy(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    source = tmp_path / "big.txt"
    line = f"客户 张三 手机 {MOBILE} 身份证 {RESIDENT_ID} 备注 " + "x" * 60 + "\n"
    source.write_text(line * 300_000, encoding="utf-8")
    out = tmp_path / "masked"
    env = {**os.environ, "YINSI_DIGEST_KEY": KEY, "YINSI_KEY": KEY}
    process = subprocess.Popen([sys.executable, "-m", "yinsi", "mask", str(source), "--out", str(out), "-q"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp_path)
    deadline = time.monotonic() + 60
    while not list(out.glob(".big.txt.*.tmp")) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert process.poll() is None, "the copy finished before it could be interrupted"
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 128 + signal.SIGTERM
    assert b"Traceback" not in err
    assert list(out.iterdir()) == []


@pytest.mark.parametrize(("name", "content"), [
    ("broken.yaml", f"name: x\nrules: [{RESIDENT_ID}\n".encode()),
    ("tabs.yaml", f"name: x\nrules:\n\tCN_MOBILE: {MOBILE}\n".encode()),
    ("binary.yaml", bytes(range(256)) * 4),
    ("gbk.yaml", "name: 策略\nrules: {}\n".encode("gbk")),
    ("broken.json", f'{{"rules": "{RESIDENT_ID}",'.encode()),
    ("broken.toml", f'rules = "{RESIDENT_ID}\n'.encode()),
], ids=lambda value: value if isinstance(value, str) else "")
def test_a_broken_policy_file_is_one_line_without_its_content(
    work: Path, name: str, content: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    (work / name).write_bytes(content)
    (work / "x.txt").write_text("nothing\n", encoding="utf-8")
    assert yinsi("mask", "x.txt", "--out", "masked", "--policy", name) == 2
    line = one_clean_line(capsys.readouterr().err)
    assert line.startswith(f"yinsi: error: policy {name}")


@pytest.mark.parametrize("content", [bytes(range(256)), "a.apk,拍摄美化类\n".encode("gbk")],
                         ids=["binary", "gbk"])
def test_app_rank_categories_file_that_is_not_utf8(
    work: Path, content: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    (work / "apks").mkdir()
    (work / "apks" / "a.apk").write_bytes(b"not a zip")
    (work / "categories.csv").write_bytes(content)
    assert yinsi("app", "rank", "apks", "--categories", "categories.csv") == 2
    assert "--categories" in one_clean_line(capsys.readouterr().err)


def test_scan_inventory_reads_parquet_and_reports_missing_paths(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pyarrow = pytest.importorskip("pyarrow")
    import pyarrow.parquet as parquet

    table = pyarrow.table({"身份证": [RESIDENT_ID] * 5, "手机": [MOBILE] * 5})
    parquet.write_table(table, work / "customers.parquet")
    assert yinsi("scan", "--inventory", "customers.parquet", "-o", "inventory.json") == 0
    inventory = (work / "inventory.json").read_text(encoding="utf-8")
    assert "customers.parquet" in inventory and "CN_RESIDENT_ID" in inventory
    capsys.readouterr()
    # A path that is not there is an error (exit 2), while the files that are there are still listed.
    assert yinsi("scan", "--inventory", "missing.csv", "customers.parquet", "-o", "again.json") == 2
    err = capsys.readouterr().err
    assert "missing.csv" in err and "Traceback" not in err and RESIDENT_ID not in err
    assert "customers.parquet" in (work / "again.json").read_text(encoding="utf-8")


def test_an_os_error_names_the_path_it_is_about(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "x.txt").write_text(f"手机{MOBILE}\n", encoding="utf-8")
    (work / "plain-file").write_text("", encoding="utf-8")
    assert yinsi("mask", "x.txt", "--out", "plain-file/masked", "-q") == 2
    assert "plain-file" in one_clean_line(capsys.readouterr().err)


def test_scan_of_a_closed_standard_input(
    work: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", None)  # what Python gives a process started with `<&-`
    assert yinsi("scan", "-") == 2
    assert "standard input is closed" in capsys.readouterr().err


def test_policy_check_of_a_pdf_that_is_not_one(work: Path) -> None:
    import subprocess
    import sys

    pytest.importorskip("pypdf")
    (work / "policy.pdf").write_text(f"%PDF-1.4 not really, 身份证 {RESIDENT_ID}\n", encoding="utf-8")
    # In a process of its own: pytest's log capture would hide what pypdf's warnings do to stderr.
    done = subprocess.run([sys.executable, "-m", "yinsi", "policy", "check", "policy.pdf"], cwd=work,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2
    assert "not a readable PDF" in one_clean_line(done.stderr)


@pytest.mark.parametrize("args", [
    ("scan", "in.txt", "-o", "in.txt"),
    ("scan", "in.txt", "--format", "json", "--html", "./in.txt"),
    ("scan", "--inventory", "in.csv", "-o", "in.csv"),
    ("policy", "check", "in.txt", "-o", "in.txt"),
    ("policy", "check", "in.txt", "--html", "in.txt"),
    ("report", "in.json", "--html", "in.json"),
    ("app", "audit", "in.apk", "-o", "in.apk"),
    ("db", "scan", "in.db", "-o", "in.db"),
], ids=lambda args: " ".join(args[:2]) + " " + args[-2])
def test_a_report_never_replaces_one_of_its_inputs(
    work: Path, args: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    (work / "in.txt").write_text(f"隐私政策\n联系电话 {MOBILE}\n", encoding="utf-8")
    (work / "in.csv").write_text(f"手机\n{MOBILE}\n", encoding="utf-8")
    (work / "in.apk").write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    _customers_db(work / "in.db")
    assert yinsi("scan", "in.txt", "-o", "in.json") == 0
    before = {path.name: path.read_bytes() for path in work.iterdir() if path.is_file()}
    capsys.readouterr()
    assert yinsi(*args) == 2
    assert "is also an input" in one_clean_line(capsys.readouterr().err)
    assert {path.name: path.read_bytes() for path in work.iterdir() if path.is_file()} == before


def test_a_compressed_log_that_inflates_like_a_bomb_is_refused(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import gzip
    import time

    with gzip.open(work / "bomb.log.gz", "wb", compresslevel=9) as bomb:
        for _ in range(64):
            bomb.write(b"0" * (1024 * 1024))  # 64 MiB of one byte: about 64 KiB compressed
    with gzip.open(work / "app.log.gz", "wt", encoding="utf-8") as log:
        log.write(f"用户 手机 {MOBILE}\n")
    started = time.process_time()
    assert yinsi("scan", "bomb.log.gz", "app.log.gz", "--format", "json", "-o", "report.json") == 2
    assert time.process_time() - started < 30
    err = capsys.readouterr().err
    assert "bomb.log.gz" in err and "decompression bomb" in err and "Traceback" not in err
    assert "app.log.gz" in (work / "report.json").read_text(encoding="utf-8")  # the rest is still scanned


def test_an_xlsx_zip_bomb_is_refused_before_it_is_parsed(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import time
    import zipfile

    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["手机"])
    book.active.append([MOBILE])
    book.save(work / "small.xlsx")
    row = b'<row><c t="inlineStr"><is><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></is></c></row>'
    with zipfile.ZipFile(work / "small.xlsx") as source, \
            zipfile.ZipFile(work / "bomb.xlsx", "w", zipfile.ZIP_DEFLATED) as bomb:
        for name in source.namelist():
            if name != "xl/worksheets/sheet1.xml":
                bomb.writestr(name, source.read(name))
                continue
            with bomb.open(name, "w") as sheet:  # 64 MiB of rows, about 300 KiB compressed
                sheet.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                            b"<sheetData>")
                for _ in range(64 * 1024 * 1024 // len(row)):
                    sheet.write(row)
                sheet.write(b"</sheetData></worksheet>")
    started = time.process_time()
    assert yinsi("scan", "--inventory", "bomb.xlsx") == 2
    assert time.process_time() - started < 10
    assert "decompression bomb" in one_clean_line(capsys.readouterr().err)
    assert yinsi("scan", "--inventory", "small.xlsx") == 0


def test_a_broken_workbook_does_not_hide_the_other_files(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (work / "broken.xlsx").write_bytes(b"PK\x03\x04 truncated")
    (work / "orders.csv").write_text(f"手机\n{MOBILE}\n{MOBILE}\n", encoding="utf-8")
    assert yinsi("scan", "--inventory", "broken.xlsx", "orders.csv", "-o", "inventory.json") == 2
    assert "broken.xlsx" in capsys.readouterr().err
    inventory = (work / "inventory.json").read_text(encoding="utf-8")
    assert "orders.csv" in inventory and "CN_MOBILE" in inventory


@pytest.mark.parametrize(("name", "content"), [
    ("huge-cell.csv", "name,note\n张三,\"" + "x" * 300_000 + f" {MOBILE}\"\n"),
    ("deep.json", "[" * 100_000 + "]" * 100_000),
    ("deep.jsonl", "[" * 100_000 + "]" * 100_000 + "\n"),
])
def test_inventory_of_files_the_parsers_choke_on(
    work: Path, name: str, content: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (work / name).write_text(content, encoding="utf-8")
    (work / "orders.csv").write_text(f"手机\n{MOBILE}\n{MOBILE}\n", encoding="utf-8")
    assert yinsi("scan", "--inventory", name, "orders.csv", "-o", "inventory.json") == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and MOBILE not in err
    assert next(line for line in err.splitlines() if "error" in line).startswith(f"yinsi: error: {name}: ")
    assert "orders.csv" in (work / "inventory.json").read_text(encoding="utf-8")


def test_mask_of_json_lines_nested_too_deeply(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "deep.jsonl").write_text("[" * 100_000 + "]" * 100_000 + f'\n{{"phone": "{MOBILE}"}}\n',
                                     encoding="utf-8")
    assert yinsi("mask", "deep.jsonl", "--out", "masked", "-q") == 0
    assert MOBILE not in (work / "masked" / "deep.jsonl").read_text(encoding="utf-8")


@pytest.mark.parametrize("option", ["-o", "--html"])
def test_db_scan_fails_before_scanning_when_its_report_cannot_be_written(
    work: Path, option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _customers_db(work / "shop.db")
    assert yinsi("db", "scan", "shop.db", option, "no-such-dir/inventory.json") == 2
    captured = capsys.readouterr()
    assert "no-such-dir/inventory.json" in one_clean_line(captured.err)
    assert captured.out == ""  # not a table of the whole database first


def test_serve_on_a_port_in_use_is_one_line(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    pytest.importorskip("uvicorn")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert yinsi("serve", "--insecure-no-auth", "--port", str(port)) == 2
    line = one_clean_line(capsys.readouterr().err.replace("yinsi: warning: authentication is off "
                                                          "(--insecure-no-auth)\n", ""))
    assert f"127.0.0.1:{port}" in line


@pytest.mark.parametrize("inventory", [False, True], ids=["scan", "inventory"])
def test_crafted_file_names_cannot_break_or_restyle_the_table(
    work: Path, inventory: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    # A closing markup tag made of a directory name and a file name, and terminal escape sequences.
    (work / "data" / "a[").mkdir(parents=True)
    (work / "data" / "a[" / "b].csv").write_text(f"手机\n{MOBILE}\n{MOBILE}\n", encoding="utf-8")
    (work / "data" / "x\x1b[2J\x1b]0;title\x07.csv").write_text(f"手机\n{MOBILE}\n", encoding="utf-8")
    args = ("scan", "--inventory", "data") if inventory else ("scan", "data")
    assert yinsi(*args) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    if not inventory:  # the inventory table cuts long names short on an 80-column console
        assert "a[/b].csv" in out and "x\\x1b[2J" in out
