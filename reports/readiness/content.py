"""What the readiness report prints: the matrix (``opscenter.readiness.matrix``), the
operation's report settings, and the document's own particulars (number, classification,
when it was made, the units to print a page for).

The number: a situation report's serial belongs to situation reports, so a readiness
report takes none. Unless one is given, its number is the operation's number template with
the kind LAPKES for LAPSIT and the serial left as dots, as typed letters leave it for the
secretariat (agenda) to fill in by hand: "R/LAPKES-....../XI/OPS.1.1/2024/Ro Ops".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from opscenter.readiness.matrix import TOURED_KINDS, Readiness, UnitReadiness
from opscenter.sitrep import ReportSettings
from opscenter.sitrep.numbering import ROMAN_MONTHS

# Where the serial goes, for the secretariat to fill in.
SERIAL_DOTS = "......"


@dataclass(frozen=True, slots=True)
class ReadinessReport:
    settings: ReportSettings
    readiness: Readiness
    number: str
    classification: str
    generated_at: datetime  # in the operation's zone
    # The units that get a page (None: those a commander's tour visits, the Polres of a
    # Polda or the Polsek of a Polres; Satgas and reserves stand in the summary only); the
    # summary shows all.
    unit_ids: tuple[int, ...] | None = None

    @property
    def pages(self) -> tuple[UnitReadiness, ...]:
        if self.unit_ids is None:
            return tuple(u for u in self.readiness.units if u.kind in TOURED_KINDS)
        wanted = set(self.unit_ids)
        return tuple(u for u in self.readiness.units if u.unit_id in wanted)


def default_number(template: str, day: date) -> str:
    """The number a readiness report carries when none is given (see the module)."""
    try:
        number = template.format(
            serial=SERIAL_DOTS,
            month_roman=ROMAN_MONTHS[day.month - 1],
            month=day.month,
            year=day.year,
        )
    except (KeyError, IndexError, ValueError):
        number = f"R/LAPKES-{SERIAL_DOTS}/{ROMAN_MONTHS[day.month - 1]}/{day.year}"
    return number.replace("LAPSIT", "LAPKES")
