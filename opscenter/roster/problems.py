"""A refused cell as every import reports it: the cell's reference ("Sheet1!C14"), its field
and the field's name, a reason code (``messages.IMPORT_PROBLEMS``) and the value shown
short."""

from __future__ import annotations

from dataclasses import dataclass

from opscenter.errors import OpsError
from opscenter.roster.reading import Cell


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a row was rejected: which cell, which field, which reason."""

    row: int  # 0-based sheet row
    col: int | None  # 0-based sheet column, None when no column holds the field
    ref: str  # "Sheet1!C14" (or "Sheet1!14" for a whole row)
    field: str
    code: str
    value: str
    hint: str | None = None  # "did you mean ...", the other row of a duplicate
    # The core's own refusal, said in its own sentence (an incident's point outside the
    # operation's area is refused in the words the incident form uses).
    error: OpsError | None = None
    # The field as its import's column mapping names it, (Indonesian, English): "Nama".
    label: tuple[str, str] | None = None


def short_text(value: Cell) -> str:
    """A refused value as a problem shows it: its text, cut to 60 characters. A whole number
    read as a float (a spreadsheet stores every number so) is quoted as the sheet shows it:
    "999", not "999.0"."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = "" if value is None else str(value)
    return text if len(text) <= 60 else text[:57] + "..."
