"""``GET /gezond``: 200 when the database answers, 503 otherwise (for systemd, a load balancer,
a container's health check). Says nothing else about the server."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

if TYPE_CHECKING:
    from ..records.store import Store

log = logging.getLogger("geletterdheid.server")
#: A database that does not answer within this time counts as unreachable (a hung connection
#: attempt to PostgreSQL can otherwise take minutes).
PING_TIMEOUT_SECONDS = 3.0


def health_route(store: Store) -> Route:
    async def health(request: Request) -> Response:
        headers = {"Cache-Control": "no-store"}
        try:
            await asyncio.wait_for(run_in_threadpool(store.ping), PING_TIMEOUT_SECONDS)
        except Exception as exc:  # any failure means: not healthy
            log.error("health check: database unreachable: %s", exc)
            return JSONResponse({"status": "fout", "fout": "De database is niet bereikbaar."}, 503, headers=headers)
        return JSONResponse({"status": "gezond"}, headers=headers)

    return Route("/gezond", health, methods=["GET", "HEAD"])
