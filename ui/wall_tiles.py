"""The wall's tiles: each panel under its caption, laid out in a near-square grid.

``ui.wall.WallDisplay`` puts a ``WallTile`` per panel in the cells ``grid_cells`` gives
(tiled), or one after another (cycle).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui import theme
from ui.wall_read_only import RowPager, page_note


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
    """One panel with its caption, and beside it which page its list shows when the list is
    longer than the tile ("Halaman 1 dari 2", ``follow_pages``)."""

    def __init__(self, caption: str, panel: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wallTile")
        self.panel = panel
        self.caption = QLabel(caption, self)
        self.caption.setObjectName("wallTileCaption")
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setFont(theme.scaled_font(self, 1.5, bold=True))
        self.page_label = QLabel(self)
        self.page_label.setObjectName("wallTilePage")
        self.page_label.setFont(theme.scaled_font(self, 1.2, bold=True))
        self.page_label.hide()
        heading = QHBoxLayout()
        heading.addWidget(self.caption)
        heading.addStretch(1)
        heading.addWidget(self.page_label, 0, Qt.AlignmentFlag.AlignBottom)
        column = self._column = QVBoxLayout(self)
        column.setContentsMargins(8, 6, 8, 8)
        column.setSpacing(4)
        column.addLayout(heading)
        column.addWidget(panel, 1)
        # Otherwise the layout makes the panel's minimum (a tall timeline) the tile's own,
        # and one tall panel squeezes its neighbours' row to nothing.
        column.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        # The wall's screen is the size: a panel's wish to be larger must neither push the
        # window past it nor starve the other tiles; the grid shares the screen out evenly.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

    def follow_pages(self) -> None:
        """Say the page of the panel's lists that turn pages (``RowPager``, once the panel
        is made read-only) whenever one turns or its rows change."""
        for pager in self.panel.findChildren(RowPager):
            pager.turned.connect(self._show_page)

    def _show_page(self) -> None:
        # The shown list with more than one page (a panel may keep a hidden one: the board's
        # flat list behind its tree).
        pages = [
            p.page() for p in self.panel.findChildren(RowPager) if p.view.isVisibleTo(self.panel)
        ]
        paged = [(page, n) for page, n in pages if n > 1]
        self.page_label.setText(page_note(*paged[0]) if paged else "")
        self.page_label.setVisible(bool(paged))

    def sizeHint(self) -> QSize:
        return QSize(320, 240)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, 0)

    def least(self) -> QSize:
        return self._column.minimumSize()

    def hasHeightForWidth(self) -> bool:
        # A wrapping label inside would make the grid size that row by its text, not evenly.
        return False
