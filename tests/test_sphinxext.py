"""The Sphinx extension, through sphinx.testing on the minimal test root, with assertions on the HTML."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from repo_paths import ROOTS

EURLEX = "https://eur-lex.europa.eu/eli/reg/2024/1689/2026-07-27/nld"


def _soup(app, page: str) -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / page).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    srcdir = tmp_path_factory.mktemp("minimal") / "src"
    shutil.copytree(ROOTS / "test-minimal", srcdir)
    app = SphinxTestApp("html", srcdir=srcdir, warningiserror=True)
    try:
        app.build()
        yield app
    finally:
        app.cleanup()


def test_module_page_has_card_with_metadata_under_title(built):
    soup = _soup(built, "modules/m02-vervolg.html")
    section = soup.find("section")
    assert section.find("h1").get_text(strip=True).startswith("Vervolg")
    card = section.find(class_="gl-module-kaart")
    # The card is the first thing after the title, before the module's own text.
    assert card is section.find("h1").find_next_sibling()
    text = card.get_text(" ", strip=True)
    assert "30 minuten" in text and "Bekwaam" in text
    assert "Je kent de plichten." in text
    assert card.find("a", string="Beleidsadviseur")["href"].endswith("docs/rollen/beleidsadviseur.html")
    assert card.find("a", string="Basis")["href"].endswith("m01-basis.html")  # the prerequisite


def test_quiz_is_rendered_as_form_with_fieldsets_and_labels(built):
    soup = _soup(built, "modules/m01-basis.html")
    form = soup.find("form", class_="gl-quiz")
    assert form["data-quiz"] == "m01" and form["data-drempel"] == "70"
    questions = form.find_all(class_="gl-vraag")
    assert [q["data-vraag"] for q in questions] == ["m01-q01", "m01-q02", "m01-q03"]
    first = questions[0]
    assert first.find("legend").get_text() == "Vraag 1. Welke optie is juist?"
    radios = first.find_all("input", type="radio")
    assert [r["value"] for r in radios] == ["a", "b"]
    for radio in radios:  # every input has a label that names it
        assert first.find("label", attrs={"for": radio["id"]}).get_text().endswith(("Optie A", "Optie B"))
    assert len(questions[1].find_all("input", type="checkbox")) == 3
    assert "Een collega gebruikt een chatbot." in questions[1].find(class_="gl-casus").get_text()


def test_answers_are_collapsible_without_javascript(built):
    soup = _soup(built, "modules/m01-basis.html")
    answer = soup.find(attrs={"data-vraag": "m01-q02"}).find("details", class_="gl-antwoord")
    assert answer is not None and not answer.has_attr("open")  # closed until the reader opens it
    assert answer.find("summary").get_text(strip=True).startswith("Antwoord en uitleg")
    text = answer.get_text(" ", strip=True)
    assert "Juiste antwoorden:" in text
    # Each correct option is a list item of its own, not "A. Eerste; C. Derde" run together.
    assert [li.get_text() for li in answer.find("ul", class_="gl-juiste-opties").find_all("li")] == [
        "A. Eerste",
        "C. Derde",
    ]
    assert ";" not in text
    assert "A en C zijn juist" in text
    assert answer.find("a", class_="gl-artikel")["href"] == f"{EURLEX}#art_3"


def test_forum_box_links_the_module_topic(built):
    link = _soup(built, "modules/m02-vervolg.html").find("a", class_="gl-forum-link")
    assert link["href"] == "https://forum.example.org/c/regels"
    assert link.get_text() == "het forum over Regels"


def test_article_role_links_to_dutch_consolidated_text(built):
    soup = _soup(built, "index.html")
    links = {a.get_text(): a["href"] for a in soup.find_all("a", class_="gl-artikel")}
    assert links == {
        "artikel 113": f"{EURLEX}#art_113",  # the {wet} date cites where it comes from
        "artikel 26": f"{EURLEX}#art_26",
        "de definitie": f"{EURLEX}#art_3",
        "bijlage III": f"{EURLEX}#anx_III",
    }


def test_legal_fact_role_renders_date_from_data_file(built):
    """The date carries the article it comes from (the entry's first), linked like {artikel} (issue 16)."""
    soup = _soup(built, "index.html")
    assert "Vanaf 2 december 2027 (artikel 113) gelden" in soup.get_text()
    fact = soup.find("span", class_="gl-wet")
    assert fact.find("a", class_="gl-artikel")["href"] == f"{EURLEX}#art_113"


def _build_variant(tmp_path: Path, edit) -> tuple[int, str]:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-minimal", srcdir)
    edit(srcdir)
    app = None
    try:
        app = SphinxTestApp("html", srcdir=srcdir, warningiserror=True)
        app.build()
        return app.statuscode, app.warning.getvalue()
    except Exception as exc:  # Sphinx raises SphinxWarning/ExtensionError when warnings are errors
        return 1, f"{exc}\n{app.warning.getvalue() if app else ''}"
    finally:
        if app is not None:
            app.cleanup()


def test_unknown_article_fails_the_build(tmp_path):
    def edit(src: Path):
        page = src / "index.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nZie {artikel}`114`.\n", encoding="utf-8")

    code, output = _build_variant(tmp_path, edit)
    assert code != 0
    assert "artikel 114 bestaat niet in de AI-verordening" in output


def test_unknown_legal_fact_fails_the_build(tmp_path):
    def edit(src: Path):
        page = src / "index.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nVanaf {wet}`ooit`.\n", encoding="utf-8")

    code, output = _build_variant(tmp_path, edit)
    assert code != 0
    assert "onbekende sleutel 'ooit'" in output


def test_content_problems_stop_the_build_with_dutch_message(tmp_path):
    def edit(src: Path):
        (src / "quizzes" / "m02.yaml").unlink()

    code, output = _build_variant(tmp_path, edit)
    assert code != 0
    assert "module 'm02' heeft geen toets" in output


def test_quiz_markup_carries_what_the_script_needs_and_reads_plainly(built):
    soup = _soup(built, "modules/m01-basis.html")
    questions = {q["data-vraag"]: q for q in soup.find_all(class_="gl-vraag")}
    assert {qid: q["data-juist"] for qid, q in questions.items()} == {
        "m01-q01": "b",
        "m01-q02": "a c",
        "m01-q03": "juist",
    }
    # True/false options read "Juist" and "Onjuist", not "JUIST. Juist".
    labels = [label.get_text() for label in questions["m01-q03"].find_all("label")]
    assert labels == ["Juist", "Onjuist"]
    assert questions["m01-q03"].find("summary").get_text() == "Antwoord en uitleg bij vraag 3"
    # Only pages with a quiz load the quiz script.
    assert soup.find("script", src=lambda src: src and "quiz.js" in src) is not None
    assert _soup(built, "index.html").find("script", src=lambda src: src and "quiz.js" in src) is None


def test_quiz_texts_with_markdown_are_parsed_in_place_and_plain_texts_are_escaped(built):
    soup = _soup(built, "modules/m02-vervolg.html")
    question = soup.find(attrs={"data-vraag": "m02-q02"})
    # Text that looks like HTML stays text: nothing injected, the reader sees what the editor wrote.
    assert question.find("legend").get_text() == "Vraag 2. Geldt <artikel 4> & artikel 26 hier?"
    assert (
        question.find("label", attrs={"for": "m02-q02-a"}).get_text() == "A. Ja, “altijd”"
    )  # Dutch quotes, as on the page
    casus = question.find(class_="gl-casus")
    assert casus.find("strong", string="team") is not None  # Markdown in a casus is rendered
    assert [p.get_text() for p in casus.find_all("p")][1:] == ["Een team zet een chatbot in.", "Niemand kijkt mee."]
    answer = question.find(class_="gl-antwoord-inhoud")
    explanation = answer.find_all("p")
    assert explanation[1].find("a", class_="gl-artikel")["href"] == f"{EURLEX}#art_4"  # roles work in uitleg
    assert explanation[1].find("strong", string="elke") is not None
    assert "pas op 2 december 2027 (artikel 113)" in explanation[2].get_text()
    # Everything stays inside its question: the parsed parts sit in the right boxes, in order.
    assert question.find_next(class_="gl-vraag") is None
    assert [a.get_text() for a in explanation[-1].find_all("a")] == ["artikel 4", "artikel 26"]


def test_components_use_only_classes_that_the_extension_styles(built):
    """The card and the role cards have their own markup: each class they use is styled in geletterdheid.css
    (a renamed class would otherwise silently lose its look)."""
    stylesheet = (Path(built.outdir) / "_static" / "geletterdheid.css").read_text(encoding="utf-8")
    card = _soup(built, "modules/m02-vervolg.html").find(class_="gl-module-kaart")
    cards = _soup(built, "index.html").find(class_="gl-rolkaarten")
    used = {cls for part in (card, cards) for el in [part, *part.find_all(True)] for cls in el.get("class", [])}
    used -= {"simple", "reference", "internal", "doc", "gl-rolkeuze", "gl-rolkeuze-kaart"}  # Sphinx's, or hooks
    assert {"gl-module-kaart", "gl-module-kaart-titel", "gl-rolkaarten", "gl-rolkaart", "gl-rolkaart-titel"} <= used
    assert [cls for cls in sorted(used) if f".{cls}" not in stylesheet] == []


def test_catalog_parts_link_like_the_doc_role_from_every_folder_depth(built):
    card = _soup(built, "modules/m02-vervolg.html").find(class_="gl-module-kaart")
    link = card.find("a", string="Basis")
    assert link["href"] == "m01-basis.html" and link["class"] == ["reference", "internal"]
    assert card.find("a", string="Beleidsadviseur")["href"] == "../docs/rollen/beleidsadviseur.html"


def test_the_text_builder_writes_every_component_as_plain_text(tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-minimal", srcdir)
    app = SphinxTestApp("text", srcdir=srcdir, warningiserror=True)
    try:
        app.build()
        text = (Path(app.outdir) / "modules" / "m02-vervolg.txt").read_text(encoding="utf-8")
    finally:
        app.cleanup()
    assert "Over de plichten van de gebruiksverantwoordelijke" in text
    assert "Over deze module" in text and "Studietijd: 30 minuten · Niveau: Bekwaam" in text  # the card
    assert "Vraag 2. Geldt <artikel 4> & artikel 26 hier?" in text and "[ ] A. Ja, “altijd”" in text  # the quiz
    assert "het forum over Regels: https://forum.example.org/c/regels" in text  # the forum box
    assert "<form" not in text and "Juiste antwoord" not in text  # no HTML, no answers


def test_quiz_text_is_searchable_word_by_word(built):
    """The quiz is raw HTML, which Sphinx indexes with its tags stripped: words from neighbouring
    elements (an option and the next, the last option and 'Antwoord') must not melt together."""
    index = (Path(built.outdir) / "searchindex.js").read_text(encoding="utf-8")
    terms = set(json.loads(index[index.index("(") + 1 : index.rindex(")")])["terms"])
    assert {"onjuist", "stel"} <= terms  # "Onjuist" (an option) and "stelling" (a question), stemmed
    assert not [term for term in terms if term.startswith(("juistonjuist", "onjuistantwoord", "optieb"))]


def test_a_link_to_a_page_outside_the_build_is_an_error_naming_the_module_page(tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-minimal", srcdir)
    app = SphinxTestApp("html", srcdir=srcdir, confoverrides={"exclude_patterns": ["docs/rollen/beleidsadviseur.md"]})
    try:
        app.build()
        warnings = app.warning.getvalue()
    finally:
        app.cleanup()
    # Named with file and line of the card (the module page), not only the page being written.
    assert re.search(
        r"modules/m02-vervolg\.md:\d+: WARNING: pagina 'docs/rollen/beleidsadviseur' bestaat niet; "
        r"de link 'Beleidsadviseur' kan niet worden gemaakt",
        warnings,
    )


def test_warnings_are_typed_so_an_editor_sees_the_kind_and_a_site_can_silence_it(tmp_path):
    def edit(src: Path):
        page = src / "index.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nZie {artikel}`114` en {wet}`ooit`.\n", encoding="utf-8")

    code, output = _build_variant(tmp_path, edit)
    assert code != 0
    assert re.search(r"index\.md:\d+: WARNING: \{artikel\}: artikel 114 .*\[geletterdheid\.artikel\]", output)
    assert re.search(r"index\.md:\d+: WARNING: \{wet\}: onbekende sleutel 'ooit'.*\[geletterdheid\.wet\]", output)

    srcdir = tmp_path / "stil"
    shutil.copytree(ROOTS / "test-minimal", srcdir)
    edit(srcdir)
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + '\nsuppress_warnings = ["geletterdheid.artikel"]\n')
    app = SphinxTestApp("html", srcdir=srcdir)
    try:
        app.build()
        warnings = app.warning.getvalue()
    finally:
        app.cleanup()
    assert "geletterdheid.wet" in warnings and "artikel 114" not in warnings


def test_a_builder_without_visitors_for_the_components_builds_without_them(tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-minimal", srcdir)
    app = SphinxTestApp("latex", srcdir=srcdir, warningiserror=True)
    try:
        app.build()
        tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    finally:
        app.cleanup()
    assert "Over de plichten van de gebruiksverantwoordelijke" in tex  # the module's own text
    assert "Over deze module" not in tex  # the card is left out, not an error
