"""The import history: the imports the journal holds (``imports``), and reverting a whole
import later by its journal transaction id (``revert``), journaled as its own transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select

from opscenter import journal, operations
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
from opscenter.progress import Progress, no_progress
from opscenter.roster.errors import RosterError
from opscenter.roster.row_updates import JOURNALED, table_of, update_rows
from opscenter.store import Store


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
    timezone: str  # the operation's (WIB, WITA, WIT): ``at`` is shown on its clocks


def imports(store: Store, operation_id: int | None = None) -> list[ImportRecord]:
    """Imports, newest first, each marked when it has been reverted."""
    with store.read() as s:
        stmt = select(JournalTxn).where(JournalTxn.action.like("import.%"))
        if operation_id is not None:
            stmt = stmt.where(JournalTxn.operation_id == operation_id)
        txns = list(s.scalars(stmt.order_by(JournalTxn.id.desc())))
        zones = {op: operations.timezone_of(s, op) for op in {t.operation_id for t in txns}}
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
            timezone=zones[t.operation_id],
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
            update_rows(s, ctx, model, e.operation_id or 0, [(e.entity_id, back)])
        order = [
            "tps_watch", "guard_assignment", "incident", "sarpras_stock", "personnel",
            "polling_station", "unit",
        ]  # fmt: skip
        inserted = [e for e in entries if e.action == "insert"]
        for entity in order:
            rows = [e for e in inserted if e.entity == entity]
            if not rows:
                continue
            table = table_of(tables[entity])
            # Newest first, so units created under units of the same import go first.
            ids = [e.entity_id for e in rows]
            for start in range(0, len(ids), 900):
                chunk = ids[start : start + 900]
                posts.release(s, entity, chunk)
                s.connection().execute(
                    delete(table).where(table.c.id.in_(chunk)).execution_options(**JOURNALED)
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
    if isinstance(value, str) and isinstance(table_of(model).c[column].type, UtcDateTime):
        return datetime.fromisoformat(value)
    return value
