"""The report's number and signature: the operation's report settings.

``issue_serial`` takes the next serial for good and ``configure`` changes the settings
(number template, unit, place, signatory); both are journaled and check the actor's
permission first. ``format_number`` and ``signatory_of`` read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from opscenter import operations
from opscenter.actor import Actor
from opscenter.errors import InvalidValue
from opscenter.model import Operation
from opscenter.permissions import require
from opscenter.sitrep.content import Letterhead, Signatory
from opscenter.store import Store, version_watch

ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def format_number(template: str, serial: int, day: date) -> str:
    """The report number from the operation's template.

    Fields: ``{serial}``, ``{month_roman}``, ``{month}``, ``{year}``. A template with an
    unknown field is refused.
    """
    try:
        return template.format(
            serial=serial, month_roman=ROMAN_MONTHS[day.month - 1], month=day.month, year=day.year
        )
    except (KeyError, IndexError, ValueError) as exc:
        raise InvalidValue(
            field="sitrep_number_template", value=template, reason="template"
        ) from exc


def issue_serial(store: Store, actor: Actor, operation_code: str | None = None) -> int:
    """Take the next report serial of the operation (journaled); returns it."""
    require(actor, "report.issue")
    with store.transaction(actor, "sitrep.issue") as s:
        op = operations.get_operation(s, operation_code)
        op.sitrep_serial = op.sitrep_serial + 1
        return op.sitrep_serial


def configure(
    store: Store,
    actor: Actor,
    operation_code: str | None = None,
    *,
    number_template: str | None = None,
    unit_name: str | None = None,
    place: str | None = None,
    signatory: Signatory | None = None,
) -> None:
    """Change the operation's report settings (journaled); ``None`` leaves one as it is.

    The template is tried before it is saved: an unknown field is refused. A signatory
    with ``on_behalf_of`` set signs "a.n." the head of the command.
    """
    require(actor, "report.configure")
    if number_template is not None:
        if not number_template.strip():
            raise InvalidValue(field="sitrep_number_template", value="", reason="required")
        format_number(number_template, 1, date(2024, 1, 1))
    with store.transaction(actor, "sitrep.configure") as s:
        op = operations.get_operation(s, operation_code)
        version_watch(s, op)
        if number_template is not None:
            op.sitrep_number_template = number_template.strip()
        if unit_name is not None:
            op.sitrep_unit = unit_name.strip().upper() or op.sitrep_unit
        if place is not None:
            op.sitrep_place = place.strip() or None
        if signatory is not None:
            op.signatory_title = signatory.title.strip() or None
            op.signatory_name = signatory.name.strip().upper() or None
            op.signatory_rank = signatory.rank.strip().upper() or None
            op.signatory_nrp = signatory.nrp.strip() or None
            op.signatory_on_behalf = bool(signatory.on_behalf_of)


def signatory_of(op: Operation, given: Signatory | None = None) -> Signatory:
    """``given``, else the operation's configured signatory."""
    if given is not None:
        return given
    on_behalf = f"KEPALA KEPOLISIAN {op.command_name}" if op.signatory_on_behalf else None
    return Signatory(
        title=op.signatory_title or f"KEPALA {op.sitrep_unit}",
        name=(op.signatory_name or "").upper(),
        rank=op.signatory_rank or "",
        nrp=op.signatory_nrp or "",
        on_behalf_of=on_behalf,
    )


def letterhead(op: Operation) -> dict[str, Any]:
    """The operation's ``Letterhead`` fields by name, for the dataclasses that start with
    them (``ReportSettings``, ``Sitrep``)."""
    return {
        "operation_code": op.code,
        "operation_name": op.name,
        "command_name": op.command_name,
        "unit_name": op.sitrep_unit,
        "place": op.sitrep_place or op.province,
        "language": op.language,
        "timezone": op.timezone,
        "tz_label": operations.zone_label(op.timezone),
    }


@dataclass(frozen=True, slots=True)
class ReportSettings(Letterhead):
    """What every printed report of an operation takes from its report settings: the
    letterhead (command, unit), the place and signatory, the language and the time zone."""

    number_template: str  # the situation report's; other reports borrow its shape
    signatory: Signatory


def report_settings(op: Operation, signatory: Signatory | None = None) -> ReportSettings:
    """The operation's report settings (``signatory``, if given, signs instead)."""
    return ReportSettings(
        **letterhead(op),
        number_template=op.sitrep_number_template,
        signatory=signatory_of(op, signatory),
    )
