"""The preview: every data row of the file classified as new, changed (with a field-level
diff), unchanged or rejected (with its problems), before anything is written.

``prepare`` reads the file once; the chosen sheet is streamed row by row. Only what the
commit and the screens need is kept: stored values of new and changed rows, the diff of
changed rows, and the original cells of rejected rows (for the error report).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter import journal
from opscenter.formulas import FORMULA_START, looks_like_formula
from opscenter.model import Personnel, PollingStation, Unit
from opscenter.progress import CancelToken, Progress, no_progress
from opscenter.roster.errors import RosterError
from opscenter.roster.headers import HEADER_SCAN_ROWS, Layout, cell_ref, detect, voters_by_sex
from opscenter.roster.normalise import same_person
from opscenter.roster.problems import Problem
from opscenter.roster.reading import Cell, Source, open_source
from opscenter.roster.reference_data import Context
from opscenter.roster.specs import SPECS, Spec
from opscenter.roster.validate import Converter
from opscenter.store import Store

STATUSES = ("new", "changed", "unchanged", "rejected")
_PROGRESS_EVERY = 5_000
# The stored table of each kind of roster.
MODELS: dict[str, type[Personnel | PollingStation | Unit]] = {
    "personnel": Personnel,
    "tps": PollingStation,
    "units": Unit,
}


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
        """The row's key as a person reads it ("75030001", "Polres Kerinci / 3")."""
        if r.values is None:
            return ""
        spec = self.spec
        return " / ".join(self.label(k, r.values[spec.columns.index(k)]) for k in spec.key)

    def field_label(self, column: str) -> str:
        return self.spec.labels.get(column, (column, column))[0]

    def refusal(self) -> RosterError | None:
        """A roster is committed without its rejected rows: nothing refuses the whole file."""
        return None


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
    def refusal(self) -> RosterError | None: ...


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

    def outcomes(self) -> list[RowOutcome]:
        """New, changed and refused rows in sheet order (unchanged ones are only counted)."""
        kept = [r.outcome() for r in self.records if r.status != "unchanged"]
        return sorted([*kept, *self.rows], key=lambda r: r.row)

    @property
    def file(self) -> str:
        return self.path.name

    def refusal(self) -> RosterError | None:
        if not self.problems:
            return None
        return RosterError(self.refusal_reason, file=self.file, count=len(self.problems))

    @property
    def rows(self) -> list[RowOutcome]:
        """The refused rows with their problems, for the error report (``errors_xlsx``)."""
        by_row: dict[int, list[Problem]] = {}
        for p in self.problems:
            by_row.setdefault(p.row, []).append(p)
        return [RowOutcome(row, "rejected", problems=ps) for row, ps in sorted(by_row.items())]


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


# A kind whose missing table is said in its own words (the roster's names NRP and TPS).
_NO_TABLE = {
    "sarpras": "sarpras_no_table",
    "incidents": "incidents_no_table",
    "plotting": "plotting_no_table",
    "watch": "watch_no_table",
}


@dataclass(slots=True)
class SheetGuess:
    name: str
    layout: Layout | None
    head: list[tuple[int, int, list[Cell]]]
    rest: Iterator[tuple[int, int, list[Cell]]]
    rows_total: int


def guess_sheet(source: Source, kind: str, sheet: str | None) -> SheetGuess:
    """The sheet holding the table (the named one, else the best-scoring visible one)."""
    if sheet is not None:
        candidates = [source.sheet(sheet)]
    else:
        candidates = [s for s in source.sheets if s.visible]
    best: SheetGuess | None = None
    any_rows = False
    for info in candidates:
        it = source.rows(info.name)
        head: list[tuple[int, int, list[Cell]]] = []
        for item in it:
            head.append(item)
            if len(head) >= HEADER_SCAN_ROWS + 2:
                break
        any_rows = any_rows or any(any(c is not None for c in cells) for _, _, cells in head)
        layout = detect(kind, head)
        guess = SheetGuess(info.name, layout, head, it, 0)
        if (
            layout is not None
            and (best is None or best.layout is None or layout.score > best.layout.score)
        ) or best is None:
            best = guess
    if best is None or not any_rows:
        raise RosterError("no_rows", file=source.path.name, sheet=sheet or "")
    if best.layout is None:
        raise RosterError(_NO_TABLE.get(kind, "no_table"), file=source.path.name, kind=kind)
    best.rows_total = source.row_count(best.name)
    return best


@dataclass(frozen=True, slots=True)
class Scan:
    """What the mapping screen shows: the sheets, the chosen one, its layout and first rows."""

    path: Path
    kind: str
    sheets: list[str]
    sheet: str
    layout: Layout
    sample: list[list[Cell]]
    # The rows above the header: a letterhead may name the unit (sarpras lists).
    letterhead: list[list[Cell]] = field(default_factory=list)


def scan(
    path: Path | str,
    kind: str,
    sheet: str | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> Scan:
    """Open the file and guess the sheet and column mapping; reads only the first rows."""
    progress(0, 0, "read")
    with open_source(Path(path)) as source:
        guess = guess_sheet(source, kind, sheet)
        if cancel is not None:
            cancel.check()
        assert guess.layout is not None
        sample = [cells for index, _o, cells in guess.head if index >= guess.layout.data_start][:20]
        return Scan(
            path=source.path,
            kind=kind,
            sheets=[s.name for s in source.sheets if s.visible],
            sheet=guess.name,
            layout=guess.layout,
            sample=sample,
            letterhead=[
                cells for index, _o, cells in guess.head if index < guess.layout.header_row
            ],
        )


def existing(session: Session, kind: str, operation_id: int) -> dict[Any, tuple[Any, ...]]:
    """Key -> (id, stored values in ``spec.columns`` order) of the rows already stored."""
    spec = SPECS[kind]
    model = MODELS[kind]
    table = model.__table__
    cols = [table.c[c] for c in spec.columns if c != "parent_id"]
    if kind == "units":
        cols.insert(3, table.c.parent_id)
    rows = session.execute(select(table.c.id, *cols).where(table.c.operation_id == operation_id))
    index = [spec.columns.index(k) for k in spec.key]
    out: dict[Any, tuple[Any, ...]] = {}
    fetched = rows.all()
    # Units name their parent by code in files: compare codes, not ids.
    codes = {r[0]: r[1] for r in fetched} if kind == "units" else {}
    for r in fetched:
        values = tuple(r[1:])
        if kind == "units":
            values = (*values[:3], codes.get(values[3]), *values[4:])
        key = values[index[0]] if len(index) == 1 else tuple(values[i] for i in index)
        out[key] = (r[0], *values)
    return out


def prepare(
    store: Store,
    path: Path | str,
    options: Options,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> Preview:
    """Read, map, normalise, validate and classify every row; writes nothing."""
    from opscenter import operations

    cancel = cancel or CancelToken()
    progress(0, 0, "read")
    with open_source(Path(path)) as source:
        guess = mapped_sheet(source, options)
        layout = guess.layout
        assert layout is not None
        with store.read() as s:
            op_id = options.operation_id or operations.get_operation(s).id
            ctx = Context(s, op_id, create_units=options.create_units)
            stored = existing(s, options.kind, op_id)
            head = journal.head(s)
            if options.kind == "units":
                codes_in_db = set(ctx.unit_codes)
        converter = Converter(ctx, layout, guess.name)
        preview = Preview(
            kind=options.kind,
            path=source.path,
            sha256=source.facts.sha256,
            sheet=guess.name,
            sheets=[s.name for s in source.sheets],
            layout=layout,
            operation_id=op_id,
            journal_head=head,
            provided=converter.provided,
        )
        _classify(preview, converter, stored, sheet_rows(guess), guess.rows_total, progress, cancel)
        if options.kind == "units":
            _check_parents(preview, codes_in_db, guess.name)
        preview.new_units = ctx.new_unit_names()
        preview.labels = {
            "rank_id": dict(ctx.rank_labels),
            "home_unit_id": ctx.unit_labels,
            "assigned_unit_id": ctx.unit_labels,
            "unit_id": ctx.unit_labels,
            "category_id": ctx.category_labels,
            "region_id": ctx.region_labels,
            "parent_id": ctx.unit_labels,
        }
    if sum(preview.counts.values()) == 0:
        raise RosterError("header_only", file=preview.file, sheet=preview.sheet)
    progress(1, 1, "done")
    return preview


def mapped_layout(guess: SheetGuess, options: Options) -> Layout:
    """The guessed sheet's columns, or the person's own mapping of them (``options``): then
    no column is uncertain and nothing guessed is said (only a sum of L and P still is)."""
    layout = guess.layout
    assert layout is not None
    if options.mapping is not None:
        layout.columns = dict(options.mapping)
        layout.uncertain = set()
        layout.choices = []
        voters_by_sex(layout)
    return layout


def mapped_sheet(source: Source, options: Options) -> SheetGuess:
    """The sheet and its columns: as guessed, or as the person mapped them (``options``);
    refuses a sheet without a required column, naming it."""
    guess = guess_sheet(source, options.kind, options.sheet)
    layout = mapped_layout(guess, options)
    missing = layout.missing()
    if missing:
        raise RosterError(
            "missing_columns",
            file=source.path.name,
            sheet=guess.name,
            columns=", ".join(_label(options.kind, k) for k in missing),
        )
    return guess


def _label(kind: str, key: str) -> str:
    from opscenter.roster.headers import FIELDS

    return next((f.label_id for f in FIELDS[kind] if f.key == key), key)


def sheet_rows(guess: SheetGuess) -> Iterator[tuple[int, int, list[Cell]]]:
    yield from guess.head
    yield from guess.rest


def _classify(
    preview: Preview,
    conv: Converter,
    stored: dict[Any, tuple[Any, ...]],
    rows: Iterator[tuple[int, int, list[Cell]]],
    total: int,
    progress: Progress,
    cancel: CancelToken,
) -> None:
    spec = preview.spec
    layout = preview.layout
    key_index = [spec.columns.index(k) for k in spec.key]
    compare = [(i, c) for i, c in enumerate(spec.columns) if c in conv.provided]
    free_text = [spec.columns.index(column) for _key, column in _FREE_TEXT[preview.kind]]
    # key -> where its first row is: i >= 0 in preview.new, -(i + 1) in preview.rows
    seen: dict[Any, int] = {}
    new = preview.new
    counts = preview.counts
    out = preview.rows
    unchanged_rows: dict[Any, int] = {}  # key -> sheet row, for duplicates of unchanged rows
    # After a blank row under the table, lines without an NRP or name are a signature block.
    gap = False
    for index, offset, cells in rows:
        if index < layout.data_start:
            continue
        if index % _PROGRESS_EVERY == 0:
            cancel.check()
            progress(index, total, "check")
        if conv.is_subtotal(cells, offset):
            preview.subtotals += 1
            continue
        if not conv.is_data(cells, offset):
            gap = gap or sum(counts.values()) > 0
            continue
        if gap and not conv.identified(cells, offset):
            continue
        values, problems = conv.convert(index, offset, cells)
        if values is None:
            out.append(RowOutcome(index, "rejected", problems=problems, cells=cells, offset=offset))
            counts["rejected"] += 1
            continue
        for i in free_text:
            if isinstance(values[i], str) and values[i].startswith(FORMULA_START):
                _flag_formulas(preview, conv, index, values)
                break
        key = values[key_index[0]] if len(key_index) == 1 else tuple(values[i] for i in key_index)
        first = seen.get(key)
        if first is not None or key in unchanged_rows:
            _duplicate(preview, conv, key, seen, unchanged_rows, index, offset, cells)
            continue
        before = stored.get(key)
        if before is None:
            missing = _missing_for_new(preview.kind, values)
            if missing:
                col = conv.cols.get(missing)
                from opscenter.roster.headers import cell_ref

                ref = (
                    cell_ref(conv.sheet, index, col)
                    if col is not None
                    else f"{conv.sheet}!{index + 1}"
                )
                problem = Problem(index, col, ref, missing, "required", "")
                out.append(
                    RowOutcome(index, "rejected", problems=[problem], cells=cells, offset=offset)
                )
                counts["rejected"] += 1
                continue
            seen[key] = len(new)
            new.append((*values, index))
            counts["new"] += 1
            continue
        db_id, old = before[0], before[1:]
        if preview.kind == "personnel" and not same_person(str(old[2]), str(values[2])):
            col = conv.cols.get("name")
            from opscenter.roster.headers import cell_ref

            problem = Problem(
                index,
                col,
                cell_ref(conv.sheet, index, col)
                if col is not None
                else f"{conv.sheet}!{index + 1}",
                "name",
                "conflict_db",
                str(values[2]),
                hint=str(old[2]),
            )
            out.append(
                RowOutcome(index, "rejected", problems=[problem], cells=cells, offset=offset)
            )
            counts["rejected"] += 1
            continue
        changes = {
            c: (old[i], values[i])
            for i, c in compare
            if old[i] != values[i] and not (values[i] is None and c in spec.kept_when_empty)
        }
        if not changes:
            unchanged_rows[key] = index
            counts["unchanged"] += 1
            continue
        seen[key] = -len(out) - 1
        out.append(RowOutcome(index, "changed", values=values, db_id=db_id, changes=changes))
        counts["changed"] += 1


# Free-text fields (file field, stored column) that are kept as typed, whatever they begin with.
_FREE_TEXT = {
    "personnel": (("name", "name"), ("position", "position")),
    "tps": (("address", "address"),),
    "units": (("name", "name"),),
}
WARNINGS_MAX = 1000


def _flag_formulas(preview: Preview, conv: Converter, index: int, values: tuple[Any, ...]) -> None:
    """Warn of free text beginning like a formula ("=", "+", "-", "@"): it is imported as it
    is (a name is a name), but a spreadsheet opening an export could run it."""

    spec = preview.spec
    for field_key, column in _FREE_TEXT[preview.kind]:
        value = values[spec.columns.index(column)]
        if not isinstance(value, str) or not looks_like_formula(value):
            continue
        preview.warnings_total += 1
        if len(preview.warnings) < WARNINGS_MAX:
            col = conv.cols.get(field_key)
            ref = (
                cell_ref(conv.sheet, index, col) if col is not None else f"{conv.sheet}!{index + 1}"
            )
            preview.warnings.append(Problem(index, col, ref, field_key, "formula_like", value))


def _missing_for_new(kind: str, values: tuple[Any, ...]) -> str | None:
    """A stored column that a new row needs but the file left empty."""
    if kind == "personnel" and values[5] is None:
        return "unit"
    return None


def _duplicate(
    preview: Preview,
    conv: Converter,
    key: Any,
    seen: dict[Any, int],
    unchanged_rows: dict[Any, int],
    index: int,
    offset: int,
    cells: list[Cell],
) -> None:
    """Both rows of a key written twice are rejected: which one is right is for a person."""

    key_field = {"personnel": "nrp", "tps": "number", "units": "code"}[preview.kind]
    if key_field not in conv.cols and preview.kind == "personnel":
        key_field = "rank_nrp"
    col = conv.cols.get(key_field)
    counts = preview.counts
    first = seen.get(key)
    if first is not None and first >= 0:
        item = preview.new[first]
        assert item is not None
        preview.new[first] = None
        prior = RowOutcome(item[-1], "new", values=item[:-1])
        preview.rows.append(prior)
        seen[key] = -len(preview.rows)
    elif first is not None:
        prior = preview.rows[-first - 1]
    if first is not None:
        other_row = prior.row
        if prior.status != "rejected":
            counts[prior.status] -= 1
            counts["rejected"] += 1
            prior.status = "rejected"
            prior.values = None
            prior.changes = None
            prior.problems = [
                Problem(
                    prior.row,
                    col,
                    cell_ref(conv.sheet, prior.row, col) if col is not None else "",
                    key_field,
                    "duplicate",
                    str(key),
                    hint=cell_ref(conv.sheet, index, col) if col is not None else str(index + 1),
                )
            ]
    else:
        other_row = unchanged_rows.pop(key)
        counts["unchanged"] -= 1
        counts["rejected"] += 1
        preview.rows.append(
            RowOutcome(
                other_row,
                "rejected",
                problems=[
                    Problem(
                        other_row,
                        col,
                        cell_ref(conv.sheet, other_row, col) if col is not None else "",
                        key_field,
                        "duplicate",
                        str(key),
                        hint=cell_ref(conv.sheet, index, col) if col is not None else "",
                    )
                ],
            )
        )
    ref = cell_ref(conv.sheet, index, col) if col is not None else f"{conv.sheet}!{index + 1}"
    hint = cell_ref(conv.sheet, other_row, col) if col is not None else str(other_row + 1)
    preview.rows.append(
        RowOutcome(
            index,
            "rejected",
            problems=[Problem(index, col, ref, key_field, "duplicate", str(key), hint)],
            cells=cells,
            offset=offset,
        )
    )
    counts["rejected"] += 1


def _check_parents(preview: Preview, codes_in_db: set[str], sheet: str) -> None:
    """Units: a parent code must name a stored unit or a unit of the same file."""

    moved = [i for i, v in enumerate(preview.new) if v is not None and v[3] is not None]
    for i in moved:  # new rows with a parent: checked with the others below
        item = preview.new[i]
        assert item is not None
        preview.new[i] = None
        preview.rows.append(RowOutcome(item[-1], "new", values=item[:-1]))
    in_file = {r.values[0] for r in preview.rows if r.values is not None}
    in_file |= {v[0] for v in preview.new if v is not None}
    col = preview.layout.columns.get("parent")
    for r in preview.rows:
        if r.values is None:
            continue
        parent = r.values[3]
        if parent is None:
            continue
        code = "cycle" if parent == r.values[0] else None
        if code is None and parent not in codes_in_db and parent not in in_file:
            code = "parent_unknown"
        if code is None:
            continue
        preview.counts[r.status] -= 1
        preview.counts["rejected"] += 1
        r.status = "rejected"
        r.values = None
        r.changes = None
        ref = cell_ref(sheet, r.row, col) if col is not None else f"{sheet}!{r.row + 1}"
        r.problems = [Problem(r.row, col, ref, "parent", code, str(parent))]


def rows_with(preview: Preview, statuses: Sequence[str]) -> list[RowOutcome]:
    return [r for r in preview.outcomes() if r.status in statuses]
