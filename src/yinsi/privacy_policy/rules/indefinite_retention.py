"""policy.indefinite_retention: keeping personal information forever (PIPL art. 19; GB/T 35273 6.1)."""

from __future__ import annotations

import re

from yinsi.apps.findings import Severity
from yinsi.privacy_policy.model import Clause
from yinsi.privacy_policy.rules import references as ref
from yinsi.privacy_policy.rules._text import PERIOD, affirmed, negated_in_part
from yinsi.privacy_policy.rules.base import RiskRule

_PATTERN = re.compile(
    r"永久(?:性地?)?(?:保存|保留|存储|储存|留存|记录)|无限期(?:地)?(?:保存|保留|存储|留存)|(?:保存|保留|存储|留存)(?:期限|期|时间)?(?:为|是)?无限期|不设(?:定"
    r"|置)?(?:保存|存储)?期限|长期(?:保存|保留|存储|留存)(?![^。；;]{0,10}(?:期限|年|月))|一直(?:保存|保留"
    r"|存储)|\b(?:retain\w*|keep\w*|kept|stor(?:e|ed|es|ing)|hold\w*|held"
    r"|preserv\w*)\b[^.;]{0,60}\b(?:indefinitely|permanently|forever|in perpetuity)\b"
    r"|\bindefinite(?:ly)? (?:retention|period)\b|\bno (?:fixed )?(?:retention|time) (?:period|limit)\b",
    re.IGNORECASE)


# Kept on after the account is gone, or for as long as the company likes, with no period stated.
_AFTER_DELETION = re.compile(
    r"(?:注销|删除)[^。；;]{0,20}(?:后|时|，|,)[^。；;]{0,15}(?:仍(?:然|将|会)?|依然|继续|照常)(?:将|会)?"
    r"(?:保留|保存|存储|留存)"
    r"|\b(?:retain\w*|keep\w*|kept|stor(?:e|ed|es|ing)|hold\w*)\b[^.;]{0,60}\b(?:even )?after (?:you )?"
    r"(?:delete|close|deactivate|cancel)\w* (?:your|the) account\b"
    r"|\b(?:even )?(?:after|once|when) (?:you )?(?:delete|close|deactivate|cancel)\w* (?:your|the) account\b"
    r"[^.;]{0,60}"
    r"\b(?P<verb>retain\w*|keep\w*|kept|stor(?:e|ed|es|ing)|hold\w*"
    r"|remain\w* (?:in|on|with|stored|available))\b"
    r"|\bas long as we (?:see fit|wish|want|like|deem (?:it )?(?:necessary|appropriate|fit))\b"
    r"|只要我们认为(?:有)?必要|\bno (?:fixed )?(?:deletion|expiry|expiration|end) date\b",
    re.IGNORECASE)
# A stated period or a legal duty bounds it ("注销后仍依法保存交易信息三年").
_BOUNDED = re.compile(r"法律|法规|监管|期限|\blaw\b|\blegal\b|\bregulat", re.IGNORECASE)


# "keep … permanently" is about data only when data is named ("Lifetime members keep their features
# permanently" is not); Chinese 永久保存 and the like are data words already.
_ENGLISH = re.compile(r"[A-Za-z]")
_DATA = re.compile(
    r"\b(?:data|information|details|records?|logs?|messages?|photos?|images?|videos?|history|content"
    r"|files?|recordings?|profiles?|it|them|this|these|everything|anything)\b|\bpersonal\b",
    re.IGNORECASE)


class IndefiniteRetentionRule(RiskRule):
    """Personal information kept permanently, without any time limit, after the account is deleted, or
    for as long as the company sees fit. The period must be the shortest the purpose needs (PIPL art. 19).
    "永久删除" / "permanently delete" is not retention, nor is "keep … permanently" said of something other
    than data ("members keep their features permanently")."""

    id = "policy.indefinite_retention"
    severity = Severity.MEDIUM
    title_zh = "永久或无限期保存"
    title_en = "Indefinite retention"
    message_zh = "声明永久或无限期保存个人信息"
    message_en = "Personal information is kept permanently or without a time limit"
    references = (ref.PIPL_19, ref.GBT_6_1)

    def flags(self, clause: Clause) -> bool:
        text = clause.text
        forever = affirmed(_PATTERN, text)
        if forever is not None and (not _ENGLISH.match(forever.group()) or _DATA.search(text)):
            return True
        after = _AFTER_DELETION.search(text)
        if after is None:
            return False
        # the verb may follow the account event ("after you delete your account, we will keep …"): a
        # negation before that verb counts
        at = after.start("verb") if after.group("verb") else after.start()
        return not negated_in_part(text, at) and not PERIOD.search(text) and not _BOUNDED.search(text)
