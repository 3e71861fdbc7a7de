"""Region boundaries (opscenter.geo): shipped shapes by code, hit tests with an enclave, the
operation's area, repair of the source's invalid shapes, the demo regions' shapes."""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import shapely
from sqlalchemy import select

from opscenter import geo
from opscenter.demo import load_demo
from opscenter.geo import codes, shapes
from opscenter.model import Region, Unit
from opscenter.model.regions import REGION_LEVELS
from opscenter.resources import resources_dir
from opscenter.store import Store, open_store

KERINCI, SUNGAI_PENUH = "15.01", "15.72"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, dict[str, int]]]:
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('geo') / 'demo.db'}")
    ops = {name: load_demo(store, name) for name in ("jambi", "bangka")}
    yield store, ops
    store.dispose()


def test_shipped_levels_parse_whole_and_valid() -> None:
    """Every level parses; the README's counts; every shape valid after repair."""
    expected = {"provinsi": 38, "kabkota": 514, "kecamatan": 7285, "desa": 1959}
    for level in REGION_LEVELS:
        found = geo.level_boundaries(level)
        assert len(found) == expected[level]
        assert all(b.level == level for b in found)
        assert shapely.is_valid(np.array([b.shape for b in found])).all()
        for b in found[:50]:
            for polygon in b.parts:
                for ring in polygon:
                    assert ring.dtype == np.float64 and ring.ndim == 2 and ring.shape[1] == 2
                    assert (ring[0] == ring[-1]).all()


def test_kecamatan_parse_time() -> None:
    """A national caller loads 7,285 kecamatan: parsing the file stays well under the
    map's one-second budget per level on a quiet machine (generous bound: shared CI)."""
    path = resources_dir() / "geo" / shapes.LEVEL_FILES["kecamatan"]
    start = time.perf_counter()
    found = shapes.build(shapes.read_geojson(gzip.decompress(path.read_bytes())), "kecamatan")
    seconds = time.perf_counter() - start
    assert len(found) == 7285
    assert seconds < 10.0, seconds


def test_boundaries_by_code() -> None:
    found = geo.boundaries([KERINCI, SUNGAI_PENUH, "15", "15.01.01", "99.99", "x"])
    assert set(found) == {KERINCI, SUNGAI_PENUH, "15", "15.01.01"}
    assert found[KERINCI].name == "Kabupaten Kerinci"
    assert found[SUNGAI_PENUH].name == "Kota Sungai Penuh"
    assert found["15"].level == "provinsi"
    assert found["15.01.01"].level == "kecamatan"
    # Parsed once per level: the same objects come back.
    assert geo.boundaries([KERINCI])[KERINCI] is found[KERINCI]
    x0, y0, x1, y1 = found[KERINCI].bbox
    assert x0 < found[KERINCI].label_point[0] < x1 and y0 < found[KERINCI].label_point[1] < y1


def test_hit_test_enclave() -> None:
    """Kota Sungai Penuh lies inside Kabupaten Kerinci (Kerinci's outline wraps around it):
    at Sungai Penuh's label point it is Sungai Penuh, at Kerinci's it is Kerinci."""
    kabkota = geo.level_boundaries("kabkota")
    found = geo.boundaries([KERINCI, SUNGAI_PENUH])
    kerinci, sungai_penuh = found[KERINCI], found[SUNGAI_PENUH]
    assert shapely.convex_hull(kerinci.shape).contains(sungai_penuh.shape)  # an enclave
    hit = geo.locate(*kerinci.label_point, kabkota)
    assert hit is not None and hit.code == KERINCI
    hit = geo.locate(*sungai_penuh.label_point, kabkota)
    assert hit is not None and hit.code == SUNGAI_PENUH
    # Where a shape lies over its enclave (no hole), the smaller one wins.
    whole = shapes.build(
        [
            shapes.Feature(
                KERINCI,
                "Kabupaten Kerinci",
                shapely.geometry.mapping(kerinci.shape.union(sungai_penuh.shape)),
            ),
        ],
        "kabkota",
    )[0]
    assert whole.covers(*sungai_penuh.label_point)
    hit = geo.locate(*sungai_penuh.label_point, [whole, sungai_penuh])
    assert hit is sungai_penuh
    assert geo.locate(*sungai_penuh.label_point, [sungai_penuh, whole]) is sungai_penuh
    assert geo.locate(0.0, 0.0, kabkota) is None  # the Gulf of Guinea
    assert geo.locate(*kerinci.label_point, []) is None


def test_every_label_point_hits_its_own_shape() -> None:
    """Label points avoid enclaves at every level (a label there would name the enclave)."""
    for level in ("provinsi", "kabkota"):
        found = geo.level_boundaries(level)
        for b in found:
            hit = geo.locate(*b.label_point, found)
            assert hit is not None and hit.code == b.code, (level, b.code)


def test_inside_operation(demo: tuple[Store, dict[str, int]]) -> None:
    store, ops = demo
    ker, sp, bangka, kota_jambi = (
        geo.boundaries([KERINCI, SUNGAI_PENUH, "19.01", "15.71"])[c]
        for c in (KERINCI, SUNGAI_PENUH, "19.01", "15.71")
    )
    with store.read() as session:
        for point in (ker.label_point, sp.label_point, kota_jambi.label_point):
            assert geo.inside_operation(session, ops["jambi"], *point)
            assert not geo.inside_operation(session, ops["bangka"], *point)
        assert geo.inside_operation(session, ops["bangka"], *bangka.label_point)
        assert not geo.inside_operation(session, ops["jambi"], *bangka.label_point)
        # Padang (Sumatera Barat), Jakarta, the sea off Bangka: outside both.
        for lon, lat in ((100.35, -0.95), (106.83, -6.18), (104.5, -1.0)):
            assert not geo.inside_operation(session, ops["jambi"], lon, lat)
            assert not geo.inside_operation(session, ops["bangka"], lon, lat)


def test_operation_boundaries(demo: tuple[Store, dict[str, int]]) -> None:
    store, ops = demo
    with store.read() as session:
        kab = geo.operation_boundaries(session, ops["jambi"], "kabkota")
        rows = session.execute(
            select(Region.id, Region.code).where(
                Region.operation_id == ops["jambi"], Region.level == "kabkota"
            )
        ).all()
    assert len(rows) == 11
    assert {rid: b.code for rid, b in kab.items()} == {rid: code for rid, code in rows}


def _square(x: float, y: float, size: float) -> list[list[float]]:
    return [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]


def test_invalid_shapes_are_repaired() -> None:
    """A bow-tie ring (self-intersecting), overlapping islands, junk rings: repaired or
    dropped, never a crash; a shape with nothing polygonal left is left out."""
    bow_tie = [[0.0, 0.0], [2.0, 2.0], [2.0, 0.0], [0.0, 2.0], [0.0, 0.0]]
    features = [
        shapes.Feature("15.01.01", "Bow Tie", {"type": "Polygon", "coordinates": [bow_tie]}),
        shapes.Feature(
            "15.01.02",
            "Islands",
            {
                "type": "MultiPolygon",
                "coordinates": [
                    [_square(10, 0, 2)],
                    [_square(10.5, 0.5, 0.5)],  # nested inside the first
                    [_square(11, 1, 2)],  # overlapping it
                    [[[10, 5], [11, 5], [10, 5]]],  # too few points: dropped
                ],
            },
        ),
        shapes.Feature(
            "15.01.03",
            "Open ring",  # not closed: closed on load
            {"type": "Polygon", "coordinates": [[[20, 0], [21, 0], [21, 1], [20, 1]]]},
        ),
        shapes.Feature("15.01.04", "Line", {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}),
        shapes.Feature(
            "15.01.05",
            "Flat",
            {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [2, 2], [0, 0]]]},
        ),
        shapes.Feature("15.01.06", "Junk", {"type": "Polygon", "coordinates": [["a", None]]}),
    ]
    assert not shapely.Polygon(bow_tie).is_valid
    built = {b.code: b for b in shapes.build(features, "kecamatan")}
    assert set(built) == {"15.01.01", "15.01.02", "15.01.03"}
    for b in built.values():
        assert b.shape.is_valid
    assert built["15.01.01"].area == pytest.approx(2.0)  # two triangles
    assert built["15.01.02"].area == pytest.approx(7.0)  # 4 + 4 - 1 overlap
    assert built["15.01.03"].area == pytest.approx(1.0)
    bow = built["15.01.01"]
    assert bow.covers(1.5, 1.0) and bow.covers(0.5, 1.0) and not bow.covers(1.0, 0.5)
    assert built["15.01.02"].covers(12.5, 2.5)
    assert geo.locate(10.7, 0.7, built.values()) is built["15.01.02"]


def test_a_real_invalid_shape_is_repaired() -> None:
    """Kecamatan Kuala (11.15.01) in the source has rings of too few points: make_valid."""
    path = resources_dir() / "geo" / shapes.LEVEL_FILES["kecamatan"]
    doc = json.loads(gzip.decompress(path.read_bytes()))
    [raw] = [f for f in doc["features"] if f["properties"]["kode"] == "11.15.01"]
    exterior, *holes = raw["geometry"]["coordinates"]
    assert not shapely.Polygon(exterior, holes).is_valid
    kuala = geo.boundaries(["11.15.01"])["11.15.01"]
    assert kuala.shape.is_valid and kuala.area > 0
    assert geo.locate(*kuala.label_point, geo.level_boundaries("kecamatan")) is kuala


def test_resources_are_in_the_bundle() -> None:
    spec = (Path(__file__).resolve().parents[2] / "build.spec").read_text(encoding="utf-8")
    assert '"resources" / "geo"' in spec
    licence = (resources_dir() / "geo" / "LICENSE").read_text(encoding="utf-8")
    assert "Copyright (c) Cahya DSN" in licence and "3c5a796" in licence


def test_every_demo_region_has_its_boundary(demo: tuple[Store, dict[str, int]]) -> None:
    """Jambi and Bangka: every region has its Kemendagri code and official name, and a
    shipped boundary; kecamatan and desa lie in their parent's code; Polsek follow names."""
    store, ops = demo
    listed = codes.official_names()
    with store.read() as session:
        for name, op in ops.items():
            regions = session.scalars(select(Region).where(Region.operation_id == op)).all()
            by_id = {r.id: r for r in regions}
            levels = {r.level for r in regions}
            assert levels == set(REGION_LEVELS), name
            for level in REGION_LEVELS:
                found = geo.operation_boundaries(session, op, level)
                mine = [r for r in regions if r.level == level]
                assert set(found) == {r.id for r in mine}, (name, level)
            for r in regions:
                assert r.code is not None, r.name
                assert geo.boundaries([r.code])[r.code].level == r.level
                if r.parent_id is not None:
                    assert r.code.rpartition(".")[0] == by_id[r.parent_id].code, r.name
                if r.level in ("kecamatan", "desa"):
                    assert r.name == codes.region_name(r.code, listed[r.code])
                    # The two sources differ in case now and then ("Teluk kecimbung").
                    shape_name = geo.boundaries([r.code])[r.code].name
                    assert shape_name.casefold() == listed[r.code].casefold()
            polsek = {
                u.name
                for u in session.scalars(select(Unit).where(Unit.operation_id == op))
                if u.name.startswith("Polsek ")
            }
            kecamatan = {
                r.name.removeprefix("Kecamatan ") for r in regions if r.level == "kecamatan"
            }
            assert polsek == {f"Polsek {k}" for k in kecamatan}, name
        desa = session.scalars(
            select(Region.name).where(Region.operation_id == ops["jambi"], Region.level == "desa")
        ).all()
    kelurahan = [n for n in desa if n.startswith("Kelurahan ")]
    assert kelurahan and len(kelurahan) < len(desa)  # Kota Jambi's are kelurahan
    assert all(n.startswith(("Desa ", "Kelurahan ")) for n in desa)


def test_the_cache_gives_back_exactly_what_was_built(tmp_path: Path) -> None:
    """A level kept in the cache reads back equal to a fresh build, rings and repaired
    shapes included; the file and its folder are private."""
    from opscenter.geo import cache

    path = resources_dir() / "geo" / shapes.LEVEL_FILES["kabkota"]
    built = shapes.build(shapes.read_geojson(gzip.decompress(path.read_bytes())), "kabkota")
    kept = tmp_path / "geo" / "kabkota.npz"
    cache.save(kept, built)
    assert kept.stat().st_mode & 0o777 == 0o600
    assert kept.parent.stat().st_mode & 0o777 == 0o700
    again = cache.load(kept)
    assert again is not None and len(again) == len(built) == 514
    for a, b in zip(built, again, strict=True):
        assert a == b and a.area == b.area and a.level == b.level
        assert shapely.equals_exact(a.shape, b.shape, tolerance=0)
        assert len(a.parts) == len(b.parts)
        for pa, pb in zip(a.parts, b.parts, strict=True):
            assert len(pa) == len(pb)
            assert all(np.array_equal(ra, rb) for ra, rb in zip(pa, pb, strict=True))
    assert not list(kept.parent.glob("*.tmp"))  # written whole, then renamed


def test_a_damaged_cache_is_read_afresh(tmp_path: Path) -> None:
    from opscenter.geo import cache

    kept = tmp_path / "kabkota.npz"
    kept.write_bytes(b"PK\x03\x04 not really a zip")
    assert cache.load(kept) is None
    assert cache.load(tmp_path / "missing.npz") is None


def test_the_cache_belongs_to_its_source_file() -> None:
    from opscenter.geo import cache

    a = cache.cache_path("kabkota", b"one file")
    assert a == cache.cache_path("kabkota", b"one file")
    assert a != cache.cache_path("kabkota", b"another file")
    assert a != cache.cache_path("kecamatan", b"one file")
    assert f"v{cache.FORMAT}" in a.name


def test_a_name_goes_inside_its_region_clear_of_the_marks_and_breaks_in_two_where_narrowest() -> (
    None
):
    """``labels.place_inside``: beside the label point first, then wherever in the region's
    box the shape test holds and no mark or name is under it; ``two_lines`` breaks where the
    wider line is narrowest."""
    from opscenter.geo import labels

    area = (0.0, 0.0, 100.0, 40.0)
    frame = (0.0, 0.0, 200.0, 200.0)

    def within(b: labels.Box) -> bool:  # the region: the box's left half
        return b[0] >= 0 and b[1] >= 0 and b[2] <= 50 and b[3] <= 40

    beside = labels.place_inside(
        [(25.0, 10.0)], 30, 10, gap=2, frame=frame, area=area, placed=[], marks=[], within=within
    )
    assert beside == (10.0, 12.0, 40.0, 22.0)  # below the point
    # Marks over the point's spots: the name finds a clear spot elsewhere, still inside.
    marks = [(0.0, 0.0, 50.0, 24.0)]
    spot = labels.place_inside(
        [(25.0, 10.0), (25.0, 20.0)],
        30,
        10,
        gap=2,
        frame=frame,
        area=area,
        placed=[],
        marks=marks,
        within=within,
    )
    assert spot is not None and within(spot) and not labels.overlaps(spot, marks[0])
    # No room clear of the marks inside: none (the caller falls back to a line).
    assert (
        labels.place_inside(
            [(25.0, 10.0)],
            30,
            10,
            gap=2,
            frame=frame,
            area=area,
            placed=[],
            marks=[(0.0, 0.0, 50.0, 40.0)],
            within=within,
        )
        is None
    )
    assert labels.two_lines("Kab. Tanjung Jabung Barat", len) == "Kab. Tanjung\nJabung Barat"
    assert labels.two_lines("Tebo", len) is None


def test_a_name_on_a_line_keeps_off_the_land_it_would_hide() -> None:
    """``labels.place(hides=...)``: of the spots on a line, those that hide land come last."""
    from opscenter.geo import labels

    at, frame = (100.0, 100.0), (0.0, 0.0, 200.0, 200.0)
    marks = [(70.0, 85.0, 130.0, 115.0)]  # every spot beside the point is taken

    def below(b: labels.Box) -> bool:  # the land: below the point
        return b[3] > 100

    plain = labels.place(at, 40, 10, gap=2, fits=True, frame=frame, placed=[], marks=marks)
    kept = labels.place(
        at, 40, 10, gap=2, fits=True, frame=frame, placed=[], marks=marks, hides=below
    )
    assert plain is not None and kept is not None and plain.leader and kept.leader
    assert below(plain.box) and not below(kept.box)
