"""Issue 19, point 7: nothing a spreadsheet would execute. Real files, the real command line.

- every CSV cell that begins with = + - @ tab or CR is written with a quote in front, and
  reading the CSV back takes it off, so an export imports back unchanged (+62 kept);
- every XLSX the program writes stores text as text, never as a formula;
- free text that begins like a formula is imported, but flagged in the preview (text that
  begins with "=" was refused before issue 19 and still is: normalise.text).
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from opscenter import audit, formulas, messages, planning
from opscenter.model import Personnel, Unit
from opscenter.roster import commit, errors_xlsx, export, template
from opscenter.roster.classify import prepare
from opscenter.roster.preview import Options
from opscenter.store import Store, open_store
from tests.builders import ADMIN, Small, build_small_operation

OPSCENTER = str(Path(sys.executable).with_name("opscenter"))
CALC = "@SUM(1+1)*cmd|' /C calc'!A0"
# name, position, phone as a Polres would type them
PEOPLE = [
    ("75010001", CALC, "+cmd", "+62 812-3456-7890"),
    ("75010002", "-2+3+cmd|' /C calc'!A0", "-2+3", "0813 1111 2222"),
    ("75010003", "'=sudah dikutip", "@jabatan", ""),
    ("75010004", "Andi Saputra", "Kapolsek", "+6281299998888"),
]


@pytest.fixture
def small(tmp_path: Path) -> Iterator[tuple[Store, Small, str]]:
    url = f"sqlite:///{tmp_path / 'ops.db'}"
    store = open_store(url)
    try:
        yield store, build_small_operation(store), url
    finally:
        store.dispose()


def roster(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Personel"
    ws.append(["NRP", "NAMA", "PANGKAT", "JABATAN", "SATUAN", "NO HP"])
    for nrp, name, position, phone in PEOPLE:
        row = [nrp, name, "Bripda", position, "Polsek A1", phone]
        ws.append(row)
        for cell in ws[ws.max_row]:
            cell.data_type = "s"  # as typed text, the way a Polres workbook holds it
    wb.save(path)
    return path


def stored(store: Store) -> list[tuple[str, str, str | None, str | None]]:
    with store.read() as s:
        rows = s.execute(
            select(Personnel.nrp, Personnel.name, Personnel.position, Personnel.phone).order_by(
                Personnel.nrp
            )
        )
        return [tuple(r) for r in rows]  # type: ignore[misc]


def no_formulas(path: Path) -> list[str]:
    """Every cell of every sheet that openpyxl reads as a formula."""
    wb = openpyxl.load_workbook(path)
    return [
        f"{ws.title}!{c.coordinate}={c.value!r}"
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.data_type == "f"
    ]


def imported(store: Store, tmp_path: Path) -> None:
    preview = prepare(store, roster(tmp_path / "roster.xlsx"), Options("personnel"))
    assert preview.counts["new"] == len(PEOPLE), preview.rows
    commit.commit(store, ADMIN, preview)


def test_the_preview_flags_formula_text_but_keeps_it(
    small: tuple[Store, Small, str], tmp_path: Path
) -> None:
    store, _ids, _url = small
    preview = prepare(store, roster(tmp_path / "roster.xlsx"), Options("personnel"))
    assert preview.counts["new"] == 4 and preview.counts["rejected"] == 0  # kept, not refused
    found = {(w.ref, w.value) for w in preview.warnings}
    assert found == {
        ("Personel!B2", CALC),
        ("Personel!D2", "+cmd"),
        ("Personel!B3", "-2+3+cmd|' /C calc'!A0"),
        ("Personel!D3", "-2+3"),
        ("Personel!D4", "@jabatan"),
    }
    assert preview.warnings_total == 5
    said_id = messages.formula_warnings(preview.warnings, preview.warnings_total, "id")
    said_en = messages.formula_warnings(preview.warnings, preview.warnings_total, "en")
    assert said_id.startswith("Perhatian: 5 sel") and "Personel!B2" in said_id
    assert said_en.startswith("Warning: 5 cell(s)") and "and 0 more" not in said_en
    assert messages.problem_text("formula_like", None, "en").startswith("begins with =")


def test_csv_export_neutralises_and_imports_back_unchanged(
    small: tuple[Store, Small, str], tmp_path: Path
) -> None:
    store, _ids, url = small
    imported(store, tmp_path)
    before = stored(store)
    assert ("75010001", CALC, "+cmd", "+6281234567890") in before
    out = tmp_path / "personel.csv"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPSCENTER_", "XDG_"))}
    env.update(HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "d"), XDG_STATE_HOME=str(tmp_path))
    done = subprocess.run(
        [OPSCENTER, "export", "personnel", "--out", str(out), "--db", url],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    with out.open(encoding="utf-8-sig", newline="") as fh:
        cells = [c for row in csv.reader(fh) for c in row]
    dangerous = [c for c in cells if c.startswith(formulas.FORMULA_START)]
    assert dangerous == []
    assert "'" + CALC in cells and "'+cmd" in cells and "'-2+3" in cells
    assert "'+6281234567890" in cells  # +62 kept, as text
    assert "''=sudah dikutip" in cells  # a quote of its own survives the round trip
    preview = prepare(store, out, Options("personnel"))
    assert preview.counts == {"new": 0, "changed": 0, "unchanged": len(before), "rejected": 0}, [
        (r.row, r.changes, r.problems) for r in preview.rows
    ]
    assert stored(store) == before


def test_a_quote_before_ordinary_text_is_the_files_own() -> None:
    assert formulas.csv_value("'0812") == "'0812"
    assert formulas.csv_value("'=1+1") == "=1+1"
    for text in [CALC, "+62812", "-", "\tx", "\rx", "'", "''", "'a", "'=x", "biasa", ""]:
        assert formulas.csv_value(formulas.csv_cell(text)) == text


@pytest.mark.parametrize("kind", ["personnel", "tps", "incidents"])
def test_xlsx_exports_hold_no_formula(
    small: tuple[Store, Small, str], tmp_path: Path, kind: str
) -> None:
    store, _ids, _url = small
    imported(store, tmp_path)
    out = tmp_path / f"{kind}.xlsx"
    export.write(store, kind, out)
    assert no_formulas(out) == []
    if kind == "personnel":
        values = {c.value for row in openpyxl.load_workbook(out).active.iter_rows() for c in row}  # type: ignore[union-attr]
        assert {CALC, "+cmd", "+6281234567890"} <= values
        back = prepare(store, out, Options("personnel"))
        assert back.counts["unchanged"] == len(stored(store))


def test_every_other_workbook_holds_no_formula(
    small: tuple[Store, Small, str], tmp_path: Path
) -> None:
    """Names from the database reach the template's lists, the audit export, the planning
    workbooks and the error workbook: each keeps them as text."""
    store, ids, _url = small
    imported(store, tmp_path)
    with store.transaction(ADMIN, "test.setup") as s:
        for unit in s.scalars(select(Unit).where(Unit.operation_id == ids.operation_id)):
            unit.name = "=" + unit.name  # every unit name now starts like a formula
    checked = []
    checked.append(template.write("personnel", tmp_path / "templat.xlsx", store))
    out = tmp_path / "audit.xlsx"
    audit.export_xlsx(audit.iter_rows(store, audit.AuditFilter()), out)
    checked.append(out)
    stage = next(iter(ids.stages.values()))
    with store.read() as s:
        planning.export_matrix(s, ids.operation_id, tmp_path / "kerawanan.xlsx")
        plan = planning.plan(planning.load_base(s, ids.operation_id, stage))
    checked.append(tmp_path / "kerawanan.xlsx")
    planning.write_plan(plan, tmp_path / "rencana.xlsx", "=Operasi Uji")
    checked.append(tmp_path / "rencana.xlsx")
    bad = tmp_path / "buruk.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["NRP", "NAMA", "PANGKAT", "SATUAN"])
    ws.append(["7501", CALC, "Bripda", "=Polsek A1"])  # a malformed NRP: rejected
    for cell in ws[2]:
        cell.data_type = "s"
    wb.save(bad)
    preview = prepare(store, bad, Options("personnel"))
    assert preview.counts["rejected"] == 1
    errors_xlsx.write(preview, tmp_path / "ditolak.xlsx")
    checked.append(tmp_path / "ditolak.xlsx")
    for path in checked:
        assert no_formulas(path) == [], path
    plan_texts = {
        c.value for ws in openpyxl.load_workbook(tmp_path / "rencana.xlsx").worksheets
        for row in ws.iter_rows() for c in row
    }  # fmt: skip
    assert "=Polres A" in plan_texts
