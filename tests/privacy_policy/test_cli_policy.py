"""`yinsi policy check` and `yinsi policy rules`: outputs, exit codes, one-line errors."""

from __future__ import annotations

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
