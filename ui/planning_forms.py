"""The planning window's what-if forms: guard patterns (a-b-c per TPS category) and TPS
categories tried in memory. Changes recompute the figures at once; nothing is saved here
(the window saves them, one journaled ``save_what_if``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from opscenter import planning
from opscenter.errors import OpsError
from opscenter.model import tps_label
from opscenter.planning import PlanBase, TpsChange, TpsRow
from opscenter.reference import GuardPattern
from opscenter.store import Store
from opscenter.strength import UNRATED
from ui import theme
from ui.error_dialog import sentence_for
from ui.form_tables import delete_key
from ui.planning_models import PendingTps, TpsChangeColumn, TpsChangesModel
from ui.planning_views import table
from ui.tab_order import leave_on_tab
from ui.translations import translator

_tr = translator("PlanningWindow")


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


class TpsForm(QGroupBox):
    """Try another category for a TPS: kecamatan, TPS, category, "Terapkan". In memory only."""

    def __init__(self, on_change: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(_tr("Bagaimana jika: kategori TPS"), parent)
        self.setObjectName("tpsForm")
        self._on_change = on_change
        self._tps: dict[int, TpsRow] = {}
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
        self.view = table(self, "tpsChanges")
        leave_on_tab(self.view)  # the last stop of the form: Tab goes on, not along its cells
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        th = self.view.horizontalHeader()
        th.setSectionResizeMode(TpsChangeColumn.TPS, QHeaderView.ResizeMode.Stretch)
        rows = self.view.verticalHeader().defaultSectionSize()
        th.setMinimumHeight(rows)
        self.view.setFixedHeight(rows * 3 + 4)  # the header and two changes; more scroll
        self.view.setToolTip(_tr("Perubahan kategori TPS yang belum disimpan (Delete: hapus)"))
        grid.addWidget(self.view, 2, 0, 1, 4)
        delete_key(self.view, self.remove_selected)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 2)
        self._show_buttons()

    # -- loading ----------------------------------------------------------------------------

    def load(self, operation_id: int, tps: Sequence[TpsRow], base: PlanBase) -> None:
        """Show the operation's TPS (``planning.tps_rows``); keep the pending changes."""
        self._operation_id = operation_id
        self._tps = {t.id: t for t in tps}
        self._cat_names = {c.id: c.name for c in base.categories}
        self._cat_names[UNRATED] = _tr("Belum dinilai")
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

    def _label(self, t: TpsRow) -> str:
        return tps_label(t.number, t.desa)

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
