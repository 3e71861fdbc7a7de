"""What lies under a pixel of the map (hover, tooltips, clicks): a point, a TPS pie, a unit,
an arrow, each as ``ui.map_painting`` drew it, with a pixel or a few to spare."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QPointF, QSize

from ui.map_geometry import Viewport
from ui.map_layers import MapFlow, MapUnit, PointLayer
from ui.map_painting import MARK_RADIUS


def point_under(points: PointLayer, view: Viewport, size: QSize, at: QPointF) -> int | None:
    """The id of the topmost point shown under *at* (widget pixels), if any."""
    if not len(points.xy):
        return None
    sx, sy = view.to_screen(points.xy[:, 0], points.xy[:, 1], size)
    d2 = (sx - at.x()) ** 2 + (sy - at.y()) ** 2
    hit = np.flatnonzero(d2 <= (points.radius + 2) ** 2)
    if points.shown is not None:
        hit = hit[points.shown[0][hit]]  # a point hidden by ``PointLayer.show`` is not there
    if not len(hit):
        return None
    return int(points.ids[hit[np.argmin(d2[hit])]])


def mark_under(xy: np.ndarray, drawn: np.ndarray, view: Viewport, size: QSize, at: QPointF) -> int:
    """Of the marks at *xy* (the plane), the index of the one *drawn* under *at* (widget
    pixels); -1 if none."""
    if not len(drawn):
        return -1
    sx, sy = view.to_screen(xy[drawn, 0], xy[drawn, 1], size)
    d2 = (sx - at.x()) ** 2 + (sy - at.y()) ** 2
    nearest = int(np.argmin(d2))
    if d2[nearest] > (MARK_RADIUS + 1) ** 2:
        return -1
    return int(drawn[nearest])


def unit_under(drawn: Sequence[tuple[MapUnit, QPointF]], at: QPointF) -> MapUnit | None:
    """Of the units *drawn* (with their centres, widget pixels), the topmost (last drawn)
    under *at*, if any."""
    for unit, centre in reversed(drawn):
        half = unit.side / 2 + 1
        if abs(centre.x() - at.x()) <= half and abs(centre.y() - at.y()) <= half:
            return unit
    return None


def flow_under(drawn: Sequence[tuple[MapFlow, QPointF, QPointF]], at: QPointF) -> MapFlow | None:
    """Of the arrows *drawn* (with their ends, widget pixels), the topmost under *at*, if
    any."""
    for flow, a, b in reversed(drawn):
        dx, dy = b.x() - a.x(), b.y() - a.y()
        length2 = dx * dx + dy * dy
        if length2 <= 0:
            continue
        t = min(1.0, max(0.0, ((at.x() - a.x()) * dx + (at.y() - a.y()) * dy) / length2))
        ex, ey = a.x() + t * dx - at.x(), a.y() + t * dy - at.y()
        if ex * ex + ey * ey <= (flow.width / 2 + 3) ** 2:
            return flow
    return None
