"""Table model of police strength per Polres: what the TPS need against who is there."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from opscenter.overview import UnitStrengthRow
from ui import theme
from ui.keyed_rows import sync_keyed_rows

AnyIndex = QModelIndex | QPersistentModelIndex

# Raw values for QSortFilterProxyModel: display strings would sort "10" before "9".
SORT_ROLE = Qt.ItemDataRole.UserRole

DEFICIT_BACKGROUND = QColor("#c62828")
SURPLUS_BACKGROUND = QColor("#2e7d32")


class Column(IntEnum):
    UNIT = 0
    TPS = 1
    REQUIRED = 2
    AVAILABLE = 3
    BKO_IN = 4
    BKO_OUT = 5
    BALANCE = 6


def _tr(text: str) -> str:
    return QCoreApplication.translate("StrengthModel", text)


# Function, not a constant: the labels must follow the translator installed at run time.
def _headers() -> dict[Column, tuple[str, str]]:
    """Column -> (label, tooltip). Long labels break in two so narrow screens keep the names."""
    return {
        Column.UNIT: (_tr("Satuan"), _tr("Polres/Polresta beserta Polsek jajarannya")),
        Column.TPS: (_tr("TPS"), _tr("Jumlah TPS yang diamankan satuan ini")),
        Column.REQUIRED: (
            _tr("Kebutuhan\nPolri"),
            _tr("Personel Polri yang dibutuhkan menurut pola pengamanan TPS"),
        ),
        Column.AVAILABLE: (
            _tr("Kekuatan"),
            _tr("Personel Polri aktif, ditambah BKO masuk, dikurangi BKO keluar"),
        ),
        Column.BKO_IN: (_tr("BKO\nmasuk"), _tr("Personel satuan lain yang di-BKO-kan ke sini")),
        Column.BKO_OUT: (_tr("BKO\nkeluar"), _tr("Personel satuan ini yang di-BKO-kan ke luar")),
        Column.BALANCE: (
            _tr("Selisih"),
            _tr("Kekuatan dikurangi kebutuhan: negatif berarti kurang personel"),
        ),
    }


def signed(value: int, locale: QLocale) -> str:
    """A balance with its sign, "+12" or "−4" (a true minus sign reads better at a distance)."""
    if value > 0:
        return "+" + locale.toString(value)
    if value < 0:
        return "\u2212" + locale.toString(-value)
    return locale.toString(0)


class StrengthModel(QAbstractTableModel):
    """One row per Polres-level unit, keyed by unit id; updates are precise, never a reset."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[UnitStrengthRow] = []
        self._locale = QLocale()
        self._bold = QFont()
        self._bold.setBold(True)

    # -- reading --------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(Column)

    def row(self, index: int) -> UnitStrengthRow:
        return self._rows[index]

    def rows(self) -> tuple[UnitStrengthRow, ...]:
        return tuple(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        if not (0 <= index.row() < len(self._rows) and 0 <= index.column() < len(Column)):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        value = _value(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(value, str):
                return value
            locale = self._locale
            return signed(value, locale) if column is Column.BALANCE else locale.toString(value)
        if role == SORT_ROLE:
            return value.casefold() if isinstance(value, str) else value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignLeft if column is Column.UNIT else Qt.AlignmentFlag.AlignRight
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if column is Column.BALANCE:
            return self._balance_role(row.balance, role)
        return None

    def _balance_role(self, balance: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and balance:
            colour = DEFICIT_BACKGROUND if balance < 0 else SURPLUS_BACKGROUND
            return QBrush(theme.cell_background(colour))
        if role == Qt.ItemDataRole.ForegroundRole and balance:
            return QBrush(
                theme.cell_text(DEFICIT_BACKGROUND if balance < 0 else SURPLUS_BACKGROUND)
            )
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            locale = self._locale
            if balance < 0:
                return _tr("Kurang {n} personel").format(n=locale.toString(-balance))
            if balance > 0:
                return _tr("Lebih {n} personel").format(n=locale.toString(balance))
            return _tr("Kekuatan sama dengan kebutuhan")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return super().headerData(section, orientation, role)
        column = Column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return _headers()[column][0]
        if role == Qt.ItemDataRole.ToolTipRole:
            return _headers()[column][1]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignLeft if column is Column.UNIT else Qt.AlignmentFlag.AlignRight
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None

    # -- updating -------------------------------------------------------------------------

    def set_locale(self, locale: QLocale) -> None:
        """Number formatting ("1.234" in Indonesian); views repaint if it changed."""
        if locale == self._locale:
            return
        self._locale = locale
        if self._rows:
            last = self.index(len(self._rows) - 1, len(Column) - 1)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.DisplayRole])

    def set_rows(self, rows: Sequence[UnitStrengthRow]) -> None:
        """Show ``rows`` (in their order), telling views only what changed.

        Rows are matched by unit id: gone units are removed, changed ones emit
        ``dataChanged``, new ones are inserted where they belong. Views keep their
        selection and scroll position.
        """
        sync_keyed_rows(self, self._rows, rows, lambda r: r.unit_id, len(Column))


def _value(row: UnitStrengthRow, column: Column) -> str | int:
    match column:
        case Column.UNIT:
            return row.name
        case Column.TPS:
            return row.tps_total
        case Column.REQUIRED:
            return row.police_required
        case Column.AVAILABLE:
            return row.police_available
        case Column.BKO_IN:
            return row.bko_in
        case Column.BKO_OUT:
            return row.bko_out
        case Column.BALANCE:
            return row.balance
