"""The Content-Security-Policy allows no inline script but the page's own (by hash): every page of
the real site runs without a single policy violation, and the theme's inline scripts still work."""

from __future__ import annotations

import httpx
import pytest

from browser_support import site_pages

pytestmark = pytest.mark.browser


def test_pages_allow_only_their_own_inline_scripts(live_server):
    page = httpx.get(live_server.url + "modules/m01-wat-is-ai.html")
    policy = page.headers["content-security-policy"]
    script_src = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'sha256-" in script_src
    other = httpx.get(live_server.url + "modules/m02-ai-in-de-gemeente.html").headers["content-security-policy"]
    assert other != policy  # each page its own hashes (the page name differs)
    api = httpx.get(live_server.url + "gezond").headers["content-security-policy"]
    assert "script-src 'self';" in api
    again = httpx.get(live_server.url + "modules/m01-wat-is-ai.html", headers={"If-None-Match": page.headers["etag"]})
    assert again.status_code == 304 and again.headers["content-security-policy"] == policy


def test_no_page_of_the_real_site_violates_the_policy(browser, real_site, live_server):
    context = browser.new_context()
    page = context.new_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(f"{page.url}: {message.text}") if "Content Security Policy" in message.text else None
        ),
    )
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => console.error("
        "'Content Security Policy: ' + e.violatedDirective + ' ' + e.blockedURI + ' '"
        " + e.sourceFile + ':' + e.lineNumber + ' ' + e.sample))"
    )
    try:
        for path in site_pages(real_site):
            page.goto(live_server.url + path, wait_until="load")
        # The theme's inline colour-mode script ran (it sets data-mode before first paint).
        assert page.evaluate("document.documentElement.dataset.mode") is not None
        assert page.evaluate("typeof DOCUMENTATION_OPTIONS.pagename") == "string"
        page.goto(live_server.url + "search.html?q=toezicht")
        page.locator("#search-results p.search-summary").wait_for()
    finally:
        context.close()
    assert violations == []
