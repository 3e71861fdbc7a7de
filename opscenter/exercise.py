"""Exercises (*latihan*): the demo at a moment of its night, or a copy of a real
operation's database for pre-operation training (Latpraops), in simulated time.

The clock itself is ``opscenter.clock``; this module chooses the moment and makes the copy.
An exercise never opens a live database: ``copy_for_exercise`` writes a consistent copy
(``Store.backup``) into the exercise folder and the exercise runs on that copy.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import platformdirs
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from opscenter import clock, operations
from opscenter.errors import DatabaseMissing, ExerciseNeedsFile
from opscenter.model import (
    FollowUp,
    Incident,
    InspectionFinding,
    JournalTxn,
    ReadinessJudgement,
    TpsWatch,
    UnitStatusChange,
)
from opscenter.private_files import private_folder
from opscenter.store import backup_sqlite, parse_url, resolve_url, safe_url

# The moment an exercise opens at unless told: voting day, 20:00 local time -- the polls
# closed, the count under way, the night the command room exists for.
DEFAULT_HOUR = 20


def exercise_folder() -> Path:
    """Where exercise copies live: the user's data folder, ``latihan/``."""
    return Path(platformdirs.user_data_dir("OpsCenter", appauthor=False)) / "latihan"


def is_demo(session: Session) -> bool:
    """Whether the operation in this database was loaded by ``opscenter demo``: only then
    may ``open-demo`` run it in simulated time in place (the data are synthetic)."""
    return session.scalar(select(JournalTxn.id).where(JournalTxn.action == "demo.load")) is not None


def default_start(session: Session) -> datetime:
    """Voting day at DEFAULT_HOUR in the operation's zone (UTC-aware); the operation's first
    day when it has no dated voting stage. When an earlier run of the exercise recorded
    later than that, the latest moment it recorded (``last_recorded``): reopened, it goes on
    from there. Started at 20:00 again, what was logged at 20:10 stood in the future."""
    op = operations.get_operation(session)
    day = operations.voting_day(operations.stages(session, op.id)) or op.starts_on
    evening = evening_of(day, op.timezone)
    last = last_recorded(session, op.id)
    return max(evening, last) if last is not None else evening


def last_recorded(session: Session, operation_id: int) -> datetime | None:
    """The latest moment of the operation's present that anything recorded (UTC-aware): an
    incident's recording or closing, a follow-up, a unit's status change, a TPS report, a
    readiness judgement, an inspection finding closed. In an exercise these carry the
    simulated time; the journal keeps the real one."""
    columns = (
        (Incident.recorded_at, Incident.operation_id),
        (Incident.closed_at, Incident.operation_id),
        (FollowUp.at, FollowUp.operation_id),
        (UnitStatusChange.at, UnitStatusChange.operation_id),
        (TpsWatch.at, TpsWatch.operation_id),
        (ReadinessJudgement.set_at, ReadinessJudgement.operation_id),
        (InspectionFinding.closed_at, InspectionFinding.operation_id),
    )
    found = [session.scalar(select(func.max(at)).where(op == operation_id)) for at, op in columns]
    moments = [m if m.tzinfo is not None else m.replace(tzinfo=UTC) for m in found if m]
    return max(moments, default=None)


def evening_of(day: date, zone: str) -> datetime:
    """DEFAULT_HOUR on ``day`` in ``zone``, UTC-aware: the moment an exercise opens at. The
    demo generator writes its operation as it stands at this very moment of its voting day
    (``opscenter.demo.builder.Demo.now``), so the demo opened in an exercise shows no future."""
    return datetime.combine(day, time(DEFAULT_HOUR), tzinfo=ZoneInfo(zone)).astimezone(UTC)


def copy_for_exercise(url: str | None, folder: Path | None = None) -> Path:
    """A consistent copy of the SQLite database ``url`` (as ``--db`` takes it; None: the
    default) in ``folder`` (default ``exercise_folder()``), named for the source and the
    real time of the copy. The source is only ever opened read-only (SQLite's online
    backup), never as a ``Store``, which would set its modes and migrate it. PostgreSQL is
    refused (``ExerciseNeedsFile``): its copy is a pg_dump, not a database one can open."""
    parsed = parse_url(resolve_url(url))
    source = Path(parsed.database or "") if parsed.get_backend_name() == "sqlite" else None
    if source is None or not parsed.database or parsed.database == ":memory:":
        raise ExerciseNeedsFile(url=safe_url(parsed))
    if not source.is_file():
        raise DatabaseMissing(path=str(source))
    folder = folder or exercise_folder()
    private_folder(folder)
    dest = folder / f"latihan-{source.stem}-{clock.real_now():%Y%m%d-%H%M%S}.db"
    backup_sqlite(source, dest)
    return dest
