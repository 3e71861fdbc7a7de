"""The plotting as a window shows it: the stage's plotting with the units it names.

``plotting`` gives posts, officers and reserve by ids; a screen also needs the units' names
(the reserve's unit, where a placement came from), which unit guards each post, and which
Polres and Polsek a unit filter can offer. ``plot_view`` reads all of it in one session;
``PlotView.within`` narrows it to one unit and the units under it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter.model import Unit
from opscenter.plotting.plot import Plotting, PostPlot, plotting
from opscenter.plotting.pools import POLRES_KINDS, Officer, guard_unit, unit_tree


@dataclass(frozen=True, slots=True)
class UnitRef:
    id: int
    name: str
    kind: str
    parent_id: int | None


@dataclass(frozen=True, slots=True)
class PlotView:
    plotting: Plotting
    units: Mapping[int, UnitRef]
    # post id -> the unit guarding it (its TPS's unit, else the kecamatan's Polsek)
    guard: Mapping[int, int | None]

    def unit_name(self, unit_id: int | None) -> str:
        unit = self.units.get(unit_id) if unit_id is not None else None
        return unit.name if unit is not None else ""

    def polres(self) -> tuple[UnitRef, ...]:
        """The Polres and Polresta, by name."""
        return tuple(
            sorted((u for u in self.units.values() if u.kind in POLRES_KINDS), key=_by_name)
        )

    def polsek_of(self, polres_id: int) -> tuple[UnitRef, ...]:
        """The Polsek under a Polres, by name."""
        return tuple(
            sorted(
                (u for u in self.units.values() if u.kind == "polsek" and u.parent_id == polres_id),
                key=_by_name,
            )
        )

    def under(self, unit_id: int | None, root: int) -> bool:
        """Whether ``unit_id`` is ``root`` or lies under it."""
        seen = 0
        while unit_id is not None and seen < 32:
            if unit_id == root:
                return True
            unit = self.units.get(unit_id)
            unit_id, seen = (unit.parent_id if unit else None), seen + 1
        return False

    def within(self, unit_id: int | None) -> tuple[tuple[PostPlot, ...], tuple[Officer, ...]]:
        """The posts guarded by ``unit_id`` or a unit under it, and the reserve who work
        there (None: everything)."""
        p = self.plotting
        if unit_id is None:
            return p.posts, p.reserve
        return (
            tuple(x for x in p.posts if self.under(self.guard.get(x.post.id), unit_id)),
            tuple(o for o in p.reserve if self.under(o.unit_id, unit_id)),
        )


def _by_name(u: UnitRef) -> str:
    return u.name.casefold()


def plot_view(session: Session, operation_id: int, stage_id: int) -> PlotView:
    """The stage's plotting with its units, as of one read."""
    plot = plotting(session, operation_id, stage_id)
    refs = {
        int(uid): UnitRef(int(uid), str(name), str(kind), parent)
        for uid, name, kind, parent in session.execute(
            select(Unit.id, Unit.name, Unit.kind, Unit.parent_id).where(
                Unit.operation_id == operation_id
            )
        )
    }
    tree = unit_tree(session, operation_id)
    guard = {p.post.id: guard_unit(tree, p.post) for p in plot.posts}
    return PlotView(plot, refs, guard)
