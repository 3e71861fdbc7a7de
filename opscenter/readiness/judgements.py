"""A person's judgement of one unit on one readiness aspect: siap, siap dengan catatan or
belum siap, with a note, the evidence it rests on, who set it and when.

A judgement overrides the level the data suggests (``opscenter.readiness.matrix``); both stay
visible. Every write is journaled and refuses a stale edit (``expected_version`` is the
version the user's screen showed).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter import cells, clock
from opscenter.actor import Actor
from opscenter.editing import row_in_operation
from opscenter.errors import InvalidValue
from opscenter.model import READINESS_LEVELS, ReadinessAspect, ReadinessJudgement, Unit
from opscenter.permissions import require
from opscenter.store import Store

PERMISSION = "readiness.edit"


@dataclass(frozen=True, slots=True)
class Judgement:
    id: int
    version: int
    unit_id: int
    aspect_id: int
    level: str
    note: str | None
    evidence: str | None
    set_by: str
    set_at: datetime


@dataclass(frozen=True, slots=True)
class JudgementValue:
    """What a cell's judgement should say."""

    unit_id: int
    aspect_id: int
    level: str
    note: str | None = None
    evidence: str | None = None


def as_judgement(row: ReadinessJudgement) -> Judgement:
    return cells.plain(Judgement, row)


def judgements(session: Session, operation_id: int) -> dict[tuple[int, int], Judgement]:
    """(unit id, aspect id) -> the judgement, for one operation.

    Read as plain rows of the columns ``Judgement`` holds, not as ORM objects: a national
    matrix reads thousands, and the objects cost more than the read (bench/readiness.py)."""
    t = ReadinessJudgement
    rows = session.execute(
        select(
            t.id, t.version, t.unit_id, t.aspect_id, t.level, t.note, t.evidence, t.set_by,
            t.set_at,
        ).where(t.operation_id == operation_id)
    )  # fmt: skip
    return {(r[2], r[3]): Judgement(*r) for r in rows}


def _clean(session: Session, operation_id: int, v: JudgementValue) -> JudgementValue:
    """Refuse an unknown level and a unit or aspect of another operation; trim the texts."""
    if v.level not in READINESS_LEVELS:
        raise InvalidValue(field="level", value=v.level, reason="unknown_readiness_level")
    row_in_operation(session, Unit, v.unit_id, operation_id)
    row_in_operation(session, ReadinessAspect, v.aspect_id, operation_id)
    note = (v.note or "").strip() or None
    evidence = (v.evidence or "").strip() or None
    if v.level != "siap" and note is None:
        # "Belum siap" with no word on why helps nobody on the tour.
        raise InvalidValue(field="note", value="", reason="readiness_note_needed")
    return JudgementValue(v.unit_id, v.aspect_id, v.level, note, evidence)


def set_judgement(
    store: Store,
    actor: Actor,
    operation_id: int,
    value: JudgementValue,
    *,
    expected_version: int | None = None,
) -> Judgement:
    """Set one cell's judgement (journaled as "readiness.judge"); returns the row.

    ``expected_version`` is the version of the judgement the user saw (None: the user saw
    none, and one set meanwhile by someone else is a stale edit)."""
    require(actor, PERMISSION)
    with store.transaction(actor, "readiness.judge", operation_id=operation_id) as s:
        v = _clean(s, operation_id, value)
        key = {"unit_id": v.unit_id, "aspect_id": v.aspect_id}
        fields = {
            "level": v.level,
            "note": v.note,
            "evidence": v.evidence,
            "set_by": actor.username,
            "set_at": clock.now(),
        }
        row, _ = cells.put(
            s, ReadinessJudgement, operation_id, key, fields, expected_version, saw_none=True
        )
        return as_judgement(row)


def clear_judgement(
    store: Store, actor: Actor, judgement_id: int, *, expected_version: int | None = None
) -> Judgement:
    """Remove a judgement, so the data speaks again (journaled as "readiness.unjudge");
    returns what it held (for undo)."""
    require(actor, PERMISSION)
    with store.transaction(actor, "readiness.unjudge") as s:
        return cells.clear(s, ReadinessJudgement, judgement_id, expected_version, as_judgement)
