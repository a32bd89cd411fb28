"""`yinsi mask` and `yinsi unmask` end to end, in process: byte-exact rewriting, atomicity, keys."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from yinsi.rewriting import files as rewriting_files
from yinsi.rewriting.masking import MaskingTransform
from yinsi.testing import cli_exit_status as yinsi

KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
OTHER_KEY = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100"
# Only identifiers with check digits or number ranges, so other detectors' progress cannot change
# what these tests expect.
POLICY = (
    "name: test\n"
    "rules:\n"
    "  CN_MOBILE: {operator: mask, keep_prefix: 3, keep_suffix: 4}\n"
    "  CN_RESIDENT_ID: {operator: redact, char: 'X'}\n"
)
CSV_TEXT = (
    "订单号,收件人,手机,身份证,备注\r\n"
    'A001,张三,13800138000,11010519491231002X,"多行\r\n备注, 含逗号 ""引号"""\r\n'
    'A002,李四,"139 1234 5678",,北京市朝阳区建国路88号\r\n'
)
CSV_MASKED = (
    "订单号,收件人,手机,身份证,备注\r\n"
    'A001,张三,138****8000,XXXXXXXXXXXXXXXXXX,"多行\r\n备注, 含逗号 ""引号"""\r\n'
    'A002,李四,"139 **** 5678",,北京市朝阳区建国路88号\r\n'
)


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("YINSI_KEY", KEY)
    (tmp_path / "policy.yaml").write_text(POLICY, encoding="utf-8")
    yield tmp_path


def test_gbk_csv_with_quoted_newlines_changes_only_pi_cells(work: Path) -> None:
    source = work / "orders.csv"
    source.write_bytes(CSV_TEXT.encode("gbk"))
    before = source.stat().st_mtime_ns
    assert yinsi("mask", "orders.csv", "--policy", "policy.yaml", "--out", "out", "-q") == 0
    assert (work / "out" / "orders.csv").read_bytes() == CSV_MASKED.encode("gbk")
    assert source.read_bytes() == CSV_TEXT.encode("gbk")  # the input is never touched
    assert source.stat().st_mtime_ns == before


def test_jsonl_changes_only_values(work: Path) -> None:
    lines = [
        '{"id": 1,  "phone": 13800138000, "note": "电话 139-1234-5678 \\u5f20"}',
        '{"nested": {"ids": ["11010519491231002X", 7]}, "ok": true}',
        "not json: 13800138000",
        "",
    ]
    (work / "a.jsonl").write_text("\n".join(lines), encoding="utf-8")
    assert yinsi("mask", "a.jsonl", "--policy", "policy.yaml", "--out", "out", "-q") == 0
    assert (work / "out" / "a.jsonl").read_text(encoding="utf-8").split("\n") == [
        '{"id": 1,  "phone": "138****8000", "note": "\\u7535\\u8bdd 139-****-5678 \\u5f20"}',
        '{"nested": {"ids": ["XXXXXXXXXXXXXXXXXX", 7]}, "ok": true}',
        "not json: 138****8000",
        "",
    ]


def test_text_file_keeps_line_endings(work: Path) -> None:
    (work / "log.txt").write_bytes("登录 手机13800138000\r\n无\n\r\n".encode())
    assert yinsi("mask", "log.txt", "--policy", "policy.yaml", "--out", "out", "-q") == 0
    assert (work / "out" / "log.txt").read_bytes() == "登录 手机138****8000\r\n无\n\r\n".encode()


def test_directories_keep_their_layout_and_a_manifest_is_written(work: Path) -> None:
    (work / "in" / "sub").mkdir(parents=True)
    (work / "in" / "sub" / "x.txt").write_text("手机13800138000", encoding="utf-8")
    assert yinsi("mask", "in", "--policy", "analyst", "--out", "out", "-q") == 0
    masked = (work / "out" / "sub" / "x.txt").read_text(encoding="utf-8")
    assert "13800138000" not in masked and masked.startswith("手机CN_MOBILE_")
    manifest = json.loads((work / "out" / "yinsi-mask.json").read_text(encoding="utf-8"))
    assert manifest["policy"] == "analyst" and len(manifest["key_id"]) == 8
    assert manifest["files"][0]["replaced"] == {"CN_MOBILE": 1}
    assert "13800138000" not in json.dumps(manifest)


def test_in_place_keeps_a_backup(work: Path) -> None:
    (work / "x.txt").write_text("手机13800138000", encoding="utf-8")
    assert yinsi("mask", "x.txt", "--policy", "policy.yaml", "--in-place", "-q") == 0
    assert (work / "x.txt").read_text(encoding="utf-8") == "手机138****8000"
    assert (work / "x.txt.bak").read_text(encoding="utf-8") == "手机13800138000"


def test_out_or_in_place_is_required_and_inputs_are_never_overwritten(work: Path) -> None:
    (work / "x.txt").write_text("手机13800138000", encoding="utf-8")
    assert yinsi("mask", "x.txt", "--policy", "policy.yaml") == 2
    assert yinsi("mask", "x.txt", "--policy", "policy.yaml", "--out", ".") == 2
    assert (work / "x.txt").read_text(encoding="utf-8") == "手机13800138000"


def test_interrupted_write_leaves_the_old_output_intact(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = work / "big.txt"
    source.write_text("".join(f"第{i}行 手机1380013{i:04d}\n" for i in range(200)), encoding="utf-8")
    assert yinsi("mask", "big.txt", "--policy", "policy.yaml", "--out", "out", "-q") == 0
    good = (work / "out" / "big.txt").read_bytes()
    source.write_text("changed 手机13900139000\n" * 200, encoding="utf-8")

    monkeypatch.setattr(rewriting_files, "BLOCK_CHARS", 100)  # many blocks, so the failure is mid-file
    calls = {"n": 0}
    original_call = MaskingTransform.__call__

    def failing(self: MaskingTransform, value: str, label: str | None) -> str:
        calls["n"] += 1
        if calls["n"] == 5:
            raise OSError(28, "No space left on device")
        return original_call(self, value, label)

    monkeypatch.setattr(MaskingTransform, "__call__", failing)
    assert yinsi("mask", "big.txt", "--policy", "policy.yaml", "--out", "out", "-q") == 2
    assert calls["n"] == 5
    assert (work / "out" / "big.txt").read_bytes() == good
    assert sorted(path.name for path in (work / "out").iterdir()) == ["big.txt", "yinsi-mask.json"]


def test_missing_key_is_one_clear_error(
    work: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("YINSI_KEY")
    (work / "x.txt").write_text("手机13800138000", encoding="utf-8")
    assert yinsi("mask", "x.txt", "--policy", "analyst", "--out", "out") == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith("yinsi: error: no key") and "\n" not in error
    assert not (work / "out" / "x.txt").exists()


def test_vault_round_trip_and_wrong_key(
    work: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = work / "orders.csv"
    source.write_bytes(CSV_TEXT.encode("gbk"))
    (work / "fake.yaml").write_text("rules:\n  CN_MOBILE: fake\n  CN_RESIDENT_ID: fpe\n", encoding="utf-8")
    assert (
        yinsi("mask", "orders.csv", "--policy", "fake.yaml", "--vault", "v.db", "--out", "masked", "-q") == 0
    )
    masked = (work / "masked" / "orders.csv").read_bytes().decode("gbk")
    assert (
        "13800138000" not in masked and "11010519491231002X" not in masked and "139 1234 5678" not in masked
    )
    assert masked.count("\r\n") == CSV_TEXT.count("\r\n")
    assert yinsi("unmask", "masked/orders.csv", "--vault", "v.db", "--out", "restored", "-q") == 0
    assert (work / "restored" / "orders.csv").read_bytes() == source.read_bytes()

    capsys.readouterr()
    monkeypatch.setenv("YINSI_KEY", OTHER_KEY)
    assert yinsi("unmask", "masked/orders.csv", "--vault", "v.db", "--out", "wrong") == 2
    assert "key id" in capsys.readouterr().err
    assert not (work / "wrong").exists()


def test_key_file_option(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("YINSI_KEY")
    (work / "key").write_text(KEY)
    (work / "x.txt").write_text("手机13800138000", encoding="utf-8")
    assert yinsi("mask", "x.txt", "--policy", "analyst", "--key-file", "key", "--out", "out", "-q") == 0
    manifest = json.loads((work / "out" / "yinsi-mask.json").read_text(encoding="utf-8"))
    from yinsi.crypto.keys import parse_key

    assert manifest["key_id"] == parse_key(KEY).key_id


def test_odd_bytes_are_copied_exactly(work: Path) -> None:
    # Not valid UTF-8: the detected legacy encoding must round-trip every byte that is not masked.
    raw = "手机13800138000".encode() + b"\xff\xfe\xfa" + "尾".encode()
    (work / "odd.txt").write_bytes(raw)
    assert yinsi("mask", "odd.txt", "--policy", "policy.yaml", "--out", "out", "-q") == 0
    assert (work / "out" / "odd.txt").read_bytes() == raw.replace(b"13800138000", b"138****8000")


@pytest.mark.parametrize("policy", ["courier", "redact", "policy.yaml"])
def test_courier_copy_is_reversed_exactly_with_the_vault(work: Path, policy: str) -> None:
    # mask and redact lose information; the vault's position records still restore every byte.
    (work / "orders.csv").write_bytes(CSV_TEXT.encode("gbk"))
    lines = ['{"phone": 13800138000, "id": "11010519491231002X"}', "联系 139-1234-5678\u2028尾", ""]
    (work / "a.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (work / "log.txt").write_bytes("手机13800138000\r\n身份证 11010519491231002X\r\n".encode())
    names = ("orders.csv", "a.jsonl", "log.txt")
    assert yinsi("mask", *names, "--policy", policy, "--vault", "v.db", "--out", "masked", "-q") == 0
    for name in names:
        masked = (work / "masked" / name).read_bytes()
        assert b"13800138000" not in masked and "13800138000".encode("gbk") not in masked
    assert (
        yinsi("unmask", *(f"masked/{name}" for name in names), "--vault", "v.db", "--out", "back", "-q") == 0
    )
    for name in names:
        assert (work / "back" / name).read_bytes() == (work / name).read_bytes(), name


def test_an_edited_copy_is_restored_by_surrogate_with_a_warning(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (work / "x.txt").write_text("手机13800138000 身份证11010519491231002X\n", encoding="utf-8")
    (work / "p.yaml").write_text("rules:\n  CN_MOBILE: fake\n  CN_RESIDENT_ID: mask\n", encoding="utf-8")
    assert yinsi("mask", "x.txt", "--policy", "p.yaml", "--vault", "v.db", "--out", "masked", "-q") == 0
    copy = work / "masked" / "x.txt"
    copy.write_text(copy.read_text(encoding="utf-8") + "编辑过\n", encoding="utf-8")
    capsys.readouterr()
    assert yinsi("unmask", "masked/x.txt", "--vault", "v.db", "--out", "back") == 0
    restored = (work / "back" / "x.txt").read_text(encoding="utf-8")
    assert restored.startswith("手机13800138000 身份证******************")
    assert "warning" in capsys.readouterr().err


def test_an_output_directory_inside_the_input_is_not_masked_again(work: Path) -> None:
    (work / "exports").mkdir()
    (work / "exports" / "x.txt").write_text("手机13800138000", encoding="utf-8")
    for _ in range(2):
        assert yinsi("mask", "exports", "--policy", "policy.yaml", "--out", "exports/masked", "-q") == 0
    assert sorted(p.relative_to(work).as_posix() for p in (work / "exports").rglob("*") if p.is_file()) == [
        "exports/masked/x.txt",
        "exports/masked/yinsi-mask.json",
        "exports/x.txt",
    ]


def test_binary_files_in_a_directory_are_left_out_with_a_warning(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (work / "in").mkdir()
    (work / "in" / "a.txt").write_text("手机13800138000", encoding="utf-8")
    (work / "in" / "b.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    assert yinsi("mask", "in", "--policy", "policy.yaml", "--out", "out") == 0
    assert "b.png: not text" in capsys.readouterr().err
    assert not (work / "out" / "b.png").exists()
    assert (work / "out" / "a.txt").read_text(encoding="utf-8") == "手机138****8000"
    assert yinsi("mask", "in/b.png", "--policy", "policy.yaml", "--out", "out") == 2  # named: an error


def test_progress_bar_runs() -> None:
    from yinsi.cli._file_progress import file_progress

    with file_progress(10**9, enabled=True) as progress:
        progress.describe("x.csv")
        progress.advance(10**6)
    with file_progress(10, enabled=True) as progress:  # too small for a bar: a no-op
        progress.advance(10)


def test_column_names_count_as_context(work: Path) -> None:
    # A bare 9-digit number is not a QQ number; under a "QQ" column it is.
    (work / "p.yaml").write_text("rules:\n  QQ_NUMBER: replace\n", encoding="utf-8")
    (work / "a.csv").write_text("QQ,备注\n123456789,无\n", encoding="utf-8")
    (work / "b.txt").write_text("123456789,无\n", encoding="utf-8")
    assert yinsi("mask", "a.csv", "b.txt", "--policy", "p.yaml", "--out", "out", "-q") == 0
    assert (work / "out" / "a.csv").read_text(encoding="utf-8") == "QQ,备注\n<QQ_NUMBER>,无\n"
    assert (work / "out" / "b.txt").read_text(encoding="utf-8") == "123456789,无\n"


def test_bad_bytes_after_the_sample_leave_no_partial_copy(work: Path) -> None:
    # Detection sees valid UTF-8 in the first 64 KiB; the damage comes later, mid-stream.
    body = ("手机13800138000 一切正常\n" * 6000).encode()
    (work / "late.txt").write_bytes(body + b"\xff\xfe broken\n")
    assert len(body) > 64 * 1024
    assert yinsi("mask", "late.txt", "--policy", "policy.yaml", "--out", "out", "-q") == 2
    assert not (work / "out" / "late.txt").exists()
    assert not (work / "out").exists() or not any((work / "out").iterdir())  # no temporary file left


def test_standard_input_is_masked_to_standard_output(tmp_path: Path) -> None:
    lines = "手机 13800138000\r\n身份证 11010519491231002X\nno personal data, 无个人信息\n"
    done = subprocess.run(
        [sys.executable, "-m", "yinsi", "mask", "-", "--policy", "courier"], input=lines.encode("utf-8"),
        capture_output=True, cwd=tmp_path, env={**os.environ, "YINSI_KEY": KEY}, check=False,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode("utf-8")
    assert "13800138000" not in out and "11010519491231002X" not in out
    # Same lines, same line endings; only the values changed.
    first, second, third = out.splitlines(keepends=True)
    assert first.startswith("手机 ") and first.endswith("8000\r\n")
    assert second.startswith("身份证 ") and second.endswith("\n") and "\r" not in second
    assert third == "no personal data, 无个人信息\n"
    assert done.stderr.decode().startswith("yinsi: masked standard input with policy courier")


def test_standard_input_that_is_not_text_is_one_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "yinsi", "mask", "-"], input="手机 13800138000\n".encode() + b"\xff\xfe\x00\n",
        capture_output=True, cwd=tmp_path, env={**os.environ, "YINSI_KEY": KEY}, check=False,
    )
    assert done.returncode == 2
    assert done.stderr.decode().strip() == "yinsi: error: <stdin>: line 2 is not UTF-8 text"
    assert b"13800138000" not in done.stdout + done.stderr


@pytest.mark.parametrize("extra", [["--out", "copies"], ["--in-place"], ["--vault", "v.vault"], ["a.txt"]])
def test_standard_input_takes_no_file_options(work: Path, capsys: pytest.CaptureFixture[str],
                                              extra: list[str]) -> None:
    assert yinsi("mask", "-", *extra) == 2
    assert "standard" in capsys.readouterr().err
