"""apps.legacy_target_sdk: targetSdkVersion below 23, so dangerous permissions are granted at install."""

from __future__ import annotations

from yinsi.apps.facts import AppFacts
from yinsi.apps.findings import AppFinding, Reference, Severity
from yinsi.apps.inventory import dangerous_permissions
from yinsi.apps.rules import references as ref
from yinsi.apps.rules.base import AppRule, RuleContext

RUNTIME_PERMISSIONS_API = 23  # Android 6.0: runtime permissions apply only to apps targeting 23+
_ANDROID_DOC = Reference("Android", "runtime permissions (API 23)",
                         "apps targeting API < 23 receive dangerous permissions at install time", "V")


class LegacyTargetSdkRule(AppRule):
    """An app targeting API < 23 never asks: every dangerous permission is granted on install, before
    any consent (认定方法 三.1). Android treats a missing targetSdkVersion as minSdkVersion, and a
    missing minSdkVersion as 1."""

    id = "apps.legacy_target_sdk"
    severity = Severity.HIGH
    title_zh = "targetSdk 低于 23：安装即授予危险权限"
    title_en = "targetSdk below 23: dangerous permissions granted at install"
    references = (ref.RENDING_3_1, ref.GBT_41391_6_5, ref.PIPL_14, _ANDROID_DOC)
    max_deduction = 15

    def check(self, facts: AppFacts, context: RuleContext) -> list[AppFinding]:
        target = facts.target_sdk if facts.target_sdk is not None else facts.min_sdk
        declared = "declared" if facts.target_sdk is not None else "defaulted from minSdkVersion"
        if target is None:
            target, declared = 1, "defaulted: no uses-sdk"
        if target >= RUNTIME_PERMISSIONS_API:
            return []
        dangerous = dangerous_permissions(facts, context.knowledge)
        return [self.finding(
            f"targetSdkVersion={target}（低于23），{len(dangerous)} 项危险权限"
            "在安装时即被授予，用户无从拒绝。",
            f"targetSdkVersion={target} ({declared}) is below 23: {len(dangerous)} dangerous permissions "
            "are granted at install, without asking.",
            severity=Severity.HIGH if dangerous else Severity.LOW,
            evidence=(f"targetSdkVersion {target} ({declared})", *(f"permission {p}" for p in dangerous)))]
