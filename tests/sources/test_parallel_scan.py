"""A scan in worker processes reports exactly what a sequential scan does, in the same order."""

from __future__ import annotations

from pathlib import Path

from yinsi._scan_pool import auto_jobs
from yinsi.core.digest_key import DigestKey
from yinsi.scanning import Scan, ScanSettings
from yinsi.sources.walk import FileEntry

KEY = DigestKey(bytes(range(32)), "test key")


def _tree(root: Path) -> None:
    for index in range(5):
        lines = [f"第{line}行 手机1380013{index:02d}{line:02d} 身份证11010519491231002X"
                 for line in range(40)]
        (root / f"part-{index}.log").write_text("\n".join(lines), encoding="utf-8")
    (root / "gbk.csv").write_bytes("客户,电话\n王五,13800138000\n".encode("gbk"))
    (root / "blob.bin").write_bytes(bytes(100))


def test_parallel_equals_sequential(tmp_path: Path) -> None:
    _tree(tmp_path)
    settings = ScanSettings(entities=frozenset({"CN_MOBILE", "CN_RESIDENT_ID"}))
    sequential = Scan([str(tmp_path)], settings, KEY, jobs=1)
    parallel = Scan([str(tmp_path)], settings, KEY, jobs=2)
    expected = list(sequential)
    assert len(expected) > 100
    assert list(parallel) == expected
    assert parallel.stats() == sequential.stats()


def test_auto_jobs_stays_sequential_for_small_scans() -> None:
    assert auto_jobs([FileEntry("a", 10), FileEntry("b", 10)]) == 1
    assert auto_jobs([FileEntry("a", 1 << 30)]) == 1
    assert auto_jobs([FileEntry("a", 1 << 30), FileEntry("b", 1 << 30)]) >= 1
