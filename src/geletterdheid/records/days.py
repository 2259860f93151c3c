"""Calendar days as HR writes them (a leaving date): ISO, Dutch day-month-year, or an XLSX date cell.

Not times.parse_time: a day has no time zone, and a leaving date may well lie in the future.
"""

from __future__ import annotations

import datetime as dt
import re

_DUTCH = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?: 0?0:00(?::00)?)?$")
#: Outside these years a date is a typo (2062 for 2026), not a leaving date.
EARLIEST_YEAR, LATEST_YEAR = 2000, 2100


def parse_day(value: str | dt.datetime) -> dt.date:
    """A date; raises ValueError with a Dutch reason."""
    day = value.date() if isinstance(value, dt.datetime) else _parse_text(value.strip())
    if day is None:
        raise ValueError(f"ongeldige datum '{value}'; gebruik bijvoorbeeld 2026-03-31 of 31-03-2026")
    if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        raise ValueError(f"onwaarschijnlijke datum '{value}'; controleer het jaartal")
    return day


def _parse_text(text: str) -> dt.date | None:
    # ISO, possibly with the midnight a spreadsheet adds when it saves a date cell as text
    if text[10:].lstrip("T ") in ("", "00:00", "00:00:00"):
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            pass
    match = _DUTCH.match(text)
    if match is None:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:  # 31-02-2026
        return None
