"""`geletterdheid attendance`: workshop attendance as evidence (Art. 4 AI Act), on SQLite and PostgreSQL."""

import pytest

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


def test_a_store_made_at_0007_is_upgraded_to_0008_with_its_records(db_url):
    from alembic import command
    from sqlalchemy import inspect

    from geletterdheid.records.database import _alembic_config, create_store_engine, current_revision, write_transaction

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
            assert current_revision(connection) == "0008"
            assert {"workshops", "workshop_attendance", "attendance_changes"} <= set(
                inspect(connection).get_table_names()
            )
        assert [employee.id for employee in store.employees()] == ["E1"]
        from geletterdheid.records.model import Workshop
        from geletterdheid.records.workshops import attended_modules, record_attendance

        workshop = Workshop("Intro", __import__("datetime").date(2025, 3, 4), ("t01",), 60, "Petra")
        assert record_attendance(store, workshop, ["E1"], "lijst.csv", "HR").added == ("E1",)
        assert attended_modules(store) == {"E1": {"t01": workshop.held_on}}
