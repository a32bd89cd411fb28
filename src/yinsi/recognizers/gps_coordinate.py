"""经纬度 (WGS-84 / GCJ-02 latitude-longitude pairs): decimal degrees, labelled pairs and DMS."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from yinsi.core.types import Finding
from yinsi.recognizers._anchored import ALNUM, DIGITS, take_back, touches
from yinsi.recognizers.base import Examples, Pattern, PatternRecognizer

# A lone number is not a location; a latitude–longitude pair is (精确定位信息, GB/T 35273-2020 B.1
# 行踪轨迹), so candidates are pairs, validated together. An unlabelled pair is reported as one finding;
# labelled values (lat=…&lng=…) one by one, see `analyze`. Unlabelled pairs need four decimals (11 m) to tell
# them from other decimal pairs, three (about 110 m) next to a location word; labelled pairs (lat=, 纬度)
# need one. Unlabelled pairs are accepted in either order: Chinese map APIs (AMap, Baidu) write lng,lat.
_HEMISPHERE = r"(?:\s?°?\s?[NSEWnsew](?![A-Za-z]))?"
_SEPARATOR = r"(?:\s*[,，/;；]\s*|\s+)"
_DECIMALS = 4
_SHORT_DECIMALS = 3


def _decimal_pair(decimals: int) -> str:
    # Found from the first number's decimal point (see _anchored.py); `trim` takes back its integer part.
    number = rf"\.\d{{{decimals},}}°?{_HEMISPHERE}"
    return rf"{number}{_SEPARATOR}[-+]?\d{{1,3}}{number}(?!\.?\d)"


_LAT_LABELS = ("纬度", "北纬", "南纬", "lat", "Lat", "LAT")
_LNG_LABELS = ("经度", "东经", "西经", "lng", "Lng", "LNG", "lon", "Lon", "LON")
# Every branch starts with a literal, so the regex engine skips ahead to label characters; the letters
# after an English label cover latitude/longitude, and the quotes and separators cover JSON and query
# strings ("lat": 39.9, lat=39.9&lng=116.4, 纬度：39.9).
_LABEL = "(?:" + "|".join(_LAT_LABELS + _LNG_LABELS) + r")[A-Za-z_]*[\"']?\s*[:=：]?\s*[\"']?"
_LABELLED_NUMBER = r"[-+]?\d{1,3}\.\d+"
_LABELLED_NUMBER_RE = re.compile(_LABELLED_NUMBER)
_LABELLED = rf"{_LABEL}(?P<value>{_LABELLED_NUMBER}°?[^\d\n]{{1,24}}?{_LABEL}{_LABELLED_NUMBER})(?!\.?\d)"

# Degrees, minutes, seconds: 39°54'15"N, 39°54′15.2″, 北纬39°54'15". Found from the first degree sign.
_DMS_TAIL = r"\s?\d{1,2}\s?['′](?:\s?\d{1,2}(?:\.\d+)?\s?(?:\"|″|''))?\s?[NSEWnsew]?"
_DMS_PREFIX = r"(?:[NSEWnsew]\s?|[北南]纬\s?|[东西]经\s?)?"
_DMS = rf"°{_DMS_TAIL}[\s,，/;；]{{0,3}}{_DMS_PREFIX}\d{{1,3}}°{_DMS_TAIL}"

_DECIMAL_RE = re.compile(r"([-+]?\d+\.\d+)\s?°?\s?([NSEWnsew](?![A-Za-z]))?")
_NORTH_SOUTH = "NSns"
_DMS_RE = re.compile(
    r"([NSEWnsew]|[北南]纬|[东西]经)?\s?(\d{1,3})°\s?(\d{1,2})\s?['′]"
    r"(?:\s?(\d{1,2}(?:\.\d+)?)\s?(?:\"|″|''))?\s?([NSEWnsew](?![A-Za-z]))?"
)
_LAT_LABEL_RE = re.compile("|".join(_LAT_LABELS))
_LNG_LABEL_RE = re.compile("|".join(_LNG_LABELS))
_MAX_LAT = 90.0
_MAX_LNG = 180.0
_NULL_ISLAND = 1.0
_MINUTES = 60


def is_plausible_pair(first: float, second: float, first_is_lat: bool | None) -> bool:
    """True when the pair is inside latitude/longitude ranges, in the given or either order.

    Pairs within a degree of 0,0 are rejected: that is the Gulf of Guinea (Null Island), and far more
    often two small measurements or a default value than a real position.
    """
    if abs(first) < _NULL_ISLAND and abs(second) < _NULL_ISLAND:
        return False
    lat_lng = abs(first) <= _MAX_LAT and abs(second) <= _MAX_LNG
    lng_lat = abs(first) <= _MAX_LNG and abs(second) <= _MAX_LAT
    if first_is_lat is None:
        return lat_lng or lng_lat
    return lat_lng if first_is_lat else lng_lat


def is_valid_gps_pair(value: str) -> bool:
    """True when a candidate pair (decimal, labelled or DMS) is a valid latitude–longitude pair."""
    if _DMS_RE.search(value):
        return _valid_dms_pair(value)
    numbers = _DECIMAL_RE.findall(value)
    if len(numbers) != 2:
        return False
    (first, first_hemisphere), (second, second_hemisphere) = numbers
    first_is_lat = _first_is_latitude(first_hemisphere, second_hemisphere)
    if first_is_lat is None and _LAT_LABEL_RE.search(value):  # a labelled value holds the second label
        first_is_lat = False
    elif first_is_lat is None and _LNG_LABEL_RE.search(value):
        first_is_lat = True
    return is_plausible_pair(float(first), float(second), first_is_lat)


def _valid_dms_pair(value: str) -> bool:
    parts = _DMS_RE.findall(value)
    if len(parts) != 2:
        return False
    degrees: list[float] = []
    hemispheres: list[str] = []
    for prefix, whole, minutes, seconds, suffix in parts:
        if int(minutes) >= _MINUTES or (seconds and float(seconds) >= _MINUTES):
            return False
        degrees.append(int(whole) + int(minutes) / 60 + (float(seconds) / 3600 if seconds else 0.0))
        hemispheres.append(prefix or suffix)
    return is_plausible_pair(degrees[0], degrees[1], _first_is_latitude(*hemispheres))


def _first_is_latitude(first: str, second: str) -> bool | None:
    """Which number is the latitude, from hemisphere marks (N/S/E/W, 北纬/南纬/东经/西经) if any."""
    if first:
        return first in _NORTH_SOUTH or first.endswith("纬")
    if second:
        return not (second in _NORTH_SOUTH or second.endswith("纬"))
    return None


class GpsCoordinateRecognizer(PatternRecognizer):
    """经纬度坐标 (ISO 6709 latitude/longitude; GB/T 35273-2020 B.1 精准定位信息).

    Finds `39.9042, 116.4074`, `(39.9042,116.4074)`, `116.397128,39.916527` (lng,lat as in AMap),
    `lat=39.9&lng=116.4`, `"latitude": 39.9, "longitude": 116.4`, `经度116.397128 纬度39.916527` and
    `39°54'15"N 116°24'27"E`; ranges and minutes/seconds are checked on the pair. An unlabelled pair is
    one finding; labelled values get one finding each, so that masking keeps `lat=`/`lng=` readable.
    """

    entity_type = "GPS_COORDINATE"
    patterns = (
        Pattern("decimal_pair", _decimal_pair(_SHORT_DECIMALS), 0.5),
        Pattern("labelled_pair", _LABELLED, 0.8),
        Pattern("dms_pair", _DMS, 0.75),
    )
    context = (
        "坐标", "经纬度", "位置", "定位", "经度", "纬度", "地理", "轨迹", "gps", "location", "coord",
        "coordinate", "position", "geo", "lat", "lng", "lon",
    )
    # Decimal pairs that are versions, prices or amounts.
    negative_context = ("版本", "version", "价格", "金额", "单价", "price", "amount", "¥", "￥")
    prefilter = (".", "°")
    # Boundaries are checked in `analyze`, after `trim` has moved the start to the first number.
    boundary = "none"
    validated_score = 0.6
    context_boost = 0.3
    examples = Examples(
        positive=(
            "当前位置：39.9042, 116.4074",
            "lat=39.9&lng=116.4",
            "经度116.397128 纬度39.916527",
            "(39.9042,116.4074)",
            "39°54'15\"N 116°24'27\"E",
        ),
        negative=(
            "95.1234, 200.5678",  # out of range
            "39.9, 116.4",  # too few decimals without labels
            "0.1234, 0.5678",  # two small measurements
            "39°74'15\"N 116°24'27\"E",  # 74 minutes
            "纬度39.9042",  # not a pair
        ),
    )

    def trim(self, text: str, start: int, end: int) -> tuple[int, int]:
        if text[start] == ".":  # decimal pair found from its first decimal point
            start = take_back(text, start, DIGITS, 3)
            if start > 0 and text[start - 1] in "-+":
                start -= 1
        elif text[start] == "°":  # DMS pair found from its first degree sign
            start = take_back(text, start, DIGITS, 3)
            start = _take_back_hemisphere(text, start)
        return start, end

    def validate(self, value: str) -> bool | None:
        return is_valid_gps_pair(value)

    def analyze(self, text: str) -> Iterator[Finding]:
        for finding in super().analyze(text):
            start, end = finding.start, finding.end
            if touches(text, start, end, ALNUM):
                continue
            if start > 1 and text[start - 1] == "." and text[start - 2] in DIGITS:
                continue
            evidence = finding.evidence
            if evidence and evidence.pattern == "decimal_pair" and not evidence.context:
                if min(_decimal_places(text[start:end])) < _DECIMALS or _in_number_row(text, start, end):
                    continue
            if evidence and evidence.pattern == "labelled_pair":
                # One finding per labelled value, so that masking keeps the keys (lat=…&lng=…) readable.
                for number in _LABELLED_NUMBER_RE.finditer(text, start, end):
                    yield replace(finding, start=number.start(), end=number.end())
                continue
            yield finding


def _in_number_row(text: str, start: int, end: int) -> bool:
    """Whether a space-separated pair is part of a row of numbers.

    Vector graphics and numeric tables write coordinates of their own as runs of space-separated
    numbers (PostScript `[1 0 0 -1 147.554001 37.706001] Tm`, SVG paths, program output such as
    `1.000000 2.000000 3.000000`); a position written by a person or a log stands apart from other
    numbers or is separated by a comma.
    """
    if any(separator in text[start:end] for separator in _LIST_SEPARATORS):
        return False
    before = start
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    after = end
    while after < len(text) and text[after] in " \t":
        after += 1
    number_before = before < start and before > 0 and text[before - 1] in DIGITS
    number_after = after > end and after < len(text) and text[after] in _NUMBER_STARTS
    return number_before or number_after


_NUMBER_STARTS = frozenset("0123456789-+")
_LIST_SEPARATORS = ",，/;；"


def _decimal_places(value: str) -> list[int]:
    return [len(number.partition(".")[2]) for number, _ in _DECIMAL_RE.findall(value)]


def _take_back_hemisphere(text: str, start: int) -> int:
    """Include a hemisphere written before the degrees: N39°, N 39°, 北纬39°."""
    index = start - 1 if start > 0 and text[start - 1] == " " else start
    if index > 0 and text[index - 1] in "NSEWnsew" and not (index > 1 and text[index - 2] in ALNUM):
        return index - 1
    if index > 1 and text[index - 2 : index] in ("北纬", "南纬", "东经", "西经"):
        return index - 2
    return start
