"""A dated story's headline restates its lead: one that names only its later paragraphs heads another story.

A news story that opens with a dateline (本报讯, 央广网12月16日讯) says in its
first paragraph what its headline says; its headline's words are there.  So
where the only headline that claims such a run of text names nothing of its
first ``lead_reach`` paragraphs and only paragraphs further on, the run
holds two stories printed one after the other with no marker between them
(a commentary after a report, ``交通大动脉串起发展新格局`` / ``央广网12月16日讯
一条条公路穿山越岭…`` then ``…留住了根，乡村文化才能枝繁叶茂。``): that headline
heads the story that starts where its words start, and the dated story before
it keeps its dateline and waits for its own headline.  (A feature, undated,
may open on a scene that names nothing of its title, so it is never cut so.)
Linear: each paragraph's bigrams are asked once.
"""

from __future__ import annotations

from ...model import Heading, Paragraph
from ..conventions import Profile
from ..conventions.markers import Byline
from ..segment.drafts import Draft
from ..segment.units import Unit
from ..text import grams

__all__ = ["split_tail"]


def split_tail(draft: Draft, unit: Unit, profile: Profile) -> list[Draft] | None:
    """The dated ``draft`` cut in two where the words of ``unit``, its one claimant, start,
    when that is past its lead; None where the headline names its lead (or nothing of it at all)."""
    if draft.dateline is None or draft.anchor is unit:
        return None  # (printed right above the story, it is its headline wherever its words are)
    words = {g for g in grams(unit.text) if len(g) > 1}
    paragraphs = [(i, b.text) for i, b in enumerate(draft.blocks) if isinstance(b, Paragraph)]
    reach = profile.tuning.lead_reach
    if len(paragraphs) <= reach:
        return None
    first = next((i for i, text in paragraphs if words & grams(text)), None)
    if first is None or first < paragraphs[reach][0]:
        return None
    cut = first
    while isinstance(draft.blocks[cut - 1], Heading):
        cut -= 1  # a subheading over the paragraph goes with it
    head = Draft(blocks=draft.blocks[:cut], dateline=draft.dateline, anchor=draft.anchor, verse=draft.verse,
                 item=draft.item)
    tail = Draft(blocks=draft.blocks[cut:], anchor=unit, verse=draft.verse)
    # the dateline's names open the first story, a closing byline's close the second
    for name, role in zip(draft.authors, draft.roles):
        (tail if name in draft.closing else head).add_byline(Byline((name,), (role,)))
    head.closed = True
    tail.closing, tail.closed = list(draft.closing), draft.closed
    tail.notes = list(draft.notes)
    tail.photos_after, draft.photos_after = draft.photos_after, []
    return [head, tail]
