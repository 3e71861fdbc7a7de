"""The watch's steps as an editable list (``opscenter.reference_lists``), each journaled
under ``reference.edit``: add, rename, move, remove (only while no TPS has reached it), and
the deadline by which a TPS must have reached it.

A step's deadline is minutes after voting day's midnight in the operation's zone, so
"06:00" is 360 and "06:00 the next morning" is 1,800; None is no deadline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from opscenter import reference_lists
from opscenter.actor import Actor
from opscenter.editing import fetch_for_edit
from opscenter.errors import InvalidValue
from opscenter.model import DUE_MAX_MINUTES, WatchStep
from opscenter.permissions import require
from opscenter.reference import items
from opscenter.reference_lists import ListItem, Removed, as_item
from opscenter.store import Store

PERMISSION = "reference.edit"


@dataclass(frozen=True, slots=True)
class Step:
    """A step as the watch reads it; ``index`` is its place in the list, from 0."""

    id: int
    version: int
    index: int
    code: str
    name: str
    name_en: str | None
    due_minutes: int | None

    def label(self, lang: str = "id") -> str:
        return self.name_en if lang == "en" and self.name_en else self.name

    @property
    def key(self) -> str:
        """What an operator types for it: its place in the list from 1 ("1" ... "6")."""
        return str(self.index + 1)


def steps(session: Session, operation_id: int) -> tuple[Step, ...]:
    """The operation's steps in their order."""
    return tuple(
        Step(int(s.id), int(s.version), i, s.code, s.name, s.name_en, s.due_minutes)
        for i, s in enumerate(items(session, WatchStep, operation_id))
    )


def due_text(minutes: int | None) -> str:
    """A deadline as people write it: "06:00", "20:00", "06:00 (+1)"; "" for none."""
    if minutes is None:
        return ""
    days, rest = divmod(minutes, 24 * 60)
    text = f"{rest // 60:02d}:{rest % 60:02d}"
    return f"{text} (+{days})" if days else text


_DUE = re.compile(r"^(\d{1,2})[:.](\d{2})(?:\s*\(?\+\s*(\d)\)?)?$")


def read_due(text: str) -> int | None:
    """The deadline a person typed ("06:00", "6.00", "06:00 +1", "06:00 (+1)"; empty for
    none) in minutes after voting day's midnight; refused when unreadable or too late."""
    text = text.strip()
    if not text:
        return None
    m = _DUE.match(text)
    if m is None:
        raise InvalidValue(field="due", value=text, reason="unreadable_due")
    hours, minutes, days = int(m[1]), int(m[2]), int(m[3] or 0)
    if hours > 23 or minutes > 59:
        raise InvalidValue(field="due", value=text, reason="unreadable_due")
    total = days * 24 * 60 + hours * 60 + minutes
    if total > DUE_MAX_MINUTES:
        raise InvalidValue(field="due", value=text, reason="due_too_late")
    return total


def add_step(
    store: Store,
    actor: Actor,
    operation_id: int,
    code: str,
    name: str,
    name_en: str | None = None,
    *,
    due_minutes: int | None = None,
) -> ListItem:
    """A new step at the end of the list (journaled as "watch.step_add")."""
    require(actor, PERMISSION)
    _check_due(due_minutes)
    with store.transaction(actor, "watch.step_add", operation_id=operation_id) as s:
        row = reference_lists.add(
            s, WatchStep, operation_id, code, name, name_en, fields={"due_minutes": due_minutes}
        )
        return as_item(row)


def rename_step(
    store: Store,
    actor: Actor,
    step_id: int,
    name: str,
    name_en: str | None = None,
    *,
    expected_version: int | None,
) -> ListItem:
    """Rename a step; its code stays (journaled as "watch.step_rename")."""
    require(actor, PERMISSION)
    with store.transaction(actor, "watch.step_rename") as s:
        return as_item(
            reference_lists.rename(s, WatchStep, step_id, name, name_en, expected_version)
        )


def set_due(
    store: Store,
    actor: Actor,
    step_id: int,
    due_minutes: int | None,
    *,
    expected_version: int | None,
) -> ListItem:
    """Set or clear a step's deadline (journaled as "watch.step_due")."""
    require(actor, PERMISSION)
    _check_due(due_minutes)
    with store.transaction(actor, "watch.step_due") as s:
        row = fetch_for_edit(s, WatchStep, step_id, expected_version)
        row.due_minutes = due_minutes
        s.flush()
        return as_item(row)


def move_step(
    store: Store, actor: Actor, step_id: int, step: int, *, expected_version: int | None
) -> tuple[ListItem, ...]:
    """Move a step one place up (-1) or down (+1) (journaled as "watch.step_move")."""
    require(actor, PERMISSION)
    with store.transaction(actor, "watch.step_move") as s:
        return reference_lists.move(s, WatchStep, step_id, step, expected_version)


def remove_step(
    store: Store, actor: Actor, step_id: int, *, expected_version: int | None
) -> Removed:
    """Remove a step no TPS has reached (journaled as "watch.step_remove"); returns what it
    held, for an undo."""
    require(actor, PERMISSION)
    with store.transaction(actor, "watch.step_remove") as s:
        return reference_lists.remove(s, WatchStep, step_id, expected_version)


def restore_step(store: Store, actor: Actor, operation_id: int, removed: Removed) -> ListItem:
    """A removed step again, in its place, with its deadline (an undo; journaled as
    "watch.step_add")."""
    require(actor, PERMISSION)
    with store.transaction(actor, "watch.step_add", operation_id=operation_id) as s:
        return as_item(reference_lists.put_back(s, WatchStep, operation_id, removed))


def _check_due(minutes: int | None) -> None:
    if minutes is not None and not 0 <= minutes <= DUE_MAX_MINUTES:
        raise InvalidValue(field="due", value=minutes, reason="due_too_late")
