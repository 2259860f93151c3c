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

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Integer, MetaData, String, Table, Text, UniqueConstraint
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


def _table_of(record: type[Base]) -> Table:
    """The Table a declarative class maps (typed as a FromClause by SQLAlchemy, a Table in fact)."""
    table = record.__table__
    if not isinstance(table, Table):  # pragma: no cover - a class with __tablename__ always maps a Table
        raise TypeError(f"{record.__name__} does not map a table")
    return table


employees = _table_of(EmployeeRecord)
attempts = _table_of(AttemptRecord)
certificates = _table_of(CertificateRecord)
