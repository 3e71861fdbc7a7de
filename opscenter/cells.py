"""A cell of a matrix kept as one row per key: a vulnerability rating (region, stage, aspect,
source), a sarpras stock row (unit, category), a readiness judgement (unit, aspect).

One way to copy a cell's row as plain data, to set a cell (create its row, or change it if
it is still the version the user saw) and to clear it (delete the row, returning what it
held for an undo). Setting and clearing run inside the caller's journaled transaction: each
service opens it with its own action key and permission.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter.editing import fetch_for_edit
from opscenter.journal import stale_edit
from opscenter.model.base import Base

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

R = TypeVar("R", bound=Base)
P = TypeVar("P")
D = TypeVar("D", bound="DataclassInstance")


def plain(cls: type[D], row: object) -> D:
    """A copy of a row as plain data: ``cls`` (a dataclass whose fields are columns of the
    row, such as id, version and the cell's key and value) filled by name."""
    return cls(**{f.name: getattr(row, f.name) for f in dataclasses.fields(cls)})


def put(
    session: Session,
    model: type[R],
    operation_id: int,
    key: Mapping[str, Any],
    fields: Mapping[str, Any],
    expected_version: int | None,
    *,
    saw_none: bool = False,
) -> tuple[R, bool]:
    """The cell ``key`` (its columns and values) holding ``fields``; returns (row, changed).

    The row is created when there is none; else it is changed, only if it is still at
    ``expected_version`` (None skips the check, unless ``saw_none``: then None means the user
    saw an empty cell, and a row set since is a stale edit)."""
    existing = session.scalars(select(model).filter_by(**key)).first()
    if existing is None:
        row = model(operation_id=operation_id, **key, **fields)
        session.add(row)
        session.flush()
        return row, True
    row_id = int(existing.id)  # type: ignore[attr-defined]
    if saw_none and expected_version is None:
        raise stale_edit(session, str(model.__tablename__), row_id)
    row = fetch_for_edit(session, model, row_id, expected_version)
    changed = any(getattr(row, k) != v for k, v in fields.items())
    if changed:
        for k, v in fields.items():
            setattr(row, k, v)
        session.flush()
    return row, changed


def clear(
    session: Session,
    model: type[R],
    row_id: int,
    expected_version: int | None,
    as_plain: Callable[[R], P],
) -> P:
    """Delete a cell's row if it is still at ``expected_version``; returns ``as_plain(row)``
    as it was before (for an undo)."""
    row = fetch_for_edit(session, model, row_id, expected_version)
    before = as_plain(row)
    session.delete(row)
    session.flush()
    return before
