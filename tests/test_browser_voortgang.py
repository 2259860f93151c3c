"""Mijn voortgang, the certificate downloads, /verifieer and /hr/ in Debian's Chromium: what a
learner and HR do, with axe-core (WCAG 2.1 AA, light and dark) and reflow at 320 px."""

from __future__ import annotations

import re
import subprocess

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import KeySet
from playwright.sync_api import expect

from browser_support import WCAG_TAGS
from certificate_support import pass_path, token
from server_support import HR_TOKEN

pytestmark = pytest.mark.browser


def _axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} -> "
        + "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in results.response["violations"]
    ]


def _reflows(page) -> bool:
    """Nothing sticks out sideways at the current (320 px) width: no horizontal scrolling."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_mijn_voortgang_before_the_path_is_complete(browser, own_server):
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(f"{own_server.url}mijn-voortgang/#sleutel={token('E1')}")
        expect(page.get_by_text("Je bent Anna de Vries. Je volgt het Leerpad Beleidsadviseur.")).to_be_visible()
        assert "sleutel" not in page.url  # the key left the address bar
        expect(page.get_by_role("list", name="Modules van je leerpad")).to_contain_text("Nog niet gedaan")
        expect(page.get_by_text("Dan krijg je hier je certificaat.")).to_be_visible()
        assert page.get_by_role("button", name=re.compile("certificaat")).count() == 0
    finally:
        context.close()


def test_without_a_key_the_page_says_how_to_come_in(browser, own_server):
    page = browser.new_page()
    try:
        page.goto(own_server.url + "mijn-voortgang/")
        expect(page.get_by_role("alert")).to_contain_text("Open eerst je persoonlijke link uit de e-mail van HR")
    finally:
        page.close()


def test_after_a_complete_path_the_learner_downloads_certificate_and_badge(browser, own_server, tmp_path):
    pass_path(own_server, "E2")
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    try:
        # A personal link straight to the page (the key leaves the address bar at once; nothing is stored)
        page.goto(own_server.url + "mijn-voortgang/#sleutel=" + token("E2"))
        assert "sleutel" not in page.url
        expect(page.get_by_role("heading", name="Je certificaat")).to_be_visible()
        expect(page.get_by_role("list", name="Modules van je leerpad")).not_to_contain_text("Nog niet gedaan")
        with page.expect_download() as pdf_download:
            page.get_by_role("button", name="Download je certificaat (pdf)").click()
        pdf = tmp_path / "certificaat.pdf"
        pdf_download.value.save_as(pdf)
        assert pdf_download.value.suggested_filename == "certificaat-ai-geletterdheid.pdf"
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE)
        assert re.search(r"^Title:\s+Certificaat AI-geletterdheid: Bram Jansen$", info, re.MULTILINE)
        catalog = subprocess.run(["pdfinfo", "-meta", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert 'xml:lang="nl' in catalog or "<dc:language><rdf:Bag><rdf:li>nl" in catalog

        with page.expect_download() as badge_download:
            page.get_by_role("button", name="Download je digitale badge (Open Badges 3.0)").click()
        badge_download.value.save_as(tmp_path / "badge.jwt")
        badge = (tmp_path / "badge.jwt").read_text(encoding="ascii")
        keys = KeySet.import_key_set(httpx.get(own_server.url + ".well-known/jwks.json").json())
        claims = jwt.decode(badge, keys, algorithms=["Ed25519"]).claims
        assert "OpenBadgeCredential" in claims["type"]

        page.get_by_role("link", name="Zo ziet een ander dat je certificaat echt is").click()
        expect(page.get_by_role("status")).to_have_text("Dit certificaat is echt.")
        details = page.locator("dl").inner_text()
        assert "Bram Jansen" in details and "Leerpad Alle medewerkers" in details
        assert "Wat is AI?" not in page.locator("main").inner_text()  # no modules, no scores
    finally:
        context.close()


def test_hr_logs_in_sees_progress_and_downloads_the_export(browser, own_server, tmp_path):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    try:
        page.goto(own_server.url + "hr/")
        page.get_by_label("HR-token").fill("niet-het-token")
        page.get_by_role("button", name="Inloggen").click()
        expect(page.get_by_role("alert")).to_have_text("Dit HR-token is niet juist.")
        page.get_by_label("HR-token").fill(HR_TOKEN)
        page.get_by_role("button", name="Inloggen").click()
        expect(page.get_by_role("heading", name="Voortgang per afdeling")).to_be_visible()
        cookie = next(c for c in context.cookies() if c["name"] == "gl_hr")
        assert cookie["httpOnly"] is True and cookie["sameSite"] == "Strict"
        assert page.evaluate("document.cookie") == ""  # scripts cannot read the session
        with page.expect_download() as download:
            page.get_by_role("link", name="Export als CSV: een regel per medewerker en module").click()
        saved = tmp_path / "export.csv"
        download.value.save_as(saved)
        lines = saved.read_text(encoding="utf-8-sig").splitlines()
        assert lines[0].startswith("medewerker_id;naam;afdeling;rollen;module_id")
        assert any(line.startswith("E2;Bram Jansen;") for line in lines[1:])
        page.get_by_role("button", name="Afmelden").click()
        expect(page.get_by_label("HR-token")).to_be_visible()
    finally:
        context.close()


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_the_new_pages_have_zero_wcag_violations_and_reflow_at_320_px(browser, own_server, color_scheme):
    pass_path(own_server, "E2")
    context = browser.new_context(color_scheme=color_scheme, viewport={"width": 320, "height": 640})
    page = context.new_page()
    found: dict[str, list[str]] = {}
    narrow: list[str] = []
    elsewhere: list[str] = []  # nothing may load from another host
    page.on(
        "request", lambda request: None if request.url.startswith(own_server.url) else elsewhere.append(request.url)
    )

    def check(name: str) -> None:
        violations = _axe_violations(page)
        if violations:
            found[name] = violations
        if not _reflows(page):
            narrow.append(name)

    try:
        page.goto(f"{own_server.url}mijn-voortgang/#sleutel={token('E2')}")
        expect(page.get_by_role("heading", name="Je certificaat")).to_be_visible()
        check("mijn-voortgang (compleet)")
        code = page.locator(".gl-certificaat p").last.inner_text().split(":")[1].split(".")[0].strip()
        page.goto(f"{own_server.url}mijn-voortgang/#sleutel={token('E1')}")
        expect(page.get_by_role("list", name="Modules van je leerpad")).to_be_visible()
        check("mijn-voortgang (bezig)")
        page.goto(own_server.url + "mijn-voortgang/")
        expect(page.get_by_role("alert")).to_be_visible()
        check("mijn-voortgang (onbekend)")
        for path in ("verifieer/", f"verifieer/{code}", "verifieer/ZZZZ-ZZZZ-ZZZZ-ZZZZ", "verifieer/?code=kort", "hr/"):
            page.goto(own_server.url + path)
            check(path)
        page.get_by_label("HR-token").fill(HR_TOKEN)
        page.get_by_role("button", name="Inloggen").click()
        expect(page.get_by_role("heading", name="Voortgang per afdeling")).to_be_visible()
        check("hr/ (ingelogd)")
    finally:
        context.close()
    assert found == {}, "\n".join(f"{name}:\n  " + "\n  ".join(v) for name, v in found.items())
    assert narrow == []
    assert [url for url in elsewhere if not url.startswith(("blob:", "data:"))] == []
