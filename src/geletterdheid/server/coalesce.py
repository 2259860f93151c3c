"""One send per answer: uvicorn writes an answer's status line and headers, then its body, each
with its own ``transport.write``, and an idle asyncio transport sends each at once. On loopback
that was two TCP segments, two system calls and two wake-ups of the client per answer; the send
system calls were a fifth of the server's time in the toets benchmark (bench/bench_server.py).

The transport below gathers what is written and sends it when the answer is complete
(``flush``, called by the protocol: slow_clients.py), when the connection closes, or at the end
of the event loop's turn at the latest, so a streamed answer (a file) still goes out chunk by
chunk as it is written. Everything else goes straight to the real transport.
"""

from __future__ import annotations

import asyncio
from typing import Any


class CoalescingTransport:
    __slots__ = ("_loop", "_pending", "_transport")

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop):
        self._transport = transport
        self._loop = loop
        self._pending: list[bytes] = []

    def write(self, data: bytes | bytearray | memoryview) -> None:
        if not data:
            return
        if not self._pending:
            self._loop.call_soon(self.flush)  # at the latest: the end of this turn of the loop
        self._pending.append(bytes(data))

    def writelines(self, lines: Any) -> None:
        for data in lines:
            self.write(data)

    def flush(self) -> None:
        pending = self._pending
        if pending:
            self._pending = []
            self._transport.write(pending[0] if len(pending) == 1 else b"".join(pending))

    def close(self) -> None:
        self.flush()
        self._transport.close()

    def write_eof(self) -> None:
        self.flush()
        self._transport.write_eof()

    def abort(self) -> None:
        self._pending = []
        self._transport.abort()

    def get_write_buffer_size(self) -> int:
        return self._transport.get_write_buffer_size() + sum(map(len, self._pending))

    def __getattr__(self, name: str) -> Any:  # is_closing, get_extra_info, pause_reading, ...
        return getattr(self._transport, name)
