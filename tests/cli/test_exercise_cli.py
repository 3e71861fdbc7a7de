"""``opscenter exercise`` and ``open-demo`` in simulated time, as a person runs them: real
subprocesses. Without a display the window is drawn offscreen to a PNG, which is what
lets these commands finish here."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from opscenter.demo import load_demo
from opscenter.model import Incident
from opscenter.store import open_store
from tests.builders import build_small_operation

OPSCENTER = str(Path(sys.executable).with_name("opscenter"))


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("OPSCENTER_", "XDG_", "QT_QPA"))
        and k not in ("DISPLAY", "WAYLAND_DISPLAY")
    }
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "d"), XDG_STATE_HOME=str(home / "s"))
    return subprocess.run(
        [OPSCENTER, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def fingerprint(path: Path) -> tuple[str, int, int]:
    """Content, modification time, and what a write-ahead log beside it holds: SQLite's
    read-only connection (the online backup) may leave an empty -wal and an -shm index
    behind, but a write would put its pages in the -wal first."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    wal = path.with_name(path.name + "-wal")
    return digest, path.stat().st_mtime_ns, wal.stat().st_size if wal.exists() else 0


def test_exercise_runs_on_a_copy_and_never_writes_the_source(tmp_path: Path) -> None:
    live = tmp_path / "live" / "operasi.db"
    live.parent.mkdir()
    store = open_store(str(live))
    try:
        load_demo(store, "bangka")
    finally:
        store.dispose()
    before = fingerprint(live)
    folder = tmp_path / "latihan"

    done = run(tmp_path, "exercise", "--db", str(live), "--at", "2024-11-26 21:30",
               "--folder", str(folder))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "LATIHAN: waktu simulasi mulai 26-11-2024 21:30 WIB" in done.stdout
    copies = list(folder.glob("latihan-operasi-*.db"))
    assert len(copies) == 1
    assert str(copies[0]) in done.stdout
    assert fingerprint(live) == before  # not a byte, not a touch, nothing in its log

    copy = open_store(str(copies[0]))
    try:
        with copy.read() as s:
            assert s.query(Incident).count() > 0  # the whole operation came along
    finally:
        copy.dispose()


def test_exercise_refuses_a_server_in_one_sentence(tmp_path: Path) -> None:
    done = run(tmp_path, "exercise", "--db", "postgresql://ops@db.polda.example/ops",
               "--at", "2024-11-27 20:00")  # fmt: skip
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().startswith("Latihan berjalan pada salinan sebuah berkas SQLite")


def test_exercise_refuses_a_bad_moment_and_copies_nothing(tmp_path: Path) -> None:
    live = tmp_path / "ops.db"
    store = open_store(str(live))
    store.dispose()
    folder = tmp_path / "latihan"
    done = run(tmp_path, "exercise", "--db", str(live), "--at", "malam pemungutan",
               "--folder", str(folder))  # fmt: skip
    assert done.returncode == 2
    assert "--at malam pemungutan" in done.stderr
    assert not folder.exists() or not any(folder.iterdir())


def test_open_demo_starts_on_voting_night(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    done = run(tmp_path, "open-demo", "--scenario", "bangka", "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert "LATIHAN: waktu simulasi mulai 27-11-2024 20:00 WIB" in done.stdout
    chosen = run(tmp_path, "open-demo", "--db", str(db), "--at", "2024-11-24 08:15")
    assert chosen.returncode == 0, chosen.stderr
    assert "LATIHAN: waktu simulasi mulai 24-11-2024 08:15 WIB" in chosen.stdout


def test_open_demo_keeps_a_real_operation_in_real_time(tmp_path: Path) -> None:
    """open-demo on a database whose operation was not loaded by the demo: what is recorded
    there must be true, so no simulated time; --at is refused in one sentence."""
    db = tmp_path / "nyata.db"
    store = open_store(str(db))
    try:
        build_small_operation(store)
    finally:
        store.dispose()
    refused = run(tmp_path, "open-demo", "--db", str(db), "--at", "2024-11-27 20:00")
    assert refused.returncode == 2
    assert "Traceback" not in refused.stderr
    assert "opscenter exercise --at WAKTU" in refused.stderr
    opened = run(tmp_path, "open-demo", "--db", str(db))
    assert opened.returncode == 0, opened.stderr
    assert "LATIHAN" not in opened.stdout
