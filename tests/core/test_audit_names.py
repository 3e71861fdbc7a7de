"""The audit journal names what an entry changed: its row and the rows its ids point at, by
their current names, read a page at a time; a row no longer there says so."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from sqlalchemy import event, select

from opscenter import audit, operations, planning
from opscenter.model import Aspect, Base, GuardPost, Region, VulnerabilityLevel
from opscenter.planning import RatingValue
from opscenter.reference import by_code
from opscenter.store import Store, open_store
from tests.builders import ADMIN, Small, build_small_operation
from tests.core.test_journal import _services


@pytest.fixture
def small(db_url: str) -> Iterator[tuple[Store, Small]]:
    store = open_store(db_url)
    yield store, build_small_operation(store)
    store.dispose()


def _rows(store: Store, f: audit.AuditFilter = audit.AuditFilter()) -> list[audit.AuditRow]:  # noqa: B008
    return list(audit.iter_rows(store, f, batch=500))


def _values(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else [value]


def test_every_journaled_table_is_named() -> None:
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__journaled__", False):
            assert audit.nameable(mapper.local_table.name), mapper.local_table.name


def test_a_rating_reads_by_its_area_aspect_and_stage_and_as_deleted_once_cleared(
    small: tuple[Store, Small],
) -> None:
    # The walk: "penilaian kerawanan #91 · diubah / tingkat kerawanan: Tinggi → Sedang",
    # with nothing saying which area or aspect.
    store, ids = small
    with store.read() as s:
        aspect = by_code(s, Aspect, ids.operation_id)["keamanan"]
        levels = by_code(s, VulnerabilityLevel, ids.operation_id)
        stage = operations.stage_by_code(s, ids.operation_id, "pemungutan")
        names = (aspect.name, stage.name, levels["tinggi"].name, levels["sedang"].name)
    value = RatingValue(ids.regions["B"], stage.id, aspect.id, levels["tinggi"].id)
    rating = planning.set_rating(store, ADMIN, ids.operation_id, value)
    lower = RatingValue(ids.regions["B"], stage.id, aspect.id, levels["sedang"].id)
    planning.set_rating(store, ADMIN, ids.operation_id, lower, expected_version=rating.version)
    aspect_name, stage_name, high, medium = names
    changed = _rows(store, audit.AuditFilter(entity="vulnerability_rating"))[0]
    assert changed.action == "update"
    assert audit.subject(changed) == f"Kota B / {aspect_name} / {stage_name}"
    shown = audit.summarise(
        changed.changes, changed.action, entity=changed.entity, names=changed.names, lang="id"
    )
    assert shown == f"tingkat kerawanan: {high} \u2192 {medium}"

    planning.clear_rating(store, ADMIN, rating.id)
    entries = _rows(store, audit.AuditFilter(entity="vulnerability_rating"))
    assert [r.action for r in entries] == ["delete", "update", "insert"]
    assert {audit.subject(r) for r in entries} == {f"#{rating.id} (dihapus)"}
    assert {audit.subject(r, "en") for r in entries} == {f"#{rating.id} (deleted)"}


def test_an_id_of_a_row_no_longer_there_reads_as_deleted() -> None:
    shown = audit.named({"post_id": 1052, "stage_id": [3, 4]}, "guard_assignment", {(
        "stage", 4
    ): "Pemungutan suara"})  # fmt: skip
    assert shown == {"post": "#1052 (dihapus)", "stage": ["#3 (dihapus)", "Pemungutan suara"]}
    assert audit.named({"post_id": 1052}, "guard_assignment", {}, "en") == {
        "post": "#1052 (deleted)"
    }
    # Not looked up (a row built by hand): ids stay ids.
    assert audit.named({"post_id": 1052}, "guard_assignment", None) == {"post_id": 1052}


def test_every_service_entry_names_its_row_and_its_ids(small: tuple[Store, Small]) -> None:
    """Every service's journal rows read by name: no "#id" for a row still there, no bare id
    among the changes; a placement names its post ("Pos 1 Kecamatan A1"), not 1052."""
    store, ids = small
    for step in _services(ids):
        if step.setup is not None:
            step.setup(store)
        step.run(store)
    rows = _rows(store)
    assert len({r.entity for r in rows}) > 25
    with store.read() as s:
        there = {
            (table, int(i))
            for table in {r.entity for r in rows}
            for i in s.scalars(select(Base.metadata.tables[table].c.id))
        }
    for r in rows:
        name = audit.subject(r)
        if (r.entity, r.entity_id) in there:
            assert not re.fullmatch(r"#\d+( \(dihapus\))?", name), (r.entity, r.changes)
        else:
            assert name == f"#{r.entity_id} (dihapus)", (r.entity, r.changes)
        for column, value in audit.named(r.changes, r.entity, r.names).items():
            if column.endswith("_id") and column != "id":
                assert value is None or not isinstance(value, int), (r.entity, column, value)
    with store.read() as s:
        post = s.scalars(select(GuardPost).order_by(GuardPost.id)).first()
        assert post is not None
        kecamatan = s.get_one(Region, post.region_id).name
    placed = [r for r in rows if r.entity == "guard_assignment" and "post_id" in r.changes]
    assert placed
    post_names = {
        str(v)
        for r in placed
        for v in _values(audit.named(r.changes, r.entity, r.names)["post"])
        if v is not None
    }
    assert f"Pos {post.number} {kecamatan}" in post_names | {
        audit.subject(r) for r in rows if r.entity == "guard_post"
    }
    # A post merged away reads as gone.
    pattern = r"Pos \d+ Kecamatan .+|#\d+ \(dihapus\)"
    assert all(re.fullmatch(pattern, n) for n in post_names), post_names
    assert all(" / Pos " in audit.subject(r) for r in placed if r.action != "delete")


def test_names_are_read_a_page_at_a_time_not_a_row_at_a_time(
    small: tuple[Store, Small],
) -> None:
    store, ids = small
    for step in _services(ids):
        if step.setup is not None:
            step.setup(store)
        step.run(store)
    statements: list[str] = []

    def seen(*_: object) -> None:
        statements.append("")

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        for entity in ("guard_assignment", "guard_post_tps", "vulnerability_rating", None):
            counts = []
            for limit in (1, 30):
                statements.clear()
                with store.read() as s:
                    page = audit.query(s, audit.AuditFilter(entity=entity, limit=limit))
                assert len(page) == limit
                counts.append(len(statements))
            # Thirty rows of mixed tables may read a few more tables than one row, never one
            # query a row.
            assert counts[1] <= counts[0] + (20 if entity is None else 0), (entity, counts)
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)
