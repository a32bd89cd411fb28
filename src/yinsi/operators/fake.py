"""`fake`: a realistic stand-in (Faker zh_CN / en_US) that is the same for the same input under one
key and scope, so joins, counts and group-bys on the copy still work.

The choice is seeded with a keyed HMAC of the value: without the key nobody can tell which fake
belongs to which original by trying values, and under a different key the mapping is different.
Structured identifiers are generated to be valid: resident IDs with a real region, a real birth date
and the GB 11643 check digit; bank cards with a UnionPay prefix and a Luhn digit; USCCs with the
GB 32100 check character; mobile numbers in allocated ranges. Separators and the full-width or
spaced layout of the original are kept, so `138 0013 8000` becomes another `1xx xxxx xxxx`.
Two originals can draw the same fake; with a vault, a clash is detected and the draw repeated.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING, ClassVar, Literal

from yinsi.operators._check_digits import CHECK_DIGITS, USCC_ALPHABET, compact_of
from yinsi.operators.base import OperatorContext, ParamError
from yinsi.operators.hmac import normalize_for_pseudonym
from yinsi.recognizers.cn_uscc import organization_code_check

if TYPE_CHECKING:
    from faker import Faker

# Real GB/T 2260 district codes, so fake IDs pass region checks (Beijing Dongcheng, Shanghai Huangpu,
# Guangzhou Tianhe, Shenzhen Nanshan, Hangzhou Xihu, Chengdu Wuhou, Wuhan Jiang'an, Xi'an Yanta).
_REGIONS = ("110101", "310101", "440106", "440305", "330106", "510107", "420102", "610113")
# MIIT mobile prefixes of the three main carriers, all allocated.
_MOBILE_PREFIXES = ("134", "135", "136", "137", "138", "139", "150", "151", "152", "157", "158", "159",
                    "182", "183", "187", "188", "130", "131", "132", "155", "156", "185", "186", "133",
                    "153", "180", "181", "189", "177", "199")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_DATE = re.compile(r"(\d{4})(\D{0,2})(\d{1,2})(\D{0,2})(\d{1,2})(\D{0,2})")


@dataclass(frozen=True, slots=True)
class FakeParams:
    """`locale`: "auto" (zh_CN when the value holds Chinese characters, else en_US), "zh_CN", "en_US".

    `scope` separates mapping spaces under one key, like the hmac operator's.
    """

    locale: Literal["auto", "zh_CN", "en_US"] = "auto"
    scope: str = ""

    def __post_init__(self) -> None:
        if "\0" in self.scope:
            raise ParamError("scope", "must not contain NUL")


class FakeOperator:
    """Replaces the value with a consistent, plausible fake of the same kind."""

    name: ClassVar[str] = "fake"
    params_type: ClassVar[type[FakeParams]] = FakeParams
    needs_key: ClassVar[bool] = True
    reversible: ClassVar[bool] = True

    def check(self, entity_type: str | None, params: FakeParams) -> None:
        return None

    def operate(self, value: str, params: FakeParams, context: OperatorContext) -> str:
        keys = context.require_keys(self.name)
        entity = context.entity_type
        message = f"{params.scope}\0{entity}\0{context.attempt}\0{normalize_for_pseudonym(value)}"
        seed = int.from_bytes(keys.fake_prf.digest(message.encode())[:16], "big")
        rng = random.Random(seed)
        generator = _GENERATORS.get(entity)
        if generator is not None:
            return generator(value, rng)
        locale = params.locale if params.locale != "auto" else ("zh_CN" if _CJK.search(value) else "en_US")
        if entity == "PERSON":
            return _person(locale, rng)
        if entity == "EMAIL":
            return _email(rng)
        faker_generator = _FAKER_GENERATORS.get(entity)
        if faker_generator is not None:
            faker = _faker(locale)
            faker.seed_instance(seed)
            return faker_generator(faker, value)
        return _same_shape(value, rng)


def _resident_id(value: str, rng: random.Random) -> str:
    birth = date(1950, 1, 1) + timedelta(days=rng.randrange(365 * 55))
    body = f"{rng.choice(_REGIONS)}{birth:%Y%m%d}{rng.randrange(1000):03d}"
    check = CHECK_DIGITS["CN_RESIDENT_ID"][1]
    return _into_layout(value, body + check(body))


def _bank_card(value: str, rng: random.Random) -> str:
    # China UnionPay IIN 62, the range the BANK_CARD recognizer owns; the original's length (16-19).
    length = len(compact_of(value)) if 16 <= len(compact_of(value)) <= 19 else 16
    return _luhn_number(value, "62", length, rng)


def _credit_card(value: str, rng: random.Random) -> str:
    # A 16-digit Visa-range number (IIN 4), so the copy is still an international-brand card.
    return _luhn_number(value, "4", 16, rng)


def _luhn_number(value: str, prefix: str, length: int, rng: random.Random) -> str:
    body = prefix + _digits(rng, length - len(prefix) - 1)
    return _into_layout(value, body + CHECK_DIGITS["BANK_CARD"][1](body))


def _uscc(value: str, rng: random.Random) -> str:
    # Registration authority 9 (市场监管) and kind 1 (enterprise), a real region code, and a GB 11714
    # organisation code whose own check character is right (the CN_USCC recognizer checks both).
    organisation = "".join(rng.choice(USCC_ALPHABET) for _ in range(8))
    body = "91" + rng.choice(_REGIONS) + organisation + organization_code_check(organisation)
    return _into_layout(value, body + CHECK_DIGITS["CN_USCC"][1](body))


def _mobile(value: str, rng: random.Random) -> str:
    digits = "".join(character for character in value if character.isdigit())
    country = digits[:-11] if len(digits) > 11 else ""
    number = rng.choice(_MOBILE_PREFIXES) + _digits(rng, 8)
    return _into_layout(value, country + number)


def _imei(value: str, rng: random.Random) -> str:
    body = "35" + _digits(rng, 12)
    return _into_layout(value, body + CHECK_DIGITS["IMEI"][1](body))


def _digits(rng: random.Random, count: int) -> str:
    """`count` random decimal digits in one draw."""
    return f"{rng.randrange(10**count):0{count}d}"


def _ip(value: str, rng: random.Random) -> str:
    if ":" in value:
        return "fd00:" + ":".join(f"{rng.randrange(65536):x}" for _ in range(7))
    return f"10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"


def _date_of_birth(value: str, rng: random.Random) -> str:
    birth = date(1950, 1, 1) + timedelta(days=rng.randrange(365 * 55))
    match = _DATE.fullmatch(value.strip())
    if match is None:
        return birth.isoformat()
    _, sep1, month, sep2, day, tail = match.groups()
    width_m, width_d = len(month), len(day)
    return f"{birth.year}{sep1}{birth.month:0{width_m}d}{sep2}{birth.day:0{width_d}d}{tail}"


def _gps(value: str, rng: random.Random) -> str:
    numbers = list(re.finditer(r"-?\d+\.\d+", value))
    if len(numbers) < 2:
        return _same_shape(value, rng)
    out, last = [], 0
    # A point in mainland China's bounding box, with the original's number of decimals; a number
    # above 90 in magnitude is the longitude whichever order the pair is written in.
    for match in numbers[:2]:
        decimals = len(match.group().split(".")[1])
        span = (73.0, 135.0) if abs(float(match.group())) > 90 else (18.0, 53.0)
        out.append(value[last : match.start()] + f"{rng.uniform(*span):.{decimals}f}")
        last = match.end()
    return "".join(out) + value[last:]


_GENERATORS = {
    "CN_RESIDENT_ID": _resident_id,
    "BANK_CARD": _bank_card,
    "CREDIT_CARD": _credit_card,
    "CN_USCC": _uscc,
    "CN_MOBILE": _mobile,
    "IMEI": _imei,
    "IP_ADDRESS": _ip,
    "DATE_OF_BIRTH": _date_of_birth,
    "GPS_COORDINATE": _gps,
}

def _person(locale: str, rng: random.Random) -> str:
    """A name drawn from Faker's own frequency-weighted name lists, without Faker's slower formatter."""
    surnames, surname_weights, given, given_weights = _name_tables(locale)
    surname = rng.choices(surnames, cum_weights=surname_weights)[0]
    if locale == "zh_CN":
        # Faker's list mixes one- and two-character given names; half of the one-character draws get
        # a second character, since two-character given names are the more common.
        name = rng.choice(given)
        if len(name) == 1 and rng.random() < 0.5:
            name += rng.choice(_single_characters(tuple(given)))
        return surname + name
    return rng.choices(given, cum_weights=given_weights)[0] + " " + surname


def _email(rng: random.Random) -> str:
    _, _, given, given_weights = _name_tables("en_US")
    name = rng.choices(given, cum_weights=given_weights)[0].lower()
    return f"{name}{rng.randrange(10, 10000)}@example.com"  # example.com: reserved, RFC 2606


@cache
def _single_characters(given: tuple[str, ...]) -> list[str]:
    return [name for name in given if len(name) == 1]


@cache
def _name_tables(locale: str) -> tuple[list[str], list[float], list[str], list[float] | None]:
    """(surnames, cumulative weights, given names, cumulative weights or None) from Faker's data."""
    from itertools import accumulate

    if locale == "zh_CN":
        from faker.providers.person.zh_CN import Provider as ChineseNames

        surnames = dict(ChineseNames.last_names)
        return list(surnames), list(accumulate(surnames.values())), list(ChineseNames.first_names), None
    from faker.providers.person.en_US import Provider as EnglishNames

    last = dict(EnglishNames.last_names)
    first = dict(EnglishNames.first_names)
    return list(last), list(accumulate(last.values())), list(first), list(accumulate(first.values()))


_FAKER_GENERATORS = {
    "ADDRESS": lambda faker, value: str(faker.address()).replace("\n", " "),
    "ORGANIZATION": lambda faker, value: str(faker.company()),
    "URL": lambda faker, value: "https://example.com/" + str(faker.uri_path()),
}


@cache
def _faker(locale: str) -> Faker:
    """One Faker per locale; reseeded before each use, so sharing gives the same outputs."""
    from faker import Faker

    return Faker(locale)


def _into_layout(value: str, compact: str) -> str:
    """`compact` written with the separators of `value` (`138 0013 8000` keeps its spaces)."""
    slots = [index for index, character in enumerate(value) if character.isascii() and character.isalnum()]
    if len(slots) != len(compact):
        return compact
    characters = list(value)
    for index, character in zip(slots, compact, strict=True):
        characters[index] = character
    return "".join(characters)


def _same_shape(value: str, rng: random.Random) -> str:
    """Digits → digits, letters → letters of the same case, Chinese → common Chinese; rest kept."""
    out = []
    for character in value:
        if character.isascii() and character.isdigit():
            out.append(str(rng.randrange(10)))
        elif character.isascii() and character.isalpha():
            letter = chr(ord("a") + rng.randrange(26))
            out.append(letter.upper() if character.isupper() else letter)
        elif _CJK.match(character):
            out.append(rng.choice(_COMMON_CJK))
        else:
            out.append(character)
    return "".join(out)


_COMMON_CJK = (
    "的一是在人有这中大来上国个到说们为子和你地出道也时年得就那要下"
    "以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文"
)
