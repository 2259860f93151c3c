"""Personal links for ``geletterdheid links``: one signed link per employee, as a CSV for HR's mail merge.

The token travels in the link's fragment (``#sleutel=...``): browsers never send a fragment to a
server, so it appears in no access log or proxy log. The site keeps it in the browser and sends
it with each quiz submission.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..errors import UserError
from ..records.model import Employee
from ..records.times import LOCAL_ZONE
from ..reports.spreadsheet import neutralise
from .identity import make_token
from .settings import SECRET_ENV

FRAGMENT_KEY = "sleutel"
HEADER = ["medewerker_id", "naam", "afdeling", "email", "link", "geldig_tot"]


@dataclass(frozen=True)
class PersonalLink:
    employee: Employee
    url: str
    expires: dt.datetime  # aware


class LinkError(UserError):
    """A link that would not work or not be safe; the message is Dutch."""


_LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}


def check_base_url(base_url: str) -> str:
    """``base_url`` when it is an https:// address (or http:// on this machine, for trying out).

    A link over plain HTTP would carry the personal key readable for anyone on the network."""
    parts = urlsplit(base_url.strip())
    if parts.scheme == "https" and parts.hostname:
        return base_url
    if parts.scheme == "http" and parts.hostname in _LOCAL_HOSTS:
        return base_url
    raise LinkError(
        f"--basis-url '{base_url[:200]}' moet beginnen met https:// (bijvoorbeeld https://leren.gemeente.nl/); "
        "alleen om te proberen mag het http://localhost zijn"
    )


def check_days(days: int, maximum: int) -> int:
    if not 1 <= days <= maximum:
        raise LinkError(f"--geldig-dagen moet tussen 1 en {maximum} liggen (nu {days})")
    return days


def check_same_secret(ours: str, our_source: str, server: tuple[str, str] | None) -> None:
    """Refuse to sign with a secret the server does not use: those links would never work.

    ``ours`` and ``server`` are fingerprints (see settings.secret_fingerprint), never secrets."""
    if server is None:
        raise LinkError(
            "de server heeft deze database nog niet gebruikt, dus het is niet te controleren of de links "
            "zouden werken; start eerst 'geletterdheid serve' met deze database (--db) en maak dan de links"
        )
    fingerprint, server_source = server
    if fingerprint != ours:
        raise LinkError(
            f"deze links zouden niet werken: het geheim hier ({our_source}) is niet het geheim van de server "
            f"(dat staat in {server_source}). Gebruik hier hetzelfde geheim: zet de waarde van de server in de "
            f"omgevingsvariabele {SECRET_ENV} (of als 'geheim' in het instellingenbestand, --config), of maak de "
            "links op de server zelf. Deel het geheim alleen via een veilige weg, zoals een wachtwoordkluis, "
            "nooit per e-mail"
        )


def site_url(base_url: str) -> str:
    """The page a link opens: the given page, or the landing page of the given folder."""
    base = base_url.strip().split("#")[0]
    return base if base.endswith((".html", "/")) else base + "/"


def personal_links(
    employees: Iterable[Employee],
    secret: bytes,
    base_url: str,
    days: int,
    now: dt.datetime | None = None,
    key_versions: Mapping[str, int] | None = None,
) -> Iterator[PersonalLink]:
    now = now or dt.datetime.now(dt.UTC)
    expires = (now + dt.timedelta(days=days)).replace(microsecond=0)
    page = site_url(base_url)
    versions = key_versions or {}
    for employee in employees:
        token = make_token(secret, employee.id, int(expires.timestamp()), versions.get(employee.id, 0))
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
