"""Named officers on the guard posts of a stage (plotting personel pengamanan TPS).

The rules of the automatic plotting (``plot``), in the order they are applied:

1. Only the operation's active Polri personnel guard (``strength_inputs.active_police``), one post
   per person per stage (the database holds that too).
2. What is there stays. A placement made or confirmed by hand (locked) is never moved. Any
   other placement stays while it is still valid: the person is still active and belongs to
   the post's Polres (its Polsek, its staff, or a BKO into it), and the post does not hold
   more people than it needs (else its most junior unlocked people leave first). So a
   plotting run again after a roster import changes as little as possible.
3. BKO in force for the stage (``strength_inputs.bko_filter``) puts people under the receiving
   unit: a BKO of a named person moves that person; a BKO of a number moves that many of
   the lending unit's people, in NRP order, so that the choice is the same each time, and
   those who guard (rule 7) before its commanders: a number lent is that many guards.
4. Each post is filled first from its own Polsek: the unit guarding its TPS, else the
   Polsek whose area covers its kecamatan (and the BKO into that Polsek).
5. What a Polsek cannot fill, its Polres fills: the Polres's own people and the BKO into
   it first, then the surplus of its other Polseks.
6. Within a pool people are taken by seniority (rank, then NRP) and dealt round the pool's
   posts one at a time, so that every post gets one senior officer before any gets a
   second; the most senior officer of a post is its leader.
7. Officers of Kompol and above (perwira menengah and tinggi) command rather than guard a
   TPS: the automatic plotting never deals them; by hand they may still be placed.

Whoever is left is the reserve (cadangan); the posts still short make the deficit per
kecamatan. Every placement keeps why it was made (``basis``, ``from_unit_id``), which the
plotting list shows in words.

Who may guard and whose posts each person serves (rules 1, 3 to 5 and 7) is read in
``opscenter.plotting.pools``; the deficit goes back to reinforcement planning per Polres
(``opscenter.plotting.shortfall``); the hand's placements, swaps and locks are
``opscenter.plotting.hand``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter import journal
from opscenter.actor import Actor
from opscenter.editing import row_in_operation
from opscenter.model import GuardAssignment, Stage
from opscenter.permissions import require
from opscenter.plotting.pools import (
    COMMAND_RANKS,
    POLRES_KINDS,
    Officer,
    guard_unit,
    officers,
    pools,
    unit_tree,
)
from opscenter.plotting.posts import PERMISSION, Post, posts
from opscenter.store import Store

# Why a person is dealt to a post: person -> (basis, the unit they came from).
_Basis = Callable[[Officer], tuple[str, int | None]]


@dataclass(frozen=True, slots=True)
class Placed:
    assignment_id: int
    version: int
    officer: Officer
    basis: str
    from_unit_id: int | None
    locked: bool
    leader: bool


@dataclass(frozen=True, slots=True)
class PostPlot:
    post: Post
    officers: tuple[Placed, ...]

    @property
    def short(self) -> int:
        return max(0, self.post.police - len(self.officers))


@dataclass(frozen=True, slots=True)
class Plotting:
    """A stage's plotting: every post with its officers, the reserve, the deficit."""

    posts: tuple[PostPlot, ...]
    reserve: tuple[Officer, ...]
    # kecamatan id -> police still missing on its posts (only kecamatan short of people)
    deficit: Mapping[int, int]

    @property
    def placed(self) -> int:
        return sum(len(p.officers) for p in self.posts)


@dataclass(frozen=True, slots=True)
class Plotted:
    """What a run did: placements kept, made and removed; the reserve and the deficit."""

    kept: int
    placed: int
    removed: int
    reserve: int
    short: int


# --- reading ---------------------------------------------------------------------------


def plotting(session: Session, operation_id: int, stage_id: int) -> Plotting:
    """The stage's plotting as it stands."""
    people = officers(session, operation_id)
    held = posts(session, operation_id, stage_id)
    by_post: dict[int, list[_Row]] = defaultdict(list)
    for row in _assignments(session, operation_id, stage_id):
        by_post[row.post_id].append(row)
    placed_ids: set[int] = set()
    out = []
    deficit: dict[int, int] = defaultdict(int)
    for post in held:
        rows = [r for r in by_post.get(post.id, ()) if r.personnel_id in people]
        rows.sort(key=lambda r: people[r.personnel_id].seniority)
        placed = tuple(
            Placed(
                r.id, r.version, people[r.personnel_id], r.basis, r.from_unit_id, r.locked,
                leader=i == 0,
            )
            for i, r in enumerate(rows)
        )  # fmt: skip
        placed_ids.update(r.personnel_id for r in rows)
        plot = PostPlot(post, placed)
        out.append(plot)
        if plot.short:
            deficit[post.kecamatan_id] += plot.short
    reserve = tuple(
        sorted((o for pid, o in people.items() if pid not in placed_ids), key=_reserve_order)
    )
    return Plotting(tuple(out), reserve, dict(deficit))


class _Row(NamedTuple):
    """A placement as stored (plain values: a national stage holds 325,000)."""

    id: int
    version: int
    post_id: int
    personnel_id: int
    basis: str
    from_unit_id: int | None
    locked: bool


def _assignments(session: Session, operation_id: int, stage_id: int) -> list[_Row]:
    ga = GuardAssignment
    return [
        _Row(*r)
        for r in session.execute(
            select(ga.id, ga.version, ga.post_id, ga.personnel_id, ga.basis, ga.from_unit_id,
                   ga.locked)
            .where(ga.operation_id == operation_id, ga.stage_id == stage_id)
        )
    ]  # fmt: skip


def _reserve_order(o: Officer) -> tuple[bool, int, int, str]:
    """Those who guard first, by unit and seniority; the commanders (rule 7) after them all:
    the walk found a Polda's Irjen and Brigjen heading the list a TPS is filled from."""
    return (o.rank_code in COMMAND_RANKS, o.unit_id, -o.rank_order, o.nrp)


# --- the automatic plotting ------------------------------------------------------------


def plot(store: Store, actor: Actor, operation_id: int, stage_id: int) -> Plotted:
    """Plot the stage's posts by the rules above (journaled as "plot.run")."""
    require(actor, PERMISSION)
    with store.transaction(actor, "plot.run", operation_id=operation_id) as s:
        return plot_in(s, operation_id, stage_id)


def plot_in(s: Session, operation_id: int, stage_id: int) -> Plotted:
    """``plot`` inside a transaction the caller holds (the demo's load)."""
    stage = row_in_operation(s, Stage, stage_id, operation_id)
    people = officers(s, operation_id)
    units = unit_tree(s, operation_id)
    pool = pools(s, operation_id, stage, people)
    held = {p.id: p for p in posts(s, operation_id, stage_id)}
    guard = {pid: guard_unit(units, p) for pid, p in held.items()}

    # 2. What is there stays while valid.
    on_post: dict[int, list[_Row]] = defaultdict(list)
    gone: list[_Row] = []
    for row in _assignments(s, operation_id, stage_id):
        person = row.personnel_id
        polres = units.polres(guard[row.post_id])
        fits = person in people and (
            row.locked or (polres is not None and units.polres(pool[person][0]) == polres)
        )
        (on_post[row.post_id] if fits else gone).append(row)
    for post_id, rows in on_post.items():
        extra = len(rows) - held[post_id].police
        loose = sorted(
            (r for r in rows if not r.locked),
            key=lambda r: people[r.personnel_id].seniority,
            reverse=True,  # the most junior first
        )
        for row in loose[: max(0, extra)]:
            rows.remove(row)
            gone.append(row)
    removed = len(gone)
    for row in gone:  # through the session, journaled; few unless much has changed
        s.delete(s.get_one(GuardAssignment, row.id))
    # The removals first: a person taken off one post may be dealt to another below.
    s.flush()
    kept = sum(len(rows) for rows in on_post.values())
    taken = {r.personnel_id for rows in on_post.values() for r in rows}
    slots = {pid: max(0, p.police - len(on_post.get(pid, ()))) for pid, p in held.items()}
    order = sorted(held, key=lambda pid: (held[pid].kecamatan, held[pid].number))
    new: list[dict[str, Any]] = []

    def deal(post_ids: Sequence[int], candidates: Iterable[Officer], basis_of: _Basis) -> None:
        """Deal ``candidates`` (in order) round the posts one at a time while slots last."""
        queue = [o for o in candidates if o.id not in taken]
        at = 0
        while at < len(queue):
            open_posts = [p for p in post_ids if slots[p] > 0]
            if not open_posts:
                return
            for post_id in open_posts:
                if at >= len(queue):
                    return
                o = queue[at]
                at += 1
                basis, lender = basis_of(o)
                new.append(
                    {"operation_id": operation_id, "stage_id": stage_id, "post_id": post_id,
                     "personnel_id": o.id, "basis": basis, "from_unit_id": lender,
                     "locked": False}
                )  # fmt: skip
                taken.add(o.id)
                slots[post_id] -= 1

    members: dict[int, list[Officer]] = defaultdict(list)  # pool unit -> its people
    for pid, (unit, _lender) in pool.items():
        if people[pid].rank_code not in COMMAND_RANKS:  # 7. commanders are not dealt
            members[unit].append(people[pid])
    for group in members.values():
        group.sort(key=lambda o: o.seniority)

    def basis(default: str) -> _Basis:
        def of(o: Officer) -> tuple[str, int | None]:
            unit, lender = pool[o.id]
            return ("bko", lender) if lender is not None else (default, unit)

        return of

    # 4. Each Polsek's posts from its own people.
    by_guard: dict[int, list[int]] = defaultdict(list)
    for pid in order:
        guarding = guard[pid]
        if guarding is not None:
            by_guard[guarding].append(pid)
    for unit in sorted(by_guard):
        if units.kind.get(unit) not in POLRES_KINDS:
            deal(by_guard[unit], members.get(unit, ()), basis("polsek"))
    # 5. Then each Polres: its own people and BKO, then its other Polseks' surplus.
    by_polres: dict[int, list[int]] = defaultdict(list)
    for pid in order:
        polres = units.polres(guard[pid])
        if polres is not None:
            by_polres[polres].append(pid)
    below: dict[int, list[Officer]] = defaultdict(list)  # Polres -> its other units' people
    for unit, group in members.items():
        polres = units.polres(unit)
        if polres is not None and polres != unit:
            below[polres].extend(group)
    for polres in sorted(by_polres):
        deal(by_polres[polres], members.get(polres, ()), basis("polres"))
        others = sorted(below.get(polres, ()), key=lambda o: o.seniority)
        deal(by_polres[polres], others, basis("polsek_lain"))
    # At Core speed, journaled row by row: a national stage places 325,000 officers.
    journal.insert_rows(s, GuardAssignment, new)
    return Plotted(
        kept=kept,
        placed=len(new),
        removed=removed,
        reserve=len(people) - len(taken),
        short=sum(slots.values()),
    )
