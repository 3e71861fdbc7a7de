"""``opscenter import plotting FILE [--stage CODE] [--dry-run] [--errors OUT]`` as a user
runs it: real subprocesses on the small operation, the list the app itself writes
(``opscenter plot --out``) read back onto the same posts, a Polres's own layout row by row,
every refused cell named with nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from opscenter import operations
from opscenter.model import GuardAssignment, JournalTxn
from opscenter.plotting.plot import Plotting, plot, plotting
from opscenter.plotting.posts import form_posts
from opscenter.store import open_store
from tests.builders import ADMIN, build_small_operation
from tests.cli.test_cli import one_sentence, run
from tests.core.test_plot_import import _polres_workbook


@pytest.fixture
def db(sqlite_url: str) -> str:
    """The small operation of tests/builders.py, its voting-day posts formed and plotted."""
    store = open_store(sqlite_url)
    ids = build_small_operation(store)
    form_posts(store, ADMIN, ids.operation_id, ids.stages["pemungutan"])
    plot(store, ADMIN, ids.operation_id, ids.stages["pemungutan"])
    store.dispose()
    return sqlite_url


def _plotting(url: str) -> Plotting:
    store = open_store(url)
    try:
        with store.read() as s:
            op = operations.get_operation(s).id
            stage = next(st.id for st in operations.stages(s, op) if st.code == "pemungutan")
            return plotting(s, op, stage)
    finally:
        store.dispose()


def _state(url: str) -> tuple[dict[int, tuple[int, str, bool]], int]:
    """person -> (post, basis, locked), and how many journal transactions there are."""
    store = open_store(url)
    try:
        with store.read() as s:
            rows = {
                r.personnel_id: (r.post_id, r.basis, r.locked)
                for r in s.scalars(select(GuardAssignment))
            }
            return rows, int(s.scalar(select(func.count()).select_from(JournalTxn)) or 0)
    finally:
        store.dispose()


def test_the_plotting_list_written_by_plot_imports_back(tmp_path: Path, db: str) -> None:
    out = tmp_path / "plotting.xlsx"
    done = run(tmp_path, "plot", "--out", str(out), "--db", db)
    assert done.returncode == 0, done.stderr
    before, txns = _state(db)
    done = run(tmp_path, "import", "plotting", str(out), "--db", db, "--dry-run")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "Tahapan: Pemungutan suara."
    assert len(lines) == 22 and lines[-1] == "baru 0, berubah 20, tetap 0, ditolak 0"
    assert all(", kini dikunci." in line and line.startswith("Baris ") for line in lines[1:-1])
    assert _state(db) == (before, txns)  # a dry run writes nothing
    done = run(tmp_path, "import", "plotting", str(out), "--db", db)
    assert done.returncode == 0, done.stderr
    after, _txns = _state(db)
    assert {p: post for p, (post, _b, _l) in after.items()} == {
        p: post for p, (post, _b, _l) in before.items()
    }
    assert all(locked for _p, _b, locked in after.values())
    done = run(tmp_path, "import", "plotting", str(out), "--db", db, "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "new 0, changed 0, unchanged 20, rejected 0"


def test_a_polres_list_row_by_row(tmp_path: Path, db: str) -> None:
    p = _plotting(db)
    first, second = p.posts[0], p.posts[1]
    mover, fresh = second.officers[0].officer, p.reserve[0]
    t = first.post.tps[0]
    path = _polres_workbook(
        tmp_path / "plotting_polsek_a1.xlsx",
        [(first.post.kecamatan.upper(), [
            [1, t.desa.upper(), f"{t.number:03d}", mover.name, mover.rank, mover.nrp, None],
            [2, None, None, fresh.name.upper(), fresh.rank, None, None],
        ])],
    )  # fmt: skip
    done = run(tmp_path, "import", "plotting", str(path), "--db", db, "--stage", "pemungutan")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "Tahapan: Pemungutan suara.",
        f"Baris 8, {mover.nrp} {mover.name}: dipindah dari Pos 2 {first.post.kecamatan} ke "
        f"Pos 1 {first.post.kecamatan}.",
        f"Baris 9, {fresh.nrp} {fresh.name}: ditempatkan di Pos 1 {first.post.kecamatan}.",
        "baru 1, berubah 1, tetap 0, ditolak 0",
    ]
    rows, _txns = _state(db)
    assert rows[mover.id] == rows[fresh.id] == (first.post.id, "hand", True)


def test_refused_cells_are_named_and_nothing_is_written(tmp_path: Path, db: str) -> None:
    t = _plotting(db).posts[0].post.tps[0]
    path = _polres_workbook(
        tmp_path / "salah.xlsx",
        [("KECAMATAN A1", [
            [1, t.desa, t.number, "Personel 1", "Bripda", "90000001", None],
            [2, t.desa, t.number, None, None, "12345678", None],
            [3, "DESA B1X", t.number, "Personel 2", "Bripda", None, None],
        ])],
    )  # fmt: skip
    before = _state(db)
    errors = tmp_path / "ditolak.xlsx"
    done = run(tmp_path, "import", "plotting", str(path), "--db", db, "--errors", str(errors))
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        # The refused cell names its field; the desa's reason names it already.
        "Plotting!F9 (NRP/NIP) \u201c12345678\u201d: NRP ini tidak ada di daftar personel operasi.",
        "Plotting!B10 \u201cDESA B1X\u201d: desa/kelurahan tidak dikenal; maksudnya "
        "\u201cDesa B1a\u201d?",
        "2 baris ditolak (2 sel) di salah.xlsx, jadi tidak ada yang tersimpan; perbaiki sel itu "
        "lalu impor lagi.",
    ]
    assert _state(db) == before
    # The refused rows come back with their bad cells marked, as a roster's do.
    ws = load_workbook(errors).active
    assert ws is not None
    marked = [c for row in ws.iter_rows() for c in row if c.comment is not None]
    assert [c.value for c in marked] == ["12345678", "DESA B1X"]


def test_stage_refusals(tmp_path: Path, db: str) -> None:
    t = _plotting(db).posts[0].post.tps[0]
    path = _polres_workbook(
        tmp_path / "k.xlsx", [("KECAMATAN A1", [[1, t.desa, t.number, "Personel 1", None, None]])]
    )
    done = run(tmp_path, "import", "plotting", str(path), "--db", db, "--stage", "kampanye")
    assert done.returncode == 1
    assert "belum mempunyai pos pengamanan" in one_sentence(done.stderr)
    # --stage means nothing to another kind of list: said, not ignored.
    done = run(tmp_path, "import", "personnel", str(path), "--db", db, "--stage", "kampanye")
    assert done.returncode == 2
    assert "--stage: only for plotting lists" in done.stderr
