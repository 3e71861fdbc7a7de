"""Importing incident logs: the export's own layout back unchanged (the point included), a
Polres's layout (TANGGAL and JAM in the operation's zone, the region by name or code, a
"lat, lon" column), matching stored incidents, and every bad input refused in Indonesian
with the database unchanged. The workbooks are real .xlsx files written with openpyxl."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from opscenter import incident_import, incidents, messages
from opscenter.actor import Actor
from opscenter.errors import PointOutside, StaleEdit
from opscenter.model import Incident, IncidentType, JournalEntry, JournalTxn, Region, Severity
from opscenter.permissions import NotPermitted
from opscenter.reference import by_code
from opscenter.roster import errors_xlsx, export
from opscenter.roster.errors import RosterError
from opscenter.roster.history import imports, revert
from opscenter.store import Store, open_store
from tests.builders import ADMIN, Small, build_small_operation
from tests.tables import all_rows

# Beside the main checkout, or beside the folder of work trees.
CORPUS = next(
    (
        up / "shared" / "corpus" / "spreadsheets"
        for up in Path(__file__).resolve().parents[3:5]
        if (up / "shared" / "corpus" / "spreadsheets").exists()
    ),
    Path(__file__).resolve().parents[3] / "shared" / "corpus" / "spreadsheets",
)
OPERATOR = Actor("operator.uji", role="operator")
MAKASSAR = "Asia/Makassar"  # WITA: a zone other than WIB, so nothing may assume WIB


@pytest.fixture
def small(sqlite_url: str) -> Iterator[tuple[Store, Small]]:
    store = open_store(sqlite_url)
    try:
        yield store, build_small_operation(store, timezone=MAKASSAR)
    finally:
        store.dispose()


def rows(store: Store) -> object:
    return all_rows(store.url.render_as_string(hide_password=False))


def ref_ids(store: Store, ids: Small) -> tuple[dict[str, int], dict[str, int]]:
    with store.read() as s:
        types = {k: v.id for k, v in by_code(s, IncidentType, ids.operation_id).items()}
        sev = {k: v.id for k, v in by_code(s, Severity, ids.operation_id).items()}
    return types, sev


def log(store: Store, ids: Small, title: str, hours_ago: int, **kw: Any) -> int:
    types, sev = ref_ids(store, ids)
    return incidents.record(
        store,
        ADMIN,
        incidents.IncidentDraft(
            operation_id=ids.operation_id,
            type_id=types[kw.pop("type", "bentrokan")],
            severity_id=sev[kw.pop("severity", "sedang")],
            title=title,
            occurred_at=datetime.now(UTC) - timedelta(hours=hours_ago),
            **kw,
        ),
    )


def stored(store: Store) -> list[tuple[Any, ...]]:
    with store.read() as s:
        return [
            (i.number, i.title, i.type_id, i.severity_id, i.occurred_at, i.region_id, i.tps_id,
             i.location, i.description, i.dead, i.injured, i.latitude_e6, i.longitude_e6)
            for i in s.scalars(select(Incident).order_by(Incident.number))
        ]  # fmt: skip


def workbook(path: Path, header: list[Any], *body: list[Any], letterhead: bool = True) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Kejadian"
    if letterhead:
        ws.append(["KEPOLISIAN NEGARA REPUBLIK INDONESIA"])
        ws.append(["RESOR A"])
        ws.append([])
        ws.append(["REKAPITULASI GANGGUAN KAMTIBMAS PILKADA 2024"])
    ws.append(header)
    for row in body:
        ws.append(row)
    ws.append([])
    ws.append([None, "Mengetahui,"])
    wb.save(path)
    return path


POLRES_HEADER = ["NO", "HARI/TANGGAL", "JAM", "JENIS KEJADIAN", "TINGKAT", "DESA/KELURAHAN",
                 "KECAMATAN", "TPS", "MD", "LUKA", "KRONOLOGI", "KOORDINAT"]  # fmt: skip


def polres_rows(day: str = "27-11-2024") -> list[list[Any]]:
    return [
        [1, day, "14.05", "Bentrokan massa", "Sedang", "Desa A1a", "Kecamatan A1", None, 0, 2,
         "Dua kelompok pendukung\nbentrok di depan TPS", "-1,6 103,6"],
        [2, day, "21:30", "Politik uang", "Ringan", "A2a", None, None, None, None,
         "Pembagian amplop", None],
    ]  # fmt: skip


# --- the export's layout -----------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_export_imports_back_unchanged_point_and_all(
    small: tuple[Store, Small], tmp_path: Path, suffix: str
) -> None:
    store, ids = small
    log(store, ids, "=Bentrokan pendukung", 3, region_id=ids.regions["A1a"],
        latitude_e6=-1_612_345, longitude_e6=103_600_000, description="Baris satu\nbaris dua",
        dead=1, injured=4)  # fmt: skip
    log(store, ids, "Politik uang", 2, type="politik-uang", severity="ringan")
    out = tmp_path / f"kejadian{suffix}"
    assert export.write(store, "incidents", out) == 2
    before = rows(store)
    preview = incident_import.prepare(store, out)
    assert preview.counts == {"new": 0, "changed": 0, "unchanged": 2, "rejected": 0}
    assert preview.problems == [] and preview.refusal() is None
    # The title beginning with "=" comes back as typed (the CSV's quote taken off) and is said.
    assert [w.value for w in preview.warnings] == ["=Bentrokan pendukung"]
    outcome = incident_import.commit(store, ADMIN, preview)
    assert outcome.txn_id is None
    assert rows(store) == before


def test_an_export_loads_into_another_database_with_its_points(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, ids = small
    log(store, ids, "Bentrokan pendukung", 3, region_id=ids.regions["A1a"],
        latitude_e6=-1_612_345, longitude_e6=103_600_000, injured=4)  # fmt: skip
    log(store, ids, "Politik uang", 2, type="politik-uang", severity="ringan")
    out = tmp_path / "kejadian.xlsx"
    export.write(store, "incidents", out)
    other = open_store(f"sqlite:///{tmp_path / 'lain.db'}")
    try:
        build_small_operation(other, timezone=MAKASSAR)
        preview = incident_import.prepare(other, out)
        assert preview.counts["new"] == 2
        outcome = incident_import.commit(other, ADMIN, preview)
        assert outcome.txn_id is not None
        mine, theirs = stored(store), stored(other)
        # Ids of the same names are the same in both small operations; an .xlsx time is
        # exact to the millisecond.
        for a, b in zip(mine, theirs, strict=True):
            assert a[:4] == b[:4] and a[5:] == b[5:]
            assert abs(a[4] - b[4]) < timedelta(milliseconds=1)
        assert theirs[0][-2:] == (-1_612_345, 103_600_000)
        # And again: the same file now changes nothing.
        again = incident_import.prepare(other, out)
        assert again.counts == {"new": 0, "changed": 0, "unchanged": 2, "rejected": 0}
    finally:
        other.dispose()


# --- a Polres's layout -------------------------------------------------------------------


def test_a_polres_log_is_read_in_the_operations_zone_and_journaled_as_one_import(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, ids = small
    path = workbook(tmp_path / "polres.xlsx", POLRES_HEADER, *polres_rows())
    preview = incident_import.prepare(store, path)
    assert preview.counts == {"new": 2, "changed": 0, "unchanged": 0, "rejected": 0}
    assert preview.layout.columns["point"] == 11
    outcome = incident_import.commit(store, ADMIN, preview)
    got = stored(store)
    types, sev = ref_ids(store, ids)
    # 14.05 WITA is 06.05 UTC: the operation's zone, not WIB.
    assert got[0][4] == datetime(2024, 11, 27, 6, 5, tzinfo=UTC)
    assert got[0][:4] == (1, "Bentrokan massa", types["bentrokan"], sev["sedang"])
    assert got[0][5] == ids.regions["A1a"]
    assert got[0][8] == "Dua kelompok pendukung\nbentrok di depan TPS"
    assert got[0][9:] == (0, 2, -1_600_000, 103_600_000)
    # No JUDUL column: the type's name is the title; "A2a" is the desa without its prefix.
    assert got[1][:2] == (2, "Politik uang") and got[1][5] == ids.regions["A2a"]
    assert got[1][9:] == (0, 0, None, None)
    with store.read() as s:
        txn = s.get(JournalTxn, outcome.txn_id)
        assert txn is not None and txn.action == "import.incidents"
        entries = s.scalars(select(JournalEntry).where(JournalEntry.txn_id == txn.id)).all()
        assert sorted(e.entity for e in entries) == ["incident", "incident"]
    listed = imports(store)
    assert listed[0].kind == "incidents" and listed[0].file == "polres.xlsx"

    # The same file again changes nothing: time, region and type name each incident.
    again = incident_import.prepare(store, path)
    assert again.counts == {"new": 0, "changed": 0, "unchanged": 2, "rejected": 0}
    # A corrected count is a change of that field alone.
    fixed = polres_rows()
    fixed[0][9] = 3
    path2 = workbook(tmp_path / "polres2.xlsx", POLRES_HEADER, *fixed)
    changed = incident_import.prepare(store, path2)
    assert changed.counts == {"new": 0, "changed": 1, "unchanged": 1, "rejected": 0}
    [row] = [o for o in changed.outcomes() if o.status == "changed"]
    assert row.changes == {"injured": (2, 3)}
    second = incident_import.commit(store, ADMIN, changed)
    assert stored(store)[0][10] == 3

    # Reverting the change puts the count back; the first import, whose incident was
    # changed since, is then refused as any import is (the PostgreSQL test reverts one).
    revert(store, ADMIN, int(second.txn_id or 0))
    assert stored(store)[0][10] == 2
    with pytest.raises(RosterError) as caught:
        revert(store, ADMIN, int(outcome.txn_id or 0))
    assert caught.value.reason == "revert_conflict"


def test_region_by_kemendagri_code_times_with_a_zone_and_a_tps(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, ids = small
    with store.transaction(ADMIN, "test.setup") as s:
        desa = s.get(Region, ids.regions["B1a"])
        assert desa is not None
        desa.code = "15.72.01.2001"
    header = ["WAKTU", "JENIS", "KEPARAHAN", "WILAYAH", "TPS", "LINTANG", "BUJUR", "URAIAN"]
    body: list[list[Any]] = [
        ["27-11-2024 14.05 WIB", "Intimidasi", "Berat", "15.72.01.2001", None, -2.0625, 101.4077,
         "Ancaman"],
        ["27/11/2024 pukul 10.00", "Intimidasi", "Berat", "Desa A1a", "001", None, None, None],
    ]  # fmt: skip
    path = workbook(tmp_path / "waktu.xlsx", header, *body, letterhead=False)
    preview = incident_import.prepare(store, path)
    assert preview.problems == []
    incident_import.commit(store, ADMIN, preview)
    got = stored(store)
    assert got[0][4] == datetime(2024, 11, 27, 7, 5, tzinfo=UTC)  # WIB as written
    assert got[0][5] == ids.regions["B1a"] and got[0][11:] == (-2_062_500, 101_407_700)
    assert got[1][4] == datetime(2024, 11, 27, 2, 0, tzinfo=UTC)  # the operation's WITA
    with store.read() as s:
        tps = s.scalars(
            select(Incident.tps_id).where(Incident.number == 2)
        ).one()  # TPS 1 of Desa A1a
    assert tps is not None


def test_a_name_of_two_regions_is_told_apart_or_refused(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    """Kota Sungai Penuh and its Kecamatan Sungai Penuh: the level written decides, an
    export's row by its incident's region; a bare name is refused as ambiguous."""
    store, ids = small
    with store.transaction(ADMIN, "test.setup") as s:
        renamed = (
            ("B", "Kota Sungai Penuh"),
            ("B1", "Kecamatan Sungai Penuh"),
            ("A2a", "Desa A1a"),
        )
        for key, name in renamed:
            region = s.get(Region, ids.regions[key])
            assert region is not None
            region.name = name
    header = ["WAKTU", "JENIS", "TINGKAT", "WILAYAH"]
    body = [
        ["27-11-2024 10.00", "Intimidasi", "Berat", "Kec. Sungai Penuh"],
        ["27-11-2024 11.00", "Intimidasi", "Berat", "KOTA SUNGAI PENUH"],
    ]
    preview = incident_import.prepare(store, workbook(tmp_path / "dua.xlsx", header, *body))
    assert [r.values[5] for r in preview.records] == [ids.regions["B1"], ids.regions["B"]]
    incident_import.commit(store, ADMIN, preview)
    # Two desa named alike: an export's row is told apart by its incident's region.
    log(store, ids, "Intimidasi", 1, type="intimidasi", region_id=ids.regions["A2a"])
    out = tmp_path / "kembali.xlsx"
    export.write(store, "incidents", out)  # WILAYAH by name: these regions have no code
    assert incident_import.prepare(store, out).counts["unchanged"] == 3
    body[0][3] = "Sungai Penuh"
    assert cell_refusal(store, workbook(tmp_path / "samar.xlsx", header, *body)) == [
        "Kejadian!D6 \u201cSungai Penuh\u201d: nama wilayah ada di beberapa tempat; isi kolom "
        "kecamatan atau kabupaten/kota, atau tulis kode Kemendagri."
    ]


# --- refusals: a sentence each, and the database unchanged -------------------------------


def refused(store: Store, path: Path) -> RosterError:
    before = rows(store)
    with pytest.raises(RosterError) as caught:
        preview = incident_import.prepare(store, path)
        incident_import.commit(store, ADMIN, preview)
    assert rows(store) == before
    return caught.value


def test_an_empty_file_and_a_sheet_without_headings_are_refused(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, _ids = small
    empty = tmp_path / "kosong.xlsx"
    empty.write_bytes(b"")
    error = refused(store, empty)
    assert messages.describe(error, "id") == "Berkas kosong.xlsx kosong (0 bita)." or (
        "kosong" in messages.describe(error, "id")
    )
    nothing = workbook(tmp_path / "catatan.xlsx", ["CATATAN", "PARAF"], ["apa saja", "x"])
    error = refused(store, nothing)
    assert error.reason == "incidents_no_table"
    assert messages.describe(error, "id").startswith(
        "Di berkas catatan.xlsx tidak ditemukan tabel kejadian"
    )
    no_time = workbook(tmp_path / "tanpa.xlsx", ["JENIS", "TINGKAT"], ["Bentrokan", "Sedang"])
    error = refused(store, no_time)
    assert messages.describe(error, "id") == (
        "Lembar \u201cKejadian\u201d di tanpa.xlsx tidak memiliki kolom wajib: Waktu kejadian."
    )
    only_header = workbook(tmp_path / "judul.xlsx", POLRES_HEADER)
    assert refused(store, only_header).reason == "header_only"


def test_a_damaged_workbook_is_refused(small: tuple[Store, Small]) -> None:
    store, _ids = small
    path = CORPUS / "OOM_alloc3.xls"
    if not path.exists():
        pytest.skip(f"corpus not found at {CORPUS}")
    error = refused(store, path)
    assert error.reason == "corrupt"
    assert "OOM_alloc3.xls" in messages.describe(error, "id")


def cell_refusal(store: Store, path: Path) -> list[str]:
    """The file is refused whole; returns each refused cell as the command line says it."""
    preview = incident_import.prepare(store, path)
    error = refused(store, path)
    assert error.reason == "incidents_rejected"
    assert "tidak ada kejadian yang tersimpan" in messages.describe(error, "id")
    return [messages.cell_problem(p, "id") for p in preview.problems]


@pytest.mark.parametrize(
    ("cell", "value", "said"),
    [
        (1, "31-02-2024", "Kejadian!B6 \u201c31-02-2024\u201d: tanggal tidak sah."),
        (1, "kemarin", "Kejadian!B6 \u201ckemarin\u201d: tanggal tidak sah."),
        (2, "25.70", "Kejadian!C6 \u201c25.70\u201d: jam tidak sah; tulis mis. 14.05 atau 14:05."),
        (1, "27-11-2099", "Kejadian!B6 (Tanggal): Waktu kejadian berada di masa depan."),
        (3, "Tawuran", "Kejadian!D6 \u201cTawuran\u201d: jenis kejadian tidak dikenal."),
        (4, "Parah", "Kejadian!E6 \u201cParah\u201d: tingkat kejadian tidak dikenal."),
        (5, "Desa Antah", "Kejadian!F6 \u201cDesa Antah\u201d: wilayah tidak dikenal (tulis nama "
         "atau kode Kemendagri desa, kecamatan atau kabupaten/kota operasi ini)."),
        (7, 999, "Kejadian!H6 \u201c999\u201d: TPS tidak dikenal di desa/kelurahan baris ini."),
        (11, "-1,6", "Kejadian!L6 \u201c-1,6\u201d: Titik koordinat tidak terbaca: tulis lintang "
         "lalu bujur dalam derajat desimal, mis. -1,6 dan 103,6."),
    ],
)  # fmt: skip
def test_a_bad_cell_refuses_the_file_in_a_sentence(
    small: tuple[Store, Small], tmp_path: Path, cell: int, value: Any, said: str
) -> None:
    store, _ids = small
    body = polres_rows()
    body[0][cell] = value
    path = workbook(tmp_path / "salah.xlsx", POLRES_HEADER, *body)
    assert cell_refusal(store, path) == [said]


def test_a_date_without_a_time_is_refused_not_guessed(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    header = ["TANGGAL", "JENIS", "TINGKAT"]
    body: list[list[Any]] = [
        [datetime(2024, 11, 27), "Bentrokan", "Sedang"],
        ["27-11-2024", "Bentrokan", "Berat"],
    ]
    path = workbook(tmp_path / "tanggal.xlsx", header, *body)
    store, _ids = small
    said = "jam kejadian tidak tertulis; tulis tanggal dan jam, mis. 27-11-2024 14.05."
    assert cell_refusal(store, path) == [f"Kejadian!A6: {said}", f"Kejadian!A7: {said}"]


def test_a_latitude_without_a_longitude_is_refused_as_the_form_refuses_it(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, _ids = small
    header = ["TANGGAL", "JAM", "JENIS", "TINGKAT", "LINTANG", "BUJUR"]
    row = ["27-11-2024", "14.05", "Bentrokan", "Sedang", -1.6, None]
    path = workbook(tmp_path / "separuh.xlsx", header, row)
    assert cell_refusal(store, path) == [
        "Kejadian!E6: Titik koordinat harus berisi lintang dan bujur sekaligus, atau keduanya "
        "dikosongkan."
    ]


def test_a_point_outside_the_area_is_refused_in_the_forms_sentence(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    """Kota Sungai Penuh by its code is the operation's area; a point in Kerinci around it is
    outside, said in the words the incident form uses."""
    store, ids = small
    with store.transaction(ADMIN, "test.setup") as s:
        kota = s.get(Region, ids.regions["B"])
        assert kota is not None
        kota.name, kota.code = "Kota Sungai Penuh", "15.72"
    body = polres_rows()
    body[0][11] = "-1.9787, 101.3013"
    path = workbook(tmp_path / "luar.xlsx", POLRES_HEADER, *body)
    preview = incident_import.prepare(store, path)
    [problem] = preview.problems
    assert isinstance(problem.error, PointOutside)
    form = messages.describe(problem.error, "id")
    assert "di luar wilayah operasi Operasi Uji uji" in form
    assert messages.cell_problem(problem, "id") == f"Kejadian!L6 (Koordinat): {form}"
    refused(store, path)
    # The error workbook marks the cell with the same words.
    out = errors_xlsx.write(preview, tmp_path / "ditolak.xlsx", "id") and tmp_path / "ditolak.xlsx"
    ws = load_workbook(out).active
    assert ws is not None
    bad = ws["L2"]
    assert bad.fill.start_color.rgb.endswith(errors_xlsx.BAD_FILL)
    assert "di luar wilayah operasi" in bad.comment.text


def test_two_rows_of_one_incident_are_both_refused(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, _ids = small
    body = polres_rows()
    path = workbook(tmp_path / "ganda.xlsx", POLRES_HEADER, body[0], body[1], list(body[0]))
    said = cell_refusal(store, path)
    assert said == [
        "Kejadian!D6 (Jenis kejadian): ganda di dalam berkas (juga di Kejadian!D8).",
        "Kejadian!D8 (Jenis kejadian): ganda di dalam berkas (juga di Kejadian!D6).",
    ]


def test_a_number_that_is_another_incident_is_refused(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, ids = small
    log(store, ids, "Bentrokan pendukung", 3)
    header = ["NOMOR", "JUDUL", "WAKTU", "JENIS", "TINGKAT"]
    path = workbook(
        tmp_path / "nomor.xlsx",
        header,
        [1, "Pembakaran baliho", "01-11-2024 10.00", "Perusakan APK", "Ringan"],
    )
    assert cell_refusal(store, path) == [
        "Kejadian!A6 \u201c1\u201d: nomor kejadian ini milik kejadian lain di basis data "
        "(Bentrokan pendukung)."
    ]


# --- who may, and what changed meanwhile -------------------------------------------------


def test_an_operator_may_not_import_and_a_stale_preview_saves_nothing(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, ids = small
    path = workbook(tmp_path / "polres.xlsx", POLRES_HEADER, *polres_rows())
    preview = incident_import.prepare(store, path)
    with pytest.raises(NotPermitted):
        incident_import.commit(store, OPERATOR, preview)
    # Someone logs the same incident by hand meanwhile: the import would duplicate it.
    types, sev = ref_ids(store, ids)
    incidents.record(
        store,
        ADMIN,
        incidents.IncidentDraft(
            operation_id=ids.operation_id,
            type_id=types["politik-uang"],
            severity_id=sev["ringan"],
            title="Amplop",
            occurred_at=datetime(2024, 11, 27, 13, 30, tzinfo=UTC),
            region_id=ids.regions["A2a"],
        ),
    )
    before = rows(store)
    with pytest.raises(RosterError) as caught:
        incident_import.commit(store, ADMIN, preview)
    assert caught.value.reason == "stale_rows"
    assert rows(store) == before
    # An incident the preview would change, edited meanwhile: refused by its version.
    fresh = incident_import.prepare(store, path)  # the hand-logged one gains its KRONOLOGI
    assert fresh.counts == {"new": 1, "changed": 1, "unchanged": 0, "rejected": 0}
    incident_import.commit(store, ADMIN, fresh)
    fixed = polres_rows()
    fixed[0][9] = 5
    changed = incident_import.prepare(
        store, workbook(tmp_path / "ubah.xlsx", POLRES_HEADER, *fixed)
    )
    with store.read() as s:
        first = s.scalars(select(Incident).where(Incident.title == "Bentrokan massa")).one()
    incidents.update(store, ADMIN, first.id, first.version, location="Pasar")
    before = rows(store)
    with pytest.raises(StaleEdit):
        incident_import.commit(store, ADMIN, changed)
    assert rows(store) == before


def test_an_import_whose_incident_was_followed_up_is_not_reverted(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    """A follow-up is a row of its own: reverting the import would delete it unseen."""
    store, _ids = small
    path = workbook(tmp_path / "polres.xlsx", POLRES_HEADER, *polres_rows())
    outcome = incident_import.commit(store, ADMIN, incident_import.prepare(store, path))
    with store.read() as s:
        first = s.scalars(select(Incident.id).where(Incident.number == 1)).one()
    incidents.add_follow_up(store, ADMIN, first, "Massa dibubarkan")
    before = rows(store)
    with pytest.raises(RosterError) as caught:
        revert(store, ADMIN, int(outcome.txn_id or 0))
    assert messages.describe(caught.value, "id") == (
        f"Impor {outcome.txn_id} tidak dapat dibatalkan: data yang dimuatnya sudah diubah "
        "sesudahnya."
    )
    assert rows(store) == before


def test_on_postgresql_too(pg_url: str, tmp_path: Path) -> None:
    store = open_store(pg_url)
    try:
        ids = build_small_operation(store, timezone=MAKASSAR)
        path = workbook(tmp_path / "polres.xlsx", POLRES_HEADER, *polres_rows())
        outcome = incident_import.commit(store, ADMIN, incident_import.prepare(store, path))
        assert [r[:2] for r in stored(store)] == [(1, "Bentrokan massa"), (2, "Politik uang")]
        out = tmp_path / "kembali.csv"
        export.write(store, "incidents", out)
        assert incident_import.prepare(store, out).counts["unchanged"] == 2
        revert(store, ADMIN, int(outcome.txn_id or 0))
        assert stored(store) == []
        assert ids.operation_id
    finally:
        store.dispose()
