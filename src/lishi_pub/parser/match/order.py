"""Headlines that share no words with their stories, placed by order and elimination.

A poem's title (``他坐在河滩上``) or a notice's (``周末天气及出行提示``) often
shares no word with its text, so no score finds its story.  But a layout
program writes a page's headline block in some order, and where the
headlines matched on their words keep the stories' order, the block follows
the page: the headlines left between two matched ones belong to the stories
left between their stories.  Where as many are left on each side, they pair
in order; where the counts differ or the matched ones cross (a block written
in no useful order), nothing is guessed.
"""

from __future__ import annotations

from ..conventions import Profile
from ..conventions.markers import Markers
from ..segment.drafts import Draft
from ..segment.units import Unit

__all__ = ["fill_by_order", "is_slogan"]

def is_slogan(unit: Unit) -> bool:
    """Spaced phrases with nothing under them (``奋进新征程 建功新时代``): a slogan
    banner as likely as a title, so never placed by order."""
    return unit.byline is None and unit.subtitle is None and len(unit.titles) == 1 \
        and Markers.is_slogan(unit.titles[0])


def fill_by_order(drafts: list[Draft], units: list[Unit], profile: Profile) -> list[tuple[Unit, int]]:
    """Give the drafts left without a headline those of the headline block left
    between matched neighbours, in order; return the pairs made (unit, draft index)."""
    anchors = {id(d.anchor) for d in drafts if d.anchor is not None}
    # (a display line printed in the flow, above the first story, is no title of the block)
    block = [u for u in units if u.is_headline and u.in_block and id(u) not in anchors]
    at = {id(u): i for i, u in enumerate(block)}
    matched = sorted((at[id(d.unit)], k) for k, d in enumerate(drafts) if d.unit is not None and id(d.unit) in at)
    if len(matched) < profile.tuning.order_evidence:
        return []
    if any(b[1] <= a[1] for a, b in zip(matched, matched[1:])):
        return []  # the block is in no order the page keeps
    placed = {id(d.unit) for d in drafts if d.unit is not None}
    made: list[tuple[Unit, int]] = []
    bounds = [(-1, -1), *matched, (len(block), len(drafts))]
    for (u0, k0), (u1, k1) in zip(bounds, bounds[1:]):
        left = [u for u in block[u0 + 1: u1] if id(u) not in placed and not is_slogan(u)]
        open_drafts = [k for k in range(k0 + 1, k1) if drafts[k].unit is None]
        if left and len(left) == len(open_drafts):
            made.extend(zip(left, open_drafts))
    return made
