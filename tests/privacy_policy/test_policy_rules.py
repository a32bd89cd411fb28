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


# Wording that is easy to get wrong, by rule and expected verdict: negations, near-misses, thresholds and
# the phrasings each held-out set showed the rules lacked (dev.yaml holds the longer excerpts).
TRICKY_WORDING: dict[tuple[str, str], tuple[str, ...]] = {
    ("policy.blanket_sharing", "clean"): (
        "We will not share your data with any third party.",
        "为维护公共安全，依据法律规定，无需征得您的同意即可向有关机关提供。",
        "我们绝不会把您的数据提供给任何合作伙伴。",
        "If we sell our business, the buyer receives the personal data.",
        "我们不会在未经您同意的情况下共享您的信息。",
        "未经您的同意，我们不会与第三方共享您的个人信息。",
    ),
    ("policy.blanket_sharing", "risky"): (
        "We may rent your personal data to marketing firms.",
        "您的信息可能被提供给关联公司和其他合作方。",
        "未经用户同意，我们可能向广告主提供设备标识符。",
        "我们可能出售您的用户数据。",
        "We may give your details to any other partners we pick.",
        "我们会向合作伙伴提供您的位置，用于其向您推荐附近门店。",
        "We share your name with our partners so they can market directly to you.",
    ),
    ("policy.bundled_consent", "clean"): (
        "您的沉默不代表您同意。",
        "Ads personalisation has its own consent switch.",
        "请点击“同意”以开始使用。",
    ),
    ("policy.bundled_consent", "risky"): (
        "登录即代表您同意《隐私政策》。",
        "注册即一并授权我们进行个性化广告推送和数据分析。",
        "A single checkbox covers the service and our marketing emails.",
        "点击“同意”或继续使用即视为您已理解并同意本政策。",
        "Continuing to browse means your acceptance of this policy.",
        "绑定银行卡时，您将同时授权我们向合作方推送您的营销偏好。",
        "By signing in you consent to receive promotional newsletters.",
    ),
    ("policy.catch_all_purpose", "clean"): (
        "我们不会仅以改善服务为由收集您的个人信息。",
        "如需用于其他用途，我们会另行征得您的同意。",
        "我们致力于提升您的使用体验。",
        "其他合理用途需另行征得您的同意后方可使用您的信息。",
    ),
    ("policy.catch_all_purpose", "risky"): (
        "We may use your data for any other purpose permitted by law.",
        "为提升您的体验，我们会使用您的位置信息。",
        "我们会不断提升服务质量，为此分析您的使用记录。",
        "Your data lets us enhance your experience.",
        "We analyse crash logs to make our app better.",
    ),
    ("policy.complaint_channel", "missing"): (
        "被投诉的司机将暂停接单。",
        "Complaints against other drivers are reviewed by our safety team.",
    ),
    ("policy.complaint_channel", "present"): (
        "Unsettled complaints can go to a dispute resolution body.",
    ),
    ("policy.complaint_channel", "vague"): (
        "We take complaints seriously.",
        "You might have the right to complain to a regulator; you may have the right to go to court.",
    ),
    ("policy.controller_identity", "present"): (
        "Marlin Apps Pte. Ltd. operates this app; mail help@marlin.example.",
        "Birchwood Energy plc runs this service; phone 0207 946 0018.",
    ),
    ("policy.controller_identity", "vague"): (
        "Payments are processed by Coinly Ltd., 5 Mill Road, York.",
    ),
    ("policy.forced_consent", "clean"): (
        "如您拒绝提供通讯录，将无法使用通讯录好友推荐，但不影响其他功能。",
        "若您拒绝提供手机号码，我们将无法为您提供相应服务。",
        "用户无需接受所有条款即可浏览。",
        "如您拒绝提供手机号码完成验证，账号将被强制登出。",
    ),
    ("policy.forced_consent", "risky"): (
        "若您拒绝个性化推荐，我们将无法为您提供服务。",
        "If you refuse marketing emails, we will close your account.",
        "You must agree to receive our marketing in order to register.",
        "您需同意本政策所有内容后才能使用本产品。",
        "Accepting every use in this policy is a condition of using the app.",
        "若您拒绝共享通讯录，应用将自动退出。",
        "Your use of the platform is conditional on consenting to advertising cookies.",
        "You must not install the app unless you accept this policy in full.",
    ),
    ("policy.indefinite_retention", "clean"): (
        "注销后您的数据将被永久删除。",
        "We delete your data permanently on request.",
        "相关记录将长期保存，保存期限为五年。",
        "删除账号后，我们仍依法保存交易记录三年。",
        "Our founders' plan keeps its price permanently.",
        "年度会员可无限期观看已购课程。",
    ),
    ("policy.indefinite_retention", "risky"): (
        "即使您删除账号，我们依然保留您的订单记录。",
        "We keep your data for as long as we see fit.",
        "Once you deactivate your account, we still hold your posts.",
        "We keep your chat history permanently.",
        "Once you delete your account, your photos remain stored with us.",
        "日志的留存时间为无限期。",
    ),
    ("policy.minors", "missing"): (
        "Child car seats can be added to any booking.",
        "购买儿童套餐可获赠玩具。",
    ),
    ("policy.minors", "present"): (
        "未满十八周岁的用户应在监护人同意后使用本服务。",
        "儿童使用本产品前须取得父母同意。",
    ),
    ("policy.minors", "vague"): (
        "Children under 13 need a parent's consent.",
        "Children under 13 need a parent's consent; users must be at least 13.",
    ),
    ("policy.partner_disclaimer", "clean"): (
        "第三方违反约定的，我们将依法承担相应责任。",
        "Our vendors follow our instructions; we do not disclaim responsibility for them.",
    ),
    ("policy.partner_disclaimer", "risky"): (
        "商户如何使用您的收货信息，由商户自行负责。",
        "Neither we nor any partner shall be held liable for data leaks by SDKs.",
        "We won't be liable for mistakes made by our payment processor.",
    ),
    ("policy.pi_types", "present"): (
        "We log your browsing history and IP address.",
        "收集的信息：手机号码；身份证号（敏感）。",
    ),
    ("policy.purpose_scope", "missing"): (
        "We store nothing so that the app stays fast.",
    ),
    ("policy.purpose_scope", "present"): (
        "当您预订酒店时，您需要提供入住人姓名和手机号码。",
        "We store your delivery address so that couriers can find you.",
        "为开具发票，您需要在结算时填写纳税人识别号和手机号码。",
        "当您设置个人资料时，我们会记录您填写的生日，用于发送生日祝福。",
    ),
    ("policy.purpose_scope", "vague"): (
        "When you use our services, we collect your device model.",
    ),
    ("policy.response_time", "missing"): (
        "Orders are processed within 2 business days.",
    ),
    ("policy.response_time", "present"): (
        "我们将在二十一天内答复。",
        "We answer within 3 weeks.",
        "We resolve your request within twelve (12) working days.",
    ),
    ("policy.response_time", "vague"): (
        "我们将在三十天内答复。",
    ),
    ("policy.retention", "missing"): (
        "收到您的删除请求后，我们会在15个工作日内删除相关信息。",
        "请妥善保存您的密码，存到手机相册的截图也请及时删除。",
        "Keep it secret: your recovery code is for you alone.",
    ),
    ("policy.retention", "present"): (
        "日志保存半年。",
        "Selfies are destroyed within 14 days after onboarding.",
        "订单完成后90日内自动删除聊天记录。",
    ),
    ("policy.retention", "vague"): (
        "We keep logs as long as needed.",
    ),
    ("policy.sensitive_purpose", "not_applicable"): (
        "我们不会收集您的指纹、声纹等生物识别信息。",
    ),
    ("policy.sensitive_purpose", "present"): (
        "您的声纹属于敏感个人信息。我们仅将其用于语音登录，并单独征求您的同意。",
        "For loan checks we need your bank card number. It is sensitive personal information; we "
        "explain why we need it and ask for your separate consent.",
        "We use your fingerprint only to unlock the app, and you separately authorise this in the settings.",
    ),
    ("policy.storage_location", "missing"): (
        "Your data is stored in encrypted form.",
    ),
    ("policy.storage_location", "present"): (
        "Data is hosted in Germany and never leaves the EU.",
        "数据存储在深圳的数据中心，不会出境。",
        "Your data is processed in the UK and stays in the UK only.",
    ),
    ("policy.storage_location", "vague"): (
        "我们不会将您的信息传输至境外。",
        "We store your data in Canada.",
        "Data may be moved to another country for support.",
    ),
    ("policy.third_parties", "missing"): (
        "We will send the receipt to the e-mail address you gave us.",
    ),
    ("policy.third_parties", "present"): (
        "为完成配送，我们会把您的收货地址提供给快递公司。",
        "We pass your phone number to our SMS gateway Textly Ltd. to send codes.",
        "We engage Ledgerly Inc. to keep our accounts.",
    ),
    ("policy.third_parties", "vague"): (
        "我们不会与任何第三方共享您的个人信息，除非获得您的单独同意。",
        "We may share some data with our partners.",
        "Our service providers may get access to your data.",
    ),
    ("policy.update_notice", "missing"): (
        "最新版本会在官网发布公告。",
    ),
    ("policy.update_notice", "present"): (
        "We will send you a push notification whenever this policy changes.",
        "如有重大变更，我们会以弹窗方式提示您。",
        "隐私政策更新后，我们会以短信通知您。",
        "We will notify you of changes through an in-app notification.",
        "本政策更新后，您下次启动App时我们会显示更新内容。",
        "We will email your address of record before the new policy applies.",
    ),
    ("policy.user_rights", "missing"): (
        "You may not delete another member's posts.",
    ),
    ("policy.user_rights", "present"): (
        "您可以：查阅个人信息；复制个人信息；更正个人信息；删除个人信息；在“设置-账号注销”注销账号。",
        "会员可以在“设置”中查看、导出、修改、删除个人信息，关闭定位权限，或注销账号。",
    ),
    ("policy.user_rights", "vague"): (
        "您可以注销账号。查阅、复制、更正、删除个人信息；撤回同意请在设置中操作。",
    ),
}


@pytest.mark.parametrize(("rule_id", "text", "expected"), [
    (rule_id, text, expected) for (rule_id, expected), texts in TRICKY_WORDING.items() for text in texts])
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
