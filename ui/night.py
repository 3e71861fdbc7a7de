"""The night theme: dark surfaces and light text for a command room with the lights down.

``apply_night(target, on)`` switches a whole application or one window (the wall display)
and switches it back exactly: the palette, the style sheet and the plots' colours are saved
when the theme goes on and restored when it goes off.

Panels written for the day theme put ``ui.theme`` colours into their own style sheets
(a white tile, ink-coloured figures), and a widget's own style sheet beats any palette or
inherited sheet. So while night is on, those day colours are swapped for their night
counterparts in every style sheet under the target, including sheets a panel sets later
(an event filter watches for style changes).
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QBrush, QColor, QPalette, QPen
from PySide6.QtWidgets import QApplication, QWidget

from ui import theme

if TYPE_CHECKING:
    import pyqtgraph as pg

BACKGROUND = QColor("#10151b")  # the room is dark: so is the screen
SURFACE = theme.NIGHT_SURFACE  # tables, tiles, plots
RAISED = QColor("#243040")  # buttons, headers
TEXT = theme.NIGHT_TEXT  # about 14:1 on BACKGROUND
MUTED_TEXT = QColor("#a9b4c2")  # about 8:1
RULE = QColor("#3a4656")
DISABLED_TEXT = QColor("#6f7a87")

# Day colour (as written in style sheets) -> night colour. Night values appear nowhere in the
# day theme, so the swap is exactly reversible.
SWAPS: tuple[tuple[str, str], ...] = (
    (theme.INK.name(), "#e8edf4"),
    (theme.MUTED.name(), "#a9b4c3"),
    (theme.RULE.name(), "#3a4657"),
    (theme.PANEL.name(), "#10151c"),
    (theme.ALERT_BG.name(), "#4a1f22"),
    (theme.DEFICIT.name(), "#ef5350"),
    (theme.SURPLUS.name(), "#66bb6a"),
    ("background: white", "background: #1a2129"),
    ("background: #ffffff", "background: #1a212a"),
)

# A widget with its own style sheet stops the palette reaching its children (Qt does not mix
# the two), so sheets with rules get these night rules appended; the most specific rule still
# wins, so a panel's own colours (swapped above) stay in force.
MARKER = "/* night */"
APPENDIX = f"""
{MARKER}
QLabel, QCheckBox, QRadioButton, QGroupBox {{ color: {TEXT.name()}; }}
QAbstractItemView {{ background: {SURFACE.name()}; color: {TEXT.name()};
    alternate-background-color: {RAISED.name()}; gridline-color: {RULE.name()}; }}
QHeaderView::section {{ background: {RAISED.name()}; color: {TEXT.name()};
    border: 1px solid {RULE.name()}; padding: 4px; }}
QComboBox, QLineEdit, QPushButton, QToolButton {{ background: {RAISED.name()};
    color: {TEXT.name()}; }}
"""


def night_palette() -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: BACKGROUND,
        QPalette.ColorRole.WindowText: TEXT,
        QPalette.ColorRole.Base: SURFACE,
        QPalette.ColorRole.AlternateBase: RAISED,
        QPalette.ColorRole.Text: TEXT,
        QPalette.ColorRole.Button: RAISED,
        QPalette.ColorRole.ButtonText: TEXT,
        QPalette.ColorRole.BrightText: QColor("#ffffff"),
        QPalette.ColorRole.ToolTipBase: RAISED,
        QPalette.ColorRole.ToolTipText: TEXT,
        QPalette.ColorRole.PlaceholderText: MUTED_TEXT,
        QPalette.ColorRole.Highlight: theme.GOLD,
        QPalette.ColorRole.HighlightedText: theme.NAVY,
        QPalette.ColorRole.Link: QColor("#8ab4f8"),
        QPalette.ColorRole.Light: RAISED.lighter(130),
        QPalette.ColorRole.Midlight: RAISED,
        QPalette.ColorRole.Mid: RULE,
        QPalette.ColorRole.Dark: BACKGROUND.darker(120),
        QPalette.ColorRole.Shadow: QColor("#000000"),
    }
    for role, colour in roles.items():
        p.setColor(role, colour)
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, DISABLED_TEXT)
    return p


def swap_colours(sheet: str, *, night: bool) -> str:
    """Day colours to night ones (and back); sheets with rules get (or lose) ``APPENDIX``."""
    if night:
        if MARKER in sheet:
            return sheet
        for day, dark in SWAPS:
            sheet = sheet.replace(day, dark)
        # A sheet of bare declarations ("color: red;") takes no rules after it.
        return sheet + APPENDIX if "{" in sheet else sheet
    sheet = sheet.replace(APPENDIX, "")
    for day, dark in SWAPS:
        sheet = sheet.replace(dark, day)
    return sheet


@dataclass
class _Saved:
    palette: QPalette
    style_sheet: str
    plots: dict[int, tuple[QBrush, QPen, QPen]] = field(default_factory=dict)


class _SheetWatcher(QObject):
    """Swaps day colours in style sheets that panels set while night is on."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: list[QApplication | QWidget] = []

    def covers(self, widget: QWidget) -> bool:
        return any(
            isinstance(t, QApplication) or t is widget or t.isAncestorOf(widget)
            for t in self.targets
            if shiboken6.isValid(t)  # never touch a window Qt has already deleted
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (
            kind == QEvent.Type.StyleChange
            and isinstance(watched, QWidget)
            and watched.styleSheet()
            and self.covers(watched)
        ):
            swapped = swap_colours(watched.styleSheet(), night=True)
            if swapped != watched.styleSheet():
                watched.setStyleSheet(swapped)
        elif kind == QEvent.Type.Polish and isinstance(watched, QWidget):
            self._darken_new_plot(watched)
        return False

    def _darken_new_plot(self, widget: QWidget) -> None:
        """A plot built while night is on (a tab opened for the first time at 3 a.m.) gets
        the night colours when it is first polished, and its day colours are kept for when
        night goes off: panels create their plots white, with light text from the night
        palette that would otherwise vanish on it."""
        pg = sys.modules.get("pyqtgraph")
        if pg is None or not isinstance(widget, pg.PlotWidget):
            return
        for target in self.targets:
            if not shiboken6.isValid(target):
                continue
            covers = isinstance(target, QApplication) or target is widget
            if not covers and isinstance(target, QWidget):
                covers = target.isAncestorOf(widget)
            saved = _saved.get(id(target))
            key = id(widget)
            if covers and saved is not None and key not in saved.plots:
                # Its day colours are the panels' own (white, rule, ink), not what it has
                # now: built at night it already took light pens from the night defaults.
                saved.plots[key] = DAY_PLOT
                # A freed plot's id may be reused by the next one: its entry goes with it.
                widget.destroyed.connect(lambda *_a, p=saved.plots, k=key: p.pop(k, None))
                _set_plot_colours(widget, QBrush(SURFACE), QPen(TEXT), QPen(TEXT))
                return


_saved: dict[int, _Saved] = {}
_watcher: _SheetWatcher | None = None
_pg_defaults: dict[str, object] = {}


def is_night(target: QApplication | QWidget) -> bool:
    return id(target) in _saved


def _widgets(target: QApplication | QWidget) -> Iterator[QWidget]:
    """The widgets under *target*, each given only while Qt still holds it: restyling one widget
    runs code (its style-change handlers, a garbage collection freeing a parentless window) that
    may delete others of the list taken at the start."""
    # Garbage freed now, before the list is taken, not by a collection in the middle of the
    # walk (a parentless window of a plot's, with its menus, went so); the walk itself runs
    # with collections off (``apply_night``).
    gc.collect()
    if isinstance(target, QApplication):
        found = list(QApplication.allWidgets())
    else:
        found = [target, *target.findChildren(QWidget)]
    return (w for w in found if shiboken6.isValid(w))


def _sheet_of(target: QApplication | QWidget) -> str:
    return str(target.styleSheet())


def _forget(key: int) -> None:
    global _watcher
    _saved.pop(key, None)
    if _watcher is None:
        return
    _watcher.targets = [t for t in _watcher.targets if id(t) != key and shiboken6.isValid(t)]
    if not _watcher.targets:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(_watcher)
        _watcher = None


def apply_night(target: QApplication | QWidget, on: bool) -> None:
    """Night theme on or off for the application or one window; idempotent, reversible."""
    collecting = gc.isenabled()
    gc.disable()  # no collection deletes a window while the walk below holds the list
    try:
        _apply_night(target, on)
    finally:
        if collecting:
            gc.enable()


def _apply_night(target: QApplication | QWidget, on: bool) -> None:
    global _watcher
    key = id(target)
    if on == (key in _saved):
        return
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    # pyqtgraph loads only where plots are drawn (stages, incidents, the wall): night on loads
    # it to set its colours; night off needs it only if something loaded it meanwhile.
    pg: Any = _pyqtgraph() if on else sys.modules.get("pyqtgraph")
    if on:
        saved = _Saved(QPalette(target.palette()), _sheet_of(target))
        _saved[key] = saved
        if _watcher is None:
            _watcher = _SheetWatcher()
            app.installEventFilter(_watcher)
        _watcher.targets.append(target)
        if isinstance(target, QWidget):
            # A window deleted while night is on must leave no dangling reference behind.
            target.destroyed.connect(lambda *_args, k=key: _forget(k))
        if isinstance(target, QApplication):
            theme.set_night_mode(True)  # before the palette's repaint asks the models
        target.setPalette(night_palette())
        if saved.style_sheet:
            target.setStyleSheet(swap_colours(saved.style_sheet, night=True))
        if pg is not None and isinstance(target, QApplication) and not _pg_defaults:
            _pg_defaults.update(
                background=pg.getConfigOption("background"),
                foreground=pg.getConfigOption("foreground"),
            )
            pg.setConfigOptions(background=SURFACE, foreground=TEXT)
        for w in _widgets(target):
            if w is not target and w.styleSheet():
                w.setStyleSheet(swap_colours(w.styleSheet(), night=True))
            if pg is not None and isinstance(w, pg.PlotWidget):
                saved.plots[id(w)] = _plot_colours(w)
                _set_plot_colours(w, QBrush(SURFACE), QPen(TEXT), QPen(TEXT))
    else:
        saved = _saved.pop(key)
        if _watcher is not None:
            _watcher.targets = [t for t in _watcher.targets if t is not target]
            if not _watcher.targets:
                app.removeEventFilter(_watcher)
                _watcher = None
        if isinstance(target, QApplication):
            theme.set_night_mode(False)
        target.setStyleSheet(saved.style_sheet)
        target.setPalette(saved.palette)
        if pg is not None and isinstance(target, QApplication) and _pg_defaults:
            pg.setConfigOptions(**_pg_defaults)
            _pg_defaults.clear()
        for w in _widgets(target):
            if w is not target and w.styleSheet():
                w.setStyleSheet(swap_colours(w.styleSheet(), night=False))
            if pg is not None and isinstance(w, pg.PlotWidget):
                day = saved.plots.get(id(w))
                if day is not None:
                    _set_plot_colours(w, *day)


# How the panels draw a plot by day: white, rules and ink as ui.theme has them.
DAY_PLOT = (QBrush(QColor("white")), QPen(theme.RULE), QPen(theme.INK))


def _pyqtgraph() -> Any:
    import pyqtgraph

    return pyqtgraph


def _plot_colours(plot: pg.PlotWidget) -> tuple[QBrush, QPen, QPen]:
    axis = plot.getPlotItem().getAxis("bottom")
    return QBrush(plot.backgroundBrush()), QPen(axis.pen()), QPen(axis.textPen())


def _set_plot_colours(plot: pg.PlotWidget, background: QBrush, pen: QPen, text: QPen) -> None:
    plot.setBackground(background.color())
    for name in ("left", "bottom", "right", "top"):
        axis = plot.getPlotItem().getAxis(name)
        axis.setPen(pen)
        axis.setTextPen(text)
