"""Where a region sits on the map: one point per region of an operation.

An incident, a TPS or a post recorded against a desa is drawn at that desa's label point
when the desa has a shape; otherwise at the label point of the nearest region above it that
has one (its kecamatan, then its kabupaten/kota). Regions are matched to shapes by their
Kemendagri code, never by point-in-polygon (resources/geo/LICENSE: the shapes overlap a
little). The map panel and the printed map place points through this one function.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter.geo import boundaries
from opscenter.model.regions import Region
from opscenter.units import climb

Point = tuple[float, float]  # (lon, lat)


def region_points(session: Session, operation_id: int) -> dict[int, Point]:
    """Region id -> (lon, lat) for every region of the operation that has a shape, itself or
    above it. Regions with no shape anywhere up their line are left out."""
    rows = session.execute(
        select(Region.id, Region.parent_id, Region.code).where(Region.operation_id == operation_id)
    ).all()
    parent = {int(rid): pid for rid, pid, _code in rows}
    shapes = boundaries({code for _rid, _pid, code in rows if code}, session)
    own: dict[int, Point] = {
        int(rid): shapes[code].label_point
        for rid, _pid, code in rows
        if code in shapes and all(map(math.isfinite, shapes[code].label_point))
    }
    out: dict[int, Point] = {}
    for rid in parent:
        found = climb(rid, parent, own.__contains__)
        if found is not None:
            out[rid] = own[found]
    return out


GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def spread(places: Iterable[Point | None], step: float) -> list[Point | None]:
    """Points at one place set apart so that each is seen: the n-th at a place (in the order
    given) on a sunflower spiral around it, ``step`` × √n away (degrees), the first on the
    place itself. Keeping the order (oldest first) keeps each point's spot as more arrive.
    None (no place) stays None."""
    seen: dict[Point, int] = {}
    out: list[Point | None] = []
    for p in places:
        if p is None:
            out.append(None)
            continue
        n = seen.get(p, 0)
        seen[p] = n + 1
        r = step * math.sqrt(n)
        out.append((p[0] + r * math.cos(n * GOLDEN_ANGLE), p[1] + r * math.sin(n * GOLDEN_ANGLE)))
    return out
