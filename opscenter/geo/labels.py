"""Where a region's name goes on a map: the one placement the map panel and the printed map
share, in the drawing's own units (pixels, points) with y either way up.

A name is tried beside its region's label point (below, above, right, left of it), then
farther out on rings around it, where it is drawn with a leader line to the point; the first
spot that stays in the frame and touches no name placed before and no mark (an incident, a
unit, an alert) wins. A name too wide for its region (a city inside a kabupaten: Kota Jambi,
Kota Sungai Penuh) is never left lying over its neighbour's land as if it were theirs: it
always gets the line. Failing a spot clear of marks, the name takes the nearest spot clear of
names and is drawn over the marks, on its halo, so that it stays readable.

A map that can test its regions' shapes first looks for a spot wholly inside the region
(``place_inside``), beside its label point or at the middle of its widest part, in shorter
forms of the name if need be (``two_lines``): a name beside its point on a leader line
covered the region's own tip (Kabupaten Tanjung Jabung Barat at 1366x768).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

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
    hides: Callable[[Box], bool] | None = None,
) -> Placed | None:
    """Where a ``w`` x ``h`` name of the region whose label point is ``at`` goes (see the
    module's text); ``fits``: the region is wide enough to hold its name. None: no spot in
    ``frame`` clear of the names ``placed`` before (a name is never drawn over another).
    ``reach`` False: only the spots beside the point (a crowded map of many small regions,
    where names moved away on lines would be more lines than map). ``hides``: whether a spot
    hides land (across the region's edge, over a neighbour); a spot on a line that does is
    tried after those that do not (a name moved off its point hid its region's tip)."""

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
    if hides is not None and reach:
        far = sorted(far, key=hides)  # stable: the rings' order kept within each kind
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


def place_inside(
    points: Sequence[tuple[float, float]],
    w: float,
    h: float,
    *,
    gap: float,
    frame: Box,
    area: Box,
    placed: Sequence[Box],
    marks: Sequence[Box],
    within: Callable[[Box], bool],
) -> Box | None:
    """A spot for a ``w`` x ``h`` name that lies ``within`` its region (the caller's test of
    the region's shape, whose box is ``area``), in ``frame``, clear of the names ``placed``
    and of the ``marks``: beside each of ``points`` in turn (below, above, right, left; its
    label point first), centred on the last (a pole of inaccessibility), else across the
    region's box in small steps, the spots nearest the last point first
    (incidents crowd the middle of a region). None: there is none."""
    tries = [_spot(at, w, h, dx, dy, gap) for at in points for dx, dy in _DIRECTIONS[:4]]
    if points:
        px, py = points[-1]
        tries.append(_spot(points[-1], w, h, 0, 0, 0.0))
        x0, y0 = max(area[0], frame[0]), max(area[1], frame[1])
        x1, y1 = min(area[2], frame[2]), min(area[3], frame[3])
        # Steps of at most a 24th of the box (about 600 spots), finer for a small name.
        xs = np.array(_steps(x0 + w / 2, x1 - w / 2, max(min(w / 8, 8.0), (x1 - x0) / 24)))
        ys = np.array(_steps(y0 + h / 2, y1 - h / 2, max(min(h / 4, 4.0), (y1 - y0) / 24)))
        cx, cy = (c.ravel() for c in np.meshgrid(xs, ys))
        order = np.argsort((cx - px) ** 2 + (cy - py) ** 2, kind="stable")
        cx, cy = cx[order], cy[order]
        tries += zip(
            (cx - w / 2).tolist(),
            (cy - h / 2).tolist(),
            (cx + w / 2).tolist(),
            (cy + h / 2).tolist(),
            strict=True,
        )
    if not tries:
        return None
    boxes = np.array(tries, dtype=np.float64).reshape(-1, 4)
    # Array work for the many spots: in the frame, clear of the names and the marks; the
    # region's shape is asked only of those, in turn.
    ok = (
        (boxes[:, 0] >= frame[0])
        & (boxes[:, 1] >= frame[1])
        & (boxes[:, 2] <= frame[2])
        & (boxes[:, 3] <= frame[3])
    )
    for others in (placed, marks):
        if len(others) and ok.any():
            o = np.asarray(others, dtype=np.float64).reshape(-1, 4)
            ok &= ~(
                (boxes[:, None, 0] < o[None, :, 2])
                & (o[None, :, 0] < boxes[:, None, 2])
                & (boxes[:, None, 1] < o[None, :, 3])
                & (o[None, :, 1] < boxes[:, None, 3])
            ).any(axis=1)
    for n in np.flatnonzero(ok).tolist():
        if within(tries[n]):
            return tries[n]
    return None


def _steps(start: float, end: float, step: float) -> list[float]:
    """From ``start`` to ``end`` by about ``step`` (both ends kept; none when end < start)."""
    if end < start or step <= 0:
        return []
    n = max(1, math.ceil((end - start) / step))
    return [start + (end - start) * k / n for k in range(n + 1)]


def two_lines(name: str, width: Callable[[str], float]) -> str | None:
    """A name of several words on two lines, broken where the wider line is narrowest
    ("Kab. Tanjung" over "Jabung Barat"); None for a single word."""
    words = name.split()
    if len(words) < 2:
        return None
    best = min(
        range(1, len(words)),
        key=lambda n: max(width(" ".join(words[:n])), width(" ".join(words[n:]))),
    )
    return " ".join(words[:best]) + "\n" + " ".join(words[best:])


def _distance(box: Box, at: tuple[float, float]) -> float:
    x, y = leader_end(box, at)
    return math.hypot(x - at[0], y - at[1])
