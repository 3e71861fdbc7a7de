"""The journal, followed on the GUI thread: what changed, from this process or any other.

Two things prompt a look at the journal: a commit through this process's store (its change
feed) and, every ``POLL_MS``, SQLite's ``data_version`` moving because another process
committed (on PostgreSQL the poll reads the journal head until LISTEN/NOTIFY replaces it).
Prompts within ``COALESCE_MS`` become one read, and the read returns everything after the
cursor: a burst becomes one ``JournalChanges``; nothing is missed or seen twice.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from opscenter.live import JournalChanges, JournalFollower
from opscenter.store import Store

# An import commits in many transactions; a view redrawn more often than this only flickers.
COALESCE_MS = 200
# Another workstation's change shows within POLL_MS + COALESCE_MS (under the 1 s promised).
POLL_MS = 500


class ChangeFeed(QObject):
    """Emits ``changed`` (a ``JournalChanges``) on the GUI thread, at most once per interval."""

    changed = Signal(object)
    _nudged = Signal()  # from any thread: a commit went through this process's store

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
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._flush)
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self._look_outside)
        self._poll.start()
        # Queued even from the GUI thread: never run view code inside a committing call.
        self._nudged.connect(self._schedule, Qt.ConnectionType.QueuedConnection)
        nudge = self._nudged.emit
        unsubscribe = store.subscribe(lambda _change: nudge())
        self._unsubscribe = unsubscribe
        # Captures the function, not self: it must still work while this object is dying.
        self.destroyed.connect(lambda *_: unsubscribe())

    @property
    def cursor(self) -> int:
        return self._follower.cursor

    def stop(self) -> None:
        self._unsubscribe()
        self._timer.stop()
        self._poll.stop()

    def _look_outside(self) -> None:
        if self._follower.outside_change_possible():
            self._schedule()

    def _schedule(self) -> None:
        # A throttle, not a debounce: a steady stream of commits still shows every interval.
        if not self._timer.isActive():
            self._timer.start()

    def _flush(self) -> None:
        changes: JournalChanges | None = self._follower.poll()
        if changes is not None:
            self.changed.emit(changes)
