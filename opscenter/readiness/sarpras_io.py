"""Sarpras lists in and out of spreadsheets: each Polres's own Excel layout imported with the
roster machinery (``opscenter.roster``: reading, table finding, header synonyms, cell
references), an export that imports back unchanged, and an empty workbook to fill.

A list has one row per category. The condition is split in three columns (B / RR / RB,
"Baik", "Rusak Ringan", "Rusak Berat"), or written in one (KONDISI: "baik", "RR", "rusak
berat") beside a count, one row per condition. Categories are matched by code, name and the
names lists use ("R2", "Ranmor R2", "sepeda motor"; "HT", "handy talky"). The unit comes from
a column when the file has one, else from ``unit`` (``--unit``), else from a letterhead that
names it ("KEPOLISIAN RESOR KERINCI"), which the preview says it took. A total row (JUMLAH),
group rows without counts, and a signature block under the table are not data.

``prepare`` reads and checks everything and writes nothing; ``commit`` writes it in one
journaled transaction, and refuses the whole file while any cell is refused. Importing the
same file again finds every row unchanged and writes nothing, not even a journal row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter import journal, reference
from opscenter.actor import Actor
from opscenter.errors import NotFound
from opscenter.formulas import put
from opscenter.model import SarprasCategory, SarprasStock, Unit
from opscenter.permissions import require
from opscenter.private_files import private_file
from opscenter.progress import CancelToken, Progress, no_progress
from opscenter.readiness.sarpras import (
    PERMISSION,
    TREES,
    StockLine,
    StockValue,
    find_stock,
    put_stock,
)
from opscenter.roster import normalise as nz
from opscenter.roster import whole_file
from opscenter.roster.commit import Outcome
from opscenter.roster.errors import RosterError
from opscenter.roster.headers import Layout, cell_ref, norm
from opscenter.roster.preview import Options, RowOutcome, SheetGuess, guess_sheet, mapped_layout
from opscenter.roster.reading import Cell, Source
from opscenter.roster.validate import CellReader
from opscenter.roster.whole_file import WholeFilePreview
from opscenter.store import Store

KIND = "sarpras"
_PROGRESS_EVERY = 5_000
# The units a list may belong to when it names none: the Polda's and each Polres's.
LIST_UNIT_KINDS = ("polda", "polres", "polresta")
T = TypeVar("T")
CONDITIONS = ("baik", "rusak_ringan", "rusak_berat")
# The names equipment lists use for the seeded categories, by category code.
CATEGORY_SYNONYMS: dict[str, tuple[str, ...]] = {
    "r2": ("R2", "Ranmor R2", "Roda 2", "Roda dua", "Sepeda motor", "Motor", "Sepmor",
           "Kendaraan R2", "Ranmor roda 2", "Ranmor roda dua"),
    "r4": ("R4", "Ranmor R4", "Roda 4", "Roda empat", "Mobil", "Mobil patroli", "Kendaraan R4",
           "Ranmor roda 4", "Ranmor roda empat"),
    "r6": ("R6", "Ranmor R6", "Roda 6", "Roda enam", "Truk", "Truck", "Kendaraan R6",
           "Ranmor roda 6"),
    "rantis": ("Rantis", "Kendaraan taktis", "Ranmor taktis"),
    "water-cannon": ("Water canon", "AWC", "Kendaraan water cannon"),
    "kapal": ("Kapal", "Kapal polisi", "Speedboat", "Speed boat"),
    "ht": ("HT", "Handy talky", "Handy talkie", "Handie talkie", "Radio HT"),
    "rig": ("Rig", "Radio rig", "Radio RIG"),
    "repeater": ("Repeater", "RPT", "Radio repeater"),
    "tameng": ("Tameng", "Perisai", "Tameng dalmas", "Shield"),
    "helm": ("Helm", "Helm dalmas", "Helmet"),
    "tongkat": ("Tongkat", "Tongkat T", "Tongkat dalmas", "Baton"),
    "gas-air-mata": ("Gas air mata", "Gas airmata", "Pelontar gas air mata", "Tear gas"),
    "drone": ("Drone", "Drone kamera", "Pesawat tanpa awak", "UAV"),
    "bwc": ("Body worn camera", "Body camera", "Bodycam", "Body cam", "BWC", "Kamera badan"),
    "cctv": ("CCTV", "Kamera CCTV"),
    "senpi": ("Senpi", "Senjata api", "Senjata", "Firearm"),
    "apar": ("APAR", "Alat pemadam api ringan", "Alat pemadam api", "Pemadam api"),
    "tenda": ("Tenda", "Tenda posko", "Tenda lapangan"),
    "genset": ("Genset", "Generator", "Generator set", "Generator listrik"),
}  # fmt: skip
_CONDITION_WORDS = {
    **dict.fromkeys(("b", "baik", "kondisibaik", "good"), "baik"),
    **dict.fromkeys(
        ("rr", "rusakringan", "rringan", "ringan", "kondisirusakringan", "lightlydamaged"),
        "rusak_ringan",
    ),
    **dict.fromkeys(
        ("rb", "rusakberat", "rberat", "berat", "kondisirusakberat", "badlydamaged"),
        "rusak_berat",
    ),
}
_YES = frozenset(("ya", "y", "yes", "laik", "layak", "laikpakai", "layakpakai", "1", "true"))
_NO = frozenset(("tidak", "tdk", "t", "no", "n", "tidaklaik", "tidaklayak", "0", "false", "x"))
_TICKS = ("\u221a", "\u2713", "\u2714")
# A row whose first text starts so is a total, not a category ("JUMLAH", "Sub Total").
_TOTAL_WORDS = ("jumlah", "total", "jml", "subjumlah", "subtotal", "grandtotal")
# A group heading, perhaps numbered ("B. KOMUNIKASI", "II ALAT KOMUNIKASI"), perhaps with the
# group's subtotal beside it: not a category of its own.
_GROUP_HEADING = re.compile(
    r"^(?:[A-Z]{1,4}[.)]?\s+)?(?:ALAT\s+|PERALATAN\s+|KELOMPOK\s+)?"
    r"(KENDARAAN|KOMUNIKASI|DALMAS|TEKNOLOGI|SENJATA|POSKO|POSKO\s+KIT)\s*$",
    re.IGNORECASE,
)
# A letterhead naming the unit, most specific first: (pattern, unit kinds). A line may hold
# the whole letterhead ("KEPOLISIAN NEGARA REPUBLIK INDONESIA DAERAH JAMBI RESOR KERINCI").
_LETTERHEAD = (
    (re.compile(r"\b(?:SEKTOR|POLSEK)\s+(.+)$"), ("polsek",)),
    (re.compile(r"\b(?:RESOR\s+KOTA(?:\s+BESAR)?|POLRESTA(?:BES)?)\s+(.+)$"), ("polresta",)),
    (re.compile(r"\b(?:RESOR|POLRES)\s+(.+)$"), ("polres", "polresta")),
    (re.compile(r"\b(?:DAERAH|POLDA)\s+(.+)$"), ("polda",)),
)


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
        if r.values is None:
            return ""
        return f"{self.label('unit_id', r.values[0])} / {self.label('category_id', r.values[1])}"


@dataclass(frozen=True, slots=True)
class _Known:
    """The operation's units and categories, read once."""

    units: nz.NameIndex
    unit_rows: dict[int, tuple[str, str, str, str]]  # id -> code, name, kind, tree
    categories: nz.NameIndex
    category_rows: dict[int, tuple[str, str, bool]]  # id -> code, name, has ammunition
    stored: dict[tuple[int, int], StockLine]


def _known(s: Session, operation_id: int) -> _Known:
    units = s.execute(
        select(Unit.id, Unit.code, Unit.name, Unit.kind, Unit.tree).where(
            Unit.operation_id == operation_id
        )
    ).all()
    cats = reference.items(s, SarprasCategory, operation_id)
    t = SarprasStock
    stored = {
        (r.unit_id, r.category_id): StockLine(
            r.id, r.version, r.unit_id, r.category_id, r.baik, r.rusak_ringan, r.rusak_berat,
            r.laik_pakai, r.ammunition, r.note,
        )
        for r in s.execute(
            select(t.id, t.version, t.unit_id, t.category_id, t.baik, t.rusak_ringan,
                   t.rusak_berat, t.laik_pakai, t.ammunition, t.note)
            .where(t.operation_id == operation_id)
        )
    }  # fmt: skip
    return _Known(
        units=nz.NameIndex((u.id, (u.name, u.code)) for u in units),
        unit_rows={u.id: (u.code, u.name, u.kind, u.tree) for u in units},
        categories=nz.NameIndex(
            (c.id, (c.name, c.code, c.name_en, *CATEGORY_SYNONYMS.get(c.code, ()))) for c in cats
        ),
        category_rows={c.id: (c.code, c.name, c.has_ammunition) for c in cats},
        stored=stored,
    )


def guess_unit(lines: Sequence[Sequence[Cell]], known: _Known) -> int | None:
    """The unit a letterhead names ("KEPOLISIAN RESOR KERINCI", "POLRES KERINCI", or
    "DAERAH JAMBI" / "RESOR KERINCI" on lines of their own): the most specific one."""
    found: list[tuple[int, int]] = []  # (rank: lower is more specific, unit id)
    for cells in lines:
        for cell in cells:
            if not isinstance(cell, str):
                continue
            text = " ".join(cell.upper().split())
            for rank, (pattern, kinds) in enumerate(_LETTERHEAD):
                m = pattern.search(text)
                if m is None:
                    continue
                place = norm(m[1])
                hits = [
                    uid
                    for uid, (_code, name, kind, _tree) in known.unit_rows.items()
                    if kind in kinds and place and norm(name).endswith(place)
                ]
                if len(hits) == 1:
                    found.append((rank, hits[0]))
                    break
    return min(found)[1] if found else None


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
        known = _known(s, op_id)
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


def _count(value: Cell) -> int:
    """A count from a number cell or text ("12", "1.200", "12 unit"); refuses what is not."""
    if isinstance(value, bool):
        raise nz.Bad("number_malformed")
    if isinstance(value, int | float):
        if value < 0:
            raise nz.Bad("sarpras_negative")
        if isinstance(value, float) and not value.is_integer():
            raise nz.Bad("number_malformed")
        return int(value)
    text = " ".join(str(value).split())
    if text in ("-", "\u2013"):
        return 0  # a dash for none, as lists write it
    m = re.fullmatch(r"(-)?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:\s*[A-Za-z]+)?", text)
    if m is None:
        raise nz.Bad("number_malformed")
    if m[1]:
        raise nz.Bad("sarpras_negative")
    return int(m[2].replace(".", ""))


def _laik(value: Cell) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip()
    if text in _TICKS:
        return True
    key = norm(text)
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise nz.Bad("sarpras_laik_unknown")


def _note(value: Cell) -> str | None:
    return nz.text(value, max_len=500)


@dataclass(slots=True)
class _Draft:
    """One (unit, category) being gathered from its rows."""

    unit_id: int
    category_id: int
    counts: dict[str, int]
    laik: bool | None
    ammunition: int | None
    note: str | None
    rows: list[int]
    seen: dict[str, int]  # condition -> the row that gave it (one-column layouts)


class _Reader(CellReader):
    """Turns the sheet's rows into drafts, or problems with cell references."""

    def __init__(self, known: _Known, layout: Layout, sheet: str, unit_id: int | None) -> None:
        super().__init__(layout, sheet)
        self.known = known
        self.unit_id = unit_id
        self.split = any(c in self.cols for c in CONDITIONS)
        self.count_keys = [k for k in (*CONDITIONS, "count") if k in self.cols]
        self.drafts: dict[tuple[int, int], _Draft] = {}

    def parsed(
        self, index: int, offset: int, cells: Sequence[Cell], key: str, parse: Callable[[Cell], T]
    ) -> T | None:
        """The cell of ``key`` through ``parse``; None when it is empty or refused (then the
        refusal is a problem of that cell)."""
        raw = self.cell(cells, offset, key)
        if raw is None:
            return None
        try:
            return parse(raw)
        except nz.Bad as exc:
            self.bad(index, key, exc.code, raw)
            return None

    def read(
        self,
        rows: Iterator[tuple[int, int, list[Cell]]],
        start: int,
        total: int,
        progress: Progress,
        cancel: CancelToken,
    ) -> None:
        gap = False  # a blank row under data: what follows may be a signature block
        for index, offset, cells in rows:
            if index < start:
                continue
            if index % _PROGRESS_EVERY == 0:
                cancel.check()
                progress(index, total, "check")
            if all(c is None for c in cells):
                gap = gap or bool(self.drafts or self.problems)
                continue
            first = next(c for c in cells if c is not None)
            if isinstance(first, str) and norm(first).startswith(_TOTAL_WORDS):
                continue
            if all(self.cell(cells, offset, k) is None for k in self.count_keys):
                continue  # a group heading ("A. KENDARAAN") or a line of the signature block
            if self._category(cells, offset) is None and self._group_heading(cells, offset):
                continue  # a group heading with the group's subtotal
            if gap and self._category(cells, offset) is None:
                continue  # under the table, a line that names no category is not a row
            self.row(index, offset, cells)

    def _group_heading(self, cells: Sequence[Cell], offset: int) -> bool:
        value = self.cell(cells, offset, "category")
        return isinstance(value, str) and _GROUP_HEADING.match(" ".join(value.split())) is not None

    def _category(self, cells: Sequence[Cell], offset: int) -> int | None:
        value = self.cell(cells, offset, "category")
        return None if value is None else self.known.categories.find(str(value).strip())

    def row(self, index: int, offset: int, cells: Sequence[Cell]) -> None:
        before = len(self.problems)
        unit_id = self._unit(index, offset, cells)
        raw_cat = self.cell(cells, offset, "category")
        category_id: int | None = None
        if raw_cat is None:
            self.bad(index, "category", "required")
        else:
            text = " ".join(str(raw_cat).split())
            category_id = self.known.categories.find(text)
            if category_id is None:
                hint = self.known.categories.suggest(text)
                self.bad(index, "category", "sarpras_category_unknown", text, hint)
        counts: dict[str, int] = {}
        for key in self.count_keys:
            n = self.parsed(index, offset, cells, key, _count)
            if n is not None:
                counts[key] = n
        condition: str | None = None
        if not self.split:
            raw = self.cell(cells, offset, "condition")
            if raw is None:
                condition = "baik"  # a count with no condition: the list counts what it has
            else:
                condition = _CONDITION_WORDS.get(norm(raw))
                if condition is None:
                    self.bad(index, "condition", "sarpras_condition_unknown", raw)
        elif "count" in counts:
            total = sum(counts.get(k, 0) for k in CONDITIONS)
            if counts["count"] != total:
                self.bad(index, "count", "sarpras_total_mismatch", counts["count"], str(total))
        laik = self.parsed(index, offset, cells, "laik_pakai", _laik)
        ammunition = self.parsed(index, offset, cells, "ammunition", _count)
        raw_ammo = self.cell(cells, offset, "ammunition")
        if (
            raw_ammo is not None
            and category_id is not None
            and not self.known.category_rows[category_id][2]
        ):
            self.bad(index, "ammunition", "sarpras_no_ammunition", raw_ammo)
        note = self.parsed(index, offset, cells, "note", _note)
        if len(self.problems) > before or unit_id is None or category_id is None:
            return
        self._gather(index, unit_id, category_id, counts, condition, laik, ammunition, note)

    def _unit(self, index: int, offset: int, cells: Sequence[Cell]) -> int | None:
        raw = self.cell(cells, offset, "unit")
        if raw is None:
            if self.unit_id is None:
                self.bad(index, "unit", "sarpras_unit_needed")
            return self.unit_id
        text = " ".join(str(raw).split())
        uid = self.known.units.find(text)
        if uid is None:
            self.bad(index, "unit", "unit_unknown", text, self.known.units.suggest(text))
            return None
        if self.known.unit_rows[uid][3] not in TREES:
            self.bad(index, "unit", "sarpras_partner_unit", text)
            return None
        return uid

    def _gather(
        self,
        index: int,
        unit_id: int,
        category_id: int,
        counts: dict[str, int],
        condition: str | None,
        laik: bool | None,
        ammunition: int | None,
        note: str | None,
    ) -> None:
        key = (unit_id, category_id)
        draft = self.drafts.get(key)
        slots = [condition] if condition is not None else list(CONDITIONS)
        if draft is not None:
            twice = [c for c in slots if c in draft.seen]
            if twice:
                hint = cell_ref(self.sheet, draft.seen[twice[0]], self.cols["category"])
                name = self.known.category_rows[category_id][1]
                self.bad(index, "category", "duplicate", name, hint)
                return
        else:
            draft = self.drafts[key] = _Draft(
                unit_id, category_id, dict.fromkeys(CONDITIONS, 0), None, None, None, [], {}
            )
        if condition is not None:
            draft.counts[condition] += counts.get("count", counts.get(condition, 0))
        else:
            for c in CONDITIONS:
                draft.counts[c] += counts.get(c, 0)
        for c in slots:
            draft.seen[c] = index
        draft.rows.append(index)
        if laik is not None:
            draft.laik = laik if draft.laik is None else (draft.laik and laik)
        if ammunition is not None:
            draft.ammunition = (draft.ammunition or 0) + ammunition
        if note is not None:
            draft.note = note if draft.note is None else f"{draft.note}; {note}"


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
            known = _known(s, op_id)
        unit_id, unit_source = _default_unit(known, sheet.options.unit, layout, sheet.guess.head)
        if "unit" not in layout.columns and unit_id is None:
            raise RosterError("sarpras_unit_needed", file=sheet.file)
        reader = _Reader(known, layout, sheet.name, unit_id)
        sheet.read(reader)
    records = [_classify(d, known) for d in reader.drafts.values()]
    return sheet.preview(
        SarprasPreview,
        op_id,
        records,
        reader.problems,
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
    known: _Known, unit: str | None, layout: Layout, head: Sequence[tuple[int, int, list[Cell]]]
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


def _classify(d: _Draft, known: _Known) -> Record:
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


# --- export and template ---------------------------------------------------------------------

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
