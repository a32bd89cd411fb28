"""Quoted policy clauses as reports show them: identifiers masked unless raw values were asked for.

A privacy policy is usually public text, but the file handed to `yinsi policy check` may be a draft
with a staff member's mobile number, an internal contact list, or not a policy at all. Reports quote
clauses, so, like every other yinsi report, they mask the identifiers yinsi finds in a quote (the
structured types: phone numbers, e-mail addresses, ID and card numbers …) and show raw text only with
`--show-values`. Names and addresses are left as written: in a policy they are the controller's
company name and registered address, which the disclosure rules quote as evidence.
"""

from __future__ import annotations

from functools import cache

from yinsi.core.privacy import mask_preview
from yinsi.scanning import DEFAULT_MIN_SCORE

# Types found by the names model; not masked in quotes (see the module docstring).
_NAME_TYPES = frozenset({"PERSON", "ADDRESS", "LOCATION", "ORGANIZATION"})


@cache
def _structured_types() -> tuple[str, ...]:
    from yinsi._analyze import default_analyzer

    return tuple(name for name in default_analyzer().supported_entities() if name not in _NAME_TYPES)


def masked_quote(text: str) -> str:
    """`text` with every identifier yinsi reports at the default threshold replaced by its masked form."""
    from yinsi._analyze import analyze

    findings = analyze(text, entities=_structured_types(), score_threshold=DEFAULT_MIN_SCORE)
    if not findings:
        return text
    parts: list[str] = []
    position = 0
    for finding in findings:
        if finding.start < position:  # a finding inside a container already masked (a phone in a URL)
            continue
        parts.append(text[position : finding.start])
        parts.append(mask_preview(text[finding.start : finding.end], finding.entity_type))
        position = finding.end
    parts.append(text[position:])
    return "".join(parts)


def shown_quote(text: str, *, show_values: bool) -> str:
    """The quote as a report prints it."""
    return text if show_values else masked_quote(text)
