"""台湾居民来往大陆通行证 (台胞证) and 大陆居民往来台湾通行证 numbers."""

from __future__ import annotations

import re

from yinsi.recognizers._hotwords import NUMBER_NEGATIVE
from yinsi.recognizers.base import Examples, Pattern, PatternRecognizer

# Number shapes, as printed on documents issued by the Exit and Entry Administration of the Ministry of
# Public Security (公安部出入境管理局, now 国家移民管理局):
#   台胞证, card form since 2015: the holder's lifelong 8-digit number. Eight digits alone are anything,
#     so this form is only looked for right after a label.
#   台胞证, booklet form: the same 8 digits followed by a bracketed 2-digit re-issue count, 12345678(01);
#     older booklets carried 10 digits and a bracketed check letter, 1234567890(B).
#   大陆居民往来台湾通行证 (mainland residents travelling to Taiwan), card form since 2017: L + 8 digits.
# Both directions are the Taiwan counterpart of CN_HK_MACAU_PERMIT (港澳通行证 and 回乡证 together).
_LABELS = (
    "台胞证", "台湾居民来往大陆通行证", "台湾居民往来大陆通行证", "来往大陆通行证", "台湾同胞证",
    "台湾通行证", "大陆居民往来台湾通行证", "往来台湾通行证", "赴台通行证", "入台证",
)
_ENGLISH_LABELS = ("tbz", "mtp", "mainland travel permit")
# Case variants are spelt out instead of using (?i): when every branch of the alternation starts with a
# literal character, the regex engine skips ahead to those characters, about 7x faster on Chinese text.
_LABEL_RE = "|".join(
    re.escape(label)
    for label in (
        *_LABELS,
        *(variant for word in _ENGLISH_LABELS for variant in (word, word.upper(), word.title())),
    )
)
# Label, then up to 16 characters that are not digits or a line break (号码：, ": ", (MTP) No.), then the
# number. Starting at the label keeps the scan fast and gates the bare 8-digit form.
_LABELLED = (
    rf"(?:{_LABEL_RE})[^\d\n]{{0,16}}?"
    r"(?P<value>\d{10}[(（]?[A-Z][)）]?|\d{8}(?:[(（]\d{2}[)）])?)"
)
_NUMBER = re.compile(r"\d{8}(?:[(（]\d{2}[)）])?|\d{10}[(（]?[A-Z][)）]?|L\d{8}")


def is_valid_taiwan_permit_number(value: str) -> bool:
    """True when `value` has one of the permit number shapes above (there is no published check rule)."""
    return _NUMBER.fullmatch(value) is not None


class CnTaiwanPermitRecognizer(PatternRecognizer):
    """台湾居民来往大陆通行证 (台胞证) / 大陆居民往来台湾通行证 号码 (公安部出入境管理局 证件编号规则).

    The 台胞证 number is eight plain digits, so it is reported only after a label (台胞证, MTP, tbz); the
    `L` + 8 digits form of the mainland residents' permit is distinctive enough to score moderately
    without one.
    """

    entity_type = "CN_TAIWAN_PERMIT"
    patterns = (
        Pattern("labelled", _LABELLED, 0.5, requires_context=True),
        Pattern("mainland_resident", r"L\d{8}", 0.4),
    )
    context = (*_LABELS, *_ENGLISH_LABELS, "通行证", "证件号", "证件号码", "permit")
    negative_context = NUMBER_NEGATIVE
    boundary = "alnum"
    context_boost = 0.4
    examples = Examples(
        positive=(
            "台胞证号码：12345678",
            "台湾居民来往大陆通行证 12345678(01)",
            "MTP No.: 87654321",
            "大陆居民往来台湾通行证L12345678",
        ),
        negative=(
            "12345678",  # eight digits without a label
            "台胞证号码：123456789",  # nine digits
            "订单号L12345678",  # business key
        ),
    )

    def validate(self, value: str) -> bool | None:
        return None if is_valid_taiwan_permit_number(value) else False
