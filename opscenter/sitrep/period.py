"""The report's period and calendar: which 24 hours it covers and which stages are in force.

Naive times are read in the operation's time zone. The default period is the 24 hours up
to the operation's daily cut-off hour (the last cut-off at or before ``now``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from opscenter import operations
from opscenter.errors import InvalidValue
from opscenter.model import Operation, Stage
from opscenter.reference import label
from opscenter.sitrep.content import StageRef


def default_period(now: datetime, cutoff_hour: int, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The 24 hours up to the last cut-off at or before ``now``, in ``zone``."""
    local = now.astimezone(zone)
    end = datetime.combine(local.date(), time(cutoff_hour), zone)
    if end > local:
        end = datetime.combine(local.date() - timedelta(days=1), time(cutoff_hour), zone)
    return end - timedelta(hours=24), end


def is_daily(period: tuple[datetime, datetime], cutoff_hour: int, zone: ZoneInfo) -> bool:
    """Whether ``period`` is a daily report's: the 24 hours up to a cut-off (the operation's
    ``cutoff_hour`` on the clocks of ``zone``), as ``default_period`` gives it. Any other
    period (the 24 hours up to now, voting evening's) is a situation report of that period,
    not the daily one (DOMAIN.md: daily reports use a fixed cut-off hour)."""
    start, end = (t.astimezone(zone) for t in period)
    cutoff = datetime.combine(end.date(), time(cutoff_hour), zone)
    return end == cutoff and end - start == timedelta(hours=24)


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


def period_of(
    op: Operation, period_from: datetime | None, period_to: datetime | None, now: datetime
) -> tuple[datetime, datetime]:
    """The period asked for, completed to 24 hours, in the operation's zone; an end before
    the start is refused. An end after ``now`` ends at ``now``: a report states the
    situation as it stands when made, never ahead of it (the dialog's "24 jam s.d.
    sekarang" once rounded up to the next minute, and the report read "Keadaan per 20.04"
    under "Dibuat 20.03"; the TPS watch counted the 06:00 deadline as passed at 05:50)."""
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
    hi = min(hi, now.astimezone(zone))
    if hi <= lo:
        raise InvalidValue(field="period_to", value=hi.isoformat(), reason="before_start")
    return lo, hi


def stage_ref(s: Stage, lang: str) -> StageRef:
    """A stage as the report names it."""
    return StageRef(s.code, label(s.name, s.name_en, lang), s.starts_on, s.ends_on)


def optional_stage_ref(s: Stage | None, lang: str) -> StageRef | None:
    return None if s is None else stage_ref(s, lang)


@dataclass(frozen=True, slots=True)
class Calendar:
    """The period, and the stages as it ends: the one in force, the next, voting day's."""

    period_from: datetime  # in the operation's time zone
    period_to: datetime
    daily: bool  # the period is the daily report's (``is_daily``)
    stages: Sequence[Stage]
    as_of_day: date  # the last day the period touches
    current: Stage | None
    next_stage: Stage | None
    voting: Stage | None


def calendar(session: Session, op: Operation, period: tuple[datetime, datetime]) -> Calendar:
    """The operation's stages as they stand on the period's last day."""
    as_of_day = (period[1] - timedelta(microseconds=1)).date()
    all_stages = operations.stages(session, op.id)
    current = operations.current_stage(all_stages, as_of_day)
    # The next stage follows the current one in the calendar's order (voting day is
    # followed by counting, which starts the same day).
    after = [
        s
        for s in all_stages
        if (current is not None and s.ordinal > current.ordinal)
        or (current is None and s.starts_on is not None and s.starts_on > as_of_day)
    ]
    return Calendar(
        period_from=period[0],
        period_to=period[1],
        daily=is_daily(period, op.report_cutoff_hour, ZoneInfo(op.timezone)),
        stages=all_stages,
        as_of_day=as_of_day,
        current=current,
        next_stage=after[0] if after else None,
        voting=next((s for s in all_stages if s.is_voting), None),
    )


@dataclass(frozen=True, slots=True)
class Timeline:
    """The period section; its fields are the ``Sitrep``'s of the same names."""

    report_date: date
    period_from: datetime
    period_to: datetime
    daily: bool
    stage: StageRef | None
    next_stage: StageRef | None
    days_to_voting: int | None
    voting_day: date | None


def timeline(cal: Calendar, lang: str) -> Timeline:
    """The period covered and the stages around it, as the report's header shows them."""
    return Timeline(
        report_date=cal.period_to.date(),
        period_from=cal.period_from,
        period_to=cal.period_to,
        daily=cal.daily,
        stage=optional_stage_ref(cal.current, lang),
        next_stage=optional_stage_ref(cal.next_stage, lang),
        days_to_voting=operations.days_to_voting(cal.stages, cal.as_of_day),
        voting_day=operations.voting_day(cal.stages),
    )
