"""Personal-link key versions per employee, and the fingerprint of the server's link secret.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "key_versions",
        sa.Column("employee_id", sa.String(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("employee_id", name="pk_key_versions"),
        sa.ForeignKeyConstraint(
            ["employee_id"], ["employees.id"], name="fk_key_versions_employee_id_employees", ondelete="CASCADE"
        ),
    )
    op.create_table(
        "link_secret",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("registered_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_link_secret"),
    )


def downgrade() -> None:
    op.drop_table("link_secret")
    op.drop_table("key_versions")
