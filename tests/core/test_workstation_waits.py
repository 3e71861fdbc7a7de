"""No workstation waits for another (issue 19, point 3), on a real PostgreSQL server.

The journal's ordering lock is held only for a transaction's last step (numbering its
commit), so another workstation's write goes through while a long transaction is still
working; a live reader still sees transactions in commit order. Sessions carry a lock and a
statement timeout, each ending in one sentence with nothing saved.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select, text

from opscenter import journal, messages, units
from opscenter.actor import Actor
from opscenter.editing import fetch_for_edit
from opscenter.errors import LockTimeout, StatementTimeout
from opscenter.model import JournalEntry, Unit
from opscenter.store import LOCK_TIMEOUT_ENV, STATEMENT_TIMEOUT_ENV, Store, open_store
from tests.builders import Small, build_small_operation

BUDI = Actor("budi", role="operator")
SITI = Actor("siti", role="operator")


@pytest.fixture
def two(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Store, Store, Small]]:
    # Short enough that a wait on a lock the other holds ends the test quickly, were it
    # to happen: B is refused instead of hanging.
    monkeypatch.setenv(LOCK_TIMEOUT_ENV, "0.5")
    a, b = open_store(pg_url), open_store(pg_url)
    ids = build_small_operation(a)
    yield a, b, ids
    a.dispose()
    b.dispose()


def _seq_of(store: Store, actor: str) -> list[int]:
    with store.read() as s:
        return list(
            s.scalars(
                select(JournalEntry.seq)
                .where(JournalEntry.actor == actor)
                .order_by(JournalEntry.seq)
            )
        )


def test_a_write_goes_through_while_another_transaction_works(
    two: tuple[Store, Store, Small],
) -> None:
    a, b, ids = two
    with a.transaction(BUDI, "unit.update") as s:
        row = fetch_for_edit(s, Unit, ids.units["PA"], expected_version=None)
        row.name = "Polres A (ubah)"
        s.flush()  # A's journaled change is written; its journal rows wait for the commit
        # B, on another workstation, changes another unit and commits while A is open.
        units.set_status(b, SITI, ids.units["PB"], ids.statuses["kembali"])
        # A live reader following seq sees B's row now, and A's none yet.
        with b.read() as r:
            assert {e.actor for e in journal.entries_after(r, 0)} >= {"siti"}
            assert "budi" not in {e.actor for e in journal.entries_after(r, 0)}
    # Sequence order is commit order: B committed first, so its rows come first.
    budi, siti = _seq_of(a, "budi"), _seq_of(a, "siti")
    assert budi and siti and max(siti) < min(budi)


def test_a_reader_never_skips_a_row_that_commits_late(two: tuple[Store, Store, Small]) -> None:
    a, b, ids = two
    with a.read() as r:
        cursor = journal.head(r)
    with a.transaction(BUDI, "unit.set_status") as s:
        row = fetch_for_edit(s, Unit, ids.units["PA"], expected_version=None)
        row.status_reason = "apel"
        s.flush()
        units.set_status(b, SITI, ids.units["PB"], ids.statuses["kembali"])
        with b.read() as r:  # a client catches up to B's commit ...
            assert [e.actor for e in journal.entries_after(r, cursor)] == ["siti", "siti"]
            cursor = journal.head(r)
    with b.read() as r:  # ... and still finds A's row, committed later, after its cursor
        assert [e.actor for e in journal.entries_after(r, cursor)] == ["budi"]


def test_a_held_row_ends_in_a_lock_timeout_sentence(two: tuple[Store, Store, Small]) -> None:
    a, b, ids = two
    unit = ids.units["PB"]
    with a.transaction(BUDI, "unit.update") as s:
        row = fetch_for_edit(s, Unit, unit, expected_version=None)
        row.name = "Polres B (ubah)"
        s.flush()  # A holds the row's lock until it commits
        with pytest.raises(LockTimeout) as err:
            units.set_status(b, SITI, unit, ids.statuses["kembali"])
    assert err.value.code == "db.lock_timeout"
    assert messages.describe(err.value, "id").startswith("Data ini sedang disimpan")
    assert "0.5 seconds" in messages.describe(err.value, "en")
    with b.read() as r:  # B's change left nothing behind; A's landed
        got = r.get(Unit, unit)
        assert got is not None and got.status_id != ids.statuses["kembali"]
        assert got.name == "Polres B (ubah)"
        assert "siti" not in {e.actor for e in journal.entries_after(r, 0)}


def test_sessions_carry_both_timeouts(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(LOCK_TIMEOUT_ENV, raising=False)
    monkeypatch.delenv(STATEMENT_TIMEOUT_ENV, raising=False)
    store = open_store(pg_url)
    try:
        with store.read() as s:
            assert s.scalar(text("SHOW lock_timeout")) == "10s"
            assert s.scalar(text("SHOW statement_timeout")) == "1min"
        # Long work lifts the statement timeout for its own transaction only.
        with store.transaction(BUDI, "import.personnel", long_running=True) as s:
            assert s.scalar(text("SHOW statement_timeout")) == "0"
        with store.read() as s:
            assert s.scalar(text("SHOW statement_timeout")) == "1min"
    finally:
        store.dispose()


def test_a_slow_statement_ends_in_a_statement_timeout_sentence(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(STATEMENT_TIMEOUT_ENV, "0.2")
    store = open_store(pg_url)
    try:
        with pytest.raises(StatementTimeout) as err, store.read() as s:
            s.execute(text("SELECT pg_sleep(5)"))
        assert messages.describe(err.value, "en").startswith(
            "The database server did not finish within 0.2 seconds"
        )
        # A long-running transaction is not cut short by it.
        with store.transaction(BUDI, "import.personnel", long_running=True) as s:
            s.execute(text("SELECT pg_sleep(0.4)"))
    finally:
        store.dispose()
