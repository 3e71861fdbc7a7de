"""Polling stations (TPS)."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from opscenter.model.base import Base, OperationScoped, Versioned

MAX_VOTERS_PER_TPS = 600  # Pilkada 2024


def tps_label(number: int, desa: str | None) -> str:
    """A TPS as every list, form and the audit journal name it: "TPS 003 Siulak Deras" (its
    number restarts in every desa, so the desa goes with it)."""
    return f"TPS {int(number):03d} {desa or ''}".rstrip()


class PollingStation(Versioned, OperationScoped, Base):
    __tablename__ = "polling_station"
    __table_args__ = (
        UniqueConstraint("operation_id", "region_id", "number"),
        # The strength computation counts an operation's TPS by guarding unit, desa and
        # category (``opscenter.strength``): with every column it reads in one index, the
        # count walks the index in group order, never the table and never a sort -- a third
        # of the cold readiness matrix of a national operation (bench/readiness.py). Its first
        # column also serves every lookup by operation, so it replaces the index on that alone.
        Index("ix_polling_station_guard", "operation_id", "unit_id", "region_id", "category_id"),
        CheckConstraint("number >= 1", name="number"),
        CheckConstraint("voters >= 0", name="voters"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Indexed as the first column of ix_polling_station_guard and of the unique constraint.
    operation_id: Mapped[int] = mapped_column(ForeignKey("operation.id", ondelete="CASCADE"))
    # TPS numbers restart in every desa/kelurahan.
    number: Mapped[int] = mapped_column(Integer)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)  # the desa
    # None: not yet rated (belum dinilai), as a TPS comes from the KPU's list; the strength
    # computation counts it at the strictest guard pattern until someone rates it.
    category_id: Mapped[int | None] = mapped_column(ForeignKey("tps_category.id"), index=True)
    voters: Mapped[int] = mapped_column(Integer, default=0)
    # The unit that guards it (usually the Polsek of its kecamatan).
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), index=True)
    address: Mapped[str | None] = mapped_column(String(200))
