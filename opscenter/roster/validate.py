"""Per-row and per-cell validation: a row becomes stored values, or problems with cell
references ("Sheet1!C14") and reason codes (``messages.IMPORT_REASONS``).

One ``Converter`` per kind; it is built from the operation's reference data (ranks, units,
regions, categories) read once, so checking a row touches no database.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter.errors import OpsError
from opscenter.model import (
    AGENCIES,
    DUTY_STATUSES,
    MAX_VOTERS_PER_TPS,
    UNIT_KINDS,
    Rank,
    Region,
    TpsCategory,
    Unit,
)
from opscenter.progress import CancelToken, Progress
from opscenter.roster import normalise as nz
from opscenter.roster.headers import Layout, cell_ref, norm
from opscenter.roster.headers import required_groups as required_groups_of
from opscenter.roster.reading import Cell


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a row was rejected: which cell, which field, which reason."""

    row: int  # 0-based sheet row
    col: int | None  # 0-based sheet column, None when no column holds the field
    ref: str  # "Sheet1!C14" (or "Sheet1!14" for a whole row)
    field: str
    code: str
    value: str
    hint: str | None = None  # "did you mean ...", the other row of a duplicate
    # The core's own refusal, said in its own sentence (an incident's point outside the
    # operation's area is refused in the words the incident form uses).
    error: OpsError | None = None


@dataclass(frozen=True, slots=True)
class Spec:
    """What a kind stores: its table's columns in a fixed order and the key columns."""

    kind: str
    columns: tuple[str, ...]
    key: tuple[str, ...]
    labels: dict[str, tuple[str, str]]
    # Stored columns a row's empty cell leaves as they are (a TPS keeps its category).
    kept_when_empty: frozenset[str] = frozenset()


PERSONNEL = Spec(
    "personnel",
    ("nrp", "id_kind", "name", "rank_id", "position", "home_unit_id", "assigned_unit_id",
     "phone", "duty_status"),
    ("nrp",),
    {"nrp": ("NRP/NIP", "NRP/NIP"), "name": ("Nama", "Name"), "rank_id": ("Pangkat", "Rank"),
     "position": ("Jabatan", "Position"), "home_unit_id": ("Satuan", "Unit"),
     "assigned_unit_id": ("Satuan penugasan", "Assigned unit"), "phone": ("No. HP", "Phone"),
     "duty_status": ("Status", "Duty status"), "id_kind": ("Jenis nomor", "Number kind")},
)  # fmt: skip
TPS = Spec(
    "tps",
    ("region_id", "number", "category_id", "voters", "unit_id", "address"),
    ("region_id", "number"),
    {"region_id": ("Desa/Kelurahan", "Village"), "number": ("No. TPS", "TPS no."),
     "category_id": ("Kategori", "Category"), "voters": ("DPT", "Voters"),
     "unit_id": ("Satuan", "Unit"), "address": ("Alamat", "Address")},
    frozenset({"category_id"}),
)  # fmt: skip
UNITS = Spec(
    "units",
    ("code", "name", "kind", "parent_id", "agency", "tree"),
    ("code",),
    {"code": ("Kode", "Code"), "name": ("Nama", "Name"), "kind": ("Jenis", "Kind"),
     "parent_id": ("Induk", "Parent"), "agency": ("Instansi", "Agency"),
     "tree": ("Susunan", "Tree")},
)  # fmt: skip
SPECS = {"personnel": PERSONNEL, "tps": TPS, "units": UNITS}

# Which file field fills which stored column (a file field may fill several).
FIELD_COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    "personnel": {
        "nrp": ("nrp", "id_kind"),
        "rank_nrp": ("nrp", "id_kind", "rank_id"),
        "name": ("name",),
        "rank": ("rank_id",),
        "position": ("position",),
        "unit": ("home_unit_id",),
        "assigned_unit": ("assigned_unit_id",),
        "phone": ("phone",),
        "duty_status": ("duty_status",),
    },
    "tps": {
        "number": ("number",),
        "desa": ("region_id",),
        "category": ("category_id",),
        "voters": ("voters",),
        # L and P fill the DPT only together (their sum), see ``Converter.__init__``.
        "voters_l": (),
        "voters_p": (),
        "unit": ("unit_id",),
        "address": ("address",),
    },
    "units": {
        "code": ("code",),
        "name": ("name",),
        "kind": ("kind",),
        "parent": ("parent_id",),
        "agency": ("agency",),
        "tree": ("tree",),
    },
}

_DUTY = {
    **{s: s for s in DUTY_STATUSES},
    "dik": "pendidikan",
    "active": "aktif",
    "leave": "cuti",
    "sick": "sakit",
    "other": "lainnya",
    "dinas": "aktif",
}
# Fields whose texts repeat across rows; and how many distinct texts to share at most.
_REPEATED = frozenset({"position", "duty_status", "address", "kind", "agency", "tree", "parent"})
_SHARED_MAX = 200_000
_TOTALS = re.compile(
    r"^(jumlah|total|jml|sub\s*total|subtotal|mengetahui|catatan|keterangan)\b", re.IGNORECASE
)
# A subtotal line inside the table: "JUMLAH", "TOTAL", "SUB TOTAL" where a name or number goes.
_SUBTOTAL = re.compile(r"^\s*(jumlah|total|jml|sub\s*-?\s*total|subtotal)\b", re.IGNORECASE)
_PERSONNEL_FIELDS = (
    "nrp", "rank", "rank_nrp", "name", "position", "unit", "assigned_unit", "phone", "duty_status",
)  # fmt: skip
# Distinct texts remembered per field (ranks, units, positions repeat across 100,000 rows).
_MEMO_MAX = 50_000
_MISS = object()


@dataclass(frozen=True, slots=True)
class _Fail:
    """A remembered refusal of a cell text: the reason, the value shown, a hint."""

    code: str
    shown: Cell
    hint: str | None = None


class Context:
    """Reference data of one operation, read once: look-ups for every row."""

    def __init__(self, session: Session, operation_id: int, *, create_units: bool) -> None:
        self.operation_id = operation_id
        self.create_units = create_units
        ranks = session.execute(
            select(Rank.id, Rank.code, Rank.name, Rank.full_name, Rank.aliases).where(
                Rank.operation_id == operation_id
            )
        ).all()
        self.ranks = nz.RankIndex((r[0], r[1], r[2], r[3], r[4] or "") for r in ranks)
        unit_rows = session.execute(
            select(Unit.id, Unit.code, Unit.name).where(Unit.operation_id == operation_id)
        ).all()
        self.unit_codes: dict[str, int] = {r[1]: r[0] for r in unit_rows}
        self.units = nz.NameIndex((r[0], (r[2], r[1])) for r in unit_rows)
        self.unit_labels: dict[int, str] = {r[0]: r[2] for r in unit_rows}
        # Units the user chose to create in the preview: placeholder ids below zero.
        self.new_units: dict[str, int] = {}
        cats = session.execute(
            select(TpsCategory.id, TpsCategory.code, TpsCategory.name, TpsCategory.name_en).where(
                TpsCategory.operation_id == operation_id
            )
        ).all()
        self.categories = nz.NameIndex(
            (c[0], (c[1], c[2], c[3], "".join(w[0] for w in c[2].split()))) for c in cats
        )
        self.category_labels = {c[0]: c[2] for c in cats}
        self.rank_labels = self.ranks.names
        regions = session.execute(
            select(Region.id, Region.parent_id, Region.level, Region.name).where(
                Region.operation_id == operation_id
            )
        ).all()
        by_id = {r[0]: r for r in regions}
        self.region_labels: dict[int, str] = {}
        # desa key -> [(desa id, kecamatan key, kabkota key)]
        self.desa: dict[str, list[tuple[int, str, str]]] = {}
        for rid, parent, level, name in regions:
            if level != "desa":
                continue
            kec = by_id.get(parent) if parent is not None else None
            kab = by_id.get(kec[1]) if kec is not None and kec[1] is not None else None
            kec_name = kec[3] if kec else ""
            self.region_labels[rid] = f"{name}, {kec_name}" if kec_name else name
            self.desa.setdefault(_place_key(name), []).append(
                (rid, _place_key(kec[3]) if kec else "", _place_key(kab[3]) if kab else "")
            )

    def unit_id(self, value: str) -> int | None:
        hit = self.units.find(value)
        if hit is None and self.create_units:
            key = norm(value)
            if key not in self.new_units:
                self.new_units[key] = -(len(self.new_units) + 1)
                self.unit_labels[self.new_units[key]] = value
            hit = self.new_units[key]
        return hit

    def new_unit_names(self) -> dict[int, str]:
        return {pid: self.unit_labels[pid] for pid in self.new_units.values()}


_PLACE_PREFIX = re.compile(
    r"^(desa|kelurahan|kel|ds|dusun|nagari|kecamatan|kec|kabupaten|kab|kota|provinsi)\b\.?\s*",
    re.IGNORECASE,
)


def _place_key(name: str) -> str:
    return norm(_PLACE_PREFIX.sub("", name.strip()))


def _short(value: Cell) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


class CellReader:
    """What the readers of whole-file imports (sarpras lists, incident logs, plotting lists,
    TPS watch lists) share: a cell by its column or field, a refused cell named by its
    reference, and the walk over the table's rows (``read``), passing over blank rows,
    totals ("JUMLAH") and, under a blank row, lines that do not name their record (a
    signature block). A reader that walks with ``read`` gives ``row``, ``identified`` and
    ``started``."""

    def __init__(self, layout: Layout, sheet: str) -> None:
        self.cols = dict(layout.columns)
        self.sheet = sheet
        self.problems: list[Problem] = []
        self.rejected_rows: set[int] = set()

    def at(self, cells: Sequence[Cell], offset: int, col: int | None) -> Cell:
        if col is None:
            return None
        i = col - offset
        return cells[i] if 0 <= i < len(cells) else None

    def cell(self, cells: Sequence[Cell], offset: int, key: str) -> Cell:
        return self.at(cells, offset, self.cols.get(key))

    def refuse(
        self,
        row: int,
        col: int | None,
        key: str,
        code: str,
        value: Cell = None,
        hint: str | None = None,
        error: OpsError | None = None,
    ) -> None:
        """Refuse the cell at ``col`` of ``row`` (the whole row when ``col`` is None)."""
        ref = cell_ref(self.sheet, row, col) if col is not None else f"{self.sheet}!{row + 1}"
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # calamine reads every number as a float: show 12, not 12.0
        self.problems.append(Problem(row, col, ref, key, code, _short(value), hint, error))
        self.rejected_rows.add(row)

    def bad(
        self,
        row: int,
        key: str,
        code: str,
        value: Cell = None,
        hint: str | None = None,
        error: OpsError | None = None,
    ) -> None:
        """Refuse the cell of ``key`` in ``row`` (the whole row when no column holds it)."""
        self.refuse(row, self.cols.get(key), key, code, value, hint, error)

    def data_columns(self) -> Sequence[int]:
        return list(self.cols.values())

    def is_data(self, cells: Sequence[Cell], offset: int) -> bool:
        """False for blank rows, and for totals or a signature under the table (as a
        roster's: "JUMLAH", "Mengetahui," ...)."""
        if not any(self.at(cells, offset, c) is not None for c in self.data_columns()):
            return False
        first = next((c for c in cells if c is not None), None)
        return not (isinstance(first, str) and _TOTALS.match(first.strip()))

    def read(
        self,
        rows: Iterator[tuple[int, int, list[Cell]]],
        start: int,
        total: int,
        progress: Progress,
        cancel: CancelToken,
    ) -> None:
        gap = False
        for index, offset, cells in rows:
            if index < start:
                continue
            if index % 1000 == 0:
                cancel.check()
                progress(index, total, "check")
            if not self.is_data(cells, offset):
                gap = gap or self.started()
                continue
            if gap and not self.identified(cells, offset):
                continue
            self.row(index, offset, cells)

    def started(self) -> bool:
        """Whether a row has been read (a blank row after it may end the table)."""
        raise NotImplementedError

    def identified(self, cells: Sequence[Cell], offset: int) -> bool:
        """Whether a line under a blank row names its record (else it is a signature)."""
        raise NotImplementedError

    def row(self, index: int, offset: int, cells: Sequence[Cell]) -> None:
        raise NotImplementedError


class Converter:
    """Turns one data row into a tuple in ``spec.columns`` order, or problems."""

    def __init__(self, ctx: Context, layout: Layout, sheet: str) -> None:
        self.ctx = ctx
        self.layout = layout
        self.sheet = sheet
        self.spec = SPECS[layout.kind]
        self.cols = dict(layout.columns)
        # Stored columns that the file provides (others keep their stored value).
        provided: set[str] = set()
        for key in self.cols:
            provided.update(FIELD_COLUMNS[layout.kind].get(key, ()))
        # The DPT as L + P when the file has both and no L+P column.
        self.voters_sum = (
            layout.kind == "tps"
            and "voters" not in self.cols
            and "voters_l" in self.cols
            and "voters_p" in self.cols
        )
        if self.voters_sum:
            provided.add("voters")
        self.provided = frozenset(provided)
        # Where a subtotal's label may stand, and the cells a subtotal leaves empty.
        groups = required_groups_of(layout.kind)
        self._key_fields = tuple(groups[0]) if groups else ()
        self._label_fields = tuple(
            k
            for k in ("name", "desa", "kecamatan", "number", "code", *self._key_fields)
            if k in self.cols
        )
        self._shared: dict[str, str] = {}
        self._memo: dict[str, dict[str, Any]] = {}
        self._offset = -1
        self._pos: dict[str, int] = {}
        self._idx: tuple[int, ...] = ()
        self._label_idx: tuple[int, ...] = ()  # where ``_label_fields`` stand in a row
        self._getters: dict[tuple[int, int], Any] = {}
        self._convert = {
            "personnel": self._personnel,
            "tps": self._tps,
            "units": self._unit,
        }[layout.kind]

    def _positions(self, offset: int) -> dict[str, int]:
        """Field -> index into a row's cells (calamine's rows start at the sheet's first
        used column, the same for every row of a sheet, so this is computed once)."""
        if offset != self._offset:
            self._offset = offset
            self._pos = {k: c - offset for k, c in self.cols.items() if c >= offset}
            self._idx = tuple(self._pos.values())
            self._label_idx = tuple(self._pos[k] for k in self._label_fields if k in self._pos)
        return self._pos

    def _getter(self, keys: Sequence[str], offset: int, n: int) -> Any:
        """Picks the cells of ``keys`` from a row of ``n`` cells with a None appended: one C
        call a row; a field the file lacks reads the appended None."""
        pos = self._positions(offset)
        index = [i if i is not None and i < n else n for i in map(pos.get, keys)]
        return itemgetter(*index)

    def cell(self, cells: Sequence[Cell], offset: int, key: str) -> Cell:
        i = (self._pos if offset == self._offset else self._positions(offset)).get(key)
        return cells[i] if i is not None and i < len(cells) else None

    def identified(self, cells: Sequence[Cell], offset: int) -> bool:
        """Whether any field that identifies a row (NRP, name, TPS number ...) is filled."""
        keys = [k for g in required_groups_of(self.layout.kind) for k in g]
        return any(self.cell(cells, offset, k) is not None for k in keys)

    def is_subtotal(self, cells: Sequence[Cell], offset: int) -> bool:
        """A "JUMLAH" / "TOTAL" / "SUB TOTAL" line within the table (after each desa in the
        KPU's recap): its label where a name or number goes, and no key of its own."""
        if offset != self._offset:
            self._positions(offset)
        n = len(cells)
        label = None
        for i in self._label_idx:  # run for every row of a sheet: no call it can do without
            if i < n:
                value = cells[i]
                if isinstance(value, str) and _SUBTOTAL.match(value):
                    label = value
                    break
        else:
            for first in cells:
                if first is not None:
                    if isinstance(first, str) and _SUBTOTAL.match(first):
                        label = first
                    break
        if label is None:
            return False
        # Its key cells are empty, hold the label, or a count (a desa's number of TPS).
        return all(
            value in (None, label) or isinstance(value, int | float)
            for value in (self.cell(cells, offset, k) for k in self._key_fields)
        )

    def is_data(self, cells: Sequence[Cell], offset: int) -> bool:
        """False for blank rows and totals or signature lines under the table."""
        n = len(cells)
        if offset != self._offset:
            self._positions(offset)
        for i in self._idx:
            if i < n and cells[i] is not None:
                break
        else:
            return False
        for first in cells:
            if first is not None:
                return not (isinstance(first, str) and _TOTALS.match(first.strip()))
        return True

    def convert(
        self, row: int, offset: int, cells: Sequence[Cell]
    ) -> tuple[tuple[Any, ...] | None, list[Problem]]:
        problems: list[Problem] = []

        def bad(key: str, code: str, value: Cell = None, hint: str | None = None) -> None:
            col = self.cols.get(key)
            ref = cell_ref(self.sheet, row, col) if col is not None else f"{self.sheet}!{row + 1}"
            problems.append(Problem(row, col, ref, key, code, _short(value), hint))

        values = self._convert(row, offset, cells, bad)
        return (None if problems else values), problems

    # -- per kind ------------------------------------------------------------------------

    def _text(self, cells: Sequence[Cell], offset: int, key: str, max_len: int, bad: Any) -> Any:
        value = self.cell(cells, offset, key)
        try:
            result = nz.text(value, max_len=max_len)
        except nz.Bad as exc:
            bad(key, exc.code, value)
            return None
        if result is not None and key in _REPEATED and len(self._shared) < _SHARED_MAX:
            # A position such as "Bhabinkamtibmas" repeats thousands of times: keep one copy.
            result = self._shared.setdefault(result, result)
        return result

    def _lookup(self, key: str, value: Cell, compute: Any, bad: Any) -> Any:
        """``compute(value)`` (a result, or a ``_Fail``), remembered per field for texts:
        a rank, a unit or a position is worked out once, not once per row."""
        if value is None:
            return None
        if type(value) is str:
            memo = self._memo.get(key)
            if memo is None:
                memo = self._memo[key] = {}
            hit = memo.get(value, _MISS)
            if hit is _MISS:
                hit = compute(value)
                if len(memo) < _MEMO_MAX:
                    memo[value] = hit
        else:
            hit = compute(value)
        if type(hit) is _Fail:
            bad(key, hit.code, hit.shown, hit.hint)
            return None
        return hit

    @staticmethod
    def _clean(value: Cell, max_len: int) -> str | _Fail | None:
        try:
            return nz.text(value, max_len=max_len)
        except nz.Bad as exc:
            return _Fail(exc.code, value)

    def _rank_of(self, value: Cell) -> int | _Fail | None:
        text = self._clean(value, 120)
        if not isinstance(text, str):
            return text
        found = self.ctx.ranks.find(text)
        return _Fail("rank_unknown", text) if found is None else found

    def _unit_named(self, value: Cell) -> int | _Fail | None:
        label = self._clean(value, 160)
        if not isinstance(label, str):
            return label
        found = self.ctx.unit_id(label)
        return (
            _Fail("unit_unknown", label, self.ctx.units.suggest(label)) if found is None else found
        )

    def _position_of(self, value: Cell) -> str | _Fail | None:
        return self._clean(value, 160)

    def _duty_of(self, value: Cell) -> str | _Fail | None:
        text = self._clean(value, 40)
        if not isinstance(text, str):
            return text
        found = _DUTY.get(norm(text))
        return _Fail("status_unknown", text) if found is None else found

    def _personnel(self, row: int, offset: int, cells: Sequence[Cell], bad: Any) -> tuple[Any, ...]:
        n = len(cells)
        getter = self._getters.get((offset, n))
        if getter is None:
            getter = self._getters[(offset, n)] = self._getter(_PERSONNEL_FIELDS, offset, n)
        (number_cell, rank_cell, combined, name_cell, position_cell, unit_cell, assigned_cell,
         phone_cell, duty_cell) = getter([*cells, None])  # fmt: skip
        rank_key = "rank"
        if combined is not None:
            split_rank, split_number = nz.split_rank_nrp(combined)
            if number_cell is None:
                number_cell = split_number
            if split_rank and "rank" not in self.cols:
                rank_cell, rank_key = split_rank, "rank_nrp"
        nrp: str | None = None
        id_kind: str | None = None
        try:
            nrp, id_kind = nz.nrp(number_cell)
        except nz.Bad as exc:
            bad("nrp" if "nrp" in self.cols else "rank_nrp", exc.code, number_cell)
        name: str | None = None
        if name_cell is None:
            if "name" in self.cols:
                bad("name", "required")
        else:
            try:
                name = nz.text(name_cell, max_len=160)
            except nz.Bad as exc:
                bad("name", exc.code, name_cell)
        lookup = self._lookup
        rank_id = None if rank_cell is None else lookup(rank_key, rank_cell, self._rank_of, bad)
        position = home = assigned = None
        if position_cell is not None:
            position = lookup("position", position_cell, self._position_of, bad)
        if unit_cell is not None:
            home = lookup("unit", unit_cell, self._unit_named, bad)
        if assigned_cell is not None:
            assigned = lookup("assigned_unit", assigned_cell, self._unit_named, bad)
        phone: str | None = None
        try:
            phone = nz.phone(phone_cell)
        except nz.Bad as exc:
            bad("phone", exc.code, phone_cell)
        status = "aktif"
        if duty_cell is not None:
            status = lookup("duty_status", duty_cell, self._duty_of, bad) or status
        return (nrp, id_kind, name, rank_id, position, home, assigned, phone, status)

    def _unit_of(self, cells: Sequence[Cell], offset: int, key: str, bad: Any) -> int | None:
        label = self._text(cells, offset, key, 160, bad)
        if label is None:
            return None
        found = self.ctx.unit_id(label)
        if found is None:
            bad(key, "unit_unknown", label, self.ctx.units.suggest(label))
        return found

    def _tps(self, row: int, offset: int, cells: Sequence[Cell], bad: Any) -> tuple[Any, ...]:
        ctx = self.ctx
        number: int | None = None
        raw_number = self.cell(cells, offset, "number")
        try:
            number = nz.whole_number(raw_number)
            if number < 1:
                raise nz.Bad("number_malformed")
        except nz.Bad as exc:
            bad("number", exc.code, raw_number)
        region_id: int | None = None
        desa = self._text(cells, offset, "desa", 120, bad)
        kec = self._text(cells, offset, "kecamatan", 120, bad)
        kab = self._text(cells, offset, "kabkota", 120, bad)
        if desa is None:
            if "desa" in self.cols and self.cell(cells, offset, "desa") is None:
                bad("desa", "required")
        else:
            found = ctx.desa.get(_place_key(desa), [])
            if kec:
                found = [f for f in found if f[1] == _place_key(kec)]
            if kab and len(found) > 1:
                found = [f for f in found if f[2] == _place_key(kab)]
            if not found:
                bad("desa", "region_unknown", desa)
            elif len(found) > 1:
                bad("desa", "region_ambiguous", desa)
            else:
                region_id = found[0][0]
        # The KPU publishes its list before Polri rates anything: without a category a new
        # TPS is stored unrated, and a stored one keeps its own (the column is not provided).
        category_id: int | None = None
        cat = self._text(cells, offset, "category", 120, bad)
        if cat is not None:
            category_id = ctx.categories.find(cat)
            if category_id is None:
                bad("category", "category_unknown", cat, ctx.categories.suggest(cat))
        if self.voters_sum:
            male = self._count(cells, offset, "voters_l", bad)
            female = self._count(cells, offset, "voters_p", bad)
            voters = male + female
            if not 0 <= voters <= MAX_VOTERS_PER_TPS:
                bad("voters_p", "voters_range", voters)
        else:
            voters = self._count(cells, offset, "voters", bad)
        unit_id = self._unit_of(cells, offset, "unit", bad)
        address = self._text(cells, offset, "address", 200, bad)
        return (region_id, number, category_id, voters, unit_id, address)

    def _count(self, cells: Sequence[Cell], offset: int, key: str, bad: Any) -> int:
        """A voter count (0 when the cell is empty)."""
        raw = self.cell(cells, offset, key)
        if raw is None:
            return 0
        try:
            n = nz.whole_number(raw)
        except nz.Bad:
            bad(key, "number_malformed", raw)
            return 0
        if not 0 <= n <= MAX_VOTERS_PER_TPS:
            bad(key, "voters_range", raw)
        return n

    def _unit(self, row: int, offset: int, cells: Sequence[Cell], bad: Any) -> tuple[Any, ...]:
        code = self._text(cells, offset, "code", 40, bad)
        if code is None and self.cell(cells, offset, "code") is None:
            bad("code", "required")
        name = self._text(cells, offset, "name", 160, bad)
        if name is None and self.cell(cells, offset, "name") is None:
            bad("name", "required")
        kind_text = self._text(cells, offset, "kind", 40, bad)
        kind = norm(kind_text or "")
        if kind_text is None and self.cell(cells, offset, "kind") is None:
            bad("kind", "required")
        elif kind_text is not None and kind not in UNIT_KINDS:
            bad("kind", "kind_unknown", kind_text)
        parent = self._text(cells, offset, "parent", 40, bad)
        agency_text = self._text(cells, offset, "agency", 20, bad)
        agency = norm(agency_text) if agency_text else "polri"
        if agency not in AGENCIES:
            bad("agency", "agency_unknown", agency_text)
        tree_text = self._text(cells, offset, "tree", 20, bad)
        if tree_text:
            tree = norm(tree_text)
            if tree not in ("territorial", "satgas", "partner"):
                bad("tree", "tree_unknown", tree_text)
        elif kind in ("satgas", "subsatgas"):
            tree = "satgas"
        elif agency != "polri":
            tree = "partner"
        else:
            tree = "territorial"
        # The parent is kept as a code here: it may be a unit further down the same file.
        return (code, name, kind, parent, agency, tree)
