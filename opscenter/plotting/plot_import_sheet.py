"""A plotting list's sheet walked as such lists are laid out (``plot_import.prepare``): its
title block and section rows (a kecamatan, the reserve) say what the rows under them are;
totals, shortfall lines, repeated headings and the signature block are not placements; a row
without TPS continues the TPS above it. Each officer's row is checked (``RowChecks``) and
becomes a ``Draft``: the person, their post and the TPS the file names for them."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from opscenter.plotting.plot_import_checks import KECAMATAN_WORD, Known, Place, RowChecks
from opscenter.progress import CancelToken, Progress
from opscenter.roster import normalise as nz
from opscenter.roster.headers import Layout, cell_ref, norm
from opscenter.roster.problems import Problem
from opscenter.roster.reading import Cell

_PROGRESS_EVERY = 2_000
# A row that is a total or a closing line, by its first text ("Kekurangan: Air Hangat" is
# the app's deficit line under each kecamatan).
_NOT_DATA = re.compile(
    r"^\s*(jumlah|total|jml|sub\s*-?\s*total|kekurangan|deficit|mengetahui|catatan)\b",
    re.IGNORECASE,
)
# Where a post lacks people, the list says so in the name column.
_NOBODY = re.compile(
    r"^\s*(kurang\s+\d+\s+personel|\d+\s+short|kosong|belum\s+ada(\s+personel)?|-+)\s*$",
    re.IGNORECASE,
)
# The reserve's heading ("III. CADANGAN"): its rows are nobody's placement.
_RESERVE = re.compile(r"^\s*(?:[IVX]+\s*[.)]?\s*)?(cadangan|reserve)\b", re.IGNORECASE)


@dataclass(slots=True)
class Draft:
    """One officer the file places: their post, the first row naming them, and the TPS the
    file names for them."""

    personnel_id: int
    post_id: int
    row: int
    ref: str  # the cell naming the person (a second row on another post names it)
    tps_ids: list[int]


class PlottingReader(RowChecks):
    """Turns the sheet's rows into placements, or problems naming their cells."""

    def __init__(self, known: Known, layout: Layout, sheet: str) -> None:
        super().__init__(known, layout, sheet)
        self.layout = layout
        self.drafts: dict[int, Draft] = {}
        self.section = 0
        self.in_reserve = False
        self.above: Place | None = None
        # After a blank row under data, a line without a TPS or an NRP of its own is the
        # signature block ("KABAG OPS POLRES A"), not an officer on the TPS above.
        self.gap = False
        # A text alone in one of these is a row's data, not a section heading.
        self._data_cols = {
            self.cols[k]
            for k in ("name", "nrp", "rank", "rank_nrp", "tps", "desa", "post", "kecamatan")
            if k in self.cols
        }
        self._headings = {col: norm(text) for col, text in layout.headers.items()}

    def cell(self, cells: Sequence[Cell], offset: int, key: str) -> Cell:
        """The cell of ``key``; a cell of spaces is empty."""
        value = super().cell(cells, offset, key)
        return None if isinstance(value, str) and not value.strip() else value

    # --- rows ---

    def walk(
        self,
        rows: Iterator[tuple[int, int, list[Cell]]],
        total: int,
        progress: Progress,
        cancel: CancelToken,
    ) -> None:
        """The rows, as a plotting list lays them out: not ``CellReader.read``'s walk, since
        its section rows (a kecamatan, the reserve) and its title block say what the rows
        under them are."""
        start, header = self.layout.data_start, self.layout.header_row
        for index, offset, cells in rows:
            if index % _PROGRESS_EVERY == 0:
                cancel.check()
                progress(index, total, "check")
            if index < start:
                if index < header:  # the title block may name the kecamatan
                    self._heading(index, offset, cells, strict=False)
                continue
            if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
                self.gap = self.gap or bool(self.drafts or self.problems)
                continue
            if self._heading(index, offset, cells, strict=True):
                continue
            if self.in_reserve or self._repeated_heading(cells, offset):
                continue
            first = next((c for c in cells if c is not None), None)
            if isinstance(first, str) and _NOT_DATA.match(first):
                continue
            self.row(index, offset, cells)

    def _heading(self, index: int, offset: int, cells: Sequence[Cell], *, strict: bool) -> bool:
        """A section row: one text, written once outside the officer's columns or merged
        across the row. Sets the kecamatan (or the reserve); True when the row was one."""
        texts = [(offset + i, c) for i, c in enumerate(cells) if c is not None]
        values = {" ".join(str(c).split()) for _col, c in texts}
        if len(values) != 1 or not isinstance(texts[0][1], str):
            return False
        col = texts[0][0]
        if len(texts) == 1 and col in self._data_cols:
            return False  # a name alone (an officer on the TPS above), a TPS alone
        text = values.pop()
        if strict and _RESERVE.match(text):  # under the headings only: a title may say it
            self.in_reserve, self.above = True, None
            return True
        kecamatan = self._kecamatan_named(text)
        if kecamatan is not None:
            self.kecamatan, self.in_reserve, self.above = kecamatan, False, None
            self.section, self.gap = self.section + 1, False
            return True
        if strict and KECAMATAN_WORD.match(text):
            ref = cell_ref(self.sheet, index, col)
            self.problems.append(
                Problem(index, col, ref, "kecamatan", "plot_kecamatan_unknown", text[:60])
            )
            self.rejected_rows.add(index)
            self.kecamatan, self.in_reserve, self.above = None, False, None
            self.section += 1
            return True
        return strict  # a title, a note or a closing line: not data

    def _repeated_heading(self, cells: Sequence[Cell], offset: int) -> bool:
        """The column headings again (the app's export repeats them under each kecamatan)."""
        same = sum(
            1
            for i, c in enumerate(cells)
            if isinstance(c, str) and self._headings.get(offset + i) == norm(c)
        )
        return same >= 2

    def row(self, index: int, offset: int, cells: Sequence[Cell]) -> None:
        raw_kec = self.cell(cells, offset, "kecamatan")
        if raw_kec is not None:  # a KECAMATAN column: the row's own, carried down
            kecamatan = self._kecamatan_named(str(raw_kec))
            if kecamatan is None:
                self.bad(index, "kecamatan", "plot_kecamatan_unknown", raw_kec)
                return
            if kecamatan != self.kecamatan:
                self.kecamatan, self.above = kecamatan, None
                self.section += 1
        raw_nrp = self.cell(cells, offset, "nrp")
        if isinstance(raw_nrp, str) and not raw_nrp.strip(" -\u2013"):
            raw_nrp = None  # "-": no NRP written, the name says who
        raw_name = self.cell(cells, offset, "name")
        raw_rank = self.cell(cells, offset, "rank")
        nrp_key = "nrp"
        combined = self.cell(cells, offset, "rank_nrp")
        if combined is not None:
            rank_text, number = nz.split_rank_nrp(combined)
            raw_rank = raw_rank if raw_rank is not None else rank_text
            if raw_nrp is None and number is not None:
                raw_nrp, nrp_key = number, "rank_nrp"
        if self.gap and raw_nrp is None and self.cell(cells, offset, "tps") is None:
            return
        place = self._place(index, cells, offset)
        if raw_nrp is None and raw_name is None:
            return  # a desa's line of a post, without an officer
        if raw_nrp is None and _NOBODY.match(str(raw_name)):
            return  # "kurang 2 personel": the post's shortfall, not a person
        before = len(self.problems)
        post_id, tps_ids = self._post(index, place)
        person = self._person(index, raw_nrp, nrp_key, raw_name, raw_rank)
        if len(self.problems) > before or person is None or post_id is None:
            return
        who_key = nrp_key if raw_nrp is not None else "name"
        col = self.cols.get(who_key)
        ref = cell_ref(self.sheet, index, col) if col is not None else f"{self.sheet}!{index + 1}"
        draft = self.drafts.get(person)
        if draft is None:
            self.drafts[person] = Draft(person, post_id, index, ref, list(tps_ids))
        elif draft.post_id == post_id:
            draft.tps_ids.extend(t for t in tps_ids if t not in draft.tps_ids)
        else:
            self.bad(index, who_key, "plot_person_twice", raw_nrp or raw_name, draft.ref)

    def _place(self, index: int, cells: Sequence[Cell], offset: int) -> Place | None:
        """The row's TPS as written, or continued from the row above (None: no TPS)."""
        desa = self.cell(cells, offset, "desa")
        tps = self.cell(cells, offset, "tps")
        post = self.cell(cells, offset, "post")
        above = self.above
        if above is not None and above.section == self.section:
            same_post = post is None or above.post is None or post == above.post
            if tps is None and desa is None and same_post:
                return above
            if tps is not None and desa is None and same_post:
                desa = above.desa  # a desa written once over its TPS' rows
        if tps is None and desa is None:
            return None
        here = Place(self.section, desa, tps, post)
        if tps is not None:
            self.above = here
        return here
