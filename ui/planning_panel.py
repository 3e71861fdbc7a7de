"""The planning window: vulnerability heat map, requirements with what-if, reinforcement.

Every change goes through a core service (journaled) and onto one ``QUndoStack``: a
rating edit, a saved guard pattern, an accepted set of proposals (undo withdraws the BKO).
What-if changes to the guard patterns and to TPS categories recompute the figures at once,
in memory; nothing is saved until "Simpan" (one journaled ``save_what_if``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QFontMetrics,
    QGuiApplication,
    QKeySequence,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemDelegate,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from opscenter import messages, operations, planning, reference
from opscenter.actor import Actor
from opscenter.errors import NoOperation, OpsError
from opscenter.model import PollingStation, Region
from opscenter.planning import (
    Accepted,
    Plan,
    PlanBase,
    Proposal,
    Rating,
    RatingValue,
    TpsChange,
    WhatIf,
)
from opscenter.reference import GuardPattern
from opscenter.store import Store
from ui import actions, theme
from ui.confirm import confirm, listed
from ui.error_dialog import sentence_for
from ui.pending import PendingWrite
from ui.planning_models import (
    LEVEL_ROLE,
    HeatColumn,
    HeatMapModel,
    NeedColumn,
    PendingTps,
    ProposalColumn,
    ProposalsModel,
    RequirementsModel,
    TpsChangeColumn,
    TpsChangesModel,
)
from ui.screen_fit import (
    FlowLayout,
    fit_to_screen,
    narrow_drops,
    pair,
    scrolling,
    show_fitted,
)
from ui.strength_model import SORT_ROLE
from ui.tab_order import chain, leave_on_tab
from ui.translations import interface_language
from ui.unsaved import may_close

log = logging.getLogger(__name__)
AnyIndex = QModelIndex | QPersistentModelIndex
# A refused workbook: the banner lists this many bad cells, the marked copy has them all.
# The size the window opens at where the screen has room (else maximised).
WINDOW_SIZE = QSize(1600, 900)
# The heat map's height shows this many regions at least (all of a province's kabupaten).
HEAT_ROWS_SHOWN = 12
MAX_LISTED = 6


def _tr(text: str) -> str:
    return QCoreApplication.translate("PlanningWindow", text)


# --- the level editor ----------------------------------------------------------------------------


class LevelDelegate(theme.ReadableTextDelegate):
    """A combo of the operation's levels (and "kosong" to clear) for a heat-map cell; the
    IKP figures painted in their level's colour, made readable on the row."""

    def __init__(self, model: HeatMapModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("levelEditor")
        combo.addItem(_tr("\u2014 kosong \u2014"), None)
        m = self._model.matrix
        for level in m.levels if m else ():
            combo.addItem(level.name, level.id)
        return combo

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        current = index.data(LEVEL_ROLE)
        editor.setCurrentIndex(max(0, editor.findData(current)) if current is not None else 0)

    def setModelData(self, editor: QWidget, model: object, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        source = index.model()
        if isinstance(source, QSortFilterProxyModel):
            index = source.mapToSource(index)
        self._model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


# --- undoable commands ---------------------------------------------------------------------------


class _Command(QUndoCommand):
    """A core action saved on the write thread (``ui.pending``): ``do`` and ``undo_action``
    give the write (a plain function: it opens its own session), ``shown`` puts its result
    on screen. The first redo happens before the push (so a refusal surfaces there)."""

    def __init__(self, window: PlanningWindow, text: str) -> None:
        super().__init__(text)
        self.window = window
        # Read on the write thread: plain values, taken here on the GUI thread.
        self.store, self.actor, self.operation_id = window.store, window.actor, window.operation_id
        self._done_once = False

    def do(self) -> Callable[[], object]:
        raise NotImplementedError

    def undo_action(self) -> Callable[[], object]:
        raise NotImplementedError

    def shown(self, result: object) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if not self._done_once:
            self._done_once = True
            return
        self.window.run(self.do(), self.shown, obsolete=self)

    def undo(self) -> None:
        self.window.run(self.undo_action(), self.shown, obsolete=self)


class RatingCommand(_Command):
    def __init__(
        self,
        window: PlanningWindow,
        value: RatingValue,
        level_id: int | None,
        before: Rating | None,
    ) -> None:
        super().__init__(window, _tr("ubah kerawanan"))
        self.value = value  # key (level in it is ignored when clearing)
        self.level_id = level_id
        self.before = before
        # Read and set on the write thread only, where the writes run one after another.
        self.current: Rating | None = before

    def _put(self, level_id: int | None, note: str | None) -> Callable[[], object]:
        def write() -> Rating | None:
            if level_id is None:
                if self.current is not None:
                    planning.clear_rating(
                        self.store,
                        self.actor,
                        self.current.id,
                        expected_version=self.current.version,
                    )
                self.current = None
            else:
                v = RatingValue(
                    self.value.region_id,
                    self.value.stage_id,
                    self.value.aspect_id,
                    level_id,
                    "polri",
                    None,
                    note,
                )
                self.current = planning.set_rating(
                    self.store,
                    self.actor,
                    self.operation_id,
                    v,
                    expected_version=self.current.version if self.current else None,
                )
            return self.current

        return write

    def shown(self, result: object) -> None:
        rating = result if isinstance(result, Rating) else None
        self.window.rating_stored(self.value.region_id, self.value.aspect_id, rating)

    def do(self) -> Callable[[], object]:
        return self._put(self.level_id, self.before.note if self.before else None)

    def undo_action(self) -> Callable[[], object]:
        return self._put(
            self.before.level_id if self.before else None, self.before.note if self.before else None
        )


class AcceptCommand(_Command):
    def __init__(self, window: PlanningWindow, proposals: tuple[Proposal, ...]) -> None:
        n = sum(p.count for p in proposals)
        super().__init__(window, _tr("terima penebalan {n} personel").format(n=n))
        self.stage_id = window.stage_id
        self.proposals = proposals
        self.accepted: Accepted | None = None  # set on the write thread

    def do(self) -> Callable[[], object]:
        def write() -> None:
            self.accepted = planning.accept(
                self.store, self.actor, self.operation_id, self.stage_id, self.proposals
            )

        return write

    def undo_action(self) -> Callable[[], object]:
        def write() -> None:
            if self.accepted is not None:
                planning.withdraw(self.store, self.actor, self.accepted)
                self.accepted = None

        return write

    def shown(self, result: object) -> None:
        self.window.reload()


class PatternCommand(_Command):
    def __init__(
        self,
        window: PlanningWindow,
        after: dict[int, GuardPattern],
        before: dict[int, GuardPattern],
        tps: tuple[TpsChange, ...] = (),
    ) -> None:
        super().__init__(
            window,
            _tr("simpan perubahan kategori TPS")
            if tps and after == before
            else _tr("simpan pola pengamanan"),
        )
        self.after, self.before = after, before
        self.tps = tps
        self._first = True

    def _moves(self, forward: bool) -> tuple[TpsChange, ...]:
        """The TPS moves (or their reverse) with the versions now in the database."""
        if not self.tps:
            return ()
        with self.store.read() as s:
            return planning.tps_changes(
                s,
                self.operation_id,
                {t.tps_id: t.to_category_id if forward else t.from_category_id for t in self.tps},
            )

    def _save(self, patterns: dict[int, GuardPattern], forward: bool) -> Callable[[], object]:
        # The first save uses the versions the user saw: a TPS changed meanwhile is refused.
        first, self._first = self._first, False
        versions = self.window.category_versions()

        def write() -> None:
            tps = self.tps if first else self._moves(forward)
            planning.save_what_if(
                self.store,
                self.actor,
                self.operation_id,
                WhatIf(patterns=patterns, tps=tps),
                pattern_versions=versions,
            )

        return write

    def shown(self, result: object) -> None:
        self.window.reload(keep_what_if=False)

    def do(self) -> Callable[[], object]:
        return self._save(self.after, True)

    def undo_action(self) -> Callable[[], object]:
        return self._save(self.before, False)


# --- the what-if form ----------------------------------------------------------------------------


class PatternForm(QGroupBox):
    """One line per TPS category: police a, TPS b, Linmas c. Changes recompute at once."""

    def __init__(self, on_change: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(_tr("Bagaimana jika: pola pengamanan a-b-c"), parent)
        self.setObjectName("patternForm")
        self._on_change = on_change
        self._grid = QGridLayout(self)
        self._grid.setHorizontalSpacing(12)
        self._rows: dict[int, tuple[QSpinBox, QSpinBox, QSpinBox, QLabel]] = {}
        self._stored: dict[int, GuardPattern] = {}
        self._names: list[QLabel] = []
        self._quiet = False
        self._tps_pending = 0  # TPS category moves in the what-if (saved by the same button)
        for col, (text, tip) in enumerate(
            (
                (_tr("Kategori TPS"), ""),
                (_tr("Polisi (a)"), _tr("a: jumlah polisi per regu")),
                (_tr("TPS (b)"), _tr("b: jumlah TPS yang dijaga satu regu")),
                (_tr("Linmas (c)"), _tr("c: jumlah Linmas untuk b TPS")),
                (_tr("Tersimpan"), _tr("Pola yang tersimpan di basis data")),
            )
        ):
            label = QLabel(text, self)
            label.setToolTip(tip)
            label.setFont(theme.scaled_font(label, 0.95, bold=True))
            self._grid.addWidget(label, 0, col)
        self.save_button = QPushButton(_tr("Simpan"), self)
        self.save_button.setObjectName("savePatterns")
        self.save_button.setToolTip(_tr("Simpan pola ini untuk operasi (tercatat di jurnal)"))
        self.reset_button = QPushButton(_tr("Kembalikan"), self)
        self.reset_button.setObjectName("resetPatterns")
        self.reset_button.setToolTip(_tr("Buang perubahan yang belum disimpan"))
        self.reset_button.clicked.connect(self.reset)
        self.state = QLabel(self)
        self.state.setObjectName("whatIfState")
        self.state.setWordWrap(True)

    def set_categories(self, base: PlanBase, keep: dict[int, GuardPattern] | None) -> None:
        """Lay out one row per category; keep unsaved values the user typed if asked."""
        self._quiet = True
        self._stored = {c.id: c.pattern for c in base.categories}
        if set(self._rows) != set(self._stored):
            for widgets in self._rows.values():
                for w in widgets:
                    w.deleteLater()
            for label in self._names:
                label.deleteLater()
            self._rows.clear()
            self._names.clear()
            for r, cat in enumerate(base.categories, 1):
                name = QLabel(cat.name, self)
                name.setStyleSheet(f"color: {cat.colour}; font-weight: bold;")
                self._names.append(name)
                spins = []
                for col, lo in ((1, 0), (2, 1), (3, 0)):
                    spin = QSpinBox(self)
                    spin.setRange(lo, 999)
                    spin.setObjectName(f"pattern_{cat.code}_{col}")
                    spin.valueChanged.connect(self._changed)
                    self._grid.addWidget(spin, r, col)
                    spins.append(spin)
                stored = QLabel(self)
                self._grid.addWidget(name, r, 0)
                self._grid.addWidget(stored, r, 4)
                self._rows[cat.id] = (spins[0], spins[1], spins[2], stored)
            last = len(base.categories) + 1
            buttons = QHBoxLayout()
            buttons.addWidget(self.save_button)
            buttons.addWidget(self.reset_button)
            buttons.addStretch(1)
            self._grid.addLayout(buttons, last, 0, 1, 5)
            self._grid.addWidget(self.state, last + 1, 0, 1, 5)
        for cid, (a, b, c, stored) in self._rows.items():
            p = (keep or {}).get(cid, self._stored[cid])
            a.setValue(p.police)
            b.setValue(p.tps)
            c.setValue(p.linmas)
            stored.setText(str(self._stored[cid]))
        self._quiet = False
        self._show_state()

    def stops(self) -> list[QWidget]:
        """The form's Tab stops in reading order: row by row (a, b, c), then the buttons."""
        spins = [spin for a, b, c, _ in self._rows.values() for spin in (a, b, c)]
        return [*spins, self.save_button, self.reset_button]

    def patterns(self) -> dict[int, GuardPattern]:
        return {
            cid: GuardPattern(a.value(), b.value(), c.value())
            for cid, (a, b, c, _) in self._rows.items()
        }

    def stored(self) -> dict[int, GuardPattern]:
        return dict(self._stored)

    def changes(self) -> dict[int, GuardPattern]:
        """Only the patterns that differ from the stored ones."""
        return {cid: p for cid, p in self.patterns().items() if p != self._stored.get(cid)}

    def set_pattern(self, category_id: int, pattern: GuardPattern) -> None:
        a, b, c, _ = self._rows[category_id]
        self._quiet = True
        a.setValue(pattern.police)
        b.setValue(pattern.tps)
        self._quiet = False
        c.setValue(pattern.linmas)  # the last one recomputes

    def reset(self) -> None:
        self._quiet = True
        for cid, p in self._stored.items():
            a, b, c, _ = self._rows[cid]
            a.setValue(p.police)
            b.setValue(p.tps)
            c.setValue(p.linmas)
        self._quiet = False
        self._changed()

    def _changed(self) -> None:
        if self._quiet:
            return
        self._show_state()
        self._on_change()

    def show_problem(self, text: str) -> None:
        self.save_button.setEnabled(False)
        self.state.setText(text)
        self.state.setStyleSheet(
            f"background: {theme.ALERT_BG.name()}; color: {theme.DEFICIT.name()};"
            " padding: 6px; font-weight: bold;"
        )

    def set_tps_pending(self, n: int) -> None:
        self._tps_pending = n
        self._show_state()

    def _show_state(self) -> None:
        dirty = bool(self.changes()) or self._tps_pending > 0
        self.save_button.setEnabled(dirty)
        self.reset_button.setEnabled(dirty)
        if dirty:
            text = _tr(
                "Angka di atas memakai pola BELUM TERSIMPAN. Usulan penebalan tidak dapat "
                "diterima sebelum pola disimpan atau dikembalikan."
            )
            if self._tps_pending:
                text = _tr(
                    "Angka memakai {n} perubahan kategori TPS BELUM TERSIMPAN. Usulan penebalan "
                    "tidak dapat diterima sebelum disimpan atau dikembalikan."
                ).format(n=self._tps_pending)
                if self.changes():
                    text += " " + _tr("Pola pengamanan juga diubah.")
            self.state.setText(text)
            self.state.setStyleSheet(
                f"background: {theme.ALERT_BG.name()}; color: {theme.DEFICIT.name()};"
                " padding: 6px; font-weight: bold;"
            )
        else:
            self.state.setText(_tr("Memakai pola yang tersimpan."))
            self.state.setStyleSheet(f"color: {theme.MUTED.name()}; padding: 6px;")


# --- the window -----------------------------------------------------------------------------


def _table(parent: QWidget, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    row_height = int(view.fontMetrics().height() * 1.9)
    view.verticalHeader().setDefaultSectionSize(row_height)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setMinimumHeight(int(row_height * 1.4))
    view.setStyleSheet(
        "QTableView::item { padding: 0 8px; }"
        f" QHeaderView::section {{ padding: 4px 8px; font-weight: bold;"
        f" background: {theme.PANEL.name()}; border: none;"
        f" border-right: 1px solid {theme.RULE.name()};"
        f" border-bottom: 2px solid {theme.RULE.name()}; }}"
    )
    return view


def _proxy(parent: QWidget, model: object) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)  # type: ignore[arg-type]
    proxy.setSortRole(SORT_ROLE)
    proxy.setDynamicSortFilter(True)
    return proxy


def _heading(parent: QWidget, text: str) -> QLabel:
    label = QLabel(text, parent)
    label.setFont(theme.scaled_font(label, 1.2, bold=True))
    return label


@dataclass(frozen=True, slots=True)
class _Tps:
    """One TPS as the form lists it (read with the plan's inputs)."""

    id: int
    number: int
    desa: str
    kecamatan_id: int
    kecamatan: str
    category_id: int


class TpsForm(QGroupBox):
    """Try another category for a TPS: kecamatan, TPS, category, "Terapkan". In memory only."""

    def __init__(self, on_change: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(_tr("Bagaimana jika: kategori TPS"), parent)
        self.setObjectName("tpsForm")
        self._on_change = on_change
        self._tps: dict[int, _Tps] = {}
        self._cat_names: dict[int, str] = {}
        self._store: Store | None = None
        self._operation_id = 0
        # Where a refusal is said (the window's banner); never a traceback.
        self.on_problem: Callable[[str], None] = lambda _text: None
        self.model = TpsChangesModel(self)
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(8)
        self.kecamatan_combo = QComboBox(self)
        self.kecamatan_combo.setObjectName("tpsKecamatan")
        self.kecamatan_combo.setMinimumContentsLength(14)
        self.kecamatan_combo.currentIndexChanged.connect(self._fill_tps)
        self.tps_combo = QComboBox(self)
        self.tps_combo.setObjectName("tpsCombo")
        self.tps_combo.setMinimumContentsLength(22)
        self.tps_combo.currentIndexChanged.connect(self._tps_chosen)
        self.category_combo = QComboBox(self)
        self.category_combo.setObjectName("tpsCategory")
        self.apply_button = QPushButton(_tr("Te&rapkan"), self)
        self.apply_button.setObjectName("applyTps")
        self.apply_button.setToolTip(
            _tr("Coba kategori ini untuk TPS terpilih; angka dihitung ulang, belum disimpan")
        )
        self.apply_button.clicked.connect(self.apply)
        # Two short lines (the heat map above needs the height): where, then what.
        self.category_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for row, col, text, widget in (
            (0, 0, _tr("Ke&camatan:"), self.kecamatan_combo),
            (0, 2, _tr("T&PS:"), self.tps_combo),
            (1, 0, _tr("Kate&gori baru:"), self.category_combo),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            grid.addWidget(label, row, col)
            grid.addWidget(widget, row, col + 1)
        self.remove_button = QPushButton(_tr("&Hapus"), self)
        self.remove_button.setObjectName("removeTps")
        self.remove_button.setToolTip(_tr("Buang perubahan TPS yang dipilih dari bagaimana-jika"))
        self.remove_button.clicked.connect(self.remove_selected)
        apply_row = QHBoxLayout()
        apply_row.addWidget(self.apply_button)
        apply_row.addStretch(1)
        apply_row.addWidget(self.remove_button)
        grid.addLayout(apply_row, 1, 2, 1, 2)
        self.view = _table(self, "tpsChanges")
        leave_on_tab(self.view)  # the last stop of the form: Tab goes on, not along its cells
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        th = self.view.horizontalHeader()
        # "TPS 1 Kelurahan …" and "TPS 1 Desa …" differ at the end: never cut the end.
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        th.setSectionResizeMode(TpsChangeColumn.TPS, QHeaderView.ResizeMode.Stretch)
        rows = self.view.verticalHeader().defaultSectionSize()
        th.setMinimumHeight(rows)
        self.view.setFixedHeight(rows * 3 + 4)  # the header and two changes; more scroll
        self.view.setToolTip(_tr("Perubahan kategori TPS yang belum disimpan (Delete: hapus)"))
        grid.addWidget(self.view, 2, 0, 1, 4)
        remove = QAction(self.view)
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self.remove_selected)
        self.view.addAction(remove)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 2)
        self._show_buttons()

    # -- loading ----------------------------------------------------------------------------

    def load(self, session: Session, operation_id: int, base: PlanBase) -> None:
        """Read the operation's TPS (desa and kecamatan names); keep the pending changes."""
        desa = aliased(Region)
        kec = aliased(Region)
        rows = session.execute(
            select(
                PollingStation.id,
                PollingStation.number,
                PollingStation.category_id,
                desa.name,
                kec.id,
                kec.name,
            )
            .join(desa, desa.id == PollingStation.region_id)
            .join(kec, kec.id == desa.parent_id)
            .where(PollingStation.operation_id == operation_id)
            .order_by(kec.name, desa.name, PollingStation.number)
        )
        self._operation_id = operation_id
        self._tps = {
            int(r[0]): _Tps(int(r[0]), int(r[1]), r[3], int(r[4]), r[5], int(r[2])) for r in rows
        }
        self._cat_names = {c.id: c.name for c in base.categories}
        kept = self.kecamatan_combo.currentData()
        kept_cat = self.category_combo.currentData()
        self.category_combo.blockSignals(True)
        self.category_combo.clear()
        for c in base.categories:
            self.category_combo.addItem(c.name, c.id)
        self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(kept_cat)))
        self.category_combo.blockSignals(False)
        kecamatan: dict[int, str] = {}
        for t in self._tps.values():
            kecamatan.setdefault(t.kecamatan_id, t.kecamatan)
        self.kecamatan_combo.blockSignals(True)
        self.kecamatan_combo.clear()
        for kid, name in kecamatan.items():
            self.kecamatan_combo.addItem(name, kid)
        self.kecamatan_combo.setCurrentIndex(max(0, self.kecamatan_combo.findData(kept)))
        self.kecamatan_combo.blockSignals(False)
        # A pending move whose TPS is gone or already in that category is dropped.
        self.model.set_rows(
            [
                self._pending(r.change)
                for r in self.model.rows()
                if r.change.tps_id in self._tps
                and self._tps[r.change.tps_id].category_id != r.change.to_category_id
            ]
        )
        self._fit()
        self._fill_tps()

    def set_store(self, store: Store) -> None:
        self._store = store

    def _label(self, t: _Tps) -> str:
        return _tr("TPS {n} {desa}").format(n=t.number, desa=t.desa)

    def _pending(self, change: TpsChange) -> PendingTps:
        t = self._tps[change.tps_id]
        return PendingTps(
            change,
            self._label(t),
            t.kecamatan,
            self._cat_names.get(change.from_category_id, "?"),
            self._cat_names.get(change.to_category_id, "?"),
        )

    def _fill_tps(self, *_args: object) -> None:
        kid = self.kecamatan_combo.currentData()
        kept = self.tps_combo.currentData()
        moved = {r.change.tps_id: r.change.to_category_id for r in self.model.rows()}
        self.tps_combo.blockSignals(True)
        self.tps_combo.clear()
        for t in self._tps.values():
            if t.kecamatan_id != kid:
                continue
            now = self._cat_names.get(t.category_id, "?")
            text = f"{self._label(t)} \u2014 {now}"
            if t.id in moved:
                text += " \u2192 " + self._cat_names.get(moved[t.id], "?")
            self.tps_combo.addItem(text, t.id)
        self.tps_combo.setCurrentIndex(max(0, self.tps_combo.findData(kept)))
        self.tps_combo.blockSignals(False)
        self._tps_chosen()

    def _tps_chosen(self, *_args: object) -> None:
        self._show_buttons()

    def _show_buttons(self) -> None:
        self.apply_button.setEnabled(self.tps_combo.currentData() is not None)
        self.remove_button.setEnabled(self.model.rowCount() > 0)

    # -- changing ---------------------------------------------------------------------------

    def choose(self, tps_id: int, category_id: int) -> None:
        """Select a TPS and a category in the combos (as the user would)."""
        t = self._tps[tps_id]
        self.kecamatan_combo.setCurrentIndex(self.kecamatan_combo.findData(t.kecamatan_id))
        self.tps_combo.setCurrentIndex(self.tps_combo.findData(tps_id))
        self.category_combo.setCurrentIndex(self.category_combo.findData(category_id))

    def apply(self) -> None:
        """Add (or replace) the move of the chosen TPS; back to its own category removes it."""
        tps_id, cat_id = self.tps_combo.currentData(), self.category_combo.currentData()
        if tps_id is None or cat_id is None or self._store is None:
            return
        rows = [r for r in self.model.rows() if r.change.tps_id != tps_id]
        if self._tps[tps_id].category_id != cat_id:
            try:
                with self._store.read() as s:  # checked against the database by the core
                    (change,) = planning.tps_changes(
                        s, self._operation_id, {int(tps_id): int(cat_id)}
                    )
            except OpsError as exc:
                self.on_problem(sentence_for(exc))
                return
            rows.append(self._pending(change))
        self._set(rows)

    def remove_selected(self) -> None:
        chosen = {i.row() for i in self.view.selectionModel().selectedRows()}
        current = self.view.currentIndex()
        if not chosen and current.isValid():
            chosen = {current.row()}
        if not chosen:
            return
        self._set([r for i, r in enumerate(self.model.rows()) if i not in chosen])

    def clear(self) -> None:
        if self.model.rowCount():
            self._set([])

    def _fit(self) -> None:
        # Sized to the changes listed (a resize mode sized them to the header only).
        for col in (TpsChangeColumn.KECAMATAN, TpsChangeColumn.FROM, TpsChangeColumn.TO):
            self.view.resizeColumnToContents(col)

    def _set(self, rows: list[PendingTps]) -> None:
        self.model.set_rows(rows)
        self._fit()
        self._fill_tps()
        self._on_change()

    def changes(self) -> tuple[TpsChange, ...]:
        return tuple(r.change for r in self.model.rows())


class PlanningWindow(QMainWindow):
    """Kerawanan dan penebalan for one operation (the first one in the store)."""

    def __init__(
        self,
        store: Store,
        *,
        actor: Actor,
        stage_code: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if parent is not None:
            self.setWindowFlag(Qt.WindowType.Window, True)
        self.setObjectName("planningWindow")
        self.setWindowTitle(_tr("Kerawanan dan penebalan"))
        fit_to_screen(self, WINDOW_SIZE)
        self.store = store
        self.actor = actor
        # Stage, category, aspect and level names are read in the interface's language.
        self._lang = interface_language()
        self.operation_id = 0
        self.stage_id = 0
        self.base: PlanBase | None = None
        self.plan: Plan | None = None
        self.undo_stack = QUndoStack(self)
        # Every save runs on the write thread; the status bar says "Menyimpan…" meanwhile.
        self.saving_note = QLabel(self)
        self.statusBar().addWidget(self.saving_note)
        self.writes = PendingWrite(self, note=self.saving_note)

        self.heat = HeatMapModel(self)
        self.needs = RequirementsModel(self)
        self.proposals = ProposalsModel(self)
        self.heat.edit_requested.connect(self._edit_rating)

        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(16, 10, 16, 10)
        column.setSpacing(8)

        # Wraps onto a second row where the window is narrow: the operation's name whole.
        bar = FlowLayout(spacing=12)
        title = QLabel(_tr("Kerawanan dan penebalan"), central)
        title.setFont(theme.scaled_font(title, 1.4, bold=True))
        self.operation_label = QLabel(central)
        self.operation_label.setStyleSheet(f"color: {theme.MUTED.name()};")
        self.stage_combo = QComboBox(central)
        self.stage_combo.setObjectName("stageCombo")
        self.stage_combo.setMinimumContentsLength(18)
        self.stage_combo.currentIndexChanged.connect(self._stage_chosen)
        stage_label = QLabel(_tr("&Tahapan:"), central)
        stage_label.setBuddy(self.stage_combo)
        self.undo_action = self.undo_stack.createUndoAction(self, _tr("Batalkan"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, _tr("Ulangi"))
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
        self.export_button.clicked.connect(self._export)
        self.import_button = QPushButton(_tr("Impor Excel\u2026"), central)
        self.import_button.clicked.connect(self._import)
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
        column.addLayout(bar)

        # What the last action said (a refusal or a confirmation), until closed or replaced.
        self.banner_box = QFrame(central)
        self.banner_box.setObjectName("planningBannerBox")
        brow = QHBoxLayout(self.banner_box)
        brow.setContentsMargins(0, 0, 0, 0)
        self.banner = QLabel(self.banner_box)
        self.banner.setObjectName("planningBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        brow.addWidget(self.banner, 1)
        close = QToolButton(self.banner_box)
        close.setText(_tr("Tutup"))
        close.setToolTip(_tr("Tutup pesan ini"))
        close.clicked.connect(self._hide_banner)
        brow.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.banner_box.hide()
        column.addWidget(self.banner_box)

        split = QSplitter(Qt.Orientation.Horizontal, central)
        split.setChildrenCollapsible(False)
        column.addWidget(split, 1)

        # Left: the heat map, and under it the what-if form.
        # The heat map keeps the height for every region; the forms under it scroll where
        # the window is low (a 768 px laptop showed 4 of 11 regions).
        left = QSplitter(Qt.Orientation.Vertical, split)
        left.setChildrenCollapsible(False)
        heat_side = QFrame(left)
        lcol = QVBoxLayout(heat_side)
        lcol.setContentsMargins(0, 0, 8, 0)
        heat_bar = QHBoxLayout()
        heat_bar.addWidget(_heading(heat_side, _tr("Peta kerawanan")), 1)
        self.kecamatan_box = QCheckBox(_tr("Tampilkan &kecamatan"), heat_side)
        self.kecamatan_box.setObjectName("showKecamatan")
        self.kecamatan_box.setToolTip(
            _tr(
                "Nilai juga per kecamatan; kerawanan tertinggi kecamatan ikut menentukan urutan "
                "penebalan Polres-nya"
            )
        )
        self.kecamatan_box.toggled.connect(lambda _on: self.reload())
        heat_bar.addWidget(self.kecamatan_box)
        lcol.addLayout(heat_bar)
        hint = QLabel(
            _tr(
                "Penilaian Polri per aspek: klik dua kali sel untuk mengubah. IKP Bawaslu "
                "mengukur proses pemilihan, bukan ketertiban umum; ditampilkan terpisah."
            ),
            heat_side,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {theme.MUTED.name()};")
        lcol.addWidget(hint)
        self.heat_view = _table(heat_side, "heatMap")
        self.heat_proxy = _proxy(heat_side, self.heat)
        self.heat_view.setModel(self.heat_proxy)
        self.heat_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.heat_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.heat_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.heat_view.setAlternatingRowColors(False)
        # Colour blocks read at a lower row than text: eleven regions fit a laptop's height.
        self.heat_view.verticalHeader().setDefaultSectionSize(
            int(self.heat_view.fontMetrics().height() * 1.5)
        )
        # "Kab. Tanjung Jabung Barat" and "... Timur" differ at the end: never cut the end.
        self.heat_view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        # Colour cells need their width for the level's name, not for air.
        self.heat_view.setStyleSheet(
            self.heat_view.styleSheet().replace("padding: 0 8px", "padding: 0 2px")
        )
        self.heat_view.setItemDelegate(LevelDelegate(self.heat, self.heat_view))
        self.heat_view.setSortingEnabled(True)
        self.heat_view.horizontalHeader().setSortIndicatorClearable(True)
        self.heat_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        lcol.addWidget(self.heat_view, 1)
        self.legend = QLabel(heat_side)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        lcol.addWidget(self.legend)
        theme.mode.changed.connect(self._show_legend)  # its swatches follow the cells
        forms = QWidget()
        fcol = QVBoxLayout(forms)
        fcol.setContentsMargins(0, 0, 8, 0)
        self.form = PatternForm(self.recompute, forms)
        self.form.save_button.clicked.connect(self._save_patterns)
        self.tps_form = TpsForm(self.recompute, forms)
        self.tps_form.set_store(store)
        self.tps_form.on_problem = self.show_problem
        # "Kembalikan" discards every unsaved what-if change, patterns and TPS alike.
        self.form.reset_button.clicked.connect(self.tps_form.clear)
        fcol.addWidget(self.form)
        fcol.addWidget(self.tps_form)
        fcol.addStretch(1)
        self.forms_area = scrolling(forms, left)
        left.setStretchFactor(0, 1)
        left.setStretchFactor(1, 0)

        # Right: requirements above, proposals below.
        right = QSplitter(Qt.Orientation.Vertical, split)
        right.setChildrenCollapsible(False)
        top = QFrame(right)
        tcol = QVBoxLayout(top)
        tcol.setContentsMargins(8, 0, 0, 0)
        self.needs_title = _heading(top, _tr("Kebutuhan dan kekuatan per Polres"))
        tcol.addWidget(self.needs_title)
        self.needs_view = _table(top, "requirementsTable")
        self.needs_proxy = _proxy(top, self.needs)
        self.needs_view.setModel(self.needs_proxy)
        self.needs_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.needs_view.setSortingEnabled(True)
        self.needs_view.horizontalHeader().setSortIndicatorClearable(True)
        self.needs_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header = self.needs_view.horizontalHeader()
        # Names never cut off; the figures share the rest.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(NeedColumn.UNIT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(
            NeedColumn.VULNERABILITY, QHeaderView.ResizeMode.ResizeToContents
        )
        bold = QFontMetrics(theme.scaled_font(self.needs_view, 1.0, bold=True))
        labels = [str(self.needs.headerData(c, Qt.Orientation.Horizontal)) for c in NeedColumn]
        header.setMinimumSectionSize(
            max(bold.horizontalAdvance(line) for t in labels[2:] for line in t.split("\n")) + 16
        )
        tcol.addWidget(self.needs_view, 1)
        self.needs_view.viewport().installEventFilter(self)

        bottom = QFrame()
        bcol = QVBoxLayout(bottom)
        bcol.setContentsMargins(8, 0, 0, 0)
        prow = QHBoxLayout()
        prow.addWidget(_heading(bottom, _tr("Usulan penebalan (BKO)")), 1)
        self.accept_button = QPushButton(_tr("Terima usulan"), bottom)
        self.accept_button.setObjectName("acceptProposals")
        self.accept_button.setFont(theme.scaled_font(self.accept_button, 1.05, bold=True))
        self.accept_button.setToolTip(
            _tr(
                "Buat penugasan BKO untuk tahapan ini dari usulan yang dipilih (tanpa pilihan: "
                "semua usulan). Dapat dibatalkan dengan Ctrl+Z."
            )
        )
        self.accept_button.clicked.connect(self._accept)
        prow.addWidget(self.accept_button)
        bcol.addLayout(prow)
        self.summary = QLabel(bottom)
        self.summary.setObjectName("planSummary")
        self.summary.setWordWrap(True)
        bcol.addWidget(self.summary)
        self.proposals_view = _table(bottom, "proposalsTable")
        self.proposals_view.setModel(self.proposals)
        self.proposals_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.proposals_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        ph = self.proposals_view.horizontalHeader()
        ph.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        ph.setSectionResizeMode(ProposalColumn.SOURCE, QHeaderView.ResizeMode.Stretch)
        self.proposals_view.selectionModel().currentRowChanged.connect(self._show_reason)
        bcol.addWidget(self.proposals_view, 1)
        # The reason is the point of a proposal: shown whole, below the table.
        self.reason = QLabel(bottom)
        self.reason.setObjectName("proposalReason")
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason.setStyleSheet(
            f"background: {theme.PANEL.name()}; border-left: 4px solid {theme.NAVY.name()};"
            " padding: 8px;"
        )
        bcol.addWidget(self.reason)
        # The reason is read whole: in a low window the proposals scroll rather than cut it.
        right.addWidget(scrolling(bottom, right))
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([740, 860])
        right.setSizes([540, 280])
        self.setCentralWidget(central)

        self._load_stages(stage_code)

    # -- loading ----------------------------------------------------------------------------

    def _load_stages(self, stage_code: str | None) -> None:
        try:
            with self.store.read() as s:
                op = operations.get_operation(s)
                stages = operations.stages(s, op.id)
                current = operations.current_stage(stages, operations.local_today(op))
                voting = next((x for x in stages if x.is_voting), None)
                chosen = next((x for x in stages if x.code == stage_code), None)
                pick = chosen or current or voting
                self.operation_id = op.id
                self.operation_label.setText(op.name)
                items = [(reference.label(x.name, x.name_en, self._lang), x.id) for x in stages]
                pick_id = pick.id if pick else None
        except NoOperation:
            self.show_problem(_tr("Basis data ini belum berisi operasi."))
            return
        except OpsError as exc:
            self.show_problem(sentence_for(exc))
            return
        self.stage_combo.blockSignals(True)
        for name, sid in items:
            self.stage_combo.addItem(name, sid)
        self.stage_combo.setCurrentIndex(max(0, self.stage_combo.findData(pick_id)))
        self.stage_combo.blockSignals(False)
        self._stage_chosen()

    def _stage_chosen(self) -> None:
        sid = self.stage_combo.currentData()
        if sid is None:
            return
        self.stage_id = int(sid)
        self.reload(keep_what_if=True)

    def _show_legend(self, _night: bool = False) -> None:
        matrix = self.heat.matrix
        self.legend.setText(
            _tr("Tingkat: ")
            + " ".join(theme.badge_html(QColor(lv.colour), lv.name) for lv in matrix.levels)
            if matrix is not None
            else ""
        )

    def reload(self, *, keep_what_if: bool = True) -> None:
        """Read the stage's matrix and plan inputs again, then recompute."""
        keep = self.form.changes() if keep_what_if and self.base is not None else None
        try:
            with self.store.read() as s:
                matrix = planning.matrix(
                    s,
                    self.operation_id,
                    self.stage_id,
                    kecamatan=self.kecamatan_box.isChecked(),
                    lang=self._lang,
                )
                self.base = planning.load_base(s, self.operation_id, self.stage_id, lang=self._lang)
                if not keep_what_if:
                    self.tps_form.model.set_rows([])
                self.tps_form.load(s, self.operation_id, self.base)
        except OpsError as exc:
            self.show_problem(sentence_for(exc))
            return
        self.heat.set_matrix(matrix)
        self._fit_heat()
        self.needs.colours = dict(self.base.level_colours)
        self._show_legend()
        self.form.set_categories(self.base, keep)
        # The pattern rows are made now, after their buttons and the TPS form: Tab reads the
        # rows first, then the buttons, then goes on to the TPS form.
        t = self.tps_form
        chain(*self.form.stops(), t.kecamatan_combo, t.tps_combo, t.category_combo,
              t.apply_button, t.remove_button, t.view)  # fmt: skip
        self.recompute()

    def _fit_heat(self) -> None:
        # Colour columns as wide as the longest level name or aspect word (so nothing reads
        # "Sed…"); the region column takes the rest and elides, its tooltip has the name.
        header = self.heat_view.horizontalHeader()
        matrix = self.heat.matrix
        bold = QFontMetrics(theme.scaled_font(self.heat_view, 1.0, bold=True))
        words = [lv.name for lv in matrix.levels] if matrix else []
        words += [w for a in (matrix.aspects if matrix else ()) for w in a.name.split(" ", 1)]
        width = max((bold.horizontalAdvance(w) for w in words), default=60) + 16
        header.setMinimumSectionSize(40)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        for col in range(HeatColumn.FIRST_ASPECT, self.heat.columnCount()):
            header.resizeSection(col, width)
        header.resizeSection(self.heat.bawaslu_column(), bold.horizontalAdvance("Bawaslu") + 16)
        header.setSectionResizeMode(HeatColumn.REGION, QHeaderView.ResizeMode.Stretch)
        # Every region's row shown (up to a dozen: the kecamatan, many more, scroll).
        view = self.heat_view
        rows = min(self.heat_proxy.rowCount(), HEAT_ROWS_SHOWN)
        row = view.verticalHeader().defaultSectionSize()
        head = max(header.minimumHeight(), header.sizeHint().height())
        view.setMinimumHeight(head + rows * row + row // 2 + 2 * view.frameWidth())

    def _fit_needs(self) -> None:
        """A narrow table (a 1366 px laptop) leaves out what each Polres may lend (the
        proposals below say it), then its vulnerability (the heat map beside it shows it),
        so that the balance is never scrolled out of sight."""
        view = self.needs_view
        header = view.horizontalHeader()
        own = (NeedColumn.UNIT, NeedColumn.VULNERABILITY)  # as wide as their contents
        widths = {
            c: max(view.sizeHintForColumn(c), header.sectionSizeHint(c))
            if c in own
            else header.minimumSectionSize()
            for c in NeedColumn
        }
        drops = (NeedColumn.LENDABLE, NeedColumn.VULNERABILITY)
        hide = narrow_drops(view.viewport().width(), widths, drops)
        for column in NeedColumn:
            if view.isColumnHidden(column) != (column in hide):
                view.setColumnHidden(column, column in hide)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.needs_view.viewport():
            self._fit_needs()
        return super().eventFilter(watched, event)

    def category_versions(self) -> dict[int, int]:
        return {c.id: c.version for c in self.base.categories} if self.base else {}

    def what_if(self) -> WhatIf:
        return WhatIf(patterns=self.form.changes(), tps=self.tps_form.changes())

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
        self.needs.set_rows(self.plan.units)
        self._fit_needs()  # the names listed may be longer or shorter
        self.proposals.set_rows(self.plan.proposals)
        self._summarise(self.plan)
        self._show_reason()

    def _show_reason(self, *_args: object) -> None:
        """The whole sentence of the current proposal (the first when none is chosen)."""
        rows = self.proposals.rows()
        current = self.proposals_view.currentIndex()
        if not rows:
            self.reason.setText(_tr("Tidak ada usulan: tidak ada kekurangan yang dapat ditutup."))
            return
        p = rows[current.row()] if current.isValid() and current.row() < len(rows) else rows[0]
        self.reason.setText(p.sentence(self.locale().name()[:2]))

    def _summarise(self, plan: Plan) -> None:
        deficits = plan.deficits
        dirty = not self.what_if().empty
        # Hypothetical figures must never pass for the real ones.
        self.needs_title.setText(
            _tr("Kebutuhan dan kekuatan per Polres — BAGAIMANA JIKA (belum disimpan)")
            if dirty
            else _tr("Kebutuhan dan kekuatan per Polres")
        )
        self.needs_title.setStyleSheet(f"color: {theme.DEFICIT.name()};" if dirty else "")
        self.accept_button.setEnabled(bool(plan.proposals) and not dirty)
        if not deficits:
            text = _tr("Tidak ada Polres yang kekurangan personel pada tahapan {stage}.").format(
                stage=plan.stage.name
            )
            colour = theme.SURPLUS
        else:
            # One line, whatever the number of Polres: the tables below carry the detail.
            short = sum(u.deficit for u in deficits)
            text = _tr("{n} Polres kurang {total} personel").format(n=len(deficits), total=short)
            if len(deficits) == 1:
                text = _tr("{name} kurang {total} personel").format(
                    name=deficits[0].name, total=short
                )
            if plan.unmet:
                text += _tr("; {total} belum tertutup oleh cadangan dan Polres lain.").format(
                    total=sum(plan.unmet.values())
                )
            else:
                text += _tr("; usulan di bawah menutup semuanya.")
            colour = theme.DEFICIT
        self.summary.setToolTip(
            "\n".join(
                _tr("{name}: kurang {n}, belum tertutup {left}").format(
                    name=u.name, n=u.deficit, left=plan.unmet.get(u.unit_id, 0)
                )
                for u in deficits
            )
        )
        self.summary.setText(text)
        self.summary.setStyleSheet(f"color: {colour.name()}; font-weight: bold;")

    # -- acting -----------------------------------------------------------------------------

    def run(
        self,
        write: Callable[[], object],
        shown: Callable[[Any], None],
        *,
        obsolete: QUndoCommand | None = None,
        button: QAbstractButton | None = None,
        refused: Callable[[OpsError], str] = sentence_for,
    ) -> None:
        """Run a core write on the write thread, then ``shown(result)``; a refusal becomes a
        sentence in the banner (``refused`` words it), never a traceback."""
        self._hide_banner()

        def failed(exc: OpsError) -> None:
            log.info("planning action refused: %r", exc)
            self.show_problem(refused(exc))
            if obsolete is not None:
                obsolete.setObsolete(True)
            self.reload()

        self.writes.submit(write, on_saved=shown, on_refused=failed, button=button)

    def _push(self, command: _Command, *, button: QAbstractButton | None = None) -> None:
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
        self.heat.set_rating(region_id, aspect_id, rating)
        # The vulnerability ranks the deficits: read it again and recompute the proposals.
        try:
            with self.store.read() as s:
                self.base = planning.load_base(s, self.operation_id, self.stage_id, lang=self._lang)
        except OpsError as exc:
            self.show_problem(sentence_for(exc))
            return
        self.recompute()

    def selected_proposals(self) -> tuple[Proposal, ...]:
        rows = sorted({i.row() for i in self.proposals_view.selectionModel().selectedRows()})
        chosen = [self.proposals.row(r) for r in rows]
        return tuple(chosen) if chosen else self.proposals.rows()

    def _accept(self) -> None:
        chosen = self.selected_proposals()
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

    _parked: tuple[QPersistentModelIndex, object] | None = None  # (cell, level) taken out

    def _park_grid_edit(self) -> None:
        self._parked = None
        if self.heat_view.state() != QAbstractItemView.State.EditingState:
            return
        index = self.heat_view.currentIndex()
        editor = self.heat_view.indexWidget(index)
        if not isinstance(editor, QComboBox):
            return
        level = editor.currentData()
        self.heat_view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        if level != index.data(LEVEL_ROLE):
            self._parked = (QPersistentModelIndex(index), level)

    def _unpark_grid_edit(self) -> None:
        parked, self._parked = self._parked, None
        if parked is None or not parked[0].isValid():
            return
        index = self.heat_proxy.index(parked[0].row(), parked[0].column())
        self.heat_view.setCurrentIndex(index)
        self.heat_view.edit(index)
        editor = self.heat_view.indexWidget(index)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(parked[1])))

    def is_dirty(self) -> bool:
        return self._parked is not None or (self.base is not None and not self.what_if().empty)

    def save_input(self) -> bool:
        """Start saving the rating and the what-if on the write thread; the window closes
        once both are saved (``may_close`` waits on ``writes``), stays open on a refusal."""
        parked, self._parked = self._parked, None
        if parked is not None and parked[0].isValid():
            index = self.heat_proxy.index(parked[0].row(), parked[0].column())
            self.heat_proxy.setData(index, parked[1], Qt.ItemDataRole.EditRole)  # journaled
        if self.base is not None and not self.what_if().empty:
            self._save_patterns()
        return not self.writes.busy

    def discard_input(self) -> None:
        self._parked = None
        self.tps_form.clear()
        self.form.reset()  # recomputes with the stored patterns

    def closeEvent(self, event: QCloseEvent) -> None:
        self._park_grid_edit()
        if may_close(
            self, what=_tr("Perubahan bagaimana-jika belum disimpan."), writes=self.writes
        ):
            super().closeEvent(event)
        else:
            self._unpark_grid_edit()
            event.ignore()

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            _tr("Ekspor matriks kerawanan"),
            "kerawanan.xlsx",
            _tr("Buku kerja Excel (*.xlsx)"),
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write the matrix to a workbook (a read: no journal, no write thread)."""
        self._hide_banner()
        try:
            with self.store.read() as s:
                n = planning.export_matrix(s, self.operation_id, path)
        except OpsError as exc:
            self.show_problem(sentence_for(exc))
            return
        self.show_note(_tr("{n} penilaian ditulis ke {path}.").format(n=n, path=path))

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            _tr("Impor matriks kerawanan"),
            "",
            _tr("Buku kerja (*.xlsx *.xls *.xlsb *.ods)"),
        )
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> None:
        """Apply a workbook on the write thread; a refused one lists its bad cells and gets a
        marked copy."""
        store, actor, op_id = self.store, self.actor, self.operation_id

        def imported(result: planning.ImportResult) -> None:
            self.reload()
            self.show_note(
                _tr("Impor selesai: {new} baru, {changed} berubah, {same} tetap.").format(
                    new=result.new, changed=result.changed, same=result.unchanged
                )
            )

        def refused(exc: OpsError) -> str:
            if isinstance(exc, planning.ImportRejected):
                return self._rejection_text(exc, path)
            return sentence_for(exc)

        self.run(
            lambda: planning.import_matrix(store, actor, op_id, path),
            imported,
            button=self.import_button,
            refused=refused,
        )

    def _rejection_text(self, exc: planning.ImportRejected, path: Path) -> str:
        lang = self.locale().name()[:2]
        problems = exc.problems
        lines = [
            _tr(
                "Berkas {path} ditolak, tidak ada yang disimpan. Perbaiki {n} sel berikut lalu "
                "impor lagi:"
            ).format(path=path, n=len(problems))
        ]
        lines += [messages.describe_cell(p, lang) for p in problems[:MAX_LISTED]]
        if len(problems) > MAX_LISTED:
            lines.append(_tr("\u2026 dan {n} sel lainnya.").format(n=len(problems) - MAX_LISTED))
        marked = path.with_name(f"{path.stem}-ditolak{path.suffix}")
        try:
            written = planning.mark_rejected(path, problems, marked)
        except OpsError:
            written = None
        if written is not None:
            lines.append(_tr("Sel yang salah ditandai merah di {path}.").format(path=written))
        return "\n".join(lines)

    # -- banner -----------------------------------------------------------------------------

    def _hide_banner(self) -> None:
        self.banner.hide()
        self.banner_box.hide()

    def show_problem(self, text: str) -> None:
        self.banner_box.show()
        self.banner.setText(text)
        self.banner.setStyleSheet(
            f"background: {theme.ALERT_BG.name()}; color: {theme.DEFICIT.name()};"
            f" border: 1px solid {theme.DEFICIT.name()}; padding: 8px; font-weight: bold;"
        )
        self.banner.show()

    def show_note(self, text: str) -> None:
        self.banner_box.show()
        self.banner.setText(text)
        self.banner.setStyleSheet(
            f"background: {theme.PANEL.name()}; color: {theme.INK.name()};"
            f" border: 1px solid {theme.RULE.name()}; padding: 8px;"
        )
        self.banner.show()


def open_planning(window: QMainWindow, actor: Actor) -> PlanningWindow:
    """Show the planning window of ``window``'s store (one per main window), acting as
    ``actor``, the account signed in to ``window``."""
    existing = window.findChild(PlanningWindow)
    if existing is not None:
        existing.show()
        # The offscreen platform (tests, screenshots) has no stacking order to change.
        if QGuiApplication.platformName() != "offscreen":
            existing.raise_()
            existing.activateWindow()
        return existing
    store: Store = window._store  # type: ignore[attr-defined]
    planning_window = PlanningWindow(store, actor=actor, parent=window)
    actions.close_keys(planning_window)  # Esc and Ctrl+W, asking first (``closeEvent``)
    show_fitted(planning_window, WINDOW_SIZE)
    return planning_window
