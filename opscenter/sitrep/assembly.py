"""``assemble``: the situation report of an operation for a period, composed section by
section from one read of the database."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from opscenter import clock, operations, planning
from opscenter.errors import InvalidValue
from opscenter.model import Stage
from opscenter.sitrep.content import CLASSIFICATIONS, SECTIONS, Signatory, Sitrep
from opscenter.sitrep.fingerprint import fingerprint
from opscenter.sitrep.incidents import Statistics, follow_ups, incidents_in, statistics
from opscenter.sitrep.lookups import lookups
from opscenter.sitrep.numbering import format_number, letterhead, signatory_of
from opscenter.sitrep.outlook import assessment, outlook, recommendations
from opscenter.sitrep.period import Timeline, calendar, optional_stage_ref, period_of, timeline
from opscenter.sitrep.readiness import readiness_summary
from opscenter.sitrep.strength import forces, strength_per_polres, tps_coverage, unit_board
from opscenter.sitrep.vulnerability import aspect_situations, ratings, vulnerability_table
from opscenter.sitrep.watch import watch_summary
from opscenter.strength import Forces


def reinforcement_needs(
    session: Session, operation_id: int, stage: Stage | None, force: Forces
) -> dict[str, tuple[int, int]]:
    """Per Polres name: what reinforcement planning asks for at ``stage`` and its officers
    of Kompol and above on none of its posts (``opscenter.planning``: the planning window's
    figure, so that the report recommends what the window proposes); empty without a stage."""
    if stage is None:
        return {}
    plan = planning.plan_for(session, operation_id, stage.id, inputs=force.inputs)
    return {u.name: (u.need, u.plot_commanders) for u in plan.deficits}


def assemble(
    session: Session,
    operation_code: str | None = None,
    *,
    period_from: datetime | None = None,
    period_to: datetime | None = None,
    classification: str = "TERBATAS",
    signatory: Signatory | None = None,
    now: datetime | None = None,
    serial: int | None = None,
    sections: Iterable[str] | None = None,
) -> Sitrep:
    """The situation report of an operation for a period (see the package's rules).

    Naive times are read in the operation's time zone. ``serial`` defaults to the next
    serial of the operation (taken for good by ``issue_serial`` once the report is kept).
    """
    now = now or clock.now()
    # The map's shapes (shapely, numpy) load with the first report, not with the window that
    # offers one: a tenth of a second of every start-up.
    from opscenter.sitrep.map import sitrep_map

    op = operations.get_operation(session, operation_code)
    if classification not in CLASSIFICATIONS:
        raise InvalidValue(field="classification", value=classification, reason="classification")
    cal = calendar(session, op, period_of(op, period_from, period_to, now))
    lang = op.language
    ref = lookups(session, op)
    found = incidents_in(session, ref, cal)
    significant, actions = follow_ups(session, ref, found, cal)
    # Strength, for the stage in force at the end of the period.
    strength_stage = cal.current or cal.voting
    force = forces(session, ref, strength_stage)
    strength, strength_total = strength_per_polres(ref, force)
    coverage, coverage_total = tps_coverage(session, ref, force)
    # Vulnerability (Polri's own ratings) of the current and the next stage.
    rated = [s for s in (cal.current, cal.next_stage) if s is not None]
    rates = ratings(session, ref, rated)

    content: dict[str, Any] = dict(
        **letterhead(op),
        classification=classification,
        **_fields(timeline(cal, lang)),
        assessment=assessment(ref, found.items, strength, strength_total, rates, cal),
        aspects=aspect_situations(ref, rates, found, cal.current),
        **_fields(statistics(ref, found, cal)),
        significant=significant,
        significant_total=len(found.significant_ids),
        actions=actions,
        strength_stage=optional_stage_ref(strength_stage, lang),
        strength=strength,
        strength_total=strength_total,
        tps_coverage=coverage,
        tps_total=coverage_total,
        vulnerability=tuple(vulnerability_table(ref, rates, s) for s in rated),
        outlook=outlook(ref, rates, cal),
        recommendations=recommendations(
            strength,
            rates,
            cal,
            found.open_significant,
            reinforcement_needs(session, op.id, strength_stage, force),
        ),
        units=unit_board(session, ref, force),
        incidents=found.items,
        signatory=signatory_of(op, signatory),
        # Readiness on the report's last day (the operation's local date at its end).
        # The strength is read once: for the voting stage only its BKO in force, if that
        # is not the stage in force.
        readiness=readiness_summary(session, op.id, cal.period_to.date(), lang, force),
        map=sitrep_map(session, ref, rates, cal.current, found),
        watch=watch_summary(session, op.id, cal, lang),
        sections=tuple(s for s in SECTIONS if sections is None or s in set(sections)),
    )
    number_serial = serial if serial is not None else op.sitrep_serial + 1
    return Sitrep(
        number=format_number(op.sitrep_number_template, number_serial, cal.period_to.date()),
        serial=number_serial,
        generated_at=now.astimezone(ref.zone),
        fingerprint=fingerprint(content),
        **content,
    )


def _fields(piece: Timeline | Statistics) -> dict[str, Any]:
    """A section's piece as ``Sitrep`` fields (it names its fields as the ``Sitrep`` does)."""
    return {f.name: getattr(piece, f.name) for f in dataclasses.fields(piece)}
