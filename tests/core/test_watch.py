"""The voting-day watch, checked by hand on the small operation: finding what an operator
types, recording and undoing, the refusals (a sentence each, the database unchanged), the
progress per Polres and kecamatan, and the overdue rules at the operation's local times in
WIB and WITA."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from opscenter import incidents
from opscenter.actor import Actor
from opscenter.errors import InvalidValue
from opscenter.messages import describe
from opscenter.model import (
    Incident,
    IncidentType,
    JournalTxn,
    PollingStation,
    Region,
    Severity,
    TpsWatch,
)
from opscenter.permissions import NotPermitted
from opscenter.plotting.posts import form_posts
from opscenter.reference import by_code
from opscenter.reference_lists import InUse
from opscenter.store import Store, open_store
from opscenter.watch import entry, progress, steps
from opscenter.watch.entry import Mark, WatchRefused
from tests.builders import ADMIN, Small, build_small_operation

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")
OPERATOR = Actor("ops.uji", "operator")
COMMANDER = Actor("kdr.uji", "commander")


@pytest.fixture
def small(db_url: str) -> Iterator[tuple[Store, Small]]:
    store = open_store(db_url)
    yield store, build_small_operation(store)
    store.dispose()


def _tps(store: Store, ids: Small, desa: str, number: int) -> int:
    with store.read() as s:
        return int(
            s.scalars(
                select(PollingStation.id).where(
                    PollingStation.region_id == ids.regions[desa], PollingStation.number == number
                )
            ).one()
        )


def _steps(store: Store, ids: Small) -> dict[str, steps.Step]:
    with store.read() as s:
        return {st.code: st for st in steps.steps(s, ids.operation_id)}


def _rows(store: Store) -> list[tuple[int, int, datetime]]:
    with store.read() as s:
        stmt = select(TpsWatch.tps_id, TpsWatch.step_id, TpsWatch.at)
        return sorted((int(t), int(st), at) for t, st, at in s.execute(stmt))


def _head(store: Store) -> int:
    with store.read() as s:
        return int(s.execute(select(func.count()).select_from(JournalTxn)).scalar_one())


def _at(hour: int, minute: int = 0, zone: ZoneInfo = WIB, day: int = 27) -> datetime:
    return datetime(2024, 11, day, hour, minute, tzinfo=zone)


def test_every_operation_starts_with_the_six_default_steps(small: tuple[Store, Small]) -> None:
    store, ids = small
    with store.read() as s:
        listed = steps.steps(s, ids.operation_id)
    assert [(st.key, st.code, steps.due_text(st.due_minutes)) for st in listed] == [
        ("1", "tiba", "06:00"),
        ("2", "mulai", ""),
        ("3", "selesai", ""),
        ("4", "hitung", "20:00"),
        ("5", "kawal", ""),
        ("6", "ppk", "06:00 (+1)"),
    ]
    assert listed[0].label("id") == "Petugas tiba"
    assert listed[0].label("en") == "Guards arrived"


def test_a_tps_is_found_by_its_kpu_code_or_its_desa_and_number(
    small: tuple[Store, Small],
) -> None:
    store, ids = small
    with store.transaction(ADMIN, "test.setup") as s:
        desa = s.get(Region, ids.regions["A1a"])
        assert desa is not None
        desa.code = "15.01.01.2001"
    want = _tps(store, ids, "A1a", 3)
    with store.read() as s:
        for typed in (
            "1501012001003",
            "15.01.01.2001-003",
            "15.01.01.2001/3",
            "15.01.01.2001 3",
            "Desa A1a 3",
            "a1a 003",
            "TPS 3 Desa A1a",
            "tps 003 a1a",
        ):
            assert entry.find_tps(s, ids.operation_id, typed).id == want, typed
        assert entry.find_tps(s, ids.operation_id, "A1a 3").label == "TPS 003 Desa A1a"
        for typed, reason in (
            ("1501012001099", "unknown_tps"),
            ("1501012009003", "unknown_tps"),
            ("Desa Z 1", "unknown_tps"),
            ("   ", "empty"),
        ):
            with pytest.raises(WatchRefused) as refused:
                entry.find_tps(s, ids.operation_id, typed)
            assert refused.value.data["reason"] == reason, typed
            assert describe(refused.value).endswith(".")
    assert entry.tps_code("15.01.01.2001", 3) == "1501012001003"
    assert entry.tps_code(None, 3) is None


def test_a_tps_names_its_guard_and_else_its_kecamatan_s_polsek(small: tuple[Store, Small]) -> None:
    # The "g" form starts with this unit ticked: an incident with none was counted by the
    # summary strip and nowhere on the board.
    store, ids = small
    with store.read() as s:
        assert entry.find_tps(s, ids.operation_id, "A1a 3").guard_unit_id == ids.units["PA1"]
    with store.transaction(ADMIN, "test.setup") as s:
        tps = s.get(PollingStation, _tps(store, ids, "A2a", 1))
        assert tps is not None
        tps.unit_id = None  # no guard set: Polsek A2 covers Kecamatan A2
    with store.read() as s:
        assert entry.find_tps(s, ids.operation_id, "A2a 1").guard_unit_id == ids.units["PA2"]


def test_two_desa_of_one_name_are_refused_by_name_and_found_by_code(
    small: tuple[Store, Small],
) -> None:
    store, ids = small
    with store.transaction(ADMIN, "test.setup") as s:
        other = s.get(Region, ids.regions["B1a"])
        assert other is not None
        other.name = "Desa A1a"  # as two kecamatan can each have a "Sungai Abang"
    with store.read() as s, pytest.raises(WatchRefused) as refused:
        entry.find_tps(s, ids.operation_id, "A1a 1")
    sentence = describe(refused.value)
    assert refused.value.data["reason"] == "ambiguous_tps"
    assert "lebih dari satu TPS" in sentence and "pakai kode TPS" in sentence


def test_a_post_is_found_by_kecamatan_and_number(small: tuple[Store, Small]) -> None:
    store, ids = small
    voting = ids.stages["pemungutan"]
    form_posts(store, ADMIN, ids.operation_id, voting)
    with store.read() as s:
        # Post 3 of A1 holds the 2 rawan TPS of A1a (10 and 11), by the hand check of
        # tests/core/test_posts.py.
        want = (_tps(store, ids, "A1a", 10), _tps(store, ids, "A1a", 11))
        for typed in ("Kecamatan A1 P3", "A1 p3", "Pos 3 Kecamatan A1", "pos 3 a1"):
            assert entry.find_post(s, ids.operation_id, voting, typed) == want, typed
        with pytest.raises(WatchRefused) as refused:
            entry.find_post(s, ids.operation_id, voting, "A1 P99")
    assert "Tidak ada pos" in describe(refused.value)


def test_a_step_is_found_by_key_code_or_the_start_of_its_name(
    small: tuple[Store, Small],
) -> None:
    store, ids = small
    with store.read() as s:
        listed = steps.steps(s, ids.operation_id)
    assert entry.find_step(listed, "4").code == "hitung"
    assert entry.find_step(listed, "TIBA").code == "tiba"
    assert entry.find_step(listed, "penghitungan").code == "hitung"
    assert entry.find_step(listed, "counting").code == "hitung"
    with pytest.raises(WatchRefused) as refused:
        entry.find_step(listed, "pemungutan")  # dimulai and selesai
    assert refused.value.data["reason"] == "ambiguous_step"
    assert "Pemungutan dimulai, Pemungutan selesai" in describe(refused.value)
    with pytest.raises(WatchRefused) as refused:
        entry.find_step(listed, "9")
    assert "Langkah \u201c9\u201d tidak dikenal" in describe(refused.value)


def test_a_time_is_read_in_the_operations_zone() -> None:
    now = datetime(2024, 11, 27, 3, 0, tzinfo=UTC)  # 11:00 WITA, 10:00 WIB
    assert entry.read_time("07:15", "Asia/Makassar", now) == _at(7, 15, WITA)
    assert entry.read_time("7.15", "Asia/Jakarta", now) == _at(7, 15)
    assert entry.read_time("2024-11-27 06:30", "Asia/Makassar", now) == _at(6, 30, WITA)
    assert entry.read_time("", "Asia/Jakarta", now) == now
    with pytest.raises(WatchRefused) as refused:
        entry.read_time("jam tujuh", "Asia/Jakarta", now)
    assert "tulis JJ:MM" in describe(refused.value)
    assert "write HH:MM" in describe(refused.value, "en")


def test_recording_correcting_and_undoing_a_step(small: tuple[Store, Small]) -> None:
    store, ids = small
    op, tps, st = ids.operation_id, _tps(store, ids, "A1a", 1), _steps(store, ids)
    first = entry.record(store, OPERATOR, op, [Mark(tps, st["tiba"].id, _at(5, 40))])
    assert first == (entry.Change(tps, st["tiba"].id, None, _at(5, 40)),)
    assert _rows(store) == [(tps, st["tiba"].id, _at(5, 40))]
    # A correction replaces the time and says what it replaced.
    fixed = entry.record(store, OPERATOR, op, [Mark(tps, st["tiba"].id, _at(5, 35))])
    assert fixed[0].before == _at(5, 40)
    # The same time again changes nothing.
    assert entry.record(store, OPERATOR, op, [Mark(tps, st["tiba"].id, _at(5, 35))]) == ()
    with store.read() as s:
        row = s.scalars(select(TpsWatch)).one()
        assert row.recorded_by == "ops.uji"
    # Undo the correction, then the first report: back to nothing.
    for change in (fixed[0], first[0]):
        entry.record(
            store, OPERATOR, op, [change.undo()], expect={(tps, change.step_id): change.after}
        )
    assert _rows(store) == []


def test_an_undo_over_someone_elses_newer_report_is_refused(small: tuple[Store, Small]) -> None:
    store, ids = small
    op, tps, st = ids.operation_id, _tps(store, ids, "A1a", 1), _steps(store, ids)
    (mine,) = entry.record(store, OPERATOR, op, [Mark(tps, st["tiba"].id, _at(5, 40))])
    other = Actor("lain.uji", "operator")
    entry.record(store, other, op, [Mark(tps, st["tiba"].id, _at(5, 50))])
    before, head = _rows(store), _head(store)
    with pytest.raises(WatchRefused) as refused:
        entry.record(store, OPERATOR, op, [mine.undo()], expect={(tps, mine.step_id): mine.after})
    assert _rows(store) == before and _head(store) == head
    sentence = describe(refused.value)
    assert sentence == (
        "Petugas tiba TPS 001 Desa A1a sudah diubah oleh lain.uji sejak itu; pembatalan tidak "
        "dijalankan agar laporannya tidak hilang."
    )


def test_a_batch_is_all_or_nothing(small: tuple[Store, Small]) -> None:
    store, ids = small
    op, st = ids.operation_id, _steps(store, ids)
    a, b = _tps(store, ids, "A1a", 1), _tps(store, ids, "A1a", 2)
    future = datetime.now(UTC) + timedelta(hours=2)
    head = _head(store)
    with pytest.raises(WatchRefused) as refused:
        entry.record(
            store,
            OPERATOR,
            op,
            [Mark(a, st["tiba"].id, _at(5, 40)), Mark(b, st["tiba"].id, future)],
        )
    assert refused.value.data["reason"] == "future"
    assert "belum terjadi" in describe(refused.value)
    assert _rows(store) == [] and _head(store) == head


@pytest.mark.parametrize(
    ("at", "reason"),
    [
        (datetime(2024, 11, 20, 7, 0, tzinfo=WIB), "outside_day"),
        (datetime(2024, 12, 1, 7, 0, tzinfo=WIB), "outside_day"),
    ],
)
def test_a_time_far_from_voting_day_is_refused(
    small: tuple[Store, Small], at: datetime, reason: str
) -> None:
    store, ids = small
    tps, st = _tps(store, ids, "A1a", 1), _steps(store, ids)
    with pytest.raises(WatchRefused) as refused:
        entry.record(store, OPERATOR, ids.operation_id, [Mark(tps, st["tiba"].id, at)])
    assert refused.value.data["reason"] == reason
    assert "jauh dari hari pemungutan" in describe(refused.value)
    assert "far from voting day" in describe(refused.value, "en")
    assert _rows(store) == []


def test_a_commander_reads_the_watch_but_does_not_write_it(small: tuple[Store, Small]) -> None:
    store, ids = small
    tps, st = _tps(store, ids, "A1a", 1), _steps(store, ids)
    with pytest.raises(NotPermitted):
        entry.record(store, COMMANDER, ids.operation_id, [Mark(tps, st["tiba"].id, _at(6))])
    assert _rows(store) == []


def test_a_tps_or_step_of_another_operation_is_refused(small: tuple[Store, Small]) -> None:
    store, ids = small
    other = build_small_operation(store, code="lain")
    theirs = _steps(store, other)["tiba"].id
    tps = _tps(store, ids, "A1a", 1)
    with pytest.raises(WatchRefused) as refused:
        entry.record(store, OPERATOR, ids.operation_id, [Mark(tps, theirs, _at(6))])
    assert refused.value.data["reason"] == "unknown_step"
    assert _rows(store) == []


def _report(store: Store, ids: Small, marks: list[tuple[str, int, str, datetime]]) -> None:
    st = _steps(store, ids)
    entry.record(
        store,
        OPERATOR,
        ids.operation_id,
        [Mark(_tps(store, ids, d, n), st[code].id, at) for d, n, code, at in marks],
    )


def test_progress_per_polres_and_kecamatan_by_hand(small: tuple[Store, Small]) -> None:
    store, ids = small
    # A1 has 13 TPS (A1a 1-12, A1b 1), A2 9, B1 5 (tests/builders.py).
    _report(
        store,
        ids,
        [
            ("A1a", 1, "tiba", _at(5, 30)),
            ("A1a", 2, "tiba", _at(5, 45)),
            ("A1a", 3, "hitung", _at(15, 0)),  # counted: guards and voting came before
            ("A2a", 1, "mulai", _at(7, 0)),
            ("B1a", 1, "tiba", _at(5, 0)),
        ],
    )
    with store.read() as s:
        w = progress.watch(s, ids.operation_id, now=_at(12, 0))
    kec = {a.name: a for a in w.kecamatan}
    assert kec["Kecamatan A1"].total == 13
    assert kec["Kecamatan A1"].reached == (3, 1, 1, 1, 0, 0)
    assert kec["Kecamatan A2"].reached == (1, 1, 0, 0, 0, 0)
    assert kec["Kecamatan B1"].reached == (1, 0, 0, 0, 0, 0)
    pol = {a.name: a for a in w.polres}
    assert pol["Polres A"].total == 22 and pol["Polres A"].reached[:2] == (4, 2)
    assert pol["Polres B"].total == 5
    assert [a.name for a in w.kecamatan] == ["Kecamatan A1", "Kecamatan A2", "Kecamatan B1"]
    assert w.total == 27 and w.reached[0] == 5
    assert round(kec["Kecamatan A1"].share(0), 3) == round(3 / 13, 3)
    # At noon the 06:00 arrival deadline has passed: 27 - 5 TPS are overdue, at "tiba".
    assert len(w.overdue) == 22
    assert {x.step.code for x in w.overdue} == {"tiba"}
    assert kec["Kecamatan A1"].overdue == 10 and pol["Polres B"].overdue == 4
    assert w.overdue[0].due == _at(6, 0)


@pytest.mark.parametrize("zone", [WIB, WITA], ids=["WIB", "WITA"])
def test_the_overdue_rules_at_the_operations_local_times(db_url: str, zone: ZoneInfo) -> None:
    store = open_store(db_url)
    ids = build_small_operation(store, timezone=zone.key)
    try:
        _overdue_rules(store, ids, zone)
    finally:
        store.dispose()


def _overdue_rules(store: Store, ids: Small, zone: ZoneInfo) -> None:
    _report(store, ids, [("A1a", 1, "tiba", _at(5, 30, zone))])
    tps = _tps(store, ids, "A1a", 1)

    def late(now: datetime) -> dict[int, str]:
        with store.read() as s:
            return {x.tps_id: x.step.code for x in progress.watch(s, ids.operation_id, now).overdue}

    assert late(_at(5, 59, zone)) == {}  # before 06:00 local nobody is late
    at_six = late(_at(6, 0, zone))
    assert len(at_six) == 26 and tps not in at_six
    # 20:00 local: the TPS whose guards came has not finished counting.
    assert tps not in late(_at(19, 59, zone))
    assert late(_at(20, 0, zone))[tps] == "hitung"
    # Counted at 19:30 local: not late again until the box is not at the PPK by 06:00 +1.
    _report(store, ids, [("A1a", 1, "hitung", _at(19, 30, zone))])
    assert tps not in late(_at(23, 0, zone))
    assert late(_at(6, 0, zone, day=28))[tps] == "ppk"
    # The same instant is 05:00 WIB but 06:00 WITA: only the WITA operation is late.
    if zone is WITA:
        assert late(_at(5, 0, WIB, day=28)).get(tps) == "ppk"
    else:
        assert tps not in late(_at(5, 0, WITA, day=28))


def test_a_tps_is_disturbed_while_an_incident_linked_to_it_is_open(
    small: tuple[Store, Small],
) -> None:
    store, ids = small
    op, tps = ids.operation_id, _tps(store, ids, "A2a", 9)
    with store.read() as s:
        kind = by_code(s, IncidentType, op)["bentrokan"].id
        severity = by_code(s, Severity, op)["sedang"].id
    made_id = incidents.record(
        store,
        ADMIN,
        incidents.IncidentDraft(
            operation_id=op,
            type_id=kind,
            severity_id=severity,
            occurred_at=_at(9, 0),
            title="Keributan di TPS",
            region_id=ids.regions["A2a"],
            tps_id=tps,
        ),
    )
    with store.read() as s:
        made = s.get(Incident, made_id)
        assert made is not None
        w = progress.watch(s, op, now=_at(10, 0))
        lines = progress.tps_lines(s, op, ids.regions["A2"], now=_at(10, 0))
    assert w.disturbed == {tps: (made.number,)}
    assert {a.name: a.disturbed for a in w.kecamatan}["Kecamatan A2"] == 1
    assert next(x for x in lines if x.id == tps).incidents == (made.number,)
    incidents.set_status(store, ADMIN, made.id, "selesai", expected_version=None)
    with store.read() as s:
        assert progress.watch(s, op, now=_at(10, 0)).disturbed == {}


def test_a_kecamatans_lines_carry_each_steps_time(small: tuple[Store, Small]) -> None:
    store, ids = small
    _report(store, ids, [("B1a", 2, "tiba", _at(5, 10)), ("B1a", 2, "mulai", _at(7, 2))])
    with store.read() as s:
        lines = progress.tps_lines(s, ids.operation_id, ids.regions["B1"], now=_at(8, 0))
    assert [x.label for x in lines] == [f"TPS {n:03d} Desa B1a" for n in range(1, 6)]
    assert lines[1].times[:3] == (_at(5, 10), _at(7, 2), None)
    assert lines[1].late is None and lines[0].late is not None
    assert lines[0].late.code == "tiba"


def test_the_step_list_is_edited_and_a_step_in_use_stays(small: tuple[Store, Small]) -> None:
    store, ids = small
    op = ids.operation_id
    added = steps.add_step(
        store, ADMIN, op, "apel", "Apel pagi", due_minutes=steps.read_due("5.30")
    )
    with store.read() as s:
        listed = steps.steps(s, op)
    assert listed[-1].code == "apel" and listed[-1].due_minutes == 330 and listed[-1].key == "7"
    moved = steps.move_step(store, ADMIN, added.id, -1, expected_version=added.version)
    steps.set_due(store, ADMIN, added.id, steps.read_due("06:00 +1"), expected_version=None)
    with store.read() as s:
        assert [st.code for st in steps.steps(s, op)][-2:] == ["apel", "ppk"]
        assert steps.steps(s, op)[-2].due_minutes == 1800
    assert moved[0].id == added.id
    tiba = _steps(store, ids)["tiba"]
    _report(store, ids, [("A1a", 1, "tiba", _at(5, 30))])
    with pytest.raises(InUse) as refused:
        steps.remove_step(store, ADMIN, tiba.id, expected_version=None)
    assert "masih dipakai oleh 1 catatan pemantauan TPS" in describe(refused.value)
    assert len(_steps(store, ids)) == 7
    with pytest.raises(NotPermitted):
        steps.add_step(store, OPERATOR, op, "x", "X")


@pytest.mark.parametrize("typed", ["25:00", "jam 6", "06:00 +3"])
def test_an_unreadable_or_too_late_deadline_is_refused(typed: str) -> None:
    with pytest.raises(InvalidValue) as refused:
        steps.read_due(typed)
    assert describe(refused.value).startswith("Batas waktu")
