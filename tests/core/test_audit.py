"""The audit journal reader: filters agree with plain SQL counts; the .xlsx export reads back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, text

from opscenter import audit, units
from opscenter.actor import Actor
from opscenter.audit_fields import field_name
from opscenter.model import PollingStation, utcnow
from opscenter.permissions import NotPermitted
from opscenter.progress import CancelToken, no_progress
from opscenter.store import Store, open_store
from opscenter.watch import entry, steps
from opscenter.watch.entry import Mark
from tests.builders import Small, build_small_operation

BUDI = Actor("budi", role="operator")
SITI = Actor("siti", role="operator")
KOMANDAN = Actor("komandan", role="commander")


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = open_store(db_url)
    try:
        yield s
    finally:
        s.dispose()


@pytest.fixture
def history(store: Store) -> Small:
    small = build_small_operation(store)
    st = small.statuses
    for i, who in enumerate((BUDI, SITI, BUDI, BUDI, SITI)):
        code = ("bergerak", "di-lokasi", "kembali", "siaga", "bergerak")[i]
        reason = '=HYPERLINK("x")' if i == 2 else f"patroli {i}"
        units.set_status(store, who, small.units["PA1"], st[code], reason=reason)
    return small


def _sql_count(store: Store, where: str, params: dict[str, Any]) -> int:
    with store.engine.connect() as conn:
        return int(
            conn.execute(
                text(
                    "SELECT count(*) FROM journal j JOIN journal_txn t ON t.id = j.txn_id "
                    f"WHERE {where}"
                ),
                params,
            ).scalar_one()
        )


def _all(store: Store, f: audit.AuditFilter) -> list[audit.AuditRow]:
    return list(audit.iter_rows(store, f, batch=7))


def test_rows_come_newest_first_with_txn_action_and_zone(store: Store, history: Small) -> None:
    with store.read() as s:
        rows = audit.query(s, audit.AuditFilter(limit=5))
    assert [r.seq for r in rows] == sorted((r.seq for r in rows), reverse=True)
    top = rows[0]
    assert top.actor == "siti"
    assert top.txn_action == "unit.set_status"
    assert top.timezone == "Asia/Jakarta"
    assert top.local_at.utcoffset() == timedelta(hours=7)


def test_filters_agree_with_sql(store: Store, history: Small) -> None:
    cases: list[tuple[audit.AuditFilter, str, dict[str, Any]]] = [
        (audit.AuditFilter(), "1=1", {}),
        (audit.AuditFilter(account="budi"), "j.actor = :a", {"a": "budi"}),
        (audit.AuditFilter(entity="unit"), "j.entity = :e", {"e": "unit"}),
        (
            audit.AuditFilter(account="siti", entity="unit_status_change"),
            "j.actor = :a AND j.entity = :e",
            {"a": "siti", "e": "unit_status_change"},
        ),
        (
            audit.AuditFilter(text="HYPERLINK"),
            "(lower(CAST(j.changes AS TEXT)) LIKE :t OR lower(t.action) LIKE :t"
            " OR lower(j.actor) LIKE :t)",
            {"t": "%hyperlink%"},
        ),
        (
            audit.AuditFilter(text="set_status"),
            "(lower(CAST(j.changes AS TEXT)) LIKE :t OR lower(t.action) LIKE :t"
            " OR lower(j.actor) LIKE :t)",
            {"t": "%set_status%"},
        ),
    ]
    for f, where, params in cases:
        expected = _sql_count(store, where, params)
        assert expected > 0, f
        with store.read() as s:
            assert audit.count(s, f) == expected, f
        assert len(_all(store, f)) == expected, f


def test_time_range_is_half_open(store: Store, history: Small) -> None:
    everything = _all(store, audit.AuditFilter())
    times = sorted({r.at for r in everything})
    cut = times[len(times) // 2]
    before = _all(store, audit.AuditFilter(until=cut))
    after = _all(store, audit.AuditFilter(since=cut))
    assert len(before) + len(after) == len(everything)
    assert all(r.at < cut for r in before)
    assert all(r.at >= cut for r in after)
    assert _all(store, audit.AuditFilter(since=utcnow() + timedelta(hours=1))) == []
    past = datetime(2000, 1, 1, tzinfo=UTC)
    assert _all(store, audit.AuditFilter(until=past)) == []


def test_paging_by_key_and_offset_cover_everything_once(store: Store, history: Small) -> None:
    everything = _all(store, audit.AuditFilter())
    with store.read() as s:
        by_offset = [
            r.seq
            for off in range(0, len(everything), 10)
            for r in audit.query(s, audit.AuditFilter(limit=10, offset=off))
        ]
    assert by_offset == [r.seq for r in everything]
    assert len(set(by_offset)) == len(by_offset)


def test_text_search_treats_wildcards_literally(store: Store, history: Small) -> None:
    assert _all(store, audit.AuditFilter(text="%")) == []
    assert _all(store, audit.AuditFilter(text="patroli_")) == []


def test_only_commanders_and_admins_read(store: Store, history: Small) -> None:
    assert audit.read(store, KOMANDAN, audit.AuditFilter(limit=3))
    with pytest.raises(NotPermitted):
        audit.read(store, BUDI, audit.AuditFilter())
    with pytest.raises(NotPermitted):
        audit.export_job(store, Actor("staf", role="staff"), audit.AuditFilter(), Path("x"))


def test_summary_shows_before_and_after() -> None:
    assert audit.summarise({"status_id": [1, 2], "status_reason": [None, "x"]}, "update") == (
        "status_id: 1 \u2192 2; status_reason: \u2014 \u2192 x"
    )
    assert audit.summarise({"code": "PA", "name": "Polres A"}, "insert") == "code=PA; name=Polres A"


def test_the_summary_names_fields_as_the_officer_reads_them() -> None:
    # The walk saw "tps=5090; step=Kotak suara" in the audit window's "Perubahan" column and
    # its export: column names, in English, where every other word is Indonesian.
    update = {"status_id": [1, 2], "status_reason": [None, "patroli"]}
    names = {("unit_status", 1): "Siaga", ("unit_status", 2): "Bergerak"}
    assert audit.summarise(update, "update", entity="unit", names=names, lang="id") == (
        "status: Siaga \u2192 Bergerak; alasan status: \u2014 \u2192 patroli"
    )
    assert audit.summarise(update, "update", lang="en") == (
        "status: 1 \u2192 2; status reason: \u2014 \u2192 patroli"
    )
    insert = {"nrp": "87050123", "name": "Budi", "home_unit_id": 7, "version": 1}
    names = {("unit", 7): "Polres Kerinci"}
    assert audit.summarise(insert, "insert", entity="personnel", names=names, lang="id") == (
        "nama: Budi; NRP/NIP: 87050123; satuan induk: Polres Kerinci"
    )


def test_export_reads_back_with_formulas_as_text(
    store: Store, history: Small, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    f = audit.AuditFilter(account="budi")
    expected = _all(store, f)
    out = tmp_path / "jurnal.xlsx"
    job = audit.export_job(store, KOMANDAN, f, out)
    assert job(no_progress, CancelToken()) == len(expected)
    wb = load_workbook(out)
    ws = wb.active
    assert ws is not None
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == audit.HEADERS
    body = rows[1:]
    assert [r[0] for r in body] == [r.seq for r in expected]
    assert {r[3] for r in body} == {"budi"}
    # The changes as the window shows them: fields by their Indonesian names.
    assert [r[8] for r in body] == [
        audit.summarise(r.changes, r.action, 32_000, entity=r.entity, names=r.names, lang="id")
        for r in expected
    ]
    assert not any("status_id" in str(r[8]) for r in body)
    first = expected[0]
    assert body[0][1] == first.local_at.replace(tzinfo=None, microsecond=0)
    assert body[0][2] == "WIB"
    # A cell that starts with "=" is stored and read back as text, never a formula.
    cells = [c for row in ws.iter_rows() for c in row]
    formulas = [c for c in cells if c.data_type == "f"]
    assert formulas == []
    dangerous = [c for c in cells if isinstance(c.value, str) and c.value.startswith("=")]
    summary_cells = [c for c in cells if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert summary_cells
    for c in dangerous:
        assert c.data_type == "s"
        assert c.quotePrefix


def test_export_cell_starting_with_formula_chars(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    rows = [
        audit.AuditRow(
            seq=i,
            txn_id=1,
            at=datetime(2024, 11, 27, 1, tzinfo=UTC),
            actor=name,
            operation_id=None,
            entity="unit",
            entity_id=1,
            action="update",
            txn_action="unit.update",
            changes={"name": ["a", "b"]},
            timezone="Asia/Jakarta",
        )
        for i, name in enumerate(("=1+1", "+62811", "-2", "@SUM(A1)"), start=1)
    ]
    out = tmp_path / "x.xlsx"
    assert audit.export_xlsx(rows, out) == 4
    ws = load_workbook(out).active
    assert ws is not None
    actors = [ws.cell(row=i, column=4) for i in range(2, 6)]
    assert [c.value for c in actors] == ["=1+1", "+62811", "-2", "@SUM(A1)"]
    assert all(c.data_type == "s" and c.quotePrefix for c in actors)


def test_ids_of_named_rows_show_as_names(store: Store, history: Small) -> None:
    with store.read() as s:
        rows = audit.query(s, audit.AuditFilter(entity="unit", limit=1))
    # The last change set Polsek A1 from "Siaga" to "Bergerak": names, not ids.
    row = rows[0]
    shown = audit.summarise(row.changes, row.action, entity=row.entity, names=row.names)
    assert "status: Siaga \u2192 Bergerak" in shown
    assert isinstance(rows[0].changes["status_id"][1], int)  # the journal itself keeps ids


@pytest.mark.parametrize("text", ["Bergerak", "polsek a1", "Kabupaten A"])
def test_text_search_finds_rows_by_the_names_shown(store: Store, history: Small, text: str) -> None:
    # The officer searches what the table shows ("status: Siaga → Bergerak", "unit=Polsek
    # A1"); the journal keeps ids there, so a search of the raw changes alone missed them.
    rows = _all(store, audit.AuditFilter())
    shown = {
        r.seq
        for r in rows
        if text.lower()
        in audit.summarise(r.changes, r.action, 32_000, entity=r.entity, names=r.names).lower()
        and text.lower() not in str(r.changes).lower()
    }
    assert shown, "the fixture shows the name only through an id"
    found = {r.seq for r in _all(store, audit.AuditFilter(text=text))}
    assert shown <= found
    with store.read() as s:
        assert audit.count(s, audit.AuditFilter(text=text)) == len(found)
    # No row is found that shows the text nowhere.
    for r in _all(store, audit.AuditFilter(text=text)):
        seen = " ".join(
            (
                audit.summarise(r.changes, r.action, 32_000, entity=r.entity, names=r.names),
                str(r.changes),
                r.txn_action,
                r.actor,
            )
        )
        assert text.lower() in seen.lower()


def test_a_word_of_the_operations_name_does_not_find_every_row_that_names_it(
    store: Store, history: Small
) -> None:
    """Every journaled insert names its operation ("operation=Operasi Uji …"): a search for
    a word of that name ("Uji") found the whole journal. The window has its own operation
    filter; a text search looks through the other names."""
    rows = _all(store, audit.AuditFilter())
    naming = [r for r in rows if "operation_id" in r.changes]
    assert len(naming) > 10
    found = {r.seq for r in _all(store, audit.AuditFilter(text="Operasi Uji"))}
    assert not {r.seq for r in naming if "uji" not in str(r.changes).lower()} & found
    assert _all(store, audit.AuditFilter(text="Kabupaten A"))  # other names still found


def test_a_tps_shows_by_its_number_and_desa_and_is_found_by_the_desa(store: Store) -> None:
    # The walk saw "tps=5090; step=Kotak suara" in the audit window: 5090 is no count of
    # TPS but a row id. A TPS has no name of its own; it shows as every list names it.
    small = build_small_operation(store)
    with store.read() as s:
        tps = s.scalars(
            select(PollingStation.id).where(
                PollingStation.region_id == small.regions["A1b"], PollingStation.number == 1
            )
        ).one()
        step = steps.steps(s, small.operation_id)[0]
    at = datetime(2024, 11, 27, 5, 40, tzinfo=ZoneInfo("Asia/Jakarta"))
    entry.record(store, BUDI, small.operation_id, [Mark(tps, step.id, at)])
    with store.read() as s:
        row = audit.query(s, audit.AuditFilter(entity="tps_watch", limit=1))[0]
    shown = audit.summarise(row.changes, row.action, entity=row.entity, names=row.names, lang="id")
    assert f"TPS: TPS 001 Desa A1b; tahap pemantauan: {step.name}" in shown
    # Searched by its desa, the entry is found; the other desa's name finds no watch entry.
    found = _all(store, audit.AuditFilter(text="desa a1b", entity="tps_watch"))
    assert [r.seq for r in found] == [row.seq]
    assert _all(store, audit.AuditFilter(text="desa a2a", entity="tps_watch")) == []


def test_a_point_reads_in_degrees_and_fields_as_the_form_names_them() -> None:
    """The walk: the audit detail of a new incident read "lintang: -2100000, bujur:
    101400000" (the stored micro-degrees), and the form's "Kerusakan" was "kerugian"."""
    changes = {"latitude_e6": -2_100_000, "longitude_e6": [None, 101_400_000], "damage": "x"}
    assert audit.named(changes, "incident", {}) == {
        "latitude_e6": "-2.1",
        "longitude_e6": [None, "101.4"],
        "damage": "x",
    }
    moved = {"latitude_e6": [-1_600_000, -2_100_000]}  # the point set again
    shown = audit.summarise(moved, "update", entity="incident", names={}, lang="id")
    assert shown == "lintang: -1.6 \u2192 -2.1"
    assert field_name("damage", "id") == "kerusakan"
