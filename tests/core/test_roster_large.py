"""1,000,000 rows: bounded memory (peak RSS of a fresh process at most 1 GB) and progress."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import resource, sys
sys.path.insert(0, {root!r}); sys.path.insert(0, {bench!r})
from pathlib import Path
from import_roster import make_roster
from opscenter.actor import Actor
from opscenter.roster.commit import commit
from opscenter.roster.classify import prepare
from opscenter.roster.preview import Options
from opscenter.store import open_store
from tests.builders import build_small_operation
path = Path({path!r})
make_roster(path, {rows})
store = open_store({url!r})
build_small_operation(store)
calls = []
preview = prepare(store, path, Options(kind="personnel"), lambda d, t, x: calls.append((d, t)))
outcome = commit(store, Actor("uji", role="admin"), preview, lambda d, t, x: calls.append((d, t)))
print(preview.summary())
print(len(calls), max(t for _, t in calls))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_a_million_rows_in_bounded_memory(tmp_path: Path) -> None:
    rows = 1_000_000
    code = SCRIPT.format(
        root=str(ROOT),
        bench=str(ROOT / "bench"),
        path=str(tmp_path / "sejuta.xlsx"),
        rows=rows,
        url=f"sqlite:///{tmp_path / 'ops.db'}",
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=1700, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    summary, progress, peak_mb = done.stdout.strip().splitlines()[-3:]
    assert summary == f"new {rows}, changed 0, unchanged 0, rejected 0"
    calls, total = (int(v) for v in progress.split())
    assert calls >= 200 and total >= rows  # progress was reported throughout
    assert int(peak_mb) <= 1024, f"peak RSS {peak_mb} MB"
