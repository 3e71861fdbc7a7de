"""Following the journal from another connection, as a second workstation does."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from opscenter import journal, overview, units
from opscenter.live import WHOLE_ROW, JournalFollower
from opscenter.store import Store, open_store
from tests.builders import ADMIN, Small, build_small_operation


@pytest.fixture
def board_and_writer(db_url: str) -> Iterator[tuple[Store, Store, Small]]:
    writer = open_store(db_url)
    ids = build_small_operation(writer)
    board = open_store(db_url)
    yield board, writer, ids
    board.dispose()
    writer.dispose()


def test_follower_sees_each_change_once(board_and_writer: tuple[Store, Store, Small]) -> None:
    board, writer, ids = board_and_writer
    follower = JournalFollower(board)
    assert follower.poll() is None
    units.set_status(writer, ADMIN, ids.units["PA"], ids.statuses["bergerak"])
    units.set_status(writer, ADMIN, ids.units["PB"], ids.statuses["bergerak"])
    changes = follower.poll()
    assert changes is not None
    assert changes.ids("unit") == {ids.units["PA"], ids.units["PB"]}
    assert "unit_status_change" in changes
    assert follower.poll() is None  # the cursor moved: nothing is reported twice


def test_burst_larger_than_a_batch_is_read_whole(
    board_and_writer: tuple[Store, Store, Small], monkeypatch: pytest.MonkeyPatch
) -> None:
    from opscenter import live

    monkeypatch.setattr(live, "BATCH", 3)
    board, writer, ids = board_and_writer
    follower = JournalFollower(board)
    for key in ("PA", "PA1", "PA2", "PB", "PB1"):
        units.set_status(writer, ADMIN, ids.units[key], ids.statuses["di-lokasi"])
    changes = follower.poll()
    assert changes is not None
    assert len(changes.ids("unit")) == 5
    assert changes.last_seq - changes.first_seq + 1 == 5  # five commits (two rows each)


def test_a_transaction_larger_than_a_batch_is_read_in_pages(
    board_and_writer: tuple[Store, Store, Small], monkeypatch: pytest.MonkeyPatch
) -> None:
    from opscenter import live
    from opscenter.model import Personnel

    monkeypatch.setattr(live, "BATCH", 3)
    board, writer, ids = board_and_writer
    follower = JournalFollower(board)
    rows = [
        {"operation_id": ids.operation_id, "nrp": f"7701{i:04}", "name": f"Massal {i}",
         "home_unit_id": ids.units["PB"]}
        for i in range(7)
    ]  # fmt: skip
    with writer.transaction(ADMIN, "test.bulk_insert") as s:
        new = journal.insert_rows(s, Personnel, rows)
    units.set_status(writer, ADMIN, ids.units["PA"], ids.statuses["di-lokasi"])
    changes = follower.poll()
    assert changes is not None
    assert changes.ids("personnel") == set(new) and len(new) == 7
    assert changes.ids("unit") == {ids.units["PA"]}
    assert changes.last_seq - changes.first_seq + 1 == 2
    assert follower.poll() is None


def test_sqlite_notices_another_process(sqlite_url: str) -> None:
    board = open_store(sqlite_url)
    ids = build_small_operation(board)
    follower = JournalFollower(board)
    try:
        assert follower.outside_change_possible() is False
        root = Path(__file__).resolve().parents[2]
        code = (
            "from opscenter.store import open_store; from opscenter import units;"
            "from opscenter.actor import Actor;"
            f"s = open_store({sqlite_url!r});"
            f"units.set_status(s, Actor('lain', 'operator'), {ids.units['PB']}, "
            f"{ids.statuses['kembali']}); s.dispose()"
        )
        subprocess.run([sys.executable, "-c", code], check=True, cwd=root, timeout=60)
        assert follower.outside_change_possible() is True
        changes = follower.poll()
        assert changes is not None
        assert changes.ids("unit") == {ids.units["PB"]}
        assert follower.outside_change_possible() is False
    finally:
        board.dispose()


def test_changes_name_the_fields_each_entity_changed(
    board_and_writer: tuple[Store, Store, Small],
) -> None:
    board, writer, ids = board_and_writer
    follower = JournalFollower(board)
    units.set_status(writer, ADMIN, ids.units["PA"], ids.statuses["bergerak"])
    changes = follower.poll()
    assert changes is not None
    assert changes.fields["unit"] <= {"status_id", "status_reason", "status_changed_at",
                                      "status_changed_by"}  # fmt: skip
    assert changes.fields["unit_status_change"] == {WHOLE_ROW}  # a row inserted
    assert overview.moved_entities(changes) == set()  # a status moves no overview figure


def test_a_run_of_inserts_and_updates_of_one_entity_names_both(
    board_and_writer: tuple[Store, Store, Small],
) -> None:
    """Runs of one entity are taken whole: new rows and changed fields are both reported."""
    from opscenter.model import Personnel

    board, writer, ids = board_and_writer
    follower = JournalFollower(board)
    with writer.transaction(ADMIN, "test.bulk") as s:
        journal.insert_rows(
            s,
            Personnel,
            [{"operation_id": ids.operation_id, "nrp": f"7601{i:04d}", "name": f"Baru {i}",
              "home_unit_id": ids.units["PB"]} for i in range(30)],
        )  # fmt: skip
    with writer.transaction(ADMIN, "test.rename") as s:
        person = s.scalars(select(Personnel).where(Personnel.nrp == "76010000")).one()
        person.position = "Ba Ops"
    changes = follower.poll()
    assert changes is not None
    assert len(changes.ids("personnel")) == 30
    assert changes.fields["personnel"] == {WHOLE_ROW, "position"}
    assert follower.poll() is None
