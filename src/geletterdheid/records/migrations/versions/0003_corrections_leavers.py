"""Corrections and leavers: voided attempts, an audit trail of voids and replacements, leaving dates.

Revision ID: 0003
Revises: 0001
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("attempts") as batch:
        # Set when HR voids an attempt: it stops counting everywhere but stays for the audit trail.
        batch.add_column(sa.Column("voided_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("employees") as batch:
        # The day an employee left (or leaves): from then on they leave the export and the progress figures.
        batch.add_column(sa.Column("left_on", sa.Date(), nullable=True))
    op.create_table(
        "attempt_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attempt_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=False),
        sa.Column("done_by", sa.String(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("old_source", sa.String(), nullable=False),
        sa.Column("old_score", sa.Float(), nullable=False),
        sa.Column("old_passed", sa.Boolean(), nullable=False),
        sa.Column("old_answers", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_attempt_changes"),
        sa.ForeignKeyConstraint(
            ["attempt_id"], ["attempts.id"], name="fk_attempt_changes_attempt_id_attempts", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_attempt_changes_attempt_id", "attempt_changes", ["attempt_id"])


def downgrade() -> None:
    op.drop_index("ix_attempt_changes_attempt_id", table_name="attempt_changes")
    op.drop_table("attempt_changes")
    with op.batch_alter_table("employees") as batch:
        batch.drop_column("left_on")
    with op.batch_alter_table("attempts") as batch:
        batch.drop_column("voided_at")
