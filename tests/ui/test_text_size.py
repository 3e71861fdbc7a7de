"""The text size: Tampilan > Perbesar teks (Ctrl++, Ctrl+=), Perkecil teks (Ctrl+-), Ukuran
teks semula (Ctrl+0). Every window follows at once, panels' own sizes and the rows measured
from them too; the choice is worn again at the next start; the wall keeps its own type."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import NIGHT_BEFORE, FixedClock, TinyOperation
from ui import night, screen_fit, settings, text_size
from ui.main_window import MainWindow
from ui.operation_page import Tab
from ui.units_board import UnitsBoard
from ui.wall import WallDisplay

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def wide_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 1920x1080 screen (the task bar left out), room for every step; the offscreen
    platform's own 800x800 has room for none above 100 % (``text_size.largest_step``)."""
    monkeypatch.setattr(screen_fit, "available", lambda _w: QRect(0, 0, 1920, 1040))


@pytest.fixture(autouse=True)
def base_size_again(qapp: QApplication, app_look: None) -> Iterator[None]:
    """The users' 12 pt base (``app_look``); whatever size a test left, 100 % again before
    that look is put back (conftest checks the application's font is as it was)."""
    yield
    night.apply_night(qapp, False)
    text_size.apply(qapp, text_size.DEFAULT)


def activate(qtbot: QtBot, window: MainWindow) -> None:
    """Shown and active: a window's shortcuts work only then (as ``test_keys.shown``)."""
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def board_of(window: MainWindow) -> UnitsBoard:
    board = window.operation_page.board
    assert board is not None
    return board


def first_row_height(board: UnitsBoard) -> int:
    view = board.tree_view
    index = view.model().index(0, 0)
    assert index.isValid()
    return view.visualRect(index).height()


def points(widget: QWidget | QApplication) -> float:
    return widget.font().pointSizeF()


def test_ctrl_plus_grows_the_text_of_every_window_and_the_boards_rows_with_it(
    qapp: QApplication, qtbot: QtBot, window: MainWindow
) -> None:
    activate(qtbot, window)
    window.operation_page.show_tab(Tab.BOARD)
    board_of(window).tree_view.setFocus()
    board = board_of(window)
    base, title = points(qapp), points(board.title)
    header = board.tree_view.header()
    row, header_height = first_row_height(board), header.minimumHeight()
    flat_row = board.flat_view.verticalHeader().defaultSectionSize()
    assert title > base  # the board's title has its own size: the app font would not reach it

    qtbot.keyClick(board.tree_view, Qt.Key.Key_Equal, CTRL)  # Ctrl+=, wherever the focus is
    assert text_size.applied(qapp) == 110
    assert points(qapp) == pytest.approx(base * 1.1)
    assert points(board.title) == pytest.approx(title * 1.1)
    assert first_row_height(board) > row
    assert header.minimumHeight() > header_height
    assert board.flat_view.verticalHeader().defaultSectionSize() > flat_row
    assert "110%" in window.statusBar().currentMessage()

    qtbot.keyClick(board.tree_view, Qt.Key.Key_Plus, CTRL)  # Ctrl++
    assert text_size.applied(qapp) == 125
    assert points(board.title) == pytest.approx(title * 1.25)
    # No row cuts its letters: each is at least a line of the board's (larger) type.
    line = QFontMetrics(board.tree_view.font()).height()
    assert line > QFontMetrics(QFont(qapp.font())).height()
    assert first_row_height(board) >= line
    assert board.flat_view.verticalHeader().defaultSectionSize() >= line


def test_the_steps_stop_at_their_limits_and_the_menu_says_so(
    qapp: QApplication, qtbot: QtBot, window: MainWindow
) -> None:
    activate(qtbot, window)
    base = points(qapp)
    larger, smaller, reset = (
        window.larger_text_action,
        window.smaller_text_action,
        window.text_size_reset_action,
    )
    assert larger.isEnabled() and smaller.isEnabled() and not reset.isEnabled()
    for _ in text_size.STEPS:
        if larger.isEnabled():
            larger.trigger()
    assert text_size.applied(qapp) == text_size.STEPS[-1] == 140
    assert not larger.isEnabled() and smaller.isEnabled() and reset.isEnabled()
    assert points(qapp) == pytest.approx(base * 1.4)
    qtbot.keyClick(window, Qt.Key.Key_Equal, CTRL)  # disabled: nothing grows
    assert points(qapp) == pytest.approx(base * 1.4)

    for _ in text_size.STEPS:
        if smaller.isEnabled():
            smaller.trigger()
    assert text_size.applied(qapp) == text_size.STEPS[0] == 80
    assert larger.isEnabled() and not smaller.isEnabled() and reset.isEnabled()
    assert points(qapp) == pytest.approx(base * 0.8)
    qtbot.keyClick(window, Qt.Key.Key_Minus, CTRL)
    assert points(qapp) == pytest.approx(base * 0.8)


def test_a_laptop_screen_stops_the_text_where_the_board_keeps_its_rows(
    qapp: QApplication, qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 140 % a 1366x768 laptop showed one board row under the header and the summary, and
    the window grew to 1.475 px on the Kekuatan tab (the walk). Such a screen stops at the
    largest step with room: the board keeps six rows and no tab widens the window; Ctrl++
    there says so, in place of the database line, not over it."""
    room = QRect(0, 0, 1366, 728)
    monkeypatch.setattr(screen_fit, "available", lambda _w: room)
    window.resize(room.size())
    activate(qtbot, window)
    for _ in text_size.STEPS:
        qtbot.keyClick(window, Qt.Key.Key_Equal, CTRL)
    top = text_size.largest_step(room.size())
    assert text_size.applied(qapp) == top == 110
    message = window.statusBar().currentMessage()
    assert message == "Ukuran teks: 110%, yang terbesar untuk layar ini"
    database = window.findChild(QLabel, "databaseLabel")
    assert database is not None and not database.isVisible()  # the message stands alone
    window.statusBar().clearMessage()
    assert database.isVisible()
    window.resize(room.size())
    QApplication.processEvents()
    board = board_of(window)
    view = board.tree_view
    assert view.viewport().height() >= 6 * first_row_height(board), view.viewport().height()
    for tab in Tab:
        window.operation_page.show_tab(tab)
        QApplication.processEvents()
        assert window.width() <= room.width(), (tab, window.width())


def test_ctrl_0_puts_every_size_back_exactly(
    qapp: QApplication, qtbot: QtBot, window: MainWindow
) -> None:
    activate(qtbot, window)
    app_font, title = QFont(qapp.font()), points(board_of(window).title)
    for key in (Qt.Key.Key_Equal, Qt.Key.Key_Equal, Qt.Key.Key_Minus, Qt.Key.Key_Equal):
        qtbot.keyClick(window, key, CTRL)
    assert text_size.applied(qapp) == 125
    qtbot.keyClick(window, Qt.Key.Key_0, CTRL)
    assert text_size.applied(qapp) == text_size.DEFAULT
    assert qapp.font() == app_font
    assert points(board_of(window).title) == pytest.approx(title)
    assert not window.text_size_reset_action.isEnabled()
    assert settings.TEXT_SIZE.get() == text_size.DEFAULT


def test_a_restart_wears_the_text_size_it_saved(
    qapp: QApplication, make_window: Callable[[], MainWindow], tiny_operation: TinyOperation
) -> None:
    first = make_window()
    base = points(qapp)
    first.larger_text_action.trigger()
    first.larger_text_action.trigger()
    assert settings.TEXT_SIZE.get() == 125
    first.close()
    text_size.apply(qapp, text_size.DEFAULT)  # a new process starts at the base size
    assert points(qapp) == pytest.approx(base)

    second = make_window()
    assert text_size.applied(qapp) == 125
    assert points(qapp) == pytest.approx(base * 1.25)
    assert second.text_size_reset_action.isEnabled()
    # Built after the step, its panels took the size from the application font.
    board = second.operation_page.board
    assert board is not None
    assert points(board.title) == pytest.approx(base * 1.25 * 1.3)


def test_a_laptop_wears_what_it_has_room_for_and_keeps_the_choice_made_at_the_desk(
    qapp: QApplication,
    make_window: Callable[[], MainWindow],
    tiny_operation: TinyOperation,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """140 % chosen at a 1920 desk was worn at 110 % on a laptop and saved so: back at the
    desk it stayed 110 %. The screen limits what is worn; the choice stays the operator's,
    until they step the size themselves."""
    desk = make_window()
    for _ in text_size.STEPS:
        desk.larger_text_action.trigger()
    assert settings.TEXT_SIZE.get() == 140
    desk.close()
    text_size.apply(qapp, text_size.DEFAULT)  # a new process

    monkeypatch.setattr(screen_fit, "available", lambda _w: QRect(0, 0, 1366, 728))
    laptop = make_window()
    assert text_size.applied(qapp) == 110
    assert settings.TEXT_SIZE.get() == 140
    laptop.close()
    text_size.apply(qapp, text_size.DEFAULT)

    monkeypatch.setattr(screen_fit, "available", lambda _w: QRect(0, 0, 1920, 1040))
    make_window()
    assert text_size.applied(qapp) == 140

    monkeypatch.setattr(screen_fit, "available", lambda _w: QRect(0, 0, 1366, 728))
    laptop = make_window()
    laptop.smaller_text_action.trigger()  # stepped by hand on the laptop: that is the choice
    assert text_size.applied(qapp) == settings.TEXT_SIZE.get() == 100


def test_a_saved_size_off_the_steps_is_worn_as_the_nearest_step(
    qapp: QApplication, make_window: Callable[[], MainWindow], tiny_operation: TinyOperation
) -> None:
    settings.TEXT_SIZE.set(1000)  # edited by hand in the settings file
    window = make_window()
    assert text_size.applied(qapp) == 140
    assert not window.larger_text_action.isEnabled()
    assert settings.TEXT_SIZE.get() == 140


def test_the_night_theme_and_the_text_size_go_together(
    qapp: QApplication, qtbot: QtBot, window: MainWindow
) -> None:
    board = board_of(window)
    header = board.tree_view.header()  # under a style sheet: the app font does not reach it
    size = points(header)
    window.night_action.trigger()
    window.larger_text_action.trigger()
    assert night.is_night(qapp)
    assert points(header) == pytest.approx(size * 1.1)
    window.night_action.trigger()  # day again: the style sheets change, the size stays
    assert not night.is_night(qapp)
    assert points(header) == pytest.approx(size * 1.1)
    window.night_action.trigger()
    window.text_size_reset_action.trigger()
    assert points(header) == pytest.approx(size)


def test_the_wall_keeps_its_own_type_whatever_the_desks_size(
    qapp: QApplication, qtbot: QtBot
) -> None:
    def wall_label_points() -> tuple[float, float]:
        label = QLabel("Polres Kerinci")
        wall = WallDisplay([("Satuan", label)], clock=FixedClock(NIGHT_BEFORE), title="Operasi")
        qtbot.addWidget(wall)
        return points(label), points(wall.title_label)

    at_base = wall_label_points()
    text_size.apply(qapp, 140)
    assert wall_label_points() == pytest.approx(at_base)  # opened at 140 %: the same type
    label = QLabel("Polres Bungo")
    wall = WallDisplay([("Satuan", label)], clock=FixedClock(NIGHT_BEFORE), title="Operasi")
    qtbot.addWidget(wall)
    text_size.apply(qapp, 80)  # a desk step while the wall is open leaves it alone
    assert (points(label), points(wall.title_label)) == pytest.approx(at_base)


def test_the_steps() -> None:
    assert text_size.STEPS[0] == 80 and text_size.STEPS[-1] == 140
    assert text_size.DEFAULT in text_size.STEPS
    assert text_size.larger(100) == 110 and text_size.larger(140) == 140
    assert text_size.smaller(100) == 90 and text_size.smaller(80) == 80
    assert text_size.snap(130) == 125 and text_size.snap(0) == 80
