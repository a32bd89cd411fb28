"""Decide how to decode a byte stream: BOM, then UTF-8, then detection; or call it binary.

Order matters for speed and for Chinese data. A byte-order mark is authoritative (Unicode §23.8). Most
files are UTF-8, which a strict decode of a sample confirms cheaply. Only then is charset-normalizer
asked; on short Chinese texts in GBK it often prefers a Korean or Japanese code page (the byte ranges
overlap), so a Chinese-first tie-break keeps GB 18030 when the sample reads as common simplified
Chinese. GB 18030 is used in place of GBK and GB 2312 because it is a strict superset of both.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

SAMPLE_BYTES = 64 * 1024

# Longest BOM first: the UTF-32-LE BOM begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Code pages charset-normalizer confuses with GB 18030 on short Chinese samples.
_EAST_ASIAN = frozenset({
    "cp949", "euc_kr", "johab", "euc_jis_2004", "euc_jisx0213", "euc_jp", "shift_jis", "cp932",
    "shift_jis_2004", "shift_jisx0213", "big5", "big5hkscs", "cp950", "iso2022_jp", "iso2022_kr",
})
_CHINESE = frozenset({"gb18030", "gbk", "gb2312", "hz"})
# Control bytes that do not occur in text (everything below 0x20 except \t \n \v \f \r and ESC).
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B}
_MAX_CONTROL_RATIO = 0.1
# Share of non-ASCII characters that must be common simplified Chinese (GB 2312 level-1 hanzi and
# punctuation) for the GB 18030 tie-break; Big5 or Korean text read as GB 18030 scores far lower.
_COMMON_CHINESE_RATIO = 0.8


@dataclass(frozen=True, slots=True)
class Detection:
    """The verdict on a sample: `binary`, or text in `encoding` (a Python codec name).

    `method` says how it was decided (bom, utf-8, detected, chinese-tie-break, fallback, empty), for
    the scan statistics.
    """

    encoding: str | None
    method: str

    @property
    def binary(self) -> bool:
        return self.encoding is None


BINARY = Detection(None, "binary")


def detect(sample: bytes, *, complete: bool = False) -> Detection:
    """Classify the first bytes of a stream. `complete` says the sample is the whole stream."""
    if not sample:
        return Detection("utf-8", "empty")
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return Detection(encoding, "bom")
    if _looks_binary(sample):
        return BINARY
    # A multi-byte character cut off at the end is allowed even in a complete sample: files are
    # truncated (log rotation, `head -c`) far more often than they are in another encoding.
    if _decodes(sample, "utf-8", complete=False):
        return Detection("utf-8", "utf-8")
    return _detect_legacy(sample, complete)


def _looks_binary(sample: bytes) -> bool:
    """NUL bytes never occur in text without a UTF-16/32 BOM; many control bytes mean a binary format."""
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample[:4096] if byte in _CONTROL)
    return controls > _MAX_CONTROL_RATIO * min(len(sample), 4096)


def _decodes(sample: bytes, encoding: str, complete: bool) -> bool:
    """Strict decode; an incomplete multi-byte sequence at the very end of a partial sample is fine."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    try:
        decoder.decode(sample, final=complete)
    except UnicodeDecodeError:
        return False
    return True


def _detect_legacy(sample: bytes, complete: bool) -> Detection:
    from charset_normalizer import from_bytes  # imported lazily: only legacy encodings need it

    matches = from_bytes(sample)
    candidates = [match.encoding for match in matches]
    best = candidates[0] if candidates else None
    chinese = next((name for name in candidates if name in _CHINESE), None)
    if (best is None or best in _EAST_ASIAN or chinese is not None) and _reads_as_chinese(sample, complete):
        return Detection("gb18030", "chinese-tie-break" if best not in _CHINESE else "detected")
    if best is not None:
        return Detection("gb18030" if best in _CHINESE else best, "detected")
    # Nothing fits: read it as Latin-1-compatible text rather than skip it; identifiers are ASCII.
    return Detection("cp1252" if _decodes(sample, "cp1252", complete) else "latin-1", "fallback")


def _reads_as_chinese(sample: bytes, complete: bool) -> bool:
    decoder = codecs.getincrementaldecoder("gb18030")(errors="strict")
    try:
        text = decoder.decode(sample, final=complete)
    except UnicodeDecodeError:
        return False
    wide = [char for char in text if ord(char) > 0x7F]
    if not wide:
        return False
    common = sum(1 for char in wide if _is_common_chinese(char))
    return common >= _COMMON_CHINESE_RATIO * len(wide)


def _is_common_chinese(char: str) -> bool:
    """GB 2312 level-1 hanzi (lead bytes 0xB0–0xD7) or GB 2312 symbols and full-width forms (0xA1–0xA3)."""
    try:
        encoded = char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 and (0xB0 <= encoded[0] <= 0xD7 or 0xA1 <= encoded[0] <= 0xA3)
