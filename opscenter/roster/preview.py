"""The preview of a roster import: every data row of the file classified as new, changed (with
a field-level diff), unchanged or rejected (with its problems), before anything is written.

This module holds the preview's data (``Options``, ``RowOutcome``, ``Preview``) and what the
import wizard and the error report need of any preview (``Reviewable``, ``Rejections``).
``classify.prepare`` makes one: it reads the file once, the chosen sheet (``sheet_guess``)
streamed row by row. Only what the commit and the screens need is kept: stored values of new
and changed rows, the diff of changed rows, and the original cells of rejected rows (for the
error report).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from opscenter.model import Personnel, PollingStation, Unit
from opscenter.roster.errors import RosterError
from opscenter.roster.headers import Layout
from opscenter.roster.problems import Problem
from opscenter.roster.reading import Cell
from opscenter.roster.specs import SPECS, Spec

STATUSES = ("new", "changed", "unchanged", "rejected")
# The stored table of each kind of roster.
MODELS: dict[str, type[Personnel | PollingStation | Unit]] = {
    "personnel": Personnel,
    "tps": PollingStation,
    "units": Unit,
}
# The formula-like cells a preview lists (``Preview.warnings``); past them, only counted.
WARNINGS_MAX = 1000


@dataclass(frozen=True, slots=True)
class Options:
    kind: str
    sheet: str | None = None
    # field -> column (0-based): the user's own mapping, replacing the detected one.
    mapping: dict[str, int] | None = None
    create_units: bool = False
    operation_id: int | None = None
    # Sarpras lists: the unit (code or name) of rows that name none (``--unit``, the wizard).
    unit: str | None = None
    # Plotting lists: the stage's code (``--stage``; default: the voting stage).
    stage: str | None = None


@dataclass(slots=True)
class RowOutcome:
    row: int  # 0-based sheet row
    status: str
    values: tuple[Any, ...] | None = None
    db_id: int | None = None
    # column -> (stored before, from the file), for changed rows
    changes: dict[str, tuple[Any, Any]] | None = None
    problems: list[Problem] | None = None
    cells: list[Cell] | None = None  # the original cells of a rejected row
    offset: int = 0
    # The key a rejected row's cells gave (in the spec's key order), where they gave one: the
    # preview names the row by it ("99990004") as it names the rows it keeps.
    key: tuple[Any, ...] | None = None


@dataclass(slots=True)
class Preview:
    kind: str
    path: Path
    sha256: str
    sheet: str
    sheets: list[str]
    layout: Layout
    operation_id: int
    journal_head: int
    provided: frozenset[str]
    # Changed and rejected rows. New rows are kept apart and compact (a million of them
    # must fit in memory): each is the stored values followed by its sheet row; a new row
    # found to be duplicated later in the file becomes None there and a rejected row here.
    rows: list[RowOutcome] = field(default_factory=list)
    new: list[tuple[Any, ...] | None] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    new_units: dict[int, str] = field(default_factory=dict)
    labels: dict[str, dict[int, str]] = field(default_factory=dict)
    # Free text a spreadsheet would run as a formula: kept, but shown to the person importing
    # (the first WARNINGS_MAX cells; ``warnings_total`` counts them all).
    warnings: list[Problem] = field(default_factory=list)
    warnings_total: int = 0
    # Subtotal lines ("JUMLAH" after each desa) recognised and skipped.
    subtotals: int = 0

    @property
    def spec(self) -> Spec:
        return SPECS[self.kind]

    @property
    def file(self) -> str:
        return self.path.name

    def summary(self) -> str:
        c = self.counts
        return (
            f"new {c['new']}, changed {c['changed']}, unchanged {c['unchanged']}, "
            f"rejected {c['rejected']}"
        )

    def label(self, column: str, value: Any) -> str:
        """A stored value as a person reads it (the rank's name rather than its id)."""
        return label_of(self.labels, column, value)

    def new_rows(self) -> Iterator[RowOutcome]:
        """The new rows as ``RowOutcome``s (made on demand)."""
        for item in self.new:
            if item is not None:
                yield RowOutcome(item[-1], "new", values=item[:-1])

    def outcomes(self) -> list[RowOutcome]:
        """New, changed and rejected rows in sheet order (unchanged rows are only counted)."""
        return sorted([*self.new_rows(), *self.rows], key=lambda r: r.row)

    def problems(self) -> Iterator[Problem]:
        for r in self.rows:
            if r.problems:
                yield from r.problems

    def key_text(self, r: RowOutcome) -> str:
        """The row's key as a person reads it ("75030001", "Polres Kerinci / 3"); a rejected
        row's as far as its cells gave it."""
        spec = self.spec
        return key_text(r, spec.key, [spec.columns.index(k) for k in spec.key], self.label)

    def new_text(self, r: RowOutcome) -> str:
        """What a new row adds besides its key, for the officer to check who or what it is:
        "Nama: Andi Saputra; Pangkat: BRIPDA; Satuan: Polres Kerinci"."""
        if r.status != "new" or r.values is None:
            return ""
        spec = self.spec
        return "; ".join(
            f"{self.field_label(c)}: {text}"
            for c in spec.shown_new
            if (text := self.label(c, r.values[spec.columns.index(c)]))
        )

    def field_label(self, column: str) -> str:
        return self.spec.labels.get(column, (column, column))[0]

    def refusal(self) -> RosterError | None:
        """A roster is committed without its rejected rows: nothing refuses the whole file."""
        return None


def key_text(
    r: RowOutcome,
    columns: Sequence[str],
    at: Sequence[int],
    label: Callable[[str, Any], str],
) -> str:
    """A row's key as a person reads it, its ``columns`` (named by ``label``) joined by " / ":
    taken from its values at ``at``, or for a rejected row from the key its cells gave
    (``RowOutcome.key``, in the same order); "" when it has neither."""
    if r.values is not None:
        key = tuple(r.values[i] for i in at)
    elif r.key is not None:
        key = r.key
    else:
        return ""
    shown = [label(c, v) for c, v in zip(columns, key, strict=True)]
    return " / ".join(shown) if any(shown) else ""


def label_of(labels: dict[str, dict[int, str]], column: str, value: Any) -> str:
    """A stored value as a person reads it: an id by its name in ``labels``, else as text."""
    if value is None:
        return ""
    names = labels.get(column)
    if names is not None and isinstance(value, int):
        return names.get(value, str(value))
    return str(value)


class Rejections(Protocol):
    """What the error report (``errors_xlsx``) needs of a preview: a roster's, or a sarpras
    list's."""

    @property
    def path(self) -> Path: ...
    @property
    def sheet(self) -> str: ...
    @property
    def layout(self) -> Layout: ...
    @property
    def rows(self) -> Sequence[RowOutcome]: ...


class Reviewable(Rejections, Protocol):
    """What the import wizard shows and commits of a preview: a roster's or a sarpras list's."""

    @property
    def counts(self) -> dict[str, int]: ...
    @property
    def warnings(self) -> list[Problem]: ...
    @property
    def warnings_total(self) -> int: ...
    def outcomes(self) -> list[RowOutcome]: ...
    def label(self, column: str, value: Any) -> str: ...
    def key_text(self, r: RowOutcome) -> str: ...
    def field_label(self, column: str) -> str: ...
    def new_text(self, r: RowOutcome) -> str: ...
    def refusal(self) -> RosterError | None: ...


def rows_with(preview: Preview, statuses: Sequence[str]) -> list[RowOutcome]:
    return [r for r in preview.outcomes() if r.status in statuses]
