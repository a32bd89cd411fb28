"""policy.update_notice: how users are told that the policy changed (认定方法 二.2; PIPL art. 14, 17)."""

from __future__ import annotations

import re

from yinsi.apps.findings import Severity
from yinsi.privacy_policy.model import Status
from yinsi.privacy_policy.rules import references as ref
from yinsi.privacy_policy.rules.base import Assessment, DisclosureRule, PolicyContext

_CHANGE = re.compile(
    r"(?:更新|修订|修改|变更|调整)[^。；;]{0,12}(?:本政策|本隐私政策|隐私政策|本指引|本声明|政策)"
    r"|(?:本?政策|本隐私政策|隐私政策|本指引)[^。；;]{0,12}(?:更新|修订|修改|变更|调整)"
    r"|(?:重大|重要|实质性?的?)(?:变更|变化|修订|调整)|(?:最近|最新)?(?:更新|修订)(?:日期|时间)"
    r"|\blast (?:updated|revised)\b"
    r"|\b(?:update|change|modify|revise|amend)s?\b.{0,40}\b(?:this |our )?(?:privacy )?(?:policy|notice)\b"
    r"|\b(?:policy|notice)\b.{0,30}\b(?:updated|changed|modified|revised|amended|changes?|is updated)\b"
    r"|\b(?:material|significant|substantial) (?:changes?|updates?|revisions?)\b"
    r"|\b(?:updated|revised|amended|new) (?:privacy )?(?:policy|notice)\b"
    r"|\bchanges?\b[^.;]{0,20}\b(?:will be|are|is|shall be) (?:announced|notified|communicated)\b"
    r"|\b(?:tell|notify|inform|let) you (?:know )?(?:about|of) (?:any |the |an? )?(?:updates?|changes?)\b",
    re.IGNORECASE)
_ACTIVE = re.compile(
    r"弹窗|弹出|推送|站内信|短信|邮件|显著(?:方式|位置|提示)|提醒您|重新(?:征得|取得|获得)"
    r"|再次(?:征得|取得|获得)|单独(?:通知|告知)|\bpop-?up\b|\bpush notification|\be-?mail(?:ing)? you\b"
    r"|\bby e-?mail\b|\bin-app (?:notice|message|notification)\b|\bprominent notice\b"
    r"|\be-?mail address (?:linked|associated|registered)\b|\b(?:email|write to|text) you\b"
    r"|\bnotify you (?:by|through|via)\b|\b(?:ask|obtain|seek) (?:for )?your (?:consent|agreement) again\b"
    r"|\bre-?consent\b|\be-?mail (?:the|your) (?:address|account)\b"
    r"|\baddress (?:associated|linked|registered) with your account\b"
    # shown when the app starts, or accepted again before it applies
    r"|(?:启动|打开|登录)(?:App|APP|应用|客户端)?时[^，,。；;]{0,10}(?:展示|显示|提示|弹出)|下次(?:打开|启动|登录)时"
    r"|\bask you to (?:review and )?(?:accept|agree|consent)\b"
    r"|\b(?:the )?next time you (?:open|launch|start|log in to|sign in to) the app\b"
    # a notice shown inside the app ("在App首页以公告形式通知您"); a notice posted on a web page is not
    r"|(?:App|APP|应用|客户端|首页|站内)[^，,。；;]{0,8}公告|\bin-app (?:banner|announcement|alert)\b",
    re.IGNORECASE)


class UpdateNoticeRule(DisclosureRule):
    """Present: changes are announced actively (pop-up, push, e-mail, in-app message) or consent is asked
    again. Vague: the policy only says it may change, or that the new version is posted on a page."""

    id = "policy.update_notice"
    order = 12
    severity = Severity.LOW
    title_zh = "政策更新的通知方式"
    title_en = "How policy changes are notified"
    what_zh = "隐私政策变更时如何通知用户"
    what_en = "how users are told about changes to the policy"
    references = (ref.RENDING_2_2, ref.PIPL_14, ref.PIPL_17)

    def assess(self, context: PolicyContext) -> Assessment:
        about = [clause for clause in context.policy.clauses if _CHANGE.search(clause.context)]
        # "我们可能适时修订本政策。修订后，我们会以弹窗形式…": the notice is often the next sentence.
        policy = context.policy
        active = [clause for clause in about if _ACTIVE.search(policy.with_next(clause))]
        if active:
            return Assessment(Status.PRESENT, tuple(active))
        if about:
            return Assessment(Status.VAGUE, tuple(about), ("an active notice (pop-up, push, e-mail)",))
        return Assessment(Status.MISSING, lacking=("an active notice (pop-up, push, e-mail)",))
