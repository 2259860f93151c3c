"""Workshops and who attended them (evidence under Art. 4 AI Act), with an audit trail of removals.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "workshops",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("modules", sa.String(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("trainer", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_workshops"),
        sa.UniqueConstraint("name", "held_on", name="uq_workshops_name_held_on"),
    )
    op.create_table(
        "workshop_attendance",
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("removed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("workshop_id", "employee_id", name="pk_workshop_attendance"),
        sa.ForeignKeyConstraint(
            ["workshop_id"], ["workshops.id"], name="fk_workshop_attendance_workshop_id_workshops", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["employee_id"], ["employees.id"], name="fk_workshop_attendance_employee_id_employees", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_workshop_attendance_employee_id", "workshop_attendance", ["employee_id"])
    op.create_table(
        "attendance_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=False),
        sa.Column("done_by", sa.String(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_attendance_changes"),
        sa.ForeignKeyConstraint(
            ["workshop_id"], ["workshops.id"], name="fk_attendance_changes_workshop_id_workshops", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["employee_id"], ["employees.id"], name="fk_attendance_changes_employee_id_employees", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_attendance_changes_employee_id", "attendance_changes", ["employee_id"])


def downgrade() -> None:
    op.drop_index("ix_attendance_changes_employee_id", table_name="attendance_changes")
    op.drop_table("attendance_changes")
    op.drop_index("ix_workshop_attendance_employee_id", table_name="workshop_attendance")
    op.drop_table("workshop_attendance")
    op.drop_table("workshops")
