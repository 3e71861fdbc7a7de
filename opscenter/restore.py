"""Restoring a backup: ``opscenter db backup``'s file back into an empty database.

``restore(backup, url)`` checks the file first and the target second, and changes the target
only once both are known to be right; every refusal is a typed error (a sentence in
``opscenter.messages``) and leaves the target as it was:

- the file is missing, or is not a backup of an OpsCenter database (another program's
  SQLite file, a workbook, a damaged or cut-short file): ``NotABackup``; a backup of the
  other kind of database (an SQLite file for a PostgreSQL target): ``BackupOtherKind``;
- the backup's schema is newer than this program knows: ``BackupTooNew``;
- the target already holds rows: ``TargetNotEmpty``. A backup is never merged into data,
  nor written over it. There is deliberately no ``--force``: the way to put a backup in
  place of a database in use is to restore it into a new file or a new PostgreSQL database
  (``createdb``) and point the workstations at that, which keeps the old one; dropping the
  old one is then a separate act of its own.

SQLite: the backup is read in place, read-only and as immutable (nothing is written beside
it), checked (``PRAGMA quick_check``), and copied into the target with SQLite's online
backup API, in one write transaction; a target file the restore creates is 0600 (its -wal
and -shm files follow its mode). PostgreSQL: the custom-format dump ``Store.backup`` writes
is read through completely first (``pg_restore`` to nowhere: a cut-short dump is refused
before anything is sent), then ``pg_restore``'s SQL goes to ``psql`` in one transaction
behind a prologue that locks the target's (empty) tables, checks again that they are empty
and drops them: any error, or ``pg_restore`` failing midway, rolls all of it back. Then the
target is opened the normal way, which migrates an older backup's schema forward (on
SQLite after the usual copy of the file, ``*.sebelum-<head>.bak``).

Who may restore. Restoring is an administrator's act, but the target must be empty, and an
empty database has no OpsCenter account: there is nobody in it to sign in as, and the
accounts that come back with the backup are the backup's. Checking an admin password
stored inside the backup would protect nothing the file does not already give to whoever
holds it (every row, the password hashes included, can be read from it directly). So the
restore asks for no OpsCenter sign-in, like ``db upgrade`` and ``db backup``: the
credentials that guard it are the database's own, and they are an administrator's. On
PostgreSQL the role in ``--db`` must be able to create tables in the target (the owner
role of the README's setup; the workstations' app role cannot), and on SQLite the person
must be able to write the target's folder. No data is overwritten whoever runs it, since
a target with rows is refused. After the restore every action signs in against the
restored accounts as before.

The restore is not journaled. The journal is the backup's history, restored row for row
(``db restore`` then ``db backup`` gives the same rows); a journal row for the restore
itself would have no actor (nobody signed in, see above) and would make the restored
journal differ from the one that was backed up. What was restored, from which file (its
SHA-256) and at which schema revision goes to the log.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from sqlalchemy import Connection, func, inspect, select, table
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from opscenter import migrations
from opscenter.errors import (
    DatabaseFolderMissing,
    DatabaseLocked,
    DatabaseReadOnly,
    NotADatabase,
    SchemaTooNew,
    StorageError,
)
from opscenter.private_files import private_file, private_folder
from opscenter.store import (
    BUSY_TIMEOUT_S,
    SQLITE_HEADER,
    check_sqlite_file,
    create_store_engine,
    default_sqlite_path,
    libpq_command,
    open_store,
    parse_url,
    pg_lock_timeout_s,
    resolve_url,
    safe_url,
    sqlite_companions,
    translate,
)

log = logging.getLogger(__name__)

PG_DUMP_MAGIC = b"PGDMP"  # the first bytes of pg_dump's custom format
# Tables every OpsCenter database has had since its first revision.
_OURS = frozenset({"alembic_version", "operation", "journal"})
_NOT_EMPTY = "opscenter: the target database is not empty"
_KIND_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


class RestoreError(StorageError):
    code = "restore"


class BackupMissing(RestoreError):
    """The backup file does not exist or cannot be read. data: path."""

    code = "restore.backup_missing"


class NotABackup(RestoreError):
    """The file is not a backup of an OpsCenter database, or it is damaged or cut short.
    data: path, reason ("format", "damaged", "foreign")."""

    code = "restore.not_a_backup"


class BackupOtherKind(RestoreError):
    """A backup of the other kind of database (SQLite into PostgreSQL or back).
    data: path, kind, target, target_kind (display names)."""

    code = "restore.wrong_kind"


class BackupTooNew(SchemaTooNew):
    """The backup was made by a newer OpsCenter. data: path, revision."""

    code = "restore.schema_too_new"


class TargetNotEmpty(RestoreError):
    """The target already holds rows; nothing is merged or overwritten.
    data: target, operations, journal."""

    code = "restore.target_not_empty"


class ServerNotEmpty(TargetNotEmpty):
    """``TargetNotEmpty`` on a PostgreSQL server (the way out is ``createdb``)."""

    code = "restore.server_not_empty"


class PgRestoreMissing(RestoreError):
    """pg_restore or psql is not installed here. data: path, url."""

    code = "restore.pg_restore_missing"


class RestoreFailed(RestoreError):
    """The restore went wrong midway and was rolled back. data: target, detail."""

    code = "restore.failed"


@dataclass(frozen=True, slots=True)
class Restored:
    """What a restore brought back: the target, the backup's schema revision and the one
    the target has now (newer when an older backup was migrated forward), and counts."""

    target: str
    backup_revision: str
    revision: str
    operations: int
    journal: int

    @property
    def migrated(self) -> bool:
        return self.backup_revision != self.revision


def restore(backup: Path, url: str | None = None) -> Restored:
    """Restore ``backup`` into the empty database ``url`` (resolved as ``open_store`` does:
    ``--db``, else ``$OPSCENTER_DB``, else the default file), or refuse with a typed error
    and the target unchanged."""
    backup = backup.expanduser().absolute()
    kind = _kind(backup)
    resolved = resolve_url(url)
    parsed = parse_url(resolved)
    target_kind = parsed.get_backend_name()
    if kind is None:
        raise NotABackup(path=str(backup), reason="format")
    if kind != target_kind:
        raise BackupOtherKind(
            path=str(backup),
            kind=_KIND_NAMES[kind],
            target=safe_url(parsed),
            target_kind=_KIND_NAMES.get(target_kind, target_kind),
        )
    if kind == "sqlite":
        revision = _restore_sqlite(backup, parsed)
    else:
        revision = _restore_postgresql(backup, parsed)
    store = open_store(resolved)  # the normal open path: an older schema is migrated forward
    try:
        with store.engine.connect() as conn:
            operations = _count(conn, "operation")
            journal_rows = _count(conn, "journal")
        now = migrations.current_revision(store) or ""
    finally:
        store.dispose()
    log.info(
        "restored %s (sha256 %s, schema %s) into %s (schema %s): %d operations, %d journal rows",
        backup,
        _sha256(backup),
        revision,
        safe_url(parsed),
        now,
        operations,
        journal_rows,
    )
    return Restored(safe_url(parsed), revision, now, operations, journal_rows)


# -- the backup --------------------------------------------------------------------------------


def _kind(backup: Path) -> str | None:
    """The backup's kind by its first bytes ("sqlite", "postgresql"), or None: neither."""
    try:
        with backup.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError:  # missing, a folder, not readable
        raise BackupMissing(path=str(backup)) from None
    if head == SQLITE_HEADER:
        return "sqlite"
    if head.startswith(PG_DUMP_MAGIC):
        return "postgresql"
    return None


def _check_revision(backup: Path, tables: set[str], versions: list[str]) -> str:
    """The backup's schema revision, once its tables show it is an OpsCenter database."""
    if not tables >= _OURS or len(versions) != 1:
        raise NotABackup(path=str(backup), reason="foreign")
    revision = versions[0]
    if not migrations.known(revision):
        raise BackupTooNew(path=str(backup), revision=revision)
    return revision


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# -- the target --------------------------------------------------------------------------------


def _count(conn: Connection, name: str) -> int:
    return int(conn.execute(select(func.count()).select_from(table(name))).scalar_one())


def _check_target(url: URL) -> list[str]:
    """The target's tables, once it is known to hold none but an empty OpsCenter schema."""
    engine = create_store_engine(url)
    try:
        with engine.connect() as conn:
            names = set(inspect(conn).get_table_names())
            if names and "alembic_version" not in names:
                # Somebody else's database: never write our tables into it.
                raise NotADatabase(path=safe_url(url), reason="foreign", tables=sorted(names)[:5])
            counts = {name: _count(conn, name) for name in names - {"alembic_version"}}
    except DBAPIError as exc:
        raise translate(exc, url) from exc
    finally:
        engine.dispose()
    if any(counts.values()):
        refusal = TargetNotEmpty if url.get_backend_name() == "sqlite" else ServerNotEmpty
        raise refusal(
            target=safe_url(url),
            operations=counts.get("operation", 0),
            journal=counts.get("journal", 0),
        )
    return sorted(names)


# -- SQLite ------------------------------------------------------------------------------------


def _open_backup(backup: Path) -> sqlite3.Connection:
    """The backup, read-only and immutable: SQLite writes nothing beside it (no -shm)."""
    return sqlite3.connect(f"{backup.as_uri()}?mode=ro&immutable=1", uri=True)


def _restore_sqlite(backup: Path, url: URL) -> str:
    try:
        source = _open_backup(backup)
    except sqlite3.Error:
        raise BackupMissing(path=str(backup)) from None
    try:
        try:
            intact = source.execute("PRAGMA quick_check").fetchall() == [("ok",)]
            tables = {
                str(r[0])
                for r in source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            versions = (
                [str(r[0]) for r in source.execute("SELECT version_num FROM alembic_version")]
                if "alembic_version" in tables
                else []
            )
        except sqlite3.DatabaseError:
            intact = False
        if not intact:
            raise NotABackup(path=str(backup), reason="damaged")
        revision = _check_revision(backup, tables, versions)
        path = Path(str(url.database or ""))
        if not url.database or url.database == ":memory:" or url.database.startswith("file:"):
            raise StorageError(reason="memory")
        created = _prepare_sqlite_target(path, url)
        try:
            target = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            try:
                # One write transaction on the target: all or nothing.
                source.backup(target, progress=_give_up_when_busy)
            finally:
                target.close()
        except sqlite3.Error as exc:
            if created:
                for file in (path, *sqlite_companions(path)):
                    file.unlink(missing_ok=True)
            low = str(exc).lower()
            if "locked" in low or "busy" in low:
                raise DatabaseLocked(path=str(path)) from exc
            raise RestoreFailed(target=str(path), detail=str(exc)) from exc
    finally:
        source.close()
    return revision


def _give_up_when_busy(status: int, _remaining: int, _total: int) -> None:
    """Python's backup loop retries a busy target forever; SQLite's busy handler has already
    waited ``BUSY_TIMEOUT_S`` for the target's lock when a step says busy: give up then."""
    if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        raise sqlite3.OperationalError("database is locked")


def _prepare_sqlite_target(path: Path, url: URL) -> bool:
    """Check the target file (empty or absent) and create it, 0600, if absent; True if
    created. The app's default data folder is created as ``open_store`` creates it."""
    if path.exists():
        check_sqlite_file(path, create_folder=False)
        _check_target(url)
        return False
    if not path.parent.exists():
        if path != default_sqlite_path():
            raise DatabaseFolderMissing(path=str(path.parent))
        private_folder(path.parent)
    if not os.access(path.parent, os.W_OK):
        raise DatabaseReadOnly(path=str(path))
    private_file(path)
    return True


# -- PostgreSQL --------------------------------------------------------------------------------

_TABLE_ENTRY = re.compile(r"^\d+;\s+\d+\s+\d+\s+TABLE\s+\S+\s+(\S+)\s")


def _restore_postgresql(backup: Path, url: URL) -> str:
    pg_restore, psql = shutil.which("pg_restore"), shutil.which("psql")
    if pg_restore is None or psql is None:
        raise PgRestoreMissing(path=str(backup), url=safe_url(url))
    # The whole archive read through first: a cut-short dump is refused before anything is sent.
    whole = _run([pg_restore, f"--file={os.devnull}", str(backup)])
    listing = _run([pg_restore, "--list", str(backup)])
    data = _run([pg_restore, "--data-only", "--table=alembic_version", "--file=-", str(backup)])
    if whole.returncode or listing.returncode or data.returncode:
        raise NotABackup(path=str(backup), reason="damaged")
    tables = {m.group(1) for line in listing.stdout.splitlines() if (m := _TABLE_ENTRY.match(line))}
    revision = _check_revision(backup, tables, _copied_rows(data.stdout, "alembic_version"))
    existing = _check_target(url)
    conninfo, env = libpq_command(url)
    with tempfile.TemporaryFile() as reader_err, tempfile.TemporaryFile() as writer_err:
        failed, detail = _pipe(
            [pg_restore, "--no-owner", "--file=-", str(backup)],
            [
                psql,
                "--no-psqlrc",
                "--quiet",
                "--set=ON_ERROR_STOP=1",
                "--single-transaction",
                "--file=-",
                f"--dbname={conninfo}",
            ],
            _prologue(existing).encode(),
            env,
            reader_err,
            writer_err,
        )
    if failed:
        if _NOT_EMPTY in detail:  # a workstation wrote meanwhile: say what is there now
            _check_target(url)
        raise RestoreFailed(target=safe_url(url), detail=detail[:300])
    return revision


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=False)


def _copied_rows(sql: str, name: str) -> list[str]:
    """The rows of one table's COPY block in pg_restore's SQL (one text column)."""
    lines = sql.splitlines()
    start = next(
        (i for i, line in enumerate(lines) if line.startswith(f"COPY public.{name} ")), None
    )
    if start is None:
        return []
    rows: list[str] = []
    for line in lines[start + 1 :]:
        if line == "\\.":
            break
        rows.append(line)
    return rows


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _prologue(existing: list[str]) -> str:
    """SQL run first in the restore's transaction: the target's empty OpsCenter schema
    locked, found empty once more (a workstation may have written since it was checked),
    and dropped, so that the backup's schema takes its place."""
    statements = [f"SET lock_timeout = {int(pg_lock_timeout_s() * 1000)};"]
    if existing:
        names = ", ".join(f"public.{_quoted(n)}" for n in existing)
        statements.append(f"LOCK TABLE {names} IN ACCESS EXCLUSIVE MODE;")
        checks = " OR ".join(
            f"EXISTS (SELECT 1 FROM public.{_quoted(n)})"
            for n in existing
            if n != "alembic_version"
        )
        if checks:
            statements.append(
                f"DO $$ BEGIN IF {checks} THEN RAISE EXCEPTION '{_NOT_EMPTY}'; END IF; END $$;"
            )
        statements.append(f"DROP TABLE {names} CASCADE;")
    statements.append("DROP FUNCTION IF EXISTS public.opscenter_journal_immutable() CASCADE;")
    return "\n".join(statements) + "\n"


def _pipe(
    reader_args: list[str],
    writer_args: list[str],
    prologue: bytes,
    env: dict[str, str],
    reader_err: IO[bytes],
    writer_err: IO[bytes],
) -> tuple[bool, str]:
    """pg_restore's output into psql, after ``prologue``; (failed, the first error).

    psql commits when its input ends, so its input is closed only after pg_restore has
    ended well; otherwise psql is killed mid-transaction and the server rolls it back.
    """
    writer = subprocess.Popen(
        writer_args, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=writer_err, env=env
    )
    reader = subprocess.Popen(reader_args, stdout=subprocess.PIPE, stderr=reader_err)
    assert writer.stdin is not None and reader.stdout is not None
    broken = False
    try:
        writer.stdin.write(prologue)
        for block in iter(lambda: reader.stdout.read(1 << 16), b""):  # type: ignore[union-attr]
            writer.stdin.write(block)
    except BrokenPipeError:  # psql stopped at an error (ON_ERROR_STOP)
        broken = True
        reader.kill()
    reader.stdout.close()
    reader_failed = reader.wait() != 0 and not broken
    if reader_failed:
        writer.kill()
    else:
        try:
            writer.stdin.close()
        except BrokenPipeError:
            broken = True
    writer_failed = writer.wait() != 0
    if not (broken or reader_failed or writer_failed):
        return False, ""
    return True, _first_error(writer_err) or _first_error(reader_err) or "pg_restore"


def _first_error(stream: IO[bytes]) -> str:
    stream.seek(0)
    lines = stream.read().decode("utf-8", "replace").splitlines()
    for line in lines:
        if "ERROR:" in line or "error:" in line:
            return line.split("ERROR:", 1)[-1].split("error:", 1)[-1].strip()
    return next((line.strip() for line in lines if line.strip()), "")
