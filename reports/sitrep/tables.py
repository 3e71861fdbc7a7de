"""The table engine: grid tables whose header repeats on every page, ``PagedTable`` for the
long annex tables, borderless layout tables, and ``wrap``, which breaks plain text to a width.

A grid table begins on a page with its header and at least ``OPENING_ROWS`` rows (all, if
it has fewer), and ``kept_with_table`` keeps a heading with them: never a heading, a header
and a lone row at a page's foot, the rest on the next page.

Large tables (the annexes) use plain, pre-wrapped strings rather than Paragraphs and
``PagedTable``: 20,000 incidents must render in seconds, and splitting a long table page
by page must not rebuild the rows still to come.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Table, TableStyle

from reports.fonts import BOLD, REGULAR
from reports.sitrep.layout import BODY_H, BODY_W

# Tables draw an (empty) text object in their default font: name ours, or the file
# references Helvetica, which is not embedded.
FONT_BASE = ("FONTNAME", (0, 0), (-1, -1), REGULAR)
HEAD_SIZE = 7  # column headings: "Kekurangan" must fit a figures column
HEAD_BACKGROUND = colors.HexColor("#e0e0e0")
GRID_LINES = colors.HexColor("#606060")
TOTAL_BACKGROUND = colors.HexColor("#f0f0f0")
# Marks on a figure that needs action (a deficit): red and bold.
ALERT = colors.HexColor("#c62828")
# Vulnerability levels by rank (1 low .. 3 high); beyond 3 the top colour.
RANK_COLOURS = ("#ffffff", "#c8e6c9", "#fff59d", "#ef9a9a")
# A table begins on a page with its header and at least this many rows under it (all of them
# if it has fewer): never a heading, a header and a lone row at a page's foot.
OPENING_ROWS = 3
GRID = [
    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
    ("FONTSIZE", (0, 0), (-1, -1), 8),
    ("LEADING", (0, 0), (-1, -1), 9.8),
    ("FONTNAME", (0, 0), (-1, 0), BOLD),
    ("FONTSIZE", (0, 0), (-1, 0), HEAD_SIZE),
    ("BACKGROUND", (0, 0), (-1, 0), HEAD_BACKGROUND),
    ("GRID", (0, 0), (-1, -1), 0.4, GRID_LINES),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
]


def grid_table(
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
            ("BACKGROUND", (0, -1), (-1, -1), TOTAL_BACKGROUND),
        ]
    style += list(extra)
    head = [
        wrap(c, w - 6, BOLD, HEAD_SIZE) if isinstance(c, str) else c
        for c, w in zip(rows[0], widths, strict=True)
    ]
    if long:
        return PagedTable(head, [list(r) for r in rows[1:]], widths, style)
    return GridTable(
        [head, *(list(r) for r in rows[1:])],
        colWidths=list(widths),
        repeatRows=1,
        style=TableStyle(style),
        hAlign="LEFT",
    )


def opening_rows(header: int, body: int, first: int = 1) -> int:
    """How many rows a table of ``header`` header rows and ``body`` rows under them must show
    where it begins: its header and ``OPENING_ROWS`` rows (all, if fewer), or more where its
    first entry spans more (``first`` rows)."""
    return header + min(body, max(first, OPENING_ROWS))


def _at_top(flowable: Flowable) -> bool:
    """Whether ``flowable`` is being split at the top of its frame (reportlab sets
    ``_frame`` while it splits): there a refusal would leave the page empty."""
    frame = getattr(flowable, "_frame", None)
    return bool(getattr(frame, "_atTop", False))


class GridTable(Table):  # type: ignore[misc]  # reportlab ships no types
    """A ``Table`` that splits only where its first part keeps its header and its opening
    rows (``opening_rows``); elsewhere it goes whole to the next page. At the top of a page it
    splits wherever it must: a page would not hold more. Its parts are ``GridTable`` too
    (reportlab builds them as ``self.__class__``)."""

    def split(self, aw: float, ah: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(aw, ah)
        if len(parts) == 2 and not _at_top(self):
            header = self.repeatRows
            if len(parts[0]._cellvalues) < opening_rows(header, self._nrows - header):
                return []
        return parts


def kept_with_table(
    lead: Sequence[Flowable], table: Table | PagedTable, first: int = 1
) -> list[Flowable]:
    """``lead`` (a heading, the notes under it) then ``table``, all on the next page unless
    the lead and the table's opening rows (``opening_rows``: its header and at least
    ``OPENING_ROWS`` rows, or its first entry's ``first`` rows where that spans more) fit on
    what is left of this one: a heading never ends a page with its table starting on the next,
    nor with a lone row of it. The table still splits across pages, its header repeated.

    The room is measured (each flowable's height and spacing, the rows as the table lays
    them out in the portrait body, or a ``PagedTable``'s own row heights), not guessed: an
    entry may be many lines tall. A lead and opening rows taller than a whole page break
    nowhere (a break would leave a page empty).
    """
    need = sum(f.wrap(BODY_W, BODY_H)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in lead)
    if isinstance(table, PagedTable):
        heights = [table.head_h, *table.heights]
        header = 1
    else:
        table.wrap(BODY_W, BODY_H)
        # reportlab keeps the heights wrap() laid out in a private attribute, the only place
        # they are: a reportlab that renamed it fails here, not silently.
        heights = table._rowHeights
        assert heights is not None, "reportlab: no _rowHeights"
        header = table.repeatRows
    need += sum(heights[: opening_rows(header, len(heights) - header, first)])
    # At most a little under a whole page: a break is then never asked at a page's top,
    # whatever the frame's padding (it would leave the page empty).
    return [CondPageBreak(min(need, BODY_H - 1)), *lead, table]


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
        if fit == 0 or (
            fit < len(self.rows) and fit < opening_rows(0, len(self.rows)) and not _at_top(self)
        ):
            return []  # too few rows at the page's foot: the whole table moves to the next page
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
        c.setFillColor(HEAD_BACKGROUND)
        c.rect(0, top - self.head_h, width, self.head_h, stroke=0, fill=1)
        c.setFillColor(colors.black)
        c.setStrokeColor(GRID_LINES)
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
                        x = x0 + self.widths[col] - 3 - text_width(line, font, size)
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
def text_width(word: str, font: str, size: float) -> float:
    return float(stringWidth(word, font, size))


def wrap(text: str, width: float, font: str = REGULAR, size: float = 8) -> str:
    """Break ``text`` into lines that fit ``width`` points (fast; for large tables)."""
    if len(text) * size * 1.11 <= width and text.isascii() and "\n" not in text:
        return text  # short: fits whatever its letters (DejaVu ASCII glyphs are under 1.11 em)
    space = text_width(" ", font, size)
    lines: list[str] = []
    for para in str(text).splitlines() or [""]:
        # Leading spaces are meaning (a unit's depth in the annex): keep them on the first
        # line and keep every line of the paragraph within the width that remains.
        lead = para[: len(para) - len(para.lstrip(" "))]
        first = len(lines)
        room = width - text_width(lead, font, size) if lead else width
        line: list[str] = []
        used = 0.0
        for word in para.split():
            w = text_width(word, font, size)
            while w > room and len(word) > 1:  # a word longer than the cell: cut it
                cut = max(1, int(len(word) * room / w) - 1)
                if line:
                    lines.append(" ".join(line))
                    line, used = [], 0.0
                lines.append(word[:cut])
                word = word[cut:]
                w = text_width(word, font, size)
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


def rank_marks(col: int, row: int, rank: int) -> tuple[Any, ...]:
    """The background of a vulnerability cell at (``col``, ``row``) for its level's rank."""
    colour = RANK_COLOURS[min(rank, len(RANK_COLOURS) - 1)]
    return ("BACKGROUND", (col, row), (col, row), colors.HexColor(colour))


def alert_marks(col: int, row: int) -> list[tuple[Any, ...]]:
    """A figure that needs action at (``col``, ``row``): red and bold."""
    cell = (col, row), (col, row)
    return [("TEXTCOLOR", *cell, ALERT), ("FONTNAME", *cell, BOLD)]


def layout_table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    commands: Sequence[tuple[Any, ...]] = (),
    *,
    align: str = "CENTER",
) -> Table:
    """A table without a grid that only places things (letterhead, badge, signature block)."""
    return Table(
        [list(r) for r in rows],
        colWidths=list(widths),
        hAlign=align,
        style=TableStyle([FONT_BASE, *commands]),
    )
