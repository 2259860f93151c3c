"""Send xAPI statements to a Learning Record Store: POST ``<lrs>/statements`` in batches.

The credentials come from the environment (``GELETTERDHEID_LRS_INLOG`` = ``sleutel:geheim``, sent as
HTTP Basic), never from the command line, where they would end up in the shell history and the process
list. The statements have stable ids (reports/xapi.py), so sending them again is safe: an LRS that
already has some of a batch may answer 409 Conflict for the whole batch, and then each statement of
that batch goes once more with PUT ``?statementId=``, which stores the new ones and leaves the rest.
Every HTTP failure is a Dutch :class:`LrsError`.
"""

from __future__ import annotations

import base64
import json
import os
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from ..errors import UserError
from .xapi import check_address

CREDENTIALS_ENV = "GELETTERDHEID_LRS_INLOG"
XAPI_VERSION = "1.0.3"
BATCH_SIZE = 100
TIMEOUT_SECONDS = 30


class LrsError(UserError):
    """The LRS could not be reached or refused the statements; the message is Dutch."""


@dataclass(frozen=True)
class SendCounts:
    sent: int  # statements the LRS accepted
    already_there: int  # statements it had already (409 on PUT)


def credentials_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The ``Authorization`` header value from $GELETTERDHEID_LRS_INLOG ('sleutel:geheim')."""
    value = (os.environ if environ is None else environ).get(CREDENTIALS_ENV, "").strip()
    if ":" not in value:
        raise LrsError(
            f"zet de inloggegevens van het LRS in de omgevingsvariabele {CREDENTIALS_ENV}, als sleutel:geheim "
            "(het LRS geeft ze bij een nieuwe koppeling); op de opdrachtregel zouden ze in de geschiedenis blijven"
        )
    return "Basic " + base64.b64encode(value.encode("utf-8")).decode("ascii")


def _batches(items: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an error: urllib would send the credentials on to wherever it points."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class _Lrs:
    def __init__(self, url: str, authorization: str):
        self.endpoint = check_address(url, "--lrs") + "/statements"
        self.authorization = authorization
        self.opener = urllib.request.build_opener(_NoRedirects())

    def request(self, method: str, url: str, body: Any) -> int:
        """The HTTP status; raises LrsError for anything but 2xx and 409."""
        request = urllib.request.Request(
            url,
            data=json.dumps(body, ensure_ascii=False).encode("utf-8"),
            method=method,
            headers={
                "Content-Type": "application/json; charset=utf-8",
                "X-Experience-API-Version": XAPI_VERSION,
                "Authorization": self.authorization,
            },
        )
        try:
            with self.opener.open(request, timeout=TIMEOUT_SECONDS) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            if error.code == 409:
                return 409
            raise LrsError(_http_message(self.endpoint, error.code, error.read(500))) from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise LrsError(f"het LRS op {self.endpoint} is niet bereikbaar ({reason})") from None

    def send(self, batch: Sequence[dict[str, Any]]) -> SendCounts:
        if self.request("POST", self.endpoint, list(batch)) != 409:
            return SendCounts(len(batch), 0)
        sent = already = 0
        for statement in batch:
            url = f"{self.endpoint}?statementId={quote(str(statement['id']))}"
            if self.request("PUT", url, statement) == 409:
                already += 1
            else:
                sent += 1
        return SendCounts(sent, already)


def _http_message(endpoint: str, status: int, body: bytes) -> str:
    detail = body.decode("utf-8", "replace").strip().replace("\n", " ")[:200]
    why = {
        400: "het LRS keurt de statements af",
        401: f"het LRS kent de inloggegevens niet (controleer {CREDENTIALS_ENV})",
        403: "de inloggegevens mogen geen statements schrijven",
        404: "op dit adres is geen LRS (geef het adres van het LRS zonder /statements)",
    }.get(status, "het LRS gaf een fout")
    if 300 <= status < 400:
        why = "het LRS stuurt door naar een ander adres; geef dat adres met --lrs (doorsturen doen we niet)"
    return f"{why}: HTTP {status} van {endpoint}" + (f" ({detail})" if detail else "")


def send_statements(
    url: str, statements: Iterable[dict[str, Any]], authorization: str, batch_size: int = BATCH_SIZE
) -> SendCounts:
    """POST the statements to ``url``/statements in batches; raises LrsError (earlier batches stay sent)."""
    lrs = _Lrs(url, authorization)
    sent = already = 0
    for batch in _batches(statements, batch_size):
        try:
            counts = lrs.send(batch)
        except LrsError as error:
            done = (
                f"; de eerste {sent + already} statements zijn wel aangekomen (opnieuw versturen kan veilig)"
                if sent + already
                else "; er is niets verstuurd"
            )
            raise LrsError(f"{error}{done}") from None
        sent += counts.sent
        already += counts.already_there
    return SendCounts(sent, already)
