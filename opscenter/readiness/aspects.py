"""The readiness aspects of an operation (personel, sarana prasarana, anggaran, perencanaan,
latihan, posko, kamtibmas, kesiapan masyarakat ...) as an editable list: add, rename, move,
remove (``opscenter.reference_lists``), each journaled under ``readiness.edit``.

An aspect a person adds has no evidence the data can speak for (``evidence`` None): its
cells in the matrix show the judgements and the inspection findings on it only. An aspect
is removed only while no judgement and no finding refers to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from opscenter import reference_lists
from opscenter.actor import Actor
from opscenter.model import ReadinessAspect
from opscenter.permissions import require
from opscenter.reference import items
from opscenter.reference_lists import ListItem, Removed, as_item
from opscenter.store import Store

PERMISSION = "readiness.edit"


@dataclass(frozen=True, slots=True)
class AspectRow:
    """An aspect as its list shows it: the item, the data its level is derived from
    (None: judgements and findings only) and how many rows refer to it."""

    item: ListItem
    evidence: str | None
    uses: int


def aspect_rows(session: Session, operation_id: int) -> tuple[AspectRow, ...]:
    """The operation's aspects in their order."""
    return tuple(
        AspectRow(
            as_item(a),
            a.evidence,
            sum(n for _t, n in reference_lists.uses(session, ReadinessAspect, a.id)),
        )
        for a in items(session, ReadinessAspect, operation_id)
    )


def add_aspect(
    store: Store,
    actor: Actor,
    operation_id: int,
    code: str,
    name: str,
    name_en: str | None = None,
) -> ListItem:
    """Add an aspect at the end of the list, with no derived evidence (journaled as
    "readiness.aspect_add")."""
    require(actor, PERMISSION)
    with store.transaction(actor, "readiness.aspect_add", operation_id=operation_id) as s:
        row = reference_lists.add(
            s, ReadinessAspect, operation_id, code, name, name_en, fields={"evidence": None}
        )
        return as_item(row)


def rename_aspect(
    store: Store,
    actor: Actor,
    aspect_id: int,
    name: str,
    name_en: str | None = None,
    *,
    expected_version: int | None,
) -> ListItem:
    """Rename an aspect; its code stays (journaled as "readiness.aspect_rename")."""
    require(actor, PERMISSION)
    with store.transaction(actor, "readiness.aspect_rename") as s:
        row = reference_lists.rename(s, ReadinessAspect, aspect_id, name, name_en, expected_version)
        return as_item(row)


def move_aspect(
    store: Store, actor: Actor, aspect_id: int, step: int, *, expected_version: int | None
) -> tuple[ListItem, ...]:
    """Move an aspect one place up (-1) or down (+1) (journaled as "readiness.aspect_move");
    returns the rows whose version changed, the aspect first."""
    require(actor, PERMISSION)
    with store.transaction(actor, "readiness.aspect_move") as s:
        return reference_lists.move(s, ReadinessAspect, aspect_id, step, expected_version)


def remove_aspect(
    store: Store, actor: Actor, aspect_id: int, *, expected_version: int | None
) -> Removed:
    """Remove an aspect no judgement or finding refers to (journaled as
    "readiness.aspect_remove"); returns what it held, for an undo."""
    require(actor, PERMISSION)
    with store.transaction(actor, "readiness.aspect_remove") as s:
        return reference_lists.remove(s, ReadinessAspect, aspect_id, expected_version)


def restore_aspect(store: Store, actor: Actor, operation_id: int, removed: Removed) -> ListItem:
    """A removed aspect again, in its place, with its evidence (an undo; journaled as
    "readiness.aspect_add")."""
    require(actor, PERMISSION)
    with store.transaction(actor, "readiness.aspect_add", operation_id=operation_id) as s:
        return as_item(reference_lists.put_back(s, ReadinessAspect, operation_id, removed))
