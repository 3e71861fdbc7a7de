"""The incidents panel at national scale: 20,000 incidents, against same-run baselines.

Builds a SQLite file with the Jambi demo plus generated incidents (``journal.insert_rows``,
so the journal holds them as the real services would), then prints:

- the bare SQL read of the incident table (baseline) and the core query (names, colours,
  WIB times, units, follow-up counts) over the same rows;
- the panel's load: from ``reload()`` to rows shown (the query runs off the GUI thread),
  and the GUI-thread part of it (model reset + timeline arrays);
- one live update: a status change written by a second store, read through the journal
  and applied with ``apply_changes`` (GUI-thread time), median of several rounds.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/incidents.py [--incidents 20000]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from datetime import UTC, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select, text

from opscenter import incident_log, incidents, journal
from opscenter.actor import Actor
from opscenter.demo import load_demo
from opscenter.live import JournalFollower
from opscenter.model import Incident
from opscenter.store import open_store
from ui import theme
from ui.desk import Desk
from ui.incidents_panel import IncidentsPanel


def generate(url: str, total: int) -> int:
    store = open_store(url)
    op_id = load_demo(store, "jambi")
    rng = random.Random(7)
    with store.read() as s:
        cols = [c.name for c in Incident.__table__.columns if c.name not in ("id", "version")]
        samples = [
            dict(r._mapping) for r in s.execute(select(*[Incident.__table__.c[c] for c in cols]))
        ]
        start = int(s.scalar(select(func.max(Incident.number))) or 0)
    rows = []
    for n in range(total - len(samples)):
        row = dict(rng.choice(samples))
        shift = timedelta(minutes=rng.randint(-60 * 24 * 30, 60 * 24 * 30))
        row["number"] = start + n + 1
        row["occurred_at"] = row["occurred_at"].replace(tzinfo=UTC) + shift
        row["recorded_at"] = row["recorded_at"].replace(tzinfo=UTC) + shift
        if row["closed_at"] is not None:
            row["closed_at"] = row["closed_at"].replace(tzinfo=UTC) + shift
        rows.append(row)
    with store.transaction(Actor("bench"), "bench.generate") as s:
        journal.insert_rows(s, Incident, rows)
    store.dispose()
    return op_id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--incidents", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'incidents.db'}"
    t0 = time.perf_counter()
    op_id = generate(url, args.incidents)
    print(f"generated {args.incidents:,} incidents in {time.perf_counter() - t0:.1f} s")

    store = open_store(url)
    with store.read() as s:
        t = time.perf_counter()
        bare = s.execute(text("SELECT * FROM incident WHERE operation_id = :o"), {"o": op_id}).all()
        bare_s = time.perf_counter() - t
        t = time.perf_counter()
        rows = incident_log.query(s, op_id)
        core_s = time.perf_counter() - t
    assert len(bare) == len(rows) == args.incidents
    print(f"bare SQL read          {bare_s * 1000:8.1f} ms   (baseline)")
    print(f"core query (rows)      {core_s * 1000:8.1f} ms   x{core_s / bare_s:.1f} baseline")

    app = QApplication([])
    theme.apply_look(app)
    t = time.perf_counter()
    panel = IncidentsPanel(Desk(store, Actor("bench"), QUndoStack()))
    panel.resize(1920, 1080)
    panel.show()
    gui_busy = 0.0
    original = panel._loaded

    def timed_loaded(generation: int, result: list[incident_log.IncidentRow]) -> None:
        nonlocal gui_busy
        g = time.perf_counter()
        original(generation, result)
        # A stale result (an earlier filter) returns at once; keep the real load's time.
        gui_busy = max(gui_busy, time.perf_counter() - g)

    setattr(panel, "_loaded", timed_loaded)  # noqa: B010 - wrap the slot to time it
    panel.reload()  # the constructor's load used the untimed slot; time a second one
    # Wait in an event loop, not a processEvents() spin (STYLE.md; and PySide6 6.12 leaks a
    # reference to None on many calls, which a spin multiplies into a crash).
    loop = QEventLoop()
    panel.model.modelReset.connect(loop.quit)
    while panel.loading or panel.model.rowCount() != args.incidents:
        loop.exec()
    app.processEvents()
    load_s = time.perf_counter() - t
    print(f"panel shown, loaded    {load_s * 1000:8.1f} ms   (construct + 2 loads, wall)")
    print(f"  GUI thread per load  {gui_busy * 1000:8.1f} ms   (model reset + timeline arrays)")

    follower = JournalFollower(store)
    other = open_store(url)
    times = []
    codes = ["ditangani", "selesai", "baru"]
    for i in range(args.rounds):
        target = panel.model.row(100 + i)
        incidents.set_status(other, Actor("bench.2"), target.id, codes[i % 3], None)
        changes = follower.poll()
        assert changes is not None
        t = time.perf_counter()
        panel.apply_changes(changes)
        times.append(time.perf_counter() - t)
    other.dispose()
    median = statistics.median(times)
    print(f"one live update (GUI)  {median * 1000:8.1f} ms   median of {args.rounds};"
          f" x{median / bare_s:.2f} of the bare read")  # fmt: skip
    panel.close()
    store.dispose()


if __name__ == "__main__":
    main()
