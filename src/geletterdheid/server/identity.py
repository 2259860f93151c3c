"""Who is submitting: a personal link token, or a header set by the gemeente's single sign-on proxy.

Personal link tokens (made by ``geletterdheid links``) carry the employee id and an expiry time,
signed with HMAC-SHA256 and the server's secret::

    <employee id, base64url> . <expiry, unix seconds> . <signature, base64url>

Nothing is stored on the server; a token is valid when its signature checks out and it has not
expired. All links stop working when the secret changes.

The single sign-on header is honoured only when it is explicitly enabled: otherwise anyone could
send ``X-Remote-User: E001`` and submit in someone else's name. The proxy in front of the server
must then set (and overwrite) that header on every request; a request that carries the header
twice is refused (400), since a proxy that appends instead of overwriting would let the
client's own copy win. ``--sso-veld`` says whether the header holds the employee id or the
e-mail address of the roster.

Key versions: ``geletterdheid links --opnieuw E001`` raises E001's key version in the store;
links made before then carry the old version and are refused. The version is part of the signed
text of links of the second format::

    <employee id, base64url> . <key version> . <expiry, unix seconds> . <signature, base64url>

Links of the first format (three parts) count as key version 0, so they keep working until the
employee's first ``--opnieuw``.

In the browser the key lives in an HttpOnly cookie (``COOKIE_NAME``) set by ``/api/aanmelden``;
scripts send it as ``Authorization: Bearer`` as well (HR's tools, the benchmark).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, NamedTuple

from starlette.datastructures import Headers
from starlette.requests import cookie_parser

from ..errors import UserError

_VERSION = b"geletterdheid-link-v1"
_VERSION_2 = b"geletterdheid-link-v2"
COOKIE_NAME = "geletterdheid_sleutel"
SSO_FIELDS = ("medewerker_id", "email")
SsoField = Literal["medewerker_id", "email"]
INVALID = "Je persoonlijke link is ongeldig. Gebruik de link uit de e-mail van HR."
REVOKED = "Deze persoonlijke link is vervangen door een nieuwe. Gebruik de nieuwste link uit de e-mail van HR."
MISSING = (
    "Je resultaat kan niet worden opgeslagen: we weten niet wie je bent. "
    "Open de toets via je persoonlijke link uit de e-mail van HR."
)


class IdentityError(UserError):
    """Nobody could be identified; ``str()`` is a Dutch message for the employee.

    ``failed_check``: a key was offered and did not check out (forged, damaged, expired, replaced),
    which counts towards the rate limit; a missing key does not.
    """

    def __init__(self, message: str, status: int = 401, failed_check: bool = False):
        super().__init__(message)
        self.status = status
        self.failed_check = failed_check


class Claim(NamedTuple):
    """Who a request says it is: a roster field's value, and the key version of its link (None: SSO).

    A NamedTuple: made on every submission, and cheaper than a frozen dataclass."""

    value: str
    field: SsoField
    key_version: int | None
    via: Literal["sso", "cookie", "bearer"]


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signature(secret: bytes, employee_id: bytes, expires: int) -> bytes:
    message = b"|".join([_VERSION, employee_id, str(expires).encode("ascii")])
    return hmac.new(secret, message, hashlib.sha256).digest()


def _signature_2(secret: bytes, employee_id: bytes, key_version: int, expires: int) -> bytes:
    message = b"|".join([_VERSION_2, employee_id, str(key_version).encode("ascii"), str(expires).encode("ascii")])
    return hmac.new(secret, message, hashlib.sha256).digest()


def make_token(secret: bytes, employee_id: str, expires: int, key_version: int = 0) -> str:
    """A personal token for ``employee_id`` valid until ``expires`` (unix seconds).

    Key version 0 gives the first format, which every server version understands."""
    raw_id = employee_id.encode("utf-8")
    if key_version == 0:
        return f"{_b64encode(raw_id)}.{expires}.{_b64encode(_signature(secret, raw_id, expires))}"
    signature = _signature_2(secret, raw_id, key_version, expires)
    return f"{_b64encode(raw_id)}.{key_version}.{expires}.{_b64encode(signature)}"


def verify_token_version(secret: bytes, token: str, now: float | None = None) -> tuple[str, int]:
    """(employee id, key version) of a valid token; raises :class:`IdentityError` when forged,
    damaged or expired (whether the key version is still current is for the caller to check)."""
    parts = token.strip().split(".")
    try:
        if not 3 <= len(parts) <= 4 or not parts[-2].isdigit() or not parts[1].isdigit() or len(token) > 1024:
            raise ValueError
        raw_id, signature = _b64decode(parts[0]), _b64decode(parts[-1])
        key_version = int(parts[1]) if len(parts) == 4 else 0
        expires = int(parts[-2])
        employee_id = raw_id.decode("utf-8")
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise IdentityError(INVALID, failed_check=True) from None
    expected = (
        _signature_2(secret, raw_id, key_version, expires) if len(parts) == 4 else _signature(secret, raw_id, expires)
    )
    if not hmac.compare_digest(signature, expected):
        raise IdentityError(INVALID, failed_check=True)
    if expires < (time.time() if now is None else now):
        raise IdentityError("Je persoonlijke link is verlopen. Vraag HR om een nieuwe link.", failed_check=True)
    return employee_id, key_version


def verify_token(secret: bytes, token: str, now: float | None = None) -> str:
    """The employee id in a valid token; raises :class:`IdentityError` when forged, damaged or expired."""
    return verify_token_version(secret, token, now)[0]


def header_values(headers: Mapping[str, str] | Headers, name: str) -> list[str]:
    """Every value of header ``name`` (lower case): a proxy may have added a second copy."""
    if isinstance(headers, Headers):
        return headers.getlist(name)
    value = headers.get(name)
    return [] if value is None else [value]


def cookie_token(headers: Mapping[str, str] | Headers) -> str | None:
    cookies = header_values(headers, "cookie")
    for cookie in cookies:
        token = cookie_parser(cookie).get(COOKIE_NAME, "").strip()
        if token:
            return token
    return None


def bearer_token(headers: Mapping[str, str] | Headers) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header (scheme in any case), or None."""
    scheme, _, token = headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


@dataclass(frozen=True)
class Identifier:
    """Finds the employee id of a request from its headers (names in lower case, as ASGI gives them)."""

    secret: bytes
    sso_header: str | None = None  # set only when single sign-on is explicitly enabled
    sso_field: SsoField = "medewerker_id"  # which roster field the header's value is

    def claim(self, headers: Mapping[str, str] | Headers) -> Claim:
        """Who the request says it is: the SSO header, else a link key (Bearer, else the cookie)."""
        if self.sso_header:
            values = header_values(headers, self.sso_header.lower())
            if len(values) > 1:
                raise IdentityError(
                    f"De aanmelding (header {self.sso_header}) komt meer dan eens voor in dit verzoek; "
                    "het wordt daarom geweigerd. Beheerders: laat de proxy deze header vervangen, niet toevoegen.",
                    status=400,
                )
            if values and values[0].strip():
                return Claim(values[0].strip(), self.sso_field, None, "sso")
        token = bearer_token(headers)
        via: Literal["cookie", "bearer"] = "bearer"
        if token is None:
            token, via = cookie_token(headers), "cookie"
        if token is None:
            raise IdentityError(MISSING)
        employee_id, key_version = verify_token_version(self.secret, token)
        return Claim(employee_id, "medewerker_id", key_version, via)

    def employee_id(self, headers: Mapping[str, str] | Headers) -> str:
        """The employee id a request names (for SSO by e-mail: the e-mail address; see claim)."""
        return self.claim(headers).value
