"""港澳通行证与回乡证号码: travel permits between the mainland and Hong Kong / Macao."""

from __future__ import annotations

import re

from yinsi.recognizers._hotwords import NUMBER_NEGATIVE
from yinsi.recognizers.base import Examples, Pattern, PatternRecognizer

# Number shapes, as printed on the documents issued by the Exit and Entry Administration of the Ministry
# of Public Security (公安部出入境管理局, now 国家移民管理局) and described in its public notices:
#   往来港澳通行证 (mainland residents travelling to HK/Macao)
#     C + 8 digits          electronic card form, issued since 2014;
#     C + letter + 7 digits the same series once its 8-digit range was used up (I and O, which read as 1
#                           and 0, are not accepted as the letter);
#     W + 8 digits          the earlier booklet form; still found in old records, but the shape is common
#                           in part numbers, so it needs a label.
#   港澳居民来往内地通行证 (回乡证, HK/Macao residents travelling to the mainland)
#     H (Hong Kong) or M (Macao) + 8 digits   the holder's lifelong number, card form since 2013;
#     the same + 2 digits                     booklet form, the last two digits count re-issues.
_MAINLAND_RESIDENT = re.compile(r"C(?:\d{8}|[A-HJ-NP-Z]\d{7})|W\d{8}")
_HK_MACAO_RESIDENT = re.compile(r"[HM]\d{8}(?:\d{2})?")


def is_valid_hk_macau_permit_number(value: str) -> bool:
    """True when `value` has one of the permit number shapes above (the numbers carry no check digit)."""
    return _MAINLAND_RESIDENT.fullmatch(value) is not None or _HK_MACAO_RESIDENT.fullmatch(value) is not None


class CnHkMacauPermitRecognizer(PatternRecognizer):
    """往来港澳通行证 / 港澳居民来往内地通行证 (回乡证) 号码 (公安部出入境管理局 证件编号规则).

    Neither document number has a check digit, so a bare `C12345678` or `H12345678` is only moderately
    likely; a label such as 港澳通行证, 回乡证 or gatxz makes it likely.
    """

    entity_type = "CN_HK_MACAU_PERMIT"
    patterns = (
        # Each pattern starts with a literal letter, which the regex engine finds with a fast loop (a leading
        # class such as [HM] is checked character by character, about 30x slower); the validator
        # rejects impossible letter forms.
        Pattern("mainland_resident", r"C[A-HJ-NP-Z\d]\d{7}", 0.45),
        Pattern("booklet", r"W\d{8}", 0.45, requires_context=True),
        Pattern("hk_macao_resident", r"H\d{8}(?:\d{2})?", 0.45),
        Pattern("hk_macao_resident", r"M\d{8}(?:\d{2})?", 0.45),
    )
    context = (
        "港澳通行证", "往来港澳", "通行证", "回乡证", "来往内地", "港澳居民", "港澳证件", "证件号",
        "gatxz", "hxz", "txz", "permit", "home return", "home-return", "exit-entry", "eep",
    )
    negative_context = NUMBER_NEGATIVE
    boundary = "alnum"
    context_boost = 0.45
    examples = Examples(
        positive=(
            "往来港澳通行证：C12345678",
            "港澳通行证号CA1234567",
            "回乡证 H12345678",
            "回乡证号码M1234567801",
            "旧版通行证W12345678",
        ),
        negative=(
            "W12345678",  # booklet shape without a label
            "C123456789",  # nine digits
            "CI1234567",  # I is not a series letter
            "零件号H1234567",  # seven digits
        ),
    )

    def validate(self, value: str) -> bool | None:
        return None if is_valid_hk_macau_permit_number(value) else False
