"""Coordinates on incidents: both or neither, on the globe, inside the operation's area;
refused in one sentence with the database unchanged; journaled; an edit undone restores them."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from opscenter import incidents, journal
from opscenter.errors import InvalidValue, PointOutside
from opscenter.messages import describe
from opscenter.model import Incident, IncidentType, JournalEntry, Region, Severity
from opscenter.reference import by_code
from opscenter.roster import export
from opscenter.store import Store, open_store
from tests.builders import ADMIN, Small, build_small_operation
from tests.tables import all_rows


@pytest.fixture
def small(db_url: str) -> Iterator[tuple[Store, Small]]:
    store = open_store(db_url)
    try:
        yield store, build_small_operation(store)
    finally:
        store.dispose()


def rows(store: Store) -> object:
    """Every row of every table: what "the database unchanged" compares."""
    return all_rows(store.url.render_as_string(hide_password=False))


def draft(store: Store, ids: Small, **point: int | None) -> incidents.IncidentDraft:
    with store.read() as s:
        type_id = by_code(s, IncidentType, ids.operation_id)["bentrokan"].id
        severity_id = by_code(s, Severity, ids.operation_id)["sedang"].id
    return incidents.IncidentDraft(
        operation_id=ids.operation_id,
        type_id=type_id,
        severity_id=severity_id,
        title="Bentrokan pendukung",
        occurred_at=datetime.now(UTC) - timedelta(hours=1),
        **point,  # type: ignore[arg-type]
    )


def test_degrees_are_kept_exactly_as_micro_degrees() -> None:
    assert incidents.micro_degrees("-1.6") == -1_600_000
    assert incidents.micro_degrees(103.6) == 103_600_000  # not 103_599_999 from the float
    assert incidents.micro_degrees(Decimal("101.4012345")) == 101_401_234  # to the nearest
    assert incidents.degrees(-1_600_000) == Decimal("-1.6")
    assert incidents.degrees(104_000_000) == Decimal("104")
    assert incidents.degrees(None) is None
    with pytest.raises(InvalidValue) as caught:
        incidents.micro_degrees("satu")
    assert describe(caught.value, "id") == "Titik koordinat bukan angka derajat."


@pytest.mark.parametrize(
    ("point", "sentence"),
    [
        (
            {"latitude_e6": -1_600_000},
            "Titik koordinat harus berisi lintang dan bujur sekaligus, atau keduanya dikosongkan.",
        ),
        (
            {"longitude_e6": 103_600_000},
            "Titik koordinat harus berisi lintang dan bujur sekaligus, atau keduanya dikosongkan.",
        ),
        (
            {"latitude_e6": -91_000_000, "longitude_e6": 103_600_000},
            "Lintang harus antara -90 dan 90 derajat.",
        ),
        (
            {"latitude_e6": -1_600_000, "longitude_e6": 180_500_000},
            "Bujur harus antara -180 dan 180 derajat.",
        ),
    ],
)
def test_half_a_point_or_one_off_the_globe_is_refused_and_nothing_changes(
    small: tuple[Store, Small], point: dict[str, int], sentence: str
) -> None:
    store, ids = small
    before = rows(store)
    with pytest.raises(InvalidValue) as caught:
        incidents.record(store, ADMIN, draft(store, ids, **point))
    assert describe(caught.value, "id") == sentence
    assert rows(store) == before


def test_an_edit_changes_a_point_whole_or_not_at_all(small: tuple[Store, Small]) -> None:
    store, ids = small
    inc = incidents.record(store, ADMIN, draft(store, ids))
    before = rows(store)
    with pytest.raises(InvalidValue) as caught:
        incidents.update(store, ADMIN, inc, 1, latitude_e6=-1_600_000)
    assert caught.value.data["reason"] == "point_half"
    with pytest.raises(InvalidValue) as caught:
        incidents.update(store, ADMIN, inc, 1, latitude_e6=-1.6, longitude_e6=103.6)
    assert caught.value.data["reason"] == "not_a_number"
    assert rows(store) == before
    # Taking a point away needs no geography: neither is always allowed.
    assert incidents.update(store, ADMIN, inc, 1, latitude_e6=None, longitude_e6=None) == 1
    with store.read() as s:
        row = s.get(Incident, inc)
        assert row is not None and row.latitude_e6 is None and row.longitude_e6 is None


def test_exports_carry_the_point_as_numbers_that_read_back_exactly(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    """LINTANG and BUJUR in both export formats: a negative latitude is a plain number in the
    CSV (not taken for a formula, so no quote), a number in the .xlsx, and reads back as the
    same micro-degrees; an incident without a point has empty cells."""
    store, ids = small
    with_point = incidents.record(store, ADMIN, draft(store, ids))
    incidents.record(store, ADMIN, draft(store, ids))
    with store.transaction(ADMIN, "test.setup") as s:  # the point itself, without geography
        row = s.get(Incident, with_point)
        assert row is not None
        row.latitude_e6, row.longitude_e6 = -1_612_345, 103_600_000
    csv_out, xlsx_out = tmp_path / "kejadian.csv", tmp_path / "kejadian.xlsx"
    assert export.write(store, "incidents", csv_out) == 2
    assert export.write(store, "incidents", xlsx_out) == 2
    with csv_out.open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    sheet = [[c.value for c in r] for r in openpyxl.load_workbook(xlsx_out)["Data"].iter_rows()]
    for header, *body in (table, sheet):
        lat, lon = header.index("LINTANG"), header.index("BUJUR")
        assert body[0][lat] in ("-1.612345", -1.612345)
        assert body[1][lat] in ("", None) and body[1][lon] in ("", None)
        assert incidents.micro_degrees(body[0][lat]) == -1_612_345
        assert incidents.micro_degrees(body[0][lon]) == 103_600_000
    assert isinstance(sheet[1][sheet[0].index("LINTANG")], float)


# Inside Kota Sungai Penuh (15.72.01, the kecamatan Sungai Penuh), and in Kabupaten Kerinci
# around it (15.01.16, Siulak): the enclave is the operation's whole area in ``sungai_penuh``.
IN_SUNGAI_PENUH = {"latitude_e6": -2_062_500, "longitude_e6": 101_407_700}
IN_KERINCI = {"latitude_e6": -1_978_700, "longitude_e6": 101_301_300}


@pytest.fixture
def sungai_penuh(small: tuple[Store, Small]) -> tuple[Store, Small]:
    """The small operation with one kabupaten/kota known by its Kemendagri code: its area is
    Kota Sungai Penuh's shipped boundary (opscenter.geo)."""
    store, ids = small
    with store.transaction(ADMIN, "test.setup") as s:
        kota = s.get(Region, ids.regions["B"])
        assert kota is not None
        kota.name, kota.code = "Kota Sungai Penuh", "15.72"
    return store, ids


def journal_head(store: Store) -> int:
    with store.read() as s:
        return journal.head(s)


def journal_after(store: Store, seq: int) -> list[JournalEntry]:
    with store.read() as s:
        return journal.entries_after(s, seq)


def point_of(store: Store, incident_id: int) -> tuple[int | None, int | None]:
    with store.read() as s:
        row = s.get(Incident, incident_id)
        assert row is not None
        return row.latitude_e6, row.longitude_e6


def test_a_point_inside_the_area_is_saved_and_journaled(
    sungai_penuh: tuple[Store, Small],
) -> None:
    store, ids = sungai_penuh
    seq = journal_head(store)
    inc = incidents.record(store, ADMIN, draft(store, ids, **IN_SUNGAI_PENUH))
    assert point_of(store, inc) == (-2_062_500, 101_407_700)
    inserted = [e for e in journal_after(store, seq) if e.entity == "incident"]
    assert [e.action for e in inserted] == ["insert"]
    assert inserted[0].changes["latitude_e6"] == -2_062_500
    assert inserted[0].changes["longitude_e6"] == 101_407_700


def test_a_point_outside_the_area_is_refused_in_a_sentence_and_nothing_changes(
    sungai_penuh: tuple[Store, Small],
) -> None:
    store, ids = sungai_penuh
    inc = incidents.record(store, ADMIN, draft(store, ids, **IN_SUNGAI_PENUH))
    before = rows(store)
    attempts: list[Callable[[], object]] = [
        lambda: incidents.record(store, ADMIN, draft(store, ids, **IN_KERINCI)),
        lambda: incidents.update(store, ADMIN, inc, 1, **IN_KERINCI),
        # A minus too many, on the longitude: Mexico, not Jambi.
        lambda: incidents.update(
            store, ADMIN, inc, 1, latitude_e6=-2_062_500, longitude_e6=-101_407_700
        ),
    ]
    for attempt in attempts:
        with pytest.raises(PointOutside) as caught:
            attempt()
        assert rows(store) == before
    assert describe(caught.value, "id") == (
        "Titik lintang -2,0625, bujur -101,4077 berada di luar wilayah operasi Operasi Uji uji; "
        "periksa angkanya (mungkin tertukar), lalu simpan lagi. Tidak ada yang disimpan."
    )
    assert describe(caught.value, "en").startswith(
        "The point at latitude -2.0625, longitude -101.4077 lies outside the area of"
    )


def test_an_edit_of_the_point_is_journaled_and_undone_by_putting_the_old_one_back(
    sungai_penuh: tuple[Store, Small],
) -> None:
    """What the undo stack does (ui.incident_actions.set_point): the service again with the
    previous point, journaled like the edit itself."""
    store, ids = sungai_penuh
    inc = incidents.record(store, ADMIN, draft(store, ids, **IN_SUNGAI_PENUH))
    moved = {"latitude_e6": -2_040_000, "longitude_e6": 101_413_400}  # Hamparan Rawang
    seq = journal_head(store)
    assert incidents.update(store, ADMIN, inc, 1, **moved) == 2
    (edit,) = [e for e in journal_after(store, seq) if e.entity == "incident"]
    assert edit.action == "update"
    assert edit.changes["latitude_e6"] == [-2_062_500, -2_040_000]
    assert edit.changes["longitude_e6"] == [101_407_700, 101_413_400]
    incidents.update(store, ADMIN, inc, None, **IN_SUNGAI_PENUH)  # undo
    assert point_of(store, inc) == (-2_062_500, 101_407_700)
    incidents.update(store, ADMIN, inc, None, latitude_e6=None, longitude_e6=None)
    assert point_of(store, inc) == (None, None)
    incidents.update(store, ADMIN, inc, None, **IN_SUNGAI_PENUH)  # undo of the removal
    assert point_of(store, inc) == (-2_062_500, 101_407_700)


def test_an_operation_without_known_boundaries_takes_any_point_on_the_globe(
    small: tuple[Store, Small],
) -> None:
    """The small operation's regions have no Kemendagri code: nothing to check against."""
    store, ids = small
    inc = incidents.record(store, ADMIN, draft(store, ids, **IN_KERINCI))
    assert point_of(store, inc) == (-1_978_700, 101_301_300)
