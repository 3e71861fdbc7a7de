"""watch_step, tps_watch: the voting-day TPS watch

Two new tables (``opscenter.model.watch``); every existing operation gets the default
steps (``opscenter.reference.WATCH_STEPS``, copied here so this migration means the same
whatever later code does).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# (code, name, name_en, due_minutes) as they were when this migration was written.
_STEPS = (
    ("tiba", "Petugas tiba", "Guards arrived", 360),
    ("mulai", "Pemungutan dimulai", "Voting started", None),
    ("selesai", "Pemungutan selesai", "Voting finished", None),
    ("hitung", "Penghitungan selesai", "Counting finished", 1200),
    ("kawal", "Kotak suara dikawal ke PPK", "Ballot boxes escorted to the PPK", None),
    ("ppk", "Diterima PPK", "Received by the PPK", 1800),
)


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete
    )


def upgrade() -> None:
    step = op.create_table(
        "watch_step",
        sa.Column("due_minutes", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("name_en", sa.String(length=120), nullable=True),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("operation_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("due_minutes BETWEEN 0 AND 2880", name=op.f("ck_watch_step_due")),
        _fk("watch_step", "operation_id", "operation", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_watch_step")),
        sa.UniqueConstraint("operation_id", "code", name=op.f("uq_watch_step_operation_id_code")),
    )
    with op.batch_alter_table("watch_step", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_watch_step_operation_id"), ["operation_id"])
    op.create_table(
        "tps_watch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tps_id", sa.Integer(), nullable=False),
        sa.Column("step_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.String(length=80), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("operation_id", sa.Integer(), nullable=False),
        _fk("tps_watch", "operation_id", "operation", "CASCADE"),
        _fk("tps_watch", "step_id", "watch_step", "CASCADE"),
        _fk("tps_watch", "tps_id", "polling_station", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tps_watch")),
        sa.UniqueConstraint("tps_id", "step_id", name=op.f("uq_tps_watch_tps_id_step_id")),
    )
    with op.batch_alter_table("tps_watch", schema=None) as batch_op:
        batch_op.create_index("ix_tps_watch_step", ["operation_id", "step_id"])
        batch_op.create_index(batch_op.f("ix_tps_watch_operation_id"), ["operation_id"])
        batch_op.create_index(batch_op.f("ix_tps_watch_step_id"), ["step_id"])
    operations = [row[0] for row in op.get_bind().execute(sa.text("SELECT id FROM operation"))]
    rows = [
        {
            "operation_id": op_id,
            "ordinal": i,
            "version": 1,
            "code": code,
            "name": name,
            "name_en": name_en,
            "due_minutes": due,
        }
        for op_id in operations
        for i, (code, name, name_en, due) in enumerate(_STEPS, 1)
    ]
    if rows:
        op.bulk_insert(step, rows)


def downgrade() -> None:
    op.drop_table("tps_watch")
    op.drop_table("watch_step")
