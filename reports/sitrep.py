"""The situation report as a PDF (reportlab platypus): A4 portrait, landscape annexes.

``render(sitrep)`` returns the PDF's bytes; ``write_pdf(sitrep, path)`` checks the
destination first, then writes the whole file or nothing. Every page carries the
classification at the top and bottom and a footer with "Hal. X dari Y", the time the
report was generated and the short fingerprint of its content.

Large tables (the annexes) use plain, pre-wrapped strings rather than Paragraphs and
``PagedTable``: 20,000 incidents must render in seconds, and splitting a long table page
by page must not rebuild the rows still to come.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from opscenter.sitrep import Reason, Recommendation, Sitrep, check_destination, write_atomically
from reports.fonts import BOLD, ITALIC, REGULAR, register

ProgressFn = Callable[[int, int, str], None]

# --- labels ---------------------------------------------------------------------------------

LABELS: dict[str, tuple[str, str]] = {
    "polri": ("KEPOLISIAN NEGARA REPUBLIK INDONESIA", "INDONESIAN NATIONAL POLICE"),
    "title": ("LAPORAN SITUASI HARIAN", "DAILY SITUATION REPORT"),
    "number": ("Nomor", "Number"),
    "operation": ("Operasi", "Operation"),
    "period": ("Periode", "Period"),
    "as_of": ("Keadaan per", "As of"),
    "stage": ("Tahapan", "Stage"),
    "voting_in": ("Hari pemungutan suara", "Voting day"),
    "s1": ("I. PENILAIAN UMUM", "I. OVERALL ASSESSMENT"),
    "s2": ("II. SITUASI PER ASPEK", "II. SITUATION BY ASPECT"),
    "s3": ("III. STATISTIK KEJADIAN", "III. INCIDENT STATISTICS"),
    "s4": ("IV. KEJADIAN MENONJOL", "IV. SIGNIFICANT INCIDENTS"),
    "s5": ("V. KEKUATAN PERSONEL DAN PENGAMANAN TPS", "V. PERSONNEL STRENGTH AND TPS COVERAGE"),
    "s6": ("VI. KERAWANAN", "VI. VULNERABILITY"),
    "s7": ("VII. TINDAKAN YANG DIAMBIL", "VII. ACTIONS TAKEN"),
    "s8": ("VIII. PERKIRAAN 24\u201372 JAM", "VIII. OUTLOOK 24\u201372 HOURS"),
    "s9": ("IX. SARAN DAN REKOMENDASI", "IX. RECOMMENDATIONS"),
    "annex_a": ("LAMPIRAN A: PAPAN SATUAN", "ANNEX A: UNIT BOARD"),
    "annex_b": ("LAMPIRAN B: DAFTAR KEJADIAN", "ANNEX B: INCIDENT LIST"),
    "green": ("HIJAU \u2014 AMAN TERKENDALI", "GREEN \u2014 UNDER CONTROL"),
    "amber": ("KUNING \u2014 WASPADA", "AMBER \u2014 ALERT"),
    "red": ("MERAH \u2014 RAWAN", "RED \u2014 CRITICAL"),
    "aspect": ("Aspek", "Aspect"),
    "regions_by_level": ("Wilayah per tingkat kerawanan", "Regions by vulnerability level"),
    "high_regions": ("Wilayah kerawanan tinggi", "Highly vulnerable regions"),
    "incidents": ("Kejadian", "Incidents"),
    "main_types": ("Jenis utama", "Main types"),
    "type": ("Jenis", "Type"),
    "severity": ("Tingkat", "Severity"),
    "status": ("Status", "Status"),
    "region": ("Wilayah", "Region"),
    "count": ("Jumlah", "Count"),
    "total": ("Jumlah", "Total"),
    "share": ("%", "%"),
    "chart_region": ("Kejadian per wilayah", "Incidents per region"),
    "chart_day": ("Kejadian per hari", "Incidents per day"),
    "no": ("No.", "No."),
    "time": ("Waktu", "Time"),
    "title_col": ("Uraian", "Description"),
    "casualties": ("Korban (MD/LL)", "Casualties (dead/inj.)"),
    "follow_ups": ("Tindak lanjut", "Follow-up"),
    "unit": ("Satuan", "Unit"),
    "tps": ("TPS", "Polling st."),
    "required": ("Kebutuhan", "Required"),
    "assigned": ("Personel", "Assigned"),
    "bko_in": ("BKO masuk", "BKO in"),
    "bko_out": ("BKO keluar", "BKO out"),
    "available": ("Kekuatan", "Strength"),
    "deficit": ("Kekurangan", "Deficit"),
    "balance": ("Selisih", "Balance"),
    "category": ("Kategori TPS", "TPS category"),
    "pattern": ("Pola a-b-c", "Pattern a-b-c"),
    "guarded": ("Dijaga satuan", "Guarded"),
    "police_req": ("Kebutuhan Polri", "Police required"),
    "linmas_req": ("Kebutuhan Linmas", "Linmas required"),
    "action": ("Tindakan", "Action"),
    "incident": ("Kejadian", "Incident"),
    "by": ("Oleh", "By"),
    "kind": ("Jenis satuan", "Kind"),
    "page": ("Hal. {page} dari {pages}", "Page {page} of {pages}"),
    "generated": ("Dibuat {when}", "Generated {when}"),
    "fingerprint": ("Sidik isi {fp}", "Content fingerprint {fp}"),
    "none": ("Nihil.", "None."),
    "on_behalf": ("a.n.", "on behalf of"),
    "strength_for": (
        "Kebutuhan dihitung untuk tahapan {stage} (pola a-b-c per kategori TPS), termasuk BKO "
        "yang berlaku pada tahapan itu.",
        "Requirements computed for the stage {stage} (a-b-c pattern per TPS category), with "
        "the BKO in force for that stage.",
    ),
    "vuln_of": ("Kerawanan tahapan {stage} (penilaian Polri)", "Vulnerability, {stage} (Polri)"),
    "shown_of": (
        "Ditampilkan {shown} dari {total}; selengkapnya pada Lampiran B.",
        "{shown} of {total} shown; all are listed in Annex B.",
    ),
    "actions_shown": (
        "Ditampilkan {shown} tindakan terakhir dari {total}.",
        "The last {shown} of {total} actions are shown.",
    ),
    "threats": ("Ancaman yang diperkirakan", "Expected threats"),
    "stats_line": (
        "Dalam periode ini tercatat {total} kejadian ({open} belum selesai), korban meninggal "
        "dunia {dead} orang dan luka {injured} orang. Status adalah status saat laporan dibuat.",
        "{total} incidents were recorded in the period ({open} not closed), {dead} dead and "
        "{injured} injured. Statuses are as at the time of the report.",
    ),
    "closing": (
        "Demikian laporan situasi ini dibuat untuk menjadi maklum.",
        "This situation report is submitted for your information.",
    ),
    "all_units": ("Semua satuan, urut susunan satuan.", "All units, in tree order."),
    "all_incidents": (
        "Semua kejadian dalam periode, urut waktu kejadian. MD: meninggal dunia, LL: luka.",
        "All incidents in the period, by time of occurrence.",
    ),
}

REASONS: dict[str, tuple[str, str]] = {
    "top_severity": (
        "{n} kejadian tingkat tertinggi dalam periode ini",
        "{n} incidents of the highest severity in the period",
    ),
    "dead": ("{n} korban meninggal dunia", "{n} dead"),
    "deficit_major": (
        "kekurangan {n} personel (lebih dari 10% kebutuhan) pada {names}",
        "{n} police short (over 10% of the requirement) at {names}",
    ),
    "deficit": ("kekurangan {n} personel pada {names}", "{n} police short at {names}"),
    "serious": ("{n} kejadian tingkat berat", "{n} serious incidents"),
    "high_security": (
        "kerawanan keamanan tinggi di {n} wilayah ({names})",
        "high security vulnerability in {n} region(s) ({names})",
    ),
    "calm": (
        "{n} kejadian tercatat, tidak ada yang menonjol dan kekuatan mencukupi",
        "{n} incidents recorded, none significant, and strength is sufficient",
    ),
}

RECOMMENDATIONS: dict[str, tuple[str, str]] = {
    "reinforce": (
        "Penebalan {subject} sebanyak {n} personel dari cadangan (Brimob, Polda) atau dari "
        "satuan yang kekuatannya lebih.",
        "Reinforce {subject} (penebalan) with {n} personnel from the reserve (Brimob, Polda) "
        "or from units with a surplus.",
    ),
    "watch_regions": (
        "Tingkatkan patroli, deteksi dini dan penggalangan di {names} (kerawanan keamanan tinggi).",
        "Step up patrols, early detection and outreach in {names} (high security vulnerability).",
    ),
    "close_incidents": (
        "Tuntaskan penanganan {n} kejadian menonjol yang belum selesai dan laporkan "
        "perkembangannya.",
        "Bring the {n} significant incidents still open to a close and report progress.",
    ),
    "keep_posture": (
        "Pertahankan kesiapsiagaan dan pola pengamanan yang berlaku.",
        "Maintain readiness and the current security posture.",
    ),
}

MONTHS = {
    "id": (
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
LEVEL_COLOURS = {"green": "#2e7d32", "amber": "#f9a825", "red": "#c62828"}
# Vulnerability levels by rank (1 low .. 3 high); beyond 3 the top colour.
RANK_COLOURS = ("#ffffff", "#c8e6c9", "#fff59d", "#ef9a9a")

PORTRAIT = A4
LANDSCAPE = landscape(A4)
MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 2.0 * cm, 1.5 * cm, 2.2 * cm, 2.0 * cm
BODY_W = PORTRAIT[0] - MARGIN_L - MARGIN_R
WIDE_W = LANDSCAPE[0] - MARGIN_L - MARGIN_R
# Body actions shown at most; the rest are counted.
ACTIONS_LIMIT = 60


class _Text:
    """Labels and formats in the report's language."""

    def __init__(self, lang: str, tz: str) -> None:
        self.lang = "en" if lang == "en" else "id"
        self.tz = tz

    def __call__(self, key: str, **kw: object) -> str:
        pair = LABELS[key]
        text = pair[1] if self.lang == "en" else pair[0]
        return text.format(**kw) if kw else text

    def pick(self, pair: tuple[str, str], **kw: object) -> str:
        text = pair[1] if self.lang == "en" else pair[0]
        return text.format(**kw) if kw else text

    def date(self, d: date) -> str:
        return f"{d.day} {MONTHS[self.lang][d.month - 1]} {d.year}"

    def clock(self, t: datetime) -> str:
        return t.strftime("%H.%M") if self.lang == "id" else t.strftime("%H:%M")

    def when(self, t: datetime) -> str:
        return f"{self.date(t.date())} {self.clock(t)} {self.tz}"

    def short(self, t: datetime) -> str:
        return f"{t:%d-%m-%Y} {self.clock(t)}"

    def names(self, names: Sequence[str]) -> str:
        if not names:
            return ""
        if len(names) == 1:
            return names[0]
        conj = " dan " if self.lang == "id" else " and "
        return ", ".join(names[:-1]) + conj + names[-1]


# --- styles ---------------------------------------------------------------------------------


def _styles() -> dict[str, ParagraphStyle]:
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


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


# Tables draw an (empty) text object in their default font: name ours, or the file
# references Helvetica, which is not embedded.
FONT_BASE = ("FONTNAME", (0, 0), (-1, -1), REGULAR)
HEAD_SIZE = 7  # column headings: "Kekurangan" must fit a figures column
GRID = [
    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
    ("FONTSIZE", (0, 0), (-1, -1), 8),
    ("LEADING", (0, 0), (-1, -1), 9.8),
    ("FONTNAME", (0, 0), (-1, 0), BOLD),
    ("FONTSIZE", (0, 0), (-1, 0), HEAD_SIZE),
    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0e0e0")),
    ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#606060")),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
]


def _table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    numeric_from: int | None = None,
    total_row: bool = False,
    extra: Sequence[tuple[Any, ...]] = (),
    long: bool = False,
) -> Flowable:
    """A grid table whose header row repeats on every page it spans.

    ``long`` tables hold plain (pre-wrapped) strings only and are split by ``PagedTable``.
    """
    style = list(GRID)
    if numeric_from is not None:
        style.append(("ALIGN", (numeric_from, 1), (-1, -1), "RIGHT"))
    if total_row:
        style += [
            ("FONTNAME", (0, -1), (-1, -1), BOLD),
            ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#f0f0f0")),
        ]
    style += list(extra)
    head = [
        wrap(c, w - 6, BOLD, HEAD_SIZE) if isinstance(c, str) else c
        for c, w in zip(rows[0], widths, strict=True)
    ]
    if long:
        return PagedTable(head, [list(r) for r in rows[1:]], widths, style)
    return Table(
        [head, *(list(r) for r in rows[1:])],
        colWidths=list(widths),
        repeatRows=1,
        style=TableStyle(style),
        hAlign="LEFT",
    )


CELL_LEADING, CELL_PADDING = 9.8, 4.0  # as in GRID: leading 9.8, padding 2 + 2


def _row_height(row: Sequence[Any]) -> float:
    lines = max(str(c).count("\n") + 1 for c in row)
    return lines * CELL_LEADING + CELL_PADDING


class PagedTable(Flowable):  # type: ignore[misc]  # reportlab ships no types
    """A long table of plain strings, split page by page in linear time and drawn directly.

    reportlab's ``Table.split`` rebuilds a table of all the remaining rows at every page
    break (quadratic for 20,000 rows), and its cell drawing costs a text object per line.
    Here a split keeps just the rows that fit (measured from their line counts) and draws
    them as one path for the grid and one run of text operators, header repeated on each
    page. Pure-ASCII text goes straight into the page stream (the embedded font keeps
    ASCII codes readable in its first subset); anything else goes through ``drawString``.
    """

    def __init__(
        self,
        head: list[Any],
        rows: list[list[Any]],
        widths: Sequence[float],
        style: list[tuple[Any, ...]],
        heights: list[float] | None = None,
        total: float | None = None,
    ) -> None:
        super().__init__()
        self.head, self.rows, self.widths, self.style = head, rows, list(widths), style
        self.head_h = _row_height(head)
        # Measured once; the rest of a split takes its slice (no re-measuring per page).
        self.heights = heights if heights is not None else [_row_height(r) for r in rows]
        self.total = self.head_h + (total if total is not None else sum(self.heights))
        self.right = {
            col
            for cmd in style
            if cmd[0] == "ALIGN" and cmd[-1] == "RIGHT" and cmd[1][1] >= 1
            for col in range(cmd[1][0] % len(widths), cmd[2][0] % len(widths) + 1)
        }
        self.hAlign = "LEFT"
        self._xs: list[float] = []

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = sum(self.widths)
        self.height = self.total
        return self.width, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        room = ah - self.head_h - 1.0  # a point of slack for rounding
        fit = 0
        used = 0.0
        for h in self.heights:
            if room < h:
                break
            room -= h
            used += h
            fit += 1
        if fit == 0:
            return []  # not even one row: the whole table moves to the next page
        if fit == len(self.rows):
            return [self]
        rest_h = self.total - self.head_h - used
        keep = PagedTable(
            self.head, self.rows[:fit], self.widths, self.style, self.heights[:fit], used
        )
        rest = PagedTable(
            self.head, self.rows[fit:], self.widths, self.style, self.heights[fit:], rest_h
        )
        return [keep, rest]

    def draw(self) -> None:
        c = self.canv
        width, top = sum(self.widths), self.total
        xs = [0.0]
        for w in self.widths:
            xs.append(xs[-1] + w)
        c.saveState()
        c.setFillColor(colors.HexColor("#e0e0e0"))
        c.rect(0, top - self.head_h, width, self.head_h, stroke=0, fill=1)
        c.setFillColor(colors.black)
        c.setStrokeColor(colors.HexColor("#606060"))
        c.setLineWidth(0.4)
        path = []
        y = top
        for h in [self.head_h, *self.heights]:
            path.append(f"0 {y:.2f} m {width:.2f} {y:.2f} l")
            y -= h
        path.append(f"0 {y:.2f} m {width:.2f} {y:.2f} l")
        path += [f"{x:.2f} {y:.2f} m {x:.2f} {top:.2f} l" for x in xs]
        c._code.append(" ".join(path) + " S")
        self._xs = xs
        for font, rows, y in ((BOLD, [self.head], top), (REGULAR, self.rows, top - self.head_h)):
            size = HEAD_SIZE if font == BOLD else 8
            c.setFont(font, size)
            name = pdfmetrics_font(font).getSubsetInternalName(0, c._doc)
            fast = _ascii_identity(c._doc, font)
            heights = [self.head_h] if font == BOLD else self.heights
            for row, h in zip(rows, heights, strict=True):
                self._cells(row, y, font, size, fast=fast, name=name)
                y -= h
        c.restoreState()

    def _cells(
        self, row: Sequence[Any], top: float, font: str, size: float, *, fast: bool, name: str
    ) -> None:
        c = self.canv
        out: list[str] = []
        for col, cell in enumerate(row):
            x0 = self._xs[col]
            right = col in self.right and font == REGULAR
            y = top - 2 - 7.4  # top padding, then the baseline of an 8-point line
            for line in str(cell).split("\n"):
                if line:
                    x = x0 + 3
                    if right:
                        x = x0 + self.widths[col] - 3 - _width(line, font, size)
                    if fast and line.isascii():
                        esc = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                        out.append(f"BT {name} {size} Tf 1 0 0 1 {x:.2f} {y:.2f} Tm ({esc}) Tj ET")
                    else:
                        if out:
                            c._code.append("\n".join(out))
                            out = []
                        c.setFont(font, size)
                        c.drawString(x, y, line)
                y -= CELL_LEADING
        if out:
            c._code.append("\n".join(out))


def pdfmetrics_font(name: str) -> Any:
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.getFont(name)


_ASCII_CHECKED: dict[tuple[int, str], bool] = {}


def _ascii_identity(doc: Any, font: str) -> bool:
    """Whether ``font`` maps printable ASCII to itself in subset 0 for ``doc``."""
    key = (id(doc), font)
    if key not in _ASCII_CHECKED:
        sample = "".join(chr(i) for i in range(32, 127))
        parts = pdfmetrics_font(font).splitString(sample, doc)
        if len(_ASCII_CHECKED) > 16:
            _ASCII_CHECKED.clear()  # a few documents at a time is all this needs to remember
        _ASCII_CHECKED[key] = parts == [(0, sample.encode("latin-1"))]
    return _ASCII_CHECKED[key]


@lru_cache(maxsize=65536)
def _width(word: str, font: str, size: float) -> float:
    return float(stringWidth(word, font, size))


def wrap(text: str, width: float, font: str = REGULAR, size: float = 8) -> str:
    """Break ``text`` into lines that fit ``width`` points (fast; for large tables)."""
    if len(text) * size * 1.11 <= width and text.isascii() and "\n" not in text:
        return text  # short: fits whatever its letters (DejaVu ASCII glyphs are under 1.11 em)
    space = _width(" ", font, size)
    lines: list[str] = []
    for para in str(text).splitlines() or [""]:
        # Leading spaces are meaning (a unit's depth in the annex): keep them on the first
        # line and keep every line of the paragraph within the width that remains.
        lead = para[: len(para) - len(para.lstrip(" "))]
        first = len(lines)
        room = width - _width(lead, font, size) if lead else width
        line: list[str] = []
        used = 0.0
        for word in para.split():
            w = _width(word, font, size)
            while w > room and len(word) > 1:  # a word longer than the cell: cut it
                cut = max(1, int(len(word) * room / w) - 1)
                if line:
                    lines.append(" ".join(line))
                    line, used = [], 0.0
                lines.append(word[:cut])
                word = word[cut:]
                w = _width(word, font, size)
            extra = w if not line else used + space + w
            if line and extra > room:
                lines.append(" ".join(line))
                line, used = [word], w
            else:
                line.append(word)
                used = extra
        lines.append(" ".join(line))
        lines[first] = lead + lines[first]
    return "\n".join(lines)


# --- page furniture -------------------------------------------------------------------------


def _pdf_date(when: datetime) -> Callable[..., str]:
    """The PDF's creation and modification dates: when the report was generated, with its
    offset. ``invariant`` would write 2000-01-01; this date comes from the snapshot, not the
    clock, so the same snapshot still gives the same bytes (the content fingerprint leaves
    the generation time out: ``opscenter.sitrep.content_of``)."""
    offset = int((when.utcoffset() or timedelta(0)).total_seconds()) // 60
    hours, minutes = divmod(abs(offset), 60)
    stamp = f"D:{when:%Y%m%d%H%M%S}{'-' if offset < 0 else '+'}{hours:02d}'{minutes:02d}'"
    return lambda *_ignored: stamp


def _canvas_class(sitrep: Sitrep, text: _Text) -> type[Canvas]:
    """A canvas that draws the furniture once the page count is known (one pass)."""
    generated = text("generated", when=text.when(sitrep.generated_at))
    fp = text("fingerprint", fp=sitrep.short_fingerprint)
    classification = sitrep.classification

    class SitrepCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no types
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # The document passes None; without a font the page preamble names Helvetica.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or REGULAR
            super().__init__(*args, **kwargs)
            self.setDateFormatter(_pdf_date(sitrep.generated_at))
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
            self.drawString(MARGIN_L, 1.2 * cm, f"{sitrep.number}  \u00b7  {generated}")
            self.drawRightString(
                w - MARGIN_R, 1.2 * cm, f"{fp}  \u00b7  {text('page', page=page, pages=pages)}"
            )
            self.restoreState()

    return SitrepCanvas


# --- charts ---------------------------------------------------------------------------------


def _scale(top: int) -> tuple[int, int]:
    """A value axis with round steps (1, 2, 5 x 10^k), about four of them, covering ``top``."""
    step = 1
    while step * 4 < top:
        step = _next_step(step)
    ticks = max(1, -(-top // step))
    return ticks * step if top else 4, step


def _next_step(step: int) -> int:
    digits = str(step)
    lead = int(digits[0])
    factor: int = 2 if lead == 1 else 5 if lead == 2 else 10
    return int(factor * 10 ** (len(digits) - 1))


def _region_chart(sitrep: Sitrep, text: _Text, width: float) -> Drawing:
    data = list(sitrep.by_region)
    bar_h = 13
    height = max(60, bar_h * len(data) + 40)
    d = Drawing(width, height, initialFontName=REGULAR)  # else its state starts in Helvetica
    chart = HorizontalBarChart()
    label_w = min(180.0, max((_width(c.name, REGULAR, 7) for c in data), default=40) + 6)
    chart.x = label_w
    chart.y = 18
    chart.width = width - label_w - 20
    chart.height = height - 36
    chart.data = [[c.n for c in reversed(data)]]
    chart.categoryAxis.categoryNames = [c.name for c in reversed(data)]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax, chart.valueAxis.valueStep = _scale(
        max((c.n for c in data), default=0)
    )
    chart.bars[0].fillColor = colors.HexColor("#1565c0")
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 6.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    d.add(chart)
    d.add(String(0, height - 10, text("chart_region"), fontName=BOLD, fontSize=8))
    return d


def _day_chart(sitrep: Sitrep, text: _Text, width: float) -> Drawing:
    data = list(sitrep.per_day)
    height = 150
    d = Drawing(width, height, initialFontName=REGULAR)  # else its state starts in Helvetica
    chart = VerticalBarChart()
    chart.x = 30
    chart.y = 30
    chart.width = width - 40
    chart.height = height - 50
    chart.data = [[c.n for c in data]]
    step = max(1, -(-len(data) // 16))  # at most 16 day labels under the axis
    chart.categoryAxis.categoryNames = [
        f"{c.day:%d/%m}" if i % step == 0 else "" for i, c in enumerate(data)
    ]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax, chart.valueAxis.valueStep = _scale(
        max((c.n for c in data), default=0)
    )
    chart.bars[0].fillColor = colors.HexColor("#6a1b9a")
    chart.bars[0].strokeColor = None
    if len(data) <= 31:
        chart.barLabelFormat = "%d"
        chart.barLabels.fontName = REGULAR
        chart.barLabels.fontSize = 6.5
        chart.barLabels.nudge = 6
    d.add(chart)
    d.add(String(0, height - 10, text("chart_day"), fontName=BOLD, fontSize=8))
    return d


# --- the document ---------------------------------------------------------------------------


def _reason(r: Reason, text: _Text) -> str:
    return text.pick(REASONS.get(r.code, (r.code, r.code)), n=r.n, names=text.names(r.names))


def _recommendation(r: Recommendation, text: _Text) -> str:
    return text.pick(
        RECOMMENDATIONS.get(r.code, (r.code, r.code)),
        subject=r.subject,
        n=r.n,
        names=text.names(r.names),
    )


def _days_label(n: int | None, text: _Text) -> str:
    if n is None:
        return ""
    if n == 0:
        return f"H-0 ({text('voting_in').lower()})"
    return f"H-{n}" if n > 0 else f"H+{-n}"


def _letterhead(s: Sitrep, text: _Text, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    kop = ParagraphStyle("kop", parent=st["head"], alignment=TA_CENTER)
    head = Table(
        [[_p(text("polri"), kop)], [_p(s.command_name, kop)], [_p(s.unit_name, kop)]],
        colWidths=[9.5 * cm],
        hAlign="LEFT",
        style=TableStyle(
            [
                FONT_BASE,
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("LINEBELOW", (0, -1), (-1, -1), 1, colors.black),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        ),
    )
    stage = s.stage.name if s.stage else "\u2014"
    days = _days_label(s.days_to_voting, text)
    meta = [
        [text("number"), s.number],
        [text("operation"), s.operation_name],
        [text("period"), f"{text.when(s.period_from)} \u2013 {text.when(s.period_to)}"],
        [text("as_of"), text.when(s.period_to)],
        [text("stage"), f"{stage}  \u00b7  {days}" if days else stage],
    ]
    meta_t = Table(
        [[_p(a, st["body"]), _p(f": {b}", st["body"])] for a, b in meta],
        colWidths=[3.2 * cm, BODY_W - 3.2 * cm],
        hAlign="LEFT",
        style=TableStyle(
            [
                FONT_BASE,
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )
    return [
        head,
        Spacer(1, 0.5 * cm),
        _p(text("title"), st["h1"]),
        Spacer(1, 0.3 * cm),
        meta_t,
    ]


def _assessment(s: Sitrep, text: _Text, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    colour = colors.HexColor(LEVEL_COLOURS[s.assessment.level])
    badge = Table(
        [[_p(text(s.assessment.level), st["head"])]],
        colWidths=[BODY_W],
        style=TableStyle(
            [
                FONT_BASE,
                ("BACKGROUND", (0, 0), (-1, -1), colour),
                ("TEXTCOLOR", (0, 0), (-1, -1), colors.white),
                ("BOX", (0, 0), (-1, -1), 0.5, colors.black),
            ]
        ),
    )
    white = ParagraphStyle("badge", parent=st["head"], textColor=colors.white)
    if s.assessment.level == "amber":
        white = ParagraphStyle("badge", parent=st["head"], textColor=colors.black)
    badge = Table(
        [[Paragraph(escape(text(s.assessment.level)), white)]],
        colWidths=[BODY_W],
        style=TableStyle(
            [
                FONT_BASE,
                ("BACKGROUND", (0, 0), (-1, -1), colour),
                ("BOX", (0, 0), (-1, -1), 0.5, colour),
            ]
        ),
    )
    reasons = "; ".join(_reason(r, text) for r in s.assessment.reasons)
    summary = text.pick(
        (
            "Situasi kamtibmas dalam periode ini dinilai {level}: {reasons}.",
            "The security situation in the period is assessed {level}: {reasons}.",
        ),
        level=text(s.assessment.level).split(" \u2014")[0].lower(),
        reasons=reasons,
    )
    return [_p(text("s1"), st["h2"]), badge, Spacer(1, 4), _p(summary, st["body"])]


def _aspects(s: Sitrep, text: _Text, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    out: list[Flowable] = [_p(text("s2"), st["h2"])]
    if not s.aspects:
        return [*out, _p(text("none"), st["body"])]
    rows: list[list[Any]] = [
        [
            text("aspect"),
            text("regions_by_level"),
            text("high_regions"),
            text("incidents"),
            text("main_types"),
        ]
    ]
    for a in s.aspects:
        levels = ", ".join(f"{c.name} {c.n}" for c in a.levels)
        rows.append(
            [
                _p(a.name, st["cellb"]),
                _p(levels, st["cell"]),
                _p(", ".join(a.high_regions) or "\u2014", st["cell"]),
                str(a.incidents),
                _p(", ".join(f"{c.name} ({c.n})" for c in a.top_types) or "\u2014", st["cell"]),
            ]
        )
    widths = [2.8 * cm, 3.5 * cm, 4.4 * cm, 1.6 * cm]
    out.append(
        _table(rows, [*widths, BODY_W - sum(widths)], extra=[("ALIGN", (3, 1), (3, -1), "RIGHT")])
    )
    stage = s.stage.name if s.stage else "\u2014"
    out.append(
        _p(
            text.pick(
                (
                    "Tingkat kerawanan menurut penilaian Polri untuk tahapan {stage}; kejadian "
                    "dikelompokkan menurut aspek yang paling terdampak oleh jenisnya.",
                    "Vulnerability levels as rated by Polri for the stage {stage}; incidents are "
                    "grouped by the aspect their type bears on most.",
                ),
                stage=stage,
            ),
            st["italic"],
        )
    )
    return out


def _count_table(title: str, counts: Sequence[Any], total: int, text: _Text) -> Table:
    rows: list[list[Any]] = [[title, text("count"), text("share")]]
    for c in counts:
        pct = f"{100 * c.n / total:.0f}" if total else "0"
        rows.append([wrap(c.name, 5.0 * cm - 6), str(c.n), pct])
    rows.append([text("total"), str(sum(c.n for c in counts)), "100" if total else "0"])
    return _table(rows, [5.0 * cm, 1.5 * cm, 1.1 * cm], numeric_from=1, total_row=True)


def _statistics(s: Sitrep, text: _Text, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    total = s.incidents_total
    out: list[Flowable] = [
        _p(text("s3"), st["h2"]),
        _p(
            text("stats_line", total=total, open=s.incidents_open, dead=s.dead, injured=s.injured),
            st["body"],
        ),
        Spacer(1, 4),
    ]
    half = BODY_W / 2
    pairs = [
        (
            _count_table(text("type"), s.by_type, total, text),
            _count_table(text("severity"), s.by_severity, total, text),
        ),
        (
            _count_table(text("region"), s.by_region, total, text),
            _count_table(text("status"), s.by_status, total, text),
        ),
    ]
    for left, right in pairs:
        out.append(
            Table(
                [[left, right]],
                colWidths=[half, half],
                hAlign="LEFT",
                style=TableStyle(
                    [
                        FONT_BASE,
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ]
                ),
            )
        )
        out.append(Spacer(1, 6))
    if "charts" in s.sections:
        out += [KeepTogether([_region_chart(s, text, BODY_W)]), Spacer(1, 6)]
        out += [KeepTogether([_day_chart(s, text, BODY_W)])]
    return out


def _significant(s: Sitrep, text: _Text, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    out: list[Flowable] = [_p(text("s4"), st["h2"])]
    if not s.significant:
        return [*out, _p(text("none"), st["body"])]
    for n, i in enumerate(s.significant, 1):
        head = (
            f"{n}. {i.number} \u00b7 {text.short(i.occurred_at)} {s.tz_label} \u00b7 {i.type} "
            f"\u00b7 {i.severity} \u00b7 {i.status}"
        )
        where = _where(i.location, i.region)
        body = f"{i.title}. {where}."
        if i.description:
            body += f" {i.description}"
        if i.dead or i.injured:
            body += text.pick(
                (" Korban: {d} meninggal dunia, {j} luka.", " Casualties: {d} dead, {j} injured."),
                d=i.dead,
                j=i.injured,
            )
        block: list[Flowable] = [_p(head, st["h3"]), _p(body, st["body"])]
        for f in i.follow_ups:
            who = ", ".join(x for x in (f.unit or "", f.actor) if x)
            status = f" [{f.status}]" if f.status else ""
            block.append(_p(f"\u2013 {text.short(f.at)}{status} {f.text} ({who})", st["small"]))
        out.append(KeepTogether(block[:3]))
        out += block[3:]
    if s.significant_total > len(s.significant):
        out.append(
            _p(text("shown_of", shown=len(s.significant), total=s.significant_total), st["italic"])
        )
    return out


def _strength(s: Sitrep, text: _Text, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    out: list[Flowable] = [_p(text("s5"), st["h2"])]
    stage = s.strength_stage.name if s.strength_stage else "\u2014"
    out.append(_p(text("strength_for", stage=stage), st["body"]))
    out.append(Spacer(1, 4))
    head = [
        text("unit"),
        text("tps"),
        text("required"),
        text("assigned"),
        text("bko_in"),
        text("bko_out"),
        text("available"),
        text("deficit"),
    ]
    rows: list[list[Any]] = [head]
    marks: list[tuple[Any, ...]] = []
    for n, u in enumerate([*s.strength, s.strength_total], 1):
        rows.append(
            [
                wrap(u.name, 4.6 * cm - 6),
                str(u.tps),
                str(u.required),
                str(u.assigned),
                str(u.bko_in),
                str(u.bko_out),
                str(u.available),
                str(u.deficit) if u.deficit else "\u2013",
            ]
        )
        if u.deficit and n <= len(s.strength):
            marks.append(("TEXTCOLOR", (7, n), (7, n), colors.HexColor("#c62828")))
            marks.append(("FONTNAME", (7, n), (7, n), BOLD))
    w = (BODY_W - 4.6 * cm - 1.5 * cm) / 6  # "Kekurangan" must fit its column
    widths = [4.6 * cm, 1.5 * cm] + [w] * 6
    out.append(_table(rows, widths, numeric_from=1, total_row=True, extra=marks))
    out.append(Spacer(1, 8))
    rows = [
        [
            text("category"),
            text("pattern"),
            text("tps"),
            text("guarded"),
            text("police_req"),
            text("linmas_req"),
        ]
    ]
    for c in [*s.tps_coverage, s.tps_total]:
        rows.append(
            [
                c.name,
                c.pattern,
                str(c.tps),
                str(c.guarded),
                str(c.police_required),
                str(c.linmas_required),
            ]
        )
    w = (BODY_W - 4.0 * cm) / 5
    out.append(_table(rows, [4.0 * cm] + [w] * 5, numeric_from=2, total_row=True))
    return out


def _vulnerability(s: Sitrep, text: _Text, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    out: list[Flowable] = [_p(text("s6"), st["h2"])]
    if not s.vulnerability:
        return [*out, _p(text("none"), st["body"])]
    for v in s.vulnerability:
        rows: list[list[Any]] = [[text("region"), *v.aspects]]
        marks: list[tuple[Any, ...]] = []
        for i, r in enumerate(v.rows, 1):
            rows.append([r.region, *(x or "\u2013" for x in r.levels)])
            for j, rank in enumerate(r.ranks, 1):
                colour = RANK_COLOURS[min(rank, len(RANK_COLOURS) - 1)]
                marks.append(("BACKGROUND", (j, i), (j, i), colors.HexColor(colour)))
        w = (BODY_W - 5.5 * cm) / max(1, len(v.aspects))
        block: list[Flowable] = [
            _p(text("vuln_of", stage=v.stage.name), st["h3"]),
            _table(rows, [5.5 * cm] + [w] * len(v.aspects), extra=marks),
        ]
        out.append(KeepTogether(block) if len(v.rows) < 30 else block[0])
        if len(v.rows) >= 30:
            out.append(block[1])
    return out


def _actions(s: Sitrep, text: _Text, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    out: list[Flowable] = [_p(text("s7"), st["h2"])]
    if not s.actions:
        return [*out, _p(text("none"), st["body"])]
    shown = s.actions[-ACTIONS_LIMIT:]
    widths = [2.0 * cm, 4.4 * cm, BODY_W - 2.0 * cm - 4.4 * cm - 3.6 * cm, 3.6 * cm]
    rows: list[list[Any]] = [[text("time"), text("incident"), text("action"), text("by")]]
    for a in shown:
        status = f" [{a.status}]" if a.status else ""
        rows.append(
            [
                text.short(a.at).replace(" ", "\n"),
                wrap(f"{a.incident} {a.incident_title}", widths[1] - 6),
                wrap(f"{a.text}{status}", widths[2] - 6),
                wrap(", ".join(x for x in (a.unit or "", a.actor) if x), widths[3] - 6),
            ]
        )
    out.append(_table(rows, widths, long=True))
    if len(s.actions) > len(shown):
        out.append(_p(text("actions_shown", shown=len(shown), total=len(s.actions)), st["italic"]))
    return out


def _outlook(s: Sitrep, text: _Text, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    out: list[Flowable] = [_p(text("s8"), st["h2"])]
    if not s.outlook:
        return [*out, _p(text("none"), st["body"])]
    for o in s.outlook:
        dates = ""
        if o.stage.starts_on:
            end = o.stage.ends_on or o.stage.starts_on
            dates = text.date(o.stage.starts_on)
            if end != o.stage.starts_on:
                dates += f" \u2013 {text.date(end)}"
        line = f"<b>{escape(o.stage.name)}</b> ({escape(dates)}): " + escape(
            text.pick(
                ("diperkirakan ancaman {t}.", "expected threats: {t}."),
                t=text.names([t[:1].lower() + t[1:] for t in o.threats]) or "\u2014",
            )
        )
        if o.high_regions:
            line += " " + escape(
                text.pick(
                    ("Perhatian khusus: {r}.", "Special attention: {r}."),
                    r=text.names(list(o.high_regions)),
                )
            )
        out.append(Paragraph(line, st["body"]))
    return out


def _recommendations(s: Sitrep, text: _Text, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    out: list[Flowable] = [_p(text("s9"), st["h2"])]
    for n, r in enumerate(s.recommendations, 1):
        out.append(_p(f"{n}. {_recommendation(r, text)}", st["body"]))
    return out


def _signature(s: Sitrep, text: _Text, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    sig = s.signatory
    center = st["center"]
    lines: list[Flowable] = [
        _p(f"{s.place}, {text.date(s.report_date)}", center),
        Spacer(1, 4),
    ]
    if sig.on_behalf_of:
        lines.append(_p(f"{text('on_behalf')} {sig.on_behalf_of}", center))
    lines += [_p(sig.title, center), Spacer(1, 1.6 * cm)]
    name = sig.name.upper() or "\u2026" * 12
    lines.append(Paragraph(f"<u><b>{escape(name)}</b></u>", center))
    rank_nrp = " ".join(x for x in (sig.rank.upper(), f"NRP {sig.nrp}" if sig.nrp else "") if x)
    lines.append(_p(rank_nrp or " ", center))
    block = Table(
        [["", lines]],
        colWidths=[BODY_W - 8.5 * cm, 8.5 * cm],
        style=TableStyle([FONT_BASE, ("VALIGN", (0, 0), (-1, -1), "TOP")]),
    )
    return [Spacer(1, 8), KeepTogether([_p(text("closing"), st["body"]), Spacer(1, 10), block])]


def _annex_units(s: Sitrep, text: _Text, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    widths = [9.0 * cm, 2.4 * cm, 2.6 * cm] + [2.0 * cm] * 6
    widths[0] = WIDE_W - sum(widths[1:])
    rows: list[list[Any]] = [
        [
            text("unit"),
            text("kind"),
            text("status"),
            text("tps"),
            text("required"),
            text("bko_in"),
            text("bko_out"),
            text("available"),
            text("balance"),
        ]
    ]
    for u in s.units:
        indent = "   " * min(u.depth, 6)
        rows.append(
            [
                wrap(indent + u.name, widths[0] - 6),
                u.kind,
                wrap(u.status, widths[2] - 6),
                str(u.tps),
                str(u.required),
                str(u.bko_in),
                str(u.bko_out),
                str(u.available),
                f"{u.balance:+d}",
            ]
        )
    return [
        _p(text("annex_a"), st["h2"]),
        _p(text("all_units"), st["italic"]),
        Spacer(1, 4),
        _table(rows, widths, numeric_from=3, long=True),
    ]


def _where(location: str, region: str) -> str:
    """The location, with its kabupaten/kota unless the location already names it."""
    if not location:
        return region
    return location if region and region in location else f"{location}, {region}"


def _annex_incidents(
    s: Sitrep, text: _Text, st: dict[str, ParagraphStyle], progress: ProgressFn
) -> list[Flowable]:
    widths = [1.8 * cm, 2.8 * cm, 4.2 * cm, 1.7 * cm, 4.6 * cm, 1.9 * cm, 0.0, 1.5 * cm]
    widths[6] = WIDE_W - sum(widths)
    rows: list[list[Any]] = [
        [
            text("no"),
            text("time"),
            text("type"),
            text("severity"),
            text("region"),
            text("status"),
            text("title_col"),
            "MD/LL",
        ]
    ]
    total = len(s.incidents)
    for n, i in enumerate(s.incidents, 1):
        where = _where(i.location, i.region)
        rows.append(
            [
                i.number,
                text.short(i.occurred_at),
                wrap(i.type, widths[2] - 6),
                i.severity,
                wrap(where, widths[4] - 6),
                i.status,
                wrap(i.title, widths[6] - 6),
                f"{i.dead}/{i.injured}",
            ]
        )
        if n % 2000 == 0:
            progress(n, total, "annex")
    out: list[Flowable] = [
        _p(text("annex_b"), st["h2"]),
        _p(text("all_incidents"), st["italic"]),
        Spacer(1, 4),
    ]
    if not s.incidents:
        return [*out, _p(text("none"), st["body"])]
    return [*out, _table(rows, widths, long=True, extra=[("ALIGN", (7, 1), (7, -1), "RIGHT")])]


def _no_progress(done: int, total: int, what: str) -> None:
    return None


def render(sitrep: Sitrep, progress: ProgressFn | None = None) -> bytes:
    """The report as PDF bytes."""
    register()
    report = progress or _no_progress
    text = _Text(sitrep.language, sitrep.tz_label)
    st = _styles()
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=PORTRAIT,
        leftMargin=MARGIN_L,
        rightMargin=MARGIN_R,
        topMargin=MARGIN_T,
        bottomMargin=MARGIN_B,
        title=f"{text('title').title()} {sitrep.number}",
        author=f"{sitrep.command_name} / {sitrep.unit_name}",
        subject=sitrep.operation_name,
        creator="OpsCenter",
        invariant=1,  # the same snapshot gives the same bytes (no random ID; dates: _pdf_date)
    )

    def frame(size: tuple[float, float], ident: str) -> Frame:
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

    doc.addPageTemplates(
        [
            PageTemplate("portrait", [frame(PORTRAIT, "p")], pagesize=PORTRAIT),
            PageTemplate("landscape", [frame(LANDSCAPE, "l")], pagesize=LANDSCAPE),
        ]
    )
    sections = set(sitrep.sections)
    story: list[Flowable] = _letterhead(sitrep, text, st)
    parts: list[tuple[str, Callable[[Sitrep, _Text, dict[str, ParagraphStyle]], list[Flowable]]]]
    parts = [
        ("assessment", _assessment),
        ("aspects", _aspects),
        ("statistics", _statistics),
        ("significant", _significant),
        ("strength", _strength),
        ("vulnerability", _vulnerability),
        ("actions", _actions),
        ("outlook", _outlook),
    ]
    steps = len(parts) + 4
    for n, (key, build) in enumerate(parts, 1):
        if key in sections:
            story.append(CondPageBreak(3 * cm))
            story += build(sitrep, text, st)
        report(n, steps, key)
    story += _recommendations(sitrep, text, st)
    story += _signature(sitrep, text, st)
    if "annex_units" in sections:
        story += [NextPageTemplate("landscape"), PageBreak()]
        story += _annex_units(sitrep, text, st)
    if "annex_incidents" in sections:
        story += [NextPageTemplate("landscape"), PageBreak()]
        story += _annex_incidents(sitrep, text, st, report)
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
