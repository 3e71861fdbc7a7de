"""What the panel benches share (``bench/readiness_panel.py``, ``bench/watch_panel.py``):
waiting for a panel's read off the GUI thread to land, and the GUI thread's time per change.

As in ``bench/board.py``, GUI-thread time is the thread's CPU time (``time.thread_time``);
wall time beside it also counts the moments the GIL was held by the reading thread.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


def wait_read(app: Any, panel: Any, busy: Callable[[], bool]) -> None:
    """Until ``panel`` has shown the read it started (at most a minute), then until ``busy``
    says the release after it is done."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    panel.read_shown.connect(loop.quit)
    QTimer.singleShot(60_000, loop.quit)
    loop.exec()
    panel.read_shown.disconnect(loop.quit)
    while busy():  # the release after the read shown
        app.processEvents()


class GuiTime:
    """The GUI thread's time of each change, summed over its parts (the handler the change
    is handed to, then the read landing), in milliseconds."""

    def __init__(self, verbose: bool) -> None:
        self.verbose = verbose
        self.cpu_ms: list[float] = []
        self.wall_ms: list[float] = []
        self._spent = [0.0, 0.0]  # the change being measured: CPU, wall (seconds)

    @contextmanager
    def change(self) -> Iterator[None]:
        """One change, from the moment it is handed to the panel until its read is shown."""
        self._spent[:] = [0.0, 0.0]
        yield
        self.cpu_ms.append(self._spent[0] * 1000)
        self.wall_ms.append(self._spent[1] * 1000)

    @contextmanager
    def part(self, name: str, detail: str = "") -> Iterator[None]:
        """A part of the change on the GUI thread; with ``verbose``, its CPU time printed."""
        w, t = time.perf_counter(), time.thread_time()
        yield
        cpu = time.thread_time() - t
        self._spent[0] += cpu
        self._spent[1] += time.perf_counter() - w
        if self.verbose:
            print(f"  {name} {cpu * 1000:.2f} ms cpu{detail}")

    def timed_show(
        self, show: Callable[[Any], None], detail: Callable[[Any], str] = lambda _: ""
    ) -> Callable[[Any], None]:
        """``show`` (a panel's ``show_read``) measured as a part of each change."""

        def timed(result: Any) -> None:
            with self.part("show_read", detail(result)):
                show(result)

        return timed

    def median(self) -> float:
        return statistics.median(self.cpu_ms)

    def summary(self, change: str, changes: str) -> str:
        """The line that gives the result: ``change`` names one, ``changes`` counts them."""
        cpu, wall = self.cpu_ms, self.wall_ms
        return (
            f"{change}, GUI-thread CPU: median {self.median():.2f} ms, max {max(cpu):.2f} ms "
            f"over {len(cpu)} {changes} (target 5 ms); wall, GIL waits included: median "
            f"{statistics.median(wall):.2f} ms, max {max(wall):.2f} ms"
        )
