"""personnel: no index on rank_id; the assigned-unit index holds only assigned people

A roster import holds the database's write lock (SQLite) while its rows go in, and every
other workstation's write waits for it. Each secondary index of ``personnel`` costs every
imported row a B-tree update there:

- ``ix_personnel_rank_id`` served no query: nobody is looked up by rank, and ranks are a
  fixed reference list, never deleted (so no foreign-key check needs it either);
- ``ix_personnel_assigned_unit_id`` indexed the NULL of everyone at their home unit. It is
  now partial (``assigned_unit_id IS NOT NULL``): it still serves the foreign-key check when
  a unit is deleted, and a roster of people at their home units leaves it untouched.

Together they were about a quarter of an import's time under the lock (bench/concurrent_writes.py).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_ASSIGNED = sa.text("assigned_unit_id IS NOT NULL")


def upgrade() -> None:
    op.drop_index("ix_personnel_rank_id", table_name="personnel")
    op.drop_index("ix_personnel_assigned_unit_id", table_name="personnel")
    op.create_index(
        "ix_personnel_assigned_unit_id",
        "personnel",
        ["assigned_unit_id"],
        sqlite_where=_ASSIGNED,
        postgresql_where=_ASSIGNED,
    )


def downgrade() -> None:
    op.drop_index("ix_personnel_assigned_unit_id", table_name="personnel")
    op.create_index("ix_personnel_assigned_unit_id", "personnel", ["assigned_unit_id"])
    op.create_index("ix_personnel_rank_id", "personnel", ["rank_id"])
