"""The plotting as a text table for a terminal: one line per kecamatan (its Polsek, posts,
police required, placed, short), the totals and the reserve."""

from __future__ import annotations

from opscenter.plotting.lists import PlottingList
from reports.plotting.labels import PlotText

GAP = "  "


def summary(lst: PlottingList, text: PlotText) -> list[str]:
    head = [text(k) for k in ("kecamatan", "polsek", "posts", "need", "placed", "deficit")]
    rows = [
        [
            k.kecamatan,
            k.polsek or text("no_polsek"),
            *_figures(text, len(k.posts), k.needed, k.placed, k.deficit),
        ]
        for k in lst.kecamatan
    ]
    total = [text("total"), "", *_figures(text, lst.posts, lst.needed, lst.placed, lst.deficit)]
    widths = [max(len(r[i]) for r in [head, *rows, total]) for i in range(len(head))]

    def line(cells: list[str]) -> str:
        out = [
            c.ljust(w) if i < 2 else c.rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return GAP.join(out).rstrip()

    rule = "-" * (sum(widths) + len(GAP) * (len(widths) - 1))
    reserve = text.pick(("Cadangan: {n} personel.", "Reserve: {n} officers."), n=len(lst.reserve))
    return [line(head), rule, *map(line, rows), rule, line(total), reserve]


def _figures(text: PlotText, *figures: int) -> list[str]:
    return [text.number(n) for n in figures]
