"""Command room on PostgreSQL: changes are pushed, a server restart is survived (issue 7)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from opscenter import units
from opscenter.actor import Actor
from opscenter.errors import ConnectionLost, DatabaseUnreachable
from opscenter.store import open_store
from tests.builders import Small, build_small_operation
from tests.pgserver import PostgresServer
from ui.live import ChangeFeed

SITI = Actor("siti", role="operator")


@pytest.fixture
def own_server() -> Iterator[PostgresServer]:
    """A server of this test's own, so that stopping it disturbs no other test."""
    if PostgresServer.find_bindir() is None:
        pytest.skip("PostgreSQL binaries not installed (initdb not found)")
    server = PostgresServer().start()
    yield server
    server.stop()


def test_a_commit_elsewhere_is_pushed_within_a_second(qtbot: QtBot, pg_url: str) -> None:
    board, writer = open_store(pg_url), open_store(pg_url)
    try:
        ids = build_small_operation(writer)
        feed = ChangeFeed(board, interval_ms=10)  # on PostgreSQL the poll is only every 5 s
        qtbot.waitUntil(
            lambda: feed._listener is not None and feed._listener.connected, timeout=5000
        )
        with qtbot.waitSignal(feed.changed, timeout=1000) as blocker:
            units.set_status(writer, SITI, ids.units["PA"], ids.statuses["bergerak"])
        assert ids.units["PA"] in blocker.args[0].ids("unit")
        feed.stop()
    finally:
        board.dispose()
        writer.dispose()


def test_server_restart_is_noticed_survived_and_caught_up(
    qtbot: QtBot, own_server: PostgresServer
) -> None:
    url = own_server.create_database("restart")
    board, writer = open_store(url), open_store(url)
    try:
        ids: Small = build_small_operation(writer)
        feed = ChangeFeed(board, interval_ms=10)
        qtbot.waitUntil(
            lambda: feed._listener is not None and feed._listener.connected, timeout=5000
        )

        with qtbot.waitSignal(feed.connection_changed, timeout=5000) as down:
            own_server.halt()
        assert down.args == [False]
        # An edit attempted meanwhile is refused with a typed error, never dropped silently.
        with pytest.raises((DatabaseUnreachable, ConnectionLost)):
            units.set_status(writer, SITI, ids.units["PB"], ids.statuses["kembali"])

        with qtbot.waitSignal(feed.connection_changed, timeout=15000) as up:
            own_server.resume()
        assert up.args == [True]
        # The refused edit did not happen; a new one goes through and reaches the board.
        with board.read() as s:
            from opscenter.model import Unit

            assert s.get(Unit, ids.units["PB"]).status_id == ids.statuses["siaga"]  # type: ignore[union-attr]
        with qtbot.waitSignal(feed.changed, timeout=3000) as blocker:
            units.set_status(writer, SITI, ids.units["PB"], ids.statuses["kembali"])
        assert ids.units["PB"] in blocker.args[0].ids("unit")
        feed.stop()
    finally:
        board.dispose()
        writer.dispose()


def test_the_window_says_when_its_picture_is_stale(
    qtbot: QtBot, own_server: PostgresServer
) -> None:
    from ui.main_window import MainWindow

    url = own_server.create_database("stale")
    store = open_store(url)
    try:
        build_small_operation(store)
        window = MainWindow(store, actor=SITI)
        qtbot.addWidget(window)
        window.show()
        listener = window.feed._listener
        qtbot.waitUntil(lambda: listener is not None and listener.connected, timeout=5000)
        with qtbot.waitSignal(window.feed.connection_changed, timeout=5000):
            own_server.halt()
        assert window.problem_banner.isVisible()
        assert "terputus" in window.problem_banner.text()
        # A refresh that fails in the same outage (the start-up one, cut off by the halt,
        # raced the listener's news) keeps the outage sentence instead of replacing it.
        with qtbot.waitSignal(window.refreshed, timeout=15000):
            window.refresh_later()
        assert "terputus" in window.problem_banner.text()
        with qtbot.waitSignal(window.feed.connection_changed, timeout=15000):
            own_server.resume()
        assert not window.problem_banner.isVisible()
        window.close()
    finally:
        store.dispose()
