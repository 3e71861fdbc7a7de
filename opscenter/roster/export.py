"""Exporting personnel, polling stations and incidents to .xlsx or .csv.

Personnel and TPS exports use the template's headers and unit codes, so an export
imports back unchanged.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from opscenter.formulas import csv_cell, xlsx_row
from opscenter.incidents import degrees
from opscenter.model import (
    Incident,
    IncidentStatus,
    IncidentType,
    Personnel,
    PollingStation,
    Rank,
    Region,
    Severity,
    TpsCategory,
    Unit,
)
from opscenter.private_files import private_file
from opscenter.readiness.sarpras_export import HEADERS as SARPRAS_HEADERS
from opscenter.readiness.sarpras_export import export_rows as sarpras_rows
from opscenter.roster.errors import RosterError
from opscenter.roster.template import PERSONNEL_HEADERS, TPS_HEADERS
from opscenter.store import Store

# The incident import (``opscenter.incident_import``) reads these back: WILAYAH is the
# region's Kemendagri code where it has one, else its name.
INCIDENT_HEADERS = ("NOMOR", "JUDUL", "JENIS", "TINGKAT", "STATUS", "WAKTU KEJADIAN (UTC)",
                    "WAKTU DICATAT (UTC)", "LOKASI", "KORBAN MENINGGAL", "KORBAN LUKA",
                    "LINTANG", "BUJUR", "WILAYAH", "TPS", "URAIAN")  # fmt: skip


def _personnel(s: Session, op_id: int) -> Iterator[Sequence[Any]]:
    home = aliased(Unit)
    assigned = aliased(Unit)
    stmt = (
        select(Personnel.nrp, Personnel.name, Rank.name, Personnel.position, home.code,
               assigned.code, Personnel.phone, Personnel.duty_status)
        .join(home, home.id == Personnel.home_unit_id)
        .outerjoin(assigned, assigned.id == Personnel.assigned_unit_id)
        .outerjoin(Rank, Rank.id == Personnel.rank_id)
        .where(Personnel.operation_id == op_id)
        .order_by(home.code, Personnel.nrp)
    )  # fmt: skip
    yield from s.execute(stmt)


def _tps(s: Session, op_id: int) -> Iterator[Sequence[Any]]:
    desa = aliased(Region)
    kec = aliased(Region)
    kab = aliased(Region)
    stmt = (
        select(kab.name, kec.name, desa.name, PollingStation.number, TpsCategory.name,
               PollingStation.voters, Unit.code, PollingStation.address)
        .join(desa, desa.id == PollingStation.region_id)
        .outerjoin(kec, kec.id == desa.parent_id)
        .outerjoin(kab, kab.id == kec.parent_id)
        .outerjoin(TpsCategory, TpsCategory.id == PollingStation.category_id)
        .outerjoin(Unit, Unit.id == PollingStation.unit_id)
        .where(PollingStation.operation_id == op_id)
        .order_by(kab.name, kec.name, desa.name, PollingStation.number)
    )  # fmt: skip
    yield from s.execute(stmt)


def _incidents(s: Session, op_id: int) -> Iterator[Sequence[Any]]:
    stmt = (
        select(Incident.number, Incident.title, IncidentType.name, Severity.name,
               IncidentStatus.name, Incident.occurred_at, Incident.recorded_at,
               Incident.location, Incident.dead, Incident.injured, Incident.latitude_e6,
               Incident.longitude_e6, func.coalesce(Region.code, Region.name),
               PollingStation.number, Incident.description)
        .join(IncidentType, IncidentType.id == Incident.type_id)
        .join(Severity, Severity.id == Incident.severity_id)
        .join(IncidentStatus, IncidentStatus.id == Incident.status_id)
        .outerjoin(Region, Region.id == Incident.region_id)
        .outerjoin(PollingStation, PollingStation.id == Incident.tps_id)
        .where(Incident.operation_id == op_id)
        .order_by(Incident.number)
    )  # fmt: skip
    for row in s.execute(stmt):
        values = list(row)
        for i in (5, 6):  # openpyxl refuses aware datetimes; the header says UTC
            if values[i] is not None:
                values[i] = values[i].replace(tzinfo=None)
        for i in (10, 11):
            # Decimal degrees as numbers, not text: a CSV cell "-1.6" is a number there (no
            # formula quote, formulas.csv_cell quotes text only) and an .xlsx cell a number;
            # the float's shortest form gives the same micro-degrees back (micro_degrees).
            point = degrees(values[i])
            values[i] = None if point is None else float(point)
        yield values


_KINDS = {
    "personnel": (PERSONNEL_HEADERS, _personnel),
    "tps": (TPS_HEADERS, _tps),
    "incidents": (INCIDENT_HEADERS, _incidents),
    "sarpras": (SARPRAS_HEADERS, sarpras_rows),
}


def write(store: Store, kind: str, out: Path, operation_id: int | None = None) -> int:
    """Write every ``kind`` record of the operation to ``out`` (.xlsx or .csv); returns rows."""
    from opscenter import operations

    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise RosterError("not_spreadsheet", file=out.name)
    headers, rows_of = _KINDS[kind]
    n = 0
    with store.read() as s:
        op_id = operation_id or operations.get_operation(s).id
        rows = rows_of(s, op_id)
        if suffix == ".csv":
            with private_file(out).open("w", encoding="utf-8-sig", newline="") as fh:
                w = csv.writer(fh)
                w.writerow(headers)
                for row in rows:
                    w.writerow(["" if v is None else csv_cell(v) for v in row])
                    n += 1
            return n
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet("Data")
        ws.append(list(headers))
        for row in rows:
            ws.append(xlsx_row(ws, row))  # text stays text, whatever it starts with
            n += 1
        wb.save(private_file(out))
    return n
