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
from yinsi.sources.tables import ColumnInfo, ValueKind

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


def age_days(oldest: datetime.datetime, now: datetime.datetime | None = None) -> int:
    current = (now if now is not None else datetime.datetime.now(datetime.UTC)).replace(tzinfo=None)
    return max(0, (current - oldest).days)
