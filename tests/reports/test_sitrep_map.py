"""The situation report's map (issue 16): the core's content against the database, and the
PDF's vector drawing read back from the file -- each kabupaten/kota filled in its level's
colour, every incident of the period drawn, names that never overlap, the page rendered."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pdfplumber
import pytest
from reportlab.graphics.shapes import Rect
from reportlab.lib import colors
from sqlalchemy import select

from opscenter import sitrep
from opscenter.demo import load_demo
from opscenter.geo import operation_boundaries
from opscenter.geo.places import region_points, spread
from opscenter.model import Incident, Region, Stage, VulnerabilityRating
from opscenter.store import Store, open_store
from reports import maps
from reports.sitrep import write_pdf
from reports.sitrep.tables import RANK_COLOURS

WIB = ZoneInfo("Asia/Jakarta")
LO = datetime(2024, 11, 26, 0, 0, tzinfo=WIB)
HI = datetime(2024, 11, 27, 18, 0, tzinfo=WIB)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, int]]:
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('sitrep-map') / 'jambi.db'}")
    op = load_demo(store, "jambi")
    try:
        yield store, op
    finally:
        store.dispose()


@pytest.fixture(scope="module")
def report(demo: tuple[Store, int]) -> sitrep.Sitrep:
    with demo[0].read() as s:
        return sitrep.assemble(s, period_from=LO, period_to=HI)


def test_every_kabupaten_is_on_the_map_in_its_highest_level(
    demo: tuple[Store, int], report: sitrep.Sitrep
) -> None:
    store, op = demo
    m = report.map
    assert m is not None and m.stage is not None
    with store.read() as s:
        kab = dict(
            s.execute(
                select(Region.id, Region.name).where(
                    Region.operation_id == op, Region.level == "kabkota"
                )
            ).all()
        )
        assert set(operation_boundaries(s, op, "kabkota")) == set(kab)
        stage_id = s.execute(
            select(Stage.id).where(Stage.operation_id == op, Stage.code == m.stage.code)
        ).scalar_one()
        # The highest level of each kabupaten over every aspect, by the level's ordinal.
        ranks: dict[str, int] = {}
        for region_id, level_id in s.execute(
            select(VulnerabilityRating.region_id, VulnerabilityRating.level_id).where(
                VulnerabilityRating.stage_id == stage_id, VulnerabilityRating.source == "polri"
            )
        ):
            rank = [lv.id for lv in _levels(s, op)].index(level_id) + 1
            ranks[kab[region_id]] = max(ranks.get(kab[region_id], 0), rank)
    assert {a.name: a.rank for a in m.areas} == {name: ranks.get(name, 0) for name in kab.values()}
    assert {a.name for a in m.areas if a.rank == 3} >= {"Kabupaten Kerinci"}
    for a in m.areas:
        assert a.parts and all(len(ring) >= 8 and len(ring) % 2 == 0 for p in a.parts for ring in p)


def _levels(s: object, op: int) -> list[object]:
    from opscenter.model import VulnerabilityLevel
    from opscenter.reference import items

    return list(items(s, VulnerabilityLevel, op))  # type: ignore[arg-type]


def test_every_incident_of_the_period_is_placed_in_its_region(
    demo: tuple[Store, int], report: sitrep.Sitrep
) -> None:
    store, op = demo
    m = report.map
    assert m is not None
    with store.read() as s:
        n = len(
            s.execute(
                select(Incident.id).where(
                    Incident.operation_id == op,
                    Incident.occurred_at >= LO,
                    Incident.occurred_at < HI,
                )
            ).all()
        )
        places = region_points(s, op)
        shapes = operation_boundaries(s, op, "kabkota")
        regions = s.execute(select(Region.id).where(Region.operation_id == op)).scalars().all()
    assert n > 10 and len(m.incidents) + m.unplaced == n == report.incidents_total
    assert m.unplaced == 0  # every demo incident has a region with a shape up its line
    assert set(places) == set(regions)  # every desa, kecamatan and kabupaten of the demo
    area = shapely_union(shapes.values())
    for p in m.incidents:
        # Spread around its place by at most a few hundredths of a degree.
        assert area.distance(shapely_point(p.lon, p.lat)) < 0.1


def shapely_union(bs: object) -> object:
    import shapely

    return shapely.union_all([b.shape for b in bs])  # type: ignore[attr-defined]


def shapely_point(lon: float, lat: float) -> object:
    import shapely

    return shapely.Point(lon, lat)


def test_spread_keeps_the_first_at_its_place_and_sets_the_rest_apart() -> None:
    a, b = (103.0, -1.0), (104.0, -2.0)
    out = spread([a, b, a, None, a], 0.01)
    assert out[0] == a and out[1] == b and out[3] is None
    assert out[2] != a and out[4] not in (a, out[2])
    assert all(abs(p[0] - a[0]) <= 0.02 and abs(p[1] - a[1]) <= 0.02 for p in (out[2], out[4]))  # type: ignore[index]


def _fills(pdf: Path, page_no: int) -> list[tuple[float, ...]]:
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[page_no]
        return [
            tuple(round(float(c), 3) for c in obj["non_stroking_color"])
            for obj in page.curves
            if obj.get("fill") and obj.get("non_stroking_color")
        ]


def _map_page(pdf: Path) -> int:
    with pdfplumber.open(pdf) as doc:
        for i, page in enumerate(doc.pages):
            if "Peta kerawanan" in (page.extract_text() or ""):
                return i
    raise AssertionError("no map page")


def test_the_pdf_draws_each_region_in_its_level_colour_and_every_incident(
    report: sitrep.Sitrep, tmp_path: Path
) -> None:
    m = report.map
    assert m is not None
    pdf = write_pdf(report, tmp_path / "sitrep.pdf")
    page = _map_page(pdf)
    fills = _fills(pdf, page)

    def rgb(hex_colour: str) -> tuple[float, ...]:
        c = colors.HexColor(hex_colour)
        return tuple(round(v, 3) for v in (c.red, c.green, c.blue))

    # Each region is one path in its level's colour (an island's parts are read back as
    # curves of their own; the legend's marks are rectangles).
    for colour in {rgb(c) for c in RANK_COLOURS}:
        regions = sum(1 for a in m.areas if rgb(RANK_COLOURS[a.rank]) == colour)
        drawn = fills.count(colour)
        assert (drawn >= regions) if regions else (drawn == 0), (colour, drawn, regions)
    severity = {rgb(c) for c in m.severity_colours}
    dots = [f for f in fills if f in severity]
    assert len(dots) == len(m.incidents) + len(m.severity_names)  # points and their legend
    with pdfplumber.open(pdf) as doc:
        text = doc.pages[page].extract_text() or ""
    for words in ("Kerinci", "Kota Sungai Penuh", "Belum dinilai", f"Titik: {len(m.incidents)}"):
        assert words in text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_the_map_page_renders(report: sitrep.Sitrep, tmp_path: Path) -> None:
    pdf = write_pdf(report, tmp_path / "sitrep.pdf")
    page = _map_page(pdf) + 1
    subprocess.run(
        [
            "pdftoppm",
            "-f",
            str(page),
            "-l",
            str(page),
            "-r",
            "60",
            "-png",
            str(pdf),
            str(tmp_path / "p"),
        ],
        check=True,
        capture_output=True,
    )
    (png,) = tmp_path.glob("p-*.png")
    assert png.stat().st_size > 20_000


def test_names_never_overlap_and_stay_inside() -> None:
    """Many regions crowded together: the names placed never overlap and stay in the frame;
    smaller regions keep theirs first."""
    square = lambda x, y, s: ((x, y, x + s, y, x + s, y + s, x, y + s, x, y),)  # noqa: E731
    regions = [
        maps.Region(
            (square(i * 0.1, j * 0.1, 0.1),),
            colors.white,
            f"Wilayah {i}-{j}",
            (i * 0.1 + 0.05, j * 0.1 + 0.05),
        )
        for i in range(12)
        for j in range(12)
    ]
    tiny = maps.Region((square(0.32, 0.32, 0.01),), colors.red, "Kota Kecil", (0.325, 0.325))
    d = maps.region_map([*regions, tiny], [], (0, 0, 1.2, 1.2), 300, 300)
    boxes = [
        (r.x, r.y, r.x + r.width, r.y + r.height)
        for g in d.contents
        for r in getattr(g, "contents", [])
        if isinstance(r, Rect)
    ]
    assert 5 < len(boxes) < 12 * 12
    for i, a in enumerate(boxes):
        assert a[0] >= 0 and a[2] <= 300 and a[1] >= 0 and a[3] <= 300
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
    names = [s.text for g in d.contents for s in getattr(g, "contents", []) if hasattr(s, "text")]
    assert "Kota Kecil" in names


def test_projection_keeps_proportions_away_from_the_equator() -> None:
    at = maps.Projection((100.0, 59.0, 102.0, 61.0), 400, 400, margin=0)
    (x0, _), (x1, _) = at(100.0, 60.0), at(102.0, 60.0)
    (_, ya), (_, yb) = at(101.0, 59.0), at(101.0, 61.0)
    # At 60° north a degree of longitude is half a degree of latitude.
    assert abs((x1 - x0) / (yb - ya) - 0.5) < 0.01


def test_an_incident_with_coordinates_sits_at_them(
    demo: tuple[Store, int], report: sitrep.Sitrep
) -> None:
    store, op = demo
    m = report.map
    assert m is not None
    with store.read() as s:
        pinned = s.execute(
            select(Incident.latitude_e6, Incident.longitude_e6).where(
                Incident.operation_id == op,
                Incident.occurred_at >= LO,
                Incident.occurred_at < HI,
                Incident.latitude_e6.is_not(None),
            )
        ).all()
    assert pinned  # the demo pins incidents in Kerinci, Sungai Penuh, Kota Jambi ...
    drawn = {(p.lon, p.lat) for p in m.incidents}
    for lat, lon in pinned:
        assert (round(lon / 1e6, 4), round(lat / 1e6, 4)) in drawn


def test_every_kabupaten_and_kota_is_named_off_the_incidents(report: sitrep.Sitrep) -> None:
    """The Jambi demo's map: all 11 kabupaten/kota are named, the small cities too (Kota
    Jambi, Kota Sungai Penuh: beside their area on a leader line), and no name lies under
    or over an incident's circle (the walk read "Kota ●bi"); the names are drawn last."""
    from reportlab.graphics.shapes import Circle, Group, Line, String

    from reports.sitrep.labels import Text
    from reports.sitrep.layout import styles
    from reports.sitrep.map import operation_map

    m = report.map
    assert m is not None
    (d,) = [f for f in operation_map(m, Text("id", "WIB"), styles()) if hasattr(f, "contents")][:1]
    groups = [g for g in d.contents if isinstance(g, Group)]
    names = [s.text for s in groups[-1].contents if isinstance(s, String)]
    assert sorted(names) == sorted(maps.short_name(a.name) for a in m.areas)
    assert {"Kota Jambi", "Kota Sungai Penuh"} <= set(names)
    boxes = [
        (r.x, r.y, r.x + r.width, r.y + r.height)
        for r in groups[-1].contents
        if isinstance(r, Rect)
    ]
    dots = [
        (c.cx - c.r, c.cy - c.r, c.cx + c.r, c.cy + c.r)
        for g in groups
        for c in g.contents
        if isinstance(c, Circle)
    ]
    assert len(dots) == len(m.incidents) > 40
    for b in boxes:
        assert not any(b[0] < o[2] and o[0] < b[2] and b[1] < o[3] and o[1] < b[3] for o in dots), b
    # The small cities' names stand beside them, each on a line to its area.
    assert sum(isinstance(x, Line) for x in groups[-2].contents) >= 2 * 2
