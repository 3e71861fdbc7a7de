"""What the benches that time a function over several runs on a national database share
(``bench/readiness.py``, ``bench/sarpras.py``): their ``--keep`` and ``--runs`` options,
the database's place, and the timing of the runs."""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def kept_arguments(parser: argparse.ArgumentParser) -> None:
    """``--keep DIR`` (the database built there once, then reused) and ``--runs N``."""
    parser.add_argument("--keep", type=Path, help="build (or reuse) the database in this folder")
    parser.add_argument("--runs", type=int, default=3)


def kept_database(args: argparse.Namespace, prefix: str) -> Path:
    """The database file: in ``--keep``'s folder, else in a new temporary one."""
    folder: Path = args.keep or Path(tempfile.mkdtemp(prefix=prefix))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "national.db"


def timed_runs(fn: Callable[[], Any], runs: int) -> tuple[list[float], list[float], Any]:
    """``runs`` calls of ``fn``: the wall time and the process CPU time of each (seconds),
    and the last call's result. On a machine shared with other work the wall time includes
    waiting for a core; the process's own CPU time does not, and varies less."""
    wall: list[float] = []
    cpu: list[float] = []
    result: Any = None
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        result = fn()
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return wall, cpu, result
