"""The plotting on paper: the plotting list (daftar plotting personel pengamanan TPS) per
kecamatan with its Polsek, and the assignment slips (lampiran surat perintah), as plain
data that ``reports.plotting`` prints and writes as a workbook.

The list follows the plotting as it stands (``plot.plotting``): kecamatan by name, each
headed by the Polsek guarding it (the post's own unit, else the Polsek whose area covers
the kecamatan, as the plotting reads it) and its Polres; within it the posts by number,
each with its TPS, desa, Linmas need (from the post's pattern: there is no Linmas roster
per post) and its officers by seniority, the most senior its leader; then what each
kecamatan still lacks, and at the end the reserve. ``scope`` limits it to one unit: the
posts guarded by that unit or a unit under it, and the reserve working there.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from opscenter.editing import row_in_operation
from opscenter.errors import NotFound
from opscenter.model import Stage, Unit
from opscenter.plotting.plot import plotting
from opscenter.plotting.pools import Officer, UnitTree, guard_unit, unit_tree


@dataclass(frozen=True, slots=True)
class Guard:
    """One officer as the documents name them."""

    name: str
    rank: str
    nrp: str
    phone: str
    unit: str  # where the person works (satuan)
    leader: bool


@dataclass(frozen=True, slots=True)
class PostLine:
    number: int
    # Its TPS per desa, in the order of their desa's name and number: ("Talang", ("001",)).
    by_desa: tuple[tuple[str, tuple[str, ...]], ...]
    police: int  # the post's need from its pattern
    linmas: int
    pattern: str  # "a-b-c"
    guards: tuple[Guard, ...]  # by seniority; the first is the leader

    @property
    def short(self) -> int:
        return max(0, self.police - len(self.guards))

    @property
    def desa(self) -> tuple[str, ...]:
        return tuple(d for d, _n in self.by_desa)

    @property
    def tps(self) -> tuple[str, ...]:
        """Each desa's TPS numbers joined ("001, 002"), in the order of ``desa``."""
        return tuple(", ".join(n) for _d, n in self.by_desa)


@dataclass(frozen=True, slots=True)
class KecamatanPlot:
    kecamatan: str
    polsek: str | None  # the unit guarding it (None: no Polsek covers it)
    polres: str | None
    posts: tuple[PostLine, ...]

    @property
    def placed(self) -> int:
        return sum(len(p.guards) for p in self.posts)

    @property
    def needed(self) -> int:
        return sum(p.police for p in self.posts)

    @property
    def deficit(self) -> int:
        return sum(p.short for p in self.posts)

    @property
    def linmas(self) -> int:
        return sum(p.linmas for p in self.posts)


@dataclass(frozen=True, slots=True)
class PlottingList:
    """A stage's plotting list, for the whole operation or one unit (``scope``)."""

    stage: str
    stage_code: str
    stage_from: date | None
    stage_to: date | None
    scope: str | None  # the unit's name, None for the whole operation
    kecamatan: tuple[KecamatanPlot, ...]
    reserve: tuple[Guard, ...]

    @property
    def posts(self) -> int:
        return sum(len(k.posts) for k in self.kecamatan)

    @property
    def placed(self) -> int:
        return sum(k.placed for k in self.kecamatan)

    @property
    def needed(self) -> int:
        return sum(k.needed for k in self.kecamatan)

    @property
    def deficit(self) -> int:
        return sum(k.deficit for k in self.kecamatan)


@dataclass(frozen=True, slots=True)
class Slip:
    """One person's assignment (lampiran surat perintah)."""

    guard: Guard
    polres: str | None
    polsek: str | None
    kecamatan: str
    post: PostLine


def _within(tree: UnitTree, unit: int | None, scope: int) -> bool:
    """Whether ``unit`` is ``scope`` or under it."""
    seen = 0
    while unit is not None and seen < 32:
        if unit == scope:
            return True
        unit, seen = tree.parent.get(unit), seen + 1
    return False


def _guard(o: Officer, names: dict[int, str], leader: bool) -> Guard:
    return Guard(o.name, o.rank, o.nrp, o.phone or "", names.get(o.unit_id, ""), leader)


def plotting_list(
    session: Session, operation_id: int, stage_id: int, scope: int | None = None
) -> PlottingList:
    """The stage's plotting list (see the module); ``scope`` is a unit id."""
    stage = row_in_operation(session, Stage, stage_id, operation_id)
    tree = unit_tree(session, operation_id)
    if scope is not None and scope not in tree.parent:
        raise NotFound(entity="unit", key=scope)
    names = {
        int(i): str(n)
        for i, n in session.execute(
            select(Unit.id, Unit.name).where(Unit.operation_id == operation_id)
        )
    }
    plot = plotting(session, operation_id, stage_id)
    groups: dict[tuple[str, int, int | None], list[PostLine]] = defaultdict(list)
    for pp in plot.posts:
        post = pp.post
        guard = guard_unit(tree, post)
        if scope is not None and not _within(tree, guard, scope):
            continue
        by_desa: dict[str, list[str]] = {}
        for t in post.tps:
            by_desa.setdefault(t.desa, []).append(f"{t.number:03d}")
        groups[(post.kecamatan, post.kecamatan_id, guard)].append(
            PostLine(
                post.number,
                tuple((d, tuple(n)) for d, n in by_desa.items()),
                post.police,
                post.linmas,
                str(post.pattern),
                tuple(_guard(p.officer, names, p.leader) for p in pp.officers),
            )
        )
    kecamatan = tuple(
        KecamatanPlot(
            name,
            names.get(guard) if guard is not None else None,
            names.get(tree.polres(guard) or -1),
            tuple(lines),
        )
        for (name, _kid, guard), lines in sorted(
            groups.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or 0)
        )
    )
    reserve = tuple(
        _guard(o, names, False)
        for o in plot.reserve
        if scope is None or _within(tree, o.unit_id, scope)
    )
    return PlottingList(
        stage.name,
        stage.code,
        stage.starts_on,
        stage.ends_on,
        names[scope] if scope is not None else None,
        kecamatan,
        reserve,
    )


def slips(listing: PlottingList) -> tuple[Slip, ...]:
    """One slip per placed person: by Polres, kecamatan, post, then seniority."""
    out = [
        Slip(g, k.polres, k.polsek, k.kecamatan, p)
        for k in listing.kecamatan
        for p in k.posts
        for g in p.guards
    ]
    out.sort(key=lambda s: (s.polres or "", s.kecamatan, s.post.number))  # stable: seniority stays
    return tuple(out)


def unit_named(session: Session, operation_id: int, code: str) -> int | None:
    """The id of the unit whose code is ``code`` (any case), if there is one."""
    found = session.scalar(
        select(Unit.id).where(
            Unit.operation_id == operation_id, func.lower(Unit.code) == code.strip().lower()
        )
    )
    return None if found is None else int(found)


def scope_codes(session: Session, operation_id: int) -> Sequence[str]:
    """The codes a refusal suggests: the Polres."""
    return list(
        session.scalars(
            select(Unit.code)
            .where(Unit.operation_id == operation_id, Unit.kind.in_(("polres", "polresta")))
            .order_by(Unit.code)
        )
    )
