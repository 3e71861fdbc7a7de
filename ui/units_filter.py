"""Sorting and filtering of the units board, over either of its models (``ui.units_model``)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSortFilterProxyModel

from opscenter.board import UnitRow
from ui.table_model import SORT_ROLE, AnyIndex
from ui.units_columns import UNIT_ID_ROLE
from ui.units_model import BoardRows


class UnitsFilterProxy(QSortFilterProxyModel):
    """Sorts by raw values and filters by text (name, code, status), status, tree and a set
    of units (those answering for a region)."""

    def __init__(
        self, rows: BoardRows, parent: QObject | None = None, *, recursive: bool = False
    ) -> None:
        super().__init__(parent)
        self._b = rows
        self._text = ""
        self._status_id: int | None = None
        self._tree: str | None = None
        self._units: frozenset[int] | None = None
        self._recursive = recursive
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_text(self, text: str) -> None:
        """Words that must all appear in the unit's name, code or status."""
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self._follow_ancestors()
        self.endFilterChange()

    def set_status(self, status_id: int | None) -> None:
        self.beginFilterChange()
        self._status_id = status_id
        self._follow_ancestors()
        self.endFilterChange()

    def set_tree(self, tree: str | None) -> None:
        """``territorial``, ``satgas`` or ``partner``; None for all."""
        self.beginFilterChange()
        self._tree = tree
        self._follow_ancestors()
        self.endFilterChange()

    def set_units(self, units: frozenset[int] | None) -> None:
        """Only these units (a region's); None for all."""
        self.beginFilterChange()
        self._units = units
        self._follow_ancestors()
        self.endFilterChange()

    def filtering(self) -> bool:
        return bool(
            self._text or self._tree or self._status_id is not None or self._units is not None
        )

    def _follow_ancestors(self) -> None:
        """Recursive filtering (a match keeps its ancestors) only while a filter is set.

        With it on, every changed row makes the proxy re-check and repaint each of its
        ancestors -- the Polres and Polda rows always in view -- which during a burst of
        status changes is most of the GUI thread's work (bench/board.py). With no filter,
        every row is accepted anyway.
        """
        on = self._recursive and self.filtering()
        if self.isRecursiveFilteringEnabled() != on:
            self.setRecursiveFilteringEnabled(on)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self.filtering():
            return True  # no filter: the common case, called for every row on each load
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        uid = model.data(index, UNIT_ID_ROLE)
        row = self._b.rows.get(uid) if isinstance(uid, int) else None
        return row is not None and self.accepts(row)

    def matches(self) -> int:
        """How many units pass the filter on their own (in the tree, the chain of command
        kept above a match is not counted: the flat list of the same filter shows this many)."""
        if not self.filtering():
            return len(self._b.rows)
        return sum(1 for row in self._b.rows.values() if self.accepts(row))

    def accepts(self, row: UnitRow) -> bool:
        """Whether ``row`` passes the filter on its own."""
        if self._tree is not None and row.tree != self._tree:
            return False
        if self._status_id is not None and row.status_id != self._status_id:
            return False
        if self._units is not None and row.id not in self._units:
            return False
        if self._text:
            # Every typed word starts some word of the row: "polsek a" finds Polsek A1, A2.
            words = f"{row.name} {row.code} {row.status_name or ''}".casefold().split()
            return all(any(w.startswith(t) for w in words) for t in self._text.split())
        return True
