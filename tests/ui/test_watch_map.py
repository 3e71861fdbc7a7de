"""The TPS watch on the map and on the wall (issue 18, item 5), on the Jambi demo at 10:30 WIB
of voting day, the watch recorded through ``opscenter.watch.entry.record``.

The map's layer colours each kecamatan by the share of its TPS at the chosen step, outlines
one with overdue TPS and dots a disturbed one, and follows a report from another
workstation; the wall's page shows the same figures per Polres, live, at night too, and
fits a laptop and a full HD screen.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from opscenter import incidents, overview
from opscenter.actor import Actor
from opscenter.demo import load_demo
from opscenter.live import JournalChanges, JournalFollower
from opscenter.model import IncidentType, PollingStation, Region, Severity, TpsWatch
from opscenter.store import Store, open_store
from opscenter.watch import entry, progress, steps
from opscenter.watch.entry import Mark
from tests.builders import ADMIN
from tests.ui.conftest import FixedClock
from tests.ui.test_map_panel import click_region, open_map, wait_read
from ui import night, theme
from ui.map_panel import MapPanel
from ui.map_watch import default_step, share_colour, watch_line
from ui.wall_board import WallBoard, build_wall
from ui.watch_wall import WatchWall

WIB = ZoneInfo("Asia/Jakarta")
MORNING = datetime(2024, 11, 27, 3, 30, tzinfo=UTC)  # 10:30 WIB, voting day
OPERATOR = Actor("ops.uji", "operator")
ELSEWHERE = Actor("ops.polres", "operator")


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2024, 11, 27, hour, minute, tzinfo=WIB)


@pytest.fixture
def jambi(store: Store) -> Store:
    """The Jambi demo on a voting-day morning with nothing reported yet: the tests record
    their own watch, so the demo's (half through at 20:00) is taken off first."""
    load_demo(store, "jambi")
    with store.transaction(ADMIN, "test.setup") as s:
        for row in s.scalars(select(TpsWatch)):
            s.delete(row)
    return store


def operation(store: Store) -> int:
    with store.read() as s:
        return int(s.scalars(select(Region.operation_id).limit(1)).one())


def step_list(store: Store) -> tuple[steps.Step, ...]:
    with store.read() as s:
        return steps.steps(s, operation(store))


def quiet_kecamatan(store: Store, *, skip: int | None = None) -> tuple[progress.Area, list[int]]:
    """A kecamatan of at least five TPS, none of them disturbed, with its TPS ids."""
    with store.read() as s:
        read = progress.watch(s, operation(store), MORNING)
        disturbed = set(read.disturbed)
        for area in read.kecamatan:
            if area.total < 5 or area.id == skip:
                continue
            ids = [
                int(i)
                for i in s.scalars(
                    select(PollingStation.id)
                    .join(Region, Region.id == PollingStation.region_id)
                    .where(Region.parent_id == area.id)
                    .order_by(PollingStation.id)
                )
            ]
            if not disturbed & set(ids):
                return area, ids
    raise AssertionError("no quiet kecamatan in the demo")


def recorded_elsewhere(url: str, marks: list[Mark]) -> JournalChanges:
    """Marks recorded by another workstation (its own Store), as the change feed reports
    them to this one."""
    other = open_store(url)
    try:
        follower = JournalFollower(other)
        follower.poll()
        entry.record(other, ELSEWHERE, operation(other), marks)
        changes = follower.poll()
    finally:
        other.dispose()
    assert changes is not None and "tps_watch" in changes
    return changes


@pytest.fixture
def panel(qtbot: QtBot, jambi: Store) -> MapPanel:
    return open_map(qtbot, jambi, FixedClock(MORNING))


def watch_on(qtbot: QtBot, panel: MapPanel) -> None:
    panel.watch.switch.setChecked(True)
    qtbot.waitUntil(
        lambda: panel.map_read is not None and panel.map_read.watch is not None, timeout=30_000
    )
    wait_read(qtbot, panel)


def label_at(panel: MapPanel, kecamatan: int) -> tuple[QColor, str]:
    """The map's colour and hover text at a kecamatan's label point (inside its shape)."""
    code = panel.region_code(kecamatan)
    assert code is not None
    shape = panel._shown.kecamatan[kecamatan]
    spot = panel.view.project(*shape.label_point)
    pixel = panel.view.grab().toImage().pixelColor(round(spot.x()), round(spot.y()))
    return pixel, panel.view.tooltip_at(spot)


def test_the_watch_layer_colours_a_kecamatan_by_its_share_and_follows_another_workstation(
    qtbot: QtBot, panel: MapPanel, jambi: Store, sqlite_url: str
) -> None:
    all_steps = step_list(jambi)
    arrived, started, counted = all_steps[0], all_steps[1], all_steps[3]
    area, tps = quiet_kecamatan(jambi)
    op = operation(jambi)
    entry.record(jambi, OPERATOR, op, [Mark(t, arrived.id, at(5, 30)) for t in tps[:3]])
    watch_on(qtbot, panel)
    assert not panel.vulnerability.switch.isChecked()  # one area layer at a time
    # The kecamatan's own shapes are on the map now, not the kabupaten/kota.
    code = panel.region_code(area.id)
    assert code is not None and code.count(".") == 2
    # Only arrivals are reported, and their 06:00 has passed: the layer shows arrivals.
    assert panel.watch_shown_step() == arrived
    assert panel.watch_step.currentData() == arrived.id
    colour, text = label_at(panel, area.id)
    assert colour == share_colour(3 / area.total)
    late = area.total - 3
    share = round(300 / area.total)
    assert (
        f"{area.name}: 3 dari {area.total} TPS petugas tiba ({share}%), {late} terlambat, "
        "0 gangguan" in text
    )
    # A step's name inside the sentence keeps its acronym.
    assert f"0 dari {area.total} TPS diterima PPK (0%)" in watch_line(area, all_steps[5], "id")
    outlined, dotted = panel.view.alerts()
    assert outlined[code] == theme.DEFICIT and code not in dotted  # TPS without guards at 10:30
    entries = [t for _c, t in panel.watch.legend.entries]
    assert entries[0] == "0\u201319%" and entries[4] == "80\u2013100%"
    assert entries[-2:] == ["Ada TPS terlambat", "Ada gangguan (kejadian terbuka di TPS)"]

    # Another workstation reports the rest of the kecamatan's guards: full, no longer late.
    changes = recorded_elsewhere(sqlite_url, [Mark(t, arrived.id, at(6, 10)) for t in tps[3:]])
    panel.apply_changes(changes)
    qtbot.waitUntil(lambda: label_at(panel, area.id)[0] == share_colour(1.0), timeout=30_000)
    wait_read(qtbot, panel)
    assert code not in panel.view.alerts()[0]
    assert (
        f"{area.total} dari {area.total} TPS petugas tiba (100%), 0 terlambat"
        in (label_at(panel, area.id)[1])
    )

    # An incident at one of its TPS: disturbed, dotted as the incident layer would.
    with jambi.read() as s:
        type_id = s.scalars(select(IncidentType.id).where(IncidentType.operation_id == op)).first()
        severity = s.scalars(select(Severity.id).where(Severity.operation_id == op)).first()
        desa = s.scalars(select(PollingStation.region_id).where(PollingStation.id == tps[0])).one()
    assert type_id is not None and severity is not None
    follower = JournalFollower(jambi)
    follower.poll()
    incidents.record(
        jambi,
        Actor("op.pagi"),
        incidents.IncidentDraft(
            operation_id=op,
            type_id=type_id,
            severity_id=severity,
            title="Keributan di TPS",
            occurred_at=at(9, 45),
            region_id=desa,
            tps_id=tps[0],
        ),
    )
    news = follower.poll()
    assert news is not None
    panel.apply_changes(news)
    qtbot.waitUntil(lambda: code in panel.view.alerts()[1], timeout=30_000)
    wait_read(qtbot, panel)
    assert panel.view.alerts()[1][code] == theme.DEFICIT
    # (the dot sits on the label point: the text, not the pixel, is read there)
    assert "0 terlambat, 1 gangguan" in label_at(panel, area.id)[1]

    # One TPS elsewhere reports counting finished: the default moves on to that step.
    other, other_tps = quiet_kecamatan(jambi, skip=area.id)
    panel.apply_changes(recorded_elsewhere(sqlite_url, [Mark(other_tps[0], counted.id, at(10))]))
    qtbot.waitUntil(lambda: panel.watch_shown_step() == counted, timeout=30_000)
    wait_read(qtbot, panel)
    assert panel.watch_step.currentData() == counted.id
    # A step chosen by hand stays chosen: voting started, which nobody reported here.
    panel.watch_step.setCurrentIndex(panel.watch_step.findData(started.id))
    panel.watch_step.activated.emit(panel.watch_step.currentIndex())
    assert panel.watch_shown_step() == started
    colour, text = label_at(panel, other.id)
    assert colour == share_colour(1 / other.total)  # counting finished: voting started too
    assert f"1 dari {other.total} TPS pemungutan dimulai" in text

    # Off: the kabupaten/kota come back, with no alert left on them.
    panel.vulnerability.switch.setChecked(True)
    assert panel.map_read is not None and panel.map_read.watch is None
    assert panel.view.alerts() == ({}, {})
    kabkota = panel.boundary(next(iter(panel._shown.kabkota)))
    assert kabkota is not None and kabkota.code.count(".") == 1


def test_a_kabupaten_chosen_stays_chosen_while_the_watch_draws_the_kecamatan(
    qtbot: QtBot, panel: MapPanel, jambi: Store
) -> None:
    """The walk: Tanjung Jabung Barat chosen, then the watch switched on (drawn per
    kecamatan): its outline went and its card went blank. It stays chosen and outlined over
    its kecamatan; the card names it with the watch summed over its kecamatan, and its button
    still filters the other tabs to it. A kecamatan chosen there stays chosen when the watch
    goes off and the kabupaten/kota are drawn again."""
    all_steps = step_list(jambi)
    area, tps = quiet_kecamatan(jambi)
    entry.record(
        jambi, OPERATOR, operation(jambi), [Mark(t, all_steps[0].id, at(5, 30)) for t in tps[:3]]
    )
    with jambi.read() as s:
        kabupaten = s.scalars(select(Region).where(Region.id == area.id)).one().parent_id
        assert kabupaten is not None
        name = s.scalars(select(Region.name).where(Region.id == kabupaten)).one()
    wanted: list[object] = []
    panel.region_filter_wanted.connect(wanted.append)
    click_region(qtbot, panel, kabupaten)
    code = panel.region_code(kabupaten)
    assert code is not None and panel.region_name.text() == name
    watch_on(qtbot, panel)
    assert panel.region_code(area.id) in panel.view.region_codes()  # the kecamatan drawn
    assert code not in panel.view.region_codes()
    assert panel.selected_region() == kabupaten and panel.view.selected() == code
    outline = panel.view.chosen_outline()
    assert outline is not None
    box = panel.boundary(kabupaten)
    assert box is not None
    x0, y0, x1, y1 = box.bbox  # the kabupaten's own outline, in widget pixels
    drawn = outline.boundingRect()
    for got, want in (
        (drawn.topLeft(), panel.view.project(x0, y1)),
        (drawn.bottomRight(), panel.view.project(x1, y0)),
    ):
        assert (got.x(), got.y()) == pytest.approx((want.x(), want.y()), abs=0.5)
    assert panel.region_card.isVisible() and panel.region_name.text() == name
    watch = panel.map_read.watch if panel.map_read is not None else None
    step = panel.watch_shown_step()
    assert watch is not None and step is not None
    mine = [a for a in watch.kecamatan if (panel.region_code(a.id) or "").startswith(code + ".")]
    assert area.id in {a.id for a in mine}
    total = sum(a.total for a in mine)
    reached = sum(a.reached[step.index] for a in mine)
    assert reached >= 3
    assert panel.region_info.text().startswith(
        f"Seluruh {len(mine)} kecamatan: {reached} dari {total} TPS petugas tiba"
    ), panel.region_info.text()
    assert panel.filter_button.isVisibleTo(panel)
    panel.filter_button.click()
    assert wanted == [kabupaten]

    # A kecamatan chosen on the watch's map, then the watch off: it stays chosen.
    shape = panel._shown.kecamatan[area.id]
    qtbot.mouseClick(
        panel.view,
        Qt.MouseButton.LeftButton,
        pos=panel.view.project(*shape.label_point).toPoint(),
    )
    assert panel.selected_region() == area.id
    panel.watch.switch.setChecked(False)
    assert code in panel.view.region_codes()
    assert panel.selected_region() == area.id and panel.view.chosen_outline() is not None
    assert panel.region_card.isVisible() and panel.region_name.text() == shape.name
    assert wanted == [kabupaten]  # the tabs' filter stays as it was


def test_the_default_step_is_the_furthest_reached_or_the_last_deadline_passed(
    jambi: Store,
) -> None:
    all_steps = step_list(jambi)
    op = operation(jambi)
    with jambi.read() as s:
        early = progress.watch(s, op, datetime(2024, 11, 26, 20, 0, tzinfo=UTC))  # 03:00 WIB
        late = progress.watch(s, op, datetime(2024, 11, 27, 14, 0, tzinfo=UTC))  # 21:00 WIB
    assert default_step(early) == all_steps[0]  # nothing reported, no deadline passed
    assert default_step(late) == all_steps[3]  # counting's 20:00 passed


def open_page(qtbot: QtBot, store: Store, clock: FixedClock) -> WatchWall:
    """The wall's watch page alone, shown, its first read landed."""
    page = WatchWall(store, clock=clock)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.loaded() and not page.live.held, timeout=30_000)
    return page


def rows_of(page: WatchWall) -> dict[str, tuple[int, tuple[float, ...], int, int]]:
    return {r.name: (r.total, r.shares, r.overdue, r.disturbed) for r in page.rows_drawn}


def test_the_wall_page_shows_each_polres_and_follows_another_workstation(
    qtbot: QtBot, jambi: Store, sqlite_url: str
) -> None:
    arrived = step_list(jambi)[0]
    area, tps = quiet_kecamatan(jambi)
    entry.record(jambi, OPERATOR, operation(jambi), [Mark(t, arrived.id, at(5)) for t in tps[:2]])
    page = open_page(qtbot, jambi, FixedClock(MORNING))
    page.repaint()
    read = page.progress
    assert read is not None
    polres = next(a for a in read.polres if a.id == area.polres_id)
    rows = rows_of(page)
    assert next(iter(rows)) == "Seluruh operasi"
    assert rows["Seluruh operasi"][0] == read.total and read.total > 5000
    total, shares, overdue, disturbed = rows[polres.name]
    assert (total, overdue, disturbed) == (polres.total, polres.overdue, polres.disturbed)
    assert shares[0] == pytest.approx(2 / polres.total)
    assert f"{round(200 / polres.total)}%" in page.texts_drawn
    assert "Keadaan pukul 10:30 WIB" in page.texts_drawn
    assert "Petugas tiba" in page.texts_drawn
    # Another workstation reports three more arrivals there.
    page.apply_changes(
        recorded_elsewhere(sqlite_url, [Mark(t, arrived.id, at(6, 5)) for t in tps[2:5]])
    )
    qtbot.waitUntil(
        lambda: (
            (page.repaint(), rows_of(page)[polres.name][1][0])[1] == pytest.approx(5 / polres.total)
        ),
        timeout=30_000,
    )
    assert rows_of(page)[polres.name][2] == polres.overdue - 3


def laptop_and_full_hd(
    qtbot: QtBot, store: Store, size: tuple[int, int], tmp_path: Path, name: str
) -> WallBoard:
    with store.read() as s:
        snapshot = overview.build(s, now=MORNING)
    wall = build_wall(store, snapshot, clock=FixedClock(MORNING))
    qtbot.addWidget(wall)
    wall.set_mode("cycle")
    wall.resize(*size)
    wall.show()
    qtbot.waitExposed(wall)
    qtbot.waitUntil(lambda: not wall.busy(), timeout=30_000)
    wall.show_panel(wall.watch)
    assert wall.current_panel() is wall.watch
    wall.watch.repaint()
    wall.grab().save(str(tmp_path / f"{name}.png"))
    return wall


@pytest.mark.usefixtures("app_look")
@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=["1366x768", "1920x1080"])
def test_the_wall_page_fits_the_screen_in_large_type_and_wears_the_night_theme(
    qtbot: QtBot, jambi: Store, size: tuple[int, int], tmp_path: Path
) -> None:
    wall = laptop_and_full_hd(qtbot, jambi, size, tmp_path, f"watch-wall-{size[0]}")
    page = wall.watch
    read = page.progress
    assert read is not None
    assert next(t for t in wall.tiles if t.panel is page).caption.text() == "Pemantauan TPS"
    # Every Polres on one page, each row whole inside the page.
    assert [r.name for r in page.rows_drawn] == ["Seluruh operasi", *(a.name for a in read.polres)]
    inside = QRectF(page.rect())
    assert all(inside.contains(r.rect) for r in page.rows_drawn)
    # Larger than a desk's type, as the wall's other pages.
    desk = QApplication.font().pointSizeF()
    assert page.type_drawn.pointSizeF() >= 1.2 * desk
    # Every step's heading is there, whole.
    for st in read.steps:
        assert st.name in page.texts_drawn
    # Night: the page's text light on the dark wall, the bars' track dark.
    night.apply_night(wall, True)
    try:
        page.repaint()
        ink, _muted, track, _rule = page.colours()
        image = page.grab().toImage()
        background = image.pixelColor(2, image.height() - 2)
        assert theme.contrast(background, theme.WHITE) > 10
        assert theme.contrast(ink, background) >= theme.TEXT_CONTRAST
        assert theme.contrast(track, theme.WHITE) > 7
        wall.grab().save(str(tmp_path / f"watch-wall-{size[0]}-night.png"))
    finally:
        night.apply_night(wall, False)
    page.repaint()
    assert theme.contrast(page.colours()[0], theme.WHITE) > 10  # ink by day


def test_a_deadline_passing_without_a_report_shows_on_the_map_and_the_wall_within_a_minute(
    qtbot: QtBot, jambi: Store
) -> None:
    """05:50 WIB: nobody is late yet; at 06:10 the arrivals' deadline has passed, with no
    journal change at all: the minute's re-read outlines the kecamatan and counts them."""
    clock = FixedClock(datetime(2024, 11, 26, 22, 50, tzinfo=UTC))  # 05:50 WIB
    area, _tps = quiet_kecamatan(jambi)
    panel = open_map(qtbot, jambi, clock)
    page = open_page(qtbot, jambi, clock)
    watch_on(qtbot, panel)
    code = panel.region_code(area.id)
    assert code is not None and panel.view.alerts()[0] == {}
    assert page.progress is not None and page.progress.overdue == ()
    assert panel.watch_timer.isActive() and page.reread_timer.isActive()
    clock.now = datetime(2024, 11, 26, 23, 10, tzinfo=UTC)  # 06:10 WIB
    panel.watch_timer.timeout.emit()
    page.reread_timer.timeout.emit()
    qtbot.waitUntil(lambda: code in panel.view.alerts()[0], timeout=30_000)
    qtbot.waitUntil(
        lambda: page.progress is not None and len(page.progress.overdue) > 5000, timeout=30_000
    )
    panel.vulnerability.switch.setChecked(True)
    assert not panel.watch_timer.isActive()  # off: nothing read every minute
