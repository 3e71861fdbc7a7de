"""Reading a roster file into its preview (``prepare``): every data row mapped, normalised,
validated and classified against the stored rows as new, changed, unchanged or rejected;
writes nothing.

Rejected besides a row whose cells do not convert: both rows of a key written twice, a new
person without a unit, a stored NRP under another name, a unit whose parent is unknown or
itself. Free text beginning like a formula is kept, and flagged.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter import journal
from opscenter.formulas import FORMULA_START, looks_like_formula
from opscenter.progress import CancelToken, Progress, no_progress
from opscenter.roster.errors import RosterError
from opscenter.roster.headers import cell_ref, field_names
from opscenter.roster.normalise import same_person
from opscenter.roster.preview import MODELS, WARNINGS_MAX, Options, Preview, RowOutcome
from opscenter.roster.problems import Problem
from opscenter.roster.reading import Cell, open_source
from opscenter.roster.reference_data import Context
from opscenter.roster.sheet_guess import mapped_sheet, sheet_rows
from opscenter.roster.specs import SPECS
from opscenter.roster.validate import Converter
from opscenter.store import Store

_PROGRESS_EVERY = 5_000


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
        if problems:
            out.append(
                RowOutcome(
                    index, "rejected", problems=problems, cells=cells, offset=offset,
                    key=tuple(values[i] for i in key_index),
                )
            )  # fmt: skip
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
                problem = Problem(
                    index, col, ref, missing, "required", "", label=field_names(conv.kind, missing)
                )
                out.append(
                    RowOutcome(
                        index, "rejected", problems=[problem], cells=cells, offset=offset,
                        key=_key_tuple(key),
                    )
                )  # fmt: skip
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
                label=field_names(conv.kind, "name"),
            )
            out.append(
                RowOutcome(
                    index, "rejected", problems=[problem], cells=cells, offset=offset,
                    key=_key_tuple(key),
                )
            )  # fmt: skip
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


def _key_tuple(key: Any) -> tuple[Any, ...]:
    """A key as ``_classify`` holds it (one value, or a tuple of several) as a row keeps it."""
    return key if isinstance(key, tuple) else (key,)


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
            prior.key = _key_tuple(key)
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
                    label=field_names(conv.kind, key_field),
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
                key=_key_tuple(key),
                problems=[
                    Problem(
                        other_row,
                        col,
                        cell_ref(conv.sheet, other_row, col) if col is not None else "",
                        key_field,
                        "duplicate",
                        str(key),
                        hint=cell_ref(conv.sheet, index, col) if col is not None else "",
                        label=field_names(conv.kind, key_field),
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
            problems=[
                Problem(
                    index,
                    col,
                    ref,
                    key_field,
                    "duplicate",
                    str(key),
                    hint,
                    label=field_names(conv.kind, key_field),
                )
            ],
            cells=cells,
            offset=offset,
            key=_key_tuple(key),
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
        r.key = (r.values[0],)  # a unit's code
        r.values = None
        r.changes = None
        ref = cell_ref(sheet, r.row, col) if col is not None else f"{sheet}!{r.row + 1}"
        label = field_names(preview.kind, "parent")
        r.problems = [Problem(r.row, col, ref, "parent", code, str(parent), label=label)]
