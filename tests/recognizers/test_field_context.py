"""Context-first scanning: hotword windows, field-bounded context, CSV/TSV column names as context."""

from __future__ import annotations

import re

import pytest

import yinsi
from yinsi.recognizers._field_context import column_cells, spellings
from yinsi.text.trie import trie_regex


def found(text: str, entities: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.entity_type) for f in yinsi.analyze(text, entities=list(entities))]


def test_trie_regex_matches_exactly_the_words() -> None:
    words = ["card", "cardno", "car", "qq", "qq号", "扣扣"]
    regex = re.compile(trie_regex(words))
    assert regex.pattern == "(?:car(?:d(?:no)?)?|qq(?:号)?|扣扣)"
    assert [m.group() for m in regex.finditer("cardno, car, qq号 扣扣 cards")] == [
        "cardno", "car", "qq号", "扣扣", "card",
    ]


def test_spellings_cover_usual_casings() -> None:
    assert spellings(["post code", "邮编"]) == ("post code", "POST CODE", "Post code", "Post Code", "邮编")


CSV = (
    "订单号,姓名,邮编,QQ,银行卡号\n"
    "202412191756281311,郑鑫,651019,12345678,6013820800012345672\n"
    "202305101651469543,杨璐,654612,87654321,6013820800012345672\n"
)


@pytest.mark.parametrize(
    ("entity", "expected"),
    [
        ("CN_POSTAL_CODE", ["651019", "654612"]),
        ("QQ_NUMBER", ["12345678", "87654321"]),
        ("BANK_CARD", ["6013820800012345672", "6013820800012345672"]),
    ],
)
def test_column_names_label_the_cells_below(entity: str, expected: list[str]) -> None:
    assert [value for value, _ in found(CSV, (entity,))] == expected


def test_tab_separated_tables_too() -> None:
    text = "name\tzip\tcity\n张三\t518000\t深圳\n李四\t200120\t上海\n"
    assert found(text, ("CN_POSTAL_CODE",)) == [("518000", "CN_POSTAL_CODE"), ("200120", "CN_POSTAL_CODE")]


def test_column_context_stops_where_the_table_does() -> None:
    text = "姓名,邮编,城市\n张三,518000,深圳\n\n备注 200120 不是邮编所在列，只是一段话，没有列\n"
    cells = column_cells(text, text.index("邮编"), text.index("邮编") + 2)
    assert [text[cell.start : cell.end] for cell in cells] == ["518000"]


def test_a_sentence_with_commas_is_no_header() -> None:
    text = "请把邮编写在2024年新表格里, 第3列, 第4列\n1,518000,3,4\n"
    assert column_cells(text, text.index("邮编"), text.index("邮编") + 2) == []


def test_a_huge_line_is_no_header() -> None:
    """Header lines are bounded, so a hotword on a long minified line costs no scan of the line."""
    text = "x," * 5000 + "邮编,y\n" + "1," * 5000 + "518000,2\n"
    assert column_cells(text, text.index("邮编"), text.index("邮编") + 2) == []


def test_a_data_row_is_no_header() -> None:
    """A hotword in a row with values (digits) labels nothing below it."""
    text = "张三,邮编,518000\n李四,x,200120\n"
    assert column_cells(text, text.index("邮编"), text.index("邮编") + 2) == []


def test_a_label_of_the_next_json_field_does_not_count() -> None:
    text = '{"邮编": "345742", "QQ": "104251", "certNo": "x"}'
    assert found(text, ("CN_POSTAL_CODE", "QQ_NUMBER")) == [
        ("345742", "CN_POSTAL_CODE"),
        ("104251", "QQ_NUMBER"),
    ]


def test_a_label_on_the_previous_line_does_not_count() -> None:
    assert found("QQ\n12345678", ("QQ_NUMBER",)) == []
