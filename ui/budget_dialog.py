"""The budget of one unit (Ubah > Anggaran…): its need, pagu and realisation rolled up its
tree (``budget.budget_by_unit``), its own allocations (source, reference, signed on, pagu,
realised, remaining) and the payments from the chosen one; a form records a payment
(realisasi): date, amount in whole rupiah ("25.000.000" or "25000000") and description.

A payment past the allocation's pagu is refused by the core in one sentence
(``budget.over_pagu``), shown here with nothing saved. A saved payment goes on the window's
history: undo removes it (``ui.visits_dialog.ReadinessForm`` runs the writes and the undo).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QSize, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from opscenter.actor import Actor
from opscenter.errors import InvalidValue
from opscenter.model import Operation
from opscenter.operations import local_today
from opscenter.readiness import budget
from opscenter.readiness.budget import (
    Allocation,
    BudgetFigures,
    Realisation,
    RealisationValue,
    rupiah_text,
    source_name,
)
from opscenter.store import Store
from ui import theme
from ui.screen_fit import fit_to_screen
from ui.table_model import TableModel
from ui.visits_dialog import (
    FormTarget,
    ReadinessForm,
    date_edit,
    day_text,
    form_page,
    picked,
    qdate,
    show_rows,
    table,
)

# "25.000.000", "25000000", "Rp 25.000.000", "25 000 000": whole rupiah.
_GROUPED = re.compile(r"\d{1,3}(\.\d{3})+|\d+")


def _tr(text: str) -> str:
    return QCoreApplication.translate("BudgetDialog", text)


def parse_rupiah(text: str) -> int:
    """Whole rupiah as typed: "25.000.000" (dots between thousands), "25000000", with or
    without "Rp" and spaces. Anything else (a decimal comma, letters) is refused in the
    core's sentence for an amount that is not a whole number."""
    plain = text.strip().removeprefix("Rp").removeprefix("rp").replace(" ", "")
    if not _GROUPED.fullmatch(plain):
        raise InvalidValue(field="amount", value=text.strip(), reason="not_whole_number")
    return int(plain.replace(".", ""))


@dataclass(frozen=True, slots=True)
class BudgetRead:
    unit_id: int
    today: date
    figures: BudgetFigures | None
    allocations: tuple[Allocation, ...]
    payments: tuple[Realisation, ...]  # of the unit's allocations, newest first


def read_budget(store: Store, operation_id: int, unit_id: int, now: datetime) -> BudgetRead:
    with store.read() as s:
        op = s.get_one(Operation, operation_id)
        figures = budget.budget_by_unit(s, operation_id).get(unit_id)
        own = budget.allocations(s, operation_id, unit_id)
        ids = {a.id for a in own}
        paid = tuple(r for r in budget.realisations(s, operation_id) if r.allocation_id in ids)
        return BudgetRead(unit_id, local_today(op, now), figures, own, paid)


class AllocationColumn(IntEnum):
    SOURCE = 0
    REFERENCE = 1
    SIGNED = 2
    PAGU = 3
    REALISED = 4
    LEFT = 5


class AllocationsModel(TableModel[Allocation]):
    columns = AllocationColumn
    align_headers = True

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(key=lambda a: a.id, parent=parent)
        self.lang = lang

    def headers(self) -> Sequence[tuple[str, str]]:
        return (
            (_tr("Sumber"), ""),
            (_tr("Nomor"), _tr("Nomor DIPA atau NPHD")),
            (_tr("Tanggal"), _tr("Tanggal NPHD ditandatangani")),
            (_tr("Pagu"), ""),
            (_tr("Realisasi"), ""),
            (_tr("Sisa"), _tr("Pagu dikurangi realisasi")),
        )

    def is_text(self, column: int) -> bool:
        return column <= AllocationColumn.SIGNED

    def value(self, row: Allocation, column: int) -> str | int:
        if column == AllocationColumn.SOURCE:
            return source_name(row.source, self.lang)
        if column == AllocationColumn.REFERENCE:
            return row.reference or ""
        if column == AllocationColumn.SIGNED:
            return day_text(self._locale, row.signed_on) if row.signed_on else ""
        amount = {
            AllocationColumn.PAGU: row.pagu,
            AllocationColumn.REALISED: row.realised,
            AllocationColumn.LEFT: row.pagu - row.realised,
        }[AllocationColumn(column)]
        return rupiah_text(amount, self.lang)


class PaymentColumn(IntEnum):
    DATE = 0
    AMOUNT = 1
    DESCRIPTION = 2


class PaymentsModel(TableModel[Realisation]):
    columns = PaymentColumn

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(key=lambda r: r.id, parent=parent)
        self.lang = lang

    def headers(self) -> Sequence[tuple[str, str]]:
        return ((_tr("Tanggal"), ""), (_tr("Jumlah"), ""), (_tr("Uraian"), ""))

    def is_text(self, column: int) -> bool:
        return column != PaymentColumn.AMOUNT

    def value(self, row: Realisation, column: int) -> str | int:
        if column == PaymentColumn.DATE:
            return day_text(self._locale, row.paid_on)
        if column == PaymentColumn.AMOUNT:
            return rupiah_text(row.amount, self.lang)
        return row.description

    def extra(self, row: Realisation, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == PaymentColumn.DESCRIPTION:
            return row.description
        return None


class BudgetDialog(ReadinessForm):
    """The budget of one unit (see the module docstring)."""

    def __init__(
        self,
        store: Store,
        actor: Actor,
        target: FormTarget,
        *,
        undo_stack: QUndoStack,
        clock: Callable[[], datetime],
        parent: QWidget,
    ) -> None:
        super().__init__(
            store,
            actor,
            target,
            undo_stack=undo_stack,
            clock=clock,
            parent=parent,
            name="budgetDialog",
            title=_tr("Anggaran satuan"),
        )
        self.unsaved_text = _tr("Realisasi yang diketik belum disimpan.")
        self._read: BudgetRead | None = None
        self._date_set = False
        self._select: int | None = None

        self.summary = QLabel(self)
        self.summary.setObjectName("budgetSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        # Figures, the "pagu kurang" badge and the note under them: three lines, always room.
        self.summary.setMinimumHeight(self.summary.fontMetrics().lineSpacing() * 3 + 6)
        self.allocations_model = AllocationsModel(self._lang, self)
        self.allocations_model.set_locale(self._locale)
        self.allocations_view = table(
            self, "allocationsTable", self.allocations_model, (), (AllocationColumn.REFERENCE,)
        )
        self.payments_model = PaymentsModel(self._lang, self)
        self.payments_model.set_locale(self._locale)
        self.payments_view = table(
            self, "paymentsTable", self.payments_model, (PaymentColumn.DESCRIPTION,)
        )
        allocations_label = QLabel(_tr("&Pagu satuan ini (per sumber)"), self)
        allocations_label.setBuddy(self.allocations_view)
        self.payments_label = QLabel(_tr("Realisasi dari pagu &terpilih"), self)
        self.payments_label.setBuddy(self.payments_view)
        self.allocations_view.selectionModel().currentRowChanged.connect(self._chosen)

        box = QGroupBox(_tr("Realisasi baru"), self)
        page, form = form_page(box)
        QVBoxLayout(box).addWidget(page)
        self.paying_from = QLabel(page)
        self.paying_from.setWordWrap(True)
        self.paid_on = date_edit(page, "paidOn", clock().date())
        self.amount = QLineEdit(page)
        self.amount.setObjectName("paymentAmount")
        self.amount.setPlaceholderText(_tr("mis. 25.000.000"))
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.description = QLineEdit(page)
        self.description.setObjectName("paymentDescription")
        self.description.setPlaceholderText(_tr("mis. uang saku pengamanan TPS tahap I"))
        form.addRow(self.paying_from)
        form.addRow(_tr("Ta&nggal"), self.paid_on)
        form.addRow(_tr("&Jumlah (Rp)"), self.amount)
        form.addRow(_tr("Ura&ian"), self.description)
        self.add_button = QPushButton(_tr("Tambah &realisasi"), page)
        self.add_button.setObjectName("addPayment")
        self.add_button.clicked.connect(self.add_payment)
        form.addRow(self.add_button)

        lists = QVBoxLayout()
        lists.addWidget(self.summary)
        lists.addWidget(allocations_label)
        lists.addWidget(self.allocations_view, 2)
        lists.addWidget(self.payments_label)
        lists.addWidget(self.payments_view, 3)
        middle = QHBoxLayout()
        middle.addLayout(lists, 5)
        middle.addWidget(box, 2)
        self.place(None, middle)
        em = self.fontMetrics().horizontalAdvance("M")
        fit_to_screen(self, QSize(em * 100, self.fontMetrics().height() * 36))
        self.allocations_view.setColumnWidth(AllocationColumn.REFERENCE, em * 13)
        self.allocations_view.horizontalHeader().setStretchLastSection(True)
        self.reading_order(
            self.allocations_view,
            self.payments_view,
            self.paid_on,
            self.amount,
            self.description,
            self.add_button,
        )
        self._chosen_changed()
        self.reload()

    # -- reading ------------------------------------------------------------------------------

    def read(self, unit_id: int, now: datetime) -> BudgetRead:
        return read_budget(self.store, self.operation_id, unit_id, now)

    def show_read(self, read: BudgetRead) -> None:
        keep = self._select or self._current_id()
        self._select = None
        self._read = read
        if not self._date_set:
            self._date_set = True
            self.paid_on.setDate(qdate(read.today))
        self.summary.setText(self._summary(read.figures))
        show_rows(self.allocations_model, read.allocations)
        row = self.allocations_model.row_of(keep) if keep is not None else None
        if row is None and read.allocations:
            row = 0
        if row is not None:
            self.allocations_view.setCurrentIndex(self.allocations_model.index(row, 0))
        self._chosen_changed()

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
        self._chosen_changed()

    def _current_id(self) -> int | None:
        a = self.current_allocation()
        return a.id if a is not None else None

    def current_allocation(self) -> Allocation | None:
        index = self.allocations_view.currentIndex()
        return self.allocations_model.row_at(index.row()) if index.isValid() else None

    def _chosen(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._chosen_changed()

    def _chosen_changed(self) -> None:
        a = self.current_allocation()
        read = self._read
        paid = (
            [r for r in read.payments if a is not None and r.allocation_id == a.id] if read else []
        )
        show_rows(self.payments_model, paid)
        if a is None:
            self.paying_from.setText(_tr("Satuan ini belum punya pagu: tidak ada yang dibayar."))
        else:
            source = source_name(a.source, self._lang)
            reference = a.reference or ""
            # "DIPA 2024" already names its source: "Dari pagu DIPA 2024", not "DIPA DIPA 2024".
            named = reference.casefold().startswith(source.casefold())
            self.paying_from.setText(
                _tr("Dari pagu {source} {reference}: sisa {left}")
                .format(
                    source="" if named else source,
                    reference=reference,
                    left=rupiah_text(a.pagu - a.realised, self._lang),
                )
                .replace("  ", " ")
            )
        self.add_button.setEnabled(a is not None)

    # -- writing ------------------------------------------------------------------------------

    def save_current(self) -> None:
        self.add_payment()

    def add_payment(self) -> None:
        a = self.current_allocation()
        if a is None or not self.add_button.isEnabled():
            return
        try:
            amount = parse_rupiah(self.amount.text())
        except InvalidValue as error:
            self._report(error)
            return
        value = RealisationValue(a.id, picked(self.paid_on), amount, self.description.text())
        store, actor, op = self.store, self.actor, self.operation_id

        def write() -> int:
            return budget.add_realisation(store, actor, op, value)

        def saved(payment_id: int) -> None:
            ref = self.ref(payment_id)

            def forward() -> None:
                ref.id, ref.version = budget.add_realisation(store, actor, op, value), 1

            def backward() -> None:
                budget.remove_realisation(store, actor, ref.id, expected_version=ref.version)

            text = _tr("Realisasi {amount} {unit}").format(
                amount=rupiah_text(amount, self._lang), unit=self.unit_box.currentText()
            )
            self.push(text, forward, backward)
            self.amount.clear()
            self.description.clear()
            self._select = a.id
            self.amount.setFocus()

        self.submit(write, saved, self.add_button)

    # -- nothing typed is lost -----------------------------------------------------------------

    def is_dirty(self) -> bool:
        return bool(self.amount.text().strip() or self.description.text().strip())
