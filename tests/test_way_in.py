"""The way in by role and by topic, generated from the content model, on the real site."""

from __future__ import annotations

import posixpath

from bs4 import BeautifulSoup

from geletterdheid.content import catalog_or_exit
from repo_paths import REPO

CATALOG = catalog_or_exit(REPO)


def _soup(site, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def test_landing_page_asks_the_role_and_leads_to_every_learning_path(real_site):
    article = _soup(real_site, "index.html").find(class_="bd-article")
    assert "Wat is jouw rol?" in [h2.get_text(strip=True).rstrip("#") for h2 in article.find_all("h2")]
    chooser = article.find(class_="gl-rolkeuze")
    links = {a["href"] for a in chooser.find_all("a")}
    assert links == {f"docs/leerpaden/{role_id}.html" for role_id in CATALOG.roles}
    for role in CATALOG.roles.values():
        assert role.title in chooser.get_text(" ")
    assert article.find("a", href="docs/onderwerpen.html") is not None


def test_every_learning_path_page_exists(real_site):
    for role_id in CATALOG.roles:
        assert (real_site / "docs" / "leerpaden" / f"{role_id}.html").is_file()


def test_module_pages_show_the_roles_they_serve(real_site):
    for module_id, path in CATALOG.module_paths.items():
        page = path.relative_to(REPO).with_suffix(".html")
        card = _soup(real_site, page.as_posix()).find(class_="gl-module-kaart")
        linked = {a.get_text(strip=True) for a in card.find_all("a") if "/rollen/" in a.get("href", "")}
        assert linked == {CATALOG.roles[r].title for r in CATALOG.modules[module_id].roles}, module_id


def test_topics_page_lists_every_topic_with_its_modules_and_forum(real_site):
    article = _soup(real_site, "docs/onderwerpen.html").find(class_="bd-article")
    for topic in CATALOG.topics.values():
        section = article.find("section", id=f"onderwerp-{topic.id}")
        assert section.find("h2").get_text(strip=True).rstrip("#") == topic.title
        forum = section.find("a", class_="gl-forum-link")
        assert forum["href"] == str(topic.forum_url)
        modules = {a.get_text(strip=True) for a in section.find_all("a") if "modules/" in a.get("href", "")}
        assert modules == {m.title for m in CATALOG.modules.values() if m.topic == topic.id}, topic.id


def test_header_leads_to_three_sections_without_an_overflow_menu(real_site):
    """The top bar names the sections, not sixteen module titles squeezed into a "Meer" menu."""
    for page in ("index.html", "docs/modules.html", "modules/m01-wat-is-ai.html"):
        nav = _soup(real_site, page).find(class_="bd-navbar-elements")
        assert [a.get_text(strip=True) for a in nav.find_all("a")] == ["Modules", "Leerpaden per rol", "Naslag"], page
        assert nav.find(class_="dropdown") is None


def test_module_overview_lists_every_module_with_topic_level_and_time(real_site):
    table = _soup(real_site, "docs/modules.html").find("table", class_="gl-module-overzicht")
    assert table.find("caption").get_text(strip=True).startswith(f"{len(CATALOG.modules)} modules")
    assert [th.get_text() for th in table.select("thead th")] == ["Module", "Onderwerp", "Niveau", "Studietijd"]
    rows = table.select("tbody tr")
    assert [row.find("a")["href"] for row in rows] == [
        "../" + CATALOG.module_paths[m].relative_to(REPO).with_suffix(".html").as_posix()
        for m in sorted(CATALOG.modules)
    ]
    first = CATALOG.modules[sorted(CATALOG.modules)[0]]
    assert [td.get_text(strip=True) for td in rows[0].find_all("td")] == [
        first.title,
        CATALOG.topics[first.topic].title,
        first.level.capitalize(),
        f"{first.duration_minutes} minuten",
    ]


def test_every_module_and_role_page_is_reachable_from_the_navigation(real_site):
    reachable = set()
    for section in ("docs/modules.html", "docs/naslag.html"):
        sidebar = _soup(real_site, section).find(class_="bd-docs-nav")
        reachable |= {
            posixpath.normpath(posixpath.join(posixpath.dirname(section), a["href"])) for a in sidebar.find_all("a")
        }
    pages = [*CATALOG.module_paths.values(), *CATALOG.role_paths.values()]
    assert {path.relative_to(REPO).with_suffix(".html").as_posix() for path in pages} <= reachable
