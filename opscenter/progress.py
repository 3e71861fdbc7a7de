"""The one contract for long work (import, report, large queries): progress and cancel.

A long job is a plain function ``job(progress, cancel) -> result`` of the core: it calls
``progress(done, total, text)`` now and then and ``cancel.check()`` between steps. The GUI
runs it off its thread (``ui.worker``); tests and the command line call it directly.
Results are plain data: ORM objects never cross threads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from opscenter.errors import OpsError

Progress = Callable[[int, int, str], None]
T = TypeVar("T")


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
