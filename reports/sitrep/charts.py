"""The charts of section III: incidents per region (horizontal bars) and per day (vertical
bars), with round steps on the value axis."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import BarChart, HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from opscenter.sitrep import Sitrep
from reports.fonts import BOLD, REGULAR
from reports.sitrep.labels import Text
from reports.sitrep.tables import text_width


def _scale(top: int) -> tuple[int, int]:
    """A value axis with round steps (1, 2, 5 x 10^k), about four of them, covering ``top``."""
    step = 1
    while step * 4 < top:
        step = _next_step(step)
    ticks = max(1, -(-top // step))
    return ticks * step if top else 4, step


def _next_step(step: int) -> int:
    digits = str(step)
    lead = int(digits[0])
    factor: int = 2 if lead == 1 else 5 if lead == 2 else 10
    return int(factor * 10 ** (len(digits) - 1))


def _bars(
    chart: BarChart, values: Sequence[int], names: Sequence[str], colour: str, *, labels: bool
) -> None:
    """One series of ``values`` in ``colour``, small labels in the embedded font, a value axis
    from 0 in round steps, and the count on each bar when ``labels``."""
    chart.data = [list(values)]
    chart.categoryAxis.categoryNames = list(names)
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax, chart.valueAxis.valueStep = _scale(max(values, default=0))
    chart.bars[0].fillColor = colors.HexColor(colour)
    chart.bars[0].strokeColor = None
    if labels:
        chart.barLabelFormat = "%d"
        chart.barLabels.fontName = REGULAR
        chart.barLabels.fontSize = 6.5


def _drawing(chart: BarChart, title: str, width: float, height: float) -> Drawing:
    """The chart with its title above it."""
    d = Drawing(width, height, initialFontName=REGULAR)  # else its state starts in Helvetica
    d.add(chart)
    d.add(String(0, height - 10, title, fontName=BOLD, fontSize=8))
    return d


def region_chart(sitrep: Sitrep, text: Text, width: float) -> Drawing:
    data = list(reversed(sitrep.by_region))  # the first region on top
    bar_h = 13
    height = max(60, bar_h * len(data) + 40)
    chart = HorizontalBarChart()
    label_w = min(180.0, max((text_width(c.name, REGULAR, 7) for c in data), default=40) + 6)
    chart.x = label_w
    chart.y = 18
    chart.width = width - label_w - 20
    chart.height = height - 36
    _bars(chart, [c.n for c in data], [c.name for c in data], "#1565c0", labels=True)
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    return _drawing(chart, text("chart_region"), width, height)


def day_chart(sitrep: Sitrep, text: Text, width: float) -> Drawing:
    data = list(sitrep.per_day)
    height = 150
    chart = VerticalBarChart()
    chart.x = 30
    chart.y = 30
    chart.width = width - 40
    chart.height = height - 50
    step = max(1, -(-len(data) // 16))  # at most 16 day labels under the axis
    names = [f"{c.day:%d/%m}" if i % step == 0 else "" for i, c in enumerate(data)]
    _bars(chart, [c.n for c in data], names, "#6a1b9a", labels=len(data) <= 31)
    if len(data) <= 31:
        chart.barLabels.nudge = 6
    return _drawing(chart, text("chart_day"), width, height)
