"""The evidence the readiness matrix reads besides strength: sarpras against requirement,
budget against need, and inspection findings with their follow-ups, per unit.

Each part is read by its own module; ``load_sources`` reads them together, reusing a part
of an earlier read that the change set since does not touch (a judgement moves none).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from opscenter.readiness.budget_figures import BudgetFigures, budget_by_unit, index_entries
from opscenter.readiness.budget_figures import personnel_by_stage as budget_personnel
from opscenter.readiness.sarpras_figures import SarprasLine, sarpras_by_unit
from opscenter.readiness.visits import FindingRow, VisitRow
from opscenter.readiness.visits import by_unit as visits_by_unit
from opscenter.strength import StrengthInputs
from opscenter.strength_inputs import INPUT_ENTITIES

# Journal entities each part is read from (besides the strength's inputs, for the parts
# that count people or TPS).
BUDGET_ENTITIES = frozenset(
    {"budget_allocation", "budget_realisation", "budget_index", "budget_component"}
)
SARPRAS_ENTITIES = frozenset({"sarpras_stock", "sarpras_category"})
VISIT_ENTITIES = frozenset({"inspection_visit", "inspection_finding", "readiness_aspect", "unit"})


@dataclass(frozen=True, slots=True)
class Sources:
    # unit id -> lines against requirement, rolled up the tree; only units that (or whose
    # units below) have recorded stock
    sarpras: Mapping[int, tuple[SarprasLine, ...]] = field(default_factory=dict)
    # unit id -> figures, rolled up the tree; only units with a need, a pagu or a payment
    budget: Mapping[int, BudgetFigures] = field(default_factory=dict)
    # unit id -> its own findings, newest visit first
    findings: Mapping[int, tuple[FindingRow, ...]] = field(default_factory=dict)
    # unit id -> its latest visit
    latest_visit: Mapping[int, VisitRow] = field(default_factory=dict)
    # stage id -> unit id -> police available (what the budget's need was computed from)
    personnel: Mapping[int, Mapping[int, int]] = field(default_factory=dict)
    lang: str = "id"


def _touches(changed: Collection[str], entities: frozenset[str]) -> bool:
    return any(e in entities for e in changed)


def load_sources(
    session: Session,
    operation_id: int,
    inputs: StrengthInputs,
    lang: str = "id",
    units: Collection[int] | None = None,
    *,
    reuse: Sources | None = None,
    changed: Collection[str] = (),
) -> Sources:
    """Everything the matrix and its evidence pane read besides strength, for one operation.

    ``inputs`` are the strength's inputs the caller holds, for the stage whose guard plan
    sets the sarpras requirement: the requirement and the budget's need (people per stage)
    come from them instead of reading 435,000 TPS again. ``units`` limits the sarpras lines
    to the units shown (still rolled up from everything under them). With ``reuse``
    (an earlier read in the same language), a part the ``changed`` entities do not touch is
    kept as it was."""
    if reuse is not None and reuse.lang != lang:
        reuse = None
    strength_moved = _touches(changed, INPUT_ENTITIES)
    sarpras: Mapping[int, tuple[SarprasLine, ...]]
    personnel: Mapping[int, Mapping[int, int]]
    budget: Mapping[int, BudgetFigures]
    findings: Mapping[int, tuple[FindingRow, ...]]
    latest: Mapping[int, VisitRow]
    if reuse is None or strength_moved or _touches(changed, SARPRAS_ENTITIES):
        # A unit that has recorded no stock at all (nor any unit under it) has not reported
        # its inventory yet: no data, rather than short of everything its rules ask.
        sarpras = {
            uid: lines
            for uid, lines in sarpras_by_unit(
                session, operation_id, inputs.stage_id, lang, inputs=inputs, units=units
            ).items()
            if any(ln.baik or ln.rusak_ringan or ln.rusak_berat for ln in lines)
        }
    else:
        sarpras = reuse.sarpras
    if reuse is None or strength_moved or _touches(changed, BUDGET_ENTITIES):
        stage_ids = {e.stage_id for e in index_entries(session, operation_id)}
        personnel = budget_personnel(session, operation_id, stage_ids, base=inputs)
        # Units with no need, no pagu and nothing paid say nothing about money.
        budget = budget_by_unit(
            session, operation_id, personnel=personnel, tree=inputs.units, moneyless=False
        )
    else:
        personnel, budget = reuse.personnel, reuse.budget
    if reuse is None or _touches(changed, VISIT_ENTITIES):
        findings, latest = visits_by_unit(session, operation_id, lang)
    else:
        findings, latest = reuse.findings, reuse.latest_visit
    return Sources(
        sarpras=sarpras,
        budget=budget,
        findings=findings,
        latest_visit=latest,
        personnel=personnel,
        lang=lang,
    )
