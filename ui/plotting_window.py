"""The plotting window: guard posts of a stage and the officers on them (issue 18, 1-3).

The posts of the chosen stage by kecamatan, each with its TPS, pattern, need and officers
(the leader first); the officers of the chosen post with why each is there; the reserve;
the deficit per kecamatan. Every change is a core service (``opscenter.plotting``, under
``plot.edit``) run on the write thread and, except forming and the automatic plotting
(which the core gives no inverse), pushed on the window's ``QUndoStack``
(``ui.plotting_commands``). A refusal is its one sentence in the banner, nothing changed.
Roles without ``plot.edit`` read the window with every action disabled.

A person is moved with the keyboard (Ctrl+T, the post picked in a list) or by dragging them
from the post's officers or the reserve onto a post of the posts table: Qt's model/view drag
and drop (``ui.plotting_models``), ending in the same ``place`` as the keyboard move.

This module builds the window (its bar, menus, buttons and tables) and closes it; what it
reads and shows is ``ui.plotting_reads``, what its actions do ``ui.plotting_actions``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from opscenter.actor import Actor
from opscenter.permissions import permitted
from opscenter.plotting.posts import PERMISSION
from opscenter.store import Store
from ui import actions, theme
from ui.import_wizard import open_plotting_import
from ui.live import ChangeFeed
from ui.plotting_actions import PlottingActions
from ui.plotting_ledger import OwnWrites
from ui.plotting_models import (
    OfficerColumn,
    OfficersModel,
    PostColumn,
    PostsModel,
    ReserveColumn,
    ReserveModel,
)
from ui.screen_fit import FlowLayout, pair
from ui.stage_choice import stage_bar
from ui.stage_window import open_beside
from ui.table_view import style_table
from ui.translations import translator
from ui.unsaved import may_close

KEYS = actions.PLOTTING_KEYS
WINDOW_SIZE = QSize(1500, 900)


_tr = translator("PlottingWindow")


class PlottingWindow(PlottingActions):
    """Plotting pengamanan TPS for one operation (the first one in the store)."""

    kind = "plotting"
    preferred_size = WINDOW_SIZE
    default_stage = "pemungutan"

    def build(self) -> None:
        self.setWindowTitle(_tr("Plotting pengamanan TPS"))
        self.may_edit = permitted(self.actor, PERMISSION)
        self.view = None  # the read's state, declared and explained in ``PlottingReads``
        self._reads = 0
        self._reading = False
        self.own_writes = OwnWrites()

        self.posts = PostsModel(self)
        self.officers = OfficersModel(self._unit_name, self)
        self.reserve = ReserveModel(self._unit_name, self)
        for model in (self.posts, self.officers, self.reserve):
            model.editable = self.may_edit  # drag and drop only for plot.edit
        self.posts.people_dropped.connect(self.drop_people)

        central, column = self.central_column(12, 8, 6)
        column.addLayout(self._build_bar(central))
        self._build_actions()
        column.addLayout(self._build_buttons(central))
        column.addWidget(self.build_banner(central))
        # The posts across the whole width (their TPS and officers are what is read), the
        # chosen post's officers and the reserve side by side below.
        split = QSplitter(Qt.Orientation.Vertical, central)
        split.setChildrenCollapsible(False)
        column.addWidget(split, 1)
        split.addWidget(self._build_posts(split))
        split.addWidget(self._build_side(split))
        # Nearly even: at 1366 x 768 the posts keep six rows and the reserve, where the
        # people to place are picked, gets five (it had three and a half).
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([460, 340])
        # "Pilih … lebih dulu" goes once a choice is made (the walk: it stayed on screen
        # with the officer chosen and the Tempatkan dialog open).
        for view in (self.posts_view, self.officers_view, self.reserve_view):
            view.selectionModel().selectionChanged.connect(lambda *_: self.need_met())
        self.follow_journal(loaded=lambda: self.view is not None)
        self.reload()
        if not self.may_edit:
            self.show_note(
                _tr("Peran Anda hanya dapat membaca plotting; perubahan dilakukan oleh staf.")
            )

    # -- building ---------------------------------------------------------------------------

    def _build_bar(self, central: QWidget) -> FlowLayout:
        bar = FlowLayout(spacing=12)
        head = stage_bar(
            central, _tr("Plotting pengamanan TPS"), "plotStageCombo", self._stage_chosen, 14
        )
        title, stage_label = head.title, head.label
        self.operation_label, self.stage_combo = head.operation, head.combo
        self.polres_combo = QComboBox(central)
        self.polres_combo.setObjectName("plotPolresCombo")
        self.polres_combo.setMinimumContentsLength(14)
        self.polres_combo.currentIndexChanged.connect(self._polres_chosen)
        polres_label = QLabel(_tr("&Satuan:"), central)
        polres_label.setBuddy(self.polres_combo)
        self.polsek_combo = QComboBox(central)
        self.polsek_combo.setObjectName("plotPolsekCombo")
        self.polsek_combo.setMinimumContentsLength(14)
        self.polsek_combo.currentIndexChanged.connect(lambda _i: self.show_view(narrowed=True))
        self.search = QLineEdit(central)
        self.search.setObjectName("plotSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(_tr("kecamatan, desa, nama atau NRP"))
        self.search.setToolTip(
            _tr(
                "Menyaring pos (kecamatan, desa, nama dan NRP personelnya) dan cadangan "
                "(nama, NRP, pangkat dan satuan)."
            )
        )
        self.search.setMinimumWidth(200)
        self.search.textChanged.connect(lambda _t: self.show_view(narrowed=True))
        search_label = QLabel(_tr("&Cari:"), central)
        search_label.setBuddy(self.search)
        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(lambda: self.search.setFocus())
        self.addAction(find)
        bar.add(
            title,
            self.operation_label,
            pair(central, stage_label, self.stage_combo),
            pair(central, polres_label, self.polres_combo, self.polsek_combo),
            pair(central, search_label, self.search),
        )
        return bar

    def _action(
        self,
        menu: QMenu,
        key: str,
        text: str,
        done: Callable[[], None],
        *,
        keys: tuple[str, ...] = (),
        edits: bool = True,
    ) -> QAction:
        """The action ``plot<Key>Action`` in ``menu`` and the window, on the keys the
        registry gives ``key`` (``KEYS``; else ``keys``); for ``plot.edit`` only if it
        ``edits``."""
        action = QAction(text, self)
        action.setObjectName(f"plot{key.capitalize()}Action")
        action.setShortcuts([QKeySequence(k) for k in KEYS.get(key, keys)])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(done)
        if edits:
            action.setEnabled(self.may_edit)
        menu.addAction(action)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        plotting = bar.addMenu(_tr("&Plotting"))
        a = self._action
        self.form_action = a(plotting, "form", _tr("&Bentuk pos dari pola"), self.ask_form)
        self.plot_action = a(plotting, "run", _tr("Plotting &otomatis\u2026"), self.ask_plot)
        plotting.addSeparator()
        self.move_action = a(plotting, "move", _tr("&Pindahkan TPS ke pos\u2026"), self.ask_move)
        self.split_action = a(plotting, "split", _tr("P&ecah pos\u2026"), self.ask_split)
        self.merge_action = a(plotting, "merge", _tr("&Gabungkan pos\u2026"), self.ask_merge)
        plotting.addSeparator()
        self.place_action = a(plotting, "place", _tr("&Tempatkan personel\u2026"), self.ask_place)
        self.swap_action = a(plotting, "swap", _tr("T&ukar personel\u2026"), self.ask_swap)
        self.lock_action = a(plotting, "lock", _tr("&Kunci / buka kunci"), self.ask_lock)
        self.unplace_action = a(
            plotting, "unplace", _tr("Kembalikan ke &cadangan\u2026"), self.ask_unplace
        )
        plotting.addSeparator()
        self.import_action = a(
            plotting,
            "import",
            _tr("&Impor plotting dari Excel\u2026"),
            lambda: open_plotting_import(
                self, self.store, self.actor, self.stage_id, lang=self._lang
            ),
        )
        # Reading: every role may print the plotting. One action per document, each with
        # its key and its dialog opening on its type (``ask_export``, ``ask_slips``).
        self.export_action = a(
            plotting,
            "export",
            _tr("Ekspor &daftar plotting\u2026"),
            self.ask_export,
            edits=False,
        )
        self.slips_action = a(
            plotting,
            "slips",
            _tr("Ekspor &surat penugasan (PDF)\u2026"),
            self.ask_slips,
            edits=False,
        )
        edit = bar.addMenu(_tr("&Ubah"))
        # The main window's words (Urungkan, Ulangi): "Batalkan" is Batal's, a cancel.
        self.undo_action = self.undo_stack.createUndoAction(
            self, actions.text(actions.SPECS["undoAction"])
        )
        self.undo_action.setObjectName("plotUndoAction")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(
            self, actions.text(actions.SPECS["redoAction"])
        )
        self.redo_action.setObjectName("plotRedoAction")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            edit.addAction(action)
            self.addAction(action)
        edit.addSeparator()
        self.reload_action = a(
            edit, "reload", _tr("&Muat ulang"), self.reload, keys=("F5",), edits=False
        )

    def _build_buttons(self, central: QWidget) -> FlowLayout:
        row = FlowLayout(spacing=6)
        self.buttons: list[QToolButton] = []
        for action in (
            self.form_action,
            self.plot_action,
            self.move_action,
            self.split_action,
            self.merge_action,
            self.place_action,
            self.swap_action,
            self.lock_action,
            self.unplace_action,
            self.undo_action,
            self.redo_action,
        ):
            button = QToolButton(central)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"{actions.plain(action.text())} ({keys})" if keys else "")
            self.buttons.append(button)
            row.addWidget(button)
        return row

    def _table(
        self, parent: QWidget, name: str, model: Any, single: bool, widths: dict[int, str]
    ) -> QTableView:
        """A table that never scrolls sideways: the columns in ``widths`` are as wide as
        their sample text, the others share the rest (cut text is in the tooltip)."""
        view = style_table(QTableView(parent), name=name, single=single, read_only=True)
        view.setModel(model)
        header = view.horizontalHeader()
        metrics = view.fontMetrics()
        for column in range(model.columnCount()):
            if column in widths:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
                header.resizeSection(column, metrics.horizontalAdvance(widths[column]) + 24)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return view

    def _titled_table(
        self,
        parent: QWidget,
        title: str,
        model: Any,
        widths: dict[int, str],
        *,
        name: str,
        single: bool,
    ) -> tuple[QWidget, QVBoxLayout, QLabel, QTableView]:
        """A pane of ``parent``: ``title`` in bold, the buddy of ``model``'s table below it
        (``_table``), in a column without margins (the caller may add more to it)."""
        box = QWidget(parent)
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        label = QLabel(title, box)
        label.setFont(theme.scaled_font(label, 1.1, bold=True))
        # A long title ("Cadangan: 726 personel (tak ada yang cocok …)") wraps: unwrapped it
        # widened its pane and squeezed the officers' beside it to a word a line.
        label.setWordWrap(True)
        view = self._table(box, name, model, single, widths)
        label.setBuddy(view)
        col.addWidget(label)
        col.addWidget(view, 1)
        return box, col, label, view

    def _build_posts(self, parent: QWidget) -> QWidget:
        box, col, _label, self.posts_view = self._titled_table(
            parent,
            _tr("P&os pengamanan"),
            self.posts,
            {
                PostColumn.KECAMATAN: "Air Hangat Barat",
                PostColumn.POST: "Pos 99",
                PostColumn.PATTERN: "2-10-20",
                PostColumn.NEED: "Perlu",
                PostColumn.SHORT: "Kurang",
            },
            name="plotPostsView",
            single=True,
        )
        # People are dropped onto a post (the row under the pointer), never between rows.
        self.posts_view.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.posts_view.setDragDropOverwriteMode(True)
        self.posts_view.setDropIndicatorShown(True)
        self.posts_view.setAcceptDrops(self.may_edit)
        self.posts_view.selectionModel().currentRowChanged.connect(lambda *_: self._post_chosen())
        self.deficit_label = QLabel(box)
        self.deficit_label.setObjectName("plotDeficit")
        self.deficit_label.setWordWrap(True)
        col.addWidget(self.deficit_label)
        return box

    def _build_side(self, parent: QWidget) -> QWidget:
        side = QSplitter(Qt.Orientation.Horizontal, parent)
        side.setChildrenCollapsible(False)
        _top, _tcol, self.post_title, self.officers_view = self._titled_table(
            side,
            _tr("P&ersonel pos"),
            self.officers,
            {
                OfficerColumn.ROLE: "Anggota",
                OfficerColumn.NRP: "99999999",
                OfficerColumn.LOCK: "Terkunci",
            },
            name="plotOfficersView",
            single=False,
        )
        # A post has a handful of officers: each row as tall as its reason (a sentence, cut
        # at both sizes in the walk), the name wrapped rather than cut.
        self.officers_view.setWordWrap(True)
        self.officers_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self._drags(self.officers_view)
        _bottom, _bcol, self.reserve_title, self.reserve_view = self._titled_table(
            side,
            _tr("Ca&dangan"),
            self.reserve,
            # The rank is fitted to the longest rank read (``fit_ranks``), at first to this.
            {ReserveColumn.RANK: "Brigjen Pol", ReserveColumn.NRP: "99999999"},
            name="plotReserveView",
            single=True,
        )
        self._drags(self.reserve_view)
        # Halves: the reserve's names and units were cut at 1366 px while the officers'
        # reasons, cut anyway (their tooltip says them whole), took the room.
        side.setSizes([720, 620])
        return side

    def _drags(self, view: QTableView) -> None:
        """People are dragged out of ``view`` onto a post (for ``plot.edit`` only)."""
        view.setDragEnabled(self.may_edit)
        view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        view.setDefaultDropAction(Qt.DropAction.MoveAction)

    # -- closing and the banner -------------------------------------------------------------

    def is_dirty(self) -> bool:
        return False  # every change is saved as it is made; only pending writes wait

    def save_input(self) -> bool:
        return not self.writes.busy

    def discard_input(self) -> None:
        pass

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.writes.busy:
            self.writes.then_close(self.close)
            event.ignore()
            return
        if may_close(self, writes=self.writes):
            super().closeEvent(event)
        else:
            event.ignore()


def open_plotting(
    window: QMainWindow, store: Store, actor: Actor, feed: ChangeFeed | None = None
) -> PlottingWindow:
    """Show ``window``'s plotting window (one per main window), following ``feed``."""
    return open_beside(window, PlottingWindow, store, actor, feed)
