"""Unit services: status changes (with history), edits, BKO assignments; units' areas."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter import clock
from opscenter.actor import Actor
from opscenter.editing import apply, fetch_for_edit
from opscenter.errors import InvalidValue, NotFound
from opscenter.model import (
    REGION_LEVELS,
    BkoAssignment,
    Personnel,
    Region,
    Unit,
    UnitArea,
    UnitStatus,
    UnitStatusChange,
)
from opscenter.permissions import require
from opscenter.store import Store

EDITABLE = frozenset({"name", "code", "parent_id", "declared_strength", "is_reserve", "agency"})


def climb(start: int, parent: Mapping[int, int | None], stop: Callable[[int], bool]) -> int | None:
    """The first of ``start`` and its ancestors (``parent``: id -> parent id) for which
    ``stop`` holds; None when none does. A loop in the tree (refused on entry, never
    trusted) ends the climb."""
    cur: int | None = start
    seen: set[int] = set()
    while cur is not None and cur not in seen:
        if stop(cur):
            return cur
        seen.add(cur)
        cur = parent.get(cur)
    return None


def unit_areas(session: Session, operation_id: int, level: str = "kabkota") -> dict[int, set[int]]:
    """Unit id -> the regions of ``level`` it is responsible for (Polres Kerinci: Kabupaten
    Kerinci and Kota Sungai Penuh), as its ``UnitArea`` rows say."""
    out: dict[int, set[int]] = {}
    for unit_id, region_id in session.execute(
        select(UnitArea.unit_id, UnitArea.region_id)
        .join(Region, Region.id == UnitArea.region_id)
        .where(UnitArea.operation_id == operation_id, Region.level == level)
    ):
        out.setdefault(int(unit_id), set()).add(int(region_id))
    return out


def unit_seats(session: Session, operation_id: int) -> dict[int, int]:
    """Unit id -> the region its headquarters is drawn at on the map (units have no
    coordinates of their own).

    A unit with areas sits at its most specific one (a Polsek at its kecamatan, a Polres
    at its kabupaten/kota, the Polda at its province); of several at that level, the first
    entered (lowest id): Polres Kerinci, which answers for Kabupaten Kerinci and Kota Sungai
    Penuh, sits in Kerinci, the area it is named for and entered first. A unit without an
    area (Brimob, the Polda's staff) sits at its parent's; a tree without any (the Satgas)
    at the Polda's. Units left without a seat are not returned."""
    depth = {level: n for n, level in enumerate(REGION_LEVELS)}
    own: dict[int, tuple[int, int]] = {}  # unit -> (-depth, region id), the least wins
    for unit_id, region_id, level in session.execute(
        select(UnitArea.unit_id, UnitArea.region_id, Region.level)
        .join(Region, Region.id == UnitArea.region_id)
        .where(UnitArea.operation_id == operation_id)
    ):
        key = (-depth.get(str(level), 0), int(region_id))
        if int(unit_id) not in own or key < own[int(unit_id)]:
            own[int(unit_id)] = key
    units = session.execute(
        select(Unit.id, Unit.parent_id, Unit.kind, Unit.tree).where(
            Unit.operation_id == operation_id
        )
    ).all()
    parent = {int(uid): pid for uid, pid, _kind, _tree in units}
    polda = next(
        (int(uid) for uid, _p, kind, tree in units if kind == "polda" and tree == "territorial"),
        None,
    )

    def seat(unit_id: int) -> int | None:
        found = climb(unit_id, parent, own.__contains__)
        if found is None:
            found = polda if polda is not None and polda in own else None
        return own[found][1] if found is not None else None

    return {uid: region for uid in parent if (region := seat(uid)) is not None}


def region_units(session: Session, operation_id: int, region_id: int) -> frozenset[int]:
    """The units answering for a region: those with an area at it or anywhere under it
    (Kabupaten Kerinci: Polres Kerinci, its Polsek, the Kodim and Linmas of Kerinci)."""
    parent = {
        int(rid): pid
        for rid, pid in session.execute(
            select(Region.id, Region.parent_id).where(Region.operation_id == operation_id)
        )
    }
    found: set[int] = set()
    for unit_id, area in session.execute(
        select(UnitArea.unit_id, UnitArea.region_id).where(UnitArea.operation_id == operation_id)
    ):
        if climb(int(area), parent, region_id.__eq__) is not None:
            found.add(int(unit_id))
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class StatusChanged:
    unit_id: int
    previous_status_id: int | None
    status_id: int
    version: int
    at: datetime


def set_status(
    store: Store,
    actor: Actor,
    unit_id: int,
    status_id: int,
    *,
    reason: str | None = None,
    expected_version: int | None = None,
) -> StatusChanged:
    """Change a unit's status; the history keeps who, when and why."""
    require(actor, "board.edit")
    reason = (reason or "").strip() or None
    with store.transaction(actor, "unit.set_status") as s:
        unit = fetch_for_edit(s, Unit, unit_id, expected_version)
        status = s.get(UnitStatus, status_id)
        if status is None or status.operation_id != unit.operation_id:
            raise NotFound(entity="unit_status", key=status_id)
        now = clock.now()
        previous = unit.status_id
        unit.status_id = status.id
        unit.status_reason = reason
        unit.status_changed_at = now
        unit.status_changed_by = actor.username
        s.add(
            UnitStatusChange(
                operation_id=unit.operation_id,
                unit_id=unit.id,
                status_id=status.id,
                previous_status_id=previous,
                at=now,
                actor=actor.username,
                reason=reason,
            )
        )
        s.flush()
        return StatusChanged(unit.id, previous, status.id, unit.version, now)


def update_unit(
    store: Store, actor: Actor, unit_id: int, expected_version: int, **fields: object
) -> int:
    """Edit a unit's fields; returns the new version."""
    require(actor, "reference.edit")
    with store.transaction(actor, "unit.update") as s:
        unit = fetch_for_edit(s, Unit, unit_id, expected_version)
        if "parent_id" in fields and fields["parent_id"] is not None:
            parent = s.get(Unit, fields["parent_id"])
            if parent is None or parent.operation_id != unit.operation_id:
                raise InvalidValue(field="parent_id", value=fields["parent_id"], reason="unknown")
            _check_no_cycle(s, unit.id, parent.id)
        apply(unit, dict(fields), EDITABLE)
        s.flush()
        return unit.version


def _check_no_cycle(session: object, unit_id: int, parent_id: int) -> None:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    seen = {unit_id}
    current: int | None = parent_id
    while current is not None:
        if current in seen:
            raise InvalidValue(field="parent_id", value=parent_id, reason="cycle")
        seen.add(current)
        current = session.scalar(select(Unit.parent_id).where(Unit.id == current))


@dataclass(frozen=True, slots=True)
class BkoSpec:
    """One BKO placement to make (see ``assign_bko``)."""

    from_unit_id: int
    to_unit_id: int
    personnel_count: int
    starts_at: datetime
    ends_at: datetime | None = None
    stage_id: int | None = None
    personnel_id: int | None = None
    warrant: str | None = None
    note: str | None = None


def _check_bko(spec: BkoSpec) -> None:
    """The checks that need no database."""
    if spec.personnel_count < 1:
        raise InvalidValue(
            field="personnel_count", value=spec.personnel_count, reason="not_positive"
        )
    if spec.from_unit_id == spec.to_unit_id:
        raise InvalidValue(field="to_unit_id", value=spec.to_unit_id, reason="same_unit")
    for name, when in (("starts_at", spec.starts_at), ("ends_at", spec.ends_at)):
        if when is not None and when.tzinfo is None:
            raise InvalidValue(field=name, value=when.isoformat(), reason="no_zone")
    if spec.personnel_id is not None and spec.personnel_count != 1:
        raise InvalidValue(field="personnel_count", value=spec.personnel_count, reason="one_person")
    if spec.ends_at is not None and spec.ends_at <= spec.starts_at:
        raise InvalidValue(field="ends_at", value=spec.ends_at.isoformat(), reason="before_start")


def add_bko(session: Session, spec: BkoSpec) -> BkoAssignment:
    """Create one BKO row inside the caller's journaled transaction (all checks included)."""
    _check_bko(spec)
    src, dst = session.get(Unit, spec.from_unit_id), session.get(Unit, spec.to_unit_id)
    if src is None or dst is None or src.operation_id != dst.operation_id:
        raise NotFound(entity="unit", key=spec.from_unit_id if src is None else spec.to_unit_id)
    if spec.personnel_id is not None:
        # A named person lent out keeps their working unit: counted once, as BKO.
        person = session.get(Personnel, spec.personnel_id)
        working = person and (person.assigned_unit_id or person.home_unit_id)
        if person is None or person.operation_id != src.operation_id or working != src.id:
            raise InvalidValue(field="personnel_id", value=spec.personnel_id, reason="not_in_unit")
    bko = BkoAssignment(
        operation_id=src.operation_id,
        from_unit_id=src.id,
        to_unit_id=dst.id,
        personnel_count=spec.personnel_count,
        personnel_id=spec.personnel_id,
        stage_id=spec.stage_id,
        starts_at=spec.starts_at,
        ends_at=spec.ends_at,
        warrant=spec.warrant,
        note=spec.note,
    )
    session.add(bko)
    session.flush()
    return bko


def remove_bko(session: Session, bko_id: int, expected_version: int | None = None) -> None:
    """Delete one BKO row inside the caller's journaled transaction."""
    session.delete(fetch_for_edit(session, BkoAssignment, bko_id, expected_version))
    session.flush()


def assign_bko(
    store: Store,
    actor: Actor,
    *,
    from_unit_id: int,
    to_unit_id: int,
    personnel_count: int,
    starts_at: datetime,
    ends_at: datetime | None = None,
    stage_id: int | None = None,
    personnel_id: int | None = None,
    warrant: str | None = None,
    note: str | None = None,
) -> int:
    """Place personnel under another unit's operational control; returns the assignment id."""
    require(actor, "plan.accept")
    spec = BkoSpec(from_unit_id, to_unit_id, personnel_count, starts_at, ends_at, stage_id,
                   personnel_id, warrant, note)  # fmt: skip
    _check_bko(spec)
    with store.transaction(actor, "unit.assign_bko") as s:
        return add_bko(s, spec).id


def end_bko(store: Store, actor: Actor, bko_id: int, expected_version: int | None = None) -> None:
    """Withdraw a BKO assignment (undo of an accepted proposal)."""
    require(actor, "plan.accept")
    with store.transaction(actor, "unit.end_bko") as s:
        remove_bko(s, bko_id, expected_version)
