"""The module version (front matter ``versie``) an attempt was made on.

Attempts stored before this revision keep NULL: the reports count an unknown version as
version 1, the first one, so ``opnieuw_vanaf_versie`` asks those employees to re-train.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("attempts") as batch:
        batch.add_column(sa.Column("module_version", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("attempts") as batch:
        batch.drop_column("module_version")
