"""Changing a unit's status from the board: the one action (toolbar, context menu, F2).

The operator picks the new status and an optional reason (``ui.unit_status_dialog``); the
change is saved on the write thread (``units.set_status``, journaled) and, once saved, goes
on the shared ``QUndoStack`` (``SetStatusCommand``). Until saved the row shows the new
status marked as pending; a refusal is shown in one sentence, and a stale one offers to
apply the change again on top of what the other person saved.

``StatusActions`` is an object the board holds (``UnitsBoard.status_action``); it acts on
the board's chosen rows.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu

from opscenter import journal, messages, units
from opscenter.board import UnitRow, reload_units, with_figures
from opscenter.errors import OpsError, StaleEdit
from ui.actions import close_keys
from ui.error_dialog import refusal_box
from ui.pending import SavedCommand
from ui.translations import translator
from ui.unit_status_dialog import UnitStatusDialog
from ui.units_columns import UNIT_ID_ROLE
from ui.worker import start_write

if TYPE_CHECKING:
    from ui.units_board import UnitsBoard


_tr = translator("UnitsBoard")


class SetStatusCommand(SavedCommand):
    """One status change: redo sets the new status, undo sets the previous one back.

    Both directions go through ``units.set_status`` (journaled) with the version the board
    last saw, so a change someone else made in between is refused, not overwritten.
    """

    def __init__(
        self,
        board: UnitsBoard,
        unit_id: int,
        unit_name: str,
        before: tuple[int | None, str | None],
        after: tuple[int, str | None],
        version_after: int,
    ) -> None:
        super().__init__(_tr("Ubah status {unit}").format(unit=unit_name))
        self._board = board
        self.unit_id = unit_id
        self._before = before
        self._after = after
        self._version = version_after

    def step(self, *, redone: bool) -> None:
        if redone:
            self._run(self._after[0], self._after[1])
            return
        status_id, reason = self._before
        if status_id is None:  # no earlier status to go back to
            self.setObsolete(True)
            return
        self._run(status_id, reason)

    def _run(self, status_id: int, reason: str | None) -> None:
        """Undo and redo save on the write thread too; a refusal drops this step from the
        history (Qt reads ``isObsolete`` at the next undo or redo)."""

        def refused(error: OpsError) -> None:
            self.setObsolete(True)

        def saved(done: units.StatusChanged) -> None:
            self._version = done.version

        self._board.status_action.save_status(
            self.unit_id, status_id, reason, self._version, on_saved=saved, on_refused=refused
        )


class StatusActions:
    """The status action's part of the board (see the module docstring)."""

    def __init__(self, board: UnitsBoard) -> None:
        self.board = board  # the rows shown and the footer that says how it went

    def context_menu(self, pos: QPoint) -> None:
        menu = self.context_menu_at(pos)
        if menu is not None:
            menu.popup(self.board.current_view().viewport().mapToGlobal(pos))

    def context_menu_at(self, pos: QPoint) -> QMenu | None:
        """The row's menu (the row under the pointer is selected first); None off the rows."""
        view = self.board.current_view()
        index = view.indexAt(pos)
        uid = index.data(UNIT_ID_ROLE) if index.isValid() else None
        if uid is None:
            return None
        self.board.select_unit(int(uid))
        menu = QMenu(self.board)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.board.change_status_action)
        return menu

    def change_status(self) -> None:
        """The one action: ask for the new status and reason of the selected unit, then save."""
        uid = self.board.selected_unit_id()
        if uid is None or uid not in self.board.rows.rows:
            self.board.show_hint(_tr("Pilih satu satuan dulu, lalu tekan F2."))
            return
        row = self.board.rows.rows[uid]
        dialog = UnitStatusDialog(row.name, self.board._statuses(), row.status_id, self.board)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        close_keys(dialog)
        self.board.status_dialog = dialog
        dialog.accepted.connect(lambda: self._dialog_done(dialog, uid))
        dialog.open()

    def _dialog_done(self, dialog: UnitStatusDialog, unit_id: int) -> None:
        status_id = dialog.status_id()
        if status_id is not None:
            self.set_unit_status(unit_id, status_id, dialog.reason())

    def set_unit_status(self, unit_id: int, status_id: int, reason: str | None = None) -> bool:
        """Save a status change on the write thread and, once saved, push it on the undo
        stack. Returns at once: False when there is nothing to save; ``write_done`` says how
        it ended."""
        row = self.board.rows.rows.get(unit_id)
        if row is None:
            return False
        if row.status_id == status_id and row.status_reason == (reason or None):
            return True  # nothing to change: no history entry
        before = (row.status_id, row.status_reason)

        def saved(done: units.StatusChanged) -> None:
            self.board.undo_stack.push(
                SetStatusCommand(
                    self.board, unit_id, row.name, before, (status_id, reason), done.version
                )
            )

        self.save_status(
            unit_id, status_id, reason, row.version, on_saved=saved, retry=(status_id, reason)
        )
        return True

    def save_status(
        self,
        unit_id: int,
        status_id: int,
        reason: str | None,
        version: int | None,
        *,
        on_saved: Callable[[units.StatusChanged], None] | None = None,
        on_refused: Callable[[OpsError], None] | None = None,
        retry: tuple[int, str | None] | None = None,
    ) -> None:
        """The board's one write path: ``units.set_status`` on the write thread
        (``ui.worker.start_write``). Until it ends the row shows the new status marked as
        pending ("Bergerak …") and the footer says it is saving; then the row is re-read,
        and a refusal is shown in one sentence."""
        store, actor = self.board.store, self.board.actor
        latest = self.board._saved_versions
        row = self.board.rows.rows.get(unit_id)
        name = next((st.name for st in self.board._statuses() if st.id == status_id), None)
        if row is not None and name is not None:
            self.board.rows.update_rows([dataclasses.replace(row, status_name=f"{name} \u2026")])
        self.board.writes_pending += 1
        self.board.footer.setText(
            _tr("Menyimpan status {unit}\u2026").format(unit=row.name if row else "")
        )

        shown = self.board._board
        operation_id, lang = (shown.operation_id if shown else None), self.board._lang

        def job(
            _progress: object, _cancel: object
        ) -> tuple[units.StatusChanged, int, list[UnitRow]]:
            # Writes run one at a time, in order: a second change of the same unit made
            # before the first was saved goes on from the version the first one left.
            expected = version
            if version is not None and unit_id in latest:
                expected = max(version, latest[unit_id])
            done = units.set_status(
                store, actor, unit_id, status_id, reason=reason, expected_version=expected
            )
            latest[unit_id] = done.version
            # The row as saved, read here too: the GUI thread only shows it. The journal's
            # head first: the row is at least that new, so the feed's report of this very
            # change is not read again (``LiveUpdates.note_read``).
            with store.read() as s:
                seq = journal.head(s)
                fresh = reload_units(s, {unit_id}, operation_id=operation_id, lang=lang)
            return done, seq, fresh

        def succeeded(result: tuple[units.StatusChanged, int, list[UnitRow]]) -> None:
            done, seq, fresh = result
            again = self.board.live.note_read(seq, "unit", {unit_id})
            self._write_ended()
            if on_saved is not None:
                on_saved(done)
            self._saved_row(unit_id, fresh)
            if again:  # someone changed it again after our read: read it once more
                self.board.refresh_units(again)
            self.board.write_done.emit(True)

        def failed(error: BaseException) -> None:
            self.board.live.note_read(None, "unit", {unit_id})
            self._write_ended()
            self.board.refresh_units({unit_id})  # the pending mark goes; the row as stored
            if not isinstance(error, OpsError):
                raise error  # a bug: the application's crash dialog shows and logs it
            if on_refused is not None:
                on_refused(error)
            self.show_error(error, unit_id, retry=retry)
            self.board.write_done.emit(False)

        self.board.live.expect("unit", {unit_id})
        start_write(job, parent=self.board, on_success=succeeded, on_failure=failed)

    def _saved_row(self, unit_id: int, fresh: list[UnitRow]) -> None:
        """Show a unit's row as the write thread read it after saving, keeping its figures
        (a status change moves none), unless something newer is already shown (another
        workstation's change, applied by the live path meanwhile)."""
        if self.board._board is None:
            return
        if self.board._queued:  # a burst is being applied in slices: this unit joins it
            self.board.refresh_units({unit_id})
            return
        shown = self.board.rows.rows.get(unit_id)
        if shown is not None:
            fresh = [with_figures(r, shown.figures) for r in fresh if r.version >= shown.version]
            if not fresh:
                return
        if self.board.updates.show_rows({unit_id}, fresh):
            self.board.recompute_figures({"unit"})

    def _write_ended(self) -> None:
        self.board.writes_pending -= 1
        if not self.board.writes_pending:
            self.board._update_footer()

    def show_error(
        self,
        error: OpsError,
        unit_id: int | None = None,
        *,
        retry: tuple[int, str | None] | None = None,
    ) -> None:
        """The core's sentence, in a box that does not block; a stale row is re-read.

        After a stale refusal with the operator's intended change in hand (``retry``), the
        box offers to apply it again on top of what the other person saved.
        """
        sentence = messages.describe(error, self.board._lang)
        self.board.last_error = sentence
        # The unit whose row was stale (None: not a stale refusal, or no unit named).
        stale_id = unit_id if isinstance(error, StaleEdit) else None
        if stale_id is not None:
            self.board.refresh_units({stale_id})
        again = None
        if stale_id is not None and retry is not None:
            status_id, reason = retry
            again = functools.partial(self.set_unit_status, stale_id, status_id, reason)
        self.board.error_box = refusal_box(
            self.board, _tr("Status tidak disimpan"), sentence, again
        )
