"""Storage: where the database is, opening it safely, transactions that journal.

SQLite (embedded, one workstation) and PostgreSQL (command room) share one schema.
Opening a store checks the location, translates driver failures into typed errors
(``opscenter.errors``), and applies Alembic migrations, copying an SQLite file first.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    IntegrityError,
    NoSuchModuleError,
    OperationalError,
)
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import StaticPool

from opscenter import journal
from opscenter.actor import Actor
from opscenter.errors import (
    BadDatabaseUrl,
    CommitInDoubt,
    Conflict,
    ConnectionLost,
    DatabaseFolderMissing,
    DatabaseLocked,
    DatabaseMissing,
    DatabasePermission,
    DatabaseReadOnly,
    DatabaseUnreachable,
    JournalImmutable,
    LockTimeout,
    NoPrimary,
    NotADatabase,
    OpsError,
    ServerReadOnly,
    StaleEdit,
    StatementTimeout,
    StorageError,
)
from opscenter.model import Base
from opscenter.private_files import private_file, private_folder, restrict

log = logging.getLogger(__name__)

ENV_VAR = "OPSCENTER_DB"
SQLITE_HEADER = b"SQLite format 3\x00"
# How long a writer waits for another workstation's write lock before giving up.
BUSY_TIMEOUT_S = float(os.environ.get("OPSCENTER_BUSY_TIMEOUT", "5"))


def default_sqlite_path() -> Path:
    return Path(platformdirs.user_data_dir("OpsCenter", appauthor=False)) / "opscenter.db"


def resolve_url(url: str | None = None) -> str:
    """The database to use: ``url`` if given, else ``$OPSCENTER_DB``, else the default file.

    A bare file path is taken as an SQLite file; ``postgresql://`` uses psycopg 3.
    """
    raw = (url or os.environ.get(ENV_VAR) or "").strip()
    if not raw:
        return f"sqlite:///{default_sqlite_path()}"
    if "://" not in raw and not raw.startswith("sqlite:"):
        return f"sqlite:///{Path(raw).expanduser().absolute()}"
    if raw.startswith(("postgresql://", "postgres://")):
        raw = "postgresql+psycopg://" + raw.split("://", 1)[1]
    if raw.startswith("postgresql"):
        return _hosts_as_options(raw)
    return raw


# A URL's scheme, user and host list: libpq's multi-host form ``db1:5432,db2:5433``.
_NETLOC = re.compile(r"^(?P<head>[^:]+://(?:[^@/?]*@)?)(?P<hosts>[^/?]*)(?P<tail>.*)$")


def _hosts_as_options(raw: str) -> str:
    """libpq's multi-host URL, ``postgresql://ops@db1:5432,db2:5433/opscenter``, in the form
    SQLAlchemy parses (``...@/opscenter?host=db1:5432&host=db2:5433``): it reads one port
    only. libpq then tries the hosts in turn; ``target_session_attrs=read-write`` makes it
    take the one that is the primary. Hosts without ports (``db1,db2``) parse as they are."""
    match = _NETLOC.match(raw)
    if match is None or "," not in match["hosts"] or ":" not in match["hosts"]:
        return raw
    hosts = "&".join(f"host={h.strip()}" for h in match["hosts"].split(",") if h.strip())
    path, _, query = match["tail"].partition("?")
    return f"{match['head']}{path or '/'}?{hosts}" + (f"&{query}" if query else "")


# How soon a PostgreSQL connection gives up on a server that stopped answering. A machine that
# loses power sends nothing: without these, a connection waits for the kernel to give up on
# the socket (about 15 minutes), and pool_pre_ping, the listener and a write in flight with
# it. Here: a connection attempt 5 s a host; an idle connection is probed after 5 s, every
# 2 s, given up after 3 silent probes; unacknowledged data is given up after 10 s. A URL may
# set any of them itself (``?tcp_user_timeout=...``).
PG_LIVENESS: dict[str, Any] = {
    "connect_timeout": 5,
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 3,
    "tcp_user_timeout": 10_000,
}


def libpq_params(url: URL) -> dict[str, Any]:
    """A PostgreSQL URL as libpq's keywords (``host``, ``port``, ``dbname``, ``user``,
    ``password``, ``target_session_attrs`` ...), the way SQLAlchemy's psycopg dialect passes
    them: one form for every connection made outside the engine, multi-host URLs included."""
    from sqlalchemy.dialects.postgresql.psycopg import dialect

    pg = dialect()  # type: ignore[no-untyped-call]
    _args, params = pg.create_connect_args(url.set(drivername="postgresql+psycopg"))  # type: ignore[no-untyped-call]
    return dict(params)


def libpq_command(url: URL) -> tuple[str, dict[str, str]]:
    """For pg_dump, pg_restore and psql: the database as a libpq connection string (a
    multi-host URL too) and an environment holding its password (a password on a command
    line is visible to every local user in the process list)."""
    from psycopg.conninfo import make_conninfo

    env = dict(os.environ)
    params = libpq_params(url)
    password = params.pop("password", None)
    if isinstance(password, str) and password:
        env["PGPASSWORD"] = password
    return make_conninfo(**{k: str(v) for k, v in params.items()}), env


def servers(url: URL) -> str:
    """The server or servers a PostgreSQL URL names, for a sentence: ``db1:5432, db2:5433``."""
    hosts = url.query.get("host")
    if hosts:
        return ", ".join((hosts,) if isinstance(hosts, str) else hosts)
    host = url.host or "localhost"
    if "," in host:
        return ", ".join(h.strip() for h in host.split(","))
    return f"{host}:{url.port or 5432}"


# For a URL too broken to parse: the password (up to the last "@" before any query), and
# a password given as a query option (libpq accepts ?password= and ?sslpassword=).
_PASSWORD = re.compile(r"(//[^:/@?]*:)[^?]*@")
_QUERY_PASSWORD = re.compile(r"([?&](?:ssl)?password=)[^&]*", re.IGNORECASE)
_SECRET_OPTIONS = frozenset({"password", "sslpassword"})


def parse_url(url: str) -> URL:
    """``url`` parsed, or ``BadDatabaseUrl`` whose data never holds the password."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        # Not "from exc": the parser's own message repeats the whole URL, password included,
        # and a chained cause ends up in any traceback that is logged.
        raise BadDatabaseUrl(url=safe_url(url), reason="syntax") from None
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise BadDatabaseUrl(url=safe_url(parsed), reason="unsupported", backend=backend)
    if backend == "postgresql" and parsed.get_driver_name() not in ("psycopg", "psycopg2"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if backend == "postgresql" and not parsed.database:
        raise BadDatabaseUrl(url=safe_url(parsed), reason="no_database")
    if backend == "postgresql":
        try:
            libpq_params(parsed)  # a host list SQLAlchemy cannot split (IPv6 with ports)
        except ValueError:
            raise BadDatabaseUrl(url=safe_url(parsed), reason="syntax") from None
    return parsed


def safe_url(url: URL | str) -> str:
    """The URL with its password hidden, fit for sentences, logs and titles.

    The one place a URL is made safe to show: also a password given as a query option, and
    a URL too broken to parse.
    """
    if isinstance(url, URL):
        text = url.render_as_string(hide_password=True)
        # A multi-host URL's hosts as written, not percent-encoded ("host=db1:5432").
        text = re.sub(r"([?&]host=)([^&]*)", lambda m: m[1] + unquote(m[2]), text)
    else:
        try:
            text = make_url(url).render_as_string(hide_password=True)
        except (ArgumentError, ValueError):
            text = _PASSWORD.sub(r"\1***@", url)
    return _QUERY_PASSWORD.sub(r"\1***", text)


def _hide_password(text: str, url: URL) -> str:
    """A driver's or pg_dump's message with the URL's password taken out, should it repeat it."""
    secrets = [url.password, *(url.query.get(k) for k in _SECRET_OPTIONS)]
    for secret in secrets:
        if isinstance(secret, str) and secret:
            text = text.replace(secret, "***")
    return text


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """One transaction committed through this store: a prompt for live views in this
    process to read the journal (which says what changed: ``opscenter.live``)."""

    last_seq: int
    action: str


class _JournalingSession(Session):
    pass


journal.install(_JournalingSession)


def _sqlite_path(url: URL) -> Path | None:
    db = url.database
    if not db or db == ":memory:" or db.startswith("file:"):
        return None
    return Path(db)


def check_sqlite_file(path: Path, *, create_folder: bool) -> None:
    """Refuse, with a typed error, a path that cannot hold our SQLite database."""
    if path.exists():
        if path.is_dir():
            raise NotADatabase(path=str(path))
        try:
            with path.open("rb") as fh:
                header = fh.read(len(SQLITE_HEADER))
        except PermissionError as exc:
            raise DatabaseReadOnly(path=str(path)) from exc
        if header and header != SQLITE_HEADER:
            raise NotADatabase(path=str(path))
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
            raise DatabaseReadOnly(path=str(path))
        # A database an older version left readable by all: ours alone from now on.
        for file in (path, *sqlite_companions(path)):
            restrict(file)
        return
    if not path.parent.exists():
        if not create_folder:
            raise DatabaseFolderMissing(path=str(path.parent))
        private_folder(path.parent)
    if not os.access(path.parent, os.W_OK):
        raise DatabaseReadOnly(path=str(path))
    # Created here, 0600, before SQLite opens it: SQLite gives its -wal and -shm files the
    # mode of the database file, so they are private too.
    private_file(path)


def sqlite_companions(path: Path) -> tuple[Path, ...]:
    """The files SQLite keeps beside a database: its WAL, shared memory and rollback journal."""
    return tuple(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))


def translate(exc: BaseException, url: URL) -> OpsError:
    """A driver failure as the typed error a person can act on."""
    detail = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc) else ""
    detail = _hide_password(detail, url)
    low = detail.lower()
    path = str(_sqlite_path(url) or url.database or "")
    if "append-only" in low:
        return JournalImmutable()
    if isinstance(exc, IntegrityError):
        return Conflict(detail=detail)
    if url.get_backend_name() == "sqlite":
        if "locked" in low or "busy" in low:
            return DatabaseLocked(path=path)
        if "readonly" in low or "read-only" in low or "read only" in low:
            return DatabaseReadOnly(path=path)
        if "not a database" in low or "malformed" in low or "encrypted" in low:
            return NotADatabase(path=path)
        if "unable to open" in low:
            return DatabaseReadOnly(path=path)
        return ConnectionLost(detail=detail)
    sqlstate = getattr(getattr(exc, "orig", None), "sqlstate", None)
    if sqlstate == "55P03":  # lock_not_available: lock_timeout ran out
        return LockTimeout(seconds=_seconds(pg_lock_timeout_s()), detail=detail)
    if sqlstate == "57014":  # query_canceled: statement_timeout (or an administrator)
        return StatementTimeout(seconds=_seconds(pg_statement_timeout_s()), detail=detail)
    if sqlstate == "42501":
        # insufficient_privilege: reached and logged in, but the role may not do this.
        return DatabasePermission(user=url.username or "", detail=detail)
    if sqlstate == "25006":
        # read_only_sql_transaction: this server is a standby (or the session is read-only).
        return ServerReadOnly(server=servers(url))
    if isinstance(exc, OperationalError | DBAPIError) and getattr(
        exc, "connection_invalidated", False
    ):
        return ConnectionLost(detail=detail)
    whole = str(getattr(exc, "orig", exc)).lower()  # libpq names each host it tried: all lines
    if url.query.get("target_session_attrs") in _NEEDS_PRIMARY and _NOT_PRIMARY.search(whole):
        # Every server answered, none as the primary: a standby being promoted, most likely.
        return NoPrimary(servers=servers(url))
    return DatabaseUnreachable(
        url=safe_url(url),
        host=url.host or "localhost",
        port=url.port or 5432,
        server=servers(url),
        detail=detail,
    )


# libpq's refusal of a server that is not the primary a URL asks for.
_NEEDS_PRIMARY = frozenset({"read-write", "primary"})
_NOT_PRIMARY = re.compile(r"read-only|hot standby|not primary|is in recovery|standby mode")


class Store:
    """One database: engine, read sessions, and journaled write transactions.

    Thread use: a ``Store`` may be shared between threads; sessions may not.
    """

    def __init__(self, url: URL, engine: Engine) -> None:
        self.url = url
        self.engine = engine
        self._sessions = sessionmaker(
            bind=engine, class_=_JournalingSession, expire_on_commit=False
        )
        self._listeners: list[Callable[[ChangeSet], None]] = []
        self._lock = threading.Lock()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def sqlite_path(self) -> Path | None:
        return _sqlite_path(self.url) if self.dialect == "sqlite" else None

    def describe(self) -> str:
        return safe_url(self.url)

    # -- sessions --------------------------------------------------------------------------

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading. It refuses to flush any change."""
        try:
            with self._sessions() as s:
                yield s
        except DBAPIError as exc:
            raise translate(exc, self.url) from exc

    @contextmanager
    def transaction(
        self,
        actor: Actor,
        action: str,
        *,
        details: dict[str, Any] | None = None,
        operation_id: int | None = None,
        long_running: bool = False,
        prepare: Callable[[Connection], None] | None = None,
    ) -> Iterator[Session]:
        """One user action: one transaction, journaled, all or nothing.

        ``action`` is a stable key ("unit.set_status"); ``details`` says more (an
        import's file name and SHA-256). Subscribers hear of the commit afterwards.
        ``long_running`` (an import, a revert) lifts PostgreSQL's statement timeout for
        this transaction only: its statements may legitimately take longer.

        ``prepare`` runs first, on the connection the transaction then uses. On SQLite it
        runs before the write lock is taken (in a plain deferred transaction of its own, so
        it may read, and write TEMP tables, but not the database: ``journal.stage_values``),
        and the connection's TEMP tables are dropped when the transaction ends, since
        connections are pooled. Elsewhere it runs at the start of the transaction.
        """
        ctx = journal.TxnContext(
            actor=actor, action=action, details=details, operation_id=operation_id
        )
        conn: Connection | None = None
        watched: list[tuple[str, int, int]] = []
        committing = [False]  # set by the engine's "commit" event: the COMMIT was sent
        token = _COMMITTING.set(committing)
        try:
            if prepare is not None and self.dialect == "sqlite":
                conn = self.engine.connect()
                with conn.begin():  # BEGIN (deferred): no write lock on the database file
                    prepare(conn)
                conn.execution_options(opscenter_write=True)
            session = self._sessions(bind=conn) if conn is not None else self._sessions()
            session.info[journal.TXN_KEY] = ctx
            session.info["opscenter.watch"] = watched
            try:
                with session.begin():
                    if self.dialect == "sqlite":
                        session.connection(execution_options={"opscenter_write": True})
                    else:
                        if long_running:
                            session.execute(text("SET LOCAL statement_timeout = 0"))
                        if prepare is not None:
                            prepare(session.connection())
                    yield session
            finally:
                session.close()
        except StaleDataError as exc:
            raise self._stale_edit(watched) from exc
        except DBAPIError as exc:
            error = translate(exc, self.url)
            if committing[0] and isinstance(error, ConnectionLost):
                # Lost while the server was committing: it may have, and the standby too.
                raise CommitInDoubt(detail=error.data.get("detail", "")) from exc
            raise error from exc
        finally:
            _COMMITTING.reset(token)
            if conn is not None:
                _drop_temp_tables(conn)
                conn.close()
        if ctx.last_seq is not None:
            self._publish(ChangeSet(ctx.last_seq, action))

    def _stale_edit(self, watched: list[tuple[str, int, int]]) -> StaleEdit:
        """Name who changed which row, after a concurrent write beat ours to it."""
        with self.read() as s:
            for entity, entity_id, seen in watched:
                table = Base.metadata.tables[entity]
                now = s.execute(select(table.c.version).where(table.c.id == entity_id)).scalar()
                if now == seen:
                    continue  # not this row: it is still the version we read
                return journal.stale_edit(s, entity, entity_id)
        return StaleEdit(entity=None, entity_id=None, by=None, at=None)

    # -- in-process change feed --------------------------------------------------------------

    def subscribe(self, callback: Callable[[ChangeSet], None]) -> Callable[[], None]:
        """Call ``callback`` after each commit made through this store; returns an unsubscribe."""
        with self._lock:
            self._listeners.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._listeners:
                    self._listeners.remove(callback)

        return unsubscribe

    def _publish(self, change: ChangeSet) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for cb in listeners:
            try:
                cb(change)
            except Exception:  # a broken view must not undo a committed change
                log.exception("change listener failed")

    def data_version(self) -> int | None:
        """SQLite's ``PRAGMA data_version`` on a dedicated connection (None on PostgreSQL).

        It changes when another connection commits: the cheap poll for other processes.
        """
        if self.dialect != "sqlite":
            return None
        with self._lock:
            if not hasattr(self, "_dv_conn"):
                self._dv_conn = self.engine.raw_connection()
            cur = self._dv_conn.cursor()
            cur.execute("PRAGMA data_version")
            row = cur.fetchone()
            cur.close()
        value = int(row[0]) if row else 0
        return value

    # -- maintenance --------------------------------------------------------------------------

    def backup(self, dest: Path) -> Path:
        """A consistent copy while the app runs: SQLite's online backup, or pg_dump."""
        dest = dest.expanduser().absolute()
        if not dest.parent.exists():
            raise DatabaseFolderMissing(path=str(dest.parent))
        if dest.is_dir() or not os.access(dest.parent, os.W_OK):
            raise DatabaseReadOnly(path=str(dest))
        if self.dialect == "sqlite":
            src = self.sqlite_path
            if src is None:
                raise StorageError(reason="memory")
            backup_sqlite(src, dest)
            return dest
        return self._pg_dump(dest)

    def _pg_dump(self, dest: Path) -> Path:
        exe = shutil.which("pg_dump")
        if exe is None:
            raise PgDumpMissing(url=safe_url(self.url), dest=str(dest))
        url = self.url
        conninfo, env = libpq_command(url)
        args = [exe, "--format=custom", "--no-owner", f"--file={dest}", f"--dbname={conninfo}"]
        existed = dest.exists()
        private_file(dest)  # pg_dump truncates and writes it: it keeps this mode
        done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0 and not existed:
            dest.unlink(missing_ok=True)
        if done.returncode != 0:
            raise DatabaseUnreachable(
                url=safe_url(url),
                host=url.host,
                port=url.port,
                server=servers(url),
                detail=_hide_password(done.stderr.strip(), url)[:300],
            )
        return dest

    def dispose(self) -> None:
        with self._lock:
            conn = getattr(self, "_dv_conn", None)
            if conn is not None:
                conn.close()
                del self._dv_conn
        self.engine.dispose()


class PgDumpMissing(StorageError):
    """PostgreSQL backups use pg_dump, which is not installed here. data: url, dest."""

    code = "db.pg_dump_missing"


def backup_sqlite(src: Path, dest: Path) -> None:
    """Copy an SQLite database page by page with the online backup API (safe while in use)."""
    tmp = dest.with_name(dest.name + ".part")
    try:
        source = sqlite3.connect(f"file:{src}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
        try:
            target = sqlite3.connect(private_file(tmp))
            try:
                source.backup(target, pages=1024)
            finally:
                target.close()
        finally:
            source.close()
        tmp.replace(dest)
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        low = str(exc).lower()
        if "locked" in low or "busy" in low:
            raise DatabaseLocked(path=str(src)) from exc
        raise DatabaseReadOnly(path=str(dest)) from exc


SQLITE_CACHE_KIB = 65_536


def _on_sqlite_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    # pysqlite's own transaction handling is off (isolation_level=None); we emit BEGIN.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA synchronous = NORMAL")
    # SQLite's default page cache (2 MB) thrashes on the indexes when an import or the demo
    # writes 100,000 rows and their journal rows: 64 MB a connection is several times faster.
    cur.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
    cur.close()


def _use_wal(engine: Engine) -> None:
    """WAL lets the board read while another workstation writes. It is a property of the
    file, so it is set only once the file is known to be ours (never on a foreign file)."""
    raw = engine.raw_connection()  # outside any transaction: the mode cannot change inside one
    try:
        cur = raw.cursor()
        if str(cur.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
            cur.execute("PRAGMA journal_mode = WAL")
        cur.close()
    finally:
        raw.close()


def _drop_temp_tables(conn: Connection) -> None:
    """Leave a pooled SQLite connection as it was lent: without TEMP tables."""
    try:
        if conn.in_transaction():
            conn.rollback()
        conn.execution_options(opscenter_write=False)  # a plain BEGIN: TEMP needs no lock
        names = conn.exec_driver_sql(
            "SELECT name FROM temp.sqlite_master WHERE type = 'table'"
        ).scalars()
        for name in list(names):
            conn.exec_driver_sql(f'DROP TABLE temp."{name}"')
        if conn.in_transaction():
            conn.commit()
    except DBAPIError:  # a broken connection: the pool discards it, TEMP tables and all
        log.warning("TEMP tables not dropped", exc_info=True)
        conn.invalidate()


# How often a writer waiting for SQLite's write lock tries again. SQLite's own busy handler
# sleeps ever longer between tries, 100 ms each once it has waited a third of a second: a
# status change queued behind an import's commit started up to 100 ms after the lock came free.
WRITE_LOCK_POLL_S = 0.002


def _on_sqlite_begin(conn: Any) -> None:
    # Writers take the write lock at BEGIN, so two writers queue instead of deadlocking
    # on a lock upgrade (SQLITE_BUSY that busy_timeout cannot resolve).
    if not conn.get_execution_options().get("opscenter_write"):
        conn.exec_driver_sql("BEGIN")
        return
    try:  # the lock is free nearly always: one try, SQLite's busy handler off
        _set_busy_timeout(conn, 0)
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        while True:
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                return
            except DBAPIError as exc:
                if not _is_busy(exc) or time.monotonic() >= deadline:
                    raise
            time.sleep(WRITE_LOCK_POLL_S)
    finally:
        _set_busy_timeout(conn, BUSY_TIMEOUT_S)


def _set_busy_timeout(conn: Any, seconds: float) -> None:
    cursor = conn.connection.driver_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")
    finally:
        cursor.close()


def _is_busy(exc: DBAPIError) -> bool:
    """SQLITE_BUSY: another connection holds the lock (``database is locked``)."""
    orig = exc.orig
    code = getattr(orig, "sqlite_errorcode", None)
    if code is not None:
        return bool(code & 0xFF == sqlite3.SQLITE_BUSY)
    return "locked" in str(orig).lower() or "busy" in str(orig).lower()


# PostgreSQL: how long a statement waits for a lock (another workstation's row, the journal's
# ordering lock) before it gives up with a sentence. Locks are held for short steps (a
# status change, the journal's final COPY: well under a second even for a 100,000-row
# import), so 10 s means something is wrong, and a user should hear so rather than wait.
LOCK_TIMEOUT_ENV = "OPSCENTER_LOCK_TIMEOUT"
# PostgreSQL: the longest one statement may run. The slowest ordinary statement is a batch of
# an import or a sitrep's query (a second or two); long work lifts it for its own transaction
# (``Store.transaction(long_running=True)``: imports and reverts; migrations), and pg_dump uses
# its own connection and sets none.
STATEMENT_TIMEOUT_ENV = "OPSCENTER_STATEMENT_TIMEOUT"


def pg_lock_timeout_s() -> float:
    return float(os.environ.get(LOCK_TIMEOUT_ENV, "10"))


def pg_statement_timeout_s() -> float:
    return float(os.environ.get(STATEMENT_TIMEOUT_ENV, "60"))


def _seconds(value: float) -> str:
    return f"{value:g}"


# The running write transaction's "COMMIT sent" flag (``Store.transaction``), for the
# engine's "commit" event: it runs on the same thread, inside the transaction's context.
_COMMITTING: ContextVar[list[bool] | None] = ContextVar("opscenter_committing", default=None)


def _on_commit(_conn: Connection) -> None:
    flag = _COMMITTING.get()
    if flag is not None:
        flag[0] = True


def create_store_engine(url: URL) -> Engine:
    try:
        if url.get_backend_name() == "sqlite":
            path = _sqlite_path(url)
            kwargs: dict[str, Any] = {
                "connect_args": {"timeout": BUSY_TIMEOUT_S, "check_same_thread": False}
            }
            if path is None:
                kwargs["poolclass"] = StaticPool
            engine = create_engine(url, **kwargs)
            event.listen(engine, "connect", _on_sqlite_connect)
            event.listen(engine, "begin", _on_sqlite_begin)
            return engine
        defaults = {
            **PG_LIVENESS,
            "application_name": "opscenter",
            # Session defaults, set at login: every connection of the pool has them.
            "options": f"-c lock_timeout={int(pg_lock_timeout_s() * 1000)}"
            f" -c statement_timeout={int(pg_statement_timeout_s() * 1000)}",
        }
        engine = create_engine(
            url,
            pool_pre_ping=True,
            pool_size=5,
            # What the URL says wins (connect_args would override it).
            connect_args={k: v for k, v in defaults.items() if k not in url.query},
        )
        event.listen(engine, "commit", _on_commit)
        return engine
    except (ArgumentError, NoSuchModuleError) as exc:
        raise BadDatabaseUrl(url=safe_url(url), reason="driver") from exc


def open_store(
    url: str | None = None,
    *,
    migrate: bool = True,
    must_exist: bool = False,
    create_folder: bool | None = None,
) -> Store:
    """Open (and by default create or upgrade) the database at ``url``.

    ``migrate=False`` leaves the schema as it is (a backup of an old file must not change
    it) but still refuses a schema newer than this program. ``must_exist`` refuses to
    create a new SQLite file (commands that only read).
    Raises a ``StorageError`` subclass for every way this can fail that a user can cause.
    """
    from opscenter import migrations  # late: alembic is heavy and not needed for parsing

    resolved = resolve_url(url)
    parsed = parse_url(resolved)
    path = _sqlite_path(parsed) if parsed.get_backend_name() == "sqlite" else None
    if path is not None:
        if must_exist and not path.exists():
            raise DatabaseMissing(path=str(path))
        if create_folder is None:
            create_folder = path == default_sqlite_path()
        check_sqlite_file(path, create_folder=create_folder)
    engine = create_store_engine(parsed)
    store = Store(parsed, engine)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        migrations.prepare(store, upgrade=migrate)
        if path is not None:
            _use_wal(engine)
    except OpsError:
        store.dispose()
        raise
    except DBAPIError as exc:
        store.dispose()
        raise translate(exc, parsed) from exc
    except BaseException:
        store.dispose()
        raise
    return store


def table_names(store: Store) -> set[str]:
    return set(inspect(store.engine).get_table_names())


def has_rows(store: Store, model: Any) -> bool:
    with store.read() as s:
        return s.execute(select(model.id).limit(1)).first() is not None


def version_watch(session: Session, obj: Any) -> None:
    """Remember an edited row, so a concurrent write to it can be reported by name."""
    watched = session.info.get("opscenter.watch")
    if isinstance(watched, list):
        watched.append((inspect(obj).mapper.local_table.name, int(obj.id), int(obj.version)))


_SAFE_NAME = re.compile(r"[^A-Za-z0-9_.-]+")


def safe_filename(text: str) -> str:
    return _SAFE_NAME.sub("_", text).strip("_") or "opscenter"
