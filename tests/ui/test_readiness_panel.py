"""The readiness board (issue 15, point 5): the Polres x aspect matrix rolled up to the Polda,
the evidence of a chosen cell, judging a cell (saved, undone, refused, stale) and live
updates from another workstation.

The tiny operation (``tests/ui/conftest.py``): Polres Bungo needs 10 police for its TPS and
has 4 (short 6 of 10: the data says "belum"); Polres Kerinci needs 4 and has 6 ("siap").
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtGui import QBrush, QFontMetrics, QUndoStack
from PySide6.QtWidgets import QApplication, QStyle
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from opscenter import operations, units
from opscenter.actor import Actor
from opscenter.live import JournalChanges, JournalFollower
from opscenter.model import (
    BudgetComponent,
    JournalTxn,
    ReadinessAspect,
    ReadinessJudgement,
    UnitStatus,
)
from opscenter.readiness import budget, sarpras, visits
from opscenter.readiness.judgements import JudgementValue, set_judgement
from opscenter.readiness.matrix import readiness
from opscenter.reference import by_code
from opscenter.store import Store
from tests.ui.alt_letters import alt_letter_faults
from tests.ui.answers import answer_next_question
from tests.ui.conftest import TinyOperation
from ui import audit_model, theme
from ui.desk import Desk
from ui.main_window import MainWindow
from ui.operation_page import Tab
from ui.readiness_evidence import Evidence, rupiah
from ui.readiness_model import Column, header_label
from ui.readiness_panel import ReadinessPanel
from ui.units_columns import Column as UnitsColumn
from ui.unsaved import BACK_NAME
from ui.unsaved import BOX_NAME as UNSAVED_BOX

STAFF = Actor("bagops.uji", role="staff")
OPERATOR = Actor("piket.uji", role="operator")
OTHER = Actor("kabag.lain", role="commander")


@pytest.fixture
def aspects(store: Store, tiny_operation: TinyOperation) -> dict[str, int]:
    with store.read() as s:
        found = by_code(s, ReadinessAspect, tiny_operation.operation_id)
        return {code: a.id for code, a in found.items()}


def make_panel(qtbot: QtBot, store: Store, actor: Actor = STAFF) -> ReadinessPanel:
    panel = ReadinessPanel(Desk(store, actor, QUndoStack()))
    qtbot.addWidget(panel)
    panel.resize(1400, 700)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(panel.loaded)
    qtbot.waitUntil(lambda: not panel.live.held)
    return panel


@pytest.fixture
def panel(qtbot: QtBot, store: Store, tiny_operation: TinyOperation) -> ReadinessPanel:
    return make_panel(qtbot, store)


def text_at(panel: ReadinessPanel, unit_id: int | str, aspect_id: int | None) -> str:
    m = panel.model
    row = m.row_of(unit_id)
    assert row is not None
    return str(m.index(row, m.column_of(aspect_id)).data())


def judgements(store: Store) -> list[tuple[int, int, str, str | None]]:
    with store.read() as s:
        rows = s.scalars(select(ReadinessJudgement)).all()
        return sorted((r.unit_id, r.aspect_id, r.level, r.note) for r in rows)


def txn_count(store: Store) -> int:
    with store.read() as s:
        return int(s.scalar(select(func.count()).select_from(JournalTxn)) or 0)


def judge(qtbot: QtBot, panel: ReadinessPanel, unit_id: int, aspect_id: int) -> Any:
    """Choose the cell and press Enter on it: the form opens."""
    assert panel.select_cell(unit_id, aspect_id)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    dialog = panel.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def judge_a_judged_cell(
    qtbot: QtBot, panel: ReadinessPanel, store: Store, op: TinyOperation, unit: int, aspect: int
) -> Any:
    """The cell judged "belum" on another workstation, read, and its form opened."""
    set_judgement(store, OTHER, op.operation_id,
                  JudgementValue(unit, aspect, "belum", "Posko belum berdiri"))  # fmt: skip
    panel.reload()
    qtbot.waitUntil(lambda: text_at(panel, unit, aspect) == "Belum")
    return judge(qtbot, panel, unit, aspect)


# -- the matrix ---------------------------------------------------------------------------------


def test_model_passes_the_tester(
    panel: ReadinessPanel, qtmodeltester: ModelTester, qtbot: QtBot, store: Store,
    tiny_operation: TinyOperation, aspects: dict[str, int],
) -> None:  # fmt: skip
    qtmodeltester.check(panel.model)
    with qtbot.waitSignal(panel.write_done):
        panel.put(
            JudgementValue(tiny_operation.bungo_id, aspects["posko"], "siap"),
            None,
            on_saved=lambda _j: None,
            on_refused=lambda _e: None,
        )
    qtbot.waitUntil(lambda: text_at(panel, tiny_operation.bungo_id, aspects["posko"]) == "Siap")
    qtmodeltester.check(panel.model)


def test_one_row_per_unit_under_the_polda_roll_up_with_levels_in_words(
    panel: ReadinessPanel, tiny_operation: TinyOperation, aspects: dict[str, int]
) -> None:
    m = panel.model
    names = [str(m.index(r, Column.UNIT).data()) for r in range(m.rowCount())]
    assert names == ["Polda Jambi (rekap)", "Polres Bungo", "Polres Kerinci"]
    # 8 aspects between the unit and the overall column.
    assert m.columnCount() == 10
    assert m.headerData(m.overall_column(), Qt.Orientation.Horizontal) == "Semua\naspek"
    personel = aspects["personel"]
    assert text_at(panel, tiny_operation.bungo_id, personel) == "Belum"
    assert text_at(panel, tiny_operation.kerinci_id, personel) == "Siap"
    assert text_at(panel, tiny_operation.kerinci_id, aspects["posko"]) == "\u2014"
    assert text_at(panel, tiny_operation.bungo_id, None) == "Belum"  # its worst aspect
    # The roll-up: worst level, then siap · catatan · belum, and the words in the tooltip.
    assert text_at(panel, "rekap", personel) == "Belum\n1\u2009\u00b7\u20090\u2009\u00b7\u20091"
    assert text_at(panel, "rekap", aspects["posko"]) == "\u2014"  # no unit has a level
    row = m.row_of("rekap")
    assert row == 0
    tip = m.index(0, m.column_of(personel)).data(Qt.ItemDataRole.ToolTipRole)
    assert "1 siap \u00b7 0 catatan \u00b7 1 belum" in tip


def test_level_colours_read_by_day_and_at_night(
    panel: ReadinessPanel, tiny_operation: TinyOperation, aspects: dict[str, int]
) -> None:
    m = panel.model
    index = m.index(m.row_of(tiny_operation.bungo_id) or 0, m.column_of(aspects["personel"]))

    def colours() -> tuple[Any, Any]:
        back = index.data(Qt.ItemDataRole.BackgroundRole)
        ink = index.data(Qt.ItemDataRole.ForegroundRole)
        assert isinstance(back, QBrush) and isinstance(ink, QBrush)
        return back.color(), ink.color()

    back, ink = colours()
    assert back == theme.DEFICIT
    assert theme.contrast(back, ink) >= theme.TEXT_CONTRAST
    theme.set_night_mode(True)
    try:
        back, ink = colours()
        assert ink == theme.NIGHT_TEXT  # the night's own text, on a dark enough red
        assert theme.contrast(back, ink) >= theme.TEXT_CONTRAST
    finally:
        theme.set_night_mode(False)
    # No level: a grey dash, no background.
    empty = m.index(index.row(), m.column_of(aspects["posko"]))
    assert empty.data(Qt.ItemDataRole.BackgroundRole) is None


def test_header_labels_wrap_on_short_lines_without_the_parenthesis() -> None:
    assert header_label("Sarana prasarana") == "Sarana\nprasarana"
    assert header_label("Latihan pra operasi") == "Latihan\npra\noperasi"
    assert header_label("Perencanaan (Renops, Renpam, cara bertindak)") == "Perenca-\nnaan"
    assert header_label("Kesiapan masyarakat") == "Kesiapan\nmasya-\nrakat"
    assert header_label("Personel") == "Personel"


# -- the evidence -------------------------------------------------------------------------------


def test_choosing_a_cell_shows_what_the_data_suggests_with_its_figures(
    panel: ReadinessPanel, tiny_operation: TinyOperation, aspects: dict[str, int]
) -> None:
    assert panel.select_cell(tiny_operation.bungo_id, aspects["personel"])
    text = panel.evidence.toPlainText()
    assert "Polres Bungo \u2014 Personel" in text
    assert "Belum dinilai" in text
    assert "Kebutuhan 10 personel, tersedia 4: kurang 6" in text
    # The sources the lead wires in later are empty on this branch: said, not hidden.
    assert "Kunjungan terakhir" in text and "belum ada data" in text
    assert panel.select_cell(None, aspects["personel"])
    assert "1 siap \u00b7 0 catatan \u00b7 1 belum" in panel.evidence.toPlainText()


def test_the_evidence_shows_each_source_when_present(
    store: Store, tiny_operation: TinyOperation, aspects: dict[str, int]
) -> None:
    """Sarpras, budget and a visit written through their services for Polres Kerinci, whose
    16 "kurang rawan" TPS (2-8-16) make 2 guard teams and whose 6 police stand on voting day.

    * Rules as seeded: two R6 trucks per Polres; one HT per guard team (2). It holds 1 truck
      in good order and 1 beyond repair (1 usable of 2: short 1), and 12 HT (none short);
      nothing else.
    * Budget: Rp1.000.000.000 a day for 5 days of voting -> 6 x 5 x 1e9 = Rp30.000.000.000
      needed; a hibah of Rp25.000.000.000 (83 %).
    * Visit of 5 November by the Kapolda: "Genset rusak" due 10 November still open on the
      20th (overdue); "APAR kurang" closed.
    """
    op, kerinci = tiny_operation.operation_id, tiny_operation.kerinci_id
    today = date(2024, 11, 20)
    with store.read() as s:
        cats = {c.code: c for c in sarpras.categories(s, op)}
        uang_saku = by_code(s, BudgetComponent, op)["uang-saku"].id
        voting = next(st.id for st in operations.stages(s, op) if st.is_voting)
    for code, counts in (("r6", (1, 0, 1)), ("ht", (12, 0, 0))):
        sarpras.set_stock(store, STAFF, op, sarpras.StockValue(kerinci, cats[code].id, *counts))
    budget.set_index(store, STAFF, op, uang_saku, voting, days=5, daily_rupiah=10**9)
    budget.add_allocation(
        store,
        STAFF,
        op,
        budget.AllocationValue(
            kerinci, "hibah", 25 * 10**9, "NPHD 1/2024", signed_on=date(2024, 6, 5)
        ),
    )
    visit = visits.add_visit(
        store,
        STAFF,
        op,
        visits.VisitValue(kerinci, date(2024, 11, 5), "kunker", "Kapolda", "Tim Itwasda"),
    )
    visits.add_finding(
        store,
        STAFF,
        visit,
        visits.FindingValue(
            aspects["sarpras"], "Genset rusak", "Perbaiki", "Kabag Log", date(2024, 11, 10)
        ),
    )
    closed = visits.add_finding(
        store, STAFF, visit, visits.FindingValue(aspects["sarpras"], "APAR kurang")
    )
    visits.set_follow_up(
        store, STAFF, closed, "selesai", note="APAR diisi ulang", expected_version=1
    )
    with store.read() as s:
        r = readiness(s, op, today=today)
    evidence = Evidence(r, "Asia/Jakarta", QLocale("id"))
    html = evidence.html(kerinci, aspects["sarpras"])
    assert "truk" in html and "HT" not in html  # only the lines short of their need
    assert "LEWAT TENGGAT" in html and "Genset rusak" in html
    assert "APAR kurang" not in html  # closed
    assert "05-11-2024, kunjungan kerja dipimpin Kapolda" in html
    # Nothing else recorded: the seeded rules' other categories are all short, and R2 (one per
    # 10 TPS of a kecamatan: 2) with none held is the worst.
    assert "terparah Kendaraan roda 2: butuh 2, laik pakai 0, kurang 2" in html
    money = evidence.html(kerinci, aspects["anggaran"])
    assert "Rp25.000.000.000" in money and "Rp30.000.000.000" in money
    # Nothing paid yet; written as every other share is ("0%"), by ``money_percent``.
    assert "Hak yang sudah dibayar: 0%" in money
    assert rupiah(25_000_000_000, QLocale("id")) == "Rp25.000.000.000"


# -- judging ------------------------------------------------------------------------------------


def test_judging_a_cell_saves_marks_the_override_and_undo_redo_follow(
    qtbot: QtBot, panel: ReadinessPanel, store: Store, tiny_operation: TinyOperation,
    aspects: dict[str, int],
) -> None:  # fmt: skip
    bungo, personel = tiny_operation.bungo_id, aspects["personel"]
    dialog = judge(qtbot, panel, bungo, personel)
    assert "Data menunjukkan: Belum siap" in dialog.findChild(object, "readinessDerived").text()
    dialog.level_buttons["catatan"].setChecked(True)
    dialog.note.setPlainText("BKO 6 personel dari Polda tiba H-2")
    with qtbot.waitSignal(panel.write_done) as done:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert done.args == [True]
    assert judgements(store) == [(bungo, personel, "catatan", "BKO 6 personel dari Polda tiba H-2")]
    qtbot.waitUntil(lambda: text_at(panel, bungo, personel) == "Catatan*")
    m = panel.model
    tip = m.index(m.row_of(bungo) or 0, m.column_of(personel)).data(Qt.ItemDataRole.ToolTipRole)
    assert "data menunjukkan: Belum siap" in tip
    assert "bagops.uji" in panel.evidence.toPlainText()  # who judged, beside the data

    with qtbot.waitSignal(panel.write_done):
        panel.undo_stack.undo()
    assert judgements(store) == []
    qtbot.waitUntil(lambda: text_at(panel, bungo, personel) == "Belum")
    with qtbot.waitSignal(panel.write_done):
        panel.undo_stack.redo()
    assert [j[2] for j in judgements(store)] == ["catatan"]
    qtbot.waitUntil(lambda: text_at(panel, bungo, personel) == "Catatan*")


def test_clearing_a_judgement_lets_the_data_speak_and_undo_puts_it_back(
    qtbot: QtBot, panel: ReadinessPanel, store: Store, tiny_operation: TinyOperation,
    aspects: dict[str, int],
) -> None:  # fmt: skip
    kerinci, posko = tiny_operation.kerinci_id, aspects["posko"]
    dialog = judge_a_judged_cell(qtbot, panel, store, tiny_operation, kerinci, posko)
    assert dialog.clear_button is not None
    with qtbot.waitSignal(panel.write_done):
        qtbot.mouseClick(dialog.clear_button, Qt.MouseButton.LeftButton)
    assert judgements(store) == []
    qtbot.waitUntil(lambda: text_at(panel, kerinci, posko) == "\u2014")
    with qtbot.waitSignal(panel.write_done):
        panel.undo_stack.undo()
    assert judgements(store) == [(kerinci, posko, "belum", "Posko belum berdiri")]


def test_the_judgement_forms_buttons_have_alt_letters_of_their_own(
    qtbot: QtBot, panel: ReadinessPanel, store: Store, tiny_operation: TinyOperation,
    aspects: dict[str, int],
) -> None:  # fmt: skip
    """Simpan and Batal had no Alt letter beside &Hapus penilaian, &Catatan and &Dasar."""
    kerinci, posko = tiny_operation.kerinci_id, aspects["posko"]
    dialog = judge_a_judged_cell(qtbot, panel, store, tiny_operation, kerinci, posko)
    assert dialog.clear_button is not None and dialog.clear_button.isVisible()
    assert alt_letter_faults(dialog) == []
    assert dialog.save_button.shortcut().toString() == "Alt+S"


def test_esc_on_a_typed_judgement_asks_first(
    qtbot: QtBot, panel: ReadinessPanel, tiny_operation: TinyOperation, aspects: dict[str, int]
) -> None:
    dialog = judge(qtbot, panel, tiny_operation.bungo_id, aspects["posko"])
    dialog.note.setPlainText("Posko terpadu belum punya genset")
    seen = answer_next_question(BACK_NAME)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [UNSAVED_BOX] and dialog.isVisible()  # Kembali: the note stays
    assert dialog.note.toPlainText() == "Posko terpadu belum punya genset"


def test_the_audit_journal_names_the_two_actions() -> None:
    assert audit_model.ACTIONS["readiness.judge"] == "Nilai kesiapan"
    assert audit_model.ACTIONS["readiness.unjudge"] == "Hapus penilaian kesiapan"


def test_a_refused_judgement_is_said_in_the_form_and_changes_nothing(
    qtbot: QtBot, panel: ReadinessPanel, store: Store, tiny_operation: TinyOperation,
    aspects: dict[str, int],
) -> None:  # fmt: skip
    before = txn_count(store)
    dialog = judge(qtbot, panel, tiny_operation.bungo_id, aspects["latihan"])
    dialog.level_buttons["belum"].setChecked(True)  # no note: the core refuses
    with qtbot.waitSignal(panel.write_done) as done:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert done.args == [False]
    assert dialog.isVisible() and dialog.problem.isVisible()
    assert "catatan" in dialog.problem.text().lower()
    assert judgements(store) == [] and txn_count(store) == before
    assert panel.undo_stack.count() == 0


def test_a_stale_judgement_is_explained_and_the_other_one_shows(
    qtbot: QtBot, panel: ReadinessPanel, store: Store, tiny_operation: TinyOperation,
    aspects: dict[str, int],
) -> None:  # fmt: skip
    kerinci, latihan = tiny_operation.kerinci_id, aspects["latihan"]
    dialog = judge(qtbot, panel, kerinci, latihan)
    # Meanwhile, on another workstation:
    set_judgement(store, OTHER, tiny_operation.operation_id,
                  JudgementValue(kerinci, latihan, "belum", "Latihan dalmas belum"))  # fmt: skip
    dialog.level_buttons["siap"].setChecked(True)
    with qtbot.waitSignal(panel.write_done) as done:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert done.args == [False]
    assert "dibaca ulang" in dialog.problem.text()
    assert judgements(store) == [(kerinci, latihan, "belum", "Latihan dalmas belum")]
    qtbot.waitUntil(lambda: text_at(panel, kerinci, latihan) == "Belum")


def test_roles_without_the_right_do_not_see_the_judging(
    qtbot: QtBot, store: Store, tiny_operation: TinyOperation, aspects: dict[str, int]
) -> None:
    panel = make_panel(qtbot, store, OPERATOR)
    assert not panel.judge_button.isVisible()
    assert panel.select_cell(tiny_operation.bungo_id, aspects["personel"])
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert panel.dialog is None
    assert judgements(store) == []


# -- live ---------------------------------------------------------------------------------------


def judged_elsewhere(
    store: Store, op: TinyOperation, unit_id: int, aspect_id: int, level: str, note: str | None
) -> JournalChanges:
    """A judgement set on another workstation, as the change feed reports it."""
    follower = JournalFollower(store)
    set_judgement(store, OTHER, op.operation_id, JudgementValue(unit_id, aspect_id, level, note))
    changes = follower.poll()
    assert changes is not None and "readiness_judgement" in changes
    return changes


def test_a_judgement_from_another_workstation_repaints_only_its_row_and_the_roll_up(
    qtbot: QtBot, panel: ReadinessPanel, store: Store, tiny_operation: TinyOperation,
    aspects: dict[str, int],
) -> None:  # fmt: skip
    kerinci, posko = tiny_operation.kerinci_id, aspects["posko"]
    changes = judged_elsewhere(store, tiny_operation, kerinci, posko, "catatan", "Genset rusak")
    m = panel.model
    resets: list[bool] = []
    painted: set[int] = set()
    m.modelReset.connect(lambda: resets.append(True))

    def repainted(top: QModelIndex, bottom: QModelIndex, _roles: object = None) -> None:
        painted.update(range(top.row(), bottom.row() + 1))

    m.dataChanged.connect(repainted)
    before = panel.readiness
    assert before is not None
    with qtbot.waitSignal(panel.read_shown):
        panel.apply_changes(changes)
    assert text_at(panel, kerinci, posko) == "Catatan"
    assert resets == []
    assert painted == {0, m.row_of(kerinci)}
    # A judgement moves no TPS or personnel: the re-read kept the strength's inputs (at
    # national scale 0.26 s against 1.7 s for a full read: bench/readiness.py).
    after = panel.readiness
    assert after is not None and after.inputs is before.inputs


def test_a_hidden_panel_reads_nothing_until_shown(
    qtbot: QtBot, panel: ReadinessPanel, store: Store, tiny_operation: TinyOperation,
    aspects: dict[str, int],
) -> None:  # fmt: skip
    panel.hide()
    changes = judged_elsewhere(store, tiny_operation, tiny_operation.bungo_id, aspects["posko"],
                               "siap", None)  # fmt: skip
    reads: list[bool] = []
    panel.read_shown.connect(lambda: reads.append(True))
    panel.apply_changes(changes)
    assert panel.live.pending() is not None and not panel.live.held  # kept, not read
    with qtbot.waitSignal(panel.read_shown):
        panel.show()
    assert reads == [True]
    assert text_at(panel, tiny_operation.bungo_id, aspects["posko"]) == "Siap"


# -- in the main window -------------------------------------------------------------------------


def test_the_tab_its_keys_and_f2_on_a_cell(
    qtbot: QtBot, window: MainWindow, tiny_operation: TinyOperation, aspects: dict[str, int]
) -> None:
    page = window.operation_page
    assert page.tabs.tabText(Tab.READINESS) == "Kesiapan"
    window.show()
    qtbot.waitExposed(window)
    window.findChild(object, "readinessTabAction").trigger()
    assert page.tabs.currentIndex() == Tab.READINESS
    panel = page.readiness
    assert panel is not None
    qtbot.waitUntil(panel.loaded)
    assert panel.select_cell(tiny_operation.kerinci_id, aspects["latihan"])
    window.unit_status_action.trigger()  # F2: on this tab, the cell's judgement
    assert panel.dialog is not None and panel.dialog.isVisible()
    assert window.readiness_judge_action.isVisible()  # Actor("test"): an admin
    panel.dialog.done(0)


def test_operators_have_no_judging_menu_item(qtbot: QtBot, store: Store,
                                             tiny_operation: TinyOperation) -> None:  # fmt: skip
    made = MainWindow(store, actor=OPERATOR)
    qtbot.addWidget(made)
    assert not made.readiness_judge_action.isVisible()
    assert not made.readiness_judge_action.isEnabled()  # Ctrl+K does nothing either


def test_at_1366_the_matrix_fits_beside_its_evidence_uncut(
    qtbot: QtBot, app_look: None, window: MainWindow
) -> None:
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.operation_page.show_tab(Tab.READINESS)
    panel = window.operation_page.readiness
    assert panel is not None
    qtbot.waitUntil(panel.loaded)
    view, header = panel.view, panel.view.horizontalHeader()
    qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() == 0)  # every column shows
    assert panel.evidence.width() >= panel.evidence.minimumWidth() > 0
    heads = QFontMetrics(header.font())
    cells = QFontMetrics(view.font())
    m = panel.model
    for column in range(1, m.columnCount()):
        # The header's padding (2 px a side) and the style's margin around a section's text.
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
        room = header.sectionSize(column) - 4 - 2 * margin
        label = str(m.headerData(column, Qt.Orientation.Horizontal))
        assert all(heads.horizontalAdvance(line) <= room for line in label.split("\n")), label
        assert cells.horizontalAdvance("Catatan*") + 2 * 4 + 6 <= header.sectionSize(column)


def test_the_open_tab_follows_the_journal_feed(
    qtbot: QtBot, window: MainWindow, store: Store, tiny_operation: TinyOperation,
    aspects: dict[str, int],
) -> None:  # fmt: skip
    window.show()
    qtbot.waitExposed(window)
    window.operation_page.show_tab(Tab.READINESS)
    panel = window.operation_page.readiness
    assert panel is not None
    qtbot.waitUntil(panel.loaded)
    kerinci, posko = tiny_operation.kerinci_id, aspects["posko"]
    # Another workstation, through the core; the window's own change feed carries it.
    set_judgement(store, OTHER, tiny_operation.operation_id,
                  JudgementValue(kerinci, posko, "belum", "Posko belum berdiri"))  # fmt: skip
    qtbot.waitUntil(lambda: text_at(panel, kerinci, posko) == "Belum")


def test_a_unit_status_change_reads_nothing(
    qtbot: QtBot, panel: ReadinessPanel, store: Store, tiny_operation: TinyOperation
) -> None:
    follower = JournalFollower(store)
    with store.read() as s:
        moving = by_code(s, UnitStatus, tiny_operation.operation_id)["bergerak"].id
    units.set_status(store, OPERATOR, tiny_operation.bungo_id, moving)
    changes = follower.poll()
    assert changes is not None and "unit" in changes
    panel.apply_changes(changes)
    # Not merely later: no read was started and nothing waits (a read holds the updates).
    assert not panel.live.held and panel.live.pending() is None


# -- the units board's readiness column -----------------------------------------------------------


def test_the_units_board_shows_each_units_readiness_and_follows_it(
    qtbot: QtBot, window: MainWindow, store: Store, tiny_operation: TinyOperation,
    aspects: dict[str, int],
) -> None:  # fmt: skip
    board = window.operation_page.board
    assert board is not None
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: board.readiness_column.reads > 0)
    section = board.rows.cells.layout.first(UnitsColumn.READINESS)
    model = board.rows.flat_model
    assert model.headerData(section, Qt.Orientation.Horizontal) == "Kesiapan"

    def level(unit_id: int) -> str:
        return str(model.index_of(unit_id, section).data())

    assert level(tiny_operation.bungo_id) == "Belum"  # short of 6 police of 10
    assert level(tiny_operation.kerinci_id) == "Siap"
    assert level(tiny_operation.polda_id) == "Belum"  # the roll-up: its worst unit
    set_judgement(store, OTHER, tiny_operation.operation_id,
                  JudgementValue(tiny_operation.kerinci_id, aspects["posko"], "catatan",
                                 "Genset belum tiba"))  # fmt: skip
    qtbot.waitUntil(lambda: level(tiny_operation.kerinci_id) == "Catatan")


def test_ctrl_5_puts_the_keys_in_the_matrix_on_a_chosen_cell(
    qtbot: QtBot, window: MainWindow, tiny_operation: TinyOperation
) -> None:
    """Found by driving the real window: after Ctrl+5 the arrows did nothing (no cell chosen,
    the focus left on the tab bar)."""
    window.show()
    qtbot.waitExposed(window)
    window.operation_page.show_tab(Tab.READINESS)
    panel = window.operation_page.readiness
    assert panel is not None
    qtbot.waitUntil(lambda: panel.readiness is not None)
    assert panel.view.hasFocus() or QApplication.focusWidget() is panel.view
    index = panel.view.currentIndex()
    assert (index.row(), index.column()) == (1, 1)  # the first unit's first aspect
    assert "Polres" in panel.evidence.toPlainText()
