"""From a request to an employee of the roster: the claim (identity.py), the roster, the key
version and the rate limit on failed checks, in one place for every route that needs to know who."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from ..records.model import Employee
from .identity import REVOKED, Claim, Identifier, IdentityError
from .known_employees import KnownEmployees
from .rate_limit import FailureLimiter

NOT_ON_ROSTER = (
    "Je staat niet in de personeelslijst van deze training, dus je resultaat kan niet "
    "worden opgeslagen. Neem contact op met HR."
)
TOO_MANY = "Te veel mislukte pogingen om je aan te melden. Wacht een minuut en probeer het dan opnieuw."


class TooManyFailures(IdentityError):
    def __init__(self, retry_after: int):
        super().__init__(TOO_MANY, status=429)
        self.retry_after = retry_after


def client_of(request: Request) -> str:
    """The client's address (behind the proxy: the one it passes on; see rate_limit.py)."""
    return request.client.host if request.client else "onbekend"


class Identification:
    def __init__(self, identifier: Identifier, employees: KnownEmployees, limiter: FailureLimiter):
        self.identifier = identifier
        self.employees = employees
        self.limiter = limiter

    def check_allowed(self, request: Request) -> None:
        """Raise TooManyFailures when this client failed too often lately."""
        if not self.limiter.any_failures():
            return
        wait = self.limiter.retry_after(client_of(request))
        if wait is not None:
            raise TooManyFailures(wait)

    def failed(self, request: Request) -> None:
        self.limiter.failed(client_of(request))

    async def claim(self, request: Request) -> Claim:
        self.check_allowed(request)
        try:
            return self.identifier.claim(request.headers)
        except IdentityError as exc:
            if exc.failed_check:
                self.failed(request)
            raise

    async def employee(self, request: Request, fresh: bool = False) -> Employee:
        """The employee the request comes from; raises IdentityError with the HTTP status to answer."""
        claim = await self.claim(request)
        if claim.field == "email":
            employee = await run_in_threadpool(self.employees.with_email, claim.value)
            if employee is None:
                raise IdentityError(NOT_ON_ROSTER, status=403)
            return employee
        found = None if fresh else self.employees.cached_with_key_version(claim.value)
        if found is None or (claim.key_version is not None and claim.key_version != found[1]):
            # Not cached, or a link newer than the cached version: ask the store.
            found = await run_in_threadpool(self.employees.get_with_key_version, claim.value, fresh)
        if found is None:
            raise IdentityError(NOT_ON_ROSTER, status=403)
        employee, key_version = found
        if claim.key_version is not None and claim.key_version != key_version:
            self.failed(request)
            raise IdentityError(REVOKED, failed_check=True)
        return employee
