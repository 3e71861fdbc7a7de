"""What a window shows while one of its writes is on the write thread.

Every GUI write runs through ``ui.worker.start_write`` (one background thread, Picard's
pattern). ``PendingWrite`` is the one piece each window uses around it: while a write is
pending, the button that asked for it is disabled and says "Menyimpan…", an optional note
says so too; then the button comes back, and the result (``on_saved``) or the refusal
(``on_refused``, a typed ``OpsError``) is handed to the window on the GUI thread.

The job is a plain function that opens its own session: plain values in, plain values out;
no ORM object crosses threads. The ``PendingWrite`` is a child of its window, and so is the
job's handle: a window deleted while its write is pending is simply not told (the write
itself still ends, and the change feed tells every window that shows it).

``SavedCommand`` puts a write already saved on an undo history (its first redo is the
save itself); ``WriteCommand`` is one whose undo and redo are writes on the same queue.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from opscenter.errors import OpsError
from opscenter.progress import CancelToken, Progress
from ui.translations import translator
from ui.worker import JobHandle, start_write

log = logging.getLogger(__name__)


_tr = translator("PendingWrite")


def saving_text() -> str:
    return _tr("Menyimpan\u2026")


class PendingWrite(QObject):
    """The writes of one window. ``write_done`` says how each ended: saved (True) or
    refused (False); ``busy`` is true while any is pending."""

    write_done = Signal(bool)

    def __init__(self, window: QWidget, *, note: QLabel | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._note = note
        self.pending = 0

    @property
    def busy(self) -> bool:
        return self.pending > 0

    def submit(
        self,
        write: Callable[[], Any],
        *,
        on_saved: Callable[[Any], None] | None = None,
        on_refused: Callable[[OpsError], None] | None = None,
        button: QAbstractButton | None = None,
    ) -> JobHandle:
        """Run ``write()`` on the write thread. ``button`` is disabled and reads "Menyimpan…"
        until the write ends. An error that is not an ``OpsError`` is a bug: it goes to the
        application's crash dialog (``sys.excepthook``) after the button is back."""
        self.pending += 1
        label = button.text() if button is not None else ""
        if button is not None:
            button.setEnabled(False)
            button.setText(saving_text())
        if self._note is not None:
            self._note.setText(saving_text())
            self._note.show()

        def ended() -> None:
            self.pending -= 1
            if button is not None:
                button.setText(label)
                button.setEnabled(True)
            if self._note is not None and not self.busy:
                self._note.clear()
                self._note.hide()

        def succeeded(result: object) -> None:
            ended()
            if on_saved is not None:
                on_saved(result)
            self.write_done.emit(True)

        def failed(error: BaseException) -> None:
            ended()
            if not isinstance(error, OpsError):
                self.write_done.emit(False)
                raise error
            if on_refused is not None:
                on_refused(error)
            self.write_done.emit(False)

        def job(_progress: Progress, _cancel: CancelToken) -> object:
            return write()

        return start_write(job, parent=self._window, on_success=succeeded, on_failure=failed)

    def then_close(self, close: Callable[[], object]) -> None:
        """Call ``close`` once every pending write has been saved; a refusal cancels it (the
        window keeps what was typed and says why)."""
        if not self.busy:
            close()
            return

        def ended(saved: bool) -> None:
            if saved and self.busy:
                return
            self.write_done.disconnect(ended)
            if saved:
                close()

        self.write_done.connect(ended)


class SavedCommand(QUndoCommand):
    """A write already saved, pushed onto an undo history. Qt calls ``redo`` when the command
    is pushed: that first call does nothing, because the write was saved first (to show a
    refusal without touching the history); every later redo, and every undo, is ``step``."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._pushed = True

    def redo(self) -> None:
        if self._pushed:
            self._pushed = False
            return
        self.step(redone=True)

    def undo(self) -> None:
        self.step(redone=False)

    def step(self, *, redone: bool) -> None:
        """Do the write again (``redone``) or take it back, on the write thread."""
        raise NotImplementedError


class WriteCommand(SavedCommand):
    """A ``SavedCommand`` of two plain writes: ``backward`` undoes it and ``forward`` does it
    again, each a core write (a plain function) on the write queue ``writes``.
    ``after(redone)`` follows each step saved; a refusal (someone changed the row meanwhile)
    is said through ``report`` and, with ``drop_refused``, takes the step off the history.
    """

    def __init__(
        self,
        text: str,
        writes: PendingWrite,
        forward: Callable[[], object],
        backward: Callable[[], object],
        report: Callable[[OpsError], None],
        *,
        after: Callable[[bool], None] | None = None,
        drop_refused: bool = False,
    ) -> None:
        super().__init__(text)
        self.writes = writes
        self.forward, self.backward, self.report = forward, backward, report
        self.after = after
        self.drop_refused = drop_refused

    def step(self, *, redone: bool) -> None:
        after = self.after

        def saved(_result: object) -> None:
            if after is not None:
                after(redone)

        def refused(error: OpsError) -> None:
            log.info("undo step %r refused: %r", self.text(), error)
            if self.drop_refused:
                self.setObsolete(True)
            self.report(error)

        self.writes.submit(
            self.forward if redone else self.backward, on_saved=saved, on_refused=refused
        )
