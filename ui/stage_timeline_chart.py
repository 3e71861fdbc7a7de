"""The stages' timeline chart: one bar per stage over its days, "now", and the date labels.

A pyqtgraph plot in the operation's time zone (``ui.date_axis.LocalDateAxis``): a row per
stage, first on top, the stage in force in gold, voting day in red, a red "now" line from
the clock. Each date label sits beside its bar where it fits (``_place_labels``); a narrow
plot shows the weeks around now (or voting day, for an operation now past or ahead).

``StageTimelineChart`` is the base of ``ui.stages_panel.StagesPanel``, which builds the
heading and the stage list named below and decides which stage is chosen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pyqtgraph as pg
from PySide6.QtCore import (
    QDate,
    QDateTime,
    QEvent,
    QLocale,
    QPointF,
    Qt,
    QTimeZone,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from opscenter.operations import zone_label
from opscenter.stage_view import StageSpan, Timeline
from ui import theme
from ui.date_axis import LocalDateAxis
from ui.operation_header import countdown_text
from ui.translations import translator

# Bars: ordinary stages in Polri blue, voting day red, the stage in force gold.
BAR = QColor("#3b6ea5")
VOTING = QColor("#c62828")
NOW = QColor("#d32f2f")
NOW_Z = 20  # the now line; its label and the dates above it
SELECTION = QColor(201, 162, 39, 60)  # gold, translucent: the chosen row
BAR_HEIGHT = 0.62
DAY = 86_400
# A row of the timeline, in lines of the stage names (and never lower than a date label).
ROW_LINES = 1.15
# The row the "now" label has to itself, above the first stage: it can never cover a date.
NOW_ROW = -1
# Narrower than this (about 1,100 px for the whole calendar), show the weeks around now.
NARROW_DAYS_PER_PX = 0.2
# Pixels of a bar at the plot's edge that show nothing of it.
SLIVER = 2.0
# A label shortened to fewer characters than this says nothing ("2…"): it is hidden.
MIN_LABEL_CHARS = 4


_tr = translator("StagesPanel")


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


class PlotText(pg.TextItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """A label on the plot's own background: the now line, drawn under it, stops at its edge
    instead of running through the words. The background is read when painting, so that it
    follows the night theme (``ui.night`` recolours the plot, not its items)."""

    def paint(self, p: QPainter, *args: object) -> None:
        view = self.getViewWidget()
        if view is not None:
            self.fill = QBrush(view.backgroundBrush())
        super().paint(p, *args)


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
    dated: bool = True  # its span is a stage's dates (an undated stage's text stands anywhere)


def _readable_length(text: str) -> int:
    """The characters of a label's own text left after shortening (arrows and "…" aside)."""
    return len(text.replace("\u2026", "").replace("\u2190", "").replace("\u2192", "").strip())


def undated_text(stage: StageSpan) -> str:
    """Why a stage has no date: its note when staff wrote one, else the usual reason."""
    if stage.note:
        return stage.note
    return _tr("belum bertanggal: menunggu putusan MK")


class StageTimelineChart(QWidget):
    """The timeline plot of the stages (see the module docstring)."""

    # Built or kept by the panel.
    current_label: QLabel  # the stage in force
    countdown_label: QLabel  # H-n to voting day
    stage_combo: QComboBox  # the stages to choose from
    _timeline: Timeline | None
    _selected: int | None  # the chosen stage (None: all)
    _locale: QLocale

    def _build_plot(self) -> None:
        self.plot = pg.PlotWidget(parent=self, background="w")
        self.plot.setObjectName("stagesTimeline")
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(x=True, y=False)
        self.plot.showGrid(x=True, y=False, alpha=0.25)
        self._item = self.plot.getPlotItem()
        self._item.invertY(True)  # first stage on top, as read
        self._now_line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(NOW, width=3))
        self._now_line.setZValue(NOW_Z)
        # In a row of its own above the stages (NOW_ROW), beside the line: placed with the
        # date labels, on the past side when it fits there.
        self._now_label = pg.TextItem(
            "", color=QColor("white"), fill=pg.mkBrush(NOW), anchor=(0, 0.5)
        )
        self._now_label.setZValue(NOW_Z + 1)
        self._labels: list[BarLabel] = []
        self._scale_plot_fonts()
        self._selection = pg.LinearRegionItem(
            orientation="horizontal", movable=False, brush=pg.mkBrush(SELECTION), pen=pg.mkPen(None)
        )
        self._selection.setZValue(-10)
        self._drawn: list[pg.GraphicsObject] = []
        self._full_range = (0.0, 1.0)
        self._focus = 0.5  # where a narrow timeline looks: now, or voting day (``_draw``)
        self._item.vb.sigResized.connect(self._fit_x_range)
        self._item.vb.sigXRangeChanged.connect(self._place_labels)  # dragged by hand

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
                self._text(undated_text(st), i, x, x, gap, italic=True, dated=False)

        self._now_line.setPos(now)
        moment = QDateTime.fromSecsSinceEpoch(int(now), QTimeZone(tl.timezone.encode()))
        if now_inside:
            text = _tr("Sekarang {time} {zone}").format(
                time=self._locale.toString(moment, "d MMM HH:mm"), zone=zone_label(tl.timezone)
            )
        else:  # out of sight at first (``_place_labels`` points to it): the date will do
            text = _tr("Sekarang {date}").format(date=self._locale.toString(moment, "d MMM yyyy"))
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
        else left of it, else on the roomier side (over its own bar), and shortened with "…"
        only when wider than the whole plot (hidden where not even a word would be left).

        A stage wholly out of sight (the timeline zoomed in on voting week) keeps its dates
        at the edge on its side, an arrow pointing to it ("← 27–29 Agu 2024"), clear of the
        axis: they used to stand against the axis line as though they belonged to the
        visible days. The "now" label does the same when now is out of sight.

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
            room = width - 2 * self._text_margin() - 2 * label.gap
            start = (label.start - x0) / per_px
            end = (label.end - x0) / per_px
            # Out of sight: a stage's span, or "now" (its start and end are the moment); a
            # sliver of a bar at the edge (a stage ending at midnight on the edge) is unseen.
            off = (end < SLIVER, start > width - SLIVER) if label.dated else (False, False)
            text = label.text
            if off[0]:
                text = f"\u2190 {text}"
            elif off[1]:
                text = f"{text} \u2192"
            if metrics.horizontalAdvance(text) > room:
                text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(0, int(room)))
            item.setVisible(_readable_length(text) >= MIN_LABEL_CHARS)
            if item.textItem.toPlainText() != text:
                item.setText(text)
            w = float(item.textItem.boundingRect().width())
            after = end + label.gap  # the text's left edge right of the bar
            before = start - label.gap - w  # ... and left of it
            fits_after = after + w <= width
            fits_before = before >= 0
            if off[0]:
                left = label.gap
            elif off[1]:
                left = width - label.gap - w
            elif fits_before and (label.before or not fits_after):
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
        dated: bool = True,
    ) -> None:
        colour = self._ink(muted=italic)
        label = PlotText(text, color=colour, anchor=(0, 0.5))
        label.setZValue(NOW_Z + 1)  # over the now line, which may pass behind it
        font = QFont(self._bar_font_bold if bold else self._bar_font)
        font.setItalic(italic)
        label.setFont(font)
        self._add(label)
        self._labels.append(BarLabel(label, text, row, start, end, gap, dated=dated))

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
