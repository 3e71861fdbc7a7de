"""Guard posts (pos pengamanan TPS) from the guard patterns: reading them, and forming them.

Forming the posts of a stage (``form_posts``): the TPS of one guarding unit, kecamatan and
category are taken in the order of their desa's name and number, and put *b* at a time
into posts, where the category's pattern is "a-b-c" (DOMAIN.md; a TPS not yet rated follows
the strictest pattern, as in ``opscenter.strength``). So the posts need exactly the police
and Linmas that the strength computation requires: *a* police a post, and the Linmas of
``strength.group_need``. Forming again places only the TPS that are in no post yet (a TPS
import brought them): first into posts of their group that have room, then into new posts
numbered after the kecamatan's last. Nothing already placed moves. The hand's regrouping
is ``opscenter.plotting.regrouping``.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, aliased

from opscenter import journal
from opscenter.actor import Actor
from opscenter.editing import row_in_operation
from opscenter.model import (
    GuardAssignment,
    GuardPost,
    GuardPostTps,
    PollingStation,
    Region,
    Stage,
    tps_label,
)
from opscenter.permissions import require
from opscenter.reference import GuardPattern, guard_patterns
from opscenter.store import Store
from opscenter.strength import UNRATED, group_need, strictest, with_unrated

PERMISSION = "plot.edit"


@dataclass(frozen=True, slots=True)
class PostTps:
    id: int
    desa_id: int
    desa: str
    number: int
    category_id: int  # UNRATED (0) when not yet rated
    voters: int

    @property
    def label(self) -> str:
        return tps_label(self.number, self.desa)


@dataclass(frozen=True, slots=True)
class Post:
    """A post as the plotting shows it: its TPS, the pattern it follows and its need."""

    id: int
    version: int
    stage_id: int
    kecamatan_id: int
    kecamatan: str
    number: int
    unit_id: int | None
    tps: tuple[PostTps, ...]
    pattern: GuardPattern
    exception: str | None

    @property
    def over_limit(self) -> bool:
        return len(self.tps) > self.pattern.tps

    @property
    def police(self) -> int:
        return group_need(len(self.tps), self.pattern)[0]

    @property
    def linmas(self) -> int:
        return group_need(len(self.tps), self.pattern)[1]


@dataclass(frozen=True, slots=True)
class Formed:
    """What forming did: posts added, TPS placed (into new or existing posts)."""

    posts: int
    tps: int


def posts(session: Session, operation_id: int, stage_id: int) -> tuple[Post, ...]:
    """The stage's posts, by kecamatan name and number, each with its TPS in order."""
    patterns = with_unrated(guard_patterns(session, operation_id))
    desa, kec = aliased(Region), aliased(Region)
    members: dict[int, list[PostTps]] = defaultdict(list)
    for post_id, tps_id, desa_id, desa_name, number, cat, voters in session.execute(
        select(
            GuardPostTps.post_id,
            PollingStation.id,
            desa.id,
            desa.name,
            PollingStation.number,
            PollingStation.category_id,
            PollingStation.voters,
        )
        .join(PollingStation, PollingStation.id == GuardPostTps.tps_id)
        .join(desa, desa.id == PollingStation.region_id)
        .where(GuardPostTps.stage_id == stage_id, GuardPostTps.operation_id == operation_id)
        .order_by(desa.name, PollingStation.number)
    ):
        members[int(post_id)].append(
            PostTps(int(tps_id), int(desa_id), str(desa_name), int(number), cat or UNRATED, voters)
        )
    out = []
    # Plain rows, no ORM objects: a national stage has 160,000 posts, of a few category mixes.
    pattern_of = functools.cache(lambda cats: post_pattern(patterns, cats))
    gp = GuardPost
    for post_id, version, region_id, number, unit_id, exception, kec_name in session.execute(
        select(gp.id, gp.version, gp.region_id, gp.number, gp.unit_id, gp.exception, kec.name)
        .join(kec, kec.id == gp.region_id)
        .where(gp.stage_id == stage_id, gp.operation_id == operation_id)
        .order_by(kec.name, gp.number)
    ):
        tps = tuple(members.get(post_id, ()))
        out.append(
            Post(
                post_id,
                version,
                stage_id,
                region_id,
                str(kec_name),
                number,
                unit_id,
                tps,
                pattern_of(frozenset(t.category_id for t in tps)),
                exception,
            )
        )
    return tuple(out)


def post_pattern(patterns: Mapping[int, GuardPattern], categories: Iterable[int]) -> GuardPattern:
    """The pattern a post of these categories follows: the strictest among them."""
    return strictest(patterns[c] for c in set(categories) if c in patterns)


def tps_groups(
    operation_id: int, *, unplaced_in: int | None = None
) -> Select[int, int | None, int | None, int | None]:
    """Every TPS of the operation (or those in no post of stage ``unplaced_in``) with what
    groups it into posts: its id, unit, kecamatan (its desa's parent) and category, in the
    order forming takes them. The rows forming reads, and bench/plotting.py's baseline."""
    desa = aliased(Region)
    stmt = (
        select(
            PollingStation.id, PollingStation.unit_id, desa.parent_id, PollingStation.category_id
        )
        .join(desa, desa.id == PollingStation.region_id)
        .where(PollingStation.operation_id == operation_id)
        .order_by(desa.parent_id, PollingStation.unit_id, desa.name, PollingStation.number)
    )
    if unplaced_in is None:
        return stmt
    placed = select(GuardPostTps.tps_id).where(GuardPostTps.stage_id == unplaced_in)
    return stmt.where(PollingStation.id.not_in(placed))


def form_posts(store: Store, actor: Actor, operation_id: int, stage_id: int) -> Formed:
    """Put every TPS of the operation that is in no post of the stage into one (journaled
    as "posts.form"): into a post of its group with room, else into new ones."""
    require(actor, PERMISSION)
    with store.transaction(actor, "posts.form", operation_id=operation_id) as s:
        return form_in(s, operation_id, stage_id)


def form_in(s: Session, operation_id: int, stage_id: int) -> Formed:
    """``form_posts`` inside a transaction the caller holds (the demo's load)."""
    row_in_operation(s, Stage, stage_id, operation_id)
    patterns = with_unrated(guard_patterns(s, operation_id))
    waiting: dict[tuple[int | None, int, int], list[int]] = defaultdict(list)
    for tps_id, unit_id, kec_id, cat in s.execute(tps_groups(operation_id, unplaced_in=stage_id)):
        if kec_id is not None:  # a TPS lies in a desa, and a desa in its kecamatan
            waiting[(unit_id, int(kec_id), cat or UNRATED)].append(int(tps_id))
    if not waiting:
        return Formed(0, 0)
    # Posts with room: those whose TPS are all of one group (unit, kecamatan, category).
    room: dict[tuple[int | None, int, int], list[tuple[int, int]]] = defaultdict(list)
    last: dict[int, int] = {}
    for held in posts(s, operation_id, stage_id):
        last[held.kecamatan_id] = max(last.get(held.kecamatan_id, 0), held.number)
        cats = {t.category_id for t in held.tps}
        if len(cats) == 1 and len(held.tps) < held.pattern.tps:
            key = (held.unit_id, held.kecamatan_id, cats.pop())
            room[key].append((held.id, held.pattern.tps - len(held.tps)))
    # Written at Core speed and journaled row by row (``journal.insert_rows``): a national
    # stage forms 160,000 posts of 435,000 TPS.
    links: list[tuple[int, int]] = []  # (post id, TPS id)
    new_posts: list[tuple[dict[str, Any], list[int]]] = []
    for (unit_id, kec_id, cat), tps_ids in waiting.items():
        queue = list(tps_ids)
        for post_id, free in room.get((unit_id, kec_id, cat), ()):
            taken, queue = queue[:free], queue[free:]
            links.extend((post_id, t) for t in taken)
        size = patterns[cat].tps if cat in patterns else 1
        for start in range(0, len(queue), size):
            last[kec_id] = last.get(kec_id, 0) + 1
            row = {
                "operation_id": operation_id,
                "stage_id": stage_id,
                "region_id": kec_id,
                "number": last[kec_id],
                "unit_id": unit_id,
                "exception": None,
            }
            new_posts.append((row, queue[start : start + size]))
    ids = journal.insert_rows(s, GuardPost, (row for row, _tps in new_posts))
    for post_id, (_row, tps) in zip(ids, new_posts, strict=True):
        links.extend((post_id, t) for t in tps)
    journal.insert_rows(
        s,
        GuardPostTps,
        (
            {"operation_id": operation_id, "post_id": p, "stage_id": stage_id, "tps_id": t}
            for p, t in links
        ),
    )
    return Formed(len(new_posts), sum(len(v) for v in waiting.values()))


def release(s: Session, entity: str, ids: Sequence[int]) -> None:
    """Before rows that guard plotting refers to are deleted in bulk (an import's revert):
    drop their post memberships and placements, and forget them as a post's unit or a
    placement's lender, through the session so that the journal sees each change (the
    database's own cascades would make them unseen)."""
    if entity == "polling_station":
        stmt = select(GuardPostTps).where(GuardPostTps.tps_id.in_(ids))
        for link in s.scalars(stmt):
            s.delete(link)
    elif entity == "personnel":
        for row in s.scalars(select(GuardAssignment).where(GuardAssignment.personnel_id.in_(ids))):
            s.delete(row)
    elif entity == "unit":
        for post in s.scalars(select(GuardPost).where(GuardPost.unit_id.in_(ids))):
            post.unit_id = None
        stmt2 = select(GuardAssignment).where(GuardAssignment.from_unit_id.in_(ids))
        for row in s.scalars(stmt2):
            row.from_unit_id = None
    s.flush()
