"""``dia's.pptx``: editable slides for the workshop, made with python-pptx.

Accessible as PowerPoint's checker asks: every slide has a title (a real title placeholder, first
in reading order), no empty placeholders are left, the logo has alt text, and all text is marked
Dutch. Question slides show no answer; the answers come on slides of their own at the end, and the
speaker notes of a question slide do not give it away either (a presenter view is often shared).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from pptx import Presentation
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide
from pptx.text.text import TextFrame
from pptx.util import Inches, Pt

from ..content.model import Module, Question, Quiz, dutch_date
from ..dutch import join_names
from .kit import Kit, numbered, option_label

LANGUAGE = "nl-NL"
#: python-pptx's default template: 0 "Title Slide", 1 "Title and Content".
TITLE_LAYOUT, CONTENT_LAYOUT = 0, 1
#: Answers per answer slide: more does not stay readable at the back of a room.
ANSWERS_PER_SLIDE = 6
#: Raster formats PowerPoint places as pictures (python-pptx cannot place SVG).
PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg")


@dataclass(frozen=True)
class Line:
    """One paragraph of a slide body, at an outline level (0 or 1)."""

    text: str
    level: int = 0
    bold: bool = False


def slides_pptx(kit: Kit) -> bytes:
    """The presentation as bytes."""
    deck = Presentation()
    deck.core_properties.title = kit.title
    deck.core_properties.author = kit.gemeente
    deck.core_properties.language = LANGUAGE
    deck.core_properties.subject = "AI-geletterdheid (AI-verordening, artikel 4)"
    _title_slide(deck, kit)
    _goals_slide(deck, kit)
    _programme_slide(deck, kit)
    shown: list[Quiz] = []
    for module in kit.plan.taught:
        _module_slides(deck, kit, module)
        quiz = kit.quiz(module.id)
        if quiz is not None:
            shown.append(quiz)
            for number, question in numbered(quiz):
                _question_slide(deck, module, quiz, number, question)
    for quiz in shown:
        _answer_slides(deck, kit.catalog.modules[quiz.module], quiz)
    _close_slide(deck, kit)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def _title_slide(deck: PresentationType, kit: Kit) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_LAYOUT])
    _fill(_title_frame(slide), [Line(kit.title)])
    subtitle = [kit.gemeente]
    if kit.plan.date is not None:
        subtitle.append(f"{dutch_date(kit.plan.date)}, {kit.plan.clock(0)}-{kit.plan.clock(kit.plan.minutes)}")
    _fill(_body_frame(slide), [Line(text) for text in subtitle])
    if kit.logo is not None and kit.logo.suffix.lower() in PICTURE_SUFFIXES:
        picture = slide.shapes.add_picture(str(kit.logo), Inches(0.4), Inches(0.3), height=Inches(0.9))
        picture.name = "Logo"
        # The alt text PowerPoint and screen readers use (cNvPr/@descr).
        picture._element.nvPicPr.cNvPr.set("descr", f"Logo van {kit.gemeente}")
    _notes(
        slide,
        [
            f"Welkom. Deze workshop duurt {kit.plan.minutes} minuten.",
            "Vraag wie al met AI werkt, en waarvoor. Noem het doel: AI-geletterdheid volgens artikel 4 "
            "van de AI-verordening.",
        ],
    )


def _goals_slide(deck: PresentationType, kit: Kit) -> None:
    lines: list[Line] = []
    for module in kit.plan.taught:
        lines += [Line(module.title, bold=True), Line(module.summary, level=1)]
    slide = _content_slide(deck, "Doelen van vandaag", lines)
    _notes(slide, ["Elk deel begint met zijn leerdoelen. Vraag wat deelnemers zelf willen weten."])


def _programme_slide(deck: PresentationType, kit: Kit) -> None:
    plan = kit.plan
    lines: list[Line] = []
    module_blocks: dict[str, list[int]] = {}
    for block in plan.blocks:
        if block.module_id is not None:
            module_blocks.setdefault(block.module_id, []).append(block.start)
            module_blocks[block.module_id].append(block.end)
    shown: set[str] = set()
    for block in plan.blocks:
        if block.module_id is None:
            lines.append(Line(f"{plan.clock(block.start)}  {block.title}"))
        elif block.module_id not in shown:
            shown.add(block.module_id)
            times = module_blocks[block.module_id]
            title = kit.catalog.modules[block.module_id].title
            lines.append(Line(f"{plan.clock(min(times))}  {title}"))
    if plan.homework:
        lines.append(Line("Na de workshop: " + _homework_summary(kit), bold=True))
    slide = _content_slide(deck, "Programma", lines)
    _notes(slide, ["Loop het programma kort door. Zeg wat na de workshop nog komt."])


def _module_slides(deck: PresentationType, kit: Kit, module: Module) -> None:
    notes = module.trainer
    goals = [Line(goal) for goal in module.learning_goals]
    slide = _content_slide(deck, module.title, [Line("Na dit deel kun je:", bold=True), *goals])
    parts = kit.plan.parts[module.id]
    _notes(
        slide,
        [
            f"Tijd voor dit deel: kernpunten {parts.explain} min., casus {parts.case} min., "
            f"bespreking {parts.discussion} min.",
        ],
    )
    if notes is None:
        return
    slide = _content_slide(deck, f"Kernpunten: {module.title}", [Line(point) for point in notes.key_points])
    _notes(
        slide,
        ["Veelgehoorde misverstanden:"]
        + [f"'{m.claim}' Wat wel klopt: {m.correction} ({_provisions(m.articles)})" for m in notes.misconceptions],
    )
    case = notes.case
    slide = _content_slide(
        deck,
        f"Casus: {module.title}",
        [
            Line(case.summary),
            Line(f"{case.work_form}, {case.minutes} minuten", bold=True),
            Line(case.assignment, level=1),
        ],
    )
    _notes(slide, [f"Werkvorm: {case.work_form}, {case.minutes} minuten.", f"Opdracht: {case.assignment}"])
    slide = _content_slide(
        deck, f"Bespreking: {module.title}", [Line(question) for question in notes.discussion_questions]
    )
    _notes(
        slide,
        ["Laat eerst de groepjes vertellen wat ze vonden. Verbeter waar nodig:"]
        + [f"{m.claim} Wel juist: {m.correction} ({_provisions(m.articles)})" for m in notes.misconceptions],
    )


def _question_slide(deck: PresentationType, module: Module, quiz: Quiz, number: int, question: Question) -> None:
    lines: list[Line] = []
    if question.case:
        lines.append(Line(question.case))
    lines.append(Line(question.text, bold=True))
    lines += [Line(f"{option_label(question, key)}. {text}", level=1) for key, text in question.options.items()]
    slide = _content_slide(deck, f"{module.title}: vraag {number} van {len(quiz.questions)}", lines)
    kind = {
        "enkelvoudig": "Eén antwoord is goed.",
        "meervoudig": "Eén of meer antwoorden zijn goed.",
        "juist-onwaar": "Juist of onjuist?",
    }[question.type]
    _notes(slide, [f"Vraag {question.id}. {kind} Het antwoord staat op de dia's aan het eind."])


def _answer_slides(deck: PresentationType, module: Module, quiz: Quiz) -> None:
    questions = numbered(quiz)
    chunks = [questions[i : i + ANSWERS_PER_SLIDE] for i in range(0, len(questions), ANSWERS_PER_SLIDE)]
    for index, chunk in enumerate(chunks, start=1):
        title = f"Antwoorden: {module.title}"
        if len(chunks) > 1:
            title += f" ({index} van {len(chunks)})"
        lines = [Line(f"Vraag {number}: {', '.join(option_label(q, key) for key in q.correct)}") for number, q in chunk]
        slide = _content_slide(deck, title, lines)
        _notes(slide, [f"Vraag {number} ({q.id}): {q.explanation}" for number, q in chunk])


def _close_slide(deck: PresentationType, kit: Kit) -> None:
    lines = [Line("Praat verder met collega's op het forum:", bold=True)]
    seen: set[str] = set()
    for module in kit.modules:
        url = kit.forum_url(module)
        if url and url not in seen:
            seen.add(url)
            topic = kit.catalog.topics[module.topic]
            lines.append(Line(f"{topic.title}: {url}", level=1))
    if not seen:
        lines = []
    if kit.role_id is not None:
        role = kit.catalog.roles[kit.role_id]
        lines.append(Line(f"Volg je leerpad {role.title} verder op de website.", bold=True))
    if kit.plan.homework:
        lines.append(Line("Na de workshop: " + _homework_summary(kit), bold=True))
    lines.append(Line("Vragen? Stel ze nu, of later op het forum."))
    slide = _content_slide(deck, "Hoe verder?", lines)
    _notes(slide, ["Vraag wat deelnemers morgen anders gaan doen. Wijs op het forum en het leerpad."])


def _homework_summary(kit: Kit) -> str:
    quizzes = [h.module_id for h in kit.plan.homework if h.part == "toets"]
    modules = [h.module_id for h in kit.plan.homework if h.part == "module"]
    titles = kit.catalog.modules
    parts = []
    if quizzes:
        parts.append("de toets van " + join_names([titles[m].title for m in quizzes]))
    if modules:
        parts.append("de modules " + join_names([titles[m].title for m in modules]) + " (lezen en toets)")
    return join_names(parts) + "."


def _provisions(articles: Iterable[str]) -> str:
    return "artikel " + ", ".join(articles)


# --- slide building -------------------------------------------------------------------------------


def _content_slide(deck: PresentationType, title: str, lines: list[Line]) -> Slide:
    slide = cast(Slide, deck.slides.add_slide(deck.slide_layouts[CONTENT_LAYOUT]))
    _fill(_title_frame(slide), [Line(title)])
    if lines:
        body = _body_frame(slide)
        body.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE  # PowerPoint shrinks long texts when it opens the file
        body.word_wrap = True
        _fill(body, lines, size=Pt(20) if sum(len(line.text) for line in lines) < 500 else Pt(16))
    else:
        _remove_body(slide)
    return slide


def _title_frame(slide: Slide) -> TextFrame:
    title = slide.shapes.title
    assert title is not None  # both layouts used have a title placeholder
    return cast(TextFrame, title.text_frame)


def _body_frame(slide: Slide) -> TextFrame:
    body = next(ph for ph in slide.placeholders if ph.placeholder_format.idx == 1)
    return cast(TextFrame, body.text_frame)


def _remove_body(slide: Slide) -> None:
    for placeholder in list(slide.placeholders):
        if placeholder.placeholder_format.idx != 0:
            element = placeholder._element
            element.getparent().remove(element)


def _fill(frame: TextFrame, lines: list[Line], size: Pt | None = None) -> None:
    frame.clear()  # type: ignore[no-untyped-call]  # python-pptx leaves it unannotated; keeps one empty paragraph
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()  # type: ignore[no-untyped-call]
        paragraph.level = line.level
        run = paragraph.add_run()
        run.text = line.text
        run.font.bold = line.bold or None
        if size is not None:
            run.font.size = size
        run._r.get_or_add_rPr().set("lang", LANGUAGE)


def _notes(slide: Slide, paragraphs: list[str]) -> None:
    frame = slide.notes_slide.notes_text_frame
    assert frame is not None  # the default notes master has a body placeholder
    _fill(frame, [Line(text) for text in paragraphs])
