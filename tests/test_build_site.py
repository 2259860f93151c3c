"""`geletterdheid build` on the repository's real content, warnings as errors, and what it produces."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from geletterdheid.cli import main
from geletterdheid.content import catalog_or_exit
from repo_paths import REPO

# Anything a browser would fetch by itself: scripts, stylesheets, icons, fonts, images, frames, media.
_FETCHING = [
    ("script", "src"),
    ("link", "href"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("object", "data"),
    ("embed", "src"),
]
_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])\s*(https?:)?//""", re.IGNORECASE)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build")
    assert main(["--root", str(REPO), "build", "--only", "html", "--out", str(out)]) == 0  # PDFs: tests/handbook
    return out / "html"


def test_site_has_landing_page_and_every_module_with_its_quiz(site):
    catalog = catalog_or_exit(REPO)
    assert (site / "index.html").is_file()
    for module_id, path in catalog.module_paths.items():
        page = site / path.relative_to(REPO).with_suffix(".html")
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        form = soup.find("form", class_="gl-quiz")
        assert form is not None and form["data-quiz"] == module_id, page
        assert len(form.find_all(class_="gl-vraag")) == len(catalog.quizzes[module_id].questions)
        assert soup.find("html")["lang"] == "nl"


def test_no_page_loads_anything_from_another_host(site):
    offenders = []
    for page in site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in _FETCHING:
            for element in soup.find_all(tag):
                value = element.get(attribute) or ""
                if tag == "link" and not set(element.get("rel", [])) & {
                    "stylesheet",
                    "icon",
                    "preload",
                    "prefetch",
                    "manifest",
                    "modulepreload",
                }:
                    continue
                if re.match(r"^(https?:)?//", value):
                    offenders.append(f"{page.relative_to(site)}: <{tag} {attribute}={value}>")
        for style in soup.find_all("style"):
            if _CSS_URL.search(style.get_text()):
                offenders.append(f"{page.relative_to(site)}: <style> met url van buiten")
    for css in site.rglob("*.css"):
        if _CSS_URL.search(css.read_text(encoding="utf-8", errors="replace")):
            offenders.append(f"{css.relative_to(site)}: url() van buiten")
    assert offenders == []


def test_site_uses_dutch_search(site):
    assert "Stemmer" in (site / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert "dutch" in (site / "_static" / "language_data.js").read_text(encoding="utf-8").lower()


def test_build_refuses_broken_content_without_traceback(content_tree, tmp_path, capsys):
    (content_tree / "quizzes" / "m02.yaml").write_text("module: m02\nvragen: [\n", encoding="utf-8")
    code = main(["--root", str(content_tree), "build", "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1
    assert "quizzes/m02.yaml:2: ongeldige YAML" in err
    assert "Traceback" not in err
    assert not (tmp_path / "out" / "html" / "index.html").exists()
