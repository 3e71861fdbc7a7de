"""The map widget on real shapes drawn offscreen: fills, holes, keys, names, clicks, night.

The shapes are built here in the ``opscenter.geo.Boundary`` form: a frame-shaped region with a
hole and, in its hole, an enclave (Kerinci and Sungai Penuh in miniature), and a row of
small squares with long names for the label placement.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QHelpEvent
from pytestqt.qtbot import QtBot

from opscenter.geo import level_boundaries
from ui import theme
from ui.map_colours import DAY, NIGHT
from ui.map_layers import MapPoint
from ui.map_legend import MapLegend
from ui.map_painting import LABEL_GAP
from ui.map_view import MapView


@dataclass(frozen=True)
class Box:
    code: str
    name: str
    level: str
    parts: tuple[tuple[np.ndarray, ...], ...]
    label_point: tuple[float, float]
    bbox: tuple[float, float, float, float]


def ring(x0: float, y0: float, x1: float, y1: float) -> np.ndarray:
    return np.array([(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)], dtype=np.float64)


def square(code: str, name: str, x0: float, y0: float, x1: float, y1: float) -> Box:
    return Box(
        code,
        name,
        "kabkota",
        ((ring(x0, y0, x1, y1),),),
        ((x0 + x1) / 2, (y0 + y1) / 2),
        (x0, y0, x1, y1),
    )


# Kerinci: a square 101-102 E, 2-1 S with a hole; Sungai Penuh fills the hole.
KERINCI = Box(
    "15.01",
    "Kerinci",
    "kabkota",
    ((ring(101.0, -3.0, 102.0, -2.0), ring(101.4, -2.6, 101.6, -2.4)),),
    (101.2, -2.2),
    (101.0, -3.0, 102.0, -2.0),
)
SUNGAI_PENUH = square("15.72", "Sungai Penuh", 101.4, -2.6, 101.6, -2.4)
BUNGO = square("15.08", "Bungo", 102.0, -3.0, 103.0, -2.0)
RED = QColor("#c62828")
BLUE = QColor("#1565c0")


@pytest.fixture
def view(qtbot: QtBot) -> MapView:
    widget = MapView()
    qtbot.addWidget(widget)
    widget.resize(600, 400)
    widget.set_regions([KERINCI, SUNGAI_PENUH, BUNGO])
    widget.set_names_shown(False)  # the pixels sampled at label points are the fills'
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def pixel(view: MapView, lon: float, lat: float) -> QColor:
    at = view.project(lon, lat)
    return view.grab().toImage().pixelColor(round(at.x()), round(at.y()))


def test_each_region_shows_the_colour_set_for_it_and_the_hole_shows_the_enclave(
    view: MapView,
) -> None:
    view.set_fills({"15.01": RED, "15.72": BLUE})
    assert pixel(view, *KERINCI.label_point) == RED
    assert pixel(view, *SUNGAI_PENUH.label_point) == BLUE  # the hole is not Kerinci's red
    # A region without a fill is plain land.
    assert pixel(view, 102.5, -2.8) == DAY.land
    # A new colour replaces the old one.
    view.set_fills({"15.01": BLUE})
    assert pixel(view, 101.1, -2.9) == BLUE


def test_the_projection_shrinks_longitude_by_the_cosine_of_the_latitude(qtbot: QtBot) -> None:
    widget = MapView()
    qtbot.addWidget(widget)
    widget.resize(600, 600)
    north = square("11.01", "Utara", 100.0, 59.0, 101.0, 61.0)  # at 60 N, cos = 0.5
    widget.set_regions([north])
    a, b = widget.project(100.0, 60.0), widget.project(101.0, 60.0)
    c = widget.project(100.0, 61.0)
    assert (b.x() - a.x()) == pytest.approx((a.y() - c.y()) * 0.5, rel=1e-6)
    assert widget.unproject(b) == pytest.approx((101.0, 60.0))


def test_arrow_keys_pan_plus_and_minus_zoom_and_home_restores(view: MapView, qtbot: QtBot) -> None:
    home = view.view_state()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    cx, cy, scale = view.view_state()
    assert cx > home[0] and cy == home[1] and scale == home[2]
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.view_state()[1] > home[1]
    before = view.project(*KERINCI.label_point)
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.view_state()[2] == pytest.approx(home[2] * 1.25)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.view_state()[2] == pytest.approx(home[2] / 1.25)
    assert view.project(*KERINCI.label_point) != before
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.view_state() == pytest.approx(home)


def test_the_wheel_zooms_about_the_cursor_and_a_drag_pans(view: MapView, qtbot: QtBot) -> None:
    at = view.project(101.5, -2.5)
    view.zoom_by(2.0, at)
    after = view.project(101.5, -2.5)
    assert (after.x(), after.y()) == pytest.approx((at.x(), at.y()))
    start = view.project(*BUNGO.label_point).toPoint()
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view, start + QPoint(40, 10))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=start + QPoint(40, 10))
    moved = view.project(*BUNGO.label_point)
    assert (moved.x(), moved.y()) == pytest.approx((start.x() + 40, start.y() + 10), abs=1)


def test_a_click_on_a_region_emits_its_code_and_the_enclave_wins(
    view: MapView, qtbot: QtBot
) -> None:
    for region in (KERINCI, SUNGAI_PENUH, BUNGO):
        with qtbot.waitSignal(view.regionClicked) as clicked:
            qtbot.mouseClick(
                view, Qt.MouseButton.LeftButton, pos=view.project(*region.label_point).toPoint()
            )
        assert clicked.args == [region.code]


def test_hovering_names_the_region_with_the_panels_figures(view: MapView) -> None:
    view.set_figures({"15.01": "Kerawanan: Rawan"})
    at = view.project(*KERINCI.label_point)
    assert view.tooltip_at(at) == "Kerinci\nKerawanan: Rawan"
    assert view.tooltip_at(view.project(*BUNGO.label_point)) == "Bungo"
    event = QHelpEvent(QEvent.Type.ToolTip, at.toPoint(), view.mapToGlobal(at.toPoint()))
    assert view.event(event)


def test_names_never_overlap_and_appear_as_the_map_zooms_in(qtbot: QtBot) -> None:
    widget = MapView()
    qtbot.addWidget(widget)
    widget.resize(500, 300)
    font = QFont(widget.font())
    font.setPixelSize(12)  # the same room for names whatever the application's type size
    widget.setFont(font)
    # A 12 x 6 grid of small regions with names far longer than each region is wide.
    regions = [
        square(
            f"15.{r:02}.{c:02}",
            f"Kecamatan Panjang Sekali {r}-{c}",
            100 + c * 0.2,
            -r * 0.2 - 0.2,
            100 + c * 0.2 + 0.2,
            -r * 0.2,
        )
        for r in range(6)
        for c in range(12)
    ]
    widget.set_regions(regions)
    widget.show()
    qtbot.waitExposed(widget)
    widget.grab()
    at_home = widget.placed_labels()
    middle = widget.project(*regions[2 * 12 + 5].label_point)  # one region in the middle
    widget.pan_by(250 - middle.x(), 150 - middle.y())
    metrics = QFontMetricsF(widget.font())
    dropped = 0
    counts = []
    for _ in range(12):
        widget.zoom_by(1.25)
        widget.sharpen()  # no waiting for the view to rest
        widget.grab()
        placed = widget.placed_labels()
        counts.append(len(placed))
        rects = [r for _, r in placed]
        for i, a in enumerate(rects):
            assert QRectF(widget.rect()).contains(a)
            assert not any(a.intersects(b) for b in rects[i + 1 :])
        # Regions wide enough for their name, whose name fits in the window below their
        # point, yet unnamed or named elsewhere: they gave way to a larger neighbour's name.
        named = {code for code, _ in placed}
        for region in regions:
            left, right = widget.project(region.bbox[0], 0), widget.project(region.bbox[2], 0)
            width = metrics.horizontalAdvance(region.name) + 4
            at = widget.project(*region.label_point)
            below = QRectF(at.x() - width / 2, at.y() + LABEL_GAP, width, metrics.height())
            fits = QRectF(widget.rect()).contains(below)
            moved = region.code not in named or dict(placed)[region.code] != below
            if fits and right.x() - left.x() >= 0.6 * width and moved:
                dropped += 1
    assert at_home == [] and counts[-1] > 0  # names appear as the map zooms in
    assert dropped > 0  # and some gave way (dropped, or moved aside)
    widget.set_names_shown(False)
    widget.grab()
    assert widget.placed_labels() == []


def test_points_are_drawn_in_their_colour_and_a_click_emits_their_id(
    view: MapView, qtbot: QtBot
) -> None:
    view.set_points(
        [
            MapPoint(7, 102.5, -2.5, RED, radius=8, text="Bentrok massa"),
            MapPoint(9, 102.2, -2.8, BLUE, radius=3),
        ]
    )
    assert pixel(view, 102.5, -2.5) == RED
    assert view.tooltip_at(view.project(102.5, -2.5)) == "Bentrok massa"
    with qtbot.waitSignal(view.pointClicked) as clicked:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.project(102.5, -2.5).toPoint())
    assert clicked.args == [7]


def test_the_map_follows_the_night_theme(view: MapView) -> None:
    outside = QPointF(2, 2)  # the margin Home leaves: water
    assert view.grab().toImage().pixelColor(outside.toPoint()) == DAY.water
    theme.set_night_mode(True)
    try:
        image = view.grab().toImage()
        assert image.pixelColor(outside.toPoint()) == NIGHT.water
        land = view.project(102.5, -2.8)
        assert image.pixelColor(land.toPoint()) == NIGHT.land
    finally:
        theme.set_night_mode(False)
    assert view.grab().toImage().pixelColor(outside.toPoint()) == DAY.water


def test_a_legend_lists_its_entries(qtbot: QtBot) -> None:
    legend = MapLegend("Kerawanan")
    qtbot.addWidget(legend)
    legend.set_entries([(RED, "Sangat rawan"), (BLUE, "Aman")])
    legend.set_entries([(RED, "Defisit")], points=True)
    assert legend.entries == [(RED, "Defisit")]


def test_points_change_one_by_one_and_the_others_stay(view: MapView) -> None:
    view.set_points([MapPoint(1, 102.3, -2.3, RED, radius=6), MapPoint(2, 102.7, -2.7, BLUE)])
    view.update_points([MapPoint(3, 102.5, -2.5, BLUE, radius=8)])  # one recorded
    assert view.point_ids() == {1, 2, 3}
    assert pixel(view, 102.5, -2.5) == BLUE
    view.update_points([MapPoint(1, 102.3, -2.3, BLUE, radius=6)], removed=[2])  # one changed
    assert view.point_ids() == {1, 3}
    assert pixel(view, 102.3, -2.3) == BLUE
    assert pixel(view, 102.7, -2.7) == DAY.land  # the removed one is gone from the picture
    assert view.point_at(view.project(102.7, -2.7)) is None
    assert view.point_at(view.project(102.3, -2.3)) == 1


def test_at_national_zoom_the_simplified_map_keeps_each_regions_colour_and_the_enclave(
    qtbot: QtBot,
) -> None:
    """Every kabupaten/kota of Indonesia at Home, each in a colour of its own: the simplified
    paths (level of detail) change only edge pixels, never whose colour a region shows;
    Sungai Penuh, inside Kerinci, keeps its colour and its clicks."""
    shapes = level_boundaries("kabkota")
    widget = MapView()
    qtbot.addWidget(widget)
    widget.resize(1600, 900)
    widget.set_regions(shapes)
    widget.set_names_shown(False)
    widget.show()
    qtbot.waitExposed(widget)
    fills = {
        s.code: QColor(QColor.fromHsv((n * 37) % 360, 90 + n % 120, 120 + n % 100).rgb())
        for n, s in enumerate(shapes)
    }
    fills["15.01"], fills["15.72"] = RED, BLUE  # Kerinci, Sungai Penuh
    widget.set_fills(fills)
    widget.grab()
    with qtbot.waitSignal(widget.rendered, timeout=10_000):
        widget.refine()  # as after a rest: the slices simplify what they draw
    simplified = widget.grab().toImage()
    widget.set_level_of_detail(False)
    full = widget.grab().toImage()
    # The level of detail is in use here and moves only edges: few pixels change much.
    a, b = (
        np.frombuffer(i.constBits(), np.uint8, i.sizeInBytes()).reshape(-1, 4).astype(int)
        for i in (simplified, full)
    )
    moved = np.abs(a - b).max(axis=1)
    land = int((b != b[0]).any(axis=1).sum())  # the corner is water
    assert moved.any()
    assert (moved > 64).sum() < 0.005 * land
    # Each region shows its own colour where the full drawing does (its label point).
    shown = 0
    for s in shapes:
        at = widget.project(*s.label_point)
        x, y = round(at.x()), round(at.y())
        if full.pixelColor(x, y) == fills[s.code]:
            shown += 1
            # The same colour, or an edge's blend of it (an island's label point).
            got, want = simplified.pixelColor(x, y), fills[s.code]
            assert (
                max(
                    abs(got.red() - want.red()),
                    abs(got.green() - want.green()),
                    abs(got.blue() - want.blue()),
                )
                <= 24
            ), s.name
    assert shown > 0.7 * len(shapes)  # the others are too small: their outline shows
    # Kerinci and, in its hole, Sungai Penuh (some 7 pixels wide here): about as many pixels
    # of each colour as in the full drawing, and a click on the middle one of them names its region.
    rgb = a[:, :3], b[:, :3]  # the images' pixels, blue-green-red
    for code, colour in (("15.01", RED), ("15.72", BLUE)):
        bgr = (colour.blue(), colour.green(), colour.red())
        lod, every = ((px == bgr).all(axis=1) for px in rgb)
        assert every.sum() > 10
        assert 0.6 * every.sum() < lod.sum() < 1.6 * every.sum()  # edges move, not areas
        middle = np.flatnonzero(lod)[lod.sum() // 2]
        at = QPointF(middle % simplified.width(), middle // simplified.width())
        assert widget.region_at(at) == code
    # After a rest the scene drawn in slices is the one drawn at once (from the paths the
    # slices simplified).
    widget.set_level_of_detail(True)
    widget.pan_by(30, -20)
    with qtbot.waitSignal(widget.rendered, timeout=10_000):
        widget.refine()
    sliced = widget.grab().toImage()
    widget.sharpen()
    assert widget.grab().toImage() == sliced != simplified


def test_a_disturbed_regions_mark_is_a_triangle_not_an_incidents_dot(view: MapView) -> None:
    """ "Ada gangguan" in the TPS watch layer is red as a "berat" incident is: its mark is a
    triangle standing on its base (wider below its point than above, as a dot is not), and
    its legend row draws the same triangle, not the incidents' circle."""
    from ui.map_painting import ALERT_DOT
    from ui.map_watch import watch_legend

    view.set_alerts({}, {"15.08": RED})
    image = view.grab().toImage()
    at = view.project(*BUNGO.label_point)
    r = ALERT_DOT

    def red_across(dy: float) -> int:
        y = round(at.y() + dy)
        return sum(
            image.pixelColor(x, y) == RED
            for x in range(round(at.x() - 3 * r), round(at.x() + 3 * r))
        )

    # A dot is as wide above its centre as below; a triangle on its base is far wider below.
    assert red_across(0.5 * r) >= red_across(-0.5 * r) + 4
    _entries, kinds = watch_legend()
    assert kinds[-1] == "warning"
