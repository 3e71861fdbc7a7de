"""polling_station: one index with every column the strength count reads

``opscenter.strength`` counts an operation's TPS by guarding unit, desa and category for
the board, the strength panel, the readiness matrix and the situation report. With
``ix_polling_station_guard`` (operation_id, unit_id, region_id, category_id) SQLite answers
that count from the index alone, in group order: no table rows read and no temporary B-tree
for the grouping. At national scale (435,000 TPS) the count took about 440 ms of CPU and
takes about 160 (bench/readiness.py). ``ix_polling_station_operation_id`` goes: the new
index begins with that column, so a TPS import still updates as many indexes as before.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_polling_station_operation_id", table_name="polling_station")
    op.create_index(
        "ix_polling_station_guard",
        "polling_station",
        ["operation_id", "unit_id", "region_id", "category_id"],
    )


def downgrade() -> None:
    op.drop_index("ix_polling_station_guard", table_name="polling_station")
    op.create_index("ix_polling_station_operation_id", "polling_station", ["operation_id"])
