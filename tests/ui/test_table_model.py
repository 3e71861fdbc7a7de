"""The table model base (ui/table_model.py): headers, data by role, keyed precise updates.

Every table model stands on it, so it is tested on its own with a small model of its own:
updates emit only the signals for what changed (counted), selections follow their rows,
``row_of`` stays right, and Qt's model tester watches every step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import IntEnum
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QLocale, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QLineEdit, QTableView, QVBoxLayout, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ui import theme
from ui.table_model import SORT_ROLE, TableModel
from ui.table_view import style_table, table_sheet

SIGNALS = ("dataChanged", "rowsInserted", "rowsRemoved", "rowsMoved", "modelReset",
           "layoutChanged", "headerDataChanged")  # fmt: skip


@dataclass(frozen=True)
class Post:
    id: int
    name: str
    staff: int


class Col(IntEnum):
    NAME = 0
    STAFF = 1


class Posts(TableModel[Post]):
    columns = Col
    align_headers = True

    def __init__(self) -> None:
        super().__init__(lambda p: p.id)

    def headers(self) -> list[tuple[str, str]]:
        return [("Pos", ""), (f"Personel ({self.zone})", "Personel yang berjaga")]

    def value(self, row: Post, column: int) -> str | int:
        return row.name if column == Col.NAME else row.staff

    def is_text(self, column: int) -> bool:
        return column == Col.NAME

    def extra(self, row: Post, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.name}: {row.staff}"
        return None


A = Post(1, "Pos Ayu", 1200)
B = Post(2, "Pos Bukit", 4)
C = Post(3, "pos Cempaka", 9)
D = Post(4, "Pos Danau", 0)


class Spy:
    """Every signal the model emits, as (name, first row, last row)."""

    def __init__(self, model: Posts) -> None:
        self.events: list[tuple[str, int, int]] = []

        def note(name: str) -> Callable[..., None]:
            def record(*args: Any) -> None:
                if name == "dataChanged":  # (top left, bottom right, roles)
                    first, last = args[0].row(), args[1].row()
                elif name in ("rowsInserted", "rowsRemoved"):  # (parent, first, last)
                    first, last = args[1], args[2]
                else:
                    first = last = -1
                self.events.append((name, first, last))

            return record

        for name in SIGNALS:
            getattr(model, name).connect(note(name))

    def kinds(self) -> list[str]:
        return [e[0] for e in self.events]


@pytest.fixture
def model(qtmodeltester: ModelTester) -> Posts:
    m = Posts()
    m.set_locale(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    m.set_rows([A, B, C])
    qtmodeltester.check(m)  # and it keeps watching every update below
    return m


def names(model: Posts) -> list[str]:
    return [model.row(i).name for i in range(model.rowCount())]


def test_headers_name_each_column_with_its_tooltip_and_alignment(model: Posts) -> None:
    h = Qt.Orientation.Horizontal
    assert model.columnCount() == len(Col)
    assert model.headerData(Col.NAME, h) == "Pos"
    assert model.headerData(Col.NAME, h, Qt.ItemDataRole.ToolTipRole) is None  # "" is none
    assert model.headerData(Col.STAFF, h, Qt.ItemDataRole.ToolTipRole) == "Personel yang berjaga"
    left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.headerData(Col.NAME, h, Qt.ItemDataRole.TextAlignmentRole) == left
    assert model.headerData(Col.STAFF, h, Qt.ItemDataRole.TextAlignmentRole) == right
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.headerData(len(Col), h) is None


def test_the_zone_in_a_header_follows_the_operation(qtbot: QtBot, model: Posts) -> None:
    h = Qt.Orientation.Horizontal
    assert model.headerData(Col.STAFF, h) == "Personel (WIB)"
    spy = Spy(model)
    model.set_timezone("Asia/Makassar")
    model.set_timezone("Asia/Makassar")  # the same zone again: nothing to repaint
    assert spy.kinds() == ["headerDataChanged"]
    assert model.headerData(Col.STAFF, h) == "Personel (WITA)"


def test_data_by_role(model: Posts) -> None:
    staff = model.index(0, Col.STAFF)
    assert staff.data() == "1.200"  # figures in the locale
    assert staff.data(SORT_ROLE) == 1200  # and sorted as numbers
    assert model.index(2, Col.NAME).data(SORT_ROLE) == "pos cempaka"  # names without case
    assert model.index(0, Col.NAME).data(Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )
    assert staff.data(Qt.ItemDataRole.ToolTipRole) == "Pos Ayu: 1200"
    assert staff.data(Qt.ItemDataRole.FontRole) is None
    assert model.data(model.index(5, 0)) is None


def test_a_changed_row_is_one_data_changed(model: Posts) -> None:
    spy = Spy(model)
    model.set_rows([A, replace(B, staff=5), C])
    assert spy.events == [("dataChanged", 1, 1)]
    model.set_rows([A, replace(B, staff=5), C])  # nothing changed: nothing said
    assert len(spy.events) == 1


def test_inserted_and_removed_rows_keep_the_selection(qtbot: QtBot, model: Posts) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.selectionModel().select(
        model.index(1, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    spy = Spy(model)
    model.set_rows([D, A, B])  # D arrives first, C leaves
    assert spy.kinds() == ["rowsRemoved", "rowsInserted"]
    assert spy.events == [("rowsRemoved", 2, 2), ("rowsInserted", 0, 0)]
    assert names(model) == ["Pos Danau", "Pos Ayu", "Pos Bukit"]
    selected = view.selectionModel().selectedRows()
    assert [model.row(i.row()).name for i in selected] == ["Pos Bukit"]
    assert [model.row_of(k) for k in (4, 1, 2, 3)] == [0, 1, 2, None]
    assert model.find(3) is None and model.find(4) == D


def test_a_new_order_is_a_layout_change_carrying_selection(model: Posts) -> None:
    kept = QPersistentModelIndex(model.index(2, Col.STAFF))  # C
    spy = Spy(model)
    model.set_rows([C, A, B])
    assert spy.kinds() == ["layoutChanged"]
    assert kept.row() == 0 and model.row_of(3) == 0 and model.row_of(2) == 2


def test_put_updates_in_place_or_inserts_where_the_model_says(model: Posts) -> None:
    spy = Spy(model)
    model.put(replace(A, staff=7))
    model.put(D)  # new: at the end (``position``'s default)
    assert spy.events == [("dataChanged", 0, 0), ("rowsInserted", 3, 3)]
    assert model.row_of(4) == 3


def test_append_remove_and_reset(model: Posts) -> None:
    spy = Spy(model)
    model.append_rows([D])
    model.remove_rows([0, 1, 3])  # two runs: (3, 3) then (0, 1)
    assert spy.events == [("rowsInserted", 3, 3), ("rowsRemoved", 3, 3), ("rowsRemoved", 0, 1)]
    assert names(model) == ["pos Cempaka"] and model.row_of(3) == 0 and model.row_of(1) is None
    spy.events.clear()
    model.reset_rows([B])  # a new query: the one reset
    assert spy.kinds() == ["modelReset"] and model.row_of(2) == 0


def test_a_new_locale_repaints_the_figures(model: Posts) -> None:
    spy = Spy(model)
    model.set_locale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert spy.events == [("dataChanged", 0, 2)]
    assert model.index(0, Col.STAFF).data() == "1,200"


def test_the_view_style_is_one_sheet(qtbot: QtBot, model: Posts) -> None:
    view = style_table(QTableView(), name="posts", single=True, read_only=True, row_height=2.0)
    qtbot.addWidget(view)
    view.setModel(model)
    assert view.objectName() == "posts"
    assert view.verticalHeader().isHidden()
    assert not view.wordWrap() and view.alternatingRowColors()
    assert view.selectionBehavior() == QTableView.SelectionBehavior.SelectRows
    assert view.selectionMode() == QTableView.SelectionMode.SingleSelection
    assert view.editTriggers() == QTableView.EditTrigger.NoEditTriggers
    assert view.verticalHeader().defaultSectionSize() == int(view.fontMetrics().height() * 2.0)
    assert view.styleSheet() == table_sheet()
    assert theme.PANEL.name() in table_sheet() and "padding: 0 8px" in table_sheet()


def _line_then_table(qtbot: QtBot, model: Posts) -> tuple[QWidget, QLineEdit, QTableView]:
    """A shown window with a line, then a styled table of ``model`` (Tab goes from one to
    the other); the caller holds the window, else Python deletes it with its children."""
    window = QWidget()
    qtbot.addWidget(window)
    before = QLineEdit(window)
    view = style_table(QTableView(window))
    view.setModel(model)
    layout = QVBoxLayout(window)
    layout.addWidget(before)
    layout.addWidget(view)
    window.show()
    qtbot.waitActive(window)
    return window, before, view


def test_a_table_reached_by_the_keyboard_selects_the_row_its_cursor_is_on(
    qtbot: QtBot, model: Posts
) -> None:
    """Tab (or a label's Alt+letter) into a table with nothing selected selects the cursor's
    row, else the first: its actions take the selected rows, and a focus frame alone would
    show a row they do not take. Focus given by code (a test, a window) selects nothing."""
    _window, before, view = _line_then_table(qtbot, model)
    chosen = view.selectionModel()

    def selected() -> list[int]:
        return sorted(i.row() for i in chosen.selectedRows())

    before.setFocus()
    qtbot.waitUntil(before.hasFocus)
    chosen.clearSelection()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    qtbot.waitUntil(view.hasFocus)
    assert selected() == [0]  # no selection: the cursor's row (the first)

    chosen.clearSelection()
    chosen.setCurrentIndex(model.index(2, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
    before.setFocus()
    qtbot.waitUntil(before.hasFocus)
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    qtbot.waitUntil(view.hasFocus)
    assert selected() == [2]  # the cursor's row

    flags = QItemSelectionModel.SelectionFlag
    chosen.setCurrentIndex(model.index(1, 0), flags.ClearAndSelect | flags.Rows)
    before.setFocus()
    qtbot.waitUntil(before.hasFocus)
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    qtbot.waitUntil(view.hasFocus)
    assert selected() == [1]  # a selection is kept as it is

    chosen.clearSelection()
    before.setFocus()
    qtbot.waitUntil(before.hasFocus)
    view.setFocus(Qt.FocusReason.OtherFocusReason)
    assert view.hasFocus() and selected() == []


def test_a_matrix_of_cells_reached_by_the_keyboard_chooses_one_cell(
    qtbot: QtBot, model: Posts
) -> None:
    """A table whose cells are chosen one by one (the readiness matrix, the heat map)
    chooses the cursor's cell, not its whole row."""
    _window, before, view = _line_then_table(qtbot, model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
    before.setFocus()
    qtbot.waitUntil(before.hasFocus)
    view.selectionModel().clearSelection()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    qtbot.waitUntil(view.hasFocus)
    chosen = view.selectionModel().selectedIndexes()
    assert [(i.row(), i.column()) for i in chosen] == [(0, 0)]
