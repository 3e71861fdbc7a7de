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

The deficit goes back to reinforcement planning per Polres (``shortfall_by_polres``): what
its posts still lack (the same ``PostPlot.short`` the deficit per kecamatan sums), and how
many people a new plotting could still put there (``free``), so that planning asks other
units only for the rest (``opscenter.planning.reinforcement``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from opscenter import journal
from opscenter.actor import Actor
from opscenter.editing import fetch_for_edit, row_in_operation
from opscenter.errors import NotFound, OpsError
from opscenter.model import (
    BkoAssignment,
    GuardAssignment,
    GuardPost,
    Personnel,
    Rank,
    Stage,
    Unit,
    UnitArea,
)
from opscenter.permissions import require
from opscenter.plotting.posts import PERMISSION, Post, posts
from opscenter.store import Store
from opscenter.strength_inputs import WORKING_UNIT, active_police, bko_filter

POLRES_KINDS = ("polres", "polresta")
# Perwira menengah and tinggi (Kompol and above) command; they do not guard a TPS. The
# automatic plotting leaves them in the reserve; a person may still place one by hand.
COMMAND_RANKS = frozenset({"kompol", "akbp", "kombes", "brigjen", "irjen", "komjen", "jenderal"})


class PlotRefused(OpsError):
    """A hand placement refused. data: reason ("not_eligible", "not_placed", "same_post"),
    name (the person's)."""

    code = "plot.refused"


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


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a person was before a hand change (what its undo puts back): the post (None:
    the reserve), and how they were placed there."""

    personnel_id: int
    post_id: int | None
    basis: str | None
    from_unit_id: int | None
    locked: bool


class Seen(NamedTuple):
    """A person's placement row as a screen showed it or a hand change left it, what the
    next change of it expects to find (else it is refused as stale, not overwritten): the
    row's id and version, both None for the reserve (no row)."""

    row_id: int | None
    version: int | None


IN_RESERVE = Seen(None, None)


@dataclass(frozen=True, slots=True)
class HandPlaced:
    """What a hand placement did: where the person was (``before``, what its undo hands
    back as ``restore``) and the row it left (what the undo and the redo expect)."""

    before: Placement
    left: Seen


@dataclass(frozen=True, slots=True)
class Swapped:
    """What a swap did: where the two people were (``before``, what its undo hands back as
    ``restore``) and the versions it left on their rows (what the undo expects to find)."""

    before: tuple[Placement, Placement]
    versions: tuple[int, int]


# --- reading ---------------------------------------------------------------------------


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
    plotting would still leave short, the reinforcement wanted."""

    short: int
    free: int = 0
    leaving: int = 0

    @property
    def need(self) -> int:
        return max(0, self.short + self.leaving - self.free)


def shortfall_by_polres(
    session: Session, operation_id: int, stage_id: int
) -> dict[int, Shortfall] | None:
    """The plotting's deficit per Polres (by the unit guarding each post; see ``Shortfall``),
    by rules 2, 3 and 7 above; None when the stage has no plotting yet (nobody placed). A
    post no Polres guards counts for none."""
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
    for pid, (unit, _lender) in _pools(session, operation_id, stage, people).items():
        serves = units.polres(unit)
        if pid in on:
            where, locked = on[pid]
            if locked or where == serves:  # it stays (rule 2)
                continue
            if where is not None:
                leaving[where] += 1
        if serves is not None and people[pid].rank_code not in COMMAND_RANKS:
            free[serves] += 1
    return {
        p: Shortfall(short.get(p, 0), free.get(p, 0), leaving.get(p, 0))
        for p in {*short, *free, *leaving}
    }


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


def _reserve_order(o: Officer) -> tuple[int, int, str]:
    return (o.unit_id, -o.rank_order, o.nrp)


# --- the automatic plotting ------------------------------------------------------------


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


def _pools(
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
    pool = _pools(s, operation_id, stage, people)
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


# --- by hand ----------------------------------------------------------------------------


def place(
    store: Store,
    actor: Actor,
    operation_id: int,
    stage_id: int,
    personnel_id: int,
    post_id: int | None,
    *,
    restore: Placement | None = None,
    expected: Seen | None = None,
) -> HandPlaced:
    """Put a person on a post by hand, locked (``post_id`` None: back to the reserve);
    journaled as "plot.place". Returns where they were, for the undo, which hands it back
    as ``restore`` to put back the basis and the lock too, and the row it left, which the
    undo and the redo hand back as ``expected`` (None: no check)."""
    require(actor, PERMISSION)
    with store.transaction(actor, "plot.place", operation_id=operation_id) as s:
        people = officers(s, operation_id, only=personnel_id)  # one row, not the roster
        person = row_in_operation(s, Personnel, personnel_id, operation_id)
        if personnel_id not in people:
            raise PlotRefused(reason="not_eligible", name=person.name)
        row = _assignment(s, stage_id, personnel_id)
        before = _placement(personnel_id, row)
        if expected is not None:
            _expect(s, row, expected)
        if post_id is None:
            if row is not None:
                s.delete(row)
            s.flush()
            return HandPlaced(before, IN_RESERVE)
        post = s.get(GuardPost, post_id)
        if post is None or post.operation_id != operation_id or post.stage_id != stage_id:
            raise NotFound(entity="guard_post", key=post_id)
        basis = restore.basis if restore and restore.basis else "hand"
        lender = restore.from_unit_id if restore else people[personnel_id].unit_id
        locked = restore.locked if restore else True
        if row is None:
            row = GuardAssignment(
                operation_id=operation_id, stage_id=stage_id, post_id=post_id,
                personnel_id=personnel_id, basis=basis, from_unit_id=lender, locked=locked,
            )  # fmt: skip
            s.add(row)
        else:
            if row.post_id == post_id and restore is None:
                raise PlotRefused(reason="same_post", name=person.name)
            row.post_id, row.basis, row.from_unit_id, row.locked = post_id, basis, lender, locked
        s.flush()
        return HandPlaced(before, Seen(row.id, row.version))


def swap(
    store: Store,
    actor: Actor,
    operation_id: int,
    stage_id: int,
    first: int,
    second: int,
    *,
    restore: tuple[Placement, Placement] | None = None,
    expected_versions: tuple[int, int] | None = None,
) -> Swapped:
    """Exchange two placed people's posts, both then locked (journaled as "plot.swap").
    Returns where they were, for the undo, which hands it back as ``restore`` to put back
    each one's post, basis and lock, with the returned versions as ``expected_versions``
    (a row changed since is refused as stale, not overwritten)."""
    require(actor, PERMISSION)
    with store.transaction(actor, "plot.swap", operation_id=operation_id) as s:
        a, b = _placed(s, stage_id, first), _placed(s, stage_id, second)
        if a.operation_id != operation_id or b.operation_id != operation_id:
            raise NotFound(entity="guard_assignment", key=first)
        for row, version in zip((a, b), expected_versions or (None, None), strict=True):
            fetch_for_edit(s, GuardAssignment, row.id, version)
        before = (_placement(first, a), _placement(second, b))
        if restore is not None:
            was = {p.personnel_id: p for p in restore}
            for row in (a, b):
                w = was[row.personnel_id]
                assert w.post_id is not None and w.basis is not None  # placed before a swap
                row.post_id, row.basis, row.from_unit_id = w.post_id, w.basis, w.from_unit_id
                row.locked = w.locked
        else:
            if a.post_id == b.post_id:
                raise PlotRefused(reason="same_post", name=_name(s, first))
            a.post_id, b.post_id = b.post_id, a.post_id
            for row in (a, b):
                row.basis, row.locked = "hand", True
        s.flush()
        return Swapped(before, (a.version, b.version))


def set_locked(
    store: Store,
    actor: Actor,
    operation_id: int,
    stage_id: int,
    personnel_id: int,
    locked: bool,
    *,
    expected_version: int | None = None,
) -> int:
    """Lock a placement (a new plotting leaves it) or free it (journaled as "plot.lock");
    refused as stale when its row is no longer at ``expected_version`` (None: no check).
    Returns the version it left, what the undo and the redo expect."""
    require(actor, PERMISSION)
    with store.transaction(actor, "plot.lock", operation_id=operation_id) as s:
        row = _placed(s, stage_id, personnel_id)
        if row.operation_id != operation_id:
            raise NotFound(entity="guard_assignment", key=personnel_id)
        fetch_for_edit(s, GuardAssignment, row.id, expected_version)
        row.locked = locked
        s.flush()
        return int(row.version)


def _assignment(s: Session, stage_id: int, personnel_id: int) -> GuardAssignment | None:
    return s.execute(
        select(GuardAssignment).where(
            GuardAssignment.stage_id == stage_id, GuardAssignment.personnel_id == personnel_id
        )
    ).scalar_one_or_none()


def _expect(s: Session, row: GuardAssignment | None, seen: Seen) -> None:
    """Refuse as stale a person's placement changed since it was ``seen``: its row at
    another version, a row where there was none, none (or another) where there was one;
    the sentence names who changed it."""
    if row is not None and row.id == seen.row_id:
        fetch_for_edit(s, GuardAssignment, row.id, seen.version)
    elif row is not None:
        raise journal.stale_edit(s, "guard_assignment", row.id, expected=seen.version)
    elif seen.row_id is not None:
        raise journal.stale_edit(s, "guard_assignment", seen.row_id, expected=seen.version)


def _placement(personnel_id: int, row: GuardAssignment | None) -> Placement:
    """Where the person is now (row None: the reserve), as a hand change's undo restores."""
    if row is None:
        return Placement(personnel_id, None, None, None, False)
    return Placement(personnel_id, row.post_id, row.basis, row.from_unit_id, row.locked)


def _placed(s: Session, stage_id: int, personnel_id: int) -> GuardAssignment:
    row = _assignment(s, stage_id, personnel_id)
    if row is None:
        raise PlotRefused(reason="not_placed", name=_name(s, personnel_id))
    return row


def _name(s: Session, personnel_id: int) -> str:
    person = s.get(Personnel, personnel_id)
    return person.name if person is not None else str(personnel_id)
