"""Operations: creating one with its reference lists and stages; the stage calendar."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter import clock, reference
from opscenter.errors import InvalidValue, NoOperation, NotFound
from opscenter.model import Operation, Stage

# The columns of a PKPU_2_2024 row, as Stage names them.
STAGE_COLUMNS = ("code", "name", "name_en", "starts_on", "ends_on", "is_voting")
# PKPU 2/2024 (DOMAIN.md), one stage a row; None where the date depends on events (the
# Constitutional Court's registration or ruling).
PKPU_2_2024: Sequence[tuple[str, str, str, date | None, date | None, bool]] = (
    (
        "pendaftaran",
        "Pendaftaran pasangan calon",
        "Candidate registration",
        date(2024, 8, 27),
        date(2024, 8, 29),
        False,
    ),
    (
        "penetapan-paslon",
        "Penetapan pasangan calon",
        "Candidate determination",
        date(2024, 9, 22),
        date(2024, 9, 22),
        False,
    ),
    ("kampanye", "Kampanye", "Campaign", date(2024, 9, 25), date(2024, 11, 23), False),
    ("masa-tenang", "Masa tenang", "Quiet period", date(2024, 11, 24), date(2024, 11, 26), False),
    ("pemungutan", "Pemungutan suara", "Voting day", date(2024, 11, 27), date(2024, 11, 27), True),
    (
        "rekapitulasi",
        "Penghitungan dan rekapitulasi",
        "Counting and tabulation",
        date(2024, 11, 27),
        date(2024, 12, 16),
        False,
    ),
    ("penetapan-terpilih", "Penetapan calon terpilih", "Winners determined", None, None, False),
    (
        "sengketa-mk",
        "Sengketa hasil (MK)",
        "Result disputes (Constitutional Court)",
        date(2025, 1, 3),
        date(2025, 2, 28),
        False,
    ),
    ("pelantikan", "Pelantikan", "Inauguration", date(2025, 2, 20), date(2025, 2, 20), False),
)


# A new operation's zone, and the zone of a database that holds no operation yet.
DEFAULT_TIMEZONE = "Asia/Jakarta"
# Indonesia's three zones by their everyday names (Pontianak keeps western time).
ZONE_LABELS = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}


def zone_label(zone: str | tzinfo) -> str:
    """What a reader calls the zone: WIB, WITA or WIT; elsewhere its abbreviation now."""
    name = zone if isinstance(zone, str) else getattr(zone, "key", None)
    if name in ZONE_LABELS:
        return ZONE_LABELS[name]
    try:
        tz = ZoneInfo(zone) if isinstance(zone, str) else zone
    except (ZoneInfoNotFoundError, ValueError):
        return str(zone)
    return datetime.now(tz).tzname() or str(name or zone)


def local_text(value: datetime, zone: str | tzinfo, fmt: str = "%d-%m-%Y %H:%M") -> str:
    """``value`` read in ``zone`` and named by its label: "27-11-2024 14:05 WITA"."""
    tz = ZoneInfo(zone) if isinstance(zone, str) else zone
    return f"{value.astimezone(tz).strftime(fmt)} {zone_label(zone)}"


def timezone_of(session: Session, operation_id: int | None = None) -> str:
    """The zone of ``operation_id``; without one (an account, a database-wide row), the
    zone of the database's first operation; with no operation at all, the default."""
    stmt = select(Operation.timezone).order_by(Operation.id).limit(1)
    if operation_id is not None:
        found = session.scalar(stmt.where(Operation.id == operation_id))
        if found:
            return str(found)
    return str(session.scalar(stmt) or DEFAULT_TIMEZONE)


@dataclass(frozen=True, slots=True)
class OperationSpec:
    code: str
    name: str
    command_name: str
    province: str
    starts_on: date
    ends_on: date
    timezone: str = DEFAULT_TIMEZONE
    report_cutoff_hour: int = 6
    language: str = "id"
    # Who signs the situation reports (as ``sitrep.configure`` sets it later): the rank in
    # full ("KOMISARIS BESAR POLISI"). None leaves the signature block to be filled in.
    signatory: tuple[str, str, str, str] | None = None  # title, name, rank, NRP
    # Situation reports already issued when the operation is entered (the demo, written as
    # it stands on voting night): the next report takes the serial after it.
    sitrep_serial: int = 0


def validate_timezone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise InvalidValue(field="timezone", value=name, reason="unknown_zone") from exc


def new_operation(session: Session, spec: OperationSpec) -> Operation:
    """Create an operation with the seeded reference lists and the PKPU 2/2024 stages.

    Runs inside the caller's journaled transaction.
    """
    validate_timezone(spec.timezone)
    if spec.ends_on < spec.starts_on:
        raise InvalidValue(field="ends_on", value=spec.ends_on.isoformat(), reason="before_start")
    if session.scalars(select(Operation.id).where(Operation.code == spec.code)).first():
        raise InvalidValue(field="code", value=spec.code, reason="exists")
    # The spec's fields are the operation's columns, but for the signatory's four.
    values = asdict(spec)
    signatory = values.pop("signatory")
    op = Operation(**values)
    if signatory is not None:
        title, name, rank, nrp = signatory
        op.signatory_title, op.signatory_name = title.upper(), name.upper()
        op.signatory_rank, op.signatory_nrp = rank.upper(), nrp
    session.add(op)
    session.flush()
    session.add_all(reference.seed_rows(op.id))
    session.add_all(
        Stage(operation_id=op.id, ordinal=i, **dict(zip(STAGE_COLUMNS, row, strict=True)))
        for i, row in enumerate(PKPU_2_2024, 1)
    )
    session.flush()
    return op


def get_operation(session: Session, code: str | None = None) -> Operation:
    """The operation named by ``code``, or the only (first created) one."""
    stmt = select(Operation).order_by(Operation.id)
    if code:
        stmt = stmt.where(Operation.code == code)
    op = session.scalars(stmt).first()
    if op is None:
        if code:
            raise NotFound(entity="operation", key=code)
        raise NoOperation()
    return op


def stages(session: Session, operation_id: int) -> list[Stage]:
    stmt = select(Stage).where(Stage.operation_id == operation_id).order_by(Stage.ordinal)
    return list(session.scalars(stmt))


def local_today(op: Operation, now: datetime | None = None) -> date:
    return (now or clock.now()).astimezone(ZoneInfo(op.timezone)).date()


def current_stage(all_stages: Sequence[Stage], today: date) -> Stage | None:
    """The stage in force on ``today``: the latest-starting one whose period contains it.

    Overlaps are real (voting day opens the counting period); the later start wins,
    except that voting day itself wins on its day. Between stages, the last one begun.
    """
    dated = [(s.starts_on, s) for s in all_stages if s.starts_on is not None]
    running = [
        s for start, s in dated if start <= today and (s.ends_on is None or today <= s.ends_on)
    ]
    if running:
        voting = [s for s in running if s.is_voting]
        if voting:
            return voting[0]
        return max(running, key=lambda s: (s.starts_on or today, s.ordinal))
    begun = [(start, s.ordinal, s) for start, s in dated if start <= today]
    return max(begun, key=lambda b: (b[0], b[1]))[2] if begun else None


def voting_day(all_stages: Sequence[Stage]) -> date | None:
    for s in all_stages:
        if s.is_voting and s.starts_on is not None:
            return s.starts_on
    return None


def days_to_voting(all_stages: Sequence[Stage], today: date) -> int | None:
    """Days from ``today`` to voting day: positive before, 0 on it, negative after."""
    day = voting_day(all_stages)
    return None if day is None else (day - today).days


def stage_by_code(session: Session, operation_id: int, code: str) -> Stage:
    stmt = select(Stage).where(Stage.operation_id == operation_id, Stage.code == code)
    stage = session.scalars(stmt).first()
    if stage is None:
        raise NotFound(entity="stage", key=code)
    return stage
