"""A throwaway PostgreSQL server for tests, started from the installed binaries.

The server lives in a fresh temporary folder, listens on a free TCP port of 127.0.0.1 (and on a
Unix socket inside that folder), trusts every local connection as user ``postgres`` and runs with
durability switched off (fsync, synchronous_commit, full_page_writes), which is fine for data
that is thrown away; ``durable=True`` keeps PostgreSQL's defaults (a replicated pair,
``tests/pgcluster.py``, is tested for what survives a crash).

``initdb`` and ``postgres`` refuse to run as root. When the tests run as root (as in CI), both
are started as the ``postgres`` system user, or, when that user does not exist, as a system user
``opscenter-test`` created on the fly; the temporary folder is handed over to that user.

Typical use (see ``tests/conftest.py``)::

    server = PostgresServer()
    server.start()
    url = server.create_database("scratch")  # postgresql+psycopg://postgres@127.0.0.1:PORT/scratch
    ...
    server.stop()
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pwd
import re
import shutil
import signal
import socket
import stat
import subprocess
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import psycopg
from psycopg import sql

__all__ = ["PostgresServer", "PostgresServerError"]

SUPERUSER = "postgres"
HOST = "127.0.0.1"
FALLBACK_SYSTEM_USER = "opscenter-test"
_DB_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


class PostgresServerError(RuntimeError):
    """The throwaway server could not be set up, started or used."""


class PostgresServer:
    """One throwaway PostgreSQL server (one cluster) in a temporary folder."""

    def __init__(
        self,
        bindir: str | os.PathLike[str] | None = None,
        *,
        start_timeout: float = 30.0,
        stop_timeout: float = 15.0,
        durable: bool = False,
        settings: Mapping[str, str] | None = None,
        folder: str | None = None,
    ) -> None:
        found = Path(bindir) if bindir is not None else self.find_bindir()
        if found is None:
            raise PostgresServerError(
                "PostgreSQL binaries not installed (initdb not found); install postgresql"
            )
        self.bindir: Path = found
        self.start_timeout = start_timeout
        self.stop_timeout = stop_timeout
        # Durability (fsync, synchronous_commit, full_page_writes) stays at PostgreSQL's
        # defaults only when asked: a replication test needs it, ordinary tests are faster off.
        self.durable = durable
        self.settings: dict[str, str] = dict(settings or {})  # more ``-c name=value``
        self.folder = folder  # where the temporary folder goes (None: the system's default)
        self.port: int | None = None
        self.tmpdir: Path | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None
        self._run_as: tuple[int, int] | None = None  # (uid, gid) when running as root
        self._atexit_registered = False

    # ------------------------------------------------------------------ discovery

    @staticmethod
    def find_bindir() -> Path | None:
        """The folder holding ``initdb`` and ``postgres``, or None when PostgreSQL is missing.

        Tried in order: ``pg_config --bindir``; the newest ``/usr/lib/postgresql/*/bin``
        (Debian/Ubuntu layout); the folder of ``initdb`` on PATH (symlinks resolved).
        """

        def usable(folder: Path) -> bool:
            return all(os.access(folder / exe, os.X_OK) for exe in ("initdb", "postgres"))

        pg_config = shutil.which("pg_config")
        if pg_config is not None:
            try:
                out = subprocess.run(
                    [pg_config, "--bindir"],
                    capture_output=True,
                    text=True,
                    timeout=10,
                    check=True,
                ).stdout.strip()
            except (OSError, subprocess.SubprocessError):
                out = ""
            if out and usable(Path(out)):
                return Path(out)

        def version_key(folder: Path) -> tuple[int, ...]:
            name = folder.parent.name
            return tuple(int(part) for part in re.findall(r"\d+", name)) or (0,)

        candidates = [d for d in Path("/usr/lib/postgresql").glob("*/bin") if usable(d)]
        if candidates:
            return max(candidates, key=version_key)

        initdb = shutil.which("initdb")
        if initdb is not None:
            folder = Path(initdb).resolve().parent
            if usable(folder):
                return folder
        return None

    # ------------------------------------------------------------------ lifecycle

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    @property
    def datadir(self) -> Path:
        return self._require_tmpdir() / "data"

    @property
    def socketdir(self) -> Path:
        return self._require_tmpdir() / "sock"

    @property
    def logfile(self) -> Path:
        return self._require_tmpdir() / "postgres.log"

    def start(self, port: int | None = None) -> PostgresServer:
        """Create a cluster in a new temporary folder and start the server; return self.

        ``port``: listen there (a server taking over another's place); else on a free port.
        """
        if self.running:
            return self
        if not self._atexit_registered:
            atexit.register(self.stop)
            self._atexit_registered = True
        try:
            self._run_as = self._system_user_ids() if os.geteuid() == 0 else None
            self.tmpdir = Path(
                tempfile.mkdtemp(prefix="opscenter-pg-", dir=self.folder or self._tmp_base())
            )
            self.socketdir.mkdir()
            self._chown_tree(self.tmpdir)
            self._create_datadir()
            last_error: PostgresServerError | None = None
            for _attempt in range(3):  # a free port may be taken before postgres binds it
                try:
                    self._launch(port if port is not None else self._free_port())
                    return self
                except PostgresServerError as exc:
                    last_error = exc
                    self._kill_process()
                    if port is not None or not (
                        "could not bind" in str(exc) or "in use" in str(exc)
                    ):
                        break
            assert last_error is not None
            raise last_error
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        """Shut the server down (fast shutdown, then kill) and remove the temporary folder."""
        process = self._process
        if process is not None and process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                process.send_signal(signal.SIGINT)  # "fast" shutdown: ends sessions, no waiting
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=self.stop_timeout)
        self._kill_process()
        if self._log is not None:
            self._log.close()
            self._log = None
        if self.tmpdir is not None:
            shutil.rmtree(self.tmpdir, ignore_errors=True)
            self.tmpdir = None
        self.port = None

    def halt(self) -> None:
        """Shut the server down but keep its data and port: the first half of a restart."""
        process = self._process
        if process is not None and process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                process.send_signal(signal.SIGINT)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=self.stop_timeout)
        self._kill_process()
        self._process = None

    def resume(self) -> None:
        """Start the halted server again on the same port, with the same data."""
        if self.port is None or self.tmpdir is None:
            raise PostgresServerError("resume() needs a server that was started and halted")
        self._launch(self.port)

    def kill(self, *, power_cut: bool = False) -> None:
        """SIGKILL the postmaster, as a crash does. Its processes notice and end by themselves
        (any left after ``stop_timeout`` are killed); returns once all are gone. The data folder
        and the port stay (``stop()`` removes them).

        ``power_cut``: SIGKILL every process of the server at once, as when the machine dies.
        """
        process = self._process
        if process is None:
            return
        if power_cut:
            self._kill_process()
            return
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        process.wait(timeout=10)
        children = _group_members(process.pid)  # only the postmaster forks: all there are
        deadline = time.monotonic() + self.stop_timeout
        while any(_running(pid) for pid in children):
            if time.monotonic() > deadline:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                break
            time.sleep(0.01)
        self._process = None

    def promote(self, timeout: float = 30.0) -> None:
        """Promote this hot standby (``pg_promote()``); return once it accepts writes."""
        with self.connect(autocommit=True) as conn:
            conn.execute("SELECT pg_promote(true, %s)", (int(timeout),))
            deadline = time.monotonic() + timeout
            while conn.execute("SELECT pg_is_in_recovery()").fetchone() != (False,):
                if time.monotonic() > deadline:
                    raise PostgresServerError(
                        f"the standby on port {self.port} was not promoted within {timeout} s"
                    )
                time.sleep(0.02)

    def __enter__(self) -> PostgresServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # ------------------------------------------------------------------ databases

    def url(self, dbname: str = "postgres") -> str:
        """SQLAlchemy URL of a database on this server (psycopg 3 driver)."""
        return f"postgresql+psycopg://{SUPERUSER}@{HOST}:{self._require_port()}/{dbname}"

    def connect(self, dbname: str = "postgres", **kwargs: Any) -> psycopg.Connection[Any]:
        """A plain psycopg connection as the superuser."""
        return psycopg.connect(
            host=HOST,
            port=self._require_port(),
            user=SUPERUSER,
            dbname=dbname,
            connect_timeout=5,
            **kwargs,
        )

    def create_database(self, name: str) -> str:
        """Create an empty database and return its SQLAlchemy URL."""
        self._check_name(name)
        with self.connect(autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return self.url(name)

    def drop_database(self, name: str) -> None:
        """Drop a database (if it exists), closing any connections still open to it."""
        self._check_name(name)
        with self.connect(autocommit=True) as conn:
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = %s AND pid <> pg_backend_pid()",
                (name,),
            )
            drop = sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name))
            if conn.info.server_version >= 130000:
                drop = drop + sql.SQL(" WITH (FORCE)")
            conn.execute(drop)

    # ------------------------------------------------------------------ internals

    def _require_tmpdir(self) -> Path:
        if self.tmpdir is None:
            raise PostgresServerError("the server has not been started")
        return self.tmpdir

    def _require_port(self) -> int:
        if self.port is None or not self.running:
            raise PostgresServerError("the server is not running")
        return self.port

    @staticmethod
    def _check_name(name: str) -> None:
        if not _DB_NAME.match(name):
            raise ValueError(f"unsuitable database name for tests: {name!r}")

    @staticmethod
    def _tmp_base() -> str | None:
        """Where to put the temporary folder: the default, unless another user cannot enter it."""
        if os.geteuid() != 0:
            return None
        base = tempfile.gettempdir()
        mode = os.stat(base).st_mode
        return None if mode & stat.S_IXOTH else "/tmp"

    @staticmethod
    def _system_user_ids() -> tuple[int, int]:
        """(uid, gid) of the unprivileged user that runs the server when we are root."""
        for name in (SUPERUSER, FALLBACK_SYSTEM_USER):
            with contextlib.suppress(KeyError):
                entry = pwd.getpwnam(name)
                return entry.pw_uid, entry.pw_gid
        nologin = shutil.which("nologin") or "/usr/sbin/nologin"
        result = subprocess.run(
            [
                "useradd",
                "--system",
                "--user-group",
                "--no-create-home",
                "--home-dir",
                "/nonexistent",
                "--shell",
                nologin,
                FALLBACK_SYSTEM_USER,
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        try:  # another test session may have created it in the meantime
            entry = pwd.getpwnam(FALLBACK_SYSTEM_USER)
        except KeyError:
            raise PostgresServerError(
                "running as root, no 'postgres' user, and creating the system user "
                f"{FALLBACK_SYSTEM_USER!r} failed: {result.stderr.strip() or result.returncode}"
            ) from None
        return entry.pw_uid, entry.pw_gid

    def _chown_tree(self, path: Path) -> None:
        if self._run_as is None:
            return
        uid, gid = self._run_as
        os.chown(path, uid, gid)
        for root, dirs, files in os.walk(path):
            for entry in dirs + files:
                os.chown(os.path.join(root, entry), uid, gid, follow_symlinks=False)

    def _popen_kwargs(self) -> dict[str, Any]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env["HOME"] = str(self._require_tmpdir())
        env.setdefault("LC_ALL", "C")
        kwargs: dict[str, Any] = {"env": env, "cwd": str(self._require_tmpdir())}
        if self._run_as is not None:
            uid, gid = self._run_as
            kwargs.update(user=uid, group=gid, extra_groups=[])
        return kwargs

    def _create_datadir(self) -> None:
        """Create the cluster in ``datadir`` (a standby copies its primary's instead)."""
        self._initdb()

    def _initdb(self) -> None:
        command = [
            str(self.bindir / "initdb"),
            "-D",
            str(self.datadir),
            "-A",
            "trust",
            "-U",
            SUPERUSER,
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        ]
        self._run_tool(command)

    def _run_tool(self, command: list[str]) -> None:
        """Run one of PostgreSQL's programs as the server's user; raise if it fails."""
        result = subprocess.run(
            command,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            **self._popen_kwargs(),
        )
        if result.returncode != 0:
            raise PostgresServerError(
                f"{Path(command[0]).name} failed (exit {result.returncode}):\n"
                f"{result.stdout}\n{result.stderr}"
            )

    @staticmethod
    def _free_port() -> int:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.bind((HOST, 0))
            port: int = sock.getsockname()[1]
            return port

    def _launch(self, port: int) -> None:
        if self._log is None:
            self._log = open(self.logfile, "ab")  # noqa: SIM115 - closed in stop()
            self._chown_tree(self.logfile)
        command = [
            str(self.bindir / "postgres"),
            "-D",
            str(self.datadir),
            "-p",
            str(port),
            "-k",
            str(self.socketdir),
            "-c",
            f"listen_addresses={HOST}",
            "-c",
            "max_connections=100",
        ]
        if not self.durable:
            for name in ("fsync", "synchronous_commit", "full_page_writes"):
                command += ["-c", f"{name}=off"]
        for name, value in self.settings.items():
            command += ["-c", f"{name}={value}"]
        log_start = self._log.tell()
        self._process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # a Ctrl-C in the terminal reaches pytest, not the server
            **self._popen_kwargs(),
        )
        self.port = port
        deadline = time.monotonic() + self.start_timeout
        last_error: Exception | None = None
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise PostgresServerError(
                    f"postgres exited with status {self._process.returncode} during start-up; "
                    f"server log:\n{self._log_tail(log_start)}"
                )
            try:
                with self.connect(dbname="postgres") as conn:
                    conn.execute("SELECT 1")
                return
            except psycopg.Error as exc:
                last_error = exc
                time.sleep(0.1)
        raise PostgresServerError(
            f"postgres did not accept connections on {HOST}:{port} within "
            f"{self.start_timeout:.0f} s (last error: {last_error}); "
            f"server log:\n{self._log_tail(log_start)}"
        )

    def _log_tail(self, start: int = 0, max_chars: int = 4000) -> str:
        if self._log is not None:
            self._log.flush()
        try:
            with open(self.logfile, "rb") as f:
                f.seek(start)
                text = f.read().decode("utf-8", errors="replace")
        except OSError as exc:
            return f"(could not read {self.logfile}: {exc})"
        return text[-max_chars:] or "(empty)"

    def _kill_process(self) -> None:
        """Kill the server and anything left in its process group; wait for the postmaster."""
        process = self._process
        if process is None:
            return
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGKILL)
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=10)
        self._process = None


def _group_members(pgid: int) -> list[int]:
    """The processes of the group ``pgid`` (Linux: read from /proc; elsewhere none known)."""
    members = []
    with contextlib.suppress(OSError):
        for entry in os.scandir("/proc"):
            if entry.name.isdigit() and _stat(int(entry.name))[2:3] == [str(pgid)]:
                members.append(int(entry.name))
    return members


def _running(pid: int) -> bool:
    """Whether ``pid`` still runs: neither gone nor a zombie waiting to be reaped."""
    state = _stat(pid)[:1]
    return bool(state) and state != ["Z"]


def _stat(pid: int) -> list[str]:
    """The fields of /proc/PID/stat after the command name: state, ppid, pgrp, ... ([] if gone)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rpartition(")")[2].split()
    except OSError:
        return []
