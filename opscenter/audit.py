"""The audit journal as people read it: filtered pages of journal rows, and .xlsx export.

Rows come newest first. ``AuditFilter.before_seq`` pages by key (``seq < before_seq``), which
stays fast at any depth of a million-row journal; ``offset`` is there for small jumps.
Reading it needs the "audit.read" permission (commanders and admins), checked by ``read``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Select, String, and_, cast, func, or_, select
from sqlalchemy.orm import Session

from opscenter.actor import Actor
from opscenter.audit_fields import field_name
from opscenter.formulas import xlsx_cell
from opscenter.incidents import degrees
from opscenter.model import Base, JournalEntry, JournalTxn, Operation, post_label, tps_label
from opscenter.operations import timezone_of, zone_label
from opscenter.permissions import permitted, require
from opscenter.private_files import private_file
from opscenter.progress import CancelToken, Job, Progress, no_progress
from opscenter.store import Store

PAGE = 200
# Excel holds 1,048,576 rows per sheet; one header row, and a round cap below that.
EXPORT_MAX_ROWS = 1_000_000


@dataclass(frozen=True, slots=True)
class AuditFilter:
    account: str | None = None
    entity: str | None = None
    since: datetime | None = None
    until: datetime | None = None  # exclusive
    text: str | None = None
    # The user actions ("unit.set_status") whose shown name contains ``text``: the names are
    # the UI's wording, so it says which; they match beside the text.
    text_actions: tuple[str, ...] = ()
    limit: int = PAGE
    offset: int = 0
    before_seq: int | None = None


@dataclass(frozen=True, slots=True)
class AuditRow:
    seq: int
    txn_id: int
    at: datetime  # UTC
    actor: str
    operation_id: int | None
    entity: str
    entity_id: int
    action: str  # insert, update, delete
    txn_action: str  # the user action: "unit.set_status", "account.create" ...
    changes: dict[str, Any]
    timezone: str
    # (table, id) -> name, for the row itself and the ids in ``changes`` (``_names``); a
    # row no longer there has none. None: not looked up (a row built by hand). Shared by a
    # page's rows, so not part of a row's equality (a row reread is the same row).
    names: Mapping[tuple[str, int], str] | None = field(default=None, compare=False)

    @property
    def local_at(self) -> datetime:
        return self.at.astimezone(ZoneInfo(self.timezone))


def can_read(actor: Actor) -> bool:
    return permitted(actor, "audit.read")


def check_read(actor: Actor) -> None:
    require(actor, "audit.read")


def _where(session: Session, stmt: Select[Any], f: AuditFilter) -> Select[Any]:
    if f.account:
        stmt = stmt.where(JournalEntry.actor == f.account)
    if f.entity:
        stmt = stmt.where(JournalEntry.entity == f.entity)
    if f.since is not None:
        stmt = stmt.where(JournalEntry.at >= f.since)
    if f.until is not None:
        stmt = stmt.where(JournalEntry.at < f.until)
    if f.before_seq is not None:
        stmt = stmt.where(JournalEntry.seq < f.before_seq)
    return _text_where(session, stmt, f)


def _text_where(session: Session, stmt: Select[Any], f: AuditFilter) -> Select[Any]:
    """``f.text`` as the officer reads the rows: in the raw changes, the user action (its key,
    or its name through ``f.text_actions``), the account, or the name an id of the changes
    shows as ("Tidak siap" finds "status_id 5")."""
    text = (f.text or "").strip().lower()
    if not text:
        return stmt
    like = f"%{_escape(text)}%"
    named_actions = [JournalTxn.action.in_(f.text_actions)] if f.text_actions else []
    return stmt.where(
        or_(
            func.lower(cast(JournalEntry.changes, String)).like(like, escape="\\"),
            func.lower(JournalTxn.action).like(like, escape="\\"),
            func.lower(JournalEntry.actor).like(like, escape="\\"),
            *named_actions,
            *_named_id_matches(session, like),
        )
    )


def _named_id_matches(session: Session, like: str) -> list[ColumnElement[bool]]:
    """Journal rows whose ``*_id`` changes hold the id of a row named like ``like``.

    The reverse of ``_names``: the same foreign keys (``_fk_target``) and the same ``name``
    column. Only tables with a matching name are looked at, and their ids stay a subquery,
    so a short search text that names thousands of rows binds no thousand parameters.
    """
    out: list[ColumnElement[bool]] = []
    for target, columns in _named_id_columns().items():
        table = Base.metadata.tables[target]
        matching = _name_like(target, like)
        if session.scalar(select(table.c.id).where(matching).limit(1)) is None:
            continue
        ids = select(cast(table.c.id, String)).where(matching).scalar_subquery()
        for entity, column in columns:
            # A value is an id (insert, delete) or [before, after] (update).
            values = (
                JournalEntry.changes[path].as_string()
                for path in (column, (column, 0), (column, 1))
            )
            out.append(
                and_(
                    JournalEntry.entity == entity,
                    or_(*(v.in_(ids) for v in values)),
                )
            )
    return out


# Named by its number and its desa's name ("TPS 003 Siulak Deras"), not a name of its own.
_TPS = "polling_station"


def _name_like(target: str, like: str) -> ColumnElement[bool]:
    """Rows of ``target`` whose name, as ``_names`` shows it, is like ``like``: a TPS by its
    desa's name (its number alone would find a TPS of every desa)."""
    table = Base.metadata.tables[target]
    if target == _TPS:
        region = Base.metadata.tables["region"]
        desa = select(region.c.id).where(func.lower(region.c.name).like(like, escape="\\"))
        return table.c.region_id.in_(desa)
    return func.lower(table.c.name).like(like, escape="\\")


# Named tables a text search does not look through: every journaled row of an operation
# names it, so a word of its name ("2024", "Praja") would find every insert of the journal;
# the window has its own operation filter.
_NOT_SEARCHED_BY_NAME = frozenset({"operation"})


@cache
def _named_id_columns() -> dict[str, list[tuple[str, str]]]:
    """Named table -> the (entity, column) pairs whose journaled ids point at its rows."""
    out: dict[str, list[tuple[str, str]]] = {}
    for entity, table in Base.metadata.tables.items():
        for column in table.c:
            target = _fk_target(entity, column.key)
            if target in _NOT_SEARCHED_BY_NAME:
                continue
            if target is not None and (target == _TPS or "name" in Base.metadata.tables[target].c):
                out.setdefault(target, []).append((entity, column.key))
    return out


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def query(session: Session, f: AuditFilter) -> list[AuditRow]:
    """One page of journal rows matching ``f``, newest first."""
    stmt = (
        select(
            JournalEntry.seq,
            JournalEntry.txn_id,
            JournalEntry.at,
            JournalEntry.actor,
            JournalEntry.operation_id,
            JournalEntry.entity,
            JournalEntry.entity_id,
            JournalEntry.action,
            JournalTxn.action,
            JournalEntry.changes,
            Operation.timezone,
        )
        .join(JournalTxn, JournalTxn.id == JournalEntry.txn_id)
        .outerjoin(Operation, Operation.id == JournalEntry.operation_id)
    )
    stmt = (
        _where(session, stmt, f).order_by(JournalEntry.seq.desc()).limit(f.limit).offset(f.offset)
    )
    fallback = timezone_of(session)  # rows of no operation (accounts) read in the database's
    rows = [
        AuditRow(
            seq=int(r[0]),
            txn_id=int(r[1]),
            at=r[2],
            actor=r[3],
            operation_id=r[4],
            entity=r[5],
            entity_id=int(r[6]),
            action=r[7],
            txn_action=r[8],
            changes=dict(r[9] or {}),
            timezone=r[10] or fallback,
        )
        for r in session.execute(stmt)
    ]
    names = _names(session, rows)
    return [replace(r, names=names) for r in rows]


def _fk_target(entity: str, column: str) -> str | None:
    """The table a journaled ``*_id`` field points at (from the schema's foreign keys)."""
    table = Base.metadata.tables.get(entity)
    if table is None or column not in table.c:
        return None
    fks = list(table.c[column].foreign_keys)
    return fks[0].column.table.name if fks else None


# How a row of a table with no name of its own is named: by the rows it joins, in this
# order ("Kabupaten Batanghari / Politik / Pemungutan suara" for a vulnerability rating).
# A null part is left out; a part may itself be such a row (a realisation's allocation).
_SUBJECT_PARTS: dict[str, tuple[str, ...]] = {
    "vulnerability_rating": ("region_id", "aspect_id", "stage_id"),
    "guard_assignment": ("personnel_id", "post_id"),
    "guard_post_tps": ("tps_id", "post_id"),
    "incident_unit": ("incident_id", "unit_id"),
    "incident_follow_up": ("incident_id",),
    "tps_watch": ("tps_id", "step_id"),
    "unit_area": ("unit_id", "region_id"),
    "unit_status_change": ("unit_id", "status_id"),
    "bko_assignment": ("personnel_id", "from_unit_id", "to_unit_id"),
    "readiness_judgement": ("unit_id", "aspect_id"),
    "sarpras_stock": ("unit_id", "category_id"),
    "budget_index": ("component_id", "stage_id"),
    "budget_allocation": ("unit_id",),
    "budget_realisation": ("allocation_id", "component_id"),
    "inspection_visit": ("unit_id",),
    "inspection_finding": ("visit_id", "aspect_id"),
}
SUBJECT_SEPARATOR = " / "
# Tables named by a text column other than ``name``.
_NAME_COLUMNS = {"account": "username", "incident": "title"}
# A guard post is named as the plotting lists name it: its number and its kecamatan.
_POST = "guard_post"


def nameable(table: str) -> bool:
    """Whether ``_names`` names the rows of ``table`` (else they show by id)."""
    t = Base.metadata.tables.get(table)
    if t is None:
        return False
    return (
        table in (_TPS, _POST) or table in _SUBJECT_PARTS or table in _NAME_COLUMNS or "name" in t.c
    )


def _names(session: Session, rows: list[AuditRow]) -> dict[tuple[str, int], str]:
    """The current names of a page's rows and of the ids in their changes: "status_id 2" is
    "Bergerak", guard post 1052 is "Pos 1 Kecamatan Siulak".

    A fixed number of queries a page, whatever its length: one a table for the rows named
    by a column of their own, one a table and level for those named by the rows they join
    (``_SUBJECT_PARTS``). A row no longer there gets no name (``gone`` says so)."""
    wanted: dict[str, set[int]] = {}

    def want(table: str | None, value: Any) -> None:
        if table is not None and isinstance(value, int) and nameable(table):
            wanted.setdefault(table, set()).add(value)

    for r in rows:
        want(r.entity, r.entity_id)
        for key, value in r.changes.items():
            target = _fk_target(r.entity, key)
            for v in value if isinstance(value, list) else [value]:
                want(target, v)
    # Rows named by the rows they join: read their parts, which may want more such rows.
    parts: dict[tuple[str, int], list[tuple[str, int]]] = {}
    read: dict[str, set[int]] = {}

    def unread() -> dict[str, set[int]]:
        pending = {t: ids - read.get(t, set()) for t, ids in wanted.items()}
        return {t: ids for t, ids in pending.items() if ids and t in _SUBJECT_PARTS}

    while pending := unread():  # a level at a time: a realisation, then its allocation
        for target, ids in pending.items():
            read.setdefault(target, set()).update(ids)
            table = Base.metadata.tables[target]
            columns = _SUBJECT_PARTS[target]
            stmt = select(table.c.id, *(table.c[c] for c in columns)).where(table.c.id.in_(ids))
            for i, *values in session.execute(stmt):
                refs = [
                    (t, int(v))
                    for c, v in zip(columns, values, strict=True)
                    if v is not None and (t := _fk_target(target, c)) is not None
                ]
                parts[(target, int(i))] = refs
                for t, v in refs:
                    want(t, v)
    out: dict[tuple[str, int], str] = {}
    for target, ids in wanted.items():
        if target not in _SUBJECT_PARTS:
            out.update(_own_names(session, target, ids))

    def compose(key: tuple[str, int]) -> str | None:
        if key in out:
            return out[key]
        if key not in parts:
            return None  # no longer there
        shown = [n for n in (compose(ref) for ref in parts[key]) if n is not None]
        out[key] = SUBJECT_SEPARATOR.join(shown) if shown else f"#{key[1]}"
        return out[key]

    for row in parts:
        compose(row)
    return out


def _own_names(session: Session, target: str, ids: set[int]) -> dict[tuple[str, int], str]:
    """Rows of ``target`` named by their own columns (one query)."""
    table = Base.metadata.tables[target]
    if target in (_TPS, _POST):  # a number and its place: a TPS's desa, a post's kecamatan
        region = Base.metadata.tables["region"]
        stmt = (
            select(table.c.id, table.c.number, region.c.name)
            .join(region, region.c.id == table.c.region_id)
            .where(table.c.id.in_(ids))
        )
        label = tps_label if target == _TPS else post_label
        return {(target, int(i)): label(n, place) for i, n, place in session.execute(stmt)}
    column = table.c[_NAME_COLUMNS.get(target, "name")]
    stmt = select(table.c.id, column).where(table.c.id.in_(ids))
    return {(target, int(r[0])): str(r[1]) for r in session.execute(stmt)}


# A row the journal names that is no longer there, per language.
GONE = {"id": "#{id} (dihapus)", "en": "#{id} (deleted)"}


def gone(row_id: int, lang: str | None = "id") -> str:
    return GONE.get(lang or "id", GONE["id"]).format(id=row_id)


def subject(row: AuditRow, lang: str | None = "id") -> str:
    """The row an entry changed, by its current name ("Kabupaten Batanghari / Politik /
    Pemungutan suara"); "#91 (dihapus)" when it is no longer there; "#91" when its table has
    no name or the names were not looked up."""
    if row.names is None or not nameable(row.entity):
        return f"#{row.entity_id}"
    return row.names.get((row.entity, row.entity_id)) or gone(row.entity_id, lang)


def count(session: Session, f: AuditFilter) -> int:
    stmt = select(func.count()).select_from(JournalEntry)
    if (f.text or "").strip():
        stmt = stmt.join(JournalTxn, JournalTxn.id == JournalEntry.txn_id)
    return int(session.scalar(_where(session, stmt, f)) or 0)


def read(store: Store, actor: Actor, f: AuditFilter) -> list[AuditRow]:
    """``query`` for a person: commanders and admins only."""
    check_read(actor)
    with store.read() as s:
        return query(s, f)


def accounts(session: Session) -> list[str]:
    """Every name that appears in the journal (the account filter's choices)."""
    return list(session.scalars(select(JournalEntry.actor).distinct().order_by(JournalEntry.actor)))


def entities(session: Session) -> list[str]:
    return list(
        session.scalars(select(JournalEntry.entity).distinct().order_by(JournalEntry.entity))
    )


# --- summaries -------------------------------------------------------------------------------


def _short(value: Any, width: int = 40) -> str:
    text = "\u2014" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "\u2026"


_INSERT_KEYS = ("code", "name", "username", "nrp", "title", "number", "text", "status_id", "role")


def summarise(
    changes: dict[str, Any],
    action: str,
    width: int = 160,
    *,
    entity: str | None = None,
    names: Mapping[tuple[str, int], str] | None = None,
    lang: str | None = None,
) -> str:
    """ "status_id: 3 → 5; reason: — → patroli" for updates; key fields for inserts/deletes.

    With ``entity`` and ``names`` (``AuditRow.names``), ids of named rows show as names:
    "status: Siaga → Bergerak". With ``lang`` ("id" or "en") every field goes by the name
    an officer reads (``audit_fields.field_name``: "alasan status: — → patroli"), as the
    audit window and its export show it; without, by its column.
    """
    shown = named(changes, entity, names, lang)
    # (column, label, value) in ``changes``' order; a named id's label loses its "_id".
    fields = [(c, k, v) for c, (k, v) in zip(changes, shown.items(), strict=True)]

    def label(column: str, key: str) -> str:
        return field_name(column, lang) if lang else key

    if action == "update":
        parts = [
            f"{label(c, k)}: {_short(v[0])} \u2192 {_short(v[1])}"
            if isinstance(v, list) and len(v) == 2
            else f"{label(c, k)}: {_short(v)}"
            for c, k, v in fields
        ]
    else:
        key = {k: (c, k, v) for c, k, v in fields}
        picked = [key[k] for k in _INSERT_KEYS if k in key]
        picked += [f for f in fields if f[1] != f[0] and f not in picked]  # named ids
        equals = ": " if lang else "="
        parts = [f"{label(c, k)}{equals}{_short(v)}" for c, k, v in picked] or [
            f"{len(changes)} kolom"
        ]
    text = "; ".join(parts)
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def named(
    changes: dict[str, Any],
    entity: str | None,
    names: Mapping[tuple[str, int], str] | None,
    lang: str | None = "id",
) -> dict[str, Any]:
    """``changes`` with ids of named rows replaced by names ("status_id" becomes "status"),
    an id of a row no longer there by ``gone`` ("#1052 (dihapus)"), and stored
    micro-degrees (``latitude_e6``) as degrees ("-2.1", not -2100000)."""
    out: dict[str, Any] = {}
    for key, value in changes.items():
        if key.endswith("_e6"):
            out[key] = [_degrees(v) for v in value] if isinstance(value, list) else _degrees(value)
            continue
        target = _fk_target(entity, key) if entity and names is not None else None
        if target is None or names is None or not nameable(target):
            out[key] = value
            continue

        def name(v: Any, target: str = target) -> Any:
            if not isinstance(v, int):
                return v
            return names.get((target, v)) or gone(v, lang)

        label = key[:-3] if key.endswith("_id") else key
        out[label] = [name(v) for v in value] if isinstance(value, list) else name(value)
    return out


def _degrees(value: Any) -> Any:
    return str(degrees(value)) if isinstance(value, int) else value


# --- export ----------------------------------------------------------------------------------

HEADERS = ("Seq", "Waktu", "Zona", "Akun", "Tindakan", "Operasi", "Entitas", "ID", "Perubahan")


def _values(r: AuditRow) -> tuple[Any, ...]:
    local = r.local_at
    return (
        r.seq,
        local.replace(tzinfo=None, microsecond=0),
        zone_label(r.timezone),
        r.actor,
        r.txn_action,
        r.action,
        r.entity,
        r.entity_id,
        summarise(r.changes, r.action, width=32_000, entity=r.entity, names=r.names, lang="id"),
    )


def export_xlsx(
    rows: Iterable[AuditRow],
    path: Path,
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    total: int = 0,
) -> int:
    """Write ``rows`` (AuditRow, any iterable) to ``path``; returns how many were written.

    Text is always stored as text: a cell starting with = + - @ is never a formula.
    """
    from openpyxl import Workbook

    path = Path(path)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Jurnal audit")
    ws.freeze_panes = "A2"
    for col, width in zip("ABCDEFGHI", (10, 20, 7, 18, 24, 9, 22, 10, 90), strict=True):
        ws.column_dimensions[col].width = width
    ws.append([xlsx_cell(ws, h) for h in HEADERS])
    n = 0
    for r in rows:
        if n >= EXPORT_MAX_ROWS:
            break
        ws.append([xlsx_cell(ws, v) for v in _values(r)])
        n += 1
        if n % 5000 == 0:
            if cancel is not None:
                cancel.check()
            progress(n, total, "")
    tmp = path.with_name(path.name + ".part")
    wb.save(private_file(tmp))
    tmp.replace(path)
    return n


def iter_rows(store: Store, f: AuditFilter, batch: int = 2000) -> Iterator[AuditRow]:
    """Every row matching ``f`` (ignoring its paging), newest first, in keyed batches."""
    page = replace(f, limit=batch, offset=0, before_seq=f.before_seq)
    while True:
        with store.read() as s:
            rows = query(s, page)
        yield from rows
        if len(rows) < batch:
            return
        page = replace(page, before_seq=rows[-1].seq)


def export_job(store: Store, actor: Actor, f: AuditFilter, path: Path) -> Job[int]:
    """A ``progress.Job`` that exports every row matching ``f`` (for ``ui.worker``)."""
    check_read(actor)

    def job(progress: Progress, cancel: CancelToken) -> int:
        with store.read() as s:
            total = min(count(s, replace(f, offset=0, before_seq=None)), EXPORT_MAX_ROWS)
        return export_xlsx(iter_rows(store, f), path, progress=progress, cancel=cancel, total=total)

    return job
