"""Learning paths in context (issue 15) in every report: the HR export (CSV and XLSX, long and wide,
pseudonymised too), progress and reminders follow curriculum.required_path, on SQLite and PostgreSQL.

The gemeente project (tests/context_support.py) has a high-risk system in Werk en Inkomen, a chatbot
used by the role inkoper and a stopped system in Burgerzaken."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from context_support import (
    ALL_STAFF_PATH,
    CHATBOT_REASON,
    HIGH_RISK_REASON,
    ROSTER,
    WERK_EN_INKOMEN_PATH,
    make_gemeente,
)
from geletterdheid.content import Catalog, catalog_or_exit
from geletterdheid.project.assemble import assemble
from geletterdheid.records import NewAttempt

from .conftest import at

KEY = "een-geheime-sleutel-van-genoeg-tekens"


@pytest.fixture(scope="module")
def gemeente(tmp_path_factory) -> Path:
    return make_gemeente(tmp_path_factory.mktemp("context-reports") / "testdorp")


@pytest.fixture
def content_root(gemeente) -> Path:
    """The records' cli fixture runs with --root on the gemeente project."""
    return gemeente


@pytest.fixture
def catalog(gemeente) -> Catalog:
    return catalog_or_exit(assemble(gemeente))


def all_correct(catalog: Catalog, employee_id: str, module_id: str, when: str) -> NewAttempt:
    quiz = catalog.quizzes[module_id]
    return NewAttempt.scored(
        employee_id, quiz, at(when), "test", {question.id: list(question.correct) for question in quiz.questions}
    )


@pytest.fixture
def context_store(store, catalog):
    """ROSTER; Wim (Werk en Inkomen) passed m07, the high-risk system's module."""
    store.upsert_employees(ROSTER)
    store.record_attempts([all_correct(catalog, "W1", "m07", "2026-03-02T10:00")])
    return store


def rows_of(text: str, delimiter: str = ";") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def required(rows: list[dict[str, str]], employee_id: str) -> list[str]:
    return [row["module_id"] for row in rows if row["medewerker_id"] == employee_id and row["verplicht"] == "ja"]


def test_the_long_export_requires_the_systems_modules_and_says_why(cli, context_store, db_url):
    result = cli("export", "--db", db_url)
    assert result.code == 0, result.output
    rows = rows_of(result.out)
    assert required(rows, "W1") == WERK_EN_INKOMEN_PATH
    assert required(rows, "W2") == WERK_EN_INKOMEN_PATH  # "WERK EN INKOMEN": the same department
    assert required(rows, "B1") == ALL_STAFF_PATH  # Burgerzaken's system is stopped
    by_key = {(row["medewerker_id"], row["module_id"]): row for row in rows}
    assert by_key["W1", "m07"]["status"] == "geslaagd" and by_key["W1", "m07"]["reden"] == HIGH_RISK_REASON
    assert by_key["W2", "m13"]["status"] == "niet gestart" and by_key["W2", "m13"]["reden"] == HIGH_RISK_REASON
    assert by_key["W1", "m06"]["reden"] == HIGH_RISK_REASON  # m07's prerequisite comes with it
    assert by_key["W1", "m01"]["reden"] == "leerpad"
    assert by_key["F1", "m08"]["reden"] == CHATBOT_REASON  # the chatbot's role, in any department
    assert ("B1", "m07") not in by_key


def test_the_export_of_one_department_and_the_wide_layout_count_the_same_modules(cli, context_store, db_url):
    result = cli("export", "--db", db_url, "--afdeling", "werk en inkomen")
    assert sorted({row["medewerker_id"] for row in rows_of(result.out)}) == ["W1", "W2"]
    assert required(rows_of(result.out), "W2") == WERK_EN_INKOMEN_PATH
    wide = {row["medewerker_id"]: row for row in rows_of(cli("export", "--db", db_url, "--layout", "wide").out)}
    assert (wide["W1"]["verplicht_aantal"], wide["W1"]["verplicht_geslaagd"]) == ("7", "1")
    assert wide["W1"]["m07"] == "geslaagd" and wide["W2"]["m13"] == "niet gestart"
    assert wide["B1"]["verplicht_aantal"] == "4" and wide["B1"]["m07"] == ""


def test_a_pseudonymised_export_keeps_the_path_of_the_real_department(cli, context_store, db_url, monkeypatch):
    # every department is smaller than k = 5: all become "overige afdelingen", the paths stay their own
    monkeypatch.setenv("GELETTERDHEID_PSEUDONIEM_SLEUTEL", KEY)
    for layout in ("long", "wide"):
        result = cli("export", "--db", db_url, "--pseudonimiseer", "--layout", layout)
        assert result.code == 0, result.output
        rows = rows_of(result.out)
        assert {row["afdeling"] for row in rows} == {"overige afdelingen"}
        counts = (
            sorted(len(required(rows, person)) for person in {row["medewerker_id"] for row in rows})
            if layout == "long"
            else sorted(int(row["verplicht_aantal"]) for row in rows)
        )
        inkoper = len(required(rows_of(cli("export", "--db", db_url).out), "F1"))
        assert counts == sorted([7, 7, 4, inkoper]), layout


def test_the_xlsx_export_has_the_same_required_modules_and_reasons(cli, context_store, db_url, tmp_path):
    import openpyxl

    out = tmp_path / "hr.xlsx"
    assert cli("export", "--db", db_url, "--out", out).code == 0
    sheet = openpyxl.load_workbook(out).active
    values = list(sheet.iter_rows(values_only=True))
    header = list(values[0])
    assert header[-1] == "reden"
    rows = [dict(zip(header, row, strict=True)) for row in values[1:]]
    w1 = [row for row in rows if row["medewerker_id"] == "W1"]
    assert [row["module_id"] for row in w1 if row["verplicht"] == "ja"] == WERK_EN_INKOMEN_PATH
    assert {row["module_id"]: row["reden"] for row in w1}["m13"] == HIGH_RISK_REASON
    assert [row["module_id"] for row in rows if row["medewerker_id"] == "B1"] == ALL_STAFF_PATH


def test_the_fast_export_writes_what_csv_writer_writes_with_systems_and_workshops(context_store, catalog, tmp_path):
    """The long layout's pre-formatted cells, with reden after the workshop cell, against the plain rows."""
    from geletterdheid.project.model import TrainingSettings, TrainingTerms
    from geletterdheid.records.model import Workshop
    from geletterdheid.records.workshops import attended_modules, record_attendance
    from geletterdheid.reports.completion import completions
    from geletterdheid.reports.hr_export import LONG_HEADER, ExportOptions, as_shown, export, export_people_as_stored
    from geletterdheid.reports.spreadsheet import DIALECTS, write_rows

    from .export_reference import long_rows

    context_store.record_attempts([all_correct(catalog, "F1", "m08", "2026-03-03T10:00")])
    record_attendance(
        context_store, Workshop("Toezicht", dt.date(2026, 3, 4), ("m13", "m10"), 90, "Petra"), ["W1"], "a.csv", "HR"
    )
    workshops = attended_modules(context_store)
    for training in (TrainingSettings(), TrainingSettings(TrainingTerms(dt.date(2026, 6, 30), 12))):
        for dialect in DIALECTS.values():
            for key in (None, KEY.encode()):
                out = tmp_path / "long.csv"
                options = ExportOptions("long", None, key, k=2, training=training, today=dt.date(2026, 4, 1))
                export(context_store, catalog, out, dialect, options=options)
                shown, hide, stored = export_people_as_stored(context_store.employees(), options)
                items = as_shown(
                    completions(
                        catalog, stored, context_store.module_progress(), training, dt.date(2026, 4, 1), workshops
                    ),
                    shown,
                )
                expected = io.StringIO(newline="")
                write_rows(expected, dialect, LONG_HEADER, long_rows(catalog, items, dialect, hide))
                assert out.read_bytes().decode("utf-8") == ("\ufeff" if dialect.bom else "") + expected.getvalue()
    rows = {(row["medewerker_id"], row["module_id"]): row for row in rows_of(expected.getvalue(), dialect.delimiter)}
    assert len(rows) > 20
    plain = rows_of(out.read_bytes().decode("utf-8-sig"), dialect.delimiter)
    w1 = next(row for row in plain if row["module_id"] == "m13" and row["workshop"])  # the pseudonym's row
    assert (w1["workshop"], w1["reden"]) == ("workshop gevolgd op 4 maart 2026", HIGH_RISK_REASON)
    extra = next(row for row in plain if row["module_id"] == "m10")  # attended, not required: no reason
    assert (extra["verplicht"], extra["reden"]) == ("nee", "")


def test_progress_counts_the_systems_modules(cli, context_store, db_url):
    result = cli("progress", "--db", db_url, "--per-medewerker")
    assert result.code == 0, result.output
    lines = {line.split()[0]: line for line in result.out.splitlines() if line[:2] in ("W1", "B1", "F1")}
    assert "m07 geslaagd" in lines["W1"] and "m13 niet gestart" in lines["W1"]
    assert "m07" not in lines["B1"]
    assert "m08 niet gestart" in lines["F1"]
    table = cli("progress", "--db", db_url).out
    by_group = {line[:16].strip(): line.split()[-6:-2] for line in table.split("\n\n")[0].splitlines()}
    # employees, finished, required modules, passed (the table groups departments as written)
    assert by_group["Werk en Inkomen"] == ["1", "0", "7", "1"]
    assert by_group["WERK EN INKOMEN"] == ["1", "0", "7", "0"]
    assert by_group["Burgerzaken"] == ["1", "0", "4", "0"]


def test_reminders_list_the_systems_modules_as_open(cli, context_store, db_url, tmp_path):
    out = tmp_path / "herinneringen.csv"
    result = cli("herinneringen", "--db", db_url, "--out", out)
    assert result.code == 0, result.output
    rows = {row["medewerker_id"]: row for row in rows_of(out.read_bytes().decode("utf-8-sig"))}
    titles = {
        module_id: catalog_title
        for module_id, catalog_title in (
            ("m07", "Plichten van de gemeente als gebruiksverantwoordelijke"),
            ("m13", "Menselijk toezicht en automation bias"),
        )
    }
    assert titles["m13"] in rows["W1"]["open_modules"] and titles["m07"] not in rows["W1"]["open_modules"]  # passed
    assert rows["W1"]["aantal_open"] == "6"
    assert titles["m07"] in rows["W2"]["open_modules"] and rows["W2"]["aantal_open"] == "7"
    assert titles["m13"] not in rows["B1"]["open_modules"] and rows["B1"]["aantal_open"] == "4"
