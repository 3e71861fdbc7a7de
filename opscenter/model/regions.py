"""Administrative regions: provinsi -> kabupaten/kota -> kecamatan -> desa/kelurahan."""

from __future__ import annotations

from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from opscenter.model.base import Base, OperationScoped, Versioned, one_of

# Fixed by law, not by the operation: the four administrative levels.
REGION_LEVELS = ("provinsi", "kabkota", "kecamatan", "desa")


class Region(Versioned, OperationScoped, Base):
    __tablename__ = "region"
    __table_args__ = (
        UniqueConstraint("operation_id", "parent_id", "name"),
        CheckConstraint(one_of("level", REGION_LEVELS), name="level"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("region.id", ondelete="CASCADE"), index=True
    )
    level: Mapped[str] = mapped_column(String(10))
    # As written officially: "Kabupaten Kerinci", "Kota Sungai Penuh", "Desa Siulak Deras".
    name: Mapped[str] = mapped_column(String(120))
    # Kemendagri code where known ("15.01"); optional.
    code: Mapped[str | None] = mapped_column(String(20))


class RegionBoundary(Versioned, Base):
    """A boundary a command room imported (``opscenter regions import``), by Kemendagri code:
    shared by every operation and every workstation of the database, and preferred over the
    shape shipped with the program for the same code (``opscenter.geo.boundaries``)."""

    __tablename__ = "region_boundary"
    __table_args__ = (CheckConstraint(one_of("level", REGION_LEVELS), name="level"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    level: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(120))
    # GeoJSON geometry ([lon, lat], WGS 84) as imported, repaired when it is read.
    geometry: Mapped[dict[str, Any]]
    source: Mapped[str] = mapped_column(String(255))  # the file it came from
