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
import os
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Connection,
    Date,
    DateTime,
    Dialect,
    Engine,
    Select,
    String,
    bindparam,
    case,
    delete,
    func,
    literal,
    or_,
    select,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from ..content.inventory import department_key
from .bulk import (
    decode_answers,
    dialect_insert,
    differing_rows,
    driver_connection,
    driver_rows,
    insert_attempts,
    insert_rows_noting_differences,
)
from .database import BUSY_TIMEOUT_SECONDS, create_store_engine, migrate, write_transaction
from .errors import StoreUnavailable
from .location import database_url, default_database_path, sqlite_url
from .model import (
    REPLACED,
    SEPARATOR,
    VOIDED,
    Answer,
    AttemptChange,
    Conflict,
    Employee,
    Erasure,
    ModuleProgress,
    NewAttempt,
    RecordCounts,
    StoredAttempt,
    UpsertCounts,
    join_roles,
)
from .tables import (
    attempt_changes,
    attempts,
    attendance_changes,
    employees,
    key_versions,
    link_secret,
    workshop_attendance,
)
from .times import LOCAL_ZONE

SUPPORTED_BACKENDS = ("sqlite", "postgresql")
#: Emptying SQLite's write-ahead log after an erasure: tries, the wait per try and the pause between.
CHECKPOINT_TRIES = 5
CHECKPOINT_WAIT_MS = 200
CHECKPOINT_PAUSE_SECONDS = 0.2


def _utc(moment: dt.datetime) -> dt.datetime:
    """A stored time (naive UTC) as an aware one."""
    return moment.replace(tzinfo=dt.UTC)


def _roles(text: str) -> tuple[str, ...]:
    return tuple(text.split(SEPARATOR)) if text else ()  # stored roles are canonical: no spaces to strip


def _employee(row) -> Employee:
    return Employee(
        id=row.id,
        name=row.name,
        department=row.department,
        roles=_roles(row.roles),
        email=row.email,
        left_on=row.left_on,
    )


def _employee_params(employee: Employee) -> dict:
    return {
        "id": employee.id,
        "name": employee.name,
        "department": employee.department,
        "roles": join_roles(employee.roles),
        "email": employee.email,
        "left_on": employee.left_on,
    }


def today() -> dt.date:
    """The day in the Netherlands: an employee who leaves on a day is gone from that day on."""
    return dt.datetime.now(LOCAL_ZONE).date()


def _day(dialect: Dialect, day: dt.date) -> ColumnElement[Any]:
    """A date as a literal the driver takes as is: _driver_rows bypasses SQLAlchemy's type processing,
    and sqlite3's own date adapter is deprecated; SQLite stores dates as ISO text, which compares right."""
    if dialect.name == "sqlite":
        return literal(day.isoformat(), String)
    return literal(day, Date)


def _moment(dialect: Dialect, moment: dt.datetime) -> ColumnElement[Any]:
    """An aware time as a literal that compares with stored times (naive UTC) through the driver:
    SQLite stores them as fixed-format text (see _day)."""
    naive = moment.astimezone(dt.UTC).replace(tzinfo=None)
    if dialect.name == "sqlite":
        return literal(naive.strftime("%Y-%m-%d %H:%M:%S.%f"), String)
    return literal(naive, DateTime())


def _in_service(dialect: Dialect, as_of: dt.date | None) -> ColumnElement[bool]:
    """The one definition of "still employed" every report uses: no leaving date, or one after ``as_of``."""
    return or_(employees.c.left_on.is_(None), employees.c.left_on > _day(dialect, as_of or today()))


def _who(name: str | None) -> str:
    return (name or "").strip() or "onbekend"


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


def _stored_day_reader(dialect: Dialect) -> Callable[[Any], dt.date | None]:
    """Raw stored date (ISO text on SQLite, a date on PostgreSQL) -> date (None stays None)."""
    if dialect.name == "sqlite":
        return lambda value: None if value is None else dt.date.fromisoformat(value)
    return lambda value: value


def _stored_hour_reader(dialect: Dialect) -> Callable[[StoredTime], object]:
    """Raw stored time -> a key that equal times within one UTC hour share (None stays None)."""
    if dialect.name == "sqlite":
        return lambda value: value and value[:13]  # 'YYYY-MM-DD HH'
    return lambda value: value and value.replace(minute=0, second=0, microsecond=0)


class StoredProgress(NamedTuple):
    """module_progress() as the driver returned it, for a report that handles 100,000 rows itself."""

    #: (employee id, quiz id, best score, latest pass in stored form or None, number of attempts,
    #: highest module version passed on or None, latest attempt); without the last two when asked
    #: for without details
    rows: list[tuple[Any, ...]]
    #: stored form -> aware UTC datetime (None stays None)
    moment: Callable[[StoredTime], dt.datetime | None]
    #: stored form -> a key that times within the same UTC hour share (None stays None)
    hour: Callable[[StoredTime], object]


def describe_failure(exc: DBAPIError) -> str:
    """The driver's own first line (often English, but it is what an administrator needs)."""
    original = getattr(exc, "orig", None) or exc
    return str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__


def _create_private(path: Path, location: str) -> None:
    """Create a new SQLite file readable by its owner only (0600): it holds names and results.

    SQLite gives its -wal and -shm files the permissions of the database file, so they are
    private too. An existing file keeps the permissions its administrator gave it."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass
    except OSError as exc:
        raise StoreUnavailable(f"kan de database {location} niet maken: {exc.strerror}") from None


class _RollBack(Exception):
    """Raised inside a write transaction to undo it (an import refused because of conflicts)."""


def _chosen(answers: Iterable[Answer]) -> dict[str, str]:
    """Question id -> chosen keys: what makes two versions of an attempt the same (scores may be rescored)."""
    return {answer.question_id: answer.chosen for answer in answers}


def _stored_attempt(row: Sequence[Any], read_time: Callable[[StoredTime], dt.datetime | None]) -> StoredAttempt:
    """A StoredAttempt from a raw row in bulk.STORED_COLUMNS order."""
    attempt_id, employee_id, quiz_id, taken_at, source, score, passed, voided_at = row[:8]
    moment = read_time(taken_at)
    assert moment is not None  # taken_at is NOT NULL
    return StoredAttempt(attempt_id, employee_id, quiz_id, moment, source, score, bool(passed), read_time(voided_at))


def _attempt_of_row(row: Any) -> StoredAttempt:
    return StoredAttempt(
        id=row.id,
        employee_id=row.employee_id,
        quiz_id=row.quiz_id,
        taken_at=_utc(row.taken_at),
        source=row.source,
        score_percent=row.score,
        passed=row.passed,
        voided_at=None if row.voided_at is None else _utc(row.voided_at),
        module_version=row.module_version,
    )


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _change_of_row(row: Any) -> AttemptChange:
    return AttemptChange(
        row.attempt_id,
        row.action,
        _utc(row.done_at),
        row.done_by,
        row.reason,
        row.old_source,
        row.old_score,
        row.old_passed,
    )


def _replace(
    connection: Connection,
    new: Sequence[NewAttempt],
    rows: list[tuple],
    conflicts: Sequence[Conflict],
    old_answers: dict[int, str],
    done_by: str | None,
    reason: str,
) -> None:
    """Give conflicting stored attempts their new version and write each replacement to the audit trail.

    The attempt keeps its id and a void stays a void: replacing corrects the answers, not HR's decision.
    """
    now = _utc_now()
    connection.execute(
        attempt_changes.insert(),
        [
            {
                "attempt_id": conflict.stored.id,
                "action": REPLACED,
                "done_at": now,
                "done_by": _who(done_by),
                "reason": reason,
                "old_source": conflict.stored.source,
                "old_score": conflict.stored.score_percent,
                "old_passed": conflict.stored.passed,
                "old_answers": old_answers[conflict.stored.id],
            }
            for conflict in conflicts
        ],
    )
    connection.execute(
        update(attempts)
        .where(attempts.c.id == bindparam("attempt"))
        .values(
            source=bindparam("new_source"),
            score=bindparam("new_score"),
            passed=bindparam("new_passed"),
            answers=bindparam("new_answers"),
            module_version=bindparam("new_version"),  # scored again, on the content as it is now
        ),
        [
            {
                "attempt": conflict.stored.id,
                "new_source": new[conflict.index].source,
                "new_score": new[conflict.index].score_percent,
                "new_passed": new[conflict.index].passed,
                "new_answers": rows[conflict.index][6],
                "new_version": rows[conflict.index][7],
            }
            for conflict in conflicts
        ],
    )


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
                path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            elif not path.parent.is_dir():
                raise StoreUnavailable(f"de map {path.parent} voor de database {path.name} bestaat niet")
            _create_private(path, location)
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

    def employees(
        self, department: str | None = None, include_left: bool = False, as_of: dt.date | None = None
    ) -> list[Employee]:
        """Employees in id order; ``department`` filters case-insensitively (see department_key).

        Leavers (left on or before ``as_of``, default today) are left out unless ``include_left``:
        this is where every report (export, progress, links) gets that rule from.
        """
        query = select(
            employees.c.id,
            employees.c.name,
            employees.c.department,
            employees.c.roles,
            employees.c.email,
            employees.c.left_on,
        ).order_by(employees.c.id)
        if not include_left:
            query = query.where(_in_service(self.engine.dialect, as_of))
        with self.engine.connect() as connection:
            rows = _driver_rows(connection, query)  # an export reads the whole organisation
        if department is not None:
            wanted = department_key(department)
            rows = [row for row in rows if department_key(row[2]) == wanted]
        read_day = _stored_day_reader(self.engine.dialect)
        return [
            Employee(employee_id, name, department_, _roles(roles), email, read_day(left_on))
            for employee_id, name, department_, roles, email, left_on in rows
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
                    set_={
                        column: statement.excluded[column]
                        for column in ("name", "department", "roles", "email", "left_on")
                    },
                )
                connection.execute(statement, [_employee_params(e) for e in added + changed])
        return UpsertCounts(added=len(added), changed=len(changed), unchanged=len(new) - len(added) - len(changed))

    def mark_left(self, keep: Sequence[str], day: dt.date) -> list[str]:
        """Mark every employee in service on ``day`` whose id is not in ``keep`` as left on ``day``.

        For a complete roster: who is not on it has left. Returns the ids marked, in id order.
        """
        kept = set(keep)
        with write_transaction(self.engine) as connection:
            current = connection.execute(
                select(employees.c.id).where(_in_service(connection.dialect, day)).order_by(employees.c.id)
            ).scalars()
            leaving = [employee_id for employee_id in current if employee_id not in kept]
            if leaving:
                connection.execute(
                    update(employees).where(employees.c.id == bindparam("employee")).values(left_on=day),
                    [{"employee": employee_id} for employee_id in leaving],
                )
        return leaving

    # -- attempts ----------------------------------------------------------------------------

    def record_attempt(self, attempt: NewAttempt, versions: Mapping[str, int] | None = None) -> bool:
        """Store one scored attempt; False when the same (employee, quiz, time) is already stored."""
        return self.record_attempts([attempt], versions).added == 1

    def record_attempts(self, new: Sequence[NewAttempt], versions: Mapping[str, int] | None = None) -> RecordCounts:
        """Store scored attempts in one transaction; attempts already stored are left alone.

        ``versions``: quiz id -> the module version (``versie``) the attempts were made on."""
        with write_transaction(self.engine) as connection:
            added = insert_attempts(connection, new, versions)
        return RecordCounts(added=added, already_present=len(new) - added)

    def import_attempts(
        self,
        new: Sequence[NewAttempt],
        replace: bool = False,
        done_by: str | None = None,
        reason: str = "",
        versions: Mapping[str, int] | None = None,
    ) -> RecordCounts:
        """Store an import's attempts in one transaction, minding corrections.

        An attempt stored before with the same answers is skipped. One stored before with other
        answers is a conflict: without ``replace`` nothing of the batch is stored and the
        conflicts are returned; with it those attempts get the new answers and each replacement
        is written to the audit trail (who, when, why, the values before). Finding the conflicts
        costs only when there are any (on PostgreSQL: when rows were skipped); a first import, and
        on SQLite an identical re-import, never pays for it.
        """
        conflicts: tuple[Conflict, ...] = ()
        try:
            with write_transaction(self.engine) as connection:
                rows = driver_rows(connection, new, versions)
                added, may_differ = insert_rows_noting_differences(connection, rows)
                if not may_differ:
                    return RecordCounts(added=added, already_present=len(rows) - added)
                differing = differing_rows(connection, rows)
                read_time = _stored_time_reader(connection.dialect)
                conflicts = tuple(
                    Conflict(index, _stored_attempt(stored, read_time))
                    for index, stored in differing
                    if _chosen(decode_answers(stored[-1]).values()) != _chosen(new[index].answers)
                )
                if not conflicts:
                    return RecordCounts(added=added, already_present=len(rows) - added)
                if not replace:
                    raise _RollBack
                old_answers = {stored[0]: stored[-1] for _, stored in differing}
                _replace(connection, new, rows, conflicts, old_answers, done_by, reason)
        except _RollBack:
            return RecordCounts(added=0, already_present=0, conflicts=conflicts)
        return RecordCounts(
            added=added, already_present=len(rows) - added - len(conflicts), changed=len(conflicts), conflicts=conflicts
        )

    def attempts_of(self, employee_id: str, include_voided: bool = False) -> list[StoredAttempt]:
        """An employee's attempts in time order; voided ones only with ``include_voided``."""
        query = (
            select(attempts).where(attempts.c.employee_id == employee_id).order_by(attempts.c.taken_at, attempts.c.id)
        )
        if not include_voided:
            query = query.where(attempts.c.voided_at.is_(None))
        with self.engine.connect() as connection:
            return [_attempt_of_row(row) for row in connection.execute(query)]

    def attempt(self, attempt_id: int) -> StoredAttempt | None:
        with self.engine.connect() as connection:
            row = connection.execute(select(attempts).where(attempts.c.id == attempt_id)).first()
        return None if row is None else _attempt_of_row(row)

    def void_attempt(self, attempt_id: int, reason: str, done_by: str | None = None) -> StoredAttempt | None:
        """Void an attempt: it stops counting everywhere; the audit trail records who, when and why.

        Returns the attempt as it was before (its voided_at set if it was voided already, and
        then nothing changes); None when there is no such attempt.
        """
        with write_transaction(self.engine) as connection:
            row = connection.execute(select(attempts).where(attempts.c.id == attempt_id)).first()
            if row is None:
                return None
            before = _attempt_of_row(row)
            if row.voided_at is not None:
                return before
            now = _utc_now()
            connection.execute(update(attempts).where(attempts.c.id == attempt_id).values(voided_at=now))
            connection.execute(
                attempt_changes.insert().values(
                    attempt_id=attempt_id,
                    action=VOIDED,
                    done_at=now,
                    done_by=_who(done_by),
                    reason=reason,
                    old_source=row.source,
                    old_score=row.score,
                    old_passed=row.passed,
                    old_answers=row.answers,
                )
            )
        return before

    def changes_of(self, employee_id: str) -> list[AttemptChange]:
        """The audit trail of an employee's attempts, oldest first."""
        query = (
            select(attempt_changes)
            .join(attempts, attempts.c.id == attempt_changes.c.attempt_id)
            .where(attempts.c.employee_id == employee_id)
            .order_by(attempt_changes.c.done_at, attempt_changes.c.id)
        )
        with self.engine.connect() as connection:
            return [_change_of_row(row) for row in connection.execute(query)]

    def all_attempts(self) -> list[StoredAttempt]:
        """Every stored attempt, voided ones included, by employee and then in time order (one query)."""
        query = select(attempts).order_by(attempts.c.employee_id, attempts.c.taken_at, attempts.c.id)
        with self.engine.connect() as connection:
            return [_attempt_of_row(row) for row in connection.execute(query)]

    def all_changes(self) -> dict[int, list[AttemptChange]]:
        """The audit trail of every attempt that has one, oldest entry first; attempts never changed are absent."""
        query = select(attempt_changes).order_by(
            attempt_changes.c.attempt_id, attempt_changes.c.done_at, attempt_changes.c.id
        )
        found: dict[int, list[AttemptChange]] = {}
        with self.engine.connect() as connection:
            for row in connection.execute(query):
                found.setdefault(row.attempt_id, []).append(_change_of_row(row))
        return found

    def answers_of(self, attempt_id: int) -> dict[str, Answer]:
        """Question id -> Answer(question id, chosen keys joined by '|', score) for one attempt."""
        with self.engine.connect() as connection:
            text = connection.execute(
                select(attempts.c.answers).where(attempts.c.id == attempt_id)
            ).scalar_one_or_none()
        return {} if text is None else decode_answers(text)

    def module_progress(
        self,
        department: str | None = None,
        include_left: bool = False,
        *,
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
    ) -> list[ModuleProgress]:
        """Per employee and quiz: best score, latest pass, number of attempts, version passed on, latest attempt
        (voided attempts not counted). ``since``/``until`` (aware): only attempts taken at or after
        ``since`` and before ``until`` (a report for a period)."""
        stored = self.stored_progress(department, include_left, since=since, until=until)
        moment = stored.moment
        return [
            ModuleProgress(employee_id, quiz_id, best, moment(passed), count, version, moment(last))
            for employee_id, quiz_id, best, passed, count, version, last in stored.rows
        ]

    def stored_progress(
        self,
        department: str | None = None,
        include_left: bool = False,
        *,
        details: bool = True,
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
    ) -> StoredProgress:
        """module_progress() without building a ModuleProgress and a datetime per row.

        ``details=False`` leaves out the version passed on and the latest attempt: rows then end
        after the number of attempts. Every column costs: the export of 20,000 employees is held
        to twice the time of writing its CSV, and without a validity or re-training it needs
        neither."""
        columns = [
            attempts.c.employee_id,
            attempts.c.quiz_id,
            func.max(attempts.c.score),
            # the latest pass, not the first: a pass counts for geldig_maanden from when it was made
            func.max(case((attempts.c.passed, attempts.c.taken_at))),
            func.count(),
        ]
        if details:
            # the newest module version passed on, and the latest attempt (after the latest pass:
            # re-training has started)
            columns += [func.max(case((attempts.c.passed, attempts.c.module_version))), func.max(attempts.c.taken_at)]
        query = (
            select(*columns).where(attempts.c.voided_at.is_(None)).group_by(attempts.c.employee_id, attempts.c.quiz_id)
        )
        if since is not None:
            query = query.where(attempts.c.taken_at >= _moment(self.engine.dialect, since))
        if until is not None:
            query = query.where(attempts.c.taken_at < _moment(self.engine.dialect, until))
        with self.engine.connect() as connection:
            if not include_left:
                # the same rule as employees(): a leaver's attempts leave the figures with them. Only
                # asked for when someone has left: the subquery costs a tenth of the export's budget.
                leavers = select(employees.c.id).where(~_in_service(self.engine.dialect, None))
                if connection.execute(leavers.limit(1)).first() is not None:
                    query = query.where(attempts.c.employee_id.not_in(leavers))
            # Straight from the driver: for a whole organisation SQLAlchemy's per-row result
            # processing took longer than the aggregation itself.
            rows = _driver_rows(connection, query)
        if department is not None:
            members = {employee.id for employee in self.employees(department, include_left=include_left)}
            rows = [row for row in rows if row[0] in members]
        return StoredProgress(rows, _stored_time_reader(self.engine.dialect), _stored_hour_reader(self.engine.dialect))

    def first_attempt_scores(self, quiz_id: str) -> list[dict[str, float]]:
        """Question id -> score for each employee's first attempt at ``quiz_id`` (the basis of item analysis)."""
        query = (
            select(attempts.c.employee_id, attempts.c.answers)
            .where(attempts.c.quiz_id == quiz_id, attempts.c.voided_at.is_(None))
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
        """Erase an employee with all attempts, answers and workshop attendance (AVG art. 17); None when unknown."""
        with write_transaction(self.engine) as connection:
            row = connection.execute(select(employees).where(employees.c.id == employee_id)).first()
            if row is None:
                return None
            their_answers = (
                connection.execute(select(attempts.c.answers).where(attempts.c.employee_id == employee_id))
                .scalars()
                .all()
            )
            attended = connection.execute(
                select(func.count()).where(workshop_attendance.c.employee_id == employee_id)
            ).scalar_one()
            connection.execute(delete(attempts).where(attempts.c.employee_id == employee_id))
            # Their attendance and its trail; the workshops themselves (name, day, trainer) stay.
            connection.execute(delete(attendance_changes).where(attendance_changes.c.employee_id == employee_id))
            connection.execute(delete(workshop_attendance).where(workshop_attendance.c.employee_id == employee_id))
            connection.execute(delete(employees).where(employees.c.id == employee_id))
        return Erasure(
            employee=_employee(row),
            attempts=len(their_answers),
            answers=sum(len(decode_answers(text)) for text in their_answers),
            workshops=attended,
            copies_left=not self.empty_write_ahead_log(),
        )

    def empty_write_ahead_log(self) -> bool:
        """Move SQLite's write-ahead log into the main file and empty it; True when that worked.

        Until then the -wal file still holds copies of erased rows. Another process in the
        middle of reading (the server answering a request, an export) keeps the log in use; the
        checkpoint says so with its busy flag. We try a few times, briefly, rather than wait
        for the minute-long busy timeout. Always True for PostgreSQL, which has no such file.
        """
        if self.engine.dialect.name != "sqlite":
            return True
        connection = self.engine.raw_connection()
        try:
            cursor = connection.cursor()
            cursor.execute(f"PRAGMA busy_timeout = {CHECKPOINT_WAIT_MS}")
            try:
                for attempt in range(CHECKPOINT_TRIES):
                    if attempt:
                        time.sleep(CHECKPOINT_PAUSE_SECONDS)
                    busy, _frames, _moved = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                    if busy == 0:
                        return True
                return False
            finally:
                cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")
                cursor.close()
        finally:
            connection.close()

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
