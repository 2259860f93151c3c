"""Personal links for ``geletterdheid links``: one signed link per employee, as a CSV for HR's mail merge.

The token travels in the link's fragment (``#sleutel=...``): browsers never send a fragment to a
server, so it appears in no access log or proxy log. The site keeps it in the browser and sends
it with each quiz submission.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..records.model import Employee
from ..records.times import LOCAL_ZONE
from ..reports.spreadsheet import neutralise
from .identity import make_token

FRAGMENT_KEY = "sleutel"
HEADER = ["medewerker_id", "naam", "afdeling", "email", "link", "geldig_tot"]


@dataclass(frozen=True)
class PersonalLink:
    employee: Employee
    url: str
    expires: dt.datetime  # aware


def site_url(base_url: str) -> str:
    """The page a link opens: the given page, or the landing page of the given folder."""
    base = base_url.strip().split("#")[0]
    return base if base.endswith((".html", "/")) else base + "/"


def personal_links(
    employees: Iterable[Employee], secret: bytes, base_url: str, days: int, now: dt.datetime | None = None
) -> Iterator[PersonalLink]:
    now = now or dt.datetime.now(dt.UTC)
    expires = (now + dt.timedelta(days=days)).replace(microsecond=0)
    page = site_url(base_url)
    for employee in employees:
        token = make_token(secret, employee.id, int(expires.timestamp()))
        yield PersonalLink(employee, f"{page}#{FRAGMENT_KEY}={token}", expires)


def link_rows(links: Iterable[PersonalLink]) -> Iterator[list[str]]:
    for link in links:
        employee = link.employee
        yield [
            neutralise(employee.id),
            neutralise(employee.name),
            neutralise(employee.department),
            neutralise(employee.email or ""),
            link.url,
            link.expires.astimezone(LOCAL_ZONE).date().isoformat(),
        ]
