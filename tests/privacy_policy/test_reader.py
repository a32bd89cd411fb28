"""Reading policies: text encodings, Markdown, HTML, .docx and .pdf, and one-line errors."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from yinsi.core.errors import InputError, ToolMissingError
from yinsi.privacy_policy._html import html_to_text
from yinsi.privacy_policy.reader import read_policy

POLICY_ZH = "一、我们收集的信息\n我们会收集您的手机号码，用于登录。\n"


def simple_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with ASCII text lines in Helvetica, with a correct cross-reference table."""
    text = " ".join(f"({line}) Tj 0 -16 Td" for line in lines)
    stream = f"BT /F1 12 Tf 72 720 Td {text} ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@pytest.mark.parametrize(("encoding", "expected"), [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gb18030", "gb18030"), ("utf-16", "utf-16")])
def test_text_encodings(tmp_path: Path, encoding: str, expected: str) -> None:
    path = tmp_path / "policy.txt"
    path.write_bytes((POLICY_ZH * 3).encode(encoding))
    source = read_policy(path)
    assert source.text.startswith("一、我们收集的信息")
    assert (source.format, source.encoding) == ("txt", expected)
    assert len(source.sha256) == 64


def test_markdown_keeps_headings(tmp_path: Path) -> None:
    path = tmp_path / "policy.md"
    path.write_text("# 隐私政策\n\n## 一、收集\n\n我们收集手机号。\n", encoding="utf-8")
    source = read_policy(path)
    assert source.format == "md"
    assert "## 一、收集" in source.text


def test_html_text_and_headings(tmp_path: Path) -> None:
    path = tmp_path / "policy.html"
    path.write_text(
        "<!doctype html><html><head><title>t</title><style>p{color:red}</style></head><body>"
        "<h2>一、我们收集的信息</h2><p>我们会收集您的<b>手机号码</b>，\n  用于登录。</p>"
        "<script>var leaked = '不应出现';</script><ul><li>第一项。</li><li>第二项。</li></ul>"
        "<p>A&amp;B Co.&nbsp;Ltd.</p></body></html>", encoding="utf-8")
    source = read_policy(path)
    assert source.format == "html"
    assert source.text.splitlines() == [
        "## 一、我们收集的信息", "我们会收集您的手机号码， 用于登录。", "第一项。", "第二项。",
        "A&B Co. Ltd."]


def test_html_without_suffix_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "policy"
    path.write_text("<html><body><p>我们收集手机号。</p></body></html>", encoding="utf-8")
    assert read_policy(path).format == "html"


def test_html_to_text_drops_empty_blocks() -> None:
    assert html_to_text("<div><p> </p><h1></h1><p>x</p></div>") == "x"


def test_docx(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("一、我们收集的信息", level=1)
    document.add_paragraph("我们会收集您的手机号码，用于登录。")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "友盟+"
    table.rows[0].cells[1].text = "统计分析"
    path = tmp_path / "policy.docx"
    document.save(str(path))
    source = read_policy(path)
    assert source.format == "docx" and source.encoding is None
    assert source.text.splitlines() == [
        "# 一、我们收集的信息", "我们会收集您的手机号码，用于登录。", "友盟+ | 统计分析"]


def test_pdf(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    path = tmp_path / "policy.pdf"
    path.write_bytes(simple_pdf(["Privacy Policy", "We keep your data for 6 months."]))
    source = read_policy(path)
    assert source.format == "pdf"
    assert "We keep your data for 6 months." in source.text


@pytest.mark.parametrize(("name", "content", "message"), [
    ("broken.docx", b"PK\x03\x04 not really a zip", "broken.docx: not a readable .docx file"),
    ("broken.pdf", b"%PDF-1.4\n garbage", "broken.pdf: not a readable PDF file"),
    ("image.pdf", simple_pdf([]), "image.pdf: the PDF has no extractable text"),
    ("empty.txt", b"  \n", "empty.txt: the policy is empty"),
    ("binary.txt", b"\x00\x01\x02" * 100, "binary.txt: binary file, not a text policy"),
])
def test_unreadable_files(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    pytest.importorskip("docx")
    pytest.importorskip("pypdf")
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as raised:
        read_policy(path)
    assert str(raised.value).startswith(message)
    assert "\n" not in str(raised.value)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="No such file"):
        read_policy(tmp_path / "absent.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_policy(tmp_path)


@pytest.mark.parametrize(("module", "suffix", "library"),
                         [("docx", ".docx", "python-docx"), ("pypdf", ".pdf", "pypdf")])
def test_missing_library_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: str,
                                     suffix: str, library: str) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # import fails as if not installed
    path = tmp_path / f"policy{suffix}"
    path.write_bytes(b"x")
    with pytest.raises(ToolMissingError) as raised:
        read_policy(path)
    expected = f"policy{suffix}: reading {suffix} needs {library} (pip install 'yinsi[policy]')"
    assert str(raised.value) == expected


def test_text_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("yinsi.privacy_policy.reader.MAX_CHARS", 10)
    path = tmp_path / "long.txt"
    path.write_text("我们收集手机号码，用于登录。", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_policy(path)
    assert str(raised.value) == "long.txt: 14 characters of text is over the 10-character policy budget"
