"""Inspection visits (kunjungan kerja, supervisi, asistensi), their findings (temuan) per
readiness aspect with advice (saran), and each finding's follow-up (tindak lanjut): a person
in charge, a due date and a status (terbuka, proses, selesai).

A follow-up is overdue from the operation's local midnight after its due date while it is
not closed. Closing one needs a closing note and stamps ``closed_at`` with the operation's
present (``opscenter.clock.now``); reopening clears both, and the journal keeps the note.

Every write needs "readiness.edit", is journaled, and refuses a stale edit
(``expected_version`` is the version the user's screen showed; None skips the check).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter import clock, journal, operations
from opscenter.actor import Actor
from opscenter.editing import apply, fetch_for_edit, row_in_operation
from opscenter.errors import InvalidValue, NotFound, StaleEdit
from opscenter.model import (
    FOLLOW_UP_STATUSES,
    VISIT_KINDS,
    InspectionFinding,
    InspectionVisit,
    Operation,
    ReadinessAspect,
    Unit,
)
from opscenter.permissions import require
from opscenter.readiness.values import date_value, text_value
from opscenter.reference import label
from opscenter.store import Store

PERMISSION = "readiness.edit"
CLOSED = "selesai"


class ClosingNeedsNote(InvalidValue):
    """A follow-up set to "selesai" without a closing note. data: field, value, reason."""

    code = "finding.closing_needs_note"


# --- plain data ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FindingRow:
    id: int
    version: int
    visit_id: int
    unit_id: int
    aspect_id: int
    aspect_name: str
    finding: str
    advice: str | None
    person_in_charge: str | None
    due_on: date | None
    status: str  # terbuka | proses | selesai
    closing_note: str | None
    closed_at: datetime | None
    visited_on: date

    @property
    def is_open(self) -> bool:
        return self.status != CLOSED

    def overdue(self, today: date) -> bool:
        """Open, with a due date, and ``today`` (the operation's local date) is past it: a
        follow-up due on 26 Nov is overdue from local midnight starting 27 Nov."""
        return self.is_open and self.due_on is not None and today > self.due_on


@dataclass(frozen=True, slots=True)
class VisitRow:
    id: int
    version: int
    unit_id: int
    unit_name: str
    visited_on: date
    kind: str  # kunker | supervisi | asistensi
    led_by: str | None
    team: str | None
    checked: str | None
    findings: tuple[FindingRow, ...]


# --- what a writer gives ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VisitValue:
    unit_id: int
    visited_on: date
    kind: str  # kunker | supervisi | asistensi
    led_by: str | None = None  # "Kapolda Jambi"
    team: str | None = None  # who went
    checked: str | None = None  # what was checked, in the team's words


@dataclass(frozen=True, slots=True)
class FindingValue:
    aspect_id: int
    finding: str
    advice: str | None = None
    person_in_charge: str | None = None
    due_on: date | None = None


# --- reading ---------------------------------------------------------------------------------


def local_today(session: Session, operation_id: int) -> date:
    """The operation's local date now (``clock.now()`` in the operation's time zone)."""
    return operations.local_today(session.get_one(Operation, operation_id))


def _finding_rows(
    session: Session, operation_id: int, unit_id: int | None, lang: str
) -> dict[int, list[FindingRow]]:
    """Visit id -> its findings (by id), of visits to one unit (None: to every unit).

    Plain rows of the columns a ``FindingRow`` holds, not ORM objects: the matrix reads
    every finding of a national operation (bench/readiness.py)."""
    f, v, a = InspectionFinding, InspectionVisit, ReadinessAspect
    stmt = (
        select(
            f.id, f.version, f.visit_id, v.unit_id, f.aspect_id, a.name, a.name_en, f.finding,
            f.advice, f.person_in_charge, f.due_on, f.status, f.closing_note, f.closed_at,
            v.visited_on,
        )
        .join(v, v.id == f.visit_id)
        .join(a, a.id == f.aspect_id)
        .where(f.operation_id == operation_id)
        .order_by(f.id)
    )  # fmt: skip
    if unit_id is not None:
        stmt = stmt.where(v.unit_id == unit_id)
    out: dict[int, list[FindingRow]] = defaultdict(list)
    for (
        fid, version, visit_id, unit, aspect_id, name, name_en, finding, advice, pic, due_on,
        status, closing_note, closed_at, visited_on,
    ) in session.execute(stmt):  # fmt: skip
        out[visit_id].append(
            FindingRow(
                fid,
                version,
                visit_id,
                int(unit),
                aspect_id,
                label(name, name_en, lang),
                finding,
                advice,
                pic,
                due_on,
                status,
                closing_note,
                closed_at,
                visited_on,
            )
        )
    return out


def visits(
    session: Session, operation_id: int, unit_id: int | None = None, lang: str = "id"
) -> tuple[VisitRow, ...]:
    """The operation's visits (to one unit, when asked), newest first, with their findings."""
    v = InspectionVisit
    stmt = (
        select(
            v.id, v.version, v.unit_id, Unit.name, v.visited_on, v.kind, v.led_by, v.team,
            v.checked,
        )
        .join(Unit, Unit.id == v.unit_id)
        .where(v.operation_id == operation_id)
        .order_by(v.visited_on.desc(), v.id.desc())
    )  # fmt: skip
    if unit_id is not None:
        stmt = stmt.where(v.unit_id == unit_id)
    rows = list(session.execute(stmt))
    found = _finding_rows(session, operation_id, unit_id, lang)
    return tuple(
        VisitRow(
            id=vid,
            version=version,
            unit_id=unit,
            unit_name=str(name),
            visited_on=visited_on,
            kind=kind,
            led_by=led_by,
            team=team,
            checked=checked,
            findings=tuple(found.get(vid, ())),
        )
        for vid, version, unit, name, visited_on, kind, led_by, team, checked in rows
    )


def by_unit(
    session: Session, operation_id: int, lang: str = "id"
) -> tuple[dict[int, tuple[FindingRow, ...]], dict[int, VisitRow]]:
    """Unit id -> the findings of visits to that unit itself (not rolled up), newest visit
    first; and unit id -> the newest visit to it. One read of the visits for both."""
    findings: dict[int, list[FindingRow]] = defaultdict(list)
    latest: dict[int, VisitRow] = {}
    for v in visits(session, operation_id, lang=lang):  # newest first
        latest.setdefault(v.unit_id, v)
        findings[v.unit_id].extend(v.findings)
    return {uid: tuple(rows) for uid, rows in findings.items()}, latest


def findings_by_unit(
    session: Session, operation_id: int, lang: str = "id"
) -> dict[int, tuple[FindingRow, ...]]:
    """Unit id -> the findings of visits to that unit itself, newest visit first."""
    return by_unit(session, operation_id, lang)[0]


def latest_visit_by_unit(
    session: Session, operation_id: int, lang: str = "id"
) -> dict[int, VisitRow]:
    """Unit id -> the newest visit to it (the unit itself, not rolled up)."""
    return by_unit(session, operation_id, lang)[1]


# --- checking what a writer gives ------------------------------------------------------------


def _visit_fields(session: Session, operation_id: int, v: VisitValue) -> dict[str, object]:
    row_in_operation(session, Unit, v.unit_id, operation_id)
    if v.kind not in VISIT_KINDS:
        raise InvalidValue(field="visit_kind", value=v.kind, reason="unknown")
    return {
        "unit_id": v.unit_id,
        "visited_on": date_value("visited_on", v.visited_on, required=True),
        "kind": v.kind,
        "led_by": text_value("led_by", v.led_by, limit=120),
        "team": text_value("team", v.team),
        "checked": text_value("checked", v.checked),
    }


def _finding_fields(session: Session, operation_id: int, v: FindingValue) -> dict[str, object]:
    row_in_operation(session, ReadinessAspect, v.aspect_id, operation_id)
    return {
        "aspect_id": v.aspect_id,
        "finding": text_value("finding", v.finding, required=True),
        "advice": text_value("advice", v.advice),
        "person_in_charge": text_value("person_in_charge", v.person_in_charge, limit=120),
        "due_on": date_value("due_on", v.due_on, required=False),
    }


# --- writing ---------------------------------------------------------------------------------

# The columns a change may set (what ``_visit_fields`` and ``_finding_fields`` give).
_VISIT_FIELDS = frozenset({"unit_id", "visited_on", "kind", "led_by", "team", "checked"})
_FINDING_FIELDS = frozenset({"aspect_id", "finding", "advice", "person_in_charge", "due_on"})


def _changed(
    session: Session,
    row: InspectionVisit | InspectionFinding,
    fields: dict[str, object],
    allowed: frozenset[str],
) -> int:
    """Set those of ``fields`` (each one of ``allowed``) that differ on a row fetched for
    edit; returns its new version."""
    apply(row, fields, allowed)
    session.flush()
    return row.version


def add_visit(store: Store, actor: Actor, operation_id: int, value: VisitValue) -> int:
    """Record a visit ("visit.add"); returns its id."""
    require(actor, PERMISSION)
    with store.transaction(actor, "visit.add", operation_id=operation_id) as s:
        row = InspectionVisit(operation_id=operation_id, **_visit_fields(s, operation_id, value))
        s.add(row)
        s.flush()
        return row.id


def change_visit(
    store: Store, actor: Actor, visit_id: int, value: VisitValue, *, expected_version: int | None
) -> int:
    """Change a visit ("visit.change"); its findings follow it. Returns the new version."""
    require(actor, PERMISSION)
    with store.transaction(actor, "visit.change") as s:
        row = fetch_for_edit(s, InspectionVisit, visit_id, expected_version)
        return _changed(s, row, _visit_fields(s, row.operation_id, value), _VISIT_FIELDS)


def remove_visit(
    store: Store,
    actor: Actor,
    visit_id: int,
    *,
    expected_version: int | None,
    expected_findings: Mapping[int, int] | None = None,
) -> VisitRow:
    """Remove a visit with its findings ("visit.remove"): each finding is deleted here,
    so that the journal holds every row that goes (the database's cascade would not).

    ``expected_findings`` (finding id -> version) are the findings the user's screen showed
    on the visit (None skips the check): a finding added, changed or removed elsewhere since
    is refused as a stale edit of the visit, naming who and when, for a finding's change
    does not move the visit's own version. Returns what went, as ``restore_visit`` takes it
    back."""
    require(actor, PERMISSION)
    with store.transaction(actor, "visit.remove") as s:
        row = fetch_for_edit(s, InspectionVisit, visit_id, expected_version)
        found = list(
            s.scalars(
                select(InspectionFinding)
                .where(InspectionFinding.visit_id == row.id)
                .order_by(InspectionFinding.id)
            )
        )
        if expected_findings is not None:
            _refuse_other_findings(s, row, found, expected_findings)
        removed = _visit_row(s, row)
        for f in found:
            s.delete(f)
        s.flush()
        s.delete(row)
        s.flush()
        return removed


def _refuse_other_findings(
    session: Session,
    visit: InspectionVisit,
    found: Sequence[InspectionFinding],
    expected: Mapping[int, int],
) -> None:
    stored = {f.id: f.version for f in found}
    if stored == dict(expected):
        return
    # The newest change among the findings that differ: a gone one's last entry is its delete.
    differ = {i for i in stored.keys() | expected.keys() if stored.get(i) != expected.get(i)}
    changes = [c for i in differ if (c := journal.last_change(session, "inspection_finding", i))]
    last = max(changes, key=lambda c: c.seq, default=None)
    raise StaleEdit(
        entity="inspection_visit",
        entity_id=visit.id,
        by=last.actor if last is not None else None,
        at=last.at if last is not None else None,
        zone=operations.timezone_of(session, visit.operation_id),
    )


def _visit_row(session: Session, visit: InspectionVisit) -> VisitRow:
    """One visit with its findings as ``visits`` reads it."""
    return next(v for v in visits(session, visit.operation_id, visit.unit_id) if v.id == visit.id)


def restore_visit(store: Store, actor: Actor, removed: VisitRow) -> VisitRow:
    """Put back a visit ``remove_visit`` took away, with its findings and each follow-up as
    it was (status, closing note, when it was closed) ("visit.restore"): the undo of a
    removal. The rows get new ids; returns the visit as stored again."""
    require(actor, PERMISSION)
    with store.transaction(actor, "visit.restore") as s:
        unit = s.get(Unit, removed.unit_id)
        if unit is None:
            raise NotFound(entity="unit", key=removed.unit_id)
        value = VisitValue(
            removed.unit_id,
            removed.visited_on,
            removed.kind,
            removed.led_by,
            removed.team,
            removed.checked,
        )
        visit = InspectionVisit(
            operation_id=unit.operation_id, **_visit_fields(s, unit.operation_id, value)
        )
        s.add(visit)
        s.flush()
        for f in removed.findings:
            s.add(_restored_finding(s, visit, f))
        s.flush()
        return _visit_row(s, visit)


def _restored_finding(
    session: Session, visit: InspectionVisit, removed: FindingRow
) -> InspectionFinding:
    if removed.status not in FOLLOW_UP_STATUSES:
        raise InvalidValue(field="follow_up_status", value=removed.status, reason="unknown")
    value = FindingValue(
        removed.aspect_id,
        removed.finding,
        removed.advice,
        removed.person_in_charge,
        removed.due_on,
    )
    return InspectionFinding(
        operation_id=visit.operation_id,
        visit_id=visit.id,
        status=removed.status,
        closing_note=removed.closing_note,
        closed_at=removed.closed_at,
        **_finding_fields(session, visit.operation_id, value),
    )


def add_finding(store: Store, actor: Actor, visit_id: int, value: FindingValue) -> int:
    """Add a finding to a visit, its follow-up open ("visit.finding_add"); returns its id."""
    require(actor, PERMISSION)
    with store.transaction(actor, "visit.finding_add") as s:
        visit = s.get(InspectionVisit, visit_id)
        if visit is None:
            raise NotFound(entity="inspection_visit", key=visit_id)
        fields = _finding_fields(s, visit.operation_id, value)
        row = InspectionFinding(
            operation_id=visit.operation_id, visit_id=visit.id, status="terbuka", **fields
        )
        s.add(row)
        s.flush()
        return row.id


def change_finding(
    store: Store,
    actor: Actor,
    finding_id: int,
    value: FindingValue,
    *,
    expected_version: int | None,
) -> int:
    """Change a finding's aspect, text, advice, person in charge or due date
    ("visit.finding_change"; the status has ``set_follow_up``). Returns the new version."""
    require(actor, PERMISSION)
    with store.transaction(actor, "visit.finding_change") as s:
        row = fetch_for_edit(s, InspectionFinding, finding_id, expected_version)
        return _changed(s, row, _finding_fields(s, row.operation_id, value), _FINDING_FIELDS)


def remove_finding(
    store: Store, actor: Actor, finding_id: int, *, expected_version: int | None
) -> FindingRow:
    """Remove a finding entered by mistake ("visit.finding_remove"). Returns what went, as
    ``restore_finding`` takes it back."""
    require(actor, PERMISSION)
    with store.transaction(actor, "visit.finding_remove") as s:
        row = fetch_for_edit(s, InspectionFinding, finding_id, expected_version)
        visit = s.get_one(InspectionVisit, row.visit_id)
        removed = next(f for f in _visit_row(s, visit).findings if f.id == row.id)
        s.delete(row)
        s.flush()
        return removed


def restore_finding(store: Store, actor: Actor, visit_id: int, removed: FindingRow) -> int:
    """Put back a finding ``remove_finding`` took away on visit ``visit_id`` (its visit may
    have been put back under a new id), its follow-up as it was ("visit.finding_restore"):
    the undo of a removal. Returns its new id."""
    require(actor, PERMISSION)
    with store.transaction(actor, "visit.finding_restore") as s:
        visit = s.get(InspectionVisit, visit_id)
        if visit is None:
            raise NotFound(entity="inspection_visit", key=visit_id)
        row = _restored_finding(s, visit, removed)
        s.add(row)
        s.flush()
        return row.id


def set_follow_up(
    store: Store,
    actor: Actor,
    finding_id: int,
    status: str,
    *,
    note: str | None = None,
    expected_version: int | None,
) -> int:
    """Move a follow-up to ``status`` ("visit.follow_up"). Closing ("selesai") needs a
    ``note`` and stamps ``closed_at`` with the operation's present; closing again only
    changes the note. Reopening (any other status) clears the note and ``closed_at``: the
    journal keeps what they were. ``note`` is kept only when closing. Returns the new
    version."""
    require(actor, PERMISSION)
    with store.transaction(actor, "visit.follow_up") as s:
        row = fetch_for_edit(s, InspectionFinding, finding_id, expected_version)
        if status not in FOLLOW_UP_STATUSES:
            raise InvalidValue(field="follow_up_status", value=status, reason="unknown")
        if status == CLOSED:
            text = text_value("closing_note", note)
            if text is None:
                raise ClosingNeedsNote(field="closing_note", value="", reason="required")
            fields: dict[str, object] = {"status": status, "closing_note": text}
            if row.status != CLOSED:
                fields["closed_at"] = clock.now()
        else:
            fields = {"status": status, "closing_note": None, "closed_at": None}
        return _changed(s, row, fields, frozenset(fields))
