"""What each page asks of its reviewer, counted, and the order to look at pages in.

A weak headline match or a title that is not printed is wrong more often
than anything else the parser does, and a line the page lost is worse
still; a page's need of a look is the weighted count of these, so the
summary table puts the riskiest pages first.  The weights are data, kept
here, not scattered through the page.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

from .provenance import PageTrace

__all__ = ["NEED_WEIGHTS", "PageSummary", "by_need", "low_confidence_ids", "summarise"]

NEED_WEIGHTS = {
    "low_confidence": 3.0,  # a headline may sit on the wrong story
    "untitled": 3.0,  # no title at all
    "unplaced": 3.0,  # text the parsed page does not hold
    "unmatched": 2.0,  # a headline that found no story: a story may lack it
    "derived": 1.0,  # a title made from the lead, not printed
    "notes": 0.5,  # any other diagnostic
}
# Diagnostics counted in a column of their own, or no concern at all.
_COUNTED = frozenset(("headline-match", "low-confidence", "no-headline", "unmatched-headline"))


@frozen
class PageSummary:
    index: int  # position in the review, from 0
    number: int | None
    label: str | None
    source: str | None
    articles: int
    low_confidence: int
    derived: int
    untitled: int
    unmatched: int
    unplaced: int
    notes: int

    @property
    def need(self) -> float:
        return sum(weight * float(getattr(self, name)) for name, weight in NEED_WEIGHTS.items())


def low_confidence_ids(trace: PageTrace) -> frozenset[str]:
    return frozenset(d.article for d in trace.page.diagnostics if d.code == "low-confidence" and d.article)


def summarise(index: int, trace: PageTrace) -> PageSummary:
    page = trace.page
    return PageSummary(
        index=index,
        number=page.number,
        label=page.label,
        source=page.source,
        articles=len(page.articles),
        low_confidence=len(low_confidence_ids(trace)),
        derived=sum(a.title_source == "derived" for a in page.articles),
        untitled=sum(a.title is None for a in page.articles),
        unmatched=sum(u.article is None for u in trace.units),
        unplaced=sum(line.zone == "unplaced" for line in trace.lines),
        notes=sum(d.code not in _COUNTED for d in page.diagnostics),
    )


def by_need(summaries: Sequence[PageSummary]) -> list[PageSummary]:
    """Most in need of a look first; pages that need it equally keep their order."""
    return sorted(summaries, key=lambda s: (-s.need, s.index))
