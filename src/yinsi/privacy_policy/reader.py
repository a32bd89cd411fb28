"""Read a privacy policy file into text: plain text and Markdown (charset detected), HTML (stdlib parser),
.docx and .pdf (optional libraries). The format comes from the file suffix; unknown suffixes and
standard input are text, or HTML when they start like an HTML document."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from yinsi.core.errors import InputError
from yinsi.privacy_policy._html import html_to_text
from yinsi.privacy_policy._office import docx_text, pdf_text
from yinsi.privacy_policy.model import PolicySource
from yinsi.sources.charset import detect

STDIN = "-"
STDIN_NAME = "<stdin>"
MAX_BYTES = 20 * 1024 * 1024  # budget: real policies are well under 1 MB even as PDF
MAX_CHARS = 1_000_000  # budget on the extracted text: real policies run to 20 000–100 000 characters
_FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
            ".xhtml": "html", ".docx": "docx", ".pdf": "pdf"}


def policy_format(path: Path) -> str:
    return _FORMATS.get(path.suffix.lower(), "txt")


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Text and codec of `data` (BOM, UTF-8, then detection with a GB 18030 tie-break)."""
    detection = detect(data[:64 * 1024], complete=len(data) <= 64 * 1024)
    if detection.encoding is None:
        raise InputError(f"{name}: binary file, not a text policy")
    try:
        return data.decode(detection.encoding), detection.encoding
    except UnicodeDecodeError:
        return data.decode(detection.encoding, errors="replace"), detection.encoding


def read_policy(path: str | Path) -> PolicySource:
    """Read one policy file ("-" for standard input, read as text or HTML). Raises InputError (one line,
    file name first) when it cannot be read, ToolMissingError when a .docx/.pdf library is missing."""
    file = Path(path)
    if str(path) == STDIN:
        if sys.stdin is None:
            raise InputError(f"{STDIN_NAME}: standard input is closed")
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise InputError(f"{STDIN_NAME}: over the {MAX_BYTES}-byte policy budget")
        file = Path(STDIN_NAME)
    else:
        data = _read_file(file)
    digest = hashlib.sha256(data).hexdigest()
    kind = policy_format(file)
    encoding: str | None = None
    if kind == "docx":
        text = docx_text(file)
    elif kind == "pdf":
        text = pdf_text(file)
    else:
        text, encoding = decode_text(data, file.name)
        looks_html = text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))
        if kind == "html" or (kind == "txt" and looks_html):
            kind = "html"
            text = html_to_text(text)
    if not text.strip():
        raise InputError(f"{file.name}: the policy is empty")
    if len(text) > MAX_CHARS:
        raise InputError(f"{file.name}: {len(text)} characters of text is over the {MAX_CHARS}-character "
                         "policy budget")
    return PolicySource(path=str(file) if str(path) == STDIN else str(path), text=text, format=kind,
                        encoding=encoding, sha256=digest)


def _read_file(file: Path) -> bytes:
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{file.name}: {size} bytes is over the {MAX_BYTES}-byte policy budget")
        return file.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{file}: is a directory, not a policy file") from None
    except OSError as error:
        raise InputError(f"{file}: {error.strerror or error}") from None


def policy_from_text(text: str, *, name: str = "<text>") -> PolicySource:
    """A policy given as a string (tests, the HTTP service, the evaluation set)."""
    return PolicySource(path=name, text=text, format="txt", encoding=None,
                        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
