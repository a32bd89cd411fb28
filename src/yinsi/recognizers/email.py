"""电子邮箱地址 (RFC 5322 addr-spec, common subset): ASCII mailbox names next to Chinese text."""

from __future__ import annotations

from yinsi.recognizers.base import Examples, Pattern, PatternRecognizer

# Local part and domain use ASCII classes only, so adjacent Chinese characters are never swallowed
# (邮箱zhang@qq.com谢谢 -> zhang@qq.com), unlike \w-based patterns. Internationalised addresses are rare in
# leaked data and would make the boundary ambiguous in unspaced Chinese.
_LOCAL = r"[A-Za-z0-9](?:[A-Za-z0-9._%+\-]{0,63}[A-Za-z0-9_%+\-])?"
_DOMAIN = r"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}"


class EmailRecognizer(PatternRecognizer):
    """电子邮箱 (RFC 5322 §3.4.1 addr-spec, dot-atom subset; domain per RFC 1035)."""

    entity_type = "EMAIL"
    patterns = (Pattern("email", _LOCAL + "@" + _DOMAIN, 0.85),)
    context = ("邮箱", "邮件", "电子邮件", "email", "e-mail", "mail", "yx", "dzyx")
    prefilter = ("@",)
    boundary = "alnum"
    context_boost = 0.1
    examples = Examples(
        positive=(
            "邮箱zhang.san@qq.com谢谢",
            "email: li_si+news@example.com.cn",
            "联系：wangwu2024@163.com。",
        ),
        negative=(
            "@username mentioned",
            "user@localhost",
            "版本 1.2@beta",
        ),
    )
