"""Item analysis for people: a terminal table and a CSV of quiz.stats results."""

from __future__ import annotations

from collections.abc import Iterator

from ..content.model import Quiz
from ..dutch import count
from ..quiz.stats import NOT_DISCRIMINATING_BELOW, TOO_EASY_ABOVE, TOO_HARD_BELOW, QuizStatistics
from .spreadsheet import Dialect, neutralise, number

CSV_HEADER = ["vraag_id", "type", "eerste_pogingen", "p_waarde", "onderscheidend_vermogen", "signalen"]
#: Below this many first attempts the figures of a question say too little to judge it by.
MIN_ATTEMPTS = 30


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}%".replace(".", ",")


def format_report(quiz: Quiz, stats: QuizStatistics) -> str:
    types = {question.id: question.type for question in quiz.questions}
    enough = stats.attempt_count >= MIN_ATTEMPTS
    lines = [
        f"Itemanalyse toets {quiz.module} op {count(stats.attempt_count, 'eerste poging', 'eerste pogingen')}",
        "",
    ]
    if not enough:
        lines += [
            f"Te weinig pogingen om de vragen te beoordelen: {stats.attempt_count} van de minstens "
            f"{MIN_ATTEMPTS} die nodig zijn. De cijfers hieronder zijn nog toeval; daarom staan er geen signalen bij.",
            "",
        ]
    rows = [("Vraag", "Type", "p-waarde", "Onderscheidend vermogen", "Signaal")]
    for question in stats.questions:
        rows.append(
            (
                question.question_id,
                types[question.question_id],
                _percent(None if question.facility is None else 100 * question.facility),
                _percent(question.discrimination_percent),
                ", ".join(question.flags) if enough else "",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        lines.append(
            "  ".join(
                cell.ljust(width) if i in (0, 1, 4) else cell.rjust(width)
                for i, (cell, width) in enumerate(zip(row, widths, strict=True))
            ).rstrip()
        )
    alpha = "-" if stats.cronbach_alpha is None else f"{stats.cronbach_alpha:.2f}".replace(".", ",")
    lines += [
        "",
        f"Betrouwbaarheid (Cronbach's alpha, 'internal consistency'): {alpha}",
        "",
        "p-waarde (moeilijkheid, 'facility' of 'difficulty'): welk deel van de eerste pogingen de vraag goed had; "
        "hoe hoger, hoe makkelijker.",
        "Onderscheidend vermogen (discriminatie-index, 'discrimination index'): hoe goed de vraag de mensen die de "
        "rest van de toets goed maken scheidt van wie dat niet doet.",
        f"Signalen: te makkelijk bij een p-waarde boven {TOO_EASY_ABOVE:.0%}, te moeilijk onder {TOO_HARD_BELOW:.0%}, "
        f"onderscheidt niet bij een onderscheidend vermogen onder {NOT_DISCRIMINATING_BELOW:.0f}%"
        f" (alleen vanaf {MIN_ATTEMPTS} eerste pogingen).",
    ]
    return "\n".join(lines)


def csv_rows(quiz: Quiz, stats: QuizStatistics, dialect: Dialect) -> Iterator[list[str]]:
    types = {question.id: question.type for question in quiz.questions}
    for question in stats.questions:
        yield [
            neutralise(question.question_id),
            types[question.question_id],
            str(stats.attempt_count),
            number(None if question.facility is None else 100 * question.facility, dialect),
            number(question.discrimination_percent, dialect),
            "|".join(question.flags) if stats.attempt_count >= MIN_ATTEMPTS else "te weinig pogingen",
        ]
