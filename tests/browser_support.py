"""Real-browser fixtures: Debian's Chromium driven by Playwright, and a loopback HTTP server.

Browser tests skip with a clear reason when Chromium (or Playwright) is missing on a developer's
machine; when the environment variable ``CI`` is set they fail instead, so CI can never go green
without having run them.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

#: The accessibility standard every page must meet: WCAG 2.1 level A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI is set, so browser tests must run here instead of being skipped")
    pytest.skip(f"{reason}; browser tests skipped (they are required in CI)")


def chromium_executable() -> str:
    """The Chromium binary to drive, or skip/fail (see module docstring)."""
    path = os.environ.get("GELETTERDHEID_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        _unavailable("Chromium not found (install Debian's package: apt-get install chromium)")
    return path


@pytest.fixture(scope="session")
def browser():
    executable = chromium_executable()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the test extra installs it
        _unavailable("Playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable)
        try:
            yield instance
        finally:
            instance.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (a free port); yields the base URL with trailing slash."""
    with serve_handler(functools.partial(_QuietHandler, directory=str(directory))) as base:
        yield base


@contextlib.contextmanager
def serve_handler(handler: Callable[..., http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve ``handler`` on 127.0.0.1 (a free port) in a thread; yields the base URL with trailing slash."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(live_server) -> str:
    """The real site as employees get it: from ``geletterdheid serve`` (see server_support)."""
    return live_server.url


def site_pages(site: Path) -> list[str]:
    """Every built HTML page, as a path relative to the site root (theme fragments excluded)."""
    return sorted(
        page.relative_to(site).as_posix()
        for page in site.rglob("*.html")
        if not page.relative_to(site).as_posix().startswith("_static/")
    )
