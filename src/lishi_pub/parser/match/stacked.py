"""Two headline lines stacked over one story: the upper is the kicker, never the title.

A headline is often set as a kicker (引题) over the main title (主题), each
in a box of its own: ``安全生产专项整治三年行动收官`` over ``筑牢安全发展防线``,
``专项行动`` over ``河道“清四乱” 还河于民``.  The kicker may state the story's
facts better than the title does (the title is then a slogan), so matching by
words alone gives the story its kicker.  But a layout prints the title
nearest the text and the kicker over it: where a one-line unit with nothing
under it sits right above a headline and both describe the same story best,
the upper is that headline's kicker, put over it before the pairing, so that
the two are matched together, as one headline, to the story they describe.  Two
titles of two stories stacked in a headline block describe two stories, so
neither is held back.  One pass over the units, each scored against its
candidates only.
"""

from __future__ import annotations

from collections.abc import Callable

from ..conventions import Profile
from ..segment.drafts import Draft
from ..segment.units import Unit

__all__ = ["kickers_over"]


def _over(unit: Unit, profile: Profile) -> bool:
    """One line with nothing under it: the shape of a kicker (and of a title: the story decides);
    a line holding a full stop is a caption or text, no kicker."""
    return len(unit.titles) == 1 and unit.byline is None and unit.subtitle is None and unit.caption is None \
        and not any(stop in unit.titles[0] for stop in profile.conventions.full_stops)


def kickers_over(units: list[Unit], drafts: list[Draft], best: Callable[[Unit], int | None],
                 profile: Profile) -> list[tuple[Unit, Unit]]:
    """(kicker, headline): the units printed right above a headline, in the story's flow,
    that describe its story best of all stories.  ``best`` gives the draft a unit describes
    best (None: none)."""
    anchored = {id(d.anchor): k for k, d in enumerate(drafts) if d.anchor is not None}
    present = {id(u) for u in units}
    found: list[tuple[Unit, Unit]] = []
    taken: set[int] = set()
    for unit in units:
        upper = unit.above
        if upper is None or id(upper) not in present or not _over(upper, profile) or upper.in_block \
                or id(upper) in taken or id(unit) in taken \
                or profile.markers.is_notice_title(upper.titles[0]) \
                or len("".join("".join(unit.titles).split())) < profile.tuning.title_min:
            continue
        own = best(unit)
        target = anchored.get(id(unit), own)
        if target is not None and own == target and best(upper) == target:
            found.append((upper, unit))
            taken.update((id(upper), id(unit)))
    return found
