"""The report's page geometry (A4 portrait body, landscape annexes, margins, text widths) and
its paragraph styles."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph

from reports.fonts import BOLD, ITALIC, REGULAR

PORTRAIT = A4
LANDSCAPE = landscape(A4)
MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 2.0 * cm, 1.5 * cm, 2.2 * cm, 2.0 * cm
BODY_W = PORTRAIT[0] - MARGIN_L - MARGIN_R
BODY_H = PORTRAIT[1] - MARGIN_T - MARGIN_B
WIDE_W = LANDSCAPE[0] - MARGIN_L - MARGIN_R

Styles = dict[str, ParagraphStyle]


def styles() -> Styles:
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=12.5)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=9.8),
        "cellb": ParagraphStyle("cellb", parent=base, fontName=BOLD, fontSize=8, leading=9.8),
        "h1": ParagraphStyle(
            "h1", parent=base, fontName=BOLD, fontSize=13, leading=16, alignment=TA_CENTER
        ),
        "h2": ParagraphStyle(
            "h2", parent=base, fontName=BOLD, fontSize=10.5, leading=14, spaceBefore=9, spaceAfter=4
        ),
        "h3": ParagraphStyle(
            "h3", parent=base, fontName=BOLD, fontSize=9.5, leading=12, spaceBefore=5, spaceAfter=2
        ),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "head": ParagraphStyle("head", parent=base, fontName=BOLD, fontSize=10, leading=12.5),
        "italic": ParagraphStyle("italic", parent=base, fontName=ITALIC, fontSize=8, leading=10),
    }


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped: names may hold "&" or "<")."""
    return Paragraph(escape(text), style)
