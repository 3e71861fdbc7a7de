"""The readiness board at national scale: GUI-thread time of one judgement change.

Issue 15's target: 500 Polres x 8 aspects, one change reaches the open panel in 5 ms of
GUI-thread time. The panel reads the matrix off the GUI thread and compares it with the rows
on screen there too; the GUI thread only starts that read and then replaces the rows that
changed (``ui.readiness_panel``). Measured per change, on the GUI thread: the live update
handed to the panel (``apply_changes``: starts the read) plus the read landing
(``show_read``: rows replaced, the chosen cell's evidence repainted).

Baselines, measured in the same run on the same data: the matrix read on the GUI thread
(what a panel reading in its handler would block for), and showing the new matrix by a full
model reset instead of the changed rows.

The data: ``bench/board.py``'s national generator at 500 Polres (and their Polsek, TPS and
personnel, so that strength gives each its level), one Polda; a third of the cells judged
(bench data, inserted directly). Every measured change is a real ``set_judgement`` (journaled)
by "another workstation", read back through the journal as the change feed does.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/readiness_panel.py [--changes 30]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

POLRES = 500


def judge_a_third(path: Path, seed: int = 15) -> int:
    """Bench data: judgements on about a third of the cells, inserted directly."""
    from readiness import judgement_row  # bench/readiness.py
    from sqlalchemy import create_engine, insert, select

    from opscenter.model import ReadinessAspect, ReadinessJudgement, Unit

    rng = random.Random(seed)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        units = conn.execute(select(Unit.id).where(Unit.kind == "polres")).scalars().all()
        aspects = conn.execute(select(ReadinessAspect.id)).scalars().all()
        at = datetime(2024, 11, 20, 3, 0, tzinfo=UTC)
        rows = [
            judgement_row(
                1, u, a, rng.choice(("siap", "siap", "catatan", "belum")), "catatan uji", at
            )
            for u in units
            for a in aspects
            if rng.random() < 1 / 3
        ]
        conn.execute(insert(ReadinessJudgement.__table__), rows)  # type: ignore[arg-type]
    engine.dispose()
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--changes", type=int, default=30)
    parser.add_argument("--verbose", action="store_true", help="each change's two parts")
    args = parser.parse_args()

    from board import generate_national  # bench/board.py
    from gui_time import GuiTime, wait_read
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from opscenter.actor import Actor
    from opscenter.live import JournalFollower
    from opscenter.model import ReadinessAspect, Unit
    from opscenter.operations import get_operation
    from opscenter.readiness.judgements import JudgementValue, judgements, set_judgement
    from opscenter.readiness.matrix import readiness
    from opscenter.store import open_store
    from ui.desk import Desk
    from ui.readiness_model import matrix_rows
    from ui.readiness_panel import ReadinessPanel

    folder = Path(tempfile.mkdtemp(prefix="readiness-bench-"))
    path = folder / "national.db"
    t = time.perf_counter()
    counts = generate_national(path, polda=1, polres=POLRES, polsek=2_000, tps=100_000,
                               personnel=80_000, incidents=10)  # fmt: skip
    judged = judge_a_third(path)
    print(f"data: {counts['units']} units, {counts['tps']} TPS, {counts['personnel']} "
          f"personnel, {judged} judgements ({time.perf_counter() - t:.1f} s)")  # fmt: skip

    app = QApplication.instance() or QApplication([])
    store = open_store(f"sqlite:///{path}")
    panel = ReadinessPanel(Desk(store, Actor("bench", role="staff"), QUndoStack()))
    panel.resize(1600, 900)
    panel.show()

    def read_landed() -> None:
        wait_read(app, panel, lambda: panel.live.held)

    if not panel.loaded():
        read_landed()
    r0 = panel.readiness
    assert r0 is not None
    print(f"matrix: {len(r0.units)} units x {len(r0.aspects)} aspects")
    assert len(r0.units) >= POLRES and len(r0.aspects) == 8

    # The GUI thread's share of each change: the handler and the read landing.
    gui_time = GuiTime(args.verbose)
    panel.show_read = gui_time.timed_show(  # type: ignore[method-assign]
        panel.show_read, lambda result: f", rows {result.changed}"
    )

    with store.read() as s:
        op = get_operation(s)
        units = list(s.scalars(select(Unit.id).where(Unit.kind == "polres")))
        aspects = list(s.scalars(select(ReadinessAspect.id)))
        judged_now = judgements(s, op.id)
    other = Actor("kabag.lain", role="commander")
    rng = random.Random(7)
    follower = JournalFollower(store)
    follower.poll()
    panel.select_cell(units[0], aspects[0])
    for _ in range(args.changes):
        unit, aspect = rng.choice(units), rng.choice(aspects)
        before = judged_now.get((unit, aspect))
        level = rng.choice(("siap", "catatan", "belum"))
        stored = set_judgement(store, other, op.id,
                               JudgementValue(unit, aspect, level, "uji bench"),
                               expected_version=before.version if before else None)  # fmt: skip
        judged_now[(unit, aspect)] = stored
        changes = follower.poll()
        assert changes is not None
        with gui_time.change():
            with gui_time.part("apply_changes"):
                panel.apply_changes(changes)
            read_landed()

    # Baselines on the same data, same process.
    read_ms: list[float] = []
    reset_ms: list[float] = []
    for _ in range(5):
        t = time.thread_time()
        with store.read() as s:
            r = readiness(s, op.id)
        read_ms.append((time.thread_time() - t) * 1000)
        rows = matrix_rows(r)
        t = time.thread_time()
        panel.model.reset_rows(rows)
        panel.evidence.show_cell(r, "Asia/Jakarta", units[0], aspects[0])
        reset_ms.append((time.thread_time() - t) * 1000)

    gui = gui_time.median()
    read = statistics.median(read_ms)
    reset = statistics.median(reset_ms)
    print(gui_time.summary("one judgement change", "changes"))
    print(f"baseline, matrix read on the GUI thread: median {read:.0f} ms; ratio {gui / read:.4f}")
    print(f"baseline, full model reset + evidence: median {reset:.2f} ms; ratio {gui / reset:.3f}")
    panel.close()
    store.dispose()


if __name__ == "__main__":
    main()
