"""Budget (anggaran) figures of every unit: the need the operation's daily index gives for
each stage's personnel, the ceilings (pagu) per source and the money paid out (realisation),
rolled up the unit tree; and the allocations, payments and index rows as plain data.

Money is whole rupiah, an ``int`` everywhere, never a float.

The need of a unit is, over the stages that have index rows and over their components::

    personnel(unit, stage) x days x daily_rupiah

where personnel(unit, stage) is the police available to the unit for that stage as the
strength computation counts them (``opscenter.strength``: own people plus BKO received
minus BKO lent, rolled up the tree), so the budget and the board never count people two
ways. Pagu and realisation are rolled up the same tree: a Polda's figures include every
Polres and Polsek below it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from opscenter import cells, operations
from opscenter.editing import row_in_operation
from opscenter.model import (
    BUDGET_SOURCES,
    BudgetAllocation,
    BudgetComponent,
    BudgetIndex,
    BudgetRealisation,
    Unit,
)
from opscenter.reference import items, label
from opscenter.strength import StrengthInputs, UnitNode, compute
from opscenter.strength_inputs import inputs_for_stage, load_inputs

# The units a budget is shown for: the Polda, its Polres/Polresta and Polsek, task forces
# and the Polda's reserves (police units only).
BUDGET_KINDS = ("polda", "polres", "polresta", "polsek", "satgas", "subsatgas", "brimob")


# --- plain data ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BudgetFigures:
    """One unit's budget, rolled up its tree (a Polda includes everything below it)."""

    unit_id: int
    need: int
    pagu: int
    realised: int
    # source -> (pagu, realised); every source of ``BUDGET_SOURCES`` is present.
    by_source: Mapping[str, tuple[int, int]]

    @property
    def paid_share(self) -> float | None:
        """Share of the need (the entitlements) paid; None when there is no need."""
        return self.realised / self.need if self.need else None

    @property
    def pagu_share(self) -> float | None:
        """Share of the need the pagu covers; None when there is no need."""
        return self.pagu / self.need if self.need else None


@dataclass(frozen=True, slots=True)
class NeedLine:
    """One stage x component line of a unit's need: personnel x days x daily_rupiah."""

    stage_id: int
    stage_name: str
    component_id: int
    component_name: str
    personnel: int
    days: int
    daily_rupiah: int
    amount: int


@dataclass(frozen=True, slots=True)
class Allocation:
    id: int
    version: int
    unit_id: int
    source: str
    reference: str | None
    signed_on: date | None
    pagu: int
    note: str | None
    realised: int  # paid from it so far

    @property
    def left(self) -> int:
        return self.pagu - self.realised


@dataclass(frozen=True, slots=True)
class Realisation:
    id: int
    version: int
    allocation_id: int
    paid_on: date
    amount: int
    description: str
    component_id: int | None
    stage_id: int | None


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """Rupiah per person per day of a component in a stage, and the days paid."""

    id: int
    version: int
    component_id: int
    stage_id: int
    days: int
    daily_rupiah: int


# --- reading ---------------------------------------------------------------------------------


def _units(session: Session, operation_id: int) -> dict[int, tuple[int | None, str, str]]:
    """Unit id -> (parent id, kind, agency)."""
    rows = session.execute(
        select(Unit.id, Unit.parent_id, Unit.kind, Unit.agency).where(
            Unit.operation_id == operation_id
        )
    )
    return {int(i): (p, str(k), str(a)) for i, p, k, a in rows}


def _children_first(parents: Mapping[int, int | None]) -> list[int]:
    """Unit ids ordered so that every unit comes after all units below it."""
    children: dict[int | None, list[int]] = defaultdict(list)
    for uid, parent in parents.items():
        children[parent if parent in parents else None].append(uid)
    order: list[int] = []
    stack = list(children[None])
    while stack:
        uid = stack.pop()
        order.append(uid)
        stack.extend(children.get(uid, ()))
    return order[::-1]


def _index(session: Session, operation_id: int) -> list[BudgetIndex]:
    return list(
        session.scalars(select(BudgetIndex).where(BudgetIndex.operation_id == operation_id))
    )


def personnel_by_stage(
    session: Session,
    operation_id: int,
    stage_ids: Collection[int],
    *,
    base: StrengthInputs | None = None,
) -> dict[int, dict[int, int]]:
    """Stage id -> unit id -> police available to the unit for that stage, rolled up its
    tree, as ``strength_inputs.required_strength`` counts them. What does not depend on the stage
    (units, TPS, personnel) is read once, or taken from ``base`` (inputs the caller read for
    any stage of the operation); only the BKO in force is read per stage."""
    if not stage_ids:
        return {}
    stages = [s for s in operations.stages(session, operation_id) if s.id in stage_ids]
    if base is None or base.operation_id != operation_id:
        base = load_inputs(session, operation_id)
    out: dict[int, dict[int, int]] = {}
    for stage in stages:
        inputs = inputs_for_stage(session, base, stage)
        out[stage.id] = {
            uid: max(0, s.police_available) for uid, s in compute(inputs).by_unit.items()
        }
    return out


def _realised(session: Session, operation_id: int) -> dict[int, int]:
    """Allocation id -> paid from it (PostgreSQL sums BIGINT as NUMERIC: back to int)."""
    rows = session.execute(
        select(BudgetRealisation.allocation_id, func.sum(BudgetRealisation.amount))
        .where(BudgetRealisation.operation_id == operation_id)
        .group_by(BudgetRealisation.allocation_id)
    )
    return {int(a): int(n or 0) for a, n in rows}


def budget_by_unit(
    session: Session,
    operation_id: int,
    *,
    personnel: Mapping[int, Mapping[int, int]] | None = None,
    tree: Mapping[int, UnitNode] | None = None,
    moneyless: bool = True,
) -> dict[int, BudgetFigures]:
    """Need, pagu and realisation of every police unit of ``BUDGET_KINDS``, rolled up;
    with ``moneyless`` False, only of those with a need, a pagu or a payment (the readiness
    matrix's: most of the 4,400 Polsek of a national operation have none).

    ``personnel`` is ``personnel_by_stage``'s answer when the caller already has it (the
    strength of a national operation takes seconds to read); by default it is read here.
    ``tree`` is the operation's units as the caller read them (``StrengthInputs.units``),
    so the readiness matrix reads them once; by default they are read here.
    """
    units = (
        _units(session, operation_id)
        if tree is None
        else {uid: (u.parent_id, u.kind, u.agency) for uid, u in tree.items()}
    )
    per_person: dict[int, int] = defaultdict(int)  # stage id -> rupiah per person
    for e in _index(session, operation_id):
        per_person[e.stage_id] += e.days * e.daily_rupiah
    people = (
        personnel
        if personnel is not None
        else personnel_by_stage(session, operation_id, per_person)
    )
    realised = _realised(session, operation_id)
    # unit id -> source -> [pagu, realised], the unit's own, then rolled up.
    money: dict[int, dict[str, list[int]]] = {uid: {} for uid in units}
    rows = session.execute(
        select(
            BudgetAllocation.id,
            BudgetAllocation.unit_id,
            BudgetAllocation.source,
            BudgetAllocation.pagu,
        ).where(BudgetAllocation.operation_id == operation_id)
    )
    for aid, uid, source, pagu in rows:
        cell = money[int(uid)].setdefault(str(source), [0, 0])
        cell[0] += int(pagu)
        cell[1] += realised.get(int(aid), 0)
    for uid in _children_first({u: p for u, (p, _, _) in units.items()}):
        parent = units[uid][0]
        if parent is None or parent not in units:
            continue
        for source, (pagu, paid) in money[uid].items():
            cell = money[parent].setdefault(source, [0, 0])
            cell[0] += pagu
            cell[1] += paid
    out: dict[int, BudgetFigures] = {}
    # (people per unit, rupiah per person) of each stage with an index: a national
    # operation has 5,000 units, most with no money of their own.
    rates = [(people[sid], rp) for sid, rp in per_person.items()]
    for uid, (_, kind, agency) in units.items():
        if kind not in BUDGET_KINDS or agency != "polri":
            continue
        need = sum(n.get(uid, 0) * rp for n, rp in rates) if rates else 0
        mine = money[uid]
        if not moneyless and not need and not mine:  # no allocation anywhere below
            continue
        by_source = {s: (mine[s][0], mine[s][1]) if s in mine else (0, 0) for s in BUDGET_SOURCES}
        pagu = sum(p for p, _ in by_source.values())
        paid = sum(r for _, r in by_source.values())
        if moneyless or need or pagu or paid:
            out[uid] = BudgetFigures(uid, need, pagu, paid, by_source)
    return out


def need_lines(
    session: Session,
    operation_id: int,
    unit_id: int,
    lang: str = "id",
    *,
    personnel: Mapping[int, Mapping[int, int]] | None = None,
) -> tuple[NeedLine, ...]:
    """A unit's need per stage and component, in stage then component order: the lines
    that add up to ``budget_by_unit(...)[unit_id].need`` (``personnel`` as there)."""
    row_in_operation(session, Unit, unit_id, operation_id)
    entries = _index(session, operation_id)
    people = (
        personnel
        if personnel is not None
        else personnel_by_stage(session, operation_id, {e.stage_id for e in entries})
    )
    stages = {s.id: s for s in operations.stages(session, operation_id)}
    components = {c.id: c for c in items(session, BudgetComponent, operation_id)}
    entries.sort(
        key=lambda e: (stages[e.stage_id].ordinal, components[e.component_id].ordinal, e.id)
    )
    lines = []
    for e in entries:
        stage, comp = stages[e.stage_id], components[e.component_id]
        n = people[e.stage_id].get(unit_id, 0)
        lines.append(
            NeedLine(
                stage_id=stage.id,
                stage_name=label(stage.name, stage.name_en, lang),
                component_id=comp.id,
                component_name=label(comp.name, comp.name_en, lang),
                personnel=n,
                days=e.days,
                daily_rupiah=e.daily_rupiah,
                amount=n * e.days * e.daily_rupiah,
            )
        )
    return tuple(lines)


def allocations(
    session: Session, operation_id: int, unit_id: int | None = None
) -> tuple[Allocation, ...]:
    """The operation's allocations (a unit's own only, when asked), by unit, source, id."""
    stmt = select(BudgetAllocation).where(BudgetAllocation.operation_id == operation_id)
    if unit_id is not None:
        stmt = stmt.where(BudgetAllocation.unit_id == unit_id)
    realised = _realised(session, operation_id)
    rows = session.scalars(
        stmt.order_by(BudgetAllocation.unit_id, BudgetAllocation.source, BudgetAllocation.id)
    )
    return tuple(
        Allocation(
            a.id,
            a.version,
            a.unit_id,
            a.source,
            a.reference,
            a.signed_on,
            a.pagu,
            a.note,
            realised.get(a.id, 0),
        )
        for a in rows
    )


def realisations(
    session: Session, operation_id: int, allocation_id: int | None = None
) -> tuple[Realisation, ...]:
    """Money paid, newest payment first (of one allocation, when asked)."""
    stmt = select(BudgetRealisation).where(BudgetRealisation.operation_id == operation_id)
    if allocation_id is not None:
        stmt = stmt.where(BudgetRealisation.allocation_id == allocation_id)
    stmt = stmt.order_by(BudgetRealisation.paid_on.desc(), BudgetRealisation.id.desc())
    return tuple(cells.plain(Realisation, r) for r in session.scalars(stmt))


def index_entries(session: Session, operation_id: int) -> tuple[IndexEntry, ...]:
    """The operation's daily index, by stage then component."""
    rows = session.scalars(
        select(BudgetIndex)
        .where(BudgetIndex.operation_id == operation_id)
        .order_by(BudgetIndex.stage_id, BudgetIndex.component_id)
    )
    return tuple(cells.plain(IndexEntry, e) for e in rows)
