"""The situation report (laporan situasi): a plain snapshot of an operation over a period.

``assemble`` reads the database once and returns a ``Sitrep``: frozen dataclasses of
plain values (no ORM objects), safe to hand to another thread and to ``reports/``, which
prints it. Sentences are left to the renderer; the core gives codes and figures.

Rules that shape the content (DOMAIN.md, "Situation reports"):

* The default period is the 24 hours up to the operation's daily cut-off hour, in its
  time zone (the last cut-off at or before ``now``).
* Incidents belong to the period by when they happened (``occurred_at`` in
  ``[from, to)``); their status is the status now. Actions taken are the follow-ups
  written in the period.
* Strength is computed for the stage in force at the end of the period (voting day
  before the stages begin), with the BKO in force for that stage.
* Significant incidents are those of the two highest severities or with casualties.
* The assessment is red for an incident of the highest severity, a death, or a police
  deficit over 10% of the requirement; amber for a serious incident, any deficit or a
  region rated highest on security for the stage; green otherwise.
* The fingerprint is the SHA-256 of a canonical serialisation of the content, without
  the report number and the time it was generated: the same data and period give the
  same fingerprint.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter import clock, operations
from opscenter.actor import Actor
from opscenter.errors import InvalidValue, OpsError
from opscenter.model import (
    Aspect,
    FollowUp,
    Incident,
    IncidentStatus,
    IncidentType,
    Operation,
    Region,
    Severity,
    Stage,
    TpsCategory,
    Unit,
    UnitStatus,
    VulnerabilityLevel,
    VulnerabilityRating,
)
from opscenter.permissions import require
from opscenter.private_files import private_file
from opscenter.reference import label
from opscenter.store import Store, version_watch
from opscenter.strength import compute, group_need, load_inputs

CLASSIFICATIONS = ("SANGAT RAHASIA", "RAHASIA", "TERBATAS", "BIASA")
ASSESSMENT_LEVELS = ("green", "amber", "red")
SECTIONS = (
    "assessment",
    "aspects",
    "statistics",
    "charts",
    "significant",
    "strength",
    "vulnerability",
    "actions",
    "outlook",
    "annex_units",
    "annex_incidents",
)
# How many significant incidents the body lists; the rest are in the incident annex.
SIGNIFICANT_LIMIT = 40
# Share of required police missing across the Polres that makes the assessment red.
RED_DEFICIT_PCT = 10
OUTLOOK_HOURS = 72
ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")

# Typical threats per stage (DOMAIN.md, "The election stages"), as incident type codes.
STAGE_THREATS: Mapping[str, tuple[str, ...]] = {
    "pendaftaran": ("bentrokan", "unjuk-rasa"),
    "penetapan-paslon": ("unjuk-rasa", "bentrokan"),
    "kampanye": ("bentrokan", "politik-uang", "hoaks-sara"),
    "masa-tenang": ("politik-uang", "kampanye-ilegal", "hoaks-sara"),
    "pemungutan": ("logistik", "netralitas", "intimidasi"),
    "rekapitulasi": ("unjuk-rasa", "bentrokan", "sengketa-psu"),
    "penetapan-terpilih": ("unjuk-rasa", "sengketa-psu"),
    "sengketa-mk": ("unjuk-rasa", "sengketa-psu"),
    "pelantikan": ("unjuk-rasa", "ancaman-teror"),
}
# Which aspect an incident type bears on. Types are editable: unknown codes fall back to
# their disturbance category (violations are political, everything else security).
TYPE_ASPECT: Mapping[str, str] = {
    "politik-uang": "politik",
    "netralitas": "politik",
    "kampanye-ilegal": "politik",
    "sengketa-psu": "politik",
    "unjuk-rasa": "politik",
    "hoaks-sara": "sosbud",
    "padam": "ekonomi",
    "logistik": "ekonomi",
}
CATEGORY_ASPECT: Mapping[str, str] = {"pelanggaran": "politik"}


# --- errors ---------------------------------------------------------------------------------


class SitrepFolderMissing(OpsError):
    """The folder the report should be written to does not exist. data: path."""

    code = "sitrep.folder_missing"


class SitrepNotWritable(OpsError):
    """The report file cannot be written there. data: path, detail."""

    code = "sitrep.not_writable"


# --- the snapshot ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StageRef:
    code: str
    name: str
    starts_on: date | None
    ends_on: date | None


@dataclass(frozen=True, slots=True)
class Count:
    """A label and a number: one row of a statistic."""

    key: str
    name: str
    n: int


@dataclass(frozen=True, slots=True)
class DayCount:
    day: date
    n: int


@dataclass(frozen=True, slots=True)
class Signatory:
    title: str
    name: str
    rank: str  # in full: "KOMISARIS BESAR POLISI"
    nrp: str
    on_behalf_of: str | None = None  # "KEPALA KEPOLISIAN DAERAH JAMBI" when "a.n."


@dataclass(frozen=True, slots=True)
class Reason:
    """Why the assessment is what it is: a code, a figure and the names it concerns."""

    code: str
    n: int
    names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Assessment:
    level: str  # green, amber, red
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class AspectSituation:
    code: str
    name: str
    # Regions per vulnerability level for the current stage, low to high.
    levels: tuple[Count, ...]
    # Regions rated at the top level for the current stage.
    high_regions: tuple[str, ...]
    incidents: int
    top_types: tuple[Count, ...]


@dataclass(frozen=True, slots=True)
class FollowUpItem:
    at: datetime
    actor: str
    text: str
    status: str | None
    unit: str | None


@dataclass(frozen=True, slots=True)
class IncidentItem:
    number: str  # KEJ-0042
    occurred_at: datetime
    type: str
    severity: str
    severity_rank: int  # 1 = lowest
    status: str
    is_closed: bool
    region: str  # kabupaten/kota
    location: str
    title: str
    description: str
    dead: int
    injured: int
    follow_ups: tuple[FollowUpItem, ...] = ()


@dataclass(frozen=True, slots=True)
class ActionItem:
    at: datetime
    incident: str  # KEJ-0042
    incident_title: str
    actor: str
    text: str
    status: str | None
    unit: str | None


@dataclass(frozen=True, slots=True)
class UnitStrength:
    name: str
    kind: str
    tps: int
    required: int
    assigned: int
    bko_in: int
    bko_out: int

    @property
    def available(self) -> int:
        return self.assigned + self.bko_in - self.bko_out

    @property
    def balance(self) -> int:
        return self.available - self.required

    @property
    def deficit(self) -> int:
        return max(0, self.required - self.available)


@dataclass(frozen=True, slots=True)
class TpsCoverage:
    code: str
    name: str
    pattern: str  # "2-8-16"
    tps: int
    guarded: int
    police_required: int
    linmas_required: int


@dataclass(frozen=True, slots=True)
class VulnerabilityRow:
    region: str
    levels: tuple[str, ...]  # level name per aspect ("" where not rated)
    ranks: tuple[int, ...]  # level ordinal per aspect (0 where not rated)


@dataclass(frozen=True, slots=True)
class VulnerabilityTable:
    stage: StageRef
    aspects: tuple[str, ...]
    level_names: tuple[str, ...]  # low to high
    rows: tuple[VulnerabilityRow, ...]


@dataclass(frozen=True, slots=True)
class OutlookItem:
    stage: StageRef
    threats: tuple[str, ...]  # incident type names
    high_regions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Recommendation:
    code: str  # reinforce, watch_regions, close_incidents, keep_posture
    subject: str
    n: int
    names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class UnitBoardRow:
    code: str
    name: str
    kind: str
    depth: int
    status: str
    tps: int
    required: int
    available: int
    bko_in: int
    bko_out: int

    @property
    def balance(self) -> int:
        return self.available - self.required


@dataclass(frozen=True, slots=True)
class Sitrep:
    operation_code: str
    operation_name: str
    command_name: str  # "DAERAH JAMBI"
    unit_name: str  # "BIRO OPERASI"
    place: str
    language: str
    timezone: str
    tz_label: str  # WIB, WITA, WIT
    classification: str
    number: str
    serial: int
    report_date: date
    period_from: datetime  # in the operation's time zone
    period_to: datetime
    generated_at: datetime
    stage: StageRef | None
    next_stage: StageRef | None
    days_to_voting: int | None
    voting_day: date | None
    assessment: Assessment
    aspects: tuple[AspectSituation, ...]
    incidents_total: int
    incidents_open: int
    dead: int
    injured: int
    by_type: tuple[Count, ...]
    by_severity: tuple[Count, ...]
    by_region: tuple[Count, ...]
    by_status: tuple[Count, ...]
    per_day: tuple[DayCount, ...]
    significant: tuple[IncidentItem, ...]
    significant_total: int
    actions: tuple[ActionItem, ...]
    strength_stage: StageRef | None
    strength: tuple[UnitStrength, ...]
    strength_total: UnitStrength
    tps_coverage: tuple[TpsCoverage, ...]
    tps_total: TpsCoverage
    vulnerability: tuple[VulnerabilityTable, ...]
    outlook: tuple[OutlookItem, ...]
    recommendations: tuple[Recommendation, ...]
    units: tuple[UnitBoardRow, ...]
    incidents: tuple[IncidentItem, ...]
    signatory: Signatory
    fingerprint: str
    sections: tuple[str, ...] = SECTIONS

    @property
    def short_fingerprint(self) -> str:
        return self.fingerprint[:12]


# --- time -----------------------------------------------------------------------------------


def default_period(now: datetime, cutoff_hour: int, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The 24 hours up to the last cut-off at or before ``now``, in ``zone``."""
    local = now.astimezone(zone)
    end = datetime.combine(local.date(), time(cutoff_hour), zone)
    if end > local:
        end = datetime.combine(local.date() - timedelta(days=1), time(cutoff_hour), zone)
    return end - timedelta(hours=24), end


def next_run(now: datetime, hours: Sequence[time], zone: ZoneInfo | str) -> datetime | None:
    """The first of the daily ``hours`` (local times in ``zone``) strictly after ``now``.

    Pure, for the scheduled reports: the GUI sets a timer to the answer. None without hours.
    """
    if not hours:
        return None
    tz = ZoneInfo(zone) if isinstance(zone, str) else zone
    local = now.astimezone(tz)
    candidates = [
        datetime.combine(local.date() + timedelta(days=d), h.replace(tzinfo=None), tz)
        for d in (0, 1, 2)
        for h in hours
    ]
    later = [c for c in candidates if c > local]
    return min(later).astimezone(UTC)


def _local(value: datetime | None, zone: ZoneInfo) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=zone) if value.tzinfo is None else value.astimezone(zone)


# --- numbering ------------------------------------------------------------------------------


def format_number(template: str, serial: int, day: date) -> str:
    """The report number from the operation's template.

    Fields: ``{serial}``, ``{month_roman}``, ``{month}``, ``{year}``. A template with an
    unknown field is refused.
    """
    try:
        return template.format(
            serial=serial, month_roman=ROMAN_MONTHS[day.month - 1], month=day.month, year=day.year
        )
    except (KeyError, IndexError, ValueError) as exc:
        raise InvalidValue(
            field="sitrep_number_template", value=template, reason="template"
        ) from exc


def issue_serial(store: Store, actor: Actor, operation_code: str | None = None) -> int:
    """Take the next report serial of the operation (journaled); returns it."""
    require(actor, "report.issue")
    with store.transaction(actor, "sitrep.issue") as s:
        op = operations.get_operation(s, operation_code)
        op.sitrep_serial = op.sitrep_serial + 1
        return op.sitrep_serial


def configure(
    store: Store,
    actor: Actor,
    operation_code: str | None = None,
    *,
    number_template: str | None = None,
    unit_name: str | None = None,
    place: str | None = None,
    signatory: Signatory | None = None,
) -> None:
    """Change the operation's report settings (journaled); ``None`` leaves one as it is.

    The template is tried before it is saved: an unknown field is refused. A signatory
    with ``on_behalf_of`` set signs "a.n." the head of the command.
    """
    require(actor, "report.configure")
    if number_template is not None:
        if not number_template.strip():
            raise InvalidValue(field="sitrep_number_template", value="", reason="required")
        format_number(number_template, 1, date(2024, 1, 1))
    with store.transaction(actor, "sitrep.configure") as s:
        op = operations.get_operation(s, operation_code)
        version_watch(s, op)
        if number_template is not None:
            op.sitrep_number_template = number_template.strip()
        if unit_name is not None:
            op.sitrep_unit = unit_name.strip().upper() or op.sitrep_unit
        if place is not None:
            op.sitrep_place = place.strip() or None
        if signatory is not None:
            op.signatory_title = signatory.title.strip() or None
            op.signatory_name = signatory.name.strip().upper() or None
            op.signatory_rank = signatory.rank.strip().upper() or None
            op.signatory_nrp = signatory.nrp.strip() or None
            op.signatory_on_behalf = bool(signatory.on_behalf_of)


# --- assembling -----------------------------------------------------------------------------


def _stage_ref(s: Stage | None, lang: str) -> StageRef | None:
    if s is None:
        return None
    return StageRef(s.code, label(s.name, s.name_en, lang), s.starts_on, s.ends_on)


def signatory_of(op: Operation, given: Signatory | None = None) -> Signatory:
    """``given``, else the operation's configured signatory."""
    if given is not None:
        return given
    on_behalf = f"KEPALA KEPOLISIAN {op.command_name}" if op.signatory_on_behalf else None
    return Signatory(
        title=op.signatory_title or f"KEPALA {op.sitrep_unit}",
        name=(op.signatory_name or "").upper(),
        rank=op.signatory_rank or "",
        nrp=op.signatory_nrp or "",
        on_behalf_of=on_behalf,
    )


def _kabkota_of(session: Session, operation_id: int) -> tuple[dict[int, int], dict[int, str]]:
    """Region id -> its kabupaten/kota id; kabupaten/kota id -> name."""
    rows = session.execute(
        select(Region.id, Region.parent_id, Region.level, Region.name).where(
            Region.operation_id == operation_id
        )
    ).all()
    parent = {int(r.id): r.parent_id for r in rows}
    level = {int(r.id): str(r.level) for r in rows}
    names = {int(r.id): str(r.name) for r in rows if r.level == "kabkota"}
    out: dict[int, int] = {}
    for rid in parent:
        cur: int | None = rid
        seen = 0
        while cur is not None and level.get(cur) != "kabkota" and seen < 8:
            cur = parent.get(cur)
            seen += 1
        if cur is not None and level.get(cur) == "kabkota":
            out[rid] = cur
    return out, names


def _incident_number(n: int) -> str:
    return f"KEJ-{n:04d}"


def _validate(
    op: Operation,
    classification: str,
    period_from: datetime | None,
    period_to: datetime | None,
    now: datetime,
) -> tuple[datetime, datetime]:
    if classification not in CLASSIFICATIONS:
        raise InvalidValue(field="classification", value=classification, reason="classification")
    zone = ZoneInfo(op.timezone)
    lo, hi = _local(period_from, zone), _local(period_to, zone)
    if lo is None and hi is None:
        lo, hi = default_period(now, op.report_cutoff_hour, zone)
    elif lo is None:
        assert hi is not None
        lo = hi - timedelta(hours=24)
    elif hi is None:
        hi = lo + timedelta(hours=24)
    assert lo is not None and hi is not None
    if hi <= lo:
        raise InvalidValue(field="period_to", value=hi.isoformat(), reason="before_start")
    return lo, hi


def assemble(
    session: Session,
    operation_code: str | None = None,
    *,
    period_from: datetime | None = None,
    period_to: datetime | None = None,
    classification: str = "TERBATAS",
    signatory: Signatory | None = None,
    now: datetime | None = None,
    serial: int | None = None,
    sections: Iterable[str] | None = None,
) -> Sitrep:
    """The situation report of an operation for a period (see the module's rules).

    Naive times are read in the operation's time zone. ``serial`` defaults to the next
    serial of the operation (taken for good by ``issue_serial`` once the report is kept).
    """
    now = now or clock.now()
    op = operations.get_operation(session, operation_code)
    lo, hi = _validate(op, classification, period_from, period_to, now)
    chosen = tuple(s for s in SECTIONS if sections is None or s in set(sections))
    lang = op.language
    zone = ZoneInfo(op.timezone)
    oid = op.id
    lo_utc, hi_utc = lo.astimezone(UTC), hi.astimezone(UTC)
    as_of_day = (hi - timedelta(microseconds=1)).date()

    all_stages = operations.stages(session, oid)
    current = operations.current_stage(all_stages, as_of_day)
    # The next stage follows the current one in the calendar's order (voting day is
    # followed by counting, which starts the same day).
    after = [
        s
        for s in all_stages
        if (current is not None and s.ordinal > current.ordinal)
        or (current is None and s.starts_on is not None and s.starts_on > as_of_day)
    ]
    nxt = after[0] if after else None
    voting = next((s for s in all_stages if s.is_voting), None)

    # Reference lists.
    types = {
        t.id: t
        for t in session.scalars(
            select(IncidentType)
            .where(IncidentType.operation_id == oid)
            .order_by(IncidentType.ordinal)
        )
    }
    sevs = list(
        session.scalars(
            select(Severity).where(Severity.operation_id == oid).order_by(Severity.ordinal)
        )
    )
    sev_rank = {s.id: i for i, s in enumerate(sevs, 1)}
    statuses = list(
        session.scalars(
            select(IncidentStatus)
            .where(IncidentStatus.operation_id == oid)
            .order_by(IncidentStatus.ordinal)
        )
    )
    status_by_id = {s.id: s for s in statuses}
    kab_of, kab_names = _kabkota_of(session, oid)
    unit_names = {
        int(i): str(n)
        for i, n in session.execute(select(Unit.id, Unit.name).where(Unit.operation_id == oid))
    }
    no_region = "Tanpa wilayah" if lang == "id" else "No region"

    # Incidents in the period.
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
        )
        .where(
            Incident.operation_id == oid,
            Incident.occurred_at >= lo_utc,
            Incident.occurred_at < hi_utc,
        )
        .order_by(Incident.occurred_at, Incident.number)
    ).all()
    top_rank = len(sevs)
    significant_ids: list[int] = []
    base: dict[int, IncidentItem] = {}
    region_of: dict[int, int | None] = {}
    for r in rows:
        t = types[r.type_id]
        st = status_by_id[r.status_id]
        sev = sevs[sev_rank[r.severity_id] - 1]
        kab = kab_of.get(r.region_id) if r.region_id is not None else None
        region_of[r.id] = kab
        item = IncidentItem(
            number=_incident_number(r.number),
            occurred_at=r.occurred_at.astimezone(zone),
            type=label(t.name, t.name_en, lang),
            severity=label(sev.name, sev.name_en, lang),
            severity_rank=sev_rank[r.severity_id],
            status=label(st.name, st.name_en, lang),
            is_closed=st.is_closed,
            region=kab_names[kab] if kab is not None else no_region,
            location=r.location or "",
            title=r.title,
            description=r.description or "",
            dead=r.dead,
            injured=r.injured,
        )
        base[r.id] = item
        if item.severity_rank >= top_rank - 1 or r.dead or r.injured:
            significant_ids.append(r.id)

    # Follow-ups: of significant incidents up to the end, and all written in the period.
    sig_follow: dict[int, list[FollowUpItem]] = defaultdict(list)
    actions: list[ActionItem] = []
    shown = set(significant_ids[:SIGNIFICANT_LIMIT])
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
        .where(FollowUp.operation_id == oid, FollowUp.at < hi_utc)
        .where((FollowUp.at >= lo_utc) | FollowUp.incident_id.in_(shown))
        .order_by(FollowUp.at, FollowUp.id)
    ).all()
    for f in fu_rows:
        st_name = None
        if f.status_id is not None:
            s_row = status_by_id[f.status_id]
            st_name = label(s_row.name, s_row.name_en, lang)
        unit = unit_names.get(f.unit_id) if f.unit_id is not None else None
        at = f.at.astimezone(zone)
        if f.incident_id in shown:
            sig_follow[f.incident_id].append(FollowUpItem(at, f.actor, f.text, st_name, unit))
        if f.at >= lo_utc:
            actions.append(
                ActionItem(at, _incident_number(f.number), f.title, f.actor, f.text, st_name, unit)
            )
    significant = tuple(
        dataclasses.replace(base[i], follow_ups=tuple(sig_follow.get(i, ())))
        for i in significant_ids[:SIGNIFICANT_LIMIT]
    )
    incidents = tuple(base[r.id] for r in rows)

    # Statistics.
    by_type_n = Counter(r.type_id for r in rows)
    by_sev_n = Counter(r.severity_id for r in rows)
    by_status_n = Counter(r.status_id for r in rows)
    by_region_n = Counter(region_of[r.id] for r in rows)
    by_type = tuple(
        Count(t.code, label(t.name, t.name_en, lang), by_type_n[t.id])
        for t in types.values()
        if by_type_n[t.id]
    )
    by_severity = tuple(Count(s.code, label(s.name, s.name_en, lang), by_sev_n[s.id]) for s in sevs)
    by_status = tuple(
        Count(s.code, label(s.name, s.name_en, lang), by_status_n[s.id]) for s in statuses
    )
    by_region_list = [
        Count(str(k), n, by_region_n[k]) for k, n in sorted(kab_names.items(), key=lambda kv: kv[1])
    ]
    if by_region_n[None]:
        by_region_list.append(Count("", no_region, by_region_n[None]))
    days: Counter[date] = Counter(i.occurred_at.date() for i in incidents)
    per_day = []
    day = lo.date()
    while day <= as_of_day:
        per_day.append(DayCount(day, days[day]))
        day += timedelta(days=1)

    # Strength, for the stage in force at the end of the period.
    strength_stage = current or voting
    inputs = load_inputs(session, oid, strength_stage)
    report = compute(inputs)
    unit_rows = session.execute(
        select(Unit.id, Unit.parent_id, Unit.code, Unit.name, Unit.kind, Unit.status_id)
        .where(Unit.operation_id == oid)
        .order_by(Unit.id)
    ).all()
    polres = sorted(
        (u for u in unit_rows if u.kind in ("polres", "polresta")),
        key=lambda u: (u.kind != "polresta", u.name),
    )
    strength = tuple(
        UnitStrength(
            u.name,
            u.kind,
            report.by_unit[u.id].tps_total,
            report.by_unit[u.id].police_required,
            report.by_unit[u.id].police_assigned,
            report.by_unit[u.id].bko_in,
            report.by_unit[u.id].bko_out,
        )
        for u in polres
    )
    strength_total = UnitStrength(
        "Jumlah" if lang == "id" else "Total",
        "",
        sum(s.tps for s in strength),
        sum(s.required for s in strength),
        sum(s.assigned for s in strength),
        sum(s.bko_in for s in strength),
        sum(s.bko_out for s in strength),
    )

    # TPS coverage by category.
    cats = list(
        session.scalars(
            select(TpsCategory).where(TpsCategory.operation_id == oid).order_by(TpsCategory.ordinal)
        )
    )
    cov: dict[int, list[int]] = {c.id: [0, 0, 0, 0] for c in cats}
    for (unit_id, _kec, cat_id), n in inputs.tps_groups.items():
        police, linmas = group_need(n, inputs.patterns[cat_id])
        acc = cov[cat_id]
        acc[0] += n
        acc[1] += n if unit_id is not None else 0
        acc[2] += police
        acc[3] += linmas
    tps_coverage = tuple(
        TpsCoverage(c.code, label(c.name, c.name_en, lang), c.pattern, *cov[c.id]) for c in cats
    )
    tps_total = TpsCoverage(
        "",
        "Jumlah" if lang == "id" else "Total",
        "",
        *(sum(x) for x in zip(*(cov[c.id] for c in cats), strict=True)),
    )

    # Vulnerability (Polri's own ratings) of the current and the next stage.
    aspects = list(
        session.scalars(select(Aspect).where(Aspect.operation_id == oid).order_by(Aspect.ordinal))
    )
    levels = list(
        session.scalars(
            select(VulnerabilityLevel)
            .where(VulnerabilityLevel.operation_id == oid)
            .order_by(VulnerabilityLevel.ordinal)
        )
    )
    level_rank = {lv.id: i for i, lv in enumerate(levels, 1)}
    level_name = {lv.id: label(lv.name, lv.name_en, lang) for lv in levels}
    wanted_stages = [s for s in (current, nxt) if s is not None]
    ratings: dict[tuple[int, int, int], int] = {}
    if wanted_stages:
        for rr in session.execute(
            select(
                VulnerabilityRating.stage_id,
                VulnerabilityRating.region_id,
                VulnerabilityRating.aspect_id,
                VulnerabilityRating.level_id,
            ).where(
                VulnerabilityRating.operation_id == oid,
                VulnerabilityRating.source == "polri",
                VulnerabilityRating.stage_id.in_([s.id for s in wanted_stages]),
            )
        ):
            ratings[(rr.stage_id, rr.region_id, rr.aspect_id)] = rr.level_id
    kab_sorted = sorted(kab_names.items(), key=lambda kv: kv[1])

    def table(s: Stage) -> VulnerabilityTable:
        vrows = []
        for kid, kname in kab_sorted:
            lv = [ratings.get((s.id, kid, a.id)) for a in aspects]
            vrows.append(
                VulnerabilityRow(
                    kname,
                    tuple(level_name[x] if x is not None else "" for x in lv),
                    tuple(level_rank[x] if x is not None else 0 for x in lv),
                )
            )
        ref = _stage_ref(s, lang)
        assert ref is not None
        return VulnerabilityTable(
            ref,
            tuple(label(a.name, a.name_en, lang) for a in aspects),
            tuple(label(lv.name, lv.name_en, lang) for lv in levels),
            tuple(vrows),
        )

    vulnerability = tuple(table(s) for s in wanted_stages)

    def high_regions(s: Stage | None, aspect_ids: Sequence[int]) -> tuple[str, ...]:
        if s is None or not levels:
            return ()
        top = len(levels)
        return tuple(
            kname
            for kid, kname in kab_sorted
            if any(level_rank.get(ratings.get((s.id, kid, a), -1), 0) == top for a in aspect_ids)
        )

    # Situation by aspect.
    type_aspect = {
        t.id: TYPE_ASPECT.get(t.code, CATEGORY_ASPECT.get(t.category, "keamanan"))
        for t in types.values()
    }
    aspect_situations = []
    for a in aspects:
        counts = Counter(
            ratings.get((current.id, kid, a.id)) for kid, _ in kab_sorted if current is not None
        )
        a_types = Counter(r.type_id for r in rows if type_aspect[r.type_id] == a.code)
        aspect_situations.append(
            AspectSituation(
                a.code,
                label(a.name, a.name_en, lang),
                tuple(Count(lv.code, level_name[lv.id], counts[lv.id]) for lv in levels),
                high_regions(current, [a.id]),
                sum(a_types.values()),
                tuple(
                    Count(types[t].code, label(types[t].name, types[t].name_en, lang), n)
                    for t, n in sorted(a_types.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
                ),
            )
        )

    # Assessment.
    reasons: list[Reason] = []
    level = 0
    top_n = sum(1 for i in incidents if i.severity_rank == top_rank)
    second_n = sum(1 for i in incidents if i.severity_rank == top_rank - 1)
    dead = sum(i.dead for i in incidents)
    injured = sum(i.injured for i in incidents)
    deficit_units = [s for s in strength if s.deficit > 0]
    total_deficit = sum(s.deficit for s in strength)
    security = next((a for a in aspects if a.code == "keamanan"), None)
    high_security = high_regions(current, [security.id] if security else [])
    if top_n:
        reasons.append(Reason("top_severity", top_n))
        level = 2
    if dead:
        reasons.append(Reason("dead", dead))
        level = 2
    if strength_total.required and total_deficit * 100 > strength_total.required * RED_DEFICIT_PCT:
        reasons.append(Reason("deficit_major", total_deficit, tuple(s.name for s in deficit_units)))
        level = 2
    elif deficit_units:
        reasons.append(Reason("deficit", total_deficit, tuple(s.name for s in deficit_units)))
        level = max(level, 1)
    if second_n:
        reasons.append(Reason("serious", second_n))
        level = max(level, 1)
    if high_security:
        reasons.append(Reason("high_security", len(high_security), high_security))
        level = max(level, 1)
    if not reasons:
        reasons.append(Reason("calm", len(incidents)))
    assessment = Assessment(ASSESSMENT_LEVELS[level], tuple(reasons))

    # Outlook: the stages in force over the next 72 hours.
    horizon = (hi + timedelta(hours=OUTLOOK_HOURS)).date()
    ahead = [current] if current is not None else []
    ahead += sorted(
        (
            s
            for s in all_stages
            if s.starts_on is not None
            and s.starts_on <= horizon
            and (s.ends_on or s.starts_on) >= as_of_day
            and s not in ahead
        ),
        key=lambda s: (s.starts_on or as_of_day, s.ordinal),
    )
    type_by_code = {t.code: t for t in types.values()}
    outlook = []
    for s in ahead:
        ref = _stage_ref(s, lang)
        assert ref is not None
        threats = tuple(
            label(type_by_code[c].name, type_by_code[c].name_en, lang)
            for c in STAGE_THREATS.get(s.code, ())
            if c in type_by_code
        )
        outlook.append(
            OutlookItem(ref, threats, high_regions(s, [security.id] if security else []))
        )

    # Recommendations.
    recs = [Recommendation("reinforce", s.name, s.deficit) for s in deficit_units]
    watch_stage = nxt if nxt is not None and nxt.starts_on and nxt.starts_on <= horizon else current
    watch = high_regions(watch_stage, [security.id] if security else [])
    if watch:
        recs.append(Recommendation("watch_regions", "", len(watch), watch))
    open_significant = sum(1 for i in significant_ids if not base[i].is_closed)
    if open_significant:
        recs.append(Recommendation("close_incidents", "", open_significant))
    if not recs:
        recs.append(Recommendation("keep_posture", "", 0))

    # Unit board, in tree order.
    status_names = {
        s.id: label(s.name, s.name_en, lang)
        for s in session.scalars(select(UnitStatus).where(UnitStatus.operation_id == oid))
    }
    children: dict[int | None, list[Any]] = defaultdict(list)
    ids = {u.id for u in unit_rows}
    for u in unit_rows:
        children[u.parent_id if u.parent_id in ids else None].append(u)
    board: list[UnitBoardRow] = []
    stack: list[tuple[Any, int]] = [(u, 0) for u in reversed(children[None])]
    while stack:
        u, depth = stack.pop()
        us = report.by_unit[u.id]
        board.append(
            UnitBoardRow(
                u.code,
                u.name,
                u.kind,
                depth,
                status_names.get(u.status_id, "") if u.status_id is not None else "",
                us.tps_total,
                us.police_required,
                us.police_available,
                us.bko_in,
                us.bko_out,
            )
        )
        stack.extend((c, depth + 1) for c in reversed(children.get(u.id, [])))

    number_serial = serial if serial is not None else op.sitrep_serial + 1
    report_date = hi.date()
    content: dict[str, Any] = dict(
        operation_code=op.code,
        operation_name=op.name,
        command_name=op.command_name,
        unit_name=op.sitrep_unit,
        place=op.sitrep_place or op.province,
        language=lang,
        timezone=op.timezone,
        tz_label=operations.zone_label(op.timezone),
        classification=classification,
        report_date=report_date,
        period_from=lo,
        period_to=hi,
        stage=_stage_ref(current, lang),
        next_stage=_stage_ref(nxt, lang),
        days_to_voting=operations.days_to_voting(all_stages, as_of_day),
        voting_day=operations.voting_day(all_stages),
        assessment=assessment,
        aspects=tuple(aspect_situations),
        incidents_total=len(incidents),
        incidents_open=sum(1 for i in incidents if not i.is_closed),
        dead=dead,
        injured=injured,
        by_type=by_type,
        by_severity=by_severity,
        by_region=tuple(by_region_list),
        by_status=by_status,
        per_day=tuple(per_day),
        significant=significant,
        significant_total=len(significant_ids),
        actions=tuple(actions),
        strength_stage=_stage_ref(strength_stage, lang),
        strength=strength,
        strength_total=strength_total,
        tps_coverage=tps_coverage,
        tps_total=tps_total,
        vulnerability=vulnerability,
        outlook=tuple(outlook),
        recommendations=tuple(recs),
        units=tuple(board),
        incidents=incidents,
        signatory=signatory_of(op, signatory),
        sections=chosen,
    )
    return Sitrep(
        number=format_number(op.sitrep_number_template, number_serial, report_date),
        serial=number_serial,
        generated_at=now.astimezone(zone),
        fingerprint=fingerprint(content),
        **content,
    )


# --- fingerprint ----------------------------------------------------------------------------


_FIELDS: dict[type, tuple[str, ...]] = {}


def _plain(value: Any) -> Any:
    """JSON-ready form: dataclasses as dicts, times in UTC ISO form (hot: 20,000 incidents)."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or kind is float or value is None:
        return value
    if kind is tuple or kind is list:
        return [_plain(v) for v in value]
    names = _FIELDS.get(kind)
    if names is None and dataclasses.is_dataclass(value):
        names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return {n: _plain(getattr(value, n)) for n in names}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def fingerprint(content: Mapping[str, Any]) -> str:
    """SHA-256 of the canonical JSON of the content (sorted keys, UTC times)."""
    text = json.dumps(
        _plain(dict(content)), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def content_of(sitrep: Sitrep) -> dict[str, Any]:
    """The fields the fingerprint covers (all but number, serial and generation time)."""
    skip = {"number", "serial", "generated_at", "fingerprint"}
    return {
        f.name: getattr(sitrep, f.name) for f in dataclasses.fields(sitrep) if f.name not in skip
    }


# --- the output file ------------------------------------------------------------------------


def check_destination(path: Path) -> Path:
    """Refuse, before any work, a file whose folder is missing or cannot be written."""
    path = Path(path).expanduser()
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise SitrepFolderMissing(path=str(folder))
    if path.is_dir():
        raise SitrepNotWritable(path=str(path), detail="folder")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise SitrepNotWritable(path=str(path), detail="permission")
    return path


def write_atomically(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file: the file is whole or untouched."""
    path = check_destination(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        private_file(tmp).write_bytes(data)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise SitrepNotWritable(path=str(path), detail=exc.strerror or str(exc)) from exc
    return path
