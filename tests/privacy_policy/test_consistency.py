"""Policy vs app: PI the app can collect and SDKs it embeds that the policy never names, and PI the policy
claims beyond the category; on hand-built facts and on the sample APKs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from yinsi.apps.audit import AppAudit, audit_facts
from yinsi.apps.facts import AppFacts
from yinsi.apps.findings import Severity
from yinsi.privacy_policy import PolicyFinding, check_policy, check_text, policy_from_text
from yinsi.privacy_policy.samples import sample_policy
from yinsi.privacy_policy.vocabulary import default_vocabulary

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "apps"))
from apk_helpers import sample_apks

P = "android.permission."
FACTS = AppFacts(
    path="news.apk", sha256="0" * 64, size=1, package="com.example.news", min_sdk=21, target_sdk=30,
    permissions=(P + "READ_CONTACTS", P + "ACCESS_FINE_LOCATION", P + "CAMERA"),
    classes=frozenset({"com.example.news.MainActivity", "com.umeng.commonsdk.UMConfigure",
                       "com.igexin.sdk.PushManager", "cn.jpush.android.api.JPushInterface"}),
)


def audit(category: str | None = None) -> AppAudit:
    return audit_facts(FACTS, category=category)


def findings(text: str, rule_id: str, category: str | None = None) -> list[PolicyFinding]:
    result = check_text(policy_from_text(text), audit=audit(category))
    return [finding for finding in result.findings if finding.rule_id == rule_id]


@pytest.mark.parametrize(("policy", "undisclosed"), [
    ("我们使用相机拍照。", ["getui", "jpush", "umeng_common"]),
    ("我们接入了友盟+统计SDK、个推推送SDK和极光推送SDK。", []),
    ("We embed the Umeng, Getui and JPush SDKs.", []),
    ("合作方：每日互动股份有限公司、深圳市和讯华谷信息技术有限公司。Umeng analytics.", []),  # company names
    ("合作方：每日互动股份有限公司。Umeng analytics.", ["jpush"]),
    ("We use metadata and umengx tools.", ["getui", "jpush", "umeng_common"]),  # no whole-name match
])
def test_undisclosed_sdks(policy: str, undisclosed: list[str]) -> None:
    assert sorted(f.tracker or "" for f in findings(policy, "policy.undisclosed_sdk")) == undisclosed


def test_undisclosed_sdk_finding_names_vendor_and_evidence() -> None:
    (finding,) = [f for f in findings("友盟 极光", "policy.undisclosed_sdk")]
    assert finding.tracker == "getui" and finding.severity is Severity.MEDIUM
    assert "每日互动" in finding.message_zh and finding.evidence
    cited = {str(reference) for reference in finding.references}
    assert cited >= {"认定方法(2019) 二.1", "认定方法(2019) 五.1"}


@pytest.mark.parametrize(("policy", "expected"), [
    ("我们使用相机拍照。", [("contacts", "high"), ("location", "high")]),
    ("我们会收集您的位置信息和通讯录，用于推荐好友。We use the camera.", []),
    ("我们不会收集您的通讯录。我们会获取您的地理位置，并使用摄像头。", [("contacts", "high")]),
    ("We read your address book. We never collect your location. Camera is used for scanning.",
     [("location", "high")]),
])
def test_undisclosed_collection(policy: str, expected: list[tuple[str, str]]) -> None:
    found = findings(policy, "policy.undisclosed_collection")
    assert sorted((f.pi_types[0], f.severity.value) for f in found) == expected
    for finding in found:
        assert any(line.startswith("permission android.permission.") for line in finding.evidence)


def test_denied_collection_is_called_out() -> None:
    (finding,) = findings("我们不会收集您的通讯录。位置信息用于推荐；相机用于拍照。"
                          "", "policy.undisclosed_collection")
    assert finding.message_en.startswith("The policy says it does not collect address book contacts")
    assert finding.excerpts[0].text == "我们不会收集您的通讯录。"


def test_unnecessary_pi_needs_a_category() -> None:
    text = "我们会收集您的通讯录，用于好友推荐。我们会使用相机拍照。"
    assert findings(text, "policy.unnecessary_pi") == []
    found = findings(text, "policy.unnecessary_pi", category="拍摄美化类")
    assert [(f.pi_types, f.severity) for f in found] == [(("contacts",), Severity.LOW)]


def test_without_an_app_no_consistency_findings() -> None:
    result = check_text(policy_from_text("我们使用相机拍照。"))
    assert not [f for f in result.findings if f.rule_id.startswith("policy.undisclosed")]


def test_every_tracker_has_a_name_policies_can_use() -> None:
    vocabulary = default_vocabulary()
    from yinsi.apps.knowledge import default_knowledge

    for tracker in default_knowledge().trackers:
        names = vocabulary.sdk_names[tracker.id]
        assert names and all(vocabulary.names_tracker(tracker.id, f"我们接入了{name}。"
                                                                  f"") for name in names), tracker.id
    assert not vocabulary.names_tracker("adjust", "You can adjust the settings.")  # common words need more


def test_sample_selfie_apk(tmp_path_factory: pytest.TempPathFactory) -> None:
    apks = sample_apks(tmp_path_factory)
    good = check_policy(sample_policy("selfie_good"), app=apks["selfie"], category="拍摄美化类")
    bad = check_policy(sample_policy("selfie_bad"), app=apks["selfie"], category="拍摄美化类")
    assert good.audit is not None and good.audit.facts.package == "com.example.selfie"
    assert [f.pi_types for f in good.findings if f.rule_id.startswith("policy.undisclosed")] == []
    gaps = sorted((f.pi_types[0], f.severity.value) for f in bad.findings
                  if f.rule_id == "policy.undisclosed_collection")
    # "美颜相机" (the app's name) counts as naming the camera: a known limit of word matching
    assert gaps == [("location", "high"), ("storage", "medium")]
    assert good.score.value > bad.score.value


def test_sample_news_apk_sdks(tmp_path_factory: pytest.TempPathFactory) -> None:
    apks = sample_apks(tmp_path_factory)
    result = check_policy(sample_policy("selfie_good"), app=apks["sdk_before_consent"])
    undisclosed = {f.tracker for f in result.findings if f.rule_id == "policy.undisclosed_sdk"}
    assert "getui" in undisclosed
    assert any(tracker and tracker.startswith("umeng") for tracker in undisclosed)
