"""Benchmark: the situation report (assemble + render to PDF) against reportlab's own floor.

    .venv/bin/python bench/sitrep.py               # Jambi demo, 24 h, and national scale
    .venv/bin/python bench/sitrep.py --skip-national

Targets (issue 5): the Jambi demo over 24 hours within 1 s; national scale (20,000
incidents in the period, 500 units) within 15 s and 1 GB peak RSS. The baseline, measured
in the same run, is reportlab building a trivial one-page document with the same embedded
font; the ratio says how much the report costs over that floor. The national report runs
in a child process, so its peak RSS is its own and not the data loading's.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from opscenter import journal, sitrep
from opscenter.actor import Actor
from opscenter.demo import load_demo
from opscenter.store import open_store

WIB = ZoneInfo("Asia/Jakarta")
LO = datetime(2024, 11, 27, 6, 0, tzinfo=WIB)
HI = datetime(2024, 11, 28, 6, 0, tzinfo=WIB)


def baseline() -> float:
    """reportlab alone: a one-page document with one paragraph in the embedded font."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from reports.fonts import REGULAR, register

    register()
    best = float("inf")
    for _ in range(5):
        t = time.perf_counter()
        buf = io.BytesIO()
        doc = SimpleDocTemplate(buf)
        doc.build([Paragraph("Laporan situasi", ParagraphStyle("b", fontName=REGULAR))])
        best = min(best, time.perf_counter() - t)
    return best


def report(url: str, out: Path) -> dict[str, float]:
    """Assemble and render once (warm imports and fonts first); the timings."""
    from reports.sitrep import render

    store = open_store(url)
    try:
        with store.read() as s:  # warm-up: imports, font registration, caches
            render(sitrep.assemble(s, period_from=LO, period_to=LO + timedelta(hours=1)))
        t0 = time.perf_counter()
        with store.read() as s:
            r = sitrep.assemble(s, period_from=LO, period_to=HI, now=HI)
        t1 = time.perf_counter()
        data = render(r)
        t2 = time.perf_counter()
        out.write_bytes(data)
    finally:
        store.dispose()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "assemble_s": t1 - t0,
        "render_s": t2 - t1,
        "total_s": t2 - t0,
        "incidents": r.incidents_total,
        "units": len(r.units),
        "pages": data.count(b"/Type /Page\n") or data.count(b"/Type /Page"),
        "peak_rss_mb": rss_mb,
        "bytes": len(data),
    }


def national(url: str, incidents: int, units: int) -> None:
    """Grow the Jambi demo to national scale: more Polsek, many incidents in the period."""
    from sqlalchemy import select

    from opscenter.model import Incident, IncidentStatus, IncidentType, Region, Severity, Unit

    store = open_store(url)
    try:
        op_id = load_demo(store, "jambi")
        rng = random.Random(5)
        with store.transaction(Actor("bench"), "bench.national") as s:
            polres = list(s.scalars(select(Unit.id).where(Unit.kind.in_(("polres", "polresta")))))
            have = len(list(s.scalars(select(Unit.id))))
            journal.insert_rows(
                s,
                Unit,
                (
                    {"operation_id": op_id, "parent_id": rng.choice(polres),
                     "tree": "territorial", "kind": "polsek", "agency": "polri",
                     "code": f"bench-polsek-{n}", "name": f"Polsek Uji Nasional {n:03d}",
                     "is_reserve": False}
                    for n in range(max(0, units - have))
                ),
            )  # fmt: skip
            regions = list(s.scalars(select(Region.id).where(Region.level != "provinsi")))
            types = list(s.scalars(select(IncidentType.id)))
            sevs = list(s.scalars(select(Severity.id)))
            statuses = list(s.scalars(select(IncidentStatus.id)))
            first = 10_000
            span = (HI - LO).total_seconds()
            journal.insert_rows(
                s,
                Incident,
                (
                    {"operation_id": op_id, "number": first + n, "type_id": rng.choice(types),
                     "severity_id": rng.choice(sevs), "status_id": rng.choice(statuses),
                     "occurred_at": (LO + timedelta(seconds=rng.uniform(0, span))).astimezone(UTC),
                     "recorded_at": HI.astimezone(UTC), "recorded_by": "bench",
                     "region_id": rng.choice(regions), "tps_id": None,
                     "location": f"Desa Uji {n % 997}, Kecamatan Uji {n % 89}",
                     "title": f"Kejadian uji nomor {n} dengan uraian yang cukup panjang "
                              "agar dibungkus menjadi beberapa baris di lampiran",
                     "description": "Uraian kejadian uji untuk pengukuran kinerja laporan.",
                     "dead": 0, "injured": rng.choice((0, 0, 0, 1)), "damage": None,
                     "closed_at": None}
                    for n in range(incidents)
                ),
            )  # fmt: skip
    finally:
        store.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-national", action="store_true")
    parser.add_argument("--incidents", type=int, default=20_000)
    parser.add_argument("--units", type=int, default=500)
    parser.add_argument("--child", metavar="URL", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:  # the national report, measured in its own process
        print(json.dumps(report(args.child, args.out)))
        return 0

    base = baseline()
    print(f"baseline  reportlab one-page document           {base * 1000:8.1f} ms")
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        url = f"sqlite:///{folder / 'jambi.db'}"
        store = open_store(url)
        load_demo(store, "jambi")
        store.dispose()
        jambi = report(url, folder / "jambi.pdf")
        print(
            f"jambi     {jambi['incidents']:.0f} incidents, {jambi['units']:.0f} units, "
            f"{jambi['pages']:.0f} pages: assemble {jambi['assemble_s'] * 1000:.0f} ms + render "
            f"{jambi['render_s'] * 1000:.0f} ms = {jambi['total_s']:.2f} s "
            f"({jambi['total_s'] / base:.0f}x baseline)  target < 1 s"
        )
        ok &= jambi["total_s"] < 1.0
        if not args.skip_national:
            nurl = f"sqlite:///{folder / 'national.db'}"
            t = time.perf_counter()
            national(nurl, args.incidents, args.units)
            print(f"national  data loaded in {time.perf_counter() - t:.1f} s")
            child = subprocess.run(
                [sys.executable, __file__, "--child", nurl, "--out", str(folder / "nat.pdf")],
                capture_output=True,
                text=True,
                check=True,
            )
            nat = json.loads(child.stdout.strip().splitlines()[-1])
            print(
                f"national  {nat['incidents']:.0f} incidents, {nat['units']:.0f} units, "
                f"{nat['pages']:.0f} pages, {nat['bytes'] / 1e6:.1f} MB: assemble "
                f"{nat['assemble_s']:.2f} s + render {nat['render_s']:.2f} s = "
                f"{nat['total_s']:.2f} s ({nat['total_s'] / base:.0f}x baseline), peak RSS "
                f"{nat['peak_rss_mb']:.0f} MB  targets < 15 s, < 1024 MB"
            )
            ok &= nat["total_s"] < 15 and nat["peak_rss_mb"] < 1024
    print("OK" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
