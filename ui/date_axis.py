"""A date axis in the operation's time zone and the interface language, whose labels never
overlap: the tick step is chosen from the axis's width in pixels and the width of the
labels that step would print.

pyqtgraph's own ``DateAxisItem`` draws two levels of ticks (months and days) estimated from
a sample text; with our labels, which name the month and the year, the two levels ran into
each other ("Nov 20263 Nov"). Here there is one level: the finest step (hours, days, weeks,
months, years) whose labels, measured in the axis's font, each keep a clear gap to the next.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from typing import Any
from zoneinfo import ZoneInfo

import pyqtgraph as pg
from PySide6.QtCore import QLocale
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

HOUR = 3600
DAY = 86_400
# The steps tried, finest first: (unit, count). Months and years follow the calendar.
STEPS: tuple[tuple[str, int], ...] = (
    ("hour", 1),
    ("hour", 3),
    ("hour", 6),
    ("hour", 12),
    ("day", 1),
    ("day", 2),
    ("day", 7),
    ("day", 14),
    ("month", 1),
    ("month", 2),
    ("month", 3),
    ("month", 6),
    ("year", 1),
    ("year", 2),
    ("year", 5),
    ("year", 10),
    ("year", 25),
    ("year", 50),
    ("year", 100),
)
# The nominal length of a step, in seconds: also the "spacing" ``tickStrings`` receives,
# from which it knows the unit.
UNIT_S = {"hour": HOUR, "day": DAY, "month": 30 * DAY, "year": 365 * DAY}
# Between two labels at least this many widths of "M" (read as two labels, not one).
GAP_EMS = 1.5
# Never try to place more ticks than this (a range of centuries at an hourly step).
MAX_TICKS = 400


def _month(n: int) -> str:
    return QLocale().monthName(n, QLocale.FormatType.ShortFormat).rstrip(".")


def tick_text(moment: datetime, spacing: float) -> str:
    """A tick's label for a step of ``spacing`` seconds: "2025" (a year), "Des 2024" (a
    month, January too: "Jan 2025", as its neighbours read), "27 Agu", "14:00" (midnight at
    an hourly step: its day)."""
    if spacing >= UNIT_S["year"]:
        return str(moment.year)
    if spacing >= 28 * DAY:
        return f"{_month(moment.month)} {moment.year}"
    if spacing >= DAY or (moment.hour == 0 and moment.minute == 0):
        return f"{moment.day} {_month(moment.month)}"
    return f"{moment:%H:%M}"


def _ticks(unit: str, count: int, lo: float, hi: float, zone: ZoneInfo) -> Iterator[float]:
    """Tick times (epoch seconds) in [lo, hi] at every ``count`` ``unit`` of the calendar in
    ``zone``: local midnights, firsts of the month, New Year's days."""
    start = datetime.fromtimestamp(lo, zone)
    if unit == "hour":
        hour = start.replace(minute=0, second=0, microsecond=0)
        hour -= timedelta(hours=hour.hour % count)
        while hour.timestamp() <= hi:
            if hour.timestamp() >= lo:
                yield hour.timestamp()
            hour += timedelta(hours=count)
        return
    if unit == "day":
        day = start.date()
        day -= timedelta(days=(day.toordinal() - 1) % count)  # steps of 7 start on Mondays
        while (t := datetime.combine(day, clock_time(0), zone).timestamp()) <= hi:
            if t >= lo:
                yield t
            day += timedelta(days=count)
        return
    months = 12 * count if unit == "year" else count
    index = start.year * 12 + start.month - 1  # months since year 0
    index -= index % months
    while True:
        first = date(index // 12, index % 12 + 1, 1)
        t = datetime.combine(first, clock_time(0), zone).timestamp()
        if t > hi:
            return
        if t >= lo:
            yield t
        index += months


def choose_ticks(
    lo: float, hi: float, width: float, zone: ZoneInfo, metrics: QFontMetrics
) -> tuple[float, list[float]]:
    """The finest step whose labels fit ``width`` pixels for [lo, hi]: (spacing, values).
    Adjacent labels, centred on their ticks, keep GAP_EMS between them."""
    if hi <= lo or width <= 0:
        return float(DAY), []
    per_px = (hi - lo) / width
    gap = GAP_EMS * metrics.horizontalAdvance("M")
    chosen: tuple[float, list[float]] = (float(UNIT_S["year"]), [])
    for unit, count in STEPS:
        spacing = float(UNIT_S[unit] * count)
        if (hi - lo) / spacing > MAX_TICKS:
            continue
        values = list(_ticks(unit, count, lo, hi, zone))
        texts = [tick_text(datetime.fromtimestamp(v, zone), spacing) for v in values]
        widths = [metrics.horizontalAdvance(t) for t in texts]
        chosen = (spacing, values)
        if all(
            (b - a) / per_px >= (wa + wb) / 2 + gap
            for a, b, wa, wb in zip(values, values[1:], widths, widths[1:], strict=False)
        ):
            return chosen
    return chosen


class LocalDateAxis(pg.DateAxisItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """Dates in the operation's zone and the UI language ("27 Agu", "Des 2024", "14:00");
    one level of ticks, never overlapping (``choose_ticks``). Month names come from the
    default QLocale, which the app sets."""

    def __init__(self, zone: ZoneInfo | str, **kwargs: Any) -> None:
        super().__init__(orientation="bottom", **kwargs)
        self.set_zone(zone)

    def set_zone(self, zone: ZoneInfo | str) -> None:
        self._zone = ZoneInfo(zone) if isinstance(zone, str) else zone
        self.picture = None  # drawn again with the new ticks
        self.update()

    def tick_font(self) -> QFont:
        font = self.style.get("tickFont")
        return QFont(font) if isinstance(font, QFont) else QApplication.font()

    def tickValues(
        self, minVal: float, maxVal: float, size: float
    ) -> list[tuple[float, list[float]]]:
        if not (math.isfinite(minVal) and math.isfinite(maxVal)):
            return []
        metrics = QFontMetrics(self.tick_font())
        try:
            spacing, values = choose_ticks(minVal, maxVal, size, self._zone, metrics)
        except (OverflowError, ValueError, OSError):  # outside the calendar's years
            return []
        return [(spacing, values)]

    def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:
        out: list[str] = []
        for value in values:
            try:
                out.append(tick_text(datetime.fromtimestamp(value, self._zone), spacing))
            except (OverflowError, ValueError, OSError):
                out.append("")
        return out
