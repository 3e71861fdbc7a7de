"""The journal, followed on the GUI thread: what changed, from this process or any other.

Three things prompt a look at the journal: a commit through this process's store (its
change feed); on SQLite, every ``POLL_MS``, ``data_version`` moving because another process
committed; on PostgreSQL, a NOTIFY from the writer's transaction (``PgListener``), with a
slow poll as a safety net. When the server cannot be reached the feed says so
(``connection_changed``) and keeps its cursor; on return it catches up from it.
Prompts within ``COALESCE_MS`` become one read, and the read returns everything after the
cursor: a burst becomes one ``JournalChanges``; nothing is missed or seen twice. Views take
``changed`` through ``ui.live_updates.LiveUpdates`` (deferred while hidden, never lost).
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from sqlalchemy.exc import DBAPIError

from opscenter.errors import OpsError
from opscenter.live import JournalChanges, JournalFollower, PgListener
from opscenter.replication import Replication
from opscenter.store import Store

log = logging.getLogger(__name__)

# Changes closer together than this are read as one (an import commits in many transactions).
# 50 ms keeps a command room's commit-to-screen p95 under 100 ms at 20 writes/s (measured by
# bench/live_sync.py), while a burst still costs at most 20 journal reads a second.
COALESCE_MS = 50
# Another workstation's change shows within POLL_MS + COALESCE_MS (under the 1 s promised).
POLL_MS = 500
# On PostgreSQL NOTIFY pushes; the poll only covers a notification lost with its connection.
PG_POLL_MS = 5_000


class ChangeFeed(QObject):
    """Emits ``changed`` (a ``JournalChanges``) on the GUI thread, at most once per interval."""

    changed = Signal(object)
    connection_changed = Signal(bool)  # False: the server is away and what is shown may be stale
    # PostgreSQL: the server's replication picture (``opscenter.replication.Replication``):
    # on a standby at every look (its lag), on a primary now and then. Emitted on the GUI
    # thread once ``replication`` holds it, so a view connected while the window is being
    # built misses none (the listener may report before the view exists).
    replication_changed = Signal(object)
    _replication = Signal(object)  # from the listener's thread
    _nudged = Signal()  # from any thread: a commit went through this process's store
    _state = Signal(bool)  # from the listener's thread

    def __init__(
        self,
        store: Store,
        parent: QObject | None = None,
        *,
        interval_ms: int = COALESCE_MS,
        poll_ms: int = POLL_MS,
    ) -> None:
        super().__init__(parent)
        self._follower = JournalFollower(store)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._interval_ms = interval_ms
        self._last_flush = 0.0
        self._timer.timeout.connect(self._flush)
        self.connected = True
        self.replication: Replication | None = None  # the newest picture (PostgreSQL)
        self._poll = QTimer(self)
        postgres = store.dialect == "postgresql"
        self._poll.setInterval(max(poll_ms, PG_POLL_MS) if postgres else poll_ms)
        self._poll.timeout.connect(self._look_outside)
        self._poll.start()
        # Queued even from the GUI thread: never run view code inside a committing call.
        self._nudged.connect(self._schedule, Qt.ConnectionType.QueuedConnection)
        nudge = self._nudged.emit
        unsubscribe = store.subscribe(lambda _change: nudge())
        self._unsubscribe = unsubscribe
        # Captures the function, not self: it must still work while this object is dying.
        self.destroyed.connect(lambda *_: unsubscribe())
        self._listener: PgListener | None = None
        if postgres:
            self._state.connect(self._set_connected, Qt.ConnectionType.QueuedConnection)
            self._replication.connect(self._keep_replication, Qt.ConnectionType.QueuedConnection)
            self._listener = PgListener(
                store, nudge, self._state.emit, on_replication=self._replication.emit
            )
            self._listener.start()
            self.destroyed.connect(lambda *_, listener=self._listener: listener.stop(0.1))

    @property
    def cursor(self) -> int:
        return self._follower.cursor

    def stop(self) -> None:
        self._unsubscribe()
        self._timer.stop()
        self._poll.stop()
        if self._listener is not None:
            self._listener.stop()

    def _keep_replication(self, picture: Replication) -> None:
        self.replication = picture
        self.replication_changed.emit(picture)

    def _set_connected(self, connected: bool) -> None:
        if connected != self.connected:
            self.connected = connected
            self.connection_changed.emit(connected)
        if connected:
            self._schedule()

    def _look_outside(self) -> None:
        try:
            if self._follower.outside_change_possible():
                self._schedule()
        except Exception:  # the database file vanished or the server went away
            log.debug("could not ask whether the database changed", exc_info=True)

    def _schedule(self) -> None:
        """Leading-edge throttle: a lone change is read at once; a burst at most once per
        interval (a steady stream of commits still shows every interval, never starves)."""
        if self._timer.isActive():
            return
        since = (time.monotonic() - self._last_flush) * 1000
        self._timer.start(max(0, int(self._interval_ms - since)))

    def _flush(self) -> None:
        self._last_flush = time.monotonic()
        try:
            changes: JournalChanges | None = self._follower.poll()
        except (OpsError, DBAPIError):
            # The cursor stays where it was: nothing is skipped when the server returns.
            log.info("journal read failed; the view is marked stale", exc_info=True)
            self._set_connected(False)
            return
        if not self.connected and self._listener is None:
            self._set_connected(True)
        if changes is not None:
            self.changed.emit(changes)
