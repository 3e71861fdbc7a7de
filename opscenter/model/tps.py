"""Polling stations (TPS)."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from opscenter.model.base import Base, OperationScoped, Versioned

MAX_VOTERS_PER_TPS = 600  # Pilkada 2024


class PollingStation(Versioned, OperationScoped, Base):
    __tablename__ = "polling_station"
    __table_args__ = (
        UniqueConstraint("operation_id", "region_id", "number"),
        CheckConstraint("number >= 1", name="number"),
        CheckConstraint("voters >= 0", name="voters"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # TPS numbers restart in every desa/kelurahan.
    number: Mapped[int] = mapped_column(Integer)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)  # the desa
    category_id: Mapped[int] = mapped_column(ForeignKey("tps_category.id"), index=True)
    voters: Mapped[int] = mapped_column(Integer, default=0)
    # The unit that guards it (usually the Polsek of its kecamatan).
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), index=True)
    address: Mapped[str | None] = mapped_column(String(200))
