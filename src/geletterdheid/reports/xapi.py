"""Stored attempts as xAPI 1.0.3 statements, for a gemeente's Learning Record Store (LRS). Pure.

Two statements per attempt that counts (voided attempts count nowhere: their statements are voided):

* ``passed`` or ``failed`` (ADL verbs) with the result: ``score.scaled`` in [0, 1], ``raw`` in
  percent with ``min`` 0 and ``max`` 100, ``success`` and ``completion``;
* ``completed``, with the same result: the module's toets was finished, whatever the outcome.

The object is the module's page on the site (``<basis-url>/modules/<file>.html``), the actor an
``account`` (the gemeente's home page and the employee id): an e-mail address (``mbox``) only when
asked for. The statement id is a UUID v5 of the site address, the attempt id, the verb and the attempt's
*revision*: how often HR replaced it (the "vervangen" entries of its audit trail). Sending the same
attempt again gives the same ids, so an LRS keeps one copy; a corrected attempt gets new ids.

An LRS never changes or deletes a statement, so HR's corrections reach it as xAPI *voiding*
statements (verb ``voided``, object a ``StatementRef``): one for each statement of a revision that was
replaced, and for each statement of a voided attempt. The audit trail says what each earlier revision
was (passed or not), so every voiding statement names a statement this export did make; their ids are
stable too. One of them may name a statement this LRS never got (the attempt was corrected before it
was sent): xAPI 1.0.3 asks an LRS not to refuse a voiding statement for that. The actor of a voiding
statement is the gemeente's HR (account ``hr`` on its home page), not the employee. The timestamp is the
attempt's time (of a voiding statement: HR's change) in Dutch local time with its offset;
``context.extensions`` holds the module version under an IRI of the site (``<basis-url>/xapi/moduleversie``).

The file is JSON Lines (one statement per line, ``.jsonl``): it streams for a large organisation,
splits into batches of any size without parsing it whole, and every line is a statement an LRS accepts
in a POST as it is (the forwarder, ``reports/lrs.py``, sends the lines in batches as a JSON array).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ..content.model import Catalog
from ..errors import UserError
from ..records.model import REPLACED, VOIDED, AttemptChange, Employee, StoredAttempt
from ..records.times import LOCAL_ZONE

VERBS = {
    "passed": ("http://adlnet.gov/expapi/verbs/passed", "geslaagd"),
    "failed": ("http://adlnet.gov/expapi/verbs/failed", "niet geslaagd"),
    "completed": ("http://adlnet.gov/expapi/verbs/completed", "afgerond"),
    "voided": ("http://adlnet.gov/expapi/verbs/voided", "ingetrokken"),
}
#: The actor of a voiding statement: the gemeente's HR, which made the correction (on its home page).
HR_ACCOUNT = "hr"
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


def _namespace(settings: XapiSettings) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, settings.site_url)


def statement_id(settings: XapiSettings, attempt_id: int, verb: str, revision: int) -> str:
    """Stable: the same site, attempt, verb and revision give the same UUID (v5), so a resend is idempotent.

    The revision is part of the name because a corrected attempt keeps its id (records/store.py, _replace)
    while its score changes, and an LRS never changes a statement it has: the correction gets new ids.
    """
    return str(uuid.uuid5(_namespace(settings), f"poging/{attempt_id}/{verb}/versie-{revision}"))


def _outcome_verb(passed: bool) -> str:
    return "passed" if passed else "failed"


def actor(employee: Employee, settings: XapiSettings) -> dict[str, Any]:
    """An ``account`` agent (home page + employee id); ``mbox`` only with ``with_mbox`` and a known address."""
    if settings.with_mbox and employee.email:
        return {"objectType": "Agent", "mbox": f"mailto:{employee.email}"}
    return {"objectType": "Agent", "account": {"homePage": settings.home_page, "name": employee.id}}


def attempt_statements(
    catalog: Catalog, attempt: StoredAttempt, employee: Employee, settings: XapiSettings, revision: int
) -> list[dict[str, Any]]:
    """The passed/failed and the completed statement of one attempt (as it is after ``revision`` corrections)."""
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
    for verb in (_outcome_verb(attempt.passed), "completed"):
        verb_id, display = VERBS[verb]
        statements.append(
            {
                "id": statement_id(settings, attempt.id, verb, revision),
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


def voiding_statement(settings: XapiSettings, target: str, when: dt.datetime) -> dict[str, Any]:
    """HR voids the statement ``target``: its id is stable, made from the target's."""
    verb_id, display = VERBS["voided"]
    return {
        "id": str(uuid.uuid5(_namespace(settings), f"intrekking/{target}")),
        "actor": {"objectType": "Agent", "account": {"homePage": settings.home_page, "name": HR_ACCOUNT}},
        "verb": {"id": verb_id, "display": {LANGUAGE: display, "en-US": "voided"}},
        "object": {"objectType": "StatementRef", "id": target},
        "timestamp": when.astimezone(LOCAL_ZONE).isoformat(timespec="seconds"),
    }


def voiding_statements(
    settings: XapiSettings, attempt: StoredAttempt, changes: Sequence[AttemptChange]
) -> list[dict[str, Any]]:
    """Voiding statements for what HR changed of one attempt (its audit trail, oldest entry first).

    Each "vervangen" entry ends a revision: its ``old_passed`` says which outcome statement that
    revision had. A "ongeldig verklaard" entry voids the revision of that moment. Revisions made after
    a void were never sent (a voided attempt has no statements), so they get no voiding statements.
    """
    found: list[dict[str, Any]] = []

    def void(revision: int, passed: bool, when: dt.datetime) -> None:
        for verb in (_outcome_verb(passed), "completed"):
            found.append(voiding_statement(settings, statement_id(settings, attempt.id, verb, revision), when))

    revision, voided = 0, False
    for change in changes:
        if change.action == REPLACED:
            if not voided:
                void(revision, change.old_passed, change.done_at)
            revision += 1
        elif change.action == VOIDED and not voided:
            void(revision, change.old_passed, change.done_at)
            voided = True
    if attempt.voided_at is not None and not voided:  # a void without its audit entry: void what is there now
        void(revision, attempt.passed, attempt.voided_at)
    return found


def revision_of(changes: Sequence[AttemptChange]) -> int:
    """How often HR replaced the attempt: the revision its statements are made for."""
    return sum(1 for change in changes if change.action == REPLACED)


def statements(
    catalog: Catalog,
    attempts: Iterable[tuple[StoredAttempt, Employee]],
    settings: XapiSettings,
    changes: Mapping[int, Sequence[AttemptChange]] | None = None,
) -> Iterator[dict[str, Any]]:
    """The statements of every attempt that counts, and the voiding statements of HR's corrections."""
    changes = changes or {}
    for attempt, employee in attempts:
        history = changes.get(attempt.id, ())
        yield from voiding_statements(settings, attempt, history)
        if attempt.voided_at is None:
            yield from attempt_statements(catalog, attempt, employee, settings, revision_of(history))


def is_voiding(statement: Mapping[str, Any]) -> bool:
    return bool(statement.get("verb", {}).get("id") == VERBS["voided"][0])


def json_line(statement: dict[str, Any]) -> str:
    return json.dumps(statement, ensure_ascii=False, separators=(",", ":"))
