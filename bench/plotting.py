"""Guard posts and the automatic plotting, against a baseline measured in the same run.

Issue 18's targets: plotting Jambi (about 5,000 TPS, 3,000 personnel) in under 2 s; at
national scale (435,000 TPS, 400,000 personnel) in under 30 s, with the peak memory printed.

Each measurement runs in a child process of its own on a copy of the database, so that its
peak resident memory (``ru_maxrss``) is the plotting's and not the data generation's:

* forming the posts of a stage (``posts.form_posts``: every TPS into a post), one journal
  transaction, committed;
* the automatic plotting of that stage (``plot.plot``: every active officer dealt), one
  journal transaction, committed;
* the plotting again with nothing to change (what a re-plot after a small import costs);
* baseline, in the same child: a plain ``SELECT`` of the rows any plotting must read (every
  TPS with its desa's kecamatan, unit and category, as forming reads them:
  ``posts.tps_groups``; every person with rank and unit).

Jambi is the demo (``load_demo``: 5,090 TPS, 3,150 personnel), measured on the stage
"rekapitulasi", which the demo has not plotted. The national operation is bench/board.py's
(``generate_national``), or ``--national-db`` (copied, never changed), e.g. the one
``bench/readiness.py --keep DIR`` left.

    .venv/bin/python bench/plotting.py [--national] [--national-db FILE] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

STAGE = "rekapitulasi"
GOALS_S = {"jambi": 2.0, "national": 30.0}


def child(db: Path) -> None:
    """Measure on ``db`` (changed: a copy) and print one JSON line."""
    from sqlalchemy import select

    from opscenter.actor import Actor
    from opscenter.model import Operation, Personnel, Rank
    from opscenter.operations import stage_by_code
    from opscenter.plotting import plot, posts
    from opscenter.store import open_store

    admin = Actor("bench.admin", role="admin")
    store = open_store(f"sqlite:///{db}")
    from opscenter import migrations

    migrations.prepare(store)
    with store.read() as s:
        op = s.scalars(select(Operation.id).order_by(Operation.id)).first()
        assert op is not None
        stage = stage_by_code(s, op, STAGE).id
    out: dict[str, Any] = {}

    t = time.perf_counter()
    with store.read() as s:
        tps = s.execute(posts.tps_groups(op)).all()
        people = s.execute(
            select(Personnel.id, Personnel.nrp, Rank.ordinal, Personnel.home_unit_id)
            .outerjoin(Rank, Rank.id == Personnel.rank_id)
            .where(Personnel.operation_id == op)
        ).all()
    out["baseline_s"] = time.perf_counter() - t
    out["tps"], out["personnel"] = len(tps), len(people)
    del tps, people

    t = time.perf_counter()
    formed = posts.form_posts(store, admin, op, stage)
    out["form_s"] = time.perf_counter() - t
    out["posts"] = formed.posts
    t = time.perf_counter()
    done = plot.plot(store, admin, op, stage)
    out["plot_s"] = time.perf_counter() - t
    out["placed"], out["reserve"], out["short"] = done.placed, done.reserve, done.short
    t = time.perf_counter()
    again = plot.plot(store, admin, op, stage)
    out["replot_s"] = time.perf_counter() - t
    assert again.placed == 0 and again.removed == 0, again
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    store.dispose()
    print(json.dumps(out))


def _measure(name: str, source: Path, work: Path) -> dict[str, Any]:
    copy = work / f"{name}-copy.db"
    shutil.copyfile(source, copy)
    run = subprocess.run(
        [sys.executable, __file__, "--child", str(copy)],
        capture_output=True,
        text=True,
        check=False,
        timeout=1800,
    )
    if run.returncode != 0:
        raise SystemExit(f"{name}: the child failed\n{run.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(run.stdout.strip().splitlines()[-1])
    copy.unlink()
    return result


def _print(name: str, r: dict[str, Any]) -> None:
    total = r["form_s"] + r["plot_s"]
    goal = GOALS_S[name]
    print(
        f"{name}: {r['tps']:,} TPS, {r['personnel']:,} personnel -> {r['posts']:,} posts, "
        f"{r['placed']:,} placed, {r['reserve']:,} reserve, {r['short']:,} short\n"
        f"  form posts {r['form_s']:.2f} s + plot {r['plot_s']:.2f} s = {total:.2f} s "
        f"({'PASS' if total < goal else 'OVER'}, target {goal:.0f} s); re-plot with nothing "
        f"to change {r['replot_s']:.2f} s; peak memory {r['peak_mb']:.0f} MB\n"
        f"  baseline, plain SELECT of the TPS and personnel rows: {r['baseline_s']:.2f} s "
        f"(ratio {total / r['baseline_s']:.1f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--national", action="store_true", help="also at national scale")
    parser.add_argument("--national-db", type=Path, help="a national database to copy")
    parser.add_argument("--keep", type=Path, help="folder for the databases (kept)")
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-plotting-"))
    work.mkdir(parents=True, exist_ok=True)

    jambi = work / "jambi.db"
    if not jambi.exists():
        from opscenter import migrations
        from opscenter.demo import load_demo
        from opscenter.store import open_store

        store = open_store(f"sqlite:///{jambi}")
        migrations.prepare(store)
        load_demo(store, "jambi")
        store.dispose()
    _print("jambi", _measure("jambi", jambi, work))

    if args.national or args.national_db:
        national = args.national_db or work / "national.db"
        if not national.exists():
            from board import generate_national

            generate_national(national)
        _print("national", _measure("national", national, work))
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
