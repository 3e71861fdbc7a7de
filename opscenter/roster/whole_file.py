"""What the lists saved whole or not at all share (a sarpras list, an incident log, a plotting
list, a TPS watch list; ``WholeFile``): the preview's common fields, the opening of
their ``prepare`` (the file, its sheet and columns, the operation, the walk over the rows, the
counts) and the steps of their ``commit`` around the one journaled transaction each opens
itself (under its own permission and journal action).

A ``prepare`` reads so::

    with whole_file.opened(path, options, KIND, progress, cancel) as sheet:
        with store.read() as s:
            op_id = sheet.operation_id(s)
            ...  # the kind's own reference data and reader
        sheet.read(reader)
    return sheet.preview(KindPreview, op_id, records, reader.problems, ...)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from sqlalchemy.orm import Session

from opscenter import operations
from opscenter.progress import CancelToken, Progress
from opscenter.roster.commit import Outcome, import_details
from opscenter.roster.errors import RosterError
from opscenter.roster.headers import FIELDS, Layout
from opscenter.roster.preview import Options, RowOutcome, label_of
from opscenter.roster.problems import Problem
from opscenter.roster.reading import Cell, Source, open_source
from opscenter.roster.sheet_guess import SheetGuess, mapped_sheet, sheet_rows


class Kept(Protocol):
    """A record a whole-file preview would write: its status, and its row as the wizard
    shows it."""

    @property
    def status(self) -> str: ...
    def outcome(self) -> RowOutcome: ...


class WholeFile:
    """A preview saved whole or not at all (a sarpras list, an incident log, a plotting
    list): any refused cell in ``problems`` refuses the file, in the words of
    ``refusal_reason``."""

    __slots__ = ()
    refusal_reason: ClassVar[str]
    path: Path
    problems: list[Problem]
    records: Sequence[Kept]
    keys: dict[int, tuple[Any, ...]]

    def outcomes(self) -> list[RowOutcome]:
        """New, changed and refused rows in sheet order (unchanged ones are only counted)."""
        kept = [r.outcome() for r in self.records if r.status != "unchanged"]
        return sorted([*kept, *self.rows], key=lambda r: r.row)

    @property
    def file(self) -> str:
        return self.path.name

    def new_text(self, r: RowOutcome) -> str:
        """A new record's key says what it is (a unit's stock of a category, an incident):
        nothing more to say of it."""
        return ""

    def refusal(self) -> RosterError | None:
        if not self.problems:
            return None
        rows = len({p.row for p in self.problems})  # as the preview counts them, "ditolak 2"
        return RosterError(self.refusal_reason, file=self.file, rows=rows, count=len(self.problems))

    @property
    def rows(self) -> list[RowOutcome]:
        """The refused rows with their problems and the key their cells gave (``keys``), for
        the preview and the error report (``errors_xlsx``)."""
        by_row: dict[int, list[Problem]] = {}
        for p in self.problems:
            by_row.setdefault(p.row, []).append(p)
        return [
            RowOutcome(row, "rejected", problems=ps, key=self.keys.get(row))
            for row, ps in sorted(by_row.items())
        ]


def tally(records: Sequence[Kept], rejected: set[int], file: str, sheet: str) -> dict[str, int]:
    """A whole-file preview's counts: its records by status and its ``rejected`` rows;
    refuses a sheet that gave neither (headings only)."""
    if not records and not rejected:
        raise RosterError("header_only", file=file, sheet=sheet)
    counts = dict.fromkeys(("new", "changed", "unchanged"), 0)
    for r in records:
        counts[r.status] += 1
    counts["rejected"] = len(rejected)
    return counts


R = TypeVar("R", bound=Kept)
P = TypeVar("P", bound="WholeFilePreview[Any]")
Rows = Iterator[tuple[int, int, list[Cell]]]


@dataclass(slots=True, kw_only=True)
class WholeFilePreview(WholeFile, Generic[R]):
    """What every whole-file preview holds: the file and its sheet, the operation, the records
    it would write, the refused cells, the counts, names for ids and the texts flagged as
    formula-like (the import wizard's interface)."""

    kind: ClassVar[str]
    path: Path
    sha256: str
    sheet: str
    layout: Layout
    operation_id: int
    records: list[R]
    problems: list[Problem]
    counts: dict[str, int]
    labels: dict[str, dict[int, str]] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    warnings_total: int = 0
    # The key a refused row's cells gave, by row (``CellReader.keys``), where the kind keeps one.
    keys: dict[int, tuple[Any, ...]] = field(default_factory=dict)

    def label(self, column: str, value: Any) -> str:
        """An id by its name in ``labels``, a yes or no as the lists write it, else as text."""
        if isinstance(value, bool):
            return "Ya" if value else "Tidak"
        return label_of(self.labels, column, value)

    def field_label(self, column: str) -> str:
        """A column by the name the kind's headings give it."""
        return next((f.label_id for f in FIELDS[self.kind] if f.key == column), column)

    def details(self) -> dict[str, Any]:
        """What the journal keeps of the import (``roster.commit.import_details``)."""
        return import_details(self, self.kind)


class _Walker(Protocol):
    def read(
        self, rows: Rows, start: int, total: int, progress: Progress, cancel: CancelToken
    ) -> None: ...


@dataclass(slots=True)
class Sheet:
    """An opened file's table for one kind of list: the sheet and its columns, its rows, and
    the progress and cancel token of the preparation."""

    source: Source
    guess: SheetGuess
    options: Options
    progress: Progress
    cancel: CancelToken

    @property
    def file(self) -> str:
        return self.source.path.name

    @property
    def name(self) -> str:
        return self.guess.name

    @property
    def layout(self) -> Layout:
        assert self.guess.layout is not None
        return self.guess.layout

    @property
    def total(self) -> int:
        return self.guess.rows_total

    def operation_id(self, s: Session) -> int:
        """The operation ``options`` name, else the current one."""
        return self.options.operation_id or operations.get_operation(s).id

    def rows(self) -> Rows:
        return sheet_rows(self.guess)

    def read(self, reader: _Walker) -> None:
        """Walk ``reader`` over the rows under the headings (``CellReader.read``)."""
        reader.read(self.rows(), self.layout.data_start, self.total, self.progress, self.cancel)

    def preview(
        self,
        cls: type[P],
        operation_id: int,
        records: list[Any],
        problems: list[Problem],
        **fields: Any,
    ) -> P:
        """The preview of what was read: its records counted by status with its refused rows
        (refusing a sheet of headings only, ``tally``), and the reading said done."""
        facts = self.source.facts
        counts = tally(records, {p.row for p in problems}, facts.path.name, self.name)
        self.progress(1, 1, "done")
        return cls(
            path=facts.path,
            sha256=facts.sha256,
            sheet=self.name,
            layout=self.layout,
            operation_id=operation_id,
            records=records,
            problems=problems,
            counts=counts,
            **fields,
        )


@contextmanager
def opened(
    path: Path | str,
    options: Options | None,
    kind: str,
    progress: Progress,
    cancel: CancelToken | None,
    choose: Callable[[Source, Options], SheetGuess] = mapped_sheet,
) -> Iterator[Sheet]:
    """The file at ``path``, open while the block runs, with the sheet and columns of a list
    of ``kind``: as guessed, or as the person mapped them (``options``; ``choose`` refuses a
    sheet without a required column). Says the reading has begun."""
    options = replace(options or Options(kind=kind), kind=kind)
    cancel = cancel or CancelToken()
    progress(0, 0, "read")
    with open_source(Path(path)) as source:
        yield Sheet(source, choose(source, options), options, progress, cancel)


def ready(preview: WholeFile, todo: Sequence[object], cancel: CancelToken | None) -> bool:
    """Whether a commit has anything to write: refuses the file while any cell is refused
    (``preview.refusal()``); False when nothing is new or changed (then nothing at all is
    written, not even a journal row); else asks ``cancel``, once, before writing."""
    refusal = preview.refusal()
    if refusal is not None:
        raise refusal
    if not todo:
        return False
    if cancel is not None:
        cancel.check()
    return True


def unwritten(preview: WholeFilePreview[Any]) -> Outcome:
    """The outcome of a commit that found nothing new or changed: no transaction."""
    return Outcome(None, dict(preview.counts))


def written(preview: WholeFilePreview[Any], txn_id: int, progress: Progress) -> Outcome:
    """The outcome of a commit's transaction ``txn_id``, once it is written; says it done."""
    progress(1, 1, "done")
    return Outcome(int(txn_id), dict(preview.counts))
