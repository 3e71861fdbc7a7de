"""A count's share of a whole in percent (TPS reported, places filled), as every table, map
line, wall and report writes it; and a sum of money's share of another (``money_percent``:
the budget's realisation, in the readiness pane and both reports), which may pass 100%.

One rule for all of them: the nearest percent, except that a share never reads 100% while
some are missing, nor 0% while some are there. An officer reads "100%" as "every TPS has
reported" and "0%" as "none has": 438 of 440 TPS is 99%, not 100%; 1 of 440 is 1%, not 0%.
"""

from __future__ import annotations


def percent(part: int, whole: int, places: int = 0) -> float:
    """``part`` of ``whole`` in percent, rounded to ``places`` decimals but kept one step
    (1, or 0.1 with one place) inside 0 and 100 unless none or all are there; 0 of none."""
    if whole <= 0 or part <= 0:
        return 0.0
    if part >= whole:
        return 100.0
    least = 10.0**-places
    return min(max(round(100 * part / whole, places), least), 100 - least)


def money_percent(part: int, whole: int) -> int | None:
    """``part`` rupiah of ``whole`` in whole percent, for the budget: rounded down, so that
    100% means all of it (Rp 398 of 400 juta is 99%, not 100%) and more than all shows
    (an overspend reads 104%), yet at least 1% once anything is paid; None without a whole.
    """
    if whole <= 0:
        return None
    if part <= 0:
        return 0
    return max(1, 100 * part // whole)
