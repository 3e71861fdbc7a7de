"""A share in percent (``opscenter.shares``): the nearest percent, but never 100 while some
TPS are missing nor 0 while some are there (the usability walk's Polres Tebo: 438 of 440
TPS read "100%")."""

from __future__ import annotations

import pytest

from opscenter.shares import percent


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
