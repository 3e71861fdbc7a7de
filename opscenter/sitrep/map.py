"""The report's map: the operation's kabupaten/kota coloured by Polri's highest vulnerability
level of the current stage, and the period's incidents as points.

Plain data for ``reports/`` to draw as vectors: each region's outline simplified to what a
page can show (about a thousandth of the area's width, a fraction of a millimetre on paper),
rounded to 4 decimals (11 m). An incident sits at its own coordinates when it has them, else
at the label point of its desa, kecamatan or kabupaten/kota, whichever is the nearest with a
shape (``opscenter.geo.places``); one with no place at all is counted, not drawn.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import shapely
from sqlalchemy.orm import Session

from opscenter.geo import operation_boundaries
from opscenter.geo.places import Point, region_points, spread
from opscenter.model import Stage
from opscenter.sitrep.content import MapArea, MapIncident, SitrepMap
from opscenter.sitrep.incidents import PeriodIncidents
from opscenter.sitrep.lookups import Lookups
from opscenter.sitrep.period import stage_ref
from opscenter.sitrep.vulnerability import Ratings

# Outline detail kept, as a share of the larger side of the area drawn.
DETAIL = 0.001
DECIMALS = 4
# Incidents at one place: each next one this share of the area's larger side further out.
SPREAD = 0.012


def _flat(ring: Sequence[Sequence[float]]) -> tuple[float, ...]:
    return tuple(round(float(v), DECIMALS) for xy in ring for v in xy)


def _outline(
    shape: shapely.Geometry, tolerance: float
) -> tuple[tuple[tuple[float, ...], ...], ...]:
    """Each polygon of ``shape`` as (exterior, *holes), each ring a flat (lon, lat, ...) tuple;
    rings simplified away to nothing are dropped."""
    simple = shapely.simplify(shape, tolerance, preserve_topology=True)
    polygons = getattr(simple, "geoms", [simple])
    out = []
    for p in polygons:
        if p.is_empty or p.geom_type != "Polygon":
            continue
        rings = [p.exterior, *p.interiors]
        kept = tuple(_flat(r.coords) for r in rings if len(r.coords) >= 4)
        if kept and len(kept[0]) >= 8:
            out.append(kept)
    return tuple(out)


def sitrep_map(
    session: Session,
    ref: Lookups,
    rates: Ratings,
    stage: Stage | None,
    found: PeriodIncidents,
    coordinates: Mapping[int, Point],
) -> SitrepMap | None:
    """The map for ``stage`` (the current one) and the period's incidents; None when the
    operation has no kabupaten/kota with a shape. ``coordinates``: incident id -> its own
    (lon, lat), where recorded."""
    shapes = operation_boundaries(session, ref.operation_id, "kabkota")
    if not shapes:
        return None
    x0 = min(b.bbox[0] for b in shapes.values())
    y0 = min(b.bbox[1] for b in shapes.values())
    x1 = max(b.bbox[2] for b in shapes.values())
    y1 = max(b.bbox[3] for b in shapes.values())
    tolerance = DETAIL * max(x1 - x0, y1 - y0)
    areas = []
    for rid, b in sorted(shapes.items(), key=lambda kv: ref.kabkota_names.get(kv[0], kv[1].name)):
        rank = 0
        if stage is not None:
            rank = max(
                (
                    rates.level_rank.get(rates.of.get((stage.id, rid, a.id), -1), 0)
                    for a in rates.aspects
                ),
                default=0,
            )
        areas.append(
            MapArea(
                ref.kabkota_names.get(rid, b.name),
                rank,
                (round(b.label_point[0], DECIMALS), round(b.label_point[1], DECIMALS)),
                _outline(b.shape, tolerance),
            )
        )
    places = region_points(session, ref.operation_id)
    where = [
        coordinates.get(r.id) or (places.get(r.region_id) if r.region_id is not None else None)
        for r in found.rows
    ]
    # Incidents at one place (a kabupaten's label point) set apart by about 2 mm on paper.
    spots = spread(where, SPREAD * max(x1 - x0, y1 - y0))
    points = []
    for r, at in zip(found.rows, spots, strict=True):
        if at is not None:
            item = found.by_id[r.id]
            points.append(
                MapIncident(
                    round(at[0], DECIMALS),
                    round(at[1], DECIMALS),
                    item.severity_rank,
                    item.dead + item.injured,
                )
            )
    return SitrepMap(
        stage=stage_ref(stage, ref.lang) if stage is not None else None,
        level_names=tuple(ref.name(lv) for lv in rates.levels),
        severity_names=tuple(ref.name(s) for s in ref.severities),
        severity_colours=tuple(s.colour for s in ref.severities),
        areas=tuple(areas),
        incidents=tuple(points),
        unplaced=len(found.rows) - len(points),
        bbox=(x0, y0, x1, y1),
    )
