"""``opscenter db restore`` as a user meets it: the sentence it ends in, on both databases,
and a target left as it was after every refusal."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text

from opscenter.store import Store, create_store_engine, open_store, parse_url, resolve_url
from tests.builders import build_small_operation
from tests.cli.test_cli import one_sentence, run
from tests.tables import all_rows


@pytest.fixture
def home(tmp_path: Path) -> Path:
    h = tmp_path / "home"
    h.mkdir()
    return h


def raw_backup(url: str, dest: Path) -> Path:
    """``Store.backup`` of ``url`` as it is, whatever it holds (no migration, no refusal)."""
    parsed = parse_url(resolve_url(url))
    store = Store(parsed, create_store_engine(parsed))
    try:
        return store.backup(dest)
    finally:
        store.dispose()


def backup_name(url: str) -> str:
    return "ops.dump" if url.startswith("postgresql") else "ops.db"


def small_backup(url: str, dest: Path) -> Path:
    store = open_store(url)
    try:
        build_small_operation(store)
        return store.backup(dest)
    finally:
        store.dispose()


def refused(home: Path, backup: Path, target: str) -> tuple[str, str]:
    """The refusal in Indonesian and in English (exit 1, one sentence each)."""
    sentences = []
    for lang in ("id", "en"):
        done = run(home, "db", "restore", str(backup), "--db", target, "--lang", lang)
        assert done.returncode == 1, done.stdout
        assert done.stdout == ""
        sentences.append(one_sentence(done.stderr))
    return sentences[0], sentences[1]


def test_restore_says_what_it_brought_back(
    home: Path, tmp_path: Path, db_url: str, second_db_url: str
) -> None:
    backup = small_backup(db_url, tmp_path / backup_name(db_url))
    done = run(home, "db", "restore", str(backup), "--db", second_db_url)
    assert done.returncode == 0, done.stderr
    assert "dipulihkan" in done.stdout and "1 operasi" in done.stdout
    assert all_rows(second_db_url) == all_rows(db_url)


def test_a_target_with_rows_is_refused_and_unchanged(
    home: Path, tmp_path: Path, db_url: str, second_db_url: str
) -> None:
    backup = small_backup(db_url, tmp_path / backup_name(db_url))
    target = open_store(second_db_url)
    try:
        build_small_operation(target, code="lain")
    finally:
        target.dispose()
    before = all_rows(second_db_url)
    assert before is not None
    journal = len(before["journal"])
    id_text, en_text = refused(home, backup, second_db_url)
    assert f"tidak kosong (1 operasi, {journal} catatan jurnal) dan tidak diubah" in id_text
    assert f"not empty (operations: 1, journal entries: {journal}) and was not" in en_text
    if db_url.startswith("postgresql"):
        assert id_text.endswith(
            "buat basis data baru yang kosong (createdb) lalu sebutkan dengan --db."
        )
        assert en_text.endswith("create a new, empty database (createdb) and name it with --db.")
    else:
        assert id_text.endswith("sebutkan berkas baru dengan --db.")
        assert en_text.endswith("name a new file with --db.")
    assert all_rows(second_db_url) == before


def _random(url: str, path: Path) -> Path:
    path.write_bytes(bytes(range(256)) * 64)
    return path


def _workbook(url: str, path: Path) -> Path:
    book = openpyxl.Workbook()
    book.active.append(["NRP", "Nama", "Pangkat"])  # type: ignore[union-attr]
    book.save(path)
    return path


def _other_app(url: str, path: Path) -> Path:
    """A database of another program, backed up the same way."""
    if url.startswith("postgresql"):
        parsed = parse_url(resolve_url(url))
        engine = create_store_engine(parsed)
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE customers (id integer PRIMARY KEY, name text)"))
            conn.execute(text("INSERT INTO customers VALUES (1, 'Toko Sinar')"))
        engine.dispose()
        return raw_backup(url, path)
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id integer PRIMARY KEY, name text)")
        conn.execute("INSERT INTO customers VALUES (1, 'Toko Sinar')")
    conn.close()  # the context manager commits; it does not close
    return path


def _cut_short(url: str, path: Path) -> Path:
    """An OpsCenter backup whose second half is missing (a copy that did not finish)."""
    full = small_backup(url, path.with_name("full-" + path.name))
    data = full.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


@pytest.mark.parametrize("make", [_random, _workbook, _other_app, _cut_short])
def test_a_file_that_is_not_a_backup_is_refused(
    home: Path, tmp_path: Path, db_url: str, second_db_url: str, make: object
) -> None:
    assert callable(make)
    backup = make(db_url, tmp_path / ("cadangan.xlsx" if make is _workbook else "cadangan"))
    before = all_rows(second_db_url)
    id_text, en_text = refused(home, backup, second_db_url)
    assert id_text.startswith(f"Berkas {backup} bukan cadangan basis data OpsCenter")
    assert en_text.startswith(f"{backup} is not a backup of an OpsCenter database")
    assert "tidak ada yang dipulihkan" in id_text and "nothing was restored" in en_text
    assert all_rows(second_db_url) == before  # an SQLite target is still not there


def test_a_backup_from_a_newer_opscenter_is_refused(
    home: Path, tmp_path: Path, db_url: str, second_db_url: str
) -> None:
    store = open_store(db_url)
    try:
        build_small_operation(store)
        with store.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    finally:
        store.dispose()
    backup = raw_backup(db_url, tmp_path / backup_name(db_url))
    before = all_rows(second_db_url)
    id_text, en_text = refused(home, backup, second_db_url)
    assert "dibuat oleh OpsCenter yang lebih baru (skema 9999_future)" in id_text
    assert "made by a newer OpsCenter (schema 9999_future)" in en_text
    assert all_rows(second_db_url) == before


def test_a_backup_of_the_other_kind_of_database_is_refused(
    home: Path, tmp_path: Path, pg_url: str
) -> None:
    sqlite_target = f"sqlite:///{tmp_path / 'baru.db'}"
    pg_dump = small_backup(pg_url, tmp_path / "ops.dump")
    id_text, en_text = refused(home, pg_dump, sqlite_target)
    assert "adalah cadangan PostgreSQL, sedangkan" in id_text
    assert "is a PostgreSQL backup but" in en_text
    assert all_rows(sqlite_target) is None
    sqlite_file = small_backup(f"sqlite:///{tmp_path / 'ops.db'}", tmp_path / "cadangan.db")
    empty_pg = pg_url.rsplit("/", 1)[0] + "/postgres"
    before = all_rows(empty_pg)
    id_text, en_text = refused(home, sqlite_file, empty_pg)
    assert "adalah cadangan SQLite, sedangkan" in id_text
    assert "is a SQLite backup but" in en_text
    assert all_rows(empty_pg) == before
