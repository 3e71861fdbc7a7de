"""The readiness report as a PDF: A4 portrait, the summary then one page per Polres, with the
situation report's letterhead, page furniture (classification at the top and bottom of
every page, number, "Hal. X dari Y") and signature.

``render(report)`` returns the PDF's bytes; ``write_pdf(report, path)`` checks the
destination first, then writes the whole file or nothing.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.platypus import Flowable, PageBreak, PageTemplate

from opscenter.sitrep import check_destination, write_atomically
from reports.ending import ended_by
from reports.fonts import register
from reports.readiness.content import ReadinessReport
from reports.readiness.labels import ReadinessText
from reports.readiness.sections import closing, header, summary, unit_page
from reports.sitrep.document import document, frame, page_canvas
from reports.sitrep.layout import PORTRAIT
from reports.sitrep.layout import styles as make_styles


def text_of(report: ReadinessReport) -> ReadinessText:
    return ReadinessText(report.settings.language, report.settings.tz_label)


def render(report: ReadinessReport) -> bytes:
    """The report as PDF bytes."""
    register()
    text = text_of(report)
    st = make_styles()
    buf = io.BytesIO()
    doc = document(
        buf,
        title=f"{text('title').title()} {report.number}",
        issuer=report.settings,
    )
    doc.addPageTemplates([PageTemplate("portrait", [frame(PORTRAIT, "p")], pagesize=PORTRAIT)])
    story: list[Flowable] = header(report, text, st)
    # The signature never stands alone on a page: the summary's end goes with it.
    story += ended_by(summary(report, text, st), closing(report, text, st))
    for u in report.pages:
        story += [PageBreak(), *unit_page(report, u, text, st)]
    generated = text("generated", when=text.when(report.generated_at))
    canvas = page_canvas(
        report.classification,
        f"{report.number}  \u00b7  {generated}",
        None,
        report.generated_at,
        text,
    )
    doc.build(story, canvasmaker=canvas)
    return buf.getvalue()


def write_pdf(report: ReadinessReport, path: Path) -> Path:
    """Render and write the report; the destination is checked before any work."""
    check_destination(path)
    return write_atomically(path, render(report))
