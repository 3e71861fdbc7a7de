"""Table model of police strength per Polres: what the TPS need against who is there."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QLocale, QObject, Qt
from PySide6.QtGui import QColor

from opscenter.overview import UnitStrengthRow
from ui.table_model import PAINT_ROLES, TableModel, painted
from ui.table_model import SORT_ROLE as SORT_ROLE
from ui.translations import translator

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


_tr = translator("StrengthModel")


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


class StrengthModel(TableModel[UnitStrengthRow]):
    """One row per Polres-level unit, keyed by unit id; updates are precise, never a reset
    (``set_rows``: gone units are removed, changed ones emit ``dataChanged``, new ones are
    inserted where they belong; views keep their selection and scroll position)."""

    columns = Column
    align_headers = True

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(lambda r: r.unit_id, parent)

    def headers(self) -> list[tuple[str, str]]:
        return [_headers()[c] for c in Column]

    def is_text(self, column: int) -> bool:
        return column == Column.UNIT

    def value(self, row: UnitStrengthRow, column: int) -> str | int:
        return _value(row, Column(column))

    def display(self, row: UnitStrengthRow, column: int) -> str:
        if column == Column.BALANCE:
            return signed(row.balance, self._locale)
        if column == Column.TPS and row.unrated:
            # Issue 18: TPS from the KPU's list not yet rated, in the same cell (sorting
            # stays by the whole count).
            return _tr("{tps} ({n} belum dinilai)").format(
                tps=self._locale.toString(row.tps_total), n=self._locale.toString(row.unrated)
            )
        return super().display(row, column)

    def extra(self, row: UnitStrengthRow, column: int, role: int) -> Any:
        if column == Column.TPS and row.unrated and role == Qt.ItemDataRole.ToolTipRole:
            return _tr(
                "{n} TPS belum dinilai kerawanannya; dihitung dengan pola pengamanan paling "
                "ketat sampai dinilai"
            ).format(n=self._locale.toString(row.unrated))
        return self._balance_role(row.balance, role) if column == Column.BALANCE else None

    def _balance_role(self, balance: int, role: int) -> Any:
        if role in PAINT_ROLES and balance:
            return painted(DEFICIT_BACKGROUND if balance < 0 else SURPLUS_BACKGROUND, role)
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
