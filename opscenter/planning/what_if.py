"""What-if on the reinforcement plan: other guard patterns per TPS category, other
categories for some TPS (``opscenter.planning.reinforcement``).

A what-if is tried in memory (``apply_what_if``: the plan recomputes at once) and nothing is
written until ``save_what_if`` keeps it, in one journaled transaction.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter.actor import Actor
from opscenter.editing import fetch_for_edit
from opscenter.errors import InvalidValue, NotFound
from opscenter.model import PollingStation, Region, TpsCategory
from opscenter.permissions import require
from opscenter.reference import GuardPattern, items
from opscenter.store import Store
from opscenter.strength import UNRATED, StrengthInputs


@dataclass(frozen=True, slots=True)
class TpsChange:
    """One TPS put into another category (what-if)."""

    tps_id: int
    unit_id: int | None
    kecamatan_id: int
    from_category_id: int
    to_category_id: int
    version: int


@dataclass(frozen=True, slots=True)
class WhatIf:
    """Changes to try without saving: patterns per category id, TPS category moves."""

    patterns: Mapping[int, GuardPattern] = field(default_factory=dict)
    tps: tuple[TpsChange, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.patterns and not self.tps


def tps_changes(
    session: Session, operation_id: int, changes: Mapping[int, int]
) -> tuple[TpsChange, ...]:
    """What-if moves of TPS (id -> new category id), checked against the database. A TPS
    not yet rated comes from (and, undone, goes back to) ``UNRATED``."""
    if not changes:
        return ()
    cats = _category_ids(session, operation_id)
    out: list[TpsChange] = []
    rows = {
        r.id: r
        for r in session.execute(
            select(
                PollingStation.id,
                PollingStation.unit_id,
                PollingStation.category_id,
                PollingStation.version,
                Region.parent_id,
            )
            .join(Region, Region.id == PollingStation.region_id)
            .where(PollingStation.operation_id == operation_id, PollingStation.id.in_(changes))
        )
    }
    for tps_id, cat_id in sorted(changes.items()):
        row = rows.get(tps_id)
        if row is None:
            raise NotFound(entity="polling_station", key=tps_id)
        if cat_id not in cats:
            raise NotFound(entity="tps_category", key=cat_id)
        out.append(
            TpsChange(
                tps_id,
                row.unit_id,
                int(row.parent_id),
                UNRATED if row.category_id is None else int(row.category_id),
                cat_id,
                int(row.version),
            )
        )
    return tuple(out)


def _category_ids(session: Session, operation_id: int) -> set[int]:
    """The categories a TPS may be moved to: the operation's, and ``UNRATED``."""
    return {c.id for c in items(session, TpsCategory, operation_id)} | {UNRATED}


def check_pattern(pattern: GuardPattern) -> GuardPattern:
    """Refuse a pattern no guard plan can follow (b must be at least 1)."""
    if pattern.police < 0:
        raise InvalidValue(field="guard_police", value=pattern.police, reason="negative")
    if pattern.tps < 1:
        raise InvalidValue(field="guard_tps", value=pattern.tps, reason="not_positive")
    if pattern.linmas < 0:
        raise InvalidValue(field="guard_linmas", value=pattern.linmas, reason="negative")
    return pattern


def apply_what_if(inputs: StrengthInputs, what_if: WhatIf) -> StrengthInputs:
    """The inputs with the what-if's TPS moves applied (patterns are passed to compute)."""
    if not what_if.tps:
        return inputs
    groups = dict(inputs.tps_groups)
    for t in what_if.tps:
        old = (t.unit_id, t.kecamatan_id, t.from_category_id)
        new = (t.unit_id, t.kecamatan_id, t.to_category_id)
        groups[old] = groups.get(old, 0) - 1
        if groups[old] <= 0:
            del groups[old]
        groups[new] = groups.get(new, 0) + 1
    return dataclasses.replace(inputs, tps_groups=groups)


def save_what_if(
    store: Store,
    actor: Actor,
    operation_id: int,
    what_if: WhatIf,
    *,
    pattern_versions: Mapping[int, int] | None = None,
) -> dict[int, int]:
    """Persist a what-if: guard patterns and TPS categories, one journaled transaction.

    ``pattern_versions`` are the category versions the user saw (stale edits are refused).
    Returns the versions the saved categories were left at (what a next save of them, its
    undo for one, expects).
    """
    require(actor, "plan.edit")
    if what_if.empty:
        return {}
    versions = pattern_versions or {}
    left: dict[int, TpsCategory] = {}
    with store.transaction(actor, "plan.save_what_if", operation_id=operation_id) as s:
        for cat_id, pattern in sorted(what_if.patterns.items()):
            check_pattern(pattern)
            cat = fetch_for_edit(s, TpsCategory, cat_id, versions.get(cat_id))
            if cat.operation_id != operation_id:
                raise NotFound(entity="tps_category", key=cat_id)
            cat.guard_police, cat.guard_tps, cat.guard_linmas = (
                pattern.police,
                pattern.tps,
                pattern.linmas,
            )
            left[cat_id] = cat
        cats = _category_ids(s, operation_id)
        for t in what_if.tps:
            tps = fetch_for_edit(s, PollingStation, t.tps_id, t.version)
            if tps.operation_id != operation_id or t.to_category_id not in cats:
                raise NotFound(entity="tps_category", key=t.to_category_id)
            # Back to unrated only by undoing a rating.
            tps.category_id = None if t.to_category_id == UNRATED else t.to_category_id
        s.flush()
        return {cat_id: int(cat.version) for cat_id, cat in left.items()}
