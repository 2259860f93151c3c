"""Time limits against slow clients (a "slowloris" keeps many connections half-open to use them up).

uvicorn closes an idle keep-alive connection after ``timeout_keep_alive`` seconds, but it has no
limit on how long a client may take to send a request's headers: a connection that sends one
header line a minute stays open for ever. :class:`HeaderTimeoutH11Protocol` closes a connection
whose request line and headers are not complete within ``HEADER_TIMEOUT`` seconds of the
connection being made or of the previous answer. The body has its own limit in the application
(``app._read_body``): 408 when it does not arrive in time.
"""

from __future__ import annotations

import asyncio

from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_TIMEOUT = 10.0
BODY_TIMEOUT = 10.0
KEEP_ALIVE_TIMEOUT = 5


def header_timeout_protocol(seconds: float) -> type[H11Protocol]:
    """uvicorn's h11 protocol with a deadline for the headers of each request."""

    class HeaderTimeoutH11Protocol(H11Protocol):
        _header_deadline: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm()

        def data_received(self, data: bytes) -> None:
            if self._header_deadline is None and (self.cycle is None or self.cycle.response_complete):
                self._arm()  # the first bytes of the next request on a kept-alive connection
            super().data_received(data)
            if self.cycle is not None and not self.cycle.response_complete:
                self._disarm()  # the headers are in: the application has the request

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def _arm(self) -> None:
            self._disarm()
            self._header_deadline = self.loop.call_later(seconds, self._headers_too_slow)

        def _disarm(self) -> None:
            if self._header_deadline is not None:
                self._header_deadline.cancel()
                self._header_deadline = None

        def _headers_too_slow(self) -> None:
            self._header_deadline = None
            if (self.cycle is None or self.cycle.response_complete) and not self.transport.is_closing():
                self.transport.close()

    return HeaderTimeoutH11Protocol
