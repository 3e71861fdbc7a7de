"""Personnel services: add and edit one person (bulk loading is the import's job)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter.actor import Actor
from opscenter.editing import apply, fetch_for_edit
from opscenter.errors import InvalidValue
from opscenter.model import DUTY_STATUSES, Personnel, Rank, Unit
from opscenter.permissions import require
from opscenter.store import Store

EDITABLE = frozenset(
    {
        "name",
        "rank_id",
        "position",
        "home_unit_id",
        "assigned_unit_id",
        "phone",
        "duty_status",
    }
)
_NRP = re.compile(r"\d{8}")
_NIP = re.compile(r"\d{18}")


def id_kind(number: str) -> str:
    """'nrp' for an 8-digit NRP, 'nip' for an 18-digit NIP; anything else is refused."""
    if _NRP.fullmatch(number):
        return "nrp"
    if _NIP.fullmatch(number):
        return "nip"
    raise InvalidValue(field="nrp", value=number, reason="malformed")


@dataclass(frozen=True, slots=True)
class PersonDraft:
    operation_id: int
    nrp: str
    name: str
    home_unit_id: int
    rank_id: int | None = None
    position: str | None = None
    assigned_unit_id: int | None = None
    phone: str | None = None
    duty_status: str = "aktif"


def _validate(session: Session, operation_id: int, fields: dict[str, object]) -> None:
    if "name" in fields and not str(fields["name"] or "").strip():
        raise InvalidValue(field="name", value="", reason="required")
    if "duty_status" in fields and fields["duty_status"] not in DUTY_STATUSES:
        raise InvalidValue(field="duty_status", value=fields["duty_status"], reason="unknown")
    models: tuple[tuple[str, type[Rank | Unit]], ...] = (
        ("rank_id", Rank),
        ("home_unit_id", Unit),
        ("assigned_unit_id", Unit),
    )
    for key, model in models:
        row_id = fields.get(key)
        if row_id is None:
            continue
        row = session.get(model, row_id)
        if row is None or getattr(row, "operation_id", None) != operation_id:
            raise InvalidValue(field=key, value=row_id, reason="unknown")


def add(store: Store, actor: Actor, draft: PersonDraft) -> int:
    require(actor, "personnel.edit")
    kind = id_kind(draft.nrp)
    fields = {k: getattr(draft, k) for k in EDITABLE}
    with store.transaction(actor, "personnel.add") as s:
        _validate(s, draft.operation_id, fields)
        clash = s.scalar(
            select(Personnel.id).where(
                Personnel.operation_id == draft.operation_id, Personnel.nrp == draft.nrp
            )
        )
        if clash is not None:
            raise InvalidValue(field="nrp", value=draft.nrp, reason="exists")
        person = Personnel(operation_id=draft.operation_id, nrp=draft.nrp, id_kind=kind, **fields)
        s.add(person)
        s.flush()
        return person.id


def update(
    store: Store, actor: Actor, person_id: int, expected_version: int, **fields: object
) -> int:
    require(actor, "personnel.edit")
    with store.transaction(actor, "personnel.update") as s:
        person = fetch_for_edit(s, Personnel, person_id, expected_version)
        _validate(s, person.operation_id, fields)
        apply(person, dict(fields), EDITABLE)
        s.flush()
        return person.version
