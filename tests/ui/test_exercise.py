"""The window in an exercise (``opscenter.clock.simulate``): the LATIHAN banner shows, and
the board, the stages, a new incident's time and the wall live in the simulated time,
which runs on. Every window here takes its default clock: none is given a test clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from opscenter import clock, exercise
from opscenter.actor import Actor
from opscenter.demo import load_demo
from opscenter.store import Store
from tests.ui.conftest import TinyOperation
from ui.exercise_banner import ExerciseBanner
from ui.main_window import MainWindow
from ui.operation_page import Tab

VOTING_NIGHT = datetime(2024, 11, 27, 13, 0, tzinfo=UTC)  # 20:00 WIB


class Ticks:
    def __init__(self) -> None:
        self.seconds = 0.0

    def __call__(self) -> float:
        return self.seconds


@pytest.fixture
def ticks() -> Iterator[Ticks]:
    ticks = Ticks()
    clock.simulate(VOTING_NIGHT, monotonic=ticks)
    yield ticks
    clock.use_real()


def label(window: MainWindow, name: str) -> str:
    found = window.findChild(QLabel, name)
    assert found is not None, name
    return found.text()


def test_the_window_lives_in_the_exercise(
    qtbot: QtBot, store: Store, tiny_operation: TinyOperation, ticks: Ticks
) -> None:
    window = MainWindow(store, actor=Actor("test"))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.overview is not None)

    banner = window.findChild(ExerciseBanner)
    assert banner is not None and banner.isVisible()
    assert banner.text() == "LATIHAN \u00b7 waktu simulasi"
    assert label(window, "timeLabel") == "20:00 WIB"
    assert "2024" in label(window, "dateLabel")
    assert window.overview is not None and window.overview.days_to_voting == 0

    ticks.seconds += 15 * 60  # the exercise runs on with the real time
    window.tick()
    assert label(window, "timeLabel") == "20:15 WIB"

    window.operation_page.show_tab(Tab.STAGES)
    stages = window.operation_page.stages
    assert stages is not None
    qtbot.waitUntil(lambda: stages.timeline is not None)
    assert stages.timeline is not None
    assert stages.timeline.now == VOTING_NIGHT + timedelta(minutes=15)
    current = stages.timeline.current
    assert current is not None and current.is_voting

    window.operation_page.show_tab(Tab.INCIDENTS)
    incidents = window.operation_page.incidents
    assert incidents is not None
    qtbot.waitUntil(lambda: not incidents.loading)
    incidents.new_incident()
    form = incidents.form
    assert form is not None
    shown = form.occurred_edit.dateTime()
    assert (shown.date().year(), shown.date().month(), shown.date().day()) == (2024, 11, 27)
    assert (shown.time().hour(), shown.time().minute()) == (20, 15)
    form.reject()

    window.show_wall()
    wall = window.wall
    assert wall is not None
    qtbot.waitExposed(wall)
    assert wall.exercise_banner.isVisible()
    assert wall.clock_label.text() == "20:15 WIB"
    wall.close()


def test_no_banner_in_real_time(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    banner = window.findChild(ExerciseBanner)
    assert banner is not None and not banner.isVisible()


def test_the_demo_opened_in_the_exercise_shows_no_future(qtbot: QtBot, store: Store) -> None:
    """Issue 14: ``open-demo`` opened a finished operation at voting day 20:00, so the list,
    the summary and the wall showed incidents of February 2025 and closings yet to come.
    Opened at its exercise's moment, the demo shows what the log held then."""
    load_demo(store, "jambi")
    with store.read() as s:
        start = exercise.default_start(s)
    clock.simulate(start, monotonic=Ticks())
    try:
        window = MainWindow(store, actor=Actor("test", role="admin"))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.overview is not None)
        overview = window.overview
        assert overview is not None
        assert (overview.incidents_total, sum(overview.incidents_open.values())) == (227, 49)
        window.operation_page.show_tab(Tab.INCIDENTS)
        incidents = window.operation_page.incidents
        assert incidents is not None
        qtbot.waitUntil(lambda: not incidents.loading and incidents.model.rowCount() > 0)
        rows = incidents.model.rows()
        now = clock.now()
        assert len(rows) == 227
        assert all(r.occurred_at <= now and r.recorded_at <= now for r in rows)
        assert all(r.closed_at is None or r.closed_at <= now for r in rows)
        assert sum(not r.is_closed for r in rows) == 49
        assert label(window, "timeLabel") == "20:00 WIB"
    finally:
        clock.use_real()
