"""Sarpras requirement and deficit per unit at national scale, against baselines measured in
the same run.

Issue 15's scale: 500 Polres, 20 categories, 200,000 stock rows (every unit of the
territorial and task-force trees holds every category: 10,000 units x 20). The operation,
its regions, units, TPS and personnel come from ``bench/board.py``'s national generator
(bench data, not journaled); the stock rows are added the same way.

Measured, each the median of ``--runs`` runs on a warm database:

* baseline: a plain SELECT of the same 200,000 stock rows (the seven columns the roll-up
  reads), fetched into Python;
* the strength inputs alone (``strength_inputs.load_inputs``: TPS groups, patterns, personnel),
  which the readiness matrix reads once anyway;
* ``sarpras_by_unit`` for every unit, as called with nothing but a session;
* ``sarpras_by_unit`` reusing those inputs (``inputs=``), every unit;
* the same for the Polres only (``units=``), as a Polres x aspect matrix needs: the database
  then sums each Polres's subtree (a recursive query) and only 10,000 lines are built.

    .venv/bin/python bench/sarpras.py [--keep DIR] [--runs 3] [--tps 435000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from runs import kept_arguments, kept_database, timed_runs  # noqa: E402

POLRES = 500
CATEGORIES = 20
UNITS = 10_000  # holding stock: 38 Polda, 38 Brimob, 500 Polres, 9,416 Polsek, 8 Satgas


def generate(path: Path, tps: int, personnel: int) -> dict[str, int]:
    from board import generate_national
    from sqlalchemy import create_engine, insert, select

    from opscenter.model import SarprasCategory, SarprasStock, Unit

    polsek = UNITS - 38 * 2 - POLRES - 8
    counts = generate_national(
        path, polres=POLRES, polsek=polsek, tps=tps, personnel=personnel, incidents=1
    )
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        cats = [
            (r.id, r.has_ammunition)
            for r in conn.execute(select(SarprasCategory.id, SarprasCategory.has_ammunition))
        ]
        units = [r.id for r in conn.execute(select(Unit.id).where(Unit.tree != "partner"))]
        rows: list[dict[str, Any]] = []
        for u in units:
            for i, (c, ammo) in enumerate(cats):
                k = (u * 31 + i * 7) % 23
                rows.append({"operation_id": 1, "unit_id": u, "category_id": c, "baik": k,
                             "rusak_ringan": k % 3, "rusak_berat": k % 2,
                             "laik_pakai": k % 11 != 0, "ammunition": k * 20 if ammo else None,
                             "note": None, "version": 1})  # fmt: skip
        conn.execute(insert(SarprasStock.__table__), rows)  # type: ignore[arg-type]
    engine.dispose()
    counts["stock"] = len(rows)
    counts["categories"] = len(cats)
    return counts


CPU: list[float] = []  # the CPU time of each measure's median run, in measuring order


def median(fn: Callable[[], Any], runs: int) -> tuple[float, Any]:
    """The median wall time of ``runs`` calls (and their median CPU time in ``CPU``: on a
    machine shared with other work, the process's own CPU time varies less)."""
    wall, cpu, result = timed_runs(fn, runs)
    CPU.append(statistics.median(cpu))
    return statistics.median(wall), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    kept_arguments(parser)
    parser.add_argument("--tps", type=int, default=435_000)
    parser.add_argument("--personnel", type=int, default=400_000)
    args = parser.parse_args()

    from sqlalchemy import select

    from opscenter.model import SarprasStock, Unit
    from opscenter.readiness.sarpras_figures import sarpras_by_unit, voting_stage
    from opscenter.store import open_store
    from opscenter.strength_inputs import load_inputs

    db = kept_database(args, "bench-sarpras-")
    if not db.exists():
        t0 = time.perf_counter()
        counts = generate(db, args.tps, args.personnel)
        print(f"generated {counts} in {time.perf_counter() - t0:.1f} s")
    store = open_store(f"sqlite:///{db}")
    try:
        with store.read() as s:
            op = 1
            stage = voting_stage(s, op, None)
            polres = list(s.scalars(select(Unit.id).where(Unit.kind == "polres")))
            cols = (SarprasStock.unit_id, SarprasStock.category_id, SarprasStock.baik,
                    SarprasStock.rusak_ringan, SarprasStock.rusak_berat,
                    SarprasStock.laik_pakai, SarprasStock.ammunition)  # fmt: skip

            def plain() -> int:
                stmt = select(*cols).where(SarprasStock.operation_id == op)
                return len(s.connection().execute(stmt).all())

            plain()  # warm the file cache
            base, n_rows = median(plain, args.runs)
            t_inputs, inputs = median(lambda: load_inputs(s, op, stage), args.runs)
            t_all, every = median(lambda: sarpras_by_unit(s, op, None), args.runs)
            t_reuse, _ = median(lambda: sarpras_by_unit(s, op, None, inputs=inputs), args.runs)
            t_polres, some = median(
                lambda: sarpras_by_unit(s, op, None, inputs=inputs, units=polres), args.runs
            )
    finally:
        store.dispose()
    lines = sum(len(v) for v in every.values())
    print(f"stock rows {n_rows:,}; units answered {len(every):,}; lines {lines:,}; "
          f"Polres {len(some)}; TPS groups {len(inputs.tps_groups):,}")  # fmt: skip
    rows = (
        ("baseline: plain SELECT of the stock rows", base),
        ("strength inputs (load_inputs)", t_inputs),
        ("sarpras_by_unit, every unit", t_all),
        ("sarpras_by_unit, inputs reused, every unit", t_reuse),
        ("sarpras_by_unit, inputs reused, Polres only", t_polres),
    )
    print(f"{'':<46} {'wall':>8}  {'ratio':>6}    {'CPU':>8}  {'ratio':>6}")
    for (name, t), cpu in zip(rows, CPU, strict=True):
        print(
            f"{name:<46} {t * 1000:6.0f} ms  {t / base:5.1f} x  "
            f"{cpu * 1000:6.0f} ms  {cpu / CPU[0]:5.1f} x"
        )
    verdict = "PASS" if t_all < 1.0 else "OVER"
    print(f"target: every unit under 1 s -> {verdict} ({t_all:.2f} s)")


if __name__ == "__main__":
    main()
