"""Where a region's name goes on a map: the one placement the map panel and the printed map
share, in the drawing's own units (pixels, points) with y either way up.

A name is tried beside its region's label point (below, above, right, left of it), then
farther out on rings around it, where it is drawn with a leader line to the point; the first
spot that stays in the frame and touches no name placed before and no mark (an incident, a
unit, an alert) wins. A name too wide for its region (a city inside a kabupaten: Kota Jambi,
Kota Sungai Penuh) is never left lying over its neighbour's land as if it were theirs: it
always gets the line. Failing a spot clear of marks, the name takes the nearest spot clear of
names and is drawn over the marks, on its halo, so that it stays readable.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 (x0 <= x1, y0 <= y1)

# The directions of the rings, in this order: below, above, right, left, then the diagonals
# (with y growing downwards; a drawing whose y grows upwards gets above and below swapped,
# which changes only the order of preference).
_DIRECTIONS = ((0, 1), (0, -1), (1, 0), (-1, 0), (1, 1), (-1, 1), (1, -1), (-1, -1))
# Rings of spots for a name moved off its point, as multiples of the name's height.
_RINGS = (1.5, 2.5, 3.5)


@dataclass(frozen=True, slots=True)
class Placed:
    """A name's box, and whether it is drawn with a leader line to its point."""

    box: Box
    leader: bool


def overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _spot(at: tuple[float, float], w: float, h: float, dx: int, dy: int, gap: float) -> Box:
    """A w x h box ``gap`` away from ``at`` in the direction (dx, dy)."""
    x, y = at
    cx = x + dx * (w / 2 + gap) if dx else x
    cy = y + dy * (h / 2 + gap) if dy else y
    return (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


def leader_end(box: Box, at: tuple[float, float]) -> tuple[float, float]:
    """Where a leader line from ``at`` meets ``box``: the box's nearest point."""
    return (min(max(at[0], box[0]), box[2]), min(max(at[1], box[1]), box[3]))


def place(
    at: tuple[float, float],
    w: float,
    h: float,
    *,
    gap: float,
    fits: bool,
    reach: bool = True,
    frame: Box,
    placed: Sequence[Box],
    marks: Sequence[Box],
) -> Placed | None:
    """Where a ``w`` x ``h`` name of the region whose label point is ``at`` goes (see the
    module's text); ``fits``: the region is wide enough to hold its name. None: no spot in
    ``frame`` clear of the names ``placed`` before (a name is never drawn over another).
    ``reach`` False: only the spots beside the point (a crowded map of many small regions,
    where names moved away on lines would be more lines than map)."""

    def inside(b: Box) -> bool:
        return b[0] >= frame[0] and b[1] >= frame[1] and b[2] <= frame[2] and b[3] <= frame[3]

    near = [_spot(at, w, h, dx, dy, gap) for dx, dy in _DIRECTIONS[:4]]
    far = [
        _spot(at, w, h, dx, dy, ring * h)
        for ring in _RINGS
        for dx, dy in _DIRECTIONS
        # A diagonal's box corner is ring * h away on both axes: far enough.
        if not (dx and dy) or ring > _RINGS[0]
    ]
    tries = [(b, not fits) for b in near] + ([(b, True) for b in far] if reach else [])
    clear = [
        (b, leader) for b, leader in tries if inside(b) and not any(overlaps(b, o) for o in placed)
    ]
    for b, leader in clear:
        if not any(overlaps(b, m) for m in marks):
            return Placed(b, leader)
    if clear:
        # Nowhere clear of the marks: the nearest spot clear of names, over the marks.
        b, leader = min(clear, key=lambda c: _distance(c[0], at))
        return Placed(b, leader)
    return None


def _distance(box: Box, at: tuple[float, float]) -> float:
    x, y = leader_end(box, at)
    return math.hypot(x - at[0], y - at[1])
