"""Signing in with a personal link, seeing who you are, signing out (a shared PC in the library).

* ``POST /api/aanmelden`` with ``Authorization: Bearer <key from the link>``: checks the key
  (fresh from the store: a link replaced by ``links --opnieuw`` is refused at once) and sets it
  as a cookie: HttpOnly (no script, and so no injected script, can read it), SameSite=Strict (no
  other site can send it along), Secure when the site is reached over HTTPS, for at most
  ``COOKIE_HOURS`` hours. The key is no longer kept for months in the browser's localStorage,
  where the next user of a shared PC inherited it.
* ``GET /api/ik``: the name the results will be stored under (``{"medewerker": ..., "via": ...}``),
  or 401 when nobody is signed in.
* ``POST /api/afmelden``: removes the cookie. Single sign-on cannot be undone here: the answer
  says so.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .identify import Identification, TooManyFailures
from .identity import COOKIE_NAME, IdentityError

COOKIE_HOURS = 12  # a working day; the link in the e-mail signs in again


def _json(body: dict, status: int = 200) -> JSONResponse:
    return JSONResponse(body, status_code=status, headers={"Cache-Control": "no-store"})


def identity_error(exc: IdentityError) -> JSONResponse:
    """The answer to a request whose sender could not be identified."""
    response = _json({"fout": str(exc)}, exc.status)
    if isinstance(exc, TooManyFailures):
        response.headers["Retry-After"] = str(exc.retry_after)
    elif exc.status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="geletterdheid"'
    return response


def _set_key_cookie(response: Response, request: Request, token: str, max_age: int) -> None:
    response.set_cookie(
        COOKIE_NAME,
        token,
        max_age=max_age,
        path="/",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",  # behind the TLS proxy: its X-Forwarded-Proto
    )


def account_routes(identification: Identification) -> list[Route]:
    async def sign_in(request: Request) -> Response:
        try:
            claim = await identification.claim(request)
            employee = await identification.employee(request, fresh=True)
        except IdentityError as exc:
            return identity_error(exc)
        response = _json({"medewerker": employee.name, "bericht": f"Je bent aangemeld als {employee.name}."})
        if claim.via == "bearer":
            token = request.headers["authorization"].partition(" ")[2].strip()
            _set_key_cookie(response, request, token, COOKIE_HOURS * 3600)
        return response

    async def who_am_i(request: Request) -> Response:
        try:
            claim = await identification.claim(request)
            employee = await identification.employee(request)
        except IdentityError as exc:
            response = identity_error(exc)
            if exc.failed_check and exc.status == 401:  # a cookie with a replaced or expired key: drop it
                _set_key_cookie(response, request, "", 0)
            return response
        return _json({"medewerker": employee.name, "via": "sso" if claim.via == "sso" else "link"})

    async def sign_out(request: Request) -> Response:
        sso = identification.identifier.sso_header is not None and bool(
            request.headers.get(identification.identifier.sso_header.lower(), "").strip()
        )
        bericht = "Je bent afgemeld."
        if sso:
            bericht += " Je bent ook aangemeld via het account van de gemeente: sluit de browser om dat te beëindigen."
        response = _json({"bericht": bericht, "sso": sso})
        _set_key_cookie(response, request, "", 0)
        return response

    return [
        Route("/aanmelden", sign_in, methods=["POST"]),
        Route("/ik", who_am_i, methods=["GET"]),
        Route("/afmelden", sign_out, methods=["POST"]),
    ]
