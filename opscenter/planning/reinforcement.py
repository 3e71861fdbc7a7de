"""Requirements per region and Polres for a stage, and reinforcement (penebalan) proposals.

Reading happens once (``plan_inputs.load_base``: a few grouped queries into plain data);
``plan`` is pure, so a what-if (``what_if``: other guard patterns, other categories for some
TPS) recomputes in memory at once and nothing is saved until ``what_if.save_what_if``.
Accepting proposals as BKO assignments, and withdrawing them, is ``reinforcement_bko``.

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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from opscenter import messages
from opscenter.planning.plan_inputs import PlanBase, StageRef, load_base
from opscenter.planning.what_if import WhatIf, apply_what_if, check_pattern
from opscenter.plotting.shortfall import Shortfall
from opscenter.strength import StrengthInputs, StrengthReport, compute, police_deficit

# A Polres guarding no post of a plotted stage.
NO_SHORTFALL = Shortfall(0, 0)


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
        return police_deficit(self.balance)

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

    @property
    def beyond_balance(self) -> int:
        """How many more its posts lack than its balance says (``need + balance``; 0 unless
        the need is the plotting's): people counted in its strength who stand on none of its
        posts, of whom ``plot_commanders`` command rather than guard."""
        return self.need + self.balance if self.need_from_plotting else 0

    @property
    def plot_commanders(self) -> int:
        """Its officers of Kompol and above on none of its posts (0 without a plotting)."""
        return self.plotting.commanders if self.plotting is not None else 0

    def why_beyond_balance(self, lang: str | None = None) -> str:
        """Why its posts lack more than its balance says, as a clause (``beyond_balance``):
        ", bukan 113 menurut selisih kekuatannya (\u2212113): 3 perwira Kompol ke atas ...";
        empty unless the need is the plotting's."""
        if not self.need_from_plotting:
            return ""
        return messages.beyond_balance(self.need, self.balance, self.plot_commanders, lang)


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
    # With it: the receiving unit's balance (available - required, the "Selisih") and its
    # officers of Kompol and above on none of its posts, which say why the two differ.
    balance: int = 0
    commanders: int = 0

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
                    balance=d.balance,
                    commanders=d.plot_commanders,
                )
            )
        if need:
            unmet[d.unit_id] = need
    return tuple(proposals), unmet


def plan_for(
    session: Session,
    operation_id: int,
    stage_id: int,
    *,
    lang: str = "id",
    inputs: StrengthInputs | None = None,
) -> Plan:
    """The plan of one stage (``inputs``: its strength inputs, where read already)."""
    return plan(load_base(session, operation_id, stage_id, lang=lang, inputs=inputs))
