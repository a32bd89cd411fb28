"""Synthetic identifiers that pass their check rules, for demo data: never a real person's.

Numbers are drawn at random and then checked with the same validators the recognizers use, so demo
data always exercises the validated path. Region codes are real county codes (GB/T 2260) because a
resident ID with an unknown region is invalid; the rest of each number is random.
"""

from __future__ import annotations

import datetime
import random

from stdnum import luhn
from stdnum.cn import ric

from yinsi.recognizers.cn_mobile import is_valid_cn_mobile

# GB/T 2260 county-level codes: Beijing Chaoyang, Shanghai Pudong, Shenzhen Nanshan, Hangzhou Xihu,
# Chengdu Wuhou, Guangzhou Tianhe.
_REGIONS = ("110105", "310115", "440305", "330106", "510107", "440106")
# Mobile prefixes of the three carriers and a virtual operator (MIIT allocations).
_MOBILE_PREFIXES = ("134", "138", "139", "150", "158", "186", "188", "199", "177", "170")
# China UnionPay debit card BINs of large banks (ISO/IEC 7812 IIN 62xxxx).
_UNIONPAY_BINS = ("622202", "622848", "621700", "622588", "623668")


def mobile(rng: random.Random) -> str:
    while True:
        number = rng.choice(_MOBILE_PREFIXES) + "".join(rng.choice("0123456789") for _ in range(8))
        if is_valid_cn_mobile(number):
            return number


def resident_id(rng: random.Random, birth: datetime.date | None = None) -> str:
    """18-digit 居民身份证号码 (GB 11643-1999) with a real region, birth date and MOD 11-2 check."""
    if birth is None:
        birth = datetime.date(1950, 1, 1) + datetime.timedelta(days=rng.randrange(365 * 55))
    body = rng.choice(_REGIONS) + birth.strftime("%Y%m%d") + f"{rng.randrange(1000):03d}"
    # stdnum's calc_check_digit expects a full-length number and ignores its last character.
    return body + ric.calc_check_digit(body + "0")


def bank_card(rng: random.Random) -> str:
    """19-digit UnionPay card number with a Luhn check digit (ISO/IEC 7812-1 Annex B)."""
    body = rng.choice(_UNIONPAY_BINS) + "".join(rng.choice("0123456789") for _ in range(12))
    return body + luhn.calc_check_digit(body)


def imei(rng: random.Random) -> str:
    """15-digit IMEI (3GPP TS 23.003 §6.2.1): 8-digit TAC, serial, Luhn check digit."""
    body = "86" + "".join(rng.choice("0123456789") for _ in range(12))
    return body + luhn.calc_check_digit(body)


def order_number(rng: random.Random, when: datetime.datetime) -> str:
    """An order number that looks like an ID to a naive scanner: a hard negative."""
    return when.strftime("%Y%m%d%H%M%S") + f"{rng.randrange(10**6):06d}"


def tracking_number(rng: random.Random) -> str:
    return "SF" + "".join(rng.choice("0123456789") for _ in range(12))
