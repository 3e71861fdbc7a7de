"""The page that shows one operation: header and summary over tabs of live panels.

Each panel has its own model and follows the journal itself (``apply_changes``); a hidden
panel keeps what changed and applies it when shown. The header and the summary take the
plain ``Overview`` snapshot. The panels are built when an operation is first shown, so an
empty database never builds them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import IntEnum
from typing import Protocol

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from opscenter.actor import Actor
from opscenter.live import JournalChanges
from opscenter.model import utcnow
from opscenter.overview import Overview
from opscenter.store import Store
from ui import theme
from ui.incidents_panel import IncidentsPanel
from ui.operation_header import OperationHeader
from ui.stages_panel import StagesPanel
from ui.strength_panel import StrengthPanel
from ui.summary_strip import SummaryStrip
from ui.units_board import UnitsBoard


class OverviewPanel(Protocol):
    def show_overview(self, overview: Overview) -> None: ...


class Tab(IntEnum):
    BOARD = 0
    STRENGTH = 1
    STAGES = 2
    INCIDENTS = 3


class OperationPage(QWidget):
    def __init__(
        self,
        store: Store,
        *,
        undo_stack: QUndoStack,
        actor: Actor,
        clock: Callable[[], datetime] = utcnow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("operationPage")
        self._store, self._undo, self._actor, self._clock = store, undo_stack, actor, clock
        self.header = OperationHeader(self)
        self.summary = SummaryStrip(self)
        self.strength = StrengthPanel(self)
        self.overview_panels: list[OverviewPanel] = [self.header, self.summary, self.strength]
        self.board: UnitsBoard | None = None
        self.stages: StagesPanel | None = None
        self.incidents: IncidentsPanel | None = None

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.tabBar().setFont(theme.scaled_font(self, 1.1, bold=True))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.header)
        column.addWidget(self.summary)
        column.addWidget(self.tabs, 1)

    def ensure_panels(self) -> None:
        """Build the live panels once (there is an operation to show by now)."""
        if self.board is not None:
            return
        live = {"undo_stack": self._undo, "actor": self._actor, "clock": self._clock}
        self.board = UnitsBoard(self._store, parent=self, **live)  # type: ignore[arg-type]
        self.stages = StagesPanel(self._store, clock=self._clock, parent=self)
        self.incidents = IncidentsPanel(self._store, parent=self, **live)  # type: ignore[arg-type]
        self.tabs.insertTab(Tab.BOARD, self.board, self.tr("Papan satuan"))
        self.tabs.insertTab(Tab.STRENGTH, self.strength, self.tr("Kekuatan"))
        self.tabs.insertTab(Tab.STAGES, self.stages, self.tr("Tahapan"))
        self.tabs.insertTab(Tab.INCIDENTS, self.incidents, self.tr("Kejadian"))
        # Choosing a stage filters the incidents to it.
        self.stages.stage_selected.connect(self.incidents.set_stage_filter)
        self.tabs.setCurrentIndex(Tab.BOARD)

    def live_panels(self) -> list[UnitsBoard | StagesPanel | IncidentsPanel]:
        return [p for p in (self.board, self.stages, self.incidents) if p is not None]

    def show_overview(self, overview: Overview) -> None:
        self.ensure_panels()
        for panel in self.overview_panels:
            panel.show_overview(overview)

    def apply_changes(self, changes: JournalChanges) -> None:
        for panel in self.live_panels():
            panel.apply_changes(changes)

    def reload(self) -> None:
        for panel in self.live_panels():
            panel.reload()

    def show_tab(self, tab: Tab) -> None:
        self.ensure_panels()
        self.tabs.setCurrentIndex(tab)

    def show_time(self, local: datetime, timezone: str) -> None:
        self.header.show_time(local, timezone)
