"""Unit services refuse inputs that would corrupt the trees or the strength figures."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from opscenter import units
from opscenter.errors import InvalidValue
from opscenter.store import Store, open_store
from tests.builders import ADMIN, Small, build_small_operation


@pytest.fixture
def two_ops(sqlite_url: str) -> Iterator[tuple[Store, Small, Small]]:
    store = open_store(sqlite_url)
    yield store, build_small_operation(store, "satu"), build_small_operation(store, "dua")
    store.dispose()


def test_parent_from_another_operation_is_refused(two_ops: tuple[Store, Small, Small]) -> None:
    store, one, two = two_ops
    with pytest.raises(InvalidValue) as err:
        units.update_unit(store, ADMIN, one.units["PA"], 1, parent_id=two.units["POLDA"])
    assert err.value.data["field"] == "parent_id"


def test_cycle_in_the_unit_tree_is_refused(two_ops: tuple[Store, Small, Small]) -> None:
    store, one, _ = two_ops
    with pytest.raises(InvalidValue) as err:
        units.update_unit(store, ADMIN, one.units["PA"], 1, parent_id=one.units["PA1"])
    assert err.value.data["reason"] == "cycle"


def test_bko_with_naive_time_or_wrong_person_is_refused(
    two_ops: tuple[Store, Small, Small],
) -> None:
    store, one, _ = two_ops
    with pytest.raises(InvalidValue) as err:
        units.assign_bko(
            store,
            ADMIN,
            from_unit_id=one.units["BRIMOB"],
            to_unit_id=one.units["PA"],
            personnel_count=2,
            starts_at=datetime(2024, 11, 26, 8),
        )
    assert err.value.data["reason"] == "no_zone"


def test_each_unit_sits_at_its_most_specific_area_else_its_parents_else_the_poldas(
    sqlite_url: str,
) -> None:
    from sqlalchemy import select

    from opscenter.board import units_on_map
    from opscenter.demo import load_demo
    from opscenter.model import Region, Stage, Unit

    store = open_store(sqlite_url)
    try:
        op = load_demo(store, "jambi")
        with store.read() as s:
            region = {str(n): int(i) for i, n in s.execute(select(Region.id, Region.name))}
            unit = {str(n): int(i) for i, n in s.execute(select(Unit.id, Unit.name))}
            seats = units.unit_seats(s, op)
            voting = s.scalars(select(Stage.id).where(Stage.is_voting)).one()
            on_map = units_on_map(s, op, voting)
            kerinci_units = units.region_units(s, op, region["Kabupaten Kerinci"])
        # Two areas (Kerinci, Sungai Penuh): the first entered, the one it is named for.
        assert seats[unit["Polres Kerinci"]] == region["Kabupaten Kerinci"]
        assert seats[unit["Polsek Gunung Kerinci"]] == region["Kecamatan Gunung Kerinci"]
        assert seats[unit["Polda Jambi"]] == region["Provinsi Jambi"]
        # No area: the parent's (Brimob under the Polda); no parent either: the Polda's.
        assert seats[unit["Sat Brimob Polda Jambi"]] == region["Provinsi Jambi"]
        assert seats[unit["Satgas Preventif"]] == region["Provinsi Jambi"]
        # Polri's units only, with the BKO in force on voting day.
        assert all(r.agency == "polri" for r in on_map.rows)
        assert on_map.bko == ((unit["Sat Brimob Polda Jambi"], unit["Polres Kerinci"], 60),)
        # A region's units: those with an area at it or under it, not its neighbour's.
        assert {unit["Polres Kerinci"], unit["Polsek Gunung Kerinci"]} <= kerinci_units
        assert unit["Linmas Kota Sungai Penuh"] not in kerinci_units
        assert unit["Polda Jambi"] not in kerinci_units
    finally:
        store.dispose()
