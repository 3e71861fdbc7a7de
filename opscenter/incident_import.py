"""Importing incident logs from spreadsheets: the export's own layout (``opscenter export
incidents``, its times in UTC) and each Polres's (WAKTU, or TANGGAL and JAM, in the
operation's time zone), with the roster machinery (``opscenter.roster``: reading, table
finding, header synonyms, cell references, the error workbook).

Which incident a row is:

- A row with a NOMOR names the incident of that number (an export's rows). It is refused
  when that incident is plainly another one (its title and its time both differ), as a
  roster refuses an NRP that belongs to someone else.
- Else the incident of the same time, region and type, when the database holds one.
- Else it is new: it keeps its NOMOR when it has one, or takes the next free number.

A matched incident is changed in the fields the file has columns for, or left as it is.
Every value passes the incident form's own check (``incidents.validate``: no future time,
no negative casualties, a point whole and inside the operation's area), refused per cell in
the form's words. Two rows naming one incident are both refused.

An incident log is saved whole or not at all: ``commit`` refuses the file while any cell is
refused, writes everything in one transaction journaled as "import.incidents" (so the
import history lists it and can revert it), and refuses rows that someone changed or added
since the preview (the stored version; the same number, or time, region and type).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from opscenter import clock, incidents, journal, operations, reference
from opscenter.actor import Actor
from opscenter.editing import apply, fetch_for_edit
from opscenter.errors import InvalidValue
from opscenter.formulas import looks_like_formula
from opscenter.model import (
    Incident,
    IncidentStatus,
    IncidentType,
    PollingStation,
    Region,
    Severity,
)
from opscenter.permissions import require
from opscenter.progress import CancelToken, Progress, no_progress
from opscenter.roster import normalise as nz
from opscenter.roster import whole_file
from opscenter.roster.commit import Outcome
from opscenter.roster.errors import RosterError
from opscenter.roster.headers import FIELDS, Layout, cell_ref, norm
from opscenter.roster.preview import WARNINGS_MAX, Options, RowOutcome, label_of
from opscenter.roster.reading import Cell
from opscenter.roster.validate import CellReader, Problem
from opscenter.roster.whole_file import WholeFilePreview
from opscenter.store import Store

KIND = "incidents"
PERMISSION = "import.run"
# The stored fields a file may set, in the order a row's values are kept.
COLUMNS = ("number", "type_id", "severity_id", "status_id", "occurred_at", "region_id",
           "tps_id", "location", "title", "description", "dead", "injured", "latitude_e6",
           "longitude_e6")  # fmt: skip
# Which file field sets which stored fields.
_FIELD_COLUMNS: dict[str, tuple[str, ...]] = {
    "type": ("type_id",),
    "severity": ("severity_id",),
    "status": ("status_id",),
    "occurred": ("occurred_at",),
    "occurred_utc": ("occurred_at",),
    "date": ("occurred_at",),
    "region": ("region_id",),
    "kecamatan": ("region_id",),
    "kabkota": ("region_id",),
    "tps": ("tps_id",),
    "location": ("location",),
    "title": ("title",),
    "description": ("description",),
    "dead": ("dead",),
    "injured": ("injured",),
    "latitude": ("latitude_e6", "longitude_e6"),
    "longitude": ("latitude_e6", "longitude_e6"),
    "point": ("latitude_e6", "longitude_e6"),
}
# The file field a refused stored field is shown in (the first the file has).
_SHOWN_IN: dict[str, tuple[str, ...]] = {
    "type_id": ("type",),
    "severity_id": ("severity",),
    "occurred_at": ("occurred_utc", "occurred", "date", "time"),
    "region_id": ("region", "kecamatan", "kabkota"),
    "tps_id": ("tps",),
    "title": ("title", "type"),
    "dead": ("dead",),
    "injured": ("injured",),
    "point": ("point", "latitude", "longitude"),
    "latitude_e6": ("point", "latitude"),
    "longitude_e6": ("point", "longitude"),
}
# Zones by the labels people write after a time ("14.05 WITA").
ZONE_WORDS = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura",
                "UTC": "UTC", "GMT": "UTC", "Z": "UTC"}  # fmt: skip
_NUMBER = re.compile(r"(?:kej\s*-?\s*)?0*(\d{1,7})", re.IGNORECASE)
# The level a region's name is written with ("Kecamatan Sungai Penuh", "Kota Sungai Penuh").
_LEVEL_WORDS = {
    **dict.fromkeys(("desa", "ds", "kelurahan", "kel", "nagari"), "desa"),
    **dict.fromkeys(("kecamatan", "kec"), "kecamatan"),
    **dict.fromkeys(("kabupaten", "kab", "kota"), "kabkota"),
    "provinsi": "provinsi",
}


@dataclass(frozen=True, slots=True)
class _Stored:
    id: int
    version: int
    values: tuple[Any, ...]  # in COLUMNS order


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


@dataclass(slots=True)
class IncidentPreview(WholeFilePreview[Record]):
    # A log is saved whole or not at all: any refused cell refuses the file.
    refusal_reason: ClassVar[str] = "incidents_rejected"
    kind: ClassVar[str] = KIND
    zone: str
    provided: frozenset[str]

    def label(self, column: str, value: Any) -> str:
        """Names for ids, times in the operation's zone, points in degrees."""
        if isinstance(value, datetime):
            return operations.local_text(value, self.zone)
        if column in ("latitude_e6", "longitude_e6") and isinstance(value, int):
            return str(incidents.degrees(value))
        return label_of(self.labels, column, value)

    def key_text(self, r: RowOutcome) -> str:
        """ "KEJ-0042 · 27-11-2024 14:05 WIB · Bentrokan" (the number once it has one)."""
        if r.values is None:
            return ""
        number, type_id, when = r.values[0], r.values[1], r.values[4]
        parts = [f"KEJ-{number:04d}"] if number is not None else []
        parts += [self.label("occurred_at", when), self.label("type_id", type_id)]
        return " \u00b7 ".join(p for p in parts if p)

    def field_label(self, column: str) -> str:
        shown = _SHOWN_IN.get(column, (column,))
        return next((f.label_id for f in FIELDS[KIND] if f.key in shown), column)


@dataclass(slots=True)
class _Known:
    """The operation's reference lists, regions, TPS and incidents, read once."""

    types: nz.NameIndex
    severities: nz.NameIndex
    statuses: nz.NameIndex
    closed: set[int]
    first_status: int | None
    # name key or code -> region ids (codes are unique; names may repeat across kecamatan)
    region_codes: dict[str, int]
    region_names: dict[str, list[int]]
    regions: dict[int, tuple[int | None, str, str]]  # id -> parent, level, name
    tps: dict[tuple[int, int], int]  # (desa id, number) -> TPS id
    by_number: dict[int, _Stored]
    by_key: dict[tuple[datetime, int | None, int], _Stored]  # see _key
    labels: dict[str, dict[int, str]]


def _names(item: Any) -> tuple[str | None, ...]:
    return (item.name, item.code, item.name_en)


def _known(s: Session, operation_id: int) -> _Known:
    from opscenter.roster.validate import _place_key

    types = reference.items(s, IncidentType, operation_id)
    severities = reference.items(s, Severity, operation_id)
    statuses = reference.items(s, IncidentStatus, operation_id)
    regions = s.execute(
        select(Region.id, Region.parent_id, Region.level, Region.name, Region.code).where(
            Region.operation_id == operation_id
        )
    ).all()
    region_names: dict[str, list[int]] = {}
    for r in regions:
        region_names.setdefault(_place_key(r.name), []).append(r.id)
    tps = s.execute(
        select(PollingStation.id, PollingStation.region_id, PollingStation.number).where(
            PollingStation.operation_id == operation_id
        )
    ).all()
    t = Incident
    stored = s.execute(
        select(t.id, t.version, *(getattr(t, c) for c in COLUMNS)).where(
            t.operation_id == operation_id
        )
    ).all()
    by_number: dict[int, _Stored] = {}
    by_key: dict[tuple[datetime, int | None, int], _Stored] = {}
    for row in stored:
        item = _Stored(row[0], row[1], tuple(row[2:]))
        by_number[item.values[0]] = item
        by_key.setdefault(_key(item.values), item)
    return _Known(
        types=nz.NameIndex((i.id, _names(i)) for i in types),
        severities=nz.NameIndex((i.id, _names(i)) for i in severities),
        statuses=nz.NameIndex((i.id, _names(i)) for i in statuses),
        closed={i.id for i in statuses if i.is_closed},
        first_status=next((i.id for i in statuses if i.code == "baru"), None),
        region_codes={r.code: r.id for r in regions if r.code},
        region_names=region_names,
        regions={r.id: (r.parent_id, r.level, r.name) for r in regions},
        tps={(r.region_id, r.number): r.id for r in tps},
        by_number=by_number,
        by_key=by_key,
        labels={
            "type_id": {i.id: i.name for i in types},
            "severity_id": {i.id: i.name for i in severities},
            "status_id": {i.id: i.name for i in statuses},
            "region_id": {r.id: r.name for r in regions},
            "tps_id": {r.id: f"TPS {r.number}" for r in tps},
        },
    )


class _Reader(CellReader):
    """Turns the sheet's rows into values, or problems with cell references."""

    def __init__(
        self, s: Session, known: _Known, layout: Layout, sheet: str, operation_id: int, zone: str
    ) -> None:
        super().__init__(layout, sheet)
        self.session = s
        self.known = known
        self.operation_id = operation_id
        self.zone = zone
        self.now = clock.now()
        self.warnings: list[Problem] = []
        self.warnings_total = 0
        self.values: list[tuple[int, tuple[Any, ...], datetime | None]] = []

    def started(self) -> bool:
        return bool(self.values or self.problems)

    def identified(self, cells: Sequence[Cell], offset: int) -> bool:
        # Under a blank row, lines without a type are a signature block, not incidents.
        return self.cell(cells, offset, "type") is not None

    def _text(self, row: int, cells: Sequence[Cell], offset: int, key: str, size: int) -> Any:
        """Free text kept as typed, also when it begins like a formula (an export writes it
        back as text); such text is listed as a warning, as a roster's names are."""
        value = self.cell(cells, offset, key)
        try:
            if key == "description":  # several lines, as the form keeps them
                result = nz.long_text(value, max_len=size)
            else:
                result = nz.text(value, max_len=size, formulas=True)
        except nz.Bad as exc:
            self.bad(row, key, exc.code, value)
            return None
        if result is not None and looks_like_formula(result):
            self.warnings_total += 1
            if len(self.warnings) < WARNINGS_MAX:
                col = self.cols[key]
                ref = cell_ref(self.sheet, row, col)
                self.warnings.append(Problem(row, col, ref, key, "formula_like", result[:60]))
        return result

    def _listed(self, row: int, cells: Sequence[Cell], offset: int, key: str, index: Any) -> Any:
        raw = self.cell(cells, offset, key)
        if raw is None:
            if key in ("type", "severity"):
                self.bad(row, key, "required")
            return None
        text = " ".join(str(raw).split())
        found = index.find(text)
        if found is None:
            self.bad(row, key, f"incident_{key}_unknown", text, index.suggest(text))
        return found

    def _count(self, row: int, cells: Sequence[Cell], offset: int, key: str) -> int:
        raw = self.cell(cells, offset, key)
        if raw is None or (isinstance(raw, str) and raw.strip() in ("-", "\u2013")):
            return 0
        try:
            return nz.whole_number(raw)
        except nz.Bad:
            text = str(raw).strip()
            if re.fullmatch(r"-\s*\d+", text) or (isinstance(raw, int | float) and raw < 0):
                return -1  # left to the incident check, which refuses it in its words
            self.bad(row, key, "number_malformed", raw)
            return 0

    def row(self, index: int, offset: int, cells: Sequence[Cell]) -> None:
        before = len(self.problems)
        number = self._number(index, cells, offset)
        type_id = self._listed(index, cells, offset, "type", self.known.types)
        severity_id = self._listed(index, cells, offset, "severity", self.known.severities)
        status_id = self._listed(index, cells, offset, "status", self.known.statuses)
        occurred = self._when(index, cells, offset)
        recorded = self._recorded(index, cells, offset)
        region_id = self._region(index, cells, offset, number)
        tps_id = self._tps(index, cells, offset, region_id)
        location = self._text(index, cells, offset, "location", 200)
        title = self._text(index, cells, offset, "title", 200)
        if title is None and type_id is not None:
            title = self.known.labels["type_id"][type_id]  # a log without titles: its type
        description = self._text(index, cells, offset, "description", 20_000) or ""
        dead = self._count(index, cells, offset, "dead")
        injured = self._count(index, cells, offset, "injured")
        lat, lon = self._point(index, cells, offset)
        if len(self.problems) > before:
            return
        values = (number, type_id, severity_id, status_id, occurred, region_id, tps_id, location,
                  title, description, dead, injured, lat, lon)  # fmt: skip
        fields = {c: v for c, v in zip(COLUMNS, values, strict=True) if c in _CHECKED}
        try:
            incidents.validate(self.session, self.operation_id, fields, self.now)
        except InvalidValue as exc:
            key = str(exc.data.get("field") or "")
            shown = next((k for k in _SHOWN_IN.get(key, ()) if k in self.cols), key)
            self.bad(index, shown, str(exc.data.get("reason") or exc.code), None, None, exc)
            return
        self.values.append((index, values, recorded))

    def _number(self, row: int, cells: Sequence[Cell], offset: int) -> int | None:
        raw = self.cell(cells, offset, "number")
        if raw is None:
            return None
        if isinstance(raw, int | float) and not isinstance(raw, bool) and float(raw).is_integer():
            n = int(raw)
        else:
            m = _NUMBER.fullmatch(str(raw).strip())
            n = int(m[1]) if m else 0
        if n < 1:
            self.bad(row, "number", "number_malformed", raw)
            return None
        return n

    def _zone(self, row: int, key: str, label: str | None, raw: Cell) -> ZoneInfo | None:
        name = self.zone if label is None else ZONE_WORDS.get(label.upper())
        if name is None:
            self.bad(row, key, "zone_unknown", raw)
            return None
        return ZoneInfo(name)

    def _when(self, row: int, cells: Sequence[Cell], offset: int) -> datetime | None:
        """When it happened, in UTC: the export's UTC column, else WAKTU, else TANGGAL with
        JAM, read in the operation's zone (or the zone written after the time)."""
        for key in ("occurred_utc", "occurred", "date"):
            if key in self.cols:
                break
        raw = self.cell(cells, offset, key)
        if raw is None:
            self.bad(row, key, "required")
            return None
        try:
            if key == "date":
                day = nz.to_date(raw)
                clock_raw = self.cell(cells, offset, "time")
                # A date-time cell carries its own time, unless it is midnight: a date typed
                # without one, and midnight would be a guess.
                if clock_raw is None and isinstance(raw, datetime) and raw.time() != time(0):
                    moment, label = raw, None
                else:
                    parsed = nz.to_time(clock_raw) if clock_raw is not None else None
                    if parsed is None:
                        self.bad(row, "time" if "time" in self.cols else key, "time_missing")
                        return None
                    assert day is not None
                    moment, label = datetime.combine(day, parsed[0]), parsed[1]
            else:
                found = nz.to_moment(raw)
                assert found is not None
                moment, label = found
        except nz.Bad as exc:
            shown = "time" if exc.code == "time_malformed" and "time" in self.cols else key
            self.bad(row, shown, exc.code, self.cell(cells, offset, shown))
            return None
        if moment.tzinfo is not None:
            return moment.astimezone(UTC)
        zone = ZoneInfo("UTC") if key == "occurred_utc" else self._zone(row, key, label, raw)
        if zone is None:
            return None
        return moment.replace(tzinfo=zone).astimezone(UTC)

    def _recorded(self, row: int, cells: Sequence[Cell], offset: int) -> datetime | None:
        raw = self.cell(cells, offset, "recorded_utc")
        if raw is None:
            return None
        try:
            found = nz.to_moment(raw)
        except nz.Bad as exc:
            self.bad(row, "recorded_utc", exc.code, raw)
            return None
        assert found is not None
        moment = found[0]
        return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)

    def _region(
        self, row: int, cells: Sequence[Cell], offset: int, number: int | None
    ) -> int | None:
        """The smallest region the row names (desa, else kecamatan, else kabupaten/kota), by
        Kemendagri code or by name; a name found in several places is narrowed by the level
        it is written with ("Kecamatan X"), the kecamatan and kabupaten/kota columns, and
        the region of the incident its NOMOR names (an export's row), or refused as
        ambiguous."""
        from opscenter.roster.validate import _place_key

        known = self.known
        for key in ("region", "kecamatan", "kabkota"):
            raw = self.cell(cells, offset, key)
            if raw is not None:
                break
        else:
            return None
        text = " ".join(str(raw).split())
        if text in known.region_codes:
            return known.region_codes[text]
        found = list(known.region_names.get(_place_key(text), ()))
        level = _LEVEL_WORDS.get(norm(text.split()[0].rstrip(".")) if text else "")
        if level is not None and len(found) > 1:
            found = [r for r in found if known.regions[r][1] == level] or found
        for outer in ("kecamatan", "kabkota"):
            if outer == key or len(found) < 2:
                continue
            named = self.cell(cells, offset, outer)
            if named is not None:
                place = _place_key(str(named))
                found = [r for r in found if self._within(r, place)]
        if not found:
            self.bad(row, key, "incident_region_unknown", text)
            return None
        stored = known.by_number.get(number) if number is not None else None
        if len(found) > 1 and stored is not None and stored.values[5] in found:
            return int(stored.values[5])
        if len(found) > 1:
            self.bad(row, key, "incident_region_ambiguous", text)
            return None
        return found[0]

    def _within(self, region_id: int, place: str) -> bool:
        from opscenter.roster.validate import _place_key

        parent = self.known.regions[region_id][0]
        while parent is not None:
            up, _level, name = self.known.regions[parent]
            if _place_key(name) == place:
                return True
            parent = up
        return False

    def _tps(
        self, row: int, cells: Sequence[Cell], offset: int, region_id: int | None
    ) -> int | None:
        raw = self.cell(cells, offset, "tps")
        if raw is None:
            return None
        try:
            number = nz.whole_number(raw)
        except nz.Bad:
            self.bad(row, "tps", "number_malformed", raw)
            return None
        found = self.known.tps.get((region_id, number)) if region_id is not None else None
        if found is None:
            self.bad(row, "tps", "incident_tps_unknown", raw)
        return found

    def _point(self, row: int, cells: Sequence[Cell], offset: int) -> tuple[int | None, int | None]:
        """Micro-degrees from LINTANG and BUJUR, or from one column holding both ("-1.6,
        103.6"); typed as the incident form reads them (``incidents.read_degrees``)."""
        pair = self.cell(cells, offset, "point")
        lat_raw = self.cell(cells, offset, "latitude")
        lon_raw = self.cell(cells, offset, "longitude")
        if pair is not None and lat_raw is None and lon_raw is None:
            split = incidents.split_point(str(pair))
            if split is None:
                error = InvalidValue(field="point", value=str(pair), reason="unreadable_point")
                self.bad(row, "point", "unreadable_point", pair, None, error)
                return None, None
            lat_raw, lon_raw = split
        out: list[int | None] = []
        for key, raw in (("latitude", lat_raw), ("longitude", lon_raw)):
            try:
                if raw is None:
                    out.append(None)
                elif isinstance(raw, int | float) and not isinstance(raw, bool):
                    out.append(incidents.micro_degrees(raw))
                else:
                    out.append(incidents.read_degrees(str(raw)))
            except InvalidValue as exc:
                shown = key if key in self.cols else "point"
                self.bad(row, shown, str(exc.data.get("reason")), raw, None, exc)
                out.append(None)
        return out[0], out[1]


# The stored fields the incident form's check looks at (the number and status it sets itself).
_CHECKED = frozenset(COLUMNS) - {"number", "status_id"}


def prepare(
    store: Store,
    path: Path | str,
    options: Options | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> IncidentPreview:
    """Read and check an incident log, and classify what it would change; writes nothing.

    As the roster's ``prepare``: ``options`` name the sheet, the person's own column mapping
    and the operation."""
    with whole_file.opened(path, options, KIND, progress, cancel) as sheet, store.read() as s:
        op_id = sheet.operation_id(s)
        zone = operations.timezone_of(s, op_id)
        known = _known(s, op_id)
        reader = _Reader(s, known, sheet.layout, sheet.name, op_id, zone)
        sheet.read(reader)
    provided = frozenset(c for k in sheet.layout.columns for c in _FIELD_COLUMNS.get(k, ()))
    records = _classify(reader, known, provided)
    return sheet.preview(
        IncidentPreview,
        op_id,
        records,
        sorted(reader.problems, key=lambda p: (p.row, p.col or 0)),
        zone=zone,
        provided=provided,
        labels=known.labels,
        warnings=reader.warnings,
        warnings_total=reader.warnings_total,
    )


def _key(values: tuple[Any, ...]) -> tuple[datetime, int | None, int]:
    """Time (to the second), region and type: what names an incident without a number."""
    return values[4].replace(microsecond=0), values[5], values[1]


def _same_moment(a: datetime, b: datetime) -> bool:
    """Equal to the millisecond: an .xlsx cell keeps no finer time than that."""
    return abs(a - b) < timedelta(milliseconds=1)


def _same_title(a: Any, b: Any) -> bool:
    return norm(a or "") == norm(b or "")


def _classify(reader: _Reader, known: _Known, provided: frozenset[str]) -> list[Record]:
    """Each row's incident (by number, else by time, region and type), and what changes;
    two rows of one incident are both refused."""
    matched: list[tuple[int, tuple[Any, ...], datetime | None, _Stored | None]] = []
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
            stored = known.by_key.get(_key(values))
        matched.append((index, values, recorded, stored))
    # Which rows name one incident: its stored id, its number, or its time, region and type.
    first: dict[Any, int] = {}
    twice: dict[int, int] = {}
    for index, values, _recorded, stored in matched:
        keys: list[tuple[Any, ...]] = [("key", *_key(values))]
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


def _new_values(values: tuple[Any, ...], known: _Known) -> tuple[Any, ...]:
    """A new incident without a status is "baru", as one logged by hand."""
    if values[3] is None:
        return (*values[:3], known.first_status, *values[4:])
    return values


def commit(
    store: Store,
    actor: Actor,
    preview: IncidentPreview,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> Outcome:
    """Write the new and changed incidents in one transaction journaled as "import.incidents".

    Refuses the whole file while any cell is refused (``preview.refusal()``); an incident
    someone changed since the preview (``StaleEdit``); and a new one whose number, or time,
    region and type, someone else has since stored (``RosterError("stale_rows")``). Nothing
    at all is written when nothing is new or changed."""
    require(actor, PERMISSION)
    todo = [r for r in preview.records if r.status != "unchanged"]
    if not whole_file.ready(preview, todo, cancel):
        return whole_file.unwritten(preview)
    details = preview.details()
    op_id = preview.operation_id
    with store.transaction(actor, "import.incidents", details=details, operation_id=op_id) as s:
        now = clock.now()
        stale = [r for r in todo if r.incident_id is None and _taken(s, op_id, r.values)]
        if stale:
            names = ", ".join(preview.key_text(_outcome(r)) for r in stale[:5])
            raise RosterError("stale_rows", file=preview.file, count=len(stale), rows=names)
        closed = set(
            s.scalars(
                select(IncidentStatus.id).where(
                    IncidentStatus.operation_id == op_id, IncidentStatus.is_closed.is_(True)
                )
            )
        )
        for r in todo:
            fields = dict(zip(COLUMNS, r.values, strict=True))
            if r.incident_id is None:
                status_id = fields.pop("status_id")
                s.add(
                    Incident(
                        operation_id=op_id,
                        status_id=status_id,
                        recorded_at=r.recorded_at or now,
                        recorded_by=actor.username,
                        closed_at=now if status_id in closed else None,
                        **fields,
                    )
                )
                continue
            inc = fetch_for_edit(s, Incident, r.incident_id, r.version)
            changed = {c: new for c, (_old, new) in r.changes.items()}
            status_id = changed.pop("status_id", None)
            apply(inc, changed, incidents.EDITABLE)
            if status_id is not None:
                inc.status_id = status_id
                inc.closed_at = (inc.closed_at or now) if status_id in closed else None
        s.flush()
        txn_id = s.info[journal.TXN_KEY].txn_id
    return whole_file.written(preview, txn_id, progress)


def _outcome(r: Record) -> RowOutcome:
    return RowOutcome(r.row, r.status, values=r.values)


def _taken(s: Session, operation_id: int, values: tuple[Any, ...]) -> bool:
    """Whether someone stored this new incident's number, or its time, region and type."""
    t = Incident
    by_key = t.occurred_at == values[4], t.type_id == values[1]
    region = t.region_id.is_(None) if values[5] is None else t.region_id == values[5]
    hits = s.scalar(
        select(func.count())
        .select_from(t)
        .where(t.operation_id == operation_id)
        .where((t.number == values[0]) | (by_key[0] & by_key[1] & region))
    )
    return bool(hits)
