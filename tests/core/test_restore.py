"""A backup that restores: demo -> backup -> restore into an empty database -> the same rows.

Both databases (``db_url``): the restore's refusals, each leaving the target unchanged, are
in ``tests/cli/test_restore_cli.py`` with their sentences.
"""

from __future__ import annotations

import json
import sqlite3
import stat
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from alembic import command
from sqlalchemy import select, text

from opscenter import messages, migrations, units
from opscenter import restore as restore_module
from opscenter.demo import load_demo
from opscenter.errors import DatabaseLocked
from opscenter.geo import imports as geo_imports
from opscenter.model import Base, JournalEntry, Operation, PollingStation
from opscenter.restore import RestoreFailed, restore
from opscenter.store import open_store
from opscenter.watch import entry as watch_entry
from opscenter.watch import steps as watch_steps
from tests.builders import ADMIN, build_small_operation
from tests.conftest import _fresh_database
from tests.core.test_accounts import ROLE_SQL_1, ROLE_SQL_2, ROLE_SQL_3, ROLE_SQL_DB
from tests.pgserver import PostgresServer
from tests.tables import all_rows


def _backup_name(url: str) -> str:
    return "ops.dump" if url.startswith("postgresql") else "ops.db"


def test_demo_backup_restore_gives_every_table_and_the_journal_back(
    db_url: str, second_db_url: str, tmp_path: Path
) -> None:
    source = open_store(db_url)
    try:
        load_demo(source, "bangka")
        ids = build_small_operation(source)  # a BKO assignment: bangka has none
        units.set_status(source, ADMIN, ids.units["PA"], ids.statuses["bergerak"])
        # A TPS's arrival on the voting-day watch: the Bangka demo has no watch records.
        with source.read() as s:
            tps = s.scalars(
                select(PollingStation.id).where(PollingStation.operation_id == ids.operation_id)
            ).first()
            arrival = watch_steps.steps(s, ids.operation_id)[0].id
        assert tps is not None
        at = datetime(2024, 11, 27, 5, 45, tzinfo=ZoneInfo("Asia/Jakarta"))
        watch_entry.record(source, ADMIN, ids.operation_id, [watch_entry.Mark(tps, arrival, at)])
        # A boundary of the command room's own (opscenter regions import): none in the demo.
        shape = tmp_path / "batas.geojson"
        ring = [[106.1, -2.2], [106.2, -2.2], [106.2, -2.1], [106.1, -2.1], [106.1, -2.2]]
        feature = {
            "type": "Feature",
            "properties": {"kode": "19.71", "nama": "Kota Pangkal Pinang"},
            "geometry": {"type": "Polygon", "coordinates": [ring]},
        }
        shape.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
        regions = geo_imports.prepare(source, shape)
        geo_imports.commit(source, ADMIN, regions)
        backup = source.backup(tmp_path / _backup_name(db_url))
    finally:
        source.dispose()
    before = all_rows(db_url)
    assert before is not None
    empty = [name for name in Base.metadata.tables if not before[name]]
    assert empty == []  # the comparison below covers every table with rows

    done = restore(backup, second_db_url)

    assert all_rows(second_db_url) == before
    assert (done.operations, done.journal) == (2, len(before["journal"]))
    assert done.revision == done.backup_revision == migrations.HEAD
    # The restored database goes on: a new change is journaled after the restored history.
    restored = open_store(second_db_url)
    try:
        units.set_status(restored, ADMIN, ids.units["PB"], ids.statuses["bergerak"])
        with restored.read() as s:
            newest = max(row[0] for row in before["journal"])
            new = s.execute(
                select(JournalEntry.entity, JournalEntry.entity_id).where(JournalEntry.seq > newest)
            ).all()
            assert ("unit", ids.units["PB"]) in new
        path = restored.sqlite_path
    finally:
        restored.dispose()
    if path is not None:  # the file the restore created is the owner's only
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_restore_into_a_database_that_holds_only_an_empty_schema(
    db_url: str, second_db_url: str, tmp_path: Path
) -> None:
    """A workstation opened the new database once (it created the schema, no rows): the
    backup takes its place."""
    source = open_store(db_url)
    try:
        build_small_operation(source)
        backup = source.backup(tmp_path / _backup_name(db_url))
    finally:
        source.dispose()
    open_store(second_db_url).dispose()
    restore(backup, second_db_url)
    assert all_rows(second_db_url) == all_rows(db_url)


def test_an_older_backup_is_migrated_forward_after_the_restore(
    db_url: str, second_db_url: str, tmp_path: Path
) -> None:
    source = open_store(db_url)
    try:
        build_small_operation(source)
        cfg = migrations.config()
        with migrations.migrating(source) as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0004")
    finally:
        source.dispose()
    old = open_store(db_url, migrate=False)  # as `db backup` opens it: left at 0004
    try:
        backup = old.backup(tmp_path / _backup_name(db_url))
    finally:
        old.dispose()

    done = restore(backup, second_db_url)

    assert (done.backup_revision, done.revision) == ("0004", migrations.HEAD)
    assert done.migrated
    restored = open_store(second_db_url, migrate=False)
    try:
        assert migrations.current_revision(restored) == migrations.HEAD
        with restored.read() as s:
            assert s.scalars(select(Operation.code)).all() == ["uji"]
    finally:
        restored.dispose()
    before, after = all_rows(db_url), all_rows(second_db_url)
    assert before is not None and after is not None
    for name in ("operation", "unit", "personnel", "journal"):
        assert after[name] == before[name]


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_a_restore_that_fails_midway_leaves_the_target_as_it_was(
    db_url: str, second_db_url: str, tmp_path: Path
) -> None:
    """The backup grants rights to a role this server no longer has: psql stops at that
    GRANT, late in the restore, and the whole transaction (the prologue that dropped the
    target's empty schema included) is rolled back."""
    role = f"gone_{uuid.uuid4().hex[:8]}"
    source = open_store(db_url)
    try:
        build_small_operation(source)
        with source.engine.begin() as conn:
            conn.execute(text(f"CREATE ROLE {role}"))
            conn.execute(text(f"GRANT SELECT ON unit TO {role}"))
        backup = source.backup(tmp_path / "ops.dump")
        with source.engine.begin() as conn:
            conn.execute(text(f"DROP OWNED BY {role}"))
            conn.execute(text(f"DROP ROLE {role}"))
    finally:
        source.dispose()
    open_store(second_db_url).dispose()  # an empty schema, which the restore drops first
    before = all_rows(second_db_url)
    assert before is not None and "unit" in before

    with pytest.raises(RestoreFailed) as err:
        restore(backup, second_db_url)

    assert f'role "{role}" does not exist' in messages.describe(err.value, "en")
    assert "gagal dan dibatalkan, basis data tidak berubah" in messages.describe(err.value, "id")
    assert all_rows(second_db_url) == before


def test_an_sqlite_target_locked_by_another_program_is_left_as_it_was(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = open_store(f"sqlite:///{tmp_path / 'bron.db'}")
    try:
        build_small_operation(source)
        backup = source.backup(tmp_path / "ops.db")
    finally:
        source.dispose()
    target = open_store(sqlite_url)
    path = target.sqlite_path
    target.dispose()
    assert path is not None
    before = all_rows(sqlite_url)
    monkeypatch.setattr(restore_module, "BUSY_TIMEOUT_S", 0.2)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseLocked):
            restore(backup, sqlite_url)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert all_rows(sqlite_url) == before


def test_the_readme_roles_the_owner_restores_and_the_app_role_cannot(
    postgres_server: Any, tmp_path: Path
) -> None:
    """The README's setup: the workstations' app role may not create tables, so it cannot
    restore (one sentence, nothing changed); the owner role restores, and the backup's
    grants come back with it: the app role writes again and still cannot touch the journal."""
    import psycopg

    host, port = "127.0.0.1", postgres_server.port
    suffix = uuid.uuid4().hex[:8]
    src, dst = f"restore_src_{suffix}", f"restore_dst_{suffix}"

    def url(role: str, db: str) -> str:
        return f"postgresql+psycopg://{role}@{host}:{port}/{db}"

    def run_sql(statements: list[str], dbname: str, role: str = "postgres") -> None:
        with psycopg.connect(host=host, port=port, user=role, dbname=dbname, autocommit=True) as c:
            for sql in statements:
                c.execute(sql.format(db=dbname))  # type: ignore[arg-type]

    with postgres_server.connect(autocommit=True) as conn:
        existing = {r[0] for r in conn.execute("SELECT rolname FROM pg_roles")}
    run_sql([s for s in ROLE_SQL_1 if s.split()[2] not in existing], "postgres")
    for db in (src, dst):
        run_sql([s.format(db=db) for s in ROLE_SQL_DB], "postgres")
        run_sql(ROLE_SQL_2, db)
    try:
        open_store(url("opscenter_owner", src)).dispose()
        run_sql(ROLE_SQL_3, src, role="opscenter_owner")
        app = open_store(url("opscenter_app", src))
        try:
            ids = build_small_operation(app)
        finally:
            app.dispose()
        owner = open_store(url("opscenter_owner", src))
        try:
            backup = owner.backup(tmp_path / "ops.dump")
        finally:
            owner.dispose()

        with pytest.raises(RestoreFailed) as err:
            restore(backup, url("opscenter_app", dst))
        assert "permission denied" in messages.describe(err.value, "en")
        assert all_rows(url("postgres", dst)) == {}

        done = restore(backup, url("opscenter_owner", dst))
        assert done.operations == 1
        assert all_rows(url("postgres", dst)) == all_rows(url("postgres", src))
        app = open_store(url("opscenter_app", dst))
        try:
            units.set_status(app, ADMIN, ids.units["PA"], ids.statuses["bergerak"])
        finally:
            app.dispose()
        with pytest.raises(psycopg.Error):
            run_sql(["DELETE FROM journal"], dst, role="opscenter_app")
    finally:
        for db in (src, dst):
            postgres_server.drop_database(db)


def test_backup_and_restore_through_a_multi_host_url_whose_first_host_is_down(
    postgres_server: PostgresServer, tmp_path: Path
) -> None:
    """pg_dump, pg_restore and psql get libpq's own host list (issue 17): with the first
    server of the room's URL dead, both go to the one that answers."""

    def two_hosts(url: str) -> str:  # port 1: nothing listens there
        return url.replace("@127.0.0.1:", "@127.0.0.1:1,127.0.0.1:", 1)

    with (
        _fresh_database(postgres_server, "multi") as source_url,
        _fresh_database(postgres_server, "multi_target") as target_url,
    ):
        store = open_store(two_hosts(source_url))
        try:
            build_small_operation(store)
            backup = store.backup(tmp_path / "ops.dump")
        finally:
            store.dispose()
        restore(backup, two_hosts(target_url))
        assert all_rows(target_url) == all_rows(source_url)
