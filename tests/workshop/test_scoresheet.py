"""scoreblad.xlsx as a trainer opens it: participants, a column per question, drop-downs, the session time."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl

from geletterdheid.curriculum import required_modules
from geletterdheid.workshop.kit import EMPTY_ROWS, Kit, Participant
from geletterdheid.workshop.plan import plan_workshop
from geletterdheid.workshop.scoresheet import scoresheet_xlsx

PEOPLE = (Participant("E001", "Anna de Vries", "Burgerzaken"), Participant("E002", "=HYPERLINK(1)", "Financiën"))


def _book(catalog, participants=PEOPLE, minutes=240):
    modules = required_modules(catalog, ["alle-medewerkers"])
    plan = plan_workshop(catalog, modules, minutes, dt.date(2026, 12, 14), dt.time(9, 30))
    kit = Kit(catalog, plan, "Gemeente Lindeveld", "Workshop", participants)
    return kit, openpyxl.load_workbook(io.BytesIO(scoresheet_xlsx(kit)))


def test_sheets_headers_and_participants(catalog):
    kit, book = _book(catalog)
    assert book.sheetnames == ["Presentielijst", "Toets m01", "Toets m02", "Toets m03", "Toets m04"]
    attendance = book["Presentielijst"]
    assert [c.value for c in attendance[1]] == ["medewerker_id", "naam", "afdeling", "aanwezig"]
    assert [c.value for c in attendance[2]][:3] == ["E001", "Anna de Vries", "Burgerzaken"]
    sheet = book["Toets m01"]
    header = [c.value for c in sheet[1]]
    quiz = catalog.quizzes["m01"]
    assert header == ["medewerker_id", "naam", "tijdstip"] + [f"{n}. {q.id}" for n, q in enumerate(quiz.questions, 1)]
    # A name that looks like a formula stays text.
    assert sheet["B3"].value == "=HYPERLINK(1)" and sheet["B3"].data_type == "s"


def test_tijdstip_is_the_quiz_block_of_the_session(catalog):
    kit, book = _book(catalog)
    quiz_block = next(b for b in kit.plan.blocks if b.kind == "toets" and b.module_id == "m02")
    assert book["Toets m02"]["C2"].value == dt.datetime(2026, 12, 14, 9, 30) + dt.timedelta(minutes=quiz_block.start)


def test_answer_cells_offer_the_printed_letters(catalog):
    _, book = _book(catalog)
    sheet = book["Toets m01"]
    quiz = catalog.quizzes["m01"]
    rules = {str(dv.sqref): dv for dv in sheet.data_validations.dataValidation}
    for offset, question in enumerate(quiz.questions):
        letter = openpyxl.utils.get_column_letter(4 + offset)
        rule = rules[f"{letter}2:{letter}3"]
        if question.type == "juist-onwaar":
            assert rule.formula1 == '"Juist,Onjuist"'
        elif question.type == "enkelvoudig":
            assert rule.formula1 == '"' + ",".join(k.upper() for k in question.options) + '"'
        else:
            assert rule.type is None or rule.type == "none"  # several letters: no single-choice list


def test_without_participants_there_are_empty_rows_with_the_time(catalog):
    _, book = _book(catalog, participants=())
    sheet = book["Toets m01"]
    assert sheet.max_row == EMPTY_ROWS + 1
    assert all(sheet.cell(row, 1).value is None and sheet.cell(row, 3).value for row in range(2, EMPTY_ROWS + 2))
