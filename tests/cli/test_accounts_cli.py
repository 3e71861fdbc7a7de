"""``opscenter account add/list`` as a script uses them: real subprocesses, --password-stdin."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from opscenter import accounts
from opscenter.store import open_store

OPSCENTER = str(Path(sys.executable).with_name("opscenter"))
PASSWORD = "rahasia-jambi-2024"


def run(
    tmp_path: Path, *args: str, stdin: str = "", db: str | None = None
) -> subprocess.CompletedProcess[str]:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPSCENTER_", "XDG_"))}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "d"), XDG_STATE_HOME=str(home / "s"))
    return subprocess.run(
        [OPSCENTER, *args, "--db", db or str(tmp_path / "ops.db")],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_add_and_list_accounts_from_a_script(tmp_path: Path) -> None:
    first = run(tmp_path, "account", "add", "operator1", "--role", "operator",
                "--password-stdin", stdin=PASSWORD + "\n")  # fmt: skip
    assert first.returncode == 1
    assert "harus admin" in first.stderr
    assert "Traceback" not in first.stderr

    made = run(tmp_path, "account", "add", "kapolda", "--role", "admin", "--name",
               "Irjen Pol. Kapolda", "--password-stdin", stdin=PASSWORD + "\n")  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "kapolda" in made.stdout

    refused = run(tmp_path, "account", "add", "budi", "--role", "operator", "--password-stdin",
                  stdin=PASSWORD + "\n")  # fmt: skip
    assert refused.returncode == 1
    assert "--as" in refused.stderr

    wrong = run(tmp_path, "account", "add", "budi", "--role", "operator", "--as", "kapolda",
                "--password-stdin", stdin="salah-sandi\n" + PASSWORD + "\n")  # fmt: skip
    assert wrong.returncode == 1
    assert wrong.stderr.strip() == "Nama pengguna atau kata sandi salah."

    ok = run(tmp_path, "account", "add", "budi", "--role", "operator", "--as", "kapolda",
             "--password-stdin", stdin=f"{PASSWORD}\n{PASSWORD}-budi\n")  # fmt: skip
    assert ok.returncode == 0, ok.stderr

    listed = run(tmp_path, "account", "list")
    assert listed.returncode == 0
    lines = listed.stdout.splitlines()
    assert [line.split()[:2] for line in lines] == [["budi", "operator"], ["kapolda", "admin"]]
    assert "argon2" not in listed.stdout

    store = open_store(f"sqlite:///{tmp_path / 'ops.db'}")
    try:
        actor = accounts.authenticate(store, "budi", f"{PASSWORD}-budi")
    finally:
        store.dispose()
    assert actor.role == "operator"


def test_bad_role_is_a_usage_error(tmp_path: Path) -> None:
    done = run(tmp_path, "account", "add", "x", "--role", "raja", "--password-stdin")
    assert done.returncode == 2


def test_the_account_list_speaks_the_language_asked_for(tmp_path: Path) -> None:
    made = run(tmp_path, "account", "add", "kapolda", "--role", "admin",
               "--password-stdin", stdin=PASSWORD + "\n")  # fmt: skip
    assert made.returncode == 0, made.stderr
    english = run(tmp_path, "--lang", "en", "account", "list")
    assert english.returncode == 0, english.stderr
    assert "kapolda" in english.stdout and "active" in english.stdout
    assert "aktif" not in english.stdout
    assert "aktif" in run(tmp_path, "account", "list").stdout


def test_a_new_password_without_a_terminal_is_refused_in_a_sentence(tmp_path: Path) -> None:
    """No terminal and no --password-stdin: one sentence and no account (it was an
    unexpected-error message, from getpass reading the end of an empty input)."""
    refused = run(tmp_path, "account", "add", "kapolda", "--role", "admin")
    assert refused.returncode != 0
    assert "tanpa terminal" in refused.stderr and "--password-stdin" in refused.stderr
    assert "tak terduga" not in refused.stderr
    if (tmp_path / "ops.db").exists():
        store = open_store(str(tmp_path / "ops.db"))
        try:
            assert accounts.needs_bootstrap(store)  # still no account at all
        finally:
            store.dispose()
