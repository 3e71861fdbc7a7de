"""The evidence the readiness matrix reads besides strength: sarpras against requirement,
budget against need, and inspection findings with their follow-ups, per unit.

The matrix needs only a few fields of each (the protocols below); the evidence pane and the
printed report show the rest.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from sqlalchemy.orm import Session


class SarprasLineLike(Protocol):
    @property
    def required(self) -> int | None: ...
    @property
    def deficit(self) -> int: ...


class BudgetLike(Protocol):
    @property
    def need(self) -> int: ...
    @property
    def pagu(self) -> int: ...


class FindingLike(Protocol):
    @property
    def aspect_id(self) -> int: ...
    @property
    def status(self) -> str: ...
    def overdue(self, today: date) -> bool: ...


@dataclass(frozen=True, slots=True)
class Sources:
    # unit id -> lines, rolled up the tree (opscenter.readiness.sarpras.SarprasLine)
    sarpras: Mapping[int, tuple[Any, ...]] = field(default_factory=dict)
    # unit id -> figures, rolled up (opscenter.readiness.budget.BudgetFigures)
    budget: Mapping[int, Any] = field(default_factory=dict)
    # unit id -> its own findings (opscenter.readiness.visits.FindingRow)
    findings: Mapping[int, tuple[Any, ...]] = field(default_factory=dict)
    # unit id -> its latest visit (opscenter.readiness.visits.VisitRow)
    latest_visit: Mapping[int, Any] = field(default_factory=dict)


def load_sources(session: Session, operation_id: int, stage_id: int | None, lang: str) -> Sources:
    """Everything the matrix and its evidence pane read, for one operation and stage."""
    return Sources()
