"""Photos printed between two stories: the story above's, the story below's, or neither.

A picture-news photo (a photo with its caption and nothing else) stands between
stories as one of them; a story's own photo may be printed after its last
paragraph too, and a story printed after a photo may open with it.  Where the
photo stands says no more than that it is one of the two stories' or its own,
so what the caption names decides: it goes to the neighbour whose text holds
enough of the caption's words (``figure_threshold``, the photographer among the
story's authors adding ``credit_bonus``, the story above breaking ties by
``near_bonus``), and stays loose where neither does.  A story elsewhere on the
page is never its story: the photo would be printed beside it.
"""

from __future__ import annotations

from ...model import Figure
from ..conventions import Profile
from ..segment import Draft, Unit
from .scorer import Scorer

__all__ = ["between_captions", "place_between", "unit_photos"]


def between_captions(drafts: list[Draft]) -> list[str]:
    """The captions the scorer must know (its vocabulary is fixed by its queries)."""
    return [f.caption for d in drafts for f in d.photos_after]


def place_between(drafts: list[Draft], read: list[Draft], scorer: Scorer, profile: Profile) -> list[Figure]:
    """Put each photo printed after a story with that story or the next; return the loose ones.
    ``read``: the drafts as segment read them (a photo held by one the match stage replaced
    is loose, never lost)."""
    tuning = profile.tuning
    kept = {id(d) for d in drafts}
    gone = {id(d): d for d in read if id(d) not in kept}  # (a draft read twice is counted once)
    loose: list[Figure] = [f for d in gone.values() for f in d.photos_after]
    for k, draft in enumerate(drafts):
        photos, draft.photos_after = draft.photos_after, []
        for figure in photos:
            names = {c.name for c in figure.credit.by} if figure.credit else set()
            best, score = None, 0.0
            for j in (k, k + 1):
                if j >= len(drafts):
                    continue
                other = drafts[j]
                authors = {*other.authors, *(other.unit.byline.authors if other.unit and other.unit.byline else ())}
                value = scorer.score(figure.caption, j) + (tuning.credit_bonus if names & authors else 0.0) \
                    + (tuning.near_bonus if j == k else 0.0)
                if value > score:
                    best, score = j, value
            if best is not None and score >= tuning.figure_threshold:
                target = drafts[best]
                if best == k:
                    target.blocks.append(figure)  # after the story's text, where it was printed
                else:
                    target.blocks.insert(0, figure)  # before the story's text, where it was printed
            else:
                loose.append(figure)
    return loose


def unit_photos(drafts: list[Draft], units: list[Unit], floating: list[tuple[Figure, int | None]],
                scorer: Scorer, profile: Profile) -> list[tuple[Figure, int | None]]:
    """A caption printed in a headline block right under a headline unit (its byline, its
    subtitle) is that headline's story's photo: the layout program writes a story's headline,
    byline and photo caption together.  Printed in the unit's own text box, it joins that
    story; in a box of its own it does unless its words name another story (scored as
    :func:`~.assign.attach_figures` does).  The rest are returned for ``attach_figures``."""
    story = {id(d.unit): k for k, d in enumerate(drafts) if d.unit is not None}
    placed: list[tuple[Unit, int]] = [
        (unit, story[id(unit.above)]) for unit in units
        if unit.caption is not None and unit.above is not None and unit.above.is_headline
        and id(unit.above) in story]
    if not placed:
        return floating
    rest: list[tuple[Figure, int | None]] = []
    for figure, near in floating:
        at = next((i for i, (unit, _) in enumerate(placed)
                   if near is None and unit.caption is not None and unit.caption.caption == figure.caption), None)
        if at is None:
            rest.append((figure, near))
            continue
        unit, k = placed.pop(at)
        if unit.apart:
            best = max(range(len(drafts)), key=lambda j: (scorer.score(figure.caption, j), -j))
            if best != k and scorer.score(figure.caption, best) >= profile.tuning.figure_threshold:
                rest.append((figure, k))  # its words name another story: placed by them
                continue
        drafts[k].blocks.append(figure)
    return rest
