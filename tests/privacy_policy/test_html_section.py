"""The policy scorecard section of the HTML report renders a `kind: "policy"` envelope, escaped."""

from __future__ import annotations

from yinsi.privacy_policy import check_text, policy_from_text, policy_result
from yinsi.privacy_policy.check import check_policy
from yinsi.privacy_policy.samples import sample_policy
from yinsi.sinks.html.policies import is_policy_result, policy_cards, render_policies


def test_policy_section() -> None:
    document = policy_result([check_policy(sample_policy("selfie_bad"))], tool_version="0")
    assert is_policy_result(document)
    (card,) = policy_cards(document)
    assert (card.score, card.grade) == (0, "F") and card.severities["high"] >= 3
    html = render_policies([card])
    assert html.startswith('<section id="policies">')
    assert "默认或捆绑同意" in html and "缺失 missing" in html and "认定方法(2019) 三.4" in html
    quote = "您点击“注册”或继续使用本应用，即视为您已阅读并同意本政策的全部内容。"
    assert f"<blockquote>{quote}</blockquote>" in html


def test_clause_text_is_escaped() -> None:
    document = policy_result([check_text(policy_from_text("<script>x</script> 我们将永久保存您的信息。"))],
                             tool_version="0")
    html = render_policies(policy_cards(document))
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_nothing_to_render() -> None:
    assert render_policies([]) == ""
    assert not is_policy_result({"kind": "scan"})
