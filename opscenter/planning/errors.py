"""Errors of vulnerability mapping and reinforcement planning (sentences: opscenter.messages)."""

from __future__ import annotations

from dataclasses import dataclass

from opscenter.errors import OpsError


class PlanningError(OpsError):
    code = "plan"


@dataclass(frozen=True, slots=True)
class CellProblem:
    """One refused cell of an imported workbook.

    ``row`` is the sheet's row number as Excel shows it (1-based), ``column`` its letter;
    ``header`` the column's heading; ``reason`` a key of ``messages.CELL_REASONS``;
    ``choices`` the accepted values where there is a closed list.
    """

    sheet: str
    row: int
    column: str
    header: str
    value: str
    reason: str
    choices: tuple[str, ...] = ()


class ImportRejected(PlanningError):
    """The workbook has cells that cannot be read; nothing was saved.

    data: path, problems (tuple of CellProblem), count.
    """

    code = "plan.import_rejected"

    @property
    def problems(self) -> tuple[CellProblem, ...]:
        value = self.data.get("problems", ())
        return tuple(value)


class WorkbookUnreadable(PlanningError):
    """The file is missing or is not a workbook calamine can read. data: path, detail."""

    code = "plan.workbook_unreadable"


class WorkbookNotWritable(PlanningError):
    """The workbook cannot be written there. data: path, detail."""

    code = "plan.workbook_not_writable"


class ProposalOutdated(PlanningError):
    """A source can no longer lend what the proposal asks (someone changed the strength
    since it was computed, or it was computed under an unsaved what-if).
    data: source, asked, lendable."""

    code = "plan.proposal_outdated"


class NoLongerShort(PlanningError):
    """The receiving unit is no longer short of what the proposals would give it (it was
    reinforced meanwhile, or the proposals came from an unsaved what-if).
    data: unit, asked, deficit."""

    code = "plan.no_longer_short"


class NothingToAccept(PlanningError):
    """Accept was asked with no proposal. data: none."""

    code = "plan.nothing_to_accept"
