"""Committing a preview: one transaction, all or nothing, journaled as one import; and
reverting a whole import later by its journal transaction id.

New rows go in through ``journal.insert_values``. Changed rows are written by a bulk UPDATE
that journals each row itself (``_update_rows``), since building ORM objects for 100,000
rows would dominate the time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, select, update
from sqlalchemy.orm import Session

from opscenter import journal
from opscenter.actor import Actor
from opscenter.model import (
    FollowUp,
    GuardAssignment,
    Incident,
    IncidentUnit,
    JournalCommit,
    JournalEntry,
    JournalTxn,
    Personnel,
    PollingStation,
    SarprasStock,
    TpsWatch,
    Unit,
)
from opscenter.model.base import UtcDateTime
from opscenter.permissions import require
from opscenter.plotting import posts
from opscenter.progress import CancelToken, Progress, no_progress
from opscenter.roster.errors import RosterError
from opscenter.roster.preview import MODELS, Preview
from opscenter.store import Store

BATCH = 5_000
_JOURNALED = {"opscenter_journaled": True}


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


def _table(model: type[Any]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


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
    watch = _Watch.of(preview, new, changed)
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
        unit_ids = _create_units(s, preview)
        if staged:
            done = len(rows)
        if preview.kind == "units":
            done = _insert_units(s, preview, new, progress, cancel)
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
                    batch = [_with_new_units(v, unit_cols, unit_ids) for v in batch]
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
            _update_rows(s, ctx, model, preview.operation_id, updates[start : start + BATCH])
            done += len(updates[start : start + BATCH])
            progress(done, total, "write")
        cancel.check()
        txn_id = ctx.txn_id
    return Outcome(txn_id, dict(preview.counts))


# How many rows a refusal names; the rest are counted.
_NAMED_ROWS = 5


@dataclass(frozen=True, slots=True)
class _Watch:
    """The rows an import writes, as the preview read them: stored rows it changes (by id)
    and the keys of the rows it adds. A journal entry since the preview that touches one of
    them makes the preview stale; any other write does not."""

    preview: Preview
    key: list[int]  # positions of the key columns in a row's values
    changed: dict[int, tuple[Any, ...] | None]  # stored row id -> the file's values
    new: list[tuple[Any, ...]]  # the file's new rows (not copied: a million may come)

    @staticmethod
    def of(preview: Preview, new: list[tuple[Any, ...]], changed: list[Any]) -> _Watch:
        spec = preview.spec
        return _Watch(
            preview=preview,
            key=[spec.columns.index(k) for k in spec.key],
            changed={r.db_id: r.values for r in changed},
            new=new,
        )

    def _key_of(self, values: tuple[Any, ...]) -> Any:
        k = self.key
        return values[k[0]] if len(k) == 1 else tuple(values[i] for i in k)

    def check(self, s: Session, since: int) -> None:
        """Refuse, naming the rows, when a transaction committed after ``since`` (a
        ``journal.head``) touched one."""
        hits: dict[str, None] = {}
        keys: set[Any] = set()  # keys others stored meanwhile: do new rows of the file use one?
        entries = s.execute(
            select(JournalEntry.entity_id, JournalEntry.action, JournalEntry.changes).where(
                JournalEntry.txn_id.in_(journal.committed_after(since)),
                JournalEntry.entity == _table(MODELS[self.preview.kind]).name,
            )
        )
        for entity_id, action, changes in entries:
            if entity_id in self.changed:
                hits[_row_name(self.preview, self.changed[entity_id])] = None
            elif action != "delete":
                key = self._stored_key(action, changes or {})
                if key is not None:
                    keys.add(key)
        if keys:
            for values in self.new:
                if self._key_of(values) in keys:
                    hits[_row_name(self.preview, values)] = None
        if hits:
            names = list(hits)
            shown = ", ".join(names[:_NAMED_ROWS])
            if len(names) > _NAMED_ROWS:
                shown += ", \u2026"
            raise RosterError("stale_rows", file=self.preview.file, count=len(names), rows=shown)

    def _stored_key(self, action: str, changes: dict[str, Any]) -> Any:
        """The key a journaled insert or update left its row with (None: key unchanged)."""
        parts = []
        for col in self.preview.spec.key:
            value = changes.get(col)
            if action == "update":
                if not isinstance(value, list):
                    return None  # the key did not change: an existing row, not a new key
                value = value[1]
            parts.append(value)
        return parts[0] if len(parts) == 1 else tuple(parts)


def _row_name(preview: Preview, values: tuple[Any, ...] | None) -> str:
    """A row as a person finds it in the file: NRP and name, TPS number and village, code."""
    if values is None:
        return "?"
    if preview.kind == "personnel":
        return f"{values[0]} {values[2]}"
    if preview.kind == "tps":
        return f"TPS {values[1]} {preview.label('region_id', values[0])}"
    return f"{values[0]} {values[1]}"


def _with_new_units(
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


def _create_units(s: Session, preview: Preview) -> dict[int, int]:
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


def _insert_units(
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


def _update_rows(
    s: Session,
    ctx: journal.TxnContext,
    model: type[Any],
    operation_id: int,
    updates: Sequence[tuple[int, dict[str, tuple[Any, Any]]]],
) -> None:
    """Bulk UPDATE by id (bumping the version, so open editors see a stale edit) and one
    journal row per changed row, in this transaction."""
    table = _table(model)
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
            .execution_options(**_JOURNALED)
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


# --- revert --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImportRecord:
    """One import as the journal holds it (plain data, for lists of imports)."""

    txn_id: int
    at: datetime
    actor: str
    kind: str
    file: str
    sha256: str
    counts: dict[str, int]
    reverted: bool


def imports(store: Store, operation_id: int | None = None) -> list[ImportRecord]:
    """Imports, newest first, each marked when it has been reverted."""
    with store.read() as s:
        stmt = select(JournalTxn).where(JournalTxn.action.like("import.%"))
        if operation_id is not None:
            stmt = stmt.where(JournalTxn.operation_id == operation_id)
        txns = list(s.scalars(stmt.order_by(JournalTxn.id.desc())))
    reverted = {(t.details or {}).get("reverted_txn") for t in txns if t.action == "import.revert"}
    return [
        ImportRecord(
            txn_id=t.id,
            at=t.at,
            actor=t.actor,
            kind=t.action.removeprefix("import."),
            file=str((t.details or {}).get("file") or ""),
            sha256=str((t.details or {}).get("sha256") or ""),
            counts=dict((t.details or {}).get("counts") or {}),
            reverted=t.id in reverted,
        )
        for t in txns
        if t.action != "import.revert"
    ]


def revert(store: Store, actor: Actor, txn_id: int, progress: Progress = no_progress) -> int | None:
    """Undo a whole import: delete the rows it inserted and restore the fields it changed.

    Journaled as its own transaction ("import.revert"); refused when a row of the import
    was changed afterwards (``revert_conflict``) or when it was already reverted.
    Returns the revert's journal transaction id.
    """
    require(actor, "import.run")
    with store.read() as s:
        txn = s.get(JournalTxn, txn_id)
        if txn is None or not txn.action.startswith("import.") or txn.action == "import.revert":
            raise RosterError("not_an_import", txn=txn_id)
        done_before = [
            t
            for t in s.scalars(select(JournalTxn).where(JournalTxn.action == "import.revert"))
            if (t.details or {}).get("reverted_txn") == txn_id
        ]
        if done_before:
            raise RosterError("already_reverted", txn=txn_id)
        details = dict(txn.details or {})
        operation_id = txn.operation_id
    with store.transaction(
        actor,
        "import.revert",
        details={"reverted_txn": txn_id, "file": details.get("file"),
                 "sha256": details.get("sha256")},
        operation_id=operation_id,
        long_running=True,
    ) as s:  # fmt: skip
        entries = list(
            s.scalars(
                select(JournalEntry).where(JournalEntry.txn_id == txn_id).order_by(
                    JournalEntry.seq.desc())
            )
        )  # fmt: skip
        if not entries:
            return None
        # Changes committed after the import's (journal.committed_after).
        committed = s.scalar(select(JournalCommit.seq).where(JournalCommit.txn_id == txn_id))
        later_txns = journal.committed_after(committed or 0)
        touched = {(e.entity, e.entity_id) for e in entries}
        by_entity: dict[str, list[int]] = {}
        for entity, entity_id in touched:
            by_entity.setdefault(entity, []).append(entity_id)
        for entity, ids in by_entity.items():
            for start in range(0, len(ids), 900):
                later = s.execute(
                    select(JournalEntry.entity_id)
                    .where(
                        JournalEntry.txn_id.in_(later_txns),
                        JournalEntry.entity == entity,
                        JournalEntry.entity_id.in_(ids[start : start + 900]),
                    )
                    .limit(1)
                ).first()
                if later is not None:
                    raise RosterError("revert_conflict", txn=txn_id, entity=entity, id=later[0])
        # An incident the import logged may have gained a follow-up or a responding unit
        # since (rows of their own tables): taking it away would take those with it.
        logged = [e.entity_id for e in entries if e.entity == "incident" and e.action == "insert"]
        for start in range(0, len(logged), 900):
            chunk = logged[start : start + 900]
            for child in (FollowUp, IncidentUnit):
                used = s.execute(
                    select(child.incident_id).where(child.incident_id.in_(chunk)).limit(1)
                ).first()
                if used is not None:
                    raise RosterError("revert_conflict", txn=txn_id, entity="incident", id=used[0])
        ctx = s.info[journal.TXN_KEY]
        tables = {
            m.__tablename__: m
            for m in (
                TpsWatch,
                GuardAssignment,
                Incident,
                SarprasStock,
                Personnel,
                PollingStation,
                Unit,
            )
        }
        # Updates first (restore before values), then deletes, children before parents.
        for e in entries:
            if e.action != "update":
                continue
            model = tables[e.entity]
            back = {c: (v[1], _stored(model, c, v[0])) for c, v in e.changes.items()}
            _update_rows(s, ctx, model, e.operation_id or 0, [(e.entity_id, back)])
        order = [
            "tps_watch", "guard_assignment", "incident", "sarpras_stock", "personnel",
            "polling_station", "unit",
        ]  # fmt: skip
        inserted = [e for e in entries if e.action == "insert"]
        for entity in order:
            rows = [e for e in inserted if e.entity == entity]
            if not rows:
                continue
            table = _table(tables[entity])
            # Newest first, so units created under units of the same import go first.
            ids = [e.entity_id for e in rows]
            for start in range(0, len(ids), 900):
                chunk = ids[start : start + 900]
                posts.release(s, entity, chunk)
                s.connection().execute(
                    delete(table).where(table.c.id.in_(chunk)).execution_options(**_JOURNALED)
                )
            journal.append(
                s,
                ctx,
                [(entity, e.entity_id, "delete", dict(e.changes), e.operation_id) for e in rows],
            )
        progress(1, 1, "done")
        revert_id: int | None = ctx.txn_id
        return revert_id


def _stored(model: type[Any], column: str, value: Any) -> Any:
    """A journaled value as its column takes it back: times are journaled as ISO text
    (``journal.plain``), an incident's time among them."""
    if isinstance(value, str) and isinstance(_table(model).c[column].type, UtcDateTime):
        return datetime.fromisoformat(value)
    return value
