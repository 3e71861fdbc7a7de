"""The automatic plotting of named officers to guard posts, checked by hand on the small
operation (tests/builders.py), and the hand's placements with their refusals."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import func, select

from opscenter.actor import Actor
from opscenter.errors import StaleEdit
from opscenter.messages import describe
from opscenter.model import GuardAssignment, JournalTxn, Personnel
from opscenter.plotting.hand import HandPlaced, PlotRefused, Seen, place, set_locked, swap
from opscenter.plotting.plot import Plotting, plot, plotting
from opscenter.plotting.posts import form_posts
from opscenter.plotting.regrouping import Moved, merge_posts, move_tps, split_post
from opscenter.store import Store, open_store
from tests.builders import ADMIN, Small, build_small_operation


@pytest.fixture
def small(db_url: str) -> Iterator[tuple[Store, Small]]:
    store = open_store(db_url)
    ids = build_small_operation(store)
    form_posts(store, ADMIN, ids.operation_id, ids.stages["pemungutan"])
    yield store, ids
    store.dispose()


def _read(store: Store, ids: Small) -> Plotting:
    with store.read() as s:
        return plotting(s, ids.operation_id, ids.stages["pemungutan"])


def _table(p: Plotting) -> dict[tuple[str, int], list[tuple[str, str, bool]]]:
    """(kecamatan, post) -> [(name, basis, leader)] in seniority order."""
    return {
        (pp.post.kecamatan, pp.post.number): [
            (o.officer.name, o.basis, o.leader) for o in pp.officers
        ]
        for pp in p.posts
    }


def _nrp(store: Store, name: str) -> int:
    with store.read() as s:
        return int(s.execute(select(Personnel.id).where(Personnel.name == name)).scalar_one())


def _head(store: Store) -> int:
    with store.read() as s:
        return int(s.execute(select(func.count()).select_from(JournalTxn)).scalar_one())


def test_the_small_operation_plotted_by_hand(small: tuple[Store, Small]) -> None:
    store, ids = small
    done = plot(store, ADMIN, ids.operation_id, ids.stages["pemungutan"])
    # Police: PA1 6 (1 on leave), PA2 3, PA 2 AKP, PB 9 (1 more works for the Satgas),
    # Satgas 1, Brimob 30 = 51. Posts need 10 (A1) + 4 (A2) + 6 (B1) = 20.
    assert (done.placed, done.kept, done.removed, done.reserve, done.short) == (20, 0, 0, 31, 0)
    table = _table(_read(store, ids))
    # A1: Polsek A1's six and five Brimob on BKO, dealt round the five posts by seniority
    # (all Bripda: by NRP, so the Polsek's own first); the fifth Brimob is left over.
    assert table[("Kecamatan A1", 1)] == [
        ("Personel 1", "polsek", True),
        ("Personel 6", "polsek", False),
    ]
    assert table[("Kecamatan A1", 2)] == [
        ("Personel 2", "polsek", True),
        (table[("Kecamatan A1", 2)][1][0], "bko", False),
    ]
    assert [b for post in range(2, 6) for _n, b, _l in table[("Kecamatan A1", post)]].count(
        "bko"
    ) == 4
    # A2: Polsek A2's three fill three places; the fourth comes from Polres A's staff, an
    # AKP, who leads the post.
    assert table[("Kecamatan A2", 1)] == [
        ("Personel 8", "polsek", True),
        ("Personel 10", "polsek", False),
    ]
    assert table[("Kecamatan A2", 2)] == [
        ("Personel 11", "polres", True),
        ("Personel 9", "polsek", False),
    ]
    # B1: Polsek B1 has nobody; Polres B's own fill its three posts.
    assert {b for (k, _n), rows in table.items() if k == "Kecamatan B1" for _x, b, _l in rows} == {
        "polres"
    }
    assert "Personel 7" not in {n for rows in table.values() for n, _b, _l in rows}  # on leave
    reserve = {o.name for o in _read(store, ids).reserve}
    assert "Personel 12" in reserve and "PNS Uji" not in reserve and len(reserve) == 31


def test_a_second_run_changes_nothing(small: tuple[Store, Small]) -> None:
    store, ids = small
    plot(store, ADMIN, ids.operation_id, ids.stages["pemungutan"])
    before = _table(_read(store, ids))
    done = plot(store, ADMIN, ids.operation_id, ids.stages["pemungutan"])
    assert (done.kept, done.placed, done.removed) == (20, 0, 0)
    assert _table(_read(store, ids)) == before


def test_a_locked_officer_survives_a_replot_and_the_rest_moves_little(
    small: tuple[Store, Small],
) -> None:
    store, ids = small
    op, stage = ids.operation_id, ids.stages["pemungutan"]
    plot(store, ADMIN, op, stage)
    p = _read(store, ids)
    b1 = next(pp for pp in p.posts if (pp.post.kecamatan, pp.post.number) == ("Kecamatan B1", 1))
    a1 = next(pp for pp in p.posts if (pp.post.kecamatan, pp.post.number) == ("Kecamatan A1", 1))
    # By hand: a Brimob from the reserve onto B1's first post (outside Polres A's BKO).
    brimob = next(o for o in p.reserve if o.unit_id == ids.units["BRIMOB"])
    place(store, ADMIN, op, stage, brimob.id, b1.post.id)
    # Personel 1 goes on leave: a re-plot takes them off and fills the gap.
    with store.transaction(ADMIN, "test.setup") as s:
        s.get_one(Personnel, _nrp(store, "Personel 1")).duty_status = "cuti"
    before = _table(_read(store, ids))
    done = plot(store, ADMIN, op, stage)
    after = _table(_read(store, ids))
    assert brimob.name in [n for n, _b, _l in after[("Kecamatan B1", 1)]]
    # B1's first post now had three (two by the rules, one by hand): its most junior
    # unlocked one left; Personel 1's place in A1 went to the Brimob left over.
    assert done.removed == 2 and done.placed == 1
    changed = {k for k in after if after[k] != before[k]}
    assert changed == {("Kecamatan A1", 1), ("Kecamatan B1", 1)}
    assert "Personel 1" not in [n for n, _b, _l in after[("Kecamatan A1", 1)]]
    assert len(after[("Kecamatan A1", 1)]) == a1.post.police


def test_swap_lock_and_the_way_back(small: tuple[Store, Small]) -> None:
    store, ids = small
    op, stage = ids.operation_id, ids.stages["pemungutan"]
    plot(store, ADMIN, op, stage)
    one, eight = _nrp(store, "Personel 1"), _nrp(store, "Personel 8")
    swap(store, ADMIN, op, stage, one, eight)
    table = _table(_read(store, ids))
    assert ("Personel 8", "hand") in [(n, b) for n, b, _l in table[("Kecamatan A1", 1)]]
    assert ("Personel 1", "hand") in [(n, b) for n, b, _l in table[("Kecamatan A2", 1)]]
    # The leader is the most senior: two Bripda, so the lower NRP (Personel 1 left).
    assert table[("Kecamatan A1", 1)][0] == ("Personel 6", "polsek", True)
    swap(store, ADMIN, op, stage, one, eight)  # swapped back by hand: both stay locked
    placed = {o.officer.name: o for pp in _read(store, ids).posts for o in pp.officers}
    assert placed["Personel 1"].locked and placed["Personel 8"].locked
    set_locked(store, ADMIN, op, stage, one, False, expected_version=placed["Personel 1"].version)
    with pytest.raises(StaleEdit):
        set_locked(store, ADMIN, op, stage, one, True, expected_version=1)
    # place() returns where the person was; handing it back restores basis and lock.
    a2 = next(pp.post.id for pp in _read(store, ids).posts if pp.post.kecamatan == "Kecamatan A2")
    before = place(store, ADMIN, op, stage, eight, None).before  # to the reserve
    assert "Personel 8" in {o.name for o in _read(store, ids).reserve}
    assert before.post_id == a2 and before.locked
    place(store, ADMIN, op, stage, eight, before.post_id, restore=before)
    placed = {o.officer.name: o for pp in _read(store, ids).posts for o in pp.officers}
    assert (placed["Personel 8"].basis, placed["Personel 8"].locked) == ("hand", True)


def _rows(store: Store, *people: int) -> dict[int, tuple[int, str, int | None, bool]]:
    """person -> their stored placement: (post, basis, from unit, locked)."""
    ga = GuardAssignment
    with store.read() as s:
        return {
            pid: (post, basis, unit, locked)
            for pid, post, basis, unit, locked in s.execute(
                select(ga.personnel_id, ga.post_id, ga.basis, ga.from_unit_id, ga.locked).where(
                    ga.personnel_id.in_(people)
                )
            )
        }


def test_a_swap_undone_puts_back_post_basis_and_lock(small: tuple[Store, Small]) -> None:
    """The undo hands the swap's ``before`` back as ``restore``: both automatic, unlocked
    placements come back as they were, not locked by hand; the redo swaps (and locks)."""
    store, ids = small
    op, stage = ids.operation_id, ids.stages["pemungutan"]
    plot(store, ADMIN, op, stage)
    one, eight = _nrp(store, "Personel 1"), _nrp(store, "Personel 8")
    start = _rows(store, one, eight)
    assert {(basis, locked) for _p, basis, _u, locked in start.values()} == {("polsek", False)}
    done = swap(store, ADMIN, op, stage, one, eight)
    swapped = _rows(store, one, eight)
    assert (swapped[one][0], swapped[eight][0]) == (start[eight][0], start[one][0])
    assert {(basis, locked) for _p, basis, _u, locked in swapped.values()} == {("hand", True)}
    undone = swap(
        store, ADMIN, op, stage, one, eight, restore=done.before, expected_versions=done.versions
    )
    assert _rows(store, one, eight) == start
    swap(store, ADMIN, op, stage, one, eight, expected_versions=undone.versions)  # the redo
    assert _rows(store, one, eight) == swapped


def test_a_swap_undo_after_another_change_is_refused_as_stale(
    small: tuple[Store, Small],
) -> None:
    """Someone else unlocked one of the two after the swap: its undo would overwrite that,
    so it is refused with the stale-edit sentence and nothing is written."""
    store, ids = small
    op, stage = ids.operation_id, ids.stages["pemungutan"]
    plot(store, ADMIN, op, stage)
    one, eight = _nrp(store, "Personel 1"), _nrp(store, "Personel 8")
    done = swap(store, ADMIN, op, stage, one, eight)
    set_locked(store, Actor("staf.lain", role="staff"), op, stage, eight, False)
    head, rows = _head(store), _rows(store, one, eight)
    back, versions = done.before, done.versions
    with pytest.raises(StaleEdit) as refused:
        swap(store, ADMIN, op, stage, one, eight, restore=back, expected_versions=versions)
    assert "staf.lain" in describe(refused.value, "id")
    assert (_head(store), _rows(store, one, eight)) == (head, rows)


OTHER = Actor("staf.lain", role="staff")


def _refused_as_stale(store: Store, write: Callable[[], object], *people: int) -> None:
    """``write`` refused with the stale-edit sentence naming the other user; the journal
    and the people's placements unchanged."""
    head, rows = _head(store), _rows(store, *people)
    with pytest.raises(StaleEdit) as refused:
        write()
    assert "sudah diubah oleh staf.lain" in describe(refused.value, "id")
    assert (_head(store), _rows(store, *people)) == (head, rows)


def test_a_placement_undone_and_redone_expects_the_row_it_left(
    small: tuple[Store, Small],
) -> None:
    """The undo and the redo of a hand placement hand back the row the last write left:
    with nobody else about they put it back and again; a row another user changed, set
    or removed meanwhile is refused as stale, nothing written."""
    store, ids = small
    op, stage = ids.operation_id, ids.stages["pemungutan"]
    plot(store, ADMIN, op, stage)
    p = _read(store, ids)
    one, eight = _nrp(store, "Personel 1"), _nrp(store, "Personel 8")
    a2 = next(pp.post.id for pp in p.posts if eight in {o.officer.id for o in pp.officers})
    start = _rows(store, one)

    def undo(person: int, done: HandPlaced, left: Seen) -> Callable[[], object]:
        was = done.before
        return lambda: place(
            store, ADMIN, op, stage, person, was.post_id, restore=was, expected=left
        )

    # Placed by hand and back, with nobody else about: as the plotting left it, and again.
    done = place(store, ADMIN, op, stage, one, a2)
    moved = _rows(store, one)
    back = undo(one, done, done.left)()
    assert isinstance(back, HandPlaced) and _rows(store, one) == start
    again = place(store, ADMIN, op, stage, one, a2, expected=back.left)
    assert _rows(store, one) == moved
    # Another user unlocks the row: the undo is refused.
    set_locked(store, OTHER, op, stage, one, False)
    _refused_as_stale(store, undo(one, done, again.left), one)
    # Sent to the reserve, then placed by another user: the undo is refused.
    off = place(store, ADMIN, op, stage, eight, None)
    place(store, OTHER, op, stage, eight, a2)
    _refused_as_stale(store, undo(eight, off, off.left), eight)
    # Placed by hand, then sent to the reserve by another user: the undo is refused.
    place(store, OTHER, op, stage, eight, None)
    on = place(store, ADMIN, op, stage, eight, a2)
    place(store, OTHER, op, stage, eight, None)
    _refused_as_stale(store, undo(eight, on, on.left), eight)


def test_a_lock_undone_expects_the_version_it_left(small: tuple[Store, Small]) -> None:
    """``set_locked`` returns the version it left: the undo expecting it turns the lock
    back; after another user's change the undo is refused as stale, nothing written."""
    store, ids = small
    op, stage = ids.operation_id, ids.stages["pemungutan"]
    plot(store, ADMIN, op, stage)
    one = _nrp(store, "Personel 1")
    version = set_locked(store, ADMIN, op, stage, one, True)
    version = set_locked(store, ADMIN, op, stage, one, False, expected_version=version)
    assert not _rows(store, one)[one][3]
    version = set_locked(store, ADMIN, op, stage, one, True, expected_version=version)
    set_locked(store, OTHER, op, stage, one, False)
    _refused_as_stale(
        store,
        lambda: set_locked(store, ADMIN, op, stage, one, False, expected_version=version),
        one,
    )


def _tps(store: Store, ids: Small) -> dict[int, int]:
    """TPS -> its post."""
    return {t.id: pp.post.id for pp in _read(store, ids).posts for t in pp.post.tps}


def test_a_tps_move_undone_after_another_move_is_refused_as_stale(
    small: tuple[Store, Small],
) -> None:
    """The undo and the redo of a move expect the TPS on the post the last write left it
    on: with nobody else about it goes back and again; moved on by another user, the undo
    is refused as stale naming them, nothing written."""
    store, ids = small
    op, stage = ids.operation_id, ids.stages["pemungutan"]
    plot(store, ADMIN, op, stage)
    a1 = [pp.post for pp in _read(store, ids).posts if pp.post.kecamatan == "Kecamatan A1"]
    tps, home, there, third = a1[0].tps[0].id, a1[0], a1[1], a1[2]
    start = _tps(store, ids)

    def move(to: int, version: int | None, on: int, on_version: int | None) -> Moved:
        return move_tps(store, ADMIN, op, stage, tps, to, reason="Akses jalan",
                        expected_version=version, expected_from=(on, on_version))  # fmt: skip

    m = move(there.id, there.version, home.id, home.version)
    moved = _tps(store, ids)
    back = move(home.id, m.from_version, there.id, m.to_version)  # the undo
    assert _tps(store, ids) == start
    again = move(there.id, back.from_version, home.id, back.to_version)  # the redo
    assert _tps(store, ids) == moved
    move_tps(store, OTHER, op, stage, tps, third.id, reason="Lain")
    head, shape = _head(store), _tps(store, ids)
    with pytest.raises(StaleEdit) as refused:
        move(home.id, again.from_version, there.id, again.to_version)
    assert "sudah diubah oleh staf.lain" in describe(refused.value, "id")
    assert (_head(store), _tps(store, ids)) == (head, shape)


def _stale_and_nothing_written(store: Store, ids: Small, write: Callable[[], object]) -> None:
    """``write`` refused as stale naming the other user; the journal and the TPS unmoved."""
    head, shape = _head(store), _tps(store, ids)
    with pytest.raises(StaleEdit) as refused:
        write()
    assert "sudah diubah oleh staf.lain" in describe(refused.value, "id")
    assert (_head(store), _tps(store, ids)) == (head, shape)


def test_a_split_undone_after_another_move_onto_its_post_is_refused(
    small: tuple[Store, Small],
) -> None:
    """A split's undo merges the new post back expecting just the TPS split off: with
    nobody else about they go back; a TPS another user moved onto it makes the undo
    refused as stale, nothing written."""
    store, ids = small
    op, stage = ids.operation_id, ids.stages["pemungutan"]
    a1 = [pp.post for pp in _read(store, ids).posts if pp.post.kecamatan == "Kecamatan A1"]
    big = next(p for p in a1 if len(p.tps) >= 2)
    other = next(p for p in a1 if p.id != big.id)
    start, off = _tps(store, ids), (big.tps[-1].id,)
    new = split_post(store, ADMIN, op, big.id, off, expected_version=big.version)
    merge_posts(store, ADMIN, op, big.id, new, reason="uji", expected_tps=off)
    assert _tps(store, ids) == start
    new = split_post(store, ADMIN, op, big.id, off)  # the redo
    move_tps(store, OTHER, op, stage, other.tps[0].id, new, reason="Lain")
    _stale_and_nothing_written(
        store,
        ids,
        lambda: merge_posts(store, ADMIN, op, big.id, new, reason="uji", expected_tps=off),
    )


def test_a_merge_redone_after_another_move_is_refused(small: tuple[Store, Small]) -> None:
    """A merge expects the merged post to hold the TPS seen; its redo, those its undo split
    off: a TPS another user moved off it (or onto it) since makes it refused as stale."""
    store, ids = small
    op, stage = ids.operation_id, ids.stages["pemungutan"]
    a1 = [pp.post for pp in _read(store, ids).posts if pp.post.kecamatan == "Kecamatan A1"]
    into, source = a1[0], next(p for p in a1[1:] if len(p.tps) >= 2)
    third = next(p for p in a1[1:] if p.id != source.id)
    seen = [t.id for t in source.tps]
    start = _tps(store, ids)
    moved = merge_posts(store, ADMIN, op, into.id, source.id, reason="uji", expected_tps=seen)
    assert sorted(moved) == sorted(seen)
    again = split_post(store, ADMIN, op, into.id, moved)  # the undo: a new post
    assert {t: p for t, p in _tps(store, ids).items() if t not in moved} == {
        t: p for t, p in start.items() if t not in moved
    }
    move_tps(store, OTHER, op, stage, moved[0], third.id, reason="Lain")
    _stale_and_nothing_written(
        store,
        ids,
        lambda: merge_posts(store, ADMIN, op, into.id, again, reason="uji", expected_tps=moved),
    )


def test_refusals_in_a_sentence_and_nothing_written(small: tuple[Store, Small]) -> None:
    store, ids = small
    op, stage = ids.operation_id, ids.stages["pemungutan"]
    plot(store, ADMIN, op, stage)
    p = _read(store, ids)
    first = p.posts[0]
    leader = first.officers[0].officer
    head, table = _head(store), _table(p)
    cases = [
        (lambda: place(store, ADMIN, op, stage, _nrp(store, "PNS Uji"), first.post.id),
         "not_eligible", "PNS Uji tidak dapat ditempatkan di pos"),
        (lambda: place(store, ADMIN, op, stage, _nrp(store, "Personel 7"), first.post.id),
         "not_eligible", "hanya personel Polri yang aktif"),
        (lambda: place(store, ADMIN, op, stage, leader.id, first.post.id),
         "same_post", "sudah berada di pos itu"),
        (lambda: swap(store, ADMIN, op, stage, leader.id, first.officers[1].officer.id),
         "same_post", "sudah berada di pos itu"),
        (lambda: swap(store, ADMIN, op, stage, leader.id, p.reserve[0].id),
         "not_placed", "belum ditempatkan di pos mana pun"),
    ]  # fmt: skip
    for call, reason, words in cases:
        with pytest.raises(PlotRefused) as refused:
            call()
        assert refused.value.data["reason"] == reason
        assert words in describe(refused.value, "id")
        assert "{" not in describe(refused.value, "en")
    assert (_head(store), _table(_read(store, ids))) == (head, table)


def test_an_officer_taken_off_a_full_post_is_dealt_again_in_the_same_run(
    small: tuple[Store, Small],
) -> None:
    """A post filled over its need by hand gives up its most junior unlocked officer, who
    may go to another post in the same run (the old row goes before the new one)."""
    store, ids = small
    op, stage = ids.operation_id, ids.stages["pemungutan"]
    plot(store, ADMIN, op, stage)
    p = _read(store, ids)
    b1 = [pp for pp in p.posts if pp.post.kecamatan == "Kecamatan B1"]
    # A reserve officer of Polres B onto B1's first post (now 3 of 2), and a gap on the
    # third post (its junior officer to the reserve, unlocked again).
    spare = next(o for o in p.reserve if o.unit_id == ids.units["PB"])
    place(store, ADMIN, op, stage, spare.id, b1[0].post.id)
    gone = b1[2].officers[-1].officer.id
    place(store, ADMIN, op, stage, gone, None)
    done = plot(store, ADMIN, op, stage)
    after = {
        pp.post.number: pp for pp in _read(store, ids).posts if pp.post.kecamatan == "Kecamatan B1"
    }
    assert [len(after[n].officers) for n in (1, 2, 3)] == [2, 2, 2]
    assert spare.id in {o.officer.id for o in after[1].officers}
    assert done.removed == 1 and done.placed == 1


def test_officers_follow_their_tps_when_posts_merge(small: tuple[Store, Small]) -> None:
    store, ids = small
    op, stage = ids.operation_id, ids.stages["pemungutan"]
    plot(store, ADMIN, op, stage)
    b1 = [pp for pp in _read(store, ids).posts if pp.post.kecamatan == "Kecamatan B1"]
    people = {o.officer.id for pp in b1[:2] for o in pp.officers}
    merge_posts(store, ADMIN, op, b1[0].post.id, b1[1].post.id, reason="Satu lokasi")
    merged = next(pp for pp in _read(store, ids).posts if pp.post.id == b1[0].post.id)
    assert {o.officer.id for o in merged.officers} == people
    assert merged.short == 0 and len(merged.officers) == merged.post.police == 4


def test_a_kompol_commands_and_is_not_dealt_to_a_tps(small: tuple[Store, Small]) -> None:
    """Rule 7: Polres A's staff AKP led a post of A2; made Kompol, he stays in the reserve
    and the other AKP of the Polres takes his place."""
    from opscenter.model import Rank
    from opscenter.plotting.pools import COMMAND_RANKS
    from opscenter.reference import by_code

    store, ids = small
    with store.transaction(ADMIN, "test.setup") as s:
        kompol = by_code(s, Rank, ids.operation_id)["kompol"]
        s.get_one(Personnel, _nrp(store, "Personel 11")).rank_id = kompol.id
    plot(store, ADMIN, ids.operation_id, ids.stages["pemungutan"])
    p = _read(store, ids)
    table = _table(p)
    assert table[("Kecamatan A2", 2)][0] == ("Personel 12", "polres", True)
    assert "Personel 11" in {o.name for o in p.reserve}
    # The reserve offers those who guard first and the commanders after them all (the walk:
    # a Polda's Irjen and Brigjen headed the list a TPS is filled from).
    commands = [o.rank_code in COMMAND_RANKS for o in p.reserve]
    assert commands == sorted(commands) and commands[-1] and not commands[0]
    assert p.reserve[-1].name == "Personel 11"
    # By hand he may still be placed.
    post = next(pp.post.id for pp in p.posts if pp.post.kecamatan == "Kecamatan B1")
    place(
        store, ADMIN, ids.operation_id, ids.stages["pemungutan"], _nrp(store, "Personel 11"), post
    )


def test_a_bko_of_a_number_lends_guards_before_commanders(small: tuple[Store, Small]) -> None:
    """Rule 3 with rule 7: Sat Brimob lends five to Polsek A1 for voting day. Its two lowest
    NRPs made Kompol (who command, and are never dealt) stay home: the five lent are five
    guards, so A1 takes four of them and Polres A's staff AKP is not needed there."""
    from opscenter.model import Rank
    from opscenter.reference import by_code

    store, ids = small
    with store.transaction(ADMIN, "test.setup") as s:
        kompol = by_code(s, Rank, ids.operation_id)["kompol"]
        for name in ("Personel 23", "Personel 24"):  # Sat Brimob's first two by NRP
            s.get_one(Personnel, _nrp(store, name)).rank_id = kompol.id
    plot(store, ADMIN, ids.operation_id, ids.stages["pemungutan"])
    p = _read(store, ids)
    a1 = [row for (kec, _n), rows in _table(p).items() if kec == "Kecamatan A1" for row in rows]
    lent = {name for name, basis, _leader in a1 if basis == "bko"}
    assert len(lent) == 4 and lent <= {f"Personel {n}" for n in range(25, 30)}
    assert {"Personel 23", "Personel 24", "Personel 12"} <= {o.name for o in p.reserve}
