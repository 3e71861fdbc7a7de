"""Following the journal: what changed since a client last looked (ARCHITECTURE.md, Live).

Every client keeps the last journal ``seq`` it has seen. Something tells it when to look
again (in this process, the store's change feed; another process on SQLite, a changed
``PRAGMA data_version``; on PostgreSQL, NOTIFY); it then reads the journal after its
cursor. The journal, not the notification, carries the truth: a missed or coalesced
notification loses nothing, and a burst becomes one change set.
"""

from __future__ import annotations

from dataclasses import dataclass

from opscenter import journal
from opscenter.store import Store

# A burst larger than this is read in several steps; the client still sees all of it.
BATCH = 5_000


@dataclass(frozen=True, slots=True)
class JournalChanges:
    """Rows changed between two cursors, by entity: ``{"unit": {3, 7}, "incident": {12}}``."""

    first_seq: int
    last_seq: int
    rows: dict[str, frozenset[int]]

    def ids(self, entity: str) -> frozenset[int]:
        return self.rows.get(entity, frozenset())

    def __contains__(self, entity: object) -> bool:
        return entity in self.rows


class JournalFollower:
    """Reads the journal after its cursor; cheap when nothing changed."""

    def __init__(self, store: Store, cursor: int | None = None) -> None:
        self._store = store
        if cursor is None:
            with store.read() as s:
                cursor = journal.head(s)
        self.cursor = cursor
        self._data_version = store.data_version()

    def outside_change_possible(self) -> bool:
        """SQLite: has any other connection committed since the last look? (One PRAGMA.)

        Always True on PostgreSQL, where NOTIFY, not polling, should prompt the look.
        """
        version = self._store.data_version()
        if version is None:
            return True
        changed = version != self._data_version
        self._data_version = version
        return changed

    def poll(self) -> JournalChanges | None:
        """Everything journaled after the cursor, merged; None when nothing was."""
        rows: dict[str, set[int]] = {}
        first = self.cursor + 1
        with self._store.read() as s:
            while True:
                entries = journal.entries_after(s, self.cursor, limit=BATCH)
                for e in entries:
                    rows.setdefault(e.entity, set()).add(e.entity_id)
                if entries:
                    self.cursor = entries[-1].seq
                if len(entries) < BATCH:
                    break
        if not rows:
            return None
        return JournalChanges(first, self.cursor, {k: frozenset(v) for k, v in rows.items()})
