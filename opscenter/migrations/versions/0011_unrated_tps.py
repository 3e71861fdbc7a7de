"""polling_station.category_id may be empty: a TPS not yet rated (belum dinilai)

The KPU publishes its DPT recap per TPS before Polri rates any TPS, so a TPS imported from
it has no category yet. The strength computation counts such a TPS at the operation's
strictest guard pattern until someone rates it (``opscenter.strength``).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("polling_station", schema=None) as batch_op:
        batch_op.alter_column("category_id", existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    # An older program cannot hold an unrated TPS: refuse rather than invent a category.
    bind = op.get_bind()
    unrated = bind.execute(
        sa.text("SELECT count(*) FROM polling_station WHERE category_id IS NULL")
    ).scalar()
    if unrated:
        raise RuntimeError(f"{unrated} TPS belum dinilai: beri kategori sebelum menurunkan skema")
    with op.batch_alter_table("polling_station", schema=None) as batch_op:
        batch_op.alter_column("category_id", existing_type=sa.Integer(), nullable=False)
