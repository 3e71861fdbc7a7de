"""The plotting changed by hand: a person put on a post or back in the reserve (``place``),
two placed people's posts exchanged (``swap``), a placement locked or freed
(``set_locked``). What a hand places is locked: a new automatic plotting
(``opscenter.plotting.plot``, rule 2) leaves it. Each change returns what its undo hands
back, and a change of a row changed since is refused as stale, not overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter import journal
from opscenter.actor import Actor
from opscenter.editing import fetch_for_edit, row_in_operation
from opscenter.errors import NotFound, OpsError
from opscenter.model import GuardAssignment, GuardPost, Personnel
from opscenter.permissions import require
from opscenter.plotting.pools import officers
from opscenter.plotting.posts import PERMISSION
from opscenter.store import Store


class PlotRefused(OpsError):
    """A hand placement refused. data: reason ("not_eligible", "not_placed", "same_post"),
    name (the person's)."""

    code = "plot.refused"


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a person was before a hand change (what its undo puts back): the post (None:
    the reserve), and how they were placed there."""

    personnel_id: int
    post_id: int | None
    basis: str | None
    from_unit_id: int | None
    locked: bool


class Seen(NamedTuple):
    """A person's placement row as a screen showed it or a hand change left it, what the
    next change of it expects to find (else it is refused as stale, not overwritten): the
    row's id and version, both None for the reserve (no row)."""

    row_id: int | None
    version: int | None


IN_RESERVE = Seen(None, None)


@dataclass(frozen=True, slots=True)
class HandPlaced:
    """What a hand placement did: where the person was (``before``, what its undo hands
    back as ``restore``) and the row it left (what the undo and the redo expect)."""

    before: Placement
    left: Seen


@dataclass(frozen=True, slots=True)
class Swapped:
    """What a swap did: where the two people were (``before``, what its undo hands back as
    ``restore``) and the versions it left on their rows (what the undo expects to find)."""

    before: tuple[Placement, Placement]
    versions: tuple[int, int]


def place(
    store: Store,
    actor: Actor,
    operation_id: int,
    stage_id: int,
    personnel_id: int,
    post_id: int | None,
    *,
    restore: Placement | None = None,
    expected: Seen | None = None,
) -> HandPlaced:
    """Put a person on a post by hand, locked (``post_id`` None: back to the reserve);
    journaled as "plot.place". Returns where they were, for the undo, which hands it back
    as ``restore`` to put back the basis and the lock too, and the row it left, which the
    undo and the redo hand back as ``expected`` (None: no check)."""
    require(actor, PERMISSION)
    with store.transaction(actor, "plot.place", operation_id=operation_id) as s:
        people = officers(s, operation_id, only=personnel_id)  # one row, not the roster
        person = row_in_operation(s, Personnel, personnel_id, operation_id)
        if personnel_id not in people:
            raise PlotRefused(reason="not_eligible", name=person.name)
        row = _assignment(s, stage_id, personnel_id)
        before = _placement(personnel_id, row)
        if expected is not None:
            _expect(s, row, expected)
        if post_id is None:
            if row is not None:
                s.delete(row)
            s.flush()
            return HandPlaced(before, IN_RESERVE)
        post = s.get(GuardPost, post_id)
        if post is None or post.operation_id != operation_id or post.stage_id != stage_id:
            raise NotFound(entity="guard_post", key=post_id)
        basis = restore.basis if restore and restore.basis else "hand"
        lender = restore.from_unit_id if restore else people[personnel_id].unit_id
        locked = restore.locked if restore else True
        if row is None:
            row = GuardAssignment(
                operation_id=operation_id, stage_id=stage_id, post_id=post_id,
                personnel_id=personnel_id, basis=basis, from_unit_id=lender, locked=locked,
            )  # fmt: skip
            s.add(row)
        else:
            if row.post_id == post_id and restore is None:
                raise PlotRefused(reason="same_post", name=person.name)
            row.post_id, row.basis, row.from_unit_id, row.locked = post_id, basis, lender, locked
        s.flush()
        return HandPlaced(before, Seen(row.id, row.version))


def swap(
    store: Store,
    actor: Actor,
    operation_id: int,
    stage_id: int,
    first: int,
    second: int,
    *,
    restore: tuple[Placement, Placement] | None = None,
    expected_versions: tuple[int, int] | None = None,
) -> Swapped:
    """Exchange two placed people's posts, both then locked (journaled as "plot.swap").
    Returns where they were, for the undo, which hands it back as ``restore`` to put back
    each one's post, basis and lock, with the returned versions as ``expected_versions``
    (a row changed since is refused as stale, not overwritten)."""
    require(actor, PERMISSION)
    with store.transaction(actor, "plot.swap", operation_id=operation_id) as s:
        a, b = _placed(s, stage_id, first), _placed(s, stage_id, second)
        if a.operation_id != operation_id or b.operation_id != operation_id:
            raise NotFound(entity="guard_assignment", key=first)
        for row, version in zip((a, b), expected_versions or (None, None), strict=True):
            fetch_for_edit(s, GuardAssignment, row.id, version)
        before = (_placement(first, a), _placement(second, b))
        if restore is not None:
            was = {p.personnel_id: p for p in restore}
            for row in (a, b):
                w = was[row.personnel_id]
                assert w.post_id is not None and w.basis is not None  # placed before a swap
                row.post_id, row.basis, row.from_unit_id = w.post_id, w.basis, w.from_unit_id
                row.locked = w.locked
        else:
            if a.post_id == b.post_id:
                raise PlotRefused(reason="same_post", name=_name(s, first))
            a.post_id, b.post_id = b.post_id, a.post_id
            for row in (a, b):
                row.basis, row.locked = "hand", True
        s.flush()
        return Swapped(before, (a.version, b.version))


def set_locked(
    store: Store,
    actor: Actor,
    operation_id: int,
    stage_id: int,
    personnel_id: int,
    locked: bool,
    *,
    expected_version: int | None = None,
) -> int:
    """Lock a placement (a new plotting leaves it) or free it (journaled as "plot.lock");
    refused as stale when its row is no longer at ``expected_version`` (None: no check).
    Returns the version it left, what the undo and the redo expect."""
    require(actor, PERMISSION)
    with store.transaction(actor, "plot.lock", operation_id=operation_id) as s:
        row = _placed(s, stage_id, personnel_id)
        if row.operation_id != operation_id:
            raise NotFound(entity="guard_assignment", key=personnel_id)
        fetch_for_edit(s, GuardAssignment, row.id, expected_version)
        row.locked = locked
        s.flush()
        return int(row.version)


def _assignment(s: Session, stage_id: int, personnel_id: int) -> GuardAssignment | None:
    return s.execute(
        select(GuardAssignment).where(
            GuardAssignment.stage_id == stage_id, GuardAssignment.personnel_id == personnel_id
        )
    ).scalar_one_or_none()


def _expect(s: Session, row: GuardAssignment | None, seen: Seen) -> None:
    """Refuse as stale a person's placement changed since it was ``seen``: its row at
    another version, a row where there was none, none (or another) where there was one;
    the sentence names who changed it."""
    if row is not None and row.id == seen.row_id:
        fetch_for_edit(s, GuardAssignment, row.id, seen.version)
    elif row is not None:
        raise journal.stale_edit(s, "guard_assignment", row.id, expected=seen.version)
    elif seen.row_id is not None:
        raise journal.stale_edit(s, "guard_assignment", seen.row_id, expected=seen.version)


def _placement(personnel_id: int, row: GuardAssignment | None) -> Placement:
    """Where the person is now (row None: the reserve), as a hand change's undo restores."""
    if row is None:
        return Placement(personnel_id, None, None, None, False)
    return Placement(personnel_id, row.post_id, row.basis, row.from_unit_id, row.locked)


def _placed(s: Session, stage_id: int, personnel_id: int) -> GuardAssignment:
    row = _assignment(s, stage_id, personnel_id)
    if row is None:
        raise PlotRefused(reason="not_placed", name=_name(s, personnel_id))
    return row


def _name(s: Session, personnel_id: int) -> str:
    person = s.get(Personnel, personnel_id)
    return person.name if person is not None else str(personnel_id)
