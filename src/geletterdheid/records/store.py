"""The records store: employees, their quiz attempts and answers. The one place with SQL.

Usage (the CLI and the HTTP server both do this)::

    store = Store.open(url_or_None)          # creates or upgrades the schema
    employee = store.employee("E001")
    attempt = NewAttempt.scored("E001", quiz, taken_at, "web", {"m01-q01": ["b"]})
    added = store.record_attempt(attempt)    # False when that attempt was already stored
    store.close()
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import Connection, Dialect, Engine, Select, case, delete, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from .bulk import decode_answers, dialect_insert, driver_connection, insert_attempts
from .database import create_store_engine, migrate, write_transaction
from .errors import StoreUnavailable
from .location import database_url, default_database_path, sqlite_url
from .model import (
    SEPARATOR,
    Answer,
    Employee,
    Erasure,
    ModuleProgress,
    NewAttempt,
    RecordCounts,
    StoredAttempt,
    UpsertCounts,
    join_roles,
)
from .tables import attempts, employees, key_versions, link_secret

SUPPORTED_BACKENDS = ("sqlite", "postgresql")


def _utc(moment: dt.datetime) -> dt.datetime:
    """A stored time (naive UTC) as an aware one."""
    return moment.replace(tzinfo=dt.UTC)


def _roles(text: str) -> tuple[str, ...]:
    return tuple(text.split(SEPARATOR)) if text else ()  # stored roles are canonical: no spaces to strip


def _employee(row) -> Employee:
    return Employee(id=row.id, name=row.name, department=row.department, roles=_roles(row.roles), email=row.email)


def _employee_params(employee: Employee) -> dict:
    return {
        "id": employee.id,
        "name": employee.name,
        "department": employee.department,
        "roles": join_roles(employee.roles),
        "email": employee.email,
    }


def _driver_rows(connection: Connection, query: Select[Any]) -> list[tuple[Any, ...]]:
    """The rows of ``query`` straight from the driver: no SQLAlchemy Row objects for 100,000 rows."""
    compiled = query.compile(dialect=connection.dialect)
    parameters: dict[str, Any] | tuple[Any, ...] = compiled.params
    if compiled.positional and compiled.positiontup is not None:
        parameters = tuple(compiled.params[name] for name in compiled.positiontup)
    cursor = driver_connection(connection).cursor()
    try:
        cursor.execute(str(compiled), parameters)
        return cursor.fetchall()
    finally:
        cursor.close()


#: A time as the driver returns it: text on SQLite, a naive datetime on PostgreSQL (both UTC), or None.
StoredTime = Any


def _stored_time_reader(dialect: Dialect) -> Callable[[StoredTime], dt.datetime | None]:
    """Raw stored time (text on SQLite, naive datetime on PostgreSQL; UTC) -> aware UTC datetime."""
    if dialect.name == "sqlite":
        # Parsing text that carries its offset is ten times quicker than datetime.replace(tzinfo=...).
        return lambda value: None if value is None else dt.datetime.fromisoformat(value + "+00:00")
    return lambda value: None if value is None else value.replace(tzinfo=dt.UTC)


def _stored_hour_reader(dialect: Dialect) -> Callable[[StoredTime], object]:
    """Raw stored time -> a key that equal times within one UTC hour share (None stays None)."""
    if dialect.name == "sqlite":
        return lambda value: value and value[:13]  # 'YYYY-MM-DD HH'
    return lambda value: value and value.replace(minute=0, second=0, microsecond=0)


class StoredProgress(NamedTuple):
    """module_progress() as the driver returned it, for a report that handles 100,000 rows itself."""

    #: (employee id, quiz id, best score, first passed in stored form or None, number of attempts)
    rows: list[tuple[str, str, float, StoredTime, int]]
    #: stored form -> aware UTC datetime (None stays None)
    moment: Callable[[StoredTime], dt.datetime | None]
    #: stored form -> a key that times within the same UTC hour share (None stays None)
    hour: Callable[[StoredTime], object]


def describe_failure(exc: DBAPIError) -> str:
    """The driver's own first line (often English, but it is what an administrator needs)."""
    original = getattr(exc, "orig", None) or exc
    return str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__


class Store:
    def __init__(self, engine: Engine):
        self.engine = engine

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def open(cls, url: str | None = None, busy_timeout: float | None = None) -> Store:
        """Open (and create or upgrade) the store at ``url``, ``$GELETTERDHEID_DB`` or the default file.

        ``busy_timeout``: how long a SQLite writer waits for another (see database.py)."""
        resolved = database_url(url)
        try:
            parsed = make_url(resolved)
        except ArgumentError:
            raise StoreUnavailable(
                f"ongeldige database-URL '{resolved}'; "
                "gebruik bijvoorbeeld sqlite:///pad/naar/geletterdheid.db of postgresql+psycopg://..."
            ) from None
        backend = parsed.get_backend_name()
        if backend not in SUPPORTED_BACKENDS:
            raise StoreUnavailable(f"database '{backend}' wordt niet ondersteund; gebruik SQLite of PostgreSQL")
        location = parsed.render_as_string(hide_password=True)
        if backend == "sqlite" and parsed.database and parsed.database != ":memory:":
            path = Path(parsed.database)
            if resolved == sqlite_url(default_database_path()):
                path.parent.mkdir(parents=True, exist_ok=True)
            elif not path.parent.is_dir():
                raise StoreUnavailable(f"de map {path.parent} voor de database {path.name} bestaat niet")
        try:
            engine = create_store_engine(resolved, busy_timeout)
        except (NoSuchModuleError, ArgumentError) as exc:
            raise StoreUnavailable(f"kan de database {location} niet openen: {exc}") from None
        from alembic.util import CommandError

        try:
            migrate(engine)
        except DBAPIError as exc:
            engine.dispose()
            raise StoreUnavailable(f"kan de database {location} niet openen: {describe_failure(exc)}") from None
        except CommandError:
            engine.dispose()
            raise StoreUnavailable(
                f"de database {location} is gemaakt met een nieuwere versie van geletterdheid; werk geletterdheid bij"
            ) from None
        return cls(engine)

    @property
    def location(self) -> str:
        """The URL without password, for messages."""
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # -- employees ---------------------------------------------------------------------------

    def employee(self, employee_id: str) -> Employee | None:
        with self.engine.connect() as connection:
            row = connection.execute(select(employees).where(employees.c.id == employee_id)).first()
        return _employee(row) if row else None

    def employees(self, department: str | None = None) -> list[Employee]:
        """All employees in id order; ``department`` filters case-insensitively."""
        query = select(
            employees.c.id, employees.c.name, employees.c.department, employees.c.roles, employees.c.email
        ).order_by(employees.c.id)
        if department is not None:
            query = query.where(func.lower(employees.c.department) == department.strip().lower())
        with self.engine.connect() as connection:
            rows = _driver_rows(connection, query)  # an export reads the whole organisation
        return [
            Employee(employee_id, name, department_, _roles(roles), email)
            for employee_id, name, department_, roles, email in rows
        ]

    def employee_contacts(self) -> list[tuple[str, str | None]]:
        """(id, e-mail) of every employee: what an import needs to recognise people, and quick to load."""
        with self.engine.connect() as connection:
            return [tuple(row) for row in connection.execute(select(employees.c.id, employees.c.email))]

    def upsert_employees(self, new: Sequence[Employee]) -> UpsertCounts:
        """Add new employees and update changed ones; employees not in ``new`` stay as they are."""
        with write_transaction(self.engine) as connection:
            current = {row.id: _employee(row) for row in connection.execute(select(employees))}
            added = [e for e in new if e.id not in current]
            changed = [e for e in new if e.id in current and current[e.id] != e]
            if added or changed:
                statement = dialect_insert(connection, employees)
                statement = statement.on_conflict_do_update(
                    index_elements=["id"],
                    set_={column: statement.excluded[column] for column in ("name", "department", "roles", "email")},
                )
                connection.execute(statement, [_employee_params(e) for e in added + changed])
        return UpsertCounts(added=len(added), changed=len(changed), unchanged=len(new) - len(added) - len(changed))

    # -- attempts ----------------------------------------------------------------------------

    def record_attempt(self, attempt: NewAttempt) -> bool:
        """Store one scored attempt; False when the same (employee, quiz, time) is already stored."""
        return self.record_attempts([attempt]).added == 1

    def record_attempts(self, new: Sequence[NewAttempt]) -> RecordCounts:
        """Store scored attempts in one transaction; attempts already stored are left alone."""
        with write_transaction(self.engine) as connection:
            added = insert_attempts(connection, new)
        return RecordCounts(added=added, already_present=len(new) - added)

    def attempts_of(self, employee_id: str) -> list[StoredAttempt]:
        query = (
            select(attempts).where(attempts.c.employee_id == employee_id).order_by(attempts.c.taken_at, attempts.c.id)
        )
        with self.engine.connect() as connection:
            return [
                StoredAttempt(
                    id=row.id,
                    employee_id=row.employee_id,
                    quiz_id=row.quiz_id,
                    taken_at=_utc(row.taken_at),
                    source=row.source,
                    score_percent=row.score,
                    passed=row.passed,
                )
                for row in connection.execute(query)
            ]

    def answers_of(self, attempt_id: int) -> dict[str, Answer]:
        """Question id -> Answer(question id, chosen keys joined by '|', score) for one attempt."""
        with self.engine.connect() as connection:
            text = connection.execute(
                select(attempts.c.answers).where(attempts.c.id == attempt_id)
            ).scalar_one_or_none()
        return {} if text is None else decode_answers(text)

    def module_progress(self, department: str | None = None) -> list[ModuleProgress]:
        """Per employee and quiz: best score, first time passed and number of attempts."""
        stored = self.stored_progress(department)
        moment = stored.moment
        return [
            ModuleProgress(employee_id, quiz_id, best, moment(first_passed), count)
            for employee_id, quiz_id, best, first_passed, count in stored.rows
        ]

    def stored_progress(self, department: str | None = None) -> StoredProgress:
        """module_progress() without building a ModuleProgress and a datetime per row."""
        query = select(
            attempts.c.employee_id,
            attempts.c.quiz_id,
            func.max(attempts.c.score),
            func.min(case((attempts.c.passed, attempts.c.taken_at))),
            func.count(),
        ).group_by(attempts.c.employee_id, attempts.c.quiz_id)
        if department is not None:
            query = query.join(employees, employees.c.id == attempts.c.employee_id).where(
                func.lower(employees.c.department) == department.strip().lower()
            )
        with self.engine.connect() as connection:
            # Straight from the driver: for a whole organisation SQLAlchemy's per-row result
            # processing took longer than the aggregation itself.
            rows = _driver_rows(connection, query)
        return StoredProgress(rows, _stored_time_reader(self.engine.dialect), _stored_hour_reader(self.engine.dialect))

    def first_attempt_scores(self, quiz_id: str) -> list[dict[str, float]]:
        """Question id -> score for each employee's first attempt at ``quiz_id`` (the basis of item analysis)."""
        query = (
            select(attempts.c.employee_id, attempts.c.answers)
            .where(attempts.c.quiz_id == quiz_id)
            .order_by(attempts.c.taken_at, attempts.c.id)
        )
        first: dict[str, str] = {}
        with self.engine.connect() as connection:
            for employee_id, answers in connection.execute(query):
                first.setdefault(employee_id, answers)
        return [
            {question_id: answer.score for question_id, answer in decode_answers(text).items()}
            for text in first.values()
        ]

    # -- erasure -----------------------------------------------------------------------------

    def forget(self, employee_id: str) -> Erasure | None:
        """Erase an employee with all attempts and answers (AVG art. 17); None when unknown."""
        with write_transaction(self.engine) as connection:
            row = connection.execute(select(employees).where(employees.c.id == employee_id)).first()
            if row is None:
                return None
            their_answers = (
                connection.execute(select(attempts.c.answers).where(attempts.c.employee_id == employee_id))
                .scalars()
                .all()
            )
            connection.execute(delete(attempts).where(attempts.c.employee_id == employee_id))
            connection.execute(delete(employees).where(employees.c.id == employee_id))
        if self.engine.dialect.name == "sqlite":
            # The WAL file still holds copies of the erased rows until a checkpoint moves it
            # into the (secure_delete) main file and empties it.
            with self.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return Erasure(
            employee=_employee(row),
            attempts=len(their_answers),
            answers=sum(len(decode_answers(text)) for text in their_answers),
        )

    # -- for tests and summaries -------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as connection:
            return {
                table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
                for table in (employees, attempts)
            }

    # -- the results server: health, key versions, link secret -------------------------------

    def ping(self) -> None:
        """Raise unless the database answers (``/gezond``)."""
        with self.engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")

    def employee_with_key_version(self, employee_id: str) -> tuple[Employee, int] | None:
        """The employee and their personal-link key version (0 when never renewed), in one query."""
        query = (
            select(employees, func.coalesce(key_versions.c.version, 0).label("key_version"))
            .outerjoin(key_versions, key_versions.c.employee_id == employees.c.id)
            .where(employees.c.id == employee_id)
        )
        with self.engine.connect() as connection:
            row = connection.execute(query).first()
        return (_employee(row), row.key_version) if row else None

    def employees_with_email(self, email: str) -> list[Employee]:
        """Employees whose e-mail address is ``email`` (case-insensitive): single sign-on by e-mail."""
        query = select(employees).where(func.lower(employees.c.email) == email.strip().lower())
        with self.engine.connect() as connection:
            return [_employee(row) for row in connection.execute(query)]

    def key_versions(self) -> dict[str, int]:
        """Employee id -> key version, for the employees whose links were ever renewed."""
        with self.engine.connect() as connection:
            return {row.employee_id: row.version for row in connection.execute(select(key_versions))}

    def key_version(self, employee_id: str) -> int:
        with self.engine.connect() as connection:
            version = connection.execute(
                select(key_versions.c.version).where(key_versions.c.employee_id == employee_id)
            ).scalar_one_or_none()
        return version or 0

    def renew_key_version(self, employee_id: str) -> int:
        """Raise the employee's key version by one (their earlier links stop working); the new version."""
        with write_transaction(self.engine) as connection:
            current = connection.execute(
                select(key_versions.c.version).where(key_versions.c.employee_id == employee_id)
            ).scalar_one_or_none()
            if current is None:
                connection.execute(key_versions.insert().values(employee_id=employee_id, version=1))
                return 1
            connection.execute(
                key_versions.update().where(key_versions.c.employee_id == employee_id).values(version=current + 1)
            )
            return current + 1

    def link_secret(self) -> tuple[str, str] | None:
        """(fingerprint, where the server keeps it) of the link secret the server registered, or None."""
        with self.engine.connect() as connection:
            row = connection.execute(select(link_secret.c.fingerprint, link_secret.c.source)).first()
        return (row.fingerprint, row.source) if row else None

    def register_link_secret(self, fingerprint: str, source: str, now: dt.datetime) -> str | None:
        """Record the server's link secret; returns the fingerprint it replaces when that differs."""
        with write_transaction(self.engine) as connection:
            previous = connection.execute(select(link_secret.c.fingerprint)).scalar_one_or_none()
            values = {
                "fingerprint": fingerprint,
                "source": source,
                "registered_at": now.astimezone(dt.UTC).replace(tzinfo=None),
            }
            if previous is None:
                connection.execute(link_secret.insert().values(id=1, **values))
            else:
                connection.execute(link_secret.update().values(**values))
        return previous if previous not in (None, fingerprint) else None
