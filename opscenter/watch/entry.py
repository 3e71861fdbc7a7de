"""Recording the watch: a TPS reached a step at a time, entered by an operator on the phone
with a Polsek, a batch for a whole post, a Polres's periodic list, or the command line.

What an operator types is read here, once for every way in:

* a TPS by its KPU code, the desa's Kemendagri code and the TPS number: "1501012001003",
  "15.01.01.2001-003" or "15.01.01.2001/3"; or by desa and number: "Siulak Deras 3",
  "TPS 003 Siulak Deras" (refused when two desa of the operation share the name);
* a post by kecamatan and number: "Siulak P3", "Pos 3 Siulak", "15.01.01 P3";
* a step by its key (its place in the list: "1" ... "6"), its code ("tiba") or the start of
  its name ("penghitungan");
* a time as "HH:MM" (on the operation's local date of now), "YYYY-MM-DD HH:MM", or nothing
  for now (``opscenter.clock.now``: simulated in an exercise).

``record`` writes marks in one journaled transaction ("watch.record") under
``watch.record``, each time stored (and journaled) in UTC whatever zone it was given in.
A mark with a time sets the step's time (a correction replaces the earlier one); a mark
without a time clears the step, which is how an undo takes back a first report. Each
change comes back with what it replaced, so the undo can write the earlier state back
with ``expect`` holding what it wrote: if someone else has changed one of those steps
since, the undo is refused and nothing changes.

A time in the future (beyond a minute of slack for clocks), or more than a day away from
voting day, is refused: it is a typing mistake, not a report.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, func, or_, select, tuple_
from sqlalchemy.orm import Session, aliased

from opscenter import clock
from opscenter.actor import Actor
from opscenter.errors import OpsError
from opscenter.model import (
    GuardPost,
    GuardPostTps,
    PollingStation,
    Region,
    TpsWatch,
    Unit,
    UnitArea,
    tps_label,
)
from opscenter.operations import stages, timezone_of, voting_day
from opscenter.permissions import require
from opscenter.store import Store
from opscenter.watch.steps import Step, steps

PERMISSION = "watch.record"
# Clocks of workstations and telephones differ a little; beyond this a time is the future.
SLACK = timedelta(minutes=1)
# How far from voting day a report may lie (guards arrive the evening before; a box may
# reach the PPK the morning after).
WINDOW = timedelta(days=1)
_CHUNK = 500


class WatchRefused(OpsError):
    """A watch entry refused. data: reason ("unknown_tps", "ambiguous_tps", "unknown_post",
    "unknown_step", "ambiguous_step", "bad_time", "future", "outside_day", "changed",
    "empty"), text (what was typed), tps (a TPS's label), step (its name), at, zone,
    choices (the candidates of an ambiguity)."""

    code = "watch.refused"


@dataclass(frozen=True, slots=True)
class Mark:
    """The step a TPS reached, and when; ``at`` None clears it."""

    tps_id: int
    step_id: int
    at: datetime | None


@dataclass(frozen=True, slots=True)
class Change:
    """What a mark changed: the step's time before and after (None: not reached)."""

    tps_id: int
    step_id: int
    before: datetime | None
    after: datetime | None

    def undo(self) -> Mark:
        return Mark(self.tps_id, self.step_id, self.before)


# --- what an operator types --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TpsRef:
    id: int
    number: int
    desa: str
    kecamatan_id: int | None
    # The unit that guards it: its own, else the Polsek whose area covers its kecamatan
    # (the incident form's "g" starts with it ticked).
    guard_unit_id: int | None = None

    @property
    def label(self) -> str:
        return tps_label(self.number, self.desa)


def tps_code(desa_code: str | None, number: int) -> str | None:
    """A TPS's code as the KPU writes it: the desa's ten digits and three of the TPS."""
    digits = re.sub(r"\D", "", desa_code or "")
    return f"{digits}{number:03d}" if len(digits) == 10 else None


def _dotted(digits: str) -> str:
    """ "1501012001" -> "15.01.01.2001"; a kecamatan's "150101" -> "15.01.01"."""
    parts = [digits[0:2], digits[2:4], digits[4:6]]
    if len(digits) > 6:
        parts.append(digits[6:])
    return ".".join(parts)


_CODED = re.compile(r"^(\d{2})\.?(\d{2})\.?(\d{2})\.?(\d{4})\s*[-/.\s]?\s*(\d{1,3})$")
_NAMED = (
    re.compile(r"^tps\s*0*(\d{1,3})\s+(.+)$", re.IGNORECASE),
    re.compile(r"^(.+?)\s+(?:tps\s*)?0*(\d{1,3})$", re.IGNORECASE),
)


def find_tps(session: Session, operation_id: int, text: str) -> TpsRef:
    """The TPS ``text`` names (see the module's note); refused in a sentence otherwise."""
    typed = " ".join(text.split())
    if not typed:
        raise WatchRefused(reason="empty", text=text)
    m = _CODED.match(typed)
    if m:
        desa_code = ".".join(m.groups()[:4])
        found = _tps_where(session, operation_id, Region.code == desa_code, int(m[5]))
        if len(found) == 1:
            return found[0]
        raise WatchRefused(reason="unknown_tps", text=typed)
    for pattern in _NAMED:
        m = pattern.match(typed)
        if m is None:
            continue
        number, name = (int(m[1]), m[2]) if pattern is _NAMED[0] else (int(m[2]), m[1])
        found = _tps_where(session, operation_id, _name_is(name), number)
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise WatchRefused(
                reason="ambiguous_tps", text=typed, choices=", ".join(t.label for t in found)
            )
    raise WatchRefused(reason="unknown_tps", text=typed)


def _name_is(name: str) -> ColumnElement[bool]:
    """A desa by its name, with or without "Desa"/"Kelurahan", in any case."""
    bare = re.sub(r"^(desa|kelurahan|kel\.?)\s+", "", name.strip(), flags=re.IGNORECASE).lower()
    low = func.lower(Region.name)
    return or_(low == bare, low == "desa " + bare, low == "kelurahan " + bare)


def _tps_where(
    session: Session, operation_id: int, desa_filter: ColumnElement[bool], number: int
) -> list[TpsRef]:
    return tps_refs(session, operation_id, PollingStation.number == number, desa_filter)


def tps_refs(session: Session, operation_id: int, *where: ColumnElement[bool]) -> list[TpsRef]:
    """The operation's TPS that ``where`` picks, with their desa, kecamatan and guard."""
    rows = session.execute(
        select(
            PollingStation.id,
            PollingStation.number,
            Region.name,
            Region.parent_id,
            PollingStation.unit_id,
        )
        .join(Region, Region.id == PollingStation.region_id)
        .where(PollingStation.operation_id == operation_id, *where)
        .order_by(PollingStation.id)
    ).all()
    unguarded = {int(k) for *_, k, u in rows if u is None and k is not None}
    polsek: dict[int, int] = {}
    if unguarded:
        # As the plotting's unit tree reads a kecamatan's Polsek (``plotting.pools``).
        polsek = {
            int(region): int(unit)
            for unit, region in session.execute(
                select(UnitArea.unit_id, UnitArea.region_id)
                .join(Unit, Unit.id == UnitArea.unit_id)
                .where(
                    Unit.operation_id == operation_id,
                    Unit.kind == "polsek",
                    UnitArea.region_id.in_(unguarded),
                )
                .order_by(UnitArea.unit_id)
            )
        }

    def guard(unit: int | None, kecamatan: int | None) -> int | None:
        if unit is not None:
            return int(unit)
        return polsek.get(kecamatan) if kecamatan is not None else None

    return [TpsRef(int(i), int(n), str(d), k, guard(u, k)) for i, n, d, k, u in rows]


_POST = (
    re.compile(r"^pos\s*(\d{1,4})\s+(.+)$", re.IGNORECASE),
    re.compile(r"^(.+?)\s+(?:pos\s*|p)(\d{1,4})$", re.IGNORECASE),
)


def find_post(session: Session, operation_id: int, stage_id: int, text: str) -> tuple[int, ...]:
    """The TPS of the post ``text`` names ("Siulak P3", "Pos 3 Siulak", "15.01.01 P3"), in
    their order; refused in a sentence when no post of the stage is so named."""
    typed = " ".join(text.split())
    for pattern in _POST:
        m = pattern.match(typed)
        if m is None:
            continue
        number, place = (int(m[1]), m[2]) if pattern is _POST[0] else (int(m[2]), m[1])
        digits = re.sub(r"\D", "", place)
        kec = aliased(Region)
        where: ColumnElement[bool]
        if len(digits) == 6 and not re.search(r"[A-Za-z]", place):
            where = kec.code == _dotted(digits)
        else:
            bare = re.sub(r"^(kecamatan|kec\.?)\s+", "", place, flags=re.IGNORECASE).lower()
            low = func.lower(kec.name)
            where = or_(low == bare, low == "kecamatan " + bare)
        desa = aliased(Region)
        ids = (
            session.execute(
                select(GuardPostTps.tps_id)
                .join(GuardPost, GuardPost.id == GuardPostTps.post_id)
                .join(kec, kec.id == GuardPost.region_id)
                .join(PollingStation, PollingStation.id == GuardPostTps.tps_id)
                .join(desa, desa.id == PollingStation.region_id)
                .where(
                    GuardPost.operation_id == operation_id,
                    GuardPost.stage_id == stage_id,
                    GuardPost.number == number,
                    where,
                )
                .order_by(desa.name, PollingStation.number)
            )
            .scalars()
            .all()
        )
        if ids:
            return tuple(int(i) for i in ids)
    raise WatchRefused(reason="unknown_post", text=typed)


def find_step(all_steps: Sequence[Step], text: str) -> Step:
    """The step ``text`` names: its code, its key, or the unique start of its name."""
    typed = text.strip().lower()
    if not typed:
        raise WatchRefused(reason="unknown_step", text=text)
    for s in all_steps:
        if s.code == typed:
            return s
    for s in all_steps:
        if s.key == typed:
            return s
    starting = [
        s
        for s in all_steps
        if s.name.lower().startswith(typed) or (s.name_en or "").lower().startswith(typed)
    ]
    if len(starting) == 1:
        return starting[0]
    if starting:
        raise WatchRefused(
            reason="ambiguous_step", text=text, choices=", ".join(s.name for s in starting)
        )
    raise WatchRefused(reason="unknown_step", text=text)


_CLOCK = re.compile(r"^(\d{1,2})[:.](\d{2})$")


def read_time(text: str | None, zone: str, now: datetime | None = None) -> datetime:
    """The moment an operator typed: "HH:MM" on the local date of now, a full
    "YYYY-MM-DD HH:MM" (local unless it names its offset), or nothing for now."""
    tz = ZoneInfo(zone)
    now = now or clock.now()
    typed = (text or "").strip()
    if not typed:
        return now
    m = _CLOCK.match(typed)
    try:
        if m:
            local = now.astimezone(tz)
            at = datetime.combine(local.date(), time(int(m[1]), int(m[2])), tzinfo=tz)
        else:
            at = datetime.fromisoformat(typed)
            if at.tzinfo is None:
                at = at.replace(tzinfo=tz)
    except ValueError as exc:
        raise WatchRefused(reason="bad_time", text=typed) from exc
    return at


# --- writing -------------------------------------------------------------------------------


def record(
    store: Store,
    actor: Actor,
    operation_id: int,
    marks: Sequence[Mark],
    *,
    expect: Mapping[tuple[int, int], datetime | None] | None = None,
    by: str | None = None,
) -> tuple[Change, ...]:
    """Write ``marks`` (journaled as "watch.record"), all or none; returns what changed.

    ``expect`` ((TPS, step) -> the time the caller believes is there) refuses the whole
    batch when one of them holds something else now (an undo over someone's newer report).
    ``by`` names the report's source when it is not the account itself ("impor: file.xlsx").
    """
    require(actor, PERMISSION)
    if not marks:
        raise WatchRefused(reason="empty", text="")
    with store.transaction(actor, "watch.record", operation_id=operation_id) as s:
        return record_in(s, operation_id, marks, expect=expect, by=by or actor.username)


def record_in(
    s: Session,
    operation_id: int,
    marks: Sequence[Mark],
    *,
    expect: Mapping[tuple[int, int], datetime | None] | None = None,
    by: str,
) -> tuple[Change, ...]:
    """``record`` inside a transaction the caller holds (an import's commit, the demo)."""
    zone = timezone_of(s, operation_id)
    known_steps = {st.id: st for st in steps(s, operation_id)}
    last = {(m.tps_id, m.step_id): m for m in marks}  # the last mark of a pair wins
    tps_ids = sorted({t for t, _s in last})
    labels = tps_labels(s, operation_id, tps_ids)
    for tps_id, step_id in last:
        if tps_id not in labels:
            raise WatchRefused(reason="unknown_tps", text=str(tps_id))
        if step_id not in known_steps:
            raise WatchRefused(reason="unknown_step", text=str(step_id))
    day = voting_day(stages(s, operation_id))
    now = clock.now()
    for m in last.values():
        if m.at is not None:
            check_time(m.at, day, zone, now, labels[m.tps_id], known_steps[m.step_id].name)
    held: dict[tuple[int, int], TpsWatch] = {}
    pairs = list(last)
    for i in range(0, len(pairs), _CHUNK):
        chunk = pairs[i : i + _CHUNK]
        for row in s.scalars(
            select(TpsWatch).where(tuple_(TpsWatch.tps_id, TpsWatch.step_id).in_(chunk))
        ):
            held[(row.tps_id, row.step_id)] = row
    if expect:
        for pair, wanted in expect.items():
            seen = held.get(pair)
            found = seen.at if seen is not None else None
            if found != wanted:
                raise WatchRefused(
                    reason="changed",
                    tps=labels.get(pair[0], str(pair[0])),
                    step=known_steps[pair[1]].name if pair[1] in known_steps else "",
                    by=seen.recorded_by if seen is not None else "",
                )
    out: list[Change] = []
    for pair, m in last.items():
        found_row = held.get(pair)
        before = found_row.at if found_row is not None else None
        if m.at is None:
            if found_row is not None:
                s.delete(found_row)
        elif found_row is None:
            s.add(
                TpsWatch(
                    operation_id=operation_id,
                    tps_id=m.tps_id,
                    step_id=m.step_id,
                    at=m.at.astimezone(UTC),
                    recorded_by=by[:80],
                )
            )
        elif found_row.at != m.at:
            found_row.at, found_row.recorded_by = m.at.astimezone(UTC), by[:80]
        else:
            continue
        out.append(Change(m.tps_id, m.step_id, before, m.at))
    s.flush()
    return tuple(out)


def check_time(
    at: datetime, day: date | None, zone: str, now: datetime, tps: str, step: str
) -> None:
    """Refuse a time in the future (beyond ``SLACK``) or more than ``WINDOW`` from voting
    day ``day``, naming the TPS and the step (an import checks each cell with it)."""
    if at.tzinfo is None:
        raise ValueError("a watch time must carry its zone")
    if at > now + SLACK:
        raise WatchRefused(reason="future", tps=tps, step=step, at=at, zone=zone)
    if day is not None:
        start = datetime.combine(day, time(0), tzinfo=ZoneInfo(zone))
        if not start - WINDOW <= at <= start + timedelta(days=1) + WINDOW:
            raise WatchRefused(reason="outside_day", tps=tps, step=step, at=at, zone=zone)


def tps_labels(s: Session, operation_id: int, tps_ids: Sequence[int]) -> dict[int, str]:
    """TPS id -> "TPS 003 Desa Siulak Deras", for the TPS of the operation among ``tps_ids``."""
    out: dict[int, str] = {}
    for i in range(0, len(tps_ids), _CHUNK):
        for tps_id, number, desa in s.execute(
            select(PollingStation.id, PollingStation.number, Region.name)
            .join(Region, Region.id == PollingStation.region_id)
            .where(
                PollingStation.operation_id == operation_id,
                PollingStation.id.in_(tps_ids[i : i + _CHUNK]),
            )
        ):
            out[int(tps_id)] = tps_label(number, desa)
    return out
