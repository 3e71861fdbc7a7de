"""The TPS list as the KPU publishes it (issue 18, item 0): its DPT recap per TPS, built
here with openpyxl the way the KPU lays it out -- a title block, a two-row header with
JUMLAH PEMILIH merged over L / P / L+P, kecamatan and desa in capitals without
"Kecamatan"/"Desa", TPS numbers as "001", a JUMLAH subtotal after each desa and no Polri
category. The numbers are those of tests/builders.py (every TPS stored with 300 voters)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from opscenter import messages
from opscenter.model import PollingStation
from opscenter.roster import commit as commit_mod
from opscenter.roster.classify import prepare
from opscenter.roster.preview import Options
from opscenter.store import Store, open_store
from opscenter.strength import UNRATED_CODE
from opscenter.strength_inputs import required_strength
from tests.builders import ADMIN, Small, build_small_operation

# (kecamatan, desa, TPS numbers) as the recap names them.
DESA = (("A1", "A1A", range(1, 13)), ("A1", "A1B", range(1, 2)))


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = open_store(db_url)
    try:
        yield s
    finally:
        s.dispose()


@pytest.fixture
def small(store: Store) -> Small:
    return build_small_operation(store)


def voters_of(number: int) -> tuple[int, int]:
    """(L, P) of TPS ``number``: every TPS different, P never equal to L."""
    return 100 + number, 120 + 2 * number


def kpu_recap(
    path: Path,
    desa: tuple[tuple[str, str, range], ...] = DESA,
    *,
    sexes: tuple[str, ...] = ("L", "P", "L+P"),
    counted: bool = False,
) -> Path:
    """A DPT recap per TPS laid out as the KPU publishes it (``counted``: each JUMLAH line
    gives the desa's number of TPS in the TPS column, as some KPU offices do)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DPT"
    width = 4 + len(sexes)
    ws.append(["REKAPITULASI DAFTAR PEMILIH TETAP (DPT) PER TPS"])
    ws.append(["PEMILIHAN SERENTAK TAHUN 2024"])
    ws.append(["KABUPATEN A"])
    ws.append([])
    for r in (1, 2, 3):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
    ws.append(["NO", "KECAMATAN", "DESA/KELURAHAN", "TPS", "JUMLAH PEMILIH"])
    ws.append([None, None, None, None, *sexes])
    for c in range(1, 5):  # NO ... TPS merged down over both header rows
        ws.merge_cells(start_row=5, start_column=c, end_row=6, end_column=c)
    ws.merge_cells(start_row=5, start_column=5, end_row=5, end_column=width)
    no = 0
    for kec, name, numbers in desa:
        total_l = total_p = 0
        for n in numbers:
            no += 1
            male, female = voters_of(n)
            total_l, total_p = total_l + male, total_p + female
            both = {"L": male, "P": female, "L+P": male + female}
            ws.append([no, kec, name, f"{n:03d}", *(both[s] for s in sexes)])
        both = {"L": total_l, "P": total_p, "L+P": total_l + total_p}
        count = len(numbers) if counted else None
        ws.append([None, None, "JUMLAH", count, *(both[s] for s in sexes)])
    ws.append([])
    ws.append([None, None, None, None, "KETUA KPU KABUPATEN A"])
    wb.save(path)
    return path


def stored(store: Store) -> dict[tuple[int, int], tuple[int | None, int]]:
    """(desa id, number) -> (category id, voters) of every TPS."""
    with store.read() as s:
        return {
            (r.region_id, r.number): (r.category_id, r.voters)
            for r in s.execute(
                select(
                    PollingStation.region_id,
                    PollingStation.number,
                    PollingStation.category_id,
                    PollingStation.voters,
                )
            )
        }


def test_recap_updates_existing_tps(store: Store, small: Small, tmp_path: Path) -> None:
    path = kpu_recap(tmp_path / "dpt.xlsx")
    before = stored(store)
    preview = prepare(store, path, Options(kind="tps"))
    # 12 TPS of A1A and the one of A1B, each with L+P voters; the two JUMLAH rows skipped.
    assert preview.counts == {"new": 0, "changed": 13, "unchanged": 0, "rejected": 0}
    assert preview.subtotals == 2
    assert "category_id" not in preview.provided
    said = messages.import_choices(preview.layout, preview.subtotals, "id")
    assert "2 baris jumlah dilewati." in said
    assert "diambil dari kolom G \u201cJUMLAH PEMILIH L+P\u201d" in said
    assert commit_mod.commit(store, ADMIN, preview).txn_id is not None
    after = stored(store)
    a1a, a1b = small.regions["A1a"], small.regions["A1b"]
    for desa_id, numbers in ((a1a, range(1, 13)), (a1b, range(1, 2))):
        for n in numbers:
            male, female = voters_of(n)
            assert after[(desa_id, n)] == (before[(desa_id, n)][0], male + female)
    # TPS 7 of A1A: 107 men and 134 women -- never the 107 of the first column under the
    # merged JUMLAH PEMILIH.
    assert after[(a1a, 7)][1] == 241
    untouched = {k: v for k, v in before.items() if k[0] not in (a1a, a1b)}
    assert {k: after[k] for k in untouched} == untouched

    # The same file again changes nothing.
    again = prepare(store, path, Options(kind="tps"))
    assert again.counts == {"new": 0, "changed": 0, "unchanged": 13, "rejected": 0}
    assert commit_mod.commit(store, ADMIN, again).txn_id is None
    assert stored(store) == after


def test_recap_with_only_l_and_p_adds_them(store: Store, small: Small, tmp_path: Path) -> None:
    path = kpu_recap(tmp_path / "dpt-lp.xlsx", sexes=("L", "P"), counted=True)
    preview = prepare(store, path, Options(kind="tps"))
    assert preview.counts == {"new": 0, "changed": 13, "unchanged": 0, "rejected": 0}
    assert preview.subtotals == 2
    said = messages.import_choices(preview.layout, preview.subtotals, "id")
    assert said.startswith("Jumlah pemilih (DPT) dihitung dari L + P: kolom E")
    commit_mod.commit(store, ADMIN, preview)
    male, female = voters_of(3)
    assert stored(store)[(small.regions["A1a"], 3)][1] == male + female


def test_new_tps_arrive_unrated_and_count_at_the_strictest_pattern(
    store: Store, small: Small, tmp_path: Path
) -> None:
    # Builders: Kabupaten A needs 14 police (kecamatan A1: 9 kurang rawan 2-8-16 -> 4,
    # 3 rawan 2-2-4 -> 4, 1 sangat rawan 2-1-2 -> 2; A2: 8 kurang rawan -> 2, 1 khusus -> 2).
    with store.read() as s:
        region_a = required_strength(s, small.operation_id).by_region[small.regions["A"]]
    assert region_a.police_required == 14
    assert region_a.unrated == 0
    # Three TPS the database does not hold yet (A1A 013-015), guarded by no unit yet.
    path = kpu_recap(tmp_path / "dpt-baru.xlsx", (("A1", "A1A", range(11, 16)),))
    preview = prepare(store, path, Options(kind="tps"))
    assert preview.counts == {"new": 3, "changed": 2, "unchanged": 0, "rejected": 0}
    commit_mod.commit(store, ADMIN, preview)
    now = stored(store)
    a1a = small.regions["A1a"]
    assert [now[(a1a, n)][0] for n in (13, 14, 15)] == [None, None, None]
    assert now[(a1a, 11)][0] is not None  # a stored TPS keeps its category
    with store.read() as s:
        report = required_strength(s, small.operation_id)
    region_a = report.by_region[small.regions["A"]]
    # The strictest pattern is 2-1-2 (sangat rawan, khusus): 3 TPS need 2 * 3 = 6 police
    # and ceil(3 * 2 / 1) = 6 Linmas.
    assert region_a.unrated == 3
    assert region_a.tps[UNRATED_CODE] == 3
    assert region_a.police_required == 14 + 6
    assert report.unguarded_tps[small.regions["A"]] == 3

    # Rated later, each is counted at its own pattern.
    with store.transaction(ADMIN, "test.rate") as s:
        for ps in s.scalars(select(PollingStation).where(PollingStation.category_id.is_(None))):
            ps.category_id = next(iter(_category_ids(s, small, "kurang-rawan")))
    with store.read() as s:
        region_a = required_strength(s, small.operation_id).by_region[small.regions["A"]]
    # Kecamatan A1 now has 12 kurang rawan TPS (one unguarded group of 3 -> 2 police).
    assert region_a.unrated == 0
    assert region_a.police_required == 14 + 2


def _category_ids(s: Any, small: Small, code: str) -> set[int]:
    from opscenter.model import TpsCategory

    return set(
        s.scalars(
            select(TpsCategory.id).where(
                TpsCategory.operation_id == small.operation_id, TpsCategory.code == code
            )
        )
    )


def two_voters_columns(path: Path) -> Path:
    """A TPS list with two columns that could each be the DPT (D and E)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["KECAMATAN", "DESA", "TPS", "JUMLAH PEMILIH", "DPT"])
    ws.append(["A1", "A1A", "001", 120, 250])
    wb.save(path)
    return path


def test_two_voters_columns_are_not_guessed_silently(
    store: Store, small: Small, tmp_path: Path
) -> None:
    two_voters_columns(tmp_path / "dua.xlsx")
    preview = prepare(store, tmp_path / "dua.xlsx", Options(kind="tps"))
    assert "voters" in preview.layout.uncertain  # the wizard's mapping page asks
    said = messages.import_choices(preview.layout, 0, "id")  # on the preview page
    assert said == (
        "Jumlah pemilih (DPT) diambil dari kolom D \u201cJUMLAH PEMILIH\u201d, padahal "
        "E \u201cDPT\u201d juga bisa; periksa angkanya, atau pilih kolomnya di halaman "
        "sebelumnya."
    )
    # On the column page itself, the column is chosen there (a count: its figures checked).
    assert messages.import_choices(preview.layout, 0, "id", where="mapping").endswith(
        "juga bisa; periksa angkanya, atau klik dua kali baris Jumlah pemilih (DPT) di atas "
        "untuk memilih kolom lain."
    )
    # The person's own choice is taken as it is, and nothing more is said.
    chosen = prepare(
        store,
        tmp_path / "dua.xlsx",
        Options(kind="tps", mapping={"kecamatan": 0, "desa": 1, "number": 2, "voters": 4}),
    )
    assert messages.import_choices(chosen.layout, 0, "id") == ""
    assert next(iter(chosen.rows)).values[3] == 250  # type: ignore[index]


def test_merged_heading_without_sub_headers_is_said(
    store: Store, small: Small, tmp_path: Path
) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["KECAMATAN", "DESA", "TPS", "JUMLAH PEMILIH", None, None])
    ws.merge_cells("D1:F1")
    ws.append(["A1", "A1A", "001", 110, 130, 240])
    wb.save(tmp_path / "gabung.xlsx")
    preview = prepare(store, tmp_path / "gabung.xlsx", Options(kind="tps"))
    said = messages.import_choices(preview.layout, 0, "id")
    assert said.startswith("Jumlah pemilih (DPT) diambil dari kolom D")
    assert "padahal E \u201cJUMLAH PEMILIH\u201d, F \u201cJUMLAH PEMILIH\u201d juga bisa" in said


def test_bad_voter_cell_is_named_and_nothing_is_written(
    store: Store, small: Small, tmp_path: Path
) -> None:
    path = kpu_recap(tmp_path / "dpt.xlsx", sexes=("L", "P"))
    wb = openpyxl.load_workbook(path)
    wb["DPT"]["E9"] = "seratus"
    wb.save(path)
    before = stored(store)
    preview = prepare(store, path, Options(kind="tps"))
    assert preview.counts["rejected"] == 1
    (problem,) = list(preview.problems())
    assert (problem.ref, problem.code) == ("DPT!E9", "number_malformed")
    assert stored(store) == before


def test_rating_an_unrated_tps_in_the_plan_and_undoing_it(store: Store, small: Small) -> None:
    """The planning window rates a TPS from the KPU's list; undoing it (the reverse move)
    makes it unrated again, never a category it did not have."""
    from opscenter import planning
    from opscenter.strength import UNRATED

    with store.transaction(ADMIN, "test.unrate") as s:
        tps = s.scalars(
            select(PollingStation).where(PollingStation.region_id == small.regions["B1a"])
        ).first()
        assert tps is not None
        tps.category_id = None
        tps_id = tps.id
    with store.read() as s:
        (rawan,) = _category_ids(s, small, "rawan")
        (move,) = planning.tps_changes(s, small.operation_id, {tps_id: rawan})
    assert (move.from_category_id, move.to_category_id) == (UNRATED, rawan)
    planning.save_what_if(store, ADMIN, small.operation_id, planning.WhatIf(tps=(move,)))
    with store.read() as s:
        assert s.get_one(PollingStation, tps_id).category_id == rawan
        (back,) = planning.tps_changes(s, small.operation_id, {tps_id: UNRATED})
    planning.save_what_if(store, ADMIN, small.operation_id, planning.WhatIf(tps=(back,)))
    with store.read() as s:
        assert s.get_one(PollingStation, tps_id).category_id is None
