"""HR in the browser: ``/hr/`` shows progress per department and downloads the export; no curl.

Two ways in:

* the HR token (``GELETTERDHEID_HR_TOKEN``) typed into a form once; the server answers with a
  session cookie (HttpOnly, SameSite=Strict, Path=/hr/, Secure over HTTPS) valid for
  SESSION_HOURS. The cookie is an expiry time signed with the server secret and the token, so
  changing either ends every session; nothing is stored on the server.
* behind the gemeente's single sign-on: the SSO header together with ``[hr] groep_header``
  naming a group ``[hr] groep`` (e.g. ``X-Remote-Groups: medewerkers, hr``).

Forms are posted from our own pages only: a POST that ``Sec-Fetch-Site`` or ``Origin`` shows to come
from another site is refused.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs

from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from ..content.model import Catalog
from ..project.model import TrainingSettings
from ..records.errors import RecordsError
from ..reports import hr_export
from ..reports.completion import completions
from ..reports.finished import finished_by_department
from ..reports.spreadsheet import DIALECTS
from ..reports.xlsx_export import export_xlsx
from . import pages
from .settings import ServerSettings

if TYPE_CHECKING:
    from ..records.store import Store

COOKIE = "gl_hr"
SESSION_HOURS = 8
MAX_FORM_BYTES = 4096
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_NO_STORE = {"Cache-Control": "no-store"}
_GROUP_SPLIT = re.compile(r"[,;\s]+")
#: Wrong tokens allowed per client address in a minute before the form answers 429.
MAX_FAILURES_PER_MINUTE = 10


class FailedLogins:
    """Wrong HR tokens per client address in the last minute (in memory: a restart forgets them).

    The token is long and random, so guessing is hopeless anyway; this keeps a script from trying.
    """

    def __init__(self, limit: int = MAX_FAILURES_PER_MINUTE, window: float = 60.0):
        self._limit = limit
        self._window = window
        self._failures: dict[str, list[float]] = {}

    def _recent(self, client: str, now: float) -> list[float]:
        recent = [moment for moment in self._failures.get(client, []) if now - moment < self._window]
        if recent:
            self._failures[client] = recent
        else:
            self._failures.pop(client, None)
        return recent

    def blocked(self, client: str) -> bool:
        return len(self._recent(client, time.monotonic())) >= self._limit

    def failed(self, client: str) -> None:
        now = time.monotonic()
        self._failures[client] = [*self._recent(client, now), now]
        if len(self._failures) > 10_000:  # many addresses: forget those whose minute is over
            for other in list(self._failures):
                self._recent(other, now)


def _session_signature(secret: bytes, hr_token: str, expires: int) -> str:
    key = hmac.new(secret, b"geletterdheid-hr-sessie-v1|" + hr_token.encode("utf-8"), hashlib.sha256).digest()
    return hmac.new(key, str(expires).encode("ascii"), hashlib.sha256).hexdigest()


def make_session(secret: bytes, hr_token: str, now: float | None = None) -> str:
    expires = int((time.time() if now is None else now) + SESSION_HOURS * 3600)
    return f"{expires}.{_session_signature(secret, hr_token, expires)}"


def valid_session(secret: bytes, hr_token: str, value: str, now: float | None = None) -> bool:
    expires, _, signature = value.partition(".")
    if not expires.isdigit() or len(value) > 200:
        return False
    if not hmac.compare_digest(signature, _session_signature(secret, hr_token, int(expires))):
        return False
    return int(expires) >= (time.time() if now is None else now)


async def _to_hr(request: Request) -> Response:
    return RedirectResponse("/hr/", status_code=303)


class HrPages:
    def __init__(
        self, settings: ServerSettings, catalog: Catalog, store: Store, training: TrainingSettings | None = None
    ):
        self.settings = settings
        self.training = training  # [opleiding]: an expired pass does not finish a path
        self.catalog = catalog
        self.store = store
        self.failed_logins = FailedLogins()

    @property
    def enabled(self) -> bool:
        return self.settings.hr_token is not None or self._sso_group_on

    @property
    def _sso_group_on(self) -> bool:
        return bool(self.settings.sso_header and self.settings.hr_group_header and self.settings.hr_group)

    def _via_sso(self, request: Request) -> bool:
        if not self._sso_group_on:
            return False
        assert self.settings.sso_header and self.settings.hr_group_header  # for mypy: checked above
        users = request.headers.getlist(self.settings.sso_header)
        groups = request.headers.getlist(self.settings.hr_group_header)
        if len(users) != 1 or not users[0].strip() or len(groups) != 1:  # a second copy may come from the client
            return False
        return self.settings.hr_group in _GROUP_SPLIT.split(groups[0].strip())

    def _via_cookie(self, request: Request) -> bool:
        value, token = request.cookies.get(COOKIE), self.settings.hr_token
        return bool(token and value and valid_session(self.settings.secret, token, value))

    def allowed(self, request: Request) -> bool:
        return self._via_sso(request) or self._via_cookie(request)

    # -- routes ------------------------------------------------------------------------------

    async def dashboard(self, request: Request) -> Response:
        if not self.enabled:
            return HTMLResponse(pages.hr_login_page(enabled=False), status_code=403, headers=_NO_STORE)
        if not self.allowed(request):
            return HTMLResponse(pages.hr_login_page(), headers=_NO_STORE)
        try:
            lines, total = await run_in_threadpool(self._finished)
        except RecordsError as exc:
            return HTMLResponse(pages.hr_login_page(str(exc)), status_code=409, headers=_NO_STORE)
        rows = [(line.department, line.finished, line.employees) for line in lines]
        body = pages.hr_dashboard(rows, (total.finished, total.employees), via_sso=self._via_sso(request))
        return HTMLResponse(body, headers=_NO_STORE)

    def _finished(self):
        employees = self.store.employees()
        return finished_by_department(completions(self.catalog, employees, self.store.module_progress(), self.training))

    async def login(self, request: Request) -> Response:
        if not self._same_origin(request):
            return HTMLResponse(pages.hr_login_page("Dit formulier komt niet van deze website."), status_code=403)
        if self.settings.hr_token is None:
            return HTMLResponse(pages.hr_login_page(enabled=self.enabled), status_code=403, headers=_NO_STORE)
        client = request.client.host if request.client else ""
        if self.failed_logins.blocked(client):
            return HTMLResponse(
                pages.hr_login_page("Te veel verkeerde pogingen. Wacht een minuut en probeer het dan opnieuw."),
                status_code=429,
                headers={**_NO_STORE, "Retry-After": "60"},
            )
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_FORM_BYTES:
                return HTMLResponse(pages.hr_login_page("Het formulier is te groot."), status_code=413)
        try:
            fields = parse_qs(body.decode("utf-8"), max_num_fields=5)
        except (UnicodeDecodeError, ValueError):
            fields = {}
        token = (fields.get("token") or [""])[0].strip()
        if not token:
            return HTMLResponse(pages.hr_login_page("Vul het HR-token in."), status_code=400, headers=_NO_STORE)
        if not hmac.compare_digest(token.encode(), self.settings.hr_token.encode()):
            self.failed_logins.failed(client)
            return HTMLResponse(pages.hr_login_page("Dit HR-token is niet juist."), status_code=403, headers=_NO_STORE)
        response = RedirectResponse("/hr/", status_code=303)
        response.set_cookie(
            COOKIE,
            make_session(self.settings.secret, self.settings.hr_token),
            max_age=SESSION_HOURS * 3600,
            path="/hr/",
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )
        return response

    async def logout(self, request: Request) -> Response:
        if not self._same_origin(request):
            return HTMLResponse(pages.hr_login_page("Dit formulier komt niet van deze website."), status_code=403)
        response = RedirectResponse("/hr/", status_code=303)
        response.delete_cookie(COOKIE, path="/hr/", httponly=True, samesite="strict")
        return response

    async def export(self, request: Request) -> Response:
        return await self._export(request, ".csv")

    async def export_workbook(self, request: Request) -> Response:
        return await self._export(request, ".xlsx")

    async def _export(self, request: Request, suffix: str) -> Response:
        """The HR export as ``/api/export.csv`` and ``.xlsx`` make it (with [opleiding]), for the browser."""
        if not self.allowed(request):
            return JSONResponse({"fout": "Log eerst in op de HR-pagina (/hr/)."}, status_code=403, headers=_NO_STORE)
        layout = request.query_params.get("layout", "long")
        if layout not in hr_export.LAYOUTS:
            return JSONResponse(
                {"fout": f"Onbekende indeling '{layout[:40]}'; kies uit {', '.join(hr_export.LAYOUTS)}."},
                status_code=400,
                headers=_NO_STORE,
            )
        folder = Path(tempfile.mkdtemp(prefix="geletterdheid-export-"))
        path = folder / f"export{suffix}"

        def cleanup() -> None:
            path.unlink(missing_ok=True)
            folder.rmdir()

        try:
            options = hr_export.ExportOptions(layout=layout, training=self.training or TrainingSettings())
            if suffix == ".xlsx":
                await run_in_threadpool(export_xlsx, self.store, self.catalog, path, options)
            else:
                await run_in_threadpool(
                    hr_export.export, self.store, self.catalog, path, DIALECTS["excel-nl"], options=options
                )
        except RecordsError as exc:
            cleanup()
            return JSONResponse({"fout": str(exc)}, status_code=409, headers=_NO_STORE)
        except BaseException:
            cleanup()
            raise
        return FileResponse(
            path,
            media_type=XLSX_MEDIA_TYPE if suffix == ".xlsx" else "text/csv; charset=utf-8",
            filename=f"geletterdheid-{layout}-{dt.date.today().isoformat()}{suffix}",
            headers=_NO_STORE,
            background=BackgroundTask(cleanup),
        )

    @staticmethod
    def _same_origin(request: Request) -> bool:
        """False for a form posted from another site (Sec-Fetch-Site, else Origin)."""
        fetch_site = request.headers.get("sec-fetch-site")
        if fetch_site is not None:
            return fetch_site in ("same-origin", "none")
        origin = request.headers.get("origin")
        # Our pages send Referrer-Policy: no-referrer, so browsers say "Origin: null" for our own
        # forms; none or "null" is not a proof of another site (the cookie is SameSite=Strict anyway).
        if origin is None or origin == "null":
            return True
        return origin == f"{request.url.scheme}://{request.headers.get('host', '')}"

    def routes(self) -> list[Route]:
        return [
            Route("/hr", _to_hr, methods=["GET"]),
            Route("/hr/", self.dashboard, methods=["GET"]),
            Route("/hr/aanmelden", self.login, methods=["POST"]),
            Route("/hr/afmelden", self.logout, methods=["POST"]),
            # A bookmarked or reloaded form address leads back to the page, not to an empty 405.
            Route("/hr/aanmelden", _to_hr, methods=["GET"]),
            Route("/hr/afmelden", _to_hr, methods=["GET"]),
            Route("/hr/export.csv", self.export, methods=["GET"]),
            Route("/hr/export.xlsx", self.export_workbook, methods=["GET"]),
        ]
