"""The election stages: a timeline in the operation's time zone, "now", and a stage's ratings.

One row per stage (PKPU 2/2024, data per operation), a bar over its days, the stage in force
in gold, voting day in red, a red "now" line from the clock. Clicking a row (or choosing it
in the list) selects the stage: ``stage_selected`` carries its id (None: all stages) for the
incidents panel to filter, and the table below shows that stage's vulnerability ratings.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pyqtgraph as pg
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QLocale,
    QObject,
    QPointF,
    Qt,
    QTimer,
    QTimeZone,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from opscenter import stage_view
from opscenter.clock import now as operation_now
from opscenter.errors import NoOperation, NotFound, log_failure
from opscenter.live import JournalChanges
from opscenter.operations import zone_label
from opscenter.progress import CancelToken, Job, Progress, no_progress
from opscenter.stage_view import Matrix, StageSpan, Timeline
from opscenter.store import Store
from ui import theme
from ui.date_axis import LocalDateAxis
from ui.live_updates import LiveUpdates
from ui.operation_header import countdown_text
from ui.planning_models import HeatColumn
from ui.stage_ratings_model import StageRatingsModel
from ui.translations import interface_language
from ui.worker import start_job

# Bars: ordinary stages in Polri blue, voting day red, the stage in force gold.
BAR = QColor("#3b6ea5")
VOTING = QColor("#c62828")
NOW = QColor("#d32f2f")
SELECTION = QColor(201, 162, 39, 60)  # gold, translucent: the chosen row
BAR_HEIGHT = 0.62
DAY = 86_400
# A row of the timeline, in lines of the stage names (and never lower than a date label).
ROW_LINES = 1.15
# The row the "now" label has to itself, above the first stage: it can never cover a date.
NOW_ROW = -1
# The ratings table shows its header and at least this many regions, however tall the
# timeline is (on the wall, where type is nearly twice the size, the two share the height).
MIN_TABLE_ROWS = 3
# Journal entities that change what the timeline or the table's rows and columns are.
STRUCTURE = ("stage", "operation", "region", "aspect", "vulnerability_level")
# Narrower than this (about 1,100 px for the whole calendar), show the weeks around now.
NARROW_DAYS_PER_PX = 0.2
# The now line moves and the date may turn: look at the clock this often.
TICK_MS = 60_000


log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("StagesPanel", text)


def _ts(moment: datetime) -> float:
    return moment.timestamp()


def _day(day: date, locale: QLocale, fmt: str) -> str:
    return locale.toString(QDate(day.year, day.month, day.day), fmt)


def period_text(stage: StageSpan, locale: QLocale, *, short: bool = False) -> str:
    """ "24–26 Nov 2024", "27 Nov 2024", or why there is no date yet."""
    fmt = "d MMM yyyy" if short else "d MMMM yyyy"
    if stage.starts_on is None:
        return undated_text(stage)
    end = stage.ends_on or stage.starts_on
    if end == stage.starts_on:
        return _day(stage.starts_on, locale, fmt)
    if (end.year, end.month) == (stage.starts_on.year, stage.starts_on.month):
        return f"{stage.starts_on.day}\u2013{_day(end, locale, fmt)}"
    return f"{_day(stage.starts_on, locale, fmt[:-5])} \u2013 {_day(end, locale, fmt)}"


@dataclass
class BarLabel:
    """A text beside a bar (or beside the line, for "now"): the span it belongs to, in seconds,
    and the whole text. ``_place_labels`` decides the side and, if need be, shortens it."""

    item: pg.TextItem
    text: str
    row: float
    start: float
    end: float
    gap: float  # pixels between the bar and the text
    before: bool = False  # rather left of the bar than right of it


def undated_text(stage: StageSpan) -> str:
    """Why a stage has no date: its note when staff wrote one, else the usual reason."""
    if stage.note:
        return stage.note
    return _tr("belum bertanggal: menunggu putusan MK")


def _shown_stage(tl: Timeline | None, selected: int | None) -> int | None:
    """The stage whose ratings show: the chosen one, else the one in force, else voting."""
    if tl is None:
        return None
    if selected is not None:
        return selected
    if tl.current_stage_id is not None:
        return tl.current_stage_id
    voting = next((st for st in tl.stages if st.is_voting), None)
    return voting.id if voting else (tl.stages[0].id if tl.stages else None)


class StagesPanel(QWidget):
    """Timeline of the operation's stages with "now", and the chosen stage's ratings."""

    stage_selected = Signal(object)  # stage id, or None for all stages

    def __init__(
        self,
        store: Store,
        *,
        clock: Callable[[], datetime] = operation_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stagesPanel")
        self._store = store
        self._generation = 0  # bumped by each background re-read
        self.live = LiveUpdates(self, apply=self._apply, reload=self.reload, name="stages panel")
        # Stage, aspect and level names are read in the interface's language.
        self._lang = interface_language()
        self._clock = clock
        self._timeline: Timeline | None = None
        self._selected: int | None = None
        self._locale = QLocale()

        # -- heading: the stage in force and the count to voting day --------------------------
        self.title_label = QLabel(_tr("Tahapan pemilihan"), self)
        self.title_label.setFont(theme.scaled_font(self, 1.5, bold=True))
        self.title_label.setProperty("wallHide", True)  # the wall's tile caption names it
        self.current_label = QLabel(self)
        self.current_label.setObjectName("currentStageLabel")
        self.current_label.setFont(theme.scaled_font(self, 1.25, bold=True))
        self.countdown_label = QLabel(self)
        self.countdown_label.setObjectName("countdownLabel")
        self.countdown_label.setFont(theme.scaled_font(self, 1.25, bold=True))
        self.countdown_label.setStyleSheet(
            f"#countdownLabel {{ background: {theme.GOLD.name()}; color: {theme.NAVY.name()};"
            " border-radius: 6px; padding: 4px 14px; }"
        )
        self.stage_combo = QComboBox(self)
        self.stage_combo.setObjectName("stageCombo")
        self.stage_combo.setFont(theme.scaled_font(self, 1.1))
        self.stage_combo.setToolTip(_tr("Pilih tahapan: kejadian dan kerawanan mengikutinya"))
        self.stage_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.stage_combo.activated.connect(self._on_combo)
        for label in (self.title_label, self.current_label, self.countdown_label):
            label.setTextFormat(Qt.TextFormat.PlainText)  # names come from the database

        # Two rows: the title and the list, which the wall hides (the whole row then takes no
        # room from the table), and the stage in force, wrapping in a narrow tile, with the count.
        heading = QVBoxLayout()
        heading.setSpacing(4)
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.title_label, 1)
        show_label = QLabel(_tr("Tampilkan:"), self)
        show_label.setProperty("wallHide", True)  # goes with the list (ui.wall hides both)
        top.addWidget(show_label)
        top.addWidget(self.stage_combo)
        second = QHBoxLayout()
        second.setSpacing(12)
        second.addWidget(self.current_label, 1)
        second.addWidget(self.countdown_label, 0, Qt.AlignmentFlag.AlignTop)
        heading.addLayout(top)
        heading.addLayout(second)
        self.current_label.setWordWrap(True)

        # -- the timeline ----------------------------------------------------------------------
        self.plot = pg.PlotWidget(parent=self, background="w")
        self.plot.setObjectName("stagesTimeline")
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(x=True, y=False)
        self.plot.showGrid(x=True, y=False, alpha=0.25)
        self._item = self.plot.getPlotItem()
        self._item.invertY(True)  # first stage on top, as read
        self._now_line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(NOW, width=3))
        self._now_line.setZValue(20)
        # In a row of its own above the stages (NOW_ROW), beside the line: placed with the
        # date labels, on the past side when it fits there.
        self._now_label = pg.TextItem(
            "", color=QColor("white"), fill=pg.mkBrush(NOW), anchor=(0, 0.5)
        )
        self._now_label.setZValue(21)
        self._labels: list[BarLabel] = []
        self._scale_plot_fonts()
        self._selection = pg.LinearRegionItem(
            orientation="horizontal", movable=False, brush=pg.mkBrush(SELECTION), pen=pg.mkPen(None)
        )
        self._selection.setZValue(-10)
        self._drawn: list[pg.GraphicsObject] = []
        self.plot.scene().sigMouseClicked.connect(self._on_plot_clicked)
        self._full_range = (0.0, 1.0)
        self._focus = 0.5  # where a narrow timeline looks: now, or voting day (``_draw``)
        self._item.vb.sigResized.connect(self._fit_x_range)
        self._item.vb.sigXRangeChanged.connect(self._place_labels)  # dragged by hand

        # -- the ratings of the chosen stage --------------------------------------------------
        self.ratings_title = QLabel(self)
        self.ratings_title.setObjectName("ratingsTitle")
        self.ratings_title.setFont(theme.scaled_font(self, 1.25, bold=True))
        self.ratings_title.setTextFormat(Qt.TextFormat.PlainText)
        self.ratings_title.setWordWrap(True)  # a long stage name beside the legend, on the wall
        self.ratings_note = QLabel(
            _tr(
                "Kolom aspek: penilaian Polri (ketertiban umum). Kolom terakhir: IKP Bawaslu "
                "0\u2013100 (kerawanan proses pemilihan). Dua ukuran berbeda, tidak digabung."
            ),
            self,
        )
        self.ratings_note.setWordWrap(True)
        self.ratings_note.setStyleSheet(f"color: {theme.MUTED.name()};")
        # Desk only: on the wall the column headers ("(Polri)", "(proses pemilihan)") have to
        # say it, and the rows need the room.
        self.ratings_note.setProperty("wallHide", True)
        # The levels' colours. Desk only: every cell names its level in words, and on the wall
        # the title needs the width (beside the chips a long stage name takes two lines).
        self.legend_box = QWidget(self)
        self.legend_box.setProperty("wallHide", True)
        self.legend = QHBoxLayout(self.legend_box)
        self.legend.setContentsMargins(0, 0, 0, 0)
        self.legend.setSpacing(8)
        self.ratings_model = StageRatingsModel(self)
        theme.mode.changed.connect(self._theme_changed)  # the legend's chips follow the cells
        self.ratings_view = QTableView(self)
        self.ratings_view.setObjectName("stageRatings")
        self.ratings_view.setModel(self.ratings_model)
        # The IKP column's figures in their level's colour: an amber "Sedang" on white
        # (1.9:1) or any list colour at night is made readable where it is painted.
        self.ratings_view.setItemDelegate(theme.ReadableTextDelegate(self.ratings_view))
        self.ratings_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ratings_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.ratings_view.setAlternatingRowColors(False)
        self.ratings_view.verticalHeader().hide()
        self.ratings_view.setWordWrap(False)
        header = self.ratings_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ratings_view.setFont(theme.scaled_font(self, 1.05))
        # The wall sets the table's fonts after the panel's: its heights follow them there.
        self.ratings_view.installEventFilter(self)
        header.installEventFilter(self)

        ratings = QWidget(self)
        ratings_col = QVBoxLayout(ratings)
        ratings_col.setContentsMargins(0, 6, 0, 0)
        ratings_col.setSpacing(4)
        top = QHBoxLayout()
        top.addWidget(self.ratings_title, 1)
        top.addWidget(self.legend_box, 0, Qt.AlignmentFlag.AlignTop)
        ratings_col.addLayout(top)
        ratings_col.addWidget(self.ratings_note)
        ratings_col.addWidget(self.ratings_view, 1)

        # The timeline at the height its rows need, the table the rest (and more by dragging).
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.plot)
        self.splitter.addWidget(ratings)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)

        self.ratings_box = ratings
        self._column = column = QVBoxLayout(self)
        column.setContentsMargins(16, 12, 16, 12)
        column.setSpacing(8)
        column.addLayout(heading)
        column.addWidget(self.splitter, 1)

        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start()
        self.reload()

    # -- public API (the panel contract) ---------------------------------------------------

    @property
    def timeline(self) -> Timeline | None:
        return self._timeline

    @property
    def selected_stage_id(self) -> int | None:
        return self._selected

    @property
    def ratings_stage_id(self) -> int | None:
        """The stage whose ratings the table shows: the chosen one, else the one in force."""
        return self.ratings_model.stage_id

    def reload(self) -> None:
        """Re-read the calendar and the shown ratings (a new query: the table resets)."""
        self._show_read(self._read_job()(no_progress, CancelToken()))

    def reload_later(self) -> None:
        """``reload`` off the GUI thread (a live change of the calendar: the ratings of
        hundreds of regions are read by a worker); changes meanwhile wait for it."""
        self.live.hold()
        self._generation += 1
        generation = self._generation

        def landed(result: tuple[Timeline | None, Matrix | None]) -> None:
            if generation == self._generation:
                self._show_read(result)
            self.live.release()

        def failed(error: BaseException) -> None:
            log_failure(log, error, "stages re-read")
            self.live.release()

        start_job(self._read_job(), parent=self, on_success=landed, on_failure=failed)

    def _read_job(self) -> Job[tuple[Timeline | None, Matrix | None]]:
        store, now, lang, selected = self._store, self._clock(), self._lang, self._selected

        def job(_progress: Progress, _cancel: CancelToken) -> tuple[Timeline | None, Matrix | None]:
            with store.read() as s:
                try:
                    tl = stage_view.timeline(s, now=now, lang=lang)
                except (NoOperation, NotFound):  # no operation yet: an empty panel, not a crash
                    tl = None
                chosen = selected
                if tl is not None and chosen is not None and tl.stage(chosen) is None:
                    chosen = None  # the chosen stage was deleted
                shown = _shown_stage(tl, chosen)
                matrix = None
                if tl is not None and shown is not None:
                    matrix = stage_view.stage_ratings(s, tl.operation_id, shown, lang=lang)
            return tl, matrix

        return job

    def _show_read(self, result: tuple[Timeline | None, Matrix | None]) -> None:
        tl, matrix = result
        if tl is not None and self._selected is not None and tl.stage(self._selected) is None:
            self._selected = None  # the chosen stage was deleted
        self._timeline = tl
        self._draw()
        self._fill_combo()
        self._show_matrix(matrix)

    def apply_changes(self, changes: JournalChanges) -> None:
        """Follow the journal (deferred while hidden: ``ui.live_updates``)."""
        self.live.deliver(changes)

    def _apply(self, changes: JournalChanges) -> None:
        if any(entity in changes for entity in STRUCTURE):
            self.reload_later()
            return
        ids = changes.ids("vulnerability_rating")
        if not ids or self._timeline is None or self.ratings_model.matrix is None:
            return
        # A few ratings: read here, on the GUI thread.
        with self._store.read() as s:
            found = stage_view.ratings_by_id(s, self._timeline.operation_id, ids)
        self.ratings_model.apply_ratings(ids, found)

    def select_stage(self, stage_id: int | None) -> None:
        """Choose a stage (None: all); emits ``stage_selected`` when the choice changes."""
        tl = self._timeline
        if stage_id is not None and (tl is None or tl.stage(stage_id) is None):
            stage_id = None
        if stage_id == self._selected:
            return
        self._selected = stage_id
        self._sync_selection()
        shown = self._shown_stage(tl)
        if tl is not None and shown != self.ratings_model.stage_id:
            with self._store.read() as s:
                matrix = (
                    stage_view.stage_ratings(s, tl.operation_id, shown, lang=self._lang)
                    if shown
                    else None
                )
            self._show_matrix(matrix)
        else:
            self._update_ratings_title()
        self.stage_selected.emit(stage_id)

    def row_of(self, stage_id: int) -> int | None:
        tl = self._timeline
        if tl is None:
            return None
        return next((i for i, st in enumerate(tl.stages) if st.id == stage_id), None)

    def stage_at(self, scene_pos: QPointF) -> int | None:
        """The stage whose row is under a point of the plot's scene (bars and labels)."""
        tl = self._timeline
        if tl is None:
            return None
        rect = self._item.sceneBoundingRect()
        if not rect.contains(scene_pos):
            return None
        y = float(self._item.vb.mapSceneToView(scene_pos).y())
        row = round(y)
        if 0 <= row < len(tl.stages) and abs(y - row) <= 0.5:
            stage_id: int = tl.stages[row].id
            return stage_id
        return None

    # -- drawing ----------------------------------------------------------------------------

    def _shown_stage(self, tl: Timeline | None) -> int | None:
        return _shown_stage(tl, self._selected)

    def _draw(self) -> None:
        item = self._item
        for old in self._drawn:
            item.removeItem(old)
        self._drawn = []
        tl = self._timeline
        if tl is None:
            self.current_label.setText(_tr("Belum ada operasi"))
            self.countdown_label.hide()
            return
        self.countdown_label.show()
        if not isinstance(item.getAxis("bottom"), LocalDateAxis):
            axis = LocalDateAxis(tl.timezone)
            item.setAxisItems({"bottom": axis})
        bottom = item.getAxis("bottom")
        left = item.getAxis("left")
        for axis in (bottom, left):
            axis.setStyle(tickFont=self._axis_font, tickTextOffset=8)
            axis.setTextPen(pg.mkPen(self._ink()))

        current = tl.current
        self.current_label.setText(
            _tr("Tahapan berjalan: {name} ({period})").format(
                name=current.name, period=period_text(current, self._locale)
            )
            if current
            else _tr("Tahapan belum dimulai")
        )
        self.countdown_label.setText(countdown_text(tl.days_to_voting))

        # Stage names as the left axis: one row each, first on top.
        names = [(i, st.name) for i, st in enumerate(tl.stages)]
        left.setTicks([names, []])
        metrics = QFontMetrics(self._axis_font)
        axis_height = int(metrics.height() * 1.6)
        bottom.setHeight(axis_height)
        left.setWidth(max((metrics.horizontalAdvance(n) for _, n in names), default=80) + 24)
        # Every row (and the now row) tall enough to read and to hit with a mouse, no taller:
        # the table below takes the rest of the height.
        rows = len(names) - NOW_ROW + 0.1  # the view: from the now row's top to the last row
        self.plot.setMinimumHeight(
            int(self._row_height() * rows) + axis_height + metrics.height() // 2
        )

        dated = [(i, st) for i, st in enumerate(tl.stages) if st.starts_at and st.ends_at]
        if dated:
            x0 = [_ts(st.starts_at) for _, st in dated if st.starts_at]
            x1 = [_ts(st.ends_at) for _, st in dated if st.ends_at]
            brushes = [pg.mkBrush(self._bar_colour(st, tl)) for _, st in dated]
            pens = [
                pg.mkPen(self._ink(), width=3) if st.id == tl.current_stage_id else pg.mkPen(None)
                for _, st in dated
            ]
            bars = pg.BarGraphItem(
                x0=x0,
                x1=x1,
                y0=[i - BAR_HEIGHT / 2 for i, _ in dated],
                height=BAR_HEIGHT,
                brushes=brushes,
                pens=pens,
            )
            self._add(bars)
        now = _ts(tl.now)
        starts = [_ts(st.starts_at) for st in tl.stages if st.starts_at]
        ends = [_ts(st.ends_at) for st in tl.stages if st.ends_at]
        # Framed on the operation's period; "now" inside it, or an edge's arrow pointing to
        # it (a past operation read today, a future one being planned).
        lo = min(starts or [now]) - 6 * DAY
        hi = max(ends or [now]) + 6 * DAY
        now_inside = lo <= now <= hi
        voting = next((st for st in tl.stages if st.is_voting and st.starts_at), None)
        if now_inside:
            self._focus = now
        elif voting is not None and voting.starts_at is not None:
            self._focus = _ts(voting.starts_at)
        else:
            self._focus = hi if now > hi else lo
        # Date text beside each bar (``_place_labels`` picks the side that fits); undated
        # stages say why, after the stage before them.
        self._labels = []
        gap = QFontMetrics(self._bar_font).averageCharWidth()
        last_end: float | None = None
        for i, st in enumerate(tl.stages):
            if st.starts_at and st.ends_at:
                start, end = _ts(st.starts_at), _ts(st.ends_at)
                text = period_text(st, self._locale, short=True)
                self._text(text, i, start, end, gap, bold=st.id == tl.current_stage_id)
                last_end = end if last_end is None else max(last_end, end)
            else:
                x = (last_end or now) + DAY
                self._text(undated_text(st), i, x, x, gap, italic=True)

        self._now_line.setPos(now)
        moment = QDateTime.fromSecsSinceEpoch(int(now), QTimeZone(tl.timezone.encode()))
        if now_inside:
            text = _tr("Sekarang {time} {zone}").format(
                time=self._locale.toString(moment, "d MMM HH:mm"), zone=zone_label(tl.timezone)
            )
        else:  # at the plot's edge (``_place_labels``), pointing out of it: the date will do
            text = _tr("Sekarang {date}").format(date=self._locale.toString(moment, "d MMM yyyy"))
            text = f"{text} \u2192" if now > hi else f"\u2190 {text}"
        # Left of the line, on the past side, when it fits there; just clear of the line.
        self._labels.append(BarLabel(self._now_label, text, NOW_ROW, now, now, 3, before=True))
        self._add(self._now_line)
        self._add(self._now_label)
        self._add(self._selection)

        top, bottom_y = NOW_ROW - 0.5, len(tl.stages) - 0.4
        item.setLimits(xMin=lo - 60 * DAY, xMax=hi + 60 * DAY, yMin=top - 0.1, yMax=bottom_y + 0.1)
        self._full_range = (lo, hi)
        item.setYRange(top, bottom_y, padding=0)
        self._fit_x_range()
        self._sync_selection()

    def _row_height(self) -> float:
        """Pixels per row of the timeline: a line of the stage names and some air, and at
        least a date label's box (a bold line and its margins), so that rows never overlap."""
        label = QFontMetrics(self._bar_font_bold).height() + 2 * self._text_margin() + 2
        return max(QFontMetrics(self._axis_font).height() * ROW_LINES, label)

    def _text_margin(self) -> float:
        margin: float = self._now_label.textItem.document().documentMargin()
        return margin

    def _fit_x_range(self) -> None:
        """The whole calendar when there is room for it; in a narrow place (a tile on the
        wall) the weeks around now, where the duty officer's attention is (around voting
        day when now lies outside the operation's period)."""
        tl = self._timeline
        if tl is None:
            return
        lo, hi = self._full_range
        days_per_px = (hi - lo) / DAY / max(1.0, self._item.vb.width())
        if days_per_px > NARROW_DAYS_PER_PX:
            focus = self._focus
            lo, hi = max(lo, focus - 40 * DAY), min(hi, focus + 50 * DAY)
        self._item.setXRange(lo, hi, padding=0)
        self._place_labels()  # the range may be unchanged and the width not

    def _place_labels(self) -> None:
        """Put each label beside its bar where it fits inside the plot: right of the bar,
        else left of it, else against the edge on the roomier side (over its own bar), and
        shortened with "…" only when wider than the whole plot.

        Text keeps its size on screen however many days a pixel is, so this is worked out
        in pixels, again whenever the range or the size changes. Each label has its own row,
        so that inside the plot is all it takes for labels not to cover one another."""
        vb = self._item.vb
        (x0, x1), _ = vb.viewRange()
        width = float(vb.width())
        if width <= 0 or x1 <= x0:
            return
        per_px = (x1 - x0) / width
        for label in self._labels:
            item = label.item
            metrics = QFontMetrics(item.textItem.font())
            margins = 2 * self._text_margin()
            text = label.text
            if metrics.horizontalAdvance(text) + margins > width:
                text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width - margins))
            if item.textItem.toPlainText() != text:
                item.setText(text)
            w = float(item.textItem.boundingRect().width())
            start = (label.start - x0) / per_px
            end = (label.end - x0) / per_px
            after = end + label.gap  # the text's left edge right of the bar
            before = start - label.gap - w  # ... and left of it
            fits_after = after + w <= width
            fits_before = before >= 0
            if fits_before and (label.before or not fits_after):
                left = before
            elif fits_after:
                left = after
            else:
                left = after if width - after >= start - label.gap else before
            left = min(max(left, 0.0), width - w)
            item.setPos(x0 + left * per_px, label.row)

    def _bar_colour(self, stage: StageSpan, tl: Timeline) -> QColor:
        if stage.id == tl.current_stage_id:
            return theme.GOLD
        if stage.is_voting:
            return VOTING
        return BAR

    def _text(
        self,
        text: str,
        row: int,
        start: float,
        end: float,
        gap: float,
        *,
        bold: bool = False,
        italic: bool = False,
    ) -> None:
        colour = self._ink(muted=italic)
        label = pg.TextItem(text, color=colour, anchor=(0, 0.5))
        font = QFont(self._bar_font_bold if bold else self._bar_font)
        font.setItalic(italic)
        label.setFont(font)
        self._add(label)
        self._labels.append(BarLabel(label, text, row, start, end, gap))

    def _ink(self, *, muted: bool = False) -> QColor:
        """Text colour from the palette, so the night theme (ui.night) applies here too."""
        ink = self.palette().color(QPalette.ColorRole.WindowText)
        if muted:
            back = self.palette().color(QPalette.ColorRole.Window)
            # Halfway to the background: quieter than ink, still well readable.
            return QColor(
                (ink.red() * 2 + back.red()) // 3,
                (ink.green() * 2 + back.green()) // 3,
                (ink.blue() * 2 + back.blue()) // 3,
            )
        return ink

    def _scale_plot_fonts(self) -> None:
        # Plot text is not a widget: it follows the panel's font by hand (the wall doubles it).
        self._axis_font = theme.scaled_font(self, 1.1)
        self._bar_font = theme.scaled_font(self, 1.0)
        self._bar_font_bold = theme.scaled_font(self, 1.0, bold=True)
        self._now_label.setFont(theme.scaled_font(self, 1.0, bold=True))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if not getattr(self, "_timeline", None):
            return
        if event.type() == QEvent.Type.FontChange:
            self._scale_plot_fonts()
            self._draw()
        elif event.type() == QEvent.Type.PaletteChange:
            self._draw()

    def _add(self, obj: pg.GraphicsObject) -> None:
        self._item.addItem(obj)
        self._drawn.append(obj)

    def _sync_selection(self) -> None:
        row = self.row_of(self._selected) if self._selected is not None else None
        self._selection.setVisible(row is not None)
        if row is not None:
            self._selection.setRegion((row - 0.5, row + 0.5))
        index = self.stage_combo.findData(self._selected)
        if index >= 0 and index != self.stage_combo.currentIndex():
            self.stage_combo.setCurrentIndex(index)

    def _fill_combo(self) -> None:
        combo = self.stage_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(_tr("Semua tahapan"), None)
        for st in self._timeline.stages if self._timeline else ():
            combo.addItem(st.name, st.id)
        combo.setCurrentIndex(max(0, combo.findData(self._selected)))
        combo.blockSignals(False)

    def _show_matrix(self, matrix: Matrix | None) -> None:
        if matrix is None:
            self.ratings_model.clear()
        else:
            self.ratings_model.set_matrix(matrix)
        self._update_ratings_title()
        self._fill_legend(matrix)
        header = self.ratings_view.horizontalHeader()
        if self.ratings_model.columnCount() > 0:
            header.setSectionResizeMode(HeatColumn.REGION, QHeaderView.ResizeMode.ResizeToContents)
        self._fit_table()

    def _fit_table(self) -> None:
        """Rows and the two-line header ("Politik / (Polri)") by the table's type, and the
        table never lower than its header and MIN_TABLE_ROWS rows: the splitter then leaves
        it that much however tall the timeline's rows are."""
        view = self.ratings_view
        header = view.horizontalHeader()
        row = int(QFontMetrics(view.font()).height() * 1.5)
        view.verticalHeader().setDefaultSectionSize(row)
        header.setMinimumHeight(int(QFontMetrics(header.font()).height() * 2.6))
        head = max(header.minimumHeight(), header.sizeHint().height())
        view.setMinimumHeight(head + MIN_TABLE_ROWS * row + 2 * view.frameWidth())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_ratings_to_height()

    def _fit_ratings_to_height(self) -> None:
        """Too low for the timeline and the table's header and first rows (a tile of the
        wall tiled on one screen), the panel shows the timeline alone: a table squeezed
        under it, or drawn over by it, helps nobody. Taller again, the table returns."""
        needed = self._column.minimumSize().height()  # with the table, when it is shown
        if not self.ratings_box.isVisibleTo(self):
            needed += self.splitter.handleWidth() + self.ratings_box.minimumSizeHint().height()
        fits = self.height() >= needed
        if fits == self.ratings_box.isVisibleTo(self):
            return
        self.ratings_box.setVisible(fits)
        if fits:  # back: the timeline at the height its rows need, the table the rest
            plot = self.plot.minimumHeight()
            self.splitter.setSizes([plot, max(1, self.splitter.height() - plot)])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The wall sets the table's and its header's fonts one by one, after the panel's.
        if event.type() == QEvent.Type.FontChange and watched in (
            self.ratings_view,
            self.ratings_view.horizontalHeader(),
        ):
            self._fit_table()
        return super().eventFilter(watched, event)

    def _update_ratings_title(self) -> None:
        m = self.ratings_model.matrix
        if m is None:
            self.ratings_title.setText(_tr("Kerawanan wilayah: belum ada tahapan"))
        elif self._selected is None:
            self.ratings_title.setText(
                _tr("Kerawanan wilayah \u2014 tahapan berjalan: {stage}").format(stage=m.stage.name)
            )
        else:
            self.ratings_title.setText(
                _tr("Kerawanan wilayah \u2014 {stage}").format(stage=m.stage.name)
            )

    def _theme_changed(self, _night: bool) -> None:
        self._fill_legend(self.ratings_model.matrix)

    def _fill_legend(self, matrix: Matrix | None) -> None:
        while self.legend.count():
            taken = self.legend.takeAt(0)
            widget = taken.widget() if taken else None
            if widget is not None:
                widget.deleteLater()
        if matrix is None:
            return
        for level in sorted(matrix.levels, key=lambda lv: lv.ordinal):
            chip = QLabel(level.name, self.legend_box)
            chip.setTextFormat(Qt.TextFormat.PlainText)
            chip.setFont(theme.scaled_font(self, 1.0, bold=True))
            chip.setStyleSheet(theme.chip_style(QColor(level.colour)))  # as in the cells
            self.legend.addWidget(chip)

    # -- input --------------------------------------------------------------------------------

    def _on_plot_clicked(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        stage_id = self.stage_at(event.scenePos())
        if stage_id is not None:
            event.accept()
            self.select_stage(stage_id)

    def _on_combo(self, index: int) -> None:
        self.select_stage(self.stage_combo.itemData(index))

    def _on_tick(self) -> None:
        tl = self._timeline
        if tl is None:
            return
        now = self._clock()
        if now.astimezone(ZoneInfo(tl.timezone)).date() != tl.today:
            self.reload()  # a new day: the stage in force and H-n move on
        else:
            self._timeline = replace(tl, now=now)
            self._draw()
