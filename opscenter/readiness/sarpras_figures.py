"""Sarpras figures of every unit: what it holds of each equipment category, by the government
asset condition scale (baik, rusak ringan, rusak berat), against what the guard plan requires.

A category's requirement rule is ``rule_quantity`` items per ``rule_per`` of its basis
(``model.readiness.RULE_BASES``), counted for each unit from the strength computation's own
inputs (``strength_inputs.load_inputs``: TPS groups and guard patterns), never from a second read of
the TPS:

* ``team``       guard teams: each TPS group (guarding unit, kecamatan, category) of *n* TPS
                 under the pattern "a-b-c" is ``ceil(n / b)`` teams;
* ``tps_kec``    TPS per kecamatan: ``ceil(TPS of the unit in the kecamatan / per)``, summed;
* ``kecamatan``  the kecamatan the unit guards TPS in;
* ``personel``   police the unit's TPS require;
* ``unit``       the unit itself: a Polda, Polres or Polresta (a Polsek needs none of its own).

so a unit's own requirement is ``quantity * ceil(count / per)`` (``tps_kec`` rounds up per
kecamatan). Stock and requirement are rolled up the tree as ``strength`` rolls up strength: a
Polres includes its Polsek, the Polda everything under it. Every write is journaled and
Polres includes its Polsek, the Polda everything under it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import add

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, aliased

from opscenter import operations
from opscenter.editing import row_in_operation
from opscenter.errors import InvalidValue
from opscenter.model import Stage, Unit
from opscenter.model.readiness import SarprasStock
from opscenter.readiness.sarpras import TREES, Category, categories
from opscenter.strength import StrengthInputs, UnitNode, ceil_div, group_need, tree_order
from opscenter.strength_inputs import beside, load_inputs

# Units that a "unit" rule gives their own requirement to.
HEADQUARTERS = ("polda", "polres", "polresta")


@dataclass(frozen=True, slots=True)
class SarprasLine:
    """One unit's figures for one category, rolled up its tree (a Polres includes its Polsek).

    ``required`` is None when the category has no rule. ``unusable`` counts the items in
    good or lightly damaged condition that the unit's parts hold but may not use (rows marked
    not laik pakai); it is 0 on a line of one stock row, so ``usable`` is then exactly
    ``baik + rusak_ringan`` if laik pakai, else 0. A rolled-up line is laik pakai when any of
    its parts is (or none holds anything)."""

    unit_id: int
    category_id: int
    code: str
    name: str
    group: str
    measure: str
    baik: int
    rusak_ringan: int
    rusak_berat: int
    laik_pakai: bool
    ammunition: int | None
    required: int | None
    unusable: int = 0

    @property
    def total(self) -> int:
        return self.baik + self.rusak_ringan + self.rusak_berat

    @property
    def usable(self) -> int:
        return (self.baik + self.rusak_ringan - self.unusable) if self.laik_pakai else 0

    @property
    def deficit(self) -> int:
        return max(0, self.required - self.usable) if self.required is not None else 0

    @property
    def short_share(self) -> float:
        """The deficit as a share of the requirement (0 without a rule or a requirement)."""
        return self.deficit / self.required if self.required else 0.0


def worst_line(lines: Iterable[SarprasLine]) -> SarprasLine | None:
    """The line furthest short of its requirement (None when none is short): what the
    matrix's sarpras level, the evidence pane and the printed report all name."""
    short = [ln for ln in lines if ln.deficit > 0]
    return max(short, key=lambda ln: ln.short_share) if short else None


def voting_stage(session: Session, operation_id: int, stage_id: int | None) -> Stage | None:
    """The stage asked for (refused when it is another operation's); None: voting day's."""
    if stage_id is not None:
        return row_in_operation(session, Stage, stage_id, operation_id)
    return next((s for s in operations.stages(session, operation_id) if s.is_voting), None)


@dataclass(frozen=True, slots=True)
class Bases:
    """What the rules count, per unit (its own TPS only; the roll-up adds the rest)."""

    teams: Mapping[int, int]
    # unit -> TPS it guards in each kecamatan
    tps_per_kecamatan: Mapping[int, tuple[int, ...]]
    police: Mapping[int, int]


def bases(inputs: StrengthInputs) -> Bases:
    """Guard teams, TPS per kecamatan and police required of each unit, from its TPS groups."""
    teams: dict[int, int] = defaultdict(int)
    police: dict[int, int] = defaultdict(int)
    per_kec: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for (unit_id, kec_id, cat_id), n in inputs.tps_groups.items():
        if unit_id is None:
            continue
        pattern = inputs.patterns[cat_id]
        teams[unit_id] += ceil_div(n, pattern.tps)
        police[unit_id] += group_need(n, pattern)[0]
        per_kec[unit_id][kec_id] += n
    return Bases(
        teams=dict(teams),
        tps_per_kecamatan={u: tuple(k.values()) for u, k in per_kec.items()},
        police=dict(police),
    )


def own_requirement(c: Category, unit_id: int, kind: str, b: Bases) -> int:
    """What one unit (of ``kind``) itself requires under a category's rule, its sub-units not
    included: ``quantity * ceil(count / per)``, rounded up per kecamatan for "tps_kec"."""
    basis, quantity, per = c.rule_basis, c.rule_quantity, c.rule_per
    if basis is None:
        return 0
    if basis == "unit":
        count = 1 if kind in HEADQUARTERS else 0
    elif basis == "tps_kec":
        return quantity * sum(ceil_div(n, per) for n in b.tps_per_kecamatan.get(unit_id, ()))
    elif basis == "team":
        count = b.teams.get(unit_id, 0)
    elif basis == "kecamatan":
        count = len(b.tps_per_kecamatan.get(unit_id, ()))
    elif basis == "personel":
        count = b.police.get(unit_id, 0)
    else:
        raise InvalidValue(field="rule_basis", value=basis, reason="unknown")
    return quantity * ceil_div(count, per)


# Rules whose requirement adds up the tree as their count does (quantity x count): the
# requirement of a Polres is then quantity x its subtree's count. Others (per > 1, TPS per
# kecamatan) round up per unit and are summed unit by unit.
_COUNTS = ("team", "kecamatan", "personel", "unit")


def _linear(c: Category) -> bool:
    return c.rule_basis == "unit" or (c.rule_basis in _COUNTS and c.rule_per == 1)


def _requirements(
    tree: Mapping[int, UnitNode],
    b: Bases,
    ruled: Sequence[Category],
    wanted: Sequence[int],
) -> dict[int, dict[int, int]]:
    """Wanted unit -> category -> what the unit and the units under it require."""
    # Each unit's own counts, in _COUNTS order, then summed up the tree (children first).
    counts = {
        uid: [
            b.teams.get(uid, 0),
            len(b.tps_per_kecamatan.get(uid, ())),
            b.police.get(uid, 0),
            1 if u.kind in HEADQUARTERS else 0,
        ]
        for uid, u in tree.items()
    }
    rounded = [c for c in ruled if not _linear(c)]
    own: dict[int, dict[int, int]] = {c.id: {} for c in rounded}
    for uid, u in tree.items():
        if uid in b.teams or uid in b.tps_per_kecamatan:
            for c in rounded:
                need = own_requirement(c, uid, u.kind, b)
                if need:
                    own[c.id][uid] = need
    for uid in reversed(tree_order(tree)[1]):
        parent = tree[uid].parent_id
        if parent is None or parent not in tree:
            continue
        counts[parent] = list(map(add, counts[parent], counts[uid]))
        for per_unit in own.values():
            if uid in per_unit:
                per_unit[parent] = per_unit.get(parent, 0) + per_unit[uid]
    out: dict[int, dict[int, int]] = {}
    for uid in wanted:
        mine = out[uid] = {}
        for c in ruled:
            if _linear(c):
                mine[c.id] = c.rule_quantity * counts[uid][_COUNTS.index(str(c.rule_basis))]
            else:
                mine[c.id] = own[c.id].get(uid, 0)
    return out


# Stock figures per (unit, category), summed over the unit's subtree, by position:
# baik, rusak ringan, rusak berat, unusable (baik + RR of rows not laik pakai), rows laik
# pakai, rows, ammunition, rows with an ammunition count.
Figures = Sequence[int]
# Up to this many wanted units the database sums their subtrees (a bind parameter each);
# beyond, the stock is summed here for the whole tree.
_NAMED_UNITS = 2000


def _rolled_stock(
    session: Session, operation_id: int, wanted: Collection[int]
) -> dict[tuple[int, int], Figures]:
    """What each wanted unit and the units under it hold, summed by the database: a
    recursive query pairs each wanted unit with itself and every unit below it, and their
    stock is grouped by wanted unit and category. Going down from the wanted units pairs
    each stock row with the few wanted units above it only, and the stock is then found by
    its unit (bench/readiness.py: a third less than pairing every unit with all its
    ancestors and keeping the wanted ones). UNION, not UNION ALL: a unit tree that loops
    (refused on entry, but never trusted) ends instead of recursing for ever. The units are
    the operation's, so their stock is; as before, only units of ``TREES`` count, wherever
    they hang."""
    child = aliased(Unit)
    start = select(Unit.id.label("anc"), Unit.id.label("unit_id"), Unit.tree).where(
        Unit.operation_id == operation_id, Unit.tree.in_(TREES), Unit.id.in_(list(wanted))
    )
    down = start.cte("down", recursive=True)
    down = down.union(
        select(down.c.anc, child.id, child.tree)
        .join(child, child.parent_id == down.c.unit_id)
        .where(child.operation_id == operation_id)
    )
    t = SarprasStock
    stmt = (
        select(
            down.c.anc,
            t.category_id,
            func.sum(t.baik),
            func.sum(t.rusak_ringan),
            func.sum(t.rusak_berat),
            func.sum(case((t.laik_pakai, 0), else_=t.baik + t.rusak_ringan)),
            func.sum(case((t.laik_pakai, 1), else_=0)),
            func.count(),
            func.coalesce(func.sum(t.ammunition), 0),
            func.count(t.ammunition),
        )
        .select_from(down)
        .join(t, t.unit_id == down.c.unit_id)
        .where(down.c.tree.in_(TREES))  # a partner force's unit below holds none of it
        .group_by(down.c.anc, t.category_id)
    )
    # Core, not the ORM's row loading; sums and counts of integer columns are ints on
    # SQLite and PostgreSQL alike (bigint), so the rows' values are kept as they come.
    return {(anc, cid): figures for anc, cid, *figures in session.connection().execute(stmt)}


def _summed_stock(
    session: Session, operation_id: int, tree: Mapping[int, UnitNode]
) -> dict[tuple[int, int], Figures]:
    """The same figures for every unit, summed here: every stock row is read once and added
    up the tree, children first. For the whole tree this beats the database's grouping of
    each row under each of its ancestors (bench/sarpras.py)."""
    acc: dict[int, dict[int, list[int]]] = {uid: {} for uid in tree}
    t = SarprasStock
    rows = session.connection().execute(
        select(
            t.unit_id, t.category_id, t.baik, t.rusak_ringan, t.rusak_berat, t.laik_pakai,
            t.ammunition,
        ).where(t.operation_id == operation_id)
    )  # fmt: skip
    for uid, cid, baik, rr, rb, laik, ammo in rows:
        mine = acc.get(uid)
        if mine is not None:
            mine[cid] = [
                baik,
                rr,
                rb,
                0 if laik else baik + rr,
                1 if laik else 0,
                1,
                ammo or 0,
                0 if ammo is None else 1,
            ]
    for uid in reversed(tree_order(tree)[1]):
        parent = tree[uid].parent_id
        if parent is None or parent not in acc:
            continue
        into = acc[parent]
        for cid, figures in acc[uid].items():
            have = into.get(cid)
            into[cid] = list(figures) if have is None else list(map(add, have, figures))
    return {(uid, cid): f for uid, mine in acc.items() for cid, f in mine.items()}


def sarpras_by_unit(
    session: Session,
    operation_id: int,
    stage_id: int | None,
    lang: str = "id",
    *,
    inputs: StrengthInputs | None = None,
    units: Collection[int] | None = None,
) -> dict[int, tuple[SarprasLine, ...]]:
    """Every unit of the territorial and task-force trees -> its lines, rolled up its tree:
    one line for each category it (or a unit under it) holds or requires, in the
    categories' order. ``stage_id`` None reads the voting stage.

    ``inputs`` reuses strength inputs already read for the same operation and stage (the
    readiness matrix reads them once for personnel and sarpras). ``units`` limits the answer
    to those units (the figures are still rolled up from everything under them): a Polres
    matrix needs no Polsek lines, and the database then sums only what it asks for.
    """
    if inputs is None:
        inputs = load_inputs(session, operation_id, voting_stage(session, operation_id, stage_id))
    cats = categories(session, operation_id, lang)
    tree = {uid: u for uid, u in inputs.units.items() if u.tree in TREES}
    wanted = list(tree) if units is None else [u for u in dict.fromkeys(units) if u in tree]
    ruled = [c for c in cats if c.rule_basis is not None]
    if units is None or len(wanted) > _NAMED_UNITS:
        required = _requirements(tree, bases(inputs), ruled, wanted)
        held = _summed_stock(session, operation_id, tree)
    else:
        # A few units (the Polres): the database sums only their subtrees, on a connection of
        # its own while the requirements are worked out here (``strength_inputs.beside``).
        rolled = beside(session, lambda other: _rolled_stock(other, operation_id, wanted))
        required = _requirements(tree, bases(inputs), ruled, wanted)
        held = rolled()
    has_rule = {c.id for c in ruled}
    shown = [(c.id, c.code, c.name, c.group, c.measure, c.id in has_rule) for c in cats]
    none: Figures = (0, 0, 0, 0, 0, 0, 0, 0)
    out: dict[int, tuple[SarprasLine, ...]] = {}
    for uid in wanted:
        needs = required[uid]
        lines: list[SarprasLine] = []
        for cid, code, name, group, measure, ruled_cat in shown:
            s = held.get((uid, cid))
            need = needs.get(cid, 0)
            if s is None and not need:
                continue
            b, rr, rb, unusable, laik, rows, ammo, ammo_rows = s or none
            lines.append(
                SarprasLine(
                    uid,
                    cid,
                    code,
                    name,
                    group,
                    measure,
                    b,
                    rr,
                    rb,
                    laik > 0 or rows == 0,
                    ammo if ammo_rows else None,
                    need if ruled_cat else None,
                    unusable if laik > 0 else 0,
                )
            )
        out[uid] = tuple(lines)
    return out
