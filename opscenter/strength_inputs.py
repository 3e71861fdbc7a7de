"""Reading the strength computation's inputs (``opscenter.strength.StrengthInputs``) from the
database: a few grouped queries, no per-row objects, and only the parts a change moved when
inputs read earlier are at hand. Also what other reads share with them: who guards
(``active_police``), the BKO in force for a stage (``bko_filter``), a stage's days
(``stage_window``), the small page cache of whole-table scans (``scan_cache``) and a read on
a connection of its own beside the caller's (``beside``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Engine, and_, func, or_, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.pool import StaticPool

from opscenter.model import (
    BkoAssignment,
    Operation,
    Personnel,
    PollingStation,
    Rank,
    Region,
    Stage,
    TpsCategory,
    Unit,
    UnitArea,
)
from opscenter.reference import GuardPattern
from opscenter.store import SQLITE_CACHE_KIB
from opscenter.strength import (
    UNRATED,
    UNRATED_CODE,
    StrengthInputs,
    StrengthReport,
    UnitNode,
    compute,
    with_unrated,
)

_T = TypeVar("_T")


def stage_window(
    starts_on: date | None, ends_on: date | None, zone: ZoneInfo
) -> tuple[datetime, datetime] | None:
    """A stage's days, from local midnight to local midnight, as UTC instants; None for a
    stage without dates (it waits for a court's ruling). A stage without an end is one day."""
    if starts_on is None:
        return None
    end = ends_on or starts_on
    lo = datetime.combine(starts_on, time.min, zone)
    hi = datetime.combine(end + timedelta(days=1), time.min, zone)
    return lo.astimezone(UTC), hi.astimezone(UTC)


# Journaled entities the inputs are read from; a change set of none of these leaves them as
# they were (a reader passes ``changed`` through ``inputs_changed`` first).
INPUT_ENTITIES = frozenset(
    {
        "operation",
        "stage",
        "region",
        "unit",
        "unit_area",
        "personnel",
        "bko_assignment",
        "polling_station",
        "tps_category",
    }
)


def inputs_changed(changed: Collection[str]) -> list[str]:
    """The entities of a change set that move the inputs (for ``load_inputs(changed=...)``)."""
    return [e for e in changed if e in INPUT_ENTITIES]


# Journaled entities whose change moves only one part of the inputs: after a change set of
# these alone, ``load_inputs(reuse=...)`` re-reads that part and reuses the rest. A change of
# any other entity reads everything again.
_PARTS: Mapping[str, str] = {
    "personnel": "personnel",
    "bko_assignment": "bko",
    "unit_area": "linmas",
}


# SQLite's page cache, per connection, while a read scans whole tables (below).
SCAN_CACHE_KIB = 2048
_SCANNING = "opscenter.scan_cache"


@contextmanager
def scan_cache(session: Session) -> Iterator[None]:
    """Reads that scan whole tables once (435,000 TPS and 400,000 personnel at national
    scale) run with a small SQLite page cache: each page is read once, so a big cache only
    keeps a copy of the tables. The store gives every pooled connection 64 MB for imports
    (``store.SQLITE_CACHE_KIB``); the board's and the overview's background jobs each kept
    about 50 MB of table pages after these reads, half the board process's peak memory
    (bench/board.py). The store's size is set again afterwards, and the reads are no
    slower: the pages come from the operating system's file cache. Nested uses are one;
    other databases are left alone."""
    if session.get_bind().dialect.name != "sqlite" or session.info.get(_SCANNING):
        yield
        return
    conn = session.connection()
    # Lowering it also frees the pages beyond the new size, those of earlier reads included.
    conn.exec_driver_sql(f"PRAGMA cache_size = -{SCAN_CACHE_KIB}")
    session.info[_SCANNING] = True
    try:
        yield
    finally:
        del session.info[_SCANNING]
        conn.exec_driver_sql(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")


def load_inputs(
    session: Session,
    operation_id: int,
    stage: Stage | None = None,
    *,
    reuse: StrengthInputs | None = None,
    changed: Collection[str] = (),
) -> StrengthInputs:
    """Read the computation's inputs with a few grouped queries (no per-row objects).

    With ``reuse`` (inputs read earlier for the same operation and stage) and ``changed``
    (the entities changed since), only the parts those entities move are read again: a
    burst of personnel transfers re-reads one grouped count instead of the 435,000 TPS of a
    national operation -- the queries run in SQLite with the GIL released, so a recompute
    in a worker thread barely holds up the GUI thread (bench/board.py).
    """
    with scan_cache(session):
        return _load_inputs(session, operation_id, stage, reuse, changed)


def beside(session: Session, read: Callable[[Session], _T]) -> Callable[[], _T]:
    """Start ``read`` on a connection of its own, in a thread, while the caller reads on; the
    function returned waits for its answer (or raises what it raised).

    The whole-table counts (435,000 TPS, 400,000 personnel at national scale) run in the
    database with the GIL released, so two of them side by side take the time of the longer:
    the cold readiness matrix of a national operation lost a fifth of its time
    (bench/readiness.py). The two reads are two transactions, as on PostgreSQL's READ
    COMMITTED every statement of one already is: a write committed between them may be in
    one count and not the other, and the journal's report of that write reads both again. A
    database with a single connection (SQLite in memory), or a session bound to one
    connection, reads one after the other."""
    bind = session.get_bind()
    if not isinstance(bind, Engine) or isinstance(bind.pool, StaticPool):
        answer = read(session)
        return lambda: answer

    def apart() -> _T:
        with Session(bind) as other, scan_cache(other):
            return read(other)

    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="strength-read")
    future = pool.submit(apart)
    pool.shutdown(wait=False)
    return future.result


def _load_inputs(
    session: Session,
    operation_id: int,
    stage: Stage | None,
    reuse: StrengthInputs | None,
    changed: Collection[str],
) -> StrengthInputs:
    op = operation_id
    stage_id = stage.id if stage is not None else None
    parts = {_PARTS.get(e, "") for e in changed}
    if reuse is None or reuse.operation_id != op or reuse.stage_id != stage_id or "" in parts:
        parts = {"all"}
    every = "all" in parts
    if reuse is not None and not parts:
        return reuse  # nothing it depends on changed
    # The personnel count is read beside the rest, on a connection of its own.
    people = beside(session, lambda other: _personnel(other, op)) if every else None
    if every or reuse is None:
        units = _units(session, op)
        groups = _tps_groups(session, op)
        # Codes and guard patterns in one read (plain tuples, no ORM objects).
        cat_rows = session.execute(
            select(
                TpsCategory.id,
                TpsCategory.code,
                TpsCategory.guard_police,
                TpsCategory.guard_tps,
                TpsCategory.guard_linmas,
            ).where(TpsCategory.operation_id == op)
        ).all()
        kab_rows = session.execute(
            select(Region.id, Region.name).where(
                Region.operation_id == op, Region.level == "kabkota"
            )
        ).all()
        kec_rows = session.execute(
            select(Region.id, Region.parent_id).where(
                Region.operation_id == op, Region.level == "kecamatan"
            )
        ).all()
        reuse = StrengthInputs(
            units=units,
            tps_groups=groups,
            patterns=with_unrated(
                {int(i): GuardPattern(a, b, c) for i, _code, a, b, c in cat_rows}
            ),
            category_codes={
                **{int(i): str(code) for i, code, *_pattern in cat_rows},
                UNRATED: UNRATED_CODE,
            },
            kecamatan_kabkota={int(i): int(p) for i, p in kec_rows if p is not None},
            kabkota_names={int(i): str(n) for i, n in kab_rows},
            personnel={},
            bko=(),
            linmas_available={},
            operation_id=op,
            stage_id=stage_id,
        )
    return replace(
        reuse,
        personnel=(
            people()
            if people is not None
            else _personnel(session, op)
            if "personnel" in parts
            else reuse.personnel
        ),
        bko=bko_in_force(session, op, stage) if every or "bko" in parts else reuse.bko,
        linmas_available=(
            _linmas(session, op) if every or "linmas" in parts else reuse.linmas_available
        ),
    )


def inputs_for_stage(session: Session, base: StrengthInputs, stage: Stage | None) -> StrengthInputs:
    """``base`` (inputs read for any stage of its operation) for ``stage``: only the BKO in
    force, the one part that depends on the stage, is read again; ``base`` itself when it
    was read for that stage."""
    stage_id = stage.id if stage is not None else None
    if base.stage_id == stage_id:
        return base
    return load_inputs(
        session,
        base.operation_id,
        stage,
        reuse=replace(base, stage_id=stage_id),
        changed=("bko_assignment",),
    )


def _units(session: Session, op: int) -> dict[int, UnitNode]:
    return {
        r.id: UnitNode(r.id, r.parent_id, r.name, r.kind, r.tree, r.agency, r.is_reserve)
        for r in session.execute(
            select(
                Unit.id,
                Unit.parent_id,
                Unit.name,
                Unit.kind,
                Unit.tree,
                Unit.agency,
                Unit.is_reserve,
            ).where(Unit.operation_id == op)
        )
    }


def _tps_groups(session: Session, op: int) -> dict[tuple[int | None, int, int], int]:
    """TPS per (guarding unit, kecamatan, category). They are counted per desa first, from
    ``ix_polling_station_guard`` alone and in its order (no table rows, no sort), and only
    those counts -- a third as many rows as TPS -- are joined to their kecamatan and summed;
    joining every TPS to its desa before grouping read each row and sorted them all, 2.7
    times the CPU at national scale (bench/readiness.py)."""
    ps = PollingStation
    per_desa = (
        select(ps.unit_id, ps.region_id, ps.category_id, func.count().label("n"))
        .where(ps.operation_id == op)
        .group_by(ps.unit_id, ps.region_id, ps.category_id)
        .subquery()
    )
    desa = aliased(Region)
    return {
        (unit, kec, UNRATED if cat is None else cat): int(n)
        for unit, kec, cat, n in session.connection().execute(
            select(
                per_desa.c.unit_id,
                desa.parent_id,
                per_desa.c.category_id,
                func.sum(per_desa.c.n),
            )
            .join(desa, desa.id == per_desa.c.region_id)
            .group_by(per_desa.c.unit_id, desa.parent_id, per_desa.c.category_id)
        )
    }


# The unit a person works for: where they are assigned, else their home unit.
WORKING_UNIT = func.coalesce(Personnel.assigned_unit_id, Personnel.home_unit_id)


def active_police(op: int) -> ColumnElement[bool]:
    """Who guards: the operation's active Polri personnel (a person of no known rank counts
    as police; civil servants and TNI do not). The query joins ``Rank`` by an outer join."""
    return and_(
        Personnel.operation_id == op,
        Personnel.duty_status == "aktif",
        or_(Rank.corps == "polri", Personnel.rank_id.is_(None)),
    )


def _personnel(session: Session, op: int) -> dict[int, int]:
    working_unit = WORKING_UNIT
    return {
        int(r.unit): int(r.n)
        for r in session.execute(
            select(working_unit.label("unit"), func.count().label("n"))
            .outerjoin(Rank, Rank.id == Personnel.rank_id)
            .where(active_police(op))
            .group_by(working_unit)
        )
    }


def bko_filter(session: Session, op: int, stage: Stage | None) -> ColumnElement[bool]:
    """The condition a BKO row meets when it is in force for ``stage``: tagged to it, or
    untagged and overlapping its days (every BKO of the operation when ``stage`` is None)."""
    cond: ColumnElement[bool] = BkoAssignment.operation_id == op
    if stage is None:
        return cond
    zone = ZoneInfo(session.get_one(Operation, op).timezone)
    window = stage_window(stage.starts_on, stage.ends_on, zone)
    tagged: ColumnElement[bool] = BkoAssignment.stage_id == stage.id
    if window is not None:
        overlaps = and_(
            BkoAssignment.stage_id.is_(None),
            BkoAssignment.starts_at < window[1],
            or_(BkoAssignment.ends_at.is_(None), BkoAssignment.ends_at > window[0]),
        )
        tagged = or_(tagged, overlaps)
    return and_(cond, tagged)


def bko_in_force(
    session: Session, op: int, stage: Stage | None
) -> tuple[tuple[int, int, int], ...]:
    """(lender, receiver, people) of each BKO row in force for ``stage`` (every row for
    None), as the strength counts them; the map draws them as arrows."""
    bko_stmt = select(
        BkoAssignment.from_unit_id, BkoAssignment.to_unit_id, BkoAssignment.personnel_count
    ).where(bko_filter(session, op, stage))
    return tuple((int(a), int(b), int(c)) for a, b, c in session.execute(bko_stmt))


def _linmas(session: Session, op: int) -> dict[int, int]:
    return {
        int(r.region_id): int(r.n or 0)
        for r in session.execute(
            select(UnitArea.region_id, func.sum(Unit.declared_strength).label("n"))
            .join(Unit, Unit.id == UnitArea.unit_id)
            .where(Unit.operation_id == op, Unit.agency == "linmas")
            .group_by(UnitArea.region_id)
        )
    }


def required_strength(
    session: Session, operation_id: int, stage: Stage | None = None
) -> StrengthReport:
    """Requirements against strength for ``stage`` (BKO in force then) from the database."""
    return compute(load_inputs(session, operation_id, stage))
