"""The map's period and time slider on the Jambi demo (and a WITA operation): the slider hides
later incidents, plays the period back and stops at its end, keeps its keys, says when the
map shows the past, and names the operation's zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from opscenter.demo import load_demo
from opscenter.incident_log import IncidentRow
from opscenter.live import JournalFollower
from opscenter.store import Store
from tests.builders import ADMIN, build_small_operation
from tests.ui.conftest import FixedClock
from tests.ui.test_map_panel import MASA_TENANG_EVENING, record_like, wait_read
from ui.main_window import MainWindow
from ui.map_panel import MapPanel
from ui.map_replay import PeriodKind, TimedPoints

PLAY = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
# Masa tenang began at midnight WIB on 24 November: 17:00 UTC the day before.
MASA_TENANG_START = datetime(2024, 11, 23, 17, 0, tzinfo=UTC)


def open_panel(qtbot: QtBot, store: Store, now: datetime, *, kept: bool = True) -> MapPanel:
    """The map panel shown and read (``kept``: closed by qtbot at the end)."""
    p = MapPanel(store, clock=FixedClock(now))
    if kept:
        qtbot.addWidget(p)
    p.resize(1300, 700)
    p.show()
    qtbot.waitExposed(p)
    wait_read(qtbot, p)
    return p


@pytest.fixture
def panel(qtbot: QtBot, store: Store) -> MapPanel:
    load_demo(store, "jambi")
    return open_panel(qtbot, store, MASA_TENANG_EVENING)


def on_map(panel: MapPanel) -> list[IncidentRow]:
    """The incidents of the read that have a place on the map."""
    read = panel.map_read
    assert read is not None
    return [r for r in read.incidents if panel._incident_points.shown_on_map(r)]


def ids_until(panel: MapPanel, at: datetime, start: datetime = MASA_TENANG_START) -> set[int]:
    return {r.id for r in on_map(panel) if start <= r.occurred_at <= at}


def test_the_slider_at_a_time_hides_later_incidents_and_says_the_map_shows_the_past(
    panel: MapPanel,
) -> None:
    bar = panel.replay
    period = bar.period()
    assert period is not None and bar.kind() is PeriodKind.STAGE
    # The stage's own period: masa tenang from its first midnight to now (it runs).
    assert (period.start, period.end, period.live) == (MASA_TENANG_START, MASA_TENANG_EVENING, True)
    everything = {r.id for r in on_map(panel)}
    assert len(everything) > 20 and panel.view.shown_point_ids() == everything
    assert bar.live() and not bar.past_badge.isVisibleTo(panel)
    assert bar.time_label.text() == "Langsung, sejak 24-11-2024 00:00 WIB"

    at = datetime(2024, 11, 25, 3, 0, tzinfo=UTC)  # 10:00 WIB on the 25th
    bar.set_time(at)
    shown = ids_until(panel, at)
    assert 0 < len(shown) < len(everything)
    assert panel.view.shown_point_ids() == shown  # the later ones are not drawn
    later = next(r for r in on_map(panel) if r.occurred_at > at)
    point = panel.view.point(later.id)
    assert point is not None  # held by the view, not drawn, and no click finds it
    assert panel.view.point_at(panel.view.project(point.lon, point.lat)) != later.id
    assert not bar.live() and bar.past_badge.isVisibleTo(panel)
    assert bar.time_label.text() == "s.d. 25-11-2024 10:00 WIB"
    # The last hours before the slider's time are drawn as they are, the older ones faded.
    newest = max((r for r in on_map(panel) if r.id in shown), key=lambda r: r.occurred_at)
    oldest = min((r for r in on_map(panel) if r.id in shown), key=lambda r: r.occurred_at)
    dimmed = panel.view.dimmed_point_ids()
    assert oldest.id in dimmed and newest.id not in dimmed and dimmed < shown

    bar.slider.setValue(bar.slider.maximum())  # back at the end: live, the badge gone
    assert bar.live() and not bar.past_badge.isVisibleTo(panel)
    assert panel.view.shown_point_ids() == everything
    assert panel.view.dimmed_point_ids() == set()


def test_a_new_incident_shows_live_at_the_end_and_not_in_the_past(
    panel: MapPanel, store: Store
) -> None:
    bar = panel.replay
    sample = on_map(panel)[0]
    at = datetime(2024, 11, 25, 3, 0, tzinfo=UTC)
    bar.set_time(at)
    before = panel.view.shown_point_ids()
    follower = JournalFollower(store)
    follower.poll()
    late = record_like(store, sample, "Pengerahan massa", occurred_at=at + timedelta(hours=5))
    early = record_like(store, sample, "Baliho dirusak", occurred_at=at - timedelta(hours=1))
    changes = follower.poll()
    assert changes is not None
    panel.apply_changes(changes)
    # In the past: the one after the slider's time is held, not drawn; the one before is.
    assert panel.view.shown_point_ids() == before | {early}
    bar.slider.setValue(bar.slider.maximum())
    assert panel.view.shown_point_ids() == before | ids_until(panel, MASA_TENANG_EVENING) | {late}
    # At the end the layer is live: a third appears at once.
    follower.poll()
    third = record_like(store, sample, "Bentrokan", occurred_at=at + timedelta(hours=6))
    changes = follower.poll()
    assert changes is not None
    panel.apply_changes(changes)
    assert third in panel.view.shown_point_ids() and not bar.past_badge.isVisibleTo(panel)


def test_play_runs_the_period_back_to_its_end_and_stops(qtbot: QtBot, panel: MapPanel) -> None:
    bar = panel.replay
    bar.play_ms = 600  # a short play back; the steps are the same
    counts: list[int] = []
    bar.changed.connect(
        lambda: counts.append(len(panel.view.shown_point_ids())) if bar.playing() else None
    )
    assert bar.play_button.text() == "Putar ulang"
    # The map stayed open a while: a live period played back runs to the present.
    clock = panel._clock
    assert isinstance(clock, FixedClock)
    clock.now = MASA_TENANG_EVENING + timedelta(minutes=45)
    with qtbot.waitSignal(bar.finished, timeout=10_000):
        bar.play_button.click()  # at the end: starts from the period's start
        assert bar.playing() and bar.slider.value() == 0
        assert panel.view.shown_point_ids() == set()
        assert bar.play_button.text() == "Jeda putar ulang"
    assert not bar.playing() and not bar.timer.isActive()
    assert bar.at_end() and bar.live() and not bar.past_badge.isVisibleTo(panel)
    assert bar.play_button.text() == "Putar ulang"
    period = bar.period()
    assert period is not None and period.end == clock.now
    # Tick by tick the points grew to all of the period.
    assert len(counts) >= 10 and counts == sorted(counts)
    assert counts[0] < counts[-1] == len(on_map(panel))


def test_the_keyboard_moves_the_slider_and_plays(qtbot: QtBot, panel: MapPanel) -> None:
    bar = panel.replay
    slider = bar.slider
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    slider.setFocus()
    view_before = panel.view.view_state()
    QTest.keyClick(slider, Qt.Key.Key_Home)  # the slider's Home, not the map's
    assert slider.value() == 0 and panel.view.view_state() == view_before
    assert bar.time_label.text() == "s.d. 24-11-2024 00:00 WIB"
    assert panel.view.shown_point_ids() == set()
    QTest.keyClick(slider, Qt.Key.Key_Right)
    assert slider.value() == slider.singleStep() > 0
    QTest.keyClick(slider, Qt.Key.Key_PageUp)
    assert slider.value() == 11 * slider.singleStep()
    step = timedelta(minutes=slider.value())
    assert bar.time_label.text() == "s.d. {:%d-%m-%Y %H:%M} WIB".format(
        (MASA_TENANG_START + step).astimezone(ZoneInfo("Asia/Jakarta"))
    )
    assert panel.view.shown_point_ids() == ids_until(panel, MASA_TENANG_START + step)
    QTest.keyClick(slider, Qt.Key.Key_End)
    assert bar.at_end() and bar.live()
    # Ctrl+Shift+P plays and pauses, wherever the focus is on the map panel.
    QTest.keyClick(
        slider,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert bar.playing()
    QTest.keyClick(
        slider,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not bar.playing() and not bar.at_end()


def test_ctrl_shift_p_plays_anywhere_on_the_map_tab_and_nowhere_else(
    qtbot: QtBot, store: Store
) -> None:
    """The walk: Ctrl+6 then Ctrl+Shift+P did nothing (Ctrl+6 leaves the focus on the tab
    row, outside the map panel the key was bound to); it worked only in the Periode bar."""
    load_demo(store, "jambi")
    window = MainWindow(store, actor=ADMIN)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.overview is not None, timeout=20_000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    panel = window.operation_page.map
    assert panel is not None and window.operation_page.tabs.currentWidget() is panel
    wait_read(qtbot, panel)
    bar = panel.replay

    def press() -> None:
        focus = QApplication.focusWidget()
        assert focus is not None
        QTest.keyClick(focus, Qt.Key.Key_P, PLAY)

    assert not panel.isAncestorOf(QApplication.focusWidget())  # where Ctrl+6 leaves it
    press()
    assert bar.playing()
    press()
    assert not bar.playing()
    # A click on the map puts the focus on it: the key plays and pauses from there.
    QTest.mouseClick(panel.view, Qt.MouseButton.LeftButton, pos=panel.view.rect().topLeft())
    assert QApplication.focusWidget() is panel.view
    press()
    assert bar.playing()
    press()
    assert not bar.playing()
    # Another tab: the key is not the map's there.
    QTest.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert not panel.isVisible()
    press()
    assert not bar.playing()


def test_play_stops_when_the_panel_is_hidden_and_a_deleted_panel_leaves_no_timer(
    qtbot: QtBot, store: Store
) -> None:
    load_demo(store, "jambi")
    p = open_panel(qtbot, store, MASA_TENANG_EVENING, kept=False)  # deleted below
    bar = p.replay
    bar.play()
    assert bar.playing()
    p.hide()
    assert not bar.playing()
    p.show()
    bar.play()
    assert bar.playing()
    timer = bar.timer
    with qtbot.waitSignal(timer.destroyed, timeout=5_000):
        p.deleteLater()
    assert not shiboken6.isValid(timer)


def test_today_and_a_chosen_range_narrow_the_period(qtbot: QtBot, panel: MapPanel) -> None:
    bar = panel.replay
    today = datetime(2024, 11, 25, 17, 0, tzinfo=UTC)  # 26 November, midnight WIB
    box = bar.period_box
    box.setFocus()
    # Keyboard: the period box, then its "Hari ini".
    QTest.keyClick(box, Qt.Key.Key_Down)
    assert bar.kind() is PeriodKind.TODAY
    period = bar.period()
    assert period is not None and (period.start, period.end) == (today, MASA_TENANG_EVENING)
    assert panel.view.shown_point_ids() == ids_until(panel, MASA_TENANG_EVENING, today)
    assert bar.live() and not bar.from_edit.isVisibleTo(panel)
    lo = datetime(2024, 11, 24, 12, 0, tzinfo=UTC)
    hi = datetime(2024, 11, 25, 12, 0, tzinfo=UTC)
    bar.set_range(lo, hi)
    assert bar.from_edit.isVisibleTo(panel) and bar.to_edit.isVisibleTo(panel)
    assert bar.from_edit.dateTime().toString("dd-MM-yyyy HH:mm") == "24-11-2024 19:00"
    # A period in the past: at its end too the map says it shows the past.
    assert bar.at_end() and not bar.live() and bar.past_badge.isVisibleTo(panel)
    assert panel.view.shown_point_ids() == ids_until(panel, hi, lo)
    # "To" before "from": an empty period, said in a sentence, no point drawn.
    bar.set_range(hi, lo)
    assert bar.time_label.text() == "Periode kosong: waktu sampai harus sesudah waktu dari."
    assert panel.view.shown_point_ids() == set() and not bar.slider.isEnabled()
    box.setCurrentIndex(box.findData(PeriodKind.STAGE))
    box.activated.emit(box.currentIndex())
    assert bar.live() and panel.view.shown_point_ids() == {r.id for r in on_map(panel)}


def test_the_slider_names_the_operations_zone(qtbot: QtBot, store: Store) -> None:
    build_small_operation(store, timezone="Asia/Makassar")
    evening = datetime(2024, 11, 27, 13, 0, tzinfo=UTC)  # voting day, 21:00 WITA
    p = open_panel(qtbot, store, evening)
    bar = p.replay
    # Voting day's period starts at its midnight, WITA.
    assert bar.time_label.text() == "Langsung, sejak 27-11-2024 00:00 WITA"
    bar.set_time(datetime(2024, 11, 27, 4, 0, tzinfo=UTC))
    assert bar.time_label.text() == "s.d. 27-11-2024 12:00 WITA"
    assert "WIB" not in bar.time_label.toolTip() and "WITA" in bar.time_label.toolTip()


def test_held_times_follow_a_new_a_moved_and_a_removed_incident() -> None:
    day = timedelta(days=1)
    timed = TimedPoints()
    timed.hold([(MASA_TENANG_START + k * day, k) for k in (3, 1, 2)])
    timed.update([(MASA_TENANG_START + 0.5 * day, 9), (MASA_TENANG_START + 4 * day, 1)], {2})
    ids, older = timed.window(MASA_TENANG_START, MASA_TENANG_START + 4.25 * day)
    assert ids.tolist() == [9, 3, 1]  # in the order they occurred
    assert older.tolist() == [9, 3]  # before the trail: a tenth of the 4.25 days
    ids, older = timed.window(MASA_TENANG_START + day, None)  # live: from the start, all
    assert ids.tolist() == [3, 1] and older.tolist() == []
