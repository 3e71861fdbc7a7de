"""The replication line in the status bar and the Status replikasi dialog (issue 17)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from opscenter.actor import Actor
from opscenter.replication import Replication, Standby, StandbyLag
from opscenter.store import open_store
from tests.builders import build_small_operation
from ui.main_window import MainWindow
from ui.replication_view import ReplicationDialog, ReplicationLabel, short, summary

SYNC = Standby("standby1", "10.0.0.2", "streaming", "quorum", 0.01, 0)


@pytest.mark.parametrize(
    ("picture", "words", "alert"),
    [
        (Replication(False, None, (SYNC,), "ANY 1 (standby1, standby2)", "on"), "dua server", 0),
        (Replication(False, None, (), "", "on"), "satu server", 1),
        (Replication(False, None, (), "standby1", "on"), "tertahan", 1),
        (Replication(True, StandbyLag(0.4, True), (), "", "on"), "0,4 dtk di belakang", 0),
        (Replication(True, StandbyLag(12.0, True), (), "", "on"), "12 dtk di belakang", 1),
        (Replication(True, StandbyLag(0.0, False), (), "", "on"), "tidak menerima", 1),
    ],
)
def test_the_line_says_what_it_means_and_alerts_when_the_record_is_at_risk(
    qtbot: QtBot, picture: Replication, words: str, alert: int
) -> None:
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QFont, QFontMetrics

    QLocale.setDefault(QLocale("id"))
    try:
        label = ReplicationLabel()
        qtbot.addWidget(label)
        assert label.isHidden()  # nothing known yet (or SQLite)
        label.show_picture(picture)
        assert words in label.toolTip() and label.toolTip() == summary(picture)[0]
        assert label.text() == short(picture)  # a few words: the bar of a 1366 px laptop
        # Drawn bold when an alert: at most about a third of a 1366 px laptop's status bar.
        bold = QFont(label.font())
        bold.setBold(True)
        assert QFontMetrics(bold).horizontalAdvance(label.text()) < 480
        assert label.alert == bool(alert)
        assert ("background" in label.styleSheet()) == bool(alert)
    finally:
        QLocale.setDefault(QLocale.c())


def test_on_sqlite_there_is_no_line_and_the_dialog_says_why(qtbot: QtBot, sqlite_url: str) -> None:
    store = open_store(sqlite_url)
    try:
        build_small_operation(store)
        window = MainWindow(store, actor=Actor("admin", role="admin"), lang="id")
        qtbot.addWidget(window)
        assert getattr(window, "replication_label", None) is None
        action = next(a for a in window.actions() if a.objectName() == "replicationAction")
        action.trigger()  # every action is in the menus, whatever the database
        dialog = window.findChild(ReplicationDialog)
        assert dialog is not None
        qtbot.waitUntil(lambda: "SQLite" in dialog.headline.text(), timeout=10_000)
        assert "tidak ada replikasi" in dialog.headline.text()
        assert dialog.picture is None and dialog.model.rowCount() == 0
        dialog.close()
        window.feed.stop()
    finally:
        store.dispose()


def _pg_window(qtbot: QtBot, pg_url: str, actor: Actor) -> tuple[MainWindow, ReplicationLabel]:
    """A window on the test server (one primary, no standby) once its line shows."""
    store = open_store(pg_url)
    build_small_operation(store)
    window = MainWindow(store, actor=actor, lang="id")
    qtbot.addWidget(window)
    window.destroyed.connect(lambda *_: store.dispose())
    label: ReplicationLabel = window.replication_label  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: label.isVisibleTo(window), timeout=10_000)
    return window, label


def test_a_primary_without_standby_says_so_in_the_bar_and_the_dialog(
    qtbot: QtBot, pg_url: str
) -> None:
    """The test server has no standby: the room is told a change is on one server only."""
    window, label = _pg_window(qtbot, pg_url, Actor("admin", role="admin"))
    assert "satu server" in label.toolTip() and label.alert
    action = next(a for a in window.actions() if a.objectName() == "replicationAction")
    assert action.shortcut().toString() == "Ctrl+Shift+R"
    action.trigger()
    dialog = window.findChild(ReplicationDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.picture is not None, timeout=10_000)
    assert "server utama" in dialog.headline.text()
    assert "satu server" in dialog.headline.text()
    assert dialog.model.rowCount() == 0
    dialog.close()
    window.feed.stop()


def test_an_operator_sees_the_line_but_has_no_admin_menu(qtbot: QtBot, pg_url: str) -> None:
    window, _label = _pg_window(qtbot, pg_url, Actor("siti", role="operator"))
    assert "replicationAction" not in {a.objectName() for a in window.actions()}
    window.feed.stop()
