"""What the operation map shows, put on its view: the regions of the level the layers call
for, the area layer's fills with the regions' hover text and the watch's alerts, the TPS
pies, the units and their BKO arrows, the incidents' points up to the time slider's moment,
and each layer's legend, as the layer switches (``ui.map_layer_switches``) say.

``ui.map_panel.MapPanel`` reads (``ui.map_read``) and lays out the widgets; it hands each
read to the ``MapShown`` this draws from, then asks for the layers the read or a switch
moved. No read here, no widget made: only the view and the legends are set.
"""

from __future__ import annotations

from collections.abc import Callable

from opscenter.watch.steps import Step
from ui.map_area_fills import bawaslu_fills, readiness_fills, strength_fills, vulnerability_fills
from ui.map_incidents import IncidentPoints, severity_legend
from ui.map_layer_switches import MapLayers
from ui.map_layers import MapPoint
from ui.map_read import MapShown
from ui.map_replay import ReplayBar, TimedPoints
from ui.map_tps import tps_figures, tps_legend, tps_marks
from ui.map_units import unit_marks, units_legend
from ui.map_view import MapView
from ui.map_watch import watch_alerts, watch_fills


class MapPresenter:
    """Puts *shown* on *view* and the legends of *layers*, as their switches say. *aspect*
    gives the aspect chosen for the vulnerability layer (None: all, the highest);
    *watch_step* the step the watch layer colours by; *replay* the period and the moment of
    the incidents drawn; *incidents* where each incident's point sits."""

    def __init__(
        self,
        view: MapView,
        layers: MapLayers,
        shown: MapShown,
        replay: ReplayBar,
        incidents: IncidentPoints,
        *,
        aspect: Callable[[], int | None],
        watch_step: Callable[[], Step | None],
        lang: str,
    ) -> None:
        self.view, self.layers, self.shown, self.replay = view, layers, shown, replay
        self._incident_points = incidents
        self._aspect, self._watch_step, self._lang = aspect, watch_step, lang
        self.timed = TimedPoints()  # the incidents' points, held for the slider
        self._regions_level = ""  # the level of the shapes in the view

    def new_shapes(self) -> None:
        """The shapes were read again: the next ``show_regions`` draws them, whatever the
        level."""
        self._regions_level = ""

    def show_regions(self) -> None:
        """The kecamatan while the watch is on (and their shapes are read), else the
        kabupaten/kota; built again only when the level or the shapes changed, the view kept
        where the user moved it."""
        shown = self.shown
        watch = self.layers.watch.switch.isChecked()
        level = "kecamatan" if watch and shown.kecamatan else "kabkota"
        if level == self._regions_level:
            return
        kept = bool(self._regions_level)  # a swap of levels, not new shapes
        self._regions_level = level
        shapes = shown.kecamatan if level == "kecamatan" else shown.kabkota
        boxes = [b.bbox for b in shown.kabkota.values()]
        home = (
            (
                min(b[0] for b in boxes),
                min(b[1] for b in boxes),
                max(b[2] for b in boxes),
                max(b[3] for b in boxes),
            )
            if boxes
            else None
        )
        others = shown.kabkota if level == "kecamatan" else shown.kecamatan
        self.view.set_regions(shapes.values(), home=home, keep_view=kept, others=others.values())

    def recolour(self) -> None:
        layers = self.layers
        read = self.shown.read
        if layers.vulnerability.switch.isChecked():
            fills, figures = vulnerability_fills(self.shown, self._aspect())
        elif layers.bawaslu.switch.isChecked():
            fills, figures = bawaslu_fills(self.shown)
        elif layers.strength.switch.isChecked():
            fills, figures = strength_fills(self.shown)
        elif layers.readiness.switch.isChecked():
            fills, figures = readiness_fills(self.shown)
        elif layers.watch.switch.isChecked():
            fills, figures = watch_fills(self.shown, self._watch_step(), self._lang)
        else:
            fills, figures = {}, {}
        if layers.tps.switch.isChecked():
            for code, line in tps_figures(self.shown).items():
                figures[code] = f"{figures[code]}\n{line}" if code in figures else line
        self.view.set_fills(fills)
        self.view.set_figures(figures)
        self.view.set_alerts(
            *(watch_alerts(self.shown) if layers.watch.switch.isChecked() else ({}, {}))
        )
        layers.set_area_legends(read.matrix if read else None)

    def show_marks(self) -> None:
        on = self.layers.tps.switch.isChecked()
        self.view.set_marks(tps_marks(self.shown) if on else [])
        read = self.shown.read
        if read is not None and read.tps is not None:
            self.layers.tps.legend.set_entries(tps_legend(read.tps), points=True)

    def show_units(self) -> None:
        read = self.shown.read
        units = read.units if read else None
        on = self.layers.units.switch.isChecked() and units is not None
        self.view.set_units(*(unit_marks(self.shown) if on else ([], [])))
        if units is not None:
            self.layers.units.legend.set_entries(units_legend(units))

    def incident_points(self) -> list[MapPoint]:
        """Every incident of the read as a point (``ui.map_incidents.IncidentPoints``)."""
        points = self._incident_points.points()
        self.show_severities()
        return points

    def show_severities(self) -> None:
        self.layers.incidents.legend.set_entries(severity_legend(self.shown.read), points=True)

    def show_points(self) -> None:
        if not self.layers.incidents.switch.isChecked():
            self.timed.hold(())
            self.view.set_points([])
            return
        points = self.incident_points()
        read = self.shown.read
        when = {row.id: row.occurred_at for row in (read.incidents if read else ())}
        self.timed.hold((when[p.id], p.id) for p in points)
        self.view.set_points(points)
        self.show_replay()

    def show_replay(self) -> None:
        """The slider or the period moved: the view draws the points of the period up to
        the slider's time (no read, no points handed again: ``MapView.show_points``)."""
        start = self.replay.start()
        if start is not None:
            self.view.show_points(*self.timed.window(start, self.replay.until()))
