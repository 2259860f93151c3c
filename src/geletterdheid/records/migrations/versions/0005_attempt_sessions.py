"""Submitted toets attempts (attempt_sessions): one row per attempt id, with the result it got.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attempt_sessions",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("employee_id", sa.String(), nullable=False),
        sa.Column("quiz_id", sa.String(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_attempt_sessions"),
        sa.ForeignKeyConstraint(
            ["employee_id"], ["employees.id"], name="fk_attempt_sessions_employee_id_employees", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_attempt_sessions_employee_id_quiz_id", "attempt_sessions", ["employee_id", "quiz_id"])


def downgrade() -> None:
    op.drop_index("ix_attempt_sessions_employee_id_quiz_id", table_name="attempt_sessions")
    op.drop_table("attempt_sessions")
