"""Context rules: labelled names and addresses, titles, address tails, dotted names."""

from __future__ import annotations

import pytest

from yinsi.ner import rules


def _values(text: str, spans: list[rules.RuleSpan]) -> list[str]:
    return [text[s.start : s.end] for s in spans]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("收件人：张伟，电话：13800138000", ["张伟"]),
        ("收货人:欧阳娜娜 手机:13800138000", ["欧阳娜娜"]),
        ('{"name": "李秀英", "age": 30}', ["李秀英"]),
        ('{"userName":"王芳"}', ["王芳"]),
        ("consignee=John Smith, tel 13800138000", ["John Smith"]),
        ("联系人 王小明 13912345678", ["王小明"]),
        ("姓名：买买提·阿凡提", ["买买提·阿凡提"]),
        ("客户姓名：赵四先生", ["赵四"]),
        ("收件人：请填写", []),
        ("fileName: report.pdf", []),
        ("appName=微信", []),
    ],
)
def test_labelled_people(text: str, names: list[str]) -> None:
    assert _values(text, rules.labelled_people(text)) == names


@pytest.mark.parametrize(
    ("text", "addresses"),
    [
        ("地址：湖北省武汉市洪山区珞喻路1037号，电话：027-87541234", ["湖北省武汉市洪山区珞喻路1037号"]),
        ("收货地址:XX小区3栋2单元1502室 13800138000", ["XX小区3栋2单元1502室"]),
        ('"deliveryAddress": "河南省信阳市光山县西宁路749号"', ["河南省信阳市光山县西宁路749号"]),
        ("地址：上海浦东张江园区 软件园 12 号楼", ["上海浦东张江园区 软件园 12 号楼"]),
        ("地址：见附件", []),
        ("IP地址：192.168.1.1", []),
    ],
)
def test_labelled_addresses(text: str, addresses: list[str]) -> None:
    assert _values(text, rules.labelled_addresses(text)) == addresses


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [("张先生", 3, 1), ("李女士", 3, 1), ("王老师好", 3, 1), ("张伟", 2, 2), ("先生", 2, 2)],
)
def test_strip_title(text: str, end: int, expected: int) -> None:
    assert rules.strip_title(text, 0, end) == expected


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("阳光小区3栋2单元1502室，", 4, "阳光小区3栋2单元1502室"),
        ("软件园 12 号楼", 3, "软件园 12 号楼"),
        ("珞喻路1037号", 3, "珞喻路1037号"),
        ("武汉市，电话", 3, "武汉市"),
    ],
)
def test_extend_address(text: str, end: int, expected: str) -> None:
    assert text[: rules.extend_address(text, end)] == expected


@pytest.mark.parametrize(
    ("text", "street_level"),
    [("珞喻路1037号", True), ("阳光小区", True), ("武汉市", False), ("湖北省武汉市洪山区", False)],
)
def test_street_level(text: str, street_level: bool) -> None:
    assert rules.is_street_level(text, 0, len(text)) is street_level


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("买买提·阿凡提说", (0, 3), "买买提·阿凡提"),
        ("这是买买提·阿凡提的书", (2, 5), "买买提·阿凡提"),
        ("爱新觉罗·溥仪和他", (0, 4), "爱新觉罗·溥仪"),
        ("张伟说", (0, 2), "张伟"),
        ("买买提·阿凡提来自新疆", (0, 6), "买买提·阿凡提"),
    ],
)
def test_widen_dotted_name(text: str, span: tuple[int, int], expected: str) -> None:
    start, end = rules.widen_dotted_name(text, *span)
    assert text[start:end] == expected


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("上官婉儿今天值班", 2, "上官婉儿"),
        ("欧阳先生您好", 2, "欧阳"),
        ("司马说", 2, "司马"),
        ("诸葛亮是", 2, "诸葛亮"),
        ("张伟今天", 2, "张伟"),
    ],
)
def test_complete_compound_surname(text: str, end: int, expected: str) -> None:
    assert text[: rules.complete_compound_surname(text, 0, end)] == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("投诉人王先生称", ["王"]),
        ("王先生，您好", ["王"]),
        ("业主陈女士在家", ["陈"]),
        ("欧阳女士您好", ["欧阳"]),
        ("李明先生到了", []),  # 明 follows a name character: left to the tagger
        ("我们先生产", []),
    ],
)
def test_titled_surnames(text: str, names: list[str]) -> None:
    assert _values(text, rules.titled_surnames(text)) == names
