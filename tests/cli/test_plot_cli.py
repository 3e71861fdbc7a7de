"""``opscenter plot`` on the Jambi demo: the summary on the terminal, the plotting list as a
PDF and a workbook, the slips, ``--unit``; ``--run`` as the signed-in account, journaled;
each refusal one Indonesian sentence, exit status 1, no file and nothing journaled."""

from __future__ import annotations

import shutil
from pathlib import Path

import pdfplumber
import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from opscenter import cli, operations
from opscenter.demo import load_demo
from opscenter.demo.builder import DEMO_PASSWORD
from opscenter.model import JournalTxn, Personnel
from opscenter.plotting.hand import place
from opscenter.plotting.lists import PlottingList, plotting_list, unit_named
from opscenter.plotting.posts import form_posts
from opscenter.store import open_store
from tests.builders import ADMIN, build_small_operation
from tests.cli.test_cli_sign_in import _people, _secret, _txns


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plot-cli") / "jambi.db"
    store = open_store(f"sqlite:///{path}")
    try:
        load_demo(store, "jambi")
    finally:
        store.dispose()
    return path


@pytest.fixture
def url(demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A copy of the demo of this test's own; logs go to this test's folder."""
    db = tmp_path / "db" / "jambi.db"
    db.parent.mkdir()
    shutil.copy(demo_file, db)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("OPSCENTER_LANG", "id")
    monkeypatch.delenv("OPSCENTER_USER", raising=False)
    monkeypatch.delenv("OPSCENTER_PASSWORD_FILE", raising=False)
    return f"sqlite:///{db}"


def signed_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo has accounts: a command that writes names one, its password in a 0600 file."""
    secret = tmp_path / "pass"
    secret.touch(mode=0o600)
    secret.write_text(DEMO_PASSWORD + "\n", encoding="utf-8")
    monkeypatch.setenv("OPSCENTER_USER", "jambi.admin")
    monkeypatch.setenv("OPSCENTER_PASSWORD_FILE", str(secret))


def run(url: str, *args: str) -> int:
    return cli.main(["plot", "--db", url, *args])


def listing(url: str, unit: str | None = None) -> PlottingList:
    store = open_store(url)
    try:
        with store.read() as s:
            op = operations.get_operation(s, None)
            stage = next(st for st in operations.stages(s, op.id) if st.code == "pemungutan")
            scope = unit_named(s, op.id, unit) if unit else None
            return plotting_list(s, op.id, stage.id, scope)
    finally:
        store.dispose()


def runs(url: str) -> list[tuple[str, str]]:
    store = open_store(url)
    try:
        with store.read() as s:
            return [
                (str(a), str(b))
                for a, b in s.execute(
                    select(JournalTxn.action, JournalTxn.actor).where(
                        JournalTxn.action == "plot.run"
                    )
                )
            ]
    finally:
        store.dispose()


def journal_size(url: str) -> int:
    store = open_store(url)
    try:
        with store.read() as s:
            return int(s.scalar(select(func.count()).select_from(JournalTxn)) or 0)
    finally:
        store.dispose()


def test_the_summary_per_kecamatan(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(url, "--stage", "pemungutan", "--unit", "POLRES-KERINCI") == 0
    lines = capsys.readouterr().out.splitlines()
    lst = listing(url, "polres-kerinci")
    assert lines[0] == (
        "Operasi Mantap Praja Siginjai 2024 \u2014 tahapan: Pemungutan suara \u2014 Polres Kerinci"
    )
    assert lines[1].split() == ["Kecamatan", "Polsek", "Pos", "Kebutuhan", "Ditempatkan",
                                "Kekurangan"]  # fmt: skip
    rows = {ln.split("  ")[0]: ln.split()[-4:] for ln in lines[3:] if ln.startswith("Kecamatan ")}
    assert len(rows) == len(lst.kecamatan)
    for k in lst.kecamatan:
        assert rows[k.kecamatan] == [str(len(k.posts)), str(k.needed), str(k.placed),
                                     str(k.deficit)], k.kecamatan  # fmt: skip
    total = next(ln for ln in lines if ln.startswith("Jumlah"))
    assert total.split()[1:] == [str(lst.posts), str(lst.needed), str(lst.placed),
                                 str(lst.deficit)]  # fmt: skip
    assert lines[-1] == f"Cadangan: {len(lst.reserve)} personel."
    assert lst.deficit > 0


def test_the_whole_operation_by_default_stage(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(url, "--lang", "en") == 0
    out = capsys.readouterr().out
    lst = listing(url)
    assert "stage: Pemungutan suara \u2014 All units" in out
    total = next(ln for ln in out.splitlines() if ln.startswith("Total"))
    assert total.split()[1:] == [f"{n:,}" for n in (lst.posts, lst.needed, lst.placed,
                                                     lst.deficit)]  # fmt: skip
    assert f"Reserve: {len(lst.reserve)} officers." in out


def test_the_list_as_pdf_and_as_workbook(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf, xlsx = tmp_path / "daftar.pdf", tmp_path / "daftar.xlsx"
    assert run(url, "--unit", "polsek-air-hangat", "--out", str(pdf)) == 0
    assert run(url, "--unit", "polsek-air-hangat", "--out", str(xlsx)) == 0
    said = capsys.readouterr().out
    assert f"Daftar plotting ditulis ke {pdf}." in said
    assert f"Daftar plotting ditulis ke {xlsx}." in said
    lst = listing(url, "polsek-air-hangat")
    for f in (pdf, xlsx):
        assert f.stat().st_mode & 0o777 == 0o600  # it names people and their phones
    with pdfplumber.open(pdf) as doc:
        text = "\n".join(p.extract_text() or "" for p in doc.pages)
        assert all("TERBATAS" in (p.extract_text() or "") for p in doc.pages)
    assert "Satuan : Polsek Air Hangat" in text
    assert "KECAMATAN AIR HANGAT \u2014 POLSEK AIR HANGAT (POLRES KERINCI)" in text
    assert all(g.nrp in text for k in lst.kecamatan for p in k.posts for g in p.guards)
    rows = list(load_workbook(xlsx).active.iter_rows(values_only=True))
    assert rows[3][0] == "Satuan: Polsek Air Hangat"
    nrps = {r[6] for r in rows if isinstance(r[3], int) and r[6]}
    assert nrps == {g.nrp for k in lst.kecamatan for p in k.posts for g in p.guards}


def test_the_slips_of_a_polres(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sprin.pdf"
    assert run(url, "--unit", "polres-kerinci", "--slips", "--out", str(out)) == 0
    lst = listing(url, "polres-kerinci")
    assert f"Surat penugasan {lst.placed} personel ditulis ke {out}." in capsys.readouterr().out
    assert out.stat().st_mode & 0o777 == 0o600
    with pdfplumber.open(out) as doc:
        assert len(doc.pages) == (lst.placed + 1) // 2
        first = doc.pages[0].extract_text() or ""
    assert "LAMPIRAN SURAT PERINTAH" in first and "PENUGASAN PENGAMANAN TPS" in first


def test_run_plots_first_as_the_signed_in_account(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = listing(url)
    # One officer of Polres Bungo taken off his post by hand: the run puts him back.
    nrp = listing(url, "polres-bungo").kecamatan[0].posts[0].guards[-1].nrp
    store = open_store(url)
    try:
        with store.read() as s:
            op = operations.get_operation(s, None)
            stage = next(st for st in operations.stages(s, op.id) if st.code == "pemungutan")
            pid = s.scalar(select(Personnel.id).where(Personnel.nrp == nrp))
            assert pid is not None
        place(store, ADMIN, op.id, stage.id, pid, None)
    finally:
        store.dispose()
    assert listing(url).placed == before.placed - 1
    signed_in(tmp_path, monkeypatch)
    assert run(url, "--run", "--unit", "polres-bungo") == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == (
        f"Plotting dijalankan: {before.placed - 1} tetap, 1 ditempatkan, 0 dilepas; cadangan "
        f"{len(before.reserve)}, kekurangan {before.deficit}."
    )
    assert runs(url) == [("plot.run", "jambi.admin")]
    after = listing(url)
    assert (after.placed, after.deficit, len(after.reserve)) == (
        before.placed,
        before.deficit,
        len(before.reserve),
    )
    assert nrp in {g.nrp for k in after.kecamatan for p in k.posts for g in p.guards}
    assert "\u2014 Polres Bungo" in out.splitlines()[1]  # then the unit's summary


def test_run_without_an_account_is_refused_and_changes_nothing(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    size = journal_size(url)
    assert run(url, "--run") == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "--user" in err, err
    assert journal_size(url) == size and runs(url) == []


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--stage", "pemungutan-ulang"], "Tahapan pemungutan-ulang tidak ada dalam operasi ini"),
        (["--unit", "polsek-atlantis"], "Satuan polsek-atlantis tidak ada dalam operasi ini"),
        (["--out", "{tmp}/daftar.docx"], "daftar plotting ditulis sebagai .pdf atau .xlsx"),
        (["--slips", "--out", "{tmp}/sprin.xlsx"], "hanya ditulis sebagai .pdf"),
        (["--slips"], "perlu berkas tujuan: tambahkan --out NAMA.pdf"),
        (["--out", "{tmp}/tidak-ada/daftar.pdf"], "tidak ada; laporan tidak ditulis"),
        (["--out", "{tmp}/folder.xlsx"], "tidak dapat ditulis"),
        (["--classification", "RAHASIA BANGET"], "SANGAT RAHASIA, RAHASIA, TERBATAS atau BIASA"),
        (["--operation", "tidak-ada"], "tidak ditemukan"),
    ],
)
def test_each_refusal_is_one_sentence_no_file_and_no_run(
    url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    words: str,
) -> None:
    (tmp_path / "folder.xlsx").mkdir()
    signed_in(tmp_path, monkeypatch)

    def files() -> list[Path]:
        skip = {"state", "db"}  # logs; the database's own side files
        return sorted(
            p for p in tmp_path.rglob("*") if not skip & set(p.relative_to(tmp_path).parts)
        )

    before, size = files(), journal_size(url)
    assert run(url, "--run", *(a.format(tmp=tmp_path) for a in args)) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.endswith("."), err
    assert words in err, err
    assert files() == before
    assert journal_size(url) == size


def test_a_refusal_speaks_english_when_asked(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(url, "--unit", "polsek-atlantis", "--lang", "en") == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("There is no unit polsek-atlantis in this operation; choose the code")
    assert "polres-kerinci" in err


# --- PostgreSQL: --run signs in as a named account, as every command that writes ---------------


@pytest.fixture
def pg(pg_url: str) -> str:
    """The small operation on PostgreSQL with its posts formed, not yet plotted, and one
    account of each role."""
    store = open_store(pg_url)
    try:
        ids = build_small_operation(store)
        form_posts(store, ADMIN, ids.operation_id, ids.stages["pemungutan"])
        _people(store)
    finally:
        store.dispose()
    return pg_url


def test_postgres_run_as_staff_is_journaled_and_an_operator_is_refused(
    pg: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("OPSCENTER_LANG", "id")
    secret = _secret(tmp_path)
    before = _txns(pg)
    assert run(pg, "--stage", "pemungutan", "--run") == 1  # no account named
    assert "--user" in capsys.readouterr().err
    as_andi = ("--user", "andi", "--password-file", str(secret))
    assert run(pg, "--stage", "pemungutan", "--run", *as_andi) == 1
    err = capsys.readouterr().err.strip()
    assert err == "Peran operator tidak berwenang untuk tindakan ini."
    assert _txns(pg) == before
    assert listing(pg).placed == 0

    as_budi = ("--user", "budi", "--password-file", str(secret))
    assert run(pg, "--stage", "pemungutan", "--run", *as_budi) == 0
    out = capsys.readouterr().out
    # Hand-checked in tests/core/test_plotting.py: 20 placed, 31 in reserve, none short.
    assert out.splitlines()[0] == (
        "Plotting dijalankan: 0 tetap, 20 ditempatkan, 0 dilepas; cadangan 31, kekurangan 0."
    )
    assert _txns(pg)[-1] == ("budi", "plot.run")
    assert listing(pg).placed == 20
    # Reading needs no account.
    assert run(pg, "--stage", "pemungutan", "--unit", "pa") == 0
    assert "Polres A" in capsys.readouterr().out
