"""The one way a view follows live changes: defer while hidden, merge, apply on show.

``ui.live.ChangeFeed`` reads the journal and emits ``JournalChanges``; every panel and
window that shows stored rows takes them through a ``LiveUpdates`` of its own, which

* applies a change set at once while the view is shown, and while it is hidden keeps what
  arrives merged into one (``JournalChanges | JournalChanges``) and applies that once when
  the view is shown again;
* disconnects from the feed when the view is closed for good (``stop``) or deleted (the
  helper is the view's child: Qt drops its connections with it), so nothing queues all night;
* never drops a change: when ``apply`` raises, the reason is logged and the view re-reads
  everything (``reload``); if that fails too, or a background read (``read``) fails for a
  reason that passes (the server away, a lock held), the re-read is tried again with the
  next change, at the next show, or after ``RETRY_MS``;
* ignores changes while the view has nothing loaded (``loaded`` is False), except that an
  ``operation`` change then reloads: an operation has appeared;
* skips rows the view has already read after they changed: one's own edit, read back by
  the writer (``expect`` before the write, ``note_read`` after), is not read a second
  time when the feed reports it.

How a view (a panel, or a window such as planning) plugs in::

    self.live = LiveUpdates(
        self,                   # the view: shown/hidden/deleted decide what happens
        apply=self._apply,      # (JournalChanges) -> None: show what changed, precisely
        reload=self.reload,     # () -> None: read everything again
        wants=lambda c: "stage" in c,   # optional: only these change sets matter
        loaded=lambda: self._data is not None,  # optional: False -> ignore changes
    )
    self.live.follow(feed.changed)   # ChangeFeed.changed (main window: ``self.feed``)
    def apply_changes(self, changes): self.live.deliver(changes)  # for a forwarding parent

A view whose full read runs in the background starts it with ``read(job, show)``: changes
that arrive meanwhile wait until every read in flight has landed, only the newest read is
shown (an older one still in flight lands on nobody), and a failed read is logged and told
to the view only when it was the newest. Something else in flight that changes should wait
for (a write whose result the view shows) is bracketed by ``hold()`` and ``release()``.
A window that closes for good calls ``stop()`` from its ``closeEvent``
(``ui.wall_board.WallBoard``); one that is only hidden and shown again keeps following (the
audit journal). A view that
reads its own edit back reads the journal's head first (``opscenter.journal.head``) and
calls ``expect(entity, ids)`` before the write and ``note_read(head, entity, ids)`` after.

A top-level window such as planning: build ``self.live`` in its constructor as above (its
``apply`` re-reads what the change names, or calls ``reload`` for anything it cannot
place), and where the main window creates it, ``window.live.follow(self.feed.changed)``.
Hidden (minimised does not count; closed does) it keeps the changes merged and applies
them once when shown; its unsaved what-if edits are its ``apply``'s to keep.

``Deferred`` is the same engine for any payload (the strength tab takes whole
``Overview`` snapshots: the newest replaces the one waiting).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QWidget

from opscenter.errors import PASSING, log_failure
from opscenter.live import JournalChanges
from opscenter.progress import Job
from ui.worker import start_job

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")
# After a failed re-read (the server away, a locked file), try again this much later.
RETRY_MS = 5_000


def _latest(_waiting: object, newer: T) -> T:
    return newer


class Deferred(QObject, Generic[T]):
    """Hands payloads to ``apply`` while ``shown()``; keeps them merged until then."""

    # Emitted after each apply that went through (tests and benches count them).
    applied = Signal(object)
    # Emitted after a full re-read that replaced a failed apply, with the logged reason.
    reread = Signal(str)

    def __init__(
        self,
        view: QWidget,
        *,
        apply: Callable[[T], None],
        merge: Callable[[T, T], T] = _latest,
        reload: Callable[[], None] | None = None,
        shown: Callable[[], bool] | None = None,
        name: str = "",
    ) -> None:
        super().__init__(view)
        self._view = view
        self.apply = apply  # the view's callables (a bench may wrap them to time them)
        self._merge = merge
        self.reload = reload
        self._shown = shown or view.isVisible
        self._name = name or view.objectName() or type(view).__name__
        self._waiting: T | None = None
        self._reload_due = False
        self._held = False
        self._reads = 0  # background reads in flight (``read``)
        self._newest = 0  # the number of the newest of them: only it is shown
        self._sources: list[SignalInstance] = []
        self.stopped = False
        # One retry at a time (``RETRY_MS`` after the last failure), however many failed.
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self.flush)
        view.installEventFilter(self)

    # -- wiring -------------------------------------------------------------------------------

    def follow(self, changed: SignalInstance) -> None:
        """Take what ``changed`` emits (a ``ChangeFeed.changed``) until ``stop``."""
        changed.connect(self.deliver)
        self._sources.append(changed)
        self.stopped = False

    def stop(self) -> None:
        """The view is closed for good: leave every feed and forget what waits."""
        for source in self._sources:
            with contextlib.suppress(RuntimeError):  # the feed itself is already gone
                source.disconnect(self.deliver)
        self._sources.clear()
        self._waiting = None
        self._reload_due = False
        self._retry.stop()
        self.stopped = True

    def pending(self) -> T | None:
        """What waits to be applied (None: nothing)."""
        return self._waiting

    # -- delivering ---------------------------------------------------------------------------

    def deliver(self, payload: T) -> None:
        """Apply now if the view is shown and not held; otherwise keep it, merged."""
        if self.stopped:
            return
        waiting = self._waiting
        self._waiting = payload if waiting is None else self._merge(waiting, payload)
        self.flush()

    @property
    def held(self) -> bool:
        """A full read or a write is in flight (``read``, ``hold``): changes wait for it."""
        return self._held or self._reads > 0

    @property
    def reading(self) -> bool:
        """A background read (``read``) is in flight."""
        return self._reads > 0

    def read(
        self,
        job: Job[R],
        show: Callable[[R], None],
        *,
        failed: Callable[[BaseException], None] | None = None,
        what: str = "",
        whole: bool = True,
    ) -> None:
        """Run the view's read ``job`` off the GUI thread, then ``show`` its result; changes
        that arrive meanwhile wait until every read in flight has landed or failed. Only the
        newest read is shown: an older one still in flight lands on nobody. A failure is
        logged (as ``what``; the worker logs its traceback) and, when it was the newest read,
        handed to ``failed``; when it is one that passes by itself (``errors.PASSING``: the
        server away, a lock held) the view reads everything again after ``RETRY_MS``, or
        when shown, so that what it missed meanwhile is not lost. A cancelled read ends like
        a failed one, unsaid. ``whole`` False: the read is of a part only (a re-read still due
        stays due when it lands).
        """
        self._reads += 1
        self._newest += 1
        mine = self._newest

        def landed(result: R) -> None:
            try:
                if mine == self._newest:
                    if whole:
                        self._reload_due = False  # read whole: a re-read still due is done
                    show(result)
            finally:
                ended()

        def refused(error: BaseException) -> None:
            log.warning("%s failed: %r", what or f"read of {self._name}", error)
            try:
                if mine == self._newest and failed is not None:
                    failed(error)
            finally:
                ended()
            # After ``ended``, whose flush would otherwise re-read at once; a newer read
            # that it started meanwhile makes this one's retry needless.
            passing = isinstance(error, PASSING) and self.reload is not None
            if passing and mine == self._newest and not self.stopped:
                self._retry_later()

        def ended() -> None:
            self._reads -= 1
            self.flush()

        start_job(job, parent=self._view, on_success=landed, on_failure=refused, on_cancel=ended)

    def hold(self) -> None:
        """Something the view will show is in flight (a write): keep what arrives until
        ``release``. (A background read is ``read``, which holds by itself.)"""
        self._held = True

    def release(self) -> None:
        """What ``hold`` waited for has ended: apply what waited, if shown and no read is in
        flight."""
        self._held = False
        self.flush()

    def flush(self) -> None:
        """Apply what waits, if the view is shown and not held."""
        if self.held or not self._shown():
            return
        if self._reload_due:
            self._reload_due = False
            self._waiting = None
            self._full_read("an earlier re-read failed")
            return
        payload, self._waiting = self._waiting, None
        if payload is None:
            return
        try:
            self.apply(payload)
        except Exception as error:
            log_failure(log, error, f"live update of {self._name}")
            self._failed(payload, f"applying the change failed: {error!r}")
            return
        self.applied.emit(payload)

    def _failed(self, payload: T, reason: str) -> None:
        if self.reload is None:
            # Nothing to re-read with: the change waits and is applied with the next one.
            waiting = self._waiting
            self._waiting = payload if waiting is None else self._merge(payload, waiting)
            log.warning("%s: %s; kept for the next update", self._name, reason)
            self._retry.start(RETRY_MS)
            return
        self._full_read(reason)

    def _full_read(self, reason: str) -> None:
        assert self.reload is not None
        log.warning("%s: %s; reading everything again", self._name, reason)
        try:
            self.reload()
        except Exception as error:
            log_failure(log, error, f"full re-read of {self._name}")
            self._retry_later()
            return
        self.reread.emit(reason)

    def _retry_later(self) -> None:
        """A re-read failed: read everything again with the next change, at the next show,
        or after ``RETRY_MS``, whichever comes first (``flush``)."""
        self._reload_due = True
        self._retry.start(RETRY_MS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view and event.type() == QEvent.Type.Show:
            self.flush()
        return False


class LiveUpdates(Deferred[JournalChanges]):
    """A view's share of the change feed (see the module docstring)."""

    def __init__(
        self,
        view: QWidget,
        *,
        apply: Callable[[JournalChanges], None],
        reload: Callable[[], None],
        wants: Callable[[JournalChanges], bool] | None = None,
        loaded: Callable[[], bool] | None = None,
        shown: Callable[[], bool] | None = None,
        name: str = "",
    ) -> None:
        super().__init__(
            view,
            apply=apply,
            merge=JournalChanges.__or__,
            reload=reload,
            shown=shown,
            name=name,
        )
        self._wants = wants
        self._loaded = loaded
        # entity -> {row id: the journal commit the view read it at}
        self._read: dict[str, dict[int, int]] = {}
        # entity -> {row id: writes under way that will read it back}, and the last commit
        # of a change set that reported it meanwhile.
        self._expected: dict[str, dict[int, int]] = {}
        self._late: dict[str, dict[int, int]] = {}

    def deliver(self, payload: JournalChanges) -> None:
        if self.stopped:
            return
        if self._loaded is not None and not self._loaded():
            if "operation" in payload:  # an operation appeared: now there is something
                self._waiting = None
                self._reload_due = True
                self.flush()
            return
        payload = self._unread(payload)
        if not payload.rows:
            return
        if self._wants is not None and not self._wants(payload):
            return
        super().deliver(payload)

    def expect(self, entity: str, ids: Iterable[int]) -> None:
        """A write of these rows is under way and will read them back (``note_read``): the
        feed's report of them meanwhile is left to that read, not read a second time."""
        expected = self._expected.setdefault(entity, {})
        for i in ids:
            expected[i] = expected.get(i, 0) + 1

    def note_read(self, seq: int | None, entity: str, ids: Iterable[int]) -> set[int]:
        """The view has read these rows after journal commit ``seq`` (it read the head first)
        or, with ``seq`` None, its write failed. A change set up to ``seq`` does not make it
        read them again; returns those a later change set reported meanwhile (re-read them)."""
        expected = self._expected.get(entity, {})
        late = self._late.get(entity, {})
        again: set[int] = set()
        read = self._read.setdefault(entity, {})
        for i in ids:
            if expected.get(i, 0) > 1:
                expected[i] -= 1
            else:
                expected.pop(i, None)
                if late.pop(i, -1) > (seq if seq is not None else -1):
                    again.add(i)
            if seq is not None and read.get(i, -1) < seq:
                read[i] = seq
        return again

    def writes_over(self, entity: str) -> set[int]:
        """No write of the view's is under way any more (however they ended): forget what
        was expected; returns the rows a change set reported meanwhile (re-read them)."""
        self._expected.pop(entity, None)
        return set(self._late.pop(entity, {}))

    def unread(self, changes: JournalChanges, entity: str, ids: Iterable[int]) -> set[int]:
        """Of ``ids`` (rows of ``entity`` that ``changes`` touched), those the view has not
        read since and no write of its own is about to read (for a view that maps a change
        onto its rows itself, as incidents do with their follow-ups)."""
        read = self._read.get(entity, {})
        expected = self._expected.get(entity, {})
        left: set[int] = set()
        for i in ids:
            if i in expected:
                late = self._late.setdefault(entity, {})
                late[i] = max(late.get(i, -1), changes.last_seq)
            elif read.get(i, -1) < changes.last_seq:
                left.add(i)
        return left

    def _unread(self, changes: JournalChanges) -> JournalChanges:
        for entity in list(self._read):
            read = self._read[entity]
            # Reads before this change set's last commit cannot cover it, nor a later one.
            for i in [i for i, seq in read.items() if seq < changes.last_seq]:
                del read[i]
            if not read:
                del self._read[entity]
        for entity in {*self._read, *self._expected} & changes.rows.keys():
            ids = changes.ids(entity)
            done = ids - self.unread(changes, entity, ids)
            if done:
                changes = changes.without(entity, frozenset(done))
        return changes
