"""The error report: rejected rows written back to .xlsx (openpyxl, write-only), each bad
cell filled red with a comment saying why, and a last column with every reason.

Text that a spreadsheet would take as a formula (starting with =, +, - or @) is written
as text, never as a formula.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from opscenter import messages
from opscenter.formulas import xlsx_cell
from opscenter.private_files import private_file
from opscenter.roster.errors import RosterError
from opscenter.roster.headers import cell_ref
from opscenter.roster.preview import Rejections
from opscenter.roster.reading import open_source

BAD_FILL = "FFC7CE"


def _cells_of(preview: Rejections, rows: set[int]) -> dict[int, tuple[int, list[Any]]]:
    found: dict[int, tuple[int, list[Any]]] = {}
    try:
        with open_source(preview.path) as source:
            for index, offset, cells in source.rows(preview.sheet):
                if index in rows:
                    found[index] = (offset, cells)
                    if len(found) == len(rows):
                        break
    except RosterError:  # the file changed or went away since the preview: report without
        pass
    return found


def write(preview: Rejections, out: Path, lang: str | None = None) -> int:
    """Write the rejected rows of ``preview`` to ``out``; returns how many rows."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill

    lang = messages.language(lang)
    layout = preview.layout
    rejected = sorted((r for r in preview.rows if r.status == "rejected"), key=lambda r: r.row)
    missing = {r.row for r in rejected if r.cells is None}
    if missing:
        # A row rejected after it was first accepted (the earlier copy of a duplicate) was
        # not kept in memory: read its cells from the file again.
        found = _cells_of(preview, missing)
        for r in rejected:
            if r.cells is None and r.row in found:
                r.offset, r.cells = found[r.row]
    width = max(
        [max(layout.headers, default=0) + 1, *(r.offset + len(r.cells or ()) for r in rejected)]
    )
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=(preview.sheet or "Sheet1")[:31])
    fill = PatternFill("solid", start_color=BAD_FILL, end_color=BAD_FILL)
    bold = Font(bold=True)
    head_row = []
    for col in range(width):
        c = xlsx_cell(ws, layout.headers.get(col, ""))
        c.font = bold
        head_row.append(c)
    reason_head = xlsx_cell(ws, "Alasan ditolak" if lang == "id" else "Why rejected")
    reason_head.font = bold
    source_head = xlsx_cell(ws, "Sel asal" if lang == "id" else "Source cell")
    source_head.font = bold
    ws.append([*head_row, reason_head, source_head])
    for r in rejected:
        cells = r.cells or []
        values: list[Any] = [None] * width
        for i, v in enumerate(cells):
            if r.offset + i < width:
                values[r.offset + i] = v
        row = [xlsx_cell(ws, v) for v in values]
        reasons = []
        for p in r.problems or []:
            text = messages.problem_phrase(p, lang)
            reasons.append(f"{p.ref}: {text}")
            if p.col is not None and p.col < width:
                target = row[p.col]
                target.fill = fill
                old = target.comment.text + "\n" if target.comment else ""
                target.comment = Comment(old + text, "OpsCenter")
        row.append(xlsx_cell(ws, "; ".join(reasons)))
        row.append(xlsx_cell(ws, cell_ref(preview.sheet, r.row, 0)))
        ws.append(row)
    wb.save(private_file(out))
    return len(rejected)
