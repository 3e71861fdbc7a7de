"""The units board: correct models (also after live updates), status changes with undo, live
changes from another store without a reset, hidden boards that catch up when shown."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QStyledItemDelegate, QStyleOptionViewItem
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from opscenter import progress, units
from opscenter.actor import Actor
from opscenter.live import JournalFollower
from opscenter.model import JournalEntry, JournalTxn, Personnel, Rank, Unit
from opscenter.reference import by_code
from opscenter.store import Store, open_store
from tests.builders import ADMIN, Small, build_small_operation
from tests.ui.alt_letters import alt_letter_faults
from tests.ui.conftest import FixedClock, drawn
from ui.desk import Desk
from ui.units_board import UnitsBoard
from ui.units_columns import UNIT_ID_ROLE, Column

# 10:00 WIB on voting day: the Brimob loan to Polsek A1 is in force.
VOTING_MORNING = datetime(2024, 11, 27, 3, 0, tzinfo=UTC)
OTHER = Actor("operator.lain", role="admin")


@pytest.fixture
def small(store: Store) -> Small:
    return build_small_operation(store)


@pytest.fixture
def board(qtbot: QtBot, store: Store, small: Small, qtmodeltester: ModelTester) -> UnitsBoard:
    b = UnitsBoard(Desk(store, ADMIN, QUndoStack(), FixedClock(VOTING_MORNING)))
    qtbot.addWidget(b)
    b.resize(1600, 900)
    b.show()
    qtbot.waitExposed(b)
    qtbot.waitUntil(lambda: b.figures_recomputed >= 1)  # figures come from a background job
    # The readiness column's first read follows the figures and the first paint; until it
    # lands it would repaint every judged row in the middle of a test's count of repaints.
    qtbot.waitUntil(lambda: b.readiness_column.reads >= 1 and not b.readiness_column.busy())
    # Qt's QAbstractItemModelTester checks each model now and after every signal it emits.
    for model in (b.rows.tree_model, b.rows.flat_model, b.tree_proxy, b.flat_proxy):
        qtmodeltester.check(model, force_py=False)
    return b


@pytest.fixture
def other_store(sqlite_url: str, store: Store) -> Iterator[Store]:
    """A second store on the same file: another window or workstation."""
    s = open_store(sqlite_url)
    yield s
    s.dispose()


def row_of(b: UnitsBoard, unit_id: int) -> int:
    return b.rows.flat_row[unit_id]


def cell(
    b: UnitsBoard, unit_id: int, column: int, role: int = Qt.ItemDataRole.DisplayRole
) -> object:
    model = b.rows.tree_model
    return model.data(model.index_of(unit_id, column), role)


def db_status(store: Store, unit_id: int) -> tuple[int | None, str | None, int]:
    with store.read() as s:
        u = s.get_one(Unit, unit_id)
        return u.status_id, u.status_reason, u.version


def status_txns(store: Store, unit_id: int) -> list[str]:
    with store.read() as s:
        stmt = (
            select(JournalTxn.action)
            .join(JournalEntry, JournalEntry.txn_id == JournalTxn.id)
            .where(JournalEntry.entity == "unit", JournalEntry.entity_id == unit_id)
            .order_by(JournalEntry.seq)
        )
        return [a for a in s.scalars(stmt) if a == "unit.set_status"]


@contextmanager
def no_reset(qtbot: QtBot, board: UnitsBoard) -> Iterator[None]:
    """None of the board's four models (tree, flat, and their proxies) resets inside."""
    models = (board.rows.tree_model, board.rows.flat_model, board.tree_proxy, board.flat_proxy)
    with ExitStack() as stack:
        for model in models:
            stack.enter_context(qtbot.assertNotEmitted(model.modelReset))
        yield


def test_board_shows_the_tree_with_roll_ups_and_colours(board: UnitsBoard, small: Small) -> None:
    tree = board.rows.tree_model
    assert tree.rowCount() == 3  # Polda Uji, Satgas Preventif, Linmas Kab. A
    polda = tree.index_of(small.units["POLDA"])
    assert tree.rowCount(polda) == 3  # Polres A, Polres B, Sat Brimob
    assert cell(board, small.units["PA"], Column.UNIT) == "Polres A"
    assert cell(board, small.units["PA"], Column.REQUIRED) == "14"
    assert cell(board, small.units["PA"], Column.AVAILABLE) == "16"
    assert cell(board, small.units["PA"], Column.BALANCE) == "+2"
    # Polres B needs 6 and has 9: no deficit colour; Polsek B1 has nobody: red.
    layout = board.rows.cells.layout
    balance = layout.first(Column.BALANCE)
    assert cell(board, small.units["PB"], balance, Qt.ItemDataRole.BackgroundRole) is None
    deficit = cell(board, small.units["PB1"], balance, Qt.ItemDataRole.BackgroundRole)
    assert deficit is not None and deficit.color().name() == "#c62828"
    status = layout.first(Column.STATUS)
    swatch = cell(board, small.units["PA"], status, Qt.ItemDataRole.BackgroundRole)
    assert swatch is not None and swatch.color().name() == "#2e7d32"
    headers = [
        str(tree.headerData(i, Qt.Orientation.Horizontal)) for i in range(tree.columnCount())
    ]
    assert headers[:5] == ["Satuan", "Status", "Kekuatan", "Kebutuhan", "Selisih"]
    assert "TPS\nKurang\nrawan" in headers and "Kejadian\nBerat" in headers
    assert headers[-1] == "Perubahan\nterakhir (WIB)"


def test_change_status_through_the_board_then_undo_and_redo(
    qtbot: QtBot, board: UnitsBoard, store: Store, small: Small
) -> None:
    pa1 = small.units["PA1"]
    siaga, di_lokasi = small.statuses["siaga"], small.statuses["di-lokasi"]
    assert board.select_unit(pa1)
    assert board.selected_unit_id() == pa1

    # The one action (F2 in the main window, tests/ui/test_keys.py): a dialog on the unit.
    board.change_status_action.trigger()
    dialog = board.status_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClick(dialog.list, Qt.Key.Key_3)  # "3  Di lokasi" (the seeded order)
    assert dialog.status_id() == di_lokasi
    assert dialog.focusWidget() is dialog.reason_edit
    qtbot.keyClicks(dialog.reason_edit, "Pengamanan TPS 03")
    with qtbot.waitSignal(board.write_done) as saved:
        qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
        # Saved on the write thread: meanwhile the row shows the change as pending.
        assert cell(board, pa1, Column.STATUS) == "Di lokasi \u2026"
    assert saved.args == [True]

    assert db_status(store, pa1)[:2] == (di_lokasi, "Pengamanan TPS 03")
    assert cell(board, pa1, Column.STATUS) == "Di lokasi"
    assert board.undo_stack.count() == 1
    assert board.selected_unit_id() == pa1
    assert len(status_txns(store, pa1)) == 1

    with qtbot.waitSignal(board.write_done):
        board.undo_stack.undo()
    assert db_status(store, pa1)[:2] == (siaga, None)
    assert cell(board, pa1, Column.STATUS) == "Siaga"
    assert len(status_txns(store, pa1)) == 2  # the undo is journaled too

    with qtbot.waitSignal(board.write_done):
        board.undo_stack.redo()
    assert db_status(store, pa1)[:2] == (di_lokasi, "Pengamanan TPS 03")
    assert cell(board, pa1, Column.STATUS) == "Di lokasi"
    assert len(status_txns(store, pa1)) == 3
    assert board.selected_unit_id() == pa1


def test_context_menu_offers_the_same_action(board: UnitsBoard, small: Small) -> None:
    index = board.tree_proxy.mapFromSource(board.rows.tree_model.index_of(small.units["PA"]))
    board.tree_view.scrollTo(index)
    pos = board.tree_view.visualRect(index).center()
    menu = board.context_menu_at(pos)
    assert menu is not None
    assert board.selected_unit_id() == small.units["PA"]
    assert board.change_status_action in menu.actions()
    menu.close()


def test_a_change_from_another_store_arrives_without_a_reset_and_keeps_the_selection(
    qtbot: QtBot, board: UnitsBoard, store: Store, other_store: Store, small: Small
) -> None:
    follower = JournalFollower(store)
    pb1 = small.units["PB1"]
    assert board.select_unit(pb1)
    board.set_tree_mode(False)
    assert board.selected_unit_id() == pb1
    units.set_status(other_store, OTHER, small.units["PA2"], small.statuses["bergerak"],
                     reason="Patroli")  # fmt: skip
    changes = follower.poll()
    assert changes is not None and changes.ids("unit") == {small.units["PA2"]}
    changed: list[int] = []
    board.rows.flat_model.dataChanged.connect(
        lambda tl, br, *_: changed.extend(board.rows.flat[r] for r in range(tl.row(), br.row() + 1))
    )
    with no_reset(qtbot, board):
        board.apply_changes(changes)
    assert changed == [small.units["PA2"]]
    assert cell(board, small.units["PA2"], Column.STATUS) == "Bergerak"
    changed_text = cell(board, small.units["PA2"], board.rows.cells.layout.first(Column.CHANGED))
    assert "operator.lain" in str(changed_text)
    assert board.selected_unit_id() == pb1


def test_personnel_change_recomputes_only_the_rows_whose_figures_moved(
    qtbot: QtBot, board: UnitsBoard, store: Store, other_store: Store, small: Small
) -> None:
    follower = JournalFollower(store)
    assert board.select_unit(small.units["PB1"])
    with other_store.transaction(OTHER, "test.personnel") as s:
        rank = by_code(s, Rank, small.operation_id)["bripda"]
        for n in range(3):
            s.add(Personnel(operation_id=small.operation_id, nrp=f"8800000{n}", name=f"Baru {n}",
                            rank_id=rank.id, home_unit_id=small.units["PB1"]))  # fmt: skip
    changes = follower.poll()
    assert changes is not None and "personnel" in changes
    changed: set[int] = set()
    tree = board.rows.tree_model

    def note(tl: QModelIndex, br: QModelIndex, *_: object) -> None:
        parent = tl.parent()
        for r in range(tl.row(), br.row() + 1):
            changed.add(int(tree.index(r, 0, parent).internalId()))

    tree.dataChanged.connect(note)
    before = board.figures_recomputed
    with (
        qtbot.assertNotEmitted(tree.modelReset),
        qtbot.assertNotEmitted(board.tree_proxy.modelReset),
    ):
        board.apply_changes(changes)
        qtbot.waitUntil(lambda: board.figures_recomputed > before)
    # Polsek B1 and its chain of command: Polres B, Polda.
    assert changed == {small.units["PB1"], small.units["PB"], small.units["POLDA"]}
    assert cell(board, small.units["PB1"], Column.AVAILABLE) == "3"
    assert board.selected_unit_id() == small.units["PB1"]


def test_a_stale_edit_shows_who_changed_it_and_rereads_the_row(
    qtbot: QtBot, board: UnitsBoard, store: Store, other_store: Store, small: Small
) -> None:
    pa = small.units["PA"]
    units.set_status(other_store, OTHER, pa, small.statuses["kembali"])
    # The board has not heard yet: it still holds the old version.
    with qtbot.waitSignal(board.write_done) as refused:
        board.set_unit_status(pa, small.statuses["tidak-siap"], "Kendaraan rusak")
    assert refused.args == [False]
    assert board.last_error is not None and "operator.lain" in board.last_error
    assert cell(board, pa, Column.STATUS) == "Kembali"  # the row was re-read
    assert board.undo_stack.count() == 0
    assert db_status(store, pa)[0] == small.statuses["kembali"]
    # Reload and re-apply: the box offers the operator's change again, on the fresh version.
    again = board.error_box.button(QMessageBox.StandardButton.Retry)
    assert again is not None
    assert again.text() == "&Terapkan lagi"
    assert alt_letter_faults(board.error_box) == []  # Alt+T, Alt+A
    with qtbot.waitSignal(board.write_done):
        again.click()
    assert db_status(store, pa)[0] == small.statuses["tidak-siap"]
    assert cell(board, pa, Column.STATUS) == "Tidak siap"
    assert board.undo_stack.count() == 1  # the click closed the box


def test_undo_after_someone_else_changed_the_unit_is_refused(
    qtbot: QtBot, board: UnitsBoard, store: Store, other_store: Store, small: Small
) -> None:
    pa2 = small.units["PA2"]
    with qtbot.waitSignal(board.write_done):
        assert board.set_unit_status(pa2, small.statuses["bergerak"])
    units.set_status(other_store, OTHER, pa2, small.statuses["di-lokasi"])
    with qtbot.waitSignal(board.write_done):
        board.undo_stack.undo()
    assert board.last_error is not None and "operator.lain" in board.last_error
    assert db_status(store, pa2)[0] == small.statuses["di-lokasi"]  # nothing overwritten
    board.error_box.close()


def test_a_hidden_board_applies_changes_when_shown(
    qtbot: QtBot, board: UnitsBoard, store: Store, other_store: Store, small: Small
) -> None:
    follower = JournalFollower(store)
    board.hide()
    units.set_status(other_store, OTHER, small.units["PB"], small.statuses["tidak-siap"])
    changes = follower.poll()
    assert changes is not None
    board.apply_changes(changes)
    assert cell(board, small.units["PB"], Column.STATUS) == "Siaga"  # deferred
    with qtbot.assertNotEmitted(board.rows.tree_model.modelReset):
        board.show()
    assert cell(board, small.units["PB"], Column.STATUS) == "Tidak siap"


def test_new_and_moved_units_are_inserted_and_moved_not_reset(
    qtbot: QtBot, board: UnitsBoard, store: Store, other_store: Store, small: Small
) -> None:
    follower = JournalFollower(store)
    with other_store.transaction(OTHER, "test.unit") as s:
        u = Unit(operation_id=small.operation_id, tree="territorial", kind="polsek",
                 code="pb2", name="Polsek B2", parent_id=small.units["PB"])  # fmt: skip
        s.add(u)
        s.flush()
        new_id = u.id
    changes = follower.poll()
    assert changes is not None
    tree = board.rows.tree_model
    with qtbot.assertNotEmitted(tree.modelReset), qtbot.waitSignal(tree.rowsInserted):
        board.apply_changes(changes)
    assert tree.parent(tree.index_of(new_id)) == tree.index_of(small.units["PB"])
    units.update_unit(other_store, OTHER, new_id, 1, parent_id=small.units["PA"])
    changes = follower.poll()
    assert changes is not None
    with qtbot.assertNotEmitted(tree.modelReset), qtbot.waitSignal(tree.rowsMoved):
        board.apply_changes(changes)
    assert tree.parent(tree.index_of(new_id)) == tree.index_of(small.units["PA"])
    assert board.rows.flat_model.rowCount() == len(small.units) + 1


def test_search_status_and_tree_filters(qtbot: QtBot, board: UnitsBoard, small: Small) -> None:
    board.set_tree_mode(False)
    board.search.setText("polsek a")
    proxy = board.flat_proxy
    names = {proxy.index(r, 0).data() for r in range(proxy.rowCount())}
    assert names == {"Polsek A1", "Polsek A2"}
    board.search.clear()
    board.tree_filter.setCurrentIndex(board.tree_filter.findData("satgas"))
    assert {proxy.index(r, 0).data() for r in range(proxy.rowCount())} == {"Satgas Preventif"}
    board.tree_filter.setCurrentIndex(0)
    with qtbot.waitSignal(board.write_done):
        board.set_unit_status(small.units["PB"], small.statuses["bergerak"])
    board.status_filter.setCurrentIndex(board.status_filter.findData(small.statuses["bergerak"]))
    assert [proxy.index(r, 0).data(UNIT_ID_ROLE) for r in range(proxy.rowCount())] == [
        small.units["PB"]
    ]
    # The tree keeps the chain of command of a match.
    board.status_filter.setCurrentIndex(0)
    board.set_tree_mode(True)
    board.search.setText("Polsek B1")
    tree = board.tree_proxy
    assert tree.rowCount() == 1 and tree.index(0, 0).data() == "Polda Uji"


def test_sorting_the_flat_view_by_deficit(board: UnitsBoard, small: Small) -> None:
    board.set_tree_mode(False)
    board.flat_view.sortByColumn(board.rows.cells.layout.first(Column.BALANCE),
                                 Qt.SortOrder.AscendingOrder)  # fmt: skip
    first = board.flat_proxy.index(0, 0).data(UNIT_ID_ROLE)
    balances = [r.balance for r in board.rows.rows.values()]
    assert board.rows.rows[first].balance == min(balances)


def test_selection_signal_carries_the_unit_id(
    qtbot: QtBot, board: UnitsBoard, small: Small
) -> None:
    with qtbot.waitSignal(board.unit_selected) as blocker:
        board.select_unit(small.units["PA"])
    assert blocker.args == [small.units["PA"]]


def test_a_burst_is_applied_in_slices_without_a_reset(
    qtbot: QtBot,
    board: UnitsBoard,
    store: Store,
    other_store: Store,
    small: Small,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("ui.units_board_updates.UPDATE_SLICE", 2)
    follower = JournalFollower(store)
    assert board.select_unit(small.units["PA"])
    keys = ("PA1", "PA2", "PB", "PB1", "BRIMOB")
    for key in keys:
        units.set_status(other_store, OTHER, small.units[key], small.statuses["bergerak"])
    changes = follower.poll()
    assert changes is not None
    tree = board.rows.tree_model
    with qtbot.assertNotEmitted(tree.modelReset):
        board.apply_changes(changes)
        assert board.pending_updates() > 0  # not all in one go
        # Meanwhile background figure work steps aside (opscenter.progress.step_aside) ...
        assert progress._FOREGROUND.is_set()
        qtbot.waitUntil(lambda: board.pending_updates() == 0)
    assert all(cell(board, small.units[k], Column.STATUS) == "Bergerak" for k in keys)
    assert board.selected_unit_id() == small.units["PA"]
    qtbot.waitUntil(lambda: not progress._FOREGROUND.is_set())  # ... until the burst is shown


def test_a_renamed_status_is_shown_without_a_reset_and_keeps_the_selection(
    qtbot: QtBot, board: UnitsBoard, store: Store, other_store: Store, small: Small
) -> None:
    """Staff rename and recolour a status in the reference list: every row showing it is
    repainted in place; the selection and the columns stay."""
    from opscenter.model import UnitStatus
    from opscenter.reference import update_item

    follower = JournalFollower(store)
    pb1 = small.units["PB1"]
    assert board.select_unit(pb1)
    before = cell(board, pb1, Column.STATUS)
    columns = board.rows.column_count()
    with other_store.transaction(OTHER, "reference.update") as s:
        update_item(s, s.get_one(UnitStatus, small.statuses["siaga"]), name="Siap siaga",
                    colour="#123456")  # fmt: skip
    changes = follower.poll()
    assert changes is not None and "unit_status" in changes
    with no_reset(qtbot, board):
        board.apply_changes(changes)
        qtbot.waitUntil(lambda: cell(board, pb1, Column.STATUS) == "Siap siaga")
    assert before == "Siaga"
    assert board.selected_unit_id() == pb1
    assert board.rows.column_count() == columns
    assert "Siap siaga" in [board.status_filter.itemText(i)
                            for i in range(board.status_filter.count())]  # fmt: skip


def test_a_cut_text_keeps_its_beginning(board: UnitsBoard) -> None:
    """Every column, names too, is cut at its end: "Polres Tanj…ung Barat" was not a name
    (the walk of session 33); the names column is given the room for them whole."""
    view = board.tree_view
    proxy = view.model()
    for section, (kind, _pos) in enumerate(board.rows.cells.layout.columns()):
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.textElideMode = view.textElideMode()  # as the view hands it to a delegate
        delegate = view.itemDelegateForColumn(section) or view.itemDelegate()
        assert isinstance(delegate, QStyledItemDelegate)
        delegate.initStyleOption(option, proxy.index(0, section))
        assert option.textElideMode == Qt.TextElideMode.ElideRight, kind
    # Cut at its end, "Polres Tanjung Jab…" could be Barat or Timur: the tooltip names it.
    names = proxy.index(0, 0)
    assert names.data(Qt.ItemDataRole.ToolTipRole) == names.data() != ""


def test_unrated_tps_get_their_own_column_and_follow_live(
    qtbot: QtBot, board: UnitsBoard, store: Store, other_store: Store, small: Small
) -> None:
    """Issue 18: two of Polsek B1's rawan TPS lose their category on another workstation:
    the board counts them as not yet rated and at the strictest pattern (6 -> 8 police)."""
    from opscenter.model import PollingStation

    layout = board.rows.cells.layout
    unrated = layout.first(Column.UNRATED)
    header = board.rows.tree_model.headerData(unrated, Qt.Orientation.Horizontal)
    assert header == "TPS\nbelum dinilai"
    pb1 = small.units["PB1"]
    assert (cell(board, pb1, unrated), cell(board, pb1, Column.REQUIRED)) == ("0", "6")
    follower = JournalFollower(store)
    with other_store.transaction(OTHER, "test.unrate") as s:
        for ps in s.scalars(select(PollingStation).where(PollingStation.unit_id == pb1).limit(2)):
            ps.category_id = None
    changes = follower.poll()
    assert changes is not None and "polling_station" in changes
    before = board.figures_recomputed
    board.apply_changes(changes)
    qtbot.waitUntil(lambda: board.figures_recomputed > before)
    assert (cell(board, pb1, unrated), cell(board, pb1, Column.REQUIRED)) == ("2", "8")
    assert cell(board, small.units["PB"], unrated) == "2"


def test_a_figure_larger_than_the_columns_widens_them(
    qtbot: QtBot, board: UnitsBoard, store: Store, small: Small
) -> None:
    """The walk imported 19.999 people into one Polres and read "+20.…" in its balance: the
    figure columns are as wide as the largest figure, bold, with its sign, live too."""
    view = board.tree_view
    pb1 = small.units["PB1"]
    follower = JournalFollower(store)
    before = board.figures_recomputed
    units.assign_bko(  # from outside Polres B, so its rows add 20.000 that the Polda's do not
        store,
        ADMIN,
        from_unit_id=small.units["POLDA"],
        to_unit_id=pb1,
        personnel_count=20_000,
        starts_at=VOTING_MORNING - timedelta(days=1),
    )
    changes = follower.poll()
    assert changes is not None
    board.apply_changes(changes)
    qtbot.waitUntil(lambda: board.figures_recomputed > before)
    balance = str(cell(board, pb1, Column.BALANCE))
    assert int(balance.replace(".", "").replace(",", "")) > 19_000, balance
    section = next(
        s for s, (k, _p) in enumerate(board.rows.cells.layout.columns()) if k is Column.BALANCE
    )
    board.tree_view.expandAll()
    index = board.tree_proxy.mapFromSource(board.rows.tree_model.index_of(pb1, section))
    assert index.isValid()
    assert drawn(view, index) == balance  # whole, not "+20.…"


def test_the_footer_counts_the_units_a_filter_shows(
    qtbot: QtBot, board: UnitsBoard, small: Small
) -> None:
    """The walk: with "Kerinci" typed (6 rows) or Bergerak chosen (1 unit) the line under the
    board still said "186 satuan", the whole operation's count."""
    total = len(small.units)
    assert board.footer.text().startswith(f"{total} satuan  ·  F2")
    board.search.setText("polsek a")
    # The tree shows Polda Uji and Polres A above the two matches: two units found.
    assert board.footer.text().startswith(f"2 dari {total} satuan  ·  F2")
    board.set_tree_mode(False)
    assert board.footer.text().startswith(f"2 dari {total} satuan  ·  F2")
    board.set_tree_mode(True)
    board.search.clear()
    assert board.footer.text().startswith(f"{total} satuan  ·  F2")
    with qtbot.waitSignal(board.write_done):
        board.set_unit_status(small.units["PB1"], small.statuses["bergerak"])
    board.status_filter.setCurrentIndex(board.status_filter.findData(small.statuses["bergerak"]))
    assert board.footer.text().startswith(f"1 dari {total} satuan  ·  F2")
    # A unit that takes the filter's status elsewhere joins the count.
    with qtbot.waitSignal(board.write_done):
        board.set_unit_status(small.units["PA2"], small.statuses["bergerak"])
    qtbot.waitUntil(lambda: board.footer.text().startswith(f"2 dari {total} satuan"))


def test_a_filter_that_matches_nothing_says_so_and_how_to_lift_it(
    qtbot: QtBot, board: UnitsBoard, small: Small
) -> None:
    """The walk: Ctrl+Z took the one Bergerak unit out of the filter, and the board went blank
    without a word."""
    total = len(small.units)
    with qtbot.waitSignal(board.write_done):
        board.set_unit_status(small.units["PB"], small.statuses["bergerak"])
    board.status_filter.setCurrentIndex(board.status_filter.findData(small.statuses["bergerak"]))
    assert "Tidak ada satuan" not in board.footer.text()
    with qtbot.waitSignal(board.write_done):
        board.undo_stack.undo()
    assert board.tree_proxy.rowCount() == 0
    empty = "Tidak ada satuan yang cocok dengan saringan ini"
    qtbot.waitUntil(lambda: f"0 dari {total} satuan" in board.footer.text())
    assert f"{empty}: pilih \u201cSemua status\u201d." in board.footer.text()
    assert "F2" not in board.footer.text()  # nothing shown to change
    # Each filter that is on is named, the search first.
    board.search.setText("polres")
    board.tree_filter.setCurrentIndex(board.tree_filter.findData("satgas"))
    assert (
        f"{empty}: kosongkan pencarian, pilih \u201cSemua status\u201d, "
        "pilih \u201cSemua susunan\u201d." in board.footer.text()
    )
    board.status_filter.setCurrentIndex(0)
    board.tree_filter.setCurrentIndex(0)
    assert empty not in board.footer.text()


def test_the_choose_a_unit_hint_goes_once_a_unit_is_chosen(board: UnitsBoard, small: Small) -> None:
    """The walk: "Pilih satu satuan dulu, lalu tekan F2." stayed after a unit was chosen."""
    board.current_view().selectionModel().clear()
    assert board.selected_unit_id() is None
    board.change_status_action.trigger()
    assert board.status_dialog is None
    assert board.footer.text() == "Pilih satu satuan dulu, lalu tekan F2."
    assert board.select_unit(small.units["PA"])
    assert "Pilih satu satuan" not in board.footer.text()
    assert board.footer.text().startswith(f"{len(small.units)} satuan  ·  F2")


@pytest.mark.parametrize("key", [Qt.Key.Key_Down, Qt.Key.Key_Return], ids=["down", "enter"])
@pytest.mark.parametrize("tree", [True, False], ids=["tree", "list"])
def test_down_or_enter_in_the_search_goes_to_the_first_unit_found(
    qtbot: QtBot, board: UnitsBoard, small: Small, key: Qt.Key, tree: bool
) -> None:
    """The walk: from the search box, the list took seven Tabs."""
    board.set_tree_mode(tree)
    board.current_view().selectionModel().clear()
    board.activateWindow()
    qtbot.waitUntil(board.isActiveWindow)
    board.focus_search()
    qtbot.keyClicks(board.search, "polsek a")
    qtbot.keyClick(board.search, key)
    view = board.current_view()
    assert view.hasFocus()
    # In the tree, not Polda Uji above it: the first unit the search found.
    assert board.selected_unit_id() == small.units["PA1"]
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert board.selected_unit_id() == small.units["PA2"]
    # Nothing found: the key stays in the search box.
    board.focus_search()
    qtbot.keyClicks(board.search, "zzz")
    qtbot.keyClick(board.search, key)
    assert board.search.hasFocus()
