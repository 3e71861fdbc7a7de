"""Drawing the map's layers with a QPainter: water and regions, alerts, names, TPS pies,
units and their arrows, points; and the hovered region's outline over the scene.

Each draws only what is in view (numpy, one comparison per region or point). The regions
and the points are drawn in chunks, yielding between them, so that a sharp scene can be
drawn in slices with the event loop running in between (``ui.map_view``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Generator, Mapping, Sequence
from functools import partial

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF

from opscenter.geo import labels
from ui.map_colours import colours
from ui.map_geometry import Regions, Viewport, polygon
from ui.map_layers import MapFlow, MapMark, MapUnit, PointLayer
from ui.place_names import short_region

# Between two looks at the clock: this many regions, this many points.
REGION_CHUNK = 64
POINT_CHUNK = 1_000
# Names stand this far from their region's label point, which the incidents there keep.
LABEL_GAP = 6.0
# A name is shown once its region is at least this share of the name's width on screen...
LABEL_FIT = 0.6
# ...or, when at most this many regions are in view (a province's kabupaten/kota, not its
# kecamatan), beside its region on a leader line: a commander expects every kabupaten and
# kota of the map named, the small cities too.
FEW_REGIONS = 40
# More points than this in view are drawn plainly (no smoothing, no ring).
CROWDED_POINTS = 2_000
# Marks (small pies) are drawn only when at most this many are in view: zoomed in enough for
# them to stand apart, and a whole country's 7,285 kecamatan cost nothing at the first frame.
MARKS_SHOWN = 80
MARK_RADIUS = 7.0
# A unit's square stands this far (pixels) above its place: the incidents there keep the
# place itself, and the region's name hangs below it.
UNIT_LIFT = 12.0
# A region's alert: its outline this wide (pixels), over its neighbours'; its mark (a
# triangle, ``warning``) this wide in half-height, at its label point.
ALERT_OUTLINE = 3.0
ALERT_DOT = 6.0


def draw_regions(
    painter: QPainter,
    regions: Regions,
    fills: Mapping[str, QColor],
    view: Viewport,
    size: QSize,
    *,
    detailed: bool,
    build: bool,
) -> Generator[None, None, np.ndarray]:
    """The water, then the regions in view in their fills (plain land if none) with their
    outlines, leaving the painter in the plane's transform; it yields between chunks and
    returns the indices of the regions in view. *detailed*: paths simplified for the zoom
    band (``Regions.simplified``, and *build* there), else every vertex."""
    c = colours()
    painter.fillRect(QRectF(0, 0, size.width(), size.height()), c.water)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setTransform(view.transform(size))
    visible = regions.visible(view.plane_box(size))
    pen = QPen(c.outline)
    pen.setCosmetic(True)
    pen.setWidthF(0.8)
    painter.setPen(pen)
    land = c.land
    codes = regions.codes
    detail = regions.detail(view.scale)
    for start in range(0, len(visible), REGION_CHUNK):
        chunk = visible[start : start + REGION_CHUNK]
        paths = (
            regions.simplified(detail, chunk, build)
            if detailed
            else [regions.paths[int(i)] for i in chunk]
        )
        for i, path in zip(chunk, paths, strict=True):
            painter.setBrush(fills.get(codes[i], land))
            painter.drawPath(path)
        yield
    return visible


def draw_hover(
    painter: QPainter, path: QPainterPath, view: Viewport, size: QSize, *, chosen: bool = False
) -> None:
    """The outline of the region under the mouse, over the scene (the full path); *chosen*:
    the region clicked, wider and over a halo, so it stays told apart from the hover's."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setTransform(view.transform(size))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    c = colours()
    pens = ((c.halo, 7.0), (c.hover, 4.0)) if chosen else ((c.hover, 2.5),)
    for colour, width in pens:
        pen = QPen(colour)
        pen.setCosmetic(True)
        pen.setWidthF(width)
        painter.setPen(pen)
        painter.drawPath(path)


def draw_alerts(
    painter: QPainter,
    regions: Regions,
    visible: np.ndarray,
    outlined: Mapping[str, QColor],
    dotted: Mapping[str, QColor],
    view: Viewport,
    size: QSize,
) -> None:
    """The outlines of the regions in view that *outlined* names (in the plane's transform,
    full paths), then the triangles *dotted* names (in pixels, with the halo of names)."""
    codes = regions.codes
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for i in visible:
        colour = outlined.get(codes[i])
        if colour is not None:
            pen = QPen(colour)
            pen.setCosmetic(True)
            pen.setWidthF(ALERT_OUTLINE)
            painter.setPen(pen)
            painter.drawPath(regions.paths[i])
    painter.resetTransform()
    halo = QPen(colours().halo, 1.5)
    r = ALERT_DOT
    for i in visible:
        colour = dotted.get(codes[i])
        if colour is None:
            continue
        ax, ay = view.to_screen(regions.anchors[i, 0], regions.anchors[i, 1], size)
        painter.setPen(halo)
        painter.setBrush(colour)
        painter.drawPolygon(warning(QPointF(ax, ay), r))


def warning(centre: QPointF, r: float) -> QPolygonF:
    """An alert's mark: a triangle standing on its base (a warning sign), never a circle, so
    that a disturbed kecamatan is not read as a "berat" incident of the same red."""
    x, y = centre.x(), centre.y()
    return QPolygonF(
        [
            QPointF(x, y - 1.2 * r),
            QPointF(x + 1.1 * r, y + 0.8 * r),
            QPointF(x - 1.1 * r, y + 0.8 * r),
        ]
    )


def draw_labels(
    painter: QPainter,
    regions: Regions,
    visible: np.ndarray,
    font: QFont,
    view: Viewport,
    size: QSize,
    marks: Sequence[QRectF] = (),
) -> list[tuple[str, QRectF, str]]:
    """Names over everything else, largest region first, each off the *marks* (incidents,
    units, alerts: widget pixels) and the names placed before where there is room
    (``opscenter.geo.labels``); one with no spot clear of placed names is dropped. A name
    goes inside its region where it finds a spot there (``_inside``; among few regions: the
    search would cost a frame among a province's kecamatan), else beside its label point.
    A region too small on screen for its name gets none among many regions (names appear as
    the map zooms in); among few (a province's kabupaten/kota) it is named beside itself on
    a leader line (Kota Jambi, Kota Sungai Penuh). Returns the codes placed with their
    rectangles and the names as drawn ("Kab. Tanjung\\nJabung Barat")."""
    if not len(visible):
        return []
    font = QFont(font)
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    height = metrics.height()
    few = len(visible) <= FEW_REGIONS
    widths_on_screen = regions.room[visible] * view.scale
    # Cheap cut before measuring text: a name needs at least a few characters' room.
    room = (
        visible if few else visible[widths_on_screen >= LABEL_FIT * 4 * metrics.averageCharWidth()]
    )
    order = room[np.argsort(-regions.priority[room])]
    cell = 64.0
    grid: dict[tuple[int, int], list[labels.Box]] = {}
    marks_grid: dict[tuple[int, int], list[labels.Box]] = {}
    placed: list[tuple[str, QRectF, tuple[float, float] | None, str]] = []
    frame = (0.0, 0.0, float(size.width()), float(size.height()))

    def cells(b: labels.Box) -> list[tuple[int, int]]:
        return [
            (gx, gy)
            for gx in range(int(b[0] // cell), int(b[2] // cell) + 1)
            for gy in range(int(b[1] // cell), int(b[3] // cell) + 1)
        ]

    def width(text: str) -> float:
        return metrics.horizontalAdvance(text) + 4

    for m in marks:
        b = (m.left(), m.top(), m.right(), m.bottom())
        for key in cells(b):
            marks_grid.setdefault(key, []).append(b)

    for i in order:
        # "Kab.": the map has less room than any list, and they all say it so.
        name = short_region(regions.names[i])
        w = width(name)
        on_screen = regions.room[i] * view.scale
        ax, ay = view.to_screen(regions.anchors[i, 0], regions.anchors[i, 1], size)
        # Only the names and marks near the point (the farthest ring) can meet its spots,
        # and those in the region's box its spots inside it.
        reach = 4 * height + w
        near = (ax - reach, ay - reach, ax + reach, ay + reach)
        inside: tuple[labels.Box, str] | None = None
        if few:  # a province's kabupaten/kota: many regions would cost a frame
            x0, y0 = view.to_screen(regions.boxes[i, 0], regions.boxes[i, 1], size)
            x1, y1 = view.to_screen(regions.boxes[i, 2], regions.boxes[i, 3], size)
            box = (x0, y0, x1, y1)
            near = (
                max(min(near[0], x0), -cell),
                max(min(near[1], y0), -cell),
                min(max(near[2], x1), frame[2] + cell),
                min(max(near[3], y1), frame[3] + cell),
            )
        keys = cells(near)
        near_names = [b for key in keys for b in grid.get(key, ())]
        near_marks = [b for key in keys for b in marks_grid.get(key, ())]
        if few:
            inside = _inside(
                regions,
                int(i),
                box,
                name,
                width,
                metrics,
                view,
                size,
                frame,
                near_names,
                near_marks,
            )
        if inside is not None:
            b, text = inside
            leader = False
        else:
            fits = on_screen >= LABEL_FIT * w
            if not fits and not few:
                continue
            spot = labels.place(
                (ax, ay),
                w,
                height,
                gap=LABEL_GAP,
                fits=fits,
                reach=few,
                frame=frame,
                placed=near_names,
                marks=near_marks,
                # A city too small for its name is named over its neighbours' land anyway.
                hides=partial(_hides, regions, int(i), visible, view=view, size=size)
                if fits
                else None,
            )
            if spot is None:
                continue
            b, leader, text = spot.box, spot.leader, name
        for key in cells(b):
            grid.setdefault(key, []).append(b)
        rect = QRectF(b[0], b[1], b[2] - b[0], b[3] - b[1])
        placed.append((regions.codes[i], rect, (ax, ay) if leader else None, text))
    c = colours()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for pen in (QPen(c.halo, 3.0), QPen(c.text, 1.2)):
        painter.setPen(pen)
        for _code, rect, point, _text in placed:
            if point is not None:
                x, y = labels.leader_end(
                    (rect.left(), rect.top(), rect.right(), rect.bottom()), point
                )
                painter.drawLine(QPointF(*point), QPointF(x, y))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(c.halo)
    for _code, rect, _point, _text in placed:
        painter.drawRoundedRect(rect, 3, 3)
    painter.setPen(c.text)
    for _code, rect, _point, text in placed:
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    return [(code, rect, text) for code, rect, _point, text in placed]


def _inside(
    regions: Regions,
    i: int,
    box: labels.Box,
    name: str,
    width: Callable[[str], float],
    metrics: QFontMetricsF,
    view: Viewport,
    size: QSize,
    frame: labels.Box,
    names: Sequence[labels.Box],
    marks: Sequence[labels.Box],
) -> tuple[labels.Box, str] | None:
    """A spot wholly inside region *i* for its name, clear of the *names* and *marks*
    (``labels.place_inside``), and the name as it fits there: on one line, or on two; None:
    none fits. *box*: the region's on screen."""
    left, top, right, bottom = box
    on_screen = regions.room[i] * view.scale
    forms = [name]
    wrapped = labels.two_lines(name, width) if width(name) > on_screen else None
    if wrapped is not None:  # on two lines only when one is wider than the region
        forms.append(wrapped)
    path = _drawn_path(regions, i, view)

    def within(b: labels.Box) -> bool:
        if b[0] < left or b[2] > right or b[1] < top or b[3] > bottom:
            return False
        return path.contains(_plane_rect(b, view, size))

    ax, ay = view.to_screen(regions.anchors[i, 0], regions.anchors[i, 1], size)
    points: list[tuple[float, float]] = [(ax, ay)]
    for text in forms:
        lines = text.split("\n")
        w = max(width(line) for line in lines)
        h = metrics.height() + (len(lines) - 1) * metrics.lineSpacing()
        if w > min(on_screen, right - left) or h > bottom - top:
            continue
        if len(points) == 1:
            points.append(view.to_screen(*regions.pole(i), size))
        spot = labels.place_inside(
            points,
            w,
            h,
            gap=LABEL_GAP,
            frame=frame,
            area=box,
            placed=names,
            marks=marks,
            within=within,
        )
        if spot is not None:
            return spot, text
    return None


def _drawn_path(regions: Regions, i: int, view: Viewport) -> QPainterPath:
    """Region *i*'s path as drawn at this zoom (simplified to half a pixel where that is
    built): what a name's spot is tested against."""
    return regions.detail(view.scale).paths.get(i, regions.paths[i])


def _plane_rect(b: labels.Box, view: Viewport, size: QSize) -> QRectF:
    """A box of widget pixels on the plane."""
    px, py = view.to_plane(QPointF(b[0], b[1]), size)
    return QRectF(px, py, (b[2] - b[0]) / view.scale, (b[3] - b[1]) / view.scale)


def _hides(
    regions: Regions,
    i: int,
    visible: np.ndarray,
    b: labels.Box,
    *,
    view: Viewport,
    size: QSize,
) -> bool:
    """Whether a name's box of widget pixels, moved off its point, hides land: it lies
    across region *i*'s edge (Kabupaten Tanjung Jabung Barat's northern tip at 1366x768) or
    over another region of the *visible* ones. One wholly on its own land or on the sea
    does not."""
    rect = _plane_rect(b, view, size)
    path = _drawn_path(regions, i, view)
    if path.intersects(rect) and not path.contains(rect):
        return True
    boxes = regions.boxes[visible]
    meets = visible[
        (boxes[:, 0] <= rect.right())
        & (boxes[:, 2] >= rect.left())
        & (boxes[:, 1] <= rect.bottom())
        & (boxes[:, 3] >= rect.top())
    ]
    return any(_drawn_path(regions, int(j), view).intersects(rect) for j in meets if j != i)


def point_boxes(points: PointLayer, view: Viewport, size: QSize) -> list[QRectF]:
    """The boxes (widget pixels, with their rings) of the points shown in view: where a name
    would hide an incident."""
    if not len(points.xy):
        return []
    sx, sy = view.to_screen(points.xy[:, 0], points.xy[:, 1], size)
    r = points.radius + 1
    shown = np.zeros(len(sx), dtype=bool)
    for _colour, _radius, ix in points.groups:
        shown[ix] = True
    inside = np.flatnonzero(
        shown & (sx + r >= 0) & (sx - r <= size.width()) & (sy + r >= 0) & (sy - r <= size.height())
    )
    return [QRectF(sx[i] - r[i], sy[i] - r[i], 2 * r[i], 2 * r[i]) for i in inside]


def draw_marks(
    painter: QPainter, marks: list[MapMark], xy: np.ndarray, view: Viewport, size: QSize
) -> np.ndarray:
    """The marks in view (at *xy* on the plane) as small pies, only when few enough are in
    view to be told apart (zoomed in); returns the indices drawn."""
    none = np.zeros(0, dtype=np.int64)
    if not len(xy):
        return none
    sx, sy = view.to_screen(xy[:, 0], xy[:, 1], size)
    r = MARK_RADIUS
    inside = np.flatnonzero(
        (sx + r >= 0) & (sx - r <= size.width()) & (sy + r >= 0) & (sy - r <= size.height())
    )
    if not len(inside) or len(inside) > MARKS_SHOWN:
        return none
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    halo = QPen(colours().halo, 1.5)
    for i in inside:
        mark = marks[i]
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


def draw_points(
    painter: QPainter, points: PointLayer, view: Viewport, size: QSize
) -> Generator[None, None, None]:
    """The points shown in view, grouped by colour and size; it yields between chunks."""
    if not len(points.xy):
        return
    sx, sy = view.to_screen(points.xy[:, 0], points.xy[:, 1], size)
    r = points.radius
    inside = (sx + r >= 0) & (sx - r <= size.width()) & (sy + r >= 0) & (sy - r <= size.height())
    xy = np.column_stack((sx, sy))
    # Ringed in the text's colour (dark by day, light at night), not the names' halo: a
    # "berat" point on a "tinggi" region is red on red, and a white ring left it a
    # hollow circle whose severity could not be read (seen in the real window).
    ring = colours().text
    # Thousands of points in view (the whole country): smooth edges and rings cost a
    # frame several times over (measured 360 ms for 20,000) and are not seen at that size.
    crowded = int(inside.sum()) > CROWDED_POINTS
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, not crowded)
    for colour, radius, ix in points.groups:
        shown = ix[inside[ix]]
        for start in range(0, len(shown), POINT_CHUNK):
            line = polygon(xy[shown[start : start + POINT_CHUNK]])
            pens = (
                [(colour, 2 * radius)]
                if crowded or colour.alpha() < 255  # faded (``PointLayer.show``): no ring
                else [(ring, 2 * radius + 2), (colour, 2 * radius)]
            )
            for pen_colour, width in pens:
                pen = QPen(pen_colour, width)
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                painter.setPen(pen)
                painter.drawPoints(line)
            yield


def draw_units(
    painter: QPainter,
    units: Mapping[int, MapUnit],
    flows: Sequence[MapFlow],
    k: float,
    view: Viewport,
    size: QSize,
) -> tuple[list[tuple[int, QPointF]], list[tuple[MapFlow, QPointF, QPointF]]]:
    """The arrows, then the units' squares over them; the units not ``always`` drawn
    only when few enough of them are in view (zoomed in), as the marks. Returns the units
    drawn (by id, with their centres) and the arrows drawn (with their ends)."""
    units_drawn: list[tuple[int, QPointF]] = []
    flows_drawn: list[tuple[MapFlow, QPointF, QPointF]] = []
    if not units:
        return units_drawn, flows_drawn
    bounds = QRectF(0, 0, size.width(), size.height())
    centres = {}
    for u in units.values():
        x, y = view.to_screen(*u.plane(k), size)
        centres[u.id] = QPointF(x, y - UNIT_LIFT)
    inside = [
        u
        for u in units.values()
        if bounds.adjusted(-u.side, -u.side, u.side, u.side).contains(centres[u.id])
    ]
    few = sum(1 for u in inside if not u.always) <= MARKS_SHOWN
    shown = [u for u in inside if u.always or few]
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    c = colours()
    arrow = QColor(c.hover)
    arrow.setAlpha(210)
    for flow in flows:
        a, b = centres[flow.source], centres[flow.target]
        dx, dy = b.x() - a.x(), b.y() - a.y()
        length = math.hypot(dx, dy)
        # Stops at the receiver's square; its head as long as three times its width.
        stop = units[flow.target].side / 2 + 2
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
        flows_drawn.append((flow, a, tip))
    ring = QPen(c.text, 1.2)
    for unit in sorted(shown, key=lambda u: u.side):  # the commands on top
        centre = centres[unit.id]
        half = unit.side / 2
        painter.setPen(ring)
        painter.setBrush(unit.colour)
        painter.drawRoundedRect(
            QRectF(centre.x() - half, centre.y() - half, unit.side, unit.side), 2, 2
        )
        units_drawn.append((unit.id, centre))
    return units_drawn, flows_drawn
