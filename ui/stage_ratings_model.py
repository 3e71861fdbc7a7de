"""A stage's vulnerability ratings, read-only: the planning heat map without its editing.

The planning window's ``HeatMapModel`` already draws regions x aspects coloured by Polri's
level with Bawaslu's index in the last column; this view reuses it, refuses edits, labels
each column with its source, and applies journal changes cell by cell.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from PySide6.QtCore import QObject, Qt

from opscenter.planning.vulnerability import RegionRef
from opscenter.stage_view import Rating
from ui.planning_models import HeatColumn, HeatMapModel
from ui.table_model import AnyIndex
from ui.translations import translator

_tr = translator("StageRatingsModel")


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

    def cell(self, region: RegionRef, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.EditRole:
            return None  # nothing to edit here
        if role == Qt.ItemDataRole.ToolTipRole:
            key = self.cell_key(region, column)
            m = self.matrix
            if key is not None and m is not None and self.rating(*key) is None:
                # The heat map's own tip invites an edit; this view has none.
                aspect = m.aspects[column - HeatColumn.FIRST_ASPECT].name
                return _tr("{region}, {aspect}: belum dinilai Polri").format(
                    region=region.label, aspect=aspect
                )
        return super().cell(region, column, role)

    def headers(self) -> list[tuple[str, str]]:
        m = self.matrix
        labels = super().headers()
        if m is None:
            return labels
        # Two measures side by side: every column says whose it is.
        polri = _tr("Penilaian kerawanan Polri (ketertiban umum)")
        aspects = [(_tr("{aspect}\n(Polri)").format(aspect=a.name), polri) for a in m.aspects]
        bawaslu = (_tr("IKP Bawaslu\n(proses pemilihan)"), labels[-1][1])
        return [labels[0], *aspects, bawaslu]

    def clear(self) -> None:
        """No stage to show (no operation yet)."""
        self._matrix = None
        self._cells = {}
        self.reset_rows(())

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
            ix = self.cell_index(region_id, aspect_id, source)
            if ix.isValid():
                self.dataChanged.emit(ix, ix)
