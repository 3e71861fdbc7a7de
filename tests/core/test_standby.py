"""Workstations and displays around a real primary and standby (issue 17, points 1 and 2):
a display on the standby follows by polling and knows its lag, a write there or while no
primary answers gets one sentence and changes nothing, and a followed standby that is
promoted is followed on as the primary. The cluster comes from tests/pgcluster.py."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest
from sqlalchemy import select

from opscenter import units
from opscenter.errors import NoPrimary, ServerReadOnly
from opscenter.live import JournalFollower, PgListener
from opscenter.messages import describe
from opscenter.model import Unit
from opscenter.replication import Replication
from opscenter.store import Store, open_store
from tests.builders import ADMIN, Small, build_small_operation
from tests.pgcluster import PostgresCluster

WAIT_S = 20.0


def _wait(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {WAIT_S} s: {what}")
        time.sleep(0.02)


class _Listened:
    """What a PgListener reported, from its thread."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.notifies = 0
        self.states: list[bool] = []
        self.pictures: list[Replication] = []

    def notify(self) -> None:
        with self.lock:
            self.notifies += 1

    def state(self, connected: bool) -> None:
        with self.lock:
            self.states.append(connected)

    def picture(self, picture: Replication) -> None:
        with self.lock:
            self.pictures.append(picture)

    def last(self) -> Replication | None:
        with self.lock:
            return self.pictures[-1] if self.pictures else None


def _status_of(store: Store, unit_id: int) -> int | None:
    with store.read() as s:
        return s.scalar(select(Unit.status_id).where(Unit.id == unit_id))


def _listen(display: Store) -> tuple[_Listened, PgListener]:
    """A started listener on ``display`` that polls a standby every 0.1 s, and its record."""
    heard = _Listened()
    listener = PgListener(
        display, heard.notify, heard.state, on_replication=heard.picture, standby_poll_s=0.1
    )
    listener.start()
    return heard, listener


def _operation(cluster: PostgresCluster) -> tuple[str, Small]:
    url = cluster.create_database("room")
    writer = open_store(url)
    try:
        return url, build_small_operation(writer)
    finally:
        writer.dispose()


def test_a_display_on_the_standby_polls_the_journal_and_knows_its_lag(
    cluster: PostgresCluster,
) -> None:
    url, ids = _operation(cluster)
    display = open_store(cluster.url("room", target_session_attrs="standby"))
    writer = open_store(url)
    heard, listener = _listen(display)
    try:
        _wait(lambda: heard.states == [True], "the listener follows the standby")
        picture = heard.last()
        assert picture is not None and picture.standby and picture.protection == "standby"
        assert picture.lag is not None and picture.lag.seconds < 2.0
        # No NOTIFY on a standby: the listener's own polls prompt the follower's reads.
        follower = JournalFollower(display)
        units.set_status(writer, ADMIN, ids.units["PA"], ids.statuses["bergerak"])
        seen: set[int] = set()

        def shown() -> bool:
            before = heard.notifies
            _wait(lambda: heard.notifies > before, "a prompt from the standby poll")
            changes = follower.poll()
            if changes is not None:
                seen.update(changes.ids("unit"))
            return ids.units["PA"] in seen

        _wait(shown, "the primary's change on the standby display")
        assert _status_of(display, ids.units["PA"]) == ids.statuses["bergerak"]
    finally:
        listener.stop()
        display.dispose()
        writer.dispose()


def test_a_change_on_the_standby_is_refused_in_a_sentence_and_nothing_changes(
    cluster: PostgresCluster,
) -> None:
    _url, ids = _operation(cluster)
    standby = open_store(cluster.url("room", target_session_attrs="standby"))
    try:
        before = _status_of(standby, ids.units["PA"])
        with pytest.raises(ServerReadOnly) as refused:
            units.set_status(standby, ADMIN, ids.units["PA"], ids.statuses["bergerak"])
        assert "hanya dapat dibaca (standby)" in describe(refused.value, "id")
        assert "read-only standby" in describe(refused.value, "en")
        assert _status_of(standby, ids.units["PA"]) == before
    finally:
        standby.dispose()


def test_while_no_primary_answers_a_change_is_refused_in_a_sentence(
    cluster: PostgresCluster,
) -> None:
    """The primary is dead and the standby not yet promoted: the workstation's URL asks for
    a primary, libpq finds only the standby, and the sentence says so; after promotion the
    same store writes again by itself."""
    url, ids = _operation(cluster)
    store = open_store(url)
    try:
        cluster.kill_primary()
        with pytest.raises(NoPrimary) as refused:
            units.set_status(store, ADMIN, ids.units["PA"], ids.statuses["bergerak"])
        sentence = describe(refused.value, "id")
        assert "Belum ada server utama" in sentence and f":{cluster.standby_port}" in sentence
        assert "No primary server answers yet" in describe(refused.value, "en")
        cluster.promote_standby()
        units.set_status(store, ADMIN, ids.units["PA"], ids.statuses["bergerak"])
        assert _status_of(store, ids.units["PA"]) == ids.statuses["bergerak"]
    finally:
        store.dispose()


def test_a_followed_standby_that_is_promoted_is_followed_on_as_the_primary(
    cluster: PostgresCluster,
) -> None:
    """A display pointed at the standby alone: when it is promoted, the listener reports a
    primary (running alone, asynchronous) and LISTENs, so a new change is pushed at once."""
    url, ids = _operation(cluster)
    standby_port = cluster.standby_port
    display = open_store(cluster.url("room", target_session_attrs="standby").replace(
        f"host=127.0.0.1:{cluster.primary_port}&", ""
    ))  # fmt: skip
    heard, listener = _listen(display)
    try:
        _wait(lambda: heard.states == [True], "the listener follows the standby")
        cluster.kill_primary()
        cluster.promote_standby()
        _wait(
            lambda: (p := heard.last()) is not None and not p.standby,
            "the listener sees the promotion",
        )
        picture = heard.last()
        assert picture is not None and picture.protection == "async"  # alone, for now
        assert heard.states == [True]  # followed on without a gap
        # Its catch-up look after LISTEN has been made: a prompt from now on is a NOTIFY.
        _wait(lambda: listener.listening, "the listener LISTENs on the promoted standby")
        writer = open_store(url)
        try:
            before = heard.notifies
            units.set_status(writer, ADMIN, ids.units["PA"], ids.statuses["bergerak"])
            _wait(lambda: heard.notifies > before, "a NOTIFY from the promoted standby")
        finally:
            writer.dispose()
        assert cluster.primary_port == standby_port
    finally:
        listener.stop()
        display.dispose()


def test_a_commander_signs_in_on_a_standby_even_when_the_hash_is_due_for_renewal(
    cluster: PostgresCluster,
) -> None:
    """Signing in renews an old password hash with a write; on a standby that write is
    refused, and the sign-in must not be (a wall or a commander's display there)."""
    from argon2 import PasswordHasher
    from sqlalchemy import text

    from opscenter import accounts

    url, _ids = _operation(cluster)
    primary = open_store(url)
    standby = open_store(cluster.url("room", target_session_attrs="standby"))
    try:
        accounts.bootstrap_admin(primary, "kapolda", "rahasia-jambi-2024")
        old = PasswordHasher(time_cost=1, memory_cost=8192).hash("rahasia-jambi-2024")
        with primary.engine.begin() as conn:
            conn.execute(text("UPDATE account SET password_hash = :h"), {"h": old})
        _wait(lambda: _hash_on(standby) == old, "the old hash replayed on the standby")
        actor = accounts.authenticate(standby, "kapolda", "rahasia-jambi-2024")
        assert actor.username == "kapolda" and actor.role == "admin"
        assert _hash_on(standby) == old  # nothing written there
    finally:
        primary.dispose()
        standby.dispose()


def _hash_on(store: Store) -> str | None:
    from opscenter.model import Account

    with store.read() as s:
        return s.scalar(select(Account.password_hash))
