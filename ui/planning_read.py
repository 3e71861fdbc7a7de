"""The planning window's read (``ui.planning_window``): one stage's heat map, the plan's
inputs and the operation's TPS, read in one session off the GUI thread into plain data.
"""

from __future__ import annotations

from dataclasses import dataclass

from opscenter import journal, planning
from opscenter.planning import Matrix, PlanBase, TpsRow
from opscenter.store import Store
from ui.stage_choice import StageChoice, choose_stage


@dataclass(frozen=True)
class PlanningRead:
    """What the window shows of one stage, read off the GUI thread (plain data)."""

    read_at: int  # the journal's head, read first: what follows is at least this new
    stages: StageChoice
    # None and empty where the operation has no stage yet.
    matrix: Matrix | None = None
    base: PlanBase | None = None
    tps: tuple[TpsRow, ...] = ()


def read_planning(
    store: Store, stage_id: int, stage_code: str | None, *, kecamatan: bool, lang: str
) -> PlanningRead:
    """The window's whole read, in one session (the job its worker runs): the operation and
    its stages, the stage ``stage_id`` (else the one ``choose_stage`` picks)'s heat map (with
    the kecamatan rows when ``kecamatan``), the plan's inputs (``load_base``: with the
    plotting's shortfall per Polres) and the operation's TPS."""
    with store.read() as s:
        read_at = journal.head(s)
        stages = choose_stage(s, stage_id, stage_code, lang)
        sid, op = stages.stage_id, stages.operation_id
        if sid is None:
            return PlanningRead(read_at, stages)
        return PlanningRead(
            read_at,
            stages,
            planning.matrix(s, op, sid, kecamatan=kecamatan, lang=lang),
            planning.load_base(s, op, sid, lang=lang),
            planning.tps_rows(s, op),
        )
