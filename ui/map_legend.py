"""A map layer's legend: its title and a swatch and a text for each row."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from ui import theme
from ui.map_colours import colours
from ui.map_painting import ALERT_OUTLINE, warning


class MapLegend(QWidget):
    """One layer's legend: a title and rows of swatch and text; areas are drawn as squares,
    points as circles."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapLegend")
        self._title = QLabel(title, self)
        self._title.setFont(theme.scaled_font(self, 1.0, bold=True))
        self._rows = QGridLayout()
        self._rows.setHorizontalSpacing(8)
        self._rows.setVerticalSpacing(2)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 4, 0, 4)
        column.setSpacing(2)
        column.addWidget(self._title)
        column.addLayout(self._rows)
        self.entries: list[tuple[QColor, str]] = []
        self._kinds: list[str] = []

    def set_entries(
        self,
        entries: Sequence[tuple[QColor, str]],
        *,
        points: bool = False,
        kinds: Sequence[str] = (),
    ) -> None:
        """The rows; each swatch a square (an area), a circle (``points``), or by row in
        ``kinds``: "area", "point", "outline" (a plain region with a wide outline), or
        "warning" (an alert's triangle, ``ui.map_painting.warning``).
        The same rows again change nothing (a recolour hands them at every change)."""
        shapes = [
            kinds[row] if row < len(kinds) else ("point" if points else "area")
            for row in range(len(entries))
        ]
        if list(entries) == self.entries and shapes == self._kinds:
            return
        self._kinds = shapes
        while self._rows.count():
            item = self._rows.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        self.entries = list(entries)
        for row, ((colour, text), kind) in enumerate(zip(self.entries, shapes, strict=True)):
            self._rows.addWidget(_Swatch(colour, kind=kind, parent=self), row, 0)
            label = QLabel(text, self)
            label.setWordWrap(True)
            self._rows.addWidget(label, row, 1)
        self._rows.setColumnStretch(1, 1)


class _Swatch(QWidget):
    def __init__(self, colour: QColor, *, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour = colour
        self.kind = kind
        side = self.fontMetrics().height()
        self.setFixedSize(side, side)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(colours().outline, 1))
        painter.setBrush(self.colour)
        rect = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        if self.kind == "point":
            painter.drawEllipse(rect)
        elif self.kind == "warning":
            painter.drawPolygon(warning(rect.center(), rect.height() / 2.2))
        elif self.kind == "outline":
            painter.setPen(QPen(self.colour, ALERT_OUTLINE))
            painter.setBrush(colours().land)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        else:
            painter.drawRect(rect)
        painter.end()
