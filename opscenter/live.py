"""Following the journal: what changed since a client last looked (ARCHITECTURE.md, Live).

Every client keeps the number of the last commit it has seen (``journal_commit.seq``,
commit order). Something tells it when to look again (in this process, the store's change
feed; another process on SQLite, a changed ``PRAGMA data_version``; on PostgreSQL, NOTIFY);
it then reads the journal rows of the transactions committed after its cursor. The
journal, not the notification, carries the truth: a missed or coalesced notification loses
nothing, and a burst becomes one change set.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import Row, bindparam, case, null, select, type_coerce
from sqlalchemy.orm import Session

from opscenter import journal
from opscenter.model import JournalCommit, JournalEntry
from opscenter.replication import Replication, replication
from opscenter.store import PG_LIVENESS, Store, libpq_params

log = logging.getLogger(__name__)
# A burst larger than this is read in several steps; the client still sees all of it.
BATCH = 5_000


# Transactions committed after the cursor, in commit order, with their journal rows' count.
_COMMITS_AFTER = (
    select(JournalCommit.seq, JournalCommit.txn_id, JournalCommit.rows)
    .where(JournalCommit.seq > bindparam("cursor"))
    .order_by(JournalCommit.seq)
    .limit(BATCH)
)
# The columns a follower needs, not journal entries as ORM objects (a burst of a thousand
# rows is read on the GUI thread); built once, so SQLAlchemy's statement cache finds it
# without working out its key again at every look.
_COLUMNS = (
    JournalEntry.seq,
    JournalEntry.entity,
    JournalEntry.entity_id,
    JournalEntry.action,
    # Only an update's fields are wanted: an import's 100,000 inserts are not parsed
    # (1.4 s on the GUI thread of every workstation otherwise).
    type_coerce(
        case((JournalEntry.action == "update", JournalEntry.changes), else_=null()),
        JournalEntry.changes.type,
    ),
)
# The rows of several small transactions at once ...
_ROWS_OF = select(*_COLUMNS).where(JournalEntry.txn_id.in_(bindparam("txns", expanding=True)))
# ... and of a large one a page at a time, in the order written (ix_journal_txn_id_seq).
_PAGE_OF = (
    select(*_COLUMNS)
    .where(JournalEntry.txn_id == bindparam("txn"), JournalEntry.seq > bindparam("after"))
    .order_by(JournalEntry.seq)
    .limit(BATCH)
)
_ENTITY, _ENTITY_ID, _CHANGES = itemgetter(1), itemgetter(2), itemgetter(4)
# In ``JournalChanges.fields``: a row inserted or deleted, not just some fields changed.
WHOLE_ROW = "*"


@dataclass(frozen=True, slots=True)
class JournalChanges:
    """Rows changed between two cursors, by entity: ``{"unit": {3, 7}, "incident": {12}}``."""

    # The cursors before and after (``journal_commit.seq``: the first and last transaction).
    first_seq: int
    last_seq: int
    rows: dict[str, frozenset[int]]
    # Per entity, the fields its rows' updates touched (``WHOLE_ROW`` for an insert or a
    # delete); an entity missing here may have changed in any way.
    fields: dict[str, frozenset[str]] = field(default_factory=dict)

    def ids(self, entity: str) -> frozenset[int]:
        return self.rows.get(entity, frozenset())

    def __contains__(self, entity: object) -> bool:
        return entity in self.rows

    def __or__(self, later: JournalChanges) -> JournalChanges:
        """This change set and a ``later`` one as one (a hidden view's waiting changes).

        An entity whose fields one side does not name may have changed in any way: the
        merged set does not name its fields either."""
        rows = dict(self.rows)
        for entity, ids in later.rows.items():
            rows[entity] = rows[entity] | ids if entity in rows else ids
        fields = {
            entity: self.fields.get(entity, frozenset()) | later.fields.get(entity, frozenset())
            for entity in rows
            if (entity in self.fields or entity not in self.rows)
            and (entity in later.fields or entity not in later.rows)
        }
        return JournalChanges(
            min(self.first_seq, later.first_seq), max(self.last_seq, later.last_seq), rows, fields
        )

    def without(self, entity: str, ids: frozenset[int]) -> JournalChanges:
        """This change set less some rows of ``entity`` (already read by the view)."""
        left = self.ids(entity) - ids
        rows = {e: r for e, r in self.rows.items() if e != entity}
        fields = {e: f for e, f in self.fields.items() if e != entity}
        if left:
            rows[entity] = left
            if entity in self.fields:
                fields[entity] = self.fields[entity]
        return JournalChanges(self.first_seq, self.last_seq, rows, fields)


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
        """Everything journaled by the transactions committed after the cursor, merged;
        None when nothing was."""
        rows: dict[str, set[int]] = {}
        fields: dict[str, set[str]] = {}
        cursor = self.cursor
        first = cursor + 1
        # The cursor moves only once the read has ended well: a connection lost before the
        # end (a failover) raises, and the next poll reads the same commits again.
        with self._store.read() as s:
            while True:
                found = s.execute(_COMMITS_AFTER, {"cursor": cursor})
                commits = [(int(c), int(t), int(n)) for c, t, n in found]
                for chunk in _chunks(commits):
                    if len(chunk) == 1 and chunk[0][2] > BATCH:
                        _read_pages(s, chunk[0][1], rows, fields)
                    else:
                        txns = [txn for _, txn, _ in chunk]
                        _take(s.execute(_ROWS_OF, {"txns": txns}).all(), rows, fields)
                    cursor = chunk[-1][0]
                if len(commits) < BATCH:
                    break
        self.cursor = cursor
        if not rows:
            return None
        return JournalChanges(
            first,
            self.cursor,
            {k: frozenset(v) for k, v in rows.items()},
            {k: frozenset(v) for k, v in fields.items()},
        )


def _chunks(commits: Sequence[tuple[int, int, int]]) -> Iterator[list[tuple[int, int, int]]]:
    """Consecutive commits of at most ``BATCH`` journal rows together (a larger one alone)."""
    chunk: list[tuple[int, int, int]] = []
    size = 0
    for commit in commits:
        if chunk and size + commit[2] > BATCH:
            yield chunk
            chunk, size = [], 0
        chunk.append(commit)
        size += commit[2]
    if chunk:
        yield chunk


def _read_pages(
    s: Session, txn: int, rows: dict[str, set[int]], fields: dict[str, set[str]]
) -> None:
    after = 0
    while True:
        page = s.execute(_PAGE_OF, {"txn": txn, "after": after}).all()
        _take(page, rows, fields)
        if len(page) < BATCH:
            return
        after = page[-1][0]


def _take(
    entries: Sequence[Row[Any]], rows: dict[str, set[int]], fields: dict[str, set[str]]
) -> None:
    """Add journal rows to the changed rows and fields by entity."""
    # A run of one entity (an import, a burst) is taken in whole: per row only C-level work
    # (its id into a set), not a Python statement each.
    for entity, run in groupby(entries, key=_ENTITY):
        group = list(run)
        rows.setdefault(entity, set()).update(map(_ENTITY_ID, group))
        names = fields.setdefault(entity, set())
        updated = [c for c in map(_CHANGES, group) if isinstance(c, dict)]
        for changed in updated:
            names.update(changed)
        if len(updated) < len(group):  # an insert or a delete among them
            names.add(WHOLE_ROW)


class PgListener:
    """Follows the journal on PostgreSQL, in a thread of its own.

    On the primary it LISTENs: the writer's NOTIFY (sent inside its transaction, so only on
    commit) prompts ``on_notify()``. A standby has no NOTIFY (and refuses LISTEN), so there
    it prompts every ``standby_poll_s`` and reports how far behind the standby is. Either way
    it reports the replication picture (``on_replication``) now and then, so a room can see
    whether a change is on two machines. The URL may name several hosts (libpq tries them in
    turn; ``target_session_attrs`` picks the primary or a standby).

    When the server goes away it calls ``on_state(False)``, retries with a growing pause, and
    on success calls ``on_state(True)`` and ``on_notify()`` so the client catches up from its
    cursor (after a failover, on the promoted standby). A standby that is promoted while
    followed is followed on as a primary. Callbacks run on the listener's thread: a GUI must
    marshal them (ui/live.py does).
    """

    def __init__(
        self,
        store: Store,
        on_notify: Callable[[], None],
        on_state: Callable[[bool], None],
        *,
        on_replication: Callable[[Replication], None] | None = None,
        retry_max_s: float = 5.0,
        standby_poll_s: float = 0.5,
        replication_every_s: float = 10.0,
    ) -> None:
        # The URL's own settings win; a dead machine is noticed in seconds (PG_LIVENESS).
        self._params = {**PG_LIVENESS, "connect_timeout": 3, **libpq_params(store.url)}
        self._on_notify = on_notify
        self._on_state = on_state
        self._on_replication = on_replication or (lambda _r: None)
        self._retry_max_s = retry_max_s
        self._standby_poll_s = standby_poll_s
        self._replication_every_s = replication_every_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="opscenter-listen", daemon=True)
        self.connected = False
        self.listening = False  # LISTENing on a primary (a standby is polled)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 3.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        import psycopg  # only a PostgreSQL workstation pays for it (about 0.3 s at start)

        pause = 0.2
        while not self._stop.is_set():
            try:
                with psycopg.connect(**self._params, autocommit=True) as conn:
                    pause = 0.2
                    while not self._stop.is_set():  # again when a followed standby is promoted
                        picture = replication(conn)
                        self._on_replication(picture)
                        if picture.standby:
                            self._follow_standby(conn)
                        else:
                            self._listen(conn)
                            break
                    continue
            except psycopg.Error:
                log.info("journal listener lost the server; retrying in %.1f s", pause)
            except Exception:  # never die quietly: the board would stop following for good
                log.exception("journal listener failed; retrying in %.1f s", pause)
            self.listening = False
            self._set_state(False)
            self._stop.wait(pause)
            pause = min(pause * 2, self._retry_max_s)

    def _listen(self, conn: Any) -> None:
        conn.execute(f"LISTEN {journal.PG_CHANNEL}")
        self._set_state(True)
        self._on_notify()  # catch up on anything committed while we were away
        self.listening = True  # from now on each commit's NOTIFY prompts a look
        next_look = time.monotonic() + self._replication_every_s
        while not self._stop.is_set():
            # Wakes at least every 0.5 s to notice stop() and a dead connection.
            for _ in conn.notifies(timeout=0.5, stop_after=1000):
                self._on_notify()
            conn.execute("SELECT 1")
            if time.monotonic() >= next_look:
                self._on_replication(replication(conn))
                next_look = time.monotonic() + self._replication_every_s

    def _follow_standby(self, conn: Any) -> None:
        """Poll: a standby sends no NOTIFY. Returns when the standby has been promoted."""
        self._set_state(True)
        while not self._stop.is_set():
            picture = replication(conn)  # two small reads: cheap at every look
            if not picture.standby:
                return  # promoted: a primary now, followed by LISTEN
            self._on_replication(picture)
            self._on_notify()
            self._stop.wait(self._standby_poll_s)

    def _set_state(self, connected: bool) -> None:
        if connected != self.connected:
            self.connected = connected
            self._on_state(connected)
