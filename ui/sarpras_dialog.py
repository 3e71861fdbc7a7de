"""The sarpras of one unit (Ubah > Sarpras satuan…): what the unit itself holds of each
category by the government condition scale (baik, rusak ringan, rusak berat) and whether it
is laik pakai, edited in the table; beside it the requirement and the deficit rolled up its
tree (``sarpras_figures.sarpras_by_unit``: a Polres includes its Polsek).

A count typed in a cell (or laik pakai ticked) is saved at once through
``sarpras.set_stock`` on the write thread; a refusal (a negative count, a partner force's
unit, someone else's change meanwhile) is said in the core's sentence and the table is read
again, so the cell shows what is stored. Each save goes on the window's history: undo puts
back the counts before it (or removes a row that did not exist).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QLabel,
    QVBoxLayout,
)

from opscenter.readiness import sarpras, sarpras_figures
from opscenter.readiness.sarpras import Category, StockLine, StockValue
from opscenter.readiness.sarpras_figures import SarprasLine
from opscenter.store import Store
from ui import theme
from ui.form_tables import show_rows, table, typed_cells
from ui.operation_form import FormContext, FormTarget, ReadinessForm
from ui.screen_fit import fit_to_screen
from ui.table_model import AnyIndex, TableModel
from ui.translations import translator

_tr = translator("SarprasDialog")


@dataclass(frozen=True, slots=True)
class SarprasRow:
    """One category: the unit's own stock row (None: none kept yet) and its rolled-up line
    (None: the unit and those under it hold none and need none)."""

    category: Category
    stock: StockLine | None
    line: SarprasLine | None


@dataclass(frozen=True, slots=True)
class SarprasRead:
    unit_id: int
    rows: tuple[SarprasRow, ...]


def read_sarpras(store: Store, operation_id: int, unit_id: int, lang: str) -> SarprasRead:
    with store.read() as s:
        cats = sarpras.categories(s, operation_id, lang)
        own = {st.category_id: st for st in sarpras.stock(s, operation_id, unit_id)}
        rolled = sarpras_figures.sarpras_by_unit(s, operation_id, None, lang, units=[unit_id])
        lines = {ln.category_id: ln for ln in rolled.get(unit_id, ())}
        rows = tuple(SarprasRow(c, own.get(c.id), lines.get(c.id)) for c in cats)
        return SarprasRead(unit_id, rows)


def stock_value(unit_id: int, row: SarprasRow) -> StockValue:
    """What the unit holds of the row's category now, as a value to write."""
    st = row.stock
    if st is None:
        return StockValue(unit_id, row.category.id)
    return StockValue(
        unit_id,
        row.category.id,
        st.baik,
        st.rusak_ringan,
        st.rusak_berat,
        st.laik_pakai,
        st.ammunition,
        st.note,
    )


class SarprasColumn(IntEnum):
    CATEGORY = 0
    BAIK = 1
    RINGAN = 2
    BERAT = 3
    LAIK = 4
    REQUIRED = 5
    USABLE = 6
    DEFICIT = 7


COUNT_FIELDS = {
    SarprasColumn.BAIK: "baik",
    SarprasColumn.RINGAN: "rusak_ringan",
    SarprasColumn.BERAT: "rusak_berat",
}


class SarprasModel(TableModel[SarprasRow]):
    """The categories; the counts and laik pakai are editable: an edit is asked for
    (``edit_requested(row, StockValue)``), never taken into the rows here (the dialog saves
    it and reads the table again)."""

    columns = SarprasColumn
    align_headers = True
    edit_requested = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(key=lambda r: r.category.id, parent=parent)
        self.unit_id = 0

    def headers(self) -> Sequence[tuple[str, str]]:
        return (
            (_tr("Kategori"), ""),
            (_tr("Baik"), _tr("Dipegang satuan ini sendiri, kondisi baik")),
            (_tr("Rusak\nringan"), _tr("Dipegang satuan ini sendiri, rusak ringan")),
            (_tr("Rusak\nberat"), _tr("Dipegang satuan ini sendiri, rusak berat")),
            (_tr("Laik\npakai"), _tr("Boleh dipakai (sudah diperiksa laik)")),
            (_tr("Kebutuhan"), _tr("Kebutuhan termasuk satuan di bawahnya")),
            (_tr("Siap\npakai"), _tr("Baik dan rusak ringan yang laik pakai, dengan bawahan")),
            (_tr("Kurang"), _tr("Kebutuhan dikurangi yang siap pakai")),
        )

    def is_text(self, column: int) -> bool:
        return column in (SarprasColumn.CATEGORY, SarprasColumn.LAIK)

    def value(self, row: SarprasRow, column: int) -> str | int:
        if column == SarprasColumn.CATEGORY:
            return row.category.name
        if column in COUNT_FIELDS:
            return getattr(row.stock, COUNT_FIELDS[SarprasColumn(column)]) if row.stock else 0
        if column == SarprasColumn.LAIK:
            return ""
        line = row.line
        if column == SarprasColumn.REQUIRED:
            return "\u2014" if line is None or line.required is None else line.required
        if column == SarprasColumn.USABLE:
            return line.usable if line is not None else 0
        return line.deficit if line is not None else 0

    def extra(self, row: SarprasRow, column: int, role: int) -> Any:
        if column == SarprasColumn.LAIK and role == Qt.ItemDataRole.CheckStateRole:
            laik = row.stock.laik_pakai if row.stock is not None else True
            return Qt.CheckState.Checked if laik else Qt.CheckState.Unchecked
        if column in COUNT_FIELDS and role == Qt.ItemDataRole.EditRole:
            return self.value(row, column)
        deficit = row.line.deficit if row.line is not None else 0
        if column == SarprasColumn.DEFICIT and deficit:
            if role == Qt.ItemDataRole.ForegroundRole:
                return theme.DEFICIT
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
        if column == SarprasColumn.CATEGORY and role == Qt.ItemDataRole.ToolTipRole:
            return _tr("Dihitung dalam {measure}").format(measure=row.category.measure)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.column() in COUNT_FIELDS:
            return base | Qt.ItemFlag.ItemIsEditable
        if index.column() == SarprasColumn.LAIK:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return False
        now = stock_value(self.unit_id, row)
        column = index.column()
        if column in COUNT_FIELDS and role == Qt.ItemDataRole.EditRole:
            field = COUNT_FIELDS[SarprasColumn(column)]
            try:
                count = int(value)
            except (TypeError, ValueError):
                return False
            if count == getattr(now, field):
                return False
            fields = {f: getattr(now, f) for f in COUNT_FIELDS.values()} | {field: count}
            new = StockValue(
                now.unit_id,
                now.category_id,
                fields["baik"],
                fields["rusak_ringan"],
                fields["rusak_berat"],
                now.laik_pakai,
                now.ammunition,
                now.note,
            )
        elif column == SarprasColumn.LAIK and role == Qt.ItemDataRole.CheckStateRole:
            laik = Qt.CheckState(value) == Qt.CheckState.Checked
            if laik == now.laik_pakai:
                return False
            new = StockValue(
                now.unit_id,
                now.category_id,
                now.baik,
                now.rusak_ringan,
                now.rusak_berat,
                laik,
                now.ammunition,
                now.note,
            )
        else:
            return False
        self.edit_requested.emit(row, new)
        return False  # stored through the core, then read again


class SarprasDialog(ReadinessForm):
    """The sarpras of one unit (see the module docstring)."""

    def __init__(self, ctx: FormContext, target: FormTarget) -> None:
        super().__init__(ctx, target, name="sarprasDialog", title=_tr("Sarpras satuan"))
        self.unsaved_text = _tr("Jumlah sarpras yang diketik belum disimpan.")
        self.hint.setText(
            _tr(
                "Ketik jumlah lalu Enter: tersimpan langsung · Spasi mencentang laik pakai · "
                "Ctrl+Z mengurungkan · Esc menutup"
            )
        )
        self.model = SarprasModel(self)
        self.model.set_locale(self._locale)
        self.view = table(self, "sarprasTable", self.model, (SarprasColumn.CATEGORY,))
        typed_cells(self.view)
        self.model.edit_requested.connect(self.save_row)
        label = QLabel(
            _tr(
                "&Milik satuan ini sendiri (kiri) · kebutuhan dan kekurangan dengan bawahan (kanan)"
            ),
            self,
        )
        label.setBuddy(self.view)
        label.setWordWrap(True)
        body = QVBoxLayout()
        body.addWidget(label)
        body.addWidget(self.view, 1)
        self.place(None, body)
        em = self.fontMetrics().horizontalAdvance("M")
        fit_to_screen(self, QSize(em * 70, self.fontMetrics().height() * 36))
        self.reading_order(self.view)
        self.reload()

    def read(self, unit_id: int, now: datetime) -> SarprasRead:
        return read_sarpras(self.store, self.operation_id, unit_id, self._lang)

    def show_read(self, read: SarprasRead) -> None:
        self.model.unit_id = read.unit_id
        show_rows(self.model, read.rows)
        if not self.view.currentIndex().isValid() and read.rows:
            self.view.setCurrentIndex(self.model.index(0, SarprasColumn.BAIK))

    def unit_changed(self) -> None:
        self.model.reset_rows(())

    def save_current(self) -> None:
        """Each count is saved as it is typed; a count still in its cell's editor is
        committed (Ctrl+Enter, or Simpan when closing)."""
        editor = QApplication.focusWidget()
        if self.view.state() == QAbstractItemView.State.EditingState and editor is not None:
            self.view.commitData(editor)
            self.view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def save_row(self, row: SarprasRow, value: StockValue) -> None:
        """Store ``value`` for the row's category where the screen showed ``row``."""
        store, actor, op = self.store, self.actor, self.operation_id
        before = row.stock
        ref = self.ref(before.id) if before is not None else None

        def write() -> StockLine:
            return sarpras.set_stock(
                store,
                actor,
                op,
                value,
                expected_version=before.version if before is not None else None,
            )

        def saved(stored: StockLine) -> None:
            mine = ref if ref is not None else self.ref(stored.id)
            mine.version = stored.version

            def forward() -> None:
                line = sarpras.set_stock(
                    store, actor, op, value, expected_version=mine.version if before else None
                )
                mine.id, mine.version = line.id, line.version

            def backward() -> None:
                if before is None:
                    sarpras.clear_stock(store, actor, mine.id, expected_version=mine.version)
                    return
                old = StockValue(
                    value.unit_id,
                    value.category_id,
                    before.baik,
                    before.rusak_ringan,
                    before.rusak_berat,
                    before.laik_pakai,
                    before.ammunition,
                    before.note,
                )
                mine.version = sarpras.set_stock(
                    store, actor, op, old, expected_version=mine.version
                ).version

            text = _tr("Sarpras {unit}: {category}").format(
                unit=self.unit_box.currentText(), category=row.category.name
            )
            self.push(text, forward, backward)

        self.submit(write, saved, None)

    def is_dirty(self) -> bool:
        """Whether a cell's editor is open with a count not yet stored."""
        return self.view.state() == QAbstractItemView.State.EditingState
