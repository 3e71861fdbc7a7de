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

``compute`` is pure, so a planner can change categories or patterns ("what if") and
recompute without saving; ``opscenter.strength_inputs`` reads its inputs from the database
as plain data.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction

from opscenter.progress import step_aside
from opscenter.reference import GuardPattern


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


def available_police(assigned: int, bko_in: int, bko_out: int) -> int:
    """The police a unit has for a stage: its own people plus BKO received minus BKO lent."""
    return assigned + bko_in - bko_out


def police_deficit(balance: int) -> int:
    """Police required beyond those available (``balance`` = available - required; 0 for a
    surplus)."""
    return max(0, -balance)


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
        return available_police(self.police_assigned, self.bko_in, self.bko_out)

    @property
    def balance(self) -> int:
        """Positive: surplus; negative: deficit."""
        return self.police_available - self.police_required

    @property
    def deficit(self) -> int:
        return police_deficit(self.balance)

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


@dataclass(frozen=True, slots=True)
class Forces:
    """What the strength computation gave for one stage: its inputs and its report (the
    situation report computes them once and hands them to every section, readiness too)."""

    inputs: StrengthInputs
    report: StrengthReport
