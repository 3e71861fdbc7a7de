"""The map: region polygons filled by a layer's colours, names that never overlap, points.

Offline and vector only: the shapes come from the boundaries that ship with OpsCenter
(``opscenter.geo``), drawn in an equirectangular projection whose x is shrunk by the cosine
of the area's middle latitude, so that Jambi is not stretched sideways.

Fast at national scale (7,285 kecamatan, 290,000 vertices) by these habits:

* each region's ``QPainterPath`` is built once, from numpy arrays straight into a
  ``QPolygonF`` buffer, when the shapes are given; a pan or a zoom never rebuilds one;
* the scene (fills, outlines, points, names) is drawn into an image for the current view
  and a paint only blits it; while the view moves the image is shifted and scaled at once
  and the sharp scene is drawn again when the movement rests (``SETTLE_MS``); views that
  draw quickly (the scene under ``DIRECT_MS``) are drawn sharp at every frame;
* that sharp scene is drawn in slices of about ``SLICE_MS`` with the event loop running in
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
import math
import time
from collections.abc import Generator, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import pyqtgraph.functions as pgfn
import shapely
from PySide6.QtCore import (
    QEvent,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ui import theme
from ui.translations import translator

# After the last pan or zoom step, the sharp scene is drawn this much later.
SETTLE_MS = 120
# A scene drawn in less than this is drawn sharp at every frame, not shifted.
DIRECT_MS = 12.0
# The sharp scene after a rest is drawn in slices of about this much GUI-thread time, the
# event loop running between them (input, the shifted image): a national scene takes some
# 100 ms, three frames, and Python threads cannot take it off the GUI thread (QPainter keeps
# the GIL while it draws: a worker thread's one drawPoints of 200,000 points kept the GUI
# thread waiting its whole 420 ms).
SLICE_MS = 8.0
# Between two looks at the clock: this many regions, this many points.
REGION_CHUNK = 64
POINT_CHUNK = 1_000
# Level of detail: in a zoom band (scales from 2**b to 2**(b+1) pixels per unit) each ring is
# simplified (Douglas-Peucker) to LOD_PIXEL at the band's top scale, so no edge strays more
# than half a pixel on screen: neighbours simplified apart may leave a seam of that width,
# under their 0.8-pixel outlines. A ring that shrinks to a line is left out, but never a
# region's largest, so a region smaller than a pixel still shows its colour. Where a band
# keeps more than LOD_SHARE of a batch's vertices (zoomed in), the full paths are drawn.
LOD_PIXEL = 0.5
LOD_SHARE = 0.7
# One wheel notch, one + or - key.
ZOOM_STEP = 1.25
# Arrow keys move the view by this share of its size.
PAN_SHARE = 0.125
# The mouse moved less than this between press and release: a click, not a drag.
CLICK_SLOP = 4
# Names hang this far below their region's label point, which the incidents there keep.
LABEL_GAP = 6.0
# A name is shown once its region is at least this share of the name's width on screen.
LABEL_FIT = 0.6
# More points than this in view are drawn plainly (no smoothing, no ring).
CROWDED_POINTS = 2_000
# Marks (small pies) are drawn only when at most this many are in view: zoomed in enough for
# them to stand apart, and a whole country's 7,285 kecamatan cost nothing at the first frame.
MARKS_SHOWN = 80
MARK_RADIUS = 7.0
# A unit's square stands this far (pixels) above its place: the incidents there keep the
# place itself, and the region's name hangs below it.
UNIT_LIFT = 12.0
MAX_ZOOM = 2_000.0  # times the home scale: a desa at a wall's width, no further
# Points drawn faded (``show_points``: the older incidents of a replay) keep this alpha.
DIM_ALPHA = 130
# A region's alert (``set_alerts``): its outline this wide (pixels), over its neighbours';
# its dot this wide in radius, at its label point, as an incident's point is drawn.
ALERT_OUTLINE = 3.0
ALERT_DOT = 6.0


_tr = translator("MapView")


class Shape(Protocol):
    """What the map needs of a boundary (``opscenter.geo.Boundary`` is one)."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def parts(self) -> tuple[tuple[np.ndarray, ...], ...]: ...
    @property
    def label_point(self) -> tuple[float, float]: ...
    @property
    def bbox(self) -> tuple[float, float, float, float]: ...


@dataclass(frozen=True)
class MapPlace:
    """What the map draws at a place (a point, a mark, a unit): its id and where."""

    id: int
    lon: float
    lat: float

    def plane(self, k: float) -> tuple[float, float]:
        """Where it stands on the map's plane: longitude times ``k`` (``MapView._k``), and
        latitude downwards as the screen's y."""
        return self.lon * k, -self.lat


@dataclass(frozen=True)
class MapPoint(MapPlace):
    """One point on the map (an incident): where, its colour and its radius in pixels."""

    colour: QColor
    radius: float = 4.0
    text: str = ""  # the tooltip


@dataclass(frozen=True)
class MapMark(MapPlace):
    """A small pie at a place (a kecamatan's TPS by category): slices clockwise from noon,
    in the order given, each as large as its count's share."""

    shares: tuple[tuple[QColor, int], ...]
    text: str = ""  # the tooltip


@dataclass(frozen=True)
class MapUnit(MapPlace):
    """A unit's headquarters: a small square (never a circle: those are incidents) in its
    status colour, ``side`` pixels wide. ``always`` False: drawn only once zoomed in enough
    (a Polsek, as the TPS pies: at most ``MARKS_SHOWN`` of them in view)."""

    colour: QColor
    side: float = 10.0
    text: str = ""  # the tooltip
    always: bool = True


@dataclass(frozen=True)
class MapFlow:
    """An arrow from one unit's square to another's (BKO: lender to receiver), ``width``
    pixels wide."""

    source: int  # unit ids
    target: int
    width: float
    text: str = ""  # the tooltip


@dataclass(frozen=True)
class Colours:
    water: QColor  # behind the land
    land: QColor  # a region without a fill
    outline: QColor
    text: QColor
    halo: QColor  # around names, so they read on any fill
    hover: QColor


DAY = Colours(
    QColor("#dce6ee"),
    QColor("#f1f3f5"),
    QColor(90, 100, 112, 150),
    theme.INK,
    QColor(255, 255, 255, 200),
    theme.NAVY,
)
NIGHT = Colours(
    QColor("#0b1016"),
    QColor("#243040"),
    QColor(232, 237, 243, 120),  # light outlines on the dark room's screen
    theme.NIGHT_TEXT,
    QColor(16, 21, 27, 210),
    theme.GOLD,
)


def colours() -> Colours:
    return NIGHT if theme.night_is_on() else DAY


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


def _polygon(xy: np.ndarray) -> QPolygonF:
    """An (n, 2) array as a QPolygonF, copied into its buffer without a Python loop."""
    polygon: QPolygonF = pgfn.create_qpolygonf(len(xy))
    pgfn.ndarray_from_qpolygonf(polygon)[:] = xy
    return polygon


def _ranges(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """The integers of every range [start, end) one after another, without a Python loop."""
    lengths = ends - starts
    shift = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
    out: np.ndarray = np.arange(int(lengths.sum()), dtype=np.int64) + shift
    return out


@dataclass
class _View:
    """Where the map looks: the world point at the widget's centre and pixels per unit."""

    cx: float = 0.0
    cy: float = 0.0
    scale: float = 1.0

    def transform(self, size: QSize) -> QTransform:
        s = self.scale
        return QTransform(
            s, 0, 0, s, size.width() / 2 - self.cx * s, size.height() / 2 - self.cy * s
        )


@dataclass
class _Detail:
    """One zoom band's level of detail: its tolerance (world units) and the regions' paths
    simplified to it, by region, built as the regions are first drawn in the band."""

    tolerance: float
    paths: dict[int, QPainterPath]


@dataclass
class _Job:
    """A sharp scene being drawn: for which view, its steps left, the time spent on it (ms)."""

    view: _View
    steps: Generator[None, None, tuple[QImage, bool]]
    ms: float = 0.0


class MapView(QWidget):
    """Region polygons, their names and points, with pan, zoom, hover and click."""

    regionClicked = Signal(str)
    pointClicked = Signal(int)
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
        self._codes: list[str] = []
        self._names: list[str] = []
        self._index: dict[str, int] = {}
        self._paths: list[QPainterPath] = []
        # Every ring's world vertices in one array, for the zoom bands' level of detail: each
        # ring's first vertex and each region's first ring (and one past the last), each
        # region's largest ring.
        self._ring_xy = np.zeros((0, 2))
        self._ring_start = np.zeros(1, dtype=np.int64)
        self._region_rings = np.zeros(1, dtype=np.int64)
        self._main_ring = np.zeros(0, dtype=np.int64)
        self._lod: dict[int, _Detail] = {}  # by zoom band
        self._detailed = True  # level of detail on (``set_level_of_detail``)
        self._boxes = np.zeros((0, 4))  # world x0, y0, x1, y1 per region
        self._anchors = np.zeros((0, 2))  # world label points
        self._priority = np.zeros(0)  # names placed largest first
        self._room = np.zeros(0)  # width of each region's largest part
        self._fills: dict[str, QColor] = {}
        self._figures: dict[str, str] = {}
        # Regions marked by an alert (``set_alerts``): outlined, and a dot at the label point.
        self._outlined: dict[str, QColor] = {}
        self._dotted: dict[str, QColor] = {}
        self._home = QRectF()
        self._view = _View()
        self._homed = False
        # Points: world positions and radii as arrays, drawn grouped by colour.
        self._points: dict[int, MapPoint] = {}
        self._pids = np.zeros(0, dtype=np.int64)
        self._pxy = np.zeros((0, 2))
        self._pradius = np.zeros(0)
        self._prgba = np.zeros(0, dtype=np.int64)
        self._pgroups: list[tuple[QColor, float, np.ndarray]] = []
        # ``show_points``: the ids drawn and the ids of them faded (None: every point as is);
        # the groups of every point, and the masks of those drawn (hover, click) and faded.
        self._only: tuple[np.ndarray, np.ndarray] | None = None
        self._pgroups_all: list[tuple[QColor, float, np.ndarray]] = []
        self._pshown: tuple[np.ndarray, np.ndarray] | None = None
        self._labels: list[tuple[str, QRectF]] = []
        self._names_shown = True
        # Marks: world positions; the indices drawn in the last sharp scene (hover).
        self._marks: list[MapMark] = []
        self._mxy = np.zeros((0, 2))
        self._marks_drawn = np.zeros(0, dtype=np.int64)
        # Units and the arrows between them (a few hundred: plain lists); those drawn last.
        self._units: dict[int, MapUnit] = {}
        self._flows: list[MapFlow] = []
        # By id: the hover reads the unit as given last (a new status), not as drawn.
        self._units_drawn: list[tuple[int, QPointF]] = []
        self._flows_drawn: list[tuple[MapFlow, QPointF, QPointF]] = []
        # The drawn scene and the view it was drawn for.
        self._image: QImage | None = None
        self._image_view: _View | None = None
        # The scene without its points, kept while only the points change (a live incident).
        self._base: QImage | None = None
        self._base_view: _View | None = None
        self._render_ms = 0.0
        # The sharp scene being drawn in slices after a rest (``refine``), and the timer that
        # runs its next slice once the event loop had its turn.
        self._job: _Job | None = None
        self._slice = QTimer(self)
        self._slice.setSingleShot(True)
        self._slice.setInterval(0)
        self._slice.timeout.connect(self._next_slice)
        self._fresh = False  # a sharp scene arrived since the last paint (``rendered``)
        self._hover = -1
        self._press: QPointF | None = None
        self._press_view: _View | None = None
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
    ) -> None:
        """The regions to draw (paths built here, once); *home* (min lon, min lat, max lon,
        max lat) is the area Home fits, by default all the regions. *keep_view*: the view
        stays where the user moved it (other regions of the same area: the kecamatan of
        the kabupaten/kota shown), else it goes home."""
        kept = self._view if keep_view and not self._homed else None
        shapes = list(shapes)
        boxes = np.array([s.bbox for s in shapes], dtype=np.float64).reshape(-1, 4)
        area = (
            tuple(home)
            if home is not None
            else (
                (boxes[:, 0].min(), boxes[:, 1].min(), boxes[:, 2].max(), boxes[:, 3].max())
                if len(shapes)
                else (95.0, -11.0, 141.0, 6.0)
            )
        )
        self._k = k = math.cos(math.radians((area[1] + area[3]) / 2))
        self._codes = [s.code for s in shapes]
        self._names = [s.name for s in shapes]
        self._index = {c: i for i, c in enumerate(self._codes)}
        self._paths = []
        # Per region: its area (names are placed largest first; the smallest region under
        # the mouse wins) and the width of its largest part (the room a name has: a
        # kecamatan of scattered islands has a wide box but little land).
        areas = np.zeros(len(shapes))
        widths = np.zeros(len(shapes))
        rings: list[np.ndarray] = []
        region_rings = [0]
        main_ring = np.zeros(len(shapes), dtype=np.int64)
        for n, shape in enumerate(shapes):
            path = QPainterPath()
            path.setFillRule(Qt.FillRule.OddEvenFill)  # holes (an enclave) stay open
            largest = 0.0
            main_ring[n] = len(rings)
            for polygon in shape.parts:
                for r, ring in enumerate(polygon):
                    xy = np.empty((len(ring), 2))
                    xy[:, 0] = ring[:, 0] * k
                    xy[:, 1] = -ring[:, 1]
                    path.addPolygon(_polygon(xy))
                    x, y = xy[:, 0], xy[:, 1]
                    a = 0.5 * abs(float(x[:-1] @ y[1:] - x[1:] @ y[:-1]))
                    if r == 0:
                        areas[n] += a
                        if a > largest:
                            largest, widths[n] = a, float(x.max() - x.min())
                            main_ring[n] = len(rings)
                    else:
                        areas[n] -= a
                    rings.append(xy)
            region_rings.append(len(rings))
            self._paths.append(path)
        self._ring_xy = np.concatenate(rings) if rings else np.zeros((0, 2))
        self._ring_start = np.concatenate(([0], np.cumsum([len(r) for r in rings]))).astype(
            np.int64
        )
        self._region_rings = np.array(region_rings, dtype=np.int64)
        self._main_ring = main_ring
        self._lod = {}
        # World boxes: y runs down, so a box's top is minus its northern edge.
        self._boxes = (
            np.column_stack((boxes[:, 0] * k, -boxes[:, 3], boxes[:, 2] * k, -boxes[:, 1]))
            if len(shapes)
            else np.zeros((0, 4))
        )
        self._anchors = np.array(
            [(s.label_point[0] * k, -s.label_point[1]) for s in shapes], dtype=np.float64
        ).reshape(-1, 2)
        self._priority = areas
        self._room = widths
        self._home = self._world_rect(area)
        self._hover = -1
        self._homed = False
        if self._points:  # their world positions follow the new projection
            self.set_points(list(self._points.values()))
        if self._marks:
            self.set_marks(self._marks)
        self.home()
        if kept is not None:
            self._set_view(kept)
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
        that colour over the fills, *dotted* with a dot of that colour at the label point."""
        self._outlined, self._dotted = dict(outlined or {}), dict(dotted or {})
        self._invalidate()

    def alerts(self) -> tuple[dict[str, QColor], dict[str, QColor]]:
        """The regions outlined and dotted (``set_alerts``)."""
        return dict(self._outlined), dict(self._dotted)

    def set_figures(self, figures: Mapping[str, str]) -> None:
        """The lines shown under a region's name when the mouse rests on it."""
        self._figures = dict(figures)

    def set_points(self, points: Sequence[MapPoint]) -> None:
        """All the points (incidents) at once."""
        self._points = {}
        self._pids = np.zeros(0, dtype=np.int64)
        self._pxy = np.zeros((0, 2))
        self._pradius = np.zeros(0)
        self._prgba = np.zeros(0, dtype=np.int64)
        self.update_points(points)

    def update_points(self, changed: Sequence[MapPoint], removed: Iterable[int] = ()) -> None:
        """Points added or changed (by id) and ids removed; the others stay as they are, so a
        live incident costs array work, not a pass over every point in Python."""
        gone = set(removed) | {p.id for p in changed}
        keep = ~np.isin(self._pids, np.fromiter(gone, dtype=np.int64, count=len(gone)))
        for pid in gone:
            self._points.pop(pid, None)
        n = len(changed)
        self._points.update((p.id, p) for p in changed)
        k = self._k
        self._pids = np.concatenate((self._pids[keep], [p.id for p in changed])).astype(np.int64)
        self._pxy = np.concatenate(
            (self._pxy[keep], np.array([p.plane(k) for p in changed]).reshape(n, 2))
        )
        self._pradius = np.concatenate((self._pradius[keep], [p.radius for p in changed]))
        self._prgba = np.concatenate(
            (self._prgba[keep], [p.colour.rgba() for p in changed])
        ).astype(np.int64)
        # Drawn as one call per colour and size (round-capped pen points), largest first so
        # that a small point beside a large one stays visible.
        keys = np.column_stack((self._prgba, self._pradius))
        groups, inverse = np.unique(keys, axis=0, return_inverse=True)
        inverse = inverse.reshape(-1)
        order = np.argsort(inverse, kind="stable")
        bounds = np.searchsorted(inverse[order], np.arange(len(groups) + 1))
        self._pgroups = sorted(
            (
                (QColor.fromRgba(int(rgba)), float(radius), order[bounds[g] : bounds[g + 1]])
                for g, (rgba, radius) in enumerate(groups)
            ),
            key=lambda group: -group[1],
        )
        self._pgroups_all = self._pgroups
        self._apply_shown()  # a point changed stays hidden or faded as ``show_points`` said
        self._drop_job()
        self._image = None  # the base stays: only the points are drawn again
        self.update()

    def show_points(self, shown: np.ndarray | None, dimmed: np.ndarray | None = None) -> None:
        """Of the points held, draw only the ids in ``shown`` (None: every one as it is), and
        those of them in ``dimmed`` faded. A step of the incidents' time slider: array work
        on the points held, none handed again. It lasts until the next call: a point added
        later (``update_points``) is drawn only if its id is in ``shown``."""
        empty = np.zeros(0, dtype=np.int64)
        self._only = None if shown is None else (shown, empty if dimmed is None else dimmed)
        self._apply_shown()
        self._image = None
        self.update()

    def _apply_shown(self) -> None:
        if self._only is None:
            self._pgroups, self._pshown = self._pgroups_all, None
            return
        shown = np.isin(self._pids, self._only[0])
        dimmed = shown & np.isin(self._pids, self._only[1])
        full = shown & ~dimmed
        groups = []
        for colour, radius, ix in self._pgroups_all:
            faint = ix[dimmed[ix]]
            if len(faint):
                groups.append(
                    (QColor(colour.red(), colour.green(), colour.blue(), DIM_ALPHA), radius, faint)
                )
            ix = ix[full[ix]]
            if len(ix):
                groups.append((colour, radius, ix))
        # Largest first as ever (a stable sort: of one size the faded under the others).
        self._pgroups = sorted(groups, key=lambda group: -group[1])
        self._pshown = shown, dimmed

    def shown_point_ids(self) -> set[int]:
        """The ids of the points drawn (``show_points``)."""
        if self._pshown is None:
            return set(self._points)
        return {int(pid) for pid in self._pids[self._pshown[0]]}

    def dimmed_point_ids(self) -> set[int]:
        """The ids of the points drawn faded."""
        if self._pshown is None:
            return set()
        return {int(pid) for pid in self._pids[self._pshown[1]]}

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
        if not len(self._marks_drawn):
            return None
        v = self._view
        xy = self._mxy[self._marks_drawn]
        sx = (xy[:, 0] - v.cx) * v.scale + self.width() / 2
        sy = (xy[:, 1] - v.cy) * v.scale + self.height() / 2
        d2 = (sx - at.x()) ** 2 + (sy - at.y()) ** 2
        nearest = int(np.argmin(d2))
        if d2[nearest] > (MARK_RADIUS + 1) ** 2:
            return None
        return self._marks[int(self._marks_drawn[nearest])]

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
        for unit, centre in reversed(self.units_drawn()):
            half = unit.side / 2 + 1
            if abs(centre.x() - at.x()) <= half and abs(centre.y() - at.y()) <= half:
                return unit
        return None

    def flow_at(self, at: QPointF) -> MapFlow | None:
        """The drawn arrow under *at* (widget pixels), if any."""
        for flow, a, b in reversed(self._flows_drawn):
            dx, dy = b.x() - a.x(), b.y() - a.y()
            length2 = dx * dx + dy * dy
            if length2 <= 0:
                continue
            t = min(1.0, max(0.0, ((at.x() - a.x()) * dx + (at.y() - a.y()) * dy) / length2))
            ex, ey = a.x() + t * dx - at.x(), a.y() + t * dy - at.y()
            if ex * ex + ey * ey <= (flow.width / 2 + 3) ** 2:
                return flow
        return None

    def point(self, pid: int) -> MapPoint | None:
        return self._points.get(pid)

    def point_ids(self) -> set[int]:
        return set(self._points)

    def set_level_of_detail(self, on: bool) -> None:
        """Simplified paths at low zoom (the default) or every vertex at every zoom (the
        bench's and the tests' reference)."""
        self._detailed = on
        self._lod = {}
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
        self._set_view(_View(centre.x(), centre.y(), self.home_scale()))
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
        v = self._view
        self._set_view(_View(v.cx - dx / v.scale, v.cy - dy / v.scale, v.scale))

    def zoom_by(self, factor: float, at: QPointF | None = None) -> None:
        """Zoom by *factor*, keeping the world point under *at* (widget pixels) in place."""
        v = self._view
        at = at if at is not None else QPointF(self.width() / 2, self.height() / 2)
        limit = self.home_scale()
        scale = min(max(v.scale * factor, limit / 4), limit * MAX_ZOOM)
        wx, wy = self._world_at(at)
        cx = wx - (at.x() - self.width() / 2) / scale
        cy = wy - (at.y() - self.height() / 2) / scale
        self._set_view(_View(cx, cy, scale))

    def _set_view(self, view: _View) -> None:
        self._view = view
        self._homed = False
        self._drop_job()
        if self._image is not None and self._render_ms > DIRECT_MS:
            self._settle.start()  # shift the old image now, draw sharp when the view rests
        else:
            self._image = None
        self.update()

    def project(self, lon: float, lat: float) -> QPointF:
        """Widget pixels of a (lon, lat) in the current view."""
        return self._view.transform(self.size()).map(QPointF(lon * self._k, -lat))

    def unproject(self, at: QPointF) -> tuple[float, float]:
        """The (lon, lat) under a widget pixel (picking an incident's place)."""
        wx, wy = self._world_at(at)
        return (wx / self._k, -wy)

    def _world_at(self, at: QPointF) -> tuple[float, float]:
        v = self._view
        return (
            v.cx + (at.x() - self.width() / 2) / v.scale,
            v.cy + (at.y() - self.height() / 2) / v.scale,
        )

    # ---- hits ---------------------------------------------------------------------------

    def region_at(self, at: QPointF) -> str | None:
        i = self._region_index(at)
        return self._codes[i] if i >= 0 else None

    def _region_index(self, at: QPointF) -> int:
        if not self._paths:
            return -1
        wx, wy = self._world_at(at)
        b = self._boxes
        near = np.flatnonzero((b[:, 0] <= wx) & (wx <= b[:, 2]) & (b[:, 1] <= wy) & (wy <= b[:, 3]))
        # The smallest first: an enclave (Sungai Penuh in Kerinci) wins over its surroundings
        # where the source gives the outer shape no hole.
        point = QPointF(wx, wy)
        for i in near[np.argsort(self._priority[near])]:
            if self._paths[i].contains(point):
                return int(i)
        return -1

    def point_at(self, at: QPointF) -> int | None:
        """The id of the topmost point under *at* (widget pixels), if any."""
        if not len(self._pxy):
            return None
        v = self._view
        sx = (self._pxy[:, 0] - v.cx) * v.scale + self.width() / 2
        sy = (self._pxy[:, 1] - v.cy) * v.scale + self.height() / 2
        d2 = (sx - at.x()) ** 2 + (sy - at.y()) ** 2
        hit = np.flatnonzero(d2 <= (self._pradius + 2) ** 2)
        if self._pshown is not None:
            hit = hit[self._pshown[0][hit]]  # a point hidden by ``show_points`` is not there
        if not len(hit):
            return None
        return int(self._pids[hit[np.argmin(d2[hit])]])

    def tooltip_at(self, at: QPointF) -> str:
        pid = self.point_at(at)
        if pid is not None:
            point = self._points[pid]
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
        figures = self._figures.get(self._codes[i], "")
        return f"{self._names[i]}\n{figures}" if figures else self._names[i]

    def last_render_ms(self) -> float:
        """How long the last sharp scene took to draw (the bench; the shift-or-draw choice)."""
        return self._render_ms

    def placed_labels(self) -> list[tuple[str, QRectF]]:
        """The names drawn in the last sharp scene, with their rectangles (widget pixels)."""
        return list(self._labels)

    # ---- drawing ------------------------------------------------------------------------

    def _invalidate(self) -> None:
        self._drop_job()
        self._image = None
        self._base = None
        self.update()

    def _restyle(self, _night: bool = False) -> None:
        self._invalidate()

    def sharpen(self) -> None:
        """Draw the sharp scene for the current view at the next paint, not after the rest."""
        self._settle.stop()
        self._drop_job()
        self._image = None
        self.update()

    def refine(self) -> None:
        """Draw the whole sharp scene for the current view in slices of ``SLICE_MS`` (the
        view rested), simplifying what this zoom band has not simplified yet: the image shown
        stays, shifted, and the input is served until it is done."""
        self._settle.stop()
        self._drop_job()
        self._base = None
        view = self._view
        self._job = _Job(_View(view.cx, view.cy, view.scale), self._scene(view, build=True))
        self._slice.start()

    def _next_slice(self) -> None:
        job = self._job
        if job is None:
            return
        image = self._advance(job, SLICE_MS / 1000)
        if image is None:
            self._slice.start()
            return
        self._job = None
        self._image, self._image_view = image, job.view
        self._fresh = True
        self.update()

    def _advance(self, job: _Job, budget: float | None) -> QImage | None:
        """Draw *job*'s steps for about *budget* seconds (None: to the end); its image once
        it is done."""
        started = time.perf_counter()
        try:
            while True:
                next(job.steps)
                if budget is not None and time.perf_counter() - started >= budget:
                    job.ms += (time.perf_counter() - started) * 1000
                    return None
        except StopIteration as done:
            job.ms += (time.perf_counter() - started) * 1000
            result: tuple[QImage, bool] = done.value
            image, whole = result
            if whole:  # what a moved view costs: it decides between shifting and drawing
                self._render_ms = job.ms
            return image

    def _drop_job(self) -> None:
        """Forget a scene being drawn in slices: what it drew no longer holds."""
        if self._job is not None:
            self._job.steps.close()
            self._job = None
            self._slice.stop()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._invalidate()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        if self._homed or self._image is None:
            self.home()
        self._drop_job()
        self._image = None
        self._base = None
        super().resizeEvent(event)

    def render_scene(self, painter: QPainter, size: QSize, view: _View | None = None) -> None:
        """Draw the whole scene for *view* (by default the current one) with *painter*."""
        view = view or self._view
        for _ in self._render_base(painter, size, view):
            pass
        for _ in self._draw_points(painter, size, view):
            pass

    def _render_base(
        self, painter: QPainter, size: QSize, view: _View, *, build: bool = False
    ) -> Generator[None, None, None]:
        """Water, regions and names: everything but the points; it yields where the drawing
        may pause for the event loop (``refine``), with the painter's state as it left it.
        *build*: simplify the regions not simplified yet in this zoom band (drawing in slices,
        where that costs no frame); else they are drawn in full (the first frame stays as
        quick as before)."""
        c = colours()
        painter.fillRect(QRectF(0, 0, size.width(), size.height()), c.water)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        world = view.transform(size)
        painter.setTransform(world)
        x0 = view.cx - size.width() / 2 / view.scale
        x1 = view.cx + size.width() / 2 / view.scale
        y0 = view.cy - size.height() / 2 / view.scale
        y1 = view.cy + size.height() / 2 / view.scale
        b = self._boxes
        visible = np.flatnonzero(
            (b[:, 2] >= x0) & (b[:, 0] <= x1) & (b[:, 3] >= y0) & (b[:, 1] <= y1)
        )
        pen = QPen(c.outline)
        pen.setCosmetic(True)
        pen.setWidthF(0.8)
        painter.setPen(pen)
        land = c.land
        fills = self._fills
        codes = self._codes
        band = math.floor(math.log2(view.scale))
        detail = self._lod.setdefault(band, _Detail(LOD_PIXEL / 2 ** (band + 1), {}))
        for start in range(0, len(visible), REGION_CHUNK):
            chunk = visible[start : start + REGION_CHUNK]
            for i, path in zip(chunk, self._simplified(detail, chunk, build), strict=True):
                painter.setBrush(fills.get(codes[i], land))
                painter.drawPath(path)
            yield
        if self._outlined or self._dotted:
            self._draw_alerts(painter, size, view, visible)
        painter.resetTransform()
        # Names under the points: an incident is never hidden by a name.
        self._labels = self._draw_labels(painter, size, view, visible) if self._names_shown else []
        yield
        self._marks_drawn = self._draw_marks(painter, size, view)
        self._draw_units(painter, size, view)

    def _draw_alerts(
        self, painter: QPainter, size: QSize, view: _View, visible: np.ndarray
    ) -> None:
        """The outlines of the regions in view that ``set_alerts`` names (in the world's
        transform, full paths), then their dots (in pixels, with the halo of names)."""
        codes = self._codes
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for i in visible:
            colour = self._outlined.get(codes[i])
            if colour is not None:
                pen = QPen(colour)
                pen.setCosmetic(True)
                pen.setWidthF(ALERT_OUTLINE)
                painter.setPen(pen)
                painter.drawPath(self._paths[i])
        painter.resetTransform()
        halo = QPen(colours().halo, 1.5)
        r = ALERT_DOT
        for i in visible:
            colour = self._dotted.get(codes[i])
            if colour is None:
                continue
            ax = (self._anchors[i, 0] - view.cx) * view.scale + size.width() / 2
            ay = (self._anchors[i, 1] - view.cy) * view.scale + size.height() / 2
            painter.setPen(halo)
            painter.setBrush(colour)
            painter.drawEllipse(QPointF(ax, ay), r, r)

    def _simplified(self, detail: _Detail, regions: np.ndarray, build: bool) -> list[QPainterPath]:
        """The paths of *regions* in *detail*'s band; those not built yet are simplified in
        one batch (shapely, every ring at once) if *build*, else drawn in full."""
        if not self._detailed:
            return [self._paths[int(i)] for i in regions]
        paths = detail.paths
        missing = [int(i) for i in regions if int(i) not in paths]
        if missing and not build:
            return [paths.get(int(i), self._paths[int(i)]) for i in regions]
        if missing:
            first, last = self._region_rings[missing], self._region_rings[np.add(missing, 1)]
            rings = _ranges(first, last)  # a region's rings follow one another, and so
            starts, ends = self._ring_start[rings], self._ring_start[rings + 1]
            vertices = _ranges(self._ring_start[first], self._ring_start[last])  # their vertices
            simple = shapely.simplify(
                shapely.linearrings(
                    self._ring_xy[vertices], indices=np.repeat(np.arange(len(rings)), ends - starts)
                ),
                detail.tolerance,
                preserve_topology=False,
            )
            xy, owner = shapely.get_coordinates(simple, return_index=True)
            counts = np.bincount(owner, minlength=len(rings))
            if len(xy) > LOD_SHARE * len(vertices):  # zoomed in: little to gain
                paths.update((i, self._paths[i]) for i in missing)
            else:
                offsets = np.concatenate(([0], np.cumsum(counts))).tolist()
                kept = (counts >= 4).tolist()  # plain Python values: this loop is hot
                mains = set(self._main_ring[missing].tolist())
                r = 0
                for i, a, b in zip(missing, first.tolist(), last.tolist(), strict=True):
                    path = QPainterPath()
                    path.setFillRule(Qt.FillRule.OddEvenFill)
                    for ring in range(a, b):
                        if kept[r]:
                            path.addPolygon(_polygon(xy[offsets[r] : offsets[r + 1]]))
                        elif ring in mains:  # shrank to a line: the region keeps its shape
                            s0, s1 = self._ring_start[ring], self._ring_start[ring + 1]
                            path.addPolygon(_polygon(self._ring_xy[s0:s1]))
                        r += 1
                    paths[i] = path
        return [paths[int(i)] for i in regions]

    def _draw_marks(self, painter: QPainter, size: QSize, view: _View) -> np.ndarray:
        """The marks in view as small pies, only when few enough are in view to be told
        apart (zoomed in); returns the indices drawn."""
        none = np.zeros(0, dtype=np.int64)
        if not len(self._mxy):
            return none
        sx = (self._mxy[:, 0] - view.cx) * view.scale + size.width() / 2
        sy = (self._mxy[:, 1] - view.cy) * view.scale + size.height() / 2
        r = MARK_RADIUS
        inside = np.flatnonzero(
            (sx + r >= 0) & (sx - r <= size.width()) & (sy + r >= 0) & (sy - r <= size.height())
        )
        if not len(inside) or len(inside) > MARKS_SHOWN:
            return none
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        halo = QPen(colours().halo, 1.5)
        for i in inside:
            mark = self._marks[i]
            total = sum(n for _c, n in mark.shares)
            if total <= 0:
                continue
            rect = QRectF(sx[i] - r, sy[i] - r, 2 * r, 2 * r)
            painter.setPen(Qt.PenStyle.NoPen)
            start = 90 * 16  # noon, in sixteenths of a degree
            for colour, n in mark.shares:
                span = -round(360 * 16 * n / total)  # clockwise
                painter.setBrush(colour)
                painter.drawPie(rect, start, span)
                start += span
            painter.setPen(halo)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(rect)
        return inside

    def _draw_units(self, painter: QPainter, size: QSize, view: _View) -> None:
        """The arrows, then the units' squares over them; the units not ``always`` drawn
        only when few enough of them are in view (zoomed in), as the marks."""
        self._units_drawn, self._flows_drawn = [], []
        if not self._units:
            return
        k = self._k
        bounds = QRectF(0, 0, size.width(), size.height())
        centres = {
            u.id: QPointF(
                (u.lon * k - view.cx) * view.scale + size.width() / 2,
                (-u.lat - view.cy) * view.scale + size.height() / 2 - UNIT_LIFT,
            )
            for u in self._units.values()
        }
        inside = [
            u
            for u in self._units.values()
            if bounds.adjusted(-u.side, -u.side, u.side, u.side).contains(centres[u.id])
        ]
        few = sum(1 for u in inside if not u.always) <= MARKS_SHOWN
        shown = [u for u in inside if u.always or few]
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        c = colours()
        arrow = QColor(c.hover)
        arrow.setAlpha(210)
        for flow in self._flows:
            a, b = centres[flow.source], centres[flow.target]
            dx, dy = b.x() - a.x(), b.y() - a.y()
            length = math.hypot(dx, dy)
            # Stops at the receiver's square; its head as long as three times its width.
            stop = self._units[flow.target].side / 2 + 2
            head = max(8.0, 2.5 * flow.width)
            if length <= stop + head:
                continue
            ux, uy = dx / length, dy / length
            tip = QPointF(b.x() - ux * stop, b.y() - uy * stop)
            base = QPointF(tip.x() - ux * head, tip.y() - uy * head)
            pen = QPen(arrow, flow.width)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            painter.drawLine(a, base)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(arrow)
            wing = max(5.0, 1.6 * flow.width)
            painter.drawPolygon(
                QPolygonF(
                    [
                        tip,
                        QPointF(base.x() - uy * wing, base.y() + ux * wing),
                        QPointF(base.x() + uy * wing, base.y() - ux * wing),
                    ]
                )
            )
            self._flows_drawn.append((flow, a, tip))
        ring = QPen(c.text, 1.2)
        for unit in sorted(shown, key=lambda u: u.side):  # the commands on top
            centre = centres[unit.id]
            half = unit.side / 2
            painter.setPen(ring)
            painter.setBrush(unit.colour)
            painter.drawRoundedRect(
                QRectF(centre.x() - half, centre.y() - half, unit.side, unit.side), 2, 2
            )
            self._units_drawn.append((unit.id, centre))

    def _draw_points(
        self, painter: QPainter, size: QSize, view: _View
    ) -> Generator[None, None, None]:
        """The points in view, grouped by colour and size; it yields between chunks (see
        ``_render_base``)."""
        if not len(self._pxy):
            return
        sx = (self._pxy[:, 0] - view.cx) * view.scale + size.width() / 2
        sy = (self._pxy[:, 1] - view.cy) * view.scale + size.height() / 2
        r = self._pradius
        inside = (
            (sx + r >= 0) & (sx - r <= size.width()) & (sy + r >= 0) & (sy - r <= size.height())
        )
        xy = np.column_stack((sx, sy))
        # Ringed in the text's colour (dark by day, light at night), not the names' halo: a
        # "berat" point on a "tinggi" region is red on red, and a white ring left it a
        # hollow circle whose severity could not be read (seen in the real window).
        ring = colours().text
        # Thousands of points in view (the whole country): smooth edges and rings cost a
        # frame several times over (measured 360 ms for 20,000) and are not seen at that size.
        crowded = int(inside.sum()) > CROWDED_POINTS
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, not crowded)
        for colour, radius, ix in self._pgroups:
            shown = ix[inside[ix]]
            for start in range(0, len(shown), POINT_CHUNK):
                polygon = _polygon(xy[shown[start : start + POINT_CHUNK]])
                pens = (
                    [(colour, 2 * radius)]
                    if crowded or colour.alpha() < 255  # faded (``show_points``): no ring
                    else [(ring, 2 * radius + 2), (colour, 2 * radius)]
                )
                for pen_colour, width in pens:
                    pen = QPen(pen_colour, width)
                    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                    painter.setPen(pen)
                    painter.drawPoints(polygon)
                yield

    def _draw_labels(
        self, painter: QPainter, size: QSize, view: _View, visible: np.ndarray
    ) -> list[tuple[str, QRectF]]:
        """Names greedily, largest region first; one that would touch a placed one is
        dropped; a region too small on screen for its name gets none (names appear as the
        map zooms in)."""
        if not len(visible):
            return []
        font = QFont(self.font())
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        height = metrics.height()
        widths_on_screen = self._room[visible] * view.scale
        # Cheap cut before measuring text: a name needs at least a few characters' room.
        room = visible[widths_on_screen >= LABEL_FIT * 4 * metrics.averageCharWidth()]
        order = room[np.argsort(-self._priority[room])]
        cell = 64.0
        grid: dict[tuple[int, int], list[QRectF]] = {}
        placed: list[tuple[str, QRectF]] = []
        bounds = QRectF(0, 0, size.width(), size.height())
        c = colours()
        for i in order:
            name = self._names[i]
            w = metrics.horizontalAdvance(name) + 4
            if self._room[i] * view.scale < LABEL_FIT * w:
                continue
            ax = (self._anchors[i, 0] - view.cx) * view.scale + size.width() / 2
            ay = (self._anchors[i, 1] - view.cy) * view.scale + size.height() / 2
            rect = QRectF(ax - w / 2, ay + LABEL_GAP, w, height)
            if not bounds.contains(rect):
                continue
            keys = [
                (gx, gy)
                for gx in range(int(rect.left() // cell), int(rect.right() // cell) + 1)
                for gy in range(int(rect.top() // cell), int(rect.bottom() // cell) + 1)
            ]
            if any(rect.intersects(other) for key in keys for other in grid.get(key, ())):
                continue
            for key in keys:
                grid.setdefault(key, []).append(rect)
            placed.append((self._codes[i], rect))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(c.halo)
        for _code, rect in placed:
            painter.drawRoundedRect(rect, 3, 3)
        painter.setPen(c.text)
        for code, rect in placed:
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._names[self._index[code]])
        return placed

    def _scene(
        self, view: _View, *, build: bool = False
    ) -> Generator[None, None, tuple[QImage, bool]]:
        """The sharp scene for *view* in steps (see ``_render_base``, and for *build*): the
        base (regions, names) drawn again only when the view or the regions' look changed,
        the points over a copy of it. Returns the image and whether the base was drawn
        again."""
        ratio = self.devicePixelRatioF()
        size = self.size()
        base = self._base
        whole = base is None or self._base_view != view
        if base is None or whole:
            base = QImage(
                max(1, round(size.width() * ratio)),
                max(1, round(size.height() * ratio)),
                QImage.Format.Format_ARGB32_Premultiplied,
            )
            base.setDevicePixelRatio(ratio)
            painter = QPainter(base)
            try:  # a scene dropped halfway (``_drop_job``) ends its painter too
                yield from self._render_base(painter, size, view, build=build)
            finally:
                painter.end()
            self._base, self._base_view = base, _View(view.cx, view.cy, view.scale)
            yield
        image = base.copy()
        image.setDevicePixelRatio(ratio)
        painter = QPainter(image)
        try:
            yield from self._draw_points(painter, size, view)
        finally:
            painter.end()
        return image, whole

    def _scene_image(self) -> QImage:
        """The sharp scene for the current view, drawn at once."""
        view = self._view
        image = self._advance(_Job(view, self._scene(view)), None)
        assert image is not None
        return image

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        view = self._view
        fresh, self._fresh = self._fresh, False
        if self._image is None or (
            self._image_view != view and not self._settle.isActive() and self._job is None
        ):
            self._drop_job()
            self._image = self._scene_image()
            self._image_view = _View(view.cx, view.cy, view.scale)
            fresh = True
        shown = self._image_view
        assert shown is not None
        if shown == view:
            painter.drawImage(QPointF(0, 0), self._image)
        else:
            # The view moved since the image was drawn: shift and scale it until it rests.
            painter.fillRect(self.rect(), colours().water)
            f = view.scale / shown.scale
            w, h = self.width() / 2, self.height() / 2
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
            painter.setTransform(
                QTransform(
                    f,
                    0,
                    0,
                    f,
                    w - f * w + (shown.cx - view.cx) * view.scale,
                    h - f * h + (shown.cy - view.cy) * view.scale,
                )
            )
            painter.drawImage(QPointF(0, 0), self._image)
            painter.resetTransform()
        if 0 <= self._hover < len(self._paths):
            pen = QPen(colours().hover)
            pen.setCosmetic(True)
            pen.setWidthF(2.5)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setTransform(view.transform(self.size()))
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self._paths[self._hover])
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
                v = self._press_view
                self._set_view(
                    _View(v.cx - delta.x() / v.scale, v.cy - delta.y() / v.scale, v.scale)
                )
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
        if key in moves:
            self.pan_by(*moves[Qt.Key(key)])
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_Home:
            self.home()
        else:
            super().keyPressEvent(event)
            return
        event.accept()


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
        ``kinds``: "area", "point", or "outline" (a plain region with a wide outline).
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
        elif self.kind == "outline":
            painter.setPen(QPen(self.colour, ALERT_OUTLINE))
            painter.setBrush(colours().land)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        else:
            painter.drawRect(rect)
        painter.end()
