"""Region boundaries: the shapes shipped in resources/geo, parsed once per level and repaired.

The source (resources/geo/LICENSE) simplified every shape on its own: neighbours overlap or
leave slivers between them, and some rings cross themselves (about 126 of 514 kabupaten/kota,
293 of 7,285 kecamatan). Such a shape is repaired when it is loaded (shapely's ``make_valid``,
polygonal parts only); a shape with nothing polygonal left is dropped, never a crash.
"""

from __future__ import annotations

import gzip
import json
import math
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np
import shapely
from shapely import GeometryType

from opscenter.model.regions import REGION_LEVELS
from opscenter.resources import resources_dir

# One GeoJSON file per level; desa/kelurahan only for Jambi and Kepulauan Bangka Belitung.
LEVEL_FILES = {
    "provinsi": "provinsi.geojson.gz",
    "kabkota": "kabkota.geojson.gz",
    "kecamatan": "kecamatan.geojson.gz",
    "desa": "desa-jambi-babel.geojson.gz",
}
Ring = np.ndarray  # (n, 2) float64, [lon, lat]


@dataclass(frozen=True)
class Boundary:
    """One region's shape. Equal boundaries have the same code, name, level and extent."""

    code: str  # Kemendagri, "15.01"
    name: str  # official name
    level: str  # one of REGION_LEVELS
    # Polygons; each is (exterior, *holes), arrays (n, 2) float64 [lon, lat], rings closed.
    parts: tuple[tuple[Ring, ...], ...] = field(compare=False, repr=False)
    label_point: tuple[float, float]  # (lon, lat) inside the shape, outside its enclaves
    bbox: tuple[float, float, float, float]  # min lon, min lat, max lon, max lat
    # The same shape for computing (valid: repaired when loaded), and its area in degrees².
    shape: shapely.MultiPolygon = field(compare=False, repr=False)
    area: float = field(compare=False, repr=False)

    def covers(self, lon: float, lat: float) -> bool:
        """The point lies inside the shape or on its edge."""
        x0, y0, x1, y1 = self.bbox
        if not (x0 <= lon <= x1 and y0 <= lat <= y1):
            return False
        shapely.prepare(self.shape)  # once per shape; later calls return at once
        return bool(shapely.intersects_xy(self.shape, lon, lat))


class Feature(NamedTuple):
    """A shape as read from a file: code, name, a GeoJSON geometry, the source's own label."""

    code: str
    name: str
    geometry: Mapping[str, Any]
    hint: tuple[float, float] | None = None  # (lon, lat), used when it lies inside


def level_of(code: str) -> str | None:
    """The level a Kemendagri code names by its number of parts ("15.01" -> kabkota)."""
    parts = code.split(".")
    if len(parts) > len(REGION_LEVELS) or not all(p.isdigit() for p in parts):
        return None
    return REGION_LEVELS[len(parts) - 1]


def _polygons(geometry: Mapping[str, Any]) -> list[Any]:
    """The polygons of a GeoJSON geometry, as nested coordinate lists; others are skipped."""
    kind = geometry.get("type")
    coords = geometry.get("coordinates")
    if kind == "Polygon" and isinstance(coords, list | tuple):
        return [coords]
    if kind == "MultiPolygon" and isinstance(coords, list | tuple):
        return list(coords)
    if kind == "GeometryCollection":
        return [p for g in geometry.get("geometries") or () for p in _polygons(g)]
    return []


def _ring(points: Any) -> Ring | None:
    """A closed ring of at least four points, or None (the source's junk is dropped here;
    rings that cross themselves are left to the repair)."""
    if not isinstance(points, list | tuple) or len(points) < 3:
        return None
    try:
        ring = np.asarray(points, dtype=np.float64)
    except (TypeError, ValueError):  # ragged or not numbers
        return None
    if ring.ndim != 2 or ring.shape[1] < 2:
        return None
    if ring.shape[1] > 2:  # a height or a measure
        ring = np.ascontiguousarray(ring[:, :2])
    if not np.isfinite(ring).all():
        return None
    if points[0] != points[-1]:
        ring = np.vstack([ring, ring[:1]])
    return ring if len(ring) >= 4 else None


def _parts_of(shape: Any) -> tuple[tuple[Ring, ...], ...]:
    polygons = shapely.get_parts(shape)
    return tuple(
        (
            shapely.get_coordinates(shapely.get_exterior_ring(p)),
            *(
                shapely.get_coordinates(shapely.get_interior_ring(p, i))
                for i in range(shapely.get_num_interior_rings(p))
            ),
        )
        for p in polygons
    )


def _polygonal(shape: Any) -> shapely.MultiPolygon:
    """The polygonal parts of a shape or a list of shapes (make_valid adds lines, points)."""
    polygons: list[shapely.Polygon] = []
    todo = list(shape) if isinstance(shape, list) else [shape]
    while todo:
        g = todo.pop()
        if isinstance(g, shapely.Polygon):
            if not g.is_empty:
                polygons.append(g)
        elif isinstance(g, shapely.MultiPolygon | shapely.GeometryCollection):
            todo.extend(g.geoms)
    polygons.reverse()
    return shapely.MultiPolygon(polygons)


def _repaired(shape: Any) -> shapely.MultiPolygon:
    """A valid shape covering what the invalid one meant; empty when GEOS cannot repair it.

    Most invalid source shapes are islands whose simplified outlines overlap (GEOS: "nested
    shells"): each polygon is repaired on its own, which is cheap, and the parts are merged.
    """
    try:
        parts = shapely.get_parts(shape)
        ok = shapely.is_valid(parts)
        fixed = shapely.get_parts(
            _polygonal(
                [p if good else shapely.make_valid(p) for p, good in zip(parts, ok, strict=True)]
            )
        )
        # A part lying inside another adds nothing: dropping it is cheaper than a union.
        inner, outer = shapely.STRtree(fixed).query(fixed, predicate="within")
        pairs = set(zip(inner.tolist(), outer.tolist(), strict=True))
        # Of two equal parts (each within the other) the first stays.
        nested = {i for i, o in pairs if i != o and ((o, i) not in pairs or o < i)}
        kept = shapely.MultiPolygon([p for i, p in enumerate(fixed) if i not in nested])
        if kept.is_valid:
            return kept
        merged = _polygonal(shapely.union_all(shapely.get_parts(kept)))
        if merged.is_valid:
            return merged
    except shapely.errors.GEOSException:
        pass
    try:
        merged = _polygonal(shapely.make_valid(shape, method="structure", keep_collapsed=False))
    except shapely.errors.GEOSException:
        return shapely.MultiPolygon()
    return merged if merged.is_valid else shapely.MultiPolygon()


def build(features: Iterable[Feature], level: str) -> list[Boundary]:
    """Boundaries from features: invalid shapes repaired, empty ones dropped, in input order."""
    kept: list[Feature] = []
    coords: list[Ring] = []
    ring_ends: list[int] = [0]
    poly_ends: list[int] = [0]
    geom_ends: list[int] = [0]
    n = 0
    for f in features:
        polys = 0
        for polygon in _polygons(f.geometry):
            rings = [
                r
                for r in map(_ring, polygon if isinstance(polygon, list | tuple) else ())
                if r is not None
            ]
            if not rings:
                continue
            for r in rings:
                coords.append(r)
                n += len(r)
                ring_ends.append(n)
            poly_ends.append(poly_ends[-1] + len(rings))
            polys += 1
        if polys:
            kept.append(f)
            geom_ends.append(geom_ends[-1] + polys)
    if not kept:
        return []
    flat = np.concatenate(coords)
    offsets = tuple(np.asarray(o, dtype=np.int64) for o in (ring_ends, poly_ends, geom_ends))
    shapes = shapely.from_ragged_array(GeometryType.MULTIPOLYGON, flat, offsets)
    valid = shapely.is_valid(shapes)
    for bad in np.flatnonzero(~valid).tolist():
        shapes[bad] = _repaired(shapes[bad])
    areas = shapely.area(shapes)
    bounds = shapely.bounds(shapes)
    labels = _label_points(kept, shapes, areas)
    out: list[Boundary] = []
    for i, f in enumerate(kept):
        if valid[i]:  # the rings as read (closed, at least four points)
            parts = tuple(
                tuple(coords[poly_ends[p] : poly_ends[p + 1]])
                for p in range(geom_ends[i], geom_ends[i + 1])
            )
        else:
            parts = _parts_of(shapes[i])
        if not parts:
            continue  # nothing polygonal left after repair
        x0, y0, x1, y1 = (float(v) for v in bounds[i])
        out.append(
            Boundary(
                code=f.code,
                name=f.name,
                level=level,
                parts=parts,
                label_point=labels[i],
                bbox=(x0, y0, x1, y1),
                shape=shapes[i],
                area=float(areas[i]),
            )
        )
    return out


def _label_points(
    features: Sequence[Feature], shapes: np.ndarray, areas: np.ndarray
) -> list[tuple[float, float]]:
    """A point inside each shape and outside any smaller shape lying over it (an enclave:
    Kota Sungai Penuh inside Kabupaten Kerinci), so that a hit test there finds this shape."""
    points = shapely.point_on_surface(shapes)
    for i, f in enumerate(features):
        hint = f.hint
        if (
            hint is not None
            and all(map(math.isfinite, hint))
            and shapely.intersects_xy(shapes[i], *hint)
        ):
            points[i] = shapely.points(hint)
    tree = shapely.STRtree(shapes)
    pt_idx, shape_idx = tree.query(points, predicate="intersects")
    covered: dict[int, list[int]] = {}
    for p, s in zip(pt_idx.tolist(), shape_idx.tolist(), strict=True):
        if p != s and areas[s] < areas[p]:
            covered.setdefault(p, []).append(s)
    for p, smaller in covered.items():
        rest = shapely.difference(shapes[p], shapely.union_all(shapes[smaller]))
        if not rest.is_empty:
            points[p] = shapely.point_on_surface(rest)
    return [
        (math.nan, math.nan) if p.is_empty else (float(p.x), float(p.y)) for p in points.tolist()
    ]


def read_geojson(data: bytes | str) -> list[Feature]:
    """Features of a GeoJSON FeatureCollection with ``kode``/``nama`` (the shipped files)."""
    doc = json.loads(data)
    out: list[Feature] = []
    for f in doc.get("features") or ():
        props = f.get("properties") or {}
        code, name = props.get("kode"), props.get("nama")
        if not isinstance(code, str) or not isinstance(name, str) or not f.get("geometry"):
            continue
        lon, lat = props.get("lng"), props.get("lat")
        hint = (
            (float(lon), float(lat))
            if isinstance(lon, int | float) and isinstance(lat, int | float)
            else None
        )
        out.append(Feature(code, name, f["geometry"], hint))
    return out


_lock = threading.Lock()
_shipped: dict[str, dict[str, Boundary]] = {}


def shipped(level: str) -> dict[str, Boundary]:
    """Every shipped boundary of a level by code, parsed on first use and kept."""
    if level not in LEVEL_FILES:
        raise ValueError(f"unknown region level {level!r}")
    with _lock:
        found = _shipped.get(level)
        if found is None:
            path = resources_dir() / "geo" / LEVEL_FILES[level]
            features = read_geojson(gzip.decompress(path.read_bytes()))
            found = {b.code: b for b in build(features, level)}
            _shipped[level] = found
        return found
