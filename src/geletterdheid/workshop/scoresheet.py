"""``scoreblad.xlsx``: the attendance list and one score sheet per quiz, ready to fill in after the session.

The layout is the one ``geletterdheid responses import`` and ``geletterdheid attendance import``
read as it is (records/responses/wide.py):

* sheet ``Presentielijst``: ``medewerker_id``, ``naam``, ``afdeling``, ``aanwezig`` (ja/nee);
* sheet ``Toets <module id>`` per quiz: ``medewerker_id``, ``naam``, ``tijdstip`` and a column
  ``"<number>. <question id>"`` per question, numbered as on the printed form.

Answer cells offer the letters as printed (a drop-down list; typing is allowed too, the import
accepts any case), and the header cell of a question carries its text as a comment, so a trainer
typing from a stack of forms sees which question a column is.
"""

from __future__ import annotations

import datetime as dt
import io

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from ..content.model import Question, Quiz
from .kit import EMPTY_ROWS, Kit, Participant, numbered, option_label

ATTENDANCE_SHEET = "Presentielijst"
ATTENDANCE_COLUMNS = ("medewerker_id", "naam", "afdeling", "aanwezig")
QUIZ_SHEET_PREFIX = "Toets "
QUIZ_COLUMNS = ("medewerker_id", "naam", "tijdstip")
PRESENT_CHOICES = ["ja", "nee"]


def quiz_sheet_name(module_id: str) -> str:
    return f"{QUIZ_SHEET_PREFIX}{module_id}"


def question_header(number: int, question: Question) -> str:
    return f"{number}. {question.id}"


def scoresheet_xlsx(kit: Kit) -> bytes:
    out = io.BytesIO()
    workbook = xlsxwriter.Workbook(out, {"in_memory": True})
    workbook.set_properties(
        {"title": f"Scoreblad: {kit.title}", "author": kit.gemeente, "comments": "AI-geletterdheid"}
    )
    header = workbook.add_format({"bold": True, "bg_color": "#E8EFF7", "border": 1, "text_wrap": True})
    moment = workbook.add_format({"num_format": "dd-mm-yyyy hh:mm"})
    rows = len(kit.participants) or EMPTY_ROWS
    _attendance_sheet(workbook.add_worksheet(ATTENDANCE_SHEET), kit.participants, rows, header)
    for quiz in kit.quizzes():
        sheet = workbook.add_worksheet(quiz_sheet_name(quiz.module))
        _quiz_sheet(sheet, quiz, kit.participants, rows, _quiz_moment(kit, quiz.module), header, moment)
    workbook.close()
    return out.getvalue()


def _quiz_moment(kit: Kit, module_id: str) -> dt.datetime:
    """When the quiz is taken: its block in the session, else the end of the session (the trainer may change it)."""
    plan = kit.plan
    block = next((b for b in plan.blocks if b.kind == "toets" and b.module_id == module_id), None)
    return plan.at(block.start if block is not None else plan.minutes)


def _attendance_sheet(sheet: Worksheet, participants: tuple[Participant, ...], rows: int, header: Format) -> None:
    sheet.write_row(0, 0, ATTENDANCE_COLUMNS, header)
    for row, person in enumerate(participants, start=1):
        sheet.write_string(row, 0, person.employee_id)
        sheet.write_string(row, 1, person.name)
        sheet.write_string(row, 2, person.department)
    sheet.data_validation(
        1,
        3,
        rows,
        3,
        {
            "validate": "list",
            "source": PRESENT_CHOICES,
            "input_title": "Aanwezig?",
            "input_message": "Kies ja of nee.",
            "error_type": "warning",
        },
    )
    sheet.set_column(0, 0, 16)
    sheet.set_column(1, 2, 28)
    sheet.set_column(3, 3, 11)
    sheet.freeze_panes(1, 0)


def _quiz_sheet(
    sheet: Worksheet,
    quiz: Quiz,
    participants: tuple[Participant, ...],
    rows: int,
    taken_at: dt.datetime,
    header: Format,
    moment: Format,
) -> None:
    sheet.write_row(0, 0, QUIZ_COLUMNS, header)
    first = len(QUIZ_COLUMNS)
    for offset, (number, question) in enumerate(numbered(quiz)):
        column = first + offset
        sheet.write_string(0, column, question_header(number, question), header)
        sheet.write_comment(0, column, f"Vraag {number} ({question.id}): {question.text}", {"x_scale": 3, "y_scale": 2})
        labels = [option_label(question, key) for key in question.options]
        rule: dict[str, object]
        if question.type == "meervoudig":
            rule = {
                "validate": "any",
                "input_title": f"Vraag {number}",
                "input_message": f"Eén of meer van {', '.join(labels)}, bijvoorbeeld {labels[0]},{labels[-1]}.",
            }
        else:
            rule = {
                "validate": "list",
                "source": labels,
                "input_title": f"Vraag {number}",
                "input_message": f"Kies één van {', '.join(labels)}. Leeg: niet beantwoord.",
                "error_type": "warning",
            }
        sheet.data_validation(1, column, rows, column, rule)
    for row in range(1, rows + 1):
        if row <= len(participants):
            person = participants[row - 1]
            sheet.write_string(row, 0, person.employee_id)
            sheet.write_string(row, 1, person.name)
        sheet.write_datetime(row, 2, taken_at, moment)
    sheet.set_column(0, 0, 16)
    sheet.set_column(1, 1, 28)
    sheet.set_column(2, 2, 17)
    sheet.set_column(first, first + len(quiz.questions) - 1, 11)
    sheet.freeze_panes(1, first)
