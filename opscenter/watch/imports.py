"""A Polres's periodic watch list imported from a spreadsheet (CSV or Excel), with the
roster machinery (``opscenter.roster``: reading, table finding, header synonyms, cell
references, the error workbook, the import wizard's interface).

Two layouts:

* long: one row per report: the TPS, LANGKAH (the step's key, code or name) and JAM or
  WAKTU (the time);
* wide: one row per TPS, one column per step headed by the step's name or code ("TIBA",
  "Petugas tiba", "Penghitungan selesai", also "JAM TIBA"), its cells the times. An empty
  cell writes nothing: a list never takes back a time someone has recorded.

The TPS is its KPU code ("1501012001003") in the TPS column, or its number ("001", "TPS
1") beside DESA (and KECAMATAN, when two desa share a name), or what an operator would type
(``entry.find_tps``). A time is "HH:MM" on voting day (or on the date of a TANGGAL
column), a date and time, or an Excel time or date-time cell, in the operation's zone
unless it names its own ("07.15 WITA").

Every cell is checked as ``entry.record`` checks a report: an unknown TPS or step, an
unreadable time, a time in the future or far from voting day is refused in the core's
sentence, naming the cell. A list is saved whole or not at all (``whole_file.WholeFile``):
``commit`` writes every new and changed time through ``entry.record_in`` in one transaction
journaled as "import.watch", recorded by "impor: <file name>", and refuses the whole file
when someone changed one of the times it writes since the preview (``stale_rows``).
Importing the same file again finds every row unchanged and writes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from opscenter import clock, journal, operations
from opscenter.actor import Actor
from opscenter.errors import OpsError
from opscenter.incident_import_rows import ZONE_WORDS
from opscenter.model import PollingStation, Region, TpsWatch, tps_label
from opscenter.permissions import require
from opscenter.progress import CancelToken, Progress, no_progress
from opscenter.roster import normalise as nz
from opscenter.roster import whole_file
from opscenter.roster.cell_reader import CellReader
from opscenter.roster.commit import Outcome
from opscenter.roster.errors import RosterError
from opscenter.roster.headers import Layout, cell_ref, norm
from opscenter.roster.preview import Options, RowOutcome
from opscenter.roster.reading import Cell
from opscenter.roster.reference_data import place_key
from opscenter.roster.whole_file import WholeFilePreview
from opscenter.store import Store
from opscenter.watch.entry import (
    PERMISSION,
    Mark,
    WatchRefused,
    check_time,
    find_step,
    find_tps,
    record_in,
    tps_code,
)
from opscenter.watch.steps import Step, steps

KIND = "watch"
_CHUNK = 500
# Words before a step's name in a wide list's heading ("JAM TIBA", "Waktu petugas tiba").
_TIME_WORDS = re.compile(r"^(?:jam|waktu|pukul|pkl)\.?\s+", re.IGNORECASE)
# The fields a wide list's step column can never be, whatever its heading says.
_PLACE_FIELDS = ("tps", "desa", "kecamatan", "step", "date")


@dataclass(frozen=True, slots=True)
class Record:
    """One row of the list: its TPS, the times it gives, and how they differ from the stored."""

    row: int
    tps_id: int
    label: str  # "TPS 003 Desa A1a"
    step: str | None  # a long list's step name (the row's key shows it)
    marks: tuple[tuple[int, datetime, datetime | None], ...]  # (step id, time, stored before)
    status: str  # "new", "changed" or "unchanged"
    changes: dict[str, tuple[datetime | None, datetime]]  # step name -> (before, after)

    def outcome(self) -> RowOutcome:
        return RowOutcome(
            self.row,
            self.status,
            values=(self.tps_id, self.label, self.step),
            db_id=self.tps_id,
            changes=dict(self.changes) or None,
        )


@dataclass(slots=True)
class WatchPreview(WholeFilePreview[Record]):
    # A list is saved whole or not at all: any refused cell refuses the file.
    refusal_reason: ClassVar[str] = "watch_rejected"
    kind: ClassVar[str] = KIND
    zone: str
    # A wide list's step columns (column -> step name); empty for a long list.
    step_columns: dict[int, str]
    # No free text of a watch list is kept (no warnings).

    @property
    def wide(self) -> bool:
        return bool(self.step_columns)

    def label(self, column: str, value: Any) -> str:
        if isinstance(value, datetime):
            return operations.local_text(value, self.zone)
        return "" if value is None else str(value)

    def key_text(self, r: RowOutcome) -> str:
        """ "TPS 003 Desa A1a", and a long list's step: "TPS 003 Desa A1a · Petugas tiba"."""
        if r.values is None:
            return ""
        _tps, label, step = r.values
        return f"{label} \u00b7 {step}" if step else str(label)

    def notes(self, lang: str | None = None) -> str:
        """Which columns a wide list's headings made steps, said in the preview and by the
        command line (the import never takes a column silently)."""
        from opscenter.messages import watch_columns

        return watch_columns(self.layout, self.step_columns, lang)


@dataclass(slots=True)
class _Places:
    """The operation's TPS, read once: by KPU code, by desa and number, and their labels."""

    codes: dict[str, int]
    names: dict[tuple[str, int], list[tuple[int, str]]]  # (desa key, number) -> (id, kec key)
    labels: dict[int, str]


def _places(s: Session, operation_id: int) -> _Places:
    desa, kec = aliased(Region), aliased(Region)
    out = _Places({}, {}, {})
    for tps_id, number, desa_name, desa_code, kec_name in s.execute(
        select(PollingStation.id, PollingStation.number, desa.name, desa.code, kec.name)
        .join(desa, desa.id == PollingStation.region_id)
        .outerjoin(kec, kec.id == desa.parent_id)
        .where(PollingStation.operation_id == operation_id)
    ):
        tps_id, number = int(tps_id), int(number)
        code = tps_code(desa_code, number)
        if code is not None:
            out.codes[code] = tps_id
        key = (place_key(str(desa_name)), number)
        out.names.setdefault(key, []).append((tps_id, place_key(str(kec_name or ""))))
        out.labels[tps_id] = tps_label(number, desa_name)
    return out


def _text(value: Cell) -> str:
    """A cell as a person reads it: a number cell's 1501012001003.0 is the code typed."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def step_columns(layout: Layout, all_steps: Sequence[Step]) -> dict[int, Step]:
    """A wide list's step columns: every heading that names one step (its code, its key,
    or the start of its name, perhaps after "JAM"), and is not the TPS's place."""
    taken = {layout.columns[k] for k in _PLACE_FIELDS if k in layout.columns}
    out: dict[int, Step] = {}
    for col, heading in sorted(layout.headers.items()):
        text = _TIME_WORDS.sub("", " ".join(str(heading).split()))
        if col in taken or len(norm(text)) < 3:
            continue
        try:
            out[col] = find_step(all_steps, text)
        except WatchRefused:
            continue
    return out


class _Reader(CellReader):
    """Turns the sheet's rows into marks per row, or problems with cell references."""

    def __init__(
        self,
        s: Session,
        operation_id: int,
        layout: Layout,
        sheet: str,
        columns: dict[int, Step],
    ) -> None:
        super().__init__(layout, sheet)
        self.session = s
        self.operation_id = operation_id
        self.columns = columns  # a wide list's step columns
        self.zone = operations.timezone_of(s, operation_id)
        self.steps = steps(s, operation_id)
        self.day = operations.voting_day(operations.stages(s, operation_id))
        self.now = clock.now()
        self.places = _places(s, operation_id)
        # (row, TPS id, a long list's step name, [(step id, time, column)])
        self.rows: list[tuple[int, int, str | None, list[tuple[int, datetime, int]]]] = []
        self._seen: dict[tuple[int, int], tuple[datetime, int, int]] = {}
        self._tps_memo: dict[tuple[str, str, str], int | OpsError] = {}
        self._step_memo: dict[str, Step | OpsError] = {}

    def at(self, cells: Sequence[Cell], offset: int, col: int | None) -> Cell:
        value = super().at(cells, offset, col)
        return None if isinstance(value, str) and not value.strip() else value

    def data_columns(self) -> Sequence[int]:
        return [*self.cols.values(), *self.columns]

    def started(self) -> bool:
        return bool(self.rows or self.problems)

    def identified(self, cells: Sequence[Cell], offset: int) -> bool:
        # Under a blank row, lines without a TPS are a signature block, not reports.
        return self.cell(cells, offset, "tps") is not None

    def row(self, index: int, offset: int, cells: Sequence[Cell]) -> None:
        before = len(self.problems)
        tps_id = self._tps(index, offset, cells)
        label = self.places.labels.get(tps_id, "") if tps_id is not None else ""
        found: list[tuple[Step, datetime, int]] = []
        step_name: str | None = None
        if self.columns:
            for col, st in self.columns.items():
                raw = self.at(cells, offset, col)
                if raw is None:
                    continue
                at = self._time(index, offset, cells, col, st.code, raw)
                if at is not None:
                    found.append((st, at, col))
        else:
            named = self._step(index, offset, cells)
            time_col = self.cols.get("time")
            raw = self._required(index, offset, cells, "time")
            if raw is not None:
                at = self._time(index, offset, cells, time_col, "time", raw)
                if named is not None and at is not None:
                    found.append((named, at, time_col if time_col is not None else 0))
            step_name = named.name if named is not None else None
        if tps_id is None:
            return
        for st, at, col in found:
            try:
                check_time(at, self.day, self.zone, self.now, label, st.name)
            except WatchRefused as exc:
                self.refuse(index, col, st.code, str(exc.data["reason"]), None, None, exc)
        if len(self.problems) > before:
            return
        marks: list[tuple[int, datetime, int]] = []
        for st, at, col in found:
            seen = self._seen.get((tps_id, st.id))
            if seen is not None:
                if seen[0] != at:
                    hint = cell_ref(self.sheet, seen[1], seen[2])
                    self.refuse(index, col, st.code, "duplicate", at.strftime("%H:%M"), hint)
                continue  # the same time twice says it once
            self._seen[(tps_id, st.id)] = (at, index, col)
            marks.append((st.id, at, col))
        if len(self.problems) == before:
            self.rows.append((index, tps_id, step_name, marks))

    def _required(self, index: int, offset: int, cells: Sequence[Cell], key: str) -> Cell:
        """The cell of ``key``; an empty one is refused as required."""
        raw = self.cell(cells, offset, key)
        if raw is None:
            self.bad(index, key, "required")
        return raw

    def _tps(self, index: int, offset: int, cells: Sequence[Cell]) -> int | None:
        raw = self._required(index, offset, cells, "tps")
        if raw is None:
            return None
        desa_col, kec_col = self.cols.get("desa"), self.cols.get("kecamatan")
        desa = self.at(cells, offset, desa_col)
        kec = self.at(cells, offset, kec_col)
        key = (_text(raw), _text(desa) if desa is not None else "", _text(kec) if kec else "")
        found = self._tps_memo.get(key)
        if found is None:
            found = self._tps_memo[key] = self._find_tps(*key)
        if isinstance(found, OpsError):
            self.bad(index, "tps", "unknown_tps", _text(raw), None, found)
            return None
        return found

    def _find_tps(self, text: str, desa: str, kec: str) -> int | OpsError:
        places = self.places
        digits = re.sub(r"\D", "", text)
        if len(digits) == 13 and not re.search(r"[A-Za-z]", text):
            hit = places.codes.get(digits)
            return hit if hit is not None else WatchRefused(reason="unknown_tps", text=text)
        if desa:
            shown = f"{desa} {text}"
            try:
                number = nz.whole_number(text)
            except nz.Bad:
                return WatchRefused(reason="unknown_tps", text=shown)
            hits = places.names.get((place_key(desa), number), [])
            if kec and len(hits) > 1:
                hits = [h for h in hits if h[1] == place_key(kec)]
            if len(hits) == 1:
                return hits[0][0]
            if hits:
                choices = ", ".join(places.labels[i] for i, _k in hits)
                return WatchRefused(reason="ambiguous_tps", text=shown, choices=choices)
            return WatchRefused(reason="unknown_tps", text=shown)
        try:
            return find_tps(self.session, self.operation_id, text).id
        except WatchRefused as exc:
            return exc

    def _step(self, index: int, offset: int, cells: Sequence[Cell]) -> Step | None:
        raw = self._required(index, offset, cells, "step")
        if raw is None:
            return None
        text = _text(raw)
        found = self._step_memo.get(text)
        if found is None:
            try:
                found = find_step(self.steps, text)
            except WatchRefused as exc:
                found = exc
            self._step_memo[text] = found
        if isinstance(found, OpsError):
            self.bad(index, "step", "unknown_step", _text(raw), None, found)
            return None
        return found

    def _time(
        self, index: int, offset: int, cells: Sequence[Cell], col: int | None, key: str, raw: Cell
    ) -> datetime | None:
        on = self.at(cells, offset, self.cols.get("date"))
        try:
            return read_moment(raw, on, self.zone, self.day, self.now)
        except WatchRefused as exc:
            self.refuse(index, col, key, "bad_time", _text(raw), None, exc)
            return None


def read_moment(raw: Cell, on: Cell, zone: str, day: date | None, now: datetime) -> datetime:
    """The moment a cell gives: a time of day ("07:15", "07.15 WITA", an Excel time cell)
    on the date of ``on`` (a TANGGAL cell), else on voting day ``day``, else on today's local
    date; or a whole date and time ("27-11-2024 07:15", an Excel date-time cell). In
    ``zone`` unless it names its own; refused as "bad_time" when it cannot be read."""
    shown = _text(raw)
    try:
        clock_of: tuple[time, str | None] | None = None
        moment: datetime | None = None
        label: str | None = None
        if isinstance(raw, datetime) and raw.year > 1900:
            moment = raw  # an Excel time cell alone is a date-time of 1899-12-30
        elif isinstance(raw, datetime | time | timedelta):
            clock_of = nz.to_time(raw)
        elif isinstance(raw, bool):
            raise nz.Bad("time_malformed")
        elif isinstance(raw, int | float):
            if 0 <= raw < 1:
                clock_of = nz.to_time(raw)
            else:
                found = nz.to_moment(raw)
                assert found is not None
                moment, label = found
        else:
            try:
                clock_of = nz.to_time(shown)
            except nz.Bad:
                found = nz.to_moment(shown)
                assert found is not None
                moment, label = found
        if clock_of is not None:
            base = nz.to_date(on) if on is not None else None
            if base is None:
                base = day or now.astimezone(ZoneInfo(zone)).date()
            moment, label = datetime.combine(base, clock_of[0]), clock_of[1]
        assert moment is not None
    except nz.Bad as exc:
        raise WatchRefused(reason="bad_time", text=shown) from exc
    if moment.tzinfo is not None:
        return moment
    name = zone if label is None else ZONE_WORDS.get(label.upper())
    if name is None:
        raise WatchRefused(reason="bad_time", text=shown)
    return moment.replace(tzinfo=ZoneInfo(name))


def prepare(
    store: Store,
    path: Path | str,
    options: Options | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> WatchPreview:
    """Read and check a watch list, and classify what it would change; writes nothing.

    As the roster's ``prepare``: ``options`` name the sheet, the person's own column mapping
    and the operation."""
    with whole_file.opened(path, options, KIND, progress, cancel) as sheet:
        layout = sheet.layout
        with store.read() as s:
            op_id = sheet.operation_id(s)
            columns: dict[int, Step] = {}
            if "step" not in layout.columns:
                columns = step_columns(layout, steps(s, op_id))
                if not columns:
                    raise RosterError("watch_no_steps", file=sheet.file, sheet=sheet.name)
            elif "time" not in layout.columns:
                raise RosterError(
                    "missing_columns", file=sheet.file, sheet=sheet.name, columns="Jam"
                )
            reader = _Reader(s, op_id, layout, sheet.name, columns)
            sheet.read(reader)
            stored = _stored(s, sorted({r[1] for r in reader.rows}))
    names = {st.id: st.name for st in reader.steps}
    records = [_classify(row, reader.places.labels, names, stored) for row in reader.rows]
    return sheet.preview(
        WatchPreview,
        op_id,
        records,
        sorted(reader.problems, key=lambda p: (p.row, p.col or 0)),
        zone=reader.zone,
        step_columns={c: st.name for c, st in columns.items()},
    )


def _stored(s: Session, tps_ids: Sequence[int]) -> dict[tuple[int, int], datetime]:
    out: dict[tuple[int, int], datetime] = {}
    for i in range(0, len(tps_ids), _CHUNK):
        for tps_id, step_id, at in s.execute(
            select(TpsWatch.tps_id, TpsWatch.step_id, TpsWatch.at).where(
                TpsWatch.tps_id.in_(tps_ids[i : i + _CHUNK])
            )
        ):
            out[(int(tps_id), int(step_id))] = at
    return out


def _classify(
    row: tuple[int, int, str | None, list[tuple[int, datetime, int]]],
    labels: dict[int, str],
    names: dict[int, str],
    stored: dict[tuple[int, int], datetime],
) -> Record:
    """New when nothing the row gives was recorded, unchanged when all of it was, else
    changed; the changes name each step whose time the row sets."""
    index, tps_id, step, found = row
    marks = tuple((sid, at, stored.get((tps_id, sid))) for sid, at, _col in found)
    changes = {names[sid]: (before, at) for sid, at, before in marks if before != at}
    if not changes:
        status = "unchanged"
    elif all(before is None for _sid, _at, before in marks):
        status = "new"
    else:
        status = "changed"
    return Record(index, tps_id, labels[tps_id], step, marks, status, changes)


def commit(
    store: Store,
    actor: Actor,
    preview: WatchPreview,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> Outcome:
    """Write the new and changed times in one transaction journaled as "import.watch".

    Refuses the whole file while any cell is refused (``preview.refusal()``), and when one of
    the times it writes was recorded or changed by someone else since the preview
    (``RosterError("stale_rows")``); times it does not write may change meanwhile. Nothing at
    all is written when nothing is new or changed."""
    require(actor, PERMISSION)
    marks: list[Mark] = []
    expect: dict[tuple[int, int], datetime | None] = {}
    for r in preview.records:
        for sid, at, before in r.marks:
            if at != before:
                marks.append(Mark(r.tps_id, sid, at))
                expect[(r.tps_id, sid)] = before
    if not whole_file.ready(preview, marks, cancel):
        return whole_file.unwritten(preview)
    details = preview.details()
    op_id = preview.operation_id
    with store.transaction(actor, "import.watch", details=details, operation_id=op_id) as s:
        try:
            record_in(s, op_id, marks, expect=expect, by=f"impor: {preview.file}")
        except WatchRefused as exc:
            if exc.data.get("reason") != "changed":
                raise
            rows = f"{exc.data.get('step')} {exc.data.get('tps')}"
            raise RosterError("stale_rows", file=preview.file, count=1, rows=rows) from exc
        txn_id = s.info[journal.TXN_KEY].txn_id
    return whole_file.written(preview, txn_id, progress)
