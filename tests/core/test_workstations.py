"""Two workstations as two real processes: conflicts and a crash mid-write (issue 7)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from opscenter import units
from opscenter.actor import Actor
from opscenter.errors import StaleEdit
from opscenter.model import Unit
from opscenter.store import open_store
from tests.builders import build_small_operation

ROOT = Path(__file__).resolve().parents[2]
BUDI = Actor("budi", role="operator")


def python(code: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def test_second_save_from_another_process_is_refused_with_who_and_when(db_url: str) -> None:
    store = open_store(db_url)
    try:
        ids = build_small_operation(store)
        with store.read() as s:
            seen = s.get(Unit, ids.units["PA1"]).version  # type: ignore[union-attr]
        other = python(
            "from opscenter.store import open_store; from opscenter import units;"
            "from opscenter.actor import Actor;"
            f"s = open_store({db_url!r});"
            f"units.set_status(s, Actor('siti', 'operator'), {ids.units['PA1']}, "
            f"{ids.statuses['bergerak']}, expected_version={seen}); s.dispose()"
        )
        assert other.wait(60) == 0, other.stderr.read() if other.stderr else ""
        with pytest.raises(StaleEdit) as err:
            units.set_status(
                store, BUDI, ids.units["PA1"], ids.statuses["tidak-siap"], expected_version=seen
            )
        assert err.value.changed_by == "siti"
    finally:
        store.dispose()


def test_workstation_killed_mid_write_leaves_nothing_and_blocks_no_one(db_url: str) -> None:
    store = open_store(db_url)
    try:
        ids = build_small_operation(store)
        victim = python(
            "import time, sys; from opscenter.store import open_store;"
            "from opscenter.actor import Actor; from opscenter.model import Unit;"
            f"s = open_store({db_url!r});"
            "t = s.transaction(Actor('korban', 'operator'), 'unit.update'); ses = t.__enter__();"
            f"ses.get(Unit, {ids.units['PB']}).name = 'SETENGAH';"
            "ses.flush(); print('flushed', flush=True); time.sleep(60)"
        )
        assert victim.stdout is not None
        assert victim.stdout.readline().strip() == "flushed"  # row and journal row written
        os.kill(victim.pid, signal.SIGKILL)  # power cut: no rollback, no goodbye
        victim.wait(10)
        # Others are not blocked (SQLite's lock and PostgreSQL's row lock die with it) ...
        started = time.monotonic()
        units.set_status(store, BUDI, ids.units["PB"], ids.statuses["kembali"])
        assert time.monotonic() - started < 5
        # ... and nothing of the killed transaction remains.
        with store.read() as s:
            assert s.get(Unit, ids.units["PB"]).name == "Polres B"  # type: ignore[union-attr]
            from sqlalchemy import select

            from opscenter.model import JournalTxn

            actors = set(s.scalars(select(JournalTxn.actor)))
            assert "korban" not in actors
    finally:
        store.dispose()
