"""The command room survives its server (issue 17, point 6): a primary and a synchronous
standby, writers and two boards on a multi-host URL, the primary SIGKILLed mid-burst (its
postmaster, or every process at once, in turn) and the standby promoted, ten times in a row.
Nothing acknowledged is lost, both boards converge to the database, and no journal entry is
applied twice."""

from __future__ import annotations

import time

import psycopg
import pytest
from sqlalchemy import event, select

from opscenter import units
from opscenter.errors import ConnectionLost
from opscenter.live import JournalFollower
from opscenter.model import JournalCommit, UnitStatusChange
from opscenter.store import Store, open_store
from tests.builders import ADMIN, build_small_operation
from tests.command_room import (
    Board,
    Workstation,
    Write,
    fail_over,
    head,
    overlaps_and_gaps,
    picture,
)
from tests.pgcluster import PostgresCluster

KILLS = 10
WORKSTATIONS = 4
WAIT_S = 30.0


def _missing(store: Store, writes: list[Write]) -> list[Write]:
    """The acknowledged writes the database does not hold (by reason and commit number)."""
    with store.read() as s:
        reasons = set(s.scalars(select(UnitStatusChange.reason)))
        seqs = set(s.scalars(select(JournalCommit.seq)))
    return [w for w in writes if w.reason not in reasons or w.seq not in seqs]


@pytest.mark.slow
def test_no_acknowledged_write_is_lost_over_ten_killed_primaries(
    cluster: PostgresCluster,
) -> None:
    url = cluster.create_database("failover")
    assert "host=127.0.0.1:" in url and "target_session_attrs=read-write" in url
    admin = open_store(url)
    ids = build_small_operation(admin)
    unit_ids = sorted(ids.units.values())
    statuses = sorted(ids.statuses.values())
    writers = [
        Workstation(url, i, unit_ids[i::WORKSTATIONS], statuses, period_s=0.01)
        for i in range(WORKSTATIONS)
    ]
    boards = [Board(url, name) for name in ("wall", "commander")]
    for thread in (*writers, *boards):
        thread.start()
    try:
        for kill in range(1, KILLS + 1):
            # The server crashes (the postmaster killed, its processes end by themselves), or
            # the machine dies (every process at once), in turn.
            power_cut = kill % 2 == 0
            failover = fail_over(cluster, writers, boards, writes_before=10, power_cut=power_cut)
            assert _missing(admin, failover.acked_before) == [], f"lost at kill {kill}"
            cluster.rebuild_old_primary_as_standby()
    finally:
        for thread in (*writers, *boards):
            thread.stop()
        for thread in writers:
            thread.join(WAIT_S)

    assert [w.crash for w in writers] == [None] * WORKSTATIONS
    acked = [w for ws in writers for w in ws.acked]
    assert _missing(admin, acked) == []
    # Every workstation and board met each dead primary: a typed error about the database
    # (today db.connection_lost and db.unreachable), never a traceback.
    codes = {f.code for t in writers for f in t.failures}
    codes |= {f.code for b in boards for f in b.state.failures}
    assert codes and all(code.startswith("db.") for code in codes), codes
    assert cluster.failovers == KILLS

    final_head = head(admin)
    truth = picture(admin)
    for board in boards:
        board.join(WAIT_S)
        assert board.crash is None
        while board.cursor < final_head or not board.settled:
            board.look()
        assert overlaps_and_gaps(board.state, final_head) == [], board.name
        assert board.shown == truth, board.name
    for thread in (*writers, *boards):
        thread.store.dispose()
    admin.dispose()


def test_a_poll_cut_off_by_a_lost_connection_reads_the_same_commits_again(pg_url: str) -> None:
    """The server goes away after a board read the journal but before its read ended (the
    failover test met it): the poll fails, and the next one still brings those commits."""
    writer, board = open_store(pg_url), open_store(pg_url)
    try:
        ids = build_small_operation(writer)
        follower = JournalFollower(board)
        units.set_status(writer, ADMIN, ids.units["PA"], ids.statuses["bergerak"])
        cursor = follower.cursor

        def cut_off(conn: object, _cursor: object, statement: str, *_args: object) -> None:
            if "FROM journal \n" not in statement:
                return  # only once the journal's rows are read
            pid = conn.connection.driver_connection.info.backend_pid  # type: ignore[attr-defined]
            dsn = pg_url.replace("postgresql+psycopg://", "postgresql://")
            with psycopg.connect(dsn, autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
                while admin.execute(
                    "SELECT 1 FROM pg_stat_activity WHERE pid = %s", (pid,)
                ).rowcount:
                    time.sleep(0.01)

        event.listen(board.engine, "after_cursor_execute", cut_off)
        with pytest.raises(ConnectionLost):
            follower.poll()
        event.remove(board.engine, "after_cursor_execute", cut_off)
        assert follower.cursor == cursor
        changes = follower.poll()
        assert changes is not None
        assert changes.ids("unit") == {ids.units["PA"]}
    finally:
        writer.dispose()
        board.dispose()
