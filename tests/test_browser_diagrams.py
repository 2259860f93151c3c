"""The diagrams in a real browser (issue 16, item 7): axe-core without WCAG 2.x A/AA violations on two
pages with diagrams (text equivalents opened), at 320 and 1280 px, light and dark; no sideways scrolling
at 320 px; the diagram text at least 12 px and 4.5:1 against its box in both colour schemes."""

from __future__ import annotations

import pytest

from browser_support import WCAG_TAGS

pytestmark = pytest.mark.browser

WCAG_22_TAGS = [*WCAG_TAGS, "wcag22aa"]
PHONE, WIDE = 320, 1280
PAGES = ["modules/m02-ai-verordening-in-vogelvlucht.html", "modules/m13-menselijk-toezicht.html"]

#: Per diagram: the smallest rendered font size (px) and, per box, [text colour, box colour].
_MEASURE = """() => [...document.querySelectorAll('figure.gl-diagram svg')].map(svg => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const texts = [...svg.querySelectorAll('text')];
  const smallest = Math.min(...texts.map(t => parseFloat(t.getAttribute('font-size')) * scale));
  const ink = getComputedStyle(texts[0]).fill;
  const boxes = [...svg.querySelectorAll('rect')].map(r => [ink, getComputedStyle(r).fill]);
  return {smallest, boxes};
})"""


def _axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_TAGS}})
    return [
        f"{v['id']}: {v['help']} -> " + "; ".join(" ".join(n["target"]) for n in v["nodes"][:3])
        for v in results.response["violations"]
    ]


def _luminance(css: str) -> float:
    red, green, blue = (int(part) / 255 for part in css[css.index("(") + 1 : css.index(")")].split(",")[:3])

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def _contrast(first: str, second: str) -> float:
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _open(browser, site_url: str, path: str, width: int, color_scheme: str):
    context = browser.new_context(viewport={"width": width, "height": 640}, color_scheme=color_scheme)
    page = context.new_page()
    page.goto(site_url + path, wait_until="load")
    page.evaluate("document.querySelectorAll('details.gl-diagram-tekst').forEach(d => d.open = true)")
    return context, page


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [PHONE, WIDE], ids=["320px", "1280px"])
@pytest.mark.parametrize("path", PAGES)
def test_pages_with_diagrams_have_zero_wcag_violations(browser, site_url, path, width, color_scheme):
    context, page = _open(browser, site_url, path, width, color_scheme)
    try:
        assert page.locator("figure.gl-diagram svg[role=img]").count() >= 1
        assert _axe_violations(page) == []
    finally:
        context.close()


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_diagrams_fit_a_phone_and_stay_readable(browser, site_url, path, color_scheme):
    context, page = _open(browser, site_url, path, PHONE, color_scheme)
    try:
        assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE
        measured = page.evaluate(_MEASURE)
        assert measured
        for diagram in measured:
            assert diagram["smallest"] >= 12, diagram
            for ink, fill in diagram["boxes"]:
                assert _contrast(ink, fill) >= 4.5, (ink, fill)
    finally:
        context.close()


def test_dark_mode_changes_the_diagram_colours(browser, site_url):
    colours = {}
    for scheme in ("light", "dark"):
        context, page = _open(browser, site_url, PAGES[0], WIDE, scheme)
        try:
            colours[scheme] = page.evaluate(_MEASURE)[0]["boxes"][0]
        finally:
            context.close()
    assert colours["light"] != colours["dark"]
