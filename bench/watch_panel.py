"""The TPS watch tab on the Jambi demo: GUI-thread time of one status from another workstation.

Issue 18's target: one watch status written elsewhere reaches the open watch panel in at
most 5 ms of GUI-thread time. The panel reads the watch off the GUI thread
(``opscenter.watch.progress``) and its models repaint only what moved (``ui.watch_models``).
Measured per status, on the GUI thread: the change set handed to the panel
(``live.deliver``: starts the read) plus the read landing (``show_read``: the progress tree,
the chosen kecamatan's TPS and the overdue list updated).

Baseline, measured in the same run on the same data: the same update done as a full re-read
on the GUI thread (the watch and the kecamatan's lines read there, the three models reset).

The data: the Jambi demo (``load_demo``: about 5,000 TPS), at 13:00 of its voting day on the
exercise clock; four in five TPS have their guards arrived (one batch, as an import would),
so about a thousand are overdue at 06:00. Every measured status is a real ``entry.record``
(journaled) through a second ``Store``, read back through the journal as the change feed
does.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/watch_panel.py [--statuses 30]
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--statuses", type=int, default=30)
    parser.add_argument("--verbose", action="store_true", help="each status's two parts")
    args = parser.parse_args()

    from gui_time import GuiTime, wait_read
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from opscenter import clock, migrations
    from opscenter.actor import Actor
    from opscenter.demo import load_demo
    from opscenter.live import JournalFollower
    from opscenter.model import PollingStation
    from opscenter.operations import stages, timezone_of, voting_day
    from opscenter.store import open_store
    from opscenter.watch import entry, progress
    from opscenter.watch.entry import Mark
    from opscenter.watch.steps import steps
    from ui.desk import Desk
    from ui.watch_panel import WatchPanel

    work = Path(tempfile.mkdtemp(prefix="bench-watch-panel-"))
    url = f"sqlite:///{work / 'jambi.db'}"
    t = time.perf_counter()
    writer = open_store(url)
    migrations.prepare(writer)
    op = load_demo(writer, "jambi")
    with writer.read() as s:
        zone = timezone_of(s, op)
        day = voting_day(stages(s, op))
        all_steps = steps(s, op)
        tps = list(s.scalars(select(PollingStation.id).where(PollingStation.operation_id == op)))
    assert day is not None
    noon = datetime.combine(day, clock_time(13, 0), tzinfo=ZoneInfo(zone))
    clock.simulate(noon)
    rng = random.Random(18)
    admin = Actor("bench", role="admin")
    arrived = [
        Mark(i, all_steps[0].id, noon - timedelta(hours=7)) for i in tps if rng.random() < 0.8
    ]
    entry.record(writer, admin, op, arrived, by="bench")
    print(f"data: Jambi demo, {len(tps)} TPS, {len(arrived)} arrived "
          f"({time.perf_counter() - t:.1f} s)")  # fmt: skip

    app = QApplication.instance() or QApplication([])
    panel_store = open_store(url)  # this workstation; ``writer`` is the other one
    panel = WatchPanel(Desk(panel_store, Actor("ops", role="operator"), QUndoStack()))
    panel.resize(1366, 640)
    panel.show()

    def read_landed() -> None:
        wait_read(app, panel, panel.busy)

    read_landed()
    w0 = panel.watch
    assert w0 is not None and w0.total == len(tps)
    kecamatan = w0.kecamatan[0]
    panel.select_kecamatan(kecamatan.id)
    read_landed()
    print(f"watch: {len(w0.polres)} Polres, {len(w0.kecamatan)} kecamatan, "
          f"{len(w0.overdue)} overdue; detail of {kecamatan.name} "
          f"({panel.lines_model.rowCount()} TPS)")  # fmt: skip

    # The GUI thread's share of each status: the change set delivered and the read landing.
    gui_time = GuiTime(args.verbose)
    panel.show_read = gui_time.timed_show(panel.show_read)  # type: ignore[method-assign]

    other = Actor("ops.lain", role="operator")
    follower = JournalFollower(panel_store)
    follower.poll()
    with writer.read() as s:
        lines = [x.id for x in progress.tps_lines(s, op, kecamatan.id)]
    for n in range(args.statuses):
        # Half in the kecamatan on screen (its detail changes too), half anywhere.
        tps_id = rng.choice(lines if n % 2 == 0 else tps)
        step = all_steps[rng.randrange(1, 4)]
        at = noon - timedelta(minutes=rng.randrange(5, 300))
        entry.record(writer, other, op, [Mark(tps_id, step.id, at)])
        changes = follower.poll()
        assert changes is not None
        with gui_time.change():
            with gui_time.part("deliver"):
                panel.live.deliver(changes)
            read_landed()
        assert panel.read_seq >= changes.last_seq  # the status is on screen
    with panel_store.read() as s:
        expected = progress.watch(s, op, clock.now())
    assert panel.watch is not None
    assert panel.watch.kecamatan == expected.kecamatan, "the panel differs from the database"

    # Baseline on the same data, same process: the update as a full re-read on the GUI thread.
    full_ms: list[float] = []
    for _ in range(5):
        t = time.thread_time()
        with panel_store.read() as s:
            now = clock.now()
            w_full = progress.watch(s, op, now)
            lines_full = progress.tps_lines(s, op, kecamatan.id, now)
        m = panel.progress_model
        m.beginResetModel()
        m.endResetModel()
        panel.lines_model.beginResetModel()
        panel.lines_model.endResetModel()
        panel.overdue_model.reset_rows(w_full.overdue)
        panel.lines_model.set_lines(kecamatan.id, w_full.steps, w_full.zone, lines_full)
        app.processEvents()
        full_ms.append((time.thread_time() - t) * 1000)

    gui = gui_time.median()
    full = statistics.median(full_ms)
    print(gui_time.summary("one status", "statuses"))
    print(f"baseline, full re-read and reset on the GUI thread: median {full:.1f} ms; "
          f"ratio {gui / full:.3f}")  # fmt: skip
    panel.close()
    clock.use_real()
    panel_store.dispose()
    writer.dispose()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
