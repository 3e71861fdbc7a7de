"""The plotting's deficit per Polres, as reinforcement planning asks for it
(``opscenter.planning.reinforcement``): what its posts still lack (the same
``PostPlot.short`` the deficit per kecamatan sums), and how many people a new plotting could
still put there (``free``), so that planning asks other units only for the rest.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter.editing import row_in_operation
from opscenter.model import GuardAssignment, Stage
from opscenter.plotting.plot import plotting
from opscenter.plotting.pools import COMMAND_RANKS, guard_unit, pools, unit_tree


@dataclass(frozen=True, slots=True)
class Shortfall:
    """A Polres's part of the plotting's deficit, and what a new plotting would change in it.

    ``short``: police still missing on the posts it guards (its posts' ``PostPlot.short``,
    as the deficit per kecamatan and the plotting list count them). ``free``: people a new
    plotting would deal to those posts: active, below Kompol (rule 7), serving the Polres
    (its units' people and the BKO into them for the stage, rule 3), on none of its posts
    and not locked elsewhere -- people who joined the roster or came on BKO after the
    plotting ran. ``leaving``: people on its posts a new plotting would take off (not
    locked, no longer serving the Polres: a BKO withdrawn, a transfer). ``need``: what a new
    plotting would still leave short, the reinforcement wanted. ``commanders``: its officers
    of Kompol and above on none of its posts (rule 7): counted in its strength, guarding no
    TPS -- why its posts can lack more than its balance says (an explanation, not part of the
    arithmetic, so not compared)."""

    short: int
    free: int = 0
    leaving: int = 0
    commanders: int = field(default=0, compare=False)

    @property
    def need(self) -> int:
        return max(0, self.short + self.leaving - self.free)


def shortfall_by_polres(
    session: Session, operation_id: int, stage_id: int
) -> dict[int, Shortfall] | None:
    """The plotting's deficit per Polres (by the unit guarding each post; see ``Shortfall``),
    by rules 2, 3 and 7 of ``opscenter.plotting.plot``; None when the stage has no plotting
    yet (nobody placed). A post no Polres guards counts for none."""
    stage = row_in_operation(session, Stage, stage_id, operation_id)
    placed_any = session.scalar(
        select(GuardAssignment.id)
        .where(GuardAssignment.operation_id == operation_id, GuardAssignment.stage_id == stage_id)
        .limit(1)
    )
    if placed_any is None:
        return None
    plot = plotting(session, operation_id, stage_id)
    units = unit_tree(session, operation_id)
    short: dict[int, int] = defaultdict(int)
    on: dict[int, tuple[int | None, bool]] = {}  # person -> (the post's Polres, locked)
    people = {o.id: o for o in plot.reserve}  # with those placed below: everyone who guards
    for pp in plot.posts:
        polres = units.polres(guard_unit(units, pp.post))
        if polres is not None:
            short[polres] += pp.short
        for placed in pp.officers:
            people[placed.officer.id] = placed.officer
            on[placed.officer.id] = (polres, placed.locked)
    free: dict[int, int] = defaultdict(int)
    leaving: dict[int, int] = defaultdict(int)
    commanders: dict[int, int] = defaultdict(int)
    for pid, (unit, _lender) in pools(session, operation_id, stage, people).items():
        serves = units.polres(unit)
        if pid in on:
            where, locked = on[pid]
            if locked or where == serves:  # it stays (rule 2)
                continue
            if where is not None:
                leaving[where] += 1
        if serves is None:
            continue
        if people[pid].rank_code not in COMMAND_RANKS:
            free[serves] += 1
        elif pid not in on:
            commanders[serves] += 1
    return {
        p: Shortfall(short.get(p, 0), free.get(p, 0), leaving.get(p, 0), commanders.get(p, 0))
        for p in {*short, *free, *leaving, *commanders}
    }
