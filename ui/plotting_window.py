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
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeySequence,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from opscenter import journal
from opscenter.actor import Actor
from opscenter.errors import OpsError
from opscenter.live import JournalChanges
from opscenter.permissions import permitted
from opscenter.plotting.plot import IN_RESERVE, Officer, Placed, PostPlot, Seen, plot
from opscenter.plotting.posts import PERMISSION, form_posts
from opscenter.plotting.view import PlotView, plot_view
from opscenter.progress import CancelToken, Progress
from opscenter.store import Store
from reports.plotting import export
from ui import actions, theme
from ui.choice_combo import searchable
from ui.confirm import confirm
from ui.error_dialog import sentence_for
from ui.import_wizard import open_plotting_import
from ui.live import ChangeFeed
from ui.plotting_commands import (
    LockCommand,
    MergeCommand,
    MoveCommand,
    PlaceCommand,
    PlotCommand,
    SplitCommand,
    SwapCommand,
)
from ui.plotting_models import (
    OfficerColumn,
    OfficersModel,
    PostColumn,
    PostsModel,
    ReserveColumn,
    ReserveModel,
    person,
    post_label,
)
from ui.screen_fit import FlowLayout, pair
from ui.stage_choice import stage_bar
from ui.stage_window import StageWindow, open_beside
from ui.table_view import style_table
from ui.translations import QT_TRANSLATE_NOOP, translator
from ui.unsaved import may_close
from ui.worker import JobHandle, start_job

KEYS = actions.PLOTTING_KEYS
WINDOW_SIZE = QSize(1500, 900)
# Kecamatan named in the deficit line (the rest in its tooltip).
DEFICIT_SHOWN = 5
# A placement moves one person (the keyboard's and a drag's refusal alike).
ONE_PERSON = QT_TRANSLATE_NOOP(
    "PlottingWindow", "Pilih satu personel (di pos atau di cadangan) lebih dulu."
)
# What the window shows: a change to any of these in the journal makes it read again.
ENTITIES = frozenset(
    {
        "guard_post",
        "guard_post_tps",
        "guard_assignment",
        "personnel",
        "polling_station",
        "bko_assignment",
        "stage",
        "unit",
    }
)


_tr = translator("PlottingWindow")


class PlottingWindow(StageWindow):
    """Plotting pengamanan TPS for one operation (the first one in the store)."""

    kind = "plotting"
    preferred_size = WINDOW_SIZE
    default_stage = "pemungutan"

    def build(self) -> None:
        self.setWindowTitle(_tr("Plotting pengamanan TPS"))
        self.may_edit = permitted(self.actor, PERMISSION)
        self.view: PlotView | None = None
        self._reads = 0  # reads started; only the newest one's result is shown
        self._reading = False
        # person -> (reads started when it was written, the placement row a write of this
        # window left): newer than the read shown until a read started after it lands.
        self._left: dict[int, tuple[int, Seen]] = {}
        self._left_lock = threading.Lock()  # written on the write thread, pruned on this one

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
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 280])
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
        self.polsek_combo.currentIndexChanged.connect(lambda _i: self.show_view())
        self.search = QLineEdit(central)
        self.search.setObjectName("plotSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(_tr("kecamatan, desa, nama atau NRP"))
        self.search.setMinimumWidth(200)
        self.search.textChanged.connect(lambda _t: self.show_view())
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
        name: str,
        text: str,
        keys: tuple[str, ...],
        done: Callable[[], None],
        *,
        edits: bool = True,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(k) for k in keys])
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
        self.form_action = a(
            plotting, "plotFormAction", _tr("&Bentuk pos dari pola"), KEYS["form"], self.ask_form
        )
        self.plot_action = a(
            plotting,
            "plotRunAction",
            _tr("Plotting &otomatis\u2026"),
            KEYS["run"],
            self.ask_plot,
        )
        plotting.addSeparator()
        self.move_action = a(
            plotting,
            "plotMoveAction",
            _tr("&Pindahkan TPS ke pos\u2026"),
            KEYS["move"],
            self.ask_move,
        )
        self.split_action = a(
            plotting, "plotSplitAction", _tr("P&ecah pos\u2026"), KEYS["split"], self.ask_split
        )
        self.merge_action = a(
            plotting, "plotMergeAction", _tr("&Gabungkan pos\u2026"), KEYS["merge"], self.ask_merge
        )
        plotting.addSeparator()
        self.place_action = a(
            plotting,
            "plotPlaceAction",
            _tr("&Tempatkan personel\u2026"),
            KEYS["place"],
            self.ask_place,
        )
        self.swap_action = a(
            plotting, "plotSwapAction", _tr("T&ukar personel\u2026"), KEYS["swap"], self.ask_swap
        )
        self.lock_action = a(
            plotting, "plotLockAction", _tr("&Kunci / buka kunci"), KEYS["lock"], self.ask_lock
        )
        self.unplace_action = a(
            plotting,
            "plotUnplaceAction",
            _tr("Kembalikan ke &cadangan\u2026"),
            KEYS["unplace"],
            self.ask_unplace,
        )
        plotting.addSeparator()
        self.import_action = a(
            plotting,
            "plotImportAction",
            _tr("&Impor plotting dari Excel\u2026"),
            (),
            lambda: open_plotting_import(self, self.store, self.actor, self.stage_id),
        )
        self.export_action = a(
            plotting,
            "plotExportAction",
            _tr("Ekspor daftar atau &surat penugasan…"),
            KEYS["export"],
            self.ask_export,
            edits=False,  # reading: every role may print the plotting
        )
        edit = bar.addMenu(_tr("&Ubah"))
        self.undo_action = self.undo_stack.createUndoAction(self, _tr("&Batalkan"))
        self.undo_action.setObjectName("plotUndoAction")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, _tr("U&langi"))
        self.redo_action.setObjectName("plotRedoAction")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            edit.addAction(action)
            self.addAction(action)
        edit.addSeparator()
        self.reload_action = a(
            edit, "plotReloadAction", _tr("&Muat ulang"), ("F5",), self.reload, edits=False
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

    def _build_posts(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        label = QLabel(_tr("&Pos pengamanan"), box)
        label.setFont(theme.scaled_font(label, 1.1, bold=True))
        self.posts_view = self._table(
            box,
            "plotPostsView",
            self.posts,
            True,
            {
                PostColumn.KECAMATAN: "Air Hangat Barat",
                PostColumn.POST: "Pos 99",
                PostColumn.PATTERN: "2-10-20",
                PostColumn.NEED: "Perlu",
                PostColumn.SHORT: "Kurang",
            },
        )
        label.setBuddy(self.posts_view)
        # People are dropped onto a post (the row under the pointer), never between rows.
        self.posts_view.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.posts_view.setDragDropOverwriteMode(True)
        self.posts_view.setDropIndicatorShown(True)
        self.posts_view.setAcceptDrops(self.may_edit)
        self.posts_view.selectionModel().currentRowChanged.connect(lambda *_: self._post_chosen())
        self.deficit_label = QLabel(box)
        self.deficit_label.setObjectName("plotDeficit")
        self.deficit_label.setWordWrap(True)
        col.addWidget(label)
        col.addWidget(self.posts_view, 1)
        col.addWidget(self.deficit_label)
        return box

    def _build_side(self, parent: QWidget) -> QWidget:
        side = QSplitter(Qt.Orientation.Horizontal, parent)
        side.setChildrenCollapsible(False)
        top = QWidget(side)
        tcol = QVBoxLayout(top)
        tcol.setContentsMargins(0, 0, 0, 0)
        self.post_title = QLabel(_tr("P&ersonel pos"), top)
        self.post_title.setFont(theme.scaled_font(self.post_title, 1.1, bold=True))
        self.officers_view = self._table(
            top,
            "plotOfficersView",
            self.officers,
            False,
            {
                OfficerColumn.ROLE: "Anggota",
                OfficerColumn.NRP: "99999999",
                OfficerColumn.LOCK: "Terkunci",
            },
        )
        self.post_title.setBuddy(self.officers_view)
        self._drags(self.officers_view)
        tcol.addWidget(self.post_title)
        tcol.addWidget(self.officers_view, 1)
        bottom = QWidget(side)
        bcol = QVBoxLayout(bottom)
        bcol.setContentsMargins(0, 0, 0, 0)
        self.reserve_title = QLabel(_tr("Ca&dangan"), bottom)
        self.reserve_title.setFont(theme.scaled_font(self.reserve_title, 1.1, bold=True))
        self.reserve_view = self._table(
            bottom,
            "plotReserveView",
            self.reserve,
            True,
            {ReserveColumn.RANK: "Brigjen Pol", ReserveColumn.NRP: "99999999"},
        )
        self.reserve_title.setBuddy(self.reserve_view)
        self._drags(self.reserve_view)
        bcol.addWidget(self.reserve_title)
        bcol.addWidget(self.reserve_view, 1)
        side.setSizes([820, 520])
        return side

    def _drags(self, view: QTableView) -> None:
        """People are dragged out of ``view`` onto a post (for ``plot.edit`` only)."""
        view.setDragEnabled(self.may_edit)
        view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        view.setDefaultDropAction(Qt.DropAction.MoveAction)

    # -- reading ----------------------------------------------------------------------------

    def _unit_name(self, unit_id: int | None) -> str:
        return self.view.unit_name(unit_id) if self.view is not None else ""

    def wants(self, changes: JournalChanges) -> bool:
        return any(e in ENTITIES for e in changes.rows)

    def reload(self) -> None:
        """Read the stage's plotting again, off the GUI thread (a national stage holds
        160,000 posts); the chosen post and filters stay. Only the newest read is shown."""
        try:
            with self.store.read() as s:  # the stages only: a few rows
                if not self._read_stages(s):
                    return
        except OpsError as exc:
            self.read_failed(exc, _tr("Basis data ini belum berisi operasi."))
            return
        self._reads += 1
        ticket, store, op_id, sid = self._reads, self.store, self.operation_id, self.stage_id

        def job(_progress: Progress, _cancel: CancelToken) -> tuple[int, PlotView]:
            with store.read() as s:
                return journal.head(s), plot_view(s, op_id, sid)

        def landed(result: tuple[int, PlotView]) -> None:
            if ticket != self._reads:
                return  # a newer read is on its way
            self._reading = False
            self._read_at, self.view = result
            # What this read began after, it shows (or something newer): forget it.
            with self._left_lock:
                for who in [p for p, (at, _) in self._left.items() if at < ticket]:
                    del self._left[who]
            self._fill_units()
            self.show_view()

        def failed(error: BaseException) -> None:
            if ticket == self._reads:
                self._reading = False
                self.show_problem(sentence_for(error))

        self._reading = True
        start_job(job, parent=self, on_success=landed, on_failure=failed)

    def _fill_units(self) -> None:
        assert self.view is not None
        shown = self.polres_combo.currentData()
        items = [(_tr("Semua satuan"), None)] + [(u.name, u.id) for u in self.view.polres()]
        self.polres_combo.blockSignals(True)
        self.polres_combo.clear()
        for name, uid in items:
            self.polres_combo.addItem(name, uid)
        self.polres_combo.setCurrentIndex(max(0, self.polres_combo.findData(shown)))
        self.polres_combo.blockSignals(False)
        self._fill_polsek()

    def _fill_polsek(self) -> None:
        assert self.view is not None
        shown = self.polsek_combo.currentData()
        polres = self.polres_combo.currentData()
        self.polsek_combo.blockSignals(True)
        self.polsek_combo.clear()
        self.polsek_combo.addItem(_tr("Semua Polsek"), None)
        if polres is not None:
            for u in self.view.polsek_of(int(polres)):
                self.polsek_combo.addItem(u.name, u.id)
        self.polsek_combo.setCurrentIndex(max(0, self.polsek_combo.findData(shown)))
        self.polsek_combo.setEnabled(polres is not None)
        self.polsek_combo.blockSignals(False)

    def _polres_chosen(self) -> None:
        if self.view is not None:
            self._fill_polsek()
            self.show_view()

    def _stage_chosen(self) -> None:
        sid = self.stage_combo.currentData()
        if sid is not None and int(sid) != self.stage_id:
            self.stage_id = int(sid)
            self.undo_stack.clear()  # its commands belong to the stage they were made in
            self.reload()

    def unit_filter(self) -> int | None:
        unit = self.polsek_combo.currentData()
        if unit is None:
            unit = self.polres_combo.currentData()
        return None if unit is None else int(unit)

    def show_view(self) -> None:
        """The read narrowed by the unit and the search, into the tables."""
        if self.view is None:
            return
        posts, reserve = self.view.within(self.unit_filter())
        words = self.search.text().casefold().split()
        if words:
            posts = tuple(p for p in posts if all(w in _post_text(p) for w in words))
            reserve = tuple(o for o in reserve if all(w in _officer_text(o) for w in words))
        self.posts.set_rows(list(posts))
        self.reserve.set_rows(list(reserve))
        self.reserve_title.setText(_tr("Ca&dangan: {n} personel").format(n=len(reserve)))
        short: dict[str, int] = {}
        for p in posts:
            if p.short:
                short[p.post.kecamatan] = short.get(p.post.kecamatan, 0) + p.short
        if short:
            # The largest first; every kecamatan in the tooltip (the line stays one or two).
            ranked = sorted(short.items(), key=lambda kv: (-kv[1], kv[0]))
            parts = ", ".join(f"{k} {n}" for k, n in ranked[:DEFICIT_SHOWN])
            if len(ranked) > DEFICIT_SHOWN:
                parts += _tr(", \u2026 dan {n} kecamatan lain").format(
                    n=len(ranked) - DEFICIT_SHOWN
                )
            self.deficit_label.setText(
                _tr("Kekurangan {n} personel di {k} kecamatan: {parts}.").format(
                    n=sum(short.values()), k=len(ranked), parts=parts
                )
            )
            self.deficit_label.setToolTip("\n".join(f"{k}: {n}" for k, n in ranked))
            self.deficit_label.setStyleSheet(f"color: {theme.DEFICIT.name()}; font-weight: bold;")
        else:
            self.deficit_label.setToolTip("")
            self.deficit_label.setText(
                _tr("{n} pos, semuanya terisi penuh.").format(n=len(posts))
                if posts
                else _tr("Belum ada pos untuk tahapan ini: pilih Bentuk pos dari pola.")
            )
            self.deficit_label.setStyleSheet(f"color: {theme.MUTED.name()};")
        if not self.posts_view.currentIndex().isValid() and self.posts.rowCount():
            self.posts_view.setCurrentIndex(self.posts.index(0, 0))  # shows its officers
        self._post_chosen()

    def current_post(self) -> PostPlot | None:
        index = self.posts_view.currentIndex()
        return self.posts.row_at(index.row()) if index.isValid() else None

    def _post_chosen(self) -> None:
        post = self.current_post()
        self.officers.set_rows(list(post.officers) if post else [])
        self.post_title.setText(
            _tr("P&ersonel pos {number} {kecamatan}").format(
                number=post.post.number, kecamatan=post.post.kecamatan
            )
            if post
            else _tr("P&ersonel pos")
        )

    def select_post(self, post_id: int) -> None:
        row = self.posts.row_of(post_id)
        if row is not None:
            self.posts_view.setCurrentIndex(self.posts.index(row, 0))

    def chosen_people(self) -> list[int]:
        """The people chosen: officers of the post (selected rows), else the reserve's."""
        rows = sorted({i.row() for i in self.officers_view.selectionModel().selectedRows()})
        if rows and (self.officers_view.hasFocus() or not self._reserve_chosen()):
            return [self.officers.row(r).officer.id for r in rows]
        return [o.id for o in self._reserve_chosen()]

    def _reserve_chosen(self) -> list[Officer]:
        rows = {i.row() for i in self.reserve_view.selectionModel().selectedRows()}
        return [self.reserve.row(r) for r in sorted(rows)]

    def placed(self, personnel_id: int) -> Placed | None:
        post = self.current_post()
        return (
            next((p for p in post.officers if p.officer.id == personnel_id), None) if post else None
        )

    def seen(self, personnel_id: int) -> Seen:
        """The person's placement row as this window last knew it: as its own last write left
        it, until a read begun after that write lands, else as the read shown has it. A
        change of it expects to find this (a write's closure calls it on the write thread,
        after the writes before it, so that undoing two edits of one person in a row, or a
        second edit before the read lands, expects what the first left, not what was read).
        """
        with self._left_lock:
            left = self._left.get(personnel_id)
        if left is not None:
            return left[1]
        return next(
            (
                Seen(o.assignment_id, o.version)
                for p in self.all_posts()
                for o in p.officers
                if o.officer.id == personnel_id
            ),
            IN_RESERVE,
        )

    def note_left(self, personnel_id: int, row: Seen) -> None:
        """A write of this window left the person's placement so (called on the write
        thread, right after the write)."""
        with self._left_lock:
            self._left[personnel_id] = (self._reads, row)

    def all_posts(self) -> tuple[PostPlot, ...]:
        return self.view.plotting.posts if self.view is not None else ()

    def busy(self) -> bool:
        """A write is on the write thread, or a read in the background."""
        return self.writes.busy or self._reading

    # -- acting (``StageWindow.run``: on the write thread, a refusal in the banner) ----------

    def push(self, command: PlotCommand) -> None:
        """Save ``command`` once; only a saved one goes on the undo stack."""

        def saved(result: object) -> None:
            command.shown(result)
            self.undo_stack.push(command)

        self.run(command.do(), saved)

    def _need(self, what: str) -> None:
        self.show_problem(what)

    def ask_form(self) -> None:
        op, stage = self.operation_id, self.stage_id

        def formed(result: Any) -> None:
            self.reload()
            self.show_note(
                _tr("{posts} pos baru, {tps} TPS ditempatkan ke pos.").format(
                    posts=result.posts, tps=result.tps
                )
            )

        self.run(lambda: form_posts(self.store, self.actor, op, stage), formed)

    def ask_plot(self) -> None:
        placed = [o for p in self.all_posts() for o in p.officers]
        if placed:
            locked = sum(1 for o in placed if o.locked)
            if not confirm(
                self,
                _tr("Plotting otomatis"),
                _tr(
                    "{n} personel sudah ditempatkan, {locked} di antaranya dikunci. Yang "
                    "dikunci dan yang masih sah tetap di tempatnya; sisanya dapat dipindahkan."
                ).format(n=len(placed), locked=locked),
                _tr("&Jalankan plotting"),
                _tr("Plotting otomatis tidak dapat dibatalkan dengan Ctrl+Z."),
            ):
                return
        op, stage = self.operation_id, self.stage_id

        def plotted(result: Any) -> None:
            self.reload()
            self.show_note(
                _tr(
                    "{kept} tetap, {placed} ditempatkan, {removed} dilepas; cadangan {reserve},"
                    " kekurangan {short} personel."
                ).format(
                    kept=result.kept,
                    placed=result.placed,
                    removed=result.removed,
                    reserve=result.reserve,
                    short=result.short,
                )
            )

        self.run(lambda: plot(self.store, self.actor, op, stage), plotted)

    def _same_kecamatan(self, post: PostPlot) -> list[PostPlot]:
        return [
            p
            for p in self.all_posts()
            if p.post.kecamatan_id == post.post.kecamatan_id and p.post.id != post.post.id
        ]

    def ask_move(self) -> None:
        post = self.current_post()
        if post is None:
            return self._need(_tr("Pilih dulu pos yang TPS-nya akan dipindahkan."))
        targets = self._same_kecamatan(post)
        if not targets:
            return self._need(_tr("Kecamatan ini hanya punya satu pos; tidak ada pos tujuan."))
        dialog = ChoiceDialog(self, _tr("Pindahkan TPS ke pos"))
        tps = dialog.combo(_tr("&TPS:"), [(t.label, t.id) for t in post.post.tps])
        to = dialog.combo(_tr("Ke &pos:"), [(post_label(p), p.post.id) for p in targets])
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        target = next(p for p in targets if p.post.id == to.currentData())
        reason = None
        if len(target.post.tps) + 1 > target.post.pattern.tps:
            reason = self._ask_reason(target)
            if reason is None:
                return
        self.move_tps(int(tps.currentData()), target.post.id, reason)

    def _ask_reason(self, target: PostPlot) -> str | None:
        text, ok = QInputDialog.getText(
            self,
            _tr("Melebihi pola"),
            _tr("Pos {number} mengikuti pola {pattern} ({limit} TPS). Alasan pengecualian:").format(
                number=target.post.number,
                pattern=target.post.pattern,
                limit=target.post.pattern.tps,
            ),
        )
        return text if ok else None

    def move_tps(self, tps_id: int, to_post_id: int, reason: str | None = None) -> None:
        source = next(p for p in self.all_posts() if any(t.id == tps_id for t in p.post.tps))
        target = next(p for p in self.all_posts() if p.post.id == to_post_id)
        self.push(
            MoveCommand(
                self,
                tps_id,
                to_post_id,
                reason,
                source_exception=source.post.exception,
                expected_version=target.post.version,
                expected_from=(source.post.id, source.post.version),
            )
        )

    def ask_split(self) -> None:
        post = self.current_post()
        if post is None or len(post.post.tps) < 2:
            return self._need(_tr("Pilih dulu pos dengan dua TPS atau lebih untuk dipecah."))
        dialog = ChoiceDialog(self, _tr("Pecah pos {n}").format(n=post.post.number))
        chosen = dialog.checks(_tr("TPS ke &pos baru:"), [(t.label, t.id) for t in post.post.tps])
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.split_post(post.post.id, checked(chosen))

    def split_post(self, post_id: int, tps_ids: list[int]) -> None:
        post = next(p for p in self.all_posts() if p.post.id == post_id)
        self.push(
            SplitCommand(
                self, post_id, tps_ids, post.post.exception, expected_version=post.post.version
            )
        )

    def ask_merge(self) -> None:
        post = self.current_post()
        if post is None:
            return self._need(_tr("Pilih dulu pos yang akan digabungkan."))
        others = self._same_kecamatan(post)
        if not others:
            return self._need(_tr("Kecamatan ini hanya punya satu pos; tidak ada yang digabung."))
        dialog = ChoiceDialog(self, _tr("Gabungkan pos {n}").format(n=post.post.number))
        into = dialog.combo(_tr("Ke &dalam pos:"), [(post_label(p), p.post.id) for p in others])
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        target = next(p for p in others if p.post.id == into.currentData())
        reason = None
        if len(target.post.tps) + len(post.post.tps) > target.post.pattern.tps:
            reason = self._ask_reason(target)
            if reason is None:
                return
        self.merge_posts(target.post.id, post.post.id, reason)

    def merge_posts(self, into_id: int, from_id: int, reason: str | None) -> None:
        into = next(p for p in self.all_posts() if p.post.id == into_id)
        source = next(p for p in self.all_posts() if p.post.id == from_id)
        self.push(
            MergeCommand(
                self,
                into_id,
                from_id,
                reason,
                expected_version=into.post.version,
                expected_tps=[t.id for t in source.post.tps],
            )
        )

    def ask_place(self) -> None:
        people = self.chosen_people()
        if len(people) != 1:
            return self._need(_tr(ONE_PERSON))
        dialog = ChoiceDialog(self, _tr("Tempatkan personel"))
        to = dialog.combo(
            _tr("Ke &pos:"), [(post_label(p), p.post.id) for p in self.all_posts()], search=True
        )
        if dialog.exec() != QDialog.DialogCode.Accepted or to.currentData() is None:
            return
        self.place(people[0], int(to.currentData()))

    def drop_people(self, people: list[int], post_id: int) -> None:
        """People dropped on a post: one person is placed there, as ``ask_place`` does."""
        if len(people) != 1:
            return self._need(_tr(ONE_PERSON))
        self.place(people[0], post_id)

    def place(self, personnel_id: int, post_id: int | None) -> None:
        text = _tr("tempatkan personel") if post_id else _tr("kembalikan ke cadangan")
        self.push(PlaceCommand(self, personnel_id, post_id, text))

    def ask_swap(self) -> None:
        """Two people chosen on the post are swapped; one chosen is swapped with a person
        of another post, picked in a list (type part of a name, NRP or kecamatan)."""
        people = self.chosen_people()
        placed = self.placed(people[0]) if len(people) == 1 else None
        if len(people) == 2:
            return self.swap(people[0], people[1])
        if placed is None:
            return self._need(_tr("Pilih personel di pos yang akan ditukar."))
        post = self.current_post()
        others = [
            (
                _tr("{person} ({nrp}), pos {number} {kecamatan}").format(
                    person=person(o.officer),
                    nrp=o.officer.nrp,
                    number=p.post.number,
                    kecamatan=p.post.kecamatan,
                ),
                o.officer.id,
            )
            for p in self.all_posts()
            if post is None or p.post.id != post.post.id
            for o in p.officers
        ]
        dialog = ChoiceDialog(self, _tr("Tukar {person}").format(person=person(placed.officer)))
        other = dialog.combo(_tr("&Dengan:"), others, search=True)
        if dialog.exec() != QDialog.DialogCode.Accepted or other.currentData() is None:
            return
        self.swap(placed.officer.id, int(other.currentData()))

    def swap(self, first: int, second: int) -> None:
        self.push(SwapCommand(self, first, second))

    def ask_lock(self) -> None:
        post = self.current_post()
        placed = [self.placed(pid) for pid in self.chosen_people()]
        if post is None or not placed or placed[0] is None:
            return self._need(_tr("Pilih personel di pos yang akan dikunci atau dibuka."))
        self.lock(placed[0].officer.id, not placed[0].locked)

    def lock(self, personnel_id: int, locked: bool) -> None:
        self.push(LockCommand(self, personnel_id, locked))

    def ask_unplace(self) -> None:
        placed = [self.placed(pid) for pid in self.chosen_people()]
        if not placed or placed[0] is None:
            return self._need(_tr("Pilih personel di pos yang akan dikembalikan ke cadangan."))
        who = placed[0]
        if confirm(
            self,
            _tr("Kembalikan ke cadangan"),
            _tr("{name} dilepas dari posnya dan kembali ke cadangan.").format(
                name=person(who.officer)
            ),
            _tr("&Kembalikan"),
            _tr("Ctrl+Z menempatkannya kembali."),
        ):
            self.place(who.officer.id, None)

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

    # -- export ---------------------------------------------------------------------------

    EXPORT_FILTERS = (
        QT_TRANSLATE_NOOP("PlottingWindow", "Daftar plotting, PDF (*.pdf)"),
        QT_TRANSLATE_NOOP("PlottingWindow", "Daftar plotting, Excel (*.xlsx)"),
        QT_TRANSLATE_NOOP("PlottingWindow", "Surat penugasan per personel, PDF (*.pdf)"),
    )

    def ask_export(self) -> None:
        """The plotting of the chosen stage and unit (the list or the slips) to a file."""
        filters = [_tr(f) for f in self.EXPORT_FILTERS]
        name, chosen = QFileDialog.getSaveFileName(
            self,
            _tr("Ekspor plotting"),
            str(Path.home() / f"plotting-{datetime.now():%Y%m%d-%H%M}.pdf"),
            ";;".join(filters),
        )
        if not name:
            return
        slips = chosen == filters[2]
        suffix = ".xlsx" if chosen == filters[1] else ".pdf"
        path = Path(name)
        self.export_to(path if path.suffix.lower() == suffix else path.with_suffix(suffix), slips)

    def export_to(self, path: Path, slips: bool = False) -> JobHandle:
        """Write the list (PDF or .xlsx by ``path``'s suffix) or the slips in the background,
        as ``opscenter plot --out`` writes them (``reports.plotting.export``)."""
        store, op, stage, unit = self.store, self.operation_id, self.stage_id, self.unit_filter()

        def job(_progress: Progress, _cancel: CancelToken) -> Path:
            with store.read() as s:
                doc = export.document(s, op, stage, unit)
            return export.write(doc, path, slips=slips)

        def done(written: object) -> None:
            self.show_note(_tr("Ditulis ke {path}.").format(path=written))

        def failed(error: BaseException) -> None:
            self.show_problem(sentence_for(error))

        self.show_note(_tr("Menulis {path}…").format(path=path))
        return start_job(
            job, parent=self, title=_tr("Ekspor plotting"), on_success=done, on_failure=failed
        )


def _post_text(p: PostPlot) -> str:
    parts = [p.post.kecamatan, *(t.label for t in p.post.tps)]
    parts += [_officer_text(o.officer) for o in p.officers]
    return " ".join(parts).casefold()


def _officer_text(o: Officer) -> str:
    return f"{o.name} {o.nrp} {o.rank}".casefold()


class ChoiceDialog(QDialog):
    """A small form of choices (a TPS, a post) with OK and Batal; keyboard-usable."""

    def __init__(self, parent: QWidget, title: str) -> None:
        super().__init__(parent)
        self.setObjectName("plotChoiceDialog")
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

    def _add(self, label: str, widget: QWidget) -> None:
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        self.form.addRow(caption, widget)
        self.form.removeWidget(self.buttons)
        self.form.addRow(self.buttons)

    def combo(self, label: str, items: list[tuple[str, int]], *, search: bool = False) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName("plotChoice")
        box.setMinimumContentsLength(30)
        for text, key in items:
            box.addItem(text, key)
        if search:  # typing part of a kecamatan's name narrows the list
            searchable(box)
        self._add(label, box)
        return box

    def checks(self, label: str, items: list[tuple[str, int]]) -> QStandardItemModel:
        """A list of ``items`` (text, key) to tick; ``checked`` reads the keys ticked."""
        model = QStandardItemModel(self)
        for text, key in items:
            item = QStandardItem(text)
            item.setData(key, Qt.ItemDataRole.UserRole)
            item.setEditable(False)
            item.setCheckable(True)
            model.appendRow(item)
        view = QListView(self)
        view.setObjectName("plotChecks")
        view.setModel(model)
        self._add(label, view)
        return model


def checked(model: QStandardItemModel) -> list[int]:
    """The keys of the ticked rows of a ``ChoiceDialog.checks`` list, in its order."""
    return [
        int(item.data(Qt.ItemDataRole.UserRole))
        for row in range(model.rowCount())
        if (item := model.item(row)) is not None and item.checkState() == Qt.CheckState.Checked
    ]


def open_plotting(
    window: QMainWindow, store: Store, actor: Actor, feed: ChangeFeed | None = None
) -> PlottingWindow:
    """Show ``window``'s plotting window (one per main window), following ``feed``."""
    return open_beside(window, PlottingWindow, store, actor, feed)
