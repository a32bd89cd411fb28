"""CN_LICENSE_PLATE: GA 36-2018 plates, new-energy serials, special suffixes, separators."""

from __future__ import annotations

import random
from functools import partial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yinsi.testing import found_values, single_score

ENTITY = "CN_LICENSE_PLATE"


found = partial(found_values, entity=ENTITY)


score = partial(single_score, entity=ENTITY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("车牌号：京A12345", "京A12345"),
        ("车主驾驶京A12345离开", "京A12345"),  # CJK on both sides
        ("粤B·D12345新能源", "粤B·D12345"),  # small new-energy plate, middle dot
        ("粤B-D12345", "粤B-D12345"),
        ("粤BDA1234", "粤BDA1234"),  # new energy, letter in the second position
        ("plate: 苏E-12345F", "苏E-12345F"),  # large new-energy plate
        ("京A 12345", "京A 12345"),
        ("沪A 1234学", "沪A 1234学"),  # driving school
        ("粤Z·1234港", "粤Z·1234港"),  # Guangdong–Hong Kong cross-border
        ("鲁B1234挂", "鲁B1234挂"),  # trailer
        ("京A1234警", "京A1234警"),
        ("沪A1234领", "沪A1234领"),
        ("浙A8B8C8", "浙A8B8C8"),  # two letters in the serial
        ("车牌：川Ａ１２３４５。", "川Ａ１２３４５"),  # full-width letters and digits
        ("车牌：川A\u200b12345", "川A\u200b12345"),  # zero-width space
        ("京A\u300012345", "京A\u300012345"),  # ideographic space as separator
        ('{"cph": "琼A12345"}', "琼A12345"),
        ("https://park.example.cn/pay?cph=贵A12345&t=1", "贵A12345"),
    ],
)
def test_finds(text: str, expected: str) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "京I12345",  # I and O are not office letters
        "京O12345",
        "京A123",
        "京A1234567",  # inside a longer run
        "京A12345X",
        "京ABCD12",  # four letters in the serial
        "京AAB1C2",  # three letters in a 5-character serial
        "港A12345",  # 港 is a suffix, not a province
        "京a12345",
        "北京12345",
    ],
)
def test_misses(text: str) -> None:
    assert found(text) == []


def test_label_raises_and_business_key_lowers_the_score() -> None:
    bare = score("京A12345")
    assert 0.4 <= bare <= 0.6
    assert score("车牌号 京A12345") > bare
    assert score("工单号 京A12345") < bare


PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(PROVINCES),
    st.sampled_from(LETTERS),
    st.lists(st.sampled_from("0123456789"), min_size=5, max_size=5),
    st.lists(st.sampled_from(LETTERS), max_size=2),
    st.sampled_from(("", "·", " ", "-")),
    st.randoms(use_true_random=False),
)
def test_every_ordinary_plate_is_found(
    province: str, office: str, digits: list[str], letters: list[str], separator: str, rng: random.Random
) -> None:
    serial = digits[: 5 - len(letters)] + letters
    rng.shuffle(serial)
    value = f"{province}{office}{separator}{''.join(serial)}"
    assert found(f"车辆{value}驶入") == [value]
