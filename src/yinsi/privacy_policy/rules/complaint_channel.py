"""policy.complaint_channel: where to complain (PIPL art. 65; GB/T 35273 5.5 h; 认定方法 六.5)."""

from __future__ import annotations

import re

from yinsi.apps.findings import Severity
from yinsi.privacy_policy.model import Status
from yinsi.privacy_policy.rules import references as ref
from yinsi.privacy_policy.rules._text import concrete_contact
from yinsi.privacy_policy.rules.base import Assessment, DisclosureRule, PolicyContext

_COMPLAINT = re.compile(
    r"投诉|举报|申诉|不满意|争议|纠纷|\bcomplain|\bcomplaints?\b|\bdispute|\bgrievance|\blodge\b"
    r"|\braise (?:a |your )?concerns?\b",
    re.IGNORECASE)
_EXTERNAL = re.compile(
    r"(?:网信|监管|主管|有关|相关|消费者协会|工商|公安|电信)[^，,。；;]{0,8}(?:部门|机构|机关)|人民法院"
    r"|法院|仲裁|(?:调解|争议解决|纠纷解决)(?:机构|组织|中心)"
    r"|\b(?:regulator|supervisory authority|data protection authority|court|arbitration|ombudsman"
    r"|(?:Information|Privacy|Data Protection) Commissioner)\b"
    r"|\b(?:independent |alternative )?dispute resolution (?:provider|body|service|scheme|mechanism)\b",
    re.IGNORECASE)
# Complaints or reports about other users' content or conduct, and what they cost the reported user, are
# the platform's moderation, not the user's channel: "对于恶意投诉行为，平台将…处罚", "相关内容一经举报核实",
# "complaints about abusive behaviour", "users who receive repeated complaints", "complaint records".
_MODERATION = re.compile(
    r"(?:恶意|被|一经|遭到)(?:投诉|举报)|(?:投诉|举报)记录|\bcomplaints? records?\b"
    r"|\bcomplaints? (?:about|against) (?:\w+ ){0,2}(?:behaviou?r|content|posts?|users?|accounts?|sellers?"
    r"|merchants?|drivers?)\b|\b(?:receive|received|receives) (?:\w+ )?complaints\b"
    r"|\bcomplaints? from other (?:users|members|people)\b",
    re.IGNORECASE)
# "You may have the right to complain to a regulator" only hedges about a right, naming no channel.
_HEDGED = re.compile(r"可能(?:有权|享有)|\b(?:may|might|could) have (?:the|a) right\b", re.IGNORECASE)
_POINTER = re.compile(
    r"联系我们|本政策[^，,。；;]{0,10}(?:所列|公布|提供)的?(?:联系)?方式|上述(?:联系)?方式|\bcontact us\b"
    r"|\bcontact details (?:above|below)\b",
    re.IGNORECASE)


class ComplaintChannelRule(DisclosureRule):
    """Present: a complaint clause with a concrete channel (e-mail, telephone, address, web form), an
    external body (regulator, court, arbitration), or a pointer to contact details the policy gives.
    Vague: "please contact us" with no channel anywhere."""

    id = "policy.complaint_channel"
    order = 10
    severity = Severity.MEDIUM
    title_zh = "投诉举报渠道"
    title_en = "Complaint channel"
    what_zh = "投诉、举报的渠道"
    what_en = "how to complain"
    references = (ref.RENDING_6_5, ref.PIPL_65, ref.GBT_5_5_H)

    def assess(self, context: PolicyContext) -> Assessment:
        about = [clause for clause in context.policy.clauses
                 if _COMPLAINT.search(clause.context) and not _MODERATION.search(clause.text)]
        concrete = [clause for clause in about
                    if concrete_contact(clause.text)
                    or (_EXTERNAL.search(clause.text) and not _HEDGED.search(clause.text))]
        if concrete:
            return Assessment(Status.PRESENT, tuple(concrete))
        contacts = any(concrete_contact(clause.text) for clause in context.policy.clauses)
        pointing = [clause for clause in about if _POINTER.search(clause.text)]
        if pointing and contacts:
            return Assessment(Status.PRESENT, tuple(pointing))
        if about:
            return Assessment(Status.VAGUE, tuple(about), ("a channel",))
        return Assessment(Status.MISSING, lacking=("a channel",))
