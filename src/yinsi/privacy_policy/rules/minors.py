"""policy.minors: handling of children under 14 with a guardian's consent (PIPL art. 31)."""

from __future__ import annotations

import re

from yinsi.apps.findings import Severity
from yinsi.privacy_policy.model import Status
from yinsi.privacy_policy.rules import references as ref
from yinsi.privacy_policy.rules._text import GENERIC_PI, number_value
from yinsi.privacy_policy.rules.base import Assessment, DisclosureRule, PolicyContext

_MINORS = re.compile(
    r"未成年|儿童|青少年|不满\s*\S{1,3}\s*周?岁|未满\s*\S{1,3}\s*周?岁|\bminors?\b|\bchild(?:ren)?\b"
    r"|\bkids?\b|\bunder (?:the age of )?\d+\b|\byounger than\b"
    r"|\bat least 1[3-8]\b(?! (?:days?|weeks?|months?|hours?|minutes?|times|%))|年满\s*\S{1,3}\s*周?岁",
    re.IGNORECASE)
_FOURTEEN = re.compile(
    r"(?:不满|未满|低于|小于|以下|under|below|younger than|less than)[^，,。；;]{0,12}(?:14|十四|fourteen)"
    r"|(?:14|十四)\s*周?岁以下|\b(?:14|fourteen)\b[^.;]{0,10}\b(?:years? )?(?:of age|old)\b",
    re.IGNORECASE)
_GUARDIAN = re.compile(
    r"监护人|父母|家长|\bparent|\bguardian",
    re.IGNORECASE)


# An age line at or above 14 covers the under-14s too ("未满18周岁…应取得监护人同意", "at least 16 years
# old").
_AGE_LINE = re.compile(
    r"(?:不满|未满|低于|小于|年满|满|under|below|younger than|less than|at least)\s*(?:the age of\s*)?"
    r"(\d{1,2}|十[四五六七八])\s*(?:周岁|岁|years?)?|(\d{1,2}|十[四五六七八])\s*周?岁以下",
    re.IGNORECASE)
# Products for children (儿童票, 安全座椅, "child seats") say nothing about children's personal information.
_CHILD_PRODUCT = re.compile(
    r"儿童(?:票|座椅|餐|套餐|乐园|用品|玩具)|安全座椅"
    r"|\bchild(?:ren's)? (?:seats?|tickets?|fares?|menus?|car seats?)\b"
    r"|\bkids'? (?:meals?|menus?|tickets?)\b",
    re.IGNORECASE)
# 儿童 is a child under 14 by definition (《儿童个人信息网络保护规定》 art. 2); "children" in English is not.
_CHILD_ZH = re.compile(r"儿童")


def covers_under_fourteen(text: str) -> bool:
    """The clause addresses children under 14, by that line, a higher one, or the word 儿童."""
    if _FOURTEEN.search(text) or _CHILD_ZH.search(text):
        return True
    for match in _AGE_LINE.finditer(text):
        value = number_value(match.group(1) or match.group(2))
        if value is not None and 14 <= value <= 18:
            return True
    return False


class MinorsRule(DisclosureRule):
    """Present: the policy addresses children under 14 (or every minor up to an age line of 14 to 18, or
    儿童, which means under 14) and requires a parent's or guardian's consent.
    Vague: minors mentioned without the 14-year threshold or without guardian consent (e.g. an
    under-13 clause written for COPPA)."""

    id = "policy.minors"
    order = 11
    severity = Severity.MEDIUM
    title_zh = "不满十四周岁未成年人的个人信息处理"
    title_en = "Children under 14"
    what_zh = "不满十四周岁未成年人个人信息的处理规则及监护人同意"
    what_en = "how information of children under 14 is handled, with a guardian's consent"
    references = (ref.PIPL_31, ref.GBT_5_5)

    def assess(self, context: PolicyContext) -> Assessment:
        about = [clause for clause in context.policy.clauses if _MINORS.search(clause.context)
                 and not (_CHILD_PRODUCT.search(clause.text) and not _GUARDIAN.search(clause.text)
                          and not GENERIC_PI.search(clause.text))]
        if not about:
            return Assessment(Status.MISSING, lacking=("under 14", "guardian consent"))
        fourteen = [clause for clause in about if covers_under_fourteen(clause.text)]
        guardian = [clause for clause in about if _GUARDIAN.search(context.policy.with_next(clause))]
        if fourteen and guardian:
            return Assessment(Status.PRESENT, tuple(dict.fromkeys((*fourteen, *guardian))))
        lacking = (() if fourteen else ("under 14",)) + (() if guardian else ("guardian consent",))
        return Assessment(Status.VAGUE, tuple(about), lacking)
