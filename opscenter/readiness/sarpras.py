"""The sarpras inventory: what each unit holds of each equipment category, by the government
asset condition scale (baik, rusak ringan, rusak berat), against what the guard plan requires.

A category's requirement rule is ``rule_quantity`` items per ``rule_per`` of its basis
(``model.readiness.RULE_BASES``), counted for each unit from the strength computation's own
inputs (``strength.load_inputs``: TPS groups and guard patterns), never from a second read of
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
refuses a stale edit (``expected_version`` is the version the user's screen showed).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import add

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, aliased

from opscenter import cells, operations, reference_lists
from opscenter.actor import Actor
from opscenter.editing import fetch_for_edit, row_in_operation
from opscenter.errors import InvalidValue
from opscenter.model import Stage, Unit
from opscenter.model.readiness import RULE_BASES, SARPRAS_GROUPS, SarprasCategory, SarprasStock
from opscenter.permissions import require
from opscenter.reference import label
from opscenter.reference_lists import ListItem, Removed
from opscenter.store import Store
from opscenter.strength import (
    StrengthInputs,
    UnitNode,
    beside,
    ceil_div,
    group_need,
    load_inputs,
    tree_order,
)

PERMISSION = "readiness.edit"
# The trees whose units hold sarpras (partner forces keep their own lists).
TREES = ("territorial", "satgas")
# Units that a "unit" rule gives their own requirement to.
HEADQUARTERS = ("polda", "polres", "polresta")


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Category:
    """A sarpras category with its requirement rule, as plain data."""

    id: int
    version: int
    code: str
    name: str  # in the language it was read in
    group: str
    measure: str
    rule_basis: str | None
    rule_quantity: int
    rule_per: int
    has_ammunition: bool
    ordinal: int
    name_en: str | None = None  # the English name as stored (for the list's rename form)


@dataclass(frozen=True, slots=True)
class StockLine:
    """One stored stock row: what one unit itself holds of one category."""

    id: int
    version: int
    unit_id: int
    category_id: int
    baik: int
    rusak_ringan: int
    rusak_berat: int
    laik_pakai: bool
    ammunition: int | None
    note: str | None


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


def _category(row: SarprasCategory, lang: str) -> Category:
    return Category(
        int(row.id),
        int(row.version),
        str(row.code),
        label(str(row.name), row.name_en, lang),
        str(row.grp),
        str(row.measure),
        row.rule_basis,
        int(row.rule_quantity),
        int(row.rule_per),
        bool(row.has_ammunition),
        int(row.ordinal),
        row.name_en,
    )


def _stock_line(r: SarprasStock) -> StockLine:
    return cells.plain(StockLine, r)


def categories(session: Session, operation_id: int, lang: str = "id") -> tuple[Category, ...]:
    """The operation's categories in their order."""
    rows = session.scalars(
        select(SarprasCategory)
        .where(SarprasCategory.operation_id == operation_id)
        .order_by(SarprasCategory.ordinal, SarprasCategory.id)
    )
    return tuple(_category(r, lang) for r in rows)


def stock(session: Session, operation_id: int, unit_id: int | None = None) -> tuple[StockLine, ...]:
    """Stored stock rows (of one unit, or all), as plain data."""
    stmt = select(SarprasStock).where(SarprasStock.operation_id == operation_id)
    if unit_id is not None:
        stmt = stmt.where(SarprasStock.unit_id == unit_id)
    return tuple(_stock_line(r) for r in session.scalars(stmt.order_by(SarprasStock.id)))


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
        # its own while the requirements are worked out here (``strength.beside``).
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


# --- writing ---------------------------------------------------------------------------------


class PartnerUnit(InvalidValue):
    """Sarpras are kept for Polri units only, not a partner force's. data: field, value
    (the unit's name), reason."""

    code = "sarpras.partner_unit"


@dataclass(frozen=True, slots=True)
class StockValue:
    """What a unit holds of a category: the key and the counts."""

    unit_id: int
    category_id: int
    baik: int = 0
    rusak_ringan: int = 0
    rusak_berat: int = 0
    laik_pakai: bool = True
    ammunition: int | None = None
    note: str | None = None


def _unit_of(session: Session, operation_id: int, unit_id: int) -> Unit:
    unit = row_in_operation(session, Unit, unit_id, operation_id)
    if unit.tree not in TREES:
        raise PartnerUnit(field="unit_id", value=unit.name, reason="partner")
    return unit


def check_value(session: Session, operation_id: int, v: StockValue) -> StockValue:
    """Refuse keys of another operation, negative counts, and ammunition where the category
    counts none; returns the value with its note trimmed."""
    _unit_of(session, operation_id, v.unit_id)
    cat = row_in_operation(session, SarprasCategory, v.category_id, operation_id)
    for name in ("baik", "rusak_ringan", "rusak_berat", "ammunition"):
        count = getattr(v, name)
        if count is not None and count < 0:
            raise InvalidValue(field=name, value=count, reason="negative")
    if v.ammunition is not None and not cat.has_ammunition:
        raise InvalidValue(field="ammunition", value=cat.name, reason="no_ammunition")
    note = (v.note or "").strip() or None
    return StockValue(
        v.unit_id,
        v.category_id,
        v.baik,
        v.rusak_ringan,
        v.rusak_berat,
        bool(v.laik_pakai),
        v.ammunition,
        note,
    )


def find_stock(session: Session, unit_id: int, category_id: int) -> SarprasStock | None:
    return session.scalars(
        select(SarprasStock).where(
            SarprasStock.unit_id == unit_id, SarprasStock.category_id == category_id
        )
    ).first()


def put_stock(
    session: Session, operation_id: int, value: StockValue, expected_version: int | None = None
) -> tuple[SarprasStock, bool]:
    """Create or change a stock row inside the caller's transaction; returns (row, changed)."""
    v = check_value(session, operation_id, value)
    fields = {
        "baik": v.baik,
        "rusak_ringan": v.rusak_ringan,
        "rusak_berat": v.rusak_berat,
        "laik_pakai": v.laik_pakai,
        "ammunition": v.ammunition,
        "note": v.note,
    }
    key = {"unit_id": v.unit_id, "category_id": v.category_id}
    return cells.put(session, SarprasStock, operation_id, key, fields, expected_version)


def set_stock(
    store: Store,
    actor: Actor,
    operation_id: int,
    value: StockValue,
    *,
    expected_version: int | None = None,
) -> StockLine:
    """Set what a unit holds of a category (journaled as "sarpras.set"); returns the row."""
    require(actor, PERMISSION)
    with store.transaction(actor, "sarpras.set", operation_id=operation_id) as s:
        row, _ = put_stock(s, operation_id, value, expected_version)
        return _stock_line(row)


def clear_stock(
    store: Store, actor: Actor, stock_id: int, *, expected_version: int | None = None
) -> StockLine:
    """Remove a stock row (journaled as "sarpras.clear"); returns what it held."""
    require(actor, PERMISSION)
    with store.transaction(actor, "sarpras.clear") as s:
        return cells.clear(s, SarprasStock, stock_id, expected_version, _stock_line)


def _check_rule(basis: str | None, quantity: int, per: int) -> None:
    if basis is not None and basis not in RULE_BASES:
        raise InvalidValue(field="rule_basis", value=basis, reason="unknown")
    if quantity < 0:
        raise InvalidValue(field="rule_quantity", value=quantity, reason="negative")
    if per < 1:
        raise InvalidValue(field="rule_per", value=per, reason="not_positive")


def set_rule(
    store: Store,
    actor: Actor,
    category_id: int,
    basis: str | None,
    quantity: int,
    per: int,
    *,
    expected_version: int | None,
    lang: str = "id",
) -> Category:
    """Change a category's requirement rule: ``quantity`` items per ``per`` of ``basis``
    (None: no requirement). Journaled as "sarpras.rule"."""
    require(actor, PERMISSION)
    _check_rule(basis, quantity, per)
    with store.transaction(actor, "sarpras.rule") as s:
        row = fetch_for_edit(s, SarprasCategory, category_id, expected_version)
        row.rule_basis = basis
        row.rule_quantity = quantity
        row.rule_per = per
        s.flush()
        return _category(row, lang)


# The measure column's length ("unit", "buah", "pucuk" ...).
MEASURE_LENGTH = 20


class AmmunitionCounted(InvalidValue):
    """A category's ammunition flag was not turned off: stock rows of it still carry an
    ammunition count (kept, they would be counts the category no longer takes; dropped,
    they would be lost). data: field, value, reason, name (the category), count (rows)."""

    code = "sarpras.ammunition_counted"


def _kind_fields(group: str, measure: str, has_ammunition: bool) -> dict[str, object]:
    """A category's group, measure and ammunition flag as stored; refuses an unknown group
    and an empty or too long measure."""
    if group not in SARPRAS_GROUPS:
        raise InvalidValue(field="group", value=group, reason="unknown")
    cleaned = reference_lists.clean_name(measure, "measure")
    if len(cleaned) > MEASURE_LENGTH:
        raise InvalidValue(field="measure", value=measure, reason="measure_too_long")
    return {"grp": group, "measure": cleaned, "has_ammunition": bool(has_ammunition)}


def add_category(
    store: Store,
    actor: Actor,
    operation_id: int,
    code: str,
    name: str,
    group: str,
    *,
    measure: str = "unit",
    name_en: str | None = None,
    has_ammunition: bool = False,
    lang: str = "id",
) -> Category:
    """Add a category at the end of the list, with no rule yet (journaled as
    "sarpras.category_add"; ``opscenter.reference_lists`` checks the code and names)."""
    require(actor, PERMISSION)
    fields = {
        **_kind_fields(group, measure, has_ammunition),
        "rule_basis": None,
        "rule_quantity": 1,
        "rule_per": 1,
    }
    with store.transaction(actor, "sarpras.category_add", operation_id=operation_id) as s:
        row = reference_lists.add(
            s, SarprasCategory, operation_id, code, name, name_en, fields=fields
        )
        return _category(row, lang)


def rename_category(
    store: Store,
    actor: Actor,
    category_id: int,
    name: str,
    name_en: str | None = None,
    *,
    expected_version: int | None,
    lang: str = "id",
) -> Category:
    """Rename a category (journaled as "sarpras.category_rename"); its code stays."""
    require(actor, PERMISSION)
    with store.transaction(actor, "sarpras.category_rename") as s:
        row = reference_lists.rename(
            s, SarprasCategory, category_id, name, name_en, expected_version
        )
        return _category(row, lang)


def change_category(
    store: Store,
    actor: Actor,
    category_id: int,
    group: str,
    measure: str,
    has_ammunition: bool,
    *,
    expected_version: int | None,
    lang: str = "id",
) -> Category:
    """Change a category's group, its measure and whether its stock counts ammunition
    (journaled as "sarpras.category_change"); its code, names and rule stay. The flag is
    not turned off while a stock row of the category carries an ammunition count."""
    require(actor, PERMISSION)
    fields = _kind_fields(group, measure, has_ammunition)
    with store.transaction(actor, "sarpras.category_change") as s:
        row = fetch_for_edit(s, SarprasCategory, category_id, expected_version)
        if row.has_ammunition and not has_ammunition:
            counted = s.scalar(
                select(func.count())
                .select_from(SarprasStock)
                .where(SarprasStock.category_id == row.id, SarprasStock.ammunition.is_not(None))
            )
            if counted:
                raise AmmunitionCounted(
                    field="has_ammunition",
                    value=row.code,
                    reason="ammunition_counted",
                    name=row.name,
                    count=int(counted),
                )
        for key, value in fields.items():
            setattr(row, key, value)
        s.flush()
        return _category(row, lang)


def move_category(
    store: Store, actor: Actor, category_id: int, step: int, *, expected_version: int | None
) -> tuple[ListItem, ...]:
    """Move a category one place up (-1) or down (+1) (journaled as
    "sarpras.category_move"); returns the rows whose version changed, the category first."""
    require(actor, PERMISSION)
    with store.transaction(actor, "sarpras.category_move") as s:
        return reference_lists.move(s, SarprasCategory, category_id, step, expected_version)


def remove_category(
    store: Store, actor: Actor, category_id: int, *, expected_version: int | None
) -> Removed:
    """Remove a category no unit holds a stock row of (journaled as
    "sarpras.category_remove"); returns what it held, for an undo."""
    require(actor, PERMISSION)
    with store.transaction(actor, "sarpras.category_remove") as s:
        return reference_lists.remove(s, SarprasCategory, category_id, expected_version)


def restore_category(
    store: Store, actor: Actor, operation_id: int, removed: Removed, lang: str = "id"
) -> Category:
    """A removed category again, in its place, with its group and rule (an undo; journaled
    as "sarpras.category_add")."""
    require(actor, PERMISSION)
    with store.transaction(actor, "sarpras.category_add", operation_id=operation_id) as s:
        return _category(reference_lists.put_back(s, SarprasCategory, operation_id, removed), lang)
