"""policy.bundled_consent: consent assumed by default or by use (默认勾选, 视为同意; 认定方法 三.4)."""

from __future__ import annotations

import re

from yinsi.apps.findings import Severity
from yinsi.privacy_policy.model import Clause
from yinsi.privacy_policy.rules import references as ref
from yinsi.privacy_policy.rules._text import affirmed, negated_in_part
from yinsi.privacy_policy.rules.base import RiskRule

_PATTERN = re.compile(
    r"默认(?:勾选|选中|同意|开启|授权)|默认选择同意|(?:即|则|就|均|将|亦)?(?:视为|视作|表示|代表|意味着"
    r"|认为)(?:您|用户)?(?:已经?|已)?(?:充分)?(?:(?:阅读|理解|知悉|了解)[^，,。；;]{0,10})?(?:同意|接受|认可|授权)"
    r"|\bby (?:using|accessing|continuing to use|downloading|installing|registering|signing (?:up|in)"
    r"|clicking|creating (?:an|your) account|opening (?:an|your) account|logging in)\b"
    r".{0,80}\b(?:you )?(?:agree|consent|accept|acknowledge)"
    r"|\bcontinu\w* (?:to )?(?:use|using|access\w*|brows\w*)\b[^.;]{0,60}\b(?:you (?:agree|consent|accept)"
    r"|(?:means|constitutes|indicates) (?:your )?(?:agreement|consent|acceptance))"
    r"|\bdeemed (?:to (?:have )?)?(?:agree|accept|consent|given)|\bconstitutes? (?:your )?(?:acceptance"
    r"|consent|agreement)|\bpre-?(?:checked|ticked|selected)\b|\b(?:checked|ticked|selected|enabled"
    r"|opted[- ]in) by default\b",
    re.IGNORECASE)
# "认为" or "表示" alone is ordinary prose unless the sentence is about consent by action.
_BY_ACTION = re.compile(
    r"使用|注册|登录|点击|勾选|继续|浏览|下载|安装|默认|沉默|未提出异议|\bby\b|\bdefault\b|\bdeemed\b|\bcontinu"
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
# "点击“同意”或继续使用本服务，即视为…同意": continued use stands beside the click as consent.
_BY_USE = re.compile(r"继续(?:使用|浏览|访问)|\bcontinu(?:e|es|ing) (?:to )?(?:use|using|brows)",
                     re.IGNORECASE)


# One consent for every function at once, optional ones included (GB/T 35273 5.3 a, 认定方法 四.6):
# "点击同意即表示您同意…全部业务功能…包括个性化推荐、精准营销", "agree to tracking, ads and analytics in
# one step".
_CONSENT = re.compile(r"同意|授权|许可|\bconsent|\bagree|\baccept|\btick ?box|\bcheck ?box", re.IGNORECASE)
_AT_ONCE = re.compile(
    r"全部|所有|一次性|一并|同时(?:用于|授权|同意)|统一(?:授权|同意)|一揽子"
    r"|\ball (?:of )?the (?:processing|purposes|uses)\b|\ball (?:processing|purposes|uses)\b"
    r"|\bin one (?:step|go|click)\b|\bat once\b"
    r"|\b(?:a )?single (?:tick|check|click|consent|box|checkbox|tick ?box)\b|\bboth\b[^.;]{0,40}\band\b",
    re.IGNORECASE)
_OPTIONAL_USE = re.compile(
    r"个性化|营销|广告|推广|定向推送|(?:与|向)?合作(?:伙伴|方)共享|关联公司|数据分析|扩展(?:业务)?功能|市场调研"
    r"|\bmarketing\b|\bpersonali[sz]|\badvertis|\bads\b|\bprofiling\b|\banalytics\b|\bpartners\b"
    r"|\bresearch\b|\bpromotional\b",
    re.IGNORECASE)
# Separate consents, or refusing and withdrawing them, are the opposite of bundling.
_SEPARATE = re.compile(
    r"单独|分别|逐项|各自|撤回|撤销|关闭|拒绝|不同意|\bseparate(?:ly)?\b|\bits own\b|\bindividually\b"
    r"|\bwithdraw|\bopt[- ]out\b|\brefus|\bdecline",
    re.IGNORECASE)


class BundledConsentRule(RiskRule):
    """Consent that the user never gives expressly: a pre-ticked box, or use, registration or silence
    taken as agreement (PIPL art. 14 requires consent given voluntarily and expressly); or one consent
    that takes every function at once, optional ones such as marketing or profiling included."""

    id = "policy.bundled_consent"
    severity = Severity.HIGH
    title_zh = "默认或捆绑同意"
    title_en = "Default or bundled consent"
    message_zh = "以默认勾选、继续使用或注册即视为同意等非明示方式取得同意，或一次性捆绑同意多项业务功能"
    message_en = ("Consent is taken by default, by continued use or by registering rather than expressly, or "
                  "for every function at once")
    references = (ref.RENDING_3_4, ref.PIPL_14, ref.GBT_5_4)

    def flags(self, clause: Clause) -> bool:
        text = clause.text
        if _bundles(text):
            return True
        if _EXPRESS.search(text) and not _DEFAULT.search(text) and not _BY_USE.search(text):
            return False
        return affirmed(_PATTERN, text) is not None and bool(_BY_ACTION.search(text))


def _bundles(text: str) -> bool:
    at_once = _AT_ONCE.search(text)  # rare: tested first, the consent words are everywhere
    if at_once is None or not _OPTIONAL_USE.search(text) or _SEPARATE.search(text):
        return False
    return not negated_in_part(text, at_once.start()) and affirmed(_CONSENT, text) is not None
