"""Importing incident logs from spreadsheets: the export's own layout (``opscenter export
incidents``, its times in UTC) and each Polres's (WAKTU, or TANGGAL and JAM, in the
operation's time zone), with the roster machinery (``opscenter.roster``: reading, table
finding, header synonyms, cell references, the error workbook).

A row names an incident by its NOMOR, else by its time, region and type, else is new
(``incident_import_matching``). Every value passes the incident form's own check
(``incidents.validate``), refused per cell in the form's words (``incident_import_rows``).

An incident log is saved whole or not at all: ``commit`` refuses the file while any cell is
refused, writes everything in one transaction journaled as "import.incidents" (so the
import history lists it and can revert it), and refuses rows that someone changed or added
since the preview (the stored version; the same number, or time, region and type).

This module is the importer the wizard and the command line call: its ``KIND``, its
preview, ``prepare`` and ``commit``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from opscenter import clock, incidents, journal, operations
from opscenter.actor import Actor
from opscenter.editing import apply, fetch_for_edit
from opscenter.incident_import_matching import Record, classify
from opscenter.incident_import_rows import COLUMNS, FIELD_COLUMNS, SHOWN_IN, Reader, read_known
from opscenter.model import Incident, IncidentStatus
from opscenter.permissions import require
from opscenter.progress import CancelToken, Progress, no_progress
from opscenter.roster import whole_file
from opscenter.roster.commit import Outcome
from opscenter.roster.errors import RosterError
from opscenter.roster.headers import FIELDS
from opscenter.roster.preview import Options, RowOutcome, label_of
from opscenter.roster.whole_file import WholeFilePreview
from opscenter.store import Store

KIND = "incidents"
PERMISSION = "import.run"


@dataclass(slots=True)
class IncidentPreview(WholeFilePreview[Record]):
    # A log is saved whole or not at all: any refused cell refuses the file.
    refusal_reason: ClassVar[str] = "incidents_rejected"
    kind: ClassVar[str] = KIND
    zone: str
    provided: frozenset[str]

    def label(self, column: str, value: Any) -> str:
        """Names for ids, times in the operation's zone, points in degrees."""
        if isinstance(value, datetime):
            return operations.local_text(value, self.zone)
        if column in ("latitude_e6", "longitude_e6") and isinstance(value, int):
            return str(incidents.degrees(value))
        return label_of(self.labels, column, value)

    def key_text(self, r: RowOutcome) -> str:
        """ "KEJ-0042 · 27-11-2024 14:05 WIB · Bentrokan" (the number once it has one)."""
        if r.values is None:
            return ""
        number, type_id, when = r.values[0], r.values[1], r.values[4]
        parts = [f"KEJ-{number:04d}"] if number is not None else []
        parts += [self.label("occurred_at", when), self.label("type_id", type_id)]
        return " \u00b7 ".join(p for p in parts if p)

    def field_label(self, column: str) -> str:
        shown = SHOWN_IN.get(column, (column,))
        return next((f.label_id for f in FIELDS[KIND] if f.key in shown), column)


def prepare(
    store: Store,
    path: Path | str,
    options: Options | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> IncidentPreview:
    """Read and check an incident log, and classify what it would change; writes nothing.

    As the roster's ``prepare``: ``options`` name the sheet, the person's own column mapping
    and the operation."""
    with whole_file.opened(path, options, KIND, progress, cancel) as sheet, store.read() as s:
        op_id = sheet.operation_id(s)
        zone = operations.timezone_of(s, op_id)
        known = read_known(s, op_id)
        reader = Reader(s, known, sheet.layout, sheet.name, op_id, zone)
        sheet.read(reader)
    provided = frozenset(c for k in sheet.layout.columns for c in FIELD_COLUMNS.get(k, ()))
    records = classify(reader, known, provided)
    return sheet.preview(
        IncidentPreview,
        op_id,
        records,
        sorted(reader.problems, key=lambda p: (p.row, p.col or 0)),
        zone=zone,
        provided=provided,
        labels=known.labels,
        warnings=reader.warnings,
        warnings_total=reader.warnings_total,
    )


def commit(
    store: Store,
    actor: Actor,
    preview: IncidentPreview,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> Outcome:
    """Write the new and changed incidents in one transaction journaled as "import.incidents".

    Refuses the whole file while any cell is refused (``preview.refusal()``); an incident
    someone changed since the preview (``StaleEdit``); and a new one whose number, or time,
    region and type, someone else has since stored (``RosterError("stale_rows")``). Nothing
    at all is written when nothing is new or changed."""
    require(actor, PERMISSION)
    todo = [r for r in preview.records if r.status != "unchanged"]
    if not whole_file.ready(preview, todo, cancel):
        return whole_file.unwritten(preview)
    details = preview.details()
    op_id = preview.operation_id
    with store.transaction(actor, "import.incidents", details=details, operation_id=op_id) as s:
        now = clock.now()
        stale = [r for r in todo if r.incident_id is None and _taken(s, op_id, r.values)]
        if stale:
            names = ", ".join(preview.key_text(r.outcome()) for r in stale[:5])
            raise RosterError("stale_rows", file=preview.file, count=len(stale), rows=names)
        closed = set(
            s.scalars(
                select(IncidentStatus.id).where(
                    IncidentStatus.operation_id == op_id, IncidentStatus.is_closed.is_(True)
                )
            )
        )
        for r in todo:
            fields = dict(zip(COLUMNS, r.values, strict=True))
            if r.incident_id is None:
                status_id = fields.pop("status_id")
                s.add(
                    Incident(
                        operation_id=op_id,
                        status_id=status_id,
                        recorded_at=r.recorded_at or now,
                        recorded_by=actor.username,
                        closed_at=now if status_id in closed else None,
                        **fields,
                    )
                )
                continue
            inc = fetch_for_edit(s, Incident, r.incident_id, r.version)
            changed = {c: new for c, (_old, new) in r.changes.items()}
            status_id = changed.pop("status_id", None)
            apply(inc, changed, incidents.EDITABLE)
            if status_id is not None:
                inc.status_id = status_id
                inc.closed_at = (inc.closed_at or now) if status_id in closed else None
        s.flush()
        txn_id = s.info[journal.TXN_KEY].txn_id
    return whole_file.written(preview, txn_id, progress)


def _taken(s: Session, operation_id: int, values: tuple[Any, ...]) -> bool:
    """Whether someone stored this new incident's number, or its time, region and type."""
    t = Incident
    by_key = t.occurred_at == values[4], t.type_id == values[1]
    region = t.region_id.is_(None) if values[5] is None else t.region_id == values[5]
    hits = s.scalar(
        select(func.count())
        .select_from(t)
        .where(t.operation_id == operation_id)
        .where((t.number == values[0]) | (by_key[0] & by_key[1] & region))
    )
    return bool(hits)
