"""journal: index by entity and row, for "who last changed this row"

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_journal_entity_row", "journal", ["entity", "entity_id", "seq"])


def downgrade() -> None:
    op.drop_index("ix_journal_entity_row", table_name="journal")
