"""yinsi.spark without a cluster: lazy import, sealed keys, batch functions on pandas frames, errors."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from yinsi.core.errors import ToolMissingError
from yinsi.spark import _workers
from yinsi.spark._runtime import java_available, require_java
from yinsi.spark._sealed import SealedKey

pd = pytest.importorskip("pandas")

SECRET = bytes.fromhex("c3" * 32)


def test_import_yinsi_and_yinsi_spark_do_not_import_pyspark() -> None:
    code = "import sys, yinsi, yinsi.spark; sys.exit('pyspark' in sys.modules or 'pandas' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0


def test_sealed_key_shows_only_an_id_and_survives_pickling() -> None:
    sealed = SealedKey(SECRET)
    for shown in (repr(sealed), str(sealed), repr([sealed]), f"{sealed}"):
        assert SECRET.hex() not in shown and "c3c3" not in shown
        assert sealed.key_id in shown
    copy = pickle.loads(pickle.dumps(sealed))
    assert copy.reveal() == SECRET and copy.key_id == sealed.key_id
    assert SealedKey(b"x" * 32).key_id != sealed.key_id


@pytest.mark.parametrize(("environ", "expected"), [
    ({"PATH": "/nonexistent"}, False),
    ({"PATH": "/nonexistent", "JAVA_HOME": "/nonexistent"}, False),
])
def test_java_lookup(environ: dict[str, str], expected: bool) -> None:
    assert java_available(environ) is expected


def test_missing_java_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.delenv("JAVA_HOME", raising=False)
    with pytest.raises(ToolMissingError, match="Java is not installed"):
        require_java()


@pytest.mark.parametrize(("blocked", "message"), [
    ("java", "Java is not installed"),
    ("pyspark", "pyspark is not installed: pip install 'yinsi[spark]'"),
])
def test_cli_without_java_or_pyspark_prints_one_line_and_exits_2(
    tmp_path: Path, blocked: str, message: str
) -> None:
    data = tmp_path / "t.csv"
    data.write_text("phone\n13800138000\n", encoding="utf-8")
    prelude = "import sys; sys.modules['pyspark'] = None; " if blocked == "pyspark" else ""
    code = prelude + f"from yinsi.cli.main import main; main(['spark', 'scan', {str(data)!r}])"
    env = {"PATH": "/nonexistent", "HOME": str(tmp_path), "YINSI_DIGEST_KEY": "5a" * 32}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [f"yinsi: error: {done.stderr.split('error: ', 1)[1].strip()}"]
    assert message in done.stderr


def test_scan_batches_finds_located_masked_digested_values() -> None:
    spec = _workers.ScanSpec(columns=("手机", "备注"), row_key="id")
    # The batch holds the scanned columns in order, then the row key (as scan_dataframe selects them).
    batch = pd.DataFrame({"手机": ["13800138000", None, ""], "备注": ["无", "邮箱 zhang.san@qq.com", None],
                          "id": [7, 8, 9]})
    [frame] = list(_workers.scan_batches([batch], spec, SealedKey(SECRET)))
    rows = frame.to_dict("records")
    located = [(row["row_key"], row["column"], row["entity_type"], row["start"], row["end"]) for row in rows]
    assert located == [
        ("7", "手机", "CN_MOBILE", 0, 11), ("8", "备注", "EMAIL", 3, 19),
    ]
    assert rows[0]["preview"] == "138****8000" and rows[0]["digest"].startswith("hmac:")
    assert "13800138000" not in frame.to_string() and "zhang.san@qq.com" not in frame.to_string()


def test_scan_batches_skip_batches_without_findings() -> None:
    spec = _workers.ScanSpec(columns=("note",))
    batch = pd.DataFrame({"note": ["hello", None]})
    assert list(_workers.scan_batches([batch], spec, SealedKey(SECRET))) == []


@pytest.mark.parametrize("labels", [True, False])
def test_column_names_are_labels_unless_turned_off(labels: bool) -> None:
    # A bare 9-digit number is a QQ number only next to a label naming it.
    spec = _workers.ScanSpec(columns=("QQ",), labels=labels)
    found = _workers.row_findings([("123456789", "QQ")], spec)
    assert [(index, finding.entity_type, finding.start) for index, finding in found] == (
        [(0, "QQ_NUMBER", 0)] if labels else []
    )


def test_mask_engines_are_built_once_per_process_and_per_key() -> None:
    from yinsi.policy.load import load_policy

    spec = _workers.MaskSpec(columns=("手机",), policy=load_policy("analyst"))
    batch = pd.DataFrame({"手机": ["13800138000"], "n": [1]})
    before = _workers.cache_size()
    first = next(_workers.mask_batches([batch], spec, SealedKey(SECRET)))
    second = next(_workers.mask_batches([batch], spec, SealedKey(SECRET)))
    assert _workers.cache_size() == before + 1
    other = next(_workers.mask_batches([batch], spec, SealedKey(b"k" * 32)))
    assert _workers.cache_size() == before + 2
    assert first["手机"][0] == second["手机"][0] != other["手机"][0]
    assert first["手机"][0].startswith("CN_MOBILE_") and list(first["n"]) == [1]

