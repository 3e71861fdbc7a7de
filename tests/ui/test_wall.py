"""The wall display (tiled, cycling, full screen, read-only) and the night theme."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollBar,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from opscenter.store import Store
from tests.ui.conftest import FixedClock, TinyOperation
from ui import night, theme
from ui.main_window import MainWindow
from ui.summary_strip import SummaryStrip
from ui.wall import WallDisplay
from ui.wall_tiles import grid_cells
from ui.wall_type import FONT_FACTOR, type_scale

if TYPE_CHECKING:
    from ui.wall_board import WallBoard

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
    """Tiled across a 4K wall, each panel has a 1920x1080 share: the full wall type."""
    wall.resize(3840, 2160)
    wall.show()
    assert wall.mode == "tiled"
    assert all(t.isVisible() for t in wall.tiles)
    assert wall.clock_label.text() == "03:05 WIB"
    label = wall.tiles[0].panel
    base = QApplication.font().pointSizeF()
    assert label.font().pointSizeF() == pytest.approx(base * FONT_FACTOR)
    assert FONT_FACTOR >= 1.8  # read from across the room


def test_type_follows_each_panels_share_of_the_screen(wall: WallDisplay) -> None:
    """Three panels tiled on one 1920x1080 screen get desk-size type (at the wall's size
    they would not fit); cycling, the one panel on screen gets the wall's type again."""
    label = wall.tiles[0].panel
    base = QApplication.font().pointSizeF()
    wall.resize(1920, 1080)
    wall.show()
    assert wall.scale == 1.0
    assert label.font().pointSizeF() == pytest.approx(base)
    wall.set_mode("cycle")
    assert wall.scale == pytest.approx(FONT_FACTOR)
    assert label.font().pointSizeF() == pytest.approx(base * FONT_FACTOR)
    caption = wall.tiles[0].caption  # captions follow too
    assert caption.font().pointSizeF() == pytest.approx(base * 1.5 * FONT_FACTOR)


def test_a_widget_a_panel_replaces_takes_the_walls_type(qtbot: QtBot) -> None:
    """Panels rebuild some widgets (the stages legend at each reload): a rescale after that
    must neither touch the deleted ones nor leave the new ones at another size."""
    holder = QWidget()
    old = QLabel("Rendah", holder)
    wall = WallDisplay([("Tahapan", holder), ("Kejadian", QLabel("kejadian"))],
                       clock=FixedClock(NIGHT), title="Operasi")  # fmt: skip
    qtbot.addWidget(wall)
    base = QApplication.font().pointSizeF()
    assert old.font().pointSizeF() == pytest.approx(base * FONT_FACTOR)
    old.deleteLater()
    qtbot.waitUntil(lambda: not holder.findChildren(QLabel))
    new = QLabel("Tinggi", holder)  # built under the wall: takes the scaled parent's size
    wall.resize(3840, 2160)
    wall.set_mode("cycle")  # a rescale: 2 x FONT_FACTOR for one panel on a 4K screen
    wall.show()
    qtbot.waitUntil(lambda: wall.scale == pytest.approx(2 * FONT_FACTOR))
    assert new.font().pointSizeF() == pytest.approx(base * 2 * FONT_FACTOR)


@pytest.mark.parametrize(
    ("width", "height", "rows", "columns", "expected"),
    [
        (1920, 1080, 1, 1, FONT_FACTOR),
        (1280, 720, 1, 1, 1.2),
        (1920, 1080, 2, 2, 1.0),  # never below the desk's type
        (3840, 2160, 2, 2, FONT_FACTOR),
        (3840, 2160, 1, 1, 2 * FONT_FACTOR),  # at most twice
    ],
)
def test_type_scale(width: int, height: int, rows: int, columns: int, expected: float) -> None:
    assert type_scale(QSize(width, height), rows, columns) == pytest.approx(expected)


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


def _visible_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


@pytest.mark.parametrize("key", [Qt.Key.Key_Escape, Qt.Key.Key_F11])
def test_esc_and_f11_close_the_wall_and_leave_nothing(
    qtbot: QtBot, panels: list[tuple[str, QWidget]], key: Qt.Key
) -> None:
    """Esc or F11, pressed wherever the keys land (here on a panel's list), closes the wall
    and deletes it: no strip of it stays over the desk (it used to fall back to a 1268x101
    window of its top bar)."""
    wall = WallDisplay(panels, clock=FixedClock(NIGHT), title="Operasi")
    wall.showFullScreen()
    qtbot.waitExposed(wall)
    table = next(w for _c, w in panels if isinstance(w, QTableView))
    gone: list[bool] = []
    wall.destroyed.connect(lambda: gone.append(True))
    qtbot.keyClick(table, key)
    qtbot.waitUntil(lambda: gone == [True], timeout=2000)
    assert _visible_windows() == []


@pytest.mark.parametrize("key", [Qt.Key.Key_Escape, Qt.Key.Key_F11])
def test_the_main_windows_wall_leaves_on_esc_and_f11(
    qtbot: QtBot, window: MainWindow, key: Qt.Key
) -> None:
    """F11 in the main window opens the wall; Esc or F11 closes it, the window forgets it,
    and the main window is the only window left on the screen."""
    window.show()
    qtbot.waitExposed(window)
    window.wall_action.trigger()
    wall = window.wall
    assert wall is not None and wall.isFullScreen()
    qtbot.waitExposed(wall)
    qtbot.keyClick(wall.board.tree_view, key)
    qtbot.waitUntil(lambda: window.wall is None, timeout=2000)
    assert _visible_windows() == [window]
    window.wall_action.trigger()  # and it opens again
    assert window.wall is not None and window.wall is not wall
    window.wall.close()


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


def test_a_plot_built_at_night_is_dark_and_day_again_after(
    qtbot: QtBot, qapp: QApplication
) -> None:
    """A tab first opened with night on builds its plot then: it must not stay white under
    the night palette's light text (the stages' names vanished so), and it must be white
    again when night goes off."""
    import pyqtgraph as pg

    night.apply_night(qapp, True)
    try:
        holder = QWidget()
        qtbot.addWidget(holder)
        plot = pg.PlotWidget(holder, background="w")  # as the panels build theirs
        holder.show()
        qtbot.waitExposed(holder)
        assert plot.backgroundBrush().color() == night.SURFACE
        axis = plot.getPlotItem().getAxis("left")
        assert axis.textPen().color() == night.TEXT
    finally:
        night.apply_night(qapp, False)
    assert plot.backgroundBrush().color() == QColor("white")
    assert axis.textPen().color() == theme.INK  # not the night's light grey on white
    assert axis.pen().color() == theme.RULE


def test_a_night_plot_entry_goes_with_its_plot(qtbot: QtBot, qapp: QApplication) -> None:
    """Plots built and destroyed one after another at night (the wall closed and opened
    again) each come up dark: a dead plot's entry is not taken for a new one's."""
    import pyqtgraph as pg

    night.apply_night(qapp, True)
    try:
        for _ in range(10):
            holder = QWidget()
            plot = pg.PlotWidget(holder, background="w")
            holder.show()
            qtbot.waitExposed(holder)
            assert plot.backgroundBrush().color() == night.SURFACE
            holder.close()
            with qtbot.waitSignal(holder.destroyed):  # gone before the next plot is made
                holder.deleteLater()
            del plot, holder
    finally:
        night.apply_night(qapp, False)


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


def test_contrast_fix_keeps_readable_colours_and_mends_the_rest() -> None:
    kritis, white = QColor("#6a0000"), QColor("#ffffff")
    assert theme.readable(kritis, white) == kritis  # already 13:1 on white: left as chosen
    on_night = theme.readable(kritis, night.SURFACE)
    assert theme.contrast(kritis, night.SURFACE) < 1.5  # as chosen: invisible at night
    assert theme.contrast(on_night, night.SURFACE) >= theme.TEXT_CONTRAST
    assert on_night.hslHue() == kritis.hslHue()  # still red, only lighter
    olive = QColor("#9e9d24")  # "Ringan": too pale on white
    darker = theme.readable(olive, white)
    assert theme.contrast(olive, white) < theme.TEXT_CONTRAST
    assert theme.contrast(darker, white) >= theme.TEXT_CONTRAST
    assert darker.lightness() < olive.lightness()


@pytest.mark.usefixtures("app_look")
def test_demo_wall_at_1920_cuts_nothing_and_reads_at_night(qtbot: QtBot, store: Store) -> None:
    """The Jambi demo's wall page at 1920x1080 in the night theme: every unit name whole
    (the two Tanjung Jabung Polres apart), the summary's notes whole, and each incident
    count's severity colour readable on its row."""
    from opscenter import overview
    from opscenter.demo import load_demo
    from ui.incidents_model import Column as IncidentColumn
    from ui.units_columns import Column
    from ui.wall_board import build_wall

    load_demo(store, "jambi")
    clock = FixedClock(datetime(2024, 11, 25, 20, 0, tzinfo=UTC))  # 03:00 WIB, H-1
    with store.read() as s:
        snapshot = overview.build(s, now=clock())
    wall = build_wall(store, snapshot, clock=clock)
    qtbot.addWidget(wall)
    night.apply_night(wall, True)
    wall.set_mode("cycle")
    wall.resize(1920, 1080)
    wall.show()
    qtbot.waitExposed(wall)
    qtbot.waitUntil(lambda: not wall.busy(), timeout=20_000)
    board = wall.board
    view = board.tree_view
    proxy = view.model()
    assert not board.title.isVisible()  # the wall's own bar names the page

    name_width = view.header().sectionSize(0)
    polda = proxy.index(0, 0)
    view.expand(polda)
    names = []
    for depth, parent in ((1, polda),):
        for r in range(proxy.rowCount(parent)):
            index = proxy.index(r, 0, parent)
            item_font = index.data(Qt.ItemDataRole.FontRole)  # bold for a Polres: as painted
            font = QFont(item_font).resolve(view.font()) if item_font else view.font()
            text = str(index.data())
            names.append(text)
            needed = QFontMetrics(font).horizontalAdvance(text) + depth * view.indentation()
            assert needed + 12 <= name_width, f"{text!r} cut at {name_width} px"
    assert {"Polres Tanjung Jabung Barat", "Polres Tanjung Jabung Timur"} <= set(names)

    for tile in wall.summary.tiles.values():
        note = tile.note
        if note.text():
            flags = Qt.TextFlag.TextWordWrap if note.wordWrap() else Qt.TextFlag(0)
            box = note.fontMetrics().boundingRect(
                QRect(0, 0, note.width(), 10_000), int(flags), note.text()
            )
            assert box.width() <= note.width() and box.height() <= note.height(), note.text()

    columns = board.rows.cells.layout.columns()
    for section, (kind, _pos) in enumerate(columns):
        if kind is not Column.INCIDENTS:
            continue
        assert proxy.headerData(section, Qt.Orientation.Horizontal) in (
            "Ringan", "Sedang", "Berat", "Kritis"
        )  # fmt: skip
        delegate = view.itemDelegateForColumn(section) or view.itemDelegate()
        assert isinstance(delegate, QStyledItemDelegate)
        for row in range(proxy.rowCount(polda)):
            index = proxy.index(row, section, polda)
            option = QStyleOptionViewItem()
            option.initFrom(view)
            option.palette = view.palette()
            if row % 2:
                option.features |= QStyleOptionViewItem.ViewItemFeature.Alternate
            delegate.initStyleOption(option, index)
            role = QPalette.ColorRole.AlternateBase if row % 2 else QPalette.ColorRole.Base
            surface = option.palette.color(role)
            assert theme.contrast(option.palette.color(QPalette.ColorRole.Text), surface) >= 4.5

    # The incidents page: the list alone (nobody selects on a wall), nothing but the titles
    # cut, and "Baru" readable on its cream cell at night.
    incidents = wall.incidents
    wall.next_panel()
    wall.next_panel()
    assert wall.current_panel() is incidents
    qtbot.waitUntil(lambda: not incidents.loading, timeout=20_000)
    qtbot.waitUntil(lambda: not incidents.refit.isActive())  # fitted after its resize
    assert not incidents.detail.isVisible()
    assert not any(
        isinstance(w, QLabel) and w.isVisible() and w.text() in ("Tahapan", "Wilayah", "Status")
        for w in incidents.findChildren(QLabel)
    )
    table = incidents.view
    list_model = table.model()
    shown = [c for c in IncidentColumn if not table.isColumnHidden(c)]
    assert IncidentColumn.CASUALTIES in shown and IncidentColumn.REGION in shown
    for row in range(min(20, list_model.rowCount())):
        for column in shown:
            if column is IncidentColumn.TITLE:
                continue
            index = list_model.index(row, column)
            text = str(index.data() or "")
            if column is IncidentColumn.REGION:  # the kabupaten whole; a kecamatan may be cut
                text = text.split(" · ")[0]
            item_font = index.data(Qt.ItemDataRole.FontRole)  # bold where painted bold
            font = QFont(item_font).resolve(table.font()) if item_font else table.font()
            width = table.horizontalHeader().sectionSize(column)
            needed = QFontMetrics(font).horizontalAdvance(text) + 18  # padding, text margins
            assert needed <= width, f"{text!r} cut at {width}"
        status = list_model.index(row, IncidentColumn.STATUS)
        if status.data() == "Baru":
            ink = QBrush(status.data(Qt.ItemDataRole.ForegroundRole)).color()
            cream = QBrush(status.data(Qt.ItemDataRole.BackgroundRole)).color()
            assert theme.contrast(ink, cream) >= theme.TEXT_CONTRAST


def laptop_demo_wall(qtbot: QtBot, store: Store) -> WallBoard:
    """The Jambi demo's wall at 1366x768, cycling, on voting day at 20:00 WIB, once nothing
    is computed in the background any more."""
    from opscenter import overview
    from opscenter.demo import load_demo
    from ui.wall_board import build_wall

    load_demo(store, "jambi")
    clock = FixedClock(datetime(2024, 11, 27, 13, 0, tzinfo=UTC))  # 20:00 WIB, voting day
    with store.read() as s:
        snapshot = overview.build(s, now=clock())
    wall = build_wall(store, snapshot, clock=clock)
    qtbot.addWidget(wall)
    wall.set_mode("cycle")
    wall.resize(1366, 768)
    wall.show()
    qtbot.waitExposed(wall)
    qtbot.waitUntil(lambda: not wall.busy(), timeout=20_000)
    return wall


@pytest.mark.usefixtures("app_look")
def test_demo_wall_on_a_laptop_neither_scrolls_nor_focuses_nor_cuts_a_row(
    qtbot: QtBot, store: Store
) -> None:
    """The Jambi demo's wall at 1366x768: no scroll bar, nothing that takes the focus (so
    no focus frame on a row), every list showing whole rows from its top, and a list
    longer than its tile turning its pages on its own, back to the first."""
    from ui.wall_read_only import RowPager

    wall = laptop_demo_wall(qtbot, store)
    qtbot.waitUntil(lambda: not wall.incidents.loading, timeout=20_000)

    assert [w.objectName() for w in wall.findChildren(QWidget)
            if w.focusPolicy() != Qt.FocusPolicy.NoFocus] == []  # fmt: skip
    for page in range(len(wall.tiles)):
        qtbot.wait(1)  # a page's lists lay out when shown
        assert [b for b in wall.findChildren(QScrollBar) if b.isVisible()] == [], page
        for view in wall.tiles[page].panel.findChildren(QAbstractItemView):
            if isinstance(view, QHeaderView) or not view.isVisible():
                continue
            if view.model() is None or view.model().rowCount() == 0:
                continue
            pager = view.findChild(RowPager)
            assert pager is not None
            first = view.visualRect(view.indexAt(QPoint(1, 1)))
            assert first.top() == 0, view.objectName()
            row = pager.row_height()
            shown = view.viewport().height() - (
                pager.cover.height() if pager.cover.isVisible() else 0
            )
            assert shown % row == 0, (view.objectName(), shown, row)
        wall.next_panel()

    # At night the covered strip is the list's night background, not a white bar.
    night.apply_night(wall, True)
    board = wall.board.tree_view
    cover = board.findChild(RowPager).cover  # type: ignore[union-attr]
    assert cover.isVisible() and cover.height() > 0
    image = board.viewport().grab().toImage()
    background = board.viewport().palette().color(board.viewport().backgroundRole())
    assert image.pixelColor(3, image.height() - 1) == background
    assert theme.contrast(background, QColor("white")) > 10
    night.apply_night(wall, False)

    wall.next_panel()
    wall.next_panel()
    assert wall.current_panel() is wall.incidents
    incidents = wall.incidents.view
    bar = incidents.verticalScrollBar()
    assert bar.maximum() > 0  # 30-odd incidents: more than one page on a laptop
    pager = incidents.findChild(RowPager)
    assert pager is not None
    seen = [bar.value()]
    while bar.value() < bar.maximum():
        pager.next_page()
        seen.append(bar.value())
    assert seen == sorted(seen) and seen[0] == 0
    assert seen[1] - seen[0] == bar.pageStep()  # a page is the rows shown, not one row
    pager.next_page()
    assert bar.value() == 0  # after the last page, the first again


def test_a_paged_list_on_the_wall_says_which_page_it_shows(qtbot: QtBot, store: Store) -> None:
    """The walk (s41): at 1366x768 the board page showed the Polda and five of its ten
    Polres, with nothing to say more would come. The tile says "Halaman 1 dari N", as the
    TPS watch page does, and turning through its pages shows every Polres."""
    from ui.wall_read_only import RowPager

    wall = laptop_demo_wall(qtbot, store)
    tile = wall.tiles[0]
    view = wall.board.tree_view
    pager = view.findChild(RowPager)
    assert pager is not None
    qtbot.waitUntil(lambda: tile.page_label.text().startswith("Halaman 1 dari "), timeout=5_000)
    assert tile.page_label.isVisible()
    pages = int(tile.page_label.text().rsplit(" ", 1)[1])
    assert pages > 1
    proxy = view.model()
    polda = proxy.index(0, 0)
    below = {str(proxy.index(r, 0, polda).data()) for r in range(proxy.rowCount(polda))}
    polres = {name for name in below if name.startswith("Polres")}
    assert len(polres) == 10
    seen: set[str] = set()
    for page in range(1, pages + 1):
        qtbot.waitUntil(lambda p=page: tile.page_label.text() == f"Halaman {p} dari {pages}")
        rows = range(0, view.viewport().height() - pager.cover.height(), 4)
        seen |= {str(view.indexAt(QPoint(5, y)).data()) for y in rows}
        pager.next_page()
    assert below <= seen
    qtbot.waitUntil(lambda: tile.page_label.text() == f"Halaman 1 dari {pages}")
    watch = wall.tiles[-1]  # a page with no list to turn (it pages itself) says nothing
    assert watch.panel is wall.watch
    assert watch.page_label.text() == "" and not watch.page_label.isVisibleTo(watch)


def test_the_walls_readiness_page_shows_every_polres_and_no_empty_rows(
    qtbot: QtBot, store: Store
) -> None:
    """The walk (s43_5): the Kesiapan page paged on to the Satgas and the Polda's reserves,
    rows of "—" only (nothing judged, no data of theirs), while a commander reads the
    Polres there. The wall shows the roll-up and every Polres; the desk keeps every unit."""
    from opscenter.readiness.matrix import TOURED_KINDS
    from ui.readiness_model import RollUpRow

    wall = laptop_demo_wall(qtbot, store)
    panel = wall.readiness
    r = panel.readiness
    assert r is not None
    polres = [u.name for u in r.units if u.kind in TOURED_KINDS]
    assert len(polres) == 10 and len(r.units) > 10  # the Satgas are in the matrix...
    rows = panel.model.rows()
    assert isinstance(rows[0], RollUpRow)
    assert [u.name for u in rows[1:]] == polres  # ...but not on the wall


def test_the_wall_has_a_readiness_page_it_never_judges_on(
    qtbot: QtBot, store: Store, tiny_operation: TinyOperation
) -> None:
    """Issue 15: the Kesiapan page of the wall shows the matrix and follows the journal; the
    wall acts as a commander, who may judge at a desk, but nobody judges on the wall."""
    from opscenter import overview
    from opscenter.actor import Actor
    from opscenter.live import JournalFollower
    from opscenter.model import ReadinessAspect
    from opscenter.readiness.judgements import JudgementValue, set_judgement
    from opscenter.reference import by_code
    from ui.wall_board import build_wall

    clock = FixedClock(datetime(2024, 11, 25, 20, 0, tzinfo=UTC))
    with store.read() as s:
        snapshot = overview.build(s, now=clock())
        posko = by_code(s, ReadinessAspect, tiny_operation.operation_id)["posko"].id
    wall = build_wall(store, snapshot, clock=clock)
    qtbot.addWidget(wall)
    wall.show()
    tile = next(t for t in wall.tiles if t.caption.text() == "Kesiapan")
    panel = wall.readiness
    assert tile.panel is panel and not panel.may_judge
    qtbot.waitUntil(lambda: panel.readiness is not None, timeout=10_000)
    follower = JournalFollower(store)  # from the journal's head, as the feed follows it
    set_judgement(
        store,
        Actor("bagops.uji", role="staff"),
        tiny_operation.operation_id,
        JudgementValue(tiny_operation.kerinci_id, posko, "belum", "Genset posko rusak"),
    )
    wall.set_mode("tiled")  # every page shown: the change is applied at once
    changes = follower.poll()
    assert changes is not None
    wall.apply_changes(changes)

    def judged() -> bool:
        r = panel.readiness
        return r is not None and r.unit(tiny_operation.kerinci_id).cells[posko].level == "belum"

    qtbot.waitUntil(judged, timeout=10_000)


def _share_of(view: QWidget, code: str, colour: QColor) -> float:
    """Of the map's pixels inside region ``code`` (a grid every 4 px), the share painted
    ``colour`` (names and incident points cover the rest)."""
    from ui.map_view import MapView

    assert isinstance(view, MapView)
    image = view.grab().toImage()
    inside = same = 0
    for x in range(0, image.width(), 4):
        for y in range(0, image.height(), 4):
            if view.region_at(QPointF(x, y)) == code:
                inside += 1
                same += image.pixelColor(x, y) == colour
    assert inside > 100, inside
    return same / inside


@pytest.mark.usefixtures("app_look")
def test_the_walls_map_page_shows_the_stage_in_force_and_follows_a_rating(
    qtbot: QtBot, store: Store
) -> None:
    """Issue 16: the wall's Peta page on the Jambi demo at 1366x768: the vulnerability of
    the stage in force and its incidents, legends and names in the wall's type, no control
    and no focus; a rating changed through the core recolours Kerinci through the journal."""
    from opscenter.actor import Actor
    from opscenter.live import JournalFollower
    from opscenter.planning.vulnerability import RatingValue, set_rating
    from ui.map_panel import MapPanel

    wall = laptop_demo_wall(qtbot, store)  # not busy: the map's first read is shown too
    panel = wall.map
    assert isinstance(panel, MapPanel)
    assert next(t for t in wall.tiles if t.panel is panel).caption.text() == "Peta"
    wall.show_panel(panel)
    assert (
        wall.current_panel() is panel and wall.page_label.text() == "5/6"
    )  # the TPS watch follows
    qtbot.waitUntil(lambda: not panel.live.held, timeout=20_000)
    qtbot.wait(50)  # the legends' new rows laid out, the old ones deleted

    read = panel.map_read
    assert read is not None and read.matrix is not None and read.stage_id is not None
    assert read.stage_id == read.timeline.current_stage_id  # the stage in force
    assert read.matrix.stage.name == "Pemungutan suara"
    assert panel.view.point_ids()  # the stage's incidents
    # Nothing to operate: no box, switch or button, nor their captions; nothing focusable.
    shown = [w for w in panel.findChildren(QWidget) if w.isVisible()]
    assert not [w for w in shown if isinstance(w, (QComboBox, QAbstractButton))]
    texts = {w.text() for w in shown if isinstance(w, QLabel)}
    assert not {"&Tahapan:", "As&pek:", "Peta operasi"} & texts
    assert {"Tingkat kerawanan", "Tingkat kejadian", "Tinggi", "Ringan"} <= texts
    assert all(w.focusPolicy() == Qt.FocusPolicy.NoFocus for w in [panel, *shown])
    # The wall's type: names and legends larger than at a desk, and no legend text cut.
    desk = MapPanel(store, clock=FixedClock(datetime(2024, 11, 27, 13, 0, tzinfo=UTC)))
    qtbot.addWidget(desk)
    assert panel.view.font().pointSizeF() >= 1.2 * desk.view.font().pointSizeF()
    for label in (w for w in shown if isinstance(w, QLabel) and w.text()):
        needed = label.fontMetrics().horizontalAdvance(label.text().split("\n")[0])
        assert label.wordWrap() or needed <= label.width(), label.text()
        if label.wordWrap():
            assert label.height() >= label.heightForWidth(label.width()), label.text()
    assert panel.view.placed_labels()  # the regions' names are drawn

    kerinci = next(r.id for r in read.matrix.regions if r.name == "Kabupaten Kerinci")
    code = panel.region_code(kerinci)
    assert code == "15.01"
    highest = read.matrix.highest(kerinci)
    assert highest is not None
    # Over half: the region's name now lies above it on a halo (geo/labels.py), and small
    # cities' names beside it; the other levels' colours would hold under a tenth each.
    assert _share_of(panel.view, code, QColor(highest.colour)) > 0.5
    # Kerinci rated at the lowest level on every aspect, through the core, by the staff.
    lowest = read.matrix.levels[0]
    assert lowest.id != highest.id
    follower = JournalFollower(store)
    staff = Actor("staf.ops", role="staff")
    for aspect in read.matrix.aspects:
        cell = read.matrix.cell(kerinci, aspect.id)
        set_rating(
            store,
            staff,
            read.timeline.operation_id,
            RatingValue(kerinci, read.stage_id, aspect.id, lowest.id),
            expected_version=cell.version if cell else None,
        )
    changes = follower.poll()
    assert changes is not None
    wall.apply_changes(changes)
    qtbot.waitUntil(
        lambda: _share_of(panel.view, code, QColor(lowest.colour)) > 0.5, timeout=20_000
    )
