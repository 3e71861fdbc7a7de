"""Incidents, the units that responded, and their follow-up timeline."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from opscenter.model.base import Base, OperationScoped, Versioned

# Migration 0009 adds the same constraint to databases made before it (its own copy).
POINT_CHECK = (
    "(latitude_e6 IS NULL AND longitude_e6 IS NULL) OR "
    "(latitude_e6 IS NOT NULL AND longitude_e6 IS NOT NULL "
    "AND latitude_e6 BETWEEN -90000000 AND 90000000 "
    "AND longitude_e6 BETWEEN -180000000 AND 180000000)"
)


class Incident(Versioned, OperationScoped, Base):
    __tablename__ = "incident"
    __table_args__ = (
        UniqueConstraint("operation_id", "number"),
        CheckConstraint("dead >= 0 AND injured >= 0", name="casualties"),
        # A point is whole or absent, and on the globe (IS NOT NULL spelled out: a CHECK
        # that comes to NULL passes).
        CheckConstraint(POINT_CHECK, name="point"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer)  # serial per operation, shown as KEJ-0042
    type_id: Mapped[int] = mapped_column(ForeignKey("incident_type.id"), index=True)
    severity_id: Mapped[int] = mapped_column(ForeignKey("severity.id"), index=True)
    status_id: Mapped[int] = mapped_column(ForeignKey("incident_status.id"), index=True)
    # When it happened, and when it was recorded here: they differ, both matter.
    occurred_at: Mapped[datetime] = mapped_column(index=True)
    recorded_at: Mapped[datetime]
    recorded_by: Mapped[str] = mapped_column(String(80))
    region_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"), index=True)
    tps_id: Mapped[int | None] = mapped_column(ForeignKey("polling_station.id"))
    location: Mapped[str | None] = mapped_column(String(200))
    # Where it happened, in integer micro-degrees (WGS84; 1e-6 degree is about 11 cm), not
    # Numeric: SQLite stores a Numeric as a float and SQLAlchemy warns on every Decimal
    # there, while an integer is exact on both databases, plain JSON in the journal, and
    # equal after an export and import. ``opscenter.incidents.degrees`` reads them back.
    latitude_e6: Mapped[int | None] = mapped_column(Integer)
    longitude_e6: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    dead: Mapped[int] = mapped_column(Integer, default=0)
    injured: Mapped[int] = mapped_column(Integer, default=0)
    damage: Mapped[str | None] = mapped_column(Text)
    closed_at: Mapped[datetime | None]


class IncidentUnit(OperationScoped, Base):
    """A unit that responded to an incident."""

    __tablename__ = "incident_unit"
    __table_args__ = (UniqueConstraint("incident_id", "unit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(
        ForeignKey("incident.id", ondelete="CASCADE"), index=True
    )
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), index=True)


class FollowUp(OperationScoped, Base):
    """An entry on an incident's timeline, until it is closed."""

    __tablename__ = "incident_follow_up"

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(
        ForeignKey("incident.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(80))
    text: Mapped[str] = mapped_column(Text)
    # Set when this entry changed the incident's status.
    status_id: Mapped[int | None] = mapped_column(ForeignKey("incident_status.id"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="SET NULL"))
