"""What the budget dialog (``ui.budget_dialog``) reads of one unit, off the GUI thread: its
figures rolled up its tree (``budget_figures.budget_by_unit``), its own allocations and their
payments, and the operation's daily index with the unit's personnel and need per stage (the
rows of ``ui.budget_tables.IndexModel``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from opscenter import operations
from opscenter.model import BudgetComponent, Operation
from opscenter.operations import local_today
from opscenter.readiness import budget_figures
from opscenter.readiness.budget_figures import Allocation, BudgetFigures, Realisation
from opscenter.reference import items, label
from opscenter.store import Store
from ui.budget_tables import IndexRow


@dataclass(frozen=True, slots=True)
class BudgetRead:
    unit_id: int
    today: date
    figures: BudgetFigures | None
    allocations: tuple[Allocation, ...]
    payments: tuple[Realisation, ...]  # of the unit's allocations, newest first
    components: tuple[tuple[int, str], ...]
    index: tuple[IndexRow, ...]


def read_budget(
    store: Store, operation_id: int, unit_id: int, now: datetime, lang: str = "id"
) -> BudgetRead:
    with store.read() as s:
        op = s.get_one(Operation, operation_id)
        entries = budget_figures.index_entries(s, operation_id)
        people = budget_figures.personnel_by_stage(s, operation_id, {e.stage_id for e in entries})
        figures = budget_figures.budget_by_unit(s, operation_id, personnel=people).get(unit_id)
        own = budget_figures.allocations(s, operation_id, unit_id)
        ids = {a.id for a in own}
        paid = tuple(
            r for r in budget_figures.realisations(s, operation_id) if r.allocation_id in ids
        )
        components = tuple(
            (c.id, label(c.name, c.name_en, lang)) for c in items(s, BudgetComponent, op.id)
        )
        found = {(e.stage_id, e.component_id): e for e in entries}
        rows = []
        for stage in operations.stages(s, operation_id):
            cells = tuple(found.get((stage.id, cid)) for cid, _ in components)
            n = people[stage.id].get(unit_id, 0) if stage.id in people else None
            length = (
                (stage.ends_on - stage.starts_on).days + 1
                if stage.starts_on is not None and stage.ends_on is not None
                else None
            )
            need = sum((n or 0) * c.days * c.daily_rupiah for c in cells if c is not None)
            name = label(stage.name, stage.name_en, lang)
            rows.append(IndexRow(stage.id, name, length, cells, n, need))
        return BudgetRead(
            unit_id, local_today(op, now), figures, own, paid, components, tuple(rows)
        )
