"""The command line as a user meets it: real subprocesses, one sentence per failure."""

from __future__ import annotations

import getpass
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from opscenter import __version__, cli
from opscenter.demo import DEMO_PASSWORD
from opscenter.store import open_store
from tests.builders import build_small_operation
from tests.privileges import without_file_override

OPSCENTER = str(Path(sys.executable).with_name("opscenter"))


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A private home, so tests never touch the real user data or logs."""
    h = tmp_path / "home"
    h.mkdir()
    return h


def run(
    home: Path,
    *args: str,
    env: dict[str, str] | None = None,
    prefix: list[str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("OPSCENTER_", "XDG_"))}
    base.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        QT_QPA_PLATFORM="offscreen",
        OPSCENTER_LANG="id",
    )
    base.update(env or {})
    done = subprocess.run(
        [*(prefix or []), OPSCENTER, *args],
        capture_output=True,
        text=True,
        env=base,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    assert "Traceback" not in done.stdout, done.stdout
    return done


def one_sentence(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    assert len(lines) == 1, text
    assert lines[0].endswith("."), lines[0]
    return lines[0]


def test_version(home: Path) -> None:
    done = run(home, "--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"OpsCenter {__version__}"


def test_demo_then_journal(home: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    done = run(home, "demo", "--scenario", "bangka", "--db", url)
    assert done.returncode == 0, done.stderr
    assert "363 personel" in done.stdout and "452 TPS" in done.stdout
    done = run(home, "journal", "--db", url, "-n", "5")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 5
    # No account in this file: the demo is loaded as the person at the workstation, named
    # as such ("lokal:<system user>"), not as a bare "root" that could be an account.
    who = f" lokal:{getpass.getuser()} "
    assert all("demo.load" in line and who in line and "WIB" in line for line in lines)
    # The demo brought accounts: from now on a command that writes names one.
    unnamed = run(home, "demo", "--scenario", "bangka", "--db", url)
    assert unnamed.returncode == 1
    assert "--user" in one_sentence(unnamed.stderr)
    # Loading it again as its admin is refused and changes nothing.
    secret = home / "pass"
    secret.touch(mode=0o600)
    secret.write_text(DEMO_PASSWORD + "\n", encoding="utf-8")
    again = run(home, "demo", "--scenario", "bangka", "--db", url, "--user", "bangka.admin",
                "--password-file", str(secret))  # fmt: skip
    assert again.returncode == 1
    assert "sudah ada" in one_sentence(again.stderr)
    assert run(home, "journal", "--db", url, "-n", "5").stdout == done.stdout


def test_strength_and_backup(home: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    store = open_store(url)
    build_small_operation(store)
    store.dispose()
    done = run(home, "strength", "--db", url, "--stage", "pemungutan")
    assert done.returncode == 0, done.stderr
    row = next(line for line in done.stdout.splitlines() if line.startswith("Polres A "))
    assert row.split()[-4:] == ["22", "14", "16", "+2"]
    done = run(home, "db", "backup", str(tmp_path / "cadangan.db"), "--db", url)
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(tmp_path / "cadangan.db") as conn:
        assert conn.execute("SELECT count(*) FROM personnel").fetchone()[0] == 53


def test_a_personnel_export_imported_as_tps_says_what_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``opscenter export personnel`` then ``import tps`` of that file: one sentence naming
    the kind the file is, not "no known headings (e.g. NRP, NAMA, PANGKAT ...)". In this
    process: the ``opscenter`` script runs the code it was installed from."""
    url = f"sqlite:///{tmp_path / 'x.db'}"
    store = open_store(url)
    build_small_operation(store)
    store.dispose()
    roster = tmp_path / "pers.xlsx"
    assert cli.main(["export", "personnel", "--out", str(roster), "--db", url]) == 0
    capsys.readouterr()
    assert cli.main(["import", "tps", str(roster), "--db", url, "--dry-run", "--lang", "id"]) == 1
    assert one_sentence(capsys.readouterr().err) == (
        "Berkas pers.xlsx tampaknya berisi \u201cDaftar personel\u201d, bukan "
        "\u201cDaftar TPS\u201d: pilih jenis data \u201cDaftar personel\u201d."
    )


def test_english_messages(home: Path, tmp_path: Path) -> None:
    done = run(home, "journal", "--db", str(tmp_path / "none.db"), "--lang", "en")
    assert done.returncode == 1
    assert "does not exist" in one_sentence(done.stderr)


def test_common_options_before_the_command_count_too(home: Path, tmp_path: Path) -> None:
    """'opscenter --lang en --db X journal' is what the README writes: the command's own
    (unset) copies of the options must not overwrite them."""
    missing = str(tmp_path / "none.db")
    done = run(home, "--lang", "en", "--db", missing, "journal")
    assert done.returncode == 1
    assert "does not exist" in one_sentence(done.stderr)
    assert "none.db" in done.stderr  # the --db given before the command, not the default


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("mysql://ops@localhost/ops", "tidak dapat dipakai"),
        ("postgresql://ops@localhost:notaport/ops", "tidak dapat dipakai"),
        ("postgresql://ops:rahasia@127.0.0.1:1/ops", "tidak dapat dihubungi"),
    ],
)
def test_bad_url_and_unreachable_server(home: Path, url: str, words: str) -> None:
    done = run(home, "journal", "--db", url)
    assert done.returncode == 1
    sentence = one_sentence(done.stderr)
    assert words in sentence
    assert "rahasia" not in sentence


def test_file_that_is_not_a_database(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "laporan.db"
    path.write_bytes(b"PK\x03\x04 this is a zip file")
    for args in (("journal",), ("demo", "--scenario", "bangka"), ("db", "upgrade")):
        done = run(home, *args, "--db", str(path))
        assert done.returncode == 1
        assert "bukan basis data OpsCenter" in one_sentence(done.stderr)
    assert path.read_bytes() == b"PK\x03\x04 this is a zip file"


def test_read_only_database(home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "arsip"
    folder.mkdir()
    path = folder / "ops.db"
    store = open_store(f"sqlite:///{path}")
    build_small_operation(store)
    store.dispose()
    before = path.read_bytes()
    path.chmod(0o444)
    folder.chmod(0o555)
    prefix = without_file_override()  # as root (CI), file modes bind only without CAP_DAC_*
    try:
        done = run(home, "demo", "--scenario", "bangka", "--db", str(path), prefix=prefix)
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)
    assert done.returncode == 1
    assert "tidak dapat ditulisi" in one_sentence(done.stderr)
    assert path.read_bytes() == before


def test_locked_database(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "ops.db"
    store = open_store(f"sqlite:///{path}")
    store.dispose()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program holds the write lock
    try:
        done = run(
            home,
            "demo",
            "--scenario",
            "bangka",
            "--db",
            str(path),
            env={"OPSCENTER_BUSY_TIMEOUT": "0.5"},
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert done.returncode == 1
    assert "dikunci" in one_sentence(done.stderr)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM operation").fetchone()[0] == 0


def test_schema_newer_than_the_program(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "ops.db"
    store = open_store(f"sqlite:///{path}")
    store.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_future'")
    for args in (("journal",), ("demo", "--scenario", "bangka")):
        done = run(home, *args, "--db", str(path))
        assert done.returncode == 1
        assert "OpsCenter yang lebih baru" in one_sentence(done.stderr)


def test_bad_arguments_exit_2_without_traceback(home: Path) -> None:
    done = run(home, "journal", "-n", "nol")
    assert done.returncode == 2
    assert "argumen salah" in done.stderr


def test_no_display_renders_the_window_offscreen(home: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    store = open_store(url)
    build_small_operation(store)
    store.dispose()
    env = {"QT_QPA_PLATFORM": "", "DISPLAY": "", "WAYLAND_DISPLAY": ""}
    done = run(home, "--db", url, env=env)
    assert done.returncode == 0, done.stderr
    assert "Tidak ada layar" in done.stdout
    png = Path(done.stdout.strip().splitlines()[-1].split(": ", 1)[1])
    assert png.is_file() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_backup_into_a_folder_is_a_sentence_even_without_a_log(home: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    store = open_store(url)
    store.dispose()
    (tmp_path / "cadangan").mkdir()
    blocked = tmp_path / "bukan-folder"
    blocked.write_text("a file where the log folder should go")
    done = run(
        home,
        "db",
        "backup",
        str(tmp_path / "cadangan"),
        "--db",
        url,
        env={"XDG_STATE_HOME": str(blocked)},
    )
    assert done.returncode == 1
    assert "tidak dapat ditulisi" in one_sentence(done.stderr)
    assert list((tmp_path / "cadangan").iterdir()) == []
