"""`yinsi policy check` and `yinsi policy rules`: outputs, exit codes, one-line errors."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from yinsi.cli.main import main
from yinsi.privacy_policy.samples import sample_policy

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "apps"))
from apk_helpers import sample_apks


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        main(list(args))
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_table_report(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "policy", "check", str(sample_policy("selfie_bad")))
    assert code == 0
    flat = "".join(out.split())
    assert "yinsipolicycheck隐私政策检查" in flat and "score得分:0F" in flat
    assert "missing缺失" in flat and "默认或捆绑同意" in flat and "认定方法(2019)三.4" in flat


def test_json_envelope(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "policy.json"
    code, out, _ = run(capsys, "policy", "check", str(sample_policy("selfie_good")), "--category", "36",
                         "--format", "json", "-o", str(target))
    assert (code, out) == (0, "")
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["schema_version"] == "1.0" and document["kind"] == "policy"
    assert document["inputs"] == [str(sample_policy("selfie_good"))]
    (check,) = document["policies"]
    assert check["policy"]["format"] == "md" and check["policy"]["language"] == "zh"
    assert check["category"] == {"number": 36, "zh": "拍摄美化类", "en": "photo capture and beautification"}
    assert check["app"] is None
    statuses = {item["status"] for item in check["disclosures"]}
    assert statuses <= {"present", "vague", "missing", "not_applicable"}
    assert len(check["disclosures"]) == 12
    finding = check["findings"][0]
    assert set(finding) >= {"rule_id", "severity", "title_zh", "title_en", "message_zh", "message_en",
                            "evidence", "references", "excerpts", "pi_types", "tracker", "heuristic"}
    assert check["score"]["value"] == 100 - sum(d["points"] for d in check["score"]["deductions"])


def test_with_app(capsys: pytest.CaptureFixture[str], tmp_path_factory: pytest.TempPathFactory) -> None:
    apk = sample_apks(tmp_path_factory)["selfie"]
    code, out, err = run(capsys, "policy", "check", str(sample_policy("selfie_bad")), "--app", str(apk),
                         "--category", "拍摄美化类", "--format", "json")
    assert code == 0, err
    document = json.loads(out)
    assert document["inputs"] == [str(sample_policy("selfie_bad")), str(apk)]
    check = document["policies"][0]
    assert check["app"]["package"] == "com.example.selfie"
    assert check["category"]["zh"] == "拍摄美化类"
    gaps = [f for f in check["findings"] if f["rule_id"] == "policy.undisclosed_collection"]
    assert [f["pi_types"] for f in gaps if f["severity"] == "high"] == [["location"]]
    evidence = gaps[0]["evidence"]
    assert any(line.startswith("permission android.permission.ACCESS_FINE_LOCATION") for line in evidence)


@pytest.mark.parametrize(("args", "message"), [
    (["missing.txt"], "yinsi: error: missing.txt: No such file or directory"),
    (["{policy}", "--category", "nope"],
     "yinsi: error: Invalid value for --category: unknown app category 'nope'"),
    (["{policy}", "--app", "missing.apk"], "yinsi: error: missing.apk: "),
    (["{broken}"], "yinsi: error: broken.docx: not a readable .docx file"),
    (["{policy}", "--format", "xml"], "yinsi: error: Invalid value for '--format'"),
])
def test_errors_are_one_line_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch, args: list[str], message: str) -> None:
    pytest.importorskip("docx")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "broken.docx").write_bytes(b"not a zip")
    filled = [arg.format(policy=sample_policy("selfie_good"), broken="broken.docx") for arg in args]
    code, out, err = run(capsys, "policy", "check", *filled)
    assert code == 2
    assert err.startswith(message), err
    assert err.count("\n") == 1 and out == ""


def test_rules_listing(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "policy", "rules")
    flat = "".join(out.split())
    assert code == 0
    for rule_id in ("policy.retention", "policy.bundled_consent", "policy.undisclosed_sdk"):
        assert rule_id in flat
    assert "PIPL个人信息保护法第十九条" in flat


def test_html_report(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    page = tmp_path / "policy.html"
    code, _, err = run(capsys, "policy", "check", str(sample_policy("selfie_bad")), "--html", str(page))
    assert code == 0 and err == f"yinsi: wrote {page}\n"
    html = page.read_text(encoding="utf-8")
    assert '<section id="policies">' in html and "默认或捆绑同意" in html


POLICY_WITH_CONTACTS = (
    "一、我们是谁\n本政策由示例科技有限公司（以下简称“我们”）制定。如有疑问，请联系个人信息保护负责人，"
    "手机13800138000，邮箱 zhang.wei@example.com，身份证号 11010519491231002X 仅用于内部备案。\n"
    "二、我们收集的信息\n我们会收集您的手机号码，用于注册和登录。\n"
)
RAW_VALUES = ("13800138000", "zhang.wei@example.com", "11010519491231002X")


@pytest.mark.parametrize("output_format", ["table", "json"])
def test_quoted_clauses_mask_identifiers_unless_asked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, output_format: str
) -> None:
    policy = tmp_path / "policy.txt"
    policy.write_text(POLICY_WITH_CONTACTS, encoding="utf-8")
    html = tmp_path / "policy.html"
    code, out, err = run(
        capsys, "policy", "check", str(policy), "--format", output_format, "--html", str(html)
    )
    assert code == 0
    shown = out + err + html.read_text(encoding="utf-8")
    assert "示例科技有限公司" in shown  # the quote is there ...
    assert not any(value in shown for value in RAW_VALUES)  # ... with its identifiers masked
    assert "138****8000" in out

    code, out, _ = run(capsys, "policy", "check", str(policy), "--format", output_format, "--show-values")
    assert code == 0
    assert "13800138000" in out


def test_policy_from_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    paragraphs = POLICY_WITH_CONTACTS.replace("\n", "</p><p>")
    html = f"<!DOCTYPE html><html><body><p>{paragraphs}</p></body></html>"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(html.encode("utf-8")), encoding="utf-8"))
    code, out, _ = run(capsys, "policy", "check", "-", "--format", "json")
    assert code == 0
    policy = json.loads(out)["policies"][0]["policy"]
    assert (policy["path"], policy["format"]) == ("<stdin>", "html")


def test_closed_standard_input_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    code, _, err = run(capsys, "policy", "check", "-")
    assert code == 2 and err.strip() == "yinsi: error: <stdin>: standard input is closed"
