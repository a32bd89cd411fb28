"""IMEI: Luhn, reporting body, grouped form, modest bare score, context and negative context."""

from __future__ import annotations

import pytest

import yinsi

APPLE = "352099001761481"
CHINA = "869999041234561"  # TAF (86) reporting body
UNKNOWN_BODY = "123456789012347"  # Luhn-valid, but 12 is no reporting body


def found(text: str) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.entity_type) for f in yinsi.analyze(text, entities=["IMEI"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"IMEI{APPLE}谢谢", APPLE),
        (f"手机串号：{CHINA}。", CHINA),
        ("设备号35-209900-176148-1已上报", "35-209900-176148-1"),
        ("imei 35 209900 176148 1", "35 209900 176148 1"),
        (f'{{"deviceId":"{CHINA}"}}', CHINA),
        (f"https://t.example.com/c?imei={APPLE}&os=android", APPLE),
        ("IMEI：３５２０９９００１７６１４８１", "３５２０９９００１７６１４８１"),
        (f"device_id={UNKNOWN_BODY}", UNKNOWN_BODY),  # context vouches for an unknown body
        (APPLE, APPLE),  # bare but valid: reported with a modest score
    ],
)
def test_finds_imei(text: str, expected: str) -> None:
    assert found(text) == [(expected, "IMEI")]


@pytest.mark.parametrize(
    "text",
    [
        "IMEI 352099001761482",  # Luhn fails
        "IMEI 35-209900-176148-2",
        f"ts=1{APPLE}",  # inside longer digit runs
        f"{APPLE}0",
        f"订单号 {APPLE}",  # negative context drops a bare match
        f"trace {CHINA}",
        "IMEI 35209900176148",  # 14 digits
    ],
)
def test_ignores_non_imei(text: str) -> None:
    assert found(text) == []


def test_an_imei_column_vouches_for_its_cells() -> None:
    text = f"用户,IMEI,型号\n张三,{APPLE},X1\n李四,{CHINA},Y2\n"
    findings = yinsi.analyze(text, entities=["IMEI"], score_threshold=0.85)
    assert [text[f.start : f.end] for f in findings] == [APPLE, CHINA]


def test_bare_match_is_modest_and_context_makes_it_confident() -> None:
    bare = yinsi.analyze(APPLE, entities=["IMEI"])[0].score
    unknown = yinsi.analyze(UNKNOWN_BODY, entities=["IMEI"])[0].score
    labelled = yinsi.analyze(f"imei={APPLE}", entities=["IMEI"])[0].score
    assert unknown < bare <= 0.5 < 0.85 <= labelled
