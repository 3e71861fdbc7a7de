"""The plan as an Excel workbook: requirements per Polres, per region, and the proposals."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from opscenter.formulas import put, xlsx_row
from opscenter.planning.reinforcement import Plan
from opscenter.planning.workbook import HEADER_FILL, HEADER_FONT, save_workbook

# The vulnerability shown for a unit or region no rating covers yet.
UNRATED = "belum dinilai"


def write_plan(plan: Plan, path: Path, operation_name: str) -> None:
    """The plan as a workbook: requirements per Polres, per region, and proposals."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Kebutuhan"
    ws.append(xlsx_row(ws, [f"{operation_name} \u2014 tahapan {plan.stage.name}"]))
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([f"Porsi kekuatan Polres yang dikerahkan: {plan.commit_share_pct}%"])
    _table(
        ws,
        [
            "Satuan",
            "Cadangan",
            "TPS",
            "Kebutuhan Polri",
            "Kebutuhan Linmas",
            "Personel",
            "BKO masuk",
            "BKO keluar",
            "Kekuatan",
            "Selisih",
            # The plotting's deficit (blank: the stage is not plotted), and what is asked.
            "Kurang di pos (plotting)",
            "Perlu penebalan",
            "Dapat diperbantukan",
            "Kerawanan tertinggi",
            "Belum tertutup",
        ],
        [
            [
                u.name,
                "ya" if u.is_reserve else "",
                u.tps,
                u.police_required,
                u.linmas_required,
                u.police_assigned,
                u.bko_in,
                u.bko_out,
                u.police_available,
                u.balance,
                "" if u.plotting is None else u.plot_short,
                u.need,
                u.lendable,
                u.vulnerability_name or UNRATED,
                plan.unmet.get(u.unit_id, 0),
            ]
            for u in plan.units
        ],
    )
    ws = wb.create_sheet("Wilayah")
    _table(
        ws,
        [
            "Kabupaten/kota",
            "TPS",
            "Kebutuhan Polri",
            "Kebutuhan Linmas",
            "Linmas tersedia",
            "Kerawanan tertinggi",
        ],
        [
            [
                r.name,
                sum(r.tps.values()),
                r.police_required,
                r.linmas_required,
                r.linmas_available,
                r.vulnerability_name or UNRATED,
            ]
            for r in plan.regions
        ],
    )
    ws = wb.create_sheet("Usulan")
    _table(
        ws,
        [
            "Satuan penerima",
            "Kerawanan",
            "Kekurangan",
            "Dari satuan",
            "Jumlah",
            "Sisa kekurangan",
            "Alasan",
        ],
        [
            [
                p.to_unit_name,
                p.vulnerability_name or UNRATED,
                p.deficit,
                p.from_unit_name,
                p.count,
                p.deficit_left,
                p.sentence("id"),
            ]
            for p in plan.proposals
        ],
    )
    ws.column_dimensions["G"].width = 120
    save_workbook(wb, path)


def _table(ws: Any, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    first = ws.max_row + 2 if ws.max_row > 1 else 1
    for i, label in enumerate(header, 1):
        c = ws.cell(first, i)
        put(c, label)
        c.fill, c.font = HEADER_FILL, HEADER_FONT
    for r, values in enumerate(rows, first + 1):
        for i, v in enumerate(values, 1):
            put(ws.cell(r, i), v)  # names come from the database: never a formula
    ws.column_dimensions["A"].width = 36
    for i in range(2, len(header) + 1):
        ws.column_dimensions[get_column_letter(i)].width = 16
    ws.freeze_panes = ws.cell(first + 1, 2)
