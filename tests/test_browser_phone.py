"""The site on a phone (320 CSS px, WCAG 1.4.10 reflow) and on a wide screen (1280 px), in a real browser:
no sideways scrolling, the search and the page contents within reach, "Naar boven" over no text, and
axe-core without violations of WCAG 2.1 and 2.2 A/AA. The answer block lists each correct option on
its own line, and the site has its own (local) favicon."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser_support import WCAG_TAGS

pytestmark = pytest.mark.browser

WCAG_22_TAGS = [*WCAG_TAGS, "wcag22aa"]
PHONE, WIDE = 320, 1280
#: Home, a module, a learning path and the search results: the pages a learner uses most.
PAGES = [
    "index.html",
    "modules/m01-wat-is-ai.html",
    "docs/leerpaden/inkoper.html",
    "search.html?q=toezicht",
]
#: Pages with sections, so with a page-contents list ("Op deze pagina").
WITH_CONTENTS = {"index.html", "modules/m01-wat-is-ai.html"}

#: Rectangles of the page's text (text nodes with letters) outside ``except``, where they meet ``box``.
_TEXT_UNDER = """([box, exceptSelector]) => {
  const hits = [];
  const skip = document.querySelector(exceptSelector);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim() || (skip && skip.contains(node))) continue;
    const parent = node.parentElement;
    if (!parent || !parent.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width && r.height && r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top) {
        hits.push(node.textContent.trim().slice(0, 40));
      }
    }
  }
  return hits;
}"""


def _axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_TAGS}})
    return [
        f"{v['id']}: {v['help']} -> " + "; ".join(" ".join(n["target"]) for n in v["nodes"][:3])
        for v in results.response["violations"]
    ]


def _open(page, site_url: str, path: str) -> None:
    page.goto(site_url + path, wait_until="load")
    if path.startswith("search.html"):
        page.locator("#search-results p.search-summary").wait_for()


def _inside(page, locator, width: int) -> None:
    """Visible, and wholly inside the viewport (the page is at its top)."""
    expect(locator).to_be_visible()
    box = locator.bounding_box()
    assert box is not None
    height = page.viewport_size["height"]
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
    assert box["y"] >= 0 and box["y"] + box["height"] <= height, box


@pytest.fixture(params=[PHONE, WIDE], ids=["320px", "1280px"])
def sized_page(request, browser):
    context = browser.new_context(viewport={"width": request.param, "height": 640})
    page = context.new_page()
    yield page, request.param
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_no_sideways_scrolling_and_search_and_contents_within_reach(sized_page, site_url, path):
    page, width = sized_page
    _open(page, site_url, path)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width
    header = page.evaluate("document.querySelector('.bd-header').scrollWidth")
    assert header <= width  # the theme's header was 491 px wide at 320 px (the long site title)
    # The sticky header is no taller than the room kept above a heading one jumps to (WCAG 2.4.11).
    height, room = page.evaluate(
        "[document.querySelector('.bd-header').getBoundingClientRect().height,"
        " parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop)]"
    )
    assert height <= room, f"header {height}px tall, scroll-padding-top {room}px"

    search = page.locator("button.search-button__button:visible")
    expect(search).to_have_count(1)
    _inside(page, search, width)
    search.click()
    # A search box has the focus: the search dialog's, or the search page's own box.
    expect(page.locator("input[type=search]:focus")).to_be_visible()
    page.keyboard.press("Escape")

    if width == PHONE:
        _inside(page, page.locator("button.primary-toggle"), width)  # the site's navigation
    if path not in WITH_CONTENTS:
        return
    if width == PHONE:
        toggle = page.locator("button.secondary-toggle")
        _inside(page, toggle, width)
        toggle.click()
        expect(page.locator("#pst-secondary-sidebar-modal nav.page-toc")).to_be_visible()
    else:  # wide: the page contents are a column of their own, no toggle needed
        contents = page.locator(".bd-sidebar-secondary nav.page-toc")
        expect(contents).to_be_visible()
        box = contents.bounding_box()
        assert box is not None and box["x"] + box["width"] <= width


@pytest.mark.parametrize("path", PAGES)
def test_naar_boven_covers_no_text(sized_page, site_url, path):
    page, width = sized_page
    _open(page, site_url, path)
    # The theme's floating button showed over the text when one scrolled up; it is not in the page.
    page.mouse.wheel(0, 3000)
    page.mouse.wheel(0, -400)
    expect(page.locator("#pst-back-to-top")).to_have_count(0)

    page.evaluate("window.scrollTo(0, document.scrollingElement.scrollHeight)")
    link = page.locator(".gl-naar-boven a")
    expect(link).to_be_visible()
    box = link.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    area = {"left": box["x"], "right": box["x"] + box["width"], "top": box["y"], "bottom": box["y"] + box["height"]}
    assert page.evaluate(_TEXT_UNDER, [area, ".gl-naar-boven"]) == []
    link.click()
    page.wait_for_function("window.scrollY === 0")


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [PHONE, WIDE], ids=["320px", "1280px"])
@pytest.mark.parametrize("path", PAGES)
def test_zero_wcag_21_and_22_violations(browser, site_url, path, width, color_scheme):
    context = browser.new_context(viewport={"width": width, "height": 640}, color_scheme=color_scheme)
    try:
        page = context.new_page()
        _open(page, site_url, path)
        assert _axe_violations(page) == []
    finally:
        context.close()


def test_correct_options_each_on_their_own_line(browser, site_url):
    page = browser.new_page(viewport={"width": PHONE, "height": 640})
    try:
        page.goto(site_url + "modules/m01-wat-is-ai.html")
        answer = page.locator("details.gl-antwoord:has(ul.gl-juiste-opties)").first
        answer.locator("summary").click()
        items = answer.locator("ul.gl-juiste-opties > li")
        assert items.count() >= 2
        tops = [items.nth(i).bounding_box()["y"] for i in range(items.count())]
        assert tops == sorted(tops) and len(set(tops)) == len(tops)  # one below the other
        for i in range(items.count()):
            assert items.nth(i).inner_text()[:2] in {f"{letter}." for letter in "ABCDEFGH"}
        assert ";" not in answer.locator(".gl-juiste-kop").inner_text()
    finally:
        page.close()


def test_the_site_has_its_own_local_favicon(browser, site_url):
    page = browser.new_page()
    try:
        page.goto(site_url + "index.html")
        href = page.locator("link[rel=icon]").get_attribute("href")
        assert href == "_static/favicon.svg"  # relative: from this host, nothing from another
        response = page.request.get(site_url + href)
        assert response.ok and response.body().lstrip().startswith(b"<svg")
    finally:
        page.close()
