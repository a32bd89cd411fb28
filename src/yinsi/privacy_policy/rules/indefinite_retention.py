"""policy.indefinite_retention: keeping personal information forever (PIPL art. 19; GB/T 35273 6.1)."""

from __future__ import annotations

import re

from yinsi.apps.findings import Severity
from yinsi.privacy_policy.model import Clause
from yinsi.privacy_policy.rules import references as ref
from yinsi.privacy_policy.rules._text import affirmed
from yinsi.privacy_policy.rules.base import RiskRule

_PATTERN = re.compile(
    r"永久(?:性地?)?(?:保存|保留|存储|储存|留存|记录)|无限期(?:地)?(?:保存|保留|存储|留存)?|不设(?:定"
    r"|置)?(?:保存|存储)?期限|长期(?:保存|保留|存储|留存)(?![^。；;]{0,10}(?:期限|年|月))|一直(?:保存|保留"
    r"|存储)|\b(?:retain\w*|keep\w*|kept|stor(?:e|ed|es|ing)|hold\w*|held"
    r"|preserv\w*)\b[^.;]{0,60}\b(?:indefinitely|permanently|forever|in perpetuity)\b"
    r"|\bindefinite(?:ly)? (?:retention|period)\b|\bno (?:fixed )?(?:retention|time) (?:period|limit)\b",
    re.IGNORECASE)


class IndefiniteRetentionRule(RiskRule):
    """Personal information kept permanently or without any time limit. The period must be the shortest
    the purpose needs (PIPL art. 19). "永久删除" / "permanently delete" is not retention."""

    id = "policy.indefinite_retention"
    severity = Severity.MEDIUM
    title_zh = "永久或无限期保存"
    title_en = "Indefinite retention"
    message_zh = "声明永久或无限期保存个人信息"
    message_en = "Personal information is kept permanently or without a time limit"
    references = (ref.PIPL_19, ref.GBT_6_1)

    def flags(self, clause: Clause) -> bool:
        return affirmed(_PATTERN, clause.text) is not None
