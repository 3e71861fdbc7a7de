"""The journal rule: no journaled row changes without its journal row, in the same transaction.

A session gets a ``TxnContext`` from ``Store.transaction``. Before each flush a session
without one is refused (read sessions cannot write). After each flush, every inserted,
updated and deleted row of a journaled table gets one ``journal`` row with its before and
after values, written on the same connection, so it commits or rolls back with the change.
Bulk statements on journaled tables are refused unless they come through ``insert_rows``,
which journals them itself.

Every transaction that journals also writes, in its last step, one ``journal_commit`` row:
its number there is commit order, so a live reader following it never skips a transaction
that commits late. On SQLite that holds by itself: a writer holds the database's write lock
(``BEGIN IMMEDIATE``) from its first statement. On PostgreSQL writers run side by side, so
the journal rows of a transaction are kept in memory until it commits and written, by one
COPY, in its last step (``_before_commit``), before an advisory lock that is then held to
the commit and covers one INSERT of the ``journal_commit`` row: whatever the size of the
transaction, other workstations wait for that lock a few milliseconds, not for an import's
100,000 journal rows.

An import on SQLite stages its new rows, and the values their journal rows will hold, in a
TEMP table before it takes the write lock (``stage_values``); under the lock two INSERT ...
SELECTs move them in (``insert_staged``).
"""

from __future__ import annotations

import dataclasses
import decimal
import functools
import json
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    ColumnDefault,
    Connection,
    Integer,
    Select,
    String,
    Table,
    TableClause,
    case,
    column,
    event,
    func,
    insert,
    inspect,
    literal,
    null,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.orm import Mapper, ORMExecuteState, Session, UOWTransaction
from sqlalchemy.sql.expression import ColumnClause, ColumnElement

from opscenter.actor import Actor
from opscenter.errors import JournalBypass, ReadOnlySession, StaleEdit
from opscenter.model import Base, JournalCommit, JournalEntry, JournalTxn, utcnow
from opscenter.model.base import UtcDateTime

TXN_KEY = "opscenter.txn"
_JOURNALED_OPTION = "opscenter_journaled"
# Not worth a before/after: bookkeeping columns.
_SKIP_FIELDS = frozenset({"version"})
# PostgreSQL: one lock id for "numbering a commit", so ``journal_commit.seq`` is commit order
# and a reader following it can never skip a transaction that commits late.
_PG_JOURNAL_LOCK = 0x0C5_10A1
PG_CHANNEL = "opscenter_journal"


# (entity, entity id, action, changes, operation id)
Entry = tuple[str, int, str, dict[str, Any], int | None]


@dataclasses.dataclass
class TxnContext:
    actor: Actor
    action: str
    details: dict[str, Any] | None
    operation_id: int | None
    at: datetime = dataclasses.field(default_factory=utcnow)
    txn_id: int | None = None
    # The transaction's ``journal_commit.seq``, once written (``_before_commit``).
    last_seq: int | None = None
    rows: int = 0  # journal rows written (or pending)
    # PostgreSQL: journal rows waiting for the commit (see the module's docstring).
    pending: list[tuple[Any, ...]] = dataclasses.field(default_factory=list)


def is_journaled(table_name: str) -> bool:
    mapper = _mappers_by_table().get(table_name)
    return bool(mapper is not None and getattr(mapper.class_, "__journaled__", False))


def _mappers_by_table() -> dict[str, Mapper[Any]]:
    return {m.local_table.name: m for m in Base.registry.mappers}  # type: ignore[attr-defined]


def plain(value: Any) -> Any:
    """A JSON-safe form of a column value, stable for comparison: a time with a zone in UTC,
    whatever zone it was given in, as the database stores it."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).isoformat()
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    return value


def _journaled_columns(obj: Any) -> tuple[Any, list[str]]:
    """``obj``'s instance state and the keys of its columns that the journal records."""
    state = inspect(obj)
    return state, [a.key for a in state.mapper.column_attrs if a.key not in _SKIP_FIELDS]


def _row_values(obj: Any) -> dict[str, Any]:
    state, keys = _journaled_columns(obj)
    values = state.dict
    return {k: plain(values[k]) for k in keys if values.get(k) is not None}


def _updated_values(obj: Any) -> dict[str, Any]:
    state, keys = _journaled_columns(obj)
    changes: dict[str, Any] = {}
    for key in keys:
        hist = state.attrs[key].history
        if not hist.has_changes():
            continue
        before = hist.deleted[0] if hist.deleted else None
        after = hist.added[0] if hist.added else None
        if plain(before) != plain(after):
            changes[key] = [plain(before), plain(after)]
    return changes


def _context(session: Session) -> TxnContext | None:
    ctx = session.info.get(TXN_KEY)
    return ctx if isinstance(ctx, TxnContext) else None


def _journaled(obj: Any) -> bool:
    return bool(getattr(type(obj), "__journaled__", False))


def _before_flush(session: Session, _ctx: UOWTransaction, _instances: object) -> None:
    if _context(session) is None and (session.new or session.dirty or session.deleted):
        sample = next(iter(session.new or session.dirty or session.deleted))
        raise ReadOnlySession(entity=type(sample).__name__)


def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    ctx = _context(session)
    if ctx is None:  # nothing was flushed, or _before_flush refused already
        return
    entries: list[Entry] = []
    for action, objs in (
        ("insert", session.new),
        ("update", session.dirty),
        ("delete", session.deleted),
    ):
        for obj in objs:
            if not _journaled(obj):
                continue
            if action == "update":
                if not session.is_modified(obj, include_collections=False):
                    continue
                changes = _updated_values(obj)
                if not changes:
                    continue
            else:
                changes = _row_values(obj)
            entity = inspect(obj).mapper.local_table.name
            entries.append(
                (entity, int(obj.id), action, changes, getattr(obj, "operation_id", None))
            )
    entries.sort(key=lambda e: (e[0], e[1]))
    append(session, ctx, entries)


# Secrets (accounts.py): the journal shows that the value changed, never the value itself.
_REDACTED_FIELDS = frozenset({"password_hash"})
REDACTED = "***"


def _redact(changes: dict[str, Any]) -> dict[str, Any]:
    def hide(v: Any) -> Any:
        if isinstance(v, list):
            return [None if x is None else REDACTED for x in v]
        return None if v is None else REDACTED

    return {k: hide(v) if k in _REDACTED_FIELDS else v for k, v in changes.items()}


def append(session: Session, ctx: TxnContext, entries: Sequence[Entry]) -> None:
    """Journal ``entries`` in this transaction (on PostgreSQL: at its commit)."""
    if not entries:
        return
    if ctx.operation_id is None:
        ctx.operation_id = next((e[4] for e in entries if e[4] is not None), None)
    conn = session.connection()
    _open_txn(conn, ctx)
    ctx.rows += len(entries)
    if conn.dialect.name == "postgresql":
        ctx.pending.extend(
            (entity, entity_id, action, _redact(changes), op_id)
            for entity, entity_id, action, changes, op_id in entries
        )
        return
    rows = [
        {
            "txn_id": ctx.txn_id,
            "at": ctx.at,
            "actor": ctx.actor.username,
            "operation_id": op_id,
            "entity": entity,
            "entity_id": entity_id,
            "action": action,
            "changes": _redact(changes),
        }
        for entity, entity_id, action, changes, op_id in entries
    ]
    # One executemany, without RETURNING: with it SQLite goes row by row (50 us a row).
    conn.execute(insert(JournalEntry), rows)


_JOURNAL_COLUMNS = (
    '"txn_id", "at", "actor", "operation_id", "entity", "entity_id", "action", "changes"'
)
_COPY_JOURNAL = f'COPY "journal" ({_JOURNAL_COLUMNS}) FROM STDIN'


def _before_commit(session: Session) -> None:
    """The transaction's last step: its ``journal_commit`` row, which numbers it in commit
    order (and on PostgreSQL, first, its journal rows).

    PostgreSQL: the journal rows go in by one COPY, then the advisory lock is taken and held
    to the end of the transaction, so commit numbers are handed out in commit order; under
    it only the ``journal_commit`` row is written, and the NOTIFY queued. On SQLite the
    write lock, held since the transaction began, orders commits already.
    """
    ctx = _context(session)
    if ctx is None:
        return
    session.flush()  # the commit's own flush comes after this hook; its rows must be in
    if ctx.txn_id is None:
        return  # nothing journaled
    conn = session.connection()
    postgres = conn.dialect.name == "postgresql"
    if ctx.pending:
        _copy_pending(conn, ctx)
    if postgres:
        conn.execute(select(func.pg_advisory_xact_lock(_PG_JOURNAL_LOCK)))
    ctx.last_seq = int(
        conn.execute(
            insert(JournalCommit)
            .values(txn_id=ctx.txn_id, rows=ctx.rows)
            .returning(JournalCommit.seq)
        ).scalar_one()
    )
    if postgres:
        # Delivered at commit only, and dropped on rollback: NOTIFY is transactional.
        conn.execute(
            text("SELECT pg_notify(:ch, :seq)"), {"ch": PG_CHANNEL, "seq": str(ctx.last_seq)}
        )


def _copy_pending(conn: Connection, ctx: TxnContext) -> None:
    """PostgreSQL: COPY the transaction's pending journal rows. They are freed when this
    returns, before the ordering lock: 100,000 of them take 0.1 s to free."""
    pending, ctx.pending = ctx.pending, []
    rows = (
        (ctx.txn_id, ctx.at, ctx.actor.username, op_id, entity, entity_id, action,
         json.dumps(changes))
        for entity, entity_id, action, changes, op_id in pending
    )  # fmt: skip
    _copy(conn, _COPY_JOURNAL, rows)


def _copy(conn: Connection, statement: str, rows: Iterable[tuple[Any, ...]]) -> None:
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)
    finally:
        cursor.close()


def _open_txn(conn: Connection, ctx: TxnContext) -> int:
    """The ``journal_txn`` row of this transaction, written with its first journal row."""
    if ctx.txn_id is None:
        ctx.txn_id = conn.execute(
            insert(JournalTxn)
            .values(
                at=ctx.at,
                actor=ctx.actor.username,
                operation_id=ctx.operation_id,
                action=ctx.action,
                details=ctx.details,
            )
            .returning(JournalTxn.id)
        ).scalar_one()
    return ctx.txn_id


def insert_rows(session: Session, model: type[Base], rows: Iterable[dict[str, Any]]) -> list[int]:
    """Insert many rows of ``model`` at Core speed and journal each; returns the new ids.

    For large loads (demo, import) where building ORM objects would dominate the time.
    """
    ctx = _context(session)
    if ctx is None:
        raise ReadOnlySession(entity=model.__name__)
    batch = [dict(r) for r in rows]
    if not batch:
        return []
    table = model.__table__
    assert isinstance(table, Table)
    # Fill scalar column defaults here, so the journal records what the row really holds.
    defaults = _scalar_defaults(table)
    for r in batch:
        for name, value in defaults.items():
            r.setdefault(name, value)
    conn = session.connection()
    names = list(batch[0])
    keys = batch[0].keys()
    if _sqlite_fast(conn, table, names, flags=True) and all(r.keys() == keys for r in batch):
        get = itemgetter(*names)
        values = [get(r) for r in batch] if len(names) > 1 else [(get(r),) for r in batch]
        return list(_insert_sqlite(conn, ctx, table, names, values))
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    ids = [int(i) for i in conn.execute(stmt, batch).scalars()]
    entity = table.name
    entries: list[Entry] = [
        (
            entity,
            new_id,
            "insert",
            {"id": new_id}
            | {k: plain(v) for k, v in r.items() if v is not None and k not in _SKIP_FIELDS},
            r.get("operation_id"),
        )
        for new_id, r in zip(ids, batch, strict=True)
    ]
    append(session, ctx, entries)
    return ids


def insert_values(
    session: Session, model: type[Base], names: Sequence[str], values: Sequence[tuple[Any, ...]]
) -> Sequence[int]:
    """``insert_rows`` for rows given as tuples in ``names`` order (no dict per row).

    Columns left out of ``names`` take their scalar default.
    """
    ctx = _context(session)
    if ctx is None:
        raise ReadOnlySession(entity=model.__name__)
    if not values:
        return []
    table = model.__table__
    assert isinstance(table, Table)
    defaults = {k: v for k, v in _scalar_defaults(table).items() if k not in names}
    conn = session.connection()
    all_names = [*names, *defaults]
    if not _sqlite_fast(conn, table, all_names):
        return insert_rows(session, model, (dict(zip(names, v, strict=True)) for v in values))
    if defaults:
        extra = tuple(defaults.values())
        values = [(*v, *extra) for v in values]
    return _insert_sqlite(conn, ctx, table, all_names, values)


def _scalar_defaults(table: Table) -> dict[str, Any]:
    return {
        c.name: c.default.arg
        for c in table.columns
        if isinstance(c.default, ColumnDefault) and c.default.is_scalar
    }


# SQLite's json_object takes at most 100 arguments by default (a name and a value a column).
_JSON_OBJECT_MAX_COLUMNS = 45


def _sqlite_fast(
    conn: Connection, table: Table, names: Sequence[str], *, flags: bool = False
) -> bool:
    """Whether ``_insert_sqlite`` can take these rows: SQLite, an integer ``id`` chosen
    here, and columns whose stored value is what ``plain`` would journal (whole numbers and
    text; not dates, whose stored text differs from their ISO form, nor redacted fields).
    With ``flags``, Boolean and UTC time columns too: ``_journal_inserted`` journals them as
    JSON true and false and as ISO times in UTC, as ``plain`` does the stored values (the
    stage of ``stage_values`` does not)."""
    if conn.dialect.name != "sqlite" or "id" in names or "id" not in table.c:
        return False
    if len(table.c) > _JSON_OBJECT_MAX_COLUMNS:
        return False
    if any(n not in table.c or n in _REDACTED_FIELDS for n in names):
        return False
    kinds = (Integer, String, Boolean, UtcDateTime) if flags else (Integer, String)
    return all(isinstance(c.type, kinds) for c in table.c)


def _insert_sqlite(
    conn: Connection,
    ctx: TxnContext,
    table: Table,
    names: Sequence[str],
    values: Sequence[tuple[Any, ...]],
) -> range:
    """Insert on SQLite, and journal the rows in one INSERT ... SELECT.

    SQLite cannot return the ids of a multi-row INSERT in parameter order, so SQLAlchemy
    would send one statement per row (4 s for 100,000 rows). A writing transaction holds
    SQLite's write lock (``BEGIN IMMEDIATE``), and SQLite gives an INTEGER PRIMARY KEY
    max(id) + 1, so the new ids are known. The rows go through one executemany on the
    driver's cursor; their journal rows are then built by SQLite from the stored rows
    (``json_object``, with NULLs dropped by ``json_patch``), so the journal holds exactly
    what was stored, without a Python object per row.
    """
    first = _next_id(conn, table)
    values = _bound(conn, table, names, values)
    columns = ", ".join(f'"{n}"' for n in names)
    marks = ", ".join("?" for _ in names)
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})', values)
    finally:
        cursor.close()
    return _journal_inserted(conn, ctx, table, first, len(values))


def _as_json(column: Column[Any]) -> ColumnElement[Any]:
    """A stored column as ``json_object`` should journal it: a Boolean (0 or 1 in SQLite)
    as JSON true or false, a UTC time (stored "2024-11-27 13:05:00.000000") as its ISO form
    ("2024-11-27T13:05:00+00:00", the microseconds only when there are some), as ``plain``
    journals the stored values; anything else as it is."""
    if isinstance(column.type, UtcDateTime):
        day, clock = func.substr(column, 1, 10), func.substr(column, 12, 8)
        whole = or_(func.length(column) == 19, func.substr(column, 21, 6) == "000000")
        return case(
            (column.is_(None), null()),
            (whole, day + "T" + clock + "+00:00"),
            else_=day + "T" + func.substr(column, 12, 15) + "+00:00",
        )
    if not isinstance(column.type, Boolean):
        return column
    return case(
        (column.is_(None), null()),
        (column != 0, func.json("true")),
        else_=func.json("false"),
    )


def _next_id(conn: Connection, table: Table) -> int:
    return int(conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()) + 1


def _bound(
    conn: Connection, table: Table, names: Sequence[str], values: Sequence[tuple[Any, ...]]
) -> Sequence[tuple[Any, ...]]:
    """``values`` as the driver takes them (the columns' bind processors applied)."""
    procs = [
        (i, p)
        for i, n in enumerate(names)
        if (p := table.c[n].type.bind_processor(conn.dialect)) is not None
    ]
    if not procs:
        return values
    out = []
    for row in values:  # only the columns that have a processor (a Boolean's: 0 or 1)
        bound = list(row)
        for i, p in procs:
            bound[i] = p(bound[i])
        out.append(tuple(bound))
    return out


def _journal_inserted(
    conn: Connection,
    ctx: TxnContext,
    table: Table,
    first: int,
    count: int,
    staged: tuple[Staged, int] | None = None,
) -> range:
    """Journal rows ``first`` .. ``first + count - 1`` of ``table``, just inserted by this
    transaction under SQLite's write lock, in one INSERT ... SELECT: their values as SQLite
    stored them (``json_object``, NULLs dropped by ``json_patch``), built from the stored
    rows, or for ``staged`` (the stage and the 0-based position of the first of these rows
    in it) from the JSON ``stage_values`` built of the same values before the lock."""
    last = first + count - 1
    # SQLite gives each new row max(id) + 1, in order; anything else would mislabel the
    # journal, so it is checked rather than assumed.
    if conn.execute(select(func.max(table.c.id))).scalar_one() != last:
        raise RuntimeError(f"{table.name}: ids of a bulk insert are not {first}..{last}")
    if ctx.operation_id is None and "operation_id" in table.c:
        ctx.operation_id = conn.execute(
            select(table.c.operation_id).where(table.c.id == first)
        ).scalar_one()
    txn_id = _open_txn(conn, ctx)
    head = (literal(txn_id), literal(ctx.at, JournalEntry.at.type), literal(ctx.actor.username))
    as_json: ColumnElement[Any]
    if staged is None:
        journaled = [c for c in table.c if c.name not in _SKIP_FIELDS]
        as_json = func.json_patch(
            "{}",
            func.json_object(*(x for c in journaled for x in (literal(c.name), _as_json(c)))),
        )
        op: ColumnElement[Any] = table.c.operation_id if "operation_id" in table.c else null()
        source = (
            select(*head, op, literal(table.name), table.c.id, literal("insert"), as_json)
            .where(table.c.id.between(first, last))
            .order_by(table.c.id)
        )
    else:
        stage, guessed = _stage_table(staged[0]), staged[0].first + staged[1]
        new_id = stage.c.rowid + (first - guessed)
        op = stage.c.operation_id if "operation_id" in staged[0].names else null()
        as_json = stage.c[_STAGE_JSON]
        if first != guessed:  # someone inserted meanwhile: other ids
            as_json = func.json_set(as_json, "$.id", new_id)
        source = (
            select(*head, op, literal(table.name), new_id, literal("insert"), as_json)
            .where(stage.c.rowid >= guessed, stage.c.rowid < guessed + count)
            .order_by(stage.c.rowid)
        )
    target = _journal_table()
    conn.execute(
        insert(target).from_select(
            ["txn_id", "at", "actor", "operation_id", "entity", "entity_id", "action", "changes"],
            source,
        )
    )
    ctx.rows += count
    return range(first, last + 1)


# --- staging: SQLite rows filled in before the write lock ------------------------------------

# The stage's column holding each row's journal values (all but the id, known only later).
_STAGE_JSON = "opscenter_journal_changes"


@dataclasses.dataclass(frozen=True, slots=True)
class Staged:
    """Rows for ``table`` waiting in a TEMP table of one SQLite connection (``stage_values``).

    ``first`` is the id the first row would get were nobody to insert into ``table`` before
    the import's transaction. The stage's rowids are those ids, ``first`` .. ``first + count
    - 1``, in the order the rows were given: the journal values are built with them, so that
    under the write lock they are copied, not built (and rebuilt only if that guess was
    wrong).
    """

    table: str
    stage: str
    names: tuple[str, ...]
    count: int
    first: int


@functools.lru_cache(maxsize=8)  # one clause a stage: its columns compare as the same
def _stage_table(staged: Staged) -> TableClause:
    cols: list[ColumnClause[Any]] = [column(n) for n in (*staged.names, _STAGE_JSON)]
    return TableClause(staged.stage, column("rowid", Integer), *cols, schema="temp")


def stage_values(
    conn: Connection, model: type[Base], names: Sequence[str], values: Sequence[tuple[Any, ...]]
) -> Staged | None:
    """SQLite: put the rows ``insert_values`` would insert, and the values their journal
    rows will hold, into a TEMP table, before the write transaction; ``insert_staged`` then
    moves them in under the write lock.

    A TEMP table lives in the connection's own temp database: filling it takes no lock on
    the database file, so other workstations go on writing meanwhile, and the write lock is
    held only while two INSERT ... SELECTs copy the rows across. The stage's columns have the
    table's declared types, so SQLite converts each value as the table will; the journal
    values are a stored generated column of the converted values, so they are the JSON of
    what will be stored, built by SQLite as each row goes in (no second pass over the stage)
    and built again if ``update_staged`` changes a value. Run it on the connection the
    write transaction will use (``Store.transaction``'s ``prepare``), which drops the
    connection's TEMP tables afterwards. Returns None when the rows cannot take this path
    (another database, or columns ``insert_values`` writes otherwise): then use that.
    """
    target = model.__table__
    assert isinstance(target, Table)
    defaults = {k: v for k, v in _scalar_defaults(target).items() if k not in names}
    all_names = [*names, *defaults]
    if not _sqlite_fast(conn, target, all_names):
        return None
    if any(c.server_default is not None for c in target.c if c.name not in all_names):
        return None  # stored with a value the staged JSON would not know
    if defaults:
        extra = tuple(defaults.values())
        values = [(*v, *extra) for v in values]
    values = _bound(conn, target, all_names, values)
    first = _next_id(conn, target)
    staged = Staged(target.name, f"stage_{target.name}", tuple(all_names), len(values), first)
    stage = f'temp."{staged.stage}"'
    dialect = conn.dialect
    declared = ", ".join(f'"{n}" {target.c[n].type.compile(dialect=dialect)}' for n in all_names)
    as_json = _staged_json(staged).compile(dialect=dialect, compile_kwargs={"literal_binds": True})
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {stage}")
    conn.exec_driver_sql(
        f'CREATE TABLE {stage} ("rowid" INTEGER PRIMARY KEY, {declared}, '
        f'"{_STAGE_JSON}" TEXT GENERATED ALWAYS AS ({as_json}) STORED)'
    )
    columns = ", ".join(f'"{n}"' for n in all_names)
    marks = ", ".join("?" for _ in all_names)
    # A row that takes rowid first - 1, so that SQLite numbers the staged rows from first.
    conn.exec_driver_sql(f'INSERT INTO {stage} ("rowid") VALUES (?)', (first - 1,))
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(f"INSERT INTO {stage} ({columns}) VALUES ({marks})", values)
    finally:
        cursor.close()
    conn.exec_driver_sql(f'DELETE FROM {stage} WHERE "rowid" = ?', (first - 1,))
    return staged


def _staged_json(staged: Staged) -> ColumnElement[Any]:
    """The stage's generated column: a row's journal values as ``_journal_inserted`` builds
    them from stored rows, in the table's column order, the id its rowid (the guessed one)."""
    target = Base.metadata.tables[staged.table]
    journaled = [c.name for c in target.c if c.name in staged.names and c.name not in _SKIP_FIELDS]
    pairs: list[ColumnElement[Any]] = []
    for n in journaled:
        pairs += [literal(n), column(n)]
    return func.json_patch(
        func.json_object(literal("id"), column("rowid")),
        func.json_patch("{}", func.json_object(*pairs)),
    )


def update_staged(session: Session, staged: Staged, name: str, mapping: dict[Any, Any]) -> None:
    """Replace values of column ``name`` in the stage by ``mapping`` (old -> new): values known
    only inside the transaction (new units' ids). SQLite rebuilds their rows' journal values."""
    if not mapping:
        return
    stage = _stage_table(staged)
    col = stage.c[name]
    replaced = case(mapping, value=col, else_=col)
    stmt = update(stage).where(col.in_(list(mapping))).values({name: replaced})
    session.connection().execute(stmt)


def insert_staged(
    session: Session, staged: Staged, start: int = 0, stop: int | None = None
) -> range:
    """Insert staged rows ``start`` .. ``stop - 1`` (0-based, in the order given to
    ``stage_values``) in this transaction, and journal each; returns the new ids."""
    ctx = _context(session)
    if ctx is None:
        raise ReadOnlySession(entity=staged.table)
    target = Base.metadata.tables[staged.table]
    stop = staged.count if stop is None else min(stop, staged.count)
    if stop <= start:
        return range(0)
    conn = session.connection()
    first = _next_id(conn, target)
    columns = ", ".join(f'"{n}"' for n in staged.names)
    conn.exec_driver_sql(
        f'INSERT INTO main."{target.name}" ({columns}) SELECT {columns}'
        f' FROM temp."{staged.stage}" WHERE rowid >= ? AND rowid < ? ORDER BY rowid',
        (staged.first + start, staged.first + stop),
    )
    return _journal_inserted(conn, ctx, target, first, stop - start, (staged, start))


def _journal_table() -> Table:
    table = JournalEntry.__table__
    assert isinstance(table, Table)
    return table


def _refuse_bulk(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    if state.execution_options.get(_JOURNALED_OPTION):
        return
    mapper = state.bind_mapper
    if mapper is None:  # built on the Table rather than the class: find the class by table
        target = getattr(state.statement, "table", None)
        mapper = _mappers_by_table().get(getattr(target, "name", ""))
    if mapper is not None and getattr(mapper.class_, "__journaled__", False):
        raise JournalBypass(entity=mapper.class_.__name__, how="bulk statement")


def install(session_class: type[Session]) -> None:
    """Attach the journal rule to every session of ``session_class``."""
    if not event.contains(session_class, "before_flush", _before_flush):
        event.listen(session_class, "before_flush", _before_flush)
        event.listen(session_class, "after_flush", _after_flush)
        event.listen(session_class, "before_commit", _before_commit)
        event.listen(session_class, "do_orm_execute", _refuse_bulk)


# --- reading ---------------------------------------------------------------------------------


def entries_after(session: Session, cursor: int, limit: int = 10_000) -> list[JournalEntry]:
    """Journal rows of the transactions committed after ``cursor`` (a ``journal_commit.seq``,
    as ``head`` gives), in commit order: what a live client has not seen yet."""
    stmt = (
        select(JournalEntry)
        .join(JournalCommit, JournalCommit.txn_id == JournalEntry.txn_id)
        .where(JournalCommit.seq > cursor)
        .order_by(JournalCommit.seq, JournalEntry.seq)
        .limit(limit)
    )
    return list(session.scalars(stmt))


def committed_after(cursor: int) -> Select[int]:
    """The ids of the transactions committed after ``cursor`` (a ``journal_commit.seq``)."""
    return select(JournalCommit.txn_id).where(JournalCommit.seq > cursor)


def last_entries(session: Session, n: int) -> list[JournalEntry]:
    """The newest ``n`` rows, oldest first."""
    stmt = select(JournalEntry).order_by(JournalEntry.seq.desc()).limit(n)
    return list(reversed(session.scalars(stmt).all()))


def last_change(session: Session, entity: str, entity_id: int) -> JournalEntry | None:
    stmt = (
        select(JournalEntry)
        .where(JournalEntry.entity == entity, JournalEntry.entity_id == entity_id)
        .order_by(JournalEntry.seq.desc())
        .limit(1)
    )
    return session.scalars(stmt).first()


def stale_edit(session: Session, entity: str, entity_id: int, **data: Any) -> StaleEdit:
    """The refusal of an edit to a row someone saved since it was read: who, when, and the
    zone of the row's operation, so the sentence reads the time as that command does."""
    from opscenter.operations import timezone_of

    last = last_change(session, entity, entity_id)
    return StaleEdit(
        entity=entity,
        entity_id=entity_id,
        by=last.actor if last else None,
        at=last.at if last else None,
        zone=timezone_of(session, last.operation_id if last else None),
        **data,
    )


def head(session: Session) -> int:
    """The newest commit's number (``journal_commit.seq``; 0 for an empty journal): a live
    reader's cursor, for ``entries_after``."""
    return int(session.execute(select(func.coalesce(func.max(JournalCommit.seq), 0))).scalar_one())
