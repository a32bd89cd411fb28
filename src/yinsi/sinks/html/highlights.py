""""At a glance" (要点): the few sentences a reader needs before any chart — where the sensitive
personal information is, what is past retention, and which app collects beyond its category's needs."""

from __future__ import annotations

from html import escape

from yinsi.sinks.html.markup import bilingual
from yinsi.sinks.html.model import Report


def _sensitive_types(report: Report) -> str:
    found = [f"{item.explanation.chinese or item.explanation.entity_type} {item.count:,}"
             for item in report.types if item.explanation.sensitive]
    return ", ".join(found[:4])


def highlights(report: Report) -> list[str]:
    """Plain-text sentences (escaped when rendered), most important first."""
    lines = []
    if report.sensitive:
        lines.append(f"敏感个人信息 {report.sensitive:,} 处 / {report.sensitive:,} sensitive findings: "
                     f"{_sensitive_types(report)}.")
    sources = [source for source in report.sources if source.sensitive]
    if sources:
        top = ", ".join(f"{source.source} ({source.sensitive:,})" for source in sources[:3])
        lines.append(f"敏感信息集中在 / Most sensitive findings are in: {top}.")
    if report.columns_sensitive:
        count = report.columns_sensitive
        lines.append(f"数据库中 {count} 列含敏感信息 / {count} database columns hold sensitive personal "
                     f"information (of {report.columns_personal} personal).")
    expired = [table for table in report.inventory if isinstance(table.get("expired_rows"), int)
               and table["expired_rows"] > 0]
    if expired:
        worst = max(expired, key=lambda table: int(table["expired_rows"]))
        lines.append(f"超期保存 {report.past_retention:,} 行 / {report.past_retention:,} rows are past the "
                     f"{worst.get('period_days')}-day retention period, most in {worst.get('table')} "
                     f"({int(worst['expired_rows']):,}).")
    over = [app for app in report.apps if app.excess_pi]
    if over:
        app = min(over, key=lambda item: item.score)
        lines.append(f"超范围收集 / Beyond its category's necessary PI: {app.name} ({app.score} {app.grade}) "
                     f"can collect {', '.join(app.excess_pi)}; {len(over)} of {len(report.apps)} apps do so.")
    return lines


def render_highlights(report: Report) -> str:
    lines = highlights(report)
    if not lines:
        return ""
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    return f'<section id="highlights"><h2>{bilingual("要点", "At a glance")}</h2><ul>{items}</ul></section>'
