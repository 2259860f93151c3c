"""The trainer handbooks at /trainer/: they hold every answer, so only a trainer or HR token opens them.

A browser asks for the token itself (HTTP Basic: any user name, the token as password); a script
sends ``Authorization: Bearer <token>``. Only files named ``trainer-<rol>.pdf`` in the trainer
folder are served (``trainer_map``, default the build's ``pdf`` folder beside the site).
"""

from __future__ import annotations

import base64
import binascii
import hmac
import posixpath
import re
from collections.abc import Mapping
from html import escape
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.routing import Route

from .identity import bearer_token
from .settings import TRAINER_TOKEN_ENV, ServerSettings

_NAME = re.compile(r"^trainer-[a-z0-9][a-z0-9-]*\.pdf$")
_NO_STORE = {"Cache-Control": "no-store"}


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title></head>\n<body><main><h1>{escape(title)}</h1>\n{body}</main></body></html>\n"
    )


def offered_token(headers: Mapping[str, str]) -> str | None:
    """The token of a Bearer header, or the password of a Basic one (what a browser sends)."""
    token = bearer_token(headers)
    if token is not None:
        return token
    scheme, _, value = headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    return decoded.partition(":")[2] or None


def trainer_routes(settings: ServerSettings) -> list[Route]:
    tokens = [token.encode() for token in (settings.trainer_token, settings.hr_token) if token]
    folder = settings.trainer_folder or settings.site.parent / "pdf"

    def refusal(request: Request) -> Response | None:
        if not tokens:
            return HTMLResponse(
                _page(
                    "Trainershandboeken staan uit",
                    f"<p>Er is geen trainers- of HR-token ingesteld ({TRAINER_TOKEN_ENV}). "
                    "Vraag de beheerder van de server.</p>",
                ),
                status_code=403,
                headers=_NO_STORE,
            )
        token = offered_token(request.headers)
        if token is None or not any(hmac.compare_digest(token.encode(), known) for known in tokens):
            return HTMLResponse(
                _page(
                    "Alleen voor trainers",
                    "<p>De trainershandboeken bevatten alle antwoorden. Log in met het trainerstoken "
                    "(of het HR-token) als wachtwoord; de gebruikersnaam maakt niet uit.</p>",
                ),
                status_code=401,
                headers={**_NO_STORE, "WWW-Authenticate": 'Basic realm="geletterdheid-trainer", charset="UTF-8"'},
            )
        return None

    def handbooks() -> list[Path]:
        return sorted(path for path in folder.glob("trainer-*.pdf") if _NAME.match(path.name))

    async def index(request: Request) -> Response:
        problem = refusal(request)
        if problem is not None:
            return problem
        found = handbooks()
        items = "".join(f'<li><a href="{escape(path.name)}">{escape(path.name)}</a></li>' for path in found)
        body = (
            f"<p>Met antwoorden en uitleg. Deel ze niet met deelnemers.</p>\n<ul>{items}</ul>"
            if found
            else "<p>Er zijn nog geen trainershandboeken gebouwd (geletterdheid build).</p>"
        )
        return HTMLResponse(_page("Trainershandboeken", body), headers=_NO_STORE)

    async def handbook(request: Request) -> Response:
        problem = refusal(request)
        if problem is not None:
            return problem
        name = request.path_params["naam"]
        path = folder / name
        if not _NAME.match(name) or not path.is_file():
            return HTMLResponse(
                _page("Niet gevonden", '<p>Dit trainershandboek bestaat niet. Zie de <a href="./">lijst</a>.</p>'),
                status_code=404,
                headers=_NO_STORE,
            )
        return FileResponse(path, media_type="application/pdf", headers={"Cache-Control": "private, no-store"})

    return [Route("/trainer/", index, methods=["GET"]), Route("/trainer/{naam}", handbook, methods=["GET"])]


class HideTrainerHandbooks:
    """ASGI wrapper around the site: a toets site never serves ``handboeken/trainer-*.pdf``, even
    when an older practice build left them there."""

    def __init__(self, app, not_found: bytes):
        self.app = app
        self.not_found = not_found

    async def __call__(self, scope, receive, send):
        # normpath: '//' and '/./' would otherwise reach the same file under another spelling
        path = posixpath.normpath("/" + scope["path"].lstrip("/")).lower() if scope["type"] == "http" else ""
        if path.startswith("/handboeken/trainer-"):
            response = HTMLResponse(self.not_found, status_code=404)
            return await response(scope, receive, send)
        return await self.app(scope, receive, send)
