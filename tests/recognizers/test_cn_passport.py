"""CN_PASSPORT: PRC passport series, MRZ check digits, labels and business-key context."""

from __future__ import annotations

from functools import partial

import pytest

from yinsi.recognizers.cn_passport import is_valid_mrz_line2, mrz_check_digit
from yinsi.testing import found_values, single_score

ENTITY = "CN_PASSPORT"
MRZ = "E123456782CHN9001011M3001019NGKELNPMMBPFA902"


found = partial(found_values, entity=ENTITY)


score = partial(single_score, entity=ENTITY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("护照号码：E12345678", "E12345678"),
        ("护照号E12345678已核验", "E12345678"),  # CJK on both sides
        ("passport no. EA1234567, expires 2030", "EA1234567"),
        ("旧护照G12345678已注销", "G12345678"),
        ("外交护照 DE1234567", "DE1234567"),
        ("公务护照号码：S1234567", "S1234567"),
        ("护照：Ｅ１２３４５６７８。", "Ｅ１２３４５６７８"),  # full-width
        ("护照：E12\u200b345678", "E12\u200b345678"),  # zero-width space inside
        ('{"passport_no": "E98765432", "name": "张三"}', "E98765432"),
        ("https://visa.example.cn/apply?hzhm=EB7654321&step=2", "EB7654321"),
        (MRZ, MRZ),
        ("P<CHNZHANG<<SAN<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n" + MRZ, MRZ),
    ],
)
def test_finds(text: str, expected: str) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "型号 P1234567",  # official series shape without a label
        "零件D1234567",
        "E1234567890",  # longer than any series
        "XE12345678",  # glued to letters
        "E12345678901",
        "EI1234567",  # I and O are not series letters
        "EO1234567",
        "A12345678",  # not a PRC series letter
        "GA1234567",  # the G series has no letter form
        "e12345678",
        "E123456783CHN9001011M3001019NGKELNPMMBPFA902",  # MRZ with a wrong document check digit
        "E123456782CHN9001011M3001019NGKELNPMMBPFA903",  # wrong composite check digit
    ],
)
def test_misses(text: str) -> None:
    assert found(text) == []


def test_label_raises_and_business_key_lowers_the_score() -> None:
    bare = score("E12345678")
    assert score("护照号码 E12345678") > bare
    assert score("订单号 E12345678") < bare
    assert 0.3 <= bare <= 0.6  # no check digit: only moderately likely on its own


def test_validated_mrz_scores_high_without_context() -> None:
    assert score(MRZ) >= 0.95


def test_mrz_check_digits_follow_icao_9303() -> None:
    # The specimen from ICAO Doc 9303 part 4, appendix A.
    assert is_valid_mrz_line2("L898902C36UTO7408122F1204159ZE184226B<<<<<10")
    assert mrz_check_digit("L898902C3") == 6
    assert mrz_check_digit("740812") == 2
    assert not is_valid_mrz_line2("L898902C36UTO7408122F1204159ZE184226B<<<<<11")
