"""The writes of the budget dialog (``ui.budget_dialog``): for a payment, an allocation and
a daily index cell, the core call that saves it, the calls that undo and redo it, and its
line in the window's history (Urungkan). The dialog asks its questions and reads what was
typed first; ``after`` is what it does once the write is saved.

Each write follows its row by a ``Ref`` (``ui.operation_form``): undo and redo can make a
row anew under a new id. The kinds of step are ``ui.form_steps``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QPushButton

from opscenter.readiness import budget
from opscenter.readiness.budget import AllocationValue, RealisationValue
from opscenter.readiness.budget_figures import Allocation, IndexEntry, Realisation
from opscenter.readiness.budget_text import rupiah_text, source_name
from ui.budget_tables import IndexRow, allocation_name
from ui.form_parts import day_text
from ui.form_steps import add_row, change_row, remove_row
from ui.operation_form import OperationForm
from ui.translations import translator

_tr = translator("BudgetDialog")  # the dialog's context: its translations stay

Payment = tuple[date, int, str]  # paid on, amount, description
Put = Callable[[tuple[int, int], int | None], IndexEntry]


def allocation_value(a: Allocation) -> AllocationValue:
    """An allocation as read, as a value to write back."""
    return AllocationValue(a.unit_id, a.source, a.pagu, a.reference, a.signed_on, a.note)


# --- adding and changing ---------------------------------------------------------------------


def save_payment(
    form: OperationForm,
    editing: Realisation | None,
    allocation: int,
    typed: Payment,
    unit: str,
    button: QPushButton,
    after: Callable[..., None],
) -> None:
    """Add the payment ``typed`` from ``allocation`` for ``unit``, or change ``editing``
    to it."""
    store, actor, op = form.store, form.actor, form.operation_id
    lang, amount = form._lang, typed[1]
    # The allocation's id as it is when a step runs (undo and redo can make it anew).
    from_ref = form.ref(allocation, "allocation")
    if editing is None:

        def add() -> int:
            value = RealisationValue(from_ref.id, *typed)
            return budget.add_realisation(store, actor, op, value)

        def remove(row_id: int, version: int) -> None:
            budget.remove_realisation(store, actor, row_id, expected_version=version)

        text = _tr("Realisasi {amount} {unit}").format(amount=rupiah_text(amount, lang), unit=unit)
        add_row(form, "payment", add, remove, text, button, after)
        return
    p = editing
    ref = form.ref(p.id, "payment")

    def change(v: Payment, version: int) -> int:
        value = RealisationValue(from_ref.id, *v, p.component_id, p.stage_id)
        return budget.change_realisation(store, actor, ref.id, value, expected_version=version)

    text = _tr("Ubah realisasi {day} {amount}").format(
        day=day_text(form._locale, typed[0]), amount=rupiah_text(amount, lang)
    )
    before = (p.paid_on, p.amount, p.description)
    change_row(form, ref, p.version, change, typed, before, text, button, after)


def save_allocation(
    form: OperationForm,
    editing: Allocation | None,
    value: AllocationValue,
    unit: str,
    button: QPushButton,
    after: Callable[..., None],
) -> None:
    """Add the allocation ``value`` for ``unit``, or change ``editing`` to it."""
    store, actor, op, lang = form.store, form.actor, form.operation_id, form._lang
    if editing is None:

        def add() -> int:
            return budget.add_allocation(store, actor, op, value)

        def remove(row_id: int, version: int) -> None:
            budget.remove_allocation(store, actor, row_id, expected_version=version)

        text = _tr("Pagu {source} {amount} {unit}").format(
            source=source_name(value.source, lang),
            amount=rupiah_text(value.pagu, lang),
            unit=unit,
        )
        add_row(form, "allocation", add, remove, text, button, after)
        return
    ref = form.ref(editing.id, "allocation")

    def change(v: AllocationValue, version: int) -> int:
        return budget.change_allocation(store, actor, ref.id, v, expected_version=version)

    text = _tr("Ubah pagu {allocation}").format(allocation=allocation_name(editing, lang))
    before = allocation_value(editing)
    change_row(form, ref, editing.version, change, value, before, text, button, after)


# --- removing --------------------------------------------------------------------------------


def remove_payment(
    form: OperationForm, p: Realisation, button: QPushButton, after: Callable[[], None]
) -> None:
    """Remove the payment ``p``; undo pays it again from its allocation."""
    store, actor, op = form.store, form.actor, form.operation_id
    ref = form.ref(p.id, "payment")
    from_ref = form.ref(p.allocation_id, "allocation")

    def remove(version: int) -> None:
        budget.remove_realisation(store, actor, ref.id, expected_version=version)

    def add_again() -> int:
        value = RealisationValue(
            from_ref.id, p.paid_on, p.amount, p.description, p.component_id, p.stage_id
        )
        return budget.add_realisation(store, actor, op, value)

    text = _tr("Hapus realisasi {amount}").format(amount=rupiah_text(p.amount, form._lang))
    remove_row(form, ref, p.version, remove, add_again, text, button, after)


def remove_allocation(
    form: OperationForm, a: Allocation, button: QPushButton, after: Callable[[], None]
) -> None:
    """Remove the allocation ``a``; undo adds it again as it was."""
    store, actor, op = form.store, form.actor, form.operation_id
    ref = form.ref(a.id, "allocation")
    before = allocation_value(a)

    def remove(version: int) -> None:
        budget.remove_allocation(store, actor, ref.id, expected_version=version)

    def add_again() -> int:
        return budget.add_allocation(store, actor, op, before)

    text = _tr("Hapus pagu {allocation}").format(allocation=allocation_name(a, form._lang))
    remove_row(form, ref, a.version, remove, add_again, text, button, after)


# --- the daily index -------------------------------------------------------------------------


def _put(form: OperationForm, component_id: int, stage_id: int) -> Put:
    """Set the index of ``component_id`` in ``stage_id`` to (rupiah per day, days), over
    the version given (None: a new index row)."""
    store, actor, op = form.store, form.actor, form.operation_id

    def put(to: tuple[int, int], version: int | None) -> IndexEntry:
        return budget.set_index(
            store, actor, op, component_id, stage_id,
            days=to[1], daily_rupiah=to[0], expected_version=version,
        )  # fmt: skip

    return put


def set_index(
    form: OperationForm,
    row: IndexRow,
    component_id: int,
    name: str,
    before: IndexEntry | None,
    typed: tuple[int, int],
) -> None:
    """Store ``typed`` (rupiah per person per day, days) in the cell of ``row`` (a stage)
    and ``component_id`` (named ``name``), which held ``before``."""
    store, actor = form.store, form.actor
    put = _put(form, component_id, row.stage_id)
    ref = form.ref(before.id, "index") if before is not None else None

    def write() -> IndexEntry:
        return put(typed, before.version if before is not None else None)

    def saved(stored: IndexEntry) -> None:
        mine = ref if ref is not None else form.ref(stored.id, "index")
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
            daily=rupiah_text(typed[0], form._lang),
            days=typed[1],
        )
        form.push(text, forward, backward)

    form.submit(write, saved, None)


def clear_index(
    form: OperationForm, row: IndexRow, component_id: int, name: str, before: IndexEntry
) -> None:
    """Empty the cell of ``row`` and ``component_id`` (named ``name``): its index row
    ``before`` goes; undo sets it again."""
    store, actor = form.store, form.actor
    put = _put(form, component_id, row.stage_id)
    ref = form.ref(before.id, "index")

    def remove(version: int) -> None:
        budget.clear_index(store, actor, ref.id, expected_version=version)

    def add_again() -> int:
        return put((before.daily_rupiah, before.days), None).id

    text = _tr("Hapus indeks {component} {stage}").format(component=name, stage=row.stage_name)
    remove_row(form, ref, before.version, remove, add_again, text, None, lambda: None)
