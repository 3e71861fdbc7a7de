"""The interface thread first: background loops step aside while it is marked busy."""

from __future__ import annotations

import threading
import time

from opscenter.progress import foreground_busy, step_aside


def _timed_in_thread(limit_s: float) -> float:
    took: list[float] = []

    def work() -> None:
        t = time.perf_counter()
        step_aside(limit_s)
        took.append(time.perf_counter() - t)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    return took[0]


def test_nothing_waits_when_the_interface_is_idle() -> None:
    assert _timed_in_thread(1.0) < 0.05


def test_a_background_thread_waits_until_released_and_never_past_its_limit() -> None:
    foreground_busy(True)
    try:
        assert _timed_in_thread(0.15) >= 0.14  # held throughout: waits its whole limit
        release = threading.Timer(0.05, foreground_busy, (False,))
        release.start()
        took = _timed_in_thread(5.0)  # released after 50 ms: goes on then, not after 5 s
        release.join()
        assert 0.04 <= took < 1.0
    finally:
        foreground_busy(False)  # no-op when already released (the count never goes below 0)
    assert _timed_in_thread(1.0) < 0.05


def test_the_interface_thread_itself_never_waits() -> None:
    foreground_busy(True)
    try:
        t = time.perf_counter()
        step_aside(1.0)
        assert time.perf_counter() - t < 0.05
    finally:
        foreground_busy(False)


def test_holds_are_counted() -> None:
    foreground_busy(True)
    foreground_busy(True)
    foreground_busy(False)
    try:
        assert _timed_in_thread(0.1) >= 0.09  # one hold remains
    finally:
        foreground_busy(False)
    assert _timed_in_thread(1.0) < 0.05
