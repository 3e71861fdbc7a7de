"""The wall's tiles: each panel under its caption, laid out in a near-square grid.

``ui.wall.WallDisplay`` puts a ``WallTile`` per panel in the cells ``grid_cells`` gives
(tiled), or one after another (cycle).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QLabel, QLayout, QSizePolicy, QVBoxLayout, QWidget

from ui import theme


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
