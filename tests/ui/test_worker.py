"""The worker API: results, failures and cancellation arrive on the GUI thread."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import Qt, QThread, QThreadPool
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from opscenter.errors import InvalidValue
from opscenter.progress import STAGES, CancelToken, Progress
from ui.screen_fit import TITLE_BAR
from ui.worker import hold_jobs, release_jobs, stage_text, start_job

ROOT = Path(__file__).resolve().parents[2]


def test_result_and_progress_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    gui = QThread.currentThread()
    threads: list[bool] = []

    def job(progress: Progress, cancel: CancelToken) -> int:
        assert threading.current_thread() is not threading.main_thread()
        for i in range(3):
            progress(i + 1, 3, f"langkah {i + 1}")
        return 42

    results: list[object] = []

    def on_success(result: object) -> None:
        results.append(result)
        threads.append(QThread.currentThread() is gui)

    # Connected before the job can start: a quick job must not finish unheard.
    handle = start_job(job, on_success=on_success)
    qtbot.waitUntil(lambda: bool(results), timeout=3000)
    assert results == [42]
    assert threads == [True]
    assert handle.done


def test_held_jobs_wait_for_the_release_then_start_in_order(qtbot: QtBot) -> None:
    # The start-up holds the window's first jobs until its first paint (ui.app).
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    ran: list[int] = []
    results: list[object] = []
    hold_jobs()
    try:
        for n in (1, 2):
            start_job(lambda _p, _c, n=n: ran.append(n), on_success=results.append, pool=pool)
        assert pool.activeThreadCount() == 0  # handed to no thread yet
        assert ran == []
    finally:
        release_jobs()
    qtbot.waitUntil(lambda: len(results) == 2, timeout=3000)
    assert ran == [1, 2]
    start_job(lambda _p, _c: ran.append(3), on_success=results.append, pool=pool)
    qtbot.waitUntil(lambda: len(results) == 3, timeout=3000)  # released: at once again
    pool.waitForDone()


def test_failure_is_reported_not_raised(qtbot: QtBot) -> None:
    def job(progress: Progress, cancel: CancelToken) -> None:
        raise InvalidValue(field="title", value="", reason="required")

    errors: list[BaseException] = []
    handle = start_job(job, on_failure=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=3000)
    assert isinstance(errors[0], InvalidValue)
    assert handle.done


def test_cancel_from_the_dialog_stops_the_job(qtbot: QtBot) -> None:
    started = threading.Event()

    def job(progress: Progress, cancel: CancelToken) -> None:
        started.set()
        # Runs until cancelled, however slow the machine: only the click can end it.
        while True:
            cancel.check()
            progress(0, 0, "bekerja")
            time.sleep(0.01)  # pacing only, so progress does not flood the GUI thread

    handle = start_job(job, title="Uji")
    assert started.wait(3)
    assert handle.dialog is not None
    button = handle.dialog.findChild(QPushButton)
    assert button is not None
    assert button.text() == "Batal"
    with qtbot.waitSignal(handle.signals.cancelled, timeout=3000):
        button.click()
    assert handle.done


def test_the_progress_dialog_is_wide_enough_for_its_title_and_every_stage(qtbot: QtBot) -> None:
    """Walk 35, defect 2: saving 60,000 rows, the dialog's title was cut to "Meme… aris…" (Qt
    sizes it by its label and bar, not by the window manager's title bar)."""
    started = threading.Event()

    def job(progress: Progress, cancel: CancelToken) -> None:
        started.set()
        for done in itertools.count(1):  # until cancelled
            cancel.check()
            progress(done, 1_000_000, "check")
            time.sleep(0.01)  # pacing only, so progress does not flood the GUI thread

    title = "Memeriksa baris\u2026"
    handle = start_job(job, title=title)
    assert started.wait(3)
    dialog = handle.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=3000)  # after SHOW_AFTER_MS
    bold = QFont(dialog.font())
    bold.setBold(True)
    # The title, bold, beside the icon and three buttons about a title bar wide each.
    assert dialog.width() >= QFontMetrics(bold).horizontalAdvance(title) + 4 * TITLE_BAR
    width = dialog.width()
    label = dialog.findChild(QLabel)
    assert label is not None
    for code in STAGES:  # each stage's text fits without the dialog changing width
        dialog.setLabelText(stage_text(code))
        QApplication.processEvents()
        assert dialog.width() == width
        assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width()
    with qtbot.waitSignal(handle.signals.cancelled, timeout=3000):
        handle.cancel.cancel()


def test_a_jobs_qt_objects_die_on_the_gui_thread(qtbot: QtBot) -> None:
    """The worker never drops the last reference to the job's signals object (made on the
    GUI thread): a QObject destroyed on the wrong thread while the GUI thread destroys its
    handle crashed the suite (issue 19). Each job here is done with, by its caller, at once."""
    gui = threading.get_ident()
    jobs = 30
    results: list[object] = []
    destroyed_on: list[int] = []
    for i in range(jobs):
        handle = start_job(lambda _progress, _cancel: [1, 2, 3], on_success=results.append)
        handle.signals.destroyed.connect(
            lambda *_: destroyed_on.append(threading.get_ident()),
            Qt.ConnectionType.DirectConnection,
        )
        del handle
        qtbot.waitUntil(lambda: len(results) == i + 1, timeout=3000)  # noqa: B023 - this i
    qtbot.waitUntil(lambda: len(destroyed_on) == jobs, timeout=10_000)
    assert len(results) == jobs
    assert all(thread == gui for thread in destroyed_on)


def test_quitting_waits_for_a_read_still_running(tmp_path: Path) -> None:
    """A program quitting while a background read ran let the read's end signal an object
    Python had already deleted ("RuntimeError: Signal source has been deleted" on exit): the
    exit now waits for it. The read here ends by writing a file, after the script's last line."""
    done = tmp_path / "done"
    script = f"""
import time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from ui.worker import start_job

app = QApplication([])

def read(_progress, _cancel):
    time.sleep(0.5)
    Path({str(done)!r}).write_text("ended")
    return 1

start_job(read)
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    ran = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert ran.returncode == 0, ran.stderr
    assert done.read_text() == "ended"
    assert "has been deleted" not in ran.stderr
