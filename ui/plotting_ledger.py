"""What the plotting window's own writes left of people's placements, until its reads show it.

A change of a placement expects its row and version as the window last knew it
(``PlottingReads.seen``): as the window's own last write of that person left it, until a
read begun after that write lands, else as the read shown has it. So undoing two edits of
one person in a row, or a second edit before the read lands, expects what the first left,
not what was read. ``OwnWrites`` keeps those rows: noted on the write thread right after
each write, forgotten on the GUI thread as a newer read lands.
"""

from __future__ import annotations

import threading

from opscenter.plotting.hand import Seen


class OwnWrites:
    """Person -> (reads started when it was written, the placement row a write of this
    window left): newer than the read shown until a read started after it lands."""

    def __init__(self) -> None:
        self._left: dict[int, tuple[int, Seen]] = {}
        self._left_lock = threading.Lock()  # written on the write thread, pruned on the GUI one

    def note(self, personnel_id: int, reads: int, row: Seen) -> None:
        """A write of the window left the person's placement as ``row``, ``reads`` reads
        having been started by then (called on the write thread, right after the write)."""
        with self._left_lock:
            self._left[personnel_id] = (reads, row)

    def left(self, personnel_id: int) -> Seen | None:
        """The row the window's own last write of the person left, while no read begun
        after it has landed; else None (the read shown has it)."""
        with self._left_lock:
            left = self._left.get(personnel_id)
        return left[1] if left is not None else None

    def forget_before(self, ticket: int) -> None:
        """The read numbered ``ticket`` landed: what it began after, it shows (or something
        newer), so that is forgotten."""
        with self._left_lock:
            for who in [p for p, (at, _) in self._left.items() if at < ticket]:
                del self._left[who]
