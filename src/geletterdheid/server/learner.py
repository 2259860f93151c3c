"""Mijn voortgang and certificates: the learner's own path, the certificate PDF and badge, and
``/verifieer/<code>`` and ``/.well-known/jwks.json`` for anyone who checks one.

The learner is identified exactly as a quiz submission is (``Identifier``: personal link key or
SSO header). A certificate is made (and stored) the first time a learner with a complete path
asks for their progress; later requests get the same one.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from joserfc.jwk import OKPKey
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from ..certificate import badge, pdf
from ..certificate.model import Certificate, normalise_code
from ..certificate.progress import LearnerProgress, certificate_for, learner_progress, summarise
from ..certificate.signing_key import public_jwks
from ..content.model import Catalog, dutch_date
from ..project.model import TrainingSettings
from ..records import certificates
from ..records.errors import RecordsError
from ..records.model import Employee
from ..records.times import LOCAL_ZONE
from ..reports.completion import completions
from . import pages
from .identity import REVOKED, Claim, Identifier, IdentityError, bearer_token, cookie_token
from .settings import ServerSettings

if TYPE_CHECKING:
    from ..records.store import Store

log = logging.getLogger("geletterdheid.server")
API_PROGRESS = "/api/mijn-voortgang"
_NO_STORE = {"Cache-Control": "no-store"}
NOBODY = (
    "We weten niet wie je bent. Open eerst je persoonlijke link uit de e-mail van HR, "
    "en kom dan terug naar deze pagina."
)


class LearnerError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def _error(error: LearnerError) -> JSONResponse:
    headers = dict(_NO_STORE)
    if error.status == 401:
        headers["WWW-Authenticate"] = 'Bearer realm="geletterdheid"'
    return JSONResponse({"fout": error.message}, status_code=error.status, headers=headers)


def _base_url(request: Request) -> str:
    return str(request.base_url)


class Learners:
    """The routes, sharing the store, the content and the signing key."""

    def __init__(
        self,
        settings: ServerSettings,
        catalog: Catalog,
        store: Store,
        key: OKPKey,
        training: TrainingSettings | None = None,
    ):
        self.settings = settings
        self.training = training  # [opleiding]: a pass past its validity is no longer "Gehaald"
        self.catalog = catalog
        self.store = store
        self.key = key
        self.identifier = Identifier(settings.secret, settings.sso_header, settings.sso_field)

    # -- finding the learner and their certificate (in a worker thread: the store blocks) ---------

    def _employee_of(self, claim: Claim) -> Employee | None:
        """The employee a claim names, as the quiz routes find them (server/identify.py): by e-mail for
        SSO by e-mail, and a link whose key version was renewed (links --opnieuw) no longer counts."""
        if claim.field == "email":
            matches = self.store.employees_with_email(claim.value)
            return matches[0] if len(matches) == 1 else None
        found = self.store.employee_with_key_version(claim.value)
        if found is None:
            return None
        employee, key_version = found
        if claim.key_version is not None and claim.key_version != key_version:
            raise LearnerError(401, REVOKED)
        return employee

    def _progress(self, headers) -> LearnerProgress:
        try:
            claim = self.identifier.claim(headers)
        except IdentityError as exc:
            if exc.status == 401 and bearer_token(headers) is None and cookie_token(headers) is None:
                raise LearnerError(401, NOBODY) from None  # nobody at all: say how to come in
            raise LearnerError(exc.status, str(exc)) from None
        employee = self._employee_of(claim)
        if employee is None:
            raise LearnerError(
                403, "Je staat niet in de personeelslijst van deze training, dus er is geen voortgang. Vraag HR."
            )
        try:
            [completion] = completions(
                self.catalog, [employee], summarise(employee.id, self.store.attempts_of(employee.id)), self.training
            )
        except RecordsError:
            raise LearnerError(
                409,
                "Je rol staat niet (meer) in de training, dus je leerpad is niet bekend. Vraag HR om dit te regelen.",
            ) from None
        return learner_progress(self.catalog, completion)

    def _progress_and_certificate(self, headers) -> tuple[LearnerProgress, Certificate | None]:
        progress = self._progress(headers)
        if not progress.complete:
            return progress, None
        found = certificates.for_path(self.store, progress.employee_id, progress.path_key)
        if found is None:
            found = certificates.issue(self.store, certificate_for(progress, dt.datetime.now(dt.UTC)))
        return progress, found

    def _complete(self, headers) -> tuple[LearnerProgress, Certificate]:
        progress, certificate = self._progress_and_certificate(headers)
        if certificate is None:
            raise LearnerError(
                404, "Je hebt nog niet alle modules van je leerpad gehaald, dus er is nog geen certificaat."
            )
        return progress, certificate

    # -- the routes --------------------------------------------------------------------------------

    async def progress_page(self, request: Request) -> Response:
        return HTMLResponse(pages.progress_page(), headers=_NO_STORE)

    async def progress_json(self, request: Request) -> Response:
        try:
            progress, certificate = await run_in_threadpool(self._progress_and_certificate, request.headers)
        except LearnerError as exc:
            return _error(exc)
        body = {
            "naam": progress.name,
            "leerpad": progress.path_title,
            "gehaald": progress.passed_count,
            "totaal": len(progress.modules),
            "compleet": progress.complete,
            "modules": [
                {
                    "id": line.module_id,
                    "titel": line.title,
                    "status": line.status,
                    "status_tekst": line.words,
                    "gehaald_op": dutch_date(line.passed_on) if line.passed_on else None,
                    "versie": line.version,
                    # "leerpad", or the AI system of the register that makes the module required
                    "reden": line.reason,
                }
                for line in progress.modules
            ],
            "certificaat": None
            if certificate is None
            else {
                "code": certificate.code,
                "pdf": f"{API_PROGRESS}/certificaat.pdf",
                "badge": f"{API_PROGRESS}/badge.jwt",
                "verifieer": f"/verifieer/{certificate.code}",
            },
        }
        return JSONResponse(body, headers=_NO_STORE)

    async def certificate_pdf(self, request: Request) -> Response:
        try:
            progress, certificate = await run_in_threadpool(self._complete, request.headers)
        except LearnerError as exc:
            return _error(exc)
        verify_url = f"{_base_url(request)}verifieer/{certificate.code}"
        try:
            data = await run_in_threadpool(
                pdf.compile_pdf, certificate, progress.name, self.settings.gemeente, verify_url
            )
        except pdf.CertificatePdfError as exc:
            log.error("%s", exc)
            return _error(LearnerError(503, "Het certificaat kon nu niet worden gemaakt. Probeer het later opnieuw."))
        return Response(
            data,
            media_type="application/pdf",
            headers={**_NO_STORE, "Content-Disposition": 'attachment; filename="certificaat-ai-geletterdheid.pdf"'},
        )

    async def badge_jwt(self, request: Request) -> Response:
        try:
            progress, certificate = await run_in_threadpool(self._complete, request.headers)
        except LearnerError as exc:
            return _error(exc)
        token = badge.signed_badge(certificate, progress.name, self.settings.gemeente, _base_url(request), self.key)
        return Response(
            token,
            media_type="application/jwt",
            headers={**_NO_STORE, "Content-Disposition": 'attachment; filename="badge-ai-geletterdheid.jwt"'},
        )

    async def jwks(self, request: Request) -> Response:
        return JSONResponse(
            public_jwks(self.key), media_type="application/jwk-set+json", headers={"Cache-Control": "max-age=3600"}
        )

    async def verify_form(self, request: Request) -> Response:
        typed = request.query_params.get("code")
        if typed is None:
            return HTMLResponse(pages.verification_form(), headers=_NO_STORE)
        code = normalise_code(typed)
        if code is None:
            message = (
                "Dit is geen geldige verificatiecode. Een code heeft 16 letters en cijfers, zoals 7K3M-Q9TX-2HBD-WE4R."
            )
            return HTMLResponse(pages.verification_form(message), status_code=400, headers=_NO_STORE)
        return RedirectResponse(f"/verifieer/{code}", status_code=303)

    async def verify(self, request: Request) -> Response:
        typed = request.path_params["code"]
        code = normalise_code(typed)
        found = None if code is None else await run_in_threadpool(certificates.by_code, self.store, code)
        if found is None:
            return HTMLResponse(pages.unknown_code_page(typed), status_code=404, headers=_NO_STORE)
        owner = found.employee_id
        employee = None if owner is None else await run_in_threadpool(self.store.employee, owner)
        if employee is None:
            return HTMLResponse(pages.withdrawn_page(), status_code=410, headers=_NO_STORE)
        issued_on = found.issued_at.astimezone(LOCAL_ZONE).date()
        return HTMLResponse(pages.verified_page(employee.name, found.path_title, issued_on), headers=_NO_STORE)

    def api_routes(self) -> list[Route]:
        """Routes inside the ``/api`` mount."""
        return [
            Route("/mijn-voortgang", self.progress_json, methods=["GET"]),
            Route("/mijn-voortgang/certificaat.pdf", self.certificate_pdf, methods=["GET"]),
            Route("/mijn-voortgang/badge.jwt", self.badge_jwt, methods=["GET"]),
        ]

    def page_routes(self) -> list[Route]:
        return [
            Route("/mijn-voortgang", lambda request: RedirectResponse("/mijn-voortgang/", status_code=308)),
            Route("/mijn-voortgang/", self.progress_page, methods=["GET"]),
            Route("/verifieer/", self.verify_form, methods=["GET"]),
            Route("/verifieer/{code}", self.verify, methods=["GET"]),
            Route("/.well-known/jwks.json", self.jwks, methods=["GET"]),
        ]
