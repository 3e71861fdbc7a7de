"""Requirements per region and Polres for a stage, what-if, and reinforcement (penebalan).

Reading happens once (``load_base``: a few grouped queries into plain data); ``plan`` is
pure, so a what-if (other guard patterns, other categories for some TPS) recomputes in
memory at once and nothing is saved until ``save_what_if``.

**What a unit may lend (the rule).** An operation commits ``commit_share_pct`` (default
67: "Polres commonly commit about two thirds of their strength") of each Polres's
strength; the rest stays home for routine duty. A Polres therefore lends only what its
committed share leaves over after its own requirement::

    committed = floor(available * commit_share_pct / 100)
    lendable  = max(0, min(committed - required, own - lent_out))

where ``available`` is its police for the stage (own active personnel plus BKO received
minus BKO lent, as on the board), ``required`` its own requirement (its Polsek included),
and ``own - lent_out`` caps the loan at its own people (received BKO is never passed on).
A reserve unit (``Unit.is_reserve``: Brimob, Polda staff, BKO pools) exists to reinforce:
it keeps nothing home, ``lendable = max(0, min(available - required, own - lent_out))``.

**The plotting's deficit (issue 18).** Where the stage has a plotting of named officers
to guard posts (``opscenter.plotting.plot``), each Polres also shows what its posts still
lack after it (``Shortfall.short``, the figure the plotting list prints as "kekurangan" per
kecamatan, summed over the posts its units guard), how many of its own people a new
plotting would still put there (``Shortfall.free``: people who joined, or came on BKO, after
the plotting ran) and take off (``Shortfall.leaving``: a BKO withdrawn since). Named
officers can be short where the count is not: officers of Kompol and above command rather
than guard a TPS, and a person serves only the posts of their own Polres. A Polres's
**need** for reinforcement is therefore the larger of the two::

    need = max(required - available, short + leaving - free)   (the second with a plotting)

One number, not a sum: a BKO of *n* people covers *n* of both, and once accepted it counts
at once in ``available`` and, as people a new plotting deals to the Polres, in ``free``,
so the same need is never proposed twice. Without a plotting the need is the strength
deficit alone.

**Who gets what.** Needs of Polres (``need > 0``) are covered in this order: highest
Polri vulnerability of the unit's regions for the stage first (the highest level across
aspects, of its kabupaten/kota or their kecamatan), then the larger need, then the name.
Each is filled from the reserves first, then from other Polres, each list by largest
lendable first (then name), so proposals are few and deterministic.
What cannot be covered is reported as unmet.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter import clock, messages
from opscenter.actor import Actor
from opscenter.editing import fetch_for_edit, row_in_operation
from opscenter.errors import InvalidValue, NotFound
from opscenter.model import (
    BkoAssignment,
    Operation,
    PollingStation,
    Region,
    Stage,
    TpsCategory,
    VulnerabilityLevel,
)
from opscenter.permissions import require
from opscenter.planning.errors import NoLongerShort, NothingToAccept, ProposalOutdated
from opscenter.planning.vulnerability import highest_levels
from opscenter.plotting.plot import Shortfall, shortfall_by_polres
from opscenter.reference import GuardPattern, items, label
from opscenter.store import Store
from opscenter.strength import (
    UNRATED,
    StrengthInputs,
    StrengthReport,
    compute,
    load_inputs,
    stage_window,
)
from opscenter.units import BkoSpec, add_bko, remove_bko, unit_areas

POLRES_KINDS = ("polres", "polresta")
# A Polres guarding no post of a plotted stage.
NO_SHORTFALL = Shortfall(0, 0)


@dataclass(frozen=True, slots=True)
class StageRef:
    id: int
    code: str
    name: str
    starts_on: date | None
    ends_on: date | None


@dataclass(frozen=True, slots=True)
class CategoryRef:
    id: int
    code: str
    name: str
    colour: str
    pattern: GuardPattern
    version: int


@dataclass(frozen=True, slots=True)
class PlanBase:
    """Everything ``plan`` needs, read once from the database (plain data)."""

    operation_id: int
    operation_name: str
    timezone: str
    commit_share_pct: int
    stage: StageRef
    inputs: StrengthInputs
    categories: tuple[CategoryRef, ...]
    polres: tuple[int, ...]  # Polres/Polresta of the territorial tree, by name
    reserves: tuple[int, ...]  # reserve units (Brimob, Polda staff), by name
    unit_regions: Mapping[int, tuple[int, ...]]  # Polres -> its kabupaten/kota
    region_level: Mapping[int, int]  # kabkota -> highest Polri level ordinal for the stage
    level_names: Mapping[int, str]  # level ordinal -> name ("Tinggi")
    level_colours: Mapping[int, str]
    # Polres -> the plotting's deficit there (None: the stage has no plotting yet).
    plotting: Mapping[int, Shortfall] | None = None


@dataclass(frozen=True, slots=True)
class TpsChange:
    """One TPS put into another category (what-if)."""

    tps_id: int
    unit_id: int | None
    kecamatan_id: int
    from_category_id: int
    to_category_id: int
    version: int


@dataclass(frozen=True, slots=True)
class WhatIf:
    """Changes to try without saving: patterns per category id, TPS category moves."""

    patterns: Mapping[int, GuardPattern] = field(default_factory=dict)
    tps: tuple[TpsChange, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.patterns and not self.tps


@dataclass(frozen=True, slots=True)
class UnitPlan:
    unit_id: int
    name: str
    kind: str
    is_reserve: bool
    tps: int
    police_required: int
    linmas_required: int
    police_assigned: int
    bko_in: int
    bko_out: int
    police_available: int
    balance: int
    committed: int  # what the unit commits to the operation (all of it for a reserve)
    lendable: int
    vulnerability: int  # highest Polri level ordinal of its regions (0: unrated)
    vulnerability_name: str
    # Of its TPS, those not yet rated (counted at the strictest guard pattern).
    unrated: int = 0
    # What its guard posts lack after the stage's plotting (None: no plotting, or a reserve).
    plotting: Shortfall | None = None

    @property
    def deficit(self) -> int:
        """The strength deficit: police required beyond those available."""
        return max(0, -self.balance)

    @property
    def plot_short(self) -> int:
        """Police still missing on its posts after the plotting (0 without one)."""
        return self.plotting.short if self.plotting is not None else 0

    @property
    def need(self) -> int:
        """What reinforcement is asked for (see the module): the strength deficit, or the
        plotting's shortfall beyond its free people where that is larger."""
        return max(self.deficit, self.plotting.need if self.plotting is not None else 0)

    @property
    def need_from_plotting(self) -> bool:
        """Whether the need is the plotting's (named officers short beyond the count)."""
        return self.need > self.deficit


@dataclass(frozen=True, slots=True)
class RegionPlan:
    region_id: int
    name: str
    tps: Mapping[str, int]
    police_required: int
    linmas_required: int
    linmas_available: int
    vulnerability: int
    vulnerability_name: str


@dataclass(frozen=True, slots=True)
class Proposal:
    """Lend ``count`` police of ``from_unit`` to ``to_unit`` for the stage, and why."""

    to_unit_id: int
    to_unit_name: str
    from_unit_id: int
    from_unit_name: str
    count: int
    source_kind: str  # "reserve" or "polres"
    vulnerability: int
    vulnerability_name: str
    deficit: int  # the receiving unit's deficit before any proposal
    deficit_left: int  # what remains of it after this and the earlier proposals for it
    source_available_after: int  # the source's police after all its proposals so far
    source_required: int
    source_home: int  # what a Polres keeps home (0 for a reserve)
    source_lendable_after: int
    stage_name: str
    commit_share_pct: int
    # The deficit is the plotting's (named officers short on its posts), not the count's.
    from_plotting: bool = False

    @property
    def key(self) -> tuple[int, int]:
        return (self.to_unit_id, self.from_unit_id)

    def sentence(self, lang: str | None = None) -> str:
        """Why, in one sentence (Indonesian unless ``lang`` is "en")."""
        return messages.proposal_reason(dataclasses.asdict(self), lang)


@dataclass(frozen=True, slots=True)
class Plan:
    stage: StageRef
    commit_share_pct: int
    units: tuple[UnitPlan, ...]  # Polres, then reserves
    regions: tuple[RegionPlan, ...]
    proposals: tuple[Proposal, ...]
    unmet: Mapping[int, int]  # Polres id -> need no source can cover
    report: StrengthReport

    def unit(self, unit_id: int) -> UnitPlan:
        return next(u for u in self.units if u.unit_id == unit_id)

    @property
    def deficits(self) -> tuple[UnitPlan, ...]:
        """The Polres that need reinforcement (``UnitPlan.need``)."""
        return tuple(u for u in self.units if not u.is_reserve and u.need > 0)

    @property
    def plotted(self) -> bool:
        """Whether the stage has a plotting (its deficit is then part of the need)."""
        return any(u.plotting is not None for u in self.units)


# --- reading ---------------------------------------------------------------------------------


def load_base(session: Session, operation_id: int, stage_id: int, *, lang: str = "id") -> PlanBase:
    """Read the plan's inputs for one stage (a few grouped queries); the stage, category
    and level names in ``lang`` (the plan's proposals repeat them)."""
    op = session.get(Operation, operation_id)
    if op is None:
        raise NotFound(entity="operation", key=operation_id)
    stage = row_in_operation(session, Stage, stage_id, operation_id)
    inputs = load_inputs(session, operation_id, stage)
    units = inputs.units
    polres = sorted(
        (
            u
            for u in units.values()
            if u.kind in POLRES_KINDS and u.tree == "territorial" and not u.is_reserve
        ),
        key=lambda u: (u.name, u.id),
    )
    reserves = sorted(
        (u for u in units.values() if u.is_reserve and u.agency == "polri"),
        key=lambda u: (u.name, u.id),
    )
    polres_ids = {u.id for u in polres}

    def polres_of(start: int | None) -> int | None:
        seen: set[int] = set()
        uid = start
        while uid is not None and uid in units and uid not in seen:
            if uid in polres_ids:
                return uid
            seen.add(uid)
            uid = units[uid].parent_id
        return None

    regions: dict[int, set[int]] = defaultdict(set)
    for unit_id, region_ids in unit_areas(session, operation_id).items():
        if unit_id in polres_ids:
            regions[unit_id] |= region_ids
    for guard_id, kec_id, _ in inputs.tps_groups:
        owner = polres_of(guard_id)
        kab = inputs.kecamatan_kabkota.get(kec_id)
        if owner is not None and kab is not None:
            regions[owner].add(kab)
    levels = items(session, VulnerabilityLevel, operation_id)
    cats = items(session, TpsCategory, operation_id)
    return PlanBase(
        operation_id=operation_id,
        operation_name=op.name,
        timezone=op.timezone,
        commit_share_pct=int(op.commit_share_pct),
        stage=StageRef(
            stage.id,
            stage.code,
            label(stage.name, stage.name_en, lang),
            stage.starts_on,
            stage.ends_on,
        ),
        inputs=inputs,
        categories=tuple(
            CategoryRef(
                c.id,
                c.code,
                label(c.name, c.name_en, lang),
                c.colour,
                GuardPattern(c.guard_police, c.guard_tps, c.guard_linmas),
                c.version,
            )
            for c in cats
        ),
        polres=tuple(u.id for u in polres),
        reserves=tuple(u.id for u in reserves),
        unit_regions={k: tuple(sorted(v)) for k, v in regions.items()},
        region_level=highest_levels(session, operation_id, stage_id),
        level_names={lv.ordinal: label(lv.name, lv.name_en, lang) for lv in levels},
        level_colours={lv.ordinal: lv.colour for lv in levels},
        plotting=shortfall_by_polres(session, operation_id, stage_id),
    )


def tps_changes(
    session: Session, operation_id: int, changes: Mapping[int, int]
) -> tuple[TpsChange, ...]:
    """What-if moves of TPS (id -> new category id), checked against the database. A TPS
    not yet rated comes from (and, undone, goes back to) ``UNRATED``."""
    if not changes:
        return ()
    cats = {c.id for c in items(session, TpsCategory, operation_id)} | {UNRATED}
    out: list[TpsChange] = []
    rows = {
        r.id: r
        for r in session.execute(
            select(
                PollingStation.id,
                PollingStation.unit_id,
                PollingStation.category_id,
                PollingStation.version,
                Region.parent_id,
            )
            .join(Region, Region.id == PollingStation.region_id)
            .where(PollingStation.operation_id == operation_id, PollingStation.id.in_(changes))
        )
    }
    for tps_id, cat_id in sorted(changes.items()):
        row = rows.get(tps_id)
        if row is None:
            raise NotFound(entity="polling_station", key=tps_id)
        if cat_id not in cats:
            raise NotFound(entity="tps_category", key=cat_id)
        out.append(
            TpsChange(
                tps_id,
                row.unit_id,
                int(row.parent_id),
                UNRATED if row.category_id is None else int(row.category_id),
                cat_id,
                int(row.version),
            )
        )
    return tuple(out)


def check_pattern(pattern: GuardPattern) -> GuardPattern:
    """Refuse a pattern no guard plan can follow (b must be at least 1)."""
    if pattern.police < 0:
        raise InvalidValue(field="guard_police", value=pattern.police, reason="negative")
    if pattern.tps < 1:
        raise InvalidValue(field="guard_tps", value=pattern.tps, reason="not_positive")
    if pattern.linmas < 0:
        raise InvalidValue(field="guard_linmas", value=pattern.linmas, reason="negative")
    return pattern


# --- computing -------------------------------------------------------------------------------


def apply_what_if(inputs: StrengthInputs, what_if: WhatIf) -> StrengthInputs:
    """The inputs with the what-if's TPS moves applied (patterns are passed to compute)."""
    if not what_if.tps:
        return inputs
    groups = dict(inputs.tps_groups)
    for t in what_if.tps:
        old = (t.unit_id, t.kecamatan_id, t.from_category_id)
        new = (t.unit_id, t.kecamatan_id, t.to_category_id)
        groups[old] = groups.get(old, 0) - 1
        if groups[old] <= 0:
            del groups[old]
        groups[new] = groups.get(new, 0) + 1
    return dataclasses.replace(inputs, tps_groups=groups)


def plan(base: PlanBase, what_if: WhatIf | None = None) -> Plan:
    """Requirements, balances, lendable strength and proposals (pure; see the module's rule)."""
    what_if = what_if or WhatIf()
    for p in what_if.patterns.values():
        check_pattern(p)
    inputs = apply_what_if(base.inputs, what_if)
    report = compute(inputs, what_if.patterns)
    share = base.commit_share_pct

    def vulnerability(uid: int) -> int:
        return max((base.region_level.get(r, 0) for r in base.unit_regions.get(uid, ())), default=0)

    units: list[UnitPlan] = []
    for uid in (*base.polres, *base.reserves):
        st = report.by_unit[uid]
        reserve = uid in base.reserves
        available = st.police_available
        committed = available if reserve else available * share // 100
        lendable = max(0, min(committed - st.police_required, st.police_assigned - st.bko_out))
        vul = vulnerability(uid)
        units.append(
            UnitPlan(
                uid,
                st.name,
                inputs.units[uid].kind,
                reserve,
                st.tps_total,
                st.police_required,
                st.linmas_required,
                st.police_assigned,
                st.bko_in,
                st.bko_out,
                available,
                st.balance,
                committed,
                lendable,
                vul,
                base.level_names.get(vul, ""),
                st.unrated,
                None if base.plotting is None or reserve else base.plotting.get(uid, NO_SHORTFALL),
            )
        )
    regions = tuple(
        RegionPlan(
            r.key,
            r.name,
            dict(r.tps),
            r.police_required,
            r.linmas_required,
            r.linmas_available,
            base.region_level.get(r.key, 0),
            base.level_names.get(base.region_level.get(r.key, 0), ""),
        )
        for r in sorted(report.by_region.values(), key=lambda r: (r.name, r.key))
    )
    proposals, unmet = _propose(base, units)
    return Plan(base.stage, share, tuple(units), regions, proposals, unmet, report)


def _propose(
    base: PlanBase, units: Sequence[UnitPlan]
) -> tuple[tuple[Proposal, ...], dict[int, int]]:
    deficits = sorted(
        (u for u in units if not u.is_reserve and u.need > 0),
        key=lambda u: (-u.vulnerability, -u.need, u.name, u.unit_id),
    )
    sources = sorted(
        (u for u in units if u.lendable > 0),
        key=lambda u: (not u.is_reserve, -u.lendable, u.name, u.unit_id),
    )
    left = {u.unit_id: u.lendable for u in sources}
    lent: dict[int, int] = defaultdict(int)
    proposals: list[Proposal] = []
    unmet: dict[int, int] = {}
    for d in deficits:
        need = d.need
        for s in sources:
            if need == 0:
                break
            if s.unit_id == d.unit_id or left[s.unit_id] == 0:
                continue
            n = min(need, left[s.unit_id])
            need -= n
            left[s.unit_id] -= n
            lent[s.unit_id] += n
            proposals.append(
                Proposal(
                    to_unit_id=d.unit_id,
                    to_unit_name=d.name,
                    from_unit_id=s.unit_id,
                    from_unit_name=s.name,
                    count=n,
                    source_kind="reserve" if s.is_reserve else "polres",
                    vulnerability=d.vulnerability,
                    vulnerability_name=d.vulnerability_name,
                    deficit=d.need,
                    deficit_left=need,
                    source_available_after=s.police_available - lent[s.unit_id],
                    source_required=s.police_required,
                    source_home=s.police_available - s.committed,
                    source_lendable_after=left[s.unit_id],
                    stage_name=base.stage.name,
                    commit_share_pct=base.commit_share_pct,
                    from_plotting=d.need_from_plotting,
                )
            )
        if need:
            unmet[d.unit_id] = need
    return tuple(proposals), unmet


def plan_for(session: Session, operation_id: int, stage_id: int, *, lang: str = "id") -> Plan:
    return plan(load_base(session, operation_id, stage_id, lang=lang))


# --- writing ---------------------------------------------------------------------------------


def stage_period(stage: StageRef, timezone: str, now: datetime) -> tuple[datetime, datetime | None]:
    """A BKO for the stage runs over its days (local midnight to midnight), as UTC.

    A stage without dates (it waits for a court's ruling) starts now, open-ended.
    """
    window = stage_window(stage.starts_on, stage.ends_on, ZoneInfo(timezone))
    return window if window is not None else (now, None)


@dataclass(frozen=True, slots=True)
class Accepted:
    """The BKO rows an accept created: (id, version) each, for withdrawing them."""

    stage_id: int
    bko: tuple[tuple[int, int], ...]


def accept(
    store: Store,
    actor: Actor,
    operation_id: int,
    stage_id: int,
    proposals: Sequence[Proposal],
) -> Accepted:
    """Turn proposals into BKO assignments for the stage: one journaled transaction.

    Re-checks against the database inside the transaction: a source that can no longer
    lend the sum asked of it (``ProposalOutdated``), or a unit no longer in need of what it
    would receive (``NoLongerShort``: someone reinforced it meanwhile, or the proposals
    came from an unsaved what-if), refuses the whole accept. The need is ``UnitPlan.need``:
    the plotting's shortfall counts as the proposals did.
    """
    require(actor, "plan.accept")
    if not proposals:
        raise NothingToAccept()
    with store.transaction(
        actor,
        "plan.accept",
        operation_id=operation_id,
        details={
            "stage_id": stage_id,
            "proposals": [[p.to_unit_id, p.from_unit_id, p.count] for p in proposals],
        },
    ) as s:
        current = plan_for(s, operation_id, stage_id)
        by_id = {u.unit_id: u for u in current.units}
        lent = [(p.from_unit_id, p.count) for p in proposals]
        over = _first_over(lent, by_id, lambda u: u.lendable)
        if over is not None:
            raise ProposalOutdated(source=over[0], asked=over[1], lendable=over[2])
        # Nor more than the receiving unit needs (no reinforcement on paper only).
        received = [(p.to_unit_id, p.count) for p in proposals]
        over = _first_over(received, by_id, lambda u: u.need)
        if over is not None:
            raise NoLongerShort(unit=over[0], asked=over[1], deficit=over[2])
        start, end = stage_period(current.stage, _zone(s, operation_id), clock.now())
        rows = [
            add_bko(
                s,
                BkoSpec(
                    from_unit_id=p.from_unit_id,
                    to_unit_id=p.to_unit_id,
                    personnel_count=p.count,
                    starts_at=start,
                    ends_at=end,
                    stage_id=stage_id,
                    note=_indonesian(p, current).sentence("id"),
                ),
            )
            for p in proposals
        ]
        return Accepted(stage_id, tuple((r.id, r.version) for r in rows))


def _first_over(
    counts: Iterable[tuple[int, int]],
    by_id: Mapping[int, UnitPlan],
    limit: Callable[[UnitPlan], int],
) -> tuple[str, int, int] | None:
    """The first unit, by id, whose summed ``counts`` (unit id, count) pass its ``limit``
    (0 for a unit no longer in the plan): its name, the sum and the limit; else None."""
    total: dict[int, int] = defaultdict(int)
    for uid, n in counts:
        total[uid] += n
    for uid, n in sorted(total.items()):
        u = by_id.get(uid)
        most = limit(u) if u else 0
        if n > most:
            return (u.name if u else str(uid)), n, most
    return None


def _indonesian(p: Proposal, current: Plan) -> Proposal:
    """``p`` with the names it repeats taken from ``current`` (read in Indonesian): a proposal
    shown in English must not leave English level or stage names in a stored note."""
    to = next((u for u in current.units if u.unit_id == p.to_unit_id), None)
    return dataclasses.replace(
        p,
        stage_name=current.stage.name,
        vulnerability_name=to.vulnerability_name if to is not None else p.vulnerability_name,
    )


def _zone(session: Session, operation_id: int) -> str:
    return session.get_one(Operation, operation_id).timezone


def withdraw(store: Store, actor: Actor, accepted: Accepted) -> None:
    """Undo an accept: end (delete) its BKO rows in one journaled transaction."""
    require(actor, "plan.accept")
    if not accepted.bko:
        raise NothingToAccept()
    with store.transaction(
        actor, "plan.withdraw", details={"bko": [i for i, _ in accepted.bko]}
    ) as s:
        for bko_id, version in accepted.bko:
            remove_bko(s, bko_id, version)


def save_what_if(
    store: Store,
    actor: Actor,
    operation_id: int,
    what_if: WhatIf,
    *,
    pattern_versions: Mapping[int, int] | None = None,
) -> dict[int, int]:
    """Persist a what-if: guard patterns and TPS categories, one journaled transaction.

    ``pattern_versions`` are the category versions the user saw (stale edits are refused).
    Returns the versions the saved categories were left at (what a next save of them, its
    undo for one, expects).
    """
    require(actor, "plan.edit")
    if what_if.empty:
        return {}
    versions = pattern_versions or {}
    left: dict[int, TpsCategory] = {}
    with store.transaction(actor, "plan.save_what_if", operation_id=operation_id) as s:
        for cat_id, pattern in sorted(what_if.patterns.items()):
            check_pattern(pattern)
            cat = fetch_for_edit(s, TpsCategory, cat_id, versions.get(cat_id))
            if cat.operation_id != operation_id:
                raise NotFound(entity="tps_category", key=cat_id)
            cat.guard_police, cat.guard_tps, cat.guard_linmas = (
                pattern.police,
                pattern.tps,
                pattern.linmas,
            )
            left[cat_id] = cat
        cats = {c.id for c in items(s, TpsCategory, operation_id)} | {UNRATED}
        for t in what_if.tps:
            tps = fetch_for_edit(s, PollingStation, t.tps_id, t.version)
            if tps.operation_id != operation_id or t.to_category_id not in cats:
                raise NotFound(entity="tps_category", key=t.to_category_id)
            # Back to unrated only by undoing a rating.
            tps.category_id = None if t.to_category_id == UNRATED else t.to_category_id
        s.flush()
        return {cat_id: int(cat.version) for cat_id, cat in left.items()}


def bko_for_stage(session: Session, operation_id: int, stage_id: int) -> list[BkoAssignment]:
    """BKO rows tagged to the stage (what accepting proposals created, among others)."""
    return list(
        session.scalars(
            select(BkoAssignment)
            .where(BkoAssignment.operation_id == operation_id, BkoAssignment.stage_id == stage_id)
            .order_by(BkoAssignment.id)
        )
    )
