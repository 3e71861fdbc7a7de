"""What the visits dialog (``ui.visits_dialog``) reads and shows: one unit's visits with
their findings, the readiness aspects and the operation's local date (``read_visits``), the
list of visits (``VisitsModel``, newest first, a visit with an overdue follow-up in red) and
the findings of the chosen one (``FindingsModel``, an overdue follow-up in red with "lewat
tenggat"), and a row's value as the forms type it (``visit_value_of``, ``finding_value_of``,
compared by ``same_value``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import astuple, dataclass
from datetime import date, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from opscenter.model import Operation, ReadinessAspect
from opscenter.operations import local_today
from opscenter.readiness import visits
from opscenter.readiness.visits import FindingRow, FindingValue, VisitRow, VisitValue
from opscenter.reference import items, label
from opscenter.store import Store
from ui import theme
from ui.form_parts import day_text
from ui.readiness_evidence import kind_names, status_names
from ui.table_model import TableModel
from ui.translations import translator

_tr = translator("VisitsDialog")  # the dialog's context: its translations stay


def visit_value_of(row: VisitRow) -> VisitValue:
    return VisitValue(row.unit_id, row.visited_on, row.kind, row.led_by, row.team, row.checked)


def finding_value_of(row: FindingRow) -> FindingValue:
    return FindingValue(row.aspect_id, row.finding, row.advice, row.person_in_charge, row.due_on)


def same_value(a: VisitValue | FindingValue, b: VisitValue | FindingValue) -> bool:
    """Whether two values say the same, as the core would store them (text trimmed, an
    empty text none)."""

    def plain(v: VisitValue | FindingValue) -> tuple[object, ...]:
        return tuple((x or "").strip() if isinstance(x, str) or x is None else x
                     for x in astuple(v))  # fmt: skip

    return type(a) is type(b) and plain(a) == plain(b)


# --- what the dialog reads -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VisitsRead:
    unit_id: int
    today: date
    aspects: tuple[tuple[int, str], ...]
    visits: tuple[VisitRow, ...]


def read_visits(
    store: Store, operation_id: int, unit_id: int, now: datetime, lang: str
) -> VisitsRead:
    """One unit's visits with their findings, the aspects, and the operation's local date."""
    with store.read() as s:
        op = s.get_one(Operation, operation_id)
        aspects = tuple(
            (a.id, label(a.name, a.name_en, lang)) for a in items(s, ReadinessAspect, op.id)
        )
        rows = visits.visits(s, operation_id, unit_id, lang)
        return VisitsRead(unit_id, local_today(op, now), aspects, rows)


# --- the tables ------------------------------------------------------------------------------


class VisitColumn(IntEnum):
    DATE = 0
    KIND = 1
    LED_BY = 2
    TEAM = 3
    FINDINGS = 4


class VisitsModel(TableModel[VisitRow]):
    columns = VisitColumn

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(key=lambda v: v.id, parent=parent)
        self.today = date.min

    def headers(self) -> Sequence[tuple[str, str]]:
        return (
            (_tr("Tanggal"), ""),
            (_tr("Jenis"), ""),
            (_tr("Dipimpin"), ""),
            (_tr("Tim"), ""),
            (_tr("Temuan"), _tr("Temuan: semua · terbuka · lewat tenggat")),
        )

    def is_text(self, column: int) -> bool:
        return True

    def value(self, row: VisitRow, column: int) -> str | int:
        if column == VisitColumn.DATE:
            return day_text(self._locale, row.visited_on)
        if column == VisitColumn.KIND:
            return kind_names().get(row.kind, row.kind)
        if column == VisitColumn.LED_BY:
            return row.led_by or ""
        if column == VisitColumn.TEAM:
            return row.team or ""
        open_ = sum(f.is_open for f in row.findings)
        late = sum(f.overdue(self.today) for f in row.findings)
        text = _tr("{n} · {open} terbuka").format(n=len(row.findings), open=open_)
        return text + (_tr(" · {late} lewat tenggat").format(late=late) if late else "")

    def extra(self, row: VisitRow, column: int, role: int) -> Any:
        late = any(f.overdue(self.today) for f in row.findings)
        if late and column == VisitColumn.FINDINGS:
            if role == Qt.ItemDataRole.ForegroundRole:
                return theme.DEFICIT
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and column == VisitColumn.TEAM and row.checked:
            return _tr("Diperiksa: {what}").format(what=row.checked)
        return None


class FindingColumn(IntEnum):
    ASPECT = 0
    FINDING = 1
    ADVICE = 2
    PERSON = 3
    DUE = 4
    STATUS = 5


class FindingsModel(TableModel[FindingRow]):
    columns = FindingColumn

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(key=lambda f: f.id, parent=parent)
        self.today = date.min

    def headers(self) -> Sequence[tuple[str, str]]:
        return (
            (_tr("Aspek"), ""),
            (_tr("Uraian temuan"), ""),
            (_tr("Saran"), ""),
            (_tr("Penanggung\njawab"), ""),
            (_tr("Tenggat"), ""),
            (_tr("Tindak lanjut"), ""),
        )

    def is_text(self, column: int) -> bool:
        return True

    def value(self, row: FindingRow, column: int) -> str | int:
        if column == FindingColumn.ASPECT:
            return row.aspect_name
        if column == FindingColumn.FINDING:
            return row.finding
        if column == FindingColumn.ADVICE:
            return row.advice or ""
        if column == FindingColumn.PERSON:
            return row.person_in_charge or ""
        if column == FindingColumn.DUE:
            return day_text(self._locale, row.due_on) if row.due_on else ""
        status = status_names().get(row.status, row.status)
        if row.overdue(self.today):
            return "\u26a0 " + status + _tr(" · lewat tenggat")
        return status

    def extra(self, row: FindingRow, column: int, role: int) -> Any:
        if row.overdue(self.today):
            if role == Qt.ItemDataRole.ForegroundRole:
                return theme.DEFICIT
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (FindingColumn.ASPECT, FindingColumn.FINDING, FindingColumn.ADVICE):
                return str(self.value(row, column)) or None
            if column == FindingColumn.STATUS and row.closing_note:
                return _tr("Catatan penutupan: {note}").format(note=row.closing_note)
        return None
