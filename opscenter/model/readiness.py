"""Readiness of every unit (kesiapan operasi): aspects and judgements, sarpras inventory with
its requirement rules, budget (pagu, daily index, realisation) and inspection visits with
their findings and follow-ups.

Money is whole rupiah (``BigInteger``), never a float. Dates without a time (a visit, a
payment, a follow-up's due date) are local dates of the operation.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from opscenter.model.base import Base, OperationScoped, ReferenceItem, Versioned, one_of

# A judgement: ready, ready with a note, not ready. Ordered best to worst.
READINESS_LEVELS = ("siap", "catatan", "belum")
# What data an aspect's level can be derived from (None: only judgements and findings).
EVIDENCE_KINDS = ("personel", "sarpras", "anggaran")
# Groups of sarpras categories.
SARPRAS_GROUPS = ("kendaraan", "komunikasi", "dalmas", "teknologi", "senjata", "posko")
# What a requirement rule counts (see opscenter.readiness.sarpras):
#   team       one guard team (a TPS group of the stage's guard pattern)
#   tps_kec    TPS, counted per kecamatan (ceil per kecamatan)
#   kecamatan  a kecamatan in the unit's area
#   personel   police required for the stage
#   unit       the unit itself (a flat number)
RULE_BASES = ("team", "tps_kec", "kecamatan", "personel", "unit")
BUDGET_SOURCES = ("dipa", "hibah", "lain")
VISIT_KINDS = ("kunker", "supervisi", "asistensi")
FOLLOW_UP_STATUSES = ("terbuka", "proses", "selesai")


class ReadinessAspect(Versioned, ReferenceItem, Base):
    """Personel, sarana prasarana, anggaran, perencanaan, latihan, posko, kamtibmas ..."""

    __tablename__ = "readiness_aspect"
    __table_args__ = (
        UniqueConstraint("operation_id", "code"),
        CheckConstraint(
            f"evidence IS NULL OR {one_of('evidence', EVIDENCE_KINDS)}", name="evidence"
        ),
    )

    evidence: Mapped[str | None] = mapped_column(String(12))


class ReadinessJudgement(Versioned, OperationScoped, Base):
    """A person's judgement of one unit on one aspect; it overrides what data suggests."""

    __tablename__ = "readiness_judgement"
    __table_args__ = (
        UniqueConstraint("unit_id", "aspect_id"),
        CheckConstraint(one_of("level", READINESS_LEVELS), name="level"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), index=True)
    aspect_id: Mapped[int] = mapped_column(
        ForeignKey("readiness_aspect.id", ondelete="CASCADE"), index=True
    )
    level: Mapped[str] = mapped_column(String(10))
    note: Mapped[str | None] = mapped_column(Text)
    # What the judgement rests on, in the judge's words ("cek fisik 12/11, 4 R4 mogok").
    evidence: Mapped[str | None] = mapped_column(Text)
    set_by: Mapped[str] = mapped_column(String(80))
    set_at: Mapped[datetime]


class SarprasCategory(Versioned, ReferenceItem, Base):
    """An equipment category (roda 2, HT, tameng ...) with its requirement rule."""

    __tablename__ = "sarpras_category"
    __table_args__ = (
        UniqueConstraint("operation_id", "code"),
        CheckConstraint(one_of("grp", SARPRAS_GROUPS), name="grp"),
        CheckConstraint(f"rule_basis IS NULL OR {one_of('rule_basis', RULE_BASES)}", name="basis"),
        CheckConstraint("rule_quantity >= 0 AND rule_per >= 1", name="rule"),
    )

    grp: Mapped[str] = mapped_column(String(12))
    # "unit", "buah", "pucuk" ...
    measure: Mapped[str] = mapped_column(String(20), default="unit")
    # rule_quantity items per rule_per of rule_basis; no basis: no requirement.
    rule_basis: Mapped[str | None] = mapped_column(String(10))
    rule_quantity: Mapped[int] = mapped_column(Integer, default=1)
    rule_per: Mapped[int] = mapped_column(Integer, default=1)
    # Firearms carry an ammunition count.
    has_ammunition: Mapped[bool] = mapped_column(default=False)


class SarprasStock(Versioned, OperationScoped, Base):
    """What one unit holds of one category, by the government asset condition scale."""

    __tablename__ = "sarpras_stock"
    __table_args__ = (
        UniqueConstraint("unit_id", "category_id"),
        CheckConstraint("baik >= 0 AND rusak_ringan >= 0 AND rusak_berat >= 0", name="counts"),
        CheckConstraint("ammunition IS NULL OR ammunition >= 0", name="ammunition"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), index=True)
    category_id: Mapped[int] = mapped_column(
        ForeignKey("sarpras_category.id", ondelete="CASCADE"), index=True
    )
    baik: Mapped[int] = mapped_column(Integer, default=0)
    rusak_ringan: Mapped[int] = mapped_column(Integer, default=0)
    rusak_berat: Mapped[int] = mapped_column(Integer, default=0)
    # Whether the unit may use these items at all (licensed, certified, not under seizure).
    laik_pakai: Mapped[bool] = mapped_column(default=True)
    ammunition: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)


class BudgetComponent(Versioned, ReferenceItem, Base):
    """Uang saku, uang makan, angkut logistik, kesehatan."""

    __tablename__ = "budget_component"
    __table_args__ = (UniqueConstraint("operation_id", "code"),)


class BudgetIndex(Versioned, OperationScoped, Base):
    """The operation's daily index: rupiah per person per day of a component in a stage,
    and how many days of that stage are paid."""

    __tablename__ = "budget_index"
    __table_args__ = (
        UniqueConstraint("component_id", "stage_id"),
        CheckConstraint("days >= 0 AND daily_rupiah >= 0", name="amounts"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    component_id: Mapped[int] = mapped_column(
        ForeignKey("budget_component.id", ondelete="CASCADE"), index=True
    )
    stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id", ondelete="CASCADE"), index=True)
    days: Mapped[int] = mapped_column(Integer)
    daily_rupiah: Mapped[int] = mapped_column(BigInteger)


class BudgetAllocation(Versioned, OperationScoped, Base):
    """A ceiling (pagu) from one source for one unit: DIPA, hibah daerah (NPHD) or other."""

    __tablename__ = "budget_allocation"
    __table_args__ = (
        CheckConstraint(one_of("source", BUDGET_SOURCES), name="source"),
        CheckConstraint("pagu >= 0", name="pagu"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(String(8))
    # "NPHD 900/123/BPKAD/2024": the agreement's number, or the DIPA's.
    reference: Mapped[str | None] = mapped_column(String(120))
    # The NPHD's signing date (hibah).
    signed_on: Mapped[date | None] = mapped_column(Date)
    pagu: Mapped[int] = mapped_column(BigInteger)
    note: Mapped[str | None] = mapped_column(Text)


class BudgetRealisation(Versioned, OperationScoped, Base):
    """Money paid out of an allocation."""

    __tablename__ = "budget_realisation"
    __table_args__ = (CheckConstraint("amount > 0", name="amount"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    allocation_id: Mapped[int] = mapped_column(
        ForeignKey("budget_allocation.id", ondelete="CASCADE"), index=True
    )
    paid_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(BigInteger)
    description: Mapped[str] = mapped_column(Text)
    component_id: Mapped[int | None] = mapped_column(
        ForeignKey("budget_component.id", ondelete="SET NULL")
    )
    stage_id: Mapped[int | None] = mapped_column(ForeignKey("stage.id", ondelete="SET NULL"))


class InspectionVisit(Versioned, OperationScoped, Base):
    """A visit to a unit: kunjungan kerja, supervisi or asistensi."""

    __tablename__ = "inspection_visit"
    __table_args__ = (CheckConstraint(one_of("kind", VISIT_KINDS), name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), index=True)
    visited_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(10))
    # Who led it ("Kapolda Jambi") and who went.
    led_by: Mapped[str | None] = mapped_column(String(120))
    team: Mapped[str | None] = mapped_column(Text)
    # What was checked, in the team's words.
    checked: Mapped[str | None] = mapped_column(Text)


class InspectionFinding(Versioned, OperationScoped, Base):
    """A finding (temuan) of a visit on one aspect, its advice (saran) and its follow-up
    (tindak lanjut): who is in charge, by when, how far it is."""

    __tablename__ = "inspection_finding"
    __table_args__ = (
        CheckConstraint(one_of("status", FOLLOW_UP_STATUSES), name="status"),
        CheckConstraint("status != 'selesai' OR closing_note IS NOT NULL", name="closing"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(
        ForeignKey("inspection_visit.id", ondelete="CASCADE"), index=True
    )
    aspect_id: Mapped[int] = mapped_column(
        ForeignKey("readiness_aspect.id", ondelete="RESTRICT"), index=True
    )
    finding: Mapped[str] = mapped_column(Text)
    advice: Mapped[str | None] = mapped_column(Text)
    person_in_charge: Mapped[str | None] = mapped_column(String(120))
    due_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="terbuka")
    closing_note: Mapped[str | None] = mapped_column(Text)
    closed_at: Mapped[datetime | None]
