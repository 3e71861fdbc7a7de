"""Personnel: NRP/NIP as text, rank, home and assigned unit."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from opscenter.model.base import Base, OperationScoped, Versioned, one_of

DUTY_STATUSES = ("aktif", "cuti", "sakit", "pendidikan", "lainnya")


class Personnel(Versioned, OperationScoped, Base):
    __tablename__ = "personnel"
    __table_args__ = (
        UniqueConstraint("operation_id", "nrp"),
        # Only the few people placed elsewhere (BKO) have an assigned unit: the index holds
        # just them, so a roster import of people at their home units does not update it, and
        # deleting a unit still finds the people assigned to it without a scan.
        Index(
            "ix_personnel_assigned_unit_id",
            "assigned_unit_id",
            sqlite_where=text("assigned_unit_id IS NOT NULL"),
            postgresql_where=text("assigned_unit_id IS NOT NULL"),
        ),
        CheckConstraint("id_kind IN ('nrp', 'nip')", name="id_kind"),
        CheckConstraint(one_of("duty_status", DUTY_STATUSES), name="duty_status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Indexed through uq_personnel_operation_id_nrp, whose first column it is: a second
    # index on it alone would only slow down a 100,000-row import.
    operation_id: Mapped[int] = mapped_column(ForeignKey("operation.id", ondelete="CASCADE"))
    # NRP (8 digits) for officers, NIP (18 digits) for civil servants; text, leading zeros kept.
    nrp: Mapped[str] = mapped_column(String(18))
    id_kind: Mapped[str] = mapped_column(String(3), default="nrp")
    name: Mapped[str] = mapped_column(String(160))
    # Not indexed: no query looks people up by rank, and ranks are a fixed reference list that
    # is never deleted; the index cost every imported row a B-tree update under the write lock.
    rank_id: Mapped[int | None] = mapped_column(ForeignKey("rank.id"))
    position: Mapped[str | None] = mapped_column(String(160))
    home_unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    # Where the person serves in the operation; None means at the home unit.
    assigned_unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    phone: Mapped[str | None] = mapped_column(String(20))  # +62 form
    duty_status: Mapped[str] = mapped_column(String(12), default="aktif")
