"""A primary and a synchronous, streaming hot standby on loopback, for failover tests.

Both servers are ``tests/pgserver.py`` servers in temporary folders, started from the installed
binaries, with durability on (fsync, full_page_writes, ``synchronous_commit = on``): what a
crash may lose is what is being tested. The standby is a ``pg_basebackup -R`` copy of the
primary (a hot standby, ``application_name`` in its ``primary_conninfo``), and the primary's
``synchronous_standby_names`` names it, so a commit is acknowledged only once the standby has
flushed it.

The pair can fail over again and again, as a command room's would::

    cluster = PostgresCluster().start()
    url = cluster.create_database("ops")  # both hosts, target_session_attrs=read-write
    cluster.kill_primary()                 # SIGKILL of the postmaster: the server crashed
    cluster.promote_standby()              # the standby takes writes
    cluster.rebuild_old_primary_as_standby()  # a fresh copy of the new primary, on the old port
    ...
    cluster.stop()

The two ports never change (a rebuilt standby listens where the dead primary did), so one
multi-host URL names the pair for its whole life.

``synchronous_standby_names`` is set with ALTER SYSTEM on the primary only once its standby
streams, never on the command line (which would override it) and never before a base backup
(which copies it): a standby promoted after its primary died therefore runs alone and
asynchronous, instead of blocking every commit for a standby that does not exist yet, until
``rebuild_old_primary_as_standby()`` gives it one.
"""

from __future__ import annotations

import os
import shutil
import time

from psycopg import sql

try:  # tests/ is a package (tests/__init__.py exists)
    from .pgserver import (  # type: ignore[import-not-found, unused-ignore]
        HOST,
        SUPERUSER,
        PostgresServer,
        PostgresServerError,
    )
except ImportError:  # bench/ and rootdir runs: tests/ is on sys.path
    from pgserver import HOST, SUPERUSER, PostgresServer, PostgresServerError

__all__ = ["PostgresCluster", "StandbyServer"]

# Every server of the pair, whichever role it has now: roles swap at each failover.
SETTINGS = {
    "synchronous_commit": "on",
    "wal_level": "replica",
    "max_wal_senders": "5",
    "hot_standby": "on",
    # A walreceiver that lost its primary tries again every second (default 5 s).
    "wal_retrieve_retry_interval": "1s",
}
SYNC_TIMEOUT_S = 30.0
# Both data folders live in memory where there is room. A SIGKILLed server loses only what it
# had not yet handed to the kernel, so a disk adds nothing to what a kill tests (the commit
# waits for the standby's flush: synchronous_commit stays on), only time: on this machine's
# disk, deleting a dead primary and copying its successor took 6 s a failover instead of 1 s.
MEMORY = "/dev/shm"
MEMORY_NEEDED = 1 << 30


def _folder() -> str | None:
    """``MEMORY`` when it has room and anyone may enter it, else None (the default)."""
    try:
        free = shutil.disk_usage(MEMORY).free
        sticky_for_all = os.stat(MEMORY).st_mode & 0o1777 == 0o1777
    except OSError:
        return None
    return MEMORY if free >= MEMORY_NEEDED and sticky_for_all else None


class StandbyServer(PostgresServer):
    """A hot standby streaming from ``primary``, made by ``pg_basebackup -R``."""

    def __init__(self, primary: PostgresServer, name: str) -> None:
        super().__init__(primary.bindir, durable=True, settings=SETTINGS, folder=primary.folder)
        if primary.port is None:
            raise PostgresServerError("a standby needs a running primary")
        self.primary_port: int = primary.port
        self.application_name = name

    def _create_datadir(self) -> None:
        exe = self.bindir / "pg_basebackup"
        conninfo = (
            f"host={HOST} port={self.primary_port} user={SUPERUSER} "
            f"application_name={self.application_name}"
        )
        command = [
            str(exe),
            "-D",
            str(self.datadir),
            "-d",
            conninfo,
            "-R",  # standby.signal, and primary_conninfo (with the name) in postgresql.auto.conf
            "-X",
            "stream",
            "-c",
            "fast",  # an immediate checkpoint, not one spread over minutes
            "--no-sync",  # this copy's own disk is not what is tested; what it streams is
        ]
        self._run_tool(command)


class PostgresCluster:
    """A primary and its synchronous standby; fails over and rebuilds, again and again."""

    def __init__(self, bindir: str | None = None) -> None:
        self._bindir = bindir
        self.primary: PostgresServer | None = None
        self.standby: StandbyServer | None = None
        self._dead: PostgresServer | None = None  # a killed primary, until it is rebuilt
        self.ports: tuple[int, int] | None = None  # fixed for the cluster's life
        self.failovers = 0

    @staticmethod
    def missing_binaries() -> str | None:
        """Why a cluster cannot run here (a sentence), or None."""
        bindir = PostgresServer.find_bindir()
        if bindir is None:
            return "PostgreSQL binaries not installed (initdb not found); install postgresql"
        if not (bindir / "pg_basebackup").exists():
            return f"pg_basebackup not found in {bindir}; install postgresql-client"
        return None

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> PostgresCluster:
        try:
            primary = PostgresServer(
                self._bindir, durable=True, settings=SETTINGS, folder=_folder()
            )
            self.primary = primary.start()
            assert primary.port is not None
            standby = self._attach_standby(port=None)
            assert standby.port is not None
            self.ports = (primary.port, standby.port)
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        for server in (self.primary, self.standby, self._dead):
            if server is not None:
                server.stop()
        self.primary = self.standby = self._dead = None

    # ------------------------------------------------------------------ addresses

    @property
    def primary_port(self) -> int:
        return self._port("primary")

    @property
    def standby_port(self) -> int:
        return self._port("standby")

    def url(self, dbname: str, target_session_attrs: str = "read-write") -> str:
        """SQLAlchemy URL naming both hosts: libpq connects to whichever fits the attrs."""
        if self.ports is None:
            raise PostgresServerError("the cluster has not been started")
        hosts = "&".join(f"host={HOST}:{port}" for port in self.ports)
        return (
            f"postgresql+psycopg://{SUPERUSER}@/{dbname}?{hosts}"
            f"&target_session_attrs={target_session_attrs}"
        )

    def create_database(self, name: str) -> str:
        """An empty database on the primary (streamed to the standby); its multi-host URL."""
        self._role("primary").create_database(name)
        return self.url(name)

    # ------------------------------------------------------------------ failover

    def kill_primary(self, *, power_cut: bool = False) -> None:
        """SIGKILL the primary's postmaster (with ``power_cut``, all its processes at once);
        returns once its processes have ended."""
        primary = self._role("primary")
        primary.kill(power_cut=power_cut)
        self._dead, self.primary = primary, None

    def promote_standby(self) -> None:
        """Promote the standby; returns once it accepts writes. It runs alone (asynchronous)
        until ``rebuild_old_primary_as_standby()``."""
        standby = self._role("standby")
        standby.promote()
        self.primary, self.standby = standby, None
        self.failovers += 1

    def rebuild_old_primary_as_standby(self) -> None:
        """A fresh base backup of the new primary, on the dead primary's port, streaming and
        synchronous: the pair is whole again, roles swapped."""
        dead = self._dead
        if dead is None or dead.port is None:
            raise PostgresServerError("no killed primary to rebuild")
        port = dead.port
        dead.stop()  # its data folder goes: the copy is made afresh
        self._dead = None
        self._attach_standby(port=port)

    # ------------------------------------------------------------------ internals

    def _role(self, role: str) -> PostgresServer:
        server = self.primary if role == "primary" else self.standby
        if server is None or not server.running:
            raise PostgresServerError(f"the cluster has no running {role} now")
        return server

    def _port(self, role: str) -> int:
        port = self._role(role).port
        assert port is not None  # a running server listens on one
        return port

    def _attach_standby(self, port: int | None) -> StandbyServer:
        primary = self._role("primary")
        name = f"standby_{port or 'first'}_{self.failovers}"
        standby = StandbyServer(primary, name)
        self.standby = standby.start(port)
        with primary.connect(autocommit=True) as conn:
            conn.execute(
                sql.SQL("ALTER SYSTEM SET synchronous_standby_names = {}").format(
                    sql.Literal(f'"{name}"')
                )
            )
            conn.execute("SELECT pg_reload_conf()")
            deadline = time.monotonic() + SYNC_TIMEOUT_S
            while True:
                # A new session: it reads the reloaded configuration, as committing ones do.
                with primary.connect(autocommit=True) as probe:
                    row = probe.execute(
                        "SELECT sync_state FROM pg_stat_replication"
                        " WHERE application_name = %s AND state = 'streaming'",
                        (name,),
                    ).fetchone()
                if row == ("sync",):
                    return standby
                if time.monotonic() > deadline:
                    raise PostgresServerError(
                        f"standby {name} on port {standby.port} did not become a streaming, "
                        f"synchronous standby within {SYNC_TIMEOUT_S:.0f} s (state {row})"
                    )
                time.sleep(0.05)
