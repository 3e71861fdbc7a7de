"""The command room through failovers: how long workstations stop, what is lost, how far a
standby display lags (issue 17, point 7).

    .venv/bin/python bench/failover.py [--seconds 60] [--workstations 4] [--rate 20]

Starts a primary and a synchronous standby on loopback (tests/pgcluster.py: pg_basebackup -R,
synchronous_standby_names, durability on) with the small test operation. Workstations (threads,
each with its own store, tests/command_room.py) change unit statuses through the core service
at --rate writes/s in total, on the multi-host URL (target_session_attrs=read-write). A standby
display follows the journal on the standby (target_session_attrs=prefer-standby) by polling every
ui.live.POLL_MS, as the app's read-only display does: no NOTIFY on a standby.

First third of the run, steady: the display's lag is the time from a write's acknowledgement
to the display's first look that holds it. The baseline, in the same minutes, is the bare
replication lag: the primary's current WAL position, then the standby polled every millisecond
until it has replayed that far (and pg_stat_replication.replay_lag, sampled).

The rest of the run: the primary SIGKILLed mid-burst (the postmaster, and every other time all
its processes at once, as when the machine dies), the standby promoted, the dead primary
rebuilt as the new standby, again and again. For every workstation and failover: the time from
the kill, and from the promotion, to its first acknowledged write on the new primary (it finds
it by itself; after an error it waits 0.1 s and tries its next write). At the end every
acknowledged write is looked up on the last primary. Goals: back within 10 s of promotion at
p95; nothing acknowledged lost; display lag p95 at most 2 s at 20 writes/s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GOAL_BACK_S = 10.0
GOAL_LAG_S = 2.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def spread(values: list[float]) -> str:
    """p50, p95 and max of durations in seconds, shown in milliseconds."""
    if not values:
        return "no samples"
    p50, p95, top = (
        1000 * v for v in (statistics.median(values), percentile(values, 0.95), max(values))
    )
    return f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {top:.1f} ms ({len(values)} samples)"


class ReplicationLag(threading.Thread):
    """The bare baseline: WAL written on the primary -> replayed on the standby."""

    def __init__(self, primary_port: int, standby_port: int) -> None:
        super().__init__(name="replication-lag", daemon=True)
        self._ports = primary_port, standby_port
        self.lsn_lag: list[float] = []
        self.replay_lag: list[float] = []
        self.halt = threading.Event()

    def run(self) -> None:
        import psycopg

        primary_port, standby_port = self._ports
        dsn = "host=127.0.0.1 user=postgres dbname=postgres port={}"
        with (
            psycopg.connect(dsn.format(primary_port), autocommit=True) as primary,
            psycopg.connect(dsn.format(standby_port), autocommit=True) as standby,
        ):
            while not self.halt.wait(0.05):
                lsn = primary.execute("SELECT pg_current_wal_lsn()").fetchone()
                t0 = time.monotonic()
                while not standby.execute(
                    "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", lsn
                ).fetchone()[0]:  # type: ignore[index]
                    time.sleep(0.001)
                self.lsn_lag.append(time.monotonic() - t0)
                lag = primary.execute(
                    "SELECT extract(epoch FROM replay_lag) FROM pg_stat_replication"
                ).fetchone()
                if lag is not None and lag[0] is not None:
                    self.replay_lag.append(float(lag[0]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workstations", type=int, default=4)
    parser.add_argument("--rate", type=float, default=20.0, help="writes per second, in all")
    args = parser.parse_args()

    from sqlalchemy import select

    from opscenter.model import UnitStatusChange
    from opscenter.store import open_store
    from tests.builders import build_small_operation
    from tests.command_room import (
        Board,
        Workstation,
        fail_over,
        head,
        overlaps_and_gaps,
        picture,
    )
    from tests.pgcluster import PostgresCluster
    from ui.live import POLL_MS

    started = time.monotonic()
    cluster = PostgresCluster().start()
    try:
        url = cluster.create_database("failover")
        admin = open_store(url)
        ids = build_small_operation(admin)
        unit_ids = sorted(ids.units.values())
        statuses = sorted(ids.statuses.values())
        n = args.workstations
        period = n / args.rate
        writers = [Workstation(url, i, unit_ids[i::n], statuses, period_s=period) for i in range(n)]
        display = Board(cluster.url("failover", "prefer-standby"), "standby", poll_s=POLL_MS / 1000)
        baseline = ReplicationLag(cluster.primary_port, cluster.standby_port)
        for thread in (*writers, display, baseline):
            thread.start()
        setup_s = time.monotonic() - started

        # Steady: the display's lag, and the bare replication lag, in the same seconds.
        steady_from = time.monotonic()
        time.sleep(args.seconds / 3)
        steady_to = time.monotonic()
        baseline.halt.set()
        baseline.join(10)

        # Failovers until the time is up.
        from_kill: list[float] = []
        from_promotion: list[float] = []
        promote_s: list[float] = []
        rebuild_s: list[float] = []
        deadline = steady_from + args.seconds
        while time.monotonic() < deadline:
            power_cut = len(promote_s) % 2 == 1  # a server crash, a machine's death, in turn
            failover = fail_over(cluster, writers, writes_before=10, power_cut=power_cut)
            from_kill += [t - failover.killed for t in failover.back.values()]
            from_promotion += [t - failover.promoted for t in failover.back.values()]
            promote_s.append(failover.promoted - failover.killed)
            t0 = time.monotonic()
            cluster.rebuild_old_primary_as_standby()
            rebuild_s.append(time.monotonic() - t0)
        elapsed = time.monotonic() - steady_from
        for thread in writers:
            thread.stop()
        for thread in writers:
            thread.join(30)
        display.stop()
        display.join(30)
        steady = [w for ws in writers for w in ws.acked if steady_from <= w.acked_at < steady_to]
        lags = []
        for write in steady:
            seen = next((a.at for a in display.state.applied if a.last_seq >= write.seq), None)
            if seen is not None:
                lags.append(seen - write.acked_at)
        unseen = len(steady) - len(lags)

        acked = [w for ws in writers for w in ws.acked]
        attempted = {r for ws in writers for r in ws.attempted}
        with admin.read() as s:
            found = set(s.scalars(select(UnitStatusChange.reason))) & attempted
        acked_found = sum(1 for w in acked if w.reason in found)
        in_doubt = len(found) - acked_found  # an error was shown, yet the commit had landed
        final_head = head(admin)
        while display.cursor < final_head or not display.settled:
            display.look()
        display_ok = not overlaps_and_gaps(display.state, final_head) and display.shown == (
            picture(admin)
        )
        crashes = [w.crash for w in writers if w.crash is not None]
        for thread in (*writers, display):
            thread.store.dispose()
        admin.dispose()
    finally:
        cluster.stop()

    print(
        f"cluster: primary + synchronous standby on loopback, {n} workstations, "
        f"{args.rate:g} writes/s in all, {elapsed:.0f} s ({setup_s:.1f} s to set up)"
    )
    print(f"steady, {args.seconds / 3:.0f} s: standby display polled every {POLL_MS} ms")
    print(f"  display lag (write acknowledged -> display has it): {spread(lags)}")
    print(f"  writes of these seconds the display never showed: {unseen}")
    print(f"  baseline, bare replication (WAL position -> replayed): {spread(baseline.lsn_lag)}")
    print(f"  baseline, pg_stat_replication.replay_lag sampled: {spread(baseline.replay_lag)}")
    lag95 = percentile(lags, 0.95) if lags else float("inf")
    bare95 = percentile(baseline.lsn_lag, 0.95)
    print(
        f"  ratio display/bare at p95: {lag95 / max(bare95, 1e-6):.0f} "
        f"(the display looks every {POLL_MS} ms); ratio p95 / goal ({GOAL_LAG_S:g} s): "
        f"{lag95 / GOAL_LAG_S:.2f}"
    )
    print(
        f"failovers: {len(promote_s)} (kill -> promoted: {spread(promote_s)}; "
        f"rebuild as standby: {spread(rebuild_s)})"
    )
    print(f"  workstation back, from the kill: {spread(from_kill)}")
    print(f"  workstation back, from the promotion: {spread(from_promotion)}")
    back95 = percentile(from_promotion, 0.95)
    print(f"  ratio p95 from promotion / goal ({GOAL_BACK_S:g} s): {back95 / GOAL_BACK_S:.3f}")
    print(
        f"writes acknowledged {len(acked)}, found afterwards {acked_found} "
        f"(lost {len(acked) - acked_found}); in doubt (error shown, commit landed) {in_doubt}"
    )
    print(
        f"standby display converged, no journal entry applied twice: "
        f"{'yes' if display_ok else 'NO'}; workstation crashes: {len(crashes)}"
    )
    ok = (
        back95 <= GOAL_BACK_S
        and lag95 <= GOAL_LAG_S
        and unseen == 0
        and acked_found == len(acked)
        and display_ok
        and not crashes
    )
    print(
        f"back p95 {back95:.2f} s (goal <= {GOAL_BACK_S:g} s), lag p95 {lag95:.2f} s "
        f"(goal <= {GOAL_LAG_S:g} s), lost {len(acked) - acked_found} (goal 0) -> "
        f"{'PASS' if ok else 'FAIL'}"
    )


if __name__ == "__main__":
    main()
