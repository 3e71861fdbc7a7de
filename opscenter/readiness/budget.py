"""Writing the budget (anggaran): allocations (a pagu from one source for one unit), the
operation's daily index, and the money paid out (realisation), each checked before it is
stored; ``opscenter.readiness.budget_figures`` reads them back as figures.

Money is whole rupiah, an ``int`` everywhere, never a float: an amount given as a float or
as text ("1.5e9") is refused, not rounded. A payment never takes an allocation past its pagu,
a pagu is never lowered below what was paid from it, and an allocation with payments is not
removed.

Every write needs "readiness.edit", is journaled, and refuses a stale edit
(``expected_version`` is the version the user's screen showed; None skips the check).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from opscenter import cells
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
from opscenter.readiness.budget_figures import IndexEntry
from opscenter.readiness.budget_text import SOURCE_NAMES, Rupiah
from opscenter.readiness.values import date_value, text_value, whole_value
from opscenter.store import Store

PERMISSION = "readiness.edit"
# Beyond any police budget (the whole 2024 Pilkada cost about Rp37 trillion = 3.7e13), and
# far inside a BigInteger: a typo of extra zeros is refused, not stored.
MAX_RUPIAH = 10**15
# Paid days of one stage: a stage lasts at most months.
MAX_DAYS = 366


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


# --- checking what a writer gives ------------------------------------------------------------


def _rupiah(field: str, value: object, *, positive: bool) -> int:
    return whole_value(field, value, least=1 if positive else 0, most=MAX_RUPIAH)


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
        return cells.plain(IndexEntry, row)


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
