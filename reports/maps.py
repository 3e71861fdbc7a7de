"""Maps drawn as vectors (reportlab graphics), for every printed document that shows one.

Regions are filled polygons with holes (even-odd), outlined thinly; points are circles over
them; names go beside each region's label point, off the points and the names placed before
(the smaller regions place first), a small region's on a leader line
(``opscenter.geo.labels``), and are drawn over everything on a light halo. Coordinates are
[lon, lat]: an equirectangular projection, its x scaled by the cosine of the middle
latitude so that shapes keep their proportions near the equator and away from it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Path, Rect, String
from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import FILL_EVEN_ODD

from opscenter.geo import labels
from reports.fonts import REGULAR

OUTLINE = colors.HexColor("#505050")
LABEL_SIZE = 6.5
POINT_EDGE = colors.HexColor("#202020")
LEADER = colors.HexColor("#303030")
# A name stands this far (points) from its region's point, where the incidents there sit.
LABEL_GAP = 3.0
# A region narrower than this share of its name's width is too small to hold it: its name
# goes beside it, on a leader line (``opscenter.geo.labels``).
LABEL_FIT = 0.6


@dataclass(frozen=True, slots=True)
class Region:
    parts: Sequence[Sequence[Sequence[float]]]  # polygons: (exterior, *holes), flat lon, lat
    fill: Color
    name: str = ""
    label: tuple[float, float] | None = None  # (lon, lat)


@dataclass(frozen=True, slots=True)
class Dot:
    lon: float
    lat: float
    fill: Color
    radius: float  # points (1/72 inch)


def short_name(name: str) -> str:
    """A region's name as a map prints it: "Kabupaten Kerinci" as "Kerinci"; a city keeps
    "Kota" (Kota Jambi lies in Kabupaten Muaro Jambi, and "Jambi" alone is the province)."""
    for prefix in ("Kabupaten ", "Kab. "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


class Projection:
    """[lon, lat] to drawing points, fitting ``bbox`` into ``width`` × ``height`` with a
    margin, centred, proportions kept."""

    def __init__(
        self, bbox: tuple[float, float, float, float], width: float, height: float, margin: float
    ) -> None:
        x0, y0, x1, y1 = bbox
        self.kx = math.cos(math.radians((y0 + y1) / 2))
        span_x = max((x1 - x0) * self.kx, 1e-9)
        span_y = max(y1 - y0, 1e-9)
        self.scale = min((width - 2 * margin) / span_x, (height - 2 * margin) / span_y)
        self.x0 = x0 - ((width / self.scale) / self.kx - (x1 - x0)) / 2
        self.y0 = y0 - ((height / self.scale) - (y1 - y0)) / 2

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.x0) * self.kx * self.scale, (lat - self.y0) * self.scale


def _path(parts: Sequence[Sequence[Sequence[float]]], at: Projection, fill: Color) -> Path:
    # Even-odd: a hole (an enclave's place) stays open; the enclave is drawn as its own region.
    p = Path(fillColor=fill, strokeColor=OUTLINE, strokeWidth=0.35, fillMode=FILL_EVEN_ODD)
    for polygon in parts:
        for ring in polygon:
            pts = [at(ring[i], ring[i + 1]) for i in range(0, len(ring) - 1, 2)]
            p.moveTo(*pts[0])
            for x, y in pts[1:]:
                p.lineTo(x, y)
            p.closePath()
    return p


def _ring_area(ring: Sequence[float]) -> float:
    """A flat ring's area in square degrees (shoelace)."""
    xs, ys = ring[0::2], ring[1::2]
    return abs(sum(xs[i] * ys[i + 1] - xs[i + 1] * ys[i] for i in range(len(xs) - 1))) / 2


def _area(r: Region) -> float:
    """The area of a region's outer rings in square degrees, for ordering only."""
    return sum(_ring_area(polygon[0]) for polygon in r.parts)


def _room(r: Region, at: Projection) -> float:
    """The width (points) of a region's largest part: the room its name has."""
    if not r.parts:
        return 0.0
    ring = max((polygon[0] for polygon in r.parts), key=_ring_area)
    return (max(ring[0::2]) - min(ring[0::2])) * at.kx * at.scale


def region_map(
    regions: Sequence[Region],
    dots: Sequence[Dot],
    bbox: tuple[float, float, float, float],
    width: float,
    height: float,
) -> Drawing:
    """The regions, the dots, and the regions' names over them, in a drawing of that size."""
    d = Drawing(width, height, initialFontName=REGULAR)
    at = Projection(bbox, width, height, margin=6)
    areas = Group()
    for r in regions:
        areas.add(_path(r.parts, at, r.fill))
    d.add(areas)
    dots_at = [(*at(dot.lon, dot.lat), dot) for dot in dots]
    points = Group()
    for x, y, dot in sorted(dots_at, key=lambda p: -p[2].radius):  # small ones over large ones
        points.add(
            Circle(x, y, dot.radius, fillColor=dot.fill, strokeColor=POINT_EDGE, strokeWidth=0.4)
        )
    d.add(points)
    marks = [(x - p.radius, y - p.radius, x + p.radius, y + p.radius) for x, y, p in dots_at]
    names = Group()
    leaders = Group()
    placed: list[labels.Box] = []
    h = LABEL_SIZE + 2.5
    # Smaller regions name themselves first: an enclave's name has the least room to move,
    # a large region's can move aside.
    for r in sorted(regions, key=_area):
        if not r.name or r.label is None or not all(map(math.isfinite, r.label)):
            continue
        w = stringWidth(r.name, REGULAR, LABEL_SIZE) + 2
        point = at(*r.label)
        spot = labels.place(
            point,
            w,
            h,
            gap=LABEL_GAP,
            fits=_room(r, at) >= LABEL_FIT * w,
            frame=(0, 0, width, height),
            placed=placed,
            marks=marks,
        )
        if spot is None:
            continue
        box = spot.box
        placed.append(box)
        if spot.leader:
            end = labels.leader_end(box, point)
            leaders.add(Line(*point, *end, strokeColor=colors.white, strokeWidth=1.6))
            leaders.add(Line(*point, *end, strokeColor=LEADER, strokeWidth=0.6))
        names.add(
            Rect(
                box[0],
                box[1],
                box[2] - box[0],
                box[3] - box[1],
                fillColor=colors.Color(1, 1, 1, 0.8),
                strokeColor=None,
            )
        )
        names.add(
            String(
                (box[0] + box[2]) / 2,
                box[1] + 2,
                r.name,
                fontName=REGULAR,
                fontSize=LABEL_SIZE,
                textAnchor="middle",
            )
        )
    # Over the points: a name is never half hidden by an incident ("Kota ●bi"); it is placed
    # off them wherever there is room, so an incident is seldom under one either.
    d.add(leaders)
    d.add(names)
    return d


def swatch_legend(
    items: Sequence[tuple[Color, str]], width: float, *, round_marks: bool = False
) -> Drawing:
    """A row (wrapping to more) of colour marks with their names."""
    size, gap, line = 7.0, 10.0, 11.0
    x, y, rows = 0.0, 0.0, 1
    spots: list[tuple[float, float, Color, str]] = []
    for colour, name in items:
        w = size + 3 + stringWidth(name, REGULAR, LABEL_SIZE + 0.5)
        if x > 0 and x + w > width:
            x, y, rows = 0.0, y - line, rows + 1
        spots.append((x, y, colour, name))
        x += w + gap
    height = rows * line
    d = Drawing(width, height, initialFontName=REGULAR)
    for sx, sy, colour, name in spots:
        top = sy + height - line
        if round_marks:
            d.add(
                Circle(
                    sx + size / 2,
                    top + size / 2 + 1,
                    size / 2,
                    fillColor=colour,
                    strokeColor=POINT_EDGE,
                    strokeWidth=0.4,
                )
            )
        else:
            d.add(
                Rect(
                    sx, top + 1, size, size, fillColor=colour, strokeColor=OUTLINE, strokeWidth=0.35
                )
            )
        d.add(String(sx + size + 3, top + 2, name, fontName=REGULAR, fontSize=LABEL_SIZE + 0.5))
    return d
