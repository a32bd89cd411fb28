"""GPS_COORDINATE: decimal, labelled and DMS pairs, ranges, decimals, context."""

from __future__ import annotations

from functools import partial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import yinsi
from yinsi.recognizers.gps_coordinate import is_plausible_pair, is_valid_gps_pair
from yinsi.testing import found_values, single_score

ENTITY = "GPS_COORDINATE"


found = partial(found_values, entity=ENTITY)


score = partial(single_score, entity=ENTITY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("当前位置：39.9042, 116.4074", "39.9042, 116.4074"),
        ("用户在39.9042,116.4074附近", "39.9042,116.4074"),  # CJK on both sides
        ("(39.9042,116.4074)", "39.9042,116.4074"),
        ("116.397128,39.916527", "116.397128,39.916527"),  # lng,lat as in AMap
        ("-33.8688, 151.2093", "-33.8688, 151.2093"),  # southern hemisphere
        ("40.7128, -74.0060", "40.7128, -74.0060"),
        ("39.9042°N, 116.4074°E", "39.9042°N, 116.4074°E"),
        ("定位 39.904，116.407", "39.904，116.407"),  # three decimals next to a location word
        ("39°54'15\"N 116°24'27\"E", "39°54'15\"N 116°24'27\"E"),
        ("N39°54'15\" E116°24'27\"", "N39°54'15\" E116°24'27\""),
        ("北纬39°54′15″，东经116°24′27″", "北纬39°54′15″，东经116°24′27″"),
        ("位置：３９．９０４２，１１６．４０７４", "３９．９０４２，１１６．４０７４"),  # full-width
        ("39.90\u200b42, 116.4074", "39.90\u200b42, 116.4074"),  # zero-width space
        ("https://maps.example.com/?q=39.9042,116.4074&z=15", "39.9042,116.4074"),
    ],
)
def test_finds(text: str, expected: str) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('lat=39.9&lng=116.4', ['39.9', '116.4']),
        ('{"latitude": 39.9042, "longitude": 116.4074}', ['39.9042', '116.4074']),
        ('经度116.397128 纬度39.916527', ['116.397128', '39.916527']),
        ('纬度：39.916527，经度：116.397128', ['39.916527', '116.397128']),
        ('北纬39.9042°，东经116.4074°', ['39.9042', '116.4074']),
        ("uid=7 lat=38.732630 lng=112.197158 accuracy=53", ["38.732630", "112.197158"]),
    ],
)
def test_labelled_values_are_found_one_by_one(text: str, expected: list[str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "95.1234, 200.5678",  # out of range
        "lat=95.1&lng=116.4",  # latitude out of range
        "经度39.9 纬度116.4",  # labels say the second number is a latitude: out of range
        "39.9, 116.4",  # too few decimals without labels
        "39.904, 116.407",  # three decimals without a location word
        "0.1234, 0.5678",  # two small measurements
        "lat=39&lng=116",  # whole degrees
        "纬度39.9042",  # one number is not a pair
        "39°74'15\"N 116°24'27\"E",  # 74 minutes
        "39°54'75\"N 116°24'27\"E",  # 75 seconds
        "192.168.1.1, 10.0.0.1",
        "1.2.39.9042, 116.4074",  # inside a longer dotted run
        "A39.9042, 116.4074",
    ],
)
def test_misses(text: str) -> None:
    assert found(text) == []


def test_scores() -> None:
    bare = score("39.9042, 116.4074")
    assert 0.5 <= bare <= 0.7
    assert score("GPS坐标 39.9042, 116.4074") > bare
    assert min(f.score for f in yinsi.analyze("lat=39.9&lng=116.4", entities=[ENTITY])) >= 0.8
    assert score("江西省临川区元街421号 (23.91180, 111.23551)") >= 0.5  # 元 of a street name is no price
    assert score("版本 1.2345 2.3456") < 0.3  # decimals next to a version or a price
    assert score("金额 12.3456, 45.6789") < 0.3


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("39.9042, 116.4074", True),
        ("116.4074, 39.9042", True),
        ("116.4074N, 39.9042E", False),  # a latitude of 116
        ("39.9&lng=116.4", True),  # a labelled candidate holds the second label only
        ("116.4&lat=39.9", True),
        ("39.9&lat=116.4", False),
        ("39°54'15\"N 116°24'27\"E", True),
    ],
)
def test_validator(value: str, valid: bool) -> None:
    assert is_valid_gps_pair(value) is valid


def test_plausible_pair_order() -> None:
    assert is_plausible_pair(39.9, 116.4, None)
    assert is_plausible_pair(116.4, 39.9, None)
    assert not is_plausible_pair(116.4, 39.9, True)
    assert not is_plausible_pair(100.0, 100.0, None)


@settings(max_examples=200, deadline=None)
@given(
    st.floats(min_value=-90, max_value=90),
    st.floats(min_value=-180, max_value=180),
    st.integers(min_value=4, max_value=7),
    st.sampled_from((", ", ",", "，", " ")),
)
def test_every_pair_with_enough_decimals_is_found(lat: float, lng: float, places: int, sep: str) -> None:
    shown_lat, shown_lng = f"{lat:.{places}f}", f"{lng:.{places}f}"
    value = f"{shown_lat}{sep}{shown_lng}"
    expected = [] if abs(float(shown_lat)) < 1 and abs(float(shown_lng)) < 1 else [value]
    assert found(f"用户位于{value}附近") == expected
