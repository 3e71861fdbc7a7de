"""The page that shows one operation: header and summary over tabs of live panels.

Each panel has its own model and follows the journal itself through ``ui.live_updates``
(``follow``); a hidden panel keeps what changed and applies it when shown. The header and
the summary take the plain ``Overview`` snapshot; the strength tab takes it the same way as
the panels take changes: while hidden it keeps only the newest. The board is built when an
operation is first shown, so an empty database never builds it; the other tabs (and
pyqtgraph, which the stages and incidents draw with) when first opened: a panel built then
reads everything fresh (the strength tab takes the newest overview), and the board appears
sooner (issue 3: start to board shown).
"""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QTimer, SignalInstance
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox, QTabWidget, QVBoxLayout, QWidget

from opscenter.live import JournalChanges
from opscenter.overview import Overview
from ui import text_size, theme
from ui.choice_combo import chosen
from ui.desk import Desk
from ui.live_updates import Deferred
from ui.operation_header import OperationHeader
from ui.summary_strip import SummaryStrip
from ui.units_board import UnitsBoard

if TYPE_CHECKING:  # imported when their tab is first opened (see the module docstring)
    from ui.incidents_panel import IncidentsPanel
    from ui.map_panel import MapPanel
    from ui.readiness_panel import ReadinessPanel
    from ui.stages_panel import StagesPanel
    from ui.strength_panel import StrengthPanel
    from ui.watch_panel import WatchPanel


class OverviewPanel(Protocol):
    def show_overview(self, overview: Overview) -> None: ...


# Below this page height (a 1366x768 laptop leaves it 600 to 690 px) the header and the
# summary are compact; at 100 % text size, higher in proportion at a larger one (at 160 %
# they took half a laptop's height, and the board's header rows were cut).
COMPACT_BELOW = 800


class Tab(IntEnum):
    BOARD = 0
    STRENGTH = 1
    STAGES = 2
    INCIDENTS = 3
    READINESS = 4
    MAP = 5
    WATCH = 6


class OperationPage(QWidget):
    def __init__(self, desk: Desk, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("operationPage")
        self._desk = desk  # handed to each panel built
        self.header = OperationHeader(self)
        self.summary = SummaryStrip(self)
        self.overview_panels: list[OverviewPanel] = [self.header, self.summary]
        # Built when its tab is first opened (``_build_tab``), as the panels below.
        self.strength: StrengthPanel | None = None
        self.strength_updates: Deferred[Overview] | None = None
        self._feeds: list[SignalInstance] = []  # what the panels follow (``follow``)
        self.board: UnitsBoard | None = None
        self.stages: StagesPanel | None = None
        self.incidents: IncidentsPanel | None = None
        self.readiness: ReadinessPanel | None = None
        self.map: MapPanel | None = None
        self.watch: WatchPanel | None = None
        self._overview: Overview | None = None  # the newest, for a map built later
        # The region the map asked to filter the other tabs to (its strip's button), for
        # an incidents list built after it; None: no filter from the map.
        self._map_region: int | None = None

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.tabBar().setFont(theme.scaled_font(self, 1.1, bold=True))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.header)
        column.addWidget(self.summary)
        column.addWidget(self.tabs, 1)
        # Once every widget has its new size (a text size step is a walk through them all):
        # the header's and the summary's compact sizes are measured from theirs.
        text_size.follow_font(
            self, lambda: QTimer.singleShot(0, self, self._fit_compact), now=False
        )  # a text size step

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_compact()

    def _fit_compact(self) -> None:
        step = text_size.applied() / text_size.DEFAULT
        compact = self.height() < COMPACT_BELOW * step
        self.header.set_compact(compact)
        self.summary.set_compact(compact)

    def ensure_panels(self) -> None:
        """Build the board and the tabs once (there is an operation to show by now)."""
        if self.board is not None:
            return
        self.board = UnitsBoard(self._desk, parent=self)
        self._follow(self.board)
        self.tabs.insertTab(Tab.BOARD, self.board, self.tr("Papan satuan"))
        self.board.region_filter.currentIndexChanged.connect(self._region_filters_changed)
        # Placeholders until first opened (``_build_tab``).
        self.tabs.insertTab(Tab.STRENGTH, QWidget(self), self.tr("Kekuatan"))
        self.tabs.insertTab(Tab.STAGES, QWidget(self), self.tr("Tahapan"))
        self.tabs.insertTab(Tab.INCIDENTS, QWidget(self), self.tr("Kejadian"))
        self.tabs.insertTab(Tab.READINESS, QWidget(self), self.tr("Kesiapan"))
        self.tabs.insertTab(Tab.MAP, QWidget(self), self.tr("Peta"))
        self.tabs.insertTab(Tab.WATCH, QWidget(self), self.tr("Pantau TPS"))
        self.tabs.setCurrentIndex(Tab.BOARD)
        self.tabs.currentChanged.connect(self._build_tab)

    def _build_tab(self, index: int) -> None:
        if index == Tab.STRENGTH:
            if self.strength_updates is not None:
                self.strength_updates.flush()
            else:
                self._build_strength()
            return
        if index == Tab.STAGES and self.stages is None:
            from ui.stages_panel import StagesPanel

            self.stages = StagesPanel(self._desk.store, clock=self._desk.clock, parent=self)
            self._follow(self.stages)
            self._replace_tab(Tab.STAGES, self.stages, self.tr("Tahapan"))
        elif index == Tab.INCIDENTS and self.incidents is None:
            from ui.incidents_panel import IncidentsPanel

            self.incidents = IncidentsPanel(self._desk, parent=self)
            self._follow(self.incidents)
            self._replace_tab(Tab.INCIDENTS, self.incidents, self.tr("Kejadian"))
            if self.stages is not None and self.stages.selected_stage_id is not None:
                self.incidents.set_stage_filter(self.stages.selected_stage_id)
            if self._map_region is not None:
                self.incidents.set_region_filter(self._map_region)
            self.incidents.region_box.currentIndexChanged.connect(self._region_filters_changed)
            self._region_filters_changed()
        elif index == Tab.READINESS and self.readiness is None:
            from ui.readiness_panel import ReadinessPanel

            self.readiness = ReadinessPanel(self._desk, parent=self)
            self._follow(self.readiness)
            self._replace_tab(Tab.READINESS, self.readiness, self.tr("Kesiapan"))
            return
        elif index == Tab.MAP and self.map is None:
            from ui.map_panel import MapPanel

            self.map = MapPanel(self._desk.store, clock=self._desk.clock, parent=self)
            self.map.region_filter_wanted.connect(self._map_region_filter)
            self.map.set_filtered(self._map_region)
            self.map.incident_chosen.connect(self._map_incident_chosen)
            if self._overview is not None:
                self.map.show_overview(self._overview)
            self._follow(self.map)
            self._replace_tab(Tab.MAP, self.map, self.tr("Peta"))
            return
        elif index == Tab.WATCH and self.watch is None:
            from ui.watch_panel import WatchPanel

            self.watch = WatchPanel(self._desk, parent=self)
            self.watch.incident_wanted.connect(self._incident_at_tps)
            self._follow(self.watch)
            self._replace_tab(Tab.WATCH, self.watch, self.tr("Pantau TPS"))
            return
        else:
            return
        if self.stages is not None and self.incidents is not None:
            # Choosing a stage filters the incidents to it.
            self.stages.stage_selected.connect(self.incidents.set_stage_filter)

    def _build_strength(self) -> None:
        from ui.strength_panel import StrengthPanel

        panel = self.strength = StrengthPanel(self)
        if self._overview is not None:
            panel.show_overview(self._overview)
        # A hidden tab is brought up to date when opened: re-sorting its 500 rows at every
        # live update cost the GUI thread tens of milliseconds (bench/board.py).
        self.strength_updates = Deferred[Overview](
            panel,
            apply=panel.show_overview,
            shown=lambda: self.tabs.currentWidget() is panel,
            name="strength tab",
        )
        self._replace_tab(Tab.STRENGTH, panel, self.tr("Kekuatan"))

    def _region_box(self, tab: Tab) -> QComboBox | None:
        """The region box of the board or the incidents list (None: not built yet)."""
        if tab is Tab.BOARD:
            return self.board.region_filter if self.board is not None else None
        return self.incidents.region_box if self.incidents is not None else None

    def _map_region_filter(self, region_id: int | None) -> None:
        """The map's *Saring tab lain* (a region) or its undoing (None): the board and the
        incidents list are filtered to the region, or, where they still show the map's,
        to every region again. A click on the map alone never gets here (``ui.map_panel``)."""
        previous, self._map_region = self._map_region, region_id
        if self.map is not None:
            self.map.set_filtered(region_id)
        if self.board is not None and (
            region_id is not None or chosen(self.board.region_filter) == previous
        ):
            self.board.set_region_filter(region_id)
        if self.incidents is not None and (
            region_id is not None or chosen(self.incidents.region_box) == previous
        ):
            self.incidents.set_region_filter(region_id)

    def _region_filters_changed(self, _index: int = -1) -> None:
        """A tab filtered by region says so on its tab (the walk: the board stayed on Tebo
        while the header counted every region); the map learns when the user took its
        filter off (or moved it) in the tabs themselves."""
        boxes = []
        board_box = self._region_box(Tab.BOARD)
        for tab, label in (
            (Tab.BOARD, self.tr("Papan satuan")),
            (Tab.INCIDENTS, self.tr("Kejadian")),
        ):
            box = self._region_box(tab)
            if box is None:
                # Not built yet: it will open on the map's region (``_build_tab``), so its tab
                # says so now, with the board's name for it (the walk saw only the board's).
                if (
                    self._map_region is not None
                    and board_box is not None
                    and chosen(board_box) == self._map_region
                ):
                    self.tabs.setTabText(tab, f"{label} \u00b7 {board_box.currentText()}")
                continue
            boxes.append(box)
            filtered = chosen(box) is not None
            self.tabs.setTabText(tab, f"{label} \u00b7 {box.currentText()}" if filtered else label)
        if self._map_region is not None and all(chosen(b) != self._map_region for b in boxes):
            self._map_region = None
            if self.map is not None:
                self.map.set_filtered(None)

    def _incident_at_tps(self, region_id: int, tps_id: int, unit_id: int | None) -> None:
        """The watch's "g": the new-incident form on the incidents tab, on that TPS, its
        guarding unit ticked (with none, the board could not count it where it happened).
        Closed, saved or not, the watch's entry line is back for the next report."""
        self.show_tab(Tab.INCIDENTS)
        panel = self.incidents
        if panel is None:
            return
        panel.new_incident()
        form = panel.form
        if form is not None:
            fields: dict[str, object] = {"region_id": region_id, "tps_id": tps_id}
            if unit_id is not None:
                fields["unit_ids"] = [unit_id]
            form.prefill(fields)
            form.finished.connect(self._back_to_watch)

    def _back_to_watch(self) -> None:
        self.show_tab(Tab.WATCH)
        if self.watch is not None:
            self.watch.focus_entry()

    def _map_incident_chosen(self, incident_id: int) -> None:
        if self.incidents is not None:
            self.incidents.select_incident(incident_id)

    def _replace_tab(self, tab: Tab, panel: QWidget, label: str) -> None:
        placeholder = self.tabs.widget(tab)
        self.tabs.blockSignals(True)  # the same tab stays current: not a change to report
        self.tabs.removeTab(tab)
        self.tabs.insertTab(tab, panel, label)
        self.tabs.setCurrentIndex(tab)
        self.tabs.blockSignals(False)
        if placeholder is not None:
            placeholder.deleteLater()

    def live_panels(
        self,
    ) -> list[UnitsBoard | StagesPanel | IncidentsPanel | ReadinessPanel | MapPanel | WatchPanel]:
        panels = (self.board, self.stages, self.incidents, self.readiness, self.map, self.watch)
        return [p for p in panels if p is not None]

    def show_overview(self, overview: Overview) -> None:
        self.ensure_panels()
        self._overview = overview
        if self.map is not None:
            self.map.show_overview(overview)  # recolours only while its strength layer shows
        for panel in self.overview_panels:
            panel.show_overview(overview)
        if self.strength_updates is not None:
            self.strength_updates.deliver(overview)

    def follow(self, changed: SignalInstance) -> None:
        """Every live panel, those built later too, follows ``changed`` (``ChangeFeed``)."""
        self._feeds.append(changed)
        for panel in self.live_panels():
            panel.live.follow(changed)

    def _follow(
        self,
        panel: UnitsBoard | StagesPanel | IncidentsPanel | ReadinessPanel | MapPanel | WatchPanel,
    ) -> None:
        for changed in self._feeds:
            panel.live.follow(changed)

    def apply_changes(self, changes: JournalChanges) -> None:
        """Hand a change set to every live panel (as the feed does; tests, benches)."""
        for panel in self.live_panels():
            panel.live.deliver(changes)

    def reload(self) -> None:
        for panel in self.live_panels():
            panel.reload()

    def show_tab(self, tab: Tab) -> None:
        self.ensure_panels()
        self.tabs.setCurrentIndex(tab)
        self._build_tab(tab)
        if tab is Tab.INCIDENTS and self.incidents is not None:
            # Ctrl+4, then Down and Space choose: the cursor on the chosen incident, else on
            # the first row (Qt's focus-in); nothing chosen by it, so Ctrl+T or Ctrl+N, which
            # come through here, act on no incident picked by the way.
            self.incidents.view.setFocus()
        if tab is Tab.READINESS and self.readiness is not None:
            self.readiness.view.setFocus()  # Ctrl+5, then the arrows move in the matrix
        if tab is Tab.WATCH and self.watch is not None:
            self.watch.focus_entry()  # Ctrl+7, then type the TPS and its step

    def show_time(self, local: datetime, timezone: str) -> None:
        self.header.show_time(local, timezone)
