"""Privacy in a real browser: no page makes a request to any host but the one serving the site.

Every request the browser makes (documents, scripts, styles, fonts, images, fetch/XHR, beacons)
is recorded; requests to another host are blocked and reported, so the test never leaks either.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browser_support import site_pages

pytestmark = pytest.mark.browser

_LOCAL_SCHEMES = {"data", "blob", "about"}


class RequestLog:
    """Routes every request of a browser context; lets through only the site's own origin."""

    def __init__(self, context, site_url: str):
        self.origin = urlsplit(site_url).netloc
        self.own: list[str] = []
        self.foreign: list[str] = []
        context.route("**/*", self._route)
        context.on("websocket", lambda socket: self.foreign.append(f"websocket {socket.url}"))

    def _route(self, route):
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in _LOCAL_SCHEMES or parts.netloc == self.origin:
            self.own.append(url)
            route.continue_()
        else:
            self.foreign.append(f"{route.request.resource_type} {url}")
            route.abort()


def test_no_page_contacts_another_host(browser, real_site, site_url):
    context = browser.new_context()
    log = RequestLog(context, site_url)
    page = context.new_page()
    problems = {}
    try:
        for path in site_pages(real_site):
            before = len(log.foreign)
            page.goto(site_url + path, wait_until="networkidle")
            if len(log.foreign) > before:
                problems[path] = log.foreign[before:]
    finally:
        context.close()
    assert problems == {}
    # The log really saw the pages, their scripts and styles: the test cannot pass by seeing nothing.
    assert any(url.endswith(".css") or ".css?" in url for url in log.own)
    assert any(url.endswith(".js") or ".js?" in url for url in log.own)


def test_taking_a_quiz_and_searching_contact_no_other_host(browser, site_url):
    context = browser.new_context()
    log = RequestLog(context, site_url)
    page = context.new_page()
    try:
        page.goto(site_url + "modules/m01-wat-is-ai.html", wait_until="networkidle")
        page.locator(".gl-vraag input").first.check()
        page.locator("button.gl-controleer").first.click()
        page.get_by_role("button", name="Bekijk je score").click()
        page.goto(site_url + "search.html?q=toezicht", wait_until="networkidle")
        page.locator("#search-results p.search-summary").wait_for()
    finally:
        context.close()
    assert log.foreign == []
    assert any("searchindex.js" in url for url in log.own)
