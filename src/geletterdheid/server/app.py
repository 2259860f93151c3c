"""The Starlette application: the built site, ``POST /api/pogingen`` and ``GET /api/export.csv`` (or ``.xlsx``).

Every API answer is JSON with a Dutch message on failure (``{"fout": "..."}``), never a stack
trace. Every response carries headers that keep the browser from contacting other hosts
(Content-Security-Policy) and from leaking the page address (Referrer-Policy).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hmac
import logging
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..content.model import Catalog
from ..project.model import TrainingSettings
from ..records.model import module_versions
from ..reports import hr_export
from ..reports.spreadsheet import DIALECTS
from ..reports.xlsx_export import export_xlsx
from ..site_mode import TOETS, read_site_mode
from .account import account_routes, identity_error
from .health import health_route
from .hr_pages import HrPages
from .identify import NOT_ON_ROSTER, Identification
from .identity import Identifier, IdentityError, bearer_token
from .known_employees import KnownEmployees
from .learner import Learners
from .page_policy import BASE_POLICY, PagePolicy
from .rate_limit import FailureLimiter
from .recorder import Recorder, refused_by_constraint
from .same_origin import cross_site
from .same_origin import refuse as refuse_cross_site
from .settings import ServerSettings
from .submission import SubmissionError, parse_submission, result_body, score_submission
from .toets_routes import toets_routes
from .trainer import HideTrainerHandbooks, trainer_routes

if TYPE_CHECKING:
    from ..records.store import Store

log = logging.getLogger("geletterdheid.server")
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

#: Only this host: no fonts, scripts, images or connections elsewhere, whatever a page contains.
#: No inline scripts either; pages allow their own by hash (page_policy.py).
CONTENT_SECURITY_POLICY = BASE_POLICY
_SECURITY_HEADERS = [
    (b"referrer-policy", b"no-referrer"),
    (b"x-content-type-options", b"nosniff"),
]
_NOT_FOUND_PAGE = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pagina niet gevonden</title></head>
<body><main><h1>Pagina niet gevonden</h1>
<p>Deze pagina bestaat niet (meer). Ga naar de <a href="/">startpagina van de handleiding</a>.</p></main></body></html>
"""


_BASE_POLICY_BYTES = BASE_POLICY.encode("ascii")


class SecurityHeaders:
    """Pure ASGI middleware (cheaper than BaseHTTPMiddleware on the hot path), the guards of every
    answer in one layer: the security headers and base policy on each answer; a cross-site unsafe
    request refused (same_origin.py) before the application sees it; pages through PagePolicy, for
    their own policy (the API's JSON answers have no inline scripts: the base policy). One layer,
    not three, since each layer costs every request a call and every answer's messages another."""

    def __init__(self, app):
        self.app = app
        self.pages = PagePolicy(app)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", [])) + _SECURITY_HEADERS
                # A page's own policy (PagePolicy) stays; a 304 keeps the one stored with the page.
                if message["status"] != 304 and not any(name == b"content-security-policy" for name, _ in headers):
                    headers.append((b"content-security-policy", _BASE_POLICY_BYTES))
                message["headers"] = headers
            await send(message)

        if cross_site(scope["method"], scope["headers"]):
            return await refuse_cross_site(scope, send_with_headers)
        inner = self.app if scope["path"].startswith("/api/") else self.pages
        await inner(scope, receive, send_with_headers)


def _error(status: int, message: str, headers: dict | None = None) -> JSONResponse:
    all_headers = {"Cache-Control": "no-store", **(headers or {})}
    return JSONResponse({"fout": message}, status_code=status, headers=all_headers)


def _too_large(limit: int) -> SubmissionError:
    return SubmissionError(413, f"Het bericht is te groot (meer dan {limit // 1024} kB).")


async def _read_body(request: Request, limit: int) -> bytes:
    """The body, refusing more than ``limit`` bytes before reading them all (a body that does not
    arrive in time is answered by the protocol: slow_clients.py).

    Straight from the ASGI messages, as Request.stream() reads them, without its async generator:
    a submission's body is one message, and the generator's machinery cost more than the rest."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise _too_large(limit)
    chunks, size = [], 0
    while True:
        message = await request.receive()
        if message["type"] == "http.disconnect":
            raise ClientDisconnect()
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
        if not message.get("more_body", False):
            return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _site_app(site: Path, toets_site: bool):
    static = StaticFiles(directory=site, html=True)
    return HideTrainerHandbooks(static, _NOT_FOUND_PAGE.encode()) if toets_site else static


STATIC_DIR = Path(__file__).with_name("static")


def create_app(
    settings: ServerSettings, catalog: Catalog, store: Store, training: TrainingSettings | None = None
) -> Starlette:
    """``training``: the deadlines and validity of ``[opleiding]`` (none without gemeente.toml)."""
    from ..certificate.signing_key import key_path, load_or_create

    training = training or TrainingSettings()
    learners = Learners(settings, catalog, store, load_or_create(key_path(settings.badge_key)), training)
    hr_pages = HrPages(settings, catalog, store, training)
    identifier = Identifier(settings.secret, settings.sso_header, settings.sso_field)
    employees = KnownEmployees(store)
    recorder = Recorder(store, versions=module_versions(catalog))
    identification = Identification(identifier, employees, FailureLimiter())
    toets_site = read_site_mode(settings.site) == TOETS

    async def _erased(employee_id: str) -> bool:
        try:
            return await run_in_threadpool(employees.get, employee_id) is None
        except Exception:  # the database is down after all: answer 503
            return False

    async def submit(request: Request) -> Response:
        if toets_site:  # its answers and per-question feedback would give the toets away
            return _error(
                409,
                "Deze website is een toetssite: start de toets op de pagina van de module. "
                "Losse antwoorden slaat de server hier niet op.",
            )
        try:
            employee = await identification.employee(request)
        except IdentityError as exc:
            return identity_error(exc)
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        try:
            if content_type != "application/json":
                raise SubmissionError(415, "Stuur de antwoorden als JSON (Content-Type: application/json).")
            body = await _read_body(request, settings.max_body_bytes)
            submission = parse_submission(body, catalog)
            attempt = score_submission(submission, employee.id, recorder.clock.now())
        except SubmissionError as exc:
            return _error(exc.status, exc.message)
        except ClientDisconnect:
            return Response(status_code=400)
        try:
            attempt = await recorder.record(attempt)
        except Exception as exc:  # the employee was erased meanwhile, or the database is down
            employees.forget(employee.id)
            if refused_by_constraint(exc) and await _erased(employee.id):
                return _error(403, NOT_ON_ROSTER)  # 'forget' ran after the roster check: not a fault of ours
            log.error("storing an attempt failed: %s", exc)
            return _error(503, "Je resultaat kon niet worden opgeslagen. Probeer het over een paar minuten opnieuw.")
        return JSONResponse(
            result_body(attempt, submission.quiz, employee.name), status_code=201, headers={"Cache-Control": "no-store"}
        )

    def hr_refusal(request: Request) -> Response | None:
        """Why this request may not have the export (an error response), or None when it may."""
        if settings.hr_token is None:
            return _error(403, "De HR-export staat uit: er is geen HR-token ingesteld (GELETTERDHEID_HR_TOKEN).")
        token = bearer_token(request.headers)
        if token is None:
            return _error(
                401,
                "Log in met het HR-token (Authorization: Bearer ...).",
                {"WWW-Authenticate": 'Bearer realm="geletterdheid-hr"'},
            )
        try:
            identification.check_allowed(request)
        except IdentityError as exc:
            return identity_error(exc)
        if not hmac.compare_digest(token.encode(), settings.hr_token.encode()):
            identification.failed(request)
            return _error(403, "Dit HR-token is niet juist.")
        return None

    async def export_file(request: Request, suffix: str) -> Response:
        refusal = hr_refusal(request)
        if refusal is not None:
            return refusal
        dialect = request.query_params.get("dialect", "excel-nl")
        layout = request.query_params.get("layout", "long")
        if dialect not in DIALECTS:
            return _error(400, f"Onbekend dialect '{dialect[:40]}'; kies uit {', '.join(DIALECTS)}.")
        if layout not in hr_export.LAYOUTS:
            return _error(400, f"Onbekende indeling '{layout[:40]}'; kies uit {', '.join(hr_export.LAYOUTS)}.")
        options = hr_export.ExportOptions(
            layout=layout, department=request.query_params.get("afdeling") or None, training=training
        )
        folder = Path(tempfile.mkdtemp(prefix="geletterdheid-export-"))
        path = folder / f"export{suffix}"

        def cleanup() -> None:
            path.unlink(missing_ok=True)
            folder.rmdir()

        try:
            if suffix == ".xlsx":
                await run_in_threadpool(export_xlsx, store, catalog, path, options)
            else:
                await run_in_threadpool(hr_export.export, store, catalog, path, DIALECTS[dialect], options=options)
        except BaseException:
            cleanup()
            raise
        filename = f"geletterdheid-{layout}-{dt.date.today().isoformat()}{suffix}"
        return FileResponse(
            path,
            media_type=XLSX_MEDIA_TYPE if suffix == ".xlsx" else "text/csv; charset=utf-8",
            filename=filename,
            headers={"Cache-Control": "no-store"},
            background=BackgroundTask(cleanup),
        )

    async def export_csv(request: Request) -> Response:
        return await export_file(request, ".csv")

    async def export_workbook(request: Request) -> Response:
        return await export_file(request, ".xlsx")

    async def http_error(request: Request, exc: Exception) -> Response:
        if not isinstance(exc, HTTPException):  # registered for HTTPException only; keeps the types honest
            return await server_error(request, exc)
        if request.url.path.startswith("/api/"):
            messages = {404: "Dit adres bestaat niet in de API.", 405: "Deze methode is hier niet toegestaan."}
            return _error(
                exc.status_code,
                messages.get(exc.status_code, "Dit verzoek kan niet worden verwerkt."),
                dict(exc.headers or {}),
            )
        if exc.status_code == 404:
            return HTMLResponse(_NOT_FOUND_PAGE, status_code=404)
        return Response(status_code=exc.status_code, headers=exc.headers)

    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error")
        return _error(500, "Er ging iets mis op de server. Probeer het later opnieuw of meld het bij de beheerders.")

    toets_api, toets_recorder = toets_routes(
        secret=settings.secret,
        rules=settings.toets,
        catalog=catalog,
        store=store,
        identification=identification,
        read_body=lambda request: _read_body(request, settings.max_body_bytes),
        error=_error,
    )

    @contextlib.asynccontextmanager
    async def lifespan(app):
        yield
        await recorder.close()
        await toets_recorder.close()

    routes = [
        Mount(
            "/api",
            routes=[  # its own router: a wrong method is a 405, an unknown path a JSON 404
                Route("/pogingen", submit, methods=["POST"]),
                Route("/export.csv", export_csv, methods=["GET"]),
                Route("/export.xlsx", export_workbook, methods=["GET"]),
                *toets_api,
                *account_routes(identification),
                *learners.api_routes(),
            ],
        ),
        health_route(store),
        *trainer_routes(settings),
        # The server's own pages (mijn voortgang, verifiëren, HR) before the site, which takes the rest.
        *learners.page_routes(),
        *hr_pages.routes(),
        Mount("/_gl", app=StaticFiles(directory=STATIC_DIR)),
        Mount("/", app=_site_app(settings.site, toets_site)),
    ]
    app = Starlette(
        routes=routes, exception_handlers={HTTPException: http_error, Exception: server_error}, lifespan=lifespan
    )
    app.add_middleware(SecurityHeaders)  # with the same-origin check and PagePolicy inside
    return app
