"""``toets-<module>.pdf``: the paper quiz form of one module, to fill in during or after the workshop.

Numbered questions (the score sheet uses the same numbers) with their id in small print, each kept
on one page with its casus and options, an empty box before every option. No correct answers and
no uitleg: those are on the trainer's answer sheet.
"""

from __future__ import annotations

from ...content.model import Question, Quiz
from ...content.reading_text import plain_text
from ...dutch import QUESTION_HINTS, count
from ...typst_syntax import escape, join_blocks
from ..kit import Kit, numbered, option_label
from .common import gemeente_line, preamble, text, toets_file

INSTRUCTION = (
    "Zet een kruisje in het vakje voor je antwoord. "
    "Staat er 'Kies één antwoord', dan zet je één kruisje. "
    "Staat er 'Kies alle antwoorden die kloppen', dan zet je een kruisje bij elk antwoord dat klopt: "
    "dat kunnen er één of meer zijn. "
    "Staat er 'Kies juist of onjuist', dan kies je er één. "
    "Wil je een antwoord veranderen? Maak het vakje helemaal zwart en zet een kruisje in een ander vakje."
)


def toets_title(kit: Kit, quiz: Quiz) -> str:
    return f"Toets: {kit.catalog.modules[quiz.module].title}"


def _question(kit: Kit, number: int, question: Question) -> str:
    parts = [f"#strong[Vraag {number}] #h(0.6em) #klein[{escape(question.id)}]"]
    if question.case:
        case = "\n\n".join(escape(p) for p in plain_text(question.case, kit.catalog.legal).split("\n\n"))
        parts.append(f"#block(width: 100%, fill: luma(245), inset: 3mm, radius: 1mm)[#strong[Casus]\n\n{case}]")
    parts.append(escape(question.text))
    parts.append(f'#text(size: 9pt, style: "italic")[{escape(QUESTION_HINTS[question.type])}]')
    cells = []
    for key, option in question.options.items():
        label = option_label(question, key)
        shown = "[]" if option == label else text(option)  # "Juist" needs no second "Juist"
        cells.append(f"vak, strong{text(label)}, {shown}")
    parts.append(
        "#grid(columns: (1.5em, auto, 1fr), row-gutter: 0.7em, column-gutter: 0.8em, align: top,\n  "
        + ",\n  ".join(cells)
        + ")"
    )
    # One block per question: a question never breaks from its options.
    return "#block(width: 100%, breakable: false, above: 1.4em, below: 0.8em)[" + "\n\n".join(parts) + "]"


def toets_source(kit: Kit, quiz: Quiz) -> str:
    """The Typst markup of the paper form of ``quiz``."""
    module = kit.catalog.modules[quiz.module]
    title = toets_title(kit, quiz)
    questions = numbered(quiz)
    description = f"Toetsformulier bij de module {module.title} ({count(len(questions), 'vraag', 'vragen')})."
    blocks = [
        preamble(kit, title, description),
        gemeente_line(kit),
        f"= {escape(title)}",
        f"#klein[{escape(f'{kit.title} · formulier {toets_file(quiz.module)}')}]",
        "#v(2mm)\n#veld[Naam]\n#v(3mm)\n#veld[Personeelsnummer]\n#v(3mm)\n#veld[Datum]\n#v(4mm)",
        escape(
            f"Deze toets heeft {count(len(questions), 'vraag', 'vragen')}. Je hebt hem gehaald als je minstens "
            f"{quiz.pass_mark}% goed hebt."
        ),
        escape(INSTRUCTION),
        *(_question(kit, number, question) for number, question in questions),
    ]
    return join_blocks(blocks) + "\n"
