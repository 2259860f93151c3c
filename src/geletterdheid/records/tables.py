"""The database schema as SQLAlchemy 2 models. Changes need an Alembic migration in ``migrations/``.

Times are stored as naive UTC (``taken_at``), so the same attempt has the same identity whether
it arrives with an offset, as local Dutch time or from another database backend.

An attempt's answers are stored in the attempt's own row, as a JSON object from question id to
``[chosen keys joined by '|', score]``, rather than one row per answer in a table of their own.
Every reader wants all answers of an attempt at once (item analysis, showing an attempt), an
attempt can never be stored without its answers, and a workshop season of a million answers
imports about twice as fast: one row per answer made the 1,000,000-answer benchmark miss its
budget (import within 4x the time of parsing) on SQLite, whatever the insert method. SQLite's
``json_each`` and PostgreSQL's ``::jsonb`` can still query the answers in SQL.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class EmployeeRecord(Base):
    __tablename__ = "employees"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str] = mapped_column(String)
    department: Mapped[str] = mapped_column(String)
    #: Role ids joined by '|', sorted, without the implied ``alle-medewerkers``.
    roles: Mapped[str] = mapped_column(String)
    email: Mapped[str | None] = mapped_column(String, nullable=True)
    #: The day the employee left (the roster's uit_dienst, or the day of a complete roster import
    #: without them). From that day on they are out of the export and the progress figures; their
    #: records stay (erasure is forget's job).
    left_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class AttemptRecord(Base):
    __tablename__ = "attempts"
    # The identity of an attempt: importing the same file twice, or two imports at once, must
    # never store it twice. Inserts use ON CONFLICT DO NOTHING against this constraint.
    __table_args__ = (UniqueConstraint("employee_id", "quiz_id", "taken_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_id: Mapped[str] = mapped_column(String, ForeignKey("employees.id", ondelete="CASCADE"))
    # No index on quiz_id alone: item statistics scan the table (milliseconds even for a million
    # attempts), while every import would pay for keeping such an index up to date.
    quiz_id: Mapped[str] = mapped_column(String)
    taken_at: Mapped[dt.datetime] = mapped_column(DateTime)
    source: Mapped[str] = mapped_column(String)
    score: Mapped[float] = mapped_column(Float)  # percent, 0-100
    passed: Mapped[bool] = mapped_column(Boolean)
    #: JSON: {"m01-q01": ["b", 1.0], "m01-q03": ["a|c", 0.6667], ...}, every question of the quiz.
    answers: Mapped[str] = mapped_column(Text)
    #: Set (naive UTC) when HR voided the attempt: it no longer counts anywhere, but the row stays,
    #: with who and why in attempt_changes.
    voided_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)

    #: The module's ``versie`` the attempt was made on; NULL for attempts stored before it was
    #: recorded (migration 0004), which the reports count as version 1.
    module_version: Mapped[int | None] = mapped_column(Integer, nullable=True)


class AttemptChangeRecord(Base):
    """The audit trail of corrections: every void and every replacement, with the values before it."""

    __tablename__ = "attempt_changes"
    __table_args__ = (Index("ix_attempt_changes_attempt_id", "attempt_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Erasing an employee (forget) erases their trail too: it holds their answers.
    attempt_id: Mapped[int] = mapped_column(Integer, ForeignKey("attempts.id", ondelete="CASCADE"))
    action: Mapped[str] = mapped_column(String)  # see model.VOIDED, model.REPLACED
    done_at: Mapped[dt.datetime] = mapped_column(DateTime)  # naive UTC
    done_by: Mapped[str] = mapped_column(String)
    reason: Mapped[str] = mapped_column(Text)
    old_source: Mapped[str] = mapped_column(String)
    old_score: Mapped[float] = mapped_column(Float)
    old_passed: Mapped[bool] = mapped_column(Boolean)
    old_answers: Mapped[str] = mapped_column(Text)


class AttemptSessionRecord(Base):
    """A toets attempt that was submitted (server/toets.py). Its id is the nonce of the attempt's
    ticket: the primary key makes a second submission of the same attempt find the first, and the
    result is kept as it was answered, so a retry gets the same answer. Started attempts that are
    never submitted leave no row: their ticket simply expires."""

    __tablename__ = "attempt_sessions"
    __table_args__ = (Index("ix_attempt_sessions_employee_id_quiz_id", "employee_id", "quiz_id"),)

    id: Mapped[str] = mapped_column(String, primary_key=True)
    employee_id: Mapped[str] = mapped_column(String, ForeignKey("employees.id", ondelete="CASCADE"))
    quiz_id: Mapped[str] = mapped_column(String)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime)
    submitted_at: Mapped[dt.datetime] = mapped_column(DateTime)
    #: JSON: the answer the employee got (score and feedback per question).
    result: Mapped[str] = mapped_column(Text)


class KeyVersionRecord(Base):
    """An employee's personal-link key version: ``links --opnieuw`` raises it, older links stop working.

    A table of its own (not a column of employees): no row means version 0, so a roster import
    never touches it, and erasing the employee erases it (cascade)."""

    __tablename__ = "key_versions"

    employee_id: Mapped[str] = mapped_column(String, ForeignKey("employees.id", ondelete="CASCADE"), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)


class LinkSecretRecord(Base):
    """Which link secret the server uses: a fingerprint (an HMAC, not the secret) and where it is
    kept, so ``geletterdheid links`` elsewhere can refuse to sign with another one. One row."""

    __tablename__ = "link_secret"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String)
    source: Mapped[str] = mapped_column(String)  # Dutch, for messages: "bestand /var/lib/... op srv01"
    registered_at: Mapped[dt.datetime] = mapped_column(DateTime)


class CertificateRecord(Base):
    """A certificate handed out for a completed learning path (``/mijn-voortgang/``).

    Kept so that ``/verifieer/<code>`` still works years later. It holds no name: the name is read
    from the employee at verification time, and when an employee is forgotten (AVG) the link
    becomes NULL, so the certificate reads as withdrawn and nothing personal remains.
    """

    __tablename__ = "certificates"
    # One certificate per employee and learning path (roles and modules): asking twice, or two
    # requests at once, gives the same code.
    __table_args__ = (UniqueConstraint("employee_id", "path_key"),)

    code: Mapped[str] = mapped_column(String, primary_key=True)
    employee_id: Mapped[str | None] = mapped_column(
        String, ForeignKey("employees.id", ondelete="SET NULL"), nullable=True
    )
    #: role ids joined by '|', ':', module ids joined by '|' (what was completed)
    path_key: Mapped[str] = mapped_column(String)
    path_title: Mapped[str] = mapped_column(String)
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime)  # naive UTC
    #: JSON list of [module id, title, date passed (ISO), content version or null]
    modules: Mapped[str] = mapped_column(Text)


class WorkshopRecord(Base):
    """A workshop (a training session): evidence of a measure under Art. 4 AI Act, also for those who
    took no quiz. One per name and day: a later list for the same workshop adds people to it."""

    __tablename__ = "workshops"
    __table_args__ = (UniqueConstraint("name", "held_on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String)
    held_on: Mapped[dt.date] = mapped_column(Date)
    #: The module ids it covered, joined by '|' (model.SEPARATOR).
    modules: Mapped[str] = mapped_column(String)
    minutes: Mapped[int] = mapped_column(Integer)
    trainer: Mapped[str] = mapped_column(String)
    #: The name (not the path) of the file the first list came from.
    source: Mapped[str] = mapped_column(String)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)  # naive UTC
    recorded_by: Mapped[str] = mapped_column(String)


class WorkshopAttendanceRecord(Base):
    """An employee who took part in a workshop. Erasing the employee (forget) erases it (cascade)."""

    __tablename__ = "workshop_attendance"
    __table_args__ = (Index("ix_workshop_attendance_employee_id", "employee_id"),)

    workshop_id: Mapped[int] = mapped_column(Integer, ForeignKey("workshops.id", ondelete="CASCADE"), primary_key=True)
    employee_id: Mapped[str] = mapped_column(String, ForeignKey("employees.id", ondelete="CASCADE"), primary_key=True)
    source: Mapped[str] = mapped_column(String)  # the file name of the list that added them
    added_at: Mapped[dt.datetime] = mapped_column(DateTime)  # naive UTC
    #: Set (naive UTC) when HR removed a mistake: it no longer counts, but the row stays (so a
    #: re-import of the same list does not bring it back), with who and why in attendance_changes.
    removed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class AttendanceChangeRecord(Base):
    """The audit trail of attendance corrections (``attendance remove``), like attempt_changes."""

    __tablename__ = "attendance_changes"
    __table_args__ = (Index("ix_attendance_changes_employee_id", "employee_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(Integer, ForeignKey("workshops.id", ondelete="CASCADE"))
    # Erasing an employee (forget) erases their trail too.
    employee_id: Mapped[str] = mapped_column(String, ForeignKey("employees.id", ondelete="CASCADE"))
    action: Mapped[str] = mapped_column(String)  # see model.REMOVED
    done_at: Mapped[dt.datetime] = mapped_column(DateTime)  # naive UTC
    done_by: Mapped[str] = mapped_column(String)
    reason: Mapped[str] = mapped_column(Text)


class ReminderListRecord(Base):
    """A reminder list made with ``geletterdheid herinneringen``: a measure taken (who was reminded is in
    the list the gemeente mails, not here: only when, for which day and how many people)."""

    __tablename__ = "reminder_lists"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    made_at: Mapped[dt.datetime] = mapped_column(DateTime)  # naive UTC
    #: The day the open modules were counted on (``--voor``, else today).
    reference_day: Mapped[dt.date] = mapped_column(Date)
    employees: Mapped[int] = mapped_column(Integer)
    #: ``--afdeling`` if the list was made for one department, else None.
    department: Mapped[str | None] = mapped_column(String, nullable=True)


def _table_of(record: type[Base]) -> Table:
    """The Table a declarative class maps (typed as a FromClause by SQLAlchemy, a Table in fact)."""
    table = record.__table__
    if not isinstance(table, Table):  # pragma: no cover - a class with __tablename__ always maps a Table
        raise TypeError(f"{record.__name__} does not map a table")
    return table


employees = _table_of(EmployeeRecord)
attempts = _table_of(AttemptRecord)
attempt_changes = _table_of(AttemptChangeRecord)
attempt_sessions = _table_of(AttemptSessionRecord)
key_versions = _table_of(KeyVersionRecord)
link_secret = _table_of(LinkSecretRecord)
certificates = _table_of(CertificateRecord)
workshops = _table_of(WorkshopRecord)
workshop_attendance = _table_of(WorkshopAttendanceRecord)
attendance_changes = _table_of(AttendanceChangeRecord)
reminder_lists = _table_of(ReminderListRecord)
