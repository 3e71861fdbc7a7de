"""The base of the whole-file imports' sheet readers (``CellReader``): a row's cells by
field, refused cells as problems, and the walk over the table's rows."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from opscenter.errors import OpsError
from opscenter.progress import CancelToken, Progress
from opscenter.roster.headers import Layout, cell_ref, field_names
from opscenter.roster.problems import Problem, short_text
from opscenter.roster.reading import Cell
from opscenter.roster.row_shapes import TOTALS


class CellReader:
    """What the readers of whole-file imports (sarpras lists, incident logs, plotting lists,
    TPS watch lists) share: a cell by its column or field, a refused cell named by its
    reference, and the walk over the table's rows (``read``), passing over blank rows,
    totals ("JUMLAH") and, under a blank row, lines that do not name their record (a
    signature block). A reader that walks with ``read`` gives ``row``, ``identified`` and
    ``started``."""

    def __init__(self, layout: Layout, sheet: str) -> None:
        self.cols = dict(layout.columns)
        self.kind = layout.kind
        self.sheet = sheet
        self.problems: list[Problem] = []
        self.rejected_rows: set[int] = set()
        # The key a refused row's cells gave, by row, where the reader keeps one: the
        # preview names the row by it (``RowOutcome.key``), as it names the rows it keeps.
        self.keys: dict[int, tuple[Any, ...]] = {}

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
        label = field_names(self.kind, key)
        self.problems.append(
            Problem(row, col, ref, key, code, short_text(value), hint, error, label)
        )
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
        return not (isinstance(first, str) and TOTALS.match(first.strip()))

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
