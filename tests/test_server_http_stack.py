"""The server's HTTP stack: httptools when installed (h11 otherwise, and it says so), and every
answer written in one piece (coalesce.py)."""

from __future__ import annotations

import asyncio
import json
import socket
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from geletterdheid.server.coalesce import CoalescingTransport
from geletterdheid.server.commands import stack_line
from geletterdheid.server.http_stack import http_stack
from server_support import new_store_url, running_server, server_env, without_httptools
from test_server_api import SOME_ANSWERS, token_for


def test_httptools_is_chosen_when_installed_and_h11_otherwise(monkeypatch):
    stack = http_stack()
    assert (stack.http, stack.protocol.__name__, stack.loop) == ("httptools", "HttpToolsProtocol", "asyncio")
    assert stack_line(stack) == "HTTP: httptools."
    monkeypatch.setitem(sys.modules, "httptools", None)  # as if not installed: importing it fails
    monkeypatch.delitem(sys.modules, "uvicorn.protocols.http.httptools_impl", raising=False)
    stack = http_stack()
    assert (stack.http, stack.protocol.__name__) == ("h11", "H11Protocol")
    assert stack_line(stack).startswith("Let op: httptools ontbreekt; de server werkt, maar trager (HTTP: h11)")


class _Transport:
    def __init__(self):
        self.writes: list[bytes] = []
        self.closed = False

    def write(self, data):
        assert not self.closed
        self.writes.append(data)

    def close(self):
        self.closed = True

    def get_write_buffer_size(self):
        return 0

    def is_closing(self):
        return self.closed


def test_writes_of_one_turn_of_the_loop_go_out_together():
    async def scenario():
        real = _Transport()
        transport = CoalescingTransport(real, asyncio.get_running_loop())
        transport.write(b"HTTP/1.1 200 OK\r\n\r\n")
        transport.write(b"")
        transport.write(bytearray(b"body"))
        assert real.writes == [] and transport.get_write_buffer_size() == 23
        transport.flush()  # the protocol, when the answer is complete
        assert real.writes == [b"HTTP/1.1 200 OK\r\n\r\nbody"]
        transport.write(b"chunk 1")  # a streamed answer: out at the end of this turn at the latest
        await asyncio.sleep(0)
        assert real.writes[-1] == b"chunk 1"
        transport.write(b"last words")
        transport.close()  # nothing written is lost on closing
        assert real.writes[-1] == b"last words" and real.closed and transport.is_closing()
        await asyncio.sleep(0)  # the pending end-of-turn flush finds nothing to write
        assert len(real.writes) == 3

    # A loop of its own in a thread of its own: Playwright's sync API, used by browser tests earlier in
    # the same session, may leave an event loop running in this thread (asyncio.run would refuse).
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, scenario()).result()


@pytest.mark.parametrize("http", ["httptools", "h11"])
def test_an_answer_arrives_in_one_piece_on_either_stack(real_site, tmp_path, http):
    env = server_env() if http == "httptools" else without_httptools(tmp_path)
    with running_server(real_site, new_store_url(tmp_path), env=env) as server:
        assert any(line.startswith("HTTP: httptools.") == (http == "httptools") for line in server.output)
        host, port = server.url.removeprefix("http://").rstrip("/").split(":")
        body = json.dumps({"quiz": "m01", "antwoorden": SOME_ANSWERS}).encode()
        request = (
            f"POST /api/pogingen HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
            f"Authorization: Bearer {token_for('E1')}\r\nContent-Length: {len(body)}\r\n\r\n"
        ).encode() + body
        with socket.create_connection((host, int(port)), timeout=10) as connection:
            for _ in range(3):  # keep-alive: each answer whole in the first read
                connection.sendall(request)
                answer = connection.recv(65536)
                head, _, rest = answer.partition(b"\r\n\r\n")
                length = next(
                    int(line.split(b":")[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length:")
                )
                assert head.startswith(b"HTTP/1.1 201") and len(rest) == length
                assert b"content-security-policy: default-src 'self'" in head.lower()
