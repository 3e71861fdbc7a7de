"""The situation report's content: the frozen dataclasses ``reports/`` prints from.

Plain values only (no ORM objects), safe to hand to another thread. Sentences are left to
the renderer; the content gives codes and figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from opscenter.strength import available_police, police_deficit

CLASSIFICATIONS = ("SANGAT RAHASIA", "RAHASIA", "TERBATAS", "BIASA")
ASSESSMENT_LEVELS = ("green", "amber", "red")
SECTIONS = (
    "assessment",
    "aspects",
    "statistics",
    "charts",
    "significant",
    "strength",
    "vulnerability",
    "actions",
    "outlook",
    "annex_units",
    "annex_incidents",
)


@dataclass(frozen=True, slots=True)
class StageRef:
    code: str
    name: str
    starts_on: date | None
    ends_on: date | None


@dataclass(frozen=True, slots=True)
class Count:
    """A label and a number: one row of a statistic."""

    key: str
    name: str
    n: int


@dataclass(frozen=True, slots=True)
class DayCount:
    day: date
    n: int


@dataclass(frozen=True, slots=True)
class Signatory:
    title: str
    name: str
    rank: str  # in full: "KOMISARIS BESAR POLISI"
    nrp: str
    on_behalf_of: str | None = None  # "KEPALA KEPOLISIAN DAERAH JAMBI" when "a.n."


@dataclass(frozen=True, slots=True)
class Reason:
    """Why the assessment is what it is: a code, a figure and the names it concerns."""

    code: str
    n: int
    names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Assessment:
    level: str  # green, amber, red
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class AspectSituation:
    code: str
    name: str
    # Regions per vulnerability level for the current stage, low to high.
    levels: tuple[Count, ...]
    # Regions rated at the top level for the current stage.
    high_regions: tuple[str, ...]
    incidents: int
    top_types: tuple[Count, ...]


@dataclass(frozen=True, slots=True)
class FollowUpItem:
    at: datetime
    actor: str
    text: str
    status: str | None
    unit: str | None


@dataclass(frozen=True, slots=True)
class IncidentItem:
    number: str  # KEJ-0042
    occurred_at: datetime
    type: str
    severity: str
    severity_rank: int  # 1 = lowest
    status: str
    is_closed: bool
    region: str  # kabupaten/kota
    location: str
    title: str
    description: str
    dead: int
    injured: int
    follow_ups: tuple[FollowUpItem, ...] = ()


@dataclass(frozen=True, slots=True)
class ActionItem:
    at: datetime
    incident: str  # KEJ-0042
    incident_title: str
    actor: str
    text: str
    status: str | None
    unit: str | None


@dataclass(frozen=True, slots=True)
class UnitStrength:
    name: str
    kind: str
    tps: int
    required: int
    assigned: int
    bko_in: int
    bko_out: int
    # The total row's: the sum of its units' deficits. A surplus in one Polres fills no gap
    # in another until a BKO moves it; the deficit of the summed balance said "–" while
    # Polres Kerinci was 113 short.
    parts_deficit: int | None = None

    @property
    def available(self) -> int:
        return available_police(self.assigned, self.bko_in, self.bko_out)

    @property
    def balance(self) -> int:
        return self.available - self.required

    @property
    def deficit(self) -> int:
        if self.parts_deficit is not None:
            return self.parts_deficit
        return police_deficit(self.balance)


@dataclass(frozen=True, slots=True)
class TpsCoverage:
    code: str
    name: str
    pattern: str  # "2-8-16"
    tps: int
    guarded: int
    police_required: int
    linmas_required: int


@dataclass(frozen=True, slots=True)
class VulnerabilityRow:
    region: str
    levels: tuple[str, ...]  # level name per aspect ("" where not rated)
    ranks: tuple[int, ...]  # level ordinal per aspect (0 where not rated)


@dataclass(frozen=True, slots=True)
class VulnerabilityTable:
    stage: StageRef
    aspects: tuple[str, ...]
    level_names: tuple[str, ...]  # low to high
    rows: tuple[VulnerabilityRow, ...]


@dataclass(frozen=True, slots=True)
class MapArea:
    """A kabupaten/kota on the report's map."""

    name: str
    rank: int  # its highest vulnerability level's ordinal for the stage (0: not rated)
    label: tuple[float, float]  # (lon, lat) inside it, where its name goes
    # Polygons, each (exterior, *holes); a ring is flat: lon, lat, lon, lat, ...
    parts: tuple[tuple[tuple[float, ...], ...], ...]


@dataclass(frozen=True, slots=True)
class MapIncident:
    lon: float
    lat: float
    severity_rank: int  # 1 = lowest
    casualties: int  # dead and injured


@dataclass(frozen=True, slots=True)
class SitrepMap:
    """The current stage's vulnerability and the period's incidents (``opscenter.sitrep.map``)."""

    stage: StageRef | None
    level_names: tuple[str, ...]  # low to high
    severity_names: tuple[str, ...]  # low to high
    severity_colours: tuple[str, ...]  # "#rrggbb", the operation's own, low to high
    areas: tuple[MapArea, ...]
    incidents: tuple[MapIncident, ...]
    unplaced: int  # incidents of the period with no place on the map
    bbox: tuple[float, float, float, float]  # min lon, min lat, max lon, max lat


@dataclass(frozen=True, slots=True)
class OutlookItem:
    stage: StageRef
    threats: tuple[str, ...]  # incident type names
    high_regions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Recommendation:
    code: str  # reinforce, watch_regions, close_incidents, keep_posture
    subject: str
    n: int
    names: tuple[str, ...] = ()
    # "reinforce": the Polres's balance (its Selisih, the strength table's) and its officers
    # of Kompol and above on none of its posts; ``n`` is what reinforcement planning asks
    # for, more than the deficit where the posts lack more (they command, not guard).
    balance: int = 0
    commanders: int = 0

    @property
    def beyond_balance(self) -> bool:
        """A reinforcement larger than the balance's deficit (its posts lack more)."""
        return self.code == "reinforce" and self.n > max(0, -self.balance)


@dataclass(frozen=True, slots=True)
class UnitBoardRow:
    code: str
    name: str
    kind: str
    depth: int
    status: str
    tps: int
    required: int
    available: int
    bko_in: int
    bko_out: int

    @property
    def balance(self) -> int:
        return self.available - self.required


@dataclass(frozen=True, slots=True)
class NotReady:
    """A unit and the aspects it is not ready on (belum siap)."""

    unit: str
    aspects: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OverdueFollowUp:
    unit: str
    aspect: str
    finding: str
    person_in_charge: str
    due_on: date | None
    status: str  # terbuka, proses


@dataclass(frozen=True, slots=True)
class SarprasShortfall:
    unit: str
    category: str
    required: int
    usable: int
    deficit: int


@dataclass(frozen=True, slots=True)
class BudgetLine:
    """A unit's (or the Polda's) budget in whole rupiah."""

    unit: str
    need: int
    pagu: int
    realised: int


@dataclass(frozen=True, slots=True)
class ReadinessSummary:
    """The readiness of the units (``opscenter.readiness``) as the situation report tells it."""

    stage: str | None
    units: int
    # Cells (unit x aspect) at each level: siap, catatan, belum, and "" for not judged.
    levels: tuple[Count, ...] = ()
    not_ready: tuple[NotReady, ...] = ()
    overdue: tuple[OverdueFollowUp, ...] = ()
    sarpras: tuple[SarprasShortfall, ...] = ()
    budget: tuple[BudgetLine, ...] = ()

    @property
    def known(self) -> bool:
        """Whether there is anything to say: a level anywhere, or a source with figures."""
        judged = any(c.n for c in self.levels if c.key)
        return judged or bool(self.overdue or self.sarpras or self.budget)


@dataclass(frozen=True, slots=True)
class WatchRow:
    """A Polres (or all of them) in the TPS watch: its TPS, how many reached each step (in
    the steps' order), how many are disturbed and how many overdue."""

    name: str
    tps: int
    reached: tuple[int, ...]
    disturbed: int
    overdue: int


@dataclass(frozen=True, slots=True)
class WatchLate:
    """An overdue TPS at its first step past its deadline."""

    tps: str  # "TPS 003 Desa Siulak Deras"
    kecamatan: str
    polres: str
    step: str
    due: datetime  # in the operation's time zone


@dataclass(frozen=True, slots=True)
class WatchDisturbed:
    """A TPS with open incidents linked to it (ada gangguan)."""

    tps: str
    kecamatan: str
    polres: str
    incidents: tuple[str, ...]  # KEJ-0042


@dataclass(frozen=True, slots=True)
class WatchSummary:
    """The voting-day TPS watch as it stood at the report's cut-off (``opscenter.watch``)."""

    as_of: datetime  # in the operation's time zone
    steps: tuple[str, ...]  # the step names, in order
    polres: tuple[WatchRow, ...]
    total: WatchRow
    overdue: tuple[WatchLate, ...]  # the first ones, by deadline
    overdue_total: int
    disturbed: tuple[WatchDisturbed, ...]


@dataclass(frozen=True, slots=True)
class Letterhead:
    """Who issues an operation's printed reports and how they read: the operation, the
    command and unit of the letterhead, the place, the language and the time zone (from
    its report settings; ``Sitrep`` and ``ReportSettings`` start with these fields)."""

    operation_code: str
    operation_name: str
    command_name: str  # "DAERAH JAMBI"
    unit_name: str  # "BIRO OPERASI"
    place: str
    language: str
    timezone: str
    tz_label: str  # WIB, WITA, WIT


@dataclass(frozen=True, slots=True)
class Sitrep(Letterhead):
    classification: str
    number: str
    serial: int
    report_date: date
    period_from: datetime  # in the operation's time zone
    period_to: datetime
    # The 24 hours up to the operation's daily cut-off: "LAPORAN SITUASI HARIAN"; any
    # other period "LAPORAN SITUASI" (``opscenter.sitrep.period.is_daily``).
    daily: bool
    generated_at: datetime
    stage: StageRef | None
    next_stage: StageRef | None
    days_to_voting: int | None
    voting_day: date | None
    assessment: Assessment
    aspects: tuple[AspectSituation, ...]
    incidents_total: int
    incidents_open: int
    dead: int
    injured: int
    by_type: tuple[Count, ...]
    by_severity: tuple[Count, ...]
    by_region: tuple[Count, ...]
    by_status: tuple[Count, ...]
    per_day: tuple[DayCount, ...]
    significant: tuple[IncidentItem, ...]
    significant_total: int
    actions: tuple[ActionItem, ...]
    strength_stage: StageRef | None
    strength: tuple[UnitStrength, ...]
    strength_total: UnitStrength
    tps_coverage: tuple[TpsCoverage, ...]
    tps_total: TpsCoverage
    vulnerability: tuple[VulnerabilityTable, ...]
    outlook: tuple[OutlookItem, ...]
    recommendations: tuple[Recommendation, ...]
    units: tuple[UnitBoardRow, ...]
    incidents: tuple[IncidentItem, ...]
    signatory: Signatory
    fingerprint: str
    readiness: ReadinessSummary = ReadinessSummary(None, 0)
    sections: tuple[str, ...] = SECTIONS
    map: SitrepMap | None = None  # None: the operation's regions have no shapes
    # None: the period does not touch voting day and the watch has no record in it.
    watch: WatchSummary | None = None

    @property
    def short_fingerprint(self) -> str:
        return self.fingerprint[:12]
