"""Split a policy into sections (by headings) and clauses (by sentence ends), keeping offsets.

Headings are recognised by how Chinese and English policies number them: Markdown `#`, 第X章/条/部分,
一、, （一）, 1. / 1.1, and short unpunctuated title lines. A numbered line that is a full sentence (ends in
。；; or a full stop, or is long) is a list item, not a heading. Clauses end at 。；;！？!? and at a full
stop followed by a space (not in "e.g.", "Co. Ltd." or "3.5"); a line break always ends a clause, except
an English line wrapped mid-sentence (the next line starts in lower case).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from yinsi.privacy_policy.model import Clause, PolicyText, Section

MAX_CLAUSE = 1000  # budget: a clause longer than this (no punctuation at all) is cut into pieces
_CN_NUMBER = "一二三四五六七八九十百零〇两"
_MARKDOWN = re.compile(r"^(#{1,6})\s+(.+?)\s*#*$")
_ARTICLE = re.compile(rf"^第[{_CN_NUMBER}\d]+([章条节部分款])")
_CN_ORDINAL = re.compile(rf"^[{_CN_NUMBER}]+\s*[、.．]")
_CN_PAREN = re.compile(rf"^[（(]\s*[{_CN_NUMBER}]+\s*[）)]")
_DIGITS = re.compile(r"^(\d+(?:[.．]\d+)*)[.、．)）]?\s+|^(\d+(?:[.．]\d+)*)[.、．)）]\s*(?=\S)")
_PART = re.compile(r"^(?:part|section|article|chapter)\s+[\dIVXivx]+\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[。；;！？!?]+[”’\"')）]*|\.(?=\s|$)[”’\"')）]*")
_ABBREVIATIONS = frozenset({"e.g", "i.e", "etc", "inc", "ltd", "co", "no", "vs", "mr", "ms", "dr", "st",
                            "u.s",
                            "approx", "art", "para", "sec", "fig", "corp", "jr", "sr",
                            "pte", "pty", "bhd", "sdn"})  # Pte. Ltd., Pty. Ltd., Sdn. Bhd.
_TERMINAL = "。；;！？!?.：:，,"
_INNER_STOP = re.compile(r"[。；;！？]|(?<![\d.])[.!?]\s")  # a sentence ends inside: body text, not a title
_CJK = re.compile(r"[\u4e00-\u9fff]")
_WORD = re.compile(r"[A-Za-z]+")


def detect_language(text: str) -> str:
    """"zh" when Chinese characters outnumber Latin words (Chinese policies say SDK, IMEI too), else "en"."""
    return "zh" if len(_CJK.findall(text)) >= len(_WORD.findall(text)) else "en"


def _heading_level(line: str) -> int | None:
    """The heading level of `line`, or None for body text."""
    markdown = _MARKDOWN.match(line)
    if markdown:
        return len(markdown.group(1))
    stripped = line.rstrip()
    if not stripped or stripped[-1] in _TERMINAL or "@" in stripped or _INNER_STOP.search(stripped):
        return None
    cjk = bool(_CJK.search(stripped))
    if len(stripped) > (40 if cjk else 90):
        return None
    article = _ARTICLE.match(stripped)
    if article:
        return 1 if article.group(1) in "章部分" else 2
    if _CN_ORDINAL.match(stripped) or _PART.match(stripped):
        return 1
    if _CN_PAREN.match(stripped):
        return 2
    digits = _DIGITS.match(stripped)
    if digits:
        number = digits.group(1) or digits.group(2)
        return 2 + number.count(".") + number.count("．")
    # An unnumbered title: short, no digits, no colon (a "电话 400-..." line is body text).
    short = len(stripped) <= 20 if cjk else len(stripped.split()) <= 6
    if short and not re.search(r"[\d:：|]", stripped) and (cjk or stripped[:1].isupper()):
        return 3
    return None


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) pairs, with English lines wrapped mid-sentence joined back (offset of the first)."""
    offset = 0
    pending: tuple[int, str] | None = None
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        start = offset
        offset += len(raw)
        if pending is not None and line[:1].islower() and pending[1].rstrip()[-1:] not in _TERMINAL:
            pending = (pending[0], f"{pending[1].rstrip()} {line.strip()}")
            continue
        if pending is not None:
            yield pending
        pending = (start, line)
    if pending is not None:
        yield pending


def _split_sentences(line: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of one line, trimmed of surrounding whitespace."""
    start = 0
    for match in _SENTENCE_END.finditer(line):
        if match.group().startswith("."):
            before = line[start:match.start()]
            if not before.strip() or before[-1:].isdigit():  # "1. ...", "v2. ..." list numbers
                continue
            word = re.search(r"([A-Za-z.]+)$", before)
            if word and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1):
                continue  # "e.g.", "Co. Ltd.", an initial "J. Smith"
        yield from _trimmed(line, start, match.end())
        start = match.end()
    yield from _trimmed(line, start, len(line))


def _trimmed(line: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    for piece in range(start, end, MAX_CLAUSE):
        yield piece, min(end, piece + MAX_CLAUSE)


def segment(text: str) -> PolicyText:
    """Sections and clauses of a policy text. Clause offsets index into `text` (for an English line joined
    with its wrapped continuation they are offsets into the joined line, so approximate past the wrap)."""
    sections: list[Section] = []
    heading, level = "", 0
    clauses: list[Clause] = []
    for offset, line in _lines(text):
        if not line.strip():
            continue
        found = _heading_level(line.strip())
        if found is not None:
            if clauses or heading:
                sections.append(Section(len(sections), heading, level, tuple(clauses)))
            heading, level, clauses = _MARKDOWN.sub(r"\2", line.strip()), found, []
            continue
        for start, end in _split_sentences(line):
            body = line[start:end]
            if any(char.isalnum() for char in body):
                clauses.append(Clause(len(sections), len(clauses), body, offset + start, offset + end,
                                      heading))
    if clauses or heading:
        sections.append(Section(len(sections), heading, level, tuple(clauses)))
    return PolicyText(text=text, sections=tuple(sections), language=detect_language(text))
