"""apps.pre_consent_collection: PI collection or SDK start-up reachable before any consent dialog.

`AppFacts.startup_calls` lists what `Application.onCreate`/`attachBaseContext` and `ContentProvider.onCreate`
reach: code that runs before the first screen, i.e. before a privacy-policy dialog can be shown. A tracker's
post-consent call (UMConfigure.init, PushManager.initialize …) or a sensitive API there is "suspected
collection before consent" (认定方法 三.1). Vendor-documented pre-consent calls (UMConfigure.preInit) are
fine. Static analysis sees no control flow, so an app-own method named like a consent check in the same
startup path (PrivacyHelper.isAgreed) lowers the severity instead of clearing the finding.
"""

from __future__ import annotations

import re

from yinsi.apps.facts import AppFacts
from yinsi.apps.findings import AppFinding, Severity
from yinsi.apps.knowledge import TrackerSignature
from yinsi.apps.rules import references as ref
from yinsi.apps.rules.base import AppRule, RuleContext
from yinsi.apps.trackers import TrackerIndex

CONSENT_WORDS = re.compile(
    r"privacy|agree|consent|policy|protocol|gdpr|yinsi|xieyi|tongyi", re.I)
# Constructors are left out: getInstance() reaching a constructor says nothing about collection.
_INIT_LIKE = re.compile(r"^(?:init\w*|start\w*|initialize\w*|register\w*|setup|setUp)$")
_FRAMEWORK = ("android.", "androidx.", "java.", "javax.", "kotlin.", "kotlinx.", "dalvik.", "sun.",
              "com.google.android.material.", "org.json.", "org.w3c.", "org.xml.")


def _split(call: str) -> tuple[str, str]:
    class_name, _, method = call.replace("$", ".").rpartition(".")
    return class_name, method


def _matches(call: str, listed: str, tracker: TrackerSignature, index: TrackerIndex) -> bool:
    """`listed` is "<class>.<method>"; a class without a package matches under the tracker's packages."""
    canonical = call.replace("$", ".")
    if canonical == listed:
        return True
    if listed.count(".") == 1 and canonical.endswith("." + listed):
        return index.owner_of(_split(canonical)[0]) == tracker.id
    return False


def consent_gates(facts: AppFacts, index: TrackerIndex) -> tuple[str, ...]:
    """App-own startup calls whose class or method name looks like a consent check."""
    gates = []
    for call in facts.startup_calls:
        class_name, method = _split(call)
        if call.startswith(_FRAMEWORK) or index.owner_of(class_name) is not None:
            continue
        if CONSENT_WORDS.search(class_name.rpartition(".")[2]) or CONSENT_WORDS.search(method):
            gates.append(call)
    return tuple(sorted(set(gates)))


class PreConsentCollectionRule(AppRule):
    """Tracker gate calls, init-like SDK calls and sensitive APIs in the startup path (heuristic)."""

    id = "apps.pre_consent_collection"
    severity = Severity.HIGH
    title_zh = "疑似在用户同意前收集个人信息"
    title_en = "Suspected collection before consent"
    references = (ref.RENDING_3_1, ref.GBT_41391_6_4, ref.GBT_41391_6_6, ref.GBT_35273_5_4,
                  ref.PIPL_13, ref.PIPL_14)
    max_deduction = 40

    def check(self, facts: AppFacts, context: RuleContext) -> list[AppFinding]:
        if not facts.startup_calls:
            return []
        index = context.tracker_index
        trackers = {tracker.id: tracker for tracker in index.trackers if tracker.code_regex is None}
        gates = consent_gates(facts, index)
        gated = ("启动路径中有疑似同意检查（" + "、".join(gates[:3])
                 + "），请确认其确实保护了这些调用。") if gates else ""
        gated_en = (f" A consent-looking check is on the startup path ({', '.join(gates[:3])}); verify it "
                    "guards these calls.") if gates else ""
        strong = Severity.LOW if gates else Severity.HIGH
        weak = Severity.LOW if gates else Severity.MEDIUM
        gate_calls: dict[str, list[str]] = {}
        init_like: dict[str, list[str]] = {}
        allowed: list[str] = []
        sensitive: dict[str, list[str]] = {}
        apis = {name.replace("$", "."): api for name, api in context.knowledge.apis.items()}
        for call in sorted(set(facts.startup_calls)):
            class_name, method = _split(call)
            owner = index.owner_of(class_name)
            tracker = trackers.get(owner) if owner else None
            if tracker is not None:
                if any(_matches(call, listed, tracker, index) for listed in tracker.pre_consent):
                    allowed.append(call)
                elif any(_matches(call, listed, tracker, index) for listed in tracker.post_consent):
                    gate_calls.setdefault(tracker.id, []).append(call)
                elif _INIT_LIKE.match(method):
                    init_like.setdefault(tracker.id, []).append(call)
                continue
            api = apis.get(call.replace("$", "."))
            for pi_type in api.pi_types if api else ():
                sensitive.setdefault(pi_type, []).append(call)
        note = tuple(f"allowed before consent: {call}" for call in allowed) + tuple(
            f"consent-looking check: {call}" for call in gates)
        findings = []
        for tracker_id, calls in gate_calls.items():
            tracker = trackers[tracker_id]
            findings.append(self.finding(
                f"{tracker.name_zh or tracker.name} 的初始化/采集调用（{'、'.join(calls)}）"
                f"可在 Application 或 ContentProvider 启动时执行，早于隐私政策弹窗。{gated}",
                f"{tracker.name} start-up call(s) {', '.join(calls)} run from Application/ContentProvider "
                f"start-up, before a privacy dialog can be shown.{gated_en}",
                severity=strong, evidence=(*(f"startup call {c}" for c in calls), *note),
                pi_types=tracker.collects, tracker=tracker_id, heuristic=True))
        for tracker_id, calls in init_like.items():
            if tracker_id in gate_calls:
                continue  # its documented gate call is already reported
            tracker = trackers[tracker_id]
            findings.append(self.finding(
                f"启动路径调用了 {tracker.name_zh or tracker.name} 的疑似初始化方法（{'、'.join(calls)}），"
                f"知识库未收录其同意前后的接口划分。{gated}",
                f"Start-up path calls init-like methods of {tracker.name} ({', '.join(calls)}); the "
                f"knowledge base has no documented consent split for them.{gated_en}",
                severity=weak, evidence=(*(f"startup call {c}" for c in calls), *note),
                pi_types=tracker.collects, tracker=tracker_id, heuristic=True))
        for pi_type, calls in sensitive.items():
            pi = context.knowledge.pi(pi_type)
            findings.append(self.finding(
                f"启动路径直接调用敏感接口读取{pi.zh}（{'、'.join(calls)}）。{gated}",
                f"The start-up path reads {pi.en} through {', '.join(calls)}.{gated_en}",
                severity=strong, evidence=(*(f"startup call {c}" for c in calls), *note),
                pi_types=(pi_type,), heuristic=True))
        return findings
