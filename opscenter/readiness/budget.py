"""Budget (anggaran) of every unit: ceilings (pagu) per source, the operation's daily index,
the money paid out (realisation), and the need the index gives for each stage's personnel.

Money is whole rupiah, an ``int`` everywhere, never a float: an amount given as a float or
as text ("1.5e9") is refused, not rounded.

The need of a unit is, over the stages that have index rows and over their components::

    personnel(unit, stage) x days x daily_rupiah

where personnel(unit, stage) is the police available to the unit for that stage as the
strength computation counts them (``opscenter.strength``: own people plus BKO received
minus BKO lent, rolled up the tree), so the budget and the board never count people two
ways. Pagu and realisation are rolled up the same tree: a Polda's figures include every
Polres and Polsek below it.

Every write needs "readiness.edit", is journaled, and refuses a stale edit
(``expected_version`` is the version the user's screen showed; None skips the check).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from opscenter import operations
from opscenter.actor import Actor
from opscenter.editing import apply, fetch_for_edit, row_in_operation
from opscenter.errors import InvalidValue, NotFound
from opscenter.model import (
    BUDGET_SOURCES,
    BudgetAllocation,
    BudgetComponent,
    BudgetIndex,
    BudgetRealisation,
    Stage,
    Unit,
)
from opscenter.permissions import require
from opscenter.reference import items, label
from opscenter.store import Store
from opscenter.strength import StrengthInputs, UnitNode, compute, inputs_for_stage, load_inputs

PERMISSION = "readiness.edit"
# The units a budget is shown for: the Polda, its Polres/Polresta and Polsek, task forces
# and the Polda's reserves (police units only).
BUDGET_KINDS = ("polda", "polres", "polresta", "polsek", "satgas", "subsatgas", "brimob")
# Beyond any police budget (the whole 2024 Pilkada cost about Rp37 trillion = 3.7e13), and
# far inside a BigInteger: a typo of extra zeros is refused, not stored.
MAX_RUPIAH = 10**15
# Paid days of one stage: a stage lasts at most months.
MAX_DAYS = 366
# A source in a sentence, (Indonesian, English).
SOURCE_NAMES: Mapping[str, tuple[str, str]] = {
    "dipa": ("DIPA", "DIPA"),
    "hibah": ("hibah daerah", "regional grant"),
    "lain": ("sumber lain", "other source"),
}


def rupiah_text(amount: int, lang: str = "id") -> str:
    """Rp25.000.000.000 (Indonesian) or Rp25,000,000,000 (English)."""
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp{abs(amount):,}".replace(",", "," if lang == "en" else ".")


class Rupiah(int):
    """An amount in an error's data: a sentence writes ``{pagu:id}`` as Rp1.500.000 and
    ``{pagu:en}`` as Rp1,500,000; any other format is the plain number's."""

    __slots__ = ()

    def __format__(self, spec: str) -> str:
        if spec in ("id", "en"):
            return rupiah_text(int(self), spec)
        return int(self).__format__(spec)


class OverPagu(InvalidValue):
    """A realisation would take an allocation past its pagu. data: field, value, reason,
    allocation and allocation_en (its name), pagu, realised, left, amount (``Rupiah``)."""

    code = "budget.over_pagu"


class PaguBelowRealised(InvalidValue):
    """A pagu lowered below what was already paid from it. data: field, value, reason,
    allocation, allocation_en, pagu, realised (``Rupiah``)."""

    code = "budget.pagu_below_realised"


class AllocationInUse(InvalidValue):
    """An allocation with realisations cannot be removed: money paid does not vanish as a
    side effect. data: field, value, reason, allocation, allocation_en, count."""

    code = "budget.allocation_in_use"


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


# --- what a writer gives ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AllocationValue:
    unit_id: int
    source: str  # dipa | hibah | lain
    pagu: int  # whole rupiah, >= 0
    reference: str | None = None  # "NPHD 900/123/BPKAD/2024", the DIPA's number
    signed_on: date | None = None  # the NPHD's signing date: required for a hibah
    note: str | None = None


@dataclass(frozen=True, slots=True)
class RealisationValue:
    allocation_id: int
    paid_on: date
    amount: int  # whole rupiah, > 0
    description: str
    component_id: int | None = None
    stage_id: int | None = None


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
    tree, as ``strength.required_strength`` counts them. What does not depend on the stage
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


def _as_realisation(r: BudgetRealisation) -> Realisation:
    return Realisation(
        r.id,
        r.version,
        r.allocation_id,
        r.paid_on,
        r.amount,
        r.description,
        r.component_id,
        r.stage_id,
    )


def realisations(
    session: Session, operation_id: int, allocation_id: int | None = None
) -> tuple[Realisation, ...]:
    """Money paid, newest payment first (of one allocation, when asked)."""
    stmt = select(BudgetRealisation).where(BudgetRealisation.operation_id == operation_id)
    if allocation_id is not None:
        stmt = stmt.where(BudgetRealisation.allocation_id == allocation_id)
    stmt = stmt.order_by(BudgetRealisation.paid_on.desc(), BudgetRealisation.id.desc())
    return tuple(_as_realisation(r) for r in session.scalars(stmt))


def index_entries(session: Session, operation_id: int) -> tuple[IndexEntry, ...]:
    """The operation's daily index, by stage then component."""
    rows = session.scalars(
        select(BudgetIndex)
        .where(BudgetIndex.operation_id == operation_id)
        .order_by(BudgetIndex.stage_id, BudgetIndex.component_id)
    )
    return tuple(
        IndexEntry(e.id, e.version, e.component_id, e.stage_id, e.days, e.daily_rupiah)
        for e in rows
    )


# --- checking what a writer gives ------------------------------------------------------------


def whole_value(field: str, value: object, *, least: int, most: int) -> int:
    """A whole number in [least, most]; a float, a bool or text is refused, not converted."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidValue(field=field, value=value, reason="not_whole_number")
    if value < least:
        raise InvalidValue(field=field, value=value, reason="not_positive" if least else "negative")
    if value > most:
        raise InvalidValue(field=field, value=value, reason="too_large")
    return value


def _rupiah(field: str, value: object, *, positive: bool) -> int:
    return whole_value(field, value, least=1 if positive else 0, most=MAX_RUPIAH)


def text_value(
    field: str, value: str | None, *, required: bool = False, limit: int | None = None
) -> str | None:
    """Text without its outer blanks; blank is None, or refused when ``required``; longer
    than ``limit`` (the column's length) is refused."""
    text = (value or "").strip() or None
    if text is None and required:
        raise InvalidValue(field=field, value="", reason="required")
    if text is not None and limit is not None and len(text) > limit:
        raise InvalidValue(field=field, value=text, reason="too_long")
    return text


def date_value(field: str, value: object, *, required: bool) -> date | None:
    """A calendar date (not a datetime: these dates are the operation's local days)."""
    if value is None and not required:
        return None
    if not isinstance(value, date) or isinstance(value, datetime):
        reason = "required" if value is None else "not_date"
        raise InvalidValue(field=field, value=value, reason=reason)
    return value


def _allocation_fields(
    session: Session, operation_id: int, v: AllocationValue
) -> dict[str, object]:
    unit = row_in_operation(session, Unit, v.unit_id, operation_id)
    if unit.agency != "polri":
        raise InvalidValue(field="budget_unit", value=unit.name, reason="not_police")
    if v.source not in BUDGET_SOURCES:
        raise InvalidValue(field="budget_source", value=v.source, reason="unknown")
    pagu = _rupiah("pagu", v.pagu, positive=False)
    signed_on = date_value("signed_on", v.signed_on, required=v.source == "hibah")
    return {
        "unit_id": v.unit_id,
        "source": v.source,
        "pagu": pagu,
        "reference": text_value("budget_reference", v.reference, limit=120),
        "signed_on": signed_on,
        "note": text_value("note", v.note),
    }


def _names(session: Session, a: BudgetAllocation) -> dict[str, str]:
    """The allocation as a sentence names it: "DIPA Polres A (DIPA 123)", both languages."""
    unit = session.get_one(Unit, a.unit_id)
    ref = f" ({a.reference})" if a.reference else ""
    id_, en = SOURCE_NAMES.get(a.source, (a.source, a.source))
    return {"allocation": f"{id_} {unit.name}{ref}", "allocation_en": f"{en} {unit.name}{ref}"}


def _paid_from(session: Session, allocation_id: int, *, besides: int | None = None) -> int:
    stmt = select(func.coalesce(func.sum(BudgetRealisation.amount), 0)).where(
        BudgetRealisation.allocation_id == allocation_id
    )
    if besides is not None:
        stmt = stmt.where(BudgetRealisation.id != besides)
    return int(session.execute(stmt).scalar_one())


def _locked_allocation(session: Session, allocation_id: int) -> BudgetAllocation | None:
    """The allocation, locked until the transaction ends (PostgreSQL: SELECT ... FOR
    UPDATE), so that two workstations paying from it at once cannot both pass the pagu
    check. SQLite writes one transaction at a time anyway."""
    return session.get(BudgetAllocation, allocation_id, with_for_update=True)


def _realisation_fields(
    session: Session, operation_id: int, v: RealisationValue, *, besides: int | None = None
) -> dict[str, object]:
    alloc = _locked_allocation(session, v.allocation_id)
    if alloc is None or alloc.operation_id != operation_id:
        raise NotFound(entity="budget_allocation", key=v.allocation_id)
    paid_on = date_value("paid_on", v.paid_on, required=True)
    amount = _rupiah("amount", v.amount, positive=True)
    description = text_value("description", v.description, required=True)
    if v.component_id is not None:
        row_in_operation(session, BudgetComponent, v.component_id, operation_id)
    if v.stage_id is not None:
        row_in_operation(session, Stage, v.stage_id, operation_id)
    realised = _paid_from(session, alloc.id, besides=besides)
    left = alloc.pagu - realised
    if amount > left:
        raise OverPagu(
            field="amount",
            value=amount,
            reason="over_pagu",
            amount=Rupiah(amount),
            pagu=Rupiah(alloc.pagu),
            realised=Rupiah(realised),
            left=Rupiah(max(0, left)),
            **_names(session, alloc),
        )
    return {
        "allocation_id": alloc.id,
        "paid_on": paid_on,
        "amount": amount,
        "description": description,
        "component_id": v.component_id,
        "stage_id": v.stage_id,
    }


# --- writing ---------------------------------------------------------------------------------

_ALLOCATION_FIELDS = frozenset({"unit_id", "source", "pagu", "reference", "signed_on", "note"})
_REALISATION_FIELDS = frozenset(
    {"allocation_id", "paid_on", "amount", "description", "component_id", "stage_id"}
)


def add_allocation(store: Store, actor: Actor, operation_id: int, value: AllocationValue) -> int:
    """A new pagu from one source for one unit (journaled as "budget.allocation_add");
    returns its id."""
    require(actor, PERMISSION)
    with store.transaction(actor, "budget.allocation_add", operation_id=operation_id) as s:
        fields = _allocation_fields(s, operation_id, value)
        row = BudgetAllocation(operation_id=operation_id, **fields)
        s.add(row)
        s.flush()
        return row.id


def change_allocation(
    store: Store,
    actor: Actor,
    allocation_id: int,
    value: AllocationValue,
    *,
    expected_version: int | None,
) -> int:
    """Change an allocation ("budget.allocation_change"); a pagu below what was already
    paid from it is refused. Returns the row's new version."""
    require(actor, PERMISSION)
    with store.transaction(actor, "budget.allocation_change") as s:
        _locked_allocation(s, allocation_id)
        row = fetch_for_edit(s, BudgetAllocation, allocation_id, expected_version)
        fields = _allocation_fields(s, row.operation_id, value)
        pagu, realised = fields["pagu"], _paid_from(s, row.id)
        assert isinstance(pagu, int)
        if pagu < realised:
            raise PaguBelowRealised(
                field="pagu",
                value=pagu,
                reason="below_realised",
                pagu=Rupiah(pagu),
                realised=Rupiah(realised),
                **_names(s, row),
            )
        apply(row, fields, _ALLOCATION_FIELDS)
        s.flush()
        return row.version


def remove_allocation(
    store: Store, actor: Actor, allocation_id: int, *, expected_version: int | None
) -> None:
    """Remove an allocation with nothing paid from it ("budget.allocation_remove")."""
    require(actor, PERMISSION)
    with store.transaction(actor, "budget.allocation_remove") as s:
        _locked_allocation(s, allocation_id)
        row = fetch_for_edit(s, BudgetAllocation, allocation_id, expected_version)
        count = int(
            s.execute(
                select(func.count()).where(BudgetRealisation.allocation_id == row.id)
            ).scalar_one()
        )
        if count:
            raise AllocationInUse(
                field="allocation", value=row.id, reason="in_use", count=count, **_names(s, row)
            )
        s.delete(row)
        s.flush()


def set_index(
    store: Store,
    actor: Actor,
    operation_id: int,
    component_id: int,
    stage_id: int,
    *,
    days: int,
    daily_rupiah: int,
    expected_version: int | None = None,
) -> IndexEntry:
    """Set the daily index of one component in one stage ("budget.index_set"): rupiah
    per person per day, and the days paid. ``expected_version`` guards a row the screen
    showed; a row that does not exist yet is created."""
    require(actor, PERMISSION)
    with store.transaction(actor, "budget.index_set", operation_id=operation_id) as s:
        row_in_operation(s, BudgetComponent, component_id, operation_id)
        row_in_operation(s, Stage, stage_id, operation_id)
        fields = {
            "days": whole_value("days", days, least=0, most=MAX_DAYS),
            "daily_rupiah": _rupiah("daily_rupiah", daily_rupiah, positive=False),
        }
        found = s.scalar(
            select(BudgetIndex.id).where(
                BudgetIndex.component_id == component_id, BudgetIndex.stage_id == stage_id
            )
        )
        if found is None:
            row = BudgetIndex(
                operation_id=operation_id, component_id=component_id, stage_id=stage_id, **fields
            )
            s.add(row)
        else:
            row = fetch_for_edit(s, BudgetIndex, found, expected_version)
            apply(row, fields, frozenset(fields))
        s.flush()
        return IndexEntry(row.id, row.version, component_id, stage_id, row.days, row.daily_rupiah)


def clear_index(store: Store, actor: Actor, index_id: int, *, expected_version: int | None) -> None:
    """Remove one index row ("budget.index_clear"): that component is not paid in that stage."""
    require(actor, PERMISSION)
    with store.transaction(actor, "budget.index_clear") as s:
        s.delete(fetch_for_edit(s, BudgetIndex, index_id, expected_version))
        s.flush()


def add_realisation(store: Store, actor: Actor, operation_id: int, value: RealisationValue) -> int:
    """Record money paid from an allocation ("budget.realisation_add"); refused when it
    would take the allocation past its pagu. Returns the row's id."""
    require(actor, PERMISSION)
    with store.transaction(actor, "budget.realisation_add", operation_id=operation_id) as s:
        row = BudgetRealisation(
            operation_id=operation_id, **_realisation_fields(s, operation_id, value)
        )
        s.add(row)
        s.flush()
        return row.id


def change_realisation(
    store: Store,
    actor: Actor,
    realisation_id: int,
    value: RealisationValue,
    *,
    expected_version: int | None,
) -> int:
    """Change a payment ("budget.realisation_change"); returns the row's new version."""
    require(actor, PERMISSION)
    with store.transaction(actor, "budget.realisation_change") as s:
        row = fetch_for_edit(s, BudgetRealisation, realisation_id, expected_version)
        fields = _realisation_fields(s, row.operation_id, value, besides=row.id)
        apply(row, fields, _REALISATION_FIELDS)
        s.flush()
        return row.version


def remove_realisation(
    store: Store, actor: Actor, realisation_id: int, *, expected_version: int | None
) -> None:
    """Remove a payment entered by mistake ("budget.realisation_remove")."""
    require(actor, PERMISSION)
    with store.transaction(actor, "budget.realisation_remove") as s:
        s.delete(fetch_for_edit(s, BudgetRealisation, realisation_id, expected_version))
        s.flush()


def source_name(source: str, lang: str = "id") -> str:
    """A budget source as people say it (DIPA, hibah daerah, sumber lain)."""
    pair = SOURCE_NAMES.get(source, (source, source))
    return pair[1] if lang == "en" else pair[0]
