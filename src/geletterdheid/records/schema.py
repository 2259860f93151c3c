"""The database schema as SQLAlchemy 2 models. Changes need an Alembic migration in ``migrations/``.

Times are stored as naive UTC (``taken_at``), so the same attempt has the same identity whether
it arrives with an offset, as local Dutch time or from another database backend.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Integer, MetaData, String, UniqueConstraint
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
    quiz_id: Mapped[str] = mapped_column(String, index=True)  # stats read one quiz's attempts
    taken_at: Mapped[dt.datetime] = mapped_column(DateTime)
    source: Mapped[str] = mapped_column(String)
    score: Mapped[float] = mapped_column(Float)  # percent, 0-100
    passed: Mapped[bool] = mapped_column(Boolean)


class AnswerRecord(Base):
    __tablename__ = "answers"
    # Without a rowid, SQLite stores answers clustered by (attempt, question): inserts append
    # and an attempt's answers sit together.
    __table_args__ = {"sqlite_with_rowid": False}

    attempt_id: Mapped[int] = mapped_column(Integer, ForeignKey("attempts.id", ondelete="CASCADE"), primary_key=True)
    question_id: Mapped[str] = mapped_column(String, primary_key=True)
    #: Chosen option keys joined by '|', sorted; empty when unanswered.
    chosen: Mapped[str] = mapped_column(String)
    score: Mapped[float] = mapped_column(Float)  # 0-1


employees = EmployeeRecord.__table__
attempts = AttemptRecord.__table__
answers = AnswerRecord.__table__
