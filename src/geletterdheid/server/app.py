"""The Starlette application: the built site, ``POST /api/pogingen`` and ``GET /api/export.csv``.

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
from ..reports import hr_export
from ..reports.spreadsheet import DIALECTS
from .hr_pages import HrPages
from .identity import Identifier, IdentityError, bearer_token
from .known_employees import KnownEmployees
from .learner import Learners
from .recorder import Recorder
from .settings import ServerSettings
from .submission import SubmissionError, parse_submission, result_body, score_submission

if TYPE_CHECKING:
    from ..records.store import Store

log = logging.getLogger("geletterdheid.server")

#: Only this host: no fonts, scripts, images or connections elsewhere, whatever a page contains.
#: The theme needs inline scripts and styles (colour mode before first paint).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
_SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"referrer-policy", b"no-referrer"),
    (b"x-content-type-options", b"nosniff"),
]
_NOT_FOUND_PAGE = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pagina niet gevonden</title></head>
<body><main><h1>Pagina niet gevonden</h1>
<p>Deze pagina bestaat niet (meer). Ga naar de <a href="/">startpagina van de handleiding</a>.</p></main></body></html>
"""


class SecurityHeaders:
    """Pure ASGI middleware (cheaper than BaseHTTPMiddleware on the hot path)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + _SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _error(status: int, message: str, headers: dict | None = None) -> JSONResponse:
    all_headers = {"Cache-Control": "no-store", **(headers or {})}
    return JSONResponse({"fout": message}, status_code=status, headers=all_headers)


async def _read_body(request: Request, limit: int) -> bytes:
    """The body, refusing more than ``limit`` bytes before reading them all."""
    too_large = SubmissionError(413, f"Het bericht is te groot (meer dan {limit // 1024} kB).")
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise too_large
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


STATIC_DIR = Path(__file__).with_name("static")


def create_app(settings: ServerSettings, catalog: Catalog, store: Store) -> Starlette:
    from ..certificate.signing_key import key_path, load_or_create

    learners = Learners(settings, catalog, store, load_or_create(key_path(settings.badge_key)))
    hr_pages = HrPages(settings, catalog, store)
    identifier = Identifier(settings.secret, settings.sso_header)
    employees = KnownEmployees(store)
    recorder = Recorder(store)

    async def find_employee(employee_id: str):
        employee = employees.cached(employee_id)
        return employee if employee is not None else await run_in_threadpool(employees.get, employee_id)

    async def submit(request: Request) -> Response:
        try:
            employee_id = identifier.employee_id(request.headers)
        except IdentityError as exc:
            return _error(401, str(exc), {"WWW-Authenticate": 'Bearer realm="geletterdheid"'})
        employee = await find_employee(employee_id)
        if employee is None:
            return _error(
                403,
                "Je staat niet in de personeelslijst van deze training, dus je resultaat kan niet "
                "worden opgeslagen. Neem contact op met HR.",
            )
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
            log.error("storing an attempt failed: %s", exc)
            return _error(503, "Je resultaat kon niet worden opgeslagen. Probeer het over een paar minuten opnieuw.")
        return JSONResponse(
            result_body(attempt, submission.quiz, employee.name), status_code=201, headers={"Cache-Control": "no-store"}
        )

    async def export_csv(request: Request) -> Response:
        if settings.hr_token is None:
            return _error(403, "De HR-export staat uit: er is geen HR-token ingesteld (GELETTERDHEID_HR_TOKEN).")
        token = bearer_token(request.headers)
        if token is None:
            return _error(
                401,
                "Log in met het HR-token (Authorization: Bearer ...).",
                {"WWW-Authenticate": 'Bearer realm="geletterdheid-hr"'},
            )
        if not hmac.compare_digest(token.encode(), settings.hr_token.encode()):
            return _error(403, "Dit HR-token is niet juist.")
        dialect = request.query_params.get("dialect", "excel-nl")
        layout = request.query_params.get("layout", "long")
        if dialect not in DIALECTS:
            return _error(400, f"Onbekend dialect '{dialect[:40]}'; kies uit {', '.join(DIALECTS)}.")
        if layout not in hr_export.LAYOUTS:
            return _error(400, f"Onbekende indeling '{layout[:40]}'; kies uit {', '.join(hr_export.LAYOUTS)}.")
        department = request.query_params.get("afdeling") or None
        folder = Path(tempfile.mkdtemp(prefix="geletterdheid-export-"))
        path = folder / "export.csv"

        def cleanup() -> None:
            path.unlink(missing_ok=True)
            folder.rmdir()

        try:
            await run_in_threadpool(hr_export.export, store, catalog, path, DIALECTS[dialect], layout, department)
        except BaseException:
            cleanup()
            raise
        filename = f"geletterdheid-{layout}-{dt.date.today().isoformat()}.csv"
        return FileResponse(
            path,
            media_type="text/csv; charset=utf-8",
            filename=filename,
            headers={"Cache-Control": "no-store"},
            background=BackgroundTask(cleanup),
        )

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

    @contextlib.asynccontextmanager
    async def lifespan(app):
        yield
        await recorder.close()

    routes = [
        Mount(
            "/api",
            routes=[  # its own router: a wrong method is a 405, an unknown path a JSON 404
                Route("/pogingen", submit, methods=["POST"]),
                Route("/export.csv", export_csv, methods=["GET"]),
                *learners.api_routes(),
            ],
        ),
        # The server's own pages (mijn voortgang, verifiëren, HR) before the site, which takes the rest.
        *learners.page_routes(),
        *hr_pages.routes(),
        Mount("/_gl", app=StaticFiles(directory=STATIC_DIR)),
        Mount("/", app=StaticFiles(directory=settings.site, html=True)),
    ]
    app = Starlette(
        routes=routes, exception_handlers={HTTPException: http_error, Exception: server_error}, lifespan=lifespan
    )
    app.add_middleware(SecurityHeaders)
    return app
