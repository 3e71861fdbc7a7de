"""Requirements and reinforcement proposals at national scale, after a what-if change.

Builds a bench SQLite database of one national operation: 34 Polda, 500 Polres, 7,000
Polsek (one per kecamatan), 84,000 desa, 435,000 TPS, about 200,000 police and a Brimob
reserve per Polda, plus Polri vulnerability ratings for voting day. The bench rows go in
with plain ``executemany`` on the raw connection (bench data only: the application never
writes around the journal).

Measured, each the median of several rounds:

* ``load``: ``planning.load_base`` (the grouped queries, once per stage or reload);
* ``what-if``: ``planning.plan`` after a guard-pattern change (rawan 2-2-4 -> 2-1-2) and
  after moving 200 TPS to another category (``tps_changes`` + ``plan``): the figures the
  window recomputes on each keystroke. Target: within 1 s;
* baselines, same run: the bare grouped TPS query alone, and a plain Python loop that
  sums ``a * ceil(n / b)`` per unit over the same groups (no roll-up, no proposals).

    .venv/bin/python bench/planning.py [--tps 435000] [--polres 500] [--rounds 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from opscenter import operations, planning
from opscenter.actor import Actor
from opscenter.model import (
    Aspect,
    PollingStation,
    Rank,
    Region,
    TpsCategory,
    VulnerabilityLevel,
)
from opscenter.reference import GuardPattern, by_code
from opscenter.store import Store, open_store

ACTOR = Actor("bench", role="admin")
POLDA = 34
KEC_PER_POLRES = 14
DESA_PER_KEC = 12
MIX = (0.86, 0.10, 0.03, 0.01)  # kurang rawan, rawan, sangat rawan, khusus


def _median(fn: Callable[[], Any], rounds: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(rounds):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def build(store: Store, n_tps: int, n_polres: int, seed: int = 2024) -> tuple[int, int]:
    """The bench operation; returns (operation id, voting stage id)."""
    rng = random.Random(seed)
    with store.transaction(ACTOR, "bench.setup") as s:
        op = operations.new_operation(
            s,
            operations.OperationSpec(
                code="nasional",
                name="Operasi Mantap Praja 2024 (bench)",
                command_name="MARKAS BESAR",
                province="Indonesia",
                starts_on=date(2024, 8, 24),
                ends_on=date(2024, 12, 16),
            ),
        )
        op_id = op.id
        cats = [
            by_code(s, TpsCategory, op_id)[c].id
            for c in ("kurang-rawan", "rawan", "sangat-rawan", "khusus")
        ]
        pats = [
            GuardPattern(2, 8, 16),
            GuardPattern(2, 2, 4),
            GuardPattern(2, 1, 2),
            GuardPattern(2, 1, 2),
        ]
        rank = by_code(s, Rank, op_id)["bripda"].id
        aspects = [a.id for a in by_code(s, Aspect, op_id).values()]
        levels = [lv.id for lv in by_code(s, VulnerabilityLevel, op_id).values()]
        voting = operations.stage_by_code(s, op_id, "pemungutan").id
    raw = store.engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("BEGIN")
        ids = iter(range(1, 10**9))
        regions: list[tuple[Any, ...]] = []
        units: list[tuple[Any, ...]] = []
        areas: list[tuple[Any, ...]] = []
        tps: list[tuple[Any, ...]] = []
        people: list[tuple[Any, ...]] = []
        ratings: list[tuple[Any, ...]] = []
        uid = iter(range(1, 10**9))
        n_kec = n_polres * KEC_PER_POLRES
        per_kec = [n_tps // n_kec + (1 if i < n_tps % n_kec else 0) for i in range(n_kec)]
        kec_i = 0
        nrp = iter(range(10_000_000, 99_999_999))

        def unit(unit_id: int, parent: int | None, kind: str, key: str, name: str) -> None:
            """A unit of the territorial tree, coded ``kind-key``; Sat Brimob is the reserve."""
            code, reserve = f"{kind}-{key}", int(kind == "brimob")
            units.append((unit_id, op_id, parent, "territorial", kind, code, name, reserve))

        for d in range(POLDA):
            prov, polda = next(ids), next(uid)
            regions.append((prov, op_id, None, "provinsi", f"Provinsi {d}"))
            unit(polda, None, "polda", f"{d}", f"Polda {d}")
            brimob = next(uid)
            unit(brimob, polda, "brimob", f"{d}", f"Sat Brimob Polda {d}")
            people += [(next(nrp), brimob) for _ in range(400)]
            for p in range(d, n_polres, POLDA):
                kab, polres = next(ids), next(uid)
                regions.append((kab, op_id, prov, "kabkota", f"Kabupaten {p}"))
                unit(polres, polda, "polres", f"{p}", f"Polres {p:03d}")
                areas.append((op_id, polres, kab))
                level = rng.choice(levels)
                ratings += [(op_id, kab, voting, a, level) for a in aspects]
                need = 0
                for k in range(KEC_PER_POLRES):
                    kec, polsek = next(ids), next(uid)
                    regions.append((kec, op_id, kab, "kecamatan", f"Kecamatan {p}-{k}"))
                    unit(polsek, polres, "polsek", f"{p}-{k}", f"Polsek {p}-{k}")
                    desas = [next(ids) for _ in range(DESA_PER_KEC)]
                    regions += [(x, op_id, kec, "desa", f"Desa {x}") for x in desas]
                    counts = [0, 0, 0, 0]
                    for i in range(per_kec[kec_i]):
                        c = rng.choices(range(4), MIX)[0]
                        counts[c] += 1
                        tps.append((op_id, i + 1, desas[i % DESA_PER_KEC], cats[c], polsek))
                    kec_i += 1
                    need += sum(
                        pt.police * -(-n // pt.tps) for pt, n in zip(pats, counts, strict=True)
                    )
                staffed = int(need * rng.uniform(0.85, 1.45))
                people += [(next(nrp), polres) for _ in range(staffed)]
        cur.executemany(
            "INSERT INTO region (id, operation_id, parent_id, level, name, version) "
            "VALUES (?, ?, ?, ?, ?, 1)",
            regions,
        )
        cur.executemany(
            "INSERT INTO unit (id, operation_id, parent_id, tree, kind, code, name, is_reserve,"
            " agency, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'polri', 1)",
            units,
        )
        cur.executemany(
            "INSERT INTO unit_area (operation_id, unit_id, region_id) VALUES (?, ?, ?)", areas
        )
        cur.executemany(
            "INSERT INTO polling_station (operation_id, number, region_id, category_id, voters,"
            " unit_id, version) VALUES (?, ?, ?, ?, 300, ?, 1)",
            tps,
        )
        cur.executemany(
            "INSERT INTO personnel (operation_id, nrp, id_kind, name, rank_id, home_unit_id,"
            " duty_status, version) VALUES (?, ?, 'nrp', 'Personel', ?, ?, 'aktif', 1)",
            [(op_id, str(n), rank, u) for n, u in people],
        )
        cur.executemany(
            "INSERT INTO vulnerability_rating (operation_id, region_id, stage_id, aspect_id,"
            " level_id, source, version) VALUES (?, ?, ?, ?, ?, 'polri', 1)",
            ratings,
        )
        cur.execute("COMMIT")
        cur.execute("ANALYZE")
        cur.close()
    finally:
        raw.close()
    return op_id, voting


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tps", type=int, default=435_000)
    parser.add_argument("--polres", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench-planning.db'}"
    store = open_store(url)
    t = time.perf_counter()
    op_id, voting = build(store, args.tps, args.polres)
    print(f"bench data: {args.tps:,} TPS, {args.polres} Polres in {time.perf_counter() - t:.1f} s")

    def load() -> planning.PlanBase:
        with store.read() as s:
            return planning.load_base(s, op_id, voting)

    def grouped_query() -> int:
        desa = aliased(Region)
        with store.read() as s:
            rows = s.execute(
                select(
                    PollingStation.unit_id, desa.parent_id, PollingStation.category_id, func.count()
                )
                .join(desa, desa.id == PollingStation.region_id)
                .where(PollingStation.operation_id == op_id)
                .group_by(PollingStation.unit_id, desa.parent_id, PollingStation.category_id)
            ).all()
        return len(rows)

    t_load, base = _median(load, args.rounds)
    t_sql, n_groups = _median(grouped_query, args.rounds)
    rawan = next(c.id for c in base.categories if c.code == "rawan")
    sangat = next(c.id for c in base.categories if c.code == "sangat-rawan")
    pattern_what_if = planning.WhatIf(patterns={rawan: GuardPattern(2, 1, 2)})
    t_plain = planning.plan(base)
    t_pattern, tried = _median(lambda: planning.plan(base, pattern_what_if), args.rounds)
    with store.read() as s:
        some = list(
            s.scalars(
                select(PollingStation.id)
                .where(PollingStation.operation_id == op_id, PollingStation.category_id == rawan)
                .limit(200)
            )
        )

    def tps_what_if() -> planning.Plan:
        with store.read() as s:
            moves = planning.tps_changes(s, op_id, dict.fromkeys(some, sangat))
        return planning.plan(base, planning.WhatIf(tps=moves))

    t_tps, _ = _median(tps_what_if, args.rounds)

    def loop() -> int:
        pats = {**base.inputs.patterns, **pattern_what_if.patterns}
        per_unit: dict[int | None, int] = defaultdict(int)
        for (unit, _, cat), n in base.inputs.tps_groups.items():
            p = pats[cat]
            per_unit[unit] += p.police * -(-n // p.tps)
        return sum(per_unit.values())

    t_loop, total = _median(loop, args.rounds)
    assert total == tried.report.total.police_required
    store.dispose()

    deficits = len(tried.deficits)
    print(f"groups (unit, kecamatan, category): {n_groups:,}; units: {len(base.inputs.units):,}")
    print(
        f"before what-if: {len(t_plain.deficits)} Polres short, "
        f"{len(t_plain.proposals)} proposals; after: {deficits} short, "
        f"{len(tried.proposals)} proposals, {len(tried.unmet)} not covered"
    )
    print(f"load_base (once per stage/reload)     {t_load * 1000:8.1f} ms")
    print(f"what-if pattern -> plan                {t_pattern * 1000:8.1f} ms   target < 1000 ms")
    print(f"what-if 200 TPS -> tps_changes + plan  {t_tps * 1000:8.1f} ms   target < 1000 ms")
    print(f"baseline: bare grouped SQL query       {t_sql * 1000:8.1f} ms")
    print(f"baseline: plain loop over the groups   {t_loop * 1000:8.1f} ms")
    print(f"ratio what-if / grouped SQL query      {t_pattern / t_sql:8.2f}")
    print(f"ratio what-if / plain loop             {t_pattern / t_loop:8.2f}")
    ok = max(t_pattern, t_tps) < 1.0
    print("OK: within 1 s" if ok else "SLOW: above 1 s")


if __name__ == "__main__":
    main()
