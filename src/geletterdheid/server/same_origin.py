"""A second defence against cross-site requests: a POST from a page of another site is refused.

The first defences are the cookie's ``SameSite=Strict`` and the JSON content type (a plain HTML
form cannot send it). Browsers also say where a request comes from: ``Sec-Fetch-Site`` (modern
browsers) and ``Origin``. A POST that a browser marks as cross-site, or whose Origin is not this
server's own address, gets 403 with a Dutch message. Requests without either header (curl, HR's
scripts) pass: they do not come from a browser page, and need a key or token anyway.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

_SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
_ALLOWED_FETCH_SITES = {b"same-origin", b"none"}  # "none": typed in the address bar, a bookmark
MESSAGE = "Dit verzoek komt van een andere website en wordt daarom geweigerd."
#: For the server's own pages with forms (/hr/): a page, not JSON.
FORM_PAGE = (
    '<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8"><title>Geweigerd</title></head>'
    "<body><main><h1>Geweigerd</h1><p>Dit formulier komt niet van deze website. Open de pagina op deze "
    "server opnieuw en probeer het nog eens.</p></main></body></html>\n"
)


def cross_site(method: str, headers: list[tuple[bytes, bytes]]) -> bool:
    """True when a browser says this unsafe request comes from another site."""
    if method in _SAFE_METHODS:
        return False
    fetch_site = origin = host = None
    for name, value in headers:
        if name == b"sec-fetch-site":
            fetch_site = value.lower()
        elif name == b"origin":
            origin = value
        elif name == b"host":
            host = value.lower()
    if fetch_site is not None:
        # Set by the browser itself, never by a page: it decides. (Origin may then be "null" for our
        # own forms: the pages send no referrer, and Chromium then sends Origin: null.)
        return fetch_site not in _ALLOWED_FETCH_SITES
    if origin is None:
        return False
    if origin == b"null":  # a sandboxed frame or a file: page
        return True
    # Compare host and port only: behind the TLS proxy the server itself speaks plain HTTP.
    return urlsplit(origin.decode("latin-1")).netloc.lower() != (host or b"").decode("latin-1")


async def refuse(scope, send) -> None:
    """The 403 for a cross-site request: JSON for the API, a page for the server's own forms."""
    api = scope.get("path", "").startswith("/api/")
    body = _API_REFUSAL if api else _FORM_REFUSAL
    await send(
        {
            "type": "http.response.start",
            "status": 403,
            "headers": [
                (b"content-type", b"application/json" if api else b"text/html; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"cache-control", b"no-store"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


_API_REFUSAL = json.dumps({"fout": MESSAGE}).encode()
_FORM_REFUSAL = FORM_PAGE.encode()


class SameOriginPosts:
    """Pure ASGI middleware: 403 for cross-site unsafe requests, before the application sees them.
    (The server itself checks in app.SecurityHeaders, one layer for all its answers' guards.)"""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not cross_site(scope["method"], scope["headers"]):
            return await self.app(scope, receive, send)
        await refuse(scope, send)
