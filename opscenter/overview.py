"""A plain snapshot of an operation for the window's header and summary (no ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from opscenter import operations
from opscenter.model import (
    Incident,
    IncidentStatus,
    Personnel,
    PollingStation,
    Severity,
    Stage,
    Unit,
    utcnow,
)
from opscenter.strength import StrengthReport, required_strength


@dataclass(frozen=True, slots=True)
class StageInfo:
    id: int
    code: str
    name: str
    name_en: str | None
    starts_on: date | None
    ends_on: date | None
    is_voting: bool


@dataclass(frozen=True, slots=True)
class UnitStrengthRow:
    unit_id: int
    name: str
    kind: str
    tps_total: int
    police_required: int
    police_available: int
    bko_in: int
    bko_out: int
    balance: int


@dataclass(frozen=True, slots=True)
class Overview:
    operation_id: int
    code: str
    name: str
    command_name: str
    province: str
    timezone: str
    today: date
    stages: tuple[StageInfo, ...]
    current_stage: StageInfo | None
    days_to_voting: int | None
    units: int
    personnel: int
    tps: int
    incidents_open: dict[str, int]  # severity name -> open incidents, low to high
    incidents_total: int
    police_required: int
    police_available: int
    # Polres/Polresta level (the commands that reinforce), in tree order.
    strength: tuple[UnitStrengthRow, ...]


def _stage_info(s: Stage) -> StageInfo:
    return StageInfo(s.id, s.code, s.name, s.name_en, s.starts_on, s.ends_on, s.is_voting)


def build(
    session: Session, operation_code: str | None = None, now: datetime | None = None
) -> Overview:
    op = operations.get_operation(session, operation_code)
    today = operations.local_today(op, now or utcnow())
    stages = operations.stages(session, op.id)
    current = operations.current_stage(stages, today)
    voting = next((s for s in stages if s.is_voting), None)
    # Strength is shown for the current stage; before the operation's stages, for voting day.
    report: StrengthReport = required_strength(session, op.id, current or voting)

    def count(model: type[Unit | Personnel | PollingStation | Incident]) -> int:
        stmt = select(func.count()).select_from(model).where(model.operation_id == op.id)
        return int(session.scalar(stmt) or 0)

    open_rows = session.execute(
        select(Severity.name, func.count(Incident.id))
        .select_from(Severity)
        .outerjoin(
            Incident,
            (Incident.severity_id == Severity.id)
            & Incident.status_id.in_(
                select(IncidentStatus.id).where(IncidentStatus.is_closed.is_(False))
            ),
        )
        .where(Severity.operation_id == op.id)
        .group_by(Severity.id, Severity.name, Severity.ordinal)
        .order_by(Severity.ordinal)
    ).all()
    polres = session.execute(
        select(Unit.id, Unit.name, Unit.kind)
        .where(Unit.operation_id == op.id, Unit.kind.in_(("polres", "polresta")))
        .order_by(Unit.kind.desc(), Unit.name)
    ).all()
    rows = []
    for uid, name, kind in polres:
        st = report.by_unit[uid]
        rows.append(
            UnitStrengthRow(
                uid,
                name,
                kind,
                st.tps_total,
                st.police_required,
                st.police_available,
                st.bko_in,
                st.bko_out,
                st.balance,
            )
        )
    return Overview(
        operation_id=op.id,
        code=op.code,
        name=op.name,
        command_name=op.command_name,
        province=op.province,
        timezone=op.timezone,
        today=today,
        stages=tuple(_stage_info(s) for s in stages),
        current_stage=_stage_info(current) if current else None,
        days_to_voting=operations.days_to_voting(stages, today),
        units=count(Unit),
        personnel=count(Personnel),
        tps=count(PollingStation),
        incidents_open={str(n): int(c) for n, c in open_rows},
        incidents_total=count(Incident),
        police_required=sum(r.police_required for r in rows),
        police_available=sum(r.police_available for r in rows),
        strength=tuple(rows),
    )
