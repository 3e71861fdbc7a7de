"""Benchmark: importing a personnel roster (.xlsx) against python-calamine reading it alone.

    .venv/bin/python bench/import_roster.py              # 100,000 rows: time and ratio
    .venv/bin/python bench/import_roster.py --rows 1000000   # also peak memory (RSS)

Targets (issue 4): the whole import (read, map, validate, commit to SQLite) within 3 s and
within 2.5 times what python-calamine alone takes on the same file, measured in this run;
1,000,000 rows within 1 GB peak RSS. openpyxl's read-only iteration is printed for scale,
and so is what SQLite alone takes to store the same rows and their journal rows (plain
sqlite3 executemany, values prepared beforehand): calamine's read plus that is the least
any import into this schema can take.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from opscenter.actor import Actor
from opscenter.roster.commit import commit
from opscenter.roster.preview import Options, Preview, prepare
from opscenter.store import open_store
from tests.builders import build_small_operation

RANKS = ("BRIPDA", "Briptu", "BRIGPOL", "Bripka", "AIPDA", "Aiptu", "IPDA", "AKP", "KOMPOL")
UNITS = ("Polres A", "Polsek A1", "pa2", "Polres B", "pb1", "Sat Brimob")


def make_roster(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Personel")
    ws.append(["DAFTAR PERSONEL PENGAMANAN PILKADA 2024"])
    ws.append([])
    ws.append(["NO", "NAMA", "PANGKAT", "NRP", "JABATAN", "SATUAN", "NO HP", "KET"])
    ws.append([1, 2, 3, 4, 5, 6, 7, 8])
    for i in range(rows):
        ws.append([
            i + 1, f"Personel Uji {i:07d}", RANKS[i % len(RANKS)], 10_000_000 + i,
            f"Ba Ops {i % 50}", UNITS[i % len(UNITS)], f"0812{i:08d}", "aktif",
        ])  # fmt: skip
    wb.save(path)


def calamine_alone(path: Path) -> float:
    import python_calamine

    t = time.perf_counter()
    wb = python_calamine.CalamineWorkbook.from_path(str(path))
    n = sum(1 for _ in wb.get_sheet_by_index(0).iter_rows())
    wb.close()
    assert n > 0
    return time.perf_counter() - t


def openpyxl_read_only(path: Path) -> float:
    from openpyxl import load_workbook

    t = time.perf_counter()
    wb = load_workbook(path, read_only=True, data_only=True)
    n = sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))
    wb.close()
    assert n > 0
    return time.perf_counter() - t


def sqlite_floor(db: Path, preview: Preview) -> float:
    """What SQLite alone takes to store the same rows and one journal row each: plain
    sqlite3 executemany calls on a fresh copy of the schema, every value (and each journal
    row's JSON) prepared before the clock starts. No import can write for less."""
    import json
    import sqlite3

    store = open_store(f"sqlite:///{db}")
    build_small_operation(store)
    store.dispose()
    width = len(preview.spec.columns)
    op = preview.operation_id
    rows = [(*v[:width], 1, op) for v in preview.new if v is not None]
    names = [*preview.spec.columns, "version", "operation_id"]
    first = 1_000_000
    changes = [
        json.dumps({"id": first + i} | {k: x for k, x in zip(names, r, strict=True)
                                        if x is not None and k != "version"})
        for i, r in enumerate(rows)
    ]  # fmt: skip
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA cache_size = -65536")
    t = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    txn = conn.execute(
        "INSERT INTO journal_txn (at, actor, operation_id, action) "
        "VALUES ('2024-11-26 00:00:00.000000', 'bench', ?, 'import.personnel') RETURNING id",
        (op,),
    ).fetchone()[0]
    conn.executemany(
        f"INSERT INTO personnel (id, {', '.join(names)}) VALUES (?{', ?' * len(names)})",
        [(first + i, *r) for i, r in enumerate(rows)],
    )
    conn.executemany(
        "INSERT INTO journal (txn_id, at, actor, operation_id, entity, entity_id, action, "
        "changes) VALUES (?, '2024-11-26 00:00:00.000000', 'bench', ?, 'personnel', ?, "
        "'insert', ?)",
        [(txn, op, first + i, c) for i, c in enumerate(changes)],
    )
    conn.execute("COMMIT")
    took = time.perf_counter() - t
    conn.close()
    return took


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--skip-openpyxl", action="store_true")
    ap.add_argument(
        "--file", type=Path, help="keep the generated roster here and reuse it on the next run"
    )
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.file or Path(tmp) / f"roster-{args.rows}.xlsx"
        if not path.exists():
            t = time.perf_counter()
            make_roster(path, args.rows)
            print(f"generated {args.rows} rows ({path.stat().st_size / 1e6:.1f} MB) "
                  f"in {time.perf_counter() - t:.1f} s")  # fmt: skip
        store = open_store(f"sqlite:///{Path(tmp) / 'bench.db'}")
        build_small_operation(store)
        base = calamine_alone(path)
        t = time.perf_counter()
        preview = prepare(store, path, Options(kind="personnel"))
        t_prep = time.perf_counter() - t
        outcome = commit(store, Actor("bench", role="admin"), preview)
        total = time.perf_counter() - t
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"import: {preview.summary()} (journal txn {outcome.txn_id})")
        print(f"python-calamine alone: {base:.2f} s")
        print(f"whole import:          {total:.2f} s  (read+map+validate {t_prep:.2f} s, "
              f"commit {total - t_prep:.2f} s)")  # fmt: skip
        print(f"ratio import/calamine: {total / base:.2f}x  (target <= 2.5x, total <= 3 s)")
        floor = sqlite_floor(Path(tmp) / "floor.db", preview)
        print(f"SQLite alone writing the same rows + journal rows: {floor:.2f} s; "
              f"with calamine's read {(base + floor) / base:.2f}x calamine: the floor of "
              "any import to this schema")  # fmt: skip
        if not args.skip_openpyxl and args.rows <= 200_000:
            print(f"openpyxl read-only iteration: {openpyxl_read_only(path):.2f} s")
        print(f"peak RSS: {peak_mb:.0f} MB (target <= 1024 MB at 1,000,000 rows)")
        store.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
