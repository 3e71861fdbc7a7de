"""The video wall: panels in large type, full screen, tiled or one after another.

The window composes panels it is given (the summary strip, the units board, the incidents
timeline...) and only shows them: item views are not editable, context menus and the
panels' own actions are off. A top bar carries the operation, the stage and a clock.
Esc or F11 (which opened it from the main window) closes it, and nothing of it stays.

The parts live beside it: ``ui.wall_tiles`` (each panel under its caption, the grid),
``ui.wall_type`` (the type size from a panel's share of the screen) and
``ui.wall_read_only`` (nothing on a wall scrolls or takes the focus: no scroll bars and no
focus frames; a list longer than its tile shows whole rows only and turns a page on its
own every PAGE_SECONDS, ``RowPager``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from opscenter.clock import now as operation_now
from opscenter.operations import DEFAULT_TIMEZONE, zone_label
from ui import text_size, theme
from ui.exercise_banner import ExerciseBanner
from ui.operation_header import long_date
from ui.translations import translator
from ui.wall_read_only import make_read_only
from ui.wall_tiles import WallTile, grid_cells
from ui.wall_type import FONT_FACTOR, scale_fonts, type_scale

Mode = Literal["tiled", "cycle"]
CYCLE_SECONDS = 20.0


_tr = translator("WallDisplay")


class WallDisplay(QWidget):
    """Panels for the command room's video wall (``set_mode("tiled" | "cycle")``)."""

    def __init__(
        self,
        panels: Sequence[tuple[str, QWidget]],
        *,
        clock: Callable[[], datetime] = operation_now,
        title: str,
        timezone: str = DEFAULT_TIMEZONE,
        subtitle: str = "",
        cycle_seconds: float = CYCLE_SECONDS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("wallDisplay")
        # Its type follows its screen (``type_scale``), read across the room, not the desk's
        # text size (Tampilan > Perbesar teks): the desk's steps leave it alone, and what was
        # built at the desk's step (the panels, this window's font) is measured from 100 %.
        self.setProperty(text_size.FIXED_TYPE, True)
        app = QApplication.instance()
        desk_step = 1.0
        if isinstance(app, QApplication):
            desk_step = text_size.applied(app) / text_size.DEFAULT
            self.setFont(text_size.at_base(self.font(), app))
        self.setWindowTitle(_tr("Layar dinding \u2014 {title}").format(title=title))
        # Closed by Esc or F11, and then gone: nothing of it stays on the screen.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # it, not a panel, takes the keys
        for key in (Qt.Key.Key_Escape, Qt.Key.Key_F11):
            QShortcut(QKeySequence(key), self, self.close)
        self._clock = clock
        self._zone = timezone
        self._mode: Mode = "tiled"

        # -- the top bar ------------------------------------------------------------------------
        bar = QFrame(self)
        bar.setObjectName("wallBar")
        bar.setStyleSheet(
            f"#wallBar {{ background: {theme.NAVY.name()};"
            f" border-bottom: 4px solid {theme.GOLD.name()}; }}"
            " #wallBar QLabel { color: white; }"
        )
        self.title_label = self._bar_label(bar, title, 1.4)
        self.title_label.setObjectName("wallTitle")
        self.subtitle_label = self._bar_label(bar, subtitle, 1.0)
        self.subtitle_label.setObjectName("wallSubtitle")
        self.subtitle_label.setStyleSheet(f"color: {theme.GOLD.name()};")
        self.clock_label = self._bar_label(bar, "", 1.6)
        self.clock_label.setObjectName("wallClock")
        self.date_label = self._bar_label(bar, "", 0.8)
        self.date_label.setObjectName("wallDate")
        self.page_label = self._bar_label(bar, "", 0.8)
        self.page_label.setObjectName("wallPage")
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.title_label)
        names.addWidget(self.subtitle_label)
        time_col = QVBoxLayout()
        time_col.setSpacing(0)
        time_col.addWidget(self.clock_label, 0, Qt.AlignmentFlag.AlignRight)
        time_col.addWidget(self.date_label, 0, Qt.AlignmentFlag.AlignRight)
        row = QHBoxLayout(bar)
        row.setContentsMargins(28, 10, 28, 10)
        row.setSpacing(32)
        row.addLayout(names, 1)
        row.addWidget(self.page_label, 0, Qt.AlignmentFlag.AlignBottom)
        row.addLayout(time_col)

        # -- the panels -------------------------------------------------------------------------
        self.tiles = [WallTile(caption, panel) for caption, panel in panels]
        for tile in self.tiles:
            make_read_only(tile.panel)
            tile.follow_pages()
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("wallStack")
        self._grid_page = QWidget()
        self._grid = QGridLayout(self._grid_page)
        self._grid.setContentsMargins(12, 12, 12, 12)
        self._grid.setSpacing(12)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.exercise_banner = ExerciseBanner(self, factor=FONT_FACTOR * 0.8)
        column.addWidget(self.exercise_banner)
        column.addWidget(bar)
        column.addWidget(self.stack, 1)

        self.cycle_timer = QTimer(self)
        self.cycle_timer.setInterval(max(1, int(cycle_seconds * 1000)))
        self.cycle_timer.timeout.connect(self.next_panel)
        self.clock_timer = QTimer(self)
        self.clock_timer.setInterval(1000)
        self.clock_timer.timeout.connect(self.show_time)
        self.clock_timer.start()

        # Until the window has its size (resizeEvent); a subclass fits its panels to the type
        # once it has them (``fit_to_type``).
        self._scale = FONT_FACTOR
        scale_fonts(self.tiles, FONT_FACTOR, scale_now=desk_step)
        self._layout_tiled()
        self.show_time()

    def _bar_label(self, parent: QWidget, text: str, factor: float) -> QLabel:
        label = QLabel(text, parent)
        label.setTextFormat(Qt.TextFormat.PlainText)  # names come from the database
        label.setFont(theme.scaled_font(self, factor * FONT_FACTOR, bold=True))
        return label

    # -- type size -----------------------------------------------------------------------------

    @property
    def scale(self) -> float:
        """The panels' type factor now (desk size times this)."""
        return self._scale

    def set_type_scale(self, factor: float) -> None:
        if factor == self._scale:
            return
        scale_fonts(self.tiles, factor, scale_now=self._scale)
        self._scale = factor
        self.fit_to_type()
        if self._mode == "tiled":
            self._share_rows()

    def fit_to_type(self) -> None:
        """After the type size changed: panels that measured their columns refit them here
        (``WallBoard`` does)."""

    def _grid_shape(self) -> tuple[int, int]:
        if self._mode == "cycle":
            return 1, 1
        cells = grid_cells(len(self.tiles))
        rows = max((r + 1 for r, _c, _s in cells), default=1)
        columns = max((c + span for _r, c, span in cells), default=1)
        return rows, columns

    def _fit_type_to_size(self) -> None:
        self.set_type_scale(type_scale(self.size(), *self._grid_shape()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_type_to_size()

    # -- modes -------------------------------------------------------------------------------

    @property
    def mode(self) -> Mode:
        return self._mode

    def set_mode(self, mode: Mode) -> None:
        if mode not in ("tiled", "cycle"):
            raise ValueError(mode)
        if mode == self._mode:
            return
        self._mode = mode
        if mode == "tiled":
            self._layout_tiled()
        else:
            self._layout_cycle()
        self._fit_type_to_size()

    def set_cycle_seconds(self, seconds: float) -> None:
        self.cycle_timer.setInterval(max(1, int(seconds * 1000)))

    def _clear_stack(self) -> None:
        while (page := self.stack.widget(0)) is not None:
            self.stack.removeWidget(page)

    def _layout_tiled(self) -> None:
        self.cycle_timer.stop()
        self._clear_stack()
        cells = grid_cells(len(self.tiles))
        for tile, (row, col, span) in zip(self.tiles, cells, strict=True):
            self._grid.addWidget(tile, row, col, 1, span)
            tile.show()
        self._share_rows()
        self.stack.addWidget(self._grid_page)
        self.stack.setCurrentWidget(self._grid_page)
        self.page_label.clear()

    def _share_rows(self) -> None:
        """Rows share the height evenly (every panel here is a list or a timeline that uses
        what it gets), and no row gets less than its panels' minimum, up to 40 %."""
        cells = grid_cells(len(self.tiles))
        screen = self.screen().availableGeometry().height() if self.screen() else 1080
        for row in range(self._grid.rowCount()):
            tiles = [t for t, (r, _, _) in zip(self.tiles, cells, strict=True) if r == row]
            least = max((t.least().height() for t in tiles), default=0)
            self._grid.setRowStretch(row, 1)
            self._grid.setRowMinimumHeight(row, min(least, int(screen * 0.4)))

    def _layout_cycle(self) -> None:
        self._clear_stack()
        for tile in self.tiles:
            self._grid.removeWidget(tile)
            self.stack.addWidget(tile)
        self.stack.setCurrentIndex(0)
        self._show_page_number()
        if len(self.tiles) > 1:
            self.cycle_timer.start()

    def current_panel(self) -> QWidget | None:
        """The panel on screen in cycle mode (None when tiled)."""
        w = self.stack.currentWidget()
        return w.panel if isinstance(w, WallTile) else None

    def next_panel(self) -> None:
        if self._mode != "cycle" or not self.tiles:
            return
        self.stack.setCurrentIndex((self.stack.currentIndex() + 1) % self.stack.count())
        self._show_page_number()

    def show_panel(self, panel: QWidget) -> None:
        """Cycle mode: turn to ``panel``'s page (the cycle goes on from there)."""
        for index, tile in enumerate(self.tiles):
            if tile.panel is panel and self._mode == "cycle":
                self.stack.setCurrentIndex(index)
                self._show_page_number()

    def _show_page_number(self) -> None:
        self.page_label.setText(f"{self.stack.currentIndex() + 1}/{self.stack.count()}")

    # -- top bar -----------------------------------------------------------------------------

    def set_title(self, title: str, subtitle: str | None = None) -> None:
        """The operation's name and, under it, e.g. "Masa tenang · H-1 pemungutan suara"."""
        self.title_label.setText(title)
        if subtitle is not None:
            self.subtitle_label.setText(subtitle)

    def show_time(self) -> None:
        local = self._clock().astimezone(ZoneInfo(self._zone))
        self.clock_label.setText(f"{local:%H:%M} {zone_label(self._zone)}")
        self.date_label.setText(long_date(local.date(), self.locale()))

    # -- leaving ---------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The shortcuts need the wall to be the active window; a key that reaches it
        # otherwise (a wall PC's window manager may not activate it) leaves all the same.
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F11):
            self.close()
        else:
            super().keyPressEvent(event)
