"""The paths the command line's one prologue and its one error handler (``opscenter.cli``)
carry that no other test walks: a bad value met with the database already open, a
command's own refusal in English, and ``db info``, which must neither create nor migrate."""

from __future__ import annotations

from pathlib import Path

from opscenter import accounts
from opscenter.store import open_store
from tests.cli import test_cli
from tests.cli.test_cli import one_sentence, run
from tests.core import test_roster_cli

home = test_cli.home  # the fixtures: a private home, and an SQLite file with a small operation
db = test_roster_cli.db


def test_a_bad_value_met_with_the_database_open_is_a_usage_error(
    home: Path, tmp_path: Path, db: str
) -> None:
    out = tmp_path / "layar.png"
    done = run(home, "screenshot", "--db", db, "--out", str(out), "--as-of", "kemarin")
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "opscenter: --as-of kemarin: tulis tanggal atau waktu, mis. 2024-11-25 atau "
        "2024-11-25T08:00"
    )
    english = run(home, "--lang", "en", "screenshot", "--db", db, "--out", str(out), "--as-of", "x")
    assert english.returncode == 2
    assert english.stderr.strip() == "opscenter: --as-of x: use e.g. 2024-11-25 or 2024-11-25T08:00"
    small = run(home, "screenshot", "--db", db, "--out", str(out), "--size", "10x10")
    assert small.returncode == 2
    assert small.stderr.strip() == "opscenter: --size 10x10: between 200 and 8000 pixels"
    assert not out.exists()


def test_a_commands_own_refusal_is_one_sentence_in_english_too(home: Path, db: str) -> None:
    store = open_store(db)
    try:
        accounts.bootstrap_admin(store, "kapolda", "sandi-uji-2024", "Kapolda Uji")
    finally:
        store.dispose()
    args = ("account", "add", "budi", "--role", "operator", "--password-stdin", "--db", db)
    english = run(home, "--lang", "en", *args)
    assert english.returncode == 1 and english.stdout == ""
    assert one_sentence(english.stderr) == (
        "This database already has accounts with passwords: name the admin adding this one "
        "with --as ADMIN_NAME."
    )
    assert "--as NAMA_ADMIN" in one_sentence(run(home, *args).stderr)
    store = open_store(db)
    try:
        with store.read() as s:
            assert [r.username for r in accounts.rows(s)] == ["kapolda"]
    finally:
        store.dispose()


def test_db_info_names_the_revision_and_creates_nothing(
    home: Path, tmp_path: Path, db: str
) -> None:
    done = run(home, "db", "info", "--db", db)
    assert done.returncode == 0, done.stderr
    assert "revisi" in done.stdout and "ops.db" in done.stdout
    missing = tmp_path / "tidak-ada.db"
    refused = run(home, "db", "info", "--db", str(missing))
    assert refused.returncode == 1
    assert "tidak-ada.db" in one_sentence(refused.stderr)
    assert not missing.exists()
