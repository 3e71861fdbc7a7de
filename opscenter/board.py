"""The units board as plain data: every unit with its status, strength, TPS and incidents.

``load_board`` reads a whole operation with a fixed number of grouped queries (units,
statuses, categories, severities, the strength inputs, open incidents per unit), whatever
the number of units: it is meant for national scale (about 5,000 units, 435,000 TPS).
``reload_units`` re-reads only the named units' own fields (status, name, parent), for a
live update after a status change; ``load_figures`` recomputes the rolled-up figures
(strength, TPS, open incidents) when personnel, BKO, TPS or incidents changed.

Figures are rolled up the unit tree (Polsek -> Polres -> Polda): a unit's figures include
its sub-units'. An open incident counts once in a subtree even when several of its units
responded. Everything returned is frozen plain data, safe to hand between threads.

Names from the reference lists (statuses, categories, severities, the stage) come in the
language asked for (``lang``); the English name is a column of the rows read anyway, so
the language costs no query.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session

from opscenter import operations
from opscenter.model import (
    Incident,
    IncidentStatus,
    IncidentUnit,
    Region,
    Severity,
    Stage,
    TpsCategory,
    Unit,
    UnitArea,
    UnitStatus,
)
from opscenter.progress import step_aside
from opscenter.reference import label
from opscenter.strength import StrengthInputs, compute
from opscenter.strength_inputs import bko_in_force, load_inputs, scan_cache
from opscenter.units import climb, unit_seats

# What ``units.set_status`` changes: a change of these alone moves no figure.
UNIT_STATUS_FIELDS = frozenset(
    {"status_id", "status_reason", "status_changed_at", "status_changed_by"}
)
# Units per IN (...) list: far under SQLite's and PostgreSQL's parameter limits.
CHUNK = 500
# Sibling order on the board: the commands first, then the rest by name.
_KIND_ORDER = {k: i for i, k in enumerate(("polda", "polresta", "polres", "polsek", "brimob"))}
_TREE_ORDER = {"territorial": 0, "satgas": 1, "partner": 2}


@dataclass(frozen=True, slots=True)
class RefItem:
    """An entry of a reference list as the board shows it (status, category, severity)."""

    id: int
    code: str
    name: str  # in the language the board was loaded in
    name_en: str | None
    colour: str


@dataclass(frozen=True, slots=True)
class Figures:
    """A unit's figures, rolled up over its subtree."""

    police_required: int = 0
    police_available: int = 0
    bko_in: int = 0
    bko_out: int = 0
    # Counts in the order of ``Board.categories`` / ``Board.severities``.
    tps: tuple[int, ...] = ()
    incidents: tuple[int, ...] = ()
    # TPS not yet rated (no category: from the KPU's list), counted at the strictest pattern.
    unrated: int = 0

    @property
    def balance(self) -> int:
        """Positive: surplus; negative: deficit."""
        return self.police_available - self.police_required

    @property
    def tps_total(self) -> int:
        return sum(self.tps) + self.unrated

    @property
    def incidents_total(self) -> int:
        return sum(self.incidents)


NO_FIGURES = Figures()


@dataclass(frozen=True, slots=True)
class UnitRow:
    id: int
    parent_id: int | None
    tree: str
    kind: str
    agency: str
    code: str
    name: str
    status_id: int | None
    status_name: str | None  # in the language the row was read in
    status_colour: str | None
    status_changed_at: datetime | None
    status_changed_by: str | None
    status_reason: str | None
    version: int
    figures: Figures = NO_FIGURES

    # Shorthands for the views and the tests.
    @property
    def police_required(self) -> int:
        return self.figures.police_required

    @property
    def police_available(self) -> int:
        return self.figures.police_available

    @property
    def balance(self) -> int:
        return self.figures.balance


@dataclass(frozen=True, slots=True)
class Board:
    operation_id: int
    timezone: str
    stage_id: int | None
    stage_name: str | None  # in the board's language
    statuses: tuple[RefItem, ...]
    categories: tuple[RefItem, ...]
    severities: tuple[RefItem, ...]
    # Parents before children, siblings in board order.
    rows: tuple[UnitRow, ...]
    # False when loaded with figures=False: the figures are still to come.
    figures_loaded: bool = True

    def by_id(self) -> dict[int, UnitRow]:
        return {r.id: r for r in self.rows}


def _refs(
    session: Session, model: type[UnitStatus | TpsCategory | Severity], op: int, lang: str
) -> tuple[RefItem, ...]:
    stmt = (
        select(model.id, model.code, model.name, model.name_en, model.colour)
        .where(model.operation_id == op)
        .order_by(model.ordinal, model.id)
    )
    return tuple(
        RefItem(int(i), str(c), label(str(n), e, lang), e, str(col))
        for i, c, n, e, col in session.execute(stmt)
    )


def references(
    session: Session, operation_id: int, *, lang: str = "id"
) -> tuple[tuple[RefItem, ...], tuple[RefItem, ...], tuple[RefItem, ...]]:
    """The reference lists a board shows: unit statuses, TPS categories, severities."""
    return (
        _refs(session, UnitStatus, operation_id, lang),
        _refs(session, TpsCategory, operation_id, lang),
        _refs(session, Severity, operation_id, lang),
    )


def _select_units() -> Select[Any]:  # 15 columns: wider than the typed overloads
    stmt: Select[Any] = select(  # type: ignore[assignment]
        Unit.id,
        Unit.parent_id,
        Unit.tree,
        Unit.kind,
        Unit.agency,
        Unit.code,
        Unit.name,
        Unit.status_id,
        UnitStatus.name,
        UnitStatus.colour,
        UnitStatus.name_en,
        Unit.status_changed_at,
        Unit.status_changed_by,
        Unit.status_reason,
        Unit.version,
    ).outerjoin(UnitStatus, UnitStatus.id == Unit.status_id)
    return stmt


# Built once: a live update re-reads a few units many times a minute, and SQLAlchemy's
# statement cache then finds the statement without working out its key again.
_UNITS_BY_ID = _select_units().where(Unit.id.in_(bindparam("ids", expanding=True)))
_UNITS_BY_ID_IN_OPERATION = _UNITS_BY_ID.where(Unit.operation_id == bindparam("op"))


def _row(r: Any, figures: Figures, lang: str) -> UnitRow:
    return UnitRow(
        id=int(r[0]),
        parent_id=None if r[1] is None else int(r[1]),
        tree=str(r[2]),
        kind=str(r[3]),
        agency=str(r[4]),
        code=str(r[5]),
        name=str(r[6]),
        status_id=None if r[7] is None else int(r[7]),
        status_name=None if r[8] is None else label(str(r[8]), r[10], lang),
        status_colour=None if r[9] is None else str(r[9]),
        status_changed_at=r[11] if isinstance(r[11], datetime) else None,
        status_changed_by=None if r[12] is None else str(r[12]),
        status_reason=None if r[13] is None else str(r[13]),
        version=int(r[14]),
        figures=figures,
    )


def board_order(rows: Iterable[UnitRow]) -> tuple[UnitRow, ...]:
    """Parents before children; siblings by tree, echelon, then name."""
    by_id = {r.id: r for r in rows}
    children: dict[int | None, list[UnitRow]] = defaultdict(list)
    for r in by_id.values():
        children[r.parent_id if r.parent_id in by_id else None].append(r)

    def key(r: UnitRow) -> tuple[int, int, str, int]:
        return (_TREE_ORDER.get(r.tree, 9), _KIND_ORDER.get(r.kind, 9), r.name.casefold(), r.id)

    out: list[UnitRow] = []
    stack = sorted(children[None], key=key, reverse=True)
    while stack:
        r = stack.pop()
        out.append(r)
        stack.extend(sorted(children.get(r.id, ()), key=key, reverse=True))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class FigureSource:
    """What a board's figures were computed from: ``refresh_figures`` recomputes only the
    part a change set moved (plain data, handed between threads like the figures)."""

    strength: StrengthInputs
    # unit -> open incidents per severity (in ``severity_ids`` order), rolled up
    incidents: Mapping[int, tuple[int, ...]]
    severity_ids: tuple[int, ...]
    figures: Mapping[int, Figures]


# Entities that move the open-incident counts; a unit moved changes the roll-up too.
_INCIDENT_ENTITIES = frozenset({"incident", "incident_unit", "unit"})


def load_figures(
    session: Session,
    operation_id: int,
    stage: Stage | None,
    categories: Sequence[RefItem],
    severities: Sequence[RefItem],
) -> dict[int, Figures]:
    """Rolled-up figures of every unit of the operation (grouped queries only)."""
    figures, _source = refresh_figures(session, operation_id, stage, categories, severities)
    return figures


def refresh_figures(
    session: Session,
    operation_id: int,
    stage: Stage | None,
    categories: Sequence[RefItem],
    severities: Sequence[RefItem],
    *,
    previous: FigureSource | None = None,
    changed: Collection[str] = (),
) -> tuple[dict[int, Figures], FigureSource]:
    """``load_figures``, and what they were computed from. With ``previous`` (computed for the
    same operation and stage) and ``changed`` (the entities changed since), only what those
    entities move is read again: personnel transfers re-count personnel, a new incident
    re-counts open incidents (``strength_inputs.load_inputs``)."""
    sev_ids = tuple(s.id for s in severities)
    if previous is not None and previous.severity_ids != sev_ids:
        previous = None
    incidents: Mapping[int, tuple[int, ...]]
    with scan_cache(session):
        inputs = load_inputs(
            session,
            operation_id,
            stage,
            reuse=previous.strength if previous is not None else None,
            changed=[e for e in changed if e not in _INCIDENT_ENTITIES or e == "unit"],
        )
        if previous is None or _INCIDENT_ENTITIES & set(changed):
            incidents = _open_incidents(session, operation_id, inputs, sev_ids)
        else:
            incidents = previous.incidents
    zero = (0,) * len(sev_ids)
    if previous is not None and inputs is previous.strength:  # the strength did not move
        out = {
            uid: f
            if f.incidents == incidents.get(uid, zero)
            else replace(f, incidents=incidents.get(uid, zero))
            for uid, f in previous.figures.items()
        }
        return out, FigureSource(inputs, incidents, sev_ids, out)
    report = compute(inputs)
    codes = [c.code for c in categories]
    out = {}
    for i, uid in enumerate(inputs.units):
        if not i & 1023:
            step_aside()
        st = report.by_unit.get(uid)
        counts = incidents.get(uid, zero)
        if st is None:
            out[uid] = Figures(tps=(0,) * len(codes), incidents=counts)
            continue
        tps = st.tps
        out[uid] = Figures(
            police_required=st.police_required,
            police_available=st.police_available,
            bko_in=st.bko_in,
            bko_out=st.bko_out,
            tps=tuple([tps.get(c, 0) for c in codes]),
            incidents=counts,
            unrated=st.unrated,
        )
    return out, FigureSource(inputs, incidents, sev_ids, out)


def _open_incidents(
    session: Session, operation_id: int, inputs: StrengthInputs, severity_ids: Sequence[int]
) -> dict[int, tuple[int, ...]]:
    """Open incidents per unit and severity, per subtree, each incident once per subtree.

    An open incident no unit handles yet counts at the unit whose area holds its region (a
    Polsek for a desa of its kecamatan, a Polres for its kab/kota) and so on up the tree: the
    walk logged one in "Kota Jambi" with no unit, and Polresta Jambi's row showed nothing
    while the Polda's counted it. Without a region, or in no unit's area, it counts at the
    top of the tree (the Polda answers for it until a unit is named), so the top row agrees
    with the open incidents of the summary strip."""
    parents = {uid: u.parent_id for uid, u in inputs.units.items()}
    closed = select(IncidentStatus.id).where(IncidentStatus.is_closed.is_(True))
    stmt = (
        select(IncidentUnit.unit_id, Incident.id, Incident.severity_id)
        .join(Incident, Incident.id == IncidentUnit.incident_id)
        .where(Incident.operation_id == operation_id, Incident.status_id.not_in(closed))
    )
    seen: dict[int, set[int]] = defaultdict(set)
    severity_of: dict[int, int] = {}

    def count_up(unit_id: int | None, incident_id: int) -> None:
        uid, hops = unit_id, 0
        while uid is not None and uid in parents and hops < 64:  # 64: a guard against cycles
            if incident_id in seen[uid]:
                break  # this subtree already has it, and so have its ancestors
            seen[uid].add(incident_id)
            uid = parents[uid]
            hops += 1

    for i, (unit_id, incident_id, severity_id) in enumerate(session.execute(stmt)):
        if not i & 2047:
            step_aside()
        severity_of[int(incident_id)] = int(severity_id)
        count_up(int(unit_id), int(incident_id))
    top = _top_unit(inputs)
    handled = select(IncidentUnit.incident_id).where(IncidentUnit.incident_id == Incident.id)
    unhandled = session.execute(
        select(Incident.id, Incident.severity_id, Incident.region_id).where(
            Incident.operation_id == operation_id,
            Incident.status_id.not_in(closed),
            ~handled.exists(),
        )
    ).all()
    if unhandled:
        regions = {int(r) for _i, _s, r in unhandled if r is not None}
        owner = _area_units(session, operation_id, regions, parents)
        for incident_id, severity_id, region_id in unhandled:
            severity_of[int(incident_id)] = int(severity_id)
            unit = owner.get(int(region_id)) if region_id is not None else None
            count_up(unit if unit is not None else top, int(incident_id))
    sev_pos = {sid: i for i, sid in enumerate(severity_ids)}
    out: dict[int, tuple[int, ...]] = {}
    for uid, found in seen.items():
        counts = [0] * len(severity_ids)
        for inc in found:
            pos = sev_pos.get(severity_of[inc])
            if pos is not None:
                counts[pos] += 1
        out[uid] = tuple(counts)
    return out


def _area_units(
    session: Session,
    operation_id: int,
    regions: set[int],
    parents: Mapping[int, int | None],
) -> dict[int, int]:
    """Region id -> the unit whose area holds it: an area of the region itself, else of its
    nearest ancestor; of two units on one area, the one under the other (the Polsek before
    its Polres). Read only for the few regions of incidents nobody handles."""
    covers: dict[int, int] = {}
    for unit_id, region_id in session.execute(
        select(UnitArea.unit_id, UnitArea.region_id).where(UnitArea.operation_id == operation_id)
    ):
        uid, rid = int(unit_id), int(region_id)
        held = covers.get(rid)
        if uid in parents and (held is None or climb(uid, parents, held.__eq__) is not None):
            covers[rid] = uid
    # The regions' ancestors, a level at a time (desa > kecamatan > kab/kota > provinsi).
    up: dict[int, int | None] = {}
    need = set(regions)
    while need:
        rows = session.execute(select(Region.id, Region.parent_id).where(Region.id.in_(need)))
        found = {int(r): (int(p) if p is not None else None) for r, p in rows}
        up.update(found)
        need = {p for p in found.values() if p is not None and p not in up}
    out: dict[int, int] = {}
    for region in regions:
        area = climb(region, up, covers.__contains__)
        if area is not None:
            out[region] = covers[area]
    return out


def _top_unit(inputs: StrengthInputs) -> int | None:
    """The unit at the top of the tree: the Polda, or the one root there is."""
    roots = sorted(uid for uid, u in inputs.units.items() if u.parent_id not in inputs.units)
    polda = [uid for uid in roots if inputs.units[uid].kind == "polda"]
    if polda:
        return polda[0]
    return roots[0] if len(roots) == 1 else None


def load_board(
    session: Session,
    operation_id: int,
    stage: Stage | None,
    *,
    figures: bool = True,
    lang: str = "id",
) -> Board:
    """The whole board of an operation for ``stage`` (BKO in force then), its names in
    ``lang``.

    ``figures=False`` reads the units only (milliseconds even at national scale) and leaves
    the figures empty, for a view that shows the units at once and fills the figures in
    from ``load_figures`` run in the background (seconds at national scale).
    """
    op = operation_id
    statuses, categories, severities = references(session, op, lang=lang)
    by_unit = load_figures(session, op, stage, categories, severities) if figures else {}
    stmt = _select_units().where(Unit.operation_id == op)
    rows = [_row(r, by_unit.get(int(r[0]), NO_FIGURES), lang) for r in session.execute(stmt)]
    timezone = _timezone(session, op)
    return Board(
        operation_id=op,
        timezone=timezone,
        stage_id=stage.id if stage else None,
        stage_name=label(stage.name, stage.name_en, lang) if stage else None,
        statuses=statuses,
        categories=categories,
        severities=severities,
        rows=board_order(rows),
        figures_loaded=figures,
    )


@dataclass(frozen=True, slots=True)
class UnitsOnMap:
    """The map's units layer: Polri's units as the board reads them (no figures), where each
    sits (``opscenter.units.unit_seats``) and the BKO in force for the stage."""

    rows: tuple[UnitRow, ...]  # board order
    statuses: tuple[RefItem, ...]
    seats: Mapping[int, int]  # unit id -> region id
    # (lender, receiver, people), summed per pair, as the strength counts them.
    bko: tuple[tuple[int, int, int], ...]


def units_on_map(
    session: Session, operation_id: int, stage_id: int | None, *, lang: str = "id"
) -> UnitsOnMap:
    """Polri's units of the operation for the map, with the BKO in force for the stage
    (every BKO row for None)."""
    stage = session.get(Stage, stage_id) if stage_id is not None else None
    board = load_board(session, operation_id, stage, figures=False, lang=lang)
    flows: dict[tuple[int, int], int] = defaultdict(int)
    for src, dst, count in bko_in_force(session, operation_id, stage):
        flows[src, dst] += count
    return UnitsOnMap(
        rows=tuple(r for r in board.rows if r.agency == "polri"),
        statuses=board.statuses,
        seats=unit_seats(session, operation_id),
        bko=tuple((src, dst, n) for (src, dst), n in sorted(flows.items())),
    )


def _timezone(session: Session, operation_id: int) -> str:
    from opscenter.model import Operation

    return str(session.get_one(Operation, operation_id).timezone)


def reload_units(
    session: Session,
    ids: Iterable[int],
    *,
    figures: Mapping[int, Figures] | None = None,
    operation_id: int | None = None,
    lang: str = "id",
) -> list[UnitRow]:
    """The named units' current rows (those that still exist), in id order.

    Only the unit's own fields are read; ``figures`` supplies the figures to carry over
    (a status change moves no personnel), else they are empty. With ``operation_id``, units
    of other operations in the same database are left out. Status names are in ``lang``
    (the board's language: a live update must not switch a row back to Indonesian).
    """
    wanted = sorted(set(ids))
    found: list[UnitRow] = []
    stmt = _UNITS_BY_ID if operation_id is None else _UNITS_BY_ID_IN_OPERATION
    for start in range(0, len(wanted), CHUNK):
        part = wanted[start : start + CHUNK]
        for r in session.execute(stmt, {"ids": part, "op": operation_id}):
            uid = int(r[0])
            found.append(_row(r, (figures or {}).get(uid, NO_FIGURES), lang))
    found.sort(key=lambda r: r.id)
    return found


def with_figures(row: UnitRow, figures: Figures) -> UnitRow:
    return replace(row, figures=figures)


def board_stage(session: Session, operation_id: int, now: datetime) -> Stage | None:
    """The stage the board shows at ``now``: the current one, else voting day (as overview)."""
    from opscenter.model import Operation

    op = session.get_one(Operation, operation_id)
    stages = operations.stages(session, operation_id)
    current = operations.current_stage(stages, operations.local_today(op, now))
    return current or next((s for s in stages if s.is_voting), None)


def load_board_now(
    session: Session, now: datetime, operation_code: str | None = None, *, lang: str = "id"
) -> Board:
    """The board of the operation (the only one when no code) at ``now``, names in ``lang``."""
    op = operations.get_operation(session, operation_code)
    return load_board(session, op.id, board_stage(session, op.id, now), lang=lang)
