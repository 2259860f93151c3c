"""HTTP for the toets: start an attempt, submit it. Thin: the rules are in server/toets.py.

``POST /api/pogingen/start`` with ``{"quiz": "m01"}`` -> 201 ``{"poging": id, "vragen": [...]}``
(no answers, no uitleg). ``POST /api/pogingen/<id>`` with ``{"antwoorden": {...}}`` -> 201 with the
score and the feedback per question; the same request again -> 200 with the same answer, nothing
stored twice. Both need the employee's personal link or SSO, as a practice submission does.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Route

from ..content.model import Catalog
from ..records.model import module_versions
from ..records.sessions import SessionSubmission, stored_result, submitted_times
from .account import identity_error
from .identify import Identification
from .identity import IdentityError
from .submission import SubmissionError
from .toets import (
    DrawnQuestion,
    ToetsError,
    ToetsJson,
    ToetsRules,
    attempt_id,
    drawn_questions,
    look_back_since,
    new_ticket,
    parse_answers,
    question_texts,
    read_attempt_id,
    scored_attempt,
    start_refusal,
)
from .toets_recorder import ToetsRecorder

if TYPE_CHECKING:
    from ..records.store import Store

log = logging.getLogger("geletterdheid.server")
_NO_STORE = {"Cache-Control": "no-store"}


class _SubmittedTimes:
    """When each employee submitted each quiz, as far as this process knows: so starting an attempt
    reads the store once per employee and quiz, not on every start. The store has the last word:
    submitting checks again in the writer's transaction (another process may have stored more)."""

    def __init__(self, store: Store, rules: ToetsRules):
        self._store = store
        self._rules = rules
        self._known: dict[tuple[str, str], list[dt.datetime]] = {}

    async def of(self, employee_id: str, quiz_id: str, now: dt.datetime) -> list[dt.datetime]:
        key = (employee_id, quiz_id)
        since = look_back_since(self._rules, now)
        times = self._known.get(key)
        if times is None:
            times = await run_in_threadpool(submitted_times, self._store.engine, employee_id, quiz_id, since)
        times = [moment for moment in times if moment >= since]  # older ones no longer matter
        self._known[key] = times
        return times

    def add(self, employee_id: str, quiz_id: str, moment: dt.datetime) -> None:
        self._known.setdefault((employee_id, quiz_id), []).append(moment)


class _RecentDraws:
    """The questions of attempts this process started lately, so submitting does not draw them again
    (the same questions follow from the attempt id; this only saves the work)."""

    LIMIT = 20_000

    def __init__(self) -> None:
        self._draws: dict[str, list[DrawnQuestion]] = {}

    def keep(self, attempt: str, drawn: list[DrawnQuestion]) -> list[DrawnQuestion]:
        if len(self._draws) >= self.LIMIT:
            self._draws.pop(next(iter(self._draws)))  # the oldest: dicts keep their order
        self._draws[attempt] = drawn
        return drawn

    def get(self, attempt: str) -> list[DrawnQuestion] | None:
        return self._draws.pop(attempt, None)


def toets_routes(
    *,
    secret: bytes,
    rules: ToetsRules,
    catalog: Catalog,
    store: Store,
    identification: Identification,
    read_body: Callable[[Request], Awaitable[bytes]],
    error: Callable[..., Response],
) -> tuple[list[Route], ToetsRecorder]:
    recorder = ToetsRecorder(store, rules, versions=module_versions(catalog))
    bodies = ToetsJson(question_texts(catalog.quizzes.values(), catalog.legal))
    draws = _RecentDraws()
    submitted = _SubmittedTimes(store, rules)

    async def who(request: Request):
        """The employee of the request (sign-in cookie, link key or SSO: see identify.py), or an error response."""
        try:
            return await identification.employee(request), None
        except IdentityError as exc:
            return None, identity_error(exc)

    async def json_body(request: Request) -> bytes:
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type != "application/json":
            raise ToetsError(415, "Stuur de gegevens als JSON (Content-Type: application/json).")
        try:
            return await read_body(request)
        except SubmissionError as exc:  # the shared body reader's 413: a toets answer, not a server fault
            raise ToetsError(exc.status, exc.message) from None

    def refused(exc: ToetsError) -> Response:
        headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after else None
        return error(exc.status, exc.message, headers)

    async def start(request: Request) -> Response:
        employee, problem = await who(request)
        if problem is not None:
            return problem
        try:
            try:
                data = json.loads(await json_body(request))
            except (ValueError, UnicodeDecodeError):
                raise ToetsError(400, "De gegevens zijn geen geldige JSON.") from None
            if not isinstance(data, dict) or set(data) != {"quiz"} or not isinstance(data["quiz"], str):
                raise ToetsError(422, 'Stuur alleen \'quiz\' met de module-id, bijvoorbeeld {"quiz": "m01"}.')
            quiz = catalog.quizzes.get(data["quiz"])
            if quiz is None:
                raise ToetsError(422, f"Onbekende toets '{data['quiz'][:80]}'.")
            now = recorder.clock.now()
            refusal = start_refusal(rules, await submitted.of(employee.id, quiz.module, now), now)
            if refusal is not None:
                raise refusal
        except ToetsError as exc:
            return refused(exc)
        except ClientDisconnect:
            return Response(status_code=400)
        ticket = new_ticket(employee.id, quiz.module, now, rules)
        drawn = draws.keep(ticket.id, drawn_questions(secret, quiz, ticket))
        body = bodies.start(attempt_id(secret, ticket), ticket, quiz, drawn)
        return Response(body, status_code=201, media_type="application/json", headers=_NO_STORE)

    async def submit(request: Request) -> Response:
        employee, problem = await who(request)
        if problem is not None:
            return problem
        try:
            ticket = read_attempt_id(secret, request.path_params["poging"])
            if ticket.employee_id != employee.id:
                raise ToetsError(
                    403, "Deze poging is van iemand anders. Start de toets zelf op de pagina van de module."
                )
            quiz = catalog.quizzes.get(ticket.quiz_id)
            if quiz is None:
                raise ToetsError(410, "Deze toets bestaat niet meer. Start een andere toets.")
            answers = parse_answers(await json_body(request))
            now = recorder.clock.now()
            if now > ticket.expires_at:
                earlier = await run_in_threadpool(stored_result, store.engine, ticket.id)
                if earlier is not None:  # a retry long after: the first answer still holds
                    return Response(earlier, status_code=200, media_type="application/json", headers=_NO_STORE)
                raise ToetsError(410, "Deze poging is verlopen. Start de toets opnieuw op de pagina van de module.")
            drawn = draws.get(ticket.id) or drawn_questions(secret, quiz, ticket)
            attempt = scored_attempt(quiz, drawn, answers, employee.id, now)
        except ToetsError as exc:
            return refused(exc)
        except ClientDisconnect:
            return Response(status_code=400)
        result = bodies.result(attempt, quiz, drawn, employee.name)
        try:
            stored = await recorder.submit(SessionSubmission(ticket.id, ticket.started_at, attempt, result))
        except ToetsError as exc:
            return refused(exc)
        except Exception as exc:  # the employee was erased meanwhile, or the database is down
            log.error("storing a toets attempt failed: %s", exc)
            return error(503, "Je resultaat kon niet worden opgeslagen. Probeer het over een paar minuten opnieuw.")
        if stored.first_time:
            submitted.add(employee.id, quiz.module, now)
        return Response(
            stored.result,
            status_code=201 if stored.first_time else 200,
            media_type="application/json",
            headers=_NO_STORE,
        )

    routes = [
        Route("/pogingen/start", start, methods=["POST"]),
        Route("/pogingen/{poging}", submit, methods=["POST"]),
    ]
    return routes, recorder
