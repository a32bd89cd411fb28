"""policy.user_rights: the data subject's rights and how to exercise them (PIPL art. 15, 44-47, 50;
GB/T 35273 5.5 e and chapter 8; 认定方法 三.8, 六.1)."""

from __future__ import annotations

import re

from yinsi.apps.findings import Severity
from yinsi.privacy_policy.model import Clause, PolicyText, Status
from yinsi.privacy_policy.rules import references as ref
from yinsi.privacy_policy.rules._text import concrete_contact
from yinsi.privacy_policy.rules.base import Assessment, DisclosureRule, PolicyContext

_I = re.IGNORECASE
RIGHTS: dict[str, re.Pattern[str]] = {
    "access": re.compile(r"查询|查阅|查看|访问您的|\baccess\b|\bview\b|\bsee what\b|\bknow what\b"
                         r"|\bsee (?:and (?:export|download) )?(?:your|all)\b", _I),
    "copy": re.compile(r"复制|副本|导出|转移至|\bcopy\b|\bcopies\b|\bexport\b|\bportab"
                       r"|\bdownload (?:a copy|your)", _I),
    "correction": re.compile(r"更正|修改|补充|修正|\bcorrect|\brectif|\bamend\b|\bfix\b|\bedit\b"
                             r"|\bupdate (?:your|inaccurate)", _I),
    "deletion": re.compile(r"删除|\bdelet(?:e|ion)\b|\berase|\berasure\b", _I),
    "withdrawal of consent": re.compile(r"撤回|撤销[^，,。；;]{0,8}(?:同意|授权)|改变(?:您)?授权"
                                        r"|关闭[^，,。；;]{0,10}权限|取消授权"
                                        r"|\bwithdraw|\brevoke|\bopt out\b", _I),
    "account cancellation": re.compile(r"注销|\b(?:close|delete|cancel|deactivate) (?:your|the) account\b"
                                       r"|\baccount (?:deletion|closure|cancellation)\b", _I),
}
_SUBJECT = re.compile(
    r"(?:您|用户|玩家|会员|客户)(?:也|还|亦|随时|均)?(?:有权|可以|可|能够|享有|依法)|您的权利|用户权利|权利|您的选择"
    r"|\byou (?:(?:also|still) )?(?:may|can|have the right|are entitled|could)\b(?! not\b)|\byour rights?\b"
    # an instruction addressed to the user: "tap Profile > Privacy to view …", "进入“设置”即可删除…"
    r"|\b(?:tap|go to|open|click|visit)\b[^.;]{0,40}\bto (?:view|see|access|export|download|edit|correct"
    r"|delete)\b|(?:进入|前往|打开|点击)[^，,。；;]{0,20}(?:即可|可以|可)"
    r"|\bright to\b|\byour (?:choices|options|privacy (?:choices|controls))\b",
    re.IGNORECASE)
_METHOD = re.compile(
    r"设置|路径|点击|进入|页面|通过[^，,。；;]{0,20}(?:联系|邮件|客服|发送|提交|申请)|在线|操作|功能"
    r"|\bsettings\b|\btap\b|\bclick\b|\bemail(?:ing)? us\b|\bcontact(?:ing)? us\b"
    r"|\bby (?:writing|emailing|visiting|sending)\b|\bin the app\b|\bvia\b|\bthrough\b"
    # a form or a menu path ("use the in-app form at Help > Privacy request")
    r"|表单|\bin-app\b|\bform\b|\b[A-Z][\w ]{0,20}\s?>\s?[A-Z]",
    re.IGNORECASE)


def rights_named(clause: Clause) -> set[str]:
    return {name for name, pattern in RIGHTS.items() if pattern.search(clause.text)}


_LIST_CONTINUES = re.compile(r"[；;：:，,]\s*$")
_LIST_SPAN = 8  # clauses looked back along a list


def _subject_of(policy: PolicyText, clause: Clause) -> bool:
    """The clause, or the clauses before it in a list joined by ；/; (not a full stop), say whose rights."""
    if _SUBJECT.search(clause.context):
        return True
    section = policy.sections[clause.section].clauses
    for index in range(clause.index - 1, max(-1, clause.index - 1 - _LIST_SPAN), -1):
        earlier = section[index].text
        if not _LIST_CONTINUES.search(earlier):
            return False
        if _SUBJECT.search(earlier):
            return True
    return False


class UserRightsRule(DisclosureRule):
    """Present: at least five of access, copy, correction, deletion, withdrawal of consent and account
    cancellation, and how to exercise them (an in-app path, a form or a contact). Rights may be named as
    actions ("view and download your data", "close your account", "撤回…授权"), and a list split at ；/;
    keeps the subject of its opening clause. Vague: some rights, or no way to exercise them."""

    id = "policy.user_rights"
    order = 8
    severity = Severity.HIGH
    title_zh = "个人权利及行使方式"
    title_en = "Data subject rights and how to exercise them"
    what_zh = "查阅复制、更正、删除、撤回同意、注销账号等权利及行使方式"
    what_en = ("the rights of access, copy, correction, deletion, withdrawal of consent and account "
               "cancellation, and how")
    references = (ref.PIPL_15, ref.PIPL_44_47, ref.PIPL_50, ref.GBT_5_5_E, ref.GBT_8, ref.RENDING_3_8,
                  ref.RENDING_6_1)

    def assess(self, context: PolicyContext) -> Assessment:
        # A list of rights split at ";" ("您享有以下权利：（1）查阅…；（2）更正…") keeps its subject in the
        # clause that opens it: a clause counts when it, or an earlier clause of the same paragraph
        # without a full stop between, states whose rights they are.
        about = [clause for clause in context.policy.clauses
                 if rights_named(clause) and _subject_of(context.policy, clause)]
        if not about:
            return Assessment(Status.MISSING, lacking=tuple(RIGHTS))
        named = set().union(*(rights_named(clause) for clause in about))
        policy = context.policy
        how = any(_METHOD.search(policy.with_next(clause)) or concrete_contact(policy.with_next(clause))
                  for clause in about)
        lacking = tuple(name for name in RIGHTS if name not in named) + (() if how else ("how to exercise",))
        status = Status.PRESENT if len(named) >= 5 and how else Status.VAGUE
        return Assessment(status, tuple(about), lacking if status is Status.VAGUE else ())
