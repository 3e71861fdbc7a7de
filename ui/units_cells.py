"""What each cell of the units board shows: text, sort value, tooltip, colour, font.

``CellText`` answers every role of every cell and header, for the tree and the flat model
alike (``ui.units_model``); it is asked for every cell painted, so it does as little as it
can per call.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from opscenter.board import Figures, RefItem, UnitRow
from opscenter.clock import now as operation_now
from opscenter.operations import DEFAULT_TIMEZONE, zone_label
from opscenter.readiness.matrix import SEVERITY
from ui import theme
from ui.readiness_model import full_level, level_look, short_level
from ui.strength_model import DEFICIT_BACKGROUND, signed
from ui.table_model import SORT_ROLE
from ui.translations import translator
from ui.units_columns import SEARCH_ROLE, UNIT_ID_ROLE, Column, ColumnLayout

ZERO_TEXT = QColor("#8a929c")
# Units whose figures include others': shown in bold.
COMMAND_KINDS = frozenset({"polda", "polres", "polresta", "satgas", "korem"})

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


def _two_lines(name: str) -> str:
    """ "Kurang rawan" -> "Kurang\nrawan": narrow figure columns keep the whole name."""
    return name.replace(" ", "\n", 1)


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
        if kind is Column.UNIT and role == Qt.ItemDataRole.ToolTipRole:
            return value  # the whole name where a narrow column cuts it at its end
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
