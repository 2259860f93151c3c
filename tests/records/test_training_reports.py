"""Re-training, XLSX, privacy, reminders and item-analysis wording, as HR meets them on the CLI."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from pathlib import Path

import pytest

from geletterdheid.cli import main
from geletterdheid.records import Employee, NewAttempt
from geletterdheid.records.model import module_versions
from geletterdheid.reports.hr_export import LONG_HEADER
from geletterdheid.reports.pseudonym import pseudonym

from .conftest import at, write_csv

KEY = "een-geheime-sleutel-van-HR-1234"


def read(text: str, delimiter: str = ";") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def passing_t01(employee_id: str, when: str) -> list[list[str]]:
    """Long-CSV rows of a 100% attempt at t01."""
    answers = {"t01-q1": "b", "t01-q2": "onjuist", "t01-q3": "a|c|d", "t01-q4": "a|b"}
    return [[employee_id, "t01", question, answer, when] for question, answer in answers.items()]


@pytest.fixture
def changed_content(tmp_path, content_root) -> Path:
    """The test content with t01 at versie 2, which asks everyone who passed version 1 to re-train."""
    root = tmp_path / "content-v2"
    shutil.copytree(content_root, root)
    module = root / "modules" / "t01.md"
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace("niveau: bewust\n", "niveau: bewust\nversie: 2\nopnieuw_vanaf_versie: 2\n"))
    return root


def test_an_imported_attempt_records_its_version_and_a_new_version_asks_to_retrain(
    cli, staffed_store, db_url, tmp_path, changed_content, capsysbinary, catalog
):
    sheet = write_csv(
        tmp_path / "t01.csv",
        [["medewerker_id", "quiz", "vraag", "antwoord", "tijdstip"]] + passing_t01("E1", "2025-01-10T09:00"),
    )
    assert cli("responses", "import", sheet, "--db", db_url).code == 0
    [progress] = [p for p in staffed_store.module_progress() if p.employee_id == "E1"]
    assert progress.passed_version == module_versions(catalog)["t01"] == 1

    assert main(["--root", str(changed_content), "export", "--db", db_url]) == 0
    rows = {(r["medewerker_id"], r["module_id"]): r for r in read(capsysbinary.readouterr().out.decode("utf-8-sig"))}
    assert rows["E1", "t01"]["status"] == "opnieuw nodig"
    assert rows["E2", "t01"]["status"] == "niet gestart"

    # E1 passes again, now on version 2: the pass counts again
    again = write_csv(
        tmp_path / "again.csv",
        [["medewerker_id", "quiz", "vraag", "antwoord", "tijdstip"]] + passing_t01("E1", "2025-06-10T09:00"),
    )
    assert main(["--root", str(changed_content), "responses", "import", str(again), "--db", db_url]) == 0
    capsysbinary.readouterr()
    assert main(["--root", str(changed_content), "export", "--db", db_url]) == 0
    rows = {(r["medewerker_id"], r["module_id"]): r for r in read(capsysbinary.readouterr().out.decode("utf-8-sig"))}
    assert (rows["E1", "t01"]["status"], rows["E1", "t01"]["geslaagd_op"]) == ("geslaagd", "2025-06-10")


def test_check_refuses_opnieuw_vanaf_versie_above_the_version(tmp_path, content_root, capsys):
    root = tmp_path / "content"
    shutil.copytree(content_root, root)
    module = root / "modules" / "t01.md"
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace("niveau: bewust\n", "niveau: bewust\nopnieuw_vanaf_versie: 3\n"))
    assert main(["--root", str(root), "check"]) == 1
    err = capsys.readouterr().err
    assert (
        "modules/t01.md:9: opnieuw_vanaf_versie 3 is hoger dan de versie van de module (1); verhoog eerst 'versie'"
        in err
    )


# -- XLSX ---------------------------------------------------------------------------------------


def test_xlsx_export_has_typed_cells_a_frozen_header_and_a_filter(cli, store, db_url, catalog, tmp_path):
    import openpyxl

    store.upsert_employees(
        [
            Employee("007", '=HYPERLINK("http://evil.example")', "Burgerzaken", ("beleidsadviseur",), None),
            Employee("0100", "Bram\x01 Jansen", "Burgerzaken", (), None),  # a control character XML cannot hold
        ]
    )
    store.record_attempts(
        [
            NewAttempt.scored(
                "007",
                catalog.quizzes["t01"],
                at("2025-01-31T23:30"),
                "test",
                {"t01-q1": ["b"], "t01-q2": ["onjuist"], "t01-q3": ["a", "c", "d"]},
            )
        ]
    )
    out = tmp_path / "hr.xlsx"
    result = cli("export", "--db", db_url, "--out", out)  # the suffix chooses the format
    assert result.code == 0 and f"Export geschreven naar {out}: 2 medewerkers." in result.out
    sheet = openpyxl.load_workbook(out).active
    rows = list(sheet.iter_rows())
    assert [cell.value for cell in rows[0]] == LONG_HEADER
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:O{len(rows)}"  # through reden
    first = {name: cell for name, cell in zip(LONG_HEADER, rows[1], strict=True)}
    assert (first["medewerker_id"].value, first["medewerker_id"].data_type) == ("007", "s")  # leading zeros kept
    assert (first["naam"].value, first["naam"].data_type) == (
        '=HYPERLINK("http://evil.example")',
        "s",
    )  # never a formula
    assert first["beste_score"].value == 75.0 and first["beste_score"].data_type == "n"
    assert first["geslaagd_op"].value == dt.datetime(2025, 1, 31)  # a date (openpyxl reads dates as datetimes)
    assert first["geslaagd_op"].is_date and first["pogingen"].value == 1
    assert first["status"].value == "geslaagd"
    assert first["reden"].value == "leerpad"
    assert [row[0].value for row in rows[1:]] == ["007", "007", "0100"]
    assert rows[3][1].value in ("Bram\x01 Jansen", "Bram_x0001_ Jansen")  # escaped the way Excel reads it


def test_xlsx_needs_a_file_and_a_csv_is_not_named_xlsx(cli, staffed_store, db_url, tmp_path):
    result = cli("export", "--db", db_url, "--format", "xlsx")
    assert result.code == 1 and "een Excel-export is een bestand: geef --out BESTAND.xlsx" in result.err
    result = cli("export", "--db", db_url, "--format", "csv", "--out", tmp_path / "hr.xlsx")
    assert result.code == 1 and "gebruik --format xlsx" in result.err
    assert not (tmp_path / "hr.xlsx").exists()


# -- privacy ------------------------------------------------------------------------------------


@pytest.fixture
def organisation(store):
    """Six people in Burgerzaken, two in Inkoop, one in Bestuur."""
    people = [Employee(f"E{i:02d}", f"Persoon {i}", "Burgerzaken", (), None) for i in range(6)]
    people += [Employee("E10", "Ineke", "Inkoop", ("inkoper",), None), Employee("E11", "Ivo", "Inkoop", (), None)]
    people += [Employee("E12", "Bea", "Bestuur", (), None)]
    store.upsert_employees(people)
    return people


def test_pseudonymised_export_is_in_pseudonym_order_and_merges_small_departments(
    cli, organisation, db_url, monkeypatch
):
    monkeypatch.setenv("GELETTERDHEID_PSEUDONIEM_SLEUTEL", KEY)
    result = cli("export", "--db", db_url, "--pseudonimiseer")
    assert result.code == 0
    rows = read(result.out)
    ids = list(dict.fromkeys(row["medewerker_id"] for row in rows))
    in_id_order = [pseudonym(KEY.encode(), e.id) for e in organisation]
    assert ids == sorted(in_id_order) and ids != in_id_order
    assert {row["medewerker_id"] for row in rows} == {pseudonym(KEY.encode(), e.id) for e in organisation}
    by_department = {row["afdeling"] for row in rows}
    assert by_department == {"Burgerzaken", "overige afdelingen"}  # Inkoop (2) and Bestuur (1) are below k = 5
    result = cli("export", "--db", db_url, "--pseudonimiseer", "--k", "2")
    assert {row["afdeling"] for row in read(result.out)} == {"Burgerzaken", "Inkoop", "overige afdelingen"}


def test_zonder_afdeling_leaves_the_department_empty(cli, organisation, db_url, monkeypatch):
    monkeypatch.setenv("GELETTERDHEID_PSEUDONIEM_SLEUTEL", KEY)
    rows = read(cli("export", "--db", db_url, "--pseudonimiseer", "--zonder-afdeling").out)
    assert len(rows) == 10 and {row["afdeling"] for row in rows} == {""}


def test_a_pseudonymised_export_of_one_small_department_is_refused(cli, organisation, db_url, monkeypatch, tmp_path):
    monkeypatch.setenv("GELETTERDHEID_PSEUDONIEM_SLEUTEL", KEY)
    out = tmp_path / "inkoop.csv"
    result = cli("export", "--db", db_url, "--pseudonimiseer", "--afdeling", "Inkoop", "--out", out)
    assert result.code == 1
    assert "afdeling 'Inkoop' heeft 2 medewerker(s), minder dan k = 5" in result.err
    assert not out.exists()


# -- reminders ----------------------------------------------------------------------------------


@pytest.fixture
def reminded(staffed_store, catalog):
    """E1 passed t01 (still needs t02); E3 passed t01 and t03: nothing open."""
    t01, t03 = catalog.quizzes["t01"], catalog.quizzes["t03"]
    full01 = {"t01-q1": ["b"], "t01-q2": ["onjuist"], "t01-q3": ["a", "c", "d"], "t01-q4": ["a", "b"]}
    staffed_store.record_attempts(
        [
            NewAttempt.scored("E1", t01, at("2025-01-10T09:00"), "test", full01),
            NewAttempt.scored("E3", t01, at("2025-01-10T09:00"), "test", full01),
            NewAttempt.scored("E3", t03, at("2025-01-11T09:00"), "test", {"t03-q1": ["a"], "t03-q2": ["juist"]}),
        ]
    )
    return staffed_store


def test_reminders_list_who_has_open_modules_with_email_and_titles(cli, reminded, db_url, tmp_path, catalog):
    out = tmp_path / "lijst.csv"
    result = cli("herinneringen", "--db", db_url, "--out", out)
    assert result.code == 0, result.output
    assert "2 medewerkers met open verplichte modules" in result.out and "geen links (geef --basis-url)" in result.out
    rows = read(out.read_bytes().decode("utf-8-sig"))
    assert list(rows[0]) == ["medewerker_id", "naam", "email", "afdeling", "open_modules", "aantal_open", "deadline"]
    assert [(r["medewerker_id"], r["email"], r["open_modules"], r["aantal_open"]) for r in rows] == [
        ("E1", "anna@gemeente.example", catalog.modules["t02"].title, "1"),
        ("E2", "bram@gemeente.example", catalog.modules["t01"].title, "1"),
    ]


def test_reminders_with_a_base_url_carry_the_personal_link(cli, reminded, db_url, tmp_path, monkeypatch):
    import openpyxl

    monkeypatch.setenv("GELETTERDHEID_GEHEIM", "een-geheim-voor-de-test-1234")
    out = tmp_path / "lijst.xlsx"
    result = cli("herinneringen", "--db", db_url, "--out", out, "--basis-url", "https://leren.gemeente.example/")
    assert result.code == 0, result.output
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][-2:] == ("link", "link_geldig_tot")
    assert all(row[-2].startswith("https://leren.gemeente.example/#sleutel=") for row in rows[1:])
    assert {row[0] for row in rows[1:]} == {"E1", "E2"}


def test_reminders_refuse_another_file_type(cli, reminded, db_url, tmp_path):
    result = cli("herinneringen", "--db", db_url, "--out", tmp_path / "lijst.txt")
    assert result.code == 1 and "kies een bestand dat eindigt op .csv of .xlsx" in result.err


# -- item analysis with enough attempts ----------------------------------------------------------


def test_stats_with_thirty_first_attempts_judges_the_questions(cli, store, db_url, catalog):
    quiz = catalog.quizzes["t02"]
    people = [Employee(f"E{i:02d}", f"Persoon {i}", "Burgerzaken", ("beleidsadviseur",), None) for i in range(30)]
    store.upsert_employees(people)
    # everyone gets q2 right (too easy), q1 right for half
    store.record_attempts(
        [
            NewAttempt.scored(
                p.id, quiz, at("2025-01-10T09:00"), "test", {"t02-q1": ["a" if i % 2 else "b"], "t02-q2": ["juist"]}
            )
            for i, p in enumerate(people)
        ]
    )
    result = cli("stats", "t02", "--db", db_url)
    assert result.code == 0
    assert "Te weinig pogingen" not in result.out
    assert any(line.startswith("t02-q2") and "te makkelijk" in line for line in result.out.splitlines())


def test_progress_counts_who_finished_the_whole_learning_path(cli, reminded, db_url):
    out = cli("progress", "--db", db_url).out
    first_table = out.split("\n\n")[0]
    lines = {line.split()[0]: line.split()[1:] for line in first_table.splitlines()}
    assert lines["Inkoop"][:2] == ["1", "1"]  # E3 passed t01 and t03: learning path finished
    assert "Verplichte modules per status:" in out and "niet gestart" in out


def test_a_store_from_before_versions_upgrades_and_counts_its_passes_as_version_1(
    db_url, catalog, changed_content, capsysbinary
):
    """Migration 0004 on a database made at 0001: the old pass stays, as version 1 (so a module
    that asks to re-train from version 2 shows it as 'opnieuw nodig')."""
    import sqlalchemy
    from alembic import command

    from geletterdheid.records.database import _alembic_config, create_store_engine

    engine = create_store_engine(db_url)
    try:
        with engine.begin() as connection:
            command.upgrade(_alembic_config(connection), "0001")
            connection.exec_driver_sql(
                "INSERT INTO employees (id, name, department, roles, email) "
                "VALUES ('E1', 'Anna', 'Burgerzaken', '', NULL)"
            )
            connection.execute(
                sqlalchemy.text(
                    "INSERT INTO attempts (employee_id, quiz_id, taken_at, source, score, passed, answers) "
                    "VALUES ('E1', 't01', :at, 'test', 100.0, :yes, '{}')"
                ),
                {"at": dt.datetime(2025, 1, 10, 8), "yes": True},
            )
    finally:
        engine.dispose()
    assert main(["--root", str(changed_content), "export", "--db", db_url]) == 0
    rows = read(capsysbinary.readouterr().out.decode("utf-8-sig"))
    assert [(r["medewerker_id"], r["module_id"], r["status"], r["geslaagd_op"]) for r in rows] == [
        ("E1", "t01", "opnieuw nodig", "2025-01-10")
    ]


def test_after_the_deadline_a_required_module_is_te_laat_and_an_optional_one_is_not(staffed_store, catalog, tmp_path):
    """E3 (inkoper) failed t02, which inkopers need not take, and never passed t03, which they must."""
    from types import MappingProxyType

    from geletterdheid.project.model import TrainingSettings, TrainingTerms
    from geletterdheid.reports.hr_export import ExportOptions, export
    from geletterdheid.reports.spreadsheet import DIALECTS

    t02, t03 = catalog.quizzes["t02"], catalog.quizzes["t03"]
    staffed_store.record_attempts(
        [
            NewAttempt.scored("E3", t02, at("2025-01-10T09:00"), "test", {}),
            NewAttempt.scored("E3", t03, at("2025-01-10T09:00"), "test", {}),
        ]
    )
    out = tmp_path / "hr.csv"
    for training in (
        TrainingSettings(TrainingTerms(dt.date(2025, 3, 31))),
        TrainingSettings(TrainingTerms(dt.date(2025, 3, 31), 24), MappingProxyType({})),
    ):
        options = ExportOptions(training=training, today=dt.date(2025, 4, 1))
        export(staffed_store, catalog, out, DIALECTS["excel-nl"], options=options)
        rows = {(r["medewerker_id"], r["module_id"]): r for r in read(out.read_text(encoding="utf-8-sig"))}
        assert (rows["E3", "t03"]["status"], rows["E3", "t03"]["deadline"]) == ("te laat", "2025-03-31")
        assert (rows["E3", "t01"]["status"], rows["E3", "t01"]["verplicht"]) == ("te laat", "ja")
        assert (rows["E3", "t02"]["status"], rows["E3", "t02"]["deadline"]) == ("niet geslaagd", "")


def test_progress_per_employee_shows_each_required_module_status(cli, reminded, db_url):
    result = cli("progress", "--db", db_url, "--per-medewerker")
    assert result.code == 0
    lines = {line.split()[0]: line for line in result.out.splitlines()[2:]}
    assert lines["E1"].endswith("t01 geslaagd, t02 niet gestart")
    assert lines["E2"].endswith("t01 niet gestart")
    assert lines["E3"].endswith("t01 geslaagd, t03 geslaagd")


def test_reminders_for_a_later_day_list_the_passes_that_expire_before_it(reminded, catalog):
    from geletterdheid.project.model import TrainingSettings, TrainingTerms
    from geletterdheid.reports.completion import completions
    from geletterdheid.reports.reminders import reminders

    training = TrainingSettings(TrainingTerms(dt.date(2025, 12, 31), 12))
    employees, progress = reminded.employees(), reminded.module_progress()

    def open_on(day: dt.date) -> dict[str, tuple[tuple[str, ...], dt.date | None]]:
        found = reminders(catalog, completions(catalog, employees, progress, training, day))
        return {item.employee.id: (item.open_titles, item.deadline) for item in found}

    t01, t02 = catalog.modules["t01"].title, catalog.modules["t02"].title
    assert open_on(dt.date(2025, 6, 1)) == {
        "E1": ((t02,), dt.date(2025, 12, 31)),
        "E2": ((t01,), dt.date(2025, 12, 31)),
    }
    # passed 2025-01-10 and 2025-01-11, valid 12 months: by February 2026 everyone has t01 open again
    later = open_on(dt.date(2026, 2, 1))
    assert later["E1"][0] == (t01, t02) and later["E3"][0] == (t01, catalog.modules["t03"].title)


def test_the_store_summarises_the_latest_pass_its_version_and_the_latest_attempt(staffed_store, catalog):
    t01 = catalog.quizzes["t01"]
    full = {"t01-q1": ["b"], "t01-q2": ["onjuist"], "t01-q3": ["a", "c", "d"], "t01-q4": ["a", "b"]}
    staffed_store.record_attempts([NewAttempt.scored("E1", t01, at("2025-01-10T09:00"), "test", full)], {"t01": 1})
    staffed_store.record_attempts([NewAttempt.scored("E1", t01, at("2025-03-10T09:00"), "test", full)], {"t01": 2})
    staffed_store.record_attempts([NewAttempt.scored("E1", t01, at("2025-04-10T09:00"), "test", {})], {"t01": 2})
    [summary] = staffed_store.module_progress()
    assert (summary.best_score, summary.attempt_count, summary.passed_version) == (100.0, 3, 2)
    assert summary.passed_at == at("2025-03-10T09:00") and summary.last_attempt_at == at("2025-04-10T09:00")
    without = staffed_store.stored_progress(details=False).rows
    assert [row[:2] + row[4:] for row in without] == [("E1", "t01", 3)] and len(without[0]) == 5
