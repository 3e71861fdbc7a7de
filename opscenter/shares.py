"""A count's share of a whole in percent (TPS reported, places filled), as every table, map
line, wall and report writes it. Money shares (the budget's "sudah dibayar") are not counts
and may pass 100%: they keep their own arithmetic.

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
