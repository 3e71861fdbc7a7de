"""Qt models of the units board: a tree with roll-up totals and a flat table, one data source.

``BoardRows`` holds the rows (plain ``UnitRow`` keyed by unit id) and the tree's shape;
``UnitsTreeModel`` (Polda -> Polres -> Polsek) and ``UnitsFlatModel`` (one row per unit)
both read it, and ``BoardRows`` tells both of every change, precisely: ``dataChanged`` for
changed rows, inserts, removals and moves for the tree's shape; never a reset except for a
new query (``set_board``). ``UnitsFilterProxy`` sorts and filters either model by text,
status and tree.

Columns: a fixed ``Column`` IntEnum for the figures that always exist, and one column per
TPS category and per severity between them, because those lists are the operation's data
(DOMAIN.md: never constants in code). ``ColumnLayout`` maps a column number to its kind.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import IntEnum
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from opscenter.board import Board, Figures, RefItem, UnitRow, board_order
from opscenter.clock import now as operation_now
from opscenter.operations import DEFAULT_TIMEZONE, zone_label
from opscenter.readiness.matrix import SEVERITY
from ui import theme
from ui.keyed_rows import runs as _runs
from ui.readiness_model import full_level, level_look, short_level
from ui.strength_model import DEFICIT_BACKGROUND, signed
from ui.table_model import SORT_ROLE, AnyIndex
from ui.translations import translator

# The unit id of a row, for selection and actions.
UNIT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Text the search box matches: name, code, status.
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2

ZERO_TEXT = QColor("#8a929c")
# Units whose figures include others': shown in bold.
COMMAND_KINDS = frozenset({"polda", "polres", "polresta", "satgas", "korem"})


class Column(IntEnum):
    """What a column shows. TPS and INCIDENTS repeat once per category / severity."""

    UNIT = 0
    STATUS = 1
    AVAILABLE = 2
    REQUIRED = 3
    BALANCE = 4
    TPS = 5
    INCIDENTS = 6
    CHANGED = 7
    READINESS = 8  # issue 15: the unit's overall readiness (its worst aspect)
    UNRATED = 9  # issue 18: TPS not yet rated (the KPU's list), after the category columns


_STRENGTH = frozenset({Column.AVAILABLE, Column.REQUIRED, Column.BALANCE})
_FIGURES = _STRENGTH | {Column.TPS, Column.UNRATED, Column.INCIDENTS}
_SERVED_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        SORT_ROLE,
        UNIT_ID_ROLE,
        SEARCH_ROLE,
    }
)


_tr = translator("UnitsModel")


@dataclass(frozen=True, slots=True)
class ColumnLayout:
    """Column number -> (kind, position within the kind)."""

    categories: tuple[RefItem, ...] = ()
    severities: tuple[RefItem, ...] = ()

    def columns(self) -> list[tuple[Column, int]]:
        return _columns(len(self.categories), len(self.severities))

    def count(self) -> int:
        return 8 + len(self.categories) + len(self.severities)

    def first(self, kind: Column) -> int:
        """The column number of the first column of ``kind``."""
        return next(i for i, (k, _) in enumerate(self.columns()) if k is kind)


@functools.cache
def _layout(categories: int, severities: int) -> list[tuple[Column, int]]:
    # Called for every cell painted: built once per shape.
    out: list[tuple[Column, int]] = [
        (Column.UNIT, 0),
        (Column.STATUS, 0),
        (Column.AVAILABLE, 0),
        (Column.REQUIRED, 0),
        (Column.BALANCE, 0),
        (Column.READINESS, 0),
    ]
    out += [(Column.TPS, i) for i in range(categories)]
    out.append((Column.UNRATED, 0))
    out += [(Column.INCIDENTS, i) for i in range(severities)]
    out.append((Column.CHANGED, 0))
    return out


def _columns(categories: int, severities: int) -> list[tuple[Column, int]]:
    return _layout(categories, severities)


def _two_lines(name: str) -> str:
    """ "Kurang rawan" -> "Kurang\nrawan": narrow figure columns keep the whole name."""
    return name.replace(" ", "\n", 1)


def _sibling_key(r: UnitRow) -> tuple[int, int, str, int]:
    # The same order as opscenter.board.board_order, for inserting one unit in place.
    trees = {"territorial": 0, "satgas": 1, "partner": 2}
    kinds = {k: i for i, k in enumerate(("polda", "polresta", "polres", "polsek", "brimob"))}
    return (trees.get(r.tree, 9), kinds.get(r.kind, 9), r.name.casefold(), r.id)


class CellText:
    """What each cell shows: shared by the tree and the flat model."""

    def __init__(self, clock: Callable[[], datetime] = operation_now) -> None:
        self.layout = ColumnLayout()
        self.timezone = DEFAULT_TIMEZONE
        self.locale = QLocale()
        self.clock = clock
        self.bold = QFont()
        self.bold.setBold(True)
        self.layout_statuses: tuple[RefItem, ...] = ()
        self.figures_loaded = True
        # The wall heads incident columns with the severity alone ("Kritis"): its summary
        # above says "Kejadian terbuka", and the room saved goes to the units' names.
        self.short_incident_headers = False
        # unit id -> its overall readiness level (None: no level yet); units not judged
        # (Polsek, partners) are absent and show nothing (``ui.readiness_column``).
        self.readiness: dict[int, str | None] = {}

    def header(self, section: int, role: int) -> Any:
        cols = self.layout.columns()
        if not 0 <= section < len(cols):
            return None
        kind, pos = cols[section]
        right = kind not in (Column.UNIT, Column.STATUS, Column.CHANGED, Column.READINESS)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            h = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
            return int(h | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        tip = role == Qt.ItemDataRole.ToolTipRole
        match kind:
            case Column.UNIT:
                return _tr("Satuan dan jajarannya") if tip else _tr("Satuan")
            case Column.STATUS:
                return _tr("Status satuan; alasan ada di keterangan") if tip else _tr("Status")
            case Column.AVAILABLE:
                return (
                    _tr("Personel Polri aktif, ditambah BKO masuk, dikurangi BKO keluar")
                    if tip
                    else _tr("Kekuatan")
                )
            case Column.REQUIRED:
                return (
                    _tr("Personel Polri yang dibutuhkan menurut pola pengamanan TPS")
                    if tip
                    else _tr("Kebutuhan")
                )
            case Column.BALANCE:
                return (
                    _tr("Kekuatan dikurangi kebutuhan: negatif (merah) berarti kurang personel")
                    if tip
                    else _tr("Selisih")
                )
            case Column.TPS:
                cat = self.layout.categories[pos]
                if tip:
                    return _tr("TPS kategori {name} yang diamankan").format(name=cat.name)
                return _tr("TPS\n{name}").format(name=_two_lines(cat.name))
            case Column.UNRATED:
                if tip:
                    return _tr(
                        "TPS yang belum dinilai kerawanannya; dihitung dengan pola pengamanan "
                        "paling ketat sampai dinilai"
                    )
                return _tr("TPS\nbelum dinilai")
            case Column.INCIDENTS:
                sev = self.layout.severities[pos]
                if tip:
                    return _tr("Kejadian terbuka dengan keparahan {name}").format(name=sev.name)
                if self.short_incident_headers:
                    return sev.name
                return _tr("Kejadian\n{name}").format(name=sev.name)
            case Column.READINESS:
                return (
                    _tr("Kesiapan operasi: aspek terburuk satuan (rinciannya di tab Kesiapan)")
                    if tip
                    else _tr("Kesiapan")
                )
            case Column.CHANGED:
                return (
                    _tr("Kapan dan oleh siapa status terakhir diubah")
                    if tip
                    else _tr("Perubahan\nterakhir ({zone})").format(zone=self.zone())
                )

    def value(self, row: UnitRow, section: int) -> str | int | None:
        kind, pos = self.layout.columns()[section]
        f: Figures = row.figures
        match kind:
            case Column.UNIT:
                return row.name
            case Column.STATUS:
                return row.status_name or ""
            case Column.AVAILABLE:
                return f.police_available
            case Column.REQUIRED:
                return f.police_required
            case Column.BALANCE:
                return f.balance
            case Column.TPS:
                return f.tps[pos] if pos < len(f.tps) else 0
            case Column.UNRATED:
                return f.unrated
            case Column.INCIDENTS:
                return f.incidents[pos] if pos < len(f.incidents) else 0
            case Column.CHANGED | Column.READINESS:
                return None

    def when(self, at: datetime | None) -> str:
        if at is None:
            return ""
        zone = ZoneInfo(self.timezone)
        local = at.astimezone(zone)
        today = self.clock().astimezone(zone).date()
        # The zone is named once, in the column header: the cells stay narrow.
        return local.strftime("%H:%M" if local.date() == today else "%d/%m %H:%M")

    def zone(self) -> str:
        return zone_label(self.timezone)

    def data(self, row: UnitRow, section: int, role: int) -> Any:
        if role not in _SERVED_ROLES:
            return None  # decoration, check state, size hint...: asked for every cell painted
        cols = self.layout.columns()
        if not 0 <= section < len(cols):
            return None
        kind, pos = cols[section]
        if role == UNIT_ID_ROLE:
            return row.id
        if role == SEARCH_ROLE:
            return f"{row.name} {row.code} {row.status_name or ''}".casefold()
        if kind is Column.CHANGED:
            return self._changed(row, role)
        if kind is Column.STATUS:
            return self._status(row, role)
        if kind is Column.READINESS:
            return self._readiness(row, role)
        value = self.value(row, section)
        if kind in _FIGURES and not self.figures_loaded:
            return self._pending(role)
        if kind in _STRENGTH and not (row.figures.police_required or row.figures.police_available):
            return self._no_strength(role)
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(value, int):
                return (
                    signed(value, self.locale)
                    if kind is Column.BALANCE
                    else self.locale.toString(value)
                )
            return value
        if role == SORT_ROLE:
            return value.casefold() if isinstance(value, str) else value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            h = Qt.AlignmentFlag.AlignLeft if kind is Column.UNIT else Qt.AlignmentFlag.AlignRight
            return int(h | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole:
            if kind is Column.BALANCE or row.kind in COMMAND_KINDS:
                return self.bold
            return None
        balance = row.figures.balance
        if kind is Column.BALANCE and balance < 0:
            if role == Qt.ItemDataRole.BackgroundRole:
                return _brush(theme.cell_background(DEFICIT_BACKGROUND).name())
            if role == Qt.ItemDataRole.ForegroundRole:
                return _brush(theme.cell_text(DEFICIT_BACKGROUND).name())
        if kind is Column.BALANCE and role == Qt.ItemDataRole.ToolTipRole:
            if balance < 0:
                return _tr("Kurang {n} personel").format(n=self.locale.toString(-balance))
            if balance > 0:
                return _tr("Lebih {n} personel").format(n=self.locale.toString(balance))
            return _tr("Kekuatan sama dengan kebutuhan")
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and value == 0
            and kind
            in (
                Column.TPS,
                Column.INCIDENTS,
            )
        ):
            return _brush(
                theme.text_colour(ZERO_TEXT).name()
            )  # a quiet zero lets the counts that matter stand out
        if kind is Column.INCIDENTS and value:
            if role == Qt.ItemDataRole.ForegroundRole:
                return _brush(theme.text_colour(QColor(self.layout.severities[pos].colour)).name())
            if role == Qt.ItemDataRole.FontRole:
                return self.bold
        return None

    def _readiness(self, row: UnitRow, role: int) -> Any:
        if row.id not in self.readiness:
            return "" if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE) else None
        level = self.readiness[row.id]
        if role == Qt.ItemDataRole.DisplayRole:
            return short_level(level)
        if role == SORT_ROLE:
            return SEVERITY[level] if level is not None else -1
        if role == Qt.ItemDataRole.ToolTipRole:
            return full_level(level)
        return level_look(level, role)

    def _pending(self, role: int) -> Any:
        """Figures still being computed (a large operation's first load): an ellipsis."""
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tr("Sedang dihitung…")
        return _no_figure(role, "\u2026", sort=None)

    def _no_strength(self, role: int) -> Any:
        """A unit with neither police nor requirement (partner forces): a dash, not zeros."""
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tr("Tidak ada personel Polri maupun kebutuhan pengamanan TPS")
        return _no_figure(role, "\u2013", sort=0)

    def _status(self, row: UnitRow, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return row.status_name or _tr("(belum ada)")
        if role == SORT_ROLE:
            ordinal = {s.id: i for i, s in enumerate(self.layout_statuses)}
            return ordinal.get(row.status_id or -1, 99)
        if role == Qt.ItemDataRole.BackgroundRole and row.status_colour:
            return _brush(theme.cell_background(QColor(row.status_colour)).name())
        if role == Qt.ItemDataRole.ForegroundRole and row.status_colour:
            return _brush(theme.cell_text(QColor(row.status_colour)).name())
        if role == Qt.ItemDataRole.FontRole:
            return self.bold
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [row.status_name or _tr("(belum ada)")]
            if row.status_reason:
                lines.append(_tr("Alasan: {reason}").format(reason=row.status_reason))
            if row.status_changed_at:
                lines.append(
                    _tr("Diubah {when} {zone} oleh {who}").format(
                        when=self.when(row.status_changed_at),
                        zone=self.zone(),
                        who=row.status_changed_by or "?",
                    )
                )
            return "\n".join(lines)
        return None

    def _changed(self, row: UnitRow, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if row.status_changed_at is None:
                return ""
            return _tr("{when} · {who}").format(
                when=self.when(row.status_changed_at), who=row.status_changed_by or "?"
            )
        if role == SORT_ROLE:
            return row.status_changed_at.timestamp() if row.status_changed_at else 0.0
        if role == Qt.ItemDataRole.ToolTipRole and row.status_reason:
            return _tr("Alasan: {reason}").format(reason=row.status_reason)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None


@functools.cache
def _brush(colour: str) -> QBrush:
    # A handful of colours, painted thousands of times: one brush each.
    return QBrush(QColor(colour))


def _no_figure(role: int, mark: str, *, sort: int | None) -> Any:
    """A figure cell with no figure to show: a quiet mark where the number would stand
    (the caller says why in the tooltip)."""
    if role == Qt.ItemDataRole.DisplayRole:
        return mark
    if role == SORT_ROLE:
        return sort
    if role == Qt.ItemDataRole.ForegroundRole:
        return _brush(theme.text_colour(ZERO_TEXT).name())
    if role == Qt.ItemDataRole.TextAlignmentRole:
        return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return None


# ------------------------------------------------------------------------------------------


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
        if row is None:
            return False
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
