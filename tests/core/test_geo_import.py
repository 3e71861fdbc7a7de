"""``opscenter regions import``: boundaries and codes from GeoJSON, a zipped Shapefile and CSV
files built here; fields found by their synonyms; every bad file refused in one Indonesian
sentence with the database unchanged; imported shapes win over the shipped ones."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shapefile
from sqlalchemy import func, select

from opscenter import geo, messages
from opscenter.actor import Actor
from opscenter.geo import imports
from opscenter.model import JournalTxn, Region, RegionBoundary
from opscenter.permissions import NotPermitted
from opscenter.progress import Cancelled, CancelToken
from opscenter.roster.errors import RosterError
from opscenter.store import Store, open_store
from tests.builders import Small, build_small_operation

STAFF = Actor("uji.staf", role="staff")
SUNGAI_PENUH = "15.72"


@pytest.fixture
def small(db_url: str) -> Iterator[tuple[Store, Small]]:
    store = open_store(db_url)
    try:
        yield store, build_small_operation(store)
    finally:
        store.dispose()


def _square(x: float, y: float, size: float = 0.05) -> list[list[float]]:
    return [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]


def _geojson(path: Path, features: list[tuple[dict[str, Any], dict[str, Any] | None]]) -> Path:
    doc = {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "properties": p, "geometry": g} for p, g in features],
    }
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def _state(store: Store) -> tuple[int, int, list[str | None]]:
    with store.read() as s:
        return (
            s.scalar(select(func.count()).select_from(JournalTxn)) or 0,
            s.scalar(select(func.count()).select_from(RegionBoundary)) or 0,
            list(s.scalars(select(Region.code).order_by(Region.id))),
        )


def test_geojson_shapes_win_over_the_shipped_ones(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, op = small
    shipped = geo.boundaries([SUNGAI_PENUH])[SUNGAI_PENUH]
    path = _geojson(
        tmp_path / "batas.geojson",
        [
            ({"KODE_WIL": "15.72", "NAMOBJ": "Kota Sungai Penuh", "luas": 1}, {
                "type": "Polygon", "coordinates": [_square(101.30, -2.10)]}),
            ({"KODE_WIL": "1501", "NAMOBJ": "Kabupaten Kerinci", "luas": 2}, {
                "type": "MultiPolygon", "coordinates": [[_square(101.5, -2.0)]]}),
        ],
    )  # fmt: skip
    preview = imports.prepare(store, path, operation_id=op.operation_id)
    assert (preview.code_field, preview.name_field, preview.format) == (
        "KODE_WIL", "NAMOBJ", "geojson"
    )  # fmt: skip
    assert [r.code for r in preview.rows] == ["15.72", "15.01"]  # bare digits get their dots
    assert preview.counts == {"new": 2, "changed": 0, "unchanged": 0}
    # Cancelled (the wizard's progress dialog) before it commits: nothing saved.
    before = _state(store)
    cancel = CancelToken()
    cancel.cancel()
    with pytest.raises(Cancelled):
        imports.commit(store, STAFF, preview, op.operation_id, cancel)
    assert _state(store) == before
    txn_id = imports.commit(store, STAFF, preview, op.operation_id)
    with store.read() as s:
        mine = geo.boundaries([SUNGAI_PENUH, "15.71"], s)
        txn = s.scalars(select(JournalTxn).order_by(JournalTxn.id.desc())).first()
    assert txn is not None and (txn.action, txn.actor) == ("regions.import", "uji.staf")
    assert txn.id == txn_id
    assert mine[SUNGAI_PENUH].bbox == pytest.approx((101.30, -2.10, 101.35, -2.05))
    assert mine[SUNGAI_PENUH] != shipped
    assert mine["15.71"] == geo.boundaries(["15.71"])["15.71"]  # not imported: shipped
    assert geo.boundaries([SUNGAI_PENUH])[SUNGAI_PENUH] is shipped  # without a session
    # The same file again: nothing changes, not even the journal.
    before = _state(store)
    again = imports.prepare(store, path, operation_id=op.operation_id)
    assert again.counts == {"new": 0, "changed": 0, "unchanged": 2}
    assert imports.commit(store, STAFF, again, op.operation_id) is None
    assert _state(store) == before


def test_zipped_shapefile_with_an_invalid_ring(small: tuple[Store, Small], tmp_path: Path) -> None:
    """BIG's RBI layout: four code fields (the deepest is the kecamatan's), WADMKC; one
    bow-tie ring, repaired when read; a .prj in degrees."""
    store, _op = small
    shp, shx, dbf = io.BytesIO(), io.BytesIO(), io.BytesIO()
    w = shapefile.Writer(shp=shp, shx=shx, dbf=dbf, shapeType=shapefile.POLYGON)
    for name in ("KDPPUM", "KDPKAB", "KDCPUM", "WADMKC"):
        w.field(name, "C", size=40)
    bow_tie = [[101.3, -2.1], [101.4, -2.0], [101.4, -2.1], [101.3, -2.0], [101.3, -2.1]]
    w.poly([bow_tie])
    w.record("15", "15.01", "15.01.01", "Gunung Raya")
    w.poly([_square(101.5, -2.2)])
    w.record("15", "15.01", "15.01.02", "Bukit Kerman")
    w.close()
    path = tmp_path / "rbi.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("ADMINISTRASI_AR_KECAMATAN.shp", shp.getvalue())
        z.writestr("ADMINISTRASI_AR_KECAMATAN.shx", shx.getvalue())
        z.writestr("ADMINISTRASI_AR_KECAMATAN.dbf", dbf.getvalue())
        z.writestr("ADMINISTRASI_AR_KECAMATAN.prj", 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984"]]')
    preview = imports.prepare(store, path)
    assert (preview.format, preview.code_field, preview.name_field) == (
        "shapefile", "KDCPUM", "WADMKC"
    )  # fmt: skip
    assert [(r.code, r.level, r.name) for r in preview.rows] == [
        ("15.01.01", "kecamatan", "Gunung Raya"), ("15.01.02", "kecamatan", "Bukit Kerman")
    ]  # fmt: skip
    assert preview.repaired == 1
    imports.commit(store, STAFF, preview)
    assert imports.prepare(store, path).counts == {"new": 0, "changed": 0, "unchanged": 2}
    with store.read() as s:
        gunung_raya = geo.boundaries(["15.01.01"], s)["15.01.01"]
    assert gunung_raya.shape.is_valid
    # Its two triangles (left and right of the crossing), not the wedge below it.
    assert gunung_raya.covers(101.32, -2.05) and gunung_raya.covers(101.38, -2.05)
    assert not gunung_raya.covers(101.35, -2.09)


def test_csv_codes_for_the_operations_regions(small: tuple[Store, Small], tmp_path: Path) -> None:
    """kode;nama: the test operation's regions without codes get theirs by name and parent."""
    store, op = small
    path = tmp_path / "kode.csv"
    path.write_text(
        "kode;nama\n15;Uji\n15.01;Kabupaten A\n15.71;Kota B\n15.01.01;A1\n15.01.02;A2\n"
        "15.71.01;B1\n15.01.01.2001;A1a\n15.71.01.1001;B1a\n15.02.01;A1\n",
        encoding="utf-8",
    )
    preview = imports.prepare(store, path, operation_id=op.operation_id)
    assert preview.format == "csv" and preview.counts == {"new": 0, "changed": 0, "unchanged": 0}
    imports.commit(store, STAFF, preview, op.operation_id)
    with store.read() as s:
        codes = {name: code for name, code in s.execute(select(Region.name, Region.code))}
    assert codes == {
        "Provinsi Uji": "15", "Kabupaten A": "15.01", "Kota B": "15.71",
        "Kecamatan A1": "15.01.01", "Kecamatan A2": "15.01.02", "Kecamatan B1": "15.71.01",
        "Desa A1a": "15.01.01.2001", "Desa A1b": None, "Desa A2a": None,
        "Desa B1a": "15.71.01.1001",
    }  # fmt: skip


def _bad_files(tmp: Path) -> dict[str, tuple[Path, dict[str, Any], str]]:
    sq = {"type": "Polygon", "coordinates": [_square(101.3, -2.1)]}
    zipped = tmp / "kosong.zip"
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("baca.txt", "tidak ada shapefile")
    (tmp / "kosong.geojson").write_bytes(b"")
    (tmp / "rusak.geojson").write_text('{"type": "FeatureCollection", "feat', encoding="utf-8")
    (tmp / "lembar.xlsx").write_bytes(b"\x00\x01 bukan apa-apa")
    return {
        "not_found": (tmp / "tidak-ada.geojson", {}, "tidak ditemukan"),
        "empty_file": (tmp / "kosong.geojson", {}, "kosong"),
        "corrupt": (tmp / "rusak.geojson", {}, "rusak"),
        "regions_format": (tmp / "lembar.xlsx", {}, "bukan GeoJSON"),
        "regions_no_shp": (zipped, {}, "Shapefile"),
        "regions_no_code": (
            _geojson(tmp / "tanpa-kode.geojson", [({"NAMOBJ": "X", "luas": 3}, sq)]), {},
            "--code-field",
        ),
        "regions_unsure": (
            _geojson(
                tmp / "dua-nama.geojson", [({"kode": "15.72", "nama": "A", "NAMOBJ": "B"}, sq)]
            ),
            {}, "pilih satu",
        ),
        "regions_no_field": (
            _geojson(tmp / "salah-kolom.geojson", [({"kode": "15.72", "nama": "A"}, sq)]),
            {"code_field": "KODE_X"}, "tidak punya kolom KODE_X",
        ),
        "regions_bad_code": (
            _geojson(tmp / "kode-salah.geojson", [({"kode": "15.7x", "nama": "A"}, sq)]), {},
            "bukan kode Kemendagri",
        ),
        "regions_twice": (
            _geojson(tmp / "dua-kali.geojson", [({"kode": "15.72", "nama": "A"}, sq)] * 2), {},
            "dua kali",
        ),
        "regions_projected": (
            _geojson(tmp / "utm.geojson", [({"kode": "15.72", "nama": "A"}, {
                "type": "Polygon", "coordinates": [_square(812000.0, 9760000.0, 500.0)]})]),
            {}, "WGS 84",
        ),
        "regions_no_polygon": (
            _geojson(tmp / "titik.geojson", [({"kode": "15.72", "nama": "A"}, {
                "type": "Point", "coordinates": [101.3, -2.1]})]),
            {}, "poligon",
        ),
        "regions_no_rows": (_geojson(tmp / "nol.geojson", []), {}, "satu wilayah pun"),
    }  # fmt: skip


def test_bad_files_are_refused_in_a_sentence(small: tuple[Store, Small], tmp_path: Path) -> None:
    store, op = small
    before = _state(store)
    for reason, (path, options, words) in _bad_files(tmp_path).items():
        with pytest.raises(RosterError) as refused:
            imports.prepare(store, path, operation_id=op.operation_id, **options)
        assert refused.value.reason == reason, path.name
        sentence = messages.describe(refused.value, "id")
        assert words in sentence and path.name in sentence, sentence
        assert sentence.endswith(".") and "\n" not in sentence
        assert messages.describe(refused.value, "en") != sentence
    assert _state(store) == before


def test_an_operator_may_not_import(small: tuple[Store, Small], tmp_path: Path) -> None:
    store, op = small
    path = _geojson(
        tmp_path / "batas.geojson",
        [({"kode": "15.72", "nama": "Kota Sungai Penuh"}, {
            "type": "Polygon", "coordinates": [_square(101.3, -2.1)]})],
    )  # fmt: skip
    preview = imports.prepare(store, path, operation_id=op.operation_id)
    before = _state(store)
    with pytest.raises(NotPermitted):
        imports.commit(store, Actor("uji.op", role="operator"), preview, op.operation_id)
    assert _state(store) == before


def test_the_command(tmp_path: Path) -> None:
    db = tmp_path / "ops.db"
    store = open_store(f"sqlite:///{db}")
    try:
        build_small_operation(store)
    finally:
        store.dispose()
    good = _geojson(
        tmp_path / "batas.geojson",
        [({"kode_kec": "15.01.01", "WADMKC": "Gunung Raya"}, {
            "type": "Polygon", "coordinates": [_square(101.3, -2.1)]})],
    )  # fmt: skip
    bad = _geojson(tmp_path / "nol.geojson", [])
    exe = [sys.executable, "-m", "opscenter"]
    env = {**os.environ, "OPSCENTER_LANG": "id"}
    run = [*exe, "regions", "import", "--db", str(db)]
    dry = subprocess.run([*run, str(good), "--dry-run"], capture_output=True, text=True, env=env)
    assert dry.returncode == 0, dry.stderr
    assert "1 wilayah (kolom kode kode_kec, nama WADMKC)" in dry.stdout
    assert "1 baru" in dry.stdout and "tidak ada yang disimpan" in dry.stdout
    done = subprocess.run([*run, str(good)], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert "Tersimpan." in done.stdout
    again = subprocess.run([*run, str(good)], capture_output=True, text=True, env=env)
    assert again.returncode == 0 and "Tidak ada yang berubah." in again.stdout, again.stderr
    refused = subprocess.run([*run, str(bad)], capture_output=True, text=True, env=env)
    assert refused.returncode == 1
    assert "nol.geojson tidak memuat satu wilayah pun" in refused.stderr
    assert "Traceback" not in refused.stderr
    store = open_store(f"sqlite:///{db}")
    try:
        with store.read() as s:
            assert s.scalars(select(RegionBoundary.code)).all() == ["15.01.01"]
    finally:
        store.dispose()


def test_an_operation_without_codes_refuses_no_point(small: tuple[Store, Small]) -> None:
    """The test operation's regions have no code, so no shape: nothing to refuse against."""
    store, op = small
    with store.read() as s:
        assert geo.operation_boundaries(s, op.operation_id, "kabkota") == {}
        assert geo.inside_operation(s, op.operation_id, 0.0, 0.0)
