"""Correcting visits and findings in the visits form (issue 15 item 4): a chosen visit or
finding is changed or removed, each step undone and redone with Ctrl+Z and Ctrl+Y, and a
change another workstation made meanwhile is refused in a sentence with nothing changed.

The tiny operation of ``tests/ui/conftest.py``: Polda Jambi over Polres Kerinci and Polres
Bungo, the clock at 03:10 WIB on Sunday 24 November 2024.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QRect, QSize, Qt
from pytestqt.qtbot import QtBot

from opscenter.actor import Actor
from opscenter.readiness import visits
from opscenter.readiness.visits import FindingValue, VisitValue
from opscenter.store import Store
from tests.ui import test_readiness_forms as forms
from tests.ui.answers import NOT_ASKED, answer_next_question
from tests.ui.conftest import TinyOperation
from tests.ui.test_fit import TASK_BAR, _window_size, check
from tests.ui.test_readiness_forms import (
    STAFF,
    add_visit_with_finding,
    open_visits,
    save,
    stored_findings,
    stored_visits,
)
from ui import screen_fit
from ui.confirm import NO_NAME, YES_NAME
from ui.main_window import MainWindow
from ui.visits_dialog import VisitsDialog
from ui.visits_models import FindingColumn, VisitColumn

OTHER = Actor("kabag.lain", role="staff")
aspects, shown = forms.aspects, forms.shown  # the readiness forms' fixtures


def cell(dialog: VisitsDialog, table: str, row: int, column: int) -> str:
    model = dialog.visits_model if table == "visits" else dialog.findings_model
    return str(model.index(row, column).data())


def key(qtbot: QtBot, dialog: VisitsDialog, letter: Qt.Key) -> None:
    """Ctrl+Z or Ctrl+Y in the form; waits for the undo step's write and the read after."""
    dialog.activateWindow()  # back from a question (a window manager gives it back)
    qtbot.waitUntil(dialog.isActiveWindow)
    with qtbot.waitSignal(dialog.writes.write_done):
        qtbot.keyClick(dialog.visits_view, letter, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(dialog.loaded)


def follow_ups(store: Store) -> list[tuple[str, str | None]]:
    return [(status, note) for _text, status, note in stored_findings(store)]


def test_a_chosen_visit_is_changed_and_ctrl_z_ctrl_y_take_the_change_back_and_forth(
    qtbot: QtBot, shown: MainWindow, store: Store, tiny_operation: TinyOperation,
    aspects: dict[str, int],
) -> None:  # fmt: skip
    add_visit_with_finding(store, tiny_operation, aspects)
    kerinci = tiny_operation.kerinci_id
    dialog = open_visits(qtbot, shown, kerinci)
    assert not dialog.visit_unit.isVisible()  # adding: the unit is the one at the top
    qtbot.mouseClick(dialog.edit_visit_button, Qt.MouseButton.LeftButton)
    # The fields fill with the chosen visit; the button saves the change.
    assert dialog.visit_led.text() == "Kapolda"
    assert dialog.visit_date.date() == QDate(2024, 11, 5)
    assert dialog.visit_kind.currentData() == "kunker"
    assert dialog.visit_unit.isVisible() and dialog.visit_unit.currentData() == kerinci
    assert dialog.forms.tabText(0) == "Ubah kunjungan"
    assert dialog.add_visit_button.text() == "Simpan perubaha&n"
    assert dialog.new_visit_button.isVisible() and not dialog.edit_visit_button.isVisible()
    assert not dialog.is_dirty()  # nothing typed yet

    dialog.visit_led.clear()
    qtbot.keyClicks(dialog.visit_led, "Wakapolda")
    dialog.visit_kind.setCurrentIndex(dialog.visit_kind.findData("supervisi"))
    dialog.visit_date.setDate(QDate(2024, 11, 6))
    assert dialog.is_dirty()  # a half-typed change is not lost on closing
    save(qtbot, dialog, dialog.add_visit_button)
    assert stored_visits(store) == [(kerinci, date(2024, 11, 6), "supervisi", "Wakapolda")]
    assert len(stored_findings(store)) == 1  # its finding stays with it
    assert cell(dialog, "visits", 0, VisitColumn.LED_BY) == "Wakapolda"
    # Back to adding a new one, the form empty.
    assert dialog.forms.tabText(0) == "Kunjungan baru" and dialog.visit_led.text() == ""
    assert dialog.add_visit_button.text() == "Tambah &kunjungan"
    assert shown.undo_stack.undoText() == "Ubah kunjungan Polres Kerinci 5 Nov 2024"

    key(qtbot, dialog, Qt.Key.Key_Z)
    assert stored_visits(store) == [(kerinci, date(2024, 11, 5), "kunker", "Kapolda")]
    assert cell(dialog, "visits", 0, VisitColumn.LED_BY) == "Kapolda"
    key(qtbot, dialog, Qt.Key.Key_Y)
    assert stored_visits(store) == [(kerinci, date(2024, 11, 6), "supervisi", "Wakapolda")]

    # A visit typed for the wrong unit moves to the right one (and leaves this list).
    qtbot.mouseClick(dialog.edit_visit_button, Qt.MouseButton.LeftButton)
    dialog.visit_unit.setCurrentIndex(dialog.visit_unit.findData(tiny_operation.bungo_id))
    save(qtbot, dialog, dialog.add_visit_button)
    assert stored_visits(store)[0][0] == tiny_operation.bungo_id
    assert dialog.visits_model.rowCount() == 0
    key(qtbot, dialog, Qt.Key.Key_Z)
    assert stored_visits(store)[0][0] == kerinci
    assert dialog.visits_model.rowCount() == 1


def test_a_chosen_finding_is_changed_and_undone_and_kunjungan_baru_goes_back_to_adding(
    qtbot: QtBot, shown: MainWindow, store: Store, tiny_operation: TinyOperation,
    aspects: dict[str, int],
) -> None:  # fmt: skip
    add_visit_with_finding(store, tiny_operation, aspects)
    dialog = open_visits(qtbot, shown, tiny_operation.kerinci_id)
    dialog.findings_view.setFocus()
    where = dialog.findings_view.visualRect(dialog.findings_model.index(0, 1)).center()
    viewport = dialog.findings_view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=where)  # a double click's press
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=where)
    assert dialog.forms.currentIndex() == 1 and dialog.forms.tabText(1) == "Ubah temuan"
    assert dialog.finding_text.toPlainText() == "Genset posko belum ada"
    assert dialog.finding_aspect.currentData() == aspects["posko"]
    assert dialog.finding_has_due.isChecked()
    assert dialog.finding_due.date() == QDate(2024, 11, 30)
    assert dialog.finding_mode.text() == "Mengubah temuan Posko: Genset posko belum ada"

    dialog.finding_aspect.setCurrentIndex(dialog.finding_aspect.findData(aspects["sarpras"]))
    dialog.finding_text.setPlainText("Genset posko rusak")
    qtbot.keyClicks(dialog.finding_advice, "Pinjam dari Pemkab")
    qtbot.keyClicks(dialog.finding_person, "Kabag Log")
    dialog.finding_has_due.setChecked(False)
    save(qtbot, dialog, dialog.add_finding_button)
    (row,) = dialog.findings_model.rows()
    assert (row.aspect_id, row.finding, row.advice, row.person_in_charge, row.due_on) == (
        aspects["sarpras"],
        "Genset posko rusak",
        "Pinjam dari Pemkab",
        "Kabag Log",
        None,
    )
    assert cell(dialog, "findings", 0, FindingColumn.FINDING) == "Genset posko rusak"
    assert dialog.forms.tabText(1) == "Temuan baru" and not dialog.finding_text.toPlainText()
    key(qtbot, dialog, Qt.Key.Key_Z)
    (row,) = dialog.findings_model.rows()
    assert (row.aspect_id, row.finding, row.due_on) == (
        aspects["posko"],
        "Genset posko belum ada",
        date(2024, 11, 30),
    )

    # Kunjungan baru: a change begun is dropped on purpose, the form adds again.
    qtbot.mouseClick(dialog.edit_visit_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.visit_team, "Tim Itwasda")
    qtbot.mouseClick(dialog.new_visit_button, Qt.MouseButton.LeftButton)
    assert dialog.forms.tabText(0) == "Kunjungan baru"
    assert (dialog.visit_led.text(), dialog.visit_team.text()) == ("", "")
    assert dialog.visit_date.date() == QDate(2024, 11, 24)  # today again
    assert not dialog.is_dirty()


def test_removing_a_visit_asks_how_many_findings_go_and_undo_brings_them_back_as_they_were(
    qtbot: QtBot, shown: MainWindow, store: Store, tiny_operation: TinyOperation,
    aspects: dict[str, int],
) -> None:  # fmt: skip
    visit, first = add_visit_with_finding(store, tiny_operation, aspects)
    visits.add_finding(store, STAFF, visit, FindingValue(aspects["sarpras"], "HT kurang 4"))
    visits.set_follow_up(store, STAFF, first, "selesai", note="Genset ada", expected_version=1)
    dialog = open_visits(qtbot, shown, tiny_operation.kerinci_id)
    before = (stored_visits(store), stored_findings(store))

    seen = answer_next_question(NO_NAME, with_text=True)
    dialog.visits_view.setFocus()
    qtbot.keyClick(dialog.visits_view, Qt.Key.Key_Delete)  # Delete asks too
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0] == "confirmQuestion"
    assert "Kunjungan 5 Nov 2024 (kunjungan kerja) ke Polres Kerinci dihapus beserta 2 " in seen[1]
    assert (stored_visits(store), stored_findings(store)) == before  # Batal: nothing goes

    seen = answer_next_question(YES_NAME)
    save(qtbot, dialog, dialog.remove_visit_button)
    assert seen == ["confirmQuestion"]
    assert stored_visits(store) == [] and stored_findings(store) == []
    assert dialog.visits_model.rowCount() == 0 and dialog.findings_model.rowCount() == 0
    assert shown.undo_stack.undoText() == "Hapus kunjungan Polres Kerinci 5 Nov 2024"

    key(qtbot, dialog, Qt.Key.Key_Z)  # back with both findings and their follow-ups
    assert stored_visits(store) == before[0] and stored_findings(store) == before[1]
    assert follow_ups(store) == [("selesai", "Genset ada"), ("terbuka", None)]
    assert dialog.findings_model.rowCount() == 2
    key(qtbot, dialog, Qt.Key.Key_Y)
    assert stored_visits(store) == [] and stored_findings(store) == []
    key(qtbot, dialog, Qt.Key.Key_Z)
    assert stored_findings(store) == before[1]
    # The findings put back are the history's own: an older step on one still applies.
    dialog.forms.setCurrentIndex(2)
    dialog.findings_view.setCurrentIndex(dialog.findings_model.index(1, 0))
    dialog.follow_status.setCurrentIndex(dialog.follow_status.findData("proses"))
    save(qtbot, dialog, dialog.follow_button)
    key(qtbot, dialog, Qt.Key.Key_Z)
    assert follow_ups(store) == [("selesai", "Genset ada"), ("terbuka", None)]
    assert dialog.last_error is None


def test_removing_a_finding_by_delete_asks_and_undo_puts_it_back_with_its_follow_up(
    qtbot: QtBot, shown: MainWindow, store: Store, tiny_operation: TinyOperation,
    aspects: dict[str, int],
) -> None:  # fmt: skip
    _visit, finding = add_visit_with_finding(store, tiny_operation, aspects)
    visits.set_follow_up(store, STAFF, finding, "proses", expected_version=1)
    dialog = open_visits(qtbot, shown, tiny_operation.kerinci_id)
    dialog.findings_view.setFocus()
    dialog.findings_view.setCurrentIndex(dialog.findings_model.index(0, 0))
    seen = answer_next_question(YES_NAME, with_text=True)
    with qtbot.waitSignal(dialog.write_done):
        qtbot.keyClick(dialog.findings_view, Qt.Key.Key_Delete)
    qtbot.waitUntil(dialog.loaded)
    assert seen[0] == "confirmQuestion"
    assert "Temuan Posko \u201cGenset posko belum ada\u201d dihapus" in seen[1]
    assert stored_findings(store) == [] and len(stored_visits(store)) == 1
    assert cell(dialog, "visits", 0, VisitColumn.FINDINGS) == "0 · 0 terbuka"
    key(qtbot, dialog, Qt.Key.Key_Z)
    assert stored_findings(store) == [("Genset posko belum ada", "proses", None)]
    key(qtbot, dialog, Qt.Key.Key_Y)
    assert stored_findings(store) == []
    # Nothing chosen: Delete asks nothing.
    seen = answer_next_question(YES_NAME)
    qtbot.keyClick(dialog.findings_view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [NOT_ASKED]


def test_a_change_after_another_workstation_changed_the_row_is_refused_in_a_sentence(
    qtbot: QtBot, shown: MainWindow, store: Store, tiny_operation: TinyOperation,
    aspects: dict[str, int],
) -> None:  # fmt: skip
    visit, finding = add_visit_with_finding(store, tiny_operation, aspects)
    kerinci = tiny_operation.kerinci_id
    dialog = open_visits(qtbot, shown, kerinci)
    steps = shown.undo_stack.count()

    # The visit: changed elsewhere while its change is typed here.
    qtbot.mouseClick(dialog.edit_visit_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.visit_team, "Tim Itwasda")
    value = VisitValue(kerinci, date(2024, 11, 5), "asistensi", "Karo Ops")
    visits.change_visit(store, OTHER, visit, value, expected_version=1)
    save(qtbot, dialog, dialog.add_visit_button)
    assert dialog.last_error is not None
    assert dialog.last_error.startswith("Kunjungan ini sudah diubah oleh kabag.lain pada ")
    assert dialog.problem.isVisible()
    assert stored_visits(store) == [(kerinci, date(2024, 11, 5), "asistensi", "Karo Ops")]
    assert shown.undo_stack.count() == steps
    # What was typed stays; saved again, it goes over the change now read.
    assert dialog.visit_team.text() == "Tim Itwasda" and dialog.is_dirty()
    save(qtbot, dialog, dialog.add_visit_button)
    assert dialog.last_error is None
    assert stored_visits(store) == [(kerinci, date(2024, 11, 5), "kunker", "Kapolda")]

    # The finding: removed here after its follow-up moved on elsewhere.
    visits.set_follow_up(store, OTHER, finding, "proses", expected_version=1)
    before = stored_findings(store)
    seen = answer_next_question(YES_NAME)
    save(qtbot, dialog, dialog.remove_finding_button)
    assert seen == ["confirmQuestion"]
    assert dialog.last_error is not None
    assert dialog.last_error.startswith("Temuan ini sudah diubah oleh kabag.lain pada ")
    assert stored_findings(store) == before

    # The visit: removed here after a finding was added to it elsewhere (the question named
    # one finding; two would go).
    dialog.forms.setCurrentIndex(1)
    qtbot.mouseClick(dialog.edit_finding_button, Qt.MouseButton.LeftButton)
    assert dialog.finding_text.toPlainText() == "Genset posko belum ada"
    visits.add_finding(store, OTHER, visit, FindingValue(aspects["sarpras"], "HT kurang"))
    assert dialog.findings_model.rowCount() == 1
    seen = answer_next_question(YES_NAME, with_text=True)
    save(qtbot, dialog, dialog.remove_visit_button)
    assert "beserta 1 temuannya" in seen[1]
    assert dialog.last_error is not None
    assert dialog.last_error.startswith("Kunjungan ini sudah diubah oleh kabag.lain pada ")
    assert len(stored_visits(store)) == 1 and len(stored_findings(store)) == 2
    # The untouched finding form follows the read: still the finding it changes.
    assert dialog.findings_model.rowCount() == 2
    assert dialog.finding_text.toPlainText() == "Genset posko belum ada"


def test_every_step_on_a_visit_and_its_finding_with_the_same_id_undoes_and_redoes(
    qtbot: QtBot, shown: MainWindow, store: Store, tiny_operation: TinyOperation,
    aspects: dict[str, int],
) -> None:  # fmt: skip
    dialog = open_visits(qtbot, shown, tiny_operation.bungo_id)
    qtbot.keyClicks(dialog.visit_led, "Kapolres")
    save(qtbot, dialog, dialog.add_visit_button)
    qtbot.keyClicks(dialog.finding_text, "Renpam belum ada")
    save(qtbot, dialog, dialog.add_finding_button)
    (visit,) = dialog.visits_model.rows()
    assert visit.id == visit.findings[0].id  # the first of each table: one id, two rows
    dialog.forms.setCurrentIndex(2)
    dialog.follow_status.setCurrentIndex(dialog.follow_status.findData("proses"))
    save(qtbot, dialog, dialog.follow_button)
    answer_next_question(YES_NAME)
    save(qtbot, dialog, dialog.remove_visit_button)
    assert stored_visits(store) == []
    # Put back, then each older step on the visit and its finding still applies to them.
    key(qtbot, dialog, Qt.Key.Key_Z)
    assert follow_ups(store) == [("proses", None)]
    for _ in range(3):
        key(qtbot, dialog, Qt.Key.Key_Z)
        assert dialog.last_error is None
    assert stored_visits(store) == [] and stored_findings(store) == []
    for _ in range(4):
        key(qtbot, dialog, Qt.Key.Key_Y)
        assert dialog.last_error is None
    assert stored_visits(store) == [] and stored_findings(store) == []  # removed again
    key(qtbot, dialog, Qt.Key.Key_Z)
    assert [v[3] for v in stored_visits(store)] == ["Kapolres"]
    assert stored_findings(store) == [("Renpam belum ada", "proses", None)]


@pytest.mark.usefixtures("app_look")
def test_the_change_forms_fit_a_laptop_screen(
    qtbot: QtBot, shown: MainWindow, store: Store, tiny_operation: TinyOperation,
    aspects: dict[str, int], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:  # fmt: skip
    screen = QSize(1366, 768)
    free = QRect(0, 0, screen.width(), screen.height() - TASK_BAR)
    monkeypatch.setattr(screen_fit, "available", lambda _w: free)
    add_visit_with_finding(store, tiny_operation, aspects)
    dialog = open_visits(qtbot, shown, tiny_operation.kerinci_id)
    dialog.edit_visit()
    problems = check(dialog, "visit-change", _window_size(screen), tmp_path)
    dialog.edit_finding()
    problems += check(dialog, "finding-change", _window_size(screen), tmp_path)
    assert not problems, f"PNGs in {tmp_path}:\n" + "\n".join(problems)
