"""Inline SVG charts drawn on the server: horizontal bars, stacked bars, a ring gauge, a heat-map table.

SVG keeps the report one self-contained file that prints and zooms cleanly; no chart library, no
script needed to see the numbers. Every label is escaped; every chart has a <title> for screen readers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

SENSITIVE = "#c0392b"
PERSONAL = "#2b6cb0"
OTHER = "#a0aec0"
_ROW = 24
_LABEL = 230
_BAR = 300


@dataclass(frozen=True, slots=True)
class Bar:
    """One labelled bar made of coloured segments (value, colour, legend name)."""

    label: str
    segments: tuple[tuple[int, str, str], ...]
    hint: str = ""

    @property
    def total(self) -> int:
        return sum(value for value, _, _ in self.segments)


def _shorten(text: str, limit: int = 34) -> str:
    """Long paths keep their end, which names the file."""
    return text if len(text) <= limit else "…" + text[-(limit - 1):]


def bar_chart(title: str, bars: Sequence[Bar], *, css_class: str = "chart") -> str:
    """Horizontal bars, longest first as given; the count is printed after each bar."""
    if not bars:
        return ""
    peak = max(bar.total for bar in bars) or 1
    height = _ROW * len(bars) + 8
    width = _LABEL + _BAR + 70
    parts = [f'<svg class="{css_class}" role="img" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>']
    for row, bar in enumerate(bars):
        y = 4 + row * _ROW
        label = escape(_shorten(bar.label))
        parts.append(f'<g class="bar"><title>{escape(bar.hint or bar.label)}: {bar.total}</title>'
                     f'<text x="{_LABEL - 8}" y="{y + 15}" text-anchor="end">{label}</text>')
        x = float(_LABEL)
        for value, colour, name in bar.segments:
            if value <= 0:
                continue
            length = max(1.5, _BAR * value / peak)
            parts.append(f'<rect x="{x:.1f}" y="{y + 3}" width="{length:.1f}" height="{_ROW - 8}" rx="2" '
                         f'fill="{colour}"><title>{escape(name)}: {value}</title></rect>')
            x += length
        parts.append(f'<text x="{x + 6:.1f}" y="{y + 15}" class="num">{bar.total:,}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def legend(items: Sequence[tuple[str, str]]) -> str:
    spans = "".join(f'<span><i style="background:{colour}"></i>{escape(name)}</span>'
                    for colour, name in items)
    return f'<div class="legend">{spans}</div>'


def ring(value: int, grade: str, colour: str, size: int = 92) -> str:
    """A score gauge 0–100 with the grade in the middle."""
    radius = size / 2 - 8
    circumference = 2 * 3.14159265 * radius
    filled = circumference * max(0, min(100, value)) / 100
    centre = size / 2
    circle = f'cx="{centre}" cy="{centre}" r="{radius:.1f}" fill="none" stroke-width="9"'
    arc = (f'<circle {circle} stroke="{colour}" stroke-dasharray="{filled:.1f} {circumference:.1f}" '
           f'stroke-linecap="round" transform="rotate(-90 {centre} {centre})"/>' if filled > 0 else "")
    return (f'<svg class="ring" viewBox="0 0 {size} {size}" width="{size}" height="{size}" role="img" '
            f'xmlns="http://www.w3.org/2000/svg"><title>score {value}/100, grade {escape(grade)}</title>'
            f'<circle {circle} stroke="#e2e8f0"/>'
            f'{arc}'
            f'<text x="{centre}" y="{centre + 2}" text-anchor="middle" class="grade" fill="{colour}">'
            f'{escape(grade)}</text><text x="{centre}" y="{centre + 20}" text-anchor="middle" class="score">'
            f'{value}/100</text></svg>')


def heat_map(rows: Sequence[str], columns: Sequence[str], cells: dict[tuple[str, str], int],
             column_titles: dict[str, str], sensitive: set[str], *, unit: str = "") -> str:
    """A table of rows (source · field) × columns (entity types, headed by their Chinese name from
    `column_titles` and their code); cell shade grows with the value
    (a count, or a percentage with `unit="%"`); sensitive types are shaded red."""
    if not rows or not columns:
        return ""
    peak = max(cells.values()) or 1
    head = "".join(f'<th class="col{" sens" if column in sensitive else ""}" title="{escape(column)}">'
                   f'<span class="zh">{escape(column_titles.get(column, ""))}</span>'
                   f'<span class="code">{escape(column)}</span></th>' for column in columns)
    body = []
    for row in rows:
        tds = []
        for column in columns:
            count = cells.get((row, column), 0)
            if not count:
                tds.append("<td></td>")
                continue
            strength = 0.15 + 0.85 * (count / peak) ** 0.5
            base = "192,57,43" if column in sensitive else "43,108,176"
            ink = "#fff" if strength > 0.55 else "#1a202c"
            tds.append(f'<td style="background:rgba({base},{strength:.2f});color:{ink}" '
                       f'title="{escape(row)} × {escape(column)}: {count}{unit}">{count:,}{unit}</td>')
        head_cell = f'<th class="rowh" title="{escape(row)}">{escape(_shorten(row, 48))}</th>'
        body.append(f'<tr>{head_cell}{"".join(tds)}</tr>')
    return (f'<div class="heat-wrap"><table class="heat"><thead><tr><th></th>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table></div>')
