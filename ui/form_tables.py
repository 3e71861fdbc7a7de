"""The short lists of the operation forms (one unit's rows, one operation's list) and how a
form keeps them current.

``table`` is such a list's view (columns as wide as their contents, the long ones sharing
the rest and wrapping); ``typed_cells`` makes one whose cells are typed into. A read is put
in with ``show_rows`` (the rows that differ change in place), the row chosen before is
chosen again with ``choose_row``, and ``current_row`` is the row chosen now. ``delete_key``
is Delete on a list: it removes the chosen row.

Used by ``ui.visits_dialog``, ``ui.budget_dialog`` (and ``ui.budget_tables``),
``ui.sarpras_dialog`` and ``ui.reference_list_page``; the planning window's list of
pending TPS changes takes its Delete (``ui.planning_forms``).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.tab_order import enter_activates, leave_on_tab
from ui.table_model import TableModel
from ui.table_view import style_table

R = TypeVar("R")


def table(
    parent: QWidget,
    name: str,
    model: TableModel[Any],
    stretch: Sequence[int],
    fixed: Sequence[int] = (),
) -> QTableView:
    """A short list (one unit's rows): columns as wide as their contents, the ``stretch``
    columns share the rest and wrap their text, the ``fixed`` ones keep the width set (and
    wrap), rows as tall as they need."""
    view = style_table(QTableView(parent), name=name, single=True, read_only=True)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setWordWrap(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in fixed:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    leave_on_tab(view)
    enter_activates(view)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


def typed_cells(view: QTableView) -> None:
    """A ``table`` whose cells are typed into: a key, F2 or a double click opens the
    current cell's editor, and the current item is a cell, not a row."""
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)


def show_rows(model: TableModel[R], rows: Sequence[R]) -> None:
    """Put ``rows`` in a short list's model: the rows that differ change in place, and every
    row is repainted (what a row shows can depend on the day, and the columns sized to their
    contents are measured again)."""
    model.set_rows(rows)
    model.rows_changed(range(len(rows)))


def current_row(view: QAbstractItemView, model: TableModel[R]) -> R | None:
    """The row of ``model`` current in ``view``; None when no row is."""
    return model.row_at(view.currentIndex().row())


def choose_row(view: QAbstractItemView, model: TableModel[R], keep: Hashable | None) -> None:
    """After ``show_rows``: the row keyed ``keep`` current again, else the first row (none in
    an empty list)."""
    row = model.row_of(keep) if keep is not None else None
    if row is None and model.rowCount():
        row = 0
    if row is not None:
        view.setCurrentIndex(model.index(row, 0))


def delete_key(view: QAbstractItemView, remove: Callable[[], None]) -> QAction:
    """Delete on a list (its rows, not a cell being edited) runs ``remove``, the removal of
    its chosen rows (which asks first where it must)."""
    action = QAction(view)
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(remove)
    view.addAction(action)
    return action
