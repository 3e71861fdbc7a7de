"""The map's incidents layer: each incident of the stage as a point (colour: severity; size:
casualties) at its coordinates when recorded, else at its region's point
(``opscenter.geo.places``), incidents at one place on a small spiral around it so that each
is seen and keeps its spot as new ones arrive; with the severities' legend."""

from __future__ import annotations

import math

from PySide6.QtGui import QColor

from opscenter.geo.places import Point, spread
from opscenter.incident_log import IncidentRow
from opscenter.incidents import degrees
from ui.map_layers import MapPoint
from ui.map_read import MapRead, MapShown

# Incidents at one place are spread on a small spiral around it (degrees), so each is seen.
SPREAD_DEG = 0.012


def incident_radius(row: IncidentRow) -> float:
    """4 px for none hurt, growing with the square root of the dead and injured."""
    return 4.0 + 2.0 * math.sqrt(max(0, row.dead) + max(0, row.injured))


def coordinates(row: IncidentRow) -> Point | None:
    """Where it happened, when it was recorded: (lon, lat)."""
    lon, lat = degrees(row.longitude_e6), degrees(row.latitude_e6)
    return (float(lon), float(lat)) if lon is not None and lat is not None else None


def severity_legend(read: MapRead | None) -> list[tuple[QColor, str]]:
    """The severities of the read's incidents, low to high, as the severity scale runs."""
    severities = {
        r.severity_rank: (r.severity_colour, r.severity_name)
        for r in (read.incidents if read else ())
    }
    return [(QColor(colour), name) for _rank, (colour, name) in sorted(severities.items())]


class IncidentPoints:
    """Where the incidents of what the map shows are drawn, kept between one incident's
    change and the next so that the others stay where they are."""

    def __init__(self, shown: MapShown) -> None:
        self._shown = shown
        # Where each incident's point sits, and how many sit at each place (``point``).
        self._placed: dict[int, Point] = {}
        self._at_place: dict[Point, int] = {}

    def place(self, row: IncidentRow) -> Point | None:
        """Where an incident without coordinates is drawn: its region's point
        (``opscenter.geo.places``)."""
        return self._shown.places.get(row.region_id) if row.region_id is not None else None

    def shown_on_map(self, row: IncidentRow) -> bool:
        return coordinates(row) is not None or self.place(row) is not None

    def points(self) -> list[MapPoint]:
        """Every incident of the read as a point; incidents at one place sit on a small
        spiral around it, oldest nearest, so each keeps its spot as new ones arrive."""
        read = self._shown.read
        self._placed, self._at_place = {}, {}
        if read is None:
            return []
        rows = sorted(read.incidents, key=lambda r: (r.occurred_at, r.id))
        # Those with coordinates sit on them; the others share their region's point.
        places = [None if coordinates(row) else self.place(row) for row in rows]
        points = []
        for row, place, spot in zip(rows, places, spread(places, SPREAD_DEG), strict=True):
            if place is not None and spot is not None:
                self._placed[row.id] = spot
                self._at_place[place] = self._at_place.get(place, 0) + 1
            if self.shown_on_map(row):
                points.append(self.point(row))
        return points

    def point(self, row: IncidentRow) -> MapPoint:
        """The point of an incident: at its coordinates; without them where it was placed
        before, else the next spot on its region's spiral."""
        spot = coordinates(row) or self._placed.get(row.id)
        if spot is None:
            place = self.place(row)
            assert place is not None
            n = self._at_place.get(place, 0)
            self._at_place[place] = n + 1
            # The next spot on the place's spiral (a new incident: a few at a time).
            spot = spread([place] * (n + 1), SPREAD_DEG)[n] or place
            self._placed[row.id] = spot
        when = row.occurred_local.strftime("%d-%m-%Y %H:%M")
        return MapPoint(
            row.id,
            spot[0],
            spot[1],
            QColor(row.severity_colour),
            radius=incident_radius(row),
            text=f"{row.code} {row.title}\n{row.severity_name} · {row.region_name} · {when}",
        )
