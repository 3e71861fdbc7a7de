"""The one base of the flat table models: columns, headers, data by role, keyed rows.

A model declares its columns as an ``IntEnum`` and its headers as (label, tooltip) pairs
in Indonesian through its module's own ``_tr`` (so the translation contexts stay). Rows
are held in a list; where a key is given, ``row_of(key)`` finds a row and ``set_rows``
updates precisely (``ui.keyed_rows``: only dataChanged / rowsInserted / rowsRemoved for
what changed, never a reset), so views keep selection and scroll position. A new query
is the one full reset (``reset_rows``).

``data`` checks the index and hands (row, column, role) to ``cell``. Its default serves
figure tables: ``value`` gives the display text (numbers in the locale) and the sort
value, ``is_text`` the alignment, ``extra`` every other role. Models whose cells are
not figures override ``cell`` whole; a coloured cell is ``painted`` (its background and
the text that reads on it, in the theme being worn).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from enum import IntEnum
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from opscenter.operations import DEFAULT_TIMEZONE, zone_label
from ui import theme
from ui.keyed_rows import runs, sync_keyed_rows

AnyIndex = QModelIndex | QPersistentModelIndex

# Raw values for QSortFilterProxyModel: display strings would sort "10" before "9".
SORT_ROLE = Qt.ItemDataRole.UserRole

R = TypeVar("R")


def alignment(text: bool) -> int:
    """Text to the left, figures to the right, both centred in the row's height."""
    horizontal = Qt.AlignmentFlag.AlignLeft if text else Qt.AlignmentFlag.AlignRight
    return int(horizontal | Qt.AlignmentFlag.AlignVCenter)


# The roles of a painted cell (``painted``).
PAINT_ROLES = (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole)


def painted(colour: QColor, role: int) -> QBrush | None:
    """A cell painted ``colour`` in the theme being worn: its background, and text that
    reads on it (the roles not in ``PAINT_ROLES``: None)."""
    if role == Qt.ItemDataRole.BackgroundRole:
        return QBrush(theme.cell_background(colour))
    if role == Qt.ItemDataRole.ForegroundRole:
        return QBrush(theme.cell_text(colour))
    return None


class TableModel(QAbstractTableModel, Generic[R]):
    """Rows of ``R`` under the columns of ``columns``; keyed by ``key`` when one is given."""

    columns: ClassVar[type[IntEnum]]
    # Figure tables align their headers like their cells; the others leave it to the style.
    align_headers: ClassVar[bool] = False

    def __init__(
        self, key: Callable[[R], Hashable] | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._rows: list[R] = []
        self._row_key = key
        self._row_of: dict[Hashable, int] = {}
        self._locale = QLocale()
        self._bold = QFont()
        self._bold.setBold(True)
        self._zone = zone_label(DEFAULT_TIMEZONE)

    # -- the rows -----------------------------------------------------------------------------

    def rows(self) -> tuple[R, ...]:
        return tuple(self._rows)

    def row(self, i: int) -> R:
        return self._rows[i]

    def row_at(self, i: int) -> R | None:
        """The row at ``i``, or None past either end (a selection that has just gone)."""
        return self._rows[i] if 0 <= i < len(self._rows) else None

    def row_of(self, key: Hashable) -> int | None:
        """The position of the row with ``key`` (keyed models only)."""
        return self._row_of.get(key)

    def find(self, key: Hashable) -> R | None:
        i = self._row_of.get(key)
        return None if i is None else self._rows[i]

    def _reindex(self, start: int = 0) -> None:
        """Refresh ``row_of`` for the rows from ``start`` on (the keys before it kept their
        places)."""
        if self._row_key is None:
            return
        if start == 0:
            self._row_of = {}
        key, rows, row_of = self._row_key, self._rows, self._row_of
        for i in range(start, len(rows)):
            row_of[key(rows[i])] = i

    # -- updating -----------------------------------------------------------------------------

    def reset_rows(self, rows: Iterable[R]) -> None:
        """A new query: the one full reset."""
        self.beginResetModel()
        self._rows = list(rows)
        self._reindex()
        self.endResetModel()

    def set_rows(self, rows: Sequence[R]) -> None:
        """Show ``rows`` in their order, matched by key, telling views only what changed."""
        assert self._row_key is not None, "precise updates need a key"
        sync_keyed_rows(self, self._rows, rows, self._row_key, self.columnCount())
        self._reindex()

    def insert_rows(self, at: int, rows: Sequence[R]) -> None:
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), at, at + len(rows) - 1)
        self._rows[at:at] = rows
        self._reindex(at)
        self.endInsertRows()

    def append_rows(self, rows: Sequence[R]) -> None:
        self.insert_rows(len(self._rows), rows)

    def remove_rows(self, indices: Iterable[int]) -> None:
        """Remove the rows at ``indices``, a run of neighbours at a time."""
        for first, last in reversed(runs(indices)):
            self.beginRemoveRows(QModelIndex(), first, last)
            if self._row_key is not None:
                for r in self._rows[first : last + 1]:
                    self._row_of.pop(self._row_key(r), None)
            del self._rows[first : last + 1]
            self._reindex(first)
            self.endRemoveRows()

    def replace_row(self, i: int, row: R) -> None:
        """Put ``row`` (same key) at ``i`` and repaint that row if it differs."""
        if self._rows[i] != row:
            self._rows[i] = row
            self.rows_changed([i])

    def put(self, row: R) -> None:
        """Insert or update one row by key; a new one goes where ``position`` says."""
        assert self._row_key is not None, "put needs a key"
        i = self._row_of.get(self._row_key(row))
        if i is not None:
            self.replace_row(i, row)
        else:
            self.insert_rows(self.position(row), [row])

    def position(self, row: R) -> int:
        """Where ``put`` inserts a new row: at the end unless the model keeps an order."""
        return len(self._rows)

    def rows_changed(self, indices: Iterable[int], roles: Sequence[int] = ()) -> None:
        """Tell views the rows at ``indices`` changed (a run of neighbours per signal)."""
        last_column = self.columnCount() - 1
        for first, last in runs(indices):
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_column), roles)

    def set_locale(self, locale: QLocale) -> None:
        """Number formatting ("1.234" in Indonesian); views repaint if it changed."""
        if locale == self._locale:
            return
        self._locale = locale
        self.rows_changed(range(len(self._rows)), [Qt.ItemDataRole.DisplayRole])

    # -- the headers --------------------------------------------------------------------------

    @property
    def zone(self) -> str:
        """The operation's zone label (WIB, WITA, WIT), for headers that name it."""
        return self._zone

    def set_timezone(self, timezone: str) -> None:
        """Name the operation's zone in the headers that carry it."""
        zone = zone_label(timezone)
        if zone != self._zone:
            self._zone = zone
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def headers(self) -> Sequence[tuple[str, str]]:
        """(label, tooltip) per column, in column order; an empty tooltip means none."""
        raise NotImplementedError

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        # Not super().headerData(): see NO_CHOICE in ui/choice_combo.py (PySide6 6.12 drops a
        # reference to None for each empty QVariant it returns; row headers are asked often).
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section][0]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.headers()[section][1] or None
        if role == Qt.ItemDataRole.TextAlignmentRole and self.align_headers:
            return alignment(self.is_text(section))
        return None

    # -- Qt -----------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Asked for every cell painted and every row sorted: the checks stay cheap (a table
        # index never has a valid parent, so that is not asked).
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= column < self.columnCount()):
            return None
        return self.cell(self._rows[row], column, role)

    # -- cells (the default serves figure tables) -----------------------------------------------

    def cell(self, row: R, column: int, role: int) -> Any:
        """What ``data`` answers for ``row`` in ``column`` and ``role``."""
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == SORT_ROLE:
            value = self.value(row, column)
            return value.casefold() if isinstance(value, str) else value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return alignment(self.is_text(column))
        return self.extra(row, column, role)

    def value(self, row: R, column: int) -> str | int:
        """The raw value: shown (numbers in the locale) and sorted on."""
        raise NotImplementedError

    def display(self, row: R, column: int) -> str:
        value = self.value(row, column)
        return value if isinstance(value, str) else self._locale.toString(value)

    def is_text(self, column: int) -> bool:
        return False

    def extra(self, row: R, column: int, role: int) -> Any:
        return None


class MatrixModel(TableModel[R]):
    """A matrix: a column of names, then one column per aspect (the aspects are data: the
    operation may rename or add them), then one that sums up the row's aspects. Its column
    enum names the fixed ones (``FIRST_ASPECT = 1``); no columns while no matrix is shown."""

    def aspect_count(self) -> int | None:
        """How many aspect columns; None while no matrix is shown."""
        raise NotImplementedError

    def last_column(self) -> int:
        """The column after the aspects."""
        return 1 + (self.aspect_count() or 0)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        count = self.aspect_count()
        return 0 if parent.isValid() or count is None else count + 2
