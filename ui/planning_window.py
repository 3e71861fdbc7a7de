"""The planning window: vulnerability heat map, requirements with what-if, reinforcement.

Every change goes through a core service (journaled) and onto one ``QUndoStack``: a
rating edit, a saved guard pattern, an accepted set of proposals (undo withdraws the BKO).
What-if changes to the guard patterns and to TPS categories recompute the figures at once,
in memory; nothing is saved until "Simpan" (one journaled ``save_what_if``).

Where the stage is plotted, each Polres also shows what its guard posts still lack after the
plotting (``opscenter.planning.reinforcement``: the need is the larger of that and the
strength deficit), and a change to the plotting on any workstation is read again.

The window puts its parts together (``planning_heat``, ``planning_forms``, ``planning_plan``,
``planning_commands``, ``planning_workbook``), reads what they show from the core off the GUI
thread (``reload``: ``planning_read.read_planning`` in a worker, through
``LiveUpdates.read``; a command room's server or a national operation takes seconds), and
runs their writes on the write thread. While a read is in flight the figures on screen are
about to be replaced: "Simpan" and "Terima" wait for it (the status bar says so), the
what-if can still be typed, and what is typed then stays on top of the new figures.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from opscenter import journal, planning
from opscenter.actor import Actor
from opscenter.errors import OpsError
from opscenter.live import JournalChanges
from opscenter.planning import (
    Plan,
    PlanBase,
    Proposal,
    Rating,
    RatingValue,
    WhatIf,
)
from opscenter.progress import CancelToken, Job, Progress
from opscenter.store import Store
from ui import actions
from ui.confirm import confirm, listed
from ui.error_dialog import sentence_for
from ui.live import ChangeFeed
from ui.planning_commands import AcceptCommand, PatternCommand, PlanningCommand, RatingCommand
from ui.planning_forms import PatternForm, TpsForm
from ui.planning_heat import HeatMapPanel
from ui.planning_models import HeatMapModel, ProposalsModel, RequirementsModel
from ui.planning_plan import PlanPanel
from ui.planning_read import PlanningRead, read_planning
from ui.planning_workbook import MatrixWorkbook
from ui.screen_fit import FlowLayout, pair, scrolling
from ui.stage_choice import stage_bar
from ui.stage_window import StageWindow, open_beside
from ui.tab_order import chain
from ui.translations import translator
from ui.unsaved import may_close
from ui.worker import JobHandle

# The size the window opens at where the screen has room (else maximised).
WINDOW_SIZE = QSize(1600, 900)

R = TypeVar("R")


_tr = translator("PlanningWindow")


class PlanningWindow(StageWindow):
    """Kerawanan dan penebalan for one operation (the first one in the store)."""

    kind = "planning"
    preferred_size = WINDOW_SIZE

    def build(self) -> None:
        self.setWindowTitle(_tr("Kerawanan dan penebalan"))
        self.base: PlanBase | None = None
        self.plan: Plan | None = None
        # The newest read has not landed yet: the figures shown are about to be replaced.
        self._stale = False
        # The what-if as it was when a read that drops it was asked for (``reload``).
        self._saved: WhatIf | None = None
        # The category versions this window's own saves left (``category_versions``).
        self._left_versions: dict[int, int] = {}
        self._left_lock = threading.Lock()  # written on the write thread
        self.reading_note = QLabel(_tr("Membaca angka terbaru\u2026"), self)
        self.statusBar().addWidget(self.reading_note)
        self.reading_note.hide()

        self.heat = HeatMapModel(self)
        self.needs = RequirementsModel(self)
        self.proposals = ProposalsModel(self)
        self.heat.edit_requested.connect(self._edit_rating)

        central, column = self.central_column(16, 10, 8)
        column.addLayout(self._build_bar(central))
        column.addWidget(self.build_banner(central))
        split = QSplitter(Qt.Orientation.Horizontal, central)
        split.setChildrenCollapsible(False)
        column.addWidget(split, 1)
        # Left: the heat map, and under it the what-if forms.
        # The heat map keeps the height for every region; the forms under it scroll where
        # the window is low (a 768 px laptop showed 4 of 11 regions).
        left = QSplitter(Qt.Orientation.Vertical, split)
        left.setChildrenCollapsible(False)
        self.heat_panel = HeatMapPanel(self.heat, left)
        self.heat_view, self.heat_proxy = self.heat_panel.view, self.heat_panel.proxy
        self.kecamatan_box, self.legend = self.heat_panel.kecamatan_box, self.heat_panel.legend
        self.kecamatan_box.toggled.connect(lambda _on: self.reload())
        self.forms_area = scrolling(self._build_forms(), left)
        left.setStretchFactor(0, 1)
        left.setStretchFactor(1, 0)
        # Right: requirements above, proposals below.
        self.plan_panel = right = PlanPanel(self.needs, self.proposals, split)
        self.needs_title, self.needs_view = right.needs_title, right.needs_view
        self.needs_proxy = right.needs_proxy
        self.accept_button, self.summary = right.accept_button, right.summary
        self.proposals_view, self.reason = right.proposals_view, right.reason
        self.accept_button.clicked.connect(self._accept)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([740, 860])
        right.setSizes([540, 280])
        self.follow_journal(loaded=lambda: self.base is not None)
        self.reload()

    # -- building ---------------------------------------------------------------------------

    def _build_bar(self, central: QWidget) -> FlowLayout:
        """Title, operation, stage, undo/redo, reload, export and import: one bar that wraps
        onto a second row where the window is narrow (the operation's name stays whole)."""
        bar = FlowLayout(spacing=12)
        head = stage_bar(central, _tr("Kerawanan dan penebalan"), "stageCombo", self._stage_chosen)
        title, stage_label = head.title, head.label
        self.operation_label, self.stage_combo = head.operation, head.combo
        # The main window's words (Urungkan, Ulangi): "Batalkan" is Batal's, a cancel.
        self.undo_action = self.undo_stack.createUndoAction(
            self, actions.plain(actions.text(actions.SPECS["undoAction"]))
        )
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(
            self, actions.plain(actions.text(actions.SPECS["redoAction"]))
        )
        # As in the main window (Ctrl+Shift+Z), and Ctrl+Y as Windows users expect.
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        undo_button = QToolButton(central)
        undo_button.setDefaultAction(self.undo_action)
        undo_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        redo_button = QToolButton(central)
        redo_button.setDefaultAction(self.redo_action)
        redo_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.reload_button = QPushButton(_tr("Muat ulang"), central)
        self.reload_button.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.reload_button.clicked.connect(lambda: self.reload())
        self.export_button = QPushButton(_tr("Ekspor Excel\u2026"), central)
        self.import_button = QPushButton(_tr("Impor Excel\u2026"), central)
        self.workbook = MatrixWorkbook(self, self.import_button)
        self.export_button.clicked.connect(self.workbook.ask_export)
        self.import_button.clicked.connect(self.workbook.ask_import)
        bar.add(
            title,
            self.operation_label,
            pair(central, stage_label, self.stage_combo),
            pair(
                central,
                undo_button,
                redo_button,
                self.reload_button,
                self.export_button,
                self.import_button,
            ),
        )
        return bar

    def _build_forms(self) -> QWidget:
        """The what-if forms: guard patterns, then TPS categories."""
        forms = QWidget()
        fcol = QVBoxLayout(forms)
        fcol.setContentsMargins(0, 0, 8, 0)
        self.form = PatternForm(self.recompute, forms)
        self.form.save_button.clicked.connect(self._save_patterns)
        self.tps_form = TpsForm(self.recompute, forms)
        self.tps_form.set_store(self.store)
        self.tps_form.on_problem = self.show_problem
        # "Kembalikan" discards every unsaved what-if change, patterns and TPS alike.
        self.form.reset_button.clicked.connect(self.tps_form.clear)
        fcol.addWidget(self.form)
        fcol.addWidget(self.tps_form)
        fcol.addStretch(1)
        return forms

    # -- loading ----------------------------------------------------------------------------

    def wants(self, changes: JournalChanges) -> bool:
        """Whether a change set from the journal moves something this window shows (the
        live feed then calls ``reload``)."""
        return planning.shows_any(changes.rows)

    def reload(self, *, keep_what_if: bool = True) -> None:
        """Read everything again (operation, stages, matrix, plan inputs, TPS) off the GUI
        thread, then show it and recompute (``_show_read``). The unsaved what-if stays on top
        of the new figures unless ``keep_what_if`` is False (it was just saved: the what-if
        shown now goes, what is typed while the read runs stays); the chosen heat-map cell,
        requirement and proposal rows stay chosen."""
        if not keep_what_if and self.base is not None:
            self._saved = self.what_if()
        store, sid, code, lang = self.store, self.stage_id, self._stage_code, self._lang
        kecamatan = self.kecamatan_box.isChecked()

        def job(_progress: Progress, _cancel: CancelToken) -> PlanningRead:
            return read_planning(store, sid, code, kecamatan=kecamatan, lang=lang)

        self._read(job, self._show_read)

    def _read(self, job: Job[R], show: Callable[[R], None], *, whole: bool = True) -> None:
        """Run a read of the window's off the GUI thread, then ``show`` it (the one way:
        ``LiveUpdates.read``, so changes wait for it and only the newest read is shown). Until
        it lands "Simpan" and "Terima" wait (``_hold_actions``); a failed read leaves the
        figures as they were, says why in the banner, and the next change reads everything."""
        self._stale = True
        self.reading_note.show()
        self._hold_actions()

        def landed(result: R) -> None:
            self._stale = False
            self.reading_note.hide()
            show(result)

        def failed(error: BaseException) -> None:
            self._stale = False
            self.reading_note.hide()
            self._read_at = 0
            self.read_failed(error, _tr("Basis data ini belum berisi operasi."))
            self.recompute()  # "Simpan" and "Terima" as the figures still shown allow

        self.live.read(job, landed, failed=failed, what="planning read", whole=whole)

    def _show_read(self, read: PlanningRead) -> None:
        self._read_at = max(self._read_at, read.read_at)
        if not self.show_stages(read.stages) or read.base is None or read.matrix is None:
            return
        unsaved = self._unsaved()
        if self._saved is not None:  # what was saved goes; what was typed since stays
            self._saved = None
            rows = self.tps_form.model.rows()
            self.tps_form.model.set_rows([r for r in rows if r.change in unsaved.tps])
        cell = self.heat_panel.current_cell()
        self.base = read.base
        self.tps_form.load(self.operation_id, read.tps, self.base)
        self.heat.set_matrix(read.matrix)
        self.heat_panel.restore_cell(cell)
        self.heat_panel.fit()
        self.needs.colours = dict(self.base.level_colours)
        self.heat_panel.show_legend()
        self.form.set_categories(self.base, dict(unsaved.patterns))
        # The pattern rows are made now, after their buttons and the TPS form: Tab reads the
        # rows first, then the buttons, then goes on to the TPS form.
        t = self.tps_form
        chain(*self.form.stops(), t.kecamatan_combo, t.tps_combo, t.category_combo,
              t.apply_button, t.remove_button, t.view)  # fmt: skip
        self.recompute()

    def busy(self) -> bool:
        """A write on the write thread, or a read in the background (tests wait for it)."""
        return self.writes.busy or self.live.reading

    def _stage_chosen(self) -> None:
        sid = self.stage_combo.currentData()
        if sid is None:
            return
        self.stage_id = int(sid)
        self.reload(keep_what_if=True)

    def category_versions(self) -> dict[int, int]:
        """Each category's version as this window last knew it: the newer of the read shown
        and what this window's own last save left (a save's read may still be in flight;
        an undo right after the save expects what the save left, not the version read
        before it). Called on the write thread too."""
        read = {c.id: c.version for c in self.base.categories} if self.base else {}
        with self._left_lock:
            left = dict(self._left_versions)
        return {c: max(v, left.get(c, v)) for c, v in read.items()}

    def note_versions(self, left: dict[int, int]) -> None:
        """A save of this window left these category versions (write thread)."""
        with self._left_lock:
            for c, v in left.items():
                self._left_versions[c] = max(v, self._left_versions.get(c, v))

    def what_if(self) -> WhatIf:
        return WhatIf(patterns=self.form.changes(), tps=self.tps_form.changes())

    def _unsaved(self) -> WhatIf:
        """The what-if not saved yet: the one typed, less what a save stored while the read
        that shows it is still in flight (``reload(keep_what_if=False)``)."""
        typed, saved = self.what_if(), self._saved
        if saved is None:
            return typed
        return WhatIf(
            patterns={c: p for c, p in typed.patterns.items() if saved.patterns.get(c) != p},
            tps=tuple(t for t in typed.tps if t not in saved.tps),
        )

    def recompute(self) -> None:
        """The figures under the form's patterns: in memory, at once, nothing saved."""
        if self.base is None:
            return
        self.form.set_tps_pending(len(self.tps_form.changes()))
        try:
            self.plan = planning.plan(self.base, self.what_if())
        except OpsError as exc:  # a pattern no plan can follow: say so beside the form
            self.form.show_problem(sentence_for(exc))
            self.accept_button.setEnabled(False)
            return
        self.plan_panel.show_plan(self.plan, what_if=not self.what_if().empty)
        self._hold_actions()

    def _hold_actions(self) -> None:
        """While a read is in flight, a what-if is not saved nor proposals accepted: both are
        built on the figures the read is about to replace (a save would be checked against
        stale versions, and its undo would restore stale patterns)."""
        if self._stale:
            self.form.save_button.setEnabled(False)
            self.accept_button.setEnabled(False)

    # -- acting -----------------------------------------------------------------------------

    def after_write(self, shown: Callable[[Any], None]) -> Callable[[Any], None]:
        """``shown``; and a write shown at once is not read again when the feed reports it."""
        before = self._journal_head()

        def saved(result: object) -> None:
            shown(result)
            # Shown at once: when the window was up to date and nobody else committed
            # meanwhile, the feed's report of this write has nothing new to read.
            if before is not None and self._read_at >= before:
                after = self._journal_head()
                if after == before + 1:
                    self._read_at = after

        return saved

    def _journal_head(self) -> int | None:
        try:
            with self.store.read() as s:
                return journal.head(s)
        except OpsError:
            return None  # the live feed reads what this could not

    def _push(
        self, command: PlanningCommand[PlanningWindow], *, button: QAbstractButton | None = None
    ) -> None:
        """Save ``command`` once; only a saved one goes on the undo stack."""

        def saved(result: object) -> None:
            command.shown(result)
            self.undo_stack.push(command)

        self.run(command.do(), saved, button=button)

    def _edit_rating(self, region_id: int, aspect_id: int, level_id: object) -> None:
        level = int(level_id) if isinstance(level_id, int) else None
        before = self.heat.rating(region_id, aspect_id)
        value = RatingValue(region_id, self.stage_id, aspect_id, level or 0)
        self._push(RatingCommand(self, value, level, before))

    def rating_stored(self, region_id: int, aspect_id: int, rating: Rating | None) -> None:
        """A rating saved: shown in its cell at once; the vulnerability ranks the deficits, so
        the plan's inputs are read again (off the GUI thread) and the proposals recomputed.
        With a read already in flight everything is read again: only the newest read is
        shown, and a read of the inputs alone would drop that one's matrix and TPS."""
        self.heat.set_rating(region_id, aspect_id, rating)
        if self.live.reading:
            self.reload()
            return
        store, op, sid, lang = self.store, self.operation_id, self.stage_id, self._lang

        def job(_progress: Progress, _cancel: CancelToken) -> PlanBase:
            with store.read() as s:
                return planning.load_base(s, op, sid, lang=lang)

        self._read(job, self._show_base, whole=False)

    def _show_base(self, base: PlanBase) -> None:
        self.base = base
        self.recompute()

    def _accept(self) -> None:
        chosen = self.plan_panel.selected_proposals()
        if not chosen or not self._confirm_accept(chosen):
            return
        command = AcceptCommand(self, chosen)

        def saved(result: object) -> None:
            command.shown(result)
            self.undo_stack.push(command)
            self.show_note(
                _tr(
                    "{n} personel di-BKO-kan untuk tahapan ini; Ctrl+Z untuk menarik kembali."
                ).format(n=sum(p.count for p in chosen))
            )

        self.run(command.do(), saved, button=self.accept_button)

    def _confirm_accept(self, chosen: tuple[Proposal, ...]) -> bool:
        """Ask before moving people: how many, from where to where, for which stage."""
        moves = [
            _tr("{n} personel dari {source} ke {to}").format(
                n=p.count, source=p.from_unit_name, to=p.to_unit_name
            )
            for p in chosen
        ]
        text = _tr("{n} personel akan di-BKO-kan untuk tahapan {stage}:").format(
            n=sum(p.count for p in chosen), stage=chosen[0].stage_name
        )
        return confirm(
            self,
            _tr("Terima usulan penebalan"),
            f"{text}\n\n{listed(moves)}",
            _tr("&Terima dan BKO-kan"),
            _tr("Ctrl+Z menarik kembali penebalan ini."),
        )

    def _save_patterns(self) -> None:
        after = {**self.form.stored(), **self.form.changes()}
        before = self.form.stored()
        command = PatternCommand(self, after, before, self.tps_form.changes())
        self._push(command, button=self.form.save_button)

    # -- unsaved input: the what-if, and a rating being chosen in the grid -----------------
    #
    # A rating is saved the moment it is chosen; one still open in the grid's editor when the
    # window closes is taken out of the editor first (the question would take the focus, and
    # a delegate saves its editor when it loses the focus), so that "Buang" really drops it.

    def is_dirty(self) -> bool:
        return self.heat_panel.parked is not None or (
            self.base is not None and not self._unsaved().empty
        )

    def save_input(self) -> bool:
        """Start saving the rating and the what-if on the write thread; the window closes
        once both are saved (``may_close`` waits on ``writes``), stays open on a refusal."""
        self.heat_panel.save_parked()  # journaled
        if self.base is not None and not self._unsaved().empty:
            self._save_patterns()
        return not self.writes.busy

    def discard_input(self) -> None:
        self.heat_panel.parked = None
        self.tps_form.clear()
        self.form.reset()  # recomputes with the stored patterns

    def closeEvent(self, event: QCloseEvent) -> None:
        self.heat_panel.park()
        if may_close(
            self, what=_tr("Perubahan bagaimana-jika belum disimpan."), writes=self.writes
        ):
            super().closeEvent(event)
        else:
            self.heat_panel.unpark()
            event.ignore()

    def export_to(self, path: Path) -> None:
        self.workbook.export_to(path)

    def import_from(self, path: Path) -> JobHandle | None:
        return self.workbook.import_from(path)


def open_planning(
    window: QMainWindow, store: Store, actor: Actor, feed: ChangeFeed | None = None
) -> PlanningWindow:
    """Show the planning window of ``store``, ``window``'s (one per main window), acting as
    ``actor``, the account signed in to ``window``, following ``feed`` (the main window's
    journal feed) while it lives."""
    return open_beside(window, PlanningWindow, store, actor, feed)
