"""The readiness board (tab "Kesiapan"): every Polres x every aspect, rolled up to the Polda,
and beside it the evidence of the chosen cell.

The matrix is read off the GUI thread (``ui.readiness_read``), and so is the comparison with
the rows on screen; the GUI thread only replaces the rows that changed
(``ReadinessModel.apply_rows``) and repaints the evidence (``ui.readiness_evidence``). It
follows the journal through ``ui.live_updates`` like every panel: deferred while hidden, one
read at a time (``hold``/``release``), a change already covered by the last read (one's own
judgement, read back after saving) is not read again. The table, its columns' widths and the
split beside the evidence are ``ui.readiness_matrix_view``'s.

Judging a cell (Enter, F2, double click, Ubah > Nilai kesiapan sel… Ctrl+K) opens
``ui.readiness_dialog``; the judgement is saved on the write thread and, once saved, goes on
the window's ``QUndoStack``: Ctrl+Z puts back what the cell held before
(``ui.readiness_judging``). A refusal is said in one sentence, a stale one (someone judged
the cell meanwhile) re-reads the matrix so the other judgement shows.

"Laporan kesiapan…" beside it writes the readiness report of every Polres, as Laporan >
Laporan kesiapan… does (``ui.readiness_report``); the wall has neither button.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from opscenter.live import JournalChanges
from opscenter.permissions import permitted
from opscenter.readiness.judgements import PERMISSION
from opscenter.readiness.matrix import Readiness
from ui import actions, theme
from ui.desk import Desk, undo_hint
from ui.error_dialog import sentence_for
from ui.live_updates import LiveUpdates
from ui.pending import PendingWrite
from ui.readiness_dialog import ReadinessDialog
from ui.readiness_evidence import EvidencePane
from ui.readiness_judging import CellJudging
from ui.readiness_matrix_view import EvidenceSplit, fit_matrix_columns, matrix_view, widen_names
from ui.readiness_model import (
    LEVEL_COLOURS,
    ROLLUP_KEY,
    ReadinessModel,
    RollUpRow,
    RowFilter,
    matrix_rows,
    matters,
    short_level,
)
from ui.readiness_read import MatrixRead, matrix_job
from ui.readiness_report import ReadinessReportExport
from ui.text_size import follow_font
from ui.translations import interface_language, translator

_tr = translator("ReadinessPanel")


class ReadinessPanel(QWidget):
    """The "Kesiapan" tab (see the module docstring)."""

    # A write saved (True) or refused (False), after the form or an undo/redo.
    write_done = Signal(bool)
    # Each background read shown (tests and the bench wait for it).
    read_shown = Signal()

    def __init__(
        self, desk: Desk, *, read_only: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("readinessPanel")
        self.store, self.undo_stack, self.actor = desk.store, desk.undo_stack, desk.actor
        self._read_only = read_only  # the wall: shown, never judged
        # The last column, each unit's worst aspect: the wall leaves it out (its large type
        # fits eight aspects; the roll-up row still gives the Polda's worst per aspect).
        self.overall_column = True
        # The widest name shown whole; longer ones are elided in the middle. The wall, whose
        # type is large, keeps less.
        self.name_cap = "Polres Tanjung Jabung B"
        self._name_widths = (0, 0)  # the name column's (``fit_matrix_columns``)
        self._clock = desk.clock
        self._lang = interface_language()
        self._zone = "Asia/Jakarta"
        self._read_seq = -1  # the journal's head when the matrix shown was read
        self._loaded = False
        # Matrices replaced on screen, freed by the next read's thread: dropping 4,000 cells
        # and 500 units' figures cost the GUI thread 4 ms per change at national scale.
        self._retired: list[Readiness] = []
        self.last_error: str | None = None  # the last read failure said (tests, logs)
        self.writes = PendingWrite(self)
        self.writes.write_done.connect(self.write_done)
        self.live = LiveUpdates(
            self,
            apply=self._apply,
            reload=self.reload,
            wants=matters,
            name="readiness panel",
        )

        self.model = ReadinessModel(self)
        self.judging = CellJudging(
            desk, self.model, self.writes, reload=self.reload, lang=self._lang, parent=self
        )
        self.put = self.judging.put  # the writes of the form and of undo (tests write too)
        self.view = matrix_view(self.model, self)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.doubleClicked.connect(lambda _index: self.judge_selected())
        self.view.installEventFilter(self)
        self.model.modelReset.connect(self.fit_columns)
        self.model.rowsInserted.connect(self.fit_columns)  # a new unit may have a longer name

        self.evidence = EvidencePane(self)
        self.splitter = EvidenceSplit(self.view, self.model, self.evidence, self)
        self.splitter.splitterMoved.connect(lambda _pos, _index: self._place())
        self.view.viewport().installEventFilter(self)  # the names take the room it has
        follow_font(self.view, self.fit_columns, now=False)  # a text size step
        self.evidence.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 8)

        self.title = QLabel(_tr("Kesiapan operasi"), self)
        self.title.setFont(theme.scaled_font(self, 1.3, bold=True))
        self.stage_label = QLabel(self)
        self.stage_label.setObjectName("readinessStage")
        self.stage_label.setStyleSheet(f"color: {theme.MUTED.name()};")
        self.judge_action = QAction(_tr("Nilai sel\u2026"), self)
        self.judge_action.setObjectName("readinessJudgeButtonAction")
        self.judge_action.setToolTip(_tr("Nilai kesiapan sel terpilih (Enter, F2)"))
        self.judge_action.triggered.connect(self.judge_selected)
        self.judge_button = QToolButton(self)
        self.judge_button.setObjectName("readinessJudgeButton")
        self.judge_button.setDefaultAction(self.judge_action)
        self.judge_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.judge_button.setText(_tr("Nilai sel (Enter)"))
        self.judge_button.setVisible(self.may_judge)
        self.report = ReadinessReportExport(self.store, clock=desk.clock, widget=self)
        self.report_button = QToolButton(self)
        self.report_button.setObjectName("readinessReportButton")
        self.report_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.report_button.setText(_tr("Laporan kesiapan\u2026"))
        keys = actions.keys_text(actions.SPECS["readinessReportAction"].keys)
        self.report_button.setToolTip(
            _tr("Cetak kesiapan setiap Polres ke PDF atau Excel ({keys})").format(keys=keys)
        )
        self.report_button.clicked.connect(self.report.ask)
        self.report_button.setVisible(not read_only)
        self.legend = QLabel(self)
        self.legend.setObjectName("readinessLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        theme.mode.changed.connect(self._fill_legend)
        self._fill_legend()
        self.footer = QLabel(self)
        self.footer.setObjectName("readinessFooter")
        self.footer.setWordWrap(True)
        self.footer.setStyleSheet(f"color: {theme.MUTED.name()};")
        self.undo_stack.indexChanged.connect(self._undo_moved)  # its Ctrl+Z hint

        bar = QHBoxLayout()
        bar.setContentsMargins(8, 6, 8, 2)
        bar.setSpacing(12)
        bar.addWidget(self.title)
        bar.addWidget(self.stage_label, 1)
        bar.addWidget(self.report_button)
        bar.addWidget(self.judge_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(bar)
        column.addWidget(self.splitter, 1)
        legend_row = QHBoxLayout()
        legend_row.setContentsMargins(8, 0, 8, 4)
        legend_row.addWidget(self.legend)
        column.addLayout(legend_row)
        column.addWidget(self.footer)
        self.footer.setContentsMargins(8, 0, 8, 4)
        self.reload()

    @property
    def may_judge(self) -> bool:
        return not self._read_only and permitted(self.actor, PERMISSION)

    def busy(self) -> bool:
        """A read of the matrix under way (a screenshot waits for the picture to settle)."""
        return self.live.reading

    @property
    def readiness(self) -> Readiness | None:
        return self.model.readiness

    @property
    def dialog(self) -> ReadinessDialog | None:
        """The last judgement form opened (tests)."""
        return self.judging.dialog

    def loaded(self) -> bool:
        """A read has landed (tests and benches wait for it)."""
        return self._loaded

    # -- reading ------------------------------------------------------------------------------

    def reload(self, changed: Collection[str] | None = None) -> None:
        """Read the whole matrix again, off the GUI thread; changes meanwhile wait for it.
        Only the newest read is shown (an earlier one still in flight reports to nobody).

        ``changed``: the journal entities changed since the matrix shown was read (a live
        change set). The read then keeps what they do not move -- at national scale the
        strength's 435,000 TPS after a judgement (``readiness(reuse=...)``); without it, or
        with another read in flight or the last one failed, everything is read."""
        base = self.model.readiness
        if changed is None or self.live.reading or self._read_seq < 0:
            base = None
        aspects = self.model.readiness.aspects if self.model.readiness is not None else None
        retired, self._retired = self._retired, []
        job = matrix_job(
            self.store,
            self._lang,
            reuse=base,
            changed=tuple(changed or ()),
            shown=self.model.rows(),
            aspects=aspects,
            retired=retired,
            keep=self.model.keep,
        )

        def failed(error: BaseException) -> None:
            self.last_error = sentence_for(error, self._lang)
            self.footer.setText(
                _tr("Kesiapan tidak dapat dimuat: {reason}").format(reason=self.last_error)
            )
            self._read_seq = -1  # the next change reads everything again

        self.live.read(job, self.show_read, failed=failed, what="readiness read")

    def show_read(self, result: MatrixRead) -> None:
        """Show a background read: only the rows that changed, when the columns are the
        same; the evidence of the chosen cell again if its row changed."""
        self._read_seq = max(self._read_seq, result.seq)
        self._zone = result.zone
        self._loaded = True
        r = result.readiness
        keep = self._selected()
        if self.model.readiness is not None:
            self._retired.append(self.model.readiness)
        if r is not None and result.changed is not None:
            self.model.apply_rows(r, result.rows, result.changed)
            row = self.view.currentIndex().row()
            if row in result.changed:
                self._show_evidence()
            else:
                self.evidence.retarget(r)  # the same text; the old matrix is let go
        else:
            self.model.set_readiness(r)
            if keep is not None:
                self.select_cell(*keep)
            elif self.model.rowCount() > 1 and self.model.columnCount() > 1:
                # A cell chosen from the first read on: the arrows, Enter and F2 work at
                # once after Ctrl+5 (the first unit's first aspect).
                self.view.setCurrentIndex(self.model.index(1, 1))
            self._show_evidence()
        if r is None:
            self.stage_label.setText(_tr("Belum ada operasi"))
        else:
            self.stage_label.setText(
                _tr("Tahapan: {stage}").format(stage=r.stage_name) if r.stage_name else ""
            )
        self._update_footer()
        self.read_shown.emit()

    def apply_changes(self, changes: JournalChanges) -> None:
        """Follow the journal (deferred while hidden: ``ui.live_updates``)."""
        self.live.deliver(changes)

    def _apply(self, changes: JournalChanges) -> None:
        if changes.last_seq <= self._read_seq:
            return  # the matrix on screen was read after these (one's own write read back)
        self.reload(changed=tuple(changes.rows))

    def show_rows(self, keep: RowFilter | None) -> None:
        """Only the rows ``keep`` keeps (the wall: ``on_wall``), from the matrix shown on."""
        self.model.keep = keep
        self.model.reset_rows(matrix_rows(self.readiness, keep) if self.readiness else [])
        self._update_footer()

    # -- layout -------------------------------------------------------------------------------

    def fit_columns(self) -> None:
        """The columns measured again for the rows shown (``fit_matrix_columns``: once per
        new set of rows, never per repaint), then the matrix and its evidence placed."""
        self._name_widths = fit_matrix_columns(
            self.view, self.model, overall_column=self.overall_column, name_cap=self.name_cap
        )
        self._place()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        """The matrix and its evidence placed (``EvidenceSplit.place``) for the names
        whole, or where that puts the evidence under the matrix, for the names cut to
        the cap; then the names given the room the matrix has (``widen_names``)."""
        capped, whole = self._name_widths
        header = self.view.horizontalHeader()
        if not capped:
            self.splitter.place()
            return
        header.resizeSection(0, whole)
        self.splitter.place()
        if self.splitter.orientation() == Qt.Orientation.Vertical:
            header.resizeSection(0, capped)
            self.splitter.place()
        widen_names(self.view, self.model, self._name_widths)

    def _fill_legend(self, _night: bool = False) -> None:
        chips = " ".join(
            theme.badge_html(colour, short_level(level)) for level, colour in LEVEL_COLOURS.items()
        )
        self.legend.setText(
            chips
            + "&nbsp; "
            + _tr(
                "\u2014 tanpa data · * penilaian petugas berbeda dari data · \u26a0 tindak lanjut "
                "lewat tenggat · baris rekap: jumlah satuan siap · catatan · belum"
            )
        )

    def _undo_moved(self, _index: int) -> None:
        self._update_footer()

    def _update_footer(self) -> None:
        r = self.model.readiness
        undo = undo_hint(self.undo_stack)
        hint = _tr("Enter/F2: nilai sel terpilih") + (" · " + undo if undo else "")
        if r is None:
            self.footer.setText("")
            return
        units = self.model.rowCount() - 1  # the units shown (the wall's: ``on_wall``)
        text = _tr("{n} satuan · {m} aspek").format(n=units, m=len(r.aspects))
        self.footer.setText(text + (" · " + hint if self.may_judge else ""))

    # -- selection and evidence ---------------------------------------------------------------

    def _selected(self) -> tuple[int | None, int | None] | None:
        """(unit id or None for the roll-up, aspect id or None for overall) chosen."""
        index = self.view.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        unit = None if isinstance(row, RollUpRow) else row.unit_id
        return unit, self.model.aspect_at(index.column())

    def select_cell(self, unit_id: int | None, aspect_id: int | None) -> bool:
        """Make a cell current (``unit_id`` None: the roll-up row; ``aspect_id`` None:
        the overall column)."""
        row = self.model.row_of(ROLLUP_KEY if unit_id is None else unit_id)
        if row is None:
            return False
        index = self.model.index(row, self.model.column_of(aspect_id))
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def select_unit(self, units: Sequence[int]) -> bool:
        """Make the first of ``units`` that the matrix lists current (the top command: the
        roll-up row), in the column chosen (the overall column when none); False, the choice
        unchanged, when it lists none."""
        chosen = self._selected()
        aspect = chosen[1] if chosen is not None else None
        r = self.readiness
        top = r.top.unit_id if r is not None and r.top is not None else None  # the roll-up row
        return any(self.select_cell(None if u == top else u, aspect) for u in units)

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_evidence()

    def _show_evidence(self) -> None:
        r = self.model.readiness
        chosen = self._selected()
        if r is None or chosen is None:
            self.evidence.show_hint()
            return
        self.evidence.show_cell(r, self._zone, *chosen)

    # -- judging ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            if self._name_widths[0]:
                widen_names(self.view, self.model, self._name_widths)
            return False
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.judge_selected()
            return True
        return super().eventFilter(watched, event)

    def judge_selected(self) -> None:
        """The form for the chosen cell (a unit on one aspect)."""
        if not self.may_judge:
            self.footer.setText(_tr("Peran Anda hanya dapat melihat kesiapan."))
            return
        index = self.view.currentIndex()
        cell = self.model.cell_at(index)
        r = self.model.readiness
        if cell is None or r is None:
            self.footer.setText(
                _tr("Pilih sel satu satuan pada satu aspek dulu, lalu tekan Enter atau F2.")
            )
            return
        self.judging.open_form(r, cell)
