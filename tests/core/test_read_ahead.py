"""The command line's read-ahead (``opscenter.launch`` starting
``opscenter.roster.reading.read_ahead``): the workbook is parsed while the program loads,
and what is read is exactly what an ordinary open reads, or nothing when the file changed."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from opscenter.cli import build_parser
from opscenter.launch import _WITH_VALUE, import_target
from opscenter.roster import reading
from opscenter.roster.errors import RosterError
from opscenter.roster.reading import open_source, read_ahead
from tests.core.test_roster_import import xlsx

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "spreadsheets"


@pytest.fixture(autouse=True)
def no_read_ahead_left() -> Iterator[None]:
    yield
    reading._AHEAD = None  # a test that refused before claiming leaves none to the next


def workbook(path: Path, rows: list[list[object]]) -> Path:
    """A sheet "Personel" of ``rows`` and a hidden sheet beside it."""
    xlsx(path, rows, "Personel")
    wb = openpyxl.load_workbook(path)
    hidden = wb.create_sheet("Catatan")
    hidden.append(["tidak dibaca"])
    hidden.sheet_state = "hidden"
    wb.save(path)
    return path


def everything(path: Path) -> object:
    """Every visible sheet's rows as an ordinary open reads them, or the refusal's reason."""
    try:
        with open_source(path) as source:
            return (
                source.path,
                source.facts,
                [(s.name, list(source.rows(s.name))) for s in source.sheets if s.visible],
            )
    except RosterError as exc:
        return exc.reason


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["import", "personnel", "r.xlsx"], (Path("r.xlsx"), None)),
        (["--db", "x.db", "import", "tps", "t.xlsx", "--sheet", "TPS 1"],
         (Path("t.xlsx"), "TPS 1")),
        (["import", "--sheet=S", "--dry-run", "units", "u.ods", "--errors", "e.xlsx"],
         (Path("u.ods"), "S")),
        (["--lang", "en", "import", "--", "personnel", "-r.xlsx"], (Path("-r.xlsx"), None)),
        (["export", "personnel", "r.xlsx"], None),
        (["import", "personnel"], None),
        (["--db", "import", "personnel", "r.xlsx"], None),  # "import" is --db's value here
        ([], None),
    ],
)  # fmt: skip
def test_the_file_of_an_import_is_found_without_the_parser(
    argv: list[str], expected: tuple[Path, str | None] | None
) -> None:
    assert import_target(argv) == expected


def test_the_scan_knows_every_option_of_import_that_takes_a_value() -> None:
    """``import_target`` keeps its own list of the options that take a value (the parser
    needs the whole program): it must be the parser's, or a value would be read as the
    file."""
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))

    def taking_a_value(p: argparse.ArgumentParser) -> set[str]:
        return {
            o for a in p._actions if a.option_strings and a.nargs != 0 for o in a.option_strings
        }

    assert taking_a_value(parser) | taking_a_value(commands.choices["import"]) == set(_WITH_VALUE)


def test_what_is_read_ahead_is_what_an_open_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [["NRP", "NAMA"], [75010001, "Andi"], [75010002, None], [None, None], ["x", 1.5]]
    workbook(tmp_path / "r.xlsx", rows)
    monkeypatch.chdir(tmp_path)
    relative = Path("r.xlsx")
    plain = everything(relative)
    with open_source(relative) as source:
        height = source.row_count("Personel")
    assert read_ahead(relative)
    with open_source(relative) as source:
        assert source.parsed == ("Personel",)  # parsed ahead: the hidden sheet was not
        assert source.path == relative  # named as given, not as resolved
        assert source.row_count("Personel") == height
    assert read_ahead(relative)
    assert everything(relative) == plain
    # Taken once: the next open reads the file itself.
    with open_source(relative) as source:
        assert source.parsed == ()
    assert everything(relative) == plain


def test_the_named_sheet_alone_is_read_ahead(tmp_path: Path) -> None:
    path = workbook(tmp_path / "r.xlsx", [["NRP"], [1]])
    assert read_ahead(path, "Catatan")
    with open_source(path) as source:
        assert source.parsed == ("Catatan",)
        assert list(source.rows("Personel")) == [(0, 0, ["NRP"]), (1, 0, [1])]


def test_a_file_changed_after_the_read_ahead_is_read_again(tmp_path: Path) -> None:
    path = workbook(tmp_path / "r.xlsx", [["NRP"], [1]])
    assert read_ahead(path)
    ahead = reading._AHEAD
    assert ahead is not None
    ahead.thread.join()  # read in full: only the change can make it stale
    stamp = path.stat().st_mtime_ns
    workbook(path, [["NRP"], [2]])
    os.utime(path, ns=(stamp + 1_000_000_000, stamp + 1_000_000_000))
    with open_source(path) as source:
        assert source.parsed == ()
        assert list(source.rows("Personel")) == [(0, 0, ["NRP"]), (1, 0, [2])]


def test_another_file_does_not_take_the_read_ahead(tmp_path: Path) -> None:
    first = workbook(tmp_path / "a.xlsx", [["NRP"], [1]])
    other = workbook(tmp_path / "b.xlsx", [["NRP"], [2]])
    assert read_ahead(first)
    with open_source(other) as source:
        assert source.parsed == ()
        assert list(source.rows("Personel"))[1] == (1, 0, [2])
    with open_source(first) as source:
        assert source.parsed == ("Personel",)


def test_what_is_not_a_workbook_is_not_read_ahead(tmp_path: Path) -> None:
    (tmp_path / "r.csv").write_text("NRP,NAMA\n1,Andi\n")
    assert not read_ahead(tmp_path / "r.csv")
    assert not read_ahead(tmp_path / "missing.xlsx")
    assert not read_ahead(tmp_path)


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda p: p.write_bytes(b"%PDF-1.5\n"), id="pdf"),
        pytest.param(lambda p: p.write_bytes(b"PK\x03\x04" + b"\x00" * 64), id="broken-zip"),
        pytest.param(lambda p: p.write_bytes(b""), id="empty"),
    ],
)
def test_a_refused_file_is_refused_alike(tmp_path: Path, make: object) -> None:
    path = tmp_path / "x.xlsx"
    make(path)  # type: ignore[operator]
    plain = everything(path)
    assert isinstance(plain, str)
    read_ahead(path)
    assert everything(path) == plain


def corpus_books() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.iterdir() if p.suffix.lower() in reading.WORKBOOK_SUFFIXES)


def test_every_corpus_workbook_reads_alike_with_and_without_the_read_ahead() -> None:
    books = corpus_books()
    if not books:
        pytest.skip(f"corpus not found at {CORPUS} (CI clones shared/ beside the repository)")
    for path in books:
        plain = everything(path)
        assert read_ahead(path)
        assert everything(path) == plain, path.name


def test_only_the_first_visible_sheet_is_read_ahead(tmp_path: Path) -> None:
    """A workbook of one sheet per kecamatan is not held whole: the sheet guess reads the
    others one at a time, as without the read-ahead."""
    path = workbook(tmp_path / "r.xlsx", [["NRP"], [1]])
    wb = openpyxl.load_workbook(path)
    for name in ("Kec. Siulak", "Kec. Gunung Raya"):
        wb.create_sheet(name).append(["NRP", name])
    wb.save(path)
    plain = everything(path)
    assert read_ahead(path)
    with open_source(path) as source:
        assert source.parsed == ("Personel",)
    assert read_ahead(path)
    assert everything(path) == plain


def test_a_read_ahead_nobody_claimed_is_closed_when_another_begins(tmp_path: Path) -> None:
    first = workbook(tmp_path / "a.xlsx", [["NRP"], [1]])
    assert read_ahead(first)
    earlier = reading._AHEAD
    assert earlier is not None
    earlier.thread.join()
    assert earlier.source is not None and earlier.source.parsed == ("Personel",)
    assert read_ahead(workbook(tmp_path / "b.xlsx", [["NRP"], [2]]))
    assert earlier.dropped and earlier.source is None
    with open_source(first) as source:  # read by itself, not from the one let go
        assert source.parsed == ()
