"""The journal rule: no row changes without its journal row, in the same transaction."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import MetaData, select, text, update

from opscenter import incidents, journal, personnel, units
from opscenter.errors import InvalidValue, JournalBypass, JournalImmutable, ReadOnlySession
from opscenter.model import Base, IncidentType, JournalEntry, Severity, Unit
from opscenter.reference import by_code
from opscenter.store import Store, open_store
from tests.builders import ADMIN, Small, build_small_operation

SKIP_TABLES = {"journal", "journal_txn", "alembic_version"}


@pytest.fixture
def small(db_url: str) -> Iterator[tuple[Store, Small]]:
    store = open_store(db_url)
    yield store, build_small_operation(store)
    store.dispose()


def snapshot(store: Store) -> dict[tuple[str, int], dict[str, Any]]:
    """Every row of every journaled table, by (table, id)."""
    rows: dict[tuple[str, int], dict[str, Any]] = {}
    meta = MetaData()
    meta.reflect(store.engine)
    with store.engine.connect() as conn:
        for table in meta.sorted_tables:
            if table.name in SKIP_TABLES:
                continue
            for r in conn.execute(select(table)).mappings():
                rows[(table.name, int(r["id"]))] = {k: journal.plain(_utc(v)) for k, v in r.items()}
    return rows


def _utc(value: Any) -> Any:
    """Raw column values as the ORM sees them: SQLite keeps naive UTC, PostgreSQL a zone."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value


def journal_after(store: Store, seq: int) -> list[JournalEntry]:
    with store.read() as s:
        return journal.entries_after(s, seq)


def head(store: Store) -> int:
    with store.read() as s:
        return journal.head(s)


def _import_roster(store: Store) -> object:
    """An import through the bulk path: one row changed (position), two new, one unchanged."""
    from opscenter.roster.commit import commit
    from opscenter.roster.preview import Options, prepare

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "roster.csv"
        path.write_text(
            "NRP;NAMA;PANGKAT;JABATAN;SATUAN;NO HP\n"
            "90000001;Personel 1;Bripda;Bhabinkamtibmas;pa1;\n"
            "90000002;Personel 2;Bripda;;pa1;\n"
            "77010001;Baru Satu;AKP;Kapolsek;Polsek A1;0812 3456 7890\n"
            "77010002;Baru Dua;Bripda;;pb;\n",
            encoding="utf-8",
        )
        preview = prepare(store, path, Options(kind="personnel"))
        assert dict(preview.counts) == {"new": 2, "changed": 1, "unchanged": 1, "rejected": 0}, [
            (r.row, [(p.field, p.code, p.value) for p in r.problems or ()]) for r in preview.rows
        ]
        return commit(store, ADMIN, preview)


def _revert_last_import(store: Store) -> object:
    from opscenter.roster.commit import imports, revert

    return revert(store, ADMIN, imports(store)[0].txn_id)


def _services(ids: Small) -> list[tuple[str, Callable[[Store], object]]]:
    def record(store: Store) -> object:
        with store.read() as s:
            t = by_code(s, IncidentType, ids.operation_id)["bentrokan"].id
            v = by_code(s, Severity, ids.operation_id)["sedang"].id
        return incidents.record(
            store,
            ADMIN,
            incidents.IncidentDraft(
                operation_id=ids.operation_id,
                type_id=t,
                severity_id=v,
                title="Bentrokan pendukung",
                occurred_at=datetime.now(UTC) - timedelta(hours=1),
                region_id=ids.regions["A1"],
                unit_ids=(ids.units["PA1"], ids.units["BRIMOB"]),
            ),
        )

    def first_incident(store: Store) -> int:
        with store.read() as s:
            from opscenter.model import Incident

            return int(s.scalars(select(Incident.id)).first() or record(store))  # type: ignore[arg-type]

    return [
        (
            "unit status",
            lambda st: units.set_status(
                st, ADMIN, ids.units["PA1"], ids.statuses["bergerak"], reason="Patroli"
            ),
        ),
        (
            "unit edit",
            lambda st: units.update_unit(st, ADMIN, ids.units["PB"], 1, name="Polresta B"),
        ),
        (
            "bko",
            lambda st: units.assign_bko(
                st,
                ADMIN,
                from_unit_id=ids.units["BRIMOB"],
                to_unit_id=ids.units["PB"],
                personnel_count=3,
                starts_at=datetime(2024, 11, 26, tzinfo=UTC),
            ),
        ),
        ("incident", record),
        (
            "follow-up",
            lambda st: incidents.add_follow_up(
                st, ADMIN, first_incident(st), "Massa dibubarkan", status_code="ditangani"
            ),
        ),
        (
            "incident status",
            lambda st: incidents.set_status(st, ADMIN, first_incident(st), "selesai", None),
        ),
        (
            "incident units",
            lambda st: incidents.set_units(st, ADMIN, first_incident(st), [ids.units["PA2"]]),
        ),
        ("roster import (new and changed rows)", _import_roster),
        ("roster import revert", _revert_last_import),
        (
            "personnel add",
            lambda st: personnel.add(
                st,
                ADMIN,
                personnel.PersonDraft(
                    operation_id=ids.operation_id,
                    nrp="85010123",
                    name="Baru Uji",
                    home_unit_id=ids.units["PA2"],
                ),
            ),
        ),
    ]


def test_every_service_change_has_its_journal_rows(small: tuple[Store, Small]) -> None:
    store, ids = small
    for name, service in _services(ids):
        before, seq = snapshot(store), head(store)
        service(store)
        after = snapshot(store)
        entries = journal_after(store, seq)
        assert entries, f"{name}: no journal rows"
        logged = {(e.entity, e.entity_id): e for e in entries}
        changed = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
        # Every changed row is journaled, and nothing is journaled that did not change.
        assert changed == set(logged), name
        for key in changed:
            e = logged[key]
            assert e.actor == ADMIN.username
            if key not in before:
                assert e.action == "insert"
                row = {k: v for k, v in after[key].items() if v is not None and k != "version"}
                assert e.changes == row, name
            elif key not in after:
                assert e.action == "delete"
            else:
                assert e.action == "update"
                diff = {
                    k: [before[key][k], after[key][k]]
                    for k in after[key]
                    if before[key][k] != after[key][k] and k != "version"
                }
                assert e.changes == diff, name
        # One user action is one journal transaction.
        assert len({e.txn_id for e in entries}) == 1, name


def test_read_session_cannot_write(small: tuple[Store, Small]) -> None:
    store, ids = small
    seq = head(store)
    with pytest.raises(ReadOnlySession), store.read() as s:
        s.get(Unit, ids.units["PA"]).name = "Diam-diam"  # type: ignore[union-attr]
        s.commit()
    with store.read() as s:
        assert s.get(Unit, ids.units["PA"]).name == "Polres A"  # type: ignore[union-attr]
    assert head(store) == seq


def test_bulk_statement_around_the_journal_is_refused(small: tuple[Store, Small]) -> None:
    store, ids = small
    with pytest.raises(JournalBypass), store.transaction(ADMIN, "test.bulk") as s:
        s.execute(update(Unit).where(Unit.id == ids.units["PA"]).values(name="X"))
    with store.read() as s:
        assert s.get(Unit, ids.units["PA"]).name == "Polres A"  # type: ignore[union-attr]


def test_failed_action_leaves_neither_change_nor_journal(small: tuple[Store, Small]) -> None:
    store, ids = small
    before, seq = snapshot(store), head(store)
    with pytest.raises(InvalidValue):
        personnel.add(
            store,
            ADMIN,
            personnel.PersonDraft(
                operation_id=ids.operation_id,
                nrp="90000001",
                name="Duplikat",
                home_unit_id=ids.units["PA"],
            ),
        )
    with pytest.raises(RuntimeError), store.transaction(ADMIN, "test.crash") as s:
        s.get(Unit, ids.units["PA"]).name = "Setengah"  # type: ignore[union-attr]
        s.flush()  # the change and its journal row are written ...
        raise RuntimeError("power cut")  # ... and both roll back
    assert snapshot(store) == before
    assert head(store) == seq


def test_journal_is_append_only_in_the_database(small: tuple[Store, Small]) -> None:
    store, _ = small
    for sql in (
        "UPDATE journal SET actor = 'x'",
        "DELETE FROM journal",
        "UPDATE journal_txn SET actor = 'x'",
        "DELETE FROM journal_txn",
    ):
        with pytest.raises(JournalImmutable), store.transaction(ADMIN, "test.tamper") as s:
            s.execute(text(sql))
    if store.dialect == "postgresql":
        with pytest.raises(JournalImmutable), store.transaction(ADMIN, "test.tamper") as s:
            s.execute(text("TRUNCATE journal CASCADE"))


def test_journal_rows_carry_actor_action_and_before_after(small: tuple[Store, Small]) -> None:
    store, ids = small
    seq = head(store)
    units.set_status(store, ADMIN, ids.units["PA1"], ids.statuses["di-lokasi"], reason="TPS 3")
    entries = journal_after(store, seq)
    unit_rows = [e for e in entries if e.entity == "unit"]
    assert len(unit_rows) == 1
    assert unit_rows[0].changes["status_id"] == [ids.statuses["siaga"], ids.statuses["di-lokasi"]]
    assert unit_rows[0].changes["status_reason"] == [None, "TPS 3"]
    assert unit_rows[0].operation_id == ids.operation_id
    with store.read() as s:
        from opscenter.model import JournalTxn

        txn = s.get(JournalTxn, unit_rows[0].txn_id)
        assert txn is not None
        assert (txn.action, txn.actor, txn.operation_id) == (
            "unit.set_status",
            ADMIN.username,
            ids.operation_id,
        )


def test_change_feed_names_what_changed(small: tuple[Store, Small]) -> None:
    store, ids = small
    seen: list[Any] = []
    unsubscribe = store.subscribe(seen.append)
    units.set_status(store, ADMIN, ids.units["PB"], ids.statuses["kembali"])
    unsubscribe()
    units.set_status(store, ADMIN, ids.units["PB"], ids.statuses["siaga"])
    assert len(seen) == 1
    assert ("unit", ids.units["PB"]) in seen[0].touched
    assert seen[0].last_seq == head(store) - 2  # the second change: unit row + history row


def test_all_tables_are_journaled_or_declared_exempt() -> None:
    exempt = {m.local_table.name for m in Base.registry.mappers if not m.class_.__journaled__}
    assert exempt == {"journal", "journal_txn"}


def test_statement_built_on_the_table_is_refused_too(small: tuple[Store, Small]) -> None:
    store, ids = small
    table = Unit.__table__
    with pytest.raises(JournalBypass), store.transaction(ADMIN, "test.bulk") as s:
        s.execute(update(table).where(table.c.id == ids.units["PA"]).values(name="X"))
    with store.read() as s:
        assert s.get(Unit, ids.units["PA"]).name == "Polres A"  # type: ignore[union-attr]


def test_bulk_insert_journals_the_defaults_it_stores(small: tuple[Store, Small]) -> None:
    from opscenter.model import Personnel

    store, ids = small
    seq = head(store)
    with store.transaction(ADMIN, "test.bulk_insert") as s:
        (new_id,) = journal.insert_rows(
            s,
            Personnel,
            [
                {
                    "operation_id": ids.operation_id,
                    "nrp": "77010001",
                    "name": "Massal",
                    "home_unit_id": ids.units["PB"],
                }
            ],
        )
    (entry,) = journal_after(store, seq)
    stored = snapshot(store)[("personnel", new_id)]
    assert entry.changes == {k: v for k, v in stored.items() if v is not None and k != "version"}
    assert entry.changes["duty_status"] == "aktif"
