"""Section XI of the situation report, PEMANTAUAN TPS: the voting-day TPS watch at the
report's cut-off (``opscenter.sitrep.watch``), in a report whose period touches voting day."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether

from opscenter.sitrep import Sitrep
from reports.fonts import BOLD
from reports.sitrep.labels import Text
from reports.sitrep.layout import BODY_W, Styles, para
from reports.sitrep.sections import Numbered
from reports.sitrep.tables import HEAD_SIZE, alert_marks, grid_table, kept_with_table, wrap

# A figures cell of the watch table: "5.029" over "98,8%" at 8 points.
FIGURES_W = 26.0


def watch_section(s: Sitrep, text: Text, st: Styles, lead: Sequence[Flowable]) -> list[Flowable]:
    """Section XI: the voting-day TPS watch at the report's cut-off: per Polres each step's
    count and share, the disturbed and the overdue; the first overdue TPS with their step and
    deadline; every disturbed TPS with its open incidents."""
    w = s.watch
    assert w is not None
    line = text(
        "watch_line",
        when=text.when(w.as_of),
        total=text.number(w.total.tps),
        late=text.number(w.total.overdue),
        disturbed=text.number(w.total.disturbed),
    )
    head = [*lead, para(line, st["body"]), para(text("watch_per_polres"), st["h3"])]
    widths = _watch_widths(
        [text("polres"), text("tps"), *w.steps, text("disturbance"), text("late")]
    )
    rows: list[list[Any]] = [
        [text("polres"), text("tps"), *w.steps, text("disturbance"), text("late")]
    ]
    marks: list[tuple[Any, ...]] = []
    last = len(w.steps) + 3
    for i, r in enumerate([*w.polres, w.total], 1):
        shares = [f"{text.number(n)}\n{text.percent(n, r.tps)}" for n in r.reached]
        name = r.name or text("total")
        figures = [text.number(r.disturbed), text.number(r.overdue)]
        rows.append([wrap(name, widths[0] - 6), text.number(r.tps), *shares, *figures])
        if i <= len(w.polres):
            for col, n in ((last - 1, r.disturbed), (last, r.overdue)):
                marks += alert_marks(col, i) if n else []
    table = grid_table(rows, widths, numeric_from=1, total_row=True, extra=marks)
    out: list[Flowable] = [KeepTogether([*head, table])]
    heading = para(text("watch_overdue"), st["h3"])
    if w.overdue:
        rows = [text.headings("no", "tps", "kecamatan", "polres", "step", "due")]
        for n, x in enumerate(w.overdue, 1):
            due = f"{text.short(x.due)} {s.tz_label}"
            cells = (x.tps, x.kecamatan, x.polres, x.step, due)
            rows.append([str(n), *(para(v, st["cell"]) for v in cells)])
        widths = [0.8 * cm, 0.0, 3.2 * cm, 3.2 * cm, 2.6 * cm, 3.6 * cm]
        widths[1] = BODY_W - sum(widths)
        out += kept_with_table([heading], grid_table(rows, widths))
        if w.overdue_total > len(w.overdue):
            more = text("watch_more", n=text.number(w.overdue_total - len(w.overdue)))
            out.append(para(more, st["italic"]))
    else:
        out.append(KeepTogether([heading, para(text("none"), st["body"])]))
    heading = para(text("watch_disturbed"), st["h3"])
    if w.disturbed:
        rows = [text.headings("no", "tps", "kecamatan", "polres", "incident")]
        for n, d in enumerate(w.disturbed, 1):
            listed = (d.tps, d.kecamatan, d.polres, ", ".join(d.incidents))
            rows.append([str(n), *(para(v, st["cell"]) for v in listed)])
        widths = [0.8 * cm, 0.0, 3.8 * cm, 3.4 * cm, 2.6 * cm]
        widths[1] = BODY_W - sum(widths)
        out += kept_with_table([heading], grid_table(rows, widths))
    else:
        out.append(KeepTogether([heading, para(text("none"), st["body"])]))
    return out


def _watch_widths(headings: Sequence[str]) -> list[float]:
    """The watch table's columns (Polres, TPS, the steps, disturbed, overdue): each figures
    column as wide as the longest word of its heading, so no word breaks, and the Polres
    the rest; when the steps are too many for that, equal columns (long words break)."""
    figures = [
        max(FIGURES_W, *(stringWidth(x, BOLD, HEAD_SIZE) for x in h.split())) + 7
        for h in headings[1:]
    ]
    if BODY_W - sum(figures) >= 2.4 * cm:
        return [BODY_W - sum(figures), *figures]
    first = 3.0 * cm
    return [first, *([(BODY_W - first) / len(figures)] * len(figures))]


# XI: only in a report whose period touches voting day or holds records of the watch
# (``Sitrep.watch``).
WATCH = Numbered("s11", watch_section)
