"""StrengthModel: a correct Qt model before and after every kind of update, and precise updates.

``qtmodeltester.check`` uses Qt's own QAbstractItemModelTester: it checks the model at once
and again after every signal the model emits, and reports through Qt warnings, which fail
the test (conftest). So each model is checked once, before its updates, and stays watched.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from opscenter.overview import UnitStrengthRow
from ui.strength_model import (
    DEFICIT_BACKGROUND,
    SORT_ROLE,
    SURPLUS_BACKGROUND,
    Column,
    StrengthModel,
)
from ui.strength_panel import StrengthPanel


def row(unit_id: int, name: str, *, tps: int = 10, required: int = 8, available: int = 8,
        bko_in: int = 0, bko_out: int = 0) -> UnitStrengthRow:  # fmt: skip
    return UnitStrengthRow(unit_id, name, "polres", tps, required, available, bko_in, bko_out,
                           available - required)  # fmt: skip


KERINCI = row(1, "Polres Kerinci", tps=16, required=4, available=6)
BUNGO = row(2, "Polres Bungo", tps=6, required=10, available=4)
MERANGIN = row(3, "Polres Merangin", tps=40, required=20, available=20)
TEBO = row(4, "Polres Tebo", tps=9, required=6, available=9)


def names(model: StrengthModel) -> list[str]:
    return [model.data(model.index(i, Column.UNIT)) for i in range(model.rowCount())]


class Spy:
    """Every structural signal a model emits, in order."""

    def __init__(self, model: StrengthModel) -> None:
        self.events: list[tuple[Any, ...]] = []

        def note(name: str) -> Callable[..., None]:
            def record(*args: Any) -> None:
                self.events.append((name, *_plain(args)))

            return record

        for name in ("dataChanged", "rowsInserted", "rowsRemoved", "modelReset",
                     "layoutChanged", "rowsMoved"):  # fmt: skip
            getattr(model, name).connect(note(name))

    def kinds(self) -> list[str]:
        return [e[0] for e in self.events]


def _plain(args: tuple[Any, ...]) -> list[Any]:
    out: list[Any] = []
    for a in args:
        if isinstance(a, QModelIndex | QPersistentModelIndex):
            out.append((a.row(), a.column()) if a.isValid() else None)
        elif isinstance(a, int | str):
            out.append(a)
    return out


@pytest.fixture
def model() -> StrengthModel:
    m = StrengthModel()
    m.set_rows([KERINCI, BUNGO, MERANGIN])
    return m


def test_model_is_sound_empty_and_filled(qtmodeltester: ModelTester) -> None:
    model = StrengthModel()
    qtmodeltester.check(model)
    model.set_rows([KERINCI, BUNGO])
    assert names(model) == ["Polres Kerinci", "Polres Bungo"]


def test_update_of_a_row_is_data_changed_without_reset(
    qtbot: QtBot, qtmodeltester: ModelTester, model: StrengthModel
) -> None:
    qtmodeltester.check(model)
    spy = Spy(model)
    better = dataclasses.replace(BUNGO, police_available=10, balance=0)
    with (
        qtbot.assertNotEmitted(model.modelReset),
        qtbot.assertNotEmitted(model.rowsInserted),
        qtbot.assertNotEmitted(model.rowsRemoved),
        qtbot.waitSignal(model.dataChanged, timeout=0),
    ):
        model.set_rows([KERINCI, better, MERANGIN])
    assert spy.events == [("dataChanged", (1, 0), (1, len(Column) - 1))]
    assert model.data(model.index(1, Column.BALANCE)) == "0"


def test_unchanged_rows_emit_nothing(model: StrengthModel) -> None:
    spy = Spy(model)
    model.set_rows([KERINCI, BUNGO, MERANGIN])
    assert spy.events == []


def test_added_and_removed_units_insert_and_remove_rows(
    qtbot: QtBot, qtmodeltester: ModelTester, model: StrengthModel
) -> None:
    qtmodeltester.check(model)
    spy = Spy(model)
    with qtbot.assertNotEmitted(model.modelReset):
        model.set_rows([KERINCI, TEBO, MERANGIN])  # Bungo gone, Tebo in its place
    assert spy.kinds() == ["rowsRemoved", "rowsInserted"]
    assert names(model) == ["Polres Kerinci", "Polres Tebo", "Polres Merangin"]

    spy.events.clear()
    model.set_rows([BUNGO, KERINCI, TEBO, MERANGIN, row(5, "Polres Sarolangun")])
    assert spy.kinds() == ["rowsInserted", "rowsInserted"]
    assert names(model)[0] == "Polres Bungo" and names(model)[-1] == "Polres Sarolangun"

    model.set_rows([])
    assert model.rowCount() == 0


def test_reorder_is_a_layout_change_that_keeps_selections(
    qtbot: QtBot, qtmodeltester: ModelTester, model: StrengthModel
) -> None:
    qtmodeltester.check(model)
    kept = QPersistentModelIndex(model.index(2, Column.TPS))  # Merangin
    renamed = dataclasses.replace(MERANGIN, name="Polres Merangin (Bangko)")
    with qtbot.assertNotEmitted(model.modelReset):
        model.set_rows([renamed, KERINCI, BUNGO])
    assert names(model) == ["Polres Merangin (Bangko)", "Polres Kerinci", "Polres Bungo"]
    assert (kept.row(), kept.column()) == (0, Column.TPS)


def test_figures_are_right_aligned_and_the_balance_is_coloured(model: StrengthModel) -> None:
    align = Qt.ItemDataRole.TextAlignmentRole
    assert model.data(model.index(0, Column.TPS), align) & Qt.AlignmentFlag.AlignRight
    assert model.data(model.index(0, Column.UNIT), align) & Qt.AlignmentFlag.AlignLeft
    background = Qt.ItemDataRole.BackgroundRole

    def colour(r: int) -> Any:
        brush = model.data(model.index(r, Column.BALANCE), background)
        return brush.color() if isinstance(brush, QBrush) else None

    assert colour(0) == SURPLUS_BACKGROUND  # Kerinci +2
    assert colour(1) == DEFICIT_BACKGROUND  # Bungo -6
    assert colour(2) is None  # Merangin exactly staffed
    assert model.data(model.index(1, Column.BALANCE)) == "\u22126"
    assert model.data(model.index(0, Column.BALANCE)) == "+2"
    assert model.data(model.index(1, Column.BALANCE), SORT_ROLE) == -6
    # Long labels break in two lines, so narrow screens keep room for the unit names.
    headers = [model.headerData(c, Qt.Orientation.Horizontal).replace("\n", " ") for c in Column]
    assert headers == [
        "Satuan", "TPS", "Kebutuhan Polri", "Kekuatan", "BKO masuk", "BKO keluar", "Selisih",
    ]  # fmt: skip


@pytest.fixture
def panel() -> Iterator[StrengthPanel]:
    # Not qtbot.addWidget: that deletes the panel before qtmodeltester lets go of its proxy.
    widget = StrengthPanel()
    yield widget
    widget.deleteLater()


def test_panel_sorts_numbers_as_numbers(panel: StrengthPanel, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(panel.proxy)
    panel.model.set_rows([KERINCI, BUNGO, MERANGIN, TEBO])  # TPS 16, 6, 40, 9
    proxy = panel.proxy
    assert proxy.sortColumn() == -1  # tree order until someone clicks a header
    panel.view.sortByColumn(Column.TPS, Qt.SortOrder.DescendingOrder)
    column = [proxy.data(proxy.index(i, Column.TPS)) for i in range(proxy.rowCount())]
    assert column == ["40", "16", "9", "6"]
    # The sort follows updates: Tebo's TPS count grows past Kerinci's.
    panel.model.set_rows([KERINCI, BUNGO, MERANGIN, dataclasses.replace(TEBO, tps_total=20)])
    column = [proxy.data(proxy.index(i, Column.UNIT)) for i in range(proxy.rowCount())]
    assert column == ["Polres Merangin", "Polres Tebo", "Polres Kerinci", "Polres Bungo"]


def test_unrated_tps_are_said_in_the_tps_cell(qtmodeltester: ModelTester) -> None:
    """Issue 18: TPS from the KPU's list not yet rated are counted in the TPS cell."""
    model = StrengthModel()
    qtmodeltester.check(model)
    unrated = UnitStrengthRow(5, "Polres Bangka", "polres", 452, 300, 363, 0, 0, 63, 40)
    model.set_rows([KERINCI, unrated])
    cell = model.index(1, Column.TPS)
    assert model.data(cell) == "452 (40 belum dinilai)"
    assert model.data(cell, SORT_ROLE) == 452
    assert "40 TPS belum dinilai" in model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(0, Column.TPS)) == "16"
