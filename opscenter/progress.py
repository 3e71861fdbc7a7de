"""The one contract for long work (import, report, large queries): progress and cancel.

A long job is a plain function ``job(progress, cancel) -> result`` of the core: it calls
``progress(done, total, text)`` now and then and ``cancel.check()`` between steps. The GUI
runs it off its thread (``ui.worker``); tests and the command line call it directly.
Results are plain data: ORM objects never cross threads.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

from opscenter.errors import OpsError

Progress = Callable[[int, int, str], None]
T = TypeVar("T")
# The stage a job names as its ``text``: a code, never words (the GUI names each stage in
# the user's language, ``ui.worker.stage_text``). An empty text keeps the current label.
STAGES = ("read", "check", "write", "done")


class Cancelled(OpsError):
    """The user cancelled a long job; whatever it was writing was rolled back."""

    code = "cancelled"


class CancelToken:
    """Set from the GUI thread, read by the worker: thread-safe."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        """Raise ``Cancelled`` if the user asked to stop."""
        if self._event.is_set():
            raise Cancelled()


def no_progress(_done: int, _total: int, _text: str) -> None:
    """For callers that do not show progress."""


Job = Callable[[Progress, CancelToken], T]


# --- the interface thread first ------------------------------------------------------------

_FOREGROUND = threading.Event()
_foreground_lock = threading.Lock()
_foreground_holds = 0
_foreground_thread: int | None = None


def foreground_busy(busy: bool) -> None:
    """Called by the interface thread: it has work queued (a burst of live changes being
    shown, a slice at a time), or no longer (each True is ended by one False; several
    panels may hold it at once). Background loops that call ``step_aside`` pause meanwhile.

    In one interpreter a worker's Python holds the GIL (and, on two cores beside another
    process, the CPU) that each of the hundreds of calls of a repaint needs; the figures
    it computes can wait for the rows of a burst to be shown (bench/board.py).
    """
    global _foreground_holds, _foreground_thread
    with _foreground_lock:
        _foreground_holds = max(0, _foreground_holds + (1 if busy else -1))
        if _foreground_holds:
            _foreground_thread = threading.get_ident()
            _FOREGROUND.set()
        else:
            _FOREGROUND.clear()


def step_aside(limit_s: float = 0.1) -> None:
    """Called now and then by long background loops: while the interface thread is busy,
    sleep (which releases the GIL and the CPU) for at most ``limit_s``. Never pauses the
    interface thread itself, nor anyone when nothing is marked busy."""
    if not _FOREGROUND.is_set() or threading.get_ident() == _foreground_thread:
        return
    deadline = time.monotonic() + limit_s
    while _FOREGROUND.is_set() and time.monotonic() < deadline:
        time.sleep(0.002)
