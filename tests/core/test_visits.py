"""Inspection visits, findings and follow-ups: overdue from the operation's local midnight,
closing needs a note, stale edits refused, every refusal a sentence with nothing saved."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from opscenter import clock, messages
from opscenter.actor import Actor
from opscenter.errors import InvalidValue, NotFound, StaleEdit
from opscenter.model import JournalEntry, ReadinessAspect
from opscenter.permissions import NotPermitted
from opscenter.readiness import visits
from opscenter.readiness.visits import FindingValue, VisitValue
from opscenter.reference import by_code
from opscenter.store import Store
from tests.builders import ADMIN, Small
from tests.core.test_budget import opened
from tests.tables import all_rows

STAFF = Actor("staf.uji", role="staff")


@pytest.fixture(autouse=True)
def real_time_after() -> Iterator[None]:
    yield
    clock.use_real()


def at(moment: datetime) -> None:
    """The operation's present stands still at ``moment``."""
    clock.simulate(moment, monotonic=lambda: 0.0)


@pytest.fixture
def small(sqlite_url: str) -> Iterator[tuple[Store, Small, str]]:
    with opened(sqlite_url) as made:
        yield made


@pytest.fixture
def small_any(db_url: str) -> Iterator[tuple[Store, Small, str]]:
    """The same on SQLite and on PostgreSQL (closed_at is a UTC time on both)."""
    with opened(db_url) as made:
        yield made


def aspects(store: Store, ids: Small) -> dict[str, int]:
    with store.read() as s:
        return {c: a.id for c, a in by_code(s, ReadinessAspect, ids.operation_id).items()}


def tour(store: Store, ids: Small, unit: str = "PA", day: date = date(2024, 11, 12)) -> int:
    return visits.add_visit(
        store,
        STAFF,
        ids.operation_id,
        VisitValue(
            ids.units[unit],
            day,
            "kunker",
            led_by="Kapolda Uji",
            team="Irwasda, Karoops",
            checked="Gelar pasukan, sarpras",
        ),
    )


def finding(store: Store, ids: Small, visit_id: int, due: date | None) -> int:
    return visits.add_finding(
        store,
        STAFF,
        visit_id,
        FindingValue(
            aspects(store, ids)["sarpras"],
            "4 unit R4 rusak berat",
            advice="Ajukan perbaikan ke Polda",
            person_in_charge="Kabag Log",
            due_on=due,
        ),
    )


def row_of(store: Store, ids: Small, finding_id: int) -> visits.FindingRow:
    with store.read() as s:
        rows = visits.findings_by_unit(s, ids.operation_id)
    return next(f for fs in rows.values() for f in fs if f.id == finding_id)


@pytest.mark.parametrize(
    ("zone", "before", "after"),
    [
        # WIB (UTC+7): local midnight starting 27 Nov is 26 Nov 17:00 UTC.
        (
            "Asia/Jakarta",
            datetime(2024, 11, 26, 16, 59, 59, tzinfo=UTC),
            datetime(2024, 11, 26, 17, 0, 0, tzinfo=UTC),
        ),
        # WIT (UTC+9): the same follow-up turns overdue two hours earlier, at 15:00 UTC.
        (
            "Asia/Jayapura",
            datetime(2024, 11, 26, 14, 59, 59, tzinfo=UTC),
            datetime(2024, 11, 26, 15, 0, 0, tzinfo=UTC),
        ),
    ],
)
def test_a_follow_up_is_overdue_from_the_operations_local_midnight(
    sqlite_url: str, zone: str, before: datetime, after: datetime
) -> None:
    with opened(sqlite_url, zone) as (store, ids, _):
        visit = tour(store, ids)
        due = finding(store, ids, visit, date(2024, 11, 26))
        undated = finding(store, ids, visit, None)
        row, no_date = row_of(store, ids, due), row_of(store, ids, undated)
        at(before)
        with store.read() as s:
            today = visits.local_today(s, ids.operation_id)
        assert today == date(2024, 11, 26)
        assert not row.overdue(today)
        at(after)
        with store.read() as s:
            today = visits.local_today(s, ids.operation_id)
        assert today == date(2024, 11, 27)
        assert row.overdue(today)
        assert not no_date.overdue(today)  # no due date: never overdue
        visits.set_follow_up(
            store, STAFF, due, "selesai", note="Sudah diperbaiki", expected_version=row.version
        )
        assert not row_of(store, ids, due).overdue(today)  # closed: not overdue


def test_closing_needs_a_note_and_reopening_keeps_it_in_the_journal(
    small_any: tuple[Store, Small, str],
) -> None:
    store, ids, url = small_any
    fid = finding(store, ids, tour(store, ids), date(2024, 11, 20))
    visits.set_follow_up(store, STAFF, fid, "proses", expected_version=1)
    before = all_rows(url)
    for note in (None, "", "   "):
        with pytest.raises(visits.ClosingNeedsNote) as refused:
            visits.set_follow_up(store, STAFF, fid, "selesai", note=note, expected_version=2)
        assert all_rows(url) == before
    assert messages.describe(refused.value, "id") == (
        "Tindak lanjut hanya dapat dinyatakan selesai dengan catatan penutupan: tulis apa "
        "yang sudah dikerjakan."
    )
    assert messages.describe(refused.value, "en") == (
        "A follow-up can only be closed with a closing note: write what was done."
    )
    closing = datetime(2024, 11, 21, 3, 15, tzinfo=UTC)
    at(closing)
    visits.set_follow_up(
        store, STAFF, fid, "selesai", note="  R4 diganti dari Polda  ", expected_version=2
    )
    closed = row_of(store, ids, fid)
    assert (closed.status, closed.closing_note, closed.closed_at) == (
        "selesai",
        "R4 diganti dari Polda",
        closing,
    )
    at(datetime(2024, 11, 23, tzinfo=UTC))
    visits.set_follow_up(store, ADMIN, fid, "terbuka", expected_version=closed.version)
    reopened = row_of(store, ids, fid)
    assert (reopened.status, reopened.closing_note, reopened.closed_at) == ("terbuka", None, None)
    with store.read() as s:
        changes = [
            e.changes.get("closing_note")
            for e in s.scalars(
                select(JournalEntry)
                .where(JournalEntry.entity == "inspection_finding", JournalEntry.entity_id == fid)
                .order_by(JournalEntry.seq)
            )
        ]
    # The insert, "proses", the close, the reopening: the note's whole history.
    assert changes == [None, None, [None, "R4 diganti dari Polda"], ["R4 diganti dari Polda", None]]


def test_stale_edits_are_refused(small: tuple[Store, Small, str]) -> None:
    store, ids, url = small
    vid = tour(store, ids)
    fid = finding(store, ids, vid, date(2024, 11, 20))
    visits.change_visit(
        store,
        ADMIN,
        vid,
        VisitValue(ids.units["PA"], date(2024, 11, 13), "supervisi"),
        expected_version=1,
    )
    visits.set_follow_up(store, ADMIN, fid, "proses", expected_version=1)
    before = all_rows(url)
    with pytest.raises(StaleEdit) as stale:
        visits.change_visit(
            store,
            STAFF,
            vid,
            VisitValue(ids.units["PA"], date(2024, 11, 14), "asistensi"),
            expected_version=1,
        )
    assert stale.value.changed_by == ADMIN.username
    assert "Kunjungan ini sudah diubah oleh admin.uji" in messages.describe(stale.value, "id")
    with pytest.raises(StaleEdit):
        visits.change_finding(
            store,
            STAFF,
            fid,
            FindingValue(aspects(store, ids)["posko"], "Posko belum siap"),
            expected_version=1,
        )
    with pytest.raises(StaleEdit):
        visits.set_follow_up(store, STAFF, fid, "terbuka", expected_version=1)
    with pytest.raises(StaleEdit):
        visits.remove_visit(store, STAFF, vid, expected_version=1)
    assert all_rows(url) == before


def test_refusals_are_sentences_and_change_nothing(small: tuple[Store, Small, str]) -> None:
    store, ids, url = small
    vid = tour(store, ids)
    finding_id = finding(store, ids, vid, None)
    op, pa = ids.operation_id, ids.units["PA"]
    sarpras = aspects(store, ids)["sarpras"]
    cases = [
        (
            lambda: visits.add_visit(store, STAFF, op, VisitValue(pa, date(2024, 11, 1), "sidak")),
            "Jenis kunjungan tidak dikenal.",
        ),
        (
            lambda: visits.add_visit(
                store,
                STAFF,
                op,
                VisitValue(pa, datetime(2024, 11, 1, tzinfo=UTC), "kunker"),  # type: ignore[arg-type]
            ),
            "Tanggal kunjungan bukan tanggal.",
        ),
        (
            lambda: visits.add_finding(store, STAFF, vid, FindingValue(sarpras, "  ")),
            "Temuan wajib diisi.",
        ),
        (
            lambda: visits.add_finding(
                store, STAFF, vid, FindingValue(sarpras, "HT kurang", person_in_charge="x" * 121)
            ),
            "Penanggung jawab terlalu panjang (paling banyak 120 karakter).",
        ),
        (
            lambda: visits.set_follow_up(
                store, STAFF, finding_id, "ditunda", expected_version=None
            ),
            "Status tindak lanjut tidak dikenal.",
        ),
    ]
    before = all_rows(url)
    for call, sentence in cases:
        with pytest.raises(InvalidValue) as refused:
            call()
        assert messages.describe(refused.value, "id") == sentence
    with pytest.raises(NotFound) as missing:
        visits.add_finding(store, STAFF, 999_999, FindingValue(sarpras, "HT kurang"))
    assert messages.describe(missing.value, "id").startswith("Kunjungan \u201c999999\u201d tidak")
    with pytest.raises(NotFound):
        visits.add_visit(store, STAFF, op, VisitValue(999_999, date(2024, 11, 1), "kunker"))
    with pytest.raises(NotPermitted):
        visits.add_visit(
            store, Actor("op.uji", role="operator"), op, VisitValue(pa, date(2024, 11, 1), "kunker")
        )
    assert all_rows(url) == before


def test_visits_newest_first_latest_per_unit_and_own_findings(
    small: tuple[Store, Small, str],
) -> None:
    store, ids, _ = small
    u = ids.units
    first = tour(store, ids, "PA", date(2024, 11, 5))
    second = tour(store, ids, "PA", date(2024, 11, 19))
    polsek = tour(store, ids, "PA1", date(2024, 11, 10))
    f_old = finding(store, ids, first, date(2024, 11, 10))
    f_new = finding(store, ids, second, date(2024, 11, 25))
    f_polsek = finding(store, ids, polsek, None)
    with store.read() as s:
        every = visits.visits(s, ids.operation_id)
        of_pa = visits.visits(s, ids.operation_id, u["PA"], lang="en")
        latest = visits.latest_visit_by_unit(s, ids.operation_id)
        by_unit = visits.findings_by_unit(s, ids.operation_id)
    assert [v.id for v in every] == [second, polsek, first]
    assert [v.id for v in of_pa] == [second, first]
    assert of_pa[0].unit_name == "Polres A" and of_pa[0].findings[0].aspect_name == (
        "Equipment and facilities"
    )
    assert every[0].findings[0].aspect_name == "Sarana prasarana"
    assert {uid: v.id for uid, v in latest.items()} == {u["PA"]: second, u["PA1"]: polsek}
    # Each unit's own findings, newest visit first; Polsek A1's are not Polres A's.
    assert {uid: [f.id for f in fs] for uid, fs in by_unit.items()} == {
        u["PA"]: [f_new, f_old],
        u["PA1"]: [f_polsek],
    }
    assert by_unit[u["PA"]][0].visited_on == date(2024, 11, 19)
    # Removing a visit removes its findings with it.
    visits.remove_visit(store, STAFF, first, expected_version=1)
    with store.read() as s:
        assert [f.id for f in visits.findings_by_unit(s, ids.operation_id)[u["PA"]]] == [f_new]


def without_ids(v: visits.VisitRow) -> tuple[object, ...]:
    """What a visit says, apart from its own and its findings' ids and versions."""
    findings = tuple(
        (f.aspect_id, f.finding, f.advice, f.person_in_charge, f.due_on, f.status,
         f.closing_note, f.closed_at)
        for f in v.findings
    )  # fmt: skip
    return (v.unit_id, v.visited_on, v.kind, v.led_by, v.team, v.checked, findings)


def test_a_removed_visit_comes_back_with_its_findings_and_their_follow_ups(
    small_any: tuple[Store, Small, str],
) -> None:
    store, ids, _ = small_any
    vid = tour(store, ids)
    closed_id = finding(store, ids, vid, date(2024, 11, 20))
    working_id = finding(store, ids, vid, None)
    at(datetime(2024, 11, 21, 3, 15, tzinfo=UTC))
    visits.set_follow_up(store, STAFF, closed_id, "selesai", note="R4 diganti", expected_version=1)
    visits.set_follow_up(store, STAFF, working_id, "proses", expected_version=1)
    with store.read() as s:
        (shown,) = visits.visits(s, ids.operation_id)
    removed = visits.remove_visit(
        store,
        STAFF,
        vid,
        expected_version=shown.version,
        expected_findings={f.id: f.version for f in shown.findings},
    )
    assert removed == shown  # what went, as the screen read it
    with store.read() as s:
        assert visits.visits(s, ids.operation_id) == ()
        seq = s.scalar(select(func.max(JournalEntry.seq)))
    back = visits.restore_visit(store, STAFF, removed)
    assert without_ids(back) == without_ids(shown)
    assert [f.status for f in back.findings] == ["selesai", "proses"]
    assert back.findings[0].closed_at == datetime(2024, 11, 21, 3, 15, tzinfo=UTC)
    with store.read() as s:
        assert visits.visits(s, ids.operation_id) == (back,)
        actions = [
            e.changes.get("status")
            for e in s.scalars(
                select(JournalEntry)
                .where(JournalEntry.entity == "inspection_finding", JournalEntry.seq > seq)
                .order_by(JournalEntry.seq)
            )
        ]
    assert actions == ["selesai", "proses"]  # each restored finding journaled as inserted
    # Removed again and put back again: the same visit each time.
    again = visits.remove_visit(store, STAFF, back.id, expected_version=back.version)
    assert without_ids(visits.restore_visit(store, STAFF, again)) == without_ids(shown)


def test_a_removed_finding_comes_back_with_its_follow_up(small: tuple[Store, Small, str]) -> None:
    store, ids, url = small
    vid = tour(store, ids)
    fid = finding(store, ids, vid, date(2024, 11, 30))
    visits.set_follow_up(store, STAFF, fid, "selesai", note="Sudah", expected_version=1)
    shown = row_of(store, ids, fid)
    with pytest.raises(StaleEdit):
        visits.remove_finding(store, STAFF, fid, expected_version=1)
    removed = visits.remove_finding(store, STAFF, fid, expected_version=shown.version)
    assert removed == shown
    new_id = visits.restore_finding(store, STAFF, vid, removed)
    back = row_of(store, ids, new_id)
    assert (back.finding, back.status, back.closing_note, back.closed_at, back.due_on) == (
        shown.finding,
        "selesai",
        "Sudah",
        shown.closed_at,
        date(2024, 11, 30),
    )
    # Its visit gone meanwhile: refused in a sentence, nothing changed.
    again = visits.remove_finding(store, STAFF, new_id, expected_version=back.version)
    visits.remove_visit(store, STAFF, vid, expected_version=1)
    before = all_rows(url)
    with pytest.raises(NotFound) as missing:
        visits.restore_finding(store, STAFF, vid, again)
    assert messages.describe(missing.value, "id").startswith(f"Kunjungan \u201c{vid}\u201d tidak")
    assert all_rows(url) == before


def test_removing_a_visit_is_refused_when_its_findings_changed_elsewhere(
    small: tuple[Store, Small, str],
) -> None:
    store, ids, url = small
    vid = tour(store, ids)
    fid = finding(store, ids, vid, None)
    shown = {fid: 1}
    other = Actor("kabag.lain", role="staff")
    cases = [
        lambda: finding(store, ids, vid, None),  # one added elsewhere
        lambda: visits.set_follow_up(store, other, fid, "proses", expected_version=None),
        lambda: visits.remove_finding(store, other, fid, expected_version=None),
    ]
    for change in cases:
        change()
        before = all_rows(url)
        with pytest.raises(StaleEdit) as stale:
            visits.remove_visit(store, STAFF, vid, expected_version=1, expected_findings=shown)
        assert stale.value.data["entity"] == "inspection_visit"
        assert all_rows(url) == before
    assert messages.describe(stale.value, "id").startswith(
        "Kunjungan ini sudah diubah oleh kabag.lain pada "
    )
    # As the screen now shows it: removed.
    with store.read() as s:
        (now,) = visits.visits(s, ids.operation_id)
    expected = {f.id: f.version for f in now.findings}
    visits.remove_visit(store, STAFF, vid, expected_version=1, expected_findings=expected)
    with store.read() as s:
        assert visits.visits(s, ids.operation_id) == ()
