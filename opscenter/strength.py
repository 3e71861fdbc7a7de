"""Required strength: police and Linmas needed against TPS counts and guard patterns.

The rule (DOMAIN.md, pattern "a-b-c": *a* police guard *b* TPS with *c* Linmas):

* TPS are grouped by (guarding unit, kecamatan, category). Guards work in whole teams
  inside one kecamatan, so a group of *n* TPS needs ``a * ceil(n / b)`` police.
* Linmas are posted per TPS, so the group needs ``ceil(n * c / b)`` Linmas.
* A unit needs what its own groups need plus what its sub-units need (Polsek -> Polres ->
  Polda). A kabupaten/kota needs what the groups in its kecamatan need. Both sum the same
  groups, so the totals agree.
* A TPS not yet rated (no category: it came from the KPU's list) is counted at the
  strictest pattern of the operation -- the most police per TPS -- until someone rates
  it, so an unrated list never makes an area look better guarded than it is. It is its
  own group under ``UNRATED`` and counted apart ("belum dinilai").
* A unit has its active personnel whose working unit (assigned, else home) is in its
  subtree, plus BKO personnel placed under it for the stage, minus those it lent out.

``load_inputs`` reads plain data from the database; ``compute`` is pure, so a planner
can change categories or patterns ("what if") and recompute without saving.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from fractions import Fraction
from typing import TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Engine, and_, func, or_, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.pool import StaticPool

from opscenter.model import (
    BkoAssignment,
    Operation,
    Personnel,
    PollingStation,
    Rank,
    Region,
    Stage,
    TpsCategory,
    Unit,
    UnitArea,
)
from opscenter.progress import step_aside
from opscenter.reference import GuardPattern
from opscenter.store import SQLITE_CACHE_KIB

_T = TypeVar("_T")


def ceil_div(a: int, b: int) -> int:
    return -(-a // b)


# The category id and code under which TPS not yet rated are counted (ids start at 1).
UNRATED = 0
UNRATED_CODE = "belum_dinilai"
# With no category at all, an unrated TPS is counted at the domain's strictest example
# pattern (sangat rawan, DOMAIN.md): one TPS, two police, two Linmas.
FALLBACK_STRICTEST = GuardPattern(2, 1, 2)


def strictest(patterns: Iterable[GuardPattern]) -> GuardPattern:
    """The pattern that needs the most police per TPS (then the most Linmas per TPS)."""
    best: GuardPattern | None = None
    for p in patterns:
        if p.tps <= 0:
            continue
        if best is None or (
            Fraction(p.police, p.tps),
            Fraction(p.linmas, p.tps),
        ) > (Fraction(best.police, best.tps), Fraction(best.linmas, best.tps)):
            best = p
    return best or FALLBACK_STRICTEST


def with_unrated(patterns: Mapping[int, GuardPattern]) -> dict[int, GuardPattern]:
    """``patterns`` plus the pattern of unrated TPS: the strictest of the others."""
    rated = {k: p for k, p in patterns.items() if k != UNRATED}
    return {**rated, UNRATED: strictest(rated.values())}


@dataclass(frozen=True, slots=True)
class UnitNode:
    id: int
    parent_id: int | None
    name: str
    kind: str
    tree: str
    agency: str
    is_reserve: bool


@dataclass(frozen=True, slots=True)
class StrengthInputs:
    """Everything the computation needs, as plain data (safe to pass between threads)."""

    units: Mapping[int, UnitNode]
    # (guarding unit id or None, kecamatan id, category id or UNRATED) -> TPS count
    tps_groups: Mapping[tuple[int | None, int, int], int]
    patterns: Mapping[int, GuardPattern]
    category_codes: Mapping[int, str]
    kecamatan_kabkota: Mapping[int, int]
    kabkota_names: Mapping[int, str]
    # unit id -> active police personnel working there (not counting BKO)
    personnel: Mapping[int, int]
    # (from unit, to unit, count) in force for the stage
    bko: tuple[tuple[int, int, int], ...]
    # kabkota id -> Linmas declared by Linmas units responsible for it
    linmas_available: Mapping[int, int]
    # What they were read for: ``load_inputs(reuse=...)`` may reuse them only for the same.
    operation_id: int = 0
    stage_id: int | None = None


@dataclass(slots=True)
class Strength:
    """One unit's or one region's figures."""

    key: int
    name: str
    tps: dict[str, int] = field(default_factory=dict)  # category code -> count
    police_required: int = 0
    linmas_required: int = 0
    police_assigned: int = 0
    bko_in: int = 0
    bko_out: int = 0
    linmas_available: int = 0

    @property
    def tps_total(self) -> int:
        return sum(self.tps.values())

    @property
    def unrated(self) -> int:
        """TPS not yet rated (counted at the strictest pattern)."""
        return self.tps.get(UNRATED_CODE, 0)

    @property
    def police_available(self) -> int:
        """Own people plus BKO received minus BKO lent."""
        return self.police_assigned + self.bko_in - self.bko_out

    @property
    def balance(self) -> int:
        """Positive: surplus; negative: deficit."""
        return self.police_available - self.police_required

    @property
    def deficit(self) -> int:
        return max(0, -self.balance)

    def _add_need(self, code: str, n: int, police: int, linmas: int) -> None:
        self.tps[code] = self.tps.get(code, 0) + n
        self.police_required += police
        self.linmas_required += linmas


@dataclass(frozen=True, slots=True)
class StrengthReport:
    # Per unit, rolled up its tree (a Polres includes its Polsek).
    by_unit: Mapping[int, Strength]
    # Per kabupaten/kota (requirements and Linmas; police are counted per unit).
    by_region: Mapping[int, Strength]
    # TPS guarded by no unit, per kabkota (shown so that they are not silently dropped).
    unguarded_tps: Mapping[int, int]

    @property
    def total(self) -> Strength:
        t = Strength(key=0, name="Jumlah")
        for r in self.by_region.values():
            for code, n in r.tps.items():
                t.tps[code] = t.tps.get(code, 0) + n
            t.police_required += r.police_required
            t.linmas_required += r.linmas_required
            t.linmas_available += r.linmas_available
        return t


def group_need(n: int, pattern: GuardPattern) -> tuple[int, int]:
    """(police, Linmas) that ``n`` TPS of one group need under ``pattern``."""
    if n <= 0:
        return 0, 0
    return pattern.police * ceil_div(n, pattern.tps), ceil_div(n * pattern.linmas, pattern.tps)


def compute(
    inputs: StrengthInputs, patterns: Mapping[int, GuardPattern] | None = None
) -> StrengthReport:
    """Requirements and strength per unit and per kabupaten/kota.

    ``patterns`` overrides the stored guard patterns (what-if); categories may be
    changed by passing other ``tps_groups`` in ``inputs``.
    """
    # Unrated TPS follow the strictest pattern, a what-if one included.
    pats = with_unrated({**inputs.patterns, **(patterns or {})})
    units = inputs.units
    own: dict[int, Strength] = {uid: Strength(uid, u.name) for uid, u in units.items()}
    regions: dict[int, Strength] = {
        rid: Strength(rid, n) for rid, n in inputs.kabkota_names.items()
    }
    unguarded: dict[int, int] = defaultdict(int)

    for i, ((unit_id, kec_id, cat_id), n) in enumerate(inputs.tps_groups.items()):
        if not i & 2047:
            step_aside()
        police, linmas = group_need(n, pats[cat_id])
        code = inputs.category_codes[cat_id]
        kab = inputs.kecamatan_kabkota.get(kec_id)
        if kab is not None and kab in regions:
            regions[kab]._add_need(code, n, police, linmas)
        if unit_id is None or unit_id not in own:
            if kab is not None:
                unguarded[kab] += n
            continue
        own[unit_id]._add_need(code, n, police, linmas)

    for unit_id, count in inputs.personnel.items():
        if unit_id in own:
            own[unit_id].police_assigned += count
    for src, dst, count in inputs.bko:
        if src in own:
            own[src].bko_out += count
        if dst in own:
            own[dst].bko_in += count
    for rid, n in inputs.linmas_available.items():
        if rid in regions:
            regions[rid].linmas_available += n

    # Roll up: children before parents (depth-first post-order over the tree).
    children, order = tree_order(units)
    rolled: dict[int, Strength] = {}
    for i, uid in enumerate(reversed(order)):
        if not i & 1023:
            step_aside()
        mine = own[uid]
        total = Strength(
            uid,
            mine.name,
            dict(mine.tps),
            mine.police_required,
            mine.linmas_required,
            mine.police_assigned,
            mine.bko_in,
            mine.bko_out,
        )
        for child in children.get(uid, ()):
            c = rolled[child]
            for code, n in c.tps.items():
                total.tps[code] = total.tps.get(code, 0) + n
            total.police_required += c.police_required
            total.linmas_required += c.linmas_required
            total.police_assigned += c.police_assigned
            # BKO inside one subtree moves people within it: it cancels out at the parent.
            total.bko_in += c.bko_in
            total.bko_out += c.bko_out
        rolled[uid] = total

    _cancel_internal_bko(rolled, units, inputs.bko)
    return StrengthReport(by_unit=rolled, by_region=regions, unguarded_tps=dict(unguarded))


def tree_order(
    units: Mapping[int, UnitNode],
) -> tuple[dict[int | None, list[int]], list[int]]:
    """Each unit's children (under None: the roots, whose parent is not in ``units``) and
    every unit parents first, from the roots; reversed, children come before their parents,
    the order a roll-up sums them in. A loop, not a recursive closure: that one referred to
    itself, a reference cycle that kept every Strength of a computation alive until a full
    garbage collection -- 10,000 objects at national scale, collected while holding the GIL
    (bench/board.py)."""
    children: dict[int | None, list[int]] = defaultdict(list)
    for uid, u in units.items():
        children[u.parent_id if u.parent_id in units else None].append(uid)
    order: list[int] = []
    stack = list(children.get(None, ()))
    while stack:
        uid = stack.pop()
        order.append(uid)
        stack.extend(children.get(uid, ()))
    return children, order


def _ancestors(units: Mapping[int, UnitNode], uid: int) -> list[int]:
    out: list[int] = []
    current = units[uid].parent_id if uid in units else None
    while current is not None and current in units and current not in out:
        out.append(current)
        current = units[current].parent_id
    return out


def _cancel_internal_bko(
    rolled: dict[int, Strength],
    units: Mapping[int, UnitNode],
    bko: tuple[tuple[int, int, int], ...],
) -> None:
    """A loan between two units of one subtree leaves that subtree's total unchanged."""
    for src, dst, count in bko:
        if src not in units or dst not in units:
            continue
        common = set([*_ancestors(units, src), src]) & set([*_ancestors(units, dst), dst])
        for uid in common:
            rolled[uid].bko_in -= count
            rolled[uid].bko_out -= count


def stage_window(
    starts_on: date | None, ends_on: date | None, zone: ZoneInfo
) -> tuple[datetime, datetime] | None:
    """A stage's days, from local midnight to local midnight, as UTC instants; None for a
    stage without dates (it waits for a court's ruling). A stage without an end is one day."""
    if starts_on is None:
        return None
    end = ends_on or starts_on
    lo = datetime.combine(starts_on, time.min, zone)
    hi = datetime.combine(end + timedelta(days=1), time.min, zone)
    return lo.astimezone(UTC), hi.astimezone(UTC)


# Journaled entities the inputs are read from; a change set of none of these leaves them as
# they were (a reader passes ``changed`` through ``inputs_changed`` first).
INPUT_ENTITIES = frozenset(
    {
        "operation",
        "stage",
        "region",
        "unit",
        "unit_area",
        "personnel",
        "bko_assignment",
        "polling_station",
        "tps_category",
    }
)


def inputs_changed(changed: Collection[str]) -> list[str]:
    """The entities of a change set that move the inputs (for ``load_inputs(changed=...)``)."""
    return [e for e in changed if e in INPUT_ENTITIES]


# Journaled entities whose change moves only one part of the inputs: after a change set of
# these alone, ``load_inputs(reuse=...)`` re-reads that part and reuses the rest. A change of
# any other entity reads everything again.
_PARTS: Mapping[str, str] = {
    "personnel": "personnel",
    "bko_assignment": "bko",
    "unit_area": "linmas",
}


# SQLite's page cache, per connection, while a read scans whole tables (below).
SCAN_CACHE_KIB = 2048
_SCANNING = "opscenter.scan_cache"


@contextmanager
def scan_cache(session: Session) -> Iterator[None]:
    """Reads that scan whole tables once (435,000 TPS and 400,000 personnel at national
    scale) run with a small SQLite page cache: each page is read once, so a big cache only
    keeps a copy of the tables. The store gives every pooled connection 64 MB for imports
    (``store.SQLITE_CACHE_KIB``); the board's and the overview's background jobs each kept
    about 50 MB of table pages after these reads, half the board process's peak memory
    (bench/board.py). The store's size is set again afterwards, and the reads are no
    slower: the pages come from the operating system's file cache. Nested uses are one;
    other databases are left alone."""
    if session.get_bind().dialect.name != "sqlite" or session.info.get(_SCANNING):
        yield
        return
    conn = session.connection()
    # Lowering it also frees the pages beyond the new size, those of earlier reads included.
    conn.exec_driver_sql(f"PRAGMA cache_size = -{SCAN_CACHE_KIB}")
    session.info[_SCANNING] = True
    try:
        yield
    finally:
        del session.info[_SCANNING]
        conn.exec_driver_sql(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")


def load_inputs(
    session: Session,
    operation_id: int,
    stage: Stage | None = None,
    *,
    reuse: StrengthInputs | None = None,
    changed: Collection[str] = (),
) -> StrengthInputs:
    """Read the computation's inputs with a few grouped queries (no per-row objects).

    With ``reuse`` (inputs read earlier for the same operation and stage) and ``changed``
    (the entities changed since), only the parts those entities move are read again: a
    burst of personnel transfers re-reads one grouped count instead of the 435,000 TPS of a
    national operation -- the queries run in SQLite with the GIL released, so a recompute
    in a worker thread barely holds up the GUI thread (bench/board.py).
    """
    with scan_cache(session):
        return _load_inputs(session, operation_id, stage, reuse, changed)


def beside(session: Session, read: Callable[[Session], _T]) -> Callable[[], _T]:
    """Start ``read`` on a connection of its own, in a thread, while the caller reads on; the
    function returned waits for its answer (or raises what it raised).

    The whole-table counts (435,000 TPS, 400,000 personnel at national scale) run in the
    database with the GIL released, so two of them side by side take the time of the longer:
    the cold readiness matrix of a national operation lost a fifth of its time
    (bench/readiness.py). The two reads are two transactions, as on PostgreSQL's READ
    COMMITTED every statement of one already is: a write committed between them may be in
    one count and not the other, and the journal's report of that write reads both again. A
    database with a single connection (SQLite in memory), or a session bound to one
    connection, reads one after the other."""
    bind = session.get_bind()
    if not isinstance(bind, Engine) or isinstance(bind.pool, StaticPool):
        answer = read(session)
        return lambda: answer

    def apart() -> _T:
        with Session(bind) as other, scan_cache(other):
            return read(other)

    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="strength-read")
    future = pool.submit(apart)
    pool.shutdown(wait=False)
    return future.result


def _load_inputs(
    session: Session,
    operation_id: int,
    stage: Stage | None,
    reuse: StrengthInputs | None,
    changed: Collection[str],
) -> StrengthInputs:
    op = operation_id
    stage_id = stage.id if stage is not None else None
    parts = {_PARTS.get(e, "") for e in changed}
    if reuse is None or reuse.operation_id != op or reuse.stage_id != stage_id or "" in parts:
        parts = {"all"}
    every = "all" in parts
    if reuse is not None and not parts:
        return reuse  # nothing it depends on changed
    # The personnel count is read beside the rest, on a connection of its own.
    people = beside(session, lambda other: _personnel(other, op)) if every else None
    if every or reuse is None:
        units = _units(session, op)
        groups = _tps_groups(session, op)
        # Codes and guard patterns in one read (plain tuples, no ORM objects).
        cat_rows = session.execute(
            select(
                TpsCategory.id,
                TpsCategory.code,
                TpsCategory.guard_police,
                TpsCategory.guard_tps,
                TpsCategory.guard_linmas,
            ).where(TpsCategory.operation_id == op)
        ).all()
        kab_rows = session.execute(
            select(Region.id, Region.name).where(
                Region.operation_id == op, Region.level == "kabkota"
            )
        ).all()
        kec_rows = session.execute(
            select(Region.id, Region.parent_id).where(
                Region.operation_id == op, Region.level == "kecamatan"
            )
        ).all()
        reuse = StrengthInputs(
            units=units,
            tps_groups=groups,
            patterns=with_unrated(
                {int(i): GuardPattern(a, b, c) for i, _code, a, b, c in cat_rows}
            ),
            category_codes={
                **{int(i): str(code) for i, code, *_pattern in cat_rows},
                UNRATED: UNRATED_CODE,
            },
            kecamatan_kabkota={int(i): int(p) for i, p in kec_rows if p is not None},
            kabkota_names={int(i): str(n) for i, n in kab_rows},
            personnel={},
            bko=(),
            linmas_available={},
            operation_id=op,
            stage_id=stage_id,
        )
    return replace(
        reuse,
        personnel=(
            people()
            if people is not None
            else _personnel(session, op)
            if "personnel" in parts
            else reuse.personnel
        ),
        bko=bko_in_force(session, op, stage) if every or "bko" in parts else reuse.bko,
        linmas_available=(
            _linmas(session, op) if every or "linmas" in parts else reuse.linmas_available
        ),
    )


@dataclass(frozen=True, slots=True)
class Forces:
    """What the strength computation gave for one stage: its inputs and its report (the
    situation report computes them once and hands them to every section, readiness too)."""

    inputs: StrengthInputs
    report: StrengthReport


def inputs_for_stage(session: Session, base: StrengthInputs, stage: Stage | None) -> StrengthInputs:
    """``base`` (inputs read for any stage of its operation) for ``stage``: only the BKO in
    force, the one part that depends on the stage, is read again; ``base`` itself when it
    was read for that stage."""
    stage_id = stage.id if stage is not None else None
    if base.stage_id == stage_id:
        return base
    return load_inputs(
        session,
        base.operation_id,
        stage,
        reuse=replace(base, stage_id=stage_id),
        changed=("bko_assignment",),
    )


def _units(session: Session, op: int) -> dict[int, UnitNode]:
    return {
        r.id: UnitNode(r.id, r.parent_id, r.name, r.kind, r.tree, r.agency, r.is_reserve)
        for r in session.execute(
            select(
                Unit.id,
                Unit.parent_id,
                Unit.name,
                Unit.kind,
                Unit.tree,
                Unit.agency,
                Unit.is_reserve,
            ).where(Unit.operation_id == op)
        )
    }


def _tps_groups(session: Session, op: int) -> dict[tuple[int | None, int, int], int]:
    """TPS per (guarding unit, kecamatan, category). They are counted per desa first, from
    ``ix_polling_station_guard`` alone and in its order (no table rows, no sort), and only
    those counts -- a third as many rows as TPS -- are joined to their kecamatan and summed;
    joining every TPS to its desa before grouping read each row and sorted them all, 2.7
    times the CPU at national scale (bench/readiness.py)."""
    ps = PollingStation
    per_desa = (
        select(ps.unit_id, ps.region_id, ps.category_id, func.count().label("n"))
        .where(ps.operation_id == op)
        .group_by(ps.unit_id, ps.region_id, ps.category_id)
        .subquery()
    )
    desa = aliased(Region)
    return {
        (unit, kec, UNRATED if cat is None else cat): int(n)
        for unit, kec, cat, n in session.connection().execute(
            select(
                per_desa.c.unit_id,
                desa.parent_id,
                per_desa.c.category_id,
                func.sum(per_desa.c.n),
            )
            .join(desa, desa.id == per_desa.c.region_id)
            .group_by(per_desa.c.unit_id, desa.parent_id, per_desa.c.category_id)
        )
    }


# The unit a person works for: where they are assigned, else their home unit.
WORKING_UNIT = func.coalesce(Personnel.assigned_unit_id, Personnel.home_unit_id)


def active_police(op: int) -> ColumnElement[bool]:
    """Who guards: the operation's active Polri personnel (a person of no known rank counts
    as police; civil servants and TNI do not). The query joins ``Rank`` by an outer join."""
    return and_(
        Personnel.operation_id == op,
        Personnel.duty_status == "aktif",
        or_(Rank.corps == "polri", Personnel.rank_id.is_(None)),
    )


def _personnel(session: Session, op: int) -> dict[int, int]:
    working_unit = WORKING_UNIT
    return {
        int(r.unit): int(r.n)
        for r in session.execute(
            select(working_unit.label("unit"), func.count().label("n"))
            .outerjoin(Rank, Rank.id == Personnel.rank_id)
            .where(active_police(op))
            .group_by(working_unit)
        )
    }


def bko_filter(session: Session, op: int, stage: Stage | None) -> ColumnElement[bool]:
    """The condition a BKO row meets when it is in force for ``stage``: tagged to it, or
    untagged and overlapping its days (every BKO of the operation when ``stage`` is None)."""
    cond: ColumnElement[bool] = BkoAssignment.operation_id == op
    if stage is None:
        return cond
    zone = ZoneInfo(session.get_one(Operation, op).timezone)
    window = stage_window(stage.starts_on, stage.ends_on, zone)
    tagged: ColumnElement[bool] = BkoAssignment.stage_id == stage.id
    if window is not None:
        overlaps = and_(
            BkoAssignment.stage_id.is_(None),
            BkoAssignment.starts_at < window[1],
            or_(BkoAssignment.ends_at.is_(None), BkoAssignment.ends_at > window[0]),
        )
        tagged = or_(tagged, overlaps)
    return and_(cond, tagged)


def bko_in_force(
    session: Session, op: int, stage: Stage | None
) -> tuple[tuple[int, int, int], ...]:
    """(lender, receiver, people) of each BKO row in force for ``stage`` (every row for
    None), as the strength counts them; the map draws them as arrows."""
    bko_stmt = select(
        BkoAssignment.from_unit_id, BkoAssignment.to_unit_id, BkoAssignment.personnel_count
    ).where(bko_filter(session, op, stage))
    return tuple((int(a), int(b), int(c)) for a, b, c in session.execute(bko_stmt))


def _linmas(session: Session, op: int) -> dict[int, int]:
    return {
        int(r.region_id): int(r.n or 0)
        for r in session.execute(
            select(UnitArea.region_id, func.sum(Unit.declared_strength).label("n"))
            .join(Unit, Unit.id == UnitArea.unit_id)
            .where(Unit.operation_id == op, Unit.agency == "linmas")
            .group_by(UnitArea.region_id)
        )
    }


def required_strength(
    session: Session, operation_id: int, stage: Stage | None = None
) -> StrengthReport:
    """Requirements against strength for ``stage`` (BKO in force then) from the database."""
    return compute(load_inputs(session, operation_id, stage))
