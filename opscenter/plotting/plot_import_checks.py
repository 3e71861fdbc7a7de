"""A plotting list's row checked against the operation (``plot_import.prepare``): what the
check knows, read once (``Known``: the people, ranks, kecamatan, desa, TPS and the stage's posts
and placements), and ``RowChecks``, which finds a row's officer (by NRP, else by name and rank,
and only one who may guard), its TPS (numbers within a desa, within the row's kecamatan) and the
one post holding them, naming the cell of each problem."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter.model import (
    GuardAssignment,
    Personnel,
    PollingStation,
    Rank,
    Region,
    post_label,
    tps_label,
)
from opscenter.plotting.pools import officers
from opscenter.plotting.posts import posts
from opscenter.roster import normalise as nz
from opscenter.roster.cell_reader import CellReader
from opscenter.roster.headers import Layout, norm
from opscenter.roster.reading import Cell
from opscenter.roster.reference_data import place_key

# "Kecamatan" or "Kec." before a kecamatan's name.
KECAMATAN_WORD = re.compile(r"^\s*(kecamatan|kec)\b\.?", re.IGNORECASE)
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
class _Placed:
    id: int
    version: int
    post_id: int
    locked: bool


@dataclass(slots=True)
class Known:
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
    (``reference_data.place_key``, which also takes "Kota" for a prefix)."""
    return {place_key(name), norm(KECAMATAN_WORD.sub("", name, count=1))}


def _name_key(name: str) -> str:
    """A name without the degrees after its comma ("Budi Santoso, S.H." -> "budisantoso")."""
    return norm(name.split(",")[0])


def read_known(s: Session, operation_id: int, stage_id: int) -> Known:
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
            desa[place_key(str(name))].append((int(rid), parent))
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
    return Known(
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
        post_labels={p.id: post_label(p.number, p.kecamatan) for p in held},
        placed=placed,
    )


@dataclass(frozen=True, slots=True)
class Place:
    """The TPS a row named, which a row below without TPS continues."""

    section: int  # which kecamatan section it was written in
    desa: Cell
    tps: Cell
    post: Cell


class RowChecks(CellReader):
    """A row's kecamatan, officer, TPS and post found in ``Known``, or problems naming their
    cells (``self.bad``); ``kecamatan`` is the current section's, which a desa lies in."""

    def __init__(self, known: Known, layout: Layout, sheet: str) -> None:
        super().__init__(layout, sheet)
        self.known = known
        self.kecamatan: int | None = None  # the current section's kecamatan

    def _kecamatan_named(self, text: str) -> int | None:
        """The kecamatan a heading or cell names ("KECAMATAN: PANGKALAN BARU", "Air Hangat
        — Polsek Air Hangat (Polres Kerinci)"), if exactly one."""
        word = KECAMATAN_WORD.match(text)
        bare = text[word.end() :].lstrip(" :.\t") if word else text
        head = _HEADING_CUT.split(bare, maxsplit=1)[0]
        if word:
            head = f"{word[1]} {head}"
        found: set[int] = set()
        for key in _keys(head):
            found |= self.known.kecamatan.get(key, set())
        return found.pop() if len(found) == 1 else None

    def _post(self, index: int, place: Place | None) -> tuple[int | None, tuple[int, ...]]:
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
                self.bad(index, "tps", "plot_tps_unknown", tps_label(n, str(place.desa)))
                return None, ()
            tps_ids.append(tid)
        post_ids = {self.known.post_of.get(t) for t in tps_ids}
        if None in post_ids:
            n = numbers[[self.known.post_of.get(t) for t in tps_ids].index(None)]
            self.bad(index, "tps", "plot_tps_no_post", tps_label(n, str(place.desa)))
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
            (self.known.desa, place_key(text)),
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
