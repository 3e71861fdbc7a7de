"""The incident form's and the filter bar's pick lists, for one operation: the reference
lists (types, severities, statuses) and the stages in the language asked for, the regions
and units in tree order as people named them, and the polling stations of a region. The
regions are read as the incident log reads them (``opscenter.incident_log``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter.incident_log import CHUNK, RegionInfo, descendants, region_tree
from opscenter.model import (
    IncidentStatus,
    IncidentType,
    Operation,
    PollingStation,
    Severity,
    Stage,
    Unit,
    tps_label,
)
from opscenter.operations import DEFAULT_TIMEZONE
from opscenter.reference import label


@dataclass(frozen=True, slots=True)
class Choice:
    """An entry of a pick list: id, the label people read, and an optional colour."""

    id: int
    name: str
    code: str = ""
    colour: str = ""
    depth: int = 0  # indentation in a tree-shaped list (regions, units)


@dataclass(frozen=True, slots=True)
class Choices:
    """Everything the incident form and the filters offer, for one operation."""

    operation_id: int
    timezone: str
    types: tuple[Choice, ...]
    severities: tuple[Choice, ...]
    statuses: tuple[Choice, ...]
    regions: tuple[Choice, ...]  # kabupaten/kota and their kecamatan, in tree order
    units: tuple[Choice, ...]  # territorial tree first, then task forces and partners
    stages: tuple[Choice, ...]
    # Codes of the statuses that close an incident (closing a serious one asks first).
    closed_statuses: frozenset[str] = frozenset()


def _reference(
    session: Session, model: Any, operation_id: int, colour: bool, lang: str
) -> tuple[Choice, ...]:
    stmt = select(model).where(model.operation_id == operation_id).order_by(model.ordinal, model.id)
    return tuple(
        Choice(r.id, label(r.name, r.name_en, lang), r.code, r.colour if colour else "")
        for r in session.scalars(stmt)
    )


def choices(session: Session, operation_id: int, *, lang: str = "id") -> Choices:
    """The pick lists of the incident form and the filter bar; reference and stage names in
    ``lang`` (regions and units keep the names people gave them)."""
    zone = session.scalar(select(Operation.timezone).where(Operation.id == operation_id))
    regions = region_tree(session, operation_id)
    kids: dict[int | None, list[RegionInfo]] = {}
    for r in regions.values():
        kids.setdefault(r.parent_id, []).append(r)
    region_list: list[Choice] = []

    def walk(parent: int | None, depth: int) -> None:
        for r in sorted(kids.get(parent, []), key=lambda r: r.name):
            if r.level == "desa":
                continue  # incidents are placed by kecamatan; a TPS names the desa
            if r.level != "provinsi":
                region_list.append(Choice(r.id, r.name, r.level, depth=depth))
            walk(r.id, depth + (0 if r.level == "provinsi" else 1))

    walk(None, 0)

    unit_rows = session.execute(
        select(Unit.id, Unit.parent_id, Unit.name, Unit.tree, Unit.kind).where(
            Unit.operation_id == operation_id
        )
    ).all()
    ukids: dict[int | None, list[Any]] = {}
    for u in unit_rows:
        ukids.setdefault(u.parent_id, []).append(u)
    unit_list: list[Choice] = []
    tree_order = {"territorial": 0, "satgas": 1}

    def walk_units(parent: int | None, depth: int) -> None:
        for u in sorted(ukids.get(parent, []), key=lambda u: (tree_order.get(u.tree, 2), u.name)):
            unit_list.append(Choice(u.id, u.name, u.kind, depth=depth))
            walk_units(u.id, depth + 1)

    walk_units(None, 0)
    stage_list = tuple(
        Choice(s.id, label(s.name, s.name_en, lang), s.code)
        for s in session.scalars(
            select(Stage).where(Stage.operation_id == operation_id).order_by(Stage.ordinal)
        )
    )
    return Choices(
        operation_id=operation_id,
        timezone=zone or DEFAULT_TIMEZONE,
        types=_reference(session, IncidentType, operation_id, False, lang),
        severities=_reference(session, Severity, operation_id, True, lang),
        statuses=_reference(session, IncidentStatus, operation_id, False, lang),
        regions=tuple(region_list),
        units=tuple(unit_list),
        stages=stage_list,
        closed_statuses=frozenset(
            session.scalars(
                select(IncidentStatus.code).where(
                    IncidentStatus.operation_id == operation_id, IncidentStatus.is_closed
                )
            )
        ),
    )


def tps_choices(session: Session, operation_id: int, region_id: int | None) -> tuple[Choice, ...]:
    """Polling stations within a region (and the regions under it), by desa and number."""
    if region_id is None:
        return ()
    regions = region_tree(session, operation_id)
    within = sorted(descendants(regions, region_id))
    out: list[Choice] = []
    for i in range(0, len(within), CHUNK):
        stmt = select(PollingStation.id, PollingStation.number, PollingStation.region_id).where(
            PollingStation.operation_id == operation_id,
            PollingStation.region_id.in_(within[i : i + CHUNK]),
        )
        for tps_id, number, desa_id in session.execute(stmt):
            desa = regions.get(desa_id)
            out.append(Choice(tps_id, tps_label(number, desa.name if desa else None)))
    out.sort(key=lambda c: c.name)
    return tuple(out)
