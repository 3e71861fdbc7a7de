"""Region boundaries for the operation map: shipped shapes by Kemendagri code, hit tests.

No Qt here: the map widget, the printed map and incident coordinates build on this.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter.geo.shapes import LEVEL_FILES, Boundary, Feature, build, level_of, shipped
from opscenter.model.regions import Region

__all__ = [
    "LEVEL_FILES",
    "Boundary",
    "Feature",
    "boundaries",
    "build",
    "inside_operation",
    "level_boundaries",
    "level_of",
    "locate",
    "operation_boundaries",
]


def boundaries(codes: Iterable[str]) -> dict[str, Boundary]:
    """The shipped shapes of these codes, by code; a code without one is left out."""
    out: dict[str, Boundary] = {}
    for code in codes:
        level = level_of(code)
        if level is None:
            continue
        found = shipped(level).get(code)
        if found is not None:
            out[code] = found
    return out


def level_boundaries(level: str) -> list[Boundary]:
    """Every shipped shape of a level (all of Indonesia, except desa: Jambi and Babel)."""
    return list(shipped(level).values())


def locate(lon: float, lat: float, candidates: Iterable[Boundary]) -> Boundary | None:
    """The smallest candidate covering the point: an enclave (Kota Sungai Penuh) wins over
    the shape around it (Kabupaten Kerinci). None when no candidate covers it."""
    best: Boundary | None = None
    for b in candidates:
        if (best is None or b.area < best.area) and b.covers(lon, lat):
            best = b
    return best


def operation_boundaries(session: Session, operation_id: int, level: str) -> dict[int, Boundary]:
    """The operation's regions of a level that have a shape: region id -> boundary, matched
    by the region's Kemendagri code (regions without a code or a shape are left out)."""
    rows = session.execute(
        select(Region.id, Region.code).where(
            Region.operation_id == operation_id, Region.level == level, Region.code.is_not(None)
        )
    ).all()
    found = boundaries({code for _id, code in rows if code})
    return {rid: found[code] for rid, code in rows if code in found}


def inside_operation(session: Session, operation_id: int, lon: float, lat: float) -> bool:
    """The point lies in the operation's area: the union of its kabupaten/kota, or of its
    province where it lists none. An operation with no known shape cannot refuse a point:
    True then (there is nothing to check against)."""
    area = operation_boundaries(session, operation_id, "kabkota")
    if not area:
        area = operation_boundaries(session, operation_id, "provinsi")
    if not area:
        return True
    return any(b.covers(lon, lat) for b in area.values())
