"""Normalise the characters that disguise identifiers, keeping a map back to original offsets.

People and systems write identifiers with full-width digits (１３８００１３８０００), full-width letters and
symbols (ｚｈａｎｇ＠ｑｑ．ｃｏｍ), ideographic spaces and dash variants as separators, and zero-width
characters pasted in from chat apps. Recognizers see a normalised copy; every span they report is mapped
back to the text the caller gave us.

Only those characters are rewritten. Each rewrite is the NFKC image of the character (U+FF10 '０' ->
'0', U+3000 -> ' '), one character for one, so offsets stay aligned; deleting zero-width characters is
the only change in length, and it is recorded. Full NFKC of a whole text is not used because it changes
lengths unpredictably (ligatures, ㈱, ½) and costs a pass over every character, while common Chinese
punctuation (，。：（）) never occurs inside an identifier and is left alone so that clean text costs one
fast regex search and no copy.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# Full-width ASCII variants U+FF01..U+FF5E map to U+0021..U+007E under NFKC.
_FULLWIDTH = {chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
_DASHES = {chr(code): "-" for code in (0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE63)}
_OTHER = {"\u3000": " ", "\u00a0": " ", "\uff61": "."}
_TABLE = str.maketrans({**_FULLWIDTH, **_DASHES, **_OTHER})

# Zero-width space/non-joiner/joiner, word joiner, BOM and soft hyphen: invisible, and used to split
# identifiers so that naive scanners miss them.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")

# Characters worth rewriting: full-width digits, letters and the symbols used inside emails, URLs, MAC
# and IPv6 addresses and phone numbers, space/dash variants. The full-width colon is common in labels
# (电话：) but also separates MAC/IPv6 groups and URL schemes, and rewriting it measured no slower. Other
# common full-width punctuation (，（）！？；) never occurs inside an identifier and is left alone.
_REWRITE_RE = re.compile(
    "[０-９Ａ-Ｚａ-ｚ＠．－＋＿／＝＆％＃：\u3000\u00a0\uff61\u2010-\u2015\u2212\ufe63]+"
)


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalised text and the means to map its offsets back to the original.

    `removed` holds the original indices of deleted characters in ascending order; it is empty for
    almost every real text, and then offsets are identical.
    """

    original: str
    text: str
    removed: tuple[int, ...] = ()
    shifts: tuple[int, ...] = ()

    def to_original(self, index: int) -> int:
        """Original offset of the character at normalised offset `index`."""
        if not self.removed:
            return index
        return index + bisect_right(self.shifts, index)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open normalised span to the original text; deleted characters inside stay in."""
        if not self.removed:
            return start, end
        return self.to_original(start), self.to_original(end - 1) + 1


def normalize(text: str) -> NormalizedText:
    """Return the normalised form of `text` with its offset map (see the module docstring)."""
    removed: tuple[int, ...] = ()
    if _INVISIBLE_RE.search(text) is not None:
        removed = tuple(match.start() for match in _INVISIBLE_RE.finditer(text))
        stripped = _INVISIBLE_RE.sub("", text)
    else:
        stripped = text
    if _REWRITE_RE.search(stripped) is not None:
        stripped = _REWRITE_RE.sub(lambda match: match.group().translate(_TABLE), stripped)
    # The k-th removed character sat just before normalised offset removed[k] - k.
    shifts = tuple(position - rank for rank, position in enumerate(removed))
    return NormalizedText(original=text, text=stripped, removed=removed, shifts=shifts)
