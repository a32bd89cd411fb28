"""policy.forced_consent: the whole service refused unless the user accepts everything (PIPL art. 16;
认定方法 四.2, 四.6; GB/T 35273 5.3)."""

from __future__ import annotations

import re

from yinsi.apps.findings import Severity
from yinsi.privacy_policy.model import Clause
from yinsi.privacy_policy.rules import references as ref
from yinsi.privacy_policy.rules.base import RiskRule

_REFUSE = re.compile(
    r"不同意|拒绝|不授权|不提供|不接受|撤回|关闭|否则|\b(?:do not|don't|refuse to|decline to|choose not to)\b"
    r"|\b(?:refus|declin|withdr[ae]w|disagree)\w*|\botherwise\b",
    re.IGNORECASE)
_UNABLE = re.compile(
    r"(?:将|则|会)?(?:无法|不能|不可|不得|将不能|不再能够?|停止)(?:继续|完成)?(?:为您提供|使用|访问|享受|注册"
    r"|登录|提供)|我们(?:将|会|有权)?(?:直接)?注销您的(?:账号|帐号|账户)"
    r"|\b(?:cannot|can't|can not|will not be able to|won't be able to|unable to|may not|must stop|must not"
    r"|mustn't|should not)\b"
    r"[^.;]{0,10}\b(?:use|access|continue|provide|register|sign)"
    r"|\bprevents? you from (?:using|accessing|continuing|signing|registering)"
    r"|\b(?:we|we'll)\b(?: will| may| shall| would)? (?:close|terminate|suspend|deactivate|delete)"
    r" your account\b",
    re.IGNORECASE)
_WHOLE = re.compile(
    r"本(?:应用|产品|服务|App|软件|平台|网站)|我们的(?:产品|服务)"
    r"|(?:全部|所有|任何)(?:的)?(?:功能|服务|产品)|产品(?:和|及|与)服务|为您提供服务|(?:完成)?注册|登录|您的(?:账号|帐号|账户)"
    r"|\b(?:the|our|this) (?:app|application|services?|products?|platform|website)\b"
    r"|\bany of our (?:services|products|features)\b|\ball (?:of )?(?:the |our )?(?:features|services)\b"
    r"|\byour account\b|\b(?:log|sign) ?in\b",
    re.IGNORECASE)
# The app itself quits or logs the user out: the whole service is gone.
_EXIT = re.compile(
    r"(?:自动|强制)(?:退出|关闭|登出)|退出登录|被(?:强制)?(?:登出|下线)"
    r"|\b(?:log|sign)(?:s|ged)? (?:you )?out\b|\b(?:exit|quit|close)s? automatically\b"
    r"|\bautomatically (?:exit|quit|close|log|sign)",
    re.IGNORECASE)
# Use of the whole service made conditional on agreeing: "Use of the Service is conditional on your
# agreement to … marketing", "除非您接受本政策的全部内容，否则请勿使用本应用", "do not use the app unless you
# accept every part of this policy".
_CONDITIONAL = re.compile(
    r"\b(?:use of|access to|your use of|using|accessing) (?:the|our|this) "
    r"(?:app|application|services?|platform|website|products?)\b[^.;]{0,20}\b(?:is )?"
    r"(?:conditional|conditioned|contingent|dependent) (?:up)?on "
    r"(?:your )?(?:agreement|consent|acceptance|agreeing|consenting)\b(?P<en>[^.;]{0,80})"
    r"|以您?(?:同意|接受|授权)(?P<zh>[^，,。；;]{0,30})为(?:前提|条件)",
    re.IGNORECASE)
_UNLESS = re.compile(
    r"\b(?:do not|don't|must not|may not|should not|cannot)\s+(?:\w+\s+){0,3}?(?:use|install|access|download"
    r"|register)\b[^.;]{0,40}\bunless you (?:accept|agree|consent)"
    r"|除非您?(?:同意|接受)[^。；;]{0,30}否则[^。；;]{0,6}(?:请勿|请不要|不得|不能|无法)(?:继续)?(?:使用|安装|下载|访问|注册)",
    re.IGNORECASE)
_EVERY = re.compile(r"全部|所有|整个|\b(?:all|every|entire|whole)\b|本政策|\bthis (?:privacy )?policy\b",
                    re.IGNORECASE)
_NON_ESSENTIAL = re.compile(
    r"通讯录|个性化|营销|推荐|广告|改善|提升|体验|定向推送|\bcontacts\b|\bpersonali[sz]|\bmarketing\b"
    r"|\badvertis|\brecommend|\bimprove",
    re.IGNORECASE)
# Refusing what the basic service needs (a phone number to register) may legitimately end the service.
_NECESSARY = re.compile(
    r"手机号|电话号码|账号|帐号|注册信息|实名|身份验证|\bphone number\b|\bemail address\b|\baccount\b",
    re.IGNORECASE)
_BUNDLE = re.compile(
    r"一次性(?:授权|同意|开启|打开)"
    r"|(?<![无不毋])(?:必须|需要?|须)(?:先)?(?:同意|授权|接受)[^，,。；;]{0,10}?(?:全部|所有)的?(?:权限|条款|内容)"
    r"|\b(?:all (?:the )?permissions at once|grant all permissions|must (?:accept|agree to) all\b)"
    # every use agreed as the condition of the service: "agreeing to all … is a condition of using …"
    r"|\b(?:agree\w*|consent\w*|accept\w*) (?:to )?(?:all|every)\b[^.;]{0,60}\b(?:a |the )?"
    r"(?:pre-?)?condition (?:of|for) (?:using|accessing|registering|signing up|your use|the use)\b"
    r"|(?:同意|接受)[^，,。；;]{0,6}(?:全部|所有)[^，,。；;]{0,20}(?:是|为|作为)[^，,。；;]{0,10}(?:前提|先决条件)",
    re.IGNORECASE)
_STILL_OK = re.compile(
    r"不影响|仍可|仍然可以|依然可以|其他功能|基本功能|\bstill (?:use|be able)|\bother features\b"
    r"|\bwill not affect\b|\bdoes not affect\b|\bbasic (?:features|functions|services)\b",
    re.IGNORECASE)


# "您必须同意…用于广告推送才能注册", "you must allow marketing messages to create an account".
_MUST = re.compile(
    r"(?:必须|需要?|须)(?:先)?(?:同意|授权|允许|开启|接受)(?P<zh>[^。；;]{0,40}?)(?:才能|方可|才可以?)(?:使用|注册|登录|访问)"
    r"|\byou must (?:first )?(?:allow|agree|consent|accept|enable|grant|let|opt in)\b(?P<en>[^.;]{0,80}?)"
    r"\b(?:in order )?to (?:use|create|register|sign up|access|open)\b",
    re.IGNORECASE)


class ForcedConsentRule(RiskRule):
    """Refusing (or withdrawing) consent costs the whole service or the account (the app quits or logs the
    user out), using or registering is made conditional on a non-essential use (marketing, ads, contacts)
    or on accepting the whole policy, or every permission must be granted at once. Refusing a single
    function's data, or what registration needs, is not flagged."""

    id = "policy.forced_consent"
    severity = Severity.HIGH
    title_zh = "强制同意非必要处理"
    title_en = "Forced consent for non-essential processing"
    message_zh = "不同意即无法使用整个产品或服务，或要求一次性授权全部权限"
    message_en = "Refusing consent costs the whole service, or every permission must be granted at once"
    references = (ref.PIPL_16, ref.RENDING_4_2, ref.GBT_5_3, ref.NECESSARY_ART_4)

    def flags(self, clause: Clause) -> bool:
        text = clause.text
        if _STILL_OK.search(text):
            return False
        if _BUNDLE.search(text):
            return True
        must = _MUST.search(text)
        if must and _NON_ESSENTIAL.search(must.group("zh") or must.group("en") or ""):
            return True
        conditional = _CONDITIONAL.search(text)
        if conditional and _WHOLE.search(text):
            terms = conditional.group("en") or conditional.group("zh") or ""
            if _NON_ESSENTIAL.search(terms) or _EVERY.search(terms):
                return True
        unless = _UNLESS.search(text)
        if unless and _WHOLE.search(text):
            return True
        refuse = _REFUSE.search(text)
        if refuse is None:
            return False
        unable = _UNABLE.search(text, refuse.end())
        whole = unable is not None and _WHOLE.search(text, unable.start()) is not None
        if not whole:
            unable = _EXIT.search(text, refuse.end())
        if unable is None:
            return False
        # "必须同意…，否则无法注册": what is demanded comes before "otherwise".
        otherwise = refuse.group().lower() in {"否则", "otherwise"}
        refused = text[:refuse.start()] if otherwise else text[refuse.start():unable.start()]
        return not (_NECESSARY.search(refused) and not _NON_ESSENTIAL.search(refused))
