"""Rich rendering of app audits: one report per app and a league table of many apps (bilingual labels)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from yinsi.apps.audit import AppAudit
from yinsi.apps.findings import Severity
from yinsi.apps.knowledge import KnowledgeBase
from yinsi.sinks.plain import plain, printable

_STYLE = {Severity.HIGH: "bold red", Severity.MEDIUM: "yellow", Severity.LOW: "cyan", Severity.INFO: "dim"}
_GRADE_STYLE = {"A": "bold green", "B": "green", "C": "yellow", "D": "red", "F": "bold red"}
_MAX_EVIDENCE = 4


def _severity(severity: Severity) -> Text:
    return Text(f"{severity.value} {severity.chinese}", style=_STYLE[severity])


def _grade(audit: AppAudit) -> Text:
    mark = "*" if audit.limited else ""
    return Text(f"{audit.score.value} {audit.score.grade}{mark}", style=_GRADE_STYLE[audit.score.grade])


def render_audit(audit: AppAudit, knowledge: KnowledgeBase, console: Console) -> None:
    """Header, findings by severity with references, necessary vs collectable PI, trackers, deductions."""
    facts = audit.facts
    category = (audit.category.label if audit.category
                else "unknown 未声明 (use --category; necessity not judged)")
    header = Text.assemble(
        (printable(audit.name), "bold"), printable(f"  {facts.package} {facts.version_name or ''}") + "\n",
        f"category 类型: {category}\n",
        f"targetSdk {facts.target_sdk}  minSdk {facts.min_sdk}  sha256 {facts.sha256[:16]}…\n",
        "score 得分: ", _grade(audit),
        "  (* static audit limited 静态审计受限)" if audit.limited else "")
    console.print(Panel(header, title="yinsi app audit 应用隐私审计", expand=False))

    findings = Table(title="Findings 发现 (by severity 按严重程度)", show_lines=True)
    findings.add_column("severity 严重程度", no_wrap=True)
    findings.add_column("finding 发现", overflow="fold", ratio=3)
    findings.add_column("evidence 证据 · references 依据", overflow="fold", ratio=2)
    for finding in audit.findings:
        evidence = list(finding.evidence[:_MAX_EVIDENCE])
        if len(finding.evidence) > _MAX_EVIDENCE:
            evidence.append(f"… +{len(finding.evidence) - _MAX_EVIDENCE}")
        heading = Text(f"{finding.rule_id}  {finding.title_zh} / {finding.title_en}", style="bold")
        if finding.heuristic:
            heading.append("  (heuristic 疑似)", style="italic")
        references = "依据 refs: " + "; ".join(str(reference) for reference in finding.references)
        findings.add_row(_severity(finding.severity),
                         Text.assemble(heading, f"\n{finding.message_zh}\n{finding.message_en}"),
                         Text.assemble(printable("\n".join(evidence)), "\n", (references, "dim")))
    if audit.findings:
        console.print(findings)
    else:
        console.print("No findings 未发现问题")

    console.print(_pi_table(audit, knowledge))
    if audit.trackers:
        console.print(_tracker_table(audit, knowledge))
    deductions = Table(title="Score deductions 扣分明细")
    for column in ("points 扣分", "rule 规则", "reason 原因"):
        deductions.add_column(column, overflow="fold")
    for deduction in audit.score.deductions:
        deductions.add_row(f"-{deduction.points}" + (" (cap 封顶)" if deduction.capped else ""),
                           deduction.rule_id, deduction.reason)
    if audit.score.deductions:
        console.print(deductions)


def _pi_table(audit: AppAudit, knowledge: KnowledgeBase) -> Table:
    """The category's necessary PI beside what the app can collect (permissions / APIs)."""
    category = audit.category
    title = "Personal information 个人信息: " + (
        f"necessary for 必要范围 {category.zh} vs. collectable 可收集" if category
        else "collectable 可收集 (category unknown 类型未声明)")
    table = Table(title=title)
    for column in ("PI type 类型", "necessary 必要", "collectable 可收集", "how 方式"):
        table.add_column(column, overflow="fold")
    reach = {access.pi_type: access for access in audit.inventory}
    necessary = category.necessary_types if category else frozenset()
    functional = set(category.functional) if category else set()
    for pi_type in knowledge.pi_types:
        if pi_type not in reach and pi_type not in necessary:
            continue
        pi = knowledge.pi(pi_type)
        if pi_type in necessary:
            verdict = Text("yes 是", style="green")
        elif pi_type in functional:
            verdict = Text("function 功能所需", style="cyan")
        elif category is None:
            verdict = Text("? 未判断", style="dim")
        else:
            verdict = Text("no 否", style="bold red" if pi_type in reach else "")
        access = reach.get(pi_type)
        how = "\n".join(access.evidence(max_callers=1)[:3]) if access else ""
        table.add_row(f"{pi.zh}\n{pi.en}", verdict, "yes 是" if access else "-", how)
    if category is not None and not category.necessary:
        table.caption = (f"{category.zh}: 基本功能服务无需个人信息 / "
                         "the basic service needs no personal information")
    return table


def _tracker_table(audit: AppAudit, knowledge: KnowledgeBase) -> Table:
    table = Table(title="Third-party SDKs 第三方SDK")
    for column in ("SDK", "vendor 厂商", "category 类别", "collects 收集", "evidence 证据", "conf. 置信"):
        table.add_column(column, overflow="fold")
    for match in audit.trackers:
        tracker = match.tracker
        collects = "、".join(knowledge.pi(pi).zh.split("（")[0] for pi in tracker.collects
                            if pi in knowledge.pi_types) or "-"
        table.add_row(tracker.display_name, tracker.vendor, "/".join(tracker.categories), collects,
                      "\n".join(match.evidence()), tracker.confidence)
    return table


def render_league(audits: Sequence[AppAudit], console: Console) -> None:
    """A Ranking-Digital-Rights-style league table: best score first, with the reasons in columns."""
    table = Table(title="App privacy league table 应用隐私排行榜", show_lines=False)
    for column in ("#", "app 应用", "package 包名", "category 类型", "score 得分", "SDKs 第三方",
                   "excess PI 超范围", "pre-consent 同意前", "high/med/low 高/中/低"):
        table.add_column(column, overflow="fold")
    for position, audit in enumerate(audits, start=1):
        counts = [sum(finding.severity is severity for finding in audit.findings)
                  for severity in (Severity.HIGH, Severity.MEDIUM, Severity.LOW)]
        excess = sorted({pi for finding in audit.findings if finding.rule_id == "apps.excess_permission"
                         and finding.severity is not Severity.LOW for pi in finding.pi_types})
        pre_consent = sum(finding.rule_id == "apps.pre_consent_collection" for finding in audit.findings)
        category = f"{audit.category.number} {audit.category.zh}" if audit.category else "?"
        table.add_row(str(position), plain(audit.facts.label or "—"), plain(audit.facts.package), category,
                      _grade(audit),
                      str(len(audit.trackers)), ", ".join(excess) or "-",
                      str(pre_consent) if pre_consent else "-", "/".join(map(str, counts)))
    console.print(Group(table, Text("* static audit limited (packed APK or budget hit) 静态审计受限",
                                     style="dim")))
