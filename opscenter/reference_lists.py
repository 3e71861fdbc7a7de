"""Editing a reference list (``model.base.ReferenceItem``): add an item, rename it, move it
up or down, remove it. One way for every list; each list's service (``readiness.aspects``,
``readiness.sarpras_categories``, ``watch.steps``) opens the journaled transaction with its
own action key and its permission, and calls these inside it.

* ``code`` is the stable key, unique in the operation; written lower case with dashes
  ("Motor Trail" -> "motor-trail") and never changed by a rename.
* ``name`` is the Indonesian name, with its spaces cleaned; ``name_en`` the optional English.
* a new item goes at the end of the list (or, put back by an undo, at the place it had);
  moving swaps its ordinal with its neighbour's.
* an item is removed only when no row refers to it (found from the schema's foreign keys:
  a judgement or a finding on an aspect, a stock row of a category), else the refusal
  names what still uses it and nothing changes.

Every change checks the version the user's screen showed (``expected_version``); the rows
these functions change come back as plain data, so that an undo history can follow their
versions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from opscenter.editing import fetch_for_edit
from opscenter.errors import InvalidValue
from opscenter.model.base import Base
from opscenter.reference import items

R = TypeVar("R", bound=Base)
# The columns every list has (``ReferenceItem``); the others are a list's own ("fields").
COMMON = ("id", "operation_id", "code", "name", "name_en", "ordinal", "version")
CODE_LENGTH = 40
NAME_LENGTH = 120


class CodeTaken(InvalidValue):
    """Another item of the list already has the code. data: field, value, reason, entity,
    name (the item that has it)."""

    code = "reference.code_taken"


class InUse(InvalidValue):
    """The item is still referred to and was not removed. data: field, value, reason,
    entity, name, uses (pairs of the referring table and how many of its rows)."""

    code = "reference.in_use"


@dataclass(frozen=True, slots=True)
class ListItem:
    """One item of a reference list, as plain data."""

    id: int
    version: int
    code: str
    name: str
    name_en: str | None
    ordinal: int


@dataclass(frozen=True, slots=True)
class Removed:
    """What a removed item held: enough to put it back where it was (an undo)."""

    item: ListItem
    fields: Mapping[str, Any]  # the list's own columns (a category's group, rule ...)


def as_item(row: Any) -> ListItem:
    return ListItem(
        int(row.id),
        int(row.version),
        str(row.code),
        str(row.name),
        row.name_en,
        int(row.ordinal),
    )


def clean_code(text: str) -> str:
    code = "-".join(text.lower().split())
    if not code:
        raise InvalidValue(field="code", value=text, reason="required")
    if len(code) > CODE_LENGTH:
        raise InvalidValue(field="code", value=text, reason="code_too_long")
    return code


def clean_name(text: str, field: str = "name") -> str:
    """A name with its spaces cleaned; refused when empty or too long."""
    name = " ".join(text.split())
    if not name:
        raise InvalidValue(field=field, value=text, reason="required")
    if len(name) > NAME_LENGTH:
        raise InvalidValue(field=field, value=text, reason="too_long")
    return name


def clean_name_en(text: str | None) -> str | None:
    return clean_name(text, "name_en") if text and text.strip() else None


def _entity(model: type[Base]) -> str:
    return str(model.__tablename__)


def add(
    session: Session,
    model: type[R],
    operation_id: int,
    code: str,
    name: str,
    name_en: str | None = None,
    *,
    fields: Mapping[str, Any] | None = None,
    ordinal: int | None = None,
) -> R:
    """Add an item at the end of the list (or at ``ordinal``, where an undo puts it back),
    with the list's own ``fields``."""
    code, name, name_en = clean_code(code), clean_name(name), clean_name_en(name_en)
    taken = session.scalars(
        select(model).where(
            model.operation_id == operation_id,  # type: ignore[attr-defined]
            model.code == code,  # type: ignore[attr-defined]
        )
    ).first()
    if taken is not None:
        raise CodeTaken(
            field="code",
            value=code,
            reason="exists",
            entity=_entity(model),
            name=taken.name,  # type: ignore[attr-defined]
        )
    if ordinal is None:
        ordinal = max((int(i.ordinal) for i in items(session, model, operation_id)), default=0)  # type: ignore[attr-defined]
        ordinal += 1
    row = model(
        operation_id=operation_id,
        code=code,
        name=name,
        name_en=name_en,
        ordinal=ordinal,
        **dict(fields or {}),
    )
    session.add(row)
    session.flush()
    return row


def rename(
    session: Session,
    model: type[R],
    item_id: int,
    name: str,
    name_en: str | None,
    expected_version: int | None,
) -> R:
    """Give an item another name (its code stays)."""
    name, name_en = clean_name(name), clean_name_en(name_en)
    row = fetch_for_edit(session, model, item_id, expected_version)
    row.name, row.name_en = name, name_en  # type: ignore[attr-defined]
    session.flush()
    return row


def move(
    session: Session, model: type[R], item_id: int, step: int, expected_version: int | None
) -> tuple[ListItem, ...]:
    """Move an item one place up (``step`` -1) or down (+1): it swaps its ordinal with its
    neighbour's. Returns every row whose version changed, the item first (the neighbour;
    and, only when two items shared an ordinal, the list renumbered first)."""
    if step not in (-1, 1):
        raise InvalidValue(field="ordinal", value=step, reason="unknown")
    row = fetch_for_edit(session, model, item_id, expected_version)
    ordered = items(session, model, row.operation_id)  # type: ignore[attr-defined]
    here = ordered.index(row)
    there = here + step
    if not 0 <= there < len(ordered):
        raise InvalidValue(field="ordinal", value=row.name, reason="at_edge")  # type: ignore[attr-defined]
    changed = [row, ordered[there]]
    ordinals = [int(r.ordinal) for r in ordered]  # type: ignore[attr-defined]
    if len(set(ordinals)) < len(ordinals):  # ties (an item put back by an undo): renumber
        for i, r in enumerate(ordered, 1):
            if r.ordinal != i:  # type: ignore[attr-defined]
                r.ordinal = i  # type: ignore[attr-defined]
                if r not in changed:
                    changed.append(r)
    a, b = ordered[here], ordered[there]
    a.ordinal, b.ordinal = b.ordinal, a.ordinal  # type: ignore[attr-defined]
    session.flush()
    return tuple(as_item(r) for r in changed)


def uses(session: Session, model: type[Base], item_id: int) -> tuple[tuple[str, int], ...]:
    """(referring table, rows) for every table with rows that refer to the item, found from
    the schema's foreign keys, so that a table added later is counted too."""
    table = model.__table__
    found: list[tuple[str, int]] = []
    for other in Base.metadata.sorted_tables:
        for fk in other.foreign_keys:
            if fk.column.table is table:
                count = session.scalar(
                    select(func.count()).select_from(other).where(fk.parent == item_id)
                )
                if count:
                    found.append((other.name, int(count)))
    return tuple(found)


def remove(session: Session, model: type[R], item_id: int, expected_version: int | None) -> Removed:
    """Remove an item nothing refers to; returns what it held."""
    row = fetch_for_edit(session, model, item_id, expected_version)
    used = uses(session, model, item_id)
    if used:
        raise InUse(
            field="code",
            value=row.code,  # type: ignore[attr-defined]
            reason="in_use",
            entity=_entity(model),
            name=row.name,  # type: ignore[attr-defined]
            uses=used,
        )
    own = {c.key: getattr(row, c.key) for c in inspect(model).column_attrs if c.key not in COMMON}
    before = Removed(as_item(row), own)
    session.delete(row)
    session.flush()
    return before


def put_back(session: Session, model: type[R], operation_id: int, removed: Removed) -> R:
    """A removed item again, with its code, names, own fields and place (an undo)."""
    item = removed.item
    return add(
        session,
        model,
        operation_id,
        item.code,
        item.name,
        item.name_en,
        fields=removed.fields,
        ordinal=item.ordinal,
    )
