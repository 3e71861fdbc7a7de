"""The look every table view shares, in one place.

Whole rows are selected, rows are not numbered, cells do not wrap, rows alternate, cells
have air at the sides and headers are bold on the panel colour with a rule below. A text
too long for its cell is cut at its end ("Polres Tanjung Jab…"; the tooltip or a detail
pane says it whole): a name cut in the middle reads as another name. The
style sheet is written with ``ui.theme`` day colours, which the night theme swaps
(``ui.night``). A table reached by the keyboard (Tab, Shift+Tab, its label's Alt+letter)
with nothing selected selects the row its cursor is on, or the first: the focus frame
alone would show a row that the table's actions do not take.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QAbstractItemModel, QEvent, QItemSelectionModel, QObject, Qt, QTimer
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ui import theme
from ui.text_size import follow_font

# A row's height in lines of its type, at least, where no height is asked for.
LINE_AIR = 1.3


def table_sheet(
    cell: str = "0 8px", header: str = "4px 8px", items: str = "QTableView::item"
) -> str:
    """The style sheet: ``cell`` and ``header`` are CSS paddings, ``items`` the selector of
    the cells (a tree view names its own)."""
    return (
        f"{items} {{ padding: {cell}; }}"
        f" QHeaderView::section {{ padding: {header}; font-weight: bold;"
        f" background: {theme.PANEL.name()}; border: none;"
        f" border-right: 1px solid {theme.RULE.name()};"
        f" border-bottom: 2px solid {theme.RULE.name()}; }}"
    )


# How a keyboard user arrives in a table (a click selects by itself; code that sets the
# focus chooses its own row).
_BY_KEYBOARD = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
)


class _KeyboardArrival(QObject):
    """Selects the cursor's row (or the first) of a table reached by the keyboard with
    nothing selected. One instance serves every table (``style_table``)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.FocusIn
            and isinstance(event, QFocusEvent)
            and event.reason() in _BY_KEYBOARD
            and isinstance(watched, QAbstractItemView)
        ):
            select_on_arrival(watched)
        return False


def select_on_arrival(view: QAbstractItemView) -> None:
    """Select the row the cursor is on, or the first row, when nothing is selected."""
    chosen = view.selectionModel()
    model = view.model()
    if chosen is None or model is None or chosen.hasSelection() or model.rowCount() == 0:
        return
    current = view.currentIndex()
    flags = QItemSelectionModel.SelectionFlag
    rows = view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    whole = flags.Rows if rows else flags.NoUpdate  # a matrix of cells chooses a cell
    if current.isValid():
        chosen.select(current, flags.Select | whole)
    else:
        first = view.moveCursor(
            QAbstractItemView.CursorAction.MoveHome, Qt.KeyboardModifier.NoModifier
        )  # the first row and column shown
        chosen.setCurrentIndex(first, flags.ClearAndSelect | whole)


_ARRIVAL = _KeyboardArrival()


def style_table(
    view: QTableView,
    *,
    name: str = "",
    single: bool = False,
    read_only: bool = False,
    cell: str = "0 8px",
    header: str = "4px 8px",
    row_height: float | None = None,
    header_height: float | None = None,
    model: QAbstractItemModel | None = None,
    fit_contents: bool = False,
) -> QTableView:
    """Give ``view`` the shared look and return it.

    ``single``: one row at a time; ``read_only``: no editing; ``row_height``: rows of that
    many lines of the view's font, fixed (else Qt's height, or ``LINE_AIR`` lines where
    the type is larger; either way they follow the view's font); ``header_height``: the header
    at least that many rows tall (with ``row_height``); ``model``: what it shows;
    ``fit_contents``: each column as wide as its contents (Qt measures the first thousand
    rows), the last one taking the rest of the width.
    """
    if name:
        view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    if read_only:
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.installEventFilter(_ARRIVAL)
    view.setStyleSheet(table_sheet(cell, header))
    rows = view.verticalHeader()
    rows.hide()
    columns = view.horizontalHeader()
    columns.setHighlightSections(False)
    if row_height is not None:
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    least = rows.defaultSectionSize()  # the style's, in pixels, whatever the type size

    def fit_rows() -> None:
        line = view.fontMetrics().height()
        if row_height is None:
            # Qt keeps its default row height whatever the type: at the largest text size
            # the letters would be cut.
            rows.setDefaultSectionSize(max(least, math.ceil(line * LINE_AIR)))
            return
        height = int(line * row_height)
        rows.setDefaultSectionSize(height)
        if header_height is not None:
            columns.setMinimumHeight(int(height * header_height))

    follow_font(view, fit_rows)  # each text size step (``ui.text_size``), the wall's type
    if model is not None:
        view.setModel(model)
    if fit_contents:
        columns.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        columns.setStretchLastSection(True)
    return view


class _ShownRows(QObject):
    """Fits the rows in sight of a wrapping table to their text (``wrap_shown_rows``)."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view
        # Once per turn of the event loop, however many signals asked.
        self._soon = QTimer(self, singleShot=True, interval=0)
        self._soon.timeout.connect(self.fit)
        view.verticalScrollBar().valueChanged.connect(self._soon.start)
        view.horizontalHeader().sectionResized.connect(self._soon.start)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted,
                       model.dataChanged):  # fmt: skip
            signal.connect(self._soon.start)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._soon.start()
        return False

    def fit(self) -> None:
        view = self._view
        row, rows, height = view.rowAt(0), view.model().rowCount(), view.viewport().height()
        if row < 0:
            return
        # Row by row, the fitted ones above moving the next down, to the bottom edge.
        while row < rows and view.rowViewportPosition(row) < height:
            view.resizeRowToContents(row)
            row += 1


def wrap_shown_rows(view: QTableView) -> None:
    """Cells of ``view`` (its model set) wrap their text, and each row in sight is as tall as
    its text. Only the rows in sight are measured, as they come into sight: a list of a
    million rows (an import's preview) cannot have every row measured at each resize, as
    ``QHeaderView.ResizeToContents`` on the rows would."""
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    _ShownRows(view)
