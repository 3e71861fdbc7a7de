"""The store's change feed on the GUI thread, with bursts coalesced."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from opscenter.store import ChangeSet, Store

# An import commits in many transactions; a view redrawn more often than this only flickers.
COALESCE_MS = 200


class ChangeFeed(QObject):
    """Emits ``changed`` on the GUI thread at most once per ``COALESCE_MS`` after commits.

    The store calls back on whichever thread committed; the queued signal carries the
    change set over to this object's thread before any Qt object is touched.
    """

    changed = Signal(list)  # list[ChangeSet], oldest first
    _arrived = Signal(object)  # one ChangeSet, from any thread

    def __init__(
        self, store: Store, parent: QObject | None = None, *, interval_ms: int = COALESCE_MS
    ) -> None:
        super().__init__(parent)
        self._pending: list[ChangeSet] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._flush)
        # Queued even from the GUI thread: never run view code inside a committing call.
        self._arrived.connect(self._collect, Qt.ConnectionType.QueuedConnection)
        unsubscribe = store.subscribe(self._arrived.emit)
        self._unsubscribe = unsubscribe
        # Captures the function, not self: it must still work while this object is dying.
        self.destroyed.connect(lambda *_: unsubscribe())

    def stop(self) -> None:
        self._unsubscribe()
        self._timer.stop()
        self._pending.clear()

    def _collect(self, change: ChangeSet) -> None:
        self._pending.append(change)
        # A throttle, not a debounce: a steady stream of commits still shows every 200 ms.
        if not self._timer.isActive():
            self._timer.start()

    def _flush(self) -> None:
        batch, self._pending = self._pending, []
        if batch:
            self.changed.emit(batch)
