"""Data > Impor batas wilayah: the regions import (``opscenter.geo.imports``) in a wizard.

Real files written here (GeoJSON, a zipped Shapefile, CSV), a real database, the wizard
offscreen: a successful import journaled as the account, the fields chosen where the
import is unsure, every bad file refused in its one Indonesian sentence with the database
unchanged, the import refused to a role that may not import, and the map showing an
imported boundary instead of the shipped one on its next read.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
import shapefile
import shapely
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMainWindow, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from opscenter import journal, messages
from opscenter.actor import Actor
from opscenter.demo import load_demo
from opscenter.geo import imports
from opscenter.live import JournalFollower
from opscenter.model import JournalEntry, JournalTxn, Region, RegionBoundary
from opscenter.roster.errors import RosterError
from opscenter.store import Store
from tests.core.test_geo_import import _bad_files, _geojson, _square
from tests.ui.alt_letters import alt_letter_faults
from tests.ui.conftest import FixedClock, TinyOperation
from ui.data_menu import install
from ui.regions_import import RegionsImportWizard

STAFF = Actor("staf", role="staff")
OPERATOR = Actor("operator", role="operator")
MASA_TENANG = datetime(2024, 11, 26, 14, 30, tzinfo=UTC)  # the map panel's tests' evening


def _state(store: Store) -> tuple[int, int, list[str | None]]:
    """The journal's head, the imported boundaries, the regions' codes."""
    with store.read() as s:
        return (
            journal.head(s),
            s.scalar(select(func.count()).select_from(RegionBoundary)) or 0,
            list(s.scalars(select(Region.code).order_by(Region.id))),
        )


def _menu_item(qtbot: QtBot, store: Store, actor: Actor) -> QAction | None:
    """The Data menu's item, in a window signed in as ``actor`` (None: not offered)."""
    window = QMainWindow()
    qtbot.addWidget(window)
    install(window, actor, store=store)
    return window.findChild(QAction, "regionsImportAction")


def _wizard(qtbot: QtBot, store: Store, actor: Actor = STAFF) -> RegionsImportWizard:
    wizard = RegionsImportWizard(store, actor=actor)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _to_fields(qtbot: QtBot, wizard: RegionsImportWizard, path: Path) -> None:
    wizard.file_page.path.setText(str(path))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.fields_page, timeout=10_000)


def _next_to(qtbot: QtBot, wizard: RegionsImportWizard, page: object) -> None:
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is page, timeout=10_000)


def _jambi_kerinci(path: Path) -> Path:
    """A GIS section's file: KODE_WIL and NAMOBJ, as BIG's layers name them."""
    return _geojson(
        path,
        [
            ({"KODE_WIL": "15", "NAMOBJ": "Jambi"}, {
                "type": "Polygon", "coordinates": [_square(101.0, -2.6, 1.5)]}),
            ({"KODE_WIL": "1501", "NAMOBJ": "Kerinci"}, {
                "type": "MultiPolygon", "coordinates": [[_square(101.3, -2.2, 0.3)]]}),
        ],
    )  # fmt: skip


def test_the_data_menu_opens_the_wizard_and_a_geojson_imports_as_the_account(
    qtbot: QtBot, store: Store, tiny_operation: TinyOperation, tmp_path: Path
) -> None:
    action = _menu_item(qtbot, store, STAFF)
    assert action is not None and action.isEnabled()
    assert action.text() == "Impor &batas wilayah…"
    assert action.shortcut().toString() == "Ctrl+Shift+I"
    action.trigger()
    window = action.parent()
    assert isinstance(window, QMainWindow)
    wizard = window.findChild(RegionsImportWizard)
    assert wizard is not None and wizard.actor == STAFF
    assert not wizard.file_page.kind.isVisibleTo(wizard)  # the import wizard's page, one kind
    wizard.next()  # no file yet: a sentence, no page turned
    assert wizard.file_page.error.text() == "Pilih berkas yang akan diimpor."
    _to_fields(qtbot, wizard, _jambi_kerinci(tmp_path / "batas.geojson"))
    page = wizard.fields_page
    assert page.chosen() == ("KODE_WIL", "NAMOBJ")  # found by their names
    assert not page.error.isVisible()
    _next_to(qtbot, wizard, wizard.preview_page)
    counts = wizard.preview_page.counts.text()
    assert "2 wilayah dari batas.geojson (kolom kode KODE_WIL, nama NAMOBJ)" in counts
    assert "2 baru, 0 berubah" in counts and "2 wilayah operasi mendapat kode" in counts
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "&Simpan 4 perubahan"
    _next_to(qtbot, wizard, wizard.done_page)
    assert "jurnal #" in wizard.done_page.result.text()
    with store.read() as s:
        txn = s.scalars(select(JournalTxn).order_by(JournalTxn.id.desc())).first()
        assert txn is not None and (txn.action, txn.actor) == ("regions.import", "staf")
        entities = set(s.scalars(select(JournalEntry.entity).where(JournalEntry.txn_id == txn.id)))
        assert entities == {"region_boundary", "region"}
        assert sorted(s.scalars(select(RegionBoundary.code))) == ["15", "15.01"]
        codes = {name: code for name, code in s.execute(select(Region.name, Region.code))}
    assert codes["Provinsi Jambi"] == "15" and codes["Kabupaten Kerinci"] == "15.01"
    # The same file again: nothing to write, and the wizard says so.
    before = _state(store)
    again = _wizard(qtbot, store)
    _to_fields(qtbot, again, tmp_path / "batas.geojson")
    _next_to(qtbot, again, again.preview_page)
    assert again.button(QWizard.WizardButton.CommitButton).text() == "&Selesai tanpa perubahan"
    _next_to(qtbot, again, again.done_page)
    assert "Tidak ada yang berubah" in again.done_page.result.text()
    assert _state(store) == before


def test_every_button_of_the_regions_wizard_has_an_alt_letter_of_its_own(
    qtbot: QtBot, indonesian: object, store: Store, tiny_operation: TinyOperation, tmp_path: Path
) -> None:
    """Batal, the commit button and the last page's Tutup had no Alt letter; page by page,
    in Qt's Indonesian words, every button has one and none is given twice (the fields'
    labels included: n&ama took A, Batal's, so it is na&ma)."""
    wizard = _wizard(qtbot, store)
    seen = {"file": alt_letter_faults(wizard)}
    _to_fields(qtbot, wizard, _jambi_kerinci(tmp_path / "batas.geojson"))
    seen["fields"] = alt_letter_faults(wizard)
    _next_to(qtbot, wizard, wizard.preview_page)
    seen["preview"] = alt_letter_faults(wizard)
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "&Simpan 4 perubahan"
    _next_to(qtbot, wizard, wizard.done_page)
    seen["done"] = alt_letter_faults(wizard)
    assert seen == {"file": [], "fields": [], "preview": [], "done": []}


def _shapefile_zip(path: Path) -> Path:
    """A zipped Shapefile with two fields that may each be the name."""
    shp, shx, dbf = io.BytesIO(), io.BytesIO(), io.BytesIO()
    w = shapefile.Writer(shp=shp, shx=shx, dbf=dbf, shapeType=shapefile.POLYGON)
    for name in ("KODE", "NAMA", "NAMOBJ"):
        w.field(name, "C", size=40)
    w.poly([_square(101.3, -2.1)])
    w.record("15.01.01", "GR", "Gunung Raya")
    w.poly([_square(101.5, -2.2)])
    w.record("15.01.02", "BK", "Bukit Kerman")
    w.close()
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("KECAMATAN.shp", shp.getvalue())
        z.writestr("KECAMATAN.shx", shx.getvalue())
        z.writestr("KECAMATAN.dbf", dbf.getvalue())
    return path


def test_where_the_import_is_unsure_the_user_chooses_the_name_field(
    qtbot: QtBot, store: Store, tiny_operation: TinyOperation, tmp_path: Path
) -> None:
    wizard = _wizard(qtbot, store)
    _to_fields(qtbot, wizard, _shapefile_zip(tmp_path / "kecamatan.zip"))
    page = wizard.fields_page
    assert page.chosen() is None  # nothing settled: the user chooses
    said = page.error.text()
    assert page.error.isVisible() and "bisa menjadi nama wilayah (NAMA, NAMOBJ)" in said
    assert [page.name.itemText(i) for i in range(page.name.count())] == ["KODE", "NAMA", "NAMOBJ"]
    wizard.next()  # nothing chosen: a sentence, no page turned
    assert wizard.currentPage() is page
    assert page.error.text() == "Pilih kolom kode dan kolom nama wilayah."
    # Alt+O and Alt+M reach the two boxes (no letter of the wizard's buttons: A is Batal's).
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    QTest.keyClick(page.error, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(page.code.hasFocus)
    QTest.keyClick(page.code, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(page.name.hasFocus)
    page.code.setCurrentText("KODE")
    page.name.setCurrentText("NAMOBJ")
    _next_to(qtbot, wizard, wizard.preview_page)
    assert "(kolom kode KODE, nama NAMOBJ)" in wizard.preview_page.counts.text()
    _next_to(qtbot, wizard, wizard.done_page)
    with store.read() as s:
        names = {c: n for c, n in s.execute(select(RegionBoundary.code, RegionBoundary.name))}
    assert names == {"15.01.01": "Gunung Raya", "15.01.02": "Bukit Kerman"}


def _refused_at(qtbot: QtBot, wizard: RegionsImportWizard, path: Path) -> str:
    """The sentence the wizard shows for ``path``, on the page it stops at."""
    wizard.file_page.path.setText(str(path))
    wizard.next()
    qtbot.waitUntil(
        lambda: wizard.file_page.error.isVisible() or wizard.currentPage() is wizard.fields_page,
        timeout=10_000,
    )
    page = wizard.currentPage()
    assert page in (wizard.file_page, wizard.fields_page)
    return page.error.text()


def test_every_bad_file_is_refused_in_its_sentence_with_the_database_unchanged(
    qtbot: QtBot, store: Store, tiny_operation: TinyOperation, tmp_path: Path
) -> None:
    broken = tmp_path / "rusak.zip"
    broken.write_bytes(b"PK\x03\x04 terpotong di tengah jalan")
    bad_csv = tmp_path / "kode.csv"
    bad_csv.write_text("kode,nama\n15.01,Kabupaten Kerinci\n99.x,Entah\n", encoding="utf-8")
    cases = {
        reason: path
        for reason, (path, options, _words) in _bad_files(tmp_path).items()
        if not options  # the GUI offers only the file's own fields
    }
    cases["corrupt_zip"] = broken
    cases["regions_bad_code_csv"] = bad_csv
    before = _state(store)
    for reason, path in cases.items():
        wizard = _wizard(qtbot, store)
        said = _refused_at(qtbot, wizard, path)
        with pytest.raises(RosterError) as refused:
            imports.prepare(store, path, operation_id=tiny_operation.operation_id)
        assert said == messages.describe(refused.value, "id"), reason
        assert path.name in said and said.endswith(".") and "\n" not in said, said
        on_fields = refused.value.reason in imports.FIELD_REASONS
        assert (wizard.currentPage() is wizard.fields_page) == on_fields, reason
        wizard.close()
    assert _state(store) == before
    # The three the issue names, in their words.
    no_code = _refused_at(qtbot, _wizard(qtbot, store), tmp_path / "tanpa-kode.geojson")
    assert "tidak punya kolom kode wilayah (kolomnya: NAMOBJ, luas)" in no_code
    assert "rusak atau terpotong" in _refused_at(qtbot, _wizard(qtbot, store), broken)
    assert 'berkode "99.x"' in _refused_at(qtbot, _wizard(qtbot, store), bad_csv)


def test_a_file_without_a_code_field_takes_the_field_the_user_names_or_is_refused(
    qtbot: QtBot, store: Store, tiny_operation: TinyOperation, tmp_path: Path
) -> None:
    path = _bad_files(tmp_path)["regions_no_code"][0]
    before = _state(store)
    wizard = _wizard(qtbot, store)
    _to_fields(qtbot, wizard, path)
    page = wizard.fields_page
    page.code.setCurrentText("luas")  # a number, not a code: refused on the page
    page.name.setCurrentText("NAMOBJ")
    wizard.next()
    qtbot.waitUntil(lambda: "bukan kode Kemendagri" in page.error.text(), timeout=10_000)
    assert wizard.currentPage() is page
    page.name.setCurrentText("luas")
    wizard.next()
    assert page.error.text() == "Kolom kode dan kolom nama tidak boleh sama."
    assert _state(store) == before


def test_a_csv_of_codes_the_operation_lacks_changes_nothing(
    qtbot: QtBot, store: Store, tiny_operation: TinyOperation, tmp_path: Path
) -> None:
    path = tmp_path / "kode-lain.csv"
    path.write_text("kode;nama\n16;Sumatera Selatan\n16.01;Ogan Komering Ulu\n", encoding="utf-8")
    before = _state(store)
    wizard = _wizard(qtbot, store)
    _to_fields(qtbot, wizard, path)
    _next_to(qtbot, wizard, wizard.preview_page)
    assert "0 wilayah operasi mendapat kode" in wizard.preview_page.counts.text()
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "&Selesai tanpa perubahan"
    _next_to(qtbot, wizard, wizard.done_page)
    assert _state(store) == before


def test_a_role_that_may_not_import_neither_sees_the_item_nor_may_commit(
    qtbot: QtBot, store: Store, tiny_operation: TinyOperation, tmp_path: Path
) -> None:
    assert _menu_item(qtbot, store, OPERATOR) is None
    # Opened all the same (by a future menu): the commit is refused in one sentence.
    before = _state(store)
    wizard = _wizard(qtbot, store, OPERATOR)
    _to_fields(qtbot, wizard, _jambi_kerinci(tmp_path / "batas.geojson"))
    _next_to(qtbot, wizard, wizard.preview_page)
    wizard.next()
    page = wizard.preview_page
    qtbot.waitUntil(page.error.isVisible, timeout=10_000)
    assert wizard.currentPage() is page
    assert "\n" not in page.error.text() and page.error.text().endswith(".")
    assert page.error.text() == "Peran operator tidak berwenang untuk tindakan ini."
    assert _state(store) == before


def test_the_map_shows_an_imported_boundary_instead_of_the_shipped_one(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    from ui.map_panel import MapPanel

    load_demo(store, "jambi")
    panel = MapPanel(store, clock=FixedClock(MASA_TENANG))
    qtbot.addWidget(panel)
    panel.resize(1300, 700)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: panel.loaded() and not panel.live.held, timeout=20_000)
    panel.names.setChecked(False)
    panel.incidents.switch.setChecked(False)
    with store.read() as s:
        kerinci = int(s.scalars(select(Region.id).where(Region.code == "15.01")).one())
    shipped = panel.boundary(kerinci)
    assert shipped is not None
    old_label = shipped.label_point
    colour = panel.view.grab().toImage().pixelColor(panel.view.project(*old_label).toPoint())
    # A small square inside the shipped Kerinci, away from its label point and enclave.
    inner = shipped.shape.difference(shapely.Point(old_label).buffer(0.2)).buffer(-0.08)
    x, y = inner.representative_point().coords[0]
    path = _geojson(
        tmp_path / "kerinci.geojson",
        [({"kode": "15.01", "nama": "Kerinci"}, {
            "type": "Polygon", "coordinates": [_square(x - 0.04, y - 0.04, 0.08)]})],
    )  # fmt: skip
    follower = JournalFollower(store)
    follower.poll()
    preview = imports.prepare(store, path)
    assert imports.commit(store, STAFF, preview) is not None
    changes = follower.poll()
    assert changes is not None and "region_boundary" in changes
    panel.apply_changes(changes)
    qtbot.waitUntil(
        lambda: (b := panel.boundary(kerinci)) is not None and b.bbox[0] == pytest.approx(x - 0.04),
        timeout=20_000,
    )
    view = panel.view
    assert view.region_at(view.project(x, y)) == "15.01"
    assert view.region_at(view.project(*old_label)) is None  # the shipped shape is gone
    image = view.grab().toImage()
    assert image.pixelColor(view.project(x, y).toPoint()) == colour
    assert image.pixelColor(view.project(*old_label).toPoint()) != colour
