"""The app-audit part of a report: one scorecard per app (from `yinsi app audit` results) and its rules.

A scorecard shows the grade as a ring, findings by severity, the most severe finding as a headline,
the category, SDKs and the personal information collected beyond what the category needs (必要个人信息
范围规定, 2021), then every finding with its evidence and references.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from yinsi.sinks.html.charts import ring
from yinsi.sinks.html.markup import bilingual, text

_GRADE_COLOUR = {"A": "#2f855a", "B": "#38a169", "C": "#d69e2e", "D": "#dd6b20", "F": "#c53030"}
_SEVERITIES = (("high", "高", "High"), ("medium", "中", "Medium"), ("low", "低", "Low"))
_APP_RULES = ("App违法违规收集使用个人信息行为认定方法 (2019) · "
              "常见类型移动互联网应用程序必要个人信息范围规定 (2021) · GB/T 41391-2022")


@dataclass(frozen=True, slots=True)
class AppCard:
    """One audited app: identity, score, counts by severity, SDKs, over-collected PI and findings."""

    name: str
    package: str
    version: str
    category: str
    score: int
    grade: str
    limited: bool
    severities: Mapping[str, int]
    trackers: tuple[str, ...]
    excess_pi: tuple[str, ...]
    findings: tuple[Mapping[str, Any], ...]
    deductions: tuple[Mapping[str, Any], ...]


def app_card(item: Mapping[str, Any]) -> AppCard:
    app = item.get("app") or {}
    category = item.get("category") or {}
    score = item.get("score") or {}
    findings = tuple(finding for finding in item.get("findings", ()) if isinstance(finding, Mapping))
    severities = Counter(str(finding.get("severity")) for finding in findings)
    excess = sorted({str(pi) for finding in findings if finding.get("rule_id") == "apps.excess_permission"
                     and finding.get("severity") != "low" for pi in finding.get("pi_types", ())})
    return AppCard(
        name=str(app.get("label") or app.get("package") or app.get("path") or "?"),
        package=str(app.get("package", "")),
        version=str(app.get("version_name") or ""),
        category=f"{category.get('number', '')} {category.get('zh', '')} {category.get('en', '')}".strip()
        if category else "",
        score=int(score.get("value", 0)),
        grade=str(score.get("grade", "?")),
        limited=bool(item.get("limited")),
        severities=dict(severities),
        trackers=tuple(str(t.get("name") or t.get("id"))
                       for t in item.get("trackers", ()) if isinstance(t, Mapping)),
        excess_pi=tuple(excess),
        findings=findings,
        deductions=tuple(d for d in score.get("deductions", ()) if isinstance(d, Mapping)),
    )


def _app_finding(finding: Mapping[str, Any]) -> str:
    references = "; ".join(f"{reference.get('document', '')} {reference.get('clause', '')}".strip()
                           for reference in finding.get("references", ()))
    evidence = ", ".join(str(item) for item in list(finding.get("evidence", ()))[:4])
    heuristic = " <em>(heuristic 疑似)</em>" if finding.get("heuristic") else ""
    return (f'<li class="sev-{text(finding.get("severity"))}">'
            f'<b>{text(finding.get("title_zh"))} / {text(finding.get("title_en"))}</b>{heuristic}'
            f'<div>{text(finding.get("message_zh"))}<br>{text(finding.get("message_en"))}</div>'
            f'<div class="muted">证据 evidence: {escape(evidence) or "—"}</div>'
            f'<div class="refs">依据 refs: {escape(references) or "—"}</div></li>')


def _app(app: AppCard) -> str:
    colour = _GRADE_COLOUR.get(app.grade, "#4a5568")
    chips = "".join(f'<span class="sev {key}">{zh} {en}: {app.severities.get(key, 0)}</span>'
                    for key, zh, en in _SEVERITIES)
    facts = [("类型 Category", app.category or "unknown 未声明"), ("包名 Package", app.package),
             ("版本 Version", app.version or "—"), ("SDK 第三方", ", ".join(app.trackers) or "—"),
             ("超范围 Beyond necessary PI", ", ".join(app.excess_pi) or "—")]
    rows = "".join(f"<tr><th>{escape(key)}</th><td>{escape(value)}</td></tr>" for key, value in facts)
    limited = '<p class="muted">* static audit limited 静态审计受限</p>' if app.limited else ""
    findings = "".join(_app_finding(finding) for finding in app.findings)
    worst = next((finding for finding in app.findings if finding.get("severity") in ("high", "medium")), None)
    headline = (f'<p class="headline sev-{text(worst.get("severity"))}">{text(worst.get("title_zh"))} · '
                f'{text(worst.get("title_en"))}</p>' if worst else "")
    return (f'<article class="app"><header>{ring(app.score, app.grade, colour)}'
            f'<div><h3>{escape(app.name)}</h3><div class="chips">{chips}</div></div></header>'
            f'{headline}<table class="kv">{rows}</table>{limited}'
            f'<details><summary>{len(app.findings)} findings 发现 · 按严重程度 by severity</summary>'
            f'<ol class="app-findings">{findings}</ol></details></article>')


def render_apps(apps: Sequence[AppCard]) -> str:
    """The scorecards section, best score first; empty without apps."""
    if not apps:
        return ""
    ranked = sorted(apps, key=lambda app: (-app.score, app.name))
    return (f'<section id="apps"><h2>{bilingual("应用隐私评分", "App scorecards")}</h2>'
            f'<p class="muted">{escape(_APP_RULES)}</p>'
            f'<div class="apps">{"".join(_app(app) for app in ranked)}</div></section>')


def render_app_rule(rule_id: str, finding: Mapping[str, Any]) -> str:
    references = "".join(f"<li>{text(ref.get('document'))} {text(ref.get('clause'))} — "
                         f"{text(ref.get('note'))}</li>" for ref in finding.get("references", ()))
    return (f'<details class="rule"><summary><b>{escape(rule_id)}</b> {text(finding.get("title_zh"))} '
            f'<span class="en">{text(finding.get("title_en"))}</span></summary>'
            f'<ul class="refs">{references}</ul></details>')
