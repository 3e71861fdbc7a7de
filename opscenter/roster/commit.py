"""Committing a preview: one transaction, all or nothing, journaled as one import.

New rows go in through ``journal.insert_values``. Changed rows are written by a bulk UPDATE
that journals each row itself (``row_updates.update_rows``), since building ORM objects for
100,000 rows would dominate the time. A row someone else wrote since the preview refuses the
commit (``stale_rows``); the units an import creates go in through ``new_units``. The import
history lists imports and reverts one (``history``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from opscenter import journal
from opscenter.actor import Actor
from opscenter.model import Unit
from opscenter.permissions import require
from opscenter.progress import CancelToken, Progress, no_progress
from opscenter.roster.new_units import create_units, insert_units, with_new_units
from opscenter.roster.preview import MODELS, Preview
from opscenter.roster.row_updates import update_rows
from opscenter.roster.stale_rows import Watch
from opscenter.store import Store

BATCH = 5_000


@dataclass(frozen=True, slots=True)
class Outcome:
    txn_id: int | None  # None when nothing needed writing
    counts: dict[str, int]


def import_details(preview: Any, kind: str) -> dict[str, Any]:
    """What the journal keeps of an import (the import history lists it): the file, its
    SHA-256, the sheet, the kind and the counts."""
    return {
        "file": preview.file,
        "sha256": preview.sha256,
        "sheet": preview.sheet,
        "kind": kind,
        "counts": dict(preview.counts),
    }


def commit(
    store: Store,
    actor: Actor,
    preview: Preview,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> Outcome:
    """Write the new and changed rows of ``preview`` in one journaled transaction.

    Refuses (``RosterError("stale_rows")``, naming them) when a row the file writes was
    changed since the preview was made: a stored row it changes, or a new row's key that
    someone else has since stored. Writes to other rows do not matter: on a busy evening the
    board keeps changing while staff import. Rejected rows are left out; nothing at all is
    written when no row is new or changed, so importing the same file again changes nothing.
    """
    require(actor, "import.run")
    cancel = cancel or CancelToken()
    # Stored values of each new row (the compact tuples carry their sheet row last).
    new: list[tuple[Any, ...]] = [r.values for r in preview.rows if r.status == "new" and r.values]
    new += [v for v in preview.new if v is not None]
    changed = [r for r in preview.rows if r.status == "changed"]
    if not new and not changed:
        return Outcome(None, dict(preview.counts))
    details = import_details(preview, preview.kind)
    total = len(new) + len(changed)
    done = 0
    # Everything that needs no lock is done before the write transaction (on SQLite it holds
    # the database's write lock): the stale check over the writes since the preview, which
    # leaves only the writes of the last moment to be checked inside.
    watch = Watch.of(preview, new, changed)
    spec = preview.spec
    model = MODELS[preview.kind]
    columns = spec.columns
    width = len(columns)
    with store.read() as s:
        watch.check(s, preview.journal_head)
        checked = journal.head(s)
    unit_cols = [i for i, c in enumerate(columns) if c.endswith("unit_id")]
    names = [*columns, "operation_id"]
    op = preview.operation_id
    # A compact tuple carries its sheet row last: replaced by the operation id.
    rows = [(*v[:width], op) for v in new] if preview.kind != "units" else []
    staged: list[journal.Staged] = []

    def stage(conn: Connection) -> None:
        """SQLite: the new rows into a TEMP table, before the write lock (see
        ``journal.stage_values``); under it they only move across."""
        nonlocal total
        cancel.check()
        got = journal.stage_values(conn, model, names, rows)
        if got is not None:
            staged.append(got)
            total += len(rows)  # staged, then moved: each half of the work
            progress(len(rows), total, "write")

    with store.transaction(
        actor,
        f"import.{preview.kind}",
        details=details,
        operation_id=preview.operation_id,
        long_running=True,
        prepare=stage if rows and store.dialect == "sqlite" else None,
    ) as s:
        watch.check(s, checked)
        ctx = s.info[journal.TXN_KEY]
        unit_ids = create_units(s, preview)
        if staged:
            done = len(rows)
        if preview.kind == "units":
            done = insert_units(s, preview, new, progress, cancel)
        elif staged:
            for i in unit_cols:  # rows naming a unit this import has just created
                journal.update_staged(s, staged[0], names[i], unit_ids)
            for start in range(0, len(rows), BATCH):
                cancel.check()
                journal.insert_staged(s, staged[0], start, start + BATCH)
                done += min(BATCH, len(rows) - start)
                progress(done, total, "write")
        else:
            for start in range(0, len(rows), BATCH):
                cancel.check()
                batch = rows[start : start + BATCH]
                if unit_ids:
                    batch = [with_new_units(v, unit_cols, unit_ids) for v in batch]
                journal.insert_values(s, model, names, batch)
                done += len(batch)
                progress(done, total, "write")
        updates: list[tuple[int, dict[str, tuple[Any, Any]]]] = []
        codes: dict[str, int] = {}
        if preview.kind == "units":
            codes = {
                r[0]: r[1]
                for r in s.execute(
                    select(Unit.code, Unit.id).where(Unit.operation_id == preview.operation_id)
                )
            }
        for r in changed:
            assert r.changes is not None and r.db_id is not None
            changes = dict(r.changes)
            for col, (old, newv) in list(changes.items()):
                if isinstance(newv, int) and newv < 0 and col.endswith("unit_id"):
                    changes[col] = (old, unit_ids[newv])
                if col == "parent_id":
                    changes[col] = (codes.get(old) if old else None, codes.get(newv))
            updates.append((r.db_id, changes))
        for start in range(0, len(updates), BATCH):
            cancel.check()
            update_rows(s, ctx, model, preview.operation_id, updates[start : start + BATCH])
            done += len(updates[start : start + BATCH])
            progress(done, total, "write")
        cancel.check()
        txn_id = ctx.txn_id
    return Outcome(txn_id, dict(preview.counts))
