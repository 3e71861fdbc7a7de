"""Reading the operation's overview for the main window, which shows each result.

The quick part (names, stages, counts) is read at once; the whole overview, with the
strength figures (about a second of work at national scale), off the GUI thread, after
every change in the store that moves it. A burst of changes is one more pass, not one each.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import datetime

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtWidgets import QWidget

from opscenter import overview as overview_mod
from opscenter.clock import Clock
from opscenter.errors import OpsError
from opscenter.live import WHOLE_ROW, JournalChanges
from opscenter.overview import Overview
from opscenter.progress import CancelToken, Progress
from opscenter.store import Store
from ui.worker import start_job

# Told each result: an overview, or why there is none (``NoOperation``, a failed read), or
# None after a bug (logged in full by the worker: what is shown stays); when it was read;
# and whether it is final (False: the quick part, the strength still to come).
Show = Callable[[Overview | OpsError | None, datetime, bool], None]


class OverviewRefresh(QObject):
    """Reads ``store``'s overview in ``lang`` at ``clock``'s time for the window ``parent``
    and hands each result to ``show``; ``shown`` gives the overview on screen, whose
    strength inputs a later read reuses where the changes since do not move them."""

    def __init__(
        self,
        store: Store,
        *,
        clock: Clock,
        lang: str,
        shown: Callable[[], Overview | None],
        show: Show,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._window = parent  # the background jobs' parent
        self._store = store
        self._clock = clock
        self._lang = lang
        self._shown = shown
        self._show = show
        self._running = False  # a background overview job is under way
        self._again = False  # and something changed since it started
        self._changed: set[str] = set()  # entities changed since the last overview

    @property
    def running(self) -> bool:
        return self._running

    def follow(self, changed: SignalInstance) -> None:
        """Read again after each batch of the journal's ``changed`` that moves the overview."""
        changed.connect(self._changes_arrived)

    def _changes_arrived(self, changes: JournalChanges) -> None:
        moved = overview_mod.moved_entities(changes)
        if moved:  # not for a burst of unit statuses alone
            self.refresh_later(moved)

    def refresh(self) -> None:
        """Read the quick part and show it at once; the rest comes from ``refresh_later``."""
        now = self._clock()
        try:
            with self._store.read() as session:
                snapshot = overview_mod.build(session, now=now, strength=False, lang=self._lang)
        except OpsError as exc:
            self._show(exc, now, True)
            return
        self._show(snapshot, now, False)
        self.refresh_later({WHOLE_ROW})

    def refresh_later(self, entities: Collection[str] = (WHOLE_ROW,)) -> None:
        """Build the whole overview off the GUI thread; ``entities``: what changed since the
        last overview (the strength inputs they do not move are reused)."""
        self._changed.update(entities)
        if self._running:
            self._again = True
            return
        self._running = True
        store, now, lang = self._store, self._clock(), self._lang
        changed, self._changed = self._changed, set()
        shown = self._shown()
        reuse = shown if shown and shown.strength_loaded else None

        def job(_progress: Progress, cancel: CancelToken) -> Overview:
            with store.read() as session:
                cancel.check()
                return overview_mod.build(session, now=now, reuse=reuse, changed=changed, lang=lang)

        start_job(
            job,
            parent=self._window,
            on_success=lambda snapshot: self._done(snapshot, now),
            on_failure=lambda error: self._done(error, now),
        )

    def _done(self, result: Overview | BaseException, now: datetime) -> None:
        self._running = False
        if not isinstance(result, Overview):
            self._changed.add(WHOLE_ROW)  # the next one reads everything again
        self._show(result if isinstance(result, Overview | OpsError) else None, now, True)
        if self._again:
            self._again = False
            self.refresh_later(())  # what changed meanwhile: show this one, then the newer one
