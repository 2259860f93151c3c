"""The preview server: sphinx-autobuild's watcher, reload socket and script, with our incremental rebuild.

sphinx-autobuild runs ``sphinx-build`` in a new process for every change; here its server calls a
:class:`~.rebuild.Rebuild` instead (in a worker process forked from this one, so Sphinx, MyST and
the extension are already imported), which assembles a gemeente project first and runs Sphinx
in-process on the kept environment. What is reused from sphinx-autobuild: the watcher
(``RebuildServer``, watchfiles), the ignore rules (``IgnoreFilter``), the websocket that tells the
browser to reload and the middleware that adds the script for it to every HTML page.
"""

from __future__ import annotations

import logging

import uvicorn
from sphinx_autobuild.filter import IgnoreFilter
from sphinx_autobuild.middleware import JavascriptInjectorMiddleware
from sphinx_autobuild.server import RebuildServer
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Mount, WebSocketRoute
from starlette.staticfiles import StaticFiles

from .rebuild import Rebuild
from .watch import WatchPlan


def preview_app(rebuild: Rebuild, plan: WatchPlan, url_host: str) -> Starlette:
    """The site in ``rebuild.html``, rebuilt when a watched file changes; pages reload themselves."""
    ignore = IgnoreFilter([str(path) for path in plan.ignored], list(plan.patterns))
    watcher = RebuildServer(list(plan.paths), ignore, change_callback=rebuild)
    rebuild.html.mkdir(parents=True, exist_ok=True)
    return Starlette(
        routes=[
            WebSocketRoute("/websocket-reload", watcher, name="reload"),
            Mount("/", app=StaticFiles(directory=rebuild.html, html=True), name="static"),
        ],
        middleware=[Middleware(JavascriptInjectorMiddleware, ws_url=url_host)],
        lifespan=watcher.lifespan,
    )


def serve(rebuild: Rebuild, plan: WatchPlan, host: str, port: int) -> None:
    """Serve until interrupted (Ctrl+C, or SIGTERM from a service manager)."""
    logging.getLogger("watchfiles").setLevel(logging.WARNING)  # "1 change detected": our rebuild says what changed
    app = preview_app(rebuild, plan, f"{host}:{port}")
    uvicorn.run(app, host=host, port=port, log_level="warning")
