"""What a sarpras list's sheet says: the words lists use for categories, conditions and
"laik pakai", the unit a letterhead names, and the reader that turns the rows under the
headings into one draft per unit and category, or refused cells (``sarpras_io.prepare``).

A list has one row per category. The condition is split in three columns (B / RR / RB,
"Baik", "Rusak Ringan", "Rusak Berat"), or written in one (KONDISI: "baik", "RR", "rusak
berat") beside a count, one row per condition. Categories are matched by code, name and the
names lists use ("R2", "Ranmor R2", "sepeda motor"; "HT", "handy talky"). A total row
(JUMLAH), group rows without counts, and a signature block under the table are not data.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter import reference
from opscenter.model import SarprasCategory, SarprasStock, Unit
from opscenter.readiness.sarpras import TREES, StockLine
from opscenter.roster import normalise as nz
from opscenter.roster.cell_reader import CellReader
from opscenter.roster.headers import Layout, cell_ref, norm
from opscenter.roster.problems import short_text
from opscenter.roster.reading import Cell

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
class Known:
    """The operation's units and categories, read once."""

    units: nz.NameIndex
    unit_rows: dict[int, tuple[str, str, str, str]]  # id -> code, name, kind, tree
    categories: nz.NameIndex
    category_rows: dict[int, tuple[str, str, bool]]  # id -> code, name, has ammunition
    stored: dict[tuple[int, int], StockLine]


def read_known(s: Session, operation_id: int) -> Known:
    """The operation's units and categories (by their names and the names lists use), and
    its stored sarpras."""
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
    return Known(
        units=nz.NameIndex((u.id, (u.name, u.code)) for u in units),
        unit_rows={u.id: (u.code, u.name, u.kind, u.tree) for u in units},
        categories=nz.NameIndex(
            (c.id, (c.name, c.code, c.name_en, *CATEGORY_SYNONYMS.get(c.code, ()))) for c in cats
        ),
        category_rows={c.id: (c.code, c.name, c.has_ammunition) for c in cats},
        stored=stored,
    )


def guess_unit(lines: Sequence[Sequence[Cell]], known: Known) -> int | None:
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


def _as_read(value: Cell) -> str | None:
    """A cell that named no known unit or category, as the preview names the row by it."""
    return None if value is None else " ".join(short_text(value).split())


def _note(value: Cell) -> str | None:
    return nz.text(value, max_len=500)


@dataclass(slots=True)
class Draft:
    """One (unit, category) being gathered from its rows."""

    unit_id: int
    category_id: int
    counts: dict[str, int]
    laik: bool | None
    ammunition: int | None
    note: str | None
    rows: list[int]
    seen: dict[str, int]  # condition -> the row that gave it (one-column layouts)


class Reader(CellReader):
    """Turns the sheet's rows into drafts, or problems with cell references."""

    def __init__(self, known: Known, layout: Layout, sheet: str, unit_id: int | None) -> None:
        super().__init__(layout, sheet)
        self.known = known
        self.unit_id = unit_id
        self.split = any(c in self.cols for c in CONDITIONS)
        self.count_keys = [k for k in (*CONDITIONS, "count") if k in self.cols]
        self.drafts: dict[tuple[int, int], Draft] = {}

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

    def is_data(self, cells: Sequence[Cell], offset: int) -> bool:
        """Whether the line holds anything: only a blank line under data ends the table (a
        signature block may follow); a total, a group heading or a line without counts is
        passed over by ``row`` and ends nothing."""
        return any(c is not None for c in cells)

    def started(self) -> bool:
        return bool(self.drafts or self.problems)

    def identified(self, cells: Sequence[Cell], offset: int) -> bool:
        # Under the table, a line that names no category is not a row.
        return self._category(cells, offset) is not None

    def _passed_over(self, cells: Sequence[Cell], offset: int) -> bool:
        """A total (JUMLAH), a group heading ("A. KENDARAAN", perhaps with the group's
        subtotal beside it) or a line of the signature block: no category's row."""
        first = next(c for c in cells if c is not None)
        if isinstance(first, str) and norm(first).startswith(_TOTAL_WORDS):
            return True
        if all(self.cell(cells, offset, k) is None for k in self.count_keys):
            return True
        return self._category(cells, offset) is None and self._group_heading(cells, offset)

    def _group_heading(self, cells: Sequence[Cell], offset: int) -> bool:
        value = self.cell(cells, offset, "category")
        return isinstance(value, str) and _GROUP_HEADING.match(" ".join(value.split())) is not None

    def _category(self, cells: Sequence[Cell], offset: int) -> int | None:
        value = self.cell(cells, offset, "category")
        return None if value is None else self.known.categories.find(str(value).strip())

    def row(self, index: int, offset: int, cells: Sequence[Cell]) -> None:
        if self._passed_over(cells, offset):
            return
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
        if len(self.problems) == before and unit_id is not None and category_id is not None:
            self._gather(index, unit_id, category_id, counts, condition, laik, ammunition, note)
        if len(self.problems) > before:  # refused: named by its unit and category as read
            raw_unit = self.cell(cells, offset, "unit")
            self.keys[index] = (
                unit_id if unit_id is not None else _as_read(raw_unit),
                category_id if category_id is not None else _as_read(raw_cat),
            )

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
            draft = self.drafts[key] = Draft(
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
