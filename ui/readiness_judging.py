"""Judging a cell of the readiness matrix (``ui.readiness_panel``): the form
(``ui.readiness_dialog``), the write on the write thread (``ui.pending``), the undo step, and
the refusal said in one sentence.

Once saved, a judgement goes on the window's ``QUndoStack`` (``JudgeCommand``): Ctrl+Z puts
back what the cell held before. Every write is followed by a fresh read of the matrix; a
stale refusal (someone judged the cell meanwhile) says so, and the read shows the other
judgement.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from opscenter.errors import OpsError, StaleEdit
from opscenter.readiness.judgements import (
    Judgement,
    JudgementValue,
    clear_judgement,
    set_judgement,
)
from opscenter.readiness.matrix import Cell, Readiness
from ui.actions import close_keys
from ui.desk import Desk
from ui.error_dialog import refusal_box, sentence_for
from ui.pending import PendingWrite, SavedCommand
from ui.readiness_dialog import ReadinessDialog
from ui.readiness_model import ReadinessModel
from ui.translations import translator

log = logging.getLogger(__name__)


_tr = translator("ReadinessPanel")


class JudgeCommand(SavedCommand):
    """One cell's judgement set or cleared; undo puts back what it held before. Every step
    is a core write on the write thread with the version last seen (a judgement someone
    else set meanwhile is refused, not overwritten; the step then leaves the history)."""

    def __init__(
        self,
        judging: CellJudging,
        text: str,
        before: Judgement | None,
        after: JudgementValue | None,
        current: Judgement | None,
    ) -> None:
        super().__init__(text)
        self.judging = judging
        self.before = before
        self.after = after
        self.current = current  # as stored after the last step (read on the write thread)

    def step(self, *, redone: bool) -> None:
        b = self.before
        if redone:
            self._step(self.after)
            return
        self._step(
            JudgementValue(b.unit_id, b.aspect_id, b.level, b.note, b.evidence)
            if b is not None
            else None
        )

    def _step(self, target: JudgementValue | None) -> None:
        def refused(_error: OpsError) -> None:
            self.setObsolete(True)

        def saved(stored: Judgement | None) -> None:
            self.current = stored

        self.judging.put(target, self.current, on_saved=saved, on_refused=refused)


class CellJudging:
    """The judging of one panel's cells: ``open_form`` for a cell, ``put`` for each write
    (the form's and the undo history's). The matrix is ``model``'s; ``writes`` is the
    panel's write queue; ``reload`` reads the matrix again; forms and boxes open over
    ``parent``."""

    def __init__(
        self,
        desk: Desk,
        model: ReadinessModel,
        writes: PendingWrite,
        *,
        reload: Callable[[], None],
        lang: str,
        parent: QWidget,
    ) -> None:
        self._desk = desk
        self._model = model
        self._writes = writes
        self._reload = reload
        self._lang = lang
        self._parent = parent
        self.last_error: str | None = None  # the last refusal said (tests, logs)
        self.error_box: QMessageBox | None = None
        self.dialog: ReadinessDialog | None = None  # the last form opened (tests)

    def open_form(self, r: Readiness, cell: Cell) -> None:
        """The form for ``cell`` (a unit on one aspect) of the matrix ``r``."""
        unit = r.unit(cell.unit_id)
        aspect = next(a for a in r.aspects if a.id == cell.aspect_id)
        dialog = ReadinessDialog(unit.name, aspect.name, cell, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        close_keys(dialog)
        self.dialog = dialog
        label = f"{unit.name}, {aspect.name}"
        dialog.save_requested.connect(
            lambda value: self._from_dialog(dialog, label, cell.judgement, value)
        )
        dialog.clear_requested.connect(
            lambda: self._from_dialog(dialog, label, cell.judgement, None)
        )
        dialog.open()

    def _from_dialog(
        self,
        dialog: ReadinessDialog,
        label: str,
        before: Judgement | None,
        value: JudgementValue | None,
    ) -> None:
        if value is None and before is None:
            dialog.saved()
            return
        text = (
            _tr("Nilai kesiapan {cell}") if value is not None else _tr("Hapus penilaian {cell}")
        ).format(cell=label)

        def saved(stored: Judgement | None) -> None:
            dialog.saved()
            self._desk.undo_stack.push(JudgeCommand(self, text, before, value, stored))

        def refused(error: OpsError) -> None:
            dialog.refused(self._sentence(error))

        self.put(
            value, before, on_saved=saved, on_refused=refused, button=dialog.save_button, box=False
        )

    def put(
        self,
        target: JudgementValue | None,
        current: Judgement | None,
        *,
        on_saved: Callable[[Judgement | None], None],
        on_refused: Callable[[OpsError], None],
        button: QAbstractButton | None = None,
        box: bool = True,
    ) -> None:
        """Make a cell hold ``target`` (None: no judgement) where it held ``current``, on the
        write thread; then read the matrix again. A refusal: ``on_refused``, the sentence
        (in a box unless the form shows it) and a fresh read."""
        store, actor = self._desk.store, self._desk.actor
        r = self._model.readiness
        operation_id = r.operation_id if r is not None else 0

        def write() -> Judgement | None:
            if target is None:
                if current is not None:
                    clear_judgement(store, actor, current.id, expected_version=current.version)
                return None
            return set_judgement(
                store,
                actor,
                operation_id,
                target,
                expected_version=current.version if current is not None else None,
            )

        def saved(stored: object) -> None:
            on_saved(stored if isinstance(stored, Judgement) else None)
            self._reload()

        def refused(error: OpsError) -> None:
            log.info("readiness judgement refused: %r", error)
            on_refused(error)
            if box:
                self.show_error(error)
            else:
                self.last_error = self._sentence(error)
            self._reload()

        self._writes.submit(write, on_saved=saved, on_refused=refused, button=button)

    def _sentence(self, error: OpsError) -> str:
        sentence = sentence_for(error, self._lang)
        if isinstance(error, StaleEdit):
            sentence += " " + _tr(
                "Matriks dibaca ulang: periksa penilaian yang baru, lalu nilai lagi bila perlu."
            )
        return sentence

    def show_error(self, error: OpsError) -> None:
        """The sentence in a box that does not block."""
        sentence = self._sentence(error)
        self.last_error = sentence
        self.error_box = refusal_box(self._parent, _tr("Penilaian tidak disimpan"), sentence)
