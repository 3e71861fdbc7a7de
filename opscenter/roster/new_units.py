"""The units a roster import creates: those the person chose to create in the preview (named
by a roster, not stored), and a unit list's new units in parent-first order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter import journal
from opscenter.model import Unit
from opscenter.progress import CancelToken, Progress
from opscenter.roster.errors import RosterError
from opscenter.roster.preview import Preview


def with_new_units(
    values: tuple[Any, ...], unit_cols: list[int], unit_ids: dict[int, int]
) -> tuple[Any, ...]:
    """A row whose unit columns name units created by this import (negative placeholders)."""
    if all(values[i] is None or values[i] >= 0 for i in unit_cols):
        return values
    out = list(values)
    for i in unit_cols:
        if out[i] is not None and out[i] < 0:
            out[i] = unit_ids[out[i]]
    return tuple(out)


def create_units(s: Session, preview: Preview) -> dict[int, int]:
    """Units the user chose to create in the preview: placeholder id -> new id."""
    if not preview.new_units:
        return {}
    taken = set(s.scalars(select(Unit.code).where(Unit.operation_id == preview.operation_id)))
    rows = []
    for name in preview.new_units.values():
        base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:36] or "satuan"
        code, n = base, 2
        while code in taken:
            code, n = f"{base}-{n}", n + 1
        taken.add(code)
        # The lowest territorial echelon: staff move it in the unit tree afterwards.
        rows.append(
            {"operation_id": preview.operation_id, "tree": "territorial", "kind": "polsek",
             "agency": "polri", "code": code, "name": name}
        )  # fmt: skip
    ids = journal.insert_rows(s, Unit, rows)
    return dict(zip(preview.new_units, ids, strict=True))


def insert_units(
    s: Session,
    preview: Preview,
    rows: Sequence[tuple[Any, ...]],
    progress: Progress,
    cancel: CancelToken,
) -> int:
    """Units in parent-first order: a parent may be a later row of the same file."""
    codes: dict[str, int] = {
        r[0]: r[1]
        for r in s.execute(
            select(Unit.code, Unit.id).where(Unit.operation_id == preview.operation_id)
        )
    }
    pending = list(rows)
    done = 0
    while pending:
        cancel.check()
        ready = [v for v in pending if v[3] is None or v[3] in codes]
        if not ready:
            raise RosterError("unit_cycle", file=preview.file)
        batch = [
            {"operation_id": preview.operation_id, "code": v[0], "name": v[1], "kind": v[2],
             "parent_id": codes.get(v[3]) if v[3] else None, "agency": v[4], "tree": v[5]}
            for v in ready
        ]  # fmt: skip
        ids = journal.insert_rows(s, Unit, batch)
        codes.update({v[0]: i for v, i in zip(ready, ids, strict=True)})
        ready_codes = {v[0] for v in ready}
        pending = [v for v in pending if v[0] not in ready_codes]
        done += len(ready)
        progress(done, len(rows), "write")
    return done
