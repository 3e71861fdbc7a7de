"""Session-wide test fixtures: database URLs for SQLite and a throwaway PostgreSQL server.

The fixtures only hand out URL strings; they know nothing about ``opscenter``.

- ``postgres_server`` (session): one throwaway server for the whole run (skips the test when
  PostgreSQL is not installed).
- ``pg_url``: a fresh, empty PostgreSQL database per test, dropped afterwards.
- ``sqlite_url``: a SQLite file URL in the test's ``tmp_path`` (the file is not created).
- ``db_url``: parametrized over ``sqlite`` and ``postgresql``; the SQLite variant never starts
  PostgreSQL.
"""

from __future__ import annotations

import itertools
import os
import signal
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import pytest

try:  # tests/ is a package (tests/__init__.py exists)
    from .pgcluster import PostgresCluster  # type: ignore[import-not-found, unused-ignore]
    from .pgserver import PostgresServer  # type: ignore[import-not-found, unused-ignore]
except ImportError:  # rootdir conftest: pytest put tests/ on sys.path
    from pgcluster import PostgresCluster
    from pgserver import PostgresServer

SKIP_NO_POSTGRES = (
    "PostgreSQL binaries not installed (initdb not found); install postgresql to run these tests"
)

_db_counter = itertools.count(1)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One throwaway PostgreSQL server shared by the whole test session."""
    if PostgresServer.find_bindir() is None:
        pytest.skip(SKIP_NO_POSTGRES)
    server = PostgresServer()
    # atexit (registered by start()) stops the server on normal exits and Ctrl-C, but Python's
    # default SIGTERM action skips atexit: on SIGTERM (CI cancelling a job) stop the server
    # first, then die of SIGTERM as before.
    previous = signal.getsignal(signal.SIGTERM)
    if previous == signal.SIG_DFL:

        def stop_then_die(signum: int, frame: FrameType | None) -> None:
            server.stop()
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)

        signal.signal(signal.SIGTERM, stop_then_die)
    try:
        server.start()
        yield server
    finally:
        server.stop()
        if previous == signal.SIG_DFL:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)


@contextmanager
def _fresh_database(server: PostgresServer, prefix: str) -> Iterator[str]:
    name = f"{prefix}_{os.getpid()}_{next(_db_counter)}_{uuid.uuid4().hex[:8]}"
    url = server.create_database(name)
    try:
        yield url
    finally:
        if server.running:
            server.drop_database(name)


@pytest.fixture
def pg_url(postgres_server: PostgresServer) -> Iterator[str]:
    """SQLAlchemy URL of a fresh, empty PostgreSQL database (dropped after the test)."""
    with _fresh_database(postgres_server, "test") as url:
        yield url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """SQLAlchemy URL of a SQLite database file in ``tmp_path`` (not created yet)."""
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture(params=["sqlite", "postgresql"], ids=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest) -> str:
    """The same test on SQLite and on PostgreSQL: a URL of an empty database of each kind."""
    fixture = "sqlite_url" if request.param == "sqlite" else "pg_url"
    url: str = request.getfixturevalue(fixture)
    return url


@pytest.fixture
def second_db_url(db_url: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A second empty database of ``db_url``'s kind (a restore's target, a copy's)."""
    if not db_url.startswith("postgresql"):
        yield f"sqlite:///{tmp_path / 'second.db'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    with _fresh_database(server, "second") as url:
        yield url


@pytest.fixture
def cluster() -> Iterator[PostgresCluster]:
    """A primary and a synchronous streaming standby of this test's own (tests kill,
    promote and rebuild them: tests/pgcluster.py)."""
    missing = PostgresCluster.missing_binaries()
    if missing is not None:
        pytest.skip(missing)
    started = PostgresCluster().start()
    try:
        yield started
    finally:
        started.stop()
