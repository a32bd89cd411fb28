"""policy.bundled_consent: consent assumed by default or by use (默认勾选, 视为同意; 认定方法 三.4)."""

from __future__ import annotations

import re

from yinsi.apps.findings import Severity
from yinsi.privacy_policy.model import Clause
from yinsi.privacy_policy.rules import references as ref
from yinsi.privacy_policy.rules._text import affirmed
from yinsi.privacy_policy.rules.base import RiskRule

_PATTERN = re.compile(
    r"默认(?:勾选|选中|同意|开启|授权)|默认选择同意|(?:即|则|就|均|将|亦)?(?:视为|视作|表示|代表|意味着"
    r"|认为)(?:您|用户)?(?:已经?|已)?(?:充分)?(?:阅读[^，,。；;]{0,10})?(?:同意|接受|认可|授权)"
    r"|\bby (?:using|accessing|continuing to use|downloading|installing|registering|signing up"
    r"|clicking)\b.{0,80}\b(?:you )?(?:agree|consent|accept|acknowledge)"
    r"|\bdeemed (?:to (?:have )?)?(?:agree|accept|consent|given)|\bconstitutes? (?:your )?(?:acceptance"
    r"|consent|agreement)|\bpre-?(?:checked|ticked|selected)\b|\b(?:checked|ticked|selected|enabled"
    r"|opted[- ]in) by default\b",
    re.IGNORECASE)
# "认为" or "表示" alone is ordinary prose unless the sentence is about consent by action.
_BY_ACTION = re.compile(
    r"使用|注册|登录|点击|勾选|继续|浏览|下载|安装|默认|沉默|未提出异议|\bby\b|\bdefault\b|\bdeemed\b"
    r"|\bconstitutes?\b|\bpre-?",
    re.IGNORECASE)


# Clicking or ticking an "agree" control yourself is express consent, the opposite of this rule.
_EXPRESS = re.compile(
    r"点击[“\"「『]?(?:同意|我同意|同意并继续|接受|我已阅读并同意)|(?<!默认)勾选[^，,。；;]{0,10}同意"
    r"|\b(?:tap|tapping|click|clicking|select|selecting|check|checking)\s+[\"“']?(?:I agree|agree|accept"
    r"|I accept)\b",
    re.IGNORECASE)
_DEFAULT = re.compile(
    r"默认|\bpre-?(?:checked|ticked|selected)\b|\bby default\b",
    re.IGNORECASE)


class BundledConsentRule(RiskRule):
    """Consent that the user never gives expressly: a pre-ticked box, or use, registration or silence
    taken as agreement. PIPL art. 14 requires consent given voluntarily and expressly."""

    id = "policy.bundled_consent"
    severity = Severity.HIGH
    title_zh = "默认或捆绑同意"
    title_en = "Default or bundled consent"
    message_zh = "以默认勾选、继续使用或注册即视为同意等非明示方式取得同意"
    message_en = "Consent is taken by default, by continued use or by registering rather than expressly"
    references = (ref.RENDING_3_4, ref.PIPL_14, ref.GBT_5_4)

    def flags(self, clause: Clause) -> bool:
        text = clause.text
        if _EXPRESS.search(text) and not _DEFAULT.search(text):
            return False
        return affirmed(_PATTERN, text) is not None and bool(_BY_ACTION.search(text))
