"""Poems printed one after another: ``…弯着的背影`` / (a new text box) ``他坐在河滩上`` / … are two poems.

A literary page whose titles stand in a block apart from the texts (the
layout program writes each poem's text frame, then the titles) prints two
poems in a row with nothing between them but the boundary of their text
boxes; the segment stage reads them as one run of verse.  A stanza break
looks the same, so the boundary alone says nothing: the headline block
does.  It prints one title per story, so where it holds more titles built
as titles (a byline under each) than there are stories left without one,
the poems are cut at their box boundaries, as many cuts as titles are
missing, where the verse on the two sides shares the fewest characters (a
stanza goes on in its poem's words; another poem speaks of other things).
"""

from __future__ import annotations


from ..conventions import Profile
from ..segment import Draft, Unit
from ...model import Paragraph
from ..text import han_chars
from .leftover import is_built, is_fragment, is_label

__all__ = ["split_poems"]

def _chars(draft: Draft, lo: int, hi: int) -> set[str]:
    return set().union(*(han_chars(b.text) for b in draft.blocks[lo:hi] if isinstance(b, Paragraph)))


def split_poems(drafts: list[Draft], units: list[Unit], profile: Profile) -> list[Draft]:
    """``drafts`` with poems cut at text-box boundaries where titles are missing (linear in the page)."""
    if not any(d.boxes for d in drafts):
        return drafts
    anchored = {id(d.anchor) for d in drafts if d.anchor is not None}
    titles = sum(1 for u in units if u.is_headline and u.in_block and id(u) not in anchored
                 and not is_fragment("".join(u.titles)) and not is_label(u, profile) and is_built(u, profile))
    missing = titles - sum(1 for d in drafts if d.anchor is None)
    if missing <= 0:
        return drafts
    # each box boundary, scored by the share of the verse after it (to the next one) found in the verse before
    scored: list[tuple[float, int, int]] = []
    for k, draft in enumerate(drafts):
        edges = [0, *draft.boxes, len(draft.blocks)]
        for i in range(1, len(edges) - 1):
            before, after = _chars(draft, edges[i - 1], edges[i]), _chars(draft, edges[i], edges[i + 1])
            if before and after:
                scored.append((len(before & after) / len(after), k, edges[i]))
    cuts: dict[int, list[int]] = {}
    for _, k, at in sorted(scored)[:missing]:
        cuts.setdefault(k, []).append(at)
    out: list[Draft] = []
    for k, draft in enumerate(drafts):
        if k not in cuts:
            out.append(draft)
            continue
        edges = [0, *sorted(cuts[k]), len(draft.blocks)]
        pieces = [Draft(blocks=draft.blocks[lo:hi], verse=True, closed=True) for lo, hi in zip(edges, edges[1:])]
        first, last = pieces[0], pieces[-1]
        first.anchor, first.unit, first.dateline = draft.anchor, draft.unit, draft.dateline
        first.authors, first.roles = draft.authors, draft.roles
        if draft.anchor is None and draft.authors and draft.closing:
            first.authors, first.roles = [], []  # named where the poem ended: the last poem's author
            last.authors, last.roles = draft.authors, draft.roles
        last.closed, last.closing, last.notes = draft.closed, draft.closing, draft.notes
        last.photos_after = draft.photos_after
        out.extend(pieces)
    return out
