"""dia's.pptx opened with python-pptx as PowerPoint would: titles, no empty placeholders, no answers early."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from PIL import Image
from pptx import Presentation

from geletterdheid.curriculum import required_modules
from geletterdheid.workshop.kit import Kit, option_label
from geletterdheid.workshop.plan import plan_workshop
from geletterdheid.workshop.slides import slides_pptx


def _kit(catalog, minutes=480, logo=None):
    modules = required_modules(catalog, ["alle-medewerkers"])
    plan = plan_workshop(catalog, modules, minutes, dt.date(2026, 12, 14))
    return Kit(catalog, plan, "Gemeente Lindeveld", "Workshop AI-geletterdheid", logo=logo, role_id="alle-medewerkers")


@pytest.fixture(scope="module")
def deck(catalog):
    return Presentation(io.BytesIO(slides_pptx(_kit(catalog))))


def _text(shape) -> str:
    return shape.text_frame.text if shape.has_text_frame else ""


def _slide_text(slide) -> str:
    return "\n".join(_text(shape) for shape in slide.shapes)


def test_every_slide_has_a_title_first_and_no_empty_placeholder(deck):
    assert len(deck.slides) > 10
    for number, slide in enumerate(deck.slides, start=1):
        title = slide.shapes.title
        assert title is not None and title.text_frame.text.strip(), f"dia {number} heeft geen titel"
        assert list(slide.shapes)[0] == title, f"dia {number}: de titel komt niet eerst in de leesvolgorde"
        for placeholder in slide.placeholders:
            assert placeholder.text_frame.text.strip(), f"dia {number}: lege tijdelijke aanduiding"


def test_question_slides_do_not_give_the_answer_and_the_answers_come_at_the_end(deck, catalog):
    slides = list(deck.slides)
    titles = [s.shapes.title.text_frame.text for s in slides]
    question_slides = [i for i, t in enumerate(titles) if ": vraag " in t]
    answer_slides = [i for i, t in enumerate(titles) if t.startswith("Antwoorden: ")]
    questions = sum(len(catalog.quizzes[m].questions) for m in ("m01", "m02", "m03", "m04"))
    assert len(question_slides) == questions
    assert answer_slides and min(answer_slides) > max(question_slides)
    explanations = [q.explanation for m in ("m01", "m02", "m03", "m04") for q in catalog.quizzes[m].questions]
    for i in question_slides:
        text = _slide_text(slides[i]) + slides[i].notes_slide.notes_text_frame.text
        assert not any(explanation in text for explanation in explanations), titles[i]
        assert "juist antwoord" not in text.lower()
    answers = "\n".join(_slide_text(slides[i]) for i in answer_slides)
    first = catalog.quizzes["m01"].questions[0]
    assert f"Vraag 1: {', '.join(option_label(first, k) for k in first.correct)}" in answers
    notes = "\n".join(slides[i].notes_slide.notes_text_frame.text for i in answer_slides)
    assert first.explanation in notes


def test_module_slides_carry_the_trainer_notes(deck, catalog):
    notes = catalog.modules["m01"].trainer
    texts = {s.shapes.title.text_frame.text: s for s in deck.slides}
    key_points = texts["Kernpunten: Wat is AI?"]
    assert all(point in _slide_text(key_points) for point in notes.key_points)
    assert notes.misconceptions[0].correction in key_points.notes_slide.notes_text_frame.text
    case = texts["Casus: Wat is AI?"]
    assert notes.case.summary in _slide_text(case) and notes.case.work_form in _slide_text(case)


def test_all_text_is_dutch_and_the_deck_has_a_title(deck):
    assert deck.core_properties.title == "Workshop AI-geletterdheid"
    assert deck.core_properties.language == "nl-NL"
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                for paragraph in shape.text_frame.paragraphs:
                    for run in paragraph.runs:
                        assert run._r.get_or_add_rPr().get("lang") == "nl-NL"


def test_the_logo_is_on_the_title_slide_with_alt_text(catalog, tmp_path):
    logo = tmp_path / "logo.png"
    Image.new("RGB", (200, 80), "navy").save(logo)
    deck = Presentation(io.BytesIO(slides_pptx(_kit(catalog, logo=logo))))
    pictures = [shape for shape in deck.slides[0].shapes if shape.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
    assert len(pictures) == 1
    assert pictures[0]._element.nvPicPr.cNvPr.get("descr") == "Logo van Gemeente Lindeveld"


def test_a_short_session_shows_only_what_is_taught_and_names_the_homework(catalog):
    kit = _kit(catalog, minutes=60)
    deck = Presentation(io.BytesIO(slides_pptx(kit)))
    text = "\n".join(_slide_text(s) for s in deck.slides)
    taught = {m.id for m in kit.plan.taught}
    assert "m04" not in taught
    assert "Verantwoord werken met generatieve AI: vraag" not in text
    assert "Na de workshop:" in text and "Verantwoord werken met generatieve AI" in text
