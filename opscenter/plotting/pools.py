"""The pools the automatic plotting deals from (``opscenter.plotting.plot``): who may guard
(rule 1; officers of Kompol and above command, rule 7), the unit tree a post's Polsek and
Polres come from (rules 4 and 5), and whose posts each person serves with the BKO in force
for the stage (rule 3). The hand's placements and the plotting imports read the same
officers; the deficit per Polres (``opscenter.plotting.shortfall``) the same pools.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from opscenter.model import BkoAssignment, Personnel, Rank, Stage, Unit, UnitArea
from opscenter.plotting.posts import Post
from opscenter.strength_inputs import WORKING_UNIT, active_police, bko_filter

POLRES_KINDS = ("polres", "polresta")
# Perwira menengah and tinggi (Kompol and above) command; they do not guard a TPS. The
# automatic plotting leaves them in the reserve; a person may still place one by hand.
COMMAND_RANKS = frozenset({"kompol", "akbp", "kombes", "brigjen", "irjen", "komjen", "jenderal"})


class Officer(NamedTuple):  # a tuple: a national operation reads 400,000 of them
    id: int
    nrp: str
    name: str
    rank: str
    rank_order: int  # higher is more senior; -1 with no rank
    phone: str | None
    unit_id: int  # where the person works (assigned, else home unit)
    rank_code: str = ""

    @property
    def seniority(self) -> tuple[int, str]:
        """Sorts the most senior first: the highest rank, then the lowest NRP."""
        return (-self.rank_order, self.nrp)


def officers(session: Session, operation_id: int, only: int | None = None) -> dict[int, Officer]:
    """Every person who may guard, by id (``only``: that person, if they may)."""
    who = active_police(operation_id)
    if only is not None:
        who = and_(who, Personnel.id == only)
    return {
        int(pid): Officer(
            int(pid), str(nrp), str(name), str(rank or ""), -1 if order is None else int(order),
            phone, int(unit), str(code or ""),
        )
        for pid, nrp, name, rank, order, phone, unit, code in session.execute(
            select(
                Personnel.id, Personnel.nrp, Personnel.name, Rank.name, Rank.ordinal,
                Personnel.phone, WORKING_UNIT, Rank.code,
            )
            .outerjoin(Rank, Rank.id == Personnel.rank_id)
            .where(who)
        )
    }  # fmt: skip


@dataclass(frozen=True, slots=True)
class UnitTree:
    parent: Mapping[int, int | None]
    kind: Mapping[int, str]
    # kecamatan id -> the Polsek whose area covers it
    polsek_of: Mapping[int, int]

    def polres(self, unit: int | None) -> int | None:
        """The Polres/Polresta a unit belongs to (itself when it is one)."""
        seen = 0
        while unit is not None and seen < 32:
            if self.kind.get(unit) in POLRES_KINDS:
                return unit
            unit, seen = self.parent.get(unit), seen + 1
        return None


def unit_tree(session: Session, operation_id: int) -> UnitTree:
    parent: dict[int, int | None] = {}
    kind: dict[int, str] = {}
    for uid, pid, k in session.execute(
        select(Unit.id, Unit.parent_id, Unit.kind).where(Unit.operation_id == operation_id)
    ):
        parent[int(uid)] = pid
        kind[int(uid)] = str(k)
    polsek_of = {
        int(region): int(unit)
        for unit, region in session.execute(
            select(UnitArea.unit_id, UnitArea.region_id)
            .join(Unit, Unit.id == UnitArea.unit_id)
            .where(Unit.operation_id == operation_id, Unit.kind == "polsek")
            .order_by(UnitArea.unit_id)
        )
    }
    return UnitTree(parent, kind, polsek_of)


def pools(
    session: Session, operation_id: int, stage: Stage, people: Mapping[int, Officer]
) -> dict[int, tuple[int, int | None]]:
    """person -> (the unit whose posts they serve, the BKO's lender or None)."""
    pool: dict[int, tuple[int, int | None]] = {pid: (o.unit_id, None) for pid, o in people.items()}
    rows = session.execute(
        select(
            BkoAssignment.from_unit_id,
            BkoAssignment.to_unit_id,
            BkoAssignment.personnel_id,
            BkoAssignment.personnel_count,
        )
        .where(bko_filter(session, operation_id, stage))
        .order_by(BkoAssignment.id)
    ).all()
    for lender, receiver, person, _count in rows:
        if person is not None and person in pool:
            pool[person] = (int(receiver), int(lender))
    by_unit: dict[int, list[Officer]] = defaultdict(list)
    for pid, (home, came_from) in pool.items():
        if came_from is None:
            by_unit[home].append(people[pid])
    for lender, receiver, person, count in rows:
        if person is None:
            source = int(lender)
            lent = sorted(by_unit.get(source, ()), key=_lent_order)[: int(count)]
            for o in lent:
                pool[o.id] = (int(receiver), source)
            by_unit[source] = [o for o in by_unit.get(source, ()) if o not in lent]
    return pool


def _lent_order(o: Officer) -> tuple[bool, str]:
    """Who a BKO of a number lends first (rule 3): guards, then commanders; by NRP."""
    return (o.rank_code in COMMAND_RANKS, o.nrp)


def guard_unit(units: UnitTree, post: Post) -> int | None:
    """The unit guarding a post: its TPS's, else the Polsek whose area covers its kecamatan
    (the plotting, its window and its printed list all group by it)."""
    return post.unit_id if post.unit_id is not None else units.polsek_of.get(post.kecamatan_id)
