"""Content-Security-Policy without ``'unsafe-inline'`` for scripts: each page allows exactly its
own inline scripts, by their SHA-256 hash.

The theme (pydata-sphinx-theme) and Sphinx put a few small scripts into every page: the colour
mode before first paint, ``DOCUMENTATION_OPTIONS.pagename = '...'`` (different on every page),
the search page's start-up. Allowing all inline scripts would also allow one that an author's
text or a bug managed to inject; allowing these by hash allows only what the build wrote.

The hashes of a page are computed the first time it is served and kept per ETag (the file's
size and time), so a rebuilt site gets new hashes and a page is read once. A 304 answer carries
the policy only when it is known: without it the browser keeps the one stored with the page.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

#: For everything but pages: no inline scripts at all.
BASE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
_SCRIPT = re.compile(rb"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_SRC = re.compile(rb"\bsrc\s*=", re.I)
_TYPE = re.compile(rb"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SCRIPT_TYPES = {b"", b"text/javascript", b"application/javascript", b"module"}
_MAX_CACHED = 10_000


def inline_script_hashes(html: bytes) -> list[str]:
    """CSP source expressions (``'sha256-...'``) for the inline scripts a browser would run."""
    hashes = []
    for match in _SCRIPT.finditer(html):
        attributes, content = match.group(1), match.group(2)
        kind = _TYPE.search(attributes)
        if _SRC.search(attributes) or (kind is not None and kind.group(1).lower() not in _SCRIPT_TYPES):
            continue  # an external script ('self' covers it) or a data block the browser never runs
        digest = base64.b64encode(hashlib.sha256(content).digest()).decode("ascii")
        hashes.append(f"'sha256-{digest}'")
    return list(dict.fromkeys(hashes))


def page_policy(hashes: Iterable[str]) -> str:
    allowed = "".join(f" {source}" for source in hashes)
    return BASE_POLICY.replace("script-src 'self';", f"script-src 'self'{allowed};")


def _header(headers: list[tuple[bytes, bytes]], name: bytes) -> bytes | None:
    for key, value in headers:
        if key == name:
            return value
    return None


class PagePolicy:
    """Pure ASGI middleware: HTML answers get a policy with their own inline-script hashes."""

    def __init__(self, app):
        self.app = app
        self._by_etag: dict[bytes, bytes] = {}

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["path"].startswith("/api/"):
            return await self.app(scope, receive, send)
        state: dict = {"mode": "pass"}
        cache = self._by_etag

        async def send_with_policy(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                content_type = _header(headers, b"content-type") or b""
                etag = _header(headers, b"etag")
                known = cache.get(etag) if etag is not None else None
                if known is not None:
                    message["headers"] = [*headers, (b"content-security-policy", known)]
                elif message["status"] == 304 or scope["method"] == "HEAD" or not content_type.startswith(b"text/html"):
                    pass  # SecurityHeaders adds the base policy (a 304 keeps the stored one)
                else:
                    state.update(mode="buffer", start=message, etag=etag, chunks=[])
                    return
                await send(message)
                return
            if state["mode"] == "pass":
                await send(message)
                return
            state["chunks"].append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = b"".join(state["chunks"])
            policy = page_policy(inline_script_hashes(body)).encode("ascii")
            if state["etag"] is not None:
                if len(cache) >= _MAX_CACHED:
                    cache.clear()
                cache[state["etag"]] = policy
            start = state["start"]
            start["headers"] = [*start.get("headers", []), (b"content-security-policy", policy)]
            await send(start)
            await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, send_with_policy)
