"""Per-row and per-cell validation: a row becomes stored values, or problems with cell
references ("Sheet1!C14") and reason codes (``messages.IMPORT_PROBLEMS``).

One ``Converter`` per kind; it is built from the operation's reference data (ranks, units,
regions, categories; ``reference_data.Context``) read once, so checking a row touches no
database. Which rows are data is ``row_shapes.RowShape``'s, what a kind stores ``specs``'.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from opscenter.model import AGENCIES, DUTY_STATUSES, MAX_VOTERS_PER_TPS, UNIT_KINDS
from opscenter.roster import normalise as nz
from opscenter.roster.headers import Layout, cell_ref, field_names, norm
from opscenter.roster.problems import Problem, short_text
from opscenter.roster.reading import Cell
from opscenter.roster.reference_data import Context, place_key
from opscenter.roster.row_shapes import RowShape
from opscenter.roster.specs import FIELD_COLUMNS, SPECS

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


class Converter:
    """Turns one data row into a tuple in ``spec.columns`` order, or problems."""

    def __init__(self, ctx: Context, layout: Layout, sheet: str) -> None:
        self.ctx = ctx
        self.layout = layout
        self.sheet = sheet
        self.kind = layout.kind
        self.spec = SPECS[layout.kind]
        shape = RowShape(layout)
        self.cols = shape.cols
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
        self._shared: dict[str, str] = {}
        self._memo: dict[str, dict[str, Any]] = {}
        self._getters: dict[tuple[int, int], Any] = {}
        self._convert = {
            "personnel": self._personnel,
            "tps": self._tps,
            "units": self._unit,
        }[layout.kind]
        # The row's shape, bound here: these run for every row of a sheet.
        self.shape = shape
        self.cell = shape.cell
        self.identified = shape.identified
        self.is_subtotal = shape.is_subtotal
        self.is_data = shape.is_data

    def convert(
        self, row: int, offset: int, cells: Sequence[Cell]
    ) -> tuple[tuple[Any, ...], list[Problem]]:
        """The row's stored values and its problems. With problems, the values are what could
        be read (a refused cell's field is None): the preview still names the row by its key."""
        problems: list[Problem] = []

        def bad(key: str, code: str, value: Cell = None, hint: str | None = None) -> None:
            col = self.cols.get(key)
            ref = cell_ref(self.sheet, row, col) if col is not None else f"{self.sheet}!{row + 1}"
            label = field_names(self.kind, key)
            problems.append(Problem(row, col, ref, key, code, short_text(value), hint, None, label))

        return self._convert(row, offset, cells, bad), problems

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
            getter = self._getters[(offset, n)] = self.shape.getter(_PERSONNEL_FIELDS, offset, n)
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
            found = ctx.desa.get(place_key(desa), [])
            if kec:
                found = [f for f in found if f[1] == place_key(kec)]
            if kab and len(found) > 1:
                found = [f for f in found if f[2] == place_key(kab)]
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
