"""apps.debuggable: a release build marked debuggable lets anyone with USB access read the app's data."""

from __future__ import annotations

from yinsi.apps.facts import AppFacts
from yinsi.apps.findings import AppFinding, Severity
from yinsi.apps.rules import references as ref
from yinsi.apps.rules.base import AppRule, RuleContext


class DebuggableRule(AppRule):
    """`android:debuggable=true` allows `run-as` and debugger attach: the app's private files, which
    hold personal information, are readable over adb (PIPL art. 51)."""

    id = "apps.debuggable"
    severity = Severity.MEDIUM
    title_zh = "应用可调试"
    title_en = "App is debuggable"
    references = (ref.PIPL_51,)
    max_deduction = 8

    def check(self, facts: AppFacts, context: RuleContext) -> list[AppFinding]:
        if not facts.debuggable:
            return []
        return [self.finding("清单声明 debuggable=true，可通过 adb 读取应用私有数据。",
                             "The manifest sets debuggable=true: private app data is readable over adb.",
                             evidence=("android:debuggable=true",))]
