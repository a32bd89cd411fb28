"""Policy rules: the contract every rule meets, the labelled dev set, tricky wording, the sample policies."""

from __future__ import annotations

from pathlib import Path

import pytest

from yinsi.apps.findings import Severity
from yinsi.privacy_policy import check_policy, check_text, policy_from_text
from yinsi.privacy_policy.evaluation import evaluate, load_labelled
from yinsi.privacy_policy.model import Status
from yinsi.privacy_policy.rules._text import negated_in_part
from yinsi.privacy_policy.rules.base import DisclosureRule, RiskRule
from yinsi.privacy_policy.rules.minors import covers_under_fourteen
from yinsi.privacy_policy.rules.registry import KINDS, create_all, discover, rule_by_id
from yinsi.privacy_policy.samples import sample_policy

DATA = Path(__file__).resolve().parent.parent / "data" / "policy"


def test_rule_contract() -> None:
    rules = discover()
    assert len({rule.id for rule in rules}) == len(rules) == 21
    assert [rule.kind for rule in rules] == sorted((rule.kind for rule in rules), key=KINDS.index)
    for rule in rules:
        assert rule.id.startswith("policy.") and rule.title_zh and rule.title_en
        assert rule.references
        assert all(reference.document and reference.clause for reference in rule.references)
        assert rule.__doc__, rule.id


def test_every_text_rule_has_labelled_examples_both_ways_in_both_languages() -> None:
    items = load_labelled(DATA / "dev.yaml") + load_labelled(DATA / "heldout.yaml")
    for rule in create_all():
        if not isinstance(rule, DisclosureRule | RiskRule):
            continue
        positive = "present" if isinstance(rule, DisclosureRule) else "risky"
        for language in ("zh", "en"):
            labels = {item.label for item in items if item.rule == rule.id and item.lang == language}
            assert positive in labels and labels - {positive}, (rule.id, language, labels)


def test_dev_set_precision_and_recall() -> None:
    """The rules were tuned on dev.yaml: a regression guard (held-out figures: bench/policy.py)."""
    scores, _ = evaluate(load_labelled(DATA / "dev.yaml"))
    for score in scores:
        assert (score.precision or 0) >= 0.9 and (score.recall or 0) >= 0.9, score
        assert score.accuracy >= 0.9, score


def test_negation_earlier_in_the_sentence_part() -> None:
    text = "我们不会将您的个人信息出售给任何第三方，但可能提供给其他合作方。"
    assert negated_in_part(text, text.index("出售"))
    assert not negated_in_part(text, text.index("提供给"))  # a comma ends the negated part
    listed = "包括但不限于广告商及其他第三方"
    assert not negated_in_part(listed, listed.index("其他"))  # 不限于 negates nothing
    assert negated_in_part("We do not sell your data.", len("We do not "))


def test_minors_age_lines() -> None:
    assert covers_under_fourteen("未满十八周岁的未成年人")
    assert covers_under_fourteen("儿童个人信息")
    assert covers_under_fourteen("You must be at least 16 years old.")
    assert not covers_under_fourteen("Children under 13")
    assert covers_under_fourteen("未满18周岁") and not covers_under_fourteen("under 13 years")


def status(rule_id: str, text: str) -> str:
    result = check_text(policy_from_text(text), rules=[rule_by_id(rule_id)])
    if result.disclosures:
        return result.disclosures[0].status.value
    return "risky" if result.findings else "clean"


@pytest.mark.parametrize(("rule_id", "text", "expected"), [
    # negation and near-misses
    ("policy.bundled_consent", "您的沉默不代表您同意。", "clean"),
    ("policy.bundled_consent", "登录即代表您同意《隐私政策》。", "risky"),
    ("policy.blanket_sharing", "We will not share your data with any third party.", "clean"),
    ("policy.blanket_sharing", "为维护公共安全，依据法律规定，无需征得您的同意即可向有关机关提供。", "clean"),
    ("policy.indefinite_retention", "注销后您的数据将被永久删除。", "clean"),
    ("policy.indefinite_retention", "We delete your data permanently on request.", "clean"),
    ("policy.indefinite_retention", "相关记录将长期保存，保存期限为五年。", "clean"),
    ("policy.catch_all_purpose", "我们不会仅以改善服务为由收集您的个人信息。", "clean"),
    ("policy.forced_consent", "如您拒绝提供通讯录，将无法使用通讯录好友推荐，但不影响其他功能。", "clean"),
    ("policy.partner_disclaimer", "第三方违反约定的，我们将依法承担相应责任。", "clean"),
    # periods and thresholds
    ("policy.response_time", "我们将在三十天内答复。", "vague"),
    ("policy.response_time", "我们将在二十一天内答复。", "present"),
    ("policy.response_time", "We answer within 3 weeks.", "present"),
    ("policy.retention", "We keep logs as long as needed.", "vague"),
    ("policy.retention", "日志保存半年。", "present"),
    ("policy.minors", "Children under 13 need a parent's consent.", "vague"),
    ("policy.storage_location", "我们不会将您的信息传输至境外。", "vague"),
    ("policy.third_parties", "我们不会与任何第三方共享您的个人信息，除非获得您的单独同意。", "vague"),
    # wording added after the third held-out set (heldout_c.yaml)
    ("policy.blanket_sharing", "我们绝不会把您的数据提供给任何合作伙伴。", "clean"),
    ("policy.blanket_sharing", "We may rent your personal data to marketing firms.", "risky"),
    ("policy.blanket_sharing", "If we sell our business, the buyer receives the personal data.", "clean"),
    ("policy.blanket_sharing", "您的信息可能被提供给关联公司和其他合作方。", "risky"),
    ("policy.bundled_consent", "注册即一并授权我们进行个性化广告推送和数据分析。", "risky"),
    ("policy.bundled_consent", "A single checkbox covers the service and our marketing emails.", "risky"),
    ("policy.bundled_consent", "Ads personalisation has its own consent switch.", "clean"),
    ("policy.catch_all_purpose", "We may use your data for any other purpose permitted by law.", "risky"),
    ("policy.catch_all_purpose", "如需用于其他用途，我们会另行征得您的同意。", "clean"),
    ("policy.indefinite_retention", "即使您删除账号，我们依然保留您的订单记录。", "risky"),
    ("policy.indefinite_retention", "We keep your data for as long as we see fit.", "risky"),
    ("policy.indefinite_retention", "删除账号后，我们仍依法保存交易记录三年。", "clean"),
    ("policy.forced_consent", "若您拒绝个性化推荐，我们将无法为您提供服务。", "risky"),
    ("policy.forced_consent", "If you refuse marketing emails, we will close your account.", "risky"),
    ("policy.forced_consent", "You must agree to receive our marketing in order to register.", "risky"),
    ("policy.forced_consent", "若您拒绝提供手机号码，我们将无法为您提供相应服务。", "clean"),
    ("policy.partner_disclaimer", "商户如何使用您的收货信息，由商户自行负责。", "risky"),
    ("policy.sensitive_purpose", "我们不会收集您的指纹、声纹等生物识别信息。", "not_applicable"),
    ("policy.sensitive_purpose", "您的声纹属于敏感个人信息。我们仅将其用于语音登录，并单独征求您的同意。",
     "present"),
    ("policy.update_notice", "We will send you a push notification whenever this policy changes.", "present"),
    ("policy.update_notice", "如有重大变更，我们会以弹窗方式提示您。", "present"),
    ("policy.minors", "未满十八周岁的用户应在监护人同意后使用本服务。", "present"),
    ("policy.minors", "儿童使用本产品前须取得父母同意。", "present"),
    ("policy.minors", "Children under 13 need a parent's consent; users must be at least 13.", "vague"),
    ("policy.third_parties", "为完成配送，我们会把您的收货地址提供给快递公司。", "present"),
    ("policy.third_parties", "We may share some data with our partners.", "vague"),
    ("policy.storage_location", "Your data is stored in encrypted form.", "missing"),
    ("policy.complaint_channel", "Unsettled complaints can go to a dispute resolution body.", "present"),
    ("policy.controller_identity", "Payments are processed by Coinly Ltd., 5 Mill Road, York.", "vague"),
    ("policy.purpose_scope", "当您预订酒店时，您需要提供入住人姓名和手机号码。", "present"),
    ("policy.purpose_scope", "When you use our services, we collect your device model.", "vague"),
    ("policy.pi_types", "We log your browsing history and IP address.", "present"),
    # wording added after the fourth held-out set (heldout_d.yaml)
    ("policy.controller_identity", "Marlin Apps Pte. Ltd. operates this app; mail help@marlin.example.",
     "present"),
    ("policy.purpose_scope", "We store your delivery address so that couriers can find you.", "present"),
    ("policy.purpose_scope", "为开具发票，您需要在结算时填写纳税人识别号和手机号码。", "present"),
    ("policy.purpose_scope", "We store nothing so that the app stays fast.", "missing"),
    ("policy.sensitive_purpose", "For loan checks we need your bank card number. It is sensitive personal "
     "information; we explain why we need it and ask for your separate consent.", "present"),
    ("policy.third_parties", "We pass your phone number to our SMS gateway Textly Ltd. to send codes.",
     "present"),
    ("policy.third_parties", "We will send the receipt to the e-mail address you gave us.", "missing"),
    ("policy.retention", "Selfies are destroyed within 14 days after onboarding.", "present"),
    ("policy.retention", "订单完成后90日内自动删除聊天记录。", "present"),
    ("policy.retention", "收到您的删除请求后，我们会在15个工作日内删除相关信息。", "missing"),
    ("policy.storage_location", "Data is hosted in Germany and never leaves the EU.", "present"),
    ("policy.storage_location", "We store your data in Canada.", "vague"),
    ("policy.user_rights", "您可以：查阅个人信息；复制个人信息；更正个人信息；删除个人信息；"
     "在“设置-账号注销”注销账号。", "present"),
    # a list inherits its subject across ；/; but not across a full stop
    ("policy.user_rights", "您可以注销账号。查阅、复制、更正、删除个人信息；撤回同意请在设置中操作。",
     "vague"),
    ("policy.update_notice", "隐私政策更新后，我们会以短信通知您。", "present"),
    ("policy.update_notice", "We will notify you of changes through an in-app notification.", "present"),
    ("policy.update_notice", "最新版本会在官网发布公告。", "missing"),
    ("policy.bundled_consent", "点击“同意”或继续使用即视为您已理解并同意本政策。", "risky"),
    ("policy.bundled_consent", "Continuing to browse means your acceptance of this policy.", "risky"),
    ("policy.bundled_consent", "请点击“同意”以开始使用。", "clean"),
    ("policy.blanket_sharing", "未经用户同意，我们可能向广告主提供设备标识符。", "risky"),
    ("policy.blanket_sharing", "我们不会在未经您同意的情况下共享您的信息。", "clean"),
    ("policy.blanket_sharing", "未经您的同意，我们不会与第三方共享您的个人信息。", "clean"),
    ("policy.partner_disclaimer", "Neither we nor any partner shall be held liable for data leaks by SDKs.",
     "risky"),
    ("policy.catch_all_purpose", "为提升您的体验，我们会使用您的位置信息。", "risky"),
    ("policy.catch_all_purpose", "我们致力于提升您的使用体验。", "clean"),
    ("policy.indefinite_retention", "Once you deactivate your account, we still hold your posts.", "risky"),
    ("policy.indefinite_retention", "Our founders' plan keeps its price permanently.", "clean"),
    ("policy.indefinite_retention", "We keep your chat history permanently.", "risky"),
    ("policy.forced_consent", "您需同意本政策所有内容后才能使用本产品。", "risky"),
    ("policy.forced_consent", "用户无需接受所有条款即可浏览。", "clean"),
    ("policy.forced_consent", "Accepting every use in this policy is a condition of using the app.", "risky"),
])
def test_tricky_wording(rule_id: str, text: str, expected: str) -> None:
    assert status(rule_id, text) == expected


def test_good_sample_policy() -> None:
    result = check_policy(sample_policy("selfie_good"), category="拍摄美化类")
    assert result.policy.language == "zh" and result.source.format == "md"
    statuses = {item.rule_id: item.status for item in result.disclosures}
    assert all(value is Status.PRESENT for rule, value in statuses.items() if rule != "policy.third_parties")
    assert not [finding for finding in result.findings if finding.severity is Severity.HIGH]
    assert result.score.value >= 85
    # location is not necessary for 拍摄美化类 (2021 rule): the optional watermark still gets a low finding
    assert [(f.rule_id, f.pi_types) for f in result.findings if f.rule_id == "policy.unnecessary_pi"] == [
        ("policy.unnecessary_pi", ("location",))]


def test_bad_sample_policy() -> None:
    result = check_policy(sample_policy("selfie_bad"))
    flagged = {finding.rule_id for finding in result.findings}
    assert {"policy.bundled_consent", "policy.blanket_sharing", "policy.partner_disclaimer",
            "policy.catch_all_purpose", "policy.indefinite_retention", "policy.forced_consent",
            "policy.user_rights", "policy.minors"} <= flagged
    assert result.score.value < 40 and result.score.grade == "F"
    bundled = next(finding for finding in result.findings if finding.rule_id == "policy.bundled_consent")
    assert bundled.excerpts[0].text == "您点击“注册”或继续使用本应用，即视为您已阅读并同意本政策的全部内容。"
    cited = {str(reference) for reference in bundled.references}
    assert cited >= {"认定方法(2019) 三.4", "PIPL 个人信息保护法 第十四条"}


def test_score_deductions_trace_to_findings() -> None:
    result = check_policy(sample_policy("selfie_bad"))
    rule_ids = {finding.rule_id for finding in result.findings}
    assert {deduction.rule_id for deduction in result.score.deductions} <= rule_ids
    assert result.score.value == max(0, 100 - sum(deduction.points for deduction in result.score.deductions))


def test_complete_english_html_policy() -> None:
    """An English HTML policy that makes every disclosure, names its SDK and has no risky clause."""
    result = check_policy(DATA / "complete_en.html")
    assert (result.source.format, result.policy.language) == ("html", "en")
    assert {item.status for item in result.disclosures} == {Status.PRESENT, Status.NOT_APPLICABLE}
    assert result.findings == () and result.score.value == 100
