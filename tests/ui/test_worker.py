"""The worker API: results, failures and cancellation arrive on the GUI thread."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from opscenter.errors import InvalidValue
from opscenter.progress import CancelToken, Progress
from ui.worker import start_job


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


def test_failure_is_reported_not_raised(qtbot: QtBot) -> None:
    def job(progress: Progress, cancel: CancelToken) -> None:
        time.sleep(0.05)
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
        for i in range(500):
            cancel.check()
            progress(i, 500, "bekerja")
            time.sleep(0.01)

    handle = start_job(job, title="Uji")
    assert started.wait(3)
    assert handle.dialog is not None
    button = handle.dialog.findChild(QPushButton)
    assert button is not None
    assert button.text() == "Batal"
    with qtbot.waitSignal(handle.signals.cancelled, timeout=3000):
        button.click()
    assert handle.done
