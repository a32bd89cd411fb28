"""PERSON, ADDRESS, LOCATION and ORGANIZATION through analyze(): tables of names, addresses and traps."""

from __future__ import annotations

import time

import pytest

from yinsi import analyze
from yinsi.ner.tagger import tagger_available
from yinsi.recognizers.named_entity import NamedEntityRecognizer
from yinsi.testing import check_recognizer

needs_model = pytest.mark.skipif(
    not tagger_available(), reason="python-crfsuite (the ner extra) not installed"
)
NAMES = ("PERSON", "ADDRESS", "LOCATION", "ORGANIZATION")


def found(text: str, entity: str) -> list[str]:
    return [text[f.start : f.end] for f in analyze(text, entities=NAMES) if f.entity_type == entity]


def test_contract() -> None:
    check_recognizer(NamedEntityRecognizer)


@needs_model
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("收件人：张伟，电话：13800138000", "张伟"),
        ("客户王秀英反映商品有破损。", "王秀英"),
        ("联系人 刘洋 13912345678", "刘洋"),
        ('{"name": "李娜", "mobile": "13800138000"}', "李娜"),
        ("欧阳娜娜女士您好，您的包裹已送达。", "欧阳娜娜"),
        ("上官婉儿今天值班。", "上官婉儿"),
        ("司马光砸缸的故事", "司马光"),
        ("诸葛亮是三国时期的政治家。", "诸葛亮"),
        ("张先生您好，请确认订单。", "张"),
        ("李女士的快递到了。", "李"),
        ("王老师布置了作业。", "王"),
        ("陈建国先生于昨日签收。", "陈建国"),
        ("投诉人王先生称其手机有质量问题。", "王"),
        ("买买提·阿凡提来自新疆。", "买买提·阿凡提"),
        ("consignee=John Smith, tel 13800138000", "John Smith"),
        ("CUSTOMER NAME: Anna-Lena Müller", "Anna-Lena Müller"),  # a label in capitals
        ("阿里巴巴的马云说，要让天下没有难做的生意。", "马云"),
    ],
)
def test_person_found(text: str, name: str) -> None:
    assert name in found(text, "PERSON")


@pytest.mark.parametrize(
    "text",
    [
        "今天周一，大家都很高兴。",
        "订单已发货，请注意查收。",
        "中国银行今天发布了年报。",
        "长江大桥通车了。",
        "我们周末去王府井逛街吧。",
        "向前看，平安到家。",
        # Latin words after a label are a name only when capitalised as one (shell scripts, API docs)
        'NAME=UDP4ECHO; desc="security of UDP"',
        "name: security of UDP",
        '{"name": "About this documentation"}',
        "NAME: Sectigo ECC Domain",
    ],
)
def test_person_not_found(text: str) -> None:
    assert found(text, "PERSON") == []


@needs_model
@pytest.mark.parametrize(
    "address",
    [
        "湖北省武汉市洪山区珞喻路1037号",
        "深圳南山区科苑路88号",
        "上海浦东张江园区 软件园 12 号楼",
        "阳光小区3栋2单元1502室",
        "北京市海淀区中关村大街27号",
        "浙江省杭州市西湖区文三路90号东方通信大厦5楼",
    ],
)
@pytest.mark.parametrize("template", ["地址：{}，电话：13800138000", "请寄到{}，谢谢", "{}"])
def test_address_whole_span(address: str, template: str) -> None:
    assert address in found(template.format(address), "ADDRESS")


@needs_model
def test_address_without_preposition() -> None:
    text = "昨天下午，小区业主陈女士在6号楼2单元门口摔倒。"
    assert found(text, "ADDRESS") == ["6号楼2单元"]
    assert found(text, "PERSON") == ["陈"]


@pytest.mark.parametrize(
    "address", ["湖北省武汉市洪山区珞喻路1037号", "阳光小区3栋2单元1502室"]
)
def test_labelled_address_found_without_model_help(address: str) -> None:
    # The label rule alone vouches for an address with street-level parts.
    assert address in found(f"收货地址：{address}", "ADDRESS")


@needs_model
@pytest.mark.parametrize(
    ("text", "place"),
    [("他去年去了武汉出差。", "武汉"), ("我们周末去王府井逛街吧。", None), ("长江大桥通车了。", None)],
)
def test_bare_place_is_location_not_address(text: str, place: str | None) -> None:
    assert found(text, "ADDRESS") == []
    assert found(text, "PERSON") == []
    if place is not None:
        assert place in found(text, "LOCATION")


@needs_model
@pytest.mark.parametrize(
    ("text", "organization"),
    [
        ("中国银行今天发布了年报。", "中国银行"),
        ("阿里巴巴的马云说", "阿里巴巴"),
        ("我在腾讯公司工作", "腾讯公司"),
    ],
)
def test_organization(text: str, organization: str) -> None:
    assert organization in found(text, "ORGANIZATION")
    assert organization not in found(text, "PERSON")


@needs_model
def test_offsets_map_back_through_normalisation() -> None:
    text = "收件人：\u200b张伟，地址：深圳南山区科苑路８８号"
    assert [text[f.start : f.end] for f in analyze(text, entities=["PERSON"])] == ["张伟"]
    addresses = [text[f.start : f.end] for f in analyze(text, entities=["ADDRESS"])]
    assert addresses == ["深圳南山区科苑路８８号"]


@needs_model
def test_scores_rank_confirmed_names_higher() -> None:
    labelled = analyze("收件人：张伟", entities=["PERSON"])[0]
    prose = analyze("昨天张伟去了公司。", entities=["PERSON"])[0]
    assert labelled.score > prose.score >= 0.5


def test_long_lines_and_ascii_text() -> None:
    assert found("x" * 5000, "PERSON") == []
    text = "，".join(["客户张伟反映问题"] * 200)
    assert len(found(text, "PERSON")) >= 150


def test_long_ascii_lines_beside_chinese_stay_linear() -> None:
    # One Chinese line and a 200 000-character ASCII line: must not scan the long line quadratically.
    text = "客户张伟来电\n" + "a" * 200_000 + "\n" + "b=1 " * 50_000
    started = time.perf_counter()
    analyze(text, entities=NAMES)
    assert time.perf_counter() - started < 10


def test_rules_alone_without_the_ner_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without python-crfsuite, labelled names and addresses are still found; free-text names are not."""
    import yinsi.ner.tagger as tagger_module
    from yinsi.pipeline import Analyzer

    monkeypatch.setattr(tagger_module, "tagger_available", lambda: False)
    analyzer = Analyzer([NamedEntityRecognizer()])
    text = "收件人：张伟，地址：湖北省武汉市洪山区珞喻路1037号。昨天李娜来过。王先生已签收。"
    found_spans = {(text[f.start : f.end], f.entity_type) for f in analyzer.analyze(text)}
    expected = {("张伟", "PERSON"), ("湖北省武汉市洪山区珞喻路1037号", "ADDRESS"), ("王", "PERSON")}
    assert found_spans == expected


class _RecordingTagger:
    """Stands in for the CRF: remembers the windows it is asked to tag."""

    def __init__(self) -> None:
        self.windows: list[str] = []

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        self.windows.append(text)
        return []


@pytest.mark.parametrize(
    ("segment", "windows"),
    [
        # 20 characters of context before a Chinese run (labels), 6 after it (features see ±2).
        ("x" * 50 + "张伟" + "y" * 50, ["x" * 20 + "张伟" + "y" * 6]),
        ("张伟" + "y" * 50, ["张伟" + "y" * 6]),
        # Runs at most 26 characters apart are one window; further apart, two.
        ("西宁路" + "1" * 26 + "周花园", ["西宁路" + "1" * 26 + "周花园"]),
        ("西宁路" + "1" * 27 + "周花园", ["西宁路" + "1" * 6, "1" * 20 + "周花园"]),
        ("order=12345 status=ok", []),
    ],
)
def test_tagger_reads_chinese_runs_with_margins(segment: str, windows: list[str]) -> None:
    from yinsi.recognizers.named_entity import _tag

    tagger = _RecordingTagger()
    _tag(tagger, segment)  # type: ignore[arg-type]
    assert tagger.windows == windows


def test_repeated_lines_are_answered_from_the_cache() -> None:
    from yinsi.recognizers.named_entity import _remembered, clear_cache

    clear_cache()
    line = "收件人：张伟，地址：湖北省武汉市洪山区珞喻路1037号"
    assert found(line, "PERSON") == ["张伟"]
    assert _remembered.cache_info().currsize == 1
    repeated = analyze("\n".join([line] * 50), entities=NAMES)
    assert _remembered.cache_info().currsize == 1
    assert [f.start for f in repeated if f.entity_type == "PERSON"] == [
        index * (len(line) + 1) + line.index("张伟") for index in range(50)
    ]
    clear_cache()
    assert _remembered.cache_info().currsize == 0


def test_long_segments_are_not_remembered() -> None:
    from yinsi.recognizers.named_entity import _remembered, clear_cache

    clear_cache()
    # One 1 507-character segment (no sentence end before 。) and the short tail "再见".
    text = "客户张伟来电" + "好" * 1500 + "。再见"
    assert analyze(text, entities=NAMES) == analyze(text, entities=NAMES)
    assert _remembered.cache_info().currsize == 1
