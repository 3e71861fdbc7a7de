"""Issue 19, point 2: every file the program writes is 0600 and every folder it makes is 0700,
whatever the umask. Real files under umask 022 (the usual default, which would give 0644 and
0755), one test per kind of file."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from alembic import command

from opscenter import audit, migrations, planning, sitrep
from opscenter.roster import errors_xlsx, export, template
from opscenter.roster.classify import prepare
from opscenter.roster.preview import Options
from opscenter.store import Store, default_sqlite_path, open_store, sqlite_companions
from tests.builders import Small, build_small_operation

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")

OPSCENTER = str(Path(sys.executable).with_name("opscenter"))


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def small(tmp_path: Path) -> Iterator[tuple[Store, Small]]:
    store = open_store(f"sqlite:///{tmp_path / 'ops.db'}")
    try:
        yield store, build_small_operation(store)
    finally:
        store.dispose()


def test_a_new_database_in_the_data_folder_is_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("OPSCENTER_DB", raising=False)
    path = default_sqlite_path()
    assert not path.parent.exists()
    store = open_store(None)
    try:
        build_small_operation(store)  # a write: the WAL and shared memory exist now
        wal, shm, _journal = sqlite_companions(path)
        assert wal.exists() and shm.exists()
        assert mode(path.parent) == 0o700
        assert (mode(path), mode(wal), mode(shm)) == (0o600, 0o600, 0o600)
    finally:
        store.dispose()


def test_a_new_database_anywhere_is_private(tmp_path: Path) -> None:
    path = tmp_path / "ruang-komando.db"
    store = open_store(str(path))
    try:
        build_small_operation(store)
        wal, shm, _journal = sqlite_companions(path)
        assert (mode(path), mode(wal), mode(shm)) == (0o600, 0o600, 0o600)
    finally:
        store.dispose()


def test_a_database_an_older_version_left_open_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / "lama.db"
    open_store(str(path)).dispose()
    os.chmod(path, 0o644)
    assert mode(path) == 0o644
    open_store(str(path)).dispose()
    assert mode(path) == 0o600


def test_backups_and_the_copy_before_a_migration_are_private(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, _ids = small
    dest = store.backup(tmp_path / "cadangan.db")
    assert mode(dest) == 0o600
    cfg = migrations.config()
    with migrations.migrating(store) as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    path = store.sqlite_path
    assert path is not None
    store.dispose()
    open_store(str(path)).dispose()  # migrates, copying the file first
    (copy,) = tmp_path.glob("ops.db.sebelum-*.bak")
    assert mode(copy) == 0o600


def test_logs_are_private(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPSCENTER_", "XDG_"))}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "d"), XDG_STATE_HOME=str(home / "s"))
    done = subprocess.run(
        [OPSCENTER, "journal", "--db", str(tmp_path / "tidak-ada.db")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    log = home / "s" / "OpsCenter" / "log" / "opscenter.log"
    assert "refused" in log.read_text(encoding="utf-8")
    assert mode(log) == 0o600
    assert (mode(log.parent), mode(log.parent.parent)) == (0o700, 0o700)


def test_reports_are_private(tmp_path: Path) -> None:
    # The saved report, the scheduled reports and the command line all write through this.
    out = sitrep.write_atomically(tmp_path / "laphar.pdf", b"%PDF-1.4 uji")
    assert mode(out) == 0o600


@pytest.mark.parametrize("kind", ["personnel", "tps", "incidents"])
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_exports_are_private(
    small: tuple[Store, Small], tmp_path: Path, kind: str, suffix: str
) -> None:
    store, _ids = small
    out = tmp_path / f"ekspor{suffix}"
    export.write(store, kind, out)
    assert mode(out) == 0o600


def test_an_export_over_an_open_file_makes_it_private(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, _ids = small
    out = tmp_path / "ekspor.csv"
    out.write_text("lama")
    os.chmod(out, 0o644)
    export.write(store, "personnel", out)
    assert mode(out) == 0o600


def test_templates_and_error_workbooks_are_private(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, _ids = small
    assert mode(template.write("personnel", tmp_path / "templat.xlsx", store)) == 0o600
    source = tmp_path / "roster.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["NRP", "NAMA", "PANGKAT", "SATUAN"])
    ws.append(["7501", "Budi", "Bripda", "Polsek A1"])  # a malformed NRP: rejected
    wb.save(source)
    preview = prepare(store, source, Options("personnel"))
    assert preview.counts["rejected"] == 1
    out = tmp_path / "ditolak.xlsx"
    errors_xlsx.write(preview, out)
    assert mode(out) == 0o600


def test_audit_exports_are_private(small: tuple[Store, Small], tmp_path: Path) -> None:
    store, _ids = small
    out = tmp_path / "audit.xlsx"
    assert audit.export_xlsx(audit.iter_rows(store, audit.AuditFilter()), out) > 0
    assert mode(out) == 0o600
    assert not list(tmp_path.glob("*.part"))


def test_planning_workbooks_are_private(small: tuple[Store, Small], tmp_path: Path) -> None:
    store, ids = small
    stage = next(iter(ids.stages.values()))
    matrix = tmp_path / "kerawanan.xlsx"
    plan_out = tmp_path / "rencana.xlsx"
    with store.read() as s:
        planning.export_matrix(s, ids.operation_id, matrix)
        plan = planning.plan(planning.load_base(s, ids.operation_id, stage))
    planning.write_plan(plan, plan_out, "Operasi Uji")
    assert (mode(matrix), mode(plan_out)) == (0o600, 0o600)


def test_the_umask_is_what_would_have_leaked(tmp_path: Path) -> None:
    """The fixture's umask really gives 0644 to a file made the ordinary way."""
    plain = tmp_path / "biasa.txt"
    plain.write_text("x")
    assert mode(plain) == 0o644
