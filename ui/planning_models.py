"""Table models of the planning window: vulnerability heat map, requirements, proposals."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from opscenter.planning import Matrix, Proposal, Rating, TpsChange, UnitPlan
from opscenter.planning.vulnerability import RegionRef
from ui import theme
from ui.place_names import short_kecamatan, short_region, short_unit
from ui.strength_model import DEFICIT_BACKGROUND, SURPLUS_BACKGROUND, signed
from ui.table_model import PAINT_ROLES, SORT_ROLE, AnyIndex, MatrixModel, TableModel, painted
from ui.translations import translator

# The edit role of a heat-map cell holds the level id (None: no rating).
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 1


_tr = translator("PlanningModels")


# --- the heat map ------------------------------------------------------------------------------


class HeatColumn(IntEnum):
    """Fixed columns. The aspects are data (the operation may rename or add them), so they
    follow REGION as columns 1..n, and Bawaslu's index comes last."""

    REGION = 0
    FIRST_ASPECT = 1


class HeatMapModel(MatrixModel[RegionRef]):
    """Regions x aspects of one stage, each cell coloured by its Polri level.

    Rows are the stage's regions keyed by region id; the aspects are data, so the columns
    past ``HeatColumn.REGION`` follow the matrix. Edits are not applied here: ``setData``
    emits ``edit_requested`` and the panel runs the core service (journaled, undoable),
    then calls ``set_rating`` with the stored row.
    """

    columns = HeatColumn
    edit_requested = Signal(int, int, object)  # region id, aspect id, level id or None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(lambda r: r.id, parent)
        self._matrix: Matrix | None = None
        self._cells: dict[tuple[int, int, str], Rating] = {}

    @property
    def matrix(self) -> Matrix | None:
        return self._matrix

    def aspect_count(self) -> int | None:
        return None if self._matrix is None else len(self._matrix.aspects)

    def bawaslu_column(self) -> int:
        return self.last_column()

    def key(self, index: AnyIndex) -> tuple[int, int] | None:
        """(region id, aspect id) of an aspect cell, else None."""
        region = self.row_at(index.row()) if index.isValid() else None
        return None if region is None else self.cell_key(region, index.column())

    def cell_key(self, region: RegionRef, column: int) -> tuple[int, int] | None:
        m = self._matrix
        a = column - HeatColumn.FIRST_ASPECT
        if m is None or not 0 <= a < len(m.aspects):
            return None
        return region.id, m.aspects[a].id

    def rating(self, region_id: int, aspect_id: int) -> Rating | None:
        return self._cells.get((region_id, aspect_id, "polri"))

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if self.key(index) is not None:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def cell(self, region: RegionRef, column: int, role: int) -> Any:
        m = self._matrix
        if m is None:
            return None
        if column == HeatColumn.REGION:
            if role == Qt.ItemDataRole.DisplayRole:
                # The usual short form on a crowded grid; the full name is in the tooltip.
                # A kecamatan is indented under its kabupaten/kota.
                if region.level != "kabkota":
                    return "\u2003" + short_kecamatan(region.name)
                return short_region(region.label)
            if role in (SORT_ROLE, Qt.ItemDataRole.ToolTipRole):
                return region.label
            return None
        if column == self.bawaslu_column():
            return self._bawaslu(region.id, role)
        key = self.cell_key(region, column)
        if key is None:
            return None
        cell = self._cells.get((key[0], key[1], "polri"))
        level = m.level(cell.level_id) if cell else None
        if role == Qt.ItemDataRole.DisplayRole:
            return level.name if level else "\u2014"
        if role in (LEVEL_ROLE, Qt.ItemDataRole.EditRole):
            return cell.level_id if cell else None
        if role == SORT_ROLE:
            return level.ordinal if level else 0
        if role in PAINT_ROLES and level:
            return painted(QColor(level.colour), role)
        if role == Qt.ItemDataRole.FontRole and level:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            aspect = m.aspects[column - HeatColumn.FIRST_ASPECT].name
            if cell is None:
                return _tr(
                    "{region}, {aspect}: belum dinilai. Klik dua kali untuk mengisi."
                ).format(region=region.label, aspect=aspect)
            note = f"\n{cell.note}" if cell.note else ""
            return (
                _tr("{region}, {aspect}: {level}").format(
                    region=region.label, aspect=aspect, level=level.name if level else ""
                )
                + note
            )
        return None

    def _bawaslu(self, region_id: int, role: int) -> Any:
        m = self._matrix
        assert m is not None
        cell = next(
            (
                r
                for (rid, _, src), r in self._cells.items()
                if rid == region_id and src == "bawaslu"
            ),
            None,
        )
        level = m.level(cell.level_id) if cell else None
        if role == Qt.ItemDataRole.DisplayRole:
            if cell is None:
                return "\u2014"
            if cell.score is not None:
                return self._locale.toString(cell.score, "f", 1)
            return level.name if level else ""
        if role == SORT_ROLE:
            return cell.score if cell and cell.score is not None else -1.0
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and level:
            return QBrush(theme.text_colour(QColor(level.colour)))
        if role == Qt.ItemDataRole.FontRole and level:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            head = f"{level.name}. " if level else ""
            return (
                head
                + _tr(
                    "Indeks Kerawanan Pemilu (IKP) Bawaslu, 0\u2013100: kerawanan proses "
                    "pemilihan, bukan ketertiban umum. Tidak dipakai untuk mengurutkan penebalan. "
                    "Diisi lewat impor Excel."
                )
                + (f"\n{cell.note}" if cell and cell.note else "")
            )
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        key = self.key(index)
        if key is None or role != Qt.ItemDataRole.EditRole:
            return False
        current = self.rating(*key)
        level = int(value) if value is not None else None
        if (current.level_id if current else None) != level:
            self.edit_requested.emit(key[0], key[1], level)
        return False  # the panel stores it through the core, then calls set_rating

    def headers(self) -> list[tuple[str, str]]:
        m = self._matrix
        if m is None:
            return []
        aspect_tip = _tr("Penilaian Polri (ketertiban umum); klik dua kali sel untuk mengubah")
        return [
            (_tr("Wilayah"), ""),
            # Two words on two lines, so the colour columns can stay narrow.
            *((a.name.replace(" ", "\n", 1), aspect_tip) for a in m.aspects),
            (
                _tr("IKP\nBawaslu"),
                _tr("Skor Bawaslu (0\u2013100): kerawanan proses pemilihan"),
            ),
        ]

    # -- updating -----------------------------------------------------------------------------

    def set_matrix(self, matrix: Matrix) -> None:
        """A new stage or a reload: a new query, so a reset."""
        self._matrix = matrix
        self._cells = dict(matrix.cells)
        self.reset_rows(matrix.regions)

    def set_rating(self, region_id: int, aspect_id: int, rating: Rating | None) -> None:
        """One Polri cell changed (stored or cleared): repaint that cell only."""
        m = self._matrix
        if m is None:
            return
        key = (region_id, aspect_id, "polri")
        if rating is None:
            self._cells.pop(key, None)
        else:
            self._cells[key] = rating
        ix = self.cell_index(region_id, aspect_id)
        if ix.isValid():
            self.dataChanged.emit(ix, ix)

    def cell_index(self, region_id: int, aspect_id: int, source: str = "polri") -> QModelIndex:
        """The cell of a region's rating (Bawaslu's has one column), or an invalid index."""
        m = self._matrix
        row = self.row_of(region_id)
        if m is None or row is None:
            return QModelIndex()
        if source == "bawaslu":
            return self.index(row, self.bawaslu_column())
        col = next((i for i, a in enumerate(m.aspects) if a.id == aspect_id), None)
        if col is None:
            return QModelIndex()
        return self.index(row, HeatColumn.FIRST_ASPECT + col)


# --- requirements, proposals, what-if TPS moves (keyed rows) ---------------------------------


class NeedColumn(IntEnum):
    # TPS counts are on the board and in the unit's tooltip: the decision needs the balance.
    UNIT = 0
    VULNERABILITY = 1
    REQUIRED = 2
    AVAILABLE = 3
    BALANCE = 4
    PLOT_SHORT = 5  # named officers missing on its guard posts after the stage's plotting
    LENDABLE = 6


class RequirementsModel(TableModel[UnitPlan]):
    """Polres (then the reserves): requirement, strength, balance, what each may lend."""

    columns = NeedColumn
    align_headers = True

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(lambda u: u.unit_id, parent)
        self.colours: dict[int, str] = {}  # vulnerability ordinal -> colour

    def headers(self) -> list[tuple[str, str]]:
        return [
            (_tr("Satuan"), _tr("Polres/Polresta dengan Polsek jajarannya; lalu cadangan Polda")),
            (_tr("Kerawanan"), _tr("Tingkat Polri tertinggi di wilayahnya pada tahapan ini")),
            (_tr("Kebu-\ntuhan"), _tr("Personel Polri menurut pola pengamanan TPS")),
            (_tr("Keku-\natan"), _tr("Personel aktif + BKO masuk \u2212 BKO keluar")),
            (_tr("Selisih"), _tr("Kekuatan dikurangi kebutuhan: negatif berarti kurang")),
            (
                _tr("Kurang\ndi pos"),
                _tr(
                    "Personel yang masih kurang di pos pengamanan TPS setelah plotting tahapan "
                    "ini (\u2013: belum diplot). Perwira Kompol ke atas tidak menjaga TPS."
                ),
            ),
            (
                _tr("Dapat\ndipinjam"),
                _tr(
                    "Polres: porsi yang dikerahkan dikurangi kebutuhannya sendiri (sisanya tetap "
                    "di markas). Cadangan: seluruh kekuatannya."
                ),
            ),
        ]

    def is_text(self, column: int) -> bool:
        return column in (NeedColumn.UNIT, NeedColumn.VULNERABILITY)

    def value(self, row: UnitPlan, column: int) -> str | int:
        match NeedColumn(column):
            case NeedColumn.UNIT:
                return row.name
            case NeedColumn.VULNERABILITY:
                if row.is_reserve:
                    return _tr("cadangan")
                return row.vulnerability_name or _tr("belum dinilai")
            case NeedColumn.REQUIRED:
                return row.police_required
            case NeedColumn.AVAILABLE:
                return row.police_available
            case NeedColumn.BALANCE:
                return row.balance
            case NeedColumn.PLOT_SHORT:
                return -1 if row.plotting is None else row.plot_short
            case NeedColumn.LENDABLE:
                return row.lendable

    def display(self, row: UnitPlan, column: int) -> str:
        if column == NeedColumn.BALANCE:
            return signed(row.balance, self._locale)
        if column == NeedColumn.PLOT_SHORT and row.plotting is None:
            return "" if row.is_reserve else "\u2013"
        return super().display(row, column)

    def cell(self, row: UnitPlan, column: int, role: int) -> Any:
        if role == SORT_ROLE and column == NeedColumn.VULNERABILITY:
            return row.vulnerability
        return super().cell(row, column, role)

    def extra(self, row: UnitPlan, column: int, role: int) -> Any:
        if column == NeedColumn.PLOT_SHORT:
            return self._plot_short(row, role)
        if column == NeedColumn.BALANCE and row.balance and not row.is_reserve:
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            return painted(DEFICIT_BACKGROUND if row.balance < 0 else SURPLUS_BACKGROUND, role)
        if column == NeedColumn.VULNERABILITY and row.vulnerability in self.colours:
            look = painted(QColor(self.colours[row.vulnerability]), role)
            if look is not None:
                return look
        if row.is_reserve and role == Qt.ItemDataRole.ToolTipRole:
            return _tr("Cadangan Polda: tidak menjaga TPS, seluruh kekuatannya dapat diperbantukan")
        if column == NeedColumn.UNIT and role == Qt.ItemDataRole.ToolTipRole and row.unrated:
            return _tr(
                "{name}: {tps} TPS ({unrated} belum dinilai, dihitung dengan pola paling ketat), "
                "{linmas} Linmas dibutuhkan"
            ).format(
                name=row.name,
                tps=self._locale.toString(row.tps),
                unrated=self._locale.toString(row.unrated),
                linmas=self._locale.toString(row.linmas_required),
            )
        if column == NeedColumn.UNIT and role == Qt.ItemDataRole.ToolTipRole:
            return _tr("{name}: {tps} TPS, {linmas} Linmas dibutuhkan").format(
                name=row.name,
                tps=self._locale.toString(row.tps),
                linmas=self._locale.toString(row.linmas_required),
            )
        return None

    def _plot_short(self, row: UnitPlan, role: int) -> Any:
        """The plotting's shortfall: red where posts are short, the need in its tooltip."""
        short = row.plotting
        if short is None:
            if role == Qt.ItemDataRole.ToolTipRole and not row.is_reserve:
                return _tr("Tahapan ini belum diplot: kebutuhan dihitung dari kekuatan saja.")
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            n = self._locale.toString
            text = _tr(
                "{name}: {short} personel kurang di pos setelah plotting; {free} personel "
                "sendiri belum diplot (plotting ulang menempatkannya); perlu penebalan {need}."
            )
            return text.format(
                name=row.name, short=n(short.short), free=n(short.free), need=n(row.need)
            )
        if not short.short:
            return None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        return painted(DEFICIT_BACKGROUND, role)


class ProposalColumn(IntEnum):
    TARGET = 0
    VULNERABILITY = 1
    DEFICIT = 2
    SOURCE = 3
    COUNT = 4
    LEFT = 5
    # The whole reason is shown under the table (and as each row's tooltip): a column of
    # it would be cut to a few words at any usable width.


class ProposalsModel(TableModel[Proposal]):
    """Proposed BKO: to whom, from whom, how many, and why."""

    columns = ProposalColumn
    align_headers = True

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(lambda p: p.key, parent)
        self._short_sources = False

    def set_short_sources(self, short: bool) -> None:
        """Show the sources without their Polda (``short_unit``), where the table is narrow;
        each row's tooltip names them whole."""
        if short == self._short_sources:
            return
        self._short_sources = short
        if self.rowCount():
            column = ProposalColumn.SOURCE
            self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, column))

    def headers(self) -> list[tuple[str, str]]:
        return [
            (_tr("Untuk"), _tr("Satuan yang kekurangan personel")),
            # Split as the requirements' "Kebu-tuhan": the units' names need the room more
            # than a header wider than "Tinggi" under it ("Polres Keri…" at 1366 px).
            (
                _tr("Kera-\nwanan"),
                _tr("Kerawanan tertinggi wilayahnya: yang tertinggi dilayani dulu"),
            ),
            (_tr("Kurang"), _tr("Kekurangan sebelum penebalan")),
            (_tr("Dari"), _tr("Cadangan Polda atau Polres yang berlebih")),
            (_tr("Jumlah"), _tr("Personel yang di-BKO-kan")),
            (_tr("Sisa di\nsumber"), _tr("Kekuatan yang tinggal di satuan sumber")),
        ]

    def is_text(self, column: int) -> bool:
        return column in (
            ProposalColumn.TARGET,
            ProposalColumn.VULNERABILITY,
            ProposalColumn.SOURCE,
        )

    def value(self, row: Proposal, column: int) -> str | int:
        match ProposalColumn(column):
            case ProposalColumn.TARGET:
                return row.to_unit_name
            case ProposalColumn.VULNERABILITY:
                return row.vulnerability_name or _tr("belum dinilai")
            case ProposalColumn.DEFICIT:
                return row.deficit
            case ProposalColumn.SOURCE:
                return short_unit(row.from_unit_name) if self._short_sources else row.from_unit_name
            case ProposalColumn.COUNT:
                return row.count
            case ProposalColumn.LEFT:
                return row.source_available_after

    def extra(self, row: Proposal, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.sentence(self._locale.name()[:2])
        if role == Qt.ItemDataRole.FontRole and column == ProposalColumn.COUNT:
            return self._bold
        return None


@dataclass(frozen=True, slots=True)
class PendingTps:
    """A what-if TPS category move, with the names the table shows."""

    change: TpsChange
    tps: str  # "TPS 003 Desa Sukamaju"
    kecamatan: str
    from_name: str
    to_name: str


class TpsChangeColumn(IntEnum):
    TPS = 0
    KECAMATAN = 1
    FROM = 2
    TO = 3


class TpsChangesModel(TableModel[PendingTps]):
    """The TPS whose category is changed in the what-if (not saved yet)."""

    columns = TpsChangeColumn
    align_headers = True

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(lambda r: r.change.tps_id, parent)

    def headers(self) -> list[tuple[str, str]]:
        return [
            (_tr("TPS"), _tr("Nomor TPS dan desa/kelurahannya")),
            (_tr("Kecamatan"), _tr("Kecamatan tempat TPS")),
            (_tr("Dari"), _tr("Kategori yang tersimpan")),
            (_tr("Menjadi"), _tr("Kategori yang dicoba (belum disimpan)")),
        ]

    def is_text(self, column: int) -> bool:
        return True

    def value(self, row: PendingTps, column: int) -> str | int:
        match TpsChangeColumn(column):
            case TpsChangeColumn.TPS:
                return row.tps
            case TpsChangeColumn.KECAMATAN:
                return row.kecamatan
            case TpsChangeColumn.FROM:
                return row.from_name
            case TpsChangeColumn.TO:
                return row.to_name

    def extra(self, row: PendingTps, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tr("{tps}, {kecamatan}: {old} \u2192 {new} (belum disimpan)").format(
                tps=row.tps, kecamatan=row.kecamatan, old=row.from_name, new=row.to_name
            )
        if role == Qt.ItemDataRole.FontRole and column == TpsChangeColumn.TO:
            return self._bold
        return None
