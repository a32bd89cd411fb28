"""Escaping helpers every report section uses: text is always escaped, labels are bilingual."""

from __future__ import annotations

from html import escape


def bilingual(zh: str, en: str) -> str:
    """Chinese label, then the English one in a quieter style."""
    return f'{escape(zh)} <span class="en">{escape(en)}</span>'


def text(value: object) -> str:
    """Any value as escaped text; None is empty."""
    return escape("" if value is None else str(value))
