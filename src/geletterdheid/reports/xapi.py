"""Stored attempts as xAPI 1.0.3 statements, for a gemeente's Learning Record Store (LRS). Pure.

Two statements per attempt that counts (voided attempts count nowhere, so they are not sent):

* ``passed`` or ``failed`` (ADL verbs) with the result: ``score.scaled`` in [0, 1], ``raw`` in
  percent with ``min`` 0 and ``max`` 100, ``success`` and ``completion``;
* ``completed``, with the same result: the module's toets was finished, whatever the outcome.

The object is the module's page on the site (``<basis-url>/modules/<file>.html``), the actor an
``account`` (the gemeente's home page and the employee id): an e-mail address (``mbox``) only when
asked for. The statement id is a UUID v5 of the site address, the attempt id, its result and the verb, so
sending the same attempt again gives the same ids and an LRS keeps one copy; a corrected attempt (same
id, another score) gets new ids. The statements of a corrected or voided attempt that an LRS already
has stay there: this export sends no voiding statements. The timestamp is the attempt's
time in Dutch local time with its offset; ``context.extensions`` holds the module version under an IRI
of the site (``<basis-url>/xapi/moduleversie``).

The file is JSON Lines (one statement per line, ``.jsonl``): it streams for a large organisation,
splits into batches of any size without parsing it whole, and every line is a statement an LRS accepts
in a POST as it is (the forwarder, ``reports/lrs.py``, sends the lines in batches as a JSON array).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ..content.model import Catalog
from ..errors import UserError
from ..records.model import Employee, StoredAttempt
from ..records.times import LOCAL_ZONE

VERBS = {
    "passed": ("http://adlnet.gov/expapi/verbs/passed", "geslaagd"),
    "failed": ("http://adlnet.gov/expapi/verbs/failed", "niet geslaagd"),
    "completed": ("http://adlnet.gov/expapi/verbs/completed", "afgerond"),
}
MODULE_TYPE = "http://adlnet.gov/expapi/activities/module"
LANGUAGE = "nl-NL"
_LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}


class XapiError(UserError):
    """xAPI settings that would give statements an LRS cannot use; the message is Dutch."""


def check_address(value: str, what: str) -> str:
    """``value`` without a trailing '/', when it is an https:// address (http:// only on this machine)."""
    parts = urlsplit(value.strip())
    local = parts.scheme == "http" and parts.hostname in _LOCAL_HOSTS
    if not ((parts.scheme == "https" and parts.hostname) or local) or parts.query or parts.fragment:
        raise XapiError(
            f"{what} '{value[:200]}' moet een adres zijn dat begint met https:// "
            "(bijvoorbeeld https://leren.gemeente.nl), zonder ? of #"
        )
    return value.strip().rstrip("/")


@dataclass(frozen=True)
class XapiSettings:
    """Where the statements point: the site (activity ids, extension IRIs) and the gemeente's home page."""

    site_url: str
    home_page: str
    with_mbox: bool = False

    @classmethod
    def from_options(cls, basis_url: str | None, website: str | None, with_mbox: bool = False) -> XapiSettings:
        """``--basis-url``, else the website in gemeente.toml, for the site; the home page the other way round.

        Without either there is no address to name the modules by: refused, in Dutch."""
        if not basis_url and not website:
            raise XapiError(
                "een xAPI-export heeft een webadres nodig om de modules te noemen: geef --basis-url met het adres "
                "van de trainingssite (bijvoorbeeld --basis-url https://leren.gemeente.nl), of zet 'website' "
                "in gemeente.toml"
            )
        site = check_address(basis_url or website or "", "--basis-url" if basis_url else "website in gemeente.toml")
        home = check_address(website or basis_url or "", "website in gemeente.toml" if website else "--basis-url")
        return cls(site, home, with_mbox)

    @property
    def version_extension(self) -> str:
        return f"{self.site_url}/xapi/moduleversie"


def activity_id(catalog: Catalog, settings: XapiSettings, module_id: str) -> str:
    """The module's page on the site: ``<site>/modules/<file name>.html`` (as Sphinx builds it)."""
    path = catalog.module_paths.get(module_id)
    page = path.stem if path is not None else module_id
    return f"{settings.site_url}/modules/{page}.html"


def statement_id(settings: XapiSettings, attempt: StoredAttempt, verb: str) -> str:
    """Stable: the same site, attempt, result and verb give the same UUID (v5), so a resend is idempotent.

    The result is part of the name because a corrected attempt keeps its id (records/store.py, _replace)
    while its score changes, and an LRS never changes a statement it has: the correction gets new ids.
    """
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, settings.site_url)
    result = f"{attempt.score_percent:.6f}/{'geslaagd' if attempt.passed else 'niet-geslaagd'}/{attempt.module_version}"
    return str(uuid.uuid5(namespace, f"poging/{attempt.id}/{verb}/{result}"))


def actor(employee: Employee, settings: XapiSettings) -> dict[str, Any]:
    """An ``account`` agent (home page + employee id); ``mbox`` only with ``with_mbox`` and a known address."""
    if settings.with_mbox and employee.email:
        return {"objectType": "Agent", "mbox": f"mailto:{employee.email}"}
    return {"objectType": "Agent", "account": {"homePage": settings.home_page, "name": employee.id}}


def attempt_statements(
    catalog: Catalog, attempt: StoredAttempt, employee: Employee, settings: XapiSettings
) -> list[dict[str, Any]]:
    """The passed/failed and the completed statement of one attempt."""
    module = catalog.modules.get(attempt.quiz_id)
    definition: dict[str, Any] = {"type": MODULE_TYPE}
    if module is not None:
        definition["name"] = {LANGUAGE: module.title}
    scaled = min(1.0, max(0.0, round(attempt.score_percent / 100, 6)))
    result = {
        "score": {"scaled": scaled, "raw": round(attempt.score_percent, 6), "min": 0, "max": 100},
        "success": attempt.passed,
        "completion": True,
    }
    context: dict[str, Any] = {"platform": "geletterdheid", "language": LANGUAGE}
    if attempt.module_version is not None:
        context["extensions"] = {settings.version_extension: attempt.module_version}
    timestamp = attempt.taken_at.astimezone(LOCAL_ZONE).isoformat(timespec="seconds")
    statements = []
    for verb in ("passed" if attempt.passed else "failed", "completed"):
        verb_id, display = VERBS[verb]
        statements.append(
            {
                "id": statement_id(settings, attempt, verb),
                "actor": actor(employee, settings),
                "verb": {"id": verb_id, "display": {LANGUAGE: display, "en-US": verb}},
                "object": {
                    "objectType": "Activity",
                    "id": activity_id(catalog, settings, attempt.quiz_id),
                    "definition": definition,
                },
                "result": result,
                "context": context,
                "timestamp": timestamp,
            }
        )
    return statements


def statements(
    catalog: Catalog, attempts: Iterable[tuple[StoredAttempt, Employee]], settings: XapiSettings
) -> Iterator[dict[str, Any]]:
    for attempt, employee in attempts:
        if attempt.voided_at is None:
            yield from attempt_statements(catalog, attempt, employee, settings)


def json_line(statement: dict[str, Any]) -> str:
    return json.dumps(statement, ensure_ascii=False, separators=(",", ":"))
