"""The plotting list as a workbook (.xlsx): one sheet, as the printed list reads it. A title
block and the notes (Linmas, leader), then per kecamatan a heading with its Polsek and
Polres, the column headings, a row per officer or desa of each post, and the kecamatan's
deficit; the reserve at the end. The post's number stands on each of its rows (so a filter
on it shows the whole post), its No and Linmas on its first row only (so a sum counts each
post once); the leader is marked "Ketua" in the last column, the name left as it is. Cells
are typed values, text never a formula (``opscenter.formulas``): a name beginning with "="
stays text.
"""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from opscenter.formulas import xlsx_row
from reports.plotting.document import PlottingDocument, text_of
from reports.plotting.labels import LIST_COLUMNS, RESERVE_COLUMNS

BOLD = Font(bold=True)
RED = Font(bold=True, color="C62828")
WIDTHS = {"A": 6, "B": 14, "C": 26, "D": 6, "E": 30, "F": 12, "G": 12, "H": 17, "I": 8, "J": 8}


def _bold(ws: Any, values: list[Any], font: Font = BOLD) -> list[Any]:
    cells = xlsx_row(ws, values)
    for c in cells:
        c.font = font
    return cells


def workbook(d: PlottingDocument) -> bytes:
    """The workbook's bytes."""
    text = text_of(d)
    lst = d.listing
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(text.pick(("Plotting", "Plotting")))
    for col, width in WIDTHS.items():
        ws.column_dimensions[col].width = width
    stage = lst.stage if lst.stage_from is None else f"{lst.stage}, {text.date(lst.stage_from)}"
    ws.append(_bold(ws, [text("title")]))
    ws.append(xlsx_row(ws, [f"{text('operation')}: {d.settings.operation_name}"]))
    ws.append(xlsx_row(ws, [f"{text('stage')}: {stage}"]))
    ws.append(xlsx_row(ws, [f"{text('scope')}: {lst.scope or text('all_units')}"]))
    ws.append(xlsx_row(ws, [f"{text('as_of')}: {text.when(d.generated_at)}"]))
    ws.append(xlsx_row(ws, [text("linmas_note")]))
    ws.append(xlsx_row(ws, [text("leader_note")]))
    for k in lst.kecamatan:
        ws.append([])
        heading = f"{k.kecamatan} \u2014 {k.polsek or text('no_polsek')}"
        ws.append(_bold(ws, [heading + (f" ({k.polres})" if k.polres else "")]))
        ws.append(_bold(ws, text.headings(*LIST_COLUMNS, "col_note")))
        for n, p in enumerate(k.posts, 1):
            people: list[list[Any]] = [[g.name, g.rank, g.nrp, g.phone or None] for g in p.guards]
            notes = [text("leader") if g.leader else None for g in p.guards]
            if p.short:
                people.append([text("short_row", n=p.short), None, None, None])
                notes.append(None)
            places = list(zip(p.tps, p.desa, strict=True))
            for i in range(max(len(people), len(places), 1)):
                tps, desa = places[i] if i < len(places) else (None, None)
                name, rank, nrp, phone = people[i] if i < len(people) else [None] * 4
                note = notes[i] if i < len(notes) else None
                first = i == 0
                row = xlsx_row(
                    ws,
                    [
                        n if first else None,
                        tps,
                        desa,
                        p.number,
                        name,
                        rank,
                        nrp,
                        phone,
                        p.linmas if first else None,
                        note,
                    ],
                )
                if note:
                    row[4].font = BOLD
                if p.short and i == len(people) - 1:
                    row[4].font = RED
                ws.append(row)
        line = text.kecamatan_line(k)
        deficit = _bold(ws, [f"{text('deficit')}: {k.kecamatan}", k.deficit, line])
        if k.deficit:
            deficit[1].font = RED
        ws.append(deficit)
    ws.append([])
    ws.append(_bold(ws, [text("reserve")]))
    ws.append(_bold(ws, text.headings(*RESERVE_COLUMNS)))
    for i, g in enumerate(lst.reserve, 1):
        ws.append(xlsx_row(ws, [i, g.name, g.rank, g.nrp, g.phone or None, g.unit]))
    ws.append([])
    totals = text(
        "totals",
        posts=lst.posts,
        need=lst.needed,
        placed=lst.placed,
        deficit=lst.deficit,
        reserve=len(lst.reserve),
    )
    ws.append(_bold(ws, [totals]))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
