"""The readiness report from the database to a file: the one path the command line
(``opscenter readiness --out``) and the window's *Laporan kesiapan…* take, so both print
the same matrix, number and date for the same database and moment."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from opscenter import clock, operations, sitrep
from opscenter.model import Operation
from opscenter.readiness.matrix import readiness
from reports.readiness.content import ReadinessReport, default_number
from reports.readiness.document import write_pdf
from reports.readiness.workbook import workbook

# What a file can hold: the report as a PDF, or the matrix as a workbook.
FORMATS = (".pdf", ".xlsx")


def report(
    session: Session,
    op: Operation,
    *,
    stage_id: int | None = None,
    at: datetime | None = None,
    as_of: datetime | None = None,
    number: str = "",
    classification: str = "TERBATAS",
    lang: str | None = None,
) -> ReadinessReport:
    """The report of ``op`` made at ``at`` (default: the operation's clock): the matrix of
    ``stage_id`` (default: the voting stage) dated on the operation's day at ``as_of``
    (default: ``at``), numbered ``number`` or else the operation's template with the serial
    left as dots, in ``lang`` (default: the operation's report language). Every unit gets a
    page of the ones a commander tours; ``dataclasses.replace(unit_ids=...)`` narrows it."""
    settings = sitrep.report_settings(op)
    if lang is not None:
        settings = dataclasses.replace(settings, language=lang)
    made = at if at is not None else clock.now()
    today = operations.local_today(op, as_of if as_of is not None else made)
    r = readiness(session, op.id, stage_id=stage_id, today=today, lang=settings.language)
    return ReadinessReport(
        settings=settings,
        readiness=r,
        number=number.strip() or default_number(settings.number_template, r.today),
        classification=classification,
        generated_at=made.astimezone(ZoneInfo(op.timezone)),
    )


def write(doc: ReadinessReport, out: Path) -> Path:
    """The report as a PDF or the matrix as an .xlsx, by ``out``'s suffix; the destination
    checked before any work, the file written whole or not at all, private to the user."""
    if out.suffix.lower() == ".pdf":
        return write_pdf(doc, out)
    sitrep.check_destination(out)
    return sitrep.write_atomically(out, workbook(doc))
