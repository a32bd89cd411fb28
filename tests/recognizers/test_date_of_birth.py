"""DATE_OF_BIRTH: label-gated birth dates in Chinese, ISO, numeric and English forms."""

from __future__ import annotations

import datetime
from functools import partial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yinsi.recognizers.date_of_birth import is_valid_birth_date
from yinsi.testing import found_values, single_score

ENTITY = "DATE_OF_BIRTH"


found = partial(found_values, entity=ENTITY)


score = partial(single_score, entity=ENTITY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("出生日期：1990-03-07", "1990-03-07"),
        ("出生日期1990/3/7，性别男", "1990/3/7"),  # CJK on both sides
        ("出生日期 1990.03.07", "1990.03.07"),
        ("生日 1990年3月7日", "1990年3月7日"),
        ("他的生日是1990年03月07号。", "1990年03月07号"),
        ("出生年月：1990年3月", "1990年3月"),
        ("出生年月 1990-03", "1990-03"),
        ("出生于1985年12月1日", "1985年12月1日"),
        ("1985年12月1日出生于上海", "1985年12月1日"),  # label after the date
        ("DOB: 07/03/1990", "07/03/1990"),
        ("Date of Birth: 13/03/1990", "13/03/1990"),  # day first
        ("birthday=03-13-1990", "03-13-1990"),  # month first
        ("born on March 7, 1990 in Beijing", "March 7, 1990"),
        ("Born 7 Mar 1990", "7 Mar 1990"),
        ('{"birth_date": "19900307", "sex": "F"}', "19900307"),
        ("csrq=19900307", "19900307"),
        ("出生日期：１９９０－０３－０７", "１９９０－０３－０７"),  # full-width
        ("出生日期：1990-\u200b03-07", "1990-\u200b03-07"),  # zero-width space
        ("https://example.cn/register?dob=1990-03-07&x=1", "1990-03-07"),
        ("生日1990-03-07 入职2024-01-05", "1990-03-07"),  # the nearest label wins
    ],
)
def test_finds(text: str, expected: str) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "1990-03-07",  # no label
        "下单时间 2024-01-05",
        "出生日期：1990-02-30",  # not a real date
        "出生日期：1990-13-01",
        "出生日期：2999-01-01",  # in the future
        "出生日期：1899-12-31",  # before 1900
        "出生日期：13/13/1990",  # neither reading is real
        "生日快乐！2024-01-05",  # the label belongs to another sentence
        "出生日期：199003071",  # inside a longer digit run
        "出生日期：219900307",
        "Adobe 2020-01-01",  # "dob" inside a word
        "生日\n2024-01-05",
        "生日礼物已于2024-01-05发货",  # the label is about another event
        "birthday order created 2024-01-05",
        "csrq,xm\n19900307,张三",  # a CSV header on another line: column context is the table source's job
    ],
)
def test_misses(text: str) -> None:
    assert found(text) == []


def test_label_gives_a_high_score() -> None:
    assert score("出生日期：1990-03-07") >= 0.85
    assert score("证件有效期至：2028-08-08\n出生日期：1970-12-07") >= 0.85  # the line above is irrelevant


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("2024-02-29", True),  # leap day
        ("2023-02-29", False),
        ("1990年3月", True),
        ("19900307", True),
        ("07/03/1990", True),
        ("March 7, 1990", True),
        ("Sept 7, 1990", True),
        ("2026-12-01", False),  # after the fixed "today" below
        ("Foo 7, 1990", False),  # not a month name
    ],
)
def test_validator(value: str, valid: bool) -> None:
    assert is_valid_birth_date(value, today=datetime.date(2026, 1, 1)) is valid


FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d", "%d/%m/%Y", "%B %d, %Y", "%d %b %Y")
LABELS = ("出生日期：", "生日 ", "出生于", "DOB: ", "Date of Birth: ", '"birth_date": "', "csrq=")


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2020, 12, 31)),
    st.sampled_from(FORMATS),
    st.sampled_from(LABELS),
)
def test_every_real_birth_date_is_found_after_its_label(date: datetime.date, form: str, label: str) -> None:
    value = date.strftime(form)
    assert found(f"客户资料 {label}{value}，性别女") == [value]
