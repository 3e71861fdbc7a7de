"""Guard posts from the patterns, checked by hand on the small operation, and the hand's
regrouping with its refusals (each a sentence, the database unchanged)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from opscenter import operations
from opscenter.actor import Actor
from opscenter.errors import StaleEdit
from opscenter.messages import describe
from opscenter.model import GuardPostTps, JournalEntry, JournalTxn, PollingStation, TpsCategory
from opscenter.permissions import NotPermitted
from opscenter.plotting.posts import Post, form_posts, posts
from opscenter.plotting.regrouping import PostRefused, merge_posts, move_tps, split_post
from opscenter.reference import by_code
from opscenter.store import Store, open_store
from opscenter.strength_inputs import required_strength
from tests.builders import ADMIN, Small, build_small_operation


@pytest.fixture
def small(db_url: str) -> Iterator[tuple[Store, Small]]:
    store = open_store(db_url)
    yield store, build_small_operation(store)
    store.dispose()


def _voting(ids: Small) -> int:
    return ids.stages["pemungutan"]


def _read(store: Store, ids: Small) -> tuple[Post, ...]:
    with store.read() as s:
        return posts(s, ids.operation_id, _voting(ids))


def _shape(store: Store, ids: Small) -> list[tuple[str, int, int, str]]:
    """(kecamatan, post number, TPS count, pattern) of every post."""
    return [(p.kecamatan, p.number, len(p.tps), str(p.pattern)) for p in _read(store, ids)]


def _head(store: Store) -> int:
    with store.read() as s:
        return int(s.execute(select(func.count()).select_from(JournalTxn)).scalar_one())


def _post(store: Store, ids: Small, kecamatan: str, number: int) -> Post:
    return next(p for p in _read(store, ids) if (p.kecamatan, p.number) == (kecamatan, number))


def test_posts_are_formed_from_the_patterns_by_hand(small: tuple[Store, Small]) -> None:
    store, ids = small
    formed = form_posts(store, ADMIN, ids.operation_id, _voting(ids))
    # A1: 9 kurang rawan (2-8-16) -> 8 + 1; 3 rawan (2-2-4) -> 2 + 1; 1 sangat rawan -> 1.
    # A2: 8 kurang rawan -> 8; 1 khusus -> 1.  B1: 5 rawan -> 2 + 2 + 1.
    assert formed.posts == 10 and formed.tps == 27
    assert sorted(_shape(store, ids)) == sorted(
        [
            ("Kecamatan A1", 1, 8, "2-8-16"),
            ("Kecamatan A1", 2, 1, "2-8-16"),
            ("Kecamatan A1", 3, 2, "2-2-4"),
            ("Kecamatan A1", 4, 1, "2-2-4"),
            ("Kecamatan A1", 5, 1, "2-1-2"),
            ("Kecamatan A2", 1, 8, "2-8-16"),
            ("Kecamatan A2", 2, 1, "2-1-2"),
            ("Kecamatan B1", 1, 2, "2-2-4"),
            ("Kecamatan B1", 2, 2, "2-2-4"),
            ("Kecamatan B1", 3, 1, "2-2-4"),
        ]
    )
    # The posts need what the strength computation requires, police and Linmas alike.
    with store.read() as s:
        stage = operations.stage_by_code(s, ids.operation_id, "pemungutan")
        polda = required_strength(s, ids.operation_id, stage).by_unit[ids.units["POLDA"]]
    held = _read(store, ids)
    assert sum(p.police for p in held) == polda.police_required == 20
    assert sum(p.linmas for p in held) == polda.linmas_required == 54
    # Forming again places nothing and moves nothing.
    assert form_posts(store, ADMIN, ids.operation_id, _voting(ids)).tps == 0
    assert _read(store, ids) == held


def test_a_new_tps_fills_its_groups_post_before_a_new_one(small: tuple[Store, Small]) -> None:
    store, ids = small
    form_posts(store, ADMIN, ids.operation_id, _voting(ids))
    before = {(p.kecamatan, p.number): p for p in _read(store, ids)}
    with store.transaction(ADMIN, "test.setup") as s:
        kr = by_code(s, TpsCategory, ids.operation_id)["kurang-rawan"]
        for number in (20, 21):
            s.add(
                PollingStation(
                    operation_id=ids.operation_id,
                    number=number,
                    region_id=ids.regions["A1b"],
                    category_id=kr.id,
                    voters=250,
                    unit_id=ids.units["PA1"],
                )
            )
    formed = form_posts(store, ADMIN, ids.operation_id, _voting(ids))
    assert (formed.posts, formed.tps) == (0, 2)  # into A1's second kurang-rawan post
    after = {(p.kecamatan, p.number): p for p in _read(store, ids)}
    assert len(after[("Kecamatan A1", 2)].tps) == 3
    assert {k: p.tps for k, p in after.items() if k != ("Kecamatan A1", 2)} == {
        k: p.tps for k, p in before.items() if k != ("Kecamatan A1", 2)
    }


def test_a_move_within_the_pattern_and_beyond_it_with_a_reason(small: tuple[Store, Small]) -> None:
    store, ids = small
    op, stage = ids.operation_id, _voting(ids)
    form_posts(store, ADMIN, op, stage)
    full, single = _post(store, ids, "Kecamatan A1", 3), _post(store, ids, "Kecamatan A1", 4)
    # Post 4 (rawan, 1 of 2) takes one more.
    moved = move_tps(
        store, ADMIN, op, stage, full.tps[0].id, single.id, expected_version=single.version
    )
    assert not moved.from_removed
    assert len(_post(store, ids, "Kecamatan A1", 4).tps) == 2
    # A third is beyond 2-2-4: refused in a sentence, nothing written.
    head = _head(store)
    shape = _shape(store, ids)
    target = _post(store, ids, "Kecamatan A1", 4)
    with pytest.raises(PostRefused) as refused:
        move_tps(store, ADMIN, op, stage, full.tps[1].id, target.id)
    assert describe(refused.value, "id") == (
        "Pos 4 Kecamatan A1 akan berisi 3 TPS, sedangkan pola 2-2-4 membatasi 2 TPS per pos; "
        "tulis alasan pengecualian bila tetap ingin mengubahnya. Tidak ada yang disimpan."
    )
    assert "pattern 2-2-4 allows 2 a post" in describe(refused.value, "en")
    assert (_head(store), _shape(store, ids)) == (head, shape)
    # With a reason it goes, the emptied post 3 is removed, and post 4 carries the reason.
    moved = move_tps(
        store, ADMIN, op, stage, full.tps[1].id, target.id, reason="Satu gedung sekolah"
    )
    assert moved.from_removed
    after = _post(store, ids, "Kecamatan A1", 4)
    assert (len(after.tps), after.exception, after.over_limit) == (3, "Satu gedung sekolah", True)
    assert after.police == 4  # two teams of the pattern for three rawan TPS
    assert ("Kecamatan A1", 3) not in {(p.kecamatan, p.number) for p in _read(store, ids)}
    # Back within the limit, the exception goes.
    move_tps(store, ADMIN, op, stage, full.tps[1].id, _post(store, ids, "Kecamatan A1", 1).id,
             reason="uji")  # fmt: skip
    assert _post(store, ids, "Kecamatan A1", 4).exception is None


def test_the_strictest_tps_sets_a_mixed_posts_limit(small: tuple[Store, Small]) -> None:
    store, ids = small
    op, stage = ids.operation_id, _voting(ids)
    form_posts(store, ADMIN, op, stage)
    sangat = _post(store, ids, "Kecamatan A1", 5)  # 2-1-2, one TPS: full
    kr = _post(store, ids, "Kecamatan A1", 2)  # 2-8-16, one TPS
    # The sangat rawan TPS joins the kurang rawan post: the post now follows 2-1-2 and holds 2.
    with pytest.raises(PostRefused) as refused:
        move_tps(store, ADMIN, op, stage, sangat.tps[0].id, kr.id)
    assert refused.value.data["pattern"] == "2-1-2"


def test_refusals_leave_everything_as_it_was(small: tuple[Store, Small]) -> None:
    store, ids = small
    op, stage = ids.operation_id, _voting(ids)
    form_posts(store, ADMIN, op, stage)
    a1, b1 = _post(store, ids, "Kecamatan A1", 1), _post(store, ids, "Kecamatan B1", 3)
    head, shape = _head(store), _shape(store, ids)
    cases = [
        (lambda: move_tps(store, ADMIN, op, stage, a1.tps[0].id, b1.id), "other_kecamatan"),
        (lambda: move_tps(store, ADMIN, op, stage, a1.tps[0].id, a1.id), "same_post"),
        (lambda: split_post(store, ADMIN, op, a1.id, []), "split_none"),
        (lambda: split_post(store, ADMIN, op, a1.id, [t.id for t in a1.tps]), "split_all"),
        (lambda: split_post(store, ADMIN, op, a1.id, [b1.tps[0].id]), "split_none"),
        (lambda: merge_posts(store, ADMIN, op, a1.id, b1.id), "other_kecamatan"),
        (
            lambda: move_tps(
                store, ADMIN, op, stage, a1.tps[0].id, _post(store, ids, "Kecamatan A1", 5).id,
                reason="x" * 501,
            ),
            "reason_too_long",
        ),
    ]  # fmt: skip
    for call, reason in cases:
        with pytest.raises(PostRefused) as refused:
            call()
        assert refused.value.data["reason"] == reason
        sentence = describe(refused.value, "id")
        assert "Tindakan gagal" not in sentence and "{" not in sentence, sentence
        assert "{" not in describe(refused.value, "en")
    with pytest.raises(StaleEdit):
        move_tps(store, ADMIN, op, stage, a1.tps[0].id, _post(store, ids, "Kecamatan A1", 2).id,
                 expected_version=0)  # fmt: skip
    with pytest.raises(PostRefused) as refused:
        move_tps(store, ADMIN, op, ids.stages["kampanye"], a1.tps[0].id, a1.id)
    assert refused.value.data["reason"] == "not_placed"
    assert "TPS 001 Desa A1a belum masuk pos" in describe(refused.value, "id")
    with pytest.raises(NotPermitted):
        form_posts(store, Actor("op.uji", role="operator"), op, ids.stages["kampanye"])
    assert (_head(store), _shape(store, ids)) == (head, shape)


def test_split_then_merge_is_where_it_began(small: tuple[Store, Small]) -> None:
    store, ids = small
    op, stage = ids.operation_id, _voting(ids)
    form_posts(store, ADMIN, op, stage)
    big = _post(store, ids, "Kecamatan A2", 1)
    shape = _shape(store, ids)
    off = [t.id for t in big.tps[5:]]
    new_id = split_post(store, ADMIN, op, big.id, off, expected_version=big.version)
    new = next(p for p in _read(store, ids) if p.id == new_id)
    assert (new.kecamatan, new.number, [t.id for t in new.tps]) == ("Kecamatan A2", 3, off)
    assert len(_post(store, ids, "Kecamatan A2", 1).tps) == 5
    moved = merge_posts(store, ADMIN, op, big.id, new_id)
    assert sorted(moved) == sorted(off)
    assert _shape(store, ids) == shape


def test_reverting_an_import_takes_its_tps_out_of_their_posts_in_the_journal(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    from opscenter.roster.classify import prepare
    from opscenter.roster.commit import commit
    from opscenter.roster.history import imports, revert
    from opscenter.roster.preview import Options

    store, ids = small
    op, stage = ids.operation_id, _voting(ids)
    form_posts(store, ADMIN, op, stage)
    shape = _shape(store, ids)
    path = tmp_path / "tps.csv"
    path.write_text(
        "KECAMATAN;DESA/KEL;NO. TPS;KERAWANAN;DPT;POLSEK\n"
        "Kecamatan A1;A1b;7;Kurang Rawan;300;pa1\nKecamatan A1;A1b;8;Kurang Rawan;300;pa1\n",
        encoding="utf-8",
    )
    commit(store, ADMIN, prepare(store, path, Options(kind="tps")))
    assert form_posts(store, ADMIN, op, stage).tps == 2
    with store.read() as s:
        links = {
            int(i)
            for (i,) in s.execute(select(GuardPostTps.id).where(GuardPostTps.stage_id == stage))
        }
    revert(store, ADMIN, imports(store)[0].txn_id)
    assert _shape(store, ids) == shape
    with store.read() as s:
        gone = links - {int(i) for (i,) in s.execute(select(GuardPostTps.id))}
        deleted = set(
            s.scalars(
                select(JournalEntry.entity_id).where(
                    JournalEntry.entity == "guard_post_tps", JournalEntry.action == "delete"
                )
            )
        )
    assert len(gone) == 2 and gone <= deleted


def test_the_plot_view_narrows_to_a_unit_and_names_the_units(small: tuple[Store, Small]) -> None:
    from opscenter.plotting.plot import plot
    from opscenter.plotting.view import plot_view

    store, ids = small
    form_posts(store, ADMIN, ids.operation_id, _voting(ids))
    plot(store, ADMIN, ids.operation_id, _voting(ids))
    with store.read() as s:
        view = plot_view(s, ids.operation_id, _voting(ids))
    assert [u.name for u in view.polres()] == ["Polres A", "Polres B"]
    assert [u.name for u in view.polsek_of(ids.units["PA"])] == ["Polsek A1", "Polsek A2"]
    everything, reserve = view.within(None)
    assert everything == view.plotting.posts and reserve == view.plotting.reserve
    in_a, reserve_a = view.within(ids.units["PA"])
    in_a1, _ = view.within(ids.units["PA1"])
    in_b, reserve_b = view.within(ids.units["PB"])
    # Every post is guarded under one Polres: the two halves make the whole, A1 within A.
    assert {p.post.id for p in in_a} | {p.post.id for p in in_b} == {p.post.id for p in everything}
    assert not {p.post.id for p in in_a} & {p.post.id for p in in_b}
    assert in_a1 and {p.post.id for p in in_a1} < {p.post.id for p in in_a}
    assert all(view.under(o.unit_id, ids.units["PA"]) for o in reserve_a)
    assert all(view.under(o.unit_id, ids.units["PB"]) for o in reserve_b)
    assert view.unit_name(ids.units["PA1"]) == "Polsek A1" and view.unit_name(None) == ""
