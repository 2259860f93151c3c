"""A workshop score workbook exactly as the workshop kit writes it (the layout contract of issue 14).

* "Presentielijst" (first sheet): medewerker_id, naam, afdeling, aanwezig (ja, nee or empty);
* one sheet per quiz, "Toets <module id>": medewerker_id, naam, tijdstip, then "N. <question id>"
  in the quiz's bank order; tijdstip is an Excel datetime in every row, also the empty ones;
* rows are prefilled participants, then empty rows (only tijdstip) up to 30 in all.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

SESSION = dt.datetime(2025, 3, 4, 13, 30)
EMPTY_ROWS = 30


def write_scoreblad(
    path: Path,
    catalog,
    attendance: list[tuple[str, str, str, str]],
    answers: dict[str, list[tuple[str, str, list[str]]]],
    session: dt.datetime = SESSION,
    headers: dict[str, list[str]] | None = None,
) -> Path:
    """``attendance``: (id, naam, afdeling, aanwezig) rows; ``answers``: quiz id -> (id, naam, cells) rows,
    cells in bank order ("" for an answer the trainer left empty). ``headers`` replaces the question
    headers of a quiz (to test other headings)."""
    from openpyxl import Workbook

    workbook = Workbook()
    roll = workbook.active
    roll.title = "Presentielijst"
    roll.append(["medewerker_id", "naam", "afdeling", "aanwezig"])
    for row in attendance:
        roll.append(list(row))
    for quiz_id, rows in answers.items():
        sheet = workbook.create_sheet(f"Toets {quiz_id}")
        questions = [question.id for question in catalog.quizzes[quiz_id].questions]
        numbered = (headers or {}).get(quiz_id) or [f"{n}. {qid}" for n, qid in enumerate(questions, start=1)]
        sheet.append(["medewerker_id", "naam", "tijdstip", *numbered])
        for employee_id, name, cells in rows:
            sheet.append([employee_id, name, session, *cells])
        for _ in range(max(0, EMPTY_ROWS - len(rows))):
            sheet.append([None, None, session])
        for (cell,) in sheet.iter_rows(min_row=2, min_col=3, max_col=3):
            cell.number_format = "dd-mm-yyyy hh:mm"
    workbook.save(path)
    return path
