"""Text of .docx and .pdf policies through well-kept libraries (python-docx, pypdf: the `policy` extra),
imported lazily. Text only: no layout, images or OCR. A missing library or a broken file raises a
one-line error naming the file."""

from __future__ import annotations

import logging
from pathlib import Path

from yinsi.core.errors import InputError, ToolMissingError

_EXTRA = "pip install 'yinsi[policy]'"
# pypdf logs what it repairs ("EOF marker not found") without a handler of its own, so Python's
# last-resort handler printed those lines on stderr beside yinsi's one-line error. A NullHandler keeps
# them off stderr and still lets an application that configures logging see them.
logging.getLogger("pypdf").addHandler(logging.NullHandler())


def docx_text(path: Path) -> str:
    """Paragraphs (headings marked with '#') and table cells of a Word document, in document order."""
    try:
        import docx
    except ImportError:
        raise ToolMissingError(f"{path.name}: reading .docx needs python-docx ({_EXTRA})") from None
    try:
        document = docx.Document(str(path))
    except Exception as error:  # python-docx raises zipfile, KeyError, lxml and its own errors
        raise InputError(f"{path.name}: not a readable .docx file ({type(error).__name__})") from None
    lines = []
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        level = style.removeprefix("Heading ").strip()
        lines.append(f"{'#' * int(level)} "
                     f"{text}" if style.startswith("Heading ") and level.isdigit() else text)
    for table in document.tables:
        for row in table.rows:
            cells = [cell.text.strip() for cell in row.cells if cell.text.strip()]
            if cells:
                lines.append(" | ".join(dict.fromkeys(cells)))  # merged cells repeat their text
    return "\n".join(lines)


def pdf_text(path: Path, max_pages: int = 500) -> str:
    """Extracted text of the first `max_pages` pages (a budget: policies are a few dozen pages)."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError:
        raise ToolMissingError(f"{path.name}: reading .pdf needs pypdf ({_EXTRA})") from None
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise InputError(f"{path.name}: the PDF is encrypted; decrypt it first")
        pages = [page.extract_text() or "" for page in reader.pages[:max_pages]]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise InputError(f"{path.name}: not a readable PDF file ({type(error).__name__})") from None
    text = "\n".join(pages)
    if not text.strip():
        raise InputError(f"{path.name}: the PDF has no extractable text (scanned images need OCR)")
    return text
