"""The units board's live updates: what a journal change set does to the rows it shows.

``ui.live_updates.LiveUpdates`` decides when (shown, merged, retried); this decides what:

* a unit row changed -> that unit is re-read (one query) and its row repainted; a unit moved,
  added or removed -> rows moved, inserted or removed, and the figures recomputed; a burst
  is re-read a slice per event-loop turn (``UPDATE_SLICE``);
* personnel, BKO, TPS or incidents changed -> the figures are recomputed off the GUI thread
  (``ui.worker.start_job``) and only the rows whose figures changed are repainted;
* a reference list edited (a status renamed) -> the lists and every row re-read in place.

``BoardUpdates`` is an object the board holds (``UnitsBoard.updates``); it acts on the board's rows.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer

from opscenter import messages
from opscenter.board import (
    Figures,
    FigureSource,
    UnitRow,
    references,
    refresh_figures,
    reload_units,
)
from opscenter.errors import OpsError
from opscenter.model import Stage
from opscenter.progress import CancelToken, Progress, foreground_busy
from ui.worker import start_job

if TYPE_CHECKING:
    from opscenter.live import JournalChanges
    from ui.units_board import UnitsBoard

log = logging.getLogger(__name__)


def release_foreground(holding: list[bool], *_: object) -> None:
    if holding[0]:
        holding[0] = False
        foreground_busy(False)


# After a burst's last slice, how long background work still waits (its repaint).
RELEASE_MS = 30
# Units re-read and repainted per event-loop turn during a burst: a few milliseconds of
# GUI-thread time at national scale, so that input and painting go on in between.
UPDATE_SLICE = 10
# Entities whose change moves the figures (strength, TPS, open incidents).
FIGURE_ENTITIES = frozenset(
    {
        "personnel",
        "bko_assignment",
        "polling_station",
        "tps_category",
        "incident",
        "incident_unit",
        "region",
        "unit_area",
        "stage",
    }
)
# Entities whose change alters the board's frame (labels, colours, columns): a new query.
# Reference lists the board shows (names, colours, columns) and the operation itself: an
# edit re-reads the lists, then the rows in place (a reload when the columns change).
REFERENCE_ENTITIES = frozenset(
    {"unit_status", "severity", "incident_status", "tps_category", "operation"}
)


class BoardUpdates:
    """The board's precise updates (see the module docstring)."""

    def __init__(self, board: UnitsBoard) -> None:
        self.board = board  # its rows, figures and state are read and set here

    def apply(self, changes: JournalChanges) -> None:
        """Show what ``changes`` say changed (``LiveUpdates`` calls it when the board shows)."""
        if "operation" in changes or self.board._board is None:
            self.board.reload()
            return
        if any(e in changes for e in REFERENCE_ENTITIES) and not self._references_changed():
            self.board.reload()
            return
        structure_changed = False
        if "unit" in changes:
            structure_changed = self.refresh_units(changes.ids("unit"))
        moved = {e for e in changes.rows if e in FIGURE_ENTITIES}
        if structure_changed:
            moved.add("unit")
        if moved:
            self.recompute_figures(moved)
        self.board.readiness_column.follow(changes)

    def _references_changed(self) -> bool:
        """A reference list was edited (a status renamed or recoloured, a severity's colour):
        re-read the lists and every row precisely, keeping selection and scroll; False when
        the columns themselves changed (an entry added, removed or moved: a reload)."""
        assert self.board._board is not None
        try:
            with self.board.store.read() as s:
                lists = references(s, self.board._board.operation_id, lang=self.board._lang)
        except OpsError as error:
            log.warning("reference lists not re-read: %s", error)
            return True  # keep what is shown; the next change tries again
        if not self.board.rows.set_references(*lists):
            return False
        self.board._board = self.board.rows.board
        self.board._fill_status_filter()
        self.refresh_units(frozenset(self.board.rows.rows))
        self.recompute_figures({"incident"})  # a status may now count as closed
        return True

    def refresh_units(self, ids: set[int] | frozenset[int]) -> bool:
        """Re-read these units' rows; returns True when the tree's shape changed.

        A burst (more than ``UPDATE_SLICE`` units) is queued and re-read and repainted a
        slice per event-loop turn (``drain_queue``), so the GUI thread is never blocked
        for the whole burst (issue 3: at most 50 ms at a time); it returns False then, and
        the slice that finds a new shape recomputes the figures itself.
        """
        if self.board._board is None or not ids:
            return False
        if len(ids) <= UPDATE_SLICE and not self.board._queued:
            return self._refresh_now(ids)
        # dict: each unit once, in arrival order; queued again, it is still read once (as it
        # is then, the latest).

        self.board._queued.update(dict.fromkeys(sorted(ids)))
        self.hold_foreground(True)
        if not self.board._drain.isActive():
            self.board._drain.start()
        return False

    def hold_foreground(self, hold: bool) -> None:
        """While a burst is shown slice by slice, background figure work steps aside
        (``opscenter.progress.step_aside``): rows first, figures after."""
        if hold != self.board._holding[0]:
            self.board._holding[0] = hold
            foreground_busy(hold)

    def _refresh_now(self, ids: set[int] | frozenset[int]) -> bool:
        assert self.board._board is not None
        known_rows = self.board.rows.rows
        figures = {uid: known_rows[uid].figures for uid in ids if uid in known_rows}
        board = self.board._board
        with self.board.store.read() as s:
            fresh = reload_units(
                s, ids, figures=figures, operation_id=board.operation_id, lang=self.board._lang
            )
        return self.show_rows(ids, fresh)

    def show_rows(self, ids: set[int] | frozenset[int], fresh: list[UnitRow]) -> bool:
        """Show the rows of ``ids`` as read (``fresh``: those that still exist)."""
        found = {r.id for r in fresh}
        known = [r for r in fresh if r.id in self.board.rows.rows]
        new = [r for r in fresh if r.id not in self.board.rows.rows]
        gone = [uid for uid in ids if uid in self.board.rows.rows and uid not in found]
        moved = any(r.parent_id != self.board.rows.rows[r.id].parent_id for r in known)
        self.board.rows.update_rows(known)
        if new:
            self.board.rows.insert_rows(new)
        if gone:
            self.board.rows.remove_rows(gone)
        return bool(new or gone or moved)

    def drain_queue(self) -> None:
        """One slice of a queued burst: re-read (one small query) and repaint its rows."""
        batch = list(itertools.islice(self.board._queued, UPDATE_SLICE))
        for uid in batch:
            del self.board._queued[uid]
        if not self.board._queued:
            self.board._drain.stop()
        if batch and self._refresh_now(set(batch)):
            self.recompute_figures({"unit"})
        if not self.board._queued:
            # Released after the repaint of this last slice has had its turn.
            queued = self.board._queued
            QTimer.singleShot(RELEASE_MS, self.board, lambda: self.hold_foreground(bool(queued)))

    def busy(self) -> bool:
        """Figures being computed or a burst being applied."""
        return self.board._figures_running or bool(self.board._queued)

    def pending_updates(self) -> int:
        """Units queued but not yet re-read and repainted (a burst being applied in slices)."""
        return len(self.board._queued)

    def recompute_figures(self, entities: Collection[str] = ("*",)) -> None:
        """Strength, TPS and open incidents again, off the GUI thread; repaint what changed.

        ``entities``: what changed since the last figures (``"*"``: anything). The job reads
        again only what they move (``opscenter.board.refresh_figures``): a personnel transfer
        re-counts personnel, not the TPS, so the worker thread spends its time in SQLite,
        which releases the GIL, not in Python, which would hold up the GUI thread.
        """
        if self.board._board is None:
            return
        self.board._figures_changed.update(entities)
        if self.board._figures_running:
            self.board._figures_again = True  # a burst: one more pass after this one, not one each
            return
        self.board._figures_running = True
        board = self.board._board
        store = self.board.store
        generation = self.board._generation
        changed, self.board._figures_changed = self.board._figures_changed, set()
        previous = None if "*" in changed else self.board._source

        def job(_progress: Progress, cancel: CancelToken) -> tuple[dict[int, Figures], Any]:
            with store.read() as s:
                stage = s.get(Stage, board.stage_id) if board.stage_id else None
                cancel.check()
                figures, source = refresh_figures(
                    s,
                    board.operation_id,
                    stage,
                    board.categories,
                    board.severities,
                    previous=previous,
                    changed=changed,
                )
            if previous is not None:
                # Only what moved since the figures on screen: the comparison of thousands
                # of units is done here, not on the GUI thread.
                before = previous.figures
                figures = {uid: f for uid, f in figures.items() if before.get(uid) != f}
            return figures, source

        start_job(
            job,
            parent=self.board,
            on_success=lambda result: self._figures_ready(result, generation),
            on_failure=self._figures_failed,
        )

    def _figures_ready(
        self, result: tuple[dict[int, Figures], FigureSource], generation: int
    ) -> None:
        if generation != self.board._generation:
            return  # computed for a board that has since been reloaded
        self.board._figures_running = False
        self.board.figures_recomputed += 1
        figures, self.board._source = result
        self.board.rows.set_figures(figures)
        if self.board._figures_again:
            self.board._figures_again = False
            self.recompute_figures(())
        else:
            self.board.readiness_column.figures_settled()

    def _figures_failed(self, error: BaseException) -> None:
        self.board._figures_running = False
        # What the failed job was to re-read is unknown now: all of it next time.
        self.board._source = None
        self.board.readiness_column.figures_settled()
        log.warning("figures not recomputed: %s", error)
        if isinstance(error, OpsError):
            self.board.footer.setText(messages.describe(error, self.board._lang))
