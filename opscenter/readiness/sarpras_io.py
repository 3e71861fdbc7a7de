"""Sarpras lists in from spreadsheets: each Polres's own Excel layout imported with the
roster machinery (``opscenter.roster``: reading, table finding, header synonyms, cell
references). What a list's sheet says is read by ``sarpras_sheet``; the export that imports
back unchanged and the empty workbook to fill are ``sarpras_export``.

The unit comes from a column when the file has one, else from ``unit`` (``--unit``), else
from a letterhead that names it ("KEPOLISIAN RESOR KERINCI"), which the preview says it took.

``prepare`` reads and checks everything and writes nothing; ``commit`` writes it in one
journaled transaction, and refuses the whole file while any cell is refused. Importing the
same file again finds every row unchanged and writes nothing, not even a journal row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from sqlalchemy.orm import Session

from opscenter import journal
from opscenter.actor import Actor
from opscenter.errors import NotFound
from opscenter.model import SarprasCategory, Unit
from opscenter.permissions import require
from opscenter.progress import CancelToken, Progress, no_progress
from opscenter.readiness.sarpras import PERMISSION, TREES, StockValue, find_stock, put_stock
from opscenter.readiness.sarpras_sheet import (
    CONDITIONS,
    Draft,
    Known,
    Reader,
    guess_unit,
    read_known,
)
from opscenter.roster import whole_file
from opscenter.roster.commit import Outcome
from opscenter.roster.errors import RosterError
from opscenter.roster.headers import Layout
from opscenter.roster.preview import Options, RowOutcome, key_text
from opscenter.roster.reading import Cell, Source
from opscenter.roster.sheet_guess import SheetGuess, guess_sheet, mapped_layout
from opscenter.roster.whole_file import WholeFilePreview
from opscenter.store import Store

KIND = "sarpras"
# The units a list may belong to when it names none: the Polda's and each Polres's.
LIST_UNIT_KINDS = ("polda", "polres", "polresta")


@dataclass(frozen=True, slots=True)
class Record:
    """What the file says one unit holds of one category, and how it differs from the stored."""

    value: StockValue
    status: str  # "new", "changed" or "unchanged"
    stock_id: int | None
    version: int | None  # the stored row's version when the preview read it
    rows: tuple[int, ...]  # 0-based sheet rows it came from
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)

    def outcome(self) -> RowOutcome:
        """As the preview lists it: at its first row, its values (unit, category)."""
        return RowOutcome(
            self.rows[0],
            self.status,
            values=(self.value.unit_id, self.value.category_id),
            db_id=self.stock_id,
            changes=dict(self.changes) or None,
        )


@dataclass(slots=True)
class SarprasPreview(WholeFilePreview[Record]):
    # A list is saved whole or not at all: any refused cell refuses the file.
    refusal_reason: ClassVar[str] = "sarpras_rejected"
    kind: ClassVar[str] = KIND
    # Where the unit came from when the file has no unit column: "option" or "letterhead".
    unit_source: str
    unit_name: str | None
    # Its labels: unit and category names by id, for the preview's rows ("Polres Kerinci /
    # HT"). No free text of a sarpras list is flagged as formula-like (no warnings).

    def key_text(self, r: RowOutcome) -> str:
        """ "Polres Kerinci / HT"; a refused row's as far as its cells gave it (a name the
        operation does not know as the file writes it)."""
        return key_text(r, ("unit_id", "category_id"), (0, 1), self.label)


@dataclass(frozen=True, slots=True)
class UnitChoice:
    """The units a list without a unit column may belong to, and the letterhead's guess."""

    units: list[tuple[str, str]]  # (code, name): the Polda's first, then by name
    guess: str | None  # the code of the unit the letterhead names


def unit_choice(
    store: Store, letterhead: Sequence[Sequence[Cell]], operation_id: int | None = None
) -> UnitChoice:
    """The Polda and Polres/Polresta units to choose from, preset to the unit the letterhead
    names (``guess_unit``; the guessed unit is offered even when it is of another kind)."""
    from opscenter import operations

    with store.read() as s:
        op_id = operation_id or operations.get_operation(s).id
        known = read_known(s, op_id)
    guessed = guess_unit(letterhead, known)
    rows = known.unit_rows
    ids = [
        u for u, (_c, _n, kind, tree) in rows.items() if kind in LIST_UNIT_KINDS and tree in TREES
    ]
    if guessed is not None and guessed not in ids:
        ids.append(guessed)
    ids.sort(key=lambda u: (rows[u][2] != "polda", rows[u][1]))
    return UnitChoice(
        [(rows[u][0], rows[u][1]) for u in ids], rows[guessed][0] if guessed is not None else None
    )


def prepare(
    store: Store,
    path: Path | str,
    options: Options | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> SarprasPreview:
    """Read and check a sarpras list, and classify what it would change; writes nothing.

    As the roster's ``prepare``: ``options`` name the sheet, the person's own column mapping
    and the operation; its ``unit`` (a unit's code or name) is the unit of rows that name
    none."""
    with whole_file.opened(path, options, KIND, progress, cancel, _sheet) as sheet:
        layout = sheet.layout
        with store.read() as s:
            op_id = sheet.operation_id(s)
            known = read_known(s, op_id)
        unit_id, unit_source = _default_unit(known, sheet.options.unit, layout, sheet.guess.head)
        if "unit" not in layout.columns and unit_id is None:
            raise RosterError("sarpras_unit_needed", file=sheet.file)
        reader = Reader(known, layout, sheet.name, unit_id)
        sheet.read(reader)
    records = [_classify(d, known) for d in reader.drafts.values()]
    return sheet.preview(
        SarprasPreview,
        op_id,
        records,
        reader.problems,
        keys=reader.keys,
        unit_source="column" if "unit" in layout.columns else unit_source,
        unit_name=known.unit_rows[unit_id][1] if unit_id is not None else None,
        labels={
            "unit_id": {uid: row[1] for uid, row in known.unit_rows.items()},
            "category_id": {cid: row[1] for cid, row in known.category_rows.items()},
        },
    )


def _sheet(source: Source, options: Options) -> SheetGuess:
    """The sheet and its columns, as guessed or as the person mapped them; refuses a sheet
    without the category column or any count."""
    guess = guess_sheet(source, KIND, options.sheet)
    layout = mapped_layout(guess, options)
    if "category" not in layout.columns:
        raise RosterError(
            "missing_columns", file=source.path.name, sheet=guess.name, columns="Jenis sarpras"
        )
    if not any(k in layout.columns for k in (*CONDITIONS, "count")):
        raise RosterError("sarpras_no_count", file=source.path.name, sheet=guess.name)
    return guess


def _default_unit(
    known: Known, unit: str | None, layout: Layout, head: Sequence[tuple[int, int, list[Cell]]]
) -> tuple[int | None, str]:
    if unit is not None:
        uid = known.units.find(unit.strip())
        if uid is None:
            raise NotFound(entity="unit", key=unit)
        return uid, "option"
    if "unit" in layout.columns:
        return None, "column"
    letterhead = [cells for index, _o, cells in head if index < layout.header_row]
    return guess_unit(letterhead, known), "letterhead"


def _classify(d: Draft, known: Known) -> Record:
    stored = known.stored.get((d.unit_id, d.category_id))
    value = StockValue(
        d.unit_id,
        d.category_id,
        d.counts["baik"],
        d.counts["rusak_ringan"],
        d.counts["rusak_berat"],
        d.laik if d.laik is not None else (stored.laik_pakai if stored is not None else True),
        d.ammunition if d.ammunition is not None else (stored.ammunition if stored else None),
        d.note if d.note is not None else (stored.note if stored is not None else None),
    )
    rows = tuple(d.rows)
    if stored is None:
        return Record(value, "new", None, None, rows)
    changes = {
        k: (getattr(stored, k), getattr(value, k))
        for k in (*CONDITIONS, "laik_pakai", "ammunition", "note")
        if getattr(stored, k) != getattr(value, k)
    }
    status = "changed" if changes else "unchanged"
    return Record(value, status, stored.id, stored.version, rows, changes)


def commit(
    store: Store,
    actor: Actor,
    preview: SarprasPreview,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> Outcome:
    """Write the new and changed records in one transaction journaled as "import.sarpras".

    Refuses the whole file while any cell is refused (``preview.refusal()``), and a record
    whose row someone else stored or changed since the preview (``StaleEdit``,
    ``RosterError("stale_rows")``). Nothing at all is written when nothing is new or
    changed. A list is a few hundred rows: the cancel token is asked once, before writing."""
    require(actor, PERMISSION)
    todo = [r for r in preview.records if r.status != "unchanged"]
    if not whole_file.ready(preview, todo, cancel):
        return whole_file.unwritten(preview)
    details = preview.details()
    with store.transaction(
        actor, "import.sarpras", details=details, operation_id=preview.operation_id
    ) as s:
        for r in todo:
            if r.stock_id is None and find_stock(s, r.value.unit_id, r.value.category_id):
                raise RosterError("stale_rows", file=preview.file, count=1, rows=_name(s, r))
            put_stock(s, preview.operation_id, r.value, r.version)
        txn_id = s.info[journal.TXN_KEY].txn_id
    return whole_file.written(preview, txn_id, progress)


def _name(s: Session, r: Record) -> str:
    unit = s.get(Unit, r.value.unit_id)
    cat = s.get(SarprasCategory, r.value.category_id)
    return f"{unit.name if unit else r.value.unit_id} / {cat.name if cat else r.value.category_id}"
