"""The wall's type size: panels in large type, in proportion to their share of the screen.

A widget's desk font is read once (``DESK_FONT``, kept on the widget) and the wall sets it
times a factor (``scale_fonts``); the factor follows a panel's share of a 1920x1080 screen
(``type_scale``). ``ui.wall.WallDisplay`` applies them to its tiles.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QWidget

# Read from across the room: about twice the desk size, for one panel on a 1920x1080 screen.
FONT_FACTOR = 1.8
# The screen a panel gets FONT_FACTOR on; a smaller share (a tile of a tiled single screen)
# gets proportionally smaller type, never below the desk's, a larger one up to twice.
REFERENCE_SIZE = QSize(1920, 1080)

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
