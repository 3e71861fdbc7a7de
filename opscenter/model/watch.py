"""The voting-day TPS watch (pemantauan TPS pada hari pemungutan).

Every TPS moves through the operation's watch steps (``WatchStep``, an editable list:
petugas tiba, pemungutan dimulai, ... diterima PPK), each reached at a time (``TpsWatch``).
A step may carry a deadline, in minutes after the voting day's midnight in the operation's
zone: a TPS that has not reached it by then is overdue (1,800 = 06:00 the next morning).
Whether a TPS is calm or disturbed is not stored here: it is disturbed while an incident
linked to it is open (``opscenter.watch``), so the incident log stays the one record of a
disturbance.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from opscenter.model.base import Base, OperationScoped, ReferenceItem, Versioned

# The latest deadline a step may have: the second day after voting day begins.
DUE_MAX_MINUTES = 2 * 24 * 60


class WatchStep(Versioned, ReferenceItem, Base):
    __tablename__ = "watch_step"
    __table_args__ = (
        UniqueConstraint("operation_id", "code"),
        CheckConstraint(f"due_minutes BETWEEN 0 AND {DUE_MAX_MINUTES}", name="due"),
    )

    # Overdue when not reached by voting day 00:00 + this many minutes (None: no deadline).
    due_minutes: Mapped[int | None] = mapped_column()


class TpsWatch(Versioned, OperationScoped, Base):
    """A TPS reached a step at a time: one row per TPS and step."""

    __tablename__ = "tps_watch"
    __table_args__ = (
        UniqueConstraint("tps_id", "step_id"),
        Index("ix_tps_watch_step", "operation_id", "step_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    tps_id: Mapped[int] = mapped_column(ForeignKey("polling_station.id", ondelete="CASCADE"))
    step_id: Mapped[int] = mapped_column(
        ForeignKey("watch_step.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime]
    # Who reported it: the account that entered it ("siti"), or the import that brought it.
    recorded_by: Mapped[str] = mapped_column(String(80))
