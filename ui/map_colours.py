"""The map's colours by day and at night: water, plain land, outlines, names, hover."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

from ui import theme


@dataclass(frozen=True)
class Colours:
    water: QColor  # behind the land
    land: QColor  # a region without a fill
    outline: QColor
    text: QColor
    halo: QColor  # around names, so they read on any fill
    hover: QColor


DAY = Colours(
    QColor("#dce6ee"),
    QColor("#f1f3f5"),
    QColor(90, 100, 112, 150),
    theme.INK,
    QColor(255, 255, 255, 200),
    theme.NAVY,
)
NIGHT = Colours(
    QColor("#0b1016"),
    QColor("#243040"),
    QColor(232, 237, 243, 120),  # light outlines on the dark room's screen
    theme.NIGHT_TEXT,
    QColor(16, 21, 27, 210),
    theme.GOLD,
)


def colours() -> Colours:
    return NIGHT if theme.night_is_on() else DAY
