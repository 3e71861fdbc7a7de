"""Reference names in the reader's language: English where a row has one, else Indonesian."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from opscenter import board, incident_choices, overview, stage_view, units
from opscenter.model import Severity, Stage
from opscenter.reference import by_code, label
from opscenter.store import Store, open_store
from tests.builders import ADMIN, Small, build_small_operation


@pytest.fixture
def small(sqlite_url: str) -> Iterator[tuple[Store, Small]]:
    store = open_store(sqlite_url)
    yield store, build_small_operation(store)
    store.dispose()


def test_label_takes_the_english_name_only_for_english_and_only_when_there_is_one() -> None:
    assert label("Siaga", "Standby", "en") == "Standby"
    assert label("Siaga", "Standby", "id") == "Siaga"
    assert label("Siaga", None, "en") == "Siaga"  # a row staff added without an English name
    assert label("Siaga", "", "en") == "Siaga"


def test_the_board_in_english_names_statuses_severities_categories_and_the_stage(
    small: tuple[Store, Small],
) -> None:
    store, op = small
    units.set_status(store, ADMIN, op.units["PA"], op.statuses["di-lokasi"])
    with store.transaction(ADMIN, "test.setup") as s:
        # A severity staff added later, with no English name.
        by_code(s, Severity, op.operation_id)["kritis"].name_en = None
    with store.read() as s:
        voting = s.get(Stage, op.stages["pemungutan"])
        en = board.load_board(s, op.operation_id, voting, figures=False, lang="en")
        default = board.load_board(s, op.operation_id, voting, figures=False)
        assert voting is not None and voting.name_en
        stage_en = voting.name_en
    assert [x.name for x in en.severities] == ["Minor", "Moderate", "Serious", "Kritis"]
    assert [x.name for x in default.severities] == ["Ringan", "Sedang", "Berat", "Kritis"]
    assert en.statuses[0].name == "Standby" and default.statuses[0].name == "Siaga"
    assert en.categories[0].name == "Low risk"
    assert en.stage_name == stage_en and default.stage_name == "Pemungutan suara"
    assert en.by_id()[op.units["PA"]].status_name == "On site"
    assert default.by_id()[op.units["PA"]].status_name == "Di lokasi"
    # A live re-read keeps the board's language.
    with store.read() as s:
        (row,) = board.reload_units(s, [op.units["PA"]], lang="en")
    assert row.status_name == "On site"


def test_overview_incident_log_and_stages_in_english(small: tuple[Store, Small]) -> None:
    store, op = small
    with store.read() as s:
        ov = overview.build(s, strength=False, lang="en")
        assert list(ov.incidents_open) == ["Minor", "Moderate", "Serious", "Critical"]
        assert "Ringan" in overview.build(s, strength=False).incidents_open
        choices = incident_choices.choices(s, op.operation_id, lang="en")
        assert [c.name for c in choices.statuses] == ["New", "In hand", "Closed"]
        assert [c.code for c in choices.statuses] == ["baru", "ditangani", "selesai"]
        tl = stage_view.timeline(s, lang="en")
        voting = next(st for st in tl.stages if st.is_voting)
        assert voting.name == voting.name_en != "Pemungutan suara"
        matrix = stage_view.stage_ratings(s, op.operation_id, voting.id, lang="en")
        assert [lv.name for lv in matrix.levels] == ["Low", "Medium", "High"]
        assert matrix.aspects[0].name == "Political"
