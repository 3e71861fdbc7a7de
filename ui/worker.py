"""The one way to run long work off the GUI thread (STYLE.md, habit 3).

A job is a plain core function ``job(progress, cancel) -> result`` (``opscenter.progress``).
``start_job`` runs it in Qt's thread pool and reports back on the GUI thread through
signals; a progress dialog appears only if the job takes longer than about half a second,
wide enough for its title and for what each stage says. Results are plain data; the job
never touches a widget.
"""

from __future__ import annotations

import atexit
import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from opscenter.errors import log_failure
from opscenter.progress import STAGES, Cancelled, CancelToken, Job
from ui import screen_fit
from ui.translations import translator

log = logging.getLogger(__name__)
SHOW_AFTER_MS = 500
# What a window manager's title bar holds beside the title: the window's icon and its
# minimise, maximise and close buttons (each about as wide as the bar is high), and margins.
TITLE_BAR_ROOM = 4 * screen_fit.TITLE_BAR + 24
# How long the program, quitting, waits for background reads still running (milliseconds).
EXIT_WAIT_MS = 5_000
# Running jobs keep their handle alive here, so callers need not hold on to it, until the
# worker thread has let go of the job (``_Released``), not merely until the result arrived.
_RUNNING: dict[int, tuple[JobHandle, Job[Any]]] = {}
_next_key = itertools.count(1)
# While set (``hold_jobs``), the jobs started wait here, in order, for ``release_jobs``.
_held: list[Callable[[], None]] | None = None


_tr = translator("Worker")


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


def progress_width(dialog: QProgressDialog, title: str) -> int:
    """How wide a progress dialog titled ``title`` opens: its whole title in the window
    manager's title bar (bold, beside the icon and the bar's buttons; Qt sizes the dialog by
    its label and bar only, and the title was cut to "Meme… aris…"), and the text of every
    stage the job may report without the dialog changing width; no wider than the screen."""
    bold = QFont(dialog.font())
    bold.setBold(True)
    need = QFontMetrics(bold).horizontalAdvance(title) + TITLE_BAR_ROOM
    plain = dialog.fontMetrics()
    margins = 2 * dialog.style().pixelMetric(dialog.style().PixelMetric.PM_LayoutLeftMargin) + 24
    for text in (title, *(stage_text(code) for code in STAGES)):
        need = max(need, plain.horizontalAdvance(text) + margins)
    return min(need, screen_fit.available(dialog).width())


class JobSignals(QObject):
    """Emitted from the worker thread; delivered queued to receivers on the GUI thread."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    cancelled = Signal()


class _Released(QObject):
    """Tells the GUI thread that a worker has dropped its references to a job's objects.

    Whichever thread drops the last Python reference to a QObject destroys it. Were that the
    worker (the runnable is deleted there after ``run``), the job's ``JobSignals``, made on the
    GUI thread, would die on the wrong thread while the GUI thread, done with the result,
    destroys the handle connected to it: both run ``~QObject`` on the same connections at
    once, a use-after-free (the segmentation fault in ``waitUntil`` of issue 19). So the
    handle keeps everything alive until this arrives, after the result, and the last
    references always go on the GUI thread. Lives as long as the application.
    """

    released = Signal(int)  # the job's key in _RUNNING

    def __init__(self) -> None:
        super().__init__()
        self.released.connect(self._forget, Qt.ConnectionType.QueuedConnection)

    def _forget(self, key: int) -> None:
        _RUNNING.pop(key, None)


_released: _Released | None = None


def _released_signal() -> _Released:
    global _released
    if _released is None:  # made on the GUI thread, by the first start_job; never deleted
        _released = _Released()
        atexit.register(_finish_jobs)
    return _released


def _finish_jobs() -> None:
    """At exit, before Python deletes the modules' objects: wait (``EXIT_WAIT_MS`` at most)
    for the reads still running in Qt's pool, which end by signalling ``_released``. Quitting
    while one ran let it signal an object already deleted ("Signal source has been
    deleted"). The write thread is the application's, which waits for it as it quits."""
    QThreadPool.globalInstance().waitForDone(EXIT_WAIT_MS)


class _Runnable(QRunnable):
    def __init__(
        self, job: Job[Any], signals: JobSignals, cancel: CancelToken, key: int, done: _Released
    ) -> None:
        super().__init__()
        self._job: Job[Any] | None = job
        self._signals: JobSignals | None = signals
        self._cancel, self._key, self._done = cancel, key, done
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            self._report()
        finally:
            # Drop our references (the signals; the job, whose closure may hold widgets) while
            # _RUNNING still holds them too, then let the GUI thread drop the last ones.
            self._job = self._signals = None
            self._done.released.emit(self._key)

    def _report(self) -> None:
        signals, job = self._signals, self._job
        assert signals is not None and job is not None
        try:
            result = job(signals.progressed.emit, self._cancel)
        except Cancelled:
            signals.cancelled.emit()
        except Exception as exc:  # reported to the GUI thread, which shows one sentence
            log_failure(log, exc, "background job")
            signals.failed.emit(exc)
        else:
            signals.succeeded.emit(result)


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
        dialog.setMinimumWidth(progress_width(dialog, title))
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
    key = next(_next_key)
    _RUNNING[key] = (handle, job)
    runnable = _Runnable(job, sig, handle.cancel, key, _released_signal())
    target = pool or QThreadPool.globalInstance()
    if _held is not None:
        _held.append(lambda: target.start(runnable))
    else:
        target.start(runnable)
    return handle


def hold_jobs() -> None:
    """Start no job until ``release_jobs``; those started meanwhile wait, in order.

    For the start-up (``ui.app``): the main window's first jobs (the strength figures, the
    board's figures: most of a second of Python each at national scale) would otherwise take
    the GIL from the GUI thread while it builds and first paints the board.
    """
    global _held
    if _held is None:
        _held = []


def release_jobs() -> None:
    """Start the jobs held since ``hold_jobs``, and every later one at once."""
    global _held
    held, _held = _held, None
    for start in held or ():
        start()


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
