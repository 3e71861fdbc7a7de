"""Guard posts (pos pengamanan TPS): each kecamatan's TPS grouped by guard pattern, per stage.

A pattern "a-b-c" (DOMAIN.md) puts *a* police and *c* Linmas on *b* TPS: the TPS of one
guarding unit, kecamatan and category are grouped into posts of at most *b* TPS
(``opscenter.plotting.posts``), as the strength computation counts them. People move TPS
between posts by hand (``opscenter.plotting.regrouping``); a post beyond its pattern's limit
carries the reason (``exception``).
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from opscenter.model.base import Base, OperationScoped, Versioned, one_of


def post_label(number: int, kecamatan: str | None) -> str:
    """A guard post as the plotting lists and the audit journal name it: "Pos 1 Kecamatan
    Siulak" (its number restarts in every kecamatan, so the kecamatan goes with it)."""
    return f"Pos {int(number)} {kecamatan or ''}".rstrip()


class GuardPost(Versioned, OperationScoped, Base):
    __tablename__ = "guard_post"
    __table_args__ = (
        UniqueConstraint("stage_id", "region_id", "number"),
        CheckConstraint("number >= 1", name="number"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id", ondelete="CASCADE"), index=True)
    # The kecamatan; posts are numbered 1, 2, ... within it for the stage.
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    # The unit guarding its TPS (their ``unit_id`` when the post was formed), if any.
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="SET NULL"))
    # Why the post holds more TPS than its pattern allows (None while it is within it).
    exception: Mapped[str | None] = mapped_column(Text)


class GuardPostTps(OperationScoped, Base):
    """A TPS in a post: one post per TPS and stage."""

    __tablename__ = "guard_post_tps"
    __table_args__ = (UniqueConstraint("stage_id", "tps_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(
        ForeignKey("guard_post.id", ondelete="CASCADE"), index=True
    )
    # The post's stage again, so that the database itself holds a TPS to one post a stage.
    stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id", ondelete="CASCADE"))
    tps_id: Mapped[int] = mapped_column(
        ForeignKey("polling_station.id", ondelete="CASCADE"), index=True
    )


# Why a person guards a post: their own Polsek guards its kecamatan; their Polres (its
# staff, or a neighbouring Polsek's surplus) fills what the Polsek lacks; a BKO planned for
# the stage brought them; or a person put them there by hand.
PLOT_BASES = ("polsek", "polres", "polsek_lain", "bko", "hand")


class GuardAssignment(Versioned, OperationScoped, Base):
    """A named officer on a guard post for a stage (the plotting list's row)."""

    __tablename__ = "guard_assignment"
    __table_args__ = (
        UniqueConstraint("stage_id", "personnel_id"),
        CheckConstraint(one_of("basis", PLOT_BASES), name="basis"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id", ondelete="CASCADE"))
    post_id: Mapped[int] = mapped_column(
        ForeignKey("guard_post.id", ondelete="CASCADE"), index=True
    )
    personnel_id: Mapped[int] = mapped_column(
        ForeignKey("personnel.id", ondelete="CASCADE"), index=True
    )
    basis: Mapped[str] = mapped_column(String(12))
    # The unit whose people it came from (the Polsek, the Polres, the BKO's lender).
    from_unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="SET NULL"))
    # Placed or confirmed by hand: a new plotting leaves it where it is.
    locked: Mapped[bool] = mapped_column(default=False)
