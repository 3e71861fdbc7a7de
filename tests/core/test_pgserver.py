"""The throwaway PostgreSQL server fixture works (see tests/pgserver.py and tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

_seen_urls: list[str] = []


def _scalar(url: str, query: str) -> object:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(query)).scalar_one()
    finally:
        engine.dispose()


def test_pg_url_accepts_queries(pg_url: str) -> None:
    url = make_url(pg_url)
    assert url.drivername == "postgresql+psycopg"
    assert url.host == "127.0.0.1"
    assert _scalar(pg_url, "select 1") == 1
    version = _scalar(pg_url, "show server_version")
    assert isinstance(version, str)
    assert version.split(".")[0].isdigit()
    assert _scalar(pg_url, "select current_database()") == url.database


@pytest.mark.parametrize("run", ["first", "second"])
def test_each_pg_url_is_a_fresh_distinct_database(pg_url: str, run: str) -> None:
    # An empty database: no tables of an earlier test leak in.
    assert _scalar(pg_url, "select count(*) from pg_tables where schemaname = 'public'") == 0
    engine = create_engine(pg_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("create table marker (run text)"))
            conn.execute(text("insert into marker values (:run)"), {"run": run})
    finally:
        engine.dispose()

    assert pg_url not in _seen_urls
    if _seen_urls:
        # The earlier test's database was dropped when that test ended.
        earlier = make_url(_seen_urls[-1])
        maintenance = earlier.set(database="postgres").render_as_string(hide_password=False)
        query = f"select count(*) from pg_database where datname = '{earlier.database}'"
        assert _scalar(maintenance, query) == 0
    _seen_urls.append(pg_url)


def test_sqlite_url_points_into_tmp_path(sqlite_url: str, tmp_path: Path) -> None:
    url = make_url(sqlite_url)
    assert url.get_backend_name() == "sqlite"
    assert url.database is not None
    assert url.database.startswith(str(tmp_path))
    assert _scalar(sqlite_url, "select 1") == 1


def test_db_url_matches_its_backend(db_url: str, request: pytest.FixtureRequest) -> None:
    backend = request.node.callspec.params["db_url"]
    assert make_url(db_url).get_backend_name() == backend
    assert _scalar(db_url, "select 1") == 1
