"""The budget dialog's forms (Ubah > Anggaran…): allocations (pagu per source) added, changed
and removed; payments changed and removed; the daily index typed cell by cell. Each write
is undone and redone from the window's history, and each refusal is the core's sentence with
the database unchanged.

The tiny operation (``tests/ui/conftest.py``) with ``kerinci_budget``
(``tests/ui/test_readiness_forms.py``): Kerinci has 6 police, Rp1.000.000 a day of uang saku
for 5 days of voting (Rp30.000.000 needed), a DIPA pagu of Rp25.000.000 of which
Rp20.000.000 is paid.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QRect, QSize, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from opscenter import operations
from opscenter.actor import Actor
from opscenter.errors import InvalidValue, OpsError
from opscenter.messages import describe
from opscenter.model import BudgetAllocation, BudgetComponent, BudgetIndex, Stage
from opscenter.readiness import budget
from opscenter.reference import by_code
from opscenter.store import Store
from tests.ui import test_readiness_forms as forms
from tests.ui.answers import NOT_ASKED, answer_next_question
from tests.ui.conftest import TinyOperation
from tests.ui.test_readiness_forms import STAFF, open_budget, stored_payments
from ui import screen_fit
from ui.budget_dialog import BudgetDialog
from ui.budget_tables import AllocationColumn, PaymentColumn, parse_index
from ui.confirm import NO_NAME, YES_NAME
from ui.main_window import MainWindow
from ui.unsaved import SAVE_NAME

# The fixtures of the other readiness forms' tests, shared.
shown = forms.shown
kerinci_budget = forms.kerinci_budget

Allocations = list[tuple[str, str | None, date | None, int]]


def stored_allocations(store: Store) -> Allocations:
    with store.read() as s:
        rows = s.scalars(select(BudgetAllocation).order_by(BudgetAllocation.id))
        return [(a.source, a.reference, a.signed_on, a.pagu) for a in rows]


def stored_index(store: Store) -> dict[tuple[str, str], tuple[int, int]]:
    """(stage code, component code) -> (days, rupiah per person per day)."""
    with store.read() as s:
        stages = {st.id: st.code for st in s.scalars(select(Stage))}
        comps = {c.id: c.code for c in s.scalars(select(BudgetComponent))}
        return {
            (stages[e.stage_id], comps[e.component_id]): (e.days, e.daily_rupiah)
            for e in s.scalars(select(BudgetIndex))
        }


def press(qtbot: QtBot, dialog: BudgetDialog, button: object) -> None:
    """Press a form's button; wait for the write and for the read after it."""
    with qtbot.waitSignal(dialog.write_done):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    qtbot.waitUntil(dialog.loaded)


def history(qtbot: QtBot, window: MainWindow, dialog: BudgetDialog, step: str) -> None:
    """Undo or redo the last step and wait for its write and the read after it."""
    with qtbot.waitSignal(dialog.writes.write_done):
        getattr(window.undo_stack, step)()
    qtbot.waitUntil(dialog.loaded)


def refused_as(dialog: BudgetDialog, error: OpsError) -> None:
    assert dialog.last_error == describe(error)
    assert dialog.problem.isVisible()


def choose(dialog: BudgetDialog, view: str, row: int) -> None:
    table = getattr(dialog, view)
    table.setCurrentIndex(table.model().index(row, 0))


def allocation_rows(dialog: BudgetDialog) -> list[list[str]]:
    m = dialog.allocations_model
    return [[str(m.index(r, c).data()) for c in AllocationColumn] for r in range(m.rowCount())]


# -- allocations --------------------------------------------------------------------------------


def test_a_hibah_needs_its_signing_date_and_is_added_changed_removed_and_undone(
    qtbot: QtBot, shown: MainWindow, store: Store, tiny_operation: TinyOperation,
    kerinci_budget: int,
) -> None:  # fmt: skip
    dialog = open_budget(qtbot, shown, tiny_operation.kerinci_id)
    dipa = [("dipa", "DIPA 042", None, 25 * 10**6)]
    qtbot.keyClick(dialog, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # &Kelola pagu
    assert dialog.forms.currentIndex() == 1
    assert dialog.allocation_for.text() == "Pagu baru untuk Polres Kerinci"
    assert not dialog.has_signed.isEnabled()  # DIPA: no NPHD date
    dialog.source_box.setCurrentIndex(dialog.source_box.findData("hibah"))
    assert dialog.has_signed.isEnabled() and "wajib" in dialog.has_signed.text()
    qtbot.keyClicks(dialog.reference, "NPHD 900/7/BPKAD/2024")
    qtbot.keyClicks(dialog.pagu, "10.000.000")

    # A hibah without its signing date: the core's sentence, nothing stored, typing kept.
    press(qtbot, dialog, dialog.allocation_button)
    with pytest.raises(InvalidValue) as core:
        budget.add_allocation(
            store,
            STAFF,
            tiny_operation.operation_id,
            budget.AllocationValue(tiny_operation.kerinci_id, "hibah", 10**7, "NPHD"),
        )
    refused_as(dialog, core.value)
    assert dialog.last_error == "Tanggal penandatanganan NPHD wajib diisi."
    assert stored_allocations(store) == dipa
    assert dialog.pagu.text() == "10.000.000" and dialog.is_dirty()

    # A pagu that is not whole rupiah: refused before saving, in the pagu's name.
    dialog.has_signed.setChecked(True)
    dialog.signed_on.setDate(QDate(2024, 6, 5))
    dialog.pagu.setText("10,5 juta")
    qtbot.mouseClick(dialog.allocation_button, Qt.MouseButton.LeftButton)
    refused_as(dialog, InvalidValue(field="pagu", value="10,5 juta", reason="not_whole_number"))
    assert stored_allocations(store) == dipa

    dialog.pagu.setText("10.000.000")
    press(qtbot, dialog, dialog.allocation_button)
    hibah = ("hibah", "NPHD 900/7/BPKAD/2024", date(2024, 6, 5), 10 * 10**6)
    assert stored_allocations(store) == [*dipa, hibah]
    assert dialog.problem.isHidden() and not dialog.is_dirty()
    assert dialog.pagu.text() == ""
    assert ["hibah daerah", "NPHD 900/7/BPKAD/2024", "5 Jun 2024", "Rp10.000.000", "Rp0",
            "Rp10.000.000"] in allocation_rows(dialog)  # fmt: skip
    assert "Rp35.000.000" in dialog.summary.text()  # the unit's pagu
    history(qtbot, shown, dialog, "undo")
    assert stored_allocations(store) == dipa
    history(qtbot, shown, dialog, "redo")
    assert stored_allocations(store) == [*dipa, hibah]

    # Change: the row into the form (Ubah), a new pagu, saved; undo puts it back.
    row = next(i for i, a in enumerate(dialog.allocations_model.rows()) if a.source == "hibah")
    choose(dialog, "allocations_view", row)
    qtbot.mouseClick(dialog.change_allocation_button, Qt.MouseButton.LeftButton)
    assert dialog.allocation_for.text() == "Mengubah pagu hibah daerah NPHD 900/7/BPKAD/2024"
    assert dialog.pagu.text() == "10.000.000"
    assert dialog.has_signed.isChecked() and dialog.signed_on.date() == QDate(2024, 6, 5)
    assert dialog.allocation_button.text() == "Si&mpan perubahan"
    assert not dialog.is_dirty()  # loaded, not typed
    dialog.pagu.setText("12.500.000")
    assert dialog.is_dirty()
    with qtbot.waitSignal(dialog.write_done):  # Ctrl+Enter saves the form shown
        qtbot.keyClick(dialog.pagu, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(dialog.loaded)
    changed = (*hibah[:3], 12_500_000)
    assert stored_allocations(store) == [*dipa, changed]
    assert dialog.allocation_button.text() == "Ta&mbah pagu"  # back to adding
    history(qtbot, shown, dialog, "undo")
    assert stored_allocations(store) == [*dipa, hibah]
    history(qtbot, shown, dialog, "redo")
    assert stored_allocations(store) == [*dipa, changed]

    # Remove: asked first; "Batal" keeps it, "Hapus" removes it; undo brings it back.
    row = next(i for i, a in enumerate(dialog.allocations_model.rows()) if a.source == "hibah")
    choose(dialog, "allocations_view", row)
    seen = answer_next_question(NO_NAME, with_text=True)
    qtbot.mouseClick(dialog.remove_allocation_button, Qt.MouseButton.LeftButton)
    assert seen[0] == "confirmQuestion"
    assert "Pagu hibah daerah NPHD 900/7/BPKAD/2024 sebesar Rp12.500.000" in seen[1]
    assert stored_allocations(store) == [*dipa, changed]
    answer_next_question(YES_NAME)
    press(qtbot, dialog, dialog.remove_allocation_button)
    assert stored_allocations(store) == dipa
    assert dialog.allocations_model.rowCount() == 1
    history(qtbot, shown, dialog, "undo")
    assert stored_allocations(store) == [*dipa, changed]
    history(qtbot, shown, dialog, "redo")
    assert stored_allocations(store) == dipa


def test_a_pagu_below_what_was_paid_and_removing_an_allocation_with_payments_are_refused(
    qtbot: QtBot, shown: MainWindow, store: Store, tiny_operation: TinyOperation,
    kerinci_budget: int,
) -> None:  # fmt: skip
    dialog = open_budget(qtbot, shown, tiny_operation.kerinci_id)
    before = stored_allocations(store)
    choose(dialog, "allocations_view", 0)
    dialog.allocations_view.setFocus()
    qtbot.keyClick(dialog.allocations_view, Qt.Key.Key_Return)  # Enter: into the form
    assert dialog.forms.currentIndex() == 1 and dialog.pagu.text() == "25.000.000"
    dialog.pagu.setText("15.000.000")
    press(qtbot, dialog, dialog.allocation_button)
    with pytest.raises(budget.PaguBelowRealised) as core:
        budget.change_allocation(
            store,
            STAFF,
            kerinci_budget,
            budget.AllocationValue(tiny_operation.kerinci_id, "dipa", 15 * 10**6, "DIPA 042"),
            expected_version=None,
        )
    refused_as(dialog, core.value)
    assert dialog.last_error is not None and "Rp20.000.000" in dialog.last_error
    assert stored_allocations(store) == before
    assert dialog.pagu.text() == "15.000.000"  # kept, to correct
    qtbot.mouseClick(dialog.cancel_allocation_button, Qt.MouseButton.LeftButton)
    assert dialog.pagu.text() == "" and not dialog.is_dirty()

    # Removing it: nothing to ask (the core refuses while payments are on it).
    choose(dialog, "allocations_view", 0)
    seen = answer_next_question(YES_NAME)
    dialog.allocations_view.setFocus()
    with qtbot.waitSignal(dialog.write_done):
        qtbot.keyClick(dialog.allocations_view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [NOT_ASKED]
    with pytest.raises(budget.AllocationInUse) as in_use:
        budget.remove_allocation(store, STAFF, kerinci_budget, expected_version=None)
    refused_as(dialog, in_use.value)
    assert dialog.last_error is not None and dialog.last_error.startswith(
        "Alokasi DIPA Polres Kerinci (DIPA 042) masih memiliki 1 realisasi"
    )
    assert stored_allocations(store) == before
    assert len(stored_payments(store)) == 1


# -- payments -----------------------------------------------------------------------------------


def test_a_payment_is_changed_and_removed_each_undone_and_past_the_pagu_refused(
    qtbot: QtBot, shown: MainWindow, store: Store, tiny_operation: TinyOperation,
    kerinci_budget: int,
) -> None:  # fmt: skip
    dialog = open_budget(qtbot, shown, tiny_operation.kerinci_id)
    first = [(20 * 10**6, "Uang saku tahap I")]
    assert not dialog.change_payment_button.isEnabled()  # no payment chosen yet
    choose(dialog, "payments_view", 0)
    assert dialog.change_payment_button.isEnabled()
    qtbot.mouseClick(dialog.change_payment_button, Qt.MouseButton.LeftButton)
    assert dialog.paying_from.text() == "Mengubah realisasi 1 Nov 2024 sebesar Rp20.000.000"
    assert dialog.paid_on.date() == QDate(2024, 11, 1)
    assert dialog.amount.text() == "20.000.000"
    assert dialog.description.text() == "Uang saku tahap I" and not dialog.is_dirty()

    # Rp26.000.000 from a pagu of Rp25.000.000 (this payment's own Rp20.000.000 counts as
    # free again): refused in the core's sentence.
    dialog.amount.setText("26.000.000")
    press(qtbot, dialog, dialog.add_button)
    with pytest.raises(budget.OverPagu) as core:
        budget.change_realisation(
            store,
            STAFF,
            dialog.payments_model.rows()[0].id,
            budget.RealisationValue(kerinci_budget, date(2024, 11, 1), 26 * 10**6, "x"),
            expected_version=None,
        )
    refused_as(dialog, core.value)
    assert stored_payments(store) == first
    assert dialog.amount.text() == "26.000.000"

    dialog.amount.setText("18.000.000")
    dialog.paid_on.setDate(QDate(2024, 11, 2))
    dialog.description.setText("Uang saku tahap I (koreksi)")
    press(qtbot, dialog, dialog.add_button)
    corrected = [(18 * 10**6, "Uang saku tahap I (koreksi)")]
    assert stored_payments(store) == corrected
    m = dialog.payments_model
    assert str(m.index(0, PaymentColumn.DATE).data()) == "2 Nov 2024"
    assert str(m.index(0, PaymentColumn.AMOUNT).data()) == "Rp18.000.000"
    assert dialog.add_button.text() == "Tambah &realisasi" and not dialog.is_dirty()
    assert dialog.paid_on.date() == QDate(2024, 11, 24)  # a new one: today again
    history(qtbot, shown, dialog, "undo")
    assert stored_payments(store) == first
    history(qtbot, shown, dialog, "redo")
    assert stored_payments(store) == corrected

    # Remove: asked first (Batal keeps it); Hapus removes it; undo brings it back.
    choose(dialog, "payments_view", 0)
    seen = answer_next_question(NO_NAME, with_text=True)
    qtbot.mouseClick(dialog.remove_payment_button, Qt.MouseButton.LeftButton)
    assert seen[0] == "confirmQuestion"
    assert seen[1].startswith("Realisasi Rp18.000.000 tanggal 2 Nov 2024")
    assert stored_payments(store) == corrected
    answer_next_question(YES_NAME)
    press(qtbot, dialog, dialog.remove_payment_button)
    assert stored_payments(store) == []
    assert str(dialog.allocations_model.index(0, AllocationColumn.LEFT).data()) == "Rp25.000.000"
    history(qtbot, shown, dialog, "undo")
    assert stored_payments(store) == corrected
    history(qtbot, shown, dialog, "redo")
    assert stored_payments(store) == []


def test_a_payment_whose_allocation_was_made_anew_by_redo_is_paid_from_the_new_one(
    qtbot: QtBot, shown: MainWindow, store: Store, tiny_operation: TinyOperation
) -> None:
    """Redo adds an allocation with a new id: the payment's redo names the new one."""
    dialog = open_budget(qtbot, shown, tiny_operation.kerinci_id)
    dialog.forms.setCurrentIndex(1)
    qtbot.keyClicks(dialog.pagu, "5.000.000")
    press(qtbot, dialog, dialog.allocation_button)
    dialog.forms.setCurrentIndex(0)
    qtbot.keyClicks(dialog.amount, "1.000.000")
    qtbot.keyClicks(dialog.description, "Konsumsi")
    press(qtbot, dialog, dialog.add_button)
    for step in ("undo", "undo", "redo", "redo"):
        history(qtbot, shown, dialog, step)
    assert dialog.last_error is None
    assert stored_payments(store) == [(10**6, "Konsumsi")]
    assert [a[3] for a in stored_allocations(store)] == [5 * 10**6]


# -- the daily index ----------------------------------------------------------------------------


def index_cell(dialog: BudgetDialog, stage_code: str, component_code: str) -> tuple[int, int]:
    """(row, column) of a stage's component in the index table."""
    m = dialog.index_model
    with dialog.store.read() as s:
        op = dialog.operation_id
        stage = next(st.id for st in operations.stages(s, op) if st.code == stage_code)
        component = by_code(s, BudgetComponent, op)[component_code].id
    row = m.row_of(stage)
    assert row is not None
    column = next(c for c in range(m.columnCount()) if m.component_at(c) == component)
    return row, column


def test_parse_index_takes_rupiah_and_days_or_keeps_the_known_days() -> None:
    assert parse_index("150.000 x 5", None) == (150_000, 5)
    assert parse_index("150000×5", None) == (150_000, 5)
    assert parse_index("Rp150.000 * 3", 7) == (150_000, 3)
    assert parse_index("150.000", 7) == (150_000, 7)
    assert parse_index("  ", 7) is None
    for typed, days in (("150.000", None), ("1,5 x 2", 1), ("150.000 x lima", 1), ("1x2x3", 1)):
        with pytest.raises(InvalidValue):
            parse_index(typed, days)


def test_an_index_cell_is_set_and_cleared_the_need_follows_and_each_is_undone(
    qtbot: QtBot, shown: MainWindow, store: Store, tiny_operation: TinyOperation,
    kerinci_budget: int,
) -> None:  # fmt: skip
    dialog = open_budget(qtbot, shown, tiny_operation.kerinci_id)
    qtbot.keyClick(dialog, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # In&deks harian
    assert dialog.pages.currentIndex() == 1
    m = dialog.index_model
    with store.read() as s:
        voting = next(
            st for st in operations.stages(s, tiny_operation.operation_id) if st.is_voting
        )
    row, saku = index_cell(dialog, voting.code, "uang-saku")
    _, makan = index_cell(dialog, voting.code, "uang-makan")

    def shown_row() -> list[str]:
        return [str(m.index(row, c).data()) for c in (saku, makan, m.personnel_column(),
                                                      m.need_column())]  # fmt: skip

    assert shown_row() == ["Rp1.000.000 \u00d7 5", "", "6", "Rp30.000.000"]
    start = dict(stored_index(store))

    # Typed in the cell without days: the stage's 5 days. Enter saves it.
    dialog.index_view.setFocus()
    dialog.index_view.setCurrentIndex(m.index(row, makan))
    qtbot.keyClicks(dialog.index_view, "5")  # the first key opens the cell's editor
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not dialog.index_view
    qtbot.keyClicks(editor, "0.000")
    with qtbot.waitSignal(dialog.write_done):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.loaded)
    assert stored_index(store)[(voting.code, "uang-makan")] == (5, 50_000)
    # 6 police x 5 days x (Rp1.000.000 + Rp50.000) = Rp31.500.000
    assert shown_row() == ["Rp1.000.000 \u00d7 5", "Rp50.000 \u00d7 5", "6", "Rp31.500.000"]
    assert "Kebutuhan <b>Rp31.500.000</b>" in dialog.summary.text()

    # Changed with its own days.
    with qtbot.waitSignal(dialog.write_done):
        m.setData(m.index(row, makan), "75.000 x 3")
    qtbot.waitUntil(dialog.loaded)
    assert stored_index(store)[(voting.code, "uang-makan")] == (3, 75_000)
    assert shown_row()[-1] == "Rp31.350.000"  # 30.000.000 + 6 x 3 x 75.000
    history(qtbot, shown, dialog, "undo")
    assert stored_index(store)[(voting.code, "uang-makan")] == (5, 50_000)
    history(qtbot, shown, dialog, "undo")
    assert stored_index(store) == start
    history(qtbot, shown, dialog, "redo")
    assert stored_index(store)[(voting.code, "uang-makan")] == (5, 50_000)

    # Refused: not whole rupiah (before saving), too many days (the core).
    m.setData(m.index(row, makan), "50 ribu")
    qtbot.waitUntil(lambda: dialog.last_error is not None)
    refused_as(dialog, InvalidValue(field="daily_rupiah", value="50 ribu",
                                    reason="not_whole_number"))  # fmt: skip
    with qtbot.waitSignal(dialog.write_done):
        m.setData(m.index(row, makan), "50.000 x 400")
    makan_id = m.component_at(makan)
    assert makan_id is not None
    with pytest.raises(InvalidValue) as core:
        budget.set_index(
            store, STAFF, tiny_operation.operation_id, makan_id, voting.id, days=400,
            daily_rupiah=1,
        )  # fmt: skip
    refused_as(dialog, core.value)
    assert dialog.last_error == "Jumlah hari terlalu besar."
    assert stored_index(store)[(voting.code, "uang-makan")] == (5, 50_000)

    # Del clears the cell after a question; undo brings it back.
    dialog.index_view.setFocus()
    dialog.index_view.setCurrentIndex(m.index(row, saku))
    seen = answer_next_question(NO_NAME)
    qtbot.keyClick(dialog.index_view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == ["confirmQuestion"]
    assert (voting.code, "uang-saku") in stored_index(store)
    dialog.activateWindow()  # back from the question
    dialog.index_view.setFocus()
    qtbot.waitUntil(dialog.index_view.hasFocus)
    answer_next_question(YES_NAME)
    with qtbot.waitSignal(dialog.write_done):
        qtbot.keyClick(dialog.index_view, Qt.Key.Key_Delete)
    qtbot.waitUntil(dialog.loaded)
    assert (voting.code, "uang-saku") not in stored_index(store)
    assert shown_row() == ["", "Rp50.000 \u00d7 5", "6", "Rp1.500.000"]
    history(qtbot, shown, dialog, "undo")
    assert stored_index(store)[(voting.code, "uang-saku")] == (5, 10**6)
    assert shown_row()[-1] == "Rp31.500.000"
    history(qtbot, shown, dialog, "redo")
    assert (voting.code, "uang-saku") not in stored_index(store)


def test_a_new_cell_of_a_stage_without_dates_or_index_asks_for_its_days(
    qtbot: QtBot, shown: MainWindow, store: Store, tiny_operation: TinyOperation
) -> None:
    with store.transaction(STAFF, "test.setup") as s:
        stage = next(
            st for st in operations.stages(s, tiny_operation.operation_id) if not st.is_voting
        )
        stage.starts_on = stage.ends_on = None
        code = stage.code
    dialog = open_budget(qtbot, shown, tiny_operation.kerinci_id)
    row, column = index_cell(dialog, code, "kesehatan")
    dialog.index_model.setData(dialog.index_model.index(row, column), "20.000")
    qtbot.waitUntil(lambda: dialog.last_error is not None)
    refused_as(dialog, InvalidValue(field="days", value="", reason="required"))
    assert stored_index(store) == {}
    with qtbot.waitSignal(dialog.write_done):
        dialog.index_model.setData(dialog.index_model.index(row, column), "20.000 x 2")
    assert stored_index(store) == {(code, "kesehatan"): (2, 20_000)}


# -- fit ----------------------------------------------------------------------------------------


@pytest.mark.usefixtures("app_look")
def test_every_page_and_form_of_the_budget_dialog_fits_1366x768(
    qtbot: QtBot, shown: MainWindow, tiny_operation: TinyOperation, kerinci_budget: int,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:  # fmt: skip
    from tests.ui.test_fit import TASK_BAR, _window_size, check

    screen = QSize(1366, 768)
    free = QRect(0, 0, screen.width(), screen.height() - TASK_BAR)
    monkeypatch.setattr(screen_fit, "available", lambda _w: free)
    dialog = open_budget(qtbot, shown, tiny_operation.kerinci_id)
    room = _window_size(screen)
    dialog.resize(dialog.size().boundedTo(room))
    problems = []
    choose(dialog, "payments_view", 0)
    for page, form in ((0, 0), (0, 1), (1, 0)):
        dialog.pages.setCurrentIndex(page)
        dialog.forms.setCurrentIndex(form)
        problems += check(dialog, f"budget-{page}-{form}", room, tmp_path)
    dialog.pages.setCurrentIndex(0)
    dialog.forms.setCurrentIndex(1)
    dialog.source_box.setCurrentIndex(dialog.source_box.findData("hibah"))  # "(wajib)"
    problems += check(dialog, "budget-hibah", room, tmp_path)
    dialog.edit_payment()
    dialog.edit_allocation()  # each form with "Batal ubah" shown
    problems += check(dialog, "budget-allocation-edit", room, tmp_path)
    dialog.forms.setCurrentIndex(0)
    problems += check(dialog, "budget-payment-edit", room, tmp_path)
    dialog.new_payment()
    dialog.new_allocation()
    assert not problems, "\n".join(problems)


# -- someone else, meanwhile --------------------------------------------------------------------


def test_a_pagu_changed_elsewhere_meanwhile_is_not_overwritten_and_an_undo_is_refused(
    qtbot: QtBot, shown: MainWindow, store: Store, tiny_operation: TinyOperation,
    kerinci_budget: int,
) -> None:  # fmt: skip
    dialog = open_budget(qtbot, shown, tiny_operation.kerinci_id)
    other = Actor("kaurkeu.lain", role="staff")
    kerinci = tiny_operation.kerinci_id
    choose(dialog, "allocations_view", 0)
    dialog.edit_allocation()
    dialog.pagu.setText("30.000.000")
    # Another workstation raises it to Rp26.000.000 while the form is open.
    budget.change_allocation(
        store,
        other,
        kerinci_budget,
        budget.AllocationValue(kerinci, "dipa", 26 * 10**6, "DIPA 042"),
        expected_version=None,
    )
    press(qtbot, dialog, dialog.allocation_button)
    assert dialog.last_error is not None
    assert dialog.last_error.startswith("Alokasi anggaran ini sudah diubah oleh kaurkeu.lain")
    assert [a[3] for a in stored_allocations(store)] == [26 * 10**6]
    assert dialog.pagu.text() == "30.000.000"  # kept: Batal ubah, Ubah again, retype
    qtbot.mouseClick(dialog.cancel_allocation_button, Qt.MouseButton.LeftButton)

    # A pagu added here and paid from elsewhere: its undo is the core's refusal, said here.
    dialog.forms.setCurrentIndex(1)
    dialog.source_box.setCurrentIndex(dialog.source_box.findData("lain"))
    qtbot.keyClicks(dialog.pagu, "3.000.000")
    press(qtbot, dialog, dialog.allocation_button)
    added = max(a.id for a in dialog.allocations_model.rows())
    budget.add_realisation(
        store,
        other,
        tiny_operation.operation_id,
        budget.RealisationValue(added, date(2024, 11, 23), 10**6, "Konsumsi posko"),
    )
    history(qtbot, shown, dialog, "undo")
    assert dialog.last_error is not None
    assert dialog.last_error.startswith("Alokasi sumber lain Polres Kerinci masih memiliki 1")
    assert [a[0] for a in stored_allocations(store)] == ["dipa", "lain"]


def test_closing_with_a_typed_pagu_asks_and_simpan_saves_it(
    qtbot: QtBot, shown: MainWindow, store: Store, tiny_operation: TinyOperation
) -> None:
    dialog = open_budget(qtbot, shown, tiny_operation.kerinci_id)
    dialog.forms.setCurrentIndex(1)
    qtbot.keyClicks(dialog.pagu, "7.500.000")
    dialog.forms.setCurrentIndex(0)  # out of sight: still asked about
    seen = answer_next_question(SAVE_NAME)
    with qtbot.waitSignal(dialog.writes.write_done):
        qtbot.keyClick(dialog.amount, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert seen == ["unsavedQuestion"]
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert stored_allocations(store) == [("dipa", None, None, 7_500_000)]


def test_enter_on_a_list_opens_its_row_and_enter_in_a_field_saves_never_closing_the_form(
    qtbot: QtBot, shown: MainWindow, store: Store, tiny_operation: TinyOperation,
    kerinci_budget: int,
) -> None:  # fmt: skip
    """The form's Tutup was the dialog's default button: Enter on the list of payments (which
    Qt's view passes on after opening the row) closed the form."""
    dialog = open_budget(qtbot, shown, tiny_operation.kerinci_id)
    choose(dialog, "payments_view", 0)
    dialog.payments_view.setFocus()
    qtbot.keyClick(dialog.payments_view, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.amount.text() == "20.000.000"  # the chosen payment, into the form

    dialog.amount.setText("19.000.000")
    dialog.amount.setFocus()
    with qtbot.waitSignal(dialog.write_done):
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    qtbot.waitUntil(dialog.loaded)
    assert dialog.isVisible()
    assert stored_payments(store) == [(19 * 10**6, "Uang saku tahap I")]


def test_ctrl_z_in_the_emptied_amount_takes_the_saved_payment_back_and_edits_typed_text(
    qtbot: QtBot, shown: MainWindow, store: Store, tiny_operation: TinyOperation,
    kerinci_budget: int,
) -> None:  # fmt: skip
    """The form's hint says Ctrl+Z takes back: straight after a save, in the line the save
    emptied, it takes the save back (the line does not bring the saved text back); with text
    typed it edits the text and writes nothing."""
    dialog = open_budget(qtbot, shown, tiny_operation.kerinci_id)
    qtbot.keyClicks(dialog.amount, "1000000")
    qtbot.keyClicks(dialog.description, "Konsumsi")
    with qtbot.waitSignal(dialog.write_done):
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(dialog.loaded)
    assert stored_payments(store)[-1] == (10**6, "Konsumsi")
    assert dialog.amount.text() == ""
    with qtbot.waitSignal(dialog.writes.write_done):
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_payments(store) == [(20 * 10**6, "Uang saku tahap I")]
    assert dialog.amount.text() == ""

    qtbot.keyClicks(dialog.amount, "7")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dialog.amount.text() == ""
    assert stored_payments(store) == [(20 * 10**6, "Uang saku tahap I")]
    assert shown.undo_stack.canRedo()  # the payment taken back, waiting to be redone
