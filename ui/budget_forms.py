"""The two side forms of the budget dialog (``ui.budget_dialog``), on its "Pagu dan
realisasi" page: a payment (date, amount, description) and an allocation (source, DIPA or
NPHD number, the NPHD's signing date for a hibah, pagu, note).

Each is a ``RowForm``: it adds a new row, or changes the row loaded into it from its list
(``load``), and says which on its main button; "Batal ubah" goes back to adding, and
"Ubah" and "Hapus" act on the row chosen in the list. What was typed is, when adding, any
text at all, and when changing, fields that differ from the row as loaded (``dirty``).
Amounts are typed as whole rupiah (``ui.budget_tables.parse_rupiah``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Generic, TypeVar

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from opscenter.model import BUDGET_SOURCES
from opscenter.readiness.budget import AllocationValue
from opscenter.readiness.budget_figures import Allocation, Realisation
from opscenter.readiness.budget_text import source_name
from ui.budget_tables import parse_rupiah, typed_rupiah
from ui.form_parts import button_row, date_edit, field, form_page, picked, push_button, qdate
from ui.translations import translator

R = TypeVar("R")

# What the buttons do: save, Batal ubah, Ubah (the chosen row into the form), Hapus.
Slots = tuple[Callable[[], None], Callable[[], None], Callable[[], None], Callable[[], None]]

_tr = translator("BudgetDialog")  # the dialog's context: its translations stay


class RowForm(Generic[R]):
    """A side form that adds a new row, or changes the row loaded into it from its list:
    its page (``page``), its buttons, and the row it changes (``row``, None when adding).
    A form gives its fields (``typed``, ``fields``), how a row fills them (``fill``), how
    they are emptied (``clear``) and the field first typed into (``focus``)."""

    focus: QWidget

    def __init__(
        self,
        page: QWidget,
        form: QFormLayout,
        name: str,
        add_text: str,
        chosen: str,
        slots: Slots,
    ) -> None:
        save, cancel, change, remove = slots
        self.page = page
        self.add_text, self.save_text = add_text, _tr("Si&mpan perubahan")
        self.primary = push_button(page, "", name + "Save", save)
        self.cancel = push_button(page, _tr("Bata&l ubah"), name + "Cancel", cancel)
        form.addRow(button_row(self.primary, self.cancel))
        box = QGroupBox(chosen, page)
        self.change = push_button(box, _tr("U&bah"), name + "Change", change)
        self.remove = push_button(box, _tr("&Hapus"), name + "Remove", remove)
        box.setLayout(button_row(self.change, self.remove))
        form.addRow(box)
        self.row: R | None = None
        self.start: tuple[object, ...] = ()
        self.new()

    def new(self) -> None:
        """Back to adding a row: the fields emptied."""
        self.row, self.start = None, ()
        self.primary.setText(self.add_text)
        self.cancel.hide()
        self.clear()

    def load(self, row: R) -> None:
        """``row`` into the fields, to change it."""
        self.fill(row)
        self.row, self.start = row, self.fields()
        self.primary.setText(self.save_text)
        self.cancel.show()

    def dirty(self) -> bool:
        """Whether the fields hold typed input not saved."""
        if self.row is None:
            return any(t.strip() for t in self.typed())
        return self.fields() != self.start

    def typed(self) -> Sequence[str]:
        """The text typed in the fields that start empty."""
        raise NotImplementedError

    def fields(self) -> tuple[object, ...]:
        """Every field, as compared with the row loaded."""
        raise NotImplementedError

    def fill(self, row: R) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError


class PaymentForm(RowForm[Realisation]):
    """A payment from the allocation chosen in the list: date, amount, description."""

    def __init__(self, parent: QWidget, today: date, slots: Slots) -> None:
        page, form = form_page(parent)
        self.paying_from = QLabel(page)
        self.paying_from.setWordWrap(True)
        self.paid_on = date_edit(page, "paidOn", today)
        self.amount = field(
            page, "paymentAmount", hint=_tr("mis. 25.000.000"), figures=True, window_undo=True
        )
        self.description = field(
            page,
            "paymentDescription",
            hint=_tr("mis. uang saku pengamanan TPS tahap I"),
            window_undo=True,
        )
        form.addRow(self.paying_from)
        form.addRow(_tr("Ta&nggal"), self.paid_on)
        form.addRow(_tr("&Jumlah (Rp)"), self.amount)
        form.addRow(_tr("Ura&ian"), self.description)
        super().__init__(
            page,
            form,
            "payment",
            _tr("Tambah &realisasi"),
            _tr("Realisasi terpilih di daftar"),
            slots,
        )
        self.focus = self.amount

    def typed(self) -> Sequence[str]:
        return self.amount.text(), self.description.text()

    def fields(self) -> tuple[object, ...]:
        return (picked(self.paid_on), self.amount.text().strip(), self.description.text().strip())

    def fill(self, row: Realisation) -> None:
        self.paid_on.setDate(qdate(row.paid_on))
        self.amount.setText(typed_rupiah(row.amount))
        self.description.setText(row.description)

    def clear(self) -> None:
        """The amount and description emptied; the date stays, for the next of that day."""
        self.amount.clear()
        self.description.clear()


class AllocationForm(RowForm[Allocation]):
    """An allocation of the unit: source, number, the NPHD's signing date (asked for a
    hibah), pagu, note."""

    def __init__(self, parent: QWidget, lang: str, today: date, slots: Slots) -> None:
        page, form = form_page(parent)
        self.allocation_for = QLabel(page)
        self.allocation_for.setWordWrap(True)
        self.source_box = QComboBox(page)
        self.source_box.setObjectName("allocationSource")
        for code in BUDGET_SOURCES:
            self.source_box.addItem(source_name(code, lang), code)
        self.source_box.currentIndexChanged.connect(lambda _i: self.source_picked())
        self.reference = field(
            page, "allocationReference", hint=_tr("mis. NPHD 900/123/BPKAD/2024"), window_undo=True
        )
        self.has_signed = QCheckBox(_tr("Tanggal &NPHD"), page)
        self.has_signed.setObjectName("allocationHasSigned")
        self.signed_on = date_edit(page, "allocationSigned", today)
        self.has_signed.toggled.connect(lambda _on: self.source_picked())
        self.pagu = field(
            page, "allocationPagu", hint=_tr("mis. 25.000.000.000"), figures=True, window_undo=True
        )
        self.note = field(page, "allocationNote", window_undo=True)
        form.addRow(self.allocation_for)
        form.addRow(_tr("Sumbe&r"), self.source_box)
        form.addRow(_tr("N&omor"), self.reference)
        form.addRow(self.has_signed, self.signed_on)
        form.addRow(_tr("Pa&gu (Rp)"), self.pagu)
        form.addRow(_tr("&Catatan"), self.note)
        super().__init__(
            page, form, "allocation", _tr("Ta&mbah pagu"), _tr("Pagu terpilih di daftar"), slots
        )
        self.focus = self.pagu
        self.source_picked()

    def source_picked(self) -> None:
        """The signing date is the NPHD's: asked for a hibah (the core requires it there),
        not for DIPA or another source."""
        hibah = self.source_box.currentData() == "hibah"
        self.has_signed.setEnabled(hibah)
        self.signed_on.setEnabled(hibah and self.has_signed.isChecked())
        self.has_signed.setText(_tr("Tanggal &NPHD (wajib)") if hibah else _tr("Tanggal &NPHD"))

    def typed(self) -> Sequence[str]:
        return self.reference.text(), self.pagu.text(), self.note.text()

    def fields(self) -> tuple[object, ...]:
        signed = self.has_signed.isChecked() and self.source_box.currentData() == "hibah"
        return (
            self.source_box.currentData(),
            self.reference.text().strip(),
            picked(self.signed_on) if signed else None,
            self.pagu.text().strip(),
            self.note.text().strip(),
        )

    def value(self, unit_id: int) -> AllocationValue:
        """What was typed, as an allocation of ``unit_id`` (a pagu not in whole rupiah is
        refused: ``InvalidValue``)."""
        source, reference, signed_on, pagu, note = self.fields()
        return AllocationValue(
            unit_id,
            str(source),
            parse_rupiah(str(pagu), "pagu"),
            str(reference),
            signed_on if isinstance(signed_on, date) else None,
            str(note),
        )

    def fill(self, row: Allocation) -> None:
        self.source_box.setCurrentIndex(self.source_box.findData(row.source))
        self.reference.setText(row.reference or "")
        self.has_signed.setChecked(row.signed_on is not None)
        if row.signed_on is not None:
            self.signed_on.setDate(qdate(row.signed_on))
        self.pagu.setText(typed_rupiah(row.pagu))
        self.note.setText(row.note or "")

    def clear(self) -> None:
        self.reference.clear()
        self.pagu.clear()
        self.note.clear()
        self.has_signed.setChecked(False)
