"""`generalize`: keep a coarser version of the value (GB/T 37964-2019 §6.4 泛化): birth date → year,
age → band, address → province/city/district, GPS → grid cell, IP → network (/24, IPv6 /48).

Generalisation keeps what analysis needs (cohorts, regions, networks) while many people share each
output value, which is what k-anonymity measures.
"""

from __future__ import annotations

import ipaddress
import math
import re
from dataclasses import dataclass
from typing import ClassVar, Literal

from yinsi.operators.base import OperatorContext, ParamError

SUPPORTED = frozenset({"DATE_OF_BIRTH", "AGE", "ADDRESS", "GPS_COORDINATE", "IP_ADDRESS"})
_YEAR = re.compile(r"(18|19|20)\d{2}")
_YEAR_MONTH = re.compile(r"((?:18|19|20)\d{2})\D{0,2}?(\d{1,2})(?!\d)")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_HOST_PORT = re.compile(r"\[([0-9a-fA-F:.]+)\](?::\d+)?|(\d{1,3}(?:\.\d{1,3}){3}):\d+")
_DECIMAL = re.compile(r"-?\d+\.\d+|-?\d+")
# 39°54'15"N, 39°54′15.2″ N (degrees, minutes, seconds, optional hemisphere)
_DMS = re.compile(r"(\d{1,3})\s*°\s*(\d{1,2})\s*['′]\s*(?:(\d{1,2}(?:\.\d+)?)\s*[\"″]?)?\s*([NSEW])?")
# 行政区划 units in the order they appear in a Chinese address (GB/T 2260 levels).
_PROVINCE = re.compile(r"^.{2,7}?(?:省|自治区|特别行政区)|^(?:北京|上海|天津|重庆)市?")
_CITY = re.compile(r"^.{1,9}?(?:自治州|地区|盟|市)")
_DISTRICT = re.compile(r"^.{1,9}?(?:区|县|旗|市)")
_LEVELS = {"province": 1, "city": 2, "district": 3}
_MUNICIPALITIES = ("北京", "上海", "天津", "重庆")


@dataclass(frozen=True, slots=True)
class GeneralizeParams:
    """One setting per kind of value; the entity type picks which one applies.

    `date`: "year" or "year_month". `age_band`: band width in years (10 → "30-39").
    `address_level`: "province", "city" or "district". `gps_decimals`: decimals kept, rounded down
    to the grid (2 ≈ 1 km, 1 ≈ 11 km). `ipv4_prefix`/`ipv6_prefix`: network length kept.
    `fallback`: written when the value does not parse ({entity} allowed).
    """

    date: Literal["year", "year_month"] = "year"
    age_band: int = 10
    address_level: Literal["province", "city", "district"] = "district"
    gps_decimals: int = 2
    ipv4_prefix: int = 24
    ipv6_prefix: int = 48
    fallback: str = "<{entity}>"

    def __post_init__(self) -> None:
        if not 1 <= self.age_band <= 100:
            raise ParamError("age_band", "must be between 1 and 100 years")
        if not 0 <= self.gps_decimals <= 5:
            raise ParamError("gps_decimals", "must be between 0 and 5")
        if not 0 <= self.ipv4_prefix <= 32:
            raise ParamError("ipv4_prefix", "must be between 0 and 32")
        if not 0 <= self.ipv6_prefix <= 128:
            raise ParamError("ipv6_prefix", "must be between 0 and 128")


class GeneralizeOperator:
    """Coarsens dates, ages, addresses, coordinates and IP addresses."""

    name: ClassVar[str] = "generalize"
    params_type: ClassVar[type[GeneralizeParams]] = GeneralizeParams
    needs_key: ClassVar[bool] = False
    reversible: ClassVar[bool] = False

    def check(self, entity_type: str | None, params: GeneralizeParams) -> None:
        if entity_type is not None and entity_type not in SUPPORTED:
            raise ParamError(
                "operator", f"generalize works on {', '.join(sorted(SUPPORTED))}, not {entity_type}"
            )

    def operate(self, value: str, params: GeneralizeParams, context: OperatorContext) -> str:
        entity = context.entity_type
        result: str | None = None
        if entity == "DATE_OF_BIRTH":
            result = _date(value, params)
        elif entity == "AGE":
            result = _age(value, params)
        elif entity == "ADDRESS":
            result = _address(value, params)
        elif entity == "GPS_COORDINATE":
            result = _gps(value, params)
        elif entity == "IP_ADDRESS":
            result = _ip(value, params)
        return result if result is not None else params.fallback.replace("{entity}", entity)


def _date(value: str, params: GeneralizeParams) -> str | None:
    if params.date == "year_month":
        match = _YEAR_MONTH.search(value)
        if match and 1 <= int(match.group(2)) <= 12:
            return f"{match.group(1)}-{int(match.group(2)):02d}"
    year = _YEAR.search(value)
    return year.group() if year else None


def _age(value: str, params: GeneralizeParams) -> str | None:
    number = _NUMBER.search(value)
    if number is None:
        return None
    age = int(float(number.group()))
    low = age // params.age_band * params.age_band
    return f"{low}-{low + params.age_band - 1}" if params.age_band > 1 else str(age)


def _address(value: str, params: GeneralizeParams) -> str | None:
    """The leading administrative units of a Chinese address, down to `address_level`."""
    wanted = _LEVELS[params.address_level]
    rest = value.strip()
    kept = ""
    level = 0
    province = _PROVINCE.match(rest)
    if province:
        kept, rest, level = province.group(), rest[province.end() :], 1
        if province.group().startswith(_MUNICIPALITIES):
            level = 2  # a municipality is a province-level and a city-level unit at once
    for pattern, unit_level in ((_CITY, 2), (_DISTRICT, 3)):
        if level >= wanted:
            break
        if unit_level <= level:
            continue
        match = pattern.match(rest)
        if match is None:
            break
        kept, rest, level = kept + match.group(), rest[match.end() :], unit_level
    return kept or None


def _gps(value: str, params: GeneralizeParams) -> str | None:
    """Each coordinate rounded down to the grid; degrees-minutes-seconds become decimal degrees.

    A coordinate already coarser than the grid keeps its own precision (`39.9` stays `39.9`), so
    generalising never invents digits.
    """
    if _DMS.search(value):
        return _DMS.sub(lambda match: _dms_to_grid(match, params.gps_decimals), value)
    numbers = list(_DECIMAL.finditer(value))
    if not numbers:
        return None
    out, last = [], 0
    for match in numbers:
        decimals = min(params.gps_decimals, len(match.group().partition(".")[2]))
        out.append(value[last : match.start()] + _floor(float(match.group()), decimals))
        last = match.end()
    return "".join(out) + value[last:]


def _dms_to_grid(match: re.Match[str], decimals: int) -> str:
    degrees, minutes, seconds, hemisphere = match.groups()
    decimal = int(degrees) + int(minutes) / 60 + float(seconds or 0) / 3600
    return _floor(decimal, decimals) + "°" + (hemisphere or "")


def _floor(number: float, decimals: int) -> str:
    scale = 10**decimals
    return f"{math.floor(number * scale) / scale:.{decimals}f}"


def _ip(value: str, params: GeneralizeParams) -> str | None:
    """The network of the address; a port written with it (`1.2.3.4:80`, `[::1]:443`) is dropped."""
    match = _HOST_PORT.fullmatch(value.strip())
    try:
        address = ipaddress.ip_address((match.group(1) or match.group(2)) if match else value.strip())
    except ValueError:
        return None
    prefix = params.ipv4_prefix if address.version == 4 else params.ipv6_prefix
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))
