"""Reference lists: seeded per operation, editable by staff, never enums in code."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from opscenter.model.base import Base, ReferenceItem, Versioned


def _unique_code(table: str) -> tuple[UniqueConstraint]:
    return (UniqueConstraint("operation_id", "code", name=f"uq_{table}_operation_code"),)


class Rank(Versioned, ReferenceItem, Base):
    """A rank (pangkat) or civil-service grade; ``ordinal`` orders low to high."""

    __tablename__ = "rank"
    __table_args__ = (
        *_unique_code("rank"),
        CheckConstraint("corps IN ('polri', 'pns', 'tni', 'other')", name="corps"),
    )

    # Polri officer, civil servant (PNS Polri) or TNI.
    corps: Mapped[str] = mapped_column(String(10), default="polri")
    # Written in full on signatures: "KOMISARIS BESAR POLISI".
    full_name: Mapped[str | None] = mapped_column(String(120))
    # Other spellings seen in rosters, separated by "|" ("BRIGADIR|BRIGPOL").
    aliases: Mapped[str] = mapped_column(String(400), default="")


class UnitStatus(Versioned, ReferenceItem, Base):
    """Siaga, Bergerak, Di lokasi, Kembali, Tidak siap ..."""

    __tablename__ = "unit_status"
    __table_args__ = _unique_code("unit_status")

    colour: Mapped[str] = mapped_column(String(7), default="#808080")
    # False for statuses that mean the unit cannot be tasked (e.g. "Tidak siap").
    is_available: Mapped[bool] = mapped_column(default=True)


class IncidentType(Versioned, ReferenceItem, Base):
    """Politik uang, hoaks, bentrokan massa ...; grouped by disturbance class."""

    __tablename__ = "incident_type"
    __table_args__ = (
        *_unique_code("incident_type"),
        CheckConstraint(
            "category IN ('kejahatan', 'pelanggaran', 'bencana', 'gangguan')", name="category"
        ),
    )

    category: Mapped[str] = mapped_column(String(20))


class Severity(Versioned, ReferenceItem, Base):
    """A small ordered severity scale the operation can rename; ``ordinal`` low to high."""

    __tablename__ = "severity"
    __table_args__ = _unique_code("severity")

    colour: Mapped[str] = mapped_column(String(7), default="#808080")


class IncidentStatus(Versioned, ReferenceItem, Base):
    """Baru -> Ditangani -> Selesai."""

    __tablename__ = "incident_status"
    __table_args__ = _unique_code("incident_status")

    is_closed: Mapped[bool] = mapped_column(default=False)


class TpsCategory(Versioned, ReferenceItem, Base):
    """A polling-station category with its guard pattern "a-b-c".

    *a* police guard *b* polling stations with *c* Linmas (DOMAIN.md); set per operation.
    """

    __tablename__ = "tps_category"
    __table_args__ = (
        *_unique_code("tps_category"),
        CheckConstraint(
            "guard_police >= 0 AND guard_tps >= 1 AND guard_linmas >= 0", name="pattern"
        ),
    )

    guard_police: Mapped[int] = mapped_column(Integer)
    guard_tps: Mapped[int] = mapped_column(Integer)
    guard_linmas: Mapped[int] = mapped_column(Integer)
    colour: Mapped[str] = mapped_column(String(7), default="#808080")

    @property
    def pattern(self) -> str:
        return f"{self.guard_police}-{self.guard_tps}-{self.guard_linmas}"


class Aspect(Versioned, ReferenceItem, Base):
    """Politik, ekonomi, sosial budaya, keamanan."""

    __tablename__ = "aspect"
    __table_args__ = _unique_code("aspect")


class VulnerabilityLevel(Versioned, ReferenceItem, Base):
    """Rendah, sedang, tinggi (or the operation's own scale); ``ordinal`` low to high."""

    __tablename__ = "vulnerability_level"
    __table_args__ = _unique_code("vulnerability_level")

    colour: Mapped[str] = mapped_column(String(7), default="#808080")
