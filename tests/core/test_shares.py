"""A share in percent (``opscenter.shares``): the nearest percent, but never 100 while some
TPS are missing nor 0 while some are there (the usability walk's Polres Tebo: 438 of 440
TPS read "100%")."""

from __future__ import annotations

import pytest

from opscenter.shares import money_percent, percent


@pytest.mark.parametrize(
    ("part", "whole", "places", "expected"),
    [
        (438, 440, 0, 99.0),  # 99.5 would round to 100
        (439, 440, 0, 99.0),
        (1, 440, 0, 1.0),  # 0.2 would round to 0
        (0, 440, 0, 0.0),
        (440, 440, 0, 100.0),
        (0, 0, 0, 0.0),  # no TPS at all
        (1, 3, 0, 33.0),  # between the ends: the nearest percent
        (2, 3, 0, 67.0),
        (11_999, 12_000, 1, 99.9),  # a province's total at one decimal
        (1, 12_000, 1, 0.1),
        (1, 3, 1, 33.3),
        (12_000, 12_000, 1, 100.0),
    ],
)
def test_a_share_reads_100_only_when_all_are_there_and_0_only_when_none(
    part: int, whole: int, places: int, expected: float
) -> None:
    assert percent(part, whole, places) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        (398_000_000, 400_000_000, 99),  # the pane rounded 99.5 to "100 %" with Rp 2 juta owed
        (399_999_999, 400_000_000, 99),
        (400_000_000, 400_000_000, 100),
        (419_600_000, 400_000_000, 104),  # an overspend shows as one
        (1_000_000, 400_000_000, 1),  # 0.25%: something is paid
        (0, 400_000_000, 0),
        (5, 0, None),  # no pagu or need: no share ("–")
    ],
)
def test_a_money_share_reads_100_only_when_all_is_paid(
    part: int, whole: int, expected: int | None
) -> None:
    """The readiness pane rounded the budget's realisation, the two reports rounded it down:
    one rule now (``money_percent``) for the three."""
    assert money_percent(part, whole) == expected
