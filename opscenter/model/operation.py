"""The operation and its election stages."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from opscenter.model.base import Base, OperationScoped, Versioned

# Polri numbering: classification/type-serial/month in Roman/archive code/year/unit.
SITREP_NUMBER_TEMPLATE = "R/LAPSIT-{serial}/{month_roman}/OPS.1.1/{year}/Ro Ops"


class Operation(Versioned, Base):
    """One Polda's (or Polres's) edition of Operasi Mantap Praja."""

    __tablename__ = "operation"
    __table_args__ = (
        CheckConstraint("report_cutoff_hour BETWEEN 0 AND 23", name="cutoff_hour"),
        CheckConstraint("language IN ('id', 'en')", name="language"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    # The command that runs it, as printed on the letterhead ("DAERAH JAMBI").
    command_name: Mapped[str] = mapped_column(String(120))
    province: Mapped[str] = mapped_column(String(120))
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Jakarta")
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    report_cutoff_hour: Mapped[int] = mapped_column(Integer, default=6)
    language: Mapped[str] = mapped_column(String(2), default="id")
    # Share of a Polres's strength it commits to the operation; the rest stays home.
    commit_share_pct: Mapped[int] = mapped_column(Integer, default=67)

    # Situation reports (opscenter.sitrep). The number comes from an editable template with a
    # serial per operation; the signatory is who signs the printed report.
    sitrep_unit: Mapped[str] = mapped_column(
        String(120), default="BIRO OPERASI", server_default="BIRO OPERASI"
    )
    sitrep_place: Mapped[str | None] = mapped_column(String(120))
    sitrep_number_template: Mapped[str] = mapped_column(
        String(200), default=SITREP_NUMBER_TEMPLATE, server_default=SITREP_NUMBER_TEMPLATE
    )
    sitrep_serial: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    signatory_title: Mapped[str | None] = mapped_column(String(200))
    signatory_name: Mapped[str | None] = mapped_column(String(160))
    signatory_rank: Mapped[str | None] = mapped_column(String(120))  # in full
    signatory_nrp: Mapped[str | None] = mapped_column(String(18))
    signatory_on_behalf: Mapped[bool] = mapped_column(default=False, server_default=false())


class Stage(Versioned, OperationScoped, Base):
    """An election stage (PKPU 2/2024). Data per operation: calendars differ locally."""

    __tablename__ = "stage"
    __table_args__ = (
        UniqueConstraint("operation_id", "code"),
        CheckConstraint(
            "ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on", name="dates"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str | None] = mapped_column(String(120))
    ordinal: Mapped[int] = mapped_column(Integer)
    # Either may be unknown (e.g. penetapan calon terpilih depends on the court's ruling).
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    # True for the stage whose first day is voting day (days-to-voting counts to it).
    is_voting: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str | None] = mapped_column(Text)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("stage.id", ondelete="SET NULL"))
