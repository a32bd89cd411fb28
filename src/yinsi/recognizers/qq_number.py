"""QQ号 (Tencent QQ account numbers, 5–11 digits from 10000): reported only when labelled as QQ."""

from __future__ import annotations

from yinsi.recognizers._field_context import FieldContextRecognizer
from yinsi.recognizers._hotwords import NUMBER_NEGATIVE
from yinsi.recognizers.base import Examples, Pattern
from yinsi.recognizers.cn_mobile import is_valid_cn_mobile

_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ALNUM = _ASCII_LETTERS | frozenset("0123456789")
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
_MAIL_PUNCTUATION = frozenset("@.")
_NOT_ACCOUNT = frozenset(".群")  # qq.com, QQ群 (a group number identifies a group, not a person)


def is_valid_qq_number(value: str) -> bool:
    """True for 5–11 digits without a leading zero that are not a mainland mobile number.

    Accounts can be registered with a mobile number as their login; such a value is reported as the
    more specific CN_MOBILE instead.
    """
    return 5 <= len(value) <= 11 and value[0] != "0" and not (len(value) == 11 and is_valid_cn_mobile(value))


class QqNumberRecognizer(FieldContextRecognizer):
    """QQ号 (Tencent QQ account identifier, numeric, 10000 upwards; no check digit).

    Any run of five to eleven digits could be a QQ number, so only labelled ones are reported (QQ, qq号,
    扣扣, 企鹅号), and the pattern runs only in windows around those labels. The mailbox
    `12345678@qq.com` is an EMAIL, so a number followed by `@` is left to it, and "qq" inside a mail
    domain or a word is no label. QQ group numbers (QQ群) identify groups, not people: not reported.
    """

    entity_type = "QQ_NUMBER"
    patterns = (Pattern("qq", r"[1-9]\d{4,10}(?![\d@])", 0.45),)
    context = ("qq", "qq号", "qq号码", "q号", "扣扣", "企鹅号", "企鹅")
    requires_context = True
    max_candidate_length = 11
    negative_context = (*NUMBER_NEGATIVE, "qq群", "群号", "q群")
    # A QQ label is explicit; a business-number word nearby (often the next field) makes it less
    # certain without overriding it.
    negative_penalty = 0.3
    context_boost = 0.4
    examples = Examples(
        positive=(
            "QQ：12345678",
            "加我扣扣 87654321 聊",
            '{"qq": "2850123456"}',
            "企鹅号10001",
        ),
        negative=(
            "验证码 12345678",  # no QQ label
            "QQ 0123456",  # leading zero
            "QQ邮箱 12345678@qq.com",  # the mailbox is an EMAIL
            "QQ 1234",  # too short
            "QQ 13800138000",  # a mobile number is CN_MOBILE
        ),
    )

    def is_anchor(self, text: str, start: int, end: int) -> bool:
        """No label: "qq" in a mail domain (`@qq.com`) or inside a word (`qqin29@…`), or a QQ group."""
        if text[start:end].lower() != "qq":
            return True
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < len(text) else " "
        return not (
            before in _ASCII_LETTERS
            or before in _MAIL_PUNCTUATION
            or after in _LOWER
            or after in _NOT_ACCOUNT
        )

    def accepts_neighbours(self, text: str, start: int, end: int) -> bool:
        """No letter or digit may touch the number, except the label itself (`QQ12345678`).

        Digits glued to letters are plate numbers (京L·15103D), hex trace IDs or product codes.
        """
        if end < len(text) and text[end] in _ALNUM:
            return False
        if start == 0 or text[start - 1] not in _ALNUM:
            return True
        return text[start - 2 : start].lower() == "qq"

    def validate(self, value: str) -> bool | None:
        # The shape rules can reject a value but never confirm one (QQ numbers carry no check digit).
        return None if is_valid_qq_number(value) else False
