"""The incident log's query, checked against direct SQL counts on the Jambi demo."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, or_, select

from opscenter import incident_choices, incident_log, incidents
from opscenter.actor import Actor
from opscenter.demo import load_demo
from opscenter.incident_log import IncidentFilter
from opscenter.model import (
    Incident,
    IncidentStatus,
    IncidentType,
    IncidentUnit,
    Region,
    Severity,
)
from opscenter.operations import stage_by_code
from opscenter.reference import by_code
from opscenter.store import Store, open_store

WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture(scope="module")
def jambi(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, int]]:
    path: Path = tmp_path_factory.mktemp("incident_log") / "jambi.db"
    store = open_store(f"sqlite:///{path}")
    op_id = load_demo(store, "jambi")
    try:
        yield store, op_id
    finally:
        store.dispose()


def count(store: Store, *where: object) -> int:
    with store.read() as s:
        return int(s.scalar(select(func.count()).select_from(Incident).where(*where)) or 0)  # type: ignore[arg-type]


def ids(store: Store, op_id: int, flt: IncidentFilter) -> list[int]:
    with store.read() as s:
        return [r.id for r in incident_log.query(s, op_id, flt)]


def test_unfiltered_is_every_incident_newest_first(jambi: tuple[Store, int]) -> None:
    store, op_id = jambi
    with store.read() as s:
        rows = incident_log.query(s, op_id)
    assert len(rows) == count(store, Incident.operation_id == op_id) == 227
    assert [r.occurred_at for r in rows] == sorted((r.occurred_at for r in rows), reverse=True)
    first = rows[0]
    assert first.occurred_local.utcoffset() == timedelta(hours=7)
    assert first.code == f"KEJ-{first.number:04d}"
    assert first.severity_colour.startswith("#") and first.type_name and first.status_name
    assert all(r.area_name for r in rows)


def test_stage_filter_uses_the_stage_dates_in_wib(jambi: tuple[Store, int]) -> None:
    store, op_id = jambi
    with store.read() as s:
        voting = stage_by_code(s, op_id, "pemungutan")
        campaign = stage_by_code(s, op_id, "kampanye")
        undated = stage_by_code(s, op_id, "penetapan-terpilih")
    start = datetime(2024, 11, 27, tzinfo=WIB).astimezone(UTC)
    end = start + timedelta(days=1)
    expected = count(
        store, Incident.operation_id == op_id, Incident.occurred_at >= start,
        Incident.occurred_at < end,
    )  # fmt: skip
    got = ids(store, op_id, IncidentFilter(stage_id=voting.id))
    assert len(got) == expected > 0
    c_start = datetime(2024, 9, 25, tzinfo=WIB).astimezone(UTC)
    c_end = datetime(2024, 11, 24, tzinfo=WIB).astimezone(UTC)
    assert len(ids(store, op_id, IncidentFilter(stage_id=campaign.id))) == count(
        store, Incident.operation_id == op_id, Incident.occurred_at >= c_start,
        Incident.occurred_at < c_end,
    )  # fmt: skip
    assert ids(store, op_id, IncidentFilter(stage_id=undated.id)) == []


def test_region_filter_includes_the_kecamatan_of_a_kabupaten(jambi: tuple[Store, int]) -> None:
    store, op_id = jambi
    with store.read() as s:
        kerinci = s.scalars(
            select(Region).where(Region.operation_id == op_id, Region.name == "Kabupaten Kerinci")
        ).one()
        kec = [r for (r,) in s.execute(select(Region.id).where(Region.parent_id == kerinci.id))]
    expected = count(store, Incident.region_id.in_([kerinci.id, *kec]))
    got = ids(store, op_id, IncidentFilter(region_id=kerinci.id))
    assert len(got) == expected > 0
    one_kec = kec[0]
    assert len(ids(store, op_id, IncidentFilter(region_id=one_kec))) == count(
        store, Incident.region_id == one_kec
    )


def test_type_severity_status_and_combined_filters(jambi: tuple[Store, int]) -> None:
    store, op_id = jambi
    with store.read() as s:
        types = by_code(s, IncidentType, op_id)
        severities = by_code(s, Severity, op_id)
        statuses = by_code(s, IncidentStatus, op_id)
        voting = stage_by_code(s, op_id, "pemungutan")
    for t in types.values():
        assert len(ids(store, op_id, IncidentFilter(type_id=t.id))) == count(
            store, Incident.type_id == t.id
        )
    for sev in severities.values():
        assert len(ids(store, op_id, IncidentFilter(severity_id=sev.id))) == count(
            store, Incident.severity_id == sev.id
        )
    for st in statuses.values():
        assert len(ids(store, op_id, IncidentFilter(status_id=st.id))) == count(
            store, Incident.status_id == st.id
        )
    logistics, light = types["logistik"].id, severities["ringan"].id
    start = datetime(2024, 11, 27, tzinfo=WIB).astimezone(UTC)
    combined = IncidentFilter(stage_id=voting.id, type_id=logistics, severity_id=light)
    assert len(ids(store, op_id, combined)) == count(
        store, Incident.type_id == logistics, Incident.severity_id == light,
        Incident.occurred_at >= start, Incident.occurred_at < start + timedelta(days=1),
    )  # fmt: skip


@pytest.mark.parametrize("text", ["KPU", "kpu", "Kerinci", "politik uang", "100%", "zzz-none"])
def test_text_filter_is_case_insensitive_over_title_description_location(
    jambi: tuple[Store, int], text: str
) -> None:
    store, op_id = jambi
    low = text.lower()  # instr: no LIKE wildcards to escape in the reference count
    expected = count(
        store,
        Incident.operation_id == op_id,
        or_(
            func.instr(func.lower(Incident.title), low) > 0,
            func.instr(func.lower(Incident.description), low) > 0,
            func.instr(func.lower(func.coalesce(Incident.location, "")), low) > 0,
        ),
    )
    assert len(ids(store, op_id, IncidentFilter(text=text))) == expected
    if text == "KPU":
        assert expected > 0


def test_ids_narrow_the_query_and_follow_ups_and_units_are_traced(
    jambi: tuple[Store, int], tmp_path: Path
) -> None:
    store, op_id = jambi
    with store.read() as s:
        rows = incident_log.query(s, op_id)
        some = [rows[0].id, rows[5].id, 999_999]
        assert [r.id for r in incident_log.rows_by_id(s, some)] == [rows[0].id, rows[5].id]
        closed = by_code(s, IncidentStatus, op_id)["selesai"].id
        narrowed = incident_log.query(s, op_id, IncidentFilter(status_id=closed), ids=some)
        closed_ids = {r.id for r in rows if r.is_closed}
        assert {r.id for r in narrowed} == {r for r in some[:2] if r in closed_ids}
        entries = incident_log.follow_ups(s, rows[0].id)
        assert len(entries) == rows[0].follow_up_count > 0
        assert entries[0].at_local.utcoffset() == timedelta(hours=7)
        choices = incident_choices.choices(s, op_id)
        assert len(choices.severities) == 4 and choices.severities[0].colour
        assert any(c.code == "kecamatan" for c in choices.regions)
    # Removing a responding unit deletes its row; the journal still names the incident.
    target = rows[1]
    with store.read() as s:
        link_ids = list(
            s.scalars(select(IncidentUnit.id).where(IncidentUnit.incident_id == target.id))
        )
    incidents.set_units(store, Actor("uji"), target.id, ())
    with store.read() as s:
        assert incident_log.affected_incidents(s, (), (), link_ids) == {target.id}
        assert incident_log.rows_by_id(s, [target.id])[0].unit_ids == ()
