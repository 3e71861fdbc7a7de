"""The planning window's heat map: regions x aspects, the Polri ratings edited in place
(a combo of the operation's levels), the kecamatan switch and the levels' legend."""

from __future__ import annotations

from PySide6.QtCore import (
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHeaderView,
    QLabel,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ui import theme
from ui.planning_models import LEVEL_ROLE, HeatColumn, HeatMapModel
from ui.planning_views import heading_row, sort_proxy, table
from ui.table_model import AnyIndex
from ui.table_view import table_sheet
from ui.text_size import follow_font
from ui.translations import translator

# The heat map's height shows this many regions at least (all of a province's kabupaten).
HEAT_ROWS_SHOWN = 12


_tr = translator("PlanningWindow")


class LevelDelegate(theme.ReadableTextDelegate):
    """A combo of the operation's levels (and "kosong" to clear) for a heat-map cell; the
    IKP figures painted in their level's colour, made readable on the row."""

    def __init__(self, model: HeatMapModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("levelEditor")
        combo.addItem(_tr("\u2014 kosong \u2014"), None)
        m = self._model.matrix
        for level in m.levels if m else ():
            combo.addItem(level.name, level.id)
        return combo

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> None:
        """Over its cell, but as wide as its longest choice needs ("Sedan▾" in a cell
        sized for the bold name alone), kept inside the table."""
        rect = option.rect
        width = max(rect.width(), editor.sizeHint().width())
        parent = editor.parentWidget()
        right = parent.width() if parent is not None else rect.left() + width
        left = max(0, min(rect.left(), right - width))
        editor.setGeometry(left, rect.top(), width, rect.height())

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        current = index.data(LEVEL_ROLE)
        editor.setCurrentIndex(max(0, editor.findData(current)) if current is not None else 0)

    def setModelData(self, editor: QWidget, model: object, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        source = index.model()
        if isinstance(source, QSortFilterProxyModel):
            index = source.mapToSource(index)
        self._model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class HeatMapPanel(QFrame):
    """The heat map with its heading, kecamatan switch, hint and legend.

    A rating chosen in the grid is saved at once (``HeatMapModel.edit_requested``); one
    still open in the editor when the window asks to close is taken out first (``park``),
    since the question would take the focus and a delegate saves its editor on losing it.
    """

    def __init__(self, model: HeatMapModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.parked: tuple[QPersistentModelIndex, object] | None = None  # (cell, level)
        lcol = QVBoxLayout(self)
        lcol.setContentsMargins(0, 0, 8, 0)
        self.kecamatan_box = QCheckBox(_tr("Tampilkan &kecamatan"), self)
        self.kecamatan_box.setObjectName("showKecamatan")
        self.kecamatan_box.setToolTip(
            _tr(
                "Nilai juga per kecamatan; kerawanan tertinggi kecamatan ikut menentukan urutan "
                "penebalan Polres-nya"
            )
        )
        lcol.addLayout(heading_row(self, _tr("Peta kerawanan"), self.kecamatan_box))
        hint = QLabel(
            _tr(
                "Penilaian Polri per aspek: klik dua kali sel untuk mengubah. IKP Bawaslu "
                "mengukur proses pemilihan, bukan ketertiban umum; ditampilkan terpisah."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {theme.MUTED.name()};")
        lcol.addWidget(hint)
        # Colour blocks read at a lower row than text: eleven regions fit a laptop's height.
        self.view = view = table(self, "heatMap", row_height=1.5)
        self.proxy = sort_proxy(self, model)
        view.setModel(self.proxy)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        view.setAlternatingRowColors(False)
        # Colour cells need their width for the level's name, not for air.
        view.setStyleSheet(table_sheet(cell="0 2px"))
        # Aspect names a size smaller than the levels under them: the columns then leave
        # the region names their room ("Kab. Tanjung Jabung Barat" whole on a wide screen).
        view.horizontalHeader().setFont(theme.scaled_font(view, 0.85, bold=True))
        for typed in (view, view.horizontalHeader()):  # the widths again at a text size step
            follow_font(typed, self.fit, now=False)
        view.setItemDelegate(LevelDelegate(model, view))
        view.setSortingEnabled(True)
        view.horizontalHeader().setSortIndicatorClearable(True)
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        lcol.addWidget(view, 1)
        self.legend = QLabel(self)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        lcol.addWidget(self.legend)
        theme.mode.changed.connect(self.show_legend)  # its swatches follow the cells

    def show_legend(self, _night: bool = False) -> None:
        matrix = self.model.matrix
        self.legend.setText(
            _tr("Tingkat: ")
            + " ".join(theme.badge_html(QColor(lv.colour), lv.name) for lv in matrix.levels)
            if matrix is not None
            else ""
        )

    def fit(self) -> None:
        """Each colour column as wide as the longest level name or its own aspect's longest
        word (so nothing reads "Sed…", and a short aspect leaves its room to the names);
        the region column takes the rest and elides at its end, its tooltip has the name."""
        view = self.view
        header = view.horizontalHeader()
        matrix = self.model.matrix
        bold = QFontMetrics(theme.scaled_font(view, 1.0, bold=True))
        heads = QFontMetrics(header.font())
        levels = [bold.horizontalAdvance(lv.name) for lv in matrix.levels] if matrix else []
        aspects = matrix.aspects if matrix else ()
        header.setMinimumSectionSize(40)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        for col in range(HeatColumn.FIRST_ASPECT, self.model.columnCount()):
            i = col - HeatColumn.FIRST_ASPECT
            words = aspects[i].name.split(" ", 1) if i < len(aspects) else []
            widths = [*levels, *(heads.horizontalAdvance(w) for w in words)]
            header.resizeSection(col, max(widths, default=60) + 16)
        header.resizeSection(self.model.bawaslu_column(), heads.horizontalAdvance("Bawaslu") + 16)
        header.setSectionResizeMode(HeatColumn.REGION, QHeaderView.ResizeMode.Stretch)
        # Every region's row shown (up to a dozen: the kecamatan, many more, scroll).
        rows = min(self.proxy.rowCount(), HEAT_ROWS_SHOWN)
        row = view.verticalHeader().defaultSectionSize()
        head = max(header.minimumHeight(), header.sizeHint().height())
        view.setMinimumHeight(head + rows * row + row // 2 + 2 * view.frameWidth())

    # -- the current cell across a reload (the model resets for a new matrix) --------------

    def current_cell(self) -> tuple[int, int] | None:
        """The current cell as (region id, column), to find it again after a reload."""
        index = self.proxy.mapToSource(self.view.currentIndex())
        matrix = self.model.matrix
        if matrix is None or not index.isValid() or index.row() >= len(matrix.regions):
            return None
        return matrix.regions[index.row()].id, index.column()

    def restore_cell(self, cell: tuple[int, int] | None) -> None:
        matrix = self.model.matrix
        if cell is None or matrix is None or cell[1] >= self.model.columnCount():
            return
        row = next((i for i, r in enumerate(matrix.regions) if r.id == cell[0]), None)
        if row is not None:
            self.view.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row, cell[1])))

    # -- a rating still in the editor when the window asks to close ------------------------

    def park(self) -> None:
        """Take a level still being chosen out of the grid's editor (kept in ``parked``)."""
        self.parked = None
        view = self.view
        if view.state() != QAbstractItemView.State.EditingState:
            return
        index = view.currentIndex()
        editor = view.indexWidget(index)
        if not isinstance(editor, QComboBox):
            return
        level = editor.currentData()
        view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        if level != index.data(LEVEL_ROLE):
            self.parked = (QPersistentModelIndex(index), level)

    def unpark(self) -> None:
        """Open the editor again with the level that was being chosen."""
        parked, self.parked = self.parked, None
        if parked is None or not parked[0].isValid():
            return
        index = self.proxy.index(parked[0].row(), parked[0].column())
        self.view.setCurrentIndex(index)
        self.view.edit(index)
        editor = self.view.indexWidget(index)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(parked[1])))

    def save_parked(self) -> None:
        """Save the level taken out of the editor (journaled, as a chosen one is)."""
        parked, self.parked = self.parked, None
        if parked is not None and parked[0].isValid():
            index = self.proxy.index(parked[0].row(), parked[0].column())
            self.proxy.setData(index, parked[1], Qt.ItemDataRole.EditRole)
