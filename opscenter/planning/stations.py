"""The operation's TPS as the what-if form lists them: number, desa, kecamatan, category.

A plain read for the planning window (``ui`` builds no query of its own): one row per TPS,
sorted as the form shows them (kecamatan, desa, number), with the names it needs.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from opscenter.model import PollingStation, Region
from opscenter.strength import UNRATED


@dataclass(frozen=True, slots=True)
class TpsRow:
    """One TPS of the operation, with its desa and kecamatan (plain data)."""

    id: int
    number: int
    desa: str
    kecamatan_id: int
    kecamatan: str
    category_id: int  # UNRATED (opscenter.strength) while the TPS is not yet rated


def tps_rows(session: Session, operation_id: int) -> tuple[TpsRow, ...]:
    """Every TPS of the operation, by kecamatan name, desa name, then number."""
    desa = aliased(Region)
    kec = aliased(Region)
    rows = session.execute(
        select(
            PollingStation.id,
            PollingStation.number,
            PollingStation.category_id,
            desa.name,
            kec.id,
            kec.name,
        )
        .join(desa, desa.id == PollingStation.region_id)
        .join(kec, kec.id == desa.parent_id)
        .where(PollingStation.operation_id == operation_id)
        .order_by(kec.name, desa.name, PollingStation.number)
    )
    return tuple(
        TpsRow(
            int(r[0]),
            int(r[1]),
            str(r[3]),
            int(r[4]),
            str(r[5]),
            UNRATED if r[2] is None else int(r[2]),
        )
        for r in rows
    )
