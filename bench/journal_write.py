"""What the journal costs on the write path, measured against a same-run baseline.

Each round changes one unit's status through the core service (one transaction: the unit
row, its history row, the journal transaction and journal rows, optimistic version check)
and, as the baseline, the same UPDATE plus INSERT as plain SQL in one transaction with no
journal. Prints absolute figures per write and the ratio.

    .venv/bin/python bench/journal_write.py [--db URL] [--rounds 500]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from opscenter import units
from opscenter.actor import Actor
from opscenter.demo import load_demo
from opscenter.model import Unit, UnitStatus
from opscenter.reference import items
from opscenter.store import open_store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", help="database URL (default: a new SQLite file)")
    parser.add_argument("--rounds", type=int, default=500)
    args = parser.parse_args()
    url = args.db or f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}"
    store = open_store(url)
    op_id = load_demo(store, "bangka")
    with store.read() as s:
        unit_ids = [u.id for u in s.query(Unit).filter(Unit.operation_id == op_id)]
        statuses = [x.id for x in items(s, UnitStatus, op_id)]
    actor = Actor("bench", role="operator")

    def service(i: int) -> None:
        units.set_status(store, actor, unit_ids[i % len(unit_ids)], statuses[i % len(statuses)])

    def baseline(i: int) -> None:
        with store.engine.begin() as conn:
            conn.execute(
                text("UPDATE unit SET status_id = :s, version = version + 1 WHERE id = :u"),
                {"s": statuses[i % len(statuses)], "u": unit_ids[i % len(unit_ids)]},
            )
            conn.execute(
                text(
                    "INSERT INTO unit_status_change (operation_id, unit_id, status_id, at, actor)"
                    " VALUES (:o, :u, :s, CURRENT_TIMESTAMP, 'bench')"
                ),
                {"o": op_id, "u": unit_ids[i % len(unit_ids)], "s": statuses[i % len(statuses)]},
            )

    def measure(fn: object) -> list[float]:
        samples = []
        for i in range(args.rounds):
            t0 = time.perf_counter()
            fn(i)  # type: ignore[operator]
            samples.append(time.perf_counter() - t0)
        return samples

    measure(baseline)[:10]  # warm both paths
    measure(service)[:10]
    # Interleave the two in blocks so machine noise hits both alike.
    base, serv = [], []
    for _ in range(5):
        base += measure(baseline)
        serv += measure(service)
    b, s_ = statistics.median(base), statistics.median(serv)
    print(f"database: {store.describe()} ({store.dialect}), rounds: {len(serv)} each")
    print(
        f"baseline (plain SQL, no journal): median {b * 1e3:.3f} ms, p95 "
        f"{statistics.quantiles(base, n=20)[-1] * 1e3:.3f} ms"
    )
    print(
        f"service (journaled, versioned):   median {s_ * 1e3:.3f} ms, p95 "
        f"{statistics.quantiles(serv, n=20)[-1] * 1e3:.3f} ms"
    )
    print(f"ratio service/baseline (median): {s_ / b:.2f}")
    store.dispose()


if __name__ == "__main__":
    main()
