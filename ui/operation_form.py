"""The base of every form over one operation's data: the readiness forms (visits, budget,
sarpras), the readiness lists and the watch's steps.

``OperationForm`` reads off the GUI thread whenever a write ends (only the newest read is
shown), runs its writes on the main window's one write queue (``form_writes``) and puts each
saved one on the window's undo history (Urungkan, Ctrl+Z; Ctrl+Y redoes), says a refusal in
red in the core's sentence, saves the form shown on Enter or Ctrl+Enter, and asks before
closing on typed input. ``ReadinessForm`` adds the unit box of a form over one unit.

A form opens with a ``FormContext`` (store, account, operation, undo history, clock, main
window) and a readiness form also with a ``FormTarget``, the units of the Kesiapan tab's
matrix (``form_target``). ``Ref`` is the undo history's handle on a row a form added. An
undo step refused once its form is closed is said in a box over the main window
(``show_refusal``).

Used by ``ui.visits_dialog``, ``ui.budget_dialog``, ``ui.sarpras_dialog``,
``ui.reference_lists_dialog`` (the readiness lists, the watch's steps) and
``ui.main_window``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from opscenter.actor import Actor
from opscenter.errors import OpsError, StaleEdit
from opscenter.live import JournalChanges
from opscenter.progress import CancelToken, Progress
from opscenter.readiness.matrix import UnitReadiness
from opscenter.store import Store
from ui import theme
from ui.actions import SAVE_KEYS, SPECS, close_keys
from ui.error_dialog import sentence_for
from ui.form_parts import error_label
from ui.pending import PendingWrite, WriteCommand
from ui.readiness_model import matters
from ui.readiness_panel import ReadinessPanel
from ui.tab_order import chain
from ui.translations import interface_language, translator
from ui.unsaved import may_close
from ui.worker import start_job

log = logging.getLogger(__name__)

# The object name of the write queue the readiness forms share with their undo commands:
# a child of the main window, so that Ctrl+Z still works after the form is closed.
WRITES_NAME = "readinessFormWrites"


_tr = translator("OperationForm")


@dataclass(frozen=True, slots=True)
class UnitChoice:
    """A unit offered in a form's unit box (the units of the readiness matrix)."""

    unit_id: int
    name: str


@dataclass(slots=True)
class Ref:
    """A row a form added, as the undo history knows it: redoing an add makes a new row,
    and the commands that follow it (a finding of that visit) must name the new one.
    Read and written on the write thread only (the writes run there one after another).
    ``kind`` tells rows of different tables apart (a visit and a finding may share an id)."""

    id: int
    version: int = 1
    kind: str = ""


@dataclass(frozen=True, slots=True)
class FormTarget:
    """What a readiness form opens on: the operation, the units of the matrix (the top
    command first) and the unit of the cell chosen on the Kesiapan tab (None: the first)."""

    operation_id: int
    units: tuple[UnitChoice, ...]
    unit_id: int | None


@dataclass(frozen=True, slots=True)
class FormContext:
    """What every operation form works with, handed down as one: the store and the signed-in
    account it writes as, the operation, the main window's undo history and clock, and the
    main window itself (the form's parent, whose one write queue the forms share)."""

    store: Store
    actor: Actor
    operation_id: int
    undo_stack: QUndoStack
    clock: Callable[[], datetime]
    window: QWidget


def form_target(panel: ReadinessPanel) -> FormTarget | None:
    """The target from the Kesiapan tab's matrix; None before it has been read."""
    r = panel.readiness
    if r is None:
        return None
    tops = (r.top,) if r.top is not None else ()
    units = tuple(UnitChoice(u.unit_id, u.name) for u in (*tops, *r.units))
    row = panel.model.row_at(panel.view.currentIndex().row())
    if isinstance(row, UnitReadiness):
        chosen: int | None = row.unit_id
    else:  # the roll-up row: the top command's own figures
        chosen = r.top.unit_id if r.top is not None and row is not None else None
    return FormTarget(r.operation_id, units, chosen)


def form_writes(window: QWidget) -> PendingWrite:
    """The write queue of the readiness forms opened from ``window`` (made once)."""
    found = window.findChild(PendingWrite, WRITES_NAME)
    if found is not None:
        return found
    writes = PendingWrite(window)
    writes.setObjectName(WRITES_NAME)
    return writes


def show_refusal(window: QWidget, sentence: str) -> QMessageBox:
    """A refused undo step once its form is closed: the sentence in a box that does not
    block."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        _tr("Tidak disimpan"),
        sentence,
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.setObjectName("formRefusal")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def refusal_sentence(error: OpsError, lang: str) -> str:
    sentence = sentence_for(error, lang)
    if isinstance(error, StaleEdit):
        sentence += " " + _tr("Daftar dibaca ulang: periksa isinya, lalu ulangi bila perlu.")
    return sentence


class OperationForm(QDialog):
    """What the forms over one operation's data share: a read off the GUI thread whenever a
    write ends (only the newest read is shown), the red sentence of a refusal, Urungkan
    (Ctrl+Z) and Tutup, Ctrl+Enter for the form shown, and the close question. A form gives
    ``reader`` (what to read, run on a worker thread, plain data out), ``show_read``,
    ``save_current`` and the ``ui.unsaved.Editor`` methods. ``ReadinessForm`` adds a unit
    box; ``ui.reference_lists_dialog`` edits the operation's lists without one."""

    read_shown = Signal()  # each read shown (tests wait for it)
    write_done = Signal(bool)  # each write of this form: saved or refused
    unsaved_text = ""  # the close question's sentence

    def __init__(self, ctx: FormContext, *, name: str, title: str) -> None:
        super().__init__(ctx.window)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.store, self.actor, self.operation_id = ctx.store, ctx.actor, ctx.operation_id
        self.undo_stack, self._clock = ctx.undo_stack, ctx.clock
        self._lang = interface_language()
        self._locale = QLocale("en" if self._lang == "en" else "id")
        self.writes = form_writes(ctx.window)
        self.writes.write_done.connect(self._after_write)
        self.last_error: str | None = None
        self._generation = 0
        self._reading = 0
        self._shown = False
        self._refs: list[Ref] = []  # rows added here (their ids move when an add is redone)
        self.problem = error_label(self, "formProblem")
        self.hint = QLabel(
            _tr("Ctrl+Enter menyimpan isian yang terbuka · Ctrl+Z mengurungkan · Esc menutup"),
            self,
        )
        self.hint.setStyleSheet(f"color: {theme.MUTED.name()};")
        self.hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(_tr("Tutup"))
        self.buttons.rejected.connect(self.reject)
        self.undo_button = self.buttons.addButton(
            _tr("&Urungkan"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.undo_button.setObjectName(name + "Undo")
        self.undo_button.setEnabled(self.undo_stack.canUndo())
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        QShortcut(QKeySequence("Ctrl+Z"), self, self.undo_stack.undo)
        for keys in SPECS["redoAction"].keys:  # Ctrl+Y, Ctrl+Shift+Z as in the main window
            QShortcut(QKeySequence(keys), self, self.undo_stack.redo)
        for keys in SAVE_KEYS:
            QShortcut(QKeySequence(keys), self, self.save_current)
        close_keys(self)
        for button in self.buttons.buttons():
            # Enter is the form's (``keyPressEvent``): Tutup as the dialog's default button
            # closed the form on an Enter typed in a field or on a list.
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a field saves the form shown, as Ctrl+Enter does (a list takes its own
        Enter: ``ui.tab_order.enter_activates``); it never presses another button."""
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.save_current()
            return
        super().keyPressEvent(event)

    def lay_out(self, top: QHBoxLayout | None, body: QHBoxLayout | QVBoxLayout) -> None:
        """Lay the form out: ``top``, ``body``, the sentence, the hint, the buttons."""
        column = QVBoxLayout(self)
        if top is not None:
            column.addLayout(top)
        column.addLayout(body, 1)
        column.addWidget(self.problem)
        column.addWidget(self.hint)
        column.addWidget(self.buttons)

    def reading_order(self, *stops: QWidget) -> None:
        """Tab through ``stops`` to Urungkan and Tutup."""
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        chain(*stops, self.undo_button, close)

    # -- reading ------------------------------------------------------------------------------

    def loaded(self) -> bool:
        return self._shown and self._reading == 0

    def reader(self) -> Callable[[datetime], object] | None:
        """What the form reads now (called on a worker thread with the time: its own
        session, plain data out); None: nothing to read yet."""
        raise NotImplementedError

    def show_read(self, result: Any) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        read = self.reader()
        if read is None:
            return
        self._generation += 1
        self._reading += 1
        generation, now = self._generation, self._clock()

        def job(_progress: Progress, _cancel: CancelToken) -> object:
            return read(now)

        def landed(result: object) -> None:
            self._reading -= 1
            if generation == self._generation:
                self._shown = True
                self.show_read(result)
                self.read_shown.emit()

        def failed(error: BaseException) -> None:
            self._reading -= 1
            if generation == self._generation:
                self._say(sentence_for(error, self._lang))

        start_job(job, parent=self, on_success=landed, on_failure=failed)

    def follow(self, changes: SignalInstance) -> None:
        """Read again when another workstation (or window) changes what the form shows:
        ``changes`` is the main window's change feed (``ui.live.ChangeFeed.changed``)."""
        changes.connect(self._changes_arrived)

    def _changes_arrived(self, changes: JournalChanges) -> None:
        if matters(changes) and self._reading == 0 and not self.writes.busy:
            self.reload()  # (a read or write under way reads again when it ends anyway)

    # -- writing ------------------------------------------------------------------------------

    def save_current(self) -> None:
        """Ctrl+Enter: save the form shown."""
        raise NotImplementedError

    def _say(self, sentence: str) -> None:
        self.last_error = sentence
        self.problem.setText(sentence)
        self.problem.show()

    def _report(self, error: OpsError) -> None:
        """A refusal of this form's writes or of an undo step: the sentence (and a fresh
        read, as after every write)."""
        self._say(refusal_sentence(error, self._lang))

    def reporter(self) -> Callable[[OpsError], None]:
        """Where an undo step's refusal is said: here while the form is open, else in a
        box over the main window (the step outlives the form)."""
        dialog, window, lang = self, self.parentWidget(), self._lang
        assert window is not None  # opened from the main window

        def report(error: OpsError) -> None:
            if isValid(dialog) and dialog.isVisible():
                dialog._report(error)
            else:
                show_refusal(window, refusal_sentence(error, lang))

        return report

    def _after_write(self, _saved: bool) -> None:
        self.reload()

    def submit(
        self,
        write: Callable[[], object],
        saved: Callable[[Any], None],
        button: QPushButton | None,
    ) -> None:
        """Run ``write`` on the write thread; ``saved`` gets its result, a refusal is said."""
        self.problem.hide()
        self.last_error = None

        def done(result: object) -> None:
            saved(result)
            self.write_done.emit(True)

        def refused(error: OpsError) -> None:
            log.info("%s write refused: %r", self.objectName(), error)
            self._report(error)
            self.write_done.emit(False)

        self.writes.submit(write, on_saved=done, on_refused=refused, button=button)

    def push(
        self, text: str, forward: Callable[[], object], backward: Callable[[], object]
    ) -> None:
        """A saved write onto the window's history."""
        self.undo_stack.push(
            WriteCommand(text, self.writes, forward, backward, self.reporter(), drop_refused=True)
        )

    def ref(self, row_id: int, kind: str = "") -> Ref:
        """The undo history's handle on a row (the same one for every command on it);
        ``kind`` names its table where the form writes to more than one."""
        for ref in self._refs:
            if ref.id == row_id and ref.kind == kind:
                return ref
        ref = Ref(row_id, kind=kind)
        self._refs.append(ref)
        return ref

    # -- nothing typed is lost (``ui.unsaved.Editor``) -----------------------------------------

    def is_dirty(self) -> bool:
        raise NotImplementedError

    def save_input(self) -> bool:
        self.save_current()
        return False  # closes once saved (``may_close`` waits for the write)

    def discard_input(self) -> None:
        """What was typed goes with the form."""

    def reject(self) -> None:
        if may_close(self, what=self.unsaved_text, writes=self.writes):
            super().reject()


class ReadinessForm(OperationForm):
    """A form over one unit's readiness data: the unit box at the top (a read whenever it
    changes); a form gives ``read`` for a unit."""

    def __init__(self, ctx: FormContext, target: FormTarget, *, name: str, title: str) -> None:
        super().__init__(ctx, name=name, title=title)
        self.unit_box = QComboBox(self)
        self.unit_box.setObjectName(name + "Unit")
        for u in target.units:
            self.unit_box.addItem(u.name, u.unit_id)
        unit_id = target.unit_id
        start = self.unit_box.findData(unit_id) if unit_id is not None else 0
        self.unit_box.setCurrentIndex(max(0, start))
        self.unit_label = QLabel(_tr("&Satuan:"), self)
        self.unit_label.setBuddy(self.unit_box)
        self.unit_box.currentIndexChanged.connect(lambda _i: self._unit_changed())

    def place(self, top_extra: QWidget | None, body: QHBoxLayout | QVBoxLayout) -> None:
        """Lay the form out: the unit row, ``body``, the sentence, the hint, the buttons."""
        top = QHBoxLayout()
        top.addWidget(self.unit_label)
        top.addWidget(self.unit_box, 1)
        if top_extra is not None:
            top.addWidget(top_extra)
        self.lay_out(top, body)

    def reading_order(self, *stops: QWidget) -> None:
        """Tab from the unit box through ``stops`` to Urungkan and Tutup."""
        super().reading_order(self.unit_box, *stops)

    @property
    def unit_id(self) -> int | None:
        data = self.unit_box.currentData()
        return int(data) if data is not None else None

    def read(self, unit_id: int, now: datetime) -> object:
        """The form's figures for ``unit_id`` (on a worker thread: its own session)."""
        raise NotImplementedError

    def reader(self) -> Callable[[datetime], object] | None:
        unit_id, read = self.unit_id, self.read
        if unit_id is None:
            return None
        return lambda now: read(unit_id, now)

    def unit_changed(self) -> None:
        """The unit box moved on: drop what was shown of the other unit."""

    def _unit_changed(self) -> None:
        self.unit_changed()
        self.reload()
