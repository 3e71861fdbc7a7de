"""Administrative regions: provinsi -> kabupaten/kota -> kecamatan -> desa/kelurahan."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from opscenter.model.base import Base, OperationScoped, Versioned

# Fixed by law, not by the operation: the four administrative levels.
REGION_LEVELS = ("provinsi", "kabkota", "kecamatan", "desa")


class Region(Versioned, OperationScoped, Base):
    __tablename__ = "region"
    __table_args__ = (
        UniqueConstraint("operation_id", "parent_id", "name"),
        CheckConstraint("level IN ('provinsi', 'kabkota', 'kecamatan', 'desa')", name="level"),
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
