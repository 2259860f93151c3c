"""A gemeente project laid over the base content: what lands where, and where problems are reported.

The base here is the small test root ``test-minimal`` (two modules), not the shipped content, so
these tests do not change when editors rewrite the real modules.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from overlay_support import LOCAL_MODULE, LOCAL_QUIZ, SETTINGS

from geletterdheid.cli import main
from geletterdheid.content import load_catalog
from geletterdheid.curriculum import learning_path
from geletterdheid.project.assemble import OverlayError, assemble, with_origins
from repo_paths import ROOTS


@pytest.fixture
def project(overlay_project: Path) -> Path:
    return overlay_project


def test_local_module_joins_the_learning_paths_and_settings_apply(project: Path):
    catalog, problems = load_catalog(assemble(project))
    assert problems == [] and catalog is not None
    assert "t01" in catalog.modules and "t01" in catalog.quizzes
    assert [m.id for m in learning_path(catalog, ["alle-medewerkers"]).modules] == ["m01", "t01"]
    assert str(catalog.topics["basis"].forum_url) == "https://forum.testdorp.nl/c/basis"  # basis_url + topic id
    assert str(catalog.topics["regels"].forum_url) == "https://teams.testdorp.nl/kanaal/regels"  # the override
    assert catalog.forum


def test_an_aanvulling_is_appended_to_its_base_module_and_the_base_file_is_untouched(project: Path, base: Path):
    root = assemble(project)
    page = next((root / "modules").glob("m02-*.md")).read_text(encoding="utf-8")
    assert page.rstrip().endswith("## In onze gemeente\n\nVraag het AI-loket als je twijfelt.")
    assert "In onze gemeente" not in next((base / "modules").glob("m02-*.md")).read_text(encoding="utf-8")


def test_a_warning_in_an_assembled_file_names_the_gemeentes_own_file_and_line(project: Path):
    root = assemble(project)
    appended = next((root / "modules").glob("m02-*.md"))
    line = appended.read_text(encoding="utf-8").splitlines().index("Vraag het AI-loket als je twijfelt.") + 1
    local = root / "modules" / "t01-ai-in-testdorp.md"
    messages = f"{appended}:{line}: WARNING: een\n{local}:18: WARNING: twee\n"
    assert with_origins(root, messages) == (
        f"{project / 'aanvullingen' / 'm02.md'}:1: WARNING: een\n"
        f"{project / 'modules' / 't01-ai-in-testdorp.md'}:18: WARNING: twee\n"
    )


def test_content_problems_are_reported_at_the_gemeente_file(project: Path, capsys: pytest.CaptureFixture[str]):
    module = project / "modules" / "t01-ai-in-testdorp.md"
    module.write_text(LOCAL_MODULE.replace("duur_minuten: 10", "duur_minuten: tien"), encoding="utf-8")
    assert main(["--root", str(project), "check"]) == 1
    err = capsys.readouterr().err
    assert "modules/t01-ai-in-testdorp.md:7: 'duur_minuten' moet een geheel getal zijn" in err
    assert "bron" not in err  # never the assembled copy


def test_left_out_modules_leave_the_catalog_and_wrong_ones_are_named_at_their_line(project: Path):
    settings = project / "gemeente.toml"
    settings.write_text(SETTINGS + '\n[inhoud]\nweglaten = ["m02"]\n', encoding="utf-8")
    catalog, problems = load_catalog(assemble(project))
    assert catalog is not None and "m02" not in catalog.modules and "m02" not in catalog.quizzes
    settings.write_text(SETTINGS + '\n[inhoud]\nweglaten = ["m01", "m99"]\n', encoding="utf-8")
    catalog, problems = load_catalog(assemble(project))
    assert catalog is None
    messages = {(p.path.name, p.line, p.message) for p in problems}
    assert ("gemeente.toml", 11, "weglaten: onbekende module 'm99'") in messages
    assert any("module m02 heeft m01 nodig" in m for _, _, m in messages)  # m02 requires m01
    assert any("module t01 heeft m01 nodig" in m for _, _, m in messages)


def test_a_left_out_module_keeps_its_page_with_a_note_and_nothing_to_do(project: Path):
    """Other pages link to it, so the page stays; the reader learns at once that it is not part of the training."""
    settings = project / "gemeente.toml"
    settings.write_text(SETTINGS + '\n[inhoud]\nweglaten = ["m02"]\n', encoding="utf-8")
    (project / "aanvullingen" / "m02.md").unlink()  # an addition to a left-out module: nothing to add it to
    assert main(["--root", str(project), "build", "--only", "html"]) == 0
    site = project / "_build" / "html"
    page = (site / "modules" / "m02-vervolg.html").read_text(encoding="utf-8")
    title_at, note_at = page.index("<h1"), page.index("Niet in het leerprogramma")
    assert title_at < note_at < page.index("</h1>") + 400  # directly under the title
    assert "Gemeente Testdorp heeft deze module niet opgenomen in het leerprogramma" in page
    assert "gl-quiz" not in page and "gl-module-kaart" not in page and "gl-forum" not in page
    kept = (site / "modules" / "m01-basis.html").read_text(encoding="utf-8")
    assert "Niet in het leerprogramma" not in kept and "gl-quiz" in kept


def test_without_a_forum_the_catalog_says_so(project: Path):
    (project / "gemeente.toml").write_text(
        'forum = false\n\n[gemeente]\nnaam = "Gemeente Testdorp"\n', encoding="utf-8"
    )
    catalog, _ = load_catalog(assemble(project))
    assert catalog is not None and not catalog.forum


def test_a_local_file_may_not_replace_a_base_file(project: Path, base: Path):
    shutil.copy(base / "quizzes" / "m01.yaml", project / "quizzes" / "m01.yaml")
    with pytest.raises(OverlayError, match=r"quizzes/m01\.yaml:1: het basispakket heeft al een bestand"):
        assemble(project)


def test_an_aanvulling_for_a_module_that_does_not_exist_is_an_error(project: Path):
    (project / "aanvullingen" / "m42.md").write_text("Iets lokaals.\n", encoding="utf-8")
    with pytest.raises(OverlayError, match=r"aanvullingen/m42\.md:1: er is geen basismodule 'm42'"):
        assemble(project)


def test_reassembling_rewrites_only_what_changed_and_drops_what_went(project: Path):
    root = assemble(project)
    local = root / "modules" / "t01-ai-in-testdorp.md"
    base_page = next((root / "modules").glob("m01-*.md"))
    os.utime(base_page, ns=(1, 1))  # a marker: an unchanged file must keep it
    (project / "aanvullingen" / "m02.md").unlink()
    (project / "modules" / "t01-ai-in-testdorp.md").unlink()
    (project / "quizzes" / "t01.yaml").unlink()
    assemble(project)
    assert base_page.stat().st_mtime_ns == 1
    assert not local.exists()
    assert "In onze gemeente" not in next((root / "modules").glob("m02-*.md")).read_text(encoding="utf-8")


def test_a_project_with_example_links_or_the_example_name_does_not_check_or_build(
    project: Path, capsys: pytest.CaptureFixture[str]
):
    settings = project / "gemeente.toml"
    text = SETTINGS.replace("forum.testdorp.nl", "forum.gemeente.example").replace("Testdorp", "Voorbeeld")
    settings.write_text(text, encoding="utf-8")
    assert main(["--root", str(project), "check"]) == 1
    err = capsys.readouterr().err
    assert "gemeente.toml:5: de forumlink van onderwerp basis gaat naar een voorbeeldadres" in err  # regels: own link
    assert "gemeente.toml:2: de naam is nog 'Gemeente Voorbeeld'" in err
    assert main(["--root", str(project), "build", "--only", "html"]) == 1
    assert "Bouwen gestopt: vervang eerst de voorbeelden" in capsys.readouterr().err
    assert not (project / "_build" / "html").exists()


def test_the_repository_example_only_warns_about_its_example_links(capsys: pytest.CaptureFixture[str]):
    assert main(["--root", str(ROOTS / "test-minimal"), "check"]) == 0
    err = capsys.readouterr().err
    assert "Let op: docs/onderwerpen.yaml:4: de forumlink van onderwerp basis gaat naar een voorbeeldadres" in err


def _gemeente(tmp_path: Path, name: str, forum: bool, local: bool) -> Path:
    folder = tmp_path / name
    for part in ("modules", "quizzes", "aanvullingen"):
        (folder / part).mkdir(parents=True)
    settings = SETTINGS.replace("Testdorp", name.capitalize()).replace("testdorp", name)
    if not forum:
        settings = "forum = false\n" + settings.split("[forum]")[0]
    (folder / "gemeente.toml").write_text(settings, encoding="utf-8")
    if local:
        (folder / "modules" / "t01-ai-in-testdorp.md").write_text(LOCAL_MODULE, encoding="utf-8")
        (folder / "quizzes" / "t01.yaml").write_text(LOCAL_QUIZ, encoding="utf-8")
        (folder / "aanvullingen" / "m02.md").write_text(f"Vraag het AI-loket van {name}.\n", encoding="utf-8")
    return folder


def test_many_gemeenten_built_from_one_environment_each_get_only_their_own_site(tmp_path: Path, base: Path):
    """build --project reads the pages of later gemeenten only where they differ: each site must still be
    exactly its own: name, forum addresses (or none), local module and addition; nothing of the one before."""
    gemeenten = {  # name: (forum, local module and addition); the order makes each step change something
        "oost": (True, True),
        "west": (False, False),
        "noord": (True, True),
        "zuid": (True, False),
    }
    projects = [_gemeente(tmp_path, name, *settings) for name, settings in gemeenten.items()]
    out = tmp_path / "alle"
    args = ["build", "--only", "html", *(f"--project={p}" for p in projects), "--out", str(out)]
    assert main(args) == 0
    for name, (forum, local) in gemeenten.items():
        site = out / name / "html"
        found = (page for page in site.rglob("*.html") if not page.relative_to(site).as_posix().startswith("_"))
        pages = {page.relative_to(site).as_posix(): page.read_text(encoding="utf-8") for page in found}
        others = [other for other in gemeenten if other != name]
        for page, html in pages.items():
            if page in ("genindex.html", "search.html"):
                continue
            assert f"Gemeente {name.capitalize()}" in html, (name, page)
            for other in others:
                assert other not in html.lower(), (name, page, other)
        for page in ("modules/m01-basis.html", "modules/m02-vervolg.html"):  # m01's file is the same for all
            module = pages[page]
            assert ('class="gl-forum' in module) is forum, (name, page)
            assert (f"https://forum.{name}.nl/c/" in module or f"https://teams.{name}.nl/" in module) is forum
        assert ("In onze gemeente" in pages["modules/m02-vervolg.html"]) is local
        role_page = pages["docs/rollen/alle-medewerkers.html"]  # its text counts the modules of the path
        expected = "heeft 2 modules" if local else "heeft 1 module."
        assert f"Het leerpad voor deze rol {expected}" in role_page, name
        assert ("modules/t01-ai-in-testdorp.html" in pages) is local
        learning_path = pages["docs/leerpaden/alle-medewerkers.html"]
        assert ("t01-ai-in-testdorp.html" in learning_path) is local, name
