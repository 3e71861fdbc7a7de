"""``opscenter import incidents`` as a user runs it: real subprocesses, --dry-run writing
nothing, every refused cell named in Indonesian with nothing saved, the error workbook, and
``export incidents`` importing back unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from opscenter.store import open_store
from tests.builders import build_small_operation
from tests.cli.test_cli import one_sentence, run
from tests.core.test_incident_import import POLRES_HEADER, polres_rows, stored, workbook


@pytest.fixture
def db(sqlite_url: str) -> str:
    """The small operation of tests/builders.py (in WITA) in a SQLite file."""
    store = open_store(sqlite_url)
    build_small_operation(store, timezone="Asia/Makassar")
    store.dispose()
    return sqlite_url


def _incidents(url: str) -> list[tuple[object, ...]]:
    store = open_store(url)
    try:
        return stored(store)
    finally:
        store.dispose()


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_dry_run_then_import_then_export_round_trip(tmp_path: Path, db: str, suffix: str) -> None:
    path = workbook(tmp_path / "polres.xlsx", POLRES_HEADER, *polres_rows())
    done = run(tmp_path, "import", "incidents", str(path), "--db", db, "--dry-run")
    assert done.returncode == 0, done.stderr
    # The counts, then how rows are matched and their times read (as the wizard's preview).
    assert done.stdout.splitlines() == [
        "baru 2, berubah 0, tetap 0, ditolak 0",
        "Baris dicocokkan dengan kejadian tersimpan menurut waktu, wilayah dan jenis yang "
        "sama: yang cocok diperbarui atau dibiarkan, tidak digandakan; waktu tanpa zona dibaca "
        "dalam zona waktu operasi.",
    ]
    assert _incidents(db) == []
    done = run(tmp_path, "import", "incidents", str(path), "--db", db)
    assert done.returncode == 0, done.stderr
    assert [r[:2] for r in _incidents(db)] == [(1, "Bentrokan massa"), (2, "Politik uang")]
    out = tmp_path / f"kejadian{suffix}"
    done = run(tmp_path, "export", "incidents", "--out", str(out), "--db", db)
    assert done.returncode == 0, done.stderr
    before = _incidents(db)
    done = run(tmp_path, "import", "incidents", str(out), "--db", db, "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "new 0, changed 0, unchanged 2, rejected 0",
        "Rows are matched to stored incidents by NOMOR, else by the same time, region and "
        "type: a match is updated or left as it is, never doubled; times are UTC.",
    ]
    assert _incidents(db) == before
    assert before[0][-2:] == (-1_600_000, 103_600_000)


def test_every_refused_cell_is_named_and_nothing_is_saved(tmp_path: Path, db: str) -> None:
    body = polres_rows()
    body[0][1] = "31-02-2024"
    body[1][5] = "Desa Antah"
    path = workbook(tmp_path / "salah.xlsx", POLRES_HEADER, *body)
    errors = tmp_path / "ditolak.xlsx"
    done = run(tmp_path, "import", "incidents", str(path), "--db", db, "--errors", str(errors))
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "Kejadian!B6 \u201c31-02-2024\u201d: tanggal tidak sah.",
        "Kejadian!F7 \u201cDesa Antah\u201d: wilayah tidak dikenal (tulis nama atau kode "
        "Kemendagri desa, kecamatan atau kabupaten/kota operasi ini).",
        "2 baris ditolak (2 sel) di salah.xlsx, jadi tidak ada kejadian yang tersimpan; perbaiki "
        "sel itu lalu impor lagi.",
    ]
    assert _incidents(db) == []
    ws = load_workbook(errors).active
    assert ws is not None
    assert [row[1].value for row in ws.iter_rows(min_row=2)] == ["31-02-2024", "27-11-2024"]
    assert "tanggal tidak sah" in ws["B2"].comment.text
    assert "wilayah tidak dikenal" in ws["F3"].comment.text


def test_a_file_that_is_no_incident_log_is_refused_in_one_sentence(tmp_path: Path, db: str) -> None:
    empty = tmp_path / "kosong.csv"
    empty.write_bytes(b"")
    done = run(tmp_path, "import", "incidents", str(empty), "--db", db, "--dry-run")
    assert done.returncode != 0
    assert "kosong.csv" in one_sentence(done.stderr)
    other = workbook(tmp_path / "lain.xlsx", ["CATATAN", "PARAF"], ["apa saja", "x"])
    done = run(tmp_path, "import", "incidents", str(other), "--db", db, "--dry-run")
    assert done.returncode != 0
    assert one_sentence(done.stderr).startswith(
        "Di berkas lain.xlsx tidak ditemukan tabel kejadian"
    )
