"""policy.response_time: a commitment to answer requests within 15 working days (认定方法 六.3, 六.5)."""

from __future__ import annotations

import re

from yinsi.apps.findings import Severity
from yinsi.privacy_policy.model import Clause, Status
from yinsi.privacy_policy.rules import references as ref
from yinsi.privacy_policy.rules._text import PERIOD, number_value
from yinsi.privacy_policy.rules.base import Assessment, DisclosureRule, PolicyContext

_RESPONSE = re.compile(
    r"答复|回复|处理|响应|反馈|核实|受理|\brespon[ds]\w*|\brepl(?:y|ies|ied)\b|\banswer\w*"
    r"|\bprocess\w* (?:your|the|every|all) requests?|\bhandl(?:e|ed|es|ing)\b|\bget back to you\b"
    # a request completed or a reply heard: "complete your request within …", "hear back within …"
    r"|\b(?:complete|fulfil+|action|resolve)\w* (?:your|the|every|all) requests?\b|\bhear back\b"
    r"|\brequests?\b[^.;]{0,60}\b(?:processed|completed|fulfilled|actioned|resolved)\b|办理|办结",
    re.IGNORECASE)
_VAGUE = re.compile(
    r"及时|尽快|尽早|合理(?:的)?(?:期限|时间)|第一时间|\bpromptly\b|\bas soon as\b|\btimely\b"
    r"|\breasonable (?:time|period)\b|\bwithout undue delay\b",
    re.IGNORECASE)
MAX_WORKING_DAYS = 15
MAX_CALENDAR_DAYS = 21  # 15 working days are three calendar weeks


def within_limit(value: int, unit: str) -> bool:
    unit = unit.lower()
    if "工作日" in unit or "working" in unit or "business" in unit:
        return value <= MAX_WORKING_DAYS
    if unit in {"天", "日", "自然日"} or "day" in unit:
        return value <= MAX_CALENDAR_DAYS
    if unit in {"小时"} or "hour" in unit:
        return value <= MAX_CALENDAR_DAYS * 24
    if unit in {"周", "星期"} or "week" in unit:
        return value <= 3
    return False  # months, years


class ResponseTimeRule(DisclosureRule):
    """Present: a period of at most 15 working days (21 calendar days, 3 weeks) for answering requests.
    Vague: "promptly", "尽快", or a longer period (30 days, one month)."""

    id = "policy.response_time"
    order = 9
    severity = Severity.MEDIUM
    title_zh = "响应期限（不超过15个工作日）"
    title_en = "Response time (at most 15 working days)"
    what_zh = "答复个人请求的期限（不超过15个工作日）"
    what_en = "how soon requests are answered (at most 15 working days)"
    references = (ref.RENDING_6_3, ref.RENDING_6_5, ref.PIPL_50, ref.GBT_8)

    def assess(self, context: PolicyContext) -> Assessment:
        timed: list[Clause] = []
        slow: list[Clause] = []
        vague: list[Clause] = []
        for clause in context.policy.clauses:
            if not _RESPONSE.search(clause.text):
                continue
            periods = [(value, unit) for number, unit in PERIOD.findall(clause.text)
                       if (value := number_value(number))]
            if periods and any(within_limit(value, unit) for value, unit in periods):
                timed.append(clause)
            elif periods:
                slow.append(clause)
            elif _VAGUE.search(clause.text):
                vague.append(clause)
        if timed:
            return Assessment(Status.PRESENT, tuple(timed))
        if slow:
            return Assessment(Status.VAGUE, tuple(slow), ("a period of at most 15 working days",))
        if vague:
            return Assessment(Status.VAGUE, tuple(vague), ("a period",))
        return Assessment(Status.MISSING, lacking=("a period",))
