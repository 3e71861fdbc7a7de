"""Sarpras lists out to spreadsheets: an export that imports back unchanged
(``sarpras_io.prepare``), and an empty workbook to fill."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter import reference
from opscenter.formulas import put
from opscenter.model import SarprasCategory, SarprasStock, Unit
from opscenter.private_files import private_file
from opscenter.readiness.sarpras import TREES
from opscenter.store import Store

# Headings the import recognises for certain; the export and the template write these.
HEADERS = ("KODE SATUAN", "KESATUAN", "KELOMPOK", "JENIS SARPRAS", "SATUAN", "BAIK",
           "RUSAK RINGAN", "RUSAK BERAT", "LAIK PAKAI", "AMUNISI", "KETERANGAN")  # fmt: skip


def export_rows(s: Session, operation_id: int) -> Iterator[Sequence[Any]]:
    """One row per unit and category held, in the unit's then the category's order."""
    stmt = (
        select(Unit.code, Unit.name, SarprasCategory.grp, SarprasCategory.name,
               SarprasCategory.measure, SarprasStock.baik, SarprasStock.rusak_ringan,
               SarprasStock.rusak_berat, SarprasStock.laik_pakai, SarprasStock.ammunition,
               SarprasStock.note)
        .join(Unit, Unit.id == SarprasStock.unit_id)
        .join(SarprasCategory, SarprasCategory.id == SarprasStock.category_id)
        .where(SarprasStock.operation_id == operation_id)
        .order_by(Unit.code, SarprasCategory.ordinal, SarprasCategory.id)
    )  # fmt: skip
    for row in s.execute(stmt):
        values = list(row)
        values[8] = "Ya" if values[8] else "Tidak"
        yield values


def write_template(out: Path, store: Store | None = None, operation_id: int | None = None) -> Path:
    """An empty sarpras workbook to fill: every category with its group and measure, the
    unit column, the three condition columns, laik pakai, ammunition (firearms) and a note.
    With a store, its operation's categories and units (a drop-down list); else the seeded
    categories."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from opscenter import operations

    units: list[str] = []
    if store is not None:
        with store.read() as s:
            op_id = operation_id or operations.get_operation(s).id
            cats = [(c.grp, c.name, c.measure) for c in reference.items(s, SarprasCategory, op_id)]
            units = list(
                s.scalars(
                    select(Unit.code)
                    .where(Unit.operation_id == op_id, Unit.tree.in_(TREES))
                    .order_by(Unit.code)
                )
            )
    else:
        cats = [(c[3], c[1], c[4]) for c in reference.SARPRAS_CATEGORIES]
    wb = Workbook()
    ws = wb.active
    ws.title = "Sarpras"
    ws.append(["DAFTAR SARANA PRASARANA"])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append(
        [
            "Isi KODE SATUAN (atau nama kesatuan), lalu jumlah menurut kondisi: BAIK, RUSAK "
            "RINGAN, RUSAK BERAT. LAIK PAKAI: Ya atau Tidak. AMUNISI hanya untuk senjata api. "
            "Baris tanpa jumlah dilewati."
        ]
    )
    ws.append([])
    header_row = ws.max_row + 1
    ws.append(list(HEADERS))
    for c in ws[header_row]:
        c.font = Font(bold=True)
    for grp, name, measure in cats:
        row = ws.max_row + 1
        for col, value in ((3, grp), (4, name), (5, measure)):
            put(ws.cell(row=row, column=col), value)
    last = max(ws.max_row, header_row + 1)
    laik = DataValidation(type="list", formula1='"Ya,Tidak"', allow_blank=True)
    laik.add(f"I{header_row + 1}:I{last}")
    ws.add_data_validation(laik)
    if units:
        lists = wb.create_sheet("Daftar")
        lists.sheet_state = "hidden"
        for i, code in enumerate(units, 1):
            put(lists.cell(row=i, column=1), code)
        dv = DataValidation(type="list", formula1=f"=Daftar!$A$1:$A${len(units)}", allow_blank=True)
        dv.add(f"A{header_row + 1}:A{last}")
        ws.add_data_validation(dv)
    for i, h in enumerate(HEADERS, 1):
        ws.column_dimensions[get_column_letter(i)].width = max(12, len(h) + 4)
    ws.column_dimensions["D"].width = 28
    ws.freeze_panes = ws.cell(header_row + 1, 1)
    wb.save(private_file(out))
    return out
