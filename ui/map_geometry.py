"""The map's projection and its regions' geometry.

The plane is equirectangular, its x shrunk by the cosine of the area's middle latitude (so
that Jambi is not stretched sideways) and its y running down as the screen's. Each region's
``QPainterPath`` is built once, from numpy arrays straight into a ``QPolygonF`` buffer, when
the shapes are given; a pan or a zoom never rebuilds one. At low zoom, regions are drawn
from paths simplified to half a pixel for their zoom band (built while drawing in slices,
kept per band); hit tests and hover use the full ones.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, overload

import numpy as np
import pyqtgraph.functions as pgfn
import shapely
from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QPainterPath, QPolygonF, QTransform

# Level of detail: in a zoom band (scales from 2**b to 2**(b+1) pixels per unit) each ring is
# simplified (Douglas-Peucker) to LOD_PIXEL at the band's top scale, so no edge strays more
# than half a pixel on screen: neighbours simplified apart may leave a seam of that width,
# under their 0.8-pixel outlines. A ring that shrinks to a line is left out, but never a
# region's largest, so a region smaller than a pixel still shows its colour. Where a band
# keeps more than LOD_SHARE of a batch's vertices (zoomed in), the full paths are drawn.
LOD_PIXEL = 0.5
LOD_SHARE = 0.7


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


def polygon(xy: np.ndarray) -> QPolygonF:
    """An (n, 2) array as a QPolygonF, copied into its buffer without a Python loop."""
    out: QPolygonF = pgfn.create_qpolygonf(len(xy))
    pgfn.ndarray_from_qpolygonf(out)[:] = xy
    return out


def _ranges(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """The integers of every range [start, end) one after another, without a Python loop."""
    lengths = ends - starts
    shift = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
    out: np.ndarray = np.arange(int(lengths.sum()), dtype=np.int64) + shift
    return out


@dataclass
class Viewport:
    """Where the map looks: the plane's point at the widget's centre and pixels per unit."""

    cx: float = 0.0
    cy: float = 0.0
    scale: float = 1.0

    def transform(self, size: QSize) -> QTransform:
        s = self.scale
        return QTransform(
            s, 0, 0, s, size.width() / 2 - self.cx * s, size.height() / 2 - self.cy * s
        )

    @overload
    def to_screen(self, x: float, y: float, size: QSize) -> tuple[float, float]: ...
    @overload
    def to_screen(
        self, x: np.ndarray, y: np.ndarray, size: QSize
    ) -> tuple[np.ndarray, np.ndarray]: ...
    def to_screen(
        self, x: float | np.ndarray, y: float | np.ndarray, size: QSize
    ) -> tuple[float | np.ndarray, float | np.ndarray]:
        """Widget pixels of the plane's (x, y), single values or arrays of them."""
        return (
            (x - self.cx) * self.scale + size.width() / 2,
            (y - self.cy) * self.scale + size.height() / 2,
        )

    def to_plane(self, at: QPointF, size: QSize) -> tuple[float, float]:
        """The plane's (x, y) under a widget pixel."""
        return (
            self.cx + (at.x() - size.width() / 2) / self.scale,
            self.cy + (at.y() - size.height() / 2) / self.scale,
        )

    def panned(self, dx: float, dy: float) -> Viewport:
        """This view moved by (dx, dy) pixels: the content follows (a drag, an arrow key)."""
        return Viewport(self.cx - dx / self.scale, self.cy - dy / self.scale, self.scale)

    def zoomed(self, scale: float, at: QPointF, size: QSize) -> Viewport:
        """This view at *scale*, the plane's point under *at* (widget pixels) kept in place."""
        wx, wy = self.to_plane(at, size)
        cx = wx - (at.x() - size.width() / 2) / scale
        cy = wy - (at.y() - size.height() / 2) / scale
        return Viewport(cx, cy, scale)

    def plane_box(self, size: QSize) -> tuple[float, float, float, float]:
        """The plane's x0, y0, x1, y1 seen in a widget of *size*."""
        half_w, half_h = size.width() / 2 / self.scale, size.height() / 2 / self.scale
        return (self.cx - half_w, self.cy - half_h, self.cx + half_w, self.cy + half_h)


@dataclass
class Detail:
    """One zoom band's level of detail: its tolerance (plane units) and the regions' paths
    simplified to it, by region, built as the regions are first drawn in the band."""

    tolerance: float
    paths: dict[int, QPainterPath]


class Regions:
    """The regions' shapes on the plane, built once: their paths, boxes, label points and
    sizes, every ring's vertices (for the zoom bands' simplified paths) and those paths."""

    def __init__(self, shapes: Sequence[Shape] = (), home: Sequence[float] | None = None) -> None:
        """*home* (min lon, min lat, max lon, max lat): the area shown, by default all the
        regions' (``area``); its middle latitude gives the projection's ``k``."""
        boxes = np.array([s.bbox for s in shapes], dtype=np.float64).reshape(-1, 4)
        self.area: tuple[float, ...] = (
            tuple(home)
            if home is not None
            else (
                (boxes[:, 0].min(), boxes[:, 1].min(), boxes[:, 2].max(), boxes[:, 3].max())
                if len(shapes)
                else (95.0, -11.0, 141.0, 6.0)
            )
        )
        self.k = k = math.cos(math.radians((self.area[1] + self.area[3]) / 2))
        self.codes = [s.code for s in shapes]
        self.names = [s.name for s in shapes]
        self.index = {c: i for i, c in enumerate(self.codes)}
        self.paths: list[QPainterPath] = []
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
            for part in shape.parts:
                for r, ring in enumerate(part):
                    xy = np.empty((len(ring), 2))
                    xy[:, 0] = ring[:, 0] * k
                    xy[:, 1] = -ring[:, 1]
                    path.addPolygon(polygon(xy))
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
            self.paths.append(path)
        # Every ring's vertices in one array: each ring's first vertex and each region's
        # first ring (and one past the last), each region's largest ring.
        self.ring_xy = np.concatenate(rings) if rings else np.zeros((0, 2))
        self.ring_start = np.concatenate(([0], np.cumsum([len(r) for r in rings]))).astype(np.int64)
        self.region_rings = np.array(region_rings, dtype=np.int64)
        self.main_ring = main_ring
        self.lod: dict[int, Detail] = {}  # by zoom band
        # Boxes on the plane (x0, y0, x1, y1): y runs down, so a box's top is minus its
        # northern edge.
        self.boxes = (
            np.column_stack((boxes[:, 0] * k, -boxes[:, 3], boxes[:, 2] * k, -boxes[:, 1]))
            if len(shapes)
            else np.zeros((0, 4))
        )
        self.anchors = np.array(
            [(s.label_point[0] * k, -s.label_point[1]) for s in shapes], dtype=np.float64
        ).reshape(-1, 2)  # label points
        self.priority = areas
        self.room = widths
        self._poles: dict[int, tuple[float, float]] = {}

    def pole(self, i: int) -> tuple[float, float]:
        """The plane's point deepest inside region *i*'s largest part, its pole of
        inaccessibility (the centre of the widest circle in it): where a name has the most
        room. Found once it is first asked for; the label point where the ring is too
        broken to say."""
        found = self._poles.get(i)
        if found is None:
            ring = int(self.main_ring[i])
            xy = self.ring_xy[self.ring_start[ring] : self.ring_start[ring + 1]]
            reach = float(np.ptp(xy, axis=0).max()) if len(xy) else 0.0
            try:
                circle = shapely.maximum_inscribed_circle(shapely.polygons(xy), reach / 200)
                centre = shapely.get_coordinates(circle)[0]
                found = (float(centre[0]), float(centre[1]))
            except (shapely.errors.GEOSException, ValueError, IndexError):
                found = (float(self.anchors[i, 0]), float(self.anchors[i, 1]))
            self._poles[i] = found
        return found

    def visible(self, box: tuple[float, float, float, float]) -> np.ndarray:
        """The indices of the regions whose box meets *box* (``Viewport.plane_box``)."""
        x0, y0, x1, y1 = box
        b = self.boxes
        return np.flatnonzero((b[:, 2] >= x0) & (b[:, 0] <= x1) & (b[:, 3] >= y0) & (b[:, 1] <= y1))

    def index_at(self, wx: float, wy: float) -> int:
        """The region at the plane's (wx, wy), by its full path; -1 if none."""
        if not self.paths:
            return -1
        b = self.boxes
        near = np.flatnonzero((b[:, 0] <= wx) & (wx <= b[:, 2]) & (b[:, 1] <= wy) & (wy <= b[:, 3]))
        # The smallest first: an enclave (Sungai Penuh in Kerinci) wins over its surroundings
        # where the source gives the outer shape no hole.
        point = QPointF(wx, wy)
        for i in near[np.argsort(self.priority[near])]:
            if self.paths[i].contains(point):
                return int(i)
        return -1

    def detail(self, scale: float) -> Detail:
        """The level of detail of the zoom band *scale* (pixels per unit) falls in."""
        band = math.floor(math.log2(scale))
        return self.lod.setdefault(band, Detail(LOD_PIXEL / 2 ** (band + 1), {}))

    def simplified(self, detail: Detail, regions: np.ndarray, build: bool) -> list[QPainterPath]:
        """The paths of *regions* in *detail*'s band; those not built yet are simplified in
        one batch (shapely, every ring at once) if *build*, else drawn in full."""
        paths = detail.paths
        missing = [int(i) for i in regions if int(i) not in paths]
        if missing and not build:
            return [paths.get(int(i), self.paths[int(i)]) for i in regions]
        if missing:
            first, last = self.region_rings[missing], self.region_rings[np.add(missing, 1)]
            rings = _ranges(first, last)  # a region's rings follow one another, and so
            starts, ends = self.ring_start[rings], self.ring_start[rings + 1]
            vertices = _ranges(self.ring_start[first], self.ring_start[last])  # their vertices
            simple = shapely.simplify(
                shapely.linearrings(
                    self.ring_xy[vertices], indices=np.repeat(np.arange(len(rings)), ends - starts)
                ),
                detail.tolerance,
                preserve_topology=False,
            )
            xy, owner = shapely.get_coordinates(simple, return_index=True)
            counts = np.bincount(owner, minlength=len(rings))
            if len(xy) > LOD_SHARE * len(vertices):  # zoomed in: little to gain
                paths.update((i, self.paths[i]) for i in missing)
            else:
                offsets = np.concatenate(([0], np.cumsum(counts))).tolist()
                kept = (counts >= 4).tolist()  # plain Python values: this loop is hot
                mains = set(self.main_ring[missing].tolist())
                r = 0
                for i, a, b in zip(missing, first.tolist(), last.tolist(), strict=True):
                    path = QPainterPath()
                    path.setFillRule(Qt.FillRule.OddEvenFill)
                    for ring in range(a, b):
                        if kept[r]:
                            path.addPolygon(polygon(xy[offsets[r] : offsets[r + 1]]))
                        elif ring in mains:  # shrank to a line: the region keeps its shape
                            s0, s1 = self.ring_start[ring], self.ring_start[ring + 1]
                            path.addPolygon(polygon(self.ring_xy[s0:s1]))
                        r += 1
                    paths[i] = path
        return [paths[int(i)] for i in regions]
