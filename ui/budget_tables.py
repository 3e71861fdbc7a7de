"""The tables of the budget dialog (``ui.budget_dialog``) and how its amounts are typed.

- ``parse_rupiah``: whole rupiah as typed ("25.000.000", "25000000"), never a float;
  ``parse_index``: a daily index cell ("150.000 x 5": rupiah per person per day x days).
- ``index_text`` and ``allocation_name``: an index cell and an allocation as the dialog
  names them in its sentences.
- ``AllocationsModel``: a unit's own allocations (pagu per source); ``PaymentsModel``: the
  payments from one; ``IndexModel``: the operation's daily index, one row per stage (an
  ``IndexRow``) and one column per component, then the unit's personnel and need.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from opscenter.errors import InvalidValue
from opscenter.readiness.budget_figures import Allocation, IndexEntry, Realisation
from opscenter.readiness.budget_text import rupiah_text, source_name
from ui.form_parts import day_text
from ui.form_tables import show_rows
from ui.table_model import AnyIndex, TableModel
from ui.translations import translator

# "25.000.000", "25000000", "Rp 25.000.000", "25 000 000": whole rupiah.
_GROUPED = re.compile(r"\d{1,3}(\.\d{3})+|\d+")
# An index cell as typed: "150.000 x 5", "150000×5", "150.000 * 5" (the days optional).
_TIMES = re.compile(r"\s*[x\u00d7*]\s*", re.IGNORECASE)


_tr = translator("BudgetDialog")  # the dialog's context: its translations stay


def parse_rupiah(text: str, field: str = "amount") -> int:
    """Whole rupiah as typed: "25.000.000" (dots between thousands), "25000000", with or
    without "Rp" and spaces. Anything else (a decimal comma, letters) is refused in the
    core's sentence for a ``field`` that is not a whole number."""
    plain = text.strip().removeprefix("Rp").removeprefix("rp").replace(" ", "")
    if not _GROUPED.fullmatch(plain):
        raise InvalidValue(field=field, value=text.strip(), reason="not_whole_number")
    return int(plain.replace(".", ""))


def typed_rupiah(amount: int) -> str:
    """An amount as ``parse_rupiah`` reads it back: "25.000.000"."""
    return rupiah_text(amount, "id").removeprefix("Rp")


def parse_index(text: str, days: int | None) -> tuple[int, int] | None:
    """An index cell as typed: (rupiah per person per day, days), or None for an emptied
    cell (the index row goes). Without "x days" the cell keeps ``days`` (its own, or its
    stage's); with none known, the days are asked for in the core's sentence."""
    if not text.strip():
        return None
    parts = _TIMES.split(text.strip())
    if len(parts) > 2:
        raise InvalidValue(field="daily_rupiah", value=text.strip(), reason="not_whole_number")
    daily = parse_rupiah(parts[0], "daily_rupiah")
    if len(parts) == 2:
        if not parts[1].isdigit():
            raise InvalidValue(field="days", value=parts[1], reason="not_whole_number")
        return daily, int(parts[1])
    if days is None:
        raise InvalidValue(field="days", value="", reason="required")
    return daily, days


def index_text(entry: IndexEntry, lang: str) -> str:
    """ "Rp150.000 × 5" (rupiah per person per day, days paid)."""
    return f"{rupiah_text(entry.daily_rupiah, lang)} \u00d7 {entry.days}"


def allocation_name(a: Allocation, lang: str) -> str:
    """ "DIPA 042", "hibah daerah NPHD 900/…": "DIPA 2024" already names its source."""
    source = source_name(a.source, lang)
    reference = a.reference or ""
    named = reference.casefold().startswith(source.casefold())
    return reference if named else f"{source} {reference}".strip()


@dataclass(frozen=True, slots=True)
class IndexRow:
    """One stage of the index: the entry of each component (in the components' order, None
    where the component is not paid in that stage), the unit's personnel in the stage (None:
    not counted, the stage has no index) and the need they give."""

    stage_id: int
    stage_name: str
    stage_days: int | None  # the stage's length from its dates, when both are known
    cells: tuple[IndexEntry | None, ...]
    personnel: int | None
    need: int

    def days(self) -> int | None:
        """The days a new cell of this stage is paid for: its other cells' (when they
        agree), else the stage's length."""
        known = {c.days for c in self.cells if c is not None}
        return known.pop() if len(known) == 1 else self.stage_days


# --- the tables ------------------------------------------------------------------------------


class AllocationColumn(IntEnum):
    SOURCE = 0
    REFERENCE = 1
    SIGNED = 2
    PAGU = 3
    REALISED = 4
    LEFT = 5


class AllocationsModel(TableModel[Allocation]):
    columns = AllocationColumn
    align_headers = True

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(key=lambda a: a.id, parent=parent)
        self.lang = lang

    def headers(self) -> Sequence[tuple[str, str]]:
        return (
            (_tr("Sumber"), ""),
            (_tr("Nomor"), _tr("Nomor DIPA atau NPHD")),
            (_tr("Tanggal"), _tr("Tanggal NPHD ditandatangani")),
            (_tr("Pagu"), ""),
            (_tr("Realisasi"), ""),
            (_tr("Sisa"), _tr("Pagu dikurangi realisasi")),
        )

    def is_text(self, column: int) -> bool:
        return column <= AllocationColumn.SIGNED

    def value(self, row: Allocation, column: int) -> str | int:
        if column == AllocationColumn.SOURCE:
            return source_name(row.source, self.lang)
        if column == AllocationColumn.REFERENCE:
            return row.reference or ""
        if column == AllocationColumn.SIGNED:
            return day_text(self._locale, row.signed_on) if row.signed_on else ""
        amount = {
            AllocationColumn.PAGU: row.pagu,
            AllocationColumn.REALISED: row.realised,
            AllocationColumn.LEFT: row.pagu - row.realised,
        }[AllocationColumn(column)]
        return rupiah_text(amount, self.lang)

    def extra(self, row: Allocation, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and row.note:
            return row.note
        return None


class PaymentColumn(IntEnum):
    DATE = 0
    AMOUNT = 1
    DESCRIPTION = 2


class PaymentsModel(TableModel[Realisation]):
    columns = PaymentColumn

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(key=lambda r: r.id, parent=parent)
        self.lang = lang

    def headers(self) -> Sequence[tuple[str, str]]:
        return ((_tr("Tanggal"), ""), (_tr("Jumlah"), ""), (_tr("Uraian"), ""))

    def is_text(self, column: int) -> bool:
        return column != PaymentColumn.AMOUNT

    def value(self, row: Realisation, column: int) -> str | int:
        if column == PaymentColumn.DATE:
            return day_text(self._locale, row.paid_on)
        if column == PaymentColumn.AMOUNT:
            return rupiah_text(row.amount, self.lang)
        return row.description

    def extra(self, row: Realisation, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == PaymentColumn.DESCRIPTION:
            return row.description
        return None


class IndexColumn(IntEnum):
    """Fixed columns; the components are data and follow STAGE as 1..n, then the unit's
    personnel and need."""

    STAGE = 0
    FIRST_COMPONENT = 1


class IndexModel(TableModel[IndexRow]):
    """The daily index, stages by components (see the module docstring). A typed cell is
    asked for (``edit_requested(row, component_id, text)``), never taken into the rows here:
    the dialog saves it and reads the table again."""

    columns = IndexColumn
    align_headers = True
    edit_requested = Signal(object, int, str)

    def __init__(self, lang: str, parent: QObject | None = None) -> None:
        super().__init__(key=lambda r: r.stage_id, parent=parent)
        self.lang = lang
        self.components: tuple[tuple[int, str], ...] = ()

    def set_index(self, components: tuple[tuple[int, str], ...], rows: Sequence[IndexRow]) -> None:
        """New components (columns) reset the table; otherwise rows change in place."""
        if components != self.components:
            self.components = components
            self.reset_rows(rows)
        else:
            show_rows(self, rows)

    def personnel_column(self) -> int:
        return IndexColumn.FIRST_COMPONENT + len(self.components)

    def need_column(self) -> int:
        return self.personnel_column() + 1

    def component_at(self, column: int) -> int | None:
        """The component id of ``column`` (None: not a component's column)."""
        c = column - IndexColumn.FIRST_COMPONENT
        return self.components[c][0] if 0 <= c < len(self.components) else None

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.components) + 3

    def headers(self) -> Sequence[tuple[str, str]]:
        tip = _tr("Rupiah per orang per hari \u00d7 hari dibayar")
        return (
            (_tr("Tahapan"), ""),
            *((name, tip) for _, name in self.components),
            (_tr("Personel"), _tr("Personel satuan ini pada tahapan, dengan bawahannya")),
            (_tr("Kebutuhan"), _tr("Personel \u00d7 hari \u00d7 indeks, semua komponen")),
        )

    def is_text(self, column: int) -> bool:
        return column == IndexColumn.STAGE

    def entry(self, row: IndexRow, column: int) -> IndexEntry | None:
        c = column - IndexColumn.FIRST_COMPONENT
        return row.cells[c] if 0 <= c < len(row.cells) else None

    def value(self, row: IndexRow, column: int) -> str | int:
        if column == IndexColumn.STAGE:
            return row.stage_name
        if column == self.personnel_column():
            return "\u2014" if row.personnel is None else row.personnel
        if column == self.need_column():
            return rupiah_text(row.need, self.lang) if row.need else ""
        found = self.entry(row, column)
        return index_text(found, self.lang) if found is not None else ""

    def extra(self, row: IndexRow, column: int, role: int) -> Any:
        component = self.component_at(column)
        if component is None:
            unknown = column == self.personnel_column() and row.personnel is None
            if unknown and role == Qt.ItemDataRole.ToolTipRole:
                return _tr("Dihitung bila tahapan ini punya indeks")
            return None
        found = self.entry(row, column)
        if role == Qt.ItemDataRole.EditRole:
            if found is None:
                return ""
            return f"{typed_rupiah(found.daily_rupiah)} x {found.days}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if found is None:
                return _tr("Tidak dibayar pada tahapan ini: ketik mis. 150.000 x 5")
            return _tr("{daily} per orang per hari selama {days} hari").format(
                daily=rupiah_text(found.daily_rupiah, self.lang), days=found.days
            )
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if self.component_at(index.column()) is not None:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row_at(index.row()) if index.isValid() else None
        component = self.component_at(index.column())
        if row is None or component is None or role != Qt.ItemDataRole.EditRole:
            return False
        text = str(value or "").strip()
        if text == str(self.extra(row, index.column(), Qt.ItemDataRole.EditRole)):
            return False  # left as it was
        self.edit_requested.emit(row, component, text)
        return False  # stored through the core, then read again
