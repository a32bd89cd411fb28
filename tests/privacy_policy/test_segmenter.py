"""Segmenter: heading recognition, clause splitting with offsets, language detection."""

from __future__ import annotations

import pytest

from yinsi.privacy_policy.segmenter import MAX_CLAUSE, detect_language, segment


@pytest.mark.parametrize(("line", "level"), [
    ("# 隐私政策", 1),
    ("### （一）注册登录", 3),
    ("一、我们如何收集和使用您的个人信息", 1),
    ("十二、附则", 1),
    ("（三）第三方SDK", 2),
    ("(二) 设备权限", 2),
    ("第三条 信息保存", 2),
    ("第一章 总则", 1),
    ("1. 我们收集的信息", 2),
    ("2.3 Cookies", 3),
    ("1. Information We Collect", 2),
    ("Section 4 Your rights", 1),
    ("联系我们", 3),
    ("Contact Us", 3),
])
def test_headings(line: str, level: int) -> None:
    policy = segment(f"{line}\n正文一句。\n")
    assert policy.sections[0].heading == line.lstrip("# ").strip()
    assert policy.sections[0].level == level


@pytest.mark.parametrize("line", [
    "1. 当您注册账号时，我们会收集您的手机号码。",  # a numbered sentence is a list item
    "电话 400-123-4567",  # digits: body text
    "邮箱：privacy@example.com",
    "1. We collect your e-mail address when you sign up for an account with us today.",
    "我们会收集您的位置信息，用于推荐附近的内容，并在您关闭定位权限后停止收集。",
])
def test_body_lines_are_not_headings(line: str) -> None:
    policy = segment(line)
    assert policy.sections[0].heading == ""
    assert policy.clauses[0].text.startswith(line[:5])


@pytest.mark.parametrize(("text", "clauses"), [
    ("我们收集手机号；用于登录。您可以注销！", ["我们收集手机号；", "用于登录。", "您可以注销！"]),
    ("We collect data. We share it; rarely.", ["We collect data.", "We share it;", "rarely."]),
    ("Use e.g. e-mail. Example Co. Ltd. is here.", ["Use e.g. e-mail.", "Example Co. Ltd. is here."]),
    ("Version 2.0 applies. J. Smith signs.", ["Version 2.0 applies.", "J. Smith signs."]),
    ("1. 我们收集手机号。", ["1. 我们收集手机号。"]),
    ("“您同意。”然后继续", ["“您同意。”", "然后继续"]),
])
def test_clause_splitting(text: str, clauses: list[str]) -> None:
    assert [clause.text for clause in segment(text).clauses] == clauses


def test_offsets_point_into_the_text() -> None:
    text = "# 标题\r\n\r\n一、收集\n我们收集手机号；用于登录。\n  缩进的一句。\n"
    policy = segment(text)
    for clause in policy.clauses:
        assert text[clause.start:clause.end] == clause.text
    assert [c.heading for c in policy.clauses] == ["一、收集"] * 3


def test_wrapped_english_lines_are_joined() -> None:
    policy = segment("We keep your data for\nthree years and then delete it.\nNext sentence.")
    assert [clause.text for clause in policy.clauses] == [
        "We keep your data for three years and then delete it.", "Next sentence."]


def test_clause_budget() -> None:
    policy = segment("字" * (MAX_CLAUSE * 2 + 5))
    assert [len(clause.text) for clause in policy.clauses] == [MAX_CLAUSE, MAX_CLAUSE, 5]


@pytest.mark.parametrize(("text", "language"), [
    ("我们会收集您的IMEI和Android ID以及OAID。", "zh"),
    ("We collect your IMEI.", "en"),
    ("", "zh"),
])
def test_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_with_next_stays_in_its_section() -> None:
    policy = segment("一、甲\n用于登录；单独同意。\n二、乙\n另一节。")
    first, second, third = policy.clauses
    assert policy.with_next(first) == "用于登录； 单独同意。"
    assert policy.with_next(second) == "单独同意。"
    assert policy.with_next(third) == "另一节。"


def test_around_takes_the_neighbours_in_its_section() -> None:
    policy = segment("一、甲\n指纹属于敏感信息。仅用于支付。需单独同意。\n二、乙\n另一节。")
    first, second, _, fourth = policy.clauses
    assert policy.around(first) == "指纹属于敏感信息。 仅用于支付。"
    assert policy.around(second) == "指纹属于敏感信息。 仅用于支付。 需单独同意。"
    assert policy.around(fourth) == "另一节。"
