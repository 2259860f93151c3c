"""Attempt times as people and programs write them, made time-zone aware.

Accepted: ISO 8601 (``2025-01-31T10:00``, with seconds, fractions or an offset such as ``Z`` or
``+01:00``; a date alone means midnight), the Dutch way Excel rewrites them when it saves a CSV
(``31-1-2025 10:00``, ``31-01-2025 10:00:05``), and real date cells from XLSX. A time without an
offset is Dutch local time, so winter and summer time are both right.

Only times from 2024-01-01 (before the AI Act's literacy duty there were no such trainings) to
a day from now (clocks differ a little) are accepted: a typo such as year 0001 or 9999 would
otherwise be stored and break every export that has to show it as a local date.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from ..errors import UserError

LOCAL_ZONE = ZoneInfo("Europe/Amsterdam")
_DUTCH = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")


EARLIEST = dt.datetime(2024, 1, 1, tzinfo=LOCAL_ZONE)
#: How far ahead of this machine's clock a time may be.
AHEAD = dt.timedelta(days=1)


class BadTime(UserError, ValueError):
    def __init__(self, value: object, reason: str = ""):
        super().__init__(
            reason or f"ongeldig tijdstip '{value}'; gebruik bijvoorbeeld 2025-01-31T10:00 of 31-01-2025 10:00"
        )


def local_day(moment: dt.datetime | None) -> dt.date | None:
    """The Dutch calendar day of a stored time; None stays None.

    A time at the very end of year 9999 (stored before imports refused such times) has no Dutch
    day within the calendar Python knows: its UTC day stands in, so a report never fails on it."""
    if moment is None:
        return None
    try:
        return moment.astimezone(LOCAL_ZONE).date()
    except OverflowError:
        return moment.date()


def parse_time(value: str | dt.datetime) -> dt.datetime:
    """An aware datetime from 2024-01-01 up to a day from now; raises :class:`BadTime`."""
    moment = value if isinstance(value, dt.datetime) else _parse_text(value.strip())
    if moment is None:
        raise BadTime(value)
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=LOCAL_ZONE)
    # Compared as aware times: Python does that without converting to another zone, which
    # would overflow for the year 1 or 9999.
    latest = dt.datetime.now(dt.UTC) + AHEAD
    if not EARLIEST <= aware <= latest:
        raise BadTime(
            value,
            f"tijdstip '{value}' ligt niet tussen 2024-01-01 en morgen ({latest.astimezone(LOCAL_ZONE):%Y-%m-%d}); "
            "controleer het jaartal",
        )
    return aware


def _parse_text(text: str) -> dt.datetime | None:
    """ISO 8601, or Dutch day-month-year with an optional time; None when it is neither."""
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        pass
    match = _DUTCH.match(text)
    if match is None:
        return None
    day, month, year, hour, minute, second = (int(part or 0) for part in match.groups())
    try:
        return dt.datetime(year, month, day, hour, minute, second)
    except ValueError:  # 31-02-2025 and the like
        return None


class TimeParser:
    """parse_time with a memory: an import sees each attempt's time on every one of its rows."""

    def __init__(self) -> None:
        self._seen: dict[object, dt.datetime | BadTime] = {}

    def __call__(self, value: str | dt.datetime) -> dt.datetime:
        result = self._seen.get(value)
        if result is None:
            try:
                result = parse_time(value)
            except BadTime as exc:
                result = exc
            self._seen[value] = result
        if isinstance(result, BadTime):
            raise result
        return result
