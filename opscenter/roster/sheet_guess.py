"""Finding the table in a workbook: the sheet holding it (the named one, else the
best-scoring visible one), its header and columns as guessed or as the person mapped them,
and the first rows the mapping screen shows (``scan``). Every import's preview starts here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from opscenter.progress import CancelToken, Progress, no_progress
from opscenter.roster.errors import RosterError
from opscenter.roster.headers import FIELDS, HEADER_SCAN_ROWS, Layout, detect, voters_by_sex
from opscenter.roster.preview import Options
from opscenter.roster.reading import Cell, Source, open_source

# A kind whose missing table is said in its own words (the roster's names NRP and TPS).
_NO_TABLE = {
    "sarpras": "sarpras_no_table",
    "incidents": "incidents_no_table",
    "plotting": "plotting_no_table",
    "watch": "watch_no_table",
}


@dataclass(slots=True)
class SheetGuess:
    name: str
    layout: Layout | None
    head: list[tuple[int, int, list[Cell]]]
    rest: Iterator[tuple[int, int, list[Cell]]]
    rows_total: int


def guess_sheet(source: Source, kind: str, sheet: str | None) -> SheetGuess:
    """The sheet holding the table (the named one, else the best-scoring visible one)."""
    if sheet is not None:
        candidates = [source.sheet(sheet)]
    else:
        candidates = [s for s in source.sheets if s.visible]
    best: SheetGuess | None = None
    heads: list[list[tuple[int, int, list[Cell]]]] = []
    any_rows = False
    for info in candidates:
        it = source.rows(info.name)
        head: list[tuple[int, int, list[Cell]]] = []
        for item in it:
            head.append(item)
            if len(head) >= HEADER_SCAN_ROWS + 2:
                break
        heads.append(head)
        any_rows = any_rows or any(any(c is not None for c in cells) for _, _, cells in head)
        layout = detect(kind, head)
        guess = SheetGuess(info.name, layout, head, it, 0)
        if (
            layout is not None
            and (best is None or best.layout is None or layout.score > best.layout.score)
        ) or best is None:
            best = guess
    if best is None or not any_rows:
        raise _nothing_found(source, "no_rows", sheet=sheet or "")
    if best.layout is None:
        found = _other_kind(kind, heads)
        if found is not None:
            raise RosterError("wrong_kind", file=source.path.name, kind=kind, found=found)
        raise _nothing_found(source, _NO_TABLE.get(kind, "no_table"), kind=kind)
    best.rows_total = source.row_count(best.name)
    return best


def _nothing_found(source: Source, reason: str, **data: object) -> RosterError:
    """No rows or no table: so said of a workbook or CSV, but text named as an Excel
    workbook ("data.xls") is said to be no workbook: the person thinks it is one, and is
    told to save it again from Excel rather than that it lacks headings."""
    if source.facts.misnamed:
        return RosterError("not_workbook", file=source.path.name)
    return RosterError(reason, file=source.path.name, **data)


def _other_kind(kind: str, heads: list[list[tuple[int, int, list[Cell]]]]) -> str | None:
    """The kind of list whose table, every required column found, the sheets' first rows
    hold when they hold none of ``kind``: a personnel roster chosen as a TPS list is said
    to be one, rather than to have no known headings. The best-scoring such kind, or None."""
    best: Layout | None = None
    for other in FIELDS:
        if other in (kind, "regions"):  # boundaries come by ``opscenter regions import``
            continue
        for head in heads:
            layout = detect(other, head)
            if layout is None or layout.missing():
                continue
            if best is None or layout.score > best.score:
                best = layout
    return best.kind if best is not None else None


@dataclass(frozen=True, slots=True)
class Scan:
    """What the mapping screen shows: the sheets, the chosen one, its layout and first rows."""

    path: Path
    kind: str
    sheets: list[str]
    sheet: str
    layout: Layout
    sample: list[list[Cell]]
    # The rows above the header: a letterhead may name the unit (sarpras lists).
    letterhead: list[list[Cell]] = field(default_factory=list)


def scan(
    path: Path | str,
    kind: str,
    sheet: str | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> Scan:
    """Open the file and guess the sheet and column mapping; reads only the first rows."""
    progress(0, 0, "read")
    with open_source(Path(path)) as source:
        guess = guess_sheet(source, kind, sheet)
        if cancel is not None:
            cancel.check()
        assert guess.layout is not None
        sample = [cells for index, _o, cells in guess.head if index >= guess.layout.data_start][:20]
        return Scan(
            path=source.path,
            kind=kind,
            sheets=[s.name for s in source.sheets if s.visible],
            sheet=guess.name,
            layout=guess.layout,
            sample=sample,
            letterhead=[
                cells for index, _o, cells in guess.head if index < guess.layout.header_row
            ],
        )


def mapped_layout(guess: SheetGuess, options: Options) -> Layout:
    """The guessed sheet's columns, or the person's own mapping of them (``options``): then
    no column is uncertain and nothing guessed is said (only a sum of L and P still is)."""
    layout = guess.layout
    assert layout is not None
    if options.mapping is not None:
        layout.columns = dict(options.mapping)
        layout.uncertain = set()
        layout.choices = []
        voters_by_sex(layout)
    return layout


def mapped_sheet(source: Source, options: Options) -> SheetGuess:
    """The sheet and its columns: as guessed, or as the person mapped them (``options``);
    refuses a sheet without a required column, naming it."""
    guess = guess_sheet(source, options.kind, options.sheet)
    layout = mapped_layout(guess, options)
    missing = layout.missing()
    if missing:
        raise RosterError(
            "missing_columns",
            file=source.path.name,
            sheet=guess.name,
            columns=", ".join(_label(options.kind, k) for k in missing),
        )
    return guess


def _label(kind: str, key: str) -> str:
    from opscenter.roster.headers import FIELDS

    return next((f.label_id for f in FIELDS[kind] if f.key == key), key)


def sheet_rows(guess: SheetGuess) -> Iterator[tuple[int, int, list[Cell]]]:
    yield from guess.head
    yield from guess.rest
