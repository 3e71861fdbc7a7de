"""The TPS watch tab ("Pantau TPS"), where operators follow voting day.

At the top, the fast entry line for an operator on the phone with a Polsek: a TPS or a
post, a step and perhaps a time ("1501012001003 1", "Siulak Deras 3 tiba 05:40",
"Siulak P3 2": every TPS of the post on voting day), Enter. The line is read
(``ui.watch_entry``) and written on the write thread (``ui.pending``: "Menyimpan…"
meanwhile); the result, or the core's refusal in one sentence, shows under it. A saved
entry goes on the window's ``QUndoStack`` (``ui.watch_entry.WatchCommand``): Ctrl+Z writes
back what the steps held before and the line under the entry says the entry is taken back
("Dibatalkan: ..."; a redo: recorded again); an undo is refused when someone has reported
those steps since. The step "g" (gangguan) opens the incident form on the TPS instead
(``incident_wanted``: the operation page opens it).

Below, the progress per Polres and kecamatan (a tree; a bar per step), the TPS of the
chosen kecamatan with each step's time, and the overdue TPS. The watch is read off the GUI
thread (``opscenter.watch.progress``), only the newest read is shown, and the models repaint
only what moved. It follows the journal through ``ui.live_updates`` like every panel, and
reads again when a deadline passes with nothing else happening (one timer, set to the next
deadline). Roles without ``watch.record`` see it all, without the entry line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from opscenter import journal
from opscenter.errors import NoOperation, OpsError
from opscenter.live import JournalChanges
from opscenter.operations import get_operation, local_text
from opscenter.permissions import permitted
from opscenter.progress import CancelToken, Progress
from opscenter.watch import entry, progress
from opscenter.watch.entry import Change, Mark
from opscenter.watch.progress import ENTITIES, TpsLine, Watch
from ui import theme
from ui.desk import Desk
from ui.error_dialog import sentence_for
from ui.form_parts import Line
from ui.live_updates import LiveUpdates
from ui.pending import PendingWrite
from ui.screen_fit import SharedSplit
from ui.table_view import style_table
from ui.text_size import follow_font
from ui.translations import interface_language, translator
from ui.watch_entry import Recorded, Typed, WatchCommand, entry_text, read_entry
from ui.watch_models import (
    LateColumn,
    LinesModel,
    OverdueModel,
    OverduePlan,
    ProgressModel,
    ShareDelegate,
    plan_overdue,
)


def _lines_title(kecamatan: str | None) -> str:
    """The TPS list's title: the kecamatan chosen, or how to choose one (the walk: an empty
    list under a bare "Rincian kecamatan" did not say what would fill it)."""
    if kecamatan is None:
        return _tr("Rinc&ian kecamatan: pilih kecamatan pada progres di atas")
    # The area's name as the list has it ("Kecamatan Bajubang"): "Rincian kecamatan
    # Kecamatan Bajubang" said it twice.
    return _tr("Rinc&ian: {name}").format(name=kecamatan)


# A deadline's read waits this much past it, so the read sees it passed.
AFTER_DEADLINE_MS = 500
# Below this width (px) the overdue list leaves out its Polres column.
NARROW_OVERDUE = 760
# The TPS lists under the progress keep at least this many rows when the split is shared.
LOWER_ROWS = 4
# Around a progress figure: the cell's margins and the header's (its text and padding).
FIGURE_PAD = 14


_tr = translator("WatchPanel")


@dataclass(frozen=True, slots=True)
class WatchRead:
    """One background read: the journal's head before it, the watch, the chosen kecamatan's
    TPS."""

    seq: int
    operation_id: int | None
    watch: Watch | None
    kecamatan_id: int | None
    lines: tuple[TpsLine, ...]
    overdue: OverduePlan | None = None  # against the overdue rows shown when it began


class WatchPanel(QWidget):
    """The "Pantau TPS" tab (see the module docstring)."""

    # A write saved (True) or refused (False): an entry, an undo or a redo.
    write_done = Signal(bool)
    # Each background read shown (tests and the bench wait for it).
    read_shown = Signal()
    # "g": the incident form on this TPS (its kecamatan's region id, the TPS id, the unit
    # that guards it or None).
    incident_wanted = Signal(int, int, object)

    def __init__(self, desk: Desk, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("watchPanel")
        self.store, self.undo_stack, self.actor = desk.store, desk.undo_stack, desk.actor
        self._clock = desk.clock
        self._lang = interface_language()
        self.operation_id: int | None = None
        self.watch: Watch | None = None
        self._zone = "Asia/Jakarta"
        self._read_seq = -1
        self._kecamatan: int | None = None
        self.last_result = ""  # the last sentence under the entry line (tests, logs)
        self.next_deadline: datetime | None = None  # when the overdue list next changes
        self._deadline_timer = QTimer(self)
        self._deadline_timer.setSingleShot(True)
        self._deadline_timer.timeout.connect(self.reload)

        # The entry line.
        self.entry = Line(self, window_undo=True)  # each entry saved goes on the history
        self.entry.setObjectName("watchEntry")
        self.entry.setPlaceholderText(
            _tr("TPS atau pos, langkah, jam \u2014 mis. 1501012001003 1 · Siulak P3 2 05:40")
        )
        self.entry.setClearButtonEnabled(True)
        self.entry.returnPressed.connect(self.submit)
        self.entry_label = QLabel(_tr("&Catat:"), self)
        self.entry_label.setBuddy(self.entry)
        self.entry_label.setFont(theme.scaled_font(self, 1.1, bold=True))
        self.pending_note = QLabel(self)
        self.pending_note.setObjectName("watchPending")
        self.pending_note.hide()
        self.result = QLabel(self)
        self.result.setObjectName("watchResult")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.hide()  # until there is something to say
        self.steps_hint = QLabel(self)
        self.steps_hint.setObjectName("watchSteps")
        self.steps_hint.setWordWrap(True)
        self.steps_hint.setStyleSheet(f"color: {theme.MUTED.name()};")
        self.writes = PendingWrite(self, note=self.pending_note)
        self.writes.write_done.connect(self.write_done)
        self.may_record = permitted(desk.actor, entry.PERMISSION)
        if not self.may_record:
            self.entry.setEnabled(False)
            self.entry.setPlaceholderText("")
            self.result.setText(_tr("Peran Anda hanya dapat melihat pemantauan TPS."))
            self.result.show()

        # Progress per Polres and kecamatan.
        self.progress_model = ProgressModel(self)
        self.progress_model.set_language(self._lang)
        self.tree = QTreeView(self)
        self.tree.setObjectName("watchProgress")
        self.tree.setModel(self.progress_model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setItemDelegate(ShareDelegate(self.tree))
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.progress_model.modelReset.connect(self._fit_tree)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree_label = QLabel(_tr("Pr&ogres per Polres dan kecamatan"), self)
        self.tree_label.setBuddy(self.tree)

        # The chosen kecamatan's TPS.
        self.lines_model = LinesModel(self)
        self.lines = self._tps_table(self.lines_model, "watchLines")
        self.lines_model.modelReset.connect(self._fit_lines)
        self.lines_model.dataChanged.connect(self._fit_lines)  # an evening-before "(-1)"
        self.lines_label = QLabel(_lines_title(None), self)
        self.lines_label.setBuddy(self.lines)

        # The overdue TPS.
        self.overdue_model = OverdueModel(self)
        self.overdue = self._tps_table(self.overdue_model, "watchOverdue")
        self.overdue.installEventFilter(self)  # its width decides the Polres column
        follow_font(self.overdue, self._fit_overdue)
        # Widths measured from the type: again at a text size step.
        follow_font(self.tree, self._fit_tree, now=False)
        follow_font(self.lines, self._fit_lines, now=False)
        self.overdue_label = QLabel(_tr("Le&wat batas waktu"), self)
        self.overdue_label.setBuddy(self.overdue)
        # Enter (or a double click) on an overdue TPS: its report, typed from the list.
        self.overdue.activated.connect(self._overdue_chosen)
        self.summary = QLabel(self)
        self.summary.setObjectName("watchSummary")
        self.summary.setStyleSheet(f"color: {theme.MUTED.name()};")

        top = QHBoxLayout()
        top.setContentsMargins(8, 6, 8, 0)
        top.addWidget(self.entry_label)
        top.addWidget(self.entry, 1)
        top.addWidget(self.pending_note)
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(_titled(self, self.lines_label, self.lines))
        lower.addWidget(_titled(self, self.overdue_label, self.overdue))
        lower.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(_titled(self, self.tree_label, self.tree))
        self.splitter.addWidget(lower)
        self.splitter.setChildrenCollapsible(False)
        # Until the operator moves it, the split follows the window (``_share_height``).
        self.split = SharedSplit(self.splitter, self._share_height)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 4)
        column.setSpacing(2)
        column.addLayout(top)
        for label in (self.result, self.steps_hint):
            label.setContentsMargins(8, 0, 8, 0)
            column.addWidget(label)
        column.addWidget(self.splitter, 1)
        self.summary.setContentsMargins(8, 0, 8, 0)
        column.addWidget(self.summary)
        self.setFocusProxy(self.entry if self.may_record else self.tree)

        self.live = LiveUpdates(
            self,
            apply=self._apply,
            reload=self.reload,
            wants=lambda c: any(e in c for e in ENTITIES),
            name="watch panel",
        )
        self.reload()

    def _overdue_chosen(self, index: QModelIndex) -> None:
        """The overdue TPS and its late step into the entry line, the cursor after them: the
        operator on the phone adds the time (or nothing: now) and presses Enter."""
        late = self.overdue_model.row_at(index.row())
        if late is None or not self.may_record:
            return
        self.entry.setText(f"{late.label} {late.step.key} ")
        self.entry.setFocus()
        self.entry.deselect()
        self.entry.end(False)

    def _tps_table(self, model: LinesModel | OverdueModel, name: str) -> QTableView:
        """A read-only table of TPS (the kecamatan's, the overdue): one row at a time, cut
        at the right so that a TPS number shows."""
        model.set_language(self._lang)
        view = style_table(
            QTableView(self), name=name, single=True, read_only=True, cell="0 4px", row_height=1.3
        )
        view.setModel(model)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        return view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On a laptop's narrow overdue list the Polres column gives way to the TPS's desa
        (the progress above and each row's tooltip name the Polres); a resized split shares
        its height again."""
        if event.type() != QEvent.Type.Resize:
            return super().eventFilter(watched, event)
        if watched is self.overdue:
            narrow = self.overdue.width() < NARROW_OVERDUE
            self.overdue.setColumnHidden(LateColumn.POLRES, narrow)
        return super().eventFilter(watched, event)

    def _share_height(self) -> None:
        """The progress gets the height of its top rows (the whole operation and every
        Polres: at 1366×768 they were cut at the seventh), as long as the TPS lists below
        keep ``LOWER_ROWS`` rows; the lists get the rest (until the operator moves the split:
        ``SharedSplit``)."""
        room = self.splitter.height() - self.splitter.handleWidth()
        if room <= 0:
            return
        rows = max(1, self.progress_model.rowCount())
        wanted = _chrome(self.tree_label, self.tree, self.tree.header())
        wanted += rows * max(1, self.tree.sizeHintForRow(0))
        lower_min = _chrome(self.overdue_label, self.overdue, self.overdue.horizontalHeader())
        lower_min += LOWER_ROWS * self.overdue.verticalHeader().defaultSectionSize()
        tree_h = max(min(wanted, room - lower_min), room // 3)
        self.splitter.setSizes([tree_h, room - tree_h])

    # -- reading ------------------------------------------------------------------------------

    def busy(self) -> bool:
        """A read or a write under way (tests and benches wait for it to settle)."""
        return self.live.reading or self.writes.busy

    @property
    def read_seq(self) -> int:
        """The journal's head when the watch shown was read (-1: none yet)."""
        return self._read_seq

    def _apply(self, changes: JournalChanges) -> None:
        if changes.last_seq <= self._read_seq:
            return  # the read shown began after these commits: it holds them already
        self.reload()

    def reload(self) -> None:
        """Read the watch again off the GUI thread; changes meanwhile wait for it. Only the
        newest read is shown."""
        store, kecamatan, now = self.store, self._kecamatan, self._clock()
        shown = self.overdue_model.shown

        def job(_progress: Progress, cancel: CancelToken) -> WatchRead:
            with store.read() as s:
                seq = journal.head(s) or 0
                try:
                    op = get_operation(s)
                except NoOperation:
                    return WatchRead(seq, None, None, None, ())
                cancel.check()
                w = progress.watch(s, op.id, now)
                lines = progress.tps_lines(s, op.id, kecamatan, now) if kecamatan else ()
            plan = plan_overdue(shown, w.overdue)
            return WatchRead(seq, op.id, w, kecamatan, lines, plan)

        self.live.read(job, self.show_read, what="watch read")

    def show_read(self, read: WatchRead) -> None:
        """Put a read on screen: only what moved repaints."""
        self._read_seq = read.seq
        self.operation_id = read.operation_id
        w = self.watch = read.watch
        if w is None:
            self.read_shown.emit()
            return
        self._zone = w.zone
        self.progress_model.set_watch(w.steps, w.polres, w.kecamatan, w.whole)
        if read.kecamatan_id == self._kecamatan:
            self.lines_model.set_lines(read.kecamatan_id, w.steps, w.zone, read.lines, w.day)
        self.overdue_model.set_overdue(w.zone, w.overdue, read.overdue, w.day)
        self._show_figures(w)
        self._arm_deadline(w)
        self.read_shown.emit()

    def _show_figures(self, w: Watch) -> None:
        hint = " · ".join(f"{s.key} {s.label(self._lang)}" for s in w.steps)
        self.steps_hint.setText(_tr("Langkah: {steps} · g gangguan").format(steps=hint))
        self.summary.setText(
            _tr("{n} TPS · {late} lewat batas waktu · {dist} ada gangguan · per {at}").format(
                n=self.locale().toString(w.total),
                late=self.locale().toString(len(w.overdue)),
                dist=self.locale().toString(len(w.disturbed)),
                at=local_text(w.now, w.zone, "%H:%M"),
            )
        )

    def _arm_deadline(self, w: Watch) -> None:
        """Read again just after the next deadline, when TPS turn overdue with no change."""
        upcoming = [d for s in w.steps if (d := w.due(s)) is not None and d > w.now]
        self.next_deadline = min(upcoming) if upcoming else None
        if self.next_deadline is None:
            self._deadline_timer.stop()
            return
        wait = (self.next_deadline - w.now).total_seconds() * 1000 + AFTER_DEADLINE_MS
        self._deadline_timer.start(int(min(wait, 2**31 - 1)))

    def _fit_tree(self) -> None:
        """Each figure column as wide as the widest figure it can show, in bold (the whole
        operation's "5.090 (100%)") or its heading; the names take what is left, cut at the
        right on a narrow screen (the tooltip says them whole). The walk at 1366: an opened
        Polres widened the names to fit its kecamatan and cut the whole operation's figures
        to "5.029 (99…". Measured from the totals, never the rows (fitted to the rows, every
        repaint of a figure measured every name again: the bench's largest cost)."""
        header = self.tree.header()
        header.setStretchLastSection(False)
        bold = QFont(self.tree.font())
        bold.setBold(True)
        figures, heads = QFontMetrics(bold), QFontMetrics(header.font())
        header.setMinimumSectionSize(heads.horizontalAdvance("Polres Kerinci"))
        m = self.progress_model
        for c in range(1, m.columnCount()):
            head = str(m.headerData(c, Qt.Orientation.Horizontal) or "")
            width = max(figures.horizontalAdvance(m.widest(c)), heads.horizontalAdvance(head))
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(c, width + FIGURE_PAD)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.split.share_again()  # the number of top rows may have changed

    def _fit_overdue(self) -> None:
        """Set from the type, not fitted to the rows: a thousand rows would be measured at
        every status."""
        header = self.overdue.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(LateColumn.DUE, QHeaderView.ResizeMode.Fixed)
        metrics = self.overdue.fontMetrics()
        header.resizeSection(LateColumn.DUE, metrics.horizontalAdvance("00:00 (+1) WITA") + 16)
        for c in (LateColumn.KECAMATAN, LateColumn.POLRES):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(c, metrics.horizontalAdvance("Maro Sebo Ulu") + 16)

    def _fit_lines(self) -> None:
        """The TPS take the room the times and the incident numbers leave."""
        header = self.lines.horizontalHeader()
        metrics = self.lines.fontMetrics()
        header.setMinimumSectionSize(metrics.horizontalAdvance("00:00") + 12)
        last = self.lines_model.columnCount() - 1
        for c in range(1, last):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(c, metrics.horizontalAdvance(self.lines_model.widest_time(c)) + 16)
        if last > 0:
            header.setSectionResizeMode(last, QHeaderView.ResizeMode.Fixed)
            wide = max(
                metrics.horizontalAdvance("KEJ-0000"),
                header.fontMetrics().horizontalAdvance(_tr("Kejadian")),
            )
            header.resizeSection(last, wide + 24)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        area = self.progress_model.area(current)
        kecamatan = (
            area.id if area is not None and self.progress_model.is_kecamatan(current) else None
        )
        if kecamatan != self._kecamatan:
            self._kecamatan = kecamatan
            if kecamatan is None and self.watch is not None:
                self.lines_model.set_lines(None, self.watch.steps, self.watch.zone, ())
            self.lines_label.setText(
                _lines_title(area.name if kecamatan is not None and area else None)
            )
            self.reload()

    def select_kecamatan(self, kecamatan_id: int) -> bool:
        """Make a kecamatan current (its TPS show in the detail)."""
        index = self.progress_model.index_of(kecamatan_id)
        if not index.isValid():
            return False
        self.tree.expand(index.parent())
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    # -- writing ------------------------------------------------------------------------------

    def submit(self) -> None:
        """Read and record what the entry line holds (Enter)."""
        if not self.may_record:
            return
        line = self.entry.text().strip()
        operation_id = self.operation_id
        if operation_id is None:
            return
        store, actor, now = self.store, self.actor, self._clock()

        def write() -> Recorded:
            with store.read() as s:
                typed = read_entry(s, operation_id, line, now)
            if typed.step is None:
                return Recorded(typed, ())
            marks = [Mark(t, typed.step.id, typed.at) for t in typed.tps_ids]
            return Recorded(typed, entry.record(store, actor, operation_id, marks))

        def saved(result: Recorded) -> None:
            typed = result.typed
            if typed.step is None:
                self._disturbance(typed, line)
                return
            self._clear_entry(line)
            what = entry_text(typed, self._lang)
            if result.changes:
                self._say(_tr("Tercatat: {what}").format(what=what))
                stepped = partial(self._stepped, what)
                self.undo_stack.push(WatchCommand(self.put, what, result.changes, stepped))
            else:
                self._say(_tr("Sudah tercatat, tidak ada yang diubah: {what}").format(what=what))
            self.reload()

        def refused(error: OpsError) -> None:
            self._say(sentence_for(error, self._lang), warn=True)
            self.reload()

        self.writes.submit(write, on_saved=saved, on_refused=refused)

    def _clear_entry(self, line: str) -> None:
        """Clear the line for the next call, unless the operator already typed the next."""
        if self.entry.text().strip() == line:
            self.entry.clear()

    def _disturbance(self, typed: Typed, line: str) -> None:
        if typed.post or typed.region_id is None:
            self._say(
                _tr("Gangguan dicatat per TPS, bukan per pos: tulis kode TPS-nya lalu g."),
                warn=True,
            )
            return
        self._clear_entry(line)
        self._say(_tr("Formulir kejadian untuk {tps}.").format(tps=typed.tps_label))
        self.incident_wanted.emit(typed.region_id, typed.tps_ids[0], typed.guard_unit_id)

    def put(
        self,
        marks: Sequence[Mark],
        expect: dict[tuple[int, int], datetime | None],
        *,
        on_saved: Callable[[], None],
        on_refused: Callable[[], None],
    ) -> None:
        """An undo or redo of an entry, on the write thread; a refusal says why."""
        store, actor, operation_id = self.store, self.actor, self.operation_id
        if operation_id is None:
            return

        def write() -> tuple[Change, ...]:
            return entry.record(store, actor, operation_id, marks, expect=expect)

        def saved(_changes: object) -> None:
            on_saved()
            self.reload()

        def refused(error: OpsError) -> None:
            on_refused()
            self._say(sentence_for(error, self._lang), warn=True)
            self.reload()

        self.writes.submit(write, on_saved=saved, on_refused=refused)

    def _stepped(self, what: str, redone: bool) -> None:
        """An entry taken back or written again (Ctrl+Z, Ctrl+Y, the journal's history): the
        line under the entry says what stands now, never an entry that no longer holds; taken
        back in the warning colour, since the green of "Tercatat" reads as standing."""
        if redone:
            self._say(_tr("Tercatat: {what}").format(what=what))
        else:
            self._say(_tr("Dibatalkan: {what}").format(what=what), warn=True)

    def _say(self, text: str, *, warn: bool = False) -> None:
        self.last_result = text
        self.result.setText(text)
        self.result.show()
        colour = theme.DEFICIT if warn else theme.SURPLUS
        self.result.setStyleSheet(f"color: {theme.text_colour(colour).name()};")

    def focus_entry(self) -> None:
        """Ctrl+7: the entry line, ready to type (the tree for a role that only reads)."""
        if self.may_record:
            self.entry.setFocus()
            self.entry.selectAll()
        else:
            self.tree.setFocus()


# ``_titled``'s margin above the title and its spacing under it (px).
TITLE_TOP, TITLE_GAP = 4, 2


def _titled(parent: QWidget, label: QLabel, view: QWidget) -> QWidget:
    """A view under its title (whose mnemonic leads into it). The title's width asks for
    nothing: a long one ("Rincian: Kecamatan Bathin II Pelayang") must not move the split
    or narrow the list beside it."""
    box = QWidget(parent)
    column = QVBoxLayout(box)
    column.setContentsMargins(8, TITLE_TOP, 8, 0)
    column.setSpacing(TITLE_GAP)
    label.setFont(theme.scaled_font(parent, 1.0, bold=True))
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    column.addWidget(label)
    column.addWidget(view, 1)
    return box


def _chrome(label: QLabel, view: QAbstractItemView, header: QHeaderView) -> int:
    """The height a titled view (``_titled``) takes besides its rows: title, header, frame."""
    frame = 2 * view.frameWidth()
    return TITLE_TOP + label.sizeHint().height() + TITLE_GAP + header.sizeHint().height() + frame
