"""The video wall: panels in large type, full screen, tiled or one after another.

The window composes panels it is given (the summary strip, the units board, the incidents
timeline...) and only shows them: item views are not editable, context menus and the
panels' own actions are off. A top bar carries the operation, the stage and a clock.
Esc or F11 (which opened it from the main window) closes it, and nothing of it stays.

Nothing on a wall scrolls or takes the focus: no scroll bars and no focus frames. A list
longer than its tile shows whole rows only and turns a page on its own every
PAGE_SECONDS (``RowPager``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from opscenter.clock import now as operation_now
from opscenter.operations import DEFAULT_TIMEZONE, zone_label
from ui import theme
from ui.exercise_banner import ExerciseBanner
from ui.operation_header import long_date
from ui.translations import translator

Mode = Literal["tiled", "cycle"]
# Read from across the room: about twice the desk size, for one panel on a 1920x1080 screen.
FONT_FACTOR = 1.8
# The screen a panel gets FONT_FACTOR on; a smaller share (a tile of a tiled single screen)
# gets proportionally smaller type, never below the desk's, a larger one up to twice.
REFERENCE_SIZE = QSize(1920, 1080)
CYCLE_SECONDS = 20.0
# A list longer than its tile turns a page this often (a cycled panel shows two pages).
PAGE_SECONDS = 10.0
# Input widgets a wall hides.
CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox)


_tr = translator("WallDisplay")


# Where a widget keeps the font its panel gave it (the desk size), the first time the wall
# sees it: kept on the widget itself, so a widget a panel replaces later (a legend's labels
# at a reload) is never looked for again, and a new one is measured when it appears.
DESK_FONT = "wallDeskFont"


def _desk_font(widget: QWidget, scale_now: float) -> QFont:
    desk = widget.property(DESK_FONT)
    if isinstance(desk, QFont):
        return desk
    # Built after the wall scaled its panel, a widget took its size from the scaled parent.
    desk = QFont(widget.font())
    if desk.pointSizeF() > 0:
        desk.setPointSizeF(desk.pointSizeF() / scale_now)
    elif desk.pixelSize() > 0:
        desk.setPixelSize(max(1, round(desk.pixelSize() / scale_now)))
    widget.setProperty(DESK_FONT, desk)
    return desk


def scale_fonts(roots: Sequence[QWidget], factor: float, *, scale_now: float = 1.0) -> None:
    """Every widget under ``roots`` at its desk font times ``factor`` (panels set absolute
    sizes), item views' row heights to match. ``scale_now`` is the factor the widgets are
    drawn at now (for widgets seen for the first time). All desk fonts are read before any
    is set: a parent's new font would otherwise reach its children."""
    widgets = [w for root in roots for w in (root, *root.findChildren(QWidget))]
    desks = [(w, _desk_font(w, scale_now)) for w in widgets]
    for w, desk in desks:
        font = QFont(desk)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * factor)
        elif font.pixelSize() > 0:
            font.setPixelSize(round(font.pixelSize() * factor))
        w.setFont(font)
        if isinstance(w, QAbstractItemView):
            rows = getattr(w, "verticalHeader", None)
            if rows is not None:
                rows().setDefaultSectionSize(int(QFontMetrics(font).height() * 1.5))


def type_scale(window: QSize, rows: int, columns: int) -> float:
    """The type factor for panels tiled ``rows`` x ``columns`` in a window of this size:
    FONT_FACTOR for a whole 1920x1080 screen, in proportion to a panel's share of it, no
    smaller than the desk's, at most twice FONT_FACTOR; in steps of 0.1 (a resize by a few
    pixels does not lay everything out again)."""
    share = min(
        window.width() / max(1, columns) / REFERENCE_SIZE.width(),
        window.height() / max(1, rows) / REFERENCE_SIZE.height(),
    )
    return round(min(2 * FONT_FACTOR, max(1.0, FONT_FACTOR * share)), 1)


def make_read_only(root: QWidget) -> None:
    """No editing on the wall: views do not edit, menus and actions (shortcuts) are off, and
    controls are hidden (nobody operates a wall; they would only take room from the data).
    A panel marks a control's caption with the dynamic property ``wallHide`` = True so
    that it goes with its control. Nothing takes the focus (no focus frame on a row, and
    Esc/F11 reach the wall) and nothing shows a scroll bar (lists page, ``RowPager``)."""
    for w in [root, *root.findChildren(QWidget)]:
        if w is not root and (isinstance(w, CONTROLS) or w.property("wallHide") is True):
            w.hide()
        w.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        w.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for action in w.actions():
            action.setEnabled(False)
        if isinstance(w, QAbstractScrollArea):
            w.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            w.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if isinstance(w, QAbstractItemView):
            w.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            w.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
            if not isinstance(w, QHeaderView):  # a header is an item view too
                w.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
                RowPager(w)


class RowCover(QWidget):
    """Paints over the cut part of a list's last row, in the list's own background (read
    from the viewport when painting, so that it follows the night theme, whose style
    sheets keep the palette from reaching a plain child widget)."""

    def __init__(self, viewport: QWidget) -> None:
        super().__init__(viewport)
        self.setObjectName("wallRowCover")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def paintEvent(self, event: QPaintEvent) -> None:
        viewport = self.parentWidget()
        assert viewport is not None
        painter = QPainter(self)
        painter.fillRect(self.rect(), viewport.palette().color(viewport.backgroundRole()))
        painter.end()


class RowPager(QObject):
    """A wall's list shows whole rows only, and pages through the rest on its own.

    The part of a row that the bottom edge would cut is covered in the list's background
    (``cover``, a child of the viewport: it changes no geometry, so nothing is laid out
    again, and a style sheet cannot undo it), and every PAGE_SECONDS the list moves on by
    the rows it shows, back to the top after the last page (scrolling per item, a page
    always starts with a whole row). Parented to the view: it goes with it."""

    def __init__(self, view: QAbstractItemView, page_seconds: float = PAGE_SECONDS) -> None:
        super().__init__(view)
        self.setObjectName("wallRowPager")
        self.view = view
        self.cover = RowCover(view.viewport())
        self.cover.hide()
        self.timer = QTimer(self)
        self.timer.setInterval(max(1, int(page_seconds * 1000)))
        self.timer.timeout.connect(self.next_page)
        self.timer.start()
        view.viewport().installEventFilter(self)
        view.installEventFilter(self)  # its font: the rows' height
        view.verticalScrollBar().valueChanged.connect(self._fit_soon)
        model = view.model()
        if model is not None:  # rows arrive after the wall is built (loaded off the GUI thread)
            for signal in (model.modelReset, model.rowsInserted, model.layoutChanged):
                signal.connect(self._fit_soon)

    def row_height(self) -> int:
        """The height of the list's first shown row, grid line included (0: no rows)."""
        view = self.view
        model = view.model()
        if model is None or model.rowCount() == 0:
            return 0
        index = view.indexAt(QPoint(1, 1))
        if isinstance(view, QTableView):
            return view.rowHeight(index.row() if index.isValid() else 0)
        if index.isValid():
            return view.visualRect(index).height()
        return max(0, view.sizeHintForRow(0))

    def fit_whole_rows(self) -> None:
        viewport = self.view.viewport()
        row = self.row_height()
        height = viewport.height()
        cut = height % row if 0 < row < height else 0
        self.cover.setGeometry(0, height - cut, viewport.width(), cut)
        self.cover.setVisible(cut > 0)
        self.cover.raise_()

    def _fit_soon(self) -> None:
        QTimer.singleShot(0, self, self.fit_whole_rows)  # once the view has laid them out

    def next_page(self) -> None:
        self.fit_whole_rows()
        bar = self.view.verticalScrollBar()
        if bar.maximum() <= 0 or not self.view.isVisible():
            return
        bar.setValue(0 if bar.value() >= bar.maximum() else bar.value() + max(1, bar.pageStep()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit_whole_rows()
        elif event.type() == QEvent.Type.FontChange:
            self._fit_soon()
        return False


def grid_cells(n: int) -> list[tuple[int, int, int]]:
    """(row, column, column span) of ``n`` tiles: a near-square grid; with an odd count the
    first tile (the summary, by convention) spans the top row."""
    if n <= 2:
        return [(0, i, 1) for i in range(n)]
    columns = math.ceil(math.sqrt(n))
    cells: list[tuple[int, int, int]] = []
    first = 0
    if n % columns:
        cells.append((0, 0, columns))
        first = 1
    for i in range(n - first):
        cells.append((first + i // columns, i % columns, 1))
    return cells


class WallTile(QFrame):
    """One panel with its caption."""

    def __init__(self, caption: str, panel: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wallTile")
        self.panel = panel
        self.caption = QLabel(caption, self)
        self.caption.setObjectName("wallTileCaption")
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setFont(theme.scaled_font(self, 1.5, bold=True))
        column = self._column = QVBoxLayout(self)
        column.setContentsMargins(8, 6, 8, 8)
        column.setSpacing(4)
        column.addWidget(self.caption)
        column.addWidget(panel, 1)
        # Otherwise the layout makes the panel's minimum (a tall timeline) the tile's own,
        # and one tall panel squeezes its neighbours' row to nothing.
        column.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        # The wall's screen is the size: a panel's wish to be larger must neither push the
        # window past it nor starve the other tiles; the grid shares the screen out evenly.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

    def sizeHint(self) -> QSize:
        return QSize(320, 240)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, 0)

    def least(self) -> QSize:
        return self._column.minimumSize()

    def hasHeightForWidth(self) -> bool:
        # A wrapping label inside would make the grid size that row by its text, not evenly.
        return False


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
        scale_fonts(self.tiles, FONT_FACTOR)
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
