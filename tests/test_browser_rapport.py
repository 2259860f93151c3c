"""rapport.html in Debian's Chromium: axe-core finds nothing (WCAG 2.1 AA and 2.2 AA) at 1280 and 320 px,
the page reflows at 320 px, and every table region can be reached with the keyboard."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys

import pytest

from browser_support import WCAG_TAGS, serve_directory
from geletterdheid.content import catalog_or_exit
from geletterdheid.project.model import Governance
from geletterdheid.records.store import Store
from geletterdheid.reports.dossier import Period, dossier_of
from geletterdheid.reports.dossier_html import render_html
from repo_paths import REPO

sys.path.insert(0, str(REPO / "bench"))
from synthetic import fill_municipality

pytestmark = pytest.mark.browser

TAGS = [*WCAG_TAGS, "wcag22aa"]


@pytest.fixture(scope="module")
def dossier_page(tmp_path_factory):
    catalog = catalog_or_exit(REPO)
    assert catalog.inventory is not None
    catalog = dataclasses.replace(
        catalog, inventory=catalog.inventory.model_copy(update={"systems": catalog.inventory.systems[:3]})
    )
    folder = tmp_path_factory.mktemp("rapport")
    with Store.open(f"sqlite:///{(folder / 'records.db').as_posix()}") as store:
        fill_municipality(store, catalog, employees=120, end=dt.date(2026, 11, 30))
        dossier = dossier_of(
            store,
            catalog,
            Period(dt.date(2025, 12, 1), dt.date(2026, 11, 30)),
            "Gemeente Testdorp",
            governance=Governance("Gemeentesecretaris", "€ 40.000 per jaar", dt.date(2027, 6, 30)),
            today=dt.date(2026, 12, 1),
        )
    (folder / "rapport.html").write_text(render_html(dossier), encoding="utf-8")
    with serve_directory(folder) as url:
        yield url + "rapport.html"


def _axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} -> "
        + "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in results.response["violations"]
    ]


@pytest.mark.parametrize("width", [1280, 320])
def test_the_dossier_page_has_no_axe_violations(browser, dossier_page, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(dossier_page)
        assert page.title().startswith("Dossier AI-geletterdheid: Gemeente Testdorp")
        assert _axe_violations(page) == []
        if width == 320:  # nothing sticks out sideways: wide tables scroll inside their own region
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    finally:
        context.close()


def test_every_table_region_is_reached_with_the_keyboard(browser, dossier_page):
    page = browser.new_page(viewport={"width": 320, "height": 900})
    try:
        page.goto(dossier_page)
        regions = page.locator("div.tabel[role=region]").count()
        assert regions >= 9
        reached = set()
        for _ in range(regions + 20):
            page.keyboard.press("Tab")
            reached.add(page.evaluate("document.activeElement.closest('div.tabel')?.getAttribute('aria-labelledby')"))
        assert len(reached - {None}) == regions
    finally:
        page.close()
