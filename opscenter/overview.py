"""A plain snapshot of an operation for the window's header and summary (no ORM objects).

Stage and severity names come in the language asked for (``lang``); names people typed
(the operation, units) stay as typed.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from opscenter import clock, operations
from opscenter.board import UNIT_STATUS_FIELDS
from opscenter.live import WHOLE_ROW, JournalChanges
from opscenter.model import (
    Incident,
    IncidentStatus,
    Personnel,
    PollingStation,
    Severity,
    Stage,
    Unit,
)
from opscenter.reference import label
from opscenter.strength import StrengthInputs, StrengthReport, compute
from opscenter.strength_inputs import load_inputs, scan_cache


@dataclass(frozen=True, slots=True)
class StageInfo:
    id: int
    code: str
    name: str  # in the snapshot's language
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
    # TPS not yet rated (in ``tps_total``), counted at the strictest guard pattern.
    unrated: int = 0


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
    incidents_open: dict[str, int]  # severity name (snapshot's language) -> open, low to high
    incidents_total: int
    police_required: int
    police_available: int
    # The Polda's own figure as its board row shows it: its Polres and its reserve (Brimob,
    # the Polda's staff). Above ``police_available`` by the reserve, which the header names
    # (the walk read 2.500 in the header and 2.829 on the board as two answers to one sum).
    police_polda: int
    # Polres/Polresta level (the commands that reinforce), in tree order.
    strength: tuple[UnitStrengthRow, ...]
    # False when built with ``strength=False``: the three figures above are still to come.
    strength_loaded: bool = True
    # What the strength was computed from, for the next ``build(reuse=...)``.
    inputs: StrengthInputs | None = field(default=None, compare=False, repr=False)


def _stage_info(s: Stage, lang: str) -> StageInfo:
    name = label(s.name, s.name_en, lang)
    return StageInfo(s.id, s.code, name, s.name_en, s.starts_on, s.ends_on, s.is_voting)


def build(
    session: Session,
    operation_code: str | None = None,
    now: datetime | None = None,
    *,
    strength: bool = True,
    reuse: Overview | None = None,
    changed: Collection[str] = (WHOLE_ROW,),
    lang: str = "id",
) -> Overview:
    """The snapshot; ``strength=False`` leaves out the strength figures (``strength_loaded``
    is then False), which take about a second at national scale: everything else is a few
    counts, quick enough to show at start-up while the strength is computed in the
    background. With ``reuse`` (an earlier snapshot) and ``changed`` (the entities changed
    since), the strength inputs those entities do not move are reused
    (``strength_inputs.load_inputs``). Stage and severity names are in ``lang``."""
    op = operations.get_operation(session, operation_code)
    today = operations.local_today(op, now or clock.now())
    stages = operations.stages(session, op.id)
    current = operations.current_stage(stages, today)
    voting = next((s for s in stages if s.is_voting), None)
    # Strength is shown for the current stage; before the operation's stages, for voting day.
    inputs = (
        load_inputs(
            session,
            op.id,
            current or voting,
            reuse=reuse.inputs if reuse is not None else None,
            changed=changed,
        )
        if strength
        else None
    )
    report: StrengthReport | None = compute(inputs) if inputs is not None else None

    def count(model: type[Unit | Personnel | PollingStation | Incident]) -> int:
        stmt = select(func.count()).select_from(model).where(model.operation_id == op.id)
        return int(session.scalar(stmt) or 0)

    with scan_cache(session):  # the counts read whole indexes once
        counts = {m: count(m) for m in (Unit, Personnel, PollingStation, Incident)}
    open_rows = session.execute(
        select(Severity.name, Severity.name_en, func.count(Incident.id))
        .select_from(Severity)
        .outerjoin(
            Incident,
            (Incident.severity_id == Severity.id)
            & Incident.status_id.in_(
                select(IncidentStatus.id).where(IncidentStatus.is_closed.is_(False))
            ),
        )
        .where(Severity.operation_id == op.id)
        .group_by(Severity.id, Severity.name, Severity.name_en, Severity.ordinal)
        .order_by(Severity.ordinal)
    ).all()
    commands = (
        session.execute(
            select(Unit.id, Unit.name, Unit.kind)
            .where(Unit.operation_id == op.id, Unit.kind.in_(("polda", "polres", "polresta")))
            .order_by(Unit.kind.desc(), Unit.name)
        ).all()
        if report is not None
        else []
    )
    rows = []
    police_polda = 0
    for uid, name, kind in commands:
        assert report is not None
        st = report.by_unit[uid]
        if kind == "polda":
            police_polda += st.police_available
            continue
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
                st.unrated,
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
        stages=tuple(_stage_info(s, lang) for s in stages),
        current_stage=_stage_info(current, lang) if current else None,
        days_to_voting=operations.days_to_voting(stages, today),
        units=counts[Unit],
        personnel=counts[Personnel],
        tps=counts[PollingStation],
        incidents_open={label(str(n), e, lang): int(c) for n, e, c in open_rows},
        incidents_total=counts[Incident],
        police_required=sum(r.police_required for r in rows),
        police_available=sum(r.police_available for r in rows),
        police_polda=police_polda,
        strength=tuple(rows),
        strength_loaded=report is not None,
        inputs=inputs,
    )


# A unit's status history: the board shows it, no figure of the overview counts it.
_NOT_COUNTED = frozenset({"unit_status_change"})


def moved_entities(changes: JournalChanges) -> set[str]:
    """The entities of a change set that can move the overview: all but units of which only
    the status changed, and their status history (status changes move none of its figures)."""
    out = set(changes.rows) - _NOT_COUNTED
    touched = changes.fields.get("unit")
    if touched is not None and touched <= UNIT_STATUS_FIELDS:
        out.discard("unit")
    return out
