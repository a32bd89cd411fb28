"""apps.tracker_sdk: third-party tracker SDKs embedded in the app and what each collects."""

from __future__ import annotations

from yinsi.apps.facts import AppFacts
from yinsi.apps.findings import AppFinding, Severity
from yinsi.apps.rules import references as ref
from yinsi.apps.rules.base import AppRule, RuleContext

# Ads, attribution and fingerprinting SDKs exist to profile or identify the user across apps.
_PROFILING = frozenset({"ads", "attribution", "fingerprinting"})


class TrackerSdkRule(AppRule):
    """One finding per tracker: the app must list each SDK, what it collects and why (认定方法 二.1),
    and the SDK's collection is the app's responsibility (GB/T 41391-2022 6.6)."""

    id = "apps.tracker_sdk"
    severity = Severity.LOW
    title_zh = "嵌入第三方SDK收集个人信息"
    title_en = "Third-party SDK collecting personal information"
    references = (ref.RENDING_2_1, ref.RENDING_5_1, ref.GBT_41391_6_6, ref.GBT_35273_9_7, ref.PIPL_23)
    max_deduction = 25

    def check(self, facts: AppFacts, context: RuleContext) -> list[AppFinding]:
        knowledge = context.knowledge
        findings = []
        for match in context.trackers:
            tracker = match.tracker
            collects = tuple(pi for pi in tracker.collects if pi in knowledge.pi_types)
            collects_zh = "、".join(knowledge.pi(pi).zh for pi in collects) or "未公开"
            collects_en = ", ".join(knowledge.pi(pi).en for pi in collects) or "not documented"
            kinds = "/".join(tracker.categories)
            if set(tracker.categories) & _PROFILING:
                severity = Severity.MEDIUM
            elif not collects:
                severity = Severity.INFO
            else:
                severity = Severity.LOW
            weak = "" if match.code_evidence else "（仅清单/原生库证据）"
            weak_en = "" if match.code_evidence else " (manifest/native evidence only)"
            findings.append(self.finding(
                f"嵌入 {tracker.name_zh or tracker.name}（{tracker.vendor}，{kinds}）{weak}；"
                f"据厂商或公开资料，收集：{collects_zh}。须在隐私政策和第三方SDK清单中逐一列明。",
                f"Embeds {tracker.name} ({tracker.vendor}; {kinds}){weak_en}; per vendor or public "
                f"material it collects: {collects_en}. The privacy policy must list it.",
                severity=severity,
                evidence=(*match.evidence(), f"signature confidence {tracker.confidence}",
                          *(f"reference {r}" for r in tracker.references[:2])),
                pi_types=collects, tracker=tracker.id))
        return findings
