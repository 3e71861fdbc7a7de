"""The models of the TPS watch tab (``ui.watch_panel``): progress per Polres and kecamatan as
a tree, the TPS of one kecamatan with each step's time, and the overdue TPS.

Each takes a fresh ``opscenter.watch.progress`` read and tells its views only what changed:
rows whose figures moved repaint (``dataChanged``), the tree is rebuilt only when its shape
changes (a Polres or kecamatan appears, the step list is edited), so the selection and the
scroll position stay while the figures move all day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import IntEnum
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractItemModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
)
from PySide6.QtGui import QBrush, QFont, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from opscenter.incident_log import incident_code
from opscenter.operations import local_text, zone_label
from opscenter.shares import percent
from opscenter.watch.progress import Area, Late, TpsLine
from opscenter.watch.steps import Step
from ui import theme
from ui.keyed_rows import runs
from ui.place_names import short_kecamatan, short_polres
from ui.table_model import AnyIndex, TableModel, alignment
from ui.translations import translator

# A step column's share of TPS (0.0 .. 1.0), for the bar the delegate draws.
SHARE_ROLE = Qt.ItemDataRole.UserRole + 1
# The id of a row: a Polres's unit id or a kecamatan's region id (tree); a TPS id (tables).
ID_ROLE = Qt.ItemDataRole.UserRole + 2


_tr = translator("WatchModels")


def share_text(reached: int, total: int, locale: QLocale) -> str:
    """ "4.724 (93%)": how many TPS reached a step, grouped as the locale writes counts (the
    summary strip's "5.090"), and their share (``opscenter.shares``)."""
    return f"{locale.toString(reached)} ({percent(reached, total):.0f}%)"


def short_tps(label: str) -> str:
    """ "TPS 002 Olak Besar" for "TPS 002 Desa Olak Besar": the column says what they are, so
    the desa shows on a laptop's narrow list (the whole label is in the tooltip)."""
    return label.replace(" Desa ", " ", 1).replace(" Kelurahan ", " Kel. ", 1)


class ProgressModel(QAbstractItemModel):
    """Polres rows, each with its kecamatan under it, under a first row for the whole
    operation ("Seluruh operasi", bold, no children: the figure the commander asks first).
    Columns: the name, TPS, one per step, Gangguan, Terlambat (``step_column`` places
    them)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: tuple[Step, ...] = ()
        self._lang = "id"
        self._polres: list[Area] = []
        self._children: list[list[Area]] = []  # per Polres row, its kecamatan
        self._bold = QFont()
        self._bold.setBold(True)
        self._locale = QLocale()

    # -- updating -----------------------------------------------------------------------------

    def set_watch(
        self,
        steps: tuple[Step, ...],
        polres: Sequence[Area],
        kecamatan: Sequence[Area],
        whole: Area | None = None,
    ) -> None:
        """Show a fresh read: repaint what moved; rebuild only for a new shape. ``whole``
        (``Watch.whole``), when given, is the first row."""
        if whole is not None:
            polres = [replace(whole, name=_tr("Seluruh operasi")), *polres]
        children: list[list[Area]] = [[] for _ in polres]
        where = {a.id: i for i, a in enumerate(polres)}
        for k in kecamatan:
            i = where.get(k.polres_id) if k.polres_id is not None else None
            if i is not None:
                children[i].append(k)
        shape = ([a.id for a in polres], [[k.id for k in c] for c in children])
        old = ([a.id for a in self._polres], [[k.id for k in c] for c in self._children])
        if steps != self._steps or shape != old:
            self.beginResetModel()
            self._steps, self._polres, self._children = steps, list(polres), children
            self.endResetModel()
            return
        last = self.columnCount() - 1
        changed = [i for i, a in enumerate(polres) if a != self._polres[i]]
        self._polres = list(polres)
        for first, end in runs(changed):
            self.dataChanged.emit(self.index(first, 0), self.index(end, last))
        for i, kids in enumerate(children):
            moved = [j for j, k in enumerate(kids) if k != self._children[i][j]]
            self._children[i] = kids
            parent = self.index(i, 0)
            for first, end in runs(moved):
                self.dataChanged.emit(self.index(first, 0, parent), self.index(end, last, parent))

    def set_language(self, lang: str) -> None:
        self._lang = lang

    # -- reading ------------------------------------------------------------------------------

    @property
    def steps(self) -> tuple[Step, ...]:
        return self._steps

    def step_column(self, index: int) -> int:
        return 2 + index

    def is_step_column(self, column: int) -> bool:
        return 2 <= column < 2 + len(self._steps)

    def area(self, index: AnyIndex) -> Area | None:
        if not index.isValid():
            return None
        parent = int(index.internalId())
        if parent == 0:
            return self._polres[index.row()] if index.row() < len(self._polres) else None
        kids = self._children[parent - 1]
        return kids[index.row()] if index.row() < len(kids) else None

    def is_kecamatan(self, index: AnyIndex) -> bool:
        return index.isValid() and int(index.internalId()) != 0

    def is_whole(self, index: AnyIndex) -> bool:
        """The whole operation's row (its area's id is 0: no unit has it)."""
        a = self.area(index) if not self.is_kecamatan(index) else None
        return a is not None and a.id == 0

    def widest(self, column: int) -> str:
        """The widest figure ``column`` can show: the one for the largest total (the whole
        operation's: "5.090 (100%)"), whatever the rows hold now, so that no figure is cut
        as the night fills them and no row has to be measured at every status."""
        most = max((a.total for a in self._polres), default=0)
        if column == 0:
            return ""
        if self.is_step_column(column):
            return share_text(most, most, self._locale)
        return self._locale.toString(most)

    def index_of(self, kecamatan_id: int) -> QModelIndex:
        for i, kids in enumerate(self._children):
            for j, k in enumerate(kids):
                if k.id == kecamatan_id:
                    return self.index(j, 0, self.index(i, 0))
        return QModelIndex()

    # -- Qt -----------------------------------------------------------------------------------

    def index(
        self,
        row: int,
        column: int,
        parent: AnyIndex = QModelIndex(),  # noqa: B008 - Qt's signature
    ) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid():
            return QModelIndex()
        up = int(child.internalId())
        return QModelIndex() if up == 0 else self.createIndex(up - 1, 0, 0)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if not parent.isValid():
            return len(self._polres)
        if parent.column() != 0 or int(parent.internalId()) != 0:
            return 0
        return len(self._children[parent.row()]) if parent.row() < len(self._children) else 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 4 + len(self._steps)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        n = len(self._steps)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return _tr("Polres / kecamatan")
            if section == 1:
                return _tr("TPS")
            if section < 2 + n:
                s = self._steps[section - 2]
                return f"{s.key} {s.code}"  # what the operator types; the name in the tooltip
            return _tr("Gangguan") if section == 2 + n else _tr("Terlambat")
        if role == Qt.ItemDataRole.ToolTipRole and 2 <= section < 2 + n:
            s = self._steps[section - 2]
            return _tr("{name}: ketik {key} atau {code}").format(
                name=s.label(self._lang), key=s.key, code=s.code
            )
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        a = self.area(index)
        if a is None:
            return None
        column, n = index.column(), len(self._steps)
        if column == 0 and role == Qt.ItemDataRole.DisplayRole and a.id != 0:
            # The heading says "Polres / kecamatan": at 1366 "Polres Tanjung Jabun…" read the
            # same for Barat and Timur.
            short = short_kecamatan if self.is_kecamatan(index) else short_polres
            return short(a.name)
        if column == 0 and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return a.name  # the tooltip: whole, where a narrow screen cuts the name
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 1:
                return self._locale.toString(a.total)
            if column < 2 + n:
                return share_text(a.reached[column - 2], a.total, self._locale)
            return self._locale.toString(a.disturbed if column == 2 + n else a.overdue)
        if role == SHARE_ROLE and 2 <= column < 2 + n:
            return a.share(column - 2)
        if role == ID_ROLE:
            return a.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return alignment(column == 0)
        if role == Qt.ItemDataRole.FontRole and self.is_whole(index):
            return self._bold
        red = (column == 2 + n and a.disturbed) or (column == 3 + n and a.overdue)
        if role == Qt.ItemDataRole.ForegroundRole and red:
            return QBrush(theme.text_colour(theme.DEFICIT))
        return None


class ShareDelegate(QStyledItemDelegate):
    """A step's cell: a bar as long as the share of TPS that reached it, the figure over it."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        share = index.data(SHARE_ROLE)
        if isinstance(share, float):
            painter.save()
            if option.state & QStyle.StateFlag.State_Selected:
                painter.fillRect(option.rect, option.palette.highlight())
            r = option.rect.adjusted(3, 4, -3, -4)
            bar = QRect(r.left(), r.top(), int(r.width() * max(0.0, min(share, 1.0))), r.height())
            colour = theme.SURPLUS if share >= 1.0 else theme.GOLD
            painter.fillRect(bar, theme.cell_background(colour.lighter(150)))
            painter.restore()
            plain = QStyleOptionViewItem(option)
            self.initStyleOption(plain, index)
            plain.backgroundBrush = QBrush()
            plain.state &= ~QStyle.StateFlag.State_Selected
            style = plain.widget.style() if plain.widget is not None else None
            if style is not None:
                style.drawControl(
                    QStyle.ControlElement.CE_ItemViewItem, plain, painter, plain.widget
                )
                return
        super().paint(painter, option, index)


class LineColumn(IntEnum):
    """Fixed columns; the steps follow TPS as 1..n, then the TPS's open incidents."""

    TPS = 0
    FIRST_STEP = 1


class LinesModel(TableModel[TpsLine]):
    """The TPS of one kecamatan: the TPS, each step's local time, its open incidents. The
    step it is late at is marked (a red cell, the deadline in its tooltip)."""

    columns = LineColumn

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(key=lambda line: line.id, parent=parent)
        self._steps: tuple[Step, ...] = ()
        self._lang = "id"
        self._tz = "Asia/Jakarta"
        self._day: date | None = None
        self._kecamatan: int | None = None

    def set_lines(
        self,
        kecamatan_id: int | None,
        steps: tuple[Step, ...],
        zone: str,
        lines: Sequence[TpsLine],
        day: date | None = None,
    ) -> None:
        """Another kecamatan or step list: a reset; the same one: only the rows that moved.
        ``day``: voting day, beside which a time on another day says so ("18:19 (-1)")."""
        self._day = day
        if kecamatan_id != self._kecamatan or steps != self._steps or zone != self._tz:
            self._kecamatan, self._steps, self._tz = kecamatan_id, steps, zone
            self.reset_rows(lines)
        else:
            self.set_rows(lines)

    def set_language(self, lang: str) -> None:
        self._lang = lang

    @property
    def kecamatan_id(self) -> int | None:
        return self._kecamatan

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 2 + len(self._steps)

    def headers(self) -> Sequence[tuple[str, str]]:
        return ((_tr("TPS"), ""), *((step.key, "") for step in self._steps), (_tr("Kejadian"), ""))

    def _time_text(self, at: datetime | None) -> str:
        if at is None:
            return ""
        local = at.astimezone(ZoneInfo(self._tz))
        other = (local.date() - self._day).days if self._day is not None else 0
        # Guards who came the evening before: "18:19 (-1)", not an arrival at 18:19.
        return local.strftime("%H:%M") + (f" ({other:+d})" if other else "")

    def widest_time(self, column: int) -> str:
        """The longest time a step's column shows: "00:00", or "18:19 (-1)" where a TPS
        reached the step on another day (the walk: cut to "18:…", the day was lost)."""
        texts = (self._time_text(line.times[column - 1]) for line in self._rows)
        return max(texts, key=len, default="00:00") or "00:00"

    def cell(self, line: TpsLine, column: int, role: int) -> Any:
        n = len(self._steps)
        late = 1 <= column <= n and line.late is not None and line.late.index == column - 1
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return short_tps(line.label)
            if column <= n:
                return self._time_text(line.times[column - 1])
            return ", ".join(incident_code(x) for x in line.incidents)
        if role == ID_ROLE:
            return line.id
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return line.label  # whole, where the narrow list cuts it
            if 1 <= column <= n:
                step = self._steps[column - 1]
                at = line.times[column - 1]
                text = step.label(self._lang)
                if at is not None:
                    text += " " + local_text(at, self._tz)
                return text + (" \u2014 " + _tr("terlambat") if late else "")
            if column == n + 1 and line.incidents:
                return ", ".join(incident_code(x) for x in line.incidents)
            return None
        if role == Qt.ItemDataRole.BackgroundRole and late:
            return QBrush(theme.alert_cell()[0])
        if role == Qt.ItemDataRole.ForegroundRole and late:
            return QBrush(theme.alert_cell()[1])
        if role == Qt.ItemDataRole.ForegroundRole and column == n + 1 and line.incidents:
            return QBrush(theme.text_colour(theme.DEFICIT))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return alignment(column in (0, n + 1))
        return None


class LateColumn(IntEnum):
    TPS = 0
    KECAMATAN = 1
    POLRES = 2
    STEP = 3
    DUE = 4


class OverdueModel(TableModel[Late]):
    """The overdue TPS, by deadline: TPS, kecamatan, Polres, step, deadline (local, labelled)."""

    columns = LateColumn

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(key=lambda late: late.tps_id, parent=parent)
        self._shown: tuple[Late, ...] = ()
        self._day: date | None = None
        self._tz = "Asia/Jakarta"
        self._lang = "id"

    def set_overdue(
        self,
        zone: str,
        late: tuple[Late, ...],
        plan: OverduePlan | None = None,
        day: date | None = None,
    ) -> None:
        """Show ``late``; with a ``plan`` made against the rows shown (``plan_overdue``, off
        the GUI thread), only what it names is done."""
        self._day = day
        if zone != self._tz:
            self._tz = zone
            self.set_timezone(zone)
        if plan is not None and plan.base is self._shown:
            if plan.gone:
                self.remove_rows(plan.gone)
        else:
            self.set_rows(late)
        self._shown = late

    @property
    def shown(self) -> tuple[Late, ...]:
        """The rows as last set (a read plans against it)."""
        return self._shown

    def set_language(self, lang: str) -> None:
        self._lang = lang

    def headers(self) -> Sequence[tuple[str, str]]:
        return (
            (_tr("TPS"), ""),
            (_tr("Kecamatan"), ""),
            (_tr("Polres"), ""),
            (_tr("Langkah"), _tr("Langkah pertama yang belum dicapai lewat batas waktunya")),
            (_tr("Batas waktu"), _tr("Dalam zona waktu operasi")),
        )

    def is_text(self, column: int) -> bool:
        return True

    def value(self, row: Late, column: int) -> str | int:
        # The column says what they are: "TPS 002 Olak Besar", "Kayu Aro", "Kerinci" (the
        # whole name in the tooltip), so the desa shows on a laptop's narrow list.
        if column == LateColumn.TPS:
            return short_tps(row.label)
        if column == LateColumn.KECAMATAN:
            return short_kecamatan(row.kecamatan)
        if column == LateColumn.POLRES:
            return short_polres(row.polres)
        if column == LateColumn.STEP:
            return row.step.label(self._lang)
        return due_text(row.due, self._tz, self._day)

    def extra(self, row: Late, column: int, role: int) -> Any:
        if role == ID_ROLE:
            return row.tps_id
        if role == Qt.ItemDataRole.ToolTipRole and column == LateColumn.TPS:
            return f"{row.label}, {row.kecamatan}, {row.polres}"
        return None


@dataclass(frozen=True, slots=True)
class OverduePlan:
    """How the overdue rows shown (``base``) become the new ones: only ``gone`` removed
    (the usual status: a TPS reached its step), nothing else changed."""

    base: tuple[Late, ...]
    gone: tuple[int, ...]


def plan_overdue(base: tuple[Late, ...], late: tuple[Late, ...]) -> OverduePlan | None:
    """The plan from ``base`` to ``late`` when rows only left it (None: anything else, for
    the keyed update). Run off the GUI thread: comparing a thousand rows is its cost."""
    if len(late) > len(base):
        return None
    gone: list[int] = []
    j = 0
    for i, row in enumerate(base):
        if j < len(late) and late[j] == row:
            j += 1
        else:
            gone.append(i)
    return OverduePlan(base, tuple(gone)) if j == len(late) else None


def due_text(due: datetime, zone: str, day: date | None) -> str:
    """A deadline as the overdue list shows it: "06:00 WIB" on voting day, "06:00 (+1) WIB"
    the next morning (as the step list writes it); with no voting day, the date too."""
    local = due.astimezone(ZoneInfo(zone))
    if day is None:
        return local_text(due, zone, "%d-%m %H:%M")
    after = (local.date() - day).days
    text = local.strftime("%H:%M") + (f" ({after:+d})" if after else "")
    return f"{text} {zone_label(zone)}"
