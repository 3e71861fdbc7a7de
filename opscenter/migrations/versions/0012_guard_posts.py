"""guard_post, guard_post_tps, guard_assignment: TPS grouped into guard posts, officers on them

Three new tables (``opscenter.model.plotting``); nothing changed in the old ones.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{target}.id"],
        name=op.f(f"fk_{table}_{column}_{target}"),
        ondelete=ondelete,
    )


def upgrade() -> None:
    op.create_table(
        "guard_post",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stage_id", sa.Integer(), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("exception", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("operation_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("number >= 1", name=op.f("ck_guard_post_number")),
        _fk("guard_post", "operation_id", "operation", "CASCADE"),
        _fk("guard_post", "region_id", "region", "CASCADE"),
        _fk("guard_post", "stage_id", "stage", "CASCADE"),
        _fk("guard_post", "unit_id", "unit", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_guard_post")),
        sa.UniqueConstraint(
            "stage_id", "region_id", "number", name=op.f("uq_guard_post_stage_id_region_id_number")
        ),
    )
    with op.batch_alter_table("guard_post", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_guard_post_operation_id"), ["operation_id"])
        batch_op.create_index(batch_op.f("ix_guard_post_stage_id"), ["stage_id"])
    op.create_table(
        "guard_post_tps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("stage_id", sa.Integer(), nullable=False),
        sa.Column("tps_id", sa.Integer(), nullable=False),
        sa.Column("operation_id", sa.Integer(), nullable=False),
        _fk("guard_post_tps", "operation_id", "operation", "CASCADE"),
        _fk("guard_post_tps", "post_id", "guard_post", "CASCADE"),
        _fk("guard_post_tps", "stage_id", "stage", "CASCADE"),
        _fk("guard_post_tps", "tps_id", "polling_station", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_guard_post_tps")),
        sa.UniqueConstraint("stage_id", "tps_id", name=op.f("uq_guard_post_tps_stage_id_tps_id")),
    )
    with op.batch_alter_table("guard_post_tps", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_guard_post_tps_operation_id"), ["operation_id"])
        batch_op.create_index(batch_op.f("ix_guard_post_tps_post_id"), ["post_id"])
        batch_op.create_index(batch_op.f("ix_guard_post_tps_tps_id"), ["tps_id"])

    op.create_table(
        "guard_assignment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stage_id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("personnel_id", sa.Integer(), nullable=False),
        sa.Column("basis", sa.String(length=12), nullable=False),
        sa.Column("from_unit_id", sa.Integer(), nullable=True),
        sa.Column("locked", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("operation_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "basis IN ('polsek', 'polres', 'polsek_lain', 'bko', 'hand')",
            name=op.f("ck_guard_assignment_basis"),
        ),
        _fk("guard_assignment", "from_unit_id", "unit", "SET NULL"),
        _fk("guard_assignment", "operation_id", "operation", "CASCADE"),
        _fk("guard_assignment", "personnel_id", "personnel", "CASCADE"),
        _fk("guard_assignment", "post_id", "guard_post", "CASCADE"),
        _fk("guard_assignment", "stage_id", "stage", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_guard_assignment")),
        sa.UniqueConstraint(
            "stage_id", "personnel_id", name=op.f("uq_guard_assignment_stage_id_personnel_id")
        ),
    )
    with op.batch_alter_table("guard_assignment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_guard_assignment_operation_id"), ["operation_id"])
        batch_op.create_index(batch_op.f("ix_guard_assignment_personnel_id"), ["personnel_id"])
        batch_op.create_index(batch_op.f("ix_guard_assignment_post_id"), ["post_id"])


def downgrade() -> None:
    op.drop_table("guard_assignment")
    op.drop_table("guard_post_tps")
    op.drop_table("guard_post")
