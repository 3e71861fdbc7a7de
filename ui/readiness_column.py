"""The units board's readiness column: each judged unit's overall level (its worst aspect),
and the Polda's roll-up on its row.

The levels come from the readiness matrix (``opscenter.readiness.matrix.readiness``), read off
the GUI thread: when the board loads, and when a change set the board applies can move the
matrix (``ui.readiness_model.matters``: not a unit's status). The board's own
``LiveUpdates`` decides when that is (deferred while hidden, merged); reads do not overlap:
changes during one make one more read after it, and a read waits for the board's own figures
(both compute strength for every unit: at start the board paints first). Only the rows whose
level changed are repainted (``BoardRows.set_readiness``).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

from opscenter.errors import NoOperation
from opscenter.live import JournalChanges
from opscenter.operations import get_operation
from opscenter.progress import CancelToken, Progress
from opscenter.readiness.matrix import Readiness, readiness
from ui.readiness_model import matters
from ui.units_columns import Column
from ui.worker import start_job

if TYPE_CHECKING:
    from ui.units_board import UnitsBoard

log = logging.getLogger(__name__)


class ReadinessColumn(QObject):
    """Keeps ``board.rows`` supplied with readiness levels (see the module docstring)."""

    def __init__(self, board: UnitsBoard) -> None:
        super().__init__(board)
        self._board = board
        self._running = False
        self._again = False
        self.reads = 0  # reads landed (tests)
        # The last matrix read and the entities changed since: the next read keeps what they
        # do not move (``readiness(reuse=...)``); None: read everything.
        self._last: Readiness | None = None
        self._changed: set[str] = set()
        # The first read waits for the board's first paint: on the demo its figures land
        # before it, and a read then held the GIL through the paint (+0.4 s to board shown).
        self._painted = False
        board.tree_view.viewport().installEventFilter(self)
        board.flat_view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            QTimer.singleShot(0, self, self.figures_settled)  # after this paint
        return False

    def busy(self) -> bool:
        """A read running or waiting (for the figures or the first paint)."""
        return self._running or self._again

    def follow(self, changes: JournalChanges) -> None:
        """A change set the board applied: read again if it can move a level."""
        if matters(changes):
            self._changed.update(changes.rows)
            self.refresh()

    def hidden(self) -> bool:
        """The column is hidden in both of the board's views (the wall): nothing to read."""
        b = self._board
        section = b.rows.cells.layout.first(Column.READINESS)
        return b.tree_view.isColumnHidden(section) and b.flat_view.isColumnHidden(section)

    def refresh(self) -> None:
        if self.hidden():
            return
        if self._running or self._board._figures_running or not self._painted:
            # One heavy read at a time: the figures first (the board's own numbers, and at
            # start the board's first paint); this read follows them (``figures_settled``).
            self._again = True
            return
        self._running = True
        store, lang = self._board.store, self._board._lang
        base, changed = self._last, tuple(self._changed)
        self._changed.clear()

        def job(_progress: Progress, cancel: CancelToken) -> Readiness | None:
            with store.read() as s:
                try:
                    op = get_operation(s)
                except NoOperation:
                    return None
                cancel.check()
                return readiness(s, op.id, lang=lang, reuse=base, changed=changed)

        def landed(r: Readiness | None) -> None:
            self._last = r
            levels: dict[int, str | None] = {}
            if r is not None:
                levels = {u.unit_id: u.level for u in r.units}
                if r.polda_id is not None:  # the Polda's row: the roll-up, its worst aspect
                    levels[r.polda_id] = r.level
            self._board.rows.set_readiness(levels)
            self.reads += 1
            self._ended()

        def failed(error: BaseException) -> None:
            log.warning("readiness column not read: %s", error)  # the next change tries again
            self._last = None  # what that read missed is read in full next time
            self._ended()

        start_job(job, parent=self._board, on_success=landed, on_failure=failed)

    def figures_settled(self) -> None:
        """The board's figures landed (or failed), or it was first painted: a read that
        waited for them starts."""
        if self._again and not self._running:
            self._again = False
            self.refresh()

    def _ended(self) -> None:
        self._running = False
        if self._again:
            self._again = False
            self.refresh()
