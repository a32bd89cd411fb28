"""File scans: findings located by line and column, exactly once across chunk edges, in bounded memory."""

from __future__ import annotations

import os
import random
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

import yinsi
from yinsi import scanning
from yinsi.core.digest_key import DigestKey
from yinsi.pipeline import Analyzer
from yinsi.recognizers.cn_mobile import CnMobileRecognizer
from yinsi.recognizers.cn_resident_id import CnResidentIdRecognizer
from yinsi.recognizers.email import EmailRecognizer
from yinsi.scanning import Scan, ScanSettings

KEY = DigestKey(bytes(32), "test key")
MOBILE = "13800138000"
RESIDENT_ID = "11010519491231002X"
EMAIL = "zhang.san@qq.com"
# A fixed recognizer set: these tests are about files and chunks, not about which recognizers exist.
ANALYZER = Analyzer([CnMobileRecognizer(), CnResidentIdRecognizer(), EmailRecognizer()])


def _scan(paths: list[str], **settings: Any) -> Scan:
    return Scan(paths, ScanSettings(**settings), KEY, analyzer=ANALYZER)


def _spans(scan: Scan, path: str, text: str) -> list[tuple[str, int, int]]:
    return [(f.entity_type, f.start, f.end) for f in scan.scan_text([text], path)]


def test_findings_carry_location_preview_and_digest(tmp_path: Path) -> None:
    path = tmp_path / "orders.txt"
    path.write_text(f"第一行\n收件人张三 手机{MOBILE}\n\t身份证{RESIDENT_ID}\n", encoding="utf-8")
    findings = list(_scan([str(path)]))
    assert [(f.entity_type, f.location.line, f.location.column) for f in findings if f.location] == [
        ("CN_MOBILE", 2, 9), ("CN_RESIDENT_ID", 3, 5),
    ]
    text = path.read_text(encoding="utf-8")
    for finding in findings:
        value = text[finding.start:finding.end]
        assert finding.preview and finding.preview != value
        assert finding.digest and value not in finding.digest
        assert finding.extra == ()


@pytest.mark.parametrize("shift", range(-20, 21))
def test_chunk_edge_finding_reported_exactly_once(shift: int) -> None:
    size = 200
    text = "x" * (size + shift) + f"手机{MOBILE}，" + "y" * 500
    scan = _scan([], chunk_chars=size, overlap_chars=48)
    assert _spans(scan, "t", text) == [("CN_MOBILE", size + shift + 2, size + shift + 13)]


def test_chunked_scan_equals_whole_text_analysis() -> None:
    rng = random.Random(7)
    pieces = []
    for _ in range(400):
        filler = rng.choice(["订单", "abc ", "\n", "，", "手机", "身份证", "邮箱", "1", " "])
        pieces.append(filler * rng.randint(1, 9))
        pieces.append(rng.choice([MOBILE, RESIDENT_ID, EMAIL, "138 0013 8000", "2023110512345678"]))
    text = "".join(pieces)
    whole = [(f.entity_type, f.start, f.end) for f in ANALYZER.analyze(text, score_threshold=0.5)]
    assert len(whole) > 200
    for size in (97, 256, 1000):
        assert _spans(_scan([], chunk_chars=size, overlap_chars=64), "t", text) == whole


@pytest.mark.parametrize("shift", range(0, 110, 3))
def test_finding_longer_than_the_overlap_is_reported_exactly_once(shift: int) -> None:
    # A 72-character email with a 16-character overlap: depending on where the cut falls, the first
    # chunk sees none of its "@", a truncated match touching the cut, or all of it. It is reported
    # once, with its true end; its start may be clipped to the second chunk's left edge.
    email = "a" * 60 + "@example.com"
    text = "z " * 20 + "z" * shift + f" {email} 后文" + "。" * 200
    start = 40 + shift + 1
    ((kind, found_start, found_end),) = _spans(_scan([], chunk_chars=100, overlap_chars=16), "t", text)
    assert kind == "EMAIL" and found_end == start + len(email) and start <= found_start < found_end
    # With an overlap longer than the finding (the default overlap is 4096) it is always whole.
    scan = _scan([], chunk_chars=100, overlap_chars=80)
    assert _spans(scan, "t", text) == [("EMAIL", start, start + len(email))]
    assert scan.stats().chars_scanned == len(text)  # deferred tails are not counted twice


def test_huge_single_line_streams_with_a_finding_near_a_chunk_edge(tmp_path: Path) -> None:
    chunk = 1 << 16
    filler = "普通文本abc " * 3
    line = filler * (21_000_000 // len(filler.encode()))
    position = chunk * 150 - 5  # straddles the edge of chunk 150
    line = line[:position] + f"手机{MOBILE}" + line[position:]
    path = tmp_path / "huge.log"
    path.write_text(line, encoding="utf-8")  # one line, no newline, over 20 MB
    assert path.stat().st_size > 20_000_000
    scan = _scan([str(path)], chunk_chars=chunk)
    findings = list(scan)
    assert [(f.start, f.location.line, f.location.column) for f in findings if f.location] == [
        (position + 2, 1, position + 3)
    ]
    assert scan.stats().chars_scanned == len(line)


@pytest.mark.parametrize(
    ("name", "data", "encoding"),
    [
        ("gbk.csv", f"客户,手机\n李四,{MOBILE}\n".encode("gbk"), "gb18030"),
        ("gb18030.txt", f"𠮷野家 手机{MOBILE}\n".encode("gb18030"), "gb18030"),
        ("utf16.txt", f"手机{MOBILE}\n".encode("utf-16"), "utf-16"),
        ("utf8-bom.md", b"\xef\xbb\xbf" + f"手机{MOBILE}\n".encode(), "utf-8-sig"),
        ("noext", f"手机{MOBILE}\n".encode(), "utf-8"),
    ],
)
def test_encodings_in_files(tmp_path: Path, name: str, data: bytes, encoding: str) -> None:
    (tmp_path / name).write_bytes(data)
    scan = _scan([str(tmp_path)])
    findings = list(scan)
    assert [(f.entity_type, f.location.line if f.location else 0) for f in findings] == [
        ("CN_MOBILE", 2 if name == "gbk.csv" else 1)
    ]
    assert scan.stats().encodings == {encoding: 1}


def test_binary_and_empty_files_are_counted(tmp_path: Path) -> None:
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64) + MOBILE.encode())
    (tmp_path / "empty.txt").write_bytes(b"")
    scan = _scan([str(tmp_path)])
    assert list(scan) == []
    stats = scan.stats()
    assert stats.skipped == {"binary": 1} and stats.files_scanned == 1 and stats.errors == ()


def test_unreadable_file_is_reported_and_the_scan_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text(f"手机{MOBILE}")
    (tmp_path / "b.txt").write_text(f"手机{MOBILE}")
    real_open = scanning.open_binary

    @contextmanager
    def deny_a(path: str) -> Any:
        if path.endswith("a.txt"):
            raise PermissionError(13, "Permission denied", path)
        with real_open(path) as handle:
            yield handle

    monkeypatch.setattr(scanning, "open_binary", deny_a)
    scan = _scan([str(tmp_path)])
    assert [f.location.path for f in scan if f.location] == [str(tmp_path / "b.txt")]
    errors = scan.stats().errors
    assert len(errors) == 1 and errors[0].path.endswith("a.txt") and errors[0].message == "Permission denied"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files whatever their mode; see the test above")
def test_chmod_000_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(MOBILE)
    path.chmod(0)
    scan = _scan([str(path)])
    assert list(scan) == []
    assert [error.path for error in scan.stats().errors] == [str(path)]


def test_include_values_attaches_the_raw_value(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"手机{MOBILE}")
    (finding,) = list(_scan([str(tmp_path)], include_values=True))
    assert dict(finding.extra)["value"] == MOBILE


def test_public_scan_api(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"邮箱{EMAIL} 手机{MOBILE}")
    found = list(yinsi.scan(str(tmp_path), entities=["EMAIL"], digest_key=KEY, analyzer=ANALYZER))
    assert [finding.entity_type for finding in found] == ["EMAIL"]


@pytest.mark.parametrize("suffix", [".gz", ".bz2", ".xz"])
def test_compressed_logs_are_read(tmp_path: Path, suffix: str) -> None:
    import bz2
    import gzip
    import lzma

    compress = {".gz": gzip.compress, ".bz2": bz2.compress, ".xz": lzma.compress}[suffix]
    (tmp_path / f"app.log.1{suffix}").write_bytes(compress(f"line\n手机{MOBILE}\n".encode()))
    (tmp_path / f"orders.csv{suffix}").write_bytes(compress(f"id,mobile\n1,{MOBILE}\n".encode()))
    (tmp_path / f"backup.tar{suffix}").write_bytes(compress(b"not read"))
    scan = _scan([str(tmp_path)])
    found = [(Path(f.location.path).name, f.location.line, f.location.column_name)
             for f in scan if f.location]
    assert found == [(f"app.log.1{suffix}", 2, None), (f"orders.csv{suffix}", 2, "mobile")]
    assert scan.stats().skipped == {"unsupported": 1}


def test_corrupt_compressed_file_is_one_error(tmp_path: Path) -> None:
    import gzip

    data = gzip.compress("".join(f"{random.Random(n).random()} 手机{MOBILE}\n" for n in range(2000)).encode())
    (tmp_path / "cut.log.gz").write_bytes(data[: len(data) // 2])
    (tmp_path / "bad.log.gz").write_bytes(b"\x1f\x8b not gzip at all")
    scan = _scan([str(tmp_path)])
    list(scan)
    errors = {Path(error.path).name: error.message for error in scan.stats().errors}
    assert errors == {"bad.log.gz": "corrupt or truncated compressed data",
                      "cut.log.gz": "corrupt or truncated compressed data"}
