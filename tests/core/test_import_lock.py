"""An import holds the lock other workstations wait for only while its rows move in (issue 19,
point 3); what an import means does not change: all rows or none, one journal row per row,
commit order as a live reader follows it.

SQLite: the import stages its rows in a TEMP table before ``BEGIN IMMEDIATE``; the test
writes from another connection at that moment (the import's own progress callback, called
once the rows are staged), which it could not do while the import held the write lock.
PostgreSQL: a transaction writes its journal rows before it takes the journal's ordering
lock, under which it only numbers its commit (``journal_commit``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select, text

from opscenter import journal, personnel, units
from opscenter.actor import Actor
from opscenter.model import JournalEntry, Personnel
from opscenter.progress import Cancelled, CancelToken
from opscenter.roster import commit as commit_mod
from opscenter.roster.classify import prepare
from opscenter.roster.preview import Options
from opscenter.store import Store, open_store
from tests.builders import ADMIN, Small, build_small_operation
from tests.core.test_roster_import import HEADER, snapshot, xlsx

SITI = Actor("siti", role="operator")
SITI_STAFF = Actor("siti", role="staff")
ROWS = 300


@pytest.fixture
def two(db_url: str) -> Iterator[tuple[Store, Store, Small]]:
    a = open_store(db_url)
    ids = build_small_operation(a)
    b = open_store(db_url)  # another workstation: its own engine and connections
    yield a, b, ids
    a.dispose()
    b.dispose()


def _roster(tmp_path: Path) -> Path:
    rows: list[list[Any]] = [HEADER]
    rows += [[i, f"Orang {i}", "BRIPDA", 76000000 + i, "x", "pa", ""] for i in range(ROWS)]
    rows.append([ROWS, "Rina Baru", "BRIPDA", 77000000, "y", "Polsek Baru", ""])  # a new unit
    return xlsx(tmp_path / "r.xlsx", rows)


def _temp_tables(store: Store) -> list[str]:
    """TEMP tables on every connection the store's pool holds."""
    pool = store.engine.pool
    conns = [store.engine.connect() for _ in range(max(pool.checkedin(), 1))]  # type: ignore[attr-defined]
    try:
        names = []
        for c in conns:
            if store.dialect == "sqlite":
                q = "SELECT name FROM temp.sqlite_master WHERE type = 'table'"
            else:
                q = "SELECT relname FROM pg_class WHERE relpersistence = 't'"
            names += list(c.exec_driver_sql(q).scalars())
        return names
    finally:
        for c in conns:
            c.close()


def _journal_matches_stored_rows(store: Store, txn_id: int) -> None:
    """Each journal row of the import holds exactly what was stored, as the journal builds
    it from a stored row (the same JSON text, keys in column order, NULLs left out)."""
    table = Personnel.__table__
    cols = [c for c in table.c if c.name != "version"]  # type: ignore[attr-defined]
    as_json = func.json_patch("{}", func.json_object(*(x for c in cols for x in (c.name, c))))
    with store.read() as s:
        got = s.execute(
            select(JournalEntry.entity_id, text("journal.changes"), as_json)
            .join(table, table.c.id == JournalEntry.entity_id)  # type: ignore[attr-defined]
            .where(JournalEntry.txn_id == txn_id, JournalEntry.entity == "personnel")
        ).all()
    assert len(got) == ROWS + 1
    assert all(stored == journaled for _, journaled, stored in got), got[:3]


def test_another_workstation_writes_while_an_import_stages_its_rows(
    sqlite_url: str, tmp_path: Path
) -> None:
    a, b = open_store(sqlite_url), open_store(sqlite_url)
    try:
        ids = build_small_operation(a)
        preview = prepare(a, _roster(tmp_path), Options(kind="personnel", create_units=True))
        assert preview.counts["new"] == ROWS + 1
        path = a.sqlite_path
        assert path is not None
        during: list[int] = []

        def progress(done: int, total: int, _stage: str) -> None:
            if during:
                return
            # The import's first report: its rows are staged, the write transaction not
            # yet begun. Another connection takes the write lock at once (timeout 0: it
            # would fail "database is locked" were the import holding it) ...
            raw = sqlite3.connect(path, timeout=0, isolation_level=None)
            try:
                raw.execute("BEGIN IMMEDIATE")
                raw.execute("ROLLBACK")
            finally:
                raw.close()
            # ... and another workstation's status change commits, journaled.
            units.set_status(b, SITI, ids.units["PB"], ids.statuses["kembali"])
            during.append(done)

        out = commit_mod.commit(a, ADMIN, preview, progress=progress)
        assert during == [ROWS + 1]  # reported once the rows were staged
        assert out.txn_id is not None
        with a.read() as s:
            siti = s.scalars(select(JournalEntry.seq).where(JournalEntry.actor == "siti")).all()
            mine = s.scalars(
                select(JournalEntry.seq).where(JournalEntry.txn_id == out.txn_id)
            ).all()
            assert s.scalar(select(func.count(Personnel.id))) >= ROWS + 1
        # Sequence order is commit order: the status change committed first.
        assert siti and mine and max(siti) < min(mine)
        _journal_matches_stored_rows(a, out.txn_id)
        assert _temp_tables(a) == []
    finally:
        a.dispose()
        b.dispose()


def test_a_person_added_while_an_import_stages_shifts_its_ids_and_its_journal(
    sqlite_url: str, tmp_path: Path
) -> None:
    """The stage's journal values carry the ids the rows would get were nobody to insert
    meanwhile (built before the write lock, copied under it); another workstation adding a
    person in between moves the import's ids by one, and each journal row follows."""
    a, b = open_store(sqlite_url), open_store(sqlite_url)
    try:
        ids = build_small_operation(a)
        preview = prepare(a, _roster(tmp_path), Options(kind="personnel", create_units=True))
        added: list[int] = []

        def progress(_done: int, _total: int, _stage: str) -> None:
            if not added:  # the rows are staged; the write transaction not yet begun
                draft = personnel.PersonDraft(
                    operation_id=ids.operation_id, nrp="99000001", name="Sela",
                    home_unit_id=ids.units["PB"],
                )  # fmt: skip
                added.append(personnel.add(b, SITI_STAFF, draft))

        out = commit_mod.commit(a, ADMIN, preview, progress=progress)
        assert out.txn_id is not None and added
        with a.read() as s:
            first = s.scalar(
                select(func.min(JournalEntry.entity_id)).where(
                    JournalEntry.txn_id == out.txn_id, JournalEntry.entity == "personnel"
                )
            )
        assert first == added[0] + 1  # the guess was taken: the import's rows come after
        _journal_matches_stored_rows(a, out.txn_id)
    finally:
        a.dispose()
        b.dispose()


def test_an_import_cancelled_after_staging_writes_nothing_and_leaves_no_stage(
    sqlite_url: str, tmp_path: Path
) -> None:
    store = open_store(sqlite_url)
    try:
        build_small_operation(store)
        preview = prepare(store, _roster(tmp_path), Options(kind="personnel", create_units=True))
        before = snapshot(store)
        cancel = CancelToken()
        with pytest.raises(Cancelled):
            commit_mod.commit(
                store, ADMIN, preview, progress=lambda *_: cancel.cancel(), cancel=cancel
            )
        assert snapshot(store) == before
        assert _temp_tables(store) == []
    finally:
        store.dispose()


def test_an_imports_journal_is_written_before_the_ordering_lock(
    pg_url: str, tmp_path: Path
) -> None:
    """PostgreSQL: under the ordering lock an import writes only its ``journal_commit`` row.
    Another workstation's write commits while the import waits at that lock: its journal
    rows come after the import's, yet it is numbered first in commit order, and a reader
    whose cursor is past it still finds the import."""
    a, b = open_store(pg_url), open_store(pg_url)
    try:
        ids = build_small_operation(a)
        preview = prepare(a, _roster(tmp_path), Options(kind="personnel", create_units=True))
        with b.read() as r:
            start = journal.head(r)
        written: list[int] = []
        cursor: list[int] = []

        def before_lock(conn: Any, _cur: Any, statement: str, *_: Any) -> None:
            if "pg_advisory_xact_lock" not in statement or written:
                return
            # A asks for the ordering lock: its journal rows are written already ...
            count = conn.exec_driver_sql(
                "SELECT count(*) FROM journal j JOIN journal_txn t ON t.id = j.txn_id"
                " WHERE t.action = 'import.personnel'"
            )
            written.append(count.scalar())
            # ... and another workstation's write goes through and commits first; a live
            # reader catches up to it.
            units.set_status(b, SITI, ids.units["PB"], ids.statuses["kembali"])
            with b.read() as r:
                cursor.append(journal.head(r))
                assert {e.actor for e in journal.entries_after(r, start)} == {"siti"}

        event.listen(a.engine, "before_cursor_execute", before_lock)
        out = commit_mod.commit(a, ADMIN, preview)
        event.remove(a.engine, "before_cursor_execute", before_lock)
        assert written == [ROWS + 2]  # every row, and the new unit's
        with a.read() as s:
            siti = s.scalars(select(JournalEntry.seq).where(JournalEntry.actor == "siti")).all()
            mine = s.scalars(
                select(JournalEntry.seq).where(JournalEntry.txn_id == out.txn_id)
            ).all()
            ids_in_order = s.scalars(
                select(JournalEntry.entity_id)
                .where(JournalEntry.txn_id == out.txn_id, JournalEntry.entity == "personnel")
                .order_by(JournalEntry.seq)
            ).all()
            # The reader past siti's commit finds the import's rows, all of them, and only
            # them: committed later, though written before siti's.
            late = journal.entries_after(s, cursor[0], limit=ROWS * 2)
        assert len(mine) == ROWS + 2 and max(mine) < min(siti)
        assert {e.txn_id for e in late} == {out.txn_id} and len(late) == ROWS + 2
        assert ids_in_order == sorted(ids_in_order)  # in the order the rows were written
        assert _temp_tables(a) == []
    finally:
        a.dispose()
        b.dispose()
