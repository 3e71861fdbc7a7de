"""The reference lists every section of the report reads, loaded once per report.

Incident types, severities and statuses in their order, the kabupaten/kota each region
lies in, and the units (one query serves the names on follow-ups, the strength per Polres
and the unit annex). ORM rows stay inside the report's session.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from opscenter.model import IncidentStatus, IncidentType, Operation, Region, Severity, Unit
from opscenter.reference import items, label


class Named(Protocol):
    """A reference row (or a stage): an Indonesian name and perhaps an English one."""

    @property
    def name(self) -> str: ...
    @property
    def name_en(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class Lookups:
    """One operation's reference lists and report language (ORM rows: for this session)."""

    operation_id: int
    lang: str
    zone: ZoneInfo
    types: Mapping[int, IncidentType]  # in the list's order
    severities: Sequence[Severity]  # low to high
    severity_rank: Mapping[int, int]  # severity id -> 1 (lowest) ..
    statuses: Sequence[IncidentStatus]
    status_by_id: Mapping[int, IncidentStatus]
    kabkota_of: Mapping[int, int]  # region id -> its kabupaten/kota id
    kabkota_names: Mapping[int, str]
    # id, parent_id, code, name, kind, status_id; by id
    units: Sequence[Row[*tuple[Any, ...]]]
    unit_names: Mapping[int, str]

    def name(self, row: Named) -> str:
        """A reference row's name in the report's language."""
        return label(row.name, row.name_en, self.lang)

    @property
    def top_rank(self) -> int:
        return len(self.severities)

    @property
    def no_region(self) -> str:
        return "Tanpa wilayah" if self.lang == "id" else "No region"

    @property
    def total_label(self) -> str:
        return "Jumlah" if self.lang == "id" else "Total"

    def kabkota_sorted(self) -> list[tuple[int, str]]:
        """(id, name) of every kabupaten/kota, by name."""
        return sorted(self.kabkota_names.items(), key=lambda kv: kv[1])


def lookups(session: Session, op: Operation) -> Lookups:
    """Read the reference lists of the report's operation."""
    oid = op.id
    severities = items(session, Severity, oid)
    statuses = items(session, IncidentStatus, oid)
    kab_of, kab_names = _kabkota_of(session, oid)
    units = session.execute(
        select(Unit.id, Unit.parent_id, Unit.code, Unit.name, Unit.kind, Unit.status_id)
        .where(Unit.operation_id == oid)
        .order_by(Unit.id)
    ).all()
    return Lookups(
        operation_id=oid,
        lang=op.language,
        zone=ZoneInfo(op.timezone),
        types={t.id: t for t in items(session, IncidentType, oid)},
        severities=severities,
        severity_rank={s.id: i for i, s in enumerate(severities, 1)},
        statuses=statuses,
        status_by_id={s.id: s for s in statuses},
        kabkota_of=kab_of,
        kabkota_names=kab_names,
        units=units,
        unit_names={int(u.id): str(u.name) for u in units},
    )


def _kabkota_of(session: Session, operation_id: int) -> tuple[dict[int, int], dict[int, str]]:
    """Region id -> its kabupaten/kota id; kabupaten/kota id -> name."""
    rows = session.execute(
        select(Region.id, Region.parent_id, Region.level, Region.name).where(
            Region.operation_id == operation_id
        )
    ).all()
    parent = {int(r.id): r.parent_id for r in rows}
    level = {int(r.id): str(r.level) for r in rows}
    names = {int(r.id): str(r.name) for r in rows if r.level == "kabkota"}
    out: dict[int, int] = {}
    for rid in parent:
        cur: int | None = rid
        seen = 0
        while cur is not None and level.get(cur) != "kabkota" and seen < 8:
            cur = parent.get(cur)
            seen += 1
        if cur is not None and level.get(cur) == "kabkota":
            out[rid] = cur
    return out, names
