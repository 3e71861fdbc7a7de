"""The readiness matrix at national scale, against baselines measured in the same run.

Issue 15's target: 500 Polres, 8 aspects, 200,000 sarpras rows and 5,000 findings; the
readiness matrix computes in under 1 s.

The national operation is bench/board.py's (38 Polda, 514 Polres, 4,400 Polsek, 435,000 TPS,
400,000 personnel), generated in a fresh SQLite file, plus, written the same way as bench
data (Core ``executemany``, not journaled): 20 more sarpras categories (40 in all) and a
stock row for every Polres and Polsek in every category (about 198,000 rows), budget
allocations for every Polres, a visit to every Polres with ten findings each (5,140), and a
judgement on every Polres and aspect (4,112).

Measured, each the best of ``--runs`` in this process on a warm page cache:

* ``readiness(...)``: the whole matrix as the report and the command read it, cold (no
  ``reuse``: every part read afresh in each run, nothing carried from the run before);
* ``readiness(reuse=...)``: the matrix read again after a judgement, as the open panel does
  (the judgements read again; the strength's inputs, sarpras, budget and findings kept, as
  ``load_sources`` keeps every part a judgement does not move);
* baseline 1, ``required_strength(...)``: the strength computation alone, which the matrix
  needs for its personnel aspect (so the ratio is what readiness adds to it);
* baseline 2, plain ``SELECT`` of every stock, finding and judgement row (what any reader of
  the same rows must at least pay).

    .venv/bin/python bench/readiness.py [--keep DIR] [--runs 3]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from board import generate_national  # noqa: E402
from runs import kept_arguments, kept_database, timed_runs  # noqa: E402

GOAL_S = 1.0


def add_readiness_rows(path: Path, seed: int = 15) -> dict[str, int]:
    """Sarpras, budget, visits, findings and judgements for every Polres of the file."""
    from sqlalchemy import create_engine, insert, select

    from opscenter.model import (
        BudgetAllocation,
        InspectionFinding,
        InspectionVisit,
        Operation,
        ReadinessAspect,
        ReadinessJudgement,
        SarprasCategory,
        SarprasStock,
        Unit,
    )

    rng = random.Random(seed)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        oid = conn.execute(select(Operation.id)).scalar_one()
        units = conn.execute(select(Unit.id, Unit.kind).where(Unit.operation_id == oid)).all()
        polres = [u for u, k in units if k == "polres"]
        polsek = [u for u, k in units if k == "polsek"]
        conn.execute(
            insert(SarprasCategory.__table__),  # type: ignore[arg-type]
            [
                {
                    "operation_id": oid,
                    "code": f"extra-{i}",
                    "name": f"Sarpras tambahan {i}",
                    "name_en": None,
                    "ordinal": 100 + i,
                    "grp": "posko",
                    "measure": "unit",
                    "rule_basis": "unit",
                    "rule_quantity": 2,
                    "rule_per": 1,
                    "has_ammunition": False,
                    "version": 1,
                }
                for i in range(20)
            ],
        )
        cats = list(conn.execute(select(SarprasCategory.id)).scalars())
        aspects = list(conn.execute(select(ReadinessAspect.id)).scalars())
        stock = [
            {
                "operation_id": oid,
                "unit_id": u,
                "category_id": c,
                "baik": rng.randint(0, 30),
                "rusak_ringan": rng.randint(0, 3),
                "rusak_berat": rng.randint(0, 2),
                "laik_pakai": True,
                "ammunition": None,
                "note": None,
                "version": 1,
            }
            for u in (*polres, *polsek)
            for c in cats
        ]
        conn.execute(insert(SarprasStock.__table__), stock)  # type: ignore[arg-type]
        conn.execute(
            insert(BudgetAllocation.__table__),  # type: ignore[arg-type]
            [
                {
                    "operation_id": oid,
                    "unit_id": u,
                    "source": "dipa",
                    "reference": "DIPA 2024",
                    "signed_on": None,
                    "pagu": 500_000_000,
                    "note": None,
                    "version": 1,
                }
                for u in polres
            ],
        )
        visit_rows = [
            {
                "id": i + 1,
                "operation_id": oid,
                "unit_id": u,
                "visited_on": date(2024, 10, 20),
                "kind": "supervisi",
                "led_by": "Tim Supervisi",
                "team": None,
                "checked": None,
                "version": 1,
            }
            for i, u in enumerate(polres)
        ]
        conn.execute(insert(InspectionVisit.__table__), visit_rows)  # type: ignore[arg-type]
        findings = [
            {
                "operation_id": oid,
                "visit_id": v["id"],
                "aspect_id": rng.choice(aspects),
                "finding": f"Temuan {n}",
                "advice": None,
                "person_in_charge": None,
                "due_on": date(2024, 11, 1) + timedelta(days=rng.randint(0, 40)),
                "status": "terbuka",
                "closing_note": None,
                "closed_at": None,
                "version": 1,
            }
            for v in visit_rows
            for n in range(10)
        ]
        conn.execute(insert(InspectionFinding.__table__), findings)  # type: ignore[arg-type]
        at = datetime(2024, 11, 20, 8, 0, tzinfo=UTC)
        judged = [
            judgement_row(oid, u, a, rng.choice(("siap", "catatan", "belum")), "uji", at)
            for u in polres
            for a in aspects
        ]
        conn.execute(insert(ReadinessJudgement.__table__), judged)  # type: ignore[arg-type]
    engine.dispose()
    return {
        "stock": len(stock),
        "findings": len(findings),
        "judgements": len(judged),
        "polres": len(polres),
    }


def judgement_row(
    operation_id: int, unit_id: int, aspect_id: int, level: str, note: str, at: datetime
) -> dict[str, Any]:
    """Bench data: one readiness judgement, as a row to insert directly."""
    return {
        "operation_id": operation_id,
        "unit_id": unit_id,
        "aspect_id": aspect_id,
        "level": level,
        "note": note,
        "evidence": None,
        "set_by": "bench",
        "set_at": at,
        "version": 1,
    }


# The best process CPU time of each measurement, beside the best wall time: on a machine
# shared with others the wall time includes waiting for a core, the CPU time does not.
CPU: dict[str, float] = {}


def best(runs: int, fn: Callable[[], Any], name: str = "") -> tuple[float, Any]:
    wall, cpu, out = timed_runs(fn, runs)
    CPU[name] = min(cpu)
    return min(wall), out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    kept_arguments(parser)
    args = parser.parse_args()
    db = kept_database(args, "bench-readiness-")
    if not db.exists():
        t = time.perf_counter()
        counts = generate_national(db)
        counts |= add_readiness_rows(db)
        print(f"generated in {time.perf_counter() - t:.1f} s: {counts}")

    from sqlalchemy import select

    from opscenter.model import InspectionFinding, Operation, ReadinessJudgement, SarprasStock
    from opscenter.readiness.matrix import readiness
    from opscenter.store import open_store
    from opscenter.strength_inputs import required_strength

    store = open_store(f"sqlite:///{db}")
    today = date(2024, 11, 27)
    with store.read() as s:
        oid = s.scalars(select(Operation.id)).one()

        def plain() -> int:
            n = 0
            for model in (SarprasStock, InspectionFinding, ReadinessJudgement):
                n += len(s.execute(select(model.__table__)).all())
            return n

        t_plain, rows = best(args.runs, plain, "plain")
        t_strength, _ = best(args.runs, lambda: required_strength(s, oid, None), "strength")
        t_matrix, m = best(args.runs, lambda: readiness(s, oid, today=today), "matrix")
        # After a judgement: the judgements re-read, every other part kept (``reuse``).
        t_again, _ = best(
            args.runs,
            lambda: readiness(s, oid, today=today, reuse=m, changed=["readiness_judgement"]),
            "again",
        )
    store.dispose()
    cells = sum(len(u.cells) for u in m.units)
    overdue = sum(r.overdue_findings for r in m.rollup.values())
    print(
        f"matrix: {len(m.units)} units x {len(m.aspects)} aspects = {cells} cells, "
        f"{overdue} overdue findings"
    )
    print(
        f"readiness(...)            {t_matrix * 1000:8.1f} ms  (goal < {GOAL_S * 1000:.0f} ms)"
        f"  {'PASS' if t_matrix < GOAL_S else 'FAIL'}"
    )
    print(
        f"readiness(reuse=...)      {t_again * 1000:8.1f} ms  after a judgement  "
        f"{'PASS' if t_again < GOAL_S else 'FAIL'}"
    )
    print(
        f"baseline strength alone   {t_strength * 1000:8.1f} ms  ratio {t_matrix / t_strength:.2f}x"
    )
    print(
        f"baseline plain SELECT     {t_plain * 1000:8.1f} ms  ({rows} rows)  "
        f"ratio {t_matrix / t_plain:.2f}x"
    )
    print(
        f"process CPU: readiness {CPU['matrix'] * 1000:.1f} ms, after a judgement "
        f"{CPU['again'] * 1000:.1f} ms; strength {CPU['strength'] * 1000:.1f} ms "
        f"(ratio {CPU['matrix'] / CPU['strength']:.2f}x), plain SELECT "
        f"{CPU['plain'] * 1000:.1f} ms (ratio {CPU['matrix'] / CPU['plain']:.2f}x)"
    )


if __name__ == "__main__":
    main()
