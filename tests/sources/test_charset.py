"""Encoding detection: BOMs, UTF-8, GBK/GB 18030 (also in short samples), binary data."""

from __future__ import annotations

import codecs
import io

import pytest

from yinsi.sources.charset import detect
from yinsi.sources.files import read_text

CHINESE = "客户：张三，手机13800138000，身份证11010519491231002X，地址：北京市朝阳区建国路88号\n"


@pytest.mark.parametrize(
    ("data", "method"),
    [
        (CHINESE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + CHINESE.encode("utf-8"), "bom"),
        (CHINESE.encode("utf-16"), "bom"),
        (codecs.BOM_UTF16_BE + CHINESE.encode("utf-16-be"), "bom"),
        (CHINESE.encode("utf-32"), "bom"),
        (CHINESE.encode("gbk"), None),
        ("张三,13800138000\n".encode("gbk"), None),  # short: charset-normalizer alone guesses cp949
        (("用户𠮷野家，电话13800138000\n" * 3).encode("gb18030"), None),  # 𠮷 needs GB 18030's 4-byte form
    ],
)
def test_text_encodings_decode_to_the_original(data: bytes, method: str | None) -> None:
    detection = detect(data, complete=True)
    assert not detection.binary
    if method is not None:
        assert detection.method == method
    stream = read_text(io.BytesIO(data))
    text = "".join(stream.blocks)
    assert text.lstrip("\ufeff") == data.decode(detection.encoding or "").lstrip("\ufeff")
    assert "13800138000" in text
    assert "张三" in text or "𠮷" in text


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
        b"PK\x03\x04" + bytes(range(256)) * 4,
        b"\x7fELF\x02\x01\x01\x00" + bytes(100),
        bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 50,
    ],
)
def test_binary_is_detected(data: bytes) -> None:
    assert detect(data).binary
    assert list(read_text(io.BytesIO(data)).blocks) == []


def test_empty_input_is_empty_text() -> None:
    assert detect(b"").method == "empty"
    assert list(read_text(io.BytesIO(b"")).blocks) == []


def test_multibyte_character_split_across_blocks() -> None:
    data = ("手机" * 40_000 + "13800138000").encode("gb18030")
    stream = read_text(io.BytesIO(data), block_bytes=7)  # every block boundary cuts characters
    assert "".join(stream.blocks) == data.decode("gb18030")


def test_legacy_bytes_after_an_ascii_sample_switch_encoding() -> None:
    # 70 KB of ASCII (longer than the detection sample), then GBK rows: re-detected at the first
    # invalid UTF-8 sequence, so the Chinese text is read correctly.
    header = ("id,status,amount,updated_at\n" * 2500).encode("ascii")
    rows = "".join(f"客户{i},身份证11010519491231002X,电话13800138000\n" for i in range(200)).encode("gbk")
    stream = read_text(io.BytesIO(header + rows), block_bytes=4096)
    assert stream.detection.encoding == "utf-8"
    assert "".join(stream.blocks) == header.decode("ascii") + rows.decode("gbk")


def test_a_stray_byte_in_utf8_stays_utf8() -> None:
    text = "手机号码13800138000，地址北京市\n" * 5000
    data = text.encode("utf-8")
    cut = data.index(b"\n", 100_000) + 1
    data = data[:cut] + b"\xff" + data[cut:]
    decoded = "".join(read_text(io.BytesIO(data)).blocks)
    assert decoded.count("\ufffd") == 1 and decoded.replace("\ufffd", "") == text


def test_truncated_final_character_becomes_a_replacement() -> None:
    data = "手机13800138000".encode() + "号".encode()[:2]
    assert "".join(read_text(io.BytesIO(data)).blocks).endswith("\ufffd")
