"""The privacy-policy part of a report: one scorecard per checked policy (`kind: "policy"` results of
`yinsi policy check`), with the required disclosures as a status table and every finding with its
quoted clauses, evidence from the APK and references. Styled like the app scorecards."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from yinsi.sinks.html.charts import ring
from yinsi.sinks.html.markup import bilingual, text

KIND = "policy"
_GRADE_COLOUR = {"A": "#2f855a", "B": "#38a169", "C": "#d69e2e", "D": "#dd6b20", "F": "#c53030"}
_SEVERITIES = (("high", "高", "High"), ("medium", "中", "Medium"), ("low", "低", "Low"))
_STATUS = {"present": ("", "已披露 present"), "vague": ("medium", "含糊 vague"),
           "missing": ("high", "缺失 missing"), "not_applicable": ("", "不适用 n/a")}
_POLICY_RULES = ("GB/T 35273-2020 §5.5 · 个人信息保护法 (PIPL) · "
                 "App违法违规收集使用个人信息行为认定方法 (2019)")


@dataclass(frozen=True, slots=True)
class PolicyCard:
    """One checked policy: file, compared app, score, severities, disclosures and findings."""

    path: str
    language: str
    app: str
    category: str
    score: int
    grade: str
    severities: Mapping[str, int]
    disclosures: tuple[Mapping[str, Any], ...]
    findings: tuple[Mapping[str, Any], ...]


def is_policy_result(document: Any) -> bool:
    return isinstance(document, Mapping) and document.get("kind") == KIND


def policy_cards(document: Mapping[str, Any]) -> list[PolicyCard]:
    """Cards of every policy in one `kind: "policy"` envelope."""
    cards = []
    for item in document.get("policies", ()):
        if not isinstance(item, Mapping):
            continue
        policy, app, category = item.get("policy") or {}, item.get("app") or {}, item.get("category") or {}
        score = item.get("score") or {}
        findings = tuple(finding for finding in item.get("findings", ()) if isinstance(finding, Mapping))
        cards.append(PolicyCard(
            path=str(policy.get("path", "?")), language=str(policy.get("language", "")),
            app=str(app.get("label") or app.get("package") or "") if app else "",
            category=f"{category.get('number', '')} {category.get('zh', '')}".strip() if category else "",
            score=int(score.get("value", 0)), grade=str(score.get("grade", "?")),
            severities=dict(Counter(str(finding.get("severity")) for finding in findings)),
            disclosures=tuple(d for d in item.get("disclosures", ()) if isinstance(d, Mapping)),
            findings=findings))
    return cards


def _quote(item: Mapping[str, Any]) -> str:
    excerpts = [excerpt for excerpt in item.get("excerpts", ()) if isinstance(excerpt, Mapping)]
    return f"“{text(excerpts[0].get('text'))}”" if excerpts else "—"


def _disclosure_row(item: Mapping[str, Any]) -> str:
    tone, label = _STATUS.get(str(item.get("status")), ("", text(item.get("status"))))
    lacking = ", ".join(str(word) for word in item.get("lacking", ()))
    missing = f'<div class="muted">缺少 lacking: {escape(lacking)}</div>' if lacking else ""
    return (f'<tr><td><span class="sev {tone}">{escape(label)}</span></td>'
            f'<td>{text(item.get("title_zh"))}<br><span class="en">{text(item.get("title_en"))}</span></td>'
            f'<td>{_quote(item)}{missing}</td></tr>')


def _finding(finding: Mapping[str, Any]) -> str:
    references = "; ".join(f"{reference.get('document', '')} {reference.get('clause', '')}".strip()
                           for reference in finding.get("references", ()))
    quotes = "".join(f"<blockquote>{text(excerpt.get('text'))}</blockquote>"
                     for excerpt in finding.get("excerpts", ()) if isinstance(excerpt, Mapping))
    evidence = ", ".join(str(item) for item in list(finding.get("evidence", ()))[:4])
    evidence_block = f'<div class="muted">证据 evidence: {escape(evidence)}</div>' if evidence else ""
    return (f'<li class="sev-{text(finding.get("severity"))}">'
            f'<b>{text(finding.get("title_zh"))} / {text(finding.get("title_en"))}</b>'
            f'<div>{text(finding.get("message_zh"))}<br>{text(finding.get("message_en"))}</div>'
            f'{quotes}{evidence_block}<div class="refs">依据 refs: {escape(references) or "—"}</div></li>')


def _card(card: PolicyCard) -> str:
    colour = _GRADE_COLOUR.get(card.grade, "#4a5568")
    chips = "".join(f'<span class="sev {key}">{zh} {en}: {card.severities.get(key, 0)}</span>'
                    for key, zh, en in _SEVERITIES)
    facts = [("应用 App", card.app or "—"), ("类型 Category", card.category or "—"),
             ("语言 Language", card.language or "—")]
    rows = "".join(f"<tr><th>{escape(key)}</th><td>{escape(value)}</td></tr>" for key, value in facts)
    disclosures = "".join(_disclosure_row(item) for item in card.disclosures)
    findings = "".join(_finding(finding) for finding in card.findings)
    return (f'<article class="app policy"><header>{ring(card.score, card.grade, colour)}'
            f'<div><h3>{escape(card.path)}</h3><div class="chips">{chips}</div></div></header>'
            f'<table class="kv">{rows}</table>'
            f'<details open><summary>{bilingual("必要披露事项", "Required disclosures")}</summary>'
            f'<table class="disclosures">{disclosures}</table></details>'
            f'<details><summary>{len(card.findings)} findings 发现 · 按严重程度 by severity</summary>'
            f'<ol class="app-findings">{findings}</ol></details></article>')


def render_policies(cards: Sequence[PolicyCard]) -> str:
    """The policy scorecards section; empty without policies."""
    if not cards:
        return ""
    return (f'<section id="policies"><h2>{bilingual("隐私政策检查", "Privacy-policy checks")}</h2>'
            f'<p class="muted">{escape(_POLICY_RULES)}</p>'
            f'<div class="apps">{"".join(_card(card) for card in cards)}</div></section>')
