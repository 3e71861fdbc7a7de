"""Reading workbooks (python-calamine: xlsx, xlsm, xlsb, xls, ods) and CSV (stdlib).

Every way a file can fail to open ends as a ``RosterError`` with a reason, never as the
parser's own exception: python-calamine is a native parser and a damaged file may make
it raise anything (including a Rust panic, which is a ``BaseException``).

Memory: calamine holds one sheet at a time (its cells, not Python objects); rows become
Python lists only while they are iterated. CSV is streamed.

``read_ahead`` lets the command line parse a workbook on a thread of its own while the rest
of the program loads (calamine parses without holding the GIL); the first ``open_source`` of
the same, unchanged file takes what it read.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import hashlib
import io
import stat
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from opscenter.formulas import csv_value
from opscenter.progress import Cancelled
from opscenter.roster.errors import RosterError

Cell = str | int | float | bool | date | datetime | time | timedelta | None

# Bigger files are refused before parsing: a roster of 1,000,000 rows is about 60 MB.
MAX_FILE_BYTES = 512 * 1024 * 1024
# A zip whose members claim more than this is a decompression bomb, not a roster.
MAX_UNZIPPED_BYTES = 4 * 1024 * 1024 * 1024
# Excel's own row limit, with room for title rows; CSV has no limit of its own.
MAX_ROWS = 1_100_000
# A CSV field longer than this is not a roster cell (Excel's cell limit is 32,767).
MAX_CSV_FIELD = 1_000_000

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")
# The endings that say "an Excel workbook" (.ods is LibreOffice's).
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls")
CSV_SUFFIXES = (".csv", ".txt", ".tsv")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True, slots=True)
class SheetInfo:
    name: str
    visible: bool


@dataclass(frozen=True, slots=True)
class FileFacts:
    path: Path
    size: int
    sha256: str
    format: str  # "workbook" or "csv"

    @property
    def misnamed(self) -> bool:
        """Text under an Excel workbook's name ("data.xls"): read as CSV, as some programs
        export their tables so; where no table is found in it, the file is said to be no
        workbook rather than to lack headings (``sheet_guess``)."""
        return self.format == "csv" and self.path.suffix.lower() in EXCEL_SUFFIXES


def _refuse(reason: str, path: Path, **data: object) -> RosterError:
    return RosterError(reason, file=path.name, **data)


def inspect_file(path: Path) -> FileFacts:
    """Size, SHA-256 and container format; refuses what cannot be a spreadsheet."""
    try:
        if not path.exists():
            raise _refuse("not_found", path)
        if path.is_dir():
            raise _refuse("not_spreadsheet", path)
        size = path.stat().st_size
        if size == 0:
            raise _refuse("empty_file", path)
        if size > MAX_FILE_BYTES:
            raise _refuse("too_large", path, detail=f"{size // (1024 * 1024)} MB")
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            head = fh.read(8)
            digest.update(head)
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except PermissionError as exc:
        # Windows: Excel holds the file with an exclusive share lock while it is open.
        raise _refuse("locked", path) from exc
    except OSError as exc:
        raise _refuse("unreadable", path, detail=exc.strerror or str(exc)) from exc
    fmt = _container(path, head)
    return FileFacts(path=path, size=size, sha256=digest.hexdigest(), format=fmt)


def _container(path: Path, head: bytes) -> str:
    suffix = path.suffix.lower()
    if head.startswith(_ZIP_MAGIC):
        try:
            with zipfile.ZipFile(path) as zf:
                infos = zf.infolist()
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise _refuse("corrupt", path, detail="zip") from exc
        names = {i.filename for i in infos}
        if "[Content_Types].xml" not in names and "content.xml" not in names:
            raise _refuse("not_spreadsheet", path)
        if sum(i.file_size for i in infos) > MAX_UNZIPPED_BYTES:
            raise _refuse("too_large", path, detail="zip")
        return "workbook"
    if head.startswith(_OLE_MAGIC):
        return "workbook"
    if head.startswith(b"%PDF"):
        raise _refuse("not_spreadsheet", path)
    if _looks_like_text(path):
        return "csv"
    # Neither a workbook's container nor text: a name that says Excel is said to be wrong.
    raise _refuse("not_workbook" if suffix in EXCEL_SUFFIXES else "not_spreadsheet", path)


def _looks_like_text(path: Path) -> bool:
    with path.open("rb") as fh:
        sample = fh.read(64 * 1024)
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(sample) - 4:  # not just a character cut by the sample's end
            try:
                sample.decode("cp1252")
            except UnicodeDecodeError:
                return False
    return True


class Source:
    """An opened spreadsheet: its sheets and, per sheet, its rows."""

    def __init__(self, facts: FileFacts) -> None:
        self.facts = facts
        self.path = facts.path
        self._book: Any = None
        self._sheets: list[SheetInfo] = []
        self._heights: dict[str, int] = {}
        # Sheets parsed before they were asked for (``read_ahead``), each taken once.
        self._parsed: dict[str, Any] = {}
        if facts.format == "workbook":
            self._open_workbook()
        else:
            self._sheets = [SheetInfo(name=self.path.stem, visible=True)]

    @property
    def sheets(self) -> list[SheetInfo]:
        return list(self._sheets)

    def _open_workbook(self) -> None:
        import python_calamine

        try:
            self._book = python_calamine.CalamineWorkbook.from_path(str(self.path))
            metas = self._book.sheets_metadata
            self._sheets = [
                SheetInfo(name=str(m.name), visible=str(m.visible).endswith("Visible"))
                for m in metas
                if str(m.typ).endswith("WorkSheet")
            ]
        except BaseException as exc:
            raise self._translate(exc) from exc

    def _translate(self, exc: BaseException) -> BaseException:
        if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit | Cancelled):
            return exc
        if isinstance(exc, RosterError):
            return exc
        name = type(exc).__name__
        text = str(exc)
        if name == "PasswordError" or "password" in text.lower():
            return _refuse("password", self.path)
        if isinstance(exc, MemoryError) or "limit exceeded" in text.lower():
            return _refuse("too_large", self.path, detail=text[:120])
        if isinstance(exc, PermissionError):
            return _refuse("locked", self.path)
        return _refuse("corrupt", self.path, detail=f"{name}: {text[:160]}")

    def parse(self, sheet: str | None = None) -> None:
        """Parse the sheet named ``sheet`` (None: the first visible one, where a Polres
        puts its table) now, for ``rows`` to take later. One sheet only: the sheet guess
        holds one sheet or two at a time, and a workbook of one sheet per kecamatan must
        not be held whole. Refuses as ``rows`` would."""
        if self._book is None:
            return
        visible = [s.name for s in self._sheets if s.visible]
        name = sheet if sheet is not None else (visible[0] if visible else None)
        if name is None or name in self._parsed:
            return
        try:
            self._parsed[name] = self._book.get_sheet_by_name(name)
        except BaseException as exc:
            raise self._translate(exc) from exc

    @property
    def parsed(self) -> tuple[str, ...]:
        """The sheets parsed ahead (``parse``) and not yet read."""
        return tuple(self._parsed)

    def close(self) -> None:
        self._parsed.clear()
        if self._book is not None:
            # Closing a damaged book must not hide the real outcome.
            with contextlib.suppress(BaseException):
                self._book.close()
            self._book = None

    def __enter__(self) -> Source:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def sheet(self, name: str | None) -> SheetInfo:
        """The sheet called ``name``; refuses an unknown name."""
        for s in self._sheets:
            if s.name == name:
                return s
        raise _refuse("no_such_sheet", self.path, sheet=name or "")

    def row_count(self, sheet: str) -> int:
        """Rows in the sheet (an estimate for CSV: file size over a typical row)."""
        if self._book is None:
            return max(1, self.facts.size // 60)
        if sheet in self._heights:
            return self._heights[sheet]
        try:
            data = self._parsed.get(sheet)
            if data is None:
                data = self._book.get_sheet_by_name(sheet)
            return int(data.total_height)
        except BaseException as exc:
            raise self._translate(exc) from exc

    def rows(self, sheet: str) -> Iterator[tuple[int, int, list[Cell]]]:
        """(row index from 0, column offset, cells) for every row; empty cells are None."""
        if self._book is None:
            yield from self._csv_rows()
            return
        try:
            data = self._parsed.pop(sheet, None)
            if data is None:
                data = self._book.get_sheet_by_name(sheet)
            self._heights[sheet] = int(data.total_height)
            start = data.start
            offset = int(start[1]) if start else 0
            merged = _merged_fills(data.merged_cell_ranges)
            it = data.iter_rows()
        except BaseException as exc:
            raise self._translate(exc) from exc
        index = 0
        anchors: dict[tuple[int, int], Cell] = {}
        while True:
            try:
                raw = next(it)
            except StopIteration:
                return
            except BaseException as exc:
                raise self._translate(exc) from exc
            if index >= MAX_ROWS:
                raise _refuse("too_large", self.path, detail=f"> {MAX_ROWS} rows")
            cells: list[Cell] = [None if v == "" else v for v in raw]
            if merged:
                _fill_merged(merged, anchors, index, offset, cells)
            yield index, offset, cells
            index += 1

    def _csv_rows(self) -> Iterator[tuple[int, int, list[Cell]]]:
        encoding = _csv_encoding(self.path)
        csv.field_size_limit(MAX_CSV_FIELD)
        try:
            with self.path.open("r", encoding=encoding, newline="", errors="replace") as fh:
                sample = fh.read(64 * 1024)
                fh.seek(0)
                if encoding == "utf-8-sig" and sample.startswith("\ufeff"):
                    sample = sample[1:]
                dialect = _sniff(sample)
                reader = csv.reader(fh, dialect)
                for index, raw in enumerate(reader):
                    if index >= MAX_ROWS:
                        raise _refuse("too_large", self.path, detail=f"> {MAX_ROWS} rows")
                    # csv_value: a cell we exported as '=... (see opscenter.formulas) reads =...
                    yield index, 0, [csv_value(v) if v.strip() else None for v in raw]
        except csv.Error as exc:
            if "field larger" in str(exc):
                raise _refuse("giant_cell", self.path) from exc
            raise _refuse("corrupt", self.path, detail=str(exc)[:160]) from exc
        except PermissionError as exc:
            raise _refuse("locked", self.path) from exc
        except OSError as exc:
            raise _refuse("unreadable", self.path, detail=exc.strerror or str(exc)) from exc


# row -> [(first row, first column, last column)] of the merged ranges covering that row
MergedFills = dict[int, list[tuple[int, int, int]]]
# Merged ranges beyond this many are not filled (a sheet of merged cells is not a roster).
MAX_MERGED = 50_000


def _merged_fills(ranges: Any) -> MergedFills:
    """Rows covered by merged ranges: a unit name merged down over its people's rows
    belongs to each of those rows, though the file stores it only in the first."""
    fills: MergedFills = {}
    if not ranges or len(ranges) > MAX_MERGED:
        return fills
    for (r0, c0), (r1, c1) in ranges:
        if r1 - r0 > MAX_ROWS or c1 - c0 > 1000:
            continue
        for r in range(r0, r1 + 1):
            fills.setdefault(r, []).append((r0, c0, c1))
    return fills


def _fill_merged(
    fills: MergedFills,
    anchors: dict[tuple[int, int], Cell],
    index: int,
    offset: int,
    cells: list[Cell],
) -> None:
    for r0, c0, c1 in fills.get(index, ()):
        if index == r0:
            i = c0 - offset
            anchors[(r0, c0)] = cells[i] if 0 <= i < len(cells) else None
        value = anchors.get((r0, c0))
        if value is None:
            continue
        for c in range(c0, c1 + 1):
            i = c - offset
            if 0 <= i < len(cells) and cells[i] is None:
                cells[i] = value


def _csv_encoding(path: Path) -> str:
    with path.open("rb") as fh:
        sample = fh.read(256 * 1024)
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        sample.decode("utf-8")
        return "utf-8-sig"
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 4:
            return "utf-8-sig"
    return "cp1252"


class _Comma(csv.excel):
    pass


def _sniff(sample: str) -> type[csv.Dialect]:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        # Sniffer fails on one-column files and on quoted odd layouts; count instead.
        first = io.StringIO(sample).readline()
        best = max(",;\t|", key=first.count)
        if first.count(best) == 0:
            return _Comma

        class Guess(csv.excel):
            delimiter = best

        return Guess


def open_source(path: Path | str) -> Source:
    """Open ``path`` for reading; refuses (``RosterError``) anything that is not a sheet."""
    path = Path(path)
    ahead = _claim(path)
    if ahead is not None:
        return ahead
    return Source(inspect_file(path))


@dataclass(slots=True)
class _ReadAhead:
    path: Path  # resolved
    stamp: tuple[int, int]  # size and modification time when the read began
    thread: threading.Thread
    source: Source | None = None
    dropped: bool = False  # replaced by another before anyone claimed it


_AHEAD: _ReadAhead | None = None
_AHEAD_LOCK = threading.Lock()


def _stamp(path: Path) -> tuple[Path, tuple[int, int]] | None:
    try:
        resolved = path.resolve()
        st = resolved.stat()
    except (OSError, RuntimeError):
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return resolved, (st.st_size, st.st_mtime_ns)


def read_ahead(path: Path, sheet: str | None = None) -> bool:
    """Start opening the workbook at ``path`` and parsing its first visible sheet (or
    ``sheet``) on a daemon thread; returns whether it started.

    For the command line, which would otherwise parse only after loading SQLAlchemy and
    the model and signing in: calamine releases the GIL while it parses, so on a machine
    with two cores both happen at once. The first ``open_source`` of the same file takes
    the result, if the file has not changed since (size and modification time); a file
    that fails here is opened again there, which refuses it with the same reason.
    """
    global _AHEAD
    found = _stamp(path)
    if found is None or found[0].suffix.lower() not in WORKBOOK_SUFFIXES:
        return False
    resolved, stamp = found

    def run() -> None:
        source: Source | None = None
        try:
            source = Source(inspect_file(resolved))
            source.parse(sheet)
        except BaseException:  # said by the open that claims it (see above)
            if source is not None:
                source.close()
            return
        with _AHEAD_LOCK:
            if not ahead.dropped:
                ahead.source = source
                return
        source.close()

    ahead = _ReadAhead(resolved, stamp, threading.Thread(target=run, daemon=True))
    with _AHEAD_LOCK:
        if _AHEAD is not None:  # one at a time: an earlier one nobody claimed is let go
            _AHEAD.dropped = True
            if _AHEAD.source is not None:
                _AHEAD.source.close()
                _AHEAD.source = None
        _AHEAD = ahead
    ahead.thread.start()
    return True


def _claim(path: Path) -> Source | None:
    """What ``read_ahead`` read of ``path``, once, if the file is as it was."""
    global _AHEAD
    with _AHEAD_LOCK:
        ahead = _AHEAD
        if ahead is None:
            return None
        found = _stamp(path)
        if found is None or found[0] != ahead.path:
            return None
        _AHEAD = None
    ahead.thread.join()
    source = ahead.source
    if source is None:
        return None
    if _stamp(path) != (ahead.path, ahead.stamp):  # changed since the read began
        source.close()
        return None
    # As given (relative, say), as an open without the read-ahead would name it.
    source.facts = replace(source.facts, path=path)
    source.path = path
    return source
