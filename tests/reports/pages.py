"""A printed report read back page by page as ``pdftotext -layout`` lays it out, for the
tests of where things fall on the pages."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pypdf import PdfReader


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
