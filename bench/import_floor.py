"""Benchmark: what SQLite alone takes to write an import's rows, taken apart.

    .venv/bin/python bench/import_floor.py

Issue 13 asks ``opscenter import`` of 100,000 roster rows within 2.5 times python-calamine's
read of the file (``bench/import_roster.py``). This prints the parts no import can do
without, each on a fresh copy of the schema with every value prepared before the clock
starts (plain ``sqlite3.executemany``, as ``import_roster.py``'s floor): the personnel rows
alone, the journal rows alone (one per row, as foundation issue 2 requires), both, both
without foreign-key checks, and each without its secondary indexes; and, as the baseline,
a fresh ``opscenter import --help`` (Python, SQLAlchemy and the mapped models, no work).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from opscenter.store import open_store
from tests.builders import build_small_operation

ROWS = 100_000
NAMES = ["id", "nrp", "id_kind", "name", "rank_id", "position", "home_unit_id",
         "assigned_unit_id", "phone", "duty_status", "version", "operation_id"]  # fmt: skip
JOURNAL_INDEXES = ("ix_journal_actor", "ix_journal_entity_row", "ix_journal_txn_id_seq")
PERSONNEL_INDEXES = ("ix_personnel_home_unit_id", "ix_personnel_assigned_unit_id")


def _schema(folder: Path) -> tuple[Path, int, int, int]:
    src = folder / "schema.db"
    store = open_store(f"sqlite:///{src}")
    build_small_operation(store)
    store.dispose()
    conn = sqlite3.connect(src)
    op = conn.execute("SELECT id FROM operation").fetchone()[0]
    unit = conn.execute("SELECT id FROM unit").fetchone()[0]
    rank = conn.execute("SELECT id FROM rank").fetchone()[0]
    conn.close()
    return src, op, unit, rank


def write(
    db: Path,
    names: Sequence[str],
    rows: Sequence[tuple[object, ...]],
    changes: Sequence[str],
    op: int,
    *,
    personnel: bool = True,
    journal: bool = True,
    drop: tuple[str, ...] = (),
    fk: bool = True,
) -> float:
    """Seconds SQLite takes to write ``rows`` (their ``names``, the id first) into ``db``'s
    personnel and, for each, a journal row with its ``changes`` JSON, in one transaction;
    ``drop``: indexes dropped before the clock starts. ``import_roster.py``'s floor too."""
    conn = sqlite3.connect(db, isolation_level=None)
    for index in drop:
        conn.execute(f"DROP INDEX {index}")
    conn.execute(f"PRAGMA foreign_keys = {'ON' if fk else 'OFF'}")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA cache_size = -65536")
    t = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    txn = conn.execute(
        "INSERT INTO journal_txn (at, actor, operation_id, action) "
        "VALUES ('2024-11-26 00:00:00.000000', 'bench', ?, 'import.personnel') RETURNING id",
        (op,),
    ).fetchone()[0]
    if personnel:
        conn.executemany(
            f"INSERT INTO personnel ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
            rows,
        )
    if journal:
        conn.executemany(
            "INSERT INTO journal (txn_id, at, actor, operation_id, entity, entity_id, action, "
            "changes) VALUES (?, '2024-11-26 00:00:00.000000', 'bench', ?, 'personnel', ?, "
            "'insert', ?)",
            [(txn, op, r[0], c) for r, c in zip(rows, changes, strict=True)],
        )
    conn.execute("COMMIT")
    took = time.perf_counter() - t
    conn.close()
    return took


def _write_copy(src: Path, folder: Path, *args: Any, **kw: Any) -> float:
    db = folder / "floor.db"
    shutil.copy(src, db)
    return write(db, *args, **kw)


def _startup() -> float:
    root = Path(__file__).resolve().parents[1]
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "opscenter", "import", "--help"], cwd=root,
                   capture_output=True, check=True)  # fmt: skip
    return time.perf_counter() - t


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        src, op, unit, rank = _schema(folder)
        rows: list[tuple[object, ...]] = [
            (1_000_000 + i, f"{10_000_000 + i}", "nrp", f"Personel Uji {i:07d}", rank,
             f"Ba Ops {i % 50}", unit, None, f"0812{i:08d}", "aktif", 1, op)
            for i in range(ROWS)
        ]  # fmt: skip
        changes = [
            json.dumps({k: v for k, v in zip(NAMES, r, strict=True)
                        if v is not None and k != "version"})
            for r in rows
        ]  # fmt: skip
        start = min(_startup() for _ in range(3))
        print(f"baseline: a fresh `opscenter import --help` {start:.2f} s (fastest of 3)")
        cases = (
            ("personnel and journal rows (import_roster.py's floor)", {}),
            ("personnel rows alone", {"journal": False}),
            ("journal rows alone", {"personnel": False}),
            ("both, foreign keys off", {"fk": False}),
            ("personnel alone, without its secondary indexes",
             {"journal": False, "drop": PERSONNEL_INDEXES}),
            ("journal alone, without its secondary indexes",
             {"personnel": False, "drop": JOURNAL_INDEXES}),
        )  # fmt: skip
        for label, kw in cases:
            took = min(_write_copy(src, folder, NAMES, rows, changes, op, **kw) for _ in range(2))
            print(f"{label}: {took:.2f} s ({took / start:.2f}x the start-up)")


if __name__ == "__main__":
    main()
