"""``opscenter import | template | export`` as a user runs them: real subprocesses, one
summary line, a non-zero exit when the file is refused or nothing could be imported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from opscenter.store import open_store
from tests.builders import build_small_operation

OPSCENTER = str(Path(sys.executable).with_name("opscenter"))


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPSCENTER_", "XDG_"))}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "d"), XDG_STATE_HOME=str(home / "s"))
    return subprocess.run(
        [OPSCENTER, *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'ops.db'}"
    store = open_store(url)
    try:
        build_small_operation(store)
    finally:
        store.dispose()
    return url


def roster(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Personel"
    ws.append(["NRP", "NAMA", "PANGKAT", "SATUAN"])
    ws.append([75010001, "Andi Saputra", "Bripda", "Polsek A1"])
    ws.append(["7501", "Budi", "Bripda", "Polsek A1"])
    wb.save(path)
    return path


def test_import_dry_run_then_import_then_again(tmp_path: Path, db: str) -> None:
    path = roster(tmp_path / "r.xlsx")
    errors = tmp_path / "ditolak.xlsx"
    done = run(tmp_path, "import", "personnel", str(path), "--db", db, "--dry-run",
               "--errors", str(errors))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "baru 1, berubah 0, tetap 0, ditolak 1"
    ws = openpyxl.load_workbook(errors).active
    assert ws["A2"].value == "7501" and "NRP/NIP" in ws["A2"].comment.text
    done = run(tmp_path, "import", "personnel", str(path), "--db", db, "--sheet", "Personel")
    assert done.stdout.strip() == "baru 1, berubah 0, tetap 0, ditolak 1"
    done = run(tmp_path, "import", "personnel", str(path), "--db", db)
    assert done.stdout.strip() == "baru 0, berubah 0, tetap 1, ditolak 1"
    assert done.returncode == 0


def test_refused_file_exits_non_zero_with_one_sentence(tmp_path: Path, db: str) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"%PDF-1.5\n")
    done = run(tmp_path, "import", "tps", str(path), "--db", db)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.strip().count("\n") == 0 and "bukan lembar kerja" in done.stderr
    assert "Traceback" not in done.stderr


def test_nothing_importable_exits_non_zero(tmp_path: Path, db: str) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(["NRP", "NAMA", "SATUAN"])
    wb.active.append(["12", "Budi", "pa"])
    wb.save(tmp_path / "buruk.xlsx")
    done = run(tmp_path, "import", "personnel", str(tmp_path / "buruk.xlsx"), "--db", db)
    assert done.returncode == 1
    assert done.stdout.strip() == "baru 0, berubah 0, tetap 0, ditolak 1"


def test_template_and_export(tmp_path: Path, db: str) -> None:
    out = tmp_path / "templat.xlsx"
    assert run(tmp_path, "template", "tps", "--out", str(out)).returncode == 0
    assert openpyxl.load_workbook(out)["Data"]["D1"].value == "NO TPS"
    for kind, name in (("personnel", "p.csv"), ("tps", "t.xlsx"), ("incidents", "i.xlsx")):
        done = run(tmp_path, "export", kind, "--db", db, "--out", str(tmp_path / name))
        assert done.returncode == 0, done.stderr
    back = run(tmp_path, "import", "personnel", str(tmp_path / "p.csv"), "--db", db)
    assert back.stdout.strip() == "baru 0, berubah 0, tetap 53, ditolak 0"
    back = run(tmp_path, "import", "tps", str(tmp_path / "t.xlsx"), "--db", db)
    assert back.stdout.strip() == "baru 0, berubah 0, tetap 27, ditolak 0"


def test_the_command_line_speaks_the_language_asked_for(tmp_path: Path, db: str) -> None:
    """The import's counts and argparse's refusal follow --lang, given before parsing."""
    path = roster(tmp_path / "r.xlsx")
    done = run(tmp_path, "--lang", "en", "import", "personnel", str(path), "--db", db,
               "--dry-run")  # fmt: skip
    assert done.stdout.strip() == "new 1, changed 0, unchanged 0, rejected 1"
    done = run(tmp_path, "--lang", "en", "import", "nothing-of-this-kind", str(path))
    assert done.returncode == 2
    assert "opscenter: bad arguments:" in done.stderr and "argumen salah" not in done.stderr
