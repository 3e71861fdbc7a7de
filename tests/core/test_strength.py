"""Required strength against hand-computed cases (tests/builders.py explains the numbers)."""

from __future__ import annotations

import pytest

from opscenter import operations
from opscenter.reference import GuardPattern
from opscenter.store import Store, open_store
from opscenter.strength import compute, group_need
from opscenter.strength_inputs import load_inputs, required_strength
from tests.builders import Small, build_small_operation


@pytest.fixture
def small(db_url: str) -> tuple[Store, Small]:
    store = open_store(db_url)
    yield store, build_small_operation(store)
    store.dispose()


@pytest.mark.parametrize(
    ("n", "pattern", "police", "linmas"),
    [
        (0, GuardPattern(2, 8, 16), 0, 0),
        (1, GuardPattern(2, 8, 16), 2, 2),
        (8, GuardPattern(2, 8, 16), 2, 16),
        (9, GuardPattern(2, 8, 16), 4, 18),
        (3, GuardPattern(2, 2, 4), 4, 6),
        (1, GuardPattern(2, 1, 2), 2, 2),
        # Polres Bangka's 452 TPS if all were kurang rawan: 57 teams of 2, 2 Linmas per TPS.
        (452, GuardPattern(2, 8, 16), 114, 904),
        (452, GuardPattern(2, 2, 4), 452, 904),
    ],
)
def test_group_need_by_hand(n: int, pattern: GuardPattern, police: int, linmas: int) -> None:
    assert group_need(n, pattern) == (police, linmas)


def test_units_and_regions_on_voting_day(small: tuple[Store, Small]) -> None:
    store, ids = small
    with store.read() as s:
        stage = operations.stage_by_code(s, ids.operation_id, "pemungutan")
        report = required_strength(s, ids.operation_id, stage)
    u = {k: report.by_unit[v] for k, v in ids.units.items()}

    assert (u["PA1"].police_required, u["PA1"].linmas_required, u["PA1"].tps_total) == (10, 26, 13)
    assert u["PA1"].tps == {"kurang-rawan": 9, "rawan": 3, "sangat-rawan": 1}
    assert (u["PA2"].police_required, u["PA2"].linmas_required) == (4, 18)
    assert (u["PA"].police_required, u["PA"].linmas_required, u["PA"].tps_total) == (14, 44, 22)
    assert (u["PB"].police_required, u["PB"].linmas_required) == (6, 10)
    assert (u["POLDA"].police_required, u["POLDA"].linmas_required) == (20, 54)

    # 6 active in A1 (1 on leave), +5 Brimob BKO for voting day.
    assert (u["PA1"].police_assigned, u["PA1"].bko_in, u["PA1"].police_available) == (6, 5, 11)
    assert u["PA1"].balance == 1
    # Polres A: 6 + 3 + 2 officers (the PNS does not guard) + 5 BKO = 16 against 14.
    assert (u["PA"].police_available, u["PA"].balance) == (16, 2)
    # Polres B: 9 of 10 (one works for the Satgas); the campaign BKO is not in force.
    assert (u["PB"].police_available, u["PB"].bko_in, u["PB"].balance) == (9, 0, 3)
    assert (u["BRIMOB"].bko_out, u["BRIMOB"].police_available) == (5, 25)
    # The loan stays inside Polda's tree: its total neither gains nor loses.
    assert (u["POLDA"].bko_in, u["POLDA"].bko_out, u["POLDA"].police_available) == (0, 0, 50)
    assert u["SATGAS"].police_available == 1

    a, b = report.by_region[ids.regions["A"]], report.by_region[ids.regions["B"]]
    assert (a.police_required, a.linmas_required, a.linmas_available) == (14, 44, 40)
    assert (b.police_required, b.linmas_required, b.tps_total) == (6, 10, 5)
    assert report.total.police_required == u["POLDA"].police_required
    assert report.unguarded_tps == {}


def test_campaign_stage_counts_its_own_bko(small: tuple[Store, Small]) -> None:
    store, ids = small
    with store.read() as s:
        stage = operations.stage_by_code(s, ids.operation_id, "kampanye")
        report = required_strength(s, ids.operation_id, stage)
    assert report.by_unit[ids.units["PB"]].bko_in == 7
    assert report.by_unit[ids.units["PA1"]].bko_in == 0
    assert report.by_unit[ids.units["BRIMOB"]].police_available == 23


def test_what_if_pattern_changes_figures_without_saving(small: tuple[Store, Small]) -> None:
    store, ids = small
    with store.read() as s:
        inputs = load_inputs(s, ids.operation_id)
        rawan = next(cid for cid, code in inputs.category_codes.items() if code == "rawan")
    # Rawan guarded 2-1-2 instead of 2-2-4: A1's 3 rawan TPS need 6 police, B1's 5 need 10.
    report = compute(inputs, {rawan: GuardPattern(2, 1, 2)})
    assert report.by_unit[ids.units["PA1"]].police_required == 4 + 6 + 2
    assert report.by_unit[ids.units["PB"]].police_required == 10
    with store.read() as s:  # nothing was saved
        assert required_strength(s, ids.operation_id).by_unit[ids.units["PB"]].police_required == 6


def test_a_loan_ending_the_evening_before_voting_day_is_not_counted(
    small: tuple[Store, Small],
) -> None:
    from datetime import UTC, datetime

    from opscenter import units
    from tests.builders import ADMIN

    store, ids = small
    # Tagged to masa tenang, ends 26 Nov 23:00 WIB (16:00 UTC): not in force on 27 Nov.
    units.assign_bko(
        store,
        ADMIN,
        from_unit_id=ids.units["BRIMOB"],
        to_unit_id=ids.units["PA2"],
        personnel_count=3,
        stage_id=ids.stages["masa-tenang"],
        starts_at=datetime(2024, 11, 24, tzinfo=UTC),
        ends_at=datetime(2024, 11, 26, 16, tzinfo=UTC),
    )
    # Untagged, 26 Nov 10:00 to 16:59 WIB: before voting day in the operation's zone.
    units.assign_bko(
        store,
        ADMIN,
        from_unit_id=ids.units["BRIMOB"],
        to_unit_id=ids.units["PA2"],
        personnel_count=4,
        starts_at=datetime(2024, 11, 26, 3, tzinfo=UTC),
        ends_at=datetime(2024, 11, 26, 9, 59, tzinfo=UTC),
    )
    # Untagged, 27 Nov 06:00 WIB (26 Nov 23:00 UTC) onwards: on voting day.
    units.assign_bko(
        store,
        ADMIN,
        from_unit_id=ids.units["BRIMOB"],
        to_unit_id=ids.units["PA2"],
        personnel_count=2,
        starts_at=datetime(2024, 11, 26, 23, tzinfo=UTC),
    )
    with store.read() as s:
        voting = operations.stage_by_code(s, ids.operation_id, "pemungutan")
        quiet = operations.stage_by_code(s, ids.operation_id, "masa-tenang")
        on_voting = required_strength(s, ids.operation_id, voting).by_unit[ids.units["PA2"]]
        on_quiet = required_strength(s, ids.operation_id, quiet).by_unit[ids.units["PA2"]]
    assert on_voting.bko_in == 2
    assert on_quiet.bko_in == 3 + 4


def _sqlite_heap() -> int:
    """Bytes SQLite holds in this process (page caches of every connection, sorters)."""
    import _sqlite3  # the module that links SQLite: its functions are found through it
    import ctypes

    used = ctypes.CDLL(_sqlite3.__file__).sqlite3_memory_used
    used.restype = ctypes.c_int64
    return int(used())


def test_reading_the_inputs_leaves_no_copy_of_the_scanned_tables_in_sqlite(
    sqlite_url: str,
) -> None:
    """The strength inputs scan whole tables (400,000 personnel at national scale); the
    connection must not keep their pages in its 64 MB cache afterwards (issue 13 point 6:
    two background jobs each kept a copy, half the board process's peak memory)."""
    import sqlite3

    from opscenter.store import SQLITE_CACHE_KIB
    from opscenter.strength_inputs import SCAN_CACHE_KIB

    store = open_store(sqlite_url)
    op = build_small_operation(store)
    with store.read() as s:
        before = load_inputs(s, op.operation_id).personnel[op.units["PA1"]]
    # Bench-style rows straight into the file (the journal refuses bulk statements): 60,000
    # people, several MB of table pages.
    raw = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"))
    with raw:
        raw.executemany(
            "INSERT INTO personnel (operation_id, nrp, id_kind, name, duty_status, home_unit_id,"
            " version) VALUES (?, ?, 'nrp', ?, 'aktif', ?, 1)",
            ((op.operation_id, f"{50_000_000 + i:08d}", f"Personel Tambahan {i}",
              op.units["PA1"]) for i in range(60_000)),
        )  # fmt: skip
    raw.close()
    try:
        with store.read() as s:
            held = _sqlite_heap()
            inputs = load_inputs(s, op.operation_id)
            held = _sqlite_heap() - held
            cache = s.connection().exec_driver_sql("PRAGMA cache_size").scalar_one()
        assert inputs.personnel[op.units["PA1"]] == before + 60_000  # the scan was read
        assert held < SCAN_CACHE_KIB * 1024 + 512 * 1024, f"{held / 2**20:.1f} MB kept"
        assert cache == -SQLITE_CACHE_KIB  # the store's size again, for the next import
    finally:
        store.dispose()


def test_unrated_tps_count_at_the_strictest_pattern_by_hand() -> None:
    """Polsek X guards 10 TPS in one kecamatan: 8 kurang rawan (2-8-16) and 2 unrated.
    The strictest pattern is rawan 2-2-4 here (1 police per TPS against 1/4): the unrated
    pair needs 2 * ceil(2 / 2) = 2 police and ceil(2 * 4 / 2) = 4 Linmas; the rated 8 need
    2 and 16. A what-if that makes kurang rawan 3-1-3 makes that the strictest: the pair
    then needs 3 * 2 = 6 police and 6 Linmas, the 8 need 24 and 24."""
    from opscenter.strength import UNRATED, UNRATED_CODE, StrengthInputs, UnitNode

    inputs = StrengthInputs(
        units={1: UnitNode(1, None, "Polsek X", "polsek", "territorial", "polri", False)},
        tps_groups={(1, 100, 11): 8, (1, 100, UNRATED): 2},
        patterns={11: GuardPattern(2, 8, 16), 12: GuardPattern(2, 2, 4)},
        category_codes={11: "kurang-rawan", 12: "rawan", UNRATED: UNRATED_CODE},
        kecamatan_kabkota={100: 1000},
        kabkota_names={1000: "Kabupaten X"},
        personnel={1: 5},
        bko=(),
        linmas_available={},
    )
    report = compute(inputs)
    st = report.by_unit[1]
    assert (st.tps_total, st.unrated) == (10, 2)
    assert (st.police_required, st.linmas_required) == (2 + 2, 16 + 4)
    assert report.by_region[1000].unrated == 2
    what_if = compute(inputs, {11: GuardPattern(3, 1, 3)})
    assert (what_if.by_unit[1].police_required, what_if.by_unit[1].linmas_required) == (
        24 + 6,
        24 + 6,
    )


def test_a_read_beside_runs_on_its_own_connection_and_brings_back_its_error(
    small: tuple[Store, Small], tmp_path: object
) -> None:
    """``beside`` reads on a second connection in a thread (SQLite file or PostgreSQL), gives
    what the same read gives here, and raises what the read raised; an in-memory SQLite
    store, which has one connection, reads in the caller's thread."""
    import threading

    from sqlalchemy import func, select

    from opscenter.model import Personnel
    from opscenter.strength_inputs import beside

    store, op = small

    def count(s: object) -> tuple[str, int]:
        n = s.execute(select(func.count()).select_from(Personnel)).scalar_one()  # type: ignore[attr-defined]
        return threading.current_thread().name, int(n)

    with store.read() as s:
        here = count(s)
        thread, n = beside(s, count)()
        assert n == here[1] and thread != here[0] and thread.startswith("strength-read")

        def broken(_s: object) -> None:
            raise LookupError("the side read failed")

        with pytest.raises(LookupError, match="side read failed"):
            beside(s, broken)()
        assert load_inputs(s, op.operation_id).personnel  # the session still reads

    memory = open_store("sqlite://")
    try:
        build_small_operation(memory)
        with memory.read() as s:
            assert beside(s, count)()[0] == threading.current_thread().name
    finally:
        memory.dispose()
