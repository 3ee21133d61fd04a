"""A feature's subheading read as a headline in its flow: the story goes on under it.

A page that prints its headlines in a block after the text prints a
feature's subheadings (小标题) in the flow, between its paragraphs, set in
display type like a headline: ``……学校连一个像样的球门都没有。`` /
``从“土场子”起步`` / ``那时候，操场是一块坑坑洼洼的黄土地……``.  Read as the
headline of a story starting there, it cuts the feature in two and heads the
second half.  But a subheading names a part of its story, and the text under
it goes on telling the story above it: where the headline given to the text
above describes the text under the line too (``claim_threshold``), the line
is that story's subheading and the text under it is that story's.  Only a
line with nothing under it (no byline, no subtitle), printed in the flow,
heading undated text that no closing byline ended before it, is read so; and
never a notice's title (a notice has no subheadings) nor a line over an
editor's note (``编者按：…`` opens a story of its own).  One pass over
neighbouring drafts.
"""

from __future__ import annotations

from ...model import Heading
from ..conventions import Profile
from ..segment.drafts import Draft
from .scorer import Scorer

__all__ = ["rejoin_subheadings"]


def rejoin_subheadings(drafts: list[Draft], scorer: Scorer, profile: Profile) -> list[Draft]:
    """The drafts with each one headed by a subheading joined to the story above it
    (the same list where none is)."""
    mk = profile.markers
    out: list[Draft] = []
    joined = False
    for k, draft in enumerate(drafts):
        line = draft.unit
        above = out[-1] if out else None
        head = above.unit if above is not None else None
        if line is not None and line is draft.anchor and head is not None \
                and not line.in_block and line.byline is None and line.subtitle is None \
                and len(line.titles) == 1 and draft.dateline is None and not draft.item \
                and above is drafts[k - 1] and not above.closing \
                and scorer.score(head.text, k) >= profile.tuning.claim_threshold \
                and not mk.names_its_kind(line.titles[0]) and not mk.names_its_kind(head.text) \
                and not mk.opens_story(draft.lead):
            above.blocks.append(Heading(line.titles[0]))
            above.blocks.extend(draft.blocks)
            above.notes.extend(draft.notes)
            for name, role in zip(draft.authors, draft.roles):
                if name not in above.authors:
                    above.authors.append(name)
                    above.roles.append(role)
            above.closing, above.closed = list(draft.closing), draft.closed
            above.photos_after = draft.photos_after
            line.titles = []  # printed in the story now, as its subheading: no banner of the page
            joined = True
            continue
        out.append(draft)
    return out if joined else drafts
