"""Who is submitting: a personal link token, or a header set by the gemeente's single sign-on proxy.

Personal link tokens (made by ``geletterdheid links``) carry the employee id and an expiry time,
signed with HMAC-SHA256 and the server's secret::

    <employee id, base64url> . <expiry, unix seconds> . <signature, base64url>

Nothing is stored on the server; a token is valid when its signature checks out and it has not
expired. All links stop working when the secret changes.

The single sign-on header is honoured only when it is explicitly enabled: otherwise anyone could
send ``X-Remote-User: E001`` and submit in someone else's name. The proxy in front of the server
must then set (and overwrite) that header on every request.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import time
from collections.abc import Mapping
from dataclasses import dataclass

from ..errors import UserError

_VERSION = b"geletterdheid-link-v1"


class IdentityError(UserError):
    """Nobody could be identified; ``str()`` is a Dutch message for the employee."""

    status = 401


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signature(secret: bytes, employee_id: bytes, expires: int) -> bytes:
    message = b"|".join([_VERSION, employee_id, str(expires).encode("ascii")])
    return hmac.new(secret, message, hashlib.sha256).digest()


def make_token(secret: bytes, employee_id: str, expires: int) -> str:
    """A personal token for ``employee_id`` valid until ``expires`` (unix seconds)."""
    raw_id = employee_id.encode("utf-8")
    return f"{_b64encode(raw_id)}.{expires}.{_b64encode(_signature(secret, raw_id, expires))}"


def verify_token(secret: bytes, token: str, now: float | None = None) -> str:
    """The employee id in a valid token; raises :class:`IdentityError` when forged, damaged or expired."""
    parts = token.strip().split(".")
    try:
        if len(parts) != 3 or not parts[1].isdigit() or len(token) > 1024:
            raise ValueError
        raw_id, expires, signature = _b64decode(parts[0]), int(parts[1]), _b64decode(parts[2])
        employee_id = raw_id.decode("utf-8")
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise IdentityError("Je persoonlijke link is ongeldig. Gebruik de link uit de e-mail van HR.") from None
    if not hmac.compare_digest(signature, _signature(secret, raw_id, expires)):
        raise IdentityError("Je persoonlijke link is ongeldig. Gebruik de link uit de e-mail van HR.")
    if expires < (time.time() if now is None else now):
        raise IdentityError("Je persoonlijke link is verlopen. Vraag HR om een nieuwe link.")
    return employee_id


def bearer_token(headers: Mapping[str, str]) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header (scheme in any case), or None."""
    scheme, _, token = headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


@dataclass(frozen=True)
class Identifier:
    """Finds the employee id of a request from its headers (names in lower case, as ASGI gives them)."""

    secret: bytes
    sso_header: str | None = None  # set only when single sign-on is explicitly enabled

    def employee_id(self, headers: Mapping[str, str]) -> str:
        if self.sso_header:
            value = headers.get(self.sso_header.lower(), "").strip()
            if value:
                return value
        token = bearer_token(headers)
        if token is None:
            raise IdentityError(
                "Je resultaat kan niet worden opgeslagen: we weten niet wie je bent. "
                "Open de toets via je persoonlijke link uit de e-mail van HR."
            )
        return verify_token(self.secret, token)
