"""The exercise clock: the operation's present runs from a chosen moment with the real time
elapsed; what really happened on this computer (the journal) keeps the real time."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from opscenter import clock, exercise, incidents, overview, stage_view
from opscenter.model import Incident, IncidentType, JournalTxn, Severity
from opscenter.reference import by_code
from opscenter.store import Store, open_store
from tests.builders import ADMIN, Small, build_small_operation

VOTING_NIGHT = datetime(2024, 11, 27, 13, 0, tzinfo=UTC)  # 20:00 WIB


class Ticks:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds


@pytest.fixture(autouse=True)
def real_time_after() -> Iterator[None]:
    yield
    clock.use_real()


@pytest.fixture
def small(sqlite_url: str) -> Iterator[tuple[Store, Small]]:
    store = open_store(sqlite_url)
    try:
        yield store, build_small_operation(store)
    finally:
        store.dispose()


def _log(store: Store, op: Small, title: str, occurred_at: datetime) -> int:
    """An incident of the small operation ("sedang", its first type), recorded now."""
    with store.read() as s:
        severity = by_code(s, Severity, op.operation_id)["sedang"]
        kind = next(iter(by_code(s, IncidentType, op.operation_id).values()))
    return incidents.record(
        store,
        ADMIN,
        incidents.IncidentDraft(
            operation_id=op.operation_id,
            type_id=kind.id,
            severity_id=severity.id,
            title=title,
            occurred_at=occurred_at,
        ),
    )


def test_simulated_time_runs_on_from_its_start() -> None:
    ticks = Ticks()
    assert clock.exercise() is None
    clock.simulate(VOTING_NIGHT, monotonic=ticks)
    assert clock.now() == VOTING_NIGHT
    ticks.seconds += 90.5
    assert clock.now() == VOTING_NIGHT + timedelta(seconds=90.5)
    assert abs(clock.real_now() - datetime.now(UTC)) < timedelta(seconds=5)
    clock.use_real()
    assert abs(clock.now() - datetime.now(UTC)) < timedelta(seconds=5)


def test_a_start_must_be_aware() -> None:
    with pytest.raises(ValueError, match="aware"):
        clock.simulate(datetime(2024, 11, 27, 20, 0))


def test_what_is_recorded_lands_in_the_exercise_and_the_journal_stays_real(
    small: tuple[Store, Small],
) -> None:
    """An incident logged during the exercise: recorded on the exercise's night (the board,
    the 'since' filters and the report read it there), its occurrence at 19:30 is not "in
    the future" although the real calendar is years later; the journal's ``at`` says when
    the button was really pressed."""
    store, op = small
    ticks = Ticks()
    clock.simulate(VOTING_NIGHT, monotonic=ticks)
    ticks.seconds += 60
    before = datetime.now(UTC)
    number = _log(store, op, "Kotak suara rusak", VOTING_NIGHT - timedelta(minutes=30))
    with store.read() as s:
        inc = s.get(Incident, number)
        assert inc is not None
        assert inc.recorded_at == VOTING_NIGHT + timedelta(seconds=60)
        txn = s.scalars(select(JournalTxn).where(JournalTxn.action == "incident.record")).one()
        assert before - timedelta(seconds=1) <= txn.at <= datetime.now(UTC)


def test_an_incident_after_the_exercises_present_is_in_the_future(
    small: tuple[Store, Small],
) -> None:
    """The check against the future is the exercise's present too."""
    from opscenter.errors import InvalidValue

    store, op = small
    clock.simulate(VOTING_NIGHT, monotonic=Ticks())
    with pytest.raises(InvalidValue) as err:
        _log(store, op, "Belum terjadi", VOTING_NIGHT + timedelta(days=2))
    assert err.value.data["reason"] == "future"


def test_the_stage_in_force_and_the_day_count_follow_the_exercise(
    small: tuple[Store, Small],
) -> None:
    store, _op = small
    clock.simulate(VOTING_NIGHT, monotonic=Ticks())
    with store.read() as s:
        ov = overview.build(s)
        tl = stage_view.timeline(s)
    assert ov.days_to_voting == 0
    assert tl.now == VOTING_NIGHT
    assert tl.current is not None and tl.current.is_voting


def test_default_start_is_voting_day_at_eight_in_the_evening(
    small: tuple[Store, Small],
) -> None:
    store, _op = small
    with store.read() as s:
        assert exercise.default_start(s) == VOTING_NIGHT
        assert not exercise.is_demo(s)


def test_a_reopened_exercise_goes_on_from_what_it_recorded(small: tuple[Store, Small]) -> None:
    """The walk logged KEJ-0228 at 20:10 in the exercise, closed OpsCenter and opened it
    again: the clock started at 20:00 once more and the incident stood in the future."""
    store, op = small
    ticks = Ticks()
    clock.simulate(VOTING_NIGHT, monotonic=ticks)
    ticks.seconds += 600  # ten minutes into the exercise
    _log(store, op, "Kotak suara rusak", VOTING_NIGHT)
    clock.use_real()
    with store.read() as s:
        assert exercise.last_recorded(s, op.operation_id) == VOTING_NIGHT + timedelta(minutes=10)
        assert exercise.default_start(s) == VOTING_NIGHT + timedelta(minutes=10)


def test_a_readiness_judgement_counts_as_recorded(small: tuple[Store, Small]) -> None:
    """A judgement set at 20:15 of the exercise carries that time: reopened, the clock goes on
    from 20:15, not from the incident logged at 20:10 (the walk saw the clock go back)."""
    from opscenter.model import ReadinessAspect
    from opscenter.readiness.judgements import JudgementValue, set_judgement

    store, op = small
    ticks = Ticks()
    clock.simulate(VOTING_NIGHT, monotonic=ticks)
    ticks.seconds += 600
    _log(store, op, "Kotak suara rusak", VOTING_NIGHT)
    ticks.seconds += 300
    with store.read() as s:
        aspect = by_code(s, ReadinessAspect, op.operation_id)["posko"].id
    judged = JudgementValue(op.units["PA"], aspect, "catatan", "genset belum diuji")
    set_judgement(store, ADMIN, op.operation_id, judged)
    clock.use_real()
    with store.read() as s:
        assert exercise.default_start(s) == VOTING_NIGHT + timedelta(minutes=15)


def test_a_saved_documents_name_is_the_operations_time_in_its_zone() -> None:
    """One rule for the name every save dialog offers (``clock.file_name``): the operation's
    time the document stands at, read in the operation's zone to the minute; by default the
    operation's present, so an exercise's export is named on the exercise's night."""
    wib, wita = ZoneInfo("Asia/Jakarta"), "Asia/Makassar"
    assert clock.file_name(
        "LAPSIT", ".pdf", wib, datetime(2024, 11, 27, 18, 0, 59, tzinfo=wib)
    ) == ("LAPSIT-20241127-1800.pdf")
    # A UTC time is read in the operation's zone, not the computer's: WITA is UTC+8.
    assert clock.file_name("plotting", ".xlsx", wita, VOTING_NIGHT) == "plotting-20241127-2100.xlsx"
    clock.simulate(VOTING_NIGHT, monotonic=Ticks())
    assert clock.file_name("jurnal-audit", ".xlsx", wib) == "jurnal-audit-20241127-2000.xlsx"
    with pytest.raises(ValueError, match="aware"):
        clock.file_name("LAPKES", ".pdf", wib, datetime(2025, 1, 3, 6, 5))
