"""policy.pi_types: each type of personal information collected, sensitive ones marked (GB/T 35273 5.5 b)."""

from __future__ import annotations

from yinsi.apps.findings import Severity
from yinsi.privacy_policy.model import Status
from yinsi.privacy_policy.rules import references as ref
from yinsi.privacy_policy.rules._text import COLLECT, GENERIC_PI, affirmed
from yinsi.privacy_policy.rules.base import Assessment, DisclosureRule, PolicyContext


class PiTypesRule(DisclosureRule):
    """Present: collected PI types are named, and when a sensitive one (PIPL art. 28: location, ID
    documents, financial accounts …) is among them, the policy marks it as sensitive. Vague: sensitive
    types named but never identified as sensitive, or only "personal information" in general."""

    id = "policy.pi_types"
    order = 3
    severity = Severity.HIGH
    title_zh = "个人信息类型及敏感个人信息标识"
    title_en = "Types of personal information, sensitive ones identified"
    what_zh = "收集的个人信息类型及其中的敏感个人信息"
    what_en = "the types of personal information collected and which of them are sensitive"
    references = (ref.GBT_5_5_B, ref.PIPL_17, ref.PIPL_28, ref.GBT_ANNEX_B)

    def assess(self, context: PolicyContext) -> Assessment:
        vocabulary, knowledge = context.vocabulary, context.knowledge
        naming = [(clause, vocabulary.pi_types_in(clause.text)) for clause in context.policy.clauses
                  if affirmed(COLLECT, clause.text) or vocabulary.marks_sensitive(clause.text)]
        naming = [(clause, types) for clause, types in naming if types]
        if not naming:
            generic = [clause for clause in context.policy.clauses
                       if affirmed(COLLECT, clause.text) and GENERIC_PI.search(clause.text)]
            if generic:
                return Assessment(Status.VAGUE, tuple(generic), ("named types of personal information",))
            return Assessment(Status.MISSING, lacking=("named types of personal information",))
        clauses = tuple(clause for clause, _ in naming)
        sensitive = {pi for _, types in naming for pi in types if knowledge.pi(pi).sensitive}
        marked = [clause for clause in context.policy.clauses
                  if vocabulary.marks_sensitive(clause.text)]
        if sensitive and not marked:
            return Assessment(Status.VAGUE, clauses, ("sensitive personal information identified as such",))
        return Assessment(Status.PRESENT, (*marked[:1], *clauses))
