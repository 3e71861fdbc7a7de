"""The PDF itself: page templates (portrait body, landscape annexes), the furniture on every
page (classification top and bottom, "Hal. X dari Y", generation time, content fingerprint),
the story in print order, and writing the file."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from opscenter.sitrep import Letterhead, Sitrep, check_destination, write_atomically
from reports.ending import ended_by
from reports.fonts import BOLD, REGULAR, register
from reports.sitrep.annexes import ProgressFn, annex_incidents, annex_units
from reports.sitrep.labels import Text
from reports.sitrep.layout import LANDSCAPE, MARGIN_B, MARGIN_L, MARGIN_R, MARGIN_T, PORTRAIT
from reports.sitrep.layout import styles as make_styles
from reports.sitrep.sections import (
    NUMBERED,
    READINESS,
    RECOMMENDATIONS,
    letterhead,
    signature,
    title,
)
from reports.sitrep.watch import WATCH


def _pdf_date(when: datetime) -> Callable[..., str]:
    """The PDF's creation and modification dates: when the report was generated, with its
    offset. ``invariant`` would write 2000-01-01; this date comes from the snapshot, not the
    clock, so the same snapshot still gives the same bytes (the content fingerprint leaves
    the generation time out: ``opscenter.sitrep.content_of``)."""
    offset = int((when.utcoffset() or timedelta(0)).total_seconds()) // 60
    hours, minutes = divmod(abs(offset), 60)
    stamp = f"D:{when:%Y%m%d%H%M%S}{'-' if offset < 0 else '+'}{hours:02d}'{minutes:02d}'"
    return lambda *_ignored: stamp


def _canvas_class(sitrep: Sitrep, text: Text) -> type[Canvas]:
    generated = text("generated", when=text.when(sitrep.generated_at))
    fp = text("fingerprint", fp=sitrep.short_fingerprint)
    return page_canvas(
        sitrep.classification,
        f"{sitrep.number}  \u00b7  {generated}",
        fp,
        sitrep.generated_at,
        text,
    )


def page_canvas(
    classification: str, left: str, right: str | None, when: datetime, text: Text
) -> type[Canvas]:
    """A canvas that draws every page's furniture once the page count is known (one pass):
    the classification at the top and bottom, ``left`` in the footer (the number and when
    the report was generated), and ``right`` (if any) before "Hal. X dari Y". The PDF's
    dates are ``when``."""

    class ReportCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no types
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # The document passes None; without a font the page preamble names Helvetica.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or REGULAR
            super().__init__(*args, **kwargs)
            self.setDateFormatter(_pdf_date(when))
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for i, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                self._furniture(i, total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _furniture(self, page: int, pages: int) -> None:
            w, h = self._pagesize
            self.saveState()
            self.setFont(BOLD, 11)
            self.drawCentredString(w / 2, h - 1.1 * cm, classification)
            self.drawCentredString(w / 2, 0.7 * cm, classification)
            self.setFont(REGULAR, 7)
            self.setStrokeColor(colors.HexColor("#808080"))
            self.line(MARGIN_L, 1.55 * cm, w - MARGIN_R, 1.55 * cm)
            self.drawString(MARGIN_L, 1.2 * cm, left)
            numbered = text("page", page=page, pages=pages)
            self.drawRightString(
                w - MARGIN_R, 1.2 * cm, f"{right}  \u00b7  {numbered}" if right else numbered
            )
            self.restoreState()

    return ReportCanvas


def document(buf: io.BytesIO, *, title: str, issuer: Letterhead) -> BaseDocTemplate:
    """An A4 portrait document with the report margins, for any printed report, its author
    the issuer's command and unit and its subject the operation; the same content gives
    the same bytes (``invariant``: no random ID; dates from ``page_canvas``)."""
    return BaseDocTemplate(
        buf,
        pagesize=PORTRAIT,
        leftMargin=MARGIN_L,
        rightMargin=MARGIN_R,
        topMargin=MARGIN_T,
        bottomMargin=MARGIN_B,
        title=title,
        author=f"{issuer.command_name} / {issuer.unit_name}",
        subject=issuer.operation_name,
        creator="OpsCenter",
        invariant=1,
    )


def frame(size: tuple[float, float], ident: str) -> Frame:
    """The text area of a page of ``size``: the page less its margins, no padding."""
    return Frame(
        MARGIN_L,
        MARGIN_B,
        size[0] - MARGIN_L - MARGIN_R,
        size[1] - MARGIN_T - MARGIN_B,
        id=ident,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )


def _no_progress(done: int, total: int, what: str) -> None:
    return None


def render(sitrep: Sitrep, progress: ProgressFn | None = None) -> bytes:
    """The report as PDF bytes."""
    register()
    report = progress or _no_progress
    text = Text(sitrep.language, sitrep.tz_label)
    st = make_styles()
    buf = io.BytesIO()
    doc = document(
        buf,
        title=f"{title(sitrep, text).title()} {sitrep.number}",
        issuer=sitrep,
    )
    doc.addPageTemplates(
        [
            PageTemplate("portrait", [frame(PORTRAIT, "p")], pagesize=PORTRAIT),
            PageTemplate("landscape", [frame(LANDSCAPE, "l")], pagesize=LANDSCAPE),
        ]
    )
    sections = set(sitrep.sections)
    story: list[Flowable] = letterhead(sitrep, text, st)
    steps = len(NUMBERED) + 4
    for n, (key, build) in enumerate(NUMBERED, 1):
        if key in sections:
            story += build(sitrep, text, st)
        report(n, steps, key)
    closing = [RECOMMENDATIONS, READINESS, *([WATCH] if sitrep.watch is not None else [])]
    for build in closing[:-1]:
        story += build(sitrep, text, st)
    last = closing[-1]
    # The signature never stands alone on a page: the last section's end goes with it.
    story += ended_by(last(sitrep, text, st), signature(sitrep, text, st))
    if "annex_units" in sections:
        story += [NextPageTemplate("landscape"), PageBreak()]
        story += annex_units(sitrep, text, st)
    if "annex_incidents" in sections:
        story += [NextPageTemplate("landscape"), PageBreak()]
        story += annex_incidents(sitrep, text, st, report)
    report(steps - 2, steps, "layout")
    # Compressed streams stay binary: ASCII85 only makes a file 7-bit clean, and without
    # reportlab's C accelerator it costs a third of a 1,500-page render.
    previous_a85 = rl_config.useA85
    rl_config.useA85 = 0
    try:
        doc.build(story, canvasmaker=_canvas_class(sitrep, text))
    finally:
        rl_config.useA85 = previous_a85
    report(steps, steps, "done")
    return buf.getvalue()


def write_pdf(sitrep: Sitrep, path: Path, progress: ProgressFn | None = None) -> Path:
    """Render and write the report; the destination is checked before any work."""
    check_destination(path)
    return write_atomically(path, render(sitrep, progress))
