"""Vulnerability matrix, requirements, what-if, reinforcement proposals, accept and undo.

Hand-computed cases: tests/builders.py (the small operation) and the Bangka demo, whose
TPS per kecamatan and category are read below with plain SQL and written out by hand.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, text

from opscenter import journal, messages, operations, planning, units
from opscenter.actor import Actor
from opscenter.demo import load_demo
from opscenter.errors import InvalidValue, NotFound, StaleEdit
from opscenter.live import JournalFollower
from opscenter.model import (
    Account,
    Aspect,
    Base,
    JournalTxn,
    Operation,
    Region,
    TpsCategory,
    VulnerabilityLevel,
    VulnerabilityRating,
)
from opscenter.permissions import NotPermitted
from opscenter.planning import RatingValue, WhatIf
from opscenter.plotting.lists import plotting_list
from opscenter.plotting.plot import plot
from opscenter.plotting.posts import form_posts
from opscenter.plotting.shortfall import Shortfall
from opscenter.progress import Cancelled, CancelToken
from opscenter.reference import GuardPattern, by_code
from opscenter.store import Store, open_store
from opscenter.strength_inputs import required_strength
from tests.builders import ADMIN, Small, build_small_operation, commanders_in_polres_b

OPERATOR = Actor("op.malam", role="operator")


@pytest.fixture
def small(db_url: str) -> Iterator[tuple[Store, Small]]:
    store = open_store(db_url)
    yield store, build_small_operation(store)
    store.dispose()


@pytest.fixture
def small_sqlite(sqlite_url: str) -> Iterator[tuple[Store, Small]]:
    store = open_store(sqlite_url)
    yield store, build_small_operation(store)
    store.dispose()


def _stage(store: Store, op_id: int, code: str) -> int:
    with store.read() as s:
        return operations.stage_by_code(s, op_id, code).id


def _codes(store: Store, op_id: int) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    with store.read() as s:
        cats = {c: x.id for c, x in by_code(s, TpsCategory, op_id).items()}
        aspects = {c: x.id for c, x in by_code(s, Aspect, op_id).items()}
        levels = {c: x.id for c, x in by_code(s, VulnerabilityLevel, op_id).items()}
    return cats, aspects, levels


def _set_share(store: Store, op_id: int, pct: int) -> None:
    with store.transaction(ADMIN, "test.setup") as s:
        s.get_one(Operation, op_id).commit_share_pct = pct


def _ratings(store: Store, op_id: int) -> list[tuple[object, ...]]:
    with store.read() as s:
        return [
            tuple(r)
            for r in s.execute(
                select(
                    VulnerabilityRating.region_id,
                    VulnerabilityRating.stage_id,
                    VulnerabilityRating.aspect_id,
                    VulnerabilityRating.source,
                    VulnerabilityRating.level_id,
                    VulnerabilityRating.score,
                    VulnerabilityRating.note,
                    VulnerabilityRating.version,
                )
                .where(VulnerabilityRating.operation_id == op_id)
                .order_by(VulnerabilityRating.id)
            )
        ]


def _head(store: Store) -> int:
    with store.read() as s:
        return journal.head(s)


# --- requirements and what-if --------------------------------------------------------------


def test_small_operation_requirements_and_rule(small: tuple[Store, Small]) -> None:
    store, ids = small
    voting = _stage(store, ids.operation_id, "pemungutan")
    with store.read() as s:
        plan = planning.plan_for(s, ids.operation_id, voting)
    pa, pb = plan.unit(ids.units["PA"]), plan.unit(ids.units["PB"])
    brimob = plan.unit(ids.units["BRIMOB"])
    # builders.py: Polres A needs 14, has 16 (11 own + 5 Brimob BKO); Polres B needs 6, has 9.
    assert (pa.police_required, pa.police_available, pa.balance) == (14, 16, 2)
    assert (pb.police_required, pb.police_available, pb.balance) == (6, 9, 3)
    # Lendable at 67%: A commits floor(16 * 67 / 100) = 10 < 14 -> 0; B floor(6.03) = 6 -> 0.
    assert (pa.committed, pa.lendable, pb.committed, pb.lendable) == (10, 0, 6, 0)
    # Brimob is a reserve: 30 own, 5 lent -> 25 available, all lendable.
    assert (brimob.is_reserve, brimob.police_available, brimob.lendable) == (True, 25, 25)
    assert plan.proposals == () and plan.deficits == ()
    regions = {r.name: r for r in plan.regions}
    assert (regions["Kabupaten A"].police_required, regions["Kabupaten A"].linmas_required) == (
        14,
        44,
    )


def test_what_if_changes_figures_at_once_and_saves_only_on_request(
    small: tuple[Store, Small],
) -> None:
    store, ids = small
    voting = _stage(store, ids.operation_id, "pemungutan")
    cats, _, _ = _codes(store, ids.operation_id)
    with store.read() as s:
        base = planning.load_base(s, ids.operation_id, voting)
        b1_tps = [
            i
            for (i,) in s.execute(
                text(
                    "SELECT p.id FROM polling_station p JOIN region d ON d.id = p.region_id "
                    "WHERE d.name = 'Desa B1a' AND p.operation_id = :op ORDER BY p.number"
                ),
                {"op": ids.operation_id},
            )
        ]
        moves = planning.tps_changes(s, ids.operation_id, {b1_tps[0]: cats["sangat-rawan"]})
    # One of B1's five rawan TPS made sangat rawan: 4 rawan -> 2 * ceil(4/2) = 4, 1 SR -> 2.
    assert planning.plan(base, WhatIf(tps=moves)).unit(ids.units["PB"]).police_required == 6
    # All five: 5 SR -> 10 police against 9: a deficit of 1, covered by the Brimob reserve.
    with store.read() as s:
        moves = planning.tps_changes(s, ids.operation_id, {t: cats["sangat-rawan"] for t in b1_tps})
    tried = planning.plan(base, WhatIf(tps=moves))
    assert tried.unit(ids.units["PB"]).balance == -1
    [p] = tried.proposals
    assert (p.to_unit_id, p.from_unit_id, p.count, p.deficit_left) == (
        ids.units["PB"],
        ids.units["BRIMOB"],
        1,
        0,
    )
    assert "Polres B kurang 1 personel" in p.sentence() and "Sat Brimob" in p.sentence()
    # Pattern what-if: rawan guarded 2-1-2 -> Polres A 16, Polres B 10.
    pat = planning.plan(base, WhatIf(patterns={cats["rawan"]: GuardPattern(2, 1, 2)}))
    assert pat.unit(ids.units["PA"]).police_required == 16
    # Nothing was saved.
    with store.read() as s:
        assert required_strength(s, ids.operation_id).by_unit[ids.units["PB"]].police_required == 6
    # Saving is a journaled service; afterwards the stored figures match the what-if.
    planning.save_what_if(
        store,
        ADMIN,
        ids.operation_id,
        WhatIf(patterns={cats["rawan"]: GuardPattern(2, 1, 2)}, tps=moves),
        pattern_versions={cats["rawan"]: 1},
    )
    with store.read() as s:
        assert required_strength(s, ids.operation_id).by_unit[ids.units["PB"]].police_required == 10
        txn = s.scalars(select(JournalTxn).order_by(JournalTxn.id.desc())).first()
        assert txn is not None and txn.action == "plan.save_what_if"


def test_bad_pattern_and_stale_pattern_are_refused(small_sqlite: tuple[Store, Small]) -> None:
    store, ids = small_sqlite
    cats, _, _ = _codes(store, ids.operation_id)
    voting = _stage(store, ids.operation_id, "pemungutan")
    with store.read() as s:
        base = planning.load_base(s, ids.operation_id, voting)
    with pytest.raises(InvalidValue) as err:
        planning.plan(base, WhatIf(patterns={cats["rawan"]: GuardPattern(2, 0, 4)}))
    assert err.value.data["field"] == "guard_tps"
    assert messages.describe(err.value) == ("Jumlah TPS pada pola pengamanan harus lebih dari nol.")
    head = _head(store)
    with pytest.raises(StaleEdit):
        planning.save_what_if(
            store,
            ADMIN,
            ids.operation_id,
            WhatIf(patterns={cats["rawan"]: GuardPattern(2, 1, 2)}),
            pattern_versions={cats["rawan"]: 7},
        )
    assert _head(store) == head


def test_bangka_by_hand(sqlite_url: str) -> None:
    store = open_store(sqlite_url)
    try:
        op_id = load_demo(store, "bangka")
        voting = _stage(store, op_id, "pemungutan")
        with store.read() as s:
            counts = {
                (kec.removeprefix("Kecamatan "), cat): n
                for kec, cat, n in s.execute(
                    text(
                        "SELECT k.name, c.code, COUNT(*) FROM polling_station p "
                        "JOIN region d ON d.id = p.region_id JOIN region k ON k.id = d.parent_id "
                        "JOIN tps_category c ON c.id = p.category_id "
                        "WHERE p.operation_id = :op GROUP BY k.name, c.code"
                    ),
                    {"op": op_id},
                )
            }
            plan = planning.plan_for(s, op_id, voting)
    finally:
        store.dispose()
    # The demo's TPS (KR, R, SR, K) per kecamatan and police by hand, a * ceil(n / b):
    #   Bakam         30  4  2  1   2*4 + 2*2 + 2*2 + 2*1 =  8 +  4 +  4 + 2 = 18
    #   Belinyu       47  9  4  0   2*6 + 2*5 + 2*4       = 12 + 10 +  8     = 30
    #   Mendo Barat   48  7  4  1   2*6 + 2*4 + 2*4 + 2*1 = 12 +  8 +  8 + 2 = 30
    #   Merawang      38  4  3  0   2*5 + 2*2 + 2*3       = 10 +  4 +  6     = 20
    #   Pemali        39  5  1  0   2*5 + 2*3 + 2*1       = 10 +  6 +  2     = 18
    #   Puding Besar  24  4  1  1   2*3 + 2*2 + 2*1 + 2*1 =  6 +  4 +  2 + 2 = 14
    #   Riau Silip    40  5  0  0   2*5 + 2*3             = 10 +  6          = 16
    #   Sungailiat   112  9  7  2   2*14 + 2*5 + 2*7 + 2*2 = 28 + 10 + 14 + 4 = 56
    #   452 TPS, 202 police; Linmas: every pattern gives 2 per TPS -> 904.
    table = {
        "Bakam": (30, 4, 2, 1), "Belinyu": (47, 9, 4, 0), "Mendo Barat": (48, 7, 4, 1),
        "Merawang": (38, 4, 3, 0), "Pemali": (39, 5, 1, 0), "Puding Besar": (24, 4, 1, 1),
        "Riau Silip": (40, 5, 0, 0), "Sungailiat": (112, 9, 7, 2),
    }  # fmt: skip
    codes = ("kurang-rawan", "rawan", "sangat-rawan", "khusus")
    assert counts == {
        (k, c): n for k, row in table.items() for c, n in zip(codes, row, strict=True) if n
    }
    [bangka] = [u for u in plan.units if u.name == "Polres Bangka"]
    assert (bangka.tps, bangka.police_required, bangka.linmas_required) == (452, 202, 904)
    # 363 personnel: 3 PNS and those off duty do not guard; 342 active police remain.
    # Lendable: floor(342 * 67 / 100) = 229 committed, 229 - 202 = 27; no deficit anywhere.
    assert (bangka.police_available, bangka.balance) == (342, 140)
    assert (bangka.committed, bangka.lendable) == (229, 27)
    assert plan.deficits == () and plan.proposals == ()


# --- proposals -----------------------------------------------------------------------------


def _stress(store: Store, ids: Small) -> tuple[int, WhatIf]:
    """Brimob not a reserve, the one Satgas officer a reserve, rawan and KR at 2-1-2.

    Polres A then needs 26 + 18 = 44 against 16 (deficit 28); Polres B 10 against 9
    (deficit 1); the only source is the Satgas with 1 to lend.
    """
    units.update_unit(store, ADMIN, ids.units["BRIMOB"], 1, is_reserve=False)
    units.update_unit(store, ADMIN, ids.units["SATGAS"], 1, is_reserve=True)
    cats, _, _ = _codes(store, ids.operation_id)
    return _stage(store, ids.operation_id, "pemungutan"), WhatIf(
        patterns={cats["rawan"]: GuardPattern(2, 1, 2), cats["kurang-rawan"]: GuardPattern(2, 1, 2)}
    )


def test_highest_vulnerability_is_served_first(small_sqlite: tuple[Store, Small]) -> None:
    store, ids = small_sqlite
    voting, what_if = _stress(store, ids)
    with store.read() as s:
        base = planning.load_base(s, ids.operation_id, voting)
    first = planning.plan(base, what_if)
    # Unrated: the larger deficit (Polres A, 28) first.
    assert [(p.to_unit_id, p.count) for p in first.proposals] == [(ids.units["PA"], 1)]
    assert first.unmet == {ids.units["PA"]: 27, ids.units["PB"]: 1}
    # Kota B rated tinggi on keamanan for voting day: Polres B now goes first.
    _, aspects, levels = _codes(store, ids.operation_id)
    planning.set_rating(
        store,
        ADMIN,
        ids.operation_id,
        RatingValue(ids.regions["B"], voting, aspects["keamanan"], levels["tinggi"]),
    )
    with store.read() as s:
        base = planning.load_base(s, ids.operation_id, voting)
    second = planning.plan(base, what_if)
    [p] = second.proposals
    assert (p.to_unit_id, p.from_unit_id, p.vulnerability_name) == (
        ids.units["PB"],
        ids.units["SATGAS"],
        "Tinggi",
    )
    assert second.unmet == {ids.units["PA"]: 28}


def test_a_polres_lends_only_beyond_its_committed_share(small_sqlite: tuple[Store, Small]) -> None:
    store, ids = small_sqlite
    units.update_unit(store, ADMIN, ids.units["BRIMOB"], 1, is_reserve=False)
    cats, _, _ = _codes(store, ids.operation_id)
    voting = _stage(store, ids.operation_id, "pemungutan")
    with store.read() as s:
        b1 = [
            i
            for (i,) in s.execute(
                text(
                    "SELECT p.id FROM polling_station p JOIN region d ON d.id = p.region_id "
                    "WHERE d.name = 'Desa B1a'"
                )
            )
        ]
        moves = planning.tps_changes(s, ids.operation_id, {t: cats["sangat-rawan"] for t in b1})
        base = planning.load_base(s, ids.operation_id, voting)
    # Polres B: 10 needed, 9 there. Polres A at 67%: commits floor(16*0.67) = 10 < 14: nothing.
    assert planning.plan(base, WhatIf(tps=moves)).unmet == {ids.units["PB"]: 1}
    _set_share(store, ids.operation_id, 100)
    with store.read() as s:
        base = planning.load_base(s, ids.operation_id, voting)
    # At 100%: A lends min(16 - 14, 11 own - 0 lent) = 2; B takes 1.
    tried = planning.plan(base, WhatIf(tps=moves))
    [p] = tried.proposals
    assert (p.from_unit_id, p.count, p.source_kind, p.source_available_after) == (
        ids.units["PA"],
        1,
        "polres",
        15,
    )
    assert "14 untuk TPS-nya sendiri" in p.sentence()


def test_jambi_kerinci_needs_reinforcement_accept_and_undo(db_url: str) -> None:
    store = open_store(db_url)
    try:
        op_id = load_demo(store, "jambi")
        voting = _stage(store, op_id, "pemungutan")
        with store.read() as s:
            plan = planning.plan_for(s, op_id, voting)
            before = required_strength(s, op_id, operations.stage_by_code(s, op_id, "pemungutan"))
        kerinci = next(u for u in plan.units if u.name == "Polres Kerinci")
        # DOMAIN.md: Kerinci is short on voting day (506 needed, 393 there) and rated tinggi.
        assert (kerinci.police_required, kerinci.police_available) == (506, 393)
        assert kerinci.vulnerability_name == "Tinggi"
        assert plan.deficits == (kerinci,)
        # The demo is plotted: of the 393, its Kapolres (AKBP) and two Kompol command rather
        # than guard, so 390 stand on posts needing 506 -- 116 short, 3 beyond the count.
        assert (kerinci.deficit, kerinci.plot_short, kerinci.need) == (113, 116, 116)
        offered = [p for p in plan.proposals if p.to_unit_id == kerinci.unit_id]
        assert sum(p.count for p in offered) == 116 and not plan.unmet
        brimob = next(u for u in plan.units if u.name == "Sat Brimob Polda Jambi")
        assert offered[0].from_unit_id == brimob.unit_id and offered[0].source_kind == "reserve"
        # Determinism: the same plan again.
        with store.read() as s:
            assert planning.plan_for(s, op_id, voting).proposals == plan.proposals

        # An operator may not accept; nothing is written.
        head = _head(store)
        with pytest.raises(NotPermitted):
            planning.accept(store, OPERATOR, op_id, voting, plan.proposals)
        assert _head(store) == head

        done = planning.accept(store, ADMIN, op_id, voting, plan.proposals)
        with store.read() as s:
            stage = operations.stage_by_code(s, op_id, "pemungutan")
            after = required_strength(s, op_id, stage).by_unit[kerinci.unit_id]
            assert (after.police_available, after.balance) == (509, 3)
            assert len(planning.reinforcement_bko.bko_for_stage(s, op_id, voting)) == 1 + len(
                done.bko
            )
        # The 116 on BKO are all free for a new plotting: a BKO of a number lends the lender's
        # guards before its commanders (plot.py, rule 3; Brimob's first by NRP are its Kombes,
        # AKBP and two Kompol, who command rather than guard). So nothing more is proposed,
        # and accepting the first proposals again is refused (Kerinci is not short any more).
        with store.read() as s:
            again = planning.plan_for(s, op_id, voting)
        assert again.unit(kerinci.unit_id).plotting == Shortfall(116, 116, 0)
        assert [(p.to_unit_id, p.count) for p in again.proposals] == []
        with pytest.raises(planning.NoLongerShort):
            planning.accept(store, ADMIN, op_id, voting, plan.proposals)

        planning.withdraw(store, ADMIN, done)
        with store.read() as s:
            stage = operations.stage_by_code(s, op_id, "pemungutan")
            back = required_strength(s, op_id, stage)
            assert back.by_unit == before.by_unit
            actions = [
                a
                for (a,) in s.execute(
                    select(JournalTxn.action).where(JournalTxn.id > 0).order_by(JournalTxn.id)
                )
            ]
            assert actions[-2:] == ["plan.accept", "plan.withdraw"]
            n_bko = s.scalar(text("SELECT COUNT(*) FROM journal WHERE entity = 'bko_assignment'"))
            # The demo's 5 inserts, the accepted row's insert and its delete.
            assert n_bko == 5 + 2 * len(done.bko)
    finally:
        store.dispose()


def test_outdated_proposal_is_refused_whole(small_sqlite: tuple[Store, Small]) -> None:
    store, ids = small_sqlite
    voting, what_if = _stress(store, ids)
    with store.read() as s:
        tried = planning.plan(planning.load_base(s, ids.operation_id, voting), what_if)
    head = _head(store)
    # Computed under an unsaved what-if: in the database Polres A is not short at all.
    with pytest.raises(planning.NoLongerShort) as short:
        planning.accept(store, ADMIN, ids.operation_id, voting, tried.proposals)
    assert messages.describe(short.value).startswith(
        "Usulan tidak lagi sesuai: Polres A kini hanya kurang 0 personel, bukan 1"
    )
    assert _head(store) == head
    # Saved, the same proposals are accepted once ...
    planning.save_what_if(store, ADMIN, ids.operation_id, what_if)
    done = planning.accept(store, ADMIN, ids.operation_id, voting, tried.proposals)
    head = _head(store)
    # ... but not twice: the Satgas has nothing left to lend.
    with pytest.raises(planning.ProposalOutdated) as err:
        planning.accept(store, ADMIN, ids.operation_id, voting, tried.proposals)
    assert "Satgas Preventif kini hanya dapat memperbantukan 0 personel" in messages.describe(
        err.value
    )
    assert _head(store) == head
    with pytest.raises(planning.NothingToAccept):
        planning.accept(store, ADMIN, ids.operation_id, voting, ())
    planning.withdraw(store, ADMIN, done)
    with pytest.raises(NotFound):  # withdrawn already
        planning.withdraw(store, ADMIN, done)


# --- the vulnerability matrix ----------------------------------------------------------------


def test_rating_set_change_stale_and_clear(small: tuple[Store, Small]) -> None:
    store, ids = small
    voting = _stage(store, ids.operation_id, "pemungutan")
    _, aspects, levels = _codes(store, ids.operation_id)
    cell = RatingValue(ids.regions["A"], voting, aspects["politik"], levels["sedang"])
    r1 = planning.set_rating(store, ADMIN, ids.operation_id, cell)
    r2 = planning.set_rating(
        store,
        ADMIN,
        ids.operation_id,
        RatingValue(ids.regions["A"], voting, aspects["politik"], levels["tinggi"], note=" x "),
        expected_version=r1.version,
    )
    assert (r2.id, r2.version, r2.note) == (r1.id, r1.version + 1, "x")
    with store.read() as s:
        m = planning.matrix(s, ids.operation_id, voting)
    assert m.cell(ids.regions["A"], aspects["politik"]) == r2
    highest = m.highest(ids.regions["A"])
    assert highest is not None and highest.code == "tinggi"
    assert [r.name for r in m.regions] == ["Kabupaten A", "Kota B"]
    rows = _ratings(store, ids.operation_id)
    with pytest.raises(StaleEdit):  # someone saved it since the screen read version 1
        planning.set_rating(store, ADMIN, ids.operation_id, cell, expected_version=r1.version)
    with pytest.raises(InvalidValue) as err:  # Polri ratings carry no IKP score
        planning.set_rating(
            store,
            ADMIN,
            ids.operation_id,
            RatingValue(ids.regions["A"], voting, aspects["politik"], levels["sedang"], score=50),
        )
    assert messages.describe(err.value).startswith("Skor IKP hanya diisi untuk sumber Bawaslu")
    with pytest.raises(InvalidValue):  # Bawaslu's index is 0-100
        planning.set_rating(
            store,
            ADMIN,
            ids.operation_id,
            RatingValue(ids.regions["A"], voting, aspects["politik"], levels["tinggi"], "bawaslu",
                        score=101),
        )  # fmt: skip
    with pytest.raises(InvalidValue):  # a desa is not rated
        planning.set_rating(
            store,
            ADMIN,
            ids.operation_id,
            RatingValue(ids.regions["A1a"], voting, aspects["politik"], levels["tinggi"]),
        )
    with pytest.raises(NotPermitted):
        planning.set_rating(store, OPERATOR, ids.operation_id, cell)
    assert _ratings(store, ids.operation_id) == rows
    gone = planning.clear_rating(store, ADMIN, r2.id, expected_version=r2.version)
    assert gone == r2 and _ratings(store, ids.operation_id) == []


def _rate_small(store: Store, ids: Small) -> None:
    _, aspects, levels = _codes(store, ids.operation_id)
    for code in ("pemungutan", "kampanye"):
        stage = _stage(store, ids.operation_id, code)
        for region, aspect, level in (("A", "politik", "sedang"), ("B", "keamanan", "tinggi")):
            planning.set_rating(
                store,
                ADMIN,
                ids.operation_id,
                RatingValue(ids.regions[region], stage, aspects[aspect], levels[level]),
            )
        planning.set_rating(
            store,
            ADMIN,
            ids.operation_id,
            RatingValue(ids.regions["B"], stage, aspects["politik"], levels["sedang"], "bawaslu",
                        score=48.5, note="IKP (angka uji)"),
        )  # fmt: skip


def test_excel_round_trip(small: tuple[Store, Small], tmp_path: Path) -> None:
    store, ids = small
    _rate_small(store, ids)
    before = _ratings(store, ids.operation_id)
    out = tmp_path / "kerawanan.xlsx"
    with store.read() as s:
        assert planning.export_matrix(s, ids.operation_id, out) == 6
    head = _head(store)
    result = planning.import_matrix(store, ADMIN, ids.operation_id, out)
    assert (result.new, result.changed, result.unchanged) == (0, 0, 6)
    assert _head(store) == head and _ratings(store, ids.operation_id) == before

    # Edit the workbook as staff would: Kota B keamanan on voting day to "Sedang", add a row.
    wb = load_workbook(out)
    ws = wb["Kerawanan"]
    for row in ws.iter_rows():
        values = [c.value for c in row]
        if values[:3] == ["Pemungutan suara", "Kota B", "Keamanan"]:
            row[4].value = "sedang"
    ws.append(["pemungutan", "Kabupaten A", "Ekonomi", "Polri", "Rendah", None, "baru"])
    wb.save(out)
    result = planning.import_matrix(store, ADMIN, ids.operation_id, out)
    assert (result.new, result.changed, result.unchanged) == (1, 1, 5)
    with store.read() as s:
        txn = s.scalars(select(JournalTxn).order_by(JournalTxn.id.desc())).first()
        assert txn is not None and txn.action == "vulnerability.import"
        assert txn.details is not None and txn.details["file"] == "kerawanan.xlsx"


def test_bad_excel_is_refused_cell_by_cell_and_nothing_changes(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, ids = small
    _rate_small(store, ids)
    before, head = _ratings(store, ids.operation_id), _head(store)
    out = tmp_path / "salah.xlsx"
    with store.read() as s:
        planning.export_matrix(s, ids.operation_id, out)
    wb = load_workbook(out)
    ws = wb["Kerawanan"]
    first = ws.max_row + 1
    ws.append(["Pemungutan suara", "Kabupaten A", "Politk", "Polri", "Tinggi"])  # typo
    ws.append(["Pemungutan suara", "Kabupaten A", "Ekonomi", "Polri", "Tinggi", 55])  # score
    ws.append(["Pemungutan suara", "Kota B", "Politik", "Bawaslu", "Tinggi", "banyak"])
    ws.append(["Pemungutan suara", "Kabupaten A", "Sosial budaya", "Polri", None])  # blank
    ws.append(["Pemungutan suara", "Kabupaten A", "Keamanan", "Polri", "Tinggi"])
    ws.append(["Pemungutan suara", "Kabupaten A", "keamanan", "polri", "Rendah"])  # again
    wb.save(out)
    with pytest.raises(planning.ImportRejected) as err:
        planning.import_matrix(store, ADMIN, ids.operation_id, out)
    where = [(p.row, p.column, p.reason) for p in err.value.problems]
    assert where == [
        (first, "C", "unknown_choice"),
        (first + 1, "F", "score_not_bawaslu"),
        (first + 2, "F", "not_a_number"),
        (first + 3, "E", "required"),
        (first + 5, "E", "duplicate"),
    ]
    sentence = messages.describe(err.value)
    assert sentence.startswith(f"Berkas {out} ditolak, tidak ada yang disimpan: 5 sel")
    assert f"Kerawanan!C{first} (Aspek): \u201cPolitk\u201d tidak dikenal; pilihan: Politik" in (
        sentence
    )
    assert _ratings(store, ids.operation_id) == before and _head(store) == head

    junk = tmp_path / "bukan.xlsx"
    junk.write_text("bukan buku kerja")
    with pytest.raises(planning.WorkbookUnreadable) as unreadable:
        planning.import_matrix(store, ADMIN, ids.operation_id, junk)
    assert "tidak dapat dibaca sebagai buku kerja Excel" in messages.describe(unreadable.value)
    with pytest.raises(planning.WorkbookUnreadable):
        planning.import_matrix(store, ADMIN, ids.operation_id, tmp_path / "tidak-ada.xlsx")
    headless = tmp_path / "tanpa-judul.xlsx"
    wb = load_workbook(out)
    wb["Kerawanan"].delete_rows(1, 4)
    wb.save(headless)
    with pytest.raises(planning.ImportRejected) as err:
        planning.import_matrix(store, ADMIN, ids.operation_id, headless)
    assert err.value.problems[0].reason == "no_header"
    assert _ratings(store, ids.operation_id) == before and _head(store) == head


def test_plan_workbook_is_written(small_sqlite: tuple[Store, Small], tmp_path: Path) -> None:
    store, ids = small_sqlite
    voting, what_if = _stress(store, ids)
    with store.read() as s:
        tried = planning.plan(planning.load_base(s, ids.operation_id, voting), what_if)
    out = tmp_path / "rencana.xlsx"
    planning.write_plan(tried, out, "Operasi Uji")
    wb = load_workbook(out)
    assert wb.sheetnames == ["Kebutuhan", "Wilayah", "Usulan"]
    rows = [[c.value for c in r] for r in wb["Usulan"].iter_rows()]
    assert rows[1][:5] == ["Polres A", "belum dinilai", 28, "Satgas Preventif", 1]
    with pytest.raises(planning.WorkbookNotWritable):
        planning.write_plan(tried, tmp_path / "tidak" / "ada.xlsx", "Operasi Uji")


def test_regions_count_matches_sql(small_sqlite: tuple[Store, Small]) -> None:
    store, ids = small_sqlite
    with store.read() as s:
        n = s.scalar(
            select(func.count())
            .select_from(Region)
            .where(Region.operation_id == ids.operation_id, Region.level == "kabkota")
        )
        m = planning.matrix(s, ids.operation_id, _stage(store, ids.operation_id, "pemungutan"))
    assert len(m.regions) == n == 2
    assert m.cells == {}


# --- reads for the window, the live feed, the import as a long job ----------------------------


def test_tps_rows_list_every_tps_with_its_desa_and_kecamatan(
    small_sqlite: tuple[Store, Small],
) -> None:
    store, ids = small_sqlite
    cats, _, _ = _codes(store, ids.operation_id)
    with store.read() as s:
        rows = planning.tps_rows(s, ids.operation_id)
    assert len(rows) == 9 + 3 + 1 + 8 + 1 + 5
    # Sorted as the form lists them: kecamatan, desa, number.
    assert [r.kecamatan for r in rows] == sorted(r.kecamatan for r in rows)
    first = rows[0]
    assert (first.number, first.desa, first.kecamatan) == (1, "Desa A1a", "Kecamatan A1")
    assert first.kecamatan_id == ids.regions["A1"]
    in_a2a = [r for r in rows if r.desa == "Desa A2a"]
    assert [r.category_id for r in in_a2a] == [cats["kurang-rawan"]] * 8 + [cats["khusus"]]
    assert {r.kecamatan_id for r in in_a2a} == {ids.regions["A2"]}


def test_the_entities_planning_follows_are_journal_entities(
    small_sqlite: tuple[Store, Small],
) -> None:
    assert planning.SHOWN_ENTITIES.issubset(Base.metadata.tables)
    store, ids = small_sqlite
    follower = JournalFollower(store)
    _, aspects, levels = _codes(store, ids.operation_id)
    stage = _stage(store, ids.operation_id, "pemungutan")
    planning.set_rating(
        store,
        ADMIN,
        ids.operation_id,
        RatingValue(ids.regions["A"], stage, aspects["politik"], levels["tinggi"]),
    )
    changes = follower.poll()
    assert changes is not None and planning.shows_any(changes.rows)
    # A change planning does not show (an account) is not followed.
    with store.transaction(ADMIN, "test.setup") as s:
        s.add(Account(username="lain.uji", role="operator", full_name="Lain Uji"))
    changes = follower.poll()
    assert changes is not None and set(changes.rows) == {"account"}
    assert not planning.shows_any(changes.rows)


def _edited_export(store: Store, ids: Small, out: Path) -> None:
    """The exported matrix with one Polri rating changed (a valid workbook)."""
    _rate_small(store, ids)
    with store.read() as s:
        planning.export_matrix(s, ids.operation_id, out)
    wb = load_workbook(out)
    wb["Kerawanan"].append(["pemungutan", "Kabupaten A", "Ekonomi", "Polri", "Rendah"])
    wb.save(out)


def test_import_reports_its_stages_and_a_cancel_saves_nothing(
    small_sqlite: tuple[Store, Small], tmp_path: Path
) -> None:
    store, ids = small_sqlite
    out = tmp_path / "kerawanan.xlsx"
    _edited_export(store, ids, out)
    before, head = _ratings(store, ids.operation_id), _head(store)
    stopped = CancelToken()
    stopped.cancel()
    with pytest.raises(Cancelled):
        planning.import_matrix(store, ADMIN, ids.operation_id, out, cancel=stopped)
    assert _ratings(store, ids.operation_id) == before and _head(store) == head

    stages: list[str] = []
    result = planning.import_matrix(
        store, ADMIN, ids.operation_id, out, lambda _d, _t, text: stages.append(text)
    )
    assert (result.new, result.changed) == (1, 0)
    assert [t for t in stages if t] == ["read", "check", "write", "done"]


def test_a_refused_import_marks_its_copy_in_the_same_job(
    small_sqlite: tuple[Store, Small], tmp_path: Path
) -> None:
    store, ids = small_sqlite
    out = tmp_path / "salah.xlsx"
    with store.read() as s:
        planning.export_matrix(s, ids.operation_id, out)
    wb = load_workbook(out)
    wb["Kerawanan"].append(["Pemungutan suara", "Kabupaten Z", "Politik", "Polri", "Tinggi"])
    wb.save(out)
    row = wb["Kerawanan"].max_row
    head = _head(store)
    marked = tmp_path / "salah-ditolak.xlsx"
    with pytest.raises(planning.ImportRejected) as err:
        planning.import_matrix(store, ADMIN, ids.operation_id, out, mark_to=marked)
    assert err.value.data["marked"] == str(marked)
    cell = load_workbook(marked)["Kerawanan"][f"B{row}"]
    assert cell.comment is not None and "tidak dikenal" in cell.comment.text
    assert _head(store) == head


# --- the plotting's deficit fed back (issue 18) ----------------------------------------------


def test_the_plottings_deficit_is_proposed_for_its_polres(
    small_sqlite: tuple[Store, Small],
) -> None:
    """By hand (builders.py): Polres B has 9 police and guards the 5 rawan TPS (2-2-4) of
    Kecamatan B1: 3 posts of 2 police, 6 in all. Six of the nine made Kompol: the count still says
    9 against 6 (no deficit), but the plotting deals only the 3 Bripda, one to each post, and
    leaves Kecamatan B1 short by 3. Planning shows 3 for Polres B and proposes 3 from the
    Brimob reserve; once accepted nothing more is proposed (the 3 on BKO are free for a new
    plotting), a new plotting fills the posts, and withdrawing the BKO brings the need back."""
    store, ids = small_sqlite
    op = ids.operation_id
    voting = _stage(store, op, "pemungutan")
    commanders_in_polres_b(store, ids, 6)
    form_posts(store, ADMIN, op, voting)
    with store.read() as s:
        assert planning.plan_for(s, op, voting).unit(ids.units["PB"]).plotting is None  # unplotted
    plot(store, ADMIN, op, voting)
    with store.read() as s:
        listing = plotting_list(s, op, voting)
        plan = planning.plan_for(s, op, voting)
    # The plotting list's "kekurangan": Kecamatan B1 short by 3, nowhere else.
    assert {k.kecamatan: k.deficit for k in listing.kecamatan if k.deficit} == {"Kecamatan B1": 3}
    pb, pa = plan.unit(ids.units["PB"]), plan.unit(ids.units["PA"])
    assert (pb.police_required, pb.police_available, pb.deficit) == (6, 9, 0)
    assert pb.plotting == Shortfall(short=3, free=0, leaving=0)
    assert (pb.plot_short, pb.need, pb.need_from_plotting) == (3, 3, True)
    # Polres A: its posts are full; its spare AKP and one Brimob on BKO are free, not needed.
    assert (pa.plot_short, pa.need) == (0, 0) and pa.plotting == Shortfall(0, 2, 0)
    assert plan.deficits == (pb,)
    (proposal,) = plan.proposals
    assert (proposal.to_unit_id, proposal.from_unit_id, proposal.count) == (
        ids.units["PB"],
        ids.units["BRIMOB"],
        3,
    )
    assert proposal.from_plotting and proposal.deficit == 3 and not plan.unmet
    assert proposal.sentence("id").startswith(
        "Polres B kurang 3 personel di pos pengamanan TPS menurut plotting tahapan"
    )
    assert "on its guard posts in the plotting of" in proposal.sentence("en")

    done = planning.accept(store, ADMIN, op, voting, plan.proposals)
    with store.read() as s:
        after = planning.plan_for(s, op, voting)
    # Not plotted again yet: still 3 short on the posts, but the 3 on BKO are free for it.
    assert after.unit(ids.units["PB"]).plotting == Shortfall(3, 3, 0)
    assert after.proposals == () and after.deficits == ()
    with pytest.raises(planning.NoLongerShort):
        planning.accept(store, ADMIN, op, voting, plan.proposals)

    plot(store, ADMIN, op, voting)  # the new plotting puts the three on Polres B's posts
    with store.read() as s:
        assert plotting_list(s, op, voting).deficit == 0
        assert planning.plan_for(s, op, voting).unit(ids.units["PB"]).plotting == Shortfall(0)

    planning.withdraw(store, ADMIN, done)  # the BKO ends: the three no longer serve Polres B
    with store.read() as s:
        back = planning.plan_for(s, op, voting)
    assert back.unit(ids.units["PB"]).plotting == Shortfall(0, 0, 3)
    assert [(p.to_unit_id, p.count) for p in back.proposals] == [(ids.units["PB"], 3)]


def test_a_need_beyond_the_balance_says_why(small_sqlite: tuple[Store, Small]) -> None:
    """The planning window said "kurang 116" beside a Selisih of −113 and never why (the
    demo's Polres Kerinci: its Kapolres and two Kompol command and guard no TPS). Here six
    of Polres B's nine made Kompol: its balance is +3, its posts lack 3. The plotting counts
    the six, and the proposal's sentence says why its 3 is not the balance's 0."""
    store, ids = small_sqlite
    op = ids.operation_id
    voting = _stage(store, op, "pemungutan")
    commanders_in_polres_b(store, ids, 6)
    form_posts(store, ADMIN, op, voting)
    plot(store, ADMIN, op, voting)
    with store.read() as s:
        plan = planning.plan_for(s, op, voting)
    pb = plan.unit(ids.units["PB"])
    assert (pb.balance, pb.need, pb.plot_commanders, pb.beyond_balance) == (3, 3, 6, 6)
    assert plan.unit(ids.units["PA"]).beyond_balance == 0  # its need is not the plotting's
    (proposal,) = plan.proposals
    assert (proposal.balance, proposal.commanders) == (3, 6)
    assert proposal.sentence("id").startswith(
        "Polres B kurang 3 personel di pos pengamanan TPS menurut plotting tahapan "
        "Pemungutan suara, bukan 0 menurut selisih kekuatannya (+3): 6 perwira Kompol ke atas "
        "dihitung dalam kekuatan tetapi tidak menjaga TPS (kerawanan tertinggi:"
    ), proposal.sentence("id")
    assert ", not 0 as its balance (+3) says: 6 officers of Kompol and above command and " in (
        proposal.sentence("en")
    )
    assert pb.why_beyond_balance("id") in proposal.sentence("id")
    # Fewer commanders than the gap: the rest is said as such; no gap, nothing said.
    assert messages.beyond_balance(116, -113, 1, "id") == (
        ", bukan 113 menurut selisih kekuatannya (\u2212113): 1 perwira Kompol ke atas dihitung "
        "dalam kekuatan tetapi tidak menjaga TPS dan 2 personel lain dihitung dalam kekuatan "
        "tetapi tidak berada di posnya"
    )
    assert messages.beyond_balance(113, -113, 3, "id") == ""
