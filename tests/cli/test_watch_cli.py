"""``opscenter tps-status``, ``opscenter import watch`` and ``opscenter watch`` on the small
operation: one line per TPS recorded in the operation's zone, nothing else on stdout, the
core's sentence and exit status 1 on a refusal with nothing journaled; a post at once; the
import's dry run; the progress per Polres as the core counts it; on PostgreSQL as a named
account (an operator may, a commander may not)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from opscenter import cli
from opscenter.model import JournalTxn, Region, TpsWatch
from opscenter.plotting.posts import form_posts
from opscenter.store import open_store
from opscenter.watch import progress
from tests.builders import ADMIN, Small, build_small_operation
from tests.cli.test_cli import one_sentence, run
from tests.cli.test_cli_sign_in import _people, _secret, _txns

AT = "2024-11-27 05:40"


def _prepare(url: str) -> Small:
    store = open_store(url)
    try:
        ids = build_small_operation(store)
        with store.transaction(ADMIN, "test.setup") as s:
            desa = s.get(Region, ids.regions["A1a"])
            assert desa is not None
            desa.code = "15.01.01.2001"
        form_posts(store, ADMIN, ids.operation_id, ids.stages["pemungutan"])
        return ids
    finally:
        store.dispose()


@pytest.fixture
def db(sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The small operation in a SQLite file (no accounts: the workstation's user writes)."""
    _prepare(sqlite_url)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("OPSCENTER_LANG", "id")
    monkeypatch.delenv("OPSCENTER_USER", raising=False)
    monkeypatch.delenv("OPSCENTER_PASSWORD_FILE", raising=False)
    return sqlite_url


def _count(url: str) -> tuple[int, int]:
    """(watch rows, journal transactions)."""
    store = open_store(url)
    try:
        with store.read() as s:
            rows = s.scalar(select(func.count()).select_from(TpsWatch))
            txns = s.scalar(select(func.count()).select_from(JournalTxn))
            return int(rows or 0), int(txns or 0)
    finally:
        store.dispose()


def status(url: str, *args: str) -> int:
    return cli.main(["tps-status", "--db", url, *args])


def test_one_tps_is_recorded_in_one_line(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert status(db, "1501012001003", "tiba", "--at", AT) == 0
    out = capsys.readouterr()
    assert out.out == "TPS 003 Desa A1a: Petugas tiba 27-11-2024 05:40 WIB\n"
    assert out.err == ""
    assert _count(db)[0] == 1
    assert _txns(db)[-1][1] == "watch.record"
    # The same report again (a script run twice): recorded already, still exit 0.
    assert status(db, "15.01.01.2001-003", "1", "--at", AT, "--lang", "en") == 0
    assert capsys.readouterr().out == (
        "TPS 003 Desa A1a: Guards arrived 27-11-2024 05:40 WIB (already recorded)\n"
    )


def test_a_whole_post_at_once(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    # Post 3 of Kecamatan A1 holds TPS 10 and 11 of A1a (tests/core/test_posts.py).
    assert status(db, "--post", "A1 P3", "hitung", "--at", "2024-11-27 19:10") == 0
    assert capsys.readouterr().out.splitlines() == [
        "TPS 010 Desa A1a: Penghitungan selesai 27-11-2024 19:10 WIB",
        "TPS 011 Desa A1a: Penghitungan selesai 27-11-2024 19:10 WIB",
    ]


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (("1501012001099", "tiba", "--at", AT), "Tidak ada TPS \u201c1501012001099\u201d"),
        (("1501012001003", "apel", "--at", AT), "Langkah \u201capel\u201d tidak dikenal"),
        (("1501012001003", "pemungutan", "--at", AT), "cocok dengan beberapa langkah"),
        (("1501012001003", "tiba", "--at", "jam enam"), "Waktu \u201cjam enam\u201d tidak"),
        (("1501012001003", "tiba"), "jauh dari hari pemungutan"),  # now: years after
        (("1501012001003", "tiba", "--at", "2099-11-27 05:40"), "belum terjadi"),
        (("--post", "A1 P99", "tiba", "--at", AT), "Tidak ada pos \u201cA1 P99\u201d"),
    ],
    ids=["tps", "step", "ambiguous", "time", "far", "future", "post"],
)
def test_a_refusal_is_one_sentence_exit_1_and_nothing_written(
    db: str, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], sentence: str
) -> None:
    before = _count(db)
    assert status(db, *args) == 1
    out = capsys.readouterr()
    assert out.out == ""
    assert sentence in one_sentence(out.err)
    assert _count(db) == before


def test_a_missing_step_is_a_usage_error(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        status(db, "1501012001003")
    assert stopped.value.code == 2
    assert "tulis TPS dan langkahnya" in capsys.readouterr().err


def test_import_watch_dry_run_then_for_real(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "polres.csv"
    path.write_text(
        "KODE TPS;Petugas tiba;Pemungutan dimulai\n1501012001001;05:30;07:00\n"
        "1501012001002;05:45;\n",
        encoding="utf-8",
    )
    before = _count(db)
    assert cli.main(["import", "watch", str(path), "--db", db, "--dry-run"]) == 0
    said = capsys.readouterr().out
    assert "baru 2, berubah 0, tetap 0, ditolak 0" in said
    assert "Kolom langkah: B \u201cPetugas tiba\u201d = Petugas tiba" in said
    assert _count(db) == before
    assert cli.main(["import", "watch", str(path), "--db", db]) == 0
    capsys.readouterr()
    assert _count(db)[0] == 3
    assert _txns(db)[-1][1] == "import.watch"
    bad = tmp_path / "salah.csv"
    bad.write_text("KODE TPS;LANGKAH;JAM\n1501012001001;apel;05:00\n", encoding="utf-8")
    assert cli.main(["import", "watch", str(bad), "--db", db]) == 1
    err = capsys.readouterr().err
    assert "salah!B2: Langkah \u201capel\u201d tidak dikenal" in err
    assert "\u201capel\u201d: Langkah" not in err  # the value is quoted once
    assert _count(db)[0] == 3


def test_the_watch_per_polres_as_the_core_counts_it(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for args in (("1501012001001", "tiba"), ("1501012001002", "hitung"), ("B1a 1", "tiba")):
        assert status(db, *args, "--at", "2024-11-27 05:40") == 0
    capsys.readouterr()
    assert cli.main(["watch", "--db", db, "--kecamatan"]) == 0
    lines = capsys.readouterr().out.splitlines()
    store = open_store(db)
    try:
        with store.read() as s:
            w = progress.watch(s, 1)
    finally:
        store.dispose()
    assert lines[0].startswith("Operasi Uji uji \u2014 pemantauan TPS ")
    assert lines[1] == "  1 tiba: Petugas tiba (batas 06:00)"
    rows = {ln.split("  ")[0]: ln.split() for ln in lines if ln.startswith(("Polres", "Jumlah"))}
    pol = {a.name: a for a in w.polres}["Polres A"]
    # TPS, then per step its count and share, then disturbed and overdue.
    assert rows["Polres A"][2:] == [
        str(pol.total), "2", "(9%)", "1", "(5%)", "1", "(5%)", "1", "(5%)", "0", "(0%)",
        "0", "(0%)", "0", str(pol.overdue)]  # fmt: skip
    assert rows["Jumlah"][1:4] == [str(w.total), "3", f"({round(300 / w.total)}%)"]
    assert "  Kecamatan A1" in "\n".join(lines)


def test_a_script_gets_a_stable_exit_status(home: Path, db: str) -> None:
    """A real process, as a Polres's loop runs it: 0 and one line, then 1 and one sentence."""
    ok = run(home, "tps-status", "1501012001004", "tiba", "--at", AT, "--db", db)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout == "TPS 004 Desa A1a: Petugas tiba 27-11-2024 05:40 WIB\n"
    refused = run(home, "tps-status", "1501012001099", "tiba", "--at", AT, "--db", db)
    assert refused.returncode == 1 and refused.stdout == ""
    assert one_sentence(refused.stderr).startswith("Tidak ada TPS")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    h = tmp_path / "home"
    h.mkdir()
    return h


def test_postgres_records_as_the_named_operator_and_refuses_a_commander(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _prepare(pg_url)
    store = open_store(pg_url)
    try:
        _people(store)
    finally:
        store.dispose()
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("OPSCENTER_LANG", "id")
    secret = _secret(tmp_path)
    before = _txns(pg_url)
    assert status(pg_url, "1501012001001", "tiba", "--at", AT) == 1  # no account named
    assert "--user" in capsys.readouterr().err
    as_siti = ("--user", "siti", "--password-file", str(secret))
    assert status(pg_url, "1501012001001", "tiba", "--at", AT, *as_siti) == 1
    assert capsys.readouterr().err.strip() == "Peran commander tidak berwenang untuk tindakan ini."
    assert _txns(pg_url) == before
    as_andi = ("--user", "andi", "--password-file", str(secret))
    assert status(pg_url, "1501012001001", "tiba", "--at", AT, *as_andi) == 0
    assert capsys.readouterr().out == "TPS 001 Desa A1a: Petugas tiba 27-11-2024 05:40 WIB\n"
    assert _txns(pg_url)[-1] == ("andi", "watch.record")
    # Reading needs no account.
    assert cli.main(["watch", "--db", pg_url]) == 0
    assert "Polres A" in capsys.readouterr().out


def test_the_line_is_in_the_operations_own_zone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'wita.db'}"
    store = open_store(url)
    try:
        ids = build_small_operation(store, timezone="Asia/Makassar")
        with store.transaction(ADMIN, "test.setup") as s:
            desa = s.get(Region, ids.regions["B1a"])
            assert desa is not None
            desa.code = "73.71.01.1001"
    finally:
        store.dispose()
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("OPSCENTER_LANG", "id")
    assert status(url, "7371011001002", "mulai", "--at", "2024-11-27 07:15") == 0
    assert capsys.readouterr().out == (
        "TPS 002 Desa B1a: Pemungutan dimulai 27-11-2024 07:15 WITA\n"
    )
    store = open_store(url)
    try:
        with store.read() as s:
            at = s.scalars(select(TpsWatch.at)).one()
    finally:
        store.dispose()
    assert at.isoformat() == "2024-11-26T23:15:00+00:00"  # 07:15 WITA, stored in UTC
