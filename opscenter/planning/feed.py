"""Which journaled changes move what planning shows (the live feed asks before re-reading).

The matrix (``vulnerability``), the plan's inputs (``reinforcement.load_base``, through
``strength.load_inputs`` and the plotting's deficit) and the TPS list (``stations``) are
read from these tables; the
journal names a change by its table (``journal``: ``entity`` is the mapped table's name).
"""

from __future__ import annotations

from collections.abc import Iterable

# Every table a planning read touches. An incident, an account or a unit's status is not
# among them: the planning window does not show those.
SHOWN_ENTITIES = frozenset(
    {
        "operation",
        "stage",
        "region",
        "unit",
        "unit_area",
        "personnel",
        "rank",
        "bko_assignment",
        "polling_station",
        "tps_category",
        "aspect",
        "vulnerability_level",
        "vulnerability_rating",
        # The plotting's deficit per Polres (``plotting.plot.shortfall_by_polres``).
        "guard_post",
        "guard_post_tps",
        "guard_assignment",
    }
)


def shows_any(entities: Iterable[str]) -> bool:
    """True when one of ``entities`` (journal entity names) is read by planning."""
    return not SHOWN_ENTITIES.isdisjoint(entities)
