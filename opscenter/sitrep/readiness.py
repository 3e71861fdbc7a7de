"""The situation report's readiness section: from the readiness matrix of the voting stage
(``opscenter.readiness.matrix``) on the report's last day, the units and aspects not ready,
how many cells stand at each level, the overdue follow-ups of findings, and, once their
sources hold figures, the sarpras shortfalls and the budget against its realisation."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy.orm import Session

from opscenter.model import READINESS_LEVELS
from opscenter.readiness.matrix import Readiness, readiness
from opscenter.sitrep.content import (
    BudgetLine,
    Count,
    NotReady,
    OverdueFollowUp,
    ReadinessSummary,
    SarprasShortfall,
)
from opscenter.strength import Forces


def readiness_summary(
    session: Session, operation_id: int, day: date, lang: str, forces: Forces | None = None
) -> ReadinessSummary:
    """The section on ``day``; ``forces`` (the strength the report computed for its stage in
    force) spares reading the strength's inputs again."""
    return summarise(readiness(session, operation_id, today=day, lang=lang, forces=forces))


def summarise(r: Readiness) -> ReadinessSummary:
    """The section's content from a matrix (plain data in, plain data out)."""
    units = {u.unit_id: u.name for u in r.units}
    aspects = {a.id: a.name for a in r.aspects}
    cells = Counter(u.cells[a.id].level or "" for u in r.units for a in r.aspects)
    not_ready = tuple(
        NotReady(u.name, tuple(a.name for a in r.aspects if u.cells[a.id].level == "belum"))
        for u in r.units
        if any(c.level == "belum" for c in u.cells.values())
    )
    overdue = sorted(
        (
            f
            for unit_id, found in r.sources.findings.items()
            for f in found
            if f.status != "selesai" and f.overdue(r.today)
        ),
        key=lambda f: (f.due_on or date.max, f.id),
    )
    shortfalls = [
        SarprasShortfall(
            units.get(unit_id, str(unit_id)), ln.name, ln.required, ln.usable, ln.deficit
        )
        for unit_id, lines in r.sources.sarpras.items()
        if unit_id in units
        for ln in lines
        if ln.required and ln.deficit > 0
    ]
    budget_units = ([r.polda_id] if r.polda_id is not None else []) + list(units)
    budget = [
        BudgetLine(r.polda_name if uid == r.polda_id else units[uid], b.need, b.pagu, b.realised)
        for uid in budget_units
        if (b := r.sources.budget.get(uid)) is not None
    ]
    return ReadinessSummary(
        stage=r.stage_name,
        units=len(r.units),
        levels=tuple(Count(key, key, cells.get(key, 0)) for key in (*READINESS_LEVELS, "")),
        not_ready=not_ready,
        overdue=tuple(
            OverdueFollowUp(
                units.get(f.unit_id, str(f.unit_id)),
                aspects.get(f.aspect_id, f.aspect_name),
                f.finding,
                f.person_in_charge or "",
                f.due_on,
                f.status,
            )
            for f in overdue
        ),
        sarpras=tuple(sorted(shortfalls, key=lambda s: (s.unit, -s.deficit, s.category))),
        budget=tuple(budget),
    )
