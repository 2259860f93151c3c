"""The issue's acceptance path, as a gemeente would walk it: install the wheel, init, edit, build.

The wheel is built from this repository and installed (without its dependencies, which this test
environment already has) into a folder of its own that comes first on PYTHONPATH, so the commands
run the installed package and its packaged base content, not the repository.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from overlay_support import LOCAL_MODULE, LOCAL_QUIZ
from pypdf import PdfReader

from repo_paths import REPO

PLACEHOLDER_FORUM = "https://forum.gemeente.example/c/"
FORUM = "https://forum.testdorp.nl/c/"
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20"><rect width="60" height="20"/></svg>\n'


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wiel")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", str(work / "wheel"), str(REPO)], check=True)
    (wheel,) = (work / "wheel").glob("geletterdheid-*.whl")
    subprocess.run([*pip, "install", "--no-deps", "--target", str(work / "site"), str(wheel)], check=True)
    return work / "site"


def _run(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run(
        [sys.executable, "-m", "geletterdheid.cli", *args], cwd=cwd, env=env, capture_output=True, text=True
    )


def test_the_installed_package_carries_the_base_content(installed: Path, tmp_path: Path):
    found = _run(installed, tmp_path, "--help")
    assert found.returncode == 0
    code = "import geletterdheid.base_content as b; print(b.base_root())"
    where = subprocess.run(
        [sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": str(installed)}, capture_output=True, text=True
    )
    assert Path(where.stdout.strip()) == installed / "geletterdheid" / "basis"
    assert len(list((installed / "geletterdheid" / "basis" / "modules").glob("*.md"))) >= 1


def test_a_gemeente_project_from_init_to_site_and_handbooks(installed: Path, tmp_path: Path):
    made = _run(installed, tmp_path, "init", "testdorp", "--gemeente", "Gemeente Testdorp")
    assert made.returncode == 0, made.stderr
    project = tmp_path / "testdorp"
    settings = project / "gemeente.toml"
    assert PLACEHOLDER_FORUM in settings.read_text(encoding="utf-8")
    text = settings.read_text(encoding="utf-8").replace(PLACEHOLDER_FORUM, FORUM)
    text = text.replace('naam = "Gemeente Testdorp"', 'naam = "Gemeente Testdorp"\nlogo = "logo.svg"')
    text += '\n[voettekst]\nprivacy = "https://www.testdorp.nl/privacy"\n\n[huisstijl]\nkleur = "#00589c"\n'
    settings.write_text(text, encoding="utf-8")
    (project / "logo.svg").write_text(LOGO, encoding="utf-8")
    # The local module of the overlay tests, on a topic of the shipped content.
    local = LOCAL_MODULE.replace("onderwerp: basis", "onderwerp: basiskennis")
    (project / "modules" / "t01-ai-in-testdorp.md").write_text(local, encoding="utf-8")
    (project / "quizzes" / "t01.yaml").write_text(LOCAL_QUIZ, encoding="utf-8")

    built = _run(installed, project, "build")
    assert built.returncode == 0, built.stderr
    site = project / "_build" / "html"
    pages = [p for p in site.rglob("*.html") if "_static" not in p.parts]
    assert len(pages) > 20
    assert [p for p in pages if "Gemeente Testdorp" not in p.read_text(encoding="utf-8")] == []
    forum_links = {href for p in pages for href in re.findall(r'href="(https?://[^"]*forum[^"]*)"', p.read_text())}
    assert forum_links and all(link.startswith(FORUM) for link in forum_links), forum_links
    index = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<img src="_static/logo\.svg"[^>]*alt="Logo van Gemeente Testdorp"', index)  # header logo
    assert '<a href="https://www.testdorp.nl/privacy">Privacyverklaring</a>' in index  # the footer
    assert "--pst-color-primary: #00589c" in (site / "_static" / "gemeente.css").read_text(encoding="utf-8")
    path_page = (site / "docs" / "leerpaden" / "alle-medewerkers.html").read_text(encoding="utf-8")
    assert "AI in Testdorp" in path_page
    pdfs = sorted((project / "_build" / "pdf").glob("*.pdf"))
    assert {"handboek-alle-medewerkers.pdf", "trainer-alle-medewerkers.pdf"} <= {pdf.name for pdf in pdfs}
    for pdf in pdfs:
        assert "Gemeente Testdorp" in PdfReader(pdf).pages[0].extract_text(), pdf.name
    cover_source = next((project / "_build" / ".typst" / "_handboek").glob("handboek-*.typ")).read_text()
    assert 'image("/_handboek/logo.svg", alt: "Logo van Gemeente Testdorp"' in cover_source  # logo on the cover
