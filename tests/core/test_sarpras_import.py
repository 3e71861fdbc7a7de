"""Importing sarpras lists in each Polres's own layout, exporting them, and the template.

Every workbook is built here with openpyxl, as messy as the lists Polres send: a letterhead,
a KONDISI heading merged over B / RR / RB, a row of column numbers, group rows, a JUMLAH
row and a signature block; or one condition column with a count.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from opscenter import messages
from opscenter.errors import NotFound, StaleEdit
from opscenter.model import JournalEntry, SarprasCategory
from opscenter.readiness import sarpras, sarpras_export, sarpras_io, sarpras_sheet
from opscenter.readiness.sarpras import StockValue
from opscenter.reference import by_code
from opscenter.roster import export
from opscenter.roster.errors import RosterError
from opscenter.roster.history import imports, revert
from opscenter.roster.preview import Options
from opscenter.store import Store, open_store
from tests.builders import ADMIN, Small, build_small_operation


@pytest.fixture
def small(db_url: str) -> Iterator[tuple[Store, Small]]:
    store = open_store(db_url)
    yield store, build_small_operation(store)
    store.dispose()


def _held(store: Store, ids: Small) -> dict[tuple[str, str], tuple[object, ...]]:
    """(unit key, category code) -> (baik, RR, RB, laik pakai, ammunition, note)."""
    names = {v: k for k, v in ids.units.items()}
    with store.read() as s:
        codes = {c.id: code for code, c in by_code(s, SarprasCategory, ids.operation_id).items()}
        rows = sarpras.stock(s, ids.operation_id)
    return {
        (names[r.unit_id], codes[r.category_id]): (
            r.baik,
            r.rusak_ringan,
            r.rusak_berat,
            r.laik_pakai,
            r.ammunition,
            r.note,
        )
        for r in rows
    }


def _journal_rows(store: Store) -> int:
    with store.read() as s:
        return int(s.scalar(select(func.count()).select_from(JournalEntry)) or 0)


def _split_workbook(path: Path, *, letterhead: bool = True, merged_down: bool = True) -> Path:
    """Polres A's list: letterhead, KONDISI merged over B / RR / RB, headings merged down,
    column numbers, group rows, a JUMLAH row and a signature block in the count columns."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sarpras"
    if letterhead:
        ws.append(["KEPOLISIAN NEGARA REPUBLIK INDONESIA"])
        ws.append(["DAERAH UJI"])
        ws.append(["RESOR A"])
    else:
        ws.append(["DAFTAR INVENTARIS"])
        ws.append([])
        ws.append([])
    ws.append([])
    ws.append(["DAFTAR SARANA PRASARANA OPS MANTAP PRAJA 2024"])
    ws.append(["NO", "JENIS SARPRAS", "JUMLAH", "KONDISI", None, None, "KET"])  # row 6
    ws.append([None, None, None, "B", "RR", "RB", None])  # row 7
    if merged_down:  # else the headings stand in row 6 alone, over an empty row 7
        for col in ("A", "B", "C", "G"):
            ws.merge_cells(f"{col}6:{col}7")
    ws.merge_cells("D6:F6")
    ws.append([1, 2, 3, 4, 5, 6, 7])  # row 8
    ws.append(["A.", "KENDARAAN"])  # row 9
    ws.append([1, "Ranmor R2", 12, 10, 1, 1, None])  # row 10
    ws.append([2, "Roda 4", 3, 3, "-", "-", None])  # row 11
    ws.append(["B.", "KOMUNIKASI", 20, 15, 3, 2])  # row 12: the group's subtotal
    ws.append([3, "handy talky", 20, 15, 3, 2, "2 baterai lemah"])  # row 13
    ws.append(["JUMLAH KESELURUHAN", None, 35, 28, 4, 3, None])  # row 14
    ws.append([])
    ws.append([None, None, None, "Kabupaten A, 12 November 2024"])
    ws.append([None, None, None, "KEPALA BAGIAN LOGISTIK"])
    ws.append([])
    ws.append([None, None, None, "NAMA PERWIRA UJI"])
    ws.append([None, None, None, "KOMPOL NRP 78070123"])
    wb.save(path)
    return path


def _one_column_workbook(path: Path, rows: list[list[object]] | None = None) -> Path:
    """A Polda list with a unit column and the condition written in one column."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["REKAP SARPRAS SATWIL"])
    ws.append(["NO", "SATKER", "JENIS", "KONDISI", "JUMLAH", "SATUAN", "AMUNISI"])
    for row in rows or [
        [1, "Polsek A1", "HT", "baik", 5, "buah", None],
        [2, "Polsek A1", "HT", "RR", 2, "buah", None],
        [3, "Polsek A1", "Handy Talkie", "rusak berat", 1, "buah", None],
        [4, "pa2", "sepeda motor", "Baik", 4, "unit", None],
        [5, "Polsek A2", "Senpi", "baik", 6, "pucuk", "1.200"],
    ]:
        ws.append(row)
    ws.append(["JUMLAH", None, None, None, 18])
    wb.save(path)
    return path


def test_split_condition_with_merged_headings_letterhead_total_and_signature(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, ids = small
    preview = sarpras_io.prepare(store, _split_workbook(tmp_path / "polres_a.xlsx"))
    assert preview.problems == []
    # No unit column and no --unit: the letterhead's "RESOR A" names Polres A.
    assert (preview.unit_source, preview.unit_name) == ("letterhead", "Polres A")
    assert preview.counts == {"new": 3, "changed": 0, "unchanged": 0, "rejected": 0}
    out = sarpras_io.commit(store, ADMIN, preview)
    assert out.txn_id is not None
    assert _held(store, ids) == {
        ("PA", "r2"): (10, 1, 1, True, None, None),
        ("PA", "r4"): (3, 0, 0, True, None, None),
        ("PA", "ht"): (15, 3, 2, True, None, "2 baterai lemah"),
    }


def test_kondisi_merged_over_its_three_columns_gives_the_first_to_baik(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, ids = small
    path = _split_workbook(tmp_path / "polres_a.xlsx", merged_down=False)
    preview = sarpras_io.prepare(store, path)
    # KONDISI (D6, merged to F6) is read as the heading of D, E and F; B under it is baik.
    assert (preview.layout.columns["baik"], preview.layout.columns["rusak_berat"]) == (3, 5)
    assert preview.problems == []
    sarpras_io.commit(store, ADMIN, preview)
    assert _held(store, ids)[("PA", "ht")][:3] == (15, 3, 2)


@pytest.mark.parametrize(
    ("lines", "unit"),
    [
        (["KEPOLISIAN NEGARA REPUBLIK INDONESIA", "DAERAH UJI", "RESOR A"], "PA"),
        (["KEPOLISIAN NEGARA REPUBLIK INDONESIA DAERAH UJI RESOR A"], "PA"),
        (["POLRES A"], "PA"),
        (["KEPOLISIAN RESOR KOTA B"], "PB"),
        (["Polresta B"], "PB"),
        (["KEPOLISIAN DAERAH UJI"], "POLDA"),
        (["KEPOLISIAN DAERAH UJI", "RESOR A", "SEKTOR A1"], "PA1"),
        (["DAFTAR INVENTARIS BARANG"], None),
        # "RESOR" naming no unit of the operation (or several) is no guess.
        (["KEPOLISIAN RESOR KERINCI"], None),
    ],
)
def test_the_letterhead_names_the_unit(
    small: tuple[Store, Small], lines: list[str], unit: str | None
) -> None:
    store, ids = small
    with store.read() as s:
        known = sarpras_sheet.read_known(s, ids.operation_id)
    guess = sarpras_sheet.guess_unit([[line] for line in lines], known)
    assert guess == (ids.units[unit] if unit else None)


def test_one_condition_column_with_a_unit_column(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, ids = small
    preview = sarpras_io.prepare(store, _one_column_workbook(tmp_path / "rekap.xlsx"))
    assert preview.problems == []
    assert preview.unit_source == "column"
    sarpras_io.commit(store, ADMIN, preview)
    assert _held(store, ids) == {
        ("PA1", "ht"): (5, 2, 1, True, None, None),
        ("PA2", "r2"): (4, 0, 0, True, None, None),
        # "1.200" is one thousand two hundred, as Indonesian lists write it.
        ("PA2", "senpi"): (6, 0, 0, True, 1200, None),
    }


def test_reimporting_the_same_file_changes_nothing(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, ids = small
    path = _split_workbook(tmp_path / "polres_a.xlsx")
    sarpras_io.commit(store, ADMIN, sarpras_io.prepare(store, path))
    held, rows = _held(store, ids), _journal_rows(store)
    again = sarpras_io.prepare(store, path)
    assert again.counts == {"new": 0, "changed": 0, "unchanged": 3, "rejected": 0}
    assert sarpras_io.commit(store, ADMIN, again).txn_id is None
    assert _journal_rows(store) == rows
    assert _held(store, ids) == held


def test_a_changed_count_is_one_changed_record(small: tuple[Store, Small], tmp_path: Path) -> None:
    store, ids = small
    path = _split_workbook(tmp_path / "polres_a.xlsx")
    sarpras_io.commit(store, ADMIN, sarpras_io.prepare(store, path))
    wb = load_workbook(path)
    wb["Sarpras"]["E13"] = 1  # HT: 3 lightly damaged -> 1
    wb["Sarpras"]["C13"] = 18
    wb.save(path)
    preview = sarpras_io.prepare(store, path)
    assert preview.counts == {"new": 0, "changed": 1, "unchanged": 2, "rejected": 0}
    assert [r.changes for r in preview.records if r.status == "changed"] == [
        {"rusak_ringan": (3, 1)}
    ]
    sarpras_io.commit(store, ADMIN, preview)
    assert _held(store, ids)[("PA", "ht")][:3] == (15, 1, 2)


def test_a_sarpras_import_is_listed_and_reverted_like_a_roster(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, ids = small
    path = _split_workbook(tmp_path / "polres_a.xlsx")
    first = sarpras_io.commit(store, ADMIN, sarpras_io.prepare(store, path)).txn_id
    assert first is not None
    revert(store, ADMIN, first)
    assert _held(store, ids) == {}
    again = sarpras_io.commit(store, ADMIN, sarpras_io.prepare(store, path)).txn_id
    wb = load_workbook(path)
    wb["Sarpras"]["E13"] = 1  # HT: 3 lightly damaged -> 1
    wb["Sarpras"]["C13"] = 18
    wb.save(path)
    changed = sarpras_io.commit(store, ADMIN, sarpras_io.prepare(store, path)).txn_id
    assert changed is not None and again is not None
    assert [(i.txn_id, i.kind, i.reverted) for i in imports(store)] == [
        (changed, "sarpras", False),
        (again, "sarpras", False),
        (first, "sarpras", True),
    ]
    revert(store, ADMIN, changed)
    assert _held(store, ids)[("PA", "ht")][:3] == (15, 3, 2)
    # The earlier import's HT row was changed since: that revert is refused.
    with pytest.raises(RosterError) as err:
        revert(store, ADMIN, again)
    assert err.value.reason == "revert_conflict"


def test_bad_cells_are_refused_one_by_one_and_nothing_is_written(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, ids = small
    path = _one_column_workbook(
        tmp_path / "salah.xlsx",
        [
            [1, "Polsek A1", "HT", "baik", 5, "buah", None],  # row 3: fine
            [2, "Polsek A1", "Genzet", "baik", 1, "unit", None],  # row 4
            [3, "Polsek A1", "Rig", "baik", -2, "buah", None],  # row 5
            [4, "Polsek A1", "Tenda", "hilang", 1, "buah", None],  # row 6
            [5, "Satuan Hantu", "Tameng", "baik", 10, "buah", None],  # row 7
            [6, "Polsek A2", "HT", "baik", 3, "buah", 40],  # row 8
            [7, "Polsek A2", "Helm", "baik", "banyak", "buah", None],  # row 9
            [8, "Linmas Kab. A", "Genset", "baik", 1, "unit", None],  # row 10
            [9, "Polsek A1", "HT", "baik", 2, "buah", None],  # row 11: HT baik twice
        ],
    )
    rows = _journal_rows(store)
    preview = sarpras_io.prepare(store, path)
    said = [messages.cell_problem(p, "id") for p in preview.problems]
    assert said == [
        "Data!C4 \u201cGenzet\u201d: jenis sarpras tidak dikenal; maksudnya \u201cGenset\u201d?",
        "Data!E5 \u201c-2\u201d: jumlah tidak boleh negatif.",
        "Data!D6 \u201chilang\u201d: kondisi tidak dikenal: tulis baik, RR (rusak ringan) atau "
        "RB (rusak berat).",
        "Data!B7 (Kesatuan) \u201cSatuan Hantu\u201d: satuan tidak dikenal.",
        "Data!G8 \u201c40\u201d: amunisi hanya diisi untuk senjata api.",
        "Data!E9 (Jumlah) \u201cbanyak\u201d: bukan bilangan bulat.",
        "Data!B10 (Kesatuan) \u201cLinmas Kab. A\u201d: satuan mitra: sarpras dicatat untuk "
        "satuan Polri saja.",
        "Data!C11 (Jenis sarpras) \u201cHT\u201d: ganda di dalam berkas (juga di Data!C3).",
    ]
    assert preview.counts["rejected"] == 8
    # Each refused row keeps the unit and category its cells gave in the preview's key (as a
    # refused roster row keeps its NRP): by name where the operation knows it, else as written.
    keys = {r.row + 1: preview.key_text(r) for r in preview.outcomes()}
    assert keys == {
        3: "Polsek A1 / HT",
        4: "Polsek A1 / Genzet",
        5: "Polsek A1 / Rig",
        6: "Polsek A1 / Tenda",
        7: "Satuan Hantu / Tameng",
        8: "Polsek A2 / HT",
        9: "Polsek A2 / Helm",
        10: "Linmas Kab. A / Genset",
        11: "Polsek A1 / HT",
    }
    with pytest.raises(RosterError) as err:
        sarpras_io.commit(store, ADMIN, preview)
    assert messages.describe(err.value, "id") == (
        "8 baris ditolak (8 sel) di salah.xlsx, jadi tidak ada yang tersimpan; perbaiki sel itu "
        "lalu impor lagi."
    )
    assert _held(store, ids) == {}
    assert _journal_rows(store) == rows


def test_a_total_that_does_not_add_up_is_refused(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, _ids = small
    path = _split_workbook(tmp_path / "polres_a.xlsx")
    wb = load_workbook(path)
    wb["Sarpras"]["C10"] = 11  # 10 + 1 + 1 = 12
    wb.save(path)
    preview = sarpras_io.prepare(store, path)
    assert [messages.cell_problem(p, "en") for p in preview.problems] == [
        "Sarpras!C10 (Count) \u201c11\u201d: the total is not good + lightly damaged + badly "
        "damaged (12)."
    ]


def test_the_unit_from_the_option_or_a_refusal_asking_for_it(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, ids = small
    path = _split_workbook(tmp_path / "tanpa_kop.xlsx", letterhead=False)
    with pytest.raises(RosterError) as err:
        sarpras_io.prepare(store, path)
    assert "sebutkan satuannya dengan --unit KODE" in messages.describe(err.value, "id")
    with pytest.raises(NotFound) as missing:
        sarpras_io.prepare(store, path, Options(kind="sarpras", unit="pz"))
    assert "tidak ditemukan" in messages.describe(missing.value, "id")
    preview = sarpras_io.prepare(store, path, Options(kind="sarpras", unit="pb"))
    assert (preview.unit_source, preview.unit_name) == ("option", "Polres B")
    sarpras_io.commit(store, ADMIN, preview)
    assert set(_held(store, ids)) == {("PB", "r2"), ("PB", "r4"), ("PB", "ht")}
    # The option also beats a letterhead.
    other = sarpras_io.prepare(
        store, _split_workbook(tmp_path / "a.xlsx"), Options(kind="sarpras", unit="Polsek A1")
    )
    assert (other.unit_source, other.unit_name) == ("option", "Polsek A1")


def test_a_sheet_without_a_sarpras_table_is_refused(tmp_path: Path, sqlite_url: str) -> None:
    store = open_store(sqlite_url)
    build_small_operation(store)
    wb = Workbook()
    wb.active.append(["Item", "Type", "Quantity"])
    wb.active.append([1, "Apple", 50])
    wb.save(tmp_path / "buah.xlsx")
    with pytest.raises(RosterError) as err:
        sarpras_io.prepare(store, tmp_path / "buah.xlsx")
    assert messages.describe(err.value, "id").startswith(
        "Di berkas buah.xlsx tidak ditemukan tabel sarpras"
    )
    store.dispose()


def test_stale_rows_are_refused_at_commit(small: tuple[Store, Small], tmp_path: Path) -> None:
    store, ids = small
    path = _split_workbook(tmp_path / "polres_a.xlsx")
    sarpras_io.commit(store, ADMIN, sarpras_io.prepare(store, path))
    wb = load_workbook(path)
    wb["Sarpras"]["D11"] = 2  # R4: 3 good -> 2
    wb["Sarpras"]["C11"] = 2
    wb.save(path)
    preview = sarpras_io.prepare(store, path)
    with store.read() as s:
        r4 = by_code(s, SarprasCategory, ids.operation_id)["r4"].id
    # Someone changes Polres A's R4 on another workstation after the preview.
    sarpras.set_stock(store, ADMIN, ids.operation_id, StockValue(ids.units["PA"], r4, 5))
    rows = _journal_rows(store)
    with pytest.raises(StaleEdit):
        sarpras_io.commit(store, ADMIN, preview)
    assert _journal_rows(store) == rows
    assert _held(store, ids)[("PA", "r4")][:3] == (5, 0, 0)


def test_a_new_row_stored_meanwhile_is_refused(small: tuple[Store, Small], tmp_path: Path) -> None:
    store, ids = small
    preview = sarpras_io.prepare(store, _split_workbook(tmp_path / "polres_a.xlsx"))
    with store.read() as s:
        ht = by_code(s, SarprasCategory, ids.operation_id)["ht"].id
    sarpras.set_stock(store, ADMIN, ids.operation_id, StockValue(ids.units["PA"], ht, 1))
    with pytest.raises(RosterError) as err:
        sarpras_io.commit(store, ADMIN, preview)
    assert "Polres A / HT" in messages.describe(err.value, "id")
    assert set(_held(store, ids)) == {("PA", "ht")}


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_imports_back_unchanged(
    small: tuple[Store, Small], tmp_path: Path, suffix: str
) -> None:
    store, ids = small
    sarpras_io.commit(
        store, ADMIN, sarpras_io.prepare(store, _one_column_workbook(tmp_path / "r.xlsx"))
    )
    with store.read() as s:
        cats = by_code(s, SarprasCategory, ids.operation_id)
    sarpras.set_stock(
        store,
        ADMIN,
        ids.operation_id,
        StockValue(ids.units["PB"], cats["r6"].id, 1, 0, 1, laik_pakai=False, note="-STNK mati"),
    )
    out = tmp_path / f"sarpras{suffix}"
    assert export.write(store, "sarpras", out) == 4
    held, rows = _held(store, ids), _journal_rows(store)
    preview = sarpras_io.prepare(store, out)
    assert preview.problems == []
    assert preview.counts == {"new": 0, "changed": 0, "unchanged": 4, "rejected": 0}
    assert sarpras_io.commit(store, ADMIN, preview).txn_id is None
    assert (_held(store, ids), _journal_rows(store)) == (held, rows)
    # Into an empty operation the same file makes the same stock.
    other = build_small_operation(store, code="lain")
    copy = sarpras_io.prepare(store, out, Options(kind="sarpras", operation_id=other.operation_id))
    assert copy.counts["new"] == 4
    sarpras_io.commit(store, ADMIN, copy)
    with store.read() as s:
        assert len(sarpras.stock(s, other.operation_id)) == 4


def test_the_template_lists_the_categories_and_imports_once_filled(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, ids = small
    out = sarpras_export.write_template(tmp_path / "templat.xlsx", store)
    ws = load_workbook(out)["Sarpras"]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    header = rows.index(list(sarpras_export.HEADERS))
    listed = rows[header + 1 :]
    assert len(listed) == 20
    assert listed[0][2:5] == ["kendaraan", "Kendaraan roda 2", "unit"]
    assert listed[16][2:5] == ["senjata", "Senjata api", "pucuk"]
    # Empty, it holds nothing to import.
    with pytest.raises(RosterError) as err:
        sarpras_io.prepare(store, out)
    assert err.value.reason == "header_only"
    first = header + 2  # the sheet row of the first category (1-based)
    ws["A" + str(first)] = "pa1"
    ws["F" + str(first)] = 7
    ws["H" + str(first)] = 1
    ws["I" + str(first)] = "Tidak"
    load = ws.parent
    load.save(out)
    sarpras_io.commit(store, ADMIN, sarpras_io.prepare(store, out))
    assert _held(store, ids) == {("PA1", "r2"): (7, 0, 1, False, None, None)}
    # Without a database, the seeded categories.
    seeded = load_workbook(sarpras_export.write_template(tmp_path / "kosong.xlsx"))["Sarpras"]
    assert seeded.max_row == header + 1 + 20


def test_a_list_mapped_by_hand_says_nothing_of_what_was_guessed(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    """The guess says which of two columns under one merged JUMLAH it took; once the person
    has mapped every column (the import wizard's mapping page), nothing guessed is said."""
    store, _ids = small
    path = _one_column_workbook(tmp_path / "rekap.xlsx")
    wb = load_workbook(path)
    ws = wb.active
    assert ws is not None
    ws.insert_cols(6)  # JUMLAH merged over two columns, the count in the first
    ws.merge_cells("E2:F2")
    wb.save(path)
    guessed = sarpras_io.prepare(store, path)
    assert [c.key for c in guessed.layout.choices] == ["count"]  # the first taken: said
    assert messages.import_choices(guessed.layout, 0, "id")
    mapped = sarpras_io.prepare(
        store, path, Options(kind="sarpras", mapping=dict(guessed.layout.columns))
    )
    assert mapped.layout.columns == guessed.layout.columns
    assert mapped.layout.choices == []
    assert messages.import_choices(mapped.layout, 0, "id") == ""
    assert mapped.counts == guessed.counts
