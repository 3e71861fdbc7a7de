"""The readiness matrix: every Polres (and the Polda's Satgas and reserves) x every aspect,
each cell what people judged and what the data suggests, rolled up to the Polda.

What the data suggests (``derive``), per aspect's ``evidence``:

* personel: the unit's police available for the stage against what its TPS require
  (``opscenter.strength``): no deficit siap; a deficit up to 10 % of the need catatan; more
  belum;
* sarpras: the worst category's shortfall against its requirement
  (``opscenter.readiness.sarpras_figures``): none siap; up to 20 % catatan; more belum;
* anggaran: the pagu against the need from the daily index
  (``opscenter.readiness.budget_figures``): covered siap; 80 % or more catatan; less belum;
  no level for a unit with no pagu anywhere in its tree (its money is held above it: read at
  the top);

and, for every aspect, the unit's inspection findings on it (``opscenter.readiness.visits``):
an overdue follow-up makes it belum, an open one at least catatan. The worst of the two is
the derived level. A judgement, when one is set, is the cell's level; the derived level stays
beside it. The top row (the Polda, or a Polres running its own operation) is the roll-up:
per aspect the worst of the units' levels and of the top's own cell, and how many units
stand at each level.

Everything here is plain data, safe to hand to another thread.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter.errors import NotFound
from opscenter.model import READINESS_LEVELS, Operation, ReadinessAspect, Stage, Unit
from opscenter.operations import local_today, stages
from opscenter.readiness.judgements import Judgement, judgements
from opscenter.readiness.sarpras_figures import worst_line
from opscenter.readiness.sources import Sources, load_sources
from opscenter.reference import items, label
from opscenter.strength import Forces, Strength, StrengthInputs, UnitNode, compute
from opscenter.strength_inputs import inputs_changed, inputs_for_stage, load_inputs

# The units a commander's tour visits, one page each in the printed report: the Polres of a
# Polda, the Polsek of a Polres (not the reserves or the task forces).
TOURED_KINDS = frozenset({"polres", "polresta", "polsek"})
# Worse is higher.
SEVERITY = {level: i for i, level in enumerate(READINESS_LEVELS)}
# Shares at which a shortfall turns a level (see the module's docstring).
PERSONEL_NOTE = 0.10
SARPRAS_NOTE = 0.20
ANGGARAN_NOTE = 0.80


def worst(levels: Iterable[str | None]) -> str | None:
    found = [lv for lv in levels if lv is not None]
    return max(found, key=SEVERITY.__getitem__) if found else None


@dataclass(frozen=True, slots=True)
class AspectRef:
    id: int
    code: str
    name: str  # in the language the matrix was read in
    evidence: str | None
    ordinal: int


@dataclass(frozen=True, slots=True)
class Cell:
    """One unit on one aspect."""

    unit_id: int
    aspect_id: int
    judgement: Judgement | None
    # What the data suggests (None: no data speaks) and why, as keys:
    # personel_short, personel_deficit, sarpras_short, sarpras_deficit, anggaran_short,
    # anggaran_low, finding_open, finding_overdue; "*_ok" when the data says siap.
    derived: str | None
    reasons: tuple[str, ...] = ()
    open_findings: int = 0
    overdue_findings: int = 0

    @property
    def level(self) -> str | None:
        """What the cell shows: the judgement when there is one, else the data's level."""
        return self.judgement.level if self.judgement is not None else self.derived

    @property
    def overridden(self) -> bool:
        """A person judged otherwise than the data suggests."""
        return (
            self.judgement is not None
            and self.derived is not None
            and self.judgement.level != self.derived
        )


@dataclass(frozen=True, slots=True)
class UnitReadiness:
    unit_id: int
    code: str
    name: str
    kind: str
    cells: Mapping[int, Cell]  # aspect id -> cell

    @property
    def level(self) -> str | None:
        """The unit's overall level: its worst aspect."""
        return worst(c.level for c in self.cells.values())


@dataclass(frozen=True, slots=True)
class RollUp:
    """One aspect at the top: the worst of the units' levels and of the top command's own
    cell (the Polda's own budget, posko ...), and how many units stand at each level."""

    aspect_id: int
    level: str | None
    counts: Mapping[str, int]  # level -> units; "" -> units with no level
    overdue_findings: int = 0


@dataclass(frozen=True, slots=True)
class Readiness:
    operation_id: int
    # The command the matrix rolls up to: a Polda, or a Polres running its own operation.
    polda_id: int | None
    polda_name: str
    today: date
    stage_id: int | None
    stage_name: str | None
    aspects: tuple[AspectRef, ...]
    units: tuple[UnitReadiness, ...]
    rollup: Mapping[int, RollUp]  # aspect id -> roll-up over ``units`` and ``top``
    sources: Sources
    # The top command's own cells (judged like any unit); None without a territorial root.
    top: UnitReadiness | None = None
    # What the strength was computed from, for the next ``readiness(reuse=...)``.
    inputs: StrengthInputs | None = None
    strength: Mapping[int, Strength] = field(default_factory=dict)  # unit id -> figures

    def unit(self, unit_id: int) -> UnitReadiness:
        for u in self.units:
            if u.unit_id == unit_id:
                return u
        raise KeyError(unit_id)

    @property
    def level(self) -> str | None:
        return worst(r.level for r in self.rollup.values())


def _ratio_level(short: float, note_up_to: float) -> str:
    if short <= 0:
        return "siap"
    return "catatan" if short <= note_up_to else "belum"


def derive(
    aspect: AspectRef,
    unit_id: int,
    today: date,
    sources: Sources,
    strength: Mapping[int, Strength],
) -> tuple[str | None, tuple[str, ...], int, int]:
    """(level the data suggests, reason keys, open findings, overdue findings) for one cell."""
    levels: list[str] = []
    reasons: list[str] = []
    if aspect.evidence == "personel":
        s = strength.get(unit_id)
        if s is not None and s.police_required > 0:
            lv = _ratio_level(s.deficit / s.police_required, PERSONEL_NOTE)
            levels.append(lv)
            reasons.append(
                {"siap": "personel_ok", "catatan": "personel_short"}.get(lv, "personel_deficit")
            )
    elif aspect.evidence == "sarpras":
        lines = [ln for ln in sources.sarpras.get(unit_id, ()) if ln.required]
        if lines:
            w = worst_line(lines)
            lv = _ratio_level(w.short_share if w is not None else 0.0, SARPRAS_NOTE)
            levels.append(lv)
            reasons.append(
                {"siap": "sarpras_ok", "catatan": "sarpras_short"}.get(lv, "sarpras_deficit")
            )
    elif aspect.evidence == "anggaran":
        b = sources.budget.get(unit_id)
        # No pagu anywhere in the unit's tree: its money is held above it (a Polres pays its
        # Polsek), and the level is read there.
        if b is not None and b.need > 0 and b.pagu > 0:
            lv = _ratio_level(1 - b.pagu / b.need, 1 - ANGGARAN_NOTE)
            levels.append(lv)
            reasons.append(
                {"siap": "anggaran_ok", "catatan": "anggaran_short"}.get(lv, "anggaran_low")
            )
    mine = [f for f in sources.findings.get(unit_id, ()) if f.aspect_id == aspect.id]
    open_ = [f for f in mine if f.status != "selesai"]
    overdue = [f for f in open_ if f.overdue(today)]
    if overdue:
        levels.append("belum")
        reasons.append("finding_overdue")
    elif open_:
        levels.append("catatan")
        reasons.append("finding_open")
    return worst(levels), tuple(reasons), len(open_), len(overdue)


def assemble(
    *,
    operation_id: int,
    top: tuple[int, str, str, str] | None,
    today: date,
    stage: tuple[int | None, str | None],
    aspects: tuple[AspectRef, ...],
    units: Iterable[tuple[int, str, str, str]],
    judged: Mapping[tuple[int, int], Judgement],
    sources: Sources,
    strength: Mapping[int, Strength],
) -> Readiness:
    """The matrix from plain inputs: ``top`` and ``units`` are (id, code, name, kind), the
    units in display order."""

    def row(unit_id: int, code: str, name: str, kind: str) -> UnitReadiness:
        cells: dict[int, Cell] = {}
        for a in aspects:
            derived, reasons, n_open, n_overdue = derive(a, unit_id, today, sources, strength)
            cells[a.id] = Cell(
                unit_id, a.id, judged.get((unit_id, a.id)), derived, reasons, n_open, n_overdue
            )
        return UnitReadiness(unit_id, code, name, kind, cells)

    rows = [row(*u) for u in units]
    head = row(*top) if top is not None else None
    rollup: dict[int, RollUp] = {}
    for a in aspects:
        levels = [u.cells[a.id].level for u in rows]
        counts = Counter(lv or "" for lv in levels)
        own = head.cells[a.id] if head is not None else None
        overdue = sum(u.cells[a.id].overdue_findings for u in rows)
        overdue += own.overdue_findings if own is not None else 0
        level = worst([*levels, own.level if own is not None else None])
        rollup[a.id] = RollUp(a.id, level, dict(counts), overdue)
    return Readiness(
        operation_id=operation_id,
        polda_id=top[0] if top is not None else None,
        polda_name=top[2] if top is not None else "",
        today=today,
        stage_id=stage[0],
        stage_name=stage[1],
        aspects=aspects,
        units=tuple(rows),
        rollup=rollup,
        sources=sources,
        strength=strength,
        top=head,
    )


class _Judged(NamedTuple):
    id: int
    code: str
    name: str
    kind: str


def _judged_units(
    session: Session, operation_id: int, tree: Mapping[int, UnitNode]
) -> tuple[_Judged | None, list[_Judged]]:
    """The command at the top of the territory and the units judged below it.

    The top is the territorial root: a Polda, or a Polres running its own operation (Bangka).
    Judged are its Polri units one echelon down (the Polres of a Polda, the Polsek of a
    Polres; its reserves after them), then the task-force roots (Satgas), each by name. A
    national operation has a root per Polda and no top: every Polda's units are judged,
    grouped by Polda. ``tree`` is the operation's units as the strength read them; only
    their codes are read here."""
    roots = {u.id: u for u in tree.values() if u.tree == "territorial" and u.parent_id is None}
    below = sorted(
        (
            u
            for u in tree.values()
            if u.parent_id in roots and u.tree == "territorial" and u.agency == "polri"
        ),
        key=lambda u: (roots[u.parent_id or 0].name.casefold(), u.is_reserve, u.name.casefold()),
    )
    satgas = sorted(
        (
            u
            for u in tree.values()
            if u.tree == "satgas" and u.parent_id is None and u.agency == "polri"
        ),
        key=lambda u: u.name.casefold(),
    )
    codes = {
        int(i): str(c)
        for i, c in session.execute(
            select(Unit.id, Unit.code).where(Unit.operation_id == operation_id)
        )
    }
    top = next(iter(roots.values())) if len(roots) == 1 else None
    return (
        _Judged(top.id, codes[top.id], top.name, top.kind) if top is not None else None,
        [_Judged(u.id, codes[u.id], u.name, u.kind) for u in (*below, *satgas)],
    )


def readiness(
    session: Session,
    operation_id: int,
    *,
    stage_id: int | None = None,
    today: date | None = None,
    lang: str = "id",
    reuse: Readiness | None = None,
    changed: Collection[str] = (),
    forces: Forces | None = None,
) -> Readiness:
    """The readiness matrix of an operation for a stage (default: the voting stage, whose
    guard plan is what readiness is for) on ``today`` (default: the operation's local date).

    With ``reuse`` (a matrix read earlier for the same operation and stage) and ``changed``
    (the journal entities changed since), the strength's inputs -- 435,000 TPS and 400,000
    personnel at national scale -- are read again only where those entities move them.

    ``forces`` is the strength the caller computed for the operation (the situation report,
    for the stage in force): taken as it is for the same stage; for another, only its BKO in
    force is read and the strength computed again."""
    op = session.get(Operation, operation_id)
    if op is None:
        raise NotFound(entity="operation", key=operation_id)
    all_stages = stages(session, operation_id)
    stage: Stage | None
    if stage_id is not None:
        stage = next((s for s in all_stages if s.id == stage_id), None)
        if stage is None:
            raise NotFound(entity="stage", key=stage_id)
    else:
        stage = next((s for s in all_stages if s.is_voting), None)
    day = today if today is not None else local_today(op)
    aspects = tuple(
        AspectRef(a.id, a.code, label(a.name, a.name_en, lang), a.evidence, a.ordinal)
        for a in items(session, ReadinessAspect, operation_id)
    )
    same = reuse is not None and reuse.stage_id == (stage.id if stage is not None else None)
    previous = reuse.inputs if reuse is not None and same else None
    if previous is None and forces is not None and forces.inputs.operation_id == operation_id:
        inputs = inputs_for_stage(session, forces.inputs, stage)
    else:
        inputs = load_inputs(
            session, operation_id, stage, reuse=previous, changed=inputs_changed(changed)
        )
    top, units = _judged_units(session, operation_id, inputs.units)
    if reuse is not None and previous is inputs:
        strength = reuse.strength
    elif forces is not None and forces.inputs is inputs:
        strength = forces.report.by_unit
    else:
        strength = compute(inputs).by_unit
    shown = [u.id for u in units] + ([top.id] if top is not None else [])
    sources = load_sources(
        session,
        operation_id,
        inputs,
        lang,
        units=shown,
        reuse=reuse.sources if reuse is not None and same else None,
        changed=changed,
    )
    return replace(
        assemble(
            operation_id=operation_id,
            top=top,
            today=day,
            stage=(stage.id, label(stage.name, stage.name_en, lang)) if stage else (None, None),
            aspects=aspects,
            units=units,
            judged=judgements(session, operation_id),
            sources=sources,
            strength=strength,
        ),
        inputs=inputs,
    )
