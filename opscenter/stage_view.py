"""What the stages view shows: the stage calendar around "now" and a stage's vulnerability.

Plain data only (safe to hand across threads). The ratings matrix itself is the planning
core's (``opscenter.planning.vulnerability.matrix``): one definition of the matrix, read here
for a read-only view. ``ratings_by_id`` re-reads only the rows a journal change names.
Stage, aspect and level names come in the language asked for (``lang``).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter import clock, operations
from opscenter.model import Stage, VulnerabilityRating
from opscenter.planning.vulnerability import Matrix, Rating, matrix
from opscenter.reference import label
from opscenter.strength_inputs import stage_window

__all__ = [
    "Matrix",
    "Rating",
    "StageSpan",
    "Timeline",
    "ratings_by_id",
    "stage_ratings",
    "timeline",
]


@dataclass(frozen=True, slots=True)
class StageSpan:
    """One stage with its period as instants: from local midnight of the first day to local
    midnight after the last day (``None`` while the date is not set)."""

    id: int
    code: str
    name: str  # in the timeline's language
    name_en: str | None
    ordinal: int
    starts_on: date | None
    ends_on: date | None
    is_voting: bool
    note: str | None
    starts_at: datetime | None
    ends_at: datetime | None

    @property
    def dated(self) -> bool:
        return self.starts_on is not None


@dataclass(frozen=True, slots=True)
class Timeline:
    operation_id: int
    operation_name: str
    timezone: str
    now: datetime  # UTC
    today: date  # in the operation's zone
    stages: tuple[StageSpan, ...]
    current_stage_id: int | None
    voting_day: date | None
    days_to_voting: int | None

    def stage(self, stage_id: int | None) -> StageSpan | None:
        return next((s for s in self.stages if s.id == stage_id), None)

    @property
    def current(self) -> StageSpan | None:
        return self.stage(self.current_stage_id)


def _span(s: Stage, zone: ZoneInfo, lang: str) -> StageSpan:
    # An open end is shown as one day: the stage has begun, its end is not known.
    window = stage_window(s.starts_on, s.ends_on, zone)
    return StageSpan(
        id=s.id,
        code=s.code,
        name=label(s.name, s.name_en, lang),
        name_en=s.name_en,
        ordinal=s.ordinal,
        starts_on=s.starts_on,
        ends_on=s.ends_on,
        is_voting=s.is_voting,
        note=s.note,
        starts_at=window[0] if window else None,
        ends_at=window[1] if window else None,
    )


def timeline(
    session: Session,
    operation_code: str | None = None,
    now: datetime | None = None,
    *,
    lang: str = "id",
) -> Timeline:
    """The operation's stages as instants (named in ``lang``), the stage in force ``now``
    and the H-n count."""
    op = operations.get_operation(session, operation_code)
    moment = (now or clock.now()).astimezone(UTC)
    zone = ZoneInfo(op.timezone)
    today = operations.local_today(op, moment)
    rows = operations.stages(session, op.id)
    current = operations.current_stage(rows, today)
    spans = tuple(_span(s, zone, lang) for s in rows)
    return Timeline(
        operation_id=op.id,
        operation_name=op.name,
        timezone=op.timezone,
        now=moment,
        today=today,
        stages=spans,
        current_stage_id=current.id if current else None,
        voting_day=operations.voting_day(rows),
        days_to_voting=operations.days_to_voting(rows, today),
    )


def stage_ratings(
    session: Session, operation_id: int, stage_id: int, *, lang: str = "id"
) -> Matrix:
    """Regions (kabupaten/kota) x aspects of one stage, both sources, as plain data."""
    return matrix(session, operation_id, stage_id, lang=lang)


def ratings_by_id(session: Session, operation_id: int, ids: Collection[int]) -> dict[int, Rating]:
    """The rows among ``ids`` that still exist (an id missing from the answer was deleted)."""
    if not ids:
        return {}
    rows = session.scalars(
        select(VulnerabilityRating).where(
            VulnerabilityRating.operation_id == operation_id,
            VulnerabilityRating.id.in_(list(ids)),
        )
    )
    return {
        r.id: Rating(
            r.id,
            r.version,
            r.region_id,
            r.stage_id,
            r.aspect_id,
            r.source,
            r.level_id,
            r.score,
            r.note,
        )
        for r in rows
    }
