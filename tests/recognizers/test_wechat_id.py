"""WECHAT_ID: IDs right after a WeChat label, system wxid_ IDs, never mobiles, emails or plain words."""

from __future__ import annotations

import pytest

import yinsi


def found(text: str, entities: tuple[str, ...] = ("WECHAT_ID",)) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.entity_type) for f in yinsi.analyze(text, entities=list(entities))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("微信号：zhang_san88", "zhang_san88"),
        ("加我微信zhangsan_2024谢谢", "zhangsan_2024"),
        ("微信ID: abcdef", "abcdef"),
        ("有事加v wangwu123", "wangwu123"),
        ("V信：li-si_1990，", "li-si_1990"),
        ('{"wechat": "li-si_1990"}', "li-si_1990"),
        ('{"wx_id":"Zhao_Liu_007"}', "Zhao_Liu_007"),
        ("https://example.com/u?weixin=zhangsan88&from=qr", "zhangsan88"),
        ("WeChat: JohnDoe_1 thanks", "JohnDoe_1"),
        ("微信：ｚｈａｎｇｓａｎ８８", "ｚｈａｎｇｓａｎ８８"),
        ("登录用户 wxid_a1b2c3d4e5f6g7 上线", "wxid_a1b2c3d4e5f6g7"),
        ("微信号abcdefghijklmnopqrst。", "abcdefghijklmnopqrst"),  # 20 characters, the maximum
        ("我微信是xuli2002，谢谢", "xuli2002"),
        ("你加我微信吧 cuilei_1997，谢谢", "cuilei_1997"),
        ("邮箱 a@b.com  微信号码：ytao1971\n", "ytao1971"),
        ("加我威信 ming991970", "ming991970"),  # homophone used to dodge filters
        ("VX qiangjia-532", "qiangjia-532"),
        ("wx: abc_123", "abc_123"),
        ('{"微信号": "blong1971", "sfzh": "x"}', "blong1971"),
        ("微信号：jiangfang718 备注订单号", "jiangfang718"),  # negative word lowers, label stands
    ],
)
def test_finds_wechat_ids(text: str, expected: str) -> None:
    assert found(text) == [(expected, "WECHAT_ID")]


@pytest.mark.parametrize(
    "text",
    [
        "微信支付 WeChatPay",  # no ID after the label
        "wechat account",  # English labels need a separator
        "wxabc12345",
        "add me on wechat johnsmith",  # an English label needs a colon
        "微信：abc",  # too short
        "微信号abcdefghijklmnopqrstu",  # 21 characters
        "微信：1abcdef",  # must start with a letter
        "wechat: zhang@example.com",  # an email address
        "weixin: none",  # placeholder
        "zhang_san88",  # no label
    ],
)
def test_ignores_non_wechat_ids(text: str) -> None:
    assert found(text) == []


def test_mobile_number_given_as_wechat_is_a_mobile() -> None:
    assert found("微信：13800138000", ("WECHAT_ID", "CN_MOBILE")) == [("13800138000", "CN_MOBILE")]


def test_email_given_as_wechat_is_an_email() -> None:
    text = "wechat: zhangsan@example.com"
    assert found(text, ("WECHAT_ID", "EMAIL")) == [("zhangsan@example.com", "EMAIL")]
