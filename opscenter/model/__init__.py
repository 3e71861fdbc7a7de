"""The schema: SQLAlchemy 2 typed ORM classes. Import from here."""

from opscenter.model.accounts import ROLES, Account
from opscenter.model.base import Base, utcnow
from opscenter.model.incidents import FollowUp, Incident, IncidentUnit
from opscenter.model.journal import JournalCommit, JournalEntry, JournalTxn
from opscenter.model.operation import Operation, Stage
from opscenter.model.personnel import DUTY_STATUSES, Personnel
from opscenter.model.plotting import PLOT_BASES, GuardAssignment, GuardPost, GuardPostTps
from opscenter.model.readiness import (
    BUDGET_SOURCES,
    EVIDENCE_KINDS,
    FOLLOW_UP_STATUSES,
    READINESS_LEVELS,
    RULE_BASES,
    SARPRAS_GROUPS,
    VISIT_KINDS,
    BudgetAllocation,
    BudgetComponent,
    BudgetIndex,
    BudgetRealisation,
    InspectionFinding,
    InspectionVisit,
    ReadinessAspect,
    ReadinessJudgement,
    SarprasCategory,
    SarprasStock,
)
from opscenter.model.reference import (
    Aspect,
    IncidentStatus,
    IncidentType,
    Rank,
    Severity,
    TpsCategory,
    UnitStatus,
    VulnerabilityLevel,
)
from opscenter.model.regions import REGION_LEVELS, Region, RegionBoundary
from opscenter.model.tps import MAX_VOTERS_PER_TPS, PollingStation
from opscenter.model.units import (
    AGENCIES,
    UNIT_KINDS,
    UNIT_TREES,
    BkoAssignment,
    Unit,
    UnitArea,
    UnitStatusChange,
)
from opscenter.model.vulnerability import SOURCES, VulnerabilityRating
from opscenter.model.watch import DUE_MAX_MINUTES, TpsWatch, WatchStep

__all__ = [
    "AGENCIES",
    "BUDGET_SOURCES",
    "DUE_MAX_MINUTES",
    "DUTY_STATUSES",
    "EVIDENCE_KINDS",
    "FOLLOW_UP_STATUSES",
    "MAX_VOTERS_PER_TPS",
    "PLOT_BASES",
    "READINESS_LEVELS",
    "REGION_LEVELS",
    "ROLES",
    "RULE_BASES",
    "SARPRAS_GROUPS",
    "SOURCES",
    "UNIT_KINDS",
    "UNIT_TREES",
    "VISIT_KINDS",
    "Account",
    "Aspect",
    "Base",
    "BkoAssignment",
    "BudgetAllocation",
    "BudgetComponent",
    "BudgetIndex",
    "BudgetRealisation",
    "FollowUp",
    "GuardAssignment",
    "GuardPost",
    "GuardPostTps",
    "Incident",
    "IncidentStatus",
    "IncidentType",
    "IncidentUnit",
    "InspectionFinding",
    "InspectionVisit",
    "JournalCommit",
    "JournalEntry",
    "JournalTxn",
    "Operation",
    "Personnel",
    "PollingStation",
    "Rank",
    "ReadinessAspect",
    "ReadinessJudgement",
    "Region",
    "RegionBoundary",
    "SarprasCategory",
    "SarprasStock",
    "Severity",
    "Stage",
    "TpsCategory",
    "TpsWatch",
    "Unit",
    "UnitArea",
    "UnitStatus",
    "UnitStatusChange",
    "VulnerabilityLevel",
    "VulnerabilityRating",
    "WatchStep",
    "utcnow",
]
