"""Qt models of the units board: a tree with roll-up totals and a flat table, one data source.

``BoardRows`` holds the rows (plain ``UnitRow`` keyed by unit id) and the tree's shape;
``UnitsTreeModel`` (Polda -> Polres -> Polsek) and ``UnitsFlatModel`` (one row per unit)
both read it, and ``BoardRows`` tells both of every change, precisely: ``dataChanged`` for
changed rows, inserts, removals and moves for the tree's shape; never a reset except for a
new query (``set_board``). What each cell shows is ``ui.units_cells``; the columns are
``ui.units_columns``; ``ui.units_filter`` sorts and filters either model.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QObject, Qt

from opscenter.board import Board, Figures, RefItem, UnitRow, board_order
from opscenter.clock import now as operation_now
from ui.keyed_rows import runs as _runs
from ui.table_model import AnyIndex
from ui.units_cells import CellText
from ui.units_columns import ColumnLayout


def _sibling_key(r: UnitRow) -> tuple[int, int, str, int]:
    # The same order as opscenter.board.board_order, for inserting one unit in place.
    trees = {"territorial": 0, "satgas": 1, "partner": 2}
    kinds = {k: i for i, k in enumerate(("polda", "polresta", "polres", "polsek", "brimob"))}
    return (trees.get(r.tree, 9), kinds.get(r.kind, 9), r.name.casefold(), r.id)


class BoardRows(QObject):
    """The rows of the board and the tree's shape; the one place both models read.

    Every change goes through here and is announced to both models, precisely.
    """

    def __init__(
        self, clock: Callable[[], datetime] = operation_now, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.cells = CellText(clock)
        self.rows: dict[int, UnitRow] = {}
        self.kids: dict[int | None, list[int]] = defaultdict(list)
        self.parent_of: dict[int, int | None] = {}
        self.position: dict[int, int] = {}  # row within its parent
        self.flat: list[int] = []
        self.flat_row: dict[int, int] = {}
        self.tree_model = UnitsTreeModel(self)
        self.flat_model = UnitsFlatModel(self)
        self.board: Board | None = None

    # -- whole board (a new query: the only reset) ------------------------------------------

    def set_board(self, board: Board) -> None:
        models: tuple[QAbstractItemModel, ...] = (self.tree_model, self.flat_model)
        for m in models:
            m.beginResetModel()
        self.board = board
        self.cells.layout = ColumnLayout(board.categories, board.severities)
        self.cells.layout_statuses = board.statuses
        self.cells.timezone = board.timezone
        self.cells.figures_loaded = board.figures_loaded
        self.rows = {r.id: r for r in board.rows}
        self.kids = defaultdict(list)
        self.parent_of = {}
        for r in board.rows:  # already parents first, siblings in order
            parent = r.parent_id if r.parent_id in self.rows else None
            self.parent_of[r.id] = parent
            self.kids[parent].append(r.id)
        self._renumber_all()
        self.flat = [r.id for r in board.rows]
        self.flat_row = {uid: i for i, uid in enumerate(self.flat)}
        for m in models:
            m.endResetModel()

    def _renumber_all(self) -> None:
        self.position = {}
        for ids in self.kids.values():
            for i, uid in enumerate(ids):
                self.position[uid] = i

    def _renumber(self, parent: int | None) -> None:
        for i, uid in enumerate(self.kids[parent]):
            self.position[uid] = i

    def column_count(self) -> int:
        return self.cells.layout.count()

    def ancestors(self, uid: int) -> list[int]:
        out: list[int] = []
        current = self.parent_of.get(uid)
        while current is not None and current not in out:
            out.append(current)
            current = self.parent_of.get(current)
        return out

    # -- precise updates --------------------------------------------------------------------

    def update_rows(self, rows: Iterable[UnitRow]) -> set[int]:
        """Replace rows (same units); emits ``dataChanged`` for those that differ."""
        changed: set[int] = set()
        moved: list[UnitRow] = []
        for new in rows:
            old = self.rows.get(new.id)
            if old is None or old == new:
                continue
            if (new.parent_id if new.parent_id in self.rows else None) != self.parent_of[new.id]:
                moved.append(new)
            self.rows[new.id] = new
            changed.add(new.id)
        for r in moved:
            self._move(r)
        self._announce(changed)
        return changed

    def set_readiness(self, levels: dict[int, str | None]) -> set[int]:
        """Each judged unit's overall readiness level; only the changed rows are announced."""
        old = self.cells.readiness
        changed = {u for u in old.keys() | levels.keys() if old.get(u, "") != levels.get(u, "")}
        self.cells.readiness = dict(levels)
        self._announce(changed & self.rows.keys())
        return changed

    def set_figures(self, figures: dict[int, Figures]) -> set[int]:
        """New figures of some or all units (after a recompute); only the changed rows are
        announced."""
        changed: set[int] = set()
        if not self.cells.figures_loaded:  # the first figures: every row shows them now
            self.cells.figures_loaded = True
            changed.update(self.rows)
        rows = self.rows
        for uid, f in figures.items():
            row = rows.get(uid)
            if row is not None and f != row.figures:
                rows[uid] = _with(row, f)
                changed.add(uid)
        self._announce(changed)
        return changed

    def insert_rows(self, rows: Sequence[UnitRow]) -> None:
        """New units: parents before children, each in its place among its siblings."""
        for r in board_order([*rows]):
            if r.id in self.rows:
                continue
            parent = r.parent_id if r.parent_id in self.rows else None
            siblings = self.kids[parent]
            at = self._place(siblings, r)
            parent_index = self.tree_model.index_of(parent)
            self.tree_model.beginInsertRows(parent_index, at, at)
            self.rows[r.id] = r
            self.parent_of[r.id] = parent
            siblings.insert(at, r.id)
            self._renumber(parent)
            self.tree_model.endInsertRows()
            n = len(self.flat)
            self.flat_model.beginInsertRows(QModelIndex(), n, n)
            self.flat.append(r.id)
            self.flat_row[r.id] = n
            self.flat_model.endInsertRows()

    def remove_rows(self, ids: Iterable[int]) -> None:
        """Units deleted from the database (leaves: the schema refuses to orphan children)."""
        for uid in sorted(set(ids) & set(self.rows), key=lambda u: -len(self.ancestors(u))):
            for child in list(self.kids.get(uid, ())):  # defensive: hang them at the root
                self._move(_reparent(self.rows[child], None))
            parent = self.parent_of[uid]
            at = self.position[uid]
            self.tree_model.beginRemoveRows(self.tree_model.index_of(parent), at, at)
            del self.kids[parent][at]
            self.kids.pop(uid, None)
            del self.parent_of[uid]
            del self.position[uid]
            self._renumber(parent)
            del self.rows[uid]
            self.tree_model.endRemoveRows()
            i = self.flat_row[uid]
            self.flat_model.beginRemoveRows(QModelIndex(), i, i)
            del self.flat[i]
            del self.flat_row[uid]
            for j in range(i, len(self.flat)):
                self.flat_row[self.flat[j]] = j
            self.flat_model.endRemoveRows()

    def _place(self, siblings: list[int], row: UnitRow) -> int:
        key = _sibling_key(row)
        for i, uid in enumerate(siblings):
            if _sibling_key(self.rows[uid]) > key:
                return i
        return len(siblings)

    def _move(self, row: UnitRow) -> None:
        """A unit moved in the tree: its whole subtree moves with it (beginMoveRows)."""
        uid = row.id
        new_parent = row.parent_id if row.parent_id in self.rows else None
        if new_parent is not None and (new_parent == uid or uid in self.ancestors(new_parent)):
            new_parent = None  # a cycle would hide the subtree: show it at the root instead
        old_parent = self.parent_of[uid]
        if new_parent == old_parent:
            return
        src = self.position[uid]
        target = [u for u in self.kids[new_parent]]
        dst = self._place(target, row)
        model = self.tree_model
        if not model.beginMoveRows(
            model.index_of(old_parent), src, src, model.index_of(new_parent), dst
        ):
            return
        del self.kids[old_parent][src]
        self.kids[new_parent].insert(dst, uid)
        self.parent_of[uid] = new_parent
        self._renumber(old_parent)
        self._renumber(new_parent)
        model.endMoveRows()

    def _announce(self, changed: set[int]) -> None:
        if not changed:
            return
        last = self.column_count() - 1
        by_parent: dict[int | None, list[int]] = defaultdict(list)
        for uid in changed:
            by_parent[self.parent_of[uid]].append(self.position[uid])
        tree = self.tree_model
        for parent, positions in by_parent.items():
            p = tree.index_of(parent)
            # One row at a time: siblings next to each other in the model are far apart on
            # screen when those between are expanded, and a view repaints the whole span of
            # a range -- for two changed Polda rows, every row on screen (bench/board.py).
            for row in sorted(positions):
                tree.dataChanged.emit(tree.index(row, 0, p), tree.index(row, last, p))
        flat = self.flat_model
        for first, end in _runs(self.flat_row[u] for u in changed):
            flat.dataChanged.emit(flat.index(first, 0), flat.index(end, last))

    def set_references(
        self,
        statuses: tuple[RefItem, ...],
        categories: tuple[RefItem, ...],
        severities: tuple[RefItem, ...],
    ) -> bool:
        """Take re-read reference lists (renamed or recoloured statuses, categories,
        severities) without a reset, when they keep the same entries in the same order (so
        the same columns); False when the columns themselves changed (then ``set_board``)."""
        old = self.board
        if (
            old is None
            or [c.id for c in categories] != [c.id for c in old.categories]
            or [s.id for s in severities] != [s.id for s in old.severities]
        ):
            return False
        self.board = replace(old, statuses=statuses, categories=categories, severities=severities)
        self.cells.layout = ColumnLayout(categories, severities)
        self.cells.layout_statuses = statuses
        last = self.cells.layout.count() - 1
        for m in (self.tree_model, self.flat_model):
            m.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last)
        return True

    def refresh_text(self) -> None:
        """The clock passed midnight or the locale changed: repaint every cell, no reset."""
        for m in (self.tree_model, self.flat_model):
            m.layoutAboutToBeChanged.emit()
            m.layoutChanged.emit()


def _with(row: UnitRow, figures: Figures) -> UnitRow:
    return replace(row, figures=figures)


def _reparent(row: UnitRow, parent: int | None) -> UnitRow:
    return replace(row, parent_id=parent)


class _BoardHeaders:
    """The header row of both views of the board: the columns its ``BoardRows`` lays out."""

    _b: BoardRows

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        return self._b.cells.header(section, role)


class UnitsTreeModel(_BoardHeaders, QAbstractItemModel):
    """Units by hierarchy; each row's figures include its sub-units' (roll-up totals)."""

    def __init__(self, rows: BoardRows) -> None:
        super().__init__(rows)
        self._b = rows

    def index_of(self, uid: int | None, column: int = 0) -> QModelIndex:
        if uid is None or uid not in self._b.position:
            return QModelIndex()
        return self.createIndex(self._b.position[uid], column, uid)

    def unit_id(self, index: AnyIndex) -> int | None:
        return int(index.internalId()) if index.isValid() else None

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008 - Qt's signature
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        pid = self.unit_id(parent)
        ids = self._b.kids.get(pid, [])
        if not (0 <= row < len(ids) and 0 <= column < self._b.column_count()):
            return QModelIndex()
        return self.createIndex(row, column, ids[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        return self.index_of(self._b.parent_of.get(int(index.internalId())))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._b.kids.get(self.unit_id(parent), ()))

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return self._b.column_count()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._b.rows.get(int(index.internalId()))
        return None if row is None else self._b.cells.data(row, index.column(), role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class UnitsFlatModel(_BoardHeaders, QAbstractTableModel):
    """One row per unit, in load order (the proxy sorts); a Polres row shows its roll-up."""

    def __init__(self, rows: BoardRows) -> None:
        super().__init__(rows)
        self._b = rows

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._b.flat)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._b.column_count()

    def index_of(self, uid: int | None, column: int = 0) -> QModelIndex:
        if uid is None or uid not in self._b.flat_row:
            return QModelIndex()
        return self.index(self._b.flat_row[uid], column)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._b.flat):
            return None
        row = self._b.rows[self._b.flat[index.row()]]
        return self._b.cells.data(row, index.column(), role)
