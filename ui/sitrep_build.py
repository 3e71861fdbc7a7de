"""The situation report built off the GUI thread, as plain data (no widgets): ``Request``,
what the dialog or the schedule asks for; ``produce``, run in a ``ui.worker`` job, which
assembles the report, takes its number when it is issued for good, renders it, writes it
and draws the preview pages; ``Produced``, what it hands back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from opscenter import sitrep
from opscenter.actor import Actor
from opscenter.progress import CancelToken
from opscenter.store import Store

PREVIEW_SCALE = 0.9  # points -> pixels of the preview (A4 ~ 536 x 758 px)


@dataclass(frozen=True, slots=True)
class Request:
    """What the user asked for: plain data for the worker."""

    operation_code: str | None
    period_from: datetime | None
    period_to: datetime | None
    classification: str
    signatory: sitrep.Signatory | None
    sections: tuple[str, ...]
    now: datetime
    issue: bool = False  # take a serial for good (save, print, schedule) or preview only
    out: Path | None = None


@dataclass(frozen=True, slots=True)
class PageImage:
    width: int
    height: int
    stride: int
    data: bytes


@dataclass(frozen=True, slots=True)
class Produced:
    report: sitrep.Sitrep
    pdf: bytes
    pages: tuple[PageImage, ...]
    path: Path | None


def produce(
    store: Store,
    actor: Actor,
    req: Request,
    progress: Callable[[int, int, str], None],
    preview: bool = True,
    cancel: CancelToken | None = None,
) -> Produced:
    """Assemble, render, optionally write, and draw the preview pages. Runs in a worker;
    a number is taken as ``actor``, the account signed in. ``cancel`` stops a preview that
    a newer one superseded, between its stages (never after a number was taken)."""
    check = cancel.check if cancel is not None else (lambda: None)
    if req.out is not None:
        sitrep.check_destination(req.out)

    def build(serial: int | None) -> sitrep.Sitrep:
        with store.read() as s:
            return sitrep.assemble(
                s,
                req.operation_code,
                period_from=req.period_from,
                period_to=req.period_to,
                classification=req.classification,
                signatory=req.signatory,
                now=req.now,
                serial=serial,
                sections=req.sections,
            )

    progress(0, 100, "assemble")
    report = build(None)
    if not req.issue:
        check()
    if req.issue:  # validated above: only now take a number for good
        report = build(sitrep.issue_serial(store, actor, report.operation_code))
    # reportlab and pdfium load on the first report, not with the window (issue 3: start-up).
    import pypdfium2

    from reports.sitrep import render

    progress(20, 100, "render")
    if not req.issue:
        check()
    pdf = render(report, lambda d, t, w: progress(20 + 60 * d // max(1, t), 100, w))
    path = sitrep.write_atomically(req.out, pdf) if req.out is not None else None
    pages: list[PageImage] = []
    if preview:
        doc = pypdfium2.PdfDocument(pdf)
        try:
            for i in range(len(doc)):
                check()
                bitmap = doc[i].render(scale=PREVIEW_SCALE, rev_byteorder=True)
                pages.append(
                    PageImage(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
                )
                progress(80 + 20 * (i + 1) // len(doc), 100, "preview")
        finally:
            doc.close()
    return Produced(report, pdf, tuple(pages), path)
