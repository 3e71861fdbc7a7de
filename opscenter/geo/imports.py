"""``opscenter regions import FILE``: a Polda's own boundaries and codes, from its GIS section.

A file is GeoJSON (a FeatureCollection), a zipped Shapefile (.shp with its .dbf, in WGS 84
degrees) or a CSV list of codes and names (kode, nama). The code and name fields are found
as roster headers are (``opscenter.roster.headers``: ``kode``, ``KODE_WIL``, ``KDEPUM``,
``kode_kec``; ``nama``, ``NAMOBJ``, ``WADMKC`` ...); where more than one field fits and the
values do not settle it, the user names the field (``code_field``, ``name_field``).

``prepare`` reads and checks the whole file and writes nothing; any row it cannot use
refuses the whole file in one sentence (``RosterError``, ``import.<reason>``). ``commit``
writes in one journaled transaction: the shapes go to ``region_boundary`` (shared by every
operation and workstation, preferred over the shipped shape of the same code), and the
operation's regions that have no code yet get theirs where name and parent match.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter import journal
from opscenter.actor import Actor
from opscenter.errors import NoOperation
from opscenter.geo.shapes import Feature, build, level_of
from opscenter.model import REGION_LEVELS, Region, RegionBoundary
from opscenter.permissions import require
from opscenter.progress import CancelToken
from opscenter.roster.errors import RosterError
from opscenter.roster.headers import FIELDS, norm
from opscenter.store import Store

KIND = "regions"
# Refusals the user settles by naming the code and name fields (the wizard's fields page,
# the command's --code-field and --name-field), rather than by mending the file.
FIELD_REASONS = frozenset(
    {"regions_no_code", "regions_no_name", "regions_no_field", "regions_unsure"}
)
FORMATS = ("geojson", "shapefile", "csv")
# Indonesia with a margin: coordinates outside are not WGS 84 degrees (a projected file).
_LON, _LAT = (90.0, 146.0), (-16.0, 11.0)
# Prefixes a region's name carries in the database, not in most GIS files.
_KINDS = re.compile(
    r"^(provinsi|kabupaten|kab\.?|kota|kecamatan|kec\.?|desa|kelurahan|kel\.?)\s+", re.I
)


@dataclass(frozen=True, slots=True)
class Row:
    code: str
    level: str
    name: str
    geometry: dict[str, Any] | None  # GeoJSON geometry; None from a CSV list


@dataclass(slots=True)
class Preview:
    file: Path
    format: str
    code_field: str
    name_field: str
    rows: list[Row]
    counts: dict[str, int] = field(default_factory=dict)  # new / changed / unchanged shapes
    repaired: int = 0  # shapes that were invalid and are repaired when read
    codes: dict[int, str] = field(default_factory=dict)  # region id -> code to give it


def _refuse(reason: str, file: Path, **data: object) -> RosterError:
    return RosterError(reason, file=file.name, **data)


# --- reading --------------------------------------------------------------------------------


def _read(path: Path) -> tuple[str, list[tuple[dict[str, Any], dict[str, Any] | None]]]:
    """(format, [(properties, geometry)]) of a file, or a refusal."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise _refuse("not_found", path) from None
    except OSError as e:
        raise _refuse("corrupt", path, detail=str(e)) from None
    if not data:
        raise _refuse("empty_file", path)
    suffix = path.suffix.lower()
    if suffix == ".zip" or data[:4] == b"PK\x03\x04":
        return "shapefile", _read_shapefile(path, data)
    if suffix in (".geojson", ".json") or data.lstrip()[:1] == b"{":
        return "geojson", _read_geojson(path, data)
    if suffix in (".csv", ".txt"):
        return "csv", _read_csv(path, data)
    raise _refuse("regions_format", path)


def _read_geojson(path: Path, data: bytes) -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
    try:
        doc = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        raise _refuse("corrupt", path) from None
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        raise _refuse("regions_format", path)
    out = []
    for f in doc.get("features") or ():
        if isinstance(f, dict):
            props = f.get("properties") if isinstance(f.get("properties"), dict) else {}
            geom = f.get("geometry") if isinstance(f.get("geometry"), dict) else None
            out.append((props or {}, geom))
    return out


def _read_shapefile(path: Path, data: bytes) -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
    import shapefile  # pyshp

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
        shp = next((n for n in names if n.lower().endswith(".shp")), None)
        if shp is None:
            raise _refuse("regions_no_shp", path)
        stem = shp[:-4]
        parts = {n[len(stem) :].lower(): n for n in names if n.startswith(stem)}
        if ".dbf" not in parts:
            raise _refuse("regions_no_shp", path)
        prj = archive.read(parts[".prj"]).decode("latin-1") if ".prj" in parts else ""
        if prj.lstrip().upper().startswith("PROJCS"):
            raise _refuse("regions_projected", path)
        reader = shapefile.Reader(
            shp=io.BytesIO(archive.read(shp)),
            dbf=io.BytesIO(archive.read(parts[".dbf"])),
            shx=io.BytesIO(archive.read(parts[".shx"])) if ".shx" in parts else None,
            encoding="utf-8",
            encodingErrors="replace",
        )
        fields = [f[0] for f in reader.fields[1:]]
        out = []
        for rec in reader.iterShapeRecords():
            props = dict(zip(fields, list(rec.record), strict=False))
            geom = rec.shape.__geo_interface__ if rec.shape.shapeType != 0 else None
            # As JSON gives it back (lists, not tuples): a second import compares equal.
            out.append((props, json.loads(json.dumps(geom)) if geom else None))
        return out
    except RosterError:
        raise
    except (zipfile.BadZipFile, shapefile.ShapefileException, OSError, ValueError, KeyError):
        raise _refuse("corrupt", path) from None


def _read_csv(path: Path, data: bytes) -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return [(dict(r), None) for r in csv.DictReader(io.StringIO(text), delimiter=delimiter)]


# --- fields -----------------------------------------------------------------------------------

REGION_FIELDS = FIELDS[KIND]


def _candidates(key: str, names: Sequence[str]) -> list[str]:
    """Property names that are the field ``key``: exact synonyms first, else partial."""
    [f] = [f for f in REGION_FIELDS if f.key == key]
    exact = [n for n in names if norm(n) in f.synonyms]
    if exact:
        return exact
    return [n for n in names if any(len(s) >= 4 and s in norm(n) for s in f.synonyms if s != "id")]


def normal_code(value: object) -> str | None:
    """A Kemendagri code as written ("15.01.01"), from dotted or bare digits ("150101")."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value or "").strip()
    if re.fullmatch(r"\d{2}(\.\d{2}){0,2}(\.\d{4})?", text):
        return text
    if re.fullmatch(r"\d{2}|\d{4}|\d{6}|\d{10}", text):
        cuts = [text[:2], text[2:4], text[4:6], text[6:]]
        return ".".join(c for c in cuts if c)
    return None


def _choose(
    path: Path, key: str, names: Sequence[str], records: Sequence[dict[str, Any]], given: str | None
) -> str:
    if given is not None:
        if given not in names:
            raise _refuse("regions_no_field", path, column=given, detail=", ".join(names))
        return given
    found = _candidates(key, names)
    if not found:
        reason = "regions_no_code" if key == "code" else "regions_no_name"
        raise _refuse(reason, path, detail=", ".join(names))
    if len(found) == 1:
        return found[0]
    if key == "code":
        # Of several code fields (KDPPUM, KDPKAB, KDCPUM, KDEPUM), the one naming the
        # smallest regions; where two do so equally, the user says which.
        def depth(n: str) -> int:
            return max(
                (c.count(".") + 1 for r in records if (c := normal_code(r.get(n)))), default=0
            )

        ranked = sorted(found, key=depth, reverse=True)
        if depth(ranked[0]) > depth(ranked[1]):
            return ranked[0]
    raise _refuse("regions_unsure", path, column=key, field=key, detail=", ".join(found))


# --- prepare and commit -----------------------------------------------------------------------


def _names(items: Sequence[tuple[dict[str, Any], dict[str, Any] | None]]) -> list[str]:
    return list(dict.fromkeys(n for props, _g in items for n in props))


def fields(path: Path) -> list[str]:
    """The file's field (property, column) names, in the file's order: the choices for the
    code and name fields. Refuses an unreadable file as ``prepare`` does."""
    return _names(_read(path)[1])


def operation_of(store: Store, code: str | None = None) -> int | None:
    """The operation whose regions without a code get theirs: the one of ``code``, else the
    first one, or None in a database without one (boundaries serve every operation, so it
    may take them too)."""
    from opscenter import operations

    with store.read() as s:
        try:
            return operations.get_operation(s, code).id
        except NoOperation:
            return None


def prepare(
    store: Store,
    path: Path,
    *,
    operation_id: int | None = None,
    code_field: str | None = None,
    name_field: str | None = None,
) -> Preview:
    """Read and check the whole file; writes nothing. Refuses it in one sentence."""
    fmt, items = _read(path)
    if not items:
        raise _refuse("regions_no_rows", path)
    names = _names(items)
    records = [props for props, _g in items]
    code_key = _choose(path, "code", names, records, code_field)
    name_key = _choose(path, "name", [n for n in names if n != code_key], records, name_field)
    rows: list[Row] = []
    seen: set[str] = set()
    for number, (props, geom) in enumerate(items, start=1):
        raw = props.get(code_key)
        code = normal_code(raw)
        level = level_of(code) if code else None
        if code is None or level is None:
            raise _refuse("regions_bad_code", path, row=number, detail=str(raw or ""))
        if code in seen:
            raise _refuse("regions_twice", path, row=number, detail=code)
        seen.add(code)
        name = str(props.get(name_key) or "").strip()
        if not name:
            raise _refuse("regions_no_name_value", path, row=number, detail=code)
        if fmt != "csv":
            _check_geometry(path, number, code, geom)
        rows.append(Row(code, level, name[:120], geom if fmt != "csv" else None))
    preview = Preview(path, fmt, code_key, name_key, rows)
    shaped = [r for r in rows if r.geometry is not None]
    usable = {
        b.code for b in build([Feature(r.code, r.name, r.geometry or {}) for r in shaped], KIND)
    }
    for r in shaped:
        if r.code not in usable:  # nothing polygonal, even repaired
            raise _refuse("regions_no_polygon", path, detail=r.code)
    preview.repaired = sum(1 for r in shaped if not _valid_as_read(r.geometry or {}))
    with store.read() as s:
        _count(s, preview)
        if operation_id is not None:
            preview.codes = _codes_for(s, operation_id, rows)
    return preview


def _valid_as_read(geometry: dict[str, Any]) -> bool:
    import shapely

    try:
        return bool(shapely.from_geojson(json.dumps(geometry)).is_valid)
    except shapely.errors.GEOSException:
        return False


def _check_geometry(path: Path, number: int, code: str, geom: dict[str, Any] | None) -> None:
    if not geom or geom.get("type") not in ("Polygon", "MultiPolygon"):
        raise _refuse("regions_no_polygon", path, detail=code)
    flat = re.findall(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?", json.dumps(geom.get("coordinates")))
    values = [float(v) for v in flat]
    lons, lats = values[0::2], values[1::2]
    if not lons or not (
        _LON[0] <= min(lons)
        and max(lons) <= _LON[1]
        and _LAT[0] <= min(lats)
        and max(lats) <= _LAT[1]
    ):
        raise _refuse("regions_projected", path, detail=code)


def _count(s: Session, preview: Preview) -> None:
    have = {
        b.code: b
        for b in s.scalars(
            select(RegionBoundary).where(
                RegionBoundary.code.in_([r.code for r in preview.rows if r.geometry is not None])
            )
        )
    }
    counts = {"new": 0, "changed": 0, "unchanged": 0}
    for r in preview.rows:
        if r.geometry is None:
            continue
        old = have.get(r.code)
        if old is None:
            counts["new"] += 1
        elif (old.name, old.geometry) == (r.name, r.geometry):
            counts["unchanged"] += 1
        else:
            counts["changed"] += 1
    preview.counts = counts


def _plain(name: str) -> str:
    return " ".join(_KINDS.sub("", name.strip()).casefold().split())


def _codes_for(s: Session, operation_id: int, rows: Iterable[Row]) -> dict[int, str]:
    """The operation's regions without a code that a row names: same level, same name
    (without "Kecamatan", "Desa" ...), and the parent's code (as it is, or as this import
    gives it) is the row's code's parent."""
    regions = s.scalars(select(Region).where(Region.operation_id == operation_id)).all()
    regions = sorted(regions, key=lambda r: (REGION_LEVELS.index(r.level), r.id))
    code_of = {r.id: r.code for r in regions}
    taken = {r.code for r in regions if r.code}
    wanted: dict[tuple[str, str, str | None], str] = {}
    for row in rows:
        parent = row.code.rpartition(".")[0] or None
        wanted[(row.level, _plain(row.name), parent)] = row.code
    out: dict[int, str] = {}
    for r in regions:  # parents before their children
        if r.code:
            continue
        parent = code_of.get(r.parent_id) if r.parent_id is not None else None
        code = wanted.get((r.level, _plain(r.name), parent))
        if code is not None and code not in taken:
            out[r.id] = code
            code_of[r.id] = code
            taken.add(code)
    return out


def commit(
    store: Store,
    actor: Actor,
    preview: Preview,
    operation_id: int | None = None,
    cancel: CancelToken | None = None,
) -> int | None:
    """Write what ``prepare`` found, in one journaled transaction; nothing when unchanged.
    The journal's transaction id, or None when nothing needed writing. ``cancel``: a
    cancelled import rolls back whole."""
    require(actor, "import.run")
    shaped = [r for r in preview.rows if r.geometry is not None]
    if not preview.counts.get("new") and not preview.counts.get("changed") and not preview.codes:
        return None
    details = {"file": preview.file.name, "format": preview.format, "rows": len(preview.rows)}
    with store.transaction(
        actor, "regions.import", details=details, operation_id=operation_id, long_running=True
    ) as s:
        have = {
            b.code: b
            for b in s.scalars(
                select(RegionBoundary).where(RegionBoundary.code.in_([r.code for r in shaped]))
            )
        }
        for r in shaped:
            geometry = r.geometry or {}
            old = have.get(r.code)
            if old is None:
                s.add(
                    RegionBoundary(
                        code=r.code,
                        level=r.level,
                        name=r.name,
                        geometry=geometry,
                        source=preview.file.name[:255],
                    )
                )
            elif (old.name, old.geometry) != (r.name, geometry):
                old.name, old.geometry, old.source = r.name, geometry, preview.file.name[:255]
        if preview.codes:
            for region in s.scalars(select(Region).where(Region.id.in_(list(preview.codes)))):
                if region.code is None:
                    region.code = preview.codes[region.id]
        if cancel is not None:
            cancel.check()
        s.flush()
        txn_id: int | None = s.info[journal.TXN_KEY].txn_id
    return txn_id
