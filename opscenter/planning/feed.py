"""Which journaled changes move what planning shows (the live feed asks before re-reading).

The matrix (``vulnerability``), the plan's inputs (``plan_inputs.load_base``, through
``strength_inputs.load_inputs`` and the plotting's deficit) and the TPS list (``stations``) are
read from these tables; the
journal names a change by its table (``journal``: ``entity`` is the mapped table's name).
"""

from __future__ import annotations

from collections.abc import Iterable

from opscenter.strength_inputs import INPUT_ENTITIES

# Every table a planning read touches: the strength's inputs (the plan's requirements), and
# what the matrix and the plotting's deficit per Polres (``plotting.shortfall.shortfall_by_polres``)
# read besides. An incident, an account or a unit's status is not among them: the planning
# window does not show those.
SHOWN_ENTITIES = INPUT_ENTITIES | frozenset(
    {
        "rank",
        "aspect",
        "vulnerability_level",
        "vulnerability_rating",
        "guard_post",
        "guard_post_tps",
        "guard_assignment",
    }
)


def shows_any(entities: Iterable[str]) -> bool:
    """True when one of ``entities`` (journal entity names) is read by planning."""
    return not SHOWN_ENTITIES.isdisjoint(entities)
