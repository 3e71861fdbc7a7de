"""Visits and findings of one unit (Ubah > Kunjungan dan temuan…): the staff officer enters
the inspection visits (kunjungan kerja, supervisi, asistensi), their findings per readiness
aspect, and moves each follow-up on (terbuka, dalam proses, selesai).

The unit is chosen in a box at the top (the unit of the cell chosen on the Kesiapan tab
first). The visits are listed newest first; the findings of the chosen visit below them, an
overdue follow-up (``FindingRow.overdue`` on the operation's local date) in red with
"lewat tenggat". Three small forms at the side add a visit, add a finding to the chosen
visit, and set the chosen finding's follow-up; closing one ("selesai") needs a closing note.

Reads and writes run off the GUI thread (``ui.worker``, ``ui.pending``); each saved write
goes on the window's ``QUndoStack`` (``StepCommand``: undo removes what was added, or puts
the follow-up back as it was). A refusal is said inside the dialog in the core's sentence,
nothing changed and what was typed kept. Esc and Ctrl+W close, asking first about typed
input (``ui.unsaved.may_close``).

``StepCommand``, ``Ref``, ``UnitChoice`` and ``form_writes`` serve the budget and sarpras
forms too (``ui.budget_dialog``, ``ui.sarpras_dialog``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import IntEnum
from typing import Any, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QSize,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from opscenter import journal
from opscenter.actor import Actor
from opscenter.errors import OpsError, StaleEdit
from opscenter.live import JournalChanges
from opscenter.model import FOLLOW_UP_STATUSES, Operation, ReadinessAspect
from opscenter.operations import local_today, timezone_of
from opscenter.progress import CancelToken, Progress
from opscenter.readiness import visits
from opscenter.readiness.matrix import UnitReadiness
from opscenter.readiness.visits import FindingRow, FindingValue, VisitRow, VisitValue
from opscenter.reference import items, label
from opscenter.store import Store
from ui import theme
from ui.actions import SAVE_KEYS, close_keys
from ui.error_dialog import sentence_for
from ui.pending import PendingWrite
from ui.readiness_evidence import kind_names, status_names
from ui.readiness_model import matters
from ui.readiness_panel import ReadinessPanel
from ui.screen_fit import fit_to_screen
from ui.tab_order import OneStopDateTimeEdit, chain, leave_on_tab
from ui.table_model import TableModel
from ui.table_view import style_table
from ui.translations import interface_language
from ui.unsaved import may_close
from ui.worker import start_job

log = logging.getLogger(__name__)

# The object name of the write queue the readiness forms share with their undo commands:
# a child of the main window, so that Ctrl+Z still works after the form is closed.
WRITES_NAME = "readinessFormWrites"
R = TypeVar("R")


def _tr(text: str) -> str:
    return QCoreApplication.translate("VisitsDialog", text)


# --- shared by the readiness forms ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class UnitChoice:
    """A unit offered in a form's unit box (the units of the readiness matrix)."""

    unit_id: int
    name: str


@dataclass(slots=True)
class Ref:
    """A row a form added, as the undo history knows it: redoing an add makes a new row,
    and the commands that follow it (a finding of that visit) must name the new one.
    Read and written on the write thread only (the writes run there one after another)."""

    id: int
    version: int = 1


@dataclass(frozen=True, slots=True)
class FormTarget:
    """What a readiness form opens on: the operation, the units of the matrix (the top
    command first) and the unit of the cell chosen on the Kesiapan tab (None: the first)."""

    operation_id: int
    units: tuple[UnitChoice, ...]
    unit_id: int | None


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


class StepCommand(QUndoCommand):
    """A saved write on the undo history: ``backward`` undoes it, ``forward`` does it again,
    each a core write (a plain function) on the write thread. The first redo is the save
    itself, which happened before the push. A step the core refuses (someone changed the
    row meanwhile) leaves the history and is said through ``report``."""

    def __init__(
        self,
        text: str,
        writes: PendingWrite,
        forward: Callable[[], object],
        backward: Callable[[], object],
        report: Callable[[OpsError], None],
    ) -> None:
        super().__init__(text)
        self.writes = writes
        self.forward, self.backward, self.report = forward, backward, report
        self._done_once = True

    def redo(self) -> None:
        if self._done_once:
            self._done_once = False
            return
        self._run(self.forward)

    def undo(self) -> None:
        self._run(self.backward)

    def _run(self, step: Callable[[], object]) -> None:
        def refused(error: OpsError) -> None:
            log.info("readiness form undo step refused: %r", error)
            self.setObsolete(True)
            self.report(error)

        self.writes.submit(step, on_refused=refused)


def problem_label(parent: QWidget) -> QLabel:
    """The red sentence of a refusal, hidden until there is one."""
    problem = QLabel(parent)
    problem.setObjectName("formProblem")
    problem.setWordWrap(True)
    problem.setTextFormat(Qt.TextFormat.PlainText)
    problem.setStyleSheet(f"color: {theme.DEFICIT.name()}; font-weight: bold;")
    problem.hide()
    return problem


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


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def picked(edit: QDateTimeEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def date_edit(parent: QWidget, name: str, value: date) -> QDateTimeEdit:
    """A date field that is one Tab stop (its day, month and year by Left/Right)."""
    edit = OneStopDateTimeEdit(qdate(value), parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    return edit


def day_text(locale: QLocale, value: date | None) -> str:
    return locale.toString(qdate(value), "d MMM yyyy") if value is not None else "\u2014"


def text_box(parent: QWidget, name: str, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setObjectName(name)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().height() * lines + 12)
    return box


# --- what the dialog reads -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VisitsRead:
    unit_id: int
    today: date
    aspects: tuple[tuple[int, str], ...]
    visits: tuple[VisitRow, ...]


def read_visits(
    store: Store, operation_id: int, unit_id: int, now: datetime, lang: str
) -> VisitsRead:
    """One unit's visits with their findings, the aspects, and the operation's local date."""
    with store.read() as s:
        op = s.get_one(Operation, operation_id)
        aspects = tuple(
            (a.id, label(a.name, a.name_en, lang)) for a in items(s, ReadinessAspect, op.id)
        )
        rows = visits.visits(s, operation_id, unit_id, lang)
        return VisitsRead(unit_id, local_today(op, now), aspects, rows)


def refuse_if_found_elsewhere(store: Store, operation_id: int, unit_id: int, visit_id: int) -> None:
    """Undoing a visit's add removes the visit with its findings (``visits.remove_visit``):
    refused as a stale edit, naming who and when, while it has a finding, which can only be
    one entered elsewhere (this history removes its own findings first)."""
    with store.read() as s:
        rows = visits.visits(s, operation_id, unit_id)
        found = [f.id for v in rows if v.id == visit_id for f in v.findings]
        if not found:
            return
        last = journal.last_change(s, "inspection_finding", max(found))
        raise StaleEdit(
            entity="inspection_visit",
            entity_id=visit_id,
            by=last.actor if last is not None else None,
            at=last.at if last is not None else None,
            zone=timezone_of(s, operation_id),
        )


# --- the tables ------------------------------------------------------------------------------


class VisitColumn(IntEnum):
    DATE = 0
    KIND = 1
    LED_BY = 2
    TEAM = 3
    FINDINGS = 4


class VisitsModel(TableModel[VisitRow]):
    columns = VisitColumn

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(key=lambda v: v.id, parent=parent)
        self.today = date.min

    def headers(self) -> Sequence[tuple[str, str]]:
        return (
            (_tr("Tanggal"), ""),
            (_tr("Jenis"), ""),
            (_tr("Dipimpin"), ""),
            (_tr("Tim"), ""),
            (_tr("Temuan"), _tr("Temuan: semua · terbuka · lewat tenggat")),
        )

    def is_text(self, column: int) -> bool:
        return True

    def value(self, row: VisitRow, column: int) -> str | int:
        if column == VisitColumn.DATE:
            return day_text(self._locale, row.visited_on)
        if column == VisitColumn.KIND:
            return kind_names().get(row.kind, row.kind)
        if column == VisitColumn.LED_BY:
            return row.led_by or ""
        if column == VisitColumn.TEAM:
            return row.team or ""
        open_ = sum(f.is_open for f in row.findings)
        late = sum(f.overdue(self.today) for f in row.findings)
        text = _tr("{n} · {open} terbuka").format(n=len(row.findings), open=open_)
        return text + (_tr(" · {late} lewat tenggat").format(late=late) if late else "")

    def extra(self, row: VisitRow, column: int, role: int) -> Any:
        late = any(f.overdue(self.today) for f in row.findings)
        if late and column == VisitColumn.FINDINGS:
            if role == Qt.ItemDataRole.ForegroundRole:
                return theme.DEFICIT
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and column == VisitColumn.TEAM and row.checked:
            return _tr("Diperiksa: {what}").format(what=row.checked)
        return None


class FindingColumn(IntEnum):
    ASPECT = 0
    FINDING = 1
    ADVICE = 2
    PERSON = 3
    DUE = 4
    STATUS = 5


class FindingsModel(TableModel[FindingRow]):
    columns = FindingColumn

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(key=lambda f: f.id, parent=parent)
        self.today = date.min

    def headers(self) -> Sequence[tuple[str, str]]:
        return (
            (_tr("Aspek"), ""),
            (_tr("Uraian temuan"), ""),
            (_tr("Saran"), ""),
            (_tr("Penanggung\njawab"), ""),
            (_tr("Tenggat"), ""),
            (_tr("Tindak lanjut"), ""),
        )

    def is_text(self, column: int) -> bool:
        return True

    def value(self, row: FindingRow, column: int) -> str | int:
        if column == FindingColumn.ASPECT:
            return row.aspect_name
        if column == FindingColumn.FINDING:
            return row.finding
        if column == FindingColumn.ADVICE:
            return row.advice or ""
        if column == FindingColumn.PERSON:
            return row.person_in_charge or ""
        if column == FindingColumn.DUE:
            return day_text(self._locale, row.due_on) if row.due_on else ""
        status = status_names().get(row.status, row.status)
        if row.overdue(self.today):
            return "\u26a0 " + status + _tr(" · lewat tenggat")
        return status

    def extra(self, row: FindingRow, column: int, role: int) -> Any:
        if row.overdue(self.today):
            if role == Qt.ItemDataRole.ForegroundRole:
                return theme.DEFICIT
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (FindingColumn.ASPECT, FindingColumn.FINDING, FindingColumn.ADVICE):
                return str(self.value(row, column)) or None
            if column == FindingColumn.STATUS and row.closing_note:
                return _tr("Catatan penutupan: {note}").format(note=row.closing_note)
        return None


def table(
    parent: QWidget,
    name: str,
    model: TableModel[Any],
    stretch: Sequence[int],
    fixed: Sequence[int] = (),
) -> QTableView:
    """A short list (one unit's rows): columns as wide as their contents, the ``stretch``
    columns share the rest and wrap their text, the ``fixed`` ones keep the width set (and
    wrap), rows as tall as they need."""
    view = style_table(QTableView(parent), name=name, single=True, read_only=True)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setWordWrap(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in fixed:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    leave_on_tab(view)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


def show_rows(model: TableModel[R], rows: Sequence[R]) -> None:
    """Put ``rows`` in a short list's model: the rows that differ change in place, and every
    row is repainted (what a row shows can depend on the day, and the columns sized to their
    contents are measured again)."""
    model.set_rows(rows)
    model.rows_changed(range(len(rows)))


def form_page(parent: QWidget) -> tuple[QWidget, QFormLayout]:
    """A tab's form, its rows at the top."""
    page = QWidget(parent)
    column = QVBoxLayout(page)
    form = QFormLayout()
    column.addLayout(form)
    column.addStretch(1)
    return page, form


# --- the dialog ------------------------------------------------------------------------------


class OperationForm(QDialog):
    """What the forms over one operation's data share: a read off the GUI thread whenever a
    write ends (only the newest read is shown), the red sentence of a refusal, Urungkan
    (Ctrl+Z) and Tutup, Ctrl+Enter for the form shown, and the close question. A form gives
    ``reader`` (what to read, run on a worker thread, plain data out), ``show_read``,
    ``save_current`` and the ``ui.unsaved.Editor`` methods. ``ReadinessForm`` adds a unit
    box; ``ui.readiness_lists_dialog`` edits the operation's lists without one."""

    read_shown = Signal()  # each read shown (tests wait for it)
    write_done = Signal(bool)  # each write of this form: saved or refused
    unsaved_text = ""  # the close question's sentence

    def __init__(
        self,
        store: Store,
        actor: Actor,
        operation_id: int,
        *,
        undo_stack: QUndoStack,
        clock: Callable[[], datetime],
        parent: QWidget,
        name: str,
        title: str,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.store, self.actor, self.operation_id = store, actor, operation_id
        self.undo_stack, self._clock = undo_stack, clock
        self._lang = interface_language()
        self._locale = QLocale("en" if self._lang == "en" else "id")
        self.writes = form_writes(parent)
        self.writes.write_done.connect(self._after_write)
        self.last_error: str | None = None
        self._generation = 0
        self._reading = 0
        self._shown = False
        self._refs: list[Ref] = []  # rows added here (their ids move when an add is redone)
        self.problem = problem_label(self)
        self.hint = QLabel(
            _tr("Ctrl+Enter menyimpan isian yang terbuka · Ctrl+Z membatalkan · Esc menutup"),
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
        self.undo_button.setEnabled(undo_stack.canUndo())
        undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_button.clicked.connect(undo_stack.undo)
        QShortcut(QKeySequence("Ctrl+Z"), self, undo_stack.undo)
        for keys in SAVE_KEYS:
            QShortcut(QKeySequence(keys), self, self.save_current)
        close_keys(self)

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
        self.undo_stack.push(StepCommand(text, self.writes, forward, backward, self.reporter()))

    def ref(self, row_id: int) -> Ref:
        """The undo history's handle on a row (the same one for every command on it)."""
        for ref in self._refs:
            if ref.id == row_id:
                return ref
        ref = Ref(row_id)
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

    def __init__(
        self,
        store: Store,
        actor: Actor,
        target: FormTarget,
        *,
        undo_stack: QUndoStack,
        clock: Callable[[], datetime],
        parent: QWidget,
        name: str,
        title: str,
    ) -> None:
        super().__init__(
            store,
            actor,
            target.operation_id,
            undo_stack=undo_stack,
            clock=clock,
            parent=parent,
            name=name,
            title=title,
        )
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


class VisitsDialog(ReadinessForm):
    """The visits and findings of one unit (see the module docstring)."""

    def __init__(
        self,
        store: Store,
        actor: Actor,
        target: FormTarget,
        *,
        undo_stack: QUndoStack,
        clock: Callable[[], datetime],
        parent: QWidget,
    ) -> None:
        super().__init__(
            store,
            actor,
            target,
            undo_stack=undo_stack,
            clock=clock,
            parent=parent,
            name="visitsDialog",
            title=_tr("Kunjungan dan temuan"),
        )
        self.unsaved_text = _tr("Isian kunjungan atau temuan belum disimpan.")
        self._read: VisitsRead | None = None
        self._select_visit: int | None = None
        self._select_finding: int | None = None
        self._dates_set = False  # the date fields start at the operation's today, once read
        self._follow_start: tuple[str, str] = ("", "")
        self._follow_key: tuple[int, int] | None = (-1, -1)  # the follow-up in its form
        self.today_label = QLabel(self)
        self.today_label.setStyleSheet(f"color: {theme.MUTED.name()};")
        # Never squeezed by the unit box beside it: the date is what "lewat tenggat" means.
        self.today_label.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)

        self.visits_model = VisitsModel(self)
        self.visits_model.set_locale(self._locale)
        self.visits_view = table(
            self, "visitsTable", self.visits_model, (VisitColumn.LED_BY, VisitColumn.TEAM)
        )
        self.findings_model = FindingsModel(self)
        self.findings_model.set_locale(self._locale)
        self.findings_view = table(
            self,
            "findingsTable",
            self.findings_model,
            (FindingColumn.FINDING, FindingColumn.ADVICE),
            (FindingColumn.ASPECT, FindingColumn.PERSON, FindingColumn.STATUS),
        )
        visits_label = QLabel(_tr("Daftar kunjun&gan (terbaru di atas)"), self)
        visits_label.setBuddy(self.visits_view)
        self.findings_label = QLabel(_tr("T&emuan kunjungan terpilih"), self)
        self.findings_label.setBuddy(self.findings_view)
        self.visits_view.selectionModel().currentRowChanged.connect(self._visit_chosen)
        self.findings_view.selectionModel().currentRowChanged.connect(self._finding_chosen)

        self.forms = QTabWidget(self)
        self.forms.setObjectName("visitsForms")
        self.forms.addTab(self._visit_form(), _tr("Kunjungan baru"))
        self.forms.addTab(self._finding_form(), _tr("Temuan baru"))
        self.forms.addTab(self._follow_form(), _tr("Tindak lanjut"))

        lists = QVBoxLayout()
        lists.addWidget(visits_label)
        lists.addWidget(self.visits_view, 2)
        lists.addWidget(self.findings_label)
        lists.addWidget(self.findings_view, 3)
        middle = QHBoxLayout()
        middle.addLayout(lists, 5)
        middle.addWidget(self.forms, 2)
        self.place(self.today_label, middle)
        em = self.fontMetrics().horizontalAdvance("M")
        fit_to_screen(self, QSize(em * 100, self.fontMetrics().height() * 40))
        self.findings_view.setColumnWidth(FindingColumn.ASPECT, em * 9)
        self.findings_view.setColumnWidth(FindingColumn.PERSON, em * 9)
        # "⚠ terbuka · lewat tenggat" wraps: the finding's own text gets the room.
        self.findings_view.setColumnWidth(FindingColumn.STATUS, em * 10)
        self.reading_order(
            self.visits_view,
            self.findings_view,
            self.forms,
            self.visit_date,
            self.visit_kind,
            self.visit_led,
            self.visit_team,
            self.visit_checked,
            self.add_visit_button,
            self.finding_aspect,
            self.finding_text,
            self.finding_advice,
            self.finding_person,
            self.finding_has_due,
            self.finding_due,
            self.add_finding_button,
            self.follow_status,
            self.follow_note,
            self.follow_button,
        )
        self._show_choice()
        self.reload()

    # -- the forms ----------------------------------------------------------------------------

    def _visit_form(self) -> QWidget:
        page, form = form_page(self)
        self.visit_date = date_edit(page, "visitDate", self._clock().date())
        self.visit_kind = QComboBox(page)
        self.visit_kind.setObjectName("visitKind")
        for code, name in kind_names().items():
            self.visit_kind.addItem(name, code)
        self.visit_led = QLineEdit(page)
        self.visit_led.setObjectName("visitLedBy")
        self.visit_led.setPlaceholderText(_tr("mis. Kapolda Jambi"))
        self.visit_team = QLineEdit(page)
        self.visit_team.setObjectName("visitTeam")
        self.visit_team.setPlaceholderText(_tr("mis. Tim Itwasda"))
        self.visit_checked = text_box(page, "visitChecked", 3)
        self.visit_checked.setPlaceholderText(_tr("mis. posko, kendaraan, senjata"))
        form.addRow(_tr("&Tanggal"), self.visit_date)
        form.addRow(_tr("&Jenis"), self.visit_kind)
        form.addRow(_tr("&Dipimpin oleh"), self.visit_led)
        form.addRow(_tr("T&im"), self.visit_team)
        form.addRow(_tr("Yang di&periksa"), self.visit_checked)
        self.add_visit_button = QPushButton(_tr("Tambah &kunjungan"), page)
        self.add_visit_button.setObjectName("addVisit")
        self.add_visit_button.clicked.connect(self.add_visit)
        form.addRow(self.add_visit_button)
        return page

    def _finding_form(self) -> QWidget:
        page, form = form_page(self)
        self.finding_for = QLabel(page)
        self.finding_for.setWordWrap(True)
        self.finding_aspect = QComboBox(page)
        self.finding_aspect.setObjectName("findingAspect")
        self.finding_text = text_box(page, "findingText", 2)
        self.finding_advice = text_box(page, "findingAdvice", 2)
        self.finding_person = QLineEdit(page)
        self.finding_person.setObjectName("findingPerson")
        self.finding_person.setPlaceholderText(_tr("mis. Kabag Log"))
        self.finding_has_due = QCheckBox(_tr("&Ada tenggat"), page)
        self.finding_has_due.setObjectName("findingHasDue")
        self.finding_due = date_edit(page, "findingDue", self._clock().date())
        self.finding_due.setEnabled(False)
        self.finding_has_due.toggled.connect(self.finding_due.setEnabled)
        due_row = QHBoxLayout()
        due_row.addWidget(self.finding_has_due)
        due_row.addWidget(self.finding_due, 1)
        form.addRow(self.finding_for)
        form.addRow(_tr("As&pek"), self.finding_aspect)
        form.addRow(_tr("Te&muan"), self.finding_text)
        form.addRow(_tr("Sa&ran"), self.finding_advice)
        form.addRow(_tr("Penanggung &jawab"), self.finding_person)
        form.addRow(_tr("Tenggat"), due_row)
        self.add_finding_button = QPushButton(_tr("Tambah &temuan"), page)
        self.add_finding_button.setObjectName("addFinding")
        self.add_finding_button.clicked.connect(self.add_finding)
        form.addRow(self.add_finding_button)
        return page

    def _follow_form(self) -> QWidget:
        page, form = form_page(self)
        self.follow_for = QLabel(page)
        self.follow_for.setWordWrap(True)
        self.follow_for.setTextFormat(Qt.TextFormat.PlainText)
        self.follow_status = QComboBox(page)
        self.follow_status.setObjectName("followStatus")
        for code in FOLLOW_UP_STATUSES:
            self.follow_status.addItem(status_names()[code], code)
        self.follow_note_label = QLabel(_tr("Catatan &penutupan"), page)
        self.follow_note = text_box(page, "followNote", 3)
        self.follow_note.setPlaceholderText(_tr("Wajib bila selesai: apa yang sudah dikerjakan"))
        self.follow_note_label.setBuddy(self.follow_note)
        self.follow_status.currentIndexChanged.connect(lambda _i: self._status_picked())
        form.addRow(self.follow_for)
        form.addRow(_tr("S&tatus"), self.follow_status)
        form.addRow(self.follow_note_label, self.follow_note)
        self.follow_button = QPushButton(_tr("Si&mpan status"), page)
        self.follow_button.setObjectName("saveFollowUp")
        self.follow_button.clicked.connect(self.save_follow_up)
        form.addRow(self.follow_button)
        return page

    # -- reading ------------------------------------------------------------------------------

    def read(self, unit_id: int, now: datetime) -> VisitsRead:
        return read_visits(self.store, self.operation_id, unit_id, now, self._lang)

    def show_read(self, read: VisitsRead) -> None:
        keep_visit = self._select_visit or self._current_visit_id()
        keep_finding = self._select_finding or self._current_finding_id()
        self._select_visit = self._select_finding = None
        self._read = read
        if not self._dates_set:
            self._dates_set = True
            self.visit_date.setDate(qdate(read.today))
            self.finding_due.setDate(qdate(read.today))
        self.today_label.setText(
            _tr("Hari ini: {day}").format(day=day_text(self._locale, read.today))
        )
        if self.finding_aspect.count() != len(read.aspects):
            self.finding_aspect.clear()
            for aspect_id, name in read.aspects:
                self.finding_aspect.addItem(name, aspect_id)
        self.visits_model.today = self.findings_model.today = read.today
        show_rows(self.visits_model, read.visits)
        row = self.visits_model.row_of(keep_visit) if keep_visit is not None else None
        if row is None and read.visits:
            row = 0
        if row is not None:
            self.visits_view.setCurrentIndex(self.visits_model.index(row, 0))
        self._show_findings(keep_finding)

    def unit_changed(self) -> None:
        self.visits_model.reset_rows(())
        self.findings_model.reset_rows(())
        self._show_choice()

    def _current_visit_id(self) -> int | None:
        row = self.visits_model.row_at(self.visits_view.currentIndex().row())
        return row.id if row is not None else None

    def _current_finding_id(self) -> int | None:
        row = self.findings_model.row_at(self.findings_view.currentIndex().row())
        return row.id if row is not None else None

    def current_visit(self) -> VisitRow | None:
        index = self.visits_view.currentIndex()
        return self.visits_model.row_at(index.row()) if index.isValid() else None

    def current_finding(self) -> FindingRow | None:
        index = self.findings_view.currentIndex()
        return self.findings_model.row_at(index.row()) if index.isValid() else None

    def _visit_chosen(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_findings(None)

    def _show_findings(self, keep: int | None) -> None:
        visit = self.current_visit()
        show_rows(self.findings_model, visit.findings if visit is not None else ())
        row = self.findings_model.row_of(keep) if keep is not None else None
        if row is None and self.findings_model.rowCount():
            row = 0
        if row is not None:
            self.findings_view.setCurrentIndex(self.findings_model.index(row, 0))
        self._show_choice()

    def _finding_chosen(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_choice()

    def _show_choice(self) -> None:
        """The forms say which visit and which finding they act on."""
        visit = self.current_visit()
        kinds = kind_names()
        if visit is None:
            self.finding_for.setText(_tr("Pilih atau tambahkan kunjungan dulu."))
        else:
            self.finding_for.setText(
                _tr("Untuk kunjungan {day}, {kind}").format(
                    day=day_text(self._locale, visit.visited_on), kind=kinds.get(visit.kind, "")
                )
            )
        self.add_finding_button.setEnabled(visit is not None)
        finding = self.current_finding()
        key = (finding.id, finding.version) if finding is not None else None
        if key == self._follow_key:
            return  # the same follow-up as read before: what is typed in its form stays
        self._follow_key = key
        self._follow_start = ("", "")
        if finding is None:
            self.follow_for.setText(_tr("Pilih temuan di daftar temuan."))
            self.follow_note.setPlainText("")
        else:
            self.follow_for.setText(f"{finding.aspect_name}: {finding.finding}")
            self.follow_status.setCurrentIndex(self.follow_status.findData(finding.status))
            self.follow_note.setPlainText(finding.closing_note or "")
            self._follow_start = (finding.status, finding.closing_note or "")
        self.follow_button.setEnabled(finding is not None)
        self._status_picked()

    def _status_picked(self) -> None:
        closing = self.follow_status.currentData() == visits.CLOSED
        self.follow_note_label.setText(
            _tr("Catatan &penutupan (wajib)") if closing else _tr("Catatan &penutupan")
        )
        self.follow_note.setEnabled(closing)
        if closing and self.follow_status.hasFocus() and not self.follow_note.toPlainText():
            self.follow_note.setFocus()  # the note is what closing needs next

    # -- writing ------------------------------------------------------------------------------

    def save_current(self) -> None:
        """Ctrl+Enter: the form on the tab shown."""
        page = self.forms.currentIndex()
        (self.add_visit, self.add_finding, self.save_follow_up)[page]()

    def visit_value(self) -> VisitValue | None:
        unit_id = self.unit_id
        if unit_id is None:
            return None
        return VisitValue(
            unit_id,
            picked(self.visit_date),
            str(self.visit_kind.currentData()),
            self.visit_led.text(),
            self.visit_team.text(),
            self.visit_checked.toPlainText(),
        )

    def add_visit(self) -> None:
        value = self.visit_value()
        if value is None or not self.add_visit_button.isEnabled():
            return
        store, actor, op = self.store, self.actor, self.operation_id

        def write() -> int:
            return visits.add_visit(store, actor, op, value)

        def saved(visit_id: int) -> None:
            ref = self.ref(visit_id)

            def forward() -> None:
                ref.id, ref.version = visits.add_visit(store, actor, op, value), 1

            def backward() -> None:
                refuse_if_found_elsewhere(store, op, value.unit_id, ref.id)
                visits.remove_visit(store, actor, ref.id, expected_version=ref.version)

            text = _tr("Tambah kunjungan {unit} {day}").format(
                unit=self.unit_box.currentText(), day=day_text(self._locale, value.visited_on)
            )
            self.push(text, forward, backward)
            self.visit_led.clear()
            self.visit_team.clear()
            self.visit_checked.clear()
            self._select_visit = visit_id
            self.forms.setCurrentIndex(1)
            self.finding_aspect.setFocus()

        self.submit(write, saved, self.add_visit_button)

    def finding_value(self) -> FindingValue | None:
        aspect = self.finding_aspect.currentData()
        if aspect is None:
            return None
        due = picked(self.finding_due) if self.finding_has_due.isChecked() else None
        return FindingValue(
            int(aspect),
            self.finding_text.toPlainText(),
            self.finding_advice.toPlainText(),
            self.finding_person.text(),
            due,
        )

    def add_finding(self) -> None:
        visit, value = self.current_visit(), self.finding_value()
        if visit is None or value is None or not self.add_finding_button.isEnabled():
            return
        store, actor = self.store, self.actor
        visit_ref = self.ref(visit.id)

        def write() -> int:
            return visits.add_finding(store, actor, visit_ref.id, value)

        def saved(finding_id: int) -> None:
            ref = self.ref(finding_id)

            def forward() -> None:
                ref.id, ref.version = visits.add_finding(store, actor, visit_ref.id, value), 1

            def backward() -> None:
                visits.remove_finding(store, actor, ref.id, expected_version=ref.version)

            text = _tr("Tambah temuan {aspect}").format(aspect=self.finding_aspect.currentText())
            self.push(text, forward, backward)
            self.finding_text.clear()
            self.finding_advice.clear()
            self.finding_person.clear()
            self.finding_has_due.setChecked(False)
            self._select_visit, self._select_finding = visit.id, finding_id
            self.finding_text.setFocus()

        self.submit(write, saved, self.add_finding_button)

    def save_follow_up(self) -> None:
        finding = self.current_finding()
        if finding is None or not self.follow_button.isEnabled():
            return
        status = str(self.follow_status.currentData())
        note = self.follow_note.toPlainText() if status == visits.CLOSED else None
        before = (finding.status, finding.closing_note)
        store, actor = self.store, self.actor
        ref = self.ref(finding.id)
        shown_version = finding.version

        def write() -> int:
            ref.version = visits.set_follow_up(
                store, actor, ref.id, status, note=note, expected_version=shown_version
            )
            return ref.version

        def saved(_version: int) -> None:
            def step(to: tuple[str, str | None]) -> Callable[[], None]:
                def run() -> None:
                    ref.version = visits.set_follow_up(
                        store, actor, ref.id, to[0], note=to[1], expected_version=ref.version
                    )

                return run

            text = _tr("Tindak lanjut {finding}: {status}").format(
                finding=finding.finding, status=status_names()[status]
            )
            self.push(text, step((status, note)), step(before))
            self._follow_start = (status, note or "")
            self._select_visit, self._select_finding = finding.visit_id, finding.id

        self.submit(write, saved, self.follow_button)

    # -- nothing typed is lost (``ui.unsaved.Editor``) -----------------------------------------

    def _dirty_page(self) -> int | None:
        if any(
            t.strip()
            for t in (
                self.visit_led.text(),
                self.visit_team.text(),
                self.visit_checked.toPlainText(),
            )
        ):
            return 0
        if any(
            t.strip()
            for t in (
                self.finding_text.toPlainText(),
                self.finding_advice.toPlainText(),
                self.finding_person.text(),
            )
        ):
            return 1
        finding = self.current_finding()
        if finding is not None:
            now = (str(self.follow_status.currentData()), self.follow_note.toPlainText().strip())
            if now != (self._follow_start[0], self._follow_start[1].strip()):
                return 2
        return None

    def is_dirty(self) -> bool:
        return self._dirty_page() is not None

    def save_input(self) -> bool:
        page = self._dirty_page()
        if page is not None:
            self.forms.setCurrentIndex(page)
            self.save_current()
        return False  # closes once saved (``may_close`` waits for the write)


def open_form(
    window: QWidget,
    form: str,
    panel: ReadinessPanel | None,
    store: Store,
    actor: Actor,
    undo_stack: QUndoStack,
    clock: Callable[[], datetime],
    changes: SignalInstance | None = None,
) -> ReadinessForm | None:
    """Open the readiness form ``form`` ("visits", "budget", "sarpras") over ``window`` (the
    main window) for the unit chosen on the Kesiapan tab; None while the matrix has not been
    read yet. ``changes`` (the change feed) keeps the form current."""
    target = form_target(panel) if panel is not None else None
    if target is None or not target.units:
        return None
    dialog: ReadinessForm
    if form == "sarpras":
        from ui.sarpras_dialog import SarprasDialog  # it builds on this module

        dialog = SarprasDialog(
            store, actor, target, undo_stack=undo_stack, clock=clock, parent=window
        )
    elif form == "budget":
        from ui.budget_dialog import BudgetDialog  # it builds on this module

        dialog = BudgetDialog(
            store, actor, target, undo_stack=undo_stack, clock=clock, parent=window
        )
    else:
        dialog = VisitsDialog(
            store, actor, target, undo_stack=undo_stack, clock=clock, parent=window
        )
    if changes is not None:
        dialog.follow(changes)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
