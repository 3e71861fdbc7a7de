"""The situation report's TPS watch section (pemantauan TPS), for a report whose period
touches voting day or holds records of the watch.

The watch is read once (``opscenter.watch.progress.watch``) at the report's cut-off, with
only what stood by then: steps reached later, and incidents that happened later or were
closed by then, are left out, so a report made the next day for the day before tells the
day before. Per Polres: its TPS and how many reached each step, how many are disturbed and
how many overdue, with the total; the first ``OVERDUE_SHOWN`` overdue TPS with their step
and deadline (the rest counted); every disturbed TPS with its open incidents' numbers.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from opscenter import operations
from opscenter.incident_log import incident_code
from opscenter.model import PollingStation, TpsWatch
from opscenter.sitrep.content import WatchDisturbed, WatchLate, WatchRow, WatchSummary
from opscenter.sitrep.period import Calendar
from opscenter.watch.entry import TpsRef, tps_refs
from opscenter.watch.progress import Area, watch

# Overdue TPS listed by name; the rest are counted ("dan N lainnya").
OVERDUE_SHOWN = 20


def watch_summary(
    session: Session, operation_id: int, cal: Calendar, lang: str
) -> WatchSummary | None:
    """The section, or None when the period neither touches voting day nor holds a record
    of the watch, or the operation has no TPS."""
    lo, hi = cal.period_from, cal.period_to
    day = operations.voting_day(cal.stages)
    touches = False
    if day is not None:
        start = datetime.combine(day, time(0), tzinfo=lo.tzinfo)
        touches = lo < start + timedelta(days=1) and start < hi
    if not touches and not session.scalar(
        select(
            exists().where(
                TpsWatch.operation_id == operation_id, TpsWatch.at > lo, TpsWatch.at <= hi
            )
        )
    ):
        return None
    w = watch(session, operation_id, now=hi, until=hi)
    if not w.total:
        return None
    polres_name = {a.id: a.name for a in w.polres}
    kecamatan = {a.id: a for a in w.kecamatan}
    disturbed: list[WatchDisturbed] = []
    for ref in _tps(session, operation_id, list(w.disturbed)):
        area = kecamatan.get(ref.kecamatan_id or 0)
        disturbed.append(
            WatchDisturbed(
                ref.label,
                area.name if area else "",
                polres_name.get(area.polres_id or 0, "") if area else "",
                tuple(incident_code(n) for n in w.disturbed[ref.id]),
            )
        )
    disturbed.sort(key=lambda d: (d.polres, d.kecamatan, d.tps))
    return WatchSummary(
        as_of=hi,
        steps=tuple(st.label(lang) for st in w.steps),
        polres=tuple(_row(a) for a in w.polres),
        total=_row(w.whole),
        overdue=tuple(
            WatchLate(
                x.label, x.kecamatan, x.polres, x.step.label(lang), x.due.astimezone(hi.tzinfo)
            )
            for x in w.overdue[:OVERDUE_SHOWN]
        ),
        overdue_total=len(w.overdue),
        disturbed=tuple(disturbed),
    )


def _row(a: Area) -> WatchRow:
    return WatchRow(a.name, a.total, a.reached, a.disturbed, a.overdue)


def _tps(session: Session, operation_id: int, ids: list[int]) -> list[TpsRef]:
    """The TPS of ``ids`` (few: the disturbed ones) with their labels and kecamatan."""
    if not ids:
        return []
    return tps_refs(session, operation_id, PollingStation.id.in_(ids))
