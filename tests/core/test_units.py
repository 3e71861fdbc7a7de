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
