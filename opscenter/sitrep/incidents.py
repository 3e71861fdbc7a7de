"""The incident sections: the incidents of the period, the significant ones with their
follow-ups, the actions taken, and the statistics.

Incidents belong to the period by when they happened (``occurred_at`` in ``[from, to)``);
their status is the status now. Significant incidents are those of the two highest
severities or with casualties. Actions taken are the follow-ups written in the period.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, timedelta
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from opscenter.incident_log import incident_code
from opscenter.model import FollowUp, Incident
from opscenter.sitrep.content import ActionItem, Count, DayCount, FollowUpItem, IncidentItem
from opscenter.sitrep.lookups import Lookups
from opscenter.sitrep.period import Calendar

# How many significant incidents the body lists; the rest are in the incident annex.
SIGNIFICANT_LIMIT = 40


@dataclass(frozen=True, slots=True)
class PeriodIncidents:
    """The incidents that happened in the period, in time order."""

    rows: Sequence[Row[*tuple[Any, ...]]]  # id, type_id, severity_id, status_id, ...
    items: tuple[IncidentItem, ...]
    by_id: Mapping[int, IncidentItem]
    region_of: Mapping[int, int | None]  # incident id -> kabupaten/kota id
    significant_ids: Sequence[int]

    @property
    def open_significant(self) -> int:
        return sum(1 for i in self.significant_ids if not self.by_id[i].is_closed)


def incidents_in(session: Session, ref: Lookups, cal: Calendar) -> PeriodIncidents:
    """The incidents that happened in the period, each as the report shows it."""
    rows = session.execute(
        select(
            Incident.id,
            Incident.number,
            Incident.type_id,
            Incident.severity_id,
            Incident.status_id,
            Incident.occurred_at,
            Incident.region_id,
            Incident.location,
            Incident.title,
            Incident.description,
            Incident.dead,
            Incident.injured,
            Incident.latitude_e6,
            Incident.longitude_e6,
        )
        .where(
            Incident.operation_id == ref.operation_id,
            Incident.occurred_at >= cal.period_from.astimezone(UTC),
            Incident.occurred_at < cal.period_to.astimezone(UTC),
        )
        .order_by(Incident.occurred_at, Incident.number)
    ).all()
    top_rank = ref.top_rank
    significant_ids: list[int] = []
    by_id: dict[int, IncidentItem] = {}
    region_of: dict[int, int | None] = {}
    for r in rows:
        st = ref.status_by_id[r.status_id]
        rank = ref.severity_rank[r.severity_id]
        kab = ref.kabkota_of.get(r.region_id) if r.region_id is not None else None
        region_of[r.id] = kab
        item = IncidentItem(
            number=incident_code(r.number),
            occurred_at=r.occurred_at.astimezone(ref.zone),
            type=ref.name(ref.types[r.type_id]),
            severity=ref.name(ref.severities[rank - 1]),
            severity_rank=rank,
            status=ref.name(st),
            is_closed=st.is_closed,
            region=ref.kabkota_names[kab] if kab is not None else ref.no_region,
            location=r.location or "",
            title=r.title,
            description=r.description or "",
            dead=r.dead,
            injured=r.injured,
        )
        by_id[r.id] = item
        if item.severity_rank >= top_rank - 1 or r.dead or r.injured:
            significant_ids.append(r.id)
    return PeriodIncidents(
        rows, tuple(by_id[r.id] for r in rows), by_id, region_of, significant_ids
    )


def follow_ups(
    session: Session, ref: Lookups, found: PeriodIncidents, cal: Calendar
) -> tuple[tuple[IncidentItem, ...], tuple[ActionItem, ...]]:
    """The significant incidents the body lists, each with its follow-ups up to the end of
    the period; and the actions taken: every follow-up written in the period."""
    lo_utc, hi_utc = cal.period_from.astimezone(UTC), cal.period_to.astimezone(UTC)
    listed = found.significant_ids[:SIGNIFICANT_LIMIT]
    shown = set(listed)
    sig_follow: dict[int, list[FollowUpItem]] = defaultdict(list)
    actions: list[ActionItem] = []
    fu_rows = session.execute(
        select(
            FollowUp.incident_id,
            FollowUp.at,
            FollowUp.actor,
            FollowUp.text,
            FollowUp.status_id,
            FollowUp.unit_id,
            Incident.number,
            Incident.title,
        )
        .join(Incident, Incident.id == FollowUp.incident_id)
        .where(FollowUp.operation_id == ref.operation_id, FollowUp.at < hi_utc)
        .where((FollowUp.at >= lo_utc) | FollowUp.incident_id.in_(shown))
        .order_by(FollowUp.at, FollowUp.id)
    ).all()
    for f in fu_rows:
        st_name = ref.name(ref.status_by_id[f.status_id]) if f.status_id is not None else None
        unit = ref.unit_names.get(f.unit_id) if f.unit_id is not None else None
        at = f.at.astimezone(ref.zone)
        if f.incident_id in shown:
            sig_follow[f.incident_id].append(FollowUpItem(at, f.actor, f.text, st_name, unit))
        if f.at >= lo_utc:
            actions.append(
                ActionItem(at, incident_code(f.number), f.title, f.actor, f.text, st_name, unit)
            )
    significant = tuple(
        dataclasses.replace(found.by_id[i], follow_ups=tuple(sig_follow.get(i, ()))) for i in listed
    )
    return significant, tuple(actions)


@dataclass(frozen=True, slots=True)
class Statistics:
    """The statistics section; its fields are the ``Sitrep``'s of the same names."""

    incidents_total: int
    incidents_open: int
    dead: int
    injured: int
    by_type: tuple[Count, ...]  # only the types that occurred
    by_severity: tuple[Count, ...]
    by_region: tuple[Count, ...]  # by name; incidents without a region last
    by_status: tuple[Count, ...]
    per_day: tuple[DayCount, ...]  # every day of the period, empty ones too


def statistics(ref: Lookups, found: PeriodIncidents, cal: Calendar) -> Statistics:
    rows = found.rows
    by_type_n = Counter(r.type_id for r in rows)
    by_sev_n = Counter(r.severity_id for r in rows)
    by_status_n = Counter(r.status_id for r in rows)
    by_region_n = Counter(found.region_of[r.id] for r in rows)
    by_region = [Count(str(k), n, by_region_n[k]) for k, n in ref.kabkota_sorted()]
    if by_region_n[None]:
        by_region.append(Count("", ref.no_region, by_region_n[None]))
    days: Counter[date] = Counter(i.occurred_at.date() for i in found.items)
    per_day = []
    day = cal.period_from.date()
    while day <= cal.as_of_day:
        per_day.append(DayCount(day, days[day]))
        day += timedelta(days=1)
    items = found.items
    return Statistics(
        incidents_total=len(items),
        incidents_open=sum(1 for i in items if not i.is_closed),
        dead=sum(i.dead for i in items),
        injured=sum(i.injured for i in items),
        by_type=tuple(
            Count(t.code, ref.name(t), by_type_n[t.id])
            for t in ref.types.values()
            if by_type_n[t.id]
        ),
        by_severity=tuple(Count(s.code, ref.name(s), by_sev_n[s.id]) for s in ref.severities),
        by_region=tuple(by_region),
        by_status=tuple(Count(s.code, ref.name(s), by_status_n[s.id]) for s in ref.statuses),
        per_day=tuple(per_day),
    )
