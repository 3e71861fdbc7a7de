"""Which incident each row of an incident log is (``opscenter.incident_import``), and what
it changes there (a ``Record``):

- A row with a NOMOR names the incident of that number (an export's rows). It is refused
  when that incident is plainly another one (its title and its time both differ), as a
  roster refuses an NRP that belongs to someone else.
- Else the incident of the same time, region and type, when the database holds one.
- Else it is new: it keeps its NOMOR when it has one, or takes the next free number.

A matched incident is changed in the fields the file has columns for, or left as it is.
Two rows naming one incident are both refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from opscenter.incident_import_rows import COLUMNS, Known, Reader, Stored, key_of
from opscenter.roster.headers import cell_ref, norm
from opscenter.roster.preview import RowOutcome


@dataclass(frozen=True, slots=True)
class Record:
    """One incident the file writes: its values, and how they differ from the stored."""

    row: int
    status: str  # "new", "changed" or "unchanged"
    values: tuple[Any, ...]  # in COLUMNS order
    incident_id: int | None = None
    version: int | None = None  # the stored row's version when the preview read it
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    recorded_at: datetime | None = None  # an export's WAKTU DICATAT, kept by a new incident

    def outcome(self) -> RowOutcome:
        return RowOutcome(
            self.row,
            self.status,
            values=self.values,
            db_id=self.incident_id,
            changes=dict(self.changes) or None,
        )


def _same_moment(a: datetime, b: datetime) -> bool:
    """Equal to the millisecond: an .xlsx cell keeps no finer time than that."""
    return abs(a - b) < timedelta(milliseconds=1)


def _same_title(a: Any, b: Any) -> bool:
    return norm(a or "") == norm(b or "")


def classify(reader: Reader, known: Known, provided: frozenset[str]) -> list[Record]:
    """Each row's incident (by number, else by time, region and type), and what changes;
    two rows of one incident are both refused."""
    matched: list[tuple[int, tuple[Any, ...], datetime | None, Stored | None]] = []
    for index, values, recorded in reader.values:
        number = values[0]
        stored = known.by_number.get(number) if number is not None else None
        if stored is not None and not (
            _same_title(stored.values[8], values[8]) or _same_moment(stored.values[4], values[4])
        ):
            reader.bad(index, "number", "incident_number_taken", number, str(stored.values[8]))
            continue
        if stored is None:
            # The same time, region and type: that incident, whatever number the file gives.
            stored = known.by_key.get(key_of(values))
        matched.append((index, values, recorded, stored))
    # Which rows name one incident: its stored id, its number, or its time, region and type.
    first: dict[Any, int] = {}
    twice: dict[int, int] = {}
    for index, values, _recorded, stored in matched:
        keys: list[tuple[Any, ...]] = [("key", *key_of(values))]
        if stored is not None:
            keys.append(("id", stored.id))
        if values[0] is not None:
            keys.append(("number", values[0]))
        for key in keys:
            if key in first:
                twice[index] = first[key]
                twice.setdefault(first[key], index)
                break
        for key in keys:
            first.setdefault(key, index)
    number_col = "number" if "number" in reader.cols else "type"
    for index, other in sorted(twice.items()):
        hint = cell_ref(reader.sheet, other, reader.cols.get(number_col, 0))
        reader.bad(index, number_col, "duplicate", None, hint)
    taken = set(known.by_number) | {v[0] for _i, v, _r, s in matched if v[0] is not None}
    next_number = max(taken, default=0) + 1
    records: list[Record] = []
    for index, values, recorded, stored in matched:
        if index in twice:
            continue
        if stored is None:
            if values[0] is None:
                values = (next_number, *values[1:])
                next_number += 1
            values = _new_values(values, known)
            records.append(Record(index, "new", values, recorded_at=recorded))
            continue
        kept = tuple(
            v if c in provided or c == "number" else old
            for c, v, old in zip(COLUMNS, values, stored.values, strict=True)
        )
        kept = (stored.values[0], *kept[1:])
        if _same_moment(stored.values[4], kept[4]):
            kept = (*kept[:4], stored.values[4], *kept[5:])
        if "status_id" in provided and kept[3] is None:
            kept = (*kept[:3], stored.values[3], *kept[4:])
        changes = {
            c: (old, new)
            for c, old, new in zip(COLUMNS, stored.values, kept, strict=True)
            if old != new
        }
        status = "changed" if changes else "unchanged"
        records.append(Record(index, status, kept, stored.id, stored.version, changes))
    return records


def _new_values(values: tuple[Any, ...], known: Known) -> tuple[Any, ...]:
    """A new incident without a status is "baru", as one logged by hand."""
    if values[3] is None:
        return (*values[:3], known.first_status, *values[4:])
    return values
