"""The plotting window's tables: the posts, the officers of the chosen post, the reserve.

Each is a ``ui.table_model.TableModel`` keyed by the core's ids, so that a re-read after a
change updates only the rows that changed and the views keep their selection.

Drag and drop is Qt's model/view way: the officers and the reserve give the people dragged
as ``PEOPLE_MIME`` (``mimeData``), the posts take them (``dropMimeData``) and say so with
``people_dropped`` (the people's ids, the post's id); the window then does what its keyboard
move does. Only a model told ``editable`` drags or takes a drop.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)

from opscenter.plotting.plot import Placed, PostPlot
from opscenter.plotting.pools import Officer
from ui import theme
from ui.place_names import short_kecamatan
from ui.table_model import AnyIndex, TableModel
from ui.translations import translator

# A unit's name from its id ("" for none): the window's current read gives it.
UnitName = Callable[[int | None], str]
# People dragged between the plotting's tables: their personnel ids, comma-separated.
PEOPLE_MIME = "application/x-opscenter-personnel"


_tr = translator("PlottingWindow")


def person(o: Officer) -> str:
    """ "Brigpol Andi Saputra" (the rank first, as the lists print it)."""
    return f"{o.rank} {o.name}".strip()


def why(placed: Placed, unit_name: UnitName) -> str:
    """Why this person is on this post, in one sentence."""
    unit = unit_name(placed.from_unit_id) or _tr("satuan tidak diketahui")
    if placed.basis == "polsek":
        return _tr("Anggota {unit}, Polsek yang wilayahnya mencakup kecamatan ini.").format(
            unit=unit
        )
    if placed.basis == "polres":
        return _tr("Dari {unit}: Polsek-nya tidak cukup personel.").format(unit=unit)
    if placed.basis == "polsek_lain":
        return _tr("Kelebihan personel {unit}, Polsek lain di Polres yang sama.").format(unit=unit)
    if placed.basis == "bko":
        return _tr("BKO dari {unit}, sesuai rencana penebalan.").format(unit=unit)
    return _tr("Ditempatkan dengan tangan (satuan asal {unit}).").format(unit=unit)


def post_label(p: PostPlot) -> str:
    """ "Pos 3 Kecamatan Siulak (2/3 personel)" for the lists to choose a post from."""
    return _tr("Pos {number} {kecamatan} ({placed}/{need} personel)").format(
        number=p.post.number,
        kecamatan=p.post.kecamatan,
        placed=len(p.officers),
        need=p.post.police,
    )


def tps_text(p: PostPlot) -> str:
    """ "Desa Siulak Deras 001, 002; Desa Pelompek 004": a post's TPS by desa."""
    by_desa: dict[str, list[str]] = {}
    for t in p.post.tps:
        by_desa.setdefault(t.desa, []).append(f"{t.number:03d}")
    return "; ".join(f"{desa} {', '.join(numbers)}" for desa, numbers in by_desa.items())


def people_mime(ids: Iterable[int]) -> QMimeData:
    """The people dragged, as ``PEOPLE_MIME`` (each once, in the order given)."""
    mime = QMimeData()
    unique = dict.fromkeys(ids)
    mime.setData(PEOPLE_MIME, QByteArray(",".join(map(str, unique)).encode("ascii")))
    return mime


def people_in(mime: QMimeData) -> list[int]:
    """The personnel ids a drag carries (none when it is not ours)."""
    if not mime.hasFormat(PEOPLE_MIME):
        return []
    text = bytes(mime.data(PEOPLE_MIME).data()).decode("ascii", "replace")
    return [int(x) for x in text.split(",") if x.strip().isdigit()]


class _DragsPeople:
    """The drag side of the officers' and the reserve's models (see the module)."""

    editable = False

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)  # type: ignore[misc]
        if self.editable and index.isValid():
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags  # type: ignore[no-any-return]

    def mimeTypes(self) -> list[str]:
        return [PEOPLE_MIME]

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return people_mime(self.person_at(r) for r in rows)

    def person_at(self, row: int) -> int:
        raise NotImplementedError


class PostColumn(IntEnum):
    KECAMATAN = 0
    POST = 1
    TPS = 2
    PATTERN = 3
    NEED = 4
    OFFICERS = 5
    SHORT = 6
    EXCEPTION = 7


class PostsModel(TableModel[PostPlot]):
    """One row a post, in the core's order (kecamatan, number); people are dropped on it."""

    columns = PostColumn
    # People dropped on a post: their personnel ids, the post's id.
    people_dropped = Signal(list, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(key=lambda p: p.post.id, parent=parent)
        self.editable = False

    # -- dropping people (Qt's model/view drag and drop) ------------------------------------

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self.editable and index.isValid():
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        return [PEOPLE_MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def _target(self, row: int, parent: AnyIndex) -> PostPlot | None:
        """The post a drop lands on: the row under it (a drop between rows: the next)."""
        return self.row_at(parent.row() if parent.isValid() else row)

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return (
            self.editable
            and action in (Qt.DropAction.MoveAction, Qt.DropAction.CopyAction)
            and bool(people_in(data))
            and self._target(row, parent) is not None
        )

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self._target(row, parent)
        assert target is not None
        self.people_dropped.emit(people_in(data), target.post.id)
        # The rows change when the write is read back, never here: a refused placement
        # leaves the tables as they are.
        return True

    def headers(self) -> Sequence[tuple[str, str]]:
        return (
            (_tr("Kecamatan"), ""),
            (_tr("Pos"), _tr("Nomor pos di kecamatannya")),
            (_tr("TPS"), ""),
            (_tr("Pola"), _tr("Pola pengamanan a-b-c yang diikuti pos")),
            (_tr("Perlu"), _tr("Personel Polri yang dibutuhkan pos")),
            (_tr("Personel"), _tr("Personel yang ditempatkan; ketua pos lebih dulu")),
            (_tr("Kurang"), _tr("Personel yang masih kurang")),
            (_tr("Pengecualian"), _tr("Alasan pos melebihi polanya")),
        )

    def is_text(self, column: int) -> bool:
        return column not in (PostColumn.POST, PostColumn.NEED, PostColumn.SHORT)

    def value(self, row: PostPlot, column: int) -> str | int:
        post = row.post
        if column == PostColumn.KECAMATAN:
            return post.kecamatan
        if column == PostColumn.POST:
            return post.number
        if column == PostColumn.TPS:
            return tps_text(row)
        if column == PostColumn.PATTERN:
            return str(post.pattern)
        if column == PostColumn.NEED:
            return post.police
        if column == PostColumn.OFFICERS:
            return "; ".join(
                _tr("Ketua: {name}").format(name=person(p.officer))
                if p.leader
                else person(p.officer)
                for p in row.officers
            )
        if column == PostColumn.SHORT:
            return row.short
        return post.exception or ""

    def display(self, row: PostPlot, column: int) -> str:
        if column == PostColumn.SHORT and row.short == 0:
            return ""
        if column == PostColumn.KECAMATAN:  # the column's header says it already
            return short_kecamatan(row.post.kecamatan)
        return super().display(row, column)

    def extra(self, row: PostPlot, column: int, role: int) -> Any:
        short = row.short > 0 and column in (PostColumn.SHORT, PostColumn.OFFICERS)
        over = row.post.over_limit and column in (PostColumn.TPS, PostColumn.EXCEPTION)
        if role == Qt.ItemDataRole.BackgroundRole and (short or over):
            return theme.alert_cell()[0]
        if role == Qt.ItemDataRole.ForegroundRole and (short or over):
            return theme.alert_cell()[1]
        if role == Qt.ItemDataRole.ToolTipRole and column in (
            PostColumn.KECAMATAN,
            PostColumn.TPS,
            PostColumn.OFFICERS,
            PostColumn.EXCEPTION,
        ):
            text = self.value(row, column)
            return str(text) or None
        return None


class OfficerColumn(IntEnum):
    ROLE = 0
    NAME = 1
    NRP = 2
    LOCK = 3
    WHY = 4


class OfficersModel(_DragsPeople, TableModel[Placed]):
    """The officers of one post, the leader first; each may be dragged to another post."""

    columns = OfficerColumn

    def person_at(self, row: int) -> int:
        return self.row(row).officer.id

    def __init__(self, unit_name: UnitName, parent: QObject | None = None) -> None:
        super().__init__(key=lambda p: p.officer.id, parent=parent)
        self.unit_name = unit_name

    def headers(self) -> Sequence[tuple[str, str]]:
        return (
            (_tr("Peran"), ""),
            (_tr("Nama"), _tr("Pangkat dan nama")),
            (_tr("NRP"), ""),
            (_tr("Kunci"), _tr("Penempatan terkunci tetap di tempatnya saat plotting otomatis")),
            (_tr("Alasan penempatan"), ""),
        )

    def is_text(self, column: int) -> bool:
        return True

    def value(self, row: Placed, column: int) -> str | int:
        if column == OfficerColumn.ROLE:
            return _tr("Ketua") if row.leader else _tr("Anggota")
        if column == OfficerColumn.NAME:
            return person(row.officer)
        if column == OfficerColumn.NRP:
            return row.officer.nrp
        if column == OfficerColumn.LOCK:
            return _tr("Terkunci") if row.locked else ""
        return why(row, self.unit_name)

    def extra(self, row: Placed, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == OfficerColumn.WHY:
            return why(row, self.unit_name)
        return None


class ReserveColumn(IntEnum):
    NAME = 0
    RANK = 1
    NRP = 2
    UNIT = 3


class ReserveModel(_DragsPeople, TableModel[Officer]):
    """The reserve (cadangan): active personnel on no post, by unit and seniority; each may
    be dragged onto a post."""

    columns = ReserveColumn

    def person_at(self, row: int) -> int:
        return self.row(row).id

    def __init__(self, unit_name: UnitName, parent: QObject | None = None) -> None:
        super().__init__(key=lambda o: o.id, parent=parent)
        self.unit_name = unit_name

    def headers(self) -> Sequence[tuple[str, str]]:
        return ((_tr("Nama"), ""), (_tr("Pangkat"), ""), (_tr("NRP"), ""), (_tr("Satuan"), ""))

    def is_text(self, column: int) -> bool:
        return True

    def value(self, row: Officer, column: int) -> str | int:
        if column == ReserveColumn.NAME:
            return row.name
        if column == ReserveColumn.RANK:
            return row.rank
        if column == ReserveColumn.NRP:
            return row.nrp
        return self.unit_name(row.unit_id)
