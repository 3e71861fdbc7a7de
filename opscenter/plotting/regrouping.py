"""The hand's regrouping of guard posts (``opscenter.plotting.posts``).

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

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from opscenter import journal
from opscenter.actor import Actor
from opscenter.editing import fetch_for_edit
from opscenter.errors import NotFound, OpsError
from opscenter.model import (
    GuardAssignment,
    GuardPost,
    GuardPostTps,
    PollingStation,
    Region,
    tps_label,
)
from opscenter.permissions import require
from opscenter.plotting.posts import PERMISSION, post_pattern
from opscenter.reference import GuardPattern, guard_patterns
from opscenter.store import Store
from opscenter.strength import UNRATED, with_unrated

# The longest reason a post carries for holding more TPS than its pattern allows.
REASON_MAX = 500


class PostRefused(OpsError):
    """A regrouping the posts' rules refuse. data: reason ("full", "other_kecamatan",
    "not_placed", "split_none", "split_all", "same_post", "reason_too_long"), and what the
    sentence names: post (its number), kecamatan, tps, count, limit, pattern."""

    code = "post.refused"


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
    return len(cats), post_pattern(with_unrated(guard_patterns(s, operation_id)), cats)


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
    return tps_label(tps.number, _name(s, tps.region_id))
