"""Incident services: record, edit, follow up, change status, responding units."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from opscenter import clock
from opscenter.actor import Actor
from opscenter.editing import apply, fetch_for_edit
from opscenter.errors import InvalidValue, NotFound, PointOutside
from opscenter.model import (
    FollowUp,
    Incident,
    IncidentStatus,
    IncidentType,
    IncidentUnit,
    Operation,
    PollingStation,
    Region,
    Severity,
    Unit,
)
from opscenter.permissions import require
from opscenter.store import Store

# An incident may be logged up to this far ahead of the clock (clock drift between
# workstations), never further: a future occurrence is a typing error.
CLOCK_SLACK = timedelta(minutes=10)
EDITABLE = frozenset(
    {
        "type_id",
        "severity_id",
        "occurred_at",
        "region_id",
        "tps_id",
        "location",
        "title",
        "description",
        "dead",
        "injured",
        "damage",
        "latitude_e6",
        "longitude_e6",
    }
)
# Coordinates are kept in integer micro-degrees (see ``model.Incident.latitude_e6``).
E6 = 1_000_000
LIMITS = {"latitude_e6": 90 * E6, "longitude_e6": 180 * E6}


@dataclass(frozen=True, slots=True)
class IncidentDraft:
    """What an operator enters; the service fills in number, status and recorded time."""

    operation_id: int
    type_id: int
    severity_id: int
    title: str
    occurred_at: datetime
    description: str = ""
    region_id: int | None = None
    tps_id: int | None = None
    location: str | None = None
    dead: int = 0
    injured: int = 0
    damage: str | None = None
    unit_ids: Sequence[int] = field(default_factory=tuple)
    latitude_e6: int | None = None  # both or neither, inside the operation's area
    longitude_e6: int | None = None


def micro_degrees(value: Decimal | int | float | str) -> int:
    """Degrees as stored: -1.6 -> -1_600_000 (rounded to the nearest micro-degree). A float
    goes through its shortest decimal form, so 103.6 is 103_600_000, not one less."""
    try:
        exact = Decimal(str(value).strip())
    except InvalidOperation:
        raise InvalidValue(field="point", value=str(value), reason="not_a_number") from None
    if not exact.is_finite():
        raise InvalidValue(field="point", value=str(value), reason="not_a_number")
    return int((exact * E6).to_integral_value())


# One number of degrees as people type it: a decimal point or comma, an optional sign and
# degree mark ("-1.6", "-1,6", "103,6°").
_DEGREES = re.compile(r"[+-]?\d{1,3}(?:[.,]\d+)?°?")


def read_degrees(text: str) -> int | None:
    """Typed degrees as micro-degrees; None when empty. Refused in a sentence when it is not
    one number of decimal degrees."""
    text = text.strip()
    if not text:
        return None
    if not _DEGREES.fullmatch(text):
        raise InvalidValue(field="point", value=text, reason="unreadable_point")
    return micro_degrees(text.rstrip("°").replace(",", "."))


def split_point(text: str) -> tuple[str, str] | None:
    """Latitude and longitude typed or pasted in one field ("-1.6, 103.6", "-1,6 103,6",
    "-1,6; 103,6", "-1.6,103.6"), as two texts; None when ``text`` is not such a pair."""
    text = text.strip()
    parts = [p for p in re.split(r"\s*;\s*|\s+|,\s+", text) if p]
    if len(parts) != 2 and "." in text and text.count(",") == 1:
        parts = text.split(",")  # decimal points, so the one comma separates the two
    if len(parts) == 2 and all(_DEGREES.fullmatch(p.strip().rstrip(",")) for p in parts):
        return parts[0].strip().rstrip(","), parts[1].strip()
    return None


def degrees(e6: int | None) -> Decimal | None:
    """Stored micro-degrees as exact decimal degrees, without trailing zeros: -1.6."""
    if e6 is None:
        return None
    out = (Decimal(e6) / E6).normalize()
    return out.quantize(Decimal(1)) if out == out.to_integral_value() else out


def _inside(session: Session, operation_id: int, lon: Decimal, lat: Decimal) -> bool:
    """Whether the point lies in the operation's area: the one place the geography is asked
    (``opscenter.geo``, the boundaries that ship with the program)."""
    from opscenter.geo import inside_operation

    return bool(inside_operation(session, operation_id, float(lon), float(lat)))


def _check_point(session: Session, operation_id: int, lat_e6: object, lon_e6: object) -> None:
    """Both coordinates or neither, each on the globe, the point in the operation's area."""
    if lat_e6 is None and lon_e6 is None:
        return
    for key, value in (("latitude_e6", lat_e6), ("longitude_e6", lon_e6)):
        if value is None:
            raise InvalidValue(field="point", value=None, reason="point_half")
        if not isinstance(value, int) or isinstance(value, bool):
            raise InvalidValue(field=key, value=value, reason="not_a_number")
        if abs(value) > LIMITS[key]:
            raise InvalidValue(field=key, value=degrees(value), reason=key.removesuffix("_e6"))
    assert isinstance(lat_e6, int) and isinstance(lon_e6, int)
    lat, lon = degrees(lat_e6), degrees(lon_e6)
    assert lat is not None and lon is not None
    if not _inside(session, operation_id, lon, lat):
        op = session.get(Operation, operation_id)
        raise PointOutside(
            field="point", latitude=lat, longitude=lon, operation=op.name if op else ""
        )


def _belongs(
    session: Session, model: type[Any], row_id: int | None, operation_id: int, name: str
) -> None:
    if row_id is None:
        return
    row: Any = session.get(model, row_id)
    if row is None or row.operation_id != operation_id:
        raise InvalidValue(field=name, value=row_id, reason="unknown")


def validate(session: Session, operation_id: int, fields: dict[str, object], now: datetime) -> None:
    """Refuse (``InvalidValue``, ``PointOutside``) what the incident form refuses: the one
    check of an incident's fields, for the form's services and the incident import alike."""
    # No type is a refusal, not a default: a hurried "Politik uang" is worse than none.
    if "type_id" in fields and not fields["type_id"]:
        raise InvalidValue(field="type_id", value=None, reason="required")
    if "title" in fields and not str(fields["title"] or "").strip():
        raise InvalidValue(field="title", value="", reason="required")
    occurred = fields.get("occurred_at")
    if isinstance(occurred, datetime):
        if occurred.tzinfo is None:
            raise InvalidValue(field="occurred_at", value=occurred.isoformat(), reason="no_zone")
        if occurred > now + CLOCK_SLACK:
            raise InvalidValue(field="occurred_at", value=occurred.isoformat(), reason="future")
    for key in ("dead", "injured"):
        value = fields.get(key)
        if value is not None and (not isinstance(value, int) or value < 0):
            raise InvalidValue(field=key, value=value, reason="negative")
    for key, model in (
        ("type_id", IncidentType),
        ("severity_id", Severity),
        ("region_id", Region),
        ("tps_id", PollingStation),
    ):
        if key in fields:
            _belongs(session, model, fields[key], operation_id, key)  # type: ignore[arg-type]
    if "latitude_e6" in fields or "longitude_e6" in fields:
        if "latitude_e6" not in fields or "longitude_e6" not in fields:
            # A point is changed whole: half of an old one with half of a new one is nowhere.
            raise InvalidValue(field="point", value=None, reason="point_half")
        _check_point(session, operation_id, fields["latitude_e6"], fields["longitude_e6"])


def _status(session: Session, operation_id: int, code: str) -> IncidentStatus:
    status = session.scalars(
        select(IncidentStatus).where(
            IncidentStatus.operation_id == operation_id, IncidentStatus.code == code
        )
    ).first()
    if status is None:
        raise NotFound(entity="incident_status", key=code)
    return status


def record(store: Store, actor: Actor, draft: IncidentDraft) -> int:
    """Log a new incident (status "baru"); returns its id."""
    require(actor, "incident.edit")
    now = clock.now()
    fields = {k: getattr(draft, k) for k in EDITABLE}
    with store.transaction(actor, "incident.record") as s:
        validate(s, draft.operation_id, fields, now)
        for unit_id in draft.unit_ids:
            _belongs(s, Unit, unit_id, draft.operation_id, "unit_ids")
        number = (
            s.scalar(
                select(func.coalesce(func.max(Incident.number), 0)).where(
                    Incident.operation_id == draft.operation_id
                )
            )
            or 0
        ) + 1
        inc = Incident(
            operation_id=draft.operation_id,
            number=number,
            status_id=_status(s, draft.operation_id, "baru").id,
            recorded_at=now,
            recorded_by=actor.username,
            **{**fields, "title": draft.title.strip()},
        )
        s.add(inc)
        s.flush()
        for unit_id in dict.fromkeys(draft.unit_ids):
            s.add(
                IncidentUnit(operation_id=draft.operation_id, incident_id=inc.id, unit_id=unit_id)
            )
        return inc.id


def update(
    store: Store, actor: Actor, incident_id: int, expected_version: int | None, **fields: object
) -> int:
    """Edit an incident's fields; returns its new version. ``expected_version`` None: an undo
    or redo, which puts back a value whatever was saved since (as ``set_status`` does)."""
    require(actor, "incident.edit")
    with store.transaction(actor, "incident.update") as s:
        inc = fetch_for_edit(s, Incident, incident_id, expected_version)
        validate(s, inc.operation_id, fields, clock.now())
        apply(inc, dict(fields), EDITABLE)
        s.flush()
        return inc.version


def add_follow_up(
    store: Store,
    actor: Actor,
    incident_id: int,
    text: str,
    *,
    status_code: str | None = None,
    unit_id: int | None = None,
    expected_version: int | None = None,
) -> int:
    """Append an entry to the incident's timeline; may move its status. Returns the entry id.

    A plain note does not conflict with other edits (``expected_version`` None); a status
    change does, since it acts on the status the operator saw.
    """
    require(actor, "incident.edit")
    text = text.strip()
    if not text:
        raise InvalidValue(field="text", value="", reason="required")
    with store.transaction(actor, "incident.follow_up") as s:
        inc = fetch_for_edit(s, Incident, incident_id, expected_version)
        _belongs(s, Unit, unit_id, inc.operation_id, "unit_id")
        now = clock.now()
        status_id = None
        if status_code is not None:
            status = _status(s, inc.operation_id, status_code)
            status_id = status.id
            inc.status_id = status.id
            inc.closed_at = now if status.is_closed else None
        entry = FollowUp(
            operation_id=inc.operation_id,
            incident_id=inc.id,
            at=now,
            actor=actor.username,
            text=text,
            status_id=status_id,
            unit_id=unit_id,
        )
        s.add(entry)
        s.flush()
        return entry.id


def set_status(
    store: Store, actor: Actor, incident_id: int, status_code: str, expected_version: int | None
) -> int:
    """Move an incident to another status (Baru -> Ditangani -> Selesai), noted on its timeline."""
    require(actor, "incident.edit")
    with store.transaction(actor, "incident.set_status") as s:
        inc = fetch_for_edit(s, Incident, incident_id, expected_version)
        status = _status(s, inc.operation_id, status_code)
        now = clock.now()
        inc.status_id = status.id
        inc.closed_at = now if status.is_closed else None
        s.add(
            FollowUp(
                operation_id=inc.operation_id,
                incident_id=inc.id,
                at=now,
                actor=actor.username,
                text=f"Status: {status.name}",
                status_id=status.id,
            )
        )
        s.flush()
        return inc.version


def set_units(store: Store, actor: Actor, incident_id: int, unit_ids: Sequence[int]) -> None:
    """Set which units responded (adds and removes IncidentUnit rows)."""
    require(actor, "incident.edit")
    with store.transaction(actor, "incident.set_units") as s:
        inc = fetch_for_edit(s, Incident, incident_id, None)
        for unit_id in unit_ids:
            _belongs(s, Unit, unit_id, inc.operation_id, "unit_ids")
        current = {
            row.unit_id: row
            for row in s.scalars(select(IncidentUnit).where(IncidentUnit.incident_id == inc.id))
        }
        wanted = set(unit_ids)
        for unit_id, row in current.items():
            if unit_id not in wanted:
                s.delete(row)
        for unit_id in dict.fromkeys(unit_ids):
            if unit_id not in current:
                s.add(
                    IncidentUnit(operation_id=inc.operation_id, incident_id=inc.id, unit_id=unit_id)
                )
