"""Vulnerability mapping and reinforcement planning (pemetaan kerawanan, penebalan).

* ``vulnerability``: the matrix region x stage x aspect x source -> level (journaled edits).
* ``workbook``: the matrix to and from Excel; ``plan_workbook``: the plan as a workbook.
* ``reinforcement``: requirements per region and Polres, and the reinforcement proposals.
* ``plan_inputs``: what the plan reads of a stage, once (``load_base``).
* ``what_if``: other guard patterns and TPS categories, tried in memory or saved.
* ``reinforcement_bko``: proposals accepted as BKO assignments, and withdrawn.
* ``stations``: the operation's TPS as the what-if form lists them.
* ``feed``: which journaled changes move what planning shows.
"""

from opscenter.planning.errors import (
    CellProblem,
    ImportRejected,
    NoLongerShort,
    NothingToAccept,
    PlanningError,
    ProposalOutdated,
    WorkbookNotWritable,
    WorkbookUnreadable,
)
from opscenter.planning.feed import SHOWN_ENTITIES, shows_any
from opscenter.planning.plan_inputs import PlanBase, load_base
from opscenter.planning.plan_workbook import write_plan
from opscenter.planning.reinforcement import Plan, Proposal, RegionPlan, UnitPlan, plan, plan_for
from opscenter.planning.reinforcement_bko import Accepted, accept, withdraw
from opscenter.planning.stations import TpsRow, tps_rows
from opscenter.planning.vulnerability import (
    Matrix,
    Rating,
    RatingValue,
    clear_rating,
    matrix,
    set_rating,
)
from opscenter.planning.what_if import (
    TpsChange,
    WhatIf,
    apply_what_if,
    check_pattern,
    save_what_if,
    tps_changes,
)
from opscenter.planning.workbook import (
    ImportResult,
    export_matrix,
    import_matrix,
    mark_rejected,
)

__all__ = [
    "SHOWN_ENTITIES",
    "Accepted",
    "CellProblem",
    "ImportRejected",
    "ImportResult",
    "Matrix",
    "NoLongerShort",
    "NothingToAccept",
    "Plan",
    "PlanBase",
    "PlanningError",
    "Proposal",
    "ProposalOutdated",
    "Rating",
    "RatingValue",
    "RegionPlan",
    "TpsChange",
    "TpsRow",
    "UnitPlan",
    "WhatIf",
    "WorkbookNotWritable",
    "WorkbookUnreadable",
    "accept",
    "apply_what_if",
    "check_pattern",
    "clear_rating",
    "export_matrix",
    "import_matrix",
    "load_base",
    "mark_rejected",
    "matrix",
    "plan",
    "plan_for",
    "save_what_if",
    "set_rating",
    "shows_any",
    "tps_changes",
    "tps_rows",
    "withdraw",
    "write_plan",
]
