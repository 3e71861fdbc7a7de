"""The "Indeks harian" page of the budget dialog (``ui.budget_dialog``): the operation's
daily index, one row per stage and one column per component (uang saku, uang makan, angkut
logistik, kesehatan), each cell the rupiah per person per day and the days paid
("150.000 x 5"); beside them the unit's personnel in that stage and the need it gives.

A cell typed and Enter is saved (``budget.set_index``); a cell emptied, or Del on it,
removes that index row after a question (``budget.clear_index``). The writes and their
undo are ``ui.budget_writes``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from opscenter.errors import InvalidValue
from ui import theme
from ui.budget_tables import IndexColumn, IndexModel, IndexRow, index_text, parse_index
from ui.budget_writes import clear_index, set_index
from ui.confirm import confirm
from ui.form_tables import delete_key, table, typed_cells
from ui.operation_form import OperationForm
from ui.translations import translator

_tr = translator("BudgetDialog")  # the dialog's context: its translations stay


class IndexPage(QWidget):
    """The daily index of ``form``'s operation, typed cell by cell (see the module
    docstring); its questions and refusals are ``form``'s."""

    def __init__(self, form: OperationForm) -> None:
        super().__init__(form)
        self.form = form
        self.index_model = IndexModel(form._lang, form)
        self.index_model.set_locale(form._locale)
        self.index_view = table(self, "indexTable", self.index_model, (IndexColumn.STAGE,))
        typed_cells(self.index_view)
        # Queued: a cell emptied asks first, which must not run inside the editor's commit.
        self.index_model.edit_requested.connect(self.save_index, Qt.ConnectionType.QueuedConnection)
        delete_key(self.index_view, self.clear_index)
        heading = QLabel(
            _tr(
                "&Indeks harian operasi, berlaku untuk semua satuan: rupiah per orang per hari "
                "\u00d7 hari dibayar. Personel dan kebutuhan: satuan terpilih."
            ),
            self,
        )
        heading.setWordWrap(True)
        heading.setBuddy(self.index_view)
        how = QLabel(
            _tr(
                "Ketik mis. 150.000 x 5 lalu Enter (tanpa \u201cx hari\u201d: hari tahapan itu) "
                "\u00b7 Del mengosongkan sel: komponen itu tidak dibayar pada tahapan itu"
            ),
            self,
        )
        how.setWordWrap(True)
        how.setStyleSheet(f"color: {theme.MUTED.name()};")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(heading)
        column.addWidget(self.index_view, 1)
        column.addWidget(how)

    def clear_index(self) -> None:
        """Del on a cell of the index: that component is no longer paid in that stage."""
        index = self.index_view.currentIndex()
        row = self.index_model.row_at(index.row()) if index.isValid() else None
        component = self.index_model.component_at(index.column())
        if row is not None and component is not None:
            self.save_index(row, component, "")

    def save_index(self, row: IndexRow, component_id: int, text: str) -> None:
        """Store what was typed in the cell of ``row`` (a stage) and ``component_id``."""
        position = [c for c, _ in self.index_model.components].index(component_id)
        before = row.cells[position]
        try:
            typed = parse_index(text, before.days if before is not None else row.days())
        except InvalidValue as error:
            self.form._report(error)
            return
        name = dict(self.index_model.components)[component_id]
        if typed is not None:
            set_index(self.form, row, component_id, name, before, typed)
        elif before is not None and confirm(
            self.form,
            _tr("Hapus indeks"),
            _tr("{component} pada {stage} ({index}) tidak dibayar lagi.").format(
                component=name, stage=row.stage_name, index=index_text(before, self.form._lang)
            ),
            _tr("&Hapus"),
            _tr("Kebutuhan semua satuan turun. Bisa diurungkan dengan Ctrl+Z."),
        ):
            clear_index(self.form, row, component_id, name, before)
