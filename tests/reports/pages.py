"""A printed report read back page by page as ``pdftotext -layout`` lays it out, for the
tests of where things fall on the pages: whether a heading stays with what follows it."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path

from pypdf import PdfReader

NUMBERED = re.compile(r"(I|II|III|IV|V|VI|VII|VIII|IX|X|XI)\. [A-Z]")


def page_lines(pdf: bytes, tmp_path: Path) -> list[list[str]]:
    """Each page's lines as ``pdftotext -layout`` reads them, one page at a time, their
    spaces collapsed, without blank lines."""
    path = tmp_path / "laporan.pdf"
    path.write_bytes(pdf)
    out = []
    for n in range(1, len(PdfReader(path).pages) + 1):
        run = ["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(path), "-"]
        text = subprocess.run(run, check=True, capture_output=True, text=True).stdout
        out.append([" ".join(line.split()) for line in text.splitlines() if line.strip()])
    return out


def is_heading(line: str, heading: str) -> bool:
    """Whether ``line`` is ``heading``, or begins with it when it ends in a space."""
    return line.startswith(heading) if heading.endswith(" ") else line == heading


def cut_off(
    pages: list[list[str]], tables: Mapping[str, str], texts: tuple[str, ...] = ()
) -> list[tuple[int, str]]:
    """The headings cut off from what follows them, as (page, heading), in ``pages`` of a
    report with the classification above and the footer below every page's body: a heading
    of a table (``tables``: each with how its table's header line begins) must be followed on
    its page by that header line and a first row (lines of notes between them allowed), a
    numbered heading ("VI. KERAWANAN") or one of ``texts`` by a line of its text."""
    out = []
    for n, page in enumerate(pages, 1):
        assert page[0] == page[-1] and "Hal. " in page[-2], page
        lines = page[1:-2]
        for i, line in enumerate(lines):
            header = next((h for k, h in tables.items() if is_heading(line, k)), None)
            if header is not None:
                after = [j for j in range(i + 1, len(lines)) if lines[j].startswith(header)]
                kept = bool(after) and after[0] + 1 < len(lines)
            elif NUMBERED.match(line) or line in texts:
                kept = i + 1 < len(lines)
            else:
                continue
            if not kept:
                out.append((n, line))
    return out


def ending_apart(pages: list[list[str]], closing: str, last: str) -> list[str]:
    """What is wrong with where a report's ending falls in ``pages`` (as ``page_lines`` reads
    them): the ``closing`` sentence must follow a line of the text before it on its page,
    and the signature, down to the line beginning with ``last``, be on that page too."""
    at = [(n, i) for n, page in enumerate(pages) for i, x in enumerate(page) if x == closing]
    assert len(at) == 1, at
    n, i = at[0]
    out = []
    if i <= 1:  # the classification is line 0
        out.append(f"page {n + 1}: the closing opens the page")
    if not any(x.startswith(last) for x in pages[n][i + 1 : -2]):
        out.append(f"page {n + 1}: the signature goes on to the next page")
    return out


def rows_under(
    pages: list[list[str]], header: str, is_row: Callable[[str], bool], wrapped: int = 0
) -> list[tuple[int, int]]:
    """Where a table begins on a page of ``pages`` (as ``page_lines`` reads them), as (page,
    rows): each line beginning with ``header`` (the table's header line, ``wrapped`` more
    lines under it where its headings wrap), and how many lines under it on its page are rows
    of the table (``is_row``), up to the first that is not."""
    out = []
    for n, page in enumerate(pages, 1):
        lines = page[1:-2]  # the classification above, the footer and classification below
        for i, line in enumerate(lines):
            if line.startswith(header):
                i += wrapped
                rows = 0
                while i + 1 + rows < len(lines) and is_row(lines[i + 1 + rows]):
                    rows += 1
                out.append((n, rows))
    return out
