"""The budget of one unit (Ubah > Anggaran…), as the Bagren keeps it.

At the top the unit's need, pagu and realisation rolled up its tree
(``budget_figures.budget_by_unit``). Two pages under it:

- **Pagu dan realisasi**: the unit's own allocations (source, DIPA or NPHD number, the
  NPHD's signing date, pagu, realised, remaining) and the payments from the chosen one.
  Two forms at the side (``ui.budget_forms``): a payment (date, amount, description) and an
  allocation (source, number, signing date for a hibah, pagu, note). Each adds a new row,
  or changes the row chosen in its list ("Ubah … terpilih", or Enter on the row) or removes
  it ("Hapus … terpilih", or Del, after a question).
- **Indeks harian** (``ui.budget_index``): the operation's daily index, one row per stage
  and one column per component, each cell the rupiah per person per day and the days paid
  ("150.000 x 5"), typed cell by cell.

Amounts are typed as whole rupiah ("25.000.000" or "25000000", ``parse_rupiah``) and stay
``int`` everywhere. A refusal (a payment past the pagu, a pagu lowered below what was paid,
an allocation with payments removed, a hibah without its signing date) is said in the core's
sentence with nothing saved and what was typed kept. Every saved write goes on the window's
history (``ui.operation_form.ReadinessForm`` runs the writes, ``ui.budget_writes`` says
each write's undo and redo). What the dialog reads is ``ui.budget_read``; the tables and the
reading of typed amounts are ``ui.budget_tables``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from opscenter.errors import InvalidValue
from opscenter.readiness.budget_figures import Allocation, BudgetFigures, Realisation
from opscenter.readiness.budget_text import rupiah_text
from ui import budget_writes, theme
from ui.budget_forms import AllocationForm, PaymentForm, RowForm
from ui.budget_index import IndexPage
from ui.budget_read import BudgetRead, read_budget
from ui.budget_tables import (
    AllocationColumn,
    AllocationsModel,
    PaymentColumn,
    PaymentsModel,
    allocation_name,
    parse_rupiah,
)
from ui.confirm import confirm
from ui.form_parts import day_text, picked, qdate
from ui.form_tables import choose_row, current_row, delete_key, show_rows, table
from ui.operation_form import FormContext, FormTarget, ReadinessForm
from ui.screen_fit import fit_to_screen
from ui.translations import translator

_tr = translator("BudgetDialog")


class BudgetDialog(ReadinessForm):
    """The budget of one unit (see the module docstring)."""

    def __init__(self, ctx: FormContext, target: FormTarget) -> None:
        super().__init__(ctx, target, name="budgetDialog", title=_tr("Anggaran satuan"))
        self.unsaved_text = _tr("Isian pagu, realisasi atau indeks belum disimpan.")
        self._read: BudgetRead | None = None
        self._date_set = False
        self._select: int | None = None

        self.summary = QLabel(self)
        self.summary.setObjectName("budgetSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        # Figures, the "pagu kurang" badge and the note under them: three lines, always room.
        self.summary.setMinimumHeight(self.summary.fontMetrics().lineSpacing() * 3 + 6)
        self.pages = QTabWidget(self)
        self.pages.setObjectName("budgetPages")
        self.pages.addTab(self._money_page(), _tr("P&agu dan realisasi"))
        self.index_page = IndexPage(self)
        self.index_model, self.index_view = self.index_page.index_model, self.index_page.index_view
        self.pages.addTab(self.index_page, _tr("In&deks harian"))

        body = QVBoxLayout()
        body.addWidget(self.summary)
        body.addWidget(self.pages, 1)
        self.place(None, body)
        em = self.fontMetrics().horizontalAdvance("M")
        fit_to_screen(self, QSize(em * 100, self.fontMetrics().height() * 38))
        self.allocations_view.setColumnWidth(AllocationColumn.REFERENCE, em * 13)
        self.allocations_view.horizontalHeader().setStretchLastSection(True)
        self.reading_order(
            self.pages,
            self.allocations_view,
            self.payments_view,
            self.forms,
            self.paid_on,
            self.amount,
            self.description,
            self.add_button,
            self.cancel_payment_button,
            self.change_payment_button,
            self.remove_payment_button,
            self.source_box,
            self.reference,
            self.has_signed,
            self.signed_on,
            self.pagu,
            self.note,
            self.allocation_button,
            self.cancel_allocation_button,
            self.change_allocation_button,
            self.remove_allocation_button,
            self.index_view,
        )
        self._chosen_changed()
        self._payment_chosen()
        self.reload()

    # -- the pages ----------------------------------------------------------------------------

    def _money_page(self) -> QWidget:
        page = QWidget(self)
        self.allocations_model = AllocationsModel(self._lang, self)
        self.allocations_model.set_locale(self._locale)
        self.allocations_view = table(
            page, "allocationsTable", self.allocations_model, (), (AllocationColumn.REFERENCE,)
        )
        self.payments_model = PaymentsModel(self._lang, self)
        self.payments_model.set_locale(self._locale)
        self.payments_view = table(
            page, "paymentsTable", self.payments_model, (PaymentColumn.DESCRIPTION,)
        )
        allocations_label = QLabel(_tr("&Pagu satuan ini (per sumber)"), page)
        allocations_label.setBuddy(self.allocations_view)
        self.payments_label = QLabel(_tr("Realisasi dari pagu &terpilih"), page)
        self.payments_label.setBuddy(self.payments_view)
        self.allocations_view.selectionModel().currentRowChanged.connect(self._chosen)
        self.payments_view.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self._payment_chosen()
        )
        # Enter (or a double click) on a row loads it into its form; Del removes it.
        self.allocations_view.activated.connect(lambda _i: self.edit_allocation())
        self.payments_view.activated.connect(lambda _i: self.edit_payment())
        delete_key(self.allocations_view, self.remove_allocation)
        delete_key(self.payments_view, self.remove_payment)

        self.forms = QTabWidget(page)
        self.forms.setObjectName("budgetForms")
        self.forms.addTab(self._payment_form(), _tr("Kelola r&ealisasi"))
        self.forms.addTab(self._allocation_form(), _tr("&Kelola pagu"))

        lists = QVBoxLayout()
        lists.addWidget(allocations_label)
        lists.addWidget(self.allocations_view, 2)
        lists.addWidget(self.payments_label)
        lists.addWidget(self.payments_view, 3)
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(lists, 2)
        row.addWidget(self.forms, 1)
        return page

    def _payment_form(self) -> QWidget:
        f = self.payment_form = PaymentForm(
            self,
            self._clock().date(),
            (self.save_payment, self.new_payment, self.edit_payment, self.remove_payment),
        )
        self.paying_from, self.paid_on = f.paying_from, f.paid_on
        self.amount, self.description = f.amount, f.description
        self.add_button, self.cancel_payment_button = f.primary, f.cancel
        self.change_payment_button, self.remove_payment_button = f.change, f.remove
        return f.page

    def _allocation_form(self) -> QWidget:
        f = self.allocation_form = AllocationForm(
            self,
            self._lang,
            self._clock().date(),
            (
                self.save_allocation,
                self.new_allocation,
                self.edit_allocation,
                self.remove_allocation,
            ),
        )
        self.allocation_for, self.source_box = f.allocation_for, f.source_box
        self.reference, self.has_signed, self.signed_on = f.reference, f.has_signed, f.signed_on
        self.pagu, self.note = f.pagu, f.note
        self.allocation_button, self.cancel_allocation_button = f.primary, f.cancel
        self.change_allocation_button, self.remove_allocation_button = f.change, f.remove
        return f.page

    # -- reading ------------------------------------------------------------------------------

    def read(self, unit_id: int, now: datetime) -> BudgetRead:
        return read_budget(self.store, self.operation_id, unit_id, now, self._lang)

    def show_read(self, read: BudgetRead) -> None:
        keep = self._select or self._current_id()
        self._select = None
        self._read = read
        if not self._date_set:
            self._date_set = True
            self.paid_on.setDate(qdate(read.today))
            self.signed_on.setDate(qdate(read.today))
        self.summary.setText(self._summary(read.figures))
        show_rows(self.allocations_model, read.allocations)
        choose_row(self.allocations_view, self.allocations_model, keep)
        self._chosen_changed()
        self.index_model.set_index(read.components, read.index)

    def _summary(self, f: BudgetFigures | None) -> str:
        if f is None:
            return _tr("Satuan ini tidak memegang anggaran.")
        lang = self._lang
        left = f.pagu - f.realised
        parts = [
            _tr("Kebutuhan <b>{need}</b>").format(need=rupiah_text(f.need, lang)),
            _tr("Pagu <b>{pagu}</b>").format(pagu=rupiah_text(f.pagu, lang)),
            _tr("Realisasi <b>{paid}</b>").format(paid=rupiah_text(f.realised, lang)),
            _tr("Sisa pagu <b>{left}</b>").format(left=rupiah_text(left, lang)),
        ]
        text = " · ".join(parts)
        if f.pagu < f.need:
            short = rupiah_text(f.need - f.pagu, lang)
            text += "<br>" + theme.badge_html(
                theme.DEFICIT, _tr("Pagu kurang {short} dari kebutuhan").format(short=short)
            )
        return text + "<br><small>" + _tr("termasuk satuan di bawahnya") + "</small>"

    def unit_changed(self) -> None:
        self.allocations_model.reset_rows(())
        self.payments_model.reset_rows(())
        self.summary.clear()
        # A row loaded into a form was the other unit's: back to adding, unless changed.
        if self.payment_form.row is not None and not self.payment_form.dirty():
            self.new_payment()
        if self.allocation_form.row is not None and not self.allocation_form.dirty():
            self.new_allocation()
        self._chosen_changed()

    def _current_id(self) -> int | None:
        a = self.current_allocation()
        return a.id if a is not None else None

    def current_allocation(self) -> Allocation | None:
        return current_row(self.allocations_view, self.allocations_model)

    def current_payment(self) -> Realisation | None:
        return current_row(self.payments_view, self.payments_model)

    def _chosen(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._chosen_changed()

    def _chosen_changed(self) -> None:
        a = self.current_allocation()
        read = self._read
        paid = (
            [r for r in read.payments if a is not None and r.allocation_id == a.id] if read else []
        )
        show_rows(self.payments_model, paid)
        editing = self.payment_form.row
        if editing is not None:
            self.paying_from.setText(
                _tr("Mengubah realisasi {day} sebesar {amount}").format(
                    day=day_text(self._locale, editing.paid_on),
                    amount=rupiah_text(editing.amount, self._lang),
                )
            )
        elif a is None:
            self.paying_from.setText(_tr("Satuan ini belum punya pagu: tidak ada yang dibayar."))
        else:
            self.paying_from.setText(
                _tr("Dari pagu {allocation}: sisa {left}").format(
                    allocation=allocation_name(a, self._lang),
                    left=rupiah_text(a.pagu - a.realised, self._lang),
                )
            )
        self.add_button.setEnabled(a is not None or editing is not None)
        self.change_allocation_button.setEnabled(a is not None)
        self.remove_allocation_button.setEnabled(a is not None)
        chosen = self.allocation_form.row
        if chosen is not None:
            self.allocation_for.setText(
                _tr("Mengubah pagu {allocation}").format(
                    allocation=allocation_name(chosen, self._lang)
                )
            )
        else:
            self.allocation_for.setText(
                _tr("Pagu baru untuk {unit}").format(unit=self.unit_box.currentText())
            )
        self._payment_chosen()

    def _payment_chosen(self) -> None:
        chosen = self.current_payment() is not None
        self.change_payment_button.setEnabled(chosen)
        self.remove_payment_button.setEnabled(chosen)

    # -- the forms ----------------------------------------------------------------------------

    def _load(self, form: RowForm[Any], page: int, row: object | None) -> None:
        """``row`` (chosen in its list) into ``form`` on tab ``page``, to change it; typed
        input in the form is replaced only when the question says so."""
        if row is None:
            return
        if form.dirty() and not confirm(
            self,
            _tr("Ganti isian"),
            _tr("Isian yang diketik belum disimpan dan diganti dengan baris terpilih."),
            _tr("&Ganti"),
        ):
            return
        self.forms.setCurrentIndex(page)
        form.load(row)
        self._chosen_changed()
        form.focus.setFocus()

    def new_payment(self) -> None:
        """Back to adding a payment: the form emptied (the date back to today after a
        payment was changed; after one is added it stays, for the next of that day)."""
        if self.payment_form.row is not None and self._read is not None:
            self.paid_on.setDate(qdate(self._read.today))
        self.payment_form.new()
        self._chosen_changed()

    def edit_payment(self) -> None:
        """The payment chosen in the list into the form, to change it."""
        self._load(self.payment_form, 0, self.current_payment())

    def new_allocation(self) -> None:
        self.allocation_form.new()
        self._chosen_changed()

    def edit_allocation(self) -> None:
        self._load(self.allocation_form, 1, self.current_allocation())

    # -- writing ------------------------------------------------------------------------------

    def save_current(self) -> None:
        """Ctrl+Enter: the form shown (an index cell being typed is committed)."""
        if self.pages.currentIndex() == 1:
            editor = QApplication.focusWidget()
            view = self.index_view
            if view.state() == QAbstractItemView.State.EditingState and editor is not None:
                view.commitData(editor)
                view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            return
        (self.save_payment, self.save_allocation)[self.forms.currentIndex()]()

    def save_payment(self) -> None:
        """Add the payment typed, or change the one loaded into the form."""
        editing = self.payment_form.row
        chosen = self.current_allocation()
        allocation = editing.allocation_id if editing is not None else chosen and chosen.id
        if not allocation or not self.add_button.isEnabled():
            return
        try:
            amount = parse_rupiah(self.amount.text())
        except InvalidValue as error:
            self._report(error)
            return
        typed = (picked(self.paid_on), amount, self.description.text())

        def done(*_: object) -> None:
            self.new_payment()
            self._select = allocation
            self.amount.setFocus()

        unit = self.unit_box.currentText()
        budget_writes.save_payment(self, editing, allocation, typed, unit, self.add_button, done)

    def remove_payment(self) -> None:
        """Remove the payment chosen in the list, after a question."""
        p = self.current_payment()
        if p is None:
            return
        a = self.allocations_model.find(p.allocation_id)
        what = _tr(
            "Realisasi {amount} tanggal {day} ({description}) dari pagu {allocation}"
        ).format(
            amount=rupiah_text(p.amount, self._lang),
            day=day_text(self._locale, p.paid_on),
            description=p.description,
            allocation=allocation_name(a, self._lang) if a is not None else "",
        )
        if not confirm(
            self,
            _tr("Hapus realisasi"),
            what + _tr(" dihapus."),
            _tr("&Hapus"),
            _tr("Bisa diurungkan dengan Ctrl+Z."),
        ):
            return

        def done() -> None:
            if self.payment_form.row is not None and self.payment_form.row.id == p.id:
                self.new_payment()
            self._select = p.allocation_id

        budget_writes.remove_payment(self, p, self.remove_payment_button, done)

    def save_allocation(self) -> None:
        """Add the pagu typed, or change the one loaded into the form."""
        unit_id = self.unit_id
        editing = self.allocation_form.row
        if unit_id is None:
            return
        try:
            value = self.allocation_form.value(editing.unit_id if editing is not None else unit_id)
        except InvalidValue as error:
            self._report(error)
            return

        def done(*selected: int) -> None:
            self.new_allocation()
            self._select = selected[0] if selected else None
            self.pagu.setFocus()

        unit, button = self.unit_box.currentText(), self.allocation_button
        budget_writes.save_allocation(self, editing, value, unit, button, done)

    def remove_allocation(self) -> None:
        """Remove the chosen allocation, after a question. One with payments is not asked
        about: the core refuses it in its sentence (money paid does not vanish)."""
        a = self.current_allocation()
        if a is None:
            return
        paid = self._read is not None and any(r.allocation_id == a.id for r in self._read.payments)
        if not paid and not confirm(
            self,
            _tr("Hapus pagu"),
            _tr("Pagu {allocation} sebesar {pagu} dihapus dari {unit}.").format(
                allocation=allocation_name(a, self._lang),
                pagu=rupiah_text(a.pagu, self._lang),
                unit=self.unit_box.currentText(),
            ),
            _tr("&Hapus"),
            _tr("Bisa diurungkan dengan Ctrl+Z."),
        ):
            return

        def done() -> None:
            if self.allocation_form.row is not None and self.allocation_form.row.id == a.id:
                self.new_allocation()

        budget_writes.remove_allocation(self, a, self.remove_allocation_button, done)

    # -- nothing typed is lost ----------------------------------------------------------------

    def _dirty_place(self) -> tuple[int, int] | None:
        """(page, form) holding typed input: the payment form, the allocation form, an
        index cell being typed; None when nothing is."""
        if self.payment_form.dirty():
            return 0, 0
        if self.allocation_form.dirty():
            return 0, 1
        if self.index_view.state() == QAbstractItemView.State.EditingState:
            return 1, 0
        return None

    def is_dirty(self) -> bool:
        return self._dirty_place() is not None

    def save_input(self) -> bool:
        place = self._dirty_place()
        if place is not None:
            self.pages.setCurrentIndex(place[0])
            self.forms.setCurrentIndex(place[1])
            self.save_current()
        return False  # closes once saved (``may_close`` waits for the write)
