"""The calendar of the demo's incidents: the phases a story fits, the incident types typical
of each stretch of the PKPU 2/2024 calendar (``Profile``), and the stretches a scenario
fills with a number of incidents (``Window``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from opscenter.demo.builder import VOTING_DAY

# Phases of the calendar a template fits: before voting day, voting day while the polls are
# open, the count at the TPS on voting day's afternoon and evening, the tabulation after
# voting day, later. The demo stands at voting day 20:00 (``Demo.now``), so its windows end
# with the count at the TPS; templates keep the phases of the whole calendar.
PRE_, VOTE, TALLY, COUNT, LATE = "pre", "vote", "tally", "count", "late"
ANY = (PRE_, VOTE, TALLY, COUNT, LATE)


@dataclass(frozen=True, slots=True)
class Profile:
    """The incident types typical of a stretch of the calendar, and its phase."""

    phase: str
    types: tuple[tuple[str, float], ...]


@dataclass(frozen=True, slots=True)
class Window:
    """A stretch of the calendar with its number of incidents."""

    start: date
    end: date
    count: int
    profile: Profile
    hours: tuple[int, int] = (7, 22)  # local hours incidents happen in
    # Minutes from happening to being logged, and a factor on the time handling takes: on
    # voting day every post reports at once and the TPS's troubles are settled on the spot.
    report_minutes: tuple[int, int] = (5, 720)
    pace: float = 1.0


# Typical threats per stage (DOMAIN.md): crowds at registration, protests at determination,
# hoaxes and money politics in the campaign, logistics at voting, protests after.
PRE = Profile(PRE_, (("bentrokan", 2), ("kampanye-ilegal", 2), ("hoaks-sara", 3),
                     ("unjuk-rasa", 1), ("kriminal-umum", 2), ("kecelakaan", 2),
                     ("perusakan-apk", 1)))  # fmt: skip
DETERMINATION = Profile(PRE_, (("unjuk-rasa", 4), ("bentrokan", 2), ("hoaks-sara", 2)))
CAMPAIGN = Profile(PRE_, (("politik-uang", 4), ("hoaks-sara", 4), ("perusakan-apk", 3),
                          ("netralitas", 3), ("kampanye-ilegal", 2), ("bentrokan", 2),
                          ("intimidasi", 1), ("kecelakaan", 2), ("kriminal-umum", 1),
                          ("ancaman-teror", 0.3)))  # fmt: skip
QUIET = Profile(PRE_, (("politik-uang", 5), ("kampanye-ilegal", 3), ("perusakan-apk", 1),
                       ("hoaks-sara", 2), ("logistik", 2), ("intimidasi", 1)))  # fmt: skip
# Voting day while the polls are open (until 13:00): ballots short or late, flooded TPS,
# dawn money, partial village heads.
VOTING = Profile(VOTE, (("logistik", 4), ("intimidasi", 1.5), ("netralitas", 2),
                        ("bencana-tps", 1.5), ("politik-uang", 2), ("kriminal-umum", 0.5),
                        ("hoaks-sara", 1)))  # fmt: skip
# The count at the TPS (voting day from 13:00): disputed results, pressure on KPPS, clashes
# when results are read out, power cuts, ballot boxes moved to the PPK in the dark.
COUNTING = Profile(TALLY, (("sengketa-psu", 3), ("bentrokan", 2.5), ("intimidasi", 2),
                           ("padam", 2), ("logistik", 1.5), ("hoaks-sara", 1.5),
                           ("unjuk-rasa", 1), ("kecelakaan", 0.5)))  # fmt: skip


def before_voting(pre: int, determination: int, campaign: int, quiet: int) -> tuple[Window, ...]:
    """The windows up to the eve of voting day, on the PKPU 2/2024 calendar every demo
    operation follows; a scenario only says how many incidents each holds."""
    return (
        Window(date(2024, 8, 24), date(2024, 9, 21), pre, PRE),
        Window(date(2024, 9, 22), date(2024, 9, 24), determination, DETERMINATION),
        Window(date(2024, 9, 25), date(2024, 11, 23), campaign, CAMPAIGN),
        Window(date(2024, 11, 24), date(2024, 11, 26), quiet, QUIET),
    )


def on_voting_day(count: int, profile: Profile, hours: tuple[int, int]) -> Window:
    """A window on voting day, where every post reports within the hour (within half an
    hour at the count) and the TPS's troubles are settled on the spot."""
    minutes = (5, 60) if profile is VOTING else (5, 30)
    return Window(VOTING_DAY, VOTING_DAY, count, profile, hours, report_minutes=minutes, pace=0.3)
