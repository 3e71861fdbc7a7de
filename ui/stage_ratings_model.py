"""A stage's vulnerability ratings, read-only: the planning heat map without its editing.

The planning window's ``HeatMapModel`` already draws regions x aspects coloured by Polri's
level with Bawaslu's index in the last column; this view reuses it, refuses edits, labels
each column with its source, and applies journal changes cell by cell.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt

from opscenter.stage_view import Matrix, Rating
from ui.planning_models import AnyIndex, HeatColumn, HeatMapModel


def _tr(text: str) -> str:
    return QCoreApplication.translate("StageRatingsModel", text)


class StageRatingsModel(HeatMapModel):
    """Regions x aspects (Polri) and Bawaslu's IKP of one stage; nothing is editable."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    @property
    def stage_id(self) -> int | None:
        return self.matrix.stage.id if self.matrix else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        return False

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole:
            return None  # nothing to edit here
        if role == Qt.ItemDataRole.ToolTipRole:
            key = self.key(index)
            m = self.matrix
            if key is not None and m is not None and self.rating(*key) is None:
                # The heat map's own tip invites an edit; this view has none.
                region = m.regions[index.row()].label
                aspect = m.aspects[index.column() - HeatColumn.FIRST_ASPECT].name
                return _tr("{region}, {aspect}: belum dinilai Polri").format(
                    region=region, aspect=aspect
                )
        return super().data(index, role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        m = self.matrix
        if (
            m is not None
            and orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < self.columnCount()
        ):
            # Two measures side by side: every column says whose it is.
            if section == self.bawaslu_column():
                return _tr("IKP Bawaslu\n(proses pemilihan)")
            if section != HeatColumn.REGION:
                name = m.aspects[section - HeatColumn.FIRST_ASPECT].name
                return _tr("{aspect}\n(Polri)").format(aspect=name)
        if role == Qt.ItemDataRole.ToolTipRole and section not in (
            HeatColumn.REGION,
            self.bawaslu_column(),
        ):
            return _tr("Penilaian kerawanan Polri (ketertiban umum)")
        return super().headerData(section, orientation, role)

    def clear(self) -> None:
        """No stage to show (no operation yet)."""
        self.beginResetModel()
        self._matrix = None
        self._cells = {}
        self.endResetModel()

    # -- live updates -----------------------------------------------------------------------

    def apply_ratings(self, changed: Collection[int], found: Mapping[int, Rating]) -> None:
        """Journal rows ``changed`` (rating ids) re-read as ``found`` (missing: deleted).

        Repaints only the cells they touch; a rating of another stage is ignored, and one
        that moved away from this stage leaves its cell empty.
        """
        m = self.matrix
        if m is None:
            return
        cells = self._cells  # the heat map's cache: (region, aspect, source) -> rating
        touched: set[tuple[int, int, str]] = set()
        for key, old in list(cells.items()):
            if old.id in changed and (old.id not in found or found[old.id].stage_id != m.stage.id):
                del cells[key]
                touched.add(key)
        for rating in found.values():
            if rating.stage_id != m.stage.id:
                continue
            key = (rating.region_id, rating.aspect_id, rating.source)
            cells[key] = rating
            touched.add(key)
        for region_id, aspect_id, source in touched:
            ix = self._cell_index(m, region_id, aspect_id, source)
            if ix.isValid():
                self.dataChanged.emit(ix, ix)

    def _cell_index(self, m: Matrix, region_id: int, aspect_id: int, source: str) -> QModelIndex:
        row = next((i for i, r in enumerate(m.regions) if r.id == region_id), None)
        if row is None:
            return QModelIndex()
        if source == "bawaslu":
            return self.index(row, self.bawaslu_column())
        col = next((i for i, a in enumerate(m.aspects) if a.id == aspect_id), None)
        if col is None:
            return QModelIndex()
        return self.index(row, HeatColumn.FIRST_ASPECT + col)
