"""The kit's PDF documents (draaiboek, toets forms, antwoordblad, presentielijst), compiled from
the repository content and read back with pypdf: what a trainer and a participant see on paper."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from geletterdheid.content import Catalog, Module, load_catalog
from geletterdheid.content.reading_text import plain_text
from geletterdheid.workshop.documents import (
    DocumentError,
    compile_document,
    draaiboek_source,
    kit_documents,
    presentielijst_source,
)
from geletterdheid.workshop.kit import EMPTY_ROWS, Kit, Participant, numbered, option_label
from geletterdheid.workshop.plan import plan_workshop
from pdf_support import assert_tagged_dutch_pdf_ua, flat, page_texts, reader_of, struct_elements
from repo_paths import REPO

GEMEENTE = "Gemeente Testdorp"
TITLE = "Workshop AI-geletterdheid: leerpad Alle medewerkers"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    loaded, problems = load_catalog(REPO)
    assert loaded is not None, problems
    return loaded


def _modules(catalog: Catalog, *ids: str, without_notes: tuple[str, ...] = ()) -> list[Module]:
    """The modules, those in ``without_notes`` stripped of their trainer notes (as a gemeente's own module)."""
    return [
        catalog.modules[i].model_copy(update={"trainer": None}) if i in without_notes else catalog.modules[i]
        for i in ids
    ]


def _kit(catalog: Catalog, modules: list[Module], minutes: int, **kwargs) -> Kit:
    plan = plan_workshop(catalog, modules, minutes, date=dt.date(2027, 3, 9))
    return Kit(catalog, plan, GEMEENTE, TITLE, **kwargs)


@pytest.fixture(scope="module")
def kit(catalog) -> Kit:
    """m01 with its trainer notes and m02 without (the plan falls back on its length)."""
    return _kit(catalog, _modules(catalog, "m01", "m02", without_notes=("m02",)), 120)


@pytest.fixture(scope="module")
def documents(kit) -> dict[str, bytes]:
    return kit_documents(kit)


def _text(pdf: bytes) -> str:
    return flat("\n".join(page_texts(pdf)))


def test_the_kit_has_every_document_tagged_dutch_and_titled(documents):
    assert sorted(documents) == [
        "antwoordblad.pdf",
        "draaiboek.pdf",
        "presentielijst.pdf",
        "toets-m01.pdf",
        "toets-m02.pdf",
    ]
    titles = {
        "draaiboek.pdf": f"Draaiboek: {TITLE}",
        "toets-m01.pdf": "Toets: Wat is AI?",
        "antwoordblad.pdf": f"Antwoordblad: {TITLE}",
        "presentielijst.pdf": f"Presentielijst: {TITLE}",
    }
    for name, pdf in documents.items():
        reader = assert_tagged_dutch_pdf_ua(pdf, titles.get(name))
        kinds = {element["/S"] for element in struct_elements(reader)}
        assert {"/H1", "/P"} <= kinds, name
        assert GEMEENTE in reader.pages[0].extract_text(), name


_ROW = re.compile(r"(\d\d):(\d\d)–(\d\d):(\d\d) (\d+) min")


@pytest.mark.parametrize("minutes", [60, 120, 240])
def test_the_programme_runs_from_start_to_end_and_its_minutes_add_up(catalog, minutes):
    kit = _kit(catalog, _modules(catalog, "m01", "m02", "m03", "m04", without_notes=("m03",)), minutes)
    text = _text(compile_document(draaiboek_source(kit)))
    programme = text[text.index("Programma") : text.index("Totaal")]
    rows = [tuple(map(int, row)) for row in _ROW.findall(programme)]
    assert len(rows) == len(kit.plan.blocks)
    clock = 9 * 60
    for start_h, start_m, end_h, end_m, length in rows:
        assert start_h * 60 + start_m == clock  # each block starts when the one before ends
        assert end_h * 60 + end_m - clock == length
        clock += length
    assert sum(row[-1] for row in rows) == minutes == clock - 9 * 60
    assert f"Totaal {minutes} min" in text


def test_the_draaiboek_says_what_does_not_fit_as_homework(catalog):
    kit = _kit(catalog, _modules(catalog, "m01", "m02", "m03", "m04"), 60)
    assert kit.plan.homework
    text = _text(compile_document(draaiboek_source(kit)))
    homework = text[text.index("Huiswerk Past niet in de tijd") : text.index("Voor de trainer")]
    for item in kit.plan.homework:
        assert catalog.modules[item.module_id].title in homework
    quiz_only = [h.module_id for h in kit.plan.homework if h.part == "toets"]
    for module_id in quiz_only:
        assert f"toets-{module_id}.pdf" in homework
    if quiz_only:
        assert "online" in homework and "op papier" in homework
    whole = [h.module_id for h in kit.plan.homework if h.part == "module"]
    assert whole and "lezen ze thuis" in homework
    # A module read at home has no trainer section; its quiz form is still in the kit.
    trainer_part = text[text.index("Voor de trainer") :]
    for module_id in whole:
        assert f"toets-{module_id}.pdf" in text
        assert f"{catalog.modules[module_id].title} Tijd in de workshop" not in trainer_part


def test_a_plan_without_homework_has_no_homework_section(catalog):
    kit = _kit(catalog, _modules(catalog, "m01"), 120)
    assert not kit.plan.homework
    assert "Huiswerk" not in _text(compile_document(draaiboek_source(kit)))


def test_the_draaiboek_holds_goals_trainer_notes_and_the_forum(kit, documents, catalog):
    text = _text(documents["draaiboek.pdf"])
    m01, m02 = kit.modules
    notes = m01.trainer
    assert notes is not None
    assert "Datum: 9 maart 2027" in text and "Duur: 2 uur (120 minuten)" in text
    goals = text[text.index("Doelen") : text.index("Programma")]
    for goal in [*m01.learning_goals, *m02.learning_goals]:
        assert goal in goals
    trainer = text[text.index("Voor de trainer") : text.index("Voorbereiding")]
    own, other = trainer.split(m02.title + " Tijd in de workshop")
    for point in notes.key_points:
        assert point in own
    assert notes.case.summary in own and notes.case.assignment in own
    assert f"Werkvorm: {notes.case.work_form}, {notes.case.minutes} minuten." in own
    for question in notes.discussion_questions:
        assert question in own
    for misconception in notes.misconceptions:
        assert misconception.claim in own and misconception.correction in own
    assert "Veelgehoorde misverstanden Misverstand Wat wel klopt Artikel" in own
    assert kit.forum_url(m01) in own
    # m02 has no trainer notes: the trainer is told, and the plan used the module's length.
    assert "Deze module heeft geen aantekeningen voor de trainer" in other
    assert f"studietijd van de module ({m02.duration_minutes} minuten)" in other
    assert kit.forum_url(m02) in other


def test_a_gemeente_without_forum_gets_no_forum_lines(catalog):
    kit = _kit(dataclasses.replace(catalog, forum=False), _modules(catalog, "m01"), 60)
    text = _text(compile_document(draaiboek_source(kit)))
    assert "Voor de trainer" in text and "forum.gemeente.example" not in text and "Verder praten" not in text
    assert "het forum" not in text


def test_the_draaiboek_prepares_printing_and_the_imports(kit, documents):
    text = _text(documents["draaiboek.pdf"])
    preparation = text[text.index("Voorbereiding") : text.index("Materialen")]
    assert "toets-m01.pdf" in preparation and "presentielijst.pdf" in preparation
    assert "antwoordblad.pdf" in preparation and "Deel het niet uit" in preparation
    assert "dia's.pptx" in preparation and "scoreblad.xlsx" in preparation
    assert "geletterdheid responses import scoreblad.xlsx" in preparation
    assert (
        f'geletterdheid attendance import scoreblad.xlsx --workshop "{TITLE}" --datum 2027-03-09 '
        "--modules m01,m02 --duur 120 --trainer"
    ) in preparation
    materials = text[text.index("Materialen") :]
    for name in ("draaiboek.pdf", "dia's.pptx", "toets-m01.pdf", "toets-m02.pdf", "antwoordblad.pdf"):
        assert name in materials


def test_the_draaiboek_shows_the_logo_with_alt_text(catalog, tmp_path: Path):
    logo = tmp_path / "logo.svg"
    logo.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>', "utf-8"
    )
    kit = _kit(catalog, _modules(catalog, "m01"), 60, logo=logo)
    reader = reader_of(kit_documents(kit)["draaiboek.pdf"])
    alts = [element.get("/Alt") for element in struct_elements(reader) if element["/S"] == "/Figure"]
    assert alts == [f"Logo van {GEMEENTE}"]


@pytest.mark.parametrize("module_id", ["m01", "m02"])
def test_a_toets_form_has_the_fields_and_every_question_but_no_answers(kit, documents, module_id):
    quiz = kit.quiz(module_id)
    pdf = documents[f"toets-{module_id}.pdf"]
    text = _text(pdf)
    for field in ("Naam", "Personeelsnummer", "Datum"):
        assert field in text
    assert "Kies één antwoord" in text and "één of meer" in text
    for number, question in numbered(quiz):
        assert f"Vraag {number} {question.id}" in text
        assert question.text in text
        if question.case:
            assert plain_text(question.case, kit.catalog.legal)[:80] in text, question.id
        for key in question.options:
            assert option_label(question, key) in text
    for question in quiz.questions:  # no uitleg: not a single sentence of it
        for sentence in re.split(r"(?<=[.!?])\s+", plain_text(question.explanation, kit.catalog.legal)):
            if len(sentence) > 25:
                assert sentence not in text, question.id
    for marking in ("Juiste antwoord", "Juist antwoord", "juiste antwoorden", "✓", "(juist", "Uitleg", "Antwoord:"):
        assert marking not in text


def test_a_question_stays_on_one_page_with_its_options(kit, documents):
    for quiz in kit.quizzes():
        pages = [flat(page) for page in page_texts(documents[f"toets-{quiz.module}.pdf"])]
        assert len(pages) > 1  # the test means something only when the form breaks over pages
        for _, question in numbered(quiz):
            page = next(page for page in pages if question.id in page)
            last_option = list(question.options.values())[-1]
            assert question.text in page and last_option in page, question.id


def test_the_antwoordblad_gives_every_question_its_correct_label_uitleg_and_pass_mark(kit, documents):
    text = _text(documents["antwoordblad.pdf"])
    assert "Alleen voor de trainer" in text
    for quiz in kit.quizzes():
        assert f"Slaaggrens: {quiz.pass_mark}%" in text
        for number, question in numbered(quiz):
            labels = [option_label(question, key) for key in question.correct]
            expected = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " en " + labels[-1]
            assert re.search(rf"\b{number} {question.id} {re.escape(expected)} ", text), question.id
            assert plain_text(question.explanation, kit.catalog.legal)[:60] in text
    m01 = kit.quiz("m01")
    assert len(m01.questions) == 10 and m01.pass_mark == 70
    assert "Bij 10 vragen is dat minstens 7 van de 10 punten: 7 vragen helemaal goed." in text


def test_the_presentielijst_holds_the_participants_with_a_header_on_every_page(catalog):
    people = tuple(Participant(f"{n:06d}", f"Deelnemer {n}", "Burgerzaken") for n in range(1, 41))
    kit = _kit(catalog, _modules(catalog, "m01"), 60, participants=people)
    pdf = compile_document(presentielijst_source(kit))
    assert_tagged_dutch_pdf_ua(pdf)
    pages = [flat(page) for page in page_texts(pdf)]
    assert len(pages) > 1
    for page in pages:  # the header row repeats
        assert "Personeelsnummer Naam Afdeling Handtekening" in page
    text = " ".join(pages)
    assert "Datum: 9 maart 2027" in text and "Trainer" in text and TITLE in text
    for person in people:
        assert f"{person.employee_id} {person.name} {person.department}" in text


def test_an_empty_presentielijst_has_rows_to_fill_in(catalog):
    kit = _kit(catalog, _modules(catalog, "m01"), 60)
    reader = reader_of(compile_document(presentielijst_source(kit)))
    rows = [element for element in struct_elements(reader) if element["/S"] == "/TR"]
    assert len(rows) == 1 + EMPTY_ROWS  # the header and the empty rows


def test_a_typst_failure_is_a_dutch_user_error():
    with pytest.raises(DocumentError, match="Typst kon draaiboek.pdf niet maken"):
        compile_document("#let x = (", name="draaiboek.pdf")
