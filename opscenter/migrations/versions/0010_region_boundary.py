"""region_boundary: boundaries a command room imports (opscenter regions import)

One new table, shared by every operation: an imported shape by Kemendagri code, preferred
over the shipped one of the same code. Nothing changed in the old tables.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "region_boundary",
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("level", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column(
            "geometry",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("source", sa.String(length=255), nullable=False),
        sa.CheckConstraint(
            "level IN ('provinsi', 'kabkota', 'kecamatan', 'desa')",
            name=op.f("ck_region_boundary_level"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_region_boundary")),
        sa.UniqueConstraint("code", name=op.f("uq_region_boundary_code")),
    )


def downgrade() -> None:
    op.drop_table("region_boundary")
