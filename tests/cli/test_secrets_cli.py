"""Issue 19, point 2: a database password never reaches a sentence, a log line or stderr.

Real subprocesses with ``--verbose`` (the log on stderr as well) and the real log file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_cli import one_sentence, run

SECRET = "RahasiaSekali42"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A private home: its own data folder and log file."""
    h = tmp_path / "home"
    h.mkdir()
    return h


def _log_file(home: Path) -> Path:
    # platformdirs.user_log_dir on Linux: $XDG_STATE_HOME/OpsCenter/log
    return home / "state" / "OpsCenter" / "log" / "opscenter.log"


@pytest.mark.parametrize(
    ("url", "words"),
    [
        # an unsupported driver: the URL is repeated in the sentence
        (f"mysql://ops:{SECRET}@localhost/ops", "tidak dapat dipakai"),
        # no database name
        (f"postgresql://ops:{SECRET}@localhost", "tidak dapat dipakai"),
        (f"postgresql://ops:{SECRET}@localhost/", "tidak dapat dipakai"),
        # a URL too broken to parse (a port that is not a number)
        (f"postgresql://ops:{SECRET}@localhost:notaport/ops", "tidak dapat dipakai"),
        # a password with an "@" in it, on a broken URL
        (f"postgresql://ops:a@{SECRET}@localhost:notaport/ops", "tidak dapat dipakai"),
        # the password as a query option, unsupported driver
        (f"mysql://ops@localhost/ops?password={SECRET}", "tidak dapat dipakai"),
        # a server that does not answer
        (f"postgresql://ops:{SECRET}@127.0.0.1:1/ops", "tidak dapat dihubungi"),
        (f"postgresql://ops@127.0.0.1:1/ops?password={SECRET}", "tidak dapat dihubungi"),
    ],
)
def test_no_password_in_the_sentence_the_log_or_stderr(home: Path, url: str, words: str) -> None:
    done = run(home, "--verbose", "journal", "--db", url)
    assert done.returncode == 1
    sentence = [line for line in done.stderr.splitlines() if words in line]
    assert sentence, done.stderr
    assert SECRET not in done.stderr
    assert SECRET not in done.stdout
    log = _log_file(home).read_text(encoding="utf-8")
    assert "refused" in log  # the refusal was logged ...
    assert SECRET not in log  # ... without the password


def test_english_sentence_hides_it_too(home: Path) -> None:
    done = run(home, "--lang", "en", "journal", "--db", f"mysql://ops:{SECRET}@h/ops")
    assert done.returncode == 1
    sentence = one_sentence(done.stderr)
    assert "cannot be used" in sentence
    assert "mysql://ops:***@h/ops" in sentence
    assert SECRET not in _log_file(home).read_text(encoding="utf-8")


def test_a_real_server_refusing_the_database_names_no_password(home: Path, pg_url: str) -> None:
    # The server answers; the database does not exist: the driver's own message is carried.
    url = pg_url.replace("postgres@", f"postgres:{SECRET}@").rsplit("/", 1)[0] + "/tidak_ada"
    done = run(home, "--verbose", "journal", "--db", url)
    assert done.returncode == 1
    assert "tidak_ada" in done.stderr
    assert "tidak dapat dihubungi" in done.stderr
    assert SECRET not in done.stderr
    assert SECRET not in _log_file(home).read_text(encoding="utf-8")
