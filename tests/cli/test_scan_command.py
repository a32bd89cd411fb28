"""`yinsi scan` end to end, as a user runs it: outputs, exit codes, one-line errors, stdin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

MOBILE = "13800138000"
RESIDENT_ID = "11010519491231002X"
EMAIL = "zhang.san@qq.com"
RAW_VALUES = (MOBILE, RESIDENT_ID, EMAIL)
# Other recognizers (names, addresses) also fire on these samples; tests that count look at these three.
ENTITIES = ("--entities", "CN_MOBILE,CN_RESIDENT_ID,EMAIL")


def yinsi(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "YINSI_DIGEST_KEY": "00" * 32, "XDG_CONFIG_HOME": str(cwd / ".config")}
    env.pop("CI", None)
    process = subprocess.run(
        [sys.executable, "-m", "yinsi", "scan", *args], cwd=cwd, input=stdin, capture_output=True,
        env=env, timeout=120, check=False,
    )
    return subprocess.CompletedProcess(
        process.args, process.returncode, process.stdout.decode("utf-8"), process.stderr.decode("utf-8")
    )


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    (root / "logs").mkdir(parents=True)
    (root / "orders.csv").write_text(f"订单,收件人,手机\n1,张三,{MOBILE}\n", encoding="utf-8")
    (root / "customers.txt").write_bytes(f"客户李四 身份证{RESIDENT_ID}\n".encode("gbk"))
    (root / "logs" / "app.log").write_text(f"user email={EMAIL} login ok\n", encoding="utf-8")
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (root / "empty.md").write_text("")
    return root


def test_table_summary_is_the_default(tree: Path) -> None:
    result = yinsi(str(tree), cwd=tree.parent)
    assert result.returncode == 0, result.stderr
    for expected in ("CN_RESIDENT_ID", "CN_MOBILE", "EMAIL", "110105********002X", "1 binary"):
        assert expected in result.stdout
    assert result.stdout.index("CN_RESIDENT_ID") < result.stdout.index("CN_MOBILE")  # sensitive first
    assert not any(value in result.stdout + result.stderr for value in RAW_VALUES)


def test_json_contract(tree: Path) -> None:
    result = yinsi(str(tree), "--format", "json", *ENTITIES, cwd=tree.parent)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["schema_version"] == "1.0" and report["stats"]["skipped"] == {"binary": 1}
    assert report["stats"]["files_scanned"] == 4
    by_type = {finding["entity_type"]: finding for finding in report["findings"]}
    assert set(by_type) == {"CN_MOBILE", "CN_RESIDENT_ID", "EMAIL"}
    resident = by_type["CN_RESIDENT_ID"]
    assert resident["sensitive"] is True and resident["location"]["path"].endswith("customers.txt")
    assert resident["location"]["line"] == 1 and resident["digest"].startswith("hmac:")
    assert not any(value in result.stdout for value in RAW_VALUES)


def test_show_values_reveals_values(tree: Path) -> None:
    result = yinsi(str(tree), "--format", "jsonl", "--show-values", *ENTITIES, cwd=tree.parent)
    values = {json.loads(line)["value"] for line in result.stdout.splitlines()}
    assert values == set(RAW_VALUES)


def test_output_file_csv_and_entities_filter(tree: Path) -> None:
    out = tree.parent / "inventory.csv"
    result = yinsi(str(tree), "--format", "csv", "-o", str(out), "--entities", "cn_mobile", cwd=tree.parent)
    assert result.returncode == 0 and "wrote" in result.stderr
    rows = out.read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 2 and "CN_MOBILE" in rows[1] and MOBILE not in rows[1]


def test_exclude(tree: Path) -> None:
    result = yinsi(str(tree), "--format", "json", "--exclude", "logs", "--exclude", "*.csv", *ENTITIES,
                   cwd=tree.parent)
    report = json.loads(result.stdout)
    assert {finding["entity_type"] for finding in report["findings"]} == {"CN_RESIDENT_ID"}
    assert report["stats"]["skipped"]["excluded"] == 2


def test_stdin(tmp_path: Path) -> None:
    result = yinsi("-", "--format", "jsonl", cwd=tmp_path, stdin=f"手机：{MOBILE}\n".encode("gbk"))
    (finding,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert finding["location"] == {"path": "<stdin>", "line": 1, "column": 4}


@pytest.mark.parametrize(
    ("content", "flags", "code"),
    [
        (f"手机{MOBILE}", (), 0),
        (f"手机{MOBILE}", ("--fail-on-findings",), 1),
        ("nothing personal here", ("--fail-on-findings",), 0),
    ],
)
def test_exit_codes(tmp_path: Path, content: str, flags: tuple[str, ...], code: int) -> None:
    (tmp_path / "a.txt").write_text(content)
    assert yinsi(str(tmp_path / "a.txt"), *flags, cwd=tmp_path).returncode == code


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--format", "xml", "x"), "'xml' is not one of"),
        ((), "Missing argument"),
        (("--entities", "NOT_A_TYPE", "."), "unknown entity type 'NOT_A_TYPE'"),
        (("--min-score", "2", "."), "--min-score"),
        (("--max-file-size", "lots", "."), "not a size"),
        (("--key-file", "missing.key", "."), "cannot read digest key file"),
    ],
)
def test_usage_errors_exit_2_with_one_line(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    result = yinsi(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_missing_path_is_an_io_error_but_the_rest_is_scanned(tree: Path) -> None:
    result = yinsi(str(tree / "nope.txt"), str(tree / "orders.csv"), "--format", "jsonl", "--entities",
                   "CN_MOBILE", cwd=tree.parent)
    assert result.returncode == 2
    missing = tree / "nope.txt"
    assert result.stderr.strip().splitlines() == [f"yinsi: cannot read {missing}: No such file or directory"]
    assert json.loads(result.stdout)["entity_type"] == "CN_MOBILE"


def test_directory_where_a_key_file_is_expected_is_one_line(tmp_path: Path) -> None:
    result = yinsi("--key-file", str(tmp_path), str(tmp_path), cwd=tmp_path)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1


def test_unwritable_output_is_one_line(tree: Path) -> None:
    result = yinsi(str(tree), "-o", str(tree.parent / "no-such-dir" / "r.json"), cwd=tree.parent)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"yinsi: error: cannot write {tree.parent / 'no-such-dir' / 'r.json'}: No such file or directory"
    ]


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc")
def test_file_that_fails_on_read_even_for_root(tree: Path) -> None:
    # Reading offset 0 of a process's own memory fails with EIO whoever runs the test: a real I/O error.
    result = yinsi("/proc/self/mem", str(tree / "orders.csv"), "--format", "jsonl", "--entities", "CN_MOBILE",
                   cwd=tree.parent)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == ["yinsi: cannot read /proc/self/mem: Input/output error"]
    assert json.loads(result.stdout)["entity_type"] == "CN_MOBILE"


def test_path_through_a_file_is_an_io_error(tree: Path) -> None:
    result = yinsi(str(tree / "orders.csv" / "inner"), cwd=tree.parent)
    assert result.returncode == 2 and "Not a directory" in result.stderr


@pytest.mark.parametrize(("name", "kind"), [("r.json", "json"), ("r.jsonl", "jsonl"), ("r.csv", "csv"),
                                            ("r.txt", "table")])
def test_format_follows_the_output_extension(tree: Path, name: str, kind: str) -> None:
    out = tree.parent / name
    assert yinsi(str(tree), "-o", str(out), *ENTITIES, cwd=tree.parent).returncode == 0
    text = out.read_text(encoding="utf-8-sig")
    if kind == "json":
        assert json.loads(text)["schema_version"] == "1.0"
    elif kind == "jsonl":
        assert all("entity_type" in json.loads(line) for line in text.splitlines())
    elif kind == "csv":
        assert text.startswith("path,line,column,field,entity_type")
    else:
        assert "CN_RESIDENT_ID" in text and "110105********002X" in text
