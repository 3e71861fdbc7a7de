"""Qt models of the incident log: the incidents list, one incident's follow-ups, and a
checkable list of units (responding units).

The incidents model holds ``IncidentRow`` values keyed by incident id, newest first. A new
query resets it; a live change re-reads only the touched incidents and becomes
``dataChanged`` / ``rowsInserted`` / ``rowsRemoved`` / ``rowsMoved`` for exactly those rows.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Sequence
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from opscenter.incident_choices import Choice
from opscenter.incident_log import FollowUpRow, IncidentRow
from opscenter.operations import DEFAULT_TIMEZONE, local_text
from ui import theme
from ui.keyed_rows import runs as _runs
from ui.place_names import short_kecamatan, short_region
from ui.table_model import PAINT_ROLES, AnyIndex, TableModel, painted
from ui.table_model import SORT_ROLE as SORT_ROLE
from ui.translations import translator

ID_ROLE = Qt.ItemDataRole.UserRole + 1
CLOSED_INK = QColor("#5b6470")
NEW_BACKGROUND = theme.NEW_BG  # "Baru": not yet in hand, the eye should find it


_tr = translator("IncidentsModel")


def local_time(at: datetime) -> str:
    """ "27-11-2024 14:05 WIB": a time of the incident log as the whole app writes one
    (``opscenter.operations.local_text``), in the operation's zone the row was read in. The
    list, the detail pane, its follow-ups and the timeline all write it so."""
    return local_text(at, at.tzinfo or DEFAULT_TIMEZONE)


class Column(IntEnum):
    CODE = 0
    OCCURRED = 1
    SEVERITY = 2
    STATUS = 3
    TITLE = 4
    TYPE = 5
    REGION = 6
    CASUALTIES = 7
    UNITS = 8
    FOLLOW_UPS = 9


def _headers(zone: str) -> dict[Column, tuple[str, str]]:
    """The column titles; ``zone`` is the operation's label (WIB, WITA, WIT)."""
    return {
        Column.CODE: (_tr("No."), _tr("Nomor kejadian")),
        # Each time names its zone (``local_time``), as in the rest of the app.
        Column.OCCURRED: (
            _tr("Waktu"),
            _tr("Waktu kejadian, waktu operasi ({zone})").format(zone=zone),
        ),
        Column.SEVERITY: (_tr("Tingkat"), _tr("Tingkat keparahan")),
        Column.STATUS: (_tr("Status"), _tr("Baru, Ditangani atau Selesai")),
        Column.TYPE: (_tr("Jenis"), _tr("Jenis kejadian")),
        Column.TITLE: (_tr("Kejadian"), _tr("Judul kejadian")),
        Column.REGION: (_tr("Wilayah"), _tr("Kabupaten/kota dan kecamatan")),
        Column.CASUALTIES: (_tr("Korban"), _tr("Meninggal / luka")),
        Column.UNITS: (_tr("Satuan"), _tr("Satuan yang menangani")),
        Column.FOLLOW_UPS: (_tr("Tindak\nlanjut"), _tr("Jumlah catatan tindak lanjut")),
    }


def region_text(row: IncidentRow) -> str:
    """ "Kab. Kerinci · Gunung Kerinci": the kabupaten first, it is what the eye looks for."""
    return region_label(row.area_name, row.region_name)


def region_label(area_name: str, region_name: str) -> str:
    area = short_region(area_name)
    if region_name and region_name != area_name:
        return f"{area} · {short_kecamatan(region_name)}"
    return area or region_name


def _value(row: IncidentRow, column: Column) -> str | int | float:
    match column:
        case Column.CODE:
            return row.code
        case Column.OCCURRED:
            return local_time(row.occurred_local)
        case Column.SEVERITY:
            return row.severity_name
        case Column.STATUS:
            return row.status_name
        case Column.TYPE:
            return row.type_name
        case Column.TITLE:
            return row.title
        case Column.REGION:
            return region_text(row)
        case Column.CASUALTIES:
            if not (row.dead or row.injured):
                return ""
            return _tr("{d} MD / {i} LL").format(d=row.dead, i=row.injured)
        case Column.UNITS:
            return ", ".join(row.unit_names)
        case Column.FOLLOW_UPS:
            return row.follow_up_count


def _sort_value(row: IncidentRow, column: Column) -> str | int | float:
    match column:
        case Column.CODE:
            return row.number
        case Column.OCCURRED:
            return row.occurred_at.timestamp()
        case Column.SEVERITY:
            return row.severity_rank
        case Column.CASUALTIES:
            return row.dead * 1000 + row.injured
        case _:
            value = _value(row, column)
            return value.casefold() if isinstance(value, str) else value


class IncidentsModel(TableModel[IncidentRow]):
    """The incidents of the current filter, newest first, keyed by incident id. The time
    column's title names the operation's zone (``set_timezone``)."""

    columns = Column

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(lambda r: r.id, parent)
        self._keys: list[tuple[float, int]] = []  # order keys, ascending = newest first

    def incident(self, incident_id: int) -> IncidentRow | None:
        return self.find(incident_id)

    def headers(self) -> list[tuple[str, str]]:
        table = _headers(self.zone)
        return [table[c] for c in Column]

    def cell(self, row: IncidentRow, col: int, role: int) -> Any:
        column = Column(col)
        if role == Qt.ItemDataRole.DisplayRole:
            value = _value(row, column)
            return str(value) if column is not Column.FOLLOW_UPS else str(value or "")
        if role == SORT_ROLE:
            return _sort_value(row, column)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (Column.TITLE, Column.TYPE):
                return f"{row.title}\n\n{row.description}"
            if column is Column.OCCURRED:
                return _tr("Terjadi {o}; dicatat {r} oleh {by}").format(
                    o=local_time(row.occurred_local),
                    r=local_time(row.recorded_local),
                    by=row.recorded_by,
                )
            if column is Column.CASUALTIES:
                return _tr("MD: meninggal dunia, LL: luka-luka")
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            right = column in (Column.FOLLOW_UPS, Column.CASUALTIES)
            horizontal = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
            if column in (Column.SEVERITY, Column.STATUS):
                horizontal = Qt.AlignmentFlag.AlignHCenter
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if column is Column.SEVERITY:
            if role in PAINT_ROLES:
                return painted(QColor(row.severity_colour), role)
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
        if column is Column.STATUS and not row.is_closed:
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if row.status_code == "baru" and role in PAINT_ROLES:
                # A painted cell carries its own ink; at night the cream turns dark amber.
                return painted(NEW_BACKGROUND, role)
        if role == Qt.ItemDataRole.ForegroundRole and row.is_closed:
            return QBrush(theme.text_colour(CLOSED_INK))
        if role == Qt.ItemDataRole.FontRole and column is Column.CASUALTIES and row.dead:
            return self._bold
        return None

    # -- updating -------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[IncidentRow]) -> None:
        """A new query: the one place this model resets (``apply`` follows live changes)."""
        keyed = [(r.order_key, r) for r in rows]  # each key computed once (20,000 rows)
        if any(keyed[i][0] > keyed[i + 1][0] for i in range(len(keyed) - 1)):
            keyed.sort(key=lambda kr: kr[0])
        self._keys = [k for k, _ in keyed]
        self.reset_rows(r for _, r in keyed)

    def apply(self, touched: Collection[int], fresh: Sequence[IncidentRow]) -> None:
        """Incidents ``touched`` by a change, re-read as ``fresh`` (those still matching).

        A touched id absent from ``fresh`` is gone or no longer matches: its row is removed.
        A fresh row not shown yet is inserted where it belongs; a changed one emits
        ``dataChanged``, or moves if its time changed. Nothing else is touched.
        """
        fresh_by_id = {r.id: r for r in fresh}
        gone = [self._row_of[i] for i in touched if i in self._row_of and i not in fresh_by_id]
        for first, last in reversed(_runs(gone)):
            del self._keys[first : last + 1]
        self.remove_rows(gone)

        changed: list[int] = []
        for new in fresh:
            at = self._row_of.get(new.id)
            if at is None:
                continue
            old = self._rows[at]
            if old == new:
                continue
            if old.order_key == new.order_key:
                self._rows[at] = new
                changed.append(at)
                continue
            self._move(at, new)
        self.rows_changed(changed)

        for new in sorted(fresh, key=lambda r: r.order_key):
            if new.id in self._row_of:
                continue
            at = bisect.bisect_left(self._keys, new.order_key)
            self._keys.insert(at, new.order_key)
            self.insert_rows(at, [new])

    def _move(self, at: int, new: IncidentRow) -> None:
        """The time of an incident was corrected: move its row to its new place."""
        keys = self._keys[:at] + self._keys[at + 1 :]
        dest = bisect.bisect_left(keys, new.order_key)
        # beginMoveRows counts the destination before the move takes the row out.
        qt_dest = dest if dest < at else dest + 1
        if qt_dest in (at, at + 1):
            self._rows[at] = new
            self._keys[at] = new.order_key
            self.rows_changed([at])
            return
        self.beginMoveRows(QModelIndex(), at, at, QModelIndex(), qt_dest)
        del self._rows[at]
        del self._keys[at]
        self._rows.insert(dest, new)
        self._keys.insert(dest, new.order_key)
        self._reindex(min(at, dest))
        self.endMoveRows()
        self.rows_changed([dest])


class FollowUpColumn(IntEnum):
    AT = 0
    ACTOR = 1
    STATUS = 2
    TEXT = 3


class FollowUpsModel(TableModel[FollowUpRow]):
    """One incident's timeline, oldest first, keyed by entry id. Entries are append-only: new
    ones are inserted at the end; showing another incident is a new query (a reset)."""

    columns = FollowUpColumn

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(lambda r: r.id, parent)
        self._incident_id: int | None = None

    @property
    def incident_id(self) -> int | None:
        return self._incident_id

    def headers(self) -> list[tuple[str, str]]:
        return [(_tr("Waktu"), ""), (_tr("Oleh"), ""), (_tr("Status"), ""), (_tr("Catatan"), "")]

    def cell(self, row: FollowUpRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tr("{at} oleh {actor}\n{text}").format(
                at=local_time(row.at_local), actor=row.actor, text=row.text
            )
        if role == Qt.ItemDataRole.DisplayRole:
            match FollowUpColumn(column):
                case FollowUpColumn.AT:
                    return local_time(row.at_local)
                case FollowUpColumn.ACTOR:
                    return row.actor
                case FollowUpColumn.STATUS:
                    return row.status_name or ""
                case FollowUpColumn.TEXT:
                    return row.text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def show_incident(self, incident_id: int | None, rows: Sequence[FollowUpRow]) -> None:
        """Show ``incident_id``'s entries: another incident is a reset, the same one only
        gains (or, exceptionally, changes) rows."""
        if incident_id != self._incident_id:
            self._incident_id = incident_id
            self.reset_rows(rows)
        else:
            self.set_rows(rows)


class UnitChoiceModel(QAbstractListModel):
    """Units as a checkable list (the responding units), indented by the unit tree."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._units: list[Choice] = []
        self._checked: set[int] = set()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._units)

    def set_units(self, units: Sequence[Choice]) -> None:
        self.beginResetModel()
        self._units = list(units)
        self._checked &= {u.id for u in units}
        self.endResetModel()

    def checked_ids(self) -> tuple[int, ...]:
        return tuple(u.id for u in self._units if u.id in self._checked)

    def set_checked(self, ids: Collection[int]) -> None:
        wanted = set(ids)
        changed = [
            i for i, u in enumerate(self._units) if (u.id in wanted) != (u.id in self._checked)
        ]
        self._checked = wanted & {u.id for u in self._units}
        for first, last in _runs(changed):
            self.dataChanged.emit(
                self.index(first), self.index(last), [Qt.ItemDataRole.CheckStateRole]
            )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._units):
            return None
        unit = self._units[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return "    " * unit.depth + unit.name
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if unit.id in self._checked else Qt.CheckState.Unchecked
        if role == ID_ROLE:
            return unit.id
        if role == SORT_ROLE:
            return unit.name
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        unit = self._units[index.row()]
        on = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        if on:
            self._checked.add(unit.id)
        else:
            self._checked.discard(unit.id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True
