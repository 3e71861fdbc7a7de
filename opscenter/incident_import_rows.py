"""Reading an incident log's rows (``opscenter.incident_import``): the operation's reference
lists, regions, TPS and incidents, read once, and each row turned into an incident's values
(``COLUMNS``, set by the file's fields as ``FIELD_COLUMNS`` says).
Every value passes the incident form's own check (``incidents.validate``: no future time, no
negative casualties, a point whole and inside the operation's area), refused per cell in the
form's words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter import clock, incidents, reference
from opscenter.errors import InvalidValue
from opscenter.formulas import looks_like_formula
from opscenter.model import Incident, IncidentStatus, IncidentType, PollingStation, Region, Severity
from opscenter.roster import normalise as nz
from opscenter.roster.cell_reader import CellReader
from opscenter.roster.headers import Layout, cell_ref, norm
from opscenter.roster.preview import WARNINGS_MAX
from opscenter.roster.problems import Problem
from opscenter.roster.reading import Cell

# The stored fields a file may set, in the order a row's values are kept.
COLUMNS = ("number", "type_id", "severity_id", "status_id", "occurred_at", "region_id",
           "tps_id", "location", "title", "description", "dead", "injured", "latitude_e6",
           "longitude_e6")  # fmt: skip
# Which file field sets which stored fields.
FIELD_COLUMNS: dict[str, tuple[str, ...]] = {
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
SHOWN_IN: dict[str, tuple[str, ...]] = {
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
# The stored fields the incident form's check looks at (the number and status it sets itself).
_CHECKED = frozenset(COLUMNS) - {"number", "status_id"}


@dataclass(frozen=True, slots=True)
class Stored:
    """An incident as the database held it when the preview read it."""

    id: int
    version: int
    values: tuple[Any, ...]  # in COLUMNS order


def key_of(values: tuple[Any, ...]) -> tuple[datetime, int | None, int]:
    """Time (to the second), region and type: what names an incident without a number."""
    return values[4].replace(microsecond=0), values[5], values[1]


@dataclass(slots=True)
class Known:
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
    by_number: dict[int, Stored]
    by_key: dict[tuple[datetime, int | None, int], Stored]  # see key_of
    labels: dict[str, dict[int, str]]


def _names(item: Any) -> tuple[str | None, ...]:
    return (item.name, item.code, item.name_en)


def read_known(s: Session, operation_id: int) -> Known:
    """What the rows of one file are read against (``Known``)."""
    from opscenter.roster.reference_data import place_key

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
        region_names.setdefault(place_key(r.name), []).append(r.id)
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
    by_number: dict[int, Stored] = {}
    by_key: dict[tuple[datetime, int | None, int], Stored] = {}
    for row in stored:
        item = Stored(row[0], row[1], tuple(row[2:]))
        by_number[item.values[0]] = item
        by_key.setdefault(key_of(item.values), item)
    return Known(
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


class Reader(CellReader):
    """Turns the sheet's rows into values, or problems with cell references."""

    def __init__(
        self, s: Session, known: Known, layout: Layout, sheet: str, operation_id: int, zone: str
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
            shown = next((k for k in SHOWN_IN.get(key, ()) if k in self.cols), key)
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
        from opscenter.roster.reference_data import place_key

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
        found = list(known.region_names.get(place_key(text), ()))
        level = _LEVEL_WORDS.get(norm(text.split()[0].rstrip(".")) if text else "")
        if level is not None and len(found) > 1:
            found = [r for r in found if known.regions[r][1] == level] or found
        for outer in ("kecamatan", "kabkota"):
            if outer == key or len(found) < 2:
                continue
            named = self.cell(cells, offset, outer)
            if named is not None:
                place = place_key(str(named))
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
        from opscenter.roster.reference_data import place_key

        parent = self.known.regions[region_id][0]
        while parent is not None:
            up, _level, name = self.known.regions[parent]
            if place_key(name) == place:
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
