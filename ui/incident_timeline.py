"""The incidents on a time axis: one lane per region (kabupaten/kota) or per type.

Markers are coloured and sized by severity; closed incidents are drawn pale, so what is
still open stands out. Time reads in the operation's zone (WIB, WITA or WIT). The data
lives in numpy arrays handed to one ``ScatterPlotItem`` (pyqtgraph's habit); a click on a
marker emits the incident's id. Zoom and pan move along time only: lanes stay where the
eye left them.

Lane names are never smaller than a legible size at a desk: where a low timeline (a 768 px
laptop) cannot show every lane at that size, it shows as many as fit and a scroll bar beside
it reaches the rest (with the mouse; from the keyboard, choosing an incident in the list
brings its lane into view). A wall, which nobody
scrolls, shows every lane, with smaller names where it must (``scrolls_lanes``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import datetime
from enum import Enum
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetrics
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QScrollBar,
    QVBoxLayout,
    QWidget,
)

from opscenter.incident_log import IncidentRow
from opscenter.operations import DEFAULT_TIMEZONE, zone_label
from ui import theme
from ui.date_axis import LocalDateAxis
from ui.incidents_model import local_time
from ui.place_names import short_region
from ui.screen_fit import FlowLayout, pair
from ui.text_size import follow_font
from ui.translations import translator

DAY_S = 86_400.0
# Structural live changes (new, gone, moved markers) within this interval: one rebuild.
REDRAW_DELAY_MS = 400
CLOSED_ALPHA = 90
LANE_LABEL_CHARS = 30
# At a desk, lane names shrink to this share of the axis type, never below LANE_MIN_PT; a
# timeline too low even for that scrolls its lanes.
LANE_MIN_SCALE = 0.8
LANE_MIN_PT = 8.0


_tr = translator("IncidentTimeline")


class LaneMode(Enum):
    REGION = "region"
    TYPE = "type"


def marker_size(severity_rank: int) -> float:
    """Ringan 9 px ... Kritis 21 px: bigger means worse, readable across a room."""
    return 5.0 + 4.0 * max(1, severity_rank)


def short_label(name: str) -> str:
    """A lane label that fits the axis: "Kab. Tanjung Jabung Timur", "Hoaks / ujaran kebe…"."""
    name = short_region(name)
    return name if len(name) <= LANE_LABEL_CHARS else name[: LANE_LABEL_CHARS - 1] + "…"


class IncidentTimeline(QWidget):
    incident_clicked = Signal(int)

    def __init__(
        self,
        *,
        timezone: str = DEFAULT_TIMEZONE,
        clock: Callable[[], datetime] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._zone = ZoneInfo(timezone)
        self._clock = clock
        self._mode = LaneMode.REGION
        self._rows: list[IncidentRow] = []
        self._lanes: list[str] = []
        self.ids = np.zeros(0, dtype=np.int64)
        self.times = np.zeros(0, dtype=np.float64)
        self.lane_y = np.zeros(0, dtype=np.float64)
        self._selected: int | None = None
        self.scrolls_lanes = True  # a wall sets False: every lane shown, names as small as needed
        self._shown_lanes = 0  # how many lanes the plot shows at once (all, or a window)
        self._spot_of: dict[int, int] = {}  # incident id -> index of its marker (spot)
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(REDRAW_DELAY_MS)
        self._redraw_timer.timeout.connect(lambda: self._redraw(keep_range=True))

        self.axis = LocalDateAxis(self._zone)
        self.plot = pg.PlotWidget(axisItems={"bottom": self.axis}, background="w")
        self.plot.setObjectName("incidentTimelinePlot")
        item = self.plot.getPlotItem()
        item.showGrid(x=True, y=True, alpha=0.15)
        item.setMenuEnabled(False)
        item.hideButtons()
        for name in ("bottom", "left"):
            axis = item.getAxis(name)
            axis.setTextPen(pg.mkPen(theme.INK))
            axis.setPen(pg.mkPen(theme.RULE))
        self.view = item.getViewBox()
        self.view.setMouseEnabled(x=True, y=False)
        self.view.sigResized.connect(self._fit_lane_font)
        # Lanes the plot cannot show at a legible size: reached by this bar (its value 0 shows
        # the top lanes, as the list reads).
        self.lane_bar = QScrollBar(Qt.Orientation.Vertical, self)
        self.lane_bar.setObjectName("incidentTimelineLanes")
        self.lane_bar.setAccessibleName(_tr("Gulir wilayah atau jenis lini masa"))
        self.lane_bar.hide()
        self.lane_bar.valueChanged.connect(self._show_lanes)
        follow_font(self, self.fit_to_font)  # a text size step, the wall's type

        self.scatter = pg.ScatterPlotItem(pxMode=True, hoverable=True, tip=self._tip)
        self.scatter.sigClicked.connect(self.on_points_clicked)
        self.plot.addItem(self.scatter)
        self.ring = pg.ScatterPlotItem(
            pxMode=True, symbol="o", size=30, brush=None, pen=pg.mkPen(theme.NAVY, width=3)
        )
        self.plot.addItem(self.ring)
        self.now_line = pg.InfiniteLine(
            angle=90, movable=False, pen=pg.mkPen(theme.GOLD, width=2, style=Qt.PenStyle.DashLine)
        )
        self.plot.addItem(self.now_line)

        self.title = QLabel(self)
        self._show_title()
        self.title.setFont(theme.scaled_font(self, 1.1, bold=True))
        self.by_region = QRadioButton(_tr("Per wilayah"), self)
        self.by_type = QRadioButton(_tr("Per jenis"), self)
        self.by_region.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_region)
        group.addButton(self.by_type)
        self.by_region.toggled.connect(
            lambda on: self.set_lane_mode(LaneMode.REGION if on else LaneMode.TYPE)
        )
        hint = QLabel(_tr("Gulir: perbesar · seret: geser · klik tanda: pilih kejadian"), self)
        hint.setStyleSheet(f"color: {theme.MUTED.name()};")
        hint.setProperty("wallHide", True)  # nobody scrolls a wall

        # The hint goes to a second row where the window is narrow.
        top = FlowLayout(spacing=16)
        top.add(self.title, pair(self, self.by_region, self.by_type), hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        plot_row = QHBoxLayout()
        plot_row.setContentsMargins(0, 0, 0, 0)
        plot_row.setSpacing(0)
        plot_row.addWidget(self.plot, 1)
        plot_row.addWidget(self.lane_bar)
        layout.addLayout(plot_row, 1)

    def fit_to_font(self) -> None:
        """Axis labels at the widget's type size, the lane names' axis as wide as they need
        (again whenever the widget's font changes: a text size step, the wall's type)."""
        item = self.plot.getPlotItem()
        font = theme.scaled_font(self, 0.95)
        item.getAxis("bottom").setTickFont(font)
        metrics = QFontMetrics(font)
        widest = max((metrics.horizontalAdvance(n) for n in self._lanes), default=0)
        # About 30 characters at least, so the plot does not jump with each filter.
        item.getAxis("left").setWidth(max(widest, 30 * metrics.averageCharWidth()) + 24)
        self._fit_lane_font()

    def height_for_lanes(self, lanes: int) -> int:
        """How tall the timeline must be to show ``lanes`` lanes with their names at the axis
        type: the lanes and what is around them (title, time axis), as laid out now."""
        around = self.height() - int(self.view.height())
        if self.view.height() <= 0 or around <= 0:  # not laid out yet: a title and an axis
            around = 4 * self.fontMetrics().height()
        pitch = QFontMetrics(theme.scaled_font(self, 0.95)).height() * 1.05
        return around + int(lanes * pitch) + 1

    def _fit_lane_font(self) -> None:
        """Lane names at the axis type, smaller where the lanes are closer than a line: names
        one above the other, never into each other. At a desk no smaller than legible, the
        lanes that do not fit then reached by the scroll bar; on a wall all lanes, as small
        as needed (down to 6 pt)."""
        font = theme.scaled_font(self, 0.95)
        lanes = max(1, len(self._lanes))
        height = self.view.height()
        shown = lanes
        line = QFontMetrics(font).height()
        if height > 0 and height / lanes < line * 1.05 and font.pointSizeF() > 0:
            size = font.pointSizeF()
            smallest = 6.0
            if self.scrolls_lanes:
                smallest = min(size, max(LANE_MIN_PT, size * LANE_MIN_SCALE))
            font.setPointSizeF(max(smallest, size * height / lanes / (line * 1.05)))
            pitch = QFontMetrics(font).height() * 1.05
            if self.scrolls_lanes and height / lanes < pitch:
                shown = max(1, int(height // pitch))
        left = self.plot.getPlotItem().getAxis("left")
        if left.style.get("tickFont") != font:
            left.setTickFont(font)
        if shown != self._shown_lanes:
            self._shown_lanes = shown
            top = self._top_lane()
            bar = self.lane_bar
            bar.blockSignals(True)
            bar.setRange(0, lanes - shown)
            bar.setPageStep(shown)
            bar.setValue(top)
            bar.blockSignals(False)
            bar.setVisible(shown < lanes)
        self._show_lanes()

    def _top_lane(self) -> int:
        """The scroll bar's value: how many lanes lie above the window (0: the top lanes)."""
        return min(self.lane_bar.value(), max(0, len(self._lanes) - max(1, self._shown_lanes)))

    def _show_lanes(self) -> None:
        """The plot's lanes: all, or the scroll bar's window of them."""
        lanes = max(len(self._lanes), 1)
        shown = min(max(1, self._shown_lanes), lanes)
        low = lanes - shown - self._top_lane()  # lane 0 is drawn at the bottom
        self.view.setYRange(low - 0.7, low + shown - 0.3, padding=0)

    def _bring_selected_into_view(self) -> None:
        i = self._selected_marker()
        if i is not None:
            self._bring_lane_into_view(int(self.lane_y[i]))

    def _bring_lane_into_view(self, lane: int) -> None:
        shown = max(1, self._shown_lanes)
        lanes = len(self._lanes)
        if shown >= lanes:
            return
        above = lanes - 1 - lane  # lanes above it
        top = self._top_lane()
        if above < top:
            self.lane_bar.setValue(above)
        elif above >= top + shown:
            self.lane_bar.setValue(above - shown + 1)

    # -- data -----------------------------------------------------------------------------

    @property
    def mode(self) -> LaneMode:
        return self._mode

    @property
    def lanes(self) -> tuple[str, ...]:
        return tuple(self._lanes)

    def set_timezone(self, timezone: str) -> None:
        """Read the axis and the tips in the operation's zone (known once its lists load)."""
        if timezone == self._zone.key:
            return
        self._zone = ZoneInfo(timezone)
        self.axis.set_zone(self._zone)
        self._show_title()

    def _show_title(self) -> None:
        self.title.setText(_tr("Lini masa kejadian ({zone})").format(zone=zone_label(self._zone)))

    def set_lane_mode(self, mode: LaneMode) -> None:
        if mode is self._mode:
            return
        self._mode = mode
        (self.by_region if mode is LaneMode.REGION else self.by_type).setChecked(True)
        self._redraw(keep_range=True)
        self._bring_selected_into_view()  # its lane is another one now

    def set_rows(self, rows: Sequence[IncidentRow], *, keep_range: bool = False) -> None:
        """A new query: rebuild the arrays and the markers."""
        self._redraw_timer.stop()
        self._rows = list(rows)
        self._redraw(keep_range=keep_range)

    def update_rows(
        self, rows: Sequence[IncidentRow], fresh: Sequence[IncidentRow], touched: Collection[int]
    ) -> None:
        """A live change: ``rows`` is the whole list now, ``touched`` the incidents it changed,
        ``fresh`` those of them still in the list.

        A change that keeps each touched marker's place and size (a status change, an edit
        of the text) recolours just those markers. Anything else (new, gone, moved, a new
        lane) rebuilds the markers, once per burst, a moment later: rebuilding 20,000
        markers for each change of a burst would hold the GUI thread.
        """
        self._rows = list(rows)
        if self._redraw_timer.isActive():
            return  # a rebuild is already due; it will use the rows just given
        by_id = {r.id: r for r in fresh}
        lane_index = {name: i for i, name in enumerate(self._lanes)}
        spots = self.scatter.points()
        updates: list[tuple[int, IncidentRow]] = []
        for incident_id in touched:
            at = self._spot_of.get(incident_id)
            row = by_id.get(incident_id)
            if at is None and row is None:
                continue  # neither shown before nor now
            if at is None or row is None:
                self._redraw_timer.start()
                return
            spot = spots[at]
            same_place = (
                spot.pos().x() == row.occurred_at.timestamp()
                and lane_index.get(self._lane_of(row)) == spot.pos().y()
                and spot.size() == marker_size(row.severity_rank)
            )
            if not same_place:
                self._redraw_timer.start()
                return
            updates.append((at, row))
        for (at, _row), brush in zip(updates, self._brushes([r for _, r in updates]), strict=True):
            spots[at].setBrush(brush)

    def _lane_of(self, row: IncidentRow) -> str:
        if self._mode is LaneMode.TYPE:
            return short_label(row.type_name)
        return short_label(row.area_name) or _tr("(tanpa wilayah)")

    def _redraw(self, *, keep_range: bool) -> None:
        rows = self._rows
        lane_names = [self._lane_of(r) for r in rows]
        self._lanes = sorted(set(lane_names), key=str.casefold)
        lane_index = {name: i for i, name in enumerate(self._lanes)}
        n = len(rows)
        self.ids = np.fromiter((r.id for r in rows), dtype=np.int64, count=n)
        self.times = np.fromiter(
            (r.occurred_at.timestamp() for r in rows), dtype=np.float64, count=n
        )
        self.lane_y = np.fromiter(
            (lane_index[name] for name in lane_names), dtype=np.float64, count=n
        )
        sizes = np.fromiter((marker_size(r.severity_rank) for r in rows), dtype=np.float64, count=n)
        brushes = self._brushes(rows)
        # Worst on top: draw in order of severity, so a red marker is never hidden by a green one.
        order = np.argsort(sizes, kind="stable")
        self._spot_of = {int(incident_id): i for i, incident_id in enumerate(self.ids[order])}
        self.scatter.setData(
            x=self.times[order],
            y=self.lane_y[order],
            size=sizes[order],
            brush=[brushes[i] for i in order],
            pen=pg.mkPen("w", width=1),
            data=self.ids[order],
        )
        left = self.plot.getPlotItem().getAxis("left")
        left.setTicks([[(i, name) for i, name in enumerate(self._lanes)], []])
        self.view.setLimits(yMin=-1, yMax=max(len(self._lanes), 1))
        self._shown_lanes = 0  # a filter changes the number of lanes: fitted again
        self._fit_lane_font()
        if self._clock is not None:
            self.now_line.setValue(self._clock().timestamp())
        if not keep_range and n:
            lo, hi = float(self.times.min()), float(self.times.max())
            self.view.setXRange(lo - DAY_S / 2, hi + DAY_S / 2, padding=0.02)
        self._show_selection()

    def _brushes(self, rows: Sequence[IncidentRow]) -> list[QBrush]:
        cache: dict[tuple[str, bool], QBrush] = {}
        out: list[QBrush] = []
        for r in rows:
            key = (r.severity_colour, r.is_closed)
            brush = cache.get(key)
            if brush is None:
                colour = QColor(r.severity_colour)
                if r.is_closed:
                    colour.setAlpha(CLOSED_ALPHA)
                brush = cache[key] = QBrush(colour)
            out.append(brush)
        return out

    def _tip(self, x: float, y: float, data: Any) -> str:
        row = next((r for r in self._rows if r.id == int(data)), None)
        if row is None:
            return ""
        return (
            f"{row.code} · {local_time(row.occurred_local)}\n"
            f"{row.severity_name} · {row.status_name}\n{row.title}"
        )

    # -- selection ------------------------------------------------------------------------

    def on_points_clicked(
        self, _item: object, points: Sequence[Any], _event: object = None
    ) -> None:
        """pyqtgraph's ``sigClicked``: the topmost marker under the pointer wins."""
        if len(points) == 0:
            return
        incident_id = int(points[-1].data())
        self.incident_clicked.emit(incident_id)

    def select(self, incident_id: int | None) -> None:
        """Ring the selected incident's marker (the list drives this); a newly chosen one
        brings its lane into view. A rebuild (a live change, a reload) keeps the lanes where
        the operator scrolled them."""
        chosen = incident_id != self._selected
        self._selected = incident_id
        self._show_selection()
        if chosen:
            self._bring_selected_into_view()

    def _selected_marker(self) -> int | None:
        """The selected incident's index in the arrays; None when it is not drawn."""
        if self._selected is None:
            return None
        hits = np.flatnonzero(self.ids == self._selected)
        return int(hits[0]) if len(hits) else None

    def _show_selection(self) -> None:
        i = self._selected_marker()
        if i is not None:
            self.ring.setData(x=[self.times[i]], y=[self.lane_y[i]])
        else:
            self.ring.setData(x=[], y=[])
