"""居民身份证号码 (GB 11643-1999): 18-digit numbers with ISO 7064 MOD 11-2, and legacy 15-digit ones."""

from __future__ import annotations

import datetime
from functools import lru_cache

from stdnum.cn.ric import calc_check_digit

from yinsi.recognizers._hotwords import NUMBER_NEGATIVE
from yinsi.recognizers.base import Examples, Pattern, PatternRecognizer, digits_only

# GB/T 2260 province-level codes (first two digits), incl. 71 Taiwan, 81 Hong Kong, 82 Macao (used by
# residence permits for Hong Kong, Macao and Taiwan residents, GB 11643 form since 2018), 83 Taiwan.
PROVINCE_CODES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 "
    "71 81 82 83".split()
)
_EARLIEST_BIRTH_YEAR = 1880


def _real_date(year: int, month: int, day: int) -> bool:
    try:
        birth = datetime.date(year, month, day)
    except ValueError:
        return False
    return _EARLIEST_BIRTH_YEAR <= year and birth <= datetime.date.today()


@lru_cache(maxsize=65536)
def is_valid_resident_id(value: str) -> bool:
    """True when an 18-character ID has a known province, a real birth date and a correct check digit.

    The check character is ISO 7064 MOD 11-2 over the first 17 digits ('X' stands for 10).
    """
    compact = value.replace(" ", "").replace("-", "").upper()
    if len(compact) != 18 or not compact[:17].isdigit() or compact[:2] not in PROVINCE_CODES:
        return False
    if not _real_date(int(compact[6:10]), int(compact[10:12]), int(compact[12:14])):
        return False
    return calc_check_digit(compact) == compact[17]


def is_valid_legacy_resident_id(value: str) -> bool:
    """True for a 15-digit first-generation ID (1984–2004): province, and a YYMMDD date in 19YY."""
    digits = digits_only(value)
    if len(digits) != 15 or digits[:2] not in PROVINCE_CODES:
        return False
    return _real_date(1900 + int(digits[6:8]), int(digits[8:10]), int(digits[10:12]))


class CnResidentIdRecognizer(PatternRecognizer):
    """居民身份证号码 (GB 11643-1999, check digit ISO 7064:1983 MOD 11-2).

    Accepts separators between the region, birth date and sequence groups (`110101 1990 0307 8531`,
    `110101-19900307-853X`) and a lower-case x. Legacy 15-digit numbers have no check digit and are
    reported only next to an ID hotword.
    """

    entity_type = "CN_RESIDENT_ID"
    patterns = (
        Pattern("id18", r"[1-8]\d{5}[ -]?(?:18|19|20)\d{2}[ -]?\d{4}[ -]?\d{3}[0-9Xx]", 0.4),
        Pattern("id15", r"[1-8]\d{14}", 0.5, requires_context=True),
    )
    context = (
        "身份证", "身份证号", "身份证号码", "证件号", "证件号码", "公民身份号码", "身份号码", "居民身份证",
        "sfz", "sfzh", "zjhm", "id card", "idcard", "id_card", "id_no", "idno", "id number", "citizen id",
        "resident id", "national id",
    )
    negative_context = NUMBER_NEGATIVE
    validated_score = 0.9
    context_boost = 0.1
    examples = Examples(
        positive=(
            "身份证号：11010519491231002X",
            "客户证件号码110101199003078515已核验",
            "id_card=110101 1990 0307 8515",
            "公民身份号码 11010519491231002x",
            "身份证 110105491231002",
        ),
        negative=(
            "11010519491231002Y",  # not a check character
            "110101199003078516",  # wrong check digit
            "110101199013078517",  # month 13
            "订单号 9110101199003078515123",  # inside a longer digit run
            "流水号110105491231002",  # legacy form without an ID hotword
        ),
    )

    def validate(self, value: str) -> bool | None:
        if len(value) == 15:
            return is_valid_legacy_resident_id(value)
        return is_valid_resident_id(value)
