"""The readiness matrix as a workbook (.xlsx): sheet one, the units x aspects in level words
with the Polda's roll-up row; sheet two, every cell's judgement (level, note, evidence, who
set it and when) beside the level the data suggests and why. Cells are typed values, text
never a formula (``opscenter.formulas``)."""

from __future__ import annotations

import io
from datetime import UTC
from typing import Any
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from opscenter.formulas import xlsx_cell, xlsx_row
from reports.readiness.content import ReadinessReport
from reports.readiness.labels import LEVEL_COLOURS, ReadinessText, joined

BOLD = Font(bold=True)


def _fill(level: str | None) -> PatternFill | None:
    if level not in LEVEL_COLOURS:
        return None
    colour = LEVEL_COLOURS[level].lstrip("#").upper()
    return PatternFill(fill_type="solid", fgColor=colour)


def _level_cell(ws: Any, text: ReadinessText, level: str | None, *, bold: bool = False) -> Any:
    cell = xlsx_cell(ws, text.level(level) if level else "")
    fill = _fill(level)
    if fill is not None:
        cell.fill = fill
    if bold or level == "belum":
        cell.font = BOLD
    return cell


def _head(ws: Any, names: list[str]) -> list[Any]:
    cells = xlsx_row(ws, names)
    for c in cells:
        c.font = BOLD
    return cells


def workbook(report: ReadinessReport) -> bytes:
    """The workbook's bytes (``unit_ids`` limits the second sheet to those units; without,
    it holds every cell of the matrix)."""
    r = report.readiness
    text = ReadinessText(report.settings.language, report.settings.tz_label)
    zone = ZoneInfo(report.settings.timezone)
    wb = Workbook(write_only=True)
    matrix = wb.create_sheet(text.pick(("Matriks", "Matrix")))
    matrix.freeze_panes = "C2"
    matrix.column_dimensions["A"].width = 30
    matrix.append(
        _head(matrix, [text("unit"), text.pick(("Kode", "Code"))] + [a.name for a in r.aspects])
    )
    for u in r.units:
        row = xlsx_row(matrix, [u.name, u.code])
        row += [_level_cell(matrix, text, u.cells[a.id].level) for a in r.aspects]
        matrix.append(row)
    roll = [xlsx_cell(matrix, text("rollup")), xlsx_cell(matrix, "")]
    roll[0].font = BOLD
    roll += [_level_cell(matrix, text, r.rollup[a.id].level, bold=True) for a in r.aspects]
    matrix.append(roll)

    cells = wb.create_sheet(text.pick(("Penilaian", "Judgements")))
    cells.freeze_panes = "A2"
    cells.append(
        _head(
            cells,
            [
                text("unit"),
                text.pick(("Kode", "Code")),
                text("aspect"),
                text("level"),
                text("judgement"),
                text.pick(("Catatan", "Note")),
                text("evidence"),
                text.pick(("Dinilai oleh", "Set by")),
                text.pick(("Waktu penilaian", "Set at")) + f" ({report.settings.tz_label})",
                text("data_says"),
                text.pick(("Alasan menurut data", "Why, from the data")),
            ],
        )
    )
    for u in r.units if report.unit_ids is None else report.pages:
        for a in r.aspects:
            c = u.cells[a.id]
            j = c.judgement
            set_at = None
            if j is not None:
                aware = j.set_at if j.set_at.tzinfo else j.set_at.replace(tzinfo=UTC)
                set_at = aware.astimezone(zone).replace(tzinfo=None)  # openpyxl: no zones
            row = xlsx_row(cells, [u.name, u.code, a.name])
            row += [
                _level_cell(cells, text, c.level),
                _level_cell(cells, text, j.level if j else None),
                xlsx_cell(cells, j.note if j else None),
                xlsx_cell(cells, j.evidence if j else None),
                xlsx_cell(cells, j.set_by if j else None),
                xlsx_cell(cells, set_at),
                _level_cell(cells, text, c.derived),
                xlsx_cell(cells, joined(text.reasons(r, c)) or None),
            ]
            if set_at is not None:
                row[8].number_format = "yyyy-mm-dd hh:mm"
            cells.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
