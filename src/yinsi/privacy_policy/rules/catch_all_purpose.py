"""policy.catch_all_purpose: "to improve our services" as the reason for collecting (认定方法 四.5)."""

from __future__ import annotations

import re

from yinsi.apps.findings import Severity
from yinsi.privacy_policy.model import Clause
from yinsi.privacy_policy.rules import references as ref
from yinsi.privacy_policy.rules._text import affirmed
from yinsi.privacy_policy.rules.base import RiskRule

_IMPROVE = re.compile(
    r"(?:改善|改进|优化|提升|提高|完善)(?:我们的)?(?:产品|服务|用户体验|服务质量|使用体验|体验|产品和服务"
    r"|产品或服务|产品与服务)|研发新(?:产品|功能)|开发新(?:产品|功能)|\b(?:improve|enhance|optimi[sz]e"
    r"|better)\b (?:and \w+ )?(?:our |the )?(?:services?|products?|(?:user )?experience)\b"
    r"|\bdevelop(?:ing)? new (?:products|services|features)\b",
    re.IGNORECASE)
_USE = re.compile(
    r"收集|使用|获取|利用|用于|采集|分析|处理|\bcollect|\buse\b|\buses\b|\bused\b|\bprocess|\banaly[sz]e",
    re.IGNORECASE)
# Aggregated or de-identified statistics for quality work are not the catch-all the rule is about.
_SAFE = re.compile(
    r"去标识化|匿名化|汇总|统计(?:数据|分析)?|不会?(?:识别|关联)|\banonymi|\bde-identif|\baggregate",
    re.IGNORECASE)


class CatchAllPurposeRule(RiskRule):
    """Personal information collected or used "to improve our services" or "to enhance user experience":
    a purpose that fits everything and so limits nothing (PIPL art. 6 requires a clear purpose)."""

    id = "policy.catch_all_purpose"
    severity = Severity.MEDIUM
    title_zh = "以改善服务、提升体验为概括目的"
    title_en = "\"To improve our services\" as a catch-all purpose"
    message_zh = "以改善服务、提升用户体验等概括性目的收集或使用个人信息"
    message_en = ("Personal information is collected or used for a catch-all purpose such as improving "
                  "services")
    references = (ref.RENDING_4_5, ref.PIPL_6)

    def flags(self, clause: Clause) -> bool:
        text = clause.text
        return (affirmed(_IMPROVE, text) is not None and bool(_USE.search(text)) and not _SAFE.search(text))
