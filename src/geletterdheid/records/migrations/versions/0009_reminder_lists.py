"""Reminder lists made (geletterdheid herinneringen): when, for which day and for how many people.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reminder_lists",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.Column("reference_day", sa.Date(), nullable=False),
        sa.Column("employees", sa.Integer(), nullable=False),
        sa.Column("department", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_reminder_lists"),
    )


def downgrade() -> None:
    op.drop_table("reminder_lists")
