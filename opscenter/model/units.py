"""Units in two trees (territorial and task force), their areas, status and BKO."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from opscenter.model.base import Base, OperationScoped, Versioned, one_of

# Which tree a unit hangs in. Fixed: the board and the roll-ups depend on it.
UNIT_TREES = ("territorial", "satgas", "partner")
# Who the unit belongs to (Polri, TNI, Satpol PP, Linmas, other agencies).
AGENCIES = ("polri", "tni", "satpolpp", "linmas", "other")
# Echelon in its tree; the roll-up order Polsek -> Polres -> Polda depends on it.
UNIT_KINDS = (
    "polda",
    "polres",
    "polresta",
    "polsek",
    "satgas",
    "subsatgas",
    "brimob",
    "korem",
    "kodim",
    "koramil",
    "lanal",
    "satpolpp",
    "linmas",
    "agency",
)


class Unit(Versioned, OperationScoped, Base):
    __tablename__ = "unit"
    __table_args__ = (
        UniqueConstraint("operation_id", "code"),
        CheckConstraint(one_of("tree", UNIT_TREES), name="tree"),
        CheckConstraint(one_of("agency", AGENCIES), name="agency"),
        CheckConstraint("declared_strength IS NULL OR declared_strength >= 0", name="strength"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit.id", ondelete="RESTRICT"), index=True
    )
    tree: Mapped[str] = mapped_column(String(12))
    kind: Mapped[str] = mapped_column(String(12))
    agency: Mapped[str] = mapped_column(String(10), default="polri")
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(160))
    # Partner forces are not on our personnel roster: they declare a strength instead.
    declared_strength: Mapped[int | None] = mapped_column(Integer)
    # Reserve units (Brimob, Polda staff) that reinforce others rather than guard TPS.
    is_reserve: Mapped[bool] = mapped_column(default=False)

    status_id: Mapped[int | None] = mapped_column(ForeignKey("unit_status.id"))
    status_reason: Mapped[str | None] = mapped_column(Text)
    status_changed_at: Mapped[datetime | None]
    status_changed_by: Mapped[str | None] = mapped_column(String(80))


class UnitArea(OperationScoped, Base):
    """A region a unit is responsible for (Polres Kerinci: Kab. Kerinci and Kota Sungai Penuh)."""

    __tablename__ = "unit_area"
    __table_args__ = (UniqueConstraint("unit_id", "region_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), index=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id", ondelete="CASCADE"), index=True)


class UnitStatusChange(OperationScoped, Base):
    """History of a unit's status: who set it, when and why. Append-only by convention."""

    __tablename__ = "unit_status_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), index=True)
    status_id: Mapped[int] = mapped_column(ForeignKey("unit_status.id"))
    previous_status_id: Mapped[int | None] = mapped_column(ForeignKey("unit_status.id"))
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(80))
    reason: Mapped[str | None] = mapped_column(Text)


class BkoAssignment(Versioned, OperationScoped, Base):
    """Personnel under another unit's operational control (BKO) for a time.

    Either one named person (``personnel_id``) or a number of a unit's people
    (``personnel_count``), e.g. 60 Brimob placed under Polres Kerinci for voting day.
    """

    __tablename__ = "bko_assignment"
    __table_args__ = (
        CheckConstraint("personnel_count >= 1", name="count"),
        CheckConstraint("ends_at IS NULL OR ends_at > starts_at", name="period"),
        CheckConstraint("from_unit_id <> to_unit_id", name="distinct_units"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    from_unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), index=True)
    to_unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), index=True)
    personnel_id: Mapped[int | None] = mapped_column(ForeignKey("personnel.id", ondelete="CASCADE"))
    personnel_count: Mapped[int] = mapped_column(Integer, default=1)
    stage_id: Mapped[int | None] = mapped_column(ForeignKey("stage.id", ondelete="SET NULL"))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime | None]
    warrant: Mapped[str | None] = mapped_column(String(120))  # Sprin number
    note: Mapped[str | None] = mapped_column(Text)
