"""`geletterdheid attendance`: workshop attendance as evidence (Art. 4 AI Act), on SQLite and PostgreSQL."""

import csv
import io

import pytest
from openpyxl import load_workbook

from geletterdheid.records.store import Store

from .conftest import write_csv, write_xlsx
from .scoreblad import write_scoreblad
from .test_scoreblad import ATTENDANCE, TYPED

WORKSHOP = ["--workshop", "AI in de praktijk", "--datum", "2025-03-04", "--modules", "t01,t02", "--duur", "120"]
WORKSHOP += ["--trainer", "Petra Smit", "--door", "HR-test"]


def attendance_rows(db_url):
    from geletterdheid.records.workshops import attendance

    with Store.open(db_url) as store:
        return [(line.workshop.name, line.employee_id, line.removed_at is None) for line in attendance(store)]


def test_the_kits_presentielijst_is_recorded_and_the_export_shows_the_workshop(
    cli, tmp_path, staffed_store, db_url, catalog
):
    path = write_scoreblad(tmp_path / "scoreblad.xlsx", catalog, ATTENDANCE, TYPED)
    result = cli("attendance", "import", path, "--db", db_url, *WORKSHOP)
    assert result.code == 0, result.output
    assert result.out.splitlines()[0] == (
        "scoreblad.xlsx, blad 'Presentielijst': workshop 'AI in de praktijk' op 4 maart 2025 (nieuw; modules t01, "
        "t02, 120 minuten, trainer Petra Smit): 2 deelnemers nieuw vastgelegd, 0 al eerder vastgelegd, 1 afwezig."
    )
    assert attendance_rows(db_url) == [("AI in de praktijk", "E1", True), ("AI in de praktijk", "E3", True)]

    # E2 said "nee"; E3 (inkoper) has t01 on the path and attended it without taking t01's quiz too
    export = cli("export", "--db", db_url)
    rows = {(r["medewerker_id"], r["module_id"]): r for r in csv.DictReader(io.StringIO(export.out), delimiter=";")}
    assert rows["E1", "t01"]["workshop"] == "workshop gevolgd op 4 maart 2025"
    assert rows["E3", "t01"]["workshop"] == "workshop gevolgd op 4 maart 2025"
    assert rows["E2", "t01"]["workshop"] == ""
    assert rows["E1", "t01"]["status"] == "niet gestart"  # attendance is evidence; the quiz decides the status

    xlsx = tmp_path / "export.xlsx"
    assert cli("export", "--db", db_url, "--out", xlsx).code == 0
    sheet = load_workbook(xlsx).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header = values[0]
    e1_t01 = next(dict(zip(header, row, strict=True)) for row in values[1:] if row[0] == "E1" and row[4] == "t01")
    assert e1_t01["workshop"] == "workshop gevolgd op 4 maart 2025"
    e2_t01 = next(dict(zip(header, row, strict=True)) for row in values[1:] if row[0] == "E2" and row[4] == "t01")
    assert e2_t01["workshop"] is None  # an empty cell, not an empty text


def test_reimporting_is_idempotent_and_a_later_list_adds_people(cli, tmp_path, staffed_store, db_url, catalog):
    path = write_scoreblad(tmp_path / "scoreblad.xlsx", catalog, ATTENDANCE, TYPED)
    assert cli("attendance", "import", path, "--db", db_url, *WORKSHOP).code == 0
    again = cli("attendance", "import", path, "--db", db_url, *WORKSHOP)
    assert again.code == 0, again.output
    assert "(bestond al;" in again.out
    assert "0 deelnemers nieuw vastgelegd, 2 al eerder vastgelegd, 1 afwezig." in again.out
    assert "Al eerder vastgelegd (niets dubbel): E1, E3." in again.out
    later = write_csv(tmp_path / "nagekomen.csv", [["medewerker_id", "naam"], ["E2", "Bram"], ["E1", "Anna"]])
    # the same workshop: its name in other case, same day
    result = cli("attendance", "import", later, "--db", db_url, *WORKSHOP[:1], "ai IN de praktijk", *WORKSHOP[2:])
    assert result.code == 0, result.output
    assert "1 deelnemer nieuw vastgelegd, 1 al eerder vastgelegd, 0 afwezig." in result.out
    assert sorted(employee for _, employee, _ in attendance_rows(db_url)) == ["E1", "E2", "E3"]


def test_an_unknown_employee_or_unreadable_mark_names_file_and_row_and_stores_nothing(
    cli, tmp_path, staffed_store, db_url
):
    rows = [["medewerker_id", "aanwezig"], ["E1", "JA"], ["E99", "x"], ["E3", "misschien"], ["", "1"], ["", ""]]
    result = cli("attendance", "import", write_xlsx(tmp_path / "lijst.xlsx", rows), "--db", db_url, *WORKSHOP)
    assert result.code == 1
    assert "lijst.xlsx, rij 3: onbekende medewerker 'E99'" in result.err
    assert "lijst.xlsx, rij 4: aanwezig 'misschien' is geen ja of nee" in result.err
    assert "lijst.xlsx, rij 5: aanwezig, maar medewerker_id is leeg" in result.err
    assert "Niets vastgelegd: 3 problemen in lijst.xlsx." in result.err
    assert attendance_rows(db_url) == []
    from geletterdheid.records.workshops import workshops_named

    assert workshops_named(staffed_store) == []


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--datum", "4-3-2025", "ongeldige datum '4-3-2025' (--datum); schrijf JJJJ-MM-DD"),
        ("--datum", "2025-02-30", "ongeldige datum '2025-02-30' (--datum)"),
        ("--datum", "2019-03-04", "datum 2019-03-04 (--datum) ligt niet tussen 2024-01-01 en vandaag"),
        ("--modules", "t01,m99", "onbekende module 'm99' (--modules)"),
        ("--duur", "0", "--duur '0': geef de duur in minuten, een getal van 1 tot en met 600"),
        ("--duur", "601", "--duur '601'"),
        ("--duur", "twee uur", "--duur 'twee uur'"),
    ],
)
def test_bad_options_are_dutch_errors_and_store_nothing(cli, tmp_path, staffed_store, db_url, option, value, message):
    options = list(WORKSHOP)
    options[options.index(option) + 1] = value
    path = write_csv(tmp_path / "lijst.csv", [["medewerker_id"], ["E1"]])
    result = cli("attendance", "import", path, "--db", db_url, *options)
    assert result.code == 1
    assert message in result.err and "Traceback" not in result.err
    assert attendance_rows(db_url) == []


def test_a_list_with_nobody_present_stores_no_workshop(cli, tmp_path, staffed_store, db_url, catalog):
    unfilled = [(employee_id, name, department, "") for employee_id, name, department, _ in ATTENDANCE]
    path = write_scoreblad(tmp_path / "scoreblad.xlsx", catalog, unfilled, TYPED)
    result = cli("attendance", "import", path, "--db", db_url, *WORKSHOP)
    assert result.code == 1
    assert "scoreblad.xlsx, blad 'Presentielijst': niemand staat als aanwezig op de lijst" in result.err
    from geletterdheid.records.workshops import workshops_named

    assert workshops_named(staffed_store) == []


def test_the_same_workshop_with_other_details_is_refused(cli, tmp_path, staffed_store, db_url):
    path = write_csv(tmp_path / "lijst.csv", [["medewerker_id"], ["E1"]])
    assert cli("attendance", "import", path, "--db", db_url, *WORKSHOP).code == 0
    other = list(WORKSHOP)
    other[other.index("--duur") + 1] = "90"
    result = cli(
        "attendance", "import", write_csv(tmp_path / "b.csv", [["medewerker_id"], ["E2"]]), "--db", db_url, *other
    )
    assert result.code == 1
    assert (
        "workshop 'AI in de praktijk' op 4 maart 2025 is al vastgelegd met modules t01, t02, 120 minuten" in result.err
    )
    assert [employee for _, employee, _ in attendance_rows(db_url)] == ["E1"]


def test_remove_corrects_a_mistake_with_an_audit_trail_and_a_reimport_does_not_undo_it(
    cli, tmp_path, staffed_store, db_url
):
    path = write_csv(tmp_path / "lijst.csv", [["medewerker_id", "aanwezig"], ["E1", "ja"], ["E2", "Aanwezig"]])
    assert cli("attendance", "import", path, "--db", db_url, *WORKSHOP).code == 0
    where = ["--workshop", "AI in de praktijk", "--datum", "2025-03-04"]
    result = cli(
        "attendance", "remove", "E2", *where, "--reden", "verkeerde regel aangevinkt", "--door", "Mila", "--db", db_url
    )
    assert result.code == 0, result.output
    assert result.out.startswith("E2 staat niet meer op de lijst van workshop 'AI in de praktijk' op 4 maart 2025.")
    listing = cli("attendance", "list", "--db", db_url)
    assert listing.code == 0, listing.output
    assert "1 workshop, 1 deelname (en 1 verwijderd):" in listing.out
    assert "- E2 verwijderd bij workshop 'AI in de praktijk' op 4 maart 2025 op " in listing.out
    assert "door Mila: verkeerde regel aangevinkt" in listing.out
    again = cli("attendance", "import", path, "--db", db_url, *WORKSHOP)
    assert "eerder van deze workshop verwijderd en niet opnieuw toegevoegd: E2" in again.err
    assert attendance_rows(db_url) == [("AI in de praktijk", "E1", True), ("AI in de praktijk", "E2", False)]
    twice = cli("attendance", "remove", "E2", *where, "--reden", "nogmaals", "--db", db_url)
    assert twice.code == 1 and "is al van de lijst" in twice.err
    unknown = cli(
        "attendance",
        "remove",
        "E1",
        "--workshop",
        "Bestaat niet",
        "--datum",
        "2025-03-04",
        "--reden",
        "x",
        "--db",
        db_url,
    )
    assert unknown.code == 1 and "er is geen workshop 'Bestaat niet' op 4 maart 2025" in unknown.err


def test_forget_erases_attendance_and_its_trail(cli, tmp_path, staffed_store, db_url):
    path = write_csv(tmp_path / "lijst.csv", [["medewerker_id"], ["E1"], ["E2"]])
    assert cli("attendance", "import", path, "--db", db_url, *WORKSHOP).code == 0
    where = ["--workshop", "AI in de praktijk", "--datum", "2025-03-04", "--reden", "fout"]
    assert cli("attendance", "remove", "E2", *where, "--db", db_url).code == 0
    result = cli("forget", "E2", "--db", db_url)
    assert result.code == 0, result.output
    assert "en de aanwezigheid bij 1 workshop." in result.out
    with staffed_store.engine.connect() as connection:
        for table in ("workshop_attendance", "attendance_changes"):
            left = connection.exec_driver_sql(f"SELECT count(*) FROM {table} WHERE employee_id = 'E2'").scalar_one()
            assert left == 0, table
    assert attendance_rows(db_url) == [("AI in de praktijk", "E1", True)]
    assert "E2" not in cli("attendance", "list", "--db", db_url).out


def test_list_filters_by_workshop_and_says_when_there_is_nothing(cli, tmp_path, staffed_store, db_url):
    empty = cli("attendance", "list", "--db", db_url)
    assert (empty.code, empty.out.strip()) == (0, "Nog geen workshops vastgelegd (geletterdheid attendance import).")
    path = write_csv(tmp_path / "lijst.csv", [["medewerker_id"], ["E1"]])
    assert cli("attendance", "import", path, "--db", db_url, *WORKSHOP).code == 0
    other = list(WORKSHOP)
    other[other.index("--workshop") + 1] = "Verdieping"
    assert (
        cli(
            "attendance", "import", write_csv(tmp_path / "b.csv", [["medewerker_id"], ["E3"]]), "--db", db_url, *other
        ).code
        == 0
    )
    listing = cli("attendance", "list", "--workshop", "verdieping", "--db", db_url)
    assert listing.code == 0, listing.output
    lines = listing.out.splitlines()
    assert lines[0] == "1 workshop, 1 deelname:"
    assert lines[2].split("  ")[:2] == ["2025-03-04", "Verdieping"] and "E3" in lines[2] and len(lines) == 3
    missing = cli("attendance", "list", "--workshop", "Nergens", "--db", db_url)
    assert missing.code == 1 and "er is geen workshop 'Nergens'" in missing.err


def test_a_store_made_at_0007_is_upgraded_to_the_newest_with_its_records(db_url):
    from alembic import command
    from sqlalchemy import inspect

    from geletterdheid.records.database import (
        _alembic_config,
        create_store_engine,
        current_revision,
        head_revision,
        write_transaction,
    )

    engine = create_store_engine(db_url)
    with write_transaction(engine) as connection:
        command.upgrade(_alembic_config(connection), "0007")
        connection.exec_driver_sql(
            "INSERT INTO employees (id, name, department, roles, email) VALUES ('E1', 'Anna', 'IT', '', NULL)"
        )
    with engine.connect() as connection:
        assert "workshops" not in inspect(connection).get_table_names()
    engine.dispose()
    with Store.open(db_url) as store:
        with store.engine.connect() as connection:
            assert current_revision(connection) == head_revision()
            assert {"workshops", "workshop_attendance", "attendance_changes"} <= set(
                inspect(connection).get_table_names()
            )
        assert [employee.id for employee in store.employees()] == ["E1"]
        from geletterdheid.records.model import Workshop
        from geletterdheid.records.workshops import attended_modules, record_attendance

        workshop = Workshop("Intro", __import__("datetime").date(2025, 3, 4), ("t01",), 60, "Petra")
        assert record_attendance(store, workshop, ["E1"], "lijst.csv", "HR").added == ("E1",)
        assert attended_modules(store) == {"E1": {"t01": workshop.held_on}}


def test_the_long_export_with_attendance_writes_what_csv_writer_writes(staffed_store, catalog, tmp_path):
    """The fast long layout with workshop cells, also for a module attended but neither required nor tried."""
    import datetime as dt
    from types import MappingProxyType

    from geletterdheid.project.model import TrainingSettings, TrainingTerms
    from geletterdheid.records import NewAttempt
    from geletterdheid.records.model import Workshop
    from geletterdheid.records.workshops import attended_modules, record_attendance
    from geletterdheid.reports.completion import completions
    from geletterdheid.reports.hr_export import LONG_HEADER, ExportOptions, export
    from geletterdheid.reports.spreadsheet import DIALECTS, write_rows

    from .conftest import at
    from .export_reference import long_rows

    staffed_store.record_attempts(
        [
            NewAttempt.scored("E1", catalog.quizzes["t01"], at("2025-03-05T09:00"), "test", {"t01-q1": ["b"]}),
            NewAttempt.scored("E3", catalog.quizzes["t02"], at("2025-03-05T09:00"), "test", {"t02-q1": ["a"]}),
        ]
    )
    first = Workshop("Intro", dt.date(2025, 3, 4), ("t01", "t03"), 90, "Petra")
    later = Workshop("Verdieping", dt.date(2025, 4, 1), ("t02",), 60, "Petra")
    record_attendance(staffed_store, first, ["E1", "E2"], "a.csv", "HR")  # t03 is not on E1's or E2's path
    record_attendance(staffed_store, later, ["E3", "E1"], "b.csv", "HR")
    workshops = attended_modules(staffed_store)
    trainings = [TrainingSettings(), TrainingSettings(TrainingTerms(dt.date(2025, 6, 30), 1), MappingProxyType({}))]
    for training in trainings:
        for dialect in DIALECTS.values():
            out = tmp_path / "long.csv"
            export(
                staffed_store,
                catalog,
                out,
                dialect,
                options=ExportOptions(training=training, today=dt.date(2025, 5, 1)),
            )
            expected = io.StringIO(newline="")
            items = completions(
                catalog,
                staffed_store.employees(),
                staffed_store.module_progress(),
                training,
                dt.date(2025, 5, 1),
                workshops,
            )
            write_rows(expected, dialect, LONG_HEADER, long_rows(catalog, items, dialect))
            assert out.read_bytes().decode("utf-8") == ("\ufeff" if dialect.bom else "") + expected.getvalue()
    rows = {(r["medewerker_id"], r["module_id"]): r for r in csv.DictReader(io.StringIO(expected.getvalue()))}
    assert (
        rows["E2", "t03"]["verplicht"] == "nee" and rows["E2", "t03"]["workshop"] == "workshop gevolgd op 4 maart 2025"
    )
    assert rows["E1", "t02"]["workshop"] == "workshop gevolgd op 1 april 2025"
    assert rows["E3", "t02"]["workshop"] == "workshop gevolgd op 1 april 2025"


def test_progress_and_the_wide_export_show_attendance(cli, tmp_path, staffed_store, db_url, catalog):
    path = write_scoreblad(tmp_path / "scoreblad.xlsx", catalog, ATTENDANCE, TYPED)
    assert cli("attendance", "import", path, "--db", db_url, *WORKSHOP).code == 0
    per_employee = cli("progress", "--db", db_url, "--per-medewerker").out
    line = next(line for line in per_employee.splitlines() if line.startswith("E1 "))
    assert line.endswith(
        "t01 niet gestart (workshop gevolgd op 4 maart 2025), t02 niet gestart (workshop gevolgd op 4 maart 2025)"
    )
    table = cli("progress", "--db", db_url).out
    header, _, *body = table.splitlines()
    assert header.split()[-1] == "Workshop"
    total = next(line for line in body if line.startswith("Totaal"))
    assert total.split()[-1] == "3"  # E1: t01 and t02, E3: t01 (t02 is not on an inkoper's path)
    wide = cli("export", "--db", db_url, "--layout", "wide", "--dialect", "rfc4180").out
    rows = {row["medewerker_id"]: row for row in csv.DictReader(io.StringIO(wide))}
    assert rows["E1"]["workshops"] == "workshop gevolgd op 4 maart 2025 (t01, t02)"
    assert rows["E3"]["workshops"] == "workshop gevolgd op 4 maart 2025 (t01, t02)"
    assert rows["E2"]["workshops"] == ""
    xlsx = tmp_path / "breed.xlsx"
    assert cli("export", "--db", db_url, "--layout", "wide", "--out", xlsx).code == 0
    values = [[cell.value for cell in row] for row in load_workbook(xlsx).active.iter_rows()]
    by_id = {row[0]: dict(zip(values[0], row, strict=True)) for row in values[1:]}
    assert values[0][-1] == "workshops" and values[0][-3:-1] == ["verplicht_aantal", "verplicht_geslaagd"]
    assert (
        by_id["E1"]["workshops"] == "workshop gevolgd op 4 maart 2025 (t01, t02)" and by_id["E2"]["workshops"] is None
    )


def test_attendance_up_to_a_day_leaves_later_workshops_out(staffed_store):
    import datetime as dt

    from geletterdheid.records.model import Workshop
    from geletterdheid.records.workshops import attended_modules, record_attendance

    record_attendance(staffed_store, Workshop("Intro", dt.date(2025, 3, 4), ("t01",), 90, "Petra"), ["E1"], "a", "HR")
    record_attendance(
        staffed_store, Workshop("Later", dt.date(2025, 4, 1), ("t01", "t02"), 60, "Petra"), ["E1"], "b", "HR"
    )
    assert attended_modules(staffed_store) == {"E1": {"t01": dt.date(2025, 4, 1), "t02": dt.date(2025, 4, 1)}}
    assert attended_modules(staffed_store, until=dt.date(2025, 3, 31)) == {"E1": {"t01": dt.date(2025, 3, 4)}}
    assert attended_modules(staffed_store, until=dt.date(2025, 3, 3)) == {}
