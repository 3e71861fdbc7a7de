"""The wall display (tiled, cycling, full screen, read-only) and the night theme."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import FixedClock
from ui import night, theme
from ui.summary_strip import SummaryStrip
from ui.wall import FONT_FACTOR, WallDisplay, grid_cells

NIGHT = datetime(2024, 11, 26, 20, 5, tzinfo=UTC)  # 03:05 WIB on voting day


class Two(QAbstractTableModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        return str(index.row()) if role == Qt.ItemDataRole.DisplayRole else None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable


@pytest.fixture
def panels() -> list[tuple[str, QWidget]]:
    table = QTableView()
    table.setModel(Two(table))
    table.addAction(QAction("Ubah status", table))
    return [
        ("Ringkasan", QLabel("ringkasan")),
        ("Satuan", table),
        ("Kejadian", QLabel("kejadian")),
    ]


@pytest.fixture
def wall(qtbot: QtBot, panels: list[tuple[str, QWidget]]) -> WallDisplay:
    w = WallDisplay(panels, clock=FixedClock(NIGHT), title="Operasi Mantap Praja Siginjai 2024")
    qtbot.addWidget(w)
    return w


def test_tiled_shows_every_panel_in_large_type(wall: WallDisplay) -> None:
    wall.resize(1920, 1080)
    wall.show()
    assert wall.mode == "tiled"
    assert all(t.isVisible() for t in wall.tiles)
    assert wall.clock_label.text() == "03:05 WIB"
    label = wall.tiles[0].panel
    base = QApplication.font().pointSizeF()
    assert label.font().pointSizeF() == pytest.approx(base * FONT_FACTOR)
    assert FONT_FACTOR >= 1.8  # read from across the room


def test_read_only(wall: WallDisplay) -> None:
    table = wall.tiles[1].panel
    assert isinstance(table, QTableView)
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert table.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    assert not any(a.isEnabled() for a in table.actions())


def test_controls_are_hidden(qtbot: QtBot) -> None:
    panel = QWidget()
    caption = QLabel("Tampilkan:", panel)
    caption.setProperty("wallHide", True)
    button = QPushButton("Ubah status", panel)
    combo = QComboBox(panel)
    text = QLabel("Kejadian terbuka", panel)
    wall = WallDisplay([("Satuan", panel)], clock=FixedClock(NIGHT), title="Operasi")
    qtbot.addWidget(wall)
    wall.show()
    assert not caption.isVisible() and not button.isVisible() and not combo.isVisible()
    assert text.isVisible()


def test_cycles_panels_on_its_timer(qtbot: QtBot, wall: WallDisplay) -> None:
    wall.set_cycle_seconds(0.05)
    wall.set_mode("cycle")
    wall.show()
    first = wall.current_panel()
    assert first is wall.tiles[0].panel
    assert wall.page_label.text() == "1/3"
    qtbot.waitUntil(lambda: wall.current_panel() is wall.tiles[1].panel, timeout=2000)
    qtbot.waitUntil(lambda: wall.current_panel() is wall.tiles[2].panel, timeout=2000)
    qtbot.waitUntil(lambda: wall.current_panel() is wall.tiles[0].panel, timeout=2000)
    wall.set_mode("tiled")
    assert not wall.cycle_timer.isActive()
    assert wall.current_panel() is None
    assert all(t.isVisible() for t in wall.tiles)


def test_full_screen_and_escape(qtbot: QtBot, wall: WallDisplay) -> None:
    wall.showFullScreen()
    qtbot.waitExposed(wall)
    assert wall.isFullScreen()
    qtbot.keyClick(wall, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not wall.isFullScreen(), timeout=2000)
    qtbot.keyClick(wall, Qt.Key.Key_F11)
    qtbot.waitUntil(wall.isFullScreen, timeout=2000)
    qtbot.keyClick(wall, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not wall.isFullScreen(), timeout=2000)


def test_night_mode_toggles_and_back(qtbot: QtBot) -> None:
    strip = SummaryStrip()
    wall = WallDisplay([("Ringkasan", strip)], clock=FixedClock(NIGHT), title="Operasi")
    qtbot.addWidget(wall)
    day_window = wall.palette().color(QPalette.ColorRole.Window)
    tile = strip.tiles[next(iter(strip.tiles))]
    tile.set_value("12")
    day_sheet = tile.value.styleSheet()
    assert theme.INK.name() in day_sheet

    night.apply_night(wall, True)
    assert night.is_night(wall)
    assert wall.palette().color(QPalette.ColorRole.Window) == night.BACKGROUND
    assert theme.INK.name() not in tile.value.styleSheet()
    assert "white" not in strip.styleSheet().split("#tile {")[1].split("}")[0]
    # A panel refreshing itself at night gets night colours too.
    tile.set_value("13")
    assert theme.INK.name() not in tile.value.styleSheet()
    night.apply_night(wall, True)  # idempotent

    night.apply_night(wall, False)
    assert not night.is_night(wall)
    assert wall.palette().color(QPalette.ColorRole.Window) == day_window
    assert tile.value.styleSheet() == day_sheet
    # Day again: a refresh keeps day colours.
    tile.set_value("14")
    assert tile.value.styleSheet() == day_sheet


def test_night_mode_for_the_application(qtbot: QtBot, qapp: QApplication) -> None:
    day = qapp.palette().color(QPalette.ColorRole.Base)
    night.apply_night(qapp, True)
    try:
        assert qapp.palette().color(QPalette.ColorRole.Base) == night.SURFACE
        # Readable: light text on the dark surface.
        text = qapp.palette().color(QPalette.ColorRole.Text)
        assert text.lightnessF() - night.SURFACE.lightnessF() > 0.6
    finally:
        night.apply_night(qapp, False)
    assert qapp.palette().color(QPalette.ColorRole.Base) == day


def test_grid_cells() -> None:
    assert grid_cells(1) == [(0, 0, 1)]
    assert grid_cells(2) == [(0, 0, 1), (0, 1, 1)]
    # Three: the summary across the top, two panels under it.
    assert grid_cells(3) == [(0, 0, 2), (1, 0, 1), (1, 1, 1)]
    assert grid_cells(4) == [(0, 0, 1), (0, 1, 1), (1, 0, 1), (1, 1, 1)]


def test_a_window_deleted_at_night_is_forgotten(qtbot: QtBot, qapp: QApplication) -> None:
    wall = WallDisplay([("Ringkasan", QLabel("x"))], clock=FixedClock(NIGHT), title="Operasi")
    night.apply_night(wall, True)
    assert night.is_night(wall)
    key = id(wall)
    gone: list[bool] = []
    wall.destroyed.connect(lambda *_: gone.append(True))
    wall.deleteLater()
    del wall
    qtbot.waitUntil(lambda: bool(gone), timeout=2000)
    # Events keep flowing through the application without touching the dead window.
    label = QLabel("y")
    qtbot.addWidget(label)
    label.setStyleSheet("color: #1b1f24;")
    assert key not in night._saved
