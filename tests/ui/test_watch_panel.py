"""The TPS watch tab (issue 18, item 5) on the small operation (tests/builders.py) in real
SQLite: typed entries and a post's batch recorded (the database checked), a refusal said in
the core's sentence with nothing changed, undo and redo through the window's stack (refused
over someone's newer report), another workstation's report shown live with the selection
kept, a commander reading only, the overdue list at a simulated clock, and "g" opening the
incident form on the TPS."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction, QFont, QFontMetrics, QUndoStack
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from opscenter import clock
from opscenter.actor import Actor
from opscenter.messages import describe
from opscenter.plotting.posts import form_posts
from opscenter.store import Store, open_store
from opscenter.watch import entry, steps
from opscenter.watch.entry import Mark, WatchRefused
from opscenter.watch.progress import Area, Late, TpsLine
from opscenter.watch.steps import Step
from tests.builders import ADMIN, Small, build_small_operation
from tests.core.test_watch import (  # the core's hand checks' helpers
    _at,
    _head,
    _rows,
    _steps,
    _tps,
)
from ui.desk import Desk
from ui.live import ChangeFeed
from ui.main_window import MainWindow
from ui.map_watch import watch_line
from ui.watch_entry import read_entry
from ui.watch_models import (
    ID_ROLE,
    SHARE_ROLE,
    OverduePlan,
    ProgressModel,
    due_text,
    plan_overdue,
)
from ui.watch_panel import WatchPanel

WIB = ZoneInfo("Asia/Jakarta")
OPERATOR = Actor("ops.uji", "operator")
COMMANDER = Actor("kdr.uji", "commander")


@pytest.fixture
def small(store: Store) -> Iterator[Small]:
    clock.simulate(_at(12, 0))  # voting day at noon: 06:00 has passed, 20:00 has not
    try:
        yield build_small_operation(store)
    finally:
        clock.use_real()


def _open(qtbot: QtBot, store: Store, actor: Actor = OPERATOR) -> WatchPanel:
    panel = WatchPanel(Desk(store, actor, QUndoStack()))
    qtbot.addWidget(panel)
    panel.resize(1300, 640)
    panel.show()
    _settle(qtbot, panel)
    return panel


def _settle(qtbot: QtBot, panel: WatchPanel) -> None:
    qtbot.waitUntil(lambda: not panel.busy() and panel.watch is not None, timeout=20_000)


def _type(qtbot: QtBot, panel: WatchPanel, text: str) -> bool:
    """Type ``text`` and press Enter; True when it was saved."""
    panel.entry.setText(text)
    with qtbot.waitSignal(panel.write_done, timeout=10_000) as done:
        qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    _settle(qtbot, panel)
    return bool(done.args[0])


def _kecamatan_row(panel: WatchPanel, name: str) -> list[str]:
    m = panel.progress_model
    for i in range(m.rowCount()):
        parent = m.index(i, 0)
        for j in range(m.rowCount(parent)):
            if m.index(j, 0, parent).data(Qt.ItemDataRole.ToolTipRole) == name:  # whole
                return [m.index(j, c, parent).data() for c in range(m.columnCount())]
    raise AssertionError(name)


# --- entering ------------------------------------------------------------------------------


def test_a_typed_entry_is_recorded_and_shown(
    qtbot: QtBot, qtmodeltester: ModelTester, store: Store, small: Small
) -> None:
    panel = _open(qtbot, store)
    for model in (panel.progress_model, panel.lines_model, panel.overdue_model):
        qtmodeltester.check(model)
    assert _type(qtbot, panel, "A1a 1 tiba 05:40")
    tps, tiba = _tps(store, small, "A1a", 1), _steps(store, small)["tiba"].id
    assert _rows(store) == [(tps, tiba, _at(5, 40))]
    assert panel.last_result == "Tercatat: Petugas tiba TPS 001 Desa A1a 05:40 WIB"
    assert panel.entry.text() == ""  # cleared for the next call
    # Kecamatan A1 has 13 TPS: 1 arrived.
    row = _kecamatan_row(panel, "Kecamatan A1")
    assert row[1] == "13" and row[2] == "1 (8%)" and row[3] == "0 (0%)"
    index = panel.progress_model.index_of(small.regions["A1"])
    share = panel.progress_model.index(index.row(), 2, index.parent()).data(SHARE_ROLE)
    assert share == pytest.approx(1 / 13)
    # Without a time: now (the exercise's clock), by the step's key.
    assert _type(qtbot, panel, "TPS 2 Desa A1a 1")
    assert (_tps(store, small, "A1a", 2), tiba) in {(t, s) for t, s, _a in _rows(store)}
    # The detail of the kecamatan: its TPS with each step's local time.
    assert panel.select_kecamatan(small.regions["A1"])
    qtbot.waitUntil(lambda: panel.lines_model.rowCount() == 13)
    _settle(qtbot, panel)
    first = [panel.lines_model.index(0, c).data() for c in range(3)]
    assert first == ["TPS 001 A1a", "05:40", ""]  # the column says the rest
    tip = panel.lines_model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "TPS 001 Desa A1a"
    # Guards who came the evening before: the time says its day, not an arrival at 18:30.
    assert _type(qtbot, panel, "A1a 3 1 2024-11-26 18:30")
    qtbot.waitUntil(lambda: panel.lines_model.index(2, 1).data() == "18:30 (-1)")
    for model in (panel.progress_model, panel.lines_model, panel.overdue_model):
        qtmodeltester.check(model)


def test_a_line_typed_while_saving_is_kept(qtbot: QtBot, store: Store, small: Small) -> None:
    panel = _open(qtbot, store)
    panel.entry.setText("A1a 1 1 05:40")
    with qtbot.waitSignal(panel.write_done, timeout=10_000):
        qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
        assert panel.pending_note.text() == "Menyimpan\u2026"  # the pending state shown
        panel.entry.setText("A1a 2 1 05:41")  # the next call, before the first is saved
    assert panel.last_result.startswith("Tercatat: Petugas tiba TPS 001 Desa A1a")
    assert panel.entry.text() == "A1a 2 1 05:41"
    _settle(qtbot, panel)


def test_a_post_is_entered_as_one_batch(qtbot: QtBot, store: Store, small: Small) -> None:
    form_posts(store, ADMIN, small.operation_id, small.stages["pemungutan"])
    panel = _open(qtbot, store)
    undo_before = panel.undo_stack.count()
    assert _type(qtbot, panel, "A1 P3 2 07:00")
    mulai = _steps(store, small)["mulai"].id
    both = {_tps(store, small, "A1a", 10), _tps(store, small, "A1a", 11)}
    assert {(t, s, a) for t, s, a in _rows(store)} == {(t, mulai, _at(7)) for t in both}
    assert panel.last_result == "Tercatat: Pemungutan dimulai pos A1 P3 (2 TPS) 07:00 WIB"
    # One entry, one step of the history: Ctrl+Z takes back the whole post.
    assert panel.undo_stack.count() == undo_before + 1
    with qtbot.waitSignal(panel.write_done, timeout=10_000):
        panel.undo_stack.undo()
    assert _rows(store) == []


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("A1a 99 1", "unknown_tps"),
        ("A1a 1 9", "unknown_step"),
        ("A1a 1 1 23:00", "future"),
        ("A1 P99 1", "unknown_post"),
        ("A1a", "empty"),
    ],
)
def test_a_refusal_is_the_cores_sentence_and_nothing_changes(
    qtbot: QtBot, store: Store, small: Small, typed: str, reason: str
) -> None:
    panel = _open(qtbot, store)
    rows, head = _rows(store), _head(store)
    assert not _type(qtbot, panel, typed)
    assert _rows(store) == rows and _head(store) == head
    assert panel.entry.text() == typed  # kept, to be corrected
    assert panel.undo_stack.count() == 0
    # The very sentence the core gives for that reason.
    with pytest.raises(WatchRefused) as refused:
        with store.read() as s:
            read = read_entry(s, small.operation_id, typed, clock.now())
        assert read.step is not None
        marks = [Mark(t, read.step.id, read.at) for t in read.tps_ids]
        entry.record(store, OPERATOR, small.operation_id, marks)
    assert refused.value.data["reason"] == reason
    assert panel.last_result == describe(refused.value)


# --- undo and redo -------------------------------------------------------------------------


def test_undo_and_redo_of_an_entry(qtbot: QtBot, store: Store, small: Small) -> None:
    panel = _open(qtbot, store)
    tps, tiba = _tps(store, small, "A1a", 1), _steps(store, small)["tiba"].id
    assert _type(qtbot, panel, "A1a 1 1 05:40")
    assert _type(qtbot, panel, "A1a 1 1 05:35")  # a correction
    assert panel.undo_stack.count() == 2
    with qtbot.waitSignal(panel.write_done, timeout=10_000) as done:
        panel.undo_stack.undo()
    assert done.args == [True] and _rows(store) == [(tps, tiba, _at(5, 40))]
    with qtbot.waitSignal(panel.write_done, timeout=10_000):
        panel.undo_stack.undo()
    assert _rows(store) == []
    with qtbot.waitSignal(panel.write_done, timeout=10_000):
        panel.undo_stack.redo()
    assert _rows(store) == [(tps, tiba, _at(5, 40))]
    with qtbot.waitSignal(panel.write_done, timeout=10_000):
        panel.undo_stack.redo()
    assert _rows(store) == [(tps, tiba, _at(5, 35))]


def test_an_undo_over_another_actors_newer_report_is_refused(
    qtbot: QtBot, store: Store, small: Small
) -> None:
    panel = _open(qtbot, store)
    tps, tiba = _tps(store, small, "A1a", 1), _steps(store, small)["tiba"].id
    assert _type(qtbot, panel, "A1a 1 1 05:40")
    entry.record(
        store, Actor("lain.uji", "operator"), small.operation_id, [Mark(tps, tiba, _at(5, 50))]
    )
    head = _head(store)
    with qtbot.waitSignal(panel.write_done, timeout=10_000) as done:
        panel.undo_stack.undo()
    assert done.args == [False]
    assert _rows(store) == [(tps, tiba, _at(5, 50))] and _head(store) == head
    assert panel.last_result == (
        "Petugas tiba TPS 001 Desa A1a sudah diubah oleh lain.uji sejak itu; pembatalan tidak "
        "dijalankan agar laporannya tidak hilang."
    )


# --- live, read-only, overdue ----------------------------------------------------------------


def test_another_workstations_report_shows_live_and_the_selection_stays(
    qtbot: QtBot, store: Store, small: Small, sqlite_url: str
) -> None:
    panel = _open(qtbot, store)
    feed = ChangeFeed(store, panel, interval_ms=0)
    panel.live.follow(feed.changed)
    assert panel.select_kecamatan(small.regions["A1"])
    qtbot.waitUntil(lambda: panel.lines_model.rowCount() == 13)
    _settle(qtbot, panel)
    resets: list[bool] = []
    panel.progress_model.modelReset.connect(lambda: resets.append(True))
    panel.lines_model.modelReset.connect(lambda: resets.append(True))
    other = open_store(sqlite_url)
    try:
        tps = _tps(store, small, "A1a", 3)
        entry.record(
            other,
            Actor("lain.uji", "operator"),
            small.operation_id,
            [Mark(tps, _steps(store, small)["hitung"].id, _at(11, 30))],
        )
    finally:
        other.dispose()
    qtbot.waitUntil(lambda: _kecamatan_row(panel, "Kecamatan A1")[5] == "1 (8%)", timeout=10_000)
    # Counted: the steps before it are reached too; the chosen kecamatan stays chosen.
    assert _kecamatan_row(panel, "Kecamatan A1")[2] == "1 (8%)"
    current = panel.tree.currentIndex()
    assert current.data(ID_ROLE) == small.regions["A1"]
    qtbot.waitUntil(lambda: panel.lines_model.index(2, 4).data() == "11:30", timeout=10_000)
    assert resets == []  # repainted, not rebuilt
    feed.stop()


def test_a_polres_with_tps_missing_does_not_read_100_percent(qtbot: QtBot) -> None:
    """The walk's Polres Tebo: 438 of its 440 TPS reported read "438 (100%)"; a share
    reads 100% only when every TPS is there, and 0% only when none is, in the tree and in
    the map's line alike."""
    tiba = Step(1, 1, 0, "tiba", "Petugas tiba", "Guards arrived", 360)
    figures = {1: 438, 2: 439, 3: 1, 4: 0, 5: 440}
    polres = [Area(i, f"Polres {i}", i, 440, (n,), 0, 0) for i, n in figures.items()]
    model = ProgressModel()
    model.set_watch((tiba,), polres, ())
    column = model.step_column(0)
    shown = [model.index(i, column).data() for i in range(model.rowCount())]
    assert shown == ["438 (99%)", "439 (99%)", "1 (1%)", "0 (0%)", "440 (100%)"]
    lines = [watch_line(a, tiba, "id") for a in polres]
    assert "438 dari 440 TPS petugas tiba (99%)" in lines[0]
    assert "1 dari 440 TPS petugas tiba (1%)" in lines[2]
    assert "0 dari 440 TPS petugas tiba (0%)" in lines[3]
    assert "440 dari 440 TPS petugas tiba (100%)" in lines[4]


def test_counts_are_grouped_as_the_locale_writes_them(qtbot: QtBot) -> None:
    """The tree printed "5090" and "4724 (93%)" under the summary strip's "5.090"."""
    tiba = Step(1, 1, 0, "tiba", "Petugas tiba", "Guards arrived", 360)
    before = QLocale()
    QLocale.setDefault(QLocale("id"))  # as ``ui.app`` sets it for the interface language
    try:
        model = ProgressModel()
        model.set_watch((tiba,), [Area(7, "Polres X", 7, 5090, (4724,), 1200, 1366)], ())
        row = [model.index(0, c).data() for c in range(model.columnCount())]
    finally:
        QLocale.setDefault(before)
    # The heading says "Polres / kecamatan"; the tooltip says the name whole.
    assert row == ["X", "5.090", "4.724 (93%)", "1.200", "1.366"]
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "Polres X"


def test_a_commander_reads_the_watch_without_the_entry_line(
    qtbot: QtBot, store: Store, small: Small
) -> None:
    panel = _open(qtbot, store, COMMANDER)
    assert not panel.entry.isEnabled()
    assert panel.result.text() == "Peran Anda hanya dapat melihat pemantauan TPS."
    assert panel.progress_model.rowCount() == 3  # the whole operation, Polres A and B
    rows = _rows(store)
    panel.entry.setText("A1a 1 1")
    panel.submit()
    assert not panel.writes.busy and _rows(store) == rows


def test_the_overdue_list_at_a_simulated_clock(
    qtbot: QtBot, qtmodeltester: ModelTester, store: Store, small: Small
) -> None:
    clock.simulate(_at(5, 0))
    panel = _open(qtbot, store)
    assert panel.overdue_model.rowCount() == 0
    assert panel.next_deadline == _at(6, 0)  # the arrival deadline: the timer is set for it
    tps, tiba = _tps(store, small, "A1a", 1), _steps(store, small)["tiba"].id
    entry.record(store, OPERATOR, small.operation_id, [Mark(tps, tiba, _at(4, 50))])
    clock.simulate(_at(12, 0))
    panel.reload()  # what the timer does once 06:00 has passed
    _settle(qtbot, panel)
    model = panel.overdue_model
    assert model.rowCount() == 26  # 27 TPS, one arrived
    listed = {model.index(i, 0).data(ID_ROLE) for i in range(model.rowCount())}
    assert tps not in listed
    first = [model.index(0, c).data() for c in range(model.columnCount())]
    assert first[3:] == ["Petugas tiba", "06:00 WIB"]
    # The list names the desa without "Desa" (its column says TPS); the tooltip says all.
    assert first[0].startswith("TPS 0") and " Desa " not in first[0]
    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert " Desa A1" in tip and "Kecamatan A1" in tip and "Polres A" in tip
    assert panel.next_deadline == _at(20, 0)
    assert "26 lewat batas waktu" in panel.summary.text()
    # A TPS reaching its step leaves the list: that row removed, the rest kept (no reset).
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    kept = model.index(5, 0).data(ID_ROLE)
    panel.overdue.setCurrentIndex(model.index(5, 0))
    gone = model.index(2, 0).data(ID_ROLE)
    entry.record(store, OPERATOR, small.operation_id, [Mark(gone, tiba, _at(6, 30))])
    panel.reload()
    _settle(qtbot, panel)
    assert model.rowCount() == 25 and resets == []
    assert gone not in {model.index(i, 0).data(ID_ROLE) for i in range(25)}
    assert panel.overdue.currentIndex().data(ID_ROLE) == kept
    qtmodeltester.check(model)
    # Enter on an overdue TPS types it and its late step into the entry line (the walk
    # pressed Enter there and nothing happened); the time typed after it, Enter records.
    panel.overdue.setFocus()
    qtbot.keyClick(panel.overdue, Qt.Key.Key_Return)
    chosen = model.find(kept)
    assert chosen is not None and panel.entry.text() == f"{chosen.label} 1 "
    assert panel.window().focusWidget() is panel.entry
    qtbot.keyClicks(panel.entry, "06:40")
    with qtbot.waitSignal(panel.write_done, timeout=10_000) as done:
        qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    assert done.args[0]
    assert (kept, tiba, _at(6, 40)) in _rows(store)


def test_the_overdue_list_fills_when_a_deadline_passes_with_no_change(
    qtbot: QtBot, store: Store, small: Small
) -> None:
    clock.simulate(_at(5, 59) + timedelta(seconds=59))  # a second before the arrival deadline
    panel = _open(qtbot, store)
    assert panel.overdue_model.rowCount() == 0 and panel.next_deadline == _at(6, 0)
    head = _head(store)
    # No write anywhere: the timer set for 06:00 reads again once it has passed.
    qtbot.waitUntil(lambda: panel.overdue_model.rowCount() == 27, timeout=10_000)
    assert _head(store) == head and panel.next_deadline == _at(20, 0)


def test_an_overdue_plan_only_removes_rows() -> None:
    step = steps.Step(1, 1, 0, "tiba", "Petugas tiba", None, 360)
    rows = tuple(Late(i, f"TPS {i:03d}", "K", "P", step, _at(6)) for i in range(5))
    plan = plan_overdue(rows, rows[:1] + rows[3:])
    assert plan is not None and plan.gone == (1, 2) and plan.base is rows
    assert plan_overdue(rows, rows) == OverduePlan(rows, ())
    assert plan_overdue(rows[:3], rows) is None  # a row came: the keyed update
    assert plan_overdue(rows, (rows[1], rows[0])) is None  # the order changed
    # Deadlines as the step list writes them, in the operation's zone with its label.
    day = _at(0).date()
    assert due_text(_at(6, day=28), "Asia/Jakarta", day) == "06:00 (+1) WIB"
    assert due_text(_at(20), "Asia/Makassar", day) == "21:00 WITA"


# --- in the main window ----------------------------------------------------------------------


def test_the_line_under_the_entry_says_an_undo_and_a_redo(
    qtbot: QtBot, store: Store, small: Small
) -> None:
    """The walk: a post's entry, then Ctrl+Z in the entry line took both TPS back, but the
    green "Tercatat: ..." stayed, and an operator on the phone believed the report stood.
    After an undo the line says the entry is taken back; after a redo, recorded again."""
    form_posts(store, ADMIN, small.operation_id, small.stages["pemungutan"])
    window = MainWindow(store, actor=ADMIN)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.overview is not None, timeout=20_000)
    window.findChild(QAction, "watchTabAction").trigger()
    panel = window.operation_page.watch
    assert panel is not None
    _settle(qtbot, panel)
    qtbot.keyClicks(panel.entry, "A1 P3 2 07:00")
    with qtbot.waitSignal(panel.write_done, timeout=10_000):
        qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    _settle(qtbot, panel)
    what = "Pemungutan dimulai pos A1 P3 (2 TPS) 07:00 WIB"
    assert panel.result.text() == f"Tercatat: {what}" and len(_rows(store)) == 2
    recorded_look = panel.result.styleSheet()
    with qtbot.waitSignal(panel.write_done, timeout=10_000):
        qtbot.keyClick(panel.entry, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    _settle(qtbot, panel)
    assert _rows(store) == []
    assert panel.result.text() == f"Dibatalkan: {what}" == panel.last_result
    assert panel.result.isVisible() and panel.result.styleSheet() != recorded_look
    with qtbot.waitSignal(panel.write_done, timeout=10_000):
        qtbot.keyClick(panel.entry, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    _settle(qtbot, panel)
    assert len(_rows(store)) == 2
    assert panel.result.text() == f"Tercatat: {what}" and panel.result.styleSheet() == recorded_look
    # An undo refused (someone reported the step since) says so, not "Dibatalkan".
    tps, mulai = _tps(store, small, "A1a", 10), _steps(store, small)["mulai"].id
    entry.record(
        store, Actor("lain.uji", "operator"), small.operation_id, [Mark(tps, mulai, _at(7, 5))]
    )
    with qtbot.waitSignal(panel.write_done, timeout=10_000) as done:
        qtbot.keyClick(panel.entry, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert done.args == [False]
    assert "pembatalan tidak dijalankan" in panel.result.text()


def test_the_tab_and_g_for_a_disturbance_in_the_main_window(
    qtbot: QtBot, store: Store, small: Small
) -> None:
    window = MainWindow(store, actor=ADMIN)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.overview is not None, timeout=20_000)
    action = window.findChild(QAction, "watchTabAction")
    assert action is not None and action.shortcut().toString() == "Ctrl+7"
    action.trigger()
    page = window.operation_page
    panel = page.watch
    assert panel is not None and page.tabs.currentWidget() is panel
    _settle(qtbot, panel)
    assert panel.entry.hasFocus() or not window.isActiveWindow()
    # Undo through the window's menu.
    assert _type(qtbot, panel, "A1a 2 1 05:00")
    assert len(_rows(store)) == 1
    with qtbot.waitSignal(panel.write_done, timeout=10_000):
        window.undo_action.trigger()
    assert _rows(store) == []
    # Ctrl+Z pressed in the entry line, after a line typed key by key and saved, undoes the
    # entry: the line, cleared for the next call, has nothing of its own to undo.
    qtbot.keyClicks(panel.entry, "A1a 3 1 05:10")
    with qtbot.waitSignal(panel.write_done, timeout=10_000):
        qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    _settle(qtbot, panel)
    assert len(_rows(store)) == 1 and panel.entry.text() == ""
    with qtbot.waitSignal(panel.write_done, timeout=10_000):
        qtbot.keyClick(panel.entry, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _rows(store) == []
    # With text of its own typed, Ctrl+Z edits the text and leaves the entries alone.
    undo_index = window.undo_stack.index()
    qtbot.keyClicks(panel.entry, "A1a")
    qtbot.keyClick(panel.entry, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.entry.text() == "" and window.undo_stack.index() == undo_index
    # "g": the incident form on that TPS, in its kecamatan (incidents are placed so).
    panel.entry.setText("A1a 2 g")
    with qtbot.waitSignal(panel.write_done, timeout=10_000):
        qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    incidents = page.incidents
    assert incidents is not None and page.tabs.currentWidget() is incidents
    form = incidents.form
    assert form is not None
    qtbot.waitUntil(form.isVisible)
    fields = form.fields()
    assert fields["region_id"] == small.regions["A1"]
    assert fields["tps_id"] == _tps(store, small, "A1a", 2)
    # Its guard ticked: the walk saw an incident saved with no unit, which the board then
    # counted nowhere while the summary strip counted it.
    assert fields["unit_ids"] == [small.units["PA1"]]
    assert _rows(store) == []
    form.reject()  # prefilled, nothing typed: closes without asking
    assert not form.isVisible()
    # Back on the watch, the entry line ready for the next call (the walk was left on
    # Kejadian and needed Ctrl+7 and Alt+C).
    assert page.tabs.currentWidget() is panel
    qtbot.waitUntil(lambda: window.focusWidget() is panel.entry)


def test_a_narrow_overdue_list_gives_the_polres_column_to_the_tps(
    qtbot: QtBot, store: Store, small: Small
) -> None:
    from ui.watch_models import LateColumn
    from ui.watch_panel import NARROW_OVERDUE

    panel = _open(qtbot, store)  # 1300 px wide: a laptop's
    assert panel.overdue.width() < NARROW_OVERDUE
    assert panel.overdue.isColumnHidden(LateColumn.POLRES)
    panel.resize(2600, 900)
    qtbot.waitUntil(lambda: panel.overdue.width() >= NARROW_OVERDUE)
    assert not panel.overdue.isColumnHidden(LateColumn.POLRES)


def test_the_whole_operation_leads_the_progress_in_bold(
    qtbot: QtBot, store: Store, small: Small
) -> None:
    """The walk at 1366: no total row, so "how far is the whole operation" meant adding ten
    Polres by eye. The first row is the whole operation, bold, with no kecamatan under it,
    and it adds up the Polres rows (every TPS of the small operation has a Polres)."""
    panel = _open(qtbot, store)
    assert _type(qtbot, panel, "A1a 1 tiba 05:40")
    m, n = panel.progress_model, len(panel.watch.steps)  # type: ignore[union-attr]
    whole = [m.index(0, c).data() for c in range(m.columnCount())]
    assert whole[0] == "Seluruh operasi"
    assert m.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert m.rowCount(m.index(0, 0)) == 0
    polres = [[m.index(i, c).data() for c in range(m.columnCount())] for i in (1, 2)]
    assert int(whole[1]) == sum(int(p[1]) for p in polres) == panel.watch.total  # type: ignore[union-attr]
    for c in range(2, 2 + n):  # "1 (3%)": the reached TPS add up
        assert int(whole[c].split()[0]) == sum(int(p[c].split()[0]) for p in polres)
    assert whole[2].startswith("1 (")
    assert int(whole[-1]) == panel.overdue_model.rowCount() > 0
    # Choosing it shows no kecamatan's TPS.
    panel.tree.setCurrentIndex(m.index(0, 0))
    _settle(qtbot, panel)
    assert panel.lines_model.rowCount() == 0
    assert panel.lines_label.text() == "Rinc&ian kecamatan: pilih kecamatan pada progres di atas"


def test_the_progress_shows_every_polres_while_the_lists_keep_four_rows(
    qtbot: QtBot, store: Store, small: Small
) -> None:
    """The walk at 1366×768: the progress showed 7 of 10 Polres rows. The split now gives it
    the height of its top rows as long as the TPS lists keep four rows; a split the
    operator moved stays where it was put."""
    from ui.watch_panel import LOWER_ROWS

    panel = _open(qtbot, store)
    tiba = panel.watch.steps[0]  # type: ignore[union-attr]
    ten = [Area(i, f"Polres {i}", i, 400, (390,), 0, 3) for i in range(1, 11)]
    whole = Area(0, "", None, 4000, (3900,), 0, 30)
    panel.progress_model.set_watch((tiba,), ten, (), whole)
    rows = panel.progress_model.rowCount()
    assert rows == 11
    tree, overdue = panel.tree, panel.overdue
    row_h = overdue.verticalHeader().defaultSectionSize()

    def fits(height: int) -> tuple[bool, int]:
        panel.resize(1300, height)  # shown: the layout and the split follow at once
        assert panel.height() == height
        last = tree.visualRect(panel.progress_model.index(rows - 1, 0))
        return 0 <= last.bottom() < tree.viewport().height(), overdue.viewport().height()

    # A 1366×768 laptop leaves the tab about 500 px, a 1920×1080 screen about 800.
    for height in (560, 800):
        every_row, lists = fits(height)
        assert every_row, height
        assert lists >= LOWER_ROWS * row_h, height
    # Too low for both: the lists keep their four rows, the progress takes the rest.
    every_row, lists = fits(300)
    assert not every_row
    assert LOWER_ROWS * row_h <= lists < (LOWER_ROWS + 1) * row_h
    # Moved by hand (a quarter for the progress): kept through a resize, by Qt's own rule.
    fits(560)
    panel.splitter.setSizes([100, 300])
    panel.splitter.splitterMoved.emit(100, 1)
    every_row, _lists = fits(800)
    assert not every_row  # room for them all, but the operator chose otherwise
    assert panel.splitter.sizes()[0] / sum(panel.splitter.sizes()) == pytest.approx(0.25, abs=0.02)


def test_an_opened_polres_cuts_no_figure_of_the_progress(
    qtbot: QtBot, app_look: None, store: Store, small: Small
) -> None:
    """The walk at 1366: opening a Polres widened the names to its longest kecamatan and
    cut the whole operation's figures to "5.029 (99…". The figures keep the width of the
    widest they can show, in bold; the names take what is left and are said whole in their
    tooltip."""
    panel = _open(qtbot, store)  # 1300 px wide: a laptop's
    steps = panel.watch.steps  # type: ignore[union-attr]
    n = len(steps)
    polres = [Area(i, f"Polres {i}", i, 510, (501,) * n, 0, 31) for i in range(1, 11)]
    long = "Kecamatan Bathin II Pelayang Tanjung Jabung"
    kecamatan = [Area(100 + i, long, i, 29, (29,) * n, 0, 2) for i in range(1, 11)]
    whole = Area(0, "", None, 5090, (5029,) * n, 20, 366)
    m = panel.progress_model
    m.set_watch(steps, polres, kecamatan, whole)
    for row in range(1, m.rowCount()):
        panel.tree.expand(m.index(row, 0))
    QApplication.processEvents()
    header = panel.tree.header()
    bold = QFont(panel.tree.font())
    bold.setBold(True)
    figures = QFontMetrics(bold)
    assert header.length() <= panel.tree.viewport().width()  # no sideways scrolling
    for c in range(1, m.columnCount()):
        text = m.index(0, c).data()
        assert figures.horizontalAdvance(text) + 8 <= header.sectionSize(c), (c, text)
    for c in range(1, m.columnCount()):
        assert figures.horizontalAdvance(m.widest(c)) + 8 <= header.sectionSize(c), c
    assert {m.widest(c) for c in range(2, 2 + n)} == {f"{QLocale().toString(5090)} (100%)"}
    first = m.index(0, 0, m.index(1, 0))
    assert first.data(Qt.ItemDataRole.ToolTipRole) == long
    assert first.data() == "Bathin II Pelayang Tanjung Jabung"  # its Polres says the rest
    assert header.sectionSize(0) >= header.minimumSectionSize() > 0


def test_a_time_on_the_evening_before_shows_whole_in_the_detail(
    qtbot: QtBot, store: Store, small: Small
) -> None:
    """The walk: "18:19 (-1)" (guards who came the evening before) was cut to "18:…", the
    day lost; the detail's step column widens for it, and the TPS says its name whole in
    its tooltip."""
    panel = _open(qtbot, store)
    w = panel.watch
    assert w is not None and w.day is not None
    steps = w.steps

    eve = datetime.combine(w.day, time(18, 19), WIB) - timedelta(days=1)
    on_time = datetime.combine(w.day, time(5, 40), WIB)
    label = "TPS 001 Desa Pelayang Raya Tanjung"
    lines = (
        TpsLine(1, label, (on_time,) + (None,) * (len(steps) - 1), (), None),
        TpsLine(2, "TPS 002", (None,) * len(steps), (), None),
    )
    m = panel.lines_model
    m.set_lines(7, steps, "Asia/Jakarta", lines, w.day)
    header, metrics = panel.lines.horizontalHeader(), panel.lines.fontMetrics()
    narrow = header.sectionSize(1)
    assert metrics.horizontalAdvance("05:40") < narrow
    # The same kecamatan, a status later: the second TPS's guards came the evening before.
    lines = (lines[0], TpsLine(2, "TPS 002", (eve,) + (None,) * (len(steps) - 1), (), None))
    m.set_lines(7, steps, "Asia/Jakarta", lines, w.day)
    assert m.index(1, 1).data() == "18:19 (-1)"
    assert metrics.horizontalAdvance("18:19 (-1)") < header.sectionSize(1)
    assert header.sectionSize(2) == narrow  # the other steps stay narrow
    assert m.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == label
