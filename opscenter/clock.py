"""The operation's clock: the one source of "now" for everything that means the
operation's present, real or simulated (an exercise, *latihan*).

Normally ``now()`` is the real time. In an exercise (``opscenter open-demo``,
``opscenter exercise --at TIME``) it is a chosen moment of the operation plus the real
time elapsed since the exercise began, so the board's clock, H-n, the stage in force and
every "since" keep running from there as they would on the night.

Which time a call means, decided per call:

- ``now()`` -- **the operation's present**: the header clock and the H-/H+ day count, the
  stage shown as in force, the stages timeline's "now" and its framing, the defaults of a
  new incident's times and of a report's period and cut-off, the board's "changed since",
  the overview's "today", the wall's clock, and the times written *into the operation's
  own data* that a duty officer reads as "when it happened on the night": an incident's
  ``recorded_at``/``closed_at``, a follow-up's and a unit status change's ``at``, and the
  check that an incident did not happen in the future. In an exercise these are
  simulated, so that what the trainees record lands in the exercise's night.
- ``real_now()`` -- **things that really happened on this computer**: the journal's
  ``at`` (the audit trail says when someone really pressed the button) and so the audit
  view's "since"/"until" filters, which search it; sign-in lockouts, drafts' ages, the
  files the program names by itself without asking (an exercise copy, the offscreen
  window picture: to the second, so that two never share a name), log lines, durations
  of work. ``opscenter.model.utcnow`` is this real time.

**The default name of every document a user saves** (the plotting list and the assignment
slips, the readiness report, the situation report, the audit journal's export; the save
dialog offers it) comes from one function, ``file_name``, by one rule: ``KIND-YYYYMMDD-HHMM``
and the type's ending, the time being *the operation's time the document stands at, read
in the operation's zone* -- the time the app shows for the operation, never the computer's
clock or zone. For what is written as it is now that is ``now()`` (so an exercise's export
is named on the exercise's night, as its header and the document's own "as of" read); a
report of a period stands at its period's end (the situation report: ``LAPSIT-...-1800``
for the period up to 18:00, written whenever).

The active clock is process-wide: the command line (the composition root) chooses it once
before the window opens (``simulate``); tests restore it with ``use_real``. Nothing here
knows Qt.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

__all__ = [
    "Clock",
    "ExerciseClock",
    "exercise",
    "file_name",
    "now",
    "real_now",
    "simulate",
    "use_real",
]

# What a window or a service is given to tell the time (``now``; a fixed one in tests).
Clock = Callable[[], datetime]


def real_now() -> datetime:
    """The real time, UTC-aware."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class ExerciseClock:
    """Simulated time: ``start`` (UTC-aware) when the exercise began, then running on with
    the real time elapsed since (measured on a monotonic clock, so a change of the
    computer's clock does not make the exercise jump)."""

    start: datetime
    monotonic: Callable[[], float] = time.monotonic
    began: float = field(default=-1.0)

    def __post_init__(self) -> None:
        if self.start.tzinfo is None:
            raise ValueError("an exercise starts at an aware time")
        object.__setattr__(self, "start", self.start.astimezone(UTC))
        if self.began < 0:
            object.__setattr__(self, "began", self.monotonic())

    def __call__(self) -> datetime:
        return self.start + timedelta(seconds=self.monotonic() - self.began)


_active: ExerciseClock | None = None


def now() -> datetime:
    """The operation's present (UTC-aware): simulated in an exercise, else the real time."""
    return real_now() if _active is None else _active()


def simulate(start: datetime, *, monotonic: Callable[[], float] = time.monotonic) -> ExerciseClock:
    """From now on, ``now()`` runs from ``start`` (aware) with the real time elapsed."""
    global _active
    _active = ExerciseClock(start, monotonic)
    return _active


def use_real() -> None:
    """Back to the real time (the default)."""
    global _active
    _active = None


def exercise() -> ExerciseClock | None:
    """The running exercise's clock, or None when time is real."""
    return _active


def file_name(kind: str, suffix: str, zone: str | tzinfo, at: datetime | None = None) -> str:
    """The name a save dialog offers for a document (the module's rule): ``kind``, the
    operation's time it stands at, ``at`` (aware; by default ``now()``, the operation's
    present) read in the operation's ``zone`` to the minute, and ``suffix``:
    ``LAPSIT-20241127-1800.pdf``."""
    moment = now() if at is None else at
    if moment.tzinfo is None:
        raise ValueError("a file is named by an aware time")
    local = moment.astimezone(ZoneInfo(zone) if isinstance(zone, str) else zone)
    return f"{kind}-{local:%Y%m%d-%H%M}{suffix}"
