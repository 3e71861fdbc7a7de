"""Guard posts (pos pengamanan TPS) from the guard patterns, and the hand's regrouping.

Forming the posts of a stage (``form_posts``): the TPS of one guarding unit, kecamatan and
category are taken in the order of their desa's name and number, and put *b* at a time
into posts, where the category's pattern is "a-b-c" (DOMAIN.md; a TPS not yet rated follows
the strictest pattern, as in ``opscenter.strength``). So the posts need exactly the police
and Linmas that the strength computation requires: *a* police a post, and the Linmas of
``strength.group_need``. Forming again places only the TPS that are in no post yet (a TPS
import brought them): first into posts of their group that have room, then into new posts
numbered after the kecamatan's last. Nothing already placed moves.

By hand (``move_tps``, ``split_post``, ``merge_posts``) a TPS goes to another post of its
kecamatan. A post follows the strictest pattern among its TPS; beyond that pattern's *b*
TPS the change is refused unless it gives a reason, which the post then carries
(``exception``) until it is back within its limit. A post left with no TPS is removed.
The limit is checked inside the writing transaction against the TPS the post holds
then, so two workstations filling one post cannot pass it together; a post's version
guards its own fields (the exception), not its membership. Each change is one journal
transaction under ``plot.edit``; every change has an inverse
among these (a move back, a merge of a split, a split of a merge), which the undo uses.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from opscenter import journal
from opscenter.actor import Actor
from opscenter.editing import fetch_for_edit, row_in_operation
from opscenter.errors import NotFound, OpsError
from opscenter.model import (
    GuardAssignment,
    GuardPost,
    GuardPostTps,
    PollingStation,
    Region,
    Stage,
)
from opscenter.permissions import require
from opscenter.reference import GuardPattern, guard_patterns
from opscenter.store import Store
from opscenter.strength import UNRATED, group_need, strictest, with_unrated

PERMISSION = "plot.edit"
# The longest reason a post carries for holding more TPS than its pattern allows.
REASON_MAX = 500


class PostRefused(OpsError):
    """A regrouping the posts' rules refuse. data: reason ("full", "other_kecamatan",
    "not_placed", "split_none", "split_all", "same_post", "reason_too_long"), and what the
    sentence names: post (its number), kecamatan, tps, count, limit, pattern."""

    code = "post.refused"


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
        return f"TPS {self.number:03d} {self.desa}"


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


@dataclass(frozen=True, slots=True)
class Moved:
    """A move, with what its undo needs: where the TPS was, whether that post went, and
    the versions the move left on the two posts (the source's None when it went), which
    the undo and the redo expect."""

    tps_id: int
    from_post_id: int
    to_post_id: int
    from_removed: bool
    to_version: int
    from_version: int | None


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
    pattern_of = functools.cache(lambda cats: _pattern(patterns, cats))
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


def _pattern(patterns: Mapping[int, GuardPattern], categories: Iterable[int]) -> GuardPattern:
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


def move_tps(
    store: Store,
    actor: Actor,
    operation_id: int,
    stage_id: int,
    tps_id: int,
    to_post_id: int,
    *,
    reason: str | None = None,
    expected_version: int | None = None,
    expected_from: tuple[int, int | None] | None = None,
) -> Moved:
    """Move a TPS to another post of its kecamatan (journaled as "posts.move"); beyond the
    target's pattern only with ``reason``. ``expected_version`` is the target's;
    ``expected_from`` the post the TPS is expected on and that post's version (None: any): a
    TPS moved on since, or either post changed, is refused as stale (None: no check)."""
    require(actor, PERMISSION)
    with store.transaction(actor, "posts.move", operation_id=operation_id) as s:
        link = _link(s, stage_id, tps_id)
        if link is None or link.operation_id != operation_id:
            raise PostRefused(reason="not_placed", tps=_tps_label(s, tps_id))
        target = _post(s, operation_id, stage_id, to_post_id, expected_version)
        was_on, was_version = expected_from or (link.post_id, None)
        if link.post_id != was_on:
            raise journal.stale_edit(s, "guard_post_tps", link.id)
        source = fetch_for_edit(s, GuardPost, link.post_id, was_version)
        if source.id == target.id:
            raise PostRefused(reason="same_post", post=target.number, tps=_tps_label(s, tps_id))
        if source.region_id != target.region_id:
            raise PostRefused(
                reason="other_kecamatan",
                tps=_tps_label(s, tps_id),
                kecamatan=_name(s, target.region_id),
                post=target.number,
            )
        link.post_id = target.id
        s.flush()
        _check_limit(s, operation_id, target, reason)
        removed = _settle(s, operation_id, source, heir=target)
        left = None if removed else int(source.version)
        return Moved(tps_id, source.id, target.id, removed, int(target.version), left)


def split_post(
    store: Store,
    actor: Actor,
    operation_id: int,
    post_id: int,
    tps_ids: Sequence[int],
    *,
    expected_version: int | None = None,
) -> int:
    """Take some of a post's TPS into a new post of the kecamatan (journaled as
    "posts.split"); returns the new post's id."""
    require(actor, PERMISSION)
    with store.transaction(actor, "posts.split", operation_id=operation_id) as s:
        post = _post(s, operation_id, None, post_id, expected_version)
        links = _held(s, post)
        chosen = [links[t] for t in dict.fromkeys(tps_ids) if t in links]
        if not chosen or len(chosen) < len(set(tps_ids)):
            raise PostRefused(
                reason="split_none", post=post.number, kecamatan=_name(s, post.region_id)
            )
        if len(chosen) == len(links):
            raise PostRefused(
                reason="split_all", post=post.number, kecamatan=_name(s, post.region_id)
            )
        number = s.execute(
            select(func.max(GuardPost.number)).where(
                GuardPost.stage_id == post.stage_id, GuardPost.region_id == post.region_id
            )
        ).scalar_one()
        new = GuardPost(
            operation_id=operation_id,
            stage_id=post.stage_id,
            region_id=post.region_id,
            number=int(number) + 1,
            unit_id=post.unit_id,
        )
        s.add(new)
        s.flush()
        for link in chosen:
            link.post_id = new.id
        s.flush()
        _settle(s, operation_id, post, heir=None)  # never emptied: split_all is refused
        return new.id


def merge_posts(
    store: Store,
    actor: Actor,
    operation_id: int,
    into_post_id: int,
    from_post_id: int,
    *,
    reason: str | None = None,
    expected_version: int | None = None,
    expected_tps: Collection[int] | None = None,
) -> tuple[int, ...]:
    """Move every TPS of one post into another of its kecamatan and remove the emptied
    post (journaled as "posts.merge"); beyond the pattern only with ``reason``. Returns
    the TPS moved (what an undo splits off again). ``expected_version`` is the target's;
    ``expected_tps`` the TPS the window showed on the merged post, or the last write left
    there: one moved onto it or off it since is refused as stale (None: no check)."""
    require(actor, PERMISSION)
    with store.transaction(actor, "posts.merge", operation_id=operation_id) as s:
        source = fetch_for_edit(s, GuardPost, from_post_id, None)
        target = _post(s, operation_id, source.stage_id, into_post_id, expected_version)
        if source.id == target.id:
            raise PostRefused(reason="same_post", post=target.number, tps="")
        if source.region_id != target.region_id:
            raise PostRefused(
                reason="other_kecamatan",
                tps=f"pos {source.number}",
                kecamatan=_name(s, target.region_id),
                post=target.number,
            )
        held = _held(s, source)
        if expected_tps is not None:
            _expect_tps(s, source, held, expected_tps)
        moved = []
        for link in held.values():
            link.post_id = target.id
            moved.append(link.tps_id)
        s.flush()
        _check_limit(s, operation_id, target, reason)
        _settle(s, operation_id, source, heir=target)
        return tuple(moved)


# --- inside a transaction --------------------------------------------------------------


def _post(
    s: Session, operation_id: int, stage_id: int | None, post_id: int, expected: int | None
) -> GuardPost:
    """The post to change, refused as stale unless at version ``expected`` (None: any), and
    as not found unless of the operation and of stage ``stage_id`` (None: any)."""
    post = fetch_for_edit(s, GuardPost, post_id, expected)
    if post.operation_id != operation_id or (stage_id is not None and post.stage_id != stage_id):
        raise NotFound(entity="guard_post", key=post_id)
    return post


def _link(s: Session, stage_id: int, tps_id: int) -> GuardPostTps | None:
    """The TPS's membership of a post of the stage, if it is in one."""
    stmt = select(GuardPostTps).where(
        GuardPostTps.stage_id == stage_id, GuardPostTps.tps_id == tps_id
    )
    return s.execute(stmt).scalar_one_or_none()


def _held(s: Session, post: GuardPost) -> dict[int, GuardPostTps]:
    """A post's TPS, each with its membership (TPS id -> link)."""
    stmt = select(GuardPostTps).where(GuardPostTps.post_id == post.id)
    return {link.tps_id: link for link in s.scalars(stmt)}


def _expect_tps(
    s: Session, post: GuardPost, held: Mapping[int, GuardPostTps], expected: Collection[int]
) -> None:
    """Refuse as stale a post whose TPS (``held``: TPS -> its link) are no longer those
    ``expected``: one moved off it or onto it since, the sentence naming who moved it."""
    gone, came = sorted(set(expected) - set(held)), sorted(set(held) - set(expected))
    if gone:
        link = _link(s, post.stage_id, gone[0])
        if link is None:
            raise NotFound(entity="guard_post_tps", key=gone[0])
        raise journal.stale_edit(s, "guard_post_tps", link.id)
    if came:
        raise journal.stale_edit(s, "guard_post_tps", held[came[0]].id)


def _members(s: Session, operation_id: int, post: GuardPost) -> tuple[int, GuardPattern]:
    """How many TPS a post holds, and the pattern they make it follow."""
    cats = [
        c or UNRATED
        for (c,) in s.execute(
            select(PollingStation.category_id)
            .join(GuardPostTps, GuardPostTps.tps_id == PollingStation.id)
            .where(GuardPostTps.post_id == post.id)
        )
    ]
    return len(cats), _pattern(with_unrated(guard_patterns(s, operation_id)), cats)


def _check_limit(s: Session, operation_id: int, post: GuardPost, reason: str | None) -> None:
    count, pattern = _members(s, operation_id, post)
    if count > pattern.tps:
        why = (reason or "").strip()
        if not why:
            raise PostRefused(
                reason="full",
                post=post.number,
                kecamatan=_name(s, post.region_id),
                count=count,
                limit=pattern.tps,
                pattern=str(pattern),
            )
        if len(why) > REASON_MAX:
            raise PostRefused(reason="reason_too_long", limit=REASON_MAX)
        post.exception = why
    s.flush()


def _settle(s: Session, operation_id: int, post: GuardPost, heir: GuardPost | None) -> bool:
    """After TPS left a post: remove it if empty (True), its officers following its TPS to
    ``heir``; else drop an exception it no longer needs."""
    count, pattern = _members(s, operation_id, post)
    if count == 0:
        # Through the session, so that the journal sees each officer move (the database's
        # own cascade would delete them unseen).
        for row in s.scalars(select(GuardAssignment).where(GuardAssignment.post_id == post.id)):
            if heir is not None:
                row.post_id = heir.id
            else:
                s.delete(row)
        s.flush()
        s.delete(post)
        s.flush()
        return True
    if count <= pattern.tps:
        post.exception = None
    s.flush()
    return False


def _name(s: Session, region_id: int) -> str:
    region = s.get(Region, region_id)
    return region.name if region is not None else str(region_id)


def _tps_label(s: Session, tps_id: int) -> str:
    tps = s.get(PollingStation, tps_id)
    if tps is None:
        return str(tps_id)
    return f"TPS {tps.number:03d} {_name(s, tps.region_id)}"


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
