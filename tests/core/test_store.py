"""Storage: migrations on both databases, opening failures, backup, SQLite settings."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select, text

from opscenter import migrations, units
from opscenter import store as store_mod
from opscenter.errors import (
    BadDatabaseUrl,
    DatabaseFolderMissing,
    DatabaseLocked,
    DatabaseMissing,
    DatabaseUnreachable,
    NotADatabase,
    SchemaTooNew,
)
from opscenter.model import Base, Operation, Unit
from opscenter.store import open_store, resolve_url
from tests.builders import ADMIN, build_small_operation


def test_head_constant_is_alembics_head() -> None:
    """``migrations.HEAD`` lets a start skip Alembic; it must name the newest revision."""
    assert migrations.head_revision() == migrations.HEAD


def test_migrations_from_empty_match_the_model(db_url: str) -> None:
    store = open_store(db_url)
    try:
        assert migrations.current_revision(store) == migrations.head_revision()
        with store.engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diffs == []
    finally:
        store.dispose()


def test_migrations_go_down_and_up_again(db_url: str) -> None:
    store = open_store(db_url)
    try:
        cfg = migrations.config()
        with migrations.migrating(store) as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "base")
        assert set(inspect(store.engine).get_table_names()) <= {"alembic_version"}
        migrations.prepare(store)
        assert "journal" in inspect(store.engine).get_table_names()
    finally:
        store.dispose()


def test_sqlite_file_is_copied_before_a_migration(tmp_path: Path) -> None:
    path = tmp_path / "ops.db"
    store = open_store(f"sqlite:///{path}")
    build_small_operation(store)
    cfg = migrations.config()
    with migrations.migrating(store) as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    store.dispose()

    store = open_store(f"sqlite:///{path}")
    store.dispose()
    copies = list(tmp_path.glob("ops.db.sebelum-*.bak"))
    assert [c.name for c in copies] == [f"ops.db.sebelum-{migrations.head_revision()}.bak"]
    with sqlite3.connect(copies[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert conn.execute("SELECT count(*) FROM unit").fetchone()[0] == 9


def test_sqlite_runs_in_wal_mode_with_foreign_keys(sqlite_url: str) -> None:
    store = open_store(sqlite_url)
    try:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        store.dispose()


def test_url_resolution(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("OPSCENTER_DB", raising=False)
    assert resolve_url(None).startswith("sqlite:///")
    assert resolve_url(None).endswith("opscenter.db")
    monkeypatch.setenv("OPSCENTER_DB", "postgresql://ops@db.local/ops")
    assert resolve_url(None) == "postgresql+psycopg://ops@db.local/ops"
    assert resolve_url(str(tmp_path / "a.db")) == f"sqlite:///{tmp_path / 'a.db'}"


@pytest.mark.parametrize(
    "url", ["mysql://u@h/x", "postgresql://u@h:port/x", "http://h/x", "postgresql://h"]
)
def test_bad_urls_are_refused(url: str) -> None:
    with pytest.raises(BadDatabaseUrl):
        open_store(url)


def test_password_never_appears_in_a_refused_url() -> None:
    with pytest.raises(BadDatabaseUrl) as err:
        open_store("postgresql://ops:rahasia@h:port/x")
    assert "rahasia" not in str(err.value.data)


def test_unreachable_server() -> None:
    with pytest.raises(DatabaseUnreachable) as err:
        open_store("postgresql://ops:rahasia@127.0.0.1:1/ops")
    assert err.value.data["port"] == 1
    assert "rahasia" not in str(err.value.data)


def test_not_a_database(tmp_path: Path) -> None:
    (tmp_path / "surat.db").write_bytes(b"%PDF-1.4 not a database")
    with pytest.raises(NotADatabase):
        open_store(f"sqlite:///{tmp_path / 'surat.db'}")
    with pytest.raises(NotADatabase):
        open_store(f"sqlite:///{tmp_path}")  # a folder


def test_another_programs_sqlite_file_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "lain.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE bookmarks (url TEXT)")
    before = path.read_bytes()
    with pytest.raises(NotADatabase):
        open_store(f"sqlite:///{path}")
    assert path.read_bytes() == before


def test_missing_folder_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DatabaseFolderMissing):
        open_store(f"sqlite:///{tmp_path / 'tidak-ada' / 'ops.db'}")
    with pytest.raises(DatabaseMissing):
        open_store(f"sqlite:///{tmp_path / 'ops.db'}", must_exist=True)
    assert not (tmp_path / "ops.db").exists()


def test_schema_newer_than_the_program(db_url: str) -> None:
    store = open_store(db_url)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    store.dispose()
    with pytest.raises(SchemaTooNew) as err:
        open_store(db_url)
    assert err.value.data["revision"] == "9999_future"


def test_locked_database_is_reported(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_mod, "BUSY_TIMEOUT_S", 0.3)
    store = open_store(sqlite_url)
    ids = build_small_operation(store)
    holder = sqlite3.connect(store.sqlite_path, timeout=0.1, isolation_level=None)  # type: ignore[arg-type]
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseLocked):
            units.set_status(store, ADMIN, ids.units["PA"], ids.statuses["bergerak"])
        with store.read() as s:  # readers are not blocked in WAL mode
            assert s.get(Unit, ids.units["PA"]).status_id == ids.statuses["siaga"]  # type: ignore[union-attr]
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        store.dispose()


def test_online_backup_while_another_writer_holds_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "ops.db"
    store = open_store(f"sqlite:///{path}")
    ids = build_small_operation(store)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE unit SET name = 'belum disimpan' WHERE id = ?", (ids.units["PA"],))
    try:
        dest = store.backup(tmp_path / "cadangan.db")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    copy = open_store(f"sqlite:///{dest}")
    try:
        with copy.read() as s:
            assert s.scalar(select(Operation.code)) == "uji"
            assert s.get(Unit, ids.units["PA"]).name == "Polres A"  # type: ignore[union-attr]
    finally:
        copy.dispose()
        store.dispose()


@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump not installed")
def test_postgresql_backup_uses_pg_dump(pg_url: str, tmp_path: Path) -> None:
    store = open_store(pg_url)
    try:
        build_small_operation(store)
        dest = store.backup(tmp_path / "ops.dump")
    finally:
        store.dispose()
    assert dest.read_bytes()[:5] == b"PGDMP"


@pytest.fixture
def two_stores(pg_url: str) -> Iterator[tuple[store_mod.Store, store_mod.Store]]:
    a, b = open_store(pg_url), open_store(pg_url)
    yield a, b
    a.dispose()
    b.dispose()


def test_two_workstations_migrate_the_same_empty_server(two_stores: tuple) -> None:  # type: ignore[type-arg]
    a, b = two_stores
    migrations.prepare(a)
    migrations.prepare(b)
    assert migrations.current_revision(b) == migrations.head_revision()


def test_journal_commit_migration_numbers_existing_transactions_in_commit_order(
    db_url: str,
) -> None:
    """0005 gives each transaction already journaled its last journal row's seq (the old
    commit order); commits made after it are numbered after them, and a live reader whose
    cursor was taken before the migration reads on from it."""
    from opscenter import journal
    from opscenter.live import JournalFollower
    from opscenter.model import JournalCommit, JournalEntry

    store = open_store(db_url)
    try:
        ids = build_small_operation(store)
        units.set_status(store, ADMIN, ids.units["PA"], ids.statuses["bergerak"])
        cfg = migrations.config()
        with migrations.migrating(store) as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0004")
        with store.engine.connect() as conn:  # 0004: the cursor was the newest journal seq
            old_cursor = conn.execute(text("SELECT max(seq) FROM journal")).scalar_one()
            last = conn.execute(text("SELECT max(seq), txn_id FROM journal GROUP BY txn_id"))
            expected = sorted((int(seq), int(txn)) for seq, txn in last)
        assert len(expected) == 2
        with migrations.migrating(store) as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        with store.read() as s:
            got = s.execute(select(JournalCommit.seq, JournalCommit.txn_id)).all()
            counts = s.execute(select(JournalCommit.rows)).scalars().all()
            assert sorted(tuple(r) for r in got) == expected
            assert sum(counts) == s.query(JournalEntry).count()
            assert journal.head(s) == old_cursor
        follower = JournalFollower(store, cursor=old_cursor)
        units.set_status(store, ADMIN, ids.units["PB"], ids.statuses["bergerak"])
        changes = follower.poll()
        assert changes is not None and changes.ids("unit") == {ids.units["PB"]}
        assert changes.last_seq == old_cursor + 1  # numbered after the carried-over ones
    finally:
        store.dispose()


def test_personnel_import_indexes_migrate_both_ways_and_serve_a_lookup_by_assigned_unit(
    db_url: str,
) -> None:
    """0006 drops the rank index and makes the assigned-unit index partial; down and up
    again it leaves the schema the model declares, and a lookup by assigned unit (the
    foreign-key check when a unit is deleted) still uses that index."""
    store = open_store(db_url)
    try:
        cfg = migrations.config()
        with migrations.migrating(store) as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0005")
        with migrations.migrating(store) as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        with store.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
            if store.dialect == "sqlite":
                names = {r[1] for r in conn.exec_driver_sql("PRAGMA index_list(personnel)")}
                sql = conn.exec_driver_sql(
                    "SELECT sql FROM sqlite_master WHERE name = 'ix_personnel_assigned_unit_id'"
                ).scalar_one()
                plan = " ".join(
                    str(r[-1])
                    for r in conn.exec_driver_sql(
                        "EXPLAIN QUERY PLAN SELECT 1 FROM personnel WHERE assigned_unit_id = 7"
                    )
                )
            else:
                names = set(
                    conn.execute(
                        text("SELECT indexname FROM pg_indexes WHERE tablename = 'personnel'")
                    ).scalars()
                )
                sql = conn.execute(
                    text(
                        "SELECT indexdef FROM pg_indexes"
                        " WHERE indexname = 'ix_personnel_assigned_unit_id'"
                    )
                ).scalar_one()
                conn.execute(text("SET enable_seqscan = off"))
                plan = " ".join(
                    conn.execute(
                        text("EXPLAIN SELECT 1 FROM personnel WHERE assigned_unit_id = 7")
                    ).scalars()
                )
        assert "ix_personnel_rank_id" not in names
        assert "IS NOT NULL" in sql.upper()
        assert "ix_personnel_assigned_unit_id" in plan
    finally:
        store.dispose()


def test_a_writer_waits_for_the_write_lock_then_writes_and_keeps_its_busy_timeout(
    sqlite_url: str,
) -> None:
    """A writer queued behind another connection's write lock writes once it is free, and
    the connections keep the busy timeout other statements rely on (the writer turns it off
    while it polls for the lock). How soon it starts after the lock comes free is measured
    by bench/concurrent_writes.py, not here: a timing test would be a flaky one."""
    store = open_store(sqlite_url)
    ids = build_small_operation(store)
    holder = sqlite3.connect(
        store.sqlite_path,  # type: ignore[arg-type]
        timeout=0.1,
        isolation_level=None,
        check_same_thread=False,
    )
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.4, lambda: holder.execute("ROLLBACK"))
    release.start()
    try:
        units.set_status(store, ADMIN, ids.units["PA"], ids.statuses["bergerak"])
        assert not holder.in_transaction  # it wrote after the holder let go
        with store.read() as s:
            assert s.get(Unit, ids.units["PA"]).status_id == ids.statuses["bergerak"]  # type: ignore[union-attr]
            timeout = s.connection().exec_driver_sql("PRAGMA busy_timeout").scalar_one()
        assert timeout == int(store_mod.BUSY_TIMEOUT_S * 1000)
    finally:
        release.join()
        holder.close()
        store.dispose()


def test_incident_coordinates_migrate_both_ways_and_the_database_keeps_a_point_whole(
    db_url: str,
) -> None:
    """0009 adds the two micro-degree columns to incidents already there (no point), leaves
    the schema the model declares, and the database itself refuses half a point or one off
    the globe; down again it takes them away and keeps the incidents."""
    from datetime import UTC, datetime, timedelta

    from sqlalchemy.exc import IntegrityError

    from opscenter import incidents
    from opscenter.model import IncidentType, Severity
    from opscenter.reference import by_code

    store = open_store(db_url)
    try:
        ids = build_small_operation(store)
        with store.read() as s:
            type_id = by_code(s, IncidentType, ids.operation_id)["bentrokan"].id
            severity_id = by_code(s, Severity, ids.operation_id)["sedang"].id
        inc = incidents.record(
            store,
            ADMIN,
            incidents.IncidentDraft(
                operation_id=ids.operation_id,
                type_id=type_id,
                severity_id=severity_id,
                title="Bentrokan",
                occurred_at=datetime.now(UTC) - timedelta(hours=1),
            ),
        )
        cfg = migrations.config()
        with migrations.migrating(store) as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0008")
        columns = {c["name"] for c in inspect(store.engine).get_columns("incident")}
        assert not {"latitude_e6", "longitude_e6"} & columns
        with migrations.migrating(store) as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        with store.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
            row = conn.execute(
                text("SELECT title, latitude_e6, longitude_e6 FROM incident WHERE id = :i"),
                {"i": inc},
            ).one()
        assert tuple(row) == ("Bentrokan", None, None)
        update = text("UPDATE incident SET latitude_e6 = :lat, longitude_e6 = :lon WHERE id = :i")
        for lat, lon in ((-1_600_000, None), (None, 103_600_000), (-91_000_000, 103_600_000),
                         (-1_600_000, 181_000_000)):  # fmt: skip
            with (
                pytest.raises(IntegrityError, match="ck_incident_point"),
                store.engine.begin() as conn,
            ):
                conn.execute(update, {"lat": lat, "lon": lon, "i": inc})
        with store.engine.begin() as conn:
            conn.execute(update, {"lat": -90_000_000, "lon": 180_000_000, "i": inc})
    finally:
        store.dispose()


def test_a_database_whose_incidents_name_their_tps_upgrades_with_every_row(
    db_url: str,
) -> None:
    """0011 rebuilds polling_station on SQLite (category_id may be empty). An incident naming
    its TPS made the rebuild fail ("FOREIGN KEY constraint failed"), so no database with such
    an incident could be opened by this version. Down to 0010 and up again through the
    application's own start: every TPS and incident stays, and every reference holds."""
    from datetime import UTC, datetime, timedelta

    from opscenter import incidents
    from opscenter.model import IncidentType, PollingStation, Severity
    from opscenter.reference import by_code

    store = open_store(db_url)
    try:
        ids = build_small_operation(store)
        with store.read() as s:
            type_id = by_code(s, IncidentType, ids.operation_id)["bentrokan"].id
            severity_id = by_code(s, Severity, ids.operation_id)["sedang"].id
            tps = s.scalars(select(PollingStation.id)).first()
            n_tps = s.query(PollingStation).count()
        incidents.record(
            store,
            ADMIN,
            incidents.IncidentDraft(
                operation_id=ids.operation_id,
                type_id=type_id,
                severity_id=severity_id,
                title="Surat suara kurang",
                occurred_at=datetime.now(UTC) - timedelta(hours=1),
                tps_id=tps,
            ),
        )
        cfg = migrations.config()
        with migrations.migrating(store) as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0010")
        assert migrations.current_revision(store) == "0010"
    finally:
        store.dispose()
    store = open_store(db_url)  # the start of the application: upgrades to head
    try:
        assert migrations.current_revision(store) == migrations.HEAD
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM polling_station")).scalar() == n_tps
            assert (
                conn.execute(
                    text("SELECT count(*) FROM incident WHERE tps_id = :t"), {"t": tps}
                ).scalar()
                == 1
            )
            if store.dialect == "sqlite":
                assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        store.dispose()
