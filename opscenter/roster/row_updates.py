"""Imported rows changed in bulk: an UPDATE by id per set of changed columns, with one
journal row per changed row written in the same transaction (a commit's changed rows, a
revert's restored fields).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, bindparam, update
from sqlalchemy.orm import Session

from opscenter import journal

# A bulk statement whose journal rows its caller writes itself (``journal`` refuses others).
JOURNALED = {"opscenter_journaled": True}


def table_of(model: type[Any]) -> Table:
    """The table a mapped class is declared on."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


def update_rows(
    s: Session,
    ctx: journal.TxnContext,
    model: type[Any],
    operation_id: int,
    updates: Sequence[tuple[int, dict[str, tuple[Any, Any]]]],
) -> None:
    """Bulk UPDATE by id (bumping the version, so open editors see a stale edit) and one
    journal row per changed row, in this transaction."""
    table = table_of(model)
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row_id, changes in updates:
        cols = tuple(sorted(changes))
        params = {"_id": row_id, **{f"_v_{c}": changes[c][1] for c in cols}}
        groups.setdefault(cols, []).append(params)
    conn = s.connection()
    for cols, group in groups.items():
        stmt = (
            update(table)
            .where(table.c.id == bindparam("_id"))
            .values({c: bindparam(f"_v_{c}") for c in cols} | {"version": table.c.version + 1})
            .execution_options(**JOURNALED)
        )
        conn.execute(stmt, group)
    entries: list[journal.Entry] = [
        (
            table.name,
            row_id,
            "update",
            {c: [journal.plain(o), journal.plain(n)] for c, (o, n) in changes.items()},
            operation_id,
        )
        for row_id, changes in updates
    ]
    journal.append(s, ctx, entries)
