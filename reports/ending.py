"""The end of a report: its closing sentence and signature, which never split across pages
and never stand alone at the top of one: the end of the text before them (its last lines
or table rows) moves to their page with them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether
from reportlab.platypus.doctemplate import FrameBreak, NullActionFlowable
from reportlab.platypus.flowables import _listWrapOn

# The least of the text before the closing that moves with it: two lines of body text, or
# table rows as tall.
CARRIED = 25.0
# A point of slack so that what is measured to fit this page does when the frame places it.
SLACK = 1.0


def ended_by(body: Sequence[Flowable], ending: Sequence[Flowable]) -> list[Flowable]:
    """``body`` (the last section) then ``ending`` (the closing and signature), the ending
    kept whole and with the end of the body on its page."""
    return [EndedBy(body, ending)]


def opened(story: Sequence[Flowable]) -> list[Flowable]:
    """``story`` with its KeepTogether groups opened (for measuring, or to nest a story in
    another): one inside a list reports no height (reportlab's KeepTogether answers
    "everything" to force a split), which would also put every plotting slip on a page of
    its own."""
    out: list[Flowable] = []
    for f in story:
        out += opened(f._content) if isinstance(f, KeepTogether) else [f]
    return out


class EndedBy(Flowable):  # type: ignore[misc]  # reportlab ships no types
    """A body whose end stays on one page with an ending kept whole (a KeepTogether
    decides page by page: ``split``). On each page the body takes what fits, laid out
    as the frame would; on the page where it ends, if the ending does not fit after it,
    the body's last ``CARRIED`` points at least (its last lines or rows, or the whole of
    its last unsplittable part) go on with the ending to the next page."""

    def __init__(self, body: Sequence[Flowable], ending: Sequence[Flowable]) -> None:
        super().__init__()
        self._body = list(body)
        self._ending = opened(ending)

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return aw, 0xFFFFFF  # always split: the split decides where this page ends

    def split(self, aw: float, ah: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        at_top = bool(getattr(frame, "_atTop", False))
        if self._height(self._body + self._ending, aw) <= ah - SLACK:
            return [NullActionFlowable(), *self._body, *self._ending]
        # Where nothing better can be done, the ending still keeps together.
        as_is = [NullActionFlowable(), *self._body, KeepTogether(self._ending)]
        body_h = self._height(self._body, aw)
        if body_h <= ah - SLACK:
            # The body ends on this page, the ending would not fit after it: the body's end
            # goes on to the next page with the ending.
            placed, rest, broke = self._cut(aw, min(ah, body_h - CARRIED), ah, at_top, frame)
            if not placed:
                return as_is if at_top else [FrameBreak(), self]
            return [
                NullActionFlowable(),
                *placed,
                *([] if broke else [FrameBreak()]),
                self._on(rest),
            ]
        # The body goes on past this page: this page's part, then the rest measured anew.
        placed, rest, _ = self._cut(aw, ah, ah, at_top, frame)
        if not placed:
            return as_is if at_top else [FrameBreak(), self]
        return [NullActionFlowable(), *placed, self._on(rest)]

    def _on(self, rest: list[Flowable]) -> EndedBy:
        return EndedBy(rest, self._ending)

    def _height(self, story: Sequence[Flowable], aw: float) -> float:
        return float(_listWrapOn(opened(story), aw, self.canv)[1])

    def _cut(
        self, aw: float, room: float, ah: float, at_top: bool, frame: Any
    ) -> tuple[list[Flowable], list[Flowable], bool]:
        """The body laid out as the frame would in ``room`` points (``ah`` what is really
        left on the page, for the conditional breaks): what goes on this page, the rest,
        and whether a conditional page break ends the page early."""
        items = list(self._body)
        placed: list[Flowable] = []
        used = 0.0
        after = float(getattr(frame, "_prevASpace", 0.0)) if not at_top else 0.0
        first = at_top
        page_h = float(getattr(frame, "_height", ah))
        room -= SLACK
        while items:
            f = items[0]
            if isinstance(f, CondPageBreak):
                if ah - used < f.height:
                    placed.append(items.pop(0))
                    return placed, items, True
                if room - used < f.height and (placed or not at_top):
                    # What it keeps together (a heading and its table's first rows) fits the
                    # page but not the cut: it moves on whole, the heading with its table.
                    return placed, items, False
                placed.append(items.pop(0))
                continue
            before = 0.0 if first else max(f.getSpaceBefore() - after, 0.0)
            if isinstance(f, KeepTogether):
                h = self._height(f._content, aw)
                if used + before + h > room:
                    if h <= page_h and (placed or not at_top):
                        return placed, items, False  # it moves on whole
                    items[0:1] = f._content  # taller than a page: it splits, as reportlab's
                    continue
            else:
                h = f.wrapOn(self.canv, aw, max(room - used - before, 0.0))[1]
                if used + before + h > room:
                    parts = f.splitOn(self.canv, aw, room - used - before)
                    if len(parts) >= 2:
                        placed.append(parts[0])
                        return placed, [*parts[1:], *items[1:]], False
                    return placed, items, False
            placed.append(items.pop(0))
            after = f.getSpaceAfter()
            used += before + h + after
            first = False
        return placed, items, False
