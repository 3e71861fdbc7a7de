"""The video wall of the operation: its own live panels in a ``WallDisplay``.

A widget lives in one window, so the wall builds its own summary, units board, stages,
incidents, readiness, map and TPS watch panels on the same store; they follow the same journal
changes as the main window.
The wall is read-only (``WallDisplay`` disables editing) and acts as nobody.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import QVBoxLayout, QWidget

from opscenter.actor import Actor
from opscenter.clock import now as operation_now
from opscenter.live import JournalChanges
from opscenter.overview import Overview
from opscenter.store import Store
from ui import settings, theme
from ui.desk import Desk
from ui.incidents_model import Column as IncidentColumn
from ui.incidents_panel import IncidentsPanel
from ui.map_panel import MapPanel
from ui.readiness_model import on_wall
from ui.readiness_panel import ReadinessPanel
from ui.stages_panel import StagesPanel
from ui.summary_strip import SummaryStrip
from ui.translations import translator
from ui.units_board import UnitsBoard
from ui.units_columns import Column
from ui.wall import WallDisplay
from ui.watch_wall import WatchWall

# The wall never edits; an actor is still needed to build the panels.
WALL_ACTOR = Actor("layar-dinding", role="commander")


_tr = translator("WallBoard")


class WallBoard(WallDisplay):
    def __init__(
        self,
        overview: Overview,
        *,
        clock: Callable[[], datetime] = operation_now,
        summary: SummaryStrip,
        board: UnitsBoard,
        stages: StagesPanel,
        incidents: IncidentsPanel,
        readiness: ReadinessPanel,
        map_panel: MapPanel,
        watch: WatchWall,
        undo: QUndoStack,
    ) -> None:
        stage = overview.current_stage.name if overview.current_stage else ""
        # The summary's figures head the board's page: alone it would fill a screen with air.
        first = QWidget()
        column = QVBoxLayout(first)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(summary)
        column.addWidget(board, 1)
        super().__init__(
            [
                (_tr("Papan satuan"), first),
                (_tr("Tahapan"), stages),
                (_tr("Kejadian"), incidents),
                (_tr("Kesiapan"), readiness),
                (_tr("Peta"), map_panel),
                (_tr("Pemantauan TPS"), watch),
            ],
            clock=clock,
            title=overview.name,
            timezone=overview.timezone,
            subtitle=stage,
            cycle_seconds=float(settings.WALL_SECONDS.get()),
        )
        self.summary, self.board, self.stages, self.incidents = summary, board, stages, incidents
        self.readiness = readiness
        self.map = map_panel
        self.watch = watch
        # The map page: the vulnerability of the stage in force and its incidents, with their
        # legends and the regions' names (the switches, boxes and Home button are hidden: a
        # wall shows what the operation is in now). Legends filled by a read get the room.
        map_panel.read_shown.connect(map_panel.fit_layers)
        self._undo = undo  # the panels' (unused) history lives as long as the wall
        board.rows.cells.short_incident_headers = True
        board.footer.hide()  # keyboard hints: the wall has no keyboard
        # The incidents page: the list without its detail pane, the timeline as tall as the
        # list so eleven regions' lanes stay apart in the wall's type.
        incidents.splitter.setStretchFactor(0, 1)
        incidents.splitter.setStretchFactor(1, 1)
        incidents.height_split.hold([1000, 1000])
        # The type is in the title ("Unjuk rasa ...") and the timeline's lanes; its column
        # gives the room to the title.
        incidents.hide_columns(IncidentColumn.TYPE)
        readiness.show_rows(on_wall)  # the Polres, not the Satgas' rows of "—"
        self.fit_to_type()
        self.set_mode("cycle" if settings.WALL_MODE.get() == "cycle" else "tiled")

    def fit_to_type(self) -> None:
        """Seen from across the room: strength, status and open incidents; widths refitted
        for the wall's type (the panels measured their columns at desk size)."""
        board = self.board
        for section, (kind, _pos) in enumerate(board.rows.cells.layout.columns()):
            # Readiness has its own wall page (issue 15); the board keeps the names' room.
            hide = kind in (Column.TPS, Column.UNRATED, Column.CHANGED, Column.READINESS)
            board.tree_view.setColumnHidden(section, hide)
            board.flat_view.setColumnHidden(section, hide)
        board.fit_columns()
        self.incidents.fit_columns()
        self.incidents.timeline.scrolls_lanes = False  # nobody scrolls a wall: every lane
        self.incidents.timeline.fit_to_font()
        # The readiness page: the matrix alone (nobody chooses a cell on a wall), refitted.
        self.readiness.evidence.hide()
        self.readiness.overall_column = False
        self.readiness.name_cap = "Polres Tanjung Jab"
        # Nine columns of level words: a little smaller than the other pages' type, still
        # larger than a desk's, so that eight aspects fit a 1366 px screen.
        view = self.readiness.view
        view.setFont(theme.scaled_font(view, 0.92))
        self.readiness.fit_columns()
        self.map.fit_layers()

    def follow(self, changed: SignalInstance) -> None:
        """The panels' rows follow ``changed`` (``ChangeFeed``) until the wall closes; the
        summary follows the main window's overview instead (``MainWindow.attach_wall``),
        which is computed off the GUI thread."""
        for panel in self._panels:
            panel.live.follow(changed)

    def apply_changes(self, changes: JournalChanges) -> None:
        """Hand a change set to the panels, as the feed does (tests)."""
        for panel in self._panels:
            panel.live.deliver(changes)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closed is closed for good: the panels leave the feed at once, so nothing queues
        for a wall nobody sees (it is deleted when control returns to the event loop)."""
        super().closeEvent(event)
        if event.isAccepted():
            for panel in self._panels:
                panel.live.stop()

    @property
    def _panels(
        self,
    ) -> tuple[
        UnitsBoard | StagesPanel | IncidentsPanel | ReadinessPanel | MapPanel | WatchWall, ...
    ]:
        return (self.board, self.stages, self.incidents, self.readiness, self.map, self.watch)

    def busy(self) -> bool:
        """The board's figures or the readiness matrix still being computed in the background,
        or the map's or the watch's first read not shown yet."""
        return (
            self.board.busy()
            or self.readiness.busy()
            or not self.map.loaded()
            or not self.watch.loaded()
        )


def build_wall(
    store: Store, overview: Overview, *, clock: Callable[[], datetime] = operation_now
) -> WallBoard:
    undo = QUndoStack()
    desk = Desk(store, WALL_ACTOR, undo, clock)
    summary = SummaryStrip()
    summary.show_overview(overview)
    return WallBoard(
        overview,
        clock=clock,
        summary=summary,
        board=UnitsBoard(desk),
        stages=StagesPanel(store, clock=clock),
        incidents=IncidentsPanel(desk),
        readiness=ReadinessPanel(desk, read_only=True),
        map_panel=MapPanel(store, clock=clock),
        watch=WatchWall(store, clock=clock),
        undo=undo,
    )
