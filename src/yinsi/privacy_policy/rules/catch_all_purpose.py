"""policy.catch_all_purpose: "to improve our services" as the reason for collecting (认定方法 四.5)."""

from __future__ import annotations

import re

from yinsi.apps.findings import Severity
from yinsi.privacy_policy.model import Clause
from yinsi.privacy_policy.rules import references as ref
from yinsi.privacy_policy.rules._text import affirmed, negated_in_part
from yinsi.privacy_policy.rules.base import RiskRule

_IMPROVE = re.compile(
    r"(?:改善|改进|优化|提升|提高|完善)(?:我们的|您的|用户的)?(?:产品|服务|用户体验|服务质量|使用体验|体验|产品和服务"
    r"|产品或服务|产品与服务)|研发新(?:产品|功能)|开发新(?:产品|功能)|\b(?:improve|enhance|optimi[sz]e"
    r"|better)\b (?:and \w+ )?(?:our |the )?(?:services?|products?|(?:user )?experience)\b"
    r"|\b(?:improve|enhance|optimi[sz]e) your (?:user )?experience\b"
    r"|\bmak(?:e|es|ing) (?:our|the) (?:services?|products?|app|platform) better\b"
    r"|\bdevelop(?:ing)? new (?:products|services|features)\b",
    re.IGNORECASE)
_USE = re.compile(
    r"收集|使用(?!体验)|获取|利用|用于|采集|分析|处理|\bcollect|\buse\b|\buses\b|\bused\b|\bprocess|\banaly[sz]e"
    # the data as the subject: "your data helps us enhance …"
    r"|\b(?:data|information)\b (?:helps?|allows?|lets|enables?) us\b",
    re.IGNORECASE)
# Aggregated or de-identified statistics for quality work are not the catch-all the rule is about.
_SAFE = re.compile(
    r"去标识化|匿名化|汇总|统计(?:数据|分析)?|不会?(?:识别|关联)|\banonymi|\bde-identif|\baggregate",
    re.IGNORECASE)


# An open-ended purpose list: "以及其他与我们业务相关的用途", "for such other purposes as we may determine".
_OPEN_ENDED = re.compile(
    r"(?:其他|其它)(?:任何|一切)?(?:与[^，,。；;]{0,12}相关的|合法的?|合理的?|正当的?|商业|业务|我们认为[^，,。；;]{0,10}的)?(?:用途|目的)"
    r"|(?:任何|一切)(?:其他|其它)?(?:合法的?|商业)?(?:用途|目的)"
    r"|\b(?:any|all|such) other (?:[a-z]+ ){0,2}purposes?\b"
    r"|\bother (?:business|commercial|lawful|legitimate|internal|reasonable) purposes?\b"
    r"|\bfor any (?:lawful |legitimate )?(?:business )?purpose\b",
    re.IGNORECASE)
# "如要用于本政策未载明的其他用途，我们会事先征求您的同意" names the other use only to promise consent for it.
_CONSENT_FIRST = re.compile(
    r"征求|征得|(?:取得|获得|经过?)您?的?(?:同意|授权)|\b(?:ask|seek|obtain|request)\w* (?:for )?your "
    r"(?:consent|permission)\b|\bwith your (?:prior )?consent\b",
    re.IGNORECASE)


class CatchAllPurposeRule(RiskRule):
    """Personal information collected or used "to improve our services", "to enhance user experience" or
    "for other purposes": a purpose that fits everything and so limits nothing (PIPL art. 6 requires a
    clear purpose). An open-ended use for which consent will be asked first is not flagged."""

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
        if affirmed(_IMPROVE, text) is not None and _USE.search(text) and not _SAFE.search(text):
            return True
        open_ended = _OPEN_ENDED.search(text)
        return bool(open_ended and _USE.search(text) and not negated_in_part(text, open_ended.start())
                    and not _CONSENT_FIRST.search(text))
