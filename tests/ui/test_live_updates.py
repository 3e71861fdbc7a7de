"""The one live-update path (ui.live_updates) as the real panels use it: a failed apply is
not lost, a hidden view applies once when shown, a closed or deleted view leaves the feed,
a board with nothing loaded ignores changes, and one's own edit is read once."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import SIGNAL
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from opscenter import journal, overview, units
from opscenter.actor import Actor
from opscenter.errors import ConnectionLost, NoOperation
from opscenter.live import JournalChanges, JournalFollower
from opscenter.progress import CancelToken, Job, Progress
from opscenter.store import Store, open_store
from tests.builders import ADMIN, Small, build_small_operation
from tests.ui.conftest import FixedClock
from ui.desk import Desk
from ui.live import ChangeFeed
from ui.live_updates import LiveUpdates
from ui.units_board import UnitsBoard
from ui.units_columns import Column

VOTING_MORNING = datetime(2024, 11, 27, 3, 0, tzinfo=UTC)
OTHER = Actor("operator.lain", role="admin")
CHANGED = SIGNAL("changed(PyObject)")  # ChangeFeed.changed, for QObject.receivers


@pytest.fixture
def small(store: Store) -> Small:
    return build_small_operation(store)


@pytest.fixture
def other_store(sqlite_url: str, store: Store) -> Iterator[Store]:
    s = open_store(sqlite_url)
    yield s
    s.dispose()


def make_board(qtbot: QtBot, store: Store, *, show: bool = True, add: bool = True) -> UnitsBoard:
    b = UnitsBoard(Desk(store, ADMIN, QUndoStack(), FixedClock(VOTING_MORNING)))
    if add:  # closed (and deleted) by pytest-qt after the test
        qtbot.addWidget(b)
    b.resize(1600, 900)
    if show:
        b.show()
        qtbot.waitExposed(b)
        qtbot.waitUntil(lambda: b.figures_recomputed >= 1)
        # And the readiness column's first read, which follows the figures: landing later it
        # would repaint rows in the middle of what a test counts.
        qtbot.waitUntil(lambda: b.readiness_column.reads >= 1 and not b.readiness_column.busy())
    return b


def status_of(b: UnitsBoard, unit_id: int) -> object:
    model = b.rows.tree_model
    return model.data(model.index_of(unit_id, b.rows.cells.layout.first(Column.STATUS)))


def counted(signal: Any) -> list[object]:
    seen: list[object] = []
    signal.connect(seen.append)
    return seen


def test_a_failing_apply_is_not_lost_but_read_again_with_a_logged_reason(
    qtbot: QtBot,
    store: Store,
    other_store: Store,
    small: Small,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    board = make_board(qtbot, store)
    follower = JournalFollower(store)
    pa2 = small.units["PA2"]
    units.set_status(other_store, OTHER, pa2, small.statuses["bergerak"])
    changes = follower.poll()
    assert changes is not None  # the cursor has moved past this change: it exists only here

    real = board.rows.update_rows
    calls = [0]

    def fails_once(rows: Any) -> None:
        calls[0] += 1
        if calls[0] == 1:
            raise RuntimeError("repaint broke")
        real(rows)

    monkeypatch.setattr(board.rows, "update_rows", fails_once)
    with caplog.at_level(logging.WARNING, logger="ui.live_updates"):
        board.apply_changes(changes)
    assert calls[0] == 1
    assert status_of(board, pa2) == "Bergerak"  # the full re-read shows it
    assert "units board" in caplog.text and "repaint broke" in caplog.text
    assert "reading everything again" in caplog.text


def test_a_hidden_view_gets_nothing_until_shown_then_applies_the_merged_changes_once(
    qtbot: QtBot, store: Store, other_store: Store, small: Small
) -> None:
    board = make_board(qtbot, store)
    follower = JournalFollower(store)
    applied = counted(board.live.applied)
    board.hide()
    pa1, pb = small.units["PA1"], small.units["PB"]
    units.set_status(other_store, OTHER, pa1, small.statuses["bergerak"])
    first = follower.poll()
    units.set_status(other_store, OTHER, pb, small.statuses["tidak-siap"])
    second = follower.poll()
    assert first is not None and second is not None
    board.apply_changes(first)
    board.apply_changes(second)
    assert applied == []
    assert status_of(board, pa1) == "Siaga" and status_of(board, pb) == "Siaga"
    board.show()
    assert len(applied) == 1
    merged = applied[0]
    assert isinstance(merged, JournalChanges)
    assert merged.ids("unit") == {pa1, pb}
    assert (merged.first_seq, merged.last_seq) == (first.first_seq, second.last_seq)
    assert status_of(board, pa1) == "Bergerak" and status_of(board, pb) == "Tidak siap"


def test_a_closed_wall_leaves_the_feed(qtbot: QtBot, store: Store, small: Small) -> None:
    from ui.wall_board import build_wall

    with store.read() as s:
        snapshot = overview.build(s, now=VOTING_MORNING)
    wall = build_wall(store, snapshot, clock=FixedClock(VOTING_MORNING))
    feed = ChangeFeed(store)
    wall.follow(feed.changed)
    panels = (wall.board, wall.stages, wall.incidents)
    applied = [counted(p.live.applied) for p in panels]
    wall.show()
    qtbot.waitExposed(wall)
    wall.close()  # Esc or F11 on the wall
    change = JournalChanges(1, 1, {"unit": frozenset({small.units["PA"]})})
    feed.changed.emit(change)
    assert applied == [[], [], []]
    assert all(p.live.pending() is None for p in panels)  # nothing queued all night
    assert feed.receivers(CHANGED) == 0
    feed.stop()


def test_a_deleted_view_is_disconnected(qtbot: QtBot, store: Store, small: Small) -> None:
    board = make_board(qtbot, store, add=False)
    feed = ChangeFeed(store)
    board.live.follow(feed.changed)
    assert feed.receivers(CHANGED) == 1
    gone: list[bool] = []
    board.destroyed.connect(lambda: gone.append(True))
    board.deleteLater()
    qtbot.waitUntil(lambda: bool(gone))
    assert feed.receivers(CHANGED) == 0
    feed.changed.emit(JournalChanges(1, 1, {"unit": frozenset({small.units["PA"]})}))
    feed.stop()


def test_a_board_with_nothing_loaded_ignores_a_unit_only_change(qtbot: QtBot, store: Store) -> None:
    board = make_board(qtbot, store, show=False)
    board.show()
    assert board.rows.rows == {}
    board.apply_changes(JournalChanges(3, 3, {"unit": frozenset({7})}))  # crashed (assert)
    assert board.rows.rows == {}
    assert board.live.pending() is None  # ignored, not kept for later


def _count_unit_reads(monkeypatch: pytest.MonkeyPatch) -> list[set[int]]:
    """Every ``reload_units`` call of the ui, from whichever module calls it."""
    from opscenter import board as core_board

    original = core_board.reload_units
    reads: list[set[int]] = []

    def counting(session: Any, ids: Any, **kw: Any) -> Any:
        reads.append(set(ids))
        return original(session, ids, **kw)

    for name, module in list(sys.modules.items()):
        if name.startswith("ui.") and getattr(module, "reload_units", None) is original:
            monkeypatch.setattr(module, "reload_units", counting)
    return reads


def test_ones_own_status_change_is_read_once(
    qtbot: QtBot, store: Store, small: Small, monkeypatch: pytest.MonkeyPatch
) -> None:
    board = make_board(qtbot, store)
    feed = ChangeFeed(store, interval_ms=0)
    feed.changed.connect(board.apply_changes)  # as the main window's panels get it
    reads = _count_unit_reads(monkeypatch)
    delivered = counted(feed.changed)
    pa1 = small.units["PA1"]
    with qtbot.waitSignal(board.write_done):
        assert board.set_unit_status(pa1, small.statuses["bergerak"], "Patroli")
    with store.read() as s:
        head = journal.head(s)
    qtbot.waitUntil(lambda: feed.cursor >= head)  # the feed has reported the change too
    assert delivered and any(
        pa1 in c.ids("unit") for c in delivered if isinstance(c, JournalChanges)
    )
    assert status_of(board, pa1) == "Bergerak"
    assert reads == [{pa1}]  # read back by the writer, not again for the feed
    feed.stop()


def test_a_change_by_someone_else_during_ones_own_write_is_still_read(
    qtbot: QtBot, store: Store, other_store: Store, small: Small
) -> None:
    """The feed's report of a unit being written is left to the write's read-back; a change
    committed after that read is read once more (nothing is lost to the skipping)."""
    board = make_board(qtbot, store)
    follower = JournalFollower(store)
    pa1 = small.units["PA1"]
    board.live.expect("unit", {pa1})
    units.set_status(other_store, OTHER, pa1, small.statuses["tidak-siap"])
    changes = follower.poll()
    assert changes is not None
    board.apply_changes(changes)
    assert status_of(board, pa1) == "Siaga"  # left to the write that will read it
    again = board.live.note_read(changes.last_seq - 1, "unit", {pa1})  # read before it
    assert again == {pa1}
    board.refresh_units(again)
    assert status_of(board, pa1) == "Tidak siap"


def _rows(changes: JournalChanges) -> dict[str, set[int]]:
    return {k: set(v) for k, v in changes.rows.items()}


def test_merged_changes_keep_fields_only_where_both_name_them() -> None:
    a = JournalChanges(1, 2, {"unit": frozenset({1}), "stage": frozenset({4})},
                       {"unit": frozenset({"status_id"}), "stage": frozenset({"*"})})  # fmt: skip
    b = JournalChanges(3, 3, {"unit": frozenset({2}), "incident": frozenset({9})},
                       {"unit": frozenset({"version"})})  # fmt: skip
    merged = a | b
    assert (merged.first_seq, merged.last_seq) == (1, 3)
    assert _rows(merged) == {"unit": {1, 2}, "stage": {4}, "incident": {9}}
    assert merged.fields == {"unit": {"status_id", "version"}, "stage": {"*"}}
    assert _rows(merged.without("unit", frozenset({1, 2}))) == {"stage": {4}, "incident": {9}}


# --- background reads (LiveUpdates.read) -----------------------------------------------------


def _gated(gate: threading.Event, result: object) -> Job[object]:
    """A read that lands (or fails, for an exception) when ``gate`` is set."""

    def job(_progress: Progress, _cancel: CancelToken) -> object:
        assert gate.wait(10), "the test never let this read land"
        if isinstance(result, BaseException):
            raise result
        return result

    return job


@pytest.fixture
def plain_view(qtbot: QtBot) -> QWidget:
    view = QWidget()
    qtbot.addWidget(view)
    view.show()
    return view


def test_only_the_newest_read_is_shown_and_changes_wait_for_every_read_in_flight(
    qtbot: QtBot, plain_view: QWidget
) -> None:
    applied: list[JournalChanges] = []
    live = LiveUpdates(plain_view, apply=applied.append, reload=lambda: None)
    shown: list[object] = []
    older, newer = threading.Event(), threading.Event()
    live.read(_gated(older, "older"), shown.append)
    live.read(_gated(newer, "newer"), shown.append)
    change = JournalChanges(1, 1, {"unit": frozenset({3})})
    live.deliver(change)
    assert applied == [] and live.held  # it waits for the reads

    newer.set()
    qtbot.waitUntil(lambda: shown == ["newer"])
    assert applied == [] and live.reading  # the older read is still in flight

    older.set()
    qtbot.waitUntil(lambda: not live.reading)
    assert shown == ["newer"]  # the older read landed on nobody
    assert applied == [change]
    assert not live.held


def test_a_failed_read_is_logged_and_told_only_when_it_was_the_newest(
    qtbot: QtBot, plain_view: QWidget, caplog: pytest.LogCaptureFixture
) -> None:
    applied: list[JournalChanges] = []
    live = LiveUpdates(plain_view, apply=applied.append, reload=lambda: None)
    told: list[BaseException] = []
    shown: list[object] = []
    older, newer = threading.Event(), threading.Event()
    live.read(_gated(older, OSError("older")), shown.append, failed=told.append, what="test read")
    live.read(_gated(newer, OSError("newer")), shown.append, failed=told.append, what="test read")
    live.deliver(JournalChanges(1, 1, {"unit": frozenset({3})}))
    with caplog.at_level(logging.WARNING):
        older.set()
        newer.set()
        qtbot.waitUntil(lambda: not live.reading)
    assert [str(e) for e in told] == ["newer"]
    assert shown == []
    assert sum("test read" in r.getMessage() for r in caplog.records) == 2
    assert len(applied) == 1  # the change waited, and was applied after both


def test_a_read_whose_showing_raises_still_lets_the_waiting_changes_through(
    qtbot: QtBot, plain_view: QWidget
) -> None:
    applied: list[JournalChanges] = []
    live = LiveUpdates(plain_view, apply=applied.append, reload=lambda: None)
    gate = threading.Event()

    def show(_result: object) -> None:
        raise ValueError("a view that cannot show this read")

    live.read(_gated(gate, "x"), show)
    live.deliver(JournalChanges(1, 1, {"unit": frozenset({3})}))
    with qtbot.captureExceptions() as raised:
        gate.set()
        qtbot.waitUntil(lambda: not live.reading)
    assert [type(e[1]) for e in raised] == [ValueError]
    assert len(applied) == 1


def _reads_in_turn(outcomes: list[object]) -> tuple[Job[object], list[int]]:
    """A read that gives the next of ``outcomes`` each time it runs (an exception is
    raised), and the list of the runs so far."""
    runs: list[int] = []

    def job(_progress: Progress, _cancel: CancelToken) -> object:
        runs.append(len(runs))
        outcome = outcomes[min(len(runs) - 1, len(outcomes) - 1)]
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    return job, runs


def test_a_read_that_fails_while_the_server_is_away_is_tried_again_and_shows_what_it_missed(
    qtbot: QtBot, plain_view: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.live_updates.RETRY_MS", 20)
    job, runs = _reads_in_turn([ConnectionLost(detail="server restarted"), "fresh"])
    shown: list[object] = []
    told: list[BaseException] = []

    def reload() -> None:
        live.read(job, shown.append, failed=told.append, what="test read")

    live = LiveUpdates(plain_view, apply=lambda _c: reload(), reload=reload)
    reload()  # e.g. the re-read a change asked for, when the connection dropped
    qtbot.waitUntil(lambda: shown == ["fresh"])
    assert [type(e) for e in told] == [ConnectionLost]  # said once, then read whole
    assert len(runs) == 2 and not live.reading


def test_a_read_that_fails_for_a_lasting_reason_is_not_tried_over_and_over(
    qtbot: QtBot, plain_view: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.live_updates.RETRY_MS", 20)
    job, runs = _reads_in_turn([NoOperation(url="sqlite://"), "never"])
    told: list[BaseException] = []

    def reload() -> None:
        live.read(job, lambda _r: None, failed=told.append, what="test read")

    live = LiveUpdates(plain_view, apply=lambda _c: reload(), reload=reload)
    reload()
    qtbot.waitUntil(lambda: told != [] and not live.reading)
    qtbot.wait(10 * 20)  # ten retry intervals: a retry would have run by now
    assert len(runs) == 1 and [type(e) for e in told] == [NoOperation]


def test_a_read_of_a_part_leaves_a_due_re_read_due(
    qtbot: QtBot, plain_view: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A whole read failed while the server was away; a read of a part only (the planning
    window's inputs after a rating) that lands before the retry does not count as the
    whole read: the retry still reads everything."""
    monkeypatch.setattr("ui.live_updates.RETRY_MS", 50)
    whole, runs = _reads_in_turn([ConnectionLost(detail="failover"), "whole"])
    shown: list[object] = []

    def reload() -> None:
        live.read(whole, shown.append, what="test read")

    live = LiveUpdates(plain_view, apply=lambda _c: reload(), reload=reload)
    reload()
    qtbot.waitUntil(lambda: len(runs) == 1 and not live.reading)
    live.read(lambda _p, _c: "part", shown.append, what="part read", whole=False)
    qtbot.waitUntil(lambda: shown == ["part", "whole"])
    assert len(runs) == 2
