"""The demo's voting-day watch: every TPS's steps as the Polsek had phoned them in by the
demo's moment (``Demo.now``, voting day 20:00 local), so the watch stands half through.

Guards arrive before 06:00, a few the evening before with the logistics and a few late;
the polls open about 07:00 and close at 13:00; the count at the TPS takes two and a half
to eight hours (longer in the mountains of Kerinci and Sungai Penuh), so at 20:00 most
have counted, some have not (overdue), and the boxes of the early ones are on their way to
the PPK or there. A few TPS never reported (overdue at arrival), more of them where the
signal is poor. A TPS with an open incident linked to it (``Incident.tps_id``: disturbed)
stops at the incident: nothing after it is reported yet.

Nothing lies after ``Demo.now``. The rows are written at Core speed through the builder
(``journal.insert_rows``, each journaled as an insert): about 23,000 marks for Jambi's
5,000 TPS, where ``opscenter.watch.entry.record_in`` builds an ORM object for each.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from opscenter.demo.builder import VOTING_DAY, Demo, wib
from opscenter.model import Incident, IncidentStatus, TpsWatch
from opscenter.watch.steps import steps

# Shares of TPS whose Polsek never reported, where the signal is good and where it is poor.
SILENT = 0.008
SILENT_POOR = 0.03
# Shares of TPS whose guards came the evening before (with the logistics), and late.
EVENING = 0.10
LATE = 0.05


def add_watch(demo: Demo, poor_signal: tuple[str, ...] = ()) -> int:
    """The watch's marks of every TPS of ``demo`` at ``demo.now``; returns how many.
    ``poor_signal``: the kabupaten/kota (by name) where more Polsek never reported and the
    count and the roads are slower."""
    rng = random.Random(demo.rng.random())  # its own stream: nothing before it shifts
    codes = [st.code for st in steps(demo.session, demo.op_id)]
    step_id = {st.code: st.id for st in steps(demo.session, demo.op_id)}
    stalled = _stalled(demo)
    rows: list[dict[str, Any]] = []
    for county in demo.counties:
        poor = county.spec.name in poor_signal
        for district in county.districts:
            source = f"Polsek {district.short}"
            for tps in district.tps:
                times = _story(rng, poor)
                if times is None:
                    continue
                cut = min(demo.now, stalled.get(tps.id, demo.now))
                for code, at in zip(codes, times, strict=False):
                    if at > cut:
                        break
                    rows.append(
                        {"tps_id": tps.id, "step_id": step_id[code], "at": at,
                         "recorded_by": source}
                    )  # fmt: skip
    demo.insert(TpsWatch, rows)
    return len(rows)


def _story(rng: random.Random, poor: bool) -> list[datetime] | None:
    """One TPS's day in the default steps' order (tiba, mulai, selesai, hitung, kawal,
    ppk), whole; the caller cuts it at the demo's moment. None: never reported."""
    if rng.random() < (SILENT_POOR if poor else SILENT):
        return None
    roll = rng.random()
    if roll < EVENING:
        arrived = wib(VOTING_DAY - timedelta(days=1), rng.randint(18, 21), rng.randrange(60))
    elif roll < EVENING + LATE:
        arrived = wib(VOTING_DAY, 6, 1) + timedelta(minutes=rng.randint(0, 89))
    else:
        arrived = wib(VOTING_DAY, 4, 30) + timedelta(minutes=rng.randint(0, 89))
    opened = max(wib(VOTING_DAY, 7), arrived + timedelta(minutes=15))
    opened += timedelta(minutes=rng.randint(0, 25))
    closed = wib(VOTING_DAY, 13) + timedelta(minutes=rng.randint(0, 12))
    slower = 30 if poor else 0
    counted = closed + timedelta(minutes=round(rng.triangular(150, 480, 230)) + slower)
    escorted = counted + timedelta(minutes=rng.randint(20, 90))
    received = escorted + timedelta(minutes=rng.randint(30, 150) + 2 * slower)
    return [arrived, opened, closed, counted, escorted, received]


def _stalled(demo: Demo) -> dict[int, datetime]:
    """TPS id -> when its first open incident happened: it stops there."""
    return {
        tps_id: at
        for tps_id, at in demo.session.execute(
            select(Incident.tps_id, func.min(Incident.occurred_at))
            .join(IncidentStatus, IncidentStatus.id == Incident.status_id)
            .where(
                Incident.operation_id == demo.op_id,
                Incident.tps_id.is_not(None),
                IncidentStatus.is_closed.is_(False),
            )
            .group_by(Incident.tps_id)
        )
        if tps_id is not None
    }
