"""The landscape annexes: A, every unit on the board; B, every incident of the period.
Thousands of rows: plain pre-wrapped strings in ``PagedTable``s."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Spacer

from opscenter.messages import unit_kind_name
from opscenter.sitrep import Sitrep
from reports.sitrep.labels import Text, where
from reports.sitrep.layout import WIDE_W, Styles, para
from reports.sitrep.tables import grid_table, wrap

ProgressFn = Callable[[int, int, str], None]


def annex_units(s: Sitrep, text: Text, st: Styles) -> list[Flowable]:
    widths = [9.0 * cm, 2.4 * cm, 2.6 * cm] + [2.0 * cm] * 6
    widths[0] = WIDE_W - sum(widths[1:])
    rows = [
        text.headings(
            "unit", "kind", "status", "tps", "required", "bko_in", "bko_out", "available", "balance"
        )
    ]
    for u in s.units:
        indent = "   " * min(u.depth, 6)
        rows.append(
            [
                wrap(indent + u.name, widths[0] - 6),
                wrap(unit_kind_name(u.kind, text.lang), widths[1] - 6),
                wrap(u.status, widths[2] - 6),
                text.number(u.tps),
                text.number(u.required),
                text.number(u.bko_in),
                text.number(u.bko_out),
                text.number(u.available),
                text.signed(u.balance),
            ]
        )
    return [
        para(text("annex_a"), st["h2"]),
        para(text("all_units"), st["italic"]),
        Spacer(1, 4),
        grid_table(rows, widths, numeric_from=3, long=True),
    ]


def annex_incidents(s: Sitrep, text: Text, st: Styles, progress: ProgressFn) -> list[Flowable]:
    widths = [1.8 * cm, 2.8 * cm, 4.2 * cm, 1.7 * cm, 4.6 * cm, 1.9 * cm, 0.0, 1.5 * cm]
    widths[6] = WIDE_W - sum(widths)
    head: list[Any] = text.headings(
        "no", "time", "type", "severity", "region", "status", "title_col"
    )
    rows = [[*head, "MD/LL"]]
    total = len(s.incidents)
    for n, i in enumerate(s.incidents, 1):
        rows.append(
            [
                i.number,
                text.short(i.occurred_at),
                wrap(i.type, widths[2] - 6),
                i.severity,
                wrap(where(i.location, i.region), widths[4] - 6),
                i.status,
                wrap(i.title, widths[6] - 6),
                f"{i.dead}/{i.injured}",
            ]
        )
        if n % 2000 == 0:
            progress(n, total, "annex")
    out: list[Flowable] = [
        para(text("annex_b"), st["h2"]),
        para(text("all_incidents"), st["italic"]),
        Spacer(1, 4),
    ]
    if not s.incidents:
        return [*out, para(text("none"), st["body"])]
    return [*out, grid_table(rows, widths, long=True, extra=[("ALIGN", (7, 1), (7, -1), "RIGHT")])]
