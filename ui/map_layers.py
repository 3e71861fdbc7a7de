"""What the map shows at places: incidents' points, TPS pies, units and the arrows between
them; and the points held as arrays, so that a live incident or a step of the time slider
costs array work, not a pass over every point in Python."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from PySide6.QtGui import QColor

# Points drawn faded (``PointLayer.show``: the older incidents of a replay) keep this alpha.
DIM_ALPHA = 130


@dataclass(frozen=True)
class MapPlace:
    """What the map draws at a place (a point, a mark, a unit): its id and where."""

    id: int
    lon: float
    lat: float

    def plane(self, k: float) -> tuple[float, float]:
        """Where it stands on the map's plane: longitude times ``k`` (``Regions.k``), and
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


# One group of points drawn with one pen: its colour, its radius, the points' indices.
PointGroup = tuple[QColor, float, np.ndarray]


class PointLayer:
    """The points: by id, and their positions on the plane, radii and colours as arrays,
    drawn grouped by colour and size; of them, those shown and those faded."""

    def __init__(self) -> None:
        self.clear()
        self.groups: list[PointGroup] = []
        # ``show``: the ids drawn and the ids of them faded (None: every point as is); the
        # groups of every point, and the masks of those drawn (hover, click) and faded.
        self._only: tuple[np.ndarray, np.ndarray] | None = None
        self._groups_all: list[PointGroup] = []
        self.shown: tuple[np.ndarray, np.ndarray] | None = None

    def clear(self) -> None:
        """No point (what ``show`` said stays)."""
        self.points: dict[int, MapPoint] = {}
        self.ids = np.zeros(0, dtype=np.int64)
        self.xy = np.zeros((0, 2))
        self.radius = np.zeros(0)
        self._rgba = np.zeros(0, dtype=np.int64)

    def update(self, changed: Sequence[MapPoint], removed: Iterable[int], k: float) -> None:
        """Points added or changed (by id) and ids removed, projected with *k*."""
        gone = set(removed) | {p.id for p in changed}
        keep = ~np.isin(self.ids, np.fromiter(gone, dtype=np.int64, count=len(gone)))
        for pid in gone:
            self.points.pop(pid, None)
        n = len(changed)
        self.points.update((p.id, p) for p in changed)
        self.ids = np.concatenate((self.ids[keep], [p.id for p in changed])).astype(np.int64)
        self.xy = np.concatenate(
            (self.xy[keep], np.array([p.plane(k) for p in changed]).reshape(n, 2))
        )
        self.radius = np.concatenate((self.radius[keep], [p.radius for p in changed]))
        self._rgba = np.concatenate((self._rgba[keep], [p.colour.rgba() for p in changed])).astype(
            np.int64
        )
        # Drawn as one call per colour and size (round-capped pen points), largest first so
        # that a small point beside a large one stays visible.
        keys = np.column_stack((self._rgba, self.radius))
        groups, inverse = np.unique(keys, axis=0, return_inverse=True)
        inverse = inverse.reshape(-1)
        order = np.argsort(inverse, kind="stable")
        bounds = np.searchsorted(inverse[order], np.arange(len(groups) + 1))
        self.groups = sorted(
            (
                (QColor.fromRgba(int(rgba)), float(radius), order[bounds[g] : bounds[g + 1]])
                for g, (rgba, radius) in enumerate(groups)
            ),
            key=lambda group: -group[1],
        )
        self._groups_all = self.groups
        self._apply_shown()  # a point changed stays hidden or faded as ``show`` said

    def show(self, shown: np.ndarray | None, dimmed: np.ndarray | None = None) -> None:
        """Draw only the ids in ``shown`` (None: every one as it is), and those of them in
        ``dimmed`` faded, until the next call."""
        empty = np.zeros(0, dtype=np.int64)
        self._only = None if shown is None else (shown, empty if dimmed is None else dimmed)
        self._apply_shown()

    def _apply_shown(self) -> None:
        if self._only is None:
            self.groups, self.shown = self._groups_all, None
            return
        shown = np.isin(self.ids, self._only[0])
        dimmed = shown & np.isin(self.ids, self._only[1])
        full = shown & ~dimmed
        groups = []
        for colour, radius, ix in self._groups_all:
            faint = ix[dimmed[ix]]
            if len(faint):
                groups.append(
                    (QColor(colour.red(), colour.green(), colour.blue(), DIM_ALPHA), radius, faint)
                )
            ix = ix[full[ix]]
            if len(ix):
                groups.append((colour, radius, ix))
        # Largest first as ever (a stable sort: of one size the faded under the others).
        self.groups = sorted(groups, key=lambda group: -group[1])
        self.shown = shown, dimmed

    def shown_ids(self) -> set[int]:
        """The ids of the points drawn (``show``)."""
        if self.shown is None:
            return set(self.points)
        return {int(pid) for pid in self.ids[self.shown[0]]}

    def dimmed_ids(self) -> set[int]:
        """The ids of the points drawn faded."""
        if self.shown is None:
            return set()
        return {int(pid) for pid in self.ids[self.shown[1]]}
