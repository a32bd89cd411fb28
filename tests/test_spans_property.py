"""Every reported span lies in the original text and still holds its entity when analysed on its own.

Texts are random mixtures of Chinese filler, ASCII, full-width characters, zero-width characters and
valid identifiers (some written in full-width or split by zero-width characters), so the offset map of
normalisation, the boundary rules and overlap resolution are exercised together.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import yinsi
from yinsi.core.types import Finding
from yinsi.recognizers.base import PatternRecognizer
from yinsi.recognizers.registry import discover

# Pattern-based entities only: they are fast enough for many examples, and model-based ones (names,
# addresses) legitimately depend on the surrounding sentence.
STRUCTURED = sorted(
    {cls.entity_type for cls in discover() if isinstance(cls, type) and issubclass(cls, PatternRecognizer)}
)

IDENTIFIERS = (
    "110105199003071239",
    "11010519491231002X",
    "13800138000",
    "+86 138 0013 8000",
    "zhang.san@qq.com",
    "E12345678",
    "C12345678",
    "H1234567801",
    "京A12345",
    "粤B·D12345",
    "192.168.1.10",
    "10.0.0.5",
    "2001:db8::8a2e:370:7334",
    "00:1A:2B:3C:4D:5E",
    "39.9042, 116.4074",
    "https://example.com/a?b=1",
    "www.example.com.cn",
)
CHINESE = "的一是在了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说"
LABELS = ("手机", "身份证", "护照", "车牌", "出生日期", "订单号", "版本", "邮箱", "坐标", "IP")
ASCII = "abcxyzABC0123456789 .,:;-_/=&?@#()[]'\""
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
FULLWIDTH = "０１２３４５６７８９ＡＢＣａｂｃ＠．－＿／：，。（）\u3000"


# What people write in full width inside identifiers (and the normaliser rewrites); full-width colons
# and commas are ordinary Chinese punctuation and stay as they are.
_WIDENED = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ@.-+_/=&%#")


def _to_fullwidth(value: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c in _WIDENED else c for c in value)


@st.composite
def identifiers(draw: st.DrawFn) -> str:
    value = draw(st.sampled_from(IDENTIFIERS))
    form = draw(st.sampled_from(("plain", "plain", "fullwidth", "invisible")))
    if form == "fullwidth":
        return _to_fullwidth(value)
    if form == "invisible":
        position = draw(st.integers(min_value=1, max_value=len(value) - 1))
        return value[:position] + draw(st.sampled_from(INVISIBLE)) + value[position:]
    return value


PIECES = st.one_of(
    st.text(alphabet=CHINESE, min_size=1, max_size=8),
    st.text(alphabet=ASCII, min_size=1, max_size=6),
    st.text(alphabet=FULLWIDTH, min_size=1, max_size=4),
    st.text(alphabet=INVISIBLE, min_size=1, max_size=2),
    st.sampled_from(LABELS),
    identifiers(),
)
TEXTS = st.lists(PIECES, min_size=1, max_size=12).map("".join)


def _holds_alone(text: str, finding: Finding) -> bool:
    alone = text[finding.start : finding.end]
    found = yinsi.analyze(alone, entities=[finding.entity_type])
    return any(f.entity_type == finding.entity_type for f in found)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_spans_lie_in_the_original_text_and_hold_their_entity(text: str) -> None:
    for finding in yinsi.analyze(text, entities=STRUCTURED):
        assert 0 <= finding.start < finding.end <= len(text)
        original = text[finding.start : finding.end]
        assert original.strip(INVISIBLE), "a span of invisible characters only"
        assert original[0] not in INVISIBLE and original[-1] not in INVISIBLE, "span starts or ends invisibly"
        # Findings that needed a nearby label cannot be expected to stand alone; all others must.
        if finding.evidence is None or not finding.evidence.context:
            assert _holds_alone(text, finding), (finding, original)


@given(identifiers())
def test_every_embedded_identifier_is_found_between_chinese_text(identifier: str) -> None:
    text = "的一是" + identifier + "在了有"
    findings = yinsi.analyze(text, entities=STRUCTURED)
    start = text.index(identifier)
    assert any(f.start <= start and start + len(identifier) <= f.end for f in findings), findings
