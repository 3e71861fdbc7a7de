"""The page that shows one operation: a header over a stack of panels.

Each panel takes the same plain ``Overview`` snapshot; the live board will add panels
here (units, incidents, stages) without the window knowing about them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from PySide6.QtWidgets import QVBoxLayout, QWidget

from opscenter.overview import Overview
from ui.operation_header import OperationHeader
from ui.strength_panel import StrengthPanel
from ui.summary_strip import SummaryStrip


class OverviewPanel(Protocol):
    def show_overview(self, overview: Overview) -> None: ...


class OperationPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("operationPage")
        self.header = OperationHeader(self)
        self.summary = SummaryStrip(self)
        self.strength = StrengthPanel(self)
        self.panels: list[OverviewPanel] = [self.header, self.summary, self.strength]

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.header)
        column.addWidget(self.summary)
        column.addWidget(self.strength, 1)

    def show_overview(self, overview: Overview) -> None:
        for panel in self.panels:
            panel.show_overview(overview)

    def show_time(self, local: datetime, timezone: str) -> None:
        self.header.show_time(local, timezone)
