"""The score: 100 minus traceable deductions, capped per rule; grades; league-table order."""

from __future__ import annotations

from dataclasses import replace

import pytest

from yinsi.apps.audit import audit_facts, rank_audits
from yinsi.apps.facts import AppFacts
from yinsi.apps.findings import AppFinding, Severity
from yinsi.apps.scoring import POINTS, grade_of, score_findings


def finding(rule_id: str, severity: Severity) -> AppFinding:
    return AppFinding(rule_id, severity, "标题", "title", "消息", f"{rule_id} {severity.value}")


@pytest.mark.parametrize(
    ("value", "grade"),
    [(100, "A"), (90, "A"), (89, "B"), (75, "B"), (60, "C"), (40, "D"), (39, "F"), (0, "F")],
)
def test_grades(value: int, grade: str) -> None:
    assert grade_of(value) == grade


def test_every_deduction_is_traceable_and_capped() -> None:
    findings = [
        finding("apps.a", Severity.LOW),
        finding("apps.a", Severity.HIGH),
        finding("apps.a", Severity.HIGH),
        finding("apps.b", Severity.MEDIUM),
        finding("apps.c", Severity.INFO),
    ]
    score = score_findings(findings, {"apps.a": 20, "apps.b": 10, "apps.c": 0})
    assert [(d.rule_id, d.points, d.capped) for d in score.deductions] == [
        ("apps.a", 15, False),
        ("apps.a", 5, True),
        ("apps.b", 8, False),
        ("apps.a", 0, True),
    ]
    assert score.value == 100 - sum(d.points for d in score.deductions) == 72
    assert score.grade == "C"


def test_score_never_below_zero() -> None:
    findings = [finding(f"apps.r{i}", Severity.HIGH) for i in range(10)]
    assert score_findings(findings, {}).value == 0
    assert POINTS[Severity.HIGH] * 10 > 100


BASE = AppFacts(
    path="t.apk",
    sha256="0" * 64,
    size=1,
    package="com.example.t",
    target_sdk=30,
    uses_cleartext_traffic=False,
)


def test_league_table_order() -> None:
    clean = audit_facts(replace(BASE, package="com.example.clean"), category="36")
    nosy = audit_facts(
        replace(BASE, package="com.example.nosy", permissions=("android.permission.ACCESS_FINE_LOCATION",)),
        category="36",
    )
    tracked = audit_facts(
        replace(BASE, package="com.example.ads", classes=frozenset({"com.qq.e.ads.ADActivity"})),
        category="36",
    )
    assert [audit.facts.package for audit in rank_audits([nosy, tracked, clean])] == [
        "com.example.clean",
        "com.example.ads",
        "com.example.nosy",
    ]
    assert nosy.score.deductions[0].rule_id == "apps.excess_permission"


def test_audit_json_shape() -> None:
    audit = audit_facts(
        replace(BASE, permissions=("android.permission.ACCESS_FINE_LOCATION",)), category="36"
    )
    data = audit.as_dict()
    assert data["category"]["zh"] == "拍摄美化类"  # type: ignore[index]
    assert data["score"]["value"] == audit.score.value  # type: ignore[index]
    assert data["findings"][0]["references"][0]["clause"] == "第五条第（36）项"  # type: ignore[index]
    assert data["collectable_pi"] == [
        {"pi_type": "location", "permissions": ["android.permission.ACCESS_FINE_LOCATION"], "apis": []}
    ]
