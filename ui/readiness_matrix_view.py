"""The readiness matrix on screen (``ui.readiness_panel``): its table view, the chosen cell's
frame, the columns' widths, and the split that puts the matrix beside its evidence (or over
it, where the screen is too narrow for both side by side)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ui import theme
from ui.readiness_model import LEVEL_COLOURS, ReadinessModel, RollUpRow, short_level
from ui.table_view import style_table
from ui.text_size import follow_font

# Air at a cell's sides (px): little, so that 1366 px hold the matrix beside its evidence.
CELL_PADDING = 4


class FramedCellDelegate(QStyledItemDelegate):
    """The chosen cell keeps its level's colour and gets a thick frame: the usual blue
    selection fill would hide the very colour the officer is looking at."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        plain = QStyleOptionViewItem(option)
        plain.state &= ~QStyle.StateFlag.State_Selected
        super().paint(painter, plain, index)
        if selected:
            painter.save()
            ink = theme.NIGHT_TEXT if theme.night_is_on() else theme.NAVY
            painter.setPen(QPen(ink, 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
            painter.restore()


def matrix_view(model: ReadinessModel, parent: QWidget) -> QTableView:
    """The table of ``model``: one cell chosen at a time, framed, never edited in place;
    the aspect headers in ``parent``'s type, a size smaller and bold."""
    view = style_table(
        QTableView(parent),
        name="readinessMatrix",
        single=True,
        read_only=True,
        cell=f"0 {CELL_PADDING}px",
        header="2px 2px",
        row_height=1.7,
    )
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    view.setAlternatingRowColors(False)  # the colours are the levels'
    view.setModel(model)
    view.setItemDelegate(FramedCellDelegate(view))
    header = view.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
    # Aspect names on up to three short lines (``header_label``), a size smaller than
    # the cells: eight aspects beside the evidence at 1366 px.
    header.setFont(theme.scaled_font(parent, 0.8, bold=True))
    follow_font(header, lambda: header.setMinimumHeight(int(header.fontMetrics().height() * 3.4)))
    return view


def fit_matrix_columns(
    view: QTableView, model: ReadinessModel, *, overall_column: bool, name_cap: str
) -> tuple[int, int]:
    """The level columns share the width left by the names (at least "Catatan*" each:
    at 1366 px the matrix and the evidence fit side by side); the name column is as wide
    as the longest Polres name up to ``name_cap``, measured here once per new set of rows
    (``widen_names`` gives a longer Satgas name the room the levels leave). Returns that
    width and the longest name's whole. ``overall_column`` False hides the last column.
    ``ResizeToContents`` would measure all 500 names again at every repainted row: 80 ms
    per live change."""
    header = view.horizontalHeader()
    if model.columnCount() == 0:
        return 0, 0
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
    view.setColumnHidden(model.columnCount() - 1, not overall_column)
    metrics = view.fontMetrics()
    bold = QFontMetrics(theme.scaled_font(view, 1.0, bold=True))
    names = [r.name for r in model.rows() if not isinstance(r, RollUpRow)]
    whole = max((metrics.horizontalAdvance(n) for n in names), default=160)
    widest = whole
    cap = metrics.horizontalAdvance(name_cap)
    rollup = model.row_at(0)
    if rollup is not None:
        widest = max(min(whole, cap), bold.horizontalAdvance(rollup.name))
        whole = max(whole, widest)
    capped = widest + 2 * CELL_PADDING + 12
    header.resizeSection(0, capped)
    # Every level cell whole: the longest label with its marks ("Catatan*", "Belum⚠2",
    # the roll-up's counts "7 · 2 · 1⚠2" in bold), measured once per new set of rows;
    # the style's own text margins are about 3 px a side.
    label = max(metrics.horizontalAdvance(short_level(lv) + "*") for lv in LEVEL_COLOURS)
    for row in range(model.rowCount()):
        for column in range(1, model.columnCount()):
            index = model.index(row, column)
            font = index.data(Qt.ItemDataRole.FontRole)
            fm = QFontMetrics(QFont(font).resolve(view.font())) if font else metrics
            for line in str(index.data(Qt.ItemDataRole.DisplayRole) or "").splitlines():
                label = max(label, fm.horizontalAdvance(line))
    header.setMinimumSectionSize(label + 2 * CELL_PADDING + 8)
    # The roll-up row carries its counts on a second line.
    if model.rowCount() > 0:
        view.setRowHeight(0, int(metrics.height() * 2.6))
    return capped, whole + 2 * CELL_PADDING + 12


def widen_names(view: QTableView, model: ReadinessModel, widths: tuple[int, int]) -> None:
    """The name column as ``fit_matrix_columns`` measured it (``widths``: cut to the cap,
    whole), and wider where the level columns at their least leave it room, up to the
    longest name whole: "Satgas Kamseltibcarlantas" whole where the row has room."""
    capped, whole = widths
    header = view.horizontalHeader()
    levels = sum(not view.isColumnHidden(c) for c in range(1, model.columnCount()))
    room = view.viewport().width() - levels * header.minimumSectionSize()
    header.resizeSection(0, max(capped, min(whole, room)))


def matrix_width(view: QTableView, model: ReadinessModel) -> int:
    """The width the matrix needs to show every column unscrolled."""
    header = view.horizontalHeader()
    columns = model.columnCount()
    if columns == 0:
        return 0
    levels = (columns - 1) * header.minimumSectionSize()
    scrollbar = view.verticalScrollBar().sizeHint().width()
    grid = columns if view.showGrid() else 0  # a pixel a column
    return header.sectionSize(0) + levels + scrollbar + grid + 2 * view.frameWidth() + 2


class EvidenceSplit(QSplitter):
    """The matrix ``view`` (of ``model``) and its ``evidence``, side by side or one over the
    other (``place``); once the officer drags the handle, the split is theirs."""

    def __init__(
        self, view: QTableView, model: ReadinessModel, evidence: QWidget, parent: QWidget
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._view = view
        self._model = model
        self._evidence = evidence
        self.addWidget(view)
        self.addWidget(evidence)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 1)
        self.setChildrenCollapsible(False)
        self._by_hand = False  # the officer dragged the handle: the split is theirs
        self.splitterMoved.connect(self._split_by_hand)

    def _split_by_hand(self, _pos: int, _index: int) -> None:
        self._by_hand = True

    def place(self) -> None:
        """The matrix gets what it needs, the evidence the rest (at least its minimum; more
        on a wide screen, where the level columns share the surplus with it). Where the rest
        is too narrow to read (a 1366 px laptop with overdue marks in the cells), the evidence
        goes under the matrix instead, full width."""
        if self._by_hand or self._model.columnCount() == 0:
            return
        width = self.width()
        readable = self.fontMetrics().horizontalAdvance("M") * 16
        needed = matrix_width(self._view, self._model)
        beside = width - self.handleWidth() - needed >= readable
        wanted = Qt.Orientation.Horizontal if beside else Qt.Orientation.Vertical
        if self.orientation() != wanted:
            self.setOrientation(wanted)
        if wanted == Qt.Orientation.Vertical:
            total = self.height() - self.handleWidth()
            if total > 0:
                self.setSizes([total - total // 3, total // 3])
            return
        total = width - self.handleWidth()
        if total <= 0:
            return
        spare = min(total - needed, total // 3)
        evidence = max(self._evidence.minimumWidth(), spare)
        self.setSizes([total - evidence, evidence])
