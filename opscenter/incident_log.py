"""The incident log as plain rows: what the incidents list, its timeline and reports read.

One query per view, never ORM objects: rows are frozen dataclasses with the names and
colours already resolved, and times both in UTC and in the operation's zone (WIB for
Jambi). ``query`` answers a filter (stage, region, type, severity, status, text);
passing ``ids`` narrows it to the incidents a live change touched, so a view re-reads
only those and learns which of them still match its filter.

Names from the reference lists (types, severities, statuses, stages) come in the language
asked for (``lang``); names people typed (regions, units, places) stay as typed. The pick
lists of the incident form and the filter bar are ``opscenter.incident_choices``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, false, func, or_, select
from sqlalchemy.orm import Session, aliased

from opscenter.model import (
    FollowUp,
    Incident,
    IncidentStatus,
    IncidentType,
    IncidentUnit,
    JournalEntry,
    PollingStation,
    Region,
    Severity,
    Stage,
    Unit,
)
from opscenter.operations import timezone_of
from opscenter.reference import label

# Bound parameters per IN list: well under SQLite's limit, cheap on PostgreSQL.
CHUNK = 500


def incident_code(number: int) -> str:
    """How an incident is named on screen and on paper: KEJ-0042."""
    return f"KEJ-{number:04d}"


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    """What the operator asked to see. None (or "") means "any"."""

    stage_id: int | None = None
    # A region and everything under it: a kabupaten includes its kecamatan.
    region_id: int | None = None
    type_id: int | None = None
    severity_id: int | None = None
    status_id: int | None = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class IncidentRow:
    id: int
    number: int
    version: int
    type_id: int
    type_name: str
    type_category: str
    severity_id: int
    severity_name: str
    severity_colour: str
    severity_rank: int  # the scale's ordinal, low to high
    status_id: int
    status_code: str
    status_name: str
    is_closed: bool
    occurred_at: datetime  # UTC
    occurred_local: datetime  # in the operation's zone
    recorded_at: datetime
    recorded_local: datetime
    recorded_by: str
    region_id: int | None
    region_name: str
    # The kabupaten/kota the place lies in: the timeline's lane.
    area_id: int | None
    area_name: str
    tps_id: int | None
    tps_label: str
    location: str
    title: str
    description: str
    dead: int
    injured: int
    damage: str
    closed_at: datetime | None
    unit_ids: tuple[int, ...]
    unit_names: tuple[str, ...]
    follow_up_count: int
    # Where it happened, in micro-degrees (``opscenter.incidents.degrees`` reads them); both
    # or neither: without them the map places it at its region.
    latitude_e6: int | None = None
    longitude_e6: int | None = None

    @property
    def code(self) -> str:
        return incident_code(self.number)

    @property
    def order_key(self) -> tuple[float, int]:
        """Newest first: the order of the list, so a new row can be put where it belongs."""
        return (-self.occurred_at.timestamp(), -self.id)


@dataclass(frozen=True, slots=True)
class FollowUpRow:
    id: int
    at: datetime
    at_local: datetime
    actor: str
    text: str
    status_name: str | None
    unit_name: str | None


# --- regions -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RegionInfo:
    id: int
    parent_id: int | None
    level: str
    name: str


def region_tree(session: Session, operation_id: int) -> dict[int, RegionInfo]:
    """The operation's regions by id, as the log's filter and the pick lists walk them."""
    stmt = select(Region.id, Region.parent_id, Region.level, Region.name).where(
        Region.operation_id == operation_id
    )
    return {r.id: RegionInfo(r.id, r.parent_id, r.level, r.name) for r in session.execute(stmt)}


def _area(regions: dict[int, RegionInfo], region_id: int | None) -> RegionInfo | None:
    """The kabupaten/kota a region lies in (itself for a kabupaten; a province stays)."""
    info = regions.get(region_id) if region_id is not None else None
    while info is not None and info.level in ("kecamatan", "desa") and info.parent_id:
        parent = regions.get(info.parent_id)
        if parent is None:
            break
        info = parent
    return info


def descendants(regions: dict[int, RegionInfo], root: int) -> set[int]:
    """A region and every region under it (a kabupaten's kecamatan and their desa)."""
    children: dict[int, list[int]] = {}
    for r in regions.values():
        if r.parent_id is not None:
            children.setdefault(r.parent_id, []).append(r.id)
    out, todo = {root}, [root]
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in out:
                out.add(child)
                todo.append(child)
    return out


# --- the query -----------------------------------------------------------------------------


def stage_window(stage: Stage, zone: ZoneInfo) -> tuple[datetime, datetime | None] | None:
    """A stage's dates as a UTC half-open interval [start, end) in the operation's zone.

    None when the stage has no start date yet (it depends on a court ruling): no incident
    can fall in it.
    """
    if stage.starts_on is None:
        return None
    start = _local_midnight(stage.starts_on, zone)
    end = _local_midnight(stage.ends_on + timedelta(days=1), zone) if stage.ends_on else None
    return start, end


def _local_midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), zone).astimezone(UTC)


def _conditions(
    session: Session,
    operation_id: int,
    flt: IncidentFilter,
    zone: ZoneInfo,
    regions: dict[int, RegionInfo],
) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [Incident.operation_id == operation_id]
    if flt.stage_id is not None:
        stage = session.get(Stage, flt.stage_id)
        window = stage_window(stage, zone) if stage is not None else None
        if window is None:
            return [false()]
        where.append(Incident.occurred_at >= window[0])
        if window[1] is not None:
            where.append(Incident.occurred_at < window[1])
    if flt.region_id is not None:
        where.append(Incident.region_id.in_(sorted(descendants(regions, flt.region_id))))
    if flt.type_id is not None:
        where.append(Incident.type_id == flt.type_id)
    if flt.severity_id is not None:
        where.append(Incident.severity_id == flt.severity_id)
    if flt.status_id is not None:
        where.append(Incident.status_id == flt.status_id)
    text = flt.text.strip()
    if text:
        where.append(
            or_(
                Incident.title.icontains(text, autoescape=True),
                Incident.description.icontains(text, autoescape=True),
                func.coalesce(Incident.location, "").icontains(text, autoescape=True),
            )
        )
    return where


def operation_zone(session: Session, operation_id: int) -> ZoneInfo:
    return ZoneInfo(timezone_of(session, operation_id))


@dataclass(frozen=True, slots=True)
class LogContext:
    """What every row needs besides its incident: the zone, regions and reference lists.

    Read once and handed back to ``query`` by a view that re-reads a few rows at a time
    (a live update), so each update does not read the region tree again. Stale after a
    change to regions or reference lists: build a new one then. The reference names are
    in the language it was built for.
    """

    operation_id: int
    zone: ZoneInfo
    regions: dict[int, RegionInfo]
    types: dict[int, tuple[str, str]]  # id -> (name, category)
    severities: dict[int, tuple[str, str, int]]  # id -> (name, colour, ordinal)
    statuses: dict[int, tuple[str, str, bool]]  # id -> (code, name, is_closed)


def log_context(session: Session, operation_id: int, *, lang: str = "id") -> LogContext:
    op = operation_id
    return LogContext(
        operation_id=op,
        zone=operation_zone(session, op),
        regions=region_tree(session, op),
        types={
            i: (label(n, e, lang), c)
            for i, n, e, c in session.execute(
                select(
                    IncidentType.id, IncidentType.name, IncidentType.name_en, IncidentType.category
                ).where(IncidentType.operation_id == op)
            )
        },
        severities={
            i: (label(n, e, lang), c, int(o))
            for i, n, e, c, o in session.execute(
                select(
                    Severity.id, Severity.name, Severity.name_en, Severity.colour, Severity.ordinal
                ).where(Severity.operation_id == op)
            )
        },
        statuses={
            i: (c, label(n, e, lang), bool(x))
            for i, c, n, e, x in session.execute(
                select(
                    IncidentStatus.id,
                    IncidentStatus.code,
                    IncidentStatus.name,
                    IncidentStatus.name_en,
                    IncidentStatus.is_closed,
                ).where(IncidentStatus.operation_id == op)
            )
        },
    )


def query(
    session: Session,
    operation_id: int,
    flt: IncidentFilter | None = None,
    *,
    ids: Collection[int] | None = None,
    context: LogContext | None = None,
    lang: str = "id",
) -> list[IncidentRow]:
    """The operation's incidents that match ``flt``, newest first.

    With ``ids``, only those incidents (the ones a change touched): an id missing from the
    answer is gone or no longer matches. ``context`` saves re-reading the reference lists
    (its names are in the language it was built for); without it, names are in ``lang``.
    """
    flt = flt or IncidentFilter()
    if context is None or context.operation_id != operation_id:
        context = log_context(session, operation_id, lang=lang)
    where = _conditions(session, operation_id, flt, context.zone, context.regions)
    if ids is None:
        return _load(session, where, context)
    rows: list[IncidentRow] = []
    wanted = sorted(set(ids))
    for i in range(0, len(wanted), CHUNK):
        chunk = wanted[i : i + CHUNK]
        rows.extend(_load(session, [*where, Incident.id.in_(chunk)], context))
    rows.sort(key=lambda r: r.order_key)
    return rows


def rows_by_id(session: Session, ids: Iterable[int], *, lang: str = "id") -> list[IncidentRow]:
    """These incidents (any filter), newest first; ids that do not exist are left out."""
    wanted = sorted(set(ids))
    if not wanted:
        return []
    by_op: dict[int, list[int]] = {}
    for i in range(0, len(wanted), CHUNK):
        chunk = wanted[i : i + CHUNK]
        stmt = select(Incident.id, Incident.operation_id).where(Incident.id.in_(chunk))
        for incident_id, op_id in session.execute(stmt):
            by_op.setdefault(op_id, []).append(incident_id)
    rows: list[IncidentRow] = []
    for op_id, op_ids in by_op.items():
        rows.extend(query(session, op_id, ids=op_ids, lang=lang))
    rows.sort(key=lambda r: r.order_key)
    return rows


def _load(
    session: Session, where: Sequence[ColumnElement[bool]], context: LogContext
) -> list[IncidentRow]:
    zone, regions = context.zone, context.regions
    matching = select(Incident.id).where(*where)
    units: dict[int, list[tuple[int, str]]] = {}
    unit_stmt = (
        select(IncidentUnit.incident_id, Unit.id, Unit.name)
        .join(Unit, Unit.id == IncidentUnit.unit_id)
        .where(IncidentUnit.incident_id.in_(matching))
        .order_by(IncidentUnit.incident_id, IncidentUnit.id)
    )
    for incident_id, unit_id, name in session.execute(unit_stmt):
        units.setdefault(incident_id, []).append((unit_id, name))
    count_stmt = (
        select(FollowUp.incident_id, func.count())
        .where(FollowUp.incident_id.in_(matching))
        .group_by(FollowUp.incident_id)
    )
    counts: dict[int, int] = {i: int(n) for i, n in session.execute(count_stmt)}

    # Reference lists are short: looked up in dicts rather than joined to every row.
    types, severities, statuses = context.types, context.severities, context.statuses
    tps_region = aliased(Region)
    # Columns, not ORM entities: five times faster at 20,000 rows, and the UtcDateTime
    # type still turns the stored times into aware UTC datetimes.
    stmt = (
        select(
            *(c for c in Incident.__table__.columns),
            PollingStation.number.label("tps_number"),
            tps_region.name.label("desa"),
        )
        .outerjoin(PollingStation, PollingStation.id == Incident.tps_id)
        .outerjoin(tps_region, tps_region.id == PollingStation.region_id)
        .where(and_(*where))
        .order_by(Incident.occurred_at.desc(), Incident.id.desc())
    )
    out: list[IncidentRow] = []
    for inc in session.connection().execute(stmt):
        t_name, t_category = types[inc.type_id]
        s_name, s_colour, s_rank = severities[inc.severity_id]
        st_code, st_name, st_closed = statuses[inc.status_id]
        region = regions.get(inc.region_id) if inc.region_id is not None else None
        area = _area(regions, inc.region_id)
        unit_list = units.get(inc.id, [])
        tps_no = inc.tps_number
        out.append(
            IncidentRow(
                id=inc.id,
                number=inc.number,
                version=inc.version,
                type_id=inc.type_id,
                type_name=t_name,
                type_category=t_category,
                severity_id=inc.severity_id,
                severity_name=s_name,
                severity_colour=s_colour,
                severity_rank=s_rank,
                status_id=inc.status_id,
                status_code=st_code,
                status_name=st_name,
                is_closed=st_closed,
                occurred_at=inc.occurred_at,
                occurred_local=inc.occurred_at.astimezone(zone),
                recorded_at=inc.recorded_at,
                recorded_local=inc.recorded_at.astimezone(zone),
                recorded_by=inc.recorded_by,
                region_id=inc.region_id,
                region_name=region.name if region else "",
                area_id=area.id if area else None,
                area_name=area.name if area else "",
                tps_id=inc.tps_id,
                tps_label=f"TPS {tps_no:03d} {inc.desa or ''}".strip()
                if tps_no is not None
                else "",
                location=inc.location or "",
                title=inc.title,
                description=inc.description or "",
                dead=inc.dead,
                injured=inc.injured,
                damage=inc.damage or "",
                closed_at=inc.closed_at,
                unit_ids=tuple(u for u, _ in unit_list),
                unit_names=tuple(n for _, n in unit_list),
                follow_up_count=counts.get(inc.id, 0),
                latitude_e6=inc.latitude_e6,
                longitude_e6=inc.longitude_e6,
            )
        )
    return out


# --- follow-ups and the incidents a change touched -------------------------------------------


def follow_ups(session: Session, incident_id: int, *, lang: str = "id") -> list[FollowUpRow]:
    """An incident's timeline, oldest first; status names in ``lang``."""
    op_id = session.scalar(select(Incident.operation_id).where(Incident.id == incident_id))
    if op_id is None:
        return []
    zone = operation_zone(session, op_id)
    stmt = (
        select(
            FollowUp.id,
            FollowUp.at,
            FollowUp.actor,
            FollowUp.text,
            IncidentStatus.name,
            IncidentStatus.name_en,
            Unit.name,
        )
        .outerjoin(IncidentStatus, IncidentStatus.id == FollowUp.status_id)
        .outerjoin(Unit, Unit.id == FollowUp.unit_id)
        .where(FollowUp.incident_id == incident_id)
        .order_by(FollowUp.at, FollowUp.id)
    )
    return [
        FollowUpRow(
            fid,
            at,
            at.astimezone(zone),
            actor,
            text,
            None if status is None else label(status, status_en, lang),
            unit,
        )
        for fid, at, actor, text, status, status_en, unit in session.execute(stmt)
    ]


def affected_incidents(
    session: Session,
    incident_ids: Collection[int] = (),
    follow_up_ids: Collection[int] = (),
    incident_unit_ids: Collection[int] = (),
) -> set[int]:
    """The incidents a journal change set touched, through their follow-ups and units too.

    A removed responding unit's row is gone from its table; the journal's delete entry
    still names its incident.
    """
    out = set(incident_ids)
    for model, wanted in ((FollowUp, follow_up_ids), (IncidentUnit, incident_unit_ids)):
        ids = sorted(set(wanted))
        found: set[int] = set()
        for i in range(0, len(ids), CHUNK):
            chunk = ids[i : i + CHUNK]
            for row_id, incident_id in session.execute(
                select(model.id, model.incident_id).where(model.id.in_(chunk))
            ):
                found.add(row_id)
                out.add(incident_id)
        missing = [i for i in ids if i not in found]
        for i in range(0, len(missing), CHUNK):
            stmt = select(JournalEntry.changes).where(
                JournalEntry.entity == model.__tablename__,
                JournalEntry.entity_id.in_(missing[i : i + CHUNK]),
            )
            for changes in session.scalars(stmt):
                value = changes.get("incident_id") if isinstance(changes, dict) else None
                if isinstance(value, int):
                    out.add(value)
    return out
