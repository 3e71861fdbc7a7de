"""The stages view's data on the Jambi demo, checked against plain SQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import text

from opscenter import stage_view
from opscenter.demo import load_demo
from opscenter.store import Store, open_store

# 21:30 WIB on Tuesday 26 November 2024: the last evening of the quiet period (H-1).
MASA_TENANG_EVENING = datetime(2024, 11, 26, 14, 30, tzinfo=UTC)
VOTING_MORNING = datetime(2024, 11, 27, 0, 30, tzinfo=UTC)  # 07:30 WIB


@pytest.fixture(scope="module")
def jambi(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    url = f"sqlite:///{tmp_path_factory.mktemp('jambi') / 'jambi.db'}"
    store = open_store(url)
    load_demo(store, "jambi")
    try:
        yield store
    finally:
        store.dispose()


def test_timeline_in_the_quiet_period(jambi: Store) -> None:
    with jambi.read() as s:
        tl = stage_view.timeline(s, now=MASA_TENANG_EVENING)
    assert tl.today == date(2024, 11, 26)
    assert tl.current is not None and tl.current.code == "masa-tenang"
    assert tl.days_to_voting == 1
    assert tl.stages[0].code == "pendaftaran"
    assert tl.stages[-1].code == "pelantikan"
    voting = next(st for st in tl.stages if st.is_voting)
    # Voting day runs from 00:00 WIB (17:00 UTC the day before) for 24 hours.
    assert voting.starts_at == datetime(2024, 11, 26, 17, 0, tzinfo=UTC)
    assert voting.ends_at == datetime(2024, 11, 27, 17, 0, tzinfo=UTC)
    undated = [st for st in tl.stages if not st.dated]
    assert [st.code for st in undated] == ["penetapan-terpilih"]
    assert undated[0].starts_at is None and undated[0].ends_at is None


def test_voting_day_wins_over_counting(jambi: Store) -> None:
    with jambi.read() as s:
        tl = stage_view.timeline(s, now=VOTING_MORNING)
    assert tl.current is not None and tl.current.code == "pemungutan"
    assert tl.days_to_voting == 0


def test_ratings_matrix_matches_sql(jambi: Store) -> None:
    with jambi.read() as s:
        tl = stage_view.timeline(s, now=MASA_TENANG_EVENING)
        voting = next(st for st in tl.stages if st.code == "pemungutan")
        m = stage_view.stage_ratings(s, tl.operation_id, voting.id)
        sql = s.execute(
            text(
                "SELECT r.name, a.code, l.code, vr.source, vr.score"
                " FROM vulnerability_rating vr"
                " JOIN region r ON r.id = vr.region_id"
                " JOIN aspect a ON a.id = vr.aspect_id"
                " JOIN vulnerability_level l ON l.id = vr.level_id"
                " WHERE vr.stage_id = :stage AND r.level = 'kabkota'"
            ),
            {"stage": voting.id},
        ).all()
    regions = {r.id: r.name for r in m.regions}
    aspects = {a.id: a.code for a in m.aspects}
    levels = {lv.id: lv.code for lv in m.levels}
    got = {
        (regions[rid], aspects[aid], levels[r.level_id], src, r.score)
        for (rid, aid, src), r in m.cells.items()
    }
    assert got == {tuple(row) for row in sql}
    polri = {(reg, asp): lvl for reg, asp, lvl, src, _ in got if src == "polri"}
    assert polri["Kabupaten Kerinci", "keamanan"] == "tinggi"
    assert polri["Kota Sungai Penuh", "keamanan"] == "tinggi"
    assert polri["Kabupaten Batanghari", "keamanan"] != "tinggi"
    # Bawaslu's index is there too, for the same regions, and kept apart by source.
    bawaslu = {reg: score for reg, _, _, src, score in got if src == "bawaslu"}
    assert bawaslu["Kabupaten Kerinci"] == pytest.approx(71.2)
    assert len(bawaslu) == len(m.regions) == 11


def test_ratings_by_id_reads_only_what_exists(jambi: Store) -> None:
    with jambi.read() as s:
        tl = stage_view.timeline(s, now=MASA_TENANG_EVENING)
        ids = [row[0] for row in s.execute(text("SELECT id FROM vulnerability_rating LIMIT 3"))]
        found = stage_view.ratings_by_id(s, tl.operation_id, [*ids, 10_000_000])
    assert set(found) == set(ids)
    assert stage_view.ratings_by_id(s, tl.operation_id, []) == {}
