"""The units board panel: every unit, its status, strength, TPS and open incidents, live.

A tree by hierarchy (roll-up totals Polsek -> Polres -> Polda) or a flat table that sorts
and filters; both views sit on one ``BoardRows`` (ui.units_model). Live updates arrive as
``JournalChanges`` (``apply_changes``) and touch only the affected rows:

* a unit row changed -> that unit is re-read (one query) and its row repainted; a unit moved,
  added or removed -> rows moved, inserted or removed, and the figures recomputed;
* personnel, BKO, TPS or incidents changed -> the figures are recomputed off the GUI thread
  (``ui.worker.start_job``) and only the rows whose figures changed are repainted.

A hidden board keeps the changes and applies them when shown. Changing a unit's status is one
action (toolbar, context menu, F2) with an optional reason, undoable on the shared
``QUndoStack``; every change is journaled by ``opscenter.units.set_status``.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import logging
from collections.abc import Callable, Collection
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QFontMetrics, QShowEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from opscenter import messages, units
from opscenter.actor import Actor
from opscenter.board import (
    Board,
    Figures,
    FigureSource,
    UnitRow,
    board_stage,
    load_board,
    references,
    refresh_figures,
    reload_units,
    with_figures,
)
from opscenter.clock import now as operation_now
from opscenter.errors import NoOperation, OpsError, StaleEdit
from opscenter.model import Stage
from opscenter.operations import get_operation
from opscenter.progress import CancelToken, Progress, foreground_busy
from opscenter.store import Store
from ui import theme
from ui.actions import close_keys
from ui.screen_fit import FlowLayout, narrow_drops, pair
from ui.translations import interface_language
from ui.unit_status_dialog import UnitStatusDialog
from ui.units_model import UNIT_ID_ROLE, BoardRows, Column, UnitsFilterProxy
from ui.worker import start_job, start_write

if TYPE_CHECKING:  # at run time only where needed: opscenter.live imports psycopg
    from opscenter.live import JournalChanges

log = logging.getLogger(__name__)

# F2: "edit the selected item" on every desktop, one key, nothing else on the board uses it.


# Units re-read and repainted per event-loop turn during a burst: a few milliseconds of
# GUI-thread time at national scale, so that input and painting go on in between.
def _release_foreground(holding: list[bool], *_: object) -> None:
    if holding[0]:
        holding[0] = False
        foreground_busy(False)


# After a burst's last slice, how long background work still waits (its repaint).
RELEASE_MS = 30
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

TREES = ("territorial", "satgas", "partner")


def _tr(text: str) -> str:
    return QCoreApplication.translate("UnitsBoard", text)


def _tree_names() -> dict[str, str]:
    return {"territorial": _tr("Kewilayahan"), "satgas": _tr("Satgas"), "partner": _tr("Mitra")}


class SetStatusCommand(QUndoCommand):
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
        self._applied = True  # pushed after the first change succeeded: the first redo is done

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._run(self._after[0], self._after[1])

    def undo(self) -> None:
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

        self._board.save_status(
            self.unit_id, status_id, reason, self._version, on_saved=saved, on_refused=refused
        )


class MiddleElideDelegate(QStyledItemDelegate):
    """A cut unit name keeps its end: "Polres Tanjung…Barat" and "…Timur" stay apart (the
    other columns keep the usual end elision: a time must not lose its minutes)."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


class UnitsBoard(QWidget):
    """The units board panel (see the module docstring). ``unit_selected`` carries an id or None."""

    unit_selected = Signal(object)
    # A status change saved (True) or refused (False), after ``set_unit_status`` or an undo.
    write_done = Signal(bool)

    def __init__(
        self,
        store: Store,
        *,
        undo_stack: QUndoStack,
        actor: Actor,
        clock: Callable[[], datetime] = operation_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unitsBoard")
        self.store = store
        # Status, category, severity and stage names are read in the interface's language.
        self._lang = interface_language()
        self.actor = actor
        self.undo_stack = undo_stack
        self._clock = clock
        self._board: Board | None = None
        self._pending: list[JournalChanges] = []
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
        self.destroyed.connect(functools.partial(_release_foreground, self._holding))
        self._drain = QTimer(self)
        self._drain.setInterval(0)
        self._drain.timeout.connect(self._drain_queue)

        self.rows = BoardRows(clock, self)
        self._readable = theme.ReadableTextDelegate(self)
        self._middle = MiddleElideDelegate(self)
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
        # Sections a narrow view left out (``_fit_to_width``), and each section's width.
        self._narrowed: dict[QTreeView | QTableView, set[int]] = {}
        self._natural: dict[QTreeView | QTableView, dict[int, int]] = {}
        for view in (self.tree_view, self.flat_view):
            self._style_view(view)
            self._narrowed[view], self._natural[view] = set(), {}
            view.viewport().installEventFilter(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.tree_view)
        self.stack.addWidget(self.flat_view)

        self.footer = QLabel(self)
        self.footer.setObjectName("boardFooter")
        self.footer.setStyleSheet(f"color: {theme.MUTED.name()};")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._toolbar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.footer)

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

        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.currentIndexChanged.connect(self._on_status_filter)
        self.tree_filter = QComboBox(self)
        self.tree_filter.setObjectName("treeFilter")
        self.tree_filter.addItem(_tr("Semua susunan"), None)
        for code, name in _tree_names().items():
            self.tree_filter.addItem(name, code)
        self.tree_filter.currentIndexChanged.connect(self._on_tree_filter)

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
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("M" * 14))
        bar.add(
            heading,
            self.status_button,
            self.search,
            pair(self, self.status_filter, self.tree_filter),
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
        if isinstance(view, QTreeView):
            view.setIndentation(int(view.fontMetrics().height() * 1.1))
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._context_menu)
        view.setStyleSheet(
            "QTreeView::item, QTableView::item { padding: 3px 6px; }"
            f" QHeaderView::section {{ padding: 4px 8px; font-weight: bold;"
            f" background: {theme.PANEL.name()}; border: none;"
            f" border-right: 1px solid {theme.RULE.name()};"
            f" border-bottom: 2px solid {theme.RULE.name()}; }}"
        )
        header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setMinimumHeight(int(view.fontMetrics().height() * 3.6))
        if isinstance(view, QTableView):
            row_height = int(view.fontMetrics().height() * 1.8)
            view.verticalHeader().setDefaultSectionSize(row_height)
            view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.selectionModel().currentRowChanged.connect(self._on_current_changed)

    def fit_columns(self) -> None:
        """Names and times at their widest; figures share one width so the grid reads.

        Where the last-change column is hidden (the wall), the names take the room left, so
        "Polres Tanjung Jabung Barat" and "... Timur" never shrink to the same "Polres
        Tanjung Jab…". Incident counts are painted in their severity's colour made readable
        on the row under them (``theme.ReadableTextDelegate``)."""
        layout = self.rows.cells.layout
        for view in (self.tree_view, self.flat_view):
            header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
            header.setStretchLastSection(False)
            metrics = view.fontMetrics()
            changed_shown = any(
                kind is Column.CHANGED and not view.isColumnHidden(section)
                for section, (kind, _pos) in enumerate(layout.columns())
            )
            # A name column of about 32 characters at this view's type size, at least 440 px.
            name_cap = max(440, 32 * metrics.averageCharWidth())
            figure_width = metrics.horizontalAdvance("\u22128.888") + 16
            bold = theme.scaled_font(view, 1.0, bold=True)
            head = QFontMetrics(bold)
            natural = self._natural[view]
            for section, (kind, _pos) in enumerate(layout.columns()):
                label = str(
                    self.rows.tree_model.headerData(section, Qt.Orientation.Horizontal) or ""
                )
                label_width = max((head.horizontalAdvance(x) for x in label.split("\n")), default=0)
                own = {Column.INCIDENTS: self._readable, Column.UNIT: self._middle}.get(kind)
                if own is not None:
                    view.setItemDelegateForColumn(section, own)
                elif view.itemDelegateForColumn(section) in (self._readable, self._middle):
                    view.setItemDelegateForColumn(section, view.itemDelegate())  # columns moved
                if kind is Column.UNIT:
                    widest = max(
                        (metrics.horizontalAdvance(r.name) for r in self.rows.rows.values()),
                        default=200,
                    )
                    indent = 3 * view.indentation() if isinstance(view, QTreeView) else 0
                    header.resizeSection(section, min(max(widest, 200) + indent + 24, name_cap))
                    header.setSectionResizeMode(
                        section,
                        QHeaderView.ResizeMode.Interactive
                        if changed_shown
                        else QHeaderView.ResizeMode.Stretch,
                    )
                elif kind is Column.STATUS:
                    header.setSectionResizeMode(section, QHeaderView.ResizeMode.Fixed)
                    widest = max(
                        (metrics.horizontalAdvance(s.name) for s in self._statuses()), default=100
                    )
                    header.resizeSection(section, max(widest, label_width) + 32)
                elif kind is Column.CHANGED:
                    header.setSectionResizeMode(section, QHeaderView.ResizeMode.Stretch)
                else:
                    header.setSectionResizeMode(section, QHeaderView.ResizeMode.Fixed)
                    header.resizeSection(section, max(figure_width, label_width + 18))
                # The width each column needs, for ``_fit_to_width`` (the name column's
                # before it stretches; a hidden column's, which reads 0, as measured).
                if kind is Column.CHANGED:
                    width = metrics.horizontalAdvance("27-11-24 23:59") + 24
                elif kind is Column.UNIT:
                    width = min(max(widest, 200) + indent + 24, name_cap)
                else:
                    width = header.sectionSize(section) or natural.get(section, 0)
                natural[section] = width

    def _fit_to_width(self, view: QTreeView | QTableView) -> None:
        """A narrow board (a 1366 px laptop) leaves out the time of the last change, then the
        TPS counts per category from the last (the strength tab and the planning window show
        them), until strength, balance and incidents fit without scrolling sideways; a wider
        one takes them back. Columns hidden by others (the wall) stay hidden."""
        natural = self._natural.get(view)
        if not natural:
            return
        mine = self._narrowed[view]
        columns = list(enumerate(self.rows.cells.layout.columns()))
        others = {s for s, _ in columns if view.isColumnHidden(s) and s not in mine}
        drops = [s for s, (k, _) in columns if k is Column.CHANGED]
        drops += [s for s, (k, _) in reversed(columns) if k is Column.TPS]
        hide = narrow_drops(view.viewport().width(), natural, drops, hidden=others)
        if hide == mine:
            return
        for section in mine ^ hide:
            view.setColumnHidden(section, section in hide)
        self._narrowed[view] = hide
        self.fit_columns()  # the name column stretches where the last-change one went

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            for view in (self.tree_view, self.flat_view):
                if watched is view.viewport():
                    self._fit_to_width(view)
        return super().eventFilter(watched, event)

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
        except NoOperation:
            board = None
        except OpsError as error:
            log.warning("board not loaded: %s", error)
            self.footer.setText(messages.describe(error, self._lang))
            return
        self._pending.clear()
        self._queued.clear()
        self._hold_foreground(False)
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
        self._fill_status_filter()
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

    def _expand_commands(self) -> None:
        """Open the top of each tree, so the Polres and their roll-ups show at first sight."""
        proxy = self.tree_proxy
        for r in range(proxy.rowCount()):
            self.tree_view.expand(proxy.index(r, 0))

    def _collapse(self) -> None:
        self.tree_view.collapseAll()
        self._expand_commands()

    def _update_footer(self) -> None:
        total = len(self.rows.rows)
        shown = self.current_proxy().rowCount() if not self.tree_mode() else None
        loc = self.locale()
        text = _tr("{n} satuan").format(n=loc.toString(total))
        if shown is not None and shown != total:
            text = _tr("{shown} dari {n} satuan").format(
                shown=loc.toString(shown), n=loc.toString(total)
            )
        text += "  ·  " + _tr("F2: ubah status satuan terpilih  ·  Ctrl+Z: batalkan")
        self.footer.setText(text)

    # -- live ---------------------------------------------------------------------------------

    def apply_changes(self, changes: JournalChanges) -> None:
        """Show what the journal says changed; a hidden board waits until it is shown."""
        if not self.isVisible():
            self._pending.append(changes)
            return
        self._apply(changes)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending:
            from opscenter.live import JournalChanges

            pending, self._pending = self._pending, []
            merged: dict[str, set[int]] = {}
            for c in pending:
                for entity, ids in c.rows.items():
                    merged.setdefault(entity, set()).update(ids)
            self._apply(
                JournalChanges(
                    pending[0].first_seq,
                    pending[-1].last_seq,
                    {k: frozenset(v) for k, v in merged.items()},
                )
            )

    def _apply(self, changes: JournalChanges) -> None:
        if self._board is None or any(e in changes for e in REFERENCE_ENTITIES):
            if self._board is None and "operation" not in changes and "unit" not in changes:
                return
            if "operation" in changes or not self._references_changed():
                self.reload()
                return
        structure_changed = False
        if "unit" in changes:
            structure_changed = self.refresh_units(changes.ids("unit"))
        moved = {e for e in changes.rows if e in FIGURE_ENTITIES}
        if structure_changed:
            moved.add("unit")
        if moved:
            self.recompute_figures(moved)

    def _references_changed(self) -> bool:
        """A reference list was edited (a status renamed or recoloured, a severity's colour):
        re-read the lists and every row precisely, keeping selection and scroll; False when
        the columns themselves changed (an entry added, removed or moved: a reload)."""
        assert self._board is not None
        try:
            with self.store.read() as s:
                lists = references(s, self._board.operation_id, lang=self._lang)
        except OpsError as error:
            log.warning("reference lists not re-read: %s", error)
            return True  # keep what is shown; the next change tries again
        if not self.rows.set_references(*lists):
            return False
        self._board = self.rows.board
        self._fill_status_filter()
        self.refresh_units(frozenset(self.rows.rows))
        self.recompute_figures({"incident"})  # a status may now count as closed
        return True

    def refresh_units(self, ids: set[int] | frozenset[int]) -> bool:
        """Re-read these units' rows; returns True when the tree's shape changed.

        A burst (more than ``UPDATE_SLICE`` units) is queued and re-read and repainted a
        slice per event-loop turn (``_drain_queue``), so the GUI thread is never blocked
        for the whole burst (issue 3: at most 50 ms at a time); it returns False then, and
        the slice that finds a new shape recomputes the figures itself.
        """
        if self._board is None or not ids:
            return False
        if len(ids) <= UPDATE_SLICE and not self._queued:
            return self._refresh_now(ids)
        # dict: each unit once, in arrival order; queued again, it is still read once (as it
        # is then, the latest).

        self._queued.update(dict.fromkeys(sorted(ids)))
        self._hold_foreground(True)
        if not self._drain.isActive():
            self._drain.start()
        return False

    def _hold_foreground(self, hold: bool) -> None:
        """While a burst is shown slice by slice, background figure work steps aside
        (``opscenter.progress.step_aside``): rows first, figures after."""
        if hold != self._holding[0]:
            self._holding[0] = hold
            foreground_busy(hold)

    def _refresh_now(self, ids: set[int] | frozenset[int]) -> bool:
        assert self._board is not None
        known_rows = self.rows.rows
        figures = {uid: known_rows[uid].figures for uid in ids if uid in known_rows}
        with self.store.read() as s:
            fresh = reload_units(
                s, ids, figures=figures, operation_id=self._board.operation_id, lang=self._lang
            )
        return self._show_rows(ids, fresh)

    def _show_rows(self, ids: set[int] | frozenset[int], fresh: list[UnitRow]) -> bool:
        """Show the rows of ``ids`` as read (``fresh``: those that still exist)."""
        found = {r.id for r in fresh}
        known = [r for r in fresh if r.id in self.rows.rows]
        new = [r for r in fresh if r.id not in self.rows.rows]
        gone = [uid for uid in ids if uid in self.rows.rows and uid not in found]
        moved = any(r.parent_id != self.rows.rows[r.id].parent_id for r in known)
        self.rows.update_rows(known)
        if new:
            self.rows.insert_rows(new)
        if gone:
            self.rows.remove_rows(gone)
        if new or gone:
            self._update_footer()
        return bool(new or gone or moved)

    def _drain_queue(self) -> None:
        """One slice of a queued burst: re-read (one small query) and repaint its rows."""
        batch = list(itertools.islice(self._queued, UPDATE_SLICE))
        for uid in batch:
            del self._queued[uid]
        if not self._queued:
            self._drain.stop()
        if batch and self._refresh_now(set(batch)):
            self.recompute_figures({"unit"})
        if not self._queued:
            # Released after the repaint of this last slice has had its turn.
            QTimer.singleShot(RELEASE_MS, self, lambda: self._hold_foreground(bool(self._queued)))

    def busy(self) -> bool:
        """Figures being computed or a burst being applied."""
        return self._figures_running or bool(self._queued)

    def pending_updates(self) -> int:
        """Units queued but not yet re-read and repainted (a burst being applied in slices)."""
        return len(self._queued)

    def recompute_figures(self, entities: Collection[str] = ("*",)) -> None:
        """Strength, TPS and open incidents again, off the GUI thread; repaint what changed.

        ``entities``: what changed since the last figures (``"*"``: anything). The job reads
        again only what they move (``opscenter.board.refresh_figures``): a personnel transfer
        re-counts personnel, not the TPS, so the worker thread spends its time in SQLite,
        which releases the GIL, not in Python, which would hold up the GUI thread.
        """
        if self._board is None:
            return
        self._figures_changed.update(entities)
        if self._figures_running:
            self._figures_again = True  # a burst: one more pass after this one, not one each
            return
        self._figures_running = True
        board = self._board
        store = self.store
        generation = self._generation
        changed, self._figures_changed = self._figures_changed, set()
        previous = None if "*" in changed else self._source

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
            parent=self,
            on_success=lambda result: self._figures_ready(result, generation),
            on_failure=self._figures_failed,
        )

    def _figures_ready(
        self, result: tuple[dict[int, Figures], FigureSource], generation: int
    ) -> None:
        if generation != self._generation:
            return  # computed for a board that has since been reloaded
        self._figures_running = False
        self.figures_recomputed += 1
        figures, self._source = result
        self.rows.set_figures(figures)
        if self._figures_again:
            self._figures_again = False
            self.recompute_figures(())

    def _figures_failed(self, error: BaseException) -> None:
        self._figures_running = False
        self._source = None  # what the failed job was to re-read is unknown now: all next time
        log.warning("figures not recomputed: %s", error)
        if isinstance(error, OpsError):
            self.footer.setText(messages.describe(error, self._lang))

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
        self.unit_selected.emit(int(value) if value is not None else None)

    # -- filters ------------------------------------------------------------------------------

    def _on_search(self, text: str) -> None:
        for proxy in (self.tree_proxy, self.flat_proxy):
            proxy.set_text(text)
        if text.strip() and self.tree_mode():
            self.tree_view.expandAll()  # the matches may sit deep in the tree
        self._update_footer()

    def _on_status_filter(self, _index: int) -> None:
        value = self.status_filter.currentData()
        for proxy in (self.tree_proxy, self.flat_proxy):
            proxy.set_status(int(value) if value is not None else None)
        self._update_footer()

    def _on_tree_filter(self, _index: int) -> None:
        value = self.tree_filter.currentData()
        for proxy in (self.tree_proxy, self.flat_proxy):
            proxy.set_tree(str(value) if value is not None else None)
        self._update_footer()

    # -- changing a status --------------------------------------------------------------------

    def _context_menu(self, pos: QPoint) -> None:
        menu = self.context_menu_at(pos)
        if menu is not None:
            menu.popup(self.current_view().viewport().mapToGlobal(pos))

    def context_menu_at(self, pos: QPoint) -> QMenu | None:
        """The row's menu (the row under the pointer is selected first); None off the rows."""
        view = self.current_view()
        index = view.indexAt(pos)
        uid = index.data(UNIT_ID_ROLE) if index.isValid() else None
        if uid is None:
            return None
        self.select_unit(int(uid))
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.change_status_action)
        return menu

    def change_status(self) -> None:
        """The one action: ask for the new status and reason of the selected unit, then save."""
        uid = self.selected_unit_id()
        if uid is None or uid not in self.rows.rows:
            self.footer.setText(_tr("Pilih satu satuan dulu, lalu tekan F2."))
            return
        row = self.rows.rows[uid]
        dialog = UnitStatusDialog(row.name, self._statuses(), row.status_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        close_keys(dialog)
        self.status_dialog = dialog
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
        row = self.rows.rows.get(unit_id)
        if row is None:
            return False
        if row.status_id == status_id and row.status_reason == (reason or None):
            return True  # nothing to change: no history entry
        before = (row.status_id, row.status_reason)

        def saved(done: units.StatusChanged) -> None:
            self.undo_stack.push(
                SetStatusCommand(self, unit_id, row.name, before, (status_id, reason), done.version)
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
        store, actor = self.store, self.actor
        latest = self._saved_versions
        row = self.rows.rows.get(unit_id)
        name = next((st.name for st in self._statuses() if st.id == status_id), None)
        if row is not None and name is not None:
            self.rows.update_rows([dataclasses.replace(row, status_name=f"{name} \u2026")])
        self.writes_pending += 1
        self.footer.setText(
            _tr("Menyimpan status {unit}\u2026").format(unit=row.name if row else "")
        )

        operation_id, lang = (self._board.operation_id if self._board else None), self._lang

        def job(_progress: object, _cancel: object) -> tuple[units.StatusChanged, list[UnitRow]]:
            # Writes run one at a time, in order: a second change of the same unit made
            # before the first was saved goes on from the version the first one left.
            expected = version
            if version is not None and unit_id in latest:
                expected = max(version, latest[unit_id])
            done = units.set_status(
                store, actor, unit_id, status_id, reason=reason, expected_version=expected
            )
            latest[unit_id] = done.version
            # The row as saved, read here too: the GUI thread only shows it.
            with store.read() as s:
                fresh = reload_units(s, {unit_id}, operation_id=operation_id, lang=lang)
            return done, fresh

        def succeeded(result: tuple[units.StatusChanged, list[UnitRow]]) -> None:
            done, fresh = result
            self._write_ended()
            if on_saved is not None:
                on_saved(done)
            self._saved_row(unit_id, fresh)
            self.write_done.emit(True)

        def failed(error: BaseException) -> None:
            self._write_ended()
            self.refresh_units({unit_id})  # the pending mark goes; the row as stored
            if not isinstance(error, OpsError):
                raise error  # a bug: the application's crash dialog shows and logs it
            if on_refused is not None:
                on_refused(error)
            self.show_error(error, unit_id, retry=retry)
            self.write_done.emit(False)

        start_write(job, parent=self, on_success=succeeded, on_failure=failed)

    def _saved_row(self, unit_id: int, fresh: list[UnitRow]) -> None:
        """Show a unit's row as the write thread read it after saving, keeping its figures
        (a status change moves none), unless something newer is already shown (another
        workstation's change, applied by the live path meanwhile)."""
        if self._board is None:
            return
        if self._queued:  # a burst is being applied in slices: this unit joins it
            self.refresh_units({unit_id})
            return
        shown = self.rows.rows.get(unit_id)
        if shown is not None:
            fresh = [with_figures(r, shown.figures) for r in fresh if r.version >= shown.version]
            if not fresh:
                return
        if self._show_rows({unit_id}, fresh):
            self.recompute_figures({"unit"})

    def _write_ended(self) -> None:
        self.writes_pending -= 1
        if not self.writes_pending:
            self._update_footer()

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
        sentence = messages.describe(error, self._lang)
        self.last_error = sentence
        stale = isinstance(error, StaleEdit) and unit_id is not None
        if stale:
            self.refresh_units({unit_id})  # type: ignore[arg-type]
        buttons = QMessageBox.StandardButton.Ok
        if stale and retry is not None:
            buttons = QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel
        box = QMessageBox(
            QMessageBox.Icon.Warning, _tr("Status tidak disimpan"), sentence, buttons, self
        )
        if stale and retry is not None:
            again = box.button(QMessageBox.StandardButton.Retry)
            again.setText(_tr("Terapkan lagi"))
            box.button(QMessageBox.StandardButton.Cancel).setText(_tr("Batal"))
            status_id, reason = retry
            again.clicked.connect(
                lambda: self.set_unit_status(unit_id, status_id, reason)  # type: ignore[arg-type]
            )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.error_box = box
