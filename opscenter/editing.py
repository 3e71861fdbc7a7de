"""Optimistic concurrency: edit a row only if it is still the version the user saw."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from opscenter import journal
from opscenter.errors import NotFound
from opscenter.store import version_watch

T = TypeVar("T")


def row_in_operation(session: Session, model: type[T], row_id: int, operation_id: int) -> T:
    """The row ``row_id`` of ``model``; refused as not found when it belongs to another
    operation (an id from a stale screen or another command room)."""
    row = session.get(model, row_id)
    if row is None or getattr(row, "operation_id", None) != operation_id:
        raise NotFound(entity=inspect(model).local_table.name, key=row_id)
    return row


def fetch_for_edit(
    session: Session, model: type[T], row_id: int, expected_version: int | None
) -> T:
    """Load a row to change it; refuse if someone saved it since the user read it.

    ``expected_version`` is the version the user's screen shows; None skips the check
    (for changes that do not depend on what was read, such as appending a follow-up).
    The version column also guards the window between this read and the write.
    """
    obj = session.get(model, row_id)
    if obj is None:
        raise NotFound(entity=inspect(model).local_table.name, key=row_id)
    version = int(obj.version)  # type: ignore[attr-defined]
    if expected_version is not None and version != expected_version:
        entity = inspect(model).local_table.name
        raise journal.stale_edit(session, entity, row_id, expected=expected_version, found=version)
    version_watch(session, obj)
    return obj


def apply(obj: Any, fields: dict[str, Any], allowed: frozenset[str]) -> dict[str, Any]:
    """Set the allowed fields that differ; returns what changed."""
    changed: dict[str, Any] = {}
    for key, value in fields.items():
        if key not in allowed:
            raise NotFound(entity=type(obj).__name__, key=key)
        if getattr(obj, key) != value:
            setattr(obj, key, value)
            changed[key] = value
    return changed
