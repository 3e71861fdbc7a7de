"""The situation report (laporan situasi): a plain snapshot of an operation over a period.

``assemble`` reads the database once and returns a ``Sitrep``: frozen dataclasses of
plain values (no ORM objects), safe to hand to another thread and to ``reports/``, which
prints it. Sentences are left to the renderer; the core gives codes and figures.

The package, one job a module (the rules that shape each section are in its docstring,
after DOMAIN.md, "Situation reports"):

* ``content``: the content types the PDF is rendered from;
* ``assembly``: ``assemble``, composed of one function per section:
  ``period`` (the period, the stages in force), ``lookups`` (the reference lists),
  ``incidents`` (incidents, significant ones, actions, statistics), ``strength``
  (strength per Polres, TPS coverage, the unit annex), ``vulnerability`` (ratings and the
  situation by aspect), ``outlook`` (assessment, outlook, recommendations), ``watch``
  (the voting-day TPS watch);
* ``fingerprint``: the content's SHA-256, without the number and the generation time;
* ``numbering``: the report settings, the number and its serial (journaled services);
* ``files``: where the PDF goes and writing it whole.

This module is the package's API: callers import from ``opscenter.sitrep``.
"""

from __future__ import annotations

from opscenter.sitrep.assembly import assemble
from opscenter.sitrep.content import (
    ASSESSMENT_LEVELS,
    CLASSIFICATIONS,
    SECTIONS,
    ActionItem,
    AspectSituation,
    Assessment,
    Count,
    DayCount,
    FollowUpItem,
    IncidentItem,
    Letterhead,
    MapArea,
    MapIncident,
    OutlookItem,
    Reason,
    Recommendation,
    Signatory,
    Sitrep,
    SitrepMap,
    StageRef,
    TpsCoverage,
    UnitBoardRow,
    UnitStrength,
    VulnerabilityRow,
    VulnerabilityTable,
    WatchDisturbed,
    WatchLate,
    WatchRow,
    WatchSummary,
)
from opscenter.sitrep.files import (
    SitrepFolderMissing,
    SitrepNotWritable,
    check_destination,
    write_atomically,
)
from opscenter.sitrep.fingerprint import content_of, fingerprint
from opscenter.sitrep.numbering import (
    ReportSettings,
    configure,
    format_number,
    issue_serial,
    report_settings,
    signatory_of,
)
from opscenter.sitrep.period import default_period, is_daily, next_run

__all__ = [
    "ASSESSMENT_LEVELS",
    "CLASSIFICATIONS",
    "SECTIONS",
    "ActionItem",
    "AspectSituation",
    "Assessment",
    "Count",
    "DayCount",
    "FollowUpItem",
    "IncidentItem",
    "Letterhead",
    "MapArea",
    "MapIncident",
    "OutlookItem",
    "Reason",
    "Recommendation",
    "ReportSettings",
    "Signatory",
    "Sitrep",
    "SitrepFolderMissing",
    "SitrepMap",
    "SitrepNotWritable",
    "StageRef",
    "TpsCoverage",
    "UnitBoardRow",
    "UnitStrength",
    "VulnerabilityRow",
    "VulnerabilityTable",
    "WatchDisturbed",
    "WatchLate",
    "WatchRow",
    "WatchSummary",
    "assemble",
    "check_destination",
    "configure",
    "content_of",
    "default_period",
    "fingerprint",
    "format_number",
    "is_daily",
    "issue_serial",
    "next_run",
    "report_settings",
    "signatory_of",
    "write_atomically",
]
