"""Frozen value types that flow between stages: spans, locations, evidence and findings."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range [start, end) of a text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Location:
    """Where a finding sits outside the analysed string: a file position or a table cell.

    File scans fill `path`, `line` (1-based) and `column` (1-based, in characters); table scans fill
    `table`, `column_name` and `row_key`. `field` is a JSON path such as `customer.phone`.
    """

    path: str | None = None
    line: int | None = None
    column: int | None = None
    table: str | None = None
    column_name: str | None = None
    row_key: str | None = None
    field: str | None = None

    def as_dict(self) -> dict[str, str | int]:
        """Only the fields that are set, for compact JSON."""
        return {
            name: value
            for name in ("path", "line", "column", "table", "column_name", "row_key", "field")
            if (value := getattr(self, name)) is not None
        }


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a finding got its score, so a reviewer can check it without seeing the value.

    `validated` is the validator's verdict (True passed, None could not check); `context` lists the
    hotwords seen near the value; `negative_context` the words that lowered the score.
    """

    pattern: str
    validated: bool | None = None
    context: tuple[str, ...] = ()
    negative_context: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of personal information found in a text.

    `start`/`end` are character offsets into the *original* text given to `analyze()`, even when the
    text was normalised first. Findings never hold the raw value: callers slice their own text, and
    reports use `preview` (masked) and `digest` (keyed HMAC), which scanners fill in.
    """

    entity_type: str
    start: int
    end: int
    score: float
    recognizer: str
    sensitive: bool = False
    evidence: Evidence | None = None
    location: Location | None = None
    preview: str | None = None
    digest: str | None = None
    extra: tuple[tuple[str, str], ...] = field(default=())

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"invalid finding span [{self.start}, {self.end})")
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"finding score {self.score} is outside [0, 1]")

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def __len__(self) -> int:
        return self.end - self.start
