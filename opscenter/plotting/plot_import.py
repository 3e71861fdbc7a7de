"""A plotting workbook made by hand (daftar plotting personel pengamanan TPS) into the
plotting of a stage, with the roster machinery (``opscenter.roster``: reading, table finding,
merged two-row headings, header synonyms, cell references).

What a file says: which officer guards which TPS, for one stage (``Options.stage``, a stage
code; by default the voting stage, pemungutan). It is read so:

- The table is found under its title block; its headings may be merged over two rows
  ("PERSONEL" over NAMA / PANGKAT / NRP). Kecamatan come from a KECAMATAN column, or from
  section rows ("KECAMATAN PANGKALAN BARU", or the app's own "Air Hangat — Polsek Air
  Hangat (Polres Kerinci)"); a section row above the headings counts too. Rows without an
  officer (a desa's line, "kurang 2 personel"), total lines (JUMLAH, "Kekurangan: ..."),
  repeated headings and the reserve (a section CADANGAN, up to the next kecamatan) are not
  placements.
- The officer: by NRP (a NRP column, or PANGKAT/NRP in one), and then a name written beside
  it must be that person's; else by name and, when given, rank. No person, several persons,
  or one who may not guard (not active Polri) refuses the row.
- The TPS: its number ("001", "TPS 1", 1; several of one desa as "001, 002"), its desa
  (capitals or not, with or without "Desa"), within the row's kecamatan when the file says
  it. A row without TPS and desa continues the TPS of the row above it, within the same
  kecamatan and post (the app's export writes a post's TPS on its first rows only; a Polres
  merges the cell down).
- The post: the one holding that TPS for the stage. The stage's posts must be formed first
  (the whole file is refused while the stage has none); a TPS in no post refuses its row.
  Several TPS of one row must lie in one post. One person may stand on several rows of one
  post (two TPS of it), never on two posts.

What it does: each officer goes to that post, locked (decided by hand: a new automatic
plotting leaves them there), basis "hand" and the officer's own unit as the unit they came
from, as a hand placement (``plot.place``) does. A person on another post of the stage is
moved; on the same post, the placement is locked (a change) unless it already was
(unchanged). Nobody is taken off a post: people the file does not name stay where they are
(a later automatic plotting lets a post that holds too many shed its unlocked juniors).

``prepare`` reads and checks everything and writes nothing; the preview says per row what
would happen: new, moved, locked in place, unchanged, or refused with the cell and the
reason. A plotting is saved whole or not at all (``WholeFile``): while any cell is refused,
nothing is written. ``commit`` writes it in one transaction journaled as "import.plotting"
under ``plot.edit``, after checking that the placements and TPS it touches are as the
preview read them (``stale_rows`` otherwise); importing the same file again writes nothing.
The import history reverts it as any import (``roster.commit.revert``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter import journal
from opscenter.actor import Actor
from opscenter.model import GuardAssignment, GuardPostTps, Personnel, PollingStation, Rank, Region
from opscenter.permissions import require
from opscenter.plotting.plot import officers
from opscenter.plotting.posts import PERMISSION, posts
from opscenter.progress import CancelToken, Progress, no_progress
from opscenter.roster import normalise as nz
from opscenter.roster import whole_file
from opscenter.roster.commit import Outcome
from opscenter.roster.errors import RosterError
from opscenter.roster.headers import Layout, cell_ref, norm
from opscenter.roster.preview import Options, RowOutcome
from opscenter.roster.reading import Cell
from opscenter.roster.validate import CellReader, Problem, _place_key
from opscenter.roster.whole_file import WholeFilePreview
from opscenter.store import Store

KIND = "plotting"
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
_KECAMATAN_WORD = re.compile(r"^\s*(kecamatan|kec)\b\.?", re.IGNORECASE)
# A section heading names its kecamatan before a dash or a bracket (the rest: its Polsek).
_HEADING_CUT = re.compile(r"\s+[\u2014\u2013-]\s+|\s*\(|:")
# Several TPS in one cell: "001, 002", "1 dan 2", "001-003", "1 s.d. 3".
_TPS_SPLIT = re.compile(r"\s*(?:,|;|/|&|\bdan\b)\s*", re.IGNORECASE)
_TPS_RANGE = re.compile(
    r"^(?:tps\s*)?0*(\d{1,7})\s*(?:-|\u2013|s\.?\s*d\.?|sampai)\s*(?:tps\s*)?0*(\d{1,7})$",
    re.IGNORECASE,
)
_RANGE_MAX = 50


@dataclass(frozen=True, slots=True)
class Record:
    """One officer the file places, and what that does to the stored plotting."""

    row: int  # the first sheet row naming them (0-based)
    personnel_id: int
    post_id: int
    # "new" (in no post of the stage), "moved" (from another post), "locked" (on this post,
    # now locked), "unchanged" (on this post, locked already)
    action: str
    assignment_id: int | None  # the stored placement, and its version, as the preview read it
    version: int | None
    from_post_id: int | None
    tps_ids: tuple[int, ...]  # the TPS the file names for them (the stale check's)

    @property
    def status(self) -> str:
        """As the import wizard counts rows: new, changed (moved or locked) or unchanged."""
        return "changed" if self.action in ("moved", "locked") else self.action

    def outcome(self) -> RowOutcome:
        """As the wizard lists it: the person and the post; a move or a lock as a change."""
        changes: dict[str, tuple[Any, Any]] | None = None
        if self.action == "moved":
            changes = {"post_id": (self.from_post_id, self.post_id)}
        elif self.action == "locked":
            changes = {"locked": (False, True)}
        return RowOutcome(
            self.row,
            self.status,
            values=(self.personnel_id, self.post_id),
            db_id=self.assignment_id,
            changes=changes,
        )


@dataclass(slots=True)
class PlottingPreview(WholeFilePreview[Record]):
    # A plotting is saved whole or not at all: any refused cell refuses the file.
    refusal_reason: ClassVar[str] = "plotting_rejected"
    kind: ClassVar[str] = KIND
    stage_id: int
    stage_code: str
    stage_name: str
    # Its labels: "personnel_id" -> "NRP name", "post_id" -> "Pos 3 Kecamatan A1". No free
    # text of a plotting is kept, so none is flagged (no warnings).

    def key_text(self, r: RowOutcome) -> str:
        """ "90000001 Personel 1 \u2192 Pos 2 Kecamatan A1"."""
        if r.values is None:
            return ""
        person, post = r.values
        return f"{self.label('personnel_id', person)} \u2192 {self.label('post_id', post)}"

    def field_label(self, column: str) -> str:
        return {"post_id": "Pos", "locked": "Dikunci"}.get(column, column)

    def by_row(self) -> list[tuple[int, str, Record | None, list[Problem]]]:
        """Every row the preview speaks of, in sheet order: (row, action, record, problems);
        action is "rejected" for a refused row. What the command line lists."""
        out: list[tuple[int, str, Record | None, list[Problem]]] = [
            (r.row, r.action, r, []) for r in self.records
        ]
        out += [(r.row, "rejected", None, list(r.problems or ())) for r in self.rows]
        return sorted(out, key=lambda item: item[0])


@dataclass(frozen=True, slots=True)
class _Placed:
    id: int
    version: int
    post_id: int
    locked: bool


@dataclass(slots=True)
class _Known:
    """The operation's people, ranks, places and the stage's posts, read once."""

    by_nrp: dict[str, tuple[int, str, int | None]]  # nrp -> (id, name, rank id)
    by_name: dict[str, list[tuple[int, int | None]]]  # name key -> [(id, rank id)]
    people: dict[int, str]  # id -> "NRP name"
    eligible: frozenset[int]
    ranks: nz.RankIndex
    kecamatan: dict[str, set[int]]  # name keys (``_keys``) -> kecamatan ids
    # name keys -> [(desa id, kecamatan id)]: the full name's first, then without its prefix
    desa_full: dict[str, list[tuple[int, int | None]]]
    desa: dict[str, list[tuple[int, int | None]]]
    desa_names: nz.NameIndex
    tps: dict[tuple[int, int], int]  # (desa id, number) -> TPS id
    post_of: dict[int, int]  # TPS id -> the post holding it for the stage
    post_labels: dict[int, str]
    placed: dict[int, _Placed]  # person -> their placement on the stage


def _keys(name: str) -> set[str]:
    """A kecamatan's name as files write it, with or without "Kecamatan" ("Kecamatan Kota
    Baru", "KOTA BARU", "KEC. KOTA BARU"): without the word only, and as places are matched
    (``_place_key``, which also takes "Kota" for a prefix)."""
    return {_place_key(name), norm(_KECAMATAN_WORD.sub("", name, count=1))}


def _name_key(name: str) -> str:
    """A name without the degrees after its comma ("Budi Santoso, S.H." -> "budisantoso")."""
    return norm(name.split(",")[0])


def _known(s: Session, operation_id: int, stage_id: int) -> _Known:
    by_nrp: dict[str, tuple[int, str, int | None]] = {}
    by_name: dict[str, list[tuple[int, int | None]]] = defaultdict(list)
    people: dict[int, str] = {}
    for pid, nrp, name, rank_id in s.execute(
        select(Personnel.id, Personnel.nrp, Personnel.name, Personnel.rank_id).where(
            Personnel.operation_id == operation_id
        )
    ):
        by_nrp[str(nrp)] = (int(pid), str(name), rank_id)
        by_name[_name_key(str(name))].append((int(pid), rank_id))
        people[int(pid)] = f"{nrp} {name}"
    ranks = nz.RankIndex(
        (r[0], r[1], r[2], r[3], r[4] or "")
        for r in s.execute(
            select(Rank.id, Rank.code, Rank.name, Rank.full_name, Rank.aliases).where(
                Rank.operation_id == operation_id
            )
        )
    )
    kecamatan: dict[str, set[int]] = defaultdict(set)
    desa_full: dict[str, list[tuple[int, int | None]]] = defaultdict(list)
    desa: dict[str, list[tuple[int, int | None]]] = defaultdict(list)
    desa_names: list[tuple[int, tuple[str]]] = []
    for rid, parent, level, name in s.execute(
        select(Region.id, Region.parent_id, Region.level, Region.name).where(
            Region.operation_id == operation_id
        )
    ):
        if level == "kecamatan":
            for key in _keys(str(name)):
                kecamatan[key].add(int(rid))
        elif level == "desa":
            desa_full[norm(name)].append((int(rid), parent))
            desa[_place_key(str(name))].append((int(rid), parent))
            desa_names.append((int(rid), (str(name),)))
    tps = {
        (int(region), int(number)): int(tid)
        for tid, region, number in s.execute(
            select(PollingStation.id, PollingStation.region_id, PollingStation.number).where(
                PollingStation.operation_id == operation_id
            )
        )
    }
    held = posts(s, operation_id, stage_id)
    ga = GuardAssignment
    placed = {
        int(person): _Placed(int(aid), int(version), int(post), bool(locked))
        for aid, version, person, post, locked in s.execute(
            select(ga.id, ga.version, ga.personnel_id, ga.post_id, ga.locked).where(
                ga.operation_id == operation_id, ga.stage_id == stage_id
            )
        )
    }
    return _Known(
        by_nrp=by_nrp,
        by_name=dict(by_name),
        people=people,
        eligible=frozenset(officers(s, operation_id)),
        ranks=ranks,
        kecamatan=dict(kecamatan),
        desa_full=dict(desa_full),
        desa=dict(desa),
        desa_names=nz.NameIndex(desa_names),
        tps=tps,
        post_of={t.id: p.id for p in held for t in p.tps},
        post_labels={p.id: f"Pos {p.number} {p.kecamatan}" for p in held},
        placed=placed,
    )


@dataclass(slots=True)
class _Draft:
    personnel_id: int
    post_id: int
    row: int
    ref: str  # the cell naming the person (a second row on another post names it)
    tps_ids: list[int]


@dataclass(frozen=True, slots=True)
class _Place:
    """The TPS a row named, which a row below without TPS continues."""

    section: int  # which kecamatan section it was written in
    desa: Cell
    tps: Cell
    post: Cell


class _Reader(CellReader):
    """Turns the sheet's rows into placements, or problems naming their cells."""

    def __init__(self, known: _Known, layout: Layout, sheet: str) -> None:
        super().__init__(layout, sheet)
        self.known = known
        self.layout = layout
        self.drafts: dict[int, _Draft] = {}
        self.kecamatan: int | None = None  # the current section's kecamatan
        self.section = 0
        self.in_reserve = False
        self.above: _Place | None = None
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
        if strict and _KECAMATAN_WORD.match(text):
            ref = cell_ref(self.sheet, index, col)
            self.problems.append(
                Problem(index, col, ref, "kecamatan", "plot_kecamatan_unknown", text[:60])
            )
            self.rejected_rows.add(index)
            self.kecamatan, self.in_reserve, self.above = None, False, None
            self.section += 1
            return True
        return strict  # a title, a note or a closing line: not data

    def _kecamatan_named(self, text: str) -> int | None:
        """The kecamatan a heading or cell names ("KECAMATAN: PANGKALAN BARU", "Air Hangat
        — Polsek Air Hangat (Polres Kerinci)"), if exactly one."""
        word = _KECAMATAN_WORD.match(text)
        bare = text[word.end() :].lstrip(" :.\t") if word else text
        head = _HEADING_CUT.split(bare, maxsplit=1)[0]
        if word:
            head = f"{word[1]} {head}"
        found: set[int] = set()
        for key in _keys(head):
            found |= self.known.kecamatan.get(key, set())
        return found.pop() if len(found) == 1 else None

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
            self.drafts[person] = _Draft(person, post_id, index, ref, list(tps_ids))
        elif draft.post_id == post_id:
            draft.tps_ids.extend(t for t in tps_ids if t not in draft.tps_ids)
        else:
            self.bad(index, who_key, "plot_person_twice", raw_nrp or raw_name, draft.ref)

    def _place(self, index: int, cells: Sequence[Cell], offset: int) -> _Place | None:
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
        here = _Place(self.section, desa, tps, post)
        if tps is not None:
            self.above = here
        return here

    def _post(self, index: int, place: _Place | None) -> tuple[int | None, tuple[int, ...]]:
        """The post holding the row's TPS, and the TPS; problems named on their cells."""
        if place is None or place.tps is None:
            self.bad(index, "tps", "required")
            return None, ()
        if place.desa is None:
            self.bad(index, "desa", "required")
            return None, ()
        numbers = _tps_numbers(place.tps)
        if numbers is None:
            self.bad(index, "tps", "number_malformed", place.tps)
            return None, ()
        desa_id = self._desa(index, str(place.desa))
        if desa_id is None:
            return None, ()
        tps_ids: list[int] = []
        for n in numbers:
            tid = self.known.tps.get((desa_id, n))
            if tid is None:
                self.bad(index, "tps", "plot_tps_unknown", f"TPS {n:03d} {place.desa}")
                return None, ()
            tps_ids.append(tid)
        post_ids = {self.known.post_of.get(t) for t in tps_ids}
        if None in post_ids:
            n = numbers[[self.known.post_of.get(t) for t in tps_ids].index(None)]
            self.bad(index, "tps", "plot_tps_no_post", f"TPS {n:03d} {place.desa}")
            return None, ()
        if len(post_ids) > 1:
            labels = ", ".join(sorted(self.known.post_labels[p] for p in post_ids if p))
            self.bad(index, "tps", "plot_tps_posts_differ", place.tps, labels)
            return None, ()
        post = post_ids.pop()
        assert post is not None
        return post, tuple(tps_ids)

    def _desa(self, index: int, text: str) -> int | None:
        """The desa by its full name ("Kelurahan Terusan" beside "Desa Terusan"), else by
        its name without "Desa"/"Kelurahan", within the row's kecamatan when known."""
        found: list[tuple[int, int | None]] = []
        for index_of, key in (
            (self.known.desa_full, norm(text)),
            (self.known.desa, _place_key(text)),
        ):
            found = index_of.get(key, [])
            if self.kecamatan is not None:
                found = [d for d in found if d[1] == self.kecamatan]
            if len(found) == 1:
                break
        if not found:
            self.bad(index, "desa", "region_unknown", text, self.known.desa_names.suggest(text))
            return None
        if len(found) > 1:
            self.bad(index, "desa", "region_ambiguous", text)
            return None
        return found[0][0]

    def _person(
        self, index: int, raw_nrp: Cell, nrp_key: str, raw_name: Cell, raw_rank: Cell
    ) -> int | None:
        known = self.known
        name = " ".join(str(raw_name).split()) if raw_name is not None else None
        if raw_nrp is not None:
            try:
                number, _kind = nz.nrp(raw_nrp)
            except nz.Bad as exc:
                self.bad(index, nrp_key, exc.code, raw_nrp)
                return None
            hit = known.by_nrp.get(number)
            if hit is None:
                self.bad(index, nrp_key, "plot_nrp_unknown", number)
                return None
            pid, stored_name, _rank = hit
            if name is not None and not nz.same_person(stored_name, name):
                self.bad(index, "name", "plot_nrp_other_name", name, f"{number} {stored_name}")
                return None
            return self._eligible(index, nrp_key, pid, number)
        assert name is not None
        candidates = known.by_name.get(_name_key(name), [])
        if raw_rank is not None:
            rank_id = known.ranks.find(str(raw_rank))
            if rank_id is None:
                self.bad(index, "rank", "rank_unknown", raw_rank)
                return None
            candidates = [c for c in candidates if c[1] == rank_id]
        if not candidates:
            self.bad(index, "name", "plot_person_unknown", name)
            return None
        if len(candidates) > 1:
            nrps = ", ".join(
                sorted(known.people[pid].split(" ", 1)[0] for pid, _r in candidates)[:4]
            )
            self.bad(index, "name", "plot_person_ambiguous", name, nrps)
            return None
        return self._eligible(index, "name", candidates[0][0], name)

    def _eligible(self, index: int, key: str, pid: int, shown: str) -> int | None:
        if pid not in self.known.eligible:
            self.bad(index, key, "plot_not_eligible", shown, self.known.people[pid])
            return None
        return pid


def _tps_numbers(value: Cell) -> list[int] | None:
    """The TPS numbers of a cell ("001", "TPS 1", 1, "001, 002", "1-3"), or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            n = nz.whole_number(value)
        except nz.Bad:
            return None
        return [n] if n >= 1 else None
    out: list[int] = []
    for piece in _TPS_SPLIT.split(" ".join(str(value).split())):
        if not piece:
            continue
        span = _TPS_RANGE.match(piece)
        if span is not None:
            low, high = int(span[1]), int(span[2])
            if not 1 <= low <= high or high - low >= _RANGE_MAX:
                return None
            out.extend(range(low, high + 1))
            continue
        try:
            n = nz.whole_number(piece)
        except nz.Bad:
            return None
        if n < 1:
            return None
        out.append(n)
    return list(dict.fromkeys(out)) or None


@dataclass(frozen=True, slots=True)
class StageChoice:
    """The stages a plotting list may fill, and the one chosen unless said (the voting)."""

    stages: list[tuple[str, str]]  # (code, name) in the operation's order
    default: str | None
    codes: dict[int, str] = field(default_factory=dict)  # stage id -> its code


def stage_choice(store: Store, operation_id: int | None = None) -> StageChoice:
    """The operation's stages for the import wizard's choice, preset to the voting stage."""
    from opscenter import operations

    with store.read() as s:
        op_id = operation_id or operations.get_operation(s).id
        found = operations.stages(s, op_id)
        return StageChoice(
            [(st.code, st.name) for st in found],
            next((st.code for st in found if st.is_voting), None),
            {st.id: st.code for st in found},
        )


def _stage(s: Session, operation_id: int, code: str | None) -> tuple[int, str, str]:
    """The stage's id, code and name: the one ``code`` names, else the voting stage."""
    from opscenter import operations

    found = {st.code: st for st in operations.stages(s, operation_id)}
    if code is not None:
        stage = found.get(code.strip())
    else:
        stage = next((st for st in found.values() if st.is_voting), None)
    if stage is None:
        raise RosterError("plotting_stage_unknown", code=code or "", codes=", ".join(found))
    return stage.id, stage.code, stage.name


def prepare(
    store: Store,
    path: Path | str,
    options: Options | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> PlottingPreview:
    """Read and check a plotting workbook, and say what it would change; writes nothing.

    As the roster's ``prepare``: ``options`` name the sheet, the person's own column mapping
    and the operation; its ``stage`` is the stage's code (default: the voting stage)."""
    with whole_file.opened(path, options, KIND, progress, cancel) as sheet:
        with store.read() as s:
            op_id = sheet.operation_id(s)
            stage_id, stage_code, stage_name = _stage(s, op_id, sheet.options.stage)
            known = _known(s, op_id, stage_id)
        if not known.post_labels:
            raise RosterError("plotting_no_posts", file=sheet.file, stage=stage_name)
        reader = _Reader(known, sheet.layout, sheet.name)
        reader.walk(sheet.rows(), sheet.total, progress, sheet.cancel)
    records = [_classify(d, known) for d in reader.drafts.values()]
    records.sort(key=lambda r: r.row)
    preview = sheet.preview(
        PlottingPreview,
        op_id,
        records,
        reader.problems,
        stage_id=stage_id,
        stage_code=stage_code,
        stage_name=stage_name,
        labels={"personnel_id": known.people, "post_id": known.post_labels},
    )
    preview.counts["moved"] = sum(1 for r in records if r.action == "moved")
    return preview


def _classify(d: _Draft, known: _Known) -> Record:
    now = known.placed.get(d.personnel_id)
    if now is None:
        action = "new"
    elif now.post_id != d.post_id:
        action = "moved"
    else:
        action = "unchanged" if now.locked else "locked"
    return Record(
        row=d.row,
        personnel_id=d.personnel_id,
        post_id=d.post_id,
        action=action,
        assignment_id=now.id if now else None,
        version=now.version if now else None,
        from_post_id=now.post_id if now else None,
        tps_ids=tuple(d.tps_ids),
    )


def commit(
    store: Store,
    actor: Actor,
    preview: PlottingPreview,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> Outcome:
    """Write the new, moved and locked placements in one transaction journaled as
    "import.plotting" (see the module). Refuses the whole file while any cell is refused
    (``preview.refusal()``), and when a placement or TPS it touches changed since the
    preview (``RosterError("stale_rows")``, naming the people). Writes nothing at all when
    every row is unchanged."""
    require(actor, PERMISSION)
    todo = [r for r in preview.records if r.action != "unchanged"]
    if not whole_file.ready(preview, todo, cancel):
        return whole_file.unwritten(preview)
    op_id, stage_id = preview.operation_id, preview.stage_id
    details = {**preview.details(), "stage": preview.stage_code}
    with store.transaction(actor, "import.plotting", details=details, operation_id=op_id) as s:
        people = officers(s, op_id)
        _check_stale(s, preview, todo, people.keys())
        stored = [r.assignment_id for r in todo if r.assignment_id is not None]
        rows: dict[int, GuardAssignment] = {}
        for start in range(0, len(stored), 900):  # read together, not one by one
            chunk = stored[start : start + 900]
            rows.update(
                (a.id, a)
                for a in s.scalars(select(GuardAssignment).where(GuardAssignment.id.in_(chunk)))
            )
        for r in todo:
            unit = people[r.personnel_id].unit_id
            if r.assignment_id is None:
                s.add(
                    GuardAssignment(
                        operation_id=op_id, stage_id=stage_id, post_id=r.post_id,
                        personnel_id=r.personnel_id, basis="hand", from_unit_id=unit,
                        locked=True,
                    )
                )  # fmt: skip
                continue
            row = rows[r.assignment_id]
            row.post_id, row.basis, row.from_unit_id, row.locked = r.post_id, "hand", unit, True
        s.flush()
        txn_id = s.info[journal.TXN_KEY].txn_id
    return whole_file.written(preview, txn_id, progress)


def _check_stale(
    s: Session, preview: PlottingPreview, todo: Sequence[Record], eligible: Any
) -> None:
    """Refuse when a placement or a TPS's post that ``todo`` touches is no longer as the
    preview read it (someone placed, moved or locked the person, or regrouped the TPS), or
    when the person may no longer guard."""
    ids = [r.personnel_id for r in todo]
    ga = GuardAssignment
    now: dict[int, tuple[int, int]] = {}
    tps_post: dict[int, int] = {}
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        for person, aid, version in s.execute(
            select(ga.personnel_id, ga.id, ga.version).where(
                ga.stage_id == preview.stage_id, ga.personnel_id.in_(chunk)
            )
        ):
            now[int(person)] = (int(aid), int(version))
    tps_ids = sorted({t for r in todo for t in r.tps_ids})
    for start in range(0, len(tps_ids), 900):
        chunk = tps_ids[start : start + 900]
        for tid, post in s.execute(
            select(GuardPostTps.tps_id, GuardPostTps.post_id).where(
                GuardPostTps.stage_id == preview.stage_id, GuardPostTps.tps_id.in_(chunk)
            )
        ):
            tps_post[int(tid)] = int(post)
    stale = [
        preview.label("personnel_id", r.personnel_id)
        for r in todo
        if now.get(r.personnel_id)
        != ((r.assignment_id, r.version) if r.assignment_id is not None else None)
        or any(tps_post.get(t) != r.post_id for t in r.tps_ids)
        or r.personnel_id not in eligible
    ]
    if stale:
        shown = ", ".join(stale[:5]) + (", \u2026" if len(stale) > 5 else "")
        raise RosterError("stale_rows", file=preview.file, count=len(stale), rows=shown)
