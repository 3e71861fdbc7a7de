"""operation: situation report numbering, place, unit and signatory

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TEMPLATE = "R/LAPSIT-{serial}/{month_roman}/OPS.1.1/{year}/Ro Ops"


def _columns() -> tuple[sa.Column[object], ...]:
    return (
        sa.Column("sitrep_unit", sa.String(120), nullable=False, server_default="BIRO OPERASI"),
        sa.Column("sitrep_place", sa.String(120), nullable=True),
        sa.Column(
            "sitrep_number_template", sa.String(200), nullable=False, server_default=TEMPLATE
        ),
        sa.Column("sitrep_serial", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("signatory_title", sa.String(200), nullable=True),
        sa.Column("signatory_name", sa.String(160), nullable=True),
        sa.Column("signatory_rank", sa.String(120), nullable=True),
        sa.Column("signatory_nrp", sa.String(18), nullable=True),
        sa.Column("signatory_on_behalf", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


# Plain ADD/DROP COLUMN (SQLite >= 3.35 has both): a batch copy of "operation" would
# drop and recreate a table that every other table references.
def upgrade() -> None:
    for column in _columns():
        op.add_column("operation", column)


def downgrade() -> None:
    for column in reversed(_columns()):
        op.drop_column("operation", column.name)
