"""Text a spreadsheet would run as a formula: written so it is only ever shown, never run.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is taken for
a formula by spreadsheet programs when a CSV file is opened ("CSV injection": a roster name
``=HYPERLINK(...)`` or ``@SUM(1+1)*cmd|' /C calc'!A0``). The established rule (OWASP) is
followed for CSV: such a cell is written with a single quote in front, which a spreadsheet
shows as text; reading a CSV takes that quote off again, so an export imports back unchanged.

Phone numbers (``+62812...``) get the quote too, on purpose: unquoted, a spreadsheet turns
``+6281234567890`` into the number 6281234567890 (the ``+`` gone, shown as 6.28E+12) and
``+62-812-3456`` into a sum. With the quote it keeps its ``+62`` as written, and OpsCenter
reads it back without the quote. One rule with no exceptions also leaves nothing to craft
a payload around.

XLSX cells are typed: text is stored as text (openpyxl would store "=..." as a formula),
with Excel's quote-prefix style so it stays text when someone edits the cell.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_QUOTE = "'"


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet would try to evaluate ``text`` (a lone "-" or "+" does no harm)."""
    return text.startswith(FORMULA_START) and len(text.strip()) > 1


def csv_cell(value: Any) -> Any:
    """A value for ``csv.writer``: text that could be run gets a quote in front.

    Text that already begins with a quote gets one too, so that ``csv_value`` can tell the
    two apart and every text comes back exactly as it was written.
    """
    if isinstance(value, str) and value.startswith((*FORMULA_START, _QUOTE)):
        return _QUOTE + value
    return value


def csv_value(text: str) -> str:
    """A CSV cell as it was before ``csv_cell``: the quote in front of formula text removed.

    A quote before anything else is the file's own text and is kept (``'0812`` stays).
    """
    if text.startswith(_QUOTE) and text[1:].startswith((*FORMULA_START, _QUOTE)):
        return text[1:]
    return text


def xlsx_cell(ws: Any, value: Any) -> Any:
    """An openpyxl cell for ``ws.append`` (write-only or not) holding ``value`` as typed data.

    Text is always text, never a formula; characters .xlsx cannot hold show as U+FFFD.
    """
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=None)
    put(cell, value)
    return cell


def xlsx_row(ws: Any, values: Any) -> list[Any]:
    return [xlsx_cell(ws, v) for v in values]


def put(cell: Any, value: Any) -> None:
    """Set an openpyxl cell to ``value`` as typed data: numbers, dates, booleans as such,
    anything else as text that is never a formula."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, timedelta):
        value = str(value)
    if value is None or isinstance(value, int | float | bool | date | datetime | time):
        cell.value = value
        return
    text = ILLEGAL_CHARACTERS_RE.sub("\ufffd", str(value))
    cell.value = text
    cell.data_type = "s"  # openpyxl takes "=..." for a formula
    if text.startswith(FORMULA_START):
        cell.quotePrefix = True  # Excel shows it as typed and keeps it text when edited
