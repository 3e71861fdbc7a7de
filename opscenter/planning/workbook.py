"""The vulnerability matrix as an Excel workbook, out and back in (the plan's workbook is
``plan_workbook``).

Export writes .xlsx with openpyxl; import reads with python-calamine (xlsx, xls, xlsb,
ods). An import reads every row first: any refused cell refuses the whole file with a
list of (row, column, reason), and nothing is written; otherwise one journaled
transaction applies it. Re-importing an exported file changes nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter.actor import Actor
from opscenter.errors import OpsError
from opscenter.formulas import xlsx_row
from opscenter.model import Aspect, Operation, Stage, VulnerabilityLevel, VulnerabilityRating
from opscenter.permissions import require
from opscenter.planning.errors import (
    CellProblem,
    ImportRejected,
    WorkbookNotWritable,
    WorkbookUnreadable,
)
from opscenter.planning.vulnerability import PERMISSION, RatingValue, put_rating, rated_regions
from opscenter.private_files import private_file
from opscenter.progress import CancelToken, Progress, no_progress
from opscenter.reference import items
from opscenter.store import Store

SHEET = "Kerawanan"
# Column key -> (heading written on export, other headings accepted on import).
COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "stage": ("Tahapan", ("tahapan", "tahap", "stage")),
    "region": ("Wilayah", ("wilayah", "kabupaten/kota", "kab/kota", "daerah", "region")),
    "aspect": ("Aspek", ("aspek", "aspect")),
    "source": ("Sumber", ("sumber", "source")),
    "level": ("Tingkat", ("tingkat", "tingkat kerawanan", "kerawanan", "level")),
    "score": ("Skor IKP", ("skor ikp", "skor", "ikp", "score")),
    "note": ("Catatan", ("catatan", "keterangan", "note", "notes")),
}
REQUIRED = ("stage", "region", "aspect", "level")
SOURCE_LABELS = {"polri": "Polri", "bawaslu": "Bawaslu"}
HEADER_FILL = PatternFill("solid", fgColor="0D2C54")
HEADER_FONT = Font(bold=True, color="FFFFFF")
# An import reports its progress (and looks for a cancel) every this many ratings.
PROGRESS_EVERY = 200


def _norm(text: object) -> str:
    return " ".join(str(text or "").replace("\u00a0", " ").split()).casefold()


def _fill(colour: str) -> PatternFill:
    return PatternFill("solid", fgColor=colour.lstrip("#").upper())


# --- export ----------------------------------------------------------------------------------


def export_matrix(
    session: Session, operation_id: int, path: Path, *, stage_id: int | None = None
) -> int:
    """Write the ratings (of one stage, or all) to ``path``; returns the number of rows."""
    op = session.get_one(Operation, operation_id)
    stages = {s.id: s for s in session.scalars(select(Stage).where(Stage.operation_id == op.id))}
    aspects = {a.id: a for a in items(session, Aspect, op.id)}
    levels = {lv.id: lv for lv in items(session, VulnerabilityLevel, op.id)}
    regions = {r.id: r for r in rated_regions(session, op.id, kecamatan=True)}
    stmt = select(VulnerabilityRating).where(VulnerabilityRating.operation_id == op.id)
    if stage_id is not None:
        stmt = stmt.where(VulnerabilityRating.stage_id == stage_id)
    ratings = sorted(
        (r for r in session.scalars(stmt) if r.region_id in regions),
        key=lambda r: (
            stages[r.stage_id].ordinal,
            regions[r.region_id].label,
            r.source != "polri",
            aspects[r.aspect_id].ordinal,
        ),
    )
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(xlsx_row(ws, [f"Matriks kerawanan \u2014 {op.name}"]))
    ws["A1"].font = Font(bold=True, size=13)
    ws.append(
        [
            "Sumber Polri: penilaian kerawanan (ketertiban umum) per aspek. Sumber Bawaslu: "
            "Indeks Kerawanan Pemilu (skor 0\u2013100), kerawanan proses pemilihan."
        ]
    )
    ws.append([])
    header_row = ws.max_row + 1
    ws.append([label for label, _ in COLUMNS.values()])
    for cell in ws[header_row]:
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
    for r in ratings:
        level = levels[r.level_id]
        ws.append(
            xlsx_row(
                ws,
                [
                    stages[r.stage_id].name,
                    regions[r.region_id].label,
                    aspects[r.aspect_id].name,
                    SOURCE_LABELS[r.source],
                    level.name,
                    r.score,
                    r.note,
                ],
            )
        )
        ws.cell(ws.max_row, 5).fill = _fill(level.colour)
        ws.cell(ws.max_row, 5).font = Font(bold=True, color="FFFFFF")
    names = ",".join(lv.name for lv in levels.values())
    if len(names) < 250:  # Excel's limit for an inline list
        dv = DataValidation(type="list", formula1=f'"{names}"', allow_blank=True)
        dv.add(f"E{header_row + 1}:E{max(header_row + 1, ws.max_row) + 500}")
        ws.add_data_validation(dv)
    for col, width in zip("ABCDEFG", (30, 42, 16, 10, 10, 10, 60), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = ws.cell(header_row + 1, 1)
    save_workbook(wb, path)
    return len(ratings)


def save_workbook(wb: Workbook, path: Path) -> None:
    """Write ``wb`` to ``path`` privately; a failure is ``WorkbookNotWritable``."""
    try:
        wb.save(str(private_file(Path(path))))
    except OSError as exc:
        raise WorkbookNotWritable(path=str(path), detail=exc.strerror or str(exc)) from exc


# --- import ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImportResult:
    new: int
    changed: int
    unchanged: int


def _read_rows(path: Path) -> tuple[str, list[list[Any]]]:
    from python_calamine import CalamineError, CalamineWorkbook

    if not path.is_file():
        raise WorkbookUnreadable(path=str(path), detail="not_found")
    try:
        wb = CalamineWorkbook.from_path(str(path))
        names = wb.sheet_names
        name = next((n for n in names if _norm(n) == _norm(SHEET)), names[0] if names else None)
        if name is None:
            raise WorkbookUnreadable(path=str(path), detail="empty")
        return name, wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except (CalamineError, OSError, ValueError) as exc:
        raise WorkbookUnreadable(path=str(path), detail=type(exc).__name__) from exc


def _find_header(rows: list[list[Any]]) -> tuple[int, dict[str, int]] | None:
    synonyms = {syn: key for key, (_, syns) in COLUMNS.items() for syn in syns}
    for i, row in enumerate(rows[:30]):
        found: dict[str, int] = {}
        for j, cell in enumerate(row):
            key = synonyms.get(_norm(cell))
            if key and key not in found:
                found[key] = j
        if all(k in found for k in REQUIRED):
            return i, found
    return None


def import_matrix(
    store: Store,
    actor: Actor,
    operation_id: int,
    path: Path,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    *,
    mark_to: Path | None = None,
) -> ImportResult:
    """Apply a workbook of ratings, all or nothing (``ImportRejected`` lists every bad cell).

    A long job (``opscenter.progress``): it reports the stages "read", "check", "write" and
    stops at ``cancel`` (nothing saved). With ``mark_to``, a refused .xlsx is copied there
    with its bad cells marked (``mark_rejected``), in the same job; the refusal's data say
    where (``marked``: the path, or None when the format cannot be marked or written).
    """
    require(actor, PERMISSION)
    token = cancel or CancelToken()
    path = Path(path)
    progress(0, 0, "read")
    sheet, rows = _read_rows(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    token.check()
    progress(0, len(rows), "check")
    with store.read() as s:
        values, problems = _parse(s, operation_id, sheet, rows)
    if problems:
        data: dict[str, Any] = {"path": str(path), "problems": tuple(problems)}
        if mark_to is not None:
            try:
                written = mark_rejected(path, problems, mark_to)
            except OpsError:
                written = None
            data["marked"] = None if written is None else str(written)
        raise ImportRejected(**data, count=len(problems))
    token.check()
    progress(0, len(values), "write")
    new = changed = 0
    with store.transaction(
        actor,
        "vulnerability.import",
        operation_id=operation_id,
        details={"file": path.name, "sha256": digest, "rows": len(values)},
    ) as s:
        token.check()  # after the write lock: a cancel while waiting for it saves nothing
        existing = {
            (r.region_id, r.stage_id, r.aspect_id, r.source)
            for r in s.scalars(
                select(VulnerabilityRating).where(VulnerabilityRating.operation_id == operation_id)
            )
        }
        for done, v in enumerate(values, 1):
            is_new = (v.region_id, v.stage_id, v.aspect_id, v.source) not in existing
            _, did = put_rating(s, operation_id, v)
            new += is_new
            changed += did and not is_new
            if done % PROGRESS_EVERY == 0:
                token.check()
                progress(done, len(values), "")
        token.check()  # the last moment to stop: the commit follows
    progress(len(values), len(values), "done")
    return ImportResult(new, changed, len(values) - new - changed)


def mark_rejected(path: Path, problems: Sequence[CellProblem], out: Path) -> Path | None:
    """A copy of the refused .xlsx with each bad cell filled red and its reason as a comment.

    Returns None for formats openpyxl cannot rewrite (xls, xlsb, ods): the list of cells
    in the error then stands alone.
    """
    from openpyxl import load_workbook
    from openpyxl.comments import Comment

    from opscenter import messages

    if Path(path).suffix.lower() not in (".xlsx", ".xlsm"):
        return None
    try:
        wb = load_workbook(str(path))
    except (OSError, ValueError, KeyError) as exc:
        raise WorkbookUnreadable(path=str(path), detail=type(exc).__name__) from exc
    red = _fill("#F4C7C3")
    for p in problems:
        if p.sheet not in wb.sheetnames:
            continue
        cell = wb[p.sheet][f"{p.column}{p.row}"]
        cell.fill = red
        cell.comment = Comment(messages.describe_cell(p, "id"), "OpsCenter")
    save_workbook(wb, out)
    return out


def _parse(
    session: Session, operation_id: int, sheet: str, rows: list[list[Any]]
) -> tuple[list[RatingValue], list[CellProblem]]:
    problems: list[CellProblem] = []
    found = _find_header(rows)
    if found is None:
        problems.append(
            CellProblem(sheet, 1, "A", "", "", "no_header", tuple(COLUMNS[k][0] for k in REQUIRED))
        )
        return [], problems
    head, cols = found
    stages = items(session, Stage, operation_id)
    aspects = items(session, Aspect, operation_id)
    levels = items(session, VulnerabilityLevel, operation_id)
    regions = rated_regions(session, operation_id, kecamatan=True)

    def lookup(objs: Sequence[Any], attr_names: Sequence[str]) -> dict[str, int]:
        return {_norm(getattr(o, a)): int(o.id) for o in objs for a in attr_names if getattr(o, a)}

    choices = {
        "stage": (lookup(stages, ("code", "name", "name_en")), tuple(s.name for s in stages)),
        "aspect": (lookup(aspects, ("code", "name", "name_en")), tuple(a.name for a in aspects)),
        "level": (lookup(levels, ("code", "name", "name_en")), tuple(lv.name for lv in levels)),
        "region": (
            {_norm(r.label): r.id for r in regions}
            | {_norm(r.name): r.id for r in regions if r.level == "kabkota"},
            tuple(r.label for r in regions if r.level == "kabkota"),
        ),
        "source": ({"polri": 0, "bawaslu": 1, "": 0}, ("Polri", "Bawaslu")),
    }
    values: list[RatingValue] = []
    seen: dict[tuple[int, int, int, str], int] = {}
    for i in range(head + 1, len(rows)):
        row = rows[i]

        def cell(key: str, row: list[Any] = row) -> Any:
            j = cols.get(key)
            return row[j] if j is not None and j < len(row) else None

        if all(_norm(cell(k)) == "" for k in COLUMNS):
            continue  # blank line
        excel_row = i + 1
        bad: list[CellProblem] = []

        def problem(
            key: str,
            reason: str,
            options: tuple[str, ...] = (),
            *,
            r: int = excel_row,
            into: list[CellProblem] = bad,
        ) -> None:
            raw = cell(key)
            into.append(
                CellProblem(
                    sheet,
                    r,
                    get_column_letter(cols.get(key, 0) + 1),
                    COLUMNS[key][0],
                    "" if raw is None else str(raw),
                    reason,
                    options,
                )
            )

        ids: dict[str, int] = {}
        for key in ("stage", "region", "aspect", "level", "source"):
            table, names = choices[key]
            text = _norm(cell(key))
            if key in REQUIRED and text == "":
                problem(key, "required")
            elif text not in table:
                problem(key, "unknown_choice", names)
            else:
                ids[key] = table[text]
        source = "bawaslu" if ids.get("source") == 1 else "polri"
        score: float | None = None
        raw_score = cell("score")
        if raw_score not in (None, ""):
            try:
                score = float(str(raw_score).replace(",", "."))
            except ValueError:
                problem("score", "not_a_number")
            else:
                if not 0 <= score <= 100:
                    problem("score", "score_range")
                elif source != "bawaslu":
                    problem("score", "score_not_bawaslu")
        note = str(cell("note") or "").strip() or None
        if not bad:
            key4 = (ids["region"], ids["stage"], ids["aspect"], source)
            if key4 in seen:
                problem("level", "duplicate", (str(seen[key4]),))
            else:
                seen[key4] = excel_row
                values.append(
                    RatingValue(
                        ids["region"],
                        ids["stage"],
                        ids["aspect"],
                        ids["level"],
                        source,
                        score,
                        note,
                    )
                )
        problems.extend(bad)
    return values, problems
