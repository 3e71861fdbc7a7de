"""The stages panel on the Jambi demo: timeline, now line, selection, ratings, live updates."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import UTC, datetime

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from opscenter.actor import Actor
from opscenter.demo import load_demo
from opscenter.live import JournalFollower
from opscenter.model import Region, Stage, VulnerabilityLevel, VulnerabilityRating
from opscenter.store import Store
from tests.ui.conftest import FixedClock
from ui import theme
from ui.planning_models import HeatColumn
from ui.stage_ratings import MIN_TABLE_ROWS
from ui.stage_timeline_chart import SLIVER
from ui.stages_panel import StagesPanel
from ui.wall_read_only import make_read_only
from ui.wall_tiles import WallTile
from ui.wall_type import FONT_FACTOR, scale_fonts

MASA_TENANG_EVENING = datetime(2024, 11, 26, 14, 30, tzinfo=UTC)  # 21:30 WIB, H-1
VOTING_DAY = datetime(2024, 11, 27, 3, 0, tzinfo=UTC)  # 10:00 WIB on voting day
# The ends of the calendar: registration (the first stage) and the inauguration (the last).
REGISTRATION = datetime(2024, 8, 28, 3, 0, tzinfo=UTC)
INAUGURATION = datetime(2025, 2, 20, 3, 0, tzinfo=UTC)
VOTING_EVENING = datetime(2024, 11, 27, 13, 0, tzinfo=UTC)  # 20:00 WIB


@pytest.fixture
def jambi(store: Store) -> Store:
    load_demo(store, "jambi")
    return store


@pytest.fixture
def panel(qtbot: QtBot, jambi: Store) -> StagesPanel:
    p = StagesPanel(jambi, clock=FixedClock(MASA_TENANG_EVENING))
    qtbot.addWidget(p)
    p.resize(1600, 1000)
    p.show()
    qtbot.waitExposed(p)
    return p


def stage_id(panel: StagesPanel, code: str) -> int:
    assert panel.timeline is not None
    return next(st.id for st in panel.timeline.stages if st.code == code)


def click_row(qtbot: QtBot, panel: StagesPanel, code: str) -> None:
    """Click the middle of a stage's bar (or its row, when it has no dates)."""
    tl = panel.timeline
    assert tl is not None
    stage = next(st for st in tl.stages if st.code == code)
    row = panel.row_of(stage.id)
    assert row is not None
    vb = panel.plot.getPlotItem().vb
    if stage.starts_at and stage.ends_at:
        x = (stage.starts_at.timestamp() + stage.ends_at.timestamp()) / 2
    else:
        x = sum(vb.viewRange()[0]) / 2
    scene = vb.mapViewToScene(QPointF(x, row))
    point = panel.plot.mapFromScene(scene)
    qtbot.mouseClick(panel.plot.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_models_pass_the_tester(panel: StagesPanel, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(panel.ratings_model)


def test_quiet_period_heading_and_now_line(panel: StagesPanel) -> None:
    assert panel.countdown_label.text() == "H-1 pemungutan suara"
    assert "Masa tenang" in panel.current_label.text()
    assert panel._now_line.value() == pytest.approx(MASA_TENANG_EVENING.timestamp())
    assert panel.stage_combo.itemText(0) == "Semua tahapan"
    assert panel.stage_combo.count() == 10  # all + nine stages
    # With "all stages" chosen, the table shows the stage in force.
    assert panel.selected_stage_id is None
    assert panel.ratings_stage_id == stage_id(panel, "masa-tenang")
    assert "tahapan berjalan" in panel.ratings_title.text()


def test_voting_day_is_highlighted(qtbot: QtBot, jambi: Store) -> None:
    p = StagesPanel(jambi, clock=FixedClock(VOTING_DAY))
    qtbot.addWidget(p)
    tl = p.timeline
    assert tl is not None and tl.current is not None
    assert tl.current.code == "pemungutan"
    assert p.countdown_label.text() == "Hari pemungutan suara"
    assert p._bar_colour(tl.current, tl).name() == "#c9a227"  # gold: in force
    counting = next(st for st in tl.stages if st.code == "rekapitulasi")
    assert p._bar_colour(counting, tl).name() != "#c9a227"
    assert p._now_line.value() == pytest.approx(VOTING_DAY.timestamp())


def test_clicking_a_stage_selects_it_and_shows_its_ratings(
    qtbot: QtBot, panel: StagesPanel, qtmodeltester: ModelTester
) -> None:
    voting = stage_id(panel, "pemungutan")
    with qtbot.waitSignal(panel.stage_selected, timeout=2000) as blocker:
        click_row(qtbot, panel, "pemungutan")
    assert blocker.args == [voting]
    assert panel.selected_stage_id == voting
    assert panel.ratings_stage_id == voting
    assert panel.stage_combo.currentData() == voting
    model = panel.ratings_model
    qtmodeltester.check(model)
    m = model.matrix
    assert m is not None
    keamanan = next(i for i, a in enumerate(m.aspects) if a.code == "keamanan")
    col = HeatColumn.FIRST_ASPECT + keamanan
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    for region in ("Kabupaten Kerinci", "Kota Sungai Penuh"):
        row = next(r for name, r in rows.items() if region.split()[-1] in name)
        assert model.index(row, col).data() == "Tinggi"
    # Polri and Bawaslu are labelled apart; Bawaslu's index is filled for voting day.
    assert "Polri" in model.headerData(col, Qt.Orientation.Horizontal)
    assert "Bawaslu" in model.headerData(model.bawaslu_column(), Qt.Orientation.Horizontal)
    assert model.index(0, model.bawaslu_column()).data() != "\u2014"
    # Read-only.
    assert not model.flags(model.index(0, col)) & Qt.ItemFlag.ItemIsEditable

    # "Semua tahapan" goes back to all stages (None) and to the stage in force.
    with qtbot.waitSignal(panel.stage_selected) as blocker:
        panel.stage_combo.activated.emit(0)
    assert blocker.args == [None]
    assert panel.ratings_stage_id == stage_id(panel, "masa-tenang")


def test_clicking_an_undated_stage_selects_it(qtbot: QtBot, panel: StagesPanel) -> None:
    assert panel.timeline is not None
    target = stage_id(panel, "penetapan-terpilih")
    with qtbot.waitSignal(panel.stage_selected) as blocker:
        click_row(qtbot, panel, "penetapan-terpilih")
    assert blocker.args == [target]


def test_rating_change_repaints_only_its_cell(
    qtbot: QtBot, panel: StagesPanel, jambi: Store, qtmodeltester: ModelTester
) -> None:
    panel.select_stage(stage_id(panel, "pemungutan"))
    model = panel.ratings_model
    qtmodeltester.check(model)
    follower = JournalFollower(jambi)
    with jambi.transaction(Actor("op.malam"), "test.rate") as s:
        batanghari = s.scalars(select(Region.id).where(Region.name == "Kabupaten Batanghari")).one()
        tinggi = s.scalars(
            select(VulnerabilityLevel.id).where(VulnerabilityLevel.code == "tinggi")
        ).one()
        rating = s.scalars(
            select(VulnerabilityRating).where(
                VulnerabilityRating.region_id == batanghari,
                VulnerabilityRating.stage_id == panel.ratings_stage_id,
                VulnerabilityRating.source == "polri",
            )
        ).first()
        assert rating is not None
        rating.level_id = tinggi
        aspect_id = rating.aspect_id
    changes = follower.poll()
    assert changes is not None and "vulnerability_rating" in changes
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(model.dataChanged) as blocker:
        panel.apply_changes(changes)
    top, bottom = blocker.args[0], blocker.args[1]
    assert top == bottom
    assert model.key(top) == (batanghari, aspect_id)
    assert top.data() == "Tinggi"
    assert not resets


def test_stage_change_reloads_the_timeline(qtbot: QtBot, panel: StagesPanel, jambi: Store) -> None:
    follower = JournalFollower(jambi)
    undated = stage_id(panel, "penetapan-terpilih")
    with jambi.transaction(Actor("op.malam"), "test.stage") as s:
        stage = s.get(Stage, undated)
        assert stage is not None
        stage.note = "menunggu putusan MK (perkara 12/PHPU)"
    changes = follower.poll()
    assert changes is not None
    with qtbot.waitSignal(panel.live.applied):  # read off the GUI thread, then shown
        panel.apply_changes(changes)
    qtbot.waitUntil(lambda: not panel.live.held)
    assert panel.timeline is not None
    shown = panel.timeline.stage(undated)
    assert shown is not None and shown.note == "menunggu putusan MK (perkara 12/PHPU)"


def _rerate(store: Store, region: str, stage: int) -> None:
    """Move a region's Polri rating for ``stage`` to another level."""
    with store.transaction(Actor("op.malam"), "test.rate") as s:
        region_id = s.scalars(select(Region.id).where(Region.name == region)).one()
        rating = s.scalars(
            select(VulnerabilityRating).where(
                VulnerabilityRating.region_id == region_id,
                VulnerabilityRating.stage_id == stage,
                VulnerabilityRating.source == "polri",
            )
        ).first()
        assert rating is not None
        levels = s.scalars(select(VulnerabilityLevel.id)).all()
        rating.level_id = next(x for x in levels if x != rating.level_id)


def test_a_hidden_panel_reads_nothing_until_shown_then_once(
    qtbot: QtBot, panel: StagesPanel, jambi: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from opscenter import stage_view

    real = stage_view.ratings_by_id
    reads: list[set[int]] = []

    def counting(session: object, operation_id: int, ids: object) -> object:
        reads.append(set(ids))  # type: ignore[call-overload]
        return real(session, operation_id, ids)  # type: ignore[arg-type]

    monkeypatch.setattr(stage_view, "ratings_by_id", counting)
    stage = panel.ratings_stage_id
    assert stage is not None
    follower = JournalFollower(jambi)
    panel.hide()
    _rerate(jambi, "Kabupaten Batanghari", stage)
    first = follower.poll()
    _rerate(jambi, "Kabupaten Kerinci", stage)
    second = follower.poll()
    assert first is not None and second is not None
    panel.apply_changes(first)
    panel.apply_changes(second)
    assert reads == []  # hidden: nothing read on the GUI thread
    panel.show()
    ids = first.ids("vulnerability_rating") | second.ids("vulnerability_rating")
    assert reads == [set(ids)]  # once, for both


def test_empty_database(qtbot: QtBot, store: Store, qtmodeltester: ModelTester) -> None:
    p = StagesPanel(store, clock=FixedClock(MASA_TENANG_EVENING))
    qtbot.addWidget(p)
    assert p.timeline is None
    assert p.current_label.text() == "Belum ada operasi"
    assert p.ratings_model.rowCount() == 0
    qtmodeltester.check(p.ratings_model)
    p.select_stage(12345)  # nothing to select: stays on "all"
    assert p.selected_stage_id is None


@pytest.fixture
def base_font(qapp: QApplication) -> Iterator[None]:
    """The application's base size (ui.theme's, larger than the tests' default): the sizes
    the panel is drawn at on a desk, and FONT_FACTOR times them on the wall."""
    old = qapp.font()
    font = QFont(old)
    font.setPointSizeF(theme.BASE_POINT_SIZE)
    qapp.setFont(font)
    yield
    qapp.setFont(old)


def wall_panel(qtbot: QtBot, store: Store, now: datetime, width: int, height: int) -> StagesPanel:
    """The panel as the wall shows it: type enlarged, controls (and desk-only text) hidden."""
    p = StagesPanel(store, clock=FixedClock(now))
    qtbot.addWidget(p)
    scale_fonts([p], FONT_FACTOR)
    make_read_only(p)
    p.resize(width, height)
    p.show()
    qtbot.waitExposed(p)
    return p


@pytest.mark.parametrize("now", [REGISTRATION, VOTING_EVENING, INAUGURATION])
@pytest.mark.parametrize("wall", [False, True], ids=["desk", "wall"])
@pytest.mark.usefixtures("base_font")
def test_labels_stay_inside_the_plot_and_apart(
    qtbot: QtBot, jambi: Store, now: datetime, wall: bool
) -> None:
    if wall:
        p = wall_panel(qtbot, jambi, now, 1900, 910)
    else:
        p = StagesPanel(jambi, clock=FixedClock(now))
        qtbot.addWidget(p)
        p.resize(1900, 850)
        p.show()
        qtbot.waitExposed(p)
    p.grab()  # text in a plot takes its place on screen when drawn
    view = p.plot.getPlotItem().vb.sceneBoundingRect().adjusted(-1, -1, 1, 1)
    now_rect = p._now_label.sceneBoundingRect()
    assert p._now_label.textItem.toPlainText().startswith("Sekarang")
    assert view.contains(now_rect)
    vb = p.plot.getPlotItem().vb
    dates = [i for i in vb.addedItems if isinstance(i, pg.TextItem) and i is not p._now_label]
    assert len(dates) == 9  # every stage: its dates, or why it has none
    for item in dates:
        rect = item.sceneBoundingRect()
        text = item.textItem.toPlainText()
        assert view.contains(rect), text  # not cut by the plot's edge...
        assert "\u2026" not in text  # ...nor shortened: at these sizes there is room
        assert not rect.intersects(now_rect), text  # "now" never covers a date
    rects = [item.sceneBoundingRect() for item in dates]
    for i, a in enumerate(rects):
        assert not any(a.intersects(b) for b in rects[i + 1 :])


@pytest.mark.usefixtures("base_font")
@pytest.mark.parametrize("width", [1366, 1920])
@pytest.mark.parametrize(
    ("lo", "hi"),
    [
        (datetime(2024, 11, 20, tzinfo=UTC), datetime(2024, 12, 5, tzinfo=UTC)),  # 2 weeks
        (datetime(2024, 11, 26, 18, tzinfo=UTC), datetime(2024, 11, 28, tzinfo=UTC)),  # hours
        (datetime(2024, 12, 10, tzinfo=UTC), datetime(2025, 1, 20, tzinfo=UTC)),  # after it
        # From midnight WIB on 24 November: the campaign ends on the edge, its bar unseen.
        (datetime(2024, 11, 23, 17, tzinfo=UTC), datetime(2024, 12, 1, tzinfo=UTC)),
    ],
    ids=["weeks", "hours", "after-voting", "campaign-on-the-edge"],
)
def test_zoomed_in_the_stages_out_of_sight_point_to_their_dates(
    qtbot: QtBot, jambi: Store, width: int, lo: datetime, hi: datetime
) -> None:
    """The tester zoomed in on the time axis: the dates of the stages left of it (and "now")
    stood in a column against the axis line, as if they belonged to the days shown. Zoomed
    in, every label is inside the plot and apart; one whose stage is wholly out of sight
    points to it with an arrow, at that edge, clear of the axis."""
    p = StagesPanel(jambi, clock=FixedClock(VOTING_EVENING))
    qtbot.addWidget(p)
    p.resize(width, 900)
    p.show()
    qtbot.waitExposed(p)
    vb = p.plot.getPlotItem().vb
    p.plot.getPlotItem().setXRange(lo.timestamp(), hi.timestamp(), padding=0)
    p.grab()  # text in a plot takes its place on screen when drawn
    (x0, x1), _ = vb.viewRange()
    view = vb.sceneBoundingRect()
    gap = QFontMetrics(p._bar_font).averageCharWidth()
    sliver = SLIVER * (x1 - x0) / vb.width()  # a bar narrower than this shows nothing
    shown = [label for label in p._labels if label.item.isVisible()]
    assert len(shown) == len(p._labels) == 10  # nine stages and now: none needs hiding here
    left_out = 0
    for label in shown:
        rect = label.item.sceneBoundingRect()
        text = label.item.textItem.toPlainText()
        assert view.adjusted(-1, -1, 1, 1).contains(rect), text
        assert "\u2026" not in text, text  # room enough: whole
        if label.dated and label.end < x0 + sliver:
            left_out += 1
            assert text.startswith("\u2190 "), text
            assert rect.left() - view.left() >= min(label.gap, gap) - 1, text  # off the axis
        elif label.dated and label.start > x1 - sliver:
            assert text.endswith(" \u2192"), text
            assert view.right() - rect.right() >= min(label.gap, gap) - 1, text
        else:
            assert "\u2190" not in text and "\u2192" not in text, text
    assert left_out >= 2
    rects = [label.item.sceneBoundingRect() for label in shown]
    for i, a in enumerate(rects):
        assert not any(a.intersects(b) for b in rects[i + 1 :])
    # Back to the whole calendar: every stage in sight, no arrows.
    p.plot.getPlotItem().setXRange(*p._full_range, padding=0)
    assert not any(
        "\u2190" in label.item.textItem.toPlainText()
        or "\u2192" in label.item.textItem.toPlainText()
        for label in p._labels
    )


@pytest.mark.usefixtures("base_font")
def test_wall_type_leaves_the_table_its_header_and_rows(qtbot: QtBot, jambi: Store) -> None:
    p = wall_panel(qtbot, jambi, VOTING_EVENING, 1900, 910)
    view = p.ratings_view
    header = view.horizontalHeader()
    # The two-line headers ("Politik / (Polri)") whole, and rows under them.
    assert header.height() >= 2 * header.fontMetrics().height()
    assert view.viewport().height() >= MIN_TABLE_ROWS * view.rowHeight(0)
    shown = sum(
        1
        for row in range(p.ratings_model.rowCount())
        if view.visualRect(p.ratings_model.index(row, 0)).bottom() < view.viewport().height()
    )
    assert shown >= MIN_TABLE_ROWS
    # The note is desk-only (the headers say whose each column is); on the desk it shows.
    assert not p.ratings_note.isVisible()
    assert p.ratings_title.isVisible()


def test_desk_explains_the_two_measures(panel: StagesPanel) -> None:
    assert panel.ratings_note.isVisible()
    assert "Bawaslu" in panel.ratings_note.text() and "Polri" in panel.ratings_note.text()
    assert panel.ratings_view.viewport().height() >= 5 * panel.ratings_view.rowHeight(0)


def test_too_low_for_both_shows_the_timeline_alone(qtbot: QtBot, jambi: Store) -> None:
    """A low tile (the wall tiled on one screen) gets the timeline alone rather than a
    table drawn over by it; taller again, the table is back. (The wall scrolls nothing; a
    desk scrolls down to the table instead: ``tests/ui/test_fit.py``.)"""
    panel = StagesPanel(jambi, clock=FixedClock(MASA_TENANG_EVENING))
    make_read_only(panel)  # as the wall makes its panels
    tile = WallTile("Tahapan", panel)  # a wall tile squeezes a panel below its minimum
    qtbot.addWidget(tile)
    tile.resize(1600, panel.plot.minimumHeight() + 160)
    tile.show()
    qtbot.waitUntil(lambda: not panel.ratings_box.isVisible())
    assert panel.plot.isVisible()
    tile.resize(1600, 1100)
    qtbot.waitUntil(panel.ratings_box.isVisible)
    assert panel.ratings_view.viewport().height() >= MIN_TABLE_ROWS * panel.ratings_view.rowHeight(
        0
    )


def test_ikp_figures_read_in_their_level_colour(qtbot: QtBot, jambi: Store) -> None:
    """The IKP column paints each figure in its level's colour; an amber "Sedang" on white
    would be 1.9:1, so the view's delegate darkens it to text contrast."""
    panel = StagesPanel(jambi, clock=FixedClock(VOTING_EVENING))  # the IKP of voting day
    qtbot.addWidget(panel)
    view = panel.ratings_view
    model = panel.ratings_model
    painted = 0
    cells = [(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())]
    for row, column in cells:
        index = model.index(row, column)
        if index.data(Qt.ItemDataRole.ForegroundRole) is None:
            continue
        if index.data(Qt.ItemDataRole.BackgroundRole) is not None:
            continue  # a coloured cell carries its own ink (theme.text_on)
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.palette = view.palette()
        view.itemDelegate().initStyleOption(option, index)
        surface = option.palette.color(QPalette.ColorRole.Base)
        ink = option.palette.color(QPalette.ColorRole.Text)
        assert theme.contrast(ink, surface) >= theme.TEXT_CONTRAST
        painted += 1
    assert painted


# Read today (2026), long after the operation: it must not frame the years in between.
LONG_AFTER = datetime(2026, 12, 1, 22, 30, tzinfo=UTC)


def tick_labels_apart(axis: pg.AxisItem, lo: float, hi: float, width: int) -> list[str]:
    """Every tick string the axis would draw over ``width`` pixels (all levels together),
    checked for overlap of their pixel extents (centred on their ticks, as pyqtgraph draws
    them); returns the strings."""
    metrics = QFontMetrics(axis.style["tickFont"] or QApplication.font())
    extents = []
    for spacing, values in axis.tickValues(lo, hi, width):
        for value, text in zip(values, axis.tickStrings(values, 1.0, spacing), strict=True):
            x = (value - lo) / (hi - lo) * width
            half = metrics.horizontalAdvance(text) / 2
            extents.append((x - half, x + half, text))
    extents.sort()
    for (_l0, r0, t0), (l1, _r1, t1) in itertools.pairwise(extents):
        assert r0 <= l1, f"{t0!r} and {t1!r} overlap at {width} px"
    return [t for _l, _r, t in extents]


@pytest.mark.parametrize("width", [240, 420, 700, 1000, 1366, 1920, 2600])
@pytest.mark.parametrize(
    ("lo", "hi"),
    [
        (datetime(2024, 8, 18, tzinfo=UTC), datetime(2025, 3, 6, tzinfo=UTC)),  # the calendar
        (datetime(2024, 8, 18, tzinfo=UTC), datetime(2026, 12, 1, tzinfo=UTC)),  # to today
        (datetime(2024, 10, 28, tzinfo=UTC), datetime(2024, 12, 26, tzinfo=UTC)),  # 2 months
        (datetime(2024, 11, 20, tzinfo=UTC), datetime(2024, 12, 5, tzinfo=UTC)),  # 2 weeks
        (datetime(2024, 11, 26, 18, tzinfo=UTC), datetime(2024, 11, 28, tzinfo=UTC)),  # hours
    ],
    ids=["calendar", "to-today", "months", "weeks", "hours"],
)
@pytest.mark.parametrize("factor", [1.1, 1.1 * FONT_FACTOR], ids=["desk", "wall"])
def test_axis_labels_never_overlap(
    qapp: QApplication, width: int, lo: datetime, hi: datetime, factor: float
) -> None:
    from ui.date_axis import LocalDateAxis

    axis = LocalDateAxis("Asia/Jakarta")
    font = QFont(qapp.font())
    font.setPointSizeF(theme.BASE_POINT_SIZE * factor)
    axis.setStyle(tickFont=font)
    texts = tick_labels_apart(axis, lo.timestamp(), hi.timestamp(), width)
    if width >= 420:
        assert len(texts) >= 2  # dates to read, not an empty axis


MONTHS_ACROSS_NEW_YEAR = [(2024, 11), (2024, 12), (2025, 1), (2025, 2)]


@pytest.mark.parametrize(
    ("lang", "months"),
    [
        ("id", ["Nov 2024", "Des 2024", "Jan 2025", "Feb 2025"]),
        ("en", ["Nov 2024", "Dec 2024", "Jan 2025", "Feb 2025"]),
    ],
)
def test_a_month_axis_writes_january_as_it_writes_every_month(
    qapp: QApplication, lang: str, months: list[str]
) -> None:
    """The walk: "Nov 2024", "Des 2024", then a bare "2025" for January; January reads as its
    neighbours, in the interface language. A year step still reads "2025"."""
    from zoneinfo import ZoneInfo

    from PySide6.QtCore import QLocale

    from ui.date_axis import UNIT_S, LocalDateAxis

    zone = ZoneInfo("Asia/Jakarta")
    before = QLocale()
    QLocale.setDefault(QLocale(lang))
    try:
        axis = LocalDateAxis(zone)
        firsts = [datetime(y, m, 1, tzinfo=zone).timestamp() for y, m in MONTHS_ACROSS_NEW_YEAR]
        assert axis.tickStrings(firsts, 1.0, float(UNIT_S["month"])) == months
        assert axis.tickStrings(firsts[2:3], 1.0, float(UNIT_S["year"])) == ["2025"]
    finally:
        QLocale.setDefault(before)


@pytest.mark.usefixtures("base_font")
@pytest.mark.parametrize("width", [700, 1000, 1366, 1920])
@pytest.mark.parametrize("now", [VOTING_EVENING, LONG_AFTER], ids=["voting", "long-after"])
def test_the_panels_axis_reads_cleanly_at_any_width(
    qtbot: QtBot, jambi: Store, width: int, now: datetime
) -> None:
    """It used to print "Nov 20263 Nov" (a month's label run into a day's)."""
    p = StagesPanel(jambi, clock=FixedClock(now))
    qtbot.addWidget(p)
    p.resize(width, 900)
    p.show()
    qtbot.waitExposed(p)
    p.grab()  # the axis as drawn
    vb = p.plot.getPlotItem().vb
    (x0, x1), _ = vb.viewRange()
    texts = tick_labels_apart(p.plot.getPlotItem().getAxis("bottom"), x0, x1, int(vb.width()))
    assert len(texts) >= 2


@pytest.mark.usefixtures("base_font")
@pytest.mark.parametrize(("wall", "width"), [(False, 1600), (True, 960)], ids=["desk", "wall-tile"])
def test_a_past_operation_is_framed_on_its_own_period(
    qtbot: QtBot, jambi: Store, wall: bool, width: int
) -> None:
    """Read long after it ended, the timeline shows the operation's months (around voting
    day in a narrow tile), not the empty years up to today; "now" is named at the edge,
    with its year and an arrow pointing out."""
    if wall:
        p = wall_panel(qtbot, jambi, LONG_AFTER, width, 700)
    else:
        p = StagesPanel(jambi, clock=FixedClock(LONG_AFTER))
        qtbot.addWidget(p)
        p.resize(width, 900)
        p.show()
        qtbot.waitExposed(p)
    tl = p.timeline
    assert tl is not None
    vb = p.plot.getPlotItem().vb
    (x0, x1), _ = vb.viewRange()
    voting = next(st for st in tl.stages if st.is_voting)
    assert voting.starts_at is not None
    assert x0 <= voting.starts_at.timestamp() <= x1
    assert x1 < datetime(2025, 6, 1, tzinfo=UTC).timestamp()  # not stretched to 2026
    if not wall:
        starts = [st.starts_at.timestamp() for st in tl.stages if st.starts_at]
        ends = [st.ends_at.timestamp() for st in tl.stages if st.ends_at]
        assert x0 <= min(starts) and max(ends) <= x1  # the whole calendar
    p.grab()
    text = p._now_label.textItem.toPlainText()
    assert text.startswith("Sekarang 2 ") and text.endswith(" 2026 \u2192")  # 05:30 WIB
    view = vb.sceneBoundingRect().adjusted(-1, -1, 1, 1)
    assert view.contains(p._now_label.sceneBoundingRect())


@pytest.mark.usefixtures("base_font")
def test_the_now_line_never_crosses_a_label(qtbot: QtBot, jambi: Store) -> None:
    """The wall at 1366x768 on voting evening (the walk): "belum bertanggal: menunggu putusan
    MK" straddles the red now line; the words stay on the plot's own background."""
    p = wall_panel(qtbot, jambi, VOTING_EVENING, 1340, 560)
    image = p.plot.grab().toImage()
    vb = p.plot.getPlotItem().vb
    line_x = p.plot.mapFromScene(vb.mapViewToScene(QPointF(VOTING_EVENING.timestamp(), 0))).x()
    crossed = []
    for item in vb.addedItems:
        if not isinstance(item, pg.TextItem) or item is p._now_label:
            continue
        rect = p.plot.mapFromScene(item.sceneBoundingRect()).boundingRect()
        if not rect.left() < line_x < rect.right():
            continue
        crossed.append(item.textItem.toPlainText())
        for x in range(int(line_x) - 2, int(line_x) + 3):
            for y in range(rect.top() + 2, rect.bottom() - 1):
                pixel = image.pixelColor(x, y)
                assert not (pixel.red() > 150 and pixel.green() < 90), item.textItem.toPlainText()
    assert "belum bertanggal: menunggu putusan MK" in crossed
