"""The reinforcement plan's inputs for one stage, read once from the database into plain
data (``PlanBase``), so that ``opscenter.planning.reinforcement.plan`` stays pure."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from opscenter.editing import row_in_operation
from opscenter.errors import NotFound
from opscenter.model import Operation, Stage, TpsCategory, VulnerabilityLevel
from opscenter.planning.vulnerability import highest_levels
from opscenter.plotting.pools import POLRES_KINDS
from opscenter.plotting.shortfall import Shortfall, shortfall_by_polres
from opscenter.reference import GuardPattern, items, label
from opscenter.strength import StrengthInputs
from opscenter.strength_inputs import load_inputs
from opscenter.units import unit_areas


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


def load_base(
    session: Session,
    operation_id: int,
    stage_id: int,
    *,
    lang: str = "id",
    inputs: StrengthInputs | None = None,
) -> PlanBase:
    """Read the plan's inputs for one stage (a few grouped queries); the stage, category
    and level names in ``lang`` (the plan's proposals repeat them). ``inputs``: the
    strength inputs of that stage read already (the situation report's), not read again."""
    op = session.get(Operation, operation_id)
    if op is None:
        raise NotFound(entity="operation", key=operation_id)
    stage = row_in_operation(session, Stage, stage_id, operation_id)
    if inputs is None:
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
