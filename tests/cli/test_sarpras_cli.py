"""``opscenter import | template | export sarpras`` as a user runs them: real subprocesses,
the unit the letterhead gave said in a sentence, every refused cell named, nothing written
while any is, and an export that imports back unchanged."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from opscenter import operations
from opscenter.readiness import sarpras, sarpras_export
from opscenter.store import open_store
from tests.builders import build_small_operation
from tests.cli.test_cli import one_sentence, run
from tests.core.test_sarpras_import import _one_column_workbook, _split_workbook


@pytest.fixture
def db(sqlite_url: str) -> str:
    """The small operation of tests/builders.py in a SQLite file."""
    store = open_store(sqlite_url)
    build_small_operation(store)
    store.dispose()
    return sqlite_url


def _stock(url: str) -> list[tuple[int, int, int, int]]:
    store = open_store(url)
    try:
        with store.read() as s:
            return [
                (r.unit_id, r.baik, r.rusak_ringan, r.rusak_berat)
                for r in sarpras.stock(s, operations.get_operation(s).id)
            ]
    finally:
        store.dispose()


def test_import_takes_the_unit_from_the_letterhead_and_again_changes_nothing(
    tmp_path: Path, db: str
) -> None:
    path = _split_workbook(tmp_path / "polres_a.xlsx")
    done = run(tmp_path, "import", "sarpras", str(path), "--db", db, "--dry-run")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "Satuan diambil dari kop surat: Polres A (sebutkan --unit KODE untuk satuan lain).",
        "baru 3, berubah 0, tetap 0, ditolak 0",
    ]
    assert _stock(db) == []
    done = run(tmp_path, "import", "sarpras", str(path), "--db", db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "baru 3, berubah 0, tetap 0, ditolak 0"
    done = run(tmp_path, "import", "sarpras", str(path), "--db", db, "--lang", "en")
    assert done.stdout.splitlines() == [
        "The unit was taken from the letterhead: Polres A (give --unit CODE for another unit).",
        "new 0, changed 0, unchanged 3, rejected 0",
    ]


def test_import_refuses_every_bad_cell_and_writes_nothing(tmp_path: Path, db: str) -> None:
    path = _one_column_workbook(
        tmp_path / "salah.xlsx",
        [
            [1, "Polsek A1", "HT", "baik", 5, "buah", None],
            [2, "Polsek A1", "Kapal selam", "baik", 1, "unit", None],
            [3, "Polsek A1", "Rig", "baik", -2, "buah", None],
        ],
    )
    errors = tmp_path / "ditolak.xlsx"
    done = run(tmp_path, "import", "sarpras", str(path), "--db", db, "--errors", str(errors))
    assert done.returncode == 1
    # The refused rows come back with their bad cells marked, as a roster's do.
    ws = load_workbook(errors).active
    assert [row[2].value for row in ws.iter_rows(min_row=2)] == ["Kapal selam", "Rig"]
    assert ws["E3"].value == -2 and "negatif" in ws["E3"].comment.text
    assert done.stderr.splitlines() == [
        "Data!C4 \u201cKapal selam\u201d: jenis sarpras tidak dikenal.",
        "Data!E5 \u201c-2\u201d: jumlah tidak boleh negatif.",
        "2 baris ditolak (2 sel) di salah.xlsx, jadi tidak ada yang tersimpan; perbaiki sel itu "
        "lalu impor lagi.",
    ]
    assert _stock(db) == []


def test_import_without_a_unit_asks_for_unit(tmp_path: Path, db: str) -> None:
    path = _split_workbook(tmp_path / "daftar.xlsx", letterhead=False)
    done = run(tmp_path, "import", "sarpras", str(path), "--db", db)
    assert done.returncode == 1
    assert "sebutkan satuannya dengan --unit KODE" in one_sentence(done.stderr)
    done = run(tmp_path, "import", "sarpras", str(path), "--db", db, "--unit", "pb")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "baru 3, berubah 0, tetap 0, ditolak 0"
    # --unit means nothing to another kind of list: said, not ignored.
    done = run(tmp_path, "import", "personnel", str(path), "--db", db, "--unit", "pb")
    assert done.returncode == 2
    assert "--unit: only for sarpras lists" in done.stderr


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_then_import_changes_nothing(tmp_path: Path, db: str, suffix: str) -> None:
    run(tmp_path, "import", "sarpras", str(_one_column_workbook(tmp_path / "r.xlsx")), "--db", db)
    out = tmp_path / f"sarpras{suffix}"
    done = run(tmp_path, "export", "sarpras", "--out", str(out), "--db", db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"3 baris ditulis ke {out}."
    if suffix == ".csv":
        with out.open(encoding="utf-8-sig") as fh:
            rows = list(csv.reader(fh))
        assert rows[0] == list(sarpras_export.HEADERS)
        assert rows[1][:9] == [
            "pa1", "Polsek A1", "komunikasi", "HT", "buah", "5", "2", "1", "Ya"
        ]  # fmt: skip
    done = run(tmp_path, "import", "sarpras", str(out), "--db", db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "baru 0, berubah 0, tetap 3, ditolak 0"


def test_template_lists_the_categories(tmp_path: Path, db: str) -> None:
    out = tmp_path / "templat.xlsx"
    done = run(tmp_path, "template", "sarpras", "--out", str(out), "--db", db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Templat ditulis ke {out}."
    ws = load_workbook(out)["Sarpras"]
    names = [row[3] for row in ws.iter_rows(values_only=True)]
    assert "JENIS SARPRAS" in names and "Kendaraan roda 2" in names and "Genset" in names
    done = run(tmp_path, "template", "sarpras", "--out", str(tmp_path / "kosong.xlsx"))
    assert done.returncode == 0, done.stderr
