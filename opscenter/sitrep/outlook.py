"""The judgement sections: the overall assessment, the outlook for the next 72 hours and
the recommendations, drawn from the figures the other sections computed.

The assessment is red for an incident of the highest severity, a death, or a police
deficit over 10% of the requirement; amber for a serious incident, any deficit or a region
rated highest on security for the stage; green otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from opscenter.sitrep.content import (
    ASSESSMENT_LEVELS,
    Assessment,
    IncidentItem,
    OutlookItem,
    Reason,
    Recommendation,
    UnitStrength,
)
from opscenter.sitrep.lookups import Lookups
from opscenter.sitrep.period import Calendar, stage_ref
from opscenter.sitrep.vulnerability import Ratings

# Share of required police missing across the Polres that makes the assessment red.
RED_DEFICIT_PCT = 10
OUTLOOK_HOURS = 72

# Typical threats per stage (DOMAIN.md, "The election stages"), as incident type codes.
STAGE_THREATS: Mapping[str, tuple[str, ...]] = {
    "pendaftaran": ("bentrokan", "unjuk-rasa"),
    "penetapan-paslon": ("unjuk-rasa", "bentrokan"),
    "kampanye": ("bentrokan", "politik-uang", "hoaks-sara"),
    "masa-tenang": ("politik-uang", "kampanye-ilegal", "hoaks-sara"),
    "pemungutan": ("logistik", "netralitas", "intimidasi"),
    "rekapitulasi": ("unjuk-rasa", "bentrokan", "sengketa-psu"),
    "penetapan-terpilih": ("unjuk-rasa", "sengketa-psu"),
    "sengketa-mk": ("unjuk-rasa", "sengketa-psu"),
    "pelantikan": ("unjuk-rasa", "ancaman-teror"),
}


def horizon(cal: Calendar) -> date:
    """The last day the outlook looks at."""
    return (cal.period_to + timedelta(hours=OUTLOOK_HOURS)).date()


def assessment(
    ref: Lookups,
    incidents: Sequence[IncidentItem],
    strength: Sequence[UnitStrength],
    strength_total: UnitStrength,
    r: Ratings,
    cal: Calendar,
) -> Assessment:
    """Green, amber or red, with the reasons (see the module's rule)."""
    reasons: list[Reason] = []
    level = 0
    top_rank = ref.top_rank
    top_n = sum(1 for i in incidents if i.severity_rank == top_rank)
    second_n = sum(1 for i in incidents if i.severity_rank == top_rank - 1)
    dead = sum(i.dead for i in incidents)
    deficit_units = [s for s in strength if s.deficit > 0]
    total_deficit = sum(s.deficit for s in strength)
    high_security = r.high_regions(cal.current, r.security)
    # Each level by its name in the operation's list ("Kritis", "Berat"): the reader knows
    # them by name, not as "the highest level".
    top_name = ref.name(ref.severities[top_rank - 1]) if top_rank else ""
    second_name = ref.name(ref.severities[top_rank - 2]) if top_rank > 1 else ""
    if top_n:
        reasons.append(Reason("top_severity", top_n, (top_name,)))
        level = 2
    if dead:
        reasons.append(Reason("dead", dead))
        level = 2
    if strength_total.required and total_deficit * 100 > strength_total.required * RED_DEFICIT_PCT:
        reasons.append(Reason("deficit_major", total_deficit, tuple(s.name for s in deficit_units)))
        level = 2
    elif deficit_units:
        reasons.append(Reason("deficit", total_deficit, tuple(s.name for s in deficit_units)))
        level = max(level, 1)
    if second_n:
        reasons.append(Reason("serious", second_n, (second_name,)))
        level = max(level, 1)
    if high_security:
        reasons.append(Reason("high_security", len(high_security), high_security))
        level = max(level, 1)
    if not reasons:
        reasons.append(Reason("calm", len(incidents)))
    return Assessment(ASSESSMENT_LEVELS[level], tuple(reasons))


def outlook(ref: Lookups, r: Ratings, cal: Calendar) -> tuple[OutlookItem, ...]:
    """The stages in force over the next 72 hours, their typical threats and the regions
    rated highest on security for each."""
    until, as_of_day = horizon(cal), cal.as_of_day
    ahead = [cal.current] if cal.current is not None else []
    ahead += sorted(
        (
            s
            for s in cal.stages
            if s.starts_on is not None
            and s.starts_on <= until
            and (s.ends_on or s.starts_on) >= as_of_day
            and s not in ahead
        ),
        key=lambda s: (s.starts_on or as_of_day, s.ordinal),
    )
    type_by_code = {t.code: t for t in ref.types.values()}
    return tuple(
        OutlookItem(
            stage_ref(s, ref.lang),
            tuple(
                ref.name(type_by_code[c])
                for c in STAGE_THREATS.get(s.code, ())
                if c in type_by_code
            ),
            r.high_regions(s, r.security),
        )
        for s in ahead
    )


def recommendations(
    strength: Sequence[UnitStrength],
    r: Ratings,
    cal: Calendar,
    open_significant: int,
    needs: Mapping[str, tuple[int, int]] | None = None,
) -> tuple[Recommendation, ...]:
    """Reinforce each Polres short of police by what reinforcement planning asks for
    (``needs``: per Polres name, its need and its commanders on no post; the planning
    window proposes the same figure), else by its deficit; watch the regions rated highest
    on security (for the next stage when it starts within the outlook); close the open
    significant incidents; else keep the posture."""
    needs = needs or {}
    recs = []
    for s in strength:
        need, commanders = needs.get(s.name, (s.deficit, 0))
        if max(need, s.deficit) > 0:
            recs.append(
                Recommendation(
                    "reinforce", s.name, max(need, s.deficit), balance=s.balance,
                    commanders=commanders,
                )
            )  # fmt: skip
    nxt = cal.next_stage
    watch_stage = (
        nxt if nxt is not None and nxt.starts_on and nxt.starts_on <= horizon(cal) else cal.current
    )
    watch = r.high_regions(watch_stage, r.security)
    if watch:
        recs.append(Recommendation("watch_regions", "", len(watch), watch))
    if open_significant:
        recs.append(Recommendation("close_incidents", "", open_significant))
    if not recs:
        recs.append(Recommendation("keep_posture", "", 0))
    return tuple(recs)
