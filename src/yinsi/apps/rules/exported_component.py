"""apps.exported_component: services, receivers and providers other apps can reach without a permission."""

from __future__ import annotations

from yinsi.apps.facts import AppFacts
from yinsi.apps.findings import AppFinding, Reference, Severity
from yinsi.apps.rules import references as ref
from yinsi.apps.rules.base import AppRule, RuleContext

_ANDROID_DOC = Reference("Android", "android:exported",
                         "before API 31 a component with an intent filter is exported by default; "
                         "providers are exported by default before API 17", "V")
_SEVERITY = {"provider": Severity.MEDIUM, "service": Severity.LOW, "receiver": Severity.LOW}


class ExportedComponentRule(AppRule):
    """Exported components without a permission let any app on the device call into them, a path to
    the app's personal data (PIPL art. 51). Activities are left out: launch screens must be exported."""

    id = "apps.exported_component"
    severity = Severity.LOW
    title_zh = "组件导出且未设权限保护"
    title_en = "Exported components without a permission"
    references = (ref.PIPL_51, _ANDROID_DOC)
    max_deduction = 10

    def check(self, facts: AppFacts, context: RuleContext) -> list[AppFinding]:
        by_kind: dict[str, list[str]] = {}
        for component in facts.exported_components():
            if component.kind in _SEVERITY and component.permission is None:
                by_kind.setdefault(component.kind, []).append(component.name)
        findings = []
        for kind, names in sorted(by_kind.items()):
            owners = {name: context.tracker_index.owner_of(name) for name in names}
            evidence = tuple(f"{kind} {name}" + (f" (SDK {owners[name]})" if owners[name] else "")
                             for name in sorted(names))
            findings.append(self.finding(
                f"{len(names)} 个 {kind} 组件对其他应用导出且未设置权限。",
                f"{len(names)} exported {kind} component(s) without a permission.",
                severity=_SEVERITY[kind], evidence=evidence))
        return findings
