"""The command line signs in as a named account: real subprocesses against the test
PostgreSQL server (and an SQLite file with accounts), never silently as an admin."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import func, select

from opscenter import accounts
from opscenter.model import JournalTxn, Operation, Personnel
from opscenter.store import Store, open_store
from tests.builders import build_small_operation
from tests.cli.test_cli import one_sentence, run

PASSWORD = "sandi-uji-2024"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    h = tmp_path / "home"
    h.mkdir()
    return h


def _people(store: Store) -> None:
    admin = accounts.bootstrap_admin(store, "kapolda", PASSWORD, "Kapolda Uji")
    for name, role in (("siti", "commander"), ("budi", "staff"), ("andi", "operator")):
        accounts.create_account(store, admin, name, name.title(), role, PASSWORD)


@pytest.fixture
def pg(pg_url: str) -> str:
    """A PostgreSQL database with an operation and four accounts, one of each role."""
    store = open_store(pg_url)
    try:
        build_small_operation(store)
        _people(store)
    finally:
        store.dispose()
    return pg_url


def _secret(folder: Path, mode: int = 0o600, text: str = PASSWORD) -> Path:
    path = folder / "sandi.txt"
    path.write_text(text + "\n", encoding="utf-8")
    path.chmod(mode)
    return path


def _txns(url: str) -> list[tuple[str, str]]:
    store = open_store(url)
    try:
        with store.read() as s:
            rows = s.scalars(select(JournalTxn).order_by(JournalTxn.id))
            return [(t.actor, t.action) for t in rows]
    finally:
        store.dispose()


def _serial(url: str) -> int:
    store = open_store(url)
    try:
        with store.read() as s:
            return int(s.scalar(select(Operation.sitrep_serial)) or 0)
    finally:
        store.dispose()


def test_postgres_refuses_a_command_that_names_no_account(home: Path, pg: str) -> None:
    before = _txns(pg)
    done = run(home, "sitrep", "--out", str(home / "lapsit.pdf"), "--db", pg)
    assert done.returncode == 1
    assert one_sentence(done.stderr) == (
        "Basis data ini mewajibkan masuk dengan akun: sebutkan akun Anda dengan --user NAMA "
        "(atau OPSCENTER_USER)."
    )
    demo = run(home, "demo", "--scenario", "bangka", "--db", pg, "--lang", "en")
    assert demo.returncode == 1
    assert "requires signing in" in one_sentence(demo.stderr)
    assert _txns(pg) == before and not (home / "lapsit.pdf").exists()


def test_postgres_sitrep_is_numbered_as_the_commander(home: Path, pg: str) -> None:
    secret = _secret(home)
    out = home / "lapsit.pdf"
    done = run(home, "sitrep", "--out", str(out), "--db", pg, "--user", "siti",
               "--password-file", str(secret))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert out.exists()
    assert _txns(pg)[-1] == ("siti", "sitrep.issue")
    assert _serial(pg) == 1


def test_environment_names_the_account_and_the_file(home: Path, pg: str) -> None:
    secret = _secret(home)
    out = home / "lapsit.pdf"
    env = {"OPSCENTER_USER": "siti", "OPSCENTER_PASSWORD_FILE": str(secret)}
    done = run(home, "sitrep", "--out", str(out), "--db", pg, env=env)
    assert done.returncode == 0, done.stderr
    assert _txns(pg)[-1] == ("siti", "sitrep.issue")


def test_a_role_without_the_right_is_refused_and_nothing_changes(home: Path, pg: str) -> None:
    secret = _secret(home)
    before = _txns(pg)
    done = run(home, "sitrep", "--out", str(home / "l.pdf"), "--db", pg, "--user", "budi",
               "--password-file", str(secret))  # fmt: skip
    assert done.returncode == 1
    assert one_sentence(done.stderr) == "Peran staff tidak berwenang untuk tindakan ini."
    roster = home / "roster.csv"
    roster.write_text("NRP;NAMA;PANGKAT;SATUAN\n77030001;Baru Satu;Bripda;pa1\n", "utf-8")
    refused = run(home, "import", "personnel", str(roster), "--db", pg, "--user", "andi",
                  "--password-file", str(secret))  # fmt: skip
    assert refused.returncode == 1
    assert one_sentence(refused.stderr) == "Peran operator tidak berwenang untuk tindakan ini."
    assert _txns(pg) == before and _serial(pg) == 0

    done = run(home, "import", "personnel", str(roster), "--db", pg, "--user", "budi",
               "--password-file", str(secret))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert _txns(pg)[-1] == ("budi", "import.personnel")
    store = open_store(pg)
    try:
        with store.read() as s:
            assert s.scalar(select(func.count()).where(Personnel.nrp == "77030001")) == 1
    finally:
        store.dispose()


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_password_file_others_can_read_is_refused(home: Path, pg: str) -> None:
    secret = _secret(home, 0o644)
    before = _txns(pg)
    done = run(home, "sitrep", "--out", str(home / "l.pdf"), "--db", pg, "--user", "siti",
               "--password-file", str(secret))  # fmt: skip
    assert done.returncode == 1
    assert one_sentence(done.stderr) == (
        f"Berkas kata sandi {secret} dapat dibaca pengguna lain (mode 0644); jalankan "
        f"chmod 600 {secret} lalu coba lagi."
    )
    assert PASSWORD not in done.stderr + done.stdout
    assert _txns(pg) == before


def test_wrong_password_and_no_terminal(home: Path, pg: str) -> None:
    wrong = _secret(home, text="bukan-sandinya")
    done = run(home, "sitrep", "--out", str(home / "l.pdf"), "--db", pg, "--user", "siti",
               "--password-file", str(wrong))  # fmt: skip
    assert done.returncode == 1
    assert one_sentence(done.stderr) == "Nama pengguna atau kata sandi salah."
    # stdin is not a terminal (run() gives /dev/null) and no file: refused, not guessed.
    asked = run(home, "sitrep", "--out", str(home / "l.pdf"), "--db", pg, "--user", "siti")
    assert asked.returncode == 1
    assert "tanpa terminal" in one_sentence(asked.stderr)
    assert _serial(pg) == 0


def test_sqlite_with_accounts_requires_sign_in_too(home: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ops.db'}"
    store = open_store(url)
    try:
        build_small_operation(store)
        _people(store)
    finally:
        store.dispose()
    before = _txns(url)
    done = run(home, "sitrep", "--out", str(home / "l.pdf"), "--db", url)
    assert done.returncode == 1
    assert "--user NAMA" in one_sentence(done.stderr)
    assert _txns(url) == before
    secret = _secret(home)
    done = run(home, "sitrep", "--out", str(home / "l.pdf"), "--db", url, "--user", "kapolda",
               "--password-file", str(secret))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert _txns(url)[-1] == ("kapolda", "sitrep.issue")
