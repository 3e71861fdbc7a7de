"""The strength sections: personnel per Polres, TPS coverage by category, and the unit
annex, all from one strength computation.

Strength is computed for the stage in force at the end of the period (voting day before
the stages begin), with the BKO in force for that stage.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy.orm import Session

from opscenter.model import Stage, TpsCategory, UnitStatus
from opscenter.reference import items
from opscenter.sitrep.content import TpsCoverage, UnitBoardRow, UnitStrength
from opscenter.sitrep.lookups import Lookups
from opscenter.strength import UNRATED, UNRATED_CODE, Forces, compute, group_need
from opscenter.strength_inputs import load_inputs


def forces(session: Session, ref: Lookups, stage: Stage | None) -> Forces:
    """Compute the strength for ``stage`` (its BKO in force)."""
    inputs = load_inputs(session, ref.operation_id, stage)
    return Forces(inputs, compute(inputs))


def strength_per_polres(ref: Lookups, f: Forces) -> tuple[tuple[UnitStrength, ...], UnitStrength]:
    """Each Polres (the Polresta first), its Polsek included; and the total."""
    polres = sorted(
        (u for u in ref.units if u.kind in ("polres", "polresta")),
        key=lambda u: (u.kind != "polresta", u.name),
    )
    by_unit = f.report.by_unit
    strength = tuple(
        UnitStrength(
            u.name,
            u.kind,
            by_unit[u.id].tps_total,
            by_unit[u.id].police_required,
            by_unit[u.id].police_assigned,
            by_unit[u.id].bko_in,
            by_unit[u.id].bko_out,
        )
        for u in polres
    )
    total = UnitStrength(
        ref.total_label,
        "",
        sum(s.tps for s in strength),
        sum(s.required for s in strength),
        sum(s.assigned for s in strength),
        sum(s.bko_in for s in strength),
        sum(s.bko_out for s in strength),
        parts_deficit=sum(s.deficit for s in strength),
    )
    return strength, total


def tps_coverage(
    session: Session, ref: Lookups, f: Forces
) -> tuple[tuple[TpsCoverage, ...], TpsCoverage]:
    """TPS per category: how many, how many a unit guards, and the guards they need. TPS not
    yet rated (a KPU list brings them in so) get a row of their own after the categories,
    counted at the strictest pattern as the strength computation counts them."""
    cats = items(session, TpsCategory, ref.operation_id)
    cov: dict[int, list[int]] = {c.id: [0, 0, 0, 0] for c in cats}
    cov[UNRATED] = [0, 0, 0, 0]
    for (unit_id, _kec, cat_id), n in f.inputs.tps_groups.items():
        police, linmas = group_need(n, f.inputs.patterns[cat_id])
        acc = cov[cat_id]
        acc[0] += n
        acc[1] += n if unit_id is not None else 0
        acc[2] += police
        acc[3] += linmas
    coverage = [TpsCoverage(c.code, ref.name(c), c.pattern, *cov[c.id]) for c in cats]
    if cov[UNRATED][0]:
        coverage.append(
            TpsCoverage(
                UNRATED_CODE,
                "Not rated" if ref.lang == "en" else "Belum dinilai",
                str(f.inputs.patterns[UNRATED]),
                *cov[UNRATED],
            )
        )
    total = TpsCoverage(
        "",
        ref.total_label,
        "",
        *(sum(x) for x in zip(*cov.values(), strict=True)),
    )
    return tuple(coverage), total


def unit_board(session: Session, ref: Lookups, f: Forces) -> tuple[UnitBoardRow, ...]:
    """Every unit in tree order, with its status and figures (the unit annex)."""
    status_names = {s.id: ref.name(s) for s in items(session, UnitStatus, ref.operation_id)}
    children: dict[int | None, list[Any]] = defaultdict(list)
    ids = {u.id for u in ref.units}
    for u in ref.units:
        children[u.parent_id if u.parent_id in ids else None].append(u)
    board: list[UnitBoardRow] = []
    stack: list[tuple[Any, int]] = [(u, 0) for u in reversed(children[None])]
    while stack:
        u, depth = stack.pop()
        us = f.report.by_unit[u.id]
        board.append(
            UnitBoardRow(
                u.code,
                u.name,
                u.kind,
                depth,
                status_names.get(u.status_id, "") if u.status_id is not None else "",
                us.tps_total,
                us.police_required,
                us.police_available,
                us.bko_in,
                us.bko_out,
            )
        )
        stack.extend((c, depth + 1) for c in reversed(children.get(u.id, [])))
    return tuple(board)
