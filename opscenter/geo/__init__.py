"""Region boundaries for the operation map: shipped shapes by Kemendagri code, hit tests.

No Qt here: the map widget, the printed map and incident coordinates build on this.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter.geo.boundary import Boundary
from opscenter.geo.shapes import LEVEL_FILES, Feature, build, level_of, shipped
from opscenter.model.regions import Region, RegionBoundary

__all__ = [
    "LEVEL_FILES",
    "Boundary",
    "Feature",
    "boundaries",
    "build",
    "imported",
    "inside_operation",
    "level_boundaries",
    "level_of",
    "locate",
    "operation_boundaries",
]


def boundaries(codes: Iterable[str], session: Session | None = None) -> dict[str, Boundary]:
    """The shapes of these codes, by code; a code without one is left out. With a session,
    a shape the command room imported (``region_boundary``) wins over the shipped one."""
    wanted = list(dict.fromkeys(codes))
    out: dict[str, Boundary] = imported(session, wanted) if session is not None else {}
    for code in wanted:
        if code in out:
            continue
        level = level_of(code)
        if level is None:
            continue
        found = shipped(level).get(code)
        if found is not None:
            out[code] = found
    return out


_imported: dict[str, Boundary | None] = {}  # by the row's content (see ``imported``)
_IMPORTED_KEPT = 20_000  # more than a national set of kecamatan; then it starts over


def imported(session: Session, codes: Iterable[str]) -> dict[str, Boundary]:
    """The imported shapes of these codes (repaired as the shipped ones are), by code. Each
    shape is built once per content: a key of the row's id and version would mix up two
    databases of one process (an exercise's copy, a test's)."""
    wanted = list(codes)
    out: dict[str, Boundary] = {}
    for chunk in range(0, len(wanted), 500):
        rows = session.scalars(
            select(RegionBoundary).where(RegionBoundary.code.in_(wanted[chunk : chunk + 500]))
        )
        for row in rows:
            key = json.dumps([row.code, row.level, row.name, row.geometry], sort_keys=True)
            if key not in _imported:
                if len(_imported) >= _IMPORTED_KEPT:
                    _imported.clear()
                built = build([Feature(row.code, row.name, row.geometry)], row.level)
                _imported[key] = built[0] if built else None
            found = _imported[key]
            if found is not None:
                out[row.code] = found
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
    found = boundaries({code for _id, code in rows if code}, session)
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
