"""The readiness matrix: judgements over what the data suggests, rolled up to the Polda."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import func, select

from opscenter.actor import Actor
from opscenter.errors import InvalidValue, NotFound, StaleEdit
from opscenter.model import JournalEntry, JournalTxn, ReadinessAspect, ReadinessJudgement
from opscenter.permissions import NotPermitted
from opscenter.readiness.budget_figures import BudgetFigures
from opscenter.readiness.judgements import JudgementValue, clear_judgement, set_judgement
from opscenter.readiness.matrix import AspectRef, assemble, readiness, worst
from opscenter.readiness.sarpras_figures import SarprasLine
from opscenter.readiness.sources import Sources
from opscenter.readiness.visits import FindingRow
from opscenter.reference import by_code
from opscenter.store import Store, open_store
from opscenter.strength import Strength
from tests.builders import ADMIN, Small, build_small_operation

STAFF = Actor("bagops.uji", role="staff")
OPERATOR = Actor("piket.uji", role="operator")
TODAY = date(2024, 11, 20)


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


def _aspects(store: Store, small: Small) -> dict[str, int]:
    with store.read() as s:
        return {c: a.id for c, a in by_code(s, ReadinessAspect, small.operation_id).items()}


# -- the pure roll-up, computed by hand ----------------------------------------------------------


def Line(required: int | None, deficit: int) -> SarprasLine:
    """A sarpras line ``deficit`` short of ``required`` (all held in good order)."""
    held = (required or 0) - deficit
    return SarprasLine(0, 0, "x", "X", "posko", "unit", held, 0, 0, True, None, required)


def Money(need: int, pagu: int) -> BudgetFigures:
    return BudgetFigures(0, need, pagu, 0, {})


def Finding(aspect_id: int, status: str, due_on: date | None) -> FindingRow:
    return FindingRow(
        0, 1, 0, 0, aspect_id, "", "temuan", None, None, due_on, status, None, None, TODAY
    )


PERSONEL = AspectRef(1, "personel", "Personel", "personel", 1)
SARPRAS = AspectRef(2, "sarpras", "Sarana prasarana", "sarpras", 2)
ANGGARAN = AspectRef(3, "anggaran", "Anggaran", "anggaran", 3)
LATIHAN = AspectRef(4, "latihan", "Latihan pra operasi", None, 4)


def test_levels_from_the_data_and_their_roll_up_by_hand() -> None:
    strength = {
        # 20 needed, 19 available: short 1 = 5 % <= 10 % -> catatan
        10: Strength(10, "Polres X", police_required=20, police_assigned=19),
        # 20 needed, 17 available: short 3 = 15 % -> belum
        11: Strength(11, "Polres Y", police_required=20, police_assigned=17),
    }
    sources = Sources(
        sarpras={
            # worst line: 2 short of 10 = 20 % -> catatan (a line with no rule is not read)
            10: (Line(10, 2), Line(4, 0), Line(None, 0)),
            # 0 short -> siap
            11: (Line(5, 0),),
        },
        budget={10: Money(need=1_000, pagu=1_000), 11: Money(need=1_000, pagu=799)},
        findings={
            # X: an open finding on latihan, not yet due -> catatan; a closed one ignored
            10: (Finding(4, "proses", date(2024, 11, 25)), Finding(4, "selesai", None)),
            # Y: due yesterday and still open -> belum, even on an aspect data says siap
            11: (Finding(2, "terbuka", date(2024, 11, 19)),),
        },
    )
    m = assemble(
        operation_id=1,
        top=None,
        today=TODAY,
        stage=(None, None),
        aspects=(PERSONEL, SARPRAS, ANGGARAN, LATIHAN),
        units=[(10, "x", "Polres X", "polres"), (11, "y", "Polres Y", "polres")],
        judged={},
        sources=sources,
        strength=strength,
    )
    x, y = m.units
    assert [x.cells[a].derived for a in (1, 2, 3, 4)] == ["catatan", "catatan", "siap", "catatan"]
    # Y: budget 799 of 1,000 = 79.9 % < 80 % -> belum; sarpras overdue finding -> belum
    assert [y.cells[a].derived for a in (1, 2, 3, 4)] == ["belum", "belum", "belum", None]
    assert y.cells[2].reasons == ("sarpras_ok", "finding_overdue")
    assert (y.cells[2].open_findings, y.cells[2].overdue_findings) == (1, 1)
    assert x.level == "catatan" and y.level == "belum"
    # Roll-up: per aspect the worst and the count at each level ("" = no level).
    assert m.rollup[1].level == "belum" and m.rollup[1].counts == {"catatan": 1, "belum": 1}
    assert m.rollup[3].counts == {"siap": 1, "belum": 1}
    assert m.rollup[4].level == "catatan" and m.rollup[4].counts == {"catatan": 1, "": 1}
    assert m.rollup[2].overdue_findings == 1
    assert m.level == "belum"


def test_worst_ignores_what_is_not_known() -> None:
    assert worst([None, "siap", "catatan", None]) == "catatan"
    assert worst([None]) is None


# -- from the database ---------------------------------------------------------------------------


def test_the_matrix_lists_the_polres_then_the_poldas_own_units(store: Store, small: Small) -> None:
    with store.read() as s:
        m = readiness(s, small.operation_id, today=TODAY)
    assert [u.name for u in m.units] == ["Polres A", "Polres B", "Sat Brimob", "Satgas Preventif"]
    assert m.polda_name == "Polda Uji"
    assert [a.code for a in m.aspects][:3] == ["personel", "sarpras", "anggaran"]
    assert len(m.aspects) == 8


def test_personnel_readiness_follows_the_stage_plan(store: Store, small: Small) -> None:
    aspects = _aspects(store, small)
    with store.read() as s:
        voting = readiness(s, small.operation_id, today=TODAY)
        campaign = readiness(s, small.operation_id, stage_id=small.stages["kampanye"], today=TODAY)
    a = small.units["PA"]
    # Voting day: Polres A needs 14 and has 11 of its own + 5 BKO from Brimob = 16 -> siap.
    assert voting.unit(a).cells[aspects["personel"]].derived == "siap"
    # Without that BKO: 11 of 14, short 3 = 21 % -> belum.
    assert campaign.unit(a).cells[aspects["personel"]].derived == "belum"
    assert campaign.unit(a).cells[aspects["personel"]].reasons == ("personel_deficit",)
    # An aspect no data speaks for has no level until someone judges it.
    assert voting.unit(a).cells[aspects["latihan"]].level is None


def test_a_judgement_overrides_the_data_and_both_stay_visible(store: Store, small: Small) -> None:
    aspects = _aspects(store, small)
    a = small.units["PA"]
    j = set_judgement(
        store,
        STAFF,
        small.operation_id,
        JudgementValue(a, aspects["personel"], "catatan", " 3 personel cuti sakit ", "apel 19/11"),
    )
    assert (j.level, j.note, j.evidence, j.set_by) == (
        "catatan",
        "3 personel cuti sakit",
        "apel 19/11",
        "bagops.uji",
    )
    with store.read() as s:
        cell = readiness(s, small.operation_id, today=TODAY).unit(a).cells[aspects["personel"]]
    assert cell.level == "catatan" and cell.derived == "siap" and cell.overridden
    # Cleared: the data speaks again; the journal holds both changes.
    before = clear_judgement(store, STAFF, j.id, expected_version=j.version)
    assert before == j
    with store.read() as s:
        cell = readiness(s, small.operation_id, today=TODAY).unit(a).cells[aspects["personel"]]
        actions = [
            tuple(row)
            for row in s.execute(
                select(JournalTxn.action, JournalEntry.action)
                .join(JournalTxn, JournalTxn.id == JournalEntry.txn_id)
                .where(JournalEntry.entity == "readiness_judgement")
                .order_by(JournalEntry.seq)
            )
        ]
    assert cell.judgement is None and cell.level == "siap"
    assert actions == [("readiness.judge", "insert"), ("readiness.unjudge", "delete")]


def _count(store: Store) -> int:
    with store.read() as s:
        return int(s.scalar(select(func.count()).select_from(ReadinessJudgement)) or 0)


def test_refusals_leave_nothing_behind(store: Store, small: Small) -> None:
    aspects = _aspects(store, small)
    a = small.units["PA"]
    with pytest.raises(InvalidValue) as no_note:
        set_judgement(
            store, STAFF, small.operation_id, JudgementValue(a, aspects["posko"], "belum", "  ")
        )
    assert no_note.value.data["reason"] == "readiness_note_needed"
    with pytest.raises(InvalidValue):
        set_judgement(store, STAFF, small.operation_id, JudgementValue(a, aspects["posko"], "ok"))
    with pytest.raises(NotFound):
        set_judgement(store, STAFF, small.operation_id, JudgementValue(a, 99_999, "siap"))
    with pytest.raises(NotPermitted):
        set_judgement(
            store, OPERATOR, small.operation_id, JudgementValue(a, aspects["posko"], "siap")
        )
    assert _count(store) == 0


def test_a_judgement_set_meanwhile_by_someone_else_is_not_overwritten(
    store: Store, small: Small
) -> None:
    aspects = _aspects(store, small)
    cell = JudgementValue(small.units["PB"], aspects["posko"], "siap")
    first = set_judgement(store, ADMIN, small.operation_id, cell)
    # A second screen still showed the cell empty.
    with pytest.raises(StaleEdit):
        set_judgement(
            store,
            STAFF,
            small.operation_id,
            JudgementValue(cell.unit_id, cell.aspect_id, "belum", "genset rusak"),
        )
    # With the version it saw, the change goes through.
    second = set_judgement(
        store,
        STAFF,
        small.operation_id,
        JudgementValue(cell.unit_id, cell.aspect_id, "belum", "genset rusak"),
        expected_version=first.version,
    )
    assert second.level == "belum" and second.version == first.version + 1


def test_the_top_commands_own_cell_counts_in_the_roll_up() -> None:
    """The Polda's own budget (the hibah it holds) speaks in its row; a Polsek whose money
    is held by its Polres has no budget level of its own."""
    sources = Sources(
        budget={
            1: Money(need=1_000, pagu=500),  # the top: half its need -> belum
            10: Money(need=400, pagu=0),  # paid from above: no level
        }
    )
    m = assemble(
        operation_id=1,
        top=(1, "polres-uji", "Polres Uji", "polres"),
        today=TODAY,
        stage=(None, None),
        aspects=(ANGGARAN,),
        units=[(10, "polsek-x", "Polsek X", "polsek")],
        judged={},
        sources=sources,
        strength={},
    )
    assert m.units[0].cells[3].level is None
    assert m.top is not None and m.top.cells[3].derived == "belum"
    assert m.rollup[3].level == "belum" and m.rollup[3].counts == {"": 1}
    assert (m.polda_id, m.polda_name) == (1, "Polres Uji")


def test_a_reread_after_a_judgement_reuses_the_strength_it_had(store: Store, small: Small) -> None:
    """At national scale the strength's inputs are 435,000 TPS and 400,000 personnel: a
    judgement does not move them, so the matrix read after it keeps them."""
    aspects = _aspects(store, small)
    with store.read() as s:
        first = readiness(s, small.operation_id, today=TODAY)
    set_judgement(
        store,
        STAFF,
        small.operation_id,
        JudgementValue(small.units["PB"], aspects["posko"], "belum", "genset rusak"),
    )
    with store.read() as s:
        after_judgement = readiness(
            s, small.operation_id, today=TODAY, reuse=first, changed=["readiness_judgement"]
        )
        after_transfer = readiness(
            s, small.operation_id, today=TODAY, reuse=first, changed=["personnel"]
        )
    assert after_judgement.inputs is first.inputs
    assert after_judgement.strength is first.strength
    assert after_judgement.unit(small.units["PB"]).cells[aspects["posko"]].level == "belum"
    assert after_transfer.inputs is not first.inputs
    assert first.inputs is not None and after_transfer.inputs is not None
    assert after_transfer.inputs.tps_groups is first.inputs.tps_groups  # only personnel re-read
