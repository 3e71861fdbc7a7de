"""``opscenter db status``: the replication picture from the command line (issue 17)."""

from __future__ import annotations

from pathlib import Path

from opscenter.store import open_store
from tests.cli.test_accounts_cli import run


def _schema(url: str) -> None:
    open_store(url).dispose()  # the schema, as a first start makes it


def test_db_status_on_an_sqlite_file_says_there_is_no_replication(tmp_path: Path) -> None:
    _schema(str(tmp_path / "ops.db"))
    done = run(tmp_path, "db", "status", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "no replication" in done.stdout


def test_db_status_on_a_primary_without_standby_says_one_server_only(
    tmp_path: Path, pg_url: str
) -> None:
    _schema(pg_url)
    done = run(tmp_path, "db", "status", db=pg_url)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Server utama; replikasi TIDAK sinkron")
