"""The units board's data: figures rolled up the tree, grouped queries, precise re-reads."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import event, select

from opscenter import board, incidents, units
from opscenter.model import IncidentType, Personnel, Severity, Stage, Unit
from opscenter.reference import by_code
from opscenter.store import Store, open_store
from opscenter.strength_inputs import required_strength
from tests.builders import ADMIN, Small, build_small_operation


@pytest.fixture
def small(sqlite_url: str) -> Iterator[tuple[Store, Small]]:
    store = open_store(sqlite_url)
    yield store, build_small_operation(store)
    store.dispose()


def _voting(store: Store, small: Small) -> board.Board:
    with store.read() as s:
        return board.load_board(s, small.operation_id, s.get(Stage, small.stages["pemungutan"]))


def test_rows_come_parents_first_with_the_strength_of_the_stage(
    small: tuple[Store, Small],
) -> None:
    store, op = small
    b = _voting(store, op)
    order = [r.id for r in b.rows]
    assert len(order) == len(op.units)
    for r in b.rows:  # a parent always comes before its children
        if r.parent_id is not None:
            assert order.index(r.parent_id) < order.index(r.id)
    rows = b.by_id()
    with store.read() as s:
        report = required_strength(s, op.operation_id, s.get(Stage, op.stages["pemungutan"]))
    for key in ("POLDA", "PA", "PA1", "PB", "BRIMOB"):
        st = report.by_unit[op.units[key]]
        f = rows[op.units[key]].figures
        assert (f.police_required, f.police_available, f.bko_in, f.bko_out) == (
            st.police_required,
            st.police_available,
            st.bko_in,
            st.bko_out,
        )
    # Polres A by hand (tests/builders.py): needs 14, has 11 + 5 BKO on voting day.
    pa = rows[op.units["PA"]]
    assert (pa.police_required, pa.police_available, pa.balance) == (14, 16, 2)
    # TPS per category in the order of the categories, rolled up Polsek -> Polres -> Polda.
    codes = [c.code for c in b.categories]
    assert dict(zip(codes, pa.figures.tps, strict=True)) == {
        "kurang-rawan": 17,
        "rawan": 3,
        "sangat-rawan": 1,
        "khusus": 1,
    }
    assert rows[op.units["POLDA"]].figures.tps_total == 27
    assert rows[op.units["PA1"]].status_name == "Siaga"
    assert rows[op.units["PA1"]].status_colour == "#2e7d32"


def test_open_incidents_count_once_per_subtree_by_severity(small: tuple[Store, Small]) -> None:
    store, op = small
    with store.read() as s:
        severity = by_code(s, Severity, op.operation_id)
        kind = next(iter(by_code(s, IncidentType, op.operation_id).values()))
    when = datetime(2024, 11, 20, 3, tzinfo=UTC)

    def log(sev: str, unit_keys: tuple[str, ...], region: str | None = None) -> int:
        draft = incidents.IncidentDraft(
            operation_id=op.operation_id,
            type_id=kind.id,
            severity_id=severity[sev].id,
            title=f"Uji {sev}",
            occurred_at=when,
            region_id=op.regions[region] if region else None,
            unit_ids=tuple(op.units[k] for k in unit_keys),
        )
        return incidents.record(store, ADMIN, draft)

    log("berat", ("PA", "PA1"))  # both the Polres and its Polsek responded: one incident
    log("ringan", ("PA2",))
    closed = log("kritis", ("PA1",))
    incidents.set_status(store, ADMIN, closed, "selesai", None)

    b = _voting(store, op)
    rows = b.by_id()
    codes = [s.code for s in b.severities]

    def counts(key: str) -> dict[str, int]:
        return {
            c: n for c, n in zip(codes, rows[op.units[key]].figures.incidents, strict=True) if n
        }

    assert counts("PA1") == {"berat": 1}
    assert counts("PA") == {"berat": 1, "ringan": 1}
    assert counts("POLDA") == {"berat": 1, "ringan": 1}
    assert counts("PB") == {}

    # Logged with no unit (the TPS watch's "g" left the units blank): the walk saw the
    # summary strip count it and the board not. It counts at the top until a unit is named.
    unhandled = log("sedang", ())
    rows = _voting(store, op).by_id()
    assert counts("POLDA") == {"berat": 1, "sedang": 1, "ringan": 1}
    assert counts("PA") == {"berat": 1, "ringan": 1}
    incidents.set_units(store, ADMIN, unhandled, (op.units["PB"],))
    rows = _voting(store, op).by_id()
    assert counts("POLDA") == {"berat": 1, "sedang": 1, "ringan": 1}  # once, not twice
    assert counts("PB") == {"sedang": 1}

    # With no unit but a place (the walk: Berat in "Kota Jambi", Polresta Jambi's row 0): at
    # the unit whose area holds it, up the tree, and nowhere else. A desa of kecamatan A2:
    # Polsek A2, Polres A and the Polda; kab/kota B itself: Polres B and the Polda.
    log("kritis", (), "A2a")
    log("kritis", (), "B")
    rows = _voting(store, op).by_id()
    assert counts("PA2") == {"kritis": 1, "ringan": 1}
    assert counts("PA") == {"berat": 1, "ringan": 1, "kritis": 1}
    assert counts("PA1") == {"berat": 1}
    assert counts("PB") == {"sedang": 1, "kritis": 1}
    assert counts("PB1") == {}
    assert counts("POLDA") == {"berat": 1, "sedang": 1, "ringan": 1, "kritis": 2}


def test_load_board_uses_the_same_few_queries_whatever_the_number_of_units(
    small: tuple[Store, Small],
) -> None:
    store, op = small

    def statements() -> int:
        seen: list[str] = []

        def note(*args: object) -> None:
            # Queries only: the personnel count runs on a connection of its own
            # (``strength_inputs.beside``), whose BEGIN and cache-size PRAGMAs are no reads of data.
            if str(args[2]).lstrip().upper().startswith("SELECT"):
                seen.append(str(args[2]))

        event.listen(store.engine, "before_cursor_execute", note)
        try:
            _voting(store, op)
        finally:
            event.remove(store.engine, "before_cursor_execute", note)
        return len(seen)

    before = statements()
    with store.transaction(ADMIN, "test.more_units") as s:
        for i in range(40):
            s.add(Unit(operation_id=op.operation_id, tree="territorial", kind="polsek",
                       code=f"extra-{i}", name=f"Polsek Tambahan {i}",
                       parent_id=op.units["PB"]))  # fmt: skip
    assert statements() == before
    assert before < 20


def test_reload_units_reads_only_the_named_units_and_keeps_their_figures(
    small: tuple[Store, Small],
) -> None:
    store, op = small
    b = _voting(store, op)
    pa1 = b.by_id()[op.units["PA1"]]
    units.set_status(store, ADMIN, pa1.id, op.statuses["di-lokasi"], reason="Ke TPS 3")
    figures = {r.id: r.figures for r in b.rows}
    with store.read() as s:
        (fresh,) = board.reload_units(s, [pa1.id], figures=figures)
        assert board.reload_units(s, [pa1.id], operation_id=op.operation_id + 1) == []
        bare = board.reload_units(s, [pa1.id, 999_999])
    assert fresh.status_name == "Di lokasi"
    assert fresh.status_reason == "Ke TPS 3"
    assert fresh.status_changed_by == ADMIN.username
    assert fresh.version == pa1.version + 1
    assert fresh.figures == pa1.figures
    assert [r.id for r in bare] == [pa1.id]
    assert bare[0].figures == board.NO_FIGURES


def test_board_now_follows_the_current_stage(small: tuple[Store, Small]) -> None:
    store, op = small
    with store.read() as s:
        quiet = board.load_board_now(s, datetime(2024, 11, 24, 20, tzinfo=UTC))
        voting = board.load_board_now(s, datetime(2024, 11, 27, 3, tzinfo=UTC))
    assert quiet.stage_name == "Masa tenang"
    assert voting.stage_name == "Pemungutan suara"
    # The Brimob loan to Polsek A1 is tagged to voting day only.
    assert voting.by_id()[op.units["PA1"]].figures.bko_in == 5
    assert quiet.by_id()[op.units["PA1"]].figures.bko_in == 0


def test_refresh_figures_reads_again_only_what_the_changes_move(
    small: tuple[Store, Small],
) -> None:
    store, op = small
    with store.read() as s:
        stage = s.get(Stage, op.stages["pemungutan"])
        b = board.load_board(s, op.operation_id, stage, figures=False)
        _, source = board.refresh_figures(s, op.operation_id, stage, b.categories, b.severities)
    with store.transaction(ADMIN, "test.transfer") as s:
        person = s.scalars(
            select(Personnel).where(Personnel.operation_id == op.operation_id).limit(1)
        ).one()
        person.assigned_unit_id = op.units["PB1"]
    seen: list[str] = []

    def note(*args: object) -> None:
        seen.append(str(args[2]))

    event.listen(store.engine, "before_cursor_execute", note)
    try:
        with store.read() as s:
            stage = s.get(Stage, op.stages["pemungutan"])
            again, source = board.refresh_figures(
                s, op.operation_id, stage, b.categories, b.severities,
                previous=source, changed={"personnel"},
            )  # fmt: skip
    finally:
        event.remove(store.engine, "before_cursor_execute", note)
    assert not [q for q in seen if "polling_station" in q]  # the TPS were not counted again
    assert again == {r.id: r.figures for r in _voting(store, op).rows}  # as a whole new load


def test_unrated_tps_are_counted_apart_and_at_the_strictest_pattern(
    small: tuple[Store, Small],
) -> None:
    """Issue 18: two of Polsek B1's five rawan TPS (2-2-4: 6 police) lose their category.
    The three rated need 2 * ceil(3 / 2) = 4, the two unrated 2 * 2 = 4 at 2-1-2: 8."""
    from opscenter.model import PollingStation

    store, op = small
    pb1 = op.units["PB1"]
    assert _voting(store, op).by_id()[pb1].figures.police_required == 6
    with store.transaction(ADMIN, "test.unrate") as s:
        for ps in s.scalars(select(PollingStation).where(PollingStation.unit_id == pb1).limit(2)):
            ps.category_id = None
    rows = _voting(store, op).by_id()
    for key in ("PB1", "PB"):
        f = rows[op.units[key]].figures
        assert (f.unrated, f.tps_total, f.police_required) == (2, 5, 8)
    assert rows[op.units["POLDA"]].figures.unrated == 2
    assert rows[op.units["PA"]].figures.unrated == 0
