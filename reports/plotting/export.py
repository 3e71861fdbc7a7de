"""The plotting documents from the database to a file: the one path the command line
(``opscenter plot --out``) and the plotting window's *Ekspor* take."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from opscenter import clock, sitrep
from opscenter.model import Operation
from opscenter.plotting.lists import plotting_list
from opscenter.progress import Progress
from reports.plotting.document import PlottingDocument, write_list, write_slips
from reports.plotting.workbook import workbook

# What a file can hold: the list as a PDF or a workbook, or the assignment slips as a PDF.
KINDS = ("list", "slips")


def document(
    session: Session,
    operation_id: int,
    stage_id: int,
    unit_id: int | None,
    classification: str = "TERBATAS",
) -> PlottingDocument:
    """The stage's plotting (of ``unit_id`` and the units under it, or all) as printed now,
    in the operation's zone and report settings."""
    op = session.get_one(Operation, operation_id)
    settings = sitrep.report_settings(op)
    listing = plotting_list(session, operation_id, stage_id, unit_id)
    now = clock.now().astimezone(ZoneInfo(settings.timezone))
    return PlottingDocument(settings, listing, classification, now)


def write(
    doc: PlottingDocument,
    out: Path,
    *,
    slips: bool = False,
    progress: Progress | None = None,
) -> Path:
    """The slips (``slips``), or the list as a PDF or an .xlsx by ``out``'s suffix; written
    whole or not at all, private to the user. ``progress`` hears of a PDF's layout and may
    raise to stop it (nothing is written then)."""
    if slips:
        return write_slips(doc, out, progress)
    if out.suffix.lower() == ".pdf":
        return write_list(doc, out, progress)
    return sitrep.write_atomically(out, workbook(doc))
