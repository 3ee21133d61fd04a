"""Run-in item titles the column wrapped: ``● 校园足球联赛开`` / ``幕 全区中小学校园足…``.

A short-news item's run-in title is set in the item's own column, so in a
narrow column it wraps like any text: the title's last characters open the
next line, and the space after the title stands there.  The marked line then
holds no space of its own, and it is as wide as the line under it (a wrapped
line fills its column; a title standing alone on its line is shorter).  Part
of the classify stage: one look at the next line, for marked lines only.
"""

from __future__ import annotations

import re

from .conventions import Profile
from .text import clean_spaces, is_letter_spaced, width

__all__ = ["wrapped_item_title"]

#: The title's last characters, then the space between words: Han (or a closing quote)
#: before it and Han, an opening quote or the digits of the item's opening date after it.
_HEAD = re.compile(r"(?P<head>[^\s，。、；：！？,;:!?]+?)(?<=[\u4e00-\u9fff”’）》])[ \u3000]+(?=[\u4e00-\u9fff“‘（《0-9])")
_CLAUSE = re.compile(r"[，。、；：！？,;:!?]")


def wrapped_item_title(text: str, following: str, profile: Profile) -> tuple[str, str] | None:
    """(title, the characters of it that wrapped onto ``following``), or None.

    ``text`` opens with an item mark and holds no space after its title
    (:meth:`~.conventions.markers.Markers.item_title` found none); ``following``
    is the next line, which must go on with the title's end and the space
    after it, set as wide as ``text`` within ``full``, and not letter-spaced
    (a justified line's stretch is no space between words).
    """
    stripped = text.strip()
    tuning = profile.tuning
    if stripped[:1] not in profile.conventions.item_marks or not following:
        return None
    printed = stripped[1:].strip()
    if not printed or " " in printed or "\u3000" in printed or _CLAUSE.search(printed) is not None:
        return None
    nxt = following.strip()
    m = _HEAD.match(nxt)
    if m is None or is_letter_spaced(nxt) or abs(width(stripped) - width(nxt)) > tuning.full:
        return None
    head = m.group("head")
    title = clean_spaces(printed + head)
    if not tuning.item_title_min <= len(title) <= tuning.item_title_max or len(head) > len(printed):
        return None
    return title, head
