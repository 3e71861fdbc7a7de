"""Blank import templates: the header row the import recognises for certain, and
drop-down lists (data validation) for ranks, TPS categories and units."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from opscenter import reference
from opscenter.formulas import put
from opscenter.model import Rank, TpsCategory, Unit
from opscenter.private_files import private_file
from opscenter.store import Store

PERSONNEL_HEADERS = ("NRP/NIP", "NAMA", "PANGKAT", "JABATAN", "KODE SATUAN",
                     "SATUAN PENUGASAN", "NO HP", "STATUS DINAS")  # fmt: skip
TPS_HEADERS = ("KABUPATEN/KOTA", "KECAMATAN", "DESA/KELURAHAN", "NO TPS", "KATEGORI", "DPT",
               "KODE SATUAN", "ALAMAT")  # fmt: skip
HEADERS = {"personnel": PERSONNEL_HEADERS, "tps": TPS_HEADERS}
ROWS = 5000  # rows the drop-down lists cover


def lists(store: Store | None, operation_id: int | None = None) -> dict[str, list[str]]:
    """Ranks, categories and unit codes: the operation's own, else the seeded defaults."""
    if store is not None:
        from opscenter import operations

        with store.read() as s:
            op_id = operation_id or operations.get_operation(s).id
            ranks = list(s.scalars(select(Rank.name).where(Rank.operation_id == op_id)
                                   .order_by(Rank.ordinal)))  # fmt: skip
            cats = list(s.scalars(select(TpsCategory.name).where(
                TpsCategory.operation_id == op_id).order_by(TpsCategory.ordinal)))  # fmt: skip
            units = list(s.scalars(select(Unit.code).where(Unit.operation_id == op_id)
                                   .order_by(Unit.code)))  # fmt: skip
            return {"ranks": ranks, "categories": cats, "units": units}
    return {
        "ranks": [r[1] for r in reference.POLRI_RANKS] + [g[1] for g in reference.PNS_GRADES],
        "categories": [c[1] for c in reference.TPS_CATEGORIES],
        "units": [],
    }


def write(kind: str, out: Path, store: Store | None = None) -> Path:
    """A template for ``kind`` ("personnel" or "tps") at ``out``."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    data = lists(store)
    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    headers = HEADERS[kind]
    ws.append(list(headers))
    for c in ws[1]:
        c.font = Font(bold=True)
    ws.freeze_panes = "A2"
    lists_ws = wb.create_sheet("Daftar")
    lists_ws.sheet_state = "hidden"
    columns = {"ranks": ("A", "Pangkat"), "categories": ("B", "Kategori"), "units": ("C", "Satuan")}
    for key, (letter, title) in columns.items():
        lists_ws[f"{letter}1"] = title
        for i, value in enumerate(data[key], 2):
            put(lists_ws[f"{letter}{i}"], value)  # names from the database: never a formula
    # Text columns: an NRP typed into a number cell would lose its leading zeros.
    text_cols = {"NRP/NIP", "NO HP"}
    for i, h in enumerate(headers, 1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = max(14, len(h) + 4)
        if h in text_cols:
            for row in range(2, ROWS + 2):
                ws.cell(row=row, column=i).number_format = "@"
    wanted: dict[str, str] = {"PANGKAT": "ranks", "KATEGORI": "categories", "KODE SATUAN": "units",
              "SATUAN PENUGASAN": "units"}  # fmt: skip
    for i, h in enumerate(headers, 1):
        list_key = wanted.get(h)
        if list_key is None or not data[list_key]:
            continue
        letter = columns[list_key][0]
        dv = DataValidation(
            type="list",
            formula1=f"=Daftar!${letter}$2:${letter}${len(data[list_key]) + 1}",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Nilai tidak dikenal",
            error="Pilih dari daftar.",
        )
        col = get_column_letter(i)
        dv.add(f"{col}2:{col}{ROWS + 1}")
        ws.add_data_validation(dv)
    wb.save(private_file(out))
    return out
