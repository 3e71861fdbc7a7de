"""Alembic migrations, applied at start. A copy of an SQLite file is taken first."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import DBAPIError

from opscenter.errors import Conflict, NotADatabase, SchemaOutdated, SchemaTooNew

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from opscenter.store import Store

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent
_PG_MIGRATION_LOCK = 0x0C5_3161
# The newest revision in versions/ (a test checks it against Alembic's own answer). A
# database already there is opened without importing Alembic: 0.15 s less at each start.
HEAD = "0013"


def config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(config()).get_current_head()
    assert head is not None
    return head


def _stored_revision(store: Store) -> str | None:
    """alembic_version's row read directly (None without the table)."""
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    except DBAPIError:
        return None
    return str(rows[0][0]) if len(rows) == 1 else None


def current_revision(store: Store) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with store.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _known(script: ScriptDirectory, revision: str) -> bool:
    from alembic.util.exc import CommandError

    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False


def known(revision: str) -> bool:
    """Whether ``revision`` is one of this program's (else a newer program wrote it)."""
    from alembic.script import ScriptDirectory

    return revision == HEAD or _known(ScriptDirectory.from_config(config()), revision)


def prepare(store: Store, *, upgrade: bool = True) -> None:
    """Bring the schema to the head revision, or say precisely why not."""
    if _stored_revision(store) == HEAD:
        return
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    cfg = config()
    script = ScriptDirectory.from_config(cfg)
    head = script.get_current_head()
    current = current_revision(store)
    if current == head:
        return
    if current is not None and not _known(script, current):
        raise SchemaTooNew(revision=current)
    if current is None:
        foreign = set(inspect(store.engine).get_table_names()) - {"alembic_version"}
        if foreign:
            # Somebody else's database: never write our tables into it.
            raise NotADatabase(path=store.describe(), reason="foreign", tables=sorted(foreign)[:5])
    if not upgrade:
        if current is None:
            raise SchemaOutdated(revision=current, head=head)
        return  # an older schema is left as it is (a backup must not change it)
    path = store.sqlite_path
    if current is not None and path is not None and path.exists():
        from opscenter.store import backup_sqlite

        copy = path.with_name(f"{path.name}.sebelum-{head}.bak")
        backup_sqlite(path, copy)
        log.info("copied %s to %s before migrating", path, copy)
    with migrating(store) as conn:
        if conn.dialect.name == "postgresql":
            # Two workstations starting at once: one migrates, the other waits, then finds head.
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
            if MigrationContext.configure(conn).get_current_revision() == head:
                return
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


@contextmanager
def migrating(store: Store) -> Iterator[Connection]:
    """One transaction to change the schema in, committed only if it all went through.

    PostgreSQL: a migration may rewrite whole tables, and a second workstation waits for the
    first one's, so neither is cut short by the session's timeouts.

    SQLite: a column's type or NOT NULL changes by rebuilding its table (Alembic's batch
    mode: a new table, the rows copied, the old one dropped, the new one renamed). With
    foreign keys enforced, dropping a table other rows refer to fails -- an incident naming
    its TPS stopped the upgrade of every database with such an incident ("FOREIGN KEY
    constraint failed") -- or, where they cascade, deletes those rows. So enforcement is off
    while the schema changes (it can only be switched outside a transaction), and the whole
    database is checked before the commit: a reference the change broke rolls it back."""
    with store.engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        # On the driver's connection: through SQLAlchemy's the statement would begin the
        # transaction, inside which SQLite ignores the switch.
        raw = conn.connection.dbapi_connection
        if sqlite and raw is not None:
            raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                if not sqlite:
                    conn.execute(text("SET LOCAL statement_timeout = 0"))
                    conn.execute(text("SET LOCAL lock_timeout = 0"))
                yield conn
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        table, _row, parent, _fk = broken[0]
                        raise Conflict(
                            detail=f"{len(broken)} rows of {table} refer to missing {parent} rows"
                        )
        finally:
            if sqlite and raw is not None:
                raw.execute("PRAGMA foreign_keys = ON")
