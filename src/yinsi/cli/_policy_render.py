"""Rich rendering of a privacy-policy check: header with score, disclosures table, findings, deductions."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from yinsi.apps.findings import Severity
from yinsi.privacy_policy.check import PolicyCheck
from yinsi.privacy_policy.model import Status
from yinsi.sinks.plain import printable

_STYLE = {Severity.HIGH: "bold red", Severity.MEDIUM: "yellow", Severity.LOW: "cyan", Severity.INFO: "dim"}
_STATUS_STYLE = {Status.PRESENT: "green", Status.VAGUE: "yellow", Status.MISSING: "bold red",
                 Status.NOT_APPLICABLE: "dim"}
_GRADE_STYLE = {"A": "bold green", "B": "green", "C": "yellow", "D": "red", "F": "bold red"}
_MAX_EVIDENCE = 4


def render_check(check: PolicyCheck, console: Console, *, show_values: bool = False) -> None:
    """One report: what the policy discloses, what is risky, what the app does that the policy omits.
    Quoted clauses have their identifiers masked unless `show_values`."""
    source, audit = check.source, check.audit
    app = "—" if audit is None else f"{audit.name} ({audit.facts.package})"
    category = check.category.label if check.category is not None else "— (use --category)"
    header = Text.assemble(
        (source.path, "bold"),
        f"  {source.format}, {check.policy.language}, {len(check.policy.sections)} sections 节, "
        f"{len(check.policy.clauses)} clauses 条款\n",
        f"app 应用: {app}\ncategory 类型: {category}\n", "score 得分: ",
        (f"{check.score.value} {check.score.grade}", _GRADE_STYLE[check.score.grade]))
    console.print(Panel(header, title="yinsi policy check 隐私政策检查", expand=False))

    disclosures = Table(title="Required disclosures 必要披露事项", show_lines=True)
    disclosures.add_column("status 状态", no_wrap=True)
    disclosures.add_column("disclosure 事项", overflow="fold", ratio=2)
    disclosures.add_column("clause 条款原文", overflow="fold", ratio=3)
    for item in check.disclosures:
        quote = printable(item.excerpts[0].shown(show_values=show_values)) if item.excerpts else ""
        shown = item.lacking if item.status is not Status.MISSING else ()
        lacking = f"\nlacking 缺少: {', '.join(shown)}" if shown else ""
        disclosures.add_row(Text(f"{item.status.value} "
                                 f"{item.status.chinese}", style=_STATUS_STYLE[item.status]),
                            f"{item.title_zh}\n{item.title_en}", Text.assemble(quote, (lacking, "yellow")))
    console.print(disclosures)

    findings = Table(title="Findings 发现 (by severity 按严重程度)", show_lines=True)
    findings.add_column("severity 严重程度", no_wrap=True)
    findings.add_column("finding 发现", overflow="fold", ratio=3)
    findings.add_column("clause · evidence · references 条款·证据·依据", overflow="fold", ratio=3)
    for finding in check.findings:
        details = [f"“{excerpt.shown(show_values=show_values)}”" for excerpt in finding.excerpts]
        details.extend(finding.evidence[:_MAX_EVIDENCE])
        if len(finding.evidence) > _MAX_EVIDENCE:
            details.append(f"… +{len(finding.evidence) - _MAX_EVIDENCE}")
        references = "依据 refs: " + "; ".join(str(reference) for reference in finding.references)
        findings.add_row(Text(f"{finding.severity.value} "
                              f"{finding.severity.chinese}", style=_STYLE[finding.severity]),
                         Text.assemble((f"{finding.rule_id}  {finding.title_zh} / "
                                        f"{finding.title_en}", "bold"),
                                       f"\n{finding.message_zh}\n{finding.message_en}"),
                         Text.assemble(printable("\n".join(details)), "\n", (references, "dim")))
    if check.findings:
        console.print(findings)
    else:
        console.print("No findings 未发现问题")

    deductions = Table(title="Score deductions 扣分明细")
    for column in ("points 扣分", "rule 规则", "reason 原因"):
        deductions.add_column(column, overflow="fold")
    for deduction in check.score.deductions:
        deductions.add_row(f"-{deduction.points}" + (" (cap 封顶)" if deduction.capped else ""),
                           deduction.rule_id, deduction.reason)
    if check.score.deductions:
        console.print(deductions)
