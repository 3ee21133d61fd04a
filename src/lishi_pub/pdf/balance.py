"""Balanced columns on the last PDF page of each printed page (版), as a newspaper sets them.

Two columns fill left then right, so a printed page's last PDF page would
otherwise end with a full left column beside a short right one.  The
document is laid out once, measuring for each printed page (a *section*)
how many PDF pages it takes and how much text its last page holds; it is
then laid out again with that page's columns cut to half that height,
rounded up to whole body lines.  Every section starts a new PDF page, so
cutting one section's last page moves nothing else.  A section whose text
no longer fits (a heading kept with its lines, a paragraph's two-line
minimum) gets one more line per pass; one that still does not fit after a
few passes keeps its unbalanced page.
"""

from __future__ import annotations

import math

from attrs import define, field
from reportlab.platypus.flowables import Flowable
from reportlab.platypus.frames import Frame

__all__ = ["Balancer", "SectionEnd"]

#: Layout passes at most (the first measures); each later one fixes what overflowed.
MAX_PASSES = 4


class SectionEnd(Flowable):
    """Marks the end of a printed page's flowables; takes no room."""

    _ZEROSIZE = True

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab API)
        return 0.0, 0.0

    def draw(self) -> None:
        pass


@define
class _Seen:
    """One pass's record of a section: its first page, its last page and the text on the last page's columns."""

    start: int
    end: int = 0
    used: float = 0.0


@define
class Balancer:
    """The plan (section → column height on its last page) and what the current pass saw."""

    step: float
    full: float
    heights: dict[int, float] = field(factory=dict)
    spans: dict[int, int] = field(factory=dict)
    seen: list[_Seen] = field(factory=list)
    _pending_start: bool = True

    def begin_pass(self) -> None:
        self.seen = []
        self._pending_start = True

    def page_begins(self, page: int) -> float | None:
        """The column height for ``page``, if it is a balanced section's last page."""
        if self._pending_start:
            self.seen.append(_Seen(start=page))
            self._pending_start = False
        section = len(self.seen) - 1
        height = self.heights.get(section)
        if height is not None and page == self.seen[section].start + self.spans[section] - 1:
            return height
        return None

    def section_ends(self, page: int, columns: list[Frame]) -> None:
        current = self.seen[-1]
        current.end = page
        current.used = sum(f._y2 - f._y for f in columns)
        self._pending_start = True

    def plan(self) -> bool:
        """Update the plan from the pass just done; False when nothing changed (the layout stands)."""
        changed = False
        for number, seen in enumerate(self.seen):
            span = seen.end - seen.start + 1
            if number not in self.spans:
                if seen.used <= 0:
                    continue
                height = min(self.full, math.ceil(seen.used / 2 / self.step - 0.01) * self.step + 0.5)
                if height < self.full - 0.5 * self.step:
                    self.heights[number], self.spans[number] = height, span
                    changed = True
            elif span != self.spans[number]:  # overflowed: a line more next time, or give up
                height = self.heights[number] + self.step
                if height >= self.full or seen.end < seen.start:
                    del self.heights[number]
                else:
                    self.heights[number] = height
                changed = True
        return changed
