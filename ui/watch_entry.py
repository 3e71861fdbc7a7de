"""What an operator types on the TPS watch tab's entry line, and its undo step.

``read_entry`` reads a line ("1501012001003 1", "Siulak Deras 3 tiba 05:40", "Siulak P3 2":
every TPS of the post on voting day) into a ``Typed`` as ``opscenter.watch.entry`` reads
each part; ``entry_text`` names it in the result line; ``WatchCommand`` puts a saved entry
on the window's ``QUndoStack``. ``ui.watch_panel.WatchPanel`` reads the line on its write
thread and pushes the step once it is saved.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy.orm import Session

from opscenter.errors import NotFound
from opscenter.operations import local_text, stage_by_code, timezone_of
from opscenter.watch import entry
from opscenter.watch.entry import Change, Mark, WatchRefused
from opscenter.watch.steps import Step, steps
from ui.pending import SavedCommand
from ui.translations import translator

# The stage whose posts an operator names ("Siulak P3").
VOTING_STAGE = "pemungutan"
# The step keys that open the incident form instead of recording a step.
DISTURBANCE_KEYS = ("g", "gangguan")
_TIME = re.compile(r"^\d{1,2}[:.]\d{2}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_POST_LIKE = re.compile(r"(^pos\s*\d{1,4}\s)|(\s(?:pos\s*|p)\d{1,4}$)", re.IGNORECASE)


_tr = translator("WatchPanel")


@dataclass(frozen=True, slots=True)
class Typed:
    """One entry line read: the TPS it names (a post's, or one), the step (None: "g", a
    disturbance), the time, and how to name them in the result."""

    tps_ids: tuple[int, ...]
    tps_label: str  # "TPS 003 Desa X", or the post as typed ("Siulak P3")
    post: bool
    step: Step | None
    at: datetime
    zone: str
    region_id: int | None  # a single TPS's kecamatan (incidents are placed by kecamatan)
    guard_unit_id: int | None = None  # a single TPS's guarding unit (``TpsRef``)


def read_entry(s: Session, operation_id: int, line: str, now: datetime) -> Typed:
    """``<TPS or post> <step> [[YYYY-MM-DD] HH:MM]`` read as ``opscenter.watch.entry``
    reads each part; refused (``WatchRefused``) with the core's sentence otherwise."""
    tokens = line.split()
    zone = timezone_of(s, operation_id)
    at_text = tokens.pop() if len(tokens) >= 3 and _TIME.match(tokens[-1]) else None
    if at_text is not None and len(tokens) >= 3 and _DATE.match(tokens[-1]):
        at_text = f"{tokens.pop()} {at_text}"  # another day: "2024-11-26 18:30"
    if len(tokens) < 2:
        raise WatchRefused(reason="empty", text=line)
    step_text, place = tokens[-1], " ".join(tokens[:-1])
    at = entry.read_time(at_text, zone, now)
    step = None
    if step_text.lower() not in DISTURBANCE_KEYS:
        step = entry.find_step(steps(s, operation_id), step_text)
    if _POST_LIKE.search(place):
        try:
            stage = stage_by_code(s, operation_id, VOTING_STAGE)
        except NotFound as exc:
            raise WatchRefused(reason="unknown_post", text=place) from exc
        ids = entry.find_post(s, operation_id, stage.id, place)
        return Typed(ids, place, True, step, at, zone, None)
    ref = entry.find_tps(s, operation_id, place)
    return Typed((ref.id,), ref.label, False, step, at, zone, ref.kecamatan_id, ref.guard_unit_id)


@dataclass(frozen=True, slots=True)
class Recorded:
    typed: Typed
    changes: tuple[Change, ...]


def entry_text(typed: Typed, lang: str) -> str:
    """ "Petugas tiba TPS 003 Desa X 05:40 WIB"; a post: "... pos Siulak P3 (4 TPS) ..."."""
    assert typed.step is not None
    where = (
        _tr("pos {post} ({n} TPS)").format(post=typed.tps_label, n=len(typed.tps_ids))
        if typed.post
        else typed.tps_label
    )
    at = local_text(typed.at, typed.zone, "%H:%M")
    return f"{typed.step.label(lang)} {where} {at}"


class PutMarks(Protocol):
    """Writes marks on the write thread, refused unless the steps hold ``expect``
    (``WatchPanel.put``); ``on_saved`` once they are written, ``on_refused`` otherwise."""

    def __call__(
        self,
        marks: Sequence[Mark],
        expect: dict[tuple[int, int], datetime | None],
        *,
        on_saved: Callable[[], None],
        on_refused: Callable[[], None],
    ) -> None: ...


class WatchCommand(SavedCommand):
    """One entry (a TPS, or a post's batch); undo writes back what the steps held before,
    with ``expect`` what this entry wrote: a newer report by anyone refuses the undo, and the
    step leaves the history. Pushed once saved: the first redo has happened. ``stepped``
    follows each undo (False) or redo (True) saved: the panel says what stands now."""

    def __init__(
        self,
        put: PutMarks,
        text: str,
        changes: tuple[Change, ...],
        stepped: Callable[[bool], None],
    ) -> None:
        super().__init__(text)
        self.put = put
        self.changes = changes
        self.stepped = stepped

    def step(self, *, redone: bool) -> None:
        if redone:
            marks = [Mark(c.tps_id, c.step_id, c.after) for c in self.changes]
        else:
            marks = [c.undo() for c in self.changes]
        expect = {(c.tps_id, c.step_id): c.before if redone else c.after for c in self.changes}
        self.put(
            marks,
            expect,
            on_saved=lambda: self.stepped(redone),
            on_refused=lambda: self.setObsolete(True),
        )
