"""Time limits against slow clients (a "slowloris" keeps many connections half-open to use them up).

uvicorn closes an idle keep-alive connection after ``timeout_keep_alive`` seconds, but it has no
limit on how long a client may take to send a request: a connection that sends one header line
a minute, or one byte of the body, stays open for ever. The protocol below gives every request
a deadline, counted from the connection being made or from the first bytes of the request:

* headers not complete in time: the connection is closed;
* headers complete but the body not: the client gets 408 with a Dutch message and the
  connection is closed (the application, waiting for the body, then sees the client go).

A request that arrives whole in one piece, as nearly all do, never starts a timer: the
deadline costs the hot path one clock reading.

The deadlines work on either of uvicorn's HTTP/1.1 protocols (both keep the request in
``self.cycle`` with ``more_body``, ``response_started`` and ``response_complete``): its
``httptools`` one (the C parser that ``uvicorn[standard]`` uses, http_stack.py) and its
pure-Python ``h11`` one.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from .coalesce import CoalescingTransport

KEEP_ALIVE_TIMEOUT = 5  # the deadlines themselves are settings (settings.py, HEADER_TIMEOUT, BODY_TIMEOUT)
_TOO_SLOW = json.dumps({"fout": "Het bericht kwam niet op tijd binnen. Probeer het opnieuw."}).encode()
_408 = (
    b"HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json\r\ncache-control: no-store\r\n"
    b"connection: close\r\ncontent-length: " + str(len(_TOO_SLOW)).encode() + b"\r\n\r\n" + _TOO_SLOW
)


def request_timeout_protocol(base: type[Any], header_seconds: float, body_seconds: float) -> type[Any]:
    """uvicorn's protocol ``base`` with a deadline for the headers and then the body of each request,
    writing each answer in one piece (coalesce.py)."""

    class RequestTimeoutProtocol(base):
        _deadline: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:
            super().connection_made(CoalescingTransport(transport, self.loop))
            self._deadline = self.loop.call_later(header_seconds, self._too_slow)

        def data_received(self, data: bytes) -> None:
            idle = self.cycle is None or self.cycle.response_complete
            started = self.loop.time()
            super().data_received(data)
            if self.cycle is None or self.cycle.response_complete:  # still (or again) no whole headers
                if idle and self._deadline is None:
                    self._deadline = self.loop.call_at(started + header_seconds, self._too_slow)
            elif not self.cycle.more_body:  # the whole request is in: the rest is up to the application
                self._disarm()
            elif self._deadline is None or idle:  # headers in, body still coming
                self._disarm()
                self._deadline = self.loop.call_at(started + body_seconds, self._too_slow)

        def on_response_complete(self) -> None:
            self.transport.flush()  # the whole answer in one send (coalesce.py)
            super().on_response_complete()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def _disarm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def _too_slow(self) -> None:
            self._deadline = None
            if self.transport.is_closing():
                return
            cycle = self.cycle
            if cycle is not None and not cycle.response_complete:
                if not cycle.more_body or cycle.response_started:
                    return  # the application has the whole request: its answer is on the way
                self.transport.write(_408)
            self.transport.close()

    RequestTimeoutProtocol.__name__ = RequestTimeoutProtocol.__qualname__ = f"RequestTimeout{base.__name__}"
    return RequestTimeoutProtocol
