"""Budget: need = personnel x days x daily index per stage (computed by hand on the small
operation of tests/builders.py), pagu and realisation rolled up the tree, and every refusal
in one sentence with the database unchanged.

Police available per stage in the small operation (strength, rolled up):

    unit        own  kampanye (Brimob lends 7 to PB)  pemungutan (Brimob lends 5 to PA1)
    Polsek A1     6   6                                6 + 5 = 11
    Polsek A2     3   3                                3
    Polres A      2   2 + 6 + 3 = 11                   2 + 11 + 3 = 16
    Polres B      9   9 + 7 = 16                       9
    Polsek B1     0   0                                0
    Sat Brimob   30   30 - 7 = 23                      30 - 5 = 25
    Polda         0   11 + 16 + 23 = 50                16 + 9 + 25 = 50  (loans inside cancel)
    Satgas        1   1                                1   (one person assigned from PB)
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from opscenter import messages
from opscenter.actor import Actor
from opscenter.errors import InvalidValue, NotFound, OpsError, StaleEdit
from opscenter.model import BudgetComponent, BudgetRealisation
from opscenter.operations import DEFAULT_TIMEZONE
from opscenter.permissions import NotPermitted
from opscenter.readiness import budget, budget_figures, budget_text
from opscenter.readiness.budget import AllocationValue, RealisationValue
from opscenter.reference import by_code
from opscenter.store import Store, open_store
from opscenter.strength_inputs import load_inputs
from tests.builders import ADMIN, Small, build_small_operation
from tests.tables import all_rows

STAFF = Actor("staf.uji", role="staff")


@contextmanager
def opened(url: str, timezone: str = DEFAULT_TIMEZONE) -> Iterator[tuple[Store, Small, str]]:
    """The small operation in a store at ``url``: (store, its ids, the url)."""
    store = open_store(url)
    try:
        yield store, build_small_operation(store, timezone=timezone), url
    finally:
        store.dispose()


@pytest.fixture
def small(sqlite_url: str) -> Iterator[tuple[Store, Small, str]]:
    with opened(sqlite_url) as made:
        yield made


@pytest.fixture
def small_any(db_url: str) -> Iterator[tuple[Store, Small, str]]:
    """The same on SQLite and on PostgreSQL (refusals, sums of BIGINT)."""
    with opened(db_url) as made:
        yield made


def components(store: Store, ids: Small) -> dict[str, int]:
    with store.read() as s:
        return {c: row.id for c, row in by_code(s, BudgetComponent, ids.operation_id).items()}


def set_small_index(store: Store, ids: Small) -> None:
    """pemungutan: uang saku 1 day x 100,000 + uang makan 3 days x 45,000 = 235,000 a person;
    kampanye: uang makan 10 days x 30,000 + kesehatan 2 days x 12,500 = 325,000 a person;
    masa tenang: no index rows, so it adds nothing."""
    comp, st = components(store, ids), ids.stages
    for stage, component, days, daily in (
        ("pemungutan", "uang-saku", 1, 100_000),
        ("pemungutan", "uang-makan", 3, 45_000),
        ("kampanye", "uang-makan", 10, 30_000),
        ("kampanye", "kesehatan", 2, 12_500),
    ):
        budget.set_index(
            store,
            STAFF,
            ids.operation_id,
            comp[component],
            st[stage],
            days=days,
            daily_rupiah=daily,
        )


def figures(store: Store, ids: Small) -> dict[int, budget_figures.BudgetFigures]:
    with store.read() as s:
        return budget_figures.budget_by_unit(s, ids.operation_id)


def test_need_is_personnel_times_days_times_daily_index_per_stage(
    small: tuple[Store, Small, str],
) -> None:
    store, ids, _ = small
    set_small_index(store, ids)
    got = figures(store, ids)
    u = ids.units
    need = {key: got[u[key]].need for key in ("POLDA", "PA", "PA1", "PA2", "PB", "PB1")}
    assert need == {
        # 50 x 235,000 + 50 x 325,000 = 11,750,000 + 16,250,000
        "POLDA": 28_000_000,
        # 16 x 235,000 + 11 x 325,000 = 3,760,000 + 3,575,000
        "PA": 7_335_000,
        # 11 x 235,000 + 6 x 325,000 = 2,585,000 + 1,950,000
        "PA1": 4_535_000,
        # 3 x 235,000 + 3 x 325,000 = 3 x 560,000
        "PA2": 1_680_000,
        # 9 x 235,000 + 16 x 325,000 = 2,115,000 + 5,200,000
        "PB": 7_315_000,
        "PB1": 0,
    }
    # 25 x 235,000 + 23 x 325,000 = 5,875,000 + 7,475,000; the Polda's need is the sum of
    # its Polres and reserves: 7,335,000 + 7,315,000 + 13,350,000 = 28,000,000.
    assert got[u["BRIMOB"]].need == 13_350_000
    assert got[u["SATGAS"]].need == 560_000  # 1 x 560,000
    assert u["LINMAS"] not in got  # a partner force has no police budget
    assert all(isinstance(f.need, int) for f in got.values())
    assert got[u["PB1"]].paid_share is None and got[u["PB1"]].pagu_share is None
    # A caller that already holds the personnel per stage gets the same figures.
    with store.read() as s:
        people = budget_figures.personnel_by_stage(
            s, ids.operation_id, {ids.stages["pemungutan"], ids.stages["kampanye"]}
        )
        assert budget_figures.budget_by_unit(s, ids.operation_id, personnel=people) == got
    assert people[ids.stages["pemungutan"]][u["PA1"]] == 11


def test_need_lines_add_up_to_the_need(small: tuple[Store, Small, str]) -> None:
    store, ids, _ = small
    set_small_index(store, ids)
    with store.read() as s:
        lines = budget_figures.need_lines(s, ids.operation_id, ids.units["PA"])
        english = budget_figures.need_lines(s, ids.operation_id, ids.units["PA"], lang="en")
    assert [(ln.stage_name, ln.component_name, ln.personnel, ln.days, ln.daily_rupiah, ln.amount)
            for ln in lines] == [
        ("Kampanye", "Uang makan", 11, 10, 30_000, 3_300_000),
        ("Kampanye", "Kesehatan", 11, 2, 12_500, 275_000),
        ("Pemungutan suara", "Uang saku", 16, 1, 100_000, 1_600_000),
        ("Pemungutan suara", "Uang makan", 16, 3, 45_000, 2_160_000),
    ]  # fmt: skip
    assert sum(ln.amount for ln in lines) == figures(store, ids)[ids.units["PA"]].need
    assert english[0].stage_name == "Campaign" and english[0].component_name == "Meals"


def test_changing_the_index_changes_the_need(small: tuple[Store, Small, str]) -> None:
    store, ids, _ = small
    set_small_index(store, ids)
    comp = components(store, ids)
    with store.read() as s:
        entry = next(
            e
            for e in budget_figures.index_entries(s, ids.operation_id)
            if e.component_id == comp["kesehatan"]
        )

    def health_in_the_campaign(days: int) -> None:
        budget.set_index(
            store,
            STAFF,
            ids.operation_id,
            comp["kesehatan"],
            ids.stages["kampanye"],
            days=days,
            daily_rupiah=12_500,
            expected_version=entry.version,
        )

    # Kesehatan in kampanye: 2 days x 12,500 -> 4 days x 12,500: Polres B +16 x 25,000.
    health_in_the_campaign(4)
    assert figures(store, ids)[ids.units["PB"]].need == 7_315_000 + 400_000
    with pytest.raises(StaleEdit):
        health_in_the_campaign(1)  # the version the screen showed is gone
    budget.clear_index(store, STAFF, entry.id, expected_version=entry.version + 1)
    assert figures(store, ids)[ids.units["PB"]].need == 7_315_000 - 16 * 25_000


def test_pagu_and_realisation_roll_up_the_tree(small_any: tuple[Store, Small, str]) -> None:
    store, ids, _ = small_any
    set_small_index(store, ids)
    u, op = ids.units, ids.operation_id
    polda_hibah = budget.add_allocation(
        store,
        STAFF,
        op,
        AllocationValue(
            u["POLDA"], "hibah", 25_000_000_000, "NPHD 900/1/2024", signed_on=date(2024, 6, 5)
        ),
    )
    pa_dipa = budget.add_allocation(store, STAFF, op, AllocationValue(u["PA"], "dipa", 5_000_000))
    pa1_dipa = budget.add_allocation(store, STAFF, op, AllocationValue(u["PA1"], "dipa", 2_000_000))
    pb_lain = budget.add_allocation(store, STAFF, op, AllocationValue(u["PB"], "lain", 1_000_000))
    for alloc, amount in (
        (polda_hibah, 7_000_000_000),
        (pa_dipa, 1_200_000),
        (pa1_dipa, 2_000_000),  # exactly the pagu: allowed
        (pb_lain, 300_000),
    ):
        budget.add_realisation(
            store,
            STAFF,
            op,
            RealisationValue(alloc, date(2024, 11, 20), amount, "Uang saku pengamanan TPS"),
        )
    got = figures(store, ids)
    assert (got[u["PA1"]].pagu, got[u["PA1"]].realised) == (2_000_000, 2_000_000)
    # Polres A: its own 5,000,000 DIPA plus Polsek A1's 2,000,000.
    assert (got[u["PA"]].pagu, got[u["PA"]].realised) == (7_000_000, 3_200_000)
    assert got[u["PA"]].by_source == {
        "dipa": (7_000_000, 3_200_000),
        "hibah": (0, 0),
        "lain": (0, 0),
    }
    # 3,200,000 paid of a need of 7,335,000; pagu 7,000,000 of it.
    assert got[u["PA"]].paid_share == pytest.approx(3_200_000 / 7_335_000)
    assert got[u["PA"]].pagu_share == pytest.approx(7_000_000 / 7_335_000)
    polda = got[u["POLDA"]]
    assert polda.by_source == {
        "dipa": (7_000_000, 3_200_000),
        "hibah": (25_000_000_000, 7_000_000_000),
        "lain": (1_000_000, 300_000),
    }
    assert (polda.pagu, polda.realised) == (25_008_000_000, 7_003_500_000)
    assert isinstance(polda.realised, int) and isinstance(polda.by_source["hibah"][1], int)
    with store.read() as s:
        mine = budget_figures.allocations(s, op, u["PA1"])
    assert [(a.pagu, a.realised, a.left) for a in mine] == [(2_000_000, 2_000_000, 0)]


def _sentence(error: OpsError) -> tuple[str, str]:
    return messages.describe(error, "id"), messages.describe(error, "en")


def test_a_payment_past_the_pagu_is_refused_naming_the_allocation(
    small_any: tuple[Store, Small, str],
) -> None:
    store, ids, url = small_any
    op, u = ids.operation_id, ids.units
    alloc = budget.add_allocation(
        store, STAFF, op, AllocationValue(u["PA"], "dipa", 10_000_000, "DIPA 024.01")
    )
    budget.add_realisation(
        store, STAFF, op, RealisationValue(alloc, date(2024, 11, 1), 9_000_000, "Uang makan")
    )
    before = all_rows(url)
    with pytest.raises(budget.OverPagu) as refused:
        budget.add_realisation(
            store, STAFF, op, RealisationValue(alloc, date(2024, 11, 2), 1_000_001, "Angkut")
        )
    assert all_rows(url) == before
    assert _sentence(refused.value) == (
        "Realisasi Rp1.000.001 ditolak karena melebihi pagu DIPA Polres A (DIPA 024.01): "
        "pagu Rp10.000.000, sudah terealisasi Rp9.000.000, sisa Rp1.000.000. "
        "Tidak ada yang disimpan.",
        "The payment of Rp1,000,001 is refused: it exceeds the ceiling of DIPA Polres A "
        "(DIPA 024.01), Rp10,000,000 with Rp9,000,000 already paid and Rp1,000,000 left. "
        "Nothing was saved.",
    )
    # Changing a payment measures it against the rest: 9,000,000 -> 10,000,000 fits.
    with store.read() as s:
        (paid,) = budget_figures.realisations(s, op, alloc)
    budget.change_realisation(
        store,
        STAFF,
        paid.id,
        RealisationValue(alloc, paid.paid_on, 10_000_000, "Uang makan"),
        expected_version=paid.version,
    )
    # Lowering the pagu below what was paid is refused in a sentence too.
    with store.read() as s:
        (row,) = budget_figures.allocations(s, op, u["PA"])
    before = all_rows(url)
    with pytest.raises(budget.PaguBelowRealised) as lowered:
        budget.change_allocation(
            store,
            STAFF,
            alloc,
            AllocationValue(u["PA"], "dipa", 9_999_999, "DIPA 024.01"),
            expected_version=row.version,
        )
    assert _sentence(lowered.value)[0] == (
        "Pagu DIPA Polres A (DIPA 024.01) tidak dapat diturunkan menjadi Rp9.999.999: sudah "
        "terealisasi Rp10.000.000. Kurangi atau hapus realisasinya dulu."
    )
    # An allocation with payments is not removed with them.
    with pytest.raises(budget.AllocationInUse) as in_use:
        budget.remove_allocation(store, STAFF, alloc, expected_version=row.version)
    assert _sentence(in_use.value)[0].startswith(
        "Alokasi DIPA Polres A (DIPA 024.01) masih memiliki 1 realisasi dan tidak dihapus"
    )
    assert all_rows(url) == before


@pytest.mark.parametrize("pagu", [1.5e9, "1.5e9", "1500000000", True, 2.0, -1, 10**15 + 1])
def test_money_is_whole_rupiah_never_a_float_or_text(
    small: tuple[Store, Small, str], pagu: object
) -> None:
    store, ids, url = small
    before = all_rows(url)
    with pytest.raises(InvalidValue) as refused:
        budget.add_allocation(
            store,
            STAFF,
            ids.operation_id,
            AllocationValue(ids.units["PA"], "dipa", pagu),  # type: ignore[arg-type]
        )
    assert all_rows(url) == before
    assert refused.value.data["field"] == "pagu"
    text = messages.describe(refused.value, "id")
    assert text.startswith("Pagu ") and text.endswith(".") and "tidak sah" not in text


def test_a_payment_must_be_whole_positive_rupiah(small: tuple[Store, Small, str]) -> None:
    store, ids, url = small
    alloc = budget.add_allocation(
        store, STAFF, ids.operation_id, AllocationValue(ids.units["PA"], "dipa", 10_000_000)
    )
    before = all_rows(url)
    for amount in (0, -5, 2.5, "1.5e9"):
        with pytest.raises(InvalidValue) as refused:
            budget.add_realisation(
                store,
                STAFF,
                ids.operation_id,
                RealisationValue(alloc, date(2024, 11, 1), amount, "Uang saku"),  # type: ignore[arg-type]
            )
        assert refused.value.data["field"] == "amount"
    with pytest.raises(InvalidValue) as no_text:
        budget.add_realisation(
            store,
            STAFF,
            ids.operation_id,
            RealisationValue(alloc, date(2024, 11, 1), 5_000, "   "),
        )
    assert messages.describe(no_text.value, "id") == "Uraian wajib diisi."
    with pytest.raises(InvalidValue) as float_days:
        budget.set_index(
            store,
            STAFF,
            ids.operation_id,
            components(store, ids)["uang-saku"],
            ids.stages["kampanye"],
            days=1.5,  # type: ignore[arg-type]
            daily_rupiah=100_000,
        )
    assert float_days.value.data["field"] == "days"
    assert all_rows(url) == before


def test_allocation_refusals_leave_the_database_unchanged(
    small: tuple[Store, Small, str],
) -> None:
    store, ids, url = small
    op, u = ids.operation_id, ids.units
    before = all_rows(url)
    cases: list[tuple[AllocationValue, str]] = [
        (AllocationValue(u["PA"], "hibah", 1_000), "Tanggal penandatanganan NPHD wajib diisi."),
        (AllocationValue(u["PA"], "apbn", 1_000), "Sumber anggaran tidak dikenal."),
        (
            AllocationValue(u["LINMAS"], "dipa", 1_000),
            "Satuan penerima anggaran bukan satuan Polri.",
        ),
        (
            AllocationValue(u["PA"], "dipa", 1_000, "x" * 121),
            "Nomor DIPA/NPHD terlalu panjang (paling banyak 120 karakter).",
        ),
    ]  # fmt: skip
    for value, sentence in cases:
        with pytest.raises(InvalidValue) as refused:
            budget.add_allocation(store, STAFF, op, value)
        assert messages.describe(refused.value, "id") == sentence
    with pytest.raises(NotFound):
        budget.add_allocation(store, STAFF, op, AllocationValue(999_999, "dipa", 1_000))
    with pytest.raises(NotPermitted):
        budget.add_allocation(
            store, Actor("op.uji", role="operator"), op, AllocationValue(u["PA"], "dipa", 1)
        )
    assert all_rows(url) == before


def test_a_stale_edit_is_refused(small: tuple[Store, Small, str]) -> None:
    store, ids, url = small
    op, u = ids.operation_id, ids.units
    alloc = budget.add_allocation(store, STAFF, op, AllocationValue(u["PB"], "dipa", 1_000_000))
    budget.change_allocation(
        store, ADMIN, alloc, AllocationValue(u["PB"], "dipa", 2_000_000), expected_version=1
    )
    before = all_rows(url)
    with pytest.raises(StaleEdit) as stale:
        budget.change_allocation(
            store, STAFF, alloc, AllocationValue(u["PB"], "dipa", 3_000_000), expected_version=1
        )
    assert "Alokasi anggaran ini sudah diubah oleh admin.uji pada " in messages.describe(
        stale.value, "id"
    )
    with pytest.raises(StaleEdit):
        budget.remove_allocation(store, STAFF, alloc, expected_version=1)
    assert all_rows(url) == before
    budget.remove_allocation(store, STAFF, alloc, expected_version=2)
    with store.read() as s:
        assert budget_figures.allocations(s, op) == ()


def test_rupiah_text() -> None:
    assert budget_text.rupiah_text(25_000_000_000) == "Rp25.000.000.000"
    assert budget_text.rupiah_text(25_000_000_000, "en") == "Rp25,000,000,000"
    assert budget_text.rupiah_text(0) == "Rp0"
    assert (
        f"{budget_text.Rupiah(1500):id} {budget_text.Rupiah(1500):en} {budget_text.Rupiah(7)}"
        == ("Rp1.500 Rp1,500 7")
    )


def test_two_workstations_paying_at_once_cannot_pass_the_pagu(pg_url: str) -> None:
    """Workstation B has paid 6,000,000 of a 10,000,000 pagu and not committed yet when A
    pays 6,000,000 too: A waits for B's commit, then is refused (4,000,000 left). Without
    the allocation's row lock A would read the sum before B's payment and both would pass."""
    a, b = open_store(pg_url), open_store(pg_url)
    try:
        ids = build_small_operation(a)
        op = ids.operation_id
        alloc = budget.add_allocation(
            a, STAFF, op, AllocationValue(ids.units["PB"], "dipa", 10_000_000)
        )
        payment = RealisationValue(alloc, date(2024, 11, 20), 6_000_000, "Uang saku")
        outcome: list[object] = []

        def pay_from_a() -> None:
            try:
                outcome.append(budget.add_realisation(a, STAFF, op, payment))
            except OpsError as refused:
                outcome.append(refused)

        with b.transaction(ADMIN, "test.paying") as s:
            s.add(BudgetRealisation(operation_id=op, **dataclasses.asdict(payment)))
            s.flush()
            other = threading.Thread(target=pay_from_a)
            other.start()
            deadline = time.monotonic() + 20
            while other.is_alive() and not _waits_for_a_lock(s) and time.monotonic() < deadline:
                time.sleep(0.01)
        other.join(30)
        (refused,) = outcome
        assert isinstance(refused, budget.OverPagu), refused
        assert (refused.data["realised"], refused.data["left"]) == (6_000_000, 4_000_000)
        with a.read() as s:
            (row,) = budget_figures.allocations(s, op, ids.units["PB"])
        assert row.realised == 6_000_000
    finally:
        a.dispose()
        b.dispose()


def _waits_for_a_lock(session: Session) -> bool:
    """Another backend of this database waits for a row lock (PostgreSQL's own view)."""
    return bool(
        session.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
            )
        ).scalar_one()
    )


def test_the_matrix_reads_the_units_with_money_only_with_the_same_figures(
    small_any: tuple[Store, Small, str],
) -> None:
    """``moneyless=False`` (the readiness matrix's) against the full answer filtered."""
    store, ids, _ = small_any
    u, op = ids.units, ids.operation_id
    budget.add_allocation(store, STAFF, op, AllocationValue(u["PA1"], "dipa", 2_000_000))
    budget.add_allocation(store, STAFF, op, AllocationValue(u["PB"], "lain", 0))
    with store.read() as s:
        every = budget_figures.budget_by_unit(s, op)
        some = budget_figures.budget_by_unit(s, op, moneyless=False)
        tree = budget_figures.budget_by_unit(s, op, moneyless=False, tree=load_inputs(s, op).units)
    assert some == {uid: b for uid, b in every.items() if b.need or b.pagu or b.realised}
    # No index, so no need: only Polsek A1's pagu and where it rolls up to speak.
    assert set(some) == {u["PA1"], u["PA"], u["POLDA"]}
    assert u["PB"] in every and every[u["PB"]].by_source["lain"] == (0, 0)
    assert tree == some
