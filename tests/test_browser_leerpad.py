"""Following a learning path in a real browser: "Vorige"/"Volgende" in the path's order, the end of the
path, toetsen passed in this browser (practice site), and the site's own order without JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser_support import WCAG_TAGS
from geletterdheid.content import catalog_or_exit
from geletterdheid.curriculum import learning_path
from repo_paths import REPO

pytestmark = pytest.mark.browser

WCAG_22_TAGS = [*WCAG_TAGS, "wcag22aa"]


@pytest.fixture(scope="module")
def catalog():
    return catalog_or_exit(REPO)


def _module_page(catalog, module_id: str) -> str:
    return catalog.module_paths[module_id].relative_to(REPO).with_suffix(".html").as_posix()


def _path_page(role: str) -> str:
    return f"docs/leerpaden/{role}.html"


def _skipping_path(catalog) -> tuple[str, list[str], int]:
    """A role, its module order and a position from which the path's next two modules are not the
    site's next modules (so following the site's order would go elsewhere)."""
    site_order = list(catalog.modules)
    for role in catalog.roles:
        order = [module.id for module in learning_path(catalog, [role]).modules]
        for index in range(len(order) - 2):
            skips = [order[i + 1] != site_order[site_order.index(order[i]) + 1] for i in (index, index + 1)]
            if all(skips):
                return role, order, index
    raise AssertionError("no learning path skips modules of the site's order: the test needs one")


def _axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_TAGS}})
    return [f"{v['id']}: {v['help']}" for v in results.response["violations"]]


def _open_from_path_page(page, site_url, catalog, role, module_id):
    page.goto(site_url + _path_page(role))
    page.locator(f"#leerpad-{module_id} .gl-leerpad-titel a").click()
    page.wait_for_url("**/" + _module_page(catalog, module_id))


def test_next_follows_the_chosen_path_through_two_modules(browser, site_url, catalog):
    role, order, index = _skipping_path(catalog)
    title = catalog.roles[role].title
    context = browser.new_context()
    page = context.new_page()
    try:
        _open_from_path_page(page, site_url, catalog, role, order[index])
        for step in (1, 2):
            here, following = order[index + step - 1], order[index + step]
            nxt = page.locator(".prev-next-area a.right-next")
            expect(nxt).to_have_count(1)
            assert nxt.locator(".prev-next-subtitle").inner_text() == "Volgende"
            assert nxt.locator(".prev-next-title").inner_text() == catalog.modules[following].title
            assert page.locator(".gl-leerpad-volgen").inner_text() == (
                f"Je volgt het Leerpad {title}: dit is module {order.index(here) + 1} van {len(order)}."
            )
            nxt.click()
            page.wait_for_url("**/" + _module_page(catalog, following))
        # On the second module the way back is the path's previous module, not the site's.
        back = page.locator(".prev-next-area a.left-prev")
        assert back.locator(".prev-next-subtitle").inner_text() == "Vorige"
        assert back.locator(".prev-next-title").inner_text() == catalog.modules[order[index + 1]].title
        assert _axe_violations(page) == []
    finally:
        context.close()


def test_first_module_leads_back_to_the_path_page(browser, site_url, catalog):
    role, order, _ = _skipping_path(catalog)
    context = browser.new_context()
    page = context.new_page()
    try:
        _open_from_path_page(page, site_url, catalog, role, order[0])
        back = page.locator(".prev-next-area a.left-prev")
        assert back.locator(".prev-next-title").inner_text() == f"Leerpad {catalog.roles[role].title}"
        back.click()
        page.wait_for_url("**/" + _path_page(role))
    finally:
        context.close()


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_last_module_says_the_path_is_done_and_what_next(browser, site_url, catalog, color_scheme):
    role, order, _ = _skipping_path(catalog)
    title = catalog.roles[role].title
    context = browser.new_context(viewport={"width": 320, "height": 640}, color_scheme=color_scheme)
    page = context.new_page()
    try:
        _open_from_path_page(page, site_url, catalog, role, order[-1])
        expect(page.locator(".prev-next-area a.right-next")).to_have_count(0)  # the site's "next" is gone
        done = page.locator(".gl-leerpad-klaar")
        expect(done).to_be_visible()
        text = done.inner_text()
        assert text.startswith("Je hebt het leerpad afgerond")
        assert f"laatste module van het leerpad {title}" in text
        # What next: the forum of the module's topic and the path page (a practice site: no Mijn voortgang).
        forum = catalog.topics[catalog.modules[order[-1]].topic]
        expect(done.locator("a.reference.external")).to_have_attribute("href", str(forum.forum_url))
        assert "Mijn voortgang" not in text
        assert _axe_violations(page) == []
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 320  # the box reflows on a phone
        done.get_by_role("link", name=f"Leerpad {title}").click()
        page.wait_for_url("**/" + _path_page(role))
    finally:
        context.close()


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_a_passed_quiz_is_marked_gehaald_on_the_path_page(browser, site_url, catalog, color_scheme):
    role, order, _ = _skipping_path(catalog)
    module_id = order[1]
    quiz = catalog.quizzes[module_id]
    context = browser.new_context(color_scheme=color_scheme)
    page = context.new_page()
    sent = []
    page.on("request", lambda request: request.method != "GET" and sent.append(request.url))
    try:
        page.goto(site_url + _path_page(role))
        expect(page.locator(".gl-leerpad-gehaald")).to_have_count(0)
        assert "Er wordt niets verstuurd" in page.locator(".gl-leerpad-gehaald-samenvatting").inner_text()
        page.goto(site_url + _module_page(catalog, module_id))
        for question in quiz.questions:
            for key in question.correct:
                page.check(f"#{question.id}-{key}")
        page.get_by_role("button", name="Bekijk je score").click()
        expect(page.locator(".gl-uitslag")).to_contain_text("Je hebt de toets gehaald.")
        expect(page.locator(".gl-uitslag")).to_contain_text("Deze browser onthoudt")

        page.goto(site_url + _path_page(role))
        mark = page.locator(f"#leerpad-{module_id} .gl-leerpad-gehaald")
        expect(mark).to_have_count(1)
        assert mark.inner_text() == "✓ Gehaald. Je hebt de toets van deze module gehaald."  # text, not colour only
        expect(page.locator(".gl-leerpad-gehaald")).to_have_count(1)  # only the module passed
        assert f"1 van de {len(order)}" in page.locator(".gl-leerpad-telling").inner_text()
        assert _axe_violations(page) == []
        assert sent == []  # kept in the browser: nothing was sent

        page.get_by_role("button", name="Vergeet de gehaalde toetsen in deze browser").click()
        expect(page.locator(".gl-leerpad-gehaald")).to_have_count(0)
        page.reload()
        expect(page.locator(".gl-leerpad-gehaald")).to_have_count(0)
    finally:
        context.close()


def test_a_failed_quiz_is_not_marked(browser, site_url, catalog):
    role, order, _ = _skipping_path(catalog)
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(site_url + _module_page(catalog, order[0]))
        page.get_by_role("button", name="Bekijk je score").click()  # nothing answered: not passed
        expect(page.locator(".gl-uitslag")).to_contain_text("nog niet gehaald")
        page.goto(site_url + _path_page(role))
        expect(page.locator(".gl-leerpad-gehaald")).to_have_count(0)
    finally:
        context.close()


def test_without_javascript_the_site_order_stays(browser, site_url, real_site, catalog):
    role, order, index = _skipping_path(catalog)
    module_id = order[index]
    static = (real_site / _module_page(catalog, module_id)).read_text(encoding="utf-8")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + _path_page(role))
        page.locator(f"#leerpad-{module_id} .gl-leerpad-titel a").click()
        page.wait_for_url("**/" + _module_page(catalog, module_id))
        nxt = page.locator(".prev-next-area a.right-next")
        href = nxt.get_attribute("href")
        assert f'href="{href}"' in static  # the link the build wrote
        site_order = list(catalog.modules)
        assert (
            nxt.locator(".prev-next-title").inner_text()
            == catalog.modules[site_order[site_order.index(module_id) + 1]].title
        )  # the site's next module, not the path's
        expect(page.locator(".gl-leerpad-volgen")).to_have_count(0)
    finally:
        context.close()


def test_toets_site_keeps_no_passes_in_the_browser_and_points_to_mijn_voortgang(browser, toets_server, catalog):
    """A toets site: the server knows the results, so nothing is kept in the browser; the path page and
    the end of the path lead to Mijn voortgang. The feedback lists several correct options one by one."""
    import time

    from geletterdheid.server.identity import make_token
    from server_support import SECRET

    role, order, _ = _skipping_path(catalog)
    module_id = order[0]
    quiz = catalog.quizzes[module_id]
    key = make_token(SECRET.encode(), "E1", int(time.time()) + 3600)
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(toets_server.url + f"index.html#sleutel={key}")
        page.goto(toets_server.url + _path_page(role))
        expect(page.locator(".gl-leerpad-voortgang a")).to_have_attribute("href", "/mijn-voortgang/")
        expect(page.locator(".gl-leerpad-gehaald-samenvatting")).to_have_count(0)  # nothing local to show
        page.locator(f"#leerpad-{module_id} .gl-leerpad-titel a").click()
        page.wait_for_url("**/" + _module_page(catalog, module_id))
        page.get_by_role("button", name="Start de toets").click()
        expect(page.locator(".gl-toets .gl-vraag")).to_have_count(len(quiz.questions))
        for question in quiz.questions:
            for option in question.correct:
                page.locator(f"#toets-{question.id}-{option}").check()
        page.get_by_role("button", name="Lever de toets in").click()
        expect(page.locator(".gl-uitslag")).to_contain_text("Je hebt de toets gehaald.")
        multiple = next(q for q in quiz.questions if len(q.correct) > 1)
        listed = page.locator(f'.gl-toets .gl-vraag[data-vraag="{multiple.id}"] ul.gl-juiste-opties > li')
        expect(listed).to_have_count(len(multiple.correct))
        assert [k for k in page.evaluate("Object.keys(localStorage)") if "gehaald" in k] == []

        page.goto(toets_server.url + _path_page(role))
        expect(page.locator(".gl-leerpad-gehaald")).to_have_count(0)
        page.locator(f"#leerpad-{order[-1]} .gl-leerpad-titel a").click()
        done = page.locator(".gl-leerpad-klaar")
        expect(done).to_contain_text("Je hebt het leerpad afgerond")
        expect(done.get_by_role("link", name="Mijn voortgang")).to_have_attribute("href", "/mijn-voortgang/")
    finally:
        context.close()


def test_a_path_changed_by_hand_is_ignored(browser, site_url, real_site, catalog):
    """A stored path whose links lead off the site (say a javascript: link) changes nothing."""
    role, order, index = _skipping_path(catalog)
    module_id = order[index]
    static = (real_site / _module_page(catalog, module_id)).read_text(encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(site_url + _module_page(catalog, module_id))
        page.evaluate(
            """id => sessionStorage.setItem('geletterdheid-leerpad', JSON.stringify({rol: 'x', titel: 'X',
              url: location.href, modules: [{id: id, titel: 'Hier', url: location.href},
              {id: 'm99', titel: 'Weg', url: 'javascript:alert(1)'}]}))""",
            module_id,
        )
        page.reload()
        expect(page.locator(".gl-leerpad-volgen")).to_have_count(0)
        href = page.locator(".prev-next-area a.right-next").get_attribute("href")
        assert f'href="{href}"' in static
    finally:
        context.close()
