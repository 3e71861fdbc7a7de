"""Reinforcement proposals made BKO assignments (accept), undone (withdraw), and the BKO
rows of a stage: the writing side of ``opscenter.planning.reinforcement``."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter import clock
from opscenter.actor import Actor
from opscenter.model import BkoAssignment, Operation
from opscenter.permissions import require
from opscenter.planning.errors import NoLongerShort, NothingToAccept, ProposalOutdated
from opscenter.planning.plan_inputs import StageRef
from opscenter.planning.reinforcement import Plan, Proposal, UnitPlan, plan_for
from opscenter.store import Store
from opscenter.strength_inputs import stage_window
from opscenter.units import BkoSpec, add_bko, remove_bko


def stage_period(stage: StageRef, timezone: str, now: datetime) -> tuple[datetime, datetime | None]:
    """A BKO for the stage runs over its days (local midnight to midnight), as UTC.

    A stage without dates (it waits for a court's ruling) starts now, open-ended.
    """
    window = stage_window(stage.starts_on, stage.ends_on, ZoneInfo(timezone))
    return window if window is not None else (now, None)


@dataclass(frozen=True, slots=True)
class Accepted:
    """The BKO rows an accept created: (id, version) each, for withdrawing them."""

    stage_id: int
    bko: tuple[tuple[int, int], ...]


def accept(
    store: Store,
    actor: Actor,
    operation_id: int,
    stage_id: int,
    proposals: Sequence[Proposal],
) -> Accepted:
    """Turn proposals into BKO assignments for the stage: one journaled transaction.

    Re-checks against the database inside the transaction: a source that can no longer
    lend the sum asked of it (``ProposalOutdated``), or a unit no longer in need of what it
    would receive (``NoLongerShort``: someone reinforced it meanwhile, or the proposals
    came from an unsaved what-if), refuses the whole accept. The need is ``UnitPlan.need``:
    the plotting's shortfall counts as the proposals did.
    """
    require(actor, "plan.accept")
    if not proposals:
        raise NothingToAccept()
    with store.transaction(
        actor,
        "plan.accept",
        operation_id=operation_id,
        details={
            "stage_id": stage_id,
            "proposals": [[p.to_unit_id, p.from_unit_id, p.count] for p in proposals],
        },
    ) as s:
        current = plan_for(s, operation_id, stage_id)
        by_id = {u.unit_id: u for u in current.units}
        lent = [(p.from_unit_id, p.count) for p in proposals]
        over = _first_over(lent, by_id, lambda u: u.lendable)
        if over is not None:
            raise ProposalOutdated(source=over[0], asked=over[1], lendable=over[2])
        # Nor more than the receiving unit needs (no reinforcement on paper only).
        received = [(p.to_unit_id, p.count) for p in proposals]
        over = _first_over(received, by_id, lambda u: u.need)
        if over is not None:
            raise NoLongerShort(unit=over[0], asked=over[1], deficit=over[2])
        start, end = stage_period(current.stage, _zone(s, operation_id), clock.now())
        rows = [
            add_bko(
                s,
                BkoSpec(
                    from_unit_id=p.from_unit_id,
                    to_unit_id=p.to_unit_id,
                    personnel_count=p.count,
                    starts_at=start,
                    ends_at=end,
                    stage_id=stage_id,
                    note=_indonesian(p, current).sentence("id"),
                ),
            )
            for p in proposals
        ]
        return Accepted(stage_id, tuple((r.id, r.version) for r in rows))


def _first_over(
    counts: Iterable[tuple[int, int]],
    by_id: Mapping[int, UnitPlan],
    limit: Callable[[UnitPlan], int],
) -> tuple[str, int, int] | None:
    """The first unit, by id, whose summed ``counts`` (unit id, count) pass its ``limit``
    (0 for a unit no longer in the plan): its name, the sum and the limit; else None."""
    total: dict[int, int] = defaultdict(int)
    for uid, n in counts:
        total[uid] += n
    for uid, n in sorted(total.items()):
        u = by_id.get(uid)
        most = limit(u) if u else 0
        if n > most:
            return (u.name if u else str(uid)), n, most
    return None


def _indonesian(p: Proposal, current: Plan) -> Proposal:
    """``p`` with the names it repeats taken from ``current`` (read in Indonesian): a proposal
    shown in English must not leave English level or stage names in a stored note."""
    to = next((u for u in current.units if u.unit_id == p.to_unit_id), None)
    return dataclasses.replace(
        p,
        stage_name=current.stage.name,
        vulnerability_name=to.vulnerability_name if to is not None else p.vulnerability_name,
    )


def _zone(session: Session, operation_id: int) -> str:
    return session.get_one(Operation, operation_id).timezone


def withdraw(store: Store, actor: Actor, accepted: Accepted) -> None:
    """Undo an accept: end (delete) its BKO rows in one journaled transaction."""
    require(actor, "plan.accept")
    if not accepted.bko:
        raise NothingToAccept()
    with store.transaction(
        actor, "plan.withdraw", details={"bko": [i for i, _ in accepted.bko]}
    ) as s:
        for bko_id, version in accepted.bko:
            remove_bko(s, bko_id, version)


def bko_for_stage(session: Session, operation_id: int, stage_id: int) -> list[BkoAssignment]:
    """BKO rows tagged to the stage (what accepting proposals created, among others)."""
    return list(
        session.scalars(
            select(BkoAssignment)
            .where(BkoAssignment.operation_id == operation_id, BkoAssignment.stage_id == stage_id)
            .order_by(BkoAssignment.id)
        )
    )
