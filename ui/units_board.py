"""The units board panel: every unit, its status, strength, TPS and open incidents, live.

A tree by hierarchy (roll-up totals Polsek -> Polres -> Polda) or a flat table that sorts
and filters; both views sit on one ``BoardRows`` (ui.units_model). This module is the view:
toolbar, filters, loading and selection. Its other jobs live beside it, each an object the
board holds:

* ``ui.units_board_updates``: what a journal change set does to the rows (precise updates,
  bursts in slices, figures off the GUI thread); when it is applied (hidden, merged,
  retried) is ``ui.live_updates``'s;
* ``ui.unit_status_action``: changing a unit's status (F2), saved on the write thread and
  undoable on the shared ``QUndoStack``;
* ``ui.units_board_widths``: the columns fitted to the names, the figures and the width.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Collection
from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QTableView,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from opscenter import incident_choices, messages
from opscenter.board import (
    Board,
    FigureSource,
    board_stage,
    load_board,
)
from opscenter.errors import NoOperation, OpsError
from opscenter.incident_choices import Choice
from opscenter.live import JournalChanges
from opscenter.operations import get_operation
from opscenter.units import region_units
from ui import theme
from ui.choice_combo import choose, chosen, fill_combo, region_choices, searchable
from ui.desk import Desk, undo_hint
from ui.live_updates import LiveUpdates
from ui.readiness_column import ReadinessColumn
from ui.screen_fit import FlowLayout, pair
from ui.tab_order import down_into
from ui.table_view import table_sheet
from ui.text_size import follow_font
from ui.translations import interface_language, translator
from ui.unit_status_action import StatusActions
from ui.unit_status_dialog import UnitStatusDialog
from ui.units_board_updates import BoardUpdates, release_foreground
from ui.units_board_widths import BoardWidths
from ui.units_columns import UNIT_ID_ROLE, Column
from ui.units_filter import UnitsFilterProxy
from ui.units_model import BoardRows

log = logging.getLogger(__name__)

TREES = ("territorial", "satgas", "partner")


_tr = translator("UnitsBoard")


def _tree_names() -> dict[str, str]:
    return {"territorial": _tr("Kewilayahan"), "satgas": _tr("Satgas"), "partner": _tr("Mitra")}


class UnitsBoard(QWidget):
    """The units board panel (see the module docstring). ``unit_selected`` carries an id or None."""

    unit_selected = Signal(object)
    # A status change saved (True) or refused (False), after ``set_unit_status`` or an undo.
    write_done = Signal(bool)

    def __init__(self, desk: Desk, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitsBoard")
        self.store, self.actor, self.undo_stack = desk.store, desk.actor, desk.undo_stack
        # Status, category, severity and stage names are read in the interface's language.
        self._lang = interface_language()
        self._clock = desk.clock
        self._board: Board | None = None
        # What a change does to the rows, and the status action: a job each, beside this.
        self.updates = BoardUpdates(self)
        self.status_action = StatusActions(self)
        self.status_dialog: UnitStatusDialog | None = None  # the last one opened (tests)
        self.error_box: QMessageBox | None = None  # the last refusal shown (tests)
        # Deferred while hidden, merged, retried as a reload when an apply fails; a board
        # with nothing loaded ignores changes until an operation appears.
        self.live = LiveUpdates(
            self,
            apply=self.updates.apply,
            reload=self.reload,
            loaded=lambda: self._board is not None,
            name="units board",
        )
        self._figures_running = False
        self._figures_again = False
        self._figures_changed: set[str] = set()  # entities changed since the last figures
        self._source: FigureSource | None = None  # what the last figures were computed from
        self._loaded_once = False
        self.last_error: str | None = None  # the last sentence shown (for tests and logs)
        self.writes_pending = 0  # status changes on the write thread, not yet saved
        # unit id -> version this board's last saved change left (read on the write thread)
        self._saved_versions: dict[int, int] = {}
        self.figures_recomputed = 0  # how many recomputes finished (for tests and the bench)
        self._generation = 0  # bumped by each full load
        self._queued: dict[int, None] = {}  # unit ids of a burst, applied in slices
        # foreground_busy held for the burst being applied (a list: also read once the board
        # is gone, by the release connected to ``destroyed`` below).
        self._holding = [False]
        self.destroyed.connect(functools.partial(release_foreground, self._holding))
        self._drain = QTimer(self)
        self._drain.setInterval(0)
        self._drain.timeout.connect(self.updates.drain_queue)

        self.rows = BoardRows(desk.clock, self)
        # recursive: a match keeps its chain of command
        self.tree_proxy = UnitsFilterProxy(self.rows, self, recursive=True)
        self.tree_proxy.setSourceModel(self.rows.tree_model)
        self.flat_proxy = UnitsFilterProxy(self.rows, self)
        self.flat_proxy.setSourceModel(self.rows.flat_model)

        self._build_toolbar()
        self.tree_view = QTreeView(self)
        self.tree_view.setObjectName("unitsTree")
        self.tree_view.setModel(self.tree_proxy)
        self.tree_view.setUniformRowHeights(True)  # thousands of rows: no per-row measuring
        self.tree_view.setSortingEnabled(False)
        self.flat_view = QTableView(self)
        self.flat_view.setObjectName("unitsTable")
        self.flat_view.setModel(self.flat_proxy)
        # Sorting starts when the flat view is first shown: sorting thousands of rows that
        # nobody looks at would only delay the board's first appearance.
        self._flat_sorted = False
        self.flat_view.verticalHeader().hide()
        for view in (self.tree_view, self.flat_view):
            self._style_view(view)
        # The columns fitted to the names, figures and the views' width: a job of its own.
        self.widths = BoardWidths(self.rows, (self.tree_view, self.flat_view), self._statuses, self)
        self.widths.narrowed.connect(self._update_footer)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.tree_view)
        self.stack.addWidget(self.flat_view)

        self.footer = QLabel(self)
        self.footer.setObjectName("boardFooter")
        self.footer.setStyleSheet(f"color: {theme.MUTED.name()};")
        self.footer.setWordWrap(True)  # the sentence for a filter that matches nothing
        # A passing hint ("Pilih satu satuan dulu…") in the footer, until a unit is chosen.
        self._hint_shown = False
        # Its Ctrl+Z hint names the edit to undo, or goes (``ui.desk.undo_hint``); a status
        # being saved keeps its line.
        self.undo_stack.indexChanged.connect(self._undo_moved)
        # Its count follows rows that enter or leave the filter (a status changed, here or
        # elsewhere, a unit added or removed): once per event-loop turn, not once per row.
        self._recount = QTimer(self)
        self._recount.setSingleShot(True)
        self._recount.setInterval(0)
        self._recount.timeout.connect(self._footer_unless_saving)
        for proxy in (self.tree_proxy, self.flat_proxy):
            proxy.rowsInserted.connect(self._rows_shown_changed)
            proxy.rowsRemoved.connect(self._rows_shown_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._toolbar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.footer)
        self.readiness_column = ReadinessColumn(self)  # issue 15: each unit's readiness

        self.reload()

    # -- building ---------------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        self.change_status_action = QAction(_tr("Ubah status…"), self)
        self.change_status_action.setObjectName("changeStatusAction")
        # F2 is the main window's (``ui.actions``): a second F2 here would make Qt fire neither.
        self.change_status_action.setToolTip(_tr("Ubah status satuan terpilih (F2)"))
        self.change_status_action.triggered.connect(self.change_status)
        self.addAction(self.change_status_action)

        self.status_button = QToolButton(self)
        self.status_button.setObjectName("changeStatusButton")
        self.status_button.setDefaultAction(self.change_status_action)
        self.status_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.status_button.setText(_tr("Ubah status (F2)"))

        self.search = QLineEdit(self)
        self.search.setObjectName("unitSearch")
        self.search.setPlaceholderText(_tr("Cari satuan, kode atau status…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        # Down or Enter: on into the list, at the first unit found.
        down_into(
            self.search,
            self.current_view,
            first=self._first_match,
            keys=(Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter),
        )

        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.currentIndexChanged.connect(self._on_status_filter)
        self.tree_filter = QComboBox(self)
        self.tree_filter.setObjectName("treeFilter")
        self.tree_filter.addItem(_tr("Semua susunan"), None)
        for code, name in _tree_names().items():
            self.tree_filter.addItem(name, code)
        self.tree_filter.currentIndexChanged.connect(self._on_tree_filter)
        # The units answering for a region (and all under it): the map's click sets it.
        self.region_filter = QComboBox(self)
        self.region_filter.setObjectName("regionFilter")
        self.region_filter.setToolTip(_tr("Satuan yang bertanggung jawab atas wilayah ini"))
        fill_combo(self.region_filter, (), none_label=_tr("Semua wilayah"))
        searchable(self.region_filter, filter_box=True)
        self.region_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.region_filter.setMinimumContentsLength(16)
        self.region_filter.currentIndexChanged.connect(self._on_region_filter)

        self.tree_toggle = QToolButton(self)
        self.tree_toggle.setObjectName("treeToggle")
        self.tree_toggle.setCheckable(True)
        self.tree_toggle.setChecked(True)
        self.tree_toggle.setText(_tr("Tampilan: pohon"))
        self.tree_toggle.setToolTip(
            _tr("Pohon per hierarki, atau daftar datar yang dapat diurutkan")
        )
        self.tree_toggle.toggled.connect(self.set_tree_mode)
        self.expand_button = QToolButton(self)
        self.expand_button.setText(_tr("Buka semua"))
        self.expand_button.clicked.connect(lambda: self.tree_view.expandAll())
        self.collapse_button = QToolButton(self)
        self.collapse_button.setText(_tr("Tutup semua"))
        self.collapse_button.clicked.connect(self._collapse)

        self.title = QLabel(_tr("Papan satuan"), self)
        self.title.setFont(theme.scaled_font(self, 1.3, bold=True))
        self.stage_label = QLabel(self)
        self.stage_label.setObjectName("boardStage")
        # The wall's own bar names the page and the stage: once is enough across the room.
        for label in (self.title, self.stage_label):
            label.setProperty("wallHide", True)
        self.stage_label.setStyleSheet(f"color: {theme.MUTED.name()};")

        # Wraps onto a second row in a narrow window: in one row it was 1,369 px wide.
        bar = FlowLayout(spacing=12)
        bar.setContentsMargins(8, 6, 8, 6)
        heading = pair(self, self.title, self.stage_label, spacing=8)
        follow_font(
            self.search,
            lambda: self.search.setMinimumWidth(
                self.search.fontMetrics().horizontalAdvance("M" * 14)
            ),
        )
        bar.add(
            heading,
            self.status_button,
            self.search,
            pair(self, self.status_filter, self.tree_filter),
            self.region_filter,
            pair(self, self.tree_toggle, self.expand_button, self.collapse_button),
        )
        self._toolbar = bar

    def _style_view(self, view: QTreeView | QTableView) -> None:
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setFont(theme.scaled_font(self, 1.1))
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self.status_action.context_menu)
        view.setStyleSheet(table_sheet("3px 6px", items="QTreeView::item, QTableView::item"))
        header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        if isinstance(view, QTableView):
            view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

        def fit_to_type() -> None:
            line = view.fontMetrics().height()
            header.setMinimumHeight(int(line * 3.6))  # headers of up to three lines
            if isinstance(view, QTreeView):
                view.setIndentation(int(line * 1.1))
            else:
                view.verticalHeader().setDefaultSectionSize(int(line * 1.8))

        follow_font(view, fit_to_type)  # now, and at each text size step
        view.selectionModel().currentRowChanged.connect(self._on_current_changed)

    def fit_columns(self) -> None:
        """Fit the columns to the names, figures and type size (``ui.units_board_widths``);
        the wall calls it again once it enlarged the type."""
        self.widths.fit()

    def _statuses(self) -> tuple[Any, ...]:
        return self._board.statuses if self._board else ()

    # -- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        """A full load: a new query, so the models reset (the only time they do)."""
        keep = self.selected_unit_id()
        try:
            with self.store.read() as s:
                op = get_operation(s)
                stage = board_stage(s, op.id, self._clock())
                # Units now, figures from a background job: the board shows at once even
                # at national scale, where the figures take seconds (bench/board.py).
                board = load_board(s, op.id, stage, figures=False, lang=self._lang)
                regions = region_choices(incident_choices.choices(s, op.id, lang=self._lang))
        except NoOperation:
            board = None
        except OpsError as error:
            log.warning("board not loaded: %s", error)
            self.footer.setText(messages.describe(error, self._lang))
            return
        self._queued.clear()
        self.updates.hold_foreground(False)
        if board is None:
            self._board = None
            self.stage_label.setText(_tr("Belum ada operasi"))
            return
        self._board = board
        self.rows.set_board(board)
        self._figures_running = False  # a job for the previous board reports to nobody
        self._source = None
        self._figures_changed.clear()
        self._generation += 1
        self.recompute_figures()
        self.readiness_column.refresh()
        self._fill_status_filter()
        self._fill_region_filter(regions)
        self.fit_columns()
        self.stage_label.setText(
            _tr("Tahapan: {stage}").format(stage=board.stage_name) if board.stage_name else ""
        )
        self._expand_commands()
        self._update_footer()
        if keep is not None:
            self.select_unit(keep)

    def _fill_status_filter(self) -> None:
        current = self.status_filter.currentData()
        self.status_filter.blockSignals(True)
        self.status_filter.clear()
        self.status_filter.addItem(_tr("Semua status"), None)
        for st in self._statuses():
            self.status_filter.addItem(st.name, st.id)
        found = self.status_filter.findData(current)
        self.status_filter.setCurrentIndex(max(found, 0))
        self.status_filter.blockSignals(False)

    def _fill_region_filter(self, regions: list[Choice]) -> None:
        """The regions as the incidents list offers them; the one chosen stays chosen (its
        units are read again: their areas may have changed)."""
        current = chosen(self.region_filter)
        self.region_filter.blockSignals(True)
        fill_combo(self.region_filter, regions, none_label=_tr("Semua wilayah"))
        choose(self.region_filter, current)
        self.region_filter.blockSignals(False)
        self._on_region_filter(self.region_filter.currentIndex())

    def _expand_commands(self) -> None:
        """Open the top of each tree, so the Polres and their roll-ups show at first sight."""
        proxy = self.tree_proxy
        for r in range(proxy.rowCount()):
            self.tree_view.expand(proxy.index(r, 0))

    def _collapse(self) -> None:
        self.tree_view.collapseAll()
        self._expand_commands()

    def _undo_moved(self, _index: int) -> None:
        self._footer_unless_saving()

    def _rows_shown_changed(self, *_: object) -> None:
        self._recount.start()

    def _footer_unless_saving(self) -> None:
        if not self.writes_pending:
            self._update_footer()

    def show_hint(self, text: str) -> None:
        """A passing hint in the footer: the usual line comes back when a unit is chosen."""
        self.footer.setText(text)
        self._hint_shown = True

    def _update_footer(self) -> None:
        self._hint_shown = False
        total = len(self.rows.rows)
        proxy = self.current_proxy()
        loc = self.locale()
        # The units that match; in the tree the chain of command above them shows too.
        shown = proxy.matches()
        count = (
            _tr("{shown} dari {n} satuan").format(shown=loc.toString(shown), n=loc.toString(total))
            if proxy.filtering()
            else _tr("{n} satuan").format(n=loc.toString(total))
        )
        parts = [count]
        if shown or not total:
            parts.append(_tr("F2: ubah status satuan terpilih"))
        else:  # a blank board: why, and how to see the units again (F2 has nothing to act on)
            parts.append(self._no_match())
        undo = undo_hint(self.undo_stack)
        if undo:
            parts.append(undo)
        if self.widths.tps_left_out(self.current_view()):
            # A 1366 px laptop: the TPS counts do not fit beside strength and incidents.
            parts.append(_tr("Kolom TPS tidak muat: lihat tab Kekuatan (Ctrl+2)"))
        self.footer.setText("  ·  ".join(parts))

    def _no_match(self) -> str:
        """The sentence for a filter that matches no unit, and how to lift it."""
        steps = []
        if self.search.text().strip():
            steps.append(_tr("kosongkan pencarian"))
        for box in (self.status_filter, self.tree_filter, self.region_filter):
            if box.currentIndex() > 0:  # the first entry of each is "Semua …"
                steps.append(_tr("pilih \u201c{all}\u201d").format(all=box.itemText(0)))
        return _tr("Tidak ada satuan yang cocok dengan saringan ini: {steps}.").format(
            steps=", ".join(steps)
        )

    # -- live (``ui.units_board_updates``) -----------------------------------------------------

    def apply_changes(self, changes: JournalChanges) -> None:
        """Show what the journal says changed; a hidden board waits until it is shown."""
        self.live.deliver(changes)

    def refresh_units(self, ids: set[int] | frozenset[int]) -> bool:
        return self.updates.refresh_units(ids)

    def recompute_figures(self, entities: Collection[str] = ("*",)) -> None:
        self.updates.recompute_figures(entities)

    def busy(self) -> bool:
        """Figures being computed or a burst being applied (the readiness column's read,
        which follows them, is ``readiness_column.busy()``)."""
        return self.updates.busy()

    def pending_updates(self) -> int:
        return self.updates.pending_updates()

    # -- selection ----------------------------------------------------------------------------

    def tree_mode(self) -> bool:
        return self.stack.currentWidget() is self.tree_view

    def current_view(self) -> QTreeView | QTableView:
        return self.tree_view if self.tree_mode() else self.flat_view

    def current_proxy(self) -> UnitsFilterProxy:
        return self.tree_proxy if self.tree_mode() else self.flat_proxy

    def set_tree_mode(self, tree: bool) -> None:
        keep = self.selected_unit_id()
        if not tree and not self._flat_sorted:
            self._flat_sorted = True
            self.flat_view.setSortingEnabled(True)
            self.flat_view.sortByColumn(Column.UNIT, Qt.SortOrder.AscendingOrder)
        self.stack.setCurrentWidget(self.tree_view if tree else self.flat_view)
        if self.tree_toggle.isChecked() != tree:
            self.tree_toggle.setChecked(tree)
        self.tree_toggle.setText(_tr("Tampilan: pohon") if tree else _tr("Tampilan: daftar"))
        self.expand_button.setEnabled(tree)
        self.collapse_button.setEnabled(tree)
        if keep is not None:
            self.select_unit(keep)
        self._update_footer()

    def selected_unit_id(self) -> int | None:
        rows = self.current_view().selectionModel().selectedRows(0)
        value = rows[0].data(UNIT_ID_ROLE) if rows else None
        return int(value) if value is not None else None

    def selected_line(self) -> list[int]:
        """The selected unit and the units above it, nearest first (empty: none selected):
        a form for "this unit" opened from the board takes the first its list holds, so
        a Polsek chosen here opens its Polres."""
        unit_id = self.selected_unit_id()
        if unit_id is None:
            return []
        return [unit_id, *self.rows.ancestors(unit_id)]

    def select_unit(self, unit_id: int) -> bool:
        """Select (and show) a unit in the current view; False if it is filtered out."""
        if self.tree_mode():
            source = self.rows.tree_model.index_of(unit_id)
            index = self.tree_proxy.mapFromSource(source)
        else:
            source = self.rows.flat_model.index_of(unit_id)
            index = self.flat_proxy.mapFromSource(source)
        if not index.isValid():
            return False
        view = self.current_view()
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        view.selectionModel().setCurrentIndex(index, flags)
        view.scrollTo(index)
        return True

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        value = current.data(UNIT_ID_ROLE) if current.isValid() else None
        if value is not None and self._hint_shown and not self.writes_pending:
            self._update_footer()  # "Pilih satu satuan dulu…" is done with
        self.unit_selected.emit(int(value) if value is not None else None)

    # -- changing a status (``ui.unit_status_action``) --------------------------------------

    def change_status(self) -> None:
        self.status_action.change_status()

    def context_menu_at(self, pos: QPoint) -> QMenu | None:
        return self.status_action.context_menu_at(pos)

    def set_unit_status(self, unit_id: int, status_id: int, reason: str | None = None) -> bool:
        return self.status_action.set_unit_status(unit_id, status_id, reason)

    # -- filters ------------------------------------------------------------------------------

    def focus_search(self) -> None:
        """Ctrl+F: into the search box, its text chosen to be typed over."""
        self.search.setFocus()
        self.search.selectAll()

    def _first_match(self) -> QModelIndex:
        """The first row shown that matches the filter itself (in the tree, the chain of
        command above a match shows first), in the order shown."""
        proxy = self.current_proxy()
        pending = [proxy.index(r, 0) for r in range(proxy.rowCount())]
        pending.reverse()
        while pending:
            index = pending.pop()
            row = self.rows.rows.get(index.data(UNIT_ID_ROLE))
            if row is not None and proxy.accepts(row):
                return index
            pending.extend(proxy.index(r, 0, index) for r in reversed(range(proxy.rowCount(index))))
        return proxy.index(0, 0)

    def _filter(self, apply: Callable[[UnitsFilterProxy], None], *, expand: bool = False) -> None:
        """Filter both views alike; ``expand``: open the tree, its matches may sit deep in it."""
        for proxy in (self.tree_proxy, self.flat_proxy):
            apply(proxy)
        if expand and self.tree_mode():
            self.tree_view.expandAll()
        self._update_footer()

    def _on_search(self, text: str) -> None:
        self._filter(lambda proxy: proxy.set_text(text), expand=bool(text.strip()))

    def _on_status_filter(self, _index: int) -> None:
        value = self.status_filter.currentData()
        status = int(value) if value is not None else None
        self._filter(lambda proxy: proxy.set_status(status))

    def set_region_filter(self, region_id: int | None) -> None:
        """Show the units answering for a region and everything under it (the map's click);
        None shows all. "Semua wilayah" in the box clears it, as the other filters."""
        choose(self.region_filter, region_id)

    def _on_region_filter(self, _index: int) -> None:
        region_id = chosen(self.region_filter)
        units: frozenset[int] | None = None
        if region_id is not None and self._board is not None:
            with self.store.read() as s:
                units = region_units(s, self._board.operation_id, region_id)
        # Expanded: a region's Polsek sit under their Polres.
        self._filter(lambda proxy: proxy.set_units(units), expand=units is not None)

    def _on_tree_filter(self, _index: int) -> None:
        value = self.tree_filter.currentData()
        tree = str(value) if value is not None else None
        self._filter(lambda proxy: proxy.set_tree(tree))
