"""Vulnerability mapping and reinforcement planning (pemetaan kerawanan, penebalan).

* ``vulnerability``: the matrix region x stage x aspect x source -> level (journaled edits).
* ``workbook``: the matrix to and from Excel; the plan as a workbook.
* ``reinforcement``: requirements per region and Polres, what-if, proposals, accept/withdraw.
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
from opscenter.planning.reinforcement import (
    Accepted,
    Plan,
    PlanBase,
    Proposal,
    RegionPlan,
    TpsChange,
    UnitPlan,
    WhatIf,
    accept,
    apply_what_if,
    check_pattern,
    load_base,
    plan,
    plan_for,
    save_what_if,
    tps_changes,
    withdraw,
)
from opscenter.planning.vulnerability import (
    Matrix,
    Rating,
    RatingValue,
    clear_rating,
    matrix,
    set_rating,
)
from opscenter.planning.workbook import (
    ImportResult,
    export_matrix,
    import_matrix,
    mark_rejected,
    write_plan,
)

__all__ = [
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
    "tps_changes",
    "withdraw",
    "write_plan",
]
