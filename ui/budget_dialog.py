"""The budget of one unit (Ubah > Anggaran…), as the Bagren keeps it.

At the top the unit's need, pagu and realisation rolled up its tree
(``budget.budget_by_unit``). Two pages under it:

- **Pagu dan realisasi**: the unit's own allocations (source, DIPA or NPHD number, the
  NPHD's signing date, pagu, realised, remaining) and the payments from the chosen one.
  Two forms at the side: a payment (date, amount, description) and an allocation (source,
  number, signing date for a hibah, pagu, note). Each adds a new row, or changes the row
  chosen in its list ("Ubah … terpilih", or Enter on the row) or removes it ("Hapus …
  terpilih", or Del, after a question).
- **Indeks harian**: the operation's daily index, one row per stage and one column per
  component (uang saku, uang makan, angkut logistik, kesehatan), each cell the rupiah per
  person per day and the days paid ("150.000 x 5"); beside them the unit's personnel in that
  stage and the need it gives. A cell typed and Enter is saved (``budget.set_index``); a
  cell emptied removes that index row (``budget.clear_index``).

Amounts are typed as whole rupiah ("25.000.000" or "25000000", ``parse_rupiah``) and stay
``int`` everywhere. A refusal (a payment past the pagu, a pagu lowered below what was paid,
an allocation with payments removed, a hibah without its signing date) is said in the core's
sentence with nothing saved and what was typed kept. Every saved write goes on the window's
history (``ui.operation_form.ReadinessForm`` runs the writes, their undo and redo). The
tables and the reading of typed amounts are ``ui.budget_tables``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from opscenter import operations
from opscenter.errors import InvalidValue
from opscenter.model import BUDGET_SOURCES, BudgetComponent, Operation
from opscenter.operations import local_today
from opscenter.readiness import budget
from opscenter.readiness.budget import (
    Allocation,
    AllocationValue,
    BudgetFigures,
    IndexEntry,
    Realisation,
    RealisationValue,
    rupiah_text,
    source_name,
)
from opscenter.reference import items, label
from opscenter.store import Store
from ui import theme
from ui.budget_tables import (
    AllocationColumn,
    AllocationsModel,
    IndexColumn,
    IndexModel,
    IndexRow,
    PaymentColumn,
    PaymentsModel,
    index_text,
    parse_index,
    parse_rupiah,
    typed_rupiah,
)
from ui.confirm import confirm
from ui.form_parts import (
    button_row,
    date_edit,
    day_text,
    field,
    form_page,
    picked,
    push_button,
    qdate,
)
from ui.form_tables import choose_row, current_row, delete_key, show_rows, table, typed_cells
from ui.operation_form import FormContext, FormTarget, ReadinessForm, Ref
from ui.screen_fit import fit_to_screen
from ui.translations import translator

V = TypeVar("V")


_tr = translator("BudgetDialog")


# --- what the dialog reads -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BudgetRead:
    unit_id: int
    today: date
    figures: BudgetFigures | None
    allocations: tuple[Allocation, ...]
    payments: tuple[Realisation, ...]  # of the unit's allocations, newest first
    components: tuple[tuple[int, str], ...]
    index: tuple[IndexRow, ...]


def read_budget(
    store: Store, operation_id: int, unit_id: int, now: datetime, lang: str = "id"
) -> BudgetRead:
    with store.read() as s:
        op = s.get_one(Operation, operation_id)
        entries = budget.index_entries(s, operation_id)
        people = budget.personnel_by_stage(s, operation_id, {e.stage_id for e in entries})
        figures = budget.budget_by_unit(s, operation_id, personnel=people).get(unit_id)
        own = budget.allocations(s, operation_id, unit_id)
        ids = {a.id for a in own}
        paid = tuple(r for r in budget.realisations(s, operation_id) if r.allocation_id in ids)
        components = tuple(
            (c.id, label(c.name, c.name_en, lang)) for c in items(s, BudgetComponent, op.id)
        )
        found = {(e.stage_id, e.component_id): e for e in entries}
        rows = []
        for stage in operations.stages(s, operation_id):
            cells = tuple(found.get((stage.id, cid)) for cid, _ in components)
            n = people[stage.id].get(unit_id, 0) if stage.id in people else None
            length = (
                (stage.ends_on - stage.starts_on).days + 1
                if stage.starts_on is not None and stage.ends_on is not None
                else None
            )
            need = sum((n or 0) * c.days * c.daily_rupiah for c in cells if c is not None)
            name = label(stage.name, stage.name_en, lang)
            rows.append(IndexRow(stage.id, name, length, cells, n, need))
        return BudgetRead(
            unit_id, local_today(op, now), figures, own, paid, components, tuple(rows)
        )


# --- the dialog ------------------------------------------------------------------------------


class RowForm:
    """The buttons of a side form that adds a new row, or changes the row loaded into it
    from its list (``edit``): the main button says which, "Batal ubah" goes back to adding,
    and "Ubah" and "Hapus" act on the row chosen in the list. What was typed is, when
    adding, any text at all, and when changing, fields that differ from the row as loaded."""

    def __init__(
        self,
        page: QWidget,
        form: QFormLayout,
        name: str,
        add_text: str,
        chosen: str,
        slots: tuple[
            Callable[[], None], Callable[[], None], Callable[[], None], Callable[[], None]
        ],
    ) -> None:
        save, cancel, change, remove = slots
        self.add_text, self.save_text = add_text, _tr("Si&mpan perubahan")
        self.primary = push_button(page, "", name + "Save", save)
        self.cancel = push_button(page, _tr("Bata&l ubah"), name + "Cancel", cancel)
        form.addRow(button_row(self.primary, self.cancel))
        box = QGroupBox(chosen, page)
        self.change = push_button(box, _tr("U&bah"), name + "Change", change)
        self.remove = push_button(box, _tr("&Hapus"), name + "Remove", remove)
        box.setLayout(button_row(self.change, self.remove))
        form.addRow(box)
        self.row: Any = None
        self.start: tuple[object, ...] = ()
        self.new()

    def new(self) -> None:
        self.row, self.start = None, ()
        self.primary.setText(self.add_text)
        self.cancel.hide()

    def edit(self, row: object, start: tuple[object, ...]) -> None:
        self.row, self.start = row, start
        self.primary.setText(self.save_text)
        self.cancel.show()

    def dirty(self, typed: Sequence[str], whole: tuple[object, ...]) -> bool:
        if self.row is None:
            return any(t.strip() for t in typed)
        return whole != self.start


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
        self.pages.addTab(self._index_page(), _tr("In&deks harian"))

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
        self._source_picked()
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
        page, form = form_page(self)
        self.paying_from = QLabel(page)
        self.paying_from.setWordWrap(True)
        self.paid_on = date_edit(page, "paidOn", self._clock().date())
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
        self.payment_form = RowForm(
            page,
            form,
            "payment",
            _tr("Tambah &realisasi"),
            _tr("Realisasi terpilih di daftar"),
            (self.save_payment, self.new_payment, self.edit_payment, self.remove_payment),
        )
        self.add_button = self.payment_form.primary
        self.cancel_payment_button = self.payment_form.cancel
        self.change_payment_button = self.payment_form.change
        self.remove_payment_button = self.payment_form.remove
        return page

    def _allocation_form(self) -> QWidget:
        page, form = form_page(self)
        self.allocation_for = QLabel(page)
        self.allocation_for.setWordWrap(True)
        self.source_box = QComboBox(page)
        self.source_box.setObjectName("allocationSource")
        for code in BUDGET_SOURCES:
            self.source_box.addItem(source_name(code, self._lang), code)
        self.source_box.currentIndexChanged.connect(lambda _i: self._source_picked())
        self.reference = field(
            page, "allocationReference", hint=_tr("mis. NPHD 900/123/BPKAD/2024"), window_undo=True
        )
        self.has_signed = QCheckBox(_tr("Tanggal &NPHD"), page)
        self.has_signed.setObjectName("allocationHasSigned")
        self.signed_on = date_edit(page, "allocationSigned", self._clock().date())
        self.has_signed.toggled.connect(lambda _on: self._source_picked())
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
        self.allocation_form = RowForm(
            page,
            form,
            "allocation",
            _tr("Ta&mbah pagu"),
            _tr("Pagu terpilih di daftar"),
            (
                self.save_allocation,
                self.new_allocation,
                self.edit_allocation,
                self.remove_allocation,
            ),
        )
        self.allocation_button = self.allocation_form.primary
        self.cancel_allocation_button = self.allocation_form.cancel
        self.change_allocation_button = self.allocation_form.change
        self.remove_allocation_button = self.allocation_form.remove
        return page

    def _index_page(self) -> QWidget:
        page = QWidget(self)
        self.index_model = IndexModel(self._lang, self)
        self.index_model.set_locale(self._locale)
        self.index_view = table(page, "indexTable", self.index_model, (IndexColumn.STAGE,))
        typed_cells(self.index_view)
        # Queued: a cell emptied asks first, which must not run inside the editor's commit.
        self.index_model.edit_requested.connect(self.save_index, Qt.ConnectionType.QueuedConnection)
        delete_key(self.index_view, self.clear_index)
        heading = QLabel(
            _tr(
                "&Indeks harian operasi, berlaku untuk semua satuan: rupiah per orang per hari "
                "\u00d7 hari dibayar. Personel dan kebutuhan: satuan terpilih."
            ),
            page,
        )
        heading.setWordWrap(True)
        heading.setBuddy(self.index_view)
        how = QLabel(
            _tr(
                "Ketik mis. 150.000 x 5 lalu Enter (tanpa \u201cx hari\u201d: hari tahapan itu) "
                "\u00b7 Del mengosongkan sel: komponen itu tidak dibayar pada tahapan itu"
            ),
            page,
        )
        how.setWordWrap(True)
        how.setStyleSheet(f"color: {theme.MUTED.name()};")
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(heading)
        column.addWidget(self.index_view, 1)
        column.addWidget(how)
        return page

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
        if self.payment_form.row is not None and not self._payment_dirty():
            self.new_payment()
        if self.allocation_form.row is not None and not self._allocation_dirty():
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

    def _allocation_name(self, a: Allocation) -> str:
        """ "DIPA 042", "hibah daerah NPHD 900/…": "DIPA 2024" already names its source."""
        source = source_name(a.source, self._lang)
        reference = a.reference or ""
        named = reference.casefold().startswith(source.casefold())
        return reference if named else f"{source} {reference}".strip()

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
                    allocation=self._allocation_name(a),
                    left=rupiah_text(a.pagu - a.realised, self._lang),
                )
            )
        self.add_button.setEnabled(a is not None or editing is not None)
        self.change_allocation_button.setEnabled(a is not None)
        self.remove_allocation_button.setEnabled(a is not None)
        chosen = self.allocation_form.row
        if chosen is not None:
            self.allocation_for.setText(
                _tr("Mengubah pagu {allocation}").format(allocation=self._allocation_name(chosen))
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

    def _source_picked(self) -> None:
        """The signing date is the NPHD's: asked for a hibah (the core requires it there),
        not for DIPA or another source."""
        hibah = self.source_box.currentData() == "hibah"
        self.has_signed.setEnabled(hibah)
        self.signed_on.setEnabled(hibah and self.has_signed.isChecked())
        self.has_signed.setText(_tr("Tanggal &NPHD (wajib)") if hibah else _tr("Tanggal &NPHD"))

    # -- the forms' fields --------------------------------------------------------------------

    def _payment_fields(self) -> tuple[object, ...]:
        return (picked(self.paid_on), self.amount.text().strip(), self.description.text().strip())

    def _payment_dirty(self) -> bool:
        typed = (self.amount.text(), self.description.text())
        return self.payment_form.dirty(typed, self._payment_fields())

    def _allocation_fields(self) -> tuple[object, ...]:
        signed = self.has_signed.isChecked() and self.source_box.currentData() == "hibah"
        return (
            self.source_box.currentData(),
            self.reference.text().strip(),
            picked(self.signed_on) if signed else None,
            self.pagu.text().strip(),
            self.note.text().strip(),
        )

    def _allocation_dirty(self) -> bool:
        typed = (self.reference.text(), self.pagu.text(), self.note.text())
        return self.allocation_form.dirty(typed, self._allocation_fields())

    def _allocation_value(self, unit_id: int) -> AllocationValue:
        source, reference, signed_on, pagu, note = self._allocation_fields()
        return AllocationValue(
            unit_id,
            str(source),
            parse_rupiah(str(pagu), "pagu"),
            str(reference),
            signed_on if isinstance(signed_on, date) else None,
            str(note),
        )

    def _loading_replaces_typing(self, dirty: bool) -> bool:
        """Whether a row may be loaded into a form holding typed input (asked first)."""
        return not dirty or confirm(
            self,
            _tr("Ganti isian"),
            _tr("Isian yang diketik belum disimpan dan diganti dengan baris terpilih."),
            _tr("&Ganti"),
        )

    def new_payment(self) -> None:
        """Back to adding a payment: the form emptied (the date back to today after a
        payment was changed; after one is added it stays, for the next of that day)."""
        if self.payment_form.row is not None and self._read is not None:
            self.paid_on.setDate(qdate(self._read.today))
        self.payment_form.new()
        self.amount.clear()
        self.description.clear()
        self._chosen_changed()

    def edit_payment(self) -> None:
        """The payment chosen in the list into the form, to change it."""
        p = self.current_payment()
        if p is None or not self._loading_replaces_typing(self._payment_dirty()):
            return
        self.forms.setCurrentIndex(0)
        self.paid_on.setDate(qdate(p.paid_on))
        self.amount.setText(typed_rupiah(p.amount))
        self.description.setText(p.description)
        self.payment_form.edit(p, self._payment_fields())
        self._chosen_changed()
        self.amount.setFocus()

    def new_allocation(self) -> None:
        self.allocation_form.new()
        self.reference.clear()
        self.pagu.clear()
        self.note.clear()
        self.has_signed.setChecked(False)
        self._chosen_changed()

    def edit_allocation(self) -> None:
        a = self.current_allocation()
        if a is None or not self._loading_replaces_typing(self._allocation_dirty()):
            return
        self.forms.setCurrentIndex(1)
        self.source_box.setCurrentIndex(self.source_box.findData(a.source))
        self.reference.setText(a.reference or "")
        self.has_signed.setChecked(a.signed_on is not None)
        if a.signed_on is not None:
            self.signed_on.setDate(qdate(a.signed_on))
        self.pagu.setText(typed_rupiah(a.pagu))
        self.note.setText(a.note or "")
        self.allocation_form.edit(a, self._allocation_fields())
        self._chosen_changed()
        self.pagu.setFocus()

    # -- writing: the three kinds of step -----------------------------------------------------

    def add_row(
        self,
        kind: str,
        add: Callable[[], int],
        remove: Callable[[int, int], object],
        text: str,
        button: QPushButton,
        after: Callable[[int], None],
    ) -> None:
        """Save a new row (``add`` returns its id); undo is ``remove(id, version)``, redo
        adds it anew (a new id, which the history's ``Ref`` follows)."""

        def saved(row_id: int) -> None:
            ref = self.ref(row_id, kind)

            def forward() -> None:
                ref.id, ref.version = add(), 1

            def backward() -> None:
                remove(ref.id, ref.version)

            self.push(text, forward, backward)
            after(row_id)

        self.submit(add, saved, button)

    def change_row(
        self,
        ref: Ref,
        shown: int,
        change: Callable[[V, int], int],
        to: V,
        before: V,
        text: str,
        button: QPushButton,
        after: Callable[[], None],
    ) -> None:
        """Change the row of ``ref`` from ``before`` to ``to`` where the screen showed
        version ``shown`` (``change(value, expected_version)`` returns the new version);
        undo and redo change it back and forth."""

        def write() -> int:
            ref.version = change(to, shown)
            return ref.version

        def saved(_version: int) -> None:
            def step(value: V) -> Callable[[], None]:
                def run() -> None:
                    ref.version = change(value, ref.version)

                return run

            self.push(text, step(to), step(before))
            after()

        self.submit(write, saved, button)

    def remove_row(
        self,
        ref: Ref,
        shown: int,
        remove: Callable[[int], object],
        add_again: Callable[[], int],
        text: str,
        button: QPushButton | None,
        after: Callable[[], None],
    ) -> None:
        """Remove the row of ``ref`` where the screen showed version ``shown``
        (``remove(expected_version)``); undo adds it again (``add_again`` returns the new
        id), redo removes that one."""

        def write() -> None:
            remove(shown)
            ref.version = shown

        def saved(_none: None) -> None:
            def forward() -> None:
                remove(ref.version)

            def backward() -> None:
                ref.id, ref.version = add_again(), 1

            self.push(text, forward, backward)
            after()

        self.submit(write, saved, button)

    # -- writing: payments --------------------------------------------------------------------

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
        editing: Realisation | None = self.payment_form.row
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
        store, actor, op = self.store, self.actor, self.operation_id
        # The allocation's id as it is when a step runs (undo and redo can make it anew).
        from_ref = self.ref(allocation, "allocation")

        def done(*_: object) -> None:
            self.new_payment()
            self._select = allocation
            self.amount.setFocus()

        if editing is None:

            def add() -> int:
                value = RealisationValue(from_ref.id, *typed)
                return budget.add_realisation(store, actor, op, value)

            def remove(row_id: int, version: int) -> None:
                budget.remove_realisation(store, actor, row_id, expected_version=version)

            text = _tr("Realisasi {amount} {unit}").format(
                amount=rupiah_text(amount, self._lang), unit=self.unit_box.currentText()
            )
            self.add_row("payment", add, remove, text, self.add_button, done)
            return
        p = editing
        ref = self.ref(p.id, "payment")

        def change(v: tuple[date, int, str], version: int) -> int:
            value = RealisationValue(from_ref.id, *v, p.component_id, p.stage_id)
            return budget.change_realisation(store, actor, ref.id, value, expected_version=version)

        text = _tr("Ubah realisasi {day} {amount}").format(
            day=day_text(self._locale, typed[0]), amount=rupiah_text(amount, self._lang)
        )
        before = (p.paid_on, p.amount, p.description)
        self.change_row(ref, p.version, change, typed, before, text, self.add_button, done)

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
            allocation=self._allocation_name(a) if a is not None else "",
        )
        if not confirm(
            self,
            _tr("Hapus realisasi"),
            what + _tr(" dihapus."),
            _tr("&Hapus"),
            _tr("Bisa dibatalkan dengan Ctrl+Z."),
        ):
            return
        store, actor, op = self.store, self.actor, self.operation_id
        ref = self.ref(p.id, "payment")
        from_ref = self.ref(p.allocation_id, "allocation")

        def remove(version: int) -> None:
            budget.remove_realisation(store, actor, ref.id, expected_version=version)

        def add_again() -> int:
            value = RealisationValue(
                from_ref.id, p.paid_on, p.amount, p.description, p.component_id, p.stage_id
            )
            return budget.add_realisation(store, actor, op, value)

        def done() -> None:
            if self.payment_form.row is not None and self.payment_form.row.id == p.id:
                self.new_payment()
            self._select = p.allocation_id

        text = _tr("Hapus realisasi {amount}").format(amount=rupiah_text(p.amount, self._lang))
        self.remove_row(ref, p.version, remove, add_again, text, self.remove_payment_button, done)

    # -- writing: allocations -----------------------------------------------------------------

    def save_allocation(self) -> None:
        """Add the pagu typed, or change the one loaded into the form."""
        unit_id = self.unit_id
        editing: Allocation | None = self.allocation_form.row
        if unit_id is None:
            return
        try:
            value = self._allocation_value(editing.unit_id if editing is not None else unit_id)
        except InvalidValue as error:
            self._report(error)
            return
        store, actor, op = self.store, self.actor, self.operation_id

        def done(*selected: int) -> None:
            self.new_allocation()
            self._select = selected[0] if selected else None
            self.pagu.setFocus()

        if editing is None:

            def add() -> int:
                return budget.add_allocation(store, actor, op, value)

            def remove(row_id: int, version: int) -> None:
                budget.remove_allocation(store, actor, row_id, expected_version=version)

            text = _tr("Pagu {source} {amount} {unit}").format(
                source=source_name(value.source, self._lang),
                amount=rupiah_text(value.pagu, self._lang),
                unit=self.unit_box.currentText(),
            )
            self.add_row("allocation", add, remove, text, self.allocation_button, done)
            return
        ref = self.ref(editing.id, "allocation")

        def change(v: AllocationValue, version: int) -> int:
            return budget.change_allocation(store, actor, ref.id, v, expected_version=version)

        text = _tr("Ubah pagu {allocation}").format(allocation=self._allocation_name(editing))
        before = allocation_value(editing)
        self.change_row(
            ref, editing.version, change, value, before, text, self.allocation_button, done
        )

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
                allocation=self._allocation_name(a),
                pagu=rupiah_text(a.pagu, self._lang),
                unit=self.unit_box.currentText(),
            ),
            _tr("&Hapus"),
            _tr("Bisa dibatalkan dengan Ctrl+Z."),
        ):
            return
        store, actor, op = self.store, self.actor, self.operation_id
        ref = self.ref(a.id, "allocation")
        before = allocation_value(a)

        def remove(version: int) -> None:
            budget.remove_allocation(store, actor, ref.id, expected_version=version)

        def add_again() -> int:
            return budget.add_allocation(store, actor, op, before)

        def done() -> None:
            if self.allocation_form.row is not None and self.allocation_form.row.id == a.id:
                self.new_allocation()

        text = _tr("Hapus pagu {allocation}").format(allocation=self._allocation_name(a))
        self.remove_row(
            ref, a.version, remove, add_again, text, self.remove_allocation_button, done
        )

    # -- writing: the daily index -------------------------------------------------------------

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
            self._report(error)
            return
        name = dict(self.index_model.components)[component_id]
        store, actor, op = self.store, self.actor, self.operation_id

        def put(to: tuple[int, int], version: int | None) -> IndexEntry:
            return budget.set_index(
                store, actor, op, component_id, row.stage_id,
                days=to[1], daily_rupiah=to[0], expected_version=version,
            )  # fmt: skip

        if typed is None:
            if before is not None:
                self._clear_index(row, name, before, put)
            return
        ref = self.ref(before.id, "index") if before is not None else None

        def write() -> IndexEntry:
            return put(typed, before.version if before is not None else None)

        def saved(stored: IndexEntry) -> None:
            mine = ref if ref is not None else self.ref(stored.id, "index")
            mine.version = stored.version

            def forward() -> None:
                entry = put(typed, mine.version if before is not None else None)
                mine.id, mine.version = entry.id, entry.version

            def backward() -> None:
                if before is None:
                    budget.clear_index(store, actor, mine.id, expected_version=mine.version)
                    return
                mine.version = put((before.daily_rupiah, before.days), mine.version).version

            text = _tr("Indeks {component} {stage}: {daily} \u00d7 {days}").format(
                component=name,
                stage=row.stage_name,
                daily=rupiah_text(typed[0], self._lang),
                days=typed[1],
            )
            self.push(text, forward, backward)

        self.submit(write, saved, None)

    def _clear_index(
        self,
        row: IndexRow,
        name: str,
        before: IndexEntry,
        put: Callable[[tuple[int, int], int | None], IndexEntry],
    ) -> None:
        if not confirm(
            self,
            _tr("Hapus indeks"),
            _tr("{component} pada {stage} ({index}) tidak dibayar lagi.").format(
                component=name, stage=row.stage_name, index=index_text(before, self._lang)
            ),
            _tr("&Hapus"),
            _tr("Kebutuhan semua satuan turun. Bisa dibatalkan dengan Ctrl+Z."),
        ):
            return
        store, actor = self.store, self.actor
        ref = self.ref(before.id, "index")

        def remove(version: int) -> None:
            budget.clear_index(store, actor, ref.id, expected_version=version)

        def add_again() -> int:
            return put((before.daily_rupiah, before.days), None).id

        text = _tr("Hapus indeks {component} {stage}").format(component=name, stage=row.stage_name)
        self.remove_row(ref, before.version, remove, add_again, text, None, lambda: None)

    # -- nothing typed is lost ----------------------------------------------------------------

    def _dirty_place(self) -> tuple[int, int] | None:
        """(page, form) holding typed input: the payment form, the allocation form, an
        index cell being typed; None when nothing is."""
        if self._payment_dirty():
            return 0, 0
        if self._allocation_dirty():
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


def allocation_value(a: Allocation) -> AllocationValue:
    """An allocation as read, as a value to write back."""
    return AllocationValue(a.unit_id, a.source, a.pagu, a.reference, a.signed_on, a.note)
