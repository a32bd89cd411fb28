"""CN_USCC: GB 32100 check character, embedded GB 11714 organisation code, alphanumeric boundaries."""

from __future__ import annotations

import pytest
from stdnum.cn import uscc

import yinsi
from yinsi.recognizers.cn_uscc import is_valid_uscc, organization_code_check

SAIC = "91110000600037341L"
SHANGHAI = "91310115MA1H7GKQ6Y"
SOCIAL = "52110000500000007X"  # 民政 registration, social organisation


def found(text: str) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.entity_type) for f in yinsi.analyze(text, entities=["CN_USCC"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"统一社会信用代码{SAIC}谢谢", SAIC),
        (f"纳税人识别号：{SHANGHAI}，开票", SHANGHAI),
        (f'{{"uscc":"{SOCIAL}"}}', SOCIAL),
        (f"https://example.com/company?code={SHANGHAI}&p=1", SHANGHAI),
        ("税号：９１１１００００６０００３７３４１Ｌ", "９１１１００００６０００３７３４１Ｌ"),
        (SAIC, SAIC),  # both checks hold: no context needed
        ("统一社会信用代码：911100006000373451", "911100006000373451"),  # all digits, labelled
    ],
)
def test_finds_uscc(text: str, expected: str) -> None:
    assert found(text) == [(expected, "CN_USCC")]


@pytest.mark.parametrize(
    "text",
    [
        "91110000600037341K",  # wrong check character
        f"ID{SAIC}",  # glued to letters
        f"{SAIC}9",
        f"9{SAIC}",
        "B1110000600037341L",  # unknown registration authority
        "91990000600037341L",  # region 99 does not exist
        "91110000600037341l",  # check characters are upper case
        "key=order:911100006000373451",  # passes MOD 31 but all digits and unlabelled: a business key
    ],
)
def test_ignores_non_uscc(text: str) -> None:
    assert found(text) == []


def test_organization_code_check_character() -> None:
    """GB 11714-1997 example: 60003734 has check character 1 (from SAIC's code above)."""
    assert organization_code_check("60003734") == "1"


def test_code_failing_only_the_organization_check_scores_lower() -> None:
    body = "911100006000373" + "42"  # organisation code check character 2 instead of 1
    code = body + uscc.calc_check_digit(body)
    assert is_valid_uscc(code) is None
    weak = yinsi.analyze(code, entities=["CN_USCC"])[0].score
    strong = yinsi.analyze(SAIC, entities=["CN_USCC"])[0].score
    assert weak < strong


def test_resident_id_label_lowers_a_weakly_checked_code() -> None:
    """An ID with a wrong check digit that passes GB 32100 by chance stays below the default 0.5."""
    body = "53332519680620669"
    code = body + uscc.calc_check_digit(body)
    assert is_valid_uscc(code) is None
    assert yinsi.analyze(f"证件号码 {code} 校验失败", entities=["CN_USCC"], score_threshold=0.5) == []


def test_resident_id_is_not_taken_for_a_uscc() -> None:
    findings = yinsi.analyze("身份证110101199003078515", entities=["CN_USCC", "CN_RESIDENT_ID"])
    assert [f.entity_type for f in findings] == ["CN_RESIDENT_ID"]
