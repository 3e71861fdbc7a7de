"""The map panel on the Jambi demo: Kerinci's vulnerability colour, strength, incidents, live.

The shapes are the boundaries that ship with OpsCenter (``opscenter.geo``), matched to the
demo's regions by Kemendagri code.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QLocale, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainterPath, QUndoStack
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from opscenter import incidents
from opscenter.actor import Actor
from opscenter.demo import load_demo
from opscenter.geo.places import region_points
from opscenter.incident_log import IncidentRow
from opscenter.live import JournalChanges, JournalFollower
from opscenter.model import (
    Aspect,
    PollingStation,
    Region,
    Unit,
    UnitStatus,
    VulnerabilityLevel,
)
from opscenter.overview import build as build_overview
from opscenter.planning.vulnerability import RatingValue, set_rating
from opscenter.planning.what_if import WhatIf, save_what_if, tps_changes
from opscenter.readiness.judgements import JudgementValue, set_judgement
from opscenter.readiness.matrix import Readiness
from opscenter.store import Store
from opscenter.strength import UNRATED
from opscenter.units import assign_bko, region_units, set_status
from tests.ui.conftest import FixedClock
from ui import theme
from ui.choice_combo import chosen
from ui.desk import Desk
from ui.map_colours import DAY, NIGHT
from ui.map_incidents import SPREAD_DEG
from ui.map_layers import MapUnit
from ui.map_panel import MapPanel
from ui.map_units import UNIT_SPREAD_DEG, flow_width
from ui.map_view import MapView
from ui.readiness_model import LEVEL_COLOURS, full_level
from ui.units_board import UnitsBoard
from ui.units_columns import UNIT_ID_ROLE

MASA_TENANG_EVENING = datetime(2024, 11, 26, 14, 30, tzinfo=UTC)  # 21:30 WIB, H-1


@pytest.fixture
def jambi(store: Store) -> Store:
    load_demo(store, "jambi")
    return store


def wait_read(qtbot: QtBot, panel: MapPanel) -> None:
    qtbot.waitUntil(lambda: panel.loaded() and not panel.live.held, timeout=20_000)


def test_the_map_says_it_is_reading_until_its_first_read_lands(qtbot: QtBot, jambi: Store) -> None:
    """Before the first read lands the map is an empty sea: a line says it is being read,
    and goes once the map is drawn."""
    p = MapPanel(jambi, clock=FixedClock(MASA_TENANG_EVENING))
    qtbot.addWidget(p)
    assert p.live.reading and p.note.text() == "Membaca peta\u2026"
    p.show()
    wait_read(qtbot, p)
    assert p.note.text() == ""  # the demo's kabupaten all have their boundaries


@pytest.fixture
def panel(qtbot: QtBot, jambi: Store) -> MapPanel:
    return open_map(qtbot, jambi, FixedClock(MASA_TENANG_EVENING))


def open_map(qtbot: QtBot, store: Store, clock: FixedClock) -> MapPanel:
    """The map shown at ``clock``'s time, its first read landed, without names or incidents
    (the pixels sampled at label points are the fills')."""
    p = MapPanel(store, clock=clock)
    qtbot.addWidget(p)
    p.resize(1300, 700)
    p.show()
    qtbot.waitExposed(p)
    wait_read(qtbot, p)
    p.names.setChecked(False)
    p.incidents.switch.setChecked(False)
    return p


def region_id(store: Store, name: str) -> int:
    with store.read() as s:
        return int(s.scalars(select(Region.id).where(Region.name == name)).one())


def record_like(store: Store, sample: IncidentRow, title: str, **fields: Any) -> int:
    """Record an incident through the core, of the sample's type and severity, by default
    where and when the sample happened."""
    with store.read() as s:
        operation_id = int(s.scalars(select(Region.operation_id).limit(1)).one())
    draft = incidents.IncidentDraft(
        operation_id=operation_id,
        type_id=sample.type_id,
        severity_id=sample.severity_id,
        title=title,
        occurred_at=fields.pop("occurred_at", sample.occurred_at),
        region_id=fields.pop("region_id", sample.region_id),
        **fields,
    )
    return incidents.record(store, Actor("op.malam"), draft)


def rated_elsewhere(
    store: Store, operation_id: int, value: RatingValue, expected_version: int | None
) -> JournalChanges:
    """A rating set through the core (another workstation), as the change feed reports it."""
    follower = JournalFollower(store)
    follower.poll()
    set_rating(
        store,
        Actor("staf.ops", role="staff"),
        operation_id,
        value,
        expected_version=expected_version,
    )
    changes = follower.poll()
    assert changes is not None
    return changes


def pixel_at(panel: MapPanel, region: int) -> QColor:
    """The map's colour at a region's label point (inside the shape)."""
    shape = panel.boundary(region)
    assert shape is not None
    at = panel.view.project(*shape.label_point)
    return panel.view.grab().toImage().pixelColor(round(at.x()), round(at.y()))


def test_kerinci_shows_its_vulnerability_colour(panel: MapPanel, jambi: Store) -> None:
    kerinci = region_id(jambi, "Kabupaten Kerinci")
    read = panel.map_read
    assert read is not None and read.matrix is not None
    level = read.matrix.highest(kerinci)
    assert level is not None
    assert pixel_at(panel, kerinci) == QColor(level.colour)
    # Sungai Penuh, the enclave inside Kerinci, in its own colour, not Kerinci's: by the
    # aspect on which the demo rates them apart.
    sungai_penuh = region_id(jambi, "Kota Sungai Penuh")
    m = read.matrix

    def colour_of(region: int, aspect: int) -> QColor:
        cell = m.cell(region, aspect)
        assert cell is not None
        return QColor(m.level(cell.level_id).colour)

    aspect = next(
        a.id for a in m.aspects if colour_of(kerinci, a.id) != colour_of(sungai_penuh, a.id)
    )
    panel.aspect_box.setCurrentIndex(panel.aspect_box.findData(aspect))
    panel.aspect_box.activated.emit(panel.aspect_box.currentIndex())
    assert pixel_at(panel, kerinci) == colour_of(kerinci, aspect)
    assert pixel_at(panel, sungai_penuh) == colour_of(sungai_penuh, aspect)
    # Every kabupaten/kota of the demo has its shape on the map.
    assert all(panel.boundary(r.id) is not None for r in read.matrix.regions)
    assert panel.region_code(kerinci) == "15.01" and panel.region_code(sungai_penuh) == "15.72"
    assert panel.vulnerability.legend.entries[0][1] == read.matrix.levels[0].name


def test_the_strength_layer_colours_kerinci_by_the_boards_balance(
    panel: MapPanel, jambi: Store
) -> None:
    with jambi.read() as s:
        overview = build_overview(s, now=MASA_TENANG_EVENING)
    panel.show_overview(overview)
    panel.strength.switch.setChecked(True)
    assert not panel.vulnerability.switch.isChecked()  # one area layer at a time
    kerinci = region_id(jambi, "Kabupaten Kerinci")
    row = next(r for r in overview.strength if r.name == "Polres Kerinci")
    assert row.balance < 0  # the demo's Kerinci is short of people
    assert pixel_at(panel, kerinci) == theme.DEFICIT
    assert pixel_at(panel, region_id(jambi, "Kota Sungai Penuh")) == theme.DEFICIT


def test_a_rating_changed_through_the_core_shows_on_the_open_panel(
    qtbot: QtBot, panel: MapPanel, jambi: Store
) -> None:
    kerinci = region_id(jambi, "Kabupaten Kerinci")
    read = panel.map_read
    assert read is not None and read.matrix is not None and read.stage_id is not None
    with jambi.read() as s:
        aspect = s.scalars(
            select(Aspect).where(Aspect.operation_id == read.timeline.operation_id)
        ).first()
        levels = list(
            s.scalars(
                select(VulnerabilityLevel)
                .where(VulnerabilityLevel.operation_id == read.timeline.operation_id)
                .order_by(VulnerabilityLevel.ordinal)
            )
        )
    assert aspect is not None
    # The chosen aspect's layer, so one rating decides the colour.
    panel.aspect_box.setCurrentIndex(panel.aspect_box.findData(aspect.id))
    panel.aspect_box.activated.emit(panel.aspect_box.currentIndex())
    cell = read.matrix.cell(kerinci, aspect.id)
    other = next(lv for lv in levels if cell is None or lv.id != cell.level_id)
    changes = rated_elsewhere(
        jambi,
        read.timeline.operation_id,
        RatingValue(kerinci, read.stage_id, aspect.id, other.id),
        cell.version if cell else None,
    )
    panel.apply_changes(changes)
    qtbot.waitUntil(lambda: pixel_at(panel, kerinci) == QColor(other.colour), timeout=20_000)


def test_clicking_a_region_names_it_and_a_point_names_its_incident(
    qtbot: QtBot, panel: MapPanel, jambi: Store
) -> None:
    kerinci = region_id(jambi, "Kabupaten Kerinci")
    shape = panel.boundary(kerinci)
    assert shape is not None and shape.code == "15.01"
    with qtbot.waitSignal(panel.region_chosen) as chosen:
        qtbot.mouseClick(
            panel.view,
            Qt.MouseButton.LeftButton,
            pos=panel.view.project(*shape.label_point).toPoint(),
        )
    assert chosen.args == [kerinci]
    panel.incidents.switch.setChecked(True)
    points = panel.incident_points()
    assert points, "the demo's incidents of the stage are on the map"
    first = points[0]
    with qtbot.waitSignal(panel.incident_chosen) as clicked:
        qtbot.mouseClick(
            panel.view,
            Qt.MouseButton.LeftButton,
            pos=panel.view.project(first.lon, first.lat).toPoint(),
        )
    assert clicked.args[0] in {p.id for p in points}


def click_region(qtbot: QtBot, panel: MapPanel, region: int) -> None:
    shape = panel.boundary(region)
    assert shape is not None
    at = panel.view.project(*shape.label_point).toPoint()
    qtbot.mouseClick(panel.view, Qt.MouseButton.LeftButton, pos=at)


def test_a_click_chooses_a_region_outlines_and_describes_it_and_filters_nothing(
    qtbot: QtBot, panel: MapPanel, jambi: Store
) -> None:
    """The walk: a click in Tebo quietly filtered the board and the incidents list, and the
    map showed only an outline. A click now names the region over the map with its
    figures; only the strip's button asks the other tabs to filter, and asks again to stop."""
    tebo = region_id(jambi, "Kabupaten Tebo")
    wanted: list[object] = []
    panel.region_filter_wanted.connect(wanted.append)
    assert not panel.region_card.isVisible()
    click_region(qtbot, panel, tebo)
    assert panel.selected_region() == tebo
    assert panel.view.selected() == panel.region_code(tebo)  # outlined
    assert panel.region_card.isVisible() and panel.region_name.text() == "Kabupaten Tebo"
    # On the map, in its bottom right corner, whole.
    assert panel.view.rect().contains(panel.region_card.geometry())
    # The vulnerability layer is on: its figures, on one line.
    assert panel.region_info.text().startswith("Kerawanan, Masa tenang: Politik: ")
    # Its wrapped lines whole the first time it shows (the walk: cut through the letters).
    info = panel.region_info
    QApplication.processEvents()  # as the user sees it: the card's own layout requests done
    assert info.height() >= info.heightForWidth(info.width()), (info.height(), info.width())
    assert wanted == []  # a click alone filters nothing
    panel.filter_button.click()
    assert wanted == [tebo] and panel.filtered_region() == tebo
    assert panel.filter_button.text() == "Lepas saringan wila&yah di tab lain"
    panel.filter_button.click()  # the same button takes it off
    assert wanted == [tebo, None] and panel.filtered_region() is None
    # Seluruh wilayah (Alt+W, Home): no region chosen, and the filter set from here is off.
    panel.filter_action.trigger()  # the map's context menu
    assert wanted == [tebo, None, tebo]
    panel.home_button.click()
    assert wanted == [tebo, None, tebo, None]
    assert panel.selected_region() is None and not panel.region_card.isVisible()
    panel.home_button.click()  # nothing filtered: nothing asked
    assert wanted == [tebo, None, tebo, None]


def test_a_click_on_the_sea_or_esc_lets_the_region_go_and_leaves_the_tabs_filter(
    qtbot: QtBot, panel: MapPanel, jambi: Store
) -> None:
    """The walk: a click on the sea, outside every region, left Tebo outlined and its card
    up. A click there, or Esc on the map, now lets the region go; neither touches the other
    tabs' filter (only Seluruh wilayah takes that off): the card keeps only the line that
    says it stands."""
    tebo = region_id(jambi, "Kabupaten Tebo")
    wanted: list[object] = []
    panel.region_filter_wanted.connect(wanted.append)
    sea = QPoint(6, 6)
    assert panel.view.region_at(QPointF(sea)) is None

    def gone() -> None:
        assert panel.selected_region() is None and panel.view.selected() is None

    click_region(qtbot, panel, tebo)
    assert panel.region_card.isVisible()
    qtbot.mouseClick(panel.view, Qt.MouseButton.LeftButton, pos=sea)
    gone()
    assert not panel.region_card.isVisible()
    click_region(qtbot, panel, tebo)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Escape)
    gone()
    assert not panel.region_card.isVisible()
    # Esc with nothing chosen is left to the window (the wall leaves on it).
    esc = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel.view, esc)
    assert not esc.isAccepted()

    # The other tabs filtered to Tebo (Alt+Y): a click on the sea and Esc leave them so.
    for let_go in (
        lambda: qtbot.mouseClick(panel.view, Qt.MouseButton.LeftButton, pos=sea),
        lambda: qtbot.keyClick(panel.view, Qt.Key.Key_Escape),
    ):
        click_region(qtbot, panel, tebo)
        if panel.filtered_region() is None:
            panel.filter_button.click()
        panel.view.setFocus()
        let_go()
        gone()
        assert wanted == [tebo] and panel.filtered_region() == tebo
        assert panel.region_card.isVisible()
        assert panel.region_name.isHidden() and panel.filter_button.isHidden()
        assert panel.region_info.text() == "Papan satuan dan Kejadian disaring ke Kabupaten Tebo"
    panel.home_button.click()  # Seluruh wilayah: the filter off
    assert wanted == [tebo, None] and not panel.region_card.isVisible()


def test_an_incident_recorded_through_the_core_appears_as_a_point_at_once(
    qtbot: QtBot, panel: MapPanel, jambi: Store
) -> None:
    panel.incidents.switch.setChecked(True)
    read = panel.map_read
    assert read is not None and read.incidents
    sample = read.incidents[0]
    before = panel.view.point_ids()
    assert before
    kerinci = region_id(jambi, "Kabupaten Kerinci")
    follower = JournalFollower(jambi)
    follower.poll()
    stage = read.timeline.stage(read.stage_id)
    assert stage is not None and stage.starts_at is not None
    new_id = record_like(
        jambi,
        sample,
        "Massa berkumpul di depan KPU Kerinci",
        occurred_at=stage.starts_at + timedelta(hours=5),
        region_id=kerinci,
        dead=1,
        injured=3,
    )
    changes = follower.poll()
    assert changes is not None
    reads = []
    panel.read_shown.connect(lambda: reads.append(True))
    panel.apply_changes(changes)  # a few rows: read and drawn here, no background re-read
    assert reads == [] and not panel.live.held
    assert panel.view.point_ids() == before | {new_id}
    point = panel.view.point(new_id)
    assert point is not None
    assert point.radius == pytest.approx(4 + 2 * 2)  # four hurt: sqrt(4) = 2
    assert point.colour == QColor(sample.severity_colour)
    at = panel.view.project(point.lon, point.lat)
    assert panel.view.point_at(at) == new_id


def test_hovering_kerinci_names_it_with_its_ratings_and_another_stage_recolours(
    qtbot: QtBot, panel: MapPanel, jambi: Store
) -> None:
    kerinci = region_id(jambi, "Kabupaten Kerinci")
    shape = panel.boundary(kerinci)
    read = panel.map_read
    assert shape is not None and read is not None and read.matrix is not None
    text = panel.view.tooltip_at(panel.view.project(*shape.label_point))
    assert text.startswith(shape.name + "\n")
    assert all(a.name in text for a in read.matrix.aspects)
    # Voting day: the stage's own ratings and incidents.
    voting = next(st for st in read.timeline.stages if st.is_voting)
    assert voting.id != read.stage_id
    panel.stage_box.setCurrentIndex(panel.stage_box.findData(voting.id))
    panel.stage_box.activated.emit(panel.stage_box.currentIndex())
    qtbot.waitUntil(lambda: panel.map_read is not None and panel.map_read.stage_id == voting.id)
    wait_read(qtbot, panel)
    now = panel.map_read
    assert now is not None and now.matrix is not None and now.matrix.stage.id == voting.id
    level = now.matrix.highest(kerinci)
    assert level is not None
    assert pixel_at(panel, kerinci) == QColor(level.colour)


def test_a_hidden_map_keeps_changes_until_it_is_shown(
    qtbot: QtBot, panel: MapPanel, jambi: Store
) -> None:
    read = panel.map_read
    assert read is not None
    follower = JournalFollower(jambi)
    follower.poll()
    sample = read.incidents[0]
    record_like(jambi, sample, "Spanduk dirusak")
    changes = follower.poll()
    assert changes is not None
    panel.hide()
    panel.apply_changes(changes)
    assert panel.live.pending() is not None  # kept, not applied
    assert len(panel.map_read.incidents) == len(read.incidents)  # type: ignore[union-attr]
    panel.show()
    qtbot.waitUntil(lambda: panel.live.pending() is None)
    assert len(panel.map_read.incidents) == len(read.incidents) + 1  # type: ignore[union-attr]


def test_an_incident_with_coordinates_sits_on_them_the_others_at_their_region(
    panel: MapPanel,
) -> None:
    panel.incidents.switch.setChecked(True)
    read = panel.map_read
    assert read is not None
    placed = [r for r in read.incidents if r.latitude_e6 is not None]
    unplaced = [r for r in read.incidents if r.latitude_e6 is None and r.region_id is not None]
    assert placed and unplaced  # the demo has both
    for row in placed:
        point = panel.view.point(row.id)
        assert point is not None
        assert (point.lon, point.lat) == pytest.approx(
            (row.longitude_e6 / 1e6, row.latitude_e6 / 1e6)  # type: ignore[operator]
        )
    # Without coordinates: near its region's point (on the spiral around it).
    row = unplaced[0]
    point = panel.view.point(row.id)
    place = panel._shown.places[row.region_id]  # type: ignore[index]
    assert point is not None
    reach = SPREAD_DEG * math.sqrt(len(read.incidents))  # the spiral's widest turn
    assert math.dist((point.lon, point.lat), place) <= reach


@pytest.mark.usefixtures("app_look")
def test_the_screenshot_of_the_map_waits_for_its_first_read(jambi: Store, tmp_path: Path) -> None:
    """``opscenter screenshot --view map``: a 1366x768 PNG of the Peta tab, taken once the
    map's read is drawn (not part of ``MainWindow.busy``): the demo's rated kabupaten fill
    the map in their levels' colours; the wall's map page (``wall-map``) likewise."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QImage

    from ui.screenshot import render

    with jambi.read() as s:
        colours = {QColor(c).rgb() for c in s.scalars(select(VulnerabilityLevel.colour)).all()}
    voting_night = datetime(2024, 11, 27, 13, 0, tzinfo=UTC)
    for view in ("map", "wall-map"):
        out = render(jambi, tmp_path / f"{view}.png", size=(1366, 768), view=view, now=voting_night)
        image = QImage(str(out))
        assert image.size() == QSize(1366, 768), view
        # Every 4th pixel: the levels' colours cover a good part of the picture (the map
        # area is most of it); before the read lands there is only sea.
        rated = sum(
            image.pixel(x, y) in colours
            for x in range(0, image.width(), 4)
            for y in range(0, image.height(), 4)
        )
        assert rated > 0.08 * (image.width() // 4) * (image.height() // 4), (view, rated)


def readiness_read(qtbot: QtBot, panel: MapPanel) -> Readiness:
    """Switch the readiness layer on and wait for its matrix (read only while it is on)."""
    before = panel.map_read
    assert before is not None and before.readiness is None  # off: not read
    panel.readiness.switch.setChecked(True)
    qtbot.waitUntil(
        lambda: panel.map_read is not None and panel.map_read.readiness is not None,
        timeout=30_000,
    )
    wait_read(qtbot, panel)
    read = panel.map_read
    assert read is not None and read.readiness is not None
    return read.readiness


def test_the_readiness_layer_colours_kerinci_by_its_polres_level_and_follows_a_judgement(
    qtbot: QtBot, panel: MapPanel, jambi: Store
) -> None:
    matrix = readiness_read(qtbot, panel)
    assert not panel.vulnerability.switch.isChecked()  # one area layer at a time
    assert not panel.strength.switch.isChecked()
    panel.strength.switch.setChecked(True)
    assert not panel.readiness.switch.isChecked()
    matrix = readiness_read(qtbot, panel)  # let go when switched off: read again
    kerinci = region_id(jambi, "Kabupaten Kerinci")
    unit = next(u for u in matrix.units if u.name == "Polres Kerinci")
    assert unit.level in LEVEL_COLOURS
    assert pixel_at(panel, kerinci) == LEVEL_COLOURS[unit.level]
    # Sungai Penuh answers to Polres Kerinci too.
    assert pixel_at(panel, region_id(jambi, "Kota Sungai Penuh")) == LEVEL_COLOURS[unit.level]
    # The legend names the three levels on their colours, and the land for none.
    assert [text for _c, text in panel.readiness.legend.entries] == [
        "Siap",
        "Siap dengan catatan",
        "Belum siap",
        "Tanpa tingkat",
    ]
    assert [c for c, _t in panel.readiness.legend.entries[:3]] == list(LEVEL_COLOURS.values())
    shape = panel.boundary(kerinci)
    assert shape is not None
    text = panel.view.tooltip_at(panel.view.project(*shape.label_point))
    assert text.startswith(shape.name + "\n")
    assert f"Polres Kerinci: {full_level(unit.level)}" in text
    # A judgement from another workstation: one aspect "belum" makes the unit "belum" (its
    # worst aspect); when it already is, every aspect "siap" makes it "siap".
    follower = JournalFollower(jambi)
    follower.poll()
    commander = Actor("kabag.lain", role="commander")
    judged = ["belum"] if unit.level != "belum" else ["siap"] * len(matrix.aspects)
    for aspect, level in zip(matrix.aspects, judged, strict=False):
        set_judgement(
            jambi,
            commander,
            matrix.operation_id,
            JudgementValue(unit.unit_id, aspect.id, level, "Dinilai di peta"),
            expected_version=(
                j.version if (j := unit.cells[aspect.id].judgement) is not None else None
            ),
        )
    changes = follower.poll()
    assert changes is not None
    panel.apply_changes(changes)
    qtbot.waitUntil(lambda: pixel_at(panel, kerinci) == LEVEL_COLOURS[judged[0]], timeout=30_000)
    wait_read(qtbot, panel)
    after = panel.map_read.readiness  # type: ignore[union-attr]
    assert after is not None and after.unit(unit.unit_id).level == judged[0]
    # The strength inputs were kept: a judgement does not move them.
    assert after.inputs is matrix.inputs
    text = panel.view.tooltip_at(panel.view.project(*shape.label_point))
    assert f"Polres Kerinci: {full_level(judged[0])}" in text
    # Switched off, the matrix is let go (it no longer follows the journal); on, read again.
    panel.vulnerability.switch.setChecked(True)
    assert panel.map_read.readiness is None  # type: ignore[union-attr]
    assert readiness_read(qtbot, panel).unit(unit.unit_id).level == judged[0]


def show_stage(qtbot: QtBot, panel: MapPanel, stage_id: int) -> None:
    panel.stage_box.setCurrentIndex(panel.stage_box.findData(stage_id))
    panel.stage_box.activated.emit(panel.stage_box.currentIndex())
    qtbot.waitUntil(lambda: panel.map_read is not None and panel.map_read.stage_id == stage_id)
    wait_read(qtbot, panel)


def test_the_bawaslu_layer_shows_the_ikp_apart_from_polri_and_follows_a_new_score(
    qtbot: QtBot, panel: MapPanel, jambi: Store
) -> None:
    read = panel.map_read
    assert read is not None
    voting = next(st for st in read.timeline.stages if st.is_voting)
    show_stage(qtbot, panel, voting.id)  # the demo's IKP is of voting day
    panel.bawaslu.switch.setChecked(True)
    assert not panel.vulnerability.switch.isChecked()  # one area layer at a time
    m = panel.map_read.matrix  # type: ignore[union-attr]
    assert m is not None
    kerinci = region_id(jambi, "Kabupaten Kerinci")
    ikp = m.bawaslu(kerinci)
    assert ikp is not None and ikp.score == pytest.approx(71.2)
    level = m.level(ikp.level_id)
    assert pixel_at(panel, kerinci) == QColor(level.colour)
    # Bawaslu's level, not Polri's highest, where the two differ.
    apart = next(
        r.id
        for r in m.regions
        if (b := m.bawaslu(r.id)) is not None
        and (p := m.highest(r.id)) is not None
        and m.level(b.level_id).colour != p.colour
    )
    assert pixel_at(panel, apart) == QColor(m.level(m.bawaslu(apart).level_id).colour)  # type: ignore[union-attr]
    assert [t for _c, t in panel.bawaslu.legend.entries] == [
        *(lv.name for lv in m.levels),
        "Belum ada IKP",
    ]
    shape = panel.boundary(kerinci)
    assert shape is not None
    text = panel.view.tooltip_at(panel.view.project(*shape.label_point))
    score = QLocale().toString(71.2, "f", 1)
    assert text == f"{shape.name}\nIKP Bawaslu, {m.stage.name}: {score} ({level.name})"
    # Bawaslu lowers Kerinci's index: imported through the core, shown on the open panel.
    lowest = min(m.levels, key=lambda lv: lv.ordinal)
    assert lowest.id != ikp.level_id
    changes = rated_elsewhere(
        jambi,
        read.timeline.operation_id,
        RatingValue(kerinci, voting.id, ikp.aspect_id, lowest.id, "bawaslu", 20.5),
        ikp.version,
    )
    panel.apply_changes(changes)
    qtbot.waitUntil(lambda: pixel_at(panel, kerinci) == QColor(lowest.colour), timeout=20_000)
    wait_read(qtbot, panel)
    text = panel.view.tooltip_at(panel.view.project(*shape.label_point))
    assert QLocale().toString(20.5, "f", 1) in text
    # The Polri layer is untouched by Bawaslu's figure.
    polri = panel.map_read.matrix.highest(kerinci)  # type: ignore[union-attr]
    assert polri is not None and polri.id != lowest.id
    panel.vulnerability.switch.setChecked(True)
    assert not panel.bawaslu.switch.isChecked()
    assert pixel_at(panel, kerinci) == QColor(polri.colour)


def test_the_tps_layer_draws_each_kecamatans_category_mix_and_follows_a_new_category(
    qtbot: QtBot, panel: MapPanel, jambi: Store
) -> None:
    before = panel.map_read
    assert before is not None and before.tps is None  # off: not read
    panel.tps.switch.setChecked(True)
    qtbot.waitUntil(lambda: panel.map_read is not None and panel.map_read.tps is not None)
    wait_read(qtbot, panel)
    tps = panel.map_read.tps  # type: ignore[union-attr]
    assert tps is not None
    assert panel.vulnerability.switch.isChecked()  # not an area layer: the fills stay
    assert [t for _c, t in panel.tps.legend.entries] == [
        *(name for _id, name, _colour in tps.categories),
        "Belum dinilai",
    ]
    # Kerinci's hover counts its TPS and kecamatan, under its ratings.
    kerinci = region_id(jambi, "Kabupaten Kerinci")
    in_kerinci = [k for k, kab in tps.inputs.kecamatan_kabkota.items() if kab == kerinci]
    total = sum(sum(tps.mix.get(k, {}).values()) for k in in_kerinci)
    assert total > 0
    shape = panel.boundary(kerinci)
    assert shape is not None
    text = panel.view.tooltip_at(panel.view.project(*shape.label_point))
    assert text.endswith(f"\nTPS: {total} di {len(in_kerinci)} kecamatan")
    # Zoomed out, the whole province's kecamatan are too many to draw: no pies.
    assert panel.view.marks_drawn() == []
    # Kerinci's busiest kecamatan, zoomed in on until its pie is drawn.
    kec = max(in_kerinci, key=lambda k: sum(tps.mix.get(k, {}).values()))
    place = panel._shown.places[kec]
    for _ in range(12):
        panel.view.zoom_by(2.0, panel.view.project(*place))
        panel.view.sharpen()
        panel.view.grab()
        if any(m.id == kec for m in panel.view.marks_drawn()):
            break
    mark = next(m for m in panel.view.marks_drawn() if m.id == kec)
    counts = tps.mix[kec]
    assert sum(n for _c, n in mark.shares) == sum(counts.values())
    # The largest slice's colour, sampled in the middle of its arc.
    start = 90.0
    sample = None
    for colour, n in mark.shares:
        span = 360.0 * n / sum(counts.values())
        if n == max(c for _colour, c in mark.shares):
            sample = (colour, math.radians(start - span / 2))
            break
        start -= span
    assert sample is not None
    centre = panel.view.project(*place)
    at = (centre.x() + 4 * math.cos(sample[1]), centre.y() - 4 * math.sin(sample[1]))
    image = panel.view.grab().toImage()
    assert image.pixelColor(round(at[0]), round(at[1])) == sample[0]
    hover = panel.view.tooltip_at(centre)
    assert hover.startswith(f"{tps.kecamatan[kec]}: {sum(counts.values())} TPS\n")
    # A TPS of the kecamatan given another category through the core: the open map counts it.
    with jambi.read() as s:
        station = s.execute(
            select(PollingStation.id, PollingStation.category_id)
            .join(Region, Region.id == PollingStation.region_id)
            .where(Region.parent_id == kec)
            .order_by(PollingStation.id)
            .limit(1)
        ).one()
    # Back to "belum dinilai" (the demo rates every TPS): a slice of its own.
    assert station.category_id is not None and UNRATED not in counts
    new = UNRATED
    follower = JournalFollower(jambi)
    follower.poll()
    operation_id = panel.map_read.timeline.operation_id  # type: ignore[union-attr]
    with jambi.read() as s:
        moves = tps_changes(s, operation_id, {station.id: new})
    save_what_if(jambi, Actor("staf.ops", role="staff"), operation_id, WhatIf(tps=moves))
    changes = follower.poll()
    assert changes is not None
    panel.apply_changes(changes)

    def counted() -> bool:
        read = panel.map_read
        return read is not None and read.tps is not None and read.tps.mix[kec].get(new) == 1

    qtbot.waitUntil(counted, timeout=20_000)
    wait_read(qtbot, panel)
    panel.view.grab()
    mark = next(m for m in panel.view.marks_drawn() if m.id == kec)
    assert "  Belum dinilai: 1" in mark.text.split("\n")
    assert mark.shares[-1] == (QColor(theme.MUTED), 1)
    assert sum(n for _c, n in mark.shares) == sum(counts.values())
    # Off: the pies and the counts go (the figures are let go, no longer followed).
    panel.tps.switch.setChecked(False)
    panel.view.grab()
    assert panel.view.marks_drawn() == [] and panel.map_read.tps is None  # type: ignore[union-attr]
    assert "TPS:" not in panel.view.tooltip_at(panel.view.project(*place))


def test_a_change_the_readiness_does_not_depend_on_keeps_its_matrix(
    qtbot: QtBot, panel: MapPanel, jambi: Store
) -> None:
    matrix = readiness_read(qtbot, panel)
    read = panel.map_read
    assert read is not None and read.matrix is not None and read.stage_id is not None
    kerinci = region_id(jambi, "Kabupaten Kerinci")
    aspect = read.matrix.aspects[0]
    cell = read.matrix.cell(kerinci, aspect.id)
    assert cell is not None
    other = next(lv for lv in read.matrix.levels if lv.id != cell.level_id)
    changes = rated_elsewhere(
        jambi,
        read.timeline.operation_id,
        RatingValue(kerinci, read.stage_id, aspect.id, other.id),
        cell.version,
    )
    with qtbot.waitSignal(panel.read_shown, timeout=20_000):
        panel.apply_changes(changes)  # the map reads its ratings again ...
    wait_read(qtbot, panel)
    now = panel.map_read
    assert now is not None and now.matrix is not None
    assert now.matrix.cell(kerinci, aspect.id).level_id == other.id  # type: ignore[union-attr]
    assert now.readiness is matrix  # ... and keeps the readiness matrix as it was


# ---- the units layer ------------------------------------------------------------------


def unit_id(store: Store, name: str) -> int:
    with store.read() as s:
        return int(s.scalars(select(Unit.id).where(Unit.name == name)).one())


def units_on(qtbot: QtBot, panel: MapPanel) -> None:
    """The units layer switched on and its first read shown."""
    assert panel.map_read is not None and panel.map_read.units is None  # off: not read
    panel.units.switch.setChecked(True)
    qtbot.waitUntil(lambda: panel.map_read is not None and panel.map_read.units is not None)
    wait_read(qtbot, panel)


def drawn_unit(panel: MapPanel, uid: int) -> tuple[MapUnit, QPointF] | None:
    panel.view.sharpen()
    panel.view.grab()
    return next(((u, at) for u, at in panel.view.units_drawn() if u.id == uid), None)


def square_colour(panel: MapPanel, at: QPointF) -> QColor:
    """The colour at a unit square's centre, drawn over nothing else (no incidents, names)."""
    return panel.view.grab().toImage().pixelColor(round(at.x()), round(at.y()))


def test_units_sit_at_their_seats_in_their_status_colours(
    qtbot: QtBot, panel: MapPanel, jambi: Store
) -> None:
    units_on(qtbot, panel)
    kerinci_area = region_id(jambi, "Kabupaten Kerinci")
    polres = unit_id(jambi, "Polres Kerinci")
    with jambi.read() as s:
        operation_id = int(s.scalars(select(Region.operation_id).limit(1)).one())
        points = region_points(s, operation_id)
        status = s.execute(
            select(UnitStatus.name, UnitStatus.colour)
            .join(Unit, Unit.status_id == UnitStatus.id)
            .where(Unit.id == polres)
        ).one()
    # Polres Kerinci answers for Kerinci and Sungai Penuh: it sits in Kerinci, its first.
    found = drawn_unit(panel, polres)
    assert found is not None
    square, at = found
    assert (square.lon, square.lat) == points[kerinci_area]
    assert square.colour == QColor(status.colour)
    assert square_colour(panel, at) == QColor(status.colour)
    hover = panel.view.tooltip_at(at)
    assert hover.startswith(f"Polres Kerinci\nStatus: {status.name}")
    # With the board's strength figures, the hover counts them.
    with jambi.read() as s:
        overview = build_overview(s, now=MASA_TENANG_EVENING)
    panel.show_overview(overview)
    row = next(r for r in overview.strength if r.unit_id == polres)
    assert f"\nKekuatan {row.police_available}, kebutuhan {row.police_required}, " in (
        panel.view.tooltip_at(at)
    )
    # Brimob has no area: it sits by the Polda's seat (the province), on a spiral around it.
    brimob = next(
        u for u in panel.unit_marks()[0] if u.id == unit_id(jambi, "Sat Brimob Polda Jambi")
    )
    province = points[region_id(jambi, "Provinsi Jambi")]
    assert math.dist((brimob.lon, brimob.lat), province) == pytest.approx(UNIT_SPREAD_DEG)
    # A Polsek only once zoomed in: at its kecamatan's point.
    polsek = unit_id(jambi, "Polsek Gunung Kerinci")
    assert drawn_unit(panel, polsek) is None
    kecamatan = next(
        rid
        for rid in points
        if panel.map_read.units.seats.get(polsek) == rid  # type: ignore[union-attr]
    )
    for _ in range(12):
        panel.view.zoom_by(2.0, panel.view.project(*points[kecamatan]))
        if drawn_unit(panel, polsek) is not None:
            break
    found = drawn_unit(panel, polsek)
    assert found is not None
    assert (found[0].lon, found[0].lat) == points[kecamatan]
    assert found[0].side < square.side


def test_the_bko_of_voting_day_is_an_arrow_from_brimob_to_kerinci(
    qtbot: QtBot, panel: MapPanel, jambi: Store
) -> None:
    units_on(qtbot, panel)
    read = panel.map_read
    assert read is not None
    voting = next(st for st in read.timeline.stages if st.is_voting)
    panel.stage_box.setCurrentIndex(panel.stage_box.findData(voting.id))
    panel.stage_box.activated.emit(panel.stage_box.currentIndex())
    qtbot.waitUntil(lambda: panel.map_read is not None and panel.map_read.stage_id == voting.id)
    wait_read(qtbot, panel)
    brimob, kerinci = unit_id(jambi, "Sat Brimob Polda Jambi"), unit_id(jambi, "Polres Kerinci")
    assert panel.map_read.units.bko == ((brimob, kerinci, 60),)  # type: ignore[union-attr]
    panel.view.sharpen()
    panel.view.grab()
    [(flow, start, tip)] = panel.view.flows_drawn()
    assert (flow.source, flow.target, flow.width) == (brimob, kerinci, flow_width(60))
    centres = {u.id: at for u, at in panel.view.units_drawn()}
    assert start == centres[brimob]
    # The tip stops at the receiver's square, on the line towards it.
    assert math.dist((tip.x(), tip.y()), (centres[kerinci].x(), centres[kerinci].y())) < 12
    middle = QPointF((start.x() + tip.x()) / 2, (start.y() + tip.y()) / 2)
    assert panel.view.tooltip_at(middle) == (
        "BKO 60 personel: Sat Brimob Polda Jambi \u2192 Polres Kerinci"
    )
    assert "\nBKO masuk: 60 personel dari Sat Brimob Polda Jambi" in panel.view.tooltip_at(
        centres[kerinci]
    )
    assert "\nBKO keluar: 60 personel ke Polres Kerinci" in panel.view.tooltip_at(centres[brimob])
    # The legend says what the colours and the arrow mean.
    texts = [t for _c, t in panel.units.legend.entries]
    assert texts[-2:] == [
        "Belum ada status",
        "Panah: BKO dari satuan pemberi ke penerima, setebal jumlah personel",
    ]
    assert panel.units.legend.entries[-1][0] == DAY.hover
    # Navy by day; at night the arrow and its legend turn gold, readable on the dark map.
    on_line = QPointF(start.x() + (tip.x() - start.x()) / 3, start.y() + (tip.y() - start.y()) / 3)
    by_day = square_colour(panel, on_line)
    assert by_day.blue() > by_day.red()
    theme.set_night_mode(True)
    try:
        assert panel.units.legend.entries[-1][0] == NIGHT.hover
        panel.view.sharpen()
        at_night = square_colour(panel, on_line)
        assert at_night.red() > at_night.blue() and at_night.green() > by_day.green()
    finally:
        theme.set_night_mode(False)


def test_a_status_change_recolours_its_square_in_place_and_a_new_bko_is_drawn(
    qtbot: QtBot, panel: MapPanel, jambi: Store
) -> None:
    units_on(qtbot, panel)
    polres = unit_id(jambi, "Polres Bungo")
    with jambi.read() as s:
        current = s.get_one(Unit, polres)
        other = s.scalars(
            select(UnitStatus).where(
                UnitStatus.operation_id == current.operation_id,
                UnitStatus.id != current.status_id,
            )
        ).first()
        assert other is not None
        other_id, other_colour, version = other.id, other.colour, current.version
    follower = JournalFollower(jambi)
    follower.poll()
    set_status(jambi, Actor("op.malam"), polres, other_id, expected_version=version)
    changes = follower.poll()
    assert changes is not None
    reads: list[bool] = []
    panel.read_shown.connect(lambda: reads.append(True))
    panel.apply_changes(changes)  # a status only: recoloured here, nothing read again
    assert reads == [] and not panel.live.held
    found = drawn_unit(panel, polres)
    assert found is not None and found[0].colour == QColor(other_colour)
    assert square_colour(panel, found[1]) == QColor(other_colour)
    # A BKO lent for the stage shown, through the core: the map re-reads and draws it.
    read = panel.map_read
    assert read is not None and read.stage_id is not None
    stage = read.timeline.stage(read.stage_id)
    assert stage is not None and stage.starts_at is not None
    tebo = unit_id(jambi, "Polres Tebo")
    assign_bko(
        jambi,
        Actor("kapolda", role="commander"),
        from_unit_id=tebo,
        to_unit_id=polres,
        personnel_count=12,
        starts_at=stage.starts_at,
        stage_id=stage.id,
    )
    changes = follower.poll()
    assert changes is not None and "bko_assignment" in changes
    panel.apply_changes(changes)

    def drawn() -> bool:
        panel.view.sharpen()
        panel.view.grab()
        return any(f.source == tebo for f, _a, _b in panel.view.flows_drawn())

    qtbot.waitUntil(drawn, timeout=20_000)
    flow = next(f for f, _a, _b in panel.view.flows_drawn() if f.source == tebo)
    assert (flow.target, flow.width) == (polres, flow_width(12))


def test_the_maps_filter_button_filters_the_board_to_the_units_answering_for_its_region(
    qtbot: QtBot, panel: MapPanel, jambi: Store
) -> None:
    board = UnitsBoard(
        Desk(jambi, Actor("op.malam"), QUndoStack(), FixedClock(MASA_TENANG_EVENING))
    )
    qtbot.addWidget(board)
    board.set_tree_mode(False)
    kerinci = region_id(jambi, "Kabupaten Kerinci")
    panel.region_filter_wanted.connect(board.set_region_filter)  # as the operation page does
    click_region(qtbot, panel, kerinci)
    assert chosen(board.region_filter) is None  # a click alone filters nothing
    panel.filter_button.click()  # Saring tab lain ke wilayah ini
    assert board.region_filter.currentData() == kerinci
    assert board.region_filter.currentText() == "Kab. Kerinci"  # the filter says what it is
    proxy = board.flat_proxy
    shown = {proxy.index(r, 0).data(UNIT_ID_ROLE) for r in range(proxy.rowCount())}
    names = {board.rows.rows[uid].name for uid in shown}
    assert {"Polres Kerinci", "Polsek Gunung Kerinci", "Kodim 0417/Kerinci"} <= names
    assert "Polres Bungo" not in names and "Linmas Kota Sungai Penuh" not in names
    assert "Sat Brimob Polda Jambi" not in names
    # Polres Kerinci's Polsek in Sungai Penuh answer for Sungai Penuh, not Kerinci.
    with jambi.read() as s:
        operation_id = int(s.scalars(select(Region.operation_id).limit(1)).one())
        assert shown == region_units(s, operation_id, kerinci)
    # "Semua wilayah", as the other filters: every unit again.
    board.region_filter.setCurrentIndex(0)
    assert proxy.rowCount() == len(board.rows.rows)


def voting_night_map(qtbot: QtBot, jambi: Store, size: tuple[int, int]) -> MapView:
    """The map at ``size`` on voting night (13:00 UTC), read and drawn once."""
    p = MapPanel(jambi, clock=FixedClock(datetime(2024, 11, 27, 13, 0, tzinfo=UTC)))
    qtbot.addWidget(p)
    p.resize(*size)
    p.show()
    qtbot.waitExposed(p)
    wait_read(qtbot, p)
    p.view.grab()
    return p.view


@pytest.mark.parametrize("size", [(1340, 400), (1880, 700)])  # the map at 1366x768, 1920x1080
def test_every_kabupaten_and_kota_is_named_off_the_incidents(
    qtbot: QtBot, jambi: Store, size: tuple[int, int]
) -> None:
    """On voting night with the incidents shown, each of the 11 kabupaten/kota has its name
    (Kota Jambi and Kota Sungai Penuh, too small for theirs, beside them on a line), and no
    name lies over an incident's point (the walk read "Kabupaten Ke●nci")."""
    from ui.map_painting import point_boxes

    view = voting_night_map(qtbot, jambi, size)
    named = {code for code, _rect in view.placed_labels()}
    with jambi.read() as s:
        kabkota = set(s.scalars(select(Region.code).where(Region.level == "kabkota")).all())
    assert len(kabkota) == 11 and named == kabkota
    dots = point_boxes(view._points, view._view, view.size())
    assert len(dots) > 40
    for code, rect in view.placed_labels():
        assert not any(rect.intersects(d) for d in dots), code


@pytest.mark.usefixtures("app_look")
@pytest.mark.parametrize("size", [(1366, 491), (1920, 760)])  # the maps of the screenshots
def test_names_sit_inside_their_kabupaten_and_never_across_its_edge_on_a_line(
    qtbot: QtBot, jambi: Store, size: tuple[int, int]
) -> None:
    """The walk at 1366x768: "Kabupaten Tanjung Jabung Barat", moved off its point by the
    incidents, covered the kabupaten's northern tip. The map says "Kab." as every list does;
    a name goes wholly inside its region where a spot clear of the incidents is (on two
    lines when one is wider than the region), and one moved off on a line does not lie
    across its own region's edge. On voting night in the 1920x1080 window's map every
    kabupaten's name lies inside it; in the 1366x768 one Tanjung Jabung Barat's lies off
    its land, on the sea, on a line."""
    view = voting_night_map(qtbot, jambi, size)
    texts = view.label_texts()
    placed = dict(view.placed_labels())
    assert len(placed) == 11
    kabupaten = [code for code in placed if view.region_text(code)[0].startswith("Kabupaten ")]
    assert len(kabupaten) == 9

    def outline(code: str) -> QPainterPath:
        view.set_selected(code)
        path = view.chosen_outline()
        assert path is not None
        return path

    for code in kabupaten:
        name = view.region_text(code)[0]
        assert texts[code].replace("\n", " ") == name.replace("Kabupaten ", "Kab. "), code
    tjb = next(c for c in kabupaten if view.region_text(c)[0].endswith("Tanjung Jabung Barat"))
    land, rect = outline(tjb), placed[tjb]
    assert land.contains(rect) or not land.intersects(rect), (rect, texts[tjb])
    if size[0] == 1920:
        for code in kabupaten:
            assert outline(code).contains(placed[code]), (code, texts[code])
        assert texts[tjb] == "Kab. Tanjung Jabung Barat"
