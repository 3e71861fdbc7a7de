"""The plotting window's undoable edits, each the core's change and its inverse.

Built on ``ui.planning_commands.PlanningCommand``: saved on the write thread through the
window (``StageWindow.run``), pushed on its ``QUndoStack`` once saved. The inverse uses
what the core returned: a move goes back (or, when its post was removed, is split off
again), a split is merged back, a merge split again, a placement restored
(``place(..., restore=before)``), a swap's two placements restored
(``swap(..., restore=before)``), a lock turned.

Each change expects what it changes: a placement's row and version as the window last
knew it (``PlottingReads.seen``: as this window's own last write of that person left it,
until a read begun after that write lands, else as the read shows it), so that undoing
two edits of one person in a row is not refused against one's own first edit; a TPS's
post and a post's version or TPS as the window's read showed it the first time, and as
the command's last write left it for its undo and redo. What another workstation changed
meanwhile is refused as stale (``fetch_for_edit``, ``journal.stale_edit``: the banner
names who), nothing overwritten, the command made obsolete.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from opscenter.plotting.hand import Placement, Seen, place, set_locked, swap
from opscenter.plotting.regrouping import Moved, merge_posts, move_tps, split_post
from ui.planning_commands import PlanningCommand
from ui.translations import translator

if TYPE_CHECKING:
    from ui.plotting_reads import PlottingReads


_tr = translator("PlottingWindow")


class PlotCommand(PlanningCommand["PlottingReads"]):
    def __init__(self, window: PlottingReads, text: str) -> None:
        super().__init__(window, text)
        self.stage_id = window.stage_id

    def shown(self, result: object) -> None:
        self.window.reload()


class MoveCommand(PlotCommand):
    """A TPS to another post; the undo moves it back (or, when its post went with it,
    splits it off again). The first time it expects both posts as the window showed them,
    the undo and the redo as the last write left them: a TPS or post another workstation
    changed meanwhile is refused as stale."""

    def __init__(
        self,
        window: PlottingReads,
        tps_id: int,
        to_post_id: int,
        reason: str | None,
        *,
        source_exception: str | None,
        expected_version: int | None,
        expected_from: tuple[int, int | None] | None,
    ) -> None:
        super().__init__(window, _tr("pemindahan TPS"))
        self.tps_id, self.to_post_id, self.reason = tps_id, to_post_id, reason
        self.source_exception = source_exception
        # What the next write expects: the target's version, the TPS's post and its version.
        self.expected_version = expected_version
        self.expected_from = expected_from
        self.moved: Moved | None = None  # set on the write thread

    def do(self) -> Callable[[], object]:
        def write() -> None:
            self.moved = move_tps(
                self.store,
                self.actor,
                self.operation_id,
                self.stage_id,
                self.tps_id,
                self.to_post_id,
                reason=self.reason,
                expected_version=self.expected_version,
                expected_from=self.expected_from,
            )

        return write

    def undo_action(self) -> Callable[[], object]:
        def write() -> None:
            m = self.moved
            if m is None:
                return
            if m.from_removed:  # its post went with it: split it off again
                new_id = split_post(
                    self.store,
                    self.actor,
                    self.operation_id,
                    m.to_post_id,
                    [m.tps_id],
                    expected_version=m.to_version,
                )
                self.expected_version, self.expected_from = None, (new_id, None)
            else:
                back = move_tps(
                    self.store,
                    self.actor,
                    self.operation_id,
                    self.stage_id,
                    m.tps_id,
                    m.from_post_id,
                    reason=self.source_exception,
                    expected_version=m.from_version,
                    expected_from=(m.to_post_id, m.to_version),
                )
                self.expected_version = back.from_version
                self.expected_from = (back.to_post_id, back.to_version)

        return write


class SplitCommand(PlotCommand):
    """Some TPS of a post into a new post; the undo merges them back, expecting the new
    post to hold just those TPS (one another workstation moved onto it or off it since is
    refused as stale)."""

    def __init__(
        self,
        window: PlottingReads,
        post_id: int,
        tps_ids: Sequence[int],
        exception: str | None,
        *,
        expected_version: int | None,
    ) -> None:
        super().__init__(window, _tr("pemecahan pos"))
        self.post_id, self.tps_ids, self.exception = post_id, tuple(tps_ids), exception
        self.expected_version = expected_version  # the post's, as the window showed it
        self.new_id: int | None = None

    def do(self) -> Callable[[], object]:
        expected, self.expected_version = self.expected_version, None  # the first time only

        def write() -> None:
            self.new_id = split_post(
                self.store,
                self.actor,
                self.operation_id,
                self.post_id,
                self.tps_ids,
                expected_version=expected,
            )

        return write

    def undo_action(self) -> Callable[[], object]:
        def write() -> None:
            if self.new_id is not None:
                merge_posts(
                    self.store,
                    self.actor,
                    self.operation_id,
                    self.post_id,
                    self.new_id,
                    reason=self.exception,
                    expected_tps=self.tps_ids,
                )
                self.new_id = None

        return write


class MergeCommand(PlotCommand):
    """One post's TPS into another; the undo splits them off again (as a new post). The
    merge and its redo expect the merged post to hold the TPS the window showed, then
    those the undo split off: one another workstation moved onto it or off it since is
    refused as stale."""

    def __init__(
        self,
        window: PlottingReads,
        into_id: int,
        from_id: int,
        reason: str | None,
        *,
        expected_version: int | None,
        expected_tps: Sequence[int],
    ) -> None:
        super().__init__(window, _tr("penggabungan pos"))
        self.into_id, self.from_id, self.reason = into_id, from_id, reason
        self.expected_version = expected_version  # the target's, as the window showed it
        self.moved: tuple[int, ...] = tuple(expected_tps)

    def do(self) -> Callable[[], object]:
        expected, self.expected_version = self.expected_version, None  # the first time only

        def write() -> None:
            self.moved = merge_posts(
                self.store,
                self.actor,
                self.operation_id,
                self.into_id,
                self.from_id,
                reason=self.reason,
                expected_version=expected,
                expected_tps=self.moved,
            )

        return write

    def undo_action(self) -> Callable[[], object]:
        def write() -> None:
            if self.moved:  # the merged post comes back as a new one: the redo merges that
                self.from_id = split_post(
                    self.store, self.actor, self.operation_id, self.into_id, self.moved
                )

        return write


class PlaceCommand(PlotCommand):
    """A person onto a post by hand (locked), or back to the reserve (``post_id`` None);
    the undo puts their placement back (``place(..., restore=before)``)."""

    def __init__(
        self, window: PlottingReads, personnel_id: int, post_id: int | None, text: str
    ) -> None:
        super().__init__(window, text)
        self.personnel_id, self.post_id = personnel_id, post_id
        self.before: Placement | None = None  # set on the write thread

    def do(self) -> Callable[[], object]:
        window = self.window

        def write() -> None:
            done = place(
                self.store,
                self.actor,
                self.operation_id,
                self.stage_id,
                self.personnel_id,
                self.post_id,
                expected=window.seen(self.personnel_id),
            )
            self.before = done.before
            window.note_left(self.personnel_id, done.left)

        return write

    def undo_action(self) -> Callable[[], object]:
        window = self.window

        def write() -> None:
            b = self.before
            if b is not None:
                done = place(
                    self.store,
                    self.actor,
                    self.operation_id,
                    self.stage_id,
                    b.personnel_id,
                    b.post_id,
                    restore=b,
                    expected=window.seen(b.personnel_id),
                )
                window.note_left(b.personnel_id, done.left)

        return write


class SwapCommand(PlotCommand):
    """Two placed people exchange posts (both locked); the undo puts each one's post, basis
    and lock back (``swap(..., restore=before)``); each refused as stale when either row
    was changed since the window last knew it (``PlottingReads.seen``)."""

    def __init__(self, window: PlottingReads, first: int, second: int) -> None:
        super().__init__(window, _tr("pertukaran personel"))
        self.first, self.second = first, second
        self.before: tuple[Placement, Placement] | None = None  # set on the write thread

    def _swap(self, back: bool) -> Callable[[], object]:
        window = self.window

        def write() -> None:
            rows = window.seen(self.first), window.seen(self.second)
            a, b = (row.version for row in rows)
            done = swap(
                self.store,
                self.actor,
                self.operation_id,
                self.stage_id,
                self.first,
                self.second,
                restore=self.before if back else None,
                expected_versions=(a, b) if a is not None and b is not None else None,
            )
            if not back:
                self.before = done.before
            people = (self.first, self.second)
            for who, row, version in zip(people, rows, done.versions, strict=True):
                window.note_left(who, Seen(row.row_id, version))  # the same rows, swapped

        return write

    def do(self) -> Callable[[], object]:
        return self._swap(back=False)

    def undo_action(self) -> Callable[[], object]:
        return self._swap(back=True)


class LockCommand(PlotCommand):
    """A placement locked or freed, and back; each refused as stale when its row was
    changed since the window last knew it (``PlottingReads.seen``)."""

    def __init__(self, window: PlottingReads, personnel_id: int, locked: bool) -> None:
        super().__init__(window, _tr("penguncian penempatan") if locked else _tr("pembukaan kunci"))
        self.personnel_id, self.locked = personnel_id, locked

    def _set(self, locked: bool) -> Callable[[], object]:
        window = self.window

        def write() -> None:
            row = window.seen(self.personnel_id)
            version = set_locked(
                self.store,
                self.actor,
                self.operation_id,
                self.stage_id,
                self.personnel_id,
                locked,
                expected_version=row.version,
            )
            window.note_left(self.personnel_id, Seen(row.row_id, version))

        return write

    def do(self) -> Callable[[], object]:
        return self._set(self.locked)

    def undo_action(self) -> Callable[[], object]:
        return self._set(not self.locked)
