"""Context rules around the tagger: labelled values, titles, dotted names, address tails.

A statistical tagger knows how names look; forms and logs also *say* what a value is (收件人：…,
"name": "…", 张先生). These rules turn such evidence into spans and scores, and clean the tagger's
spans (a title is not part of the name; 3栋2单元1502室 belongs to the address before it). All are
regexes over the normalised text, linear in its length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from yinsi.ner.lexicon import (
    ADDRESS_LABELS,
    ADDRESS_SUFFIXES,
    COMPOUND_SURNAMES,
    PERSON_LABELS,
    SINGLE_SURNAMES,
    TITLES,
)
from yinsi.text.prefilter import Prefiltered, StartsOf, matches_at, word_starts
from yinsi.text.trie import trie_regex

_CJK = "\u4e00-\u9fff"
_SEP = r"[ \t]*(?:[:：=]|\"[ \t]*:|'[ \t]*:)[ \t]*[\"'“「【]?[ \t]*"
_SURNAME_CLASS = "[" + "".join(sorted(SINGLE_SURNAMES)) + "]"
_COMPOUND = "|".join(sorted(COMPOUND_SURNAMES))
# A Chinese name: (compound or single surname) + one or two given-name characters.
_CN_NAME = f"(?:(?:{_COMPOUND})[{_CJK}]{{1,2}}|{_SURNAME_CLASS}[{_CJK}]{{1,2}})"
# Minority and transliterated names joined by a middle dot (买买提·阿凡提, 爱新觉罗·溥仪).
_DOT_NAME = f"[{_CJK}]{{1,6}}[·•・][{_CJK}]{{1,6}}(?:[·•・][{_CJK}]{{1,6}})?"
# A Latin-script name of two or three capitalised words (John Smith, Anna-Lena Müller).
_LATIN_NAME = r"[A-Z][a-zà-ÿ]+(?:[-'][A-Za-zà-ÿ]+)?(?:[ ][A-Z][a-zà-ÿ]+(?:[-'][A-Za-zà-ÿ]+)?){1,2}"

# What may follow a labelled name: end, punctuation, space, a digit (联系人 张三 138...), a title or
# a common clause word. Stops "收件人：张三丰收" from taking more than the name.
_NAME_END = r"(?=$|[\s,，。;；、:：|/\\)）\]】\"'”’0-9<]|先生|女士|小姐|老师)"

# Characters that end an address written after a label.
_ADDRESS_STOP = "\n\r\t,，;；。|\"'”’<>{}（()）【】[]"
# Street-level parts that make a span a postal address rather than a bare place name.
_STREET_LEVEL = re.compile(r"[路街道巷弄号栋幢楼单元室座层村组里]|小区|花园|公寓|大厦|胡同|园区")
# Trailing building / unit / room parts a tagger may cut off: 3栋2单元1502室, 12 号楼, B座.
_ADDRESS_TAIL = re.compile(
    r"(?:[ \t]?(?:[0-9]{1,5}|[A-Z])[ \t]?(?:号楼|号院|号|栋|幢|单元|室|层|楼|座|区|弄|组)|"
    r"[ \t]?[0-9]{3,5}(?![0-9]))+"
)


@dataclass(frozen=True, slots=True)
class RuleSpan:
    """A span a rule vouches for, and why."""

    start: int
    end: int
    label: str  # PER or ADR
    reason: str


# Forms of address that make a bare surname a name (王先生), all two characters long.
_SURNAME_TITLES = ("先生", "女士", "小姐", "老师", "师傅")
# How long a surname is: one character, or a compound surname's length.
_SURNAME_LENGTHS = tuple(sorted({1, *map(len, COMPOUND_SURNAMES)}, reverse=True))


@dataclass(frozen=True, slots=True)
class _Compiled:
    # The label patterns start with a lookbehind or hold IGNORECASE Latin words, so `re` would run
    # them at every position; they are tried only where a label's first two characters stand.
    person_label: Prefiltered
    person_label_spaced: re.Pattern[str]
    titled_surname: re.Pattern[str]
    # Where a title `titled_surname` looks for starts; a surname ends right before one.
    surname_title: StartsOf
    address_label: Prefiltered
    title_after: re.Pattern[str]


@cache
def _compiled() -> _Compiled:
    person_labels = trie_regex(PERSON_LABELS)
    address_labels = trie_regex(ADDRESS_LABELS)
    address_stop = re.escape(_ADDRESS_STOP)
    person_value = f"(?P<value>{_DOT_NAME}|{_CN_NAME}|{_LATIN_NAME})"
    return _Compiled(
        # Labels in any case (Name, NAME, consignee), names as written: ignoring case for the whole
        # pattern would let `name: security of UDP` pass for a Latin name.
        person_label=Prefiltered(
            re.compile(rf"(?<![A-Za-z_])(?i:{person_labels})[\"']?{_SEP}{person_value}{_NAME_END}"),
            word_starts(PERSON_LABELS, re.IGNORECASE),
        ),
        person_label_spaced=re.compile(
            rf"(?:{trie_regex(('联系人', '收件人', '收货人', '客户', '签收人', '寄件人', '户主', '姓名'))})"
            rf"[ \t]+{person_value}{_NAME_END}"
        ),
        address_label=Prefiltered(
            re.compile(
                rf"(?:{address_labels})[\"']?(?:{_SEP}|[ \t]+)(?P<value>[^{address_stop}]{{4,80}})",
                re.IGNORECASE,
            ),
            word_starts(ADDRESS_LABELS, re.IGNORECASE),
        ),
        title_after=re.compile(trie_regex(TITLES)),
        # Only where no name character can precede: start, punctuation, or the end of a role word
        # (投诉人王先生, 业主陈女士), so 李明先生 is left to the tagger.
        titled_surname=re.compile(
            f"(?:(?<![{_CJK}])|(?<=[人户主客者员方]))(?P<value>{_COMPOUND}|{_SURNAME_CLASS})"
            f"(?=(?:{'|'.join(_SURNAME_TITLES)}))"
        ),
        surname_title=StartsOf(_SURNAME_TITLES),
    )


def labelled_people(text: str) -> list[RuleSpan]:
    """Names written after a person label: 收件人：张三, "name": "李四", consignee=John Smith."""
    compiled = _compiled()
    found = []
    for regex in (compiled.person_label, compiled.person_label_spaced):
        for match in regex.finditer(text):
            start, end = match.span("value")
            found.append(RuleSpan(start, end, "PER", "label"))
    return found


def labelled_addresses(text: str) -> list[RuleSpan]:
    """Addresses written after an address label, up to the next field separator."""
    found = []
    for match in _compiled().address_label.finditer(text):
        start, end = match.span("value")
        value = text[start:end]
        # A trailing "电话", "手机" or a phone number starts the next field, not the address.
        cut = _NEXT_FIELD.search(value)
        if cut is not None:
            end = start + cut.start()
        while end > start and text[end - 1] in " \t":
            end -= 1
        if end - start >= 4 and _STREET_LEVEL.search(text, start, end):
            found.append(RuleSpan(start, end, "ADR", "label"))
    return found


_NEXT_FIELD = re.compile(
    r"[ \t]*(?:电话|手机|联系|收件|邮编|姓名|tel|phone|mobile)|[ \t]+1[3-9][0-9]{9}|[ \t]{2,}", re.IGNORECASE
)


def titled_surnames(text: str) -> list[RuleSpan]:
    """A surname written with a form of address (王先生, 欧阳女士): the surname is the name."""
    compiled = _compiled()
    titles = list(compiled.surname_title.positions(text))
    if not titles:
        return []
    # A match ends right before a title, so it starts one surname length before one.
    starts = sorted({title - length for title in titles for length in _SURNAME_LENGTHS if title >= length})
    matches = matches_at(compiled.titled_surname, text, starts)
    return [RuleSpan(m.start(), m.end(), "PER", "title") for m in matches]


def title_follows(text: str, end: int) -> bool:
    """True when a form of address (先生, 女士, 老师 …) starts at `end`."""
    return _compiled().title_after.match(text, end) is not None


_TITLE_SET = frozenset(TITLES)
_TITLE_LENGTHS = tuple(sorted({len(title) for title in TITLES}, reverse=True))


def strip_title(text: str, start: int, end: int) -> int:
    """The end of a person span with a trailing title removed (张先生 → 张), never emptying it."""
    for length in _TITLE_LENGTHS:  # the longest title first: 总经理 before 经理
        if end - length > start and text[end - length : end] in _TITLE_SET:
            return end - length
    return end


def extend_address(text: str, end: int) -> int:
    """Extend an address span over building, unit and room parts that follow it."""
    # Back up over a number the span ends in (…小区3|栋), so its unit word is matched with it.
    restart = end
    while restart > 0 and text[restart - 1].isascii() and text[restart - 1].isalnum():
        restart -= 1
    match = _ADDRESS_TAIL.match(text, restart)
    return max(end, match.end()) if match else end


def is_street_level(text: str, start: int, end: int) -> bool:
    """True when the span names a road, number, estate, building or room, not only a place."""
    return _STREET_LEVEL.search(text, start, end) is not None


def ends_with_division_suffix(text: str, end: int) -> bool:
    return end > 0 and text[end - 1] in ADDRESS_SUFFIXES


_DOTS = "·•・"
# Characters that end a transliterated name part: particles and verbs that follow names in prose.
_AFTER_NAME = frozenset("的和与是在说了来去到从向对把被给也都就还及、")


def widen_dotted_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a name span across middle dots (买买提 · 阿凡提 → 买买提·阿凡提), at most 6 characters a part."""
    last_dot = max(text.rfind(dot, start, end) for dot in _DOTS)
    if last_dot >= 0 or (end + 1 < len(text) and text[end] in _DOTS and _is_name_char(text[end + 1])):
        part_start = last_dot + 1 if last_dot >= 0 else end + 1
        index = max(end, part_start)
        while index < len(text) and index - part_start < 6 and _is_name_char(text[index]):
            index += 1
        end = index
        while end + 1 < len(text) and text[end] in _DOTS and _is_name_char(text[end + 1]):
            part_start = index = end + 1
            while index < len(text) and index - part_start < 6 and _is_name_char(text[index]):
                index += 1
            end = index
    while start >= 2 and text[start - 1] in _DOTS and _is_name_char(text[start - 2]):
        index = start - 2
        while index > 0 and start - index <= 6 and _is_name_char(text[index - 1]):
            index -= 1
        start = index
    return start, end


def complete_compound_surname(text: str, start: int, end: int) -> int:
    """A name span holding only a compound surname (上官) gets the given name after it (上官婉儿).

    The tagger sometimes stops after the surname; without a title following (欧阳先生 is right as it
    is), one or two name characters follow a compound surname.
    """
    if text[start:end] not in COMPOUND_SURNAMES or title_follows(text, end):
        return end
    index = end
    while index < min(len(text), end + 2) and _is_name_char(text[index]) and text[index] not in _NOT_GIVEN:
        index += 1
    return index


# Characters that start the words after a name rather than continue it (今天, 是, 在 …).
_NOT_GIVEN = frozenset("今明昨前后说是在有被把将对给让叫去来到从向和与的了也都就还又再已曾正")


def _is_name_char(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" and char not in _AFTER_NAME
