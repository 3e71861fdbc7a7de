"""Optimistic concurrency: a stale edit is refused, naming who changed the row and when."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from opscenter import incidents, units
from opscenter.actor import Actor
from opscenter.editing import fetch_for_edit
from opscenter.errors import StaleEdit
from opscenter.messages import describe
from opscenter.model import Incident, IncidentType, Severity, Unit
from opscenter.reference import by_code
from opscenter.store import Store, open_store
from tests.builders import Small, build_small_operation

BUDI = Actor("budi", role="operator")
SITI = Actor("siti", role="operator")


@pytest.fixture
def two_workstations(db_url: str) -> Iterator[tuple[Store, Store, Small]]:
    a = open_store(db_url)
    ids = build_small_operation(a)
    b = open_store(db_url)  # another workstation: its own engine and connections
    yield a, b, ids
    a.dispose()
    b.dispose()


def version_of(store: Store, model: type, row_id: int) -> int:
    with store.read() as s:
        return int(s.get(model, row_id).version)  # type: ignore[union-attr]


def test_stale_status_change_is_refused_with_who_and_when(
    two_workstations: tuple[Store, Store, Small],
) -> None:
    a, b, ids = two_workstations
    unit = ids.units["PA1"]
    seen_by_budi = version_of(a, Unit, unit)
    before = datetime.now(UTC)
    units.set_status(
        b, SITI, unit, ids.statuses["bergerak"], expected_version=version_of(b, Unit, unit)
    )

    with pytest.raises(StaleEdit) as err:
        units.set_status(a, BUDI, unit, ids.statuses["tidak-siap"], expected_version=seen_by_budi)
    assert err.value.changed_by == "siti"
    assert err.value.changed_at is not None
    assert before - timedelta(seconds=5) <= err.value.changed_at <= datetime.now(UTC)
    sentence = describe(err.value, "id")
    assert "siti" in sentence and "Satuan" in sentence and "WIB" in sentence
    with a.read() as s:  # Siti's change stands; nothing was overwritten
        assert s.get(Unit, unit).status_id == ids.statuses["bergerak"]  # type: ignore[union-attr]

    # Reload and re-apply: with the fresh version Budi's change goes through.
    units.set_status(
        a, BUDI, unit, ids.statuses["tidak-siap"], expected_version=version_of(a, Unit, unit)
    )
    with b.read() as s:
        assert s.get(Unit, unit).status_id == ids.statuses["tidak-siap"]  # type: ignore[union-attr]


def test_stale_incident_edit_is_refused(two_workstations: tuple[Store, Store, Small]) -> None:
    a, b, ids = two_workstations
    with a.read() as s:
        t = by_code(s, IncidentType, ids.operation_id)["logistik"].id
        v = by_code(s, Severity, ids.operation_id)["ringan"].id
    inc = incidents.record(
        a,
        BUDI,
        incidents.IncidentDraft(
            operation_id=ids.operation_id,
            type_id=t,
            severity_id=v,
            title="Surat suara terlambat",
            occurred_at=datetime.now(UTC),
        ),
    )
    version = version_of(a, Incident, inc)
    incidents.update(b, SITI, inc, version, title="Surat suara terlambat 2 jam")
    with pytest.raises(StaleEdit) as err:
        incidents.update(a, BUDI, inc, version, injured=1)
    assert err.value.changed_by == "siti"
    assert err.value.data["entity"] == "incident"
    with a.read() as s:
        row = s.get(Incident, inc)
        assert row is not None
        assert (row.title, row.injured) == ("Surat suara terlambat 2 jam", 0)


def test_concurrent_write_between_read_and_save_is_caught(pg_url: str) -> None:
    """Two transactions interleave (possible on PostgreSQL; SQLite writers queue)."""
    a, b = open_store(pg_url), open_store(pg_url)
    try:
        ids = build_small_operation(a)
        unit = ids.units["PB"]
        with pytest.raises(StaleEdit) as err, a.transaction(BUDI, "unit.update") as s:
            row = fetch_for_edit(s, Unit, unit, expected_version=None)  # read at version 1
            # Meanwhile Siti saves the same unit from her workstation and commits.
            units.set_status(b, SITI, unit, ids.statuses["kembali"])
            row.name = "Polres B (ubah)"
            s.flush()  # UPDATE ... WHERE version = 1 matches nothing now
        assert err.value.changed_by == "siti"
        with a.read() as s:
            got = s.get(Unit, unit)
            assert got is not None
            assert (got.name, got.status_id) == ("Polres B", ids.statuses["kembali"])
    finally:
        a.dispose()
        b.dispose()


def test_stale_edit_names_the_row_that_moved(pg_url: str) -> None:
    a, b = open_store(pg_url), open_store(pg_url)
    try:
        ids = build_small_operation(a)
        with pytest.raises(StaleEdit) as err, a.transaction(BUDI, "unit.update") as s:
            first = fetch_for_edit(s, Unit, ids.units["PA"], expected_version=None)
            second = fetch_for_edit(s, Unit, ids.units["PB"], expected_version=None)
            units.set_status(b, SITI, ids.units["PB"], ids.statuses["kembali"])
            first.name, second.name = "A (ubah)", "B (ubah)"
            s.flush()
        assert err.value.data["entity_id"] == ids.units["PB"]
        assert err.value.changed_by == "siti"
    finally:
        a.dispose()
        b.dispose()
