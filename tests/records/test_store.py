"""The store on SQLite and PostgreSQL: schema and migrations, idempotent attempts, concurrency, erasure."""

import datetime as dt
import sqlite3
import threading

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from geletterdheid.records import Employee, NewAttempt, StoreUnavailable
from geletterdheid.records.database import head_revision
from geletterdheid.records.store import Store
from geletterdheid.records.tables import Base

from .conftest import ROSTER, at


def attempt(catalog, employee="E1", when="2025-01-31T10:00", answers=None, quiz="t01"):
    return NewAttempt.scored(employee, catalog.quizzes[quiz], at(when), "test", answers or {"t01-q1": ["b"]})


def test_opening_creates_the_schema_at_the_newest_migration(store):
    with store.engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head_revision()
        assert {"employees", "attempts"} <= set(inspect(connection).get_table_names())


def test_migrations_build_exactly_the_schema_of_the_models(store):
    # If a model changes without a migration, an upgraded database would differ from a new one.
    with store.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_a_store_made_before_corrections_and_leavers_is_upgraded_with_its_records(db_url, catalog):
    from alembic import command

    from geletterdheid.records.database import _alembic_config, create_store_engine, write_transaction

    engine = create_store_engine(db_url)
    with write_transaction(engine) as connection:
        command.upgrade(_alembic_config(connection), "0001")
        connection.exec_driver_sql(
            "INSERT INTO employees (id, name, department, roles, email) VALUES ('E1', 'Anna', 'IT', '', NULL)"
        )
        connection.exec_driver_sql(
            "INSERT INTO attempts (employee_id, quiz_id, taken_at, source, score, passed, answers) "
            "VALUES ('E1', 't01', '2025-01-31 09:00:00', 'oud', 75.0, true, '{}')"
        )
    engine.dispose()
    with Store.open(db_url) as store:
        [employee] = store.employees()
        assert (employee.id, employee.left_on) == ("E1", None)
        [stored] = store.attempts_of("E1")
        assert (stored.source, stored.score_percent, stored.voided_at) == ("oud", 75.0, None)
        assert store.void_attempt(stored.id, "test", "HR") is not None
        assert store.attempts_of("E1") == [] and len(store.changes_of("E1")) == 1


def test_reopening_an_existing_store_keeps_its_records(db_url, catalog):
    with Store.open(db_url) as first:
        first.upsert_employees(ROSTER)
        first.record_attempt(attempt(catalog))
    with Store.open(db_url) as again:
        assert again.counts() == {"employees": 3, "attempts": 1}
        [stored] = again.attempts_of("E1")
        assert len(again.answers_of(stored.id)) == 4


def test_employee_lookup_returns_roles_and_email(staffed_store):
    assert staffed_store.employee("E3") == ROSTER[2]
    assert staffed_store.employee("E3").all_roles == ("alle-medewerkers", "inkoper")
    assert staffed_store.employee("nobody") is None


def test_upsert_counts_added_changed_unchanged(store):
    assert store.upsert_employees(ROSTER[:2]).added == 2
    moved = Employee("E2", "Bram Jansen", "ICT", (), "bram@gemeente.example")
    counts = store.upsert_employees([ROSTER[0], moved, ROSTER[2]])
    assert (counts.added, counts.changed, counts.unchanged) == (1, 1, 1)
    assert store.employee("E2").department == "ICT"


def test_departments_filter_case_insensitively(staffed_store):
    assert [e.id for e in staffed_store.employees("burgerzaken")] == ["E1", "E2"]


def test_recording_the_same_attempt_twice_stores_it_once(staffed_store, catalog):
    assert staffed_store.record_attempt(attempt(catalog)) is True
    assert staffed_store.record_attempt(attempt(catalog)) is False
    assert staffed_store.counts()["attempts"] == 1


def test_the_same_moment_written_with_another_offset_is_the_same_attempt(staffed_store, catalog):
    staffed_store.record_attempt(attempt(catalog, when="2025-01-31T10:00"))  # Dutch winter time, UTC+1
    assert staffed_store.record_attempt(attempt(catalog, when="2025-01-31T09:00:00Z")) is False
    assert staffed_store.record_attempt(attempt(catalog, when="2025-01-31T10:00:00+01:00")) is False
    assert staffed_store.record_attempt(attempt(catalog, when="2025-01-31T10:00:00+00:00")) is True


def test_a_batch_reports_new_and_already_present(staffed_store, catalog):
    staffed_store.record_attempt(attempt(catalog, "E1"))
    counts = staffed_store.record_attempts([attempt(catalog, "E1"), attempt(catalog, "E2"), attempt(catalog, "E2")])
    assert (counts.added, counts.already_present) == (1, 2)


def test_attempt_and_answers_are_stored_with_their_scores(staffed_store, catalog):
    staffed_store.record_attempt(attempt(catalog, answers={"t01-q1": ["b"], "t01-q3": ["c", "a"]}))
    [stored] = staffed_store.attempts_of("E1")
    assert stored.score_percent == pytest.approx(100 * (1 + 2 / 3) / 4)
    assert stored.passed is False
    assert stored.taken_at == dt.datetime(2025, 1, 31, 9, 0, tzinfo=dt.UTC)
    answers = staffed_store.answers_of(stored.id)
    assert list(answers) == ["t01-q1", "t01-q2", "t01-q3", "t01-q4"]  # every question, in quiz order
    assert (answers["t01-q3"].chosen, answers["t01-q3"].score) == ("a|c", pytest.approx(2 / 3))
    assert answers["t01-q2"] == ("t01-q2", "", 0.0)


def test_a_time_without_zone_is_refused(staffed_store, catalog):
    naive = NewAttempt.scored("E1", catalog.quizzes["t01"], dt.datetime(2025, 1, 1, 9), "test", {})
    with pytest.raises(ValueError):
        staffed_store.record_attempt(naive)
    assert staffed_store.counts()["attempts"] == 0


def test_concurrent_writers_never_duplicate_an_attempt(db_url, catalog):
    with Store.open(db_url) as setup:
        setup.upsert_employees(ROSTER)
    batch = [
        attempt(catalog, employee, f"2025-02-0{day}T10:00") for employee in ("E1", "E2", "E3") for day in range(1, 8)
    ]
    results, errors = [], []

    def write() -> None:
        try:
            with Store.open(db_url) as store:
                results.append(store.record_attempts(batch))
        except Exception as exc:  # collected so the assertion shows it
            errors.append(exc)

    threads = [threading.Thread(target=write) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sum(r.added for r in results) == len(batch)
    with Store.open(db_url) as store:
        assert store.counts() == {"employees": 3, "attempts": len(batch)}


def test_forget_erases_the_employee_with_all_attempts_and_answers(staffed_store, catalog):
    staffed_store.record_attempt(attempt(catalog, "E1", "2025-01-01T10:00"))
    staffed_store.record_attempt(attempt(catalog, "E1", "2025-01-02T10:00"))
    staffed_store.record_attempt(attempt(catalog, "E2"))
    erased = staffed_store.forget("E1")
    assert (erased.employee.name, erased.attempts, erased.answers) == ("Anna de Vries", 2, 8)
    assert staffed_store.employee("E1") is None and staffed_store.attempts_of("E1") == []
    assert staffed_store.counts() == {"employees": 2, "attempts": 1}
    assert staffed_store.forget("E1") is None


def test_sqlite_forget_leaves_no_trace_of_the_name_in_the_files(tmp_path, catalog):
    path = tmp_path / "avg.db"
    with Store.open(f"sqlite:///{path}") as store:
        store.upsert_employees([Employee("E9", "Zeldzame Achternaamvanbrecht", "IT", (), None)])
        store.forget("E9")
    data = b"".join(p.read_bytes() for p in tmp_path.glob("avg.db*"))
    assert b"Achternaamvanbrecht" not in data


def test_sqlite_store_uses_wal_and_waits_for_a_busy_writer(tmp_path):
    path = tmp_path / "wal.db"
    with Store.open(f"sqlite:///{path}") as store:
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 30000
        # Another program holds the write lock for a moment; our write waits instead of failing.
        other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        other.execute("BEGIN IMMEDIATE")
        timer = threading.Timer(0.5, other.execute, args=("COMMIT",))
        timer.start()
        counts = store.upsert_employees(ROSTER)
        timer.join()
        other.close()
        assert counts.added == 3


def test_unusable_urls_give_dutch_messages(tmp_path):
    with pytest.raises(StoreUnavailable, match="ongeldige database-URL"):
        Store.open("sqlite:://:")
    with pytest.raises(StoreUnavailable, match="wordt niet ondersteund"):
        Store.open("mysql://localhost/x")
    with pytest.raises(StoreUnavailable, match="bestaat niet"):
        Store.open(f"sqlite:///{tmp_path}/missing/dir/x.db")
    with pytest.raises(StoreUnavailable, match="kan de database .* niet openen"):
        Store.open("postgresql+psycopg://nobody@127.0.0.1:1/none")


def test_a_bare_path_and_the_environment_variable_select_the_store(tmp_path, monkeypatch):
    from geletterdheid.records.location import database_url

    assert database_url(str(tmp_path / "a.db")) == f"sqlite:///{(tmp_path / 'a.db').as_posix()}"
    monkeypatch.setenv("GELETTERDHEID_DB", "postgresql+psycopg://u@h/db")
    assert database_url(None) == "postgresql+psycopg://u@h/db"
    assert database_url("sqlite:///x.db") == "sqlite:///x.db"


def test_default_location_is_the_user_data_folder(monkeypatch, tmp_path):
    from geletterdheid.records.location import database_url

    monkeypatch.delenv("GELETTERDHEID_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert database_url(None) == f"sqlite:///{(tmp_path / 'geletterdheid' / 'geletterdheid.db').as_posix()}"
    with Store.open(None) as store:
        assert (tmp_path / "geletterdheid" / "geletterdheid.db").exists()
        assert store.counts()["employees"] == 0


def test_an_attempt_written_through_sqlalchemy_has_the_same_identity(staffed_store, catalog):
    # Another part of the project (the web server) may write attempts with SQLAlchemy itself;
    # the store's own fast insert must recognise them as the same attempt.
    from geletterdheid.records.tables import attempts as table

    with staffed_store.engine.begin() as connection:
        connection.execute(
            table.insert().values(
                employee_id="E1",
                quiz_id="t01",
                taken_at=dt.datetime(2025, 1, 31, 9, 0),
                source="orm",
                score=0.0,
                passed=False,
                answers="{}",
            )
        )
    assert staffed_store.record_attempt(attempt(catalog, "E1", "2025-01-31T10:00")) is False  # 10:00 Dutch = 09:00 UTC
    assert [a.source for a in staffed_store.attempts_of("E1")] == ["orm"]


def test_import_attempts_refuses_replaces_or_skips_by_the_chosen_answers(staffed_store, catalog):
    from geletterdheid.records.model import Answer

    first = attempt(catalog, "E1", answers={"t01-q1": ["a"]})
    assert staffed_store.import_attempts([first]).added == 1
    # the same keys scored differently (the content changed since): the same attempt, kept as stored
    rescored = first._replace(answers=(Answer("t01-q1", "a", 1.0), *first.answers[1:]), score_percent=25.0)
    counts = staffed_store.import_attempts([rescored])
    assert (counts.added, counts.already_present, counts.conflicts) == (0, 1, ())
    # other keys: refused, and the new attempt in the same batch is not stored either
    corrected = attempt(catalog, "E1", answers={"t01-q1": ["b"]})
    counts = staffed_store.import_attempts([attempt(catalog, "E2"), corrected])
    assert counts.added == 0 and [c.index for c in counts.conflicts] == [1]
    assert counts.conflicts[0].stored.score_percent == 0.0
    assert staffed_store.attempts_of("E2") == []
    counts = staffed_store.import_attempts([attempt(catalog, "E2"), corrected], replace=True, done_by="HR", reason="r")
    assert (counts.added, counts.changed, counts.already_present) == (1, 1, 0)
    [stored] = staffed_store.attempts_of("E1")
    assert stored.score_percent == 25.0 and staffed_store.answers_of(stored.id)["t01-q1"].chosen == "b"
    [change] = staffed_store.changes_of("E1")
    assert (change.action, change.done_by, change.reason, change.old_score) == ("vervangen", "HR", "r", 0.0)


def test_progress_of_a_period_counts_only_the_attempts_made_in_it(staffed_store, catalog):
    wrong = {"t01-q1": ["a"]}
    right = {"t01-q1": ["b"], "t01-q2": ["onjuist"], "t01-q3": ["a", "c", "d"]}
    staffed_store.record_attempts(
        [
            attempt(catalog, when="2025-01-31T10:00", answers=wrong),
            attempt(catalog, when="2025-03-01T00:30", answers=right),  # Dutch time: 28 February 23:30 in UTC
            attempt(catalog, when="2025-04-02T10:00", answers=wrong),
        ]
    )
    everything = staffed_store.module_progress()
    assert [(p.attempt_count, p.passed_at is not None) for p in everything] == [(3, True)]
    # the bounds are moments: a Dutch month holds the attempt made just after its local midnight
    (march,) = staffed_store.module_progress(since=at("2025-03-01T00:00"), until=at("2025-04-01T00:00"))
    assert (march.attempt_count, march.passed_at) == (1, at("2025-03-01T00:30"))
    assert staffed_store.module_progress(since=at("2025-02-01T00:00"), until=at("2025-03-01T00:00")) == []
    (up_to_march,) = staffed_store.module_progress(until=at("2025-03-02T00:00"))
    assert (up_to_march.attempt_count, up_to_march.passed_at) == (2, at("2025-03-01T00:30"))
    assert staffed_store.module_progress(since=at("2025-05-01T00:00")) == []
