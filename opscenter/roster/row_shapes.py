"""What kind of line a sheet's row is (data, blank, a total or a signature under the table,
a subtotal within it) and where each field stands in a row's cells."""

from __future__ import annotations

import re
from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from opscenter.roster.headers import Layout
from opscenter.roster.headers import required_groups as required_groups_of
from opscenter.roster.reading import Cell

# A line under the table: totals, notes or a signature ("JUMLAH", "Mengetahui,").
TOTALS = re.compile(
    r"^(jumlah|total|jml|sub\s*total|subtotal|mengetahui|catatan|keterangan)\b", re.IGNORECASE
)
# A subtotal line inside the table: "JUMLAH", "TOTAL", "SUB TOTAL" where a name or number goes.
SUBTOTAL = re.compile(r"^\s*(jumlah|total|jml|sub\s*-?\s*total|subtotal)\b", re.IGNORECASE)


class RowShape:
    """The lines of one mapped sheet: which are data, and the cell of a field in a row."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.cols = dict(layout.columns)
        # Where a subtotal's label may stand, and the cells a subtotal leaves empty.
        groups = required_groups_of(layout.kind)
        self._key_fields = tuple(groups[0]) if groups else ()
        self._label_fields = tuple(
            k
            for k in ("name", "desa", "kecamatan", "number", "code", *self._key_fields)
            if k in self.cols
        )
        self._offset = -1
        self._pos: dict[str, int] = {}
        self._idx: tuple[int, ...] = ()
        self._label_idx: tuple[int, ...] = ()  # where ``_label_fields`` stand in a row

    def _positions(self, offset: int) -> dict[str, int]:
        """Field -> index into a row's cells (calamine's rows start at the sheet's first
        used column, the same for every row of a sheet, so this is computed once)."""
        if offset != self._offset:
            self._offset = offset
            self._pos = {k: c - offset for k, c in self.cols.items() if c >= offset}
            self._idx = tuple(self._pos.values())
            self._label_idx = tuple(self._pos[k] for k in self._label_fields if k in self._pos)
        return self._pos

    def getter(self, keys: Sequence[str], offset: int, n: int) -> Any:
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
                if isinstance(value, str) and SUBTOTAL.match(value):
                    label = value
                    break
        else:
            for first in cells:
                if first is not None:
                    if isinstance(first, str) and SUBTOTAL.match(first):
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
                return not (isinstance(first, str) and TOTALS.match(first.strip()))
        return True
