"""The readiness forms of issue 15 in the desktop app: visits and findings, budget, sarpras.

Each is opened from the main window's Ubah menu on the unit chosen on the Kesiapan tab, and
writes through the core services on the write thread; the tiny operation
(``tests/ui/conftest.py``): Polda Jambi over Polres Kerinci and Polres Bungo, the clock at
03:10 WIB on Sunday 24 November 2024.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from opscenter import operations
from opscenter.actor import Actor
from opscenter.errors import InvalidValue
from opscenter.live import JournalFollower
from opscenter.messages import describe
from opscenter.model import (
    BudgetComponent,
    BudgetRealisation,
    InspectionFinding,
    InspectionVisit,
    ReadinessAspect,
)
from opscenter.readiness import budget, sarpras, visits
from opscenter.readiness.visits import ClosingNeedsNote
from opscenter.reference import by_code
from opscenter.store import Store
from tests.ui.answers import answer_next_question
from tests.ui.conftest import TinyOperation
from ui.budget_dialog import BudgetDialog
from ui.budget_tables import AllocationColumn, parse_rupiah
from ui.main_window import MainWindow
from ui.operation_page import Tab
from ui.sarpras_dialog import SarprasColumn, SarprasDialog
from ui.unsaved import BACK_NAME, SAVE_NAME
from ui.visits_dialog import VisitsDialog
from ui.visits_models import FindingColumn, VisitColumn

STAFF = Actor("bagops.uji", role="staff")


@pytest.fixture
def aspects(store: Store, tiny_operation: TinyOperation) -> dict[str, int]:
    with store.read() as s:
        found = by_code(s, ReadinessAspect, tiny_operation.operation_id)
        return {code: a.id for code, a in found.items()}


@pytest.fixture
def shown(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """The main window on the Kesiapan tab, its matrix read."""
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.operation_page.show_tab(Tab.READINESS)
    panel = window.operation_page.readiness
    assert panel is not None
    qtbot.waitUntil(panel.loaded)
    return window


def open_visits(qtbot: QtBot, window: MainWindow, unit_id: int | None = None) -> VisitsDialog:
    panel = window.operation_page.readiness
    assert panel is not None
    if unit_id is not None:
        assert panel.select_cell(unit_id, None)
    window.findChild(object, "readinessVisitsAction").trigger()
    dialog = window.readiness_form
    assert isinstance(dialog, VisitsDialog) and dialog.isVisible()
    qtbot.waitUntil(dialog.loaded)
    return dialog


def test_a_refusal_under_the_judgement_s_note_makes_the_form_taller_not_overlapping(
    qtbot: QtBot, shown: MainWindow, tiny_operation: TinyOperation, aspects: dict[str, int]
) -> None:
    """The walk's path (defect 1): Kerinci x Personel, Enter, 2, Ctrl+Enter with no note. The
    refusal wraps onto two lines; the note box lay over "Dasar penilaian" below it."""
    from tests.ui.test_fit import _cut, overlapping

    panel = shown.operation_page.readiness
    assert panel is not None
    assert panel.select_cell(tiny_operation.kerinci_id, aspects["personel"])
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    dialog = panel.dialog
    assert dialog is not None
    dialog.activateWindow()  # as the window manager does (offscreen has none)
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_2)
    assert dialog.level() == "catatan" and dialog.note.hasFocus()
    height = dialog.height()
    with qtbot.waitSignal(panel.write_done) as done:
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert done.args == [False]
    QApplication.processEvents()
    problem = dialog.problem
    assert problem.text().startswith("Catatan wajib diisi")
    assert problem.height() >= 2 * problem.fontMetrics().lineSpacing()  # it wraps
    assert dialog.height() >= height + problem.height()  # the form grew by it
    assert overlapping(dialog) == []
    assert _cut(problem) is None
    below = next(w for w in dialog.findChildren(QLabel) if w.buddy() is dialog.evidence)
    assert dialog.note.geometry().bottom() < below.geometry().top()


def stored_findings(store: Store) -> list[tuple[str, str, str | None]]:
    with store.read() as s:
        rows = s.scalars(select(InspectionFinding).order_by(InspectionFinding.id))
        return [(f.finding, f.status, f.closing_note) for f in rows]


def stored_visits(store: Store) -> list[tuple[int, date, str, str | None]]:
    with store.read() as s:
        rows = s.scalars(select(InspectionVisit).order_by(InspectionVisit.id))
        return [(v.unit_id, v.visited_on, v.kind, v.led_by) for v in rows]


def save(qtbot: QtBot, dialog: VisitsDialog, button: object) -> None:
    """Press a form's button; wait for the write and for the list read after it."""
    with qtbot.waitSignal(dialog.write_done):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    qtbot.waitUntil(dialog.loaded)


def cell(dialog: VisitsDialog, table: str, row: int, column: int) -> str:
    model = dialog.visits_model if table == "visits" else dialog.findings_model
    return str(model.index(row, column).data())


# -- visits and findings ------------------------------------------------------------------------


def test_a_visit_and_a_finding_are_added_and_shown_with_an_overdue_follow_up_in_red(
    qtbot: QtBot, shown: MainWindow, store: Store, tiny_operation: TinyOperation,
    aspects: dict[str, int],
) -> None:  # fmt: skip
    dialog = open_visits(qtbot, shown, tiny_operation.bungo_id)
    assert dialog.unit_box.currentText() == "Polres Bungo"  # the cell chosen on the tab
    assert dialog.visits_model.rowCount() == 0
    # The date starts at the operation's today (24 Nov 2024 WIB, 20:10 UTC on the 23rd).
    assert dialog.visit_date.date() == QDate(2024, 11, 24)
    dialog.visit_date.setDate(QDate(2024, 11, 12))
    dialog.visit_kind.setCurrentIndex(dialog.visit_kind.findData("supervisi"))
    qtbot.keyClicks(dialog.visit_led, "Kapolda Jambi")
    qtbot.keyClicks(dialog.visit_team, "Tim Itwasda")
    save(qtbot, dialog, dialog.add_visit_button)
    assert stored_visits(store) == [
        (tiny_operation.bungo_id, date(2024, 11, 12), "supervisi", "Kapolda Jambi")
    ]
    assert cell(dialog, "visits", 0, VisitColumn.DATE) == "12 Nov 2024"
    assert cell(dialog, "visits", 0, VisitColumn.KIND) == "supervisi"
    assert dialog.forms.currentIndex() == 1  # on to its findings
    assert not dialog.is_dirty()

    dialog.finding_aspect.setCurrentIndex(dialog.finding_aspect.findData(aspects["sarpras"]))
    qtbot.keyClicks(dialog.finding_text, "2 truk rusak berat")
    qtbot.keyClicks(dialog.finding_advice, "Ajukan perbaikan")
    qtbot.keyClicks(dialog.finding_person, "Kabag Log")
    dialog.finding_has_due.setChecked(True)
    dialog.finding_due.setDate(QDate(2024, 11, 20))  # before today: overdue
    save(qtbot, dialog, dialog.add_finding_button)
    assert stored_findings(store) == [("2 truk rusak berat", "terbuka", None)]
    assert dialog.findings_model.rowCount() == 1
    assert cell(dialog, "findings", 0, FindingColumn.FINDING) == "2 truk rusak berat"
    assert cell(dialog, "findings", 0, FindingColumn.PERSON) == "Kabag Log"
    assert cell(dialog, "findings", 0, FindingColumn.DUE) == "20 Nov 2024"
    assert cell(dialog, "findings", 0, FindingColumn.STATUS) == "\u26a0 terbuka · lewat tenggat"
    red = dialog.findings_model.index(0, FindingColumn.STATUS).data(Qt.ItemDataRole.ForegroundRole)
    assert red is not None
    assert cell(dialog, "visits", 0, VisitColumn.FINDINGS) == "1 · 1 terbuka · 1 lewat tenggat"


def add_visit_with_finding(
    store: Store, tiny_operation: TinyOperation, aspects: dict[str, int]
) -> tuple[int, int]:
    visit = visits.add_visit(
        store,
        STAFF,
        tiny_operation.operation_id,
        visits.VisitValue(tiny_operation.kerinci_id, date(2024, 11, 5), "kunker", "Kapolda"),
    )
    finding = visits.add_finding(
        store,
        STAFF,
        visit,
        visits.FindingValue(aspects["posko"], "Genset posko belum ada", due_on=date(2024, 11, 30)),
    )
    return visit, finding


def test_closing_a_follow_up_needs_a_note_then_closes_and_undo_reopens_it(
    qtbot: QtBot, shown: MainWindow, store: Store, tiny_operation: TinyOperation,
    aspects: dict[str, int],
) -> None:  # fmt: skip
    add_visit_with_finding(store, tiny_operation, aspects)
    dialog = open_visits(qtbot, shown, tiny_operation.kerinci_id)
    assert dialog.findings_model.rowCount() == 1
    assert cell(dialog, "findings", 0, FindingColumn.STATUS) == "terbuka"  # due 30 Nov
    dialog.forms.setCurrentIndex(2)
    dialog.follow_status.setCurrentIndex(dialog.follow_status.findData("selesai"))
    assert dialog.follow_note.isEnabled()
    before = stored_findings(store)
    undo_steps = shown.undo_stack.count()
    save(qtbot, dialog, dialog.follow_button)
    sentence = describe(ClosingNeedsNote(field="closing_note", value="", reason="required"))
    assert dialog.last_error == sentence
    assert dialog.problem.text() == sentence and dialog.problem.isVisible()
    assert stored_findings(store) == before  # nothing changed
    assert shown.undo_stack.count() == undo_steps

    qtbot.keyClicks(dialog.follow_note, "Genset dipinjam dari Pemkab")
    save(qtbot, dialog, dialog.follow_button)
    assert dialog.problem.isHidden()
    assert stored_findings(store) == [
        ("Genset posko belum ada", "selesai", "Genset dipinjam dari Pemkab")
    ]
    assert cell(dialog, "findings", 0, FindingColumn.STATUS) == "selesai"
    assert shown.undo_stack.undoText() == "Tindak lanjut Genset posko belum ada: selesai"

    with qtbot.waitSignal(dialog.writes.write_done):
        qtbot.keyClick(dialog.visits_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_findings(store) == [("Genset posko belum ada", "terbuka", None)]
    qtbot.waitUntil(lambda: cell(dialog, "findings", 0, FindingColumn.STATUS) == "terbuka")
    with qtbot.waitSignal(dialog.writes.write_done):
        shown.undo_stack.redo()
    assert stored_findings(store)[0][1:] == ("selesai", "Genset dipinjam dari Pemkab")


def test_undo_removes_the_finding_then_the_visit_and_redo_brings_both_back(
    qtbot: QtBot, shown: MainWindow, store: Store, tiny_operation: TinyOperation,
    aspects: dict[str, int],
) -> None:  # fmt: skip
    panel = shown.operation_page.readiness
    assert panel is not None
    panel.view.setCurrentIndex(panel.model.index(0, 1))  # the roll-up row: the Polda itself
    dialog = open_visits(qtbot, shown)
    assert dialog.unit_box.currentIndex() == 0
    assert dialog.unit_box.currentText() == "Polda Jambi"
    qtbot.keyClicks(dialog.visit_led, "Irwasda")
    save(qtbot, dialog, dialog.add_visit_button)
    qtbot.keyClicks(dialog.finding_text, "Rencana pengamanan belum disahkan")
    save(qtbot, dialog, dialog.add_finding_button)
    assert len(stored_findings(store)) == 1
    writes = dialog.writes
    dialog.done(0)  # the history outlives the form
    with qtbot.waitSignal(writes.write_done):
        shown.undo_stack.undo()
    assert stored_findings(store) == [] and len(stored_visits(store)) == 1
    with qtbot.waitSignal(writes.write_done):
        shown.undo_stack.undo()
    assert stored_visits(store) == []
    with qtbot.waitSignal(writes.write_done):
        shown.undo_stack.redo()
    with qtbot.waitSignal(writes.write_done):
        shown.undo_stack.redo()  # the finding goes to the visit made again
    assert stored_visits(store)[0][3] == "Irwasda"
    assert stored_findings(store) == [("Rencana pengamanan belum disahkan", "terbuka", None)]


def test_a_finding_without_text_is_refused_in_a_sentence_and_closing_asks_about_input(
    qtbot: QtBot, shown: MainWindow, store: Store, tiny_operation: TinyOperation,
    aspects: dict[str, int],
) -> None:  # fmt: skip
    add_visit_with_finding(store, tiny_operation, aspects)
    dialog = open_visits(qtbot, shown, tiny_operation.kerinci_id)
    dialog.forms.setCurrentIndex(1)
    qtbot.keyClicks(dialog.finding_person, "Kasat Samapta")
    save(qtbot, dialog, dialog.add_finding_button)
    assert dialog.last_error and dialog.problem.isVisible()
    assert len(stored_findings(store)) == 1
    assert dialog.is_dirty()  # what was typed stays
    seen = answer_next_question(BACK_NAME)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert seen == ["unsavedQuestion"]
    assert dialog.isVisible()
    assert QApplication.activeModalWidget() is dialog
    dialog.finding_person.clear()  # nothing left to ask about when the window closes


# -- budget -------------------------------------------------------------------------------------


def stored_payments(store: Store) -> list[tuple[int, str]]:
    with store.read() as s:
        rows = s.scalars(select(BudgetRealisation).order_by(BudgetRealisation.id))
        return [(r.amount, r.description) for r in rows]


@pytest.fixture
def kerinci_budget(store: Store, tiny_operation: TinyOperation) -> int:
    """Kerinci (6 police): Rp1.000.000 a day for 5 days of voting = Rp30.000.000 needed; a
    DIPA pagu of Rp25.000.000, of which Rp20.000.000 is paid. Returns the allocation's id."""
    op, kerinci = tiny_operation.operation_id, tiny_operation.kerinci_id
    with store.read() as s:
        uang_saku = by_code(s, BudgetComponent, op)["uang-saku"].id
        voting = next(st.id for st in operations.stages(s, op) if st.is_voting)
    budget.set_index(store, STAFF, op, uang_saku, voting, days=5, daily_rupiah=10**6)
    allocation = budget.add_allocation(
        store, STAFF, op, budget.AllocationValue(kerinci, "dipa", 25 * 10**6, "DIPA 042")
    )
    budget.add_realisation(
        store,
        STAFF,
        op,
        budget.RealisationValue(allocation, date(2024, 11, 1), 20 * 10**6, "Uang saku tahap I"),
    )
    return allocation


def open_budget(qtbot: QtBot, window: MainWindow, unit_id: int) -> BudgetDialog:
    panel = window.operation_page.readiness
    assert panel is not None and panel.select_cell(unit_id, None)
    window.findChild(object, "readinessBudgetAction").trigger()
    dialog = window.readiness_form
    assert isinstance(dialog, BudgetDialog) and dialog.isVisible()
    qtbot.waitUntil(dialog.loaded)
    return dialog


def test_parse_rupiah_takes_dots_or_plain_digits_and_refuses_the_rest() -> None:
    assert parse_rupiah("25.000.000") == 25_000_000
    assert parse_rupiah("25000000") == 25_000_000
    assert parse_rupiah(" Rp 1.500 ") == 1500
    for typed in ("25.000,50", "2.5e7", "25.00.000", "", "dua juta"):
        with pytest.raises(InvalidValue):
            parse_rupiah(typed)


def test_the_budget_shows_need_pagu_and_realised_and_a_payment_over_the_pagu_is_refused(
    qtbot: QtBot, shown: MainWindow, store: Store, tiny_operation: TinyOperation,
    kerinci_budget: int,
) -> None:  # fmt: skip
    dialog = open_budget(qtbot, shown, tiny_operation.kerinci_id)
    summary = dialog.summary.text()
    for figure in ("Rp30.000.000", "Rp25.000.000", "Rp20.000.000", "Rp5.000.000"):
        assert figure in summary
    m = dialog.allocations_model
    assert m.rowCount() == 1
    row = [str(m.index(0, c).data()) for c in range(m.columnCount())]
    assert row == ["DIPA", "DIPA 042", "", "Rp25.000.000", "Rp20.000.000", "Rp5.000.000"]
    assert dialog.payments_model.rowCount() == 1

    # Rp6.000.000 from the Rp5.000.000 left: the core's sentence, nothing saved.
    qtbot.keyClicks(dialog.amount, "6.000.000")
    qtbot.keyClicks(dialog.description, "Uang saku tahap II")
    with qtbot.waitSignal(dialog.write_done):
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    with pytest.raises(budget.OverPagu) as core:  # the same write, straight to the core
        budget.add_realisation(
            store,
            STAFF,
            tiny_operation.operation_id,
            budget.RealisationValue(kerinci_budget, date(2024, 11, 24), 6 * 10**6, "x"),
        )
    assert dialog.last_error == describe(core.value)
    assert dialog.last_error.startswith("Realisasi Rp6.000.000 ditolak karena melebihi pagu")
    assert "sisa Rp5.000.000" in dialog.last_error
    assert dialog.problem.isVisible()
    assert stored_payments(store) == [(20 * 10**6, "Uang saku tahap I")]
    assert dialog.amount.text() == "6.000.000"  # kept, to correct

    dialog.amount.clear()
    qtbot.keyClicks(dialog.amount, "5000000")
    with qtbot.waitSignal(dialog.write_done):
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(dialog.loaded)
    assert stored_payments(store)[-1] == (5 * 10**6, "Uang saku tahap II")
    assert dialog.problem.isHidden()
    assert str(m.index(0, AllocationColumn.LEFT).data()) == "Rp0"
    assert dialog.payments_model.rowCount() == 2
    with qtbot.waitSignal(dialog.writes.write_done):
        shown.undo_stack.undo()
    assert stored_payments(store) == [(20 * 10**6, "Uang saku tahap I")]


def test_a_typed_amount_that_is_not_whole_rupiah_is_refused_before_saving(
    qtbot: QtBot, shown: MainWindow, store: Store, tiny_operation: TinyOperation,
    kerinci_budget: int,
) -> None:  # fmt: skip
    dialog = open_budget(qtbot, shown, tiny_operation.kerinci_id)
    qtbot.keyClicks(dialog.amount, "2,5 juta")
    qtbot.keyClicks(dialog.description, "Konsumsi")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.last_error == describe(
        InvalidValue(field="amount", value="2,5 juta", reason="not_whole_number")
    )
    assert len(stored_payments(store)) == 1
    dialog.amount.clear()
    dialog.description.clear()


# -- sarpras ------------------------------------------------------------------------------------


def open_sarpras(qtbot: QtBot, window: MainWindow, unit_id: int) -> SarprasDialog:
    panel = window.operation_page.readiness
    assert panel is not None and panel.select_cell(unit_id, None)
    window.findChild(object, "readinessSarprasAction").trigger()
    dialog = window.readiness_form
    assert isinstance(dialog, SarprasDialog) and dialog.isVisible()
    qtbot.waitUntil(dialog.loaded)
    return dialog


def kerinci_stock(store: Store, tiny_operation: TinyOperation) -> dict[str, tuple[int, int, int]]:
    with store.read() as s:
        op = tiny_operation.operation_id
        codes = {c.id: c.code for c in sarpras.categories(s, op)}
        rows = sarpras.stock(s, op, tiny_operation.kerinci_id)
        return {codes[r.category_id]: (r.baik, r.rusak_ringan, r.rusak_berat) for r in rows}


def test_a_sarpras_count_typed_in_the_table_is_saved_and_the_deficit_follows(
    qtbot: QtBot, shown: MainWindow, store: Store, tiny_operation: TinyOperation
) -> None:
    dialog = open_sarpras(qtbot, shown, tiny_operation.kerinci_id)
    m = dialog.model
    row = next(i for i, r in enumerate(m.rows()) if r.category.code == "r6")

    shown_columns = (
        SarprasColumn.BAIK,
        SarprasColumn.REQUIRED,
        SarprasColumn.USABLE,
        SarprasColumn.DEFICIT,
    )

    def figures() -> list[str]:
        return [str(m.index(row, c).data()) for c in shown_columns]

    assert figures() == ["0", "2", "0", "2"]  # Kerinci's 16 TPS need 2 four-wheelers
    red = m.index(row, SarprasColumn.DEFICIT).data(Qt.ItemDataRole.ForegroundRole)
    assert red is not None

    # Typed in the cell: "1", Enter.
    dialog.view.setFocus()
    dialog.view.setCurrentIndex(m.index(row, SarprasColumn.BAIK))
    qtbot.keyClicks(dialog.view, "1")
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not dialog.view
    with qtbot.waitSignal(dialog.write_done):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: figures() == ["1", "2", "1", "1"])
    assert kerinci_stock(store, tiny_operation) == {"r6": (1, 0, 0)}

    # A negative count: the core's sentence, nothing stored, the cell shows what is.
    assert not m.setData(m.index(row, SarprasColumn.BERAT), -2)
    qtbot.waitUntil(lambda: dialog.last_error is not None)
    assert dialog.last_error == describe(
        InvalidValue(field="rusak_berat", value=-2, reason="negative")
    )
    assert kerinci_stock(store, tiny_operation) == {"r6": (1, 0, 0)}
    qtbot.waitUntil(dialog.loaded)
    assert str(m.index(row, SarprasColumn.BERAT).data()) == "0"

    # Undo: the category had no row before.
    with qtbot.waitSignal(dialog.writes.write_done):
        shown.undo_stack.undo()
    assert kerinci_stock(store, tiny_operation) == {}
    qtbot.waitUntil(lambda: figures() == ["0", "2", "0", "2"])


def test_closing_with_a_typed_visit_and_answering_simpan_saves_it_then_closes(
    qtbot: QtBot, shown: MainWindow, store: Store, tiny_operation: TinyOperation
) -> None:
    dialog = open_visits(qtbot, shown, tiny_operation.bungo_id)
    qtbot.keyClicks(dialog.visit_led, "Wakapolda")
    seen = answer_next_question(SAVE_NAME)
    with qtbot.waitSignal(dialog.writes.write_done):
        qtbot.keyClick(dialog.visit_led, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert seen == ["unsavedQuestion"]
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert [v[3] for v in stored_visits(store)] == ["Wakapolda"]


def test_the_keys_open_a_form_from_another_tab_once_the_matrix_is_read(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show()
    qtbot.waitExposed(window)
    assert window.operation_page.readiness is None  # the tab was never opened
    window.findChild(object, "readinessSarprasAction").trigger()
    qtbot.waitUntil(lambda: isinstance(getattr(window, "readiness_form", None), SarprasDialog))
    dialog = window.readiness_form
    assert dialog is not None and dialog.isVisible()
    assert window.operation_page.tabs.currentIndex() == Tab.READINESS
    qtbot.waitUntil(dialog.loaded)  # type: ignore[attr-defined]
    dialog.done(0)


def test_an_open_form_follows_a_visit_recorded_on_another_workstation(
    qtbot: QtBot, shown: MainWindow, store: Store, tiny_operation: TinyOperation
) -> None:
    dialog = open_visits(qtbot, shown, tiny_operation.kerinci_id)
    assert dialog.visits_model.rowCount() == 0
    follower = JournalFollower(store)
    visits.add_visit(
        store,
        Actor("kabag.lain", role="staff"),
        tiny_operation.operation_id,
        visits.VisitValue(tiny_operation.kerinci_id, date(2024, 11, 20), "asistensi", "Karo Ops"),
    )
    changes = follower.poll()
    assert changes is not None
    with qtbot.waitSignal(dialog.read_shown):
        shown.feed.changed.emit(changes)
    assert cell(dialog, "visits", 0, VisitColumn.LED_BY) == "Karo Ops"


def test_space_on_laik_pakai_marks_a_category_unfit_and_its_usable_count_drops(
    qtbot: QtBot, shown: MainWindow, store: Store, tiny_operation: TinyOperation
) -> None:
    op = tiny_operation.operation_id
    with store.read() as s:
        r6 = next(c.id for c in sarpras.categories(s, op) if c.code == "r6")
    sarpras.set_stock(store, STAFF, op, sarpras.StockValue(tiny_operation.kerinci_id, r6, 2))
    dialog = open_sarpras(qtbot, shown, tiny_operation.kerinci_id)
    m = dialog.model
    row = next(i for i, r in enumerate(m.rows()) if r.category.id == r6)
    assert str(m.index(row, SarprasColumn.USABLE).data()) == "2"
    dialog.view.setFocus()
    dialog.view.setCurrentIndex(m.index(row, SarprasColumn.LAIK))
    with qtbot.waitSignal(dialog.write_done):
        qtbot.keyClick(dialog.view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: str(m.index(row, SarprasColumn.USABLE).data()) == "0")
    assert str(m.index(row, SarprasColumn.DEFICIT).data()) == "2"
    with store.read() as s:
        assert [st.laik_pakai for st in sarpras.stock(s, op, tiny_operation.kerinci_id)] == [False]


def test_undoing_a_visit_is_refused_while_a_finding_entered_elsewhere_is_on_it(
    qtbot: QtBot, shown: MainWindow, store: Store, tiny_operation: TinyOperation,
    aspects: dict[str, int],
) -> None:  # fmt: skip
    dialog = open_visits(qtbot, shown, tiny_operation.bungo_id)
    qtbot.keyClicks(dialog.visit_led, "Kapolres")
    save(qtbot, dialog, dialog.add_visit_button)
    (visit_id,) = [v.id for v in dialog.visits_model.rows()]
    other = Actor("kabag.lain", role="staff")
    visits.add_finding(
        store, other, visit_id, visits.FindingValue(aspects["posko"], "Posko sempit")
    )
    with qtbot.waitSignal(dialog.writes.write_done):
        shown.undo_stack.undo()
    assert dialog.last_error is not None
    assert dialog.last_error.startswith("Kunjungan ini sudah diubah oleh kabag.lain pada")
    assert len(stored_visits(store)) == 1
    assert stored_findings(store) == [("Posko sempit", "terbuka", None)]


def unit_of_form_from_board(
    qtbot: QtBot, window: MainWindow, tiny_operation: TinyOperation, unit_id: int, action: str
) -> str:
    """The unit a readiness form opens for when ``action`` is triggered on the board with
    ``unit_id`` selected there (Polres Kerinci chosen on the Kesiapan tab before)."""
    panel = window.operation_page.readiness
    assert panel is not None and panel.select_cell(tiny_operation.kerinci_id, None)
    window.operation_page.show_tab(Tab.BOARD)
    board = window.operation_page.board
    assert board is not None
    qtbot.waitUntil(lambda: board.select_unit(unit_id))
    window.findChild(object, action).trigger()
    dialog = window.readiness_form
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.loaded)
    assert window.operation_page.tabs.currentIndex() == Tab.READINESS
    chosen = dialog.unit_box.currentText()
    dialog.close()
    return chosen


@pytest.mark.parametrize("form", ["readinessSarprasAction", "readinessVisitsAction"])
def test_a_readiness_form_opened_from_the_board_is_for_the_unit_selected_there(
    qtbot: QtBot, shown: MainWindow, tiny_operation: TinyOperation, form: str
) -> None:
    """The walk of 2026-12-04: with Polres Bungo chosen on the board, Ctrl+Shift+S opened the
    sarpras of the Kesiapan tab's first row instead."""
    bungo = tiny_operation.bungo_id
    assert unit_of_form_from_board(qtbot, shown, tiny_operation, bungo, form) == "Polres Bungo"


def test_a_readiness_form_opened_from_the_board_on_the_polda_is_for_its_own_figures(
    qtbot: QtBot, shown: MainWindow, tiny_operation: TinyOperation
) -> None:
    polda, action = tiny_operation.polda_id, "readinessSarprasAction"
    assert unit_of_form_from_board(qtbot, shown, tiny_operation, polda, action) == "Polda Jambi"
