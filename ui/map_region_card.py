"""The card over the map's corner that names the region chosen by a click, with the figures
of the layers shown, and holds the one way to filter the other tabs to it.

It sits on the map rather than in a row of its own: at 1366x768 a row above the map cost
the map the height its names need to stay off the incidents' points.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from ui import theme

# The card's widest, so that a long list of figures wraps instead of covering the map.
CARD_WIDTH_EMS = 22
MARGIN = 8  # from the map's edges


def one_line(figures: str) -> str:
    """A region's hover text on one line: a heading ("Kerawanan, Masa tenang:") runs into
    its indented lines, the lines apart by a dot."""
    text = ""
    for raw in figures.splitlines():
        line = raw.strip()
        if not line:
            continue
        if text:
            text += " " if text.endswith(":") else "  \u00b7  "
        text += line
    return text


class RegionCard(QFrame):
    """Over ``over``'s bottom right corner (kept there as it is resized); hidden while no
    region is chosen."""

    def __init__(self, over: QWidget) -> None:
        super().__init__(over)
        self.setObjectName("mapRegionCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)  # the palette's window colour, by day and at night
        self.setProperty("wallHide", True)  # the wall is read-only
        self.name = QLabel(self)
        self.name.setObjectName("mapRegionName")
        self.name.setFont(theme.scaled_font(self, 1.0, bold=True))
        self.name.setTextFormat(Qt.TextFormat.PlainText)  # names are imported
        self.info = QLabel(self)
        self.info.setObjectName("mapRegionInfo")
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.info.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.setObjectName("mapRegionFilterButton")
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 8, 10, 8)
        column.setSpacing(4)
        column.addWidget(self.name)
        column.addWidget(self.info)
        column.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        self.setMaximumWidth(CARD_WIDTH_EMS * self.fontMetrics().averageCharWidth() * 2)
        over.installEventFilter(self)
        self.setVisible(False)

    def show_text(self, name: str, info: str) -> None:
        """Name and figures (either may be empty); with neither, the card hides."""
        self.name.setText(name)
        self.name.setVisible(bool(name))
        self.info.setText(info)
        self.info.setVisible(bool(info))
        self.setVisible(bool(name or info))
        if name or info:
            self.raise_()
            self.place()

    def place(self) -> None:
        over = self.parentWidget()
        if over is None:
            return
        # The wrapped figures need their height for the width the card takes.
        width = min(self.maximumWidth(), self.sizeHint().width())
        height = self.heightForWidth(width) if self.hasHeightForWidth() else -1
        self.resize(width, max(height, self.minimumSizeHint().height()))
        self.move(
            max(0, over.width() - self.width() - MARGIN),
            max(0, over.height() - self.height() - MARGIN),
        )

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest and self.isVisible():
            # What it holds changed after it was placed (the button's text comes after the
            # figures): placed again, or the figures stood cut through their letters (the walk).
            self.place()
        return handled

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.place()
        return False
