"""The HTTP implementation under uvicorn: its C parser ``httptools`` when installed, else ``h11``.

``httptools`` (llhttp, the parser of Node.js) is what ``uvicorn[standard]`` installs and uvicorn's
``auto`` setting picks; it is a dependency of the package (pyproject.toml: its measured gain). It
is chosen here explicitly, so the server never runs on the slow parser unnoticed: without it (a
platform without its wheel, an install without dependencies) the server runs on uvicorn's
pure-Python ``h11``, with the same behaviour, only slower, and says so when it starts
(commands.py). The event loop is asyncio's own, also explicitly: ``uvloop``, the other half of
``uvicorn[standard]``, measured no gain here, and uvicorn's ``auto`` would take it up whenever
something else happened to install it.
"""

from __future__ import annotations

import asyncio
from typing import NamedTuple

from uvicorn.protocols.http.h11_impl import H11Protocol

LOOP = "asyncio"


class HttpStack(NamedTuple):
    protocol: type[asyncio.Protocol]  # uvicorn's protocol class to build on (slow_clients.py)
    http: str  # "httptools" or "h11"
    loop: str = LOOP  # uvicorn's loop setting

    @property
    def fast(self) -> bool:
        return self.http == "httptools"


def http_stack() -> HttpStack:
    """httptools where it can be imported, h11 otherwise."""
    try:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol  # imports httptools
    except ImportError:
        return HttpStack(H11Protocol, "h11")
    return HttpStack(HttpToolsProtocol, "httptools")
