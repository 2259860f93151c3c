"""``antwoordblad.pdf``: for the trainer only. Per quiz of the kit the correct answer(s) of every
question, in the form's numbering, with the uitleg, and what the pass mark means in points."""

from __future__ import annotations

import math

from ...content.model import Question, Quiz
from ...content.reading_text import plain_text
from ...dutch import count
from ...typst_syntax import escape, join_blocks
from ..kit import Kit, numbered, option_label
from .common import gemeente_line, preamble, text, toets_file

TITLE = "Antwoordblad"
SCORING = (
    "Elke vraag is 1 punt waard. Bij 'Kies alle antwoorden die kloppen' telt elk goed aangekruist antwoord voor "
    "een deel van het punt en kost elk fout aangekruist antwoord een even groot deel (nooit minder dan 0 punten). "
    "Twee kruisjes bij 'Kies één antwoord' of bij juist/onjuist geven 0 punten."
)


def correct_labels(question: Question) -> str:
    """'B', 'A, C en D' or 'Onjuist': how the form names the correct option(s)."""
    labels = [option_label(question, key) for key in question.correct]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " en " + labels[-1]


def _number(value: float) -> str:
    """A number of points the Dutch way: '7', '8,4'."""
    return f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")


def pass_mark_text(quiz: Quiz) -> str:
    total = len(quiz.questions)
    points = total * quiz.pass_mark / 100
    whole = math.ceil(points - 1e-9)
    text_ = (
        f"Slaaggrens: {quiz.pass_mark}%. Bij {count(total, 'vraag', 'vragen')} is dat minstens {_number(points)} "
        f"van de {total} punten"
    )
    if whole == points:
        return f"{text_}: {count(whole, 'vraag', 'vragen')} helemaal goed."
    return f"{text_}: {count(whole, 'vraag', 'vragen')} helemaal goed, of minder met genoeg deelpunten."


def _quiz(kit: Kit, quiz: Quiz) -> str:
    module = kit.catalog.modules[quiz.module]
    rows = []
    for number, question in numbered(quiz):
        explanation = plain_text(question.explanation, kit.catalog.legal)
        rows.append(
            f"[{number}], {text(question.id)}, [#strong{text(correct_labels(question))}], "
            f"[{escape(question.text)}\n\n#text(fill: luma(60))[{escape(explanation)}]]"
        )
    form = f"Formulier {toets_file(quiz.module)} · {count(len(rows), 'vraag', 'vragen')}"
    return join_blocks(
        [
            f"== {escape(module.title)}",
            f"#klein[{escape(form)}]",
            f"#strong[{escape(pass_mark_text(quiz))}]",
            "#table(columns: (auto, auto, auto, 1fr),\n  table.header([*Nr.*], [*Vraag-id*], [*Juist*], "
            "[*Vraag en uitleg*]),\n  " + ",\n  ".join(rows) + ")",
        ]
    )


def antwoordblad_source(kit: Kit) -> str:
    """The Typst markup of the answer sheet of all the kit's quizzes."""
    quizzes = kit.quizzes()
    description = f"De juiste antwoorden en de uitleg bij {count(len(quizzes), 'toets', 'toetsen')}; voor de trainer."
    blocks = [
        preamble(kit, f"{TITLE}: {kit.title}", description),
        gemeente_line(kit),
        f"= {TITLE}",
        f"#klein[{escape(kit.title)}]",
        '#block(width: 100%, stroke: 1.5pt + rgb("#b3261e"), inset: 3mm, radius: 1mm)'
        '[#text(weight: "bold", fill: rgb("#b3261e"))[Alleen voor de trainer: niet uitdelen.]]',
        escape(
            "Per toets de juiste antwoorden, met dezelfde nummers als op de toetsformulieren, en de uitleg om "
            "na afloop te bespreken. " + SCORING
        ),
        *(_quiz(kit, quiz) for quiz in quizzes),
    ]
    return join_blocks(blocks) + "\n"
