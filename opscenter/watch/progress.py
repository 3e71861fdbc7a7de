"""The watch as everyone reads it: the panel, its wall page, the map, the situation report
and the command line.

For every TPS of the operation, the furthest step it has reached: a TPS that reports
counting finished has evidently had its guards and its voting, so it counts at every step
before too (``reached``). Per Polres and per kecamatan: how many TPS, how many reached each
step, how many are disturbed and how many overdue.

A TPS is overdue at a step with a deadline when voting day's midnight in the operation's
zone plus the deadline has passed and the TPS has not reached the step; it is listed once,
at its first such step (no arrival by 06:00 says more than no count by 20:00). It is
disturbed while an incident linked to it is open (``opscenter.incidents``), and lists those
incidents' numbers.

The Polres of a TPS is the Polres of its guarding unit, else of the Polsek whose area covers
its kecamatan (as the plotting groups them).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from opscenter import clock
from opscenter.model import (
    Incident,
    IncidentStatus,
    PollingStation,
    Region,
    TpsWatch,
    Unit,
    tps_label,
)
from opscenter.operations import stages, timezone_of, voting_day
from opscenter.plotting.pools import unit_tree
from opscenter.watch.steps import Step, steps

# Journal entities that move ``watch``: a report, the steps, an incident opened or closed, the
# TPS, the units and their areas (a TPS's Polres), the regions, voting day (the stages).
ENTITIES = (
    "tps_watch",
    "watch_step",
    "incident",
    "polling_station",
    "unit",
    "unit_area",
    "region",
    "stage",
    "operation",
)


@dataclass(frozen=True, slots=True)
class Area:
    """A Polres or a kecamatan: its TPS, how many reached each step, disturbed, overdue."""

    id: int  # the Polres's unit id, or the kecamatan's region id
    name: str
    polres_id: int | None  # a kecamatan's Polres (a Polres: itself)
    total: int
    reached: tuple[int, ...]  # per step, in the steps' order
    disturbed: int
    overdue: int

    def share(self, index: int) -> float:
        return self.reached[index] / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class Late:
    """An overdue TPS, at its first step past its deadline."""

    tps_id: int
    label: str  # "TPS 003 Siulak Deras"
    kecamatan: str
    polres: str
    step: Step
    due: datetime


@dataclass(frozen=True, slots=True)
class Watch:
    steps: tuple[Step, ...]
    zone: str
    day: date | None  # voting day; None when the operation has none (no deadlines)
    now: datetime
    polres: tuple[Area, ...]  # by name
    kecamatan: tuple[Area, ...]  # by Polres, then name
    overdue: tuple[Late, ...]  # by deadline, Polres, kecamatan, TPS
    disturbed: Mapping[int, tuple[int, ...]]  # TPS id -> its open incidents' numbers
    total: int
    reached: tuple[int, ...]

    def due(self, step: Step) -> datetime | None:
        return deadline(self.day, self.zone, step)

    @property
    def whole(self) -> Area:
        """Every TPS of the operation as one area: the total row of the watch tab, of
        ``opscenter watch`` and of the situation report (id 0, no name: each names it)."""
        return Area(0, "", None, self.total, self.reached, len(self.disturbed), len(self.overdue))


def deadline(day: date | None, zone: str, step: Step) -> datetime | None:
    """When a TPS must have reached ``step``: voting day's local midnight plus its minutes."""
    if day is None or step.due_minutes is None:
        return None
    start = datetime.combine(day, time(0), tzinfo=ZoneInfo(zone))
    return start + timedelta(minutes=step.due_minutes)


@dataclass(frozen=True, slots=True)
class _Tps:
    id: int
    label: str
    kecamatan_id: int
    polres_id: int | None


def watch(
    session: Session,
    operation_id: int,
    now: datetime | None = None,
    *,
    until: datetime | None = None,
) -> Watch:
    """The whole watch at ``now`` (default: the operation's present). With ``until`` (a
    situation report's cut-off), only what stood by then: steps reached later and incidents
    that happened later or were closed by then are left out."""
    now = now or clock.now()
    zone = timezone_of(session, operation_id)
    all_steps = steps(session, operation_id)
    day = voting_day(stages(session, operation_id))
    tree = unit_tree(session, operation_id)
    desa = aliased(Region)
    tps: list[_Tps] = []
    for tps_id, number, unit_id, desa_name, kec_id in session.execute(
        select(
            PollingStation.id,
            PollingStation.number,
            PollingStation.unit_id,
            desa.name,
            desa.parent_id,
        )
        .join(desa, desa.id == PollingStation.region_id)
        .where(PollingStation.operation_id == operation_id)
    ):
        if kec_id is None:
            continue
        guard = unit_id if unit_id is not None else tree.polsek_of.get(int(kec_id))
        tps.append(_Tps(int(tps_id), tps_label(number, desa_name), int(kec_id), tree.polres(guard)))
    furthest = furthest_steps(session, operation_id, until)
    disturbed = disturbed_tps(session, operation_id, until)
    deadlines = [(st, deadline(day, zone, st)) for st in all_steps]
    passed = [(st, due) for st, due in deadlines if due is not None and due <= now]
    names = _names(session, operation_id)
    n = len(all_steps)
    counts: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0] * (n + 3))
    late: list[Late] = []
    total_reached = [0] * n
    for t in tps:
        far = furthest.get(t.id, -1)
        first_late = next(((st, due) for st, due in passed if far < st.index), None)
        keys = [("k", t.kecamatan_id)]
        if t.polres_id is not None:
            keys.append(("p", t.polres_id))
        for key in keys:
            row = counts[key]
            row[n] += 1
            for i in range(far + 1):
                row[i] += 1
            row[n + 1] += t.id in disturbed
            row[n + 2] += first_late is not None
        for i in range(far + 1):
            total_reached[i] += 1
        if first_late is not None:
            st, due = first_late
            late.append(
                Late(
                    t.id,
                    t.label,
                    names["r"].get(t.kecamatan_id, ""),
                    names["u"].get(t.polres_id, "") if t.polres_id is not None else "",
                    st,
                    due,
                )
            )
    polres_of_kec = {t.kecamatan_id: t.polres_id for t in tps}

    def area(kind: str, key: int, polres_id: int | None) -> Area:
        row = counts[(kind, key)]
        name = names["u" if kind == "p" else "r"].get(key, "")
        return Area(key, name, polres_id, row[n], tuple(row[:n]), row[n + 1], row[n + 2])

    polres = tuple(
        sorted((area("p", key, key) for kind, key in counts if kind == "p"), key=lambda a: a.name)
    )
    order = {a.id: i for i, a in enumerate(polres)}
    kecamatan = tuple(
        sorted(
            (area("k", key, polres_of_kec.get(key)) for kind, key in counts if kind == "k"),
            key=lambda a: (order.get(a.polres_id or 0, len(order)), a.name),
        )
    )
    late.sort(key=lambda x: (x.due, x.polres, x.kecamatan, x.label))
    return Watch(
        all_steps,
        zone,
        day,
        now,
        polres,
        kecamatan,
        tuple(late),
        disturbed,
        len(tps),
        tuple(total_reached),
    )


def furthest_steps(
    session: Session, operation_id: int, until: datetime | None = None
) -> dict[int, int]:
    """TPS id -> the index of the furthest step it has reached (by ``until``; absent: none)."""
    index = {st.id: st.index for st in steps(session, operation_id)}
    out: dict[int, int] = {}
    query = select(TpsWatch.tps_id, TpsWatch.step_id).where(TpsWatch.operation_id == operation_id)
    if until is not None:
        query = query.where(TpsWatch.at <= until)
    for tps_id, step_id in session.execute(query):
        i = index.get(int(step_id))
        if i is not None and i > out.get(int(tps_id), -1):
            out[int(tps_id)] = i
    return out


def disturbed_tps(
    session: Session, operation_id: int, until: datetime | None = None
) -> dict[int, tuple[int, ...]]:
    """TPS id -> the numbers of the open incidents linked to it (with ``until``: those that
    had happened and were not closed by then)."""
    out: dict[int, list[int]] = defaultdict(list)
    query = select(Incident.tps_id, Incident.number).where(
        Incident.operation_id == operation_id, Incident.tps_id.is_not(None)
    )
    if until is None:
        query = query.join(IncidentStatus, IncidentStatus.id == Incident.status_id).where(
            IncidentStatus.is_closed.is_(False)
        )
    else:
        query = query.where(
            Incident.occurred_at <= until,
            or_(Incident.closed_at.is_(None), Incident.closed_at > until),
        )
    for tps_id, number in session.execute(query.order_by(Incident.number)):
        if tps_id is not None:
            out[int(tps_id)].append(int(number))
    return {k: tuple(v) for k, v in out.items()}


def _names(session: Session, operation_id: int) -> dict[str, dict[int, str]]:
    """Unit and kecamatan names by id: "u" and "r"."""
    units = select(Unit.id, Unit.name).where(Unit.operation_id == operation_id)
    kec = select(Region.id, Region.name).where(
        Region.operation_id == operation_id, Region.level == "kecamatan"
    )
    return {
        "u": {int(i): str(n) for i, n in session.execute(units)},
        "r": {int(i): str(n) for i, n in session.execute(kec)},
    }


@dataclass(frozen=True, slots=True)
class TpsLine:
    """One TPS of a kecamatan as the panel's detail lists it."""

    id: int
    label: str
    times: tuple[datetime | None, ...]  # per step
    incidents: tuple[int, ...]  # open incidents' numbers: disturbed when any
    late: Step | None


def tps_lines(
    session: Session, operation_id: int, kecamatan_id: int, now: datetime | None = None
) -> tuple[TpsLine, ...]:
    """The TPS of a kecamatan, by desa and number, each with its step times."""
    now = now or clock.now()
    zone = timezone_of(session, operation_id)
    all_steps = steps(session, operation_id)
    day = voting_day(stages(session, operation_id))
    desa = aliased(Region)
    rows = session.execute(
        select(PollingStation.id, PollingStation.number, desa.name)
        .join(desa, desa.id == PollingStation.region_id)
        .where(PollingStation.operation_id == operation_id, desa.parent_id == kecamatan_id)
        .order_by(desa.name, PollingStation.number)
    ).all()
    ids = [int(r[0]) for r in rows]
    times: dict[int, dict[int, datetime]] = defaultdict(dict)
    if ids:
        for tps_id, step_id, at in session.execute(
            select(TpsWatch.tps_id, TpsWatch.step_id, TpsWatch.at).where(
                TpsWatch.operation_id == operation_id, TpsWatch.tps_id.in_(ids)
            )
        ):
            times[int(tps_id)][int(step_id)] = at
    disturbed = disturbed_tps(session, operation_id)
    passed = [st for st in all_steps if (d := deadline(day, zone, st)) is not None and d <= now]
    out = []
    for tps_id, number, desa_name in rows:
        held = times.get(int(tps_id), {})
        far = max((st.index for st in all_steps if st.id in held), default=-1)
        out.append(
            TpsLine(
                int(tps_id),
                tps_label(number, desa_name),
                tuple(held.get(st.id) for st in all_steps),
                disturbed.get(int(tps_id), ()),
                next((st for st in passed if far < st.index), None),
            )
        )
    return tuple(out)
