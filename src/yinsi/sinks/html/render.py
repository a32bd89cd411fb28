"""The report page: sections rendered from the model into one self-contained HTML file.

Static parts (summary cards, charts, heat-maps, retention, app scorecards, rule explanations) are
rendered here with every text escaped; the finding table is drawn by the page's inline script from
compact JSON rows, a page at a time, so 100,000 findings do not mean 100,000 DOM rows. The page loads
nothing from the network (no fonts, no CDN) and its Content-Security-Policy forbids it to.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from html import escape
from importlib.resources import files
from string import Template
from typing import Any

from yinsi.sinks.explain import Explanation, explain_name
from yinsi.sinks.html.apps import render_app_rule, render_apps
from yinsi.sinks.html.charts import OTHER, PERSONAL, SENSITIVE, Bar, bar_chart, heat_map, legend
from yinsi.sinks.html.highlights import render_highlights
from yinsi.sinks.html.inventory import render_retention
from yinsi.sinks.html.markup import bilingual
from yinsi.sinks.html.model import Report, build
from yinsi.sinks.html.policies import render_policies

_MAX_BARS = 15
_MAX_HEAT_ROWS = 30
_MAX_HEAT_COLUMNS = 16
_KIND_LABEL = {"scan": "文件扫描 file scan", "inventory": "数据表清单 table inventory",
               "app_audit": "应用审计 app audit", "policy": "隐私政策 privacy policy"}
_SENSITIVE_KEY = (SENSITIVE, "敏感 sensitive")

def _asset(name: str) -> str:
    return files("yinsi.sinks.html").joinpath("assets", name).read_text(encoding="utf-8")


def _json_for_script(data: Any) -> str:
    """JSON safe inside <script type="application/json">: no `</script>` or `<!--` can appear."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def _card(label_zh: str, label_en: str, value: str, note: str = "", tone: str = "") -> str:
    return (f'<div class="card {tone}"><div class="label">{bilingual(label_zh, label_en)}</div>'
            f'<div class="value">{value}</div><div class="note">{note}</div></div>')


def _summary(report: Report) -> str:
    scanned = []
    if report.files_scanned:
        scanned.append(f"{report.files_scanned:,} files 文件")
    if report.tables_scanned:
        scanned.append(f"{report.tables_scanned:,} tables 表")
    if report.apps:
        scanned.append(f"{len(report.apps)} apps 应用")
    cards = [_card("扫描对象", "Scanned", "<br>".join(escape(item) for item in scanned) or "—",
                   escape(f"{report.bytes_read / 1e6:,.1f} MB of files read" if report.bytes_read else ""),
                   "scanned")]
    if report.findings or not report.columns_total:
        share = f"{100 * report.sensitive / report.findings:.0f}% of findings 占比" if report.findings else ""
        cards.append(_card("个人信息", "Personal information found", f"{report.findings:,}",
                           (f"{report.distinct:,} distinct values 不同值 · " if report.distinct else "")
                           + f"{len(report.types)} types 类型"))
        cards.append(_card("敏感个人信息", "Sensitive (PIPL art. 28)", f"{report.sensitive:,}", escape(share),
                           "alert" if report.sensitive else ""))
    if report.columns_total:
        cards.append(_card("含个人信息的列", "Columns with PI", f"{report.columns_personal:,}",
                           f"of {report.columns_total:,} columns 列 · "
                           f"{report.columns_sensitive:,} sensitive 敏感",
                           "alert" if report.columns_sensitive else ""))
    expired = report.past_retention
    if expired is not None:
        cards.append(_card("超期保存", "Past retention", f"{expired:,}", "rows 行 (PIPL art. 19)",
                           "alert" if expired else ""))
    if report.apps:
        worst = min(report.apps, key=lambda app: app.score)
        cards.append(_card("最低应用得分", "Lowest app score", f"{worst.score} {escape(worst.grade)}",
                           escape(worst.name), "alert" if worst.grade in ("D", "F") else ""))
    return f'<section id="summary" class="cards">{"".join(cards)}</section>'


def _colour(explanation: Explanation) -> tuple[str, str]:
    if explanation.sensitive:
        return _SENSITIVE_KEY
    return (PERSONAL, "个人信息 personal") if explanation.personal else (OTHER, "非个人 not personal")


def _charts(report: Report) -> str:
    if not report.types:
        return ""
    types = []
    for item in report.types[:_MAX_BARS]:
        explanation = item.explanation
        colour, name = _colour(explanation)
        label = f"{explanation.chinese} {explanation.entity_type}".strip()
        types.append(Bar(label, ((item.count, colour, name),),
                         hint=f"{explanation.english}, {item.distinct} distinct values"))
    sources = [Bar(source.source, ((source.sensitive, *_SENSITIVE_KEY),
                                   (source.findings - source.sensitive, PERSONAL, "其他 other")),
                   hint=f"{source.kind} {source.source}")
               for source in report.sources[:_MAX_BARS]]
    more = len(report.sources) - _MAX_BARS
    more_note = f'<p class="muted">+ {more} more 其他来源</p>' if more > 0 else ""
    return (
        '<section id="charts" class="grid2">'
        f'<figure><figcaption>{bilingual("按类型", "Findings by entity type and sensitivity")}</figcaption>'
        f'{bar_chart("Findings by entity type", types)}'
        f'{legend([_SENSITIVE_KEY, (PERSONAL, "个人信息 personal"), (OTHER, "非个人 not personal")])}'
        '</figure>'
        f'<figure><figcaption>{bilingual("按文件 / 表", "Findings by file or table")}</figcaption>'
        f'{bar_chart("Findings by file or table", sources)}'
        f'{legend([_SENSITIVE_KEY, (PERSONAL, "其他 other")])}{more_note}</figure>'
        '</section>'
    )


def _column_titles(report: Report) -> tuple[dict[str, str], set[str]]:
    kinds = {item.explanation.entity_type for item in report.types} | set(report.column_types)
    explanations = [explain_name(kind) for kind in kinds]
    titles = {item.entity_type: item.chinese for item in explanations}
    return titles, {item.entity_type for item in explanations if item.sensitive}


def _heat_section(section_id: str, zh: str, en: str, note: str, cells: dict[tuple[str, str], int],
                  report: Report, *, unit: str = "") -> str:
    if not cells:
        return ""
    row_totals: dict[str, int] = {}
    column_totals: dict[str, int] = {}
    for (row, column), count in cells.items():
        row_totals[row] = row_totals.get(row, 0) + count
        column_totals[column] = column_totals.get(column, 0) + count
    rows = sorted(row_totals, key=lambda row: -row_totals[row])[:_MAX_HEAT_ROWS]
    columns = sorted(column_totals, key=lambda column: -column_totals[column])[:_MAX_HEAT_COLUMNS]
    if len(row_totals) > _MAX_HEAT_ROWS:
        note += f" Top {_MAX_HEAT_ROWS} of {len(row_totals)} 前 {_MAX_HEAT_ROWS} 项."
    titles, sensitive = _column_titles(report)
    return (f'<section id="{section_id}"><h2>{bilingual(zh, en)}</h2><p class="muted">{escape(note)}</p>'
            f'{heat_map(rows, columns, cells, titles, sensitive, unit=unit)}</section>')


def _heat_maps(report: Report) -> str:
    file_cells: dict[tuple[str, str], int] = {}
    for item in report.fields:
        key = (f"{item.source} · {item.field}", item.entity_type)
        file_cells[key] = file_cells.get(key, 0) + item.count
    return "".join([
        _heat_section("inventory", "个人信息清单:列 × 类型", "Inventory: columns × entity types",
                      "Findings per column (CSV files, tables) and JSON key path. 按列/字段统计的发现次数。",
                      file_cells, report),
        _heat_section("tables", "数据表:列 × 类型", "Tables: columns × entity types",
                      "Share of sampled values that match, per database column. 每列抽样值中匹配的比例。",
                      report.column_cells, report, unit="%"),
    ])


_TABLE_HEAD = "".join(f'<th data-k="{key}">{label}</th>' for key, label in enumerate((
    "类型 Type", "敏感 Sensitive", "置信度 Score", "来源 File / table", "位置 Where", "列/字段 Field",
    "掩码预览 Masked preview", "摘要 Digest")))


def _findings_table(report: Report) -> str:
    if not report.rows_total:
        return ""
    capped = ""
    if report.rows_embedded < report.rows_total:
        capped = (f'<p class="note-cap">表中列出 {report.rows_embedded:,} / {report.rows_total:,} 条'
                  '(敏感优先)。 '
                  f"The table lists {report.rows_embedded:,} of {report.rows_total:,} findings, sensitive "
                  "first, to keep this page small; the counts and charts above include every finding, "
                  "and the JSON result lists them all.</p>")
    options = "".join(f'<option value="{escape(name)}">{escape(name)}</option>' for name in report.row_types)
    value_head = '<th data-k="8">值 Value</th>' if report.include_values else ""
    return (f'<section id="findings"><h2>{bilingual("发现明细", "Findings")}</h2>{capped}'
            '<div class="filters">'
            '<input id="f-text" type="search" placeholder="筛选 Filter: file, column, preview…" '
            'aria-label="filter"><select id="f-type" aria-label="entity type">'
            f'<option value="">全部类型 All types</option>{options}</select>'
            '<label><input id="f-sensitive" type="checkbox"> 仅敏感 Sensitive only</label>'
            '<span id="f-count" class="muted"></span></div>'
            '<div class="scroll"><table class="data" id="findings-table">'
            f'<thead><tr>{_TABLE_HEAD}{value_head}</tr></thead><tbody></tbody></table></div>'
            '<div class="pager"><button id="p-prev" type="button">‹ 上一页 Prev</button>'
            '<span id="p-info"></span><button id="p-next" type="button">下一页 Next ›</button>'
            '</div></section>')


def _explanation(explanation: Explanation, count: str) -> str:
    references = "".join(f"<li>{escape(str(reference))} — {escape(reference.note)}</li>"
                         for reference in explanation.references)
    badge = ('<span class="badge sens">敏感 sensitive</span>' if explanation.sensitive else
             '<span class="badge">个人信息 personal</span>' if explanation.personal else
             '<span class="badge other">非个人 not personal</span>')
    return (f'<details class="rule"><summary><b>{escape(explanation.chinese)} '
            f'{escape(explanation.entity_type)}</b> <span class="en">{escape(explanation.english)}</span> '
            f'{badge} '
            f'<span class="muted">{escape(count)}</span></summary>'
            f'<p>{bilingual(explanation.category, explanation.category_english)}</p>'
            f'<p>{escape(explanation.why)}</p><p><b>应对 What to do:</b> {escape(explanation.action)}</p>'
            f'<ul class="refs">{references}</ul></details>')


def _rules(report: Report) -> str:
    counts = {item.explanation.entity_type: f"{item.count:,} findings 处" for item in report.types}
    for kind, columns in report.column_types.items():
        counts[kind] = (counts[kind] + " · " if kind in counts else "") + f"{columns} columns 列"
    explanations = {item.explanation.entity_type: item.explanation for item in report.types}
    for kind in report.column_types:
        explanations.setdefault(kind, explain_name(kind))
    entity_rules = "".join(_explanation(item, counts[kind]) for kind, item in explanations.items())
    app_rules: dict[str, Mapping[str, Any]] = {}
    for app in report.apps:
        for finding in app.findings:
            app_rules.setdefault(str(finding.get("rule_id")), finding)
    app_items = "".join(render_app_rule(rule_id, finding) for rule_id, finding in sorted(app_rules.items()))
    if not entity_rules and not app_items:
        return ""
    return (f'<section id="rules"><h2>{bilingual("规则说明与依据", "Rules and references")}</h2>'
            f'{entity_rules}{app_items}</section>')


def _footer(report: Report) -> str:
    notes = ["预览均已掩码;摘要为带密钥的 HMAC,可计数而不保存原值。 Previews are masked; digests are keyed "
             "HMACs that count values without storing them."]
    if report.include_values:
        notes.insert(0, "⚠ 本报告包含原始值 This report contains raw personal values (--show-values).")
    if report.key_ids:
        notes.append("Digest key id 密钥标识: " + ", ".join(report.key_ids))
    if report.skipped:
        notes.append("Skipped 跳过: " + ", ".join(f"{k} {v}" for k, v in sorted(report.skipped.items())))
    errors = "".join(f"<li>{escape(error)}</li>" for error in report.errors[:50])
    error_block = f'<h3>无法读取 Unreadable</h3><ul class="errors">{errors}</ul>' if errors else ""
    return f'<footer>{error_block}{"".join(f"<p>{escape(note)}</p>" for note in notes)}</footer>'


def render(report: Report, *, title: str = "yinsi 隐私报告 Privacy report") -> str:
    """The whole page as a string."""
    kinds = " + ".join(dict.fromkeys(_KIND_LABEL.get(kind, kind) for kind in report.kinds))
    subtitle = f"{kinds} · yinsi {report.tool_version} · {report.created_at}"
    if report.base:
        subtitle += f" · files under 文件目录 {report.base}/"
    body = "".join([
        f'<header class="top"><h1>{escape(title)}</h1><p class="muted">{escape(subtitle)}</p></header>',
        _summary(report), render_highlights(report), _charts(report), _heat_maps(report),
        render_retention(report), render_apps(report.apps), render_policies(report.policies),
        _findings_table(report), _rules(report), _footer(report),
    ])
    meta = {"types": report.row_types, "sources": report.row_sources, "values": report.include_values,
            "names": {kind: explain_name(kind).chinese for kind in report.row_types}}
    return Template(_asset("page.html")).substitute(
        title=escape(title), style=_asset("report.css"), body=body, meta=_json_for_script(meta),
        rows=("[" + ",".join(report.rows) + "]").replace("<", "\\u003c"), script=_asset("report.js"),
    )


def render_documents(documents: Sequence[Any], *, include_values: bool = False,
                     title: str | None = None) -> str:
    """Build the model of `documents` and render it."""
    report = build(documents, include_values=include_values)
    return render(report) if title is None else render(report, title=title)
