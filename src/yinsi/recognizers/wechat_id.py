"""微信号 (WeChat ID rules: 6–20 letters, digits, _ or -, starting with a letter): labelled WeChat IDs."""

from __future__ import annotations

import re

from yinsi.recognizers._field_context import FieldContextRecognizer
from yinsi.recognizers._hotwords import NUMBER_NEGATIVE
from yinsi.recognizers.base import Examples, Pattern

# Chinese labels may touch the value (微信abc123), incl. the homophones people use to dodge filters
# (威信, 薇信, V信). English labels need a colon ("wechat account" is English); the pinyin
# abbreviations vx / wx / weixin are no English words and may be followed by a space alone, but not
# by the ID itself ("wxabc123"). A Latin label must start a word: "lxvx instructions" is a CPU
# instruction name and "erlang-wx package" a package name, not a label followed by an ID. A quote
# around the key or value covers JSON. Whitespace runs are bounded so that a failed match cannot
# backtrack through a long run of spaces.
_CHINESE_LABEL = (
    r"(?:[微威薇Vv]信(?:号码?|账号|帐号|ID)?(?:是|为|吧)?|加[VvWw微]|wxh)"
    r"[\"']?[ \t]{0,3}[:：=]?[ \t]{0,3}[\"']?"
)
_LATIN_LABEL = (
    r"(?<![-A-Za-z0-9_])(?:we[-_ ]?chat(?:[-_ ]?(?:id|no))?[\"']?[ \t]{0,3}[:：=]"
    r"|(?:weixin|wx|vx)(?:[-_ ]?(?:id|hao|no))?[\"']?(?:[ \t]{0,3}[:：=]|[ \t]))[ \t]{0,3}[\"']?"
)
# The ID itself; what follows may not continue it, nor turn it into an email or a domain.
_ID = r"(?P<value>[A-Za-z][-_A-Za-z0-9]{5,19})(?![-_A-Za-z0-9@]|\.[A-Za-z0-9])"

# Placeholders people type into a WeChat field instead of an ID.
_PLACEHOLDERS = frozenset({"none", "null", "unknown", "undefined", "empty", "nothing", "notset", "private"})


def is_plausible_wechat_id(value: str) -> bool:
    """True unless the value is a placeholder word (the regex already enforces the ID alphabet)."""
    return value.lower() not in _PLACEHOLDERS


class WechatIdRecognizer(FieldContextRecognizer):
    """微信号 (Tencent WeChat ID rules: 6–20 characters, a letter first, then letters, digits, _ and -).

    Almost any word fits those rules, so an ID is reported only right after a WeChat label (微信, 微信号,
    V信, 加v, wechat:, weixin:, wx:, vx:). System IDs `wxid_…` are reported without a label. WeChat IDs
    never start with a digit, so a mobile number given as a WeChat account stays CN_MOBILE.
    """

    entity_type = "WECHAT_ID"
    patterns = (
        Pattern("labelled", f"(?:{_CHINESE_LABEL}|{_LATIN_LABEL}){_ID}", 0.6, flags=re.IGNORECASE,
                requires_context=True),
        Pattern("wxid", r"(?P<value>wxid_[a-z0-9]{8,20})(?![-_A-Za-z0-9])", 0.8),
    )
    context = (
        "微信", "微信号", "WeChat", "v信", "薇信", "威信", "加v", "加w", "加微", "wxh", "wechat", "we chat",
        "we-chat", "weixin", "wx", "vx",
    )
    # Label, separators and the longest ID.
    max_candidate_length = 40
    negative_context = NUMBER_NEGATIVE
    boundary = "alnum"
    context_boost = 0.3
    # The label is explicit; a business-number word nearby makes it less certain, not wrong.
    negative_penalty = 0.3
    examples = Examples(
        positive=(
            "微信号：zhang_san88",
            "加我微信zhangsan_2024谢谢",
            '{"wechat": "li-si_1990"}',
            "有事加v wangwu123",
            "登录用户 wxid_a1b2c3d4e5f6g7",
        ),
        negative=(
            "微信：13800138000",  # a mobile number is CN_MOBILE
            "微信支付 WeChatPay",  # no ID after the label
            "wechat account",  # an English label needs a separator
            "微信：abc",  # too short
            "wechat: zhang@example.com",  # an email address
        ),
    )

    def validate(self, value: str) -> bool | None:
        # The alphabet is enforced by the pattern; no check digit can confirm an ID.
        return None if is_plausible_wechat_id(value) else False
