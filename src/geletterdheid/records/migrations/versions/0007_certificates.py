"""Certificates for completed learning paths, so a verification code keeps working.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "certificates",
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("employee_id", sa.String(), nullable=True),
        sa.Column("path_key", sa.String(), nullable=False),
        sa.Column("path_title", sa.String(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("modules", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("code", name="pk_certificates"),
        sa.ForeignKeyConstraint(
            ["employee_id"], ["employees.id"], name="fk_certificates_employee_id_employees", ondelete="SET NULL"
        ),
        sa.UniqueConstraint("employee_id", "path_key", name="uq_certificates_employee_id_path_key"),
    )


def downgrade() -> None:
    op.drop_table("certificates")
