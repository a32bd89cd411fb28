"""CN_LANDLINE: area codes, brackets, international prefix, extensions, 400/800 service numbers."""

from __future__ import annotations

import pytest

import yinsi


def found(text: str, entities: tuple[str, ...] = ("CN_LANDLINE",)) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.entity_type) for f in yinsi.analyze(text, entities=list(entities))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("电话010-62345678谢谢", "010-62345678"),
        ("座机：(010)62345678", "(010)62345678"),
        ("联系我们（0755）8888 8888。", "（0755）8888 8888"),
        ("0755 8888 8888", "0755 8888 8888"),
        ("办公电话0571-8888-8888", "0571-8888-8888"),
        ("总机021-62345678转123，", "021-62345678转123"),
        ("tel 010-62345678 ext. 12", "010-62345678 ext. 12"),
        ("分机 0898-66668888-801", "0898-66668888-801"),
        ("拉萨0891-6234567", "0891-6234567"),  # 7-digit local number
        ("固定电话：0891 6234 567\n", "0891 6234 567"),  # 7 digits grouped 4-3
        ("tel: +86 21 6234 5678", "+86 21 6234 5678"),
        ("+86-10-62345678", "+86-10-62345678"),
        ("+86 (0)10 62345678", "+86 (0)10 62345678"),
        ("0086 755 88888888", "0086 755 88888888"),
        ("客服热线400-820-8820", "400-820-8820"),
        ("免费电话 800 820 8820", "800 820 8820"),
        ("400-8208-820", "400-8208-820"),
        ('{"tel":"057188886666"}', "057188886666"),
        ("https://example.com/shop?tel=01062345678&id=1", "01062345678"),
        ("电话：０１０－６２３４５６７８", "０１０－６２３４５６７８"),
    ],
)
def test_finds_landlines(text: str, expected: str) -> None:
    assert found(text) == [(expected, "CN_LANDLINE")]


@pytest.mark.parametrize(
    "text",
    [
        "13800138000",  # mobile
        "+86 138 0013 8000",
        "010-12345678",  # local numbers never start with 1
        "+86 10 1234 5678",
        "订单号20240101062345678",  # inside a longer digit run
        "01062345678901",
        "500-820-8820",  # not a service prefix
        "400-820-88",  # too short
        "邮编 100000",
        "trace=a9ab1b02943911df9a04683649935d6",  # inside a hex trace ID
    ],
)
def test_ignores_non_landlines(text: str) -> None:
    assert found(text) == []


def test_mobile_number_stays_mobile() -> None:
    assert found("电话：13800138000", ("CN_LANDLINE", "CN_MOBILE")) == [("13800138000", "CN_MOBILE")]


def test_context_raises_and_negative_context_lowers() -> None:
    bare = yinsi.analyze("010-62345678", entities=["CN_LANDLINE"])[0].score
    labelled = yinsi.analyze("联系电话010-62345678", entities=["CN_LANDLINE"])[0].score
    order = yinsi.analyze("流水号 010-62345678", entities=["CN_LANDLINE"])[0].score
    assert order < bare < labelled
