"""The one way to run long work off the GUI thread (STYLE.md, habit 3).

A job is a plain core function ``job(progress, cancel) -> result`` (``opscenter.progress``).
``start_job`` runs it in Qt's thread pool and reports back on the GUI thread through
signals; a progress dialog appears only if the job takes longer than about half a second.
Results are plain data; the job never touches a widget.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from opscenter.progress import Cancelled, CancelToken, Job

log = logging.getLogger(__name__)
SHOW_AFTER_MS = 500
# Running jobs keep their handle alive here, so callers need not hold on to it.
_RUNNING: set[JobHandle] = set()


def _tr(text: str) -> str:
    return QCoreApplication.translate("Worker", text)


def stage_text(code: str) -> str:
    """What the progress dialog calls a stage the core reports by its code
    (``opscenter.progress.STAGES``)."""
    titles = {
        "read": _tr("Membaca berkas\u2026"),
        "check": _tr("Memeriksa baris\u2026"),
        "write": _tr("Menyimpan ke basis data\u2026"),
        "done": _tr("Selesai"),
    }
    return titles.get(code, code)


class JobSignals(QObject):
    """Emitted from the worker thread; delivered queued to receivers on the GUI thread."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(self, job: Job[Any], signals: JobSignals, cancel: CancelToken) -> None:
        super().__init__()
        self._job, self._signals, self._cancel = job, signals, cancel
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._job(self._signals.progressed.emit, self._cancel)
        except Cancelled:
            self._signals.cancelled.emit()
        except Exception as exc:  # reported to the GUI thread, which shows one sentence
            log.exception("background job failed")
            self._signals.failed.emit(exc)
        else:
            self._signals.succeeded.emit(result)


class JobHandle(QObject):
    """A running job: its signals, its cancel token, and (optionally) its dialog.

    The caller's callbacks run through this object's own slots, so a job that ends after
    its parent widget was deleted reports to nobody (Qt drops the connection with the
    handle) instead of calling into a deleted widget.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # No Qt parent: the runnable holds these too, so they live until the job has ended.
        self.signals = JobSignals()
        self.cancel = CancelToken()
        self.dialog: QProgressDialog | None = None
        self.done = False
        self.on_success: Callable[[Any], None] | None = None
        self.on_failure: Callable[[BaseException], None] | None = None
        self.on_cancel: Callable[[], None] | None = None
        queued = Qt.ConnectionType.QueuedConnection
        self.signals.succeeded.connect(self._succeeded, queued)
        self.signals.failed.connect(self._failed, queued)
        self.signals.cancelled.connect(self._cancelled, queued)

    def _succeeded(self, result: object) -> None:
        self._finish()
        if self.on_success is not None:
            self.on_success(result)

    def _failed(self, error: BaseException) -> None:
        self._finish()
        if self.on_failure is not None:
            self.on_failure(error)

    def _cancelled(self) -> None:
        self._finish()
        if self.on_cancel is not None:
            self.on_cancel()

    def _finish(self) -> None:
        self.done = True
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.hide()
        _RUNNING.discard(self)


def start_job(
    job: Job[Any],
    *,
    parent: QWidget | None = None,
    title: str | None = None,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    on_cancel: Callable[[], None] | None = None,
    pool: QThreadPool | None = None,
) -> JobHandle:
    """Run ``job`` in the background; with ``title``, show a progress dialog after ~0.5 s."""
    handle = JobHandle(parent)
    sig = handle.signals
    handle.on_success, handle.on_failure, handle.on_cancel = on_success, on_failure, on_cancel
    if title is not None:
        dialog = QProgressDialog(title, _tr("Batal"), 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(SHOW_AFTER_MS)  # quick jobs never flash a dialog
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        token = handle.cancel
        dialog.canceled.connect(lambda: token.cancel())

        def show_progress(done: int, total: int, text: str) -> None:
            if handle.done:
                return
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total > 0 else 0)
            if text:
                dialog.setLabelText(stage_text(text))

        sig.progressed.connect(show_progress, Qt.ConnectionType.QueuedConnection)
        handle.dialog = dialog
    _RUNNING.add(handle)
    (pool or QThreadPool.globalInstance()).start(_Runnable(job, sig, handle.cancel))
    return handle


# --- writes -----------------------------------------------------------------------------------

_WRITE_POOL = "opscenterWrites"


def write_pool() -> QThreadPool:
    """The one thread every GUI write of this process runs on (Picard's pattern).

    A pool of one thread: writes leave the GUI thread, so a window never freezes while the
    database waits for another workstation, and they still run one at a time, in the order
    they were made (an undo never overtakes the change it undoes). The pool belongs to the
    application, which waits for a running write when it quits.
    """
    app = QApplication.instance()
    assert app is not None, "writes need a running application"
    pool = app.findChild(QThreadPool, _WRITE_POOL)
    if pool is None:
        pool = QThreadPool(app)
        pool.setObjectName(_WRITE_POOL)
        pool.setMaxThreadCount(1)
    return pool


def start_write(
    job: Job[Any],
    *,
    parent: QWidget | None,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
) -> JobHandle:
    """Run a write (a core service call returning plain data) on the write thread; the
    callbacks run on the GUI thread, and not at all once ``parent`` is gone."""
    return start_job(
        job, parent=parent, on_success=on_success, on_failure=on_failure, pool=write_pool()
    )
