"""电子邮箱地址 (RFC 5322 addr-spec, common subset): ASCII mailbox names next to Chinese text."""

from __future__ import annotations

import re

from yinsi.recognizers._anchored import take_back
from yinsi.recognizers.base import Examples, Pattern, PatternRecognizer

# Local part and domain use ASCII classes only, so adjacent Chinese characters are never swallowed
# (邮箱zhang@qq.com谢谢 -> zhang@qq.com), unlike \w-based patterns. Internationalised addresses are rare in
# leaked data and would make the boundary ambiguous in unspaced Chinese.
_LOCAL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._%+\-]{0,63}[A-Za-z0-9_%+\-])?")
_LOCAL_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
_DOMAIN = r"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9\-])"


def is_valid_local_part(local: str) -> bool:
    """True for a dot-atom local part of at most 64 characters (RFC 5321 §4.5.3.1.1)."""
    return ".." not in local and _LOCAL.fullmatch(local) is not None


class EmailRecognizer(PatternRecognizer):
    """电子邮箱 (RFC 5322 §3.4.1 addr-spec, dot-atom subset; domain per RFC 1035).

    The pattern starts at the '@' (a literal the regex engine jumps to) and the local part is taken
    back afterwards, which avoids re-scanning every ASCII word for a possible address.
    """

    entity_type = "EMAIL"
    patterns = (Pattern("email", "@" + _DOMAIN, 0.85),)
    context = ("邮箱", "邮件", "电子邮件", "email", "e-mail", "mail", "yx", "dzyx")
    prefilter = ("@",)
    boundary = "none"
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
            "a..b@example.com",
        ),
    )

    def trim(self, text: str, start: int, end: int) -> tuple[int, int]:
        first = take_back(text, start, _LOCAL_CHARACTERS, 64)
        # A local part starts with a letter or digit; leading punctuation belongs to the text around.
        while first < start and text[first] in "._%+-":
            first += 1
        return first, end

    def validate(self, value: str) -> bool | None:
        local = value.partition("@")[0]
        return None if local and is_valid_local_part(local) else False
