"""A workstation's window across a real failover (issue 17): the red banner while no primary
answers, an edit refused in a sentence, the banner gone once the standby is promoted, the
status line saying the promoted server runs alone, and another workstation's change pushed
to the board from the new primary."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from opscenter import units
from opscenter.actor import Actor
from opscenter.errors import NoPrimary
from opscenter.store import open_store
from tests.builders import build_small_operation
from tests.pgcluster import PostgresCluster
from ui.main_window import MainWindow
from ui.replication_view import ReplicationLabel

SITI = Actor("siti", role="operator")


def test_the_window_rides_through_a_failover(qtbot: QtBot, cluster: PostgresCluster) -> None:
    url = cluster.create_database("room")
    store, other = open_store(url), open_store(url)
    try:
        ids = build_small_operation(store)
        window = MainWindow(store, actor=SITI, lang="id")
        qtbot.addWidget(window)
        window.show()
        label: ReplicationLabel = window.replication_label  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: label.isVisible(), timeout=10_000)
        assert "dua server" in label.toolTip() and not label.alert  # the synchronous pair

        with qtbot.waitSignal(window.feed.connection_changed, timeout=10_000) as down:
            cluster.kill_primary()
        assert down.args == [False]
        assert window.problem_banner.isVisible() and "terputus" in window.problem_banner.text()
        with pytest.raises(NoPrimary):
            units.set_status(other, SITI, ids.units["PB"], ids.statuses["kembali"])

        with qtbot.waitSignal(window.feed.connection_changed, timeout=20_000) as up:
            cluster.promote_standby()
        assert up.args == [True]
        assert not window.problem_banner.isVisible()
        qtbot.waitUntil(lambda: "satu server" in label.toolTip(), timeout=10_000)
        assert label.alert  # alone until the old primary is rebuilt as its standby

        with qtbot.waitSignal(window.feed.changed, timeout=5_000) as pushed:
            units.set_status(other, SITI, ids.units["PB"], ids.statuses["kembali"])
        assert ids.units["PB"] in pushed.args[0].ids("unit")
        window.close()
    finally:
        store.dispose()
        other.dispose()
