"""A command room as threads: workstations that write and boards that follow the journal.

For the failover test (``tests/core/test_failover.py``) and its bench (``bench/failover.py``).
Each workstation and each board has a ``Store`` of its own, as separate machines would, and
goes only through the core: ``units.set_status`` to write, ``live.JournalFollower`` to follow.

- ``Workstation``: changes the statuses of its own units (no two workstations race for one
  row), each write with a reason of its own (``w2-17``), so it can be found afterwards. A write
  is acknowledged only when the call returned; on a typed error (``OpsError``) the user waits a
  moment and goes on with the next write, as a duty officer would. Any other exception is a
  bug: it is kept and the thread stops.
- ``fail_over``: the primary killed mid-burst, the standby promoted, and the time each
  workstation took to write again, by itself.
- ``Board``: polls its follower, keeps every cursor range it applied, and re-reads the units
  a change set names (as the units board does), until it succeeds.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select

from opscenter import journal, units
from opscenter.actor import Actor
from opscenter.errors import OpsError
from opscenter.live import JournalFollower
from opscenter.model import Unit
from opscenter.store import ChangeSet, Store, open_store
from tests.pgcluster import PostgresCluster

# What a board shows of a unit: its status, the reason given (unique per write), its version.
Picture = dict[int, tuple[int | None, str | None, int]]


@dataclass(frozen=True, slots=True)
class Write:
    """One acknowledged write: whose, which, its commit number, when the call returned."""

    workstation: int
    reason: str
    unit_id: int
    status_id: int
    seq: int
    acked_at: float  # time.monotonic()


@dataclass(frozen=True, slots=True)
class Failure:
    """A write or a poll that raised a typed error: when, and its code."""

    at: float
    code: str


def picture(store: Store, unit_ids: Sequence[int] | None = None) -> Picture:
    """What the database holds of these units (all when None)."""
    query = select(Unit.id, Unit.status_id, Unit.status_reason, Unit.version)
    if unit_ids is not None:
        query = query.where(Unit.id.in_(unit_ids))
    with store.read() as s:
        return {row[0]: (row[1], row[2], row[3]) for row in s.execute(query)}


def head(store: Store) -> int:
    with store.read() as s:
        return journal.head(s)


class Workstation(threading.Thread):
    """One writer's workstation: its own store, its own units, a write every ``period_s``."""

    def __init__(
        self,
        url: str,
        index: int,
        unit_ids: Sequence[int],
        status_ids: Sequence[int],
        *,
        period_s: float = 0.0,
        error_pause_s: float = 0.1,
    ) -> None:
        super().__init__(name=f"workstation-{index}", daemon=True)
        self.index = index
        self.store = open_store(url)
        self.actor = Actor(f"meja-{index}", role="operator")
        self._units = list(unit_ids)
        self._statuses = list(status_ids)
        self._period_s = period_s
        self._error_pause_s = error_pause_s
        self.acked: list[Write] = []
        self.attempted: list[str] = []  # every reason tried, acknowledged or not
        self.failures: list[Failure] = []
        self.crash: BaseException | None = None
        self._halt = threading.Event()
        self._last_seq: list[int] = []
        self.store.subscribe(self._on_commit)

    def _on_commit(self, change: ChangeSet) -> None:
        self._last_seq.append(change.last_seq)

    def acked_since(self, t: float) -> int:
        return sum(1 for w in self.acked if w.acked_at >= t)

    def first_ack_after(self, t: float) -> float | None:
        return next((w.acked_at for w in self.acked if w.acked_at >= t), None)

    def failed_since(self, t: float) -> bool:
        return any(f.at >= t for f in self.failures)

    def stop(self) -> None:
        self._halt.set()

    def run(self) -> None:
        n = 0
        next_at = time.monotonic()
        try:
            while not self._halt.is_set():
                unit_id = self._units[n % len(self._units)]
                status_id = self._statuses[(n // len(self._units)) % len(self._statuses)]
                reason = f"w{self.index}-{n}"
                n += 1
                self.attempted.append(reason)
                self._last_seq.clear()
                try:
                    units.set_status(self.store, self.actor, unit_id, status_id, reason=reason)
                except OpsError as exc:
                    self.failures.append(Failure(time.monotonic(), exc.code))
                    self._halt.wait(self._error_pause_s)
                    next_at = time.monotonic()
                    continue
                self.acked.append(
                    Write(
                        self.index, reason, unit_id, status_id, self._last_seq[-1], time.monotonic()
                    )
                )
                next_at += self._period_s
                self._halt.wait(max(0.0, next_at - time.monotonic()))
        except BaseException as exc:  # a bug, not a refusal: the test reports it
            self.crash = exc


@dataclass
class Applied:
    """One change set a board applied: its cursor range and when it was read."""

    first_seq: int
    last_seq: int
    at: float


@dataclass
class BoardState:
    start: int
    applied: list[Applied] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


class Board(threading.Thread):
    """A board following the journal by polling, every ``poll_s``."""

    def __init__(self, url: str, name: str, *, poll_s: float = 0.05) -> None:
        super().__init__(name=f"board-{name}", daemon=True)
        self.store = open_store(url, migrate=False)
        self.follower = JournalFollower(self.store)
        self.state = BoardState(start=self.follower.cursor)
        self.shown: Picture = picture(self.store)
        self.crash: BaseException | None = None
        self._poll_s = poll_s
        self._unread: set[int] = set()  # units a change set named, not yet re-read
        self._halt = threading.Event()

    @property
    def cursor(self) -> int:
        return self.follower.cursor

    def failed_since(self, t: float) -> bool:
        return any(f.at >= t for f in self.state.failures)

    @property
    def settled(self) -> bool:
        """Every change set read so far is applied (no unit waits to be re-read)."""
        return not self._unread

    def stop(self) -> None:
        self._halt.set()

    def run(self) -> None:
        try:
            while not self._halt.wait(self._poll_s):
                self.look()
        except BaseException as exc:  # a bug, not a refusal: the test reports it
            self.crash = exc

    def look(self) -> None:
        try:
            changes = self.follower.poll()
            if changes is not None:
                self.state.applied.append(
                    Applied(changes.first_seq, changes.last_seq, time.monotonic())
                )
                self._unread |= changes.ids("unit")
            if self._unread:
                self.shown.update(picture(self.store, sorted(self._unread)))
                self._unread.clear()
        except OpsError as exc:
            self.state.failures.append(Failure(time.monotonic(), exc.code))


def overlaps_and_gaps(state: BoardState, head: int) -> list[str]:
    """What is wrong with a board's applied ranges: each must start right after the one
    before (nothing skipped, nothing applied twice) and the last must reach ``head``."""
    problems: list[str] = []
    expected = state.start + 1
    for r in state.applied:
        if r.first_seq != expected or r.last_seq < r.first_seq:
            problems.append(f"range {r.first_seq}..{r.last_seq} after cursor {expected - 1}")
        expected = max(expected, r.last_seq + 1)
    if expected != head + 1:
        problems.append(f"ended at cursor {expected - 1}, the journal's head is {head}")
    return problems


def wait_until(condition: Callable[[], bool], what: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout:.0f} s: {what}")
        time.sleep(0.005)


@dataclass(frozen=True, slots=True)
class Failover:
    """One killed primary: when it died, when the standby took writes, and when each
    workstation's first write after that was acknowledged (all ``time.monotonic()``)."""

    killed: float
    promoted: float
    back: dict[int, float]
    acked_before: list[Write]  # every write acknowledged before the kill


def fail_over(
    cluster: PostgresCluster,
    writers: Sequence[Workstation],
    boards: Sequence[Board] = (),
    *,
    writes_before: int = 3,
    power_cut: bool = False,
) -> Failover:
    """Kill the primary once every workstation has made ``writes_before`` writes to it,
    promote the standby once every workstation and board has met the dead primary, and
    wait until each workstation writes again. ``power_cut``: see ``PostgresServer.kill``."""
    before = time.monotonic()
    wait_until(
        lambda: all(w.acked_since(before) >= writes_before for w in writers),
        "every workstation writing before the kill",
    )
    acked = [w for ws in writers for w in ws.acked]
    cluster.kill_primary(power_cut=power_cut)  # mid-burst: every workstation is writing
    killed = time.monotonic()  # the postmaster is reaped: the server is gone
    wait_until(
        lambda: (
            all(w.failed_since(killed) for w in writers)
            and all(b.failed_since(killed) for b in boards)
        ),
        "every workstation and board meeting the dead primary",
    )
    cluster.promote_standby()
    promoted = time.monotonic()
    # Nobody tells the workstations: they find the new primary by themselves.
    back: dict[int, float] = {}

    def all_back() -> bool:
        for w in writers:
            if w.index not in back and (t := w.first_ack_after(promoted)) is not None:
                back[w.index] = t
        return len(back) == len(writers)

    wait_until(all_back, "every workstation writing again after the promotion")
    return Failover(killed, promoted, back, acked)
