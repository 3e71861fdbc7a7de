"""The planning window: sound models before and after updates, edits through the core,
undo of ratings, saved patterns and accepted proposals, and the menu entry.

The operation is tests/builders.py's small one (hand-computable): on voting day Polres A
needs 14 police and has 16, Polres B needs 6 and has 9; Sat Brimob is the reserve.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QMainWindow, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from opscenter import journal, planning
from opscenter.actor import Actor
from opscenter.errors import StatementTimeout
from opscenter.live import JournalChanges, JournalFollower
from opscenter.model import (
    Account,
    Aspect,
    JournalTxn,
    PollingStation,
    Stage,
    TpsCategory,
    VulnerabilityLevel,
)
from opscenter.planning import TpsChange
from opscenter.reference import GuardPattern, by_code
from opscenter.store import Store
from opscenter.strength_inputs import required_strength
from tests.builders import Small, build_small_operation, commanders_in_polres_b
from tests.ui.answers import answer_next_question
from ui.confirm import BOX_NAME as CONFIRM_NAME
from ui.confirm import YES_NAME
from ui.planning_menu import install
from ui.planning_models import (
    LEVEL_ROLE,
    HeatColumn,
    HeatMapModel,
    NeedColumn,
    PendingTps,
    ProposalColumn,
    ProposalsModel,
    RequirementsModel,
    TpsChangeColumn,
    TpsChangesModel,
)
from ui.planning_window import PlanningWindow, open_planning

ADMIN = Actor("admin.uji", role="admin")


@pytest.fixture
def small(store: Store) -> Small:
    return build_small_operation(store)


def settled(qtbot: QtBot, w: PlanningWindow) -> PlanningWindow:
    """``w`` once its reads (off the GUI thread) and writes have landed."""
    qtbot.waitUntil(lambda: not w.busy())
    return w


@pytest.fixture
def window(qtbot: QtBot, store: Store, small: Small) -> PlanningWindow:
    w = PlanningWindow(store, actor=ADMIN, stage_code="pemungutan")
    qtbot.addWidget(w)
    return settled(qtbot, w)


def _ids(store: Store, small: Small) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    with store.read() as s:
        op = small.operation_id
        return (
            {c: x.id for c, x in by_code(s, TpsCategory, op).items()},
            {c: x.id for c, x in by_code(s, Aspect, op).items()},
            {c: x.id for c, x in by_code(s, VulnerabilityLevel, op).items()},
        )


def _row_of(model: RequirementsModel, unit_id: int) -> int:
    return next(i for i, u in enumerate(model.rows()) if u.unit_id == unit_id)


def _guard_rawan_2_1_2(store: Store, small: Small) -> dict[str, int]:
    """Save rawan TPS guarded 2-1-2 (as another workstation would): Polres B is then short
    by 1, and one proposal covers it. Returns the categories' ids by code."""
    cats, _, _ = _ids(store, small)
    planning.save_what_if(
        store,
        ADMIN,
        small.operation_id,
        planning.WhatIf(patterns={cats["rawan"]: GuardPattern(2, 1, 2)}),
    )
    return cats


def _journal_head(store: Store) -> int:
    with store.read() as s:
        return journal.head(s)


def _last_action(store: Store) -> str:
    with store.read() as s:
        txn = s.scalars(select(JournalTxn).order_by(JournalTxn.id.desc())).first()
        assert txn is not None
        return txn.action


def test_models_are_sound_empty(qtmodeltester: ModelTester) -> None:
    for model in (HeatMapModel(), RequirementsModel(), ProposalsModel()):
        qtmodeltester.check(model)
        assert model.rowCount() == 0


def test_window_shows_the_stage(window: PlanningWindow, small: Small) -> None:
    assert window.stage_combo.currentText() == "Pemungutan suara"
    needs = window.needs
    pa = needs.row(_row_of(needs, small.units["PA"]))
    assert (pa.police_required, pa.police_available, pa.balance) == (14, 16, 2)
    assert needs.data(needs.index(_row_of(needs, small.units["PB"]), NeedColumn.BALANCE)) == "+3"
    heat = window.heat
    assert heat.rowCount() == 2 and heat.columnCount() == 4 + 2
    assert heat.headerData(HeatColumn.FIRST_ASPECT, Qt.Orientation.Horizontal) == "Politik"
    assert heat.data(heat.index(0, HeatColumn.REGION)) == "Kab. A"
    assert window.proposals.rowCount() == 0
    assert not window.accept_button.isEnabled()
    assert "Tidak ada Polres yang kekurangan" in window.summary.text()


def test_rating_edit_goes_through_the_core_and_undoes(
    qtmodeltester: ModelTester, qtbot: QtBot, window: PlanningWindow, store: Store, small: Small
) -> None:
    qtmodeltester.check(window.heat)
    _, aspects, levels = _ids(store, small)
    heat = window.heat
    cell = heat.index(0, HeatColumn.FIRST_ASPECT + 3)  # Kabupaten A, keamanan
    assert heat.key(cell) == (small.regions["A"], aspects["keamanan"])
    assert heat.flags(cell) & Qt.ItemFlag.ItemIsEditable

    # Through the delegate's combo, as a double click would.
    view_index = window.heat_proxy.mapFromSource(cell)
    delegate = window.heat_view.itemDelegate()
    editor = delegate.createEditor(window.heat_view, None, view_index)  # type: ignore[arg-type]
    assert isinstance(editor, QComboBox)
    assert [editor.itemText(i) for i in range(editor.count())][1:] == ["Rendah", "Sedang", "Tinggi"]
    delegate.setEditorData(editor, view_index)
    assert editor.currentIndex() == 0  # empty cell
    editor.setCurrentIndex(editor.findData(levels["tinggi"]))
    with qtbot.waitSignal(window.writes.write_done):
        delegate.setModelData(editor, window.heat_proxy, view_index)
        assert window.saving_note.text() == "Menyimpan\u2026"  # pending, in the status bar
    assert window.saving_note.isHidden()
    editor.deleteLater()

    assert heat.data(cell) == "Tinggi" and heat.data(cell, LEVEL_ROLE) == levels["tinggi"]
    assert _last_action(store) == "vulnerability.set"
    # The vulnerability ranks deficits: the requirements table shows it once read again.
    settled(qtbot, window)
    needs = window.needs
    assert needs.row(_row_of(needs, small.units["PA"])).vulnerability_name == "Tinggi"

    with qtbot.waitSignal(window.writes.write_done):
        window.undo_stack.undo()
    assert heat.data(cell) == "\u2014" and heat.data(cell, LEVEL_ROLE) is None
    assert _last_action(store) == "vulnerability.clear"
    with qtbot.waitSignal(window.writes.write_done):
        window.undo_stack.redo()
    assert heat.data(cell) == "Tinggi"
    settled(qtbot, window)
    with store.read() as s:
        m = planning.matrix(s, small.operation_id, window.stage_id)
    assert m.cell(small.regions["A"], aspects["keamanan"]) is not None


def test_what_if_updates_at_once_and_saves_only_on_simpan(
    qtmodeltester: ModelTester, qtbot: QtBot, window: PlanningWindow, store: Store, small: Small
) -> None:
    qtmodeltester.check(window.needs)
    qtmodeltester.check(window.proposals)
    cats, _, _ = _ids(store, small)
    with qtbot.assertNotEmitted(window.needs.modelReset):
        # Rawan guarded 2-1-2: Polres A 16 (balance 0), Polres B 10 against 9 (deficit 1).
        window.form.set_pattern(cats["rawan"], GuardPattern(2, 1, 2))
    needs = window.needs
    assert needs.row(_row_of(needs, small.units["PB"])).balance == -1
    assert needs.row(_row_of(needs, small.units["PA"])).police_required == 16
    assert window.proposals.rowCount() == 1
    assert window.proposals.data(window.proposals.index(0, ProposalColumn.SOURCE)) == "Sat Brimob"
    assert "Polres B kurang 1 personel" in window.reason.text()
    # Unsaved: the database still says 2-2-4, and proposals cannot be accepted yet.
    assert "BELUM TERSIMPAN" in window.form.state.text()
    assert not window.accept_button.isEnabled()
    with store.read() as s:
        assert (
            required_strength(s, small.operation_id).by_unit[small.units["PB"]].police_required == 6
        )

    with qtbot.waitSignal(window.writes.write_done):
        window.form.save_button.click()
    assert _last_action(store) == "plan.save_what_if"
    with store.read() as s:
        assert s.get_one(TpsCategory, cats["rawan"]).guard_tps == 1
    settled(qtbot, window)
    assert window.accept_button.isEnabled()
    assert "Memakai pola yang tersimpan" in window.form.state.text()

    with qtbot.waitSignal(window.writes.write_done):
        window.undo_stack.undo()  # back to 2-2-4, saved
    settled(qtbot, window)
    with store.read() as s:
        assert s.get_one(TpsCategory, cats["rawan"]).guard_tps == 2
    assert window.needs.row(_row_of(window.needs, small.units["PB"])).balance == 3
    assert window.proposals.rowCount() == 0


def test_accept_creates_bko_and_undo_withdraws_it(
    qtmodeltester: ModelTester, qtbot: QtBot, window: PlanningWindow, store: Store, small: Small
) -> None:
    qtmodeltester.check(window.proposals)
    qtmodeltester.check(window.needs)
    _guard_rawan_2_1_2(store, small)
    window.reload()
    settled(qtbot, window)
    assert window.proposals.rowCount() == 1 and window.accept_button.isEnabled()

    asked = answer_next_question(YES_NAME)  # how many move where (tests/ui/test_keys.py)
    with qtbot.waitSignal(window.writes.write_done):
        window.accept_button.click()
    assert asked == [CONFIRM_NAME]
    assert _last_action(store) == "plan.accept"
    settled(qtbot, window)
    assert window.needs.row(_row_of(window.needs, small.units["PB"])).balance == 0
    assert window.proposals.rowCount() == 0
    assert "Ctrl+Z" in window.banner.text()

    with qtbot.waitSignal(window.writes.write_done):
        window.undo_stack.undo()
    assert _last_action(store) == "plan.withdraw"
    settled(qtbot, window)
    assert window.needs.row(_row_of(window.needs, small.units["PB"])).balance == -1
    assert window.proposals.rowCount() == 1


def test_refusal_is_a_sentence_not_a_traceback(qtbot: QtBot, store: Store, small: Small) -> None:
    operator = PlanningWindow(store, actor=Actor("op", role="operator"), stage_code="pemungutan")
    qtbot.addWidget(operator)
    settled(qtbot, operator)
    _, _, levels = _ids(store, small)
    heat = operator.heat
    with qtbot.waitSignal(operator.writes.write_done) as refused:
        heat.setData(heat.index(1, HeatColumn.FIRST_ASPECT), levels["sedang"])
    assert refused.args == [False]
    assert not operator.banner.isHidden()
    assert operator.banner.text() == "Peran operator tidak berwenang untuk tindakan ini."
    assert heat.data(heat.index(1, HeatColumn.FIRST_ASPECT)) == "\u2014"
    assert operator.undo_stack.count() == 0
    settled(qtbot, operator)  # the refusal reads everything again
    assert operator.banner.text() == "Peran operator tidak berwenang untuk tindakan ini."


def test_excel_export_and_bad_import_from_the_window(
    qtbot: QtBot, window: PlanningWindow, store: Store, small: Small, tmp_path: Path
) -> None:
    out = tmp_path / "kerawanan.xlsx"
    window.export_to(out)
    assert out.exists() and "0 penilaian ditulis" in window.banner.text()
    bad = tmp_path / "rusak.xlsx"
    bad.write_text("bukan buku kerja")
    with qtbot.waitSignal(window.workbook.ended):
        window.import_from(bad)
    assert "tidak dapat dibaca sebagai buku kerja Excel" in window.banner.text()

    from openpyxl import load_workbook

    wb = load_workbook(out)
    wb["Kerawanan"].append(["Pemungutan suara", "Kabupaten Z", "Politik", "Polri", "Tinggi"])
    wb.save(out)
    head = _journal_head(store)
    with qtbot.waitSignal(window.workbook.ended) as ended:
        window.import_from(out)
    assert ended.args == [False]
    assert _journal_head(store) == head  # refused: nothing saved
    text = window.banner.text()
    assert text.startswith(f"Berkas {out} ditolak, tidak ada yang disimpan. Perbaiki 1 sel")
    row = wb["Kerawanan"].max_row
    assert f"Kerawanan!B{row} (Wilayah): \u201cKabupaten Z\u201d tidak dikenal" in text
    marked = tmp_path / "kerawanan-ditolak.xlsx"
    assert f"ditandai merah di {marked}" in text
    cell = load_workbook(marked)["Kerawanan"][f"B{row}"]
    assert cell.comment is not None and "tidak dikenal" in cell.comment.text
    settled(qtbot, window)


def test_menu_opens_one_planning_window(qtbot: QtBot, store: Store, small: Small) -> None:
    main = QMainWindow()
    qtbot.addWidget(main)
    install(main, ADMIN, store=store)
    [menu] = [a for a in main.menuBar().actions() if a.text() == "&Perencanaan"]
    action = menu.menu().actions()[0]  # type: ignore[union-attr]
    assert action.text() == "&Kerawanan dan penebalan\u2026"
    assert action.shortcut().toString() == "Ctrl+R"
    action.trigger()
    first = main.findChild(PlanningWindow)
    assert first is not None and first.isVisible()
    assert open_planning(main, store, ADMIN) is first
    first.close()


def test_heat_map_model_updates_one_cell(qtmodeltester: ModelTester, qtbot: QtBot) -> None:
    from opscenter.planning.vulnerability import Matrix, RefItem, RegionRef

    levels = (
        RefItem(1, "rendah", "Rendah", 1, "#2e7d32"),
        RefItem(2, "tinggi", "Tinggi", 2, "#c62828"),
    )
    aspects = (RefItem(10, "politik", "Politik", 1), RefItem(11, "keamanan", "Keamanan", 2))
    regions = (RegionRef(5, "Kabupaten Kerinci", "kabkota", "Kabupaten Kerinci", 5),)
    model = HeatMapModel()
    qtmodeltester.check(model)
    model.set_matrix(
        Matrix(RefItem(1, "pemungutan", "Pemungutan suara", 5), regions, aspects, levels, {})
    )
    rating = planning.Rating(1, 1, 5, 1, 11, "polri", 2, None, "Konflik pendukung")
    with qtbot.waitSignal(model.dataChanged, timeout=0) as blocker:
        model.set_rating(5, 11, rating)
    assert [(i.row(), i.column()) for i in blocker.args[:2]] == [(0, 2), (0, 2)]
    assert model.data(model.index(0, 2)) == "Tinggi"
    assert "Konflik pendukung" in model.data(model.index(0, 2), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(0, 3)) == "\u2014"  # Bawaslu: none
    assert model.index(0, 0).parent() == QModelIndex()


def test_kecamatan_rows_can_be_shown_and_rated(
    qtmodeltester: ModelTester, qtbot: QtBot, window: PlanningWindow, store: Store, small: Small
) -> None:
    qtmodeltester.check(window.heat)
    window.kecamatan_box.setChecked(True)
    settled(qtbot, window)
    heat = window.heat
    # Kabupaten A, its Kecamatan A1 and A2; Kota B, its Kecamatan B1.
    assert [heat.data(heat.index(r, HeatColumn.REGION)) for r in range(heat.rowCount())] == [
        "Kab. A", "\u2003A1", "\u2003A2", "Kota B", "\u2003B1",
    ]  # fmt: skip
    _, _, levels = _ids(store, small)
    with qtbot.waitSignal(window.writes.write_done):
        heat.setData(heat.index(4, HeatColumn.FIRST_ASPECT + 3), levels["tinggi"])
    assert heat.data(heat.index(4, HeatColumn.FIRST_ASPECT + 3)) == "Tinggi"
    # A kecamatan's level counts for its Polres: Polres B is now rated tinggi.
    settled(qtbot, window)
    needs = window.needs
    assert needs.row(_row_of(needs, small.units["PB"])).vulnerability_name == "Tinggi"
    window.kecamatan_box.setChecked(False)
    settled(qtbot, window)
    assert heat.rowCount() == 2


def _tps_id(store: Store, small: Small, desa: str, number: int) -> int:
    with store.read() as s:
        tps_id = s.scalars(
            select(PollingStation.id).where(
                PollingStation.operation_id == small.operation_id,
                PollingStation.region_id == small.regions[desa],
                PollingStation.number == number,
            )
        ).one()
        return int(tps_id)


def _category_of(store: Store, tps_id: int) -> int:
    with store.read() as s:
        return s.get_one(PollingStation, tps_id).category_id


def test_tps_changes_model_is_sound(qtmodeltester: ModelTester) -> None:
    model = TpsChangesModel()
    qtmodeltester.check(model)
    change = TpsChange(7, 3, 2, 1, 4, 1)
    model.set_rows([PendingTps(change, "TPS 1 Desa X", "Kecamatan Y", "Kurang rawan", "Rawan")])
    qtmodeltester.check(model)
    assert model.data(model.index(0, TpsChangeColumn.TO)) == "Rawan"
    model.set_rows([])
    assert model.rowCount() == 0


def test_tps_category_what_if_updates_at_once_and_saves_only_on_simpan(
    qtmodeltester: ModelTester, qtbot: QtBot, window: PlanningWindow, store: Store, small: Small
) -> None:
    cats, _, _ = _ids(store, small)
    form = window.tps_form
    qtmodeltester.check(form.model)
    needs = window.needs
    pa = small.units["PA"]
    assert needs.row(_row_of(needs, pa)).police_required == 14
    # TPS 1 of Desa A2a (Kecamatan A2, guarded by Polsek A2) goes kurang-rawan -> sangat-rawan.
    # Before: (PA2, A2, kurang-rawan) 8 TPS: 2 * ceil(8/8) = 2, no sangat-rawan group.
    # After: 7 TPS: 2 * ceil(7/8) = 2, and (PA2, A2, sangat-rawan) 1 TPS: 2 * ceil(1/1) = 2.
    # Polres A: 14 + 2 = 16.
    tps_id = _tps_id(store, small, "A2a", 1)
    assert _category_of(store, tps_id) == cats["kurang-rawan"]
    form.choose(tps_id, cats["sangat-rawan"])
    with qtbot.assertNotEmitted(needs.modelReset):
        form.apply_button.click()
    assert form.model.rowCount() == 1
    assert needs.row(_row_of(needs, pa)).police_required == 16
    assert "BAGAIMANA JIKA" in window.needs_title.text()
    assert "BELUM TERSIMPAN" in window.form.state.text()
    assert not window.accept_button.isEnabled()
    assert window.form.save_button.isEnabled()
    assert _category_of(store, tps_id) == cats["kurang-rawan"]  # nothing saved yet

    # Removing the pending change brings the stored figures back; applying again re-adds it.
    form.view.selectRow(0)
    form.remove_button.click()
    assert form.model.rowCount() == 0
    assert needs.row(_row_of(needs, pa)).police_required == 14
    assert not window.form.save_button.isEnabled()
    form.choose(tps_id, cats["sangat-rawan"])
    form.apply_button.click()
    assert needs.row(_row_of(needs, pa)).police_required == 16

    with qtbot.waitSignal(window.writes.write_done):
        window.form.save_button.click()
    assert _last_action(store) == "plan.save_what_if"
    assert _category_of(store, tps_id) == cats["sangat-rawan"]
    settled(qtbot, window)
    assert form.model.rowCount() == 0
    assert needs.row(_row_of(needs, pa)).police_required == 16
    assert "BAGAIMANA JIKA" not in window.needs_title.text()
    with store.read() as s:
        assert required_strength(s, small.operation_id).by_unit[pa].police_required == 16

    with qtbot.waitSignal(window.writes.write_done):
        window.undo_stack.undo()  # the TPS goes back to kurang-rawan, journaled too
    assert _category_of(store, tps_id) == cats["kurang-rawan"]
    settled(qtbot, window)
    assert needs.row(_row_of(needs, pa)).police_required == 14
    with qtbot.waitSignal(window.writes.write_done):
        window.undo_stack.redo()
    assert _category_of(store, tps_id) == cats["sangat-rawan"]
    settled(qtbot, window)


def test_delete_on_the_tps_changes_list_drops_the_chosen_change(
    qtbot: QtBot, window: PlanningWindow, store: Store, small: Small
) -> None:
    """Delete on the pending changes does what Hapus does (``ui.form_tables.delete_key``)."""
    cats, _, _ = _ids(store, small)
    form = window.tps_form
    form.choose(_tps_id(store, small, "A2a", 1), cats["sangat-rawan"])
    form.apply_button.click()
    assert form.model.rowCount() == 1
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    form.view.setFocus()
    qtbot.waitUntil(form.view.hasFocus)
    form.view.selectRow(0)
    qtbot.keyClick(form.view, Qt.Key.Key_Delete)
    assert form.model.rowCount() == 0
    assert not window.form.save_button.isEnabled()


def test_tps_what_if_is_discarded_by_kembalikan(
    window: PlanningWindow, store: Store, small: Small
) -> None:
    cats, _, _ = _ids(store, small)
    tps_id = _tps_id(store, small, "A2a", 1)
    window.tps_form.choose(tps_id, cats["sangat-rawan"])
    window.tps_form.apply()
    assert window.needs.row(_row_of(window.needs, small.units["PA"])).police_required == 16
    window.form.reset_button.click()
    assert window.tps_form.model.rowCount() == 0
    assert window.needs.row(_row_of(window.needs, small.units["PA"])).police_required == 14
    assert _category_of(store, tps_id) == cats["kurang-rawan"]


# --- the import off the GUI thread, the live feed's reload and wants ---------------------------


def _valid_workbook(window: PlanningWindow, tmp_path: Path) -> Path:
    """The exported matrix plus one new Polri rating: an import adds one row."""
    from openpyxl import load_workbook

    out = tmp_path / "kerawanan.xlsx"
    window.export_to(out)
    wb = load_workbook(out)
    wb["Kerawanan"].append(["pemungutan", "Kabupaten A", "Ekonomi", "Polri", "Rendah"])
    wb.save(out)
    return out


@contextmanager
def _write_lock(store: Store) -> Iterator[None]:
    """Another workstation holds the database's write lock (SQLite: BEGIN IMMEDIATE), so an
    import cannot commit until it lets go: the import is certainly still running inside."""
    db = store.engine.url.database
    assert db is not None
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.rollback()
        other.close()


def test_import_runs_off_the_gui_thread(
    qtbot: QtBot, window: PlanningWindow, store: Store, small: Small, tmp_path: Path
) -> None:
    out = _valid_workbook(window, tmp_path)
    ticks: list[int] = []
    with _write_lock(store):
        job = window.import_from(out)
        assert job is not None and job.dialog is not None  # the worker's progress and cancel
        # The window goes on answering while the import waits: a queued event is handled,
        # and a reload (a read) runs, before the import can have ended.
        QTimer.singleShot(0, window, lambda: ticks.append(1))
        qtbot.waitUntil(lambda: ticks == [1])
        window.reload()
        settled(qtbot, window)
        assert not job.done and not window.import_button.isEnabled()
        assert window.import_from(out) is None  # one import at a time
    with qtbot.waitSignal(window.workbook.ended) as ended:
        pass
    assert ended.args == [True] and job.done
    assert window.banner.text() == "Impor selesai: 1 baru, 0 berubah, 0 tetap."
    assert window.import_button.isEnabled() and _last_action(store) == "vulnerability.import"
    settled(qtbot, window)


def test_a_cancelled_import_saves_nothing(
    qtbot: QtBot, window: PlanningWindow, store: Store, small: Small, tmp_path: Path
) -> None:
    out = _valid_workbook(window, tmp_path)
    head = _journal_head(store)
    with _write_lock(store):
        job = window.import_from(out)
        assert job is not None and job.dialog is not None
        cancel = job.dialog.findChild(QPushButton)
        assert cancel is not None and cancel.text() == "Batal"
        cancel.click()  # as the user would, in the progress dialog
    with qtbot.waitSignal(window.workbook.ended) as ended:
        pass
    assert ended.args == [False]
    assert window.banner.text() == "Impor dibatalkan; tidak ada yang disimpan."
    assert _journal_head(store) == head and window.import_button.isEnabled()


def test_reload_keeps_the_what_if_and_the_selection(
    qtbot: QtBot, window: PlanningWindow, store: Store, small: Small
) -> None:
    try:
        _reload_keeps_what_if_and_selection(qtbot, window, store, small)
    finally:
        window.discard_input()  # even after a failed assert: closing it then asks nothing


def _reload_keeps_what_if_and_selection(
    qtbot: QtBot, window: PlanningWindow, store: Store, small: Small
) -> None:
    cats, aspects, levels = _ids(store, small)
    window.form.set_pattern(cats["rawan"], GuardPattern(2, 1, 2))
    tps_id = _tps_id(store, small, "A2a", 1)
    window.tps_form.choose(tps_id, cats["sangat-rawan"])
    window.tps_form.apply()
    keamanan = HeatColumn.FIRST_ASPECT + 3
    window.heat_view.setCurrentIndex(
        window.heat_proxy.mapFromSource(window.heat.index(1, keamanan))
    )
    pb = window.needs_proxy.mapFromSource(
        window.needs.index(_row_of(window.needs, small.units["PB"]), 0)
    )
    window.needs_view.selectRow(pb.row())

    # Another workstation rates Kota B and renames the stage shown.
    planning.set_rating(
        store,
        ADMIN,
        small.operation_id,
        planning.RatingValue(
            small.regions["B"], window.stage_id, aspects["keamanan"], levels["tinggi"]
        ),
    )
    with store.transaction(ADMIN, "test.setup") as s:
        s.get_one(Stage, window.stage_id).name = "Pemungutan dan penghitungan suara"
    stage_id = window.stage_id
    window.reload()
    settled(qtbot, window)

    heat = window.heat
    assert heat.data(heat.index(1, keamanan)) == "Tinggi"  # read again
    current = window.heat_proxy.mapToSource(window.heat_view.currentIndex())
    assert heat.key(current) == (small.regions["B"], aspects["keamanan"])  # still chosen
    assert window.stage_id == stage_id
    assert window.stage_combo.currentText() == "Pemungutan dan penghitungan suara"
    # The unsaved what-if stays on top of the new figures.
    assert window.form.changes() == {cats["rawan"]: GuardPattern(2, 1, 2)}
    assert [c.tps_id for c in window.tps_form.changes()] == [tps_id]
    assert "BAGAIMANA JIKA" in window.needs_title.text()
    chosen = window.needs_view.selectionModel().selectedRows()
    assert [window.needs.row(window.needs_proxy.mapToSource(i).row()).unit_id for i in chosen] == [
        small.units["PB"]
    ]
    assert _category_of(store, tps_id) == cats["kurang-rawan"]  # nothing saved


def test_wants_the_changes_planning_shows(
    window: PlanningWindow, store: Store, small: Small
) -> None:
    follower = JournalFollower(store)
    _, aspects, levels = _ids(store, small)
    planning.set_rating(
        store,
        ADMIN,
        small.operation_id,
        planning.RatingValue(
            small.regions["A"], window.stage_id, aspects["politik"], levels["sedang"]
        ),
    )
    rated = follower.poll()
    assert rated is not None and window.wants(rated)
    with store.transaction(ADMIN, "test.setup") as s:
        s.add(Account(username="lain.uji", role="operator", full_name="Lain Uji"))
    other = follower.poll()
    assert other is not None and set(other.rows) == {"account"}
    assert not window.wants(other)

    def changed(entity: str) -> JournalChanges:
        return JournalChanges(1, 2, {entity: frozenset({1})})

    shown = ("unit", "personnel", "bko_assignment", "polling_station", "tps_category", "stage",
             "guard_post", "guard_post_tps", "guard_assignment")  # fmt: skip
    assert all(window.wants(changed(e)) for e in shown)
    assert not any(window.wants(changed(e)) for e in ("incident", "unit_status_change"))


def test_follows_the_journal_hidden_or_shown_and_reads_each_change_once(
    qtbot: QtBot,
    window: PlanningWindow,
    store: Store,
    small: Small,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 13: planning follows the feed through the one live path. Another workstation's
    rating shows without a reload by hand; while the window is hidden nothing is read, and
    on show the waiting changes are read once; the window's own save is read once."""
    from ui.live import ChangeFeed

    feed = ChangeFeed(store, window)
    window.live.follow(feed.changed)
    window.show()
    reloads: list[int] = []
    reload = window.reload

    def counted(*, keep_what_if: bool = True) -> None:
        reloads.append(1)
        reload(keep_what_if=keep_what_if)

    monkeypatch.setattr(window, "reload", counted)
    _, aspects, levels = _ids(store, small)
    cell = window.heat.cell_index(small.regions["A"], aspects["politik"])

    def rate(level: str) -> None:  # as another workstation would: straight through the core
        value = planning.RatingValue(
            small.regions["A"], window.stage_id, aspects["politik"], levels[level]
        )
        with qtbot.waitSignal(feed.changed):
            planning.set_rating(store, ADMIN, small.operation_id, value)

    rate("tinggi")
    qtbot.waitUntil(lambda: window.heat.data(cell) == "Tinggi")
    assert len(reloads) == 1

    window.hide()
    rate("sedang")
    rate("rendah")
    assert len(reloads) == 1 and window.heat.data(cell) == "Tinggi"  # hidden: nothing read
    window.show()
    settled(qtbot, window)
    assert len(reloads) == 2 and window.heat.data(cell) == "Rendah"  # both, in one read

    # The window's own edit is shown when saved; the feed's report of it is not read again.
    before = len(reloads)
    with qtbot.waitSignals([window.writes.write_done, feed.changed]):
        window._edit_rating(small.regions["A"], aspects["politik"], levels["sedang"])
    assert window.heat.data(cell) == "Sedang"
    settled(qtbot, window)
    assert len(reloads) == before
    # Someone else's change right after is read as usual.
    rate("tinggi")
    settled(qtbot, window)
    assert len(reloads) == before + 1 and window.heat.data(cell) == "Tinggi"


def test_the_plottings_shortfall_is_shown_and_proposed(
    qtmodeltester: ModelTester, qtbot: QtBot, store: Store, small: Small
) -> None:
    """Issue 18: six of Polres B's nine made Kompol (they command, not guard): the count says
    9 against 6, but the plotting leaves Kecamatan B1 short by 3. The requirements table shows
    3 under "Kurang di pos" (a dash before any plotting), the summary names Polres B short of
    3, one proposal covers it, accepting it leaves nothing to propose, and Ctrl+Z brings it
    back."""
    from opscenter.plotting.plot import plot
    from opscenter.plotting.posts import form_posts

    op = small.operation_id
    commanders_in_polres_b(store, small, 6)
    w = PlanningWindow(store, actor=ADMIN, stage_code="pemungutan")
    qtbot.addWidget(w)
    settled(qtbot, w)
    needs = w.needs
    pb = _row_of(needs, small.units["PB"])
    assert needs.data(needs.index(pb, NeedColumn.PLOT_SHORT)) == "\u2013"  # not plotted
    assert "belum diplot" in needs.data(
        needs.index(pb, NeedColumn.PLOT_SHORT), Qt.ItemDataRole.ToolTipRole
    )
    assert w.proposals.rowCount() == 0
    form_posts(store, ADMIN, op, w.stage_id)
    plot(store, ADMIN, op, w.stage_id)
    w.reload()
    settled(qtbot, w)
    pb = _row_of(needs, small.units["PB"])
    cell = needs.index(pb, NeedColumn.PLOT_SHORT)
    assert needs.data(needs.index(pb, NeedColumn.BALANCE)) == "+3"
    assert needs.data(cell) == "3"
    assert needs.data(cell, Qt.ItemDataRole.FontRole).bold()
    tip = needs.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Polres B: 3 personel kurang di pos setelah plotting; 0 personel")
    assert tip.endswith("perlu penebalan 3.")
    pa = _row_of(needs, small.units["PA"])
    assert needs.data(needs.index(pa, NeedColumn.PLOT_SHORT)) == "0"
    assert needs.data(needs.index(pa, NeedColumn.PLOT_SHORT), Qt.ItemDataRole.FontRole) is None
    assert w.summary.text().startswith("Polres B kurang 3 personel")
    assert "menurut plotting" in w.summary.text()
    assert w.proposals.rowCount() == 1
    assert w.proposals.row(0).count == 3 and w.proposals.row(0).from_plotting
    assert "di pos pengamanan TPS menurut plotting" in w.reason.text()
    qtmodeltester.check(needs)  # type: ignore[no-untyped-call]

    asked = answer_next_question(YES_NAME)
    with qtbot.waitSignal(w.writes.write_done):
        w.accept_button.click()
    assert asked == [CONFIRM_NAME] and _last_action(store) == "plan.accept"
    settled(qtbot, w)
    assert w.proposals.rowCount() == 0
    assert "Tidak ada Polres yang kekurangan" in w.summary.text()
    # Still 3 short on the posts until plotted again; the 3 on BKO are free for it.
    row = needs.row(_row_of(needs, small.units["PB"]))
    assert (row.plot_short, row.need) == (3, 0)
    with qtbot.waitSignal(w.writes.write_done):
        w.undo_stack.undo()
    assert _last_action(store) == "plan.withdraw"
    settled(qtbot, w)
    assert w.proposals.rowCount() == 1 and w.proposals.row(0).count == 3


# --- the reads off the GUI thread (LiveUpdates.read) --------------------------------------------


def test_the_reads_run_off_the_gui_thread(
    qtbot: QtBot, store: Store, small: Small, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The heat map, the plan's inputs (with the plotting's shortfall per Polres) and the TPS
    are read by a worker: at the first read, on a reload, and after one's own rating (the
    inputs alone then). On a command room's server the GUI thread would freeze on them."""
    on_gui: dict[str, list[bool]] = {}  # read -> for each call, whether on the GUI thread

    def watched(name: str) -> None:
        real = getattr(planning, name)

        def read(*args: object, **kwargs: object) -> object:
            on_gui.setdefault(name, []).append(
                threading.current_thread() is threading.main_thread()
            )
            return real(*args, **kwargs)

        monkeypatch.setattr(planning, name, read)

    for name in ("matrix", "load_base", "tps_rows"):
        watched(name)
    w = settled(qtbot, PlanningWindow(store, actor=ADMIN, stage_code="pemungutan"))
    qtbot.addWidget(w)
    assert on_gui == {"matrix": [False], "load_base": [False], "tps_rows": [False]}
    assert w.needs.row(_row_of(w.needs, small.units["PA"])).police_required == 14

    on_gui.clear()
    w.reload()
    settled(qtbot, w)
    assert on_gui == {"matrix": [False], "load_base": [False], "tps_rows": [False]}

    on_gui.clear()
    _, aspects, levels = _ids(store, small)
    with qtbot.waitSignal(w.writes.write_done):
        w._edit_rating(small.regions["B"], aspects["keamanan"], levels["tinggi"])
    settled(qtbot, w)
    assert on_gui == {"load_base": [False]}
    assert w.needs.row(_row_of(w.needs, small.units["PB"])).vulnerability_name == "Tinggi"


def test_a_failed_read_says_why_and_keeps_the_figures_whole(
    qtbot: QtBot, window: PlanningWindow, small: Small, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another workstation guards rawan 2-1-2, then the server gives up on the window's read.
    The banner says why; the figures stay those of the last read, the plan's inputs with
    them (a save is checked against their versions, its undo restores their patterns); the
    next read shows the new figures."""
    shown = window.base
    assert shown is not None
    cats = _guard_rawan_2_1_2(window.store, small)

    def timed_out(*_args: object, **_kwargs: object) -> object:
        raise StatementTimeout(seconds=30)

    monkeypatch.setattr(planning, "tps_rows", timed_out)
    window.reload()
    settled(qtbot, window)
    assert window.banner.text() == (
        "Server basis data tidak selesai dalam 30 detik dan membatalkan perintah ini; tidak ada "
        "yang tersimpan. Coba lagi, atau minta admin memeriksa beban server."
    )
    assert window.base is shown
    assert window.category_versions() == {c.id: c.version for c in shown.categories}
    assert window.form.stored()[cats["rawan"]] == GuardPattern(2, 2, 4)
    assert window.needs.row(_row_of(window.needs, small.units["PB"])).balance == 3
    assert window.proposals.rowCount() == 0

    monkeypatch.undo()
    window.reload()
    settled(qtbot, window)
    assert window.form.stored()[cats["rawan"]] == GuardPattern(2, 1, 2)
    assert window.needs.row(_row_of(window.needs, small.units["PB"])).balance == -1


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The window's reads of the TPS wait while this is cleared (it starts set): a test holds
    a read in flight, then lets it land."""
    opened = threading.Event()
    opened.set()
    real = planning.tps_rows

    def held(*args: object, **kwargs: object) -> object:
        assert opened.wait(10), "the test never let the read land"
        return real(*args, **kwargs)

    monkeypatch.setattr(planning, "tps_rows", held)
    try:
        yield opened
    finally:
        opened.set()  # even after a failed assert: no read waits on


def test_while_a_read_runs_nothing_is_saved_on_its_figures_and_nothing_typed_is_lost(
    qtbot: QtBot, window: PlanningWindow, small: Small, gate: threading.Event
) -> None:
    try:
        _read_in_flight(qtbot, window, small, gate)
    finally:
        gate.set()
        window.discard_input()  # even after a failed assert: closing it then asks nothing


def _read_in_flight(
    qtbot: QtBot, window: PlanningWindow, small: Small, gate: threading.Event
) -> None:
    """While a read is in flight the figures shown are about to be replaced: "Terima" and
    "Simpan" wait for it (the status bar says so), the what-if can still be typed, and what
    is typed then stays on top of the new figures. A save's own read drops the what-if it
    saved, not what was typed while it ran."""
    cats = _guard_rawan_2_1_2(window.store, small)
    window.reload()
    settled(qtbot, window)
    assert window.proposals.rowCount() == 1 and window.accept_button.isEnabled()
    assert window.reading_note.isHidden()

    gate.clear()
    window.reload()
    assert window.busy() and not window.accept_button.isEnabled()
    assert window.reading_note.text() == "Membaca angka terbaru\u2026"
    assert not window.reading_note.isHidden()
    window.form.set_pattern(cats["sangat-rawan"], GuardPattern(2, 1, 3))  # typed meanwhile
    assert "BELUM TERSIMPAN" in window.form.state.text()
    assert not window.form.save_button.isEnabled()
    gate.set()
    settled(qtbot, window)
    assert window.form.changes() == {cats["sangat-rawan"]: GuardPattern(2, 1, 3)}
    assert window.form.save_button.isEnabled() and window.reading_note.isHidden()

    gate.clear()
    with qtbot.waitSignal(window.writes.write_done):
        window.form.save_button.click()  # sangat-rawan 2-1-3; its read waits at the gate
    assert not window.form.save_button.isEnabled()
    window.form.set_pattern(cats["rawan"], GuardPattern(2, 1, 3))  # typed while it reads
    gate.set()
    settled(qtbot, window)
    assert window.form.stored()[cats["sangat-rawan"]] == GuardPattern(2, 1, 3)
    assert window.form.changes() == {cats["rawan"]: GuardPattern(2, 1, 3)}
    assert "BELUM TERSIMPAN" in window.form.state.text() and window.form.save_button.isEnabled()


def test_a_save_undone_before_its_read_lands_is_not_refused_against_itself(
    qtbot: QtBot, window: PlanningWindow, store: Store, small: Small, gate: threading.Event
) -> None:
    """Simpan, then Ctrl+Z while the save's read is still in flight (the figures shown
    still carry the versions from before the save): the undo expects what the save left,
    not what was read before it, so it goes through; then Ctrl+Y likewise."""
    cats, _, _ = _ids(store, small)
    rawan = cats["rawan"]
    before = window.form.stored()[rawan]
    window.form.set_pattern(rawan, GuardPattern(2, 1, 2))
    gate.clear()
    try:
        with qtbot.waitSignal(window.writes.write_done):
            window.form.save_button.click()
        assert window.live.reading  # the save's read waits at the gate
        with qtbot.waitSignal(window.writes.write_done) as undone:
            window.undo_stack.undo()
        assert undone.args == [True], window.banner.text()
        with qtbot.waitSignal(window.writes.write_done) as redone:
            window.undo_stack.redo()
        assert redone.args == [True], window.banner.text()
    finally:
        gate.set()
    settled(qtbot, window)
    with store.read() as s:
        saved = s.get_one(TpsCategory, rawan)
        assert (saved.guard_police, saved.guard_tps, saved.guard_linmas) == (2, 1, 2)
    assert before != GuardPattern(2, 1, 2) and "sudah diubah" not in window.banner.text()


def test_the_undo_button_names_each_planning_change_as_a_noun(qapp: object) -> None:
    """ "Batalkan perubahan kerawanan", not "Batalkan ubah kerawanan": the undo and redo
    buttons put their verb before the change, so each change is named as a thing done (as
    the plotting window's are)."""
    from types import SimpleNamespace
    from typing import Any, cast

    from ui.planning_commands import AcceptCommand, PatternCommand, RatingCommand

    window = cast(Any, SimpleNamespace(store=None, actor=None, operation_id=1, stage_id=1))
    pattern = GuardPattern(2, 8, 16)
    names = [
        RatingCommand(window, cast(Any, None), None, None).text(),
        AcceptCommand(window, cast(Any, (SimpleNamespace(count=5),))).text(),
        PatternCommand(window, {1: pattern}, {1: pattern}, (cast(Any, None),)).text(),
        PatternCommand(window, {1: GuardPattern(3, 8, 16)}, {1: pattern}).text(),
    ]
    assert names == [
        "perubahan kerawanan",
        "penerimaan penebalan 5 personel",
        "penyimpanan perubahan kategori TPS",
        "penyimpanan pola pengamanan",
    ]
