"""A connection lost while the server commits is told as "may have been saved", not as
"rolled back" (issue 17): after a failover the change may be on the promoted standby, and a
duty officer who repeats it would record it twice. A connection lost earlier in the
transaction is still a plain rollback."""

from __future__ import annotations

import time
from typing import Any

import psycopg
import pytest
from sqlalchemy import event

from opscenter import units
from opscenter.errors import CommitInDoubt, ConnectionLost
from opscenter.messages import describe
from opscenter.store import Store, open_store
from tests.builders import ADMIN, build_small_operation


def _terminate(pg_url: str, conn: Any) -> None:
    """End ``conn``'s server process from another session, and wait until it is gone."""
    pid = conn.connection.driver_connection.info.backend_pid
    with psycopg.connect(pg_url.replace("postgresql+psycopg://", "postgresql://")) as admin:
        admin.autocommit = True
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        while admin.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", (pid,)).rowcount:
            time.sleep(0.01)


def _set_status(store: Store, ids: Any) -> None:
    units.set_status(store, ADMIN, ids.units["PA"], ids.statuses["bergerak"])


def test_a_connection_lost_at_commit_is_in_doubt(pg_url: str) -> None:
    store = open_store(pg_url)
    try:
        ids = build_small_operation(store)

        def cut_off(conn: Any) -> None:
            _terminate(pg_url, conn)

        event.listen(store.engine, "commit", cut_off)
        with pytest.raises(CommitInDoubt) as doubt:
            _set_status(store, ids)
        event.remove(store.engine, "commit", cut_off)
        assert "mungkin sudah tersimpan" in describe(doubt.value, "id")
        assert "may have been saved" in describe(doubt.value, "en")
        _set_status(store, ids)  # the store carries on with a new connection
    finally:
        store.dispose()


def test_a_connection_lost_before_commit_is_a_plain_rollback(pg_url: str) -> None:
    store = open_store(pg_url)
    try:
        ids = build_small_operation(store)

        def cut_off(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            if statement.lstrip().upper().startswith("UPDATE UNIT"):
                _terminate(pg_url, conn)

        event.listen(store.engine, "after_cursor_execute", cut_off)
        with pytest.raises(ConnectionLost):
            _set_status(store, ids)
        event.remove(store.engine, "after_cursor_execute", cut_off)
    finally:
        store.dispose()
