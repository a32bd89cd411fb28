"""Retention audit: rows holding personal information kept longer than a stated period.

PIPL art. 19 limits retention to the shortest period the purpose needs, and art. 47 requires deletion
once it is reached; GB/T 35273-2020 §6.1 says the same. The audit counts, per table, rows older than
the period (by a timestamp column) that still hold a value in a personal column, and the age of the
oldest. The timestamp column is named by the user or picked from the column names and types.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from yinsi.core.errors import ConfigurationError
from yinsi.tabular.model import ColumnInfo, ValueKind

_PERIOD_RE = re.compile(r"^\s*(\d+)\s*([dwmy]?)\s*$", re.IGNORECASE)
_DAYS = {"": 1, "d": 1, "w": 7, "m": 30, "y": 365}
# Names of "when was this row made / last touched" columns, most telling first. A row's age is that
# of its creation; an update time is used when nothing better exists.
_TIMESTAMP_NAMES = (
    "created_at", "create_time", "created_time", "gmt_create", "created", "creation_time",
    "order_time", "ordered_at", "register_time", "registered_at", "signup_time", "login_time",
    "event_time", "logged_at", "sent_at", "timestamp", "ts", "time", "date", "datetime",
    "updated_at", "update_time", "gmt_modified", "modified_at",
    "cjsj", "cjrq", "xdsj", "djsj", "下单时间", "创建时间", "注册时间", "登记时间", "时间", "日期",
)
# Columns that hold a date about the person, not about the row.
_NOT_ROW_TIME = ("birth", "dob", "csrq", "出生", "生日", "expire", "expiry", "valid")
_ISO_RE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$")


def parse_period(text: str) -> int:
    """`180d`, `26w`, `6m`, `2y` or a bare number of days → days (a month is 30, a year 365 days)."""
    match = _PERIOD_RE.match(text)
    if match is None or int(match.group(1)) <= 0:
        raise ConfigurationError(f"retention period {text!r} is not a positive duration such as 180d, 6m, 2y")
    return int(match.group(1)) * _DAYS[match.group(2).lower()]


def pick_timestamp_column(columns: Sequence[ColumnInfo], named: str | None = None) -> ColumnInfo | None:
    """The user's column if given (None if the table lacks it), else the best-named temporal column.

    For sources without types (CSV, JSON) a well-named text column qualifies too; its values are
    parsed as ISO 8601 dates when counted.
    """
    if named is not None:
        return next((column for column in columns if column.name == named), None)
    candidates = [
        column for column in columns
        if not any(word in column.name.casefold() for word in _NOT_ROW_TIME)
        and column.kind in (ValueKind.TEMPORAL, ValueKind.TEXT, ValueKind.OTHER)
    ]
    for wanted in _TIMESTAMP_NAMES:
        for column in candidates:
            if column.name.casefold() == wanted:
                return column
    temporal = [column for column in candidates if column.kind is ValueKind.TEMPORAL]
    for column in temporal:
        lowered = column.name.casefold()
        if any(word in lowered for word in ("creat", "time", "date", "_at", "时间", "日期")):
            return column
    return temporal[0] if temporal else None


def cutoff(period_days: int, now: datetime.datetime | None = None) -> datetime.datetime:
    """The instant before which rows are past the period (naive UTC, as most databases store it)."""
    current = now if now is not None else datetime.datetime.now(datetime.UTC)
    return current.replace(tzinfo=None) - datetime.timedelta(days=period_days)


def as_datetime(value: object) -> datetime.datetime | None:
    """A cell as a naive UTC datetime: datetime/date objects, ISO 8601 text, epoch seconds; else None."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(datetime.UTC).replace(tzinfo=None)
        return value
    if isinstance(value, datetime.date):
        return datetime.datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        text = value.strip()
        if not _ISO_RE.match(text):
            return None
        try:
            return as_datetime(datetime.datetime.fromisoformat(text.replace("Z", "+00:00")))
        except ValueError:
            return None
    return None


def age_days(oldest: datetime.datetime, now: datetime.datetime | None = None) -> int:
    current = (now if now is not None else datetime.datetime.now(datetime.UTC)).replace(tzinfo=None)
    return max(0, (current - oldest).days)


class RetentionCounter:
    """Counts expired rows with personal values while rows stream past (for file sources)."""

    def __init__(self, limit: datetime.datetime, timestamp_index: int, personal: Sequence[int]) -> None:
        self.limit = limit
        self._timestamp = timestamp_index
        self._personal = tuple(personal)
        self.expired = 0
        self.oldest: datetime.datetime | None = None

    def add(self, rows: Sequence[Sequence[object]]) -> None:
        for row in rows:
            when = as_datetime(row[self._timestamp])
            if when is None or when >= self.limit:
                continue
            if not any(row[index] not in (None, "") for index in self._personal):
                continue
            self.expired += 1
            if self.oldest is None or when < self.oldest:
                self.oldest = when
