"""readiness: aspects and judgements, sarpras inventory and rules, budget, inspection visits

Ten new tables (opscenter/model/readiness.py), nothing changed in the old ones. Operations
already in the database get the default aspects, sarpras categories and budget components, as
a new operation does (``opscenter.reference.SEEDS``).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "budget_component",
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("name_en", sa.String(length=120), nullable=True),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("operation_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["operation_id"],
            ["operation.id"],
            name=op.f("fk_budget_component_operation_id_operation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budget_component")),
        sa.UniqueConstraint(
            "operation_id", "code", name=op.f("uq_budget_component_operation_id_code")
        ),
    )
    with op.batch_alter_table("budget_component", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_budget_component_operation_id"), ["operation_id"], unique=False
        )

    op.create_table(
        "readiness_aspect",
        sa.Column("evidence", sa.String(length=12), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("name_en", sa.String(length=120), nullable=True),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("operation_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "evidence IS NULL OR evidence IN ('personel', 'sarpras', 'anggaran')",
            name=op.f("ck_readiness_aspect_evidence"),
        ),
        sa.ForeignKeyConstraint(
            ["operation_id"],
            ["operation.id"],
            name=op.f("fk_readiness_aspect_operation_id_operation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_readiness_aspect")),
        sa.UniqueConstraint(
            "operation_id", "code", name=op.f("uq_readiness_aspect_operation_id_code")
        ),
    )
    with op.batch_alter_table("readiness_aspect", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_readiness_aspect_operation_id"), ["operation_id"], unique=False
        )

    op.create_table(
        "sarpras_category",
        sa.Column("grp", sa.String(length=12), nullable=False),
        sa.Column("measure", sa.String(length=20), nullable=False),
        sa.Column("rule_basis", sa.String(length=10), nullable=True),
        sa.Column("rule_quantity", sa.Integer(), nullable=False),
        sa.Column("rule_per", sa.Integer(), nullable=False),
        sa.Column("has_ammunition", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("name_en", sa.String(length=120), nullable=True),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("operation_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "grp IN ('kendaraan', 'komunikasi', 'dalmas', 'teknologi', 'senjata', 'posko')",
            name=op.f("ck_sarpras_category_grp"),
        ),
        sa.CheckConstraint(
            "rule_basis IS NULL"
            " OR rule_basis IN ('team', 'tps_kec', 'kecamatan', 'personel', 'unit')",
            name=op.f("ck_sarpras_category_basis"),
        ),
        sa.CheckConstraint(
            "rule_quantity >= 0 AND rule_per >= 1", name=op.f("ck_sarpras_category_rule")
        ),
        sa.ForeignKeyConstraint(
            ["operation_id"],
            ["operation.id"],
            name=op.f("fk_sarpras_category_operation_id_operation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sarpras_category")),
        sa.UniqueConstraint(
            "operation_id", "code", name=op.f("uq_sarpras_category_operation_id_code")
        ),
    )
    with op.batch_alter_table("sarpras_category", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sarpras_category_operation_id"), ["operation_id"], unique=False
        )

    op.create_table(
        "budget_index",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("component_id", sa.Integer(), nullable=False),
        sa.Column("stage_id", sa.Integer(), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column("daily_rupiah", sa.BigInteger(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("operation_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("days >= 0 AND daily_rupiah >= 0", name=op.f("ck_budget_index_amounts")),
        sa.ForeignKeyConstraint(
            ["component_id"],
            ["budget_component.id"],
            name=op.f("fk_budget_index_component_id_budget_component"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["operation_id"],
            ["operation.id"],
            name=op.f("fk_budget_index_operation_id_operation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stage_id"],
            ["stage.id"],
            name=op.f("fk_budget_index_stage_id_stage"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budget_index")),
        sa.UniqueConstraint(
            "component_id", "stage_id", name=op.f("uq_budget_index_component_id_stage_id")
        ),
    )
    with op.batch_alter_table("budget_index", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_budget_index_component_id"), ["component_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_budget_index_operation_id"), ["operation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_budget_index_stage_id"), ["stage_id"], unique=False)

    op.create_table(
        "budget_allocation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.Column("reference", sa.String(length=120), nullable=True),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("pagu", sa.BigInteger(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("operation_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "source IN ('dipa', 'hibah', 'lain')", name=op.f("ck_budget_allocation_source")
        ),
        sa.CheckConstraint("pagu >= 0", name=op.f("ck_budget_allocation_pagu")),
        sa.ForeignKeyConstraint(
            ["operation_id"],
            ["operation.id"],
            name=op.f("fk_budget_allocation_operation_id_operation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["unit.id"],
            name=op.f("fk_budget_allocation_unit_id_unit"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budget_allocation")),
    )
    with op.batch_alter_table("budget_allocation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_budget_allocation_operation_id"), ["operation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_budget_allocation_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "inspection_visit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("visited_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("led_by", sa.String(length=120), nullable=True),
        sa.Column("team", sa.Text(), nullable=True),
        sa.Column("checked", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("operation_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('kunker', 'supervisi', 'asistensi')", name=op.f("ck_inspection_visit_kind")
        ),
        sa.ForeignKeyConstraint(
            ["operation_id"],
            ["operation.id"],
            name=op.f("fk_inspection_visit_operation_id_operation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["unit.id"],
            name=op.f("fk_inspection_visit_unit_id_unit"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_visit")),
    )
    with op.batch_alter_table("inspection_visit", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_inspection_visit_operation_id"), ["operation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_inspection_visit_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "readiness_judgement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("aspect_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=10), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=True),
        sa.Column("set_by", sa.String(length=80), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("operation_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "level IN ('siap', 'catatan', 'belum')", name=op.f("ck_readiness_judgement_level")
        ),
        sa.ForeignKeyConstraint(
            ["aspect_id"],
            ["readiness_aspect.id"],
            name=op.f("fk_readiness_judgement_aspect_id_readiness_aspect"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["operation_id"],
            ["operation.id"],
            name=op.f("fk_readiness_judgement_operation_id_operation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["unit.id"],
            name=op.f("fk_readiness_judgement_unit_id_unit"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_readiness_judgement")),
        sa.UniqueConstraint(
            "unit_id", "aspect_id", name=op.f("uq_readiness_judgement_unit_id_aspect_id")
        ),
    )
    with op.batch_alter_table("readiness_judgement", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_readiness_judgement_aspect_id"), ["aspect_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_readiness_judgement_operation_id"), ["operation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_readiness_judgement_unit_id"), ["unit_id"], unique=False
        )

    op.create_table(
        "sarpras_stock",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("baik", sa.Integer(), nullable=False),
        sa.Column("rusak_ringan", sa.Integer(), nullable=False),
        sa.Column("rusak_berat", sa.Integer(), nullable=False),
        sa.Column("laik_pakai", sa.Boolean(), nullable=False),
        sa.Column("ammunition", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("operation_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "ammunition IS NULL OR ammunition >= 0", name=op.f("ck_sarpras_stock_ammunition")
        ),
        sa.CheckConstraint(
            "baik >= 0 AND rusak_ringan >= 0 AND rusak_berat >= 0",
            name=op.f("ck_sarpras_stock_counts"),
        ),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["sarpras_category.id"],
            name=op.f("fk_sarpras_stock_category_id_sarpras_category"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["operation_id"],
            ["operation.id"],
            name=op.f("fk_sarpras_stock_operation_id_operation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_sarpras_stock_unit_id_unit"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sarpras_stock")),
        sa.UniqueConstraint(
            "unit_id", "category_id", name=op.f("uq_sarpras_stock_unit_id_category_id")
        ),
    )
    with op.batch_alter_table("sarpras_stock", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sarpras_stock_category_id"), ["category_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_sarpras_stock_operation_id"), ["operation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_sarpras_stock_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "budget_realisation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("allocation_id", sa.Integer(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("component_id", sa.Integer(), nullable=True),
        sa.Column("stage_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("operation_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("amount > 0", name=op.f("ck_budget_realisation_amount")),
        sa.ForeignKeyConstraint(
            ["allocation_id"],
            ["budget_allocation.id"],
            name=op.f("fk_budget_realisation_allocation_id_budget_allocation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["component_id"],
            ["budget_component.id"],
            name=op.f("fk_budget_realisation_component_id_budget_component"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["operation_id"],
            ["operation.id"],
            name=op.f("fk_budget_realisation_operation_id_operation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stage_id"],
            ["stage.id"],
            name=op.f("fk_budget_realisation_stage_id_stage"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budget_realisation")),
    )
    with op.batch_alter_table("budget_realisation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_budget_realisation_allocation_id"), ["allocation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_budget_realisation_operation_id"), ["operation_id"], unique=False
        )

    op.create_table(
        "inspection_finding",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("aspect_id", sa.Integer(), nullable=False),
        sa.Column("finding", sa.Text(), nullable=False),
        sa.Column("advice", sa.Text(), nullable=True),
        sa.Column("person_in_charge", sa.String(length=120), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("closing_note", sa.Text(), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("operation_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status != 'selesai' OR closing_note IS NOT NULL",
            name=op.f("ck_inspection_finding_closing"),
        ),
        sa.CheckConstraint(
            "status IN ('terbuka', 'proses', 'selesai')", name=op.f("ck_inspection_finding_status")
        ),
        sa.ForeignKeyConstraint(
            ["aspect_id"],
            ["readiness_aspect.id"],
            name=op.f("fk_inspection_finding_aspect_id_readiness_aspect"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["operation_id"],
            ["operation.id"],
            name=op.f("fk_inspection_finding_operation_id_operation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["inspection_visit.id"],
            name=op.f("fk_inspection_finding_visit_id_inspection_visit"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_finding")),
    )
    with op.batch_alter_table("inspection_finding", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_inspection_finding_aspect_id"), ["aspect_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_inspection_finding_operation_id"), ["operation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_inspection_finding_visit_id"), ["visit_id"], unique=False
        )

    _seed_existing_operations()


def _seed_existing_operations() -> None:
    from opscenter.model import BudgetComponent, ReadinessAspect, SarprasCategory
    from opscenter.reference import SEEDS

    conn = op.get_bind()
    operations = [row[0] for row in conn.execute(sa.text("SELECT id FROM operation"))]
    for model, fields, values in SEEDS:
        if model not in (ReadinessAspect, SarprasCategory, BudgetComponent):
            continue
        table = model.__table__
        rows = [
            {"operation_id": op_id, "ordinal": i, "version": 1, **dict(zip(fields, v, strict=True))}
            for op_id in operations
            for i, v in enumerate(values, 1)
        ]
        if rows:
            op.bulk_insert(table, rows)  # type: ignore[arg-type]


def downgrade() -> None:
    # Dependents first; each table's indexes go with it (SQLite and PostgreSQL alike).
    op.drop_table("inspection_finding")
    op.drop_table("budget_realisation")
    op.drop_table("sarpras_stock")
    op.drop_table("readiness_judgement")
    op.drop_table("inspection_visit")
    op.drop_table("budget_allocation")
    op.drop_table("budget_index")
    op.drop_table("sarpras_category")
    op.drop_table("readiness_aspect")
    op.drop_table("budget_component")
