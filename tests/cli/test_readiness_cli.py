"""``opscenter readiness``: the matrix as a table on the terminal, the report as a PDF, the
matrix as a workbook; each refusal one sentence, exit status 1 and no file."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from opscenter import cli
from opscenter.store import open_store
from tests.reports.test_readiness_pdf import Fixture, judged_small_operation


@pytest.fixture(scope="module")
def fx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fixture]:
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('readiness-cli') / 'uji.db'}")
    try:
        yield judged_small_operation(store)
    finally:
        store.dispose()


@pytest.fixture
def url(fx: Fixture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The database's address; logs go to this test's own folder."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("OPSCENTER_LANG", "id")
    return str(fx.store.url.render_as_string(hide_password=False))


def run(url: str, *args: str) -> int:
    return cli.main(["readiness", "--db", url, *args])


def test_the_table_on_the_terminal(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(url) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Operasi Uji uji \u2014 tahapan: Pemungutan suara")
    head = lines[1].split()
    assert head[:4] == ["Satuan", "personel", "sarpras", "anggaran"]
    rows = {ln.split("  ")[0]: ln.split()[2:] for ln in lines if ln.startswith("Polres")}
    # Polres A: the data only (small letters); Polres B: three aspects judged (capitals).
    assert rows["Polres A"] == [
        "siap",
        "\u2013",
        "\u2013",
        "\u2013",
        "\u2013",
        "\u2013",
        "\u2013",
        "\u2013",
    ]
    assert rows["Polres B"] == [
        "siap",
        "\u2013",
        "\u2013",
        "SIAP",
        "CATATAN",
        "BELUM",
        "\u2013",
        "\u2013",
    ]
    polda = next(ln for ln in lines if ln.startswith("POLDA (terburuk)"))
    assert polda.split()[2:8] == ["SIAP", "\u2013", "\u2013", "SIAP", "CATATAN", "BELUM"]
    assert "Tindak lanjut temuan lewat waktu: 0." in lines


def test_as_of_a_past_day_judges_and_dates_the_matrix_on_it(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A past operation's readiness as it stood: the day heads the table, dates the report
    and numbers it; without --as-of, today in the operation's zone."""
    assert run(url, "--as-of", "2024-11-20") == 0
    assert capsys.readouterr().out.splitlines()[0].endswith("\u2014 20 November 2024")
    out = tmp_path / "kesiapan.pdf"
    assert run(url, "--as-of", "2024-11-20T23:30+00:00", "--out", str(out)) == 0
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    # 23:30 UTC on the 20th is the 21st in Jakarta; the number carries its month and year.
    assert "21 November 2024" in text and "/XI/2024" in text
    with pytest.raises(SystemExit) as refused:  # a bad value: exit 2, as argparse's own
        run(url, "--as-of", "kemarin")
    assert refused.value.code == 2
    assert "tulis tanggal atau waktu" in capsys.readouterr().err


def test_one_unit_adds_its_details(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(url, "--unit", "PB", "--lang", "en") == 0
    out = capsys.readouterr().out
    assert "Polres B: NOT READY" in out
    assert "  Command posts: NOT READY \u2014 Genset posko rusak berat" in out
    assert "Judged by bagops.uji" in out
    assert "[what the data says: ready. 6 police needed, 9 available: sufficient.]" in out


def test_the_report_as_pdf_with_one_unit(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "kesiapan.pdf"
    assert run(url, "--unit", "pa", "--out", str(out), "--number", "R/17/XI/2024") == 0
    assert f"Laporan kesiapan R/17/XI/2024 ditulis ke {out}." in capsys.readouterr().out
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")[:-1]
    assert len(pages) == 2  # the summary, then Polres A's page only
    assert "KESIAPAN POLRES A" in pages[1] and "Polres B" in pages[0]
    assert all("R/17/XI/2024" in p and "TERBATAS" in p for p in pages)
    assert out.stat().st_mode & 0o777 == 0o600  # it names people: private, as every export


def test_the_matrix_as_a_workbook(
    url: str, fx: Fixture, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "kesiapan.xlsx"
    assert run(url, "--out", str(out), "--stage", "kampanye") == 0
    assert f"Matriks kesiapan ditulis ke {out}." in capsys.readouterr().out
    assert out.stat().st_mode & 0o777 == 0o600
    wb = load_workbook(out)
    matrix, cells = wb.worksheets
    rows = list(matrix.iter_rows(values_only=True))
    assert rows[0][:5] == ("Satuan", "Kode", "Personel", "Sarana prasarana", "Anggaran")
    assert [r[0] for r in rows[1:]] == [
        "Polres A",
        "Polres B",
        "Sat Brimob",
        "Satgas Preventif",
        "POLDA (terburuk)",
    ]
    # Campaign stage: Polres A has 11 of the 14 it needs (no BKO yet) -> belum siap.
    assert rows[1][2] == "belum siap" and rows[2][2] == "siap"
    assert rows[2][5:8] == ("siap", "siap dengan catatan", "belum siap")
    assert rows[-1][2] == "belum siap" and rows[-1][7] == "belum siap"
    judged = list(cells.iter_rows(values_only=True))
    assert judged[0] == (
        "Satuan",
        "Kode",
        "Aspek",
        "Tingkat",
        "Penilaian",
        "Catatan",
        "Bukti",
        "Dinilai oleh",
        "Waktu penilaian (WIB)",
        "Menurut data",
        "Alasan menurut data",
    )
    # Every cell of the matrix: 4 units x 8 aspects.
    assert len(judged) == 1 + 4 * 8
    posko = next(r for r in judged if r[0] == "Polres B" and r[2] == "Posko")
    assert posko[3:8] == (
        "belum siap",
        "belum siap",
        "Genset posko rusak berat; diganti paling lambat 22/11",
        "foto 19/11",
        "bagops.uji",
    )
    assert isinstance(posko[8], datetime)
    personel = next(r for r in judged if r[0] == "Polres A" and r[2] == "Personel")
    assert personel[3:5] == ("belum siap", None)
    assert personel[9:] == ("belum siap", "Kebutuhan 14 personel, tersedia 11: kurang 3.")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--unit", "polsek-a1"], "Satuan polsek-a1 tidak ada dalam matriks kesiapan"),
        (["--stage", "kampanye-akbar"], "Tahapan kampanye-akbar tidak ada dalam operasi ini"),
        (["--out", "{tmp}/kesiapan.docx"], "ditulis sebagai .pdf dan matriksnya sebagai .xlsx"),
        (["--out", "{tmp}/tidak-ada/kesiapan.pdf"], "tidak ada; laporan tidak ditulis"),
        (["--out", "{tmp}/folder.xlsx"], "tidak dapat ditulis"),
        (["--classification", "RAHASIA BANGET"], "SANGAT RAHASIA, RAHASIA, TERBATAS atau BIASA"),
        (["--operation", "tidak-ada"], "tidak ditemukan"),
    ],
)
def test_each_refusal_is_one_sentence_and_no_file(
    url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    words: str,
) -> None:
    (tmp_path / "folder.xlsx").mkdir()

    def files() -> list[Path]:
        return sorted(
            p for p in tmp_path.rglob("*") if "state" not in p.relative_to(tmp_path).parts
        )

    before = files()
    assert run(url, *(a.format(tmp=tmp_path) for a in args)) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.endswith("."), err
    assert words in err, err
    assert files() == before


def test_a_refusal_speaks_english_when_asked(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(url, "--unit", "polsek-a1", "--lang", "en") == 1
    err = capsys.readouterr().err.strip()
    assert err == (
        "There is no unit polsek-a1 in the readiness matrix; choose one of these codes: "
        "pa, pb, brimob, satgas."
    )
