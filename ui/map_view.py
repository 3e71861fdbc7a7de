"""The map: region polygons filled by a layer's colours, names that never overlap, points.

Offline and vector only: the shapes come from the boundaries that ship with OpsCenter
(``opscenter.geo``), drawn in an equirectangular projection whose x is shrunk by the cosine
of the area's middle latitude, so that Jambi is not stretched sideways (``ui.map_geometry``).
The layers drawn over the regions are held in ``ui.map_layers``, drawn by
``ui.map_painting`` into the images of ``ui.map_scene``, found under the mouse by
``ui.map_hits``; this module holds the widget: what it shows, its view and its input.

Fast at national scale (7,285 kecamatan, 290,000 vertices) by these habits:

* each region's ``QPainterPath`` is built once, from numpy arrays straight into a
  ``QPolygonF`` buffer, when the shapes are given; a pan or a zoom never rebuilds one;
* the scene (fills, outlines, points, names) is drawn into an image for the current view
  and a paint only blits it; while the view moves the image is shifted and scaled at once
  and the sharp scene is drawn again when the movement rests (``SETTLE_MS``); views that
  draw quickly (the scene under ``DIRECT_MS``) are drawn sharp at every frame;
* that sharp scene is drawn in slices (``ui.map_scene``) with the event loop running in
  between, the shifted image shown until it is done: every kecamatan of Indonesia with
  20,000 incidents takes some 100 ms, three frames, and a Python thread cannot take it off
  the GUI thread (QPainter keeps the GIL while it draws);
* at low zoom, regions are drawn from paths simplified to half a pixel for their zoom band
  (built while drawing in slices, kept per band); hit tests and hover use the full ones;
* only regions whose box meets the view are drawn (numpy, one comparison per region).

Measured: ``bench/map.py``.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ui import theme
from ui.map_geometry import Regions, Shape, Viewport
from ui.map_hits import flow_under, mark_under, point_under, unit_under
from ui.map_layers import MapFlow, MapMark, MapPoint, MapUnit, PointLayer
from ui.map_painting import (
    ALERT_DOT,
    MARK_RADIUS,
    draw_alerts,
    draw_hover,
    draw_labels,
    draw_marks,
    draw_points,
    draw_regions,
    draw_units,
    point_boxes,
)
from ui.map_scene import Scene, Steps
from ui.translations import translator

# After the last pan or zoom step, the sharp scene is drawn this much later.
SETTLE_MS = 120
# A scene drawn in less than this is drawn sharp at every frame, not shifted.
DIRECT_MS = 12.0
# One wheel notch, one + or - key.
ZOOM_STEP = 1.25
# Arrow keys move the view by this share of its size.
PAN_SHARE = 0.125
# The mouse moved less than this between press and release: a click, not a drag.
CLICK_SLOP = 4
MAX_ZOOM = 2_000.0  # times the home scale: a desa at a wall's width, no further


_tr = translator("MapView")


# Whether ``set_regions`` ends with ``keep_long_lived``: set by the application's start
# (``ui.app``) and the bench, not by tests, where windows alive at that moment and later
# left in a reference cycle would never be collected.
FREEZE_AFTER_BUILD = False


def keep_long_lived() -> None:
    """Collect the garbage now, then leave every object alive out of the collector's later
    full scans (``gc.freeze``). The map's paths, rings and caches live as long as it does;
    each full scan walked them all and stopped the GUI thread 50-180 ms at a time with a
    national map (bench/map.py counts the pauses)."""
    gc.collect()
    gc.freeze()


class MapView(QWidget):
    """Region polygons, their names and points, with pan, zoom, hover and click."""

    regionClicked = Signal(str)  # a click on the sea, or Esc, lets the region chosen go itself
    pointClicked = Signal(int)
    # The region chosen (``set_selected``) or what is known of it (its figures) changed.
    selectionChanged = Signal()
    # Emitted after a sharp scene was drawn (the bench's "first frame", the tests' waits).
    rendered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 180)
        self.setAccessibleName(_tr("Peta operasi"))
        self._k = 1.0  # cos(middle latitude)
        self._regions = Regions()
        self._detailed = True  # level of detail on (``set_level_of_detail``)
        self._fills: dict[str, QColor] = {}
        self._figures: dict[str, str] = {}
        # Regions marked by an alert (``set_alerts``): outlined, and a triangle at the label point.
        self._outlined: dict[str, QColor] = {}
        self._dotted: dict[str, QColor] = {}
        self._home = QRectF()
        self._view = Viewport()
        self._homed = False
        self._points = PointLayer()
        self._labels: list[tuple[str, QRectF, str]] = []
        self._visible = np.zeros(0, dtype=np.int64)  # the regions in view of the last base
        self._names_shown = True
        # Marks: positions on the plane; the indices drawn in the last sharp scene (hover).
        self._marks: list[MapMark] = []
        self._mxy = np.zeros((0, 2))
        self._marks_drawn = np.zeros(0, dtype=np.int64)
        # Units and the arrows between them (a few hundred: plain lists); those drawn last.
        self._units: dict[int, MapUnit] = {}
        self._flows: list[MapFlow] = []
        # By id: the hover reads the unit as given last (a new status), not as drawn.
        self._units_drawn: list[tuple[int, QPointF]] = []
        self._flows_drawn: list[tuple[MapFlow, QPointF, QPointF]] = []
        self._scene = Scene(self, self._render_base, self._render_points)
        self._hover = -1
        self._selected = ""  # the code of the region chosen (``set_selected``), outlined
        # The other level's shapes (``set_regions``), and the chosen one's path among them.
        self._others: dict[str, Shape] = {}
        self._other_path: tuple[str, QPainterPath | None] | None = None
        self._press: QPointF | None = None
        self._press_view: Viewport | None = None
        self._dragged = False
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.refine)
        theme.mode.changed.connect(self._restyle)

    # ---- what is shown ------------------------------------------------------------------

    def set_regions(
        self,
        shapes: Iterable[Shape],
        *,
        home: Sequence[float] | None = None,
        keep_view: bool = False,
        others: Iterable[Shape] = (),
    ) -> None:
        """The regions to draw (paths built here, once); *home* (min lon, min lat, max lon,
        max lat) is the area Home fits, by default all the regions. *keep_view*: the view
        stays where the user moved it (other regions of the same area: the kecamatan of
        the kabupaten/kota shown), else it goes home. *others*: the shapes of the other
        level, not drawn: a region chosen among them stays chosen, outlined and named (a
        kabupaten chosen before the watch drew the kecamatan)."""
        kept = self._view if keep_view and not self._homed else None
        self._regions = regions = Regions(list(shapes), home)
        self._others = {s.code: s for s in others}
        self._other_path = None
        self._k = regions.k
        self._home = self._world_rect(regions.area)
        self._hover = -1
        self._homed = False
        if self._points.points:  # their positions on the plane follow the new projection
            self.set_points(list(self._points.points.values()))
        if self._marks:
            self.set_marks(self._marks)
        self.home()
        if kept is not None:
            self._set_view(kept)
        if self._selected:
            self.selectionChanged.emit()  # its name and figures, or none at this level
        if FREEZE_AFTER_BUILD:
            keep_long_lived()

    def set_fills(self, fills: Mapping[str, QColor]) -> None:
        """Each region's fill colour by code; regions not named are drawn as plain land."""
        self._fills = dict(fills)
        self._invalidate()

    def set_alerts(
        self,
        outlined: Mapping[str, QColor] | None = None,
        dotted: Mapping[str, QColor] | None = None,
    ) -> None:
        """Regions that call for attention, by code: *outlined* drawn with a wide outline of
        that colour over the fills, *dotted* with a triangle of that colour at the label point."""
        self._outlined, self._dotted = dict(outlined or {}), dict(dotted or {})
        self._invalidate()

    def alerts(self) -> tuple[dict[str, QColor], dict[str, QColor]]:
        """The regions outlined and dotted (``set_alerts``)."""
        return dict(self._outlined), dict(self._dotted)

    def set_figures(self, figures: Mapping[str, str]) -> None:
        """The lines shown under a region's name when the mouse rests on it (and beside the
        map for the region chosen)."""
        self._figures = dict(figures)
        if self._selected:
            self.selectionChanged.emit()

    def set_selected(self, code: str | None) -> None:
        """The region chosen (a click), outlined until another is chosen or None."""
        if (code or "") != self._selected:
            self._selected = code or ""
            self.update()
            self.selectionChanged.emit()

    def selected(self) -> str | None:
        return self._selected or None

    def _chosen_path(self) -> QPainterPath | None:
        """The chosen region's path on the plane: drawn, or one of the other level's (built
        once it is chosen)."""
        code = self._selected
        i = self._regions.index.get(code, -1) if code else -1
        if i >= 0:
            return self._regions.paths[i]
        if not code:
            return None
        if self._other_path is None or self._other_path[0] != code:
            shape = self._others.get(code)
            # The same projection: the same area's middle latitude.
            path = Regions([shape], self._regions.area).paths[0] if shape is not None else None
            self._other_path = (code, path)
        return self._other_path[1]

    def chosen_outline(self) -> QPainterPath | None:
        """The outline drawn for the region chosen, in widget pixels (None: none)."""
        path = self._chosen_path()
        return self._view.transform(self.size()).map(path) if path is not None else None

    def region_codes(self) -> list[str]:
        """The codes of the regions drawn."""
        return list(self._regions.codes)

    def region_text(self, code: str) -> tuple[str, str]:
        """A region's name and its figures as the layers shown give them (the hover's text),
        for a region drawn or one of the other level's (``set_regions``); ("", "") for
        another."""
        i = self._regions.index.get(code, -1)
        if i >= 0:
            return self._regions.names[i], self._figures.get(code, "")
        other = self._others.get(code)
        return (other.name, self._figures.get(code, "")) if other is not None else ("", "")

    def set_points(self, points: Sequence[MapPoint]) -> None:
        """All the points (incidents) at once."""
        self._points.clear()
        self.update_points(points)

    def update_points(self, changed: Sequence[MapPoint], removed: Iterable[int] = ()) -> None:
        """Points added or changed (by id) and ids removed; the others stay as they are, so a
        live incident costs array work, not a pass over every point in Python. A point
        changed stays hidden or faded as ``show_points`` said."""
        self._points.update(changed, removed, self._k)
        self._scene.drop_job()
        self._scene.forget(base=False)  # only the points are drawn again
        self.update()

    def show_points(self, shown: np.ndarray | None, dimmed: np.ndarray | None = None) -> None:
        """Of the points held, draw only the ids in ``shown`` (None: every one as it is), and
        those of them in ``dimmed`` faded. A step of the incidents' time slider: array work
        on the points held, none handed again. It lasts until the next call: a point added
        later (``update_points``) is drawn only if its id is in ``shown``."""
        self._points.show(shown, dimmed)
        self._scene.forget(base=False)
        self.update()

    def shown_point_ids(self) -> set[int]:
        """The ids of the points drawn (``show_points``)."""
        return self._points.shown_ids()

    def dimmed_point_ids(self) -> set[int]:
        """The ids of the points drawn faded."""
        return self._points.dimmed_ids()

    def set_marks(self, marks: Sequence[MapMark]) -> None:
        """All the marks at once (drawn with the regions, under the points)."""
        self._marks = list(marks)
        k = self._k
        self._mxy = np.array([m.plane(k) for m in marks]).reshape(len(marks), 2)
        self._marks_drawn = np.zeros(0, dtype=np.int64)
        self._invalidate()

    def marks_drawn(self) -> list[MapMark]:
        """The marks drawn in the last sharp scene."""
        return [self._marks[i] for i in self._marks_drawn]

    def mark_at(self, at: QPointF) -> MapMark | None:
        """The drawn mark under *at* (widget pixels), if any."""
        i = mark_under(self._mxy, self._marks_drawn, self._view, self.size(), at)
        return self._marks[i] if i >= 0 else None

    def set_units(self, units: Sequence[MapUnit], flows: Sequence[MapFlow] = ()) -> None:
        """All the units and the arrows between them at once (drawn over the marks, under
        the points); an arrow whose ends are not both given is left out."""
        self._units = {u.id: u for u in units}
        self._flows = [f for f in flows if f.source in self._units and f.target in self._units]
        self._invalidate()

    def units_drawn(self) -> list[tuple[MapUnit, QPointF]]:
        """The units drawn in the last sharp scene, each with its centre (widget pixels)."""
        return [(self._units[i], at) for i, at in self._units_drawn if i in self._units]

    def flows_drawn(self) -> list[tuple[MapFlow, QPointF, QPointF]]:
        """The arrows drawn in the last sharp scene, with their ends (widget pixels)."""
        return list(self._flows_drawn)

    def unit_at(self, at: QPointF) -> MapUnit | None:
        """The drawn unit under *at* (widget pixels), if any: the topmost (last drawn)."""
        return unit_under(self.units_drawn(), at)

    def flow_at(self, at: QPointF) -> MapFlow | None:
        """The drawn arrow under *at* (widget pixels), if any."""
        return flow_under(self._flows_drawn, at)

    def point(self, pid: int) -> MapPoint | None:
        return self._points.points.get(pid)

    def point_ids(self) -> set[int]:
        return set(self._points.points)

    def set_level_of_detail(self, on: bool) -> None:
        """Simplified paths at low zoom (the default) or every vertex at every zoom (the
        bench's and the tests' reference)."""
        self._detailed = on
        self._regions.lod = {}
        self._invalidate()

    def set_names_shown(self, shown: bool) -> None:
        """Region names on or off (a layer of their own)."""
        self._names_shown = shown
        self._invalidate()

    # ---- the view -----------------------------------------------------------------------

    def _world_rect(self, area: Sequence[float]) -> QRectF:
        x0, y0, x1, y1 = area
        return QRectF(x0 * self._k, -y1, (x1 - x0) * self._k, y1 - y0)

    def set_home(self, area: Sequence[float]) -> None:
        """The area (min lon, min lat, max lon, max lat) that Home fits."""
        self._home = self._world_rect(area)
        self.home()

    def home(self) -> None:
        """Fit the home area in the widget, with a small margin."""
        centre = self._home.center()
        self._set_view(Viewport(centre.x(), centre.y(), self.home_scale()))
        self._homed = True

    def home_scale(self) -> float:
        rect = self._home
        if rect.width() <= 0 or rect.height() <= 0:
            return 1.0
        return 0.95 * min(
            max(self.width(), 1) / rect.width(), max(self.height(), 1) / rect.height()
        )

    def view_state(self) -> tuple[float, float, float]:
        """Centre (world x, y) and scale: what tests compare."""
        return (self._view.cx, self._view.cy, self._view.scale)

    def pan_by(self, dx: float, dy: float) -> None:
        """Move the map by (dx, dy) pixels: the content follows the mouse."""
        self._set_view(self._view.panned(dx, dy))

    def zoom_by(self, factor: float, at: QPointF | None = None) -> None:
        """Zoom by *factor*, keeping the world point under *at* (widget pixels) in place."""
        v = self._view
        at = at if at is not None else QPointF(self.width() / 2, self.height() / 2)
        limit = self.home_scale()
        scale = min(max(v.scale * factor, limit / 4), limit * MAX_ZOOM)
        self._set_view(v.zoomed(scale, at, self.size()))

    def _set_view(self, view: Viewport) -> None:
        self._view = view
        self._homed = False
        self._scene.drop_job()
        if self._scene.image is not None and self._scene.render_ms > DIRECT_MS:
            self._settle.start()  # shift the old image now, draw sharp when the view rests
        else:
            self._scene.forget(base=False)
        self.update()

    def project(self, lon: float, lat: float) -> QPointF:
        """Widget pixels of a (lon, lat) in the current view."""
        return self._view.transform(self.size()).map(QPointF(lon * self._k, -lat))

    def unproject(self, at: QPointF) -> tuple[float, float]:
        """The (lon, lat) under a widget pixel (picking an incident's place)."""
        wx, wy = self._view.to_plane(at, self.size())
        return (wx / self._k, -wy)

    # ---- hits ---------------------------------------------------------------------------

    def region_at(self, at: QPointF) -> str | None:
        i = self._region_index(at)
        return self._regions.codes[i] if i >= 0 else None

    def _region_index(self, at: QPointF) -> int:
        return self._regions.index_at(*self._view.to_plane(at, self.size()))

    def point_at(self, at: QPointF) -> int | None:
        """The id of the topmost point under *at* (widget pixels), if any."""
        return point_under(self._points, self._view, self.size(), at)

    def tooltip_at(self, at: QPointF) -> str:
        pid = self.point_at(at)
        if pid is not None:
            point = self._points.points[pid]
            if point.text:
                return point.text
        mark = self.mark_at(at)
        if mark is not None and mark.text:
            return mark.text
        unit = self.unit_at(at)
        if unit is not None and unit.text:
            return unit.text
        flow = self.flow_at(at)
        if flow is not None and flow.text:
            return flow.text
        i = self._region_index(at)
        if i < 0:
            return ""
        name = self._regions.names[i]
        figures = self._figures.get(self._regions.codes[i], "")
        return f"{name}\n{figures}" if figures else name

    def last_render_ms(self) -> float:
        """How long the last sharp scene took to draw (the bench; the shift-or-draw choice)."""
        return self._scene.render_ms

    def placed_labels(self) -> list[tuple[str, QRectF]]:
        """The names drawn in the last sharp scene, with their rectangles (widget pixels)."""
        return [(code, rect) for code, rect, _text in self._labels]

    def label_texts(self) -> dict[str, str]:
        """The names drawn in the last sharp scene as drawn, by code ("Kab. Tanjung\\nJabung
        Barat")."""
        return {code: text for code, _rect, text in self._labels}

    # ---- drawing ------------------------------------------------------------------------

    def _invalidate(self) -> None:
        self._scene.drop_job()
        self._scene.forget(base=True)
        self.update()

    def _restyle(self, _night: bool = False) -> None:
        self._invalidate()

    def sharpen(self) -> None:
        """Draw the sharp scene for the current view at the next paint, not after the rest."""
        self._settle.stop()
        self._scene.drop_job()
        self._scene.forget(base=False)
        self.update()

    def refine(self) -> None:
        """Draw the whole sharp scene for the current view in slices (``ui.map_scene``; the
        view rested), simplifying what this zoom band has not simplified yet: the image shown
        stays, shifted, and the input is served until it is done."""
        self._settle.stop()
        self._scene.refine(self._view)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._invalidate()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        if self._homed or self._scene.image is None:
            self.home()
        self._scene.drop_job()
        self._scene.forget(base=True)
        super().resizeEvent(event)

    def render_scene(self, painter: QPainter, size: QSize, view: Viewport | None = None) -> None:
        """Draw the whole scene for *view* (by default the current one) with *painter*."""
        view = view or self._view
        for _ in self._render_base(painter, size, view):
            pass
        for _ in self._render_points(painter, size, view):
            pass

    def _render_base(
        self, painter: QPainter, size: QSize, view: Viewport, build: bool = False
    ) -> Steps:
        """Water, regions, alerts, marks and units: everything but the points and the
        names, in steps (``ui.map_scene.BaseDrawer``, and there for *build*)."""
        regions = self._regions
        visible = yield from draw_regions(
            painter, regions, self._fills, view, size, detailed=self._detailed, build=build
        )
        if self._outlined or self._dotted:
            draw_alerts(painter, regions, visible, self._outlined, self._dotted, view, size)
        painter.resetTransform()
        self._visible = visible
        yield
        self._marks_drawn = draw_marks(painter, self._marks, self._mxy, view, size)
        self._units_drawn, self._flows_drawn = draw_units(
            painter, self._units, self._flows, self._k, view, size
        )

    def _render_points(self, painter: QPainter, size: QSize, view: Viewport) -> Steps:
        """The points shown, then the names over them, in steps
        (``ui.map_scene.PointsDrawer``): the names are placed off the points, the units, the
        marks and the alerts where there is room, and stay readable where there is none
        (a name under the points read "Kabupaten Ke●nci")."""
        yield from draw_points(painter, self._points, view, size)
        painter.resetTransform()
        self._labels = (
            draw_labels(
                painter,
                self._regions,
                self._visible,
                self.font(),
                view,
                size,
                self._marks_at(view, size),
            )
            if self._names_shown
            else []
        )

    def _marks_at(self, view: Viewport, size: QSize) -> list[QRectF]:
        """What a name keeps off (widget pixels, this scene): the points, the alerts' dots,
        the TPS pies and the units' squares drawn."""
        boxes = point_boxes(self._points, view, size)
        regions = self._regions
        r = 1.2 * ALERT_DOT + 1  # the triangle's reach (``warning``)
        for code in self._dotted:
            i = regions.index.get(code)
            if i is not None:
                x, y = view.to_screen(regions.anchors[i, 0], regions.anchors[i, 1], size)
                boxes.append(QRectF(x - r, y - r, 2 * r, 2 * r))
        if len(self._marks_drawn):
            sx, sy = view.to_screen(self._mxy[:, 0], self._mxy[:, 1], size)
            r = MARK_RADIUS + 1
            boxes += [QRectF(sx[i] - r, sy[i] - r, 2 * r, 2 * r) for i in self._marks_drawn]
        for unit_id, centre in self._units_drawn:
            half = self._units[unit_id].side / 2 + 1 if unit_id in self._units else 6.0
            boxes.append(QRectF(centre.x() - half, centre.y() - half, 2 * half, 2 * half))
        return boxes

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        view = self._view
        fresh = self._scene.show(painter, view, settling=self._settle.isActive())
        chosen = self._regions.index.get(self._selected, -1) if self._selected else -1
        path = self._chosen_path()
        if path is not None:
            draw_hover(painter, path, view, self.size(), chosen=True)
        if 0 <= self._hover < len(self._regions.paths) and self._hover != chosen:
            draw_hover(painter, self._regions.paths[self._hover], view, self.size())
        painter.end()
        if fresh:
            self.rendered.emit()

    # ---- input --------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(ZOOM_STEP**steps, event.position())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._press_view = self._view
            self._dragged = False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._press is not None and self._press_view is not None:
            delta = pos - self._press
            if self._dragged or abs(delta.x()) + abs(delta.y()) >= CLICK_SLOP:
                self._dragged = True
                self._set_view(self._press_view.panned(delta.x(), delta.y()))
                return
        hover = self._region_index(pos)
        if hover != self._hover:
            self._hover = hover
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            clicked = not self._dragged
            self._press = None
            self._press_view = None
            if clicked:
                pos = event.position()
                pid = self.point_at(pos)
                if pid is not None:
                    self.pointClicked.emit(pid)
                else:
                    code = self.region_at(pos)
                    if code is not None:
                        self.regionClicked.emit(code)
                    else:  # the sea: the region chosen goes (the walk: it stayed)
                        self.set_selected(None)
        super().mouseReleaseEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        if self._hover >= 0:
            self._hover = -1
            self.update()
        super().leaveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        step_x, step_y = self.width() * PAN_SHARE, self.height() * PAN_SHARE
        moves = {
            Qt.Key.Key_Left: (step_x, 0.0),
            Qt.Key.Key_Right: (-step_x, 0.0),
            Qt.Key.Key_Up: (0.0, step_y),
            Qt.Key.Key_Down: (0.0, -step_y),
        }
        # Ctrl with +, = or - sizes the text (``ui.actions``); one that reaches the map (the
        # text at its largest or smallest step) does not zoom it.
        text_size = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if key in moves:
            self.pan_by(*moves[Qt.Key(key)])
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal) and not text_size:
            self.zoom_by(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus and not text_size:
            self.zoom_by(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_Home:
            self.home()
        elif key == Qt.Key.Key_Escape and self._selected:
            self.set_selected(None)  # with none chosen, Esc is the window's (the wall leaves)
        else:
            super().keyPressEvent(event)
            return
        event.accept()
